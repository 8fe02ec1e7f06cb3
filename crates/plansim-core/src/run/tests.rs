//! The facade on the bundled data: the same numbers by every road in.

use super::*;
use crate::repo_file;

fn opts() -> Options {
    Options::default()
}

/// The national outline run whole: 20 targets graded, the projection's 常住人口城镇化率 from
/// its 2019 base (60.6, `*` = 2019 by the note), and a simulation per projected path.
#[test]
fn one_call_gives_every_stage() {
    let o = Options {
        as_of: Some(2022),
        draws: Some(200),
        ..opts()
    };
    let r = run(
        Input::Path(repo_file("scenarios/national-14th.toml")),
        &o,
        Stages::ALL,
    )
    .unwrap();
    assert_eq!(r.scenario.name, "national-14th");
    assert_eq!(r.grades.len(), 20);
    let sim = r.simulation.as_ref().unwrap();
    assert_eq!(sim.paths.len(), r.projection.paths.len());
    assert_eq!(sim.draws, 200);
    let urban = r
        .grades
        .iter()
        .find(|g| g.indicator == "常住人口城镇化率")
        .unwrap();
    // 65.22 in 2022 ≥ 65 three years early
    assert_eq!(urban.status, crate::assess::Status::Ahead);
    // the grades are the same as those of gather over the same scenario
    let g = gather(
        vec![Input::Path(repo_file("scenarios/national-14th.toml"))],
        &o,
    );
    assert!(g.errors.is_empty());
    let again = g.assess(&o);
    let statuses = |v: &[Grade]| v.iter().map(|g| g.status).collect::<Vec<_>>();
    assert_eq!(statuses(&again), statuses(&r.grades));
}

/// A table given as a path and the same table read first give one projection; a scenario
/// and its table gathered together count each row once.
#[test]
fn a_table_read_first_runs_as_its_path_does() {
    let path = repo_file("scenarios/tables/horqin.csv");
    let by_path = run(Input::Path(path.clone()), &opts(), Stages::PROJECT).unwrap();
    let table = crate::table::load(&path, &LoadOptions::default()).unwrap();
    let read = run(Input::Table(table), &opts(), Stages::PROJECT).unwrap();
    assert_eq!(by_path.projection.years, read.projection.years);
    assert_eq!(
        by_path.projection.values.as_slice(),
        read.projection.values.as_slice()
    );
    // horqin-outturn's tables include horqin.csv, named by the same path
    let sc_path = repo_file("scenarios/horqin-outturn.toml");
    let sc = scenario(Input::Path(sc_path.clone()), &opts()).unwrap();
    let shared = sc
        .indicators
        .iter()
        .filter(|i| i.file.ends_with("horqin.csv"))
        .count();
    assert_eq!(shared, read.scenario.indicators.len());
    let table_of_scenario = sc.indicators[sc
        .indicators
        .iter()
        .position(|i| i.file.ends_with("horqin.csv"))
        .unwrap()]
    .file
    .to_path_buf();
    let both = gather(
        vec![Input::Path(sc_path), Input::Path(table_of_scenario)],
        &opts(),
    );
    assert!(both.errors.is_empty(), "{:?}", both.errors);
    assert_eq!(both.rows.len(), sc.indicators.len());
}

/// Every unusable input at once: a missing table and a missing outturn file.
#[test]
fn gather_reports_every_unusable_input() {
    let o = Options {
        outturn_files: vec![repo_file("tests/fixtures/check/no-such-outturns.csv")],
        ..opts()
    };
    let g = gather(
        vec![
            Input::Path(repo_file("tests/fixtures/check/no-such.csv")),
            Input::Path(repo_file("tests/fixtures/check/clean.csv")),
        ],
        &o,
    );
    assert_eq!(g.errors.len(), 2, "{:?}", g.errors);
    assert!(g.errors[0].to_string().contains("no-such.csv"));
    assert!(g.errors[1].to_string().contains("no-such-outturns.csv"));
}

/// A horizon before the tables' base year is refused as such.
#[test]
fn a_horizon_before_the_base_is_refused() {
    let o = Options {
        horizon: Some(2015),
        ..opts()
    };
    let e = scenario(Input::Path(repo_file("scenarios/tables/horqin.csv")), &o).unwrap_err();
    assert!(matches!(e, Error::Horizon { horizon: 2015, .. }), "{e}");
}

/// The check keeps only the grades target-unreachable reports, each with its row's place: the
/// national outline's two 未实现 of 20 targets (the published outturns to 2025), reported as
/// the rule's two errors.
#[test]
fn the_check_keeps_only_the_grades_that_say_trouble() {
    let o = opts();
    let r = run(
        Input::Path(repo_file("scenarios/national-14th.toml")),
        &o,
        Stages::ALL,
    )
    .unwrap();
    let missed: Vec<usize> = (0..r.grades.len())
        .filter(|&k| r.grades[k].status == crate::assess::Status::Missed)
        .collect();
    assert_eq!(missed.len(), 2);
    let sc = &r.scenario;
    let check = o.check_options(&sc.indicators, Some(sc.outturns.clone()), o.aliases());
    let kept: Vec<usize> = check.grades.iter().map(|(k, _)| *k).collect();
    assert_eq!(kept, missed);
    let unreachable = r
        .findings
        .iter()
        .filter(|f| f.code == crate::check::Code::TargetUnreachable)
        .count();
    assert_eq!(unreachable, 2);
}
