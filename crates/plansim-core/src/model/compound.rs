//! Compound growth: v(t) = v0·(1+g)^(t−t0).

use super::Growth;
use serde::Serialize;

/// The average annual rate that takes `from` to `to` in `years`: (to/from)^(1/years) − 1.
/// `None` when it is undefined (non-positive values, no years).
pub fn implied_rate(from: f64, to: f64, years: f64) -> Option<f64> {
    (from > 0.0 && to > 0.0 && years > 0.0).then(|| (to / from).powf(1.0 / years) - 1.0)
}

/// The value `from` reaches after `years` at annual rate `rate`.
pub fn reach(from: f64, rate: f64, years: f64) -> f64 {
    from * (1.0 + rate).powf(years)
}

/// The annual factor of a cumulative change over a period: 12% down over five years is
/// (1 − 0.12)^(1/5) a year, a rate of −2.524%.
pub(crate) fn annual_from_total(total_change: f64, years: f64) -> f64 {
    (1.0 + total_change).powf(1.0 / years) - 1.0
}

/// One year of compound growth at the year's rate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Compound;

impl Growth for Compound {
    #[inline]
    fn step(&self, prev: f64, rate: f64) -> f64 {
        prev * (1.0 + rate)
    }
    fn calibrate(&self, from: f64, to: f64, years: f64) -> Option<f64> {
        implied_rate(from, to, years)
    }
    fn name(&self) -> &'static str {
        "compound"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approx_eq;

    #[test]
    fn closed_forms() {
        // 100·1.05⁵ = 127.62815625 exactly (1.05² = 1.1025, 1.05⁴ = 1.21550625, ×1.05)
        assert!(approx_eq(reach(100.0, 0.05, 5.0), 127.62815625, 1e-9));
        assert!(approx_eq(
            implied_rate(100.0, 127.62815625, 5.0).unwrap(),
            0.05,
            1e-12
        ));
        // 1 − 0.88^(1/5) = 2.524% a year: 0.88^0.2 = e^(ln 0.88 / 5) = e^(−0.0255667) = 0.974757
        assert!(approx_eq(annual_from_total(-0.12, 5.0), -0.025243, 1e-6));
        assert_eq!(implied_rate(0.0, 5.0, 5.0), None);
        let mut v = 100.0;
        for _ in 0..5 {
            v = Compound.step(v, 0.05);
        }
        assert!(approx_eq(v, 127.62815625, 1e-9));
    }
}
