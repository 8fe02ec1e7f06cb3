//! `identity-violation`: rows of one plan that arithmetic ties together.
//!
//! - The three sectors' shares (第一/第二/第三产业 … 比重) of a year sum to 100: error when the
//!   interval of their sum (each share ± its rounding) misses 100.
//! - A total equals its per-capita value times the population (地区生产总值 = 人均地区生产总值
//!   × 常住人口): per-capita figures divide by the year's average population, not the year-end
//!   one, so a gap of up to 2 % beyond rounding passes; up to 10 % is a warning, beyond an error.
//!
//! Only plain and approximate numbers take part, in the base year and the target year.

use super::precision::{Interval, Spread, spread};
use super::words as say;
use super::{Check, CheckOptions, Code, Finding, Numbers, Related};
use crate::format::significant;
use crate::notice::Severity;
use crate::table::{Form, Indicator, UnitKind};

pub(crate) struct IdentityViolation;

impl Check for IdentityViolation {
    fn code(&self) -> Code {
        Code::IdentityViolation
    }

    fn check(&self, indicators: &[Indicator], opts: &CheckOptions) -> Vec<Finding> {
        let mut out = sector_shares(indicators);
        out.extend(per_capita(indicators, opts));
        out
    }
}

/// Averaging population over the year explains this much of a gap.
const AVERAGING: f64 = 0.02;
/// Beyond this gap a total and its per-capita value cannot describe one economy.
const FAR: f64 = 0.10;

/// A row's value in `year` (its base or its target), as an absolute amount (unit scale applied).
fn at(ind: &Indicator, year: i32) -> Option<Spread> {
    let cell = if ind.target_year == year {
        &ind.target
    } else if ind.base_year == year {
        &ind.base
    } else {
        return None;
    };
    if cell.is_period_total() || !matches!(cell.form, Form::Number { .. } | Form::About { .. }) {
        return None;
    }
    spread(cell, ind.factor(cell) * ind.unit.scale)
}

fn years(rows: &[&Indicator]) -> Vec<i32> {
    let mut ys: Vec<i32> = rows
        .iter()
        .flat_map(|i| [i.base_year, i.target_year])
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys
}

fn same_plan<'a>(all: &'a [Indicator], ind: &Indicator) -> Vec<&'a Indicator> {
    all.iter()
        .filter(|o| o.region == ind.region && o.plan == ind.plan && o.file == ind.file)
        .collect()
}

const SECTORS: [[&str; 2]; 3] = [
    ["第一产业", "一产"],
    ["第二产业", "二产"],
    ["第三产业", "三产"],
];

fn sector(ind: &Indicator) -> Option<usize> {
    if ind.unit.kind != UnitKind::Percent
        || !["比重", "占比", "比例", "结构"]
            .iter()
            .any(|w| ind.name.contains(w))
    {
        return None;
    }
    SECTORS
        .iter()
        .position(|names| names.iter().any(|n| ind.name.contains(n)))
}

fn sector_shares(all: &[Indicator]) -> Vec<Finding> {
    let mut out = Vec::new();
    for first in all.iter().filter(|i| sector(i) == Some(0)) {
        let plan = same_plan(all, first);
        let parts: Vec<&Indicator> = (0..3)
            .filter_map(|s| plan.iter().copied().find(|i| sector(i) == Some(s)))
            .collect();
        if parts.len() < 3 {
            continue;
        }
        for year in years(&parts) {
            let Some(values) = parts
                .iter()
                .map(|p| at(p, year))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let sum: f64 = values.iter().map(|v| v.point).sum();
            let span = Interval::new(
                values.iter().map(|v| v.interval.lo).sum(),
                values.iter().map(|v| v.interval.hi).sum(),
            );
            if span.contains(100.0) {
                continue;
            }
            let printed: Vec<String> = values.iter().map(|v| significant(v.point)).collect();
            let message = say::sectors(
                year,
                &significant(sum),
                &printed,
                &significant(span.lo),
                &significant(span.hi),
            );
            out.push(
                Finding::new(first, Code::IdentityViolation, Severity::Error, message)
                    .with(Numbers {
                        identity_value: Some(sum),
                        expected_value: Some(100.0),
                        ..Numbers::default()
                    })
                    .related(parts[1..].iter().map(|p| Related::of(p))),
            );
        }
    }
    out
}

fn per_capita(all: &[Indicator], opts: &CheckOptions) -> Vec<Finding> {
    let canon = |name: &str| opts.aliases.canonical(name);
    let population = canon("常住人口");
    let mut out = Vec::new();
    for pc in all.iter().filter(|i| i.name.starts_with("人均")) {
        let total_name = canon(pc.name.trim_start_matches("人均"));
        let plan = same_plan(all, pc);
        let total = plan
            .iter()
            .find(|i| canon(&i.name) == total_name && !i.unit.is_share());
        let pop = plan
            .iter()
            .find(|i| canon(&i.name) == population && i.unit.kind == UnitKind::Quantity);
        let (Some(total), Some(pop)) = (total, pop) else {
            continue;
        };
        for year in years(&[pc, total, pop]) {
            let (Some(p), Some(n), Some(t)) = (at(pc, year), at(pop, year), at(total, year)) else {
                continue;
            };
            let product =
                Interval::new(p.interval.lo * n.interval.lo, p.interval.hi * n.interval.hi);
            let gap = product.gap(&t.interval) / t.point;
            if gap <= AVERAGING {
                continue;
            }
            let severity = if gap > FAR {
                Severity::Error
            } else {
                Severity::Warning
            };
            let scale = total.unit.scale;
            let message = say::per_capita(
                year,
                &pc.name,
                &pop.name,
                &significant(p.point * n.point / scale),
                &total.unit.raw,
                &significant(t.point / scale),
                &significant(gap * 100.0),
                &significant(AVERAGING * 100.0),
            );
            out.push(
                Finding::new(total, Code::IdentityViolation, severity, message)
                    .with(Numbers {
                        identity_value: Some(p.point * n.point / scale),
                        expected_value: Some(t.point / scale),
                        ..Numbers::default()
                    })
                    .related([Related::of(pc), Related::of(pop)]),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests_support::row;

    #[test]
    fn sector_shares_sum_to_100() {
        let rows = |c: &str| {
            vec![
                row("第一产业增加值占比", "%", 2020, "10", 2025, "8", ""),
                row("第二产业增加值占比", "%", 2020, "40", 2025, "38", ""),
                row("第三产业增加值占比", "%", 2020, "50", 2025, c, ""),
            ]
        };
        // 2020: 10 + 40 + 50 = 100. 2025: 8 + 38 + 54 = 100
        assert!(
            IdentityViolation
                .check(&rows("54"), &CheckOptions::default())
                .is_empty()
        );
        // 8 + 38 + 52 = 98; at most 8.5 + 38.5 + 52.5 = 99.5 < 100
        let f = IdentityViolation.check(&rows("52"), &CheckOptions::default());
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].target_year, f[0].severity), (2025, Severity::Error));
        assert_eq!(f[0].numbers.identity_value, Some(98.0));
        // 8 + 38 + 53 = 99 can be 100 before rounding (up to 8.5 + 38.5 + 53.5 = 100.5)
        assert!(
            IdentityViolation
                .check(&rows("53"), &CheckOptions::default())
                .is_empty()
        );
    }

    #[test]
    fn totals_are_per_capita_times_population() {
        let rows = |gdp: &str| {
            vec![
                row("GDP", "亿元", 2020, "300", 2025, gdp, ""),
                row("人均地区生产总值", "元", 2020, "60000", 2025, "80000", ""),
                row("常住人口", "万人", 2020, "50", 2025, "50", ""),
            ]
        };
        let o = CheckOptions::default();
        // 60000 元 × 50万 = 3.0e10 元 = 300 亿元 in 2020; 80000 × 50万 = 400 亿元 in 2025
        assert!(IdentityViolation.check(&rows("400"), &o).is_empty());
        // 420: the product is at most 80000.5 × 50.5万 = 404.0 亿; (419.5 − 404.0)/420 = 3.7 %
        let f = IdentityViolation.check(&rows("420"), &o);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            (f[0].numbers.identity_value, f[0].numbers.expected_value),
            (Some(400.0), Some(420.0))
        );
        // 500: (499.5 − 404.0)/500 = 19 %: an error
        assert_eq!(
            IdentityViolation.check(&rows("500"), &o)[0].severity,
            Severity::Error
        );
    }
}
