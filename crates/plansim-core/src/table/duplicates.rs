//! One row per (region, plan, indicator, target year), unless the document states it twice.

use super::header::{Field, Layout};
use super::indicator::Indicator;
use super::rows::header_label;
use crate::error::CellError;
use std::hash::{Hash, Hasher};

/// A second row for the same (region, plan, indicator, target year) is an error and left out,
/// unless both rows name different sources: the document states the target twice, and `check`
/// reports whether the statements agree (`restated-target`).
pub(super) fn check_duplicates(
    inds: &mut Vec<Indicator>,
    layout: &Layout,
    headers: &[String],
    errors: &mut Vec<CellError>,
) {
    let col = layout.column(Field::Name).unwrap_or(0);
    // rows in order of their key's hash, then of file order: equal keys sit together (a
    // million rows cost 16 MB here, not copies of their names)
    fn key(ind: &Indicator) -> (&str, &str, &str, i32) {
        (&ind.region, &ind.plan, &ind.name, ind.target_year)
    }
    let hash = |ind: &Indicator| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key(ind).hash(&mut h);
        h.finish()
    };
    let mut order: Vec<(u64, usize)> = inds.iter().enumerate().map(|(i, d)| (hash(d), i)).collect();
    order.sort_unstable();
    // for each row after the first of its key: the first row's index
    let mut firsts: Vec<(usize, usize)> = Vec::new();
    for run in order.chunk_by(|a, b| a.0 == b.0) {
        for (n, &(_, i)) in run.iter().enumerate() {
            // the first earlier row of the same key (a hash shared by other keys is rare)
            if let Some(&(_, first)) = run[..n]
                .iter()
                .find(|(_, j)| key(&inds[*j]) == key(&inds[i]))
            {
                firsts.push((i, first));
            }
        }
    }
    firsts.sort_unstable();
    let mut dropped = vec![false; inds.len()];
    for (i, first) in firsts {
        let (ind, seen) = (&inds[i], &inds[first]);
        if !ind.source.is_empty() && seen.source != ind.source {
            continue;
        }
        let (year, first) = (ind.target_year, seen.row);
        errors.push(CellError::new(
            ind.row,
            col + 1,
            header_label(headers, col),
            ind.name.clone(),
            crate::lang::Text::say(
                format!(
                    "a second row for this indicator and target year {year} (first at row \
                     {first}); give each (region, indicator, target year) one row, or name \
                     each statement's `source` when the document states it twice"
                ),
                format!(
                    "该指标、目标年份 {year} 的第二行（第一行在第 {first} 行）；每个（地区、\
                     指标、目标年份）只写一行，若文件两处写了同一目标，请在 `source` 列分别\
                     注明出处"
                ),
            ),
        ));
        dropped[i] = true;
    }
    let mut i = 0;
    inds.retain(|_| {
        i += 1;
        !dropped[i - 1]
    });
}
