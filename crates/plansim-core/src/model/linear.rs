//! Linear growth: v(t) = v0 + d·(t−t0), for percentage points and counts. The rate is the
//! yearly step as a share of a scale (the baseline, or the mean yearly step of a running
//! total), so that rate overrides and shocks read the same as for compound growth.

use super::Growth;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
/// A straight line: each year adds the rate times `scale`, for shares and bounded counts.
pub struct Linear {
    /// The level a rate of 1.0 adds each year.
    pub scale: f64,
}

impl Growth for Linear {
    #[inline]
    fn step(&self, prev: f64, rate: f64) -> f64 {
        prev + rate * self.scale
    }
    fn calibrate(&self, from: f64, to: f64, years: f64) -> Option<f64> {
        (years > 0.0 && self.scale != 0.0).then(|| (to - from) / (years * self.scale))
    }
    fn name(&self) -> &'static str {
        "linear"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_equal() {
        // 63 → 70 in 5 years: 1.4 points a year; as a rate of the base 63, 1.4/63 = 0.0222…
        let m = Linear { scale: 63.0 };
        let g = m.calibrate(63.0, 70.0, 5.0).unwrap();
        assert!((g - 1.4 / 63.0).abs() < 1e-12);
        let v = (0..5).fold(63.0, |v, _| m.step(v, g));
        assert!((v - 70.0).abs() < 1e-9);
    }
}
