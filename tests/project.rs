//! `plansim project` and `plansim sweep` on the bundled scenarios and on fixtures.

use assert_cmd::Command;
use std::path::Path;

/// In English, whatever the locale: these tests read the messages.
fn plansim() -> Command {
    let mut cmd = Command::cargo_bin("plansim").unwrap();
    cmd.env("LC_ALL", "en_US.UTF-8");
    cmd
}

fn bundled_scenarios() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

/// The value of one indicator in one year from the long CSV.
fn value(csv_text: &str, region: &str, indicator: &str, year: i32) -> f64 {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    for rec in r.records() {
        let rec = rec.unwrap();
        if &rec[0] == region && &rec[3] == indicator && rec[5].parse::<i32>().unwrap() == year {
            return rec[6].parse().unwrap();
        }
    }
    panic!("{region} {indicator} {year} not in the projection");
}

#[test]
fn every_bundled_scenario_projects_in_long_format() {
    let scenarios = bundled_scenarios();
    assert!(
        scenarios.len() >= 4,
        "a baseline and at least three what-ifs"
    );
    for sc in scenarios {
        let out = plansim()
            .args(["project", "--format", "csv"])
            .arg(&sc)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            sc.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with("region,plan,scenario,indicator,unit,year,value\n"),
            "{}",
            sc.display()
        );
        if sc.file_stem().is_some_and(|s| s == "national-14th") {
            // the national plan's levels; its growth-rate rows are not compounded
            assert!(text.contains(",national-14th,常住人口城镇化率,"), "{text}");
            assert!(!text.contains("全员劳动生产率增长"));
            continue;
        }
        if sc.file_stem().is_some_and(|s| s == "national-15th") {
            // from the 15th table's 2025 column: urbanisation 67.9, as printed
            assert_eq!(value(&text, "全国", "常住人口城镇化率", 2025), 67.9);
            assert!(!text.contains("全员劳动生产率增长"));
            continue;
        }
        // 科尔沁区 GDP is projected in every scenario from its 2020 base of 305.8亿元
        assert_eq!(value(&text, "科尔沁区", "地区生产总值增长率", 2020), 305.8);
        // every plan with a baseline or a stated rate has paths (赤峰's plan states neither)
        for region in ["科尔沁区", "回民区", "鄂托克旗", "通辽市"] {
            assert!(
                text.contains(&format!("\n{region},")),
                "{}: {region}",
                sc.display()
            );
        }
    }
}

/// `got` is `expect` written to six significant digits: within half a unit of the sixth.
fn assert_six_digits(got: f64, expect: f64) {
    let unit = 10f64.powi(expect.abs().log10().floor() as i32 - 5);
    assert!((got - expect).abs() <= unit / 2.0, "{got} against {expect}");
}

#[test]
fn baseline_and_what_ifs_give_the_hand_computed_numbers() {
    let csv = |sc: &str| {
        let out = plansim()
            .args(["project", "--format", "csv", sc])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // baseline: 305.8·1.07⁵ = 428.898…
    let base = csv("scenarios/baseline.toml");
    assert_six_digits(
        value(&base, "科尔沁区", "地区生产总值增长率", 2025),
        305.8 * 1.07f64.powi(5),
    );
    // shock-2024: 2024 grows 7 − 5 = 2%: 305.8·1.07³·1.02·1.07
    let shock = csv("scenarios/shock-2024.toml");
    let expect = 305.8 * 1.07f64.powi(3) * 1.02 * 1.07;
    assert_six_digits(
        value(&shock, "科尔沁区", "地区生产总值增长率", 2025),
        expect,
    );
    // slow-15th: 2026–30 at 5%, then 7% again: 428.898·1.05⁵·1.07⁵
    let slow = csv("scenarios/slow-15th.toml");
    let expect = 305.8 * 1.07f64.powi(5) * 1.05f64.powi(5) * 1.07f64.powi(5);
    assert_six_digits(value(&slow, "科尔沁区", "地区生产总值增长率", 2035), expect);
    // phases: 5% in 2026–30, 4% in 2031–35
    let phases = csv("scenarios/phases.toml");
    let expect = 305.8 * 1.07f64.powi(5) * 1.05f64.powi(5) * 1.04f64.powi(5);
    assert_six_digits(
        value(&phases, "科尔沁区", "地区生产总值增长率", 2035),
        expect,
    );
}

#[test]
fn actuals_give_the_required_rate() {
    let out = plansim()
        .args([
            "project",
            "--format",
            "json",
            "scenarios/horqin-outturn.toml",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let gdp = v["paths"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["series"]["name"] == "地区生产总值增长率")
        .unwrap();
    // from the 2023 outturn 305.8·1.06·1.03·1.05 = 350.566 to 430 in two years:
    // (430/350.566)^(1/2) − 1 = 10.751%, in percent as every rate of the JSON
    let req = gdp["outcomes"][0]["required_rate"].as_f64().unwrap();
    assert!(
        (req - ((430.0f64 / 350.566).sqrt() - 1.0) * 100.0).abs() < 1e-3,
        "{req}"
    );
    // the stated 7 % a year
    assert_eq!(gdp["series"]["stated_rate"]["value"], 7.0);
    assert_eq!(gdp["plan"]["plan_rate"], 7.0);
    assert_eq!(gdp["outcomes"][0]["required_from"], 2023);
}

#[test]
fn a_table_runs_as_its_own_baseline() {
    let t = Path::new("scenarios/tables/horqin.csv");
    let out = plansim()
        .args(["project", "--format", "csv"])
        .arg(t)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().nth(1).unwrap().contains(",baseline,"));
    // 森林覆盖率 13.39 → logistic under 100 through 13.39·1.06⁵ = 17.919 in 2025
    assert_six_digits(
        value(&text, "科尔沁区", "森林覆盖率", 2025),
        13.39 * 1.06f64.powi(5),
    );
}

#[test]
fn sweep_finds_the_rate_that_meets_the_target() {
    let out = plansim()
        .args([
            "sweep",
            "scenarios/baseline.toml",
            "--indicator",
            "地区生产总值增长率",
            "--delta",
            "-1..1",
            "--step",
            "0.5",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    let met: Vec<(f64, String)> = r
        .deserialize::<std::collections::HashMap<String, String>>()
        .map(|row| {
            let row = row.unwrap();
            (row["delta"].parse().unwrap(), row["met"].clone())
        })
        .collect();
    // 430 needs (430/305.8)^(1/5) − 1 = 7.05%: 7% misses, 7.5% meets
    assert_eq!(
        met,
        [
            (-1.0, "false"),
            (-0.5, "false"),
            (0.0, "false"),
            (0.5, "true"),
            (1.0, "true")
        ]
        .map(|(d, m)| (d, m.to_string()))
    );
}

#[test]
fn scenario_errors_name_the_file_and_line() {
    let out = plansim()
        .args(["project", "tests/fixtures/project/unknown-key.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown-key.toml:6") && err.contains("dleta"),
        "{err}"
    );
    let out = plansim()
        .args(["project", "tests/fixtures/project/cycle-a.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cycle"));
}

/// `--years` beyond the horizon (2035) is said on stderr with the way to reach it; the years
/// the projection holds are printed as asked.
#[test]
fn a_year_beyond_the_horizon_is_said_not_dropped() {
    let out = plansim()
        .args([
            "project",
            "scenarios/baseline.toml",
            "--years",
            "2025,2040",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--years 2040: not among the projection's years (") && err.contains("–2035)"),
        "{err}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let header = text
        .lines()
        .find(|l| l.contains("region") && l.contains("indicator"))
        .unwrap();
    assert!(
        header.contains("2025") && !header.contains("2040"),
        "{header}"
    );
}

/// A goal already met asks for no pace (`required_rate` empty, as in `assess`); one not yet
/// met gets the pace from the base: (140/100)^(1/5) − 1 = 6.96 % a year.
#[test]
fn a_goal_already_met_has_no_required_rate() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.csv");
    std::fs::write(
        &table,
        "region,indicator,unit,base_year,base,target_year,target,rate,attribute\n\
         某县,城镇登记失业率,%,2020,3.8,2025,5以内,,预期性\n\
         某县,地区生产总值,亿元,2020,100,2025,140,5,预期性\n",
    )
    .unwrap();
    let out = plansim()
        .arg("project")
        .arg(&table)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let required = |name: &str| {
        v["paths"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["series"]["name"] == name)
            .unwrap_or_else(|| panic!("no path for {name}"))["outcomes"][0]["required_rate"]
            .clone()
    };
    assert!(required("城镇登记失业率").is_null());
    let gdp = required("地区生产总值").as_f64().unwrap();
    assert!(
        (gdp - 100.0 * (1.4f64.powf(0.2) - 1.0)).abs() < 1e-4,
        "{gdp}"
    );
}

/// `--format csv` writes each path as it is made; a path the scenario cannot make (compound
/// growth forced on the second row's zero baseline, after a first row that projects) stops
/// the run before any row is written, as when the projection was made whole, in every format.
#[test]
fn a_path_that_cannot_be_made_stops_the_csv_before_its_first_row() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.csv"),
        "region,indicator,unit,base_year,base,target_year,target,rate\n\
         测试区,地区生产总值,亿元,2020,100,2025,,5\n\
         测试区,新建园区,个,2020,0,2025,3,\n",
    )
    .unwrap();
    let scenario = dir.path().join("s.toml");
    std::fs::write(
        &scenario,
        "tables = [\"t.csv\"]\n[models]\ndefault = \"compound\"\n",
    )
    .unwrap();
    for format in ["csv", "json", "table"] {
        let out = plansim()
            .args(["project", "--format", format])
            .arg(&scenario)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(out.stdout.is_empty(), "{format}: {:?}", out.stdout);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("compound growth needs a positive baseline, and 新建园区 starts at 0"),
            "{format}: {err}"
        );
    }
}

/// The table and JSON made path by path (no row judged against another's growth) give the rows the
/// projection made whole gives (a growth stated against GDP's makes it whole, and says the
/// relation under the table): 100 at 5 % from 2020 is 100·1.05⁵ = 127.6 in 2025 and
/// 100·1.05¹⁰ = 162.9 in 2030 in both.
#[test]
fn table_and_json_made_path_by_path_are_the_whole_projections() {
    let dir = tempfile::tempdir().unwrap();
    let head = "region,plan,indicator,unit,base_year,base,target_year,target,rate\n";
    let rows = "甲区,十四五规划,复利,亿元,2020,100,2025,,5\n\
                甲区,十四五规划,地区生产总值增长,%,2020,6,2025,,6\n";
    let alone = dir.path().join("alone.csv");
    std::fs::write(&alone, format!("{head}{rows}")).unwrap();
    let with = dir.path().join("with.csv");
    std::fs::write(
        &with,
        format!(
            "{head}{rows}甲区,十四五规划,居民人均可支配收入增长,%,2020,7,2025,与经济增长同步,\n"
        ),
    )
    .unwrap();
    let table = |path: &Path| {
        let out = plansim()
            .args(["project", "--years", "2025,2030"])
            .arg(path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let (streamed, whole) = (table(&alone), table(&with));
    let line = |text: &str, name: &str| {
        text.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not in {text}"))
            .to_string()
    };
    let compound = line(&streamed, "复利");
    assert_eq!(compound, line(&whole, "复利"));
    assert!(
        compound.contains("127.6 ✓") && compound.contains("162.9"),
        "{compound}"
    );
    // 7 % a year against 6 %: within the relation's reading, said under the whole table only
    let said = line(&whole, "居民人均可支配收入增长 averages 7% a year");
    assert!(said.ends_with(": met"), "{said}");
    assert!(!streamed.contains("Targets relative to another row's growth"));
    // the same in JSON: 复利's path is 100·1.05ᵏ from 2020 either way
    let json = |path: &Path| {
        let out = plansim()
            .args(["project", "--format", "json"])
            .arg(path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let paths = v["paths"].as_array().unwrap().clone();
        let compound = paths
            .into_iter()
            .find(|p| p["series"]["name"] == "复利")
            .unwrap_or_else(|| panic!("{v}"));
        (compound, v["relations"].as_array().unwrap().len())
    };
    let ((streamed, none), (whole, one)) = (json(&alone), json(&with));
    assert_eq!(streamed, whole);
    assert_eq!((none, one), (0, 1));
    let values: Vec<f64> = streamed["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(streamed["years"][0], 2020);
    for (k, v) in values.iter().enumerate() {
        assert_six_digits(*v, 100.0 * 1.05f64.powi(k as i32));
    }
}

/// `sweep` and `plot` take outturn files as `project` does: the county's outturns run to 2023,
/// so the sweep changes rates from 2024 (from 2021 without them), and `plot` draws the gap
/// chart, which needs outturns, besides the others.
#[test]
fn sweep_and_plot_take_outturn_files() {
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("plansim")
            .unwrap_or_else(|e| panic!("{e}"))
            .env("LC_ALL", "en_US.UTF-8")
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let table = "examples/own/county.csv";
    let outturns = "examples/own/outturns.csv";
    let sweep = [
        "sweep",
        table,
        "--indicator",
        "地区生产总值",
        "--lang",
        "en",
    ];
    assert!(run(&sweep).starts_with("county 地区生产总值 — from 2021\n"));
    let with: Vec<&str> = sweep
        .iter()
        .copied()
        .chain(["--actuals", outturns])
        .collect();
    assert!(run(&with).starts_with("county 地区生产总值 — from 2024\n"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("charts");
    let out_s = out.to_string_lossy().into_owned();
    run(&[
        "plot",
        table,
        "--actuals",
        outturns,
        "--out",
        &out_s,
        "--format",
        "svg",
    ]);
    assert!(out.join("gap-county.svg").is_file());
}

/// A rule's pace on a share, with an outturn inside the plan period: the table's scenario
/// column is the mean growth of the open years (2021, 2022, 2024, 2025) from the path's own
/// values, not the span 2020–2025 over four years, which counted 2023's observed step as the
/// rule's (1.32 % for `rate = 1`).
#[test]
fn the_scenario_pace_counts_the_open_years_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("t.csv"),
        "指标,单位,2020年,2025年,属性\n森林覆盖率,%,30.2,＞31,约束性\n",
    )
    .unwrap();
    std::fs::write(
        d.join("o.csv"),
        "region,indicator,year,value\n,森林覆盖率,2023,31.2\n",
    )
    .unwrap();
    std::fs::write(
        d.join("s.toml"),
        "name = \"s\"\ntables = [\"t.csv\"]\nactuals = [\"o.csv\"]\n\n[[override]]\nindicator = \"森林覆盖率\"\nrate = 1\n",
    )
    .unwrap();
    let s = d.join("s.toml");
    let csv = plansim()
        .args(["project", s.to_str().unwrap(), "--format", "csv"])
        .output()
        .unwrap();
    assert!(csv.status.success());
    let csv = String::from_utf8(csv.stdout).unwrap();
    let v = |y| value(&csv, "t", "森林覆盖率", y);
    let open = [2021, 2022, 2024, 2025];
    let growth: f64 = open.iter().map(|&y| v(y) / v(y - 1)).product();
    let pace = growth.powf(0.25) - 1.0;
    let span = (v(2025) / v(2020)).powf(0.25) - 1.0;
    let (pace, span) = (
        format!("{:.2}%", pace * 100.0),
        format!("{:.2}%", span * 100.0),
    );
    assert_ne!(pace, span);
    let table = plansim()
        .args(["project", s.to_str().unwrap()])
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    // a scenario without a description is named without a colon after it
    assert_eq!(table.lines().next(), Some("scenario s"), "{table}");
    let row = table.lines().find(|l| l.contains("森林覆盖率")).unwrap();
    assert!(
        row.contains(&pace) && !row.contains(&span),
        "{pace} {span}: {row}"
    );
}
