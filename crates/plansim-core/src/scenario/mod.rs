//! Scenarios: which tables, which models, which rates, what uncertainty. A scenario file is
//! TOML in `scenarios/`; a table given where a scenario is expected runs as its own baseline.
mod blank;
mod file;
mod lint;
mod located;
pub(crate) mod rates;
mod select;

pub use file::{
    After, AfterRule, Calibrate, Distribution, Override, Phase, ScenarioFile, Shock, Uncertainty,
};
pub use located::{Located, Percent};
pub use rates::Pace;
pub use select::{Kind, Selector};

use crate::actuals::{Outturn, Resolved};
use crate::error::{CellError, Error, Result};
use crate::lang::Msg;
use crate::model::ModelChoice;
use crate::notice::{At, Notice, Severity};
use crate::series::{Groups, Series};
use crate::table::{Indicator, LoadOptions, Warning};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Default last projected year.
pub(crate) const HORIZON: i32 = 2035;

/// The years a horizon may name: those a table may (base and target years).
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A series' first row's meaning, that row, and the outturns matched to its rows.
type Matched<'a> = (
    crate::meaning::Meaning,
    &'a crate::table::Indicator,
    Vec<(&'a Outturn, crate::actuals::How)>,
);

/// A scenario with its inheritance resolved and its inputs loaded.
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
/// let sc = plansim_core::run::scenario(Input::Table(table), &Options::default())?;
/// assert_eq!((sc.name.as_str(), sc.indicators.len()), ("baseline", 1));
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Scenario {
    /// Name in outputs: the file's `name`, else its stem.
    pub name: String,
    /// The question it asks, from the file's `description`.
    pub description: String,
    /// The file it came from (the table, for a table run as its own baseline).
    pub path: PathBuf,
    /// The file's settings, inheritance resolved.
    pub spec: ScenarioFile,
    /// The rows of its tables that read.
    pub indicators: Vec<Indicator>,
    /// The indicators as paths to project, one per row and target; empty in a scenario that
    /// makes each series only when asked (see `groups`).
    pub series: Vec<std::sync::Arc<Series>>,
    /// The rows of each series, held instead of `series` by a scenario loaded to make each
    /// series only when it is projected ([`crate::run::Options::series_on_demand`]: a million
    /// series held some 430 bytes a row); read through [`Scenario::each_series`].
    pub(crate) groups: Option<Groups>,
    /// Every outturn read (the scenario's `actuals` and any given besides), merged, matched to
    /// a row or not.
    pub all_outturns: Vec<Outturn>,
    /// The outturns matched to `indicators`.
    pub outturns: Resolved,
    /// Warnings about its rules (errors stop it from loading).
    pub notices: Vec<Notice>,
    /// Rows of its tables left out for an unreadable cell (loaded with
    /// [`LoadOptions::lenient`]; otherwise such a table fails the scenario): the run goes on
    /// without them and must say so.
    pub left_out: Vec<LeftOut>,
}

/// A table's rows left out of a run, and what the table holds that is not read.
#[derive(Clone, Debug)]
pub struct LeftOut {
    /// The table file.
    pub file: PathBuf,
    /// The unreadable cells; their rows are not in the run.
    pub cells: Vec<CellError>,
    /// Columns not read, marks no note explains.
    pub warnings: Vec<Warning>,
}

impl LeftOut {
    /// The rows left out, in file order: `3, 5, 8`.
    pub fn rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self.cells.iter().map(|c| c.row).collect();
        rows.dedup();
        rows
    }

    /// One line for people: `t.csv: rows 3, 5 left out (2 unreadable cells: 3:4 `abc`, …)`.
    pub fn summary(&self, lang: crate::lang::Lang) -> String {
        let rows: Vec<String> = self.rows().iter().map(usize::to_string).collect();
        let cells: Vec<String> = self
            .cells
            .iter()
            .map(|c| format!("{}:{} `{}`", c.row, c.column, c.text))
            .collect();
        let (file, n) = (self.file.display(), self.cells.len());
        if !lang.is_en() {
            return format!(
                "{file}：第 {} 行未读入（{n} 个单元格无法读取：{}）",
                rows.join("、"),
                cells.join("、")
            );
        }
        format!(
            "{file}: row{} {} left out ({n} unreadable cell{}: {})",
            if rows.len() == 1 { "" } else { "s" },
            rows.join(", "),
            if n == 1 { "" } else { "s" },
            cells.join(", ")
        )
    }
}

/// Errors found earlier (`before`, e.g. the scenario file's own) and one found later, as one
/// error that lists them all; a lone error stays as it is.
fn together(path: &Path, before: Vec<Notice>, later: Error) -> Error {
    if before.is_empty() {
        return later;
    }
    let mut notices = before;
    notices.extend(notices_of(path, later));
    Error::Notices { notices }
}

/// An error as notices: its own, or one that says it at the scenario.
fn notices_of(path: &Path, e: Error) -> Vec<Notice> {
    match e {
        Error::Notices { notices } => notices,
        e => vec![Notice::error(At::new(path, 0), Msg::Plain(e.to_string()))],
    }
}

impl Scenario {
    /// The table files a scenario file (and what it extends) names, unread; a table file is
    /// its own.
    pub fn table_files(path: &Path) -> Result<Vec<PathBuf>> {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            let spec = file::read_chain(path)?;
            Ok(spec
                .tables
                .unwrap_or_default()
                .into_iter()
                .map(PathBuf::from)
                .collect())
        } else {
            Ok(vec![path.to_path_buf()])
        }
    }

    /// Loads a scenario file or, for a table file, its baseline scenario.
    pub fn load(path: &Path, opts: &LoadOptions) -> Result<Scenario> {
        Scenario::load_with(path, opts, &[], false)
    }

    /// Loads a scenario with outturn files besides its own `actuals` (`--actuals`), its series
    /// gathered or, `on_demand`, made only when asked ([`Scenario::each_series`]).
    pub(crate) fn load_with(
        path: &Path,
        opts: &LoadOptions,
        outturn_files: &[PathBuf],
        on_demand: bool,
    ) -> Result<Scenario> {
        let is_toml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        let (spec, name) = if is_toml {
            let spec = file::read_chain(path)?;
            let name = spec.name.clone().unwrap_or_else(|| stem(path));
            (spec, name)
        } else {
            let spec = ScenarioFile {
                tables: Some(vec![path.to_string_lossy().into_owned()]),
                ..ScenarioFile::table_baseline()
            };
            (spec, "baseline".to_string())
        };
        let mut spec = spec;
        if !outturn_files.is_empty() {
            spec.outturn_files.get_or_insert_with(Vec::new).extend(
                outturn_files
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned()),
            );
        }
        Scenario::from_spec(path, name, spec, opts, on_demand)
    }

    pub(crate) fn from_spec(
        path: &Path,
        name: String,
        spec: ScenarioFile,
        opts: &LoadOptions,
        on_demand: bool,
    ) -> Result<Scenario> {
        let invalid = |msg: Msg| Error::notice(At::new(path, 0), msg);
        let mut spec = spec;
        // the file's own errors, reported with every other one found below
        let pending = std::mem::take(&mut spec.pending);
        let tables = spec.tables.clone().unwrap_or_default();
        if tables.is_empty() {
            return Err(together(path, pending, invalid(Msg::NoTables)));
        }
        // a file that cannot be opened is named with the scenario that asks for it
        let named = |table: bool, e: Error| match e {
            Error::Io { path: p, error } if p != path => invalid(Msg::Unreadable {
                table,
                path: p.display().to_string(),
                error: crate::lang::io_text(&error),
                near: if error.kind() == std::io::ErrorKind::NotFound {
                    crate::input::nearest_files(&p).unwrap_or_default()
                } else {
                    Vec::new()
                },
            }),
            e => e,
        };
        // the scenario's `region` for tables without a region column, unless the caller gave one
        let table_opts = LoadOptions {
            region: opts.region.clone().or_else(|| spec.region.clone()),
            ..opts.clone()
        };
        let mut loaded = Vec::new();
        let mut failed: Option<Error> = None;
        let mut fail = |e: Error| {
            failed = Some(match failed.take() {
                Some(before) => together(path, notices_of(path, before), e),
                None => e,
            })
        };
        for t in &tables {
            match crate::table::load(Path::new(t), &table_opts) {
                Ok(t) => loaded.push(t),
                Err(e) => fail(named(true, e)),
            }
        }
        let files: Vec<PathBuf> = spec
            .outturn_files
            .iter()
            .flatten()
            .map(PathBuf::from)
            .collect();
        let actuals = crate::actuals::load_all(&files).unwrap_or_else(|e| {
            fail(named(false, e));
            Vec::new()
        });
        if let Some(e) = failed {
            return Err(together(path, pending, e));
        }
        match Scenario::assemble(path, name, spec, (loaded, actuals), on_demand) {
            Ok(_) if !pending.is_empty() => Err(Error::Notices { notices: pending }),
            Ok(sc) => Ok(sc),
            Err(e) => Err(together(path, pending, e)),
        }
    }

    /// A scenario built in code: its settings (`spec`, the fields of a scenario file, whose
    /// `tables` and `actuals` are not read), tables already read and outturns already read
    /// (merged here). It goes through the checks a scenario file does: the horizon, and rules
    /// that name nothing are errors. Tables are named by their own paths in messages.
    pub fn from_parts(
        name: impl Into<String>,
        spec: ScenarioFile,
        tables: Vec<crate::table::Table>,
        actuals: Vec<Outturn>,
    ) -> Result<Scenario> {
        let path = tables
            .first()
            .map(|t| t.path.clone())
            .unwrap_or_else(|| PathBuf::from("<scenario>"));
        if tables.is_empty() {
            return Err(Error::notice(At::new(&path, 0), Msg::NoTables));
        }
        Scenario::assemble(&path, name.into(), spec, (tables, actuals), false)
    }

    /// The tables' rows and the outturns matched to them, checked; the series gathered, or
    /// `on_demand` only which rows make each.
    fn assemble(
        path: &Path,
        name: String,
        spec: ScenarioFile,
        (tables, actuals): (Vec<crate::table::Table>, Vec<Outturn>),
        on_demand: bool,
    ) -> Result<Scenario> {
        let mut indicators = Vec::new();
        let mut left_out = Vec::new();
        for table in tables {
            if !table.unread.is_empty() || !table.warnings.is_empty() {
                left_out.push(LeftOut {
                    file: table.path.clone(),
                    cells: table.unread,
                    warnings: table.warnings,
                });
            }
            // one table's rows are taken as they are, not copied into a second vector
            let rows = crate::meaning::one_reading(table.indicators);
            if indicators.is_empty() {
                indicators = rows;
            } else {
                indicators.extend(rows);
            }
        }
        // an achievement table is its targets and its outturns, where no outturn file is given
        let (all_outturns, outturns) =
            crate::actuals::intake(&indicators, actuals, &crate::names::Aliases::bundled())?;
        let (series, groups) = if on_demand {
            (Vec::new(), Some(Groups::of(&indicators)))
        } else {
            (Series::gather(&indicators, &outturns), None)
        };
        let mut sc = Scenario {
            name,
            description: spec.description.clone().unwrap_or_default(),
            path: path.to_path_buf(),
            spec,
            indicators,
            series,
            groups,
            all_outturns,
            outturns,
            left_out,
            notices: Vec::new(),
        };
        let mut notices = lint::lint(&sc);
        if let Err(msg) = sc.check_horizon() {
            notices.push(Notice::error(At::new(path, 0), msg));
        }
        notices.sort_by(|a, b| a.at.cmp(&b.at));
        let (errors, warnings): (Vec<Notice>, Vec<Notice>) = notices
            .into_iter()
            .partition(|n| n.severity == Severity::Error);
        if !errors.is_empty() {
            return Err(Error::Notices { notices: errors });
        }
        sc.notices = warnings;
        Ok(sc)
    }

    /// Adds outturns to those the scenario read, merged with them and matched to its rows
    /// again (the rule of [`crate::actuals::merge`]: a final figure replaces a preliminary one,
    /// two different finals are an error).
    pub(crate) fn add_outturns(&mut self, extra: Vec<Outturn>) -> Result<()> {
        if extra.is_empty() {
            return Ok(());
        }
        let mut all = std::mem::take(&mut self.all_outturns);
        all.extend(extra);
        (self.all_outturns, self.outturns) =
            crate::actuals::intake(&self.indicators, all, &crate::names::Aliases::bundled())?;
        // the outturns may set a base the series start from (series made on demand read them
        // when made)
        if self.groups.is_none() {
            self.series = Series::gather(&self.indicators, &self.outturns);
        }
        Ok(())
    }

    /// Each series in order, to `f`: those held, or each made from its rows as it is asked
    /// for and let go after (a scenario loaded with its series on demand).
    pub fn each_series(&self, mut f: impl FnMut(&Arc<Series>) -> Result<()>) -> Result<()> {
        let Some(groups) = &self.groups else {
            return self.series.iter().try_for_each(f);
        };
        let mut texts = crate::text::Interner::default();
        for k in 0..groups.len() {
            let made =
                Series::of_rows(groups.rows(k), &self.indicators, &self.outturns, &mut texts);
            if let Some(s) = made {
                f(&Arc::new(s))?;
            }
        }
        Ok(())
    }

    /// Gathers the series of a scenario loaded to make them on demand, for what reads them
    /// all at once (the whole projection, the growth rows, a report); nothing otherwise.
    pub fn hold_series(&mut self) {
        if self.groups.take().is_some() {
            self.series = Series::gather(&self.indicators, &self.outturns);
        }
    }

    /// The number of series, held or made on demand.
    pub fn series_count(&self) -> usize {
        self.groups.as_ref().map_or(self.series.len(), Groups::len)
    }

    /// The last projected year: the file's `horizon`, else 2035.
    pub fn horizon(&self) -> i32 {
        self.spec.horizon.unwrap_or(HORIZON)
    }

    /// The horizon must be a plan year (1900–2200, as in tables) not before any base year.
    pub(crate) fn check_horizon(&self) -> std::result::Result<(), Msg> {
        let horizon = self.horizon();
        if !YEARS.contains(&horizon) {
            return Err(Msg::HorizonNotYear { horizon });
        }
        match self.indicators.iter().find(|i| i.base_year > horizon) {
            Some(early) => Err(Msg::HorizonBeforeBase {
                horizon,
                base_year: early.base_year,
                indicator: early.label(),
            }),
            None => Ok(()),
        }
    }

    /// The model asked for a series: by indicator name, then `category:NAME`, then `default`.
    pub(crate) fn model_choice(&self, s: &Series) -> ModelChoice {
        let models = self.spec.models.as_ref();
        let get = |k: &str| models.and_then(|m| m.get(k)).map(|c| c.value);
        get(&s.name)
            .or_else(|| s.also.iter().find_map(|a| get(a)))
            .or_else(|| get(&format!("category:{}", s.category)))
            .or_else(|| get("default"))
            .unwrap_or(ModelChoice::Auto)
    }

    /// The outturns matched to any row of a series, each once.
    fn matches_of(&self, s: &Series) -> Vec<(&Outturn, crate::actuals::How)> {
        let mut matches: Vec<crate::actuals::Match> = s
            .rows
            .iter()
            .flat_map(|&r| self.outturns.by_row.get(r).into_iter().flatten().copied())
            .collect();
        matches.sort_by_key(|m| m.outturn);
        matches.dedup_by_key(|m| m.outturn);
        matches
            .iter()
            .map(|m| (&self.outturns.outturns[m.outturn], m.how))
            .collect()
    }

    /// The published yearly rates (percent) of a growth-rate row (`国内生产总值增长（%）`),
    /// sorted by year, read as `assess` reads them; empty for any other row.
    pub(crate) fn rates_of(&self, s: &Series) -> Vec<(i32, f64)> {
        use crate::meaning::Quantity;
        let Some(&first) = s.rows.first() else {
            return Vec::new();
        };
        let ind = &self.indicators[first];
        let m = self.outturns.meaning(first, ind);
        if m.quantity != Quantity::Rate {
            return Vec::new();
        }
        let mut out: Vec<(i32, f64)> = crate::actuals::observations(&m, ind, &self.matches_of(s))
            .into_iter()
            .filter(|o| matches!(o.side, None | Some(crate::actuals::Side::About)))
            .map(|o| (o.year, o.value))
            .collect();
        out.sort_by_key(|o| o.0);
        out.dedup_by_key(|o| o.0);
        out
    }

    /// The outturns matched to a series' rows, with its first row and that row's meaning;
    /// `None` when no outturn is matched (nothing to read: no meaning is made).
    fn matched(&self, s: &Series) -> Option<Matched<'_>> {
        let &first = s.rows.first()?;
        let pairs = self.matches_of(s);
        if pairs.is_empty() {
            return None;
        }
        let ind = &self.indicators[first];
        Some((self.outturns.meaning(first, ind), ind, pairs))
    }

    /// The outturns of a level series published as bounds (`＞25`: at least 25), sorted by
    /// year, each with its cell as printed: no value for a path, but evidence a chart draws as
    /// the bound it is.
    pub fn bounds_of(&self, s: &Series) -> Vec<(i32, f64, crate::actuals::Side, String)> {
        use crate::actuals::Side;
        let Some((m, ind, pairs)) = self.matched(s) else {
            return Vec::new();
        };
        if s.shape != crate::series::Shape::Level || m.quantity == crate::meaning::Quantity::Rate {
            return Vec::new();
        }
        let printed = |year: i32, side: Side| {
            pairs
                .iter()
                .find(|(o, _)| o.year == year && o.side == Some(side))
                .map_or_else(String::new, |(o, _)| o.text.clone())
        };
        let mut v: Vec<(i32, f64, Side, String)> = crate::actuals::observations(&m, ind, &pairs)
            .into_iter()
            .filter_map(|o| match o.side {
                Some(side @ (Side::AtLeast | Side::AtMost)) => {
                    Some((o.year, o.value, side, printed(o.year, side)))
                }
                _ => None,
            })
            .collect();
        v.sort_by_key(|b| b.0);
        v
    }

    /// The outturns of a series in its own terms (levels; an index for a change over the
    /// period; a running total), sorted by year: published figures and those derived from the
    /// same quantity measured another way. Growth-rate rows have none: they are no levels.
    pub(crate) fn actuals_of(&self, s: &Series) -> Vec<(i32, f64)> {
        self.actuals_spliced(s).0
    }

    /// [`Scenario::actuals_of`], with the years an official period figure placed (the step
    /// into each is no yearly change: σ leaves it out).
    pub(crate) fn actuals_spliced(&self, s: &Series) -> (Vec<(i32, f64)>, Vec<i32>) {
        use crate::meaning::Quantity;
        use crate::series::Shape;
        let Some((mut m, ind, pairs)) = self.matched(s) else {
            return (Vec::new(), Vec::new());
        };
        if m.quantity == Quantity::Rate {
            return (Vec::new(), Vec::new());
        }
        let chained = |changes: Vec<crate::actuals::Obs>, step: fn(f64, f64) -> f64, start: f64| {
            let mut v = start;
            let mut year = s.base_year;
            let mut out = Vec::new();
            for c in changes.into_iter().filter(|c| c.year > s.base_year) {
                if c.year != year + 1 {
                    break;
                }
                v = step(v, c.value);
                year = c.year;
                out.push((year, v));
            }
            out
        };
        match s.shape {
            // a bound (`＞25`) is no value to put on a path
            Shape::Level => (
                crate::actuals::observations(&m, ind, &pairs)
                    .into_iter()
                    .filter(|o| matches!(o.side, None | Some(crate::actuals::Side::About)))
                    .map(|o| (o.year, o.value))
                    .collect::<Vec<_>>(),
                Vec::new(),
            ),
            Shape::ChangeIndex => {
                let changes = if m.quantity == Quantity::PeriodChange {
                    crate::actuals::observations(&m, ind, &pairs)
                } else {
                    // an index for a stated growth without a baseline level: its growth rates
                    m.base = None;
                    crate::actuals::growth(&m, ind, &pairs)
                };
                let mut path = chained(changes, |v, c| v * (1.0 + c / 100.0), 100.0);
                // the official period figure, not the yearly chain, where the grade rests on it
                let mut placed = Vec::new();
                if m.quantity == Quantity::PeriodChange {
                    let figures = crate::actuals::periods(&m, ind, &pairs).0;
                    placed = crate::actuals::period::on_official(
                        &mut path,
                        &figures,
                        s.base_year,
                        100.0,
                        false,
                    );
                }
                (path, placed)
            }
            Shape::RunningTotal => {
                let counts = crate::actuals::observations(&m, ind, &pairs);
                let mut path = chained(counts, |v, c| v + c, 0.0);
                let figures = crate::actuals::periods(&m, ind, &pairs).0;
                let placed = crate::actuals::period::on_official(
                    &mut path,
                    &figures,
                    s.base_year,
                    0.0,
                    true,
                );
                (path, placed)
            }
        }
    }
}

/// The name a scenario file gives itself (its file stem when it gives none), without loading
/// its tables.
pub fn name_of(path: &Path) -> Result<String> {
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if !is_toml {
        return Ok("baseline".into());
    }
    Ok(file::read_chain(path)?.name.unwrap_or_else(|| stem(path)))
}

/// The files a scenario extends, nearest first, as canonical paths (none when it extends none
/// or cannot be read).
pub fn extended(path: &Path) -> Vec<std::path::PathBuf> {
    file::parents(path)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "scenario".into())
}
