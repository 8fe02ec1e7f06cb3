//! The probability chart: indicators sorted by the probability of meeting their target, binding
//! (约束性) targets marked, so the targets at risk stand at the bottom.

use super::axes::Frame;
use super::frame::{Canvas, Swatch, diamond, line_height};
use super::style::{FAINT, GRID, INK, MUTED, WHITE, probability_colour};
use super::{Draw, DrawFail, Words};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// One indicator's probability of meeting its target, 0..=1.
#[derive(Clone, Debug, PartialEq)]
pub struct ProbabilityBar {
    pub label: String,
    pub probability: f64,
    pub binding: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ProbabilityChart {
    pub title: String,
    pub subtitle: String,
    /// In any order: the chart sorts them, highest first; unknown (NaN) last.
    pub bars: Vec<ProbabilityBar>,
    pub words: Words,
}

impl ProbabilityChart {
    /// The bars as drawn, top to bottom.
    pub fn sorted(&self) -> Vec<&ProbabilityBar> {
        let mut v: Vec<&ProbabilityBar> = self.bars.iter().collect();
        let key = |b: &ProbabilityBar| {
            if b.probability.is_finite() {
                -b.probability
            } else {
                f64::INFINITY
            }
        };
        // Stable: equal probabilities keep the caller's order (the plan's order).
        v.sort_by(|a, b| key(a).total_cmp(&key(b)));
        v
    }
}

impl Draw for ProbabilityChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn labels(&self) -> Vec<&str> {
        let mut v = vec![self.title.as_str(), &self.subtitle];
        v.extend(self.bars.iter().map(|b| b.label.as_str()));
        v.extend(self.words.all());
        v
    }

    fn draw<DB: DrawingBackend>(&self, cv: &Canvas<DB>) -> Result<(), DrawFail> {
        // as tall as its rows: the text keeps the size of the chart's width
        let cv = &cv.scaled(super::style::Scale::of_width(cv.w as u32));
        cv.root.fill(&WHITE)?;
        let margin = cv.px(24.0);
        let mut y = cv.header(&self.title, &self.subtitle)?;
        let bars = self.sorted();
        if bars.iter().any(|b| b.binding) {
            let items = [(Swatch::Diamond(INK), self.words.binding.as_str())];
            y += cv.legend(&items, (margin, y), cv.w - 2 * margin)?;
        }
        if bars.is_empty() {
            let at = (cv.w / 2, (y + cv.h) / 2);
            return cv.label(&self.words.no_data, cv.font(24.0), FAINT, at, HPos::Center);
        }
        let tick = cv.font(18.0);
        let top = y + cv.px(8.0);
        let room = cv.h - cv.px(20.0) - 2 * line_height(tick) - cv.px(20.0);
        // Rows no taller than 40 px at 1000×600, so a few bars stay bars; the block is then
        // centred in the room left.
        let row = ((room - top) as f64 / bars.len() as f64).min(cv.sc.0 * 40.0);
        let height = (row * bars.len() as f64).round() as i32;
        let top = top + (room - top - height).max(0) / 2;
        let bottom = top + height;
        if row < 4.0 {
            return Err(DrawFail(format!(
                "{} bars do not fit in {} pixels",
                bars.len(),
                room - top
            )));
        }
        // Row text shrinks with the rows, down to the smallest readable size.
        let size = cv.font(19.0).min(row * 1.1).max(9.0);
        let mut label_w = 0;
        for b in &bars {
            label_w = label_w.max(cv.width(&b.label, size)?);
        }
        let marker = cv.px(18.0);
        let label_w = label_w.min((cv.w as f64 * 0.4) as i32);
        let value_w = cv.width("100%", size)? + cv.px(10.0);
        let f = Frame {
            left: margin + label_w + marker + cv.px(8.0),
            top,
            right: cv.w - margin - value_w,
            bottom,
            x: (0.0, 1.0),
            y: (0.0, bars.len() as f64),
        };
        if f.right - f.left < 60 {
            return Err(DrawFail(
                "the image is too narrow for the bar labels".into(),
            ));
        }
        let cy_ticks = f.bottom + cv.px(8.0) + line_height(tick) / 2;
        for k in 0..=4 {
            let t = k as f64 / 4.0;
            let x = f.x_px(t);
            cv.draw(&PathElement::new(
                vec![(x, f.top), (x, f.bottom)],
                GRID.stroke_width(1),
            ))?;
            let s = format!("{}%", k * 25);
            cv.label(&s, tick, MUTED, (x, cy_ticks), HPos::Center)?;
        }
        let name_y = cy_ticks + line_height(tick) + cv.px(12.0);
        let name = &self.words.probability;
        cv.label(
            name,
            tick,
            MUTED,
            ((f.left + f.right) / 2, name_y),
            HPos::Center,
        )?;
        // The 50% line goes under the bars and their values.
        let x50 = f.x_px(0.5);
        let st = INK.mix(0.5).stroke_width(cv.px(1.5) as u32);
        cv.dashes((x50, f.top), (x50, f.bottom), cv.px(6.0), cv.px(4.0), st)?;
        let half = ((row * 0.36).round() as i32).max(1);
        let rows: Vec<(i32, &&ProbabilityBar)> = bars
            .iter()
            .enumerate()
            .map(|(i, b)| (f.top + ((i as f64 + 0.5) * row).round() as i32, b))
            .collect();
        for (cy, b) in &rows {
            let cy = *cy;
            let text = cv.fit(&b.label, size, label_w)?;
            cv.label(&text, size, INK, (margin + label_w, cy), HPos::Right)?;
            if b.binding {
                let at = (f.left - marker / 2 - cv.px(4.0), cy);
                cv.draw(&diamond(at, (marker / 3).min(half + 2), INK.filled()))?;
            }
            if b.probability.is_finite() {
                let x1 = f.x_px(b.probability.clamp(0.0, 1.0)).max(f.left + 1);
                let c = probability_colour(b.probability);
                cv.draw(&Rectangle::new(
                    [(f.left, cy - half), (x1, cy + half)],
                    c.filled(),
                ))?;
            }
        }
        for (cy, b) in &rows {
            if !b.probability.is_finite() {
                cv.label("—", size, FAINT, (f.left + cv.px(6.0), *cy), HPos::Left)?;
                continue;
            }
            let p = b.probability.clamp(0.0, 1.0);
            let x1 = f.x_px(p).max(f.left + 1);
            let s = plansim_core::format::chance(p);
            cv.boxed(&s, size, INK, (x1 + cv.px(6.0), *cy), HPos::Left)?;
        }
        cv.draw(&PathElement::new(
            vec![(f.left, f.top), (f.left, f.bottom)],
            FAINT.stroke_width(1),
        ))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, p: f64) -> ProbabilityBar {
        ProbabilityBar {
            label: label.into(),
            probability: p,
            binding: false,
        }
    }

    #[test]
    fn sorted_highest_first_unknown_last() {
        let c = ProbabilityChart {
            bars: vec![
                bar("a", 0.2),
                bar("b", f64::NAN),
                bar("c", 0.9),
                bar("d", 0.2),
            ],
            ..Default::default()
        };
        let order: Vec<&str> = c.sorted().iter().map(|b| b.label.as_str()).collect();
        assert_eq!(order, ["c", "a", "d", "b"]);
    }
}
