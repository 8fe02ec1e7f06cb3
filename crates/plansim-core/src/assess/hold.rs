//! Bounds: a bound the baseline already meets, to be kept (`4以内` from 3.82), and a floor or
//! ceiling on each year (`<5.5`, `>7`, `2以上`).
//!
//! Mid-period, the mean of the outturn years within the bound is 基本符合预期, beyond it by at
//! least 20 % of the bound 快于预期, outside it 滞后于预期; breached years are named. In the target
//! year, 已实现 when the year's value (a kept bound) or the period mean (a yearly bound) is
//! within the bound as drawn (4.3 does not keep `4以内`; a plain number a name makes a bound,
//! `耕地保有量 120`, is one too), else 未实现.

use super::path::{Path, met, planned, trend, within};
use super::words as say;
use super::{
    Chance, Evidence, Grade, Kept, Latest, Row, Status, Unit, Yearly, amount, listed, years,
};
use crate::actuals::Obs;
use crate::format::significant as show;
use crate::lang::Text;
use crate::meaning::GoalKind;
use crate::meaning::{Of, Quantity};
use crate::series::trend::{FLOOR_LEVEL, FLOOR_RATE, FLOOR_SHARE, Trend, mean};
use crate::series::{Observed, SigmaSource};

/// Beyond a bound by this share of it is faster than expected.
pub(crate) const BEYOND: f64 = 0.2;

/// The yearly numbers a yearly target is about, after the base year and up to the cut, and
/// those up to the base year.
pub fn yearly(row: &Row, of: Of) -> (Vec<Obs>, Vec<Obs>) {
    match of {
        Of::Values => row.split(row.native()),
        Of::Growth => row.split(row.growth()),
    }
}

/// The mean of yearly numbers: arithmetic for values, compound for growth rates.
pub fn average(of: Of, xs: &[Obs]) -> f64 {
    match of {
        Of::Values => mean(&xs.iter().map(|o| o.value).collect::<Vec<_>>()),
        Of::Growth => {
            let f: f64 = xs.iter().map(|o| 1.0 + o.value / 100.0).product();
            (f.powf(1.0 / xs.len() as f64) - 1.0) * 100.0
        }
    }
}

/// What the outturns say of a yearly target so far.
pub(crate) struct Summary {
    /// The yearly numbers (values or growth rates) after the base year.
    pub obs: Vec<Obs>,
    /// Their mean; for growth, the compound average from the baseline to the latest level
    /// when the table gives a baseline (years without an outturn between them count too).
    pub mean: f64,
    /// The years the mean covers.
    pub years: f64,
    pub latest_year: i32,
    /// The latest year's value or growth, when known.
    pub latest_value: Option<f64>,
    /// Every outturn the summary rests on.
    pub used: Vec<Obs>,
}

pub fn summary(row: &Row, of: Of) -> Option<Summary> {
    let obs = yearly(row, of).0;
    let from_levels = match (of, row.m.base) {
        (Of::Growth, Some((y0, x0))) if x0 > 0.0 => {
            let levels = row.split(row.native()).0;
            levels.last().filter(|l| l.value > 0.0).map(|l| {
                let k = f64::from(l.year - y0);
                (
                    ((l.value / x0).powf(1.0 / k) - 1.0) * 100.0,
                    k,
                    l.year,
                    levels.clone(),
                )
            })
        }
        _ => None,
    };
    let (mean, years, latest_year, mut used) = match from_levels {
        Some((m, k, y, levels)) if obs.last().is_none_or(|o| o.year <= y) => (m, k, y, levels),
        _ => {
            let last = obs.last()?;
            (average(of, &obs), obs.len() as f64, last.year, Vec::new())
        }
    };
    let latest_value = obs.iter().find(|o| o.year == latest_year).map(|o| o.value);
    used.extend(obs.iter().cloned());
    used.sort_by_key(|o| o.year);
    Some(Summary {
        obs,
        mean,
        years,
        latest_year,
        latest_value,
        used,
    })
}

/// The unit of the yearly numbers, and whether they are a pace (rates) rather than a level.
pub fn unit(row: &Row, of: Of) -> (String, bool) {
    let (u, pace) = typed_unit(row, of);
    (u.to_string(), pace)
}

/// [`unit`], typed.
pub(crate) fn typed_unit(row: &Row, of: Of) -> (Unit, bool) {
    match (of, row.m.quantity) {
        (Of::Growth, _) | (Of::Values, Quantity::Rate) => (Unit::PercentAYear, true),
        (Of::Values, _) => (Unit::Level(row.ind.value_unit()), false),
    }
}

/// The probability that the period mean meets `(threshold, above)`, with `h` years to come.
pub(crate) fn p_mean(
    row: &Row,
    of: Of,
    xs: &[Obs],
    threshold: (f64, bool),
    h: f64,
) -> Option<(Option<f64>, f64, SigmaSource, usize)> {
    let exact: Vec<(i32, f64)> = xs
        .iter()
        .filter(|o| o.side.is_none())
        .map(|o| (o.year, o.value))
        .collect();
    let (floor, kind) = match (of, row.m.quantity) {
        (Of::Growth, _) => (FLOOR_LEVEL * 100.0, ("growth rates", "增长率")),
        (Of::Values, Quantity::Rate) => (FLOOR_RATE, ("yearly rates", "年度比率")),
        _ => (FLOOR_SHARE, ("shares", "比重")),
    };
    let t = Trend::of(&exact, floor)?;
    let kind = Text::new(kind.0.into(), kind.1.into());
    let source = SigmaSource {
        observed: Observed::Values,
        ..t.source(kind, 1.0, say::unit(&unit(row, of).0))
    };
    if h <= 0.0 {
        return Some((None, t.sigma, source, t.m));
    }
    // the period's mean (sum + S)/(m + h) ≥ threshold ⇔ S ≥ threshold·(m + h) − sum, S the
    // sum of the next h yearly values
    let m = xs.len() as f64;
    let sum: f64 = xs.iter().map(|o| o.value).sum();
    let p = t.p_at_least(0.0, h, threshold.0 * (m + h) - sum);
    Some((
        Some(if threshold.1 { p } else { 1.0 - p }),
        t.sigma,
        source,
        t.m,
    ))
}

/// How far `v` lies inside the bound (positive) or outside it (negative).
pub fn headroom(goal: &GoalKind, row: &Row, v: f64) -> f64 {
    let (level, above) = goal.threshold(row.m.direction);
    if above { v - level } else { level - v }
}

fn beyond(goal: &GoalKind, v: f64) -> bool {
    match *goal {
        GoalKind::AtLeast { value, .. } => v >= value + BEYOND * value.abs(),
        GoalKind::AtMost { value, .. } => v <= value - BEYOND * value.abs(),
        _ => false,
    }
}

fn breached_words(b: &[&Obs]) -> Text {
    say::breached(&listed(b))
}

/// A bound the baseline meets, kept.
pub fn hold(row: &Row, goal: GoalKind, precision: f64) -> Grade {
    let dir = row.m.direction;
    let (after, history) = row.split(row.native());
    let mut g = row.bare(Status::InsufficientData, Text::default());
    let mut e = Kept {
        unit: Unit::Points,
        ..Kept::default()
    };
    let Some(latest) = after.last().cloned() else {
        if history.len() >= 2 {
            e.history_mean = Some(mean(&history.iter().map(|o| o.value).collect::<Vec<_>>()));
        }
        g.text = kept_words(row, &e);
        g.measured(Evidence::Kept(e));
        return g;
    };
    let xs: Vec<f64> = after.iter().map(|o| o.value).collect();
    let m = mean(&xs);
    e.breached = after
        .iter()
        .filter(|o| !met(&goal, dir, o))
        .cloned()
        .collect();
    e.latest = Some(Latest {
        year: latest.year,
        value: Some(latest.value),
    });
    e.shown = super::shown(&latest);
    e.span = years(&after);
    e.mean = Some(m);
    e.headroom = Some(headroom(&goal, row, m));
    e.bound = Some(goal.level(dir));
    if let Some((y0, x0)) = row.m.base {
        let path = Path::of(row, x0);
        let level = goal.level(dir);
        e.planned_pace = planned(row, path, x0, level, f64::from(row.ind.target_year - y0));
        // back inside the bound by the target year: what the remaining years need
        if !met(&goal, dir, &latest) {
            e.required_pace = path.pace(
                latest.value,
                level,
                f64::from(row.ind.target_year - latest.year),
            );
        }
        e.unit = path.pace_unit(row);
        e.chance = trend(row, path, (y0, x0), &after, &goal, precision).map(Chance::of);
    }
    let status = if latest.year == row.ind.target_year {
        let ok = met(&goal, dir, &latest) || within(goal.lenient(dir, precision), latest.value);
        if ok { Status::Achieved } else { Status::Missed }
    } else {
        let within = goal.met(m, dir);
        if within && beyond(&goal, m) {
            Status::Faster
        } else if within {
            Status::OnTrack
        } else {
            Status::Lagging
        }
    };
    g.text = kept_words(row, &e);
    g.measured(Evidence::Kept(e));
    row.evidence(g.with_status(status), &after)
}

/// The sentence of a kept bound's grade, from its evidence: the one place it is made.
fn kept_words(row: &Row, e: &Kept) -> Text {
    // a baseline on a strict bound's line is said to be on it, not within it
    let on_line = row.m.base.is_some_and(|b| {
        row.m
            .target
            .goal()
            .is_some_and(|g| g.is_strict() && !g.met(b.1, row.m.direction))
    });
    let base = row.m.base.map(|b| show(b.1));
    let base = base.as_deref().map(|b| (b, on_line));
    let t = row.target_short();
    let breached = e.breached.iter().collect::<Vec<_>>();
    match (e.latest, e.mean) {
        // the target year's outturn, or the only one (its mean is itself: `4以下`, not a
        // mean of 4 without its side)
        (Some(l), _) if l.year == row.ind.target_year || e.span == l.year.to_string() => {
            say::hold_final(&e.shown, l.year, &t, base, &breached_words(&breached))
        }
        (Some(_), Some(m)) => {
            say::hold_mid(&show(m), &e.span, &t, base, &breached_words(&breached))
        }
        _ => say::hold_no_outturn(row.base_year(), &row.as_of_words(), base, &t),
    }
}

/// A floor or ceiling on each year's value or growth.
pub fn annual(row: &Row, goal: GoalKind, of: Of, precision: f64) -> Grade {
    let dir = row.m.direction;
    let (unit, pace) = typed_unit(row, of);
    let mut g = row.bare(Status::InsufficientData, Text::default());
    let history = yearly(row, of).1;
    let mut e = Yearly {
        unit,
        pace,
        bound: goal.level(dir),
        growth: of == Of::Growth,
        history_mean: (!history.is_empty()).then(|| average(of, &history)),
        ..Yearly::default()
    };
    let Some(s) = summary(row, of) else {
        g.text = yearly_words(row, &e, Status::InsufficientData);
        g.measured(Evidence::Yearly(e));
        return g;
    };
    let m = s.mean;
    e.breached = s
        .obs
        .iter()
        .filter(|o| !met(&goal, dir, o))
        .cloned()
        .collect();
    e.latest = Some(Latest {
        year: s.latest_year,
        value: s.latest_value,
    });
    e.mean = Some(m);
    e.span = span(&s);
    e.headroom = Some(headroom(&goal, row, m));
    let threshold = goal.lenient(dir, precision);
    let h = f64::from(row.ind.target_year - s.latest_year);
    e.chance = p_mean(row, of, &s.obs, threshold, h).map(Chance::of);
    let whole = super::evidence::whole_period(row, &s);
    let status = if whole {
        if within(threshold, m) {
            Status::Achieved
        } else {
            Status::Missed
        }
    } else if goal.met(m, dir) && beyond(&goal, m) {
        Status::Faster
    } else if goal.met(m, dir) {
        Status::OnTrack
    } else {
        Status::Lagging
    };
    e.partial = (s.latest_year == row.ind.target_year && !whole).then(|| s.years.round() as i32);
    g.text = yearly_words(row, &e, status);
    g.measured(Evidence::Yearly(e));
    row.evidence(g.with_status(status), &s.used)
}

/// The sentence of a yearly bound's grade, from its evidence: the one place it is made.
fn yearly_words(row: &Row, e: &Yearly, status: Status) -> Text {
    let unit = e.unit.to_string();
    let t = row.target_short();
    let Some(m) = e.mean else {
        let more = e
            .history_mean
            .map_or_else(Text::default, |h| say::averaged_before(&amount(h, &unit)));
        return say::annual_no_outturn(row.base_year(), &row.as_of_words(), e.growth, &t, &more);
    };
    let text = say::annual(
        e.growth,
        &amount(m, &unit),
        &e.span,
        &t,
        status == Status::Faster,
        &breached_words(&e.breached.iter().collect::<Vec<_>>()),
        !e.breached.is_empty(),
    );
    match e.partial {
        Some(k) => text.then(&super::evidence::part_of_period(row, k)),
        None => text,
    }
}

/// The years a summary covers: `2021–2023`.
pub fn span(s: &Summary) -> String {
    if s.obs.len() as f64 == s.years || s.years < 1.0 {
        years(&s.obs)
    } else {
        format!("{}–{}", s.latest_year - s.years as i32 + 1, s.latest_year)
    }
}
