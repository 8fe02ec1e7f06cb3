//! `plansim explain SCENARIO`: each rule with its file and line and the rows it changed.

use super::{Format, lang, say, text_table, write_csv};
use plansim_core::explain::{Explanation, explain};
use plansim_core::lang::Column;
use plansim_core::lang::Lang;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim explain scenarios/shock-2024.toml
  plansim explain scenarios/slow-15th.toml --format csv > rules.csv
  plansim explain my-scenario.toml --lang en";

#[derive(clap::Args)]
pub struct Args {
    /// A scenario (.toml)
    pub scenario: PathBuf,
    /// How to print the results
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Refuse a table with an unreadable cell instead of explaining without its rows
    #[arg(long)]
    strict: bool,
    /// Region of tables without a region column (default: the file name, or the scenario's
    /// `region`)
    #[arg(long)]
    region: Option<String>,
}

/// One line of `explain --format csv`: a span of years of one row under one rule.
#[derive(Clone, Serialize)]
struct Line<'a> {
    rule: &'static str,
    file: String,
    line: usize,
    says: &'a str,
    region: &'a str,
    plan: &'a str,
    indicator: &'a str,
    from: Option<i32>,
    to: Option<i32>,
    /// Percent a year.
    #[serde(serialize_with = "plansim_core::format::out::derived_opt")]
    rate_before: Option<f64>,
    #[serde(serialize_with = "plansim_core::format::out::derived_opt")]
    rate_after: Option<f64>,
    observed: bool,
    set: Option<&'a str>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sc = super::project::load(
        &args.scenario,
        None,
        args.strict,
        &[],
        args.region.as_deref(),
    )?;
    let e = explain(&sc)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&plansim_core::format::json(&e)?)?
        )?,
        Format::Csv => write_csv(lines(&e))?,
        Format::Table => {
            writeln!(out, "{}", super::words::scenario_line(lang(), &sc))?;
            write_table(&mut out, &e, lang())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn lines(e: &Explanation) -> Vec<Line<'_>> {
    let mut v = Vec::new();
    for r in &e.rules {
        for row in &r.rows {
            let base = Line {
                rule: r.rule.table(),
                file: r.at.file.display().to_string(),
                line: r.at.line,
                says: &r.says,
                region: &row.region,
                plan: &row.plan,
                indicator: &row.indicator,
                from: None,
                to: None,
                rate_before: None,
                rate_after: None,
                observed: false,
                set: row.set.as_deref(),
            };
            if row.spans.is_empty() {
                v.push(base.clone());
            }
            for s in &row.spans {
                v.push(Line {
                    from: Some(s.from),
                    to: Some(s.to),
                    rate_before: Some(s.before),
                    rate_after: Some(s.after),
                    observed: s.observed,
                    ..base.clone()
                });
            }
        }
    }
    v
}

fn write_table(out: &mut impl Write, e: &Explanation, lang: Lang) -> anyhow::Result<()> {
    if e.rules.is_empty() {
        writeln!(
            out,
            "{}",
            say("no rules: the plans' own rates", "没有规则：按规划自身增速")
        )?;
    }
    for r in &e.rules {
        writeln!(out, "\n{} {}  {}", r.rule.table(), r.at, r.says)?;
        if r.rows.is_empty() {
            writeln!(out, "  {}", say("changes nothing", "未改变任何指标"))?;
        } else {
            let head = if r.rows.iter().all(|row| row.set.is_some()) {
                Column::Change.say(lang)
            } else {
                say("before → after", "变化前 → 变化后")
            };
            let mut grid =
                text_table(&[Column::Region.say(lang), Column::Indicator.say(lang), head]);
            for row in &r.rows {
                grid.add_row(vec![
                    row.region.clone(),
                    row.indicator.clone(),
                    row.text(lang),
                ]);
            }
            writeln!(out, "{grid}")?;
        }
        if !r.left_out.is_empty() {
            writeln!(
                out,
                "  {}: {}",
                say(
                    "left out by kind (write kind = \"shares\" or \"all\" to include)",
                    "按 kind 未包括（要包括，写 kind = \"shares\" 或 \"all\"）"
                ),
                lang.list(&r.left_out)
            )?;
        }
        if !r.kept.is_empty() {
            writeln!(
                out,
                "  {}: {}",
                say(
                    "left on the plan's pace: meant to fall, held by the plan, or a total over the period (name one with indicator = \"…\" to move it)",
                    "应下降、规划保持或期内累计的指标，按规划延续（要改变，用 indicator = \"…\" 指名）"
                ),
                lang.list(&r.kept)
            )?;
        }
    }
    Ok(())
}
