//! Many tables and scenarios pooled for `check` and `assess`: rows once each, the outturns
//! matched to them, every unusable input listed.

use super::{Input, Options, grade};
use crate::actuals::{Outturn, Resolved};
use crate::assess::Grade;
use crate::check::Finding;
use crate::error::Error;
use crate::names::Aliases;
use crate::notice::Notice;
use crate::scenario::Scenario;
use crate::table::{Indicator, Table, Warning};

/// Tables and scenarios pooled for [`check`](crate::check) and [`assess`](crate::assess):
/// their rows once each, the outturns matched to them, and everything that went wrong.
#[derive(Debug)]
pub struct Gathered {
    /// Every table row read, once (scenarios that share a table do not count it twice).
    pub rows: Vec<Indicator>,
    /// The outturns (scenarios' own, the options' files and rows) matched to `rows`.
    pub resolved: Resolved,
    /// The alias list the names were matched through.
    pub aliases: Aliases,
    /// Tables' unreadable cells: their rows are left out, the rest read.
    pub unread: Vec<Error>,
    /// Columns not read, marks no note explains, with their table.
    pub warnings: Vec<(std::path::PathBuf, Warning)>,
    /// The scenarios' warnings about their rules.
    pub notices: Vec<Notice>,
    /// Inputs that could not be used at all (a missing file, an unreadable outturn, a name
    /// that matches nothing): when any, `rows` and `resolved` are not to be used.
    pub errors: Vec<Error>,
}

impl Gathered {
    /// The consistency audit of the rows, with the outturns for `target-unreachable`.
    pub fn check(&self, opts: &Options) -> Vec<Finding> {
        let check = opts.check_options(
            &self.rows,
            Some(self.resolved.clone()),
            self.aliases.clone(),
        );
        crate::check::run(&self.rows, &check)
    }

    /// Every target graded from its outturns, as of `opts.as_of`.
    pub fn assess(&self, opts: &Options) -> Vec<Grade> {
        grade(&self.rows, &self.resolved, &self.aliases, opts)
    }

    /// [`Gathered::assess`] a grade at a time, each made as it is asked for.
    pub fn grades<'a>(&'a self, opts: &Options) -> impl Iterator<Item = Grade> + use<'a> {
        let with = super::assess_options(opts);
        crate::assess::grades(&self.rows, &self.resolved, &self.aliases, &with)
    }
}

/// Reads tables and scenarios (by path, or already read) with the options' outturns, for
/// `check` and `assess`: the tables' unreadable rows are left out and listed; every input that
/// cannot be used is in [`Gathered::errors`], all of them.
pub fn gather(inputs: Vec<Input>, opts: &Options) -> Gathered {
    let mut pool = Pool::default();
    // tables first, then scenarios, as the files are named
    let (scenarios, tables): (Vec<Input>, Vec<Input>) = inputs.into_iter().partition(|i| match i {
        Input::Path(p) => is_toml(p),
        Input::Table(_) => false,
        Input::Scenario(_) => true,
    });
    for t in tables {
        match t {
            Input::Path(p) => match crate::table::load(&p, &opts.load) {
                Ok(t) => pool.add_table(t),
                Err(e) => pool.errors.push(e),
            },
            Input::Table(t) => pool.add_table(t),
            Input::Scenario(_) => {}
        }
    }
    for s in scenarios {
        match s {
            Input::Path(p) => match Scenario::load(&p, &opts.load) {
                Ok(sc) => pool.add_scenario(sc),
                Err(e) => pool.errors.push(e),
            },
            Input::Scenario(sc) => pool.add_scenario(*sc),
            Input::Table(_) => {}
        }
    }
    pool.finish(opts)
}

/// What [`gather`] has read so far.
#[derive(Default)]
struct Pool {
    rows: Vec<Indicator>,
    outturns: Vec<Outturn>,
    unread: Vec<Error>,
    warnings: Vec<(std::path::PathBuf, Warning)>,
    notices: Vec<Notice>,
    errors: Vec<Error>,
}

impl Pool {
    /// A table's unread cells and warnings, listed; its rows that read are kept.
    fn left_out(&mut self, path: &std::path::Path, cells: Vec<crate::CellError>, w: &[Warning]) {
        self.warnings
            .extend(w.iter().map(|w| (path.to_path_buf(), w.clone())));
        if !cells.is_empty() {
            self.unread.push(Error::Cells {
                path: path.to_path_buf(),
                errors: cells,
            });
        }
    }

    fn add_table(&mut self, t: Table) {
        self.left_out(&t.path, t.unread, &t.warnings);
        self.rows.extend(crate::meaning::one_reading(t.indicators));
    }

    fn add_scenario(&mut self, sc: Scenario) {
        self.notices.extend(sc.notices);
        for l in sc.left_out {
            self.left_out(&l.file, l.cells, &l.warnings);
        }
        self.rows.extend(sc.indicators);
        self.outturns.extend(sc.all_outturns);
    }

    /// Rows once each, the options' outturns added, everything matched through the aliases.
    fn finish(mut self, opts: &Options) -> Gathered {
        // scenarios that share tables would count each row twice
        let mut seen = std::collections::HashSet::new();
        self.rows
            .retain(|r| seen.insert((r.file.clone(), r.row, r.target_year)));
        match crate::actuals::load_all(&opts.outturn_files) {
            Ok(a) => self.outturns.extend(a),
            Err(e) => self.errors.push(e),
        }
        self.outturns.extend(opts.outturns.iter().cloned());
        // an achievement table is its targets and its outturns, where no outturn is given
        let aliases = opts.aliases();
        let mut resolved = Resolved::empty(self.rows.len());
        if self.errors.is_empty() {
            match crate::actuals::intake(&self.rows, self.outturns, &aliases) {
                Ok((_, r)) => resolved = r,
                Err(e) => self.errors.push(e),
            }
        }
        Gathered {
            rows: self.rows,
            resolved,
            aliases,
            unread: self.unread,
            warnings: self.warnings,
            notices: self.notices,
            errors: self.errors,
        }
    }
}

fn is_toml(p: &std::path::Path) -> bool {
    p.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}
