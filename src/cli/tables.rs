//! `plansim tables FILE...`: every row as read, raw cells beside their meaning.

use super::{Format, text_table, write_csv};
use plansim::table::{Cell, Form, Indicator, LoadOptions};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim tables scenarios/tables/horqin.csv
  plansim tables plan.xlsx --sheet 附表1 --region 科尔沁区
  plansim tables scenarios/tables/*.csv --format csv > rows.csv";

#[derive(clap::Args)]
pub struct Args {
    /// Indicator tables: CSV (UTF-8, GBK; comma or tab) or XLSX
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Sheet of an XLSX file (default: the first)
    #[arg(long)]
    sheet: Option<String>,
    /// Region for tables without a region column (default: the file name)
    #[arg(long)]
    region: Option<String>,
}

/// One row of `tables --format csv`.
#[derive(Serialize)]
struct Row<'a> {
    file: String,
    row: usize,
    region: &'a str,
    plan: &'a str,
    seq: &'a str,
    category: &'a str,
    indicator: &'a str,
    indicator_en: &'a str,
    unit: &'a str,
    value_unit: String,
    base_year: i32,
    base: &'a str,
    base_kind: &'static str,
    base_value: Option<f64>,
    target_year: i32,
    target: &'a str,
    target_kind: &'static str,
    target_low: Option<f64>,
    target_high: Option<f64>,
    period_total: bool,
    rate: &'a str,
    rate_kind: &'static str,
    rate_value: Option<f64>,
    rate_cumulative: bool,
    attribute: &'static str,
    direction: &'static str,
    source: &'a str,
}

/// The low and high ends a target allows, in the value unit (`None` = open).
fn target_bounds(ind: &Indicator) -> (Option<f64>, Option<f64>) {
    let f = ind.factor(&ind.target);
    match &ind.target.form {
        Form::Number { value } | Form::About { value } => {
            (Some(value.value * f), Some(value.value * f))
        }
        Form::AtLeast { value, .. } => (Some(value.value * f), None),
        Form::AtMost { value, .. } => (None, Some(value.value * f)),
        Form::Range { low, high } => (Some(low.value * f), Some(high.value * f)),
        _ => (None, None),
    }
}

fn row(ind: &Indicator) -> Row<'_> {
    let (target_low, target_high) = target_bounds(ind);
    Row {
        file: ind.file.display().to_string(),
        row: ind.row,
        region: &ind.region,
        plan: &ind.plan,
        seq: &ind.seq,
        category: &ind.category,
        indicator: &ind.name,
        indicator_en: &ind.name_en,
        unit: &ind.unit.raw,
        value_unit: ind.value_unit(),
        base_year: ind.base_year,
        base: &ind.base.raw,
        base_kind: ind.base.kind(),
        base_value: ind.base.point().map(|n| n.value * ind.factor(&ind.base)),
        target_year: ind.target_year,
        target: &ind.target.raw,
        target_kind: ind.target.kind(),
        target_low,
        target_high,
        period_total: ind.target.is_period_total(),
        rate: &ind.rate.raw,
        rate_kind: ind.rate.kind(),
        rate_value: ind.rate.point().map(|n| n.value),
        rate_cumulative: ind.rate_cumulative || ind.rate.is_period_total(),
        attribute: match ind.attribute {
            plansim::Attribute::Expected => "expected",
            plansim::Attribute::Binding => "binding",
            plansim::Attribute::Unstated => "",
        },
        direction: ind.direction_word(),
        source: &ind.source,
    }
}

/// `4以内 → ≤4`, `305.8亿 → 305.8亿`, `— → none`.
fn meaning(cell: &Cell) -> String {
    match cell.form {
        Form::None => super::w("none").into(),
        Form::Delegated { .. } => super::w("delegated").into(),
        Form::Qualitative { .. } => super::w("qualitative").into(),
        _ if cell.is_period_total() => format!("{cell} {}", super::w("total")),
        _ => cell.to_string(),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = LoadOptions {
        sheet: args.sheet,
        region: args.region,
    };
    let (tables, errors) = plansim::table::load_all(&args.files, &opts);
    let all: Vec<&Indicator> = tables.iter().flat_map(|t| &t.indicators).collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?,
        Format::Csv => write_csv(all.iter().map(|i| row(i)))?,
        Format::Table => {
            for t in &tables {
                writeln!(
                    out,
                    "{}: {} {}",
                    t.path.display(),
                    t.indicators.len(),
                    super::w("rows")
                )?;
                let mut grid = text_table(&[
                    "row",
                    "category",
                    "indicator",
                    "unit",
                    "years",
                    "base",
                    "target",
                    "meaning",
                    "rate",
                    "attr",
                ]);
                for ind in &t.indicators {
                    grid.add_row(vec![
                        ind.row.to_string(),
                        ind.category.clone(),
                        ind.name.clone(),
                        ind.unit.raw.clone(),
                        format!("{}→{}", ind.base_year, ind.target_year),
                        ind.base.raw.clone(),
                        ind.target.raw.clone(),
                        format!("{} ({})", meaning(&ind.target), ind.direction_word()),
                        ind.rate.raw.clone(),
                        ind.attribute.label().to_string(),
                    ]);
                }
                writeln!(out, "{grid}")?;
            }
        }
    }
    for e in &errors {
        eprintln!("{}", super::lib_error(e));
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
