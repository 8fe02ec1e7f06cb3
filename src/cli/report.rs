//! `plansim report [SCENARIO|DIR ...]`: the batch report of every scenario, with an index.

use super::lang;
use indicatif::{ProgressBar, ProgressStyle};
use plansim_report::report::{Options, run, scenario_files};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim report                                   # every scenarios/*.toml → output/index.html
  plansim report scenarios/baseline.toml scenarios/shock-2024.toml --against shock-2024
  plansim report my-scenarios/ --draws 2000 --no-charts --lang en";

#[derive(clap::Args)]
pub struct Args {
    /// Scenario files or folders of them (default: scenarios/)
    inputs: Vec<PathBuf>,
    /// Output folder; nothing is written outside it
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// Threads (default: all cores)
    #[arg(long, default_value_t = 0, hide_default_value = true)]
    jobs: usize,
    /// Draws per indicator for every scenario (default: each scenario's)
    #[arg(long)]
    draws: Option<usize>,
    /// Seed for every scenario (default: each scenario's)
    #[arg(long)]
    seed: Option<u64>,
    /// Skip the charts (CSV, JSON and pages only)
    #[arg(long)]
    no_charts: bool,
    /// Size of the indicator charts, WIDTHxHEIGHT
    #[arg(long, default_value = "1000x600", value_parser = super::parse_size)]
    size: (u32, u32),
    /// Outturn files for every scenario, besides each one's own `actuals` (repeatable)
    #[arg(long, value_name = "FILE")]
    actuals: Vec<PathBuf>,
    /// Refuse a table with an unreadable cell instead of running without its rows
    #[arg(long)]
    strict: bool,
    /// If another plansim run is writing into --out, wait for it instead of failing at once
    #[arg(long)]
    wait: bool,
    /// The scenario the index compares the others against, by name (default: the one the
    /// others extend, else the one named baseline, else the first)
    #[arg(long, value_name = "NAME")]
    against: Option<String>,
}

/// The scenario files or folders to run: those given, else `scenarios/`.
pub fn inputs(args: &Args) -> Vec<PathBuf> {
    if args.inputs.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        args.inputs.clone()
    }
}

pub fn run_cmd(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = inputs(&args);
    // nothing to run: say where we looked, and write nothing (no empty index.html)
    let missing: Vec<String> = inputs
        .iter()
        .filter(|p| !p.exists())
        .map(|p| p.display().to_string())
        .collect();
    // a scenario named that is not there: the nearest names beside it, not the default's advice
    if !args.inputs.is_empty() && !missing.is_empty() {
        for p in inputs.iter().filter(|p| !p.exists()) {
            let io = std::fs::metadata(p)
                .err()
                .unwrap_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound));
            eprintln!(
                "{}",
                super::lib_error(&plansim_core::Error::Io {
                    path: p.clone(),
                    error: io
                })
            );
        }
        return Ok(ExitCode::from(2));
    }
    if !missing.is_empty() {
        let here = std::env::current_dir().map_or_else(|_| ".".into(), |d| d.display().to_string());
        let looked = format!("{} ({here})", missing.join(", "));
        eprintln!(
            "{}{}",
            super::words::prefix(lang(), true),
            super::words::no_scenarios(lang(), &looked)
        );
        return Ok(ExitCode::from(2));
    }
    let files = scenario_files(&inputs)?;
    let opts = Options {
        out: args.out.clone(),
        jobs: super::jobs(args.jobs),
        draws: args.draws,
        seed: args.seed,
        lang: lang(),
        charts: !args.no_charts,
        size: args.size,
        outturn_files: args.actuals.clone(),
        strict: args.strict,
        wait: args.wait,
        region: None,
        against: args.against.clone(),
        faults: None,
    };
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(files.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} scenarios {elapsed} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let started = std::time::Instant::now();
    let batch = run(&files, &opts, &|path| {
        bar.set_message(path.display().to_string());
        bar.inc(1);
    })?;
    bar.finish_and_clear();
    for (path, e) in &batch.failed {
        eprintln!(
            "{}{}{}",
            super::words::prefix(lang(), true),
            super::words::scenario_failed(lang(), &path.display().to_string()),
            e.render(lang())
        );
    }
    let mut left_out = false;
    for s in &batch.summaries {
        let scenario = lang().say("scenario", "情景");
        for line in &s.left_out {
            eprintln!(
                "{}{scenario} {}: {line}",
                super::words::prefix(lang(), false),
                s.name
            );
            left_out = true;
        }
        // a plan whose outturns reach none of its rows is graded without them: said, not fatal
        for line in s.cut_cells.iter().chain(&s.unmatched) {
            eprintln!(
                "{}{scenario} {}: {line}",
                super::words::prefix(lang(), false),
                s.name
            );
        }
    }
    eprintln!(
        "{}",
        if batch.summaries.is_empty() {
            super::words::report_none(lang(), batch.failed.len(), &args.out.display().to_string())
        } else {
            super::words::report_summary(
                lang(),
                batch.summaries.len(),
                started.elapsed().as_secs_f64(),
                &format!("{}/index.html", args.out.display()),
                batch.failed.len(),
            )
        }
    );
    Ok(
        match (batch.summaries.is_empty(), batch.failed.is_empty()) {
            (_, true) if !left_out => ExitCode::SUCCESS,
            (_, true) => ExitCode::from(1),
            (false, false) => ExitCode::from(1),
            (true, false) => ExitCode::from(2),
        },
    )
}
