//! A delivery that fails or is killed at any step leaves the earlier output exactly as it was,
//! or the new one whole; links inside the folder are never followed; foreign folders refused.

use super::journal::STAGING;
use super::lock::LOCK;
use super::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

type Snapshot = BTreeMap<String, Vec<u8>>;

/// Every file (with its bytes) and folder under `root`, links as their targets' names; the
/// lock file (which holds the last holder's pid) left out.
fn snapshot(root: &Path) -> Snapshot {
    let mut out = BTreeMap::new();
    let mut stack = vec![String::new()];
    while let Some(rel) = stack.pop() {
        for e in std::fs::read_dir(root.join(&rel)).unwrap() {
            let e = e.unwrap();
            let name = format!("{rel}{}", e.file_name().to_string_lossy());
            let kind = e.file_type().unwrap();
            if kind.is_dir() {
                out.insert(format!("{name}/"), Vec::new());
                stack.push(format!("{name}/"));
            } else if kind.is_symlink() {
                let to = std::fs::read_link(e.path()).unwrap();
                out.insert(name, to.to_string_lossy().as_bytes().to_vec());
            } else if name != LOCK {
                out.insert(name, std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

fn deliver(
    root: &Path,
    files: &[(&str, &str)],
    stale: &[&str],
    faults: Option<Arc<Faults>>,
) -> Result<()> {
    let d = Delivery::open(
        root,
        &Opening {
            wait: false,
            faults,
        },
    )?;
    for (rel, text) in files {
        d.write(Path::new(rel), text.as_bytes())?;
    }
    d.commit(&stale.iter().map(|s| s.to_string()).collect())
}

/// The earlier output: two folders, root files and a file of the user's beside them.
fn old(root: &Path) {
    let files = [
        ("a/x.csv", "old x"),
        ("a/charts/c.png", "old chart"),
        ("b/y.csv", "old y"),
        ("index.html", "old index"),
        ("assets/font.otf", "font"),
    ];
    deliver(root, &files, &[], None).unwrap();
    std::fs::write(root.join("a/mine.txt"), "the user's").unwrap();
}

/// The new output: `a` rewritten without its chart, `b` gone, `c` new, a new index.
fn new(root: &Path, faults: Option<Arc<Faults>>) -> Result<()> {
    let files = [
        ("a/x.csv", "new x"),
        ("c/z.csv", "new z"),
        ("c/deep/w.csv", "new w"),
        ("index.html", "new index"),
        ("assets/font.otf", "font"),
    ];
    deliver(root, &files, &["a/charts/c.png", "b/y.csv"], faults)
}

/// The two states a run may leave, and how many steps a whole run takes.
fn states() -> (Snapshot, Snapshot, usize) {
    let dir = tempfile::tempdir().unwrap();
    old(dir.path());
    let before = snapshot(dir.path());
    let counted = Arc::new(Faults::default());
    new(dir.path(), Some(counted.clone())).unwrap();
    let after = snapshot(dir.path());
    assert_eq!(after["a/x.csv"], b"new x");
    assert_eq!(after["a/mine.txt"], b"the user's");
    assert!(!after.contains_key("b/") && !after.contains_key("a/charts/"));
    assert!(counted.steps() > 10, "{} steps", counted.steps());
    (before, after, counted.steps())
}

/// A full disk at each write, sync and rename in turn (the journal's and the manifest's
/// included): the run fails and the earlier output is byte-identical, or the step is tried
/// again and the new output is whole. No staging folder or temporary file is left.
#[test]
fn a_failure_at_any_step_leaves_the_old_output_or_the_new() {
    let (before, after, steps) = states();
    let mut failed = 0;
    for n in 1..=steps {
        let dir = tempfile::tempdir().unwrap();
        old(dir.path());
        let run = new(dir.path(), Some(Arc::new(Faults::fail_at(n))));
        let now = snapshot(dir.path());
        match run {
            Err(e) => {
                failed += 1;
                assert!(e.to_string().contains("No space left"), "step {n}: {e}");
                assert_eq!(now, before, "step {n} failed: the old output changed");
            }
            Ok(()) => assert_eq!(now, after, "step {n} failed, retried: the new output"),
        }
    }
    // every write before the commit fails the run
    assert!(failed >= 6, "{failed} of {steps} failures stopped the run");
}

/// A run stopped (as by kill -9) before each step in turn: the next run finds the earlier
/// output as it was (no journal yet) or finishes the commit from its journal, and removes the
/// killed run's staging folder either way.
#[test]
fn a_kill_at_any_step_is_finished_by_the_next_run() {
    let (before, after, steps) = states();
    let mut finished = 0;
    for n in 1..=steps {
        let dir = tempfile::tempdir().unwrap();
        old(dir.path());
        assert!(new(dir.path(), Some(Arc::new(Faults::kill_at(n)))).is_err());
        let journal = dir.path().join(JOURNAL).exists();
        // the next run, whatever it writes, first tidies and finishes
        drop(Delivery::open(dir.path(), &Opening::default()).unwrap());
        let now = snapshot(dir.path());
        if journal {
            finished += 1;
            assert_eq!(now, after, "killed at step {n}: the commit finished");
        } else {
            assert_eq!(now, before, "killed at step {n}: nothing changed");
        }
    }
    // killed between each pair of renames: every one of those is finished
    assert!(finished >= 5, "{finished} of {steps}");
}

/// A folder of the output replaced by a link to one outside, and a file replaced by a link:
/// refused by name, and nothing outside is written or removed.
#[cfg(unix)]
#[test]
fn links_inside_the_folder_are_refused_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let (root, away) = (dir.path().join("out"), dir.path().join("away"));
    old(&root);
    std::fs::create_dir_all(away.join("charts")).unwrap();
    std::fs::write(away.join("x.csv"), "away x").unwrap();
    std::fs::write(away.join("charts/c.png"), "away chart").unwrap();
    let away_before = snapshot(&away);
    // `b`, whose file the new run removes, and `a`, which it rewrites, both links
    std::fs::remove_dir_all(root.join("b")).unwrap();
    symlink(&away, root.join("b")).unwrap();
    let err = new(&root, None).unwrap_err().to_string();
    assert!(
        err.contains("symbolic link") && err.contains("out/b"),
        "{err}"
    );
    std::fs::remove_file(root.join("b")).unwrap();
    std::fs::rename(root.join("a"), dir.path().join("a-moved")).unwrap();
    symlink(&away, root.join("a")).unwrap();
    let err = new(&root, None).unwrap_err().to_string();
    assert!(err.contains("out/a"), "{err}");
    // a file that is a link
    std::fs::remove_file(root.join("a")).unwrap();
    std::fs::rename(dir.path().join("a-moved"), root.join("a")).unwrap();
    std::fs::remove_file(root.join("index.html")).unwrap();
    symlink(away.join("x.csv"), root.join("index.html")).unwrap();
    let err = new(&root, None).unwrap_err().to_string();
    assert!(err.contains("out/index.html"), "{err}");
    assert_eq!(snapshot(&away), away_before);
    // no staging folder stays
    assert!(snapshot(&root).keys().all(|k| !k.starts_with(STAGING)));
}

/// A folder holding others' files and no manifest is refused before anything is written in
/// it; dot files (`.gitkeep`) alone, and a plansim folder inside, make no folder foreign.
#[test]
fn a_folder_plansim_did_not_make_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("notes.txt"), "mine").unwrap();
    std::fs::create_dir(root.join("src")).unwrap();
    let err = deliver(root, &[("a.csv", "a")], &[], None)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("refusing to write into") && err.contains("`notes.txt`, `src`"),
        "{err}"
    );
    assert_eq!(snapshot(root).len(), 2, "nothing written");
    let fresh = root.join("output");
    std::fs::create_dir(&fresh).unwrap();
    std::fs::write(fresh.join(".gitkeep"), "").unwrap();
    // a plansim folder inside first (as `plot`'s output/plots), then the folder itself
    deliver(&fresh.join("plots"), &[("p.svg", "p")], &[], None).unwrap();
    deliver(&fresh, &[("index.html", "i")], &[], None).unwrap();
    assert_eq!(std::fs::read(fresh.join(".gitkeep")).unwrap(), b"");
    // a `.git` folder is a project's, not a dot file
    let project = root.join("project");
    std::fs::create_dir_all(project.join(".git")).unwrap();
    assert!(deliver(&project, &[("a.csv", "a")], &[], None).is_err());
    let err = deliver(Path::new("/"), &[("a.csv", "a")], &[], None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("refusing to write into /"), "{err}");
}
