//! The keys of the random streams: a path's draws follow from what it is, not where it is.

use super::normal;
use crate::project::Projection;

/// The key of each path's random streams: its region, plan and indicator (and, for a name
/// that repeats, how many times it came before), never its position, so adding a table
/// changes no other indicator's draws and two scenarios draw the same shocks for the same
/// indicator — they differ by their rules, not by noise.
pub(crate) fn path_keys(p: &Projection) -> Vec<u64> {
    let mut keys = Keys::default();
    p.paths.iter().map(|path| keys.next(&path.series)).collect()
}

/// The keys of paths handed over in the projection's order, one at a time ([`path_keys`] of
/// a projection never held whole): how many times each name came before.
#[derive(Default)]
pub(crate) struct Keys {
    seen: std::collections::HashMap<u64, u64>,
}

impl Keys {
    /// The key of the next path's series.
    pub(crate) fn next(&mut self, s: &crate::series::Series) -> u64 {
        let name = name_key(&[&s.region, &s.plan, &s.name]);
        let n = self.seen.entry(name).or_insert(0);
        *n += 1;
        normal::mix(name ^ (*n - 1).wrapping_mul(0xD1B5_4A32_D192_ED03))
    }
}

/// FNV-1a over the parts, each ended by a byte UTF-8 never holds: stable across platforms,
/// releases and runs (std's hasher promises none of these).
fn name_key(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0xFF]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    normal::mix(h)
}
