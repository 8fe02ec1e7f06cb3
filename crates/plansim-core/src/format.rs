//! Numbers as people read them: the one formatter behind the checks' and grades' messages, the
//! report's pages and the command line's tables; and numbers as programs read them, rounded
//! once on their way out ([`derived`], [`printed`], [`json`]) so that CSV, JSON, the workbook
//! and DataFrames show `144.954`, never the binary noise `144.95395499999998`. Nothing is
//! rounded before it is written: grades, probabilities and projections are computed in full.

/// How many decimals a number shows.
///
/// # Example
///
/// ```
/// use plansim_core::{Digits, number};
///
/// // a column: decimals by size, kept, so that the points line up
/// let col: Vec<String> = [1400.0, 305.8, 5.0, 0.5076].map(|v| number(v, Digits::Column)).into();
/// assert_eq!(col, ["1400", "305.8", "5.00", "0.508"]);
/// // a sentence: four significant digits, no trailing zeros
/// assert_eq!(number(5.0, Digits::Significant), "5");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
///
/// # Example
///
/// ```
/// use plansim_core::{Digits, number};
///
/// assert_eq!(number(7.05531, Digits::Significant), "7.055");
/// assert_eq!(number(305.8, Digits::Column), "305.8");
/// assert_eq!(number(10.754, Digits::Fixed(2)), "10.75");
/// ```
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

/// The English noun after a number as shown: `1 point`, `−1 point`, `0.5 points`, `2 points`.
pub fn points(shown: &str) -> &'static str {
    if shown.trim_start_matches(['-', '−']) == "1" {
        "point"
    } else {
        "points"
    }
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

/// Significant digits of every derived value a program reads (projections, bands, paces,
/// rates, σ, gaps, probabilities): six, more than any published figure carries.
pub(crate) const DERIVED_DIGITS: u32 = 6;

/// `v` to `digits` significant digits, as the `f64` nearest that decimal, so that a writer
/// printing the shortest form prints the short decimal: 144.95395499999998 → 144.954 at six.
/// Zero, NaN and infinities are left as they are.
pub(crate) fn round_significant(v: f64, digits: u32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = digits.clamp(1, 17) as usize;
    // decimal formatting rounds the exact binary value; parsing gives the nearest f64 back
    format!("{:.*e}", digits - 1, v).parse().unwrap_or(v)
}

/// `v` to `decimals` decimals, as the `f64` nearest that decimal: 7.000000000000001 → 7.
pub(crate) fn round_decimals(v: f64, decimals: u32) -> f64 {
    if !v.is_finite() {
        return v;
    }
    format!("{:.*}", decimals.min(17) as usize, v)
        .parse()
        .unwrap_or(v)
}

/// A derived value as written out: `DERIVED_DIGITS` significant digits.
pub fn derived(v: f64) -> f64 {
    round_significant(v, DERIVED_DIGITS)
}

/// A table's own figure as written out: `value` as printed with `decimals` decimals, times the
/// `factor` of its magnitude (亿 under 万元: 10⁴), keeping the digits printed (305.8亿 is
/// 3,058,000 万元, not 3,058,000.0000000005).
pub fn printed(value: f64, decimals: u8, factor: f64) -> f64 {
    let own = round_decimals(value, u32::from(decimals));
    if factor == 1.0 {
        return own;
    }
    let whole = if own == 0.0 {
        1
    } else {
        (own.abs().log10().floor() as i32 + 1).max(1)
    };
    round_significant(own * factor, (whole + i32::from(decimals)).max(1) as u32)
}

/// Serde helpers for the CSV rows' columns: `#[serde(serialize_with = "format::out::derived")]`.
pub mod stream;

pub mod out {
    use serde::Serializer;

    /// A derived value, [`super::derived`].
    pub fn derived<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(super::derived(*v))
    }

    /// A derived value that may be missing (written empty).
    pub fn derived_opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_some(&super::derived(*v)),
            None => s.serialize_none(),
        }
    }
}

/// `value` as JSON with every number as published: a table's figure (an object holding `value`
/// and its printed `decimals`) to its decimals, every other float to `DERIVED_DIGITS`
/// significant digits; integers (years, counts, rows) stay integers.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<serde_json::Value> {
    let mut v = serde_json::to_value(value)?;
    round_json(&mut v);
    Ok(v)
}

fn round_json(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Number(n) if n.is_f64() => {
            if let Some(x) = n
                .as_f64()
                .and_then(|x| serde_json::Number::from_f64(derived(x)))
            {
                *n = x;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(round_json),
        Value::Object(map) => {
            let decimals = map.get("decimals").and_then(|d| d.as_u64());
            for (key, item) in map.iter_mut() {
                match (key.as_str(), decimals, item.as_f64()) {
                    ("value", Some(d), Some(x)) if item.is_f64() => {
                        if let Some(n) = serde_json::Number::from_f64(round_decimals(x, d as u32)) {
                            *item = Value::Number(n);
                        }
                    }
                    _ => round_json(item),
                }
            }
        }
        _ => {}
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
    fn numbers_in_messages() {
        assert_eq!(significant(7.0553), "7.055");
        assert_eq!(significant(0.50763), "0.5076");
        assert_eq!(significant(305.8), "305.8");
        assert_eq!(significant(-2.5243), "-2.524");
        assert_eq!(significant(100.0), "100");
        assert_eq!(significant(1400.0), "1400");
        assert_eq!(significant(0.0001), "0.0001");
        assert_eq!(significant(0.0), "0");
        assert_eq!(significant(f64::INFINITY), "inf");
    }

    #[test]
    fn one_point_is_singular() {
        assert_eq!(points("1"), "point");
        assert_eq!(points("-1"), "point");
        assert_eq!(points("1.2"), "points");
        assert_eq!(points("0.5"), "points");
        assert_eq!(points("10"), "points");
    }

    #[test]
    fn percents_in_their_precision() {
        assert_eq!(percent(0.07, 2), "7.00%");
        // 0.05 + 0.01 is 0.060000000000000005 in binary; printed at one decimal
        assert_eq!(percent(0.05 + 0.01, 1), "6.0%");
        assert_eq!(percent(-0.00001, 2), "0.00%");
        assert_eq!(percent(-0.025242614, 3), "-2.524%");
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

    #[test]
    fn noise_is_rounded_away_on_output() {
        // the issue's examples: a projection 144.95395499999998 is 144.954 at six digits; a
        // rate 7.000000000000001 is 7; a change −2.797300000000007 is −2.7973; a sweep value
        // 409.2293816300801 is 409.229
        assert_eq!(derived(144.95395499999998).to_string(), "144.954");
        assert_eq!(derived(7.000000000000001).to_string(), "7");
        assert_eq!(derived(-2.797300000000007).to_string(), "-2.7973");
        assert_eq!(derived(409.2293816300801).to_string(), "409.229");
        // six significant digits whatever the size: 1234567.8 → 1234570, 0.000123456789 →
        // 0.000123457; a probability of 0.9999 stays 0.9999
        assert_eq!(derived(1234567.8), 1234570.0);
        assert_eq!(derived(0.000123456789), 0.000123457);
        assert_eq!(derived(0.9999), 0.9999);
        assert_eq!(derived(0.0), 0.0);
        assert!(derived(f64::NAN).is_nan());
        // 0.07500000000000001 to two decimals of percent is 0.08 (7.5 → 8 at none)
        assert_eq!(round_decimals(0.07500000000000001, 3), 0.075);
        assert_eq!(round_decimals(2.675, 2), 2.67); // 2.675 is 2.67499999… in binary
    }

    #[test]
    fn a_table_figure_keeps_its_printed_digits() {
        // 305.8亿 under 万元: 305.8 × 10⁴ = 3,058,000 (0.1 × 3 would be 0.30000000000000004)
        assert_eq!(printed(305.8, 1, 1e4), 3_058_000.0);
        assert_eq!(printed(0.1 * 3.0, 1, 1.0), 0.3);
        assert_eq!(printed(13.39, 2, 1.0).to_string(), "13.39");
        // 1.05亿 in 万: 10500, three digits printed
        assert_eq!(printed(1.05, 2, 1e4), 10_500.0);
    }

    #[test]
    fn json_rounds_floats_and_keeps_integers_and_printed_figures() {
        let v = serde_json::json!({
            "year": 2022,
            "value": 144.95395499999998,
            "rates": [7.000000000000001, 0.5],
            "cell": { "value": 0.1 * 3.0, "decimals": 1 },
            "wide": { "value": 1234567.8, "decimals": 1 },
        });
        let out = json(&v).unwrap().to_string();
        assert_eq!(
            out,
            r#"{"cell":{"decimals":1,"value":0.3},"rates":[7.0,0.5],"value":144.954,"wide":{"decimals":1,"value":1234567.8},"year":2022}"#
        );
    }
}
