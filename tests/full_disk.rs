//! A real full disk: a report rerun with charts into a small tmpfs that holds the earlier
//! report (without charts) but not the new one fails with "No space left on device", and the
//! earlier report is byte-identical, with no staging folder left. Needs the right to mount a
//! tmpfs (root, as CI runs); elsewhere it says so and passes without probing.

#![cfg(target_os = "linux")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A mounted tmpfs, unmounted when dropped (a failing assertion included).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size_kb: u64) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size_kb}k"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn report(out: &Path, charts: bool) -> std::process::Output {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("plansim"));
    cmd.env("LC_ALL", "en_US.UTF-8")
        .args([
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

/// Every file's bytes and every folder under `root`, the lock file left out.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![String::new()];
    while let Some(rel) = stack.pop() {
        for e in std::fs::read_dir(root.join(&rel)).unwrap() {
            let e = e.unwrap();
            let name = format!("{rel}{}", e.file_name().to_string_lossy());
            if e.file_type().unwrap().is_dir() {
                out.insert(format!("{name}/"), Vec::new());
                stack.push(format!("{name}/"));
            } else if name != ".plansim.lock" {
                out.insert(name, std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

#[test]
fn a_full_disk_keeps_the_last_report_byte_identical() {
    // the earlier report's size, measured on the ordinary disk
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    assert!(report(&probe, false).status.success());
    let bytes: u64 = snapshot(&probe).values().map(|b| b.len() as u64).sum();
    // room for it twice (the staging of a rerun without charts would fit), not for the charts
    let size_kb = bytes * 2 / 1024 + 256;
    let Some(disk) = Tmpfs::mount(&dir.path().join("small"), size_kb) else {
        eprintln!("cannot mount a tmpfs here (not root?): the full-disk probe did not run");
        return;
    };
    let out = disk.0.join("out");
    let first = report(&out, false);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = snapshot(&out);
    let full = report(&out, true);
    let err = String::from_utf8_lossy(&full.stderr);
    assert_eq!(full.status.code(), Some(2), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(snapshot(&out) == before, "the earlier report changed");
    // and the disk has room again: the staging folder went
    let again = report(&out, false);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

/// A full temporary folder, where the workbook's sheets are written before they are zipped:
/// the report stops with an error naming the workbook and the disk's words, not a panic, and
/// puts nothing in place.
#[test]
fn a_full_temporary_folder_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let Some(tmp) = Tmpfs::mount(&dir.path().join("tmp"), 64) else {
        eprintln!("cannot mount a tmpfs here (not root?): the full-disk probe did not run");
        return;
    };
    let out = dir.path().join("out");
    let run = Command::new(assert_cmd::cargo::cargo_bin("plansim"))
        .env("LC_ALL", "en_US.UTF-8")
        .env("TMPDIR", &tmp.0)
        .args([
            "report",
            "scenarios/baseline.toml",
            "--draws",
            "200",
            "--no-charts",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(
        err.contains("plansim.xlsx") && err.contains("No space left on device"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.join("index.html").exists() && !out.join("baseline").exists());
}
