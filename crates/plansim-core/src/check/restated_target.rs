//! `restated-target`: the document states one target twice (a table row and a line of the
//! text, each with its `source`), and the statements differ. 回民区's plan gives 建成区绿化覆盖率
//! as `42.41%` in its goals (001:41) and as `42%以上` in its chapter on greening (001:99).
//!
//! Each statement allows an interval of values (its printed digits: `42.41` is 42.405–42.415;
//! `42%以上` is 42 and up). Error when the intervals do not meet: no outcome meets both. Warning
//! when they meet but differ: one outcome can meet both, but the plan gives two figures and a
//! reader must know which one is graded (projections use the first row).

use super::words as say;
use super::{Check, CheckOptions, Code, Finding, Related};
use crate::format::significant;
use crate::notice::Severity;
use crate::table::{Cell, Form, Indicator};
use std::collections::HashMap;

pub(crate) struct RestatedTarget;

impl Check for RestatedTarget {
    fn code(&self) -> Code {
        Code::RestatedTarget
    }

    fn check(&self, indicators: &[Indicator], _: &CheckOptions) -> Vec<Finding> {
        let mut first: HashMap<(&str, &str, &str, i32), &Indicator> = HashMap::new();
        let mut out = Vec::new();
        for ind in indicators {
            let key = (
                ind.region.as_str(),
                ind.plan.as_str(),
                ind.name.as_str(),
                ind.target_year,
            );
            match first.get(&key) {
                Some(earlier) if earlier.file != ind.file || earlier.row != ind.row => {
                    out.extend(compare(earlier, ind));
                }
                Some(_) => {}
                None => {
                    first.insert(key, ind);
                }
            }
        }
        out
    }
}

/// The values a target allows, in the row's value unit: `(low, high)`, open ends infinite.
fn interval(ind: &Indicator, cell: &Cell) -> Option<(f64, f64)> {
    let f = ind.factor(cell);
    let (lo, hi) = match &cell.form {
        Form::Number { value } | Form::About { value } => value.interval(),
        Form::AtLeast { value, .. } => (value.value, f64::INFINITY),
        Form::AtMost { value, .. } => (f64::NEG_INFINITY, value.value),
        Form::Range { low, high } => (low.interval().0, high.interval().1),
        _ => return None,
    };
    Some((lo * f, hi * f))
}

fn compare(first: &Indicator, later: &Indicator) -> Option<Finding> {
    let (a, b) = (&first.target, &later.target);
    let same =
        a.form == b.form && a.magnitude == b.magnitude && a.period.is_some() == b.period.is_some();
    if same {
        return None;
    }
    let head = say::restated(
        &a.raw,
        (first.row, &first.source),
        &b.raw,
        (later.row, &later.source),
    );
    let (severity, tail) = match (interval(first, a), interval(later, b)) {
        (Some((alo, ahi)), Some((blo, bhi))) if ahi < blo || bhi < alo => (
            Severity::Error,
            say::restated_apart(
                [significant(alo), significant(ahi)],
                [significant(blo), significant(bhi)],
            ),
        ),
        (Some(_), Some(_)) => (Severity::Warning, say::restated_overlap(&a.raw)),
        _ => (Severity::Warning, say::restated_other(&a.raw)),
    };
    Some(
        Finding::new(later, Code::RestatedTarget, severity, head.and(tail))
            .related([Related::of(first)]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests_support::row;

    fn twice(a: &str, b: &str) -> Option<Finding> {
        let mut first = row("建成区绿化覆盖率", "%", 2020, "", 2025, a, "");
        first.source = "001:41".into();
        let mut later = first.clone();
        later.target = Cell::parse(b).unwrap();
        later.source = "001:99".into();
        later.row = 50;
        compare(&first, &later)
    }

    #[test]
    fn a_target_stated_twice() {
        // 42.41 (42.405–42.415) meets 42以上 (42 and up): both can be met, a warning
        let f = twice("42.41%", "42%以上").unwrap();
        assert_eq!((f.severity, f.row), (Severity::Warning, 50));
        assert!(
            f.message.starts_with(
                "the document states this target twice: `42.41%` (row 2, 001:41) \
                              and `42%以上` (row 50, 001:99)"
            ),
            "{}",
            f.message
        );
        assert_eq!(f.related[0].row, 2);
        // 40 (39.5–40.5) cannot be 42 or more
        let f = twice("40", "42%以上").unwrap();
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.message.contains("39.5 to 40.5 against 42 to inf"),
            "{}",
            f.message
        );
        // the same statement twice is no finding
        assert!(twice("42%以上", "42以上").is_none());
    }
}
