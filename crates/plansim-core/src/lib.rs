#![doc = include_str!("../README.md")]
//!
//! The flow runs one way: [`table`] → [`check`] / [`assess`] / [`scenario`] → [`project`] →
//! [`simulate`] → [`export`], and [`run`] goes through all of it in one call. No command-line,
//! chart or report dependencies: those live in `plansim-report` and the `plansim` command.

#![warn(missing_docs)]

pub mod actuals;
pub mod assess;
pub mod check;
pub mod csv_cell;
pub mod error;
pub mod explain;
pub mod export;
pub mod format;
pub mod input;
pub mod lang;
pub mod meaning;
pub mod model;
pub mod names;
pub mod notice;
pub mod output;
pub mod percent;
pub mod project;
pub mod run;
pub mod scenario;
pub mod series;
pub mod simulate;
pub mod sweep;
pub mod table;
pub mod text;

pub use error::{CellError, Error, Result};
pub use table::{Attribute, Cell, Direction, Form, Indicator, LoadOptions, Num, Table, Unit, load};

/// Float comparison with an absolute tolerance, for tests and checks.
pub fn approx_eq(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol || (a.is_nan() && b.is_nan())
}

/// A file of the repository (bundled scenarios, test fixtures), for tests.
#[cfg(test)]
pub(crate) fn repo_file(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}
