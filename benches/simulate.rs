//! Monte Carlo benchmark: a national batch (default 3,000 indicators × 10,000 draws × 15 years).
//!
//!     cargo bench --bench simulate -- [--indicators N] [--draws D] [--jobs J] [--reference indicators.csv]
//!
//! Synthetic indicators are drawn as in `../shared/reference/bench.py` (base ~ lognormal,
//! g ~ U(0, 10%), σ ~ U(0.5, 3 points), target = base·(1+g)⁵·U(0.9, 1.1)); `--reference` reads
//! the `indicators.csv` that script writes, to run both tools on the very same indicators.
//! Prints the time of the simulation stage, ns per draw-year and the peak resident memory.

use plansim_core::project::project;
use plansim_core::scenario::Scenario;
use plansim_core::simulate::{Settings, simulate};
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand_distr::{Distribution, LogNormal, Uniform};
use std::io::Write;
use std::time::Instant;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// (base, g, σ, target) per indicator.
fn synthetic(n: usize) -> Vec<(f64, f64, f64, f64)> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(20210101);
    let base = LogNormal::new(100f64.ln(), 1.5).unwrap();
    let u = |lo: f64, hi: f64| Uniform::new(lo, hi).unwrap();
    (0..n)
        .map(|_| {
            let b = base.sample(&mut rng);
            let g = u(0.0, 0.10).sample(&mut rng);
            let s = u(0.005, 0.03).sample(&mut rng);
            let t = b * (1.0 + g).powi(5) * u(0.9, 1.1).sample(&mut rng);
            (b, g, s, t)
        })
        .collect()
}

fn reference(path: &str) -> Vec<(f64, f64, f64, f64)> {
    let mut r = csv::Reader::from_path(path).expect("reference indicators.csv");
    r.deserialize::<std::collections::HashMap<String, String>>()
        .map(|row| {
            let row = row.expect("row");
            let f = |k: &str| row[k].parse::<f64>().expect(k);
            (f("base"), f("g"), f("sigma"), f("target_2025"))
        })
        .collect()
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_string)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let n: usize = arg("--indicators").map_or(3000, |s| s.parse().expect("--indicators"));
    let draws: usize = arg("--draws").map_or(10_000, |s| s.parse().expect("--draws"));
    let jobs: usize = arg("--jobs").map_or(1, |s| s.parse().expect("--jobs"));
    let inds = match arg("--reference") {
        Some(p) => reference(&p),
        None => synthetic(n),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let table = dir.path().join("batch.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&table).expect("table"));
    writeln!(
        f,
        "region,indicator,unit,base_year,base,target_year,target,rate,sigma"
    )
    .unwrap();
    for (i, (b, g, s, t)) in inds.iter().enumerate() {
        // `≥`: met at or above, as the reference counts it, whatever the direction of travel
        writeln!(
            f,
            "全国,ind{i:05},亿元,2020,{b},2025,≥{t},{},{s}",
            g * 100.0
        )
        .unwrap();
    }
    drop(f);
    let t0 = Instant::now();
    let sc = Scenario::load(&table, &Default::default()).expect("scenario");
    let p = project(&sc).expect("projection");
    let t_project = t0.elapsed().as_secs_f64();
    let mut set = Settings::from_scenario(&sc);
    set.draws = draws;
    set.jobs = jobs;
    let t1 = Instant::now();
    let sim = simulate(&p, &set).expect("simulation");
    let secs = t1.elapsed().as_secs_f64();
    let years = (p.years.len() - 1) as f64;
    let draw_years = inds.len() as f64 * draws as f64 * years;
    let mean_p: f64 = sim
        .paths
        .iter()
        .filter_map(|s| s.chances.first())
        .map(|c| c.probability)
        .sum::<f64>()
        / inds.len() as f64;
    println!(
        "indicators {} draws {draws} years {years} jobs {jobs}",
        inds.len()
    );
    println!("load+project {t_project:.3} s");
    println!("simulate {secs:.3} s");
    println!("ns_per_draw_year {:.2}", secs / draw_years * 1e9);
    println!("peak_rss_mb {:.0}", peak_rss_mb());
    println!("mean P(meet 2025) {mean_p:.4}");
}
