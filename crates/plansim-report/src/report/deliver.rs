//! Putting a report in place without harming what else lives in `--out`.
//!
//! Every scenario's folder is first written whole to a staging folder beside its place. Before
//! anything is put in place, every file the report will write is checked against the manifest
//! of the last run (`.plansim.manifest.json`): a file in the way that the report did not write
//! (or a folder where a file goes) makes the report refuse, naming it, and nothing is moved.
//! Otherwise each file is renamed over its earlier version (a reader sees the old file or the
//! new one, never half of one); files of the last run that this run no longer writes are removed
//! from the folders it rewrites; a file the report never wrote is never touched.

use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The list of files a report wrote, in its `--out` folder.
pub const MANIFEST: &str = ".plansim.manifest.json";

/// The files a report wrote, relative to `--out` with `/` between components.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    /// Says what the file is to someone who opens it.
    pub about: String,
    pub files: BTreeSet<String>,
}

impl Manifest {
    /// The manifest in `out`; empty when there is none (a folder no report wrote to).
    pub fn read(out: &Path) -> Result<Manifest> {
        let path = out.join(MANIFEST);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Manifest::default()),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let m: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
            Error::invalid(format!(
                "{}: not a plansim manifest ({e}); without it plansim cannot tell its own files \
                 from others: remove it only if the folder holds nothing else of value",
                path.display()
            ))
        })?;
        // a manifest naming a path outside `out` would make plansim replace or remove it
        for f in &m.files {
            crate::output::inside(out, Path::new(f))?;
        }
        Ok(m)
    }

    fn write(out: &Path, files: BTreeSet<String>) -> Result<()> {
        let m = Manifest {
            about: "files written by `plansim report`: a rerun replaces or removes only these"
                .into(),
            files,
        };
        let json = serde_json::to_vec_pretty(&m)
            .map_err(|e| Error::invalid(format!("{MANIFEST}: {e}")))?;
        Ok(crate::output::write_atomic(&out.join(MANIFEST), &json)?)
    }
}

/// A scenario's folder written to its staging place, not yet in place.
pub struct Staged {
    pub name: String,
    dir: PathBuf,
    /// Its files, relative to the folder.
    files: Vec<String>,
}

/// Writes a scenario's files into a staging folder under `out`.
pub fn stage(out: &Path, name: &str, files: &[(PathBuf, Vec<u8>)]) -> Result<Staged> {
    crate::output::inside(out, Path::new(name))?;
    let dir = out.join(format!(".staging-{name}-{}", std::process::id()));
    let mut rels = Vec::with_capacity(files.len());
    for (rel, bytes) in files {
        // the staging folder is nobody's output until it is renamed into place, whole: its
        // files are written plainly, without a temporary name or a sync each (a sync per
        // chart cost more wall time than drawing it)
        let written = crate::output::inside(&dir, rel).and_then(|p| write_plain(&p, bytes));
        if let Err(e) = written {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e.into());
        }
        rels.push(slashed(rel));
    }
    Ok(Staged {
        name: name.to_string(),
        dir,
        files: rels,
    })
}

/// Writes `bytes` to a new file at `path`, its folder made if missing; created 0666 and masked
/// by the user's umask, as every output.
fn write_plain(path: &Path, bytes: &[u8]) -> plansim_core::Result<()> {
    use plansim_core::Error;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

/// `a/b/c.png` whatever the platform's separator.
fn slashed(rel: &Path) -> String {
    rel.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Puts the staged folders and the root files (index pages, font, workbook) in place, or
/// refuses — moving nothing and removing the staging folders — when a file the report did not
/// write is in the way.
pub fn commit(out: &Path, staged: Vec<Staged>, root: &[(String, Vec<u8>)]) -> Result<()> {
    let result = commit_inner(out, &staged, root);
    for s in &staged {
        // the staging folders are the report's own; after a commit they hold only empty folders
        let _ = std::fs::remove_dir_all(&s.dir);
    }
    result
}

/// Removes staged folders that will not be put in place.
pub fn discard(staged: Vec<Staged>) {
    for s in staged {
        let _ = std::fs::remove_dir_all(&s.dir);
    }
}

fn commit_inner(out: &Path, staged: &[Staged], root: &[(String, Vec<u8>)]) -> Result<()> {
    let owned = Manifest::read(out)?.files;
    let mut planned: BTreeSet<String> = root.iter().map(|(r, _)| r.clone()).collect();
    for s in staged {
        planned.extend(s.files.iter().map(|f| format!("{}/{f}", s.name)));
    }
    let in_the_way: Vec<String> = planned
        .iter()
        .filter_map(|rel| obstacle(out, rel, &owned))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !in_the_way.is_empty() {
        return Err(Error::invalid(format!(
            "refusing to write the report into {}: plansim did not write {} and would have to \
             replace {}; move {} or choose another --out (nothing was changed)",
            out.display(),
            in_the_way
                .iter()
                .map(|r| out.join(r).display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            if in_the_way.len() == 1 { "it" } else { "them" },
            if in_the_way.len() == 1 { "it" } else { "them" },
        )));
    }
    // listed before they are put in place, so an interrupted run still knows its files
    Manifest::write(out, owned.union(&planned).cloned().collect())?;
    for s in staged {
        let target = out.join(&s.name);
        if !target.exists() {
            // a new folder arrives whole
            std::fs::rename(&s.dir, &target).map_err(|e| Error::io(&target, e))?;
            continue;
        }
        for f in &s.files {
            let to = target.join(f);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            }
            std::fs::rename(s.dir.join(f), &to).map_err(|e| Error::io(&to, e))?;
        }
    }
    for (rel, bytes) in root {
        crate::output::write_atomic(&crate::output::inside(out, Path::new(rel))?, bytes)?;
    }
    // the last run's files in the folders this run rewrote, no longer written: removed
    let rewritten: BTreeSet<&str> = staged
        .iter()
        .map(|s| s.name.as_str())
        .chain(
            root.iter()
                .filter_map(|(r, _)| r.split_once('/').map(|(d, _)| d)),
        )
        .collect();
    let mut kept = owned.union(&planned).cloned().collect::<BTreeSet<_>>();
    for stale in owned.difference(&planned) {
        let top = stale.split_once('/').map_or(stale.as_str(), |(d, _)| d);
        if stale.contains('/') && !rewritten.contains(top) {
            continue;
        }
        let path = crate::output::inside(out, Path::new(stale))?;
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
        kept.remove(stale);
        // folders left empty go too; one holding anything else stays (remove_dir refuses)
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != out && d.starts_with(out)) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Manifest::write(out, kept)
}

/// The path (relative to `out`) that stops `rel` being written: a file of its own name that
/// the report did not write, a folder in its place, or a file where one of its folders goes.
fn obstacle(out: &Path, rel: &str, owned: &BTreeSet<String>) -> Option<String> {
    let parts: Vec<&str> = rel.split('/').collect();
    for i in 1..parts.len() {
        let dir = parts[..i].join("/");
        if std::fs::metadata(out.join(&dir)).is_ok_and(|m| !m.is_dir()) {
            return Some(dir);
        }
    }
    let meta = std::fs::symlink_metadata(out.join(rel)).ok()?;
    (meta.is_dir() || !owned.contains(rel)).then(|| rel.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(names: &[&str]) -> Vec<(PathBuf, Vec<u8>)> {
        names
            .iter()
            .map(|n| (PathBuf::from(n), n.as_bytes().to_vec()))
            .collect()
    }

    /// A manifest naming a path outside `--out` is refused: plansim would otherwise replace
    /// or remove a file there.
    #[test]
    fn a_manifest_cannot_reach_outside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let m = r#"{"about": "", "files": ["a/index.html", "../elsewhere.txt"]}"#;
        std::fs::write(dir.path().join(MANIFEST), m).unwrap();
        let err = Manifest::read(dir.path()).unwrap_err().to_string();
        assert!(err.contains("../elsewhere.txt"), "{err}");
        std::fs::write(dir.path().join(MANIFEST), "not json").unwrap();
        let err = Manifest::read(dir.path()).unwrap_err().to_string();
        assert!(err.contains("not a plansim manifest"), "{err}");
    }

    /// A second run that writes fewer files removes the first run's others and the folder
    /// they leave empty; a file of someone else's in the way stops it before anything moves.
    #[test]
    fn replaces_its_own_files_and_refuses_others() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let s = stage(out, "a", &files(&["x.csv", "charts/c.png"])).unwrap();
        commit(out, vec![s], &[("index.html".into(), b"1".to_vec())]).unwrap();
        assert!(out.join("a/charts/c.png").is_file());
        let s = stage(out, "a", &files(&["x.csv"])).unwrap();
        commit(out, vec![s], &[("index.html".into(), b"2".to_vec())]).unwrap();
        assert!(!out.join("a/charts").exists());
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"2");
        let m = Manifest::read(out).unwrap().files;
        assert_eq!(m.into_iter().collect::<Vec<_>>(), ["a/x.csv", "index.html"]);
        // someone's file where a new one goes: refused, the old x.csv untouched
        std::fs::write(out.join("a/y.csv"), "mine").unwrap();
        let s = stage(out, "a", &files(&["x.csv", "y.csv"])).unwrap();
        let before = std::fs::read(out.join("a/x.csv")).unwrap();
        let err = commit(out, vec![s], &[]).unwrap_err().to_string();
        assert!(err.contains("y.csv") && !err.contains("x.csv"), "{err}");
        assert_eq!(std::fs::read(out.join("a/y.csv")).unwrap(), b"mine");
        assert_eq!(std::fs::read(out.join("a/x.csv")).unwrap(), before);
        let staging = std::fs::read_dir(out)
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().starts_with(".staging")
            })
            .count();
        assert_eq!(staging, 0);
    }
}
