//! The unit column: what kind of quantity it names and the magnitude it carries (`亿元` = 1e8 元).

use super::normalize::fold;
use super::notation::Cell;
use super::number::Magnitude;
use serde::Serialize;

/// A unit as printed, with what plansim needs to know of it.
///
/// # Example
///
/// ```
/// use plansim_core::Unit;
///
/// // 亿元 is 10⁸ yuan
/// let u = Unit::parse("亿元");
/// assert_eq!((u.raw.as_str(), u.scale), ("亿元", 1e8));
/// assert_eq!(Unit::parse("万人").scale, 1e4);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unit {
    /// The unit as printed.
    pub raw: String,
    /// What kind of unit.
    pub kind: UnitKind,
    /// Magnitude built into the unit: 1e8 for `亿元`, 1e4 for `万人`, 1 for `元`.
    pub scale: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
/// What a unit measures, for ceilings, models and checks.
pub enum UnitKind {
    /// `%`: a share or a rate, naturally within 0–100 for shares.
    Percent,
    /// `‰`.
    PerMille,
    /// Percentage points: `个百分点`.
    Points,
    /// Per so many people or per area: `件/万人`, `张/千人`, `人/千人`.
    Ratio,
    /// An amount of money: `元`, `万元`, `亿元`.
    Money,
    /// People, items, area, tons…: a count or physical quantity.
    Quantity,
    /// `岁`, `年`, `天`: durations.
    Duration,
    /// No unit given.
    Unitless,
}

impl Unit {
    /// Reads a unit as plans print it (`亿元`, `%`, `件/万人`).
    pub fn parse(raw: &str) -> Unit {
        let s = fold(raw);
        let body = s.trim_start_matches('(').trim_end_matches(')');
        let (scale, rest) = match Magnitude::prefix_of(body) {
            // `万人` is 1e4 people, but `万人口` or `/万人` is a ratio handled below
            Some((m, len)) if !body.contains('/') => (m.factor(), &body[len..]),
            _ => (1.0, body),
        };
        let kind = if body.is_empty() || crate::table::normalize::is_blank_mark(body) {
            UnitKind::Unitless
        } else if body == "%" || body == "百分比" {
            UnitKind::Percent
        } else if body == "‰" {
            UnitKind::PerMille
        } else if body.contains("百分点") {
            UnitKind::Points
        } else if body.contains('/') || body.starts_with('每') {
            UnitKind::Ratio
        } else if rest.ends_with('元') || rest.contains("美元") {
            UnitKind::Money
        } else if matches!(rest, "岁" | "年" | "天" | "日" | "月" | "小时") {
            UnitKind::Duration
        } else {
            UnitKind::Quantity
        };
        Unit {
            raw: raw.to_string(),
            kind,
            scale,
        }
    }

    pub(crate) fn is_share(&self) -> bool {
        matches!(self.kind, UnitKind::Percent | UnitKind::PerMille)
    }

    /// The natural ceiling of a share: 100 for `%`, 1000 for `‰`.
    pub fn ceiling(&self) -> Option<f64> {
        match self.kind {
            UnitKind::Percent => Some(100.0),
            UnitKind::PerMille => Some(1000.0),
            _ => None,
        }
    }

    /// The factor that takes a value in this unit into `to` when both measure one quantity:
    /// the magnitudes (`亿元` → `万元`: 1e4) and the measures (`亿吨` → `万亿斤`: 0.2 — a 吨 is
    /// 2000 斤; `‰` → `%`: 0.1; `万亩` → `公顷`: 666.7). `None` when they measure different
    /// things (`%` and `亿元`) or one says nothing.
    pub(crate) fn factor_to(&self, to: &Unit) -> Option<f64> {
        let (from_scale, from_base) = measure_of(&self.raw)?;
        let (to_scale, to_base) = measure_of(&to.raw)?;
        if from_base.0 != to_base.0 {
            return None;
        }
        Some(from_scale * from_base.1 / (to_scale * to_base.1))
    }

    /// The factor that brings a cell's printed number into this unit, or `None` when the cell
    /// carries a magnitude the unit cannot take (`305.8亿` under `%`): the cell then speaks for
    /// itself, in its own magnitude.
    pub(crate) fn factor_for(&self, cell: &Cell) -> Option<f64> {
        match cell.magnitude {
            None => Some(1.0),
            Some(_) if self.is_share() || self.kind == UnitKind::Points => None,
            Some(m) => Some(m.factor() / self.scale),
        }
    }
}

/// Measures a unit may be printed in: (word, what it measures, size in that measure's
/// smallest named unit). Longer words first so that `平方公里` is not read as `公里`.
const MEASURES: [(&str, &str, f64); 16] = [
    ("平方公里", "area", 1e6),
    ("平方米", "area", 1.0),
    ("公顷", "area", 1e4),
    ("亩", "area", 1e4 / 15.0),
    ("公斤", "mass", 1.0),
    ("千克", "mass", 1.0),
    ("吨", "mass", 1000.0),
    ("斤", "mass", 0.5),
    ("立方米", "volume", 1.0),
    ("千瓦时", "energy", 1.0),
    ("度", "energy", 1.0),
    ("元", "money", 1.0),
    ("人", "people", 1.0),
    ("个", "count", 1.0),
    ("%", "ratio", 0.01),
    ("‰", "ratio", 0.001),
];

/// A unit as its magnitude and its measure: `万亿斤` → (1e12, (mass, 0.5)).
/// A unit's word after its magnitude (`人` of `万人`, `元` of `亿元`; `件/万人` and `忆元` as they
/// are): an outturn printed in `元` fits a row in `亿元`, not one in a unit that merely ends
/// in 元.
pub(crate) fn word_of(raw: &str) -> String {
    let s = fold(raw);
    let body = s.trim().trim_start_matches('(').trim_end_matches(')');
    match Magnitude::prefix_of(body) {
        Some((_, len)) if !body.contains('/') => body[len..].to_string(),
        _ => body.to_string(),
    }
}

fn measure_of(raw: &str) -> Option<(f64, (&'static str, f64))> {
    let s = fold(raw);
    let body = s.trim_start_matches('(').trim_end_matches(')');
    let (scale, rest) = match Magnitude::prefix_of(body) {
        Some((m, len)) => (m.factor(), &body[len..]),
        None => (1.0, body),
    };
    // `亿吨标准煤` is a mass of coal equivalent: its measure is the word it starts with
    let &(word, what, size) = MEASURES.iter().find(|(w, _, _)| rest.starts_with(w))?;
    (!rest[word.len()..].contains('/')).then_some((scale, (what, size)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_scales() {
        let cases = [
            ("%", UnitKind::Percent, 1.0),
            ("％", UnitKind::Percent, 1.0),
            ("亿元", UnitKind::Money, 1e8),
            ("万元", UnitKind::Money, 1e4),
            ("元", UnitKind::Money, 1.0),
            ("万人", UnitKind::Quantity, 1e4),
            ("件/万人", UnitKind::Ratio, 1.0),
            ("岁", UnitKind::Duration, 1.0),
            ("亿斤", UnitKind::Quantity, 1e8),
            ("个百分点", UnitKind::Points, 1.0),
            ("", UnitKind::Unitless, 1.0),
        ];
        for (raw, kind, scale) in cases {
            let u = Unit::parse(raw);
            assert_eq!((u.kind, u.scale), (kind, scale), "{raw}");
        }
    }

    #[test]
    fn a_units_word_is_what_follows_its_magnitude() {
        for (raw, word) in [
            ("万人", "人"),
            ("亿元", "元"),
            ("元", "元"),
            ("忆元", "忆元"),
            ("件/万人", "件/万人"),
            ("（万亩）", "亩"),
            ("%", "%"),
        ] {
            assert_eq!(word_of(raw), word, "{raw}");
        }
    }

    /// By hand: 1 吨 = 2000 斤, so 6.5 亿吨 = 13000 亿斤 = 1.3 万亿斤; 1 亩 = 1/15 公顷.
    #[test]
    fn one_quantity_in_two_units_converts() {
        let f = |a: &str, b: &str| Unit::parse(a).factor_to(&Unit::parse(b));
        let close = |x: Option<f64>, y: f64| x.is_some_and(|x| (x - y).abs() < 1e-9 * y.abs());
        assert!(close(f("亿吨", "万亿斤"), 0.2), "{:?}", f("亿吨", "万亿斤"));
        assert!(close(f("万亿斤", "亿吨"), 5.0));
        assert!(close(f("亿吨", "亿斤"), 2000.0));
        assert!(close(f("‰", "%"), 0.1));
        assert!(close(f("亿元", "万元"), 1e4));
        assert!(close(f("万亩", "公顷"), 1e4 / 15.0));
        assert!(close(f("亿吨标准煤", "万吨标准煤"), 1e4));
        assert_eq!(f("%", "亿元"), None);
        assert_eq!(f("件/万人", "件"), None);
    }

    #[test]
    fn magnitudes_reconcile_with_the_unit() {
        let yi = Cell::parse("305.8亿").unwrap();
        // 305.8亿 元 = 3,058,000 万元
        assert_eq!(Unit::parse("万元").factor_for(&yi), Some(1e4));
        assert_eq!(Unit::parse("亿元").factor_for(&yi), Some(1.0));
        assert_eq!(Unit::parse("%").factor_for(&yi), None);
        assert_eq!(
            Unit::parse("%").factor_for(&Cell::parse("63").unwrap()),
            Some(1.0)
        );
    }
}
