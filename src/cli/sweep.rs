//! `plansim sweep SCENARIO --indicator NAME --delta -3..3`: which rate changes, on top of the
//! scenario's own rates, meet the targets, and how likely under the scenario's σ.

use super::project::{load, num};
use super::{Format, say, text_table, write_csv};
use plansim_core::lang::Column;
use plansim_core::lang::Lang;
use plansim_core::scenario::Selector;
use plansim_core::simulate::Settings;
use plansim_core::sweep::{Sweep, SweepRow};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim sweep scenarios/baseline.toml --indicator 地区生产总值增长率 --delta -1..1
  plansim sweep scenarios/horqin-outturn.toml --indicator 地区生产总值 --delta 0..4 --step 1
  plansim sweep scenarios/shock-2024.toml --indicator 地区生产总值 --region 科尔沁区 --from 2025";

#[derive(clap::Args)]
pub struct Args {
    /// A scenario (.toml) or a table
    pub scenario: PathBuf,
    /// Indicator name (as in the table)
    #[arg(long)]
    indicator: String,
    /// Region: of tables without a region column (default: the file name), and the one swept
    /// where several plans share the indicator name (else each region is shown apart)
    #[arg(long)]
    region: Option<String>,
    /// Range of rate changes in points, e.g. -3..3
    #[arg(long, allow_hyphen_values = true, default_value = "-3..3")]
    delta: String,
    /// Grid step in points
    #[arg(long, default_value_t = 0.5)]
    step: f64,
    /// First year changed (default: the first year after the latest outturn, else the first
    /// projected year); shocked and observed years are never changed
    #[arg(long)]
    from: Option<i32>,
    /// Draws for P(meet) (default: the scenario's)
    #[arg(long)]
    draws: Option<usize>,
    /// How to print the results
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Outturn files besides the scenario's own `actuals` (repeatable)
    #[arg(long, value_name = "FILE")]
    actuals: Vec<PathBuf>,
    /// Refuse a table with an unreadable cell instead of running without its rows
    #[arg(long)]
    strict: bool,
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
    let deltas = plansim_core::sweep::grid(&args.delta, args.step)?;
    let widest = deltas.iter().fold(0.0f64, |m, d| m.max(d.abs()));
    if widest > 0.0 && widest < 0.1 {
        let msg = plansim_core::lang::Msg::DeltasLookLikeFractions {
            text: args.delta.clone(),
        };
        eprintln!(
            "{}{}",
            super::words::prefix(super::lang(), false),
            msg.render(super::lang())
        );
    }
    let select = Selector {
        indicator: Some(args.indicator),
        region: args.region.map(|r| vec![r]),
        ..Selector::default()
    };
    let mut set = Settings::from_scenario(&sc);
    set.draws = args.draws.unwrap_or(set.draws);
    let sweep = plansim_core::sweep::sweep(&sc, &select, &deltas, args.from, &set)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Csv => write_csv(&sweep.rows)?,
        Format::Json => {
            let head = plansim_core::sweep::Sweep {
                rows: Vec::new(),
                decimals: sweep.decimals,
                draws: sweep.draws,
            };
            super::print_json_object(&mut out, &head, "rows", &sweep.rows)?
        }
        Format::Table => write_table(&mut out, &sweep, super::lang())?,
    }
    Ok(super::done(left_out))
}

/// One table per region and plan: the same name in two plans is two indicators.
fn write_table(out: &mut impl Write, sweep: &Sweep, lang: Lang) -> anyhow::Result<()> {
    let d = sweep.decimals;
    let mut groups: Vec<Vec<&SweepRow>> = Vec::new();
    for r in &sweep.rows {
        match groups.last_mut() {
            Some(g) if g[0].region == r.region && g[0].plan == r.plan => g.push(r),
            _ => groups.push(vec![r]),
        }
    }
    for g in groups {
        let first = g[0];
        // a table without a plan column names none
        let plan = if first.plan.is_empty() {
            String::new()
        } else {
            format!(" ({})", first.plan)
        };
        writeln!(
            out,
            "{} {}{plan} — {} {}",
            first.region,
            first.indicator,
            say("from", "起始年"),
            first.from
        )?;
        let rate_head = match lang {
            Lang::Zh => format!("{} 年增速", first.from),
            Lang::En => format!("rate {}", first.from),
        };
        let mut grid = text_table(&[
            say("Δ points", "Δ 百分点"),
            &rate_head,
            Column::Year.say(lang),
            Column::Target.say(lang),
            say("value", "预测值"),
            say("met", "完成"),
            say("P(meet)", "P(完成)"),
        ]);
        for r in g {
            grid.add_row(vec![
                format!("{:+.d$}", r.delta),
                format!("{:.d$}%", r.rate),
                r.year.to_string(),
                r.target.clone(),
                r.value.map(num).unwrap_or_default(),
                match r.met {
                    Some(true) => say("yes", "是").into(),
                    Some(false) => say("no", "否").into(),
                    None => String::new(),
                },
                r.probability
                    .map(|p| format!("{:.0}%", p * 100.0))
                    .unwrap_or_default(),
            ]);
        }
        writeln!(out, "{grid}")?;
    }
    let (open, close) = if lang.is_en() {
        (" (", ")")
    } else {
        ("（", "）")
    };
    writeln!(
        out,
        "{}{open}{} {}{close}",
        say(
            "P(meet): the share of draws meeting the target under the scenario's σ — conditional on the scenario, not a forecast",
            "P(完成)：在本情景的 σ 下完成目标的模拟比例——以本情景为前提，并非预测"
        ),
        sweep.draws,
        Column::Draws.say(lang)
    )?;
    Ok(())
}
