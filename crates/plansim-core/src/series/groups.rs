//! Which rows of a table make which series: one series per (region, plan, indicator), in
//! first-seen order. Held instead of the series themselves by a run that makes each series
//! only when it is projected (`project --format csv`): 16 bytes a row, where the series held
//! some 430 at a million rows.

use crate::table::Indicator;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The rows of each series, in the order of the series, each series' rows in file order.
#[derive(Clone, Debug, Default)]
pub struct Groups {
    /// The rows, series by series.
    rows: Vec<usize>,
    /// Where each series' rows start in `rows`, and one past the last.
    starts: Vec<usize>,
}

impl Groups {
    /// The series of `indicators`, as [`super::Series::gather`] gathers them.
    pub fn of(indicators: &[Indicator]) -> Groups {
        let (group, firsts) = number_rows(indicators, &std::hash::RandomState::new());
        // each series' rows counted, then placed (a counting sort: rows stay in file order)
        let mut starts = vec![0; firsts.len() + 1];
        for &g in &group {
            starts[g + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut rows = vec![0; group.len()];
        for (i, &g) in group.iter().enumerate() {
            rows[next[g]] = i;
            next[g] += 1;
        }
        Groups { rows, starts }
    }

    /// The number of series.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there is no series.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows of series `k`, in file order.
    pub fn rows(&self, k: usize) -> &[usize] {
        &self.rows[self.starts[k]..self.starts[k + 1]]
    }
}

/// Each row's series, numbered in first-seen order, and each series' first row. By key, not by
/// a scan of the series so far (a 10,000-row table took 7 s that way); by the key's hash, 16
/// bytes an entry where the key's three texts took 56: a key whose hash another key took first
/// goes to `spill`.
pub(super) fn number_rows(
    indicators: &[Indicator],
    keys: &impl std::hash::BuildHasher,
) -> (Vec<usize>, Vec<usize>) {
    let mut group = Vec::with_capacity(indicators.len());
    let mut firsts: Vec<usize> = Vec::new();
    let mut at: HashMap<u64, usize> = HashMap::new();
    let mut spill: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for (i, ind) in indicators.iter().enumerate() {
        let k = key(ind);
        let next = firsts.len();
        let g = match at.entry(keys.hash_one(k)) {
            Entry::Vacant(e) => *e.insert(next),
            Entry::Occupied(e) if key(&indicators[firsts[*e.get()]]) == k => *e.get(),
            Entry::Occupied(_) => *spill.entry(k).or_insert(next),
        };
        if g == next {
            firsts.push(i);
        }
        group.push(g);
    }
    (group, firsts)
}

/// A row's series key: its region, plan and name.
fn key(ind: &Indicator) -> (&str, &str, &str) {
    (ind.region.as_str(), ind.plan.as_str(), ind.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{LoadOptions, load_bytes};

    #[test]
    fn rows_are_grouped_by_region_plan_and_name_in_first_seen_order() {
        // 甲区 A (rows 0, 3), 乙区 A (1), 甲区 B (2, 4): three series
        let csv = "region,indicator,unit,base_year,base,target_year,target\n\
                   甲区,A,亿元,2020,1,2025,2\n\
                   乙区,A,亿元,2020,1,2025,2\n\
                   甲区,B,亿元,2020,1,2025,2\n\
                   甲区,A,亿元,2020,1,2035,3\n\
                   甲区,B,亿元,2020,1,2035,3\n";
        let t = load_bytes(
            "g.csv".as_ref(),
            csv.as_bytes().to_vec(),
            &LoadOptions::default(),
        )
        .unwrap();
        let g = Groups::of(&t.indicators);
        assert_eq!(g.len(), 3);
        assert_eq!(
            (g.rows(0), g.rows(1), g.rows(2)),
            (&[0, 3][..], &[1][..], &[2, 4][..])
        );
        // every hash the same: the keys told apart by their texts
        struct Same;
        impl std::hash::BuildHasher for Same {
            type Hasher = Fixed;
            fn build_hasher(&self) -> Fixed {
                Fixed
            }
        }
        struct Fixed;
        impl std::hash::Hasher for Fixed {
            fn finish(&self) -> u64 {
                7
            }
            fn write(&mut self, _: &[u8]) {}
        }
        let (group, firsts) = number_rows(&t.indicators, &Same);
        assert_eq!((group, firsts), (vec![0, 1, 2, 0, 2], vec![0, 1, 2]));
        assert!(Groups::default().is_empty());
    }
}
