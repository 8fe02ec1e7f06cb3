//! A county's own table without a region column, and outturns for the county: the run says
//! which `--region` to pass and fails until it is given; every scenario command takes it.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const OUTTURNS: &str = "scenarios/actuals/horqin-hypothetical.csv";

/// The bundled 科尔沁区 table with its region column taken out, as `mycounty.csv`.
fn county_table(dir: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("scenarios/tables/horqin.csv")).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        let (first, rest) = line.split_once(',').unwrap();
        assert!(first == "region" || first == "科尔沁区", "{line}");
        out.push_str(rest);
        out.push('\n');
    }
    let path = dir.join("mycounty.csv");
    std::fs::write(&path, out).unwrap();
    path
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("plansim")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn assess_names_the_region_to_pass_and_fails_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let t = county_table(dir.path());
    let t = t.to_str().unwrap();
    let (code, _, err) = run(&["assess", t, "--actuals", OUTTURNS]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("pass `--region 科尔沁区`"), "{err}");
    assert!(err.contains("no outturn matches any row"), "{err}");
    let (code, _, err) = run(&["assess", t, "--actuals", OUTTURNS, "--region", "科尔沁区"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("skipped"), "{err}");
}

#[test]
fn every_scenario_command_takes_the_region() {
    let dir = tempfile::tempdir().unwrap();
    let t = county_table(dir.path());
    let t = t.to_str().unwrap();
    // without it the outturns reach nothing: exit 1 with the advice
    let (code, _, err) = run(&["project", t, "--actuals", OUTTURNS, "--format", "csv"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--region 科尔沁区"), "{err}");
    let (code, out, err) = run(&[
        "project",
        t,
        "--actuals",
        OUTTURNS,
        "--region",
        "科尔沁区",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let regions: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    assert!(
        !regions.is_empty() && regions.iter().all(|r| *r == "科尔沁区"),
        "{out}"
    );
    let (code, _, err) = run(&[
        "simulate",
        t,
        "--region",
        "科尔沁区",
        "--draws",
        "200",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(&[
        "sweep",
        t,
        "--region",
        "科尔沁区",
        "--indicator",
        "常住人口城镇化率",
        "--delta",
        "0..1",
        "--step",
        "1",
        "--draws",
        "100",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("科尔沁区"), "{out}");
    let plots = dir.path().join("plots");
    let (code, _, err) = run(&[
        "plot",
        t,
        "--region",
        "科尔沁区",
        "--kind",
        "dashboard",
        "--format",
        "svg",
        "--out",
        plots.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let names: Vec<String> = std::fs::read_dir(&plots)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.contains("科尔沁区")), "{names:?}");
}
