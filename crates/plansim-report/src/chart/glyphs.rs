//! Rasterised glyphs, kept per thread: a report draws the same few hundred glyphs at the same
//! sizes thousands of times, and parsing and filling each outline again was a fifth of its time.
//! A glyph is rasterised once per size and sixteenth of a pixel of pen position, at that
//! position within its pixel, and then only blitted: the same pixels whatever was drawn before.

use ab_glyph::{Font, FontRef, GlyphId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Pen positions are rounded to this fraction of a pixel.
const STEPS: f32 = 16.0;
/// Glyphs kept per thread before the cache starts over (a few MB at most).
const KEEP: usize = 20_000;

/// The pixels of one glyph: offsets from the whole-pixel pen and coverage above 1 %.
pub struct Glyph {
    pub pixels: Vec<(i32, i32, f32)>,
}

type Key = (u16, u32, u8, u32);

thread_local! {
    static CACHE: RefCell<HashMap<Key, Rc<Glyph>>> = RefCell::new(HashMap::new());
}

/// The glyph `id` of `face` at `scale`, with its pen at (`x`, `baseline`): the whole pixel of the
/// pen and the glyph's pixels relative to it.
pub fn glyph(
    face: &FontRef<'static>,
    id: GlyphId,
    scale: ab_glyph::PxScale,
    x: f32,
    baseline: f32,
) -> ((i32, i32), Rc<Glyph>) {
    let (ix, iy) = (x.floor(), baseline.floor());
    // the fraction of the pen position in sixteenths (16 carries into the next pixel)
    let steps = ((x - ix) * STEPS).round();
    let (ix, sx) = if steps >= STEPS {
        (ix + 1.0, 0u8)
    } else {
        (ix, steps as u8)
    };
    let fy = baseline - iy;
    let key = (id.0, scale.x.to_bits(), sx, fy.to_bits());
    let g = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(g) = c.get(&key) {
            return g.clone();
        }
        if c.len() >= KEEP {
            c.clear();
        }
        let at = ab_glyph::point(f32::from(sx) / STEPS, fy);
        let mut pixels = Vec::new();
        if let Some(outline) = face.outline_glyph(id.with_scale_and_position(scale, at)) {
            let b = outline.px_bounds();
            let (bx, by) = (b.min.x as i32, b.min.y as i32);
            outline.draw(|gx, gy, cover| {
                if cover > 0.01 {
                    pixels.push((bx + gx as i32, by + gy as i32, cover.min(1.0)));
                }
            });
        }
        let g = Rc::new(Glyph { pixels });
        c.insert(key, g.clone());
        g
    });
    ((ix as i32, iy as i32), g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::font;

    #[test]
    fn a_cached_glyph_is_the_glyph_drawn_in_place() {
        let face = font::face().expect("the bundled font");
        let scale = ab_glyph::PxScale::from(22.5);
        let id = face.glyph_id('森');
        // pen at 101.25: whole pixel 101, a quarter into it (4 sixteenths)
        let ((ix, iy), g) = glyph(face, id, scale, 101.25, 40.5);
        assert_eq!((ix, iy), (101, 40));
        let ((_, _), again) = glyph(face, id, scale, 7.25, 3.5);
        assert!(
            Rc::ptr_eq(&g, &again),
            "the same fraction is one cache entry"
        );
        // drawn directly at (101.25, 40.5), the glyph covers the same pixels, shifted by the
        // whole pen position, with the same coverage to float rounding
        let outline = face
            .outline_glyph(id.with_scale_and_position(scale, ab_glyph::point(101.25, 40.5)))
            .expect("森 has an outline");
        let b = outline.px_bounds();
        let mut direct = Vec::new();
        outline.draw(|gx, gy, c| {
            if c > 0.01 {
                direct.push((
                    b.min.x as i32 + gx as i32,
                    b.min.y as i32 + gy as i32,
                    c.min(1.0),
                ));
            }
        });
        assert!(
            direct.len() > 100,
            "a CJK glyph at 22 px inks over 100 pixels"
        );
        assert_eq!(direct.len(), g.pixels.len());
        for (d, c) in direct.iter().zip(&g.pixels) {
            assert_eq!((d.0, d.1), (c.0 + ix, c.1 + iy));
            assert!((d.2 - c.2).abs() < 1e-3);
        }
    }
}
