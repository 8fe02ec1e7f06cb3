//! Exact quantiles by selection (numpy's default "linear" rule), without sorting.

/// The quantiles plansim reports, in percent.
pub const LEVELS: [f64; 5] = [5.0, 25.0, 50.0, 75.0, 95.0];

/// p5, p25, p50, p75, p95 of `x` (reordered in place), by numpy's linear interpolation:
/// position q·(n−1), between the order statistics around it.
///
/// Selection runs from the median outwards, each on the part already partitioned off, so the
/// five quantiles cost about 2.5 passes over the data instead of a sort.
pub fn quantiles(x: &mut [f64]) -> [f64; 5] {
    let n = x.len();
    if n == 0 {
        return [f64::NAN; 5];
    }
    let pos = LEVELS.map(|q| q / 100.0 * (n - 1) as f64);
    let lo = pos.map(|p| p.floor() as usize);
    // the order statistics needed: lo and lo+1 of each level, selected middle-out
    let mut stats = [f64::NAN; 10];
    let cmp = |a: &f64, b: &f64| a.total_cmp(b);
    x.select_nth_unstable_by(lo[2], cmp);
    let (left, mid, right) = {
        let (l, r) = x.split_at_mut(lo[2]);
        // lo[2] < n, so the right part holds at least the median itself
        let (m, r) = r.split_at_mut(1);
        (l, m[0], r)
    };
    stats[4] = mid;
    stats[5] = min_of(right).unwrap_or(mid);
    // lower quantiles inside the left part
    let select_in = |part: &mut [f64], offset: usize, k: usize| -> f64 {
        let i = k - offset;
        part.select_nth_unstable_by(i, cmp);
        part[i]
    };
    for j in [1usize, 0] {
        if lo[j] < lo[2] {
            stats[2 * j] = select_in(left, 0, lo[j]);
            stats[2 * j + 1] = if lo[j] + 1 < lo[2] {
                min_of(&left[lo[j] + 1..]).unwrap_or(stats[2 * j])
            } else {
                mid
            };
        } else {
            stats[2 * j] = mid;
            stats[2 * j + 1] = stats[5];
        }
    }
    for j in [3usize, 4] {
        if lo[j] > lo[2] {
            let off = lo[2] + 1;
            stats[2 * j] = select_in(right, off, lo[j]);
            stats[2 * j + 1] = min_of(&right[lo[j] + 1 - off..]).unwrap_or(stats[2 * j]);
        } else {
            stats[2 * j] = mid;
            stats[2 * j + 1] = stats[5];
        }
    }
    let mut out = [0.0; 5];
    for j in 0..5 {
        let frac = pos[j] - lo[j] as f64;
        let (a, b) = (stats[2 * j], stats[2 * j + 1]);
        out[j] = if frac == 0.0 { a } else { a + (b - a) * frac };
    }
    out
}

/// Quantiles by counting, for the hot loop: one pass buckets the values between their known
/// minimum and maximum, a second gathers only the few buckets that hold the wanted order
/// statistics, and selection runs on those. Exact, leaves `x` untouched, and about three times
/// faster than selection on the whole vector.
#[derive(Default)]
pub struct Counter {
    counts: Vec<u32>,
    /// Bucket of each value, from the counting pass.
    of: Vec<u16>,
    /// Slot in `gathered` of each bucket, `u8::MAX` for buckets not wanted.
    slot: Vec<u8>,
    gathered: Vec<Vec<f64>>,
}

const BUCKETS: usize = 4096;

impl Counter {
    /// The quantiles of `x`, whose smallest and largest values are `min` and `max`.
    pub fn quantiles(&mut self, x: &[f64], min: f64, max: f64, spill: &mut Vec<f64>) -> [f64; 5] {
        let n = x.len();
        if n == 0 || min == max {
            return [if n == 0 { f64::NAN } else { min }; 5];
        }
        let scale = BUCKETS as f64 / (max - min);
        if !(min.is_finite() && max.is_finite() && scale.is_finite()) {
            spill.clear();
            spill.extend_from_slice(x);
            return quantiles(spill);
        }
        self.counts.clear();
        self.counts.resize(BUCKETS, 0);
        self.of.clear();
        self.of.extend(
            x.iter()
                .map(|&v| (((v - min) * scale) as usize).min(BUCKETS - 1) as u16),
        );
        for &b in &self.of {
            self.counts[b as usize] += 1;
        }
        // cumulative counts: bucket b holds the order statistics [start[b], start[b+1])
        let mut start = Vec::with_capacity(BUCKETS + 1);
        start.push(0usize);
        for &c in &self.counts {
            start.push(start[start.len() - 1] + c as usize);
        }
        // the order statistics wanted: below and above each quantile's position
        let pos = LEVELS.map(|q| q / 100.0 * (n - 1) as f64);
        let which: [(usize, usize); 10] = std::array::from_fn(|i| {
            let lo = pos[i / 2].floor() as usize;
            let r = if i % 2 == 0 { lo } else { (lo + 1).min(n - 1) };
            let b = start.partition_point(|&s| s <= r) - 1;
            (b, r - start[b])
        });
        self.slot.clear();
        self.slot.resize(BUCKETS, u8::MAX);
        let mut used = 0u8;
        for &(b, _) in &which {
            if self.slot[b] == u8::MAX {
                self.slot[b] = used;
                used += 1;
            }
        }
        self.gathered.resize_with(usize::from(used), Vec::new);
        for g in &mut self.gathered {
            g.clear();
        }
        for (&v, &b) in x.iter().zip(&self.of) {
            let s = self.slot[b as usize];
            if s != u8::MAX {
                self.gathered[usize::from(s)].push(v);
            }
        }
        let stats: [f64; 10] = std::array::from_fn(|k| {
            let (b, offset) = which[k];
            let g = &mut self.gathered[usize::from(self.slot[b])];
            *g.select_nth_unstable_by(offset, f64::total_cmp).1
        });
        std::array::from_fn(|j| {
            let frac = pos[j] - pos[j].floor();
            let (a, b) = (stats[2 * j], stats[2 * j + 1]);
            if frac == 0.0 { a } else { a + (b - a) * frac }
        })
    }
}

fn min_of(x: &[f64]) -> Option<f64> {
    x.iter().copied().min_by(|a, b| a.total_cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// numpy.percentile(x, q) with the default linear rule, from a full sort.
    fn by_sorting(x: &[f64]) -> [f64; 5] {
        let mut s = x.to_vec();
        s.sort_by(f64::total_cmp);
        LEVELS.map(|q| {
            let p = q / 100.0 * (s.len() - 1) as f64;
            let (lo, hi) = (
                p.floor() as usize,
                (p.floor() as usize + 1).min(s.len() - 1),
            );
            s[lo] + (s[hi] - s[lo]) * (p - lo as f64)
        })
    }

    #[test]
    fn counting_agrees_with_selection() {
        let mut c = Counter::default();
        let mut spill = Vec::new();
        let mut state = 99u64;
        for n in [1usize, 2, 3, 10, 20, 1000, 10_000] {
            for skew in [1.0, 8.0] {
                let x: Vec<f64> = (0..n)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        ((state >> 11) as f64 / (1u64 << 53) as f64).powf(skew) * 100.0
                    })
                    .collect();
                let (min, max) = x
                    .iter()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                        (a.min(v), b.max(v))
                    });
                assert_eq!(
                    c.quantiles(&x, min, max, &mut spill),
                    by_sorting(&x),
                    "n={n} skew={skew}"
                );
            }
        }
        // all equal, and a lone outlier that puts everything else in one bucket
        assert_eq!(c.quantiles(&[3.0; 7], 3.0, 3.0, &mut spill), [3.0; 5]);
        let mut x = vec![1.0; 99];
        x.push(1e9);
        assert_eq!(c.quantiles(&x, 1.0, 1e9, &mut spill), by_sorting(&x));
    }

    #[test]
    fn agrees_with_sorting() {
        // numpy.percentile([1..=10], [5,25,50,75,95]) = [1.45, 3.25, 5.5, 7.75, 9.55]
        let mut x: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        let q = quantiles(&mut x);
        for (a, b) in q.iter().zip([1.45, 3.25, 5.5, 7.75, 9.55]) {
            assert!((a - b).abs() < 1e-12, "{q:?}");
        }
        let mut state = 12345u64;
        for n in [1usize, 2, 3, 4, 5, 7, 20, 21, 100, 1001] {
            let x: Vec<f64> = (0..n)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((state >> 11) as f64 / (1u64 << 53) as f64 * 10.0).floor() // with ties
                })
                .collect();
            let want = by_sorting(&x);
            let got = quantiles(&mut x.clone());
            for (a, b) in got.iter().zip(want) {
                assert!((a - b).abs() < 1e-12, "n={n}: {got:?} vs {want:?}");
            }
        }
    }
}
