//! `plansim check` on fixture tables: each rule triggered by a deliberately broken row, the exit
//! codes, the three formats, and the bundled tables.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name)
}

fn plansim() -> Command {
    let mut cmd = Command::cargo_bin("plansim").unwrap();
    // these tests read the English messages, whatever the locale
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", "en_US.UTF-8");
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn check(args: &[&str]) -> Run {
    let out = plansim().arg("check").args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn path(name: &str) -> String {
    fixture(name).display().to_string()
}

fn json(args: &[&str]) -> (i32, Vec<Value>) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = check(&all);
    let v: Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    (run.code, v.as_array().unwrap().clone())
}

/// The one finding of `code` on CSV line `row` of `file`.
fn find<'a>(all: &'a [Value], file: &str, row: u64, code: &str) -> &'a Value {
    let hits: Vec<&Value> = all
        .iter()
        .filter(|f| {
            f["code"] == code && f["row"] == row && f["file"].as_str().unwrap().ends_with(file)
        })
        .collect();
    assert_eq!(hits.len(), 1, "{file}:{row} {code} in {all:#?}");
    hits[0]
}

fn num(f: &Value, field: &str) -> f64 {
    f[field]
        .as_f64()
        .unwrap_or_else(|| panic!("no {field} in {f:#}"))
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn every_rule_fires_on_its_broken_row() {
    let (code, all) = json(&[
        &path("broken.csv"),
        &path("city.csv"),
        "--actuals",
        &path("actuals.csv"),
    ]);
    assert_eq!(code, 1);
    // line 2: 100 → 150 at 5 %/yr. 1.5^0.2 − 1 = 8.447 %/yr; over the digits
    // (149.5/100.5)^0.2 − 1 = 8.267 % to (150.5/99.5)^0.2 − 1 = 8.628 %, nowhere near 4.5–5.5.
    // 100·1.05⁵ = 127.628.
    let f = find(&all, "broken.csv", 2, "rate-mismatch");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["region"], "科尔沁区");
    assert_eq!(f["indicator"], "地区生产总值");
    assert_eq!(f["cells"]["target"], "150");
    assert!(close(num(f, "implied_rate"), 8.4472, 1e-3));
    assert!(close(num(f, "implied_rate_low"), 8.2667, 1e-3));
    assert!(close(num(f, "implied_rate_high"), 8.6282, 1e-3));
    assert!(close(num(f, "reached_value"), 127.628, 1e-3));
    assert_eq!(num(f, "stated_rate"), 5.0);
    // line 3: 12.5亿 and 16亿 under %
    let f = find(&all, "broken.csv", 3, "unit-mismatch");
    assert_eq!(f["severity"], "error");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("`12.5亿` and `16亿` carry 亿")
    );
    // line 4: 90·1.03³ = 98.35, 90·1.03⁴ = 101.30: passes 100 in 2024, inside the plan period
    let f = find(&all, "broken.csv", 4, "bound-exceeded");
    assert_eq!(
        (f["severity"].as_str(), f["crossing_year"].as_i64()),
        (Some("error"), Some(2024))
    );
    // 90·1.03^15 = 90·1.557967 = 140.217
    assert!(close(num(f, "horizon_value"), 140.217, 1e-3));
    // line 5: no target, no rate
    assert_eq!(
        find(&all, "broken.csv", 5, "no-numeric-target")["severity"],
        "warning"
    );
    // line 6: 累计下降15%: 0.85^(1/5) − 1 = e^(−0.162519/5) − 1 = −3.198 %/yr
    let f = find(&all, "broken.csv", 6, "cumulative-target");
    assert_eq!(f["severity"], "info");
    assert!(close(num(f, "annual_equivalent"), -3.1981, 1e-3));
    // lines 7–9: 8 + 38 + 52 = 98; at most 8.5 + 38.5 + 52.5 = 99.5 < 100
    let f = find(&all, "broken.csv", 7, "identity-violation");
    assert_eq!(
        (f["severity"].as_str(), num(f, "identity_value")),
        (Some("error"), 98.0)
    );
    assert_eq!(f["related"].as_array().unwrap().len(), 2);
    // line 10: 200亿斤 in 2025 for the district, 180亿斤 for 通辽市 (at most 180.5)
    let f = find(&all, "broken.csv", 10, "cross-plan-conflict");
    assert_eq!(
        (f["severity"].as_str(), num(f, "other_value")),
        (Some("error"), 180.0)
    );
    assert_eq!(f["related"][0]["region"], "通辽市");
    // line 2 again: the district's 5 ± 0.5 %/yr against the city's 7 ± 0.5 for 2023
    let f = find(&all, "broken.csv", 2, "cross-plan-conflict");
    assert_eq!(
        (f["severity"].as_str(), num(f, "other_rate")),
        (Some("warning"), 7.0)
    );
    // line 2 and the actuals: the latest, 110 in 2023 (生产总值 is an alias), needs
    // (150/110)^(1/2) − 1 = √1.363636 − 1 = 16.775 %/yr, 11.8 points above the planned 5 > 5
    let f = find(&all, "broken.csv", 2, "target-unreachable");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["actual_year"], 2023);
    assert!(close(num(f, "required_rate"), 16.7748, 1e-3));
    // every rule code appears, and errors come first
    let codes: Vec<&str> = all.iter().map(|f| f["code"].as_str().unwrap()).collect();
    for code in [
        "rate-mismatch",
        "unit-mismatch",
        "bound-exceeded",
        "no-numeric-target",
        "cumulative-target",
        "identity-violation",
        "cross-plan-conflict",
        "target-unreachable",
    ] {
        assert!(codes.contains(&code), "{code} missing");
    }
    let rank = |s: &Value| {
        ["error", "warning", "info"]
            .iter()
            .position(|x| s == x)
            .unwrap()
    };
    let ranks: Vec<usize> = all.iter().map(|f| rank(&f["severity"])).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
}

#[test]
fn summary_and_readable_table() {
    let run = check(&[&path("broken.csv"), &path("city.csv")]);
    assert_eq!(run.code, 1);
    // without actuals: 5 errors (rate, unit, bound, identity, part > whole), 2 warnings
    assert!(
        run.stderr
            .contains("plansim check: 5 errors, 2 warnings, 1 info in 11 rows of 2 files"),
        "{}",
        run.stderr
    );
    let last_error = run.stdout.rfind("│ error").unwrap();
    let first_warning = run.stdout.find("│ warning").unwrap();
    assert!(last_error < first_warning, "{}", run.stdout);
    assert!(
        run.stdout.contains("2020 100 → 2025 150 @ 5 (亿元)"),
        "{}",
        run.stdout
    );
}

#[test]
fn csv_has_the_numbers_as_columns() {
    let run = check(&[&path("broken.csv"), "--format", "csv"]);
    assert_eq!(run.code, 1);
    let mut r = csv::Reader::from_reader(run.stdout.as_bytes());
    let header = r.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let rate = rows
        .iter()
        .find(|r| &r[col("code")] == "rate-mismatch")
        .unwrap();
    assert_eq!(&rate[col("severity")], "error");
    assert_eq!(&rate[col("base")], "100");
    assert!(rate[col("implied_rate")].starts_with("8.447"));
    assert_eq!(&rate[col("crossing_year")], "");
}

#[test]
fn exit_codes_and_deny_warnings() {
    // 63 → 70 at 2 %/yr: (70/63)^0.2 − 1 = 2.13 %, within 2 ± 0.5
    let run = check(&[&path("clean.csv")]);
    assert_eq!((run.code, run.stdout.trim()), (0, "no findings"));
    // 31.2 → 32.0 at 0.4 %/yr needs 0.508 %/yr, and over the digits (31.95/31.25)^0.2 − 1 =
    // 0.444 % to (32.05/31.15)^0.2 − 1 = 0.571 %, touching 0.35–0.45: a warning, since
    // 31.2·1.004⁵ = 31.83 prints as 31.8, not 32.0; 95.2·1.006⁹ = 100.47 in 2029
    let run = check(&[&path("warnings.csv")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("0 errors, 2 warnings"),
        "{}",
        run.stderr
    );
    assert_eq!(
        check(&[&path("warnings.csv"), "--deny", "warnings"]).code,
        1
    );
}

#[test]
fn horizon_moves_the_bound() {
    // 95.2·1.006⁸ = 99.87 (2028), 95.2·1.006⁹ = 100.47 (2029)
    let (_, before) = json(&[&path("warnings.csv"), "--horizon", "2028"]);
    assert!(before.iter().all(|f| f["code"] != "bound-exceeded"));
    let (_, at) = json(&[&path("warnings.csv"), "--horizon", "2029"]);
    assert_eq!(
        find(&at, "warnings.csv", 3, "bound-exceeded")["crossing_year"],
        2029
    );
    assert_eq!(check(&[&path("clean.csv"), "--horizon", "99999"]).code, 2);
}

#[test]
fn regions_decide_what_is_compared() {
    let (_, all) = json(&[
        &path("broken.csv"),
        &path("city.csv"),
        "--regions",
        &path("no-parents.csv"),
    ]);
    assert!(all.iter().all(|f| f["code"] != "cross-plan-conflict"));
}

#[test]
fn unusable_input_reports_every_file_and_exits_2() {
    let run = check(&[
        &path("unreadable.csv"),
        &path("missing.csv"),
        &path("clean.csv"),
        "--aliases",
        &path("bad-aliases.csv"),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let e = &run.stderr;
    // both bad cells of unreadable.csv, by line and column
    assert!(
        e.contains("unreadable.csv:2:8") && e.contains("`abc1`"),
        "{e}"
    );
    assert!(
        e.contains("unreadable.csv:2:9") && e.contains("`7x`"),
        "{e}"
    );
    assert!(e.contains("missing.csv"), "{e}");
    assert!(
        e.contains("bad-aliases.csv:3:2") && e.contains("line 2 maps it to"),
        "{e}"
    );
    assert!(e.contains("3 inputs are unusable"), "{e}");
    let run = check(&[
        &path("clean.csv"),
        "--actuals",
        &path("missing-actuals.csv"),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing-actuals.csv"), "{}", run.stderr);
}

#[test]
fn runs_on_every_bundled_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tables");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert_eq!(files.len(), 6);
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let (code, all) = json(&args);
    // the one error: 科尔沁区 row 1 holds levels in 亿 under a `%` unit
    assert_eq!(code, 1);
    let errors: Vec<&Value> = all.iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["code"], "unit-mismatch");
    assert_eq!(errors[0]["indicator"], "地区生产总值增长率");
}

#[test]
fn a_scenario_file_checks_its_tables_once() {
    // baseline.toml names all five bundled tables: the same findings as the tables themselves
    let (code, from_scenario) = json(&["scenarios/baseline.toml"]);
    let tables: Vec<String> = ["horqin", "huimin", "otog", "chifeng", "tongliao-2023"]
        .iter()
        .map(|t| format!("scenarios/tables/{t}.csv"))
        .collect();
    let args: Vec<&str> = tables.iter().map(String::as_str).collect();
    let (code2, from_tables) = json(&args);
    assert_eq!((code, code2), (1, 1), "the row-1 unit mismatch is an error");
    assert_eq!(from_scenario.len(), from_tables.len());
    // a scenario and a child sharing its tables: no row is checked twice
    let (_, both) = json(&["scenarios/baseline.toml", "scenarios/slow-15th.toml"]);
    assert_eq!(both.len(), from_tables.len());
}
