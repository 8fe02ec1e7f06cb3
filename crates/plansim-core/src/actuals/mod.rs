//! Outturns — what indicators actually came to — as first-class input: read as published
//! (long `region,indicator,year,value[,note][,source][,basis]` or the wide yearbook layout, an
//! indicator a row and a column per year), merged (a final figure replaces a preliminary one;
//! two finals that differ are an error), matched to the tables' indicators through the one
//! name rule of [`crate::names`] (`resolve()`), and put in each indicator's own terms
//! (`terms`): levels, yearly rates, yearly changes or yearly counts. Every caller takes
//! outturns in through one door, `intake()`: merged, the rows' own outcomes when none is
//! given, matched.
mod intake;
mod merge;
pub(crate) mod period;
mod plan_table;
mod read;
mod refusals;
pub(crate) mod resolve;
pub(crate) mod terms;
mod unmatched;
pub(crate) mod value;

pub(crate) use intake::intake;
pub use merge::merge;
pub use period::{PeriodObs, periods};
pub use plan_table::own_outcomes;
pub(crate) use resolve::resolve;
pub use resolve::{How, Match, Resolved};
pub use terms::{Obs, counted, growth, observations};
pub use value::Side;

use crate::error::{Error, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One published figure: an indicator of a region in a year.
///
/// # Example
///
/// ```
/// let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
///     .join("../../scenarios/actuals/horqin-hypothetical.csv");
/// // three made-up years of 科尔沁区's GDP: 305.8·1.06 = 324.148 in 2021, then ·1.03, ·1.05
/// let outturns = plansim_core::load_outturns(&path)?;
/// let first = &outturns[0];
/// assert_eq!((first.region.as_str(), first.indicator.as_str()), ("科尔沁区", "地区生产总值"));
/// assert_eq!((first.year, first.value), (2021, 324.148));
/// assert!(first.hypothetical);
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outturn {
    /// The region the figure is for, as the source names it.
    pub region: String,
    /// The indicator as the source names it (`城镇调查失业率（%，全年平均）`).
    pub indicator: String,
    /// The year the figure is for: the last year of its period for a period figure.
    pub year: i32,
    /// A figure for a period rather than a year (`〔17.7〕`, `17.7（十四五时期）`, a year cell
    /// `2021–2025`): its first and last year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<[i32; 2]>,
    /// The number as printed, times a magnitude printed with it (`1686亿`).
    pub value: f64,
    /// The value cell as written.
    pub text: String,
    /// `4以上`: the true value is at least this; `None` for a plain number.
    pub side: Option<Side>,
    /// `（预计）`, or a `basis` of `preliminary`: replaced by a final figure when one comes.
    pub preliminary: bool,
    /// Not a published figure: a what-if (`basis` = `hypothetical`).
    pub hypothetical: bool,
    /// Words in parentheses after the number (`名义`, `扣除原料用能和非化石能源`) and the `note`.
    pub notes: Vec<String>,
    /// Where the figure was published (a bulletin, a yearbook), as the file says.
    pub source: String,
    /// The file it was read from.
    pub file: PathBuf,
    /// The 1-based row of the file, for messages.
    pub row: usize,
    /// The 1-based column of the value cell.
    pub column: usize,
    /// The 1-based column of the indicator name.
    pub name_column: usize,
    /// A base cell of a later plan's table: a row no table being graded holds is left aside,
    /// not an error (the later plan has indicators of its own).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_plan_table: bool,
}

/// Reads an outturn file, long or wide, in any encoding the tables accept; every bad cell is
/// reported at once. Rows within the file are merged as `merge` does.
///
/// # Example
///
/// ```
/// let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
///     .join("../../scenarios/actuals/horqin-hypothetical.csv");
/// let outturns = plansim_core::load_outturns(&path)?;
/// let years: Vec<(i32, f64)> = outturns.iter().map(|o| (o.year, o.value)).collect();
/// assert_eq!(years, [(2021, 324.148), (2022, 333.872), (2023, 350.566)]);
/// # Ok::<(), plansim_core::Error>(())
/// ```
pub fn load(path: &Path) -> Result<Vec<Outturn>> {
    let bytes = crate::input::read(path)?;
    load_bytes(path, &bytes)
}

/// Reads outturns from a file's bytes (a DataFrame written as CSV); `path` names them in
/// errors. Nothing is read from disk.
/// A plan table (a workbook, or a CSV headed like one) is read as evidence: its base cells are
/// outturns of their years.
///
/// # Example
///
/// ```
/// // a wide file: one row per indicator, one column per year
/// let csv = "region,indicator,2021,2022\n甲区,地区生产总值,105,110.25\n";
/// let outturns = plansim_core::load_outturn_bytes("gdp.csv".as_ref(), csv.as_bytes())?;
/// let years: Vec<(i32, f64)> = outturns.iter().map(|o| (o.year, o.value)).collect();
/// assert_eq!(years, [(2021, 105.0), (2022, 110.25)]);
/// # Ok::<(), plansim_core::Error>(())
/// ```
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Vec<Outturn>> {
    if plan_table::is_plan_table(bytes, None) {
        return merge(plan_table::read(path, bytes)?);
    }
    let text = crate::table::text::decode(path, bytes)?;
    let records = crate::table::text::records(path, &text).ok();
    if plan_table::is_plan_table(bytes, records.as_deref()) {
        return merge(plan_table::read(path, bytes)?);
    }
    merge(read::read(path, &text)?)
}

/// Reads several outturn files and merges them; every file's errors are reported.
pub fn load_all(paths: &[PathBuf]) -> Result<Vec<Outturn>> {
    let mut all = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match load(p) {
            Ok(o) => all.extend(o),
            Err(e) => errors.push(e),
        }
    }
    match Error::from_all(errors) {
        Some(e) => Err(e),
        None => merge(all),
    }
}

/// Cell errors gathered from several files: one [`Error::Cells`] per file, all of them.
pub(crate) fn cell_errors(errors: Vec<(PathBuf, crate::error::CellError)>) -> Error {
    let mut by_file: Vec<(PathBuf, Vec<crate::error::CellError>)> = Vec::new();
    for (file, e) in errors {
        match by_file.iter_mut().find(|(f, _)| *f == file) {
            Some((_, list)) => list.push(e),
            None => by_file.push((file, vec![e])),
        }
    }
    let all: Vec<Error> = by_file
        .into_iter()
        .map(|(path, mut errors)| {
            errors.sort_by_key(|e| (e.row, e.column));
            Error::Cells { path, errors }
        })
        .collect();
    Error::from_all(all).unwrap_or_else(|| Error::Invalid("no errors".into()))
}
