//! Growth models. Each is a small type behind [`Step`]: given last year's value and this year's
//! rate parameter, this year's value. A path is the fold of `step` over the years, so the same
//! models serve the deterministic projection and every Monte Carlo draw.

pub mod compound;

pub use compound::Compound;

/// One year of a growth model.
pub trait Step {
    /// This year's value from last year's and the year's rate parameter (a growth rate for
    /// compound models, an increment for linear ones).
    fn step(&self, prev: f64, rate: f64) -> f64;
    fn name(&self) -> &'static str;
}
