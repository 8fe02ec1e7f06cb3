//! A plan table as evidence for the plan before it: the next outline prints, in its base
//! column, the official figure of the year the earlier plan ends (the 15th plan's `2025年`
//! column, a starred cell being 2024's as its footnote says). Each base cell becomes an outturn
//! of its year; a growth row's base cell is that one year's growth. A table without a region
//! column names no region: its outturns take the region of the plan they grade.

use super::{Outturn, Side};
use crate::error::Result;
use crate::table::{Form, Indicator, LoadOptions, Record};
use std::path::Path;

/// Whether a file is an indicator table rather than an outturn file: a workbook, or text whose
/// header reads as a plan table's (an attribute or rate column, a target column).
pub(super) fn is_plan_table(bytes: &[u8], records: Option<&[Record]>) -> bool {
    let workbook = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0");
    workbook || records.is_some_and(crate::table::is_plan_layout)
}

/// The base cells of a plan table as outturns.
pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<Vec<Outturn>> {
    let opts = LoadOptions {
        // none named: the region of the plan graded, as resolve gives an outturn without one
        region: Some(String::new()),
        lenient: true,
        ..LoadOptions::default()
    };
    let table = crate::table::load_bytes(path, bytes.to_vec(), &opts)?;
    let mut out: Vec<Outturn> = Vec::new();
    for ind in &table.indicators {
        // a row with two target columns is read twice: its base once
        if out.iter().any(|o| o.row == ind.row) {
            continue;
        }
        out.extend(base_outturn(ind));
    }
    Ok(out)
}

fn base_outturn(ind: &Indicator) -> Option<Outturn> {
    let cell = &ind.base;
    // a bracketed base is a total over the plan before (`〔17.7〕`), no one year's figure
    if cell.is_period_total() {
        return None;
    }
    let (num, side) = match &cell.form {
        Form::Number { value } => (value, None),
        Form::AtLeast { value, .. } => (value, Some(Side::AtLeast)),
        Form::AtMost { value, .. } => (value, Some(Side::AtMost)),
        Form::About { value } => (value, Some(Side::About)),
        _ => return None,
    };
    let magnitude = cell.magnitude.map_or(1.0, |m| m.factor());
    let indicator = if ind.unit.raw.is_empty() {
        ind.name.clone()
    } else {
        format!("{}（{}）", ind.name, ind.unit.raw)
    };
    Some(Outturn {
        region: ind.region.to_string(),
        indicator,
        year: cell.year.unwrap_or(ind.base_year),
        value: num.value * magnitude,
        text: cell.raw.clone(),
        side,
        preliminary: cell.preliminary,
        hypothetical: false,
        notes: cell.remark.iter().cloned().collect(),
        source: format!(
            "{} row {}: the base column of a later plan's table",
            ind.file.display(),
            ind.row
        ),
        file: ind.file.to_path_buf(),
        row: ind.row,
        column: 0,
        name_column: 0,
        period: None,
        from_plan_table: true,
    })
}

/// An achievement table's outcomes as outturns: each row's level by its target year (`2005年`
/// beside `“十五”计划目标`). An achieved average rate or period total is no one year's figure
/// and stays with the row's own grade.
pub fn own_outcomes(rows: &[Indicator]) -> Vec<Outturn> {
    let mut out: Vec<Outturn> = Vec::new();
    for ind in rows {
        if ind.outcome.is_none() || out.iter().any(|o| *o.file == *ind.file && o.row == ind.row) {
            continue;
        }
        let mut as_base = ind.clone();
        as_base.base = (*ind.outcome).clone();
        as_base.base_year = ind.target_year;
        as_base.base.year = None;
        if let Some(mut o) = base_outturn(&as_base) {
            o.source = format!(
                "{} row {}: the outcome column of an achievement table",
                ind.file.display(),
                ind.row
            );
            out.push(o);
        }
    }
    out
}
