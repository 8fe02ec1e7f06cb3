//! plansim: read the indicator tables of Chinese regional development plans, check that their
//! targets hold together, project them under what-if scenarios, simulate their uncertainty, and
//! chart and report the results.
//!
//! The flow runs one way: [`table`] → [`check`] / [`scenario`] → [`project`] → [`simulate`] →
//! [`chart`] / [`report`].

pub mod actuals;
pub mod chart;
pub mod check;
pub mod error;
pub mod export;
pub mod model;
pub mod output;
pub mod project;
pub mod report;
pub mod scenario;
pub mod series;
pub mod simulate;
pub mod sweep;
pub mod table;

pub use error::{CellError, Error, Result};
pub use table::{Attribute, Cell, Direction, Form, Indicator, LoadOptions, Num, Table, Unit, load};

/// Float comparison with an absolute tolerance, for tests and checks.
pub fn approx_eq(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol || (a.is_nan() && b.is_nan())
}
