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

/// Quantiles by counting, for the hot loop: one pass puts each value in one of a thousand-odd
/// equal buckets between the known minimum and maximum and counts them; the cumulative counts
/// name the bucket and rank within it of each wanted order statistic; a second pass gathers
/// only those few buckets' values (about one in a hundred), and selection runs on them. Exact
/// — the bucket of a value only has to grow with the value — and it leaves `x` untouched.
pub struct Counter {
    /// Values per bucket (the first `buckets(n)` are used).
    counts: Box<[u32; MAX_BUCKETS]>,
    /// Bucket of each value, from the counting pass.
    of: Vec<u16>,
    /// Slot in `gathered` of each bucket, `NONE` for buckets not wanted.
    slot: Box<[u8; MAX_BUCKETS]>,
    gathered: Vec<Vec<f64>>,
}

impl Default for Counter {
    fn default() -> Counter {
        Counter {
            counts: Box::new([0; MAX_BUCKETS]),
            of: Vec::new(),
            slot: Box::new([NONE; MAX_BUCKETS]),
            gathered: Vec::new(),
        }
    }
}

const NONE: u8 = u8::MAX;
const MAX_BUCKETS: usize = 4096;

/// Buckets for `n` values: about eight values a bucket, a power of two from 16 to 4096.
fn buckets(n: usize) -> usize {
    (n / 8).next_power_of_two().clamp(16, MAX_BUCKETS)
}

impl Counter {
    /// The quantiles of `x`, whose smallest and largest values are `min` and `max`.
    pub fn quantiles(&mut self, x: &[f64], min: f64, max: f64, spill: &mut Vec<f64>) -> [f64; 5] {
        let n = x.len();
        if n == 0 || min == max {
            return [if n == 0 { f64::NAN } else { min }; 5];
        }
        let nb = buckets(n);
        let scale = nb as f64 / (max - min);
        if !(min.is_finite() && max.is_finite() && scale.is_finite() && min < max) {
            spill.clear();
            spill.extend_from_slice(x);
            return quantiles(spill);
        }
        self.count(x, min, scale, nb);
        // the order statistics wanted, ascending: below and above each quantile's position
        let pos = LEVELS.map(|q| q / 100.0 * (n - 1) as f64);
        let ranks: [usize; 10] = std::array::from_fn(|i| {
            let lo = pos[i / 2].floor() as usize;
            if i % 2 == 0 { lo } else { (lo + 1).min(n - 1) }
        });
        // bucket and rank within it of each, from the cumulative counts, in rank order (for
        // fewer than 20 values a level's upper rank can pass the next level's lower one)
        let mut order: [usize; 10] = std::array::from_fn(|k| k);
        order.sort_unstable_by_key(|&k| ranks[k]);
        let mut which = [(0usize, 0usize); 10];
        let (mut k, mut below) = (0, 0usize);
        for (b, &c) in self.counts[..nb].iter().enumerate() {
            let end = below + c as usize;
            while k < 10 && ranks[order[k]] < end {
                which[order[k]] = (b, ranks[order[k]] - below);
                k += 1;
            }
            if k == 10 {
                break;
            }
            below = end;
        }
        let slot = &mut *self.slot;
        let mut used = 0u8;
        for &(b, _) in &which {
            if slot[b] == NONE {
                slot[b] = used;
                used += 1;
            }
        }
        let gathered = &mut self.gathered;
        gathered.resize_with(usize::from(used), Vec::new);
        for g in gathered.iter_mut() {
            g.clear();
        }
        for (&v, &b) in x.iter().zip(&self.of) {
            let s = slot[usize::from(b) % MAX_BUCKETS];
            if s != NONE {
                gathered[usize::from(s)].push(v);
            }
        }
        let stats: [f64; 10] = std::array::from_fn(|k| {
            let (b, offset) = which[k];
            let g = &mut gathered[usize::from(slot[b])];
            *g.select_nth_unstable_by(offset, f64::total_cmp).1
        });
        for &(b, _) in &which {
            slot[b] = NONE;
        }
        std::array::from_fn(|j| {
            let frac = pos[j] - pos[j].floor();
            let (a, b) = (stats[2 * j], stats[2 * j + 1]);
            if frac == 0.0 { a } else { a + (b - a) * frac }
        })
    }

    /// Buckets and counts every value.
    fn count(&mut self, x: &[f64], min: f64, scale: f64, nb: usize) {
        self.of.clear();
        self.of.resize(x.len(), 0);
        bucket_all(x, &mut self.of, min, scale, nb);
        let counts = &mut *self.counts;
        counts[..nb].fill(0);
        for &b in &self.of {
            counts[usize::from(b) % MAX_BUCKETS] += 1;
        }
    }
}

/// `of[k]` = ⌊(x[k] − min)·scale⌉ capped at `nb − 1`: the bucket, a rounding of a function
/// that grows with x, so a larger value never lands in a smaller bucket.
fn bucket_all(x: &[f64], of: &mut [u16], min: f64, scale: f64, nb: usize) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has the feature the function is compiled for.
        return unsafe { bucket_avx2(x, of, min, scale, nb) };
    }
    bucket_any(x, of, min, scale, nb)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn bucket_avx2(x: &[f64], of: &mut [u16], min: f64, scale: f64, nb: usize) {
    bucket_any(x, of, min, scale, nb)
}

#[inline(always)]
fn bucket_any(x: &[f64], of: &mut [u16], min: f64, scale: f64, nb: usize) {
    // adding 1.5·2⁵² rounds a value in [0, 2³¹) to an integer held in the low bits
    const ROUND: f64 = 6_755_399_441_055_744.0;
    let top = (nb - 1) as u32;
    for (b, &v) in of.iter_mut().zip(x) {
        let i = ((v - min) * scale + ROUND).to_bits() as u32;
        *b = i.min(top) as u16;
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
