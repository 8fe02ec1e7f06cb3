//! The native half of the `plansim` Python package: thin calls into `plansim-core` that return
//! the engine's own CSV exports as bytes. The Python half (`plansim/__init__.py`) turns them
//! into pandas DataFrames, so the columns are exactly those of the command line's files.

use plansim_core::table::{LoadOptions, Table};
use plansim_core::{CellError, Error};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::path::{Path, PathBuf};

pyo3::import_exception!(plansim._errors, PlansimError);

/// A table to read: a file path, or CSV bytes (a DataFrame written by pandas) with the name
/// errors should give it.
#[derive(FromPyObject)]
enum Source {
    Bytes(String, Vec<u8>),
    Path(PathBuf),
}

/// A plansim error as a Python `PlansimError(message, cells)`: `cells` lists every unreadable
/// cell as `(file, row, column, header, text, expected)`.
fn py_err(e: Error) -> PyErr {
    let cells: Vec<(String, usize, usize, String, String, String)> = match &e {
        Error::Cells { path, errors } => errors
            .iter()
            .map(|c: &CellError| {
                (
                    path.display().to_string(),
                    c.row,
                    c.column,
                    c.header.clone(),
                    c.text.clone(),
                    c.expected.clone(),
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    PlansimError::new_err((e.to_string(), cells))
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

fn bytes(py: Python<'_>, b: plansim_core::Result<Vec<u8>>) -> PyResult<Bound<'_, PyBytes>> {
    b.map(|b| PyBytes::new(py, &b)).map_err(py_err)
}

/// plansim's engine, called by the `plansim` package.
#[pymodule]
mod _plansim {
    use super::*;
    use plansim_core::check::{CheckOptions, run as run_check};
    use plansim_core::export;
    use plansim_core::project::project as run_project;
    use plansim_core::scenario::Scenario;
    use plansim_core::simulate::{Settings, simulate as run_simulate};

    #[pymodule_export]
    use super::PlansimError;

    /// The consistency audit of tables as `findings.csv` bytes.
    #[pyfunction]
    #[pyo3(signature = (tables, actuals = Vec::new(), horizon = None))]
    fn check<'py>(
        py: Python<'py>,
        tables: Vec<Source>,
        actuals: Vec<PathBuf>,
        horizon: Option<i32>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let mut indicators = Vec::new();
        for t in tables {
            indicators.extend(load(t, &LoadOptions::default())?.indicators);
        }
        let mut opts = CheckOptions::default();
        if let Some(h) = horizon {
            opts.horizon = h;
        }
        if !actuals.is_empty() {
            let outturns = plansim_core::actuals::load_all(&actuals).map_err(py_err)?;
            opts.outturns = Some(
                plansim_core::actuals::resolve(&indicators, outturns, &opts.aliases)
                    .map_err(py_err)?,
            );
        }
        let findings = py.detach(|| run_check(&indicators, &opts));
        bytes(py, export::findings_csv(&findings))
    }

    /// A scenario (or a table run as its own baseline) projected: `projection.csv` bytes.
    #[pyfunction]
    #[pyo3(signature = (scenario, horizon = None))]
    fn project<'py>(
        py: Python<'py>,
        scenario: PathBuf,
        horizon: Option<i32>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let mut sc = Scenario::load(&scenario, &LoadOptions::default()).map_err(py_err)?;
        if horizon.is_some() {
            sc.spec.horizon = horizon;
        }
        let p = py.detach(|| run_project(&sc)).map_err(py_err)?;
        bytes(py, export::projection_csv(&p))
    }

    /// Monte Carlo of a scenario: (`simulation.csv`, `probabilities.csv`) bytes.
    #[pyfunction]
    #[pyo3(signature = (scenario, draws = None, seed = None, sigma = None))]
    fn simulate<'py>(
        py: Python<'py>,
        scenario: PathBuf,
        draws: Option<usize>,
        seed: Option<u64>,
        sigma: Option<f64>,
    ) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
        let sc = Scenario::load(&scenario, &LoadOptions::default()).map_err(py_err)?;
        let (p, sim) = py
            .detach(|| {
                let p = run_project(&sc)?;
                let mut set = Settings::from_scenario(&sc);
                set.draws = draws.unwrap_or(set.draws);
                set.seed = seed.unwrap_or(set.seed);
                // points, as in scenario files and `--sigma`; the engine draws fractions
                set.sigma = sigma.map(|s| s / 100.0);
                let sim = run_simulate(&sc, &p, &set)?;
                Ok((p, sim))
            })
            .map_err(py_err)?;
        Ok((
            bytes(py, export::simulation_csv(&p, &sim))?,
            bytes(py, export::probabilities_csv(&p, &sim))?,
        ))
    }
}
