//! A worksheet written row by row for the workbook: typed cells (numbers stay numbers), a
//! bold header, grades filled in the pages' colours, and a continuation sheet when Excel's row
//! limit is reached.

use crate::error::{Error, Result};
use plansim_core::assess::Status;
use plansim_core::format::derived;
use rust_xlsxwriter::{Color, Format, Workbook, XlsxError};
use std::cell::RefCell;
use std::collections::HashMap;

/// Rows a sheet holds (Excel's limit), the header included.
const MAX_ROWS: u32 = 1_048_576;

/// One cell of a row.
pub(super) enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    /// A whole number: a year, a row.
    Whole(f64),
    /// A fraction shown as a percentage.
    Share(f64),
    Grade(Status, &'a str),
    Empty,
}

pub(super) fn number(v: Option<f64>) -> Cell<'static> {
    v.filter(|v| v.is_finite())
        .map_or(Cell::Empty, Cell::Number)
}

pub(super) fn share(v: Option<f64>) -> Cell<'static> {
    v.filter(|v| v.is_finite()).map_or(Cell::Empty, Cell::Share)
}

/// A sheet being written: continues on a new sheet when full. Its rows go straight to the
/// workbook's temporary files (rust_xlsxwriter's constant-memory mode), so a batch of every
/// county does not hold millions of cells in memory; rows are written in order, as that mode
/// needs, and several sheets may be written side by side.
pub(super) struct Sheet<'f> {
    name: String,
    header: Vec<&'static str>,
    wb: &'f RefCell<Workbook>,
    /// The worksheet being written, by its place in the workbook.
    index: usize,
    row: u32,
    /// Rows a sheet holds before the next begins ([`MAX_ROWS`]; fewer in tests).
    limit: u32,
    /// Worksheets begun so far.
    pages: usize,
    /// Column widths (in characters) sized to the content, once known.
    widths: Vec<f64>,
    formats: &'f Formats,
}

pub(super) struct Formats {
    head: Format,
    share: Format,
    pace: Format,
    whole: Format,
    grades: HashMap<&'static str, Format>,
}

impl Formats {
    pub(super) fn new() -> Formats {
        // the pages' pill colours (html.rs), white text
        let fill = |rgb: u32| {
            Format::new()
                .set_background_color(Color::RGB(rgb))
                .set_font_color(Color::White)
        };
        let grades = Status::ALL
            .iter()
            .map(|s| {
                let rgb = match s {
                    Status::Ahead | Status::Achieved => 0x1b5e20,
                    Status::Faster | Status::OnTrack => 0x2e7d32,
                    Status::Lagging | Status::Regressing => 0xe69500,
                    Status::Missed => 0xc62828,
                    Status::InsufficientData => 0xb0b7c0,
                    Status::Qualitative => 0x8a939e,
                };
                (s.code(), fill(rgb))
            })
            .collect();
        Formats {
            head: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xd9dee5)),
            share: Format::new().set_num_format("0%"),
            // two decimals at least, up to four: a pace reads 10.75, a level 0.0234 or
            // 327.206 as written (the cell holds six significant digits)
            pace: Format::new().set_num_format("0.00##"),
            whole: Format::new().set_num_format("0"),
            grades,
        }
    }
}

/// The widest a column is made (characters): longer texts wrap in Excel's cell on demand.
const MAX_WIDTH: f64 = 60.0;

/// A text's width in Excel's character units: CJK and full-width characters count two.
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x1100 { 1.0 } else { 2.0 })
        .sum()
}

/// A column's width from its header alone.
fn header_width(h: &str) -> f64 {
    text_width(h).max(9.0) + 2.0
}

/// Characters an Excel cell holds.
pub(super) const CELL_CHARS: usize = 32_767;

/// Text within [`CELL_CHARS`]: a longer text is cut, and says so at its end (the table's
/// reading warns of it with its file and row), rather than failing the whole workbook.
pub(super) fn fitted(text: &str) -> std::borrow::Cow<'_, str> {
    let Some((end, _)) = text.char_indices().nth(CELL_CHARS) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let total = CELL_CHARS + text[end..].chars().count();
    let note = format!(" …[cut: {total} characters, a cell holds {CELL_CHARS}]");
    let keep = CELL_CHARS - note.chars().count();
    let (cut, _) = text.char_indices().nth(keep).unwrap_or((end, ' '));
    std::borrow::Cow::Owned(format!("{}{note}", &text[..cut]))
}

pub(super) fn fail(e: XlsxError) -> Error {
    Error::invalid(format!("{}: {e}", super::deliver::WORKBOOK))
}

impl<'f> Sheet<'f> {
    pub(super) fn new(
        wb: &'f RefCell<Workbook>,
        name: &str,
        header: Vec<&'static str>,
        formats: &'f Formats,
    ) -> Result<Sheet<'f>> {
        let mut s = Sheet {
            name: name.to_string(),
            header,
            wb,
            index: 0,
            pages: 0,
            row: 0,
            widths: Vec::new(),
            limit: MAX_ROWS,
            formats,
        };
        s.start(name)?;
        Ok(s)
    }

    fn start(&mut self, title: &str) -> Result<()> {
        let mut wb = self.wb.borrow_mut();
        let ws = wb.add_worksheet_with_constant_memory().map_err(fail)?;
        ws.set_name(title).map_err(fail)?;
        self.pages += 1;
        // the sheet just added is the workbook's last
        self.index = wb.worksheets().len() - 1;
        let ws = wb.worksheet_from_index(self.index).map_err(fail)?;
        for (c, h) in self.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &self.formats.head)
                .map_err(fail)?;
            let width = self
                .widths
                .get(c)
                .copied()
                .unwrap_or_else(|| header_width(h));
            ws.set_column_width(c as u16, width).map_err(fail)?;
        }
        ws.set_freeze_panes(1, 0).map_err(fail)?;
        self.row = 1;
        Ok(())
    }

    /// Sizes each column to the widest of its header and its cells in `rows` (the rows about
    /// to be written; before any is): Chinese characters count two, a long text is capped.
    pub(super) fn fit(&mut self, rows: &[Vec<Cell>]) -> Result<()> {
        for row in rows {
            self.measure(row);
        }
        self.fit_measured()
    }

    /// Widens the columns for a row about to be written (before any is), without holding it.
    pub(super) fn measure(&mut self, row: &[Cell]) {
        if self.widths.is_empty() {
            self.widths = self.header.iter().map(|h| header_width(h)).collect();
        }
        for (c, cell) in row.iter().enumerate() {
            let w = match cell {
                Cell::Text(s) | Cell::Grade(_, s) => text_width(s),
                Cell::Number(_) | Cell::Share(_) => 8.0,
                Cell::Whole(_) => 6.0,
                Cell::Empty => 0.0,
            };
            if let Some(slot) = self.widths.get_mut(c) {
                *slot = slot.max((w + 2.0).min(MAX_WIDTH));
            }
        }
    }

    /// Sizes the columns to the rows measured so far.
    pub(super) fn fit_measured(&mut self) -> Result<()> {
        if self.widths.is_empty() {
            self.widths = self.header.iter().map(|h| header_width(h)).collect();
        }
        let mut wb = self.wb.borrow_mut();
        let ws = wb.worksheet_from_index(self.index).map_err(fail)?;
        for (c, w) in self.widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w).map_err(fail)?;
        }
        Ok(())
    }

    pub(super) fn push(&mut self, cells: &[Cell]) -> Result<()> {
        if self.row == self.limit {
            self.finish_page()?;
            let title = format!("{} {}", self.name, self.pages + 1);
            self.start(&title)?;
        }
        let f = self.formats;
        let mut wb = self.wb.borrow_mut();
        let ws = wb.worksheet_from_index(self.index).map_err(fail)?;
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (self.row, c as u16);
            match cell {
                Cell::Text(s) if !s.is_empty() => ws.write_string(r, c, fitted(s)).map(|_| ()),
                // rounded as every writer rounds: 7, not 7.000000000000001, in the cell
                Cell::Number(v) => ws
                    .write_number_with_format(r, c, derived(*v), &f.pace)
                    .map(|_| ()),
                Cell::Whole(v) => ws.write_number_with_format(r, c, *v, &f.whole).map(|_| ()),
                Cell::Share(v) => ws
                    .write_number_with_format(r, c, derived(*v), &f.share)
                    .map(|_| ()),
                Cell::Grade(s, label) => ws
                    .write_string_with_format(r, c, fitted(label), &f.grades[s.code()])
                    .map(|_| ()),
                Cell::Text(_) | Cell::Empty => Ok(()),
            }
            .map_err(fail)?;
        }
        self.row += 1;
        Ok(())
    }

    fn finish_page(&mut self) -> Result<()> {
        let last = self.header.len().saturating_sub(1) as u16;
        let mut wb = self.wb.borrow_mut();
        wb.worksheet_from_index(self.index)
            .map_err(fail)?
            .autofilter(0, 0, self.row.saturating_sub(1).max(1), last)
            .map_err(fail)?;
        Ok(())
    }

    /// Ends the sheet (its filter over the rows written).
    pub(super) fn finish(mut self) -> Result<()> {
        self.finish_page()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A full sheet continues on the next, header and all: no row is dropped.
    #[test]
    fn a_full_sheet_continues_on_a_numbered_one() {
        let formats = Formats::new();
        let wb = RefCell::new(Workbook::new());
        let mut sheet = Sheet::new(&wb, "模拟", vec!["年份", "数值"], &formats).unwrap();
        sheet.limit = 3;
        for year in 2020..2025 {
            sheet
                .push(&[Cell::Whole(year.into()), Cell::Number(1.5)])
                .unwrap();
        }
        sheet.finish().unwrap();
        let mut wb = wb.into_inner();
        let names: Vec<String> = wb.worksheets().iter().map(|s| s.name()).collect();
        // 5 rows at 2 a sheet (below the header): 2 + 2 + 1
        assert_eq!(names, ["模拟", "模拟 2", "模拟 3"]);
        assert!(wb.save_to_buffer().is_ok());
    }

    /// Columns take the width of their widest text, Chinese characters two units each, and
    /// never more than [`MAX_WIDTH`].
    #[test]
    fn columns_fit_their_texts() {
        let formats = Formats::new();
        let wb = RefCell::new(Workbook::new());
        let mut sheet = Sheet::new(&wb, "行动", vec!["指标", "理由", "年份"], &formats).unwrap();
        let long = "x".repeat(100);
        let rows = vec![vec![
            Cell::Text("单位地区生产总值能耗累计降低"),
            Cell::Text(&long),
            Cell::Whole(2025.0),
        ]];
        sheet.fit(&rows).unwrap();
        // 14 characters × 2 + 2 of margin; the long text capped; the year as wide as its header
        assert_eq!(sheet.widths, [30.0, MAX_WIDTH, 11.0]);
        sheet.push(&rows[0]).unwrap();
        sheet.finish().unwrap();
        assert!(wb.into_inner().save_to_buffer().is_ok());
    }

    /// A cell longer than Excel holds is cut with a note, and the workbook is still written.
    #[test]
    fn an_over_long_cell_is_cut_with_a_note() {
        let long = "长".repeat(40_000);
        let cut = fitted(&long);
        let note = " …[cut: 40000 characters, a cell holds 32767]";
        assert_eq!(cut.chars().count(), 32_767);
        let tail: String = cut.chars().skip(32_700).collect();
        assert!(cut.ends_with(note), "{tail}");
        assert_eq!(
            cut.chars().filter(|&c| c == '长').count(),
            32_767 - note.chars().count()
        );
        assert_eq!(fitted("短"), "短");
        assert_eq!(fitted(&"x".repeat(32_767)).len(), 32_767);
        let formats = Formats::new();
        let wb = RefCell::new(Workbook::new());
        let mut sheet = Sheet::new(&wb, "目标", vec!["指标"], &formats).unwrap();
        sheet.push(&[Cell::Text(&long)]).unwrap();
        sheet.finish().unwrap();
        assert!(wb.into_inner().save_to_buffer().is_ok());
    }
}
