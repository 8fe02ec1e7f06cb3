//! Targets stated against another indicator's growth: `高于GDP增长` (above it),
//! `不低于经济增长` (not below), `与GDP增长基本同步` (in step), `不高于`, `低于`, `优于` (better, in
//! the row's direction). Both means are taken over the years both have outturns for. 同步:
//! within 0.5 point, or above it — in step is 基本符合预期, more than 0.5 point above 快于预期
//! (the plan's purpose is that income not fall behind the economy), more than 0.5 point below
//! 滞后于预期; the others: holding 基本符合预期, not holding 滞后于预期. In the target year,
//! 已实现 when the relation holds, else 未实现.

use super::hold::p_mean;
use super::words as say;
use super::{Chance, Evidence, Grade, Latest, Relative, Row, Status, years};
use crate::actuals::{Obs, growth, observations};
use crate::format::significant as show;
use crate::lang::Text;
use crate::meaning::{Meaning, Of, Quantity, Relation, same_indicator};
use crate::series::trend::mean;
use crate::series::{Observed, SigmaSource};
use crate::table::Direction;
use crate::table::Relation as RelationKind;

/// In step: within this many points a year.
pub(crate) const IN_STEP: f64 = 0.5;

/// This row's yearly growth (% a year).
fn own(row: &Row) -> Vec<Obs> {
    match row.m.quantity {
        Quantity::Rate => row.native(),
        _ => row.growth(),
    }
}

/// The other indicator's yearly growth in the row's region: every outturn of its quantity
/// (names, aliases) or of its name under the table's key for such names (`经济增长`, `GDP增长`).
fn other(row: &Row, relation: &Relation) -> Vec<Obs> {
    let (quantity, _) = row.aliases.quantity(&relation.other);
    let mut matches = row.resolved.of_quantity(&row.ind.region, &quantity);
    for (o, how) in row.resolved.of_region(&row.ind.region) {
        if same_indicator(relation, &o.indicator)
            && !matches.iter().any(|(m, _)| std::ptr::eq(*m, o))
        {
            matches.push((o, how));
        }
    }
    // the other row's terms, not this row's: its base and its level's base are its own
    // (this row's level base, an income of 32000, is no GDP level)
    let m = Meaning {
        quantity: Quantity::Rate,
        base: None,
        level_base: None,
        ..row.m.clone()
    };
    let mut obs = observations(&m, row.ind, &matches);
    if obs.is_empty() {
        obs = growth(
            &Meaning {
                quantity: Quantity::Level,
                ..m
            },
            row.ind,
            &matches,
        );
    }
    obs.into_iter()
        .filter(|o| row.as_of.is_none_or(|y| o.year <= y))
        .collect()
}

/// Whether the mean difference `diff` (this row's mean growth less the other's) meets the
/// relation, its margin (positive on the good side), and the threshold of the mean difference
/// (level, met at or above).
pub(crate) fn relation_holds(
    kind: RelationKind,
    dir: Direction,
    diff: f64,
) -> (bool, f64, (f64, bool)) {
    let rising = dir == Direction::Rising;
    match kind {
        RelationKind::Above => (diff > 0.0, diff, (0.0, true)),
        RelationKind::NotBelow => (diff >= 0.0, diff, (0.0, true)),
        RelationKind::InStep => (diff >= -IN_STEP, diff + IN_STEP, (-IN_STEP, true)),
        RelationKind::NotAbove => (diff <= 0.0, -diff, (0.0, false)),
        RelationKind::Below => (diff < 0.0, -diff, (0.0, false)),
        RelationKind::Better if rising => (diff > 0.0, diff, (0.0, true)),
        RelationKind::Better => (diff < 0.0, -diff, (0.0, false)),
    }
}

pub fn grade(row: &Row, relation: &Relation) -> Grade {
    let mut g = row.bare(Status::InsufficientData, Text::default());
    let (mine, history) = row.split(own(row));
    let (theirs, _) = row.split(other(row, relation));
    let mut e = Relative {
        history_mean: (!history.is_empty())
            .then(|| mean(&history.iter().map(|o| o.value).collect::<Vec<_>>())),
        other: relation.other.clone(),
        kind: Some(relation.kind),
        ..Relative::default()
    };
    let pairs: Vec<(&Obs, &Obs)> = mine
        .iter()
        .filter_map(|a| theirs.iter().find(|b| b.year == a.year).map(|b| (a, b)))
        .collect();
    if pairs.is_empty() {
        e.apart = (years(&mine), years(&theirs));
        g.text = words(row, &e);
        g.measured(Evidence::Relative(e));
        return g;
    }
    let a: Vec<Obs> = pairs.iter().map(|p| p.0.clone()).collect();
    let ma = mean(&a.iter().map(|o| o.value).collect::<Vec<_>>());
    let mb = mean(&pairs.iter().map(|p| p.1.value).collect::<Vec<_>>());
    let diff = ma - mb;
    let (holds, margin, threshold) = relation_holds(relation.kind, row.m.direction, diff);
    let latest = pairs[pairs.len() - 1].0;
    e.latest = Some(Latest {
        year: latest.year,
        value: Some(latest.value),
    });
    e.mean = Some(ma);
    e.other_mean = Some(mb);
    e.margin = Some(margin);
    e.span = years(&a);
    // the margin's chance, from the yearly differences
    let diffs: Vec<Obs> = pairs
        .iter()
        .map(|(x, y)| Obs {
            value: x.value - y.value,
            ..(*x).clone()
        })
        .collect();
    let h = f64::from(row.ind.target_year - latest.year);
    e.chance = p_mean(row, Of::Values, &diffs, threshold, h).map(|t| Chance {
        source: SigmaSource {
            observed: Observed::Differences,
            ..t.2.clone()
        },
        ..Chance::of(t)
    });
    let k = pairs.len() as i32;
    let whole = super::evidence::whole(row, latest.year, k);
    let status = if whole {
        if holds {
            Status::Achieved
        } else {
            Status::Missed
        }
    } else if !holds {
        Status::Lagging
    } else if relation.kind == RelationKind::InStep && diff > IN_STEP {
        Status::Faster
    } else {
        Status::OnTrack
    };
    e.partial = (latest.year == row.ind.target_year && !whole).then_some(k);
    g.text = words(row, &e);
    g.measured(Evidence::Relative(e));
    let used: Vec<Obs> = pairs
        .iter()
        .flat_map(|(x, y)| [(*x).clone(), (*y).clone()])
        .collect();
    let mut g = row.evidence(g.with_status(status), &a);
    g.hypothetical |= used.iter().any(|o| o.hypothetical);
    g
}

/// The sentence of a relational grade, from its evidence: the one place it is made.
fn words(row: &Row, e: &Relative) -> Text {
    let (Some(ma), Some(mb), Some(kind)) = (e.mean, e.other_mean, e.kind) else {
        return say::relation_none(
            row.base_year(),
            &row.as_of_words(),
            &row.ind.name,
            &e.apart.0,
            &e.other,
            &e.apart.1,
        );
    };
    let diff = ma - mb;
    let holds = relation_holds(kind, row.m.direction, diff).0;
    let verdict = match kind {
        RelationKind::InStep if diff > IN_STEP => "above",
        RelationKind::InStep if holds => "in-step",
        RelationKind::InStep => "below",
        _ if holds => "holds",
        _ => "fails",
    };
    let text = say::relation(&show(ma), &e.span, &e.other, &show(mb), kind, verdict);
    match e.partial {
        Some(k) => text.then(&super::evidence::part_of_period(row, k)),
        None => text,
    }
}
