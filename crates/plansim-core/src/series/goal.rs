//! A target in value units with the kind the plan printed, and whether a value meets it.

use crate::meaning::GoalKind;
use serde::Serialize;

/// A target in value units, with the kind the plan gave it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Goal {
    /// The year the goal is for.
    pub year: i32,
    /// The bound, point or range to meet.
    pub kind: GoalKind,
    /// The cell as the document printed it.
    pub raw: String,
    /// Derived from a stated growth rate rather than printed as a level.
    pub from_rate: bool,
}
