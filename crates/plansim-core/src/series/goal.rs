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
    /// Half a unit of the target's last printed digit, in value units (0 for a level derived
    /// from a stated rate): a projected value meets the goal as printed, as `assess` holds a
    /// figure compounded from outturns (`84.91` meets `85`).
    #[serde(skip)]
    pub precision: f64,
}

impl Goal {
    /// Whether a projected value meets the goal as printed.
    pub fn met(&self, v: f64, dir: crate::table::Direction) -> bool {
        crate::meaning::goal::meets(self.threshold(dir), v)
    }

    /// [`Goal::met`]'s threshold: (level, met at or above). A path is continuous: reaching a
    /// strict bound's line (`突破100`) is crossing it, and the path the required rate draws
    /// lands on the line; only a published figure of the line itself falls short of it.
    pub fn threshold(&self, dir: crate::table::Direction) -> (f64, bool) {
        self.kind.loose().lenient(dir, self.precision)
    }
}
