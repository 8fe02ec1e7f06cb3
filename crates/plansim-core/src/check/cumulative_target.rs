//! `cumulative-target`: a target stated over a whole period (`12(十四五时期)`, `[4]`, a rate
//! column headed 累计), given as the annual equivalent so it can sit beside annual rates.
//!
//! A cumulative change in percent (能耗累计降低12%) compounds: (1 − 0.12)^(1/5) − 1 = −2.524 %
//! a year. A period total of an amount (`[4]` 万人 of new jobs) is a sum of years: 0.8 a year on
//! average. Always info: a period total is a way of stating a target, not an inconsistency.

use super::words as say;
use super::{Check, CheckOptions, Code, Finding, Numbers};
use crate::format::significant;
use crate::meaning::{Meaning, Quantity};
use crate::model::compound::annual_from_total;
use crate::notice::Severity;
use crate::table::{Cell, Indicator, RateKind};

pub(crate) struct CumulativeTarget;

impl Check for CumulativeTarget {
    fn code(&self) -> Code {
        Code::CumulativeTarget
    }

    fn check(&self, indicators: &[Indicator], opts: &CheckOptions) -> Vec<Finding> {
        indicators
            .iter()
            .enumerate()
            .filter_map(|(i, ind)| {
                let m = opts
                    .outturns
                    .as_ref()
                    .map_or_else(|| Meaning::of(ind), |r| r.meaning(i, ind));
                check_row(ind, &m)
            })
            .collect()
    }
}

/// Years of a five-year plan period, the usual span of a period total.
const PLAN_PERIOD: i32 = 5;

/// A period total read from a cell: `(printed total, years, annual equivalent, in percent)`;
/// `compounds` when the row's meaning makes it a % change (a fall of `〔13.5〕`), else it adds
/// up (`〔1〕` 岁, `〔6〕` points, `[5575]` 万人), `None` to judge by the cell's words alone (a
/// base stating the previous period's total).
fn annual(
    ind: &Indicator,
    cell: &Cell,
    years: i32,
    is_rate: bool,
    compounds: Option<bool>,
) -> Option<(f64, f64, bool)> {
    let total = cell.point()?.value;
    let falling = crate::table::states_fall(&ind.name);
    let rising = crate::table::states_rise(&ind.name);
    let percent = is_rate || cell.percent || ind.unit.is_share();
    let n = f64::from(years);
    let compounds = compounds.unwrap_or(match (is_rate, ind.rate_kind) {
        (true, RateKind::TotalPercent) => true,
        (true, RateKind::TotalAmount) => false,
        _ => percent && (falling || rising || is_rate || total < 0.0),
    });
    if compounds {
        // `累计降低 12` prints the size of the fall; `累计下降12%` already carries the sign
        let change = if falling && total > 0.0 {
            -total
        } else {
            total
        } / 100.0;
        (change > -1.0).then(|| (total, annual_from_total(change, n) * 100.0, true))
    } else {
        Some((total, total * ind.factor(cell) / n, false))
    }
}

fn check_row(ind: &Indicator, m: &Meaning) -> Option<Finding> {
    let rate_total = ind.rate_cumulative || ind.rate.is_period_total();
    let (cell, is_rate) = if rate_total && ind.rate.is_numeric() {
        (&ind.rate, true)
    } else if ind.target.is_period_total() {
        (&ind.target, false)
    } else {
        return None;
    };
    // the years the total covers, else the plan period (a base dated 2019 by a note does not
    // lengthen a 2021–2025 total)
    let years = match cell.period_years {
        Some([from, to]) if to >= from => to - from + 1,
        _ if ind.years() > 0 => ind.years(),
        _ => PLAN_PERIOD,
    };
    let compounds = m.quantity == Quantity::PeriodChange;
    let (total, per_year, percent) = annual(ind, cell, years, is_rate, Some(compounds))?;
    // a base year of 2020 and a target year of 2025 make the period 2021–2025
    let years_span = match cell.period_years {
        Some([from, to]) => format!("{from}–{to}"),
        None => format!("{}–{}", ind.target_year - years + 1, ind.target_year),
    };
    let period = match cell.period.as_deref() {
        Some(label) if !label.is_empty() => format!("{label}, {years_span}"),
        _ => years_span,
    };
    let unit = if ind.unit.is_share() {
        "points".to_string()
    } else {
        ind.value_unit()
    };
    let mut message = say::cumulative(
        &cell.raw,
        &period,
        &significant(per_year),
        years,
        (!percent).then_some(unit.as_str()),
    );
    // a change of a level from its baseline: where the row's meaning has it end (from the
    // plan's base-year outturn where one replaces an earlier printed figure)
    let mut reached = None;
    if m.adds_to_base(ind)
        && let (Some((year, base)), Some(goal)) = (m.base, m.target.goal())
    {
        let end = goal.level(m.direction);
        reached = Some((base, end));
        message = message.and(say::cumulative_reaches(
            &significant(base),
            year,
            &significant(end),
            ind.target_year,
        ));
    } else if !percent
        && is_rate
        && let Some(base) = ind.base_level()
    {
        // a total beside a printed target: where the total alone ends (the plan's arithmetic)
        message = message.and(say::cumulative_reaches(
            &base.to_string(),
            ind.base_year,
            &significant(base.value + total * ind.factor(cell)),
            ind.target_year,
        ));
    }
    // a base that is the previous period's total (13.5(十三五时期)) gets its equivalent too
    if ind.base.is_period_total()
        && let Some((_, before, true)) = annual(ind, &ind.base, PLAN_PERIOD, is_rate, None)
    {
        message = message.and(say::cumulative_before(&ind.base.raw, &significant(before)));
    }
    Some(
        Finding::new(ind, Code::CumulativeTarget, Severity::Info, message).with(Numbers {
            period_total: Some(total),
            annual_equivalent: Some(per_year),
            base_value: reached.map(|r| r.0),
            target_value: reached.map(|r| r.1),
            ..Numbers::default()
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approx_eq;
    use crate::check::tests_support::row;

    fn numbers(name: &str, unit: &str, base: &str, target: &str, rate: &str) -> Option<Numbers> {
        let ind = row(name, unit, 2020, base, 2025, target, rate);
        check_row(&ind, &Meaning::of(&ind)).map(|f| f.numbers)
    }

    #[test]
    fn percentage_totals_compound() {
        // 累计下降15%: 0.85^(1/5) − 1 = e^(ln 0.85 / 5) − 1 = e^(−0.0325038) − 1 = −3.198 %
        let n = numbers("单位GDP二氧化碳排放", "%", "", "累计下降15%", "").unwrap();
        assert!(approx_eq(n.annual_equivalent.unwrap(), -3.1982, 1e-3));
        // 累计提高 [10]: 1.1^(1/5) − 1 = e^(0.0953102/5) − 1 = 1.9245 %
        let n = numbers("人均收入累计提高", "%", "", "[10]", "").unwrap();
        assert!(approx_eq(n.annual_equivalent.unwrap(), 1.9245, 1e-3));
    }

    #[test]
    fn amount_totals_average() {
        // [4] 万人 over 2021–2025 is 0.8 万人 a year
        let n = numbers("累计新增就业人数", "万人", "", "[4]以上", "").unwrap();
        assert_eq!(
            (n.period_total, n.annual_equivalent),
            (Some(4.0), Some(0.8))
        );
        assert!(numbers("森林覆盖率", "%", "13.39", "18", "6").is_none());
    }

    /// The national outline's 年均/累计 column: `〔1〕` of 人均预期寿命（岁） is one year more over
    /// 2021–2025, from 77.3 (a 2019 value by the table's note); `〔13.5〕` of a fall compounds.
    #[test]
    fn totals_of_the_national_outline() {
        let mut ind = row("人均预期寿命", "岁", 2019, "77.3", 2025, "—", "[1]");
        ind.rate_kind = RateKind::TotalAmount;
        ind.rate_cumulative = true;
        ind.rate.period_years = Some([2021, 2025]);
        let f = check_row(&ind, &Meaning::of(&ind)).unwrap();
        // 1 year over 5 years = 0.2 a year; 77.3 + 1 = 78.3
        assert_eq!(f.numbers.annual_equivalent, Some(0.2));
        assert!(
            f.message.contains("over 2021–2025") && f.message.contains("reaches 78.3 by 2025"),
            "{}",
            f.message
        );
        let mut ind = row("单位GDP能源消耗降低", "%", 2020, "—", 2025, "—", "[13.5]");
        ind.rate_kind = RateKind::TotalPercent;
        ind.rate_cumulative = true;
        // 0.865^(1/5) − 1 = e^(ln 0.865 / 5) − 1 = e^(−0.0290047) − 1 = −2.8588 %
        let n = check_row(&ind, &Meaning::of(&ind)).unwrap().numbers;
        assert!(approx_eq(n.annual_equivalent.unwrap(), -2.8588, 1e-3));
    }

    #[test]
    fn a_cumulative_rate_column() {
        let mut ind = row("地区生产总值", "亿元", 2020, "100", 2025, "—", "30");
        ind.rate_cumulative = true;
        // 30 % over 5 years: 1.3^0.2 − 1 = e^(0.262364/5) − 1 = 5.3874 %
        let n = check_row(&ind, &Meaning::of(&ind)).unwrap().numbers;
        assert!(approx_eq(n.annual_equivalent.unwrap(), 5.3874, 1e-3));
    }
}
