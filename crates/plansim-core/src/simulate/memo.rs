//! Paths drawn once per batch. A path's draws are a function of its inputs and its key alone
//! (common random numbers), so two scenarios that leave an indicator alone simulate it to the
//! same numbers: a batch shares one [`Memo`] and each distinct path is drawn once.

use super::Noise;
use super::kernel::{PathInput, PathResult};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Simulated paths by their inputs, shared by the scenarios of a batch (cheap to clone).
#[derive(Clone, Default)]
pub struct Memo {
    done: Arc<Mutex<HashMap<Vec<u8>, Slot>>>,
}

type Slot = Arc<OnceLock<Arc<PathResult>>>;

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.done.lock().map_or(0, |m| m.len());
        write!(f, "Memo({n} paths)")
    }
}

impl Memo {
    /// The result for these inputs: drawn by `draw` the first time, the stored one after. A
    /// second caller with the same inputs waits for the first rather than drawing twice.
    pub(crate) fn get(
        &self,
        input: &PathInput,
        run: (usize, u64, u64, Noise),
        draw: impl FnOnce() -> PathResult,
    ) -> Arc<PathResult> {
        let key = key_of(input, run);
        let slot: Slot = {
            // a poisoned lock only means another path panicked: the map is still whole
            let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
            done.entry(key).or_default().clone()
        };
        slot.get_or_init(|| Arc::new(draw())).clone()
    }

    /// How many distinct paths were drawn.
    pub fn len(&self) -> usize {
        self.done.lock().map_or(0, |m| m.len())
    }

    /// Whether nothing was drawn yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Every input of a path's draws, as bytes: floats by their bits, so equal keys mean
/// identical draws.
fn key_of(input: &PathInput, (draws, seed, key, noise): (usize, u64, u64, Noise)) -> Vec<u8> {
    let mut k = Vec::with_capacity(64 + 8 * (input.rates.len() + input.fixed.len()));
    let mut put = |x: u64| k.extend_from_slice(&x.to_le_bytes());
    put(draws as u64);
    put(seed);
    put(key);
    put(input.start_year as i64 as u64);
    put(input.start.to_bits());
    put(input.sigma.to_bits());
    put(input.common.to_bits());
    put(u64::from(input.log));
    put(input.ceiling.map_or(u64::MAX, f64::to_bits));
    put(input.n.map_or(u64::MAX, |n| n as u64));
    put(input.rates.len() as u64);
    for r in input.rates {
        put(r.to_bits());
    }
    put(input.fixed.len() as u64);
    for f in input.fixed {
        match f {
            Some(v) => {
                put(1);
                put(v.to_bits());
            }
            None => put(0),
        }
    }
    put(input.goals.len() as u64);
    for &(t, level, above) in input.goals {
        put(t as u64);
        put(level.to_bits());
        put(u64::from(above));
    }
    // the model and the noise carry floats of their own: their Debug text is exact
    k.extend_from_slice(format!("{:?}|{:?}", input.model, noise).as_bytes());
    k
}
