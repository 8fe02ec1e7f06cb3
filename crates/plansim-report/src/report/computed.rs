//! A scenario's results before anything is rendered: what the charts, the pages and the
//! workbook are made from.

use super::page::Page;
use plansim_core::scenario::Scenario;

/// A scenario run: its projection, simulation and findings, before anything is rendered.
pub struct Computed {
    /// The scenario; in a report without charts its table's rows are let go once the target
    /// rows are made from them (each carries what the workbook reads of its row), its series
    /// living on in the paths.
    pub sc: Scenario,
    pub p: plansim_core::project::Projection,
    pub sim: plansim_core::simulate::Simulation,
    pub page: Page,
    /// The regions its projection holds, so charts skip the scenarios of other regions at once.
    /// (Each target's grade lives on in its page row: the grades, some 2 kB a target with
    /// their sentences in both languages, are let go once the rows are made.)
    pub regions: std::collections::HashSet<String>,
}
