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

/// Puts the official period figures on a path chained from yearly figures: the level at the
/// end of each figure counted from the base (`start`, at the base year) is the official one —
/// `〔17.7〕` down over 2021–2025 is 82.3 on a 2020 = 100 index, not the 87.6 the communiqués'
/// preliminary yearly falls compound to — and later chained years move with it. `additive` for
/// a running total (the count is added), else a change in % of the start. The figures in the
/// order [`periods`] gives them, so the one a grade uses (the last) also places the path.
/// Returns the years it placed: the step into each is a splice, not a yearly change.
pub(crate) fn on_official(
    chain: &mut Vec<(i32, f64)>,
    figures: &[PeriodObs],
    base_year: i32,
    start: f64,
    additive: bool,
) -> Vec<i32> {
    let mut placed = Vec::new();
    for p in figures.iter().filter(|p| p.first == base_year + 1) {
        placed.push(p.last);
        let level = if additive {
            start + p.value
        } else {
            start * (1.0 + p.value / 100.0)
        };
        match chain.iter().position(|c| c.0 == p.last) {
            Some(at) => {
                let was = chain[at].1;
                for c in &mut chain[at..] {
                    c.1 = if additive {
                        c.1 + (level - was)
                    } else if was != 0.0 {
                        c.1 * level / was
                    } else {
                        level
                    };
                }
            }
            None => {
                chain.retain(|c| c.0 < p.last);
                chain.push((p.last, level));
            }
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(first: i32, last: i32, value: f64) -> PeriodObs {
        PeriodObs {
            first,
            last,
            value,
            text: String::new(),
            preliminary: false,
            hypothetical: false,
            notes: Vec::new(),
        }
    }

    /// The national CO₂ intensity: yearly −3.8, −0.8, 0, −3.4, −5.0 chain to
    /// 100·0.962·0.992·1·0.966·0.95 = 87.5764 in 2025; the official 〔17.7〕 puts 2025 at 82.3.
    #[test]
    fn the_official_period_figure_places_the_end_of_the_period() {
        let mut v = 100.0;
        let mut chain: Vec<(i32, f64)> = [-3.8, -0.8, 0.0, -3.4, -5.0]
            .iter()
            .zip(2021..)
            .map(|(c, y)| {
                v *= 1.0 + c / 100.0;
                (y, v)
            })
            .collect();
        assert!((chain[4].1 - 87.5764).abs() < 1e-3, "{chain:?}");
        // and a 2026 figure 1 % below 2025 moves with the official level: 82.3·0.99
        chain.push((2026, chain[4].1 * 0.99));
        on_official(&mut chain, &[figure(2021, 2025, -17.7)], 2020, 100.0, false);
        assert!((chain[4].1 - 82.3).abs() < 1e-9, "{chain:?}");
        assert!((chain[5].1 - 81.477).abs() < 1e-9);
        // the years before keep their yearly figures: 2024 = 100·0.962·0.992·0.966
        assert!((chain[3].1 - 92.18577).abs() < 1e-4);
        // a figure for another period (from 2016) is not counted from this base
        let before = chain.clone();
        on_official(&mut chain, &[figure(2016, 2020, -18.8)], 2020, 100.0, false);
        assert_eq!(chain, before);
        // a running total with no yearly counts: the period's count at its end
        let mut jobs = vec![(2021, 1.2)];
        on_official(&mut jobs, &[figure(2021, 2025, 5.5)], 2020, 0.0, true);
        assert_eq!(jobs, vec![(2021, 1.2), (2025, 5.5)]);
    }

    /// The report's CO₂-intensity chart of the national 14th plan draws the path's actuals: its
    /// 2025 point is the official 〔17.7〕 (82.3 on 2020 = 100), on which the grade rests, not
    /// the yearly chain's 87.58; 2024 keeps the yearly figures' 92.19.
    #[test]
    fn the_national_co2_path_ends_on_the_official_figure() {
        let sc = crate::scenario::Scenario::load(
            &crate::repo_file("scenarios/national-14th.toml"),
            &crate::table::LoadOptions::default(),
        )
        .unwrap();
        let p = crate::project::project(&sc).unwrap();
        let (i, co2) = p
            .paths
            .iter()
            .enumerate()
            .find(|(_, x)| x.series.name == "单位GDP二氧化碳排放降低")
            .unwrap();
        let at = |y: i32| co2.actuals.iter().find(|a| a.0 == y).map(|a| a.1);
        assert!((at(2025).unwrap() - 82.3).abs() < 1e-9, "{:?}", co2.actuals);
        assert!((at(2024).unwrap() - 92.18577).abs() < 1e-4);
        assert!((p.value(i, 2025).unwrap() - 82.3).abs() < 1e-9);
    }
}
