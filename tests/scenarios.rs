//! The what-if mistakes of issue 14, each tried through the command line: a clear message naming
//! the file and line, or a result that is right. Fixtures in `tests/fixtures/scenarios/` extend
//! the bundled baseline; 科尔沁区's GDP (地区生产总值) starts at 305.8亿元 in 2020 and grows at
//! the stated 7 % a year.

use assert_cmd::Command;
use std::collections::HashMap;

const FIX: &str = "tests/fixtures/scenarios";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `got` is `expect` as written out, to six significant digits: within half a unit of the
/// sixth.
fn six(got: f64, expect: f64) -> bool {
    let unit = 10f64.powi(expect.abs().log10().floor() as i32 - 5);
    (got - expect).abs() <= unit / 2.0
}

/// plansim in the repository's folder, in a language (English unless the test says).
fn run_in(lang: &str, args: &[&str]) -> Run {
    let out = Command::cargo_bin("plansim")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", lang)
        .args(args)
        .output()
        .unwrap();
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    r
}

fn run(args: &[&str]) -> Run {
    run_in("en_US.UTF-8", args)
}

fn fix(name: &str) -> String {
    format!("{FIX}/{name}")
}

/// Value of one region's indicator in one year from `project --format csv`.
fn value(csv_text: &str, region: &str, indicator: &str, year: i32) -> f64 {
    for rec in csv::Reader::from_reader(csv_text.as_bytes()).records() {
        let rec = rec.unwrap();
        if &rec[0] == region && &rec[3] == indicator && rec[5].parse::<i32>().unwrap() == year {
            return rec[6].parse().unwrap();
        }
    }
    panic!("{region} {indicator} {year} not projected");
}

fn gdp(scenario: &str, year: i32) -> f64 {
    let r = run(&["project", "--format", "csv", scenario]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    value(&r.stdout, "科尔沁区", "地区生产总值增长率", year)
}

/// `rate = 0.05` is read as 0.05 % (every rate is in percent) and said to be, with its line;
/// `rate = "5%"` is 5 % without a word.
#[test]
fn a_rate_that_looks_like_a_fraction_is_a_warning_with_its_line() {
    let r = run(&["project", "--format", "csv", &fix("fraction-rate.toml")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "plansim: warning: tests/fixtures/scenarios/fraction-rate.toml:7: rate = 0.05 is read as 0.05%"
        ) && r.stderr.contains("for 5% write rate = 5"),
        "{}",
        r.stderr
    );
    // 2026 grows 0.05 % from 2025: 305.8·1.07⁵·1.0005
    let v2025 = 305.8 * 1.07f64.powi(5);
    assert!(six(
        value(&r.stdout, "科尔沁区", "地区生产总值增长率", 2026),
        v2025 * 1.0005
    ));
    let r = run(&["project", "--format", "csv", &fix("percent-rate.toml")]);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    assert!(six(
        value(&r.stdout, "科尔沁区", "地区生产总值增长率", 2026),
        v2025 * 1.05
    ));
}

/// σ is in points in the file and on the command line; a σ below 0.1 is most likely a fraction.
#[test]
fn sigma_is_in_points_and_a_fraction_is_a_warning() {
    let r = run(&["simulate", "--draws", "200", &fix("fraction-sigma.toml")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "fraction-sigma.toml:5: sigma 0.02 is read as 0.02 points a year (σ is in points: 2 = 2 points); for 2 points write 2"
        ),
        "{}",
        r.stderr
    );
    let r = run(&[
        "simulate",
        "--draws",
        "200",
        "--sigma",
        "0.02",
        "scenarios/baseline.toml",
    ]);
    assert!(
        r.stderr.contains("--sigma 0.02 is read as 0.02 points"),
        "{}",
        r.stderr
    );
    // `--sigma 2` and `--sigma 2%` are 2 points: the σ column says 2.00%
    for s in ["2", "2%"] {
        let r = run(&[
            "simulate",
            "--draws",
            "200",
            "--sigma",
            s,
            "scenarios/baseline.toml",
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(!r.stderr.contains("warning"), "{}", r.stderr);
        assert!(r.stdout.contains(" 2.00% "), "{}", r.stdout);
    }
    let r = run(&["simulate", "--sigma", "200", "scenarios/baseline.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("expected points from 0 to 100"),
        "{}",
        r.stderr
    );
}

/// An override without `region` reaching three plans is a warning listing them; the table's
/// `scenario` column shows the rate the rule set, beside the `stated` one.
#[test]
fn a_rule_spanning_regions_without_region_is_a_warning() {
    let r = run(&["project", "--years", "2025", &fix("no-region.toml")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "no-region.toml:4: the [[override]] has no `region` and reaches 3 regions: 科尔沁区, 回民区, 通辽市"
        ),
        "{}",
        r.stderr
    );
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("科尔沁区") && l.contains(" 地区生产总值增长率 "))
        .unwrap();
    assert!(
        line.contains(" 7.00% ") && line.contains(" 5.00% "),
        "{line}"
    );
    // the bundled what-ifs say region = "*" where they mean every region: no warning
    for sc in ["slow-15th", "shock-2024", "phases", "green-push"] {
        let r = run(&[
            "project",
            "--format",
            "csv",
            &format!("scenarios/{sc}.toml"),
        ]);
        assert!(!r.stderr.contains("warning"), "{sc}: {}", r.stderr);
    }
}

/// Names that match nothing are errors naming the file, the line and the nearest names, all at
/// once, in the file's words (no Rust types).
#[test]
fn names_that_select_nothing_are_errors_with_the_nearest_names() {
    let r = run(&["project", &fix("typo-indicator.toml")]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim(),
        "plansim: error: tests/fixtures/scenarios/typo-indicator.toml:4: the [[override]] names \
         indicator \"地区生产总直\", which no table has; did you mean \"地区生产总值\"?"
    );
    let r = run(&["project", &fix("typo-keys.toml")]);
    assert_eq!(r.code, 2);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", r.stderr);
    assert!(
        lines[0].contains("typo-keys.toml:5: the [models] names indicator \"森林覆盖\"")
            && lines[0].contains("did you mean \"森林覆盖率\"?"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("typo-keys.toml:6: the [[after.phase]] names category \"经济发\"")
            && lines[1].contains("\"经济发展\""),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains(
            "typo-keys.toml:13: the [uncertainty.sigma_by] names indicator \"地区生产总额\""
        ) && lines[2].contains("\"地区生产总值\""),
        "{}",
        lines[2]
    );
    for bad in ["Selector", "Some(", "None", "i32", "f64"] {
        assert!(!r.stderr.contains(bad), "{bad}: {}", r.stderr);
    }
    // 科尔沁区's 地区生产总值 is a row stating 地区生产总值增长率's target again: a rule reaches
    // the series by it, so the typo's nearest name is it too
    let dir = tempfile::tempdir().unwrap();
    let sc = dir.path().join("t.toml");
    let table =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tables/horqin.csv");
    std::fs::write(
        &sc,
        format!(
            "name = \"t\"\ntables = [{:?}]\n[[override]]\nindicator = \"地区生产总直\"\nfrom = 2024\nto = 2025\ndelta = -2\n",
            table.display().to_string()
        ),
    )
    .unwrap();
    let r = run(&["project", &sc.to_string_lossy()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("\"地区生产总直\", which no table has; did you mean \"地区生产总值\""),
        "{}",
        r.stderr
    );
}

#[test]
fn values_written_the_wrong_way_say_how_to_write_them() {
    let r = run(&["project", &fix("year-text.toml")]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "year-text.toml:7: \"2023\" is text, not a year: write it as a number, without quotes: 2023"
        ),
        "{}",
        r.stderr
    );
    let r = run(&["project", &fix("percent-unquoted.toml")]);
    assert!(
        r.stderr.contains(
            "percent-unquoted.toml:7: `rate = 5%`: a value with % needs quotes: write rate = 5 or rate = \"5%\""
        ),
        "{}",
        r.stderr
    );
    let r = run(&["project", &fix("two-changes.toml")]);
    assert!(
        r.stderr.contains(
            "two-changes.toml:4: the [[shock]] gives one change, and here gives rate and delta"
        ),
        "{}",
        r.stderr
    );
}

/// `rate` is the year's growth, `delta` points off the rate, `level` a one-off change of level.
#[test]
fn shocks_say_what_they_mean() {
    let v = |y| gdp(&fix("shocks.toml"), y);
    // 2021 at 7 %; 2022 grows −3 %; 2023 at 7 − 2 = 5 %; 2024 at 7 % and then 5 % lower
    let v2021 = 305.8 * 1.07;
    let v2022 = v2021 * 0.97;
    let v2023 = v2022 * 1.05;
    let v2024 = v2023 * 1.07 * 0.95;
    for (y, want) in [(2021, v2021), (2022, v2022), (2023, v2023), (2024, v2024)] {
        assert!(six(v(y), want), "{y}: {} against {want}", v(y));
    }
    // the path goes on from the lower level at 7 %
    assert!(six(v(2025), v2024 * 1.07));
}

/// A shock on a category reaches its levels; its shares (城镇化率) only when asked for.
#[test]
fn category_shocks_reach_levels_unless_shares_are_asked_for() {
    let csv = |sc: &str| {
        let r = run(&["project", "--format", "csv", sc]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    let (base, shock) = (
        csv("scenarios/baseline.toml"),
        csv("scenarios/shock-2024.toml"),
    );
    let urban = |t: &str| value(t, "科尔沁区", "常住人口城镇化率", 2024);
    assert_eq!(urban(&base), urban(&shock));
    // GDP does take the 5-point shock: 2024 grows 2 %
    let g = value(&shock, "科尔沁区", "地区生产总值增长率", 2024);
    assert!(six(g, 305.8 * 1.07f64.powi(3) * 1.02));
    // kind = "shares" reaches the share: 1 point off its 2024 rate, said by explain
    let r = run(&["explain", "--format", "json", &fix("shocks.toml")]);
    let e: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let rule = e["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["says"].as_str().unwrap().contains("kind = \"shares\""))
        .unwrap();
    let rows = rule["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rule}");
    assert_eq!(rows[0]["indicator"], "常住人口城镇化率");
    let span = &rows[0]["spans"][0];
    let (before, after) = (
        span["before"].as_f64().unwrap(),
        span["after"].as_f64().unwrap(),
    );
    // each written to six significant digits
    assert!((before - after - 1.0).abs() < 1e-5, "{span}");
}

/// explain lists each rule with its file and line and exactly the rows it changed.
#[test]
fn explain_shows_each_rule_and_the_rows_it_changed() {
    let r = run(&["explain", "--format", "json", "scenarios/shock-2024.toml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let e: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let first = &e["rules"][0];
    assert_eq!(first["rule"], "shock");
    assert_eq!(first["at"]["file"], "scenarios/shock-2024.toml");
    assert_eq!(first["at"]["line"], 7);
    let changed: HashMap<(String, String), (f64, f64)> = first["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let s = &row["spans"][0];
            assert_eq!(
                (s["from"].as_i64(), s["to"].as_i64()),
                (Some(2024), Some(2024))
            );
            (
                (
                    row["region"].as_str().unwrap().into(),
                    row["indicator"].as_str().unwrap().into(),
                ),
                (s["before"].as_f64().unwrap(), s["after"].as_f64().unwrap()),
            )
        })
        .collect();
    // the table's 7 % (科尔沁区) and 6 % (回民区) GDP, each 5 points lower in 2024
    assert_eq!(
        changed[&("科尔沁区".into(), "地区生产总值增长率".into())],
        (7.0, 2.0)
    );
    assert_eq!(
        changed[&("回民区".into(), "地区生产总值".into())],
        (6.0, 1.0)
    );
    // shares are left out and said to be
    assert!(!changed.contains_key(&("科尔沁区".into(), "常住人口城镇化率".into())));
    assert!(
        first["left_out"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "科尔沁区 常住人口城镇化率")
    );
    // the readable form, in Chinese
    let r = run_in("zh_CN.UTF-8", &["explain", "scenarios/shock-2024.toml"]);
    assert!(
        r.stdout.contains("[[shock]] scenarios/shock-2024.toml:7")
            && r.stdout.contains("2024: 7.00% → 2.00%"),
        "{}",
        r.stdout
    );
}

/// sweep: from the scenario's own rates, after the latest outturn, never a shocked year; P(meet)
/// per step; regions apart; rates as the table prints them.
#[test]
fn sweep_answers_the_question() {
    // horqin-outturn observes 2021–23: the sweep starts in 2024. +1 point: 350.566·1.08²
    let r = run(&[
        "sweep",
        "scenarios/horqin-outturn.toml",
        "--indicator",
        "地区生产总值",
        "--region",
        "科尔沁区",
        "--delta",
        "0..1",
        "--step",
        "1",
        "--format",
        "csv",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows: Vec<HashMap<String, String>> = csv::Reader::from_reader(r.stdout.as_bytes())
        .deserialize()
        .map(|x| x.unwrap())
        .collect();
    let at = |d: &str| {
        rows.iter()
            .find(|x| x["delta"] == d && x["year"] == "2025")
            .unwrap()
    };
    assert_eq!(at("1.0")["from"], "2024");
    assert_eq!(at("1.0")["rate"], "8.0");
    let v: f64 = at("1.0")["value"].parse().unwrap();
    assert!(six(v, 350.566 * 1.08f64.powi(2)), "{v}");
    assert!(at("1.0")["probability"].parse::<f64>().is_ok());
    // shock-2024: 2024 keeps its shocked 2 %; +1 changes 2021–23 and 2025
    let r = run(&[
        "sweep",
        "scenarios/shock-2024.toml",
        "--indicator",
        "地区生产总值",
        "--region",
        "科尔沁区",
        "--delta",
        "1..1",
        "--format",
        "csv",
    ]);
    let rows: Vec<HashMap<String, String>> = csv::Reader::from_reader(r.stdout.as_bytes())
        .deserialize()
        .map(|x| x.unwrap())
        .collect();
    let v: f64 = rows[0]["value"].parse().unwrap();
    assert!(six(v, 305.8 * 1.08f64.powi(3) * 1.02 * 1.08), "{v}");
    // no binary noise in any number: 0.1 steps print as 7.1, 7.2 …
    let r = run(&[
        "sweep",
        "scenarios/baseline.toml",
        "--indicator",
        "地区生产总值",
        "--delta",
        "-0.3..0.3",
        "--step",
        "0.1",
        "--format",
        "csv",
    ]);
    let rows: Vec<HashMap<String, String>> = csv::Reader::from_reader(r.stdout.as_bytes())
        .deserialize()
        .map(|x| x.unwrap())
        .collect();
    for row in &rows {
        for col in ["delta", "rate"] {
            let decimals = row[col].split_once('.').map_or(0, |(_, d)| d.len());
            assert!(decimals <= 1, "{col} = {}", row[col]);
        }
    }
    // three regions share the name: three tables, one per region, and P(meet) labelled
    let r = run(&[
        "sweep",
        "scenarios/baseline.toml",
        "--indicator",
        "地区生产总值",
        "--delta",
        "0..1",
    ]);
    for region in ["科尔沁区", "回民区", "通辽市"] {
        assert_eq!(
            r.stdout
                .lines()
                .filter(|l| l.starts_with(&format!("{region} 地区生产总值")))
                .count(),
            1,
            "{}",
            r.stdout
        );
    }
    assert!(
        r.stdout.contains("conditional on the scenario"),
        "{}",
        r.stdout
    );
    // a name no table has, with the nearest; changes that look like fractions, warned
    let r = run(&[
        "sweep",
        "scenarios/baseline.toml",
        "--indicator",
        "地区生产总直",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "scenarios/baseline.toml: no indicator \"地区生产总直\" in the scenario's tables; did you mean \"地区生产总值\"?"
        ),
        "{}",
        r.stderr
    );
    let r = run(&[
        "sweep",
        "scenarios/baseline.toml",
        "--indicator",
        "地区生产总值",
        "--delta",
        "-0.02..0.02",
        "--step",
        "0.01",
    ]);
    assert!(
        r.stderr.contains("--delta -0.02..0.02 is read in points"),
        "{}",
        r.stderr
    );
}

/// What project cannot project is a count on stderr; `--verbose` lists it.
#[test]
fn project_counts_what_it_cannot_project() {
    let r = run(&["project", "scenarios/tables/horqin.csv"]);
    assert_eq!(r.code, 0);
    assert!(!r.stdout.contains("not projected"), "{}", r.stdout);
    let count = r
        .stderr
        .lines()
        .find(|l| l.contains("not projected"))
        .unwrap();
    assert!(count.ends_with("--verbose lists them"), "{count}");
    let n: usize = count.split_whitespace().nth(2).unwrap().parse().unwrap();
    let r = run(&["project", "--verbose", "scenarios/tables/horqin.csv"]);
    assert_eq!(
        r.stderr
            .lines()
            .filter(|l| l.starts_with("  科尔沁区 "))
            .count(),
        n,
        "{}",
        r.stderr
    );
}

/// Where there is no `scenarios/`, report says what it looked for and writes nothing.
#[test]
fn report_without_scenarios_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("plansim")
        .unwrap()
        .current_dir(dir.path())
        .env("LC_ALL", "en_US.UTF-8")
        .arg("report")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no scenario files (*.toml) found in scenarios (")
            && err.contains("nothing written"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "wrote something"
    );
}

/// Every subcommand's help ends with examples.
#[test]
fn every_help_ends_with_examples() {
    for cmd in [
        "tables", "check", "project", "explain", "sweep", "simulate", "plot", "report",
    ] {
        let r = run(&[cmd, "--help"]);
        assert_eq!(r.code, 0);
        let (_, examples) = r
            .stdout
            .rsplit_once("Examples:\n")
            .unwrap_or_else(|| panic!("{cmd}"));
        let lines: Vec<&str> = examples.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!((2..=3).contains(&lines.len()), "{cmd}: {examples}");
        assert!(
            lines.iter().all(|l| l.trim_start().starts_with("plansim ")),
            "{cmd}: {examples}"
        );
    }
}

/// Chinese by default for Chinese tables when the locale names no language; `--lang` wins.
#[test]
fn messages_and_findings_in_chinese_or_english() {
    let out = Command::cargo_bin("plansim")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .args(["check", "scenarios/tables/horqin.csv"])
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(stdout.contains("既无目标也无增速"), "{stdout}");
    assert!(stderr.starts_with("plansim check：1 个文件"), "{stderr}");
    let r = run_in(
        "zh_CN.UTF-8",
        &["--lang", "en", "check", "scenarios/tables/horqin.csv"],
    );
    assert!(r.stdout.contains("no target and no rate"), "{}", r.stdout);
    let r = run_in(
        "en_US.UTF-8",
        &["project", &fix("typo-indicator.toml"), "--lang", "zh"],
    );
    assert!(
        r.stderr.starts_with("plansim：错误：tests/fixtures/scenarios/typo-indicator.toml:4: [[override]] 的 indicator = \"地区生产总直\" 在表中没有；最接近的：\"地区生产总值\""),
        "{}",
        r.stderr
    );
}

/// Two mistakes of the file itself (a horizon that is no year, a misspelt key) and a rule that
/// selects nothing: one run names all three, each at its line, and nothing runs.
#[test]
fn every_error_of_a_scenario_file_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let table =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tables/horqin.csv");
    let file = dir.path().join("three.toml");
    std::fs::write(
        &file,
        format!(
            "tables = [{:?}]\nhorizon = 3000\n\n[uncertainty]\nsigmas = 3\n\n[[override]]\nindicator = \"不存在指标\"\nrate = \"5%\"\n",
            table.display().to_string()
        ),
    )
    .unwrap();
    let f = file.display().to_string();
    let r = run(&["project", &f]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let errors: Vec<&str> = r.stderr.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(errors.len(), 3, "{}", r.stderr);
    assert!(
        errors[0].contains(&format!("{f}:2:")) && errors[0].contains("3000"),
        "{}",
        r.stderr
    );
    assert!(
        errors[1].contains(&format!("{f}:5:")) && errors[1].contains("`sigmas`"),
        "{}",
        r.stderr
    );
    assert!(
        errors[2].contains(&format!("{f}:7:")) && errors[2].contains("不存在指标"),
        "{}",
        r.stderr
    );
}

/// A rule's rate reads as the table's stated rate does, whatever the model: for a share (a
/// logistic path under 100) `rate = 2` over 2021–2025 gives the path the stated 2 % gives,
/// 63·1.02⁵ = 63·1.1040808 = 69.5571 in 2025, and `rate = 1.5` over 2026–2030 reaches
/// 63·1.02⁵·1.015⁵ = 69.55709·1.0772840 = 74.9327 in 2030, in the model's shape between.
#[test]
fn a_rules_rate_is_a_pace_over_its_years_for_every_model() {
    let dir = tempfile::tempdir().unwrap();
    let base = format!("{}/scenarios/baseline.toml", env!("CARGO_MANIFEST_DIR"));
    let write = |name: &str, rules: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, format!("extends = {base:?}\nname = {name:?}\n{rules}")).unwrap();
        p.display().to_string()
    };
    let urban = "常住人口城镇化率";
    let plain = write("plain.toml", "");
    let same = write(
        "same.toml",
        "[[override]]\nregion = \"科尔沁区\"\nindicator = \"常住人口城镇化率\"\nfrom = 2021\nto = 2025\nrate = 2.0\n",
    );
    let later = write(
        "later.toml",
        "[[override]]\nregion = \"科尔沁区\"\nindicator = \"常住人口城镇化率\"\nfrom = 2026\nto = 2030\nrate = 1.5\n",
    );
    let csv = |sc: &str| {
        let r = run(&["project", sc, "--format", "csv"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    let (plain, same, later) = (csv(&plain), csv(&same), csv(&later));
    for year in 2021..=2025 {
        assert_eq!(
            value(&plain, "科尔沁区", urban, year),
            value(&same, "科尔沁区", urban, year),
            "{year}"
        );
    }
    assert!(six(value(&same, "科尔沁区", urban, 2025), 69.5571));
    assert!(six(value(&later, "科尔沁区", urban, 2030), 74.9327));
    // logistic between: the years' growth slows towards the ceiling
    let g = |y: i32| value(&later, "科尔沁区", urban, y) / value(&later, "科尔沁区", urban, y - 1);
    assert!(g(2026) > g(2030), "{} {}", g(2026), g(2030));
}

/// A pace the model cannot reach saturates instead of being read another way, and a path from
/// nothing keeps the model's own rate: on a share at 90 (ceiling 100), 2.1 %, 2.2 % and 3 %
/// over five years (90·1.021⁵ = 99.86 under the ceiling, 90·1.022⁵ = 100.35 past it) give
/// paths that never fall as the pace rises; `rate = 5` on a running total from 0 (`[4]`) is
/// no flat line at 0.
#[test]
fn a_pace_past_the_ceiling_saturates_and_a_path_from_nothing_moves() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.csv"),
        "指标,单位,2020年,2025年,属性\n森林覆盖率,%,90,95,约束性\n城镇新增就业,万人,,[4],预期性\n",
    )
    .unwrap();
    let at_2025 = |indicator: &str, rate: &str| {
        let p = dir.path().join(format!("{indicator}-{rate}.toml"));
        std::fs::write(
            &p,
            format!(
                "name = \"s\"\ntables = [\"t.csv\"]\nhorizon = 2027\n[[override]]\nindicator = \"{indicator}\"\nfrom = 2021\nto = 2025\nrate = {rate}\n"
            ),
        )
        .unwrap();
        let r = run(&["project", p.to_str().unwrap(), "--format", "csv"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        value(&r.stdout, "t", indicator, 2025)
    };
    let forest: Vec<f64> = ["2.0", "2.1", "2.2", "3.0", "5.0"]
        .iter()
        .map(|r| at_2025("森林覆盖率", r))
        .collect();
    assert!(six(forest[1], 99.8553), "{forest:?}");
    assert!(forest.windows(2).all(|w| w[0] <= w[1] + 1e-9), "{forest:?}");
    assert!(forest.iter().all(|v| *v <= 100.0), "{forest:?}");
    assert!(at_2025("城镇新增就业", "5.0") > 0.0);
}

/// `[after] rule = "converge"` moves the rates of the levels the plan moves upward, in a
/// straight line from the plan's rate to `rate` by `by`: 科尔沁区's GDP (7 % stated) grows
/// 7 + (4 − 7)·1/10 = 6.7 % in 2026 and 4 % in 2035. It leaves on the plan's pace a share
/// (城镇化率), a row meant to fall (能耗累计降低), a row the plan holds (优良天数, 市级指标)
/// and a total over the period (新建公厕): a 4 % a year pushed days of good air past 365.
/// `category` narrows it, and a row named by `indicator` is moved whatever it is.
#[test]
fn after_converge_moves_the_rising_levels_and_leaves_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let base = format!("{}/scenarios/baseline.toml", env!("CARGO_MANIFEST_DIR"));
    let write = |name: &str, after: &str| {
        let p = dir.path().join(name);
        std::fs::write(
            &p,
            format!(
                "extends = {base:?}\nname = {name:?}\n[after]\nrule = \"converge\"\nrate = 4\nby = 2035\n{after}"
            ),
        )
        .unwrap();
        p.display().to_string()
    };
    let csv = |sc: &str| {
        let r = run(&["project", sc, "--format", "csv"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    let plain = csv("scenarios/baseline.toml");
    let all = csv(&write("all.toml", ""));
    let economy = csv(&write("economy.toml", "category = \"经济发展\"\n"));
    let energy = "单位地区生产总值能耗累计降低";
    let named = csv(&write("named.toml", &format!("indicator = \"{energy}\"\n")));
    let v = |t: &str, name: &str, y: i32| value(t, "科尔沁区", name, y);
    let gdp = "地区生产总值增长率";
    let growth = |t: &str, y: i32| v(t, gdp, y) / v(t, gdp, y - 1);
    // values are printed to six digits: a ratio of two is good to about 1e-5
    for t in [&all, &economy] {
        assert!(
            (growth(t, 2026) - 1.067).abs() < 2e-5,
            "{}",
            growth(t, 2026)
        );
        assert!(
            (growth(t, 2030) - 1.055).abs() < 2e-5,
            "{}",
            growth(t, 2030)
        );
        assert!((growth(t, 2035) - 1.04).abs() < 2e-5, "{}", growth(t, 2035));
    }
    for name in [
        "常住人口城镇化率",
        energy,
        "城市空气质量优良天数",
        "新建公厕",
    ] {
        for y in [2026, 2030, 2035] {
            assert_eq!(v(&all, name, y), v(&plain, name, y), "{name} {y}");
        }
    }
    // 每万人…发明 (创新驱动, 10 % a year) is moved by the whole rule, not by the category's
    let patents = "每万人拥有高价值发明数(每万人发明专利拥有量)";
    assert_eq!(v(&economy, patents, 2035), v(&plain, patents, 2035));
    assert!(v(&all, patents, 2035) < v(&plain, patents, 2035));
    // named, the falling row converges too: from its plan pace towards +4 %, above the plan
    assert!(v(&named, energy, 2035) > v(&plain, energy, 2035));
    // explain names what the rule leaves on the plan's pace
    let r = run(&["explain", "--format", "json", &write("all.toml", "")]);
    let e: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let kept = e["rules"][0]["kept"].to_string();
    for name in [energy, "城市空气质量优良天数", "新建公厕"] {
        assert!(kept.contains(&format!("科尔沁区 {name}")), "{name}: {kept}");
    }
    assert!(!kept.contains(gdp), "{kept}");
}

/// A scenario's table that does not exist is named with the nearest files beside it, as a
/// table on the command line is (`科尔沁.csv` for `科尔沁区.csv`).
#[test]
fn a_scenarios_missing_table_names_the_nearest_file() {
    let dir = tempfile::tempdir().unwrap();
    let tables = format!("{}/scenarios/tables", env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        format!("{tables}/horqin.csv"),
        dir.path().join("科尔沁区.csv"),
    )
    .unwrap();
    let sc = dir.path().join("s.toml");
    std::fs::write(&sc, "name = \"s\"\ntables = [\"科尔沁.csv\"]\n").unwrap();
    let r = run(&["project", sc.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let near = dir.path().join("科尔沁区.csv");
    assert!(
        r.stderr.contains(&format!(
            "no such file or folder; did you mean `{}`?",
            near.display()
        )),
        "{}",
        r.stderr
    );
}
