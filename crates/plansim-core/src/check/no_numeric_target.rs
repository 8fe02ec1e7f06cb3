//! `no-numeric-target`: a row with no number to hold the plan to.
//!
//! A target that is itself a rate (`地区生产总值 … — … 7左右`) has its number in the rate
//! column and is not reported. Warning when the target is empty (`-`, `—`, blank): the table
//! names an indicator and gives nothing, or a transcription lost it. Info when the target is
//! delegated to a higher level (`市级指标`), qualitative (`保持在合理区间`) or stated against
//! another indicator (`高于GDP增长`), in the target or the rate column: the plan chose so.

use super::words as say;
use super::{Check, CheckOptions, Code, Finding};
use crate::notice::Severity;
use crate::table::{Form, Indicator};

pub(crate) struct NoNumericTarget;

impl Check for NoNumericTarget {
    fn code(&self) -> Code {
        Code::NoNumericTarget
    }

    fn check(&self, indicators: &[Indicator], _: &CheckOptions) -> Vec<Finding> {
        indicators.iter().filter_map(check_row).collect()
    }
}

fn check_row(ind: &Indicator) -> Option<Finding> {
    if ind.target.is_numeric() || ind.rate.is_numeric() {
        return None;
    }
    // the national outline states growth targets in words in its rate column (年均/累计)
    let stated = if ind.target.is_none() {
        &ind.rate
    } else {
        &ind.target
    };
    let (severity, message) = match &stated.form {
        Form::Delegated { text } => (Severity::Info, say::no_target_delegated(text)),
        Form::Qualitative { text } => (Severity::Info, say::no_target_qualitative(text)),
        Form::Relational(r) => (
            Severity::Info,
            say::no_target_relational(&r.text, r.relation, &r.other, r.indicator.as_deref()),
        ),
        _ => (Severity::Warning, say::no_target(&ind.target.raw)),
    };
    Some(Finding::new(ind, Code::NoNumericTarget, severity, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests_support::row;

    fn verdict(target: &str, rate: &str) -> Option<Severity> {
        check_row(&row("x", "%", 2020, "", 2025, target, rate)).map(|f| f.severity)
    }

    #[test]
    fn kinds_of_missing() {
        assert_eq!(verdict("-", ""), Some(Severity::Warning));
        assert_eq!(verdict("", "—"), Some(Severity::Warning));
        assert_eq!(verdict("市级指标", ""), Some(Severity::Info));
        assert_eq!(verdict("完成自治区下达任务", ""), Some(Severity::Info));
        assert_eq!(verdict("保持在合理区间", ""), Some(Severity::Info));
        // words in the rate column (the national outline's 年均/累计) are the target
        assert_eq!(
            verdict("—", "保持在合理区间、各年度视情提出"),
            Some(Severity::Info)
        );
        assert_eq!(verdict("—", "高于GDP增长"), Some(Severity::Info));
        // a growth target lives in the rate column
        assert_eq!(verdict("—", "7左右"), None);
        assert_eq!(verdict("4以内", ""), None);
    }
}
