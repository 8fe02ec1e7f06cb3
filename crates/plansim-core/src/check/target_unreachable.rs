//! `target-unreachable`: given outturns, can the target still be met? The evidence is
//! `assess`'s: this rule reports its grades where they say trouble.
//!
//! - Error: the target year is reached and the target missed (未实现).
//! - Warning: behind (滞后于预期) and the remaining years need a pace further from the planned
//!   one than the planned pace itself, and by at least 1 point a year, in the direction that
//!   makes the target harder (GDP planned at 7 %/yr needing more than 14 %/yr). Paces are in the
//!   target's own terms: % a year for levels, points a year for shares.

use super::{Check, CheckOptions, Code, Finding, Numbers};
use crate::actuals::Resolved;
use crate::assess::words as say;
use crate::assess::{Grade, Status};
use crate::format::significant;
use crate::lang::Text;
use crate::notice::Severity;
use crate::table::{Direction, Indicator};

pub(crate) struct TargetUnreachable;

impl Check for TargetUnreachable {
    fn code(&self) -> Code {
        Code::TargetUnreachable
    }

    fn check(&self, indicators: &[Indicator], opts: &CheckOptions) -> Vec<Finding> {
        let Some(outturns) = opts.outturns.as_ref().filter(|o| !o.outturns.is_empty()) else {
            return Vec::new();
        };
        opts.grades
            .iter()
            .filter_map(|(k, g)| {
                let i = indicators.get(*k)?;
                finding(i, &outturns.meaning(*k, i), g)
            })
            .collect()
    }
}

/// Whether target-unreachable reports row `k` of `indicators` on its grade `g`: the grades a
/// check needs be given ([`CheckOptions::grades`]).
pub fn says_trouble(indicators: &[Indicator], outturns: &Resolved, k: usize, g: &Grade) -> bool {
    indicators
        .get(k)
        .is_some_and(|i| finding(i, &outturns.meaning(k, i), g).is_some())
}

/// Below this distance (in the pace's unit) a required pace is never implausible.
const MIN_GAP: f64 = 1.0;

fn finding(ind: &Indicator, m: &crate::meaning::Meaning, g: &Grade) -> Option<Finding> {
    let numbers = Numbers {
        base_value: m.base.map(|b| b.1),
        target_value: g.target_value,
        actual_year: g.latest_year,
        actual_value: g.latest_value,
        planned_rate: g.planned_pace,
        required_rate: g.required_rate,
        ..Numbers::default()
    };
    match g.status {
        Status::Missed => {
            let message = Text::new(
                format!("missed: {}", g.text.en),
                format!("未实现：{}", g.text.zh),
            );
            Some(Finding::new(ind, Code::TargetUnreachable, Severity::Error, message).with(numbers))
        }
        Status::Lagging | Status::Regressing => {
            let (required, planned) = (g.required_rate?, g.planned_pace?);
            let harder = if m.direction == Direction::Falling {
                planned - required
            } else {
                required - planned
            };
            if harder <= planned.abs().max(MIN_GAP) {
                return None;
            }
            let (year, latest) = (
                g.latest_year?,
                g.latest_value.map_or("—".into(), significant),
            );
            let need = say::amount(&significant(required), &g.pace_unit);
            let message = Text::new(
                format!(
                    "from the {year} outturn {latest}, reaching {} by {} needs {} against the \
                     planned {}: beyond twice the planned pace",
                    g.target,
                    ind.target_year,
                    need.en,
                    significant(planned)
                ),
                format!(
                    "从{year}年实际值{latest}出发，{}年达到{}需{}，而规划为{}：超过规划速度的两倍",
                    ind.target_year,
                    g.target,
                    need.zh,
                    significant(planned)
                ),
            );
            Some(
                Finding::new(ind, Code::TargetUnreachable, Severity::Warning, message)
                    .with(numbers),
            )
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actuals::{Outturn, resolve};
    use crate::approx_eq;
    use crate::check::tests_support::row;
    use std::path::PathBuf;

    fn check_row(ind: &Indicator, actual: (&str, i32, f64)) -> Option<Finding> {
        let o = Outturn {
            region: "科尔沁区".into(),
            period: None,
            indicator: actual.0.into(),
            year: actual.1,
            value: actual.2,
            text: actual.2.to_string(),
            side: None,
            preliminary: false,
            hypothetical: false,
            notes: Vec::new(),
            source: String::new(),
            file: PathBuf::from("a.csv"),
            row: 2,
            column: 4,
            name_column: 2,
            from_plan_table: false,
        };
        let rows = vec![ind.clone()];
        let aliases = crate::names::Aliases::bundled();
        let outturns = resolve(&rows, vec![o], &aliases).ok()?;
        let grades = crate::assess::assess(&rows, &outturns, &aliases, &Default::default())
            .into_iter()
            .enumerate()
            .collect();
        let opts = CheckOptions {
            outturns: Some(outturns),
            grades,
            ..CheckOptions::default()
        };
        TargetUnreachable.check(&rows, &opts).pop()
    }

    fn gdp(target: &str, rate: &str) -> Indicator {
        row("地区生产总值", "亿元", 2020, "305.8", 2025, target, rate)
    }

    #[test]
    fn required_rate_against_the_planned_one() {
        // 330 in 2023 → 430 in 2025: (430/330)^(1/2) − 1 = √1.303030 − 1 = 14.150 %/yr,
        // 7.15 points above the stated 7 > 7: a warning; the outturn's name is an alias
        let f = check_row(&gdp("430", "7"), ("GDP", 2023, 330.0)).unwrap();
        assert_eq!(f.severity, Severity::Warning);
        assert!(approx_eq(f.numbers.required_rate.unwrap(), 14.150, 1e-3));
        // 340: √(430/340) − 1 = √1.264706 − 1 = 12.459 %: within twice the pace
        assert!(check_row(&gdp("430", "7"), ("GDP", 2023, 340.0)).is_none());
        // a rate-only target: 7 % a year from 305.8 reaches 305.8·1.07⁵ = 428.90 by 2025;
        // from 330 in 2023: (1.07⁵/(330/305.8))^(1/2) − 1 = √(1.402552/1.079136) − 1
        // = √1.299699 − 1 = 14.004 %/yr > 14
        let f = check_row(&gdp("—", "7"), ("地区生产总值", 2023, 330.0)).unwrap();
        assert!(approx_eq(f.numbers.target_value.unwrap(), 428.900, 1e-2));
        assert!(approx_eq(f.numbers.required_rate.unwrap(), 14.004, 1e-2));
    }

    #[test]
    fn missed_targets_and_falling_ones() {
        let f = check_row(&gdp("430", "7"), ("GDP", 2025, 420.0)).unwrap();
        assert_eq!(f.severity, Severity::Error);
        // registered unemployment 3.82 → 4以内 (a share, in points): the plan allows
        // (4 − 3.82)/5 = +0.036 points a year; from 4.5 in 2023 it must fall
        // (4 − 4.5)/2 = −0.25 points a year: 0.286 points the hard way, under 1: no warning
        let u = row("城镇登记失业率", "%", 2020, "3.82", 2025, "4以内", "");
        assert!(check_row(&u, ("城镇登记失业率", 2023, 4.5)).is_none());
        // from 6.5: (4 − 6.5)/2 = −1.25 points a year, 1.286 the hard way > 1: a warning
        let f = check_row(&u, ("城镇登记失业率", 2023, 6.5)).unwrap();
        assert!(approx_eq(f.numbers.required_rate.unwrap(), -1.25, 1e-9));
        assert!(approx_eq(f.numbers.planned_rate.unwrap(), 0.036, 1e-9));
        // 3.9 in 2023 is within the ceiling already
        assert!(check_row(&u, ("城镇登记失业率", 2023, 3.9)).is_none());
        // surveyed unemployment is another statistic: it does not match
        assert!(check_row(&u, ("城镇调查失业率", 2023, 5.5)).is_none());
    }
}
