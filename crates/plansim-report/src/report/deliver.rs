//! Putting a report in place without harming what else lives in `--out`, through the engine's
//! [`Delivery`] (lock, staging folder, journalled commit, no symlink followed).
//!
//! Every scenario's folder and the root files (index pages, font, workbook) are staged; the
//! commit refuses, moving nothing, when a file the report did not write (per the manifest of
//! the last runs) or a folder stands where a staged file goes. Files of the last runs that this
//! run no longer writes are removed from the folders it rewrites (and from the top of `--out`);
//! a scenario folder this run does not write is left as it is; a file the report never wrote is
//! never touched.

use crate::error::Result;
use plansim_core::output::Delivery;
use std::cell::Cell;
use std::collections::BTreeSet;
use std::io::{BufWriter, Write};
use std::path::Path;

/// The report's own names at the top of `--out`: no scenario folder may take one.
pub const RESERVED: [&str; 4] = ["index.html", "index.md", WORKBOOK, "assets"];

/// The workbook's name at the top of `--out` (`workbook::NAME`, which the sheets' errors name
/// too).
pub const WORKBOOK: &str = "plansim.xlsx";

/// A scenario's folder, staged file by file as each is made, so that no more than one of its
/// files is held at a time (a large one not even that).
pub struct Folder<'a> {
    d: &'a Delivery,
    name: &'a str,
    /// A file could not be staged (a full disk): the run stops rather than lose a scenario.
    failed: Cell<bool>,
}

impl<'a> Folder<'a> {
    /// The folder `name` of `--out` (refused when the name would leave it).
    pub fn new(d: &'a Delivery, name: &'a str) -> Result<Folder<'a>> {
        plansim_core::output::inside(d.root(), Path::new(name))?;
        Ok(Folder {
            d,
            name,
            failed: Cell::new(false),
        })
    }

    /// Stages a file made whole (`rel` relative to the folder).
    pub fn put(&self, rel: impl AsRef<Path>, bytes: &[u8]) -> Result<()> {
        self.staged(self.d.write(&Path::new(self.name).join(rel), bytes))
    }

    /// Stages a file as `fill` writes it, through a buffer.
    pub fn put_with(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn Write) -> plansim_core::Result<()>,
    ) -> Result<()> {
        self.staged(put_with(self.d, &Path::new(self.name).join(rel), fill))
    }

    /// True when a file could not be staged.
    pub fn failed(&self) -> bool {
        self.failed.get()
    }

    fn staged(&self, r: plansim_core::Result<()>) -> Result<()> {
        if r.is_err() {
            self.failed.set(true);
        }
        Ok(r?)
    }
}

/// Stages `rel` (relative to `--out`) as `fill` writes it, through a buffer.
pub fn put_with(
    d: &Delivery,
    rel: &Path,
    fill: impl FnOnce(&mut dyn Write) -> plansim_core::Result<()>,
) -> plansim_core::Result<()> {
    d.write_with(rel, |f| {
        let mut w = BufWriter::new(f);
        fill(&mut w)?;
        w.flush().map_err(|e| plansim_core::Error::io(rel, e))
    })
}

/// Stages the root files and commits: `scenarios` are the folders this run staged.
pub fn commit(d: Delivery, scenarios: &[String], root: &[(String, Vec<u8>)]) -> Result<()> {
    for (rel, bytes) in root {
        d.write(Path::new(rel), bytes)?;
    }
    let rewritten: BTreeSet<&str> = scenarios
        .iter()
        .map(String::as_str)
        .chain(
            root.iter()
                .filter_map(|(r, _)| r.split_once('/').map(|(d, _)| d)),
        )
        .collect();
    // the delivery keeps those this run writes again
    let stale: BTreeSet<String> = d
        .owned()
        .iter()
        .filter(|f| {
            f.split_once('/')
                .is_none_or(|(top, _)| rewritten.contains(top))
        })
        .cloned()
        .collect();
    Ok(d.commit(&stale)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plansim_core::output::Opening;

    fn report(out: &Path, folders: &[(&str, &[&str])], index: &[u8]) -> Result<()> {
        let d = Delivery::open(out, &Opening::default())?;
        for (name, names) in folders {
            let folder = Folder::new(&d, name)?;
            for n in *names {
                folder.put(n, n.as_bytes())?;
            }
        }
        let names: Vec<String> = folders.iter().map(|(n, _)| n.to_string()).collect();
        commit(d, &names, &[("index.html".into(), index.to_vec())])
    }

    /// A second run that writes fewer files removes the first run's others and the folder
    /// they leave empty, but not a folder it does not rewrite; a file of someone else's in the
    /// way stops it before anything moves.
    #[test]
    fn replaces_its_own_files_and_refuses_others() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        report(
            out,
            &[("a", &["x.csv", "charts/c.png"]), ("b", &["y.csv"])],
            b"1",
        )
        .unwrap();
        assert!(out.join("a/charts/c.png").is_file());
        report(out, &[("a", &["x.csv"])], b"2").unwrap();
        assert!(!out.join("a/charts").exists());
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"2");
        let m = plansim_core::output::Manifest::read(out)
            .unwrap()
            .unwrap()
            .files;
        assert_eq!(
            m.into_iter().collect::<Vec<_>>(),
            ["a/x.csv", "b/y.csv", "index.html"]
        );
        // someone's file where a new one goes: refused, the old x.csv untouched
        std::fs::write(out.join("a/y.csv"), "mine").unwrap();
        let before = std::fs::read(out.join("a/x.csv")).unwrap();
        let err = report(out, &[("a", &["x.csv", "y.csv"])], b"3")
            .unwrap_err()
            .to_string();
        assert!(err.contains("y.csv") && !err.contains("x.csv"), "{err}");
        assert_eq!(std::fs::read(out.join("a/y.csv")).unwrap(), b"mine");
        assert_eq!(std::fs::read(out.join("a/x.csv")).unwrap(), before);
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"2");
        let staging = std::fs::read_dir(out)
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().starts_with(".staging")
            })
            .count();
        assert_eq!(staging, 0);
    }

    /// A scenario that fails after some of its files are staged puts none of them in place:
    /// its folder is discarded, the others' are committed.
    #[test]
    fn a_folder_discarded_half_way_is_not_put_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let d = Delivery::open(out, &Opening::default()).unwrap();
        let a = Folder::new(&d, "a").unwrap();
        a.put("x.csv", b"x").unwrap();
        a.put_with("y.csv", |w| {
            w.write_all(b"y1\ny2\n")
                .map_err(|e| plansim_core::Error::io("y.csv", e))
        })
        .unwrap();
        let b = Folder::new(&d, "b").unwrap();
        b.put("z.csv", b"z").unwrap();
        d.discard("b");
        assert!(!a.failed() && !b.failed());
        commit(
            d,
            &["a".to_string()],
            &[("index.html".into(), b"i".to_vec())],
        )
        .unwrap();
        assert_eq!(std::fs::read(out.join("a/y.csv")).unwrap(), b"y1\ny2\n");
        assert!(out.join("a/x.csv").is_file());
        assert!(!out.join("b").exists());
    }
}
