//! The one door outturns come in by, whoever reads them (a scenario file, a run's options, a
//! batch of tables for `check` and `assess`): merged, the rows' own outcomes in their place when
//! none is given, and matched to the rows.

use super::{Outturn, Resolved, merge, own_outcomes, resolve};
use crate::error::Result;
use crate::names::Aliases;
use crate::table::Indicator;

/// Outturns for `rows`: `given` (files read with [`super::load_all`], figures read from bytes,
/// those of an earlier intake) merged — a final figure replaces a preliminary one, two finals
/// that differ are an error — or, when none is given, the rows' own outcomes (an achievement
/// table's, taken as the table prints them); then matched to the rows through `aliases`.
/// Returns the outturns kept, which a later intake merges with, and their match.
pub(crate) fn intake(
    rows: &[Indicator],
    given: Vec<Outturn>,
    aliases: &Aliases,
) -> Result<(Vec<Outturn>, Resolved)> {
    let kept = if given.is_empty() {
        own_outcomes(rows)
    } else {
        merge(given)?
    };
    let resolved = resolve(rows, kept.clone(), aliases)?;
    Ok((kept, resolved))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests_support::row;
    use std::path::PathBuf;

    fn outturn(year: i32, value: f64, preliminary: bool, row: usize) -> Outturn {
        Outturn {
            region: "科尔沁区".into(),
            indicator: "地区生产总值".into(),
            year,
            period: None,
            value,
            text: value.to_string(),
            side: None,
            preliminary,
            hypothetical: false,
            notes: Vec::new(),
            source: String::new(),
            file: PathBuf::from("a.csv"),
            row,
            column: 4,
            name_column: 2,
            from_plan_table: false,
        }
    }

    #[test]
    fn merged_then_matched_or_refused() {
        let rows = vec![row("地区生产总值", "亿元", 2020, "305.8", 2025, "430", "7")];
        let aliases = Aliases::bundled();
        // a preliminary 2023 figure and the final one: the final is kept and matched
        let given = vec![
            outturn(2023, 330.0, true, 2),
            outturn(2023, 331.5, false, 3),
        ];
        let (kept, resolved) = intake(&rows, given, &aliases).unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].value, 331.5);
        let matched: Vec<f64> = resolved.of_row(0).iter().map(|(o, _)| o.value).collect();
        assert_eq!(matched, [331.5]);
        // two finals that differ: refused
        let given = vec![
            outturn(2023, 330.0, false, 2),
            outturn(2023, 340.0, false, 3),
        ];
        assert!(intake(&rows, given, &aliases).is_err());
        // none given, a plan table without outcome columns: nothing to match
        let (kept, resolved) = intake(&rows, Vec::new(), &aliases).unwrap();
        assert!(kept.is_empty() && resolved.of_row(0).is_empty());
    }

    /// An outturn finds its rows by region and by name or quantity, in row order: the
    /// region's GDP by name, its GDP growth by quantity, not another region's GDP.
    #[test]
    fn an_outturn_finds_its_rows_by_region_name_and_quantity() {
        let mut other = row("地区生产总值", "亿元", 2020, "100", 2025, "130", "5");
        other.region = "乙区".into();
        let rows = vec![
            row("地区生产总值", "亿元", 2020, "305.8", 2025, "430", "7"),
            row("地区生产总值增长", "%", 2020, "", 2025, "", "7"),
            other,
            row("常住人口", "万人", 2020, "60", 2025, "61", ""),
        ];
        let (_, resolved) = intake(
            &rows,
            vec![outturn(2023, 331.5, false, 2)],
            &Aliases::bundled(),
        )
        .unwrap();
        let how = |i: usize| {
            resolved
                .of_row(i)
                .iter()
                .map(|(_, h)| *h)
                .collect::<Vec<_>>()
        };
        assert!(
            matches!(how(0)[..], [super::super::How::Exact]),
            "{:?}",
            how(0)
        );
        assert!(
            matches!(how(1)[..], [super::super::How::Quantity { .. }]),
            "{:?}",
            how(1)
        );
        assert!(how(2).is_empty() && how(3).is_empty());
    }

    /// No outturn at all: nothing to match, and a row counted from a 2019 figure (〔1〕 岁 over
    /// 2021–2025 from 77.3) still takes its plan's 2020 base from the next plan's row, 77.93:
    /// 77.93 + 1 = 78.93 by 2025.
    #[test]
    fn without_outturns_a_base_still_comes_from_the_next_plans_row() {
        let mut earlier = row("人均预期寿命", "岁", 2019, "77.3", 2025, "[1]", "");
        earlier.target.period_years = Some([2021, 2025]);
        let next = row("人均预期寿命", "岁", 2020, "77.93", 2030, "79", "");
        let rows = vec![earlier, next];
        let (kept, resolved) = intake(&rows, Vec::new(), &Aliases::bundled()).unwrap();
        assert!(kept.is_empty() && resolved.outturns.is_empty());
        let m = resolved.meaning(0, &rows[0]);
        assert_eq!(m.base, Some((2020, 77.93)));
        assert!(matches!(
            m.base_note,
            Some(crate::meaning::BaseNote::NextPlan { year: 2020, value, printed_year: 2019, .. })
                if value == 77.93
        ));
        let goal = match m.target {
            crate::meaning::TargetKind::Reach { goal, .. } => Some(goal),
            _ => None,
        };
        assert!(
            matches!(goal, Some(crate::meaning::GoalKind::Point { value }) if (value - 78.93).abs() < 1e-9),
            "{:?}",
            m.target
        );
        // the next plan's row counts from its own printed base, as the table alone reads it
        assert_eq!(resolved.meaning(1, &rows[1]).base, Some((2020, 77.93)));
    }
}
