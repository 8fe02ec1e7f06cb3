//! `plansim assess INPUT...`: every target graded from its outturns.

use super::{Format, lang, say};
use plansim_core::assess::{Grade, Status};
use plansim_core::format::significant;
use plansim_core::lang::Column;
use plansim_core::table::LoadOptions;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim assess scenarios/national-14th.toml --as-of 2022       # what was known in 2022
  plansim assess examples/own/county.csv --actuals examples/own/outturns.csv   # a table and its outturns
  plansim assess scenarios/tables/horqin.csv --actuals my-outturns.csv --format json";

#[derive(clap::Args)]
pub struct Args {
    /// Indicator tables or scenario files (.toml), whose tables and actuals are graded
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Outturn files (long `region,indicator,year,value[,note]` or wide, a column per year);
    /// repeatable, besides the scenarios' own
    #[arg(long, value_name = "FILE")]
    actuals: Vec<PathBuf>,
    /// Grade with what was known then: ignore outturns after this year
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    as_of: Option<i32>,
    /// How to print the results
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Indicator aliases (`canonical,alias`); default: the bundled scenarios/aliases.csv
    #[arg(long, value_name = "CSV")]
    aliases: Option<PathBuf>,
    /// Sheet of an XLSX file (default: the first)
    #[arg(long)]
    sheet: Option<String>,
    /// Region for tables without a region column (default: the file name)
    #[arg(long)]
    region: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut opts = plansim_core::run::Options {
        outturn_files: args.actuals,
        load: LoadOptions {
            sheet: args.sheet,
            region: args.region,
            lenient: true,
        },
        as_of: args.as_of,
        lang: super::lang(),
        ..Default::default()
    };
    let inputs = match super::gather(&args.inputs, args.aliases.as_deref(), &mut opts) {
        Ok(i) => i,
        Err(errors) => return Ok(super::unusable(&errors)),
    };
    // each grade written as it is made and let go: only the counts are kept
    let mut tally = Tally::default();
    let mut out = std::io::stdout().lock();
    let grades = inputs.grades(&opts).inspect(|g| tally.add(g));
    match args.format {
        Format::Json => super::print_json_array(&mut out, grades)?,
        Format::Csv => {
            let mut csv = plansim_core::export::GradesCsv::new(&mut out);
            for g in grades {
                csv.push(&g)?;
            }
            csv.finish()?;
        }
        Format::Table => write_table(&mut out, grades, args.as_of)?,
    }
    out.flush()?;
    let none_matched = super::report_skipped(&inputs);
    super::tell_unread(&inputs.warnings, &inputs.unread);
    eprintln!(
        "{}",
        super::words::graded(
            super::lang(),
            tally.total(),
            &tally.counts(),
            inputs.resolved.any_hypothetical()
        )
    );
    if !inputs.unread.is_empty() {
        eprintln!(
            "{}",
            super::words::not_graded(super::lang(), inputs.unread.len())
        );
        return Ok(ExitCode::from(2));
    }
    if none_matched {
        // every target would read 数据不足 for want of outturns that were given: a failure
        eprintln!(
            "{}{}",
            super::words::prefix(super::lang(), true),
            super::say(
                "no outturn matches any row; every target is graded without them",
                "给出的实际值没有一个与表中的行匹配；各目标的评估均未用到它们"
            )
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Wide enough for a reason of ~80 characters beside the other columns.
const TABLE_WIDTH: u16 = 230;
/// Terminal columns of the pace, against-history and reason columns' text.
const PACE_WIDTH: u16 = 16;
const HISTORY_WIDTH: u16 = 32;
const REASON_WIDTH: u16 = 48;

/// A probability as a reader takes it: `85%`, and `>99%`/`<1%` rather than a certainty.
fn percent(p: f64) -> String {
    if p > 0.995 {
        ">99%".into()
    } else if p < 0.005 {
        "<1%".into()
    } else {
        format!("{:.0}%", p * 100.0)
    }
}

fn opt(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), significant)
}

/// How many targets each grade has (by its place in [`Status::ALL`]), counted as the grades go
/// by.
#[derive(Default)]
struct Tally([usize; Status::ALL.len()]);

impl Tally {
    fn add(&mut self, g: &Grade) {
        if let Some(n) = Status::ALL
            .iter()
            .position(|s| *s == g.status)
            .and_then(|k| self.0.get_mut(k))
        {
            *n += 1;
        }
    }

    fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// The counts the summary line gives, each grade by its name: 倒退 counted as 滞后于预期.
    fn counts(&self) -> Vec<(usize, &'static str)> {
        let of = |s: Status| {
            Status::ALL
                .iter()
                .zip(self.0)
                .find_map(|(x, n)| (*x == s).then_some(n))
                .unwrap_or(0)
        };
        Status::ALL
            .iter()
            .filter(|s| **s != Status::Regressing)
            .filter_map(|&s| {
                let lagging = if s == Status::Lagging {
                    of(Status::Regressing)
                } else {
                    0
                };
                let n = of(s) + lagging;
                (n > 0).then(|| (n, s.zh()))
            })
            .collect()
    }
}

/// The grades as a terminal table, in blocks of rows, each printed as it is made.
fn write_table(
    out: &mut impl Write,
    grades: impl Iterator<Item = Grade>,
    as_of: Option<i32>,
) -> anyhow::Result<()> {
    if let Some(y) = as_of {
        writeln!(out, "{}", super::words::as_of_line(super::lang(), y))?;
    }
    let mut grid = super::Blocks::new(|| {
        let mut t = super::wrapping_table(
            &[
                Column::Region.say(lang()),
                Column::Indicator.say(lang()),
                Column::Year.say(lang()),
                Column::Target.say(lang()),
                Column::Grade.say(lang()),
                say("latest", "最新实际值"),
                say("pace / needed", "实际速度 / 所需速度"),
                say("P", "P(趋势)"),
                Column::AgainstHistory.say(lang()),
                say("reason", "依据"),
            ],
            TABLE_WIDTH,
        );
        // the long texts broken by plansim, never inside a number
        super::fixed_column(&mut t, 6, PACE_WIDTH);
        super::fixed_column(&mut t, 8, HISTORY_WIDTH);
        super::fixed_column(&mut t, 9, REASON_WIDTH);
        t
    });
    for g in grades {
        let latest = match (g.latest_year, g.latest_value) {
            (Some(y), Some(v)) => {
                // a period total's change to date as a fall or rise, not a sign
                let v = match g.rule {
                    "period-total" => plansim_core::assess::words::change_to_date(&significant(v))
                        .get(super::lang())
                        .to_string(),
                    _ => significant(v),
                };
                format!("{v}{} ({y})", if g.preliminary { "*" } else { "" })
            }
            _ => "—".into(),
        };
        let pace = if g.current_pace.is_some() || g.required_rate.is_some() {
            format!(
                "{} / {}\n{}",
                opt(g.current_pace),
                opt(g.required_rate),
                plansim_core::assess::words::unit(&g.pace_unit).get(super::lang())
            )
        } else {
            String::new()
        };
        let mut reason = g.reason.clone();
        for n in &g.notes {
            reason.push_str(&format!("\n· {n}"));
        }
        grid.add_row(
            out,
            vec![
                g.region.clone(),
                g.indicator.clone(),
                g.target_year.to_string(),
                g.target.clone(),
                if super::lang().is_en() {
                    format!("{}\n{}", g.grade_zh, g.status.code())
                } else {
                    g.grade_zh.to_string()
                },
                latest,
                super::wrapped(&pace, PACE_WIDTH),
                g.p_meet.map_or_else(String::new, |p| match g.p_n {
                    Some(n) => format!("{} (n={n})", percent(p)),
                    None => percent(p),
                }),
                g.ambition
                    .as_ref()
                    .map_or_else(String::new, |a| super::wrapped(&a.text, HISTORY_WIDTH)),
                super::wrapped(&reason, REASON_WIDTH),
            ],
        )?;
    }
    grid.finish(out)?;
    writeln!(
        out,
        "{}",
        say(
            "latest: * preliminary; pace / needed: the observed pace (or mean) and what the remaining years need; P: chance of meeting the target on the observed trend (two or more observed changes); against history: the pace the target needs from its base year beside the pace of the five years before it",
            "最新实际值：* 为预计数；实际速度 / 所需速度：已观察到的速度（或均值）与剩余年份所需；P(趋势)：按观察到的趋势达标的概率（至少两个年度变化）；对照过去：目标自基期起所需速度与基期前五年实际速度之比"
        )
    )?;
    Ok(())
}
