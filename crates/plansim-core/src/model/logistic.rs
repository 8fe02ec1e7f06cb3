//! Logistic growth saturating at a ceiling K (100 for a share):
//! v(t) = K / (1 + A·e^(−ρ(t−t0))), A = (K − v0)/v0.
//!
//! A year's rate g is read at the baseline: ρ = g/(1 − v0/K) is the intrinsic rate whose relative
//! growth at v0 is g, slowing as K nears (a stated or a rule's rate over years is a pace,
//! calibrated to the level it reaches: `scenario::rates`). The map
//! is linear, so symmetric shocks to g stay symmetric in ρ. Each step is the exact logistic flow
//! over one year, so the path stays strictly inside (0, K) whatever the rates (also under Monte
//! Carlo draws).

use super::Growth;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
/// S-shaped growth towards a ceiling, the rate read at the baseline.
pub struct Logistic {
    /// The level the path approaches and never passes (100 for a share).
    pub ceiling: f64,
    /// The baseline level the rate is read at.
    pub base: f64,
}

/// Intrinsic rates are capped to keep e^(−ρ) finite.
const MAX_RHO: f64 = 50.0;

impl Logistic {
    /// The intrinsic rate ρ for a rate g at the baseline: ρ·(1 − v0/K) = g.
    #[inline]
    pub(crate) fn rho(&self, g: f64) -> f64 {
        (g / (1.0 - self.base / self.ceiling)).clamp(-MAX_RHO, MAX_RHO)
    }

    /// The rate at the baseline of an intrinsic rate ρ.
    pub(crate) fn rate_of(&self, rho: f64) -> f64 {
        rho * (1.0 - self.base / self.ceiling)
    }

    /// The fastest rate the model takes, rising or falling: what a pace past the ceiling (or
    /// under nothing) comes to, so that a faster pace never gives a lower path.
    pub(crate) fn fastest(&self, rising: bool) -> f64 {
        self.rate_of(if rising { MAX_RHO } else { -MAX_RHO })
    }
}

impl Growth for Logistic {
    #[inline]
    fn step(&self, prev: f64, rate: f64) -> f64 {
        let k = self.ceiling;
        if prev <= 0.0 || prev >= k {
            return prev.clamp(0.0, k);
        }
        k / (1.0 + (k - prev) / prev * (-self.rho(rate)).exp())
    }
    /// Through a level below the ceiling: ρ = ln(A / (K/to − 1)) / years, A = (K − from)/from,
    /// given as the rate read at this model's baseline (which `from`, a later point of the
    /// path such as the 2025 level on the way to a 2035 goal, need not be).
    fn calibrate(&self, from: f64, to: f64, years: f64) -> Option<f64> {
        let k = self.ceiling;
        if !(from > 0.0 && from < k && to > 0.0 && to < k && years > 0.0) {
            return None;
        }
        let a = (k - from) / from;
        let rho = (a / (k / to - 1.0)).ln() / years;
        // beyond the cap `step` would not follow
        (rho.abs() <= MAX_RHO).then(|| self.rate_of(rho))
    }
    fn name(&self) -> &'static str {
        "logistic"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_through_its_target_and_stays_under_the_ceiling() {
        // 基本养老保险参保率 95.2 → 98 by 2025 under K = 100:
        // A = 4.8/95.2, ρ = ln(A / (100/98 − 1)) / 5 = ln(0.0504202 / 0.0204082) / 5 = 0.180901
        let m = Logistic {
            ceiling: 100.0,
            base: 95.2,
        };
        let g = m.calibrate(95.2, 98.0, 5.0).unwrap();
        assert!((m.rho(g) - (0.0504202f64 / 0.0204082).ln() / 5.0).abs() < 1e-5);
        let mut v = 95.2;
        for year in 1..=15 {
            v = m.step(v, g);
            if year == 5 {
                assert!((v - 98.0).abs() < 1e-9, "{v}");
            }
            assert!(v < 100.0);
        }
        // closed form at 2035: 100 / (1 + A·e^(−15ρ)) = 99.74
        let closed = 100.0 / (1.0 + (4.8 / 95.2) * (-15.0 * m.rho(g)).exp());
        assert!((v - closed).abs() < 1e-9 && (v - 99.7).abs() < 0.1);
    }

    #[test]
    fn a_rate_is_read_at_the_baseline() {
        // urbanisation 63 at 2% a year at the baseline: ρ = 0.02/(1 − 0.63) = 0.054054, and a year
        // later 100/(1 + (37/63)·e^(−ρ)) = 64.2509
        let m = Logistic {
            ceiling: 100.0,
            base: 63.0,
        };
        assert!((m.rho(0.02) - 0.02 / 0.37).abs() < 1e-15);
        assert!((m.step(63.0, 0.02) - 64.25090529070637).abs() < 1e-9);
        assert!((m.rate_of(m.rho(0.02)) - 0.02).abs() < 1e-15);
        // even a huge shock stays under the ceiling
        assert!(m.step(99.0, 5.0) <= 100.0);
    }
}
