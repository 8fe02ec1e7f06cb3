//! `plansim check FILE...`: the consistency audit of indicator tables.

use super::{Format, lang, text_table, w};
use plansim::check::{Aliases, CheckOptions, Finding, Regions};
use plansim::lang::words;
use plansim::table::LoadOptions;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim check scenarios/tables/*.csv
  plansim check scenarios/horqin-outturn.toml --format json      # a scenario's tables and actuals
  plansim check plan.xlsx --sheet 附表1 --deny warnings --lang en";

#[derive(clap::Args)]
pub struct Args {
    /// Indicator tables (CSV in UTF-8 or GBK, comma or tab; XLSX) or scenario files (.toml),
    /// whose tables and actuals are checked
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Exit 1 on warnings too, not only on errors
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Last year of the projections that check bounds (shares passing 100)
    #[arg(long, default_value_t = plansim::check::DEFAULT_HORIZON,
          value_parser = clap::value_parser!(i32).range(1900..=2200))]
    horizon: i32,
    /// Observed values (`region, indicator, year, value`) for target-unreachable
    #[arg(long, value_name = "CSV")]
    actuals: Option<PathBuf>,
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
    Warnings,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let load = LoadOptions {
        sheet: args.sheet,
        region: args.region,
        lenient: true,
    };
    let (scenarios, table_files): (Vec<PathBuf>, Vec<PathBuf>) =
        args.files.iter().cloned().partition(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        });
    let (tables, mut errors) = plansim::table::load_all(&table_files, &load);
    // unreadable cells are reported and their rows left out; the rows that read are checked
    let mut unread: Vec<plansim::Error> = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut take =
        |path: &std::path::Path, cells: Vec<plansim::CellError>, w: &[plansim::table::Warning]| {
            warnings.extend(
                w.iter()
                    .map(|w| format!("{}:{}: {w}", path.display(), w.row)),
            );
            if !cells.is_empty() {
                unread.push(plansim::Error::Cells {
                    path: path.to_path_buf(),
                    errors: cells,
                });
            }
        };
    let mut rows = Vec::new();
    for t in tables {
        take(&t.path, t.unread, &t.warnings);
        rows.extend(t.indicators);
    }
    let mut opts = CheckOptions {
        horizon: args.horizon,
        lang: lang(),
        ..CheckOptions::default()
    };
    for path in &scenarios {
        match plansim::scenario::Scenario::load(path, &load) {
            Ok(sc) => {
                super::warn(&sc.notices);
                for l in sc.left_out {
                    take(&l.file, l.cells, &l.warnings);
                }
                rows.extend(sc.indicators);
                opts.actuals.extend(sc.actuals);
            }
            Err(e) => errors.push(e),
        }
    }
    // scenarios that share tables would check each row twice
    let mut seen = std::collections::HashSet::new();
    rows.retain(|r| seen.insert((r.file.clone(), r.row, r.target_year)));
    if let Some(p) = &args.actuals {
        plansim::actuals::load(p).map_or_else(|e| errors.push(e), |a| opts.actuals.extend(a));
    }
    if let Some(p) = &args.regions {
        Regions::load(p).map_or_else(|e| errors.push(e), |r| opts.regions = r);
    }
    if let Some(p) = &args.aliases {
        Aliases::load(p).map_or_else(|e| errors.push(e), |a| opts.aliases = a);
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{}", super::lib_error(e));
        }
        eprintln!("{}", words::unusable(lang(), errors.len()));
        return Ok(ExitCode::from(2));
    }
    for w in &warnings {
        eprintln!("plansim: warning: {w}");
    }
    for e in &unread {
        eprintln!("plansim: error: {e}");
    }
    let findings = plansim::check::run(&rows, &opts);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&findings)?)?,
        Format::Csv => out.write_all(&plansim::export::findings_csv(&findings)?)?,
        Format::Table => write_table(&mut out, &findings)?,
    }
    out.flush()?;
    let (e, w, i) = plansim::check::tally(&findings);
    eprintln!(
        "{}",
        words::check_summary(lang(), e, w, i, rows.len(), args.files.len())
    );
    let deny_warnings = args.deny == Some(Deny::Warnings);
    if !unread.is_empty() {
        eprintln!("{}", words::unread_tables(lang(), unread.len()));
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
        writeln!(out, "{}", w("no findings"))?;
        return Ok(());
    }
    let mut grid = text_table(&["severity", "code", "where", "indicator", "finding"]);
    // long messages wrap in their column rather than stretch the line
    grid.set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_width(TABLE_WIDTH);
    for f in findings {
        grid.add_row(vec![
            w(f.severity.as_str()).to_string(),
            f.code.to_string(),
            format!("{}:{}", f.file, f.row),
            format!("{} {}\n{}", f.region, f.indicator, cells(f)),
            f.message.clone(),
        ]);
    }
    writeln!(out, "{grid}")?;
    Ok(())
}
