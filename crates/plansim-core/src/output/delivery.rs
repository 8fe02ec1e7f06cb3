//! A run's output, all or nothing: the folder's lock taken, an interrupted commit finished and
//! a killed run's leftovers removed; then every file written into a staging folder inside
//! `--out`, synced, and put in place by a journalled commit. Until the journal is written the
//! earlier output is untouched, and the staging folder goes with any error.

use super::faults::{self, Faults};
use super::journal::{self, Journal, STAGING, Step, TEMPORARY};
use super::lock::{self, Lock};
use super::manifest::Manifest;
use super::nofollow;
use crate::error::MANIFEST;
use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// How a run opens its output folder.
#[derive(Clone, Debug, Default)]
pub struct Opening {
    /// Wait for another run's lock instead of failing at once.
    pub wait: bool,
    /// Failures to inject (tests).
    pub faults: Option<Arc<Faults>>,
}

/// An output folder held by this run, with the files it has staged so far.
#[derive(Debug)]
pub struct Delivery {
    root: PathBuf,
    staging: String,
    owned: BTreeSet<String>,
    written: Mutex<BTreeSet<String>>,
    faults: Option<Arc<Faults>>,
    /// The journal is written: the staging folder is the commit's, not this run's to remove.
    committed: bool,
    _lock: Lock,
}

impl Delivery {
    /// Opens `root` (made if missing; refused if it holds others' files and no manifest),
    /// takes its lock, finishes an interrupted commit and removes a killed run's leftovers.
    pub fn open(root: &Path, how: &Opening) -> Result<Delivery> {
        match fs::metadata(root) {
            Ok(m) if !m.is_dir() => {
                let e = std::io::Error::new(ErrorKind::NotADirectory, "--out is not a folder");
                return Err(Error::io(root, e));
            }
            Ok(_) => {
                let seen = foreign(root)?;
                if !seen.is_empty() {
                    return Err(Error::Foreign {
                        root: root.to_path_buf(),
                        seen,
                    });
                }
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {
                fs::create_dir_all(root).map_err(|e| Error::io(root, e))?
            }
            Err(e) => return Err(Error::io(root, e)),
        }
        let lock = lock::acquire(root, how.wait)?;
        let faults = how.faults.clone();
        if let Some(j) = Journal::read(root)? {
            j.finish(root, faults.as_deref())?;
        }
        let owned = Manifest::read(root)?.unwrap_or_default().files;
        // a link where plansim's files are is refused now, before the run's work, not at commit
        for f in &owned {
            nofollow::check(root, Path::new(f))?;
        }
        tidy(root, &owned)?;
        let staging = format!("{STAGING}{}", std::process::id());
        let dir = root.join(&staging);
        fs::create_dir(&dir).map_err(|e| nofollow::refused(&dir, e))?;
        Ok(Delivery {
            root: root.to_path_buf(),
            staging,
            owned,
            written: Mutex::new(BTreeSet::new()),
            faults,
            committed: false,
            _lock: lock,
        })
    }

    /// The output folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The files the last runs wrote (the manifest's).
    pub fn owned(&self) -> &BTreeSet<String> {
        &self.owned
    }

    /// Stages `bytes` as `rel` (a path relative to the output folder). Staged files are nobody's
    /// output until the commit: written plainly, synced once all together.
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let staged = self.root.join(&self.staging).join(rel);
        self.write_with(rel, |f| {
            use std::io::Write;
            f.write_all(bytes).map_err(|e| Error::io(&staged, e))
        })
    }

    /// Stages `rel` as `fill` writes it, so that a large file (a CSV of millions of lines, a
    /// workbook) goes to disk as it is made instead of being held whole first. A `fill` that
    /// fails leaves its part-file in the staging folder, which goes unless the run commits:
    /// the caller [`discard`](Self::discard)s a folder it will not commit.
    pub fn write_with(
        &self,
        rel: &Path,
        fill: impl FnOnce(&mut fs::File) -> Result<()>,
    ) -> Result<()> {
        let staging = self.root.join(&self.staging);
        let path = super::inside(&staging, rel)?;
        let name = slashed(rel);
        if let Some((dir, _)) = name.rsplit_once('/') {
            nofollow::create_dirs(&staging, Path::new(dir))?;
        }
        faults::step(self.faults.as_deref(), &self.root.join(rel))?;
        let mut file = nofollow::create_new(&path, &[])?;
        fill(&mut file)?;
        #[cfg(not(target_os = "linux"))]
        file.sync_data().map_err(|e| Error::io(&path, e))?;
        if let Ok(mut w) = self.written.lock() {
            w.insert(name);
        }
        Ok(())
    }

    /// Unstages `rel`, a staged file or every file under a staged folder (a scenario that
    /// failed half-way through its files): none of them is put in place.
    pub fn discard(&self, rel: &str) {
        let under = format!("{rel}/");
        if let Ok(mut w) = self.written.lock() {
            w.retain(|f| f != rel && !f.starts_with(&under));
        }
        let path = self.root.join(&self.staging).join(rel);
        let _ = fs::remove_dir_all(&path).or_else(|_| fs::remove_file(&path));
    }

    /// Puts every staged file in place and removes `stale` (files of the last runs that this
    /// run no longer writes), or refuses — changing nothing — when a link, a file plansim did
    /// not write, or a folder stands where a staged file goes.
    pub fn commit(mut self, stale: &BTreeSet<String>) -> Result<()> {
        let planned = self.written.lock().map(|w| w.clone()).unwrap_or_default();
        let faults = self.faults.clone();
        let faults = faults.as_deref();
        self.refuse_obstacles(&planned, stale)?;
        let staging = self.root.join(&self.staging);
        faults::step(faults, &staging)?;
        nofollow::sync_fs(&staging)?;
        let removed: BTreeSet<String> = stale.difference(&planned).cloned().collect();
        let journal = Journal {
            about: "the steps of a plansim run putting its files in place: the next run into \
                    this folder finishes them if this one was stopped"
                .into(),
            staging: self.staging.clone(),
            steps: self.steps(&planned, &removed),
            files: self
                .owned
                .union(&planned)
                .filter(|f| !removed.contains(*f))
                .cloned()
                .collect(),
        };
        journal.write(&self.root, faults)?;
        self.committed = true;
        match journal.finish(&self.root, faults) {
            Ok(()) => Ok(()),
            Err(e) if !faults::may_tidy(faults) => Err(e),
            // a failed step is tried once more; the journal stays for the next run otherwise
            Err(first) => journal.finish(&self.root, faults).map_err(|_| {
                Error::Invalid(format!(
                    "{first}; the new output is half in place in {}: the next plansim run into \
                     it finishes putting it in place before anything else",
                    self.root.display()
                ))
            }),
        }
    }

    /// The renames: a top folder that does not exist yet arrives whole, others file by file
    /// (they may hold files of the user's); then the removals.
    fn steps(&self, planned: &BTreeSet<String>, removed: &BTreeSet<String>) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut whole: BTreeSet<&str> = BTreeSet::new();
        for rel in planned {
            let from = format!("{}/{rel}", self.staging);
            match rel.split_once('/') {
                Some((top, _)) if whole.contains(top) => {}
                Some((top, _)) if fs::symlink_metadata(self.root.join(top)).is_err() => {
                    whole.insert(top);
                    steps.push(Step::Rename {
                        from: format!("{}/{top}", self.staging),
                        to: top.to_string(),
                    });
                }
                _ => steps.push(Step::Rename {
                    from,
                    to: rel.clone(),
                }),
            }
        }
        steps.extend(removed.iter().map(|p| Step::Remove { path: p.clone() }));
        steps
    }

    /// A link on the way to a staged file or a stale one is refused by name; files plansim did
    /// not write in the way are all named together.
    fn refuse_obstacles(&self, planned: &BTreeSet<String>, stale: &BTreeSet<String>) -> Result<()> {
        for rel in planned.iter().chain(stale) {
            nofollow::check(&self.root, Path::new(rel))?;
        }
        let in_the_way: BTreeSet<String> = planned
            .iter()
            .filter_map(|rel| obstacle(&self.root, rel, &self.owned))
            .collect();
        if in_the_way.is_empty() {
            return Ok(());
        }
        let one = in_the_way.len() == 1;
        Err(Error::Invalid(format!(
            "refusing to write into {}: plansim did not write {} and would have to replace {}; \
             move {} or choose another --out (nothing was changed)",
            self.root.display(),
            in_the_way
                .iter()
                .map(|r| nofollow::join(&self.root, r).display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            if one { "it" } else { "them" },
            if one { "it" } else { "them" },
        )))
    }
}

impl Drop for Delivery {
    /// A run that did not reach its commit removes its staging folder (not after a simulated
    /// kill, which removes nothing).
    fn drop(&mut self) {
        if !self.committed && faults::may_tidy(self.faults.as_deref()) {
            journal::remove_staging(&self.root, &self.staging);
        }
    }
}

/// The path (relative to the folder) that stops `rel` being written: a file where one of its
/// folders goes, a folder in its place, or a file of its name that plansim did not write.
fn obstacle(root: &Path, rel: &str, owned: &BTreeSet<String>) -> Option<String> {
    let parts: Vec<&str> = rel.split('/').collect();
    for i in 1..parts.len() {
        let dir = parts[..i].join("/");
        if fs::symlink_metadata(nofollow::join(root, &dir)).is_ok_and(|m| !m.is_dir()) {
            return Some(dir);
        }
    }
    let meta = fs::symlink_metadata(nofollow::join(root, rel)).ok()?;
    (meta.is_dir() || !owned.contains(rel)).then(|| rel.to_string())
}

/// The names in `root` that show plansim did not make it: anything but dot files (`.gitkeep`),
/// plansim's own staging folders, and folders holding a plansim manifest (`plot`'s folder
/// inside a report's). Empty when the folder has a manifest of its own.
fn foreign(root: &Path) -> Result<Vec<String>> {
    nofollow::check(root, Path::new(MANIFEST))?;
    if fs::symlink_metadata(root.join(MANIFEST)).is_ok_and(|m| m.is_file()) {
        return Ok(Vec::new());
    }
    let mut seen = Vec::new();
    for (name, is_dir) in nofollow::entries(root)? {
        let quiet = name.starts_with('.') && (!is_dir || name.starts_with(STAGING));
        let plansims = is_dir
            && fs::symlink_metadata(root.join(&name).join(MANIFEST)).is_ok_and(|m| m.is_file());
        if !quiet && !plansims {
            seen.push(format!("`{name}`"));
        }
    }
    if seen.len() > 5 {
        let more = seen.len() - 4;
        seen.truncate(4);
        seen.push(format!("{more} more"));
    }
    Ok(seen)
}

/// Removes what killed runs left: staging folders in `root`, and temporary `.plansim-*` files
/// in it and in the folders plansim writes into. Only under the lock, so none is a live run's.
fn tidy(root: &Path, owned: &BTreeSet<String>) -> Result<()> {
    let mut dirs: BTreeSet<&str> = BTreeSet::from([""]);
    dirs.extend(
        owned
            .iter()
            .filter_map(|f| f.rsplit_once('/').map(|(d, _)| d)),
    );
    for dir in dirs {
        if nofollow::check(root, Path::new(dir)).is_err() {
            continue;
        }
        let path = nofollow::join(root, dir);
        let Ok(entries) = nofollow::entries(&path) else {
            continue;
        };
        for (name, _) in entries {
            if dir.is_empty() && name.starts_with(STAGING) {
                journal::remove_staging(root, &name);
            } else if name.starts_with(TEMPORARY) {
                let _ = fs::remove_file(path.join(&name));
            }
        }
    }
    Ok(())
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
