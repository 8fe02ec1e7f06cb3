//! `plansim simulate SCENARIO|TABLE`: bands and the probability of meeting each target under
//! the scenario — a what-if, never a status (statuses come from `plansim assess`).

use super::project::{load, num, options, pct};
use super::{Format, lang, say, text_table};
use plansim_core::lang::Column;
use plansim_core::lang::Msg;
use plansim_core::run::Stages;
use plansim_core::simulate::Noise;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim simulate scenarios/baseline.toml
  plansim simulate scenarios/shock-2024.toml --sigma 2 --draws 20000 --out output/sim
  plansim simulate scenarios/tables/horqin.csv --student-t 5 --format csv";

/// The files of `--out`.
const SIMULATION: &str = "simulation.csv";
const PROBABILITIES: &str = "probabilities.csv";

#[derive(clap::Args)]
pub struct Args {
    /// A scenario (.toml) or a table, which runs as its own baseline
    pub scenario: PathBuf,
    /// Draws per indicator (default: the scenario's, else 10,000)
    #[arg(long)]
    draws: Option<usize>,
    /// Seed (default: the scenario's); the same seed gives the same output on any --jobs
    #[arg(long)]
    seed: Option<u64>,
    /// σ of every annual rate in points, overriding the scenario and table (2 = 2 points a
    /// year; "2%" too)
    #[arg(long, value_parser = points)]
    sigma: Option<plansim_core::scenario::Percent>,
    /// Fat tails: Student-t shocks with this many degrees of freedom (> 2)
    #[arg(long)]
    student_t: Option<f64>,
    /// Share of each shock from one economy-wide factor (0–1)
    #[arg(long)]
    common: Option<f64>,
    /// Region of tables without a region column (default: the file name, or the scenario's
    /// `region`)
    #[arg(long)]
    region: Option<String>,
    /// Threads (default: all cores)
    #[arg(long, default_value_t = 0, hide_default_value = true)]
    jobs: usize,
    /// Write simulation.csv and probabilities.csv into this folder
    #[arg(long)]
    out: Option<PathBuf>,
    /// How to print the results
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Outturn files besides the scenario's own `actuals` (repeatable): known years are not drawn
    #[arg(long, value_name = "FILE")]
    actuals: Vec<PathBuf>,
    /// Refuse a table with an unreadable cell instead of running without its rows
    #[arg(long)]
    strict: bool,
    /// If another plansim run is writing into --out, wait for it instead of failing at once
    #[arg(long)]
    wait: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sc = load(
        &args.scenario,
        None,
        args.strict,
        &args.actuals,
        args.region.as_deref(),
    )?;
    let left_out = super::tell_left_out(&sc);
    let opts = run_options(&args)?;
    let r = plansim_core::run::from_scenario(sc, &opts, Stages::SIMULATE)?;
    let (sc, p) = (&r.scenario, &r.projection);
    let sim = r
        .simulation
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!("the simulation did not run"))?;
    // the folder is opened (and made) only once there is something to write: a bad input
    // leaves no trace; both files arrive together, or neither
    if let Some(dir) = &args.out {
        let how = plansim_core::output::Opening {
            wait: args.wait,
            faults: None,
        };
        let d = plansim_core::output::Delivery::open(dir, &how)?;
        let simulation = plansim_core::export::simulation_csv(p, sim)?;
        d.write(Path::new(SIMULATION), &simulation)?;
        let probabilities = plansim_core::export::probabilities_csv(p, sim)?;
        d.write(Path::new(PROBABILITIES), &probabilities)?;
        d.commit(&Default::default())?;
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            // the paths written one at a time: the head holds none
            let head = plansim_core::simulate::Simulation {
                scenario: sim.scenario.clone(),
                draws: sim.draws,
                seed: sim.seed,
                years: sim.years.clone(),
                paths: Vec::new(),
            };
            // each path named, as the projection's are: the simulation's own paths are
            // only in the projection's order
            let named = p.paths.iter().zip(&sim.paths).map(|(x, path)| NamedPath {
                region: &x.series.region,
                plan: &x.series.plan,
                indicator: &x.series.name,
                unit: &x.series.unit,
                path,
            });
            super::print_json_object(&mut out, &head, "paths", named)?
        }
        Format::Csv => out.write_all(&plansim_core::export::probabilities_csv(p, sim)?)?,
        Format::Table => print_table(&mut out, sc, p, sim, args.out.as_deref())?,
    }
    Ok(super::done(left_out))
}

/// A simulated path with the names of its indicator (`--format json`).
#[derive(serde::Serialize)]
struct NamedPath<'a> {
    region: &'a str,
    plan: &'a str,
    indicator: &'a str,
    unit: &'a str,
    #[serde(flatten)]
    path: &'a plansim_core::simulate::SimPath,
}

/// The run's options from the command line: draws, seed, σ, jobs and the noise's shape.
fn run_options(args: &Args) -> anyhow::Result<plansim_core::run::Options> {
    let mut opts = options(None, args.strict, &[]);
    opts.draws = args.draws;
    opts.seed = args.seed;
    if let Some(s) = &args.sigma {
        // points on the command line; a fraction in the engine
        opts.sigma = Some(s.fraction());
        if !s.sign && s.value > 0.0 && s.value < 0.1 {
            let msg = Msg::SigmaLooksLikeFraction {
                key: "--sigma".into(),
                text: s.text.clone(),
            };
            eprintln!(
                "{}{}",
                super::words::prefix(lang(), false),
                msg.render(lang())
            );
        }
    }
    opts.jobs = super::jobs(args.jobs);
    if let Some(df) = args.student_t {
        anyhow::ensure!(
            df.is_finite() && df > 2.0,
            "--student-t {df}: needs more than 2 degrees of freedom"
        );
        opts.noise = Some(Noise::StudentT { df });
    }
    if let Some(c) = args.common {
        anyhow::ensure!(
            (0.0..=1.0).contains(&c),
            "--common {c}: expected a share between 0 and 1"
        );
        opts.common = Some(c);
    }
    Ok(opts)
}

/// The simulation as a table on stdout: the bands and the chance of each target.
fn print_table(
    out: &mut impl Write,
    sc: &plansim_core::scenario::Scenario,
    p: &plansim_core::project::Projection,
    sim: &plansim_core::simulate::Simulation,
    dir: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "{}",
        super::words::draws_line(lang(), &sim.scenario, sim.draws, sim.seed)
    )?;
    let mut grid = super::Blocks::new(|| {
        text_table(&[
            Column::Region.say(lang()),
            Column::Indicator.say(lang()),
            say("σ", "σ"),
            Column::Year.say(lang()),
            Column::Target.say(lang()),
            say("p5", "p5"),
            say("p50", "p50"),
            say("p95", "p95"),
            say("P(meet | scenario)", "情景下P(完成)"),
        ])
    });
    for (path, sp) in p.paths.iter().zip(&sim.paths) {
        for c in &sp.chances {
            let b = p.col(c.year).map(|k| sp.bands[k]);
            grid.add_row(
                out,
                vec![
                    path.series.region.to_string(),
                    path.series.name.clone(),
                    // where σ came from, beside it: the user's hand, or n observed yearly changes
                    match (sp.sigma_from.by_hand(), sp.sigma_n) {
                        (true, _) => {
                            format!("{} ({})", pct(Some(sp.sigma)), say("set by hand", "手设"))
                        }
                        (false, Some(n)) => format!("{} (n={n})", pct(Some(sp.sigma))),
                        (false, None) => pct(Some(sp.sigma)),
                    },
                    c.year.to_string(),
                    c.target.clone(),
                    b.map(|b| num(b.p5)).unwrap_or_default(),
                    b.map(|b| num(b.p50)).unwrap_or_default(),
                    b.map(|b| num(b.p95)).unwrap_or_default(),
                    format!("{:.1}%", c.probability * 100.0),
                ],
            )?;
        }
    }
    grid.finish(out)?;
    writeln!(
        out,
        "{}",
        say(
            "P(meet | scenario): the share of draws meeting the target under this scenario's rates and σ — a what-if, conditional on the scenario, not a status (grades from outturns: plansim assess)",
            "情景下P(完成)：在本情景的增速与σ下达标的抽样比例——属情景假设，以情景为条件，并非评估结论（依据实际值的评估见 plansim assess）"
        )
    )?;
    if sim.paths.iter().any(|sp| !sp.sigma_from.is_evidence()) {
        writeln!(
            out,
            "{}",
            say(
                "targets with fewer than two yearly changes observed (each between two consecutive years' outturns, the base year's value counting as one) and no σ set by hand have no probability",
                "观测到的年度变化（相邻两年实际值之差，基期值计在内）不足两个且未手设σ的目标不给概率"
            )
        )?;
    }
    if sc.outturns.any_hypothetical() {
        writeln!(out, "{}", super::words::hypothetical(lang()))?;
    }
    if let Some(dir) = dir {
        let files = format!("{0}/simulation.csv, {0}/probabilities.csv", dir.display());
        writeln!(out, "{}", super::words::wrote(lang(), &files))?;
    }
    Ok(())
}

/// `2`, `2%`, `0.5` → points.
fn points(s: &str) -> Result<plansim_core::scenario::Percent, String> {
    let (value, sign) = plansim_core::text::parse_percent(s)
        .filter(|(v, _)| (0.0..=100.0).contains(v))
        .ok_or_else(|| format!("`{s}`: expected points from 0 to 100, such as 2 or \"2%\""))?;
    Ok(plansim_core::scenario::Percent {
        value,
        sign,
        text: s.to_string(),
        at: Default::default(),
    })
}
