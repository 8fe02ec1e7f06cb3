//! The Monte Carlo command as a user runs it, against the numpy reference, in one sitting:
//! whole processes, table to files, run alternately so both see the same machine.
//!
//!     cargo bench --bench command -- --python /tmp/refenv/bin/python \
//!         --reference ../shared/reference/bench.py [--indicators 3000] [--draws 10000] \
//!         [--jobs 1] [--runs 5]
//!
//! The reference (`bench.py --charts 0`, one process) writes its synthetic indicators; they
//! become a plansim table (`≥ target` in 2025, the reference's σ per row), and then, `--runs`
//! times each, alternately:
//!
//!     python bench.py --indicators N --draws D --charts 0 --jobs J --out DIR
//!     plansim simulate table.csv --draws D --jobs J --out DIR
//!
//! Each run prints its wall time, its CPU time (user + system, from the kernel's accounting of
//! the finished child) and the load average when it started; the summary gives medians and the
//! ratios. The numpy process includes importing numpy, pandas and matplotlib (about 1.2 s);
//! its own `B_simulate` + `B_write` stages are shown apart, to compare against those alone.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// CPU seconds (user + system) of this process's waited-for children, from /proc/self/stat.
fn children_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // fields after the command name in parentheses; cutime and cstime are fields 16 and 17
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    // rest starts at field 3 (state, not a number, is skipped by the parse filter): field k
    // is f[k - 4]
    match (f.get(12), f.get(13)) {
        (Some(u), Some(s)) => (u + s) / 100.0, // USER_HZ is 100 on Linux
        _ => f64::NAN,
    }
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

struct Run {
    wall: f64,
    cpu: f64,
    load: String,
    stdout: String,
}

fn timed(cmd: &mut Command) -> Run {
    let load = load();
    let cpu0 = children_cpu();
    let t = Instant::now();
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let wall = t.elapsed().as_secs_f64();
    assert!(out.status.success(), "{cmd:?} failed: {}", out.status);
    Run {
        wall,
        cpu: children_cpu() - cpu0,
        load,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

/// The `stage seconds` lines the reference prints.
fn stage(stdout: &str, name: &str) -> f64 {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(name)?.trim().parse().ok())
        .unwrap_or(f64::NAN)
}

/// The reference's indicators as a plansim table.
fn write_table(indicators: &Path, table: &Path) {
    let mut r = csv::Reader::from_path(indicators).expect("the reference's indicators.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(table).expect("table"));
    writeln!(
        f,
        "region,indicator,unit,base_year,base,target_year,target,rate,sigma"
    )
    .expect("write");
    for row in r.deserialize::<std::collections::HashMap<String, String>>() {
        let row = row.expect("row");
        let num = |k: &str| row[k].parse::<f64>().expect(k);
        // `≥`: met at or above, as the reference counts it, whatever the direction of travel;
        // the reference's g and σ are fractions, plansim's columns are percent (points)
        writeln!(
            f,
            "全国,{},亿元,2020,{},2025,≥{},{},{}",
            row["indicator"],
            row["base"],
            row["target_2025"],
            num("g") * 100.0,
            num("sigma") * 100.0
        )
        .expect("write");
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn main() {
    let n: usize = arg("--indicators").map_or(3000, |s| s.parse().expect("--indicators"));
    let draws: usize = arg("--draws").map_or(10_000, |s| s.parse().expect("--draws"));
    let jobs: usize = arg("--jobs").map_or(1, |s| s.parse().expect("--jobs"));
    let runs: usize = arg("--runs").map_or(5, |s| s.parse().expect("--runs"));
    let python = arg("--python").unwrap_or_else(|| "python3".into());
    let reference = PathBuf::from(arg("--reference").unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/reference/bench.py").into()
    }));
    let plansim = env!("CARGO_BIN_EXE_plansim");
    let dir = tempfile::tempdir().expect("temp dir");
    let (ref_out, sim_out) = (dir.path().join("ref-out"), dir.path().join("sim-out"));
    let table = dir.path().join("table.csv");
    let numpy = || {
        let mut c = Command::new(&python);
        c.arg(&reference)
            .args([
                "--indicators",
                &n.to_string(),
                "--draws",
                &draws.to_string(),
            ])
            .args(["--charts", "0", "--jobs", &jobs.to_string()])
            .arg("--out")
            .arg(&ref_out);
        c
    };
    let ours = || {
        let mut c = Command::new(plansim);
        c.arg("simulate")
            .arg(&table)
            .args(["--draws", &draws.to_string(), "--jobs", &jobs.to_string()])
            .arg("--out")
            .arg(&sim_out)
            .stdout(Stdio::null());
        c
    };
    println!("{n} indicators × {draws} draws × 15 years, --jobs {jobs}, {runs} runs each");
    println!("numpy:   {python} {} …", reference.display());
    println!("plansim: {plansim} simulate table.csv --draws {draws} --jobs {jobs} --out DIR");
    // a first reference run writes the indicators (and warms the file cache for both)
    let warm = timed(&mut numpy());
    write_table(&ref_out.join("indicators.csv"), &table);
    timed(&mut ours());
    println!(
        "warm-up: numpy {:.2} s wall (load {})",
        warm.wall, warm.load
    );
    println!("run  tool     wall s   cpu s   numpy B_simulate+B_write s   load (1, 5, 15 min)");
    let (mut np, mut ps, mut np_stage) = (Vec::new(), Vec::new(), Vec::new());
    for r in 0..runs {
        let a = timed(&mut numpy());
        let s = stage(&a.stdout, "B_simulate") + stage(&a.stdout, "B_write");
        println!(
            "{r:>3}  numpy   {:>7.2}  {:>6.2}  {:>10.2}                   {}",
            a.wall, a.cpu, s, a.load
        );
        let b = timed(&mut ours());
        println!(
            "{r:>3}  plansim {:>7.2}  {:>6.2}  {:>10}                   {}",
            b.wall, b.cpu, "", b.load
        );
        np.push((a.wall, a.cpu));
        np_stage.push(s);
        ps.push((b.wall, b.cpu));
    }
    let m = |v: &[(f64, f64)], k: usize| {
        median(v.iter().map(|p| if k == 0 { p.0 } else { p.1 }).collect())
    };
    let (nw, nc, pw, pc) = (m(&np, 0), m(&np, 1), m(&ps, 0), m(&ps, 1));
    let ns = median(np_stage);
    println!(
        "median numpy:   {nw:.2} s wall, {nc:.2} s cpu (its B_simulate+B_write stages {ns:.2} s)"
    );
    println!("median plansim: {pw:.2} s wall, {pc:.2} s cpu");
    println!(
        "plansim is {:.1}× faster by wall time, {:.1}× by cpu time ({:.1}× against numpy's simulate and write stages alone)",
        nw / pw,
        nc / pc,
        ns / pw
    );
    let dy = (n * draws * 15) as f64;
    println!(
        "ns per draw-year, whole process: numpy {:.1}, plansim {:.2}",
        nw / dy * 1e9,
        pw / dy * 1e9
    );
}
