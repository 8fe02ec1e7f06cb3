//! Batch reports: every scenario into its own folder under `--out`, then an index comparing them.
//! A scenario that fails is reported and the others go on.

pub mod action;
pub mod charts;
pub mod compare;
pub mod html;
pub mod markdown;
pub mod opening;
pub mod page;
pub mod plan_charts;
pub mod rows;
pub mod rules;
pub mod scenario;

pub use page::Summary;
pub use rows::{Status, TargetRow};

use crate::error::{Error, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// How to run a batch.
#[derive(Clone, Debug)]
pub struct Options {
    pub out: PathBuf,
    /// Threads: 0 = all cores.
    pub jobs: usize,
    /// Override every scenario's draws and seed.
    pub draws: Option<usize>,
    pub seed: Option<u64>,
    /// English chart labels and statuses (the `indicator_en` column).
    pub english: bool,
    pub charts: bool,
    /// Size of indicator charts in pixels.
    pub size: (u32, u32),
    /// Outturn files for every scenario, besides its own `actuals`.
    pub actuals: Vec<PathBuf>,
    /// Refuse a table with an unreadable cell instead of running without its rows.
    pub strict: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            out: PathBuf::from("output"),
            jobs: 0,
            draws: None,
            seed: None,
            english: false,
            charts: true,
            size: (1000, 600),
            actuals: Vec::new(),
            strict: false,
        }
    }
}

/// What a batch did.
pub struct Batch {
    pub summaries: Vec<Summary>,
    /// Scenario file and why it failed.
    pub failed: Vec<(PathBuf, Error)>,
}

/// The scenario files of the inputs: files as given, folders' `*.toml` in name order.
pub fn scenario_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .map_err(|e| Error::io(input, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                })
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Error::invalid(format!(
                    "{} holds no scenario (.toml) files",
                    input.display()
                )));
            }
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Runs every scenario and writes the report; `tick` is called as each scenario finishes.
pub fn run(files: &[PathBuf], opts: &Options, tick: &(dyn Fn(&Path) + Sync)) -> Result<Batch> {
    std::fs::create_dir_all(&opts.out).map_err(|e| Error::io(&opts.out, e))?;
    // two scenarios may not share a folder: the later one fails before it runs
    let mut names: Vec<Option<String>> = Vec::new();
    for f in files {
        names.push(
            crate::scenario::name_of(f)
                .ok()
                .filter(|n| !names.contains(&Some(n.clone()))),
        );
    }
    let compute = |(path, name): (&PathBuf, &Option<String>)| -> Result<scenario::Computed> {
        if name.is_none() {
            let name = crate::scenario::name_of(path)?;
            return Err(Error::invalid(format!(
                "another scenario of this batch is also named `{name}`"
            )));
        }
        scenario::compute(path, opts)
    };
    // first every scenario's numbers, then the folders, whose charts show all scenarios' paths
    let runs: Vec<Result<scenario::Computed>> = in_pool(opts.jobs, || {
        files.par_iter().zip(&names).map(compute).collect()
    })?;
    let ok: Vec<&scenario::Computed> = runs.iter().filter_map(|r| r.as_ref().ok()).collect();
    // a scenario that did not compute has nothing to write; its own error is kept
    let results: Vec<Option<Result<Summary>>> = in_pool(opts.jobs, || {
        runs.par_iter()
            .zip(files)
            .map(|(r, path)| {
                let done = r.as_ref().ok().map(|run| {
                    let folder = scenario::render(run, &ok, opts)?;
                    scenario::write(&opts.out, &folder)?;
                    Ok(folder.summary)
                });
                tick(path);
                done
            })
            .collect()
    })?;
    let mut batch = Batch {
        summaries: Vec::new(),
        failed: Vec::new(),
    };
    for ((path, r), run) in files.iter().zip(results).zip(runs) {
        match (r, run) {
            (Some(Ok(s)), _) => batch.summaries.push(s),
            (Some(Err(e)), _) | (None, Err(e)) => batch.failed.push((path.clone(), e)),
            (None, Ok(_)) => {}
        }
    }
    let lang = if opts.english {
        plansim_core::lang::Lang::En
    } else {
        plansim_core::lang::Lang::Zh
    };
    let failed: Vec<(String, String)> = batch
        .failed
        .iter()
        .map(|(p, e)| (p.display().to_string(), e.render(lang)))
        .collect();
    crate::output::write_atomic(
        &opts.out.join("index.html"),
        html::index_page(&batch.summaries, &failed, opts.english).as_bytes(),
    )?;
    crate::output::write_atomic(
        &opts.out.join("index.md"),
        markdown::index_page(&batch.summaries, &failed, opts.english).as_bytes(),
    )?;
    Ok(batch)
}

/// Runs `f` on `jobs` threads (0 = all cores; 1 = this thread only).
fn in_pool<T: Send>(jobs: usize, f: impl FnOnce() -> T + Send) -> Result<T> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::invalid(format!("cannot start {jobs} threads: {e}")))?;
    Ok(pool.install(f))
}
