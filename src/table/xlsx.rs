//! Spreadsheets (XLSX and friends) through calamine: one sheet's cells as text records.

use super::Record;
use crate::error::{Error, Result};
use calamine::{Data, Reader, open_workbook_auto_from_rs};
use std::io::Cursor;
use std::path::Path;

pub fn records(path: &Path, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Vec<Record>> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| Error::format(path, format!("is not a readable spreadsheet: {e}")))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(Error::format(
                path,
                format!("has no sheet `{s}`; its sheets are: {}", names.join(", ")),
            ));
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::format(path, "has no sheets"))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| Error::format(path, format!("sheet `{name}` cannot be read: {e}")))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut out: Vec<String> = vec![String::new(); col0 as usize];
            out.extend(cells.iter().map(text_of));
            Record {
                row: row0 as usize + i + 1,
                cells: out,
            }
        })
        .collect())
}

/// A cell as the text a person sees; numbers in their shortest exact form (13.39, not 13.390000000000001).
fn text_of(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => format!("{dt}"),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
