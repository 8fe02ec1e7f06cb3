//! The command line on the published layouts: the bundled national table audited and
//! projected, and a run that leaves a bad row out and says so.

use assert_cmd::Command;
use std::process::Output;

const NATIONAL: &str = "scenarios/tables/national-14th.csv";

fn plansim(args: &[&str]) -> Output {
    let mut cmd = Command::cargo_bin("plansim").unwrap_or_else(|e| panic!("{e}"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The bundled table is the fixture plus a source column citing the outline on every row.
#[test]
fn the_bundled_national_table_is_the_outline_with_its_source() {
    let read = |p: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(p);
        let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(path)
            .unwrap_or_else(|e| panic!("{p}: {e}"))
            .records()
            .map(|r| {
                r.unwrap_or_else(|e| panic!("{e}"))
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        rows
    };
    let bundled = read(NATIONAL);
    let fixture = read("tests/fixtures/published/national-14th.csv");
    assert_eq!(bundled.len(), fixture.len());
    for (b, f) in bundled.iter().zip(&fixture) {
        assert_eq!(&b[..6], &f[..6]);
    }
    // header, then the 20 indicator rows (rows 3–22) each cite the document's 专栏1
    assert_eq!(bundled[1][6], "来源");
    for row in &bundled[2..22] {
        assert_eq!(
            row[6], "gov.cn/xinwen/2021-03/13/content_5592681.htm 专栏1",
            "{row:?}"
        );
    }
}

/// `check` audits the national table. Each finding, by hand:
/// - 基本养老保险参保率 91 → 95: (95/91)^(1/5) − 1 = e^(ln 1.043956 / 5) − 1 = e^0.0086036 − 1
///   = 0.8641 %/yr; 91 × 1.0086408^n passes 100 at n = ln(100/91)/ln(1.0086408) = 0.0943107 /
///   0.0086036 = 10.96, so in year 11, 2031 (bound-exceeded, warning);
/// - the growth targets stated in words (rows 3, 4, 9): no number of their own (info);
/// - 〔1〕 岁 over five years is 0.2 a year; 〔13.5〕 of a fall is 0.865^(1/5) − 1 = −2.8588 %/yr;
///   〔18〕 is 0.82^(1/5) − 1 = e^(−0.198451/5) − 1 = −3.8913 %/yr (cumulative-target, info).
#[test]
fn check_audits_the_national_outline() {
    let out = plansim(&["check", NATIONAL, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let all: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let mut got: Vec<(String, String, u64)> = all
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default().to_string(),
                f["severity"].as_str().unwrap_or_default().to_string(),
                f["row"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    got.sort();
    let want = [
        ("bound-exceeded", "warning", 13),
        ("cumulative-target", "info", 15),
        ("cumulative-target", "info", 16),
        ("cumulative-target", "info", 17),
        ("no-numeric-target", "info", 3),
        ("no-numeric-target", "info", 4),
        ("no-numeric-target", "info", 9),
    ];
    let want: Vec<(String, String, u64)> = want
        .iter()
        .map(|(c, s, r)| (c.to_string(), s.to_string(), *r))
        .collect();
    assert_eq!(got, want);
    let at = |row: u64, key: &str| -> f64 {
        let f = all
            .iter()
            .find(|f| f["row"] == row)
            .unwrap_or_else(|| panic!("{row}"));
        f[key].as_f64().unwrap_or(f64::NAN)
    };
    assert!((at(13, "implied_rate") - 0.86408).abs() < 1e-4);
    assert_eq!(at(13, "crossing_year"), 2031.0);
    assert!((at(15, "annual_equivalent") - 0.2).abs() < 1e-12);
    assert!((at(16, "annual_equivalent") + 2.8588).abs() < 1e-3);
    assert!((at(17, "annual_equivalent") + 3.8913).abs() < 1e-3);
}

/// `project` runs the table as its baseline: 人均预期寿命 reaches 77.3 (2019) + 1 = 78.3 in
/// 2025; 能耗 falls to 100 × (1 − 0.135) = 86.5 (2020 = 100); 城镇化率 starts from 60.6 in 2019.
#[test]
fn project_follows_the_notes_and_the_rate_column() {
    let out = plansim(&["project", NATIONAL, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<std::collections::HashMap<String, String>> =
        rdr.deserialize().map(|r| r.unwrap_or_default()).collect();
    let value = |name: &str, year: &str| -> f64 {
        rows.iter()
            .find(|r| r["indicator"] == name && r["year"] == year)
            .and_then(|r| r["value"].parse().ok())
            .unwrap_or_else(|| panic!("{name} {year}"))
    };
    assert!((value("人均预期寿命", "2025") - 78.3).abs() < 1e-9);
    assert!((value("单位GDP能源消耗降低", "2025") - 86.5).abs() < 1e-9);
    assert!((value("常住人口城镇化率", "2019") - 60.6).abs() < 1e-9);
    assert!((value("常住人口城镇化率", "2025") - 65.0).abs() < 1e-9);
}

/// A report over a table with a bad row runs without it, names it on stderr and on the page,
/// and exits 1; with `--strict` the scenario fails and nothing runs (exit 2).
#[test]
fn report_says_which_rows_were_left_out() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let table = "tests/fixtures/published/municipal.csv";
    let run = |strict: bool| {
        let mut args = vec!["report", table, "--no-charts", "--draws", "200", "--out"];
        let o = out.to_string_lossy().into_owned();
        args.push(&o);
        if strict {
            args.push("--strict");
        }
        plansim(&args)
    };
    let r = run(false);
    let err = text(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{err}");
    // a Chinese table's run says it in Chinese, on stderr and on the page
    assert!(
        err.contains("plansim：警告：情景 baseline: tests/fixtures/published/municipal.csv：第 5 行未读入（1 个单元格无法读取：5:5 `3月4日`）"),
        "{err}"
    );
    let page = std::fs::read_to_string(out.join("baseline/index.md")).unwrap_or_default();
    assert!(
        page.contains("## 未读入的行") && page.contains("第 5 行未读入"),
        "{page}"
    );
    let r = run(true);
    assert_eq!(r.status.code(), Some(2), "{}", text(&r.stderr));
}
