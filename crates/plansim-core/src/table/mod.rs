//! Indicator tables: reading files (CSV in any encoding Excel writes, XLSX), the header aliases,
//! and the cell grammar of plan tables.

mod frame;
mod grammar;
pub mod header;
pub mod indicator;
pub mod normalize;
pub mod notation;
pub mod number;
mod rows;
pub mod text;
pub mod unit;
mod xlsx;

pub use indicator::{Attribute, Direction, Indicator};
pub use notation::{Cell, Form, NotationError};
pub use number::{Magnitude, Num};
pub use unit::{Unit, UnitKind};

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// A row of raw cells with its 1-based row number in the file.
#[derive(Clone, Debug)]
pub struct Record {
    pub row: usize,
    pub cells: Vec<String>,
}

/// The indicators of one table file, in file order.
#[derive(Clone, Debug)]
pub struct Table {
    pub path: PathBuf,
    pub indicators: Vec<Indicator>,
}

/// How to read a table file.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// XLSX sheet; the first when `None`.
    pub sheet: Option<String>,
    /// Region for tables without a region column; the file stem when `None`.
    pub region: Option<String>,
}

/// Reads a table file: XLSX by its extension or magic bytes, else delimited text.
pub fn load(path: &Path, opts: &LoadOptions) -> Result<Table> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    load_bytes(path, bytes, opts)
}

/// Reads a table from its bytes; `path` names it in errors, and its extension and stem count
/// as for [`load`]. Nothing is read from disk.
pub fn load_bytes(path: &Path, bytes: Vec<u8>, opts: &LoadOptions) -> Result<Table> {
    // XLSX/ODS are zip files, old XLS an OLE compound file, whatever the file is called
    let is_workbook = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0");
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let records = if is_workbook || matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls" | "ods"))
    {
        xlsx::records(path, bytes, opts.sheet.as_deref())?
    } else {
        text::records(path, &text::decode(path, &bytes)?)?
    };
    let region = opts.region.clone().unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    rows::build(path, &records, &region)
}

/// Reads several tables; every file's errors are collected, the first returned after all ran.
pub fn load_all(paths: &[PathBuf], opts: &LoadOptions) -> (Vec<Table>, Vec<Error>) {
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match load(p, opts) {
            Ok(t) => tables.push(t),
            Err(e) => errors.push(e),
        }
    }
    (tables, errors)
}
