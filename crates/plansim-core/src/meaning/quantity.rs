//! What kind of quantity a row's cells hold. The cells decide, the name only proposes: a
//! `…增长（%）` row whose base is 2.3 is a growth rate, one whose base is `305.8亿` is a level.

use crate::names::{Measure, key, split_measure};
use crate::table::{Indicator, RateKind};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
/// What a row measures, which decides how it is projected and graded.
pub enum Quantity {
    /// An amount, count or ratio, compounded year on year (GDP in 亿元, patents per 10,000).
    Level,
    /// A share in % or ‰ (urbanisation 65 %): it moves in points and stays under 100.
    Share,
    /// A year's growth rate in % (GDP growth 2.3): the outturn is that year's rate, the target an
    /// average or a bound on it; never compounded as a level.
    Rate,
    /// A level's total change over the period in % (`单位GDP能耗降低 〔13.5〕`): outturns are each
    /// year's change, cumulated by product into an index (base year = 100).
    PeriodChange,
    /// A count summed over the period (`[4]万人` new jobs): outturns are each year's count.
    RunningTotal,
}

impl Quantity {
    /// The kebab-case word used in outputs (`period-change`).
    pub fn word(self) -> &'static str {
        match self {
            Quantity::Level => "level",
            Quantity::Share => "share",
            Quantity::Rate => "rate",
            Quantity::PeriodChange => "period-change",
            Quantity::RunningTotal => "running-total",
        }
    }
}

/// What a row measures, from its unit, name and rate column.
pub fn quantity(ind: &Indicator) -> Quantity {
    let unit = &ind.unit;
    // `305.8亿` under `%`: the cells carry a magnitude the unit cannot hold, so they are levels
    if ind.value_unit() != ind.unit.raw {
        return Quantity::Level;
    }
    // the rate column's kind, as the table read it: `〔13.5〕` of a fall compounds, `〔1〕` of a
    // level is a change in its unit (a running total when there is no level)
    match ind.rate_kind {
        RateKind::TotalPercent => return Quantity::PeriodChange,
        RateKind::TotalAmount if ind.base_level().is_some() => {
            return if unit.is_share() {
                Quantity::Share
            } else {
                Quantity::Level
            };
        }
        RateKind::TotalAmount => return Quantity::RunningTotal,
        RateKind::Annual | RateKind::Yearly => {}
    }
    if ind.is_growth_rate() {
        return Quantity::Rate;
    }
    let change_name = matches!(split_measure(&key(&ind.name)).1, Measure::Change { .. });
    let total = if ind.target.is_period_total() {
        Some(&ind.target)
    } else if (ind.rate.is_period_total() || ind.rate_cumulative) && ind.rate.is_numeric() {
        Some(&ind.rate)
    } else {
        None
    };
    if let Some(total) = total {
        // a plain number under a `累计` rate header is a cumulative growth in %; a bracketed
        // total (`〔1〕`) is in the row's own unit unless the unit or the name says %
        let cumulative_growth = ind.rate_cumulative && !ind.rate.is_period_total();
        return if unit.is_share() || total.percent || change_name || cumulative_growth {
            Quantity::PeriodChange
        } else if ind.base_level().is_some() {
            // `人均预期寿命 〔1〕 岁`: a change of the level, in its own unit
            Quantity::Level
        } else {
            Quantity::RunningTotal
        };
    }
    if unit.is_share() {
        Quantity::Share
    } else {
        Quantity::Level
    }
}

/// Words anywhere in a name that make a `%` indicator a growth rate or a ratio that may pass
/// 100 (a self-sufficiency rate, an elasticity) rather than a share of a whole.
pub fn growth_or_ratio_name(name: &str) -> bool {
    ["增长", "增速", "增幅", "比上年", "自给率", "弹性"]
        .iter()
        .any(|w| name.contains(w))
}
