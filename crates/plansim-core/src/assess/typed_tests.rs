//! Typed evidence: each rule family's numbers, the flat fields made from them, and the
//! sentences that quote them.

use super::tests::find;
use super::*;
use crate::format::significant;
use crate::scenario::Scenario;
use crate::table::LoadOptions;

fn graded(scenario: &str, as_of: Option<i32>) -> Vec<Grade> {
    let sc = Scenario::load(&crate::repo_file(scenario), &LoadOptions::default()).unwrap();
    assess(
        &sc.indicators,
        &sc.outturns,
        &Aliases::bundled(),
        &Options {
            as_of,
            lang: Lang::En,
        },
    )
}

/// Every grade of the national 14th plan and of the bundled regional tables (with the
/// hypothetical 科尔沁区 outturns) carries the evidence type of its rule family (or an
/// achievement table's own outcome), and its flat fields are that evidence's.
#[test]
fn every_grade_carries_the_evidence_of_its_rule() {
    let mut seen = std::collections::BTreeSet::new();
    for (scenario, as_of) in [
        ("scenarios/national-14th.toml", None),
        ("scenarios/national-14th.toml", Some(2022)),
        ("scenarios/horqin-outturn.toml", None),
    ] {
        for g in graded(scenario, as_of) {
            let fits = matches!(
                (g.rule, &g.evidence),
                (_, Evidence::Outcome(_))
                    | ("reach" | "period-total", Evidence::Reach(_))
                    | ("hold", Evidence::Kept(_))
                    | ("annual-bound", Evidence::Yearly(_))
                    | ("annual-rate", Evidence::Average(_))
                    | ("relational", Evidence::Relative(_))
                    | ("qualitative", Evidence::None | Evidence::Described { .. })
            );
            assert!(fits, "{} {}: {:?}", g.indicator, g.rule, g.evidence);
            assert_eq!(*g, g.evidence.fields());
            seen.insert(g.rule);
        }
    }
    // between them, every family
    assert_eq!(seen.len(), 7, "{seen:?}");
}

/// The flat fields of an average rate: the mean is the current pace, the stated rate the
/// planned one, the gap the mean less the target on the good side; no P(meet) once the
/// year is reached, so no n beside it, though σ is still said.
#[test]
fn an_average_rate_s_fields_are_its_numbers() {
    let e = Evidence::Average(Average {
        unit: Unit::PercentAYear,
        target_rate: 7.0,
        target_level: Some(140.255),
        mean: Some(6.2),
        excess: Some(6.2 - 7.0),
        required: Some(8.4),
        latest: Some(Latest {
            year: 2025,
            value: Some(5.0),
        }),
        chance: Some(Chance {
            p: None,
            n: 3,
            sigma: 0.5,
            source: crate::series::SigmaSource {
                observed: crate::series::Observed::Changes,
                m: 3,
                first: 2023,
                last: 2025,
                floor: None,
            },
        }),
        ..Average::default()
    });
    let f = e.fields();
    assert_eq!(
        (f.current_pace, f.mean, f.planned_pace),
        (Some(6.2), Some(6.2), Some(7.0))
    );
    assert_eq!(
        (f.required_rate, f.target_value),
        (Some(8.4), Some(140.255))
    );
    assert!((f.gap.unwrap() + 0.8).abs() < 1e-12);
    assert_eq!((f.latest_year, f.latest_value), (Some(2025), Some(5.0)));
    assert_eq!((f.p_meet, f.p_n, f.sigma), (None, None, Some(0.5)));
    assert_eq!(f.pace_unit, "% a year");
    assert_eq!(f.progress, None);
}

/// Units by family: a kept bound's headroom in points until a baseline gives a path; yearly
/// levels in the row's unit and no pace; a relation in % a year even with nothing measured; a
/// target to reach with its progress and the plan's expected progress.
#[test]
fn each_family_says_its_unit() {
    assert_eq!(
        Evidence::Kept(Kept {
            unit: Unit::Points,
            ..Kept::default()
        })
        .fields()
        .pace_unit,
        "points"
    );
    let y = Evidence::Yearly(Yearly {
        unit: Unit::Level("万人".into()),
        pace: false,
        bound: 1100.0,
        mean: Some(1250.0),
        headroom: Some(150.0),
        ..Yearly::default()
    })
    .fields();
    assert_eq!(
        (y.pace_unit.as_str(), y.current_pace, y.target_value),
        ("万人", None, Some(1100.0))
    );
    let r = Evidence::Relative(Relative::default()).fields();
    assert_eq!((r.pace_unit.as_str(), r.mean), ("% a year", None));
    let reach = Evidence::Reach(Reach {
        unit: Unit::PerYear("亿".into()),
        progress: Some((0.54386, 0.324954)),
        ..Reach::default()
    })
    .fields();
    assert_eq!(reach.pace_unit, "亿 a year");
    assert_eq!(
        (reach.progress, reach.expected_progress),
        (Some(0.54386), Some(0.324954))
    );
    assert_eq!(Evidence::None.fields(), Fields::default());
}

/// The sentence is made from the evidence: a rate's, a bound's and a relation's reason quote
/// the mean their evidence holds. The surveyed unemployment rate (a ceiling on each year,
/// 2021–25: 5.1, 5.6, 5.2, 5.1, 5.2) checked by hand: its mean is 26.2 / 5 = 5.24.
#[test]
fn the_sentence_quotes_the_evidence() {
    let grades = graded("scenarios/national-14th.toml", None);
    for g in &grades {
        let mean = match &g.evidence {
            Evidence::Average(a) => a.mean,
            Evidence::Yearly(y) => y.mean,
            Evidence::Kept(k) => k.mean,
            Evidence::Relative(r) => r.mean,
            _ => None,
        };
        if let Some(m) = mean {
            assert!(
                g.reason.contains(&significant(m)),
                "{}: {} / {m}",
                g.indicator,
                g.reason
            );
        }
    }
    let u = find(&grades, "城镇调查失业率");
    let Evidence::Yearly(y) = &u.evidence else {
        panic!("{:?}", u.evidence)
    };
    assert!((y.mean.unwrap() - 5.24).abs() < 1e-9, "{y:?}");
    assert!(u.reason.contains("5.24"), "{}", u.reason);
}
