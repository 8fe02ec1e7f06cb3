#![doc = include_str!("../README.md")]
//!
//! # The public API
//!
//! What this page lists is the engine's public surface, all at the crate's root (the same
//! list, one line an item, in `docs/api.md`):
//!
//! - the facade: [`run()`] with its [`Input`] (a path, a [`Table`], or a [`Scenario`] built in
//!   code from a [`ScenarioFile`]), [`Options`] and [`Stages`], giving [`Results`]:
//!   the [`Scenario`] as run, its [`Projection`], its [`Simulation`], the consistency audit's
//!   [`Finding`]s and the [`Grade`]s (each with a [`Status`]);
//! - the table reader: [`load`] and [`load_bytes`] with [`LoadOptions`], giving a [`Table`] of
//!   [`Indicator`] rows, whose cells are [`Cell`]s of a [`Form`] with [`Num`]bers, a [`Unit`],
//!   an [`Attribute`] and a [`Direction`];
//! - the outturn reader: [`load_outturns`] and [`load_outturn_bytes`], giving [`Outturn`]s;
//! - the formatter: [`number`] with [`Digits`];
//! - errors: [`Error`] (with [`CellError`] for each unreadable cell) and [`Result`].
//!
//! The modules themselves (`table`, `assess`, `project`, …) are public only for plansim's own
//! crates (the command, `plansim-report`, `plansim-serve`, the Python package) and its tests:
//! they are hidden from these docs and may change.
//!
//! # Layers
//!
//! The flow runs one way: `table` → `check` / `assess` / `scenario` → `project` → `simulate` →
//! `export`, and `run` goes through all of it in one call. No command-line, chart or report
//! dependencies: those live in `plansim-report` and the `plansim` command.
//!
//! The modules stand in layers, bottom to top; each imports only from its own layer and those
//! below, and the modules of a layer import each other without a loop (`tests/layers.rs` fails
//! otherwise). Read the crate from the bottom up:
//!
//! 1. **text and numbers**: `text` (nearest names, percents as written, floats printed
//!    plainly), `format`, `csv_cell`, `lang` (the language and the message catalogue),
//!    `notice` (a place in a file, a notice, a severity), `error`, `input` (bounded reads),
//!    `output` (safe writes into an output folder);
//! 2. **table**: `table` (reading plan tables, the cell grammar, units), `percent` (serde of
//!    fractions), `names` (indicator names and aliases), `lang::detect` (language from the
//!    inputs);
//! 3. **meaning**: `meaning` (direction, quantity, kind of target);
//! 4. **outturns**: `actuals` (reading, merging and matching outturns to rows);
//! 5. **series and growth models**: `series`, `model`;
//! 6. **grades and checks**: `assess`, then `check` (which takes `assess`'s grades as input),
//!    each rule beside its sentences (`assess::words`, `check::words`);
//! 7. **scenario**: `scenario` (files, inheritance, rules, rates);
//! 8. **projection and simulation**: `project`, `simulate`, `sweep`;
//! 9. **run**, the facade: `run`;
//! 10. **explain and export**: `explain`, `export`.

#![warn(missing_docs)]

// The modules are for plansim's own crates and tests and may change; the API is the root's.
#[doc(hidden)]
pub mod actuals;
#[doc(hidden)]
pub mod assess;
#[doc(hidden)]
pub mod check;
#[doc(hidden)]
pub mod csv_cell;
#[doc(hidden)]
pub mod error;
#[doc(hidden)]
pub mod explain;
#[doc(hidden)]
pub mod export;
#[doc(hidden)]
pub mod format;
#[doc(hidden)]
pub mod input;
#[doc(hidden)]
pub mod lang;
#[doc(hidden)]
pub mod meaning;
#[doc(hidden)]
pub mod model;
#[doc(hidden)]
pub mod names;
#[doc(hidden)]
pub mod notice;
#[doc(hidden)]
pub mod output;
#[doc(hidden)]
pub mod percent;
#[doc(hidden)]
pub mod project;
#[doc(hidden)]
pub mod run;
#[doc(hidden)]
pub mod scenario;
#[doc(hidden)]
pub mod series;
#[doc(hidden)]
pub mod simulate;
#[doc(hidden)]
pub mod sweep;
#[doc(hidden)]
pub mod table;
#[doc(hidden)]
pub mod text;

pub use actuals::{Outturn, load as load_outturns, load_bytes as load_outturn_bytes};
pub use assess::{Grade, Status};
pub use check::Finding;
pub use error::{CellError, Error, Result};
pub use format::{Digits, number};
pub use project::Projection;
pub use run::{Input, Options, Results, Stages, run};
pub use scenario::{Scenario, ScenarioFile};
pub use simulate::Simulation;
pub use table::{
    Attribute, Cell, Direction, Form, Indicator, LoadOptions, Num, Table, Unit, load, load_bytes,
};

// docs/api.md's example runs with the doc tests
#[cfg(doctest)]
#[doc = include_str!("../../../docs/api.md")]
struct ApiPage;

/// Float comparison with an absolute tolerance, for plansim's tests and checks.
#[doc(hidden)]
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
