//! Grades worked out by hand: the national 14th plan from the communiqués' figures, and each
//! rule on a small fixture.

use super::*;
use crate::actuals::resolve;
use crate::check::tests_support::row;
use crate::scenario::Scenario;
use crate::table::LoadOptions;

fn national(as_of: Option<i32>) -> Vec<Grade> {
    let sc = Scenario::load(
        &crate::repo_file("scenarios/national-14th.toml"),
        &LoadOptions::default(),
    )
    .unwrap();
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

fn english() -> Options {
    Options {
        as_of: None,
        lang: Lang::En,
    }
}

pub(super) fn find<'a>(grades: &'a [Grade], name: &str) -> &'a Grade {
    grades
        .iter()
        .find(|g| g.indicator.contains(name))
        .unwrap_or_else(|| panic!("no grade for {name}"))
}

pub(super) fn near(a: Option<f64>, b: f64, tol: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= tol)
}

#[test]
fn national_14th_plan_as_of_2022() {
    let g = national(Some(2022));
    // 常住人口城镇化率 65: 64.72 in 2021 short of it, 65.22 in 2022 past it, three years early
    let u = find(&g, "城镇化率");
    assert_eq!(
        (u.status, u.latest_year, u.latest_value),
        (Status::Ahead, Some(2022), Some(65.22))
    );
    assert!(u.reason.contains("first in 2022"), "{}", u.reason);
    // patents 6.3 → 12 (2020–25): 9.4 in 2022 is (9.4 − 6.3)/(12 − 6.3) = 54.39 % of the way;
    // the compound path expects ((12/6.3)^(2/5) − 1)/(12/6.3 − 1) = (1.294006 − 1)/0.904762
    // = 32.495 % by 2022: r = 1.674 ≥ 1.2
    let p = find(&g, "发明专利");
    assert_eq!(p.status, Status::Faster);
    assert!(near(p.progress, 0.543860, 1e-5) && near(p.expected_progress, 0.324954, 1e-5));
    // energy intensity down 〔13.5〕: 2021 −2.7 %, 2022 −0.1 %: 1 − 0.973·0.999 = 2.7973 % down,
    // 2.7973/13.5 = 20.72 % of the way; expected (1 − 0.865^(2/5))/0.135 = 0.056360/0.135
    // = 41.75 %: r = 0.496 < 0.8
    let e = find(&g, "能源消耗");
    assert_eq!(e.status, Status::Lagging);
    assert!(near(e.latest_value, -2.7973, 1e-4), "{:?}", e.latest_value);
    assert!(near(e.progress, 0.207207, 1e-5) && near(e.expected_progress, 0.417483, 1e-5));
    // CO₂ intensity 〔18〕: 1 − 0.962·0.992 = 4.5696 % down, 25.39 % of the way against
    // (1 − 0.82^(2/5))/0.18 = 42.39 %: r = 0.599
    let c = find(&g, "二氧化碳");
    assert_eq!(c.status, Status::Lagging);
    assert!(near(c.progress, 0.253867, 1e-5) && near(c.expected_progress, 0.423948, 1e-5));
    // surveyed unemployment <5.5: mean (5.1 + 5.6)/2 = 5.35 within, 2022's 5.6 named
    let j = find(&g, "调查失业率");
    assert_eq!(j.status, Status::OnTrack);
    assert!(
        near(j.mean, 5.35, 1e-9)
            && j.reason
                .contains("breached in 2022 (5.6); graded on the period's mean"),
        "{}",
        j.reason
    );
    // its chance on the trend: values 5.1, 5.6 (n = 2, x̄ 5.35, s 0.35355), three years to
    // come; the 2021–25 mean is (10.7 + 3·5.35)/5 = 5.35 with scale 0.35355·√(3(1 + 3/2))/5
    // = 0.19365, Student-t with one degree of freedom (Cauchy), met under 5.5 (a bound as
    // drawn, no printed slack): 1/2 + arctan(0.15/0.19365)/π = 1/2 + arctan(0.77459)/π =
    // 1/2 + 0.65906/π = 0.70979
    assert!(near(j.p_meet, 0.70979, 1e-3), "{:?}", j.p_meet);
    // R&D growth >7 a year: nominal 14.2, 10.4: mean 12.3 ≥ 7·1.2 = 8.4
    let r = find(&g, "研发经费");
    assert_eq!(r.status, Status::Faster);
    assert!(near(r.mean, 12.3, 1e-9));
    assert!(
        r.notes.iter().any(|n| n.contains("nominal")),
        "{:?}",
        r.notes
    );
    // income in step with GDP: real 8.1, 2.9 (5.5) against 8.1, 3.0 (5.55): within 0.5
    let i = find(&g, "可支配收入");
    assert_eq!(i.status, Status::OnTrack);
    assert!(near(i.mean, 5.5, 1e-9) && near(i.other_mean, 5.55, 1e-9));
    // productivity above GDP: 8.7, 4.2 (6.45) against 5.55
    assert_eq!(find(&g, "劳动生产率").status, Status::OnTrack);
    assert_eq!(find(&g, "国内生产总值").status, Status::Qualitative);
    // forest cover: no official figure before the 15th outline's 25.1 for 2024
    for name in [
        "森林",
        "数字经济",
        "受教育年限",
        "医师",
        "养老保险",
        "托位",
        "预期寿命",
        "空气质量",
        "粮食",
        "能源综合",
    ] {
        assert_eq!(find(&g, name).status, Status::InsufficientData, "{name}");
    }
}

#[test]
fn national_14th_plan_as_of_2025() {
    let g = national(None);
    // energy intensity: 1 − 0.973·0.999·0.995·0.962·0.949 = 1 − 0.882964 = 11.70 % against 13.5
    let e = find(&g, "能源消耗");
    assert_eq!(e.status, Status::Missed);
    assert!(near(e.latest_value, -11.7036, 1e-3), "{:?}", e.latest_value);
    assert!(
        e.notes.iter().any(|n| n.contains("扣除原料用能")),
        "{:?}",
        e.notes
    );
    // CO₂ intensity: the 15th plan outline's official 〔17.7〕 over 2021–2025 against 〔18〕,
    // the communiqués' 1 − 0.962·0.992·1·0.966·0.95 = 12.42 % shown beside it
    let c = find(&g, "二氧化碳");
    assert_eq!(c.status, Status::Missed);
    assert!(near(c.latest_value, -17.7, 1e-9), "{:?}", c.latest_value);
    assert!(c.reason.contains("12.42"), "{}", c.reason);
    // unemployment: (5.1 + 5.6 + 5.2 + 5.1 + 5.2)/5 = 5.24 < 5.5, 2022 breached
    let j = find(&g, "调查失业率");
    assert_eq!(j.status, Status::Achieved);
    assert!(near(j.mean, 5.24, 1e-9) && j.reason.contains("2022 (5.6)"));
    // R&D: (14.2 + 10.4 + 8.1 + 8.3 + 8.1)/5 = 9.82, nominal, above 7
    let r = find(&g, "研发经费");
    assert_eq!(r.status, Status::Achieved);
    assert!(near(r.mean, 9.82, 1e-9));
    // income real growth (8.1 + 2.9 + 6.1 + 5.1 + 5.0)/5 = 5.44 against GDP
    // (8.1 + 3.0 + 5.2 + 5.0 + 5.0)/5 = 5.26: in step
    let i = find(&g, "可支配收入");
    assert_eq!(i.status, Status::Achieved);
    assert!(near(i.mean, 5.44, 1e-9) && near(i.other_mean, 5.26, 1e-9));
    // productivity (8.7 + 4.2 + 5.7 + 4.9 + 6.1)/5 = 5.92 above 5.26
    assert!(near(find(&g, "劳动生产率").mean, 5.92, 1e-9));
    for (name, status) in [
        ("劳动生产率", Status::Achieved),
        ("城镇化率", Status::Achieved),
        ("发明专利", Status::Achieved),
        ("地表水", Status::Achieved),
        // the 15th outline's 2025 column: forest 25.1 (2024) ≥ 24.1 and digital economy 10.5
        // (2024) ≥ 10 a year early; life expectancy 79.25 ≥ 77.3 + 〔1〕 = 78.3; schooling 11.3
        // (the 2025 communiqué) ≥ 11.3; grain capacity 1.39万亿斤 = 6.95亿吨 > 6.5; energy
        // capacity 51.3 > 46
        ("森林", Status::Ahead),
        ("数字经济", Status::Ahead),
        ("预期寿命", Status::Achieved),
        ("受教育年限", Status::Achieved),
        ("粮食", Status::Achieved),
        ("能源综合", Status::Achieved),
        // no official figure is published for these four
        ("医师", Status::InsufficientData),
        ("养老保险", Status::InsufficientData),
        ("托位", Status::InsufficientData),
        ("空气质量", Status::InsufficientData),
    ] {
        assert_eq!(find(&g, name).status, status, "{name}");
    }
    assert!(near(find(&g, "粮食").latest_value, 6.95, 1e-9));
    assert!(near(find(&g, "预期寿命").target_value, 78.3, 1e-9));
    // once the year is reached, no probability
    assert!(
        g.iter()
            .all(|x| x.status != Status::Achieved || x.p_meet.is_none())
    );
}

pub(super) fn outturns(region: &str, rows: &[(&str, i32, &str)]) -> Vec<crate::actuals::Outturn> {
    rows.iter()
        .enumerate()
        .map(|(k, (name, year, text))| {
            let p = crate::actuals::value::parse(text).unwrap();
            crate::actuals::Outturn {
                region: region.into(),
                period: None,
                indicator: (*name).into(),
                year: *year,
                value: p.value * p.scale,
                text: (*text).into(),
                side: p.side,
                preliminary: p.preliminary,
                hypothetical: false,
                notes: p.notes,
                source: String::new(),
                file: "o.csv".into(),
                row: k + 2,
                column: 4,
                name_column: 2,
                from_plan_table: false,
            }
        })
        .collect()
}

pub(super) fn grade_one(ind: crate::table::Indicator, rows: &[(&str, i32, &str)]) -> Grade {
    let inds = vec![ind];
    let r = resolve(&inds, outturns("科尔沁区", rows), &Aliases::bundled()).unwrap();
    assess(&inds, &r, &Aliases::bundled(), &english()).remove(0)
}

#[test]
fn reach_by_the_ratio_of_progress() {
    // 305.8 → 430 in 2025: the compound path expects ((430/305.8)^(2/5) − 1)/(430/305.8 − 1)
    // = 0.146074/0.406148 = 35.966 % of the way by 2022
    let gdp = || row("地区生产总值", "亿元", 2020, "305.8", 2025, "430", "7");
    // 350: 44.2/124.2 = 35.59 %, r = 0.989
    let g = grade_one(gdp(), &[("地区生产总值", 2022, "350")]);
    assert_eq!(g.status, Status::OnTrack);
    assert!(near(g.expected_progress, 0.359655, 1e-5));
    // 380: 74.2/124.2 = 59.74 %, r = 1.661; 320: 11.43 %, r = 0.318; 300: moving away
    assert_eq!(
        grade_one(gdp(), &[("GDP", 2022, "380")]).status,
        Status::Faster
    );
    assert_eq!(
        grade_one(gdp(), &[("GDP", 2022, "320")]).status,
        Status::Lagging
    );
    let g = grade_one(gdp(), &[("GDP", 2022, "300")]);
    assert_eq!((g.status, g.grade_zh), (Status::Regressing, "滞后于预期"));
    // growth outturns serve the level: 305.8·1.06·1.03 = 333.87 in 2022, 22.45 % of the way
    let g = grade_one(
        gdp(),
        &[
            ("地区生产总值增长（%）", 2021, "6"),
            ("地区生产总值增长（%）", 2022, "3"),
        ],
    );
    assert!(near(g.latest_value, 333.87244, 1e-6) && g.status == Status::Lagging);
    // a share reached in its year: 64.6 rounds to the printed 65 (±0.5), 64.4 does not
    let share = || row("常住人口城镇化率", "%", 2020, "60", 2025, "65", "");
    let g = grade_one(share(), &[("常住人口城镇化率", 2025, "64.6")]);
    assert!(
        g.status == Status::Achieved && g.reason.contains("printed precision"),
        "{}",
        g.reason
    );
    assert_eq!(
        grade_one(share(), &[("常住人口城镇化率", 2025, "64.4")]).status,
        Status::Missed
    );
    // 64.6 in 2024 has not passed 65: no early credit for rounding
    assert_ne!(
        grade_one(share(), &[("常住人口城镇化率", 2024, "64.6")]).status,
        Status::Ahead
    );
}

/// A total over the period is the yearly changes multiplied from the base year, so a year
/// after a missing one cannot be counted: said in the grade, never dropped in silence ("no
/// outturn after 2020" was untrue with 2023's given).
/// A ceiling printed without a baseline (`控制在5.5%以内`) is kept year by year: 5.1, 5.8,
/// 5.3 have a mean of 16.2/3 = 5.4, within 5.5, with 2022 named beyond it; never "reached
/// early" from its first outturn, and no baseline said to be within it.
#[test]
fn a_bound_without_a_baseline_is_kept_each_year() {
    let g = grade_one(
        row("城镇调查失业率", "%", 2020, "", 2025, "控制在5.5%以内", ""),
        &[
            ("城镇调查失业率", 2021, "5.1"),
            ("城镇调查失业率", 2022, "5.8"),
            ("城镇调查失业率", 2023, "5.3"),
        ],
    );
    assert_eq!(
        (g.rule, g.status),
        ("hold", Status::OnTrack),
        "{}",
        g.reason
    );
    assert!(
        g.reason.starts_with(
            "mean 5.4 over 2021–2023 against 控制在5.5%以内 (no baseline printed: kept each year)"
        ) && g.reason.contains("2022 (5.8)"),
        "{}",
        g.reason
    );
    assert!(!g.reason.contains("baseline  "), "{}", g.reason);
}

/// `＞98` from a baseline of 98: held as the plan means, but 98 itself is not above 98 — a
/// 2025 outturn of 98 misses it and is named, 98.5 meets it; the baseline is on the line,
/// not within it.
#[test]
fn a_strict_bound_is_not_met_by_its_line() {
    let food = || row("食品抽检合格率", "%", 2020, "98", 2025, "＞98", "");
    let g = grade_one(food(), &[("食品抽检合格率", 2025, "98")]);
    assert_eq!((g.rule, g.status), ("hold", Status::Missed), "{}", g.reason);
    assert!(
        g.reason.starts_with(
            "98 in 2025 against ＞98 (the baseline 98 on its line); breached in 2025 (98)"
        ),
        "{}",
        g.reason
    );
    let g = grade_one(food(), &[("食品抽检合格率", 2025, "98.5")]);
    assert_eq!(g.status, Status::Achieved, "{}", g.reason);
}

#[test]
fn yearly_changes_after_a_missing_year_are_said_not_counted() {
    let energy = || {
        row(
            "单位地区生产总值能源消耗降低",
            "%",
            2020,
            "",
            2025,
            "",
            "〔13.5〕",
        )
    };
    let g = grade_one(energy(), &[("单位地区生产总值能源消耗降低", 2023, "2.5")]);
    assert_eq!(g.status, Status::InsufficientData);
    assert_eq!(g.evidence_count, 0);
    assert!(
        g.reason.starts_with(
            "2023's yearly figure cannot be counted: 2021's is missing, and the total since \
             2020 is built year by year; a fall of 13.5%"
        ) && g.reason.ends_with("(no outturn counted)")
            && !g.reason.contains("no outturn after"),
        "{}",
        g.reason
    );
    // 2021 down 2.5 % counts; 2023 and 2024 wait for 2022. Progress 2.5/13.5 = 18.52 %
    // against ((86.5/100)^(1/5) − 1)/(86.5/100 − 1) = 21.177 % expected by 2021 (r = 0.87)
    let g = grade_one(
        energy(),
        &[
            ("单位地区生产总值能源消耗降低", 2021, "2.5"),
            ("单位地区生产总值能源消耗降低", 2023, "3"),
            ("单位地区生产总值能源消耗降低", 2024, "3"),
        ],
    );
    assert_eq!((g.status, g.evidence_count), (Status::OnTrack, 1));
    assert!(near(g.expected_progress, 0.21177, 1e-4));
    assert!(
        g.reason
            .starts_with("fell 2.5% in 2021 (the yearly change -2.5): ")
            && g.reason.contains(
                "; 2023, 2024's yearly figures cannot be counted: 2022's is missing, and the \
                 total since 2020 is built year by year (evidence: 1 yearly figure, latest 2021)"
            ),
        "{}",
        g.reason
    );
    assert!(
        g.text.zh.starts_with("2021年下降2.5%（年度变化-2.5）")
            && g.text
                .zh
                .contains("；2023、2024年的年度数据无法计入：缺2022年数据"),
        "{}",
        g.text.zh
    );
}

/// A level's yearly growth counts from the level of the year before: a year's growth after a
/// missing level is named as not counted, not dropped (GDP 305.8 in 2020 → 430 in 2025 needs
/// (430/305.8)^(1/5) − 1 = 7.055 % a year).
#[test]
fn a_growth_after_a_missing_level_is_said_not_counted() {
    let gdp = || row("地区生产总值", "亿元", 2020, "305.8", 2025, "430", "7");
    let g = grade_one(gdp(), &[("地区生产总值增长（%）", 2023, "6")]);
    assert_eq!((g.status, g.evidence_count), (Status::InsufficientData, 0));
    assert!(
        g.reason.starts_with(
            "2023's growth cannot be counted: the 2022 level it grows from is missing; "
        ) && g
            .reason
            .ends_with("needs 7.055% a year (no outturn counted)"),
        "{}",
        g.reason
    );
    assert!(
        g.text
            .zh
            .starts_with("2023年的增速无法计入：缺其所依据的2022年水平值；"),
        "{}",
        g.text.zh
    );
    // 2021's level counts (320: 14.2/124.2 = 11.43 % of the way); 2023's growth still waits
    let g = grade_one(
        gdp(),
        &[
            ("地区生产总值", 2021, "320"),
            ("地区生产总值增长（%）", 2023, "6"),
        ],
    );
    assert_eq!(g.evidence_count, 1);
    assert!(near(g.progress, 14.2 / 124.2, 1e-9));
    assert!(
        g.reason.ends_with(
            "; 2023's growth cannot be counted: the 2022 level it grows from is missing \
             (evidence: 1 yearly figure, latest 2021)"
        ),
        "{}",
        g.reason
    );
}

#[test]
fn held_bounds_and_rates() {
    // registered unemployment 3.82 → 4以内: 3.9, 4.2 average 4.05, outside; 2022 breached
    let u = || row("城镇登记失业率", "%", 2020, "3.82", 2025, "4以内", "");
    let g = grade_one(
        u(),
        &[
            ("城镇登记失业率", 2021, "3.9"),
            ("城镇登记失业率", 2022, "4.2"),
        ],
    );
    assert_eq!(g.status, Status::Lagging);
    assert!(g.reason.contains("2022 (4.2)"));
    // 3.0, 3.1 average 3.05, below 4·(1 − 0.2) = 3.2: faster
    let g = grade_one(
        u(),
        &[
            ("城镇登记失业率", 2021, "3.0"),
            ("城镇登记失业率", 2022, "3.1"),
        ],
    );
    assert_eq!(g.status, Status::Faster);
    // GDP 6左右 a year with no baseline level: growth 5.0 and 5.4 compound to
    // √(1.05·1.054) − 1 = √1.1067 − 1 = 5.200 % a year, below 6 − 0.5; the remaining three
    // years need (1.06⁵/1.1067)^(1/3) − 1 = (1.338226/1.1067)^(1/3) − 1 = 1.209204^(1/3) − 1
    // = 6.537 % a year
    let gdp = || row("地区生产总值", "亿元", 2020, "", 2025, "—", "6左右");
    let g = grade_one(
        gdp(),
        &[
            ("地区生产总值增长", 2021, "5.0"),
            ("地区生产总值增长", 2022, "5.4"),
        ],
    );
    assert_eq!(g.status, Status::Lagging);
    assert!(
        near(g.mean, 5.19981, 1e-4) && near(g.required_rate, 6.5368, 1e-3),
        "{:?} {:?}",
        g.mean,
        g.required_rate
    );
    // the gap is the current pace less the required one, as for a level to reach:
    // 5.200 − 6.537 = −1.337 points a year (not the mean less the target, 5.2 − 6 = −0.8)
    assert!(near(g.gap, 5.19981 - 6.5368, 1e-3), "{:?}", g.gap);
    // 7.5 and 7.0: √(1.075·1.07) − 1 = 7.250 %, above 6.5
    let g = grade_one(
        gdp(),
        &[
            ("地区生产总值增长", 2021, "7.5"),
            ("地区生产总值增长", 2022, "7.0"),
        ],
    );
    assert_eq!(g.status, Status::Faster);
}

#[test]
fn a_growth_row_fed_levels_counts_its_first_year_from_the_level_rows_base() {
    // GDP 100 (2020) in the level row; the growth row 6左右 is fed the levels 104, 108, 113:
    // 4 %, 108/104 − 1 = 3.8462 %, 113/108 − 1 = 4.6296 %, averaging 12.4758/3 = 4.1586 % over
    // 2021–2023 (without the level row's base, 2021 had no change: 2022–23 averaged 4.238 %).
    // The remaining two years need (5·6 − 12.4758)/2 = 8.762 % a year.
    let inds = vec![
        row("地区生产总值", "亿元", 2020, "100", 2025, "140", "7"),
        row("地区生产总值增长", "%", 2020, "6.0", 2025, "6左右", ""),
    ];
    let levels = [
        ("地区生产总值", 2021, "104"),
        ("地区生产总值", 2022, "108"),
        ("地区生产总值", 2023, "113"),
    ];
    let r = resolve(&inds, outturns("科尔沁区", &levels), &Aliases::bundled()).unwrap();
    let g = assess(&inds, &r, &Aliases::bundled(), &english()).remove(1);
    assert!(
        near(g.mean, 12.47585 / 3.0, 1e-4),
        "{:?} {}",
        g.mean,
        g.reason
    );
    assert!(g.reason.contains("2021–2023"), "{}", g.reason);
    assert!(near(g.required_rate, 8.7621, 1e-3), "{:?}", g.required_rate);
    // a level printed with its unit (`108亿元`) may be in another unit than the level row's
    // base: the first year is then left out rather than read against a base in other terms
    let printed = [
        ("地区生产总值", 2021, "1040000万元"),
        ("地区生产总值", 2022, "1080000万元"),
        ("地区生产总值", 2023, "1130000万元"),
    ];
    let r = resolve(&inds, outturns("科尔沁区", &printed), &Aliases::bundled()).unwrap();
    let g = assess(&inds, &r, &Aliases::bundled(), &english()).remove(1);
    assert!(g.reason.contains("2022–2023"), "{}", g.reason);
    // a level row of another plan gives no base
    let mut other = inds.clone();
    other[0].plan = "十三五规划".into();
    let r = resolve(&other, outturns("科尔沁区", &levels), &Aliases::bundled()).unwrap();
    let g = assess(&other, &r, &Aliases::bundled(), &english()).remove(1);
    assert!(g.reason.contains("2022–2023"), "{}", g.reason);
}

#[test]
fn a_relation_reads_the_other_row_in_its_own_terms() {
    // income growth in step with GDP growth, both fed levels: income 33300, 34600, 36100 from
    // its level row's 32000; GDP 104, 108, 113 (its own level row's base is not this row's).
    // Paired years 2022–23: income (34600/33300 − 1, 36100/34600 − 1) = (3.9039, 4.3353) %,
    // mean 4.1196; GDP (3.8462, 4.6296) %, mean 4.2379: 0.118 apart, in step (within 0.5).
    // Read against the income row's 32000, GDP's first year was 104/32000 − 1 = −99.7 %.
    let inds = vec![
        row("地区生产总值", "亿元", 2020, "100", 2025, "140", "7"),
        row("居民人均可支配收入", "元", 2020, "32000", 2025, "42000", ""),
        row(
            "居民人均可支配收入增长",
            "%",
            2020,
            "5",
            2025,
            "与地区生产总值增长同步",
            "",
        ),
    ];
    let outs = [
        ("地区生产总值", 2021, "104"),
        ("地区生产总值", 2022, "108"),
        ("地区生产总值", 2023, "113"),
        ("居民人均可支配收入", 2021, "33300"),
        ("居民人均可支配收入", 2022, "34600"),
        ("居民人均可支配收入", 2023, "36100"),
    ];
    let r = resolve(&inds, outturns("科尔沁区", &outs), &Aliases::bundled()).unwrap();
    let g = assess(&inds, &r, &Aliases::bundled(), &english()).remove(2);
    assert_eq!(g.status, Status::OnTrack, "{}", g.reason);
    assert!(g.reason.contains("4.238%"), "{}", g.reason);
    assert!(near(g.mean, 4.11958, 1e-4), "{:?}", g.mean);
}

#[test]
fn relations_words_and_missing_evidence() {
    let income = row(
        "居民人均可支配收入增长",
        "%",
        2020,
        "2.1",
        2025,
        "—",
        "与GDP增长基本同步",
    );
    let gdp = row(
        "国内生产总值增长",
        "%",
        2020,
        "2.3",
        2025,
        "—",
        "保持在合理区间",
    );
    let inds = vec![income, gdp];
    let o = outturns(
        "科尔沁区",
        &[
            ("居民人均可支配收入实际增长（%）", 2021, "4.0"),
            ("居民人均可支配收入实际增长（%）", 2022, "4.5"),
            ("国内生产总值增长（%）", 2021, "6.0"),
            ("国内生产总值增长（%）", 2022, "6.0"),
        ],
    );
    let r = resolve(&inds, o, &Aliases::bundled()).unwrap();
    let g = assess(&inds, &r, &Aliases::bundled(), &english());
    // 4.25 against 6.0: 1.75 points behind, more than 0.5
    assert_eq!(g[0].status, Status::Lagging);
    assert!(near(g[0].gap, 4.25 - 6.0 + 0.5, 1e-9));
    assert_eq!(g[1].status, Status::Qualitative);
    // delegated targets are words; no outturn after the base year is insufficient data, with
    // the pace of the outturns before it: 4 % and 3 % compound to √(1.04·1.03) − 1 = 3.499 %
    let d = row(
        "城市空气质量优良天数",
        "天",
        2020,
        "333",
        2025,
        "市级指标",
        "",
    );
    assert_eq!(grade_one(d, &[]).status, Status::Qualitative);
    let t = row("地区生产总值", "亿元", 2022, "", 2023, "—", "7左右");
    let g = grade_one(
        t,
        &[
            ("地区生产总值增长（%）", 2021, "4"),
            ("地区生产总值增长（%）", 2022, "3.0"),
        ],
    );
    assert_eq!(g.status, Status::InsufficientData);
    assert!(near(g.history_pace, 3.4989, 1e-3), "{:?}", g.history_pace);
}

#[test]
fn as_of_ignores_later_outturns() {
    let g = national(Some(2021));
    // 64.72 in 2021 has not passed 65: (64.72 − 60.6)/(65 − 60.6) = 93.6 % of the way against
    // 2/6 on a straight line: faster, not ahead
    let u = find(&g, "城镇化率");
    assert_eq!((u.status, u.latest_year), (Status::Faster, Some(2021)));
    assert!(u.reason.contains("as of") || u.latest_year == Some(2021));
}

#[test]
fn unmatched_outturn_names_are_errors_with_the_nearest_names() {
    let inds = vec![
        row("常住人口城镇化率", "%", 2020, "60", 2025, "65", ""),
        row("城镇调查失业率", "%", 2020, "5.2", 2025, "—", "<5.5"),
    ];
    let o = outturns(
        "科尔沁区",
        &[
            ("常驻人口城镇化率", 2021, "61"),
            ("城镇调查失业", 2021, "5.1"),
            ("粮食产量", 2021, "100"),
        ],
    );
    let mut o2 = outturns("通辽市", &[("地区生产总值增长", 2021, "4")]);
    o2.extend(o);
    let err = resolve(&inds, o2, &Aliases::bundled())
        .unwrap_err()
        .to_string();
    assert!(err.contains("3 unreadable cells"), "{err}");
    assert!(err.contains("did you mean `常住人口城镇化率`"), "{err}");
    assert!(err.contains("did you mean `城镇调查失业率`"), "{err}");
    assert!(
        err.contains("粮食产量") && err.contains("none is near"),
        "{err}"
    );
    // the region no table holds is skipped and counted, not an error
    let r = resolve(
        &inds,
        outturns("通辽市", &[("地区生产总值增长", 2021, "4")]),
        &Aliases::bundled(),
    )
    .unwrap();
    assert_eq!(r.skipped, [("通辽市".to_string(), 1)]);
    // a row without a region belongs to the one region the tables hold
    let r = resolve(
        &inds,
        outturns("", &[("常住人口城镇化率", 2021, "61")]),
        &Aliases::bundled(),
    )
    .unwrap();
    assert_eq!(r.of_row(0).len(), 1);
}

/// Missed, moving away and behind need action, in that order; every other grade comes after.
#[test]
fn grades_sort_by_urgency() {
    let mut all = Status::ALL.to_vec();
    all.sort_by_key(|s| s.urgency());
    assert_eq!(
        &all[..3],
        &[Status::Missed, Status::Regressing, Status::Lagging]
    );
    let acting: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| s.needs_action())
        .collect();
    assert_eq!(acting.len(), 3);
    assert_eq!(all.last(), Some(&Status::Qualitative));
}
