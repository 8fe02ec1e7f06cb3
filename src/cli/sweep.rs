//! `plansim sweep SCENARIO --indicator NAME --delta -3..3`: which rate changes meet the targets.

use super::project::{load, num, pct};
use super::{Format, text_table, write_csv};
use plansim::scenario::Selector;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A scenario (.toml) or a table
    scenario: PathBuf,
    /// Indicator name (as in the table)
    #[arg(long)]
    indicator: String,
    /// Region, where several plans share the indicator name
    #[arg(long)]
    region: Option<String>,
    /// Range of rate changes in points, e.g. -3..3
    #[arg(long, allow_hyphen_values = true, default_value = "-3..3")]
    delta: String,
    /// Grid step in points
    #[arg(long, default_value_t = 0.5)]
    step: f64,
    /// First year the change applies (default: the first projected year)
    #[arg(long)]
    from: Option<i32>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Refuse a table with an unreadable cell instead of running without its rows
    #[arg(long)]
    strict: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sc = load(&args.scenario, None, args.strict, &[])?;
    let left_out = super::tell_left_out(&sc);
    let deltas = plansim::sweep::grid(&args.delta, args.step)?;
    let select = Selector {
        indicator: Some(args.indicator),
        region: args.region,
        ..Selector::default()
    };
    let rows = plansim::sweep::sweep(&sc, &select, &deltas, args.from)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        super::Format::Csv => write_csv(&rows)?,
        super::Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?,
        super::Format::Table => {
            let mut grid = text_table(&[
                "region",
                "indicator",
                "Δ points",
                "plan rate",
                "year",
                "target",
                "value",
                "met (scenario)",
            ]);
            for r in &rows {
                grid.add_row(vec![
                    r.region.clone(),
                    r.indicator.clone(),
                    format!("{:+.2}", r.delta),
                    pct(Some(r.rate)),
                    r.year.to_string(),
                    r.target.clone(),
                    r.value.map(num).unwrap_or_default(),
                    match r.met {
                        Some(true) => "yes".into(),
                        Some(false) => "no".into(),
                        None => String::new(),
                    },
                ]);
            }
            writeln!(out, "{grid}")?;
            writeln!(
                out,
                "met (scenario): whether the projection with the change meets the target — a \
                 what-if, conditional on the scenario, not a status (plansim assess grades from outturns)"
            )?;
        }
    }
    Ok(super::done(left_out))
}
