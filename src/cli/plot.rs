//! `plansim plot SCENARIO...`: indicator, dashboard, gap and probability charts to PNG and SVG.

use plansim_core::output::{Delivery, Opening};
use plansim_report::report::charts::{indicator_chart, indicator_stem};
use plansim_report::report::computed::Computed;
use plansim_report::report::plan_charts::{plan_charts, plans};
use plansim_report::report::scenario::compute;
use plansim_report::report::{FONT_ASSET, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim plot scenarios/baseline.toml --kind dashboard
  plansim plot scenarios/shock-2024.toml scenarios/baseline.toml --indicator 地区生产总值
  plansim plot scenarios/tables/horqin.csv --format svg --size 1600x1000 --out output/svg";

#[derive(clap::Args)]
pub struct Args {
    /// Scenarios (or tables); the first is charted, the others add their paths to its indicator charts
    #[arg(required = true)]
    pub scenarios: Vec<PathBuf>,
    /// Only this indicator (as named in the table) for indicator charts
    #[arg(long)]
    indicator: Option<String>,
    /// Which charts [default: indicator with --indicator, else all]
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// Output folder
    #[arg(long, default_value = "output/plots")]
    out: PathBuf,
    /// Image size WIDTHxHEIGHT (default: 1000x600; dashboards 1600 wide, taller for more panels)
    #[arg(long, value_parser = super::parse_size)]
    size: Option<(u32, u32)>,
    /// Image format
    #[arg(long, value_enum, default_value_t = Image::Both)]
    format: Image,
    /// Region of tables without a region column (default: the file name, or the scenario's
    /// `region`)
    #[arg(long)]
    region: Option<String>,
    /// Draws for the fan and the probabilities (default: the scenario's)
    #[arg(long)]
    draws: Option<usize>,
    /// Refuse a table with an unreadable cell instead of running without its rows
    #[arg(long)]
    strict: bool,
    /// Outturn files besides the scenarios' own `actuals` (repeatable)
    #[arg(long, value_name = "FILE")]
    actuals: Vec<PathBuf>,
    /// If another plansim run is writing into --out, wait for it instead of failing at once
    #[arg(long)]
    wait: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// One chart per indicator: outturns, projected path, fan and target
    Indicator,
    /// Every target of a plan on one page, a small panel each
    Dashboard,
    /// Current against required pace from the outturns (`feasibility` names it too)
    #[value(alias = "feasibility")]
    Gap,
    /// The probability of meeting each target under the scenario
    Probability,
    /// All of the above
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Image {
    /// Raster images
    Png,
    /// Vector images, for print and editing
    Svg,
    /// PNG and SVG side by side
    Both,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = Options {
        draws: args.draws,
        strict: args.strict,
        outturn_files: args.actuals.clone(),
        region: args.region.clone(),
        lang: super::lang(),
        ..Options::default()
    };
    let memo = plansim_core::simulate::Memo::default();
    let runs: Vec<Computed> = args
        .scenarios
        .iter()
        .map(|p| compute(p, &opts, &memo))
        .collect::<Result<_, _>>()?;
    let mut left_out = false;
    for run in &runs {
        super::warn(&run.sc.notices);
        left_out |= super::tell_left_out(&run.sc);
    }
    // the folder is opened (and made) once the inputs have run: a bad input leaves no trace;
    // all charts arrive together, or none
    let delivery = Delivery::open(
        &args.out,
        &Opening {
            wait: args.wait,
            faults: None,
        },
    )?;
    let all: Vec<&Computed> = runs.iter().collect();
    let run = &runs[0];
    let lang = opts.lang;
    // one indicator asked for: its charts, not every region's dashboards besides
    let kind = args.kind.unwrap_or(if args.indicator.is_some() {
        Kind::Indicator
    } else {
        Kind::All
    });
    let want = |k: &str| kind == Kind::All || format!("{kind:?}").eq_ignore_ascii_case(k);
    let mut files = Files {
        args: &args,
        delivery: &delivery,
        written: 0,
        font_written: false,
    };
    if want("indicator") {
        let (w, h) = args.size.unwrap_or((1000, 600));
        let mut found = false;
        for (i, path) in run.p.paths.iter().enumerate() {
            if args
                .indicator
                .as_deref()
                .is_some_and(|n| !path.series.named(n))
            {
                continue;
            }
            found = true;
            let chart = indicator_chart(run, i, &all, lang);
            files.save(
                indicator_stem(run, i),
                &|| Ok(plansim_report::chart::png(&chart, w, h)?),
                &|| Ok(plansim_report::chart::svg(&chart, w, h)?),
            )?;
        }
        if let (Some(n), false) = (&args.indicator, found) {
            let names: Vec<&str> = run.p.paths.iter().map(|x| x.series.name.as_str()).collect();
            let near = plansim_core::text::nearest(n, names);
            let path = args.scenarios[0].display();
            let said = match super::lang() {
                plansim_core::lang::Lang::Zh => format!("{path} 中没有名为 `{n}` 的预测指标"),
                plansim_core::lang::Lang::En => {
                    format!("no projected indicator named `{n}` in {path}")
                }
            };
            anyhow::bail!("{said}{}", super::lang().did_you_mean(&near));
        }
    }
    for (region, plan) in plans(run) {
        for chart in plan_charts(run, &all, &region, &plan, lang)
            .into_iter()
            .filter(|c| want(c.kind()))
        {
            files.save(chart.stem(), &|| chart.png(args.size), &|| {
                chart.svg(args.size)
            })?;
        }
    }
    let written = files.written;
    // plot adds to its folder: charts of earlier runs stay (none is stale)
    delivery.commit(&Default::default())?;
    println!(
        "{}",
        super::words::wrote(
            super::lang(),
            &match super::lang() {
                plansim_core::lang::Lang::Zh =>
                    format!("{written} 个图表 → {}", args.out.display()),
                plansim_core::lang::Lang::En =>
                    format!("{written} charts → {}", args.out.display()),
            }
        )
    );
    Ok(super::done(left_out))
}

/// The chart files of a run, in the formats asked for, with the bundled font beside the SVGs.
struct Files<'a> {
    args: &'a Args,
    delivery: &'a Delivery,
    /// Charts written.
    written: usize,
    font_written: bool,
}

impl Files<'_> {
    /// Writes one chart as `stem.png` and/or `stem.svg`.
    fn save(
        &mut self,
        stem: String,
        png: &dyn Fn() -> plansim_report::Result<Vec<u8>>,
        svg: &dyn Fn() -> plansim_report::Result<String>,
    ) -> anyhow::Result<()> {
        let d = self.delivery;
        if self.args.format != Image::Svg {
            d.write(Path::new(&format!("{stem}.png")), &png()?)?;
            self.written += 1;
        }
        if self.args.format != Image::Png {
            // the text names the bundled font, written once beside the SVGs
            let svg = plansim_report::chart::with_cjk_font(&svg()?, FONT_ASSET);
            d.write(Path::new(&format!("{stem}.svg")), svg.as_bytes())?;
            self.written += 1;
            if !self.font_written {
                d.write(
                    Path::new(FONT_ASSET),
                    plansim_report::chart::font::FONT_BYTES,
                )?;
                self.font_written = true;
            }
        }
        Ok(())
    }
}
