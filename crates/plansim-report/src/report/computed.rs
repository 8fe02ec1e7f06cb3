//! A scenario's results before anything is rendered: what the charts, the pages and the
//! workbook are made from.

use super::page::Page;
use plansim_core::scenario::Scenario;

/// A scenario run: its projection, simulation and findings, before anything is rendered.
pub struct Computed {
    /// The scenario; in a report its table's rows and outturns are let go once the target
    /// rows are made from them (each carries what the workbook reads of its row, `bounds`
    /// what the charts read of the outturns), its series living on in the paths.
    pub sc: Scenario,
    pub p: plansim_core::project::Projection,
    pub sim: plansim_core::simulate::Simulation,
    pub page: Page,
    /// The regions its projection holds, so charts skip the scenarios of other regions at once.
    /// (Each target's grade lives on in its page row: the grades, some 2 kB a target with
    /// their sentences in both languages, are let go once the rows are made.)
    pub regions: std::collections::HashSet<String>,
    /// The outturns published as bounds (`＞98`) of the paths that have any, by path: what
    /// an indicator chart draws of them ([`Scenario::bounds_of`]), made while the table and
    /// its outturns are at hand.
    pub bounds: Vec<(usize, Vec<Bound>)>,
}

/// An outturn published as a bound: year, value, side and the cell as printed.
pub type Bound = (i32, f64, plansim_core::actuals::Side, String);

impl Computed {
    /// The bounds of path `i`, by year ([`Computed::bounds`]).
    pub fn bounds_of(&self, i: usize) -> &[Bound] {
        self.bounds
            .binary_search_by_key(&i, |b| b.0)
            .map_or(&[], |k| &self.bounds[k].1)
    }
}
