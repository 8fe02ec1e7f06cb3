//! One run at a time per output folder: an OS lock (`flock`) on `.plansim.lock`, released by the
//! kernel when the process ends however it ends, so a killed run leaves no stale lock. The file
//! holds the holder's process id, for the message of a run that finds it taken.

use super::nofollow;
use crate::error::{Error, Result};
use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

/// The lock file in the output folder. It stays (removing a lock file lets two runs hold two
/// different files at once).
pub(crate) const LOCK: &str = ".plansim.lock";

/// The output folder's lock, held until dropped.
#[derive(Debug)]
pub(crate) struct Lock {
    _file: File,
}

/// Takes `root`'s lock: at once, or an error naming the holder; with `wait`, when it is free.
pub(crate) fn acquire(root: &Path, wait: bool) -> Result<Lock> {
    let path = root.join(LOCK);
    nofollow::check(root, Path::new(LOCK))?;
    let mut file = nofollow::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| nofollow::refused(&path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) if wait => file.lock().map_err(|e| Error::io(&path, e))?,
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            return Err(Error::Busy {
                root: root.to_path_buf(),
                pid: text.trim().parse().ok(),
            });
        }
        Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
    }
    let mine = format!("{}\n", std::process::id());
    file.set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| file.write_all(mine.as_bytes()))
        .map_err(|e| Error::io(&path, e))?;
    Ok(Lock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A second holder is refused while the first holds the lock (flock locks are per open
    /// file, so this works within one process), and gets it once the first is dropped.
    #[test]
    fn one_holder_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path(), false).unwrap();
        let err = acquire(dir.path(), false).unwrap_err().to_string();
        let pid = format!("(pid {})", std::process::id());
        assert!(
            err.contains("another plansim run") && err.contains(&pid),
            "{err}"
        );
        drop(first);
        acquire(dir.path(), false).unwrap();
    }
}
