//! One row of an indicator table: an indicator with its baseline, one target, the stated rate.

use super::notation::{Cell, Form};
use super::number::Num;
use super::unit::Unit;
use serde::Serialize;
use std::path::PathBuf;

/// 预期性 (expected) or 约束性 (binding).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Attribute {
    Expected,
    Binding,
    Unstated,
}

impl Attribute {
    pub fn parse(text: &str) -> Option<Attribute> {
        match super::normalize::fold(text).to_lowercase().as_str() {
            "预期性" | "预期" | "expected" | "e" => Some(Attribute::Expected),
            "约束性" | "约束" | "binding" | "b" => Some(Attribute::Binding),
            "" => Some(Attribute::Unstated),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Attribute::Expected => "预期性",
            Attribute::Binding => "约束性",
            Attribute::Unstated => "",
        }
    }
}

/// Which way the indicator is meant to move; a plain-number target is met at or beyond it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Rising,
    Falling,
}

#[derive(Clone, Debug, Serialize)]
pub struct Indicator {
    pub region: String,
    pub plan: String,
    pub seq: String,
    pub category: String,
    pub name: String,
    pub name_en: String,
    pub unit: Unit,
    pub base_year: i32,
    pub base: Cell,
    pub target_year: i32,
    pub target: Cell,
    /// Stated average annual growth in percent, or a period total when `rate_cumulative`.
    pub rate: Cell,
    pub rate_cumulative: bool,
    pub attribute: Attribute,
    /// Volatility of the annual rate (0.02 = 2 points) from a `sigma` column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sigma: Option<f64>,
    pub source: String,
    pub file: PathBuf,
    pub row: usize,
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

    /// The baseline level, scaled into the value unit; `None` unless it is a level.
    pub fn base_level(&self) -> Option<Num> {
        if self.base.is_period_total() || matches!(self.base.form, Form::Points { .. }) {
            return None;
        }
        self.base.point().map(|n| n.scaled(self.factor(&self.base)))
    }

    /// The target level, scaled into the value unit; `None` unless it is a level.
    pub fn target_level(&self) -> Option<Num> {
        if self.target.is_period_total() || matches!(self.target.form, Form::Points { .. }) {
            return None;
        }
        self.target
            .point()
            .map(|n| n.scaled(self.factor(&self.target)))
    }

    /// The stated average annual rate as a fraction (7 → 0.07); `None` when there is none, it
    /// is a period total, or it is no growth of the level (see [`crate::meaning::stated_growth`]).
    pub fn annual_rate(&self) -> Option<Num> {
        crate::meaning::stated_growth(self)
    }

    pub fn years(&self) -> i32 {
        self.target_year - self.base_year
    }

    /// The way the indicator should move (see [`crate::meaning::direction`]).
    pub fn direction(&self) -> Direction {
        crate::meaning::direction(self)
    }

    /// A label for messages: `科尔沁区 森林覆盖率 (2025)`.
    pub fn label(&self) -> String {
        format!("{} {} ({})", self.region, self.name, self.target_year)
    }

    /// The display name in a language: the English name when asked and present.
    pub fn display_name(&self, english: bool) -> &str {
        if english && !self.name_en.is_empty() {
            &self.name_en
        } else {
            &self.name
        }
    }
}

impl Indicator {
    /// `rising`/`falling`, for people.
    pub fn direction_word(&self) -> &'static str {
        match self.direction() {
            Direction::Rising => "rising",
            Direction::Falling => "falling",
        }
    }
}
