//! Numbers as people read them: the one formatter behind the checks' and grades' messages, the
//! report's pages and the command line's tables.

/// How many decimals a number shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digits {
    /// Four significant digits, trailing zeros dropped, for sentences: `7.055`, `0.5076`,
    /// `305.8`, `1400`, `5`.
    Significant,
    /// Decimals by size and kept, so that a table's column lines up: `1400`, `305.8`, `30.33`,
    /// `5.00`, `0.507`.
    Column,
    /// A fixed number of decimals: `Fixed(2)` for paces (`10.75`).
    Fixed(usize),
}

/// `v` with the decimals `digits` asks for; NaN and infinities as Rust prints them.
pub fn number(v: f64, digits: Digits) -> String {
    if !v.is_finite() {
        return format!("{v}");
    }
    match digits {
        Digits::Significant => {
            let magnitude = if v == 0.0 {
                0
            } else {
                v.abs().log10().floor() as i32
            };
            let decimals = (3 - magnitude).clamp(0, 12) as usize;
            let s = format!("{v:.decimals$}");
            if s.contains('.') {
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                s
            }
        }
        Digits::Column => {
            let a = v.abs();
            let decimals = if a >= 1000.0 {
                0
            } else if a >= 100.0 {
                1
            } else if a >= 1.0 {
                2
            } else {
                3
            };
            format!("{v:.decimals$}")
        }
        Digits::Fixed(decimals) => format!("{v:.decimals$}"),
    }
}

/// A number for messages: [`Digits::Significant`].
pub fn significant(v: f64) -> String {
    number(v, Digits::Significant)
}

/// A fraction as percent with `decimals` decimals: `7.00%` for 0.07 at two. A value that
/// rounds to zero shows as `0.00%`: −0.00% reads as a fall that is not there.
pub fn percent(fraction: f64, decimals: usize) -> String {
    let v = fraction * 100.0;
    let v = if v.abs() < 0.5 * 10f64.powi(-(decimals as i32)) {
        0.0
    } else {
        v
    };
    format!("{}%", number(v, Digits::Fixed(decimals)))
}

/// A probability in whole percent, never a certainty: `85%`, `>99%`, `<1%`.
pub fn chance(p: f64) -> String {
    if p > 0.995 {
        ">99%".into()
    } else if p < 0.005 {
        "<1%".into()
    } else {
        percent(p, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_by_digits() {
        // four significant digits: 7.0551 → 7.055; 0.50764 → 0.5076; 305.84 → 305.8;
        // 1400.4 → 1400 (no decimals from 1000 on); 5.0 → 5.000 → 5 with zeros dropped
        let sig: Vec<String> = [7.0551, 0.50764, 305.84, 1400.4, 5.0, 0.0, -12.345]
            .into_iter()
            .map(significant)
            .collect();
        assert_eq!(
            sig,
            ["7.055", "0.5076", "305.8", "1400", "5", "0", "-12.35"]
        );
        // by size, kept: ≥1000 none, ≥100 one, ≥1 two, below 1 three
        let col: Vec<String> = [1400.4, 305.84, 30.333, 5.0, 0.5076, -843.66]
            .into_iter()
            .map(|v| number(v, Digits::Column))
            .collect();
        assert_eq!(col, ["1400", "305.8", "30.33", "5.00", "0.508", "-843.7"]);
        assert_eq!(number(10.754, Digits::Fixed(2)), "10.75");
        assert_eq!(number(f64::NAN, Digits::Column), "NaN");
    }

    #[test]
    fn percents_and_chances() {
        // 0.0705 = 7.05 %; −0.00004 = −0.004 %, which rounds to zero at two decimals
        assert_eq!(percent(0.0705, 2), "7.05%");
        assert_eq!(percent(-0.00004, 2), "0.00%");
        assert_eq!(percent(-0.0234, 1), "-2.3%");
        // 0.46 → 46 %; above 99.5 % and below 0.5 % never read as certain
        assert_eq!(chance(0.46), "46%");
        assert_eq!(chance(0.996), ">99%");
        assert_eq!(chance(0.004), "<1%");
    }
}
