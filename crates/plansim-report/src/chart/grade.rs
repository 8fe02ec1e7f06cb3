//! How a grade and the shaded areas of a chart are drawn: each grade its own colour and its own
//! shape, so it reads without colour, and every colour that can meet another on a chart (the
//! grades, the fan, the breach band) at least ΔE00 10 from it to normal eyes and under the
//! Machado deuteranopia and protanopia models (the test below computes every pair).

use super::DrawFail;
use super::frame::Canvas;
pub use super::style::Shape;
use super::style::{FORECAST, INK, WHITE};
use plansim_core::assess::Status;
use plotters::prelude::*;

/// A grade's colour and shape: met early a dark green star, met a green circle, faster a light
/// blue triangle, on track a blue square, behind an orange diamond, missed a vermilion
/// triangle pointing down, no evidence a grey ring, words only a dark hollow square. Moving
/// away is drawn as behind.
pub fn mark(s: Status) -> (RGBColor, Shape) {
    match s {
        Status::Ahead => (RGBColor(0, 100, 70), Shape::Star),
        Status::Achieved => (RGBColor(0, 158, 115), Shape::Circle),
        Status::Faster => (RGBColor(120, 190, 250), Shape::TriangleUp),
        Status::OnTrack => (RGBColor(0, 114, 178), Shape::Square),
        Status::Lagging | Status::Regressing => (RGBColor(230, 159, 0), Shape::Diamond),
        Status::Missed => (RGBColor(213, 94, 0), Shape::TriangleDown),
        Status::InsufficientData => (RGBColor(170, 170, 170), Shape::Ring),
        Status::Qualitative => (RGBColor(50, 50, 50), Shape::HollowSquare),
    }
}

/// The fan's hue, a slate blue no scenario line uses: the fan shows uncertainty, whichever
/// scenario it belongs to (its median is dashed in the scenario's colour).
pub const FAN: RGBColor = RGBColor(60, 80, 140);
/// The hue of the zone beyond an upper bound the baseline meets (`4以内`): amber, apart from
/// the blue fan for every kind of eye (a pink band read as the pink fan did not).
pub const BREACH: RGBColor = RGBColor(230, 159, 0);

/// How opaque the fan's bands are painted, the inner over the outer.
pub const FAN_ALPHA: (f64, f64) = (0.25, 0.40);
/// How opaque the breach zone is painted.
pub const BREACH_ALPHA: f64 = 0.20;

fn over(c: RGBColor, alpha: f64, under: RGBColor) -> RGBColor {
    let m = |a: u8, b: u8| (f64::from(b) + (f64::from(a) - f64::from(b)) * alpha).round() as u8;
    RGBColor(m(c.0, under.0), m(c.1, under.1), m(c.2, under.2))
}

/// The 5–95 % fan as painted over the forecast shading, opaque.
pub fn fan_outer() -> RGBColor {
    over(FAN, FAN_ALPHA.0, FORECAST)
}

/// The 25–75 % fan: the outer's colour with the fan hue again over it.
pub fn fan_inner() -> RGBColor {
    over(FAN, FAN_ALPHA.1, fan_outer())
}

/// The breach zone, on white and on the forecast shading.
pub fn breach(under: RGBColor) -> RGBColor {
    over(BREACH, BREACH_ALPHA, under)
}

/// The breach zone on white, for legends.
pub fn breach_fill() -> RGBColor {
    breach(WHITE)
}

/// Draws `shape` centred at `at`, `r` pixels from its centre to its rim, outlined in ink so a
/// pale colour keeps its edge.
pub fn draw<DB: DrawingBackend>(
    cv: &Canvas<DB>,
    shape: Shape,
    c: RGBColor,
    at: (i32, i32),
    r: i32,
) -> Result<(), DrawFail> {
    let rim = INK.stroke_width(cv.px(1.0) as u32);
    let hollow = c.stroke_width(cv.px(2.0).max(2) as u32);
    let closed = |mut p: Vec<(i32, i32)>| {
        p.push(p[0]);
        p
    };
    let poly = |pts: Vec<(i32, i32)>| -> Result<(), DrawFail> {
        cv.draw(&Polygon::new(pts.clone(), c.filled()))?;
        cv.draw(&PathElement::new(closed(pts), rim))
    };
    let (x, y) = at;
    match shape {
        Shape::Circle => {
            cv.draw(&Circle::new(at, r, c.filled()))?;
            cv.draw(&Circle::new(at, r, rim))
        }
        Shape::Ring => {
            cv.draw(&Circle::new(at, r, WHITE.filled()))?;
            cv.draw(&Circle::new(at, r - 1, hollow))
        }
        Shape::Square => poly(square(at, r * 9 / 10)),
        Shape::HollowSquare => {
            let s = square(at, r * 9 / 10);
            cv.draw(&Polygon::new(s.clone(), WHITE.filled()))?;
            cv.draw(&PathElement::new(closed(s), hollow))
        }
        Shape::Diamond => poly(vec![
            (x, y - r - 1),
            (x + r + 1, y),
            (x, y + r + 1),
            (x - r - 1, y),
        ]),
        Shape::TriangleUp | Shape::TriangleDown => {
            let d = if shape == Shape::TriangleUp { 1 } else { -1 };
            let h = r + 1;
            poly(vec![
                (x, y - d * h),
                (x + h, y + d * h * 3 / 4),
                (x - h, y + d * h * 3 / 4),
            ])
        }
        Shape::Star => {
            let rr = f64::from(r + 2);
            let pts = (0..10)
                .map(|i| {
                    let a = std::f64::consts::PI * (f64::from(i) / 5.0 - 0.5);
                    let k = if i % 2 == 0 { rr } else { rr * 0.45 };
                    (
                        x + (k * a.cos()).round() as i32,
                        y + (k * a.sin()).round() as i32,
                    )
                })
                .collect();
            poly(pts)
        }
    }
}

fn square((x, y): (i32, i32), r: i32) -> Vec<(i32, i32)> {
    vec![
        (x - r, y - r),
        (x + r, y - r),
        (x + r, y + r),
        (x - r, y + r),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::vision::{Vision, difference};
    use super::*;

    const GRADES: [Status; 8] = [
        Status::Ahead,
        Status::Achieved,
        Status::Faster,
        Status::OnTrack,
        Status::Lagging,
        Status::Missed,
        Status::InsufficientData,
        Status::Qualitative,
    ];

    fn rgb(c: RGBColor) -> (u8, u8, u8) {
        (c.0, c.1, c.2)
    }

    /// Every pair of colours that can stand side by side — the eight grades, the two fan
    /// bands, the breach zone on white and on the forecast shading, and the forecast shading
    /// itself beside the fan — is at least ΔE00 10 apart for normal, deuteranope and protanope
    /// eyes. (The breach zone on white and on the shading are one zone and not compared.)
    #[test]
    fn the_palette_stays_apart_for_every_eye() {
        let mut pal: Vec<(String, RGBColor)> = GRADES
            .iter()
            .map(|s| (s.code().to_string(), mark(*s).0))
            .collect();
        pal.push(("fan 5–95".into(), fan_outer()));
        pal.push(("fan 25–75".into(), fan_inner()));
        pal.push(("breach".into(), breach(WHITE)));
        pal.push(("breach (forecast)".into(), breach(FORECAST)));
        pal.push(("forecast".into(), FORECAST));
        let mut worst = (f64::INFINITY, String::new());
        for (i, (a, ca)) in pal.iter().enumerate() {
            for (b, cb) in &pal[i + 1..] {
                if a.starts_with("breach") && b.starts_with("breach")
                    || (a == "forecast" || b == "forecast")
                        && !(a.starts_with("fan") || b.starts_with("fan"))
                {
                    continue;
                }
                for v in Vision::ALL {
                    let d = difference(rgb(*ca), rgb(*cb), v);
                    if d < worst.0 {
                        worst = (d, format!("{a} / {b} ({v:?})"));
                    }
                }
            }
        }
        assert!(
            worst.0 >= 10.0,
            "closest pair: {} at ΔE00 {:.2}",
            worst.1,
            worst.0
        );
    }

    #[test]
    fn each_grade_its_own_shape_and_colour() {
        for (i, a) in GRADES.iter().enumerate() {
            for b in &GRADES[i + 1..] {
                assert_ne!(mark(*a).1, mark(*b).1, "{a:?} {b:?}");
                assert_ne!(mark(*a).0, mark(*b).0, "{a:?} {b:?}");
            }
        }
        assert_eq!(mark(Status::Regressing), mark(Status::Lagging));
    }

    /// The fan over the forecast shading (240, 241, 244): 240 + (60 − 240)·0.25 = 195,
    /// 241 + (80 − 241)·0.25 = 200.75 → 201, 244 + (140 − 244)·0.25 = 218; the breach zone on
    /// white: 255 + (230 − 255)·0.2 = 250, 255 + (159 − 255)·0.2 = 235.8 → 236, 255·0.8 = 204.
    #[test]
    fn fills_are_the_hues_over_their_ground() {
        assert_eq!(fan_outer(), RGBColor(195, 201, 218));
        assert_eq!(breach(WHITE), RGBColor(250, 236, 204));
    }
}
