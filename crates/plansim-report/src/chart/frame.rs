//! The canvas charts draw on, and the helpers they share: text that fits, boxed labels, titles,
//! legends and dashed lines.
//!
//! All positions are pixels of the root area. Text is anchored by its visual middle: plotters'
//! own centre and bottom anchors sit a quarter of the size off for CJK glyphs.

use super::DrawFail;
use super::font;
use super::style::{INK, MUTED, Scale, WHITE, text};
use ab_glyph::{Font, ScaleFont};
use plotters::coord::Shift;
use plotters::element::{CoordMapper, Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A chart's drawing area with its scale. On bitmaps text is rasterised here with ab_glyph at
/// sub-pixel pen positions: plotters places each glyph's ink at a whole-pixel pen and drops its
/// left side bearing, which leaves uneven gaps (`十四五`, `Expected`) and pushes centred
/// punctuation (`（`, `·`) flush left. SVG keeps plotters' text elements.
pub struct Canvas<'a, DB: DrawingBackend> {
    pub root: &'a DrawingArea<DB, Shift>,
    pub sc: Scale,
    pub w: i32,
    pub h: i32,
    raster: bool,
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    pub fn new(root: &'a DrawingArea<DB, Shift>, raster: bool) -> Self {
        let (w, h) = root.dim_in_pixel();
        Canvas {
            root,
            sc: Scale::of(w, h),
            w: w as i32,
            h: h as i32,
            raster,
        }
    }

    /// The same canvas with another scale (a dashboard panel).
    pub fn scaled(&self, sc: Scale) -> Canvas<'a, DB> {
        Canvas { sc, ..*self }
    }

    /// A bitmap (not SVG): text glyph by glyph, lines anti-aliased by hand.
    pub fn raster(&self) -> bool {
        self.raster
    }

    pub fn px(&self, v: f64) -> i32 {
        self.sc.px(v)
    }

    pub fn font(&self, v: f64) -> f64 {
        self.sc.font(v)
    }

    pub fn draw<'b, E, B: CoordMapper>(&self, e: &'b E) -> Result<(), DrawFail>
    where
        &'b E: PointCollection<'b, (i32, i32), B>,
        E: Drawable<DB, B>,
    {
        self.root.draw(e)?;
        Ok(())
    }

    /// The width of `s` drawn at `size`.
    pub fn width(&self, s: &str, size: f64) -> Result<i32, DrawFail> {
        Ok(self.root.estimate_text_size(s, &text(size, INK))?.0 as i32)
    }

    /// Draws `s` with its visual middle at `cy`, anchored left, centred or right at `x`.
    pub fn label(
        &self,
        s: &str,
        size: f64,
        color: RGBColor,
        (x, cy): (i32, i32),
        h: HPos,
    ) -> Result<(), DrawFail> {
        let y = cy - mid_offset(size);
        let face = font::face();
        let (true, Some(face)) = (self.raster, face) else {
            // SVG: the viewer lays the text out, so keep the anchor. plotters writes a font
            // size of size / 1.24 where the raster em is size / 1.448 (Noto's ascent − descent):
            // scaled so both come out the same size.
            let style = text(size * 1.24 / 1.448, color).pos(Pos::new(h, VPos::Top));
            self.root.draw_text(s, &style, (x, y))?;
            return Ok(());
        };
        let x0 = match h {
            HPos::Left => x,
            HPos::Center => x - self.width(s, size)? / 2,
            HPos::Right => x - self.width(s, size)?,
        };
        // The same scale plotters uses (ascent − descent = size), so widths agree, and its
        // baseline, half the size below the anchor, so the anchoring above holds for both.
        let f = face.as_scaled(size as f32);
        let baseline = y as f32 + size as f32 / 2.0;
        let (mut pen, mut prev) = (x0 as f32, None);
        for c in s.chars() {
            let id = f.glyph_id(c);
            if let Some(p) = prev {
                pen += f.kern(p, id);
            }
            let ((px, py), g) = super::glyphs::glyph(face, id, f.scale(), pen, baseline);
            for &(gx, gy, cover) in &g.pixels {
                self.root
                    .draw_pixel((px + gx, py + gy), &color.mix(f64::from(cover)))?;
            }
            pen += f.h_advance(id);
            prev = Some(id);
        }
        Ok(())
    }

    /// `s`, shortened with an ellipsis to fit `max` pixels.
    pub fn fit(&self, s: &str, size: f64, max: i32) -> Result<String, DrawFail> {
        if self.width(s, size)? <= max {
            return Ok(s.to_string());
        }
        let chars: Vec<char> = s.chars().collect();
        let (mut lo, mut hi) = (0usize, chars.len());
        // The longest prefix that fits with the ellipsis: widths grow with the prefix.
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let t: String = chars[..mid].iter().chain(['…'].iter()).collect();
            if self.width(&t, size)? <= max {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Ok(chars[..lo].iter().chain(['…'].iter()).collect())
    }

    /// Text on a pale box, for labels drawn over data. Returns the box.
    pub fn boxed(
        &self,
        s: &str,
        size: f64,
        color: RGBColor,
        (x, cy): (i32, i32),
        h: HPos,
    ) -> Result<(i32, i32, i32, i32), DrawFail> {
        let w = self.width(s, size)?;
        let pad = self.px(4.0);
        let x0 = match h {
            HPos::Left => x,
            HPos::Center => x - w / 2,
            HPos::Right => x - w,
        };
        let half = line_height(size) / 2 + pad;
        let rect = (x0 - pad, cy - half, x0 + w + pad, cy + half);
        self.draw(&Rectangle::new(
            [(rect.0, rect.1), (rect.2, rect.3)],
            WHITE.mix(0.85).filled(),
        ))?;
        self.label(s, size, color, (x0, cy), HPos::Left)?;
        Ok(rect)
    }

    /// Title and subtitle at the top left; returns the y where the rest of the chart starts.
    pub fn header(&self, title: &str, subtitle: &str) -> Result<i32, DrawFail> {
        let left = self.px(24.0);
        let max = self.w - 2 * left;
        let (ts, ss) = (self.font(34.0), self.font(22.0));
        let mut y = self.px(18.0) + line_height(ts) / 2;
        let t = self.fit(title, ts, max)?;
        self.label(&t, ts, INK, (left, y), HPos::Left)?;
        y += line_height(ts) / 2;
        if !subtitle.is_empty() {
            y += self.px(12.0) + line_height(ss) / 2;
            let st = self.fit(subtitle, ss, max)?;
            self.label(&st, ss, MUTED, (left, y), HPos::Left)?;
            y += line_height(ss) / 2;
        }
        Ok(y + self.px(10.0))
    }

    /// A dashed straight line.
    pub fn dashes(
        &self,
        from: (i32, i32),
        to: (i32, i32),
        dash: i32,
        gap: i32,
        style: ShapeStyle,
    ) -> Result<(), DrawFail> {
        let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
        let len = dx.hypot(dy);
        if len < 1.0 {
            return Ok(());
        }
        let (ux, uy) = (dx / len, dy / len);
        let p = |d: f64| {
            (
                from.0 + (ux * d).round() as i32,
                from.1 + (uy * d).round() as i32,
            )
        };
        let mut t = 0.0;
        while t < len {
            let e = (t + dash.max(1) as f64).min(len);
            self.draw(&PathElement::new(vec![p(t), p(e)], style))?;
            t = e + gap.max(1) as f64;
        }
        Ok(())
    }
}

/// How far below the anchor the visual middle of a line of text of `size` lies.
pub fn mid_offset(size: f64) -> i32 {
    (0.23 * size).round() as i32
}

/// The visual height of a line of text of `size`.
pub fn line_height(size: f64) -> i32 {
    (0.62 * size).round() as i32
}

/// What a legend entry shows before its text.
#[derive(Clone, Copy, Debug)]
pub enum Swatch {
    Line(RGBColor, bool),
    Fill(RGBAColor),
    Dot(RGBColor),
    /// A hollow dot: hypothetical outturns.
    Ring(RGBColor),
    Diamond(RGBColor),
    Square(RGBColor),
    /// An outturn published as a bound: a bar with an open arrow.
    Bound(RGBColor),
    /// A scenario's line with its end marker.
    LineMark(RGBColor, usize),
    /// A grade's marker, in its colour and shape.
    Grade(plansim_core::assess::Status),
    /// Words alone: what a chart does not draw (`无实际值`).
    None,
}

/// The outline of a diamond marker (plotters' polygons are always filled).
pub fn diamond_outline(c: (i32, i32), r: i32, style: ShapeStyle) -> PathElement<(i32, i32)> {
    PathElement::new(
        vec![
            (c.0, c.1 - r),
            (c.0 + r, c.1),
            (c.0, c.1 + r),
            (c.0 - r, c.1),
            (c.0, c.1 - r),
        ],
        style,
    )
}

/// A diamond marker centred at `c` with half-diagonal `r`.
pub fn diamond(c: (i32, i32), r: i32, style: ShapeStyle) -> Polygon<(i32, i32)> {
    Polygon::new(
        vec![
            (c.0, c.1 - r),
            (c.0 + r, c.1),
            (c.0, c.1 + r),
            (c.0 - r, c.1),
        ],
        style,
    )
}
