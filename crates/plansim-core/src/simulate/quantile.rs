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

/// Quantiles by counting, for the hot loop: one pass puts each value in one of about n/2 equal
/// buckets between the known minimum and maximum and counts them; the cumulative counts name
/// the bucket and rank within it of each wanted order statistic; a second pass gathers only
/// those few buckets' values (well under one in a hundred), and selection runs on them. Exact
/// — the bucket of a value only has to grow with the value — and it leaves `x` untouched.
pub struct Counter {
    /// Values per bucket (the first `buckets(n)` are used).
    counts: Box<[u32; MAX_BUCKETS]>,
    /// Bucket of each value, from the counting pass.
    of: Vec<u16>,
    /// Slot in `gathered` of each bucket, `NONE` for buckets not wanted.
    slot: Box<[u8; MAX_BUCKETS]>,
    /// The values of each wanted bucket.
    gathered: Vec<Vec<f64>>,
    /// The values of one level's buckets, for selection.
    level: Vec<f64>,
}

impl Default for Counter {
    fn default() -> Counter {
        Counter {
            counts: Box::new([0; MAX_BUCKETS]),
            of: Vec::new(),
            slot: Box::new([NONE; MAX_BUCKETS]),
            gathered: Vec::new(),
            level: Vec::new(),
        }
    }
}

const NONE: u8 = u8::MAX;
const MAX_BUCKETS: usize = 4096;
/// Buckets summed at a time when locating ranks.
const SPAN: usize = 64;

/// Buckets for `n` values: about two values a bucket, a power of two from 64 to 4096.
fn buckets(n: usize) -> usize {
    (n / 2).next_power_of_two().clamp(SPAN, MAX_BUCKETS)
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
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has the feature the function is compiled for.
            return unsafe { self.by_counting_avx2(x, min, scale, nb) };
        }
        self.by_counting(x, min, scale, nb)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn by_counting_avx2(&mut self, x: &[f64], min: f64, scale: f64, nb: usize) -> [f64; 5] {
        self.by_counting(x, min, scale, nb)
    }

    #[inline(always)]
    fn by_counting(&mut self, x: &[f64], min: f64, scale: f64, nb: usize) -> [f64; 5] {
        let n = x.len();
        self.of.clear();
        self.of.resize(n, 0);
        bucket_all(x, &mut self.of, min, scale, nb);
        let counts = &mut *self.counts;
        counts[..nb].fill(0);
        for &b in &self.of {
            counts[usize::from(b) % MAX_BUCKETS] += 1;
        }
        // the order statistics wanted: below and above each quantile's position
        let pos = LEVELS.map(|q| q / 100.0 * (n - 1) as f64);
        let ranks: [usize; 10] = std::array::from_fn(|i| {
            let lo = pos[i / 2].floor() as usize;
            if i % 2 == 0 { lo } else { (lo + 1).min(n - 1) }
        });
        let which = locate(&counts[..nb], &ranks);
        // each wanted bucket gets a slot; a level's two statistics lie in one bucket or two
        // (with only empty ones between), so both are order statistics of those buckets
        let slot = &mut *self.slot;
        let mut used = 0u8;
        for &(b, _) in &which {
            if slot[usize::from(b)] == NONE {
                slot[usize::from(b)] = used;
                used += 1;
            }
        }
        let gathered = &mut self.gathered;
        gathered.resize_with(usize::from(used), Vec::new);
        for g in gathered.iter_mut() {
            g.clear();
        }
        let first: [u16; 5] = std::array::from_fn(|j| which[2 * j].0);
        let width: [u16; 5] = std::array::from_fn(|j| which[2 * j + 1].0 - which[2 * j].0);
        const STEP: usize = 32;
        for (xs, bs) in x.chunks(STEP).zip(self.of.chunks(STEP)) {
            // a vector test of the whole chunk first: most chunks hold no wanted value
            let mut any = false;
            for &b in bs {
                for j in 0..5 {
                    any |= b.wrapping_sub(first[j]) <= width[j];
                }
            }
            if any {
                for (&v, &b) in xs.iter().zip(bs) {
                    let s = slot[usize::from(b) % MAX_BUCKETS];
                    if s != NONE {
                        gathered[usize::from(s)].push(v);
                    }
                }
            }
        }
        let out = std::array::from_fn(|j| {
            let ((b_lo, below), (b_hi, _)) = (which[2 * j], which[2 * j + 1]);
            let level = &mut self.level;
            level.clear();
            level.extend_from_slice(&gathered[usize::from(slot[usize::from(b_lo)])]);
            if b_hi != b_lo {
                level.extend_from_slice(&gathered[usize::from(slot[usize::from(b_hi)])]);
            }
            let (lo, hi) = (ranks[2 * j], ranks[2 * j + 1]);
            let (_, &mut a, right) = level.select_nth_unstable_by(lo - below, f64::total_cmp);
            let b = if hi > lo {
                min_of(right).unwrap_or(a)
            } else {
                a
            };
            let frac = pos[j] - pos[j].floor();
            if frac == 0.0 { a } else { a + (b - a) * frac }
        });
        for &(b, _) in &which {
            slot[usize::from(b)] = NONE;
        }
        out
    }
}

/// The bucket of each rank, and how many values lie in the buckets below it: block sums of
/// `SPAN` buckets first (vectorised), then within the block that holds the rank.
#[inline(always)]
fn locate(counts: &[u32], ranks: &[usize; 10]) -> [(u16, usize); 10] {
    let mut starts = [0usize; MAX_BUCKETS / SPAN + 1];
    for (k, block) in counts.chunks_exact(SPAN).enumerate() {
        starts[k + 1] = starts[k] + block.iter().sum::<u32>() as usize;
    }
    let blocks = counts.len() / SPAN;
    ranks.map(|r| {
        // the last block whose start is at or below r
        let k = starts[1..=blocks].partition_point(|&s| s <= r);
        let mut below = starts[k];
        for (i, &c) in counts[k * SPAN..(k + 1) * SPAN].iter().enumerate() {
            if r < below + c as usize {
                return ((k * SPAN + i) as u16, below);
            }
            below += c as usize;
        }
        unreachable!("rank {r} within the counted values")
    })
}

/// `of[k]` = ⌊(x[k] − min)·scale⌉ capped at `nb − 1`: the bucket, a rounding of a function
/// that grows with x, so a larger value never lands in a smaller bucket.
#[inline(always)]
fn bucket_all(x: &[f64], of: &mut [u16], min: f64, scale: f64, nb: usize) {
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
        // two clusters far apart: the median's two order statistics lie in buckets with
        // thousands of empty ones between (1..=5000 and 1e9+1..=1e9+5000, shuffled)
        let x: Vec<f64> = (0..10_000u64)
            .map(|k| (k * 7919) % 10_000)
            .map(|k| {
                if k < 5000 {
                    k as f64 + 1.0
                } else {
                    1e9 + k as f64 - 4999.0
                }
            })
            .collect();
        // numpy: the median of 1..5000 ∪ 1e9+1..1e9+5000 is (5000 + 1e9+1)/2
        let q = c.quantiles(&x, 1.0, 1e9 + 5000.0, &mut spill);
        assert_eq!(q, by_sorting(&x));
        assert_eq!(q[2], (5000.0 + 1e9 + 1.0) / 2.0);
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
