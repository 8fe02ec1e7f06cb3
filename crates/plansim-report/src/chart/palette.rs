//! RGB charts as 256-colour indexed images: a third of the bytes to compress and write, and PNGs
//! a quarter the size. A chart is a few flat colours (background, fills, lines, text) and their
//! anti-aliased blends: an image with at most 256 colours keeps them all exactly; otherwise the
//! colours are split, box by box, along the widest channel of the widest box (median cut) into
//! 256 boxes, each drawn in its most frequent colour — so flat areas keep their exact colour and
//! only edge pixels move, by at most their box's width.

/// Colours → counts, then palette slots: open addressing on the 24-bit colour.
struct Table {
    keys: Vec<u32>,
    counts: Vec<u32>,
    slots: Vec<u8>,
    len: usize,
}

const EMPTY: u32 = u32::MAX;

/// How many of the most used colours keep an exact slot when an image has more than 256.
const KEEP: usize = 64;

impl Table {
    fn with_capacity(n: usize) -> Table {
        let size = (2 * n).next_power_of_two().max(1024);
        Table {
            keys: vec![EMPTY; size],
            counts: vec![0; size],
            slots: vec![0; size],
            len: 0,
        }
    }

    #[inline]
    fn find(&self, key: u32) -> usize {
        let mask = self.keys.len() - 1;
        // Fibonacci hashing: the top bits of the product spread neighbouring colours
        let bits = self.keys.len().trailing_zeros();
        let mut i = (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
        while self.keys[i] != key && self.keys[i] != EMPTY {
            i = (i + 1) & mask;
        }
        i
    }

    fn add(&mut self, key: u32, n: u32) {
        if 2 * (self.len + 1) > self.keys.len() {
            let old = std::mem::replace(self, Table::with_capacity(self.keys.len()));
            for (&k, &c) in old.keys.iter().zip(&old.counts) {
                if k != EMPTY {
                    self.add(k, c);
                }
            }
        }
        let i = self.find(key);
        if self.keys[i] == EMPTY {
            self.keys[i] = key;
            self.len += 1;
        }
        self.counts[i] += n;
    }
}

fn key(p: &[u8]) -> u32 {
    u32::from(p[0]) << 16 | u32::from(p[1]) << 8 | u32::from(p[2])
}

/// The palette (at most 256 RGB triples) and one index per pixel of `rgb`.
pub fn indexed(rgb: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let mut table = Table::with_capacity(1024);
    // runs of one colour are most of a chart: count a run at once, and skip along it 16
    // pixels at a time while every byte equals the one three before
    let mut run = (EMPTY, 0u32);
    each_pixel(rgb, |k, n| {
        if k == run.0 {
            run.1 += n;
        } else {
            if run.1 > 0 {
                table.add(run.0, run.1);
            }
            run = (k, n);
        }
    });
    if run.1 > 0 {
        table.add(run.0, run.1);
    }
    let mut colours: Vec<(u32, u32)> = table
        .keys
        .iter()
        .zip(&table.counts)
        .filter(|(k, _)| **k != EMPTY)
        .map(|(&k, &c)| (k, c))
        .collect();
    // most frequent first, then by colour: the same image always gets the same palette
    colours.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // the most used colours (flat fills: a pale grade heading, a shaded zone) keep a slot of
    // their own: in a shared box the box's most frequent colour would repaint the others
    // (a grey zone drawn in a panel heading's peach)
    let own = if colours.len() > 256 { KEEP } else { 0 };
    let mut boxes: Vec<std::ops::Range<usize>> = (0..own).map(|i| i..i + 1).collect();
    boxes.extend(
        median_cut(&mut colours[own..], 256 - own)
            .into_iter()
            .map(|r| r.start + own..r.end + own),
    );
    // the most used colours get the smallest indices (the background 0), which the deflate
    // coder, tuned for bytes near zero, stores shortest
    let total =
        |r: &std::ops::Range<usize>| colours[r.clone()].iter().map(|c| c.1 as u64).sum::<u64>();
    boxes.sort_by_cached_key(|r| (std::cmp::Reverse(total(r)), r.start));
    let mut palette = Vec::with_capacity(3 * boxes.len());
    for (slot, b) in boxes.iter().enumerate() {
        // the box's most frequent colour stands for it
        let best = colours[b.clone()]
            .iter()
            .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))
            .map_or(0, |c| c.0);
        palette.extend_from_slice(&[(best >> 16) as u8, (best >> 8) as u8, best as u8]);
        for &(k, _) in &colours[b.clone()] {
            let i = table.find(k);
            table.slots[i] = slot as u8;
        }
    }
    let mut out = Vec::with_capacity(rgb.len() / 3);
    let mut last = (EMPTY, 0u8);
    each_pixel(rgb, |k, n| {
        if k != last.0 {
            last = (k, table.slots[table.find(k)]);
        }
        out.extend(std::iter::repeat_n(last.1, n as usize));
    });
    (palette, out)
}

/// Calls `f(colour, n)` for the pixels in order, `SKIP` at a time: at once when the block
/// repeats the pixel before it, else one by one.
#[inline(always)]
fn each_pixel(rgb: &[u8], mut f: impl FnMut(u32, u32)) {
    const SKIP: usize = 16;
    let n = rgb.len() / 3;
    let mut i = 0;
    while i < n {
        let at = 3 * i;
        if i > 0 && i + SKIP <= n && repeats(&rgb[at - 3..at + 3 * SKIP]) {
            f(key(&rgb[at - 3..at]), SKIP as u32);
        } else {
            for p in rgb[at..3 * (i + SKIP).min(n)].chunks_exact(3) {
                f(key(p), 1);
            }
        }
        i += SKIP;
    }
}

/// Whether every byte of `b` after the first three equals the one three before: the pixels
/// after the first are all the first's colour. Word by word, without a call to memcmp.
#[inline(always)]
fn repeats(b: &[u8]) -> bool {
    let (a, c) = (&b[3..], &b[..b.len() - 3]);
    let word = |s: &[u8], i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&s[i..i + 8]);
        u64::from_ne_bytes(w)
    };
    let mut diff = 0u64;
    for i in (0..a.len() - 7).step_by(8) {
        diff |= word(a, i) ^ word(c, i);
    }
    diff == 0
}

fn channel(k: u32, c: usize) -> u8 {
    (k >> (16 - 8 * c)) as u8
}

/// Splits `colours` (reordered in place) into at most `n` ranges: each step cuts the box with
/// the widest channel at the middle of that channel's distinct values.
fn median_cut(colours: &mut [(u32, u32)], n: usize) -> Vec<std::ops::Range<usize>> {
    if colours.len() <= n {
        return (0..colours.len()).map(|i| i..i + 1).collect();
    }
    let mut boxes = Vec::with_capacity(n);
    boxes.push(0..colours.len());
    let extent = |cs: &[(u32, u32)]| -> (u8, usize) {
        (0..3)
            .map(|c| {
                let (lo, hi) = cs.iter().fold((255u8, 0u8), |(lo, hi), &(k, _)| {
                    let v = channel(k, c);
                    (lo.min(v), hi.max(v))
                });
                (hi.saturating_sub(lo), c)
            })
            .max()
            .unwrap_or((0, 0))
    };
    let mut widths: Vec<(u8, usize)> = vec![extent(colours)];
    while boxes.len() < n {
        let Some((i, &(w, c))) = widths.iter().enumerate().max_by_key(|(i, w)| (w.0, *i)) else {
            break;
        };
        if w == 0 {
            break;
        }
        let r = boxes[i].clone();
        let part = &mut colours[r.clone()];
        part.sort_unstable_by_key(|&(k, _)| (channel(k, c), k));
        let mid = part.len() / 2;
        // cut between different values of the channel, nearest the middle
        let v = channel(part[mid].0, c);
        let below = part.partition_point(|&(k, _)| channel(k, c) < v);
        let cut = if below > 0 {
            below
        } else {
            part.partition_point(|&(k, _)| channel(k, c) <= v)
        };
        let (a, b) = (r.start..r.start + cut, r.start + cut..r.end);
        widths[i] = extent(&colours[a.clone()]);
        widths.push(extent(&colours[b.clone()]));
        boxes[i] = a;
        boxes.push(b);
    }
    boxes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb_of(palette: &[u8], i: u8) -> [u8; 3] {
        let i = 3 * usize::from(i);
        [palette[i], palette[i + 1], palette[i + 2]]
    }

    #[test]
    fn few_colours_are_kept_exactly() {
        let px: Vec<[u8; 3]> = (0..1000)
            .map(|i| [(i % 7 * 30) as u8, (i % 5 * 40) as u8, 9])
            .collect();
        let rgb: Vec<u8> = px.concat();
        let (palette, idx) = indexed(&rgb);
        // 7 × 5 = 35 colours
        assert_eq!(palette.len(), 35 * 3);
        for (p, &i) in px.iter().zip(&idx) {
            assert_eq!(&rgb_of(&palette, i), p);
        }
    }

    /// Two flat colours near each other in RGB, one large and one small, among 4096 others:
    /// both keep their exact colour (in one median-cut box the small one took the large one's).
    #[test]
    fn a_small_flat_area_keeps_its_colour_beside_a_large_one() {
        let mut px = vec![[255u8, 255, 255]; 200_000];
        for p in &mut px[..40_000] {
            *p = [248, 229, 214];
        }
        for p in &mut px[40_000..42_000] {
            *p = [230, 231, 234];
        }
        for (i, p) in px[50_000..54_096].iter_mut().enumerate() {
            *p = [
                (i % 16 * 16) as u8,
                (i / 16 % 16 * 16) as u8,
                (i / 256 * 16) as u8,
            ];
        }
        let rgb: Vec<u8> = px.concat();
        let (palette, idx) = indexed(&rgb);
        assert!(
            idx[40_000..42_000]
                .iter()
                .all(|&i| rgb_of(&palette, i) == [230, 231, 234])
        );
        assert!(
            idx[..40_000]
                .iter()
                .all(|&i| rgb_of(&palette, i) == [248, 229, 214])
        );
    }

    #[test]
    fn many_colours_keep_flat_areas_and_move_edges_little() {
        // a white image with a flat blue block and grey ramps of 4096 distinct colours
        let mut px = vec![[255u8, 255, 255]; 200_000];
        for p in &mut px[..50_000] {
            *p = [31, 119, 180];
        }
        for (i, p) in px[50_000..54_096].iter_mut().enumerate() {
            *p = [
                (i % 16 * 16) as u8,
                (i / 16 % 16 * 16) as u8,
                (i / 256 * 16) as u8,
            ];
        }
        let rgb: Vec<u8> = px.concat();
        let (palette, idx) = indexed(&rgb);
        assert_eq!(palette.len(), 256 * 3);
        assert!(
            idx[..50_000]
                .iter()
                .all(|&i| rgb_of(&palette, i) == [31, 119, 180])
        );
        assert!(
            idx[60_000..]
                .iter()
                .all(|&i| rgb_of(&palette, i) == [255; 3])
        );
        // 4096 colours on a 16-level grid in 256 boxes of 2×2×4 (or so) grid points: no channel
        // is off by more than 3 grid steps of 16
        let worst = px
            .iter()
            .zip(&idx)
            .map(|(p, &i)| {
                let q = rgb_of(&palette, i);
                (0..3).map(|c| p[c].abs_diff(q[c])).max().unwrap_or(0)
            })
            .max()
            .unwrap_or(0);
        assert!(worst <= 48, "{worst}");
    }
}
