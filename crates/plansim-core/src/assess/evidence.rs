//! What a grade rests on: the year and the number of its observations, an official figure for
//! the plan's period where one is published, and the period figures it could not use (each
//! said, never dropped). The sentence and the JSON fields come from the same numbers here.

use super::hold::Summary;
use super::{Grade, Row, Status};
use crate::actuals::{PeriodObs, periods};
use crate::lang::Text;
use crate::meaning::Quantity;

impl Row<'_> {
    /// The official figure for the plan's period known by the cut, if any — covering the years
    /// after the base year up to one at or before the cut, the latest such — and a note for
    /// every other period figure matched to the row, saying why it is not used.
    pub(crate) fn period_figure(&self) -> (Option<PeriodObs>, Vec<Text>) {
        let (all, unusable) = periods(&self.m, self.ind, &self.matches);
        let mut notes: Vec<Text> = unusable
            .into_iter()
            .map(|(what, why)| unused(&what, &Text::new(why, "期间数据不给出水平值".into())))
            .collect();
        let first = self.base_year() + 1;
        let cut = self.cut();
        // a total change, or an average rate (of a rate, or of a level's growth)
        let usable = matches!(self.m.quantity, Quantity::PeriodChange)
            || matches!(self.m.target, crate::meaning::TargetKind::AnnualRate { .. });
        let mut best: Option<PeriodObs> = None;
        for p in all {
            if self.as_of.is_some_and(|y| p.last > y) {
                continue; // not yet published then
            }
            let why = if !usable {
                Some(Text::new(
                    "the target is neither a total change nor an average rate".into(),
                    "目标既非期间累计变化，也非年均速度".into(),
                ))
            } else if p.first != first || p.last > cut {
                Some(Text::new(
                    format!(
                        "it covers {}–{}, not the plan's {first}–{cut}",
                        p.first, p.last
                    ),
                    format!(
                        "其期间为{}–{}年，不是规划期{first}–{cut}年",
                        p.first, p.last
                    ),
                ))
            } else {
                None
            };
            match why {
                Some(why) => {
                    notes.push(unused(&format!("{}–{} {}", p.first, p.last, p.text), &why))
                }
                None => {
                    if let Some(old) = best.replace(p) {
                        let why = Text::new(
                            "a later or final figure for the period replaces it".into(),
                            "已有更新或正式的期间数据".into(),
                        );
                        notes.push(unused(
                            &format!("{}–{} {}", old.first, old.last, old.text),
                            &why,
                        ));
                    }
                }
            }
        }
        (best, notes)
    }
}

/// `period figure 2016–2020 〔18.8〕 not used: …`.
fn unused(what: &str, why: &Text) -> Text {
    Text::new(
        format!("period figure {what} not used: {}", why.en),
        format!("期间数据{what}未采用：{}", why.zh),
    )
}

/// A mean of yearly figures settles an average over the period only when it covers every
/// year of it, up to the target year: one year cannot settle a five-year average.
pub(crate) fn whole_period(row: &Row, s: &Summary) -> bool {
    whole(row, s.latest_year, s.years.round() as i32)
}

/// `k` yearly figures, the latest in `latest`, cover the period up to the target year.
pub(crate) fn whole(row: &Row, latest: i32, k: i32) -> bool {
    latest == row.ind.target_year && k >= row.ind.target_year - row.base_year()
}

/// `only 1 of the 5 years 2016–2020 is known: a grade of progress, not a final verdict`.
pub(crate) fn part_of_period(row: &Row, k: i32) -> Text {
    let (a, b) = (row.base_year() + 1, row.ind.target_year);
    let n = b - a + 1;
    Text::new(
        format!(
            "; only {k} of the {n} years {a}–{b} {} known: a grade of progress, not a final \
             verdict",
            if k == 1 { "is" } else { "are" }
        ),
        format!("；{a}–{b}年{n}年中仅有{k}年实际值：为进展评估，不是最终结论"),
    )
}

/// The year outturns are known to: `--as-of`, else the latest year of any outturn read.
pub(crate) fn now(resolved: &crate::actuals::Resolved, as_of: Option<i32>) -> Option<i32> {
    as_of.or_else(|| resolved.outturns.iter().map(|o| o.year).max())
}

/// Says what the grade rests on, after its reason: `(evidence: 5 yearly figures, latest 2025)`,
/// `(evidence: the official figure for 2021–2025 〔17.7〕)`, `(no outturn)`; and, when the
/// target year has passed by `now` without a figure for it, that the grade is one of progress
/// as of its latest year.
pub(crate) fn stamp(g: &mut Grade, now: Option<i32>) {
    let stale = g.evidence_year.filter(|y| {
        *y < g.target_year
            && now.is_some_and(|n| n >= g.target_year)
            && !matches!(g.status, Status::Achieved | Status::Missed)
    });
    if let Some(y) = stale {
        let t = g.target_year;
        g.text = std::mem::take(&mut g.text).then(&Text::new(
            format!("; as of {y}, the latest figure: none for {t}, so no final verdict"),
            format!("；为截至{y}年（最新数据）的评估：无{t}年数据，不作最终结论"),
        ));
    }
    let words = match (&g.period_figure, g.evidence_year, g.evidence_count) {
        (Some(p), _, _) => Text::new(
            format!(" (evidence: the official period figure {p})"),
            format!("（依据：官方期间数据{p}）"),
        ),
        (None, Some(y), n) if n > 0 => Text::new(
            format!(
                " (evidence: {n} yearly figure{}, latest {y})",
                if n == 1 { "" } else { "s" }
            ),
            format!("（依据：{n}个年度实际值，最新为{y}年）"),
        ),
        _ if g.uncounted => Text::new(
            " (no outturn counted)".into(),
            "（无可计入的实际值）".into(),
        ),
        _ => Text::new(" (no outturn)".into(), "（无实际值）".into()),
    };
    if g.status != Status::Qualitative || g.evidence_count > 0 {
        g.text = std::mem::take(&mut g.text).then(&words);
    }
}

/// Words of a note that say how a figure was measured: a figure so noted is on another basis
/// than one that is not (`扣除原料用能和非化石能源` from 2023 on).
const METHOD: [&str; 7] = ["扣除", "剔除", "不含", "口径", "新标准", "修订", "按新"];

/// A warning when the figures used are on different bases — some years carry a note on their
/// method, others another or none: they are combined nonetheless, and the reason says so.
pub(crate) fn bases(used: &[crate::actuals::Obs]) -> Option<Text> {
    let method = |o: &crate::actuals::Obs| {
        o.notes
            .iter()
            .find(|n| METHOD.iter().any(|w| n.contains(w)))
            .cloned()
    };
    let mut groups: Vec<(Option<String>, Vec<i32>)> = Vec::new();
    for o in used {
        let m = method(o);
        match groups.iter_mut().find(|(g, _)| *g == m) {
            Some((_, ys)) => ys.push(o.year),
            None => groups.push((m, vec![o.year])),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    let span = |ys: &[i32]| match (ys.first(), ys.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    };
    let (mut en, mut zh) = (Vec::new(), Vec::new());
    for (m, ys) in &groups {
        match m {
            Some(m) => {
                en.push(format!("{}: {m}", span(ys)));
                zh.push(format!("{}年：{m}", span(ys)));
            }
            None => {
                en.push(format!("{}: as first published", span(ys)));
                zh.push(format!("{}年：原口径", span(ys)));
            }
        }
    }
    Some(Text::new(
        format!(
            "; warning: the yearly figures are on different bases ({}), combined nonetheless",
            en.join("; ")
        ),
        format!("；警告：各年数据口径不同（{}），仍合并计算", zh.join("；")),
    ))
}
