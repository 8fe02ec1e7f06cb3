//! `plansim project SCENARIO`: the yearly path of every indicator, targets marked.

use super::{Format, text_table};
use plansim::project::{Projection, project};
use plansim::scenario::Scenario;
use plansim::table::LoadOptions;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A scenario (.toml) or a table, which runs as its own baseline
    scenario: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Last year to project (overrides the scenario)
    #[arg(long)]
    horizon: Option<i32>,
    /// Only these years in the readable table (e.g. 2020,2025,2030,2035)
    #[arg(long, value_delimiter = ',')]
    years: Vec<i32>,
    /// Outturn files besides the scenario's own `actuals` (repeatable)
    #[arg(long, value_name = "FILE")]
    actuals: Vec<PathBuf>,
    /// Refuse a table with an unreadable cell instead of running without its rows
    #[arg(long)]
    strict: bool,
}

/// Loads a scenario (or a table as its baseline) with a horizon override and outturn files
/// besides its own; outturn rows of regions it does not hold are counted on stderr.
pub fn load(
    path: &std::path::Path,
    horizon: Option<i32>,
    strict: bool,
    actuals: &[PathBuf],
) -> anyhow::Result<Scenario> {
    let opts = LoadOptions {
        lenient: !strict,
        ..LoadOptions::default()
    };
    let mut sc = Scenario::load_with(path, &opts, actuals)?;
    if let Some(note) = sc.outturns.skipped_note() {
        eprintln!("plansim: {note}");
    }
    if let Some(h) = horizon {
        sc.spec.horizon = Some(h);
        sc.check_horizon()
            .map_err(|e| anyhow::anyhow!("--horizon {h}: {e}"))?;
    }
    Ok(sc)
}

pub use plansim::report::page::value as num;

pub fn pct(r: Option<f64>) -> String {
    r.map_or_else(|| "–".into(), |r| format!("{:.2}%", r * 100.0))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sc = load(&args.scenario, args.horizon, args.strict, &args.actuals)?;
    let left_out = super::tell_left_out(&sc);
    let p = project(&sc)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Csv => out.write_all(&plansim::export::projection_csv(&p)?)?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&json(&p))?)?,
        Format::Table => print_table(&mut out, &sc, &p, &args.years)?,
    }
    Ok(super::done(left_out))
}

#[derive(Serialize)]
struct JsonPath<'a> {
    #[serde(flatten)]
    path: &'a plansim::project::Path,
    years: Vec<i32>,
    values: Vec<f64>,
}

fn json(p: &Projection) -> serde_json::Value {
    let paths: Vec<JsonPath> = p
        .paths
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let (years, values) = p
                .years
                .iter()
                .zip(p.values.row(i))
                .filter(|(_, v)| !v.is_nan())
                .map(|(y, v)| (*y, *v))
                .unzip();
            JsonPath {
                path,
                years,
                values,
            }
        })
        .collect();
    serde_json::json!({ "scenario": p.scenario, "paths": paths, "skipped": p.skipped })
}

fn print_table(
    out: &mut impl Write,
    sc: &Scenario,
    p: &Projection,
    only: &[i32],
) -> anyhow::Result<()> {
    writeln!(out, "scenario {}: {}", sc.name, sc.description)?;
    let years: Vec<(usize, i32)> = p
        .years
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, y)| only.is_empty() || only.contains(y))
        .collect();
    let mut header = vec![
        "region".to_string(),
        "indicator".into(),
        "unit".into(),
        "model".into(),
        "stated".into(),
        "required".into(),
    ];
    header.extend(years.iter().map(|(_, y)| y.to_string()));
    let mut grid = text_table(&header.iter().map(String::as_str).collect::<Vec<_>>());
    for (i, path) in p.paths.iter().enumerate() {
        let s = &path.series;
        let first = path.outcomes.first();
        let mut row = vec![
            s.region.clone(),
            s.name.clone(),
            s.unit.clone(),
            plansim::model::Growth::name(&path.plan.model).to_string(),
            pct(s.stated_rate.map(|r| r.value)),
            pct(first.and_then(|o| o.required_rate)),
        ];
        for (c, y) in &years {
            let v = p.values[[i, *c]];
            let mark = path
                .outcomes
                .iter()
                .find(|o| o.goal.year == *y)
                .map_or("", |o| match o.met {
                    Some(true) => " ✓",
                    Some(false) => " ✗",
                    None => "",
                });
            let actual = if path.actuals.iter().any(|a| a.0 == *y) {
                "*"
            } else {
                ""
            };
            row.push(if v.is_nan() {
                String::new()
            } else {
                format!("{}{actual}{mark}", num(v))
            });
        }
        grid.add_row(row);
    }
    writeln!(out, "{grid}")?;
    writeln!(
        out,
        "✓/✗ target met/missed in that year; * actual; required = annual rate the first target needs from the latest actual"
    )?;
    if sc.outturns.any_hypothetical() {
        writeln!(
            out,
            "some actuals are hypothetical (basis = hypothetical in their file): a what-if, not published figures"
        )?;
    }
    for s in &p.skipped {
        writeln!(
            out,
            "not projected: {} {}: {}",
            s.region, s.indicator, s.reason
        )?;
    }
    Ok(())
}
