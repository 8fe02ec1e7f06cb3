//! One row of an indicator table: an indicator with its baseline, one target, the stated rate.

use super::name::NameParts;
use super::notation::{Cell, Form};
use super::number::Num;
use super::rare::Rare;
use super::rare_cell::RareCell;
use super::row_details::RowDetails;
use super::unit::Unit;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

/// 预期性 (expected) or 约束性 (binding).
///
/// # Example
///
/// ```
/// use plansim_core::Attribute;
///
/// assert_eq!(Attribute::parse("约束性"), Some(Attribute::Binding));
/// assert_eq!(Attribute::parse("预期性"), Some(Attribute::Expected));
/// assert_eq!(Attribute::parse(""), Some(Attribute::Unstated));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Attribute {
    /// 预期性.
    Expected,
    /// 约束性.
    Binding,
    /// No attribute printed.
    Unstated,
}

impl Attribute {
    /// Reads 预期性/约束性 (or `expected`/`binding`, `e`/`b`); empty is unstated.
    pub fn parse(text: &str) -> Option<Attribute> {
        match super::normalize::fold(text).to_lowercase().as_str() {
            "预期性" | "预期" | "expected" | "e" => Some(Attribute::Expected),
            "约束性" | "约束" | "binding" | "b" => Some(Attribute::Binding),
            "" => Some(Attribute::Unstated),
            _ => None,
        }
    }

    /// The Chinese word (empty when unstated).
    pub fn label(self) -> &'static str {
        match self {
            Attribute::Expected => "预期性",
            Attribute::Binding => "约束性",
            Attribute::Unstated => "",
        }
    }
}

/// Which way the indicator is meant to move; a plain-number target is met at or beyond it.
///
/// # Example
///
/// ```
/// use plansim_core::{Direction, LoadOptions, load_bytes};
///
/// // a target below the base falls; one above rises
/// let csv = "region,indicator,unit,base_year,base,target_year,target\n\
///            甲区,城镇调查失业率,%,2020,5.5,2025,5\n\
///            甲区,森林覆盖率,%,2020,21.5,2025,22\n";
/// let table = load_bytes("two.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default())?;
/// assert_eq!(table.indicators[0].direction(), Direction::Falling);
/// assert_eq!(table.indicators[1].direction(), Direction::Rising);
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Rising is good (GDP, coverage).
    Rising,
    /// Falling is good (energy intensity, unemployment).
    Falling,
}

/// What the rate column of a row states.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RateKind {
    /// Average annual growth in percent (`年均增长（%）` 7; `＞7` under `年均/累计` for
    /// 全社会研发经费投入增长).
    #[default]
    Annual,
    /// A compounded change in percent over the period (`〔13.5〕` of 单位GDP能源消耗降低（%）,
    /// `30` under `累计增长`).
    TotalPercent,
    /// A change or a sum over the period in the indicator's own unit, percentage points for a
    /// share (`〔1〕` of 人均预期寿命（岁）: one more year; `[3.9]` of 城镇化率（%）: 3.9 points;
    /// `[>5000]` of 城镇新增就业人数（万人）).
    TotalAmount,
    /// The indicator's own value each year of the period, under a column headed `年均` without
    /// a word for growth (`＜5.5` of 城镇调查失业率（%） under `年均/累计`).
    Yearly,
}

impl RateKind {
    pub(crate) fn is_total(self) -> bool {
        matches!(self, RateKind::TotalPercent | RateKind::TotalAmount)
    }
}

/// One row of a table with one of its targets. What few rows carry (a number, a category,
/// an English name, notes, …) is in [`RowDetails`], read through the row (`ind.notes`) and
/// held only when filled. Serialized as one flat object (see `row_details`).
///
/// # Example
///
/// ```
/// use plansim_core::{Attribute, LoadOptions, load};
///
/// let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
///     .join("../../scenarios/tables/horqin.csv");
/// let table = load(&path, &LoadOptions::default())?;
/// // the first row: 地区生产总值增长率, 305.8亿 in 2020, 430亿 by 2025, 7 % a year, 预期性
/// let gdp = &table.indicators[0];
/// assert_eq!((gdp.seq.as_str(), gdp.name_en.as_str()), ("1", "GDP growth rate"));
/// let cells = (gdp.base.raw.as_str(), gdp.target.raw.as_str(), gdp.rate.raw.as_str());
/// assert_eq!(cells, ("305.8亿", "430亿", "7"));
/// assert_eq!(gdp.attribute, Attribute::Expected);
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Indicator {
    /// The region column, else the table's region.
    pub region: crate::text::Shared,
    /// The plan column (`十四五`), else empty.
    pub plan: crate::text::Shared,
    /// The name without its numbering, marks and unit (`国内生产总值（GDP）增长`); a sub-item's
    /// name follows its parent's (`主要污染物排放总量减少：化学需氧量`).
    pub name: String,
    /// What the printed name carries: its unit, qualifiers, marks, numbering, parent.
    pub name_parts: NameParts,
    /// The unit column, else the unit printed at the end of the name (`（%）`).
    pub unit: Unit,
    /// The base column's year, or the base cell's own (`60.6*` under a note that `*` marks 2019
    /// values: 2019).
    pub base_year: i32,
    /// The base year is not printed in the document but assumed by the table's maker
    /// (`2016(假定)` in a base_year column).
    pub base_year_assumed: bool,
    /// The baseline cell.
    pub base: Cell,
    /// The target column's year.
    pub target_year: i32,
    /// The target year is assumed, not printed (`2020(假定)`).
    pub target_year_assumed: bool,
    /// The target cell.
    pub target: Cell,
    /// The rate column's cell: stated average annual growth in percent, a period total, or the
    /// indicator's yearly value, as `rate_kind` says.
    pub rate: Cell,
    /// The rate is a total over the period (`rate_kind` is one of the totals).
    pub rate_cumulative: bool,
    /// In an achievement table, what the row came to by `target_year` (`2005年` beside
    /// `“十五”计划目标`); none in a plan table.
    pub outcome: RareCell,
    /// In an achievement table, the achieved average rate or period total (`9.5`, `[4200]`,
    /// `＜[10]`, `6.3‰`), in the terms of `rate_kind`.
    pub outcome_rate: RareCell,
    /// What the rate column states.
    pub rate_kind: RateKind,
    /// The target cell was empty and the rate column states the target: a yearly value
    /// (`＜5.5`) or a period total (`〔13.5〕`; `〔1〕` read as a change from the base). `target`
    /// then holds that reading and its `raw` is the rate cell's text.
    pub target_from_rate: bool,
    /// 预期性 or 约束性, a sub-item taking its parent's.
    pub attribute: Attribute,
    /// The table file, one copy shared by the table's rows.
    pub file: Arc<Path>,
    /// 1-based row in the file.
    pub row: usize,
    /// The rest, empty in most rows.
    pub(crate) details: Rare<RowDetails>,
}

/// A row read as a second statement of another row's target, as printed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    /// 1-based row in the file.
    pub row: usize,
    /// The row's name, unit column and cells as printed.
    pub name: String,
    /// The unit column.
    pub unit: String,
    /// The base cell.
    pub base: String,
    /// The target cell.
    pub target: String,
    /// The rate cell.
    pub rate: String,
}

impl Reading {
    /// The row as one line: `第22行 地区生产总值 305.8 → — @ 7左右 (亿元)`.
    pub fn line(&self, lang: crate::lang::Lang) -> String {
        let row = if lang.is_en() {
            format!("row {}", self.row)
        } else {
            format!("第{}行", self.row)
        };
        let cell = |s: &str| {
            if s.trim().is_empty() {
                "—".to_string()
            } else {
                s.trim().to_string()
            }
        };
        format!(
            "{row} {} {} → {} @ {} ({})",
            self.name,
            cell(&self.base),
            cell(&self.target),
            cell(&self.rate),
            self.unit
        )
    }
}

impl Indicator {
    /// The factor that takes a printed number of `cell` into the indicator's value unit.
    pub fn factor(&self, cell: &Cell) -> f64 {
        self.unit.factor_for(cell).unwrap_or(1.0)
    }

    /// The unit the numbers are in: the unit column, or the cell's own magnitude where the unit
    /// cannot hold it (`305.8亿` under `%` is in 亿).
    pub fn value_unit(&self) -> String {
        for cell in [&self.base, &self.target] {
            if self.unit.factor_for(cell).is_none() {
                return cell
                    .magnitude
                    .map(|m| m.symbol().to_string())
                    .unwrap_or_default();
            }
        }
        self.unit.raw.clone()
    }

    /// An indicator that is itself a growth rate in percent (`地区生产总值增长（%）` with `0.2`
    /// in 2020): its cells are that year's growth, not levels to grow from. Cells carrying
    /// 亿/万 are levels whatever the name says (`地区生产总值增长率 305.8亿`).
    pub fn is_growth_rate(&self) -> bool {
        self.unit.kind == super::UnitKind::Percent
            && ["增长", "增速", "增幅"]
                .iter()
                .any(|w| self.name.contains(w))
            && self.base.magnitude.is_none()
            && self.target.magnitude.is_none()
    }

    /// The baseline level, scaled into the value unit; `None` unless it is a level.
    pub fn base_level(&self) -> Option<Num> {
        if self.base.is_period_total()
            || matches!(self.base.form, Form::Points { .. })
            || self.is_growth_rate()
        {
            return None;
        }
        self.base.point().map(|n| n.scaled(self.factor(&self.base)))
    }

    /// The target level, scaled into the value unit; `None` unless it is a level.
    pub fn target_level(&self) -> Option<Num> {
        if self.target.is_period_total()
            || matches!(self.target.form, Form::Points { .. })
            || self.is_growth_rate()
        {
            return None;
        }
        self.target
            .point()
            .map(|n| n.scaled(self.factor(&self.target)))
    }

    /// Years from the baseline to the target.
    pub fn years(&self) -> i32 {
        self.target_year - self.base_year
    }

    /// A label for messages: `科尔沁区 森林覆盖率 (2025)`.
    pub fn label(&self) -> String {
        format!("{} {} ({})", self.region, self.name, self.target_year)
    }
}
