//! One row per (region, plan, indicator, target year), unless the document states it twice.

use super::header::{Field, Layout};
use super::indicator::Indicator;
use super::rows::header_label;
use crate::error::CellError;
use std::collections::HashMap;

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
    let mut seen: HashMap<(String, String, String, i32), (usize, String)> = HashMap::new();
    let mut dropped = Vec::new();
    for (i, ind) in inds.iter().enumerate() {
        let key = (
            ind.region.clone(),
            ind.plan.clone(),
            ind.name.clone(),
            ind.target_year,
        );
        match seen.get(&key) {
            Some((_, source)) if !ind.source.is_empty() && *source != ind.source => {}
            Some((first, _)) => {
                errors.push(CellError {
                    row: ind.row,
                    column: col + 1,
                    header: header_label(headers, col),
                    text: ind.name.clone(),
                    expected: format!(
                        "a second row for this indicator and target year {} (first at row \
                         {first}); give each (region, indicator, target year) one row, or name \
                         each statement's `source` when the document states it twice",
                        ind.target_year
                    ),
                });
                dropped.push(i);
            }
            None => {
                seen.insert(key, (ind.row, ind.source.clone()));
            }
        }
    }
    let mut i = 0;
    inds.retain(|_| {
        i += 1;
        !dropped.contains(&(i - 1))
    });
}
