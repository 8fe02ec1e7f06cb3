//! The unit column: what kind of quantity it names and the magnitude it carries (`亿元` = 1e8 元).

use super::normalize::fold;
use super::notation::Cell;
use super::number::Magnitude;
use serde::Serialize;

/// A unit as printed, with what plansim needs to know of it.
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
