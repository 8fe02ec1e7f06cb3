//! `plansim check FILE...`: the consistency audit of indicator tables.

use super::{Format, lang, say};
use plansim_core::check::{Finding, Regions};
use plansim_core::lang::Column;
use plansim_core::table::LoadOptions;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim check scenarios/tables/*.csv
  plansim check scenarios/horqin-outturn.toml --format json      # a scenario's tables and actuals
  plansim check plan.xlsx --sheet 附表1 --deny warnings --lang en";

#[derive(clap::Args)]
pub struct Args {
    /// Indicator tables — CSV or text in UTF-8 (with or without BOM), UTF-16 or GBK/GB18030,
    /// separated by comma, tab or semicolon; or XLSX — or scenario files (.toml), whose tables
    /// and actuals are checked
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// How to print the results
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Exit 1 on warnings too, not only on errors
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Last year of the projections that check bounds (shares passing 100)
    #[arg(long, default_value_t = plansim_core::check::DEFAULT_HORIZON,
          value_parser = clap::value_parser!(i32).range(1900..=2200))]
    horizon: i32,
    /// Outturn files (`region, indicator, year, value`, or wide) for target-unreachable;
    /// repeatable, besides the scenarios' own
    #[arg(long, value_name = "FILE")]
    actuals: Vec<PathBuf>,
    /// Region hierarchy (`region,parent`); default: the bundled scenarios/regions.csv
    #[arg(long, value_name = "CSV")]
    regions: Option<PathBuf>,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    /// Warnings count as errors
    Warnings,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut errors = Vec::new();
    let regions = match &args.regions {
        Some(p) => Regions::load(p).unwrap_or_else(|e| {
            errors.push(e);
            Regions::default()
        }),
        None => Regions::bundled(),
    };
    let mut opts = plansim_core::run::Options {
        outturn_files: args.actuals,
        load: LoadOptions {
            sheet: args.sheet,
            region: args.region,
            lenient: true,
        },
        regions: Some(regions),
        check_horizon: Some(args.horizon),
        lang: lang(),
        ..Default::default()
    };
    let inputs = match super::gather(&args.files, args.aliases.as_deref(), &mut opts) {
        Ok(i) if errors.is_empty() => i,
        Ok(_) => return Ok(super::unusable(&errors)),
        Err(mut e) => {
            e.append(&mut errors);
            return Ok(super::unusable(&e));
        }
    };
    let _ = super::report_skipped(&inputs);
    super::tell_unread(&inputs.warnings, &inputs.unread);
    let findings = inputs.check(&opts);
    let (unread, rows) = (inputs.unread, inputs.rows);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => super::print_json_array(&mut out, &findings)?,
        Format::Csv => out.write_all(&plansim_core::export::findings_csv(&findings)?)?,
        Format::Table => write_table(&mut out, &findings)?,
    }
    out.flush()?;
    let (e, w, i) = plansim_core::check::tally(&findings);
    eprintln!(
        "{}",
        super::words::check_summary(lang(), e, w, i, rows.len(), args.files.len())
    );
    let deny_warnings = args.deny == Some(Deny::Warnings);
    if !unread.is_empty() {
        eprintln!("{}", super::words::unread_tables(lang(), unread.len()));
        return Ok(ExitCode::from(2));
    }
    Ok(if e > 0 || (deny_warnings && w > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Wide enough for a message of ~70 characters beside the where and indicator columns.
const TABLE_WIDTH: u16 = 170;
/// Terminal columns of a finding's place (`scenarios/tables/national-15th-plan-table.xlsx:3`).
const WHERE_WIDTH: u16 = 36;
/// Terminal columns of a finding's region, indicator and cells.
const INDICATOR_WIDTH: u16 = 32;
/// Terminal columns of a finding's text.
const FINDING_WIDTH: u16 = 60;

/// `2020 305.8亿 → 2025 430亿 @ 7 (%)`
fn cells(f: &Finding) -> String {
    let c = &f.cells;
    let or_dash = |t: &str| {
        if t.is_empty() {
            "—".to_string()
        } else {
            t.to_string()
        }
    };
    let mut s = format!(
        "{} {} → {} {}",
        c.base_year,
        or_dash(&c.base),
        f.target_year,
        or_dash(&c.target)
    );
    if !c.rate.is_empty() {
        s.push_str(&format!(" @ {}", c.rate));
    }
    if !c.unit.is_empty() {
        s.push_str(&format!(" ({})", c.unit));
    }
    s
}

fn write_table(out: &mut impl Write, findings: &[Finding]) -> anyhow::Result<()> {
    if findings.is_empty() {
        writeln!(out, "{}", say("no findings", "没有发现问题"))?;
        return Ok(());
    }
    // long messages wrap in their column rather than stretch the line
    let mut grid = super::Blocks::new(|| {
        let mut t = super::wrapping_table(
            &[
                Column::Severity.say(lang()),
                Column::Code.say(lang()),
                say("where", "出处"),
                Column::Indicator.say(lang()),
                say("finding", "说明"),
            ],
            TABLE_WIDTH,
        );
        // the finding broken by plansim, never inside a number; the place after a folder
        super::fixed_column(&mut t, 2, WHERE_WIDTH);
        super::fixed_column(&mut t, 3, INDICATOR_WIDTH);
        super::fixed_column(&mut t, 4, FINDING_WIDTH);
        t
    });
    for f in findings {
        grid.add_row(
            out,
            vec![
                f.severity.say(lang()).to_string(),
                f.code.to_string(),
                super::wrapped(&format!("{}:{}", f.file, f.row), WHERE_WIDTH),
                super::wrapped(
                    &format!("{} {}\n{}", f.region, f.indicator, cells(f)),
                    INDICATOR_WIDTH,
                ),
                super::wrapped(&f.message, FINDING_WIDTH),
            ],
        )?;
    }
    grid.finish(out)?;
    Ok(())
}
