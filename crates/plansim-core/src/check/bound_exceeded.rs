//! `bound-exceeded`: a share passes 100 (‰: 1000), or a value falls below 0, by the horizon.
//!
//! The path is the compound one through the base at the stated rate (the implied rate when none
//! is stated), v(t) = v0·(1+g)^(t−t0); a change in percentage points (`提高5个百分点`) runs
//! linearly instead. Error when the bound falls within the plan period (the plan's own pace
//! breaks it), warning when it falls between the target year and the horizon. Growth rates in
//! `%` (…增长, 自给率) may pass 100 and are left alone.

use super::precision;
use super::words as say;
use super::{Check, CheckOptions, Code, Finding, Numbers, is_growth_name};
use crate::format::significant;
use crate::model::compound::{implied_rate, reach};
use crate::notice::Severity;
use crate::table::{Form, Indicator};

pub(crate) struct BoundExceeded;

impl Check for BoundExceeded {
    fn code(&self) -> Code {
        Code::BoundExceeded
    }

    fn check(&self, indicators: &[Indicator], opts: &CheckOptions) -> Vec<Finding> {
        indicators
            .iter()
            .filter_map(|i| check_row(i, opts.horizon))
            .collect()
    }
}

/// How the path grows from its start.
#[derive(Clone, Copy)]
enum Path {
    /// A rate in percent a year, stated or implied.
    Compound { rate: f64, stated: bool },
    /// Points a year.
    Linear { slope: f64 },
}

impl Path {
    fn at(self, start: f64, years: f64) -> f64 {
        match self {
            Path::Compound { rate, .. } => reach(start, rate / 100.0, years),
            Path::Linear { slope } => start + slope * years,
        }
    }
}

/// The path of a row: its start (value, year) and how it grows.
fn path(ind: &Indicator) -> Option<(f64, i32, Path)> {
    let years = f64::from(ind.years());
    let base = precision::base(ind).map(|b| b.point);
    if let (Form::Points { value }, Some(b)) = (&ind.target.form, base)
        && years > 0.0
    {
        return Some((
            b,
            ind.base_year,
            Path::Linear {
                slope: value.value / years,
            },
        ));
    }
    let stated = precision::stated_rate(ind).map(|r| r.point);
    let target = match (&ind.target.form, base) {
        (Form::Multiple { factor }, Some(b)) => Some(b * factor),
        _ => precision::target(ind).map(|t| t.point),
    };
    match (base, stated, target) {
        (Some(b), Some(r), _) => Some((
            b,
            ind.base_year,
            Path::Compound {
                rate: r,
                stated: true,
            },
        )),
        (Some(b), None, Some(t)) if years > 0.0 => {
            let g = implied_rate(b, t, years)?;
            Some((
                b,
                ind.base_year,
                Path::Compound {
                    rate: g * 100.0,
                    stated: false,
                },
            ))
        }
        (None, Some(r), Some(t)) => Some((
            t,
            ind.target_year,
            Path::Compound {
                rate: r,
                stated: true,
            },
        )),
        _ => None,
    }
}

fn check_row(ind: &Indicator, horizon: i32) -> Option<Finding> {
    let ceiling = ind.unit.ceiling().filter(|_| !is_growth_name(&ind.name));
    // a magnitude the unit cannot hold makes the cells levels, not shares (unit-mismatch)
    let ceiling = ceiling.filter(|_| {
        ind.unit.factor_for(&ind.base).is_some() && ind.unit.factor_for(&ind.target).is_some()
    });
    let (start, from, path) = path(ind)?;
    // a level at or below 0 has no compound path, and is no bound to fall below
    let positive = match path {
        Path::Compound { .. } => start > 0.0,
        Path::Linear { .. } => start >= 0.0,
    };
    if !positive {
        return None;
    }
    let last = horizon.max(ind.target_year);
    let crossing = (from + 1..=last).find_map(|y| {
        let v = path.at(start, f64::from(y - from));
        let over = ceiling.is_some_and(|c| v > c);
        (over || v < 0.0).then_some((y, v, over))
    })?;
    let (year, value, over) = crossing;
    let bound = if over { ceiling? } else { 0.0 };
    let severity = if year <= ind.target_year {
        Severity::Error
    } else {
        Severity::Warning
    };
    let end = path.at(start, f64::from(last - from));
    let shown_start = significant(start);
    let shown_rate = match path {
        Path::Compound { rate, .. } => significant(rate),
        Path::Linear { slope } => significant(slope),
    };
    let (how, rate_numbers) = match path {
        Path::Compound { rate, stated } => (
            say::Path::Compound {
                stated,
                rate: &shown_rate,
                start: &shown_start,
                from,
            },
            (stated.then_some(rate), (!stated).then_some(rate)),
        ),
        Path::Linear { .. } => (
            say::Path::Linear {
                slope: &shown_rate,
                start: &shown_start,
                from,
            },
            (None, None),
        ),
    };
    let message = say::bound(
        how,
        over,
        &significant(bound),
        year,
        &significant(value),
        &significant(end),
        last,
    );
    Some(
        Finding::new(ind, Code::BoundExceeded, severity, message).with(Numbers {
            base_value: precision::base(ind).map(|b| b.point),
            target_value: precision::target(ind).map(|t| t.point),
            stated_rate: rate_numbers.0,
            implied_rate: rate_numbers.1,
            bound: Some(bound),
            crossing_year: Some(year),
            horizon_value: Some(end),
            ..Numbers::default()
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approx_eq;
    use crate::check::tests_support::row;

    fn verdict(unit: &str, base: &str, target: &str, rate: &str) -> Option<Finding> {
        check_row(&row("某比率", unit, 2020, base, 2025, target, rate), 2035)
    }

    #[test]
    fn shares_passing_100() {
        // 90·1.03^n > 100 from n = 4: 1.03³ = 1.092727 → 98.35, 1.03⁴ = 1.125509 → 101.30;
        // 2024 is within the plan period: an error
        let f = verdict("%", "90", "", "3").unwrap();
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.numbers.crossing_year, Some(2024));
        assert!(approx_eq(
            f.numbers.horizon_value.unwrap(),
            90.0 * 1.03f64.powi(15),
            1e-9
        ));
        // 80 → 90 implies (9/8)^0.2 − 1 = 2.384 %/yr: 90·1.02384^n > 100 from n = 5
        // (1.02384⁴ = 1.09878 → 98.9; 1.02384⁵ = 1.12497 → 101.2): 2030, a warning
        let f = verdict("%", "80", "90", "").unwrap();
        assert_eq!(
            (f.severity, f.numbers.crossing_year),
            (Severity::Warning, Some(2030))
        );
        // 13.39·1.06^15 = 13.39·2.39656 = 32.09: stays below 100
        assert!(verdict("%", "13.39", "18", "6").is_none());
        // growth rates may pass 100; amounts have no ceiling
        assert!(check_row(&row("增长率", "%", 2020, "90", 2025, "", "5"), 2035).is_none());
        assert!(verdict("亿元", "90", "", "10").is_none());
    }

    #[test]
    fn linear_points_fall_below_zero() {
        // a negative base has no compound path to speak of
        assert!(verdict("%", "-5", "50", "5").is_none());
        // 翻两番 from 30 is 120 in 2025: (4)^(1/5) − 1 = 31.95 %/yr; 30·1.3195⁴ = 90.9,
        // 30·1.3195⁵ = 120: passes 100 in 2025, the target year itself
        let f = verdict("%", "30", "翻两番", "").unwrap();
        assert_eq!(
            (f.severity, f.numbers.crossing_year),
            (Severity::Error, Some(2025))
        );
        // 3 − 1.5 points over 5 years is −0.3 a year: 3 − 0.3·10 = 0 in 2030, below 0 in 2031
        let f = verdict("%", "3", "下降1.5个百分点", "").unwrap();
        assert_eq!(
            (f.severity, f.numbers.crossing_year, f.numbers.bound),
            (Severity::Warning, Some(2031), Some(0.0))
        );
    }
}
