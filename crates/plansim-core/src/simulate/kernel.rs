//! The Monte Carlo loop of one path: all draws advanced a year at a time, so memory is a few
//! vectors of `draws` values, never the indicators × draws × years cube.

use super::quantile::Counter;
use crate::model::{Growth, Model};
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand_distr::Distribution;

/// Shocks to a year's rate, in units of σ.
#[derive(Clone, Copy, Debug)]
pub enum Noise {
    Normal,
    /// Student-t with `df` degrees of freedom, scaled to unit variance.
    StudentT {
        df: f64,
    },
}

/// What one path needs for its draws.
pub struct PathInput<'a> {
    pub model: Model,
    /// Calendar year of the start: the economy-wide factor is drawn per calendar year.
    pub start_year: i32,
    pub start: f64,
    /// Rate of each year after the start.
    pub rates: &'a [f64],
    /// Known values by year offset (1 = first year after the start); these years are not drawn.
    pub fixed: &'a [Option<f64>],
    pub sigma: f64,
    /// Share of the shock from the economy-wide factor (0 = independent).
    pub common: f64,
    /// Year offsets whose threshold is counted: (offset, level, met at or above).
    pub goals: &'a [(usize, f64, bool)],
}

/// Per year (offset 0 = start): p5…p95; per goal: the share of draws meeting it.
pub struct PathResult {
    pub bands: Vec<[f64; 5]>,
    pub probabilities: Vec<f64>,
}

/// Reused buffers of one worker.
#[derive(Default)]
pub struct Scratch {
    values: Vec<f64>,
    spill: Vec<f64>,
    shocks: Vec<f64>,
    counter: Counter,
}

/// Stream of the economy-wide factor: the same for every path of a run.
const COMMON_STREAM: u64 = 0x9E37_79B9_7F4A_7C15;

/// The RNG of path `index` under `seed`: independent of the order paths run in.
pub fn path_rng(seed: u64, index: u64) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(
        seed ^ index.wrapping_add(1).wrapping_mul(0xD1B5_4A32_D192_ED03),
    )
}

pub fn run_path(
    input: &PathInput,
    draws: usize,
    seed: u64,
    index: u64,
    noise: Noise,
    s: &mut Scratch,
) -> PathResult {
    let years = input.rates.len();
    let mut rng = path_rng(seed, index);
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
            sampler.fill(&mut s.shocks, &mut rng);
            if input.common > 0.0 {
                // one factor stream per calendar year, the same for every path: draw d of a
                // year sees the same economy-wide shock in all indicators
                let year = (input.start_year + t as i32 + 1) as u64;
                let mut common_rng = Xoshiro256PlusPlus::seed_from_u64(
                    seed ^ COMMON_STREAM ^ year.wrapping_mul(0xA24B_AED4_963E_E407),
                );
                for z in s.shocks.iter_mut() {
                    *z = own * *z + shared * sampler.draw(&mut common_rng);
                }
            }
            advance(input.model, &mut s.values, &s.shocks, g, sigma)
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

/// The distribution of the unit shocks, built once per path rather than once per draw.
enum Sampler {
    Normal(statrs::distribution::Normal),
    /// Student-t and the factor that scales it to unit variance.
    StudentT(statrs::distribution::StudentsT, f64),
}

impl Sampler {
    fn of(noise: Noise) -> Sampler {
        let normal = || Sampler::Normal(statrs::distribution::Normal::standard());
        match noise {
            Noise::Normal => normal(),
            // df > 2 is checked where the settings are read; an impossible df falls back to normal
            Noise::StudentT { df } => statrs::distribution::StudentsT::new(0.0, 1.0, df)
                .map_or_else(
                    |_| normal(),
                    |d| Sampler::StudentT(d, ((df - 2.0) / df).sqrt()),
                ),
        }
    }

    #[inline]
    fn draw(&self, rng: &mut Xoshiro256PlusPlus) -> f64 {
        match self {
            Sampler::Normal(n) => n.sample(rng),
            Sampler::StudentT(t, scale) => t.sample(rng) * scale,
        }
    }

    fn fill(&self, out: &mut [f64], rng: &mut Xoshiro256PlusPlus) {
        match self {
            Sampler::Normal(n) => out.iter_mut().for_each(|z| *z = n.sample(rng)),
            Sampler::StudentT(..) => out.iter_mut().for_each(|z| *z = self.draw(rng)),
        }
    }
}

/// One year for every draw: v ← step(v, g + σ·z); returns the smallest and largest value.
/// Compound is written out so the loop vectorises; with σ = 0 it performs exactly the
/// deterministic step.
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
    // plain comparisons (not f64::min, which handles NaN) let this loop vectorise; a NaN
    // would make the bounds NaN and send the quantiles down the exact fallback
    let (mut lo, mut hi) = (values[0], values[0]);
    for &v in values.iter() {
        lo = if v < lo { v } else { lo };
        hi = if v > hi { v } else { hi };
    }
    if values.iter().any(|v| v.is_nan()) {
        return (f64::NAN, f64::NAN);
    }
    (lo, hi)
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
