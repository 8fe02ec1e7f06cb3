//! `plansim plot SCENARIO...`: feasibility charts to PNG and SVG.

use plansim::report::Options;
use plansim::report::charts::{
    dashboard, feasibility, file_stem, indicator_chart, plans, probability,
};
use plansim::report::scenario::{Computed, compute};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Scenarios (or tables); the first is charted, the others add their paths to its indicator charts
    #[arg(required = true)]
    scenarios: Vec<PathBuf>,
    /// Only this indicator (as named in the table) for indicator charts
    #[arg(long)]
    indicator: Option<String>,
    /// Which charts
    #[arg(long, value_enum, default_value_t = Kind::All)]
    kind: Kind,
    /// Output folder
    #[arg(long, default_value = "output/plots")]
    out: PathBuf,
    /// Image size WIDTHxHEIGHT (default: 1000x600; dashboards 1600 wide, taller for more panels)
    #[arg(long, value_parser = super::parse_size)]
    size: Option<(u32, u32)>,
    /// Label language: Chinese, or English from the indicator_en column
    #[arg(long, value_enum, default_value_t = super::report::Lang::Zh)]
    lang: super::report::Lang,
    /// png, svg or both
    #[arg(long, value_enum, default_value_t = Image::Both)]
    format: Image,
    /// Draws for the fan and the probabilities (default: the scenario's)
    #[arg(long)]
    draws: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Indicator,
    Dashboard,
    Feasibility,
    Probability,
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Image {
    Png,
    Svg,
    Both,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = Options {
        draws: args.draws,
        english: args.lang == super::report::Lang::En,
        ..Options::default()
    };
    let runs: Vec<Computed> = args
        .scenarios
        .iter()
        .map(|p| compute(p, &opts))
        .collect::<Result<_, _>>()?;
    let all: Vec<&Computed> = runs.iter().collect();
    let run = &runs[0];
    let english = opts.english;
    let want = |k: Kind| args.kind == Kind::All || args.kind == k;
    let mut written = Vec::new();
    let mut save = |name: String,
                    chart: &dyn Fn(u32, u32) -> plansim::Result<(Vec<u8>, String)>,
                    size: (u32, u32)|
     -> anyhow::Result<()> {
        let (png, svg) = chart(size.0, size.1)?;
        if args.format != Image::Svg {
            let p = plansim::output::inside(&args.out, &PathBuf::from(format!("{name}.png")))?;
            plansim::output::write_atomic(&p, &png)?;
            written.push(p);
        }
        if args.format != Image::Png {
            let p = plansim::output::inside(&args.out, &PathBuf::from(format!("{name}.svg")))?;
            plansim::output::write_atomic(&p, svg.as_bytes())?;
            written.push(p);
        }
        Ok(())
    };
    fn both<C: plansim::chart::Draw>(c: &C, w: u32, h: u32) -> plansim::Result<(Vec<u8>, String)> {
        Ok((plansim::chart::png(c, w, h)?, plansim::chart::svg(c, w, h)?))
    }
    if want(Kind::Indicator) {
        let mut found = false;
        for (i, path) in run.p.paths.iter().enumerate() {
            if args
                .indicator
                .as_deref()
                .is_some_and(|n| n != path.series.name)
            {
                continue;
            }
            found = true;
            let chart = indicator_chart(run, i, &all, english);
            let name = format!(
                "{:03}-{}-{}",
                i + 1,
                file_stem(&path.series.region),
                file_stem(&path.series.name)
            );
            save(
                name,
                &|w, h| both(&chart, w, h),
                args.size.unwrap_or((1000, 600)),
            )?;
        }
        if let (Some(n), false) = (&args.indicator, found) {
            anyhow::bail!(
                "no projected indicator named `{n}` in {}",
                args.scenarios[0].display()
            );
        }
    }
    for (region, plan) in plans(run) {
        let stem = file_stem(&format!("{region}-{plan}"));
        if want(Kind::Dashboard) {
            let d = dashboard(run, &region, &plan, english);
            let rows = d.panels.len().div_ceil(4).max(1) as u32;
            let size = args
                .size
                .unwrap_or((1600, (rows * 300 + 140).clamp(600, 6000)));
            save(format!("dashboard-{stem}"), &|w, h| both(&d, w, h), size)?;
        }
        if want(Kind::Probability) {
            let c = probability(run, &region, &plan, english);
            if !c.bars.is_empty() {
                let size = args
                    .size
                    .unwrap_or((1000, (c.bars.len() as u32 * 30 + 160).clamp(400, 6000)));
                save(format!("probability-{stem}"), &|w, h| both(&c, w, h), size)?;
            }
        }
        if want(Kind::Feasibility) {
            let c = feasibility(run, &region, &plan, english);
            if !c.points.is_empty() {
                save(
                    format!("feasibility-{stem}"),
                    &|w, h| both(&c, w, h),
                    args.size.unwrap_or((1000, 800)),
                )?;
            }
        }
    }
    println!("wrote {} files to {}", written.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}
