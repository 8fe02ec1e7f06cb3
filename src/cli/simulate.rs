//! `plansim simulate SCENARIO|TABLE`: bands and the probability of meeting each target under
//! the scenario — a what-if, never a status (statuses come from `plansim assess`).

use super::project::{num, options, pct};
use super::{Format, lang, say, text_table};
use plansim_core::lang::Column;
use plansim_core::lang::Msg;
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
    // each path made, simulated, written and let go: neither the projection nor the
    // simulation is held (at a million rows some 1,500 bytes a row)
    let sc = super::project::load_for(
        &args.scenario,
        (None, args.strict, &args.actuals, args.region.as_deref()),
        true,
    )?;
    let left_out = super::tell_left_out(&sc);
    let opts = run_options(&args)?;
    let set = opts.settings(&sc);
    // the settings, and any path the scenario cannot make, refused before anything is written
    plansim_core::simulate::check(&set)?;
    let years = plansim_core::project::stream::outline(&sc)?.years;
    // the folder is opened (and made) only once the inputs are good: a bad input leaves no
    // trace; both files arrive together, or neither
    let files = match &args.out {
        Some(dir) => Some(plansim_core::output::Delivery::open(
            dir,
            &plansim_core::output::Opening {
                wait: args.wait,
                faults: None,
            },
        )?),
        None => None,
    };
    let head = plansim_core::simulate::Simulation {
        scenario: sc.name.clone(),
        draws: set.draws,
        seed: set.seed,
        years: years.clone(),
        paths: Vec::new(),
    };
    let made = Made {
        sc: &sc,
        years: &years,
        set: &set,
        files: files.as_ref(),
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => print_json(&mut out, &head, &made)?,
        Format::Csv => {
            let mut w = plansim_core::csv_cell::Writer::new(&mut out);
            let last = years.last().copied().unwrap_or(0);
            made.each(&mut |path, sp| {
                for r in plansim_core::export::path_chance_rows(&sc.name, path, sp, last) {
                    w.serialize(r).map_err(plansim_core::Error::csv)?;
                }
                Ok(())
            })?;
            w.flush()?;
        }
        Format::Table => print_table(&mut out, &head, &made, args.out.as_deref())?,
    }
    if let Some(d) = files {
        d.commit(&Default::default())?;
    }
    Ok(super::done(left_out))
}

/// A simulation made path by path: each path handed to the printer and, with `--out`,
/// written to the two files first.
struct Made<'a> {
    sc: &'a plansim_core::scenario::Scenario,
    years: &'a [i32],
    set: &'a plansim_core::simulate::Settings,
    files: Option<&'a plansim_core::output::Delivery>,
}

impl Made<'_> {
    /// Every path in order to `each`, with its simulation.
    fn each(
        &self,
        each: &mut dyn FnMut(
            &plansim_core::project::Path,
            &plansim_core::simulate::SimPath,
        ) -> plansim_core::Result<()>,
    ) -> plansim_core::Result<()> {
        use plansim_core::simulate::stream::each_path;
        let Some(d) = self.files else {
            return each_path(self.sc, self.years, self.set, |p, _, sp| each(p, sp));
        };
        d.write_with(Path::new(SIMULATION), |bands| {
            d.write_with(Path::new(PROBABILITIES), |chances| {
                let mut csvs = plansim_core::export::SimulationCsvs::new(
                    &self.sc.name,
                    self.years,
                    bands,
                    chances,
                );
                each_path(self.sc, self.years, self.set, |p, values, sp| {
                    csvs.push(p, values, sp)?;
                    each(p, sp)
                })?;
                csvs.finish()
            })
        })
    }
}

/// `--format json`: the paths made beside the writer and handed over a few at a time.
fn print_json(
    out: &mut impl Write,
    head: &plansim_core::simulate::Simulation,
    made: &Made,
) -> anyhow::Result<()> {
    super::print_json_made(out, head, "paths", |send| {
        made.each(&mut |x, path| {
            // each path named, as the projection's are: the simulation's own paths are only
            // in the projection's order
            let s = &x.series;
            send(NamedPath {
                region: s.region.to_string(),
                plan: s.plan.to_string(),
                indicator: s.name.to_string(),
                unit: s.unit.to_string(),
                path: path.clone(),
            })
        })
    })
}

/// A simulated path with the names of its indicator (`--format json`).
#[derive(serde::Serialize)]
struct NamedPath {
    region: String,
    plan: String,
    indicator: String,
    unit: String,
    #[serde(flatten)]
    path: plansim_core::simulate::SimPath,
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
    sim: &plansim_core::simulate::Simulation,
    made: &Made,
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
    // what the terminal refused stops the paths, and is the error told
    let mut refused: Option<std::io::Error> = None;
    let mut undrawn = false;
    let col = |year: i32| usize::try_from(year - sim.years.first()?).ok();
    let passed = made.each(&mut |path, sp| {
        undrawn |= !sp.sigma_from.is_evidence();
        for c in &sp.chances {
            let b = col(c.year).and_then(|k| sp.bands.get(k));
            let row = vec![
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
            ];
            if let Err(e) = grid.add_row(out, row) {
                refused = Some(e);
                return Err(plansim_core::Error::Invalid("stdout".into()));
            }
        }
        Ok(())
    });
    if let Some(e) = refused {
        return Err(e.into());
    }
    passed?;
    grid.finish(out)?;
    writeln!(
        out,
        "{}",
        say(
            "P(meet | scenario): the share of draws meeting the target under this scenario's rates and σ — a what-if, conditional on the scenario, not a status (grades from outturns: plansim assess)",
            "情景下P(完成)：在本情景的增速与σ下达标的抽样比例——属情景假设，以情景为条件，并非评估结论（依据实际值的评估见 plansim assess）"
        )
    )?;
    if undrawn {
        writeln!(
            out,
            "{}",
            say(
                "targets with fewer than two yearly changes observed (each between two consecutive years' outturns, the base year's value counting as one) and no σ set by hand have no probability",
                "观测到的年度变化（相邻两年实际值之差，基期值计在内）不足两个且未手设σ的目标不给概率"
            )
        )?;
    }
    if made.sc.outturns.any_hypothetical() {
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
