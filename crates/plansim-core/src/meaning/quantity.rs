//! What kind of quantity a row's cells hold. The cells decide, the name only proposes: a
//! `…增长（%）` row whose base is 2.3 is a growth rate, one whose base is `305.8亿` is a level.

use crate::names::{Measure, key, split_measure};
use crate::table::FALLING_VERBS;
use crate::table::{Indicator, RateKind, UnitKind};
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
    let reduction = is_reduction(ind);
    // the rate column's kind, as the table read it: `〔13.5〕` of a fall compounds, `〔1〕` of a
    // level is a change in its unit (a running total when there is no level)
    match ind.rate_kind {
        // `城镇化率 60 〔5〕` under a `%` rate column: five points on a share, not 5 % of it
        RateKind::TotalPercent if level_unit(ind) && ind.base_level().is_some() && !reduction => {
            return on_level(ind);
        }
        RateKind::TotalPercent => return Quantity::PeriodChange,
        RateKind::TotalAmount if ind.base_level().is_some() => return on_level(ind),
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
        // total (`〔1〕`) on a level or share is a change in its unit (岁, 年, points of a %):
        // `人均预期寿命 77.1 〔1〕` ends at 78.1, `入托率提高 40 〔6〕百分点` at 46
        let cumulative_growth = ind.rate_cumulative && !ind.rate.is_period_total();
        if ind.base_level().is_some() && !reduction && !total.percent && !cumulative_growth {
            return on_level(ind);
        }
        // a fall in % compounds (`…降低〔13.5〕`: the index ends at 86.5); a flow counted in
        // its own unit (`新增…`, `脱贫`, 万人, 套, 万亩) sums its yearly amounts
        return if unit.is_share()
            || total.percent
            || cumulative_growth
            || ((change_name || reduction) && !counted(ind))
        {
            Quantity::PeriodChange
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

/// A change on a level in the row's own unit: points on a share, years on 岁.
fn on_level(ind: &Indicator) -> Quantity {
    if ind.unit.is_share() || ind.unit.kind == UnitKind::Points {
        Quantity::Share
    } else {
        Quantity::Level
    }
}

/// A unit a total on a level is counted in: a share, points, or anything but a % change.
fn level_unit(ind: &Indicator) -> bool {
    ind.unit.is_share() || ind.unit.kind == UnitKind::Points
}

/// A unit of things counted (万人, 套, 万亩, 亿元): a total of them is a sum of flows.
fn counted(ind: &Indicator) -> bool {
    matches!(
        ind.unit.kind,
        UnitKind::Quantity | UnitKind::Money | UnitKind::Duration
    )
}

/// A name stating a fall (`…降低`, `…下降`, `…减少`), or a sub-item under such a parent
/// (`主要污染物排放总量减少：化学需氧量`).
pub(crate) fn is_reduction(ind: &Indicator) -> bool {
    let falls = |name: &str| {
        matches!(
            split_measure(&key(name)).1,
            Measure::Change { falling: true }
        ) || FALLING_VERBS.iter().any(|w| name.ends_with(w))
    };
    falls(&ind.name) || ind.name_parts.parent.as_deref().is_some_and(falls)
}

/// Words anywhere in a name that make a `%` indicator a growth rate or a ratio that may pass
/// 100 (a self-sufficiency rate, an elasticity) rather than a share of a whole.
pub(crate) fn growth_or_ratio_name(name: &str) -> bool {
    ["增长", "增速", "增幅", "比上年", "自给率", "弹性"]
        .iter()
        .any(|w| name.contains(w))
}
