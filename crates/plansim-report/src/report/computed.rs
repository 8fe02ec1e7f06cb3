//! A scenario's results before anything is rendered: what the charts, the pages and the
//! workbook are made from.

use super::page::Page;
use plansim_core::export::{ChanceRow, LongRow};
use plansim_core::scenario::Scenario;
use plansim_core::simulate::Band;

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
    /// A report without charts keeps its long rows on disk as its paths are made
    /// ([`super::spill`]): then `p` and `sim` hold no path, and the long rows are read from
    /// here ([`Computed::each_long`], [`Computed::each_chance`]).
    pub spill: Option<super::spill::Spill>,
}

/// An outturn published as a bound: year, value, side and the cell as printed.
pub type Bound = (i32, f64, plansim_core::actuals::Side, String);

impl Computed {
    /// Every path's long rows (the rows of `projection.csv`) with their bands, in order:
    /// (path, row, band).
    pub fn each_long<E: From<plansim_core::Error>>(
        &self,
        mut f: impl FnMut(usize, &LongRow, Band) -> Result<(), E>,
    ) -> Result<(), E> {
        match &self.spill {
            Some(spill) => spill.each_long(&self.sc.name, f),
            None => {
                for (i, c, r) in plansim_core::export::long_rows(&self.p) {
                    f(i, &r, self.sim.paths[i].bands[c])?;
                }
                Ok(())
            }
        }
    }

    /// Every path's rows of `probabilities.csv`, in order.
    pub fn each_chance<E: From<plansim_core::Error>>(
        &self,
        mut f: impl FnMut(&ChanceRow) -> Result<(), E>,
    ) -> Result<(), E> {
        match &self.spill {
            Some(spill) => spill.each_chance(&self.sc.name, f),
            None => {
                for r in plansim_core::export::chance_rows(&self.p, &self.sim) {
                    f(&r)?;
                }
                Ok(())
            }
        }
    }

    /// The paths projected.
    pub fn paths(&self) -> usize {
        self.spill
            .as_ref()
            .map_or(self.p.paths.len(), |s| s.paths())
    }

    /// The bounds of path `i`, by year ([`Computed::bounds`]).
    pub fn bounds_of(&self, i: usize) -> &[Bound] {
        self.bounds
            .binary_search_by_key(&i, |b| b.0)
            .map_or(&[], |k| &self.bounds[k].1)
    }
}
