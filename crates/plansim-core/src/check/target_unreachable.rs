//! `target-unreachable`: given actuals, can the target still be met?
//!
//! From the latest actual before or in the target year, the annual rate the remaining years
//! need is (target/actual)^(1/years) − 1. It is held against the planned rate (the stated one,
//! else the one base → target implies). The plausible bound: the remaining years may need up to
//! twice the planned pace — more precisely, a required rate further from the planned one than
//! the planned rate itself, and by at least 1 point a year, in the direction that makes the
//! target harder, is a warning (GDP planned at 7 %/yr needing more than 14 %/yr; life expectancy
//! planned at 0.26 %/yr needing more than 1.26 %/yr). A target year already reached with the
//! target missed is an error. Targets without a level (qualitative, period totals) are skipped.

use super::finding::show;
use super::precision;
use super::{Check, CheckOptions, Code, Finding, Numbers, Severity};
use crate::actuals::Actual;
use crate::model::compound::{implied_rate, reach};
use crate::names::plain_key as key;
use crate::table::{Direction, Form, Indicator};

pub struct TargetUnreachable;

impl Check for TargetUnreachable {
    fn code(&self) -> Code {
        Code::TargetUnreachable
    }

    fn check(&self, indicators: &[Indicator], opts: &CheckOptions) -> Vec<Finding> {
        if opts.actuals.is_empty() {
            return Vec::new();
        }
        indicators
            .iter()
            .filter_map(|i| check_row(i, opts))
            .collect()
    }
}

/// Below this distance (points a year) a required rate is never implausible.
const MIN_GAP: f64 = 1.0;

/// The level the row must reach, in its value unit: a floor or ceiling is the bound itself, a
/// range its near end; a target stated only as a rate is where that rate takes the base.
fn goal(ind: &Indicator, falling: bool) -> Option<f64> {
    if ind.target.is_period_total() {
        return None;
    }
    let f = ind.factor(&ind.target);
    match &ind.target.form {
        Form::Number { value } | Form::About { value } => Some(value.value * f),
        Form::AtLeast { value, .. } | Form::AtMost { value, .. } => Some(value.value * f),
        Form::Range { low, high } => Some(if falling { high.value } else { low.value } * f),
        Form::None => {
            let base = precision::base(ind)?;
            let rate = precision::stated_rate(ind)?;
            Some(reach(
                base.point,
                rate.point / 100.0,
                f64::from(ind.years()),
            ))
        }
        _ => None,
    }
}

fn latest<'a>(ind: &Indicator, opts: &'a CheckOptions) -> Option<&'a Actual> {
    let name = opts.aliases.canonical(&ind.name);
    opts.actuals
        .iter()
        .filter(|a| {
            key(&a.region) == key(&ind.region)
                && opts.aliases.canonical(&a.indicator) == name
                && a.year > ind.base_year
                && a.year <= ind.target_year
        })
        .max_by_key(|a| a.year)
}

fn check_row(ind: &Indicator, opts: &CheckOptions) -> Option<Finding> {
    let falling = ind.direction() == Direction::Falling;
    let target = goal(ind, falling)?;
    let actual = latest(ind, opts)?;
    let met = if falling {
        actual.value <= target
    } else {
        actual.value >= target
    };
    if met {
        return None;
    }
    let remaining = ind.target_year - actual.year;
    let base = precision::base(ind).map(|b| b.point);
    let planned = precision::stated_rate(ind)
        .map(|r| r.point)
        .or_else(|| implied_rate(base?, target, f64::from(ind.years())).map(|g| g * 100.0));
    let mut numbers = Numbers {
        base_value: base,
        target_value: Some(target),
        actual_year: Some(actual.year),
        actual_value: Some(actual.value),
        planned_rate: planned,
        ..Numbers::default()
    };
    let unit = ind.value_unit();
    if remaining == 0 {
        let message = format!(
            "missed: the {} actual is {} {unit} against the target {} ({})",
            actual.year,
            show(actual.value),
            show(target),
            ind.target.raw
        );
        return Some(
            Finding::new(ind, Code::TargetUnreachable, Severity::Error, message).with(numbers),
        );
    }
    let required = implied_rate(actual.value, target, f64::from(remaining))? * 100.0;
    let planned = planned?;
    let gap = if falling {
        planned - required
    } else {
        required - planned
    };
    if gap <= planned.abs().max(MIN_GAP) {
        return None;
    }
    numbers.required_rate = Some(required);
    let message = format!(
        "from the {} actual {} {unit}, reaching {} by {} needs {}%/yr over {remaining} \
         year{}, against the planned {}%/yr: beyond twice the planned pace",
        actual.year,
        show(actual.value),
        show(target),
        ind.target_year,
        show(required),
        if remaining == 1 { "" } else { "s" },
        show(planned)
    );
    Some(Finding::new(ind, Code::TargetUnreachable, Severity::Warning, message).with(numbers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approx_eq;
    use crate::check::tests_support::row;

    fn with(actual: (&str, i32, f64)) -> CheckOptions {
        CheckOptions {
            actuals: vec![Actual {
                region: "科尔沁区".into(),
                indicator: actual.0.into(),
                year: actual.1,
                value: actual.2,
            }],
            ..CheckOptions::default()
        }
    }

    fn gdp(target: &str, rate: &str) -> Indicator {
        row("地区生产总值", "亿元", 2020, "305.8", 2025, target, rate)
    }

    #[test]
    fn required_rate_against_the_planned_one() {
        // 330 in 2023 → 430 in 2025: (430/330)^(1/2) − 1 = √1.303030 − 1 = 14.150 %/yr,
        // 7.15 points above the stated 7 > 7: a warning; the actual's name is an alias
        let f = check_row(&gdp("430", "7"), &with(("GDP", 2023, 330.0))).unwrap();
        assert_eq!(f.severity, Severity::Warning);
        assert!(approx_eq(f.numbers.required_rate.unwrap(), 14.150, 1e-3));
        // 340: √(430/340) − 1 = √1.264706 − 1 = 12.459 %: within twice the pace
        assert!(check_row(&gdp("430", "7"), &with(("GDP", 2023, 340.0))).is_none());
        // a rate-only target: 305.8·1.07⁵ = 305.8·1.402552 = 428.90 by 2025;
        // √(428.90/330) − 1 = √1.299697 − 1 = 14.004 %/yr > 14
        let f = check_row(&gdp("—", "7"), &with(("地区生产总值", 2023, 330.0))).unwrap();
        assert!(approx_eq(f.numbers.target_value.unwrap(), 428.900, 1e-2));
        assert!(approx_eq(f.numbers.required_rate.unwrap(), 14.004, 1e-2));
    }

    #[test]
    fn missed_targets_and_falling_ones() {
        let f = check_row(&gdp("430", "7"), &with(("GDP", 2025, 420.0))).unwrap();
        assert_eq!(f.severity, Severity::Error);
        // unemployment 3.82 → 4以内 allows (4/3.82)^0.2 − 1 = +0.925 %/yr; from 4.5 in 2023
        // it must fall (4/4.5)^(1/2) − 1 = −5.719 %/yr: 6.64 points the hard way > 1
        let u = row("城镇登记失业率", "%", 2020, "3.82", 2025, "4以内", "");
        let f = check_row(&u, &with(("城镇登记失业率", 2023, 4.5))).unwrap();
        assert!(approx_eq(f.numbers.required_rate.unwrap(), -5.719, 1e-3));
        assert!(approx_eq(f.numbers.planned_rate.unwrap(), 0.925, 1e-3));
        // 3.9 in 2023 is within the ceiling already
        assert!(check_row(&u, &with(("城镇登记失业率", 2023, 3.9))).is_none());
        // surveyed unemployment is another statistic: no match
        assert!(check_row(&u, &with(("城镇调查失业率", 2023, 5.5))).is_none());
    }
}
