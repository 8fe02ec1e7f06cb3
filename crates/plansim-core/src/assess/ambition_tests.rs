//! Ambition worked out by hand from the published figures: urbanisation 63.89 (2020) → 67.9
//! (2025, the 15th outline's 2025 column) → 71 (2030), CO₂ intensity 〔17〕 against the
//! communiqués' yearly falls, and each case where words replace the ratio.

use super::super::tests::{find, grade_one, near};
use super::super::{Aliases, Options, Status, assess};
use super::Verdict;
use crate::check::tests_support::row;
use crate::lang::Lang;
use crate::scenario::Scenario;
use crate::table::LoadOptions;

/// The 14th plan's urbanisation target 65 graded by the 15th table's 2025 figure: 63.89 (2020)
/// to 67.9 is (67.9 − 63.89)/5 = 0.802 points a year, and 67.9 ≥ 65 in the target year.
#[test]
fn a_chain_grade_from_the_next_plans_table() {
    let g = grade_one(
        row("常住人口城镇化率", "%", 2020, "63.89", 2025, "65", ""),
        &[("常住人口城镇化率", 2025, "67.9")],
    );
    assert_eq!((g.status, g.latest_value), (Status::Achieved, Some(67.9)));
    assert!(near(g.current_pace, 0.802, 1e-9), "{:?}", g.current_pace);
}

/// The 15th plan's 67.9 → 71 over 2025–30 needs (71 − 67.9)/5 = 0.62 points a year; the 14th
/// plan's years went (67.9 − 63.89)/5 = 0.802: 0.62/0.802 = 0.7731 of the past pace.
#[test]
fn a_ratio_of_required_to_past_pace() {
    let g = grade_one(
        row("常住人口城镇化率", "%", 2025, "67.9", 2030, "71", ""),
        &[
            ("常住人口城镇化率", 2020, "63.89"),
            ("常住人口城镇化率", 2025, "67.9"),
        ],
    );
    let a = g.ambition.expect("an ambition");
    assert_eq!(a.verdict, Verdict::Ratio);
    assert!(near(a.required, 0.62, 1e-9) && near(a.past, 0.802, 1e-9));
    assert!(near(a.ratio, 0.773067, 1e-6), "{:?}", a.ratio);
    assert_eq!(
        (a.required_years, a.past_years),
        (Some((2025, 2030)), Some((2020, 2025)))
    );
    assert_eq!(
        a.words.zh,
        "需0.62个百分点/年（2025–2030年），2020–2025年实际0.80个百分点/年：为过去速度的0.77倍"
    );
    assert_eq!(
        a.words.en,
        "needs 0.62 points a year (2025–2030); 2020–2025 achieved 0.80 points a year: 0.77 times the past pace"
    );
}

/// Outturns older than the five years before the base do not count: 57.35 in 2016 is left out.
#[test]
fn only_the_previous_period_counts() {
    let g = grade_one(
        row("常住人口城镇化率", "%", 2025, "67.9", 2030, "71", ""),
        &[
            ("常住人口城镇化率", 2016, "57.35"),
            ("常住人口城镇化率", 2021, "64.72"),
            ("常住人口城镇化率", 2025, "67.89"),
        ],
    );
    // (67.89 − 64.72)/4 = 0.7925; 0.62/0.7925 = 0.78233
    let a = g.ambition.expect("an ambition");
    assert!(near(a.past, 0.7925, 1e-9) && near(a.ratio, 0.782334, 1e-6));
    assert_eq!(a.past_years, Some((2021, 2025)));
}

#[test]
fn words_where_a_ratio_means_nothing() {
    let verdict = |ind, rows: &[(&str, i32, &str)]| {
        let a = grade_one(ind, rows).ambition.expect("an ambition");
        (a.verdict, a.words.zh)
    };
    // a floor the base already meets: 6.95 against ＞6.5
    let (v, zh) = verdict(
        row("粮食综合生产能力", "亿吨", 2025, "6.95", 2030, "＞6.5", ""),
        &[],
    );
    assert_eq!((v, zh.as_str()), (Verdict::AlreadyMet, "已达到，需保持"));
    // a ceiling the past kept: (5.1 + 5.6 + 5.2 + 5.1 + 5.2)/5 = 5.24 < 5.5
    let (v, zh) = verdict(
        row("城镇调查失业率", "%", 2025, "5.2", 2030, "—", "<5.5"),
        &[
            ("城镇调查失业率", 2021, "5.1"),
            ("城镇调查失业率", 2022, "5.6"),
            ("城镇调查失业率", 2023, "5.2"),
            ("城镇调查失业率", 2024, "5.1"),
            ("城镇调查失业率", 2025, "5.2"),
        ],
    );
    assert_eq!((v, zh.as_str()), (Verdict::AlreadyMet, "已达到，需保持"));
    // the past moved the other way: 83 → 80 is −0.6 a year where +1 a year is needed
    let water = || row("地表水水质优良比例", "%", 2025, "80", 2030, "85", "");
    let (v, zh) = verdict(
        water(),
        &[
            ("地表水水质优良比例", 2020, "83"),
            ("地表水水质优良比例", 2025, "80"),
        ],
    );
    assert_eq!(v, Verdict::Opposite);
    assert!(
        zh.ends_with("：方向相反") && zh.contains("实际下降0.60个百分点/年"),
        "{zh}"
    );
    // no outturns before the base: the required pace alone
    let (v, zh) = verdict(water(), &[]);
    assert_eq!(
        (v, zh.as_str()),
        (
            Verdict::NoHistory,
            "需1.00个百分点/年（2025–2030年）：无历史"
        )
    );
    // words only
    let (v, zh) = verdict(
        row(
            "国内生产总值增长",
            "%",
            2025,
            "5",
            2030,
            "—",
            "保持在合理区间",
        ),
        &[],
    );
    assert_eq!((v, zh.as_str()), (Verdict::Qualitative, "无数值可比"));
}

/// The bundled 15th plan: CO₂ intensity 〔17〕 over 2026–30 is the index 100 → 83,
/// 0.83^(1/5) − 1 = −3.6580 % a year; its table prints the 14th plan's fall as 〔17.7〕 in the
/// 2025 column, 0.823^(1/5) − 1 = −3.8211 % a year: 0.9573 of the past pace (the communiqués'
/// yearly falls would give 0.875765^(1/5) − 1 = −2.6183, 1.397). Urbanisation: 0.62 against
/// (67.89 − 64.72)/4 = 0.7925 (2020's figure is the bound ＞60), 0.7823.
#[test]
fn the_bundled_15th_plan_against_the_14th_plans_years() {
    let sc = Scenario::load(
        &crate::repo_file("scenarios/national-15th.toml"),
        &LoadOptions::default(),
    )
    .unwrap();
    let g = assess(
        &sc.indicators,
        &sc.outturns,
        &Aliases::bundled(),
        &Options {
            as_of: None,
            lang: Lang::Zh,
        },
    );
    let co2 = find(&g, "二氧化碳").ambition.clone().expect("an ambition");
    assert!(near(co2.required, -3.658009, 1e-5) && near(co2.past, -3.821064, 1e-5));
    assert!(near(co2.ratio, 0.957327, 1e-5), "{:?}", co2.ratio);
    assert_eq!(co2.past_years, Some((2020, 2025)));
    assert_eq!(
        co2.words.zh,
        "需下降3.66%/年（2025–2030年），2020–2025年实际〔17.7〕，折合下降3.82%/年：为过去速度的0.96倍"
    );
    let u = find(&g, "城镇化率").ambition.clone().expect("an ambition");
    assert!(near(u.ratio, 0.782334, 1e-5), "{:?}", u.ratio);
    // the 15th table reads row 12 with its own number, and its note ③ on R&D only
    let care = find(&g, "婴幼儿入托率");
    assert_eq!(care.indicator, "3岁以下婴幼儿入托率提高");
    // R&D growth ＞7 a year: the communiqués' 14.2, 10.4, 8.1, 8.3, 8.1 all above it
    let rd = find(&g, "研发经费投入增长")
        .ambition
        .as_ref()
        .map(|a| a.verdict);
    assert_eq!(rd, Some(Verdict::AlreadyMet));
}

/// The table's own base value is a point of the past: a share printed 7.8 for 2020 with one
/// earlier outturn (6.0 in 2017) went (7.8 − 6.0)/3 = 0.6 points a year; reaching 10 by 2025
/// needs (10 − 7.8)/5 = 0.44, 0.44/0.6 = 0.7333 of it.
#[test]
fn the_table_s_base_is_a_point_of_the_past() {
    let g = grade_one(
        row(
            "数字经济核心产业增加值占GDP比重",
            "%",
            2020,
            "7.8",
            2025,
            "10",
            "",
        ),
        &[("数字经济核心产业增加值占GDP比重", 2017, "6.0")],
    );
    let a = g.ambition.expect("an ambition");
    assert_eq!(a.verdict, Verdict::Ratio);
    assert!(near(a.past, 0.6, 1e-9), "{:?}", a.past);
    assert_eq!(a.past_years, Some((2017, 2020)));
    assert!(near(a.ratio, 0.733333, 1e-6), "{:?}", a.ratio);
}

/// The national 15th plan's digital economy (10.5 in 2024 → 12.5 by 2030, (12.5 − 10.5)/6 =
/// 0.3333 points a year) against the 14th plan's table, read as outturns for its base year
/// (7.8 in 2020): 2020–2024 went (10.5 − 7.8)/4 = 0.675, a ratio of 0.3333/0.675 = 0.4938.
#[test]
fn the_15th_plan_s_digital_economy_has_a_past() {
    let sc = Scenario::load(
        &crate::repo_file("scenarios/national-15th.toml"),
        &LoadOptions::default(),
    )
    .unwrap();
    let grades = assess(
        &sc.indicators,
        &sc.outturns,
        &Aliases::bundled(),
        &Options {
            as_of: None,
            lang: Lang::En,
        },
    );
    let a = find(&grades, "数字经济核心产业增加值占GDP比重")
        .ambition
        .clone()
        .expect("an ambition");
    assert_eq!(a.verdict, Verdict::Ratio);
    assert_eq!(a.past_years, Some((2020, 2024)));
    assert!(near(a.past, 0.675, 1e-9), "{:?}", a.past);
    assert!(near(a.ratio, 0.493827, 1e-6), "{:?}", a.ratio);
}
