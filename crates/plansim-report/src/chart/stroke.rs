//! Anti-aliased thick polylines for bitmaps. plotters draws wide lines as integer polygons
//! without anti-aliasing: steps on slopes and a one-pixel jog at the last segment. Here each
//! pixel near the line gets the coverage of a disc-capped stroke (the largest over the segments,
//! so joints are not blended twice). SVG keeps plotters' own path; viewers smooth it.

use super::DrawFail;
use super::frame::Canvas;
use plotters::prelude::*;

/// Largest bounding box (in pixels) rasterised by hand; larger falls back to plotters.
const MAX_AREA: usize = 16_000_000;
/// Largest coverage buffer kept between strokes (a 2000×2000 chart).
const KEEP_AREA: usize = 4_000_000;

impl<DB: DrawingBackend> Canvas<'_, DB> {
    /// A polyline through pixel positions `pts`, `width` pixels wide.
    pub fn polyline(
        &self,
        pts: &[(f64, f64)],
        colour: RGBColor,
        width: f64,
    ) -> Result<(), DrawFail> {
        let pts: Vec<(f64, f64)> = pts
            .iter()
            .copied()
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .collect();
        if pts.len() < 2 {
            return Ok(());
        }
        let r = (width / 2.0).max(0.5);
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in &pts {
            (x0, y0, x1, y1) = (x0.min(p.0), y0.min(p.1), x1.max(p.0), y1.max(p.1));
        }
        let bx0 = ((x0 - r - 1.0).floor() as i64).max(0);
        let by0 = ((y0 - r - 1.0).floor() as i64).max(0);
        let bx1 = ((x1 + r + 1.0).ceil() as i64).min(self.w as i64);
        let by1 = ((y1 + r + 1.0).ceil() as i64).min(self.h as i64);
        let (bw, bh) = ((bx1 - bx0).max(0) as usize, (by1 - by0).max(0) as usize);
        if !self.raster() || bw * bh > MAX_AREA {
            let ints: Vec<(i32, i32)> = pts
                .iter()
                .map(|p| (p.0.round() as i32, p.1.round() as i32))
                .collect();
            let st = colour.stroke_width(width.round().max(1.0) as u32);
            return self.draw(&PathElement::new(ints, st));
        }
        if bw * bh > KEEP_AREA {
            let mut cov = vec![0f32; bw * bh];
            return self.fill_stroke(&pts, colour, r, (bx0, by0, bx1, by1), &mut cov);
        }
        COVERAGE.with(|cov| {
            let mut cov = cov.borrow_mut();
            if cov.len() < bw * bh {
                cov.resize(bw * bh, 0.0);
            }
            self.fill_stroke(&pts, colour, r, (bx0, by0, bx1, by1), &mut cov[..bw * bh])
        })
    }

    /// The stroke through `pts` of radius `r` within the box (x0, y0, x1, y1), with `cov` the
    /// box's coverage, all zero on entry and left all zero.
    fn fill_stroke(
        &self,
        pts: &[(f64, f64)],
        colour: RGBColor,
        r: f64,
        (bx0, by0, bx1, by1): (i64, i64, i64, i64),
        cov: &mut [f32],
    ) -> Result<(), DrawFail> {
        let (bw, bh) = ((bx1 - bx0) as usize, (by1 - by0) as usize);
        // The touched span of each row, so the final pass skips the empty bounding box.
        let mut spans = vec![(i64::MAX, i64::MIN); bh];
        for s in pts.windows(2) {
            let (a, b) = (s[0], s[1]);
            let sx0 = ((a.0.min(b.0) - r - 1.0).floor() as i64).max(bx0);
            let sy0 = ((a.1.min(b.1) - r - 1.0).floor() as i64).max(by0);
            let sx1 = ((a.0.max(b.0) + r + 1.0).ceil() as i64).min(bx1);
            let sy1 = ((a.1.max(b.1) + r + 1.0).ceil() as i64).min(by1);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len2 = dx * dx + dy * dy;
            // Pixels within reach of the segment lie, on each row, within `reach · len / |dy|`
            // of where the segment's line crosses the row: scan only that span.
            let reach = r + 1.0;
            let slope = if dy.abs() > 1e-9 { dx / dy } else { 0.0 };
            let half = if dy.abs() > 1e-9 {
                reach * len2.sqrt() / dy.abs()
            } else {
                f64::INFINITY
            };
            for py in sy0..sy1 {
                let cy = py as f64 + 0.5;
                let (mut lo, mut hi) = (sx0, sx1);
                if half.is_finite() {
                    let xl = a.0 + (cy - a.1) * slope;
                    lo = lo.max((xl - half).floor() as i64);
                    hi = hi.min((xl + half).ceil() as i64 + 1);
                }
                if lo < hi {
                    let span = &mut spans[(py - by0) as usize];
                    *span = (span.0.min(lo), span.1.max(hi));
                }
                for px in lo..hi {
                    let cx = px as f64 + 0.5;
                    let t = if len2 > 0.0 {
                        (((cx - a.0) * dx + (cy - a.1) * dy) / len2).clamp(0.0, 1.0)
                    } else {
                        0.0
                    };
                    let (ex, ey) = (cx - a.0 - t * dx, cy - a.1 - t * dy);
                    let d = (ex * ex + ey * ey).sqrt();
                    let c = (r + 0.5 - d).clamp(0.0, 1.0) as f32;
                    let i = (py - by0) as usize * bw + (px - bx0) as usize;
                    if c > cov[i] {
                        cov[i] = c;
                    }
                }
            }
        }
        let mut result = Ok(());
        for (row, &(lo, hi)) in spans.iter().enumerate() {
            for x in lo.max(bx0)..hi.min(bx1) {
                let c = std::mem::take(&mut cov[row * bw + (x - bx0) as usize]);
                if c > 0.01 && result.is_ok() {
                    let y = by0 + row as i64;
                    result = self
                        .root
                        .draw_pixel((x as i32, y as i32), &colour.mix(c as f64));
                }
            }
        }
        Ok(result?)
    }
}

thread_local! {
    /// The coverage of a stroke's bounding box, reused: zeroing a chart-sized buffer for each
    /// line cost more than drawing it. Only the touched spans are written, and they are
    /// cleared as they are drawn.
    static COVERAGE: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
}
