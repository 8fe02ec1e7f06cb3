//! `rate-mismatch` for a rate column holding a total over the period (`〔3.9〕` under
//! `年均增长[累计]`): does the total take the base to the target? A total in the indicator's own
//! unit adds (56.1 + 3.9 = 60.0); a percentage total compounds (`降低〔15〕`: base × 0.85).
//!
//! As for annual rates, each printed number is an interval of its digits: error when the
//! change base → target cannot be the stated total whatever the digits hide, warning when it
//! can only at the edge of the digits.

use super::words as say;
use super::{Code, Finding, Numbers};
use crate::format::significant;
use crate::notice::Severity;
use crate::table::{Direction, Form, Indicator, RateKind};

pub(crate) fn check_row(ind: &Indicator) -> Option<Finding> {
    if !ind.rate_kind.is_total() || ind.target_from_rate {
        return None;
    }
    let Form::Number { value: total } = ind.rate.form else {
        return None;
    };
    if !matches!(ind.target.form, Form::Number { .. } | Form::About { .. }) {
        return None;
    }
    // a base dated before the period (a 2019 value under a 2021–2025 total) is no start of it
    if let Some([from, _]) = ind.rate.period_years
        && from != ind.base_year + 1
    {
        return None;
    }
    let (base, target) = (ind.base_level()?, ind.target_level()?);
    let (fb, ft) = (ind.factor(&ind.base), ind.factor(&ind.target));
    let (b_lo, b_hi) = (
        base.value - base.half_ulp() * fb,
        base.value + base.half_ulp() * fb,
    );
    let (t_lo, t_hi) = (
        target.value - target.half_ulp() * ft,
        target.value + target.half_ulp() * ft,
    );
    let (s_lo, s_hi) = total.interval();
    let (implied, lo, hi, stated, reached) = if ind.rate_kind == RateKind::TotalAmount {
        let f = ind.factor(&ind.rate);
        (
            target.value - base.value,
            t_lo - b_hi,
            t_hi - b_lo,
            (s_lo * f, s_hi * f, total.value * f),
            base.value + total.value * f,
        )
    } else {
        if b_lo <= 0.0 {
            return None;
        }
        // a fall prints its size: `降低〔15〕` is −15 %
        let sign = if ind.direction() == Direction::Falling && total.value > 0.0 {
            -1.0
        } else {
            1.0
        };
        let (s_lo, s_hi) = if sign < 0.0 {
            (-s_hi, -s_lo)
        } else {
            (s_lo, s_hi)
        };
        (
            (target.value / base.value - 1.0) * 100.0,
            (t_lo / b_hi - 1.0) * 100.0,
            (t_hi / b_lo - 1.0) * 100.0,
            (s_lo, s_hi, sign * total.value),
            base.value * (1.0 + sign * total.value / 100.0),
        )
    };
    let (s_lo, s_hi, s_point) = stated;
    let severity = if hi < s_lo || lo > s_hi {
        Severity::Error
    } else if implied < s_lo || implied > s_hi {
        Severity::Warning
    } else {
        return None;
    };
    let span = match ind.rate.period_years {
        Some([from, to]) => format!("{from}–{to}"),
        None => format!("{}–{}", ind.base_year + 1, ind.target_year),
    };
    let unit = if ind.rate_kind == RateKind::TotalAmount {
        if ind.unit.is_share() {
            Some("points".to_string())
        } else {
            Some(ind.value_unit())
        }
    } else {
        None
    };
    let message = say::rate_total(
        &ind.rate.raw,
        &span,
        [&ind.base.raw, &ind.target.raw],
        [
            significant(s_point),
            significant(implied),
            significant(lo),
            significant(hi),
            significant(reached),
        ],
        unit.as_deref(),
        severity == Severity::Error,
    );
    Some(
        Finding::new(ind, Code::RateMismatch, severity, message).with(Numbers {
            base_value: Some(base.value),
            target_value: Some(target.value),
            period_total: Some(s_point),
            reached_value: Some(reached),
            ..Numbers::default()
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests_support::row;

    fn total(
        name: &str,
        unit: &str,
        base: &str,
        target: &str,
        rate: &str,
        kind: RateKind,
    ) -> Option<Finding> {
        let mut ind = row(name, unit, 2015, base, 2020, target, rate);
        ind.rate_kind = kind;
        ind.rate_cumulative = true;
        ind.rate.period_years = Some([2016, 2020]);
        check_row(&ind)
    }

    #[test]
    fn totals_against_base_and_target() {
        use RateKind::*;
        // 56.1 + 3.9 = 60.0: agrees
        assert!(total("常住人口城镇化率", "%", "56.1", "60", "[3.9]", TotalAmount).is_none());
        // 56.1 + 5.9 = 62.0, not 60 (59.5–60.5 less 56.05–56.15 is 3.35–4.45): no digits fit
        let f = total("常住人口城镇化率", "%", "56.1", "60", "[5.9]", TotalAmount).unwrap();
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.numbers.reached_value, Some(62.0));
        assert!(
            f.message
                .contains("is 5.9 points, but 56.1 → 60 is 3.9 points"),
            "{}",
            f.message
        );
        // 100 × (1 − 0.15) = 85: a fall of 15 % agrees
        assert!(total("万元GDP用水量下降", "%", "100", "85", "[15]", TotalPercent).is_none());
        // 100 → 80 is −20 % (79.5/100.5 − 1 = −20.9 % to 80.5/99.5 − 1 = −19.1 %), not −15 %
        let f = total("万元GDP用水量下降", "%", "100", "80", "[15]", TotalPercent).unwrap();
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.numbers.reached_value, Some(85.0));
    }
}
