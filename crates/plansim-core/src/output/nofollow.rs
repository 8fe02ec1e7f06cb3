//! File operations under the output folder that never follow a symbolic link: every folder on
//! the way is checked with `symlink_metadata`, and files are opened with `O_NOFOLLOW`, so a link
//! planted inside `--out` is refused by name instead of leading plansim elsewhere.

use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Component, Path, PathBuf};

/// Refuses `root/rel` when it, or a folder on the way to it, is a symbolic link. Parts that do
/// not exist yet are fine (they will be made as real folders and files).
pub fn check(root: &Path, rel: &Path) -> Result<()> {
    let mut p = root.to_path_buf();
    for c in rel.components() {
        let Component::Normal(part) = c else { continue };
        p.push(part);
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => return Err(Error::Symlink { path: p }),
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(Error::io(&p, e)),
        }
    }
    Ok(())
}

/// Makes the folder `root/rel` and those on the way, each a real folder: a link is refused, a
/// file in a folder's place is an error naming it.
pub(crate) fn create_dirs(root: &Path, rel: &Path) -> Result<()> {
    let mut p = root.to_path_buf();
    for c in rel.components() {
        let Component::Normal(part) = c else { continue };
        p.push(part);
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => return Err(Error::Symlink { path: p }),
            Ok(m) if m.is_dir() => continue,
            Ok(_) => {
                let e =
                    std::io::Error::new(ErrorKind::NotADirectory, "a file is in a folder's way");
                return Err(Error::io(&p, e));
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&p, e)),
        }
        match fs::create_dir(&p) {
            Ok(()) => {}
            // made meanwhile by another thread of this run: looked at again
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                let m = fs::symlink_metadata(&p).map_err(|e| Error::io(&p, e))?;
                if !m.is_dir() {
                    return Err(Error::io(&p, e));
                }
            }
            Err(e) => return Err(Error::io(&p, e)),
        }
    }
    Ok(())
}

/// Options that open `path` itself, never what a link at `path` points to; created files are
/// 0666 masked by the user's umask, as every output (0644 under umask 022).
pub fn options() -> OpenOptions {
    let mut o = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW).mode(0o666);
    }
    o
}

/// Writes `bytes` to a file that must not exist yet (a link in its place is refused too).
pub(crate) fn create_new(path: &Path, bytes: &[u8]) -> Result<File> {
    let mut f = options()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| refused(path, e))?;
    f.write_all(bytes).map_err(|e| Error::io(path, e))?;
    Ok(f)
}

/// Reads a file, refusing a link in its place; `None` when it does not exist.
pub fn read(path: &Path) -> Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut f = match options().read(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(refused(path, e)),
    };
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
    Ok(Some(bytes))
}

/// The error of an open: a link met by `O_NOFOLLOW` (ELOOP) is named as one.
pub fn refused(path: &Path, e: std::io::Error) -> Error {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        Error::Symlink {
            path: path.to_path_buf(),
        }
    } else {
        Error::io(path, e)
    }
}

/// Removes `root/rel` (a file), refusing a link on the way; one already gone is fine. Folders
/// left empty above it go too, up to `root`; one holding anything else stays.
pub(crate) fn remove_file(root: &Path, rel: &Path) -> Result<()> {
    check(root, rel)?;
    let path = root.join(rel);
    match fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&path, e)),
    }
    let mut dir = path.parent();
    while let Some(d) = dir.filter(|d| *d != root && d.starts_with(root)) {
        if fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

/// Flushes to disk every file written on the filesystem holding `dir` (one `syncfs` on Linux,
/// cheaper than a sync per file), so a rename that follows never shows an empty file.
pub(crate) fn sync_fs(dir: &Path) -> Result<()> {
    let f = File::open(dir).map_err(|e| Error::io(dir, e))?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: the descriptor is open for the call's whole length
        if unsafe { libc::syncfs(f.as_raw_fd()) } != 0 {
            return Err(Error::io(dir, std::io::Error::last_os_error()));
        }
    }
    #[cfg(not(target_os = "linux"))]
    sync_tree(dir)?;
    // the folder's own entries (the renames into it)
    f.sync_all()
        .or_else(ignore_unsupported)
        .map_err(|e| Error::io(dir, e))
}

/// Every file and folder under `dir`, synced one by one, where there is no `syncfs`.
#[cfg(not(target_os = "linux"))]
fn sync_tree(dir: &Path) -> Result<()> {
    for e in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let e = e.map_err(|e| Error::io(dir, e))?;
        let kind = e.file_type().map_err(|err| Error::io(e.path(), err))?;
        if kind.is_dir() {
            sync_tree(&e.path())?;
        }
        if !kind.is_symlink() {
            if let Ok(f) = File::open(e.path()) {
                f.sync_all()
                    .or_else(ignore_unsupported)
                    .map_err(|err| Error::io(e.path(), err))?;
            }
        }
    }
    Ok(())
}

/// Some systems cannot sync a folder; its entries are then as durable as they can be.
fn ignore_unsupported(e: std::io::Error) -> std::io::Result<()> {
    match e.kind() {
        ErrorKind::Unsupported | ErrorKind::PermissionDenied | ErrorKind::InvalidInput => Ok(()),
        _ => Err(e),
    }
}

/// The names inside `dir`, `(name, is a real folder)`, links reported as not folders.
pub fn entries(dir: &Path) -> Result<Vec<(String, bool)>> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let e = e.map_err(|e| Error::io(dir, e))?;
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        out.push((e.file_name().to_string_lossy().into_owned(), is_dir));
    }
    out.sort();
    Ok(out)
}

/// `root/rel` for a `/`-separated relative name already checked with [`super::inside`].
pub fn join(root: &Path, rel: &str) -> PathBuf {
    rel.split('/').fold(root.to_path_buf(), |p, c| p.join(c))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_on_the_way_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let (root, away) = (dir.path().join("out"), dir.path().join("away"));
        fs::create_dir_all(&root).unwrap();
        fs::create_dir_all(&away).unwrap();
        symlink(&away, root.join("a")).unwrap();
        let err = check(&root, Path::new("a/b/c.csv"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("symbolic link") && err.contains("out/a"),
            "{err}"
        );
        let err = create_dirs(&root, Path::new("a/b"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("symbolic link"), "{err}");
        symlink(away.join("f"), root.join("f")).unwrap();
        let err = create_new(&root.join("f"), b"x").unwrap_err().to_string();
        assert!(err.contains("out/f"), "{err}");
        assert!(read(&root.join("f")).is_err());
        assert!(remove_file(&root, Path::new("a/x")).is_err());
        // nothing was made where the links point
        assert_eq!(fs::read_dir(&away).unwrap().count(), 0);
        create_dirs(&root, Path::new("b/c")).unwrap();
        create_new(&root.join("b/c/d.csv"), b"d").unwrap();
        remove_file(&root, Path::new("b/c/d.csv")).unwrap();
        // the folders it left empty went with it
        assert!(!root.join("b").exists());
    }
}
