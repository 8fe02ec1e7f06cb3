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
use super::rows::{Meant, TargetRow};
use super::sheet::{Cell, Formats, Sheet, number, share};
use super::workbook_words as words;
use crate::error::Result;
use plansim_core::lang::Column;
use plansim_core::lang::Lang;
use plansim_core::output::Delivery;
use rust_xlsxwriter::Workbook;
use std::cell::RefCell;
use std::path::Path;

/// The workbook's name in the report's folder.
pub const NAME: &str = super::deliver::WORKBOOK;

/// The workbook of a batch's scenarios, staged as [`NAME`] as it is written: its sheets
/// already go to temporary files row by row, and the zip goes straight to the staged file,
/// never held whole (a workbook of 10⁵ targets is a hundred megabytes).
///
/// The sheets' writer panics when it cannot write its temporary files (a full temporary
/// folder): that is caught and reported as the workbook's error, so the run stops cleanly and
/// the last report stays as it was.
pub fn stage(d: &Delivery, runs: &[&Computed], lang: Lang) -> Result<()> {
    let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<()> {
        let mut wb = workbook(runs, lang)?;
        Ok(d.write_with(Path::new(NAME), |f| {
            wb.save_to_writer(std::io::BufWriter::new(f))
                .map_err(|e| plansim_core::Error::Invalid(format!("{NAME}: {e}")))
        })?)
    }));
    written.unwrap_or_else(|panic| {
        let said = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("the sheets' writer stopped");
        Err(crate::error::Error::invalid(format!(
            "{NAME}: cannot write its sheets' temporary files in {}: {said}",
            std::env::temp_dir().display()
        )))
    })
}

/// The workbook of a batch's scenarios.
fn workbook(runs: &[&Computed], lang: Lang) -> Result<Workbook> {
    let formats = Formats::new();
    let wb = RefCell::new(Workbook::new());
    // sheets in the order they are begun: the action table, the long tables, the findings
    let action = actions(&wb, &formats, runs, lang)?;
    let [projection, simulation, chances] = long_sheets(&wb, &formats, runs, lang)?;
    let findings = findings(&wb, &formats, runs, lang)?;
    for sheet in [action, projection, simulation, chances, findings] {
        sheet.finish()?;
    }
    Ok(wb.into_inner())
}

/// The target typed: its value, bound, rule and unit, in the terms of the row's latest
/// outturn (a fall over the period as a % change, as its outturn is, not a change index).
struct Typed {
    value: Option<f64>,
    bound: &'static str,
    rule: String,
    unit: String,
}

fn typed(g: &TargetRow, m: Option<&Meant>, unit: &str, lang: Lang) -> Typed {
    let goal = m.and_then(|m| m.goal);
    let mut value = g
        .target_value
        .or_else(|| goal.zip(m).map(|(goal, m)| goal.level(m.direction)));
    let mut unit = unit.to_string();
    if m.is_some_and(|m| m.period_change) {
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
    let header = vec![
        Column::Scenario.say(lang),
        Column::Region.say(lang),
        Column::Plan.say(lang),
        Column::Indicator.say(lang),
        Column::TargetYear.say(lang),
        lang.say("target value", "目标值"),
        lang.say("bound", "目标界限"),
        lang.say("target rule", "目标类型"),
        Column::Unit.say(lang),
        lang.say("target as printed", "目标（原文）"),
        super::words::attribute(lang),
        lang.say("grade", "评估等级"),
        lang.say("latest year", "最新实际年份"),
        super::words::latest_outturn(lang),
        super::words::required_pace(lang),
        super::words::current_pace(lang),
        lang.say("planned pace", "规划速度"),
        lang.say("gap (positive = good side)", "差距（正值有利）"),
        lang.say("pace unit", "速度单位"),
        lang.say("P(meet | observed trend)", "按观测趋势达标概率"),
        "σ",
        lang.say("σ source", "σ来源"),
        lang.say("projected in target year", "情景目标年预测值"),
        lang.say("P(meet | scenario)", "情景达标概率"),
        lang.say(
            "against history (required ÷ past pace)",
            "对照过去（所需÷过去速度）",
        ),
        super::words::against_history(lang),
        lang.say("reason", "理由"),
    ];
    // every scenario's targets, each with the page row of its key (the last of equals, as a
    // lookup by key finds them): its table row's meaning and projection are that row's
    let mut entries: Vec<Entry> = Vec::with_capacity(runs.iter().map(|r| r.page.rows.len()).sum());
    for run in runs {
        let rows = &run.page.rows;
        // the rows' places sorted by their key's hash, 16 bytes a row (a map of the keys held
        // some 85)
        use std::hash::BuildHasher;
        let hasher = std::hash::RandomState::new();
        let mut by_hash: Vec<(u64, usize)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (hasher.hash_one(key(r)), i))
            .collect();
        by_hash.sort_unstable();
        for g in rows.iter() {
            let h = hasher.hash_one(key(g));
            let from = by_hash.partition_point(|e| e.0 < h);
            // the last row of the key, as a map built in table order keeps
            let last = by_hash[from..]
                .iter()
                .take_while(|e| e.0 == h)
                .filter(|e| key(&rows[e.1]) == key(g))
                .last()
                .map(|e| &rows[e.1]);
            entries.push((run, g, last));
        }
    }
    // most urgent first, and within a grade the furthest behind (smallest gap) first
    entries.sort_by(|(_, a, _), (_, b, _)| {
        a.status.urgency().cmp(&b.status.urgency()).then(
            a.gap
                .unwrap_or(f64::INFINITY)
                .total_cmp(&b.gap.unwrap_or(f64::INFINITY)),
        )
    });
    // each row's cells made twice, for the columns' widths and then for the sheet, rather
    // than every row's held at once (some 500 bytes a target)
    let texts = |(_, g, row): &Entry<'_>| {
        let unit = row.map_or("", |r| r.unit.as_str());
        let m = row.map(|r| &r.meant);
        let sigma = g
            .sigma_source
            .as_ref()
            .map(|s| s.say(lang))
            .unwrap_or_default();
        (
            typed(g, m, unit, lang),
            sigma,
            // assess names its pace units in English; the one translation is its own
            plansim_core::assess::words::unit(&g.pace_unit)
                .get(lang)
                .to_string(),
        )
    };
    let mut action = Sheet::new(wb, lang.say("Actions", "行动"), header, formats)?;
    for e in &entries {
        let (typed, sigma, pace_unit) = texts(e);
        action.measure(&action_cells(e, &typed, &sigma, &pace_unit, lang));
    }
    action.fit_measured()?;
    for e in &entries {
        let (typed, sigma, pace_unit) = texts(e);
        action.push(&action_cells(e, &typed, &sigma, &pace_unit, lang))?;
    }
    Ok(action)
}

/// A target's key on the action sheet: region, plan, indicator and year.
fn key(r: &TargetRow) -> (&str, &str, &str, i32) {
    (&r.region, &r.plan, &r.indicator, r.year)
}

/// A target of the action sheet (its grade's fields), with the page row of its key.
type Entry<'a> = (&'a Computed, &'a TargetRow, Option<&'a TargetRow>);

/// One row of the action sheet: a grade, its page row and its table row's meaning.
fn action_cells<'a>(
    (run, g, row): &Entry<'a>,
    typed: &'a Typed,
    sigma: &'a str,
    pace_unit: &'a str,
    lang: Lang,
) -> Vec<Cell<'a>> {
    let label = &run.page.named.label;
    vec![
        Cell::Text(label),
        Cell::Text(&g.region),
        Cell::Text(&g.plan),
        Cell::Text(&g.indicator),
        Cell::Whole(g.year.into()),
        number(typed.value),
        Cell::Text(typed.bound),
        Cell::Text(&typed.rule),
        Cell::Text(&typed.unit),
        Cell::Text(&g.target),
        Cell::Text(g.attribute_word(lang)),
        Cell::Grade(g.status, g.status.label(lang)),
        g.latest_year.map_or(Cell::Empty, |y| Cell::Whole(y.into())),
        number(g.latest.map(|l| l.1)),
        number(g.required_pace),
        number(g.current_pace),
        number(g.planned_pace),
        number(g.gap),
        Cell::Text(pace_unit),
        share(g.p_meet),
        number(g.sigma),
        Cell::Text(sigma),
        number(row.and_then(|r| r.projected)),
        share(row.and_then(|r| r.probability)),
        number(g.ambition_ratio),
        // a row without an ambition has no verdict
        if g.ambition_verdict.is_some() {
            Cell::Text(&g.ambition)
        } else {
            Cell::Empty
        },
        Cell::Text(&g.reason),
    ]
}

/// The projection, the simulation's bands and the probabilities, in long format.
fn long_sheets<'f>(
    wb: &'f RefCell<Workbook>,
    formats: &'f Formats,
    runs: &[&Computed],
    lang: Lang,
) -> Result<[Sheet<'f>; 3]> {
    let long_head = || {
        vec![
            Column::Region.say(lang),
            Column::Plan.say(lang),
            Column::Scenario.say(lang),
            Column::Indicator.say(lang),
            Column::Unit.say(lang),
            Column::Year.say(lang),
            lang.say("value", "数值"),
        ]
    };
    let mut projection = Sheet::new(wb, lang.say("Projection", "预测"), long_head(), formats)?;
    let mut head = long_head();
    head.extend(["p5", "p25", "p50", "p75", "p95"]);
    let mut simulation = Sheet::new(wb, lang.say("Simulation", "模拟"), head, formats)?;
    let mut chances = Sheet::new(
        wb,
        lang.say("Probabilities", "达标概率"),
        vec![
            Column::Region.say(lang),
            Column::Plan.say(lang),
            Column::Scenario.say(lang),
            Column::Indicator.say(lang),
            Column::Year.say(lang),
            Column::Target.say(lang),
            // the level the path must reach, in the path's terms: `430` of `430亿`, the index 86.5
            // of a 〔13.5〕 fall (the action sheet's 目标值 is the grade's, −13.5)
            lang.say("target level on the path", "路径目标值"),
            lang.say("probability", "达标概率"),
        ],
        formats,
    )?;
    // the columns sized to the texts, measured without holding the rows: one row of each
    // path shows them all (years and values are numbers); every probability's row is made
    // twice, measured and then written
    // the scenario by the name its pages and the other sheets give it (`name_zh`, …)
    fn chance_cells<'a>(
        r: &plansim_core::export::ChanceRow<'a>,
        scenario: &'a str,
    ) -> [Cell<'a>; 8] {
        [
            Cell::Text(r.region),
            Cell::Text(r.plan),
            Cell::Text(scenario),
            Cell::Text(r.indicator),
            Cell::Whole(r.year.into()),
            Cell::Text(r.target),
            number(r.target_value),
            r.probability.map_or(Cell::Empty, Cell::Share),
        ]
    }
    for run in runs {
        let mut seen = vec![false; run.paths()];
        run.each_long(|i, r, _| -> Result<()> {
            if !std::mem::replace(&mut seen[i], true) {
                let sample = [
                    Cell::Text(r.region),
                    Cell::Text(r.plan),
                    Cell::Text(&run.page.named.label),
                    Cell::Text(r.indicator),
                    Cell::Text(r.unit),
                ];
                projection.measure(&sample);
                simulation.measure(&sample);
            }
            Ok(())
        })?;
        run.each_chance(|r| -> Result<()> {
            chances.measure(&chance_cells(r, &run.page.named.label));
            Ok(())
        })?;
    }
    projection.fit_measured()?;
    simulation.fit_measured()?;
    chances.fit_measured()?;
    for run in runs {
        run.each_chance(|r| chances.push(&chance_cells(r, &run.page.named.label)))?;
    }
    for run in runs {
        run.each_long(|_, r, b| {
            let long = [
                Cell::Text(r.region),
                Cell::Text(r.plan),
                Cell::Text(&run.page.named.label),
                Cell::Text(r.indicator),
                Cell::Text(r.unit),
                Cell::Whole(r.year.into()),
                Cell::Number(r.value),
            ];
            projection.push(&long)?;
            let bands = [b.p5, b.p25, b.p50, b.p75, b.p95].map(|v| number(Some(v)));
            let mut cells: Vec<Cell> = long.into_iter().collect();
            cells.extend(bands);
            simulation.push(&cells)
        })?;
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
    let mut findings = Sheet::new(
        wb,
        lang.say("Findings", "检查结果"),
        vec![
            Column::Scenario.say(lang),
            lang.say("severity", "严重程度"),
            Column::Code.say(lang),
            Column::Region.say(lang),
            Column::Plan.say(lang),
            Column::Indicator.say(lang),
            Column::TargetYear.say(lang),
            lang.say("file", "文件"),
            Column::Row.say(lang),
            Column::Message.say(lang),
        ],
        formats,
    )?;
    // each finding's words first, so that the columns can be sized to them
    let mut words = Vec::new();
    for run in runs {
        for f in run.page.findings.iter() {
            let severity = f.severity.say(lang).to_string();
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
