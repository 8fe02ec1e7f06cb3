//! What a rule reports: a [`Finding`] with its stable [`Code`], a [`Severity`], the cells it
//! quotes and the numbers behind it.

use crate::table::Indicator;
use serde::Serialize;
use std::fmt;

/// The stable rule codes (`docs/check.md`), as JSON and tests spell them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// The stated rate (or period total) does not take the base to the target.
    RateMismatch,
    /// A cell or the name disagrees with the unit column (`305.8亿` under `%`).
    UnitMismatch,
    /// The plan's path takes a share past 100 (‰: 1000) or a value below 0.
    BoundExceeded,
    /// Neither a target nor a rate is printed.
    NoNumericTarget,
    /// A total over the period, reported with its annual equivalent.
    CumulativeTarget,
    /// Sector shares miss 100, or a total misses per-capita × population.
    IdentityViolation,
    /// A district's plan and a plan of a region containing it cannot both hold.
    CrossPlanConflict,
    /// Outturns so far leave the target out of reach, or it was missed.
    TargetUnreachable,
    /// The document states one target twice, differently.
    RestatedTarget,
}

impl Code {
    /// Every rule code, to iterate over them all.
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

    /// The kebab-case code printed in tables, JSON and CSV (`rate-mismatch`).
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

impl Code {
    /// The rule's name on a Chinese page (`单位不符`); English pages use the code itself.
    pub fn name_zh(self) -> &'static str {
        match self {
            Code::RateMismatch => "增速与目标不符",
            Code::UnitMismatch => "单位不符",
            Code::BoundExceeded => "超出合理范围",
            Code::NoNumericTarget => "无数值目标",
            Code::CumulativeTarget => "期间累计目标",
            Code::IdentityViolation => "恒等关系不成立",
            Code::CrossPlanConflict => "上下级规划冲突",
            Code::TargetUnreachable => "目标难以实现",
            Code::RestatedTarget => "目标前后表述不一",
        }
    }

    /// The code of its kebab-case spelling (`unit-mismatch`).
    pub fn of_str(code: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == code)
    }

    /// The rule's name in a page's language: `单位不符`, `unit-mismatch`.
    pub fn name(self, lang: crate::lang::Lang) -> &'static str {
        if lang.is_en() {
            self.as_str()
        } else {
            self.name_zh()
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

use crate::notice::Severity;

/// The cells of a row as the document printed them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quoted {
    /// The unit as printed (`亿元`, `%`).
    pub unit: String,
    /// The year the base cell refers to (the column's, or the cell's own when a note marks it).
    pub base_year: i32,
    /// The baseline cell's text (`60.6*`).
    pub base: String,
    /// The target cell's text (`>65`, `〔13.5〕`, `市级指标`).
    pub target: String,
    /// The rate cell's text (`7左右`, `〔3.9〕`).
    pub rate: String,
}

/// Another row a finding rests on (the city's row of a cross-plan conflict, the parts of an
/// identity).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    /// The region whose plan holds that row.
    pub region: String,
    /// That row's plan (`十四五`), empty when the table has no plan column.
    pub plan: String,
    /// That row's indicator name, without numbering, marks and unit.
    pub indicator: String,
    /// The year of that row's target.
    pub target_year: i32,
    /// The path of the table file holding that row.
    pub file: String,
    /// That row's 1-based line in its file.
    pub row: usize,
    /// That row's cells as printed.
    pub cells: Quoted,
}

/// The numbers behind a finding. Rates are in percent a year (7.05 = 7.05 %/yr), as plans print
/// them; values are in the row's value unit (`value_unit` in `plansim tables`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Numbers {
    /// The baseline as a level, where the rule used one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_value: Option<f64>,
    /// The target as a level; for `target-unreachable` in the grade's terms (a period total
    /// as its change index, base year = 100); for a cross-plan level conflict the part's
    /// level in the year compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_value: Option<f64>,
    /// The stated average annual rate (`rate-mismatch`, `bound-exceeded` when it drove the
    /// path, the part's rate in a cross-plan rate conflict).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_rate: Option<f64>,
    /// The rate base → target implies at their printed points (`rate-mismatch`); for
    /// `bound-exceeded`, the projection's rate when none is stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_rate: Option<f64>,
    /// The lowest rate the printed digits of base and target allow; `None` when not finite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_rate_low: Option<f64>,
    /// The highest rate the printed digits of base and target allow; `None` when not finite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_rate_high: Option<f64>,
    /// The level the stated rate (or stated period total) takes the base to by the target year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reached_value: Option<f64>,
    /// The total over the period the row states (`〔13.5〕` → 13.5), in percent or in the
    /// cell's own unit; signed by its direction under `rate-mismatch`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_total: Option<f64>,
    /// The yearly change equal to `period_total`: percent a year when it compounds, else the
    /// value unit a year (`cumulative-target`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_equivalent: Option<f64>,
    /// The bound a projection passes: the unit's ceiling (100, ‰: 1000) or 0 (`bound-exceeded`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<f64>,
    /// The first year the projection passes `bound`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crossing_year: Option<i32>,
    /// The projected value in the horizon year (or the target year when later).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon_value: Option<f64>,
    /// The year of the latest outturn the grade used (`target-unreachable`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_year: Option<i32>,
    /// That outturn in the target's terms: a level, a year's rate, or for a period total the
    /// change to date in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_value: Option<f64>,
    /// The pace the remaining years need to meet the target, in `assess`'s `pace_unit`:
    /// percent a year for levels, points a year for shares (`target-unreachable`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_rate: Option<f64>,
    /// The plan's own pace (its stated rate, else what base → target implies), in the same
    /// unit as `required_rate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_rate: Option<f64>,
    /// The containing region's stated rate in a cross-plan rate conflict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_rate: Option<f64>,
    /// The containing region's level in the year compared, in the part's unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_value: Option<f64>,
    /// What an identity gives: the sum of the sector shares, or per-capita × population in
    /// the total's unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_value: Option<f64>,
    /// What the identity should give: 100 for shares, the printed total for per-capita ×
    /// population.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_value: Option<f64>,
}

impl Numbers {
    /// Every number by name, for the CSV columns; `None` prints empty.
    pub fn fields(&self) -> Vec<(&'static str, Option<String>)> {
        let f = |v: Option<f64>| v.map(|v| crate::format::derived(v).to_string());
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
///
/// # Example
///
/// ```
/// use plansim_core::{Input, LoadOptions, Options, Stages, load_bytes, run};
///
/// // 5 % a year takes 100 to 127.6 by 2025, not to the 140 the table states (6.96 % a year)
/// let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
///            测试区,地区生产总值,亿元,2020,100,2025,140,5\n";
/// let table = load_bytes("gdp.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default())?;
/// let stages = Stages { check: true, ..Stages::PROJECT };
/// let results = run(Input::Table(table), &Options::default(), stages)?;
/// assert!(results.findings.iter().any(|f| f.code.to_string() == "rate-mismatch"));
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The region whose plan holds the row.
    pub region: String,
    /// The row's plan (`十四五`), empty when the table has no plan column.
    pub plan: String,
    /// The row's indicator name, without numbering, marks and unit.
    pub indicator: String,
    /// The year of the row's target.
    pub target_year: i32,
    /// The rule that found it.
    pub code: Code,
    /// How bad it is; decides the sort order and the exit code.
    pub severity: Severity,
    /// In the language `CheckOptions::lang` asks for.
    pub message: String,
    /// The message in both languages.
    #[serde(skip)]
    pub text: crate::lang::Text,
    /// The path of the table file holding the row.
    pub file: String,
    /// The row's 1-based line in its file.
    pub row: usize,
    /// The row's cells as printed.
    pub cells: Quoted,
    /// The numbers behind the verdict, flattened into the JSON object.
    #[serde(flatten)]
    pub numbers: Numbers,
    /// The other rows the finding rests on (the containing region's row, an identity's parts,
    /// the first statement of a restated target).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

impl Quoted {
    /// A row's unit, base, target and rate cells as printed.
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
    /// A row quoted as the other side of a finding.
    pub fn of(ind: &Indicator) -> Related {
        Related {
            region: ind.region.to_string(),
            plan: ind.plan.to_string(),
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
        message: impl Into<crate::lang::Text>,
    ) -> Finding {
        let text = message.into();
        Finding {
            region: ind.region.to_string(),
            plan: ind.plan.to_string(),
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

    /// Sets the numbers behind the verdict.
    pub fn with(mut self, numbers: Numbers) -> Finding {
        self.numbers = numbers;
        self
    }

    /// Adds rows the finding rests on.
    pub fn related(mut self, rows: impl IntoIterator<Item = Related>) -> Finding {
        self.related.extend(rows);
        self
    }
}

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
            // each spelling reads back, and each rule has a Chinese name of its own
            assert_eq!(Code::of_str(code.as_str()), Some(code));
            assert!(code.name_zh().chars().all(|c| !c.is_ascii()));
            let same = Code::ALL.iter().filter(|c| c.name_zh() == code.name_zh());
            assert_eq!(same.count(), 1);
        }
        assert_eq!(Code::of_str("no-such-rule"), None);
    }
}
