//! What a rule reports: a [`Finding`] with its stable [`Code`], a [`Severity`], the cells it
//! quotes and the numbers behind it.

use crate::table::Indicator;
use serde::Serialize;
use std::fmt;

/// The stable rule codes of DESIGN §5, as JSON and tests spell them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    RateMismatch,
    UnitMismatch,
    BoundExceeded,
    NoNumericTarget,
    CumulativeTarget,
    IdentityViolation,
    CrossPlanConflict,
    TargetUnreachable,
    RestatedTarget,
}

impl Code {
    pub const ALL: [Code; 9] = [
        Code::RateMismatch,
        Code::UnitMismatch,
        Code::BoundExceeded,
        Code::NoNumericTarget,
        Code::CumulativeTarget,
        Code::IdentityViolation,
        Code::CrossPlanConflict,
        Code::TargetUnreachable,
        Code::RestatedTarget,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::RateMismatch => "rate-mismatch",
            Code::UnitMismatch => "unit-mismatch",
            Code::BoundExceeded => "bound-exceeded",
            Code::NoNumericTarget => "no-numeric-target",
            Code::CumulativeTarget => "cumulative-target",
            Code::IdentityViolation => "identity-violation",
            Code::CrossPlanConflict => "cross-plan-conflict",
            Code::TargetUnreachable => "target-unreachable",
            Code::RestatedTarget => "restated-target",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error: the printed numbers cannot all be true. Warning: they can, but only at the edge of
/// their rounding, or a projection or a pairing makes them doubtful. Info: worth knowing.
/// Ordered so that errors sort first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The cells of a row as the document printed them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quoted {
    pub unit: String,
    pub base_year: i32,
    pub base: String,
    pub target: String,
    pub rate: String,
}

/// Another row a finding rests on (the city's row of a cross-plan conflict, the parts of an
/// identity).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    pub region: String,
    pub plan: String,
    pub indicator: String,
    pub target_year: i32,
    pub file: String,
    pub row: usize,
    pub cells: Quoted,
}

/// The numbers behind a finding. Rates are in percent a year (7.05 = 7.05 %/yr), as plans print
/// them; values are in the row's value unit (`value_unit` in `plansim tables`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Numbers {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_value: Option<f64>,
    /// The stated average annual rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_rate: Option<f64>,
    /// The rate base → target implies, and its range over the printed digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_rate: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_rate_low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_rate_high: Option<f64>,
    /// The value the stated rate reaches in the target year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reached_value: Option<f64>,
    /// A period total (in percent or in the value unit) and its annual equivalent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_total: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_equivalent: Option<f64>,
    /// A bound (100 for a share, 0 for a level) and the first year a projection passes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crossing_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon_value: Option<f64>,
    /// The latest actual, the rate the remaining years need and the plan's own rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_rate: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_rate: Option<f64>,
    /// The other plan's rate or value in a cross-plan conflict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_rate: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_value: Option<f64>,
    /// What an identity gives (the sum of shares, per-capita × population) against what it
    /// should be, and the gap as a share of the latter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_value: Option<f64>,
}

impl Numbers {
    /// Every number by name, for the CSV columns; `None` prints empty.
    pub fn fields(&self) -> Vec<(&'static str, Option<String>)> {
        let f = |v: Option<f64>| v.map(|v| format!("{v}"));
        let y = |v: Option<i32>| v.map(|v| v.to_string());
        vec![
            ("base_value", f(self.base_value)),
            ("target_value", f(self.target_value)),
            ("stated_rate", f(self.stated_rate)),
            ("implied_rate", f(self.implied_rate)),
            ("implied_rate_low", f(self.implied_rate_low)),
            ("implied_rate_high", f(self.implied_rate_high)),
            ("reached_value", f(self.reached_value)),
            ("period_total", f(self.period_total)),
            ("annual_equivalent", f(self.annual_equivalent)),
            ("bound", f(self.bound)),
            ("crossing_year", y(self.crossing_year)),
            ("horizon_value", f(self.horizon_value)),
            ("actual_year", y(self.actual_year)),
            ("actual_value", f(self.actual_value)),
            ("required_rate", f(self.required_rate)),
            ("planned_rate", f(self.planned_rate)),
            ("other_rate", f(self.other_rate)),
            ("other_value", f(self.other_value)),
            ("identity_value", f(self.identity_value)),
            ("expected_value", f(self.expected_value)),
        ]
    }
}

/// One problem (or fact) found in a row of a plan table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub region: String,
    pub plan: String,
    pub indicator: String,
    pub target_year: i32,
    pub code: Code,
    pub severity: Severity,
    /// In the language `CheckOptions::lang` asks for.
    pub message: String,
    /// The message in both languages.
    #[serde(skip)]
    pub text: crate::lang::finding::Text,
    pub file: String,
    pub row: usize,
    /// The row's cells as printed.
    pub cells: Quoted,
    #[serde(flatten)]
    pub numbers: Numbers,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

impl Quoted {
    pub fn of(ind: &Indicator) -> Quoted {
        Quoted {
            unit: ind.unit.raw.clone(),
            base_year: ind.base_year,
            base: ind.base.raw.clone(),
            target: ind.target.raw.clone(),
            rate: ind.rate.raw.clone(),
        }
    }
}

impl Related {
    pub fn of(ind: &Indicator) -> Related {
        Related {
            region: ind.region.clone(),
            plan: ind.plan.clone(),
            indicator: ind.name.clone(),
            target_year: ind.target_year,
            file: ind.file.display().to_string(),
            row: ind.row,
            cells: Quoted::of(ind),
        }
    }
}

impl Finding {
    /// A finding about one row; numbers and related rows are added by the rule.
    /// A finding with its message in both languages (English until `localize`).
    pub fn new(
        ind: &Indicator,
        code: Code,
        severity: Severity,
        message: impl Into<crate::lang::finding::Text>,
    ) -> Finding {
        let text = message.into();
        Finding {
            region: ind.region.clone(),
            plan: ind.plan.clone(),
            indicator: ind.name.clone(),
            target_year: ind.target_year,
            code,
            severity,
            message: text.en.clone(),
            text,
            file: ind.file.display().to_string(),
            row: ind.row,
            cells: Quoted::of(ind),
            numbers: Numbers::default(),
            related: Vec::new(),
        }
    }

    /// The message in a language.
    pub(crate) fn localize(&mut self, lang: crate::lang::Lang) {
        self.message = self.text.get(lang).to_string();
    }

    pub fn with(mut self, numbers: Numbers) -> Finding {
        self.numbers = numbers;
        self
    }

    pub fn related(mut self, rows: impl IntoIterator<Item = Related>) -> Finding {
        self.related.extend(rows);
        self
    }
}

/// A number for messages, to 4 significant digits: `7.055`, `0.5076`, `305.8`, `1400`.
pub use crate::format::significant as show;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_sort_first_and_codes_are_kebab_case() {
        let mut s = vec![Severity::Info, Severity::Error, Severity::Warning];
        s.sort();
        assert_eq!(s, [Severity::Error, Severity::Warning, Severity::Info]);
        for code in Code::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn numbers_in_messages() {
        assert_eq!(show(7.0553), "7.055");
        assert_eq!(show(0.50763), "0.5076");
        assert_eq!(show(305.8), "305.8");
        assert_eq!(show(-2.5243), "-2.524");
        assert_eq!(show(100.0), "100");
        assert_eq!(show(1400.0), "1400");
        assert_eq!(show(0.0001), "0.0001");
        assert_eq!(show(0.0), "0");
        assert_eq!(show(f64::INFINITY), "inf");
    }
}
