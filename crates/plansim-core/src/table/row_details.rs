//! What few rows of a table carry besides their name, unit and cells, and a row's JSON: one
//! flat object as before the details moved behind a pointer.

use super::indicator::{Attribute, Indicator, RateKind, Reading};
use super::name::NameParts;
use super::notation::Cell;
use super::notes::Note;
use super::rare::Empty;
use super::rare_cell::RareCell;
use super::unit::Unit;
use serde::Serialize;
use std::ops::{Deref, DerefMut};
use std::path::Path;

/// What few rows of a table carry; read through the row (`ind.notes`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowDetails {
    /// The row's number: the seq column, else the numbering printed before the name (`1.`).
    pub seq: String,
    /// The category column or banner, carried down.
    pub category: String,
    /// The English name column, else empty.
    pub name_en: String,
    /// Volatility of the annual rate as a fraction (0.02 = 2 points), from a `sigma` column in
    /// points.
    pub sigma: Option<f64>,
    /// Where the row was transcribed from.
    pub source: String,
    /// A `备注`/`说明` column's text for the row.
    pub remark: String,
    /// Notes of the table that apply to the row as a whole: those that name it without a year
    /// of its cells, those on a mark printed after its name, and those on the whole table.
    /// Notes on one cell are that cell's (`base.notes`, …).
    pub notes: Vec<Note>,
    /// Other rows of the plan that state the same target in other words (a prose row
    /// `地区生产总值 305.8 → 7左右` beside this table row `305.8亿 → 430亿 @ 7`): shown with this
    /// row, which governs, and not graded apart (see `meaning::one_reading`).
    pub readings: Vec<Reading>,
    /// The file row of the row whose target this one states again (set where a table is
    /// listed whole; elsewhere such a row is folded into that one).
    pub restates: Option<usize>,
}

static EMPTY: RowDetails = RowDetails {
    seq: String::new(),
    category: String::new(),
    name_en: String::new(),
    sigma: None,
    source: String::new(),
    remark: String::new(),
    notes: Vec::new(),
    readings: Vec::new(),
    restates: None,
};

impl Empty for RowDetails {
    fn empty() -> &'static RowDetails {
        &EMPTY
    }
}

impl Deref for Indicator {
    type Target = RowDetails;

    fn deref(&self) -> &RowDetails {
        &self.details
    }
}

impl DerefMut for Indicator {
    fn deref_mut(&mut self) -> &mut RowDetails {
        &mut self.details
    }
}

impl Indicator {
    /// Lets go of the details of the row and of its cells that hold nothing.
    pub(crate) fn shrink(&mut self) {
        self.details.shrink();
        self.name_parts.shrink();
        for cell in [&mut self.base, &mut self.target, &mut self.rate] {
            cell.shrink();
        }
    }
}

/// The JSON of a row, fields in their order of old.
#[derive(Serialize)]
struct Flat<'a> {
    region: &'a str,
    plan: &'a str,
    seq: &'a str,
    category: &'a str,
    name: &'a str,
    name_parts: &'a NameParts,
    name_en: &'a str,
    unit: &'a Unit,
    base_year: i32,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    base_year_assumed: bool,
    base: &'a Cell,
    target_year: i32,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    target_year_assumed: bool,
    target: &'a Cell,
    rate: &'a Cell,
    rate_cumulative: bool,
    #[serde(skip_serializing_if = "is_none")]
    outcome: &'a RareCell,
    #[serde(skip_serializing_if = "is_none")]
    outcome_rate: &'a RareCell,
    rate_kind: RateKind,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    target_from_rate: bool,
    attribute: Attribute,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::percent::opt")]
    sigma: Option<f64>,
    source: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    remark: &'a str,
    #[serde(skip_serializing_if = "<[Note]>::is_empty")]
    notes: &'a [Note],
    #[serde(skip_serializing_if = "<[Reading]>::is_empty")]
    readings: &'a [Reading],
    #[serde(skip_serializing_if = "Option::is_none")]
    restates: Option<usize>,
    file: &'a Path,
    row: usize,
}

fn is_none(cell: &&RareCell) -> bool {
    cell.is_none()
}

impl Serialize for Indicator {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Flat {
            region: &self.region,
            plan: &self.plan,
            seq: &self.seq,
            category: &self.category,
            name: &self.name,
            name_parts: &self.name_parts,
            name_en: &self.name_en,
            unit: &self.unit,
            base_year: self.base_year,
            base_year_assumed: self.base_year_assumed,
            base: &self.base,
            target_year: self.target_year,
            target_year_assumed: self.target_year_assumed,
            target: &self.target,
            rate: &self.rate,
            rate_cumulative: self.rate_cumulative,
            outcome: &self.outcome,
            outcome_rate: &self.outcome_rate,
            rate_kind: self.rate_kind,
            target_from_rate: self.target_from_rate,
            attribute: self.attribute,
            sigma: self.sigma,
            source: &self.source,
            remark: &self.remark,
            notes: &self.notes,
            readings: &self.readings,
            restates: self.restates,
            file: &self.file,
            row: self.row,
        }
        .serialize(s)
    }
}
