//! Figures for a period rather than a year (`〔17.7〕` over 2021–2025), in an indicator's terms:
//! the change over the period (%, a fall negative) for a total change, the average yearly rate
//! for a rate, the count for a running total. A level has no period figure: such a row is kept
//! aside with the reason, never dropped without a word.

use super::{How, Outturn};
use crate::meaning::{Meaning, Quantity};
use crate::names::{Measure, key, split_measure};
use crate::table::Indicator;
use serde::Serialize;

/// One period figure in the indicator's terms.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeriodObs {
    /// The first year it covers.
    pub first: i32,
    /// The last year it covers.
    pub last: i32,
    /// The figure in the indicator's terms (see the module).
    pub value: f64,
    /// The value cell as published (`〔17.7〕`).
    pub text: String,
    /// Marked preliminary.
    pub preliminary: bool,
    /// A what-if, not a published figure.
    pub hypothetical: bool,
    /// The outturn's notes, as written.
    pub notes: Vec<String>,
}

impl PeriodObs {
    /// The number of years it covers.
    pub fn years(&self) -> i32 {
        self.last - self.first + 1
    }
}

/// `v` as a signed change: a fall under `降低` is negative.
fn signed(v: f64, measure: Measure) -> f64 {
    match measure {
        Measure::Change { falling: true } => -v,
        _ => v,
    }
}

/// The period figures of `matches` in the indicator's terms, and the ones that cannot be used
/// with why (as `(text, why)`).
pub fn periods(
    m: &Meaning,
    ind: &Indicator,
    matches: &[(&Outturn, How)],
) -> (Vec<PeriodObs>, Vec<(String, String)>) {
    let own = split_measure(&key(&ind.name)).1;
    let mut out = Vec::new();
    let mut unused = Vec::new();
    for &(o, how) in matches {
        let Some([first, last]) = o.period else {
            continue;
        };
        let measure = match how {
            How::Exact => own,
            How::Quantity { measure } => measure,
        };
        let n = f64::from(last - first + 1);
        let value = match (m.quantity, measure) {
            (_, Measure::Level) if how != How::Exact => None,
            (Quantity::PeriodChange, _) => Some(signed(o.value, measure)),
            (Quantity::RunningTotal, _) => Some(o.value),
            // a rate's period figure is its average when the name says 年均, else the total
            // change over the period, averaged by compounding
            (Quantity::Rate, _) if o.indicator.contains("年均") => Some(signed(o.value, measure)),
            (Quantity::Rate, _) => {
                let total = 1.0 + signed(o.value, measure) / 100.0;
                (total > 0.0).then(|| (total.powf(1.0 / n) - 1.0) * 100.0)
            }
            // the growth of a level over the period: its average yearly growth, as for a rate
            (Quantity::Level | Quantity::Share, Measure::Change { .. })
                if o.indicator.contains("年均") =>
            {
                Some(signed(o.value, measure))
            }
            (Quantity::Level | Quantity::Share, Measure::Change { .. }) => {
                let total = 1.0 + signed(o.value, measure) / 100.0;
                (total > 0.0).then(|| (total.powf(1.0 / n) - 1.0) * 100.0)
            }
            (Quantity::Level | Quantity::Share, _) => None,
        };
        match value {
            Some(value) => out.push(PeriodObs {
                first,
                last,
                value,
                text: o.text.clone(),
                preliminary: o.preliminary,
                hypothetical: o.hypothetical,
                notes: o.notes.clone(),
            }),
            None => unused.push((
                format!("{first}–{last} {}", o.text),
                "a figure for a period gives no level".to_string(),
            )),
        }
    }
    // a final figure before a preliminary one, the longest period first
    out.sort_by_key(|p| (p.last, p.preliminary, p.first));
    (out, unused)
}
