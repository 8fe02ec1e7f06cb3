//! Rows of an achievement table graded from their own outcome columns where no outturn grades
//! them: the table prints the plan's targets beside what was achieved.

use super::{Grade, Status};
use crate::lang::Lang;
use crate::lang::Text;
use crate::table::Indicator;
use crate::table::achievement::{Verdict, achievement};
use std::collections::HashMap;
use std::path::Path;

/// The rows of a table's outcome columns by their key, to grade a row from them as its grade
/// is made: the table prints what was achieved by the target year, as its own arithmetic
/// judges it, where no outturn grades the row.
pub(crate) struct Outcomes<'a>(HashMap<(&'a Path, usize, i32), &'a Indicator>);

impl<'a> Outcomes<'a> {
    /// The rows by key; none when no row prints an outcome (most tables: nothing looked up).
    pub(crate) fn of(rows: &'a [Indicator]) -> Option<Outcomes<'a>> {
        if !rows
            .iter()
            .any(|i| !i.outcome.is_none() || !i.outcome_rate.is_none())
        {
            return None;
        }
        // a grade's row found by its key, the first row of a key as before, without a scan of
        // every row for every grade (quadratic: minutes at 10⁵ rows)
        let mut by_key: HashMap<(&Path, usize, i32), &Indicator> =
            HashMap::with_capacity(rows.len());
        for i in rows {
            by_key.entry((&*i.file, i.row, i.target_year)).or_insert(i);
        }
        Some(Outcomes(by_key))
    }

    /// Replaces `g` by its row's outcome verdict, when its row prints one.
    pub(crate) fn apply(&self, g: &mut Grade, lang: Lang) {
        let Some(&ind) = self.0.get(&(&*g.file, g.row, g.target_year)) else {
            return;
        };
        let Some(a) = achievement(ind) else { return };
        let status = match a.verdict {
            Verdict::Met => Status::Achieved,
            Verdict::Missed => Status::Missed,
            Verdict::Qualitative => Status::Qualitative,
        };
        let (what_en, what_zh) = if a.level {
            (
                format!("in {}", ind.target_year),
                format!("{}年", ind.target_year),
            )
        } else if ind.rate_kind.is_total() {
            ("over the period".to_string(), "期内累计".to_string())
        } else {
            ("a year on average".to_string(), "期内年均".to_string())
        };
        let (en, zh) = match a.verdict {
            Verdict::Qualitative => (
                format!(
                    "the table prints {} {what_en} against a target in words ({})",
                    a.outcome, a.target
                ),
                format!(
                    "表中{what_zh}实现{}，目标为文字表述（{}）",
                    a.outcome, a.target
                ),
            ),
            _ => (
                format!(
                    "the table prints {} {what_en} against the target {}: {}",
                    a.outcome,
                    a.target,
                    if a.verdict == Verdict::Met {
                        "met"
                    } else {
                        "missed"
                    }
                ),
                format!(
                    "表中{what_zh}实现{}，目标为{}：{}",
                    a.outcome,
                    a.target,
                    status.zh()
                ),
            ),
        };
        *g = Grade::bare(
            ind,
            g.target.clone(),
            if a.level { "reach" } else { g.rule },
            status,
            Text::new(en, zh),
        );
        g.measured(super::Evidence::Outcome(super::Latest {
            year: ind.target_year,
            value: a.value,
        }));
        g.notes_text = ind
            .notes
            .iter()
            .filter_map(crate::table::alternative::alternative)
            .map(|(basis, figure)| other_basis(ind, &basis, &figure))
            .collect();
        g.render(lang);
    }
}

/// The grade on the other basis a footnote gives (`按经济普查前数据2005年为1.55%`).
fn other_basis(ind: &Indicator, basis: &str, figure: &str) -> Text {
    let mut other = ind.clone();
    let verdict = crate::table::Cell::parse(figure.trim_end_matches('%'))
        .ok()
        .and_then(|c| {
            if other.outcome.is_none() {
                other.outcome_rate = c.into();
            } else {
                other.outcome = c.into();
            }
            achievement(&other)
        })
        .map(|a| a.verdict);
    let (en, zh) = match verdict {
        Some(Verdict::Met) => (": met on that basis", "，按此口径已实现"),
        Some(Verdict::Missed) => (": missed on that basis", "，按此口径未实现"),
        _ => ("", ""),
    };
    Text::new(
        format!("on another basis ({basis}) the figure is {figure}{en}"),
        format!("另一口径（{basis}）为{figure}{zh}"),
    )
}
