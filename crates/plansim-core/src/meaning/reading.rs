//! Two rows of one plan that state one target: 科尔沁区's table prints `地区生产总值增长率 | % |
//! 305.8亿 | 430亿 | 7` and its text `地区生产总值 305.8 → 年均7左右`. Graded apart they gave two
//! verdicts and two probabilities for one path. The row with a numeric target governs (its
//! figures, read by their values); the other is kept on it as a second reading and is not
//! checked, graded or projected on its own.

use super::quantity::{Quantity, quantity};
use crate::table::{Indicator, Reading};

/// Words a name adds to say "the growth of" a quantity the other row names bare.
const GROWTH_WORDS: [&str; 5] = ["年均增长率", "增长率", "增速", "年均增长", "增长"];

/// The quantity a name is about, without a trailing word of growth.
fn stem(name: &str) -> &str {
    let name = name.trim();
    GROWTH_WORDS
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .unwrap_or(name)
        .trim()
}

/// What two rows stating one target share: region, plan, file, base and target year, and the
/// quantity's name without a word of growth.
type Key<'a> = (&'a str, &'a str, &'a std::path::Path, i32, i32, &'a str);

fn key(r: &Indicator) -> Key<'_> {
    (
        r.region.as_str(),
        r.plan.as_str(),
        &*r.file,
        r.base_year,
        r.target_year,
        stem(&r.name),
    )
}

/// Whether `other` states `row`'s target again: the same plan, region and years, the same
/// quantity by name once a word of growth is set aside, both read as levels of the same base
/// value, the same stated rate where both print one; `row` prints a numeric target, `other`
/// none (its target is its rate).
pub(crate) fn restates(row: &Indicator, other: &Indicator) -> bool {
    let level = |i: &Indicator| matches!(quantity(i), Quantity::Level);
    let same_place = row.region == other.region
        && row.plan == other.plan
        && row.file == other.file
        && row.row != other.row
        && row.base_year == other.base_year
        && row.target_year == other.target_year;
    if !same_place || stem(&row.name) != stem(&other.name) || !level(row) || !level(other) {
        return false;
    }
    if row.target.point().is_none() || other.target.point().is_some() {
        return false;
    }
    let (Some(a), Some(b)) = (row.base_level(), other.base_level()) else {
        return false;
    };
    let near = |x: f64, y: f64| (x - y).abs() <= 1e-9 + 5e-4 * x.abs().max(y.abs());
    let rates = match (row.rate.point(), other.rate.point()) {
        (Some(x), Some(y)) => near(x.value, y.value),
        _ => true,
    };
    near(a.value, b.value) && rates
}

/// Marks each second reading (see `restates`) on the row it restates (`readings`) and on
/// itself (`restates`), every row kept: for listing a table as printed.
pub fn mark_readings(rows: &mut [Indicator]) {
    // rows compared only within their key (plan, years, the quantity's name): a table of
    // 100,000 rows is not compared pair by pair. Rows sorted by their key's hash (then file
    // order) sit with their key's others: 16 bytes a row, not a map of keys
    let hash = |r: &Indicator| {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key(r).hash(&mut h);
        h.finish()
    };
    let mut order: Vec<(u64, usize)> = rows.iter().enumerate().map(|(i, r)| (hash(r), i)).collect();
    order.sort_unstable();
    let mut governs: Vec<Option<usize>> = vec![None; rows.len()];
    for run in order.chunk_by(|a, b| a.0 == b.0) {
        for &(_, i) in run {
            let r = &rows[i];
            governs[i] = run
                .iter()
                .map(|&(_, g)| g)
                .find(|&g| key(&rows[g]) == key(r) && restates(&rows[g], r));
        }
    }
    for (i, g) in governs.iter().enumerate() {
        // a row that governs is never itself a second reading: no chains
        let Some(g) = g.filter(|g| governs[*g].is_none()) else {
            continue;
        };
        let r = &rows[i];
        let reading = Reading {
            row: r.row,
            name: r.name.clone(),
            unit: r.unit.raw.clone(),
            base: r.base.raw.clone(),
            target: r.target.raw.clone(),
            rate: r.rate.raw.clone(),
        };
        let at = rows[g].row;
        rows[g].readings.push(reading);
        rows[i].restates = Some(at);
    }
}

/// The rows with each second reading folded into the row it restates: every command that
/// checks, grades or projects reads the plan through this, so none grades one target twice.
pub(crate) fn one_reading(mut rows: Vec<Indicator>) -> Vec<Indicator> {
    mark_readings(&mut rows);
    rows.retain(|r| r.restates.is_none());
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn horqin() -> Vec<Indicator> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/tables/horqin.csv");
        crate::table::load(&path, &Default::default())
            .map(|t| t.indicators)
            .unwrap_or_default()
    }

    /// The table row (file row 2: 305.8亿 → 430亿 @ 7) governs; the prose row (file row 22:
    /// 305.8 → — @ 7左右) is folded into it. 430/305.8 over five years is
    /// (1.40615)^(1/5) − 1 = 7.05 % a year, the pace the governing row asks.
    #[test]
    fn horqin_gdp_is_one_target() {
        let rows = horqin();
        assert!(rows.len() > 20, "{}", rows.len());
        let n = rows.len();
        let one = one_reading(rows);
        assert_eq!(one.len(), n - 1);
        let gdp: Vec<&Indicator> = one
            .iter()
            .filter(|r| stem(&r.name) == "地区生产总值")
            .collect();
        assert_eq!(gdp.len(), 1);
        let g = gdp[0];
        assert_eq!((g.row, g.name.as_str()), (2, "地区生产总值增长率"));
        assert_eq!(g.readings.len(), 1);
        assert_eq!(g.readings[0].row, 22);
        assert_eq!(g.readings[0].rate, "7左右");
        let (b, t) = (
            g.base_level().map(|n| n.value),
            g.target.point().map(|n| n.value),
        );
        let pace = (t.unwrap_or(f64::NAN) / b.unwrap_or(f64::NAN)).powf(0.2) - 1.0;
        assert!((pace - 0.0705).abs() < 5e-4, "{pace}");
    }

    #[test]
    fn rows_of_other_quantities_or_values_stay_apart() {
        let rows = horqin();
        let (Some(table), Some(prose)) = (
            rows.iter().find(|r| r.row == 2),
            rows.iter().find(|r| r.row == 22),
        ) else {
            panic!("rows 2 and 22 of horqin.csv")
        };
        assert!(restates(table, prose));
        assert!(!restates(prose, table));
        let mut other = prose.clone();
        other.base.raw = "300".into();
        other.base.form = crate::table::Form::Number {
            value: crate::table::Num::new(300.0, 0),
        };
        assert!(!restates(table, &other));
        let mut later = prose.clone();
        later.target_year = 2035;
        assert!(!restates(table, &later));
    }
}
