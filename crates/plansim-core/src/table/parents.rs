//! Sub-items: rows named under a parent row merged over them in the document — a numbered row
//! without values (`10.每千人口拥有医护人员数`) over unnumbered rows, or a name beside a column
//! of sub-names (`（25）主要污染物排放总量减少（%）` beside `化学需氧量`, `氨氮`, …).

use super::Record;
use super::frame::{Header, Line};
use super::header::Field;
use super::indicator::{Attribute, Indicator};
use super::name::{self, NameParts};
use super::normalize::fold;
use super::rows::RowContext;
use super::source::Records;
use crate::error::Result;
use crate::lang::Text;
use std::ops::ControlFlow;

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
        let numbered_here = parts.number.is_some();
        let numbered = !seq_cell.is_empty() || numbered_here;
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
                self.error(
                    rec,
                    col,
                    Text::say(
                        format!(
                            "the name cell is empty beside `{sub}`, and no row above names what \
                             `{sub}` is a part of: put the parent's name in this column on the \
                             first of its sub-items (or above them), as the document merges it"
                        ),
                        format!(
                            "`{sub}` 旁的名称单元格为空，上方也没有哪一行写明 `{sub}` 属于哪个指标：\
                             请在其第一个子项（或子项上方）的这一列填上上级指标名称，即文件中合并\
                             单元格里的名称"
                        ),
                    ),
                );
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
            let above = self.out.last().map(|i| i.name.clone());
            let why = match above {
                // a layout question, not a name to alias
                Some(name) => Text::say(
                    format!(
                        "the indicator name is empty while other cells of the row are filled: a \
                         name cell merged over this row and the one above (`{name}`) keeps its \
                         text in the first row only; give each row its own name, or put \
                         sub-items in a column of their own beside the name"
                    ),
                    format!(
                        "指标名称为空，而该行其他单元格有内容：跨本行和上一行（`{name}`）合并的\
                         名称单元格只在第一行保留文字；请给每一行写上自己的名称，或把子项放在\
                         名称旁单独的一列"
                    ),
                ),
                None => Text::say("the indicator name is empty", "指标名称为空"),
            };
            self.error(rec, col, why);
            return None;
        }
        // beside a sub-name column a name with its sub-name blank may head the sub-items below
        self.merged = self.layout.column(Field::SubName).map(|_| this(self));
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
    pub(super) fn adopt(
        &mut self,
        rows: &[Indicator],
        seq: &str,
        parent_row: Option<usize>,
        rec: &Record,
    ) {
        let blank = |i: &Indicator| {
            i.base.is_none() && (i.target.is_none() || i.target_from_rate) && i.rate.is_none()
        };
        if let Some(at) = parent_row {
            // the parent row without figures of its own is its sub-items' heading only
            self.out.retain(|i| i.row != at || !blank(i));
            return;
        }
        let blank = rows.iter().all(blank);
        self.parent = match rows.first() {
            Some(first) if blank && !seq.is_empty() => Some(Parent {
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

/// `指标` over two columns without a category column: the first is a category merged down its
/// block when every row filling it fills the second too; a row with the first filled and the
/// second blank makes them a name and its sub-items.
pub(super) fn two_name_columns(
    header: &Header,
    records: &Records,
) -> Result<Option<(usize, usize)>> {
    let fields = &header.layout.fields;
    let Some(cat) = fields.iter().position(|f| *f == Some(Field::Category)) else {
        return Ok(None);
    };
    if fields.get(cat + 1).copied().flatten() != Some(Field::Name)
        || !fold(header.cells.get(cat + 1).map_or("", |s| s)).is_empty()
    {
        return Ok(None);
    }
    let mut frame = header.clone();
    let cell = |r: &Record, c: usize| fold(r.cells.get(c).map_or("", |s| s)).is_empty();
    let mut found = false;
    records.scan(header.first_data, |r| {
        found = frame.line(r) == Line::Data && !cell(r, cat) && cell(r, cat + 1);
        if found {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    Ok(found.then_some((cat, cat + 1)))
}
