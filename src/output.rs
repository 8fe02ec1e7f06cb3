//! Safe writing: every file goes to a temporary name in its folder and is renamed into place,
//! so a reader never sees half a file; names that would leave the output folder are refused.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// `root/rel` when `rel` stays inside `root` (no `..`, no absolute path).
pub fn inside(root: &Path, rel: &Path) -> Result<PathBuf> {
    let ok = rel
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !ok {
        return Err(Error::Invalid(format!(
            "refusing to write `{}`: it would leave the output folder {}",
            rel.display(),
            root.display()
        )));
    }
    Ok(root.join(rel))
}

/// Writes `bytes` to `path` through a temporary file in the same folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".plansim-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_data().ok();
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_leave_the_root() {
        let root = Path::new("output");
        assert!(inside(root, Path::new("a/b.csv")).is_ok());
        assert!(inside(root, Path::new("../x.csv")).is_err());
        assert!(inside(root, Path::new("a/../../x.csv")).is_err());
        assert!(inside(root, Path::new("/etc/x")).is_err());
    }

    #[test]
    fn writes_whole_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/out.csv");
        write_atomic(&p, b"a,b\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"a,b\n");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.csv"]);
    }
}
