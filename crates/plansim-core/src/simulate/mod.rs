//! Monte Carlo: each year the scenario's step, then a change drawn in the unit assess reads the
//! indicator in (log growth for levels, points for shares and counts) — with σ from the
//! outturns, each draw's mean error and σ from their posterior, so the sum of the next k
//! changes follows assess's predictive k·x̄ + s·√(k(1 + k/n))·t(n − 1) about the scenario's
//! path; with σ set by hand, normal (or Student-t) shocks of that σ. Bands p5…p95 per year and
//! the probability of meeting each goal. Seeded per path, so the same seed gives the same
//! numbers whatever the number of threads.

pub(crate) mod kernel;
mod keys;
mod memo;
pub(crate) mod normal;
pub mod quantile;
mod sigma;
pub mod stream;

pub use kernel::Noise;
pub(crate) use keys::path_keys;
pub use memo::Memo;
pub(crate) use sigma::sigma_of;
pub use sigma::{SigmaSource, Spread};

use crate::error::{Error, Result};
use crate::project::Projection;
use crate::scenario::{Distribution, Scenario};
use kernel::{PathInput, Scratch, run_path};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// Draws, seed, noise and σ: the scenario's `[uncertainty]` with command-line overrides.
/// Everything a simulation needs besides the projection, so that a projection built in code
/// can be simulated without a scenario file.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Draws per indicator (1 to 10,000,000).
    pub draws: usize,
    /// The seed every path's streams are keyed from.
    pub seed: u64,
    /// The distribution of the yearly shocks.
    pub noise: Noise,
    /// Overrides every σ when set; a fraction (0.02 = 2 points), as the engine draws rates.
    pub sigma: Option<f64>,
    /// σ per indicator name (Chinese or English), as fractions: the scenario's `sigma_by`.
    pub sigma_by: BTreeMap<String, f64>,
    /// σ of indicators nothing else gives one, as a fraction: the scenario's default `sigma`.
    pub default_sigma: Option<f64>,
    /// Share (0–1) of each shock drawn from one economy-wide factor.
    pub common: f64,
    /// Threads: 1 runs here, 0 uses the current rayon pool (all cores by default).
    pub jobs: usize,
    /// Paths already drawn by other scenarios of a batch, reused when their inputs are
    /// identical (the numbers are the same either way; only the time differs).
    pub memo: Option<Memo>,
}

impl Default for Settings {
    /// 10,000 normal draws, seed 20210101, σ by the table, the outturns or the rule of thumb.
    fn default() -> Settings {
        Settings {
            draws: 10_000,
            seed: 20210101,
            noise: Noise::Normal,
            sigma: None,
            sigma_by: BTreeMap::new(),
            default_sigma: None,
            common: 0.0,
            jobs: 0,
            memo: None,
        }
    }
}

impl Settings {
    /// The settings a scenario's `[uncertainty]` gives (the defaults where it gives none).
    pub fn from_scenario(sc: &Scenario) -> Settings {
        let u = sc.spec.uncertainty.clone().unwrap_or_default();
        let base = Settings::default();
        Settings {
            draws: u.draws.unwrap_or(base.draws),
            seed: u.seed.unwrap_or(base.seed),
            noise: match u.distribution {
                Some(Distribution::StudentT) => Noise::StudentT {
                    df: u.df.unwrap_or(5.0),
                },
                Some(Distribution::Normal) | None => Noise::Normal,
            },
            // the scenario writes σ in points; the engine draws rates as fractions
            sigma_by: u
                .sigma_by
                .iter()
                .map(|(k, v)| (k.clone(), v.fraction()))
                .collect(),
            default_sigma: u.sigma.as_ref().map(|s| s.fraction()),
            common: u.common.unwrap_or(0.0),
            ..base
        }
    }
}

/// p5, p25, p50, p75, p95 of one year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    /// The 5th percentile.
    pub p5: f64,
    /// The 25th percentile.
    pub p25: f64,
    /// The median.
    pub p50: f64,
    /// The 75th percentile.
    pub p75: f64,
    /// The 95th percentile.
    pub p95: f64,
}

impl Band {
    fn from(q: [f64; 5]) -> Band {
        Band {
            p5: q[0],
            p25: q[1],
            p50: q[2],
            p75: q[3],
            p95: q[4],
        }
    }
    /// No band: a year before the path starts, or a path without evidence for a σ.
    pub const MISSING: Band = Band {
        p5: f64::NAN,
        p25: f64::NAN,
        p50: f64::NAN,
        p75: f64::NAN,
        p95: f64::NAN,
    };
}

/// The probability of meeting one goal.
#[derive(Clone, Debug, Serialize)]
pub struct Chance {
    /// The goal's year.
    pub year: i32,
    /// The target as printed.
    pub target: String,
    /// The level a draw must reach (or stay under, for a falling indicator).
    pub level: f64,
    /// The share of draws meeting it (0–1).
    pub probability: f64,
}

/// One path's simulation: its σ, its bands and its chances of meeting its goals.
#[derive(Clone, Debug, Serialize)]
pub struct SimPath {
    /// A fraction; points in JSON.
    #[serde(serialize_with = "crate::percent::one")]
    pub sigma: f64,
    /// Where σ came from (flag, scenario, table, actuals, default).
    pub sigma_from: SigmaSource,
    /// The number of observed yearly changes σ rests on (outturns only; a σ set by hand is
    /// taken as known): the draws follow the Student-t predictive with n − 1 degrees of freedom.
    pub sigma_n: Option<usize>,
    /// One band per projection year (NaN before the path starts). The paths not drawn (no
    /// evidence for a σ) share one list of missing bands: most rows of a plan without
    /// outturns, each of whose own list took 640 bytes.
    pub bands: std::sync::Arc<[Band]>,
    /// The probability of each goal the horizon reaches.
    pub chances: Vec<Chance>,
}

/// A simulation of a projection: `paths[i]` belongs to `projection.paths[i]`.
///
/// # Example
///
/// ```
/// use plansim_core::{Input, LoadOptions, Options, Stages, load_bytes, run};
///
/// // 100亿 in 2020 at a stated 5 % a year
/// let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
///            测试区,地区生产总值,亿元,2020,100,2025,,5\n";
/// let table = load_bytes("gdp.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default())?;
/// // σ = 0: every draw is the projection, so is every band
/// let opts = Options { sigma: Some(0.0), draws: Some(10), ..Options::default() };
/// let results = run(Input::Table(table), &opts, Stages::SIMULATE)?;
/// let (p, sim) = (&results.projection, results.simulation.as_ref().unwrap());
/// let c = p.col(2025).unwrap();
/// assert!((sim.paths[0].bands[c].p50 - 127.62815625).abs() < 1e-9);
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Simulation {
    /// The scenario's name.
    pub scenario: String,
    /// Draws per path.
    pub draws: usize,
    /// The seed.
    pub seed: u64,
    /// The projection's years.
    pub years: Vec<i32>,
    /// One per path of the projection, in its order.
    pub paths: Vec<SimPath>,
}

/// Simulates every path of a projection under the settings' draws, seed and σ.
pub fn simulate(p: &Projection, set: &Settings) -> Result<Simulation> {
    check(set)?;
    let keys = path_keys(p);
    let missing: std::sync::Arc<[Band]> = vec![Band::MISSING; p.years.len()].into();
    let paths = in_parallel(set, p.paths.len(), |i, scratch| {
        simulate_path(&p.years, &p.paths[i], keys[i], set, scratch, &missing)
    })?;
    Ok(Simulation {
        scenario: p.scenario.clone(),
        draws: set.draws,
        seed: set.seed,
        years: p.years.clone(),
        paths,
    })
}

/// Refuses settings outside their bounds: draws, σ, and draws that would hold more than a
/// quarter of the machine's memory.
pub fn check(set: &Settings) -> Result<()> {
    if set.draws == 0 || set.draws > 10_000_000 {
        return Err(Error::OutOfRange {
            what: "draws",
            value: set.draws.to_string(),
            expected: "1 to 10,000,000",
        });
    }
    if let Some(s) = set
        .sigma
        .filter(|s| !(s.is_finite() && (0.0..=1.0).contains(s)))
    {
        return Err(Error::OutOfRange {
            what: "sigma",
            value: (s * 100.0).to_string(),
            expected: "0 to 100 points (2 = 2 points a year)",
        });
    }
    check_memory(set, machine_memory())
}

/// `work` of `0..n` in order, on the threads the settings ask for: here (1), the pool this
/// runs in (0: the global one, or a batch's) or a pool of their own.
fn in_parallel<T: Send>(
    set: &Settings,
    n: usize,
    work: impl Fn(usize, &mut Scratch) -> T + Sync,
) -> Result<Vec<T>> {
    let parallel = || -> Vec<T> {
        (0..n)
            .into_par_iter()
            .map_init(Scratch::default, |s, i| work(i, s))
            .collect()
    };
    Ok(if set.jobs == 1 {
        let mut scratch = Scratch::default();
        (0..n).map(|i| work(i, &mut scratch)).collect()
    } else if set.jobs == 0 {
        parallel()
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(workers(set.jobs))
            .build()
            .map_err(|e| Error::Threads {
                jobs: set.jobs,
                message: e.to_string(),
            })?;
        pool.install(parallel)
    })
}

/// The cores of this machine (1 when unknown).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The threads a run asking for `jobs` gets: all cores for 0, never more than the cores (more
/// threads only share the same cores, and each holds its draws).
pub fn workers(jobs: usize) -> usize {
    if jobs == 0 {
        cores()
    } else {
        jobs.min(cores())
    }
}

/// Bytes a worker holds per draw: the values, shocks, common factor, spill, mean error and σ
/// of a path (f64 each) and each value's bucket (u16). A path is reduced to its bands before the next
/// one is drawn, so this, not draws × paths × years, is what a run holds.
const BYTES_PER_DRAW: u64 = 6 * 8 + 2;

/// Refuses a run whose draws would take more than a quarter of the machine's memory
/// (`memory`, where the machine says it), with the estimate.
fn check_memory(set: &Settings, memory: Option<u64>) -> Result<()> {
    let workers = if set.jobs == 0 {
        rayon::current_num_threads()
    } else {
        workers(set.jobs)
    };
    let need = (set.draws as u64)
        .saturating_mul(workers as u64)
        .saturating_mul(BYTES_PER_DRAW);
    match memory {
        Some(total) if need > total / 4 => Err(Error::notice(
            crate::notice::At::default(),
            crate::lang::Msg::DrawsTooMany {
                draws: set.draws,
                workers,
                need: crate::input::size_text(need),
                total: crate::input::size_text(total),
            },
        )),
        _ => Ok(()),
    }
}

/// Gives the memory freed so far back to the system, where the allocator keeps it (glibc's
/// `malloc_trim`): a run that frees much in some threads and then allocates in others (a
/// report lets its tables' rows go, then writes its pages) otherwise holds both.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer and only releases free pages of the allocator's
    // own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The machine's memory in bytes, where the system says (Linux: `MemTotal`).
pub fn machine_memory() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    kb.checked_mul(1024)
}

/// One path's draws: its known years fixed, its goals counted, its bands placed on the
/// projection's years.
fn simulate_path(
    years: &[i32],
    path: &crate::project::Path,
    key: u64,
    set: &Settings,
    scratch: &mut Scratch,
    missing: &std::sync::Arc<[Band]>,
) -> SimPath {
    let plan = &path.plan;
    let spread = sigma_of(set, path);
    let (sigma, sigma_from, sigma_n) = (spread.sigma, spread.source, spread.n);
    // no outturns and no σ set by hand: a rule of thumb is no evidence, and a fan or a
    // probability drawn from it would only restate the plan's own path (about 50 % by
    // construction): none is drawn
    if !sigma_from.is_evidence() {
        return SimPath {
            sigma,
            sigma_from,
            sigma_n,
            bands: missing.clone(),
            chances: Vec::new(),
        };
    }
    let mut fixed = vec![None; plan.rates.len() + 1];
    for &(year, v) in &path.actuals {
        if let Ok(k) = usize::try_from(year - plan.start_year)
            && k > 0
            && k < fixed.len()
        {
            fixed[k] = Some(v);
        }
    }
    let usable: Vec<&crate::project::Outcome> = path
        .outcomes
        .iter()
        .filter(|o| o.goal.year > plan.start_year && o.goal.year <= *years.last().unwrap_or(&0))
        .collect();
    let goals: Vec<(usize, f64, bool)> = usable
        .iter()
        .map(|o| {
            let (level, above) = o.goal.threshold(path.series.direction);
            ((o.goal.year - plan.start_year) as usize, level, above)
        })
        .collect();
    let input = PathInput {
        model: plan.model,
        start_year: plan.start_year,
        start: plan.start,
        rates: &plan.rates,
        fixed: &fixed,
        sigma: spread.unit_sigma,
        log: spread.kind.logarithmic(),
        ceiling: match plan.model {
            crate::model::Model::Logistic(l) => Some(l.ceiling),
            _ => None,
        },
        n: spread.n,
        common: set.common,
        goals: &goals,
    };
    let mut draw = || run_path(&input, set.draws, set.seed, key, set.noise, scratch);
    let r = match &set.memo {
        Some(memo) => memo.get(&input, (set.draws, set.seed, key, set.noise), draw),
        None => std::sync::Arc::new(draw()),
    };
    let offset = (plan.start_year - years[0]) as usize;
    let mut bands = vec![Band::MISSING; years.len()];
    for (k, &q) in r.bands.iter().enumerate() {
        bands[offset + k] = Band::from(q);
    }
    let chances = usable
        .iter()
        .zip(r.probabilities.iter().copied())
        .zip(&goals)
        .map(|((o, probability), g)| Chance {
            year: o.goal.year,
            target: o.goal.raw.clone(),
            level: g.1,
            probability,
        })
        .collect();
    SimPath {
        sigma,
        sigma_from,
        sigma_n,
        bands: bands.into(),
        chances,
    }
}

#[cfg(test)]
mod agree_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::project;
    use crate::table::LoadOptions;
    use statrs::distribution::{ContinuousCDF, Normal};

    fn scenario(path: &str) -> Scenario {
        let p = crate::repo_file(path);
        Scenario::load(&p, &LoadOptions::default()).unwrap()
    }

    /// 10⁷ draws on one thread hold 10⁷ · 50 bytes = 5·10⁸ bytes (477 MB of 2²⁰ bytes): more
    /// than a quarter of 1 GB, refused in the run's language; within a quarter of 4 GB, run.
    #[test]
    fn draws_beyond_a_quarter_of_the_memory_are_refused_with_the_estimate() {
        let mut set = Settings::from_scenario(&scenario("scenarios/baseline.toml"));
        (set.draws, set.jobs) = (10_000_000, 1);
        let e = check_memory(&set, Some(1 << 30)).unwrap_err();
        assert_eq!(
            e.render(crate::lang::Lang::En),
            "10000000 draws on 1 thread would hold about 477 MB of memory, more than a quarter \
             of this machine's 1 GB; ask for fewer draws (--draws) or threads (--jobs)"
        );
        assert_eq!(
            e.render(crate::lang::Lang::Zh),
            "10000000 次抽样在 1 个线程上约需 477 MB 内存，超过本机 1 GB 的四分之一；\
             请减少抽样次数（--draws）或线程数（--jobs）"
        );
        assert!(check_memory(&set, Some(4 << 30)).is_ok());
        assert!(check_memory(&set, None).is_ok());
    }

    #[test]
    fn sigma_zero_is_the_projection_exactly() {
        let sc = scenario("scenarios/baseline.toml");
        let p = project(&sc).unwrap();
        let mut set = Settings::from_scenario(&sc);
        set.sigma = Some(0.0);
        set.draws = 50;
        let sim = simulate(&p, &set).unwrap();
        for (i, sp) in sim.paths.iter().enumerate() {
            for (c, b) in sp.bands.iter().enumerate() {
                let v = p.values[[i, c]];
                for q in [b.p5, b.p25, b.p50, b.p75, b.p95] {
                    assert!(
                        q.to_bits() == v.to_bits(),
                        "{} {}: {q} vs {v}",
                        p.paths[i].series.name,
                        p.years[c]
                    );
                }
            }
            for (ch, o) in sp.chances.iter().zip(&p.paths[i].outcomes) {
                let met = o.met.unwrap();
                assert_eq!(
                    ch.probability,
                    if met { 1.0 } else { 0.0 },
                    "{}",
                    p.paths[i].series.name
                );
            }
        }
    }

    /// No outturns and no σ set by hand: no band and no probability; a σ set by hand draws.
    #[test]
    fn no_evidence_no_fan_and_no_probability() {
        let sc = scenario("scenarios/baseline.toml");
        let p = project(&sc).unwrap();
        let set = Settings {
            draws: 100,
            ..Settings::from_scenario(&sc)
        };
        let sim = simulate(&p, &set).unwrap();
        let bare: Vec<&SimPath> = sim
            .paths
            .iter()
            .filter(|sp| sp.sigma_from == SigmaSource::RuleOfThumb)
            .collect();
        assert!(!bare.is_empty());
        for sp in bare {
            assert!(sp.chances.is_empty());
            assert!(sp.bands.iter().all(|b| b.p50.is_nan()));
        }
        let by_hand = sim.paths.iter().find(|sp| sp.sigma_from.by_hand()).unwrap();
        assert!(!by_hand.chances.is_empty());
    }

    /// A batch's memo changes no number: baseline and slow-15th (2 points slower in 2026–30
    /// for the 经济发展 rows, nothing else) share it; every path of slow-15th but those the rule
    /// moves is found in the memo, and every band and probability is bit for bit the one drawn
    /// without it.
    #[test]
    fn a_memo_reuses_identical_paths_and_changes_no_number() {
        let (a, b) = (
            scenario("scenarios/baseline.toml"),
            scenario("scenarios/slow-15th.toml"),
        );
        let (pa, pb) = (project(&a).unwrap(), project(&b).unwrap());
        // a σ set by hand: paths without evidence are not drawn at all
        let draws = |sc: &Scenario, memo: Option<Memo>| Settings {
            draws: 500,
            memo,
            sigma: Some(0.02),
            ..Settings::from_scenario(sc)
        };
        let memo = Memo::default();
        let with_a = simulate(&pa, &draws(&a, Some(memo.clone()))).unwrap();
        assert_eq!(memo.len(), pa.paths.len());
        let with_b = simulate(&pb, &draws(&b, Some(memo.clone()))).unwrap();
        let moved = pb
            .paths
            .iter()
            .zip(&pa.paths)
            .filter(|(x, y)| x.plan.rates != y.plan.rates)
            .count();
        // at most the rule's rows: 经济发展 in every region, drawn past 2025
        let ruled = pa
            .paths
            .iter()
            .filter(|x| x.series.category == "经济发展")
            .filter(|x| x.plan.start_year + x.plan.rates.len() as i32 > 2025)
            .count();
        assert!(moved > 0 && moved <= ruled, "{moved} {ruled}");
        assert_eq!(memo.len(), pa.paths.len() + moved);
        for (with, p, sc) in [(&with_a, &pa, &a), (&with_b, &pb, &b)] {
            let alone = simulate(p, &draws(sc, None)).unwrap();
            for (x, y) in with.paths.iter().zip(&alone.paths) {
                // years outside the path are NaN in both: compared as text
                assert_eq!(format!("{:?}", x.bands), format!("{:?}", y.bands));
                let (px, py): (Vec<f64>, Vec<f64>) = (
                    x.chances.iter().map(|c| c.probability).collect(),
                    y.chances.iter().map(|c| c.probability).collect(),
                );
                assert_eq!(px, py);
            }
        }
    }

    /// P(v₂₀₂₅ ≥ T) for v = v0·∏(1 + g)·e^(σz): ln v is normal with mean ln v0 + n·ln(1 + g)
    /// and sd σ·√n (a σ set by hand is known: no t).
    fn lognormal_probability(v0: f64, g: f64, sigma: f64, n: f64, target: f64) -> f64 {
        let mu = v0.ln() + n * (1.0 + g).ln();
        1.0 - Normal::standard().cdf((target.ln() - mu) / (sigma * n.sqrt()))
    }

    #[test]
    fn compound_probability_matches_the_lognormal_closed_form() {
        let sc = scenario("tests/fixtures/project/mc.toml");
        let p = project(&sc).unwrap();
        let set = Settings::from_scenario(&sc);
        assert_eq!((set.draws, set.seed), (100_000, 1));
        let sim = simulate(&p, &set).unwrap();
        let i = p
            .paths
            .iter()
            .position(|x| x.series.name == "复利指标")
            .unwrap();
        let got = sim.paths[i].chances[0].probability;
        // target 127.62815625 = 100·1.05⁵, the median: one half; a target 1/0.95 times it,
        // 1 − Φ(ln(1/0.95)/(0.02·√5)) = 1 − Φ(1.14694) = 0.1257
        let want = lognormal_probability(100.0, 0.05, 0.02, 5.0, 127.62815625);
        assert!((want - 0.5).abs() < 1e-9, "{want}");
        assert!(
            (got - want).abs() < 0.01,
            "simulated {got} vs closed form {want}"
        );
        let below = lognormal_probability(100.0, 0.05, 0.02, 5.0, 127.62815625 / 0.95);
        assert!((below - 0.12570).abs() < 1e-4, "{below}");
        // the median of the 2025 band is the plan's path, 100·1.05⁵
        let b = sim.paths[i].bands[p.col(2025).unwrap()];
        assert!((b.p50 / 127.62815625 - 1.0).abs() < 0.002, "{}", b.p50);
        // its p95 is 127.628·e^(1.644854·0.02·√5) = 127.628·1.076333 = 137.370
        assert!((b.p95 / 137.370 - 1.0).abs() < 0.003, "{}", b.p95);
    }

    #[test]
    fn quantiles_are_ordered_and_probabilities_are_shares() {
        let sc = scenario("scenarios/baseline.toml");
        let p = project(&sc).unwrap();
        let mut set = Settings::from_scenario(&sc);
        set.draws = 2000;
        let sim = simulate(&p, &set).unwrap();
        for sp in &sim.paths {
            for b in sp.bands.iter().filter(|b| !b.p50.is_nan()) {
                assert!(
                    b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95,
                    "{b:?}"
                );
            }
            assert!(
                sp.chances
                    .iter()
                    .all(|c| (0.0..=1.0).contains(&c.probability))
            );
        }
    }

    /// Draws are keyed by region, plan and indicator: a table listed in front of the others
    /// leaves every other indicator's bands and probabilities bit for bit as they were.
    #[test]
    fn adding_a_table_changes_no_other_indicator() {
        let root = crate::repo_file("scenarios/tables");
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, tables: &[&str]| {
            let list: Vec<String> = tables
                .iter()
                .map(|t| format!("{:?}", root.join(t).display().to_string()))
                .collect();
            let path = dir.path().join(format!("{name}.toml"));
            let text = format!("name = \"{name}\"\ntables = [{}]\n", list.join(", "));
            std::fs::write(&path, text).unwrap();
            Scenario::load(&path, &LoadOptions::default()).unwrap()
        };
        let a = write("a", &["horqin.csv", "otog.csv"]);
        let b = write("b", &["huimin.csv", "horqin.csv", "otog.csv"]);
        let (pa, pb) = (project(&a).unwrap(), project(&b).unwrap());
        let mut set = Settings::from_scenario(&a);
        set.draws = 2000;
        let (sa, sb) = (simulate(&pa, &set).unwrap(), simulate(&pb, &set).unwrap());
        // 回民区's table comes first in b: every path of a sits further down there
        assert!(pb.paths.len() > pa.paths.len());
        let mut compared = 0;
        for (path, sp) in pa.paths.iter().zip(&sa.paths) {
            let j = pb
                .paths
                .iter()
                .position(|q| {
                    q.series.name == path.series.name && q.series.region == path.series.region
                })
                .unwrap();
            assert_ne!(j, compared, "the path moved");
            let other = &sb.paths[j];
            let bits = |b: &Band| [b.p5, b.p25, b.p50, b.p75, b.p95].map(f64::to_bits);
            assert!(
                sp.bands
                    .iter()
                    .zip(other.bands.iter())
                    .all(|(x, y)| bits(x) == bits(y))
            );
            let chances = |p: &SimPath| {
                p.chances
                    .iter()
                    .map(|c| c.probability.to_bits())
                    .collect::<Vec<_>>()
            };
            assert_eq!(chances(sp), chances(other));
            compared += 1;
        }
        assert!(compared > 20, "{compared} paths compared");
    }

    #[test]
    fn the_same_seed_gives_the_same_numbers_on_any_number_of_threads() {
        let sc = scenario("scenarios/baseline.toml");
        let p = project(&sc).unwrap();
        let mut set = Settings::from_scenario(&sc);
        set.draws = 500;
        set.common = 0.3;
        let runs: Vec<String> = [1, 2, 3]
            .map(|jobs| {
                set.jobs = jobs;
                serde_json::to_string(&simulate(&p, &set).unwrap()).unwrap()
            })
            .into();
        assert_eq!(runs[0], runs[1]);
        assert_eq!(runs[0], runs[2]);
    }
}
