//! Ambition against history: the pace a target needs from its base year beside the pace the
//! outturns show over the period before it (the five years up to the base year, as far as the
//! outturns span them), and their ratio. Where a ratio means nothing, words say why:
//! 已达到，需保持 (the base already meets the target, or the past kept the bound on average),
//! 方向相反 (the past moved the other way), 无历史 (no outturns before the base), 无数值可比.
//!
//! Paces are in the grade's terms: points a year for shares, % a year for levels and change
//! indices (a period total `〔17〕` is the index 100 → 83), the rate itself for yearly rates.

use super::Row;
use super::hold::{average, yearly};
use super::path::{Path, levels};
use super::words as say;
use crate::actuals::Obs;
use crate::lang::Lang;
use crate::lang::Text;
use crate::meaning::GoalKind;
use crate::meaning::{Quantity, TargetKind};
use crate::table::Direction;
use serde::Serialize;

/// How many years before the base year count as the previous period.
const PERIOD: i32 = 5;

/// What the comparison says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Both paces known and of the same sign: `ratio` = required ÷ past.
    Ratio,
    /// 已达到，需保持: met at the base, or a bound the past kept on average.
    AlreadyMet,
    /// 方向相反: the past moved away from the target.
    Opposite,
    /// 无历史: no outturns before the base year to measure a pace.
    NoHistory,
    /// 无数值可比: no number to compare (words, relations to another indicator).
    Qualitative,
}

/// A target's ambition against the previous period's outturns.
#[derive(Clone, Debug, Serialize)]
pub struct Ambition {
    /// What the comparison says.
    pub verdict: Verdict,
    /// The pace the target needs from its base year, in `unit`.
    pub required: Option<f64>,
    /// The years `required` spans (base year, target year).
    pub required_years: Option<(i32, i32)>,
    /// The pace of the outturns over the previous period, in `unit`.
    pub past: Option<f64>,
    /// The years `past` spans (first and last outturn used).
    pub past_years: Option<(i32, i32)>,
    /// The previous period's total as the table prints it in the base column (`〔17.7〕`),
    /// when `past` is read from it rather than from the outturns.
    pub past_printed: Option<String>,
    /// required ÷ past, for `Ratio`.
    pub ratio: Option<f64>,
    /// `points a year`, `% a year`, or the target's unit for yearly rates and bounds.
    pub unit: String,
    /// The comparison in one sentence, in the language asked for.
    pub text: String,
    /// The sentence in both languages.
    #[serde(skip)]
    pub words: Text,
}

impl Ambition {
    fn new(verdict: Verdict, unit: String) -> Ambition {
        Ambition {
            verdict,
            required: None,
            required_years: None,
            past: None,
            past_years: None,
            past_printed: None,
            ratio: None,
            unit,
            text: String::new(),
            words: Text::default(),
        }
    }

    /// Settles the verdict from the two paces and writes the sentence.
    fn compare(mut self, required: Option<f64>, past: Option<(f64, (i32, i32))>) -> Ambition {
        self.required = required;
        if let Some((p, years)) = past {
            self.past = Some(p);
            self.past_years = Some(years);
        }
        if self.verdict == Verdict::Ratio {
            match (required, self.past) {
                (_, None) | (None, _) => self.verdict = Verdict::NoHistory,
                (Some(r), Some(p)) if p == 0.0 || r * p < 0.0 => self.verdict = Verdict::Opposite,
                (Some(r), Some(p)) => self.ratio = Some(r / p),
            }
        }
        self.words = sentence(&self);
        self
    }

    /// Puts the sentence in a language.
    pub(crate) fn render(&mut self, lang: Lang) {
        self.text = self.words.get(lang).to_string();
    }
}

/// 已达到，需保持: a target asks to be kept, not for a pace, when the value it is judged on
/// already meets it — the level (of a target to reach, a share, a period's change index) or,
/// for a bound kept every year, the mean of the yearly values. One rule for every column that
/// would otherwise print a pace: the ambition column judges from the base year, the pages'
/// required rates from the latest outturn.
pub fn kept(goal: &GoalKind, dir: Direction, judged_on: f64) -> bool {
    // a figure on a strict bound's line (98 under `＞98`) is where the plan starts holding
    // it: kept, not a pace of zero to climb (the grade says the line itself falls short)
    goal.loose().met(judged_on, dir)
}

/// What a page prints instead of a pace for a target [`kept`].
pub fn kept_words() -> Text {
    Text::new("already met: keep it".into(), "已达到，需保持".into())
}

/// The one sentence of an ambition, in both languages: `需0.62个百分点/年（2025–2030年），
/// 2021–2025年实际0.79个百分点/年：为过去速度的0.78倍`.
pub fn sentence(a: &Ambition) -> Text {
    let need = a.required.map(|r| {
        let v = say::amount(&two(r), &a.unit);
        let span = a.required_years.map_or_else(
            || Text::same(""),
            |(x, y)| Text::new(format!(" ({x}–{y})"), format!("（{x}–{y}年）")),
        );
        Text::new(
            format!("needs {}{}", v.en, span.en),
            format!("需{}{}", v.zh, span.zh),
        )
    });
    let past = match (a.past, a.past_years) {
        (Some(p), Some((x, y))) => {
            let v = say::amount(&two(p), &a.unit);
            Some(match &a.past_printed {
                Some(total) => Text::new(
                    format!("{x}–{y} achieved {total}, {}", v.en),
                    format!("{x}–{y}年实际{total}，折合{}", v.zh),
                ),
                None => Text::new(
                    format!("{x}–{y} achieved {}", v.en),
                    format!("{x}–{y}年实际{}", v.zh),
                ),
            })
        }
        _ => None,
    };
    let both = |tail: Text| -> Text {
        let parts: Vec<&Text> = [need.as_ref(), past.as_ref()]
            .into_iter()
            .flatten()
            .collect();
        let en = parts.iter().map(|t| t.en.as_str()).collect::<Vec<_>>();
        let zh = parts.iter().map(|t| t.zh.as_str()).collect::<Vec<_>>();
        let (en, zh) = (en.join("; "), zh.join("，"));
        if en.is_empty() {
            tail
        } else {
            Text::new(format!("{en}: {}", tail.en), format!("{zh}：{}", tail.zh))
        }
    };
    match a.verdict {
        Verdict::Ratio => {
            let r = show_ratio(a.ratio.unwrap_or(f64::NAN));
            both(Text::new(
                format!("{r} times the past pace"),
                format!("为过去速度的{r}倍"),
            ))
        }
        Verdict::AlreadyMet => kept_words(),
        Verdict::Opposite => both(Text::new(
            "the past moved the other way".into(),
            "方向相反".into(),
        )),
        Verdict::NoHistory => both(Text::new("no history".into(), "无历史".into())),
        // not the grade's word 定性: a relation to another row has a grade of its own
        Verdict::Qualitative => Text::new("no number to compare".into(), "无数值可比".into()),
    }
}

/// A ratio to two decimals: `0.78`, `1.40`.
fn show_ratio(r: f64) -> String {
    format!("{r:.2}")
}

/// A pace to two decimals, as the outline's tables print rates: `0.62`, `-3.66`.
fn two(v: f64) -> String {
    format!("{v:.2}")
}

/// The ambition of one row's target (see the module).
pub(crate) fn of(row: &Row) -> Ambition {
    match row.m.target.clone() {
        TargetKind::Qualitative { .. } | TargetKind::Relational { .. } => {
            let mut a = Ambition::new(Verdict::Qualitative, String::new());
            a.words = sentence(&a);
            a
        }
        TargetKind::Reach { goal, .. }
        | TargetKind::PeriodTotal { goal, .. }
        | TargetKind::Hold { goal, .. } => {
            let dir = row.m.direction;
            let level = goal.level(dir);
            let Some((y0, x0)) = row.m.base else {
                return Ambition::new(Verdict::NoHistory, String::new()).compare(None, None);
            };
            let path = Path::of(row, x0);
            let mut a = Ambition::new(Verdict::Ratio, path.unit(row));
            if kept(&goal, dir, x0) {
                a.verdict = Verdict::AlreadyMet;
            }
            let n = f64::from(row.ind.target_year - y0);
            a.required_years = Some((y0, row.ind.target_year));
            // the previous period's total printed in the base column is the official figure
            // (〔17.7〕, on revised data), before the product of the yearly outturns
            let printed = printed_total(row);
            if printed.is_some() {
                a.past_printed = Some(row.ind.base.raw.trim().to_string());
            }
            let past = printed.or_else(|| level_pace(row, path, y0));
            a.compare(path.pace(x0, level, n), past)
        }
        TargetKind::AnnualBound { goal, of, .. } | TargetKind::AnnualRate { goal, of, .. } => {
            let unit = match of {
                crate::meaning::Of::Growth => "% a year".to_string(),
                crate::meaning::Of::Values => row.ind.value_unit(),
            };
            let mut a = Ambition::new(Verdict::Ratio, unit);
            let history = previous(yearly(row, of).1, row.base_year(), 0);
            let past = (!history.is_empty()).then(|| (average(of, &history), span(&history)));
            let bound = matches!(row.m.target, TargetKind::AnnualBound { .. });
            // a bound the past kept on average asks only to be kept
            if bound && past.is_some_and(|(m, _)| kept(&goal, row.m.direction, m)) {
                a.verdict = Verdict::AlreadyMet;
            }
            a.compare(Some(goal.level(row.m.direction)), past)
        }
    }
}

/// The outturns of the previous period: years after `base − 5` (yearly changes) or from
/// `base − 5` (levels, `extra` = 1) up to the base year.
fn previous(history: Vec<Obs>, base: i32, extra: i32) -> Vec<Obs> {
    history
        .into_iter()
        .filter(|o| o.year > base - PERIOD - extra && o.year <= base && o.side.is_none())
        .collect()
}

fn span(obs: &[Obs]) -> (i32, i32) {
    let first = obs.first().map_or(0, |o| o.year);
    let last = obs.last().map_or(0, |o| o.year);
    (first, last)
}

/// The previous period's change printed in the base column as a period total (`〔17.7〕`
/// under 2025年: 2021–25), as a compound % a year in the row's direction.
fn printed_total(row: &Row) -> Option<(f64, (i32, i32))> {
    let cell = &row.ind.base;
    if row.m.quantity != Quantity::PeriodChange || !cell.is_period_total() {
        return None;
    }
    let total = cell.point()?.value.abs() / 100.0;
    let [from, to] = cell
        .period_years
        .unwrap_or([row.base_year() - PERIOD + 1, row.base_year()]);
    let years = f64::from(to - from + 1);
    let change = match row.m.direction {
        crate::table::Direction::Falling => -total,
        _ => total,
    };
    if years <= 0.0 || change <= -1.0 {
        return None;
    }
    Some((
        ((1.0 + change).powf(1.0 / years) - 1.0) * 100.0,
        (from - 1, to),
    ))
}

/// The pace of the previous period's outturns in the path's terms: the compound mean of yearly
/// changes for a change index, else the pace from the first to the last level.
fn level_pace(row: &Row, path: Path, base: i32) -> Option<(f64, (i32, i32))> {
    let lv = levels(row);
    if row.m.quantity == Quantity::PeriodChange {
        let changes = previous(lv.history, base, 0);
        if changes.is_empty() {
            return None;
        }
        let f: f64 = changes.iter().map(|o| 1.0 + o.value / 100.0).product();
        let pace = (f.powf(1.0 / changes.len() as f64) - 1.0) * 100.0;
        let (a, b) = span(&changes);
        return Some((pace, (a - 1, b)));
    }
    let mut points: Vec<(i32, f64)> = previous(lv.history, base, 1)
        .iter()
        .map(|o| (o.year, o.value))
        .collect();
    // the table's own base value is a point of the past too, where no outturn gives its year
    if let Some((y0, x0)) = row.m.base
        && y0 == base
        && !points.iter().any(|p| p.0 == y0)
    {
        points.push((y0, x0));
        points.sort_by_key(|p| p.0);
    }
    let (a, b) = (points.first()?, points.last()?);
    let pace = path.pace(a.1, b.1, f64::from(b.0 - a.0))?;
    Some((pace, (a.0, b.0)))
}

#[cfg(test)]
#[path = "ambition_tests.rs"]
mod tests;
