//! Batch report benchmark: a synthetic batch of plans (default 100 plans × 30 indicators), each a
//! scenario with its table, through `plansim_report::report::run` with charts.
//!
//!     cargo bench --bench report -- [--plans 100] [--indicators 30] [--draws 10000] [--jobs 0] [--no-charts]
//!
//! Prints the wall time of the whole batch, per plan, the number of PNG charts written and the
//! peak resident memory.

use plansim_report::report::{Options, run, scenario_files};
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand_distr::{Distribution, LogNormal, Uniform};
use std::fmt::Write as _;
use std::time::Instant;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let plans: usize = arg("--plans").map_or(100, |s| s.parse().expect("--plans"));
    let n: usize = arg("--indicators").map_or(30, |s| s.parse().expect("--indicators"));
    let draws: usize = arg("--draws").map_or(10_000, |s| s.parse().expect("--draws"));
    let jobs: usize = arg("--jobs").map_or(0, |s| s.parse().expect("--jobs"));
    let charts = !std::env::args().any(|a| a == "--no-charts");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    let base = LogNormal::new(100f64.ln(), 1.5).expect("lognormal");
    let u = |lo: f64, hi: f64| Uniform::new(lo, hi).expect("uniform");
    for k in 0..plans {
        let mut table = String::from(
            "region,plan,category,indicator,unit,base_year,base,target_year,target,rate,attribute\n",
        );
        for i in 0..n {
            let share = i % 3 == 0;
            let (b, unit) = if share {
                (u(20.0, 90.0).sample(&mut rng), "%")
            } else {
                (base.sample(&mut rng), "亿元")
            };
            let g = u(0.0, if share { 0.04 } else { 0.10 }).sample(&mut rng);
            let t = (b * (1.0 + g).powi(5) * u(0.95, 1.05).sample(&mut rng)).min(if share {
                99.0
            } else {
                f64::MAX
            });
            let attr = if i % 4 == 0 { "约束性" } else { "预期性" };
            let _ = writeln!(
                table,
                "地区{k:03},十四五规划,经济发展,指标{i:02},{unit},2020,{b:.2},2025,{t:.2},{:.1},{attr}",
                g * 100.0
            );
        }
        std::fs::write(dir.path().join(format!("t{k:03}.csv")), table).expect("table");
        let toml = format!(
            "name = \"plan{k:03}\"\ntables = [\"t{k:03}.csv\"]\n[uncertainty]\ndraws = {draws}\nseed = {k}\n"
        );
        std::fs::write(dir.path().join(format!("s{k:03}.toml")), toml).expect("scenario");
    }
    let files = scenario_files(&[dir.path().to_path_buf()]).expect("scenarios");
    let out = dir.path().join("output");
    let opts = Options {
        out: out.clone(),
        jobs,
        charts,
        ..Options::default()
    };
    let t = Instant::now();
    let batch = run(&files, &opts, &|_| {}).expect("report");
    let secs = t.elapsed().as_secs_f64();
    assert!(batch.failed.is_empty(), "{} failed", batch.failed.len());
    let pngs = walk(&out).iter().filter(|p| p.ends_with(".png")).count();
    println!("plans {plans} indicators {n} draws {draws} jobs {jobs} charts {charts}");
    println!(
        "report {secs:.2} s, {:.1} ms per plan, {pngs} PNG charts",
        secs / plans as f64 * 1e3
    );
    println!("peak_rss_mb {:.0}", peak_rss_mb());
}

/// The process's peak resident memory (VmHWM), in MB.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let l = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_string();
            l.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read output").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}
