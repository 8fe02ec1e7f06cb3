//! The one estimator of an indicator's yearly changes — their mean and spread, in one unit —
//! and the probability of meeting a target on the observed trend. `assess` grades with it and
//! `simulate` draws its fans from the same predictive distribution.
//!
//! The trend is the mean of the observed yearly changes (log growth for compounding levels,
//! points for shares, the yearly values themselves for rates); σ is their sample standard
//! deviation, never below a floor per kind of indicator, so that a few near-identical
//! outturns cannot claim certainty. The next h changes sum, by the predictive distribution of
//! n observed ones, to h·x̄ + s·√(h(1 + h/n))·T, T a Student-t with n − 1 degrees of freedom:
//! the yearly noise, the error of a mean estimated from n changes carried h years ahead, and
//! (the t's heavy tails) the uncertainty of s itself. Below two changes there is no spread to
//! estimate, and no probability.

use super::sigma_source::{Floor, Observed, SigmaSource};
use crate::lang::Text;
use crate::meaning::Quantity;
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// Compounding levels: 1 point of growth a year (log scale 0.01). Chinese regional growth
/// swings by more than that from year to year.
pub(crate) const FLOOR_LEVEL: f64 = 0.01;
/// A change index (energy or CO₂ intensity): 0.5 points of yearly change (log 0.005).
pub(crate) const FLOOR_INDEX: f64 = 0.005;
/// Shares: 0.2 points a year (urbanisation moved 0.50–0.94 points a year in 2021–25).
pub(crate) const FLOOR_SHARE: f64 = 0.2;
/// Yearly rates (GDP growth, R&D growth) and yearly values bounded each year: 0.5 points,
/// five times the 0.1 to which communiqués round them.
pub(crate) const FLOOR_RATE: f64 = 0.5;
/// Running totals: 10 % of the mean yearly count.
pub(crate) const FLOOR_COUNT: f64 = 0.1;

/// Arithmetic mean (NaN for no values).
pub fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

/// Sample standard deviation (n − 1).
pub fn sd(xs: &[f64]) -> f64 {
    let m = mean(xs);
    (xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() as f64 - 1.0)).sqrt()
}

/// Φ(z).
pub(crate) fn phi(z: f64) -> f64 {
    Normal::standard().cdf(z)
}

/// What a yearly change is for an indicator, which fixes its unit and its floor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A compounding level: log growth, ln(v_t / v_{t−1}).
    Level,
    /// A change index (a total change over a period, base year = 100): log growth.
    Index,
    /// A share, or a level moving by equal steps: points (v_t − v_{t−1}).
    Points,
    /// A running total: the yearly count.
    Counts,
}

impl Kind {
    /// The kind of a quantity starting at `start`; `additive` for a target adding a change in
    /// the row's unit to its base (`人均预期寿命 〔1〕`). A level that does not start above zero
    /// cannot compound and moves in points.
    pub fn of(quantity: Quantity, additive: bool, start: f64) -> Kind {
        match quantity {
            Quantity::Share => Kind::Points,
            Quantity::RunningTotal => Kind::Counts,
            _ if additive => Kind::Points,
            Quantity::PeriodChange if start > 0.0 => Kind::Index,
            _ if start > 0.0 => Kind::Level,
            _ => Kind::Points,
        }
    }

    /// True when the change is log growth.
    pub(crate) fn logarithmic(self) -> bool {
        matches!(self, Kind::Level | Kind::Index)
    }

    /// The change from `a` to `b` in this kind's unit (`None` for log growth of a
    /// non-positive value).
    pub fn change(self, a: f64, b: f64) -> Option<f64> {
        match self {
            Kind::Level | Kind::Index if a > 0.0 && b > 0.0 => Some((b / a).ln()),
            Kind::Level | Kind::Index => None,
            Kind::Points | Kind::Counts => Some(b - a),
        }
    }

    /// The smallest σ allowed for these changes.
    fn floor(self, changes: &[f64]) -> f64 {
        match self {
            Kind::Level => FLOOR_LEVEL,
            Kind::Index => FLOOR_INDEX,
            Kind::Points => FLOOR_SHARE,
            Kind::Counts => FLOOR_COUNT * mean(changes).abs(),
        }
    }

    /// What the floor is named for in [`Trend::source`].
    pub fn words(self) -> Text {
        let (en, zh) = match self {
            Kind::Level => ("levels", "水平值"),
            Kind::Index => ("a change index", "变化指数"),
            Kind::Points => ("shares", "比重"),
            Kind::Counts => (
                "running totals (10 % of the mean count)",
                "累计值（年均增量的10%）",
            ),
        };
        Text::new(en.into(), zh.into())
    }

    /// The factor that prints σ in its unit: 100 for log growth (% a year), 1 for points.
    pub fn scale(self) -> f64 {
        if self.logarithmic() { 100.0 } else { 1.0 }
    }
}

/// The observed yearly changes and what they say.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Trend {
    /// Mean yearly change.
    pub mu: f64,
    /// σ after the floor.
    pub sigma: f64,
    /// σ as observed, before the floor.
    pub observed: f64,
    /// The smallest σ allowed: the rounding of the figures behind the changes.
    pub floor: f64,
    /// How many changes.
    pub m: usize,
    /// The year of the first change.
    pub first: i32,
    /// The year of the last change.
    pub last: i32,
}

impl Trend {
    /// From yearly changes `(year, change)`; `None` below two.
    pub fn of(changes: &[(i32, f64)], floor: f64) -> Option<Trend> {
        if changes.len() < 2 {
            return None;
        }
        let xs: Vec<f64> = changes.iter().map(|c| c.1).collect();
        let observed = sd(&xs);
        Some(Trend {
            mu: mean(&xs),
            sigma: observed.max(floor),
            observed,
            floor,
            m: xs.len(),
            first: changes[0].0,
            last: changes[changes.len() - 1].0,
        })
    }

    /// The trend of the changes between consecutive years of `points` (year, value), in the
    /// unit of `kind` and above its floor; `None` below two changes. The one estimator: the
    /// grade's P(meet) and the simulation's fan both rest on it.
    pub(crate) fn of_points(points: &[(i32, f64)], kind: Kind) -> Option<Trend> {
        Trend::of_points_except(points, kind, &[])
    }

    /// [`Trend::of_points`] without the changes into the years of `skip` (steps that are no
    /// yearly change, as onto an official period figure).
    pub(crate) fn of_points_except(
        points: &[(i32, f64)],
        kind: Kind,
        skip: &[i32],
    ) -> Option<Trend> {
        let changes: Vec<(i32, f64)> = points
            .windows(2)
            .filter(|w| w[1].0 == w[0].0 + 1 && !skip.contains(&w[1].0))
            .filter_map(|w| Some((w[1].0, kind.change(w[0].1, w[1].1)?)))
            .collect();
        let xs: Vec<f64> = changes.iter().map(|c| c.1).collect();
        Trend::of(&changes, kind.floor(&xs))
    }

    /// Centre and scale of the predictive distribution of the sum of the next `h` changes:
    /// h·x̄ and s·√(h(1 + h/n)).
    pub fn ahead(&self, h: f64) -> (f64, f64) {
        let m = self.m as f64;
        (h * self.mu, self.sigma * (h * (1.0 + h / m)).sqrt())
    }

    /// P(start + the sum of the next `h` changes ≥ `threshold`), the sum Student-t with n − 1
    /// degrees of freedom about its centre ([`Trend::ahead`]).
    pub(crate) fn p_at_least(&self, start: f64, h: f64, threshold: f64) -> f64 {
        let (shift, scale) = self.ahead(h);
        let centre = start + shift;
        if scale <= 0.0 {
            return if centre >= threshold { 1.0 } else { 0.0 };
        }
        let z = (centre - threshold) / scale;
        // symmetric: P(T ≥ −z) = F(z)
        match StudentsT::new(0.0, 1.0, (self.m as f64 - 1.0).max(1.0)) {
            Ok(t) => t.cdf(z),
            Err(_) => phi(z),
        }
    }

    /// Where σ came from, for `sigma_source`: `kind` names what a floor is for, `scale` and
    /// `unit` print σ (100, `% a year`).
    pub fn source(&self, kind: Text, scale: f64, unit: Text) -> SigmaSource {
        SigmaSource {
            observed: Observed::Changes,
            m: self.m,
            first: self.first,
            last: self.last,
            floor: (self.observed < self.floor).then_some(Floor {
                kind,
                floor: self.floor * scale,
                observed: self.observed * scale,
                unit,
            }),
        }
    }
}

/// P(X ≥ threshold) for X normal: the chance of landing on the rising side.
#[cfg(test)]
pub(crate) fn p_above(center: f64, sd: f64, threshold: f64) -> f64 {
    if sd <= 0.0 {
        return if center >= threshold { 1.0 } else { 0.0 };
    }
    phi((center - threshold) / sd)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn trend_and_floor() {
        // urbanisation changes 0.50, 0.94, 0.84 points: mean 0.76, sd √((0.0676+0.0324+0.0064)/2)
        // = √0.0532 = 0.23065 > 0.2
        let t = Trend::of(&[(2022, 0.5), (2023, 0.94), (2024, 0.84)], FLOOR_SHARE).unwrap();
        assert!((t.mu - 0.76).abs() < 1e-12 && (t.sigma - 0.230651).abs() < 1e-6);
        // two equal changes: sd 0, floored
        let t = Trend::of(&[(2021, 5.0), (2022, 5.0)], FLOOR_RATE).unwrap();
        assert_eq!(t.sigma, 0.5);
        assert!(
            t.source(
                Text::new("yearly rates".into(), "年度比率".into()),
                1.0,
                Text::new("points".into(), "个百分点".into())
            )
            .say(Lang::En)
            .starts_with("floor for yearly rates (0.5 points)")
        );
        // 3 years ahead from m = 2: sd 0.5·√(3 + 9/2) = 0.5·√7.5 = 1.369306
        let (c, s) = t.ahead(3.0);
        assert!((c - 15.0).abs() < 1e-12 && (s - 1.369306).abs() < 1e-6);
        assert!(Trend::of(&[(2021, 1.0)], 0.1).is_none());
        assert!((p_above(0.0, 1.0, 0.0) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn the_t_predictive_in_closed_form() {
        // changes 1, 2, 3 (n = 3): x̄ = 2, s = 1; the next k = 2 sum to 4 + √(2(1 + 2/3))·T
        // = 4 + 1.825742·T, T with 2 degrees of freedom, whose CDF is 1/2 + t/(2√(2 + t²)).
        // P(sum ≥ 5) = P(T ≥ 1/1.825742 = 0.547723) = 1/2 − 0.547723/(2√2.3) = 0.319421
        let t = Trend::of(&[(2021, 1.0), (2022, 2.0), (2023, 3.0)], 0.0).unwrap();
        let (c, s) = t.ahead(2.0);
        assert!((c - 4.0).abs() < 1e-12 && (s - (10.0f64 / 3.0).sqrt()).abs() < 1e-12);
        let p = t.p_at_least(0.0, 2.0, 5.0);
        assert!((p - 0.319421).abs() < 1e-6, "{p}");
        // the same from a start of 10: P(10 + sum ≥ 15)
        assert!((t.p_at_least(10.0, 2.0, 15.0) - p).abs() < 1e-12);
        // a normal of the same scale would say 1 − Φ(0.547723) = 0.291941: the t is wider
        assert!((p_above(4.0, s, 5.0) - 0.291941).abs() < 1e-6);
    }
}
