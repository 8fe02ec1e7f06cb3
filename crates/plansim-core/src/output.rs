//! Safe writing: every file goes to a temporary name in its folder and is renamed into place,
//! so a reader never sees half a file; names that would leave the output folder are refused.

use crate::error::{Error, Result};
use std::io::Write;
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

/// Writes `bytes` to `path` through a temporary file in the same folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    stage(path, bytes)?
        .persist(path)
        .map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Writes several files, all or none: every file is written to a temporary name first, and
/// only when all are written are they renamed into place.
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    // a folder in a file's place would fail its rename after others were made
    if let Some((path, _)) = files.iter().find(|(p, _)| p.is_dir()) {
        let e = std::io::Error::new(std::io::ErrorKind::IsADirectory, "a folder is in the way");
        return Err(Error::io(path, e));
    }
    let staged = files
        .iter()
        .map(|(path, bytes)| stage(path, bytes))
        .collect::<Result<Vec<_>>>()?;
    for (tmp, (path, _)) in staged.into_iter().zip(files) {
        tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    }
    Ok(())
}

/// `bytes` in a temporary file beside `path`, removed again unless persisted.
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".plansim-");
    // a temporary file is private (0600); an output is for colleagues to read as the user's
    // umask allows: created 0666 and masked by the kernel (0644 under umask 022)
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_data().ok();
    Ok(tmp)
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
        // the folder itself is no file name
        assert!(inside(root, Path::new("")).is_err());
        assert!(inside(root, Path::new("./.")).is_err());
        assert!(inside(root, Path::new("./a.csv")).is_ok());
    }

    /// The second file cannot be written (its folder would sit under a file): neither is.
    #[test]
    fn writes_all_files_or_none() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("file"), "x").unwrap();
        let files = [
            (dir.path().join("a.csv"), b"a\n".to_vec()),
            (dir.path().join("file/b.csv"), b"b\n".to_vec()),
        ];
        let err = write_all_atomic(&files).unwrap_err().to_string();
        assert!(err.contains("file"), "{err}");
        // a folder where the second file goes: found before the first is renamed into place
        std::fs::create_dir(dir.path().join("b.csv")).unwrap();
        let files = [
            (dir.path().join("a.csv"), b"a\n".to_vec()),
            (dir.path().join("b.csv"), b"b\n".to_vec()),
        ];
        let err = write_all_atomic(&files).unwrap_err().to_string();
        assert!(err.contains("b.csv: a folder is in the way"), "{err}");
        std::fs::remove_dir(dir.path().join("b.csv")).unwrap();
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["file"]);
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
