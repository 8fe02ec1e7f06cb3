//! `plansim report` over an earlier report, with a full disk at each write, sync and rename of
//! its delivery in turn, and stopped (as by kill -9) before each in turn: the earlier report
//! stays byte-identical, or the new one arrives whole (at once, or from the journal by the next
//! run) — never a mix, never a lost scenario. Every step of the commit is probed, and the
//! first, a middle and the last write of the staged files (the engine's own tests probe every
//! write, on a smaller folder; a report costs seconds in a debug build).

use plansim_core::output::{Delivery, Faults, JOURNAL, Opening};
use plansim_report::report::{Options, run};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Every file (bytes) and folder under `root`, the lock file (the last holder's pid) left out.
fn raw(root: &Path) -> BTreeMap<String, Vec<u8>> {
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

/// As [`raw`], a workbook's cells in place of its bytes (which hold the time it was made).
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    norm(raw(root))
}

/// A workbook's cells in place of its bytes.
fn norm(mut snap: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    for (name, bytes) in snap.iter_mut() {
        if name.ends_with(".xlsx") {
            *bytes = cells(bytes);
        }
    }
    snap
}

/// A workbook's sheets and cells: its bytes hold the time it was made.
fn cells(xlsx: &[u8]) -> Vec<u8> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        out.push_str(&format!("{name}: {:?}\n", range.rows().collect::<Vec<_>>()));
    }
    out.into_bytes()
}

/// The names whose bytes differ or that only one side has, for a failure's message.
fn diff(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let names: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    names
        .into_iter()
        .filter(|n| a.get(*n) != b.get(*n))
        .cloned()
        .collect()
}

/// Lays a snapshot down as a folder.
fn restore(snap: &BTreeMap<String, Vec<u8>>, root: &Path) {
    std::fs::create_dir_all(root).unwrap();
    for (name, bytes) in snap {
        let path = root.join(name);
        if name.ends_with('/') {
            std::fs::create_dir_all(path).unwrap();
        } else {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
    }
}

fn opts(out: &Path, seed: u64, faults: Option<Faults>) -> Options {
    Options {
        out: out.to_path_buf(),
        jobs: 1,
        draws: Some(50),
        seed: Some(seed),
        charts: false,
        faults: faults.map(Arc::new),
        ..Options::default()
    }
}

type Snapshot = BTreeMap<String, Vec<u8>>;

/// The earlier report (a scenario with outturns) and the new one (it again with another seed, and a
/// second scenario), with the steps of the new one's delivery to probe.
fn reports() -> (Vec<PathBuf>, Snapshot, Snapshot, Vec<usize>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // a scenario with outturns, so its bands depend on the seed (no evidence, no bands)
    let old = [PathBuf::from("scenarios/horqin-outturn.toml")];
    run(&old, &opts(&out, 1, None), &|_| {}).unwrap();
    let before = raw(&out);
    let new = vec![old[0].clone(), PathBuf::from("scenarios/tables/horqin.csv")];
    let counted = Arc::new(Faults::default());
    let mut o = opts(&out, 2, None);
    o.faults = Some(counted.clone());
    let batch = run(&new, &o, &|_| {}).unwrap();
    assert!(batch.failed.is_empty());
    let after = raw(&out);
    assert_ne!(
        before["horqin-outturn/simulation.csv"],
        after["horqin-outturn/simulation.csv"]
    );
    assert!(after.contains_key("baseline/index.html"));
    // the staged files' writes come first, then the commit's steps
    let staged = after
        .keys()
        .filter(|n| !n.ends_with('/') && !n.starts_with(".plansim."))
        .count();
    let steps = counted.steps();
    let probed = [1, staged / 2, staged]
        .into_iter()
        .chain(staged + 1..=steps)
        .collect();
    (new, before, norm(after), probed)
}

#[test]
fn a_full_disk_at_any_write_or_rename_keeps_the_last_report() {
    let (new, before, after, steps) = reports();
    let old = norm(before.clone());
    let mut failed = 0;
    for &n in &steps {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        restore(&before, &out);
        let result = run(&new, &opts(&out, 2, Some(Faults::fail_at(n))), &|_| {});
        let now = snapshot(&out);
        match result {
            Err(e) => {
                failed += 1;
                let e = e.to_string();
                assert!(e.contains("No space left on device"), "step {n}: {e}");
                assert!(now == old, "step {n} failed: {:?}", diff(&now, &old));
            }
            Ok(_) => assert!(now == after, "step {n}: {:?}", diff(&now, &after)),
        }
    }
    // every staged file's write fails the run
    assert!(failed > 3, "{failed} of {steps:?}");
}

#[test]
fn a_kill_at_any_step_leaves_the_last_report_or_the_next_run_finishes_the_new() {
    let (new, before, after, steps) = reports();
    let old = norm(before.clone());
    let mut finished = 0;
    for &n in &steps {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        restore(&before, &out);
        assert!(run(&new, &opts(&out, 2, Some(Faults::kill_at(n))), &|_| {}).is_err());
        let journal = out.join(JOURNAL).exists();
        // the next run into the folder: its opening tidies and finishes first
        drop(Delivery::open(&out, &Opening::default()).unwrap());
        let now = snapshot(&out);
        if journal {
            finished += 1;
            assert!(now == after, "killed at {n}: {:?}", diff(&now, &after));
        } else {
            assert!(now == old, "killed at {n}: {:?}", diff(&now, &old));
        }
    }
    assert!(finished >= 5, "{finished} of {steps:?}");
}
