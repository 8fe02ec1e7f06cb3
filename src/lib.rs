//! plansim: read the indicator tables of Chinese regional development plans, check that their
//! targets hold together, project them under what-if scenarios, simulate their uncertainty, and
//! chart and report the results.
//!
//! This crate is the `plansim` command and an umbrella over the engine ([`plansim_core`], no
//! chart or report dependencies) and the charts and reports ([`plansim_report`]).

pub use plansim_core::*;
pub use plansim_report::{chart, report};
