//! What an indicator row means, decided in one place for check, project, simulate, assess and
//! the charts: which way it should move (`direction`), what kind of quantity its cells hold
//! ([`Quantity`]: a level, a share, a year's growth rate, a change over the period, a running
//! total — the cells decide, not the name), where its baseline lies, and what kind of target it
//! states ([`TargetKind`]).
mod direction;
pub(crate) mod goal;
mod quantity;
mod reading;
mod relation;
mod target;

pub use direction::direction;
pub use goal::GoalKind;
pub(crate) use quantity::growth_or_ratio_name;
pub use quantity::{Quantity, quantity};
pub use reading::mark_readings;
pub(crate) use reading::one_reading;
pub(crate) use relation::same_indicator;
pub use relation::{Relation, relation};
pub use target::{Of, TargetKind, target};

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
    /// Where the base of a rise counted from it comes from, when not from the plan's base year
    /// as printed: a base-year outturn in place of a starred earlier figure, or that figure
    /// kept for want of one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_note: Option<BaseNote>,
    /// For a row measuring a change whose outturns include its quantity's levels (a growth
    /// row fed `104`, `108` of 地区生产总值), the level in the plan's base year from the row
    /// of the same region and plan that measures the level: the first year's change counts
    /// from it. Set with the outturns ([`crate::actuals::Resolved::meaning`]).
    #[serde(skip)]
    pub level_base: Option<(i32, f64)>,
}

/// The base of a target counted from it (`人均预期寿命 〔1〕`) is the plan's base year; a row
/// printing an earlier figure (`77.3*`, a 2019 value in a 2020 column) is set right here.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum BaseNote {
    /// The plan's base-year outturn replaces the printed earlier figure.
    Outturn {
        /// The plan's base year.
        year: i32,
        /// Its outturn.
        value: f64,
        /// The year of the printed figure.
        printed_year: i32,
        /// The printed figure.
        printed: f64,
    },
    /// The next plan's table prints the plan's base-year figure (its own base): it replaces
    /// the printed earlier figure.
    NextPlan {
        /// The plan's base year.
        year: i32,
        /// The next plan's figure for it.
        value: f64,
        /// The year of the printed figure.
        printed_year: i32,
        /// The printed figure.
        printed: f64,
    },
    /// No outturn of the plan's base year is known: the earlier figure stands in for it.
    Earlier {
        /// The year of the printed figure.
        year: i32,
        /// The plan's base year.
        plan_year: i32,
    },
}

/// A figure for the plan's base year known outside the row: an outturn, or the next plan's
/// table's base.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum KnownBase {
    /// A published outturn of that year.
    Outturn(f64),
    /// The base the next plan's table prints for that year.
    NextPlan(f64),
}

impl Meaning {
    /// Reads a row from its table alone: its quantity, direction, baseline and target.
    pub fn of(ind: &Indicator) -> Meaning {
        Meaning::with_base_outturn(ind, None)
    }

    /// Reads a row, the base of a rise counted from it taken from `outturn`, the plan's
    /// base-year outturn, where the row prints an earlier figure (see [`BaseNote`]). The one
    /// place a row's meaning is made; [`crate::actuals::Resolved`] keeps each row's for every
    /// command.
    pub(crate) fn with_base_outturn(ind: &Indicator, outturn: Option<f64>) -> Meaning {
        Meaning::with_known_base(ind, outturn.map(KnownBase::Outturn))
    }

    /// [`Meaning::with_base_outturn`] with a figure known from an outturn or from the next
    /// plan's table.
    pub(crate) fn with_known_base(ind: &Indicator, known: Option<KnownBase>) -> Meaning {
        let quantity = quantity(ind);
        let direction = direction(ind);
        let base = baseline(ind, quantity);
        let target = target(ind, quantity, direction, base.map(|b| b.1));
        let mut m = Meaning {
            quantity,
            direction,
            base,
            target,
            // the name (`（名义）`), the unit (`%（可比价）`), else a note on the row
            // (`增速按不变价格计算`)
            basis: Name::parse(&ind.name)
                .basis()
                .or_else(|| crate::names::basis_of(&ind.unit.raw))
                .or_else(|| {
                    ind.notes
                        .iter()
                        .find_map(|n| crate::names::basis_of(&n.text))
                }),
            base_note: None,
            level_base: None,
        };
        m.rebase(ind, known);
        m
    }

    /// Whether the target is counted from the base (`〔1〕` 岁, `提高6个百分点`, `翻一番`): it
    /// moves when the base does.
    pub(crate) fn counts_from_base(&self, ind: &Indicator) -> bool {
        self.base.is_some_and(|(_, value)| {
            target(ind, self.quantity, self.direction, Some(value + 1.0)).goal()
                != self.target.goal()
        })
    }

    /// A target that adds a change in the row's own unit to its base (`〔1〕` 岁 → 78.1,
    /// `〔6〕` 百分点 → 46): its path is drawn linearly, point by point.
    pub(crate) fn adds_to_base(&self, ind: &Indicator) -> bool {
        matches!(self.quantity, Quantity::Level | Quantity::Share)
            && !matches!(ind.target.form, Form::Multiple { .. })
            && self.counts_from_base(ind)
    }

    /// Whether the base year of the row's figure is earlier than the plan's and its target is
    /// counted from that figure: the rows whose base an outturn of the plan's base year sets.
    pub(crate) fn base_before_plan(&self, ind: &Indicator) -> bool {
        self.base
            .is_some_and(|(year, _)| year < plan_base_year(ind))
            && self.counts_from_base(ind)
    }

    fn rebase(&mut self, ind: &Indicator, known: Option<KnownBase>) {
        let Some((year, printed)) = self.base else {
            return;
        };
        if !self.base_before_plan(ind) {
            return;
        }
        let plan_year = plan_base_year(ind);
        let Some(k) = known else {
            self.base_note = Some(BaseNote::Earlier { year, plan_year });
            return;
        };
        let value = match k {
            KnownBase::Outturn(v) | KnownBase::NextPlan(v) => v,
        };
        self.base = Some((plan_year, value));
        self.target = target(ind, self.quantity, self.direction, Some(value));
        self.base_note = Some(match k {
            KnownBase::Outturn(_) => BaseNote::Outturn {
                year: plan_year,
                value,
                printed_year: year,
                printed,
            },
            KnownBase::NextPlan(_) => BaseNote::NextPlan {
                year: plan_year,
                value,
                printed_year: year,
                printed,
            },
        });
    }
}

/// The plan's base year: the year before the period a total covers (`〔1〕` over 2021–2025:
/// 2020), else the row's base year.
pub(crate) fn plan_base_year(ind: &Indicator) -> i32 {
    [&ind.target, &ind.rate]
        .into_iter()
        .find_map(|c| c.period_years)
        .map_or(ind.base_year, |p| (p[0] - 1).max(ind.base_year))
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
    // `＜8‰` is 0.8 % a year
    let (div, more) = if target::per_cent(&ind.rate) == 1.0 {
        (100.0, 2)
    } else {
        (1000.0, 3)
    };
    ind.rate
        .point()
        .map(|n| Num::new(n.value / div, n.decimals + more))
}

/// What a row means, asked of the row itself. These methods of a table's type are written here,
/// in the layer that decides them, so that `table` need not reach up into `meaning`.
impl Indicator {
    /// The stated average annual rate as a fraction (7 → 0.07); `None` when there is none, it
    /// is a period total, or it is no growth of the level (see `stated_growth`).
    pub fn annual_rate(&self) -> Option<Num> {
        crate::meaning::stated_growth(self)
    }

    /// The way the indicator should move (see `direction`).
    pub fn direction(&self) -> Direction {
        crate::meaning::direction(self)
    }
}

#[cfg(test)]
mod tests;
