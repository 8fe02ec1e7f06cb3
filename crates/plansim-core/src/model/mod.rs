//! Growth models. Each is a small type behind [`Growth`]: given last year's value and this
//! year's rate, this year's value. A path is the fold of `step` over the years, so the same
//! models serve the deterministic projection and every Monte Carlo draw.
//!
//! Rates are annual growth rates (0.07 = 7% a year). A rate stated or set over years is a
//! compound-equivalent pace: other shapes are calibrated to the level it reaches
//! (`scenario::rates::paced`); a year's rate is read at the model's baseline.
pub(crate) mod compound;
pub(crate) mod linear;
pub(crate) mod logistic;

pub use compound::{Compound, implied_rate, reach};
pub use linear::Linear;
pub use logistic::Logistic;

use serde::Serialize;

/// One year of a growth model, and the constant rate that reaches a level.
pub trait Growth {
    /// This year's value from last year's value and this year's rate.
    fn step(&self, prev: f64, rate: f64) -> f64;
    /// The constant rate that takes `from` to `to` in `years` steps, if any.
    fn calibrate(&self, from: f64, to: f64, years: f64) -> Option<f64>;
    /// The name scenarios write for the model (`compound`).
    fn name(&self) -> &'static str;
}

/// The model of one path, chosen per indicator.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "model", rename_all = "kebab-case")]
pub enum Model {
    /// Growth compounding on the level.
    Compound(Compound),
    /// A fixed amount a year: the rate times a scale.
    Linear(Linear),
    /// Growth slowing towards a ceiling.
    Logistic(Logistic),
}

impl Growth for Model {
    #[inline]
    fn step(&self, prev: f64, rate: f64) -> f64 {
        match self {
            Model::Compound(m) => m.step(prev, rate),
            Model::Linear(m) => m.step(prev, rate),
            Model::Logistic(m) => m.step(prev, rate),
        }
    }
    fn calibrate(&self, from: f64, to: f64, years: f64) -> Option<f64> {
        match self {
            Model::Compound(m) => m.calibrate(from, to, years),
            Model::Linear(m) => m.calibrate(from, to, years),
            Model::Logistic(m) => m.calibrate(from, to, years),
        }
    }
    fn name(&self) -> &'static str {
        match self {
            Model::Compound(m) => m.name(),
            Model::Linear(m) => m.name(),
            Model::Logistic(m) => m.name(),
        }
    }
}

/// The model names a scenario may ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModelChoice {
    /// The documented default for the indicator (see `project::default_model`).
    Auto,
    /// Growth compounding on the level.
    Compound,
    /// A fixed amount a year.
    Linear,
    /// Growth slowing towards the natural ceiling.
    Logistic,
}
