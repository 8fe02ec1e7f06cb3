//! Which way an indicator is meant to move.

use crate::table::{Direction, Form, Indicator};

/// Words in a name that mark an indicator meant to fall.
pub const FALLING_WORDS: [&str; 13] = [
    "降低",
    "下降",
    "减少",
    "压减",
    "失业率",
    "能耗",
    "排放",
    "死亡率",
    "发生率",
    "贫困",
    "事故",
    "污染",
    "削减",
];

/// The way the indicator should move: the bound of its target (or of its rate column when the
/// target is empty: `<5.5` is a ceiling), else target against base, else the sign of the
/// stated rate, else the words of its name.
pub fn direction(ind: &Indicator) -> Direction {
    let falling_name = FALLING_WORDS.iter().any(|w| ind.name.contains(w));
    match ind.target.form {
        Form::AtMost { .. } => return Direction::Falling,
        Form::AtLeast { .. } => return Direction::Rising,
        _ => {}
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
