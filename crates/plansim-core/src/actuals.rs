//! Actual outcomes (`region, indicator, year, value` CSV): they replace projections where known
//! and re-base the required rates.

use crate::error::{CellError, Error, Result};
use crate::table::normalize::fold;
use serde::Serialize;
use std::path::Path;

/// An observed value of an indicator in a year, in the indicator's value unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actual {
    pub region: String,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
}

/// Reads an actuals CSV (any encoding the tables accept); every bad cell reported at once.
pub fn load(path: &Path) -> Result<Vec<Actual>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = crate::table::text::decode(path, &bytes)?;
    let records = crate::table::text::records(path, &text)?;
    let Some((header, rows)) = records.split_first() else {
        return Err(Error::format(
            path,
            "is empty; expected `region, indicator, year, value`",
        ));
    };
    let names: Vec<String> = header
        .cells
        .iter()
        .map(|h| fold(h).to_lowercase())
        .collect();
    let col = |alts: &[&str]| names.iter().position(|n| alts.contains(&n.as_str()));
    let (Some(r), Some(i), Some(y), Some(v)) = (
        col(&["region", "地区"]),
        col(&["indicator", "指标", "指标名称"]),
        col(&["year", "年份"]),
        col(&["value", "数值", "实际值"]),
    ) else {
        return Err(Error::format(
            path,
            "needs the columns `region, indicator, year, value` (地区, 指标, 年份, 数值)",
        ));
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for rec in rows {
        let get = |c: usize| rec.cells.get(c).map(|s| s.trim()).unwrap_or_default();
        if rec.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut bad = |c: usize, expected: &str| {
            errors.push(CellError {
                row: rec.row,
                column: c + 1,
                header: header.cells.get(c).cloned().unwrap_or_default(),
                text: get(c).to_string(),
                expected: expected.to_string(),
            })
        };
        let year = fold(get(y)).trim_end_matches('年').parse::<i32>().ok();
        let value = fold(get(v)).parse::<f64>().ok().filter(|v| v.is_finite());
        if get(i).is_empty() {
            bad(i, "an indicator name");
        }
        if year.is_none_or(|y| !(1900..=2200).contains(&y)) {
            bad(y, "a year such as 2021");
        }
        if value.is_none() {
            bad(v, "a finite number in the indicator's unit");
        }
        if let (Some(year), Some(value)) = (year, value) {
            out.push(Actual {
                region: get(r).to_string(),
                indicator: get(i).to_string(),
                year,
                value,
            });
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Cells {
            path: path.to_path_buf(),
            errors,
        })
    }
}
