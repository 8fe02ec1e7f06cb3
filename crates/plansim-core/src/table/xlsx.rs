//! Spreadsheets (XLSX and friends) through calamine: one sheet's cells as text records.

use super::Record;
use crate::error::{Error, Result};
use crate::lang::Text;
use calamine::{Data, DataRef, Reader, Sheets, open_workbook_auto_from_rs};
use std::io::Cursor;
use std::path::Path;

pub fn records(path: &Path, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Vec<Record>> {
    // calamine inflates a part whole: a small file must not become gigabytes
    crate::input::check_zip(path, &bytes)?;
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::format(
            path,
            Text::say(
                format!("is not a readable spreadsheet: {e}"),
                format!("不是可读的电子表格：{e}"),
            ),
        )
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(Error::format(
                path,
                Text::say(
                    format!("has no sheet `{s}`; its sheets are: {}", names.join(", ")),
                    format!("没有名为 `{s}` 的工作表；其工作表有：{}", names.join("、")),
                ),
            ));
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::format(path, Text::say("has no sheets", "没有工作表")))?,
    };
    check_extent(&mut book, &name).map_err(|m| Error::format(path, m))?;
    let range = book.worksheet_range(&name).map_err(|e| {
        Error::format(
            path,
            Text::say(
                format!("sheet `{name}` cannot be read: {e}"),
                format!("工作表 `{name}` 无法读取：{e}"),
            ),
        )
    })?;
    // number formats show what the cell says: 0.95 under `0%` is 95%, 7 under `0.0` is 7.0
    let styles = book.worksheet_style(&name).unwrap_or_default();
    let (row0, col0) = range.start().unwrap_or((0, 0));
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let r = row0 + i as u32;
            let mut out: Vec<String> = vec![String::new(); col0 as usize];
            out.extend(cells.iter().enumerate().map(|(j, d)| {
                let format = styles
                    .get((r, col0 + j as u32))
                    .and_then(|s| s.number_format.as_ref())
                    .map(|f| f.format_code.as_str());
                text_of(d, format)
            }));
            Record {
                row: r as usize + 1,
                cells: out,
            }
        })
        .collect())
}

/// The most cells a sheet may span: calamine lays a sheet out densely, so one stray value far
/// from the table (typed in XFD1048576) would ask for hundreds of gigabytes.
const MAX_CELLS: u64 = 5_000_000;

/// Refuses an XLSX sheet whose filled cells span more than [`MAX_CELLS`], naming the corners.
/// (Other formats are read as calamine reads them.)
fn check_extent(book: &mut Sheets<Cursor<Vec<u8>>>, name: &str) -> Result<(), Text> {
    let Sheets::Xlsx(xlsx) = book else {
        return Ok(());
    };
    let Ok(mut cells) = xlsx.worksheet_cells_reader(name) else {
        return Ok(()); // worksheet_range reports it
    };
    let (mut lo, mut hi) = ((u32::MAX, u32::MAX), (0, 0));
    loop {
        match cells.next_cell() {
            Ok(Some(c)) if matches!(c.get_value(), DataRef::Empty) => {}
            Ok(Some(c)) => {
                let (r, col) = c.get_position();
                lo = (lo.0.min(r), lo.1.min(col));
                hi = (hi.0.max(r), hi.1.max(col));
            }
            Ok(None) | Err(_) => break,
        }
    }
    if lo.0 > hi.0 {
        return Ok(());
    }
    let (rows, cols) = (u64::from(hi.0 - lo.0) + 1, u64::from(hi.1 - lo.1) + 1);
    if rows * cols <= MAX_CELLS {
        return Ok(());
    }
    let (from, to) = (a1(lo), a1(hi));
    Err(Text::say(
        format!(
            "sheet `{name}` has filled cells from {from} to {to} ({rows} rows × {cols} columns), \
             too far apart for an indicator table; delete the stray cells far from the table"
        ),
        format!(
            "工作表 `{name}` 的有内容单元格从 {from} 到 {to}（{rows} 行 × {cols} 列），\
             跨度过大，不像指标表；请删除远离表格的零散单元格"
        ),
    ))
}

/// `(0, 0)` → `A1`, `(1048575, 16383)` → `XFD1048576`.
fn a1((row, col): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        letters.push(char::from(b'A' + ((c - 1) % 26) as u8));
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// A cell as the text a person sees in Excel: a number with its `%` and at least the decimals
/// its format shows (never fewer than it holds: 13.39 under `0.0` stays 13.39), a date as
/// `2025-03-04` (Excel turns a typed range such as `3-4` into a date; the cell grammar says so).
fn text_of(d: &Data, format: Option<&str>) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => number_text(*f, format.map(NumberLook::of).unwrap_or_default()),
        Data::Int(i) => number_text(*i as f64, format.map(NumberLook::of).unwrap_or_default()),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => format!("{dt}"),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// What a number format does to the look of a number.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct NumberLook {
    percent: bool,
    decimals: usize,
}

impl NumberLook {
    /// Reads the positive section of a format code (`0.00%`, `#,##0.0_);(#,##0.0)`,
    /// `"约"0.0`), skipping quoted text, `[...]` colours and conditions, and `\x` escapes.
    fn of(code: &str) -> NumberLook {
        let mut look = NumberLook::default();
        let (mut quoted, mut bracket, mut escaped, mut after_point) = (false, false, false, false);
        for c in code.chars() {
            match c {
                _ if escaped => escaped = false,
                '"' => quoted = !quoted,
                _ if quoted => {}
                '\\' => escaped = true,
                '[' => bracket = true,
                ']' => bracket = false,
                _ if bracket => {}
                ';' => break,
                '%' => look.percent = true,
                '.' => after_point = true,
                '0' | '#' | '?' if after_point => look.decimals += 1,
                _ => {}
            }
        }
        look
    }
}

fn number_text(value: f64, look: NumberLook) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let shown = if look.percent {
        // 0.95 × 100 is 94.99999999999999 in binary: round off the last bits of noise
        (value * 100.0 * 1e9).round() / 1e9
    } else {
        value
    };
    let held = format!("{shown}");
    let held_decimals = held.split_once('.').map_or(0, |(_, d)| d.len());
    let text = if held.contains('e') || held_decimals >= look.decimals {
        held
    } else {
        format!("{shown:.*}", look.decimals)
    };
    if look.percent {
        format!("{text}%")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        let look = |code| NumberLook::of(code);
        assert_eq!(look("General"), NumberLook::default());
        assert_eq!(
            look("0%"),
            NumberLook {
                percent: true,
                decimals: 0
            }
        );
        assert_eq!(
            look("0.00%"),
            NumberLook {
                percent: true,
                decimals: 2
            }
        );
        assert_eq!(
            look("#,##0.0_);[Red](#,##0.0)"),
            NumberLook {
                percent: false,
                decimals: 1
            }
        );
        assert_eq!(
            look("\"约\"0.0\"%\""),
            NumberLook {
                percent: false,
                decimals: 1
            }
        );
        assert_eq!(
            look("[$-804]0.00"),
            NumberLook {
                percent: false,
                decimals: 2
            }
        );
    }

    #[test]
    fn numbers_as_excel_shows_them() {
        let t = |v, code| number_text(v, NumberLook::of(code));
        assert_eq!(t(63.0, "General"), "63");
        assert_eq!(t(13.39, "General"), "13.39");
        assert_eq!(t(0.95, "0%"), "95%");
        assert_eq!(t(0.955, "0.0%"), "95.5%");
        assert_eq!(t(0.07, "0%"), "7%");
        // the published precision: 7.0 stays 7.0, and no digit the cell holds is dropped
        assert_eq!(t(7.0, "0.0"), "7.0");
        assert_eq!(t(2.1, "0.00"), "2.10");
        assert_eq!(t(13.39, "0.0"), "13.39");
        assert_eq!(t(1e20, "0.0"), "100000000000000000000.0");
    }

    /// A sheet written as a plan office types it: percent cells, fixed decimals, a range Excel
    /// took for a date.
    fn typed_sheet() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "指标")?;
        sheet.write_number_with_format(0, 1, 0.95, &Format::new().set_num_format("0%"))?;
        sheet.write_number_with_format(0, 2, 7.0, &Format::new().set_num_format("0.0"))?;
        sheet.write_number(0, 3, 2.56)?;
        let d = ExcelDateTime::from_ymd(2025, 3, 4)?;
        sheet.write_datetime_with_format(0, 4, &d, &Format::new().set_num_format("m月d日"))?;
        book.save_to_buffer()
    }

    /// A value typed far from the table made calamine ask for 550 GB and the process abort.
    #[test]
    fn stray_cells_far_from_the_table_are_named() -> Result<(), rust_xlsxwriter::XlsxError> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "指标")?;
        sheet.write_string(1_048_575, 16_383, "far")?;
        let err = records(Path::new("far.xlsx"), book.save_to_buffer()?, None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("far.xlsx: sheet `Sheet1` has filled cells from A1 to XFD1048576")
                && err.contains("1048576 rows × 16384 columns"),
            "{err}"
        );
        assert_eq!(
            [(0, 25), (0, 26), (9, 701), (0, 702)].map(a1),
            ["Z1", "AA1", "ZZ10", "AAA1"]
        );
        Ok(())
    }

    /// A sheet as a plan office types it: a percent cell, fixed decimals, a range Excel took
    /// for a date.
    #[test]
    fn cells_of_a_sheet_read_as_shown() {
        let recs = records(Path::new("t.xlsx"), typed_sheet().unwrap(), None).unwrap();
        assert_eq!(recs[0].cells, ["指标", "95%", "7.0", "2.56", "2025-03-04"]);
    }
}
