//! The frame around a table's indicator rows, as tables pasted from plan documents have it:
//! title lines above the header, a header over one or two rows (`2020年` above `预计`), category
//! banner rows (`一、经济发展` across the table), notes below (`注：1.…`, `2.…`), and the header
//! repeated where the table crossed a page.

use super::Record;
use super::header::{Field, Layout, outcome_words, year_in};
use super::indicator::Attribute;
use super::normalize::{fold, is_blank_mark, is_han};

/// How many leading rows may be titles before the header.
pub(super) const HEADER_SEARCH: usize = 30;

/// The header of a table: its cells (two header rows merged into one) and what they mean.
#[derive(Clone, Debug)]
pub(crate) struct Header {
    /// Record index of the (first) header row.
    pub at: usize,
    /// Record index of the first row after the header.
    pub first_data: usize,
    pub cells: Vec<String>,
    pub layout: Layout,
    /// The header rows as written, folded, to skip them where a table repeats them.
    rows: Vec<Vec<String>>,
    /// A note has been seen: single-cell rows below it continue the note.
    in_notes: bool,
}

/// What a row below the header is.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    Data,
    /// Blank, a repeated header.
    Skip,
    /// A row naming the category of the rows below it.
    Banner(String),
    /// A line of the notes under the table (`注：①…`), its cells joined.
    Note(String),
}

fn folded(cells: &[String]) -> Vec<String> {
    cells.iter().map(|c| fold(c)).collect()
}

/// The non-empty cells of a row, folded, with their columns.
fn filled(cells: &[String]) -> Vec<(usize, String)> {
    folded(cells)
        .into_iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .collect()
}

impl Header {
    /// The first row (within the first 30) naming an indicator column, with the row under it
    /// when that row only carries header words (`预计`, `目标`, `(%)`).
    pub fn find(records: &[Record]) -> Option<Header> {
        let (at, layout) = records
            .iter()
            .take(HEADER_SEARCH)
            .enumerate()
            .find_map(|(i, r)| Layout::read(&r.cells).map(|l| (i, l)))?;
        let top = &records[at].cells;
        let mut header = Header {
            at,
            first_data: at + 1,
            cells: top.clone(),
            layout,
            rows: vec![folded(top)],
            in_notes: false,
        };
        if let Some(sub) = records.get(at + 1).map(|r| &r.cells)
            && is_sub_header(sub, &header.layout)
        {
            let cells = merge(top, sub);
            if let Some(layout) = Layout::read(&cells) {
                header.cells = cells;
                header.layout = layout;
                header.first_data = at + 2;
                header.rows.push(folded(sub));
            }
        }
        Some(header)
    }

    /// Classifies a row below the header.
    pub fn line(&mut self, rec: &Record) -> Line {
        let cells = filled(&rec.cells);
        if cells.is_empty() {
            return Line::Skip;
        }
        let row = folded(&rec.cells);
        let same = |h: &Vec<String>| {
            let width = h.len().max(row.len());
            (0..width).all(|i| h.get(i).map_or("", |s| s) == row.get(i).map_or("", |s| s))
        };
        if self.rows.iter().any(same) {
            return Line::Skip;
        }
        // a note is a row of one cell, or a row opening with `注:` (a note split at commas)
        let opens_note = cells[0].1.starts_with("注:") || cells[0].1.starts_with("说明:");
        if (cells.len() == 1 && (self.in_notes || is_note(&cells[0].1))) || opens_note {
            self.in_notes = true;
            let text: Vec<&str> = rec.cells.iter().map(|c| c.trim()).collect();
            return Line::Note(text.concat());
        }
        let [(col, text)] = &cells[..] else {
            return Line::Data;
        };
        let field = self.layout.fields.get(*col).copied().flatten();
        let stripped = strip_enumeration(text);
        let enumerated = stripped.len() < text.len();
        let banner_column = match field {
            None | Some(Field::Seq | Field::Category) => true,
            // a name alone is an indicator without values (or the parent of sub-items, when
            // numbered `10.`), unless marked like a section: `一、`, `（二）`, `➢`
            Some(Field::Name) => enumerated && section_mark(text),
            _ => false,
        };
        if banner_column && stripped.chars().any(is_han) {
            Line::Banner(stripped.to_string())
        } else {
            Line::Data
        }
    }
}

/// A row that is one cell holding a row's worth of `|`, `;` or tabs (`A|gdp|亿元|2020|100`)
/// under a header split by something else: what is wrong with it. Notes are left alone.
pub(crate) fn foreign_delimiter(rec: &Record, width: usize) -> Option<crate::lang::Text> {
    let [cell] = &rec.cells[..] else {
        return None;
    };
    if width < 3 || is_note(cell.trim_start()) {
        return None;
    }
    let d = ['|', ';', '\t']
        .into_iter()
        .find(|&d| cell.matches(d).count() >= (width - 1).div_ceil(2).max(2))?;
    let d = d.escape_default();
    Some(crate::lang::Text::say(
        format!(
            "the whole row is one cell split by `{d}`, while the header row is split by another \
             delimiter; save the table with one delimiter throughout"
        ),
        format!(
            "整行是一个以 `{d}` 分隔的单元格，而表头行用的是另一种分隔符；请整张表用同一种分隔符保存"
        ),
    ))
}

/// For a table without a header: a word on rows split by `|`, which no delimiter sniffing
/// picks (they read as one cell each).
pub(crate) fn pipe_hint(records: &[Record]) -> crate::lang::Text {
    let piped = records
        .iter()
        .take(HEADER_SEARCH)
        .any(|r| r.cells.len() == 1 && r.cells[0].matches('|').count() >= 2);
    if piped {
        crate::lang::Text::say(
            "; its rows are split by `|`, and plansim reads tables split by commas, tabs or \
             semicolons",
            "；其各行以 `|` 分隔，plansim 读取以逗号、制表符或分号分隔的表格",
        )
    } else {
        crate::lang::Text::default()
    }
}

/// `注：…` and the like: footnotes under a pasted table.
/// `注` opens a note when a colon, a number or nothing follows it: not `注册护士数`, a name.
fn is_note(text: &str) -> bool {
    let after_zhu = text.strip_prefix('注').map(|rest| {
        rest.is_empty()
            || rest.starts_with([':', '释', '*'])
            || rest.starts_with(|c: char| c.is_ascii_digit() || super::marks::is_circled(c))
    });
    after_zhu.unwrap_or(false)
        || ["说明", "备注", "资料来源", "数据来源", "*"]
            .iter()
            .any(|w| text.starts_with(w))
}

/// A row under the header that continues it: nothing under the columns only data rows fill
/// (seq, name, unit, attribute), and only header words: no plain numbers, dashes or attributes.
fn is_sub_header(cells: &[String], layout: &Layout) -> bool {
    let cells = filled(cells);
    !cells.is_empty()
        && cells.iter().all(|(col, text)| {
            let data_column = matches!(
                layout.fields.get(*col).copied().flatten(),
                Some(
                    Field::Seq
                        | Field::Category
                        | Field::Name
                        | Field::NameEn
                        | Field::Unit
                        | Field::Attribute
                        | Field::Region
                        | Field::Plan
                        | Field::Source
                )
            );
            let header_words = if text.chars().any(|c| c.is_ascii_digit()) {
                text.contains('年') && year_in(text).is_some()
            } else {
                !is_blank_mark(text) && Attribute::parse(text).is_none()
            };
            !data_column && header_words
        })
}

/// Two header rows into one: `2020年` over `预计` is `2020年预计`; a group title over a year
/// (`规划目标` over `2025年`, merged across the years) gives way to the year, except in an
/// achievement table, where `规划目标` and `实现情况` each span a year and a rate and say which
/// is which (`实现情况2010年`, `实现情况年均增长`).
fn merge(top: &[String], sub: &[String]) -> Vec<String> {
    let width = top.len().max(sub.len());
    let achievement = top.iter().any(|t| outcome_words(&fold(t)));
    let mut group = String::new();
    (0..width)
        .map(|i| {
            let mut t = top.get(i).map_or("", |s| s.trim()).to_string();
            let b = sub.get(i).map_or("", |s| s.trim());
            if !fold(&t).is_empty() {
                group = t.clone();
            } else if achievement && !b.is_empty() {
                // a merged group cell is written in its first column only
                t = group.clone();
            }
            let (ft, fb) = (fold(&t), fold(b));
            let grouped = achievement && year_in(&ft).is_none() && !ft.is_empty();
            if fb.is_empty() {
                t
            } else if ft.is_empty()
                || (!grouped && year_in(&ft).is_none() && year_in(&fb).is_some())
            {
                b.to_string()
            } else {
                format!("{t}{b}")
            }
        })
        .collect()
}

/// Bullets that mark a section row: `➢ 经济发展`.
const BULLETS: &str = "➢➤►▶▸■□◆◇●○•▪★☆※◎→";

/// A section's enumeration or bullet: `一、`, `（二）`, `➢` (not `1.`, which numbers indicators).
fn section_mark(text: &str) -> bool {
    let body = text.trim_start_matches(['(', '（']);
    body.starts_with(|c| BULLETS.contains(c) || "一二三四五六七八九十".contains(c))
}

/// `一、经济发展` → `经济发展`; also `(一)`, `1.`, `1、`, `➢ 经济发展`; other text as is.
fn strip_enumeration(text: &str) -> &str {
    const NUMERALS: &str = "一二三四五六七八九十0123456789";
    let bulleted = text.trim_start_matches(|c| BULLETS.contains(c) || c == ' ');
    if bulleted.len() < text.len() && !bulleted.is_empty() {
        return bulleted;
    }
    let body = text.trim_start_matches(['(', '（']);
    let after_numerals = body.trim_start_matches(|c| NUMERALS.contains(c));
    if after_numerals.len() == body.len() {
        return text;
    }
    let closed = if body.len() < text.len() {
        after_numerals.strip_prefix([')', '）'])
    } else {
        after_numerals.strip_prefix(['、', '.', ':', '：'])
    };
    match closed {
        Some(rest) if !rest.is_empty() => rest.trim_start_matches(['、', '.']),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(row: usize, cells: &[&str]) -> Record {
        Record {
            row,
            cells: cells.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_header_over_two_rows() {
        let records = [
            rec(1, &["科尔沁区主要指标", "", "", "", "", "", ""]),
            rec(
                2,
                &[
                    "序号",
                    "指标",
                    "单位",
                    "2020年",
                    "2025年",
                    "年均增长",
                    "属性",
                ],
            ),
            rec(3, &["", "", "", "预计", "目标", "（%）", ""]),
            rec(4, &["1", "森林覆盖率", "%", "13.39", "18", "6", "约束性"]),
        ];
        let h = Header::find(&records).unwrap();
        assert_eq!((h.at, h.first_data), (1, 3));
        assert_eq!(h.cells[3..6], ["2020年预计", "2025年目标", "年均增长（%）"]);
        assert_eq!(h.layout.column(Field::Base(Some(2020))), Some(3));
        assert_eq!(h.layout.column(Field::Target(Some(2025))), Some(4));
    }

    #[test]
    fn a_group_title_over_the_years() {
        let top = ["指标", "单位", "规划目标", "", "属性"].map(String::from);
        let sub = ["", "", "2020年", "2025年", ""].map(String::from);
        assert_eq!(
            merge(&top, &sub),
            ["指标", "单位", "2020年", "2025年", "属性"]
        );
    }

    /// `规划目标` and `实现情况` each over a year and a rate: the groups say which is which.
    #[test]
    fn achievement_groups_over_two_rows() {
        let records = [
            rec(1, &["“十一五”规划主要指标实现情况", "", "", "", "", ""]),
            rec(2, &["指标", "2005年", "规划目标", "", "实现情况", ""]),
            rec(
                3,
                &["", "", "2010年", "年均增长（%）", "2010年", "年均增长（%）"],
            ),
            rec(
                4,
                &[
                    "国内生产总值（万亿元）",
                    "18.2",
                    "26.1",
                    "7.5",
                    "39.8",
                    "11.2",
                ],
            ),
        ];
        let h = Header::find(&records).unwrap();
        assert_eq!((h.at, h.first_data), (1, 3));
        let f = &h.layout.fields;
        assert_eq!(f[1], Some(Field::Base(Some(2005))));
        assert_eq!(f[2], Some(Field::Target(Some(2010))));
        assert!(matches!(f[3], Some(Field::Rate { .. })));
        assert_eq!(f[4], Some(Field::Outcome(Some(2010))));
        assert_eq!(f[5], Some(Field::OutcomeRate));
    }

    /// A first data row that lost its name is reported, not taken for a header row.
    #[test]
    fn data_rows_are_not_sub_headers() {
        let layout = Layout::read(
            &[
                "序号",
                "指标",
                "单位",
                "2020年预计",
                "2025年目标",
                "年均增长(%)",
                "属性",
            ]
            .map(String::from),
        )
        .unwrap();
        for row in [
            ["", "", "", "63", "70", "2", ""],
            ["", "", "", "-", "—", "", ""],
            ["", "", "", "", "市级指标", "", "预期性"],
            ["3", "", "", "", "", "", ""],
            ["", "", "%", "", "", "", ""],
        ] {
            assert!(!is_sub_header(&row.map(String::from), &layout), "{row:?}");
        }
    }

    #[test]
    fn banners_notes_and_repeated_headers() {
        let records = [
            rec(
                1,
                &["序号", "指标", "单位", "2020年预计", "2025年目标", "属性"],
            ),
            rec(2, &["一、经济发展", "", "", "", "", ""]),
            rec(3, &["1", "地区生产总值", "亿元", "305.8", "430", "预期性"]),
            rec(4, &["", "（二）民生福祉", "", "", "", ""]),
            rec(
                5,
                &["序号", "指标", "单位", "2020年预计", "2025年目标", "属性"],
            ),
            rec(6, &["", "人均预期寿命", "", "", "", ""]),
            rec(7, &["注：1.地区生产总值按当年价格计算", "", "", "", "", ""]),
            rec(8, &["2.能耗降低为五年累计数", "", "", "", "", ""]),
            rec(9, &["", "", "", "", "", ""]),
        ];
        let mut h = Header::find(&records).unwrap();
        let lines: Vec<Line> = records[h.first_data..].iter().map(|r| h.line(r)).collect();
        use Line::*;
        assert_eq!(
            lines,
            [
                Banner("经济发展".into()),
                Data,
                Banner("民生福祉".into()),
                Skip,
                Data,
                Note("注：1.地区生产总值按当年价格计算".into()),
                Note("2.能耗降低为五年累计数".into()),
                Skip
            ]
        );
    }

    #[test]
    fn notes_and_names_that_begin_alike() {
        for note in [
            "注:1.按当年价格",
            "注①[]内为5年累计数",
            "注",
            "注释:",
            "*为2019年数据",
        ] {
            assert!(is_note(note), "{note}");
        }
        assert!(!is_note("注册护士数(人)"));
    }

    #[test]
    fn rows_split_by_another_delimiter() {
        let bad = |cells: &[&str]| foreign_delimiter(&rec(3, cells), 9);
        assert!(
            bad(&["测试区|森林覆盖率|%|2020|13.39|2025|18||约束性"])
                .is_some_and(|m| m.en.contains("`|`") && m.zh.contains("`|`"))
        );
        assert!(
            bad(&["测试区;森林覆盖率;%;2020;13.39;2025;18;;约束性"])
                .is_some_and(|m| m.en.contains("`;`"))
        );
        // a note with semicolons, a banner, a row of cells, a narrow table: left alone
        assert_eq!(
            bad(&["注：1.按当年价格;2.五年累计;3.预计数;4.不含农垦"]),
            None
        );
        assert_eq!(bad(&["一、经济发展"]), None);
        assert_eq!(bad(&["测试区|森林覆盖率", "%", "2020"]), None);
        assert_eq!(foreign_delimiter(&rec(3, &["a|b|c"]), 2), None);
    }

    #[test]
    fn enumerations() {
        for (text, want) in [
            ("一、经济发展", "经济发展"),
            ("(一)经济发展", "经济发展"),
            ("（二）民生福祉", "民生福祉"),
            ("1.创新驱动", "创新驱动"),
            ("3、绿色发展", "绿色发展"),
            ("十二、安全保障", "安全保障"),
            ("经济发展", "经济发展"),
            ("一二三", "一二三"),
            ("5G基站", "5G基站"),
            ("➢ 经济发展", "经济发展"),
            ("■民生福祉", "民生福祉"),
        ] {
            assert_eq!(strip_enumeration(text), want, "{text}");
        }
    }
}
