//! Sub-items: rows named under a parent row merged over them in the document — a numbered row
//! without values (`10.每千人口拥有医护人员数`) over unnumbered rows, or a name beside a column
//! of sub-names (`（25）主要污染物排放总量减少（%）` beside `化学需氧量`, `氨氮`, …).

use super::Record;
use super::header::Field;
use super::indicator::{Attribute, Indicator};
use super::name::{self, NameParts};
use super::rows::RowContext;

/// A row whose name is merged over the rows below it in the document.
#[derive(Clone, Debug)]
pub(super) struct Parent {
    pub row: usize,
    pub name: String,
    pub seq: String,
    pub unit: String,
    pub attribute: Attribute,
}

/// What a row's name cell says, with its parent's part when it is a sub-item.
pub(super) struct RowName {
    pub name: String,
    pub parts: NameParts,
    pub seq: String,
    pub parent: Option<Parent>,
}

impl RowContext<'_> {
    /// The row's name: its own, or a sub-item's under its parent (a sub-name column beside a
    /// merged name, or an unnumbered row under a numbered row without values).
    pub(super) fn name(&mut self, rec: &Record) -> Option<RowName> {
        let printed = self.filled(rec, Field::Name);
        let sub = self.filled(rec, Field::SubName);
        let seq_cell = self.filled(rec, Field::Seq);
        let previous = self.out.last().and_then(|i| i.seq.parse::<u32>().ok());
        let (own, mut parts) = if seq_cell.is_empty() {
            name::read_after(&printed, previous)
        } else {
            name::read(&printed)
        };
        let numbered = !seq_cell.is_empty() || parts.number.is_some();
        let seq = if seq_cell.is_empty() {
            parts.number.clone().unwrap_or_default()
        } else {
            seq_cell
        };
        let this = |ctx: &Self| Parent {
            row: rec.row,
            name: own.clone(),
            seq: seq.clone(),
            // the name's unit (`（%）`), else the unit column's
            unit: parts
                .unit
                .clone()
                .unwrap_or_else(|| ctx.filled(rec, Field::Unit)),
            attribute: ctx.attribute_text(rec),
        };
        if !sub.is_empty() {
            let parent = if printed.is_empty() {
                self.merged.clone()
            } else {
                Some(this(self))
            };
            let Some(parent) = parent else {
                let col = self.layout.column(Field::Name).unwrap_or(0);
                self.error(rec, col, "the indicator name is empty");
                return None;
            };
            self.merged = Some(parent.clone());
            let (sub_name, mut sub_parts) = name::read(&sub);
            sub_parts.parent = Some(parent.name.clone());
            return Some(RowName {
                name: format!("{}：{sub_name}", parent.name),
                parts: sub_parts,
                seq: parent.seq.clone(),
                parent: Some(parent),
            });
        }
        if printed.is_empty() {
            let col = self.layout.column(Field::Name).unwrap_or(0);
            self.error(rec, col, "the indicator name is empty");
            return None;
        }
        self.merged = None;
        if numbered {
            self.parent = None;
        } else if let Some(parent) = self.parent.clone() {
            parts.parent = Some(parent.name.clone());
            return Some(RowName {
                name: format!("{}：{own}", parent.name),
                parts,
                seq: parent.seq.clone(),
                parent: Some(parent),
            });
        }
        Some(RowName {
            name: own,
            parts,
            seq,
            parent: None,
        })
    }

    /// A numbered row without a value may be the parent of the rows below it; the first of
    /// them takes its place.
    pub(super) fn adopt(&mut self, rows: &[Indicator], seq: &str, is_child: bool, rec: &Record) {
        if is_child {
            if let Some(p) = &self.parent {
                let at = p.row;
                self.out.retain(|i| i.row != at);
            }
            return;
        }
        let blank = rows.iter().all(|i| {
            i.base.is_none() && (i.target.is_none() || i.target_from_rate) && i.rate.is_none()
        });
        self.parent = match rows.first() {
            Some(first) if blank && !seq.is_empty() && self.merged.is_none() => Some(Parent {
                row: rec.row,
                name: first.name.clone(),
                seq: seq.to_string(),
                unit: first
                    .name_parts
                    .unit
                    .clone()
                    .unwrap_or_else(|| first.unit.raw.clone()),
                attribute: first.attribute,
            }),
            _ => None,
        };
    }
}
