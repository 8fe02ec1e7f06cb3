//! Average annual rates: `年均增长7%`, `7左右`, `3-4`. The mean outturn rate (compound for the
//! growth of a level, from the baseline to the latest level; arithmetic for a rate indicator's
//! yearly values) against the target: within ±0.5 point (`左右`: its own tolerance, 0.5 point;
//! a range: its ends) 基本符合预期, above 快于预期, below 滞后于预期 (the other way round for a
//! falling target). In the target year, 已实现 when the mean reaches the target: a plain number
//! inside its printed precision (`7` from 6.95), `左右` inside its tolerance (`7左右` from 6.5),
//! a range's end as drawn (`3-4` from 3), else 未实现.

use super::hold::{average, p_mean, span, summary, typed_unit, yearly};
use super::path::within;
use super::typed::Period;
use super::words as say;
use super::{Average, Chance, Evidence, Grade, Latest, Row, Status, amount};
use crate::format::significant as show;
use crate::lang::Text;
use crate::meaning::GoalKind;
use crate::meaning::Of;
use crate::table::Direction;

/// Half a point either way of a plain rate target counts as in line with it.
pub(crate) const BAND: f64 = 0.5;

pub fn grade(row: &Row, goal: GoalKind, of: Of, precision: f64) -> Grade {
    let dir = row.m.direction;
    let (unit, _) = typed_unit(row, of);
    let mut g = row.bare(Status::InsufficientData, Text::default());
    let target = goal.level(dir);
    let n = f64::from(row.ind.target_year - row.base_year());
    let history = yearly(row, of).1;
    let mut e = Average {
        unit,
        target_rate: target,
        target_level: match (of, row.m.base) {
            (Of::Growth, Some((_, b))) => Some(b * (1.0 + target / 100.0).powf(n)),
            (Of::Values, _) => Some(target),
            _ => None,
        },
        history_mean: (!history.is_empty()).then(|| average(of, &history)),
        band: band(goal),
        growth: of == Of::Growth,
        ..Average::default()
    };
    // an official figure for the whole period settles the average directly, held to the
    // target as printed; the mean of the yearly figures beside it, when every year is known
    if let Some(p) = row
        .period_figure()
        .0
        .filter(|p| p.last == row.ind.target_year)
    {
        let chain = summary(row, of).filter(|s| super::evidence::whole_period(row, s));
        e.yearly_mean = chain.map(|s| s.mean);
        e.mean = Some(p.value);
        e.excess = Some(super::record::pace_gap(p.value, target, dir));
        e.latest = Some(Latest {
            year: p.last,
            value: None,
        });
        e.official = Some(Period {
            first: p.first,
            last: p.last,
            text: p.text.clone(),
        });
        g.period_figure = Some(format!("{}–{} {}", p.first, p.last, p.text));
        g.evidence_year = Some(p.last);
        g.evidence_count = 1;
        g.preliminary = p.preliminary;
        g.hypothetical = p.hypothetical;
        let ok = within(goal.lenient(dir, 0.0), p.value);
        let status = if ok { Status::Achieved } else { Status::Missed };
        g.text = words(row, &e, status);
        g.measured(Evidence::Average(e));
        return g.with_status(status);
    }
    let Some(s) = summary(row, of) else {
        e.required = Some(target);
        g.text = words(row, &e, Status::InsufficientData);
        g.measured(Evidence::Average(e));
        return g;
    };
    let m = s.mean;
    let h = f64::from(row.ind.target_year - s.latest_year);
    e.latest = Some(Latest {
        year: s.latest_year,
        value: s.latest_value,
    });
    e.mean = Some(m);
    e.span = span(&s);
    if h > 0.0 {
        e.required = Some(required(of, target, m, s.years, h));
    }
    // against the mean the remaining years need, or with none left the target itself
    e.excess = Some(super::record::pace_gap(
        m,
        e.required.unwrap_or(target),
        dir,
    ));
    let threshold = goal.lenient(dir, precision);
    e.chance = p_mean(row, of, &s.obs, threshold, h).map(Chance::of);
    let whole = super::evidence::whole_period(row, &s);
    let status = if whole {
        if within(threshold, m) {
            Status::Achieved
        } else {
            Status::Missed
        }
    } else {
        against_band(m, e.band, dir)
    };
    e.partial = (s.latest_year == row.ind.target_year && !whole).then(|| s.years.round() as i32);
    g.text = words(row, &e, status);
    g.measured(Evidence::Average(e));
    row.evidence(g.with_status(status), &s.used)
}

/// The sentence of an average rate's grade, from its evidence: the one place it is made.
fn words(row: &Row, e: &Average, status: Status) -> Text {
    let unit = e.unit.to_string();
    let t = row.target_short();
    let Some(m) = e.mean else {
        let more = e
            .history_mean
            .map_or_else(Text::default, |h| say::averaged_before(&amount(h, &unit)));
        return say::rate_no_outturn(row.base_year(), &row.as_of_words(), &t, &more);
    };
    if let Some(p) = &e.official {
        let ok = status == Status::Achieved;
        let span = format!("{}–{}", p.first, p.last);
        let beside = e.yearly_mean.map_or_else(Text::default, |y| {
            let y = amount(y, &unit);
            Text::new(
                format!("; the yearly figures average {}", y.en),
                format!("；逐年数据平均为{}", y.zh),
            )
        });
        let a = amount(m, &unit);
        return Text::new(
            format!(
                "averaged {} over {span} by the official figure ({}, graded on it{}) against {t}: {}",
                a.en,
                p.text,
                beside.en,
                if ok { "met" } else { "missed" }
            ),
            format!(
                "{span}年官方数据平均为{}（{}，评估依据此数{}），目标{t}：{}",
                a.zh,
                p.text,
                beside.zh,
                if ok { "已达到" } else { "未达到" }
            ),
        );
    }
    let need = e
        .required
        .filter(|_| status != Status::Achieved && status != Status::Missed)
        .map(|r| amount(r, &unit));
    let text = say::rate(
        e.growth,
        &amount(m, &unit),
        &e.span,
        &t,
        &show(e.band.0),
        &show(e.band.1),
        need.as_ref(),
    );
    match e.partial {
        Some(k) => text.then(&super::evidence::part_of_period(row, k)),
        None => text,
    }
}

/// The rates in line with the target: ±0.5 point of a plain rate, a `左右`'s own tolerance, a
/// range's ends, a bound itself.
fn band(goal: GoalKind) -> (f64, f64) {
    match goal {
        GoalKind::Point { value } => (value - BAND, value + BAND),
        GoalKind::About { value, tolerance } => (value - tolerance, value + tolerance),
        GoalKind::Range { low, high } => (low, high),
        GoalKind::AtLeast { value, .. } | GoalKind::AtMost { value, .. } => (value, value),
    }
}

/// The mean rate the remaining `h` years need for the `k + h` years to average `target`, given
/// a mean `m` over the first `k`: arithmetic for yearly values, compound for growth.
fn required(of: Of, target: f64, m: f64, k: f64, h: f64) -> f64 {
    match of {
        Of::Values => (target * (k + h) - m * k) / h,
        Of::Growth => {
            let done = (1.0 + m / 100.0).powf(k);
            (((1.0 + target / 100.0).powf(k + h) / done).powf(1.0 / h) - 1.0) * 100.0
        }
    }
}

/// Before the target year: in line inside the band, else faster or lagging by the direction.
fn against_band(m: f64, (low, high): (f64, f64), dir: Direction) -> Status {
    let rising = dir == Direction::Rising;
    if m < low {
        if rising {
            Status::Lagging
        } else {
            Status::Faster
        }
    } else if m > high {
        if rising {
            Status::Faster
        } else {
            Status::Lagging
        }
    } else {
        Status::OnTrack
    }
}
