//! Failures injected into a delivery, for tests: the N-th write, sync or rename fails as a full
//! disk would, or stops the run where it is, as `kill -9` would (nothing is cleaned up).

use crate::error::{Error, Result};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Counts a delivery's writes, syncs and renames, and fails the one asked for.
#[derive(Debug, Default)]
pub struct Faults {
    /// 1-based number of the step that fails; 0 = none.
    at: usize,
    /// The run stops at that step instead of failing: no clean-up after it.
    kill: bool,
    count: AtomicUsize,
    stopped: AtomicBool,
}

impl Faults {
    /// The `n`-th step fails with "no space left on device".
    pub fn fail_at(n: usize) -> Faults {
        Faults {
            at: n,
            ..Faults::default()
        }
    }

    /// The run stops before its `n`-th step, as if killed there.
    pub fn kill_at(n: usize) -> Faults {
        Faults {
            at: n,
            kill: true,
            ..Faults::default()
        }
    }

    /// How many steps were taken (or tried).
    pub fn steps(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// Whether the run was stopped as if killed: then nothing may be tidied.
    pub fn killed(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }

    /// One step on `path`: an error when it is the one to fail, or when the run was stopped.
    pub(crate) fn step(&self, path: &Path) -> Result<()> {
        let n = self.count.fetch_add(1, Ordering::SeqCst) + 1;
        if self.killed() || (self.kill && n >= self.at && self.at > 0) {
            self.stopped.store(true, Ordering::SeqCst);
            let e = std::io::Error::other("stopped (a simulated kill -9)");
            return Err(Error::io(path, e));
        }
        if n == self.at {
            #[cfg(unix)]
            let e = std::io::Error::from_raw_os_error(libc::ENOSPC);
            #[cfg(not(unix))]
            let e = std::io::Error::from(std::io::ErrorKind::StorageFull);
            return Err(Error::io(path, e));
        }
        Ok(())
    }
}

/// A step of a delivery that may carry faults.
pub(crate) fn step(faults: Option<&Faults>, path: &Path) -> Result<()> {
    faults.map_or(Ok(()), |f| f.step(path))
}

/// Whether tidying up is allowed (not after a simulated kill).
pub(crate) fn may_tidy(faults: Option<&Faults>) -> bool {
    !faults.is_some_and(Faults::killed)
}
