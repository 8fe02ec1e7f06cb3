//! The list of files plansim wrote into an output folder: a rerun replaces or removes only
//! these, and a folder holding one is known to be plansim's.

use super::nofollow;
use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::path::Path;

use crate::error::MANIFEST;

/// The files plansim wrote, relative to the output folder with `/` between components.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    /// Says what the file is to someone who opens it.
    pub about: String,
    /// The files, relative to the folder.
    pub files: BTreeSet<String>,
}

impl Manifest {
    /// A manifest of `files`.
    pub fn of(files: BTreeSet<String>) -> Manifest {
        Manifest {
            about: "files written by plansim into this folder: a rerun replaces or removes only \
                    these"
                .into(),
            files,
        }
    }

    /// The manifest in `out`; `None` when there is none (a folder plansim did not write to).
    pub fn read(out: &Path) -> Result<Option<Manifest>> {
        let path = out.join(MANIFEST);
        let Some(bytes) = nofollow::read(&path)? else {
            return Ok(None);
        };
        let m: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
            Error::Invalid(format!(
                "{}: not a plansim manifest ({e}); without it plansim cannot tell its own files \
                 from others: remove it only if the folder holds nothing else of value",
                path.display()
            ))
        })?;
        // a manifest naming a path outside `out` would make plansim replace or remove it
        for f in &m.files {
            super::inside(out, Path::new(f))?;
        }
        Ok(Some(m))
    }

    /// The manifest as written.
    pub(crate) fn to_bytes(&self) -> Result<Vec<u8>> {
        serde_json::to_vec_pretty(self).map_err(|e| Error::Invalid(format!("{MANIFEST}: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
