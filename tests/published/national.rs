//! The national 11th plan's table and the 10th plan's achievement table as Excel saves them
//! (`tests/fixtures/national/`): title row, headers broken over lines, categories merged down
//! one character per line, notes below. Expectations are written from the printed tables
//! (`../shared/data/national/*.jpg`); the grades from the tables' own arithmetic, by hand.

use super::super::*;
use plansim_core::table::achievement::{Verdict, achievement};

const NATIONAL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/national");

fn national(file: &str) -> Table {
    let opts = LoadOptions {
        region: Some("全国".into()),
        ..LoadOptions::default()
    };
    load(&Path::new(NATIONAL_DIR).join(file), &opts).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn row<'a>(t: &'a Table, name: &str) -> &'a Indicator {
    t.indicators
        .iter()
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

fn cells(ind: &Indicator, want: [Want; 5]) {
    for (what, cell, w) in [
        ("base", &ind.base, want[0]),
        ("target", &ind.target, want[1]),
        ("rate", &ind.rate, want[2]),
        ("outcome", &ind.outcome, want[3]),
        ("outcome rate", &ind.outcome_rate, want[4]),
    ] {
        assert!(
            meets(cell, w),
            "{} {what}: `{}` read as {:?}, expected {w:?}",
            ind.name,
            cell.raw,
            cell.form
        );
    }
}

/// “十五”计划主要指标实现情况: 2000年 (base), “十五”计划目标 (target, 2005), 2005年 (outcome),
/// “十五”年均增长 (the achieved rate or total). A rate row prints its target in the target
/// column.
#[test]
fn the_10th_achievement_table_reads_whole() {
    let t = national("national-10th-achievement-table.csv");
    assert!(
        t.unread.is_empty() && t.warnings.is_empty(),
        "{:?} {:?}",
        t.unread,
        t.warnings
    );
    assert_eq!(t.indicators.len(), 15);
    for i in &t.indicators {
        assert_eq!((i.base_year, i.target_year), (2000, 2005), "{}", i.name);
    }
    let r = |n| row(&t, n);
    cells(
        r("国内生产总值年均增长"),
        [Nil, Nil, N(7.0, 0), Nil, N(9.5, 1)],
    );
    assert_eq!(r("国内生产总值年均增长").rate_kind, RateKind::Annual);
    cells(
        r("五年城镇新增就业"),
        [Nil, Total(4000.0), Total(4000.0), Nil, Total(4200.0)],
    );
    assert_eq!(r("五年城镇新增就业").rate_kind, RateKind::TotalAmount);
    cells(
        r("城镇登记失业率"),
        [N(3.1, 1), N(5.0, 0), Nil, N(4.2, 1), Nil],
    );
    cells(
        r("价格总水平"),
        [Nil, Nil, Words("基本稳定"), Nil, N(1.4, 1)],
    );
    cells(
        r("货物进出口总额"),
        [N(4743.0, 0), N(6800.0, 0), Nil, N(14221.0, 0), N(24.6, 1)],
    );
    cells(
        r("研究与试验发展经费支出占国内生产总值比重"),
        [N(0.9, 1), N(1.5, 1), Nil, N(1.3, 1), Nil],
    );
    cells(
        r("全国总人口"),
        [
            N(126743.0, 0),
            N(133000.0, 0),
            Nil,
            N(130756.0, 0),
            N(6.3, 1),
        ],
    );
    assert_eq!(r("全国总人口").outcome_rate.suffix.as_deref(), Some("‰"));
    // `＜[10]`: an achieved five-year fall of less than 10 %
    let pollution = r("主要污染物排放总量减少");
    for (cell, want) in [
        (&pollution.target, Total(10.0)),
        (&pollution.rate, Total(10.0)),
    ] {
        assert!(meets(cell, want), "{cell:?}");
    }
    assert!(pollution.base.is_none() && pollution.outcome.is_none());
    assert!(
        matches!(
            pollution.outcome_rate.form,
            Form::AtMost { strict: true, .. }
        ) && pollution.outcome_rate.is_period_total()
    );
    assert_eq!(pollution.rate_kind, RateKind::TotalPercent);
    assert_eq!(r("城镇居民人均住宅建筑面积").unit.raw, "平方米");
}

/// Each row against its target as the table's own figures say: 11 met, 3 missed, 1 in words.
#[test]
fn the_10th_achievement_table_grades_by_its_own_arithmetic() {
    let t = national("national-10th-achievement-table.csv");
    use Verdict::*;
    for (name, want) in [
        ("国内生产总值年均增长", Met),                        // 9.5 ≥ 7 a year
        ("五年城镇新增就业", Met),                            // [4200] ≥ [4000]
        ("五年转移农业劳动力", Met),                          // [4000] ≥ [4000]
        ("城镇登记失业率", Met),                              // 4.2 ≤ 5, a ceiling
        ("价格总水平", Qualitative),                          // 基本稳定
        ("货物进出口总额", Met),                              // 14221 ≥ 6800
        ("研究与试验发展经费支出占国内生产总值比重", Missed), // 1.3 < 1.5
        ("高等教育毛入学率", Met),                            // 21 ≥ 15
        ("高中阶段教育毛入学率", Missed),                     // 53 < 60
        ("初中毛入学率", Met),                                // 95 ≥ 90
        ("全国总人口", Met),                                  // 130756 ≤ 133000, kept under it
        ("主要污染物排放总量减少", Missed),                   // a fall under 10 % against 10 %
        ("城镇居民人均可支配收入年均增长", Met),              // 9.6 ≥ 5
        ("农村居民人均纯收入年均增长", Met),                  // 5.3 ≥ 5
        ("城镇居民人均住宅建筑面积", Met),                    // 26 ≥ 22
    ] {
        let a = achievement(row(&t, name)).unwrap_or_else(|| panic!("{name}: no verdict"));
        assert_eq!(a.verdict, want, "{name}");
    }
    // the exports' growth the table prints is its levels' own: (14221/4743)^(1/5) − 1 = 24.6 %
    let growth = ((14221.0f64 / 4743.0).powf(0.2) - 1.0) * 100.0;
    assert!((growth - 24.6).abs() < 0.05, "{growth}");
}

/// 按经济普查前数据2005年为1.55%: the figure on the pre-census basis stays with its row.
#[test]
fn a_footnote_figure_on_another_basis_is_kept_with_its_row() {
    let t = national("national-10th-achievement-table.csv");
    let rd = row(&t, "研究与试验发展经费支出占国内生产总值比重");
    let alt: Vec<_> = rd
        .notes
        .iter()
        .filter_map(plansim_core::table::alternative::alternative)
        .collect();
    assert_eq!(alt, [("经济普查前数据".to_string(), "1.55%".to_string())]);
    // no other row takes it
    let others = t.indicators.iter().filter(|i| i.name != rd.name);
    for i in others {
        assert!(
            i.notes
                .iter()
                .all(|n| plansim_core::table::alternative::alternative(n).is_none()),
            "{}",
            i.name
        );
    }
}

/// 专栏2 of the 11th plan: categories merged down one character per line, names broken over
/// lines, `＜8‰` a ceiling on the yearly growth, `＞80` in the target and `＞[56.5]` in the total.
#[test]
fn the_11th_plan_table_reads_whole() {
    let t = national("national-11th-plan-table.csv");
    assert!(
        t.unread.is_empty() && t.warnings.is_empty(),
        "{:?} {:?}",
        t.unread,
        t.warnings
    );
    assert_eq!(t.indicators.len(), 22);
    let categories: Vec<&str> = t.indicators.iter().map(|i| i.category.as_str()).collect();
    let mut want = vec!["经济增长"; 2];
    want.extend(["经济结构"; 4]);
    want.extend(["人口资源环境"; 8]);
    want.extend(["公共服务人民生活"; 8]);
    assert_eq!(categories, want);
    for i in &t.indicators {
        assert_eq!((i.base_year, i.target_year), (2005, 2010), "{}", i.name);
        assert!(
            i.outcome.is_none() && i.outcome_rate.is_none(),
            "{}",
            i.name
        );
    }
    let r = |n| row(&t, n);
    cells(
        r("国内生产总值"),
        [N(18.2, 1), N(26.1, 1), N(7.5, 1), Nil, Nil],
    );
    cells(
        r("研究与试验发展经费支出占国内生产总值比重"),
        [N(1.3, 1), N(2.0, 0), Total(0.7), Nil, Nil],
    );
    cells(
        r("全国总人口"),
        [N(130756.0, 0), N(136000.0, 0), Lt(8.0), Nil, Nil],
    );
    cells(
        r("新型农村合作医疗覆盖率"),
        [N(23.5, 1), Gt(80.0), TotalGt(56.5), Nil, Nil],
    );
    cells(
        r("耕地保有量"),
        [N(1.22, 2), N(1.2, 1), N(-0.3, 1), Nil, Nil],
    );
    assert_eq!(r("耕地保有量").direction(), plansim_core::Direction::Rising);
    assert_eq!(
        r("单位国内生产总值能源消耗降低").rate_kind,
        RateKind::TotalPercent
    );
    assert_eq!(r("城镇登记失业率").attribute, Attribute::Expected);
    assert_eq!(r("森林覆盖率").attribute, Attribute::Binding);
}

/// The 15th plan's table graded as evidence for the 14th: its 2025年 column gives each row's
/// 2025 figure (a starred cell 2024's, note ②), a growth row's figure that year's growth; its
/// own indicators are left aside, and `执业医师数` is not the 14th's `执业（助理）医师数`.
#[test]
fn the_next_plan_table_is_evidence_for_the_plan_before_it() {
    let out = assert_cmd::Command::cargo_bin("plansim")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "assess",
            "scenarios/tables/national-14th.csv",
            "--actuals",
            "tests/fixtures/national/national-15th-plan-table.xlsx",
            "--format",
            "json",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let grades: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let grade = |name: &str| {
        grades
            .as_array()
            .and_then(|a| a.iter().find(|g| g["indicator"] == name))
            .unwrap_or_else(|| panic!("no grade for {name}"))
    };
    let latest = |name: &str| {
        let g = grade(name);
        (
            g["latest_year"].as_i64(),
            g["latest_value"].as_f64(),
            g["status"].as_str(),
        )
    };
    // 67.9 ≥ 65
    assert_eq!(
        latest("常住人口城镇化率"),
        (Some(2025), Some(67.9), Some("achieved"))
    );
    // 25.1* is 2024's: above 24.1 a year early
    assert_eq!(
        latest("森林覆盖率"),
        (Some(2024), Some(25.1), Some("ahead"))
    );
    // 1.39万亿斤 = 6.95亿吨 (a 斤 is half a kilogram), above 6.5
    let (year, value, status) = latest("粮食综合生产能力");
    assert_eq!((year, status), (Some(2025), Some("achieved")));
    assert!((value.unwrap_or(0.0) - 6.95).abs() < 1e-9, "{value:?}");
    // 2025's growth, 5 %, is a year's rate
    assert_eq!(latest("国内生产总值（GDP）增长").1, Some(5.0));
    // no figure of another indicator
    assert_eq!(
        latest("每千人口拥有执业（助理）医师数").2,
        Some("insufficient-data")
    );
}

/// `assess` on the achievement table alone grades every row from its own outcome columns, and
/// the R&D row shows its figure on the pre-census basis beside its grade.
#[test]
fn assess_grades_an_achievement_table_without_outturns() {
    let out = assert_cmd::Command::cargo_bin("plansim")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "assess",
            "tests/fixtures/national/national-10th-achievement-table.csv",
            "--format",
            "json",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let grades: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let all = grades.as_array().map_or(&[][..], |a| a.as_slice());
    let count = |s: &str| all.iter().filter(|g| g["status"] == s).count();
    assert_eq!(
        (
            all.len(),
            count("achieved"),
            count("missed"),
            count("qualitative")
        ),
        (15, 11, 3, 1)
    );
    let rd = all
        .iter()
        .find(|g| g["indicator"] == "研究与试验发展经费支出占国内生产总值比重")
        .unwrap_or_else(|| panic!("no R&D row"));
    assert_eq!(rd["latest_value"].as_f64(), Some(1.3));
    let notes = rd["notes"].to_string();
    // 1.55 ≥ 1.5 on the pre-census basis
    assert!(
        notes.contains("1.55%") && notes.contains("已实现"),
        "{notes}"
    );
}

/// The achievement table's outcome levels are its outturns for every other command: the eight
/// rows printing a 2005年 figure, each for 2005.
#[test]
fn an_achievement_tables_outcomes_are_its_outturns() {
    let t = national("national-10th-achievement-table.csv");
    let o = plansim_core::actuals::own_outcomes(&t.indicators);
    assert_eq!(o.len(), 8);
    assert!(o.iter().all(|o| o.year == 2005 && o.region == "全国"));
    let exports = o
        .iter()
        .find(|o| o.indicator == "货物进出口总额（亿美元）")
        .unwrap_or_else(|| panic!("{o:?}"));
    assert_eq!(exports.value, 14221.0);
}

/// The 10th plan's achievement table re-laid as later outlines print theirs: `规划目标` and
/// `实现情况` each over a year and a rate, merged across both (written in the first column
/// only), the rate rows' targets under the target's rate. It grades as the original does.
#[test]
fn grouped_achievement_headers_grade_as_the_original() {
    let grouped = "\
专栏1　“十五”计划主要指标实现情况,,,,,
指标,2000年,规划目标,,实现情况,
,,2005年,年均增长（%）,2005年,年均增长（%）
国内生产总值年均增长（%）,,,7,,9.5
五年城镇新增就业（万人）,,,[4000],,[4200]
五年转移农业劳动力（万人）,,,[4000],,[4000]
城镇登记失业率（%）,3.1,5,,4.2,
价格总水平,,,基本稳定,,1.4
货物进出口总额（亿美元）,4743,6800,,14221,24.6
研究与试验发展经费支出占国内生产总值比重（%）,0.9,1.5,,1.3,
高等教育毛入学率（%）,11.5,15,,21,
高中阶段教育毛入学率（%）,42.8,60,,53,
初中毛入学率（%）,88.6,90,,95,
全国总人口（万人）,126743,133000,,130756,6.3‰
主要污染物排放总量减少（%）,,,[10],,＜[10]
城镇居民人均可支配收入年均增长（%）,,,5,,9.6
农村居民人均纯收入年均增长（%）,,,5,,5.3
城镇居民人均住宅建筑面积（平方米）,20.3,22,,26,5.1
注：带[ ]的为五年累计数。,,,,,
";
    let opts = LoadOptions {
        region: Some("全国".into()),
        ..LoadOptions::default()
    };
    let t = plansim_core::table::load_bytes(
        Path::new("grouped.csv"),
        grouped.as_bytes().to_vec(),
        &opts,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        t.unread.is_empty() && t.warnings.is_empty(),
        "{:?} {:?}",
        t.unread,
        t.warnings
    );
    let original = national("national-10th-achievement-table.csv");
    assert_eq!(t.indicators.len(), original.indicators.len());
    for (g, o) in t.indicators.iter().zip(&original.indicators) {
        assert_eq!(g.name, o.name);
        assert_eq!(
            (g.base_year, g.target_year, g.rate_kind),
            (o.base_year, o.target_year, o.rate_kind),
            "{}",
            g.name
        );
        for (a, b) in [
            (&g.base, &o.base),
            (&g.target, &o.target),
            (&g.rate, &o.rate),
            (&g.outcome, &o.outcome),
            (&g.outcome_rate, &o.outcome_rate),
        ] {
            assert_eq!(a.form, b.form, "{}", g.name);
        }
        let verdict = |i: &Indicator| achievement(i).map(|a| a.verdict);
        assert_eq!(verdict(g), verdict(o), "{}", g.name);
    }
}
