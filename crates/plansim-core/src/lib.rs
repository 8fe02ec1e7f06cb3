#![doc = include_str!("../README.md")]
//!
//! The flow runs one way: [`table`] → [`check`] / [`assess`] / [`scenario`] → [`project`] →
//! [`simulate`] → [`export`], and [`run`] goes through all of it in one call. No command-line,
//! chart or report dependencies: those live in `plansim-report` and the `plansim` command.
//!
//! # Layers
//!
//! The modules stand in layers, bottom to top; each imports only from its own layer and those
//! below, and the modules of a layer import each other without a loop (`tests/layers.rs` fails
//! otherwise). Read the crate from the bottom up:
//!
//! 1. **text and numbers**: [`text`] (nearest names, percents as written, floats printed
//!    plainly), [`format`](mod@format), [`csv_cell`], [`lang`] (the language and the message catalogue),
//!    [`notice`] (a place in a file, a notice, a severity), [`error`], [`input`] (bounded reads),
//!    [`output`] (safe writes into an output folder);
//! 2. **table**: [`table`] (reading plan tables, the cell grammar, units), [`percent`] (serde of
//!    fractions), [`names`] (indicator names and aliases), and the sentences that need only rows:
//!    [`lang::detect`] (language from the inputs), [`lang::finding`];
//! 3. **meaning**: [`meaning`] (direction, quantity, kind of target), [`lang::grade`];
//! 4. **outturns**: [`actuals`] (reading, merging and matching outturns to rows);
//! 5. **series and growth models**: [`series`], [`model`];
//! 6. **grades and checks**: [`assess`], then [`check`] (which takes `assess`'s grades as input);
//! 7. **scenario**: [`scenario`] (files, inheritance, rules, rates);
//! 8. **projection and simulation**: [`project`], [`simulate`], [`sweep`];
//! 9. **run**, the facade: [`run`];
//! 10. **explain and export**: [`explain`], [`export`].

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
