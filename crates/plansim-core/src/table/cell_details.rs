//! What few cells carry besides their value, and a cell's JSON: one flat object as before the
//! details moved behind a pointer.

use super::notation::{Cell, Form};
use super::notes::Note;
use super::number::Magnitude;
use super::rare::Empty;
use serde::Serialize;
use std::ops::{Deref, DerefMut};

/// A cell's marks, period, year, remark and notes; read through the cell (`cell.marks`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellDetails {
    /// Unit text printed after the number (`人` in `1.2万人`, `‰`).
    pub suffix: Option<String>,
    /// The value is a total over a period, not a level: `[13.5]`, `13.5(十三五时期)`,
    /// `累计下降12%`, `[4]以上`. `Some("")` when the period is not named.
    pub period: Option<String>,
    /// The first and last year a period total covers: `〔13.5〕` in a 2020→2025 row covers
    /// 2021–2025, `〔17.7〕` in a 2025 base column the five years to 2025.
    pub period_years: Option<[i32; 2]>,
    /// Footnote marks printed with the value, in printed order: `*` of `60.6*`, `**`, `①`,
    /// `△`, `#`, `¹`, `注`, `(预计)`.
    pub marks: Vec<String>,
    /// The year the value belongs to when it is not its column's: set by a note
    /// (`带*的为2019年数据` makes `60.6*` a 2019 value) or printed with it (`2.56(2019年)`).
    pub year: Option<i32>,
    /// Words printed after the value that do not change it: `力争投入强度高于“十三五”时期实际`
    /// of `＞7、力争投入强度高于“十三五”时期实际`, `力争8` of `7左右(力争8)`.
    pub remark: Option<String>,
    /// The table's notes that apply to this cell: by its mark, its brackets, or by naming its
    /// indicator and year.
    pub notes: Vec<Note>,
}

static EMPTY: CellDetails = CellDetails {
    suffix: None,
    period: None,
    period_years: None,
    marks: Vec::new(),
    year: None,
    remark: None,
    notes: Vec::new(),
};

impl Empty for CellDetails {
    fn empty() -> &'static CellDetails {
        &EMPTY
    }
}

impl Deref for Cell {
    type Target = CellDetails;

    fn deref(&self) -> &CellDetails {
        &self.details
    }
}

impl DerefMut for Cell {
    fn deref_mut(&mut self) -> &mut CellDetails {
        &mut self.details
    }
}

impl Cell {
    /// Lets the details go when nothing is in them.
    pub(crate) fn shrink(&mut self) {
        self.details.shrink();
    }
}

/// The JSON of a cell, fields in their order of old.
#[derive(Serialize)]
struct Flat<'a> {
    raw: &'a str,
    #[serde(flatten)]
    form: &'a Form,
    #[serde(skip_serializing_if = "Option::is_none")]
    magnitude: Option<Magnitude>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    percent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    suffix: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period_years: Option<[i32; 2]>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    marks: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    preliminary: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    remark: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Note]>::is_empty")]
    notes: &'a [Note],
}

impl Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Flat {
            raw: &self.raw,
            form: &self.form,
            magnitude: self.magnitude,
            percent: self.percent,
            suffix: self.suffix.as_deref(),
            period: self.period.as_deref(),
            period_years: self.period_years,
            marks: &self.marks,
            year: self.year,
            preliminary: self.preliminary,
            remark: self.remark.as_deref(),
            notes: &self.notes,
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_cell_holds_no_details_and_a_marked_one_does() {
        let plain: Cell = "130以上".parse().unwrap();
        assert!(!plain.details.is_held());
        assert_eq!(plain.year, None);
        assert!(plain.marks.is_empty());
        let marked: Cell = "60.6*".parse().unwrap();
        assert!(marked.details.is_held());
        assert_eq!(marked.marks, vec!["*".to_string()]);
        let json = serde_json::to_string(&marked).unwrap();
        assert_eq!(
            json,
            r#"{"raw":"60.6*","kind":"number","value":{"value":60.6,"decimals":1},"marks":["*"]}"#
        );
    }
}
