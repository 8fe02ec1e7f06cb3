//! Targets to reach: a level from a baseline short of it (compound path for levels, points for
//! shares), a total change over the period (yearly changes cumulated by product into an index),
//! a running total (yearly counts summed).
//!
//! - The target year reached: 已实现 when the outturn meets the target inside its printed
//!   precision (`65` is met from 64.5), else 未实现.
//! - Met before its year and still met by the latest outturn: 提前实现 (as printed, no
//!   tolerance: 64.72 has not passed 65).
//! - Otherwise r = progress ÷ expected progress by the latest outturn's year on the plan's
//!   path: r ≥ 1.2 快于预期, 0.8 ≤ r < 1.2 基本符合预期, r < 0.8 滞后于预期, and moving away from
//!   the target (progress < 0) 滞后于预期 with the status `regressing`.

use super::pace::{FLOOR_COUNT, FLOOR_INDEX, FLOOR_LEVEL, FLOOR_SHARE, Trend, p_above};
use super::{Grade, Row, Status, listed, years};
use crate::actuals::{Obs, Side};
use crate::check::finding::show;
use crate::meaning::Quantity;
use crate::series::GoalKind;
use crate::table::Direction;

/// How the plan's path runs from the baseline to the target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Path {
    /// Compounding: levels, and the change index of a period total.
    Compound,
    /// Points a year: shares, and levels that do not start above zero.
    Points,
    /// Units a year: running totals.
    Counts,
}

impl Path {
    pub fn of(row: &Row, start: f64) -> Path {
        match row.m.quantity {
            Quantity::Share => Path::Points,
            Quantity::RunningTotal => Path::Counts,
            _ if start > 0.0 => Path::Compound,
            _ => Path::Points,
        }
    }

    pub fn unit(self, row: &Row) -> String {
        match self {
            Path::Compound => "% a year".into(),
            Path::Points => "points a year".into(),
            Path::Counts => format!("{} a year", row.ind.value_unit()),
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
}

pub fn levels(row: &Row) -> Levels {
    let native = row.native();
    let base = row.m.base;
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
                };
            };
            let pct = row.m.quantity == Quantity::PeriodChange;
            let (mut year, mut v, mut out) = (y0, v0, Vec::new());
            for o in after {
                if o.year != year + 1 {
                    break;
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
        _ => row.split(native),
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
    }
}

/// The goal's threshold and side with the printed precision allowed: (level, met at or above).
pub fn lenient(goal: &GoalKind, dir: Direction, precision: f64) -> (f64, bool) {
    let (level, above) = goal.threshold(dir);
    let slack = if matches!(goal, GoalKind::About { .. }) {
        0.0
    } else {
        precision
    };
    (if above { level - slack } else { level + slack }, above)
}

/// A value meets the goal as published: a bound outturn only when its side says so.
pub fn met(goal: &GoalKind, dir: Direction, o: &Obs) -> bool {
    let (_, above) = goal.threshold(dir);
    match (o.side, above) {
        (Some(Side::AtMost), true) | (Some(Side::AtLeast), false) => false,
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
) -> Option<(Option<f64>, f64, String)> {
    let points: Vec<(i32, f64)> = std::iter::once(start)
        .chain(
            after
                .iter()
                .filter(|o| o.side.is_none())
                .map(|o| (o.year, o.value)),
        )
        .collect();
    let changes: Vec<(i32, f64)> = points
        .windows(2)
        .filter(|w| w[1].0 == w[0].0 + 1)
        .filter_map(|w| match path {
            Path::Compound if w[0].1 > 0.0 && w[1].1 > 0.0 => {
                Some((w[1].0, (w[1].1 / w[0].1).ln()))
            }
            Path::Compound => None,
            _ => Some((w[1].0, w[1].1 - w[0].1)),
        })
        .collect();
    let (floor, kind, scale) = match (path, row.m.quantity) {
        (Path::Compound, Quantity::PeriodChange) => (FLOOR_INDEX, "a change index", 100.0),
        (Path::Compound, _) => (FLOOR_LEVEL, "levels", 100.0),
        (Path::Points, _) => (FLOOR_SHARE, "shares", 1.0),
        (Path::Counts, _) => {
            let xs: Vec<f64> = changes.iter().map(|c| c.1).collect();
            (
                FLOOR_COUNT * super::pace::mean(&xs).abs(),
                "running totals (10 % of the mean count)",
                1.0,
            )
        }
    };
    let t = Trend::of(&changes, floor)?;
    let last = after.last()?;
    let h = f64::from(row.ind.target_year - last.year);
    let source = t.source(kind, scale, &path.unit(row));
    let sigma = t.sigma * scale;
    if h <= 0.0 {
        return Some((None, sigma, source));
    }
    let (thr, above) = lenient(goal, row.m.direction, precision);
    let (shift, sd) = t.ahead(h);
    let p = match path {
        Path::Compound if last.value > 0.0 && thr > 0.0 => {
            p_above(last.value.ln() + shift, sd, thr.ln())
        }
        Path::Compound => return Some((None, sigma, source)),
        _ => p_above(last.value + shift, sd, thr),
    };
    Some((Some(if above { p } else { 1.0 - p }), sigma, source))
}

pub fn grade(row: &Row, goal: GoalKind, precision: f64) -> Grade {
    let dir = row.m.direction;
    let target_year = row.ind.target_year;
    let lv = levels(row);
    let level = goal.level(dir);
    let aim = aim(row, level);
    let Some((y0, x0)) = lv.start else {
        let mut g = row.bare(
            Status::InsufficientData,
            format!(
                "no baseline in the table and no outturn after {} {}: nothing to measure {aim} against",
                row.base_year(),
                row.as_of_words(),
            ),
        );
        g.history_pace = history_pace(row, &lv.history);
        return g;
    };
    let path = Path::of(row, x0);
    let mut g = row.bare(Status::InsufficientData, String::new());
    g.pace_unit = path.unit(row);
    g.history_pace = history_pace(row, &lv.history);
    let n = f64::from(target_year - y0);
    g.target_value = Some(level);
    g.planned_pace = planned(row, path, x0, level, n);
    let Some(latest) = lv.after.last().cloned() else {
        let need = path.pace(x0, level, n);
        g.required_rate = need;
        g.reason = format!(
            "no outturn after {y0} {}; {aim} by {target_year}{} needs {}{}",
            row.as_of_words(),
            if row.m.quantity == Quantity::PeriodChange {
                String::new()
            } else {
                format!(" from {} ({y0})", show(x0))
            },
            need.map_or("—".into(), |v| super::amount(v, &g.pace_unit)),
            history_words(&g)
        );
        return g;
    };
    let k = f64::from(latest.year - y0);
    let h = f64::from(target_year - latest.year);
    g.latest_year = Some(latest.year);
    g.latest_value = Some(reported(row, latest.value));
    g.current_pace = path.pace(x0, latest.value, k);
    g.required_rate = path.pace(latest.value, level, h);
    let sign = if dir == Direction::Rising { 1.0 } else { -1.0 };
    if let (Some(c), Some(r)) = (g.current_pace, g.required_rate) {
        g.gap = Some((c - r) * sign);
    }
    if let Some((p, sigma, source)) = trend(row, path, (y0, x0), &lv.after, &goal, precision) {
        g.p_meet = p;
        g.sigma = Some(sigma);
        g.sigma_source = Some(source);
    }
    let (thr, above) = lenient(&goal, dir, precision);
    let now = so_far(row, &lv.after, &latest);
    let from = match (row.m.quantity, lv.start_from_outturn) {
        (Quantity::PeriodChange, _) => String::new(),
        (_, true) => format!(
            " from {} (the first outturn, {y0}: the table gives no baseline)",
            show(x0)
        ),
        (_, false) => format!(" from {} ({y0})", show(x0)),
    };
    let first_met = lv.after.iter().find(|o| met(&goal, dir, o)).map(|o| o.year);
    let status;
    if latest.year == target_year {
        let ok = met(&goal, dir, &latest)
            || if above {
                latest.value >= thr
            } else {
                latest.value <= thr
            };
        status = if ok { Status::Achieved } else { Status::Missed };
        g.reason = format!(
            "{now} against {aim}: {}",
            match (ok, met(&goal, dir, &latest)) {
                (true, false) => format!("met inside the printed precision (±{})", show(precision)),
                (true, true) => match first_met.filter(|y| *y < target_year) {
                    Some(y) => format!("met, and since {y}"),
                    None => "met".into(),
                },
                (false, _) => format!("missed{from}"),
            }
        );
    } else if met(&goal, dir, &latest) {
        status = Status::Ahead;
        g.reason = format!(
            "{now}: {aim} met ahead of {target_year} (first in {}){}{from}",
            first_met.unwrap_or(latest.year),
            if from.is_empty() { "" } else { "," }
        );
    } else if k <= 0.0 {
        status = Status::InsufficientData;
        g.reason = format!(
            "one outturn and no baseline ({now}): progress cannot be measured; {aim} by \
             {target_year} needs {}",
            g.required_rate
                .map_or("—".into(), |v| super::amount(v, &g.pace_unit))
        );
    } else {
        let progress = (latest.value - x0) / (level - x0);
        let expected = match path {
            Path::Compound if x0 > 0.0 && level > 0.0 && level != x0 => {
                ((level / x0).powf(k / n) - 1.0) / (level / x0 - 1.0)
            }
            _ => k / n,
        };
        let r = progress / expected;
        g.progress = Some(progress);
        g.expected_progress = Some(expected);
        status = if progress < 0.0 {
            Status::Regressing
        } else if r >= 1.2 {
            Status::Faster
        } else if r >= 0.8 {
            Status::OnTrack
        } else {
            Status::Lagging
        };
        let met_before: Vec<&Obs> = lv.after.iter().filter(|o| met(&goal, dir, o)).collect();
        g.reason = format!(
            "{now}: {}% of the way{from} to {aim} by {target_year}, against {}% expected by {} on the plan's {} path (r = {}){}{}",
            show(progress * 100.0),
            show(expected * 100.0),
            latest.year,
            match path {
                Path::Compound => "compound",
                Path::Points => "straight-line",
                Path::Counts => "even",
            },
            show(r),
            if progress < 0.0 {
                "; moving away from the target"
            } else {
                ""
            },
            if met_before.is_empty() {
                String::new()
            } else {
                format!("; met in {} but not since", listed(&met_before))
            }
        );
    }
    let g = g.with_status(status);
    row.evidence(g, &lv.after)
}

/// The target in words: `65`; `78.3 ([1])` for a change printed as a period total; `a 13.5 %
/// fall ([13.5])` for a change index.
fn aim(row: &Row, level: f64) -> String {
    let t = row.target_text();
    match row.m.quantity {
        Quantity::PeriodChange => format!(
            "a {} of {}% ({t})",
            if level <= 100.0 { "fall" } else { "rise" },
            show((level - 100.0).abs())
        ),
        _ if t == show(level) || t.trim_start_matches(['≥', '>', '≤', '<']) == show(level) => t,
        _ => match row.ind.target.form {
            crate::table::Form::Number { .. }
            | crate::table::Form::AtLeast { .. }
            | crate::table::Form::AtMost { .. }
            | crate::table::Form::About { .. }
            | crate::table::Form::Range { .. }
                if !row.ind.target.is_period_total() =>
            {
                t
            }
            _ => format!("{} ({t})", show(level)),
        },
    }
}

/// What the outturns say by the latest one: `65.22 in 2022`, `more than 25 in 2024`; for a
/// change index, the cumulated fall with the yearly changes behind it.
fn so_far(row: &Row, after: &[Obs], latest: &Obs) -> String {
    if row.m.quantity == Quantity::PeriodChange {
        let c = latest.value - 100.0;
        return format!(
            "{} {}% over {}{}",
            if c <= 0.0 { "fell" } else { "rose" },
            show(c.abs()),
            years(after),
            change_words(row)
        );
    }
    format!("{} in {}", super::shown(latest), latest.year)
}

/// The latest value as reported: the change to date in % for a change index.
fn reported(row: &Row, v: f64) -> f64 {
    match row.m.quantity {
        Quantity::PeriodChange => v - 100.0,
        _ => v,
    }
}

/// The plan's pace: its stated rate when it compounds a level, else base → target.
pub fn planned(row: &Row, path: Path, x0: f64, level: f64, n: f64) -> Option<f64> {
    match (path, row.ind.annual_rate()) {
        (Path::Compound, Some(r)) if row.m.quantity == Quantity::Level => Some(r.value * 100.0),
        _ => path.pace(x0, level, n),
    }
}

/// For a change index: the yearly changes that were multiplied.
fn change_words(row: &Row) -> String {
    let native = row.split(row.native()).0;
    let list: Vec<String> = native.iter().map(|o| show(o.value)).collect();
    format!(" (the yearly changes {}, multiplied)", list.join(", "))
}

/// The pace of outturns up to the base year.
fn history_pace(row: &Row, history: &[Obs]) -> Option<f64> {
    match row.m.quantity {
        // yearly changes: their compound mean
        Quantity::PeriodChange if !history.is_empty() => {
            let f: f64 = history.iter().map(|o| 1.0 + o.value / 100.0).product();
            Some((f.powf(1.0 / history.len() as f64) - 1.0) * 100.0)
        }
        Quantity::RunningTotal if !history.is_empty() => Some(super::pace::mean(
            &history.iter().map(|o| o.value).collect::<Vec<_>>(),
        )),
        _ => {
            let (a, b) = (history.first()?, history.last()?);
            let path = Path::of(row, a.value);
            path.pace(a.value, b.value, f64::from(b.year - a.year))
        }
    }
}

fn history_words(g: &Grade) -> String {
    g.history_pace
        .map(|h| {
            format!(
                "; outturns up to the base year went {}",
                super::amount(h, &g.pace_unit)
            )
        })
        .unwrap_or_default()
}
