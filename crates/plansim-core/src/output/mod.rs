//! Writing into an output folder (`--out`) without ever leaving it or losing what it held:
//! names that would leave it are refused, symbolic links inside it are never followed, one run
//! at a time holds it, and a run's files arrive all together or not at all ([`Delivery`]).
//! The guarantees, for users: `docs/output.md`.

mod delivery;
mod faults;
mod journal;
mod lock;
mod manifest;
pub(crate) mod nofollow;
#[cfg(test)]
mod tests;

pub use delivery::{Delivery, Opening};
pub use faults::Faults;
pub use journal::JOURNAL;
pub use manifest::Manifest;

use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};

/// `root/rel` when `rel` names something inside `root` (no `..`, no absolute path, not `root`
/// itself).
pub fn inside(root: &Path, rel: &Path) -> Result<PathBuf> {
    let ok = rel
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        && rel.components().any(|c| matches!(c, Component::Normal(_)));
    if !ok {
        return Err(Error::OutsideOutput {
            path: rel.to_path_buf(),
            root: root.to_path_buf(),
        });
    }
    Ok(root.join(rel))
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn refuses_to_leave_the_root() {
        let root = Path::new("output");
        assert!(inside(root, Path::new("a/b.csv")).is_ok());
        assert!(inside(root, Path::new("../x.csv")).is_err());
        assert!(inside(root, Path::new("a/../../x.csv")).is_err());
        assert!(inside(root, Path::new("/etc/x")).is_err());
        // the folder itself is no file name
        assert!(inside(root, Path::new("")).is_err());
        assert!(inside(root, Path::new("./.")).is_err());
        assert!(inside(root, Path::new("./a.csv")).is_ok());
    }
}
