//! What an indicator row means, decided in one place for check, project, simulate, assess and
//! the charts: which way it should move ([`direction`]), what kind of quantity its cells hold
//! ([`Quantity`]: a level, a share, a year's growth rate, a change over the period, a running
//! total — the cells decide, not the name), where its baseline lies, and what kind of target it
//! states ([`TargetKind`]).
mod direction;
mod quantity;
mod relation;
mod target;

pub use direction::{FALLING_WORDS, direction};
pub use quantity::{Quantity, growth_or_ratio_name, quantity};
pub use relation::{Relation, RelationKind, relation, same_indicator};
pub use target::{Of, TargetKind, about_tolerance, bound_like, target};

use crate::names::{Basis, Name};
use crate::table::{Direction, Form, Indicator, Num, RateKind};
use serde::Serialize;

/// Everything plansim reads into one row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Meaning {
    /// What the row measures.
    pub quantity: Quantity,
    /// Which way the row is meant to move.
    pub direction: Direction,
    /// The year and value the plan starts from, in the row's terms (a level; 100 for a change
    /// index; 0 for a running total; the base year's rate for a rate indicator).
    pub base: Option<(i32, f64)>,
    /// The target and the rule that grades it.
    pub target: TargetKind,
    /// Nominal or real, where the name or its unit note says.
    pub basis: Option<Basis>,
}

impl Meaning {
    /// Reads a row: its quantity, direction, baseline and target.
    pub fn of(ind: &Indicator) -> Meaning {
        let quantity = quantity(ind);
        let direction = direction(ind);
        let base = baseline(ind, quantity);
        let target = target(ind, quantity, direction, base.map(|b| b.1));
        Meaning {
            quantity,
            direction,
            base,
            target,
            basis: Name::parse(&ind.name).basis(),
        }
    }
}

/// The baseline in the row's terms.
pub fn baseline(ind: &Indicator, q: Quantity) -> Option<(i32, f64)> {
    let value = match q {
        Quantity::PeriodChange => Some(100.0),
        Quantity::RunningTotal => Some(0.0),
        Quantity::Rate => match ind.base.form {
            Form::Number { value } | Form::About { value } => Some(value.value),
            _ => None,
        },
        Quantity::Level | Quantity::Share => ind.base_level().map(|n| n.value),
    }?;
    Some((ind.base_year, value))
}

/// The stated rate as the annual growth of the row's level (7 → 0.07): `None` when there is
/// none, when it is a period total, when the row is itself a growth rate (its rate column
/// then holds the target on its yearly values), or when it bounds a share's yearly values
/// (`城镇调查失业率 <5.5`).
pub(crate) fn stated_growth(ind: &Indicator) -> Option<Num> {
    if ind.rate_kind != RateKind::Annual || ind.rate_cumulative || ind.rate.is_period_total() {
        return None;
    }
    let q = quantity(ind);
    if q == Quantity::Rate {
        return None;
    }
    if let TargetKind::AnnualBound { of: Of::Values, .. } =
        target(ind, q, direction(ind), ind.base_level().map(|n| n.value))
    {
        return None;
    }
    ind.rate
        .point()
        .map(|n| Num::new(n.value / 100.0, n.decimals + 2))
}

#[cfg(test)]
mod tests;
