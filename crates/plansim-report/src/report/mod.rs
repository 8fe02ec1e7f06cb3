//! Batch reports: every scenario into its own folder under `--out`, then an index comparing them.
//! A scenario that fails is reported and the others go on.

pub mod action;
pub mod chart_files;
pub mod charts;
mod codec;
pub mod compare;
pub mod computed;
pub mod deliver;
pub mod facts;
pub mod html;
pub mod markdown;
pub mod national;
pub mod opening;
pub(crate) mod page;
pub mod plan_charts;
pub mod row_spill;
pub mod rows;
pub mod scenario;
mod sheet;
pub mod spill;
pub mod templates;
pub mod words;
pub mod workbook;
mod workbook_words;

pub use page::Summary;
use plansim_core::lang::Lang;

use crate::error::{Error, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The bundled font's place in a report (and beside `plot`'s SVGs), relative to `--out`.
pub const FONT_ASSET: &str = "assets/NotoSansSC-subset.otf";

/// How to run a batch.
#[derive(Clone, Debug)]
pub struct Options {
    pub out: PathBuf,
    /// Threads: 0 = all cores.
    pub jobs: usize,
    /// Override every scenario's draws and seed.
    pub draws: Option<usize>,
    pub seed: Option<u64>,
    /// The language of chart labels, statuses and pages (English takes the `indicator_en` column).
    pub lang: Lang,
    pub charts: bool,
    /// Size of indicator charts in pixels.
    pub size: (u32, u32),
    /// Outturn files for every scenario, besides its own `actuals`.
    pub outturn_files: Vec<PathBuf>,
    /// Refuse a table with an unreadable cell instead of running without its rows.
    pub strict: bool,
    /// Wait for another run writing into `out` instead of failing at once.
    pub wait: bool,
    /// Region of tables without a region column (`plot --region`); the file name when absent.
    pub region: Option<String>,
    /// The scenario the index compares the others against, by name (`report --against`);
    /// by default the one the others extend.
    pub against: Option<String>,
    /// Failures to inject into the writing of the report (tests).
    pub faults: Option<std::sync::Arc<plansim_core::output::Faults>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            out: PathBuf::from("output"),
            jobs: 0,
            draws: None,
            seed: None,
            lang: Lang::Zh,
            charts: true,
            size: (1000, 600),
            outturn_files: Vec::new(),
            strict: false,
            wait: false,
            region: None,
            against: None,
            faults: None,
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

/// Runs every scenario and writes the report (nothing when no scenario ran: `--out` is left
/// as it was); `tick` is called as each scenario finishes.
pub fn run(files: &[PathBuf], opts: &Options, tick: &(dyn Fn(&Path) + Sync)) -> Result<Batch> {
    // the reference of the comparison, settled (or refused) before any work
    let reference = reference(files, opts)?;
    // the folder held (one run at a time), a killed run's commit finished, before any work
    let delivery = plansim_core::output::Delivery::open(
        &opts.out,
        &plansim_core::output::Opening {
            wait: opts.wait,
            faults: opts.faults.clone(),
        },
    )?;
    // two scenarios may not share a folder: the later one fails before it runs
    let mut names: Vec<Option<String>> = Vec::new();
    for f in files {
        names.push(
            plansim_core::scenario::name_of(f)
                .ok()
                .filter(|n| !names.contains(&Some(n.clone()))),
        );
    }
    // an indicator a scenario leaves alone is drawn once for the batch
    let memo = plansim_core::simulate::Memo::default();
    let compute = |(path, name): (&PathBuf, &Option<String>)| -> Result<computed::Computed> {
        if name.is_none() {
            let name = plansim_core::scenario::name_of(path)?;
            return Err(Error::invalid(format!(
                "another scenario of this batch is also named `{name}`"
            )));
        }
        scenario::compute(path, opts, &memo)
    };
    // first every scenario's numbers, then the folders, whose charts show all scenarios' paths
    let runs: Vec<Result<computed::Computed>> = in_pool(opts.jobs, || {
        files.par_iter().zip(&names).map(compute).collect()
    })?;
    // every path's numbers are copied into its scenario's simulation: the memo's copies go
    drop(memo);
    // the tables' rows, let go by each scenario's thread, are not kept for the pages'
    plansim_core::simulate::return_freed_memory();
    let ok: Vec<&computed::Computed> = runs.iter().filter_map(|r| r.as_ref().ok()).collect();
    let rows: Vec<(&action::Named, &[rows::TargetRow])> = ok
        .iter()
        .map(|c| (&c.page.named, &c.page.rows[..]))
        .collect();
    let lookup = action::Lookup::new(&rows);
    // a scenario that did not compute has nothing to write; its own error is kept. Each folder
    // is staged aside; all are put in place together once nothing foreign is in the way. A
    // staged file that cannot be written (a full disk) stops the whole run: the last report
    // stays as it was rather than lose a scenario.
    // the workbook (about 0.3 s for the bundled set) is written beside the folders' rendering
    let (results, xlsx): (Vec<Option<Result<Result<Written>>>>, _) = in_pool(opts.jobs, || {
        rayon::join(
            || {
                runs.par_iter()
                    .zip(files)
                    .map(|(r, path)| {
                        let done = r.as_ref().ok().map(|run| {
                            let folder = deliver::Folder::new(&delivery, &run.sc.name)?;
                            match scenario::render(run, &ok, &lookup, opts, &folder) {
                                Ok(summary) => Ok(Ok((summary, run.sc.name.clone()))),
                                // a scenario that fails half-way puts none of its files in
                                // place; a file that cannot be staged stops the run
                                Err(e) => {
                                    delivery.discard(&run.sc.name);
                                    if folder.failed() { Err(e) } else { Ok(Err(e)) }
                                }
                            }
                        });
                        tick(path);
                        done
                    })
                    .collect()
            },
            || workbook::stage(&delivery, &ok, opts.lang),
        )
    })?;
    let results: Vec<Option<Result<Written>>> = results
        .into_iter()
        .map(Option::transpose)
        .collect::<Result<_>>()?;
    // the workbook holds the scenarios whose folders are written: made again in the rare case
    // that a scenario computed but could not be rendered
    let written: Vec<&computed::Computed> = runs
        .iter()
        .zip(&results)
        .filter_map(|(run, r)| match (run, r) {
            (Ok(run), Some(Ok(_))) => Some(run),
            _ => None,
        })
        .collect();
    if written.len() != ok.len() {
        delivery.discard(workbook::NAME);
        workbook::stage(&delivery, &written, opts.lang)?;
    } else {
        xlsx?;
    }
    let mut batch = Batch {
        summaries: Vec::new(),
        failed: Vec::new(),
    };
    let mut staged = Vec::new();
    for ((path, r), run) in files.iter().zip(results).zip(runs) {
        match (r, run) {
            (Some(Ok((mut s, name))), _) => {
                s.reference = reference.as_deref() == Some(s.name.as_str());
                batch.summaries.push(s);
                staged.push(name);
            }
            (Some(Err(e)), _) | (None, Err(e)) => batch.failed.push((path.clone(), e)),
            (None, Ok(_)) => {}
        }
    }
    // nothing ran: nothing is written. An index of no scenario ("no target is behind") and
    // an empty workbook would replace the last report's, whose folders stay unlinked
    if batch.summaries.is_empty() {
        return Ok(batch);
    }
    let lang = opts.lang;
    let failed: Vec<(String, String)> = batch
        .failed
        .iter()
        .map(|(p, e)| (p.display().to_string(), e.render(lang)))
        .collect();
    // the pages and workbook at the root, the pages written as they are made (an index of
    // 10⁵ targets behind is some 100 MB); the staging folder goes if any cannot be made
    let summaries = &batch.summaries;
    let section = index_section(summaries, lang);
    deliver::put_with(&delivery, Path::new("index.html"), |w| {
        scenario::core_error(html::write_index_page(
            summaries, &section, &failed, lang, w,
        ))
    })?;
    deliver::put_with(&delivery, Path::new("index.md"), |w| {
        scenario::core_error(markdown::write_index_page(
            summaries, &section, &failed, lang, w,
        ))
    })?;
    // the pages' @font-face points here
    let root = [(
        FONT_ASSET.to_string(),
        crate::chart::font::FONT_BYTES.to_vec(),
    )];
    deliver::commit(delivery, &staged, &root)?;
    Ok(batch)
}

/// The name of the scenario the index measures the others against: `--against`, which must
/// name a scenario of the batch, else the one most others of the batch extend (directly or
/// through another), else none (the one named `baseline`, else the first:
/// `compare::baseline`).
fn reference(files: &[PathBuf], opts: &Options) -> Result<Option<String>> {
    let names: Vec<String> = files
        .iter()
        .filter_map(|f| plansim_core::scenario::name_of(f).ok())
        .collect();
    if let Some(wanted) = &opts.against {
        if names.contains(wanted) {
            return Ok(Some(wanted.clone()));
        }
        let near = plansim_core::text::nearest(wanted, names.iter().map(String::as_str));
        let quoted: Vec<String> = near.iter().map(|n| format!("\"{n}\"")).collect();
        let all = names.join(", ");
        return Err(Error::invalid(match (opts.lang.is_en(), near.is_empty()) {
            (true, true) => format!(
                "--against {wanted}: no scenario of the batch has this name (the batch: {all})"
            ),
            (true, false) => format!(
                "--against {wanted}: no scenario of the batch has this name; did you mean {}? (the batch: {all})",
                quoted.join(" or ")
            ),
            (false, true) => format!("--against {wanted}：本批没有这个名称的情景（本批：{all}）"),
            (false, false) => format!(
                "--against {wanted}：本批没有这个名称的情景；最接近的：{}（本批：{all}）",
                quoted.join("、")
            ),
        }));
    }
    let own: Vec<Option<PathBuf>> = files.iter().map(|f| f.canonicalize().ok()).collect();
    let parents: Vec<Vec<PathBuf>> = files
        .iter()
        .map(|f| plansim_core::scenario::extended(f))
        .collect();
    let extended_by = |i: usize| {
        own[i].as_ref().map_or(0, |me| {
            parents
                .iter()
                .enumerate()
                .filter(|(j, p)| *j != i && p.contains(me))
                .count()
        })
    };
    let best = (0..files.len())
        .map(|i| (extended_by(i), i))
        .filter(|(n, _)| *n > 0)
        // the most extended, the first of equals
        .max_by_key(|&(n, i)| (n, std::cmp::Reverse(i)));
    Ok(best.and_then(|(_, i)| plansim_core::scenario::name_of(&files[i]).ok()))
}

/// The batch index's section: every scenario's targets, each once, with each scenario's line
/// under it; made once for both index pages.
fn index_section(summaries: &[Summary], lang: Lang) -> action::Section {
    let batch: Vec<(&action::Named, &[rows::TargetRow])> =
        summaries.iter().map(|s| (&s.named, &s.rows[..])).collect();
    let lookup = action::Lookup::new(&batch);
    let own: Vec<_> = summaries.iter().map(|s| (&s.named, &s.rows)).collect();
    action::section(&own, &lookup, lang)
}

/// A scenario's folder rendered and staged: its summary and folder name.
type Written = (Summary, String);

/// Runs `f` on `jobs` threads (0 = all cores; 1 = this thread only).
fn in_pool<T: Send>(jobs: usize, f: impl FnOnce() -> T + Send) -> Result<T> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(plansim_core::simulate::workers(jobs))
        .build()
        .map_err(|e| Error::invalid(format!("cannot start {jobs} threads: {e}")))?;
    Ok(pool.install(f))
}
