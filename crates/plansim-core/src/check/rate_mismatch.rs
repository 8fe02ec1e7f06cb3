//! `rate-mismatch`: does the stated average annual rate take the base to the target?
//!
//! Each printed number stands for an interval (`31.2` is 31.15–31.25), so the rate the target
//! implies is an interval too. Error when it misses the stated rate's interval (no true values
//! fit all three cells); warning when they overlap but the implied point estimate lies outside
//! the stated rate's rounding (the table holds together only at the edge of its digits), and
//! a note instead when the stated rate reaches what prints as the target (1.8 at 10 % a year
//! is 2.899 in five years, printed `3`). A
//! total over the period in the rate column is checked the same way (`rate_total`).

use super::precision::{self, Interval, Spread, implied_interval};
use super::words::{self as say, Goal};
use super::{Check, CheckOptions, Code, Finding, Numbers};
use crate::format::significant;
use crate::model::compound::{implied_rate, reach};
use crate::notice::Severity;
use crate::table::{Form, Indicator};

pub(crate) struct RateMismatch;

impl Check for RateMismatch {
    fn code(&self) -> Code {
        Code::RateMismatch
    }

    fn check(&self, indicators: &[Indicator], _: &CheckOptions) -> Vec<Finding> {
        indicators
            .iter()
            .filter_map(|i| check_row(i).or_else(|| super::rate_total::check_row(i)))
            .collect()
    }
}

/// Which side of the target counts: a floor (`≥95`) is met by any faster rate.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Both,
    Floor,
    Ceiling,
}

/// The target as an interval, with the side that matters.
fn target(ind: &Indicator, base: &Spread) -> Option<(Spread, Side)> {
    let side = match ind.target.form {
        Form::AtLeast { .. } => Side::Floor,
        Form::AtMost { .. } => Side::Ceiling,
        _ => Side::Both,
    };
    if let Form::Multiple { factor } = ind.target.form {
        let t = Spread {
            point: base.point * factor,
            interval: Interval::new(base.point * factor, base.point * factor),
            rounding: 0.0,
        };
        return Some((t, side));
    }
    precision::target(ind).map(|t| (t, side))
}

fn check_row(ind: &Indicator) -> Option<Finding> {
    let years = ind.years();
    let base = precision::base(ind)?;
    let rate = precision::stated_rate(ind)?;
    let (target, side) = target(ind, &base)?;
    if years <= 0 || base.point <= 0.0 || target.point <= 0.0 {
        return None;
    }
    let n = f64::from(years);
    let implied_point = implied_rate(base.point, target.point, n)? * 100.0;
    let implied = if matches!(ind.target.form, Form::Multiple { .. }) {
        // a multiple of the base holds whatever the base's digits hide
        Interval::new(implied_point, implied_point)
    } else {
        implied_interval(base.interval, target.interval, n)
    };
    let allowed = rate.interval;
    let severity = if !implied.overlaps(&allowed) {
        Severity::Error
    } else if match side {
        Side::Both => !allowed.contains(implied_point),
        Side::Floor => allowed.hi < implied_point,
        Side::Ceiling => allowed.lo > implied_point,
    } {
        Severity::Warning
    } else {
        return None;
    };
    let reached = reach(base.point, rate.point / 100.0, n);
    let finite = |v: f64| v.is_finite().then_some(v);
    let digits = ind.target.point().map_or(0, |p| p.decimals);
    let factor = ind.factor(&ind.target);
    let prints = format!("{:.*}", digits as usize, reached / factor);
    let echo = (Some(prints.as_str()) == ind.target.point().map(|p| p.to_string()).as_deref())
        .then_some(prints.as_str());
    // the stated rate reaches what prints as a point target at its digits: the table holds
    // together as printed, a fact worth knowing rather than a doubt (a bound is as drawn:
    // 4.43 does not keep `4以内`, though it prints as 4)
    let severity = match (severity, echo, side) {
        (Severity::Warning, Some(_), Side::Both) => Severity::Info,
        (s, _, _) => s,
    };
    let goal = match side {
        Side::Both => Goal::Target,
        Side::Floor => Goal::Floor,
        Side::Ceiling => Goal::Ceiling,
    };
    let range = format!(
        "{}–{}",
        significant(implied.lo),
        if implied.hi.is_finite() {
            significant(implied.hi)
        } else {
            "∞".into()
        }
    );
    let message = match severity {
        Severity::Error => say::rate_cannot(
            goal,
            &ind.target.raw,
            &ind.rate.raw,
            &ind.base.raw,
            years,
            &significant(implied_point),
            &range,
            &significant(rate.point),
            &significant(reached),
            ind.target_year,
        ),
        _ => say::rate_edge(
            goal,
            &ind.target.raw,
            &significant(implied_point),
            &ind.base.raw,
            &range,
            &ind.rate.raw,
            &significant(rate.rounding),
            &significant(reached),
            ind.target_year,
            echo,
        ),
    };
    Some(
        Finding::new(ind, Code::RateMismatch, severity, message).with(Numbers {
            base_value: Some(base.point),
            target_value: Some(target.point),
            stated_rate: Some(rate.point),
            implied_rate: Some(implied_point),
            implied_rate_low: finite(implied.lo),
            implied_rate_high: finite(implied.hi),
            reached_value: Some(reached),
            ..Numbers::default()
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approx_eq;
    use crate::check::tests_support::row;

    fn verdict(base: &str, target: &str, rate: &str) -> Option<(Severity, Numbers)> {
        check_row(&row("x", "%", 2020, base, 2025, target, rate)).map(|f| (f.severity, f.numbers))
    }

    #[test]
    fn consistent_rows_pass() {
        // 100·1.05⁵ = 127.63: the printed 127.6 and 5 agree
        assert!(verdict("100", "127.6", "5").is_none());
        // 63 → 70: (70/63)^(1/5) − 1 = 2.13 %, within 2 ± 0.5
        assert!(verdict("63", "70", "2").is_none());
    }

    #[test]
    fn no_overlap_is_an_error() {
        // 100 → 150 in 5 years needs 1.5^0.2 − 1 = 8.447 %/yr; over the digits
        // (149.5/100.5)^0.2 − 1 = 8.267 % to (150.5/99.5)^0.2 − 1 = 8.628 %; stated 5 ± 0.5
        let (s, n) = verdict("100", "150", "5").unwrap();
        assert_eq!(s, Severity::Error);
        assert!(approx_eq(n.implied_rate.unwrap(), 8.4472, 1e-3));
        assert!(approx_eq(n.implied_rate_low.unwrap(), 8.2667, 1e-3));
        assert!(approx_eq(n.implied_rate_high.unwrap(), 8.6282, 1e-3));
        // 100·1.05⁵ = 127.6282
        assert!(approx_eq(n.reached_value.unwrap(), 127.6282, 1e-3));
    }

    #[test]
    fn bounds_count_on_their_side_only() {
        // ≥95 from 94.1 needs (95/94.1)^0.2 − 1 = 0.1906 %/yr: 0.5 is more than enough
        assert!(verdict("94.1", "≥95", "0.5").is_none());
        // but 0.05 %/yr reaches 94.1·1.0005⁵ = 94.34 < 94.5 (the floor's lowest reading)
        assert_eq!(verdict("94.1", "≥95", "0.05").unwrap().0, Severity::Error);
        // a ceiling of 4 from 3.82 allows any rate up to (4/3.82)^0.2 − 1 = 0.925 %, and up to
        // (4.5/3.815)^0.2 − 1 = 3.358 % over the digits: 3 ± 0.5 is a warning, 4 ± 0.5 an error
        assert!(verdict("3.82", "4以内", "-1").is_none());
        assert_eq!(verdict("3.82", "4以内", "3").unwrap().0, Severity::Warning);
        assert_eq!(verdict("3.82", "4以内", "4").unwrap().0, Severity::Error);
        // 翻一番 in 5 years: 2^0.2 − 1 = 14.87 %
        assert!(verdict("50", "翻一番", "15").is_none());
        assert_eq!(verdict("50", "翻一番", "10").unwrap().0, Severity::Error);
    }
}
