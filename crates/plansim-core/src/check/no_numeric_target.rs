//! `no-numeric-target`: a row with no number to hold the plan to.
//!
//! A target that is itself a rate (`地区生产总值 … — … 7左右`) has its number in the rate
//! column and is not reported. Warning when the target is empty (`-`, `—`, blank): the table
//! names an indicator and gives nothing, or a transcription lost it. Info when the target is
//! delegated to a higher level (`市级指标`) or qualitative (`保持在合理区间`): the plan chose so.

use super::{Check, CheckOptions, Code, Finding, Severity};
use crate::table::{Form, Indicator};

pub struct NoNumericTarget;

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
    // words in the target column, else in the rate column (the national table's 年均/累计)
    let cell = if ind.target.is_none() && !ind.rate.is_none() {
        &ind.rate
    } else {
        &ind.target
    };
    let (severity, message) = match &cell.form {
        Form::Qualitative { text } if crate::meaning::relation(text).is_some() => (
            Severity::Info,
            format!(
                "the target is a relation to another indicator's growth (`{text}`): `plansim \
                 assess` grades it against that indicator's outturns"
            ),
        ),
        Form::Delegated { text } => (
            Severity::Info,
            format!("the target is set by a higher level (`{text}`): this plan gives no number"),
        ),
        Form::Qualitative { text } => (
            Severity::Info,
            format!("the target is qualitative (`{text}`): there is no number to check"),
        ),
        _ => (
            Severity::Warning,
            format!(
                "no target and no rate{}: check the document, or drop the row",
                if ind.target.raw.is_empty() {
                    String::new()
                } else {
                    format!(" (`{}`)", ind.target.raw)
                }
            ),
        ),
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
        // the national table's words in its 年均/累计 column
        assert_eq!(
            verdict("—", "保持在合理区间、各年度视情提出"),
            Some(Severity::Info)
        );
        let f = check_row(&row("x增长", "%", 2020, "2.5", 2025, "—", "高于GDP增长")).unwrap();
        assert!(f.message.contains("relation") && f.severity == Severity::Info);
        // a growth target lives in the rate column
        assert_eq!(verdict("—", "7左右"), None);
        assert_eq!(verdict("4以内", ""), None);
    }
}
