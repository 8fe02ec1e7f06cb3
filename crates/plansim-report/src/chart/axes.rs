//! A plotting frame in pixels with its data ranges, and the axes drawn around it. Charts draw in
//! pixels through [`Frame::px`] so that every label can be placed and checked in one space.

use super::DrawFail;
use super::frame::{Canvas, line_height};
use super::style::{FAINT, GRID, MUTED, decimals_for, fixed, nice_step};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// The pixel rectangle of a plot and the data ranges it shows.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    pub x: (f64, f64),
    pub y: (f64, f64),
}

impl Frame {
    pub fn x_px(&self, x: f64) -> i32 {
        let t = (x - self.x.0) / (self.x.1 - self.x.0);
        (self.left as f64 + t * (self.right - self.left) as f64).round() as i32
    }
    pub fn y_px(&self, y: f64) -> i32 {
        let t = (y - self.y.0) / (self.y.1 - self.y.0);
        (self.bottom as f64 - t * (self.bottom - self.top) as f64).round() as i32
    }
    /// A data point in fractional pixels, for anti-aliased lines.
    pub fn pxf(&self, x: f64, y: f64) -> (f64, f64) {
        let tx = (x - self.x.0) / (self.x.1 - self.x.0);
        let ty = (y - self.y.0) / (self.y.1 - self.y.0);
        (
            self.left as f64 + tx * (self.right - self.left) as f64,
            self.bottom as f64 - ty * (self.bottom - self.top) as f64,
        )
    }
    pub fn px(&self, x: f64, y: f64) -> (i32, i32) {
        (self.x_px(x), self.y_px(y))
    }
}

/// A range that holds every finite value in `values`, never empty: a single value or none
/// gives a unit-wide range around it.
pub fn span(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    let mut r: Option<(f64, f64)> = None;
    for v in values.into_iter().filter(|v| v.is_finite()) {
        r = Some(match r {
            None => (v, v),
            Some((lo, hi)) => (lo.min(v), hi.max(v)),
        });
    }
    r.map(|(lo, hi)| {
        if hi - lo > 1e-9 * hi.abs().max(lo.abs()).max(1e-300) {
            (lo, hi)
        } else {
            let d = (lo.abs() * 0.1).max(1.0);
            (lo - d, hi + d)
        }
    })
}

/// Ticks at multiples of a nice step within `lo..=hi`, and the decimals that print them.
pub fn ticks(lo: f64, hi: f64, count: usize) -> (Vec<f64>, usize) {
    let step = nice_step(hi - lo, count);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    let out: Vec<f64> = (first..=last.min(first + 50))
        .map(|k| k as f64 * step)
        .collect();
    (out, decimals_for(step))
}

/// Horizontal grid lines at the y ticks, with labels left of the frame.
pub fn y_axis<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    f: &Frame,
    count: usize,
    size: f64,
) -> Result<(), DrawFail> {
    let (ts, dec) = ticks(f.y.0, f.y.1, count);
    for t in ts {
        let y = f.y_px(t);
        cv.draw(&PathElement::new(
            vec![(f.left, y), (f.right, y)],
            GRID.stroke_width(1),
        ))?;
        let s = fixed(if t.abs() < 1e-12 { 0.0 } else { t }, dec);
        cv.label(&s, size, MUTED, (f.left - cv.px(8.0), y), HPos::Right)?;
    }
    Ok(())
}

/// Vertical grid lines at the x ticks, with labels below the frame; `suffix` follows each
/// number (`%`).
pub fn x_axis<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    f: &Frame,
    count: usize,
    size: f64,
    suffix: &str,
) -> Result<(), DrawFail> {
    let (ts, dec) = ticks(f.x.0, f.x.1, count);
    let cy = f.bottom + cv.px(8.0) + line_height(size) / 2;
    for t in ts {
        let x = f.x_px(t);
        cv.draw(&PathElement::new(
            vec![(x, f.top), (x, f.bottom)],
            GRID.stroke_width(1),
        ))?;
        let s = fixed(if t.abs() < 1e-12 { 0.0 } else { t }, dec);
        cv.label(&format!("{s}{suffix}"), size, MUTED, (x, cy), HPos::Center)?;
    }
    cv.draw(&PathElement::new(
        vec![(f.left, f.bottom), (f.right, f.bottom)],
        FAINT.stroke_width(1),
    ))?;
    Ok(())
}

/// The widest y tick label, to size the left margin.
pub fn y_label_width<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    y: (f64, f64),
    count: usize,
    size: f64,
) -> Result<i32, DrawFail> {
    let (ts, dec) = ticks(y.0, y.1, count);
    let mut w = 0;
    for t in ts {
        w = w.max(cv.width(&fixed(t, dec), size)?);
    }
    Ok(w)
}

/// Year ticks along the bottom: a tick each year and a label on the multiples of 1, 5 or 10
/// years, the smallest step whose labels do not crowd.
pub fn year_axis<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    f: &Frame,
    years: (i32, i32),
    size: f64,
) -> Result<(), DrawFail> {
    let per_year = (f.x_px(1.0) - f.x_px(0.0)).max(1) as f64;
    let label_w = cv.width("2035", size)? as f64;
    // No 2: every other year would skip the milestones 2025 and 2035.
    let step = [1, 5, 10, 20, 50]
        .into_iter()
        .find(|s| per_year * *s as f64 >= 1.9 * label_w)
        .unwrap_or(100);
    let axis = FAINT.stroke_width(1);
    cv.draw(&PathElement::new(
        vec![(f.left, f.bottom), (f.right, f.bottom)],
        axis,
    ))?;
    let cy = f.bottom + cv.px(8.0) + line_height(size) / 2;
    let n = (years.1 - years.0).clamp(0, 400);
    for year in years.0..=years.0 + n {
        let x = f.x_px(year as f64);
        let labelled = year.rem_euclid(step) == 0;
        let tick = if labelled { cv.px(6.0) } else { cv.px(3.0) };
        cv.draw(&PathElement::new(
            vec![(x, f.bottom), (x, f.bottom + tick)],
            axis,
        ))?;
        if labelled {
            cv.label(&year.to_string(), size, MUTED, (x, cy), HPos::Center)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_maps_corners() {
        let f = Frame {
            left: 100,
            top: 50,
            right: 900,
            bottom: 450,
            x: (2020.0, 2035.0),
            y: (0.0, 100.0),
        };
        assert_eq!(f.px(2020.0, 0.0), (100, 450));
        assert_eq!(f.px(2035.0, 100.0), (900, 50));
        // 2025 is a third of the way: 100 + 800/3 = 366.7 → 367; 25 is a quarter up: 450 − 100
        assert_eq!(f.px(2025.0, 25.0), (367, 350));
    }

    #[test]
    fn spans_and_ticks() {
        assert_eq!(span([f64::NAN, 3.0, 1.0, f64::INFINITY]), Some((1.0, 3.0)));
        assert_eq!(span([5.0]), Some((4.0, 6.0)));
        assert_eq!(span(std::iter::empty()), None);
        // 0..100 in about 5: step 20 → 0, 20, …, 100
        let (t, d) = ticks(0.0, 100.0, 5);
        assert_eq!(t, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(d, 0);
        // 2.3..3.4 in about 4: 1.1/4 = 0.275 → step 0.5 → 2.5, 3.0
        let (t, d) = ticks(2.3, 3.4, 4);
        assert_eq!(t, vec![2.5, 3.0]);
        assert_eq!(d, 1);
    }
}
