//! Raw records → indicators: finds the header under any title lines, reads every cell, and
//! collects every unreadable cell of the table before failing.

use super::frame::{Header, Line, foreign_delimiter, pipe_hint};
use super::header::{Field, Layout};
use super::indicator::{Attribute, Indicator};
use super::normalize::{excel_date_hint, fold};
use super::notation::Cell;
use super::unit::Unit;
use super::{Record, Table};
use crate::error::{CellError, Error, Result};
use std::collections::HashMap;
use std::path::Path;

pub fn build(path: &Path, records: &[Record], default_region: &str) -> Result<Table> {
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
        category: String::new(),
        region: default_region.to_string(),
        plan: String::new(),
    };
    let mut indicators = Vec::new();
    for rec in &records[header.first_data..] {
        if let Some(problem) = foreign_delimiter(rec, headers.len()) {
            ctx.error(rec, 0, problem);
            continue;
        }
        match header.line(rec) {
            Line::Data => indicators.extend(ctx.row(rec)),
            Line::Banner(category) => ctx.category = category,
            Line::Skip => {}
        }
    }
    check_duplicates(&indicators, &layout, &headers, &mut ctx.errors);
    if !ctx.errors.is_empty() {
        ctx.errors.sort_by_key(|e| (e.row, e.column));
        return Err(Error::Cells {
            path: path.to_path_buf(),
            errors: ctx.errors,
        });
    }
    if indicators.is_empty() {
        return Err(Error::format(
            path,
            format!(
                "has a header row (row {}) but no indicator rows under it",
                records[header.at].row
            ),
        ));
    }
    Ok(Table {
        path: path.to_path_buf(),
        indicators,
    })
}

struct RowContext<'a> {
    path: &'a Path,
    layout: &'a Layout,
    headers: &'a [String],
    errors: Vec<CellError>,
    /// Carried down: merged category cells leave the rows below blank.
    category: String,
    region: String,
    plan: String,
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

    /// One record → one indicator per target column (2025, 2035 …).
    fn row(&mut self, rec: &Record) -> Vec<Indicator> {
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
        let name = match self.text(rec, Field::Name) {
            Some((_, t)) if !t.is_empty() => t,
            _ => {
                self.error(
                    rec,
                    self.layout.column(Field::Name).unwrap_or(0),
                    "the indicator name is empty",
                );
                String::new()
            }
        };
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
        let unit = Unit::parse(&self.text(rec, Field::Unit).map(|t| t.1).unwrap_or_default());
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
        let (rate_col, rate_cumulative) =
            match self
                .layout
                .fields
                .iter()
                .enumerate()
                .find_map(|(i, f)| match f {
                    Some(Field::Rate { cumulative }) => Some((i, *cumulative)),
                    _ => None,
                }) {
                Some((i, c)) => (Some(i), c),
                None => (None, false),
            };
        let rate = self.cell(rec, rate_col);
        let attribute = match self.text(rec, Field::Attribute) {
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
        let sigma = match self.text(rec, Field::Sigma) {
            Some((_, t)) if t.is_empty() => None,
            // in points, as every rate of a table (2 = 2 points a year); the engine's unit is
            // a fraction
            Some((col, t)) => match crate::scenario::parse_percent(&fold(&t)) {
                Some((s, _)) if (0.0..=100.0).contains(&s) => Some(s / 100.0),
                _ => {
                    self.error(
                        rec,
                        col,
                        "expected a volatility in points from 0 to 100 (2 = 2 points a year)",
                    );
                    None
                }
            },
            None => None,
        };
        let template = Indicator {
            region: self.region.clone(),
            plan: self.plan.clone(),
            seq: self.text(rec, Field::Seq).map(|t| t.1).unwrap_or_default(),
            category: self.category.clone(),
            name,
            name_en: self
                .text(rec, Field::NameEn)
                .map(|t| t.1)
                .unwrap_or_default(),
            unit,
            base_year,
            base,
            target_year: 0,
            target: Cell::none(),
            rate,
            rate_cumulative,
            attribute,
            sigma,
            source: self
                .text(rec, Field::Source)
                .map(|t| t.1)
                .unwrap_or_default(),
            file: self.path.to_path_buf(),
            row: rec.row,
        };
        let out = self.targets(rec, template);
        if self.errors.len() > n_errors {
            Vec::new()
        } else {
            out
        }
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
            if k > 0 {
                // the stated rate belongs to the plan period, not to later goals
                ind.rate = Cell::none();
            }
            out.push(ind);
        }
        out
    }
}

fn header_label(headers: &[String], col: usize) -> String {
    match headers.get(col).map(|h| fold(h)) {
        Some(h) if !h.is_empty() => h,
        _ => format!("column {}", col + 1),
    }
}

fn check_duplicates(
    inds: &[Indicator],
    layout: &Layout,
    headers: &[String],
    errors: &mut Vec<CellError>,
) {
    let col = layout.column(Field::Name).unwrap_or(0);
    let mut seen: HashMap<(&str, &str, &str, i32), usize> = HashMap::new();
    for ind in inds {
        let key = (
            ind.region.as_str(),
            ind.plan.as_str(),
            ind.name.as_str(),
            ind.target_year,
        );
        if let Some(first) = seen.insert(key, ind.row) {
            errors.push(CellError {
                row: ind.row,
                column: col + 1,
                header: header_label(headers, col),
                text: ind.name.clone(),
                expected: format!(
                    "a second row for this indicator and target year {} (first at row {first}); \
                     give each (region, indicator, target year) one row",
                    ind.target_year
                ),
            });
        }
    }
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
        build(Path::new("t.csv"), &records, "科尔沁区")
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
