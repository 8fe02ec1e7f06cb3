//! Colours, sizes and number formats shared by the chart kinds.

use super::font::FAMILY;
use plotters::style::{IntoFont, RGBColor, TextStyle};

pub const WHITE: RGBColor = RGBColor(255, 255, 255);
pub const INK: RGBColor = RGBColor(33, 37, 41);
pub const MUTED: RGBColor = RGBColor(96, 102, 110);
pub const FAINT: RGBColor = RGBColor(150, 155, 160);
pub const GRID: RGBColor = RGBColor(228, 230, 233);
pub const TARGET: RGBColor = RGBColor(176, 28, 62);
pub const CEILING: RGBColor = RGBColor(120, 120, 120);

/// Line colours for scenarios, from the Okabe–Ito palette (readable with colour blindness),
/// yellow left out (unreadable on white) and brown and grey added: a scenario keeps its slot
/// (its place in the batch) on every chart.
pub const SCENARIOS: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(0, 0, 0),
    RGBColor(136, 102, 34),
    RGBColor(120, 120, 120),
];

/// The colour of a scenario's slot.
pub fn scenario_colour(slot: usize) -> RGBColor {
    SCENARIOS[slot % SCENARIOS.len()]
}

/// The marker of a scenario's slot, drawn at its line's end, before its end label and in the
/// legend: scenarios tell apart without colour.
pub fn scenario_shape(slot: usize) -> Shape {
    const SHAPES: [Shape; 8] = [
        Shape::Circle,
        Shape::Square,
        Shape::TriangleUp,
        Shape::Diamond,
        Shape::TriangleDown,
        Shape::Star,
        Shape::Ring,
        Shape::HollowSquare,
    ];
    SHAPES[slot % SHAPES.len()]
}

/// The shading of forecast years.
pub const FORECAST: RGBColor = RGBColor(240, 241, 244);

/// Status colours, also the ends and middle of the probability scale.
pub const GOOD: RGBColor = RGBColor(0, 150, 110);
pub const WARN: RGBColor = RGBColor(225, 150, 0);
pub const BAD: RGBColor = RGBColor(205, 60, 40);
pub const NONE: RGBColor = RGBColor(150, 150, 150);

/// A colour for a probability in 0..=1: red at 0, amber at 0.5, green at 1.
pub fn probability_colour(p: f64) -> RGBColor {
    let p = if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (a, b, t) = if p < 0.5 {
        (BAD, WARN, p / 0.5)
    } else {
        (WARN, GOOD, (p - 0.5) / 0.5)
    };
    let mix = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// A pale version of a colour for fills behind text.
pub fn tint(c: RGBColor, amount: f64) -> RGBColor {
    let m = |x: u8| (255.0 - (255.0 - x as f64) * amount).round() as u8;
    RGBColor(m(c.0), m(c.1), m(c.2))
}

/// Sizes scale with the image: 1.0 at 1000×600.
#[derive(Clone, Copy, Debug)]
pub struct Scale(pub f64);

impl Scale {
    pub fn of(width: u32, height: u32) -> Scale {
        Scale(
            (width as f64 / 1000.0)
                .min(height as f64 / 600.0)
                .clamp(0.3, 6.0),
        )
    }
    /// The scale of a chart as wide as `width` and as tall as its rows need (a bar a row):
    /// its text is as large as a 1000-pixel-wide chart's, however few the rows.
    pub fn of_width(width: u32) -> Scale {
        Scale((width as f64 / 1000.0).clamp(0.3, 6.0))
    }
    /// A length in pixels, at least 1.
    pub fn px(self, v: f64) -> i32 {
        (v * self.0).round().max(1.0) as i32
    }
    /// A font size. plotters draws text at about 70 % of the nominal size, hence the sizes
    /// used by the charts (title 34, axis names 22 at 1000×600).
    pub fn font(self, v: f64) -> f64 {
        (v * self.0).max(9.0)
    }
}

pub fn text(size: f64, color: RGBColor) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&color)
}

/// Decimals that distinguish ticks `step` apart.
pub fn decimals_for(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 0;
    }
    (0..=4)
        .find(|&d| {
            let x = step * 10f64.powi(d as i32);
            (x - x.round()).abs() < 1e-6 * x.max(1.0)
        })
        .unwrap_or(4)
}

/// A value for a label: thousands get no decimals, small values up to `max_dec`.
pub fn number(v: f64, max_dec: usize) -> String {
    let dec = if v.abs() >= 1000.0 {
        0
    } else if v.abs() >= 100.0 {
        max_dec.min(1)
    } else {
        max_dec
    };
    let s = format!("{v:.dec$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A value with exactly `dec` decimals (fewer from 100 up, none from 1000 up), for value
/// labels that sit side by side.
pub fn fixed(v: f64, dec: usize) -> String {
    let dec = if v.abs() >= 1000.0 {
        0
    } else if v.abs() >= 100.0 {
        dec.min(1)
    } else {
        dec
    };
    format!("{v:.dec$}")
}

/// A "nice" tick step giving about `count` ticks over `span`: 1, 2, 2.5 or 5 × 10^k.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let r = raw / mag;
    let m = if r <= 1.0 {
        1.0
    } else if r <= 2.0 {
        2.0
    } else if r <= 2.5 {
        2.5
    } else if r <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probability_scale_ends() {
        assert_eq!(probability_colour(0.0), BAD);
        assert_eq!(probability_colour(0.5), WARN);
        assert_eq!(probability_colour(1.0), GOOD);
        assert_eq!(probability_colour(f64::NAN), BAD);
        // a quarter: halfway from BAD (205,60,40) to WARN (225,150,0) = (215,105,20)
        assert_eq!(probability_colour(0.25), RGBColor(215, 105, 20));
    }

    #[test]
    fn steps_and_numbers() {
        // span 100 in about 5 ticks: raw 20 → 2 × 10
        assert_eq!(nice_step(100.0, 5), 20.0);
        // span 0.9 / 4 = 0.225 → 2.5 × 0.1
        assert!((nice_step(0.9, 4) - 0.25).abs() < 1e-12);
        assert_eq!(decimals_for(0.25), 2);
        assert_eq!(decimals_for(0.05), 2);
        assert_eq!(decimals_for(20.0), 0);
        assert_eq!(number(1234.6, 2), "1235");
        assert_eq!(number(13.39, 2), "13.39");
        assert_eq!(number(70.0, 1), "70");
        assert_eq!(number(305.84, 2), "305.8");
        assert_eq!(fixed(605.0, 1), "605.0");
        assert_eq!(fixed(13.391, 2), "13.39");
    }
}

/// A marker's outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Star,
    Circle,
    TriangleUp,
    Square,
    Diamond,
    TriangleDown,
    /// Hollow: no evidence.
    Ring,
    /// Hollow: words only.
    HollowSquare,
}
