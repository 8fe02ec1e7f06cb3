//! How much of the difference between two scenarios' P(meet target) is Monte Carlo noise. Each
//! pair of scenarios is simulated under `--seeds` seeds (1, 2, …); for every goal both share, the
//! standard deviation across seeds of P_B − P_A is the noise in the difference a reader sees.
//!
//!     cargo run --release --example scenario_noise [-- --seeds 100 --draws 10000]
//!
//! Pairs, from the bundled files:
//! 1. `table-in-front`: the baseline's tables without 通辽 2023 (A), and with it listed first
//!    (B). Every goal of A is treated identically in B: any difference is noise.
//! 2. `baseline` against `slow-15th`: goals up to 2025 are treated identically; the 2030 and
//!    2035 goals of the economic indicators differ by the rule.
//! 3. `baseline` against `horqin-outturn`: 科尔沁区's GDP has outturns for 2021–23.
//! 4. `baseline` against `horqin-slower`: every 科尔沁区 rate half a point lower from 2021, so
//!    its goals differ by the rule and the others are treated identically.
//!
//! A goal is treated identically when its projected path is equal, bit for bit, in both
//! scenarios up to the goal's year, with the same σ and the same outturns. For each group the
//! example prints the pooled standard deviation √(mean of the per-goal variances across seeds),
//! the largest per-goal one, and for scale the standard deviation two independent runs would
//! give, √((p_A(1−p_A) + p_B(1−p_B))/n), at the mean probabilities.

use plansim_core::project::{Projection, project};
use plansim_core::scenario::Scenario;
use plansim_core::simulate::{Settings, simulate};
use std::collections::HashMap;
use std::path::Path;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// (region, plan, indicator, goal year, target as printed)
type Goal = (String, String, String, i32, String);

struct Run {
    p: Projection,
    sc: Scenario,
}

fn load(path: &Path) -> anyhow::Result<Run> {
    let sc = Scenario::load(path, &Default::default())?;
    let p = project(&sc)?;
    Ok(Run { p, sc })
}

/// P(meet) of every goal under `seed`.
fn chances(run: &Run, seed: u64, draws: usize) -> anyhow::Result<HashMap<Goal, f64>> {
    let mut set = Settings::from_scenario(&run.sc);
    set.seed = seed;
    set.draws = draws;
    let sim = simulate(&run.p, &set)?;
    let mut out = HashMap::new();
    for (path, sp) in run.p.paths.iter().zip(&sim.paths) {
        let s = &path.series;
        for c in &sp.chances {
            let key = (
                s.region.to_string(),
                s.plan.to_string(),
                s.name.clone(),
                c.year,
                c.target.clone(),
            );
            out.insert(key, c.probability);
        }
    }
    Ok(out)
}

/// Goals whose path, σ and outturns are the same in both runs up to the goal year.
fn identical(a: &Run, b: &Run) -> anyhow::Result<Vec<Goal>> {
    let set_a = Settings::from_scenario(&a.sc);
    let set_b = Settings::from_scenario(&b.sc);
    let sigma = |r: &Run, set: &Settings| -> anyhow::Result<Vec<f64>> {
        Ok(simulate(
            &r.p,
            &Settings {
                draws: 1,
                ..set.clone()
            },
        )?
        .paths
        .iter()
        .map(|s| s.sigma)
        .collect())
    };
    let (sa, sb) = (sigma(a, &set_a)?, sigma(b, &set_b)?);
    let mut out = Vec::new();
    for (i, pa) in a.p.paths.iter().enumerate() {
        let s = &pa.series;
        let Some(j) = b.p.paths.iter().position(|q| {
            q.series.region == s.region && q.series.plan == s.plan && q.series.name == s.name
        }) else {
            continue;
        };
        let pb = &b.p.paths[j];
        for o in &pa.outcomes {
            let upto = a.p.years.iter().take_while(|&&y| y <= o.goal.year).count();
            let same_path = a.p.years[..upto] == b.p.years[..upto.min(b.p.years.len())]
                && (0..upto).all(|c| a.p.values[[i, c]].to_bits() == b.p.values[[j, c]].to_bits());
            if same_path && sa[i] == sb[j] && pa.actuals == pb.actuals {
                out.push((
                    s.region.to_string(),
                    s.plan.to_string(),
                    s.name.clone(),
                    o.goal.year,
                    o.goal.raw.clone(),
                ));
            }
        }
    }
    Ok(out)
}

fn main() -> anyhow::Result<()> {
    let seeds: u64 = arg("--seeds").map_or(Ok(100), |s| s.parse())?;
    let draws: usize = arg("--draws").map_or(Ok(10_000), |s| s.parse())?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let dir = tempfile::tempdir()?;
    let tables = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("{:?}", root.join("tables").join(n).display().to_string()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let four = ["horqin.csv", "huimin.csv", "otog.csv", "chifeng.csv"];
    let five = [
        "tongliao-2023.csv",
        "horqin.csv",
        "huimin.csv",
        "otog.csv",
        "chifeng.csv",
    ];
    let write = |name: &str, list: &[&str]| -> anyhow::Result<std::path::PathBuf> {
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(
            &path,
            format!(
                "name = \"{name}\"\ntables = [{}]\nhorizon = 2035\n[uncertainty]\ndraws = 10000\n\
                 seed = 20210101\n[uncertainty.sigma_by]\n\"地区生产总值\" = 0.025\n\
                 \"城镇登记失业率\" = 0.05\n",
                tables(list)
            ),
        )?;
        Ok(path)
    };
    let pairs = [
        (
            "table-in-front",
            write("four-tables", &four)?,
            write("fifth-in-front", &five)?,
        ),
        (
            "baseline/slow-15th",
            root.join("baseline.toml"),
            root.join("slow-15th.toml"),
        ),
        (
            "baseline/horqin-outturn",
            root.join("baseline.toml"),
            root.join("horqin-outturn.toml"),
        ),
        ("baseline/horqin-slower", root.join("baseline.toml"), {
            let path = dir.path().join("horqin-slower.toml");
            std::fs::write(
                &path,
                format!(
                    "extends = {:?}\nname = \"horqin-slower\"\n[[override]]\n\
                     region = \"科尔沁区\"\nfrom = 2021\ndelta = -0.5\n",
                    root.join("baseline.toml").display().to_string()
                ),
            )?;
            path
        }),
    ];
    println!("{seeds} seeds × {draws} draws per scenario");
    println!(
        "{:<24} {:<10} {:>6} {:>14} {:>12} {:>18}",
        "pair", "goals", "count", "pooled sd", "largest sd", "independent runs"
    );
    for (name, a, b) in pairs {
        let (ra, rb) = (load(&a)?, load(&b)?);
        let same: std::collections::HashSet<Goal> = identical(&ra, &rb)?.into_iter().collect();
        // per goal: the differences across seeds, and the mean probabilities
        let mut diffs: HashMap<Goal, (Vec<f64>, f64, f64)> = HashMap::new();
        for seed in 1..=seeds {
            let (pa, pb) = (chances(&ra, seed, draws)?, chances(&rb, seed, draws)?);
            for (g, &x) in &pa {
                if let Some(&y) = pb.get(g) {
                    let e = diffs.entry(g.clone()).or_default();
                    e.0.push(y - x);
                    e.1 += x / seeds as f64;
                    e.2 += y / seeds as f64;
                }
            }
        }
        for (label, want) in [("identical", true), ("differ", false)] {
            let group: Vec<_> = diffs
                .iter()
                .filter(|(g, _)| same.contains(*g) == want)
                .collect();
            if group.is_empty() {
                continue;
            }
            let var = |d: &[f64]| {
                let m = d.iter().sum::<f64>() / d.len() as f64;
                d.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (d.len() - 1).max(1) as f64
            };
            let vars: Vec<f64> = group.iter().map(|(_, (d, ..))| var(d)).collect();
            let pooled = (vars.iter().sum::<f64>() / vars.len() as f64).sqrt();
            let largest = vars.iter().cloned().fold(0.0, f64::max).sqrt();
            let independent = (group
                .iter()
                .map(|(_, (_, x, y))| (x * (1.0 - x) + y * (1.0 - y)) / draws as f64)
                .sum::<f64>()
                / group.len() as f64)
                .sqrt();
            println!(
                "{name:<24} {label:<10} {:>6} {:>14.5} {:>12.5} {:>18.5}",
                group.len(),
                pooled,
                largest,
                independent
            );
        }
    }
    Ok(())
}
