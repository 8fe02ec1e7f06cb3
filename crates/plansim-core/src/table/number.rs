//! Numbers as plans print them: value plus published precision, and the 亿/万 magnitudes.

use serde::Serialize;
use std::fmt;

/// A number with the precision it was published with (`13.39` has 2 decimals).
///
/// # Example
///
/// ```
/// use plansim_core::Num;
///
/// // `13.39` keeps its two printed decimals
/// let n = plansim_core::Cell::parse("13.39").unwrap().point().unwrap();
/// assert_eq!(n, Num::new(13.39, 2));
/// assert_eq!((n.value, n.decimals), (13.39, 2));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Num {
    /// The number as printed.
    pub value: f64,
    /// Decimals printed.
    pub decimals: u8,
}

impl Num {
    /// A number with its decimals.
    pub fn new(value: f64, decimals: u8) -> Self {
        Num { value, decimals }
    }

    /// Half a unit in the last printed digit: the rounding interval around the value.
    pub(crate) fn half_ulp(&self) -> f64 {
        0.5 * 10f64.powi(-(self.decimals as i32))
    }

    /// The interval of true values that print as this number.
    pub(crate) fn interval(&self) -> (f64, f64) {
        (self.value - self.half_ulp(), self.value + self.half_ulp())
    }

    /// The same number times a factor, keeping its printed decimals.
    pub fn scaled(self, factor: f64) -> Num {
        Num {
            value: self.value * factor,
            decimals: self.decimals,
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.*}", self.decimals as usize, self.value)
    }
}

/// A Chinese magnitude word written inside a cell (`305.8亿`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Magnitude {
    /// 千 = 1e3
    Qian,
    /// 万 = 1e4
    Wan,
    /// 亿 = 1e8
    Yi,
    /// 万亿 = 1e12
    WanYi,
}

impl Magnitude {
    /// The factor it multiplies by.
    pub fn factor(self) -> f64 {
        match self {
            Magnitude::Qian => 1e3,
            Magnitude::Wan => 1e4,
            Magnitude::Yi => 1e8,
            Magnitude::WanYi => 1e12,
        }
    }

    /// The character as printed.
    pub fn symbol(self) -> &'static str {
        match self {
            Magnitude::Qian => "千",
            Magnitude::Wan => "万",
            Magnitude::Yi => "亿",
            Magnitude::WanYi => "万亿",
        }
    }

    /// The magnitude a text starts with, and its length in bytes.
    pub(crate) fn prefix_of(s: &str) -> Option<(Magnitude, usize)> {
        [
            ("万亿", Magnitude::WanYi),
            ("亿", Magnitude::Yi),
            ("万", Magnitude::Wan),
            ("千", Magnitude::Qian),
        ]
        .into_iter()
        .find(|(p, _)| s.starts_with(p))
        .map(|(p, m)| (m, p.len()))
    }
}

/// Reads a plain decimal number at the start of `s` (digits, optional thousands commas,
/// optional point, optional leading sign). Returns the number and the bytes consumed.
/// Exponents, `inf` and `NaN` are not how plans print numbers and are not accepted.
pub(crate) fn leading_number(s: &str) -> Option<(Num, usize)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut text = String::new();
    if let Some(&c) = bytes.first()
        && (c == b'-' || c == b'+')
    {
        if c == b'-' {
            text.push('-');
        }
        i += 1;
    }
    let int_start = i;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => text.push(bytes[i] as char),
            // a thousands separator only between digit groups of three
            b',' if i > int_start
                && bytes.len() >= i + 4
                && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit()) => {}
            _ => break,
        }
        i += 1;
    }
    if i == int_start {
        return None;
    }
    let mut decimals = 0usize;
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        text.push('.');
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            text.push(bytes[i] as char);
            decimals += 1;
            i += 1;
        }
    }
    // more decimals than a `Num` keeps could not be printed back to the same value
    let decimals = u8::try_from(decimals).ok()?;
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some((Num::new(value, decimals), i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_with_precision() {
        let cases = [
            ("63", 63.0, 0, 2),
            ("13.39", 13.39, 2, 5),
            ("7.0%", 7.0, 1, 3),
            ("1,234.5亿", 1234.5, 1, 7),
            ("-2.5", -2.5, 1, 4),
            ("12,34", 12.0, 0, 2),
        ];
        for (text, value, decimals, used) in cases {
            let (n, len) = leading_number(text).unwrap();
            assert_eq!(
                (n.value, n.decimals, len),
                (value, decimals, used),
                "{text}"
            );
        }
        assert!(leading_number("abc").is_none());
        assert!(leading_number(".5").is_none());
    }

    #[test]
    fn interval_is_half_a_printed_digit() {
        let (lo, hi) = Num::new(2.56, 2).interval();
        assert!((lo - 2.555).abs() < 1e-12 && (hi - 2.565).abs() < 1e-12);
        assert_eq!(Num::new(7.0, 0).half_ulp(), 0.5);
    }
}
