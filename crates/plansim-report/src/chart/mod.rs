//! Charts of projections and simulations, drawn with plotters into PNG bytes or SVG text.
//!
//! The types here are plain inputs with every label already chosen (Chinese by default,
//! [`Words::en`] for English): the caller maps projections and simulations onto them, and the
//! report module writes the bytes to files. Four kinds:
//! - [`IndicatorChart`]: one indicator over time — baseline, actuals, a line per scenario, the
//!   Monte Carlo fan, the target by its kind, milestone years and the natural ceiling;
//! - [`Dashboard`]: every indicator of a plan as small multiples coloured by [`Status`](plansim_core::Status);
//! - [`GapChart`]: current against required pace from the outturns, per target, sorted;
//! - [`FeasibilityMap`]: stated against required annual rate, the diagonal drawn (kept for
//!   `plot` users; the report draws the gap chart instead);
//! - [`ProbabilityChart`]: indicators sorted by the probability of meeting the target.
//!
//! Text uses the bundled CJK font ([`font`]); call [`missing_glyphs`] to report labels with
//! characters it cannot draw.

mod axes;
mod dashboard;
mod feasibility;
pub mod font;
mod frame;
mod gap;
mod glyphs;
pub mod grade;
mod indicator;
mod indicator_data;
mod legend;
pub mod palette;
mod place;
mod probability;
mod render;
// realistic chart inputs for the rendering tests: made-up fans, so kept out of src/
#[cfg(test)]
#[path = "../../examples/sample/mod.rs"]
mod sample;
mod stroke;
mod style;
pub(crate) mod svg_font;
mod trend;
pub mod vision;
mod words;

pub use dashboard::{Dashboard, Panel};
pub use feasibility::{FeasibilityMap, FeasibilityPoint};
pub use frame::Canvas;
pub use gap::{GapChart, GapDot};
pub use indicator_data::{
    Fan, FanYear, IndicatorChart, Line, Milestone, OutturnBound, TargetKind, TargetMark,
};
pub use probability::{ProbabilityBar, ProbabilityChart};
pub use render::{missing_glyphs, png, rgb, svg};
pub use svg_font::with_cjk_font;
pub use words::Words;

use plotters::prelude::*;

/// Smallest and largest image sides accepted, in pixels.
pub const MIN_SIZE: (u32, u32) = (240, 160);
pub const MAX_SIDE: u32 = 10_000;

/// Why a chart could not be drawn; each names the chart by its title.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The requested image size is too small to lay the chart out, or too large.
    #[error(
        "chart `{chart}`: size {width}×{height} is outside {}×{} to {MAX_SIDE}×{MAX_SIDE}",
        MIN_SIZE.0,
        MIN_SIZE.1
    )]
    Size {
        chart: String,
        width: u32,
        height: u32,
    },
    /// plotters failed while drawing.
    #[error("chart `{chart}`: drawing failed: {message}")]
    Draw { chart: String, message: String },
    /// The PNG encoder failed.
    #[error("chart `{chart}`: PNG encoding failed: {message}")]
    Encode { chart: String, message: String },
    /// The bundled font could not be registered.
    #[error("chart font: {0}")]
    Font(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A drawing failure inside a chart, before it is named by the chart's title.
#[derive(Debug)]
pub struct DrawFail(String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawFail {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        DrawFail(e.to_string())
    }
}

/// A chart that can draw itself on any plotters backend.
pub trait Draw {
    /// The title, to name the chart in errors.
    fn title(&self) -> &str;
    /// Every text the chart may draw, for the glyph check.
    fn labels(&self) -> Vec<&str>;
    /// Draws the whole chart on the canvas.
    fn draw<DB: DrawingBackend>(&self, cv: &Canvas<DB>) -> Result<(), DrawFail>;
}
