//! One figure per region, indicator and year: a final figure replaces a preliminary one; the
//! same figure twice (from two sources) is kept once; two finals (or two preliminaries) that
//! differ are an error naming both rows.

use super::Outturn;
use crate::error::{CellError, Result};
use crate::names::{Name, key, plain_key};
use std::collections::HashMap;
use std::path::PathBuf;

/// Region, name key with its qualifiers (`年末` and `全年平均` are different figures), year,
/// and the first year of a period figure (a period's figure is not its last year's).
type Identity = (String, String, Vec<String>, i32, Option<i32>);

fn identity(o: &Outturn) -> Identity {
    let name = Name::parse(&o.indicator);
    let mut q = name.qualifiers;
    q.sort();
    let first = o.period.map(|p| p[0]);
    (plain_key(&o.region), key(&o.indicator), q, o.year, first)
}

fn same(a: &Outturn, b: &Outturn) -> bool {
    (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0) && a.side == b.side
}

/// One figure per region, indicator and year (see the module); conflicting finals are an error
/// naming both rows.
pub fn merge(outturns: Vec<Outturn>) -> Result<Vec<Outturn>> {
    let mut out: Vec<Outturn> = Vec::with_capacity(outturns.len());
    let mut at: HashMap<Identity, usize> = HashMap::new();
    let mut errors: Vec<(PathBuf, CellError)> = Vec::new();
    for o in outturns {
        let id = identity(&o);
        let Some(&i) = at.get(&id) else {
            at.insert(id, out.len());
            out.push(o);
            continue;
        };
        let kept = &out[i];
        match (kept.preliminary, o.preliminary) {
            (true, false) => out[i] = o,
            (false, true) => {}
            _ if same(kept, &o) => {}
            (p, _) => errors.push((
                o.file.clone(),
                CellError::new(
                    o.row,
                    o.column,
                    "value".into(),
                    o.text.clone(),
                    crate::lang::Text::say(
                        format!(
                            "one figure for {} {} {}: {}:{} gives `{}`, a different {} figure; \
                             keep one, or mark the earlier one （预计）",
                            o.region,
                            o.indicator,
                            o.year,
                            kept.file.display(),
                            kept.row,
                            kept.text,
                            if p { "preliminary" } else { "final" }
                        ),
                        format!(
                            "{} {} {}年应只有一个数：{}:{} 给出的是另一个{}数 `{}`；请保留一个，\
                             或把较早的标为（预计）",
                            o.region,
                            o.indicator,
                            o.year,
                            kept.file.display(),
                            kept.row,
                            if p { "预计" } else { "正式" },
                            kept.text,
                        ),
                    ),
                ),
            )),
        }
    }
    if errors.is_empty() {
        return Ok(out);
    }
    Err(super::cell_errors(errors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actuals::Side;

    fn o(indicator: &str, year: i32, value: f64, preliminary: bool, row: usize) -> Outturn {
        Outturn {
            region: "通辽市".into(),
            period: None,
            indicator: indicator.into(),
            year,
            value,
            text: value.to_string(),
            side: None,
            preliminary,
            hypothetical: false,
            notes: Vec::new(),
            source: String::new(),
            file: PathBuf::from("o.csv"),
            row,
            column: 4,
            name_column: 2,
            from_plan_table: false,
        }
    }

    #[test]
    fn finals_replace_preliminaries_and_differing_finals_are_errors() {
        // 通辽 2022 GDP growth: 4左右（预计） in the 2023 work report, 3.0 in the communiqué
        let mut pre = o("地区生产总值增长（%）", 2022, 4.0, true, 2);
        pre.side = Some(Side::About);
        let fin = o("地区生产总值增长（%）", 2022, 3.0, false, 3);
        let m = merge(vec![pre.clone(), fin.clone()]).unwrap();
        assert_eq!((m.len(), m[0].value, m[0].preliminary), (1, 3.0, false));
        let m = merge(vec![fin.clone(), pre]).unwrap();
        assert_eq!((m.len(), m[0].value), (1, 3.0));
        // the same figure from two sources is one figure
        assert_eq!(
            merge(vec![
                fin.clone(),
                o("地区生产总值增长（%）", 2022, 3.0, false, 4)
            ])
            .unwrap()
            .len(),
            1
        );
        // year-end and annual-average unemployment are two figures
        let two = merge(vec![
            o("城镇调查失业率（%，年末）", 2020, 5.2, false, 2),
            o("城镇调查失业率（%，全年平均）", 2020, 5.6, false, 3),
        ])
        .unwrap();
        assert_eq!(two.len(), 2);
        let err = merge(vec![
            fin,
            o("地区生产总值增长（%）", 2022, 3.5, false, 9),
            o("地区生产总值增长（%）", 2022, 3.6, false, 10),
        ])
        .unwrap_err()
        .to_string();
        assert!(err.contains("2 unreadable cells"), "{err}");
        assert!(
            err.contains("o.csv:9:4")
                && err.contains("o.csv:3 gives `3`, a different final figure"),
            "{err}"
        );
    }
}
