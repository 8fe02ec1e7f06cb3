//! Indicator tables: reading files (CSV in any encoding Excel writes, XLSX), the header aliases,
//! the cell grammar of plan tables, the names (numbering, unit, parent) and the notes under them.
pub mod achievement;
pub mod alternative;
mod annotate;
mod cell_details;
mod change_words;
pub use cell_details::CellDetails;
mod columns;
pub(crate) use change_words::{FALLING_VERBS, meant_to_fall, states_fall, states_rise};
pub use columns::{CELL_CHARS, LONG_CELL};
pub use indicator::{Attribute, Direction, Indicator, RateKind, Reading};
pub use name::NameParts;
pub use notation::{Cell, Form, NotationError, Relational};
pub use notes::{Note, NoteEffect, NoteScope};
pub use number::{Magnitude, Num};
pub use rare_cell::RareCell;
pub use relation::Relation;
pub use unit::{Unit, UnitKind};
mod duplicates;
mod frame;
mod grammar;
pub mod header;
pub(crate) mod indicator;
pub mod marks;
pub(crate) mod name;
mod name_details;
pub(crate) mod normalize;
pub(crate) mod notation;
pub(crate) mod notes;
pub(crate) mod number;
pub use name_details::NameDetails;
mod parents;
pub(crate) mod rare;
mod rare_cell;
mod rate_column;
pub(crate) mod relation;
mod row_details;
pub use row_details::RowDetails;
mod rows;
mod source;
pub(crate) mod text;
pub(crate) mod unit;
mod xlsx;

use crate::error::{CellError, Error, Result};
use std::fmt;
use std::path::{Path, PathBuf};

/// A row of raw cells with its 1-based row number in the file.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    /// 1-based row in the file.
    pub row: usize,
    /// The cells as read, left to right.
    pub cells: Vec<String>,
}

/// The indicators of one table file, in file order.
///
/// # Example
///
/// ```
/// use plansim_core::{LoadOptions, load_bytes};
///
/// // the second row's base is no number: read leniently, the first row stays and the cell
/// // is listed
/// let csv = "region,indicator,unit,base_year,base,target_year,target\n\
///            甲区,森林覆盖率,%,2020,21.5,2025,22\n\
///            甲区,地区生产总值,亿元,2020,NaN,2025,130\n";
/// let opts = LoadOptions { lenient: true, ..LoadOptions::default() };
/// let table = load_bytes("two.csv".as_ref(), csv.as_bytes().to_vec(), &opts)?;
/// assert_eq!(table.indicators.len(), 1);
/// assert_eq!((table.unread[0].row, table.unread[0].column), (3, 5));
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Table {
    /// The file the table was read from.
    pub path: PathBuf,
    /// The rows that read, in file order (one per target column of a row).
    pub indicators: Vec<Indicator>,
    /// The notes printed under the table (`注：①…`), as read; each is also kept with the cells
    /// and rows it applies to.
    pub notes: Vec<Note>,
    /// Cells that could not be read, when the table was read with [`LoadOptions::lenient`]:
    /// their rows are left out of `indicators`, and callers must say so (`tables` and `check`
    /// exit 2, `project` and the others name the rows left out). Read without it (the default)
    /// such a table is an error ([`Error::Cells`]) and this is always empty.
    pub unread: Vec<CellError>,
    /// What was read but is not used, or used with a doubt: columns plansim does not read,
    /// footnote marks no note explains.
    pub warnings: Vec<Warning>,
}

impl Table {
    /// The table as an error when a cell could not be read.
    pub fn strict(self) -> Result<Table> {
        if self.unread.is_empty() {
            Ok(self)
        } else {
            Err(Error::Cells {
                path: self.path,
                errors: self.unread,
            })
        }
    }
}

/// Something in a table that plansim reads past: a column it does not read, a mark no note
/// explains.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Warning {
    /// 1-based row.
    pub row: usize,
    /// 1-based column; 0 when it is a cell of a row named by `header` (`base`, `target`).
    pub column: usize,
    /// The header of the column.
    pub header: String,
    /// The cell text.
    pub text: String,
    /// What is left unread and why.
    pub message: String,
    /// The same in Chinese.
    #[serde(skip)]
    pub message_zh: String,
}

impl Warning {
    /// The warning in a language.
    pub fn render(&self, lang: crate::lang::Lang) -> String {
        if lang.is_en() {
            return self.to_string();
        }
        let (row, header, text, why) = (self.row, &self.header, &self.text, &self.message_zh);
        if self.column == 0 {
            format!("第 {row} 行（{header}）：`{text}`：{why}")
        } else {
            format!(
                "第 {row} 行第 {} 列（{header}）：`{text}`：{why}",
                self.column
            )
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.column == 0 {
            write!(
                f,
                "row {} ({}): `{}`: {}",
                self.row, self.header, self.text, self.message
            )
        } else {
            write!(
                f,
                "row {}, column {} ({}): `{}`: {}",
                self.row, self.column, self.header, self.text, self.message
            )
        }
    }
}

/// How to read a table file.
///
/// # Example
///
/// ```
/// use plansim_core::{LoadOptions, load_bytes};
///
/// // no region column: the options name the region, else the file's stem does
/// let csv = "indicator,unit,base_year,base,target_year,target\n森林覆盖率,%,2020,21.5,2025,22\n";
/// let opts = LoadOptions { region: Some("测试区".into()), ..LoadOptions::default() };
/// let table = load_bytes("forest.csv".as_ref(), csv.into(), &opts)?;
/// assert_eq!(table.indicators[0].region, "测试区");
/// let table = load_bytes("forest.csv".as_ref(), csv.into(), &LoadOptions::default())?;
/// assert_eq!(table.indicators[0].region, "forest");
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// XLSX sheet; the first when `None`.
    pub sheet: Option<String>,
    /// Region for tables without a region column; the file stem when `None`.
    pub region: Option<String>,
    /// Keep the rows that read when a cell cannot be read, listing the unreadable cells in
    /// [`Table::unread`], instead of refusing the table with [`Error::Cells`] (the default).
    /// A table where no row reads is refused either way.
    pub lenient: bool,
}

/// Reads a table file: XLSX by its extension or magic bytes, else delimited text. An unreadable
/// cell is an error naming every such cell, unless [`LoadOptions::lenient`] asks for the rows
/// that read (the others listed in [`Table::unread`]).
///
/// # Example
///
/// ```
/// use plansim_core::{LoadOptions, load};
///
/// let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
///     .join("../../scenarios/tables/horqin.csv");
/// let table = load(&path, &LoadOptions::default())?;
/// // the file's second row: 常住人口城镇化率 of 科尔沁区, 63 % in 2020, 70 % by 2025
/// let urban = table.indicators.iter().find(|r| r.name == "常住人口城镇化率").unwrap();
/// assert_eq!(urban.region, "科尔沁区");
/// assert_eq!((urban.base_year, urban.base.raw.as_str()), (2020, "63"));
/// assert_eq!((urban.target_year, urban.target.raw.as_str()), (2025, "70"));
/// // 120 rows below the header, each with one target
/// assert_eq!(table.indicators.len(), 120);
/// # Ok::<(), plansim_core::Error>(())
/// ```
pub fn load(path: &Path, opts: &LoadOptions) -> Result<Table> {
    let bytes = crate::input::read(path)?;
    load_bytes(path, bytes, opts)
}

/// Reads a table from its bytes; `path` names it in errors, and its extension and stem count
/// as for [`load`]. Nothing is read from disk.
///
/// # Example
///
/// ```
/// use plansim_core::{LoadOptions, load_bytes};
///
/// // 100亿 in 2020 at a stated 5 % a year
/// let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
///            测试区,地区生产总值,亿元,2020,100,2025,,5\n";
/// let table = load_bytes("gdp.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default())?;
/// assert_eq!(table.indicators.len(), 1);
/// let gdp = &table.indicators[0];
/// assert_eq!((gdp.name.as_str(), gdp.base.point().map(|n| n.value)), ("地区生产总值", Some(100.0)));
/// # Ok::<(), plansim_core::Error>(())
/// ```
pub fn load_bytes(path: &Path, bytes: Vec<u8>, opts: &LoadOptions) -> Result<Table> {
    // XLSX/ODS are zip files, old XLS an OLE compound file, whatever the file is called
    let is_workbook = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0");
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let region = opts.region.clone().unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    if is_workbook || matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls" | "ods")) {
        let records = xlsx::records(path, bytes, opts.sheet.as_deref())?;
        rows::build(path, source::Records::Held(records), &region, !opts.lenient)
    } else {
        // the file's bytes go once decoded; its records are split from the text as read
        let text = text::decode(path, &bytes)?;
        drop(bytes);
        rows::build(
            path,
            source::Records::Text(path, &text),
            &region,
            !opts.lenient,
        )
    }
}

/// The first sheet of a workbook as text records, read within the input limits.
pub(crate) fn first_sheet(path: &Path) -> Result<Vec<Record>> {
    xlsx::records(path, crate::input::read(path)?, None)
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

/// Whether records hold a plan table (a header with an indicator column and an attribute, rate
/// or target column) rather than outturns by year: a wide yearbook's year columns are not
/// enough.
pub(crate) fn is_plan_layout(records: &[Record]) -> bool {
    let Some(header) = frame::Header::find(records) else {
        return false;
    };
    let layout = &header.layout;
    let worded_target = header.cells.iter().zip(&layout.fields).any(|(h, f)| {
        matches!(f, Some(header::Field::Target(_)))
            && ["目标", "规划", "target"]
                .iter()
                .any(|w| h.to_lowercase().contains(w))
    });
    worded_target
        || layout.has(|f| {
            matches!(
                f,
                header::Field::Attribute | header::Field::Rate { .. } | header::Field::Outcome(_)
            )
        })
}
