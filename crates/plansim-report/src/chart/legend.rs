//! Legends: a row of swatches with their words, wrapped to the width given. Apart from the
//! canvas so that the canvas needs no marker of a grade or a bound (which draw on it).

use super::frame::{Canvas, Swatch, diamond, line_height};
use super::style::{INK, WHITE};
use super::{DrawFail, grade, style, trend};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

impl<DB: DrawingBackend> Canvas<'_, DB> {
    /// A legend in rows from (x, y) within `max_w`; returns the height used.
    pub fn legend(
        &self,
        items: &[(Swatch, &str)],
        (x0, y0): (i32, i32),
        max_w: i32,
    ) -> Result<i32, DrawFail> {
        if items.is_empty() {
            return Ok(0);
        }
        let size = self.font(19.0);
        let row_h = line_height(size) + self.px(10.0);
        let sw = self.px(26.0);
        let gap = self.px(22.0);
        let (mut x, mut cy) = (x0, y0 + row_h / 2);
        for (swatch, s) in items {
            let tw = self.width(s, size)?;
            let item_w = sw + self.px(6.0) + tw;
            if x > x0 && x + item_w > x0 + max_w {
                x = x0;
                cy += row_h;
            }
            self.swatch(*swatch, (x, cy), sw)?;
            self.label(s, size, INK, (x + sw + self.px(6.0), cy), HPos::Left)?;
            x += item_w + gap;
        }
        Ok(cy + row_h / 2 - y0)
    }

    pub fn swatch(&self, swatch: Swatch, (x, cy): (i32, i32), sw: i32) -> Result<(), DrawFail> {
        let r = self.px(5.0);
        let box_ = [(x, cy - self.px(7.0)), (x + sw, cy + self.px(7.0))];
        match swatch {
            Swatch::Line(c, dashed) => {
                let st = c.stroke_width(self.px(3.0) as u32);
                if dashed {
                    self.dashes((x, cy), (x + sw, cy), self.px(6.0), self.px(4.0), st)?;
                } else {
                    self.draw(&PathElement::new(vec![(x, cy), (x + sw, cy)], st))?;
                }
            }
            Swatch::Fill(c) => self.draw(&Rectangle::new(box_, c.filled()))?,
            Swatch::Dot(c) => self.draw(&Circle::new((x + sw / 2, cy), r, c.filled()))?,
            Swatch::Ring(c) => {
                self.draw(&Circle::new((x + sw / 2, cy), r, WHITE.filled()))?;
                self.draw(&Circle::new(
                    (x + sw / 2, cy),
                    r,
                    c.stroke_width(self.px(1.5) as u32),
                ))?
            }
            Swatch::Diamond(c) => self.draw(&diamond((x + sw / 2, cy), r + 2, c.filled()))?,
            Swatch::Square(c) => self.draw(&Rectangle::new(
                [(x + sw / 2 - r, cy - r), (x + sw / 2 + r, cy + r)],
                c.filled(),
            ))?,
            Swatch::Bound(c) => {
                trend::bound_marker(self, (x + sw / 2, cy + r), true, c, r + 2)?;
            }
            Swatch::LineMark(c, slot) => {
                let st = c.stroke_width(self.px(3.0) as u32);
                self.draw(&PathElement::new(vec![(x, cy), (x + sw, cy)], st))?;
                let shape = style::scenario_shape(slot);
                grade::draw(self, shape, c, (x + sw / 2, cy), r)?;
            }
            Swatch::Grade(s) => {
                let (c, shape) = grade::mark(s);
                grade::draw(self, shape, c, (x + sw / 2, cy), r + 1)?;
            }
            Swatch::None => {}
        }
        Ok(())
    }
}
