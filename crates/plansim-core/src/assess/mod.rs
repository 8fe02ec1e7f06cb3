//! Grades from evidence: every target of a table held against its outturns, in the official
//! vocabulary (提前实现, 已实现, 快于预期, 基本符合预期, 滞后于预期, 未实现, 数据不足, 定性).
//! The plan's own arithmetic is `check`'s; what happened is assess's, and every status a
//! reader sees comes from here. One file per rule family: `reach` (levels, period totals,
//! running totals), `hold` (bounds kept, bounds on each year), `rate` (average annual
//! rates), `relational` (高于/与…同步 another indicator's growth); the trend,
//! σ and the probability of meeting a target are [`crate::series::trend`]'s.
pub mod ambition;
mod basis;
mod evidence;
mod hold;
mod own_outcome;
mod path;
mod rate;
mod reach;
pub(crate) mod record;
mod relational;
mod typed;
pub mod words;
pub use record::{Grade, Status, gap_is_pace};
pub(crate) use relational::{IN_STEP, relation_holds};
pub use typed::{
    Average, Chance, Evidence, Fields, Kept, Latest, Period, Reach, Relative, Unit, Yearly,
};

use self::words as say;
use crate::actuals::{How, Obs, Outturn, Resolved};
use crate::format::significant as show;
use crate::lang::Lang;
use crate::lang::Text;
use crate::meaning::{Meaning, Quantity, TargetKind};
use crate::names::Aliases;
use crate::table::{Form, Indicator};

/// What to grade with.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Ignore outturns after this year: what was known then.
    pub as_of: Option<i32>,
    /// The language of the reasons and notes.
    pub lang: Lang,
}

/// Grades every row of `indicators` against the outturns matched to them.
pub fn assess(
    indicators: &[Indicator],
    resolved: &Resolved,
    aliases: &Aliases,
    opts: &Options,
) -> Vec<Grade> {
    grades(indicators, resolved, aliases, opts).collect()
}

/// The grades of the rows of `indicators`, in their order, each made as it is asked for (a
/// writer holds one grade, not a grade for every row: some 2 kB a row).
pub fn grades<'a>(
    indicators: &'a [Indicator],
    resolved: &'a Resolved,
    aliases: &'a Aliases,
    opts: &Options,
) -> impl Iterator<Item = Grade> + use<'a> {
    let (as_of, lang) = (opts.as_of, opts.lang);
    let now = evidence::now(resolved, as_of);
    // an achievement table's rows no outturn graded: from their own outcome columns
    let outcomes = own_outcome::Outcomes::of(indicators);
    indicators.iter().enumerate().map(move |(i, ind)| {
        let m = resolved.meaning(i, ind);
        // on both bases (名义 and 实际): the target's only, the others named in a note
        let (matches, set_aside) = basis::choose(&m, resolved.of_row(i));
        let row = Row {
            ind,
            m,
            matches,
            resolved,
            aliases,
            as_of,
        };
        let mut g = row.grade();
        g.notes_text.extend(set_aside);
        evidence::stamp(&mut g, now);
        g.render(lang);
        if let Some(o) = &outcomes {
            o.apply(&mut g, lang);
        }
        g
    })
}

/// One row with its meaning and its outturns.
pub(crate) struct Row<'a> {
    pub ind: &'a Indicator,
    pub m: Meaning,
    pub matches: Vec<(&'a Outturn, How)>,
    pub resolved: &'a Resolved,
    pub aliases: &'a Aliases,
    pub as_of: Option<i32>,
}

impl Row<'_> {
    fn grade(&self) -> Grade {
        let g = match self.m.target.clone() {
            TargetKind::Qualitative { text } => self.qualitative(&text),
            TargetKind::Reach { goal, precision } | TargetKind::PeriodTotal { goal, precision } => {
                reach::grade(self, goal, precision)
            }
            TargetKind::Hold { goal, precision } => hold::hold(self, goal, precision),
            TargetKind::AnnualBound {
                goal,
                of,
                precision,
            } => hold::annual(self, goal, of, precision),
            TargetKind::AnnualRate {
                goal,
                of,
                precision,
            } => rate::grade(self, goal, of, precision),
            TargetKind::Relational { relation } => relational::grade(self, &relation),
        };
        let mut g = self.base_note(self.basis_note(g));
        // every period figure matched to the row is used, or said why not
        let (figure, unused) = self.period_figure();
        g.notes_text.extend(unused);
        if let Some(p) = figure.filter(|_| g.period_figure.is_none()) {
            g.notes_text.push(Text::new(
                format!(
                    "period figure {}–{} {} not used: this target is graded year by year",
                    p.first, p.last, p.text
                ),
                format!(
                    "期间数据{}–{} {}未采用：该目标逐年评估",
                    p.first, p.last, p.text
                ),
            ));
        }
        g.ambition = Some(ambition::of(self));
        g.notes_text.extend(self.reading_notes());
        // the other rows stating this target are part of the verdict: graded once, here
        for r in &self.ind.readings {
            g.text = g.text.clone().then(&Text::new(
                format!(
                    "; also stated as {}: graded once, here",
                    r.line(crate::lang::Lang::En)
                ),
                format!(
                    "；同一目标另见{}：只评估一次",
                    r.line(crate::lang::Lang::Zh)
                ),
            ));
        }
        g
    }

    /// What the grade reads the row as, where the row alone would mislead: a name saying a
    /// growth rate over cells that are levels (read by the cells, as `check`'s unit-mismatch
    /// says).
    fn reading_notes(&self) -> Vec<Text> {
        let mut out = Vec::new();
        let unit = self.ind.value_unit();
        if crate::meaning::growth_or_ratio_name(&self.ind.name)
            && self.m.quantity == Quantity::Level
            && self.ind.unit.kind == crate::table::UnitKind::Percent
        {
            out.push(Text::new(
                format!(
                    "read by its values: the name says a growth rate, the cells are levels in {unit} (check: unit-mismatch)"
                ),
                format!("按数值读取：名称为增长率，单元格为以{unit}计的水平值（表格检查：单位不符）"),
            ));
        }
        out
    }

    /// Says where the base of a rise came from when not the plan's base year as printed.
    fn base_note(&self, mut g: Grade) -> Grade {
        if let Some(note) = &self.m.base_note {
            g.notes_text.insert(0, say::base_note(note));
        }
        g
    }

    /// The last year whose outturns count: the target year, or `--as-of` if earlier.
    pub fn cut(&self) -> i32 {
        self.as_of
            .map_or(self.ind.target_year, |y| y.min(self.ind.target_year))
    }

    pub fn base_year(&self) -> i32 {
        self.m.base.map_or(self.ind.base_year, |b| b.0)
    }

    /// "as of 2022", or "so far".
    pub(crate) fn as_of_words(&self) -> Text {
        say::as_of(self.as_of)
    }

    fn known(&self, obs: Vec<Obs>) -> Vec<Obs> {
        obs.into_iter()
            .filter(|o| self.as_of.is_none_or(|y| o.year <= y))
            .collect()
    }

    /// The row's outturns in its own terms, known by the cut.
    pub(crate) fn native(&self) -> Vec<Obs> {
        self.known(crate::actuals::observations(
            &self.m,
            self.ind,
            &self.matches,
        ))
    }

    /// [`Row::native`], and the years after the base year, up to the cut, of the row's yearly
    /// growth that cannot be chained into levels (the year before's level unknown).
    pub(crate) fn native_counted(&self) -> (Vec<Obs>, Vec<i32>) {
        let (base, cut) = (self.base_year(), self.cut());
        let (obs, unchained) = crate::actuals::counted(&self.m, self.ind, &self.matches);
        let unchained = (unchained.into_iter())
            .filter(|&y| y > base && y <= cut && self.as_of.is_none_or(|a| y <= a))
            .collect();
        (self.known(obs), unchained)
    }

    /// The yearly growth of the row's level, known by the cut.
    pub fn growth(&self) -> Vec<Obs> {
        self.known(crate::actuals::growth(&self.m, self.ind, &self.matches))
    }

    /// Splits outturns into those after the base year up to the cut, and those up to the base.
    pub fn split(&self, obs: Vec<Obs>) -> (Vec<Obs>, Vec<Obs>) {
        let (base, cut) = (self.base_year(), self.cut());
        let history = obs.iter().filter(|o| o.year <= base).cloned().collect();
        let after = obs
            .into_iter()
            .filter(|o| o.year > base && o.year <= cut)
            .collect();
        (after, history)
    }

    /// The cell the target is read from, as printed.
    pub(crate) fn target_text(&self) -> String {
        let t = &self.ind.target;
        let relational = matches!(self.m.target, TargetKind::Relational { .. });
        // a relation shows the cell it is read from: the target's (`与经济增长同步`, a `—`
        // beside it), else the rate column's
        if !t.is_none() && (t.is_numeric() || !relational || crate::meaning::relation(t).is_some())
        {
            t.raw.clone()
        } else if !self.ind.rate.is_none() {
            match self.m.target {
                // an average growth of a level, from the rate column: `年均7左右`
                TargetKind::AnnualRate {
                    of: crate::meaning::Of::Growth,
                    ..
                }
                | TargetKind::AnnualBound {
                    of: crate::meaning::Of::Growth,
                    ..
                } if !self.ind.rate.raw.contains("年均") => {
                    format!("年均{}", self.ind.rate.raw)
                }
                _ => self.ind.rate.raw.clone(),
            }
        } else {
            "—".into()
        }
    }

    /// The target for a sentence: as printed, without words after its value that do not
    /// change it (`＞7` of `＞7、力争投入强度高于“十三五”时期实际`).
    pub(crate) fn target_short(&self) -> String {
        let printed = self.target_text();
        for cell in [&self.ind.target, &self.ind.rate] {
            if let Some(remark) = &cell.remark
                && cell.raw == printed
            {
                let body = printed.replace(remark.as_str(), "");
                return body
                    .trim_end_matches(['、', '，', ',', ' ', '(', ')', '（', '）'])
                    .to_string();
            }
        }
        printed
    }

    /// A grade with nothing measured.
    pub fn bare(&self, status: Status, reason: Text) -> Grade {
        Grade::bare(
            self.ind,
            self.target_text(),
            self.m.target.rule(),
            status,
            reason,
        )
    }

    /// Marks what the evidence was: hypothetical, preliminary, with notes.
    pub fn evidence(&self, mut g: Grade, used: &[Obs]) -> Grade {
        g.hypothetical = used.iter().any(|o| o.hypothetical);
        g.preliminary = used.last().is_some_and(|o| o.preliminary);
        if g.period_figure.is_none() {
            g.evidence_year = used.iter().map(|o| o.year).max();
            g.evidence_count = used.len();
        }
        // one line per note, with the years it is given for
        let mut notes: Vec<(String, Vec<Obs>)> = Vec::new();
        for o in used {
            for n in &o.notes {
                match notes.iter_mut().find(|(t, _)| t == n) {
                    Some((_, ys)) if !ys.iter().any(|y| y.year == o.year) => ys.push(o.clone()),
                    Some(_) => {}
                    None => notes.push((n.clone(), vec![o.clone()])),
                }
            }
        }
        for (n, obs) in notes {
            let note = Text::same(format!("{}: {n}", years(&obs)));
            if !g.notes_text.contains(&note) {
                g.notes_text.push(note);
            }
        }
        if let Some(w) = evidence::bases(used) {
            g.text = g.text.then(&w);
        }
        if let Some(last) = used.last().filter(|o| o.preliminary) {
            g.text = g.text.then(&say::preliminary(last.year));
        }
        if g.hypothetical {
            g.text = g.text.then(&say::hypothetical());
        }
        g
    }

    fn qualitative(&self, text: &str) -> Grade {
        let what = match &self.ind.target.form {
            Form::Delegated { .. } => "delegated",
            _ if self.ind.target.is_none() && self.ind.rate.is_none() => "none",
            _ => "words",
        };
        let mut g = self.bare(Status::Qualitative, say::qualitative(what, text, None));
        if self.m.quantity == Quantity::Rate {
            let (after, _) = self.split(self.native());
            if !after.is_empty() {
                let xs: Vec<f64> = after.iter().map(|o| o.value).collect();
                let m = crate::series::trend::mean(&xs);
                g.text = say::qualitative(what, text, Some((&years(&after), &show(m))));
                if let Some(last) = after.last() {
                    g.measured(Evidence::Described {
                        mean: m,
                        latest: Latest {
                            year: last.year,
                            value: Some(last.value),
                        },
                    });
                }
                return self.evidence(g, &after);
            }
        }
        g
    }
}

/// `2021–2025`, `2021`, or the years listed when they are not consecutive.
pub(crate) fn years(obs: &[Obs]) -> String {
    match (obs.first(), obs.last()) {
        (Some(a), Some(b)) if a.year == b.year => a.year.to_string(),
        (Some(a), Some(b)) if (b.year - a.year) as usize + 1 == obs.len() => {
            format!("{}–{}", a.year, b.year)
        }
        _ => obs
            .iter()
            .map(|o| o.year.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A number with its unit: `9.82% a year`, `0.44 points a year`, `5.24%`, in each language.
pub(crate) fn amount(v: f64, unit: &str) -> Text {
    say::amount(&show(v), unit)
}

/// An outturn's value as published: `25`, `>25` for a lower bound, `约6`.
pub(crate) fn shown(o: &Obs) -> String {
    let mark = match o.side {
        Some(crate::actuals::Side::AtLeast) => ">",
        Some(crate::actuals::Side::AtMost) => "<",
        Some(crate::actuals::Side::About) => "约",
        None => "",
    };
    format!("{mark}{}", show(o.value))
}

/// `2022 (5.6), 2023 (5.7)`; in Chinese `2022年（5.6）、2023年（5.7）`.
pub(crate) fn listed(obs: &[&Obs]) -> crate::lang::Text {
    let (en, zh): (Vec<String>, Vec<String>) = obs
        .iter()
        .map(|o| {
            let v = shown(o);
            (format!("{} ({v})", o.year), format!("{}年（{v}）", o.year))
        })
        .unzip();
    crate::lang::Text::new(en.join(", "), zh.join("、"))
}

#[cfg(test)]
mod basis_tests;
#[cfg(test)]
mod evidence_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod typed_tests;
