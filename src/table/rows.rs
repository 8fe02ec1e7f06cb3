//! Raw records → indicators: finds the header under any title lines, reads every cell, names
//! sub-items after their parent row, and collects every unreadable cell of the table. Rows with
//! an unreadable cell are left out and reported; the others are the table.

use super::frame::{Header, Line, foreign_delimiter, pipe_hint};
use super::header::{Field, Layout};
use super::indicator::{Attribute, Indicator, RateKind};
use super::name::{self, NameParts};
use super::normalize::{excel_date_hint, fold};
use super::notation::{Cell, Form};
use super::unit::Unit;
use super::{Record, Table, Warning, annotate, notes};
use crate::error::{CellError, Error, Result};
use std::collections::HashMap;
use std::path::Path;

pub fn build(path: &Path, records: &[Record], default_region: &str, strict: bool) -> Result<Table> {
    let mut header = Header::find(records).ok_or_else(|| {
        let msg = if records
            .iter()
            .all(|r| r.cells.iter().all(|c| fold(c).is_empty()))
        {
            "is empty".to_string()
        } else {
            format!(
                "has no header row: expected a row naming an `indicator` (or 指标/指标名称) \
                 column, with `unit`/单位, `base`/2020年, `target`/2025年目标, `rate`/年均增长{}",
                pipe_hint(records)
            )
        };
        Error::format(path, msg)
    })?;
    let layout = header.layout.clone();
    let headers = header.cells.clone();
    let mut ctx = RowContext {
        path,
        layout: &layout,
        headers: &headers,
        errors: Vec::new(),
        out: Vec::new(),
        category: String::new(),
        region: default_region.to_string(),
        plan: String::new(),
        parent: None,
        merged: None,
    };
    let mut note_lines = Vec::new();
    for rec in &records[header.first_data..] {
        if let Some(problem) = foreign_delimiter(rec, headers.len()) {
            ctx.error(rec, 0, problem);
            continue;
        }
        match header.line(rec) {
            Line::Data => ctx.row(rec),
            Line::Banner(category) => {
                ctx.category = category;
                ctx.parent = None;
                ctx.merged = None;
            }
            Line::Note(text) => note_lines.push((rec.row, text)),
            Line::Skip => {}
        }
    }
    let mut warnings = unread_columns(&layout, &headers, records, &header);
    let mut indicators = std::mem::take(&mut ctx.out);
    let mut notes = notes::parse(&note_lines);
    annotate::apply(&mut notes, &mut indicators, &mut warnings);
    let mut errors = std::mem::take(&mut ctx.errors);
    check_duplicates(&mut indicators, &layout, &headers, &mut errors);
    errors.sort_by_key(|e| (e.row, e.column));
    if indicators.is_empty() && errors.is_empty() {
        return Err(Error::format(
            path,
            format!(
                "has a header row (row {}) but no indicator rows under it",
                records[header.at].row
            ),
        ));
    }
    if !errors.is_empty() && (strict || indicators.is_empty()) {
        return Err(Error::Cells {
            path: path.to_path_buf(),
            errors,
        });
    }
    Ok(Table {
        path: path.to_path_buf(),
        indicators,
        notes,
        unread: errors,
        warnings,
    })
}

/// A row whose name is merged over the rows below it in the document.
#[derive(Clone, Debug)]
struct Parent {
    row: usize,
    name: String,
    seq: String,
    unit: String,
    attribute: Attribute,
}

struct RowContext<'a> {
    path: &'a Path,
    layout: &'a Layout,
    headers: &'a [String],
    errors: Vec<CellError>,
    out: Vec<Indicator>,
    /// Carried down: merged category cells leave the rows below blank.
    category: String,
    region: String,
    plan: String,
    /// A numbered row without values (`10.每千人口拥有医护人员数`): unnumbered rows right below
    /// it are its sub-items.
    parent: Option<Parent>,
    /// The name beside a sub-name column, carried down its merged cells.
    merged: Option<Parent>,
}

/// What a row's name cell says, with its parent's part when it is a sub-item.
struct RowName {
    name: String,
    parts: NameParts,
    seq: String,
    parent: Option<Parent>,
}

impl RowContext<'_> {
    fn error(&mut self, rec: &Record, col: usize, expected: impl Into<String>) {
        let mut expected = expected.into();
        if col >= rec.cells.len() {
            // a cut-off row: say so, not only what the missing cell should have held
            expected.push_str(&format!(
                " (the row ends after {} cell{}, the header has {} columns)",
                rec.cells.len(),
                if rec.cells.len() == 1 { "" } else { "s" },
                self.headers.len()
            ));
        }
        self.errors.push(CellError {
            row: rec.row,
            column: col + 1,
            header: header_label(self.headers, col),
            text: rec.cells.get(col).cloned().unwrap_or_default(),
            expected,
        });
    }

    fn text(&self, rec: &Record, field: Field) -> Option<(usize, String)> {
        let col = self.layout.column(field)?;
        Some((
            col,
            rec.cells
                .get(col)
                .map(|c| c.trim().to_string())
                .unwrap_or_default(),
        ))
    }

    fn filled(&self, rec: &Record, field: Field) -> String {
        self.text(rec, field).map(|t| t.1).unwrap_or_default()
    }

    fn cell(&mut self, rec: &Record, col: Option<usize>) -> Cell {
        let Some(col) = col else { return Cell::none() };
        let raw = rec.cells.get(col).map(|c| c.trim()).unwrap_or_default();
        match Cell::parse(raw) {
            Ok(c) => c,
            Err(e) => {
                let expected = excel_date_hint(raw).unwrap_or_else(|| e.to_string());
                self.error(rec, col, expected);
                Cell::none()
            }
        }
    }

    fn year(&mut self, rec: &Record, field: Field, header_year: Option<i32>, what: &str) -> i32 {
        match self.text(rec, field) {
            Some((col, t)) if !t.is_empty() => match fold(&t).trim_end_matches('年').parse::<i32>()
            {
                Ok(y) if (1900..=2200).contains(&y) => y,
                _ => {
                    self.error(rec, col, format!("expected a {what} year such as 2020"));
                    0
                }
            },
            found => match header_year {
                Some(y) => y,
                None => {
                    let col =
                        found.map_or(self.layout.column(Field::Name).unwrap_or(0), |(c, _)| c);
                    self.error(
                        rec,
                        col,
                        format!("no {what} year: fill a `{what}_year` column or write the year in the header (2020年)"),
                    );
                    0
                }
            },
        }
    }

    /// The row's name: its own, or a sub-item's under its parent (a sub-name column beside a
    /// merged name, or an unnumbered row under a numbered row without values).
    fn name(&mut self, rec: &Record) -> Option<RowName> {
        let printed = self.filled(rec, Field::Name);
        let sub = self.filled(rec, Field::SubName);
        let (own, mut parts) = name::read(&printed);
        let seq_cell = self.filled(rec, Field::Seq);
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
            unit: parts.unit.clone().unwrap_or_default(),
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

    fn attribute_text(&self, rec: &Record) -> Attribute {
        Attribute::parse(&self.filled(rec, Field::Attribute)).unwrap_or(Attribute::Unstated)
    }

    /// One record → one indicator per target column (2025, 2035 …), added to `out`.
    fn row(&mut self, rec: &Record) {
        let n_errors = self.errors.len();
        let width = self.headers.len();
        if let Some(extra) = rec
            .cells
            .iter()
            .skip(width)
            .position(|c| !fold(c).is_empty())
        {
            self.error(
                rec,
                width + extra,
                format!(
                    "the row has {} cells but the header only {width} columns",
                    rec.cells.len()
                ),
            );
        }
        let row_name = self.name(rec);
        if let Some((_, c)) = self
            .text(rec, Field::Category)
            .filter(|(_, c)| !c.is_empty())
        {
            self.category = c;
        }
        if let Some((_, r)) = self.text(rec, Field::Region).filter(|(_, r)| !r.is_empty()) {
            self.region = r;
        }
        if let Some((_, p)) = self.text(rec, Field::Plan).filter(|(_, p)| !p.is_empty()) {
            self.plan = p;
        }
        let parent = row_name.as_ref().and_then(|n| n.parent.clone());
        let mut row_name = row_name;
        let unit_text = match self.filled(rec, Field::Unit) {
            u if !u.is_empty() => {
                // a name's unit the unit column contradicts stays in the name; check says so
                if let Some(n) = row_name.as_mut()
                    && let Some(own) = &n.parts.unit
                    && !name::same_unit(own, &u)
                {
                    n.name = n.parts.with_unit(&n.name);
                }
                u
            }
            _ => row_name
                .as_ref()
                .and_then(|n| n.parts.unit.clone())
                .or_else(|| parent.as_ref().map(|p| p.unit.clone()))
                .unwrap_or_default(),
        };
        let unit = Unit::parse(&unit_text);
        let base_col = self
            .layout
            .fields
            .iter()
            .position(|f| matches!(f, Some(Field::Base(_))));
        let header_base_year = base_col.and_then(|c| match self.layout.fields[c] {
            Some(Field::Base(y)) => y,
            _ => None,
        });
        let base_year = self.year(rec, Field::BaseYear, header_base_year, "base");
        let base = self.cell(rec, base_col);
        let rate_col = self.layout.rate();
        let rate = self.cell(rec, rate_col.map(|r| r.0));
        let mut attribute = match self.text(rec, Field::Attribute) {
            Some((col, t)) => Attribute::parse(&t).unwrap_or_else(|| {
                self.error(
                    rec,
                    col,
                    "expected 预期性 (expected), 约束性 (binding) or empty",
                );
                Attribute::Unstated
            }),
            None => Attribute::Unstated,
        };
        if attribute == Attribute::Unstated
            && let Some(p) = &parent
        {
            attribute = p.attribute;
        }
        let sigma = match self.text(rec, Field::Sigma) {
            Some((_, t)) if t.is_empty() => None,
            Some((col, t)) => match fold(&t).parse::<f64>() {
                Ok(s) if s.is_finite() && (0.0..=1.0).contains(&s) => Some(s),
                _ => {
                    self.error(
                        rec,
                        col,
                        "expected a volatility between 0 and 1 (0.02 = 2 points a year)",
                    );
                    None
                }
            },
            None => None,
        };
        let Some(row_name) = row_name else { return };
        let rate_kind = rate_kind(
            &row_name.name,
            &unit,
            &rate,
            rate_col.map(|(c, cumulative, average)| {
                (cumulative, average, header_label(self.headers, c))
            }),
        );
        let template = Indicator {
            region: self.region.clone(),
            plan: self.plan.clone(),
            seq: row_name.seq.clone(),
            category: self.category.clone(),
            name: row_name.name.clone(),
            name_parts: row_name.parts,
            name_en: self.filled(rec, Field::NameEn),
            unit,
            base_year,
            base,
            target_year: 0,
            target: Cell::none(),
            rate,
            rate_cumulative: rate_kind.is_total(),
            rate_kind,
            target_from_rate: false,
            attribute,
            sigma,
            source: self.filled(rec, Field::Source),
            remark: self.filled(rec, Field::Remark),
            notes: Vec::new(),
            file: self.path.to_path_buf(),
            row: rec.row,
        };
        let out = self.targets(rec, template);
        if self.errors.len() > n_errors {
            return;
        }
        self.adopt(&out, &row_name.seq, parent.is_some(), rec);
        self.out.extend(out);
    }

    /// A numbered row without a value may be the parent of the rows below it; the first of
    /// them takes its place.
    fn adopt(&mut self, rows: &[Indicator], seq: &str, is_child: bool, rec: &Record) {
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
                unit: first.name_parts.unit.clone().unwrap_or_default(),
                attribute: first.attribute,
            }),
            _ => None,
        };
    }

    fn targets(&mut self, rec: &Record, template: Indicator) -> Vec<Indicator> {
        let cols: Vec<(usize, Option<i32>)> = self
            .layout
            .fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| match f {
                Some(Field::Target(y)) => Some((i, *y)),
                _ => None,
            })
            .collect();
        if cols.is_empty() {
            let col = self.layout.column(Field::Name).unwrap_or(0);
            self.error(
                rec,
                col,
                "the table has no target column (target, 2025年目标, 目标值)",
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for (k, (col, header_year)) in cols.iter().enumerate() {
            let target = self.cell(rec, Some(*col));
            // a later target column (2035) left empty is no target, not an empty one
            if k > 0 && target.is_none() {
                continue;
            }
            let target_year = self.year(rec, Field::TargetYear, *header_year, "target");
            if target_year != 0 && template.base_year != 0 && target_year <= template.base_year {
                self.error(
                    rec,
                    self.layout.column(Field::TargetYear).unwrap_or(*col),
                    format!(
                        "target year {target_year} is not after the base year {}",
                        template.base_year
                    ),
                );
            }
            let mut ind = template.clone();
            ind.target_year = target_year;
            ind.target = target;
            if k == 0 && ind.target.is_none() {
                target_from_rate(&mut ind);
            }
            if k > 0 {
                // the stated rate belongs to the plan period, not to later goals
                ind.rate = Cell::none();
                ind.rate_kind = RateKind::Annual;
                ind.rate_cumulative = false;
            }
            out.push(ind);
        }
        out
    }
}

/// Words of a name that make it a change over time (a total of it is a percentage change).
const CHANGE_WORDS: [&str; 10] = [
    "降低", "下降", "减少", "削减", "压减", "提高", "增长", "增速", "上升", "增幅",
];

/// What the rate column states for a row: `(cumulative, average, header)` of its column.
fn rate_kind(
    name: &str,
    unit: &Unit,
    rate: &Cell,
    column: Option<(bool, bool, String)>,
) -> RateKind {
    let Some((cumulative, average, header)) = column else {
        return RateKind::Annual;
    };
    let change_named = CHANGE_WORDS.iter().any(|w| name.contains(w));
    if rate.is_period_total() || (cumulative && rate.is_numeric()) {
        let growth_header = ["增长", "增速", "增幅"].iter().any(|w| header.contains(w));
        return if change_named || growth_header || (rate.percent && !unit.is_share()) {
            RateKind::TotalPercent
        } else {
            RateKind::TotalAmount
        };
    }
    if average && !change_named && rate.is_numeric() {
        return RateKind::Yearly;
    }
    RateKind::Annual
}

/// An empty target read from the rate column: a yearly value is the target year's too; a
/// percentage total is the target as a total; a total amount from a baseline is a change from
/// it (`〔1〕` 岁 from 77.3), without a baseline a running total.
fn target_from_rate(ind: &mut Indicator) {
    let mut target = ind.rate.clone();
    match ind.rate_kind {
        RateKind::Annual => return,
        RateKind::Yearly => {}
        RateKind::TotalPercent => {
            target.period.get_or_insert_with(String::new);
        }
        RateKind::TotalAmount => match (&ind.rate.form, ind.base_level()) {
            (Form::Number { value }, Some(_)) => {
                target.form = Form::Points { value: *value };
                target.period = None;
            }
            (_, Some(_)) => return,
            (_, None) => {
                target.period.get_or_insert_with(String::new);
            }
        },
    }
    ind.target = target;
    ind.target_from_rate = true;
}

/// Columns rows do not read, and columns repeating a field: each reported once, with its
/// header (or its first filled cell when it has no header).
fn unread_columns(
    layout: &Layout,
    headers: &[String],
    records: &[Record],
    header: &Header,
) -> Vec<Warning> {
    let header_row = records[header.at].row;
    let repeated = layout.repeated();
    let mut out = Vec::new();
    for (col, field) in layout.fields.iter().enumerate() {
        let filled = records[header.first_data..].iter().find_map(|r| {
            r.cells
                .get(col)
                .filter(|c| !fold(c).is_empty())
                .map(|c| (r.row, c.trim().to_string()))
        });
        let title = headers.get(col).map(|h| h.trim()).unwrap_or_default();
        let message = if field.is_none() && (!title.is_empty() || filled.is_some()) {
            "a column plansim does not read: its cells are not used (headers it reads: \
             序号, 类别, 指标, 单位, a year such as 2020年 or 2025年目标, 年均增长 or 年均/累计 or \
             累计, 属性, 备注, or the canonical English ones)"
                .to_string()
        } else if repeated.contains(&col) {
            format!(
                "a second column of its kind: only the first (`{}`) is read",
                layout
                    .fields
                    .iter()
                    .position(|f| f.is_some()
                        && std::mem::discriminant(f) == std::mem::discriminant(field))
                    .map(|c| header_label(headers, c))
                    .unwrap_or_default()
            )
        } else {
            continue;
        };
        let (row, text) = match (title.is_empty(), &filled) {
            (true, Some((row, text))) => (*row, text.clone()),
            _ => (header_row, title.to_string()),
        };
        out.push(Warning {
            row,
            column: col + 1,
            header: header_label(headers, col),
            text,
            message,
        });
    }
    out
}

fn header_label(headers: &[String], col: usize) -> String {
    match headers.get(col).map(|h| fold(h)) {
        Some(h) if !h.is_empty() => h,
        _ => format!("column {}", col + 1),
    }
}

/// A second row for the same (region, plan, indicator, target year) is an error and left out,
/// unless both rows name different sources: the document states the target twice, and `check`
/// reports whether the statements agree (`restated-target`).
fn check_duplicates(
    inds: &mut Vec<Indicator>,
    layout: &Layout,
    headers: &[String],
    errors: &mut Vec<CellError>,
) {
    let col = layout.column(Field::Name).unwrap_or(0);
    let mut seen: HashMap<(String, String, String, i32), (usize, String)> = HashMap::new();
    let mut dropped = Vec::new();
    for (i, ind) in inds.iter().enumerate() {
        let key = (
            ind.region.clone(),
            ind.plan.clone(),
            ind.name.clone(),
            ind.target_year,
        );
        match seen.get(&key) {
            Some((_, source)) if !ind.source.is_empty() && *source != ind.source => {}
            Some((first, _)) => {
                errors.push(CellError {
                    row: ind.row,
                    column: col + 1,
                    header: header_label(headers, col),
                    text: ind.name.clone(),
                    expected: format!(
                        "a second row for this indicator and target year {} (first at row \
                         {first}); give each (region, indicator, target year) one row, or name \
                         each statement's `source` when the document states it twice",
                        ind.target_year
                    ),
                });
                dropped.push(i);
            }
            None => {
                seen.insert(key, (ind.row, ind.source.clone()));
            }
        }
    }
    let mut i = 0;
    inds.retain(|_| {
        i += 1;
        !dropped.contains(&(i - 1))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(lines: &[&[&str]]) -> Result<Table> {
        let records: Vec<Record> = lines
            .iter()
            .enumerate()
            .map(|(i, cells)| Record {
                row: i + 1,
                cells: cells.iter().map(|s| s.to_string()).collect(),
            })
            .collect();
        build(Path::new("t.csv"), &records, "科尔沁区", false)
    }

    /// A row cut off after its base year: the missing target year says where the row ends.
    #[test]
    fn cut_off_rows_say_so() {
        let err = table(&[
            &[
                "indicator",
                "unit",
                "base_year",
                "base",
                "target_year",
                "target",
            ],
            &["森林覆盖率", "%", "2020"],
        ])
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("t.csv:2:5: row 2, column 5 (target_year): ``: no target year")
                && err.contains("(the row ends after 3 cells, the header has 6 columns)"),
            "{err}"
        );
    }

    /// Pasted from a document: a two-row header, categories as banner rows, a two-line note.
    #[test]
    fn banners_give_the_category_of_the_rows_below() {
        let t = table(&[
            &["序号", "指标", "单位", "2020年", "2025年", "属性"],
            &["", "", "", "预计", "目标", ""],
            &["一、经济发展", "", "", "", "", ""],
            &["1", "地区生产总值", "亿元", "305.8", "430", "预期性"],
            &["二、民生福祉", "", "", "", "", ""],
            &["2", "人均预期寿命", "岁", "76", "77", "预期性"],
            &["注：1.地区生产总值按当年价格计算", "", "", "", "", ""],
            &["2.人均预期寿命为预计数", "", "", "", "", ""],
        ])
        .unwrap();
        let got: Vec<String> = t
            .indicators
            .iter()
            .map(|i| {
                format!(
                    "{} {} {} {}→{}",
                    i.row, i.category, i.name, i.base_year, i.target_year
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "4 经济发展 地区生产总值 2020→2025",
                "6 民生福祉 人均预期寿命 2020→2025"
            ]
        );
    }
}
