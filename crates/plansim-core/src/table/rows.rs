//! Raw records → indicators: finds the header under any title lines, reads every cell, names
//! sub-items after their parent row, and collects every unreadable cell of the table. Rows with
//! an unreadable cell are left out and reported; the others are the table.

use super::columns::unread_columns;
use super::duplicates::check_duplicates;
use super::frame::{HEADER_SEARCH, Header, Line, foreign_delimiter, pipe_hint};
use super::header::{Field, Layout};
use super::indicator::{Attribute, Indicator, RateKind};
use super::name;
use super::normalize::{excel_date_hint, fold};
use super::notation::Cell;
use super::parents::{Parent, RowName};
use super::rate_column::{rate_kind, target_from_rate};
use super::row_details::RowDetails;
use super::source::Records;
use super::unit::Unit;
use super::{Record, Table, annotate, notes};
use crate::error::{CellError, Error, Result};
use crate::lang::Text;
use std::ops::ControlFlow;
use std::path::Path;

/// Reads the records into a table; each record is let go once its row is read, and a text
/// table's records are split again from the text for each pass, so a large table is never held
/// as raw cells beside its indicators.
pub(super) fn build(
    path: &Path,
    records: Records,
    default_region: &str,
    strict: bool,
) -> Result<Table> {
    // the header is within the first rows, with the row under it
    let head = records.head(HEADER_SEARCH + 1)?;
    let Some(mut header) = Header::find(&head) else {
        return Err(no_header(path, &head, &records)?);
    };
    if let Some((name, sub)) = super::parents::two_name_columns(&header, &records)? {
        header.layout.fields[name] = Some(Field::Name);
        header.layout.fields[sub] = Some(Field::SubName);
    }
    let layout = header.layout.clone();
    let headers = header.cells.clone();
    let mut ctx = RowContext {
        file: path.into(),
        layout: &layout,
        headers: &headers,
        errors: Vec::new(),
        out: Vec::new(),
        category: String::new(),
        region: default_region.into(),
        plan: crate::text::Shared::default(),
        parent: None,
        merged: None,
        base_preliminary: false,
    };
    // `2020年预计` (a header over two rows: `2020年` above `预计`): every baseline under it is
    // preliminary, as a `(预计)` after the number says; read once for the table
    ctx.base_preliminary = ctx
        .base_column()
        .0
        .and_then(|c| headers.get(c))
        .is_some_and(|h| super::marks::header_says_preliminary(h));
    // what needs every raw cell is found before the rows are read and their cells let go
    let header_row = head[header.at].row;
    let mut warnings = unread_columns(&layout, &headers, &records, &header, header_row)?;
    let (long, count) = super::columns::long_cells(&headers, &records)?;
    warnings.extend(long);
    ctx.out
        .reserve_exact(count.saturating_sub(header.first_data));
    let note_lines = ctx.lines(&mut header, records)?;
    let mut indicators = std::mem::take(&mut ctx.out);
    let mut notes = notes::parse(&note_lines);
    annotate::apply(&mut notes, &mut indicators, &mut warnings);
    super::alternative::attach(&notes, &mut indicators);
    let mut errors = std::mem::take(&mut ctx.errors);
    check_duplicates(&mut indicators, &layout, &headers, &mut errors);
    indicators.iter_mut().for_each(Indicator::shrink);
    errors.sort_by_key(|e| (e.row, e.column));
    if indicators.is_empty() && errors.is_empty() {
        return Err(Error::format(
            path,
            Text::say(
                format!("has a header row (row {header_row}) but no indicator rows under it"),
                format!("有表头行（第 {header_row} 行），但其下没有指标行"),
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

/// Why no header was found: nothing in the file, or no row naming the columns.
fn no_header(path: &Path, head: &[Record], records: &Records) -> Result<Error> {
    let mut empty = true;
    records.scan(0, |r| {
        empty = r.cells.iter().all(|c| fold(c).is_empty());
        if empty {
            ControlFlow::Continue(())
        } else {
            ControlFlow::Break(())
        }
    })?;
    let msg = if empty {
        Text::say("is empty", "是空文件")
    } else {
        let (near, pipe) = (near_header(head), pipe_hint(head));
        Text::say(
            format!(
                "has no header row: expected a row naming an `indicator` (or 指标/指标名称) \
                 column, with `unit`/单位, `base`/2020年, `target`/2025年目标, `rate`/年均增长{}{}",
                near.en, pipe.en
            ),
            format!(
                "没有表头行：应有一行写明“指标”（或 指标名称、indicator）列，以及“单位”、\
                 “2020年”（基期）、“2025年目标”、“年均增长”等列{}{}",
                near.zh, pipe.zh
            ),
        )
    };
    Ok(Error::format(path, msg))
}

/// `base`, `target` in a Chinese sentence: 基期, 目标.
fn zh_year(what: &str) -> &'static str {
    if what == "base" { "基期" } else { "目标" }
}

/// A cell of the first rows a letter or two from a name of the indicator column (`指票`),
/// named with the name it is near: the typo that kept the header from being found.
fn near_header(head: &[Record]) -> Text {
    for r in head.iter().take(super::frame::HEADER_SEARCH) {
        for (c, cell) in r.cells.iter().enumerate() {
            let cell = cell.trim();
            let typo = |n: &String| cell.chars().count() <= n.chars().count() + 1;
            let near = crate::text::nearest(cell, super::header::NAME_HEADERS);
            if let Some(n) = near.iter().find(|n| typo(n)) {
                let (row, col) = (r.row, c + 1);
                return Text::say(
                    format!("; `{cell}` (row {row}, column {col}) is near `{n}`: did you mean it?"),
                    format!("；`{cell}`（第 {row} 行第 {col} 列）与 `{n}` 相近：是否想写 `{n}`？"),
                );
            }
        }
    }
    Text::default()
}

pub(super) struct RowContext<'a> {
    /// The table file, shared by its rows (a copy a row took some 48 bytes).
    pub(super) file: std::sync::Arc<Path>,
    pub(super) layout: &'a Layout,
    pub(super) headers: &'a [String],
    pub(super) errors: Vec<CellError>,
    pub(super) out: Vec<Indicator>,
    /// Carried down: merged category cells leave the rows below blank.
    pub(super) category: String,
    /// Every row of the same region (plan) shares one copy of its text.
    pub(super) region: crate::text::Shared,
    pub(super) plan: crate::text::Shared,
    /// A numbered row without values (`10.每千人口拥有医护人员数`): unnumbered rows right below
    /// it are its sub-items.
    pub(super) parent: Option<Parent>,
    /// The name beside a sub-name column, carried down its merged cells.
    pub(super) merged: Option<Parent>,
    /// The base column's header says its figures are preliminary (`2020年预计`).
    pub(super) base_preliminary: bool,
}

impl RowContext<'_> {
    /// Every line under the header: data rows read, banners setting the category, notes kept
    /// (row, text) for the caller.
    fn lines(&mut self, header: &mut Header, records: Records) -> Result<Vec<(usize, String)>> {
        let mut note_lines = Vec::new();
        records.drain(header.first_data, |rec| {
            let rec = &rec;
            if let Some(problem) = foreign_delimiter(rec, self.headers.len()) {
                self.error(rec, 0, problem);
                return;
            }
            match header.line(rec) {
                Line::Data => self.row(rec),
                Line::Banner(category) => {
                    self.category = super::normalize::join_lines(&category);
                    self.parent = None;
                    self.merged = None;
                }
                Line::Note(text) => note_lines.push((rec.row, text)),
                Line::Skip => {}
            }
        })?;
        Ok(note_lines)
    }

    pub(super) fn error(&mut self, rec: &Record, col: usize, mut why: Text) {
        if col >= rec.cells.len() {
            // a cut-off row: say so, not only what the missing cell should have held
            let (n, width) = (rec.cells.len(), self.headers.len());
            why.en.push_str(&format!(
                " (the row ends after {n} cell{}, the header has {width} columns)",
                if n == 1 { "" } else { "s" },
            ));
            why.zh
                .push_str(&format!("（该行只有 {n} 个单元格，表头有 {width} 列）"));
        }
        self.errors.push(CellError::new(
            rec.row,
            col + 1,
            header_label(self.headers, col),
            rec.cells.get(col).cloned().unwrap_or_default(),
            why,
        ));
    }

    pub(super) fn text(&self, rec: &Record, field: Field) -> Option<(usize, String)> {
        let col = self.layout.column(field)?;
        Some((
            col,
            rec.cells
                .get(col)
                .map(|c| c.trim().to_string())
                .unwrap_or_default(),
        ))
    }

    pub(super) fn filled(&self, rec: &Record, field: Field) -> String {
        self.text(rec, field).map(|t| t.1).unwrap_or_default()
    }

    pub(super) fn cell(&mut self, rec: &Record, col: Option<usize>) -> Cell {
        let Some(col) = col else { return Cell::none() };
        let raw = rec.cells.get(col).map(|c| c.trim()).unwrap_or_default();
        match Cell::parse(raw) {
            Ok(c) => c,
            Err(e) => {
                let expected = excel_date_hint(raw).unwrap_or_else(|| e.say());
                self.error(rec, col, expected);
                Cell::none()
            }
        }
    }

    /// A year from its column (`2020`, `2020年`, `2016(假定)` for a year the document does not
    /// print: assumed), else from the header; with whether it is assumed.
    fn year(
        &mut self,
        rec: &Record,
        field: Field,
        header_year: Option<i32>,
        what: &str,
    ) -> (i32, bool) {
        match self.text(rec, field) {
            Some((col, t)) if !t.is_empty() => {
                let folded = fold(&t);
                let (body, assumed) = match ASSUMED.iter().find_map(|w| folded.strip_suffix(w)) {
                    Some(body) => (body.to_string(), true),
                    None => (folded, false),
                };
                match body.trim_end_matches('年').parse::<i32>() {
                    Ok(y) if (1900..=2200).contains(&y) => (y, assumed),
                    _ => {
                        self.error(
                            rec,
                            col,
                            Text::say(
                                format!(
                                    "expected a {what} year such as 2020 (or 2020(假定) when \
                                     assumed)"
                                ),
                                format!(
                                    "应为{}年份，如 2020（假定的年份写作 2020(假定)）",
                                    zh_year(what)
                                ),
                            ),
                        );
                        (0, false)
                    }
                }
            }
            found => match header_year {
                Some(y) => (y, false),
                None => {
                    let col =
                        found.map_or(self.layout.column(Field::Name).unwrap_or(0), |(c, _)| c);
                    self.error(
                        rec,
                        col,
                        Text::say(
                            format!(
                                "no {what} year: fill a `{what}_year` column or write the year \
                                 in the header (2020年)"
                            ),
                            format!(
                                "没有{}年份：请填写 `{what}_year` 列，或在表头写明年份（2020年）",
                                zh_year(what)
                            ),
                        ),
                    );
                    (0, false)
                }
            },
        }
    }

    pub(super) fn attribute_text(&self, rec: &Record) -> Attribute {
        Attribute::parse(&self.filled(rec, Field::Attribute)).unwrap_or(Attribute::Unstated)
    }

    /// One record → one indicator per target column (2025, 2035 …), added to `out`.
    fn row(&mut self, rec: &Record) {
        let n_errors = self.errors.len();
        self.cells_past_the_header(rec);
        let row_name = self.name(rec);
        self.carry_down(rec);
        let parent = row_name.as_ref().and_then(|n| n.parent.clone());
        let mut row_name = row_name;
        let unit = Unit::parse(&self.unit_text(rec, row_name.as_mut(), parent.as_ref()));
        let (base_col, header_base_year) = self.base_column();
        let (base_year, base_year_assumed) =
            self.year(rec, Field::BaseYear, header_base_year, "base");
        let mut base = self.cell(rec, base_col);
        if self.base_preliminary && base.is_numeric() {
            base.preliminary = true;
        }
        let rate_col = self.layout.rate();
        let rate = self.cell(rec, rate_col.map(|r| r.0));
        let attribute = self.attribute(rec, parent.as_ref());
        let sigma = self.sigma(rec);
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
            name: row_name.name.clone(),
            name_parts: row_name.parts,
            unit,
            base_year,
            base_year_assumed,
            base,
            target_year: 0,
            target_year_assumed: false,
            target: Cell::none(),
            rate,
            rate_cumulative: rate_kind.is_total(),
            rate_kind,
            outcome: self.cell(rec, self.outcome_column()).into(),
            outcome_rate: self
                .cell(rec, self.layout.column(Field::OutcomeRate))
                .into(),
            target_from_rate: false,
            attribute,
            file: std::sync::Arc::clone(&self.file),
            row: rec.row,
            details: RowDetails {
                seq: row_name.seq.clone(),
                category: self.category.clone(),
                name_en: self.filled(rec, Field::NameEn),
                sigma,
                source: self.filled(rec, Field::Source),
                remark: self.filled(rec, Field::Remark),
                ..RowDetails::default()
            }
            .into(),
        };
        let out = self.targets(rec, template);
        if self.errors.len() > n_errors {
            return;
        }
        self.adopt(&out, &row_name.seq, parent.as_ref().map(|p| p.row), rec);
        // details written empty while the row was read are let go before it is kept
        self.out.extend(out.into_iter().map(|mut ind| {
            ind.shrink();
            ind
        }));
    }

    /// A filled cell right of the last header column is an error: the row is cut wrong.
    fn cells_past_the_header(&mut self, rec: &Record) {
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
                Text::say(
                    format!(
                        "the row has {} cells but the header only {width} columns",
                        rec.cells.len()
                    ),
                    format!("该行有 {} 个单元格，而表头只有 {width} 列", rec.cells.len()),
                ),
            );
        }
    }

    /// A filled category, region or plan cell holds for the rows below it.
    fn carry_down(&mut self, rec: &Record) {
        if let Some((_, c)) = self
            .text(rec, Field::Category)
            .filter(|(_, c)| !c.is_empty())
        {
            self.category = super::normalize::join_lines(&c);
        }
        // a region (plan) column repeating the same text keeps its one copy
        if let Some((_, r)) = self
            .text(rec, Field::Region)
            .filter(|(_, r)| !r.is_empty() && self.region != *r)
        {
            self.region = r.into();
        }
        if let Some((_, p)) = self
            .text(rec, Field::Plan)
            .filter(|(_, p)| !p.is_empty() && self.plan != *p)
        {
            self.plan = p.into();
        }
    }

    /// The unit column, else the unit in the name (`（%）`), else the parent row's.
    fn unit_text(
        &self,
        rec: &Record,
        row_name: Option<&mut RowName>,
        parent: Option<&Parent>,
    ) -> String {
        match self.filled(rec, Field::Unit) {
            u if !u.is_empty() => {
                // a name's unit the unit column contradicts stays in the name; check says so
                if let Some(n) = row_name
                    && let Some(own) = &n.parts.unit
                    && !name::same_unit(own, &u)
                {
                    n.name = n.parts.with_unit(&n.name);
                }
                u
            }
            _ => row_name
                .and_then(|n| n.parts.unit.clone())
                .or_else(|| parent.map(|p| p.unit.clone()))
                .unwrap_or_default(),
        }
    }

    /// The base column and the year its header names (`2020年`).
    fn base_column(&self) -> (Option<usize>, Option<i32>) {
        let base_col = self
            .layout
            .fields
            .iter()
            .position(|f| matches!(f, Some(Field::Base(_))));
        let header_base_year = base_col.and_then(|c| match self.layout.fields[c] {
            Some(Field::Base(y)) => y,
            _ => None,
        });
        (base_col, header_base_year)
    }

    /// 预期性/约束性 from its column; a sub-item without one takes its parent's.
    fn attribute(&mut self, rec: &Record, parent: Option<&Parent>) -> Attribute {
        let attribute = match self.text(rec, Field::Attribute) {
            Some((col, t)) => Attribute::parse(&t).unwrap_or_else(|| {
                self.error(
                    rec,
                    col,
                    Text::say(
                        "expected 预期性 (expected), 约束性 (binding) or empty",
                        "应为 预期性、约束性 或留空",
                    ),
                );
                Attribute::Unstated
            }),
            None => Attribute::Unstated,
        };
        match parent {
            Some(p) if attribute == Attribute::Unstated => p.attribute,
            _ => attribute,
        }
    }

    /// The row's own volatility, in points in the table and a fraction in the engine.
    fn sigma(&mut self, rec: &Record) -> Option<f64> {
        match self.text(rec, Field::Sigma) {
            Some((_, t)) if t.is_empty() => None,
            // in points, as every rate of a table (2 = 2 points a year)
            Some((col, t)) => match crate::text::parse_percent(&fold(&t)) {
                Some((s, _)) if (0.0..=100.0).contains(&s) => Some(s / 100.0),
                _ => {
                    self.error(
                        rec,
                        col,
                        Text::say(
                            "expected a volatility in points from 0 to 100 (2 = 2 points a year)",
                            "应为 0 到 100 之间的波动幅度（百分点；2 表示每年 2 个百分点）",
                        ),
                    );
                    None
                }
            },
            None => None,
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
                Text::say(
                    "the table has no target column (target, 2025年目标, 目标值)",
                    "表格没有目标列（2025年目标、目标值、target）",
                ),
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
            let (target_year, target_year_assumed) =
                self.year(rec, Field::TargetYear, *header_year, "target");
            if target_year != 0 && template.base_year != 0 && target_year <= template.base_year {
                self.error(
                    rec,
                    self.layout.column(Field::TargetYear).unwrap_or(*col),
                    Text::say(
                        format!(
                            "target year {target_year} is not after the base year {}",
                            template.base_year
                        ),
                        format!(
                            "目标年份 {target_year} 不晚于基期年份 {}",
                            template.base_year
                        ),
                    ),
                );
            }
            let mut ind = template.clone();
            ind.target_year = target_year;
            ind.target_year_assumed = target_year_assumed;
            ind.target = target;
            if k == 0 {
                self.achievement_rate_target(&mut ind);
            }
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

impl RowContext<'_> {
    /// The outcome column of an achievement table.
    fn outcome_column(&self) -> Option<usize> {
        self.layout
            .fields
            .iter()
            .position(|f| matches!(f, Some(Field::Outcome(_))))
    }

    /// An achievement table prints a rate row's target in the target column (`国内生产总值年均增长
    /// 7`, `五年城镇新增就业 [4000]`) and its outcome in the rate column: a row with neither base
    /// nor outcome level states its target as a rate, in the terms of the rate column.
    fn achievement_rate_target(&self, ind: &mut Indicator) {
        let Some(col) = self.layout.column(Field::OutcomeRate) else {
            return;
        };
        if !ind.base.is_none() || !ind.outcome.is_none() || ind.target.is_none() {
            return;
        }
        if !ind.rate.is_none() {
            return;
        }
        ind.rate = std::mem::replace(&mut ind.target, Cell::none());
        let header = header_label(self.headers, col);
        // the kind is the target's and the outcome's alike: a bracketed total in either says so
        let probe = if ind.rate.is_period_total() || !ind.outcome_rate.is_period_total() {
            ind.rate.clone()
        } else {
            (*ind.outcome_rate).clone()
        };
        ind.rate_kind = rate_kind(&ind.name, &ind.unit, &probe, Some((false, false, header)));
        ind.rate_cumulative = ind.rate_kind.is_total();
    }
}

/// What marks a year cell as assumed, folded: `2016(假定)`.
const ASSUMED: [&str; 3] = ["(假定)", "(假设)", "(assumed)"];

pub(super) fn header_label(headers: &[String], col: usize) -> String {
    match headers.get(col).map(|h| fold(h)) {
        Some(h) if !h.is_empty() => h,
        _ => format!("column {}", col + 1),
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
        build(
            Path::new("t.csv"),
            Records::Held(records),
            "科尔沁区",
            false,
        )
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

    /// A mark no note explains, a column not read and a second rate column are each named;
    /// the values still read.
    #[test]
    fn what_is_not_read_is_named() {
        let t = table(&[
            &[
                "指标",
                "单位",
                "2020年",
                "2025年",
                "年均增长",
                "累计增长",
                "牵头单位",
            ],
            &["森林覆盖率", "%", "23.2*", "24.1", "0.8", "", "省林草局"],
        ])
        .unwrap();
        assert_eq!(t.indicators[0].base.marks, ["*"]);
        assert_eq!(t.indicators[0].base.point().map(|n| n.value), Some(23.2));
        let got: Vec<(usize, usize, &str)> = t
            .warnings
            .iter()
            .map(|w| (w.row, w.column, w.header.as_str()))
            .collect();
        // column 6 repeats the rate, column 7 is not read, the mark sits in row 2's base
        assert_eq!(
            got,
            [(1, 6, "累计增长"), (1, 7, "牵头单位"), (2, 0, "base")]
        );
        assert!(
            t.warnings[0]
                .message
                .contains("only the first (`年均增长`) is read")
        );
    }

    /// `注` marks: `60.6注` under the table's only note, `5.2注1` under note 1, `87①` under ①.
    #[test]
    fn marks_named_after_notes() {
        let t = table(&[
            &["指标", "单位", "2020年", "2025年"],
            &["常住人口城镇化率", "%", "60.6注1", "65"],
            &["城镇调查失业率", "%", "5.2注2", "5.5以内"],
            &["空气质量优良天数比率", "%", "87①", "87.5"],
            &["注：1.为2019年数据。2.为预计数。①受疫情影响偏高。"],
        ])
        .unwrap();
        let i = &t.indicators;
        assert_eq!((i[0].base.year, i[0].base_year), (Some(2019), 2019));
        assert!(i[1].base.preliminary && i[1].base.year.is_none());
        assert_eq!(i[2].base.notes.len(), 1);
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
        let t = table(&[
            &["指标", "单位", "2020年", "2025年"],
            &["森林覆盖率", "%", "23.2注", "24.1"],
            &["注：带注的为2019年数据"],
        ])
        .unwrap();
        assert_eq!(t.indicators[0].base.year, Some(2019));
    }

    /// The national 15th outline's table (xlsx cells as printed): row 12 runs its number into a
    /// name starting with a digit, and note ③ speaks of one row only, by its rate.
    #[test]
    fn the_15th_outlines_row_12_and_note_3() {
        let t = table(&[
            &["类别", "指标", "2025年", "2030年", "年均/累计", "属性"],
            &[
                "创新驱动",
                "4.全社会研发经费投入增长（%）",
                "9.1",
                "—",
                "＞7",
                "预期性",
            ],
            &[
                "民生福祉",
                "11.养老机构护理型床位占比（%）",
                "68",
                "73",
                "—",
                "预期性",
            ],
            &[
                "",
                "12.3岁以下婴幼儿入托率提高（百分点）",
                "—",
                "—",
                "〔6〕",
                "预期性",
            ],
            &["", "13.人均预期寿命（岁）", "79.25", "80", "—", "预期性"],
            &["注：①〔〕为5年累计数。②带*的为2024年数据。③全社会研发经费投入增速按不变价格计算。"],
        ])
        .unwrap();
        let i = &t.indicators;
        assert_eq!(
            (i[2].seq.as_str(), i[2].name.as_str()),
            ("12", "3岁以下婴幼儿入托率提高")
        );
        assert_eq!(i[3].seq, "13");
        let remarks = |ind: &Indicator| {
            ind.notes
                .iter()
                .filter(|n| n.text.contains("不变价格"))
                .count()
        };
        assert_eq!(
            i.iter().map(remarks).collect::<Vec<_>>(),
            [1, 0, 0, 0],
            "note ③ is the R&D row's alone"
        );
    }
}
