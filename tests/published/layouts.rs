//! The layouts of the 13th and 15th plan outlines, a provincial and a municipal plan, each
//! built in `examples/published_fixtures.rs`; the expectations are written from those texts.

use super::super::*;

const A: RateKind = RateKind::Annual;
const AMOUNT: RateKind = RateKind::TotalAmount;
const PERCENT: RateKind = RateKind::TotalPercent;

/// 2015 → 2020 under `年均增长[累计]`: a share's `〔3.9〕` is 3.9 points (56.1 → 60), a fall's
/// `〔15〕` a 15 % fall; `（2）城镇化率` and `（7）森林发展` are parents of the unnumbered rows
/// below them, `（8）主要污染物排放总量减少（%）` of the sub-names beside it.
#[rustfmt::skip]
const THIRTEENTH: [Row; 12] = [
    r("1", "经济发展", "国内生产总值", "万亿元", 2015, (N(67.7, 1), Gt(92.7), Gt(6.5)), A, false),
    r("2", "经济发展", "城镇化率：常住人口城镇化率", "%", 2015, (N(56.1, 1), N(60.0, 0), Total(3.9)), AMOUNT, false),
    r("2", "经济发展", "城镇化率：户籍人口城镇化率", "%", 2015, (N(39.9, 1), N(45.0, 0), Total(5.1)), AMOUNT, false),
    r("3", "创新驱动", "研究与试验发展经费投入强度", "%", 2015, (N(2.1, 1), N(2.5, 1), Total(0.4)), AMOUNT, false),
    r("4", "民生福祉", "居民人均可支配收入增长", "%", 2015, (Nil, Nil, Gt(6.5)), A, false),
    r("5", "民生福祉", "城镇新增就业人数", "万人", 2015, (Nil, TotalGt(5000.0), TotalGt(5000.0)), AMOUNT, false),
    r("6", "资源环境", "单位GDP能源消耗降低", "%", 2015, (Nil, Total(15.0), Total(15.0)), PERCENT, true),
    // the parent's 约束性 carries down to its sub-items
    r("7", "资源环境", "森林发展：森林覆盖率", "%", 2015, (N(21.66, 2), N(23.04, 2), Total(1.38)), AMOUNT, true),
    r("7", "资源环境", "森林发展：森林蓄积量", "亿立方米", 2015, (N(151.0, 0), N(165.0, 0), Total(14.0)), AMOUNT, true),
    r("8", "资源环境", "主要污染物排放总量减少：化学需氧量", "%", 2015, (Nil, Total(10.0), Total(10.0)), PERCENT, true),
    r("8", "资源环境", "主要污染物排放总量减少：氨氮", "%", 2015, (Nil, Total(10.0), Total(10.0)), PERCENT, true),
    r("8", "资源环境", "主要污染物排放总量减少：二氧化硫", "%", 2015, (Nil, Total(15.0), Total(15.0)), PERCENT, true),
];

#[test]
fn the_13th_outline_layout_in_gbk() {
    let file = "thirteenth-style-gbk.csv";
    let t = read(file);
    // rows 4 and 11 are parents, taken up into their sub-items' names
    let rows = [3, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16];
    check_rows(file, &t.indicators, &THIRTEENTH, &rows, 2020);
    let i = &t.indicators;
    assert_eq!(i[1].name_parts.parent.as_deref(), Some("城镇化率"));
    assert_eq!(
        i[10].name_parts.parent.as_deref(),
        Some("主要污染物排放总量减少")
    );
    // ② 〔〕内为五年累计数: five years to 2020
    assert_eq!(i[1].rate.period_years, Some([2016, 2020]));
    assert_eq!(labels(&i[1].rate), "②");
    assert!(
        t.unread.is_empty() && t.warnings.is_empty(),
        "{:?} {:?}",
        t.unread,
        t.warnings
    );
}

/// 2025 → 2030 with a 2035 column; `➢` rows are the categories; the base column holds the 14th
/// plan's five-year total `〔17.7〕`; `（预计）` and `△` (带△的为预计数) mark preliminary bases.
#[rustfmt::skip]
const FIFTEENTH: [Row; 7] = [
    r("1", "经济发展", "国内生产总值增长", "%", 2025, (N(5.0, 1), Nil, Words("保持在合理区间")), A, false),
    r("2", "经济发展", "居民人均可支配收入增长", "%", 2025, (N(5.1, 1), Nil, Rel(Relation::InStep, "经济增长")), A, false),
    r("3", "经济发展", "常住人口城镇化率", "%", 2025, (N(67.5, 1), N(71.0, 0), Nil), A, false),
    r("4", "经济发展", "人均国内生产总值", "万元", 2025, (N(9.8, 1), Gt(12.0), Nil), A, false),
    // the 2035 goal: a row of its own, without the plan period's rate
    r("4", "经济发展", "人均国内生产总值", "万元", 2025, (N(9.8, 1), Words("达到中等发达国家水平"), Nil), A, false),
    r("5", "绿色低碳", "单位GDP二氧化碳排放降低", "%", 2025, (Total(17.7), Total(17.0), Total(17.0)), PERCENT, true),
    r("6", "安全保障", "粮食综合生产能力", "亿吨", 2025, (N(7.0, 1), Gt(7.2), Nil), A, true),
];

#[test]
fn the_15th_outline_layout_in_a_workbook() {
    let file = "fifteenth-style.xlsx";
    let t = read(file);
    let (first, second) = t.indicators.split_at(4);
    check_rows(file, first, &FIFTEENTH[..4], &[4, 5, 6, 7], 2030);
    check_rows(file, &second[..1], &FIFTEENTH[4..5], &[7], 2035);
    check_rows(file, &second[1..], &FIFTEENTH[5..], &[9, 11], 2030);
    let i = &t.indicators;
    // preliminary: printed `（预计）`, and `△` by note ②
    let preliminary: Vec<bool> = i.iter().map(|i| i.base.preliminary).collect();
    assert_eq!(preliminary, [true, true, true, false, false, false, false]);
    assert_eq!(
        (labels(&i[1].base), labels(&i[0].base)),
        ("②".into(), String::new())
    );
    // the base total covers the 14th plan (2021–2025), the rate's the 15th (2026–2030)
    assert_eq!(i[5].base.period_years, Some([2021, 2025]));
    assert_eq!(i[5].rate.period_years, Some([2026, 2030]));
    // 与经济增长同步 names the table's GDP growth row
    let Form::Relational(rel) = &i[1].rate.form else {
        panic!()
    };
    assert_eq!(rel.indicator.as_deref(), Some("国内生产总值增长"));
}

/// `“十四五”目标` over `2025年` and `年均增长（%）`, a unit column; `#为2019年数据`; a name
/// whose unit the unit column contradicts keeps it; 牵头单位 is reported as not read.
#[rustfmt::skip]
const PROVINCIAL: [Row; 5] = [
    r("1", "经济发展", "地区生产总值", "亿元", 2020, (N(11000.0, 0), Nil, About(6.0)), A, false),
    r("2", "经济发展", "常住人口城镇化率", "%", 2019, (N(58.2, 1), N(63.0, 0), Total(4.8)), AMOUNT, false),
    r("3", "经济发展", "研发经费投入强度", "%", 2020, (N(2.1, 1), N(2.6, 1), Total(0.5)), AMOUNT, false),
    r("4", "民生福祉", "城镇调查失业率", "%", 2020, (N(5.3, 1), Lt(5.5), Nil), A, false),
    r("5", "民生福祉", "粮食产量（万吨）", "亿斤", 2020, (N(800.0, 0), Gt(800.0), Nil), A, true),
];

#[test]
fn a_provincial_layout_in_gbk() {
    let file = "provincial-gbk.csv";
    let t = read(file);
    check_rows(file, &t.indicators, &PROVINCIAL, &[5, 6, 7, 8, 9], 2025);
    let i = &t.indicators;
    assert_eq!(
        (i[1].base.year, i[1].base.marks.as_slice()),
        (Some(2019), &["#".to_string()][..])
    );
    assert_eq!(i[2].name_parts.unit.as_deref(), Some("%"));
    assert_eq!(i[4].name_parts.unit.as_deref(), Some("万吨"));
    assert_eq!(i[3].remark, "各年度控制目标");
    // the one column not read, named with its header
    let w: Vec<(usize, usize, &str)> = t
        .warnings
        .iter()
        .map(|w| (w.row, w.column, w.header.as_str()))
        .collect();
    assert_eq!(w, [(3, 9, "牵头单位")]);
}

/// Section rows `一、`, a numbered row over two sub-items, and a range Excel made a date: that
/// row is left out and named, the others read.
#[rustfmt::skip]
const MUNICIPAL: [Row; 4] = [
    r("1", "经济发展", "地区生产总值", "亿元", 2020, (N(305.8, 1), N(430.0, 0), N(7.0, 0)), A, false),
    r("3", "民生福祉", "每千人口拥有医护人员数：执业医师数", "人", 2020, (N(2.56, 2), N(3.11, 2), N(4.0, 0)), A, true),
    r("3", "民生福祉", "每千人口拥有医护人员数：注册护士数", "人", 2020, (N(3.0, 1), N(3.8, 1), Nil), A, true),
    r("4", "民生福祉", "人均预期寿命", "岁", 2020, (N(76.0, 0), N(77.0, 0), Nil), A, false),
];

#[test]
fn a_municipal_layout_with_one_bad_cell() {
    let file = "municipal.csv";
    let t = read(file);
    check_rows(file, &t.indicators, &MUNICIPAL, &[4, 8, 9, 10], 2025);
    let bad: Vec<(usize, usize, &str)> = t
        .unread
        .iter()
        .map(|e| (e.row, e.column, e.text.as_str()))
        .collect();
    assert_eq!(bad, [(5, 5, "3月4日")]);
    // read without `lenient` (the library's default) the table is refused, every cell named
    let err = load(&Path::new(DIR).join(file), &LoadOptions::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("municipal.csv:5:5") && err.contains("`3月4日`"),
        "{err}"
    );
}
