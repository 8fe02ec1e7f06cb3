//! `plansim tables FILE...`: every row as read, raw cells beside their meaning.

use super::{Format, text_table, write_csv};
use plansim::table::{Cell, Form, Indicator, LoadOptions, RateKind};
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
    /// Show no row of a table with an unreadable cell
    #[arg(long)]
    strict: bool,
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
    /// What the rate column states: annual, total-percent, total-amount, yearly.
    rate_reading: &'static str,
    attribute: &'static str,
    direction: &'static str,
    source: &'a str,
    /// What the notes, marks, name and rate column add, as in the readable table.
    notes: String,
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
        rate_reading: rate_kind(ind.rate_kind),
        attribute: match ind.attribute {
            plansim::Attribute::Expected => "expected",
            plansim::Attribute::Binding => "binding",
            plansim::Attribute::Unstated => "",
        },
        direction: ind.direction_word(),
        source: &ind.source,
        notes: annotations(ind).join("; "),
    }
}

fn rate_kind(kind: RateKind) -> &'static str {
    match kind {
        RateKind::Annual => "annual",
        RateKind::TotalPercent => "total-percent",
        RateKind::TotalAmount => "total-amount",
        RateKind::Yearly => "yearly",
    }
}

/// What a row says beyond its cells' values, briefly: `base 2019 ②`, `rate total 2021–2025
/// in 岁 ①`, `rate above 国内生产总值（GDP）增长`, `target from rate`, `sub-item of …`, `note ③`.
fn annotations(ind: &Indicator) -> Vec<String> {
    let mut out = Vec::new();
    for (assumed, what, year) in [
        (ind.base_year_assumed, "base", ind.base_year),
        (ind.target_year_assumed, "target", ind.target_year),
    ] {
        if assumed {
            out.push(format!("{what} year {year} assumed"));
        }
    }
    if let Some(p) = &ind.name_parts.parent {
        out.push(format!("sub-item of {p}"));
    }
    for (what, cell) in [
        ("base", &ind.base),
        ("target", &ind.target),
        ("rate", &ind.rate),
    ] {
        if what == "target" && ind.target_from_rate {
            out.push("target from rate".into());
            continue;
        }
        let mut says: Vec<String> = Vec::new();
        if let Some(y) = cell.year {
            says.push(y.to_string());
        }
        if cell.preliminary {
            says.push("preliminary".into());
        }
        if let Some([from, to]) = cell.period_years {
            let of = match (what, ind.rate_kind) {
                ("rate", RateKind::TotalPercent) => ", % change".to_string(),
                ("rate", RateKind::TotalAmount) if ind.unit.is_share() => " in points".into(),
                ("rate", RateKind::TotalAmount) => format!(" in {}", ind.unit.raw),
                _ => String::new(),
            };
            says.push(format!("total {from}–{to}{of}"));
        }
        if what == "rate" && ind.rate_kind == RateKind::Yearly {
            says.push("each year's value".into());
        }
        if let Form::Relational {
            relation,
            other,
            indicator,
            ..
        } = &cell.form
        {
            says.push(format!(
                "{} {}",
                relation.words(),
                indicator.as_deref().unwrap_or(other)
            ));
        }
        if let Some(r) = &cell.remark {
            says.push(format!("+ {r}"));
        }
        let labels: String = cell.notes.iter().map(note_label).collect();
        if !labels.is_empty() {
            says.push(labels);
        }
        if !says.is_empty() {
            out.push(format!("{what} {}", says.join(" ")));
        }
    }
    for n in &ind.notes {
        out.push(format!("note {}", note_label(n)));
    }
    if !ind.remark.is_empty() {
        out.push(format!("备注 {}", ind.remark));
    }
    out
}

/// `①` as printed; `注1` for a note numbered `1.`, `注` for one without a number.
fn note_label(n: &plansim::table::Note) -> String {
    match n.label.chars().next() {
        Some(c) if !c.is_ascii_digit() => n.label.clone(),
        _ => format!("注{}", n.label),
    }
}

/// The target's meaning; a growth target stated only in the rate column is read from there
/// (`7左右 a year`, `above GDP增长`).
fn target_meaning(ind: &Indicator) -> String {
    if !ind.target.is_none() || ind.rate.is_none() {
        return meaning(&ind.target);
    }
    match (&ind.rate.form, ind.rate_kind) {
        (f, RateKind::Annual) if ind.rate.is_numeric() && !matches!(f, Form::Points { .. }) => {
            format!("{} {}", meaning(&ind.rate), super::w("a year"))
        }
        _ => meaning(&ind.rate),
    }
}

/// `4以内 → ≤4`, `305.8亿 → 305.8亿`, `— → none`.
fn meaning(cell: &Cell) -> String {
    match &cell.form {
        Form::None => super::w("none").into(),
        Form::Delegated { .. } => super::w("delegated").into(),
        Form::Qualitative { .. } => super::w("qualitative").into(),
        Form::Relational {
            relation, other, ..
        } => format!("{} {other}", super::w(relation.words())),
        Form::Points { value }
            if cell.is_period_total() || cell.raw.contains(['〔', '[', '【']) =>
        {
            format!(
                "{}{value} {}",
                if value.value >= 0.0 { "+" } else { "" },
                super::w("from the base")
            )
        }
        _ if cell.is_period_total() => format!("{cell} {}", super::w("total")),
        _ => cell.to_string(),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = LoadOptions {
        sheet: args.sheet,
        region: args.region,
        lenient: !args.strict,
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
                    "seq",
                    "category",
                    "indicator",
                    "unit",
                    "years",
                    "base",
                    "target",
                    "meaning",
                    "rate",
                    "attr",
                    "notes",
                ]);
                for ind in &t.indicators {
                    grid.add_row(vec![
                        ind.row.to_string(),
                        ind.seq.clone(),
                        ind.category.clone(),
                        ind.name.clone(),
                        ind.unit.raw.clone(),
                        format!("{}→{}", ind.base_year, ind.target_year),
                        ind.base.raw.clone(),
                        if ind.target_from_rate {
                            String::new()
                        } else {
                            ind.target.raw.clone()
                        },
                        format!("{} ({})", target_meaning(ind), ind.direction_word()),
                        ind.rate.raw.clone(),
                        ind.attribute.label().to_string(),
                        annotations(ind).join("; "),
                    ]);
                }
                writeln!(out, "{grid}")?;
                for n in &t.notes {
                    writeln!(out, "{} {} (row {})", note_label(n), n.text, n.row)?;
                }
            }
        }
    }
    for t in &tables {
        for w in &t.warnings {
            eprintln!("plansim: warning: {}:{}: {w}", t.path.display(), w.row);
        }
    }
    let mut unread = 0;
    for t in &tables {
        if !t.unread.is_empty() {
            unread += 1;
            let rows = t
                .unread
                .iter()
                .map(|c| c.row)
                .collect::<std::collections::BTreeSet<_>>();
            eprintln!(
                "plansim: error: {}",
                plansim::Error::Cells {
                    path: t.path.clone(),
                    errors: t.unread.clone(),
                }
            );
            eprintln!(
                "plansim: {}: row{} {} left out; the {} rows that read are shown",
                t.path.display(),
                if rows.len() == 1 { "" } else { "s" },
                rows.iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                t.indicators.len()
            );
        }
    }
    for e in &errors {
        eprintln!("{}", super::lib_error(e));
    }
    Ok(if errors.is_empty() && unread == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
