//! plansim-report: charts of projections and simulations (plotters, with a bundled CJK font)
//! and batch reports (CSV, HTML, Markdown) over `plansim-core`.

pub mod chart;
pub mod error;
pub mod report;

pub use error::{Error, Result};

// the chart tests include examples/sample/, written against the crate's public name
#[cfg(test)]
extern crate self as plansim_report;
