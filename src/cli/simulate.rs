//! `plansim simulate SCENARIO|TABLE`: bands and the probability of meeting each target under
//! the scenario — a what-if, never a status (statuses come from `plansim assess`).

use super::project::{load, num, pct};
use super::{Format, text_table};
use plansim::project::project;
use plansim::simulate::{Noise, Settings, simulate};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A scenario (.toml) or a table, which runs as its own baseline
    scenario: PathBuf,
    /// Draws per indicator (default: the scenario's, else 10,000)
    #[arg(long)]
    draws: Option<usize>,
    /// Seed (default: the scenario's); the same seed gives the same output on any --jobs
    #[arg(long)]
    seed: Option<u64>,
    /// σ of every annual rate, overriding the scenario and table (0.02 = 2 points)
    #[arg(long)]
    sigma: Option<f64>,
    /// Fat tails: Student-t shocks with this many degrees of freedom (> 2)
    #[arg(long)]
    student_t: Option<f64>,
    /// Share of each shock from one economy-wide factor (0–1)
    #[arg(long)]
    common: Option<f64>,
    /// Threads (default: all cores)
    #[arg(long, default_value_t = 0)]
    jobs: usize,
    /// Write simulation.csv and probabilities.csv into this folder
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Outturn files besides the scenario's own `actuals` (repeatable): known years are not drawn
    #[arg(long, value_name = "FILE")]
    actuals: Vec<PathBuf>,
    /// Refuse a table with an unreadable cell instead of running without its rows
    #[arg(long)]
    strict: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sc = load(&args.scenario, None, args.strict, &args.actuals)?;
    let left_out = super::tell_left_out(&sc);
    let p = project(&sc)?;
    let mut set = Settings::from_scenario(&sc);
    set.draws = args.draws.unwrap_or(set.draws);
    set.seed = args.seed.unwrap_or(set.seed);
    set.sigma = args.sigma;
    set.jobs = args.jobs;
    if let Some(df) = args.student_t {
        anyhow::ensure!(
            df.is_finite() && df > 2.0,
            "--student-t {df}: needs more than 2 degrees of freedom"
        );
        set.noise = Noise::StudentT { df };
    }
    if let Some(c) = args.common {
        anyhow::ensure!(
            (0.0..=1.0).contains(&c),
            "--common {c}: expected a share between 0 and 1"
        );
        set.common = c;
    }
    let sim = simulate(&sc, &p, &set)?;
    if let Some(dir) = &args.out {
        // both files or neither
        plansim::output::write_all_atomic(&[
            (
                dir.join("simulation.csv"),
                plansim::export::simulation_csv(&p, &sim)?,
            ),
            (
                dir.join("probabilities.csv"),
                plansim::export::probabilities_csv(&p, &sim)?,
            ),
        ])?;
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&sim)?)?,
        Format::Csv => out.write_all(&plansim::export::probabilities_csv(&p, &sim)?)?,
        Format::Table => {
            writeln!(
                out,
                "scenario {}: {} draws, seed {}",
                sim.scenario, sim.draws, sim.seed
            )?;
            let mut grid = text_table(&[
                "region",
                "indicator",
                "σ",
                "year",
                "target",
                "p5",
                "p50",
                "p95",
                "P(meet | scenario)",
            ]);
            for (path, sp) in p.paths.iter().zip(&sim.paths) {
                for c in &sp.chances {
                    let b = p.col(c.year).map(|k| sp.bands[k]);
                    grid.add_row(vec![
                        path.series.region.clone(),
                        path.series.name.clone(),
                        pct(Some(sp.sigma)),
                        c.year.to_string(),
                        c.target.clone(),
                        b.map(|b| num(b.p5)).unwrap_or_default(),
                        b.map(|b| num(b.p50)).unwrap_or_default(),
                        b.map(|b| num(b.p95)).unwrap_or_default(),
                        format!("{:.1}%", c.probability * 100.0),
                    ]);
                }
            }
            writeln!(out, "{grid}")?;
            writeln!(
                out,
                "P(meet | scenario): the share of draws meeting the target under this scenario's \
                 rates and σ — a what-if, conditional on the scenario, not a status (grades from \
                 outturns: plansim assess)"
            )?;
            if sc.outturns.any_hypothetical() {
                writeln!(
                    out,
                    "some actuals are hypothetical (basis = hypothetical in their file): a what-if, not published figures"
                )?;
            }
            if let Some(dir) = &args.out {
                writeln!(
                    out,
                    "wrote {0}/simulation.csv and {0}/probabilities.csv",
                    dir.display()
                )?;
            }
        }
    }
    Ok(super::done(left_out))
}
