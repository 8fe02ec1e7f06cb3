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

use super::computed::Computed;
use super::sheet::{Cell, Formats, Sheet, fail, number, share};
use super::workbook_words as words;
use crate::error::Result;
use plansim_core::assess::Grade;
use plansim_core::export::{chance_rows, long_rows};
use plansim_core::lang::Lang;
use plansim_core::meaning::{Meaning, Quantity};
use rust_xlsxwriter::Workbook;
use std::cell::RefCell;
use std::collections::HashMap;

/// The workbook's name in the report's folder.
pub const NAME: &str = super::deliver::WORKBOOK;

/// Zh or en.
fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    if lang.is_en() { en } else { zh }
}

/// `assess` names its pace units in English; a Chinese sheet says them in Chinese.
fn pace_unit(unit: &str, lang: Lang) -> &str {
    match (lang.is_en(), unit) {
        (false, "% a year") => "%/年",
        (false, "points a year") => "个百分点/年",
        _ => unit,
    }
}

/// The workbook of a batch's scenarios, as bytes.
pub fn workbook(runs: &[&Computed], lang: Lang) -> Result<Vec<u8>> {
    let formats = Formats::new();
    let wb = RefCell::new(Workbook::new());
    // sheets in the order they are begun: the action table, the long tables, the findings
    let action = actions(&wb, &formats, runs, lang)?;
    let [projection, simulation, chances] = long_sheets(&wb, &formats, runs, lang)?;
    let findings = findings(&wb, &formats, runs, lang)?;
    for sheet in [action, projection, simulation, chances, findings] {
        sheet.finish()?;
    }
    wb.into_inner().save_to_buffer().map_err(fail)
}

/// The target typed: its value, bound, rule and unit, in the terms of the row's latest
/// outturn (a fall over the period as a % change, as its outturn is, not a change index).
struct Typed {
    value: Option<f64>,
    bound: &'static str,
    rule: String,
    unit: String,
}

fn typed(g: &Grade, m: Option<&Meaning>, unit: &str, lang: Lang) -> Typed {
    let goal = m.and_then(|m| m.target.goal());
    let mut value = g
        .target_value
        .or_else(|| goal.zip(m).map(|(goal, m)| goal.level(m.direction)));
    let mut unit = unit.to_string();
    if m.is_some_and(|m| m.quantity == Quantity::PeriodChange) {
        // the change index (base year = 100) as the change in %, the latest outturn's terms
        value = value.map(|v| v - 100.0);
        unit = "%".into();
    }
    Typed {
        value,
        bound: goal.as_ref().map_or("", |g| words::bound(g, lang)),
        rule: words::rule(g.rule, lang),
        unit,
    }
}

/// Every target's grade with what it needs, most urgent first across all scenarios: those
/// behind at the top, 数据不足 and qualitative targets at the bottom.
fn actions<'f>(
    wb: &'f RefCell<Workbook>,
    formats: &'f Formats,
    runs: &[&Computed],
    lang: Lang,
) -> Result<Sheet<'f>> {
    let t = |zh, en| pick(lang, zh, en);
    let header = vec![
        t("情景", "scenario"),
        t("地区", "region"),
        t("规划", "plan"),
        t("指标", "indicator"),
        t("目标年份", "target year"),
        t("目标值", "target value"),
        t("目标界限", "bound"),
        t("目标类型", "target rule"),
        t("单位", "unit"),
        t("目标（原文）", "target as printed"),
        t("评估等级", "grade"),
        t("最新实际年份", "latest year"),
        t("最新实际值", "latest outturn"),
        t("所需速度", "required pace"),
        t("当前速度", "current pace"),
        t("规划速度", "planned pace"),
        t("差距（正值有利）", "gap (positive = good side)"),
        t("速度单位", "pace unit"),
        t("按观测趋势达标概率", "P(meet | observed trend)"),
        "σ",
        t("σ来源", "σ source"),
        t("情景目标年预测值", "projected in target year"),
        t("情景达标概率", "P(meet | scenario)"),
        t(
            "对照过去（所需÷过去速度）",
            "against history (required ÷ past pace)",
        ),
        t("对照过去", "against history"),
        t("理由", "reason"),
    ];
    // every scenario's grades, each with its page row and the meaning of its table row
    type Entry<'a> = (
        &'a Computed,
        &'a Grade,
        Option<&'a super::rows::TargetRow>,
        Option<Meaning>,
    );
    let mut entries: Vec<Entry> = Vec::new();
    for run in runs {
        let by_key: HashMap<(&str, &str, &str, i32), &super::rows::TargetRow> = run
            .page
            .rows
            .iter()
            .map(|r| ((&*r.region, &*r.plan, &*r.indicator, r.year), r))
            .collect();
        let meanings: HashMap<(&str, &str, &str, i32), Meaning> = run
            .sc
            .indicators
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let m = run.sc.outturns.meaning(k, i);
                ((&*i.region, &*i.plan, &*i.name, i.target_year), m)
            })
            .collect();
        for g in &run.grades {
            let key = (&*g.region, &*g.plan, &*g.indicator, g.target_year);
            entries.push((
                run,
                g,
                by_key.get(&key).copied(),
                meanings.get(&key).cloned(),
            ));
        }
    }
    // most urgent first, and within a grade the furthest behind (smallest gap) first
    entries.sort_by(|(_, a, _, _), (_, b, _, _)| {
        a.status.urgency().cmp(&b.status.urgency()).then(
            a.gap
                .unwrap_or(f64::INFINITY)
                .total_cmp(&b.gap.unwrap_or(f64::INFINITY)),
        )
    });
    let rows: Vec<(Typed, String, String)> = entries
        .iter()
        .map(|(run, g, row, m)| {
            let unit = row.map_or("", |r| r.unit.as_str());
            let sigma = g
                .sigma_source
                .as_deref()
                .map(|s| words::sigma_source(s, lang))
                .unwrap_or_default();
            (
                typed(g, m.as_ref(), unit, lang),
                sigma,
                run.page.named.label.clone(),
            )
        })
        .collect();
    let mut action = Sheet::new(wb, t("行动", "Actions"), header, formats)?;
    let mut cells: Vec<Vec<Cell>> = Vec::with_capacity(entries.len());
    for ((_, g, row, _), (typed, sigma, label)) in entries.iter().zip(&rows) {
        cells.push(vec![
            Cell::Text(label),
            Cell::Text(&g.region),
            Cell::Text(&g.plan),
            Cell::Text(&g.indicator),
            Cell::Whole(g.target_year.into()),
            number(typed.value),
            Cell::Text(typed.bound),
            Cell::Text(&typed.rule),
            Cell::Text(&typed.unit),
            Cell::Text(&g.target),
            Cell::Grade(g.status, g.status.label(lang)),
            g.latest_year.map_or(Cell::Empty, |y| Cell::Whole(y.into())),
            number(g.latest_value),
            number(g.required_rate),
            number(g.current_pace),
            number(g.planned_pace),
            number(g.gap),
            Cell::Text(pace_unit(&g.pace_unit, lang)),
            share(g.p_meet),
            number(g.sigma),
            Cell::Text(sigma),
            number(row.and_then(|r| r.projected)),
            share(row.and_then(|r| r.probability)),
            number(g.ambition.as_ref().and_then(|a| a.ratio)),
            g.ambition
                .as_ref()
                .map_or(Cell::Empty, |a| Cell::Text(&a.text)),
            Cell::Text(&g.reason),
        ]);
    }
    action.fit(&cells)?;
    for row in &cells {
        action.push(row)?;
    }
    Ok(action)
}

/// The projection, the simulation's bands and the probabilities, in long format.
fn long_sheets<'f>(
    wb: &'f RefCell<Workbook>,
    formats: &'f Formats,
    runs: &[&Computed],
    lang: Lang,
) -> Result<[Sheet<'f>; 3]> {
    let t = |zh, en| pick(lang, zh, en);
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
    let mut projection = Sheet::new(wb, t("预测", "Projection"), long_head(), formats)?;
    let mut head = long_head();
    head.extend(["p5", "p25", "p50", "p75", "p95"]);
    let mut simulation = Sheet::new(wb, t("模拟", "Simulation"), head, formats)?;
    let mut chances = Sheet::new(
        wb,
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
        formats,
    )?;
    // the columns sized to the texts: one row of each path shows them all (years and values
    // are numbers); the probabilities are few enough to size from all their rows
    let mut sample: Vec<Vec<Cell>> = Vec::new();
    let mut chance: Vec<Vec<Cell>> = Vec::new();
    for run in runs {
        let mut seen = std::collections::HashSet::new();
        for (i, _, r) in long_rows(&run.p) {
            if seen.insert(i) {
                sample.push(vec![
                    Cell::Text(r.region),
                    Cell::Text(r.plan),
                    Cell::Text(r.scenario),
                    Cell::Text(r.indicator),
                    Cell::Text(r.unit),
                ]);
            }
        }
        for r in chance_rows(&run.p, &run.sim) {
            chance.push(vec![
                Cell::Text(r.region),
                Cell::Text(r.plan),
                Cell::Text(r.scenario),
                Cell::Text(r.indicator),
                Cell::Whole(r.year.into()),
                Cell::Text(r.target),
                r.probability.map_or(Cell::Empty, Cell::Share),
            ]);
        }
    }
    projection.fit(&sample)?;
    simulation.fit(&sample)?;
    chances.fit(&chance)?;
    for row in &chance {
        chances.push(row)?;
    }
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
    }
    Ok([projection, simulation, chances])
}

/// The consistency findings.
fn findings<'f>(
    wb: &'f RefCell<Workbook>,
    formats: &'f Formats,
    runs: &[&Computed],
    lang: Lang,
) -> Result<Sheet<'f>> {
    let t = |zh, en| pick(lang, zh, en);
    let mut findings = Sheet::new(
        wb,
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
        formats,
    )?;
    // each finding's words first, so that the columns can be sized to them
    let mut words = Vec::new();
    for run in runs {
        for f in &run.page.findings {
            let severity = match (lang.is_en(), f.severity.to_string().as_str()) {
                (false, "error") => "错误".to_string(),
                (false, "warning") => "警告".to_string(),
                (false, "info") => "提示".to_string(),
                (_, s) => s.to_string(),
            };
            // the rule by its name on a Chinese sheet, the stable code beside it to filter on
            let code = if lang.is_en() {
                f.code.to_string()
            } else {
                format!("{}（{}）", f.code.name_zh(), f.code)
            };
            words.push((&run.page.named.label, severity, code, f));
        }
    }
    let rows: Vec<Vec<Cell>> = words
        .iter()
        .map(|(label, severity, code, f)| {
            vec![
                Cell::Text(label),
                Cell::Text(severity),
                Cell::Text(code),
                Cell::Text(&f.region),
                Cell::Text(&f.plan),
                Cell::Text(&f.indicator),
                Cell::Whole(f.target_year.into()),
                Cell::Text(&f.file),
                Cell::Whole(f.row as f64),
                Cell::Text(&f.message),
            ]
        })
        .collect();
    findings.fit(&rows)?;
    for row in &rows {
        findings.push(row)?;
    }
    Ok(findings)
}
