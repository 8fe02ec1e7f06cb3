//! A scenario's results before anything is rendered: what the charts, the pages and the
//! workbook are made from.

use super::page::Page;
use plansim_core::scenario::Scenario;

/// A scenario run: its projection, simulation and findings, before anything is rendered.
pub struct Computed {
    pub sc: Scenario,
    pub p: plansim_core::project::Projection,
    pub sim: plansim_core::simulate::Simulation,
    pub page: Page,
    /// The regions its projection holds, so charts skip the scenarios of other regions at once.
    pub regions: Vec<String>,
    /// Every target's grade from the outturns (`assess`), in table order.
    pub grades: Vec<plansim_core::assess::Grade>,
}
