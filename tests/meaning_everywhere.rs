//! One meaning per row, the same in every command: a table holding every notation whose
//! meaning a planner states plainly (`〔1〕` 岁, `〔6〕` 百分点, a fall, a flow, a ceiling on a
//! flow, 保有量, 左右, sub-items, units that convert, a ‰ rate, a starred base) run through
//! `tables`, `check`, `assess`, `project`, `simulate`, `sweep`, `report` and `plot`, each
//! row's target compared with a value written by hand.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const TABLE: &str = "tests/fixtures/meaning/every-case.csv";
const STARRED: &str = "tests/fixtures/meaning/starred.csv";
const SCENARIO: &str = "tests/fixtures/meaning/every-case.toml";

fn plansim() -> Command {
    let mut cmd = Command::cargo_bin("plansim").unwrap();
    cmd.env("LC_ALL", "en_US.UTF-8");
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = plansim().args(args).output().unwrap();
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "plansim {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// A row's target as a planner states it, by hand: (region, indicator, target in the row's
/// terms, kind, direction).
struct Expected {
    region: &'static str,
    name: &'static str,
    value: f64,
    kind: &'static str,
    falling: bool,
}

const fn e(
    region: &'static str,
    name: &'static str,
    value: f64,
    kind: &'static str,
    falling: bool,
) -> Expected {
    Expected {
        region,
        name,
        value,
        kind,
        falling,
    }
}

/// With the outturns: the starred 2019 life expectancy (77.3) gives way to the 2020 outturn
/// 77.93, and the plan's 〔1〕 ends at 78.93.
const EXPECTED: [Expected; 14] = [
    // 77.1 岁 + 1 岁
    e("某县", "人均预期寿命", 78.1, "point", false),
    // 40 + 6 points, not 40 × 1.06
    e("某县", "入托率提高", 46.0, "point", false),
    // a share's 〔5〕 is five points: 60 + 5
    e("某县", "常住人口城镇化率", 65.0, "point", false),
    // the sum of the yearly numbers lifted out of poverty must reach 5575: a floor
    e("某县", "农村贫困人口脱贫", 5575.0, "point", false),
    // `<` makes a ceiling of a flow
    e("某县", "新增建设用地", 3256.0, "at-most", true),
    // 保有量 is a floor though 1.2 lies below the base 1.22
    e("某县", "耕地保有量", 1.2, "at-least", false),
    // a 13.5 % fall: the index ends at 100 × (1 − 0.135)
    e("某县", "单位GDP能耗降低", 86.5, "point", true),
    e("某县", "地区生产总值", 140.0, "about", false),
    // sub-items take the parent's % and its fall: 100 × (1 − 0.08), 100 × (1 − 0.10)
    e(
        "某县",
        "主要污染物排放总量减少：化学需氧量",
        92.0,
        "point",
        true,
    ),
    e("某县", "主要污染物排放总量减少：氨氮", 90.0, "point", true),
    e("某县", "粮食产量", 1.4, "at-least", false),
    // `＜8‰` beside a printed level: kept under 136000
    e("某县", "常住人口", 136000.0, "point", true),
    // a fall of at least 5 %: the index ends at or under 95
    e("某县", "化肥使用量减少", 95.0, "point", true),
    // 77.93 (the 2020 outturn) + 1
    e("某市", "人均预期寿命", 78.93, "point", false),
];

fn expected(region: &str, name: &str) -> &'static Expected {
    EXPECTED
        .iter()
        .find(|x| x.region == region && x.name == name)
        .unwrap_or_else(|| panic!("{region} {name} has no hand-written target"))
}

#[test]
fn tables_reads_every_target_as_a_planner_would() {
    let csv_text = stdout(&[
        "tables", TABLE, STARRED, "--region", "某市", "--format", "csv",
    ]);
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let h = r.headers().unwrap().clone();
    let at = |name: &str| h.iter().position(|c| c == name).unwrap();
    let mut seen = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        let x = expected(&rec[at("region")], &rec[at("indicator")]);
        let goal: f64 = rec[at("goal_value")].parse().unwrap();
        // the table alone knows no 2020 outturn: 77.3 (2019) + 1, said so
        let want = if x.region == "某市" { 78.3 } else { x.value };
        assert!(close(goal, want), "{}: {goal} ≠ {want}", x.name);
        assert_eq!(&rec[at("goal_kind")], x.kind, "{}", x.name);
        let dir = if x.falling { "falling" } else { "rising" };
        assert_eq!(&rec[at("direction")], dir, "{}", x.name);
        if x.region == "某市" {
            assert!(rec[at("base_note")].contains("2019 figure stands for 2020"));
        }
        seen += 1;
    }
    assert_eq!(seen, EXPECTED.len());
    // the sub-items carry the parent's unit
    assert!(csv_text.contains("主要污染物排放总量减少：氨氮,,%"));
    // the JSON gives each row its meaning beside the cells
    let rows = json(&["tables", TABLE, "--format", "json"]);
    for row in rows.as_array().unwrap() {
        let x = expected(
            row["region"].as_str().unwrap(),
            row["name"].as_str().unwrap(),
        );
        let goal = row["meaning"]["target"]["goal"]["value"].as_f64().unwrap();
        assert!(close(goal, x.value), "{}: {goal} ≠ {}", x.name, x.value);
    }
}

#[test]
fn check_ends_a_rise_where_the_meaning_does() {
    let findings = json(&["check", SCENARIO, "--format", "json"]);
    let reaches = |region: &str, name: &str| {
        findings
            .as_array()
            .unwrap()
            .iter()
            .find(|f| {
                f["region"] == region && f["indicator"] == name && f["code"] == "cumulative-target"
            })
            .and_then(|f| f["target_value"].as_f64())
            .unwrap_or_else(|| panic!("no end of the rise for {name}"))
    };
    for (region, name) in [
        ("某县", "人均预期寿命"),
        ("某县", "入托率提高"),
        ("某县", "常住人口城镇化率"),
        ("某市", "人均预期寿命"),
    ] {
        let want = expected(region, name).value;
        assert!(close(reaches(region, name), want), "{name}");
    }
    // 〔6〕 under 百分点 adds 1.2 points a year; the 13.5 % fall compounds:
    // 0.865^(1/5) − 1 = −2.8588 %
    let annual = |name: &str| {
        findings
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["indicator"] == name && f["code"] == "cumulative-target")
            .and_then(|f| f["annual_equivalent"].as_f64())
            .unwrap()
    };
    assert!(close(annual("入托率提高"), 1.2));
    assert!((annual("单位GDP能耗降低") - -2.8588).abs() < 1e-3);
}

#[test]
fn assess_grades_against_the_same_targets() {
    let grades = json(&["assess", SCENARIO, "--format", "json", "--lang", "en"]);
    let grades = grades.as_array().unwrap();
    assert_eq!(grades.len(), EXPECTED.len());
    let grade = |region: &str, name: &str| {
        grades
            .iter()
            .find(|g| g["region"] == region && g["indicator"] == name)
            .unwrap_or_else(|| panic!("no grade for {name}"))
    };
    for x in &EXPECTED {
        let g = grade(x.region, x.name);
        if let Some(v) = g["target_value"].as_f64() {
            assert!(close(v, x.value), "{}: {v} ≠ {}", x.name, x.value);
        }
    }
    for (region, name) in [
        ("某县", "人均预期寿命"),
        ("某县", "入托率提高"),
        ("某县", "农村贫困人口脱贫"),
        ("某县", "粮食产量"),
        ("某市", "人均预期寿命"),
    ] {
        assert!(
            grade(region, name)["target_value"].as_f64().is_some(),
            "{name} states no target value"
        );
    }
    // 3915 of 5575 by 2023 is not yet met: a floor, not a ceiling
    let poverty = grade("某县", "农村贫困人口脱贫");
    assert!(
        !["achieved", "achieved-early"].contains(&poverty["status"].as_str().unwrap()),
        "{poverty}"
    );
    assert!(close(poverty["latest_value"].as_f64().unwrap(), 3915.0));
    // 138 against 140左右 (2 % is 2.8): met; the base 1.22 and 1.21 keep ≥ 1.2
    assert_eq!(grade("某县", "地区生产总值")["status"], "achieved");
    let land = grade("某县", "耕地保有量");
    assert_eq!(land["rule"], "hold");
    assert_eq!(land["status"], "on-track");
    // 6.95 亿吨 = 6.95 × 2000 亿斤 = 1.39 万亿斤, the factor in the note
    let grain = grade("某县", "粮食产量");
    assert!(close(grain["latest_value"].as_f64().unwrap(), 1.39));
    assert!(grain["notes"].to_string().contains("×0.2"), "{grain}");
    // the 2020 outturn stands in for the starred 2019 figure, and the grade says so
    let life = grade("某市", "人均预期寿命");
    assert!(
        life["notes"].to_string().contains("2020 outturn 77.93"),
        "{life}"
    );
    // years of life a year, not % a year
    assert_eq!(grade("某县", "人均预期寿命")["pace_unit"], "岁 a year");
}

/// The projection's goal for each path, by region and name.
fn goals(projection: &Value) -> Vec<(String, String, f64, bool)> {
    projection["paths"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| {
            let s = &p["series"];
            let g = &p["outcomes"].as_array()?.first()?["goal"]["kind"];
            Some((
                s["region"].as_str()?.to_string(),
                s["name"].as_str()?.to_string(),
                g["value"].as_f64()?,
                s["direction"] == "falling",
            ))
        })
        .collect()
}

#[test]
fn project_and_simulate_aim_at_the_same_targets() {
    let p = json(&["project", SCENARIO, "--format", "json"]);
    let found = goals(&p);
    assert_eq!(found.len(), EXPECTED.len(), "{found:?}");
    for (region, name, v, falling) in &found {
        let x = expected(region, name);
        assert!(close(*v, x.value), "{name}: {v} ≠ {}", x.value);
        assert_eq!(*falling, x.falling, "{name}");
    }
    // the starred base gives way to the 2020 outturn, where the path starts
    let life = p["paths"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["series"]["region"] == "某市")
        .unwrap();
    assert_eq!(life["series"]["base_year"], 2020);
    assert!(close(life["series"]["base"].as_f64().unwrap(), 77.93));
    // ＜8‰ is 0.8 % a year
    let people = p["paths"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["series"]["name"] == "常住人口")
        .unwrap();
    assert!(close(
        people["series"]["stated_rate"]["value"].as_f64().unwrap(),
        0.8
    ));

    // a σ set by hand: without outturns or one, simulate draws no chance at all
    let sim = json(&[
        "simulate", SCENARIO, "--format", "json", "--draws", "200", "--sigma", "2",
    ]);
    let levels: Vec<f64> = sim["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["chances"][0]["level"].as_f64().unwrap())
        .collect();
    assert_eq!(levels.len(), found.len());
    // each simulated path names its indicator, in the projection's order
    let named: Vec<(&str, &str)> = sim["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["region"].as_str().unwrap_or_default(),
                p["indicator"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let projected: Vec<(&str, &str)> = found
        .iter()
        .map(|(r, n, _, _)| (r.as_str(), n.as_str()))
        .collect();
    assert_eq!(named, projected);
    // a draw meets a target as project's ✓ does: a number inside its printed precision (half
    // its last digit: 〔1〕 on 77.1 is met from 78.1 − 0.5), a bound as drawn, `左右` inside its
    // own tolerance (140 − 2 % of it = 137.2); a falling target's slack is above it
    let printed = |name: &str, v: f64| match name {
        "地区生产总值" => 137.2,
        // 〔1〕, 〔6〕, 〔5〕, [5575]: whole numbers, half a unit below
        "人均预期寿命" | "入托率提高" | "常住人口城镇化率" | "农村贫困人口脱贫" => {
            v - 0.5
        }
        // 〔13.5〕: a tenth, on the index 86.5 falling
        "单位GDP能耗降低" => v + 0.05,
        // 〔8〕, 〔10〕, 136000, [5]: whole numbers, falling
        "主要污染物排放总量减少：化学需氧量"
        | "主要污染物排放总量减少：氨氮"
        | "常住人口"
        | "化肥使用量减少" => v + 0.5,
        // bounds as drawn: <3256, 保有量 1.2, 1.4以上
        _ => v,
    };
    for ((_, name, v, _), level) in found.iter().zip(&levels) {
        let want = printed(name, *v);
        // as written out: six significant digits (136000.5 prints as 136000)
        let six = 0.5 * 10f64.powi(want.abs().log10().floor() as i32 - 5);
        assert!(
            (level - want).abs() <= six,
            "{name}: simulate {level} ≠ {want}"
        );
    }
    // by hand: 77.1 + 1 − 0.5, 86.5 + 0.05, 77.93 + 1 − 0.5
    let level_of = |region: &str, name: &str| {
        found
            .iter()
            .zip(&levels)
            .find(|((r, n, _, _), _)| r == region && n == name)
            .map(|(_, l)| *l)
            .unwrap()
    };
    assert!(close(level_of("某县", "人均预期寿命"), 77.6));
    assert!(close(level_of("某县", "单位GDP能耗降低"), 86.55));
    assert!(close(level_of("某市", "人均预期寿命"), 78.43));
}

#[test]
fn sweep_report_and_plot_use_the_same_meaning() {
    // on the plan's own rate (no change) the path ends on the target
    let sweep = json(&[
        "sweep",
        SCENARIO,
        "--indicator",
        "人均预期寿命",
        "--region",
        "某市",
        "--format",
        "json",
        "--draws",
        "100",
    ]);
    let at_zero = sweep["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["delta"].as_f64() == Some(0.0) && r["year"] == 2025)
        .unwrap();
    assert!(
        close(at_zero["value"].as_f64().unwrap(), 78.93),
        "{at_zero}"
    );
    assert_eq!(at_zero["met"], true);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    plansim()
        .args(["report", SCENARIO, "--no-charts", "--draws", "100", "--out"])
        .arg(&out)
        .assert()
        .success();
    let summary: Value = serde_json::from_slice(
        &std::fs::read(out.join("every-case").join("summary.json")).unwrap(),
    )
    .unwrap();
    for row in summary["rows"].as_array().unwrap() {
        let x = expected(
            row["region"].as_str().unwrap(),
            row["indicator"].as_str().unwrap(),
        );
        if let Some(v) = row["target_value"].as_f64() {
            assert!(close(v, x.value), "report {}: {v} ≠ {}", x.name, x.value);
        }
    }

    let charts = dir.path().join("charts");
    plansim()
        .args([
            "plot",
            SCENARIO,
            "--indicator",
            "人均预期寿命",
            "--format",
            "svg",
            "--out",
        ])
        .arg(&charts)
        .assert()
        .success();
    let svg: String = std::fs::read_dir(&charts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "svg"))
        .filter(|p| p.to_string_lossy().contains("某市"))
        .map(|p| std::fs::read_to_string(Path::new(&p)).unwrap())
        .collect();
    // the chart draws the path from the 2020 outturn, not the starred 2019 figure
    assert!(svg.contains("77.93"), "the chart shows no base 77.93");
}

#[test]
fn a_later_table_printing_the_base_year_sets_the_base_of_a_rise() {
    // 77.3 is a 2019 figure; a later table prints 77.93 for 2020: 77.93 + 1
    let grades = json(&[
        "assess",
        "tests/fixtures/meaning/starred-region.csv",
        "tests/fixtures/meaning/next-plan.csv",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    let life = grades
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["target"] == "〔1〕")
        .unwrap();
    assert!(
        close(life["target_value"].as_f64().unwrap(), 78.93),
        "{life}"
    );
    assert!(
        life["notes"]
            .to_string()
            .contains("next plan's 2020 figure 77.93"),
        "{life}"
    );
}

/// One verdict for one number: 科尔沁区's GDP at 429.6 in 2025 against `430亿` (whole 亿: met
/// from 429.5) is 已实现 in `assess` and ✓ in `project`; 429.4 is neither.
#[test]
fn assess_and_project_hold_a_number_to_its_target_alike() {
    let dir = tempfile::tempdir().unwrap();
    let table = format!("{}/scenarios/tables/horqin.csv", env!("CARGO_MANIFEST_DIR"));
    for (value, met) in [(429.6, true), (429.4, false)] {
        let outturns = dir.path().join(format!("o{value}.csv"));
        std::fs::write(
            &outturns,
            format!("region,indicator,year,value\n科尔沁区,地区生产总值增长率,2025,{value}\n"),
        )
        .unwrap();
        let args = |cmd: &'static str| {
            vec![
                cmd.to_string(),
                table.clone(),
                "--actuals".into(),
                outturns.display().to_string(),
                "--format".into(),
                "json".into(),
            ]
        };
        let a: Vec<String> = args("assess");
        let grades = json(&a.iter().map(String::as_str).collect::<Vec<_>>());
        let g = grades
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["indicator"] == "地区生产总值增长率")
            .unwrap();
        assert_eq!(
            g["grade_zh"],
            if met { "已实现" } else { "未实现" },
            "{value}"
        );
        let p: Vec<String> = args("project");
        let p = json(&p.iter().map(String::as_str).collect::<Vec<_>>());
        let path = p["paths"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["series"]["name"] == "地区生产总值增长率")
            .unwrap();
        assert_eq!(path["outcomes"][0]["met"], met, "{value}");
    }
}
