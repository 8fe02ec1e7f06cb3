//! The indicator chart: one indicator of a plan over time, with everything a reader needs to
//! judge its target — baseline, actuals, a line per scenario, the Monte Carlo fan, the target
//! drawn by its kind, the milestone years and the natural ceiling.

use super::axes::{Frame, y_axis, y_label_width, year_axis};
use super::frame::{Canvas, Swatch, line_height};
use super::place::{Placer, Rect};
use super::style::{
    CEILING, FAINT, FORECAST, INK, MUTED, TARGET, WHITE, decimals_for, fixed, number,
    scenario_colour,
};
use super::{Draw, DrawFail, trend};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::indicator_data::IndicatorChart;

impl IndicatorChart {
    fn legend_items(&self) -> Vec<(Swatch, &str)> {
        let mut items: Vec<(Swatch, &str)> = Vec::new();
        for l in &self.scenarios {
            items.push((
                Swatch::LineMark(scenario_colour(l.colour), l.colour),
                &l.name,
            ));
        }
        if self.fan.as_ref().is_some_and(|f| f.years.len() >= 2) {
            let c = self.main_colour();
            let (outer, inner) = (super::grade::fan_outer(), super::grade::fan_inner());
            items.push((Swatch::Fill(outer.to_rgba()), &self.words.fan_outer));
            items.push((Swatch::Fill(inner.to_rgba()), &self.words.fan_inner));
            items.push((Swatch::Line(c, true), &self.words.median));
        }
        if self.actuals.is_empty()
            && self.bounds.is_empty()
            && self.fan.as_ref().is_none_or(|f| f.years.len() < 2)
        {
            // no evidence: the plan's path alone, and the legend says why there is no fan
            items.push((Swatch::None, &self.words.no_outturns));
        }
        if !self.actuals.is_empty() {
            if self.hypothetical {
                items.push((Swatch::Ring(INK), &self.words.actual_hypothetical));
            } else {
                items.push((Swatch::Dot(INK), &self.words.actual));
            }
        }
        if !self.bounds.is_empty() {
            items.push((Swatch::Bound(INK), &self.words.actual_bound));
        }
        if self.forecast_from.is_some() {
            items.push((Swatch::Fill(FORECAST.to_rgba()), &self.words.forecast));
        }
        if !trend::limits(self).is_empty() {
            let band = super::grade::breach_fill().to_rgba();
            items.push((Swatch::Fill(band), &self.words.breach));
        }
        items
    }
}

impl Draw for IndicatorChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn labels(&self) -> Vec<&str> {
        let mut v = vec![self.title.as_str(), &self.subtitle, &self.unit];
        v.extend(self.scenarios.iter().map(|l| l.name.as_str()));
        v.extend(self.targets.iter().map(|t| t.label.as_str()));
        v.extend(self.milestones.iter().map(|m| m.label.as_str()));
        v.extend(self.bounds.iter().map(|b| b.label.as_str()));
        v.extend(self.words.all());
        v
    }

    fn draw<DB: DrawingBackend>(&self, cv: &Canvas<DB>) -> Result<(), DrawFail> {
        let (w, h) = (cv.w, cv.h);
        cv.root.fill(&WHITE)?;
        let margin = cv.px(24.0);
        let mut y = cv.header(&self.title, &self.subtitle)?;
        y += cv.legend(&self.legend_items(), (margin, y), w - 2 * margin)?;
        let Some(yr) = trend::y_range(self) else {
            let at = (w / 2, (y + h) / 2);
            cv.label(&self.words.no_data, cv.font(24.0), FAINT, at, HPos::Center)?;
            return Ok(());
        };
        let years = trend::years(self);
        let tick = cv.font(18.0);
        // Value labels: the ticks' decimals, at least one.
        let dec = decimals_for(super::style::nice_step(yr.1 - yr.0, 6)).max(1);
        let ends = end_values(self);
        // each end label follows its scenario's marker: told apart without colour
        let mark_r = cv.px(5.0);
        let mut end_w = 0;
        for (_, v, _) in &ends {
            end_w = end_w.max(cv.width(&fixed(*v, dec), tick)? + 2 * mark_r + cv.px(4.0));
        }
        let strip = line_height(tick) + cv.px(16.0);
        let f = Frame {
            left: margin + y_label_width(cv, yr, 6, tick)? + cv.px(10.0),
            top: y + strip,
            right: w - margin - if end_w > 0 { end_w + cv.px(10.0) } else { 0 },
            bottom: h - cv.px(18.0) - line_height(tick) - cv.px(8.0),
            x: (years.0 as f64 - 0.3, years.1 as f64 + 0.3),
            y: yr,
        };
        if f.right - f.left < 40 || f.bottom - f.top < 30 {
            return Err(DrawFail(
                "the image is too small for the chart's labels".into(),
            ));
        }
        y_axis(cv, &f, 6, tick)?;
        year_axis(cv, &f, years, tick)?;
        let cy = y + strip / 2 - cv.px(2.0);
        cv.label(&self.unit, tick, MUTED, (margin, cy), HPos::Left)?;
        let unit_right = margin + cv.width(&self.unit, tick)? + cv.px(8.0);
        for m in &self.milestones {
            let s = format!("{} {}", m.year, m.label);
            let half = cv.width(&s, tick)? / 2;
            // max then min: a label wider than the room must not panic as clamp would.
            let x = f
                .x_px(m.year as f64)
                .max(unit_right + half)
                .min(w - margin - half);
            cv.label(s.trim(), tick, MUTED, (x, cy), HPos::Center)?;
        }
        let lines = trend::body(cv, self, &f, false)?;
        let ys: Vec<f64> = ends.iter().map(|e| f.y_px(e.1) as f64).collect();
        let gap = line_height(tick) as f64 + cv.px(4.0) as f64;
        let spread = super::place::spread(&ys, gap, f.top as f64, f.bottom as f64);
        for ((_, v, i), cy) in ends.iter().zip(spread) {
            let slot = self.scenarios[*i].colour;
            let c = scenario_colour(slot);
            let s = fixed(*v, dec);
            let x = f.right + cv.px(8.0);
            let shape = super::style::scenario_shape(slot);
            super::grade::draw(cv, shape, c, (x + mark_r, cy as i32), mark_r)?;
            let at = (x + 2 * mark_r + cv.px(4.0), cy as i32);
            cv.label(&s, tick, c, at, HPos::Left)?;
        }
        annotate(cv, self, &f, &lines, dec)
    }
}

/// The last finite point of each scenario that reaches the chart's last year: (year, value,
/// scenario index). A line ending earlier (a one-year plan another scenario carries on) gets
/// no label in the right margin, where it would read as that year's value.
fn end_values(c: &IndicatorChart) -> Vec<(i32, f64, usize)> {
    c.scenarios
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            l.points
                .iter()
                .filter(|p| p.1.is_finite())
                .max_by_key(|p| p.0)
                .map(|p| (p.0, p.1, i))
        })
        .filter(|e| e.0 == c.years.1)
        .collect()
}

/// Labels placed over the data: the ceiling, the base value and each target.
fn annotate<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    c: &IndicatorChart,
    f: &Frame,
    lines: &trend::Lines,
    dec: usize,
) -> Result<(), DrawFail> {
    let size = cv.font(18.0);
    let pad = cv.px(4.0) as f64;
    let bounds = Rect {
        x0: f.left as f64 + 2.0,
        y0: f.top as f64 + 2.0,
        x1: f.right as f64 - 2.0,
        y1: f.bottom as f64 - 2.0,
    };
    let mut placer = Placer::new(bounds);
    for l in lines {
        placer.block_line(l);
    }
    let r = cv.px(8.0) as f64;
    for p in c.actuals.iter().chain(c.base.iter()) {
        let (x, y) = f.px(p.0 as f64, p.1);
        placer.block(Rect::around((x as f64, y as f64), 2.0 * r, 2.0 * r));
    }
    let marker = cv.px(16.0) as f64;
    for t in &c.targets {
        for v in t.kind.values() {
            let (x, y) = f.px(t.year as f64, v);
            placer.block(Rect::around((x as f64, y as f64), 2.0 * marker, marker));
        }
    }
    if let Some(k) = trend::shows_ceiling(c) {
        let s = format!("{} {}", c.words.ceiling, number(k, dec));
        let y = f.y_px(k) - line_height(size) / 2 - cv.px(6.0);
        let rect = cv.boxed(&s, size, CEILING, (f.left + cv.px(8.0), y), HPos::Left)?;
        placer.block(to_rect(rect));
    }
    let mut todo: Vec<(String, (i32, i32), RGBColor, f64)> = Vec::new();
    for t in &c.targets {
        let vs: Vec<f64> = t
            .kind
            .values()
            .into_iter()
            .filter(|v| v.is_finite())
            .collect();
        if vs.is_empty() || t.label.is_empty() {
            continue;
        }
        let mid = vs.iter().sum::<f64>() / vs.len() as f64;
        todo.push((t.label.clone(), f.px(t.year as f64, mid), TARGET, marker));
    }
    if let Some((year, v)) = c.base.filter(|b| b.1.is_finite()) {
        let s = format!("{} {}", c.words.base, number(v, dec.max(2)));
        todo.push((s, f.px(year as f64, v), INK, r));
    }
    // a bound outturn is labelled as printed, with its year (`2020 ＞60`)
    for b in c.bounds.iter().filter(|b| b.value.is_finite()) {
        let s = format!("{} {}", b.year, b.label);
        todo.push((s, f.px(b.year as f64, b.value), INK, r));
    }
    for (s, (x, y), colour, rad) in todo {
        let w = cv.width(&s, size)? as f64 + 2.0 * pad;
        let h = line_height(size) as f64 + 2.0 * pad;
        let p = placer.place((x as f64, y as f64), w, h, rad);
        if p.leader {
            let (from, to) = leader((x as f64, y as f64), rad, &p.rect);
            cv.polyline(&[from, to], super::style::tint(colour, 0.7), cv.sc.0)?;
        }
        let (cx, cy) = p.rect.centre();
        cv.boxed(&s, size, colour, (cx as i32, cy as i32), HPos::Center)?;
    }
    Ok(())
}

/// A leader from the edge of a marker of radius `r` at `a` to the nearest point of `rect`.
pub fn leader(a: (f64, f64), r: f64, rect: &Rect) -> ((f64, f64), (f64, f64)) {
    let to = (a.0.clamp(rect.x0, rect.x1), a.1.clamp(rect.y0, rect.y1));
    let (dx, dy) = (to.0 - a.0, to.1 - a.1);
    let d = dx.hypot(dy).max(1e-9);
    ((a.0 + dx / d * r, a.1 + dy / d * r), to)
}

fn to_rect(r: (i32, i32, i32, i32)) -> Rect {
    Rect {
        x0: r.0 as f64,
        y0: r.1 as f64,
        x1: r.2 as f64,
        y1: r.3 as f64,
    }
}
