//! The feasibility map: for every indicator of a plan, the stated annual rate against the rate
//! needed to reach the target. Above the diagonal the plan must speed up; below it, the stated
//! rate is enough. Points are coloured by the probability of meeting the target.

use super::axes::{Frame, span, x_axis, y_axis, y_label_width};
use super::frame::{Canvas, Swatch, diamond, diamond_outline, line_height};
use super::place::{Placer, Rect};
use super::style::{BAD, FAINT, GOOD, INK, MUTED, NONE, WHITE, probability_colour, tint};
use super::{Draw, DrawFail, Words};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// One indicator: rates in percent a year (7.0 = 7%).
#[derive(Clone, Debug, PartialEq)]
pub struct FeasibilityPoint {
    pub label: String,
    /// The plan's stated (or the historical) annual rate.
    pub stated: f64,
    /// The annual rate the target needs from the latest value.
    pub required: f64,
    /// Probability of meeting the target, 0..=1; grey when unknown.
    pub probability: Option<f64>,
    /// A binding (约束性) target: drawn as a diamond.
    pub binding: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct FeasibilityMap {
    pub title: String,
    pub subtitle: String,
    pub points: Vec<FeasibilityPoint>,
    pub words: Words,
}

impl FeasibilityMap {
    fn shown(&self) -> impl Iterator<Item = &FeasibilityPoint> {
        self.points
            .iter()
            .filter(|p| p.stated.is_finite() && p.required.is_finite())
    }
}

impl Draw for FeasibilityMap {
    fn title(&self) -> &str {
        &self.title
    }

    fn labels(&self) -> Vec<&str> {
        let mut v = vec![self.title.as_str(), &self.subtitle];
        v.extend(self.points.iter().map(|p| p.label.as_str()));
        v.extend(self.words.all());
        v
    }

    fn draw<DB: DrawingBackend>(&self, cv: &Canvas<DB>) -> Result<(), DrawFail> {
        cv.root.fill(&WHITE)?;
        let margin = cv.px(24.0);
        let mut y = cv.header(&self.title, &self.subtitle)?;
        let items = [
            (Swatch::Dot(INK), self.words.expected.as_str()),
            (Swatch::Diamond(INK), self.words.binding.as_str()),
        ];
        let scale_w = cv.px(260.0);
        let used = cv.legend(&items, (margin, y), cv.w - 3 * margin - scale_w)?;
        colour_scale(
            cv,
            (cv.w - margin - scale_w, y),
            scale_w,
            &self.words.probability,
        )?;
        y += used.max(cv.px(44.0));
        let Some((lo, hi)) = span(self.shown().flat_map(|p| [p.stated, p.required, 0.0])) else {
            let at = (cv.w / 2, (y + cv.h) / 2);
            return cv.label(&self.words.no_data, cv.font(24.0), FAINT, at, HPos::Center);
        };
        let pad = 0.08 * (hi - lo);
        let r = (lo - pad, hi + pad);
        let tick = cv.font(18.0);
        let strip = line_height(tick) + cv.px(16.0);
        let f = Frame {
            left: margin + y_label_width(cv, r, 6, tick)? + cv.px(10.0),
            top: y + strip,
            right: cv.w - margin,
            bottom: cv.h - cv.px(20.0) - 2 * line_height(tick) - cv.px(20.0),
            x: r,
            y: r,
        };
        if f.right - f.left < 60 || f.bottom - f.top < 40 {
            return Err(DrawFail(
                "the image is too small for the map's labels".into(),
            ));
        }
        // Above the diagonal (required > stated) and below it.
        let (a, b, c, d) = (
            f.px(r.0, r.0),
            f.px(r.0, r.1),
            f.px(r.1, r.1),
            f.px(r.1, r.0),
        );
        // Opaque tints on white: the same look as 7% alpha, without blending every pixel.
        cv.draw(&Polygon::new(vec![a, b, c], tint(BAD, 0.07).filled()))?;
        cv.draw(&Polygon::new(vec![a, d, c], tint(GOOD, 0.07).filled()))?;
        y_axis(cv, &f, 6, tick)?;
        x_axis(cv, &f, 6, tick, "")?;
        let cy = y + strip / 2 - cv.px(2.0);
        cv.label(
            &self.words.required_rate,
            tick,
            MUTED,
            (margin, cy),
            HPos::Left,
        )?;
        let xname_y = f.bottom + cv.px(16.0) + line_height(tick) + cv.px(12.0);
        let xname_x = (f.left + f.right) / 2;
        cv.label(
            &self.words.stated_rate,
            tick,
            MUTED,
            (xname_x, xname_y),
            HPos::Center,
        )?;
        let diag = [f.pxf(r.0, r.0), f.pxf(r.1, r.1)];
        cv.polyline(&diag, FAINT, cv.sc.0 * 1.5)?;
        let mut placer = Placer::new(Rect {
            x0: f.left as f64 + 2.0,
            y0: f.top as f64 + 2.0,
            x1: f.right as f64 - 2.0,
            y1: f.bottom as f64 - 2.0,
        });
        placer.block_line(&[(a.0 as f64, a.1 as f64), (c.0 as f64, c.1 as f64)]);
        let size = cv.font(17.0);
        let inset = cv.px(10.0);
        let zone = cv.font(19.0);
        let corner = |s: &str, (x, cy): (i32, i32), h: HPos| -> Result<Rect, DrawFail> {
            let w = cv.width(s, zone)?;
            let x0 = if matches!(h, HPos::Left) { x } else { x - w };
            cv.label(s, zone, MUTED, (x, cy), h)?;
            let half = line_height(zone) as f64 / 2.0 + 3.0;
            Ok(Rect {
                x0: x0 as f64 - 3.0,
                y0: cy as f64 - half,
                x1: (x0 + w) as f64 + 3.0,
                y1: cy as f64 + half,
            })
        };
        let top_y = f.top + inset + line_height(zone) / 2;
        let bottom_y = f.bottom - inset - line_height(zone) / 2;
        placer.block(corner(
            &self.words.above_diagonal,
            (f.left + inset, top_y),
            HPos::Left,
        )?);
        placer.block(corner(
            &self.words.below_diagonal,
            (f.right - inset, bottom_y),
            HPos::Right,
        )?);
        // The diagonal's name, right of a point 85% up it: under the line, which rises.
        let dsize = cv.font(17.0);
        let at = (
            a.0 + ((c.0 - a.0) as f64 * 0.85) as i32 + cv.px(16.0),
            a.1 + ((c.1 - a.1) as f64 * 0.85) as i32 + cv.px(10.0),
        );
        let name = &self.words.diagonal;
        placer.block(to_rect(cv.boxed(name, dsize, MUTED, at, HPos::Left)?));
        let rad = cv.px(7.0);
        let pts: Vec<(&FeasibilityPoint, (i32, i32))> = self
            .shown()
            .map(|p| (p, f.px(p.stated, p.required)))
            .collect();
        for (_, q) in &pts {
            let m = 2.0 * rad as f64 + 2.0;
            placer.block(Rect::around((q.0 as f64, q.1 as f64), m, m));
        }
        // Crowded points first: they have the fewest free spots.
        let mut order: Vec<usize> = (0..pts.len()).collect();
        let near = |i: usize| {
            let q = pts[i].1;
            let reach = 6 * rad;
            pts.iter()
                .filter(|(_, o)| (o.0 - q.0).abs() < reach && (o.1 - q.1).abs() < reach)
                .count()
        };
        order.sort_by_key(|&i| std::cmp::Reverse(near(i)));
        let mut labels = Vec::new();
        for i in order {
            let (p, q) = pts[i];
            let w = cv.width(&p.label, size)? as f64 + 6.0;
            let h = line_height(size) as f64 + 6.0;
            let at = placer.place((q.0 as f64, q.1 as f64), w, h, rad as f64);
            labels.push((p, q, at));
        }
        for (_, q, at) in &labels {
            if at.leader {
                let a = (q.0 as f64, q.1 as f64);
                let (from, to) = super::indicator::leader(a, rad as f64, &at.rect);
                cv.polyline(&[from, to], MUTED, cv.sc.0)?;
            }
        }
        for (p, q) in &pts {
            let fill = p.probability.map(probability_colour).unwrap_or(NONE);
            if p.binding {
                cv.draw(&diamond(*q, rad + cv.px(2.0), fill.filled()))?;
                let st = INK.stroke_width(cv.px(1.5) as u32);
                cv.draw(&diamond_outline(*q, rad + cv.px(2.0), st))?;
            } else {
                cv.draw(&Circle::new(*q, rad, fill.filled()))?;
                cv.draw(&Circle::new(*q, rad, INK.stroke_width(cv.px(1.5) as u32)))?;
            }
        }
        for (p, _, at) in &labels {
            let (cx, cy) = at.rect.centre();
            cv.boxed(&p.label, size, INK, (cx as i32, cy as i32), HPos::Center)?;
        }
        Ok(())
    }
}

fn to_rect(r: (i32, i32, i32, i32)) -> Rect {
    Rect {
        x0: r.0 as f64,
        y0: r.1 as f64,
        x1: r.2 as f64,
        y1: r.3 as f64,
    }
}

/// A horizontal colour bar for probabilities 0–100% with its name above.
fn colour_scale<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    (x, y): (i32, i32),
    w: i32,
    name: &str,
) -> Result<(), DrawFail> {
    let size = cv.font(16.0);
    let cy = y + line_height(size) / 2 + cv.px(2.0);
    cv.label(name, size, INK, (x + w / 2, cy), HPos::Center)?;
    let (top, h) = (cy + line_height(size) / 2 + cv.px(6.0), cv.px(10.0));
    for i in 0..w {
        let c = probability_colour(i as f64 / (w - 1).max(1) as f64);
        cv.draw(&Rectangle::new(
            [(x + i, top), (x + i + 1, top + h)],
            c.filled(),
        ))?;
    }
    let ly = top + h + cv.px(6.0) + line_height(size) / 2;
    for (t, s) in [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")] {
        let lx = x + (t * w as f64) as i32;
        cv.label(s, size, MUTED, (lx, ly), HPos::Center)?;
    }
    Ok(())
}
