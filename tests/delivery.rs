//! What reaches the reader: the bundled font beside the pages, files readable as the umask
//! allows, and a report that never replaces or removes a file it did not write.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const BUNDLED_FONT: &str = "crates/plansim-report/assets/fonts/NotoSansSC-subset.otf";

fn plansim() -> Command {
    let mut cmd = Command::cargo_bin("plansim").unwrap();
    cmd.env("LC_ALL", "zh_CN.UTF-8");
    cmd
}

/// `plansim report` of one scenario, quickly (no charts unless asked).
fn report(out: &Path, charts: bool) -> std::process::Output {
    let mut cmd = plansim();
    cmd.args([
        "report",
        "scenarios/baseline.toml",
        "--draws",
        "200",
        "--out",
    ])
    .arg(out);
    if !charts {
        cmd.arg("--no-charts");
    }
    cmd.output().unwrap()
}

fn ok(run: &std::process::Output) {
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Every file under `dir`, hidden ones included.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The font the pages name is written, byte for byte the bundled one, where each page's
/// `@font-face` url leads.
#[test]
fn every_page_finds_the_bundled_font() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    ok(&report(&out, false));
    let bundled = std::fs::read(BUNDLED_FONT).unwrap();
    assert_eq!(
        std::fs::read(out.join("assets/NotoSansSC-subset.otf")).unwrap(),
        bundled
    );
    let pages: Vec<PathBuf> = files(&out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    // the index and the scenario's page
    assert_eq!(pages.len(), 2, "{pages:?}");
    for page in pages {
        let html = std::fs::read_to_string(&page).unwrap();
        let faces: Vec<&str> = html.split("@font-face").skip(1).collect();
        assert!(!faces.is_empty(), "{} has no @font-face", page.display());
        for face in faces {
            let url = face
                .split("url(\"")
                .nth(1)
                .and_then(|u| u.split('"').next())
                .unwrap();
            let font = page.parent().unwrap().join(url);
            assert_eq!(
                std::fs::read(&font).unwrap_or_default(),
                bundled,
                "{}: {url}",
                page.display()
            );
        }
    }
}

/// A file of the user's in the report's folders is left in place, a rerun replaces the
/// report's own files, and files of the last run no longer written (the charts, after
/// `--no-charts`) are removed with the folders they leave empty — but not a folder holding a
/// file of the user's.
#[test]
fn a_rerun_keeps_files_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mydocs");
    ok(&report(&out, true));
    // the user's files beside the report's
    std::fs::write(out.join("baseline/mine.txt"), "my notes").unwrap();
    std::fs::write(out.join("notes.md"), "mine too").unwrap();
    let charts = out.join("baseline/charts");
    assert!(files(&charts).len() > 10);
    std::fs::write(charts.join("my-chart.png"), "mine").unwrap();
    ok(&report(&out, false));
    assert_eq!(
        std::fs::read_to_string(out.join("baseline/mine.txt")).unwrap(),
        "my notes"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("notes.md")).unwrap(),
        "mine too"
    );
    // the user's chart is all that is left of the charts folder
    assert_eq!(files(&charts), [charts.join("my-chart.png")]);
    let manifest = std::fs::read_to_string(out.join(".plansim.manifest.json")).unwrap();
    assert!(manifest.contains("\"baseline/index.html\""), "{manifest}");
    assert!(!manifest.contains("charts/") && !manifest.contains("mine"));
    // and the report is whole: a page, its CSV, the font
    for f in [
        "index.html",
        "baseline/index.html",
        "baseline/projection.csv",
    ] {
        assert!(out.join(f).is_file(), "{f}");
    }
    // no staging folder is left behind
    let hidden: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert_eq!(hidden, [".plansim.lock", ".plansim.manifest.json"]);
}

/// A file of the user's where the report would write (a second scenario's page) is refused by
/// name, and nothing at all is written or moved.
#[test]
fn a_file_in_the_way_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mydocs");
    ok(&report(&out, false));
    std::fs::create_dir_all(out.join("shock-2024")).unwrap();
    std::fs::write(out.join("shock-2024/index.html"), "my page").unwrap();
    std::fs::write(out.join("keep.txt"), "mine").unwrap();
    let before: Vec<(PathBuf, Vec<u8>)> = files(&out)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(&f).unwrap()))
        .collect();
    let run = plansim()
        .args([
            "report",
            "scenarios/baseline.toml",
            "scenarios/shock-2024.toml",
        ])
        .args(["--draws", "200", "--no-charts", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    let named = out.join("shock-2024/index.html").display().to_string();
    assert!(err.contains(&named) && err.contains("refusing"), "{err}");
    let after: Vec<(PathBuf, Vec<u8>)> = files(&out)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(&f).unwrap()))
        .collect();
    // the lock file holds the last run's pid; all else is as it was
    let unlocked = |v: Vec<(PathBuf, Vec<u8>)>| -> Vec<(PathBuf, Vec<u8>)> {
        v.into_iter()
            .filter(|(f, _)| !f.ends_with(".plansim.lock"))
            .collect()
    };
    assert_eq!(unlocked(after), unlocked(before));
}

/// Under umask 022 every written file is 0644 (a colleague can read it), under 027 0640: the
/// report, `plot`'s charts and font, `simulate --out`.
#[cfg(unix)]
#[test]
fn outputs_are_readable_as_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let bin = assert_cmd::cargo::cargo_bin("plansim");
    for (umask, mode) in [("022", 0o644), ("027", 0o640)] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let commands: [&[&str]; 3] = [
            &[
                "report",
                "scenarios/baseline.toml",
                "--draws",
                "200",
                "--out",
                "r",
            ],
            &[
                "plot",
                "scenarios/baseline.toml",
                "--kind",
                "dashboard",
                "--out",
                "p",
            ],
            &[
                "simulate",
                "scenarios/baseline.toml",
                "--draws",
                "200",
                "--out",
                "s",
            ],
        ];
        for args in commands {
            let mut cmd = std::process::Command::new("sh");
            cmd.arg("-c")
                .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
                .arg(&bin)
                .args(&args[..args.len() - 1])
                .arg(d.join(args[args.len() - 1]))
                .env("LC_ALL", "zh_CN.UTF-8")
                .stdout(std::process::Stdio::null());
            let run = cmd.output().unwrap();
            assert!(run.status.success(), "{args:?}: {run:?}");
        }
        let written = files(d);
        for sub in ["r", "p", "s"] {
            assert!(written.iter().any(|f| f.starts_with(d.join(sub))), "{sub}");
        }
        assert!(
            written
                .iter()
                .any(|f| f.ends_with("p/assets/NotoSansSC-subset.otf"))
        );
        for f in written {
            let m = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
            assert_eq!(m, mode, "{} is {m:o} under umask {umask}", f.display());
        }
    }
}
