//! Layouts generalise: one table — rows of the national 11th plan's 专栏2 with the pollution
//! row's two sub-items its note names — laid out every way item 5 of issue 25 lists and read
//! back as UTF-8 CSV, GBK CSV and XLSX with merged ranges. Every layout reads the same rows
//! with the same meanings; the plainest is checked cell for cell against the printed table.

#[path = "layouts_transform/relayout.rs"]
mod relayout;

use plansim_core::table::{Form, Indicator, LoadOptions, RateKind, Table, load_bytes};
use plansim_core::{Attribute, Direction};
use relayout::{Category, Layout, Logical, gbk, lay_out, xlsx};
use std::path::Path;

const fn row(
    category: &'static str,
    seq: &'static str,
    name: &'static str,
    sub: Option<&'static str>,
    unit: &'static str,
    cells: [&'static str; 3],
    attribute: &'static str,
) -> Logical {
    Logical {
        category,
        seq,
        name,
        sub,
        unit,
        base: cells[0],
        target: cells[1],
        rate: cells[2],
        attribute,
    }
}

/// As printed in the outline (`../shared/data/national/national-11th-plan-table.jpg`); the
/// two sub-items are the note's 二氧化硫 and 化学需氧量, each a 10 % cut.
#[rustfmt::skip]
const ROWS: [Logical; 11] = [
    row("经济增长", "1", "国内生产总值", None, "万亿元", ["18.2", "26.1", "7.5"], "预期性"),
    row("经济增长", "2", "人均国内生产总值", None, "元", ["13985", "19270", "6.6"], "预期性"),
    row("经济结构", "3", "服务业增加值比重", None, "%", ["40.3", "43.3", "[3]"], "预期性"),
    row("经济结构", "4", "研究与试验发展经费支出占国内生产总值比重", None, "%", ["1.3", "2", "[0.7]"], "预期性"),
    row("人口资源环境", "5", "全国总人口", None, "万人", ["130756", "136000", "＜8‰"], "约束性"),
    row("人口资源环境", "6", "单位国内生产总值能源消耗降低", None, "%", ["", "", "[20]"], "约束性"),
    row("人口资源环境", "7", "耕地保有量", None, "亿公顷", ["1.22", "1.2", "-0.3"], "约束性"),
    row("人口资源环境", "8", "主要污染物排放总量减少", Some("二氧化硫"), "%", ["", "", "[10]"], "约束性"),
    row("人口资源环境", "8", "主要污染物排放总量减少", Some("化学需氧量"), "%", ["", "", "[10]"], "约束性"),
    row("公共服务人民生活", "9", "新型农村合作医疗覆盖率", None, "%", ["23.5", "＞80", "＞[56.5]"], "约束性"),
    row("公共服务人民生活", "10", "五年城镇新增就业", None, "万人", ["", "", "[4500]"], "预期性"),
];

fn read(file: &str, bytes: Vec<u8>) -> Table {
    let opts = LoadOptions {
        region: Some("全国".into()),
        ..LoadOptions::default()
    };
    load_bytes(Path::new(file), bytes, &opts).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// What a row must keep through every layout: its identity, cells and meaning.
#[derive(Debug, PartialEq)]
struct Seen {
    seq: String,
    category: String,
    name: String,
    unit: String,
    years: (i32, i32),
    cells: [(Form, bool); 3],
    rate_kind: RateKind,
    direction: Direction,
    attribute: Attribute,
    target_from_rate: bool,
}

fn seen(i: &Indicator) -> Seen {
    let c = |cell: &plansim_core::Cell| (cell.form.clone(), cell.is_period_total());
    Seen {
        seq: i.seq.clone(),
        category: i.category.clone(),
        name: i.name.clone(),
        unit: i.unit.raw.clone(),
        years: (i.base_year, i.target_year),
        cells: [c(&i.base), c(&i.target), c(&i.rate)],
        rate_kind: i.rate_kind,
        direction: i.direction(),
        attribute: i.attribute,
        target_from_rate: i.target_from_rate,
    }
}

/// Each layout in the three files an office writes.
fn all_formats(name: &str, layout: Layout) -> Vec<(String, Table)> {
    let grid = lay_out(&ROWS, layout);
    let text = relayout::csv_text(&grid);
    vec![
        (
            format!("{name}.csv"),
            read(&format!("{name}.csv"), text.into_bytes()),
        ),
        (
            format!("{name}-gbk.csv"),
            read(&format!("{name}-gbk.csv"), gbk(&grid)),
        ),
        (
            format!("{name}.xlsx"),
            read(&format!("{name}.xlsx"), xlsx(&grid)),
        ),
    ]
}

fn layouts() -> Vec<(&'static str, Layout)> {
    let plain = Layout::default();
    vec![
        ("plain", plain),
        (
            "sub-item-column",
            Layout {
                sub_column: true,
                ..plain
            },
        ),
        // no category column: the two name columns tell name from sub-item by their cells
        (
            "sub-item-column-under-banners",
            Layout {
                sub_column: true,
                category: Category::Banner,
                ..plain
            },
        ),
        (
            "category-merged-down",
            Layout {
                category: Category::MergedDown,
                ..plain
            },
        ),
        (
            "category-banners",
            Layout {
                category: Category::Banner,
                ..plain
            },
        ),
        (
            "two-row-header",
            Layout {
                two_row_header: true,
                ..plain
            },
        ),
        (
            "line-breaks",
            Layout {
                line_breaks: true,
                ..plain
            },
        ),
        (
            "title-and-notes",
            Layout {
                frame: true,
                ..plain
            },
        ),
        (
            "numbering-in-name",
            Layout {
                seq_column: false,
                ..plain
            },
        ),
        (
            "unit-in-name",
            Layout {
                unit_column: false,
                ..plain
            },
        ),
        (
            "extra-columns",
            Layout {
                extra_columns: true,
                ..plain
            },
        ),
        (
            "everything",
            Layout {
                sub_column: true,
                category: Category::MergedDown,
                two_row_header: true,
                line_breaks: true,
                frame: true,
                seq_column: false,
                unit_column: false,
                extra_columns: true,
            },
        ),
    ]
}

/// The plainest layout, against the printed table.
#[test]
fn the_plain_layout_reads_as_printed() {
    let t = read(
        "plain.csv",
        relayout::csv_text(&lay_out(&ROWS, Layout::default())).into_bytes(),
    );
    assert!(
        t.unread.is_empty() && t.warnings.is_empty(),
        "{:?} {:?}",
        t.unread,
        t.warnings
    );
    let names: Vec<&str> = t.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "国内生产总值",
            "人均国内生产总值",
            "服务业增加值比重",
            "研究与试验发展经费支出占国内生产总值比重",
            "全国总人口",
            "单位国内生产总值能源消耗降低",
            "耕地保有量",
            "主要污染物排放总量减少：二氧化硫",
            "主要污染物排放总量减少：化学需氧量",
            "新型农村合作医疗覆盖率",
            "五年城镇新增就业",
        ]
    );
    let i = &t.indicators;
    let n = |f: &Form| match f {
        Form::Number { value } | Form::AtLeast { value, .. } | Form::AtMost { value, .. } => {
            Some(value.value)
        }
        _ => None,
    };
    // 国内生产总值 18.2 → 26.1 at 7.5 % a year (18.2 × 1.075⁵ = 26.13)
    assert_eq!(
        (n(&i[0].base.form), n(&i[0].target.form), n(&i[0].rate.form)),
        (Some(18.2), Some(26.1), Some(7.5))
    );
    assert!((18.2 * 1.075f64.powi(5) - 26.1).abs() < 0.05);
    assert_eq!(
        (i[0].base_year, i[0].target_year, i[0].rate_kind),
        (2005, 2010, RateKind::Annual)
    );
    // [3] of a share: three points, 40.3 → 43.3
    assert_eq!(i[2].rate_kind, RateKind::TotalAmount);
    assert!(i[2].rate.is_period_total());
    // ＜8‰ a year keeps the population under its figure
    assert!(matches!(i[4].rate.form, Form::AtMost { strict: true, .. }));
    assert_eq!(i[4].direction(), Direction::Falling);
    // a floor below its base: 1.22 → 1.2 is still a floor
    assert_eq!(i[6].direction(), Direction::Rising);
    // the sub-items: a 10 % cut each over the five years, binding
    for sub in &i[7..9] {
        assert_eq!(
            (sub.rate_kind, sub.direction(), sub.attribute),
            (
                RateKind::TotalPercent,
                Direction::Falling,
                Attribute::Binding
            )
        );
        assert_eq!(
            sub.name_parts.parent.as_deref(),
            None,
            "joined in the name, not a parent row"
        );
    }
    // ＞80 in the target, ＞[56.5] points in the total
    assert!(matches!(
        i[9].target.form,
        Form::AtLeast { strict: true, .. }
    ));
    assert!(i[9].rate.is_period_total());
    assert_eq!(i[10].rate_kind, RateKind::TotalAmount);
}

/// Every layout, in every file format, reads the plain layout's rows and meanings, with no
/// cell unread.
#[test]
fn every_layout_reads_the_same_rows_and_meanings() {
    let plain = read(
        "plain.csv",
        relayout::csv_text(&lay_out(&ROWS, Layout::default())).into_bytes(),
    );
    let want: Vec<Seen> = plain.indicators.iter().map(seen).collect();
    assert_eq!(want.len(), ROWS.len());
    for (name, layout) in layouts() {
        for (file, t) in all_formats(name, layout) {
            assert!(t.unread.is_empty(), "{file}: {:?}", t.unread);
            // only the extra columns are columns plansim does not read
            let unread_columns = t.warnings.len();
            assert_eq!(
                unread_columns,
                usize::from(layout.extra_columns),
                "{file}: {:?}",
                t.warnings
            );
            let got: Vec<Seen> = t.indicators.iter().map(seen).collect();
            assert_eq!(
                got.len(),
                want.len(),
                "{file}: rows {:#?}",
                got.iter().map(|s| &s.name).collect::<Vec<_>>()
            );
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g, w, "{file}");
            }
        }
    }
}
