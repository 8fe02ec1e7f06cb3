//! The plan dashboard: every indicator of a plan as small multiples on one image, each panel
//! framed in the colour of its status.

use super::axes::{Frame, y_axis, y_label_width, year_axis};
use super::frame::{Canvas, Swatch, line_height};
use super::style::{FAINT, INK, MUTED, Scale, WHITE, tint};
use super::{Draw, DrawFail, IndicatorChart, Words, trend};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use plansim_core::assess::Status;

/// A grade's colour (see [`super::grade::mark`]).
pub fn colour(s: Status) -> RGBColor {
    super::grade::mark(s).0
}

fn legend_key(s: Status) -> Status {
    if s == Status::Regressing {
        Status::Lagging
    } else {
        s
    }
}

/// One indicator of the dashboard. The panel shows `chart.title` as its name, its grade, and
/// `note` under it; the chart's subtitle and legend words are not drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub chart: IndicatorChart,
    pub status: Status,
    pub note: String,
}

/// Every indicator of a plan, in the order given.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Dashboard {
    pub title: String,
    pub subtitle: String,
    pub panels: Vec<Panel>,
    pub words: Words,
}

/// Columns and rows for `n` panels in a `w`×`h` area: panels as close to 3:2 as possible.
pub fn grid(n: usize, w: i32, h: i32) -> (usize, usize) {
    if n == 0 {
        return (1, 1);
    }
    let aspect = |c: usize| {
        let rows = n.div_ceil(c);
        (w as f64 / c as f64) / (h as f64 / rows as f64)
    };
    let cols = (1..=n)
        .min_by(|&a, &b| {
            let d = |c| (aspect(c) / 1.5).ln().abs();
            d(a).total_cmp(&d(b))
        })
        .unwrap_or(1);
    (cols, n.div_ceil(cols))
}

impl Draw for Dashboard {
    fn title(&self) -> &str {
        &self.title
    }

    fn labels(&self) -> Vec<&str> {
        let mut v = vec![self.title.as_str(), &self.subtitle];
        for p in &self.panels {
            v.extend([p.chart.title.as_str(), &p.note, &p.chart.unit]);
        }
        v.extend(self.words.all());
        v
    }

    fn draw<DB: DrawingBackend>(&self, cv: &Canvas<DB>) -> Result<(), DrawFail> {
        cv.root.fill(&WHITE)?;
        let margin = cv.px(24.0);
        let mut y = cv.header(&self.title, &self.subtitle)?;
        // the grades a legend lists, in the engine's order (moving away counts with 滞后于预期)
        let counts: Vec<(Status, String)> = Status::ALL
            .iter()
            .filter(|s| legend_key(**s) == **s)
            .filter_map(|s| {
                let n = self
                    .panels
                    .iter()
                    .filter(|p| legend_key(p.status) == *s)
                    .count();
                (n > 0).then(|| (*s, format!("{} {n}", s.label(self.words.lang))))
            })
            .collect();
        let items: Vec<(Swatch, &str)> = counts
            .iter()
            .map(|(s, c)| (Swatch::Grade(*s), c.as_str()))
            .collect();
        y += cv.legend(&items, (margin, y), cv.w - 2 * margin)? + cv.px(6.0);
        if self.panels.is_empty() {
            let at = (cv.w / 2, (y + cv.h) / 2);
            return cv.label(&self.words.no_data, cv.font(24.0), FAINT, at, HPos::Center);
        }
        let (area_w, area_h) = (cv.w - 2 * margin, cv.h - y - margin);
        let (cols, rows) = grid(self.panels.len(), area_w, area_h);
        let gap = cv.px(12.0);
        let pw = (area_w - gap * (cols as i32 - 1)) / cols as i32;
        let ph = (area_h - gap * (rows as i32 - 1)) / rows as i32;
        if pw < 60 || ph < 50 {
            return Err(DrawFail(format!(
                "{} panels do not fit: each would be {pw}×{ph} pixels",
                self.panels.len()
            )));
        }
        // Panel text scales with the panel: 1.0 for a 320×210 panel.
        let pc = cv.scaled(Scale(
            (pw as f64 / 320.0).min(ph as f64 / 210.0).clamp(0.45, 3.0),
        ));
        for (i, p) in self.panels.iter().enumerate() {
            let (c, r) = ((i % cols) as i32, (i / cols) as i32);
            let x0 = margin + c * (pw + gap);
            let y0 = y + r * (ph + gap);
            panel(&pc, p, (x0, y0, x0 + pw, y0 + ph), &self.words)?;
        }
        Ok(())
    }
}

fn panel<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    p: &Panel,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    words: &Words,
) -> Result<(), DrawFail> {
    let colour = colour(p.status);
    // Floors keep CJK legible in small panels (below about 9 px a glyph turns to a blot).
    let (name, note) = (cv.font(24.0).max(14.0), cv.font(18.0).max(12.0));
    let pad = cv.px(8.0);
    let tx = x0 + cv.px(6.0) + pad;
    let max = x1 - pad - tx;
    let status = p.status.label(words.lang);
    // the grade's marker before its name: the grade reads by shape as well as colour
    let r = (line_height(note) / 2).max(3);
    let sw = cv.width(status, note)? + 2 * r + cv.px(6.0);
    // the note (unit · target · latest) wraps onto lines of its own rather than being cut:
    // the latest outturn is what the grade rests on
    let lines = wrap(cv, &p.note, note, (max - sw - pad, max), NOTE_LINES)?;
    // a line's height is the glyphs' own: the wrapped lines need a gap between them
    let step = line_height(note) + cv.px(5.0);
    let note_h = line_height(note) + step * (lines.len().max(1) as i32 - 1);
    let head = pad + line_height(name) + cv.px(8.0) + note_h + pad;
    cv.draw(&Rectangle::new(
        [(x0, y0), (x1, y0 + head)],
        tint(colour, 0.16).filled(),
    ))?;
    cv.draw(&Rectangle::new(
        [(x0, y0), (x0 + cv.px(6.0), y1)],
        colour.filled(),
    ))?;
    cv.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        colour.stroke_width(cv.px(1.5) as u32),
    ))?;
    let mut cy = y0 + pad + line_height(name) / 2;
    let title = cv.fit(&p.chart.title, name, max)?;
    cv.label(&title, name, INK, (tx, cy), HPos::Left)?;
    cy += line_height(name) / 2 + cv.px(8.0) + line_height(note) / 2;
    cv.label(status, note, darker(colour), (x1 - pad, cy), HPos::Right)?;
    let (c, shape) = super::grade::mark(p.status);
    super::grade::draw(cv, shape, c, (x1 - pad - sw + r, cy), r)?;
    for line in &lines {
        cv.label(line, note, MUTED, (tx, cy), HPos::Left)?;
        cy += step;
    }
    let c = &p.chart;
    let top = y0 + head + cv.px(10.0);
    let Some(yr) = trend::y_range(c) else {
        let at = (tx + max / 2, (top + y1) / 2);
        return cv.label(&words.no_data, note, FAINT, at, HPos::Center);
    };
    let tick = cv.font(15.0).max(11.0);
    let years = trend::years(c);
    let f = Frame {
        left: tx + y_label_width(cv, yr, 3, tick)? + cv.px(6.0),
        top,
        // Room for half the last year's label, centred on the frame's right edge.
        right: x1 - pad.max(cv.width("2035", tick)? / 2 + cv.px(2.0)),
        bottom: y1 - pad - line_height(tick) - cv.px(6.0),
        x: (years.0 as f64 - 0.3, years.1 as f64 + 0.3),
        y: yr,
    };
    if f.right - f.left < 20 || f.bottom - f.top < 15 {
        return Ok(());
    }
    y_axis(cv, &f, 3, tick)?;
    year_axis(cv, &f, years, tick)?;
    trend::body(cv, c, &f, true)?;
    Ok(())
}

/// At most this many lines of a panel's note.
const NOTE_LINES: usize = 3;

/// `text`'s parts (joined by ` · `) packed greedily onto lines: the first `widths.0` wide
/// (beside the grade), the rest `widths.1`; at most `most` lines, the last cut to fit. A part
/// wider than a whole line is cut alone.
fn wrap<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    text: &str,
    size: f64,
    widths: (i32, i32),
    most: usize,
) -> Result<Vec<String>, DrawFail> {
    const SEP: &str = " · ";
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let width_of = |n: usize| if n == 0 { widths.0 } else { widths.1 };
    for part in text.split(SEP).filter(|t| !t.trim().is_empty()) {
        let joined = if line.is_empty() {
            part.to_string()
        } else {
            format!("{line}{SEP}{part}")
        };
        if cv.width(&joined, size)? <= width_of(lines.len()) || line.is_empty() {
            line = joined;
            continue;
        }
        lines.push(std::mem::take(&mut line));
        line = part.to_string();
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > most {
        let rest = lines.split_off(most - 1).join(SEP);
        lines.push(rest);
    }
    for (i, l) in lines.iter_mut().enumerate() {
        *l = cv.fit(l, size, width_of(i))?;
    }
    Ok(lines)
}

/// A darker shade of a status colour, for text on a pale ground.
fn darker(c: RGBColor) -> RGBColor {
    let d = |x: u8| (x as f64 * 0.7).round() as u8;
    RGBColor(d(c.0), d(c.1), d(c.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_keeps_panels_near_three_by_two() {
        // 20 panels in 1552×860: 5 columns × 4 rows gives 310×215 panels (1.44), nearer 1.5
        // than 4×5 (388×172, 2.26) or 6×4 (259×215, 1.20).
        assert_eq!(grid(20, 1552, 860), (5, 4));
        assert_eq!(grid(1, 900, 500), (1, 1));
        // 3 panels in a wide strip go side by side: 3×1 is 300×200 = 1.5 exactly.
        assert_eq!(grid(3, 900, 200), (3, 1));
        assert_eq!(grid(0, 900, 500), (1, 1));
    }
}
