//! `plansim.xlsx`, the report's workbook, read back with calamine: its sheets, headers in the
//! page's language, and numbers (as numbers) that hand arithmetic gives.

use assert_cmd::Command;
use calamine::{Data, Range, Reader, open_workbook_auto};
use std::path::Path;

fn report(out: &Path, lang: &str) {
    let run = Command::cargo_bin("plansim")
        .unwrap()
        .env("LC_ALL", "zh_CN.UTF-8")
        .args([
            "report",
            "scenarios/baseline.toml",
            "scenarios/horqin-outturn.toml",
            "--no-charts",
            "--draws",
            "500",
            "--lang",
            lang,
            "--out",
        ])
        .arg(out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn text(c: &Data) -> String {
    match c {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn number(c: &Data) -> f64 {
    match c {
        Data::Float(v) => *v,
        Data::Int(v) => *v as f64,
        other => panic!("{other:?} is not a number"),
    }
}

/// The rows of `range` whose first columns read `key` (as text).
fn rows_where<'a>(range: &'a Range<Data>, key: &[(usize, &str)]) -> Vec<&'a [Data]> {
    range
        .rows()
        .filter(|r| key.iter().all(|(c, v)| text(&r[*c]) == *v))
        .collect()
}

fn header(range: &Range<Data>) -> Vec<String> {
    range.rows().next().unwrap().iter().map(text).collect()
}

#[test]
fn the_workbook_holds_the_report_in_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    report(&out, "zh");
    let mut wb = open_workbook_auto(out.join("plansim.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["行动", "预测", "模拟", "达标概率", "检查结果"]
    );

    // the projection, long: 科尔沁区's GDP is 305.8亿 in 2020 (the table's baseline) and, at
    // the table's stated 7 %, 305.8 × 1.07 = 327.206 in 2021
    let proj = wb.worksheet_range("预测").unwrap();
    assert_eq!(
        header(&proj),
        ["地区", "规划", "情景", "指标", "单位", "年份", "数值"]
    );
    let gdp = |year: &str| {
        let rows = rows_where(
            &proj,
            &[
                (0, "科尔沁区"),
                // the scenario by the name every sheet gives it (`name_zh`)
                (2, "基准情景"),
                (3, "地区生产总值增长率"),
                (5, year),
            ],
        );
        assert_eq!(rows.len(), 1, "{year}");
        number(&rows[0][6])
    };
    assert!((gdp("2020") - 305.8).abs() < 1e-9);
    assert!((gdp("2021") - 327.206).abs() < 1e-6);

    // the action table: with the hypothetical outturns (350.566 in 2023) the remaining two
    // years need √(430 / 350.566) − 1 = 10.7514 % a year; the pace since 2020 was
    // (350.566 / 305.8)^(1/3) − 1 = 4.6592 %; the gap 4.6592 − 10.7514 = −6.0922
    let act = wb.worksheet_range("行动").unwrap();
    let head = header(&act);
    assert_eq!(
        head[..12],
        [
            "情景",
            "地区",
            "规划",
            "指标",
            "目标年份",
            "目标值",
            "目标界限",
            "目标类型",
            "单位",
            "目标（原文）",
            "属性",
            "评估等级"
        ]
    );
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    // scenarios by their Chinese names (`name_zh`) on a Chinese workbook
    let outturn = "科尔沁区增速假设";
    let rows = rows_where(&act, &[(0, outturn), (3, "地区生产总值增长率")]);
    assert_eq!(rows.len(), 1);
    let r = rows[0];
    assert_eq!(text(&r[col("评估等级")]), "滞后于预期");
    // 科尔沁区's GDP is 预期性 in its outline's table (the sheet had no attribute at all)
    assert_eq!(text(&r[col("属性")]), "预期性");
    assert_eq!(number(&r[col("最新实际年份")]), 2023.0);
    assert!((number(&r[col("最新实际值")]) - 350.566).abs() < 1e-9);
    assert!((number(&r[col("所需速度")]) - 10.7514).abs() < 1e-4);
    assert!((number(&r[col("当前速度")]) - 4.6592).abs() < 1e-4);
    assert!((number(&r[col("差距（正值有利）")]) - -6.0922).abs() < 1e-4);
    assert_eq!(text(&r[col("速度单位")]), "%/年");
    // every target of both scenarios, the lagging target before those on track
    let targets = |sc: &str| rows_where(&act, &[(0, sc)]).len();
    // as many as the scenario's page has (summary.json's `targets`)
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("horqin-outturn/summary.json")).unwrap())
            .unwrap();
    let table_rows = summary["targets"].as_u64().unwrap() as usize;
    assert_eq!(targets(outturn), table_rows);
    assert_eq!(targets("horqin-outturn"), 0);
    let grades: Vec<String> = rows_where(&act, &[(0, outturn)])
        .iter()
        .map(|r| text(&r[col("评估等级")]))
        .collect();
    let first_on_track = grades.iter().position(|g| g == "基本符合预期");
    let last_lagging = grades.iter().rposition(|g| g == "滞后于预期");
    if let (Some(a), Some(b)) = (first_on_track, last_lagging) {
        assert!(b < a, "{grades:?}");
    }

    // the simulation's bands, ordered, beside the same projected value
    let sim = wb.worksheet_range("模拟").unwrap();
    assert_eq!(
        header(&sim)[6..],
        ["数值", "p5", "p25", "p50", "p75", "p95"]
    );
    assert_eq!(sim.height(), proj.height());
    // a path without evidence (no outturns, no σ set by hand) has no band: all five empty
    let mut banded = 0;
    for r in sim.rows().skip(1) {
        if r[7..12].iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        banded += 1;
        let v: Vec<f64> = r[7..12].iter().map(number).collect();
        assert!(v.windows(2).all(|w| w[0] <= w[1] + 1e-9), "{r:?}");
    }
    assert!(banded > 0);
    // probabilities are shares between 0 and 1, or empty without evidence
    let p = wb.worksheet_range("达标概率").unwrap();
    assert!(p.height() > 10);
    assert_eq!(
        header(&p),
        [
            "地区",
            "规划",
            "情景",
            "指标",
            "年份",
            "目标",
            "路径目标值",
            "达标概率"
        ]
    );
    assert!(
        p.rows()
            .skip(1)
            .all(|r| matches!(r[7], Data::Empty) || (0.0..=1.0).contains(&number(&r[7])))
    );
    // the printed target `430亿` beside the number 430, under the scenario's Chinese name
    let gdp = rows_where(
        &p,
        &[
            (0, "科尔沁区"),
            (2, outturn),
            (3, "地区生产总值增长率"),
            (4, "2025"),
        ],
    );
    assert_eq!(gdp.len(), 1);
    assert_eq!(
        (text(&gdp[0][5]), number(&gdp[0][6])),
        ("430亿".to_string(), 430.0)
    );
    // every finding of each scenario's audit, as findings.csv has them
    let f = wb.worksheet_range("检查结果").unwrap();
    for (sc, label) in [("baseline", "基准情景"), ("horqin-outturn", outturn)] {
        let csv = std::fs::read(out.join(sc).join("findings.csv")).unwrap();
        let n = csv::Reader::from_reader(&csv[..]).records().count();
        assert_eq!(rows_where(&f, &[(0, label)]).len(), n, "{sc}");
    }
    // the rule by its Chinese name, the code beside it: 科尔沁区's 305.8亿 under `%`
    assert!(!rows_where(&f, &[(0, "基准情景"), (2, "单位不符（unit-mismatch）")]).is_empty());
}

#[test]
fn english_pages_get_english_headers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    report(&out, "en");
    let mut wb = open_workbook_auto(out.join("plansim.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Actions",
            "Projection",
            "Simulation",
            "Probabilities",
            "Findings"
        ]
    );
    let proj = wb.worksheet_range("Projection").unwrap();
    assert_eq!(
        header(&proj),
        [
            "region",
            "plan",
            "scenario",
            "indicator",
            "unit",
            "year",
            "value"
        ]
    );
    let act = wb.worksheet_range("Actions").unwrap();
    let rows = rows_where(&act, &[(0, "horqin-outturn"), (3, "地区生产总值增长率")]);
    let grade = header(&act).iter().position(|h| h == "grade").unwrap();
    // a scenario without an English name goes by its file's name on every sheet
    assert!(!rows_where(&proj, &[(2, "horqin-outturn")]).is_empty());
    assert_eq!(text(&rows[0][grade]), "lagging");
}

/// 行动 puts the targets behind first and those without evidence last, across scenarios; its
/// targets are typed columns Excel computes with: 科尔沁区's GDP target `430亿` is the number 430
/// to reach, its energy target `12(十四五时期)` a 12 % fall over the period, the number −12 in
/// %, the terms of its latest outturn.
#[test]
fn the_action_sheet_is_sorted_and_its_targets_typed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    report(&out, "zh");
    let mut wb = open_workbook_auto(out.join("plansim.xlsx")).unwrap();
    let act = wb.worksheet_range("行动").unwrap();
    let head = header(&act);
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    // the order of urgency, by hand: missed, behind, on track … met early, no evidence, prose
    let rank = |g: &str| {
        [
            "未实现",
            "滞后于预期",
            "基本符合预期",
            "快于预期",
            "已实现",
            "提前实现",
            "数据不足",
            "定性",
        ]
        .iter()
        .position(|x| *x == g)
        .unwrap_or_else(|| panic!("grade {g}"))
    };
    let ranks: Vec<usize> = act
        .rows()
        .skip(1)
        .map(|r| rank(&text(&r[col("评估等级")])))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    // both scenarios' lagging GDP rows are at the very top
    assert_eq!(
        text(&act.rows().nth(1).unwrap()[col("评估等级")]),
        "滞后于预期"
    );
    assert!(ranks.contains(&6), "no 数据不足 row to sort");

    let outturn = "科尔沁区增速假设";
    let gdp = rows_where(&act, &[(0, outturn), (3, "地区生产总值增长率")]);
    assert_eq!(gdp.len(), 1);
    assert_eq!(number(&gdp[0][col("目标值")]), 430.0);
    assert_eq!(text(&gdp[0][col("目标界限")]), "达到");
    assert_eq!(number(&gdp[0][col("目标年份")]), 2025.0);
    assert_eq!(text(&gdp[0][col("目标（原文）")]), "430亿");
    let energy = rows_where(&act, &[(0, outturn), (3, "单位地区生产总值能耗累计降低")]);
    assert_eq!(energy.len(), 1);
    assert!((number(&energy[0][col("目标值")]) - -12.0).abs() < 1e-9);
    assert_eq!(text(&energy[0][col("单位")]), "%");
    assert_eq!(text(&energy[0][col("目标类型")]), "期间累计");
    // every target value on the sheet is a number (or empty), never text
    for r in act.rows().skip(1) {
        let v = &r[col("目标值")];
        assert!(
            matches!(v, Data::Float(_) | Data::Int(_) | Data::Empty),
            "{r:?}"
        );
    }
    // σ sources in Chinese on a Chinese workbook
    let sigma = col("σ来源");
    assert!(
        act.rows()
            .skip(1)
            .map(|r| text(&r[sigma]))
            .filter(|s| !s.is_empty())
            .all(|s| !s.contains("observed")),
    );
}
