//! Published precision: a printed number stands for every value that rounds to it, so a cell is
//! an interval, and so is any rate computed from cells.

use crate::model::compound::implied_rate;
use crate::table::{Cell, Form, Indicator, Num};

/// A closed interval; an open end is infinite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Low end (−∞ when open).
    pub lo: f64,
    /// High end (+∞ when open).
    pub hi: f64,
}

impl Interval {
    /// The interval from `lo` to `hi`.
    pub fn new(lo: f64, hi: f64) -> Interval {
        Interval { lo, hi }
    }

    /// The values that print as `n`, times `factor` (a unit's magnitude).
    pub fn printed(n: Num, factor: f64) -> Interval {
        let (lo, hi) = n.interval();
        Interval::new(lo * factor, hi * factor)
    }

    /// Whether the two share a value.
    pub(crate) fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// The distance between two intervals; 0 when they overlap.
    pub fn gap(&self, other: &Interval) -> f64 {
        (other.lo - self.hi).max(self.lo - other.hi).max(0.0)
    }

    /// Whether `v` lies inside, ends included.
    pub fn contains(&self, v: f64) -> bool {
        self.lo <= v && v <= self.hi
    }
}

/// A cell's value with the interval it allows, in the row's value unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The value a point estimate uses: the number, the bound, a range's middle.
    pub point: f64,
    /// The values the cell allows.
    pub interval: Interval,
    /// Half a unit of the last printed digit, in the value unit.
    pub rounding: f64,
}

/// The interval a cell allows: `63` is 62.5–63.5, `≥95` is 94.5 and up, `3-4` is 2.5–4.5.
/// `None` for cells without a number, changes in points and multiples.
pub fn spread(cell: &Cell, factor: f64) -> Option<Spread> {
    let inf = f64::INFINITY;
    let (point, interval, rounding) = match &cell.form {
        Form::Number { value } | Form::About { value } => (
            value.value,
            Interval::printed(*value, 1.0),
            value.half_ulp(),
        ),
        Form::AtLeast { value, .. } => (
            value.value,
            Interval::new(value.interval().0, inf),
            value.half_ulp(),
        ),
        Form::AtMost { value, .. } => (
            value.value,
            Interval::new(-inf, value.interval().1),
            value.half_ulp(),
        ),
        Form::Range { low, high } => (
            (low.value + high.value) / 2.0,
            Interval::new(low.interval().0, high.interval().1),
            low.half_ulp().max(high.half_ulp()),
        ),
        _ => return None,
    };
    Some(Spread {
        point: point * factor,
        interval: Interval::new(interval.lo * factor, interval.hi * factor),
        rounding: rounding * factor,
    })
}

/// The baseline as a level, with its rounding; only a plain or approximate number qualifies
/// (a bound or a period total is not a starting level).
pub fn base(ind: &Indicator) -> Option<Spread> {
    match ind.base.form {
        Form::Number { .. } | Form::About { .. } if !ind.base.is_period_total() => {
            spread(&ind.base, ind.factor(&ind.base))
        }
        _ => None,
    }
}

/// The target as a level (bounds and ranges included); `None` for period totals and changes.
pub fn target(ind: &Indicator) -> Option<Spread> {
    if ind.target.is_period_total() {
        return None;
    }
    spread(&ind.target, ind.factor(&ind.target))
}

/// The stated average annual rate in percent, as an interval; `None` when there is none or it
/// is a period total.
pub(crate) fn stated_rate(ind: &Indicator) -> Option<Spread> {
    if ind.rate_cumulative || ind.rate.is_period_total() {
        return None;
    }
    spread(&ind.rate, 1.0)
}

/// `implied_rate` in percent, with a collapse to zero (or below) read as −100 %.
fn implied_pct(from: f64, to: f64, years: f64) -> f64 {
    if to.is_infinite() && to > 0.0 {
        return f64::INFINITY;
    }
    implied_rate(from, to, years).map_or(-100.0, |g| g * 100.0)
}

/// The annual rates (percent) that take any base in `base` to any target in `target`.
pub(crate) fn implied_interval(base: Interval, target: Interval, years: f64) -> Interval {
    Interval::new(
        implied_pct(base.hi, target.lo, years),
        implied_pct(base.lo, target.hi, years),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approx_eq;

    #[test]
    fn cells_are_intervals() {
        let c = |t: &str| spread(&Cell::parse(t).unwrap(), 1.0).unwrap();
        assert_eq!(c("63").interval, Interval::new(62.5, 63.5));
        assert_eq!(c("≥95").interval, Interval::new(94.5, f64::INFINITY));
        assert_eq!(c("4以内").interval, Interval::new(f64::NEG_INFINITY, 4.5));
        let r = c("3-4");
        assert_eq!((r.point, r.interval), (3.5, Interval::new(2.5, 4.5)));
        // 305.8亿 in 万元: 305.75–305.85 亿 = 3,057,500–3,058,500 万
        let y = spread(&Cell::parse("305.8亿").unwrap(), 1e4).unwrap();
        assert!(approx_eq(y.interval.lo, 3_057_500.0, 1e-6));
        assert!(approx_eq(y.rounding, 500.0, 1e-9));
        assert!(spread(&Cell::parse("市级指标").unwrap(), 1.0).is_none());
    }

    #[test]
    fn implied_rates_span_the_rounding() {
        // 9.7 → 10.8 in 5 years: (10.75/9.75)^(1/5) − 1 = 1.10256^0.2 − 1 = 1.972 %;
        // (10.85/9.65)^(1/5) − 1 = 1.12435^0.2 − 1 = 2.372 %
        let i = implied_interval(Interval::new(9.65, 9.75), Interval::new(10.75, 10.85), 5.0);
        assert!(approx_eq(i.lo, 1.9720, 1e-3) && approx_eq(i.hi, 2.3719, 1e-3));
        let open = implied_interval(
            Interval::new(1.0, 1.0),
            Interval::new(2.0, f64::INFINITY),
            1.0,
        );
        assert_eq!((open.lo, open.hi), (100.0, f64::INFINITY));
        assert!(Interval::new(0.0, 1.0).overlaps(&Interval::new(1.0, 2.0)));
        assert_eq!(Interval::new(0.0, 1.0).gap(&Interval::new(1.5, 2.0)), 0.5);
    }
}
