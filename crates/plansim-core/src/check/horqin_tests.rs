//! The verdict on every row of the 科尔沁区 indicator table (scenarios/tables/horqin.csv, seq
//! 1–20; the document's lines 48–67). The arithmetic in the comments was done apart from the
//! code: n = 2025 − 2020 = 5 years, implied rate g = (target/base)^(1/5) − 1, a printed number
//! stands for ± half its last digit, and the stated rate's rounding is that half digit too.

use super::{CheckOptions, Code, Finding, run};
use crate::approx_eq;
use crate::notice::Severity;

fn findings() -> Vec<Finding> {
    let path = crate::repo_file("scenarios/tables/horqin.csv");
    let table = crate::table::load(&path, &Default::default()).unwrap();
    run(&table.indicators, &CheckOptions::default())
}

/// The findings of the row with this `seq` (CSV line seq + 1), as (code, severity), sorted.
fn verdict(all: &[Finding], seq: usize) -> Vec<(Code, Severity)> {
    let mut v: Vec<_> = all
        .iter()
        .filter(|f| f.row == seq + 1)
        .map(|f| (f.code, f.severity))
        .collect();
    v.sort();
    v
}

fn one(all: &[Finding], seq: usize, code: Code) -> &Finding {
    let found: Vec<&Finding> = all
        .iter()
        .filter(|f| f.row == seq + 1 && f.code == code)
        .collect();
    assert_eq!(found.len(), 1, "seq {seq} {code}: {found:#?}");
    found[0]
}

#[test]
fn row_01_gdp_growth_rate_holding_levels_in_yi() {
    let all = findings();
    // Named 地区生产总值增长率, unit %, but the cells are 305.8亿 and 430亿: levels in 亿, which a
    // percentage cannot carry: unit-mismatch, an error.
    // The rate itself agrees: (430/305.8)^(1/5) − 1 = 1.406148^0.2 − 1 = 7.055 %/yr; over the
    // digits (429.5/305.85)^0.2 − 1 = 7.026 % to (430.5/305.75)^0.2 − 1 = 7.083 %, inside
    // 7 ± 0.5: no rate-mismatch. No share bound for levels.
    assert_eq!(verdict(&all, 1), [(Code::UnitMismatch, Severity::Error)]);
    let f = one(&all, 1, Code::UnitMismatch);
    assert!(
        f.message.contains("`305.8亿` and `430亿` carry 亿"),
        "{}",
        f.message
    );
    assert_eq!(f.cells.base, "305.8亿");
}

#[test]
fn row_02_urbanisation() {
    // 63 → 70: (70/63)^0.2 − 1 = 1.111111^0.2 − 1 = 2.130 %/yr, within 2 ± 0.5.
    // Bound: 63·1.02^15 = 63·1.345868 = 84.79 < 100 by 2035.
    assert_eq!(verdict(&findings(), 2), []);
}

#[test]
fn row_03_rnd_share_without_numbers() {
    // Base `-`, target `-`, no rate: nothing to hold the plan to: no-numeric-target, a warning.
    let all = findings();
    assert_eq!(
        verdict(&all, 3),
        [(Code::NoNumericTarget, Severity::Warning)]
    );
}

#[test]
fn row_04_patents_per_10000() {
    let all = findings();
    // 1.8 → 3: (3/1.8)^0.2 − 1 = 1.666667^0.2 − 1 = 10.757 %/yr, 0.757 points from the stated
    // 10, more than its rounding 0.5: a warning. Over the digits (2.5/1.85)^0.2 − 1 = 6.207 % to
    // (3.5/1.75)^0.2 − 1 = 2^0.2 − 1 = 14.870 %: overlaps 9.5–10.5, so not an error.
    // 1.8·1.1⁵ = 1.8·1.61051 = 2.899, which prints as 3: the table holds together at its
    // digits, a note rather than a warning.
    assert_eq!(verdict(&all, 4), [(Code::RateMismatch, Severity::Info)]);
    let n = &one(&all, 4, Code::RateMismatch).numbers;
    assert!(approx_eq(n.implied_rate.unwrap(), 10.757, 1e-3));
    assert!(approx_eq(n.implied_rate_low.unwrap(), 6.207, 1e-3));
    assert!(approx_eq(n.implied_rate_high.unwrap(), 14.870, 1e-3));
    assert!(approx_eq(n.reached_value.unwrap(), 2.8989, 1e-4));
}

#[test]
fn row_05_registered_unemployment() {
    // 3.82 → 4以内, no rate: a ceiling with nothing to compare; the path the ceiling allows,
    // (4/3.82)^0.2 − 1 = 0.925 %/yr, gives 3.82·1.00925^15 = 4.39 by 2035: far from 100.
    assert_eq!(verdict(&findings(), 5), []);
}

#[test]
fn row_06_life_expectancy() {
    // 76 → 77: (77/76)^0.2 − 1 = 1.013158^0.2 − 1 = 0.262 %/yr, within 0.3 ± 0.05.
    assert_eq!(verdict(&findings(), 6), []);
}

#[test]
fn row_07_health_literacy() {
    // 20.5 → 22.5: (22.5/20.5)^0.2 − 1 = 1.097561^0.2 − 1 = 1.879 %/yr, within 1.9 ± 0.05.
    // 20.5·1.019^15 = 27.19 by 2035.
    assert_eq!(verdict(&findings(), 7), []);
}

#[test]
fn row_08_food_inspection_pass_rate() {
    // 98 → >98, no rate: a floor, met by holding; no path passes 100.
    assert_eq!(verdict(&findings(), 8), []);
}

#[test]
fn row_09_physicians_per_1000() {
    // 2.56 → 3.11: (3.11/2.56)^0.2 − 1 = 1.214844^0.2 − 1 = 3.969 %/yr, within 4 ± 0.5.
    // Unit 人 for a count per 1000 people is how yearbooks print it: no unit-mismatch.
    assert_eq!(verdict(&findings(), 9), []);
}

#[test]
fn row_10_beds_per_1000_in_percent() {
    let all = findings();
    // 医疗机构每千人床位数 in %: 6.3 beds per 1000 people is 0.63 per 100, not 6.3 %:
    // unit-mismatch, a warning (the name, not a cell, says so).
    // Rate: (8/6.3)^0.2 − 1 = 1.269841^0.2 − 1 = 4.894 %/yr, within 4.9 ± 0.05.
    assert_eq!(verdict(&all, 10), [(Code::UnitMismatch, Severity::Warning)]);
}

#[test]
fn row_11_maternal_management() {
    // 94.1 → ≥95: at least (95/94.1)^0.2 − 1 = 0.191 %/yr; 0.2 is enough (94.1·1.002⁵ = 95.04).
    // 94.1·1.002^15 = 96.96 < 100 by 2035.
    assert_eq!(verdict(&findings(), 11), []);
}

#[test]
fn row_12_public_kindergartens() {
    // 82 → 85: (85/82)^0.2 − 1 = 0.721 %/yr, within 0.7 ± 0.05; 82·1.007^15 = 91.04.
    assert_eq!(verdict(&findings(), 12), []);
}

#[test]
fn row_13_regular_exercise() {
    // 35 → 42: 1.2^0.2 − 1 = 3.714 %/yr, within 3.7 ± 0.05; 35·1.037^15 = 60.36.
    assert_eq!(verdict(&findings(), 13), []);
}

#[test]
fn row_14_schooling_years() {
    let all = findings();
    // 9.7 → 10.8: (10.8/9.7)^0.2 − 1 = 1.113402^0.2 − 1 = 2.172 %/yr, 0.072 from the stated
    // 2.1, beyond its rounding 0.05: a warning. Over the digits (10.75/9.75)^0.2 − 1 = 1.972 %
    // to (10.85/9.65)^0.2 − 1 = 2.372 %: overlaps 2.05–2.15. 9.7·1.021⁵ = 10.762 (prints 10.8):
    // a note.
    assert_eq!(verdict(&all, 14), [(Code::RateMismatch, Severity::Info)]);
    let f = one(&all, 14, Code::RateMismatch);
    assert!(approx_eq(f.numbers.implied_rate.unwrap(), 2.1716, 1e-3));
    assert!(approx_eq(f.numbers.reached_value.unwrap(), 10.7622, 1e-3));
    assert!(f.message.contains("prints as 10.8"), "{}", f.message);
}

#[test]
fn row_15_pension_coverage() {
    let all = findings();
    // 95.2 → 98: (98/95.2)^0.2 − 1 = 0.581 %/yr, within 0.6 ± 0.05.
    // Bound: 95.2·1.006^8 = 95.2·1.049020 = 99.87, 95.2·1.006^9 = 100.47: passes 100 in 2029,
    // after the target year, before 2035: a warning. 95.2·1.006^15 = 104.14 by 2035.
    assert_eq!(
        verdict(&all, 15),
        [(Code::BoundExceeded, Severity::Warning)]
    );
    let n = &one(&all, 15, Code::BoundExceeded).numbers;
    assert_eq!((n.crossing_year, n.bound), (Some(2029), Some(100.0)));
    assert!(approx_eq(n.horizon_value.unwrap(), 104.137, 1e-3));
}

#[test]
fn row_16_rural_sanitary_toilets() {
    let all = findings();
    // 62.59 → 85: (85/62.59)^0.2 − 1 = 1.358044^0.2 − 1 = 6.312 %/yr, within 6.3 ± 0.05.
    // Bound: 62.59·1.063^7 = 95.99, 62.59·1.063^8 = 102.04: passes 100 in 2028; 156.50 by 2035.
    assert_eq!(
        verdict(&all, 16),
        [(Code::BoundExceeded, Severity::Warning)]
    );
    let n = &one(&all, 16, Code::BoundExceeded).numbers;
    assert_eq!(n.crossing_year, Some(2028));
    assert!(approx_eq(n.horizon_value.unwrap(), 156.496, 1e-3));
}

#[test]
fn row_17_cumulative_energy_intensity() {
    let all = findings();
    // 12 % over 十四五 (2021–25): (1 − 0.12)^(1/5) − 1 = e^(ln 0.88/5) − 1 = e^(−0.025567) − 1
    // = −2.524 %/yr. The base, 13.5 % over 十三五: 0.865^0.2 − 1 = −2.859 %/yr. Info.
    assert_eq!(
        verdict(&all, 17),
        [(Code::CumulativeTarget, Severity::Info)]
    );
    let f = one(&all, 17, Code::CumulativeTarget);
    assert!(approx_eq(
        f.numbers.annual_equivalent.unwrap(),
        -2.5243,
        1e-4
    ));
    assert_eq!(f.numbers.period_total, Some(12.0));
    assert!(
        f.message.contains("-2.524%/yr") && f.message.contains("-2.859%/yr"),
        "{}",
        f.message
    );
}

#[test]
fn row_18_air_quality_days_set_by_the_city() {
    // 333 → 市级指标: delegated to the city; no-numeric-target, info.
    assert_eq!(
        verdict(&findings(), 18),
        [(Code::NoNumericTarget, Severity::Info)]
    );
}

#[test]
fn row_19_forest_coverage() {
    // 13.39 → 18: (18/13.39)^0.2 − 1 = 1.344287^0.2 − 1 = 6.096 %/yr, within 6 ± 0.5.
    // 13.39·1.06^15 = 13.39·2.396558 = 32.09 < 100.
    assert_eq!(verdict(&findings(), 19), []);
}

#[test]
fn row_20_grain_capacity() {
    let all = findings();
    // 31.2 → 32: (32/31.2)^0.2 − 1 = 1.025641^0.2 − 1 = 0.508 %/yr against the stated 0.4,
    // 0.108 apart, beyond its rounding 0.05: a warning. Over the digits (31.5/31.25)^0.2 − 1 =
    // 0.160 % to (32.5/31.15)^0.2 − 1 = 0.852 %: overlaps 0.35–0.45, so not an error.
    // 31.2·1.004⁵ = 31.2·1.020161 = 31.829, which prints as 32 (the target has no decimals):
    // a note.
    assert_eq!(verdict(&all, 20), [(Code::RateMismatch, Severity::Info)]);
    let n = &one(&all, 20, Code::RateMismatch).numbers;
    assert!(approx_eq(n.implied_rate.unwrap(), 0.5076, 1e-3));
    assert!(approx_eq(n.implied_rate_low.unwrap(), 0.1595, 1e-3));
    assert!(approx_eq(n.implied_rate_high.unwrap(), 0.8521, 1e-3));
    assert!(approx_eq(n.reached_value.unwrap(), 31.829, 1e-3));
    assert_eq!(n.stated_rate, Some(0.4));
}

#[test]
fn the_gdp_growth_target_agrees_with_tongliaos() {
    // 科尔沁区 plans 7左右 for 2021–25; 通辽市's 2023 plan 7左右 for 2023: 6.5–7.5 both.
    let dir = crate::repo_file("scenarios/tables");
    let mut rows = crate::table::load(&dir.join("horqin.csv"), &Default::default())
        .unwrap()
        .indicators;
    rows.extend(
        crate::table::load(&dir.join("tongliao-2023.csv"), &Default::default())
            .unwrap()
            .indicators,
    );
    let all = run(&rows, &CheckOptions::default());
    assert!(
        all.iter().all(|f| f.code != Code::CrossPlanConflict),
        "{all:#?}"
    );
}
