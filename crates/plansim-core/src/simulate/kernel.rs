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
pub struct PathInput<'a> {
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
    /// σ of each year's rate, a fraction.
    pub sigma: f64,
    /// Share of the shock from the economy-wide factor (0 = independent).
    pub common: f64,
    /// Year offsets whose threshold is counted: (offset, level, met at or above).
    pub goals: &'a [(usize, f64, bool)],
}

/// Per year (offset 0 = start): p5…p95; per goal: the share of draws meeting it.
pub struct PathResult {
    /// p5, p25, p50, p75, p95 of each year from the start.
    pub bands: Vec<[f64; 5]>,
    /// The share of draws meeting each goal, in the order of [`PathInput::goals`].
    pub probabilities: Vec<f64>,
}

/// Reused buffers of one worker.
#[derive(Default)]
pub struct Scratch {
    values: Vec<f64>,
    spill: Vec<f64>,
    shocks: Vec<f64>,
    common: Vec<f64>,
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

/// Draws one path `draws` times: each year's rate is its planned rate plus σ times a shock
/// (from the path's own streams and, for `common`, the economy-wide ones), known years fixed.
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
    for t in 0..years {
        let (min, max) = if let Some(v) = input.fixed.get(t + 1).copied().flatten() {
            s.values.fill(v);
            (v, v)
        } else {
            let g = input.rates[t];
            let sigma = input.sigma;
            let year = input.start_year + t as i32 + 1;
            let stream = stream_seed(seed, key, year);
            if let (Sampler::Normal, Model::Compound(_), false) =
                (&sampler, input.model, input.common > 0.0)
            {
                // the common case in one pass: each block of shocks used while in cache
                let (values, mut b) = (&mut s.values, Bounds::default());
                #[allow(unused_attributes)]
                Normals::new(stream).each_block(
                    draws,
                    #[inline(always)]
                    |at, z| {
                        let v = &mut values[at..at + z.len()];
                        for (v, z) in v.iter_mut().zip(z) {
                            *v *= 1.0 + (g + sigma * z);
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
                advance(input.model, &mut s.values, &s.shocks, g, sigma)
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

/// One year for every draw: v ← step(v, g + σ·z); returns the smallest and largest value,
/// both NaN when a value is. Compound is written out so the loop vectorises; with σ = 0 it
/// performs exactly the deterministic step.
fn advance(model: Model, values: &mut [f64], shocks: &[f64], g: f64, sigma: f64) -> (f64, f64) {
    match model {
        Model::Compound(_) => {
            for (v, z) in values.iter_mut().zip(shocks) {
                *v *= 1.0 + (g + sigma * z);
            }
        }
        _ => {
            for (v, z) in values.iter_mut().zip(shocks) {
                *v = model.step(*v, g + sigma * z);
            }
        }
    }
    bounds(values)
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
