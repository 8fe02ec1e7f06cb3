//! The output folder's guarantees, probed from the command line: a symbolic link inside
//! `--out` is refused and never followed (report, plot, simulate); one run at a time per
//! folder (`--wait` queues); a killed run's leftovers go with the next run; the report's own
//! names are no scenario's; `/`, `.` and folders of others' files are refused.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn plansim() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("plansim"));
    cmd.env("LC_ALL", "en_US.UTF-8").stdout(Stdio::null());
    cmd
}

fn report(out: &Path, extra: &[&str]) -> Output {
    plansim()
        .args(["report", "scenarios/baseline.toml", "--draws", "200"])
        .args(extra)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

fn ok(run: &Output) {
    assert!(run.status.success(), "{}", stderr(run));
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// Refused with exit 2, the message naming `named`.
fn refused(run: &Output, named: &Path, what: &str) {
    let err = stderr(run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&named.display().to_string()) && err.contains(what),
        "{what} {}: {err}",
        named.display()
    );
}

/// Every file (bytes), folder and link (its target) under `root`, the lock file left out.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![String::new()];
    while let Some(rel) = stack.pop() {
        for e in std::fs::read_dir(root.join(&rel)).unwrap() {
            let e = e.unwrap();
            let name = format!("{rel}{}", e.file_name().to_string_lossy());
            let kind = e.file_type().unwrap();
            if kind.is_symlink() {
                let to = std::fs::read_link(e.path()).unwrap();
                out.insert(name, to.to_string_lossy().as_bytes().to_vec());
            } else if kind.is_dir() {
                out.insert(format!("{name}/"), Vec::new());
                stack.push(format!("{name}/"));
            } else if name != ".plansim.lock" {
                out.insert(name, std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

/// A folder outside `--out` holding files of the names the report writes.
fn elsewhere(dir: &Path) -> std::path::PathBuf {
    let away = dir.join("shared-drive");
    std::fs::create_dir_all(away.join("charts")).unwrap();
    for f in ["index.html", "projection.csv", "charts/a.png", "notes.txt"] {
        std::fs::write(away.join(f), format!("someone's {f}")).unwrap();
    }
    away
}

/// A report's scenario folder, then its index page, replaced by links to a folder and a file
/// elsewhere: each rerun is refused naming the link, and nothing there is written or removed.
#[test]
fn report_never_follows_a_linked_folder_or_file() {
    let dir = tempfile::tempdir().unwrap();
    let (out, away) = (dir.path().join("out"), elsewhere(dir.path()));
    let seen = snapshot(&away);
    ok(&report(&out, &["--no-charts"]));
    std::fs::rename(out.join("baseline"), dir.path().join("moved")).unwrap();
    symlink(&away, out.join("baseline")).unwrap();
    refused(
        &report(&out, &["--no-charts"]),
        &out.join("baseline"),
        "symbolic link",
    );
    assert_eq!(snapshot(&away), seen);
    std::fs::remove_file(out.join("baseline")).unwrap();
    std::fs::rename(dir.path().join("moved"), out.join("baseline")).unwrap();
    // the font folder and the index page
    std::fs::rename(out.join("assets"), dir.path().join("assets")).unwrap();
    symlink(&away, out.join("assets")).unwrap();
    refused(
        &report(&out, &["--no-charts"]),
        &out.join("assets"),
        "symbolic link",
    );
    std::fs::remove_file(out.join("assets")).unwrap();
    std::fs::rename(dir.path().join("assets"), out.join("assets")).unwrap();
    std::fs::remove_file(out.join("index.html")).unwrap();
    symlink(away.join("index.html"), out.join("index.html")).unwrap();
    refused(
        &report(&out, &["--no-charts"]),
        &out.join("index.html"),
        "symbolic link",
    );
    assert_eq!(snapshot(&away), seen);
    // the manifest itself a link: refused, not read through
    std::fs::remove_file(out.join("index.html")).unwrap();
    std::fs::rename(
        out.join(".plansim.manifest.json"),
        dir.path().join("manifest"),
    )
    .unwrap();
    symlink(
        dir.path().join("manifest"),
        out.join(".plansim.manifest.json"),
    )
    .unwrap();
    refused(
        &report(&out, &["--no-charts"]),
        &out.join(".plansim.manifest.json"),
        "symbolic link",
    );
    assert_eq!(snapshot(&away), seen);
}

/// `plot`'s font folder and one of its charts replaced by links: refused, nothing followed.
#[test]
fn plot_never_follows_a_linked_folder_or_file() {
    let dir = tempfile::tempdir().unwrap();
    let (out, away) = (dir.path().join("plots"), elsewhere(dir.path()));
    let seen = snapshot(&away);
    let plot = || {
        plansim()
            .args(["plot", "scenarios/baseline.toml", "--kind", "dashboard"])
            .args(["--format", "svg", "--draws", "100", "--out"])
            .arg(&out)
            .output()
            .unwrap()
    };
    ok(&plot());
    assert!(out.join("assets/NotoSansSC-subset.otf").is_file());
    std::fs::remove_dir_all(out.join("assets")).unwrap();
    symlink(&away, out.join("assets")).unwrap();
    refused(&plot(), &out.join("assets"), "symbolic link");
    assert_eq!(snapshot(&away), seen);
    std::fs::remove_file(out.join("assets")).unwrap();
    let chart = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "svg"))
        .unwrap();
    std::fs::remove_file(&chart).unwrap();
    symlink(away.join("notes.txt"), &chart).unwrap();
    refused(&plot(), &chart, "symbolic link");
    assert_eq!(snapshot(&away), seen);
}

/// `simulate --out`: its CSV and the folder's lock file replaced by links, then `--out` a link
/// inside a plansim folder: refused each time, nothing written where they point.
#[test]
fn simulate_never_follows_a_linked_file_or_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (out, away) = (dir.path().join("sim"), elsewhere(dir.path()));
    let seen = snapshot(&away);
    let simulate = |out: &Path| {
        plansim()
            .args(["simulate", "scenarios/baseline.toml", "--draws", "100"])
            .arg("--out")
            .arg(out)
            .output()
            .unwrap()
    };
    ok(&simulate(&out));
    let csv = out.join("simulation.csv");
    std::fs::remove_file(&csv).unwrap();
    symlink(away.join("projection.csv"), &csv).unwrap();
    refused(&simulate(&out), &csv, "symbolic link");
    std::fs::remove_file(&csv).unwrap();
    std::fs::remove_file(out.join(".plansim.lock")).unwrap();
    symlink(away.join("notes.txt"), out.join(".plansim.lock")).unwrap();
    refused(&simulate(&out), &out.join(".plansim.lock"), "symbolic link");
    assert_eq!(snapshot(&away), seen);
    // a linked folder inside a report's folder, named as --out: never made plansim's
    std::fs::remove_file(out.join(".plansim.lock")).unwrap();
    symlink(&away, out.join("linked")).unwrap();
    let run = simulate(&out.join("linked"));
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_eq!(snapshot(&away), seen);
}

/// A run that finds the folder held fails at once naming the holder's pid; with `--wait` it
/// blocks until the holder is done. The holder here is this test (through the library), so the
/// probe does not depend on how fast a report is; then two real runs with `--wait` at once
/// both succeed, one after the other, and leave one whole report.
#[test]
fn two_runs_into_one_folder_never_mix() {
    use plansim_core::output::{Delivery, Opening};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let held = Delivery::open(&out, &Opening::default()).unwrap();
    let pid = std::process::id();
    let second = report(&out, &["--no-charts"]);
    refused(&second, &out, &format!("another plansim run (pid {pid})"));
    let mut waiting = plansim()
        .args(["report", "scenarios/baseline.toml", "--draws", "200"])
        .args(["--no-charts", "--wait", "--out"])
        .arg(&out)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(waiting.try_wait().unwrap().is_none(), "it waits");
    // the holder's output: a page the waiting run's report will replace
    held.write(Path::new("baseline/index.html"), b"the first run's")
        .unwrap();
    held.commit(&Default::default()).unwrap();
    assert!(waiting.wait().unwrap().success());
    let page = std::fs::read_to_string(out.join("baseline/index.html")).unwrap();
    assert!(page.contains("<html"), "the later run's page");
    // two at once, each waiting for the other: both whole, never mixed
    let runs: Vec<_> = [&["--no-charts"][..], &[]]
        .into_iter()
        .map(|extra| {
            plansim()
                .args([
                    "report",
                    "scenarios/baseline.toml",
                    "--draws",
                    "200",
                    "--wait",
                ])
                .args(extra)
                .arg("--out")
                .arg(&out)
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut r in runs {
        assert!(r.wait().unwrap().success());
    }
    // whichever ran last, every file is the manifest's and the charts are all there or none
    let manifest = std::fs::read_to_string(out.join(".plansim.manifest.json")).unwrap();
    let files = snapshot(&out);
    for name in files.keys() {
        let listed = manifest.contains(&format!("\"{name}\""));
        let own = name.starts_with(".plansim.") || name.ends_with('/');
        assert!(listed || own, "{name} is not the report's");
    }
    let charts = files
        .keys()
        .filter(|k| k.starts_with("baseline/charts/") && !k.ends_with('/'))
        .count();
    let listed = manifest.matches("baseline/charts/").count();
    assert_eq!(charts, listed);
}

/// A run killed (SIGKILL) once it holds the folder leaves its staging folder; the next run
/// removes it, and a temporary file an older run left beside a page, before writing its own.
#[test]
fn a_killed_runs_leftovers_go_with_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    ok(&report(&out, &["--no-charts"]));
    let mut killed = plansim()
        .args([
            "report",
            "scenarios/baseline.toml",
            "--draws",
            "2000",
            "--out",
        ])
        .arg(&out)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // its staging folder is made as it opens the folder, before any scenario runs
    let staging = out.join(format!(".staging-{}", killed.id()));
    for _ in 0..5000 {
        if staging.is_dir() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    killed.kill().unwrap();
    killed.wait().unwrap();
    assert!(staging.is_dir(), "killed while staging");
    std::fs::write(out.join("baseline/.plansim-1234abc"), "half a page").unwrap();
    ok(&report(&out, &["--no-charts"]));
    let left: Vec<String> = snapshot(&out)
        .into_keys()
        .filter(|k| k.contains(".staging-") || k.contains(".plansim-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Scenarios named as the report's own top files and folder, or hidden, are refused by name;
/// the others are reported, and the index and font stay the report's.
#[test]
fn the_reports_own_names_are_no_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let table = std::fs::canonicalize("scenarios/tables/horqin.csv").unwrap();
    let mut args = vec![std::fs::canonicalize("scenarios/baseline.toml").unwrap()];
    for name in [
        "index.html",
        "index.md",
        "plansim.xlsx",
        "assets",
        "Index.HTML",
        ".hidden",
    ] {
        let path = dir.path().join(format!("s{}.toml", args.len()));
        let toml = format!(
            "name = \"{name}\"\ntables = [{:?}]\n",
            table.display().to_string()
        );
        std::fs::write(&path, toml).unwrap();
        args.push(path);
    }
    let out = dir.path().join("out");
    let run = plansim()
        .arg("report")
        .args(&args)
        .args(["--draws", "100", "--no-charts", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    for name in [
        "index.html",
        "index.md",
        "plansim.xlsx",
        "assets",
        "Index.HTML",
    ] {
        assert!(
            err.contains(&format!("the name `{name}` is taken by the report's own")),
            "{err}"
        );
    }
    assert!(
        err.contains("the name `.hidden` cannot be a folder"),
        "{err}"
    );
    let names: Vec<String> = snapshot(&out).into_keys().collect();
    assert_eq!(
        names
            .iter()
            .filter(|n| !n.contains('/') || n.matches('/').count() == 1 && n.ends_with('/'))
            .collect::<Vec<_>>(),
        [
            ".plansim.manifest.json",
            "assets/",
            "baseline/",
            "index.html",
            "index.md",
            "plansim.xlsx"
        ]
    );
    assert_eq!(
        snapshot(&out.join("assets"))
            .into_keys()
            .collect::<Vec<_>>(),
        ["NotoSansSC-subset.otf"]
    );
}

/// `--out /`, `--out .` in a folder of one's own files, and such a folder by name are refused
/// before anything is written; a folder holding only `.gitkeep` (the repository's `output/`)
/// is taken as empty.
#[test]
fn out_refuses_root_and_folders_plansim_did_not_make() {
    let run = report(Path::new("/"), &["--no-charts"]);
    refused(&run, Path::new("/"), "refusing to write into /:");
    assert!(!Path::new("/.plansim.lock").exists());
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir_all(project.join("src")).unwrap();
    std::fs::write(project.join("Cargo.toml"), "[package]").unwrap();
    let seen = snapshot(&project);
    refused(
        &report(&project, &["--no-charts"]),
        &project,
        "no plansim manifest",
    );
    let here = plansim()
        .current_dir(&project)
        .arg("report")
        .arg(std::fs::canonicalize("scenarios/baseline.toml").unwrap())
        .args(["--draws", "100", "--no-charts", "--out", "."])
        .output()
        .unwrap();
    refused(&here, Path::new("."), "`Cargo.toml`, `src`");
    assert_eq!(snapshot(&project), seen);
    let output = dir.path().join("output");
    std::fs::create_dir(&output).unwrap();
    std::fs::write(output.join(".gitkeep"), "").unwrap();
    ok(&report(&output, &["--no-charts"]));
    assert!(output.join("baseline/index.html").is_file());
}
