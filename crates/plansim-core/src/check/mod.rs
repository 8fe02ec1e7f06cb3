//! The consistency audit: one rule a file, each a [`Check`] turning indicator rows into
//! [`Finding`]s. [`run`] applies them all and sorts the findings, errors first.
//!
//! The rules, their severities and their bounds:
//! - `rate-mismatch`: base, target and stated rate are each an interval (their printed digits);
//!   error when the implied-rate interval misses the stated rate's, warning when the point
//!   estimates differ by more than the stated rate's rounding.
//! - `unit-mismatch`: error when a cell's 亿/万 cannot be in the unit (`305.8亿` under `%`);
//!   warning when the name and the unit disagree (a per-1000 rate in `%`, a share in 万人).
//! - `bound-exceeded`: on the compound path at the stated (else implied) rate, a share passes
//!   100 (‰: 1000) or a value falls below 0 — error by the target year, warning by the horizon.
//! - `no-numeric-target`: warning when target and rate are both empty, info when delegated or
//!   qualitative.
//! - `cumulative-target`: info, with the annual equivalent.
//! - `identity-violation`: the three sectors' shares against 100 (error beyond rounding); a
//!   total against per-capita × population (beyond rounding, a gap over 2 % is a warning, over
//!   10 % an error).
//! - `cross-plan-conflict`: a district and a plan of a region containing it, the same indicator
//!   (through the alias list): error when a part's level exceeds the whole's in the same year,
//!   warning when stated rates for overlapping years do not overlap.
//! - `target-unreachable`: from `assess`'s grades (given in [`CheckOptions::grades`]), the pace the remaining years need; warning
//!   when behind and it is further from the planned pace than the planned pace itself (and ≥ 1
//!   point a year) in the hard direction, error when the target year has come and the target
//!   was missed.
//! - `restated-target`: the document states a target twice (rows with different sources):
//!   error when no value meets both statements, warning when they differ but can both be met.
mod bound_exceeded;
mod cross_plan_conflict;
mod cumulative_target;
pub(crate) mod finding;
mod identity_violation;
mod no_numeric_target;
pub mod precision;
mod rate_mismatch;
mod rate_total;
pub(crate) mod regions;
mod restated_target;
mod target_unreachable;
pub use target_unreachable::says_trouble;
mod unit_mismatch;
pub(crate) mod words;

#[cfg(test)]
mod horqin_tests;
#[cfg(test)]
pub(crate) mod tests_support;

pub use finding::{Code, Finding, Numbers, Quoted, Related};
pub use regions::Regions;

use crate::actuals::Resolved;
use crate::assess::Grade;
use crate::names::Aliases;
use crate::notice::Severity;
use crate::table::Indicator;

/// The default horizon of projections that check bounds.
pub const DEFAULT_HORIZON: i32 = 2035;

/// What the rules need beyond the rows.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// The last year bound-exceeded projects to.
    pub horizon: i32,
    /// Which region lies in which, for cross-plan-conflict.
    pub regions: Regions,
    /// Indicator names that mean the same statistic.
    pub aliases: Aliases,
    /// Outturns matched to the rows checked (by their order), for target-unreachable.
    pub outturns: Option<Resolved>,
    /// The grades from `assess` on those outturns that target-unreachable reports, each with
    /// its row's place among the rows checked: check takes grades, it does not grade. Only
    /// those that say trouble ([`says_trouble`]) need be here: a grade is some 2 kB with its
    /// sentences, and every row's were held while the rules ran.
    pub grades: Vec<(usize, Grade)>,
    /// The language of the findings' messages.
    pub lang: crate::lang::Lang,
}

impl Default for CheckOptions {
    /// Horizon 2035, the bundled region hierarchy and alias list, no actuals nor grades, English.
    fn default() -> Self {
        CheckOptions {
            horizon: DEFAULT_HORIZON,
            regions: Regions::bundled(),
            aliases: Aliases::bundled(),
            outturns: None,
            grades: Vec::new(),
            lang: crate::lang::Lang::En,
        }
    }
}

/// One consistency rule.
pub trait Check {
    /// The rule's code in findings (`rate-mismatch`).
    fn code(&self) -> Code;
    /// Every finding of this rule over all rows (rules that pair rows see them all).
    fn check(&self, indicators: &[Indicator], opts: &CheckOptions) -> Vec<Finding>;
}

/// Every rule, in the order of `docs/check.md`.
pub fn rules() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(rate_mismatch::RateMismatch),
        Box::new(unit_mismatch::UnitMismatch),
        Box::new(bound_exceeded::BoundExceeded),
        Box::new(no_numeric_target::NoNumericTarget),
        Box::new(cumulative_target::CumulativeTarget),
        Box::new(identity_violation::IdentityViolation),
        Box::new(cross_plan_conflict::CrossPlanConflict),
        Box::new(target_unreachable::TargetUnreachable),
        Box::new(restated_target::RestatedTarget),
    ]
}

/// Runs every rule; findings sorted by severity (errors first), then file, row and code.
pub fn run(indicators: &[Indicator], opts: &CheckOptions) -> Vec<Finding> {
    let mut out: Vec<Finding> = rules()
        .iter()
        .flat_map(|r| r.check(indicators, opts))
        .collect();
    for f in &mut out {
        f.localize(opts.lang);
    }
    out.sort_by(|a, b| {
        (a.severity, &a.file, a.row, a.target_year, a.code).cmp(&(
            b.severity,
            &b.file,
            b.row,
            b.target_year,
            b.code,
        ))
    });
    out
}

/// How many findings of each severity: (errors, warnings, infos).
pub fn tally(findings: &[Finding]) -> (usize, usize, usize) {
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}

/// Words in a name that make a `%` indicator a growth rate or a ratio rather than a share
/// (see [`crate::meaning::growth_or_ratio_name`]).
pub(crate) fn is_growth_name(name: &str) -> bool {
    crate::meaning::growth_or_ratio_name(name)
}

/// Words that make a quantity per person or per unit: not additive across regions.
pub(crate) fn is_per_unit_name(name: &str) -> bool {
    ["人均", "每", "均", "单位", "强度", "密度"]
        .iter()
        .any(|w| name.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_one_rule() {
        let codes: Vec<Code> = rules().iter().map(|r| r.code()).collect();
        assert_eq!(codes, Code::ALL);
    }

    #[test]
    fn default_options_carry_the_bundled_lists() {
        let o = CheckOptions::default();
        assert_eq!(o.horizon, 2035);
        assert!(!o.regions.is_empty() && !o.aliases.is_empty());
    }
}
