//! A scenario's results before anything is rendered: what the charts, the pages and the
//! workbook are made from.

use super::page::Page;
use crate::scenario::Scenario;

/// A scenario run: its projection, simulation and findings, before anything is rendered.
pub struct Computed {
    pub sc: Scenario,
    pub p: crate::project::Projection,
    pub sim: crate::simulate::Simulation,
    pub page: Page,
    /// The regions its projection holds, so charts skip the scenarios of other regions at once.
    pub regions: Vec<String>,
    /// Every target's grade from the outturns (`assess`), in table order.
    pub grades: Vec<crate::assess::Grade>,
}
