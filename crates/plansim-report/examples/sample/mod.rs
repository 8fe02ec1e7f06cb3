//! Sample charts from the bundled 科尔沁区 table (scenarios/tables/horqin.csv, rows 1–20), for
//! the chart tests, the `charts` benchmark and the `chart_look` and `png_encoding` examples, which
//! include this folder by path. The paths are simple compound growth from the 2020 base at the
//! stated rate; the actuals, fans and probabilities are made up (actual growth a row-dependent
//! 70–125% of the stated rate, a log-normal spread of a third of the stated rate a year) but
//! plausible — not a projection, and so kept out of `src/`.

// each user takes a subset of the rows and charts
#![allow(dead_code)]

mod charts;

pub use charts::{dashboard, feasibility, indicator, probability};

use plansim_core::table::{Attribute, Direction, Form, Indicator, LoadOptions};
use plansim_report::chart::{Fan, FanYear, TargetKind};
use std::path::PathBuf;

/// Actual growth as a share of the stated rate, by row: a fixed made-up cycle.
const ACTUAL_PACE: [f64; 7] = [0.9, 1.15, 0.7, 1.0, 1.25, 0.8, 1.05];
/// The last year of made-up actuals.
const LAST_ACTUAL: i32 = 2023;
const Z: [f64; 5] = [-1.6449, -0.6745, 0.0, 0.6745, 1.6449];

/// One indicator row reduced to what the sample charts need.
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub name_en: String,
    pub unit: String,
    pub base_year: i32,
    pub base: Option<f64>,
    pub target_year: i32,
    pub target: Option<TargetKind>,
    /// The target cell as printed (`≥95`).
    pub target_text: String,
    /// Stated annual rate as a fraction.
    pub rate: Option<f64>,
    pub binding: bool,
    pub ceiling: Option<f64>,
    /// Made-up actual growth as a share of the stated rate.
    pub pace: f64,
}

/// The table this sample reads.
pub fn table_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/tables/horqin.csv")
}

/// Rows 1–20 (the numbered rows) of the 科尔沁区 table.
pub fn rows() -> plansim_report::Result<Vec<Row>> {
    let table = plansim_core::load(&table_path(), &LoadOptions::default())?;
    Ok(table
        .indicators
        .iter()
        .filter(|i| i.seq.parse::<u32>().is_ok_and(|n| (1..=20).contains(&n)))
        .enumerate()
        .map(|(k, i)| row(i, ACTUAL_PACE[k % ACTUAL_PACE.len()]))
        .collect())
}

fn row(i: &Indicator, pace: f64) -> Row {
    let unit = i.value_unit();
    let ceiling = i.unit.ceiling().filter(|_| unit == i.unit.raw);
    let target = i.target_level().and_then(|t| match &i.target.form {
        Form::AtLeast { .. } => Some(TargetKind::Floor(t.value)),
        Form::AtMost { .. } => Some(TargetKind::Ceiling(t.value)),
        Form::About { .. } => Some(TargetKind::Point(t.value)),
        Form::Range { low, high } => {
            let f = i.factor(&i.target);
            Some(TargetKind::Band(low.value * f, high.value * f))
        }
        Form::Number { .. } => Some(match i.direction() {
            Direction::Rising => TargetKind::Floor(t.value),
            Direction::Falling => TargetKind::Ceiling(t.value),
        }),
        _ => None,
    });
    Row {
        name: i.name.clone(),
        name_en: i.name_en.clone(),
        unit,
        base_year: i.base_year,
        base: i.base_level().map(|n| n.value),
        target_year: i.target_year,
        target,
        target_text: i.target.raw.clone(),
        rate: i.annual_rate().map(|n| n.value),
        binding: i.attribute == Attribute::Binding,
        ceiling,
        pace,
    }
}

/// Standard normal distribution function (Abramowitz–Stegun 7.1.26, error below 1.5e-7).
fn phi(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.3275911 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t
        * (0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

impl Row {
    fn rate_or_hold(&self) -> f64 {
        self.rate.unwrap_or(0.0)
    }

    fn path(&self, base: f64, rate: impl Fn(i32) -> f64) -> Vec<(i32, f64)> {
        let mut v = base;
        let mut out = vec![(self.base_year, v)];
        for y in self.base_year + 1..=2035 {
            v *= 1.0 + rate(y);
            out.push((y, v));
        }
        out
    }

    /// Spread of the annual growth rate: a third of the stated rate, at least 0.3 points.
    fn sigma(&self) -> f64 {
        (self.rate_or_hold().abs() / 3.0).max(0.003)
    }

    /// Made-up actuals: the stated rate times the row's pace.
    pub fn actuals(&self) -> Vec<(i32, f64)> {
        let Some(b) = self.base else {
            return Vec::new();
        };
        let r = self.rate_or_hold() * self.pace;
        (self.base_year + 1..=LAST_ACTUAL)
            .map(|y| (y, b * (1.0 + r).powi(y - self.base_year)))
            .collect()
    }

    fn last_actual(&self) -> Option<f64> {
        self.actuals().last().map(|a| a.1).or(self.base)
    }

    /// The made-up simulated median in `year`, from the last actual at the stated rate.
    fn median(&self, year: i32) -> Option<f64> {
        Some(self.last_actual()? * (1.0 + self.rate_or_hold()).powi(year - LAST_ACTUAL))
    }

    /// P(meeting the target) under the made-up log-normal spread.
    pub fn probability(&self) -> Option<f64> {
        let m = self.median(self.target_year)?;
        let sd = self.sigma() * ((self.target_year - LAST_ACTUAL) as f64).sqrt();
        let above = |t: f64| phi((m / t).ln() / sd);
        match self.target? {
            TargetKind::Floor(t) => Some(above(t)),
            TargetKind::Ceiling(t) => Some(1.0 - above(t)),
            TargetKind::Point(t) => Some(above(t * 0.98) - above(t * 1.02)),
            TargetKind::Band(lo, hi) => Some(above(lo) - above(hi)),
        }
    }

    /// The annual rate the last actual needs to reach the target, in percent.
    pub fn required_rate(&self) -> Option<f64> {
        let goal = match self.target? {
            TargetKind::Floor(t) | TargetKind::Ceiling(t) | TargetKind::Point(t) => t,
            TargetKind::Band(lo, hi) => (lo + hi) / 2.0,
        };
        let n = (self.target_year - LAST_ACTUAL) as f64;
        let from = self.last_actual()?;
        (from > 0.0 && goal > 0.0).then(|| 100.0 * ((goal / from).powf(1.0 / n) - 1.0))
    }

    fn fan(&self) -> Option<Fan> {
        let years = (LAST_ACTUAL..=2035)
            .map(|y| {
                let m = self.median(y)?;
                let sd = self.sigma() * ((y - LAST_ACTUAL) as f64).sqrt();
                let q = |z: f64| m * (z * sd).exp();
                Some(FanYear {
                    year: y,
                    p5: q(Z[0]),
                    p25: q(Z[1]),
                    p50: q(Z[2]),
                    p75: q(Z[3]),
                    p95: q(Z[4]),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Fan { years })
    }

    pub fn display_name(&self, en: bool) -> &str {
        if en && !self.name_en.is_empty() {
            &self.name_en
        } else {
            &self.name
        }
    }
}

// the `charts` bench builds this module under cfg(test) without its test functions
#[cfg(test)]
#[allow(unused_imports)]
mod tests {
    use super::*;
    use plansim_core::approx_eq;

    #[test]
    fn normal_distribution_function() {
        assert!(approx_eq(phi(0.0), 0.5, 1e-7));
        assert!(approx_eq(phi(1.6449), 0.95, 1e-4));
        assert!(approx_eq(phi(-0.6745), 0.25, 1e-4));
    }

    #[test]
    fn gdp_row_by_hand() {
        let rows = rows().unwrap();
        let gdp = &rows[0];
        assert_eq!(gdp.name, "地区生产总值增长率");
        assert_eq!(gdp.base, Some(305.8));
        assert_eq!(gdp.target, Some(TargetKind::Floor(430.0)));
        assert!(approx_eq(gdp.rate.unwrap(), 0.07, 1e-12));
        // Actuals at 0.9 × 7% = 6.3%: 2023 = 305.8 × 1.063³ = 305.8 × 1.201157 = 367.314.
        assert!(approx_eq(gdp.actuals()[2].1, 367.314, 1e-3));
        // Required from 2023: (430 / 367.314)^(1/2) − 1 = 1.170661^0.5 − 1 = 8.197%.
        assert!(approx_eq(gdp.required_rate().unwrap(), 8.197, 1e-3));
        // Median 2025 = 367.314 × 1.07² = 420.538; sd = 0.07/3 × √2 = 0.032998;
        // z = ln(420.538 / 430) / 0.032998 = −0.022251 / 0.032998 = −0.6743 → Φ = 0.2501.
        assert!(approx_eq(gdp.probability().unwrap(), 0.2501, 1e-3));
        // Unemployment `4以内` is a ceiling; R&D `-` has no target; energy is a period total.
        assert_eq!(rows[4].target, Some(TargetKind::Ceiling(4.0)));
        assert_eq!(rows[2].target, None);
        assert_eq!(rows[16].target, None);
    }
}
