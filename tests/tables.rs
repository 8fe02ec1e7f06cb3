//! The 科尔沁区 main-indicator table (seed 000_267c147ec9b87db2.txt, lines 47-67) saved every way
//! a plan office or a reader of the plan would save it loads to the same indicators, and those
//! are the ones the document prints. Fixtures: `tests/fixtures/tables/` (made by
//! `cargo run --example table_fixtures`).

use plansim_core::table::{Form, Indicator, LoadOptions, Magnitude, load};
use plansim_core::{Attribute, approx_eq};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tables");

fn read(file: &str) -> Vec<Indicator> {
    let opts = LoadOptions {
        region: Some("科尔沁区".into()),
        ..LoadOptions::default()
    };
    match load(&Path::new(DIR).join(file), &opts) {
        Ok(t) => t.indicators,
        Err(e) => panic!("{file}: {e}"),
    }
}

/// What a cell should mean, written from the document.
#[derive(Clone, Copy, Debug)]
enum Want {
    /// A plain number with its printed decimals.
    N(f64, u8),
    /// A number printed with `亿`.
    Yi(f64, u8),
    /// `>98` (strict) or `≥95`; whole numbers.
    AtLeast(f64, bool),
    /// `4以内`; a whole number.
    AtMost(f64),
    /// `13.5(十三五时期)`: a total over the named period, with its printed decimals.
    Total(f64, u8, &'static str),
    /// `-`, `—` or empty.
    Nil,
    /// `市级指标`.
    Delegated,
}
use Want::*;

struct Row {
    seq: &'static str,
    category: &'static str,
    name: &'static str,
    unit: &'static str,
    base: Want,
    target: Want,
    rate: Want,
    binding: bool,
}

const fn r(
    seq: &'static str,
    category: &'static str,
    name: &'static str,
    unit: &'static str,
    (base, target, rate): (Want, Want, Want),
    binding: bool,
) -> Row {
    Row {
        seq,
        category,
        name,
        unit,
        base,
        target,
        rate,
        binding,
    }
}

/// The table as the document prints it (lines 48-67); blank categories written out as the merged
/// cells show them. `binding` = 约束性, else 预期性.
#[rustfmt::skip]
const EXPECTED: [Row; 20] = [
    r("1", "经济发展", "地区生产总值增长率", "%", (Yi(305.8, 1), Yi(430.0, 0), N(7.0, 0)), false),
    r("2", "经济发展", "常住人口城镇化率", "%", (N(63.0, 0), N(70.0, 0), N(2.0, 0)), false),
    r("3", "创新驱动", "研究与试验发展(R&D)经费占地区生产总值比重", "%", (Nil, Nil, Nil), false),
    r("4", "创新驱动", "每万人拥有高价值发明数(每万人发明专利拥有量)", "件/万人", (N(1.8, 1), N(3.0, 0), N(10.0, 0)), false),
    r("5", "民生福祉", "城镇登记失业率", "%", (N(3.82, 2), AtMost(4.0), Nil), false),
    r("6", "民生福祉", "人均预期寿命", "岁", (N(76.0, 0), N(77.0, 0), N(0.3, 1)), false),
    r("7", "民生福祉", "居民健康素养水平", "%", (N(20.5, 1), N(22.5, 1), N(1.9, 1)), false),
    r("8", "民生福祉", "食品抽检合格率", "%", (N(98.0, 0), AtLeast(98.0, true), Nil), false),
    r("9", "民生福祉", "每千人口拥有执业医师数", "人", (N(2.56, 2), N(3.11, 2), N(4.0, 0)), true),
    r("10", "民生福祉", "医疗机构每千人床位数", "%", (N(6.3, 1), N(8.0, 0), N(4.9, 1)), true),
    r("11", "民生福祉", "孕产妇系统管理率", "%", (N(94.1, 1), AtLeast(95.0, false), N(0.2, 1)), false),
    r("12", "民生福祉", "普惠性幼儿园覆盖率", "%", (N(82.0, 0), N(85.0, 0), N(0.7, 1)), true),
    r("13", "民生福祉", "经常参加体育锻炼人数比例", "%", (N(35.0, 0), N(42.0, 0), N(3.7, 1)), false),
    r("14", "民生福祉", "劳动年龄人口平均受教育年限", "年", (N(9.7, 1), N(10.8, 1), N(2.1, 1)), true),
    r("15", "民生福祉", "基本养老保险参保率", "%", (N(95.2, 1), N(98.0, 0), N(0.6, 1)), false),
    r("16", "民生福祉", "农村牧区卫生厕所普及率", "%", (N(62.59, 2), N(85.0, 0), N(6.3, 1)), false),
    r("17", "绿色发展", "单位地区生产总值能耗累计降低", "%", (Total(13.5, 1, "十三五时期"), Total(12.0, 0, "十四五时期"), Nil), true),
    r("18", "绿色发展", "城市空气质量优良天数", "天", (N(333.0, 0), Delegated, Nil), true),
    r("19", "绿色发展", "森林覆盖率", "%", (N(13.39, 2), N(18.0, 0), N(6.0, 0)), true),
    r("20", "安全保障", "粮食安全生产能力", "亿斤", (N(31.2, 1), N(32.0, 0), N(0.4, 1)), true),
];

fn check_cell(what: &str, cell: &plansim_core::Cell, want: Want) {
    let num = |v: &plansim_core::Num, x: f64, d: u8| approx_eq(v.value, x, 1e-9) && v.decimals == d;
    let ok = match (want, &cell.form) {
        (N(x, d), Form::Number { value }) => {
            num(value, x, d) && cell.magnitude.is_none() && cell.period.is_none()
        }
        (Yi(x, d), Form::Number { value }) => {
            num(value, x, d) && cell.magnitude == Some(Magnitude::Yi)
        }
        (AtLeast(x, s), Form::AtLeast { value, strict }) => num(value, x, 0) && *strict == s,
        (AtMost(x), Form::AtMost { value, strict }) => num(value, x, 0) && !strict,
        (Total(x, d, p), Form::Number { value }) => {
            num(value, x, d) && cell.period.as_deref() == Some(p)
        }
        (Nil, Form::None) => true,
        (Delegated, Form::Delegated { text }) => text == "市级指标",
        _ => false,
    };
    assert!(
        ok,
        "{what}: `{}` read as {:?}, expected {want:?}",
        cell.raw, cell
    );
}

/// Every row means what the document says; `first_row` is the file row of indicator 1.
fn check_against_document(file: &str, rows: &[Indicator], first_row: usize) {
    assert_eq!(rows.len(), 20, "{file}: the table has 20 indicators");
    for (i, (got, want)) in rows.iter().zip(&EXPECTED).enumerate() {
        let at = format!("{file} indicator {}", want.seq);
        assert_eq!(got.seq, want.seq, "{at}");
        assert_eq!(got.category, want.category, "{at}");
        assert_eq!(got.name, want.name, "{at}");
        assert_eq!(got.unit.raw, want.unit, "{at}");
        assert_eq!((got.base_year, got.target_year), (2020, 2025), "{at}");
        check_cell(&format!("{at} base"), &got.base, want.base);
        check_cell(&format!("{at} target"), &got.target, want.target);
        check_cell(&format!("{at} rate"), &got.rate, want.rate);
        let attribute = if want.binding {
            Attribute::Binding
        } else {
            Attribute::Expected
        };
        assert_eq!(got.attribute, attribute, "{at}");
        assert_eq!(got.region, "科尔沁区", "{at}");
        assert!(!got.rate_cumulative, "{at}: 年均增长 is an annual rate");
        assert_eq!(got.row, first_row + i, "{at}: file row");
    }
}

/// Everything of an indicator but the file it came from.
fn comparable(ind: &Indicator) -> serde_json::Value {
    let mut v = serde_json::to_value(ind).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.remove("file");
    }
    v
}

#[test]
fn every_encoding_and_xlsx_load_to_identical_rows() {
    // title on row 1, header on row 2: indicator 1 is on row 3 of every file
    let reference = read("horqin-utf8.csv");
    check_against_document("horqin-utf8.csv", &reference, 3);
    for file in [
        "horqin-utf8-bom.csv",
        "horqin-gbk.csv",
        "horqin-utf16.txt",
        "horqin.xlsx",
    ] {
        let rows = read(file);
        check_against_document(file, &rows, 3);
        assert_eq!(rows.len(), reference.len(), "{file}");
        for (a, b) in rows.iter().zip(&reference) {
            assert_eq!(comparable(a), comparable(b), "{file} row {}", a.row);
        }
    }
}

#[test]
fn fixtures_are_in_the_encodings_they_claim() {
    let bytes = |f: &str| std::fs::read(Path::new(DIR).join(f)).unwrap_or_default();
    let utf8 = bytes("horqin-utf8.csv");
    assert!(std::str::from_utf8(&utf8).is_ok() && !utf8.starts_with(b"\xEF\xBB\xBF"));
    assert!(bytes("horqin-utf8-bom.csv").starts_with(b"\xEF\xBB\xBF"));
    let gbk = bytes("horqin-gbk.csv");
    assert!(std::str::from_utf8(&gbk).is_err(), "GBK is not valid UTF-8");
    assert!(
        gbk.windows(2).any(|w| w == b"\r\n"),
        "Excel ends rows in CRLF"
    );
    assert!(bytes("horqin-utf16.txt").starts_with(b"\xFF\xFE"));
    assert!(bytes("horqin.xlsx").starts_with(b"PK\x03\x04"));
    assert!(std::str::from_utf8(&bytes("horqin-pasted.csv")).is_err());
}

/// Pasted from the plan into Excel and saved as CSV: GBK, CRLF, `2020年\n预计` headers,
/// full-width `＞98`, `４以内`, `１３．３９`, `（十三五时期）`, empty rows and columns.
#[test]
fn a_table_pasted_into_excel_reads_without_editing() {
    let rows = read("horqin-pasted.csv");
    // title (1), empty row (2), header with three line breaks over lines 3-6: indicator 1 on 7
    check_against_document("horqin-pasted.csv", &rows, 7);
    // the raw text is kept as pasted
    assert_eq!(rows[7].target.raw, "＞98");
    assert_eq!(rows[18].base.raw, "１３．３９");
}
