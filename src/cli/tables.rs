//! `plansim tables FILE...`: every row as read, raw cells beside their meaning.

use super::{Format, lang, say, text_table};
use plansim_core::export::{annotations, note_label, write_table_rows_csv};
use plansim_core::lang::{Column, Lang};
use plansim_core::table::{Cell, Form, Indicator, LoadOptions, RateKind, Table};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim tables scenarios/tables/horqin.csv
  plansim tables plan.xlsx --sheet 附表1 --region 科尔沁区
  plansim tables scenarios/tables/*.csv --format csv > rows.csv";

#[derive(clap::Args)]
pub struct Args {
    /// Indicator tables: CSV or text in UTF-8 (with or without BOM), UTF-16 or GBK/GB18030,
    /// separated by comma, tab or semicolon; or XLSX
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// How to print the results
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

/// A row of `--format json`: the row as read and its meaning.
#[derive(serde::Serialize)]
struct WithMeaning<'a> {
    #[serde(flatten)]
    row: &'a Indicator,
    meaning: plansim_core::meaning::Meaning,
}

/// The target's meaning; a growth target stated only in the rate column is read from there
/// (`7左右 a year`, `above GDP增长`).
fn target_meaning(ind: &Indicator) -> String {
    if !ind.target.is_none() || ind.rate.is_none() {
        return meaning(&ind.target);
    }
    match (&ind.rate.form, ind.rate_kind) {
        (f, RateKind::Annual) if ind.rate.is_numeric() && !matches!(f, Form::Points { .. }) => {
            format!("{} {}", meaning(&ind.rate), say("a year", "每年"))
        }
        _ => meaning(&ind.rate),
    }
}

/// The cell's reading and, where it differs, the target the row's meaning makes of it, with
/// the way it should move: `[1] total → 78.1 (rising)`, `1.2 → ≥1.2 (rising)`;
/// `70（上升）` in Chinese.
fn meaning_words(ind: &Indicator) -> String {
    let m = plansim_core::meaning::Meaning::of(ind);
    let cell = target_meaning(ind);
    let dir = match m.direction {
        plansim_core::table::Direction::Rising => say(" (rising)", "（上升）"),
        plansim_core::table::Direction::Falling => say(" (falling)", "（下降）"),
    };
    match plansim_core::export::goal_text(&m, m.base.map_or(ind.base_year, |b| b.0)) {
        Some(goal) if goal != cell && !m.target.rule().starts_with("annual") => {
            format!("{cell} → {goal}{dir}")
        }
        _ => format!("{cell}{dir}"),
    }
}

/// `4以内 → ≤4`, `305.8亿 → 305.8亿`, `— → none`.
fn meaning(cell: &Cell) -> String {
    match &cell.form {
        Form::None => say("none", "无").into(),
        Form::Delegated { .. } => say("delegated", "上级下达").into(),
        Form::Qualitative { .. } => say("qualitative", "定性").into(),
        Form::Relational(r) => format!("{} {}", r.relation.say(super::lang()), r.other),
        Form::Points { value }
            if cell.is_period_total() || cell.raw.contains(['〔', '[', '【']) =>
        {
            format!(
                "{}{value} {}",
                if value.value >= 0.0 { "+" } else { "" },
                say("from the base", "（较基期）")
            )
        }
        _ if cell.is_period_total() => format!("{cell} {}", say("total", "累计")),
        _ => cell.to_string(),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = LoadOptions {
        sheet: args.sheet,
        region: args.region,
        lenient: !args.strict,
    };
    let (mut tables, errors) = plansim_core::table::load_all(&args.files, &opts);
    // a row stating another's target again is listed as such: the other commands fold it in
    for t in &mut tables {
        plansim_core::meaning::mark_readings(&mut t.indicators);
    }
    let all: Vec<&Indicator> = tables.iter().flat_map(|t| &t.indicators).collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            // each row as read, with the meaning every command uses beside it
            let rows = all.iter().map(|ind| WithMeaning {
                row: ind,
                meaning: plansim_core::meaning::Meaning::of(ind),
            });
            super::print_json_array(&mut out, rows)?
        }
        Format::Csv => write_table_rows_csv(&mut out, all.iter().copied())?,
        Format::Table => print_tables(&mut out, &tables)?,
    }
    let unread = tell_unread(&tables);
    for e in &errors {
        eprintln!("{}", super::lib_error(e));
    }
    Ok(if errors.is_empty() && unread == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

/// Each table's rows as a grid on stdout, with the notes under it.
fn print_tables(out: &mut impl Write, tables: &[Table]) -> anyhow::Result<()> {
    for t in tables {
        writeln!(
            out,
            "{}: {} {}",
            t.path.display(),
            t.indicators.len(),
            say("rows", "行")
        )?;
        let mut grid = super::Blocks::new(|| {
            text_table(&[
                Column::Row.say(lang()),
                say("seq", "序号"),
                say("category", "类别"),
                Column::Indicator.say(lang()),
                Column::Unit.say(lang()),
                say("years", "年份"),
                say("base", "基期值"),
                Column::Target.say(lang()),
                say("meaning", "含义"),
                Column::Rate.say(lang()),
                say("attr", "属性"),
                say("notes", "注"),
            ])
        });
        for ind in &t.indicators {
            grid.add_row(
                out,
                vec![
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
                    meaning_words(ind),
                    ind.rate.raw.clone(),
                    ind.attribute.label().to_string(),
                    annotations(ind, lang()).join(if lang().is_en() { "; " } else { "；" }),
                ],
            )?;
        }
        grid.finish(out)?;
        for n in &t.notes {
            match lang() {
                Lang::En => writeln!(out, "{} {} (row {})", note_label(n), n.text, n.row)?,
                Lang::Zh => writeln!(out, "{} {}（第 {} 行）", note_label(n), n.text, n.row)?,
            }
        }
    }
    Ok(())
}

/// The tables' warnings and left-out rows on stderr; how many tables left rows out.
fn tell_unread(tables: &[Table]) -> usize {
    for t in tables {
        for w in &t.warnings {
            eprintln!("{}", super::table_warning(&t.path, w));
        }
    }
    let mut unread = 0;
    for t in tables {
        if !t.unread.is_empty() {
            unread += 1;
            let rows = t
                .unread
                .iter()
                .map(|c| c.row)
                .collect::<std::collections::BTreeSet<_>>();
            eprintln!(
                "{}",
                super::lib_error(&plansim_core::Error::Cells {
                    path: t.path.clone(),
                    errors: t.unread.clone(),
                })
            );
            let list: Vec<String> = rows.iter().map(usize::to_string).collect();
            let (path, n) = (t.path.display(), t.indicators.len());
            eprintln!(
                "{}",
                match super::lang() {
                    Lang::En => format!(
                        "plansim: {path}: row{} {} left out; the {n} rows that read are shown",
                        if rows.len() == 1 { "" } else { "s" },
                        list.join(", "),
                    ),
                    Lang::Zh => format!(
                        "plansim：{path}：第 {} 行未读入；下面列出读入的 {n} 行",
                        list.join("、")
                    ),
                }
            );
        }
    }
    unread
}
