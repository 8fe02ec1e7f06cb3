//! Label placement: put each label near its anchor where it covers no other label, marker or
//! line, trying rings of candidate spots around the anchor, nearest first.

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn around((cx, cy): (f64, f64), w: f64, h: f64) -> Rect {
        Rect {
            x0: cx - w / 2.0,
            y0: cy - h / 2.0,
            x1: cx + w / 2.0,
            y1: cy + h / 2.0,
        }
    }

    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside(&self, o: &Rect) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }

    /// Whether the segment a–b passes through the rectangle (Liang–Barsky clipping).
    pub fn crosses(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 <= t1
    }

    pub fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
}

/// Where a label went, and whether it is far enough from its anchor to need a leader line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub rect: Rect,
    pub leader: bool,
    /// It could not avoid every obstacle.
    pub overlaps: bool,
}

/// Places labels one by one; each placed label becomes an obstacle for the next.
#[derive(Clone, Debug)]
pub struct Placer {
    bounds: Rect,
    taken: Vec<Rect>,
    segments: Vec<((f64, f64), (f64, f64))>,
}

impl Placer {
    pub fn new(bounds: Rect) -> Placer {
        Placer {
            bounds,
            taken: Vec::new(),
            segments: Vec::new(),
        }
    }

    /// A rectangle no label may cover (a marker, a legend).
    pub fn block(&mut self, r: Rect) {
        self.taken.push(r);
    }

    /// A line labels should not cross.
    pub fn block_line(&mut self, points: &[(f64, f64)]) {
        for w in points.windows(2) {
            self.segments.push((w[0], w[1]));
        }
    }

    fn cost(&self, r: &Rect) -> Option<f64> {
        if !r.inside(&self.bounds) {
            return None;
        }
        let boxes = self.taken.iter().filter(|t| t.overlaps(r)).count();
        let lines = self
            .segments
            .iter()
            .filter(|(a, b)| r.crosses(*a, *b))
            .count();
        Some(1000.0 * boxes as f64 + 60.0 * lines as f64)
    }

    /// Puts a `w`×`h` label near `anchor`, outside a marker of radius `r`.
    pub fn place(&mut self, anchor: (f64, f64), w: f64, h: f64, r: f64) -> Placement {
        let gap = 3.0;
        let rings = [r + gap, r + gap + h, r + 2.5 * h, r + 4.0 * h, r + 6.0 * h];
        // Right, left, then the diagonals and above/below: the usual reading positions.
        let near: [f64; 8] = [0.0, 180.0, 45.0, 135.0, -45.0, -135.0, 90.0, -90.0];
        let mut best: Option<(f64, Rect, usize)> = None;
        for (ring, &d) in rings.iter().enumerate() {
            let angles: Vec<f64> = if ring == 0 {
                near.to_vec()
            } else {
                (0..16).map(|i| i as f64 * 22.5).collect()
            };
            for (k, deg) in angles.iter().enumerate() {
                let (dx, dy) = (deg.to_radians().cos(), -deg.to_radians().sin());
                let m = dx.abs().max(dy.abs());
                let c = (
                    anchor.0 + dx * d + dx / m * w / 2.0,
                    anchor.1 + dy * d + dy / m * h / 2.0,
                );
                let rect = Rect::around(c, w, h);
                let Some(cost) = self.cost(&rect) else {
                    continue;
                };
                let cost = cost + 8.0 * ring as f64 + 0.1 * k as f64;
                if best.as_ref().is_none_or(|b| cost < b.0) {
                    best = Some((cost, rect, ring));
                }
            }
            if best
                .as_ref()
                .is_some_and(|b| b.0 < 1.0 + 8.0 * ring as f64 + 2.0)
            {
                break;
            }
        }
        let (cost, rect, ring) =
            best.unwrap_or((f64::MAX, Rect::around(anchor, w, h), rings.len()));
        self.taken.push(rect);
        Placement {
            rect,
            leader: ring >= 1,
            overlaps: cost >= 60.0,
        }
    }
}

/// Spreads label centres (pixel y, sorted or not) so that no two are closer than `gap`, keeping
/// each as near its own y as possible and all within `lo..=hi`. Returns them in input order.
pub fn spread(ys: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..ys.len()).collect();
    idx.sort_by(|&a, &b| ys[a].total_cmp(&ys[b]));
    let mut out: Vec<f64> = idx.iter().map(|&i| ys[i]).collect();
    for _ in 0..50 {
        let mut moved = false;
        for i in 1..out.len() {
            let need = out[i - 1] + gap - out[i];
            if need > 1e-9 {
                out[i - 1] -= need / 2.0;
                out[i] += need / 2.0;
                moved = true;
            }
        }
        let n = out.len();
        if n > 0 {
            let over = (out[n - 1] - hi).max(0.0);
            let under = (lo - out[0]).max(0.0);
            for y in out.iter_mut() {
                *y += under - over;
            }
        }
        if !moved {
            break;
        }
    }
    let mut res = vec![0.0; ys.len()];
    for (k, &i) in idx.iter().enumerate() {
        res[i] = out[k];
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing() {
        let r = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        assert!(r.crosses((-5.0, 5.0), (15.0, 5.0)));
        assert!(r.crosses((2.0, 2.0), (3.0, 3.0)));
        assert!(!r.crosses((-5.0, -1.0), (15.0, -1.0)));
        assert!(!r.crosses((11.0, 0.0), (20.0, 10.0)));
    }

    #[test]
    fn a_crowd_of_labels_does_not_overlap() {
        // Twelve markers 6 px apart on a diagonal in a 600×400 area, each label 80×16: there is
        // room around the cluster, so no two labels and no label and marker may overlap.
        let bounds = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 600.0,
            y1: 400.0,
        };
        let mut p = Placer::new(bounds);
        let anchors: Vec<(f64, f64)> = (0..12)
            .map(|i| (250.0 + 6.0 * i as f64, 250.0 - 6.0 * i as f64))
            .collect();
        for a in &anchors {
            p.block(Rect::around(*a, 10.0, 10.0));
        }
        let placed: Vec<Placement> = anchors
            .iter()
            .map(|a| p.place(*a, 80.0, 16.0, 5.0))
            .collect();
        for (i, a) in placed.iter().enumerate() {
            assert!(!a.overlaps, "label {i} overlaps");
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect));
            }
            for m in &anchors {
                assert!(!a.rect.overlaps(&Rect::around(*m, 10.0, 10.0)));
            }
        }
    }

    #[test]
    fn spread_keeps_gaps_and_bounds() {
        // Three labels wanting y = 100, 101, 102 with a gap of 20 settle around their mean 101:
        // 81, 101, 121.
        let ys = spread(&[102.0, 100.0, 101.0], 20.0, 0.0, 500.0);
        let mut s = ys.clone();
        s.sort_by(f64::total_cmp);
        assert!(
            (s[0] - 81.0).abs() < 0.5 && (s[2] - 121.0).abs() < 0.5,
            "{s:?}"
        );
        // input order is kept: the one that wanted 102 is lowest on screen (largest y)
        assert!(ys[0] > ys[2] && ys[2] > ys[1]);
        // pushed inside the bounds
        let ys = spread(&[0.0, 1.0], 20.0, 10.0, 500.0);
        assert!(ys.iter().all(|y| *y >= 10.0 - 1e-9));
    }
}
