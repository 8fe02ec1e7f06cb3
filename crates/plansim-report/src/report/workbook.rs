//! `plansim.xlsx`: the file a planning office forwards. One workbook per report, every
//! scenario in it (a `scenario` column), headers in the page's language, numbers as numbers:
//! - the action table: every target's grade (coloured as on the pages) with the latest
//!   outturn, the pace the remaining years need against the observed one, and the gap, the
//!   targets that need action first;
//! - the projection, the simulation's bands and the probabilities in long format (as the CSVs);
//! - the consistency findings.
//!
//! A sheet that would pass Excel's 1,048,576 rows continues on a sheet of the same name with
//! a number (`模拟 2`), so no row is ever dropped.

use super::scenario::Computed;
use crate::assess::{Grade, Status};
use crate::error::{Error, Result};
use crate::export::{chance_rows, long_rows};
use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;

/// The workbook's name in the report's folder.
pub const NAME: &str = "plansim.xlsx";

/// Rows a sheet holds (Excel's limit), the header included.
const MAX_ROWS: u32 = 1_048_576;

/// One cell of a row.
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    /// A whole number: a year, a row.
    Whole(f64),
    /// A fraction shown as a percentage.
    Share(f64),
    Grade(Status, &'a str),
    Empty,
}

fn number(v: Option<f64>) -> Cell<'static> {
    v.filter(|v| v.is_finite())
        .map_or(Cell::Empty, Cell::Number)
}

fn share(v: Option<f64>) -> Cell<'static> {
    v.filter(|v| v.is_finite()).map_or(Cell::Empty, Cell::Share)
}

/// A sheet being written: continues on a new sheet when full.
struct Sheet<'f> {
    name: String,
    header: Vec<&'static str>,
    done: Vec<Worksheet>,
    ws: Worksheet,
    row: u32,
    formats: &'f Formats,
}

struct Formats {
    head: Format,
    share: Format,
    pace: Format,
    whole: Format,
    grades: HashMap<&'static str, Format>,
}

impl Formats {
    fn new() -> Formats {
        // the pages' pill colours (html.rs), white text
        let fill = |rgb: u32| {
            Format::new()
                .set_background_color(Color::RGB(rgb))
                .set_font_color(Color::White)
        };
        let grades = Status::ALL
            .iter()
            .map(|s| {
                let rgb = match s {
                    Status::Ahead | Status::Achieved => 0x1b5e20,
                    Status::Faster | Status::OnTrack => 0x2e7d32,
                    Status::Lagging | Status::Regressing => 0xe69500,
                    Status::Missed => 0xc62828,
                    Status::InsufficientData => 0xb0b7c0,
                    Status::Qualitative => 0x8a939e,
                };
                (s.code(), fill(rgb))
            })
            .collect();
        Formats {
            head: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xd9dee5)),
            share: Format::new().set_num_format("0%"),
            pace: Format::new().set_num_format("0.00"),
            whole: Format::new().set_num_format("0"),
            grades,
        }
    }
}

fn fail(e: XlsxError) -> Error {
    Error::invalid(format!("{NAME}: {e}"))
}

impl<'f> Sheet<'f> {
    fn new(name: &str, header: Vec<&'static str>, formats: &'f Formats) -> Result<Sheet<'f>> {
        let mut s = Sheet {
            name: name.to_string(),
            header,
            done: Vec::new(),
            ws: Worksheet::new(),
            row: 0,
            formats,
        };
        s.start(name)?;
        Ok(s)
    }

    fn start(&mut self, title: &str) -> Result<()> {
        self.ws.set_name(title).map_err(fail)?;
        for (c, h) in self.header.iter().enumerate() {
            self.ws
                .write_string_with_format(0, c as u16, *h, &self.formats.head)
                .map_err(fail)?;
            let width = h
                .chars()
                .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
                .sum::<f64>();
            self.ws
                .set_column_width(c as u16, width.max(9.0) + 2.0)
                .map_err(fail)?;
        }
        self.ws.set_freeze_panes(1, 0).map_err(fail)?;
        self.row = 1;
        Ok(())
    }

    fn push(&mut self, cells: &[Cell]) -> Result<()> {
        if self.row == MAX_ROWS {
            self.finish_page()?;
            let title = format!("{} {}", self.name, self.done.len() + 1);
            self.start(&title)?;
        }
        let f = self.formats;
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (self.row, c as u16);
            let ws = &mut self.ws;
            match cell {
                Cell::Text(s) if !s.is_empty() => ws.write_string(r, c, *s).map(|_| ()),
                Cell::Number(v) => ws.write_number_with_format(r, c, *v, &f.pace).map(|_| ()),
                Cell::Whole(v) => ws.write_number_with_format(r, c, *v, &f.whole).map(|_| ()),
                Cell::Share(v) => ws.write_number_with_format(r, c, *v, &f.share).map(|_| ()),
                Cell::Grade(s, label) => ws
                    .write_string_with_format(r, c, *label, &f.grades[s.code()])
                    .map(|_| ()),
                Cell::Text(_) | Cell::Empty => Ok(()),
            }
            .map_err(fail)?;
        }
        self.row += 1;
        Ok(())
    }

    fn finish_page(&mut self) -> Result<()> {
        let last = self.header.len().saturating_sub(1) as u16;
        self.ws
            .autofilter(0, 0, self.row.saturating_sub(1).max(1), last)
            .map_err(fail)?;
        self.done.push(std::mem::take(&mut self.ws));
        Ok(())
    }

    fn into_sheets(mut self) -> Result<Vec<Worksheet>> {
        self.finish_page()?;
        Ok(self.done)
    }
}

/// Zh or en.
fn pick(english: bool, zh: &'static str, en: &'static str) -> &'static str {
    if english { en } else { zh }
}

/// `assess` names its pace units in English; a Chinese sheet says them in Chinese.
fn pace_unit(unit: &str, english: bool) -> &str {
    match (english, unit) {
        (false, "% a year") => "%/年",
        (false, "points a year") => "个百分点/年",
        _ => unit,
    }
}

/// How urgently a grade asks for action: missed first, then moving away, behind, …
fn urgency(s: Status) -> u8 {
    match s {
        Status::Missed => 0,
        Status::Regressing => 1,
        Status::Lagging => 2,
        Status::OnTrack => 3,
        Status::Faster => 4,
        Status::Achieved => 5,
        Status::Ahead => 6,
        Status::InsufficientData => 7,
        Status::Qualitative => 8,
    }
}

/// The workbook of a batch's scenarios, as bytes.
pub fn workbook(runs: &[&Computed], english: bool) -> Result<Vec<u8>> {
    let t = |zh, en| pick(english, zh, en);
    let formats = Formats::new();
    let mut action = Sheet::new(
        t("行动", "Actions"),
        vec![
            t("情景", "scenario"),
            t("地区", "region"),
            t("规划", "plan"),
            t("指标", "indicator"),
            t("单位", "unit"),
            t("目标年份", "target year"),
            t("目标", "target"),
            t("评估等级", "grade"),
            t("最新实际年份", "latest year"),
            t("最新实际值", "latest outturn"),
            t("所需速度", "required pace"),
            t("当前速度", "current pace"),
            t("规划速度", "planned pace"),
            t("差距（当前−所需）", "gap (current − required)"),
            t("速度单位", "pace unit"),
            t("按观测趋势达标概率", "P(meet | observed trend)"),
            "σ",
            t("σ来源", "σ source"),
            t("情景目标年预测值", "projected in target year"),
            t("情景达标概率", "P(meet | scenario)"),
            t("理由", "reason"),
        ],
        &formats,
    )?;
    for run in runs {
        let by_key: HashMap<(&str, &str, &str, i32), &super::TargetRow> = run
            .page
            .rows
            .iter()
            .map(|r| ((&*r.region, &*r.plan, &*r.indicator, r.year), r))
            .collect();
        let mut grades: Vec<&Grade> = run.grades.iter().collect();
        // most urgent first, and within a grade the furthest behind (smallest gap) first
        grades.sort_by(|a, b| {
            urgency(a.status).cmp(&urgency(b.status)).then(
                a.gap
                    .unwrap_or(f64::INFINITY)
                    .total_cmp(&b.gap.unwrap_or(f64::INFINITY)),
            )
        });
        for g in grades {
            let row = by_key.get(&(&*g.region, &*g.plan, &*g.indicator, g.target_year));
            action.push(&[
                Cell::Text(&run.sc.name),
                Cell::Text(&g.region),
                Cell::Text(&g.plan),
                Cell::Text(&g.indicator),
                row.map_or(Cell::Empty, |r| Cell::Text(&r.unit)),
                Cell::Whole(g.target_year.into()),
                Cell::Text(&g.target),
                Cell::Grade(g.status, g.status.label(english)),
                g.latest_year.map_or(Cell::Empty, |y| Cell::Whole(y.into())),
                number(g.latest_value),
                number(g.required_rate),
                number(g.current_pace),
                number(g.planned_pace),
                number(g.gap),
                Cell::Text(pace_unit(&g.pace_unit, english)),
                share(g.p_meet),
                number(g.sigma),
                g.sigma_source.as_deref().map_or(Cell::Empty, Cell::Text),
                number(row.and_then(|r| r.projected)),
                share(row.and_then(|r| r.probability)),
                Cell::Text(&g.reason),
            ])?;
        }
    }
    let long_head = || {
        vec![
            t("地区", "region"),
            t("规划", "plan"),
            t("情景", "scenario"),
            t("指标", "indicator"),
            t("单位", "unit"),
            t("年份", "year"),
            t("数值", "value"),
        ]
    };
    let mut projection = Sheet::new(t("预测", "Projection"), long_head(), &formats)?;
    let mut head = long_head();
    head.extend(["p5", "p25", "p50", "p75", "p95"]);
    let mut simulation = Sheet::new(t("模拟", "Simulation"), head, &formats)?;
    let mut chances = Sheet::new(
        t("达标概率", "Probabilities"),
        vec![
            t("地区", "region"),
            t("规划", "plan"),
            t("情景", "scenario"),
            t("指标", "indicator"),
            t("年份", "year"),
            t("目标", "target"),
            t("达标概率", "probability"),
        ],
        &formats,
    )?;
    for run in runs {
        for (i, c, r) in long_rows(&run.p) {
            let long = [
                Cell::Text(r.region),
                Cell::Text(r.plan),
                Cell::Text(r.scenario),
                Cell::Text(r.indicator),
                Cell::Text(r.unit),
                Cell::Whole(r.year.into()),
                Cell::Number(r.value),
            ];
            projection.push(&long)?;
            let b = run.sim.paths[i].bands[c];
            let bands = [b.p5, b.p25, b.p50, b.p75, b.p95].map(|v| number(Some(v)));
            let mut cells: Vec<Cell> = long.into_iter().collect();
            cells.extend(bands);
            simulation.push(&cells)?;
        }
        for r in chance_rows(&run.p, &run.sim) {
            chances.push(&[
                Cell::Text(r.region),
                Cell::Text(r.plan),
                Cell::Text(r.scenario),
                Cell::Text(r.indicator),
                Cell::Whole(r.year.into()),
                Cell::Text(r.target),
                Cell::Share(r.probability),
            ])?;
        }
    }
    let mut findings = Sheet::new(
        t("检查结果", "Findings"),
        vec![
            t("情景", "scenario"),
            t("严重程度", "severity"),
            t("规则", "code"),
            t("地区", "region"),
            t("规划", "plan"),
            t("指标", "indicator"),
            t("目标年份", "target year"),
            t("文件", "file"),
            t("行", "row"),
            t("说明", "message"),
        ],
        &formats,
    )?;
    for run in runs {
        for f in &run.page.findings {
            let severity = match (english, f.severity.to_string().as_str()) {
                (false, "error") => "错误".to_string(),
                (false, "warning") => "警告".to_string(),
                (false, "info") => "提示".to_string(),
                (_, s) => s.to_string(),
            };
            let code = f.code.to_string();
            findings.push(&[
                Cell::Text(&run.sc.name),
                Cell::Text(&severity),
                Cell::Text(&code),
                Cell::Text(&f.region),
                Cell::Text(&f.plan),
                Cell::Text(&f.indicator),
                Cell::Whole(f.target_year.into()),
                Cell::Text(&f.file),
                Cell::Whole(f.row as f64),
                Cell::Text(&f.message),
            ])?;
        }
    }
    let mut wb = Workbook::new();
    for sheet in [action, projection, simulation, chances, findings] {
        for ws in sheet.into_sheets()? {
            wb.push_worksheet(ws);
        }
    }
    wb.save_to_buffer().map_err(fail)
}
