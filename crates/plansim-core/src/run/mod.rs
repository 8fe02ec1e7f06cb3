//! The facade: one call from inputs (scenario or table files, tables already read, a scenario
//! built in code, outturns) to results (the scenario, its projection and simulation, the
//! consistency findings and the grades). The command line, the report and the Python package
//! run through here, so each job has one place.
//!
//! Two shapes of run:
//! - [`run`]: one scenario (a scenario file, a table run as its own baseline, or a
//!   [`Scenario`] built in code) projected, and as [`Stages`] ask simulated, checked and graded;
//! - `gather`: many tables and scenarios pooled for [`check`](crate::check) and
//!   [`assess`](crate::assess), every unusable input reported at once.

use crate::actuals::{Outturn, Resolved};
use crate::assess::Grade;
use crate::check::{CheckOptions, Finding, Regions};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::names::Aliases;
use crate::project::Projection;
use crate::scenario::{Scenario, ScenarioFile};
use crate::simulate::{Memo, Noise, Settings, Simulation};
use crate::table::{Indicator, LoadOptions, Table};
use std::path::PathBuf;

mod gather;

pub use gather::{Gathered, gather};

/// What a run reads.
///
/// # Example
///
/// ```
/// use plansim_core::Input;
/// use std::path::PathBuf;
///
/// // a scenario file, or a table that runs as its own baseline
/// let toml: Input = PathBuf::from("scenarios/baseline.toml").into();
/// assert!(matches!(toml, Input::Path(_)));
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Input {
    /// A scenario file (`.toml`), or a table file (CSV, XLSX), which runs as its own baseline.
    Path(PathBuf),
    /// A table already read (from bytes, or a file read earlier): its own baseline.
    Table(Table),
    /// A scenario built in code ([`Scenario::from_parts`]) or loaded earlier.
    Scenario(Box<Scenario>),
}

impl From<PathBuf> for Input {
    fn from(p: PathBuf) -> Input {
        Input::Path(p)
    }
}

impl From<&std::path::Path> for Input {
    fn from(p: &std::path::Path) -> Input {
        Input::Path(p.to_path_buf())
    }
}

impl From<Table> for Input {
    fn from(t: Table) -> Input {
        Input::Table(t)
    }
}

impl From<Scenario> for Input {
    fn from(sc: Scenario) -> Input {
        Input::Scenario(Box::new(sc))
    }
}

/// How a run reads its inputs and what it overrides; `Options::default()` reads strictly, in
/// Chinese, with the scenario's own draws, seed and σ.
///
/// # Example
///
/// ```
/// use plansim_core::{Input, Options, Stages, run};
///
/// let scenario = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
///     .join("../../scenarios/national-14th.toml");
/// let opts = Options { as_of: Some(2022), ..Options::default() };
/// let results = run(Input::Path(scenario), &opts, Stages { assess: true, ..Stages::PROJECT })?;
/// // 常住人口城镇化率 reached 65.22 % in 2022, past its 2025 target of 65
/// let urban = results.grades.iter().find(|g| g.indicator == "常住人口城镇化率").unwrap();
/// assert_eq!((urban.latest_year, urban.latest_value), (Some(2022), Some(65.22)));
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Outturn files besides a scenario's own `actuals` (`--actuals`).
    pub outturn_files: Vec<PathBuf>,
    /// Outturns already read (from bytes: a DataFrame), besides the files.
    pub outturns: Vec<Outturn>,
    /// How tables are read: sheet, region, lenient.
    pub load: LoadOptions,
    /// The alias list; the bundled one when `None`.
    pub aliases: Option<Aliases>,
    /// The region hierarchy for `cross-plan-conflict`; the bundled one when `None`.
    pub regions: Option<Regions>,
    /// Grade with what was known then: outturns after this year are ignored.
    pub as_of: Option<i32>,
    /// The last projected year, overriding the scenario's.
    pub horizon: Option<i32>,
    /// The last year `check` projects bounds to (default [`crate::check::DEFAULT_HORIZON`]).
    pub check_horizon: Option<i32>,
    /// Draws per indicator, overriding the scenario's.
    pub draws: Option<usize>,
    /// The seed, overriding the scenario's.
    pub seed: Option<u64>,
    /// σ of every yearly rate as a fraction (0.02 = 2 points), overriding every other σ.
    pub sigma: Option<f64>,
    /// The shocks' distribution, overriding the scenario's.
    pub noise: Option<Noise>,
    /// The share of each shock from one economy-wide factor, overriding the scenario's.
    pub common: Option<f64>,
    /// Threads for the simulation: 0 the current pool (all cores), 1 this thread.
    pub jobs: usize,
    /// The language of findings, reasons and notes.
    pub lang: Lang,
    /// Paths drawn by the other runs of a batch, reused when identical (see [`Memo`]).
    pub memo: Option<Memo>,
    /// A scenario file or table loaded by [`scenario`] makes each series only when asked
    /// ([`Scenario::each_series`]; its `series` then empty): for a writer that takes the paths one at a time
    /// ([`crate::export::write_paths_csv`]), at a million rows some 430 bytes a row less.
    /// What reads every series at once ([`crate::project::project`], a simulation, a report)
    /// needs them held: [`Scenario::hold_series`] ([`from_scenario`] calls it).
    pub series_on_demand: bool,
}

impl Options {
    /// The simulation settings for a scenario: its `[uncertainty]` under these overrides.
    pub fn settings(&self, sc: &Scenario) -> Settings {
        let mut set = Settings::from_scenario(sc);
        set.draws = self.draws.unwrap_or(set.draws);
        set.seed = self.seed.unwrap_or(set.seed);
        set.sigma = self.sigma.or(set.sigma);
        set.noise = self.noise.unwrap_or(set.noise);
        set.common = self.common.unwrap_or(set.common);
        set.jobs = self.jobs;
        set.memo = self.memo.clone();
        set
    }

    /// The names outturns may go by: the run's own, else the bundled list.
    pub fn aliases(&self) -> Aliases {
        self.aliases.clone().unwrap_or_else(Aliases::bundled)
    }

    /// The check's options for `rows`, with the grades target-unreachable reports: graded
    /// here, by the facade, as of the latest outturn whatever `as_of` asks of `assess`.
    fn check_options(
        &self,
        rows: &[Indicator],
        outturns: Option<Resolved>,
        aliases: Aliases,
    ) -> CheckOptions {
        // only the grades target-unreachable reports are kept, each made and let go
        let grades = match &outturns {
            Some(o) if !o.outturns.is_empty() => {
                crate::assess::grades(rows, o, &aliases, &crate::assess::Options::default())
                    .enumerate()
                    .filter(|(k, g)| crate::check::says_trouble(rows, o, *k, g))
                    .collect()
            }
            _ => Vec::new(),
        };
        CheckOptions {
            horizon: self.check_horizon.unwrap_or(crate::check::DEFAULT_HORIZON),
            regions: self.regions.clone().unwrap_or_else(Regions::bundled),
            aliases,
            outturns,
            grades,
            lang: self.lang,
        }
    }
}

/// Which stages [`run`] carries out besides the projection.
///
/// # Example
///
/// ```
/// use plansim_core::{Input, LoadOptions, Options, Stages, load_bytes, run};
///
/// // 100亿 in 2020 at a stated 5 % a year
/// let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
///            测试区,地区生产总值,亿元,2020,100,2025,,5\n";
/// let table = load_bytes("gdp.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default())?;
/// // the projection alone: no bands, no findings, no grades
/// let results = run(Input::Table(table), &Options::default(), Stages::PROJECT)?;
/// assert!(results.simulation.is_none());
/// assert!(results.findings.is_empty() && results.grades.is_empty());
/// assert_eq!(Stages::default(), Stages::PROJECT);
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stages {
    /// Monte Carlo bands and probabilities under the scenario.
    pub simulate: bool,
    /// The consistency audit of the scenario's rows.
    pub check: bool,
    /// Every target graded from the scenario's outturns.
    pub assess: bool,
}

impl Stages {
    /// The projection alone.
    pub const PROJECT: Stages = Stages {
        simulate: false,
        check: false,
        assess: false,
    };
    /// Projection and simulation.
    pub const SIMULATE: Stages = Stages {
        simulate: true,
        check: false,
        assess: false,
    };
    /// Everything: projection, simulation, findings and grades.
    pub const ALL: Stages = Stages {
        simulate: true,
        check: true,
        assess: true,
    };
}

/// What a run of one scenario gives.
///
/// # Example
///
/// ```
/// use plansim_core::{Input, LoadOptions, Options, Stages, load_bytes, run};
///
/// // 100亿 in 2020 at a stated 5 % a year
/// let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
///            测试区,地区生产总值,亿元,2020,100,2025,,5\n";
/// let table = load_bytes("gdp.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default())?;
/// let opts = Options { sigma: Some(0.0), draws: Some(10), ..Options::default() };
/// let results = run(Input::Table(table), &opts, Stages::SIMULATE)?;
/// // a table runs as its own baseline
/// assert_eq!(results.scenario.name, "baseline");
/// assert_eq!(results.projection.years.first(), Some(&2020));
/// assert_eq!(results.simulation.map(|s| s.draws), Some(10));
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Results {
    /// The scenario as run: its rows, series, outturns, notices and rows left out.
    pub scenario: Scenario,
    /// Every series year by year.
    pub projection: Projection,
    /// Bands and probabilities, when [`Stages::simulate`] asked for them.
    pub simulation: Option<Simulation>,
    /// The consistency audit (empty unless [`Stages::check`]).
    pub findings: Vec<Finding>,
    /// The grades from the outturns (empty unless [`Stages::assess`]).
    pub grades: Vec<Grade>,
}

/// The scenario an input names, with the options' outturns added and horizon applied.
pub fn scenario(input: Input, opts: &Options) -> Result<Scenario> {
    let mut sc = match input {
        Input::Path(path) => Scenario::load_with(
            &path,
            &opts.load,
            &opts.outturn_files,
            opts.series_on_demand,
        )?,
        Input::Table(table) => {
            let spec = ScenarioFile::table_baseline();
            let actuals = crate::actuals::load_all(&opts.outturn_files)?;
            let sc = Scenario::from_parts("baseline", spec, vec![table], actuals)?;
            refuse_unread(sc, &opts.load)?
        }
        Input::Scenario(sc) => {
            let mut sc = *sc;
            sc.add_outturns(crate::actuals::load_all(&opts.outturn_files)?)?;
            sc
        }
    };
    sc.add_outturns(opts.outturns.clone())?;
    if let Some(h) = opts.horizon {
        sc.spec.horizon = Some(h);
        sc.check_horizon()
            .map_err(|msg| Error::Horizon { horizon: h, msg })?;
    }
    Ok(sc)
}

/// A table read leniently keeps its readable rows; read strictly, an unreadable cell refuses it.
fn refuse_unread(sc: Scenario, load: &LoadOptions) -> Result<Scenario> {
    if load.lenient {
        return Ok(sc);
    }
    let errors: Vec<Error> = sc
        .left_out
        .iter()
        .filter(|l| !l.cells.is_empty())
        .map(|l| Error::Cells {
            path: l.file.clone(),
            errors: l.cells.clone(),
        })
        .collect();
    match Error::from_all(errors) {
        Some(e) => Err(e),
        None => Ok(sc),
    }
}

/// Runs one scenario: loads it (see [`scenario`]), projects it and, as `stages` ask, simulates,
/// checks and grades it.
///
/// # Example
///
/// ```
/// use plansim_core::{Input, LoadOptions, Options, Stages, load_bytes, run};
///
/// // 100亿 in 2020 at a stated 5 % a year
/// let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
///            测试区,地区生产总值,亿元,2020,100,2025,,5\n";
/// let table = load_bytes("gdp.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default())?;
/// let results = run(Input::Table(table), &Options::default(), Stages::PROJECT)?;
/// let p = &results.projection;
/// // 100·1.05⁵ = 127.62815625 in 2025
/// assert!((p.values[[0, p.col(2025).unwrap()]] - 127.62815625).abs() < 1e-9);
/// # Ok::<(), plansim_core::Error>(())
/// ```
pub fn run(input: Input, opts: &Options, stages: Stages) -> Result<Results> {
    from_scenario(scenario(input, opts)?, opts, stages)
}

/// The stages of [`run`] on a scenario already loaded (by [`scenario`], so that its notices
/// can be shown first); the options' outturns and horizon are not applied again.
pub fn from_scenario(sc: Scenario, opts: &Options, stages: Stages) -> Result<Results> {
    // the stages below read every series at once
    let mut sc = sc;
    sc.hold_series();
    let projection = crate::project::project(&sc)?;
    let simulation = if stages.simulate {
        Some(crate::simulate::simulate(&projection, &opts.settings(&sc))?)
    } else {
        None
    };
    let aliases = opts.aliases();
    let grades = if stages.assess {
        grade(&sc.indicators, &sc.outturns, &aliases, opts)
    } else {
        Vec::new()
    };
    let findings = if stages.check {
        findings_with(&mut sc, opts, aliases)
    } else {
        Vec::new()
    };
    Ok(Results {
        scenario: sc,
        projection,
        simulation,
        findings,
        grades,
    })
}

/// The consistency audit of a scenario's rows, as [`from_scenario`] makes it: for a caller
/// that makes the projection path by path.
pub fn findings(sc: &mut Scenario, opts: &Options) -> Vec<crate::check::Finding> {
    findings_with(sc, opts, opts.aliases())
}

fn findings_with(
    sc: &mut Scenario,
    opts: &Options,
    aliases: Aliases,
) -> Vec<crate::check::Finding> {
    // the outturns lent to the check and given back, not copied (some 600 bytes a row
    // with an outturn for every row)
    let outturns = std::mem::take(&mut sc.outturns);
    let check = opts.check_options(&sc.indicators, Some(outturns), aliases);
    let findings = crate::check::run(&sc.indicators, &check);
    sc.outturns = check.outturns.unwrap_or_default();
    findings
}

fn grade(rows: &[Indicator], resolved: &Resolved, aliases: &Aliases, opts: &Options) -> Vec<Grade> {
    crate::assess::assess(rows, resolved, aliases, &assess_options(opts))
}

/// A scenario's grades made one at a time as they are asked for, in table order: what
/// [`from_scenario`]'s `grades` holds at once, for a caller that keeps each only as long as
/// it reads it. `aliases` are [`Options::aliases`].
pub fn grades<'a>(
    sc: &'a Scenario,
    aliases: &'a Aliases,
    opts: &Options,
) -> impl Iterator<Item = Grade> + use<'a> {
    crate::assess::grades(&sc.indicators, &sc.outturns, aliases, &assess_options(opts))
}

/// What grading takes of a run's options.
fn assess_options(opts: &Options) -> crate::assess::Options {
    crate::assess::Options {
        as_of: opts.as_of,
        lang: opts.lang,
    }
}

#[cfg(test)]
mod tests;
