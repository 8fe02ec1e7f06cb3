//! The kind of target a row states, in the row's terms: a level to reach or hold, a bound or an
//! average on each year's value or growth, a total over the period, a relation to another
//! indicator, or words.

use super::GoalKind;
use super::quantity::Quantity;
use super::relation::{Relation, relation};
use crate::table::{Cell, Direction, Form, Indicator, Num, RateKind};
use serde::Serialize;

/// What the yearly numbers of a yearly target are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Of {
    /// The row's own yearly values: the rates of a rate indicator, the level of a share
    /// (`城镇调查失业率 <5.5` each year).
    Values,
    /// The yearly growth of the row's level, % a year (`年均增长7%`).
    Growth,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
/// What kind of target a row sets, which decides the rule that grades it.
pub enum TargetKind {
    /// No number: words (`保持在合理区间`), delegated (`市级指标`), or nothing.
    Qualitative {
        /// The cell's words.
        text: String,
    },
    /// A level to reach from a baseline short of it (`65` from 60.6, `≥95` from 91), in value
    /// units; `precision` is half a unit of the target's last printed digit.
    Reach {
        /// The goal in value units.
        goal: GoalKind,
        /// Half a unit of the target's last printed digit.
        precision: f64,
    },
    /// A bound the baseline already meets, to be kept (`4以内` from 3.82).
    Hold {
        /// The goal in value units.
        goal: GoalKind,
        /// Half a unit of the target's last printed digit.
        precision: f64,
    },
    /// A floor or ceiling on each year (`<5.5`, `>7`, `2以上`).
    AnnualBound {
        /// The goal in value units.
        goal: GoalKind,
        /// On the row's yearly values or on its level's growth.
        of: Of,
        /// Half a unit of the target's last printed digit.
        precision: f64,
    },
    /// An average annual rate (`年均7%`, `7左右`, `3-4`).
    AnnualRate {
        /// The goal in value units.
        goal: GoalKind,
        /// On the row's yearly values or on its level's growth.
        of: Of,
        /// Half a unit of the target's last printed digit.
        precision: f64,
    },
    /// A total change over the period (`降低〔13.5〕`): a goal on the change index (base year
    /// = 100; 86.5 for a 13.5 % fall), or on the running total from 0.
    PeriodTotal {
        /// The goal in value units.
        goal: GoalKind,
        /// Half a unit of the target's last printed digit.
        precision: f64,
    },
    /// A relation to another indicator's growth (`高于GDP增长`).
    Relational {
        /// The other indicator and how the row's growth must compare with it.
        relation: Relation,
    },
}

impl TargetKind {
    /// The goal in value units, for the kinds that have one.
    pub fn goal(&self) -> Option<GoalKind> {
        match self {
            TargetKind::Reach { goal, .. }
            | TargetKind::Hold { goal, .. }
            | TargetKind::AnnualBound { goal, .. }
            | TargetKind::AnnualRate { goal, .. }
            | TargetKind::PeriodTotal { goal, .. } => Some(*goal),
            TargetKind::Qualitative { .. } | TargetKind::Relational { .. } => None,
        }
    }

    /// The rule family, for people and JSON: `reach`, `hold`, `annual-bound`, `annual-rate`,
    /// `period-total`, `relational`, `qualitative`.
    pub fn rule(&self) -> &'static str {
        match self {
            TargetKind::Qualitative { .. } => "qualitative",
            TargetKind::Reach { .. } => "reach",
            TargetKind::Hold { .. } => "hold",
            TargetKind::AnnualBound { .. } => "annual-bound",
            TargetKind::AnnualRate { .. } => "annual-rate",
            TargetKind::PeriodTotal { .. } => "period-total",
            TargetKind::Relational { .. } => "relational",
        }
    }
}

/// A change-index goal keeps the bound of its cell.
pub(crate) fn bound_like(form: &Form, level: f64, dir: Direction) -> GoalKind {
    match (form, dir) {
        (Form::AtLeast { .. }, Direction::Falling) | (Form::AtMost { .. }, Direction::Rising) => {
            GoalKind::Point { value: level }
        }
        (Form::AtLeast { strict, .. }, _) => GoalKind::AtLeast {
            value: level,
            strict: *strict,
        },
        (Form::AtMost { strict, .. }, _) => GoalKind::AtMost {
            value: level,
            strict: *strict,
        },
        _ => GoalKind::Point { value: level },
    }
}

/// `7左右` allows the larger of half a printed digit and 2% of the value.
pub(crate) fn about_tolerance(value: Num, factor: f64) -> f64 {
    (value.half_ulp() * factor).max(0.02 * (value.value * factor).abs())
}

/// The factor taking a rate cell into percent: 0.1 for `＜8‰`.
pub(crate) fn per_cent(cell: &Cell) -> f64 {
    if cell.suffix.as_deref() == Some("‰") {
        0.1
    } else {
        1.0
    }
}

/// Half a unit of the cell's last printed digit (the coarser end of a range).
fn half_ulp(cell: &Cell) -> f64 {
    match cell.form {
        Form::Range { low, high } => low.half_ulp().max(high.half_ulp()),
        _ => cell.point().map_or(0.0, |n| n.half_ulp()),
    }
}

/// A cell's number as a goal, in value units (`factor`); rates keep half a point either way
/// for `左右` (an annual growth `7左右` is met from 6.5).
fn goal_of_cell(cell: &Cell, factor: f64, base: Option<f64>, rate: bool) -> Option<GoalKind> {
    Some(match cell.form {
        Form::Number { value } => GoalKind::Point {
            value: value.value * factor,
        },
        Form::AtLeast { value, strict } => GoalKind::AtLeast {
            value: value.value * factor,
            strict,
        },
        Form::AtMost { value, strict } => GoalKind::AtMost {
            value: value.value * factor,
            strict,
        },
        Form::About { value } => GoalKind::About {
            value: value.value * factor,
            tolerance: if rate {
                0.5
            } else {
                about_tolerance(value, factor)
            },
        },
        Form::Range { low, high } => GoalKind::Range {
            low: low.value * factor,
            high: high.value * factor,
        },
        Form::Points { value } => GoalKind::Point {
            value: base? + value.value,
        },
        Form::Multiple { factor: f } => GoalKind::AtLeast {
            value: base? * f,
            strict: false,
        },
        _ => return None,
    })
}

fn words_of(ind: &Indicator) -> TargetKind {
    let text = [&ind.target, &ind.rate]
        .into_iter()
        .find(|c| !c.is_none())
        .map_or_else(|| "—".to_string(), |c| c.raw.clone());
    TargetKind::Qualitative { text }
}

fn relational(cell: &Cell) -> Option<TargetKind> {
    relation(cell).map(|relation| TargetKind::Relational { relation })
}

fn is_bound(g: &GoalKind) -> bool {
    matches!(g, GoalKind::AtLeast { .. } | GoalKind::AtMost { .. })
}

/// The target a row states; `base` is its baseline in the row's terms.
pub fn target(ind: &Indicator, q: Quantity, dir: Direction, base: Option<f64>) -> TargetKind {
    match q {
        Quantity::Rate => rate_target(ind),
        Quantity::PeriodChange | Quantity::RunningTotal => total_target(ind, q, dir),
        Quantity::Level | Quantity::Share => level_target(ind, q, dir, base),
    }
}

/// A bound on each year, else an average over the years.
fn annual(goal: GoalKind, of: Of, precision: f64) -> TargetKind {
    if is_bound(&goal) {
        TargetKind::AnnualBound {
            goal,
            of,
            precision,
        }
    } else {
        TargetKind::AnnualRate {
            goal,
            of,
            precision,
        }
    }
}

/// A rate indicator: the target cell, else the rate column, on its yearly values.
fn rate_target(ind: &Indicator) -> TargetKind {
    let target_numeric = ind.target.is_numeric() && !ind.target.is_period_total();
    // a relation printed as the target (`与经济增长同步`) is the target, the rate column
    // beside it (`6`) the pace the plan expects of it
    if !target_numeric && let Some(r) = relational(&ind.target) {
        return r;
    }
    let cell = if target_numeric {
        &ind.target
    } else {
        &ind.rate
    };
    match goal_of_cell(cell, 1.0, None, true) {
        Some(goal) => annual(goal, Of::Values, half_ulp(cell)),
        None => relational(&ind.rate)
            .or_else(|| relational(&ind.target))
            .unwrap_or_else(|| words_of(ind)),
    }
}

/// A total over the period: a change index (base year = 100) or a running total from 0.
fn total_target(ind: &Indicator, q: Quantity, dir: Direction) -> TargetKind {
    let cell = if ind.target.is_period_total() {
        &ind.target
    } else {
        &ind.rate
    };
    let Some(p) = cell.point() else {
        return words_of(ind);
    };
    let level = if q == Quantity::PeriodChange {
        // 12 under a falling name is a 12 % fall: index 100 → 88
        let change = if dir == Direction::Falling {
            -p.value.abs()
        } else {
            p.value
        };
        100.0 * (1.0 + change / 100.0)
    } else {
        p.value * ind.factor(cell)
    };
    let goal = match cell.form {
        // `[2000左右]`: short by no more than its tolerance, overshooting meets it
        Form::About { value } => GoalKind::About {
            value: level,
            tolerance: about_tolerance(
                value,
                if q == Quantity::PeriodChange {
                    1.0
                } else {
                    ind.factor(cell)
                },
            ),
        },
        // a flow's range is met from its low end
        Form::Range { low, high } if q == Quantity::RunningTotal => GoalKind::Range {
            low: low.value * ind.factor(cell),
            high: high.value * ind.factor(cell),
        },
        _ => bound_like(&cell.form, level, dir),
    };
    TargetKind::PeriodTotal {
        goal,
        precision: half_ulp(cell)
            * if q == Quantity::PeriodChange {
                1.0
            } else {
                ind.factor(cell)
            },
    }
}

/// A level or a share: its yearly value, a printed target, a total on the baseline, the rate
/// column, or words.
fn level_target(ind: &Indicator, q: Quantity, dir: Direction, base: Option<f64>) -> TargetKind {
    // the rate column states the row's own value each year (`＜5.5` under 年均/累计), read into
    // the target by the table
    if ind.target_from_rate && ind.rate_kind == RateKind::Yearly {
        return match goal_of_cell(&ind.target, ind.factor(&ind.target), None, true) {
            Some(goal) => annual(goal, Of::Values, half_ulp(&ind.target)),
            None => words_of(ind),
        };
    }
    if ind.target.is_numeric() && !ind.target.is_period_total() {
        return printed_target(ind, dir, base);
    }
    if let Some(t) = total_on_base(ind, dir, base) {
        return t;
    }
    if let Some(r) = relational(&ind.target) {
        return r;
    }
    let rate_numeric = ind.rate.is_numeric() && !ind.rate.is_period_total() && !ind.rate_cumulative;
    if rate_numeric && let Some(goal) = goal_of_cell(&ind.rate, per_cent(&ind.rate), None, true) {
        let share = q == Quantity::Share || ind.unit.is_share();
        // a bound on a share holds its values; any other rate is of the level's growth
        let of = if is_bound(&goal) && share {
            Of::Values
        } else {
            Of::Growth
        };
        return annual(goal, of, half_ulp(&ind.rate));
    }
    relational(&ind.rate)
        .or_else(|| relational(&ind.target))
        .unwrap_or_else(|| words_of(ind))
}

/// A printed level or bound: reached, or held when the baseline already meets it.
fn printed_target(ind: &Indicator, dir: Direction, base: Option<f64>) -> TargetKind {
    let f = ind.factor(&ind.target);
    let Some(mut goal) = goal_of_cell(&ind.target, f, base, false) else {
        return words_of(ind);
    };
    // `耕地保有量 1.2`: a floor, met by any value at or above it
    if let (GoalKind::Point { value }, true) = (goal, super::direction::is_floor_name(&ind.name)) {
        goal = GoalKind::AtLeast {
            value,
            strict: false,
        };
    }
    let precision = half_ulp(&ind.target) * f;
    // a bound (or level) the baseline already meets is held, not reached; so is, without a
    // baseline, a ceiling (`控制在5.5%以内`) and a floor the plan says to keep (`稳定在780以上`,
    // `耕地保有量`): kept year by year, each year beyond it named, never "reached early" from
    // its first outturn. A floor to pass (`突破1000`, `60以上`) is still reached.
    let kept_bound = base.is_none()
        && match goal {
            GoalKind::AtMost { .. } => true,
            GoalKind::AtLeast { .. } => {
                ["稳定", "保持", "不低于"]
                    .iter()
                    .any(|w| ind.target.raw.contains(w))
                    || super::direction::is_floor_name(&ind.name)
            }
            _ => false,
        };
    match base {
        // a baseline on a strict bound's line (98 under `＞98`) holds it, as the plan means
        Some(b)
            if goal.loose().met(b, dir)
                && !matches!(ind.target.form, Form::Points { .. } | Form::Multiple { .. }) =>
        {
            TargetKind::Hold { goal, precision }
        }
        _ if kept_bound => TargetKind::Hold { goal, precision },
        _ => TargetKind::Reach { goal, precision },
    }
}

/// `人均预期寿命 〔1〕`: a total over the period added to the baseline, in the row's unit.
fn total_on_base(ind: &Indicator, dir: Direction, base: Option<f64>) -> Option<TargetKind> {
    let total = if ind.target.is_period_total() {
        &ind.target
    } else if ind.rate.is_numeric() && (ind.rate.is_period_total() || ind.rate_cumulative) {
        &ind.rate
    } else {
        return None;
    };
    let (b, p) = (base?, total.point()?);
    let change = if dir == Direction::Falling {
        -p.value.abs()
    } else {
        p.value
    };
    Some(TargetKind::Reach {
        goal: GoalKind::Point {
            value: b + change * ind.factor(total),
        },
        precision: half_ulp(total) * ind.factor(total),
    })
}
