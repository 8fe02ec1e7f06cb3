//! Tables in the layouts published plans use read with zero edits (`tests/fixtures/published/`,
//! written by `cargo run --example published_fixtures`). The national 14th plan's 专栏1 is a
//! verbatim copy of the outline's table; every row's meaning below is written from the printed
//! table (`../shared/data/national/national-14th-plan-table.png`), not from plansim's output.

use plansim_core::table::{
    Cell, Form, Indicator, LoadOptions, NoteEffect, NoteScope, RateKind, Relation, Table, load,
};
use plansim_core::{Attribute, approx_eq};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/published");

pub fn read(file: &str) -> Table {
    let opts = LoadOptions {
        region: Some("全国".into()),
        lenient: true,
        ..LoadOptions::default()
    };
    load(&Path::new(DIR).join(file), &opts).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// What a cell means.
#[derive(Clone, Copy, Debug)]
pub enum Want {
    /// A number with its printed decimals.
    N(f64, u8),
    /// `＞6.5`: strictly above.
    Gt(f64),
    /// `＜5.5`: strictly below.
    Lt(f64),
    /// `〔13.5〕`: a total over the period.
    Total(f64),
    /// `〔＞5000〕`: a total over the period, strictly above.
    TotalGt(f64),
    /// `6左右`.
    About(f64),
    /// `〔1〕` of a level read as a change from the base.
    Change(f64),
    /// `—`.
    Nil,
    /// Words: qualitative.
    Words(&'static str),
    /// Against another indicator, as printed.
    Rel(Relation, &'static str),
}
pub use Want::*;

fn meets(cell: &Cell, want: Want) -> bool {
    let n = |v: &plansim_core::Num, x: f64, d: u8| approx_eq(v.value, x, 1e-9) && v.decimals == d;
    match (want, &cell.form) {
        (N(x, d), Form::Number { value }) => n(value, x, d) && cell.period.is_none(),
        (Gt(x), Form::AtLeast { value, strict }) => *strict && approx_eq(value.value, x, 1e-9),
        (Lt(x), Form::AtMost { value, strict }) => *strict && approx_eq(value.value, x, 1e-9),
        (Total(x), Form::Number { value }) => {
            approx_eq(value.value, x, 1e-9) && cell.is_period_total()
        }
        (TotalGt(x), Form::AtLeast { value, strict }) => {
            *strict && approx_eq(value.value, x, 1e-9) && cell.is_period_total()
        }
        (About(x), Form::About { value }) => approx_eq(value.value, x, 1e-9),
        (Change(x), Form::Points { value }) => approx_eq(value.value, x, 1e-9),
        (Nil, Form::None) => true,
        (Words(t), Form::Qualitative { text }) => text == t,
        (Rel(r, o), Form::Relational(rel)) => rel.relation == r && rel.other == o,
        _ => false,
    }
}

pub struct Row {
    seq: &'static str,
    category: &'static str,
    name: &'static str,
    unit: &'static str,
    base_year: i32,
    cells: (Want, Want, Want),
    kind: RateKind,
    binding: bool,
}

#[allow(clippy::too_many_arguments)] // one per column of the expectation tables
pub const fn r(
    seq: &'static str,
    category: &'static str,
    name: &'static str,
    unit: &'static str,
    base_year: i32,
    cells: (Want, Want, Want),
    kind: RateKind,
    binding: bool,
) -> Row {
    Row {
        seq,
        category,
        name,
        unit,
        base_year,
        cells,
        kind,
        binding,
    }
}

const A: RateKind = RateKind::Annual;

/// 专栏1 as printed: base (2020, or 2019 where the note says `*` marks 2019 data), target
/// (2025; from the 年均/累计 column where that states it), the 年均/累计 cell, binding.
#[rustfmt::skip]
const NATIONAL: [Row; 20] = [
    r("1", "经济发展", "国内生产总值（GDP）增长", "%", 2020, (N(2.3, 1), Nil, Words("保持在合理区间、各年度视情提出")), A, false),
    r("2", "经济发展", "全员劳动生产率增长", "%", 2020, (N(2.5, 1), Nil, Rel(Relation::Above, "GDP增长")), A, false),
    r("3", "经济发展", "常住人口城镇化率", "%", 2019, (N(60.6, 1), N(65.0, 0), Nil), A, false),
    r("4", "创新驱动", "全社会研发经费投入增长", "%", 2020, (Nil, Nil, Gt(7.0)), A, false),
    r("5", "创新驱动", "每万人口高价值发明专利拥有量", "件", 2020, (N(6.3, 1), N(12.0, 0), Nil), A, false),
    r("6", "创新驱动", "数字经济核心产业增加值占GDP比重", "%", 2020, (N(7.8, 1), N(10.0, 0), Nil), A, false),
    r("7", "民生福祉", "居民人均可支配收入增长", "%", 2020, (N(2.1, 1), Nil, Rel(Relation::InStep, "GDP增长")), A, false),
    // `＜5.5` in 年均/累计 bounds the rate itself each year, 2025 included
    r("8", "民生福祉", "城镇调查失业率", "%", 2020, (N(5.2, 1), Lt(5.5), Lt(5.5)), RateKind::Yearly, false),
    r("9", "民生福祉", "劳动年龄人口平均受教育年限", "年", 2020, (N(10.8, 1), N(11.3, 1), Nil), A, true),
    r("10", "民生福祉", "每千人口拥有执业（助理）医师数", "人", 2020, (N(2.9, 1), N(3.2, 1), Nil), A, false),
    r("11", "民生福祉", "基本养老保险参保率", "%", 2020, (N(91.0, 0), N(95.0, 0), Nil), A, false),
    r("12", "民生福祉", "每千人口拥有3岁以下婴幼儿托位数", "个", 2020, (N(1.8, 1), N(4.5, 1), Nil), A, false),
    // 〔1〕: one year more over the five years, from the 2019 figure
    r("13", "民生福祉", "人均预期寿命", "岁", 2019, (N(77.3, 1), Change(1.0), Total(1.0)), RateKind::TotalAmount, false),
    r("14", "绿色生态", "单位GDP能源消耗降低", "%", 2020, (Nil, Total(13.5), Total(13.5)), RateKind::TotalPercent, true),
    r("15", "绿色生态", "单位GDP二氧化碳排放降低", "%", 2020, (Nil, Total(18.0), Total(18.0)), RateKind::TotalPercent, true),
    r("16", "绿色生态", "地级及以上城市空气质量优良天数比率", "%", 2020, (N(87.0, 0), N(87.5, 1), Nil), A, true),
    r("17", "绿色生态", "地表水达到或好于Ⅲ类水体比例", "%", 2020, (N(83.4, 1), N(85.0, 0), Nil), A, true),
    r("18", "绿色生态", "森林覆盖率", "%", 2019, (N(23.2, 1), N(24.1, 1), Nil), A, true),
    r("19", "安全保障", "粮食综合生产能力", "亿吨", 2020, (Nil, Gt(6.5), Nil), A, true),
    r("20", "安全保障", "能源综合生产能力", "亿吨标准煤", 2020, (Nil, Gt(46.0), Nil), A, true),
];

/// Rows as read against rows as wanted: `rows` are their file rows, `target_year` the year of
/// the first target column.
pub fn check_rows(file: &str, got: &[Indicator], want: &[Row], rows: &[usize], target_year: i32) {
    assert_eq!(got.len(), want.len(), "{file}: rows");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let at = format!("{file} {} {}", w.seq, w.name);
        assert_eq!(
            (
                g.seq.as_str(),
                g.category.as_str(),
                g.name.as_str(),
                g.unit.raw.as_str()
            ),
            (w.seq, w.category, w.name, w.unit),
            "{at}"
        );
        assert_eq!(
            (g.base_year, g.target_year),
            (w.base_year, target_year),
            "{at}"
        );
        for (what, cell, want) in [
            ("base", &g.base, w.cells.0),
            ("target", &g.target, w.cells.1),
            ("rate", &g.rate, w.cells.2),
        ] {
            assert!(
                meets(cell, want),
                "{at} {what}: `{}` read as {:?}, expected {want:?}",
                cell.raw,
                cell.form
            );
        }
        assert_eq!(g.rate_kind, w.kind, "{at}");
        let attribute = if w.binding {
            Attribute::Binding
        } else {
            Attribute::Expected
        };
        assert_eq!(g.attribute, attribute, "{at}");
        assert_eq!(g.row, rows[i], "{at}: file row");
    }
}

pub fn labels(cell: &Cell) -> String {
    cell.notes.iter().map(|n| n.label.as_str()).collect()
}

/// The national outline's table with every footnote applied as its notes say.
fn check_national(file: &str) {
    let t = read(file);
    // title on row 1, header on row 2, indicator 1 on row 3
    let rows: Vec<usize> = (3..23).collect();
    check_rows(file, &t.indicators, &NATIONAL, &rows, 2025);
    let row = |seq: &str| &t.indicators[seq.parse::<usize>().unwrap_or(0) - 1];
    // ① 〔〕内为5年累计数: the bracketed cells, totals over 2021–2025
    assert_eq!(
        t.notes[0].effect,
        NoteEffect::PeriodTotal { years: 5 },
        "{file}"
    );
    assert_eq!(t.notes[0].scope, NoteScope::Brackets, "{file}");
    for seq in ["13", "14", "15"] {
        assert_eq!(
            row(seq).rate.period_years,
            Some([2021, 2025]),
            "{file} {seq}"
        );
        assert_eq!(labels(&row(seq).rate), "①", "{file} {seq}");
    }
    // ② 带*的为2019年数据: 60.6*, 77.3*, 23.2* are 2019 values
    for seq in ["3", "13", "18"] {
        let base = &row(seq).base;
        assert_eq!(
            (base.year, base.marks.as_slice()),
            (Some(2019), &["*".to_string()][..]),
            "{file} {seq}"
        );
        assert_eq!(labels(base), "②", "{file} {seq}");
    }
    // ③ names 能源综合生产能力: a note on the row
    assert_eq!(row("20").notes.len(), 1, "{file}");
    assert_eq!(row("20").notes[0].label, "③", "{file}");
    // ④ names the 2020 values of rows 16 and 17
    assert_eq!(
        (labels(&row("16").base), labels(&row("17").base)),
        ("④".into(), "④".into()),
        "{file}"
    );
    // ⑤ 2020年全员劳动生产率增长2.5%为预计数: row 2's base is preliminary, no other
    assert!(
        row("2").base.preliminary && labels(&row("2").base) == "⑤",
        "{file}"
    );
    let preliminary: Vec<&str> = t
        .indicators
        .iter()
        .filter(|i| i.base.preliminary)
        .map(|i| i.seq.as_str())
        .collect();
    assert_eq!(preliminary, ["2"], "{file}");
    // the relational targets name the table's GDP row
    for seq in ["2", "7"] {
        let Form::Relational(rel) = &row(seq).rate.form else {
            panic!("{file} {seq}")
        };
        assert_eq!(
            rel.indicator.as_deref(),
            Some("国内生产总值（GDP）增长"),
            "{file} {seq}"
        );
    }
    // ＞7、力争…: the bound and its words
    assert_eq!(
        row("4").rate.remark.as_deref(),
        Some("力争投入强度高于“十三五”时期实际"),
        "{file}"
    );
    // the name's parts: unit, numbering, qualifiers
    let p = &row("1").name_parts;
    assert_eq!(
        (
            p.number.as_deref(),
            p.unit.as_deref(),
            p.qualifiers.as_slice()
        ),
        (Some("1"), Some("%"), &["GDP".to_string()][..]),
        "{file}"
    );
    assert_eq!(row("10").name_parts.qualifiers, ["助理"], "{file}");
    // a growth in percent is no level to grow from: 2.3 is 2020's growth
    assert!(
        row("1").is_growth_rate() && row("1").base_level().is_none(),
        "{file}"
    );
    assert_eq!(row("3").base_level().map(|n| n.value), Some(60.6), "{file}");
    // targets read from the 年均/累计 column say so
    let from_rate: Vec<&str> = t
        .indicators
        .iter()
        .filter(|i| i.target_from_rate)
        .map(|i| i.seq.as_str())
        .collect();
    assert_eq!(from_rate, ["8", "13", "14", "15"], "{file}");
    assert!(
        t.unread.is_empty() && t.warnings.is_empty(),
        "{file}: {:?} {:?}",
        t.unread,
        t.warnings
    );
}

#[test]
fn the_national_outline_reads_with_zero_edits() {
    check_national("national-14th.csv");
}

#[test]
fn the_national_outline_saved_by_excel_as_gbk_and_as_a_workbook() {
    check_national("national-14th-gbk.csv");
    check_national("national-14th.xlsx");
    let json = |t: Table| -> Vec<serde_json::Value> {
        t.indicators
            .iter()
            .map(|i| {
                let mut v = serde_json::to_value(i).unwrap_or_default();
                v.as_object_mut().map(|o| o.remove("file"));
                v
            })
            .collect()
    };
    let reference = json(read("national-14th.csv"));
    for file in ["national-14th-gbk.csv", "national-14th.xlsx"] {
        let got = json(read(file));
        for (a, b) in got.iter().zip(&reference) {
            // the raw cells differ only where Excel typed a number (2.3 stays 2.3)
            assert_eq!(a["name"], b["name"], "{file}");
            assert_eq!(a["base"]["kind"], b["base"]["kind"], "{file} {}", a["name"]);
            assert_eq!(a["target"], b["target"], "{file} {}", a["name"]);
            assert_eq!(a["rate"], b["rate"], "{file} {}", a["name"]);
        }
    }
}

#[test]
fn fixtures_are_in_the_encodings_they_claim() {
    let bytes = |f: &str| std::fs::read(Path::new(DIR).join(f)).unwrap_or_default();
    for f in [
        "national-14th-gbk.csv",
        "thirteenth-style-gbk.csv",
        "provincial-gbk.csv",
    ] {
        let b = bytes(f);
        assert!(
            std::str::from_utf8(&b).is_err() && b.windows(2).any(|w| w == b"\r\n"),
            "{f}"
        );
    }
    assert!(std::str::from_utf8(&bytes("national-14th.csv")).is_ok());
    assert!(bytes("municipal.csv").starts_with(b"\xEF\xBB\xBF"));
    for f in ["national-14th.xlsx", "fifteenth-style.xlsx"] {
        assert!(bytes(f).starts_with(b"PK\x03\x04"), "{f}");
    }
}

mod published {
    mod cli;
    mod layouts;
    mod national;
}
