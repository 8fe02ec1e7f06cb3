//! Numbers as published: every CSV, JSON and workbook writer rounds once, on output — a
//! table's figures to their printed decimals, derived values to six significant digits, years
//! as integers — so no output shows binary noise (`144.95395499999998`, `7.000000000000001`).
//! The values checked are worked out by hand.

use assert_cmd::Command;
use calamine::{Data, Reader, open_workbook_auto};

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("plansim")
        .unwrap()
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every decimal in `text` that carries more than six significant digits.
fn noisy(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // digits inside a word or an address (`content_7062633.htm`) are no value
        if chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'))
        {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            if number.contains('.') {
                let digits: String = number.chars().filter(|c| *c != '.').collect();
                let significant = digits.trim_start_matches('0').trim_end_matches('0');
                if significant.len() > 6 {
                    out.push(number);
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The CSV line of `text` whose fields start with `key`, split.
fn line<'a>(text: &'a str, key: &[&str]) -> Vec<&'a str> {
    text.lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f.len() >= key.len() && f[..key.len()] == *key)
        .unwrap_or_else(|| panic!("no line starts {key:?}"))
}

#[test]
fn the_issues_noise_is_gone_from_every_writer() {
    for args in [
        &["project", "scenarios/baseline.toml", "--format", "csv"][..],
        &["project", "scenarios/baseline.toml", "--format", "json"],
        &[
            "simulate",
            "scenarios/baseline.toml",
            "--draws",
            "500",
            "--format",
            "json",
        ],
        &[
            "simulate",
            "scenarios/baseline.toml",
            "--draws",
            "500",
            "--format",
            "csv",
        ],
        &[
            "sweep",
            "scenarios/baseline.toml",
            "--indicator",
            "地区生产总值增长率",
            "--delta",
            "-1..1",
            "--step",
            "0.1",
            "--draws",
            "500",
            "--format",
            "csv",
        ],
        &["assess", "scenarios/national-14th.toml", "--format", "csv"],
        &["assess", "scenarios/national-14th.toml", "--format", "json"],
        &["check", "scenarios/national-14th.toml", "--format", "json"],
        &["check", "scenarios/tables/horqin.csv", "--format", "csv"],
        &["tables", "scenarios/tables/horqin.csv", "--format", "csv"],
        &["explain", "scenarios/shock-2024.toml", "--format", "json"],
    ] {
        let out = run(args);
        assert!(!out.is_empty(), "{args:?} wrote nothing");
        let bad = noisy(&out);
        assert!(bad.is_empty(), "{args:?} writes {bad:?}");
    }
}

#[test]
fn projections_and_sweeps_to_six_significant_digits() {
    let csv = run(&["project", "scenarios/baseline.toml", "--format", "csv"]);
    // 1.8 件/万人 at the stated 10 % a year: 1.8 × 1.1 = 1.98 (1.9800000000000002 in binary)
    let patents = "每万人拥有高价值发明数(每万人发明专利拥有量)";
    let row = csv
        .lines()
        .find(|l| l.contains(patents) && l.contains(",2021,"))
        .unwrap();
    assert!(row.ends_with(",2021,1.98"), "{row}");
    // 305.8亿 at 7 %: 305.8 × 1.07⁵ = 428.90032 → 428.9
    let gdp = csv
        .lines()
        .find(|l| l.contains(",地区生产总值增长率,") && l.contains(",2025,"))
        .unwrap();
    assert!(gdp.ends_with(",2025,428.9"), "{gdp}");
    // the sweep's 6 % a year: 305.8 × 1.06⁵ = 409.2293816 → 409.229
    let sweep = run(&[
        "sweep",
        "scenarios/baseline.toml",
        "--indicator",
        "地区生产总值增长率",
        "--delta",
        "-1..1",
        "--draws",
        "500",
        "--format",
        "csv",
    ]);
    let at6 = line(
        &sweep,
        &["科尔沁区", "十四五规划", "地区生产总值增长率", "-1.0"],
    );
    assert_eq!((at6[5], at6[8]), ("6.0", "409.229"));
}

#[test]
fn grades_keep_the_published_change_and_integer_years() {
    // 单位GDP能源消耗降低 as of 2022: 1 − 0.973 × 0.999 = 2.7973 % down (the arithmetic
    // gives −2.797300000000007)
    let csv = run(&[
        "assess",
        "scenarios/national-14th.toml",
        "--as-of",
        "2022",
        "--format",
        "csv",
    ]);
    let energy = line(&csv, &["全国", "", "单位GDP能源消耗降低"]);
    assert_eq!(
        (energy[3], energy[8], energy[9]),
        ("2025", "2022", "-2.7973")
    );
    let json: serde_json::Value = serde_json::from_str(&run(&[
        "assess",
        "scenarios/national-14th.toml",
        "--as-of",
        "2022",
        "--format",
        "json",
    ]))
    .unwrap();
    let grade = json
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["indicator"] == "单位GDP能源消耗降低")
        .unwrap();
    assert!(grade["latest_year"].is_i64(), "{}", grade["latest_year"]);
    assert_eq!(grade["latest_value"].as_f64(), Some(-2.7973));
}

#[test]
fn a_tables_figures_keep_their_printed_decimals() {
    let csv = run(&["tables", "examples/own/county.csv", "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let head = rows.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let forest = rows
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[col("indicator")] == "森林覆盖率")
        .unwrap();
    assert_eq!(&forest[col("base_value")], "20.1");
    assert_eq!(&forest[col("target_low")], "21.5");
    assert_eq!(&forest[col("base_year")], "2020");
}

#[test]
fn the_reports_files_and_workbook_carry_no_noise() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    run(&[
        "report",
        "scenarios/baseline.toml",
        "scenarios/national-14th.toml",
        "--no-charts",
        "--draws",
        "500",
        "--out",
        out.to_str().unwrap(),
    ]);
    for scenario in ["baseline", "national-14th"] {
        for file in [
            "projection.csv",
            "simulation.csv",
            "probabilities.csv",
            "findings.csv",
            "summary.json",
        ] {
            let text = std::fs::read_to_string(out.join(scenario).join(file)).unwrap();
            let bad = noisy(&text);
            assert!(bad.is_empty(), "{scenario}/{file} writes {bad:?}");
        }
    }
    let mut book = open_workbook_auto(out.join("plansim.xlsx")).unwrap();
    let mut cells = 0;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for c in range.cells() {
            if let Data::Float(v) = c.2 {
                cells += 1;
                let bad = noisy(&format!(" {v}"));
                assert!(bad.is_empty(), "sheet {name} holds {v}");
            }
        }
    }
    assert!(cells > 1000, "{cells} numbers in the workbook");
}

#[test]
fn the_noise_finder_finds_noise() {
    assert_eq!(
        noisy("a,144.95395499999998,7.000000000000001,2022,0.0952975,-2.7973"),
        ["144.95395499999998", "7.000000000000001"]
    );
}
