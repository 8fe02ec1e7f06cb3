//! Rows of the bundled and national tables, with their meaning worked out by hand.

use super::*;
use crate::check::tests_support::row;
use crate::meaning::GoalKind;
use crate::table::Relation as RelationKind;
use Direction::*;

fn meaning(
    name: &str,
    unit: &str,
    base_year: i32,
    base: &str,
    target: &str,
    rate: &str,
) -> Meaning {
    Meaning::of(&row(name, unit, base_year, base, 2025, target, rate))
}

#[test]
fn growth_rates_are_decided_by_the_cells() {
    // national 14th plan: GDP growth 2.3 in 2020, 保持在合理区间 — a rate with words
    let m = meaning(
        "国内生产总值（GDP）增长",
        "%",
        2020,
        "2.3",
        "—",
        "保持在合理区间、各年度视情提出",
    );
    assert_eq!((m.quantity, m.base), (Quantity::Rate, Some((2020, 2.3))));
    assert_eq!(m.target.rule(), "qualitative");
    // 科尔沁区: the same words over 305.8亿 → 430亿 at 7 % are a level
    let m = meaning("地区生产总值增长率", "%", 2020, "305.8亿", "430亿", "7");
    assert_eq!(m.quantity, Quantity::Level);
    assert_eq!(
        m.target,
        TargetKind::Reach {
            goal: GoalKind::Point { value: 430.0 },
            precision: 0.5
        }
    );
    assert_eq!(
        stated_growth(&row(
            "地区生产总值增长率",
            "%",
            2020,
            "305.8亿",
            2025,
            "430亿",
            "7"
        ))
        .map(|n| n.value),
        Some(0.07)
    );
}

#[test]
fn targets_of_the_national_table() {
    let m = meaning("全员劳动生产率增长", "%", 2020, "2.5", "—", "高于GDP增长");
    assert_eq!(m.quantity, Quantity::Rate);
    assert_eq!(
        m.target,
        TargetKind::Relational {
            relation: Relation {
                kind: RelationKind::Above,
                other: "GDP增长".into()
            }
        }
    );
    let m = meaning(
        "居民人均可支配收入增长",
        "%",
        2020,
        "2.1",
        "—",
        "与GDP增长基本同步",
    );
    assert!(matches!(
        m.target,
        TargetKind::Relational {
            relation: Relation {
                kind: RelationKind::InStep,
                ..
            }
        }
    ));
    let m = meaning("常住人口城镇化率", "%", 2019, "60.6", "65", "—");
    assert_eq!(
        (m.quantity, m.direction, m.base),
        (Quantity::Share, Rising, Some((2019, 60.6)))
    );
    assert_eq!(
        m.target,
        TargetKind::Reach {
            goal: GoalKind::Point { value: 65.0 },
            precision: 0.5
        }
    );
    // R&D growth >7 a year: a floor on the yearly rate itself, 7 itself not above it
    let m = meaning("全社会研发经费投入增长", "%", 2020, "—", "—", ">7");
    assert_eq!(
        m.target,
        TargetKind::AnnualBound {
            goal: GoalKind::AtLeast {
                value: 7.0,
                strict: true,
            },
            of: Of::Values,
            precision: 0.5
        }
    );
    // surveyed unemployment <5.5: a ceiling on each year's rate, not a growth of 5.5 % a year
    let r = row("城镇调查失业率", "%", 2020, "5.2", 2025, "—", "<5.5");
    let m = Meaning::of(&r);
    assert_eq!((m.quantity, m.direction), (Quantity::Share, Falling));
    assert_eq!(
        m.target,
        TargetKind::AnnualBound {
            goal: GoalKind::AtMost {
                value: 5.5,
                strict: true,
            },
            of: Of::Values,
            precision: 0.05
        }
    );
    assert_eq!(stated_growth(&r), None);
    // life expectancy 77.3 (2019) rising 〔1〕 year: reach 78.3
    let m = meaning("人均预期寿命", "岁", 2019, "77.3", "—", "[1]");
    assert_eq!(m.quantity, Quantity::Level);
    assert!(
        matches!(m.target, TargetKind::Reach { goal: GoalKind::Point { value }, .. } if (value - 78.3).abs() < 1e-9)
    );
    // energy intensity down 〔13.5〕 over 2021–25: index 100 → 86.5
    let m = meaning("单位GDP能源消耗降低", "%", 2020, "—", "—", "[13.5]");
    assert_eq!(
        (m.quantity, m.direction, m.base),
        (Quantity::PeriodChange, Falling, Some((2020, 100.0)))
    );
    assert!(
        matches!(m.target, TargetKind::PeriodTotal { goal: GoalKind::Point { value }, precision } if (value - 86.5).abs() < 1e-9 && precision == 0.05)
    );
    // grain capacity >6.5 with no baseline: a floor to reach
    let m = meaning("粮食综合生产能力", "亿吨", 2020, "—", ">6.5", "");
    assert_eq!((m.base, m.target.rule()), (None, "reach"));
    // without a baseline a ceiling is kept each year, and so is a floor the plan says to keep
    let m = meaning("城镇调查失业率", "%", 2020, "—", "控制在5.5%以内", "");
    assert_eq!((m.base, m.target.rule()), (None, "hold"));
    let m = meaning("羊绒年产量", "吨", 2020, "—", "稳定在780以上", "");
    assert_eq!((m.base, m.target.rule()), (None, "hold"));
    let m = meaning("游客接待量", "万人次", 2020, "—", "突破1000", "");
    assert_eq!((m.base, m.target.rule()), (None, "reach"));
}

#[test]
fn targets_of_the_bundled_district_tables() {
    // 回民区 GDP 年均6左右: an average growth, half a point either way
    let m = meaning("地区生产总值", "亿元", 2020, "", "—", "6左右");
    assert_eq!(
        m.target,
        TargetKind::AnnualRate {
            goal: GoalKind::About {
                value: 6.0,
                tolerance: 0.5
            },
            of: Of::Growth,
            precision: 0.5
        }
    );
    // 公共预算收入 2以上: a floor on the yearly growth of a level
    let m = meaning("公共预算收入", "亿元", 2020, "", "—", "2以上");
    assert!(matches!(
        m.target,
        TargetKind::AnnualBound { of: Of::Growth, .. }
    ));
    // registered unemployment 3.82 → 4以内: the base is within the ceiling, which is held
    let m = meaning("城镇登记失业率", "%", 2020, "3.82", "4以内", "—");
    assert_eq!((m.direction, m.target.rule()), (Falling, "hold"));
    // 累计新增就业人数 [4]以上 万人: a running total from 0
    let m = meaning("累计新增就业人数", "万人", 2020, "", "[4]以上", "");
    assert_eq!(m.quantity, Quantity::RunningTotal);
    assert_eq!(
        m.target,
        TargetKind::PeriodTotal {
            goal: GoalKind::AtLeast {
                value: 4.0,
                strict: false,
            },
            precision: 0.5
        }
    );
    // 单位地区生产总值能耗累计降低 12(十四五时期): index 100 → 88
    let m = meaning(
        "单位地区生产总值能耗累计降低",
        "%",
        2020,
        "13.5(十三五时期)",
        "12(十四五时期)",
        "—",
    );
    assert_eq!(m.quantity, Quantity::PeriodChange);
    assert!(
        matches!(m.target, TargetKind::PeriodTotal { goal: GoalKind::Point { value }, .. } if (value - 88.0).abs() < 1e-9)
    );
}

#[test]
fn relations_come_from_the_table_typed() {
    let cell = |t: &str| crate::table::Cell::parse(t).unwrap();
    assert_eq!(
        relation(&cell("与经济增长同步")).map(|r| r.other),
        Some("经济增长".into())
    );
    assert_eq!(
        relation(&cell("不低于GDP增长")).map(|r| r.kind),
        Some(RelationKind::NotBelow)
    );
    assert_eq!(relation(&cell("保持在合理区间")), None);
    // the other indicator by the table's key: 经济增长 and 国内生产总值增长（%） are one
    let r = relation(&cell("与经济增长同步")).unwrap();
    assert!(same_indicator(&r, "国内生产总值增长（%）"));
    assert!(!same_indicator(&r, "居民人均可支配收入增长（%）"));
}

/// A ceiling in the rate column makes the row falling even with no base and no target: a
/// provincial `城镇调查失业率, %, —, —, ＜5.5` under `年均增长[累计]`.
#[test]
fn a_bound_in_the_rate_column_decides_the_direction() {
    let m = meaning("城镇调查失业率", "%", 2020, "—", "—", "＜5.5");
    assert_eq!(m.direction, Falling);
    assert!(matches!(
        m.target,
        TargetKind::AnnualBound {
            goal: GoalKind::AtMost { .. },
            ..
        }
    ));
    let m = meaning("某指标", "%", 2020, "—", "—", "≥3");
    assert_eq!(m.direction, Rising);
}

/// The goal level a row's meaning sets, in its terms.
fn goal(m: &Meaning) -> Option<GoalKind> {
    m.target.goal()
}

/// `〔n〕` by what the indicator is, each worked out by hand.
#[test]
fn a_period_total_by_what_the_indicator_is() {
    // a level: 77.1 岁 + 1
    let m = meaning("人均预期寿命", "岁", 2020, "77.1", "[1]", "");
    assert_eq!(m.quantity, Quantity::Level);
    assert_eq!(goal(&m), Some(GoalKind::Point { value: 77.1 + 1.0 }));
    // points: 40 + 6, not 40 × 1.06, whatever the name's word
    let m = meaning("入托率提高", "百分点", 2020, "40", "[6]", "");
    assert_eq!(
        (m.quantity, goal(&m)),
        (Quantity::Share, Some(GoalKind::Point { value: 46.0 }))
    );
    // a share with a base: five points
    let m = meaning("常住人口城镇化率", "%", 2020, "60", "[5]", "");
    assert_eq!(goal(&m), Some(GoalKind::Point { value: 65.0 }));
    // a reduction compounds: the index ends at 100 × (1 − 0.135)
    let m = meaning("单位GDP能耗降低", "%", 2020, "", "[13.5]", "");
    assert_eq!((m.quantity, m.direction), (Quantity::PeriodChange, Falling));
    assert!(matches!(goal(&m), Some(GoalKind::Point { value }) if (value - 86.5).abs() < 1e-9));
    // a flow sums, and must reach its total though its name speaks of 贫困
    let m = meaning("农村贫困人口脱贫", "万人", 2015, "", "[5575]", "");
    assert_eq!(
        (m.quantity, m.direction, goal(&m)),
        (
            Quantity::RunningTotal,
            Rising,
            Some(GoalKind::Point { value: 5575.0 })
        )
    );
    // a flow with `<` is a ceiling
    let m = meaning("新增建设用地", "万亩", 2020, "", "[<3256]", "");
    assert_eq!(
        (m.direction, goal(&m)),
        (
            Falling,
            Some(GoalKind::AtMost {
                value: 3256.0,
                strict: true,
            })
        )
    );
    // `[2000左右]` keeps the tolerance of 左右: 2 % of 2000
    let m = meaning("培育新型职业农牧民", "人", 2020, "", "[2000左右]", "");
    assert_eq!(
        goal(&m),
        Some(GoalKind::About {
            value: 2000.0,
            tolerance: 40.0
        })
    );
}

#[test]
fn a_stock_to_keep_is_a_floor_below_its_base() {
    // 耕地保有量 1.22 → 1.2: kept at or above 1.2, which the base already is
    let m = meaning("耕地保有量", "亿公顷", 2005, "1.22", "1.2", "-0.3");
    assert_eq!(m.direction, Rising);
    assert_eq!(
        m.target,
        TargetKind::Hold {
            goal: GoalKind::AtLeast {
                value: 1.2,
                strict: false,
            },
            precision: 0.05
        }
    );
}

#[test]
fn a_per_mille_rate_and_a_bound_beside_a_printed_level() {
    // 全国总人口 130756 → 136000, ＜8‰: kept under 136000, growing under 0.8 % a year
    let ind = row("全国总人口", "万人", 2005, "130756", 2010, "136000", "＜8‰");
    assert_eq!(Meaning::of(&ind).direction, Falling);
    assert_eq!(stated_growth(&ind).map(|n| n.value), Some(0.008));
}

#[test]
fn a_starred_base_gives_way_to_the_base_year_outturn() {
    // 77.3 is a 2019 figure in a plan whose 〔1〕 covers 2021–2025: the base year is 2020
    let mut ind = row("人均预期寿命", "岁", 2019, "77.3", 2025, "[1]", "");
    ind.target.period_years = Some([2021, 2025]);
    assert_eq!(plan_base_year(&ind), 2020);
    let alone = Meaning::of(&ind);
    assert_eq!(
        alone.base_note,
        Some(BaseNote::Earlier {
            year: 2019,
            plan_year: 2020
        })
    );
    assert!(matches!(goal(&alone), Some(GoalKind::Point { value }) if (value - 78.3).abs() < 1e-9));
    let known = Meaning::with_base_outturn(&ind, Some(77.93));
    assert_eq!(known.base, Some((2020, 77.93)));
    assert!(
        matches!(goal(&known), Some(GoalKind::Point { value }) if (value - 78.93).abs() < 1e-9)
    );
    // a printed level does not count from the base: nothing to replace
    let ind = row("常住人口城镇化率", "%", 2019, "60.6", 2025, "65", "");
    assert_eq!(Meaning::with_base_outturn(&ind, Some(63.9)).base_note, None);
}

/// A relation printed as the target with a rate beside it (回民区's outline: income growth
/// `与经济增长同步` under 2025, `6` under 年均增长, as GDP's `6左右`) is the relation: graded
/// against 6 ± 0.5 it was called 同步 while the economy grew 4.5 %. The 6 stays the row's
/// stated pace. A level with such a target reads it too.
#[test]
fn a_relation_printed_as_the_target_wins_over_the_rate_beside_it() {
    let in_step = |m: &Meaning| {
        matches!(
            &m.target,
            TargetKind::Relational {
                relation: Relation {
                    kind: RelationKind::InStep,
                    other,
                },
            } if other == "经济增长"
        )
    };
    let m = meaning(
        "全体居民人均可支配收入增长",
        "%",
        2020,
        "—",
        "与经济增长同步",
        "6",
    );
    assert!(in_step(&m), "{:?}", m.target);
    let m = meaning(
        "全体居民人均可支配收入",
        "元",
        2020,
        "38000",
        "与经济增长同步",
        "6",
    );
    assert!(in_step(&m), "{:?}", m.target);
    // a number in the target cell is still the target
    let m = meaning(
        "全体居民人均可支配收入增长",
        "%",
        2020,
        "—",
        "6",
        "与经济增长同步",
    );
    assert_eq!(m.target.rule(), "annual-rate");
}
