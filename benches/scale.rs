//! Time and peak memory of whole commands against the size of the table: `tables`, `project`
//! and `report --no-charts` on generated tables of 10⁴, 10⁵ and 10⁶ rows, and on request
//! `assess` and `report` with an outturn for every row (`--commands assess,report-outturns`)
//! and the formats a user types (`--commands tables-table,project-table,project-json`:
//! `plansim tables t.csv`, `plansim project t.csv`, `--format json`).
//!
//!     cargo bench --bench scale [-- --rows 10000,100000,1000000] [--commands tables,project]
//!         [--shape plan|regions]
//!
//! Each table is written first (a plan table of one region, rows `指标i` with a base, a target
//! and a rate, as the bundled ones; `--shape regions`: 40 such rows for each of `rows / 40`
//! regions); each command runs once as its own process under
//! `/usr/bin/time -v`, whose `Maximum resident set size` is the peak memory. Prints the cores,
//! then rows/s, seconds and peak MB per command and size, and the ratio of the 10⁶ time to the
//! 10⁵ one. A report the machine cannot hold is refused up front: shown as `refused`, with
//! the time and memory the refusal took. Not run by `cargo test` (a bench target).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// A table of `rows` indicator rows, as `plansim tables` reads the bundled ones: one plan of
/// `rows` indicators, or with `regions` a plan of 40 indicators for each of `rows / 40`
/// regions (10⁶ rows: 25,000 regions, as a batch of every county's plan over the years).
fn write_table(path: &Path, rows: usize, regions: bool) -> std::io::Result<()> {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        w,
        "region,plan,indicator,unit,base_year,base,target_year,target,rate,attribute"
    )?;
    for i in 0..rows {
        let base = 100 + i % 50;
        let (region, indicator) = if regions {
            (format!("测试区{}", i / 40), i % 40)
        } else {
            ("测试区".to_string(), i)
        };
        writeln!(
            w,
            "{region},十四五规划,指标{indicator},亿元,2020,{base}.5,2025,{}以上,{}.{},预期性",
            base + 30,
            4 + i % 4,
            i % 10
        )?;
    }
    w.flush()
}

/// An outturn for 2022 of every row of [`write_table`]'s table: each matched to its row by name.
fn write_outturns(path: &Path, rows: usize, regions: bool) -> std::io::Result<()> {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(w, "region,indicator,year,value")?;
    for i in 0..rows {
        let v = 107 + i % 50;
        if regions {
            writeln!(w, "测试区{},指标{},2022,{v}.5", i / 40, i % 40)?;
        } else {
            writeln!(w, "测试区,指标{i},2022,{v}.5")?;
        }
    }
    w.flush()
}

struct Measure {
    seconds: f64,
    peak_mb: Option<f64>,
    ok: bool,
    /// The refusal's message, when plansim refused the run as too large.
    refused: Option<String>,
}

/// Runs `plansim ARGS` under `/usr/bin/time -v` (when there is one), output to nothing.
fn measure(bin: &Path, args: &[&str], dir: &Path) -> Measure {
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let out = cmd.output();
    let seconds = started.elapsed().as_secs_f64();
    let Ok(out) = out else {
        return Measure {
            seconds,
            peak_mb: None,
            ok: false,
            refused: None,
        };
    };
    let err = String::from_utf8_lossy(&out.stderr);
    let peak_mb = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0);
    // 0 written, 1 written with rows left out; 2 is a failure
    let ok = out.status.code().is_some_and(|c| c < 2);
    let refused = err
        .lines()
        .find(|l| l.contains("more than a quarter of this machine"))
        .map(|l| l.trim().to_string());
    if !ok && refused.is_none() {
        eprintln!("plansim {args:?} failed:\n{err}");
    }
    Measure {
        seconds,
        peak_mb,
        ok,
        refused,
    }
}

fn main() -> std::io::Result<()> {
    // `cargo bench` passes `--bench`; nothing else is asked of the harness
    let sizes: Vec<usize> = arg("--rows")
        .unwrap_or_else(|| "10000,100000,1000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let commands: Vec<String> = arg("--commands")
        .unwrap_or_else(|| "tables,project,report".into())
        .split(',')
        .map(str::to_string)
        .collect();
    let regions = match arg("--shape").as_deref() {
        None | Some("plan") => false,
        Some("regions") => true,
        Some(other) => {
            eprintln!("unknown shape {other}: plan (the default) or regions");
            return Ok(());
        }
    };
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_plansim"));
    let dir = tempfile::tempdir()?;
    println!(
        "{} cores; release build: {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        !cfg!(debug_assertions)
    );
    println!(
        "{:<13} {:>9} {:>9} {:>12} {:>9}",
        "command", "rows", "seconds", "rows/s", "peak MB"
    );
    let mut times: Vec<(String, usize, f64)> = Vec::new();
    for &rows in &sizes {
        let table = dir.path().join(format!("t{rows}.csv"));
        write_table(&table, rows, regions)?;
        let t = table.to_string_lossy().into_owned();
        let outturns = dir.path().join(format!("o{rows}.csv"));
        if commands
            .iter()
            .any(|c| c == "assess" || c == "report-outturns")
        {
            write_outturns(&outturns, rows, regions)?;
        }
        let a = outturns.to_string_lossy().into_owned();
        let scenario = dir.path().join(format!("s{rows}.toml"));
        std::fs::write(
            &scenario,
            format!("name = \"s{rows}\"\ntables = [\"{t}\"]\n[uncertainty]\ndraws = 100\n"),
        )?;
        let s = scenario.to_string_lossy().into_owned();
        // the same with the outturns: every target graded, most of them behind
        let graded = dir.path().join(format!("g{rows}.toml"));
        std::fs::write(
            &graded,
            format!(
                "name = \"g{rows}\"\ntables = [\"{t}\"]\nactuals = [\"{}\"]\n\
                 [uncertainty]\ndraws = 100\n",
                outturns.display()
            ),
        )?;
        let g = graded.to_string_lossy().into_owned();
        let out = dir.path().join(format!("out{rows}"));
        let o = out.to_string_lossy().into_owned();
        for c in &commands {
            let args: Vec<&str> = match c.as_str() {
                "tables" => vec!["tables", "--format", "csv", &t],
                "project" => vec!["project", "--format", "csv", &t],
                // as a user types them: the terminal table, and JSON
                "tables-table" => vec!["tables", &t],
                "project-table" => vec!["project", &t],
                "project-json" => vec!["project", "--format", "json", &t],
                "report" => vec!["report", &s, "--out", &o, "--no-charts"],
                // with an outturn for every row: each target graded, its page's opening long
                "report-outturns" => vec!["report", &g, "--out", &o, "--no-charts"],
                // as many outturns as rows, each matched by name
                "assess" => vec!["assess", "--format", "csv", &t, "--actuals", &a],
                other => {
                    eprintln!(
                        "unknown command {other}: tables, project, report, report-outturns, \
                         assess, tables-table, project-table or project-json"
                    );
                    continue;
                }
            };
            let m = measure(&bin, &args, dir.path());
            let peak = m.peak_mb.map_or("n/a".to_string(), |p| format!("{p:.0}"));
            println!(
                "{:<13} {:>9} {:>9.2} {:>12.0} {:>9}{}",
                c,
                rows,
                m.seconds,
                rows as f64 / m.seconds,
                peak,
                match (&m.refused, m.ok) {
                    (Some(_), _) => "  (refused)",
                    (None, true) => "",
                    (None, false) => "  (failed)",
                }
            );
            if let Some(why) = &m.refused {
                println!("         {why}");
            }
            if m.ok {
                times.push((c.clone(), rows, m.seconds));
            }
        }
        std::fs::remove_dir_all(&out).ok();
    }
    for c in &commands {
        let at = |n: usize| {
            times
                .iter()
                .find(|(k, r, _)| k == c && *r == n)
                .map(|t| t.2)
        };
        if let (Some(a), Some(b)) = (at(100_000), at(1_000_000)) {
            println!("{c}: time(10⁶) / time(10⁵) = {:.1}", b / a);
        }
    }
    Ok(())
}
