//! Command line: one file per subcommand; each turns its arguments into library calls.

mod assess;
mod check;
mod explain;
mod inputs;
mod plot;
pub mod project;
mod report;
mod serve;
mod simulate;
mod sweep;
mod tables;
mod words;
mod wrap;

pub use inputs::{gather, report_skipped, unusable};

use clap::{Parser, Subcommand, ValueEnum};
use plansim_core::lang::Lang;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

/// Examples under the top-level help. Every help text gives them after both `-h` and `--help`;
/// `after_long_help` also makes `--help` the long layout (a description under each option) on
/// every command alike, not only on those with a described value list.
const TOP_EXAMPLES: &str = "Examples:\n  plansim check scenarios/tables/*.csv\n  plansim assess scenarios/national-14th.toml\n  plansim project scenarios/baseline.toml --years 2020,2025,2035\n  plansim report";

#[derive(Parser)]
#[command(
    name = "plansim",
    version,
    about = "Read, check, grade (assess), project and simulate the indicator tables of Chinese development plans",
    long_about = None,
    after_help = TOP_EXAMPLES,
    after_long_help = TOP_EXAMPLES
)]
struct Cli {
    /// Language of messages, findings and labels: zh or en (default: LANG when it names
    /// one, else Chinese for Chinese tables)
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    /// Largest input file to read (table, outturns, scenario): 256M by default; 1G, 512k,
    /// or bytes
    #[arg(long, global = true, value_name = "SIZE", value_parser = plansim_core::input::parse_size)]
    max_input: Option<u64>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Chinese
    Zh,
    /// English
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Print each row of indicator tables as read: raw cells and their meaning
    #[command(after_help = tables::EXAMPLES, after_long_help = tables::EXAMPLES)]
    Tables(tables::Args),
    /// Audit indicator tables: rates against targets, units, bounds, identities, plans
    #[command(after_help = check::EXAMPLES, after_long_help = check::EXAMPLES)]
    Check(check::Args),
    /// Grade every target from its outturns: 提前实现, 已实现, 快于预期, 基本符合预期, 滞后于预期, 未实现
    #[command(after_help = assess::EXAMPLES, after_long_help = assess::EXAMPLES)]
    Assess(assess::Args),
    /// Project every indicator year by year under a scenario (or a table's baseline)
    #[command(after_help = project::EXAMPLES, after_long_help = project::EXAMPLES)]
    Project(project::Args),
    /// List each rule of a scenario with its file and line and the rows it changed
    #[command(after_help = explain::EXAMPLES, after_long_help = explain::EXAMPLES)]
    Explain(explain::Args),
    /// Sweep an indicator's rate over a grid of changes: is each target met, how likely?
    #[command(after_help = sweep::EXAMPLES, after_long_help = sweep::EXAMPLES)]
    Sweep(sweep::Args),
    /// Monte Carlo: bands p5…p95 and the probability of meeting each target under the scenario (a what-if)
    #[command(after_help = simulate::EXAMPLES, after_long_help = simulate::EXAMPLES)]
    Simulate(simulate::Args),
    /// Charts of a scenario to PNG and SVG: indicator, dashboard, gap, probability
    #[command(after_help = plot::EXAMPLES, after_long_help = plot::EXAMPLES)]
    Plot(plot::Args),
    /// Batch report of every scenario: CSVs, charts, HTML and Markdown pages, an index
    #[command(after_help = report::EXAMPLES, after_long_help = report::EXAMPLES)]
    Report(report::Args),
    /// The what-if page in the browser: move a plan's rates, see its charts and targets at once
    #[command(after_help = serve::EXAMPLES, after_long_help = serve::EXAMPLES)]
    Serve(serve::Args),
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// The language of this run (English until the command line is read).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// A word of the command's tables, written as its pair, in this run's language.
pub fn say(en: &'static str, zh: &'static str) -> &'static str {
    lang().say(en, zh)
}

/// Prints a scenario's warnings on stderr, each with its file and line.
pub fn warn(notices: &[plansim_core::notice::Notice]) {
    for n in notices {
        eprintln!("{}{}", words::prefix(lang(), false), n.render(lang()));
    }
}

/// An error as this run's language says it.
pub fn error_text(e: &anyhow::Error) -> String {
    match e.downcast_ref::<plansim_core::Error>() {
        Some(p) => lib_error(p),
        None => format!("{}{e:#}", words::prefix(lang(), true)),
    }
}

/// A library error as this run's language says it: each of a scenario's notices on a line of
/// its own, other errors once (their lines go on under the first).
pub fn lib_error(e: &plansim_core::Error) -> String {
    let prefix = words::prefix(lang(), true);
    match e {
        plansim_core::Error::Notices { notices } => notices
            .iter()
            .map(|n| format!("{prefix}{}", n.render(lang())))
            .collect::<Vec<_>>()
            .join("\n"),
        plansim_core::Error::Io { path, error } if error.kind() == std::io::ErrorKind::NotFound => {
            let said = match lang() {
                Lang::Zh => format!("{}：文件或文件夹不存在", path.display()),
                Lang::En => e.render(lang()),
            };
            format!(
                "{prefix}{said}{}",
                nearest_files(path)
                    .map(|n| lang().did_you_mean(&n))
                    .unwrap_or_default()
            )
        }
        e => format!("{prefix}{}", e.render(lang())),
    }
}

/// A year of a list of years (`--years 2020,2025`), with the way to write several when it
/// is not one (`2020-2025`).
pub fn year(text: &str) -> Result<i32, String> {
    match text.trim().parse::<i32>() {
        Ok(y) if (1900..=2200).contains(&y) => Ok(y),
        _ => Err(format!(
            "`{text}` is not a year; list the years separated by commas: --years 2020,2025,2030"
        )),
    }
}

use plansim_core::input::nearest_files;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table for people
    #[default]
    Table,
    /// JSON for programs: every field of each row, numbers at full precision
    Json,
    /// CSV with a header row, for spreadsheets and scripts
    Csv,
}

pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    if let Some(limit) = cli.max_input {
        plansim_core::input::set_max_input(limit);
    }
    let inputs: Vec<PathBuf> = match &cli.command {
        Command::Tables(a) => a.files.clone(),
        Command::Check(a) => a.files.clone(),
        Command::Assess(a) => a.inputs.clone(),
        Command::Project(a) => vec![a.scenario.clone()],
        Command::Explain(a) => vec![a.scenario.clone()],
        Command::Sweep(a) => vec![a.scenario.clone()],
        Command::Simulate(a) => vec![a.scenario.clone()],
        Command::Plot(a) => a.scenarios.clone(),
        Command::Report(a) => report::inputs(a),
        Command::Serve(a) => serve::inputs(a),
    };
    let explicit = cli.lang.map(|l| match l {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    });
    let _ = LANG.set(plansim_core::lang::detect(explicit, &inputs));
    match cli.command {
        Command::Tables(args) => tables::run(args),
        Command::Check(args) => check::run(args),
        Command::Assess(args) => assess::run(args),
        Command::Project(args) => project::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Sweep(args) => sweep::run(args),
        Command::Simulate(args) => simulate::run(args),
        Command::Plot(args) => plot::run(args),
        Command::Report(args) => report::run_cmd(args),
        Command::Serve(args) => serve::run(args),
    }
}

/// Says on stderr which rows of a run's tables were left out and which columns and marks were
/// not read; true when rows were left out or no outturn given matches a row (the command then
/// exits 1).
pub fn tell_left_out(sc: &plansim_core::scenario::Scenario) -> bool {
    let warning = words::prefix(lang(), false);
    for l in &sc.left_out {
        for w in &l.warnings {
            eprintln!("{}", table_warning(&l.file, w));
        }
        if !l.cells.is_empty() {
            eprintln!("{warning}{}", l.summary(lang()));
        }
    }
    let left_out = sc.left_out.iter().any(|l| !l.cells.is_empty());
    // outturns were given and none reached a row: the run says nothing of them, so it fails
    if sc.outturns.none_matched() {
        let path = sc.path.display();
        eprintln!(
            "{}{}",
            words::prefix(lang(), true),
            match lang() {
                Lang::Zh =>
                    format!("给出的实际值没有一个与 {path} 的行匹配；结果未用到其中任何一个"),
                Lang::En =>
                    format!("no outturn matches any row of {path}; its results use none of them"),
            }
        );
        return true;
    }
    if left_out {
        eprintln!(
            "{}",
            say(
                "plansim: the results above leave those rows out; fix the cells, or pass --strict to refuse such tables",
                "plansim：以上结果未包含这些行；请修正这些单元格，或用 --strict 拒绝这样的表格"
            )
        );
    }
    left_out
}

/// A table's warning on stderr, in this run's language: `plansim：警告：t.csv:3: 第 3 行…`.
pub fn table_warning(path: &std::path::Path, w: &plansim_core::table::Warning) -> String {
    format!(
        "{}{}:{}: {}",
        words::prefix(lang(), false),
        path.display(),
        w.row,
        w.render(lang())
    )
}

/// The tables' warnings and unreadable cells (whose rows are left out) on stderr, in this
/// run's language.
pub fn tell_unread(
    warnings: &[(std::path::PathBuf, plansim_core::table::Warning)],
    unread: &[plansim_core::Error],
) {
    for (path, w) in warnings {
        eprintln!("{}", table_warning(path, w));
    }
    for e in unread {
        eprintln!("{}", lib_error(e));
    }
}

/// `--jobs` as run: more threads than cores only share the cores, so they are capped, with a
/// warning.
pub fn jobs(asked: usize) -> usize {
    let cores = plansim_core::simulate::cores();
    if asked > cores {
        eprintln!(
            "{}--jobs {asked}: this machine has {cores} cores; running {cores} threads",
            words::prefix(lang(), false)
        );
        cores
    } else {
        asked
    }
}

/// Exit code of a command that ran: 1 when rows were left out.
pub fn done(left_out: bool) -> ExitCode {
    if left_out {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes CSV rows to stdout.
pub fn write_csv<S: serde::Serialize>(rows: impl IntoIterator<Item = S>) -> anyhow::Result<()> {
    let mut w = plansim_core::csv_cell::Writer::new(std::io::stdout().lock());
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

/// Prints a JSON list (`--format json`), each item rounded and written as it is made rather
/// than the whole document built first, and a newline.
pub fn print_json_array<I>(out: &mut impl std::io::Write, items: I) -> anyhow::Result<()>
where
    I: IntoIterator,
    I::Item: serde::Serialize,
{
    let mut w = std::io::BufWriter::new(out);
    plansim_core::format::stream::write_array(&mut w, items)?;
    writeln!(w)?;
    w.flush()?;
    Ok(())
}

/// Prints a JSON object (`--format json`) whose field `key` is a long list, held empty in
/// `head` and made of `items` as it is written, and a newline.
pub fn print_json_object<H, I>(
    out: &mut impl std::io::Write,
    head: &H,
    key: &str,
    items: I,
) -> anyhow::Result<()>
where
    H: serde::Serialize,
    I: IntoIterator,
    I::Item: serde::Serialize,
{
    let mut w = std::io::BufWriter::new(out);
    plansim_core::format::stream::write_object(&mut w, head, key, items)?;
    writeln!(w)?;
    w.flush()?;
    Ok(())
}

/// [`print_json_object`] whose items are made beside the writer: `make` runs on a thread of its
/// own and hands each item to `send` as it is made, a few at a time, so neither side holds
/// them all; a writer that stops early (a closed pipe) stops the maker at its next item.
pub fn print_json_made<H, T>(
    out: &mut impl std::io::Write,
    head: &H,
    key: &str,
    make: impl FnOnce(&dyn Fn(T) -> plansim_core::Result<()>) -> plansim_core::Result<()> + Send,
) -> anyhow::Result<()>
where
    H: serde::Serialize,
    T: serde::Serialize + Send,
{
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(64);
        let maker = scope.spawn(move || {
            make(&|item| {
                tx.send(item)
                    .map_err(|_| plansim_core::Error::Invalid("the JSON writer stopped".into()))
            })
        });
        let written = print_json_object(out, head, key, rx.iter());
        drop(rx);
        let made = maker
            .join()
            .map_err(|_| anyhow::anyhow!("the thread making the JSON's items stopped"))?;
        written?;
        made?;
        Ok(())
    })
}

/// A table for the terminal, with widths that count Chinese characters as two columns; the
/// header words are the catalogue's, in this run's language.
pub fn text_table(header: &[&str]) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_content_arrangement(comfy_table::ContentArrangement::Disabled)
        .set_header(header.to_vec());
    t
}

/// Rows a terminal table prints at once: a longer table goes on in blocks of as many rows,
/// each under its header, so its cells (some 4 kB a row) are not all held before it prints.
pub const BLOCK_ROWS: usize = 1000;

/// A terminal table printed a block of [`BLOCK_ROWS`] rows at a time; `make` makes each
/// block's empty table, header and layout.
pub struct Blocks<F: Fn() -> comfy_table::Table> {
    make: F,
    grid: comfy_table::Table,
    rows: usize,
}

impl<F: Fn() -> comfy_table::Table> Blocks<F> {
    pub fn new(make: F) -> Blocks<F> {
        let grid = make();
        Blocks {
            make,
            grid,
            rows: 0,
        }
    }

    /// Adds a row, printing the block before it when that is full.
    pub fn add_row(&mut self, out: &mut impl Write, row: Vec<String>) -> std::io::Result<()> {
        if self.rows == BLOCK_ROWS {
            let full = std::mem::replace(&mut self.grid, (self.make)());
            writeln!(out, "{full}")?;
            self.rows = 0;
        }
        self.grid.add_row(row);
        self.rows += 1;
        Ok(())
    }

    /// Prints the last block (the whole table when it is short; its header alone when empty).
    pub fn finish(self, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, "{}", self.grid)
    }
}

/// A [`text_table`] whose long texts wrap in their column to keep the table within `width`
/// columns, rather than stretch the line.
pub fn wrapping_table(header: &[&str], width: u16) -> comfy_table::Table {
    let mut t = text_table(header);
    t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_width(width);
    t
}

/// Column `column` of a wrapping table at `width` terminal columns of text, its cells broken
/// by plansim ([`wrap::wrap`]), which the table then leaves as they are.
pub fn fixed_column(t: &mut comfy_table::Table, column: usize, width: u16) {
    use comfy_table::{ColumnConstraint, Width};
    if let Some(c) = t.column_mut(column) {
        // the padding, one space either side, is part of the column
        c.set_constraint(ColumnConstraint::Absolute(Width::Fixed(width + 2)));
    }
}

/// A cell of a column made by [`fixed_column`] at `width`.
pub fn wrapped(text: &str, width: u16) -> String {
    wrap::wrap(text, usize::from(width))
}

/// `1000x600` → (1000, 600); each side 200 to 8000 pixels.
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("`{s}`: expected WIDTHxHEIGHT such as 1000x600"))?;
    let side = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|v| (200..=8000).contains(v))
            .ok_or_else(|| format!("`{s}`: each side must be 200 to 8000 pixels"))
    };
    Ok((side(w)?, side(h)?))
}
