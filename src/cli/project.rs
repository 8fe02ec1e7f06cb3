//! `plansim project SCENARIO`: the yearly path of every indicator, targets marked.

use super::{Format, lang, say, text_table};
use plansim_core::lang::Column;
use plansim_core::project::Projection;
use plansim_core::run::{Input, Stages};
use plansim_core::scenario::Scenario;
use plansim_core::table::LoadOptions;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim project scenarios/baseline.toml --years 2020,2025,2030,2035
  plansim project scenarios/horqin-outturn.toml --format csv > projection.csv
  plansim project scenarios/tables/horqin.csv --verbose     # a table as its own baseline";

#[derive(clap::Args)]
pub struct Args {
    /// A scenario (.toml) or a table, which runs as its own baseline
    pub scenario: PathBuf,
    /// How to print the results
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Last year to project (overrides the scenario)
    #[arg(long)]
    horizon: Option<i32>,
    /// Only these years in the readable table (e.g. 2020,2025,2030,2035)
    #[arg(long, value_delimiter = ',', value_parser = super::year)]
    years: Vec<i32>,
    /// Outturn files besides the scenario's own `actuals` (repeatable)
    #[arg(long, value_name = "FILE")]
    actuals: Vec<PathBuf>,
    /// Refuse a table with an unreadable cell instead of running without its rows
    #[arg(long)]
    strict: bool,
    /// Region of tables without a region column (default: the file name, or the scenario's
    /// `region`)
    #[arg(long)]
    region: Option<String>,
    /// List the indicators that could not be projected (on stderr), not only their count
    #[arg(long)]
    verbose: bool,
}

/// Loads a scenario (or a table as its baseline) through the library's facade with a horizon
/// override and outturn files besides its own; its warnings, and the outturn rows of regions
/// it does not hold, go to stderr.
pub fn load(
    path: &std::path::Path,
    horizon: Option<i32>,
    strict: bool,
    actuals: &[PathBuf],
    region: Option<&str>,
) -> anyhow::Result<Scenario> {
    load_for(path, (horizon, strict, actuals, region), false)
}

/// [`load`], the series made only when asked where `on_demand` (`project`, which takes the
/// paths one at a time unless a row is judged against another's growth: at a million rows
/// some 430 bytes a row less).
pub(super) fn load_for(
    path: &std::path::Path,
    (horizon, strict, actuals, region): (Option<i32>, bool, &[PathBuf], Option<&str>),
    on_demand: bool,
) -> anyhow::Result<Scenario> {
    let mut opts = options(horizon, strict, actuals);
    opts.load.region = region.map(str::to_string);
    opts.series_on_demand = on_demand;
    let sc =
        plansim_core::run::scenario(Input::Path(path.to_path_buf()), &opts).map_err(
            |e| match e {
                plansim_core::Error::Horizon { horizon, msg } => {
                    anyhow::anyhow!("--horizon {horizon}: {}", msg.render(super::lang()))
                }
                e => e.into(),
            },
        )?;
    super::warn(&sc.notices);
    let said = super::words::said(super::lang());
    if let Some(note) = sc.outturns.skipped_note(super::lang()) {
        eprintln!("{said}{note}");
    }
    if let Some(advice) = sc.outturns.region_advice(&sc.indicators, super::lang()) {
        eprintln!("{said}{advice}");
    }
    Ok(sc)
}

/// The facade's options for the reading flags every scenario command shares.
pub fn options(
    horizon: Option<i32>,
    strict: bool,
    actuals: &[PathBuf],
) -> plansim_core::run::Options {
    plansim_core::run::Options {
        outturn_files: actuals.to_vec(),
        horizon,
        load: LoadOptions {
            lenient: !strict,
            ..LoadOptions::default()
        },
        lang: super::lang(),
        ..Default::default()
    }
}

/// A value as the tables show it (`plansim_core::format`, by size).
pub fn num(v: f64) -> String {
    plansim_core::format::number(v, plansim_core::format::Digits::Column)
}

pub fn pct(r: Option<f64>) -> String {
    r.map_or_else(|| "–".into(), |r| plansim_core::format::percent(r, 2))
}

/// The scenario's rate over the plan period where its rules change it (observed years aside):
/// `5.00%`, or the range `2.00–7.00%` when it varies; else the stated rate, as in `stated`.
fn plan_period_rate(path: &plansim_core::project::Path, value: &dyn Fn(i32) -> f64) -> String {
    let plan = &path.plan;
    let changed = plan.changes.iter().any(|c| {
        c.steps
            .iter()
            .any(|s| !s.observed && s.year <= path.series.plan_year && s.before != s.after)
    });
    if !changed {
        return pct(path.series.stated_rate.map(|r| r.value));
    }
    // other shapes than compound: the pace their path keeps over the open years, in the terms
    // a rule's rate is written in (`rate = 3` on a share reads 3.00%, not the model's 3.43)
    if !matches!(plan.model, plansim_core::model::Model::Compound(_))
        && let Some(pace) = open_pace(path, value)
    {
        return pct(Some(pace));
    }
    let rates: Vec<f64> = (plan.start_year + 1..=path.series.plan_year)
        .filter(|y| !path.actuals.iter().any(|a| a.0 == *y))
        .filter_map(|y| plan.rate(y))
        .collect();
    let lo = rates.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = rates.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if hi - lo < 5e-5 {
        pct(Some(lo))
    } else {
        format!("{:.2}–{}", lo * 100.0, pct(Some(hi)))
    }
}

/// The compound pace of a path over the plan period's open years (observed ones aside): the
/// mean of each open year's growth from the year before (`value`, the projection's). The
/// span from the first open year to the last would count an observed year's step inside it
/// as the rule's: `rate = 1` on a share with a 2023 outturn read 1.32 %.
fn open_pace(path: &plansim_core::project::Path, value: &dyn Fn(i32) -> f64) -> Option<f64> {
    let observed = |y: i32| path.actuals.iter().any(|a| a.0 == y);
    let open: Vec<i32> = (path.plan.start_year + 1..=path.series.plan_year)
        .filter(|&y| !observed(y))
        .collect();
    if open.is_empty() {
        return None;
    }
    let mut growth = 1.0;
    for &y in &open {
        let (before, now) = (value(y - 1), value(y));
        if !(before > 0.0 && now > 0.0 && before.is_finite() && now.is_finite()) {
            return None;
        }
        growth *= now / before;
    }
    Some(growth.powf(1.0 / open.len() as f64) - 1.0)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sc = load_for(
        &args.scenario,
        (
            args.horizon,
            args.strict,
            &args.actuals,
            args.region.as_deref(),
        ),
        true,
    )?;
    let left_out = super::tell_left_out(&sc);
    let lang = super::lang();
    if args.format == Format::Table && !plansim_core::project::stream::reads_other_paths(&sc) {
        // path by path as the CSV, in blocks of rows: no projection held
        let o = plansim_core::project::stream::outline(&sc)?;
        tell(&o.skipped, &o.years, sc.series_count(), &args);
        let mut out = std::io::stdout().lock();
        print_table(&mut out, &sc, &o.years, &Paths::Streamed(&sc), &args.years)?;
        return Ok(super::done(left_out));
    }
    if args.format == Format::Json && !plansim_core::project::stream::reads_other_paths(&sc) {
        let o = plansim_core::project::stream::outline(&sc)?;
        tell(&o.skipped, &o.years, sc.series_count(), &args);
        print_json_streamed(&sc, &o)?;
        return Ok(super::done(left_out));
    }
    if args.format == Format::Csv {
        // path by path: each path's rows written and the path let go, no projection held; the
        // outline first, so that what is said of the paths and any error come before a row
        let o = plansim_core::project::stream::outline(&sc)?;
        tell(&o.skipped, &o.years, sc.series_count(), &args);
        plansim_core::export::write_paths_csv(std::io::stdout().lock(), &sc)?;
        return Ok(super::done(left_out));
    }
    let opts = options(None, args.strict, &[]);
    let r = plansim_core::run::from_scenario(sc, &opts, Stages::PROJECT)?;
    let (sc, p) = (&r.scenario, &r.projection);
    tell(&p.skipped, &p.years, sc.series.len(), &args);
    // a row judged against another's growth reads the other's path: the projection made whole
    let mut out = std::io::stdout().lock();
    if args.format == Format::Table {
        print_table(&mut out, sc, &p.years, &Paths::Whole(p), &args.years)?;
        print_relations(&mut out, p, lang)?;
    } else {
        // the paths written one at a time under the document's other fields
        super::print_json_object(&mut out, &json_head(p, lang), "paths", json_paths(p))?;
    }
    Ok(super::done(left_out))
}

/// On stderr: the series not projected (counted, listed with `--verbose`) and the years
/// `--years` asks for that the projection does not hold.
fn tell(skipped: &[plansim_core::project::Skipped], years: &[i32], series: usize, args: &Args) {
    let lang = super::lang();
    if !skipped.is_empty() {
        eprintln!(
            "{}",
            super::words::not_projected(lang, skipped.len(), series, args.verbose)
        );
    }
    if args.verbose {
        for s in skipped {
            eprintln!("  {} {}: {}", s.region, s.indicator, s.why.render(lang));
        }
    }
    // a year asked for that the projection does not hold is said, not dropped in silence
    let outside: Vec<String> = args
        .years
        .iter()
        .filter(|y| !years.contains(y))
        .map(|y| y.to_string())
        .collect();
    if let (false, Some(from), Some(to)) = (outside.is_empty(), years.first(), years.last()) {
        eprintln!(
            "{}{}",
            super::words::prefix(lang, false),
            super::words::years_outside(lang, &outside.join(","), *from, *to)
        );
    }
}

/// A path of `--format json` with the years it has a value for and those values (`P` is the
/// path or a reference to it).
#[derive(Serialize)]
struct JsonPath<P> {
    #[serde(flatten)]
    path: P,
    years: Vec<i32>,
    values: Vec<f64>,
}

/// `--format json` path by path: each path is made beside the writer and handed over as it is
/// made (a few at a time), no projection held; the same document as [`json_head`] and
/// [`json_paths`] make of a projection made whole, whose relations are none here.
fn print_json_streamed(
    sc: &Scenario,
    outline: &plansim_core::project::stream::Outline,
) -> anyhow::Result<()> {
    let head = serde_json::json!({ "scenario": sc.name, "paths": [], "skipped": outline.skipped,
        "relations": [] });
    super::print_json_made(&mut std::io::stdout().lock(), &head, "paths", |send| {
        plansim_core::project::stream::each_path(sc, |path, values| {
            // `values[k]` is the path's start year + k; a year without a value is left out
            let start = path.plan.start_year;
            let (years, values) = (start..)
                .zip(values.iter().copied())
                .filter(|(_, v)| !v.is_nan())
                .unzip();
            send(JsonPath {
                path: path.clone(),
                years,
                values,
            })
        })
    })
}

/// Targets stated against another row's growth (`高于GDP增长`), each in one sentence.
fn print_relations(
    out: &mut impl Write,
    p: &Projection,
    lang: plansim_core::lang::Lang,
) -> anyhow::Result<()> {
    if p.relations.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        lang.say(
            "Targets relative to another row's growth (mean of the scenario's yearly rates; in \
             step: within 0.5 point):",
            "相对其他指标增速的目标（情景各年增速的年均值；同步：相差不超过0.5个百分点）："
        )
    )?;
    for r in &p.relations {
        writeln!(out, "  {} {}", r.region, r.why.get(lang))?;
    }
    Ok(())
}

/// The paths of `--format json`, each with the years and values it holds.
fn json_paths(p: &Projection) -> impl Iterator<Item = JsonPath<&plansim_core::project::Path>> {
    p.paths.iter().enumerate().map(|(i, path)| {
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
}

/// The document of `--format json` with its paths left empty (written one at a time).
fn json_head(p: &Projection, lang: plansim_core::lang::Lang) -> serde_json::Value {
    let relations: Vec<serde_json::Value> = p
        .relations
        .iter()
        .map(|r| {
            let mut v = serde_json::json!(r);
            v["text"] = serde_json::Value::String(r.why.get(lang).to_string());
            v
        })
        .collect();
    serde_json::json!({ "scenario": p.scenario, "paths": [], "skipped": p.skipped,
        "relations": relations })
}

/// The projection's paths for the table, each with its value in a year (NaN where it has
/// none): read from a projection made whole, or made one at a time and let go.
enum Paths<'a> {
    Whole(&'a Projection),
    Streamed(&'a Scenario),
}

impl Paths<'_> {
    /// Hands `f` each path in the projection's order; the first write that fails stops it.
    fn each(
        &self,
        mut f: impl FnMut(&plansim_core::project::Path, &dyn Fn(i32) -> f64) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        match self {
            Paths::Whole(p) => {
                for (i, path) in p.paths.iter().enumerate() {
                    f(path, &|y| p.col(y).map_or(f64::NAN, |c| p.values[[i, c]]))?;
                }
            }
            Paths::Streamed(sc) => {
                let mut failed = None;
                let made = plansim_core::project::stream::each_path(sc, |path, values| {
                    // `values[k]` is the path's start year + k
                    let at = |y: i32| {
                        usize::try_from(y - path.plan.start_year)
                            .ok()
                            .and_then(|k| values.get(k).copied())
                            .unwrap_or(f64::NAN)
                    };
                    f(path, &at).map_err(|e| {
                        failed = Some(e);
                        plansim_core::Error::Invalid("stdout".into())
                    })
                });
                if let Some(e) = failed {
                    return Err(e.into());
                }
                made?;
            }
        }
        Ok(())
    }
}

fn print_table(
    out: &mut impl Write,
    sc: &Scenario,
    all_years: &[i32],
    paths: &Paths,
    only: &[i32],
) -> anyhow::Result<()> {
    writeln!(out, "{}", super::words::scenario_line(super::lang(), sc))?;
    let years: Vec<i32> = all_years
        .iter()
        .copied()
        .filter(|y| only.is_empty() || only.contains(y))
        .collect();
    let mut header: Vec<String> = [
        Column::Region.say(lang()),
        Column::Indicator.say(lang()),
        Column::Unit.say(lang()),
        say("model", "模型"),
        say("stated", "规划增速"),
        say("scenario", "情景增速"),
        say("required", "所需增速"),
    ]
    .into_iter()
    .map(String::from)
    .collect();
    header.extend(years.iter().map(|y| y.to_string()));
    let mut grid =
        super::Blocks::new(|| text_table(&header.iter().map(String::as_str).collect::<Vec<_>>()));
    paths.each(|path, value| {
        let s = &path.series;
        let first = path.outcomes.first();
        let mut row = vec![
            s.region.to_string(),
            s.name.clone(),
            s.unit.to_string(),
            plansim_core::model::Growth::name(&path.plan.model).to_string(),
            pct(s.stated_rate.map(|r| r.value)),
            plan_period_rate(path, value),
            pct(first.and_then(|o| o.required_rate)),
        ];
        for y in &years {
            let v = value(*y);
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
        grid.add_row(out, row)
    })?;
    grid.finish(out)?;
    writeln!(
        out,
        "{}",
        say(
            "✓/✗ target met/missed in that year, to its printed digits (70 is met from 69.5); * actual; required = annual rate the first target needs from the latest actual",
            "✓/✗ 当年按目标所印位数完成/未完成目标（70自69.5起算完成）；* 实际值；所需增速 = 从最新实际值出发完成首个目标所需的年均增速"
        )
    )?;
    if sc.outturns.any_hypothetical() {
        writeln!(out, "{}", super::words::hypothetical(lang()))?;
    }
    Ok(())
}
