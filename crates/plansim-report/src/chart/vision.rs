//! How far apart two chart colours look, to normal eyes and to the two common red–green colour
//! deficiencies: sRGB → linear RGB → (Machado's dichromacy matrix) → XYZ (D65) → CIELAB →
//! CIEDE2000.
//!
//! CIEDE2000 (Sharma, Wu & Dalal 2005), not CIE76: CIE76 is plain distance in Lab and counts
//! chroma differences among saturated colours several times over (two strong oranges read 20
//! apart while looking alike), so a palette passing CIE76 can still hold look-alikes; CIEDE2000
//! weights lightness, chroma and hue as observers judge them, and its 10 is the stricter test
//! for the saturated grade colours and no weaker for the pale fills.

/// A colour as the eye receives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Vision {
    Normal,
    /// No M cones (green-blind), the most common deficiency.
    Deuteranopia,
    /// No L cones (red-blind).
    Protanopia,
}

impl Vision {
    pub const ALL: [Vision; 3] = [Vision::Normal, Vision::Deuteranopia, Vision::Protanopia];
}

/// Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
/// Vision Deficiency", IEEE TVCG 15(6):1291–1298, table of simulation matrices at severity 1.0,
/// applied to linear RGB.
const DEUTERANOPIA: [[f64; 3]; 3] = [
    [0.367_322, 0.860_646, -0.227_968],
    [0.280_085, 0.672_501, 0.047_413],
    [-0.011_820, 0.042_940, 0.968_881],
];
const PROTANOPIA: [[f64; 3]; 3] = [
    [0.152_286, 1.052_583, -0.204_868],
    [0.114_503, 0.786_281, 0.099_216],
    [-0.003_882, -0.048_116, 1.051_998],
];

fn linear(c: u8) -> f64 {
    let v = f64::from(c) / 255.0;
    if v <= 0.040_45 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

fn times(m: &[[f64; 3]; 3], v: [f64; 3]) -> [f64; 3] {
    let row = |r: &[f64; 3]| r[0] * v[0] + r[1] * v[1] + r[2] * v[2];
    [row(&m[0]), row(&m[1]), row(&m[2])]
}

/// CIELAB (D65 white) of an sRGB colour as seen with `vision`.
pub fn lab(rgb: (u8, u8, u8), vision: Vision) -> [f64; 3] {
    let mut v = [linear(rgb.0), linear(rgb.1), linear(rgb.2)];
    v = match vision {
        Vision::Normal => v,
        Vision::Deuteranopia => times(&DEUTERANOPIA, v),
        Vision::Protanopia => times(&PROTANOPIA, v),
    }
    .map(|x| x.clamp(0.0, 1.0));
    // IEC 61966-2-1 sRGB primaries, D65
    const XYZ: [[f64; 3]; 3] = [
        [0.412_456_4, 0.357_576_1, 0.180_437_5],
        [0.212_672_9, 0.715_152_2, 0.072_175_0],
        [0.019_333_9, 0.119_192_0, 0.950_304_1],
    ];
    let [x, y, z] = times(&XYZ, v);
    let white = [0.950_47, 1.0, 1.088_83];
    let f = |t: f64| {
        if t > 216.0 / 24_389.0 {
            t.cbrt()
        } else {
            (24_389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / white[0]), f(y / white[1]), f(z / white[2]));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 colour difference of two Lab colours (kL = kC = kH = 1).
pub fn ciede2000(a: [f64; 3], b: [f64; 3]) -> f64 {
    use std::f64::consts::PI;
    let deg = |r: f64| r * 180.0 / PI;
    let rad = |d: f64| d * PI / 180.0;
    let c_bar = (a[1].hypot(a[2]) + b[1].hypot(b[2])) / 2.0;
    let g = 0.5 * (1.0 - (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt());
    let prime = |l: [f64; 3]| {
        let ap = (1.0 + g) * l[1];
        let c = ap.hypot(l[2]);
        let h = if ap == 0.0 && l[2] == 0.0 {
            0.0
        } else {
            deg(l[2].atan2(ap)).rem_euclid(360.0)
        };
        (l[0], c, h)
    };
    let (l1, c1, h1) = prime(a);
    let (l2, c2, h2) = prime(b);
    let dl = l2 - l1;
    let dc = c2 - c1;
    let dh = if c1 * c2 == 0.0 {
        0.0
    } else if (h2 - h1).abs() <= 180.0 {
        h2 - h1
    } else if h2 - h1 > 180.0 {
        h2 - h1 - 360.0
    } else {
        h2 - h1 + 360.0
    };
    let d_big_h = 2.0 * (c1 * c2).sqrt() * rad(dh / 2.0).sin();
    let l_bar = (l1 + l2) / 2.0;
    let cp_bar = (c1 + c2) / 2.0;
    let h_bar = if c1 * c2 == 0.0 {
        h1 + h2
    } else if (h1 - h2).abs() <= 180.0 {
        (h1 + h2) / 2.0
    } else if h1 + h2 < 360.0 {
        (h1 + h2 + 360.0) / 2.0
    } else {
        (h1 + h2 - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * rad(h_bar - 30.0).cos()
        + 0.24 * rad(2.0 * h_bar).cos()
        + 0.32 * rad(3.0 * h_bar + 6.0).cos()
        - 0.20 * rad(4.0 * h_bar - 63.0).cos();
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (cp_bar.powi(7) / (cp_bar.powi(7) + 25f64.powi(7))).sqrt();
    let sl = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cp_bar;
    let sh = 1.0 + 0.015 * cp_bar * t;
    let rt = -rad(2.0 * d_theta).sin() * rc;
    ((dl / sl).powi(2)
        + (dc / sc).powi(2)
        + (d_big_h / sh).powi(2)
        + rt * (dc / sc) * (d_big_h / sh))
        .sqrt()
}

/// ΔE00 between two sRGB colours as seen with `vision`.
pub fn difference(a: (u8, u8, u8), b: (u8, u8, u8), vision: Vision) -> f64 {
    ciede2000(lab(a, vision), lab(b, vision))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
    /// supplementary test data, and mathematical observations", table 1: pairs 1, 7, 17 and 25.
    #[test]
    fn ciede2000_matches_the_published_test_data() {
        let pairs = [
            ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
            ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
            ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
            (
                [60.2574, -34.0099, 36.2677],
                [60.4626, -34.1751, 39.4387],
                1.2644,
            ),
        ];
        for (a, b, want) in pairs {
            let d = ciede2000(a, b);
            assert!((d - want).abs() < 1e-4, "{a:?} {b:?}: {d} ≠ {want}");
            assert!((ciede2000(b, a) - want).abs() < 1e-4);
        }
    }

    /// sRGB white is L 100, a = b = 0; pure red is Lab (53.24, 80.09, 67.20) (Lindbloom's
    /// calculator, D65). Every dichromat sees white as white: the matrices' rows sum to 1.
    #[test]
    fn lab_of_known_colours() {
        let w = lab((255, 255, 255), Vision::Normal);
        assert!((w[0] - 100.0).abs() < 1e-3 && w[1].abs() < 1e-2 && w[2].abs() < 1e-2);
        let r = lab((255, 0, 0), Vision::Normal);
        for (x, want) in r.iter().zip([53.24, 80.09, 67.20]) {
            assert!((x - want).abs() < 0.02, "{r:?}");
        }
        for m in [DEUTERANOPIA, PROTANOPIA] {
            for row in m {
                assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-5);
            }
        }
        // a protanope sees pure red dark: linear (0.1523, 0.1145, 0) has Y = 0.2127·0.1523 +
        // 0.7152·0.1145 = 0.1143, L = 116·0.1143^⅓ − 16 = 40.3 (53.2 to a normal eye)
        let l = lab((255, 0, 0), Vision::Protanopia)[0];
        assert!((l - 40.3).abs() < 0.1, "{l}");
    }
}
