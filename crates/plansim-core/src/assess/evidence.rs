//! What a grade rests on: the year and the number of its observations, an official figure for
//! the plan's period where one is published, and the period figures it could not use (each
//! said, never dropped). The sentence and the JSON fields come from the same numbers here.

use super::{Grade, Row};
use crate::actuals::{PeriodObs, periods};
use crate::lang::finding::Text;
use crate::meaning::Quantity;

impl Row<'_> {
    /// The official figure for the plan's period known by the cut, if any — covering the years
    /// after the base year up to one at or before the cut, the latest such — and a note for
    /// every other period figure matched to the row, saying why it is not used.
    pub fn period_figure(&self) -> (Option<PeriodObs>, Vec<Text>) {
        let (all, unusable) = periods(&self.m, self.ind, &self.matches);
        let mut notes: Vec<Text> = unusable
            .into_iter()
            .map(|(what, why)| unused(&what, &Text::new(why, "期间数据不给出水平值".into())))
            .collect();
        let first = self.base_year() + 1;
        let cut = self.cut();
        let usable = matches!(
            self.m.quantity,
            Quantity::PeriodChange | Quantity::Rate | Quantity::RunningTotal
        );
        let mut best: Option<PeriodObs> = None;
        for p in all {
            if self.as_of.is_some_and(|y| p.last > y) {
                continue; // not yet published then
            }
            let why = if !usable {
                Some(Text::new(
                    "the target is a level".into(),
                    "目标为水平值".into(),
                ))
            } else if p.first != first || p.last > cut {
                Some(Text::new(
                    format!("it covers {}–{}, not the plan's {first}–{cut}", p.first, p.last),
                    format!("其期间为{}–{}年，不是规划期{first}–{cut}年", p.first, p.last),
                ))
            } else {
                None
            };
            match why {
                Some(why) => notes.push(unused(&format!("{}–{} {}", p.first, p.last, p.text), &why)),
                None => {
                    if let Some(old) = best.replace(p) {
                        let why = Text::new(
                            "a later or final figure for the period replaces it".into(),
                            "已有更新或正式的期间数据".into(),
                        );
                        notes.push(unused(&format!("{}–{} {}", old.first, old.last, old.text), &why));
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

/// Says what the grade rests on, after its reason: `(evidence: 5 yearly figures, latest 2025)`,
/// `(evidence: the official figure for 2021–2025 〔17.7〕)`, `(no outturn)`.
pub(crate) fn stamp(g: &mut Grade) {
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
        _ => Text::new(" (no outturn)".into(), "（无实际值）".into()),
    };
    if g.status != super::Status::Qualitative || g.evidence_count > 0 {
        g.text = g.text.clone().then(&words);
    }
}
