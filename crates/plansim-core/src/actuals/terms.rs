//! Outturns in an indicator's own terms: levels for a level or a share, the year's rate for a
//! growth-rate indicator, the year's change (%) for a total change over the period, the
//! year's count for a running total. Outturns of the same quantity measured the other way
//! serve too: growth rates chain a level on from the last known one, and two consecutive
//! levels give the year's rate.

use super::{How, Outturn, Side};
use crate::meaning::{Meaning, Quantity};
use crate::names::{Measure, Name, key, split_measure};
use crate::table::{Indicator, Unit};
use serde::Serialize;
use std::collections::BTreeMap;

/// One year's figure in the indicator's terms.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Obs {
    /// The year of the figure.
    pub year: i32,
    /// The figure in the indicator's unit.
    pub value: f64,
    /// A bound rather than a number (`＞25`): the true value lies on this side.
    pub side: Option<Side>,
    /// A preliminary figure (（预计）), replaced when a final one comes.
    pub preliminary: bool,
    /// A what-if, not a published figure.
    pub hypothetical: bool,
    /// Computed from another measure of the quantity (a level chained on by growth rates).
    pub derived: bool,
    /// The outturn's notes, as written.
    pub notes: Vec<String>,
}

impl Obs {
    fn from(o: &Outturn, value: f64, derived: bool) -> Obs {
        Obs {
            year: o.year,
            value,
            side: o.side,
            preliminary: o.preliminary,
            hypothetical: o.hypothetical,
            derived,
            notes: o.notes.clone(),
        }
    }

    /// A figure computed from two, `other` being the year's own: preliminary, hypothetical or
    /// bounded when either is; the notes are the year's.
    fn joined(&self, other: &Obs, year: i32, value: f64) -> Obs {
        let notes = other.notes.clone();
        Obs {
            year,
            value,
            side: self.side.or(other.side),
            preliminary: self.preliminary || other.preliminary,
            hypothetical: self.hypothetical || other.hypothetical,
            derived: true,
            notes,
        }
    }
}

/// The factor that takes an outturn into the indicator's value unit, when the outturn says its
/// own (`1686亿`, `（亿元，总量）`); 1 when it does not (it is then read in the indicator's unit).
/// The same quantity in another unit converts (`亿吨 → 万亿斤 ×0.2`), with the words that say
/// so.
fn conversion(ind: &Indicator, o: &Outturn) -> (f64, Option<String>) {
    let unit = Unit::parse(&ind.value_unit());
    let printed = super::value::parse(&o.text).map_or(1.0, |p| p.scale);
    if printed != 1.0 {
        return (1.0 / unit.scale, None);
    }
    let Some(u) = Name::parse(&o.indicator).unit else {
        return (1.0, None);
    };
    let theirs = Unit::parse(&u);
    match theirs.factor_to(&unit) {
        Some(f) if (f - 1.0).abs() > 1e-12 => (
            f,
            Some(format!(
                "单位换算 unit converted: {} → {} ×{}",
                theirs.raw,
                unit.raw,
                crate::format::significant(f)
            )),
        ),
        Some(f) => (f, None),
        None => (theirs.scale / unit.scale, None),
    }
}

/// An outturn as a level in the row's unit, its conversion noted.
pub(crate) fn level(ind: &Indicator, o: &Outturn) -> Obs {
    let (f, note) = conversion(ind, o);
    let mut obs = Obs::from(o, o.value * f, false);
    obs.notes.extend(note);
    obs
}

/// `v` as a signed change: a fall under `降低` is negative.
fn signed(v: f64, measure: Measure) -> f64 {
    match measure {
        Measure::Change { falling: true } => -v,
        _ => v,
    }
}

/// Every outturn of `matches` in the indicator's terms, one per year (a figure as published
/// before one derived, a same-name match before another), sorted by year.
pub fn observations(m: &Meaning, ind: &Indicator, matches: &[(&Outturn, How)]) -> Vec<Obs> {
    counted(m, ind, matches).0
}

/// [`observations`], and the years of a level's (or a share's) yearly changes it cannot chain
/// into levels, the level of the year before unknown (`地区生产总值增长` of 2023 without a
/// 2022 level): what a grade says it could not count. Both from one gathering.
pub fn counted(m: &Meaning, ind: &Indicator, matches: &[(&Outturn, How)]) -> (Vec<Obs>, Vec<i32>) {
    let (mut levels, changes) = gathered(m, ind, matches);
    let to_date = ind.name.contains("累计");
    if m.quantity == Quantity::Rate {
        with_level_base(m, &mut levels);
    }
    let mut unchained = Vec::new();
    let out: BTreeMap<i32, Obs> = match m.quantity {
        Quantity::Level | Quantity::Share => {
            let chained = chain(m.base, &levels, &changes);
            unchained = (changes.keys().copied())
                .filter(|y| !chained.contains_key(y))
                .collect();
            chained
        }
        Quantity::RunningTotal if to_date => differences(m.base, &levels),
        Quantity::RunningTotal => levels,
        Quantity::Rate => rates(&levels, changes),
        Quantity::PeriodChange => {
            // index levels (same-name to-date totals, or 100 at the base) and underlying levels
            // both give the year's change between consecutive years
            let base = m.base.map(|(y, _)| (y, 100.0));
            let index = if to_date {
                differences_pct(base, &levels)
            } else {
                rates(&levels, BTreeMap::new())
            };
            let mut all = changes;
            for (y, o) in index {
                all.entry(y).or_insert(o);
            }
            all
        }
    };
    (out.into_values().collect(), unchained)
}

/// A row's outturns in its terms, one a year, the best ranked: levels, and yearly changes.
fn gathered(
    m: &Meaning,
    ind: &Indicator,
    matches: &[(&Outturn, How)],
) -> (BTreeMap<i32, Obs>, BTreeMap<i32, Obs>) {
    let own = split_measure(&key(&ind.name)).1;
    let to_date = ind.name.contains("累计");
    // (rank, obs): 0 = same name, 1 = same quantity as published, 2 = derived
    let mut levels: Vec<(u8, Obs)> = Vec::new();
    let mut changes: Vec<(u8, Obs)> = Vec::new();
    // period figures are not a year's: see [`super::period`]
    for &(o, how) in matches.iter().filter(|(o, _)| o.period.is_none()) {
        match how {
            How::Exact => match m.quantity {
                Quantity::Level | Quantity::Share | Quantity::RunningTotal => {
                    levels.push((0, level(ind, o)))
                }
                Quantity::Rate => changes.push((0, Obs::from(o, signed(o.value, own), false))),
                // `…累计降低` counts from the base year: the index itself
                Quantity::PeriodChange if to_date => levels.push((
                    0,
                    Obs::from(o, 100.0 * (1.0 + signed(o.value, own) / 100.0), false),
                )),
                Quantity::PeriodChange => {
                    changes.push((0, Obs::from(o, signed(o.value, own), false)))
                }
            },
            How::Quantity {
                measure: Measure::Level,
            } => levels.push((1, level(ind, o))),
            How::Quantity { measure } => {
                changes.push((1, Obs::from(o, signed(o.value, measure), false)))
            }
        }
    }
    (best(levels), best(changes))
}

/// The yearly growth (%) of a level or a share: published growth rates, else the change
/// between two consecutive levels (the baseline counting as one).
pub fn growth(m: &Meaning, ind: &Indicator, matches: &[(&Outturn, How)]) -> Vec<Obs> {
    let mut changes: Vec<(u8, Obs)> = Vec::new();
    let mut levels: Vec<(u8, Obs)> = Vec::new();
    for &(o, how) in matches.iter().filter(|(o, _)| o.period.is_none()) {
        match how {
            How::Quantity {
                measure: measure @ Measure::Change { .. },
            } => changes.push((1, Obs::from(o, signed(o.value, measure), false))),
            _ => levels.push((0, level(ind, o))),
        }
    }
    let mut levels = best(levels);
    if let Some((y, v)) = m.base
        && !levels.contains_key(&y)
    {
        levels.insert(y, base_obs(y, v));
    }
    with_level_base(m, &mut levels);
    let mut out = rates(&levels, best(changes));
    if let Some((y, _)) = m.base {
        out.remove(&y);
    }
    out.into_values().collect()
}

/// The plan's base-year level as a figure.
fn base_obs(year: i32, value: f64) -> Obs {
    Obs {
        year,
        value,
        side: None,
        preliminary: false,
        hypothetical: false,
        derived: false,
        notes: Vec::new(),
    }
}

/// The level row's base beside a change row's level outturns, so that the first year after
/// the base has its change (`104` in 2021 from `100` in 2020 is 4 %), as it has on the level
/// row itself.
fn with_level_base(m: &Meaning, levels: &mut BTreeMap<i32, Obs>) {
    if let Some((y, v)) = m.level_base
        && !levels.is_empty()
        && !levels.contains_key(&y)
    {
        levels.insert(y, base_obs(y, v));
    }
}

/// One figure per year, the best ranked first.
fn best(mut list: Vec<(u8, Obs)>) -> BTreeMap<i32, Obs> {
    list.sort_by_key(|(rank, o)| (o.year, *rank));
    let mut out = BTreeMap::new();
    for (_, o) in list {
        out.entry(o.year).or_insert(o);
    }
    out
}

/// Levels as published, and levels chained on by changes where the year before is known
/// (from the base, a level, or a chained level).
fn chain(
    base: Option<(i32, f64)>,
    levels: &BTreeMap<i32, Obs>,
    changes: &BTreeMap<i32, Obs>,
) -> BTreeMap<i32, Obs> {
    let mut out = levels.clone();
    let mut years: Vec<i32> = changes.keys().copied().collect();
    years.sort_unstable();
    for y in years {
        if out.contains_key(&y) {
            continue;
        }
        let prev = out
            .get(&(y - 1))
            .map(|o| (o.value, Some(o.clone())))
            .or_else(|| base.filter(|b| b.0 == y - 1).map(|b| (b.1, None)));
        if let (Some((v, from)), Some(c)) = (prev, changes.get(&y)) {
            let value = v * (1.0 + c.value / 100.0);
            let obs = match from {
                Some(f) => f.joined(c, y, value),
                None => Obs {
                    value,
                    derived: true,
                    ..c.clone()
                },
            };
            out.insert(y, obs);
        }
    }
    out
}

/// Rates as published, and the rate between two consecutive levels where none is.
fn rates(levels: &BTreeMap<i32, Obs>, mut changes: BTreeMap<i32, Obs>) -> BTreeMap<i32, Obs> {
    for (y, l) in levels {
        if changes.contains_key(y) {
            continue;
        }
        if let Some(p) = levels.get(&(y - 1)).filter(|p| p.value != 0.0) {
            changes.insert(*y, p.joined(l, *y, (l.value / p.value - 1.0) * 100.0));
        }
    }
    changes
}

/// Yearly counts from running totals to date (from 0 in the base year).
fn differences(base: Option<(i32, f64)>, totals: &BTreeMap<i32, Obs>) -> BTreeMap<i32, Obs> {
    let mut out = BTreeMap::new();
    for (y, t) in totals {
        let prev = totals
            .get(&(y - 1))
            .map(|p| p.value)
            .or_else(|| base.filter(|b| b.0 == y - 1).map(|b| b.1));
        if let Some(p) = prev {
            let mut o = t.clone();
            o.value = t.value - p;
            o.derived = true;
            out.insert(*y, o);
        }
    }
    out
}

/// Yearly % changes from an index to date (100 in the base year).
fn differences_pct(base: Option<(i32, f64)>, index: &BTreeMap<i32, Obs>) -> BTreeMap<i32, Obs> {
    let mut out = BTreeMap::new();
    for (y, t) in index {
        let prev = index
            .get(&(y - 1))
            .map(|p| p.value)
            .or_else(|| base.filter(|b| b.0 == y - 1).map(|b| b.1));
        if let Some(p) = prev.filter(|p| *p != 0.0) {
            let mut o = t.clone();
            o.value = (t.value / p - 1.0) * 100.0;
            o.derived = true;
            out.insert(*y, o);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests_support::row;
    use std::path::PathBuf;

    fn o(name: &str, year: i32, text: &str) -> Outturn {
        let p = super::super::value::parse(text).unwrap();
        Outturn {
            region: "科尔沁区".into(),
            period: None,
            indicator: name.into(),
            year,
            value: p.value * p.scale,
            text: text.into(),
            side: p.side,
            preliminary: p.preliminary,
            hypothetical: false,
            notes: p.notes,
            source: String::new(),
            file: PathBuf::from("o.csv"),
            row: 2,
            column: 4,
            name_column: 2,
            from_plan_table: false,
        }
    }

    fn values(obs: &[Obs]) -> Vec<(i32, f64, bool)> {
        obs.iter()
            .map(|o| (o.year, (o.value * 1e6).round() / 1e6, o.derived))
            .collect()
    }

    #[test]
    fn growth_rates_chain_a_level_and_levels_give_rates() {
        // 305.8 growing 6 %, 3 %, 5 %: 324.148, 333.87244, 350.566062
        let ind = row("地区生产总值", "亿元", 2020, "305.8", 2025, "—", "7左右");
        let m = Meaning::of(&ind);
        let (a, b, c) = (
            o("地区生产总值增长（%）", 2021, "6"),
            o("地区生产总值增长（%）", 2022, "3"),
            o("地区生产总值增长（%）", 2023, "5"),
        );
        let change = How::Quantity {
            measure: Measure::Change { falling: false },
        };
        let obs = observations(&m, &ind, &[(&a, change), (&b, change), (&c, change)]);
        assert_eq!(
            values(&obs),
            [
                (2021, 324.148, true),
                (2022, 333.87244, true),
                (2023, 350.566062, true)
            ]
        );
        // a published level wins over a chained one, and the chain goes on from it
        let l = o("地区生产总值（亿元）", 2022, "340");
        let obs = observations(
            &m,
            &ind,
            &[
                (&a, change),
                (
                    &l,
                    How::Quantity {
                        measure: Measure::Level,
                    },
                ),
                (&c, change),
            ],
        );
        assert_eq!(
            values(&obs),
            [
                (2021, 324.148, true),
                (2022, 340.0, false),
                (2023, 357.0, true)
            ]
        );
        // a growth-rate row: rates as published, and the rate between two levels
        let ind = row("地区生产总值增长", "%", 2020, "2.3", 2025, "—", "6左右");
        let m = Meaning::of(&ind);
        assert_eq!(m.quantity, Quantity::Rate);
        let (l1, l2) = (
            o("地区生产总值（亿元）", 2023, "400"),
            o("地区生产总值（亿元）", 2024, "420"),
        );
        let level = How::Quantity {
            measure: Measure::Level,
        };
        let obs = observations(&m, &ind, &[(&a, How::Exact), (&l1, level), (&l2, level)]);
        // 420/400 − 1 = 5 %
        assert_eq!(values(&obs), [(2021, 6.0, false), (2024, 5.0, true)]);
    }

    #[test]
    fn falls_are_negative_changes_and_magnitudes_convert() {
        let ind = row("单位GDP能源消耗降低", "%", 2020, "—", 2025, "—", "[13.5]");
        let m = Meaning::of(&ind);
        let a = o("万元国内生产总值能耗比上年变化（%）", 2021, "-2.7");
        let b = o("单位GDP能源消耗降低（%）", 2022, "0.1");
        let obs = observations(
            &m,
            &ind,
            &[
                (
                    &a,
                    How::Quantity {
                        measure: Measure::Change { falling: false },
                    },
                ),
                (&b, How::Exact),
            ],
        );
        assert_eq!(values(&obs), [(2021, -2.7, false), (2022, -0.1, false)]);
        // 1686亿 for a table in 亿元 is 1686
        let ind = row("地区生产总值", "亿元", 2022, "1561.8", 2025, "—", "7左右");
        let g = o("地区生产总值（亿元，总量）", 2024, "1686亿");
        let obs = observations(
            &Meaning::of(&ind),
            &ind,
            &[(
                &g,
                How::Quantity {
                    measure: Measure::Level,
                },
            )],
        );
        assert_eq!(values(&obs), [(2024, 1686.0, false)]);
    }
}
