//! The commit of a delivery: the renames from the staging folder and the removals of files the
//! run no longer writes, listed in `.plansim.journal` (written and synced before the first
//! rename). A run killed part-way leaves the journal; the next run carries the rest out before
//! anything else. Every step can be done twice: a rename whose source is gone was done.

use super::faults::{self, Faults};
use super::manifest::Manifest;
use super::nofollow;
use crate::error::MANIFEST;
use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

/// The journal's name in the output folder.
pub const JOURNAL: &str = ".plansim.journal";

/// The start of every staging folder's name.
pub(crate) const STAGING: &str = ".staging-";

/// The start of the temporary files that become the journal and the manifest.
pub(crate) const TEMPORARY: &str = ".plansim-";

/// One step of a commit, with names relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    /// A staged file or folder put in place.
    Rename { from: String, to: String },
    /// A file of the last run that this run no longer writes.
    Remove { path: String },
}

/// What a commit does, in order.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Journal {
    /// Says what the file is to someone who opens it.
    pub about: String,
    /// The staging folder (a name in the output folder) the renames take files from.
    pub staging: String,
    pub steps: Vec<Step>,
    /// The manifest's files once the steps are done.
    pub files: BTreeSet<String>,
}

impl Journal {
    /// Writes the journal, synced, so that a commit killed after it can be finished.
    pub fn write(&self, root: &Path, faults: Option<&Faults>) -> Result<()> {
        let bytes = serde_json::to_vec_pretty(self)
            .map_err(|e| Error::Invalid(format!("{JOURNAL}: {e}")))?;
        put(root, JOURNAL, &bytes, faults)
    }

    /// The journal of an interrupted commit in `root`, if any; one naming a path outside the
    /// folder, or a source outside its staging folder, is refused.
    pub fn read(root: &Path) -> Result<Option<Journal>> {
        let path = root.join(JOURNAL);
        let Some(bytes) = nofollow::read(&path)? else {
            return Ok(None);
        };
        let j: Journal = serde_json::from_slice(&bytes).map_err(|e| {
            Error::Invalid(format!(
                "{}: not a plansim journal ({e}): the last run into this folder was stopped \
                 while putting its files in place; remove the journal to go on",
                path.display()
            ))
        })?;
        let staged = |p: &str| {
            p.split_once('/')
                .is_some_and(|(s, _)| s == j.staging && s.starts_with(STAGING))
        };
        for step in &j.steps {
            let (from, to) = match step {
                Step::Rename { from, to } => (Some(from), to),
                Step::Remove { path } => (None, path),
            };
            if from.is_some_and(|f| !staged(f)) {
                return Err(Error::Invalid(format!(
                    "{}: a rename from outside its staging folder",
                    path.display()
                )));
            }
            for p in from.into_iter().chain([to]) {
                super::inside(root, Path::new(p))?;
            }
        }
        for f in &j.files {
            super::inside(root, Path::new(f))?;
        }
        Ok(Some(j))
    }

    /// Carries the steps out (those done already are passed over), writes the manifest, syncs,
    /// then removes the journal and the staging folder.
    pub fn finish(&self, root: &Path, faults: Option<&Faults>) -> Result<()> {
        for step in &self.steps {
            match step {
                Step::Rename { from, to } => rename(root, from, to, faults)?,
                Step::Remove { path } => {
                    faults::step(faults, &nofollow::join(root, path))?;
                    nofollow::remove_file(root, Path::new(path))?;
                }
            }
        }
        let manifest = Manifest::of(self.files.clone()).to_bytes()?;
        put(root, MANIFEST, &manifest, faults)?;
        faults::step(faults, root)?;
        nofollow::sync_fs(root)?;
        let journal = root.join(JOURNAL);
        faults::step(faults, &journal)?;
        fs::remove_file(&journal).map_err(|e| Error::io(&journal, e))?;
        remove_staging(root, &self.staging);
        Ok(())
    }
}

/// Puts a staged file or folder in place, unless that was done already.
fn rename(root: &Path, from: &str, to: &str, faults: Option<&Faults>) -> Result<()> {
    nofollow::check(root, Path::new(from))?;
    nofollow::check(root, Path::new(to))?;
    let (src, dst) = (nofollow::join(root, from), nofollow::join(root, to));
    match fs::symlink_metadata(&src) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(&src, e)),
        Ok(_) => {}
    }
    if let Some((dir, _)) = to.rsplit_once('/') {
        nofollow::create_dirs(root, Path::new(dir))?;
    }
    faults::step(faults, &dst)?;
    fs::rename(&src, &dst).map_err(|e| Error::io(&dst, e))
}

/// Writes `bytes` as `root/name` through a synced temporary file renamed over it.
fn put(root: &Path, name: &str, bytes: &[u8], faults: Option<&Faults>) -> Result<()> {
    nofollow::check(root, Path::new(name))?;
    let tmp = root.join(format!(
        "{TEMPORARY}{}{}",
        std::process::id(),
        name.trim_start_matches(".plansim")
    ));
    let path = root.join(name);
    let _ = fs::remove_file(&tmp);
    let written = faults::step(faults, &path)
        .and_then(|()| nofollow::create_new(&tmp, bytes))
        .and_then(|f| f.sync_all().map_err(|e| Error::io(&tmp, e)))
        .and_then(|()| faults::step(faults, &path))
        .and_then(|()| fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e)));
    if written.is_err() && faults::may_tidy(faults) {
        let _ = fs::remove_file(&tmp);
    }
    written?;
    let dir = fs::File::open(root).map_err(|e| Error::io(root, e))?;
    // some systems cannot sync a folder; the rename is then as durable as it can be
    let _ = dir.sync_all();
    Ok(())
}

/// Removes a staging folder (never following a link: `remove_dir_all` removes a link itself).
pub(crate) fn remove_staging(root: &Path, name: &str) {
    let path = root.join(name);
    match fs::symlink_metadata(&path) {
        Ok(m) if m.is_dir() => {
            let _ = fs::remove_dir_all(&path);
        }
        Ok(_) => {
            let _ = fs::remove_file(&path);
        }
        Err(_) => {}
    }
}
