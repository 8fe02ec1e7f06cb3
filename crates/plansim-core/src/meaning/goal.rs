//! The kind of a target in value units (a point, a floor, a ceiling, about, a range), and
//! whether a value meets it going the indicator's way.

use crate::table::Direction;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
/// The kind of a goal and its value(s), in value units.
pub enum GoalKind {
    /// A plain number: met at or beyond it in the direction of travel.
    Point {
        /// The target.
        value: f64,
    },
    /// `≥95`, `以上`: met at or above; `＞98` (strict): above.
    AtLeast {
        /// The floor.
        value: f64,
        /// Printed `＞`/`超过`: the floor itself does not meet it.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        strict: bool,
    },
    /// `≤4`, `以内`: met at or below; `＜5.5` (strict): below.
    AtMost {
        /// The ceiling.
        value: f64,
        /// Printed `＜`/`低于`: the ceiling itself does not meet it.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        strict: bool,
    },
    /// About: met within a tolerance short of it, or beyond it in the direction of travel.
    About {
        /// The target.
        value: f64,
        /// How far short of it still counts as met.
        tolerance: f64,
    },
    /// Between: met from the near end on in the direction of travel.
    Range {
        /// The low end.
        low: f64,
        /// The high end.
        high: f64,
    },
}

impl GoalKind {
    /// The level a path must reach: the number, the bound, the near end of a range.
    pub fn level(&self, dir: Direction) -> f64 {
        match *self {
            GoalKind::Point { value }
            | GoalKind::AtLeast { value, .. }
            | GoalKind::AtMost { value, .. }
            | GoalKind::About { value, .. } => value,
            GoalKind::Range { low, high } => match dir {
                Direction::Rising => low,
                Direction::Falling => high,
            },
        }
    }

    /// Whether a value meets the goal, going in direction `dir`: a strict bound (`＞98`) is
    /// not met by its own line (98).
    pub fn met(&self, v: f64, dir: Direction) -> bool {
        let t = self.threshold(dir);
        meets(t, v) && !(self.is_strict() && on_the_line(t.0, v))
    }

    /// The goal with its line included (a strict bound read as `≥`/`≤`): how a continuous
    /// path is judged.
    pub fn loose(&self) -> GoalKind {
        match *self {
            GoalKind::AtLeast { value, .. } => GoalKind::AtLeast {
                value,
                strict: false,
            },
            GoalKind::AtMost { value, .. } => GoalKind::AtMost {
                value,
                strict: false,
            },
            other => other,
        }
    }

    /// A bound printed strict (`＞98`, `＜5.5`).
    pub fn is_strict(&self) -> bool {
        matches!(
            self,
            GoalKind::AtLeast { strict: true, .. } | GoalKind::AtMost { strict: true, .. }
        )
    }

    /// [`GoalKind::threshold`] with the target's printed precision allowed (`65` is met from
    /// 64.5): a figure computed here — compounded from outturns, or projected — is held to a
    /// number the plan rounded as printed. A bound (`4以内`, `＞98`, a range's end) is a line
    /// the plan draws, not a rounded figure: 4.3 does not keep `4以内`. An `About` goal's
    /// tolerance already allows for rounding.
    pub fn lenient(&self, dir: Direction, precision: f64) -> (f64, bool) {
        let (level, above) = self.threshold(dir);
        let slack = if matches!(self, GoalKind::Point { .. }) {
            precision
        } else if self.is_strict() {
            // the line itself is outside a strict bound (98 does not meet `＞98`): moved past
            // the rounding `meets` allows a computed figure
            -3.0 * rounding(level)
        } else {
            0.0
        };
        (if above { level - slack } else { level + slack }, above)
    }

    /// `met` spelled out per kind; `threshold` is its fast form.
    #[cfg(test)]
    fn met_by_kind(&self, v: f64, dir: Direction) -> bool {
        let up = dir == Direction::Rising;
        match *self {
            GoalKind::Point { value } => (up && v >= value) || (!up && v <= value),
            GoalKind::AtLeast { value, .. } => v >= value,
            GoalKind::AtMost { value, .. } => v <= value,
            GoalKind::About { value, tolerance } => {
                (up && v >= value - tolerance) || (!up && v <= value + tolerance)
            }
            GoalKind::Range { .. } => {
                let l = self.level(dir);
                (up && v >= l) || (!up && v <= l)
            }
        }
    }

    /// A threshold form of `met` for fast loops: (level, true = met at or above).
    pub(crate) fn threshold(&self, dir: Direction) -> (f64, bool) {
        match *self {
            GoalKind::AtLeast { value, .. } => (value, true),
            GoalKind::AtMost { value, .. } => (value, false),
            GoalKind::About { value, tolerance } => match dir {
                Direction::Rising => (value - tolerance, true),
                Direction::Falling => (value + tolerance, false),
            },
            _ => (self.level(dir), dir == Direction::Rising),
        }
    }
}

/// How far a computed figure may stray from a level by rounding alone.
fn rounding(level: f64) -> f64 {
    1e-9 * level.abs().max(1.0)
}

/// `v` is the level itself, to the rounding of a computed figure.
fn on_the_line(level: f64, v: f64) -> bool {
    (v - level).abs() <= rounding(level)
}

/// Whether `v` is on the met side of a threshold (level, met at or above): a path calibrated
/// onto the target must count as reaching it despite rounding.
pub(crate) fn meets((level, at_or_above): (f64, bool), v: f64) -> bool {
    let eps = rounding(level);
    if at_or_above {
        v >= level - eps
    } else {
        v <= level + eps
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::*;

    /// `＞98` is not met by 98, in any form a grade reads it; `≥98` is.
    #[test]
    fn a_strict_bound_excludes_its_line() {
        let strict = GoalKind::AtLeast {
            value: 98.0,
            strict: true,
        };
        let loose = GoalKind::AtLeast {
            value: 98.0,
            strict: false,
        };
        assert!(!strict.met(98.0, Rising) && strict.met(98.1, Rising));
        assert!(loose.met(98.0, Rising));
        assert!(!meets(strict.lenient(Rising, 0.5), 98.0));
        assert!(meets(strict.lenient(Rising, 0.5), 98.01));
        assert!(meets(loose.lenient(Rising, 0.5), 98.0));
        let below = GoalKind::AtMost {
            value: 5.5,
            strict: true,
        };
        assert!(!below.met(5.5, Falling) && below.met(5.4, Falling));
        assert!(!meets(below.lenient(Falling, 0.05), 5.5));
    }

    #[test]
    fn goals_are_met_by_kind_and_direction() {
        let about = GoalKind::About {
            value: 430.0,
            tolerance: 8.6,
        };
        let cases = [
            (GoalKind::Point { value: 70.0 }, Rising, 70.0, true),
            (GoalKind::Point { value: 70.0 }, Rising, 69.9, false),
            (GoalKind::Point { value: 88.0 }, Falling, 87.0, true),
            (GoalKind::Point { value: 88.0 }, Falling, 88.1, false),
            (
                GoalKind::AtLeast {
                    value: 95.0,
                    strict: false,
                },
                Falling,
                96.0,
                true,
            ),
            (
                GoalKind::AtMost {
                    value: 4.0,
                    strict: false,
                },
                Rising,
                4.1,
                false,
            ),
            (
                GoalKind::AtMost {
                    value: 4.0,
                    strict: false,
                },
                Rising,
                3.82,
                true,
            ),
            (about, Rising, 425.0, true),
            (about, Rising, 421.0, false),
            (about, Rising, 500.0, true),
            (
                GoalKind::Range {
                    low: 3.0,
                    high: 4.0,
                },
                Rising,
                3.5,
                true,
            ),
            (
                GoalKind::Range {
                    low: 3.0,
                    high: 4.0,
                },
                Rising,
                2.9,
                false,
            ),
            (
                GoalKind::Range {
                    low: 3.0,
                    high: 4.0,
                },
                Falling,
                4.1,
                false,
            ),
        ];
        for (goal, dir, v, met) in cases {
            assert_eq!(goal.met(v, dir), met, "{goal:?} {dir:?} {v}");
            assert_eq!(goal.met_by_kind(v, dir), met, "{goal:?} {dir:?} {v}");
        }
        // 100·(0.88^(1/5))^5 lands a hair above 88 in floating point: still met
        let v = (0..5).fold(100.0, |v, _| v * 0.88f64.powf(0.2));
        assert!(GoalKind::Point { value: 88.0 }.met(v, Falling));
    }
}
