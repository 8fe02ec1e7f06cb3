//! A grid of rate changes for chosen indicators: for each, whether each target is met.

use crate::error::{Error, Result};
use crate::project::{Projection, project};
use crate::scenario::{Override, Scenario, Selector};
use serde::Serialize;

/// One rate change and what it gives.
#[derive(Clone, Debug, Serialize)]
pub struct SweepRow {
    pub region: String,
    pub indicator: String,
    /// Points added to every year's rate from `from` on.
    pub delta: f64,
    /// The plan period's rate with the change.
    pub rate: f64,
    pub year: i32,
    pub target: String,
    pub value: Option<f64>,
    pub met: Option<bool>,
}

/// `-3..3` with a step: every value from the low to the high end.
pub fn grid(spec: &str, step: f64) -> Result<Vec<f64>> {
    let bad = || {
        Error::Invalid(format!(
            "`{spec}`: expected a range of points such as -3..3"
        ))
    };
    let (lo, hi) = spec.split_once("..").ok_or_else(bad)?;
    let (lo, hi): (f64, f64) = (
        lo.trim().parse().map_err(|_| bad())?,
        hi.trim().parse().map_err(|_| bad())?,
    );
    if !(lo.is_finite() && hi.is_finite() && lo <= hi && step > 0.0 && (hi - lo) / step <= 10_000.0)
    {
        return Err(bad());
    }
    let n = ((hi - lo) / step + 1e-9).floor() as usize;
    Ok((0..=n).map(|k| lo + step * k as f64).collect())
}

/// Projects the selected indicators once per change in `deltas`.
pub fn sweep(
    sc: &Scenario,
    select: &Selector,
    deltas: &[f64],
    from: Option<i32>,
) -> Result<Vec<SweepRow>> {
    // a rule that selects nothing is a typo in the scenario; rules on the indicators left out
    // are not
    crate::project::check_selectors(sc)?;
    let mut only = sc.clone();
    only.series.retain(|s| select.matches(s));
    if only.series.is_empty() {
        return Err(Error::Invalid(format!("no indicator matches {select:?}")));
    }
    let kept = |sel: Selector| only.series.iter().any(|s| sel.matches(s));
    let overrides = std::mem::take(&mut only.spec.overrides);
    only.spec.overrides = overrides
        .into_iter()
        .filter(|o| kept(o.selector()))
        .collect();
    let shocks = std::mem::take(&mut only.spec.shocks);
    only.spec.shocks = shocks.into_iter().filter(|s| kept(s.selector())).collect();
    let mut rows = Vec::new();
    for &delta in deltas {
        let mut run = only.clone();
        run.spec.overrides.push(Override {
            indicator: select.indicator.clone(),
            region: select.region.clone(),
            category: select.category.clone(),
            attribute: select.attribute.clone(),
            from,
            to: None,
            rate: None,
            delta: Some(delta),
        });
        let p: Projection = project(&run)?;
        for path in &p.paths {
            for o in &path.outcomes {
                rows.push(SweepRow {
                    region: path.series.region.clone(),
                    indicator: path.series.name.clone(),
                    delta,
                    rate: path
                        .plan
                        .rate(path.series.plan_year)
                        .unwrap_or(path.plan.plan_rate),
                    year: o.goal.year,
                    target: o.goal.raw.clone(),
                    value: o.value,
                    met: o.met,
                });
            }
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids() {
        assert_eq!(
            grid("-3..3", 1.0).unwrap(),
            [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]
        );
        assert_eq!(grid("-1..0", 0.5).unwrap(), [-1.0, -0.5, 0.0]);
        assert!(grid("3..-3", 1.0).is_err());
        assert!(grid("a..b", 1.0).is_err());
        assert!(grid("0..1", 0.0).is_err());
    }

    /// The scenario's override and shock of 复利指标 do not stop a sweep of 占比指标.
    #[test]
    fn rules_on_other_indicators_are_left_out() {
        let path = crate::repo_file("tests/fixtures/project/grandchild.toml");
        let sc = Scenario::load(&path, &Default::default()).unwrap();
        let sel = Selector {
            indicator: Some("占比指标".into()),
            ..Selector::default()
        };
        let rows = sweep(&sc, &sel, &[0.0], None).unwrap();
        // no change: the logistic path passes the table's 2025 target, 98
        assert_eq!(rows.len(), 1);
        assert!((rows[0].value.unwrap() - 98.0).abs() < 1e-9, "{rows:?}");
    }

    #[test]
    fn the_met_edge_moves_with_the_rate() {
        let path = crate::repo_file("tests/fixtures/project/closed.csv");
        let sc = Scenario::load(&path, &Default::default()).unwrap();
        let sel = Selector {
            indicator: Some("复利指标".into()),
            ..Selector::default()
        };
        let rows = sweep(&sc, &sel, &[-0.5, 0.0, 0.5], None).unwrap();
        let at_2025: Vec<(f64, Option<bool>)> = rows
            .iter()
            .filter(|r| r.year == 2025)
            .map(|r| (r.delta, r.met))
            .collect();
        // at 5% the path lands on 127.628 exactly; half a point less misses, more meets
        assert_eq!(
            at_2025,
            [(-0.5, Some(false)), (0.0, Some(true)), (0.5, Some(true))]
        );
        // 100·1.045⁵ = 124.618…
        let v = rows
            .iter()
            .find(|r| r.year == 2025 && r.delta == -0.5)
            .unwrap()
            .value
            .unwrap();
        assert!((v - 100.0 * 1.045f64.powi(5)).abs() < 1e-9);
    }
}
