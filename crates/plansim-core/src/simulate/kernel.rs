//! The Monte Carlo loop of one path: all draws advanced a year at a time, so memory is a few
//! vectors of `draws` values, never the indicators × draws × years cube.

use super::normal::{Normals, mix};
use super::quantile::Counter;
use crate::model::{Growth, Model};
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand_distr::Distribution;

/// Shocks to a year's rate, in units of σ.
#[derive(Clone, Copy, Debug)]
pub enum Noise {
    /// Standard normal shocks.
    Normal,
    /// Student-t with `df` degrees of freedom, scaled to unit variance.
    StudentT {
        /// Degrees of freedom (more than 2, so that the variance is finite).
        df: f64,
    },
}

/// What one path needs for its draws.
pub(crate) struct PathInput<'a> {
    /// The growth model the path follows.
    pub model: Model,
    /// Calendar year of the start: the economy-wide factor is drawn per calendar year.
    pub start_year: i32,
    /// The value at the start.
    pub start: f64,
    /// Rate of each year after the start.
    pub rates: &'a [f64],
    /// Known values by year offset (1 = first year after the start); these years are not drawn.
    pub fixed: &'a [Option<f64>],
    /// σ of each year's change, in the unit of `log`: the spread the outturns give (assess's
    /// estimate) or one set by hand.
    pub sigma: f64,
    /// Each year's change is log growth (the value is multiplied by e^change); else points
    /// (added). The plan's step is taken first, so the draws centre on the scenario's path.
    pub log: bool,
    /// A logistic path's ceiling: no draw passes it (nor goes below zero).
    pub ceiling: Option<f64>,
    /// The number of observed changes behind σ: each draw then takes its own mean error and σ
    /// from their posterior, so that the sum of the next k changes follows the predictive
    /// k·x̄ + s·√(k(1 + k/n))·t(n − 1) about the scenario's path. `None`: σ known (set by hand).
    pub n: Option<usize>,
    /// Share of the shock from the economy-wide factor (0 = independent).
    pub common: f64,
    /// Year offsets whose threshold is counted: (offset, level, met at or above).
    pub goals: &'a [(usize, f64, bool)],
}

/// Per year (offset 0 = start): p5…p95; per goal: the share of draws meeting it.
pub(crate) struct PathResult {
    /// p5, p25, p50, p75, p95 of each year from the start.
    pub bands: Vec<[f64; 5]>,
    /// The share of draws meeting each goal, in the order of [`PathInput::goals`].
    pub probabilities: Vec<f64>,
}

/// Reused buffers of one worker.
#[derive(Default)]
pub(crate) struct Scratch {
    values: Vec<f64>,
    spill: Vec<f64>,
    shocks: Vec<f64>,
    common: Vec<f64>,
    /// Per draw: the error of the mean, and σ, from their posterior.
    mean_error: Vec<f64>,
    spread: Vec<f64>,
    counter: Counter,
}

/// Key of the economy-wide factor's streams: the same for every path of a run.
const COMMON_KEY: u64 = 0x9E37_79B9_7F4A_7C15;

/// The seed of one year's shocks of one path: a function of the run's seed, the path's key
/// and the calendar year only, so neither the order of paths, nor the other tables of a
/// scenario, nor the years a path does not draw (actuals) move it.
pub(crate) fn stream_seed(seed: u64, key: u64, year: i32) -> u64 {
    mix(mix(seed ^ mix(key)) ^ (year as i64 as u64).wrapping_mul(0xA24B_AED4_963E_E407))
}

/// The key of a path's posterior stream: a year no path draws.
const POSTERIOR_YEAR: i32 = i32::MIN;

/// Each draw's error of the mean and σ. With n observed changes of sample sd s (flat prior),
/// σ² = s²(n − 1)/χ²(n − 1) and the mean's error ~ N(0, σ²/n): the sum of k changes is then
/// k·(mean) + s·√(k(1 + k/n))·t(n − 1) — assess's predictive. Without n, σ = s and no error.
fn posterior(input: &PathInput, stream: u64, mean_error: &mut [f64], spread: &mut [f64]) {
    let s = input.sigma;
    let chi = input
        .n
        .filter(|&n| n >= 2)
        .and_then(|n| Some((n as f64, rand_distr::ChiSquared::new(n as f64 - 1.0).ok()?)));
    let Some((n, chi)) = chi else {
        mean_error.fill(0.0);
        spread.fill(s);
        return;
    };
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(stream);
    let df = n - 1.0;
    for (m, sd) in mean_error.iter_mut().zip(spread.iter_mut()) {
        // a χ² of exactly 0 would make σ infinite: the smallest positive double instead
        let c: f64 = chi.sample(&mut rng);
        let sigma = s * (df / c.max(f64::MIN_POSITIVE)).sqrt();
        let z: f64 = rand_distr::StandardNormal.sample(&mut rng);
        *sd = sigma;
        *m = sigma * z / n.sqrt();
    }
}

/// Draws one path `draws` times: each year the plan's step, then a change of the draw's mean
/// error plus its σ times a shock (from the path's own streams and, for `common`, the
/// economy-wide ones), known years fixed.
pub(crate) fn run_path(
    input: &PathInput,
    draws: usize,
    seed: u64,
    key: u64,
    noise: Noise,
    s: &mut Scratch,
) -> PathResult {
    let years = input.rates.len();
    s.values.clear();
    s.values.resize(draws, input.start);
    s.shocks.resize(draws, 0.0);
    let mut bands = Vec::with_capacity(years + 1);
    bands.push([input.start; 5]);
    let mut probabilities = vec![0.0; input.goals.len()];
    count_goals(&s.values, 0, input.goals, &mut probabilities);
    let (own, shared) = ((1.0 - input.common).sqrt(), input.common.sqrt());
    let sampler = Sampler::of(noise);
    s.mean_error.resize(draws, 0.0);
    s.spread.resize(draws, 0.0);
    posterior(
        input,
        stream_seed(seed, key, POSTERIOR_YEAR),
        &mut s.mean_error,
        &mut s.spread,
    );
    let shape = Shape {
        model: input.model,
        log: input.log,
        ceiling: input.ceiling,
    };
    for t in 0..years {
        let (min, max) = if let Some(v) = input.fixed.get(t + 1).copied().flatten() {
            s.values.fill(v);
            (v, v)
        } else {
            let g = input.rates[t];
            let year = input.start_year + t as i32 + 1;
            let stream = stream_seed(seed, key, year);
            if let (Sampler::Normal, Model::Compound(_), true, false) =
                (&sampler, input.model, input.log, input.common > 0.0)
            {
                // the common case in one pass: each block of shocks used while in cache
                let (values, mut b) = (&mut s.values, Bounds::default());
                let (errors, spreads) = (&s.mean_error, &s.spread);
                let factor = 1.0 + g;
                #[allow(unused_attributes)]
                Normals::new(stream).each_block(
                    draws,
                    #[inline(always)]
                    |at, z| {
                        let end = at + z.len();
                        let v = &mut values[at..end];
                        let (m, sd) = (&errors[at..end], &spreads[at..end]);
                        for (((v, z), m), sd) in v.iter_mut().zip(z).zip(m).zip(sd) {
                            *v = (*v * factor * (m + sd * z).exp()).min(f64::MAX);
                        }
                        b.add(v);
                    },
                );
                b.get()
            } else {
                sampler.fill(&mut s.shocks, stream);
                if input.common > 0.0 {
                    // one factor stream per calendar year, the same for every path: draw d of a
                    // year sees the same economy-wide shock in all indicators
                    s.common.resize(draws, 0.0);
                    sampler.fill(&mut s.common, stream_seed(seed, COMMON_KEY, year));
                    for (z, c) in s.shocks.iter_mut().zip(&s.common) {
                        *z = own * *z + shared * c;
                    }
                }
                shape.advance(&mut s.values, &s.shocks, &s.mean_error, &s.spread, g)
            }
        };
        bands.push(s.counter.quantiles(&s.values, min, max, &mut s.spill));
        count_goals(&s.values, t + 1, input.goals, &mut probabilities);
    }
    for p in &mut probabilities {
        *p /= draws as f64;
    }
    PathResult {
        bands,
        probabilities,
    }
}

/// The distribution of the unit shocks.
enum Sampler {
    Normal,
    /// Student-t and the factor that scales it to unit variance.
    StudentT(statrs::distribution::StudentsT, f64),
}

impl Sampler {
    fn of(noise: Noise) -> Sampler {
        match noise {
            Noise::Normal => Sampler::Normal,
            // df > 2 is checked where the settings are read; an impossible df falls back to normal
            Noise::StudentT { df } => statrs::distribution::StudentsT::new(0.0, 1.0, df)
                .map_or(Sampler::Normal, |d| {
                    Sampler::StudentT(d, ((df - 2.0) / df).sqrt())
                }),
        }
    }

    /// Fills `out` from the stream `seed`.
    fn fill(&self, out: &mut [f64], seed: u64) {
        match self {
            Sampler::Normal => Normals::new(seed).fill(out),
            Sampler::StudentT(t, scale) => {
                let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
                out.iter_mut().for_each(|z| *z = t.sample(&mut rng) * scale);
            }
        }
    }
}

/// How a path moves a year: the model's step, then the drawn change in its unit.
struct Shape {
    model: Model,
    log: bool,
    ceiling: Option<f64>,
}

impl Shape {
    /// One year for every draw: v ← step(v, g), then the change m + σ·z (log growth: v·e^change,
    /// never past the largest double; points: v + change, inside a logistic path's ceiling);
    /// returns the smallest and largest value, both NaN when a value is. With σ = 0 it performs
    /// exactly the deterministic step.
    fn advance(
        &self,
        values: &mut [f64],
        shocks: &[f64],
        errors: &[f64],
        spreads: &[f64],
        g: f64,
    ) -> (f64, f64) {
        let drawn = shocks.iter().zip(errors).zip(spreads);
        match (self.log, self.ceiling) {
            (true, _) => {
                for (v, ((z, m), sd)) in values.iter_mut().zip(drawn) {
                    *v = (self.model.step(*v, g) * (m + sd * z).exp()).min(f64::MAX);
                }
            }
            (false, Some(k)) => {
                for (v, ((z, m), sd)) in values.iter_mut().zip(drawn) {
                    *v = (self.model.step(*v, g) + (m + sd * z)).clamp(0.0, k);
                }
            }
            (false, None) => {
                for (v, ((z, m), sd)) in values.iter_mut().zip(drawn) {
                    *v = self.model.step(*v, g) + (m + sd * z);
                }
            }
        }
        bounds(values)
    }
}

/// Smallest and largest value (NaN, NaN when one is NaN).
fn bounds(values: &[f64]) -> (f64, f64) {
    let mut b = Bounds::default();
    b.add(values);
    b.get()
}

/// Smallest and largest value seen, eight lanes at a time so the loop runs in vector
/// registers: plain comparisons, not f64::min, which would handle NaN per value.
struct Bounds {
    lo: [f64; 8],
    hi: [f64; 8],
    nan: [bool; 8],
}

impl Default for Bounds {
    fn default() -> Bounds {
        Bounds {
            lo: [f64::INFINITY; 8],
            hi: [f64::NEG_INFINITY; 8],
            nan: [false; 8],
        }
    }
}

impl Bounds {
    #[inline(always)]
    fn add(&mut self, values: &[f64]) {
        let chunks = values.chunks_exact(8);
        let rest = chunks.remainder();
        for c in chunks {
            for (j, &v) in c.iter().enumerate() {
                self.lo[j] = if v < self.lo[j] { v } else { self.lo[j] };
                self.hi[j] = if v > self.hi[j] { v } else { self.hi[j] };
                self.nan[j] |= v.is_nan();
            }
        }
        for (j, &v) in rest.iter().enumerate() {
            self.lo[j] = if v < self.lo[j] { v } else { self.lo[j] };
            self.hi[j] = if v > self.hi[j] { v } else { self.hi[j] };
            self.nan[j] |= v.is_nan();
        }
    }

    /// (min, max), NaN both when a value was NaN or none was seen.
    fn get(&self) -> (f64, f64) {
        let lo = self
            .lo
            .iter()
            .fold(f64::INFINITY, |a, &b| if b < a { b } else { a });
        let hi = self
            .hi
            .iter()
            .fold(f64::NEG_INFINITY, |a, &b| if b > a { b } else { a });
        if self.nan.iter().any(|&b| b) || lo > hi {
            return (f64::NAN, f64::NAN);
        }
        (lo, hi)
    }
}

fn count_goals(values: &[f64], offset: usize, goals: &[(usize, f64, bool)], counts: &mut [f64]) {
    for (k, &(at, level, above)) in goals.iter().enumerate() {
        if at == offset {
            // the same allowance as `GoalKind::met`, so σ = 0 agrees with the projection
            let eps = 1e-9 * level.abs().max(1.0);
            counts[k] = if above {
                values.iter().filter(|&&v| v >= level - eps).count()
            } else {
                values.iter().filter(|&&v| v <= level + eps).count()
            } as f64;
        }
    }
}
