//! Which way an indicator is meant to move.

use super::quantity::{Quantity, quantity};
use crate::table::{Direction, Form, Indicator};

/// A stock the plan keeps at or above its figure (`耕地保有量`, `永久基本农田保护面积`).
pub(crate) fn is_floor_name(name: &str) -> bool {
    ["保有量", "保护面积", "红线"]
        .iter()
        .any(|w| name.contains(w))
}

/// The way the indicator should move: the bound of its target (or of its rate column when the
/// target is empty: `<5.5` is a ceiling), else target against base, else the sign of the
/// stated rate, else the words of its name.
pub fn direction(ind: &Indicator) -> Direction {
    let falling_name = crate::table::meant_to_fall(&ind.name);
    // a bound on a reduction bounds the size of the fall (`化肥使用量减少 不低于[5]`: at least
    // 5 % down): the row still falls
    if quantity(ind) == Quantity::PeriodChange && super::quantity::is_reduction(ind) {
        return Direction::Falling;
    }
    match ind.target.form {
        Form::AtMost { .. } => return Direction::Falling,
        Form::AtLeast { .. } => return Direction::Rising,
        _ => {}
    }
    // a flow summed over the period (`农村贫困人口脱贫 [5575]`, `减排量 [10]`) must reach its
    // total whatever its words; only an explicit `<`/`以内` makes it a ceiling
    if quantity(ind) == Quantity::RunningTotal {
        return match ind.rate.form {
            Form::AtMost { .. } if !ind.target.is_numeric() => Direction::Falling,
            _ => Direction::Rising,
        };
    }
    // a stock to keep (`耕地保有量 1.22 → 1.2`) is a floor even below its base
    if is_floor_name(&ind.name) {
        return Direction::Rising;
    }
    // an explicit bound on the yearly growth of a level with a printed target says which
    // side of it the plan means (`全国总人口 136000, ＜8‰`: kept under it)
    if matches!(ind.target.form, Form::Number { .. }) && !ind.target.is_period_total() {
        match ind.rate.form {
            Form::AtMost { .. } => return Direction::Falling,
            Form::AtLeast { .. } => return Direction::Rising,
            _ => {}
        }
    }
    if let (Some(b), Some(t)) = (ind.base_level(), ind.target_level())
        && b.value != t.value
    {
        return if t.value > b.value {
            Direction::Rising
        } else {
            Direction::Falling
        };
    }
    if !ind.target.is_numeric() {
        match ind.rate.form {
            Form::AtMost { .. } => return Direction::Falling,
            Form::AtLeast { .. } => return Direction::Rising,
            _ => {}
        }
    }
    if let Some(r) = ind.rate.point()
        && r.value != 0.0
    {
        let total = ind.target.is_period_total() || ind.rate.is_period_total();
        return if r.value < 0.0 || (falling_name && total) {
            Direction::Falling
        } else {
            Direction::Rising
        };
    }
    if falling_name {
        Direction::Falling
    } else {
        Direction::Rising
    }
}
