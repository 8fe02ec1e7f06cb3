//! `plansim simulate`: which targets get a probability, and why the others do not.

use assert_cmd::Command;

/// `plansim simulate TABLE --actuals OUTTURNS --draws 200 ARGS…` in English: its stdout.
fn simulate(table: &std::path::Path, outturns: &std::path::Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("plansim")
        .unwrap_or_else(|e| panic!("{e}"))
        .env("LC_ALL", "en_US.UTF-8")
        .arg("simulate")
        .arg(table)
        .arg("--actuals")
        .arg(outturns)
        .args(["--draws", "200", "--lang", "en"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// σ rests on at least two yearly changes, the base year's value counting as one end: 2022
/// and 2023 after a 2020 base are one change (2022→2023) and give no probability, said under
/// the table; 2021 and 2022 are two (2020→2021, 2021→2022) and give one, with n = 2.
#[test]
fn a_probability_needs_two_yearly_changes_and_the_footer_says_so() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let table = dir.path().join("t.csv");
    std::fs::write(
        &table,
        "地区,指标,单位,2020年,2025年,年均增长(%),属性\n某县,地区生产总值,亿元,100,140,7,预期性\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let one = dir.path().join("one.csv");
    std::fs::write(
        &one,
        "地区,指标,年份,数值\n某县,地区生产总值,2022,110\n某县,地区生产总值,2023,115\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = simulate(&table, &one, &[]);
    assert!(!out.contains("│ 某县"), "{out}");
    assert!(
        out.contains("fewer than two yearly changes observed"),
        "{out}"
    );
    let two = dir.path().join("two.csv");
    std::fs::write(
        &two,
        "地区,指标,年份,数值\n某县,地区生产总值,2021,104\n某县,地区生产总值,2022,110\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = simulate(&table, &two, &[]);
    let row = out
        .lines()
        .find(|l| l.contains("某县"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(row.contains("(n=2)"), "{row}");
    assert!(!out.contains("fewer than two yearly changes"), "{out}");
    // the CSV gives that σ in points: the sample sd of ln 1.04 and ln(110/104),
    // 0.0392207 and 0.0560895, is 1.19280 points; without evidence it is empty
    let csv = |outturns: &std::path::Path| {
        let out = simulate(&table, outturns, &["--format", "csv"]);
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let head = r.headers().cloned().unwrap_or_else(|e| panic!("{e}"));
        let col = |name: &str| head.iter().position(|h| h == name);
        let (sigma, from) = (col("sigma"), col("sigma_from"));
        let first = r
            .records()
            .next()
            .and_then(Result::ok)
            .unwrap_or_else(|| panic!("no row"));
        let cell = |c: Option<usize>| c.and_then(|c| first.get(c)).unwrap_or("?").to_string();
        (cell(sigma), cell(from))
    };
    let (sigma, from) = csv(&two);
    let sigma: f64 = sigma.parse().unwrap_or(f64::NAN);
    assert!((sigma - 1.19280).abs() < 1e-4, "{sigma}");
    assert_eq!(from, "actuals");
    assert_eq!(csv(&one), (String::new(), "default".to_string()));
}
