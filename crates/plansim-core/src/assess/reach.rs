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

use super::path::{Levels, Path, levels, met, planned, trend, within};
use super::typed::Reach as Numbers;
use super::words as say;
use super::{Chance, Evidence, Grade, Latest, Row, Status, amount, listed, years};
use crate::actuals::{Obs, PeriodObs};
use crate::format::significant as show;
use crate::lang::Text;
use crate::meaning::GoalKind;
use crate::meaning::Quantity;

pub fn grade(row: &Row, goal: GoalKind, precision: f64) -> Grade {
    let mut lv = levels(row);
    let official = official(row, &mut lv);
    // yearly figures that cannot be cumulated are said, never dropped in silence (an official
    // figure for the period stands in for those up to its last year)
    let covered = official.as_ref().map_or(i32::MIN, |o| o.p.last);
    let uncounted: Vec<i32> = (lv.uncounted.years.iter().copied())
        .filter(|&y| y > covered && !lv.after.iter().any(|o| o.year == y))
        .collect();
    let uncounted = lv
        .uncounted
        .gap
        .zip(lv.start)
        .filter(|_| !uncounted.is_empty())
        .map(|(gap, (y0, _))| say::uncounted(&uncounted, gap, y0, lv.uncounted.growth));
    let level = goal.level(row.m.direction);
    let aim = aim(row, level);
    let Some((y0, x0)) = lv.start else {
        let reason = say::no_baseline_no_outturn(row.base_year(), &row.as_of_words(), &aim);
        let mut g = row.bare(Status::InsufficientData, reason);
        g.measured(Evidence::Reach(Numbers {
            history_pace: history_pace(row, &lv.history),
            ..Numbers::default()
        }));
        return g;
    };
    let from = if row.m.quantity == Quantity::PeriodChange {
        Text::default()
    } else {
        // the table's own baseline, printed as preliminary (not an outturn in its place)
        let preliminary = row.ind.base.preliminary && row.m.base == Some((y0, x0));
        say::from(&show(x0), y0, lv.start_from_outturn, preliminary)
    };
    let reach = Reach {
        row,
        goal,
        path: Path::of(row, x0),
        y0,
        x0,
        level,
        n: f64::from(row.ind.target_year - y0),
        aim,
        from,
        official,
    };
    let mut g = row.bare(Status::InsufficientData, Text::default());
    if let Some(o) = &reach.official {
        g.period_figure = Some(format!("{}–{} {}", o.p.first, o.p.last, o.p.text));
        g.evidence_year = Some(o.p.last);
        g.evidence_count = 1;
    }
    let mut e = Numbers {
        unit: reach.path.pace_unit(row),
        history_pace: history_pace(row, &lv.history),
        target: Some(level),
        planned_pace: planned(row, reach.path, x0, level, reach.n),
        ..Numbers::default()
    };
    let Some(latest) = lv.after.last().cloned() else {
        e.required_pace = reach.path.pace(x0, level, reach.n);
        g.text = reach.words(&e, Status::InsufficientData, &lv.after, uncounted.as_ref());
        g.uncounted = uncounted.is_some();
        g.measured(Evidence::Reach(e));
        return g;
    };
    reach.paces(&mut e, &latest);
    e.chance = trend(row, reach.path, (y0, x0), &lv.after, &goal, precision).map(Chance::of);
    let status = reach.verdict(&mut e, &lv.after, &latest, precision);
    g.text = reach.words(&e, status, &lv.after, None);
    if let Some(u) = &uncounted {
        g.text = std::mem::take(&mut g.text)
            .then(&Text::new(format!("; {}", u.en), format!("；{}", u.zh)));
    }
    g.measured(Evidence::Reach(e));
    let g = g.with_status(status);
    row.evidence(g, &lv.after)
}

/// One row's target to reach, from its start `(y0, x0)` along the plan's path over `n` years.
struct Reach<'a> {
    row: &'a Row<'a>,
    goal: GoalKind,
    path: Path,
    y0: i32,
    x0: f64,
    level: f64,
    n: f64,
    /// The target in words.
    aim: Text,
    /// Where the path starts, in words (empty for a change index).
    from: Text,
    /// The official figure for the period, standing in for the compounded yearly changes.
    official: Option<Official>,
}

/// An official figure for the plan's period (`〔17.7〕` over 2021–2025) and what the yearly
/// changes compound to over the same years, shown beside it.
struct Official {
    p: PeriodObs,
    /// The compounded yearly changes to the figure's last year (%), when every year is known.
    chained: Option<f64>,
}

/// Puts an official period figure in place of the change index compounded from yearly
/// changes: it is the publisher's own total, revisions and changes of method included. Later
/// yearly changes go on from it.
fn official(row: &Row, lv: &mut Levels) -> Option<Official> {
    if row.m.quantity != Quantity::PeriodChange {
        return None;
    }
    let p = row.period_figure().0?;
    let (_, x0) = lv.start?;
    let chained = lv.after.iter().find(|o| o.year == p.last).map(|o| o.value);
    let index = x0 * (1.0 + p.value / 100.0);
    let mut after = vec![Obs {
        year: p.last,
        value: index,
        side: None,
        preliminary: p.preliminary,
        hypothetical: p.hypothetical,
        derived: false,
        notes: p.notes.clone(),
    }];
    if let Some(c) = chained.filter(|c| *c != 0.0) {
        after.extend(lv.after.iter().filter(|o| o.year > p.last).map(|o| Obs {
            value: index * o.value / c,
            ..o.clone()
        }));
    }
    lv.after = after;
    Some(Official {
        chained: chained.map(|c| (c / x0 - 1.0) * 100.0),
        p,
    })
}

impl Reach<'_> {
    /// The latest outturn, the pace so far, the pace still required and their gap.
    fn paces(&self, e: &mut Numbers, latest: &Obs) {
        let k = f64::from(latest.year - self.y0);
        let h = f64::from(self.row.ind.target_year - latest.year);
        e.latest = Some(Latest {
            year: latest.year,
            value: Some(reported(self.row, latest.value)),
        });
        e.current_pace = self.path.pace(self.x0, latest.value, k);
        e.required_pace = self.path.pace(latest.value, self.level, h);
        if let (Some(c), Some(r)) = (e.current_pace, e.required_pace) {
            e.lead = Some(super::record::pace_gap(c, r, self.row.m.direction));
        }
    }

    /// The status by the latest outturn.
    fn verdict(&self, e: &mut Numbers, after: &[Obs], latest: &Obs, precision: f64) -> Status {
        let (goal, dir) = (&self.goal, self.row.m.direction);
        // an official figure is held to the target as printed: the printed precision allows
        // for rounding in figures compounded here, not in the publisher's own total
        let precision = if self.official.is_some() {
            0.0
        } else {
            precision
        };
        e.met = after
            .iter()
            .filter(|o| met(goal, dir, o))
            .cloned()
            .collect();
        if latest.year == self.row.ind.target_year {
            let strictly = met(goal, dir, latest);
            let ok = strictly || within(goal.lenient(dir, precision), latest.value);
            e.inside = (ok && !strictly).then_some(precision);
            e.short = (!ok).then(|| (self.level - latest.value).abs());
            if ok { Status::Achieved } else { Status::Missed }
        } else if met(goal, dir, latest) {
            // nothing is required of a target already met: a "required" fall would read as advice
            e.required_pace = None;
            e.lead = None;
            Status::Ahead
        } else if latest.year <= self.y0 {
            Status::InsufficientData
        } else {
            let (x0, level, n) = (self.x0, self.level, self.n);
            let k = f64::from(latest.year - self.y0);
            let progress = (latest.value - x0) / (level - x0);
            let expected = match self.path {
                Path::Compound if x0 > 0.0 && level > 0.0 && level != x0 => {
                    ((level / x0).powf(k / n) - 1.0) / (level / x0 - 1.0)
                }
                _ => k / n,
            };
            e.progress = Some((progress, expected));
            let r = progress / expected;
            if progress < 0.0 {
                Status::Regressing
            } else if r >= 1.2 {
                Status::Faster
            } else if r >= 0.8 {
                Status::OnTrack
            } else {
                Status::Lagging
            }
        }
    }

    /// The sentence of a target to reach, from its evidence and the outturns `after` the
    /// start it quotes: the one place it is made.
    fn words(&self, e: &Numbers, status: Status, after: &[Obs], uncounted: Option<&Text>) -> Text {
        let unit = e.unit.to_string();
        let need = || {
            e.required_pace
                .map_or_else(|| Text::same("—"), |v| amount(v, &unit))
        };
        let target_year = self.row.ind.target_year;
        let Some(latest) = after.last() else {
            let history = e
                .history_pace
                .map_or_else(Text::default, |h| say::history(&amount(h, &unit)));
            return say::no_outturn_reach(
                self.y0,
                &self.row.as_of_words(),
                uncounted,
                &self.aim,
                target_year,
                &self.from,
                &need(),
                &history,
            );
        };
        let now = match &self.official {
            Some(o) if o.p.last == latest.year => official_words(self.row, o),
            _ => so_far(self.row, after, latest, self.official.is_none()),
        };
        let first_met = e.met.first().map(|o| o.year);
        match status {
            Status::Achieved | Status::Missed => {
                let ok = status == Status::Achieved;
                let p = e.inside.map(show);
                let since = first_met.filter(|y| *y < target_year);
                let text =
                    say::in_target_year(&now, &self.aim, ok, p.as_deref(), since, &self.from);
                match e.short {
                    Some(short) => text.then(&Text::new(
                        {
                            let short = show(short);
                            format!(" (short by {short} {})", crate::format::points(&short))
                        },
                        format!("（差{}个百分点）", show(short)),
                    )),
                    None => text,
                }
            }
            Status::Ahead => say::ahead(
                &now,
                &self.aim,
                target_year,
                first_met.unwrap_or(latest.year),
                &self.from,
            ),
            Status::InsufficientData => say::one_outturn(&now, &self.aim, target_year, &need()),
            _ => {
                let (progress, expected) = e.progress.unwrap_or_default();
                say::progress(
                    &now,
                    &show(progress * 100.0),
                    &self.from,
                    &self.aim,
                    target_year,
                    &show(expected * 100.0),
                    latest.year,
                    match self.path {
                        Path::Compound => "compound",
                        Path::Points => "straight-line",
                        Path::Counts => "even",
                    },
                    &show(progress / expected),
                    progress < 0.0,
                    &listed(&e.met.iter().collect::<Vec<_>>()),
                )
            }
        }
    }
}

/// The target in words: `65`; `78.3 (〔1〕)` for a change printed as a period total; `a fall
/// of 13.5% (〔13.5〕)` for a change index.
fn aim(row: &Row, level: f64) -> Text {
    let t = row.target_short();
    match row.m.quantity {
        Quantity::PeriodChange => say::aim_change(level <= 100.0, &show((level - 100.0).abs()), &t),
        _ if t == show(level)
            || t.trim_start_matches(['≥', '>', '≤', '<', '＞', '＜']) == show(level) =>
        {
            Text::same(t)
        }
        _ => match row.ind.target.form {
            crate::table::Form::Number { .. }
            | crate::table::Form::AtLeast { .. }
            | crate::table::Form::AtMost { .. }
            | crate::table::Form::About { .. }
            | crate::table::Form::Range { .. }
                if !row.ind.target.is_period_total() =>
            {
                Text::same(t)
            }
            _ => Text::new(
                format!("{} ({t})", show(level)),
                format!("{}（{t}）", show(level)),
            ),
        },
    }
}

/// What the outturns say by the latest one: `65.22 in 2022`, `>25 in 2024`; for a change
/// index, the cumulated change with the yearly changes behind it (`counted`: only those of
/// the years cumulated, when no official figure stands in for some).
fn so_far(row: &Row, after: &[Obs], latest: &Obs, counted: bool) -> Text {
    if row.m.quantity == Quantity::PeriodChange {
        let c = latest.value - 100.0;
        let changes: Vec<String> = row
            .split(row.native())
            .0
            .iter()
            .filter(|o| !counted || after.iter().any(|a| a.year == o.year))
            .map(|o| show(o.value))
            .collect();
        return say::fell(c <= 0.0, &show(c.abs()), &years(after), &changes);
    }
    say::level_in(&super::shown(latest), latest.year)
}

/// The official period figure, with what the yearly changes compound to beside it.
fn official_words(row: &Row, o: &Official) -> Text {
    let fall = o.p.value <= 0.0;
    let (pct, span) = (show(o.p.value.abs()), format!("{}–{}", o.p.first, o.p.last));
    let word = |f: bool| {
        if f {
            ("fell", "下降")
        } else {
            ("rose", "上升")
        }
    };
    let chain = match o.chained {
        Some(c) => {
            let changes: Vec<String> = row
                .split(row.native())
                .0
                .iter()
                .filter(|x| x.year <= o.p.last)
                .map(|x| show(x.value))
                .collect();
            let (en, zh) = word(c <= 0.0);
            Text::new(
                format!(
                    "; the yearly changes {} multiply to: {en} {}%",
                    changes.join(", "),
                    show(c.abs())
                ),
                format!(
                    "；逐年变化{}连乘为{zh}{}%",
                    changes.join("、"),
                    show(c.abs())
                ),
            )
        }
        None => Text::default(),
    };
    let (en, zh) = word(fall);
    Text::new(
        format!(
            "{en} {pct}% over {span} by the official figure ({}, graded on it{})",
            o.p.text, chain.en
        ),
        format!(
            "{span}年官方累计{zh}{pct}%（{}，评估依据此数{}）",
            o.p.text, chain.zh
        ),
    )
}

/// The latest value as reported: the change to date in % for a change index.
fn reported(row: &Row, v: f64) -> f64 {
    match row.m.quantity {
        Quantity::PeriodChange => v - 100.0,
        _ => v,
    }
}

/// The pace of outturns up to the base year.
fn history_pace(row: &Row, history: &[Obs]) -> Option<f64> {
    match row.m.quantity {
        // yearly changes: their compound mean
        Quantity::PeriodChange if !history.is_empty() => {
            let f: f64 = history.iter().map(|o| 1.0 + o.value / 100.0).product();
            Some((f.powf(1.0 / history.len() as f64) - 1.0) * 100.0)
        }
        Quantity::RunningTotal if !history.is_empty() => Some(crate::series::trend::mean(
            &history.iter().map(|o| o.value).collect::<Vec<_>>(),
        )),
        _ => {
            let (a, b) = (history.first()?, history.last()?);
            let path = Path::of(row, a.value);
            path.pace(a.value, b.value, f64::from(b.year - a.year))
        }
    }
}
