//! Serde helpers that write the engine's fractions (0.0705) as the percent people read and every
//! CSV and JSON output uses (7.05): rates in percent a year, σ in points. Rounded to 10 decimals
//! so that 0.07·100 prints as 7, not 7.000000000000001.
use crate::table::Num;
use serde::Serializer;

fn pct(v: f64) -> f64 {
    (v * 100.0 * 1e10).round() / 1e10
}

/// Writes a fraction as percent.
pub fn one<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(pct(*v))
}

/// Writes an optional fraction as percent.
pub fn opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.serialize_some(&pct(*v)),
        None => s.serialize_none(),
    }
}

/// Writes fractions as percents.
pub fn many<S: Serializer>(v: &[f64], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|v| pct(*v)))
}

/// A stated rate with its printed decimals, both in percent (`7` with 0 decimals).
pub(crate) fn num<S: Serializer>(v: &Option<Num>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(n) => s.serialize_some(&Num::new(pct(n.value), n.decimals.saturating_sub(2))),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fractions_print_as_percent() {
        let json = |v: f64| {
            let mut out = Vec::new();
            super::one(&v, &mut serde_json::Serializer::new(&mut out)).unwrap();
            String::from_utf8(out).unwrap()
        };
        // 0.07·100 = 7.000000000000001 in binary
        assert_eq!(json(0.07), "7.0");
        assert_eq!(json(0.1075117), "10.75117");
    }
}
