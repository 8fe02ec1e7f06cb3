//! The native half of the `plansim` Python package: thin calls into `plansim-core`'s facade
//! (`plansim_core::run`) that return the engine's own CSV exports as bytes. The Python half
//! (`plansim/__init__.py`) turns them into pandas DataFrames, so the columns are exactly those
//! of the command line's files.

use plansim_core::actuals::{Outturn, Resolved};
use plansim_core::lang::Lang;
use plansim_core::run::{Input, Options, Stages};
use plansim_core::table::{Indicator, LoadOptions, Table};
use plansim_core::{CellError, Error};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::path::{Path, PathBuf};

pyo3::import_exception!(plansim._errors, PlansimError);

/// A file to read: a path, or CSV bytes (a DataFrame written by pandas) with the name errors
/// should give it.
#[derive(FromPyObject)]
enum Source {
    Bytes(String, Vec<u8>),
    Path(PathBuf),
}

/// Every unreadable cell of an error, as `(file, row, column, header, text, expected)`.
fn cells_of(e: &Error, out: &mut Vec<(String, usize, usize, String, String, String)>) {
    match e {
        Error::Cells { path, errors } => out.extend(errors.iter().map(|c: &CellError| {
            (
                path.display().to_string(),
                c.row,
                c.column,
                c.header.clone(),
                c.text.clone(),
                c.expected.clone(),
            )
        })),
        Error::Many(all) => all.iter().for_each(|e| cells_of(e, out)),
        _ => {}
    }
}

/// A plansim error as a Python `PlansimError(message, cells)`: `cells` lists every unreadable
/// cell, of every file.
fn py_err(e: Error) -> PyErr {
    let mut cells = Vec::new();
    cells_of(&e, &mut cells);
    PlansimError::new_err((e.render(Lang::En), cells))
}

fn load(source: Source, opts: &LoadOptions) -> PyResult<Table> {
    match source {
        Source::Path(p) => plansim_core::table::load(&p, opts),
        Source::Bytes(name, bytes) => {
            plansim_core::table::load_bytes(Path::new(&name), bytes, opts)
        }
    }
    .map_err(py_err)
}

/// A run's input: a scenario or table file by path, or a table's bytes, read here.
fn input(source: Source, opts: &LoadOptions) -> PyResult<Input> {
    Ok(match source {
        Source::Path(p) => Input::Path(p),
        bytes => Input::Table(load(bytes, opts)?),
    })
}

/// Outturn files by path, and outturns from bytes read here; every file's errors at once.
fn outturns(sources: Vec<Source>) -> PyResult<(Vec<PathBuf>, Vec<Outturn>)> {
    let mut paths = Vec::new();
    let mut read = Vec::new();
    let mut errors = Vec::new();
    for s in sources {
        match s {
            Source::Path(p) => paths.push(p),
            Source::Bytes(name, bytes) => {
                match plansim_core::actuals::load_bytes(Path::new(&name), &bytes) {
                    Ok(o) => read.extend(o),
                    Err(e) => errors.push(e),
                }
            }
        }
    }
    match Error::from_all(errors) {
        Some(e) => Err(py_err(e)),
        None => Ok((paths, read)),
    }
}

fn lang(code: &str) -> PyResult<Lang> {
    Lang::parse(code).ok_or_else(|| {
        pyo3::exceptions::PyValueError::new_err(format!("lang `{code}`: expected `zh` or `en`"))
    })
}

fn bytes(py: Python<'_>, b: plansim_core::Result<Vec<u8>>) -> PyResult<Bound<'_, PyBytes>> {
    b.map(|b| PyBytes::new(py, &b)).map_err(py_err)
}

/// Options for the facade from the package's arguments: tables read strictly; `region` for
/// tables without a region column (else their file name).
fn options(actuals: Vec<Source>, code: &str, region: Option<String>) -> PyResult<Options> {
    let (outturn_files, outturns) = outturns(actuals)?;
    let mut opts = Options {
        outturn_files,
        outturns,
        lang: lang(code)?,
        ..Options::default()
    };
    opts.load.region = region;
    Ok(opts)
}

/// A `UserWarning` when outturns were given and none reaches a row: the results use none of
/// them, most often because a table without a region column took its file's name.
fn warn_unmatched(py: Python<'_>, resolved: &Resolved, rows: &[Indicator]) -> PyResult<()> {
    if !resolved.none_matched() {
        return Ok(());
    }
    // Python's warnings speak English, as its errors do
    let mut text = resolved
        .skipped_note(plansim_core::lang::Lang::En)
        .unwrap_or_default();
    if let Some(advice) = resolved.region_advice(rows, plansim_core::lang::Lang::En) {
        text = format!("{text}; {}", advice.replace("`--region ", "`region="));
    }
    let text = std::ffi::CString::new(text.replace('\0', ""))
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    let category = py.get_type::<pyo3::exceptions::PyUserWarning>();
    PyErr::warn(py, &category, &text, 2)
}

/// Pools tables and scenarios for check and assess; any unusable input raises.
fn gather(
    py: Python<'_>,
    inputs: Vec<Source>,
    opts: &Options,
) -> PyResult<plansim_core::run::Gathered> {
    let inputs = inputs
        .into_iter()
        .map(|s| input(s, &opts.load))
        .collect::<PyResult<Vec<Input>>>()?;
    let mut g = py.detach(|| plansim_core::run::gather(inputs, opts));
    if let Some(e) = Error::from_all(std::mem::take(&mut g.errors)) {
        return Err(py_err(e));
    }
    Ok(g)
}

/// plansim's engine, called by the `plansim` package.
#[pymodule]
mod _plansim {
    use super::*;
    use plansim_core::csv_cell::as_data;
    use plansim_core::export;

    #[pymodule_export]
    use super::PlansimError;

    /// A table's rows as read: `plansim tables --format csv` bytes.
    #[pyfunction]
    #[pyo3(signature = (table, sheet = None, region = None))]
    fn read_table<'py>(
        py: Python<'py>,
        table: Source,
        sheet: Option<String>,
        region: Option<String>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let opts = LoadOptions {
            sheet,
            region,
            lenient: false,
        };
        let t = load(table, &opts)?;
        bytes(py, as_data(|| export::table_rows_csv(&t.indicators)))
    }

    /// The consistency audit of tables and scenarios as `findings.csv` bytes.
    #[pyfunction]
    #[pyo3(signature = (tables, actuals = Vec::new(), horizon = None, lang = "en", region = None))]
    fn check<'py>(
        py: Python<'py>,
        tables: Vec<Source>,
        actuals: Vec<Source>,
        horizon: Option<i32>,
        lang: &str,
        region: Option<String>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let mut opts = options(actuals, lang, region)?;
        opts.check_horizon = horizon;
        let g = gather(py, tables, &opts)?;
        let findings = py.detach(|| g.check(&opts));
        bytes(py, as_data(|| export::findings_csv(&findings)))
    }

    /// Every target of tables and scenarios graded from its outturns: `plansim assess
    /// --format csv` bytes.
    #[pyfunction]
    #[pyo3(signature = (inputs, actuals = Vec::new(), as_of = None, lang = "en", region = None))]
    fn assess<'py>(
        py: Python<'py>,
        inputs: Vec<Source>,
        actuals: Vec<Source>,
        as_of: Option<i32>,
        lang: &str,
        region: Option<String>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let mut opts = options(actuals, lang, region)?;
        opts.as_of = as_of;
        let g = gather(py, inputs, &opts)?;
        warn_unmatched(py, &g.resolved, &g.rows)?;
        let grades = py.detach(|| g.assess(&opts));
        bytes(py, as_data(|| export::grades_csv(&grades)))
    }

    /// A scenario (or a table run as its own baseline) projected: `projection.csv` bytes.
    #[pyfunction]
    #[pyo3(signature = (scenario, horizon = None, actuals = Vec::new(), region = None))]
    fn project<'py>(
        py: Python<'py>,
        scenario: Source,
        horizon: Option<i32>,
        actuals: Vec<Source>,
        region: Option<String>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let mut opts = options(actuals, "en", region)?;
        opts.horizon = horizon;
        let input = input(scenario, &opts.load)?;
        let r = py
            .detach(|| plansim_core::run::run(input, &opts, Stages::PROJECT))
            .map_err(py_err)?;
        warn_unmatched(py, &r.scenario.outturns, &r.scenario.indicators)?;
        bytes(py, as_data(|| export::projection_csv(&r.projection)))
    }

    /// Monte Carlo of a scenario: (`simulation.csv`, `probabilities.csv`) bytes.
    #[pyfunction]
    #[pyo3(signature = (scenario, draws = None, seed = None, sigma = None, actuals = Vec::new(), region = None))]
    fn simulate<'py>(
        py: Python<'py>,
        scenario: Source,
        draws: Option<usize>,
        seed: Option<u64>,
        sigma: Option<f64>,
        actuals: Vec<Source>,
        region: Option<String>,
    ) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
        let mut opts = options(actuals, "en", region)?;
        opts.draws = draws;
        opts.seed = seed;
        // points, as in scenario files and `--sigma`; the engine draws fractions
        opts.sigma = sigma.map(|s| s / 100.0);
        let input = input(scenario, &opts.load)?;
        let r = py
            .detach(|| plansim_core::run::run(input, &opts, Stages::SIMULATE))
            .map_err(py_err)?;
        warn_unmatched(py, &r.scenario.outturns, &r.scenario.indicators)?;
        let sim = r.simulation.as_ref().ok_or_else(|| {
            PlansimError::new_err(("the simulation did not run", Vec::<()>::new()))
        })?;
        Ok((
            bytes(py, as_data(|| export::simulation_csv(&r.projection, sim)))?,
            bytes(
                py,
                as_data(|| export::probabilities_csv(&r.projection, sim)),
            )?,
        ))
    }
}
