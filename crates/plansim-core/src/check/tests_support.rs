//! Rows for the rules' unit tests, built from cell text as a table would hold it.

use crate::table::{Attribute, Cell, Indicator, NameParts, RateKind, Unit};

/// A row of region `科尔沁区`, plan `十四五规划`, file `t.csv`.
pub fn row(
    name: &str,
    unit: &str,
    base_year: i32,
    base: &str,
    target_year: i32,
    target: &str,
    rate: &str,
) -> Indicator {
    let cell = |t: &str| Cell::parse(t).unwrap_or_else(|e| panic!("{t}: {e}"));
    Indicator {
        region: "科尔沁区".into(),
        plan: "十四五规划".into(),
        name: name.into(),
        name_parts: NameParts {
            printed: name.into(),
            ..NameParts::default()
        },
        unit: Unit::parse(unit),
        base_year,
        base_year_assumed: false,
        base: cell(base),
        target_year,
        target_year_assumed: false,
        target: cell(target),
        rate: cell(rate),
        rate_cumulative: false,
        outcome: Default::default(),
        outcome_rate: Default::default(),
        rate_kind: RateKind::Annual,
        target_from_rate: false,
        attribute: Attribute::Unstated,
        file: std::path::Path::new("t.csv").into(),
        row: 2,
        details: Default::default(),
    }
}

/// The same row in another region and plan, at another line.
pub fn moved(mut ind: Indicator, region: &str, plan: &str, row: usize) -> Indicator {
    ind.region = region.into();
    ind.plan = plan.into();
    ind.row = row;
    ind
}
