//! The plan's path from a baseline to a target, the row's levels along it, and the trend of
//! their yearly changes: shared by targets to reach and bounds to keep.

use super::Row;
use crate::actuals::{Obs, Side};
use crate::meaning::GoalKind;
use crate::meaning::Quantity;
use crate::series::SigmaSource;
use crate::series::trend::{Kind, Trend};
use crate::table::Direction;

/// How the plan's path runs from the baseline to the target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Path {
    /// Compounding: levels, and the change index of a period total.
    Compound,
    /// Points a year: shares, levels that do not start above zero, and levels whose target
    /// adds a change in their unit to the base (years a year for `人均预期寿命 〔1〕`).
    Points,
    /// Units a year: running totals.
    Counts,
}

impl Path {
    /// The path of the row's kind of yearly change ([`Kind::of`], which `simulate` uses too).
    pub fn of(row: &Row, start: f64) -> Path {
        // `人均预期寿命 〔1〕`: a change in the row's unit added to its base, by equal steps
        match Kind::of(row.m.quantity, row.m.adds_to_base(row.ind), start) {
            Kind::Level | Kind::Index => Path::Compound,
            Kind::Points => Path::Points,
            Kind::Counts => Path::Counts,
        }
    }

    /// The kind of yearly change the path is estimated in.
    fn kind(self, quantity: Quantity) -> Kind {
        match (self, quantity) {
            (Path::Compound, Quantity::PeriodChange) => Kind::Index,
            (Path::Compound, _) => Kind::Level,
            (Path::Points, _) => Kind::Points,
            (Path::Counts, _) => Kind::Counts,
        }
    }

    pub fn unit(self, row: &Row) -> String {
        self.pace_unit(row).to_string()
    }

    /// The unit of the path's paces.
    pub fn pace_unit(self, row: &Row) -> super::Unit {
        match self {
            Path::Compound => super::Unit::PercentAYear,
            Path::Points if row.m.quantity == Quantity::Level => {
                super::Unit::PerYear(row.ind.value_unit())
            }
            Path::Points => super::Unit::PointsAYear,
            Path::Counts => super::Unit::PerYear(row.ind.value_unit()),
        }
    }

    /// The pace from `a` to `b` over `years`, in the path's unit (% a year when compounding).
    pub fn pace(self, a: f64, b: f64, years: f64) -> Option<f64> {
        if years <= 0.0 {
            return None;
        }
        match self {
            Path::Compound if a > 0.0 && b > 0.0 => Some(((b / a).powf(1.0 / years) - 1.0) * 100.0),
            Path::Compound => None,
            _ => Some((b - a) / years),
        }
    }
}

/// The row's levels after its start and up to the cut, with the start (the baseline, else the
/// first outturn) and the history up to the base year.
pub struct Levels {
    pub start: Option<(i32, f64)>,
    /// The start is the first outturn, the table giving no baseline.
    pub start_from_outturn: bool,
    pub after: Vec<Obs>,
    pub history: Vec<Obs>,
    /// Yearly figures after the start that cannot be counted, a year before them missing
    /// (said in the grade, never dropped).
    pub uncounted: Uncounted,
}

/// Yearly figures a row's outturns give but its grade cannot count.
#[derive(Default)]
pub struct Uncounted {
    /// Their years.
    pub years: Vec<i32>,
    /// The first year missing before them.
    pub gap: Option<i32>,
    /// Yearly growth of a level (its level the year before is missing), else yearly changes
    /// or counts of a total built from the base year.
    pub growth: bool,
}

pub fn levels(row: &Row) -> Levels {
    let (native, unchained) = row.native_counted();
    let base = row.m.base;
    let mut uncounted = Uncounted::default();
    let (after, history) = match row.m.quantity {
        // yearly changes (% ) and yearly counts, cumulated from the baseline
        Quantity::PeriodChange | Quantity::RunningTotal => {
            let (after, history) = row.split(native);
            let Some((y0, v0)) = base else {
                return Levels {
                    start: None,
                    start_from_outturn: false,
                    after: Vec::new(),
                    history,
                    uncounted: Uncounted::default(),
                };
            };
            let pct = row.m.quantity == Quantity::PeriodChange;
            let (mut year, mut v, mut out) = (y0, v0, Vec::new());
            for o in after {
                // one a year, in order: past a missing year nothing more is cumulated
                if o.year != year + 1 || uncounted.gap.is_some() {
                    uncounted.years.push(o.year);
                    uncounted.gap.get_or_insert(year + 1);
                    continue;
                }
                v = if pct {
                    v * (1.0 + o.value / 100.0)
                } else {
                    v + o.value
                };
                year = o.year;
                out.push(Obs {
                    value: v,
                    derived: true,
                    ..o
                });
            }
            (out, history)
        }
        _ => {
            uncounted = Uncounted {
                gap: unchained.first().map(|y| y - 1),
                years: unchained,
                growth: true,
            };
            row.split(native)
        }
    };
    let (start, from_outturn) = match base {
        Some(b) => (Some(b), false),
        // no baseline: the first outturn is where progress is measured from (it still counts
        // as an outturn: met, or the target year's)
        None if !after.is_empty() => (Some((after[0].year, after[0].value)), true),
        None => (None, false),
    };
    Levels {
        start,
        start_from_outturn: from_outturn,
        after,
        history,
        uncounted,
    }
}

/// True when `v` meets a [`GoalKind::lenient`] threshold: (level, met at or above).
pub fn within((level, above): (f64, bool), v: f64) -> bool {
    if above { v >= level } else { v <= level }
}

/// A value meets the goal as published: a bound outturn only when its side says so.
pub fn met(goal: &GoalKind, dir: Direction, o: &Obs) -> bool {
    let t = goal.threshold(dir);
    match (o.side, t.1) {
        (Some(Side::AtMost), true) | (Some(Side::AtLeast), false) => false,
        // an outturn published beyond the line (`＞60`) meets a strict bound on it
        (Some(Side::AtLeast), true) | (Some(Side::AtMost), false) => {
            crate::meaning::goal::meets(t, o.value)
        }
        _ => goal.met(o.value, dir),
    }
}

/// The trend of the levels' yearly changes and the chance of meeting the goal by its year:
/// (p, σ in the path's unit, where σ came from).
pub fn trend(
    row: &Row,
    path: Path,
    start: (i32, f64),
    after: &[Obs],
    goal: &GoalKind,
    precision: f64,
) -> Option<(Option<f64>, f64, SigmaSource, usize)> {
    let points: Vec<(i32, f64)> = std::iter::once(start)
        .chain(
            after
                .iter()
                .filter(|o| o.side.is_none())
                .map(|o| (o.year, o.value)),
        )
        .collect();
    let kind = path.kind(row.m.quantity);
    let t = Trend::of_points(&points, kind)?;
    let last = after.last()?;
    let h = f64::from(row.ind.target_year - last.year);
    let source = t.source(
        kind.words(),
        kind.scale(),
        super::words::unit(&path.unit(row)),
    );
    let sigma = t.sigma * kind.scale();
    if h <= 0.0 {
        return Some((None, sigma, source, t.m));
    }
    let (thr, above) = goal.lenient(row.m.direction, precision);
    let p = match path {
        Path::Compound if last.value > 0.0 && thr > 0.0 => {
            t.p_at_least(last.value.ln(), h, thr.ln())
        }
        Path::Compound => return Some((None, sigma, source, t.m)),
        _ => t.p_at_least(last.value, h, thr),
    };
    Some((Some(if above { p } else { 1.0 - p }), sigma, source, t.m))
}

/// The plan's pace: its stated rate when it compounds a level, else base → target.
pub fn planned(row: &Row, path: Path, x0: f64, level: f64, n: f64) -> Option<f64> {
    match (path, row.ind.annual_rate()) {
        (Path::Compound, Some(r)) if row.m.quantity == Quantity::Level => Some(r.value * 100.0),
        _ => path.pace(x0, level, n),
    }
}
