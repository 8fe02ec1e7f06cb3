//! The numbers each rule family weighs, typed: one struct per family with its numbers in their
//! units, and the flat fields of the JSON and CSV rows derived from them in one place
//! ([`Evidence::fields`]). A rule fills its own struct; no rule writes a flat field.

use crate::series::SigmaSource;
use serde::Serialize;

/// The unit of a pace, of yearly values or of a gap.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Unit {
    /// Nothing measured yet.
    #[default]
    None,
    /// Compound growth of a level: `% a year`.
    PercentAYear,
    /// Straight-line change of a share or rate: `points a year`.
    PointsAYear,
    /// Headroom inside a bound on a share or rate: `points`.
    Points,
    /// Straight-line change of a level or a running total: `亿 a year`.
    PerYear(String),
    /// Yearly values that are levels, in the row's unit.
    Level(String),
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unit::None => Ok(()),
            Unit::PercentAYear => f.write_str("% a year"),
            Unit::PointsAYear => f.write_str("points a year"),
            Unit::Points => f.write_str("points"),
            Unit::PerYear(u) => write!(f, "{u} a year"),
            Unit::Level(u) => f.write_str(u),
        }
    }
}

/// The latest outturn used: its year, and its value in the target's terms when it has one
/// (a level; a year's rate; the change to date in % for a period total).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Latest {
    /// Its year.
    pub year: i32,
    /// Its value, when it has one.
    pub value: Option<f64>,
}

/// The chance of meeting the target on the observed trend.
#[derive(Clone, Debug, PartialEq)]
pub struct Chance {
    /// P(meet); `None` once the target year is reached.
    pub p: Option<f64>,
    /// The observed changes it rests on.
    pub n: usize,
    /// Their volatility, in the family's pace unit.
    pub sigma: f64,
    /// Where `sigma` comes from.
    pub source: SigmaSource,
}

impl Chance {
    /// From a trend's `(p, σ, source, n)`.
    pub(crate) fn of((p, sigma, source, n): (Option<f64>, f64, SigmaSource, usize)) -> Chance {
        Chance {
            p,
            n,
            sigma,
            source,
        }
    }
}

/// A level, a period total or a running total to reach (`reach`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reach {
    /// The unit of the paces: `% a year` compounding, points or the level's unit a year.
    pub unit: Unit,
    /// The pace of outturns up to the base year.
    pub history_pace: Option<f64>,
    /// The target as a level (a change index, base year = 100, for a period total).
    pub target: Option<f64>,
    /// The pace the plan states or implies.
    pub planned_pace: Option<f64>,
    /// The latest outturn used.
    pub latest: Option<Latest>,
    /// The pace since the start.
    pub current_pace: Option<f64>,
    /// The pace the remaining years need (none once met).
    pub required_pace: Option<f64>,
    /// Current less required pace, positive on the good side.
    pub lead: Option<f64>,
    /// Share of the way covered (1 = there) and the share the plan's path expected.
    pub progress: Option<(f64, f64)>,
    /// The chance of meeting the target, where the outturns give one.
    pub chance: Option<Chance>,
    /// The outturns at or past the target.
    pub met: Vec<crate::actuals::Obs>,
    /// Met in the target year only inside the printed precision: that precision.
    pub inside: Option<f64>,
    /// Missed in the target year by this much, in the row's unit.
    pub short: Option<f64>,
}

/// A bound the baseline meets, to be kept (`hold`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    /// `points` for headroom; the path's pace unit once a baseline gives a path.
    pub unit: Unit,
    /// The mean of the values up to the base year.
    pub history_mean: Option<f64>,
    /// The latest outturn used.
    pub latest: Option<Latest>,
    /// The mean of the values since the base year, in the row's unit.
    pub mean: Option<f64>,
    /// How far the mean lies inside the bound (negative: outside), in the row's unit.
    pub headroom: Option<f64>,
    /// The bound.
    pub bound: Option<f64>,
    /// The plan's pace from the baseline to the bound, in `unit`.
    pub planned_pace: Option<f64>,
    /// The pace back inside the bound, when breached, in `unit`.
    pub required_pace: Option<f64>,
    /// The chance of meeting the target, where the outturns give one.
    pub chance: Option<Chance>,
    /// The latest outturn as published (`>25`).
    pub shown: String,
    /// The years the mean covers.
    pub span: String,
    /// The years outside the bound.
    pub breached: Vec<crate::actuals::Obs>,
}

/// A floor or ceiling on each year's value or growth (`hold::annual`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Yearly {
    /// `% a year` for rates and growth, else the row's unit.
    pub unit: Unit,
    /// Whether the yearly numbers are a pace (rates, growth) rather than levels.
    pub pace: bool,
    /// The bound, in the row's terms.
    pub bound: f64,
    /// The mean before the base year.
    pub history_mean: Option<f64>,
    /// The latest outturn used.
    pub latest: Option<Latest>,
    /// The mean of the yearly numbers since the base year, in `unit`.
    pub mean: Option<f64>,
    /// How far the mean lies inside the bound (negative: outside).
    pub headroom: Option<f64>,
    /// The chance of meeting the target, where the outturns give one.
    pub chance: Option<Chance>,
    /// Whether the yearly numbers are a level's growth.
    pub growth: bool,
    /// The years the mean covers.
    pub span: String,
    /// The years outside the bound.
    pub breached: Vec<crate::actuals::Obs>,
    /// The years known when the target year is reached without every year of the period.
    pub partial: Option<i32>,
}

/// An average annual rate (`rate`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Average {
    /// `% a year`.
    pub unit: Unit,
    /// The rate the target states.
    pub target_rate: f64,
    /// The level it reaches from the baseline (a growth), or the rate itself (yearly values).
    pub target_level: Option<f64>,
    /// The mean before the base year.
    pub history_mean: Option<f64>,
    /// The latest outturn used.
    pub latest: Option<Latest>,
    /// The mean rate so far (or the official period figure).
    pub mean: Option<f64>,
    /// The mean less the mean the remaining years need (the target once none remain),
    /// positive on the good side: `super::record::pace_gap`.
    pub excess: Option<f64>,
    /// The mean the remaining years need.
    pub required: Option<f64>,
    /// The chance of meeting the target, where the outturns give one.
    pub chance: Option<Chance>,
    /// The rates in line with the target before its year (a band about it, a range's ends).
    pub band: (f64, f64),
    /// The years the mean covers: `2021–2023`.
    pub span: String,
    /// Whether the rate is a growth of a level (compound) rather than yearly values.
    pub growth: bool,
    /// The official figure for the period the mean is, when it is one.
    pub official: Option<Period>,
    /// Beside an official figure, the mean of the yearly figures when every year is known.
    pub yearly_mean: Option<f64>,
    /// The years known when the target year is reached without every year of the period.
    pub partial: Option<i32>,
}

/// An official figure for a period: its years and the figure as published (`〔17.7〕`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Period {
    /// Its first year.
    pub first: i32,
    /// Its last year.
    pub last: i32,
    /// As published.
    pub text: String,
}

/// A growth stated against another indicator's (`relational`), in % a year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Relative {
    /// The mean growth before the base year.
    pub history_mean: Option<f64>,
    /// The latest outturn used.
    pub latest: Option<Latest>,
    /// The row's mean growth over the years both have outturns for.
    pub mean: Option<f64>,
    /// The other indicator's mean growth over the same years.
    pub other_mean: Option<f64>,
    /// How far the relation holds (points a year, positive when it does).
    pub margin: Option<f64>,
    /// The chance of meeting the target, where the outturns give one.
    pub chance: Option<Chance>,
    /// The other indicator, as the target names it.
    pub other: String,
    /// How the row's growth is to stand to the other's.
    pub kind: Option<crate::table::Relation>,
    /// The years both have outturns for: `2021–2023`; without any, the years each has.
    pub span: String,
    /// Without common years: the row's years and the other's.
    pub apart: (String, String),
    /// The years known when the target year is reached without every year of the period.
    pub partial: Option<i32>,
}

/// What a grade rests on, by rule family.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Evidence {
    /// Nothing measured.
    #[default]
    None,
    /// A target in words, with the mean of a rate's outturns beside it.
    Described {
        /// The mean of the rate's yearly outturns.
        mean: f64,
        /// The latest of them.
        latest: Latest,
    },
    /// An achievement table's own outcome column.
    Outcome(Latest),
    /// A level, period total or running total to reach.
    Reach(Reach),
    /// A bound to be kept.
    Kept(Kept),
    /// A bound on each year.
    Yearly(Yearly),
    /// An average annual rate.
    Average(Average),
    /// A growth against another indicator's.
    Relative(Relative),
}

/// The flat numbers of a grade's JSON and CSV row; units by `pace_unit` and the rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Fields {
    /// The year of the latest outturn used.
    pub latest_year: Option<i32>,
    /// The latest outturn in the target's terms: a level; a year's rate; for a period total
    /// the change to date in % (negative = fall); for a running total the total to date.
    pub latest_value: Option<f64>,
    /// Share of the way from the baseline to the target covered (1 = there), for targets to
    /// reach.
    pub progress: Option<f64>,
    /// The share the plan's path expected by the latest outturn's year.
    pub expected_progress: Option<f64>,
    /// What the remaining years need, in `pace_unit`: for a target to reach, the pace from the
    /// latest outturn to the target; for an average rate, the mean the remaining years need.
    /// `None` for bounds (their headroom is `gap`).
    pub required_rate: Option<f64>,
    /// The observed pace since the baseline (or the observed mean rate), in `pace_unit`.
    pub current_pace: Option<f64>,
    /// The pace the plan states (its rate), else the one its baseline and target imply, in
    /// `pace_unit`.
    pub planned_pace: Option<f64>,
    /// The target as a level in the row's terms (the bound, the near end of a range; for a
    /// period total the change index, base year = 100; for an average growth of a level with a
    /// baseline, the level it reaches).
    pub target_value: Option<f64>,
    /// The pace of outturns up to the base year, in `pace_unit`.
    pub history_pace: Option<f64>,
    /// The mean of the yearly outturns (bounds, average rates, relations), in the target's unit.
    pub mean: Option<f64>,
    /// The other indicator's mean growth, % a year (relational targets).
    pub other_mean: Option<f64>,
    /// How far the evidence is from the target, positive on the good side: current pace minus
    /// required pace (reach, period totals; `pace_unit`); headroom inside a bound, mean minus
    /// target rate, margin of a relation (the target's unit, points for rates and shares).
    pub gap: Option<f64>,
    /// Probability of meeting the target by its year on the observed trend, where outturns give
    /// one (at least two observed changes); `None` otherwise and once the year is reached.
    pub p_meet: Option<f64>,
    /// How many observed yearly changes `p_meet` rests on (n of its Student-t, n − 1 degrees of
    /// freedom).
    pub p_n: Option<usize>,
    /// Volatility of the yearly changes behind `p_meet`, in `pace_unit`.
    pub sigma: Option<f64>,
    /// Where `sigma` comes from (the observed changes, or their rounding floor).
    pub sigma_source: Option<SigmaSource>,
    /// `% a year`, `points a year`, or the running total's unit a year.
    pub pace_unit: String,
}

impl Fields {
    fn latest(mut self, l: Option<Latest>) -> Fields {
        if let Some(l) = l {
            self.latest_year = Some(l.year);
            self.latest_value = l.value;
        }
        self
    }

    fn chance(mut self, c: &Option<Chance>) -> Fields {
        if let Some(c) = c {
            self.p_meet = c.p;
            self.p_n = c.p.map(|_| c.n);
            self.sigma = Some(c.sigma);
            self.sigma_source = Some(c.source.clone());
        }
        self
    }
}

impl Evidence {
    /// The flat fields of the JSON and CSV row: the one place they are made.
    pub fn fields(&self) -> Fields {
        let none = Fields::default;
        match self {
            Evidence::None => none(),
            Evidence::Described { mean, latest } => Fields {
                mean: Some(*mean),
                ..none()
            }
            .latest(Some(*latest)),
            Evidence::Outcome(l) => none().latest(Some(*l)),
            Evidence::Reach(r) => Fields {
                progress: r.progress.map(|p| p.0),
                expected_progress: r.progress.map(|p| p.1),
                required_rate: r.required_pace,
                current_pace: r.current_pace,
                planned_pace: r.planned_pace,
                target_value: r.target,
                history_pace: r.history_pace,
                gap: r.lead,
                pace_unit: r.unit.to_string(),
                ..none()
            }
            .latest(r.latest)
            .chance(&r.chance),
            Evidence::Kept(k) => Fields {
                required_rate: k.required_pace,
                planned_pace: k.planned_pace,
                target_value: k.bound,
                history_pace: k.history_mean,
                mean: k.mean,
                gap: k.headroom,
                pace_unit: k.unit.to_string(),
                ..none()
            }
            .latest(k.latest)
            .chance(&k.chance),
            Evidence::Yearly(y) => Fields {
                current_pace: y.mean.filter(|_| y.pace),
                target_value: Some(y.bound),
                history_pace: y.history_mean,
                mean: y.mean,
                gap: y.headroom,
                pace_unit: y.unit.to_string(),
                ..none()
            }
            .latest(y.latest)
            .chance(&y.chance),
            Evidence::Average(a) => Fields {
                required_rate: a.required,
                current_pace: a.mean,
                planned_pace: Some(a.target_rate),
                target_value: a.target_level,
                history_pace: a.history_mean,
                mean: a.mean,
                gap: a.excess,
                pace_unit: a.unit.to_string(),
                ..none()
            }
            .latest(a.latest)
            .chance(&a.chance),
            Evidence::Relative(r) => Fields {
                current_pace: r.mean,
                history_pace: r.history_mean,
                mean: r.mean,
                other_mean: r.other_mean,
                gap: r.margin,
                pace_unit: Unit::PercentAYear.to_string(),
                ..none()
            }
            .latest(r.latest)
            .chance(&r.chance),
        }
    }
}
