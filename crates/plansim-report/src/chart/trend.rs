//! The plot of one indicator over time, shared by the full chart and the dashboard panels:
//! ceiling zone, milestone lines, the fan, scenario lines, actuals, the base and the targets.

use super::DrawFail;
use super::axes::{Frame, span};
use super::frame::{Canvas, diamond, diamond_outline};
use super::indicator_data::{IndicatorChart, TargetKind};
use super::style::{CEILING, FORECAST, INK, TARGET, WHITE, scenario_colour};
use plotters::prelude::*;

/// How a ceiling is shown: only when the values come near it, else it would squash the data.
const CEILING_NEAR: f64 = 0.75;

/// The x range shown: the chart's years, widened to hold all data if they are reversed or equal.
pub fn years(c: &IndicatorChart) -> (i32, i32) {
    let (a, b) = c.years;
    if a < b {
        return (a, b);
    }
    let xs = c.all_points().map(|(y, _)| y as f64);
    match span(xs) {
        Some((lo, hi)) if hi - lo >= 1.0 => (lo as i32, hi as i32),
        _ => (a.min(b), a.min(b) + 1),
    }
}

/// The upper bounds the baseline meets (`4以内` from 3.82), whose breach zone is shaded: a
/// level still to be brought down to its target is not in breach before its year.
pub fn limits(c: &IndicatorChart) -> Vec<f64> {
    let within = |v: f64| c.base.is_none_or(|b| !b.1.is_finite() || b.1 <= v);
    c.targets
        .iter()
        .filter_map(|t| match t.kind {
            TargetKind::Ceiling(v) if v.is_finite() && within(v) => Some(v),
            _ => None,
        })
        .collect()
}

/// Whether the ceiling is drawn: some value reaches `CEILING_NEAR` of it.
pub fn shows_ceiling(c: &IndicatorChart) -> Option<f64> {
    let k = c.ceiling.filter(|k| k.is_finite() && *k > 0.0)?;
    let hi = span(c.all_values())?.1;
    (hi >= CEILING_NEAR * k).then_some(k)
}

/// The y range shown, padded; `None` when the chart has no finite value.
pub fn y_range(c: &IndicatorChart) -> Option<(f64, f64)> {
    let (mut lo, mut hi) = span(c.all_values())?;
    if let Some(k) = shows_ceiling(c) {
        hi = hi.max(k);
    }
    // Levels far above zero keep a zero baseline when the data start near it anyway.
    let from_zero = lo > 0.0 && lo < 0.2 * hi;
    if from_zero {
        lo = 0.0;
    }
    let pad = 0.08 * (hi - lo);
    let lo = if from_zero || lo == 0.0 { lo } else { lo - pad };
    Some((lo, hi + pad))
}

/// The pixel polylines of the scenario lines and actuals, obstacles for labels.
pub type Lines = Vec<Vec<(f64, f64)>>;

fn finite(points: &[(i32, f64)], f: &Frame) -> Vec<(f64, f64)> {
    let mut v: Vec<(i32, f64)> = points
        .iter()
        .copied()
        .filter(|(x, y)| y.is_finite() && (*x as f64) >= f.x.0 && (*x as f64) <= f.x.1)
        .collect();
    v.sort_by_key(|p| p.0);
    v.iter().map(|(x, y)| f.pxf(*x as f64, *y)).collect()
}

/// Draws the plot body inside `f`; returns the lines drawn, in pixels.
pub fn body<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    c: &IndicatorChart,
    f: &Frame,
    mini: bool,
) -> Result<Lines, DrawFail> {
    let mut lines: Lines = Vec::new();
    // forecast years shaded, from the last outturn (or the base year) on
    if let Some(from) = c.forecast_from {
        let x = f.x_px(from as f64).max(f.left);
        if x < f.right {
            cv.draw(&Rectangle::new(
                [(x, f.top), (f.right, f.bottom)],
                FORECAST.filled(),
            ))?;
        }
    }
    // beyond an upper bound the baseline meets: the breach zone
    for v in limits(c) {
        let y = f.y_px(v).clamp(f.top, f.bottom);
        if y > f.top {
            cv.draw(&Rectangle::new(
                [(f.left, f.top), (f.right, y)],
                TARGET.mix(0.10).filled(),
            ))?;
        }
    }
    if let Some(k) = shows_ceiling(c) {
        ceiling_zone(cv, f, k)?;
    }
    for m in &c.milestones {
        let x = f.x_px(m.year as f64);
        if (f.left..=f.right).contains(&x) {
            let st = RGBColor(160, 160, 160).stroke_width(1);
            cv.dashes((x, f.top), (x, f.bottom), cv.px(5.0), cv.px(4.0), st)?;
        }
    }
    let main = c.main_colour();
    if let Some(fan) = &c.fan {
        let mut ys: Vec<_> = fan
            .years
            .iter()
            .filter(|q| {
                [q.p5, q.p25, q.p50, q.p75, q.p95]
                    .iter()
                    .all(|v| v.is_finite())
                    && (q.year as f64) >= f.x.0
                    && (q.year as f64) <= f.x.1
            })
            .collect();
        ys.sort_by_key(|q| q.year);
        if ys.len() >= 2 {
            for (lo, hi, alpha) in [(0usize, 4usize, 0.16), (1, 3, 0.30)] {
                let val = |q: &super::FanYear, i: usize| [q.p5, q.p25, q.p50, q.p75, q.p95][i];
                let mut poly: Vec<(i32, i32)> =
                    ys.iter().map(|q| f.px(q.year as f64, val(q, hi))).collect();
                poly.extend(ys.iter().rev().map(|q| f.px(q.year as f64, val(q, lo))));
                cv.draw(&Polygon::new(poly, main.mix(alpha).filled()))?;
            }
            let med: Vec<(i32, i32)> = ys.iter().map(|q| f.px(q.year as f64, q.p50)).collect();
            for w in med.windows(2) {
                let st = main.stroke_width(cv.px(1.5) as u32);
                cv.dashes(w[0], w[1], cv.px(5.0), cv.px(4.0), st)?;
            }
        }
    }
    for t in &c.targets {
        target_reference(cv, f, &t.kind)?;
    }
    for (i, line) in c.scenarios.iter().enumerate().rev() {
        let pts = finite(&line.points, f);
        let width = if i == 0 { 3.0 } else { 2.5 };
        let colour = scenario_colour(line.colour);
        cv.polyline(&pts, colour, cv.sc.0 * width)?;
        lines.push(pts);
    }
    let act = finite(&c.actuals, f);
    if !act.is_empty() {
        cv.polyline(&act, INK, cv.sc.0 * 1.5)?;
        let dot = cv.px(if mini { 3.0 } else { 4.5 });
        for p in &act {
            let at = (p.0.round() as i32, p.1.round() as i32);
            if c.hypothetical {
                // hollow: not a published figure
                cv.draw(&Circle::new(at, dot, WHITE.filled()))?;
                cv.draw(&Circle::new(at, dot, INK.stroke_width(cv.px(1.5) as u32)))?;
            } else {
                cv.draw(&Circle::new(at, dot, INK.filled()))?;
            }
        }
        lines.push(act);
    }
    if let Some((year, v)) = c.base.filter(|b| b.1.is_finite()) {
        let p = f.px(year as f64, v);
        let r = cv.px(if mini { 4.5 } else { 6.5 });
        cv.draw(&Circle::new(p, r, WHITE.filled()))?;
        cv.draw(&Circle::new(p, r, INK.stroke_width(cv.px(2.0) as u32)))?;
    }
    for t in &c.targets {
        if (t.year as f64) >= f.x.0 && (t.year as f64) <= f.x.1 {
            target_marker(cv, f, t.year, &t.kind, mini)?;
        }
    }
    Ok(lines)
}

/// Grey hatching above the natural ceiling, and the ceiling line itself.
fn ceiling_zone<DB: DrawingBackend>(cv: &Canvas<DB>, f: &Frame, k: f64) -> Result<(), DrawFail> {
    let y = f.y_px(k);
    if y <= f.top {
        return Ok(());
    }
    cv.draw(&Rectangle::new(
        [(f.left, f.top), (f.right, y)],
        CEILING.mix(0.08).filled(),
    ))?;
    let step = cv.px(10.0);
    let (x0, x1, y0, y1) = (f.left, f.right, f.top, y);
    // Lines x + y = c, clipped to the zone.
    let mut c0 = x0 + y0 + step;
    while c0 < x1 + y1 {
        let xa = x0.max(c0 - y1);
        let xb = x1.min(c0 - y0);
        if xa < xb {
            cv.draw(&PathElement::new(
                vec![(xa, c0 - xa), (xb, c0 - xb)],
                CEILING.mix(0.25).stroke_width(1),
            ))?;
        }
        c0 += step;
    }
    cv.draw(&PathElement::new(
        vec![(f.left, y), (f.right, y)],
        CEILING.stroke_width(cv.px(2.0) as u32),
    ))?;
    Ok(())
}

/// A dotted line across the plot at the target level, so a reader can follow it to the lines.
fn target_reference<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    f: &Frame,
    kind: &TargetKind,
) -> Result<(), DrawFail> {
    let st = TARGET.mix(0.55).stroke_width(cv.px(1.2) as u32);
    for v in kind.values() {
        if v.is_finite() {
            let y = f.y_px(v);
            cv.dashes((f.left, y), (f.right, y), cv.px(2.0), cv.px(4.0), st)?;
        }
    }
    Ok(())
}

/// The target at its year, by kind: a diamond for a point, a bar with an arrow for a floor
/// (pointing up: at least) or a ceiling (down: at most), a box for a band.
fn target_marker<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    f: &Frame,
    year: i32,
    kind: &TargetKind,
    mini: bool,
) -> Result<(), DrawFail> {
    let x = f.x_px(year as f64);
    let half = cv.px(if mini { 9.0 } else { 14.0 });
    let outline = WHITE.stroke_width(cv.px(1.5) as u32);
    match *kind {
        TargetKind::Point(v) if v.is_finite() => {
            let p = (x, f.y_px(v));
            cv.draw(&diamond(p, cv.px(9.0), TARGET.filled()))?;
            cv.draw(&diamond_outline(p, cv.px(9.0), outline))?;
        }
        TargetKind::Floor(v) | TargetKind::Ceiling(v) if v.is_finite() => {
            let y = f.y_px(v);
            let up = matches!(kind, TargetKind::Floor(_));
            let thick = cv.px(2.5);
            let (tip, a) = (cv.px(13.0), cv.px(7.0));
            // Up for a floor (at least), down for a ceiling (at most): bar and arrow as one
            // shape, outlined in white to stand off the lines under it.
            let d = if up { -1 } else { 1 };
            let (near, far) = (y + d * thick, y - d * thick);
            let mut shape = vec![
                (x - half, far),
                (x + half, far),
                (x + half, near),
                (x + a, near),
                (x, near + d * tip),
                (x - a, near),
                (x - half, near),
            ];
            cv.draw(&Polygon::new(shape.clone(), TARGET.filled()))?;
            shape.push(shape[0]);
            cv.draw(&PathElement::new(shape, outline))?;
        }
        TargetKind::Band(lo, hi) if lo.is_finite() && hi.is_finite() => {
            let (ya, yb) = (f.y_px(lo.max(hi)), f.y_px(lo.min(hi)));
            let r = [(x - half, ya), (x + half, yb.max(ya + 2))];
            cv.draw(&Rectangle::new(r, TARGET.mix(0.25).filled()))?;
            cv.draw(&Rectangle::new(r, TARGET.stroke_width(cv.px(2.0) as u32)))?;
        }
        _ => {}
    }
    Ok(())
}
