//! The gap dot plot: for every target the outturns grade with a pace, how far the observed
//! pace is from the pace the remaining years need (current − required), with ±σ of the
//! observed yearly changes as a whisker; sorted, the furthest behind on top, zero drawn. Left
//! of zero the plan must speed up. The grade is told by shape as well as colour.

use super::axes::{Frame, x_axis};
use super::frame::{Canvas, Swatch, line_height};
use super::grade::mark;
use super::style::{FAINT, GRID, INK, MUTED, WHITE};
use super::{Draw, DrawFail, Words};
use plansim_core::assess::Status;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// One target: paces in its own terms (`% a year` or `points a year`, named in `label`).
#[derive(Clone, Debug, PartialEq)]
pub struct GapDot {
    pub label: String,
    /// Current − required pace; negative = behind.
    pub gap: f64,
    /// The whisker's half-width: the 90 % interval of the current pace (1.645 σ/√n for n
    /// observed years); `None` draws none.
    pub half_width: Option<f64>,
    pub status: Status,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct GapChart {
    pub title: String,
    pub subtitle: String,
    pub dots: Vec<GapDot>,
    /// The x axis's name (`差距 = 当前速度 − 所需速度`).
    pub axis: String,
    /// Said under the axis when a target graded on track so far lies left of zero: the grade
    /// reads the progress made, the gap the pace the remaining years need.
    pub note: String,
    pub words: Words,
}

impl GapChart {
    /// The dots as drawn, top to bottom: the furthest behind first.
    pub fn sorted(&self) -> Vec<&GapDot> {
        let mut v: Vec<&GapDot> = self.dots.iter().filter(|d| d.gap.is_finite()).collect();
        v.sort_by(|a, b| a.gap.total_cmp(&b.gap));
        v
    }

    /// Whether a target not behind by its grade needs a faster pace (left of zero): the chart
    /// then says why the two differ.
    pub fn needs_note(&self) -> bool {
        self.dots.iter().any(|d| {
            d.gap < 0.0
                && matches!(
                    d.status,
                    Status::Ahead | Status::Achieved | Status::Faster | Status::OnTrack
                )
        })
    }
}

impl Draw for GapChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn labels(&self) -> Vec<&str> {
        let mut v = vec![self.title.as_str(), &self.subtitle, &self.axis, &self.note];
        v.extend(self.dots.iter().map(|d| d.label.as_str()));
        v.extend(self.words.all());
        v
    }

    fn draw<DB: DrawingBackend>(&self, cv: &Canvas<DB>) -> Result<(), DrawFail> {
        // as tall as its rows: the text keeps the size of the chart's width
        let cv = &cv.scaled(super::style::Scale::of_width(cv.w as u32));
        cv.root.fill(&WHITE)?;
        let margin = cv.px(24.0);
        let mut y = cv.header(&self.title, &self.subtitle)?;
        let dots = self.sorted();
        // one legend entry per grade, each its own colour and shape (moving away as behind)
        let mut names: Vec<(Status, String)> = Vec::new();
        for d in &dots {
            let key = mark(d.status);
            if !names.iter().any(|(s, _)| mark(*s) == key) {
                names.push((d.status, d.status.label(self.words.lang).to_string()));
            }
        }
        let items: Vec<(Swatch, &str)> = names
            .iter()
            .map(|(s, n)| (Swatch::Grade(*s), n.as_str()))
            .collect();
        y += cv.legend(&items, (margin, y), cv.w - 2 * margin)?;
        if dots.is_empty() {
            let at = (cv.w / 2, (y + cv.h) / 2);
            return cv.label(&self.words.no_data, cv.font(24.0), FAINT, at, HPos::Center);
        }
        let tick = cv.font(18.0);
        let top = y + cv.px(8.0);
        let note = self.needs_note() && !self.note.is_empty();
        let lines = if note { 3 } else { 2 };
        let room = cv.h - cv.px(20.0) - lines * line_height(tick) - cv.px(20.0);
        let row = ((room - top) as f64 / dots.len() as f64).min(cv.sc.0 * 40.0);
        if row < 4.0 {
            return Err(DrawFail(format!(
                "{} targets do not fit in {} pixels",
                dots.len(),
                room - top
            )));
        }
        let height = (row * dots.len() as f64).round() as i32;
        // a few rows stay rows: the block is centred in the room left
        let top = top + (room - top - height).max(0) / 2;
        let bottom = top + height;
        let size = cv.font(18.0).min(row * 1.1).max(9.0);
        let mut label_w = 0;
        for d in &dots {
            label_w = label_w.max(cv.width(&d.label, size)?);
        }
        let label_w = label_w.min((cv.w as f64 * 0.45) as i32);
        // the x range holds zero, every dot and its whisker
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for d in &dots {
            let s = d.half_width.filter(|s| s.is_finite()).unwrap_or(0.0);
            lo = lo.min(d.gap - s);
            hi = hi.max(d.gap + s);
        }
        let pad = 0.08 * (hi - lo).max(1.0);
        let f = Frame {
            left: margin + label_w + cv.px(12.0),
            top,
            right: cv.w - margin,
            bottom,
            x: (lo - pad, hi + pad),
            y: (0.0, dots.len() as f64),
        };
        if f.right - f.left < 60 {
            return Err(DrawFail("the image is too narrow for the labels".into()));
        }
        x_axis(cv, &f, 6, tick, "")?;
        let name_y = f.bottom + cv.px(16.0) + line_height(tick) + cv.px(12.0);
        cv.label(
            &self.axis,
            tick,
            MUTED,
            ((f.left + f.right) / 2, name_y),
            HPos::Center,
        )?;
        if note {
            let text = cv.fit(&self.note, tick, cv.w - 2 * margin)?;
            let at = (cv.w / 2, name_y + line_height(tick) + cv.px(8.0));
            cv.label(&text, tick, MUTED, at, HPos::Center)?;
        }
        let x0 = f.x_px(0.0);
        let st = INK.mix(0.6).stroke_width(cv.px(1.5) as u32);
        cv.draw(&PathElement::new(vec![(x0, f.top), (x0, f.bottom)], st))?;
        let r = ((row * 0.28).round() as i32).clamp(2, cv.px(8.0));
        for (i, d) in dots.iter().enumerate() {
            let cy = f.top + ((i as f64 + 0.5) * row).round() as i32;
            cv.draw(&PathElement::new(
                vec![(f.left, cy), (f.right, cy)],
                GRID.stroke_width(1),
            ))?;
            let text = cv.fit(&d.label, size, label_w)?;
            cv.label(&text, size, INK, (margin + label_w, cy), HPos::Right)?;
            let (c, shape) = mark(d.status);
            if let Some(s) = d.half_width.filter(|s| s.is_finite() && *s > 0.0) {
                let (a, b) = (f.x_px(d.gap - s), f.x_px(d.gap + s));
                let w = c.stroke_width(cv.px(2.0) as u32);
                cv.draw(&PathElement::new(vec![(a, cy), (b, cy)], w))?;
                for x in [a, b] {
                    cv.draw(&PathElement::new(vec![(x, cy - r / 2), (x, cy + r / 2)], w))?;
                }
            }
            let at = (f.x_px(d.gap), cy);
            super::grade::draw(cv, shape, c, at, r + 1)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furthest_behind_first_and_nan_left_out() {
        let dot = |label: &str, gap: f64| GapDot {
            label: label.into(),
            gap,
            half_width: None,
            status: Status::Lagging,
        };
        let c = GapChart {
            dots: vec![
                dot("a", 1.0),
                dot("b", -6.09),
                dot("c", f64::NAN),
                dot("d", -2.34),
            ],
            ..Default::default()
        };
        let order: Vec<&str> = c.sorted().iter().map(|d| d.label.as_str()).collect();
        assert_eq!(order, ["b", "d", "a"]);
    }

    /// The note is said only when a target graded on track so far lies left of zero (科尔沁区's
    /// GDP on the trial's outturns: 基本符合预期, 5.83 % a year against 8.91 % needed).
    #[test]
    fn the_note_only_where_a_grade_and_its_gap_differ() {
        let dot = |gap: f64, status| GapDot {
            label: String::new(),
            gap,
            half_width: None,
            status,
        };
        let chart = |dots| GapChart {
            dots,
            ..Default::default()
        };
        let differ = chart(vec![
            dot(5.83 - 8.91, Status::OnTrack),
            dot(1.2, Status::Faster),
        ]);
        assert!(differ.needs_note());
        let agree = chart(vec![dot(-2.7, Status::Lagging), dot(1.2, Status::Faster)]);
        assert!(!agree.needs_note());
        assert!(!chart(vec![dot(0.5, Status::OnTrack)]).needs_note());
    }
}
