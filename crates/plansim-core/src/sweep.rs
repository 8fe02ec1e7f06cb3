//! A grid of rate changes for one indicator, on top of the scenario's own rates: for each
//! change, whether each target is met and the probability of meeting it under the scenario's σ.
//! The change starts after the latest outturn (or `from`) and leaves shocked years alone.
use crate::error::{Error, Result};
use crate::lang::Msg;
use crate::notice::At;
use crate::project::{Projection, project_with};
use crate::scenario::rates::Nudge;
use crate::scenario::{Scenario, Selector};
use crate::simulate::{Settings, simulate};
use crate::text::nearest;
use serde::Serialize;

/// One rate change and what it gives. Rates and changes are in percent a year (points).
#[derive(Clone, Debug, Serialize)]
pub struct SweepRow {
    /// The region of the row.
    pub region: String,
    /// The plan of the row.
    pub plan: String,
    /// The indicator as the table names it.
    pub indicator: String,
    /// Points added to the scenario's rate of every year from `from` on but shocked ones.
    #[serde(serialize_with = "crate::format::out::derived")]
    pub delta: f64,
    /// The first year changed.
    pub from: i32,
    /// The rate of the year `from` with the change, in percent.
    #[serde(serialize_with = "crate::format::out::derived")]
    pub rate: f64,
    /// The goal's year.
    pub year: i32,
    /// The goal as printed.
    pub target: String,
    /// The projected value in that year.
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    pub value: Option<f64>,
    /// Whether the value meets the goal.
    pub met: Option<bool>,
    /// The share of draws meeting the target, under the scenario's σ: a probability
    /// conditional on the scenario, not a forecast.
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    pub probability: Option<f64>,
}

/// What a sweep gives: its rows, region by region in the order of the table, and the
/// decimals its rates print with (the table's own, or the step's if finer).
#[derive(Clone, Debug, Serialize)]
pub struct Sweep {
    /// The rows, region by region.
    pub rows: Vec<SweepRow>,
    /// The decimals the rates print with.
    pub decimals: usize,
    /// Monte Carlo draws behind `probability`.
    pub draws: usize,
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
    // k·step, not a running sum, and rounded: -3 + 6·0.5 is 0, not 4.4e-16
    Ok((0..=n).map(|k| round(lo + step * k as f64)).collect())
}

/// Rounds away binary noise (0.060000000000000005 → 0.06).
pub fn round(v: f64) -> f64 {
    (v * 1e10).round() / 1e10
}

/// Decimals a number needs as written (`0.25` → 2).
pub(crate) fn decimals_of(v: f64) -> usize {
    let t = crate::text::trim_float(v);
    t.split_once('.').map_or(0, |(_, d)| d.len())
}

/// Projects and simulates the selected indicator once per change in `deltas` (points).
pub fn sweep(
    sc: &Scenario,
    select: &Selector,
    deltas: &[f64],
    from: Option<i32>,
    set: &Settings,
) -> Result<Sweep> {
    let mut only = sc.clone();
    only.series.retain(|s| select.matches(s));
    if only.series.is_empty() {
        return Err(no_indicator(sc, select));
    }
    let decimals = rate_decimals(&only, deltas);
    let mut rows = Vec::new();
    for &delta in deltas {
        rows.extend(rows_of(&only, Nudge { delta, from }, set)?);
    }
    // regions apart: every change of one region's indicator, then the next region's
    let order: Vec<(String, String)> = only
        .series
        .iter()
        .map(|s| (s.region.to_string(), s.plan.to_string()))
        .collect();
    rows.sort_by_key(|r| {
        order
            .iter()
            .position(|o| o.0 == r.region && o.1 == r.plan)
            .unwrap_or(usize::MAX)
    });
    Ok(Sweep {
        rows,
        decimals,
        draws: set.draws,
    })
}

/// The selector reaches nothing: the nearest among the region's indicators when one is named.
fn no_indicator(sc: &Scenario, select: &Selector) -> Error {
    let name = select.indicator.clone().unwrap_or_default();
    let names = sc
        .series
        .iter()
        .filter(|s| {
            select
                .region
                .as_ref()
                .is_none_or(|r| r.iter().any(|r| *r == s.region))
        })
        .map(|s| s.name.as_str());
    let nearest = nearest(&name, names);
    Error::notice(
        At::new(&sc.path, 0),
        Msg::NoIndicator {
            name,
            region: select.region.as_ref().map(|r| r.join(", ")),
            nearest,
        },
    )
}

/// The decimals rates print with: the table's own, or the step's if finer.
fn rate_decimals(only: &Scenario, deltas: &[f64]) -> usize {
    let table_decimals = only
        .series
        .iter()
        .filter_map(|s| {
            s.stated_rate
                .map(|r| usize::from(r.decimals.saturating_sub(2)))
        })
        .max()
        .unwrap_or(1);
    deltas
        .iter()
        .map(|d| decimals_of(*d))
        .chain([table_decimals])
        .max()
        .unwrap_or(1)
}

/// One rate change: every goal of every path, projected and simulated with the nudge.
fn rows_of(only: &Scenario, nudge: Nudge, set: &Settings) -> Result<Vec<SweepRow>> {
    let p: Projection = project_with(only, &|_| Some(nudge))?;
    let sim = simulate(&p, set)?;
    let mut rows = Vec::new();
    for (path, sp) in p.paths.iter().zip(&sim.paths) {
        let first = nudge.first_year(path.plan.start_year, &path.actuals);
        let rate = path.plan.rate(first).unwrap_or(path.plan.plan_rate) * 100.0;
        for o in &path.outcomes {
            rows.push(SweepRow {
                region: path.series.region.to_string(),
                plan: path.series.plan.to_string(),
                indicator: path.series.name.clone(),
                delta: nudge.delta,
                from: first,
                rate: round(rate),
                year: o.goal.year,
                target: o.goal.raw.clone(),
                value: o.value,
                met: o.met,
                probability: sp
                    .chances
                    .iter()
                    .find(|c| c.year == o.goal.year)
                    .map(|c| c.probability),
            });
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::LoadOptions;

    fn load(name: &str) -> Scenario {
        let path = crate::repo_file("tests/fixtures/project").join(name);
        Scenario::load(&path, &LoadOptions::default()).unwrap()
    }

    fn select(name: &str) -> Selector {
        Selector {
            indicator: Some(name.into()),
            ..Selector::default()
        }
    }

    fn quiet(sc: &Scenario) -> Settings {
        Settings {
            draws: 2000,
            ..Settings::from_scenario(sc)
        }
    }

    #[test]
    fn grids() {
        assert_eq!(
            grid("-3..3", 1.0).unwrap(),
            [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]
        );
        assert_eq!(grid("-1..0", 0.5).unwrap(), [-1.0, -0.5, 0.0]);
        // 0.1 steps add up to 0.30000000000000004 by a running sum
        assert_eq!(grid("0..0.3", 0.1).unwrap(), [0.0, 0.1, 0.2, 0.3]);
        assert!(grid("3..-3", 1.0).is_err());
        assert!(grid("a..b", 1.0).is_err());
        assert!(grid("0..1", 0.0).is_err());
        assert_eq!(
            (decimals_of(0.25), decimals_of(0.5), decimals_of(2.0)),
            (2, 1, 0)
        );
    }

    /// The scenario's override and shock of 复利指标 do not stop a sweep of 占比指标.
    #[test]
    fn rules_on_other_indicators_are_left_out() {
        let sc = load("grandchild.toml");
        let sw = sweep(&sc, &select("占比指标"), &[0.0], None, &quiet(&sc)).unwrap();
        // no change: the logistic path passes the table's 2025 target, 98
        assert_eq!(sw.rows.len(), 1);
        assert!((sw.rows[0].value.unwrap() - 98.0).abs() < 1e-9, "{sw:?}");
    }

    #[test]
    fn the_met_edge_moves_with_the_rate() {
        let sc = load("closed.csv");
        let sw = sweep(
            &sc,
            &select("复利指标"),
            &[-0.5, 0.0, 0.5],
            None,
            &quiet(&sc),
        )
        .unwrap();
        let at_2025: Vec<(f64, Option<bool>, f64)> = sw
            .rows
            .iter()
            .filter(|r| r.year == 2025)
            .map(|r| (r.delta, r.met, r.rate))
            .collect();
        // at 5% the path lands on 127.628 exactly; half a point less misses, more meets; the
        // rates print as the table's 5 plus the change, with no binary noise
        assert_eq!(
            at_2025,
            [
                (-0.5, Some(false), 4.5),
                (0.0, Some(true), 5.0),
                (0.5, Some(true), 5.5)
            ]
        );
        // 100·1.045⁵ = 124.618…
        let v = sw.rows[0].value.unwrap();
        assert!((v - 100.0 * 1.045f64.powi(5)).abs() < 1e-9);
        // the table prints 5 (no decimals); the step 0.5 needs one
        assert_eq!(sw.decimals, 1);
    }

    /// The grandchild's 2022 shock (5 − 2 = 3 %) is kept: a +1 sweep changes 2021 (the
    /// child's 3 %, now 4 %) and 2023–25 (5 %, now 6 %), never 2022.
    #[test]
    fn shocked_years_are_never_rewritten() {
        let sc = load("grandchild.toml");
        let sw = sweep(&sc, &select("复利指标"), &[1.0], None, &quiet(&sc)).unwrap();
        let r = sw.rows.iter().find(|r| r.year == 2025).unwrap();
        assert_eq!((r.from, r.rate), (2021, 4.0));
        // 100·1.04·1.03·1.06³
        let want = 100.0 * 1.04 * 1.03 * 1.06f64.powi(3);
        assert!((r.value.unwrap() - want).abs() < 1e-9, "{r:?}");
    }

    /// With outturns to 2022, the sweep starts in 2023: 110·1.06³ at +1 point.
    #[test]
    fn sweeps_start_after_the_latest_outturn() {
        let sc = load("with-actuals.toml");
        let sw = sweep(&sc, &select("复利指标"), &[1.0], None, &quiet(&sc)).unwrap();
        let r = sw.rows.iter().find(|r| r.year == 2025).unwrap();
        assert_eq!(r.from, 2023);
        assert!((r.value.unwrap() - 110.0 * 1.06f64.powi(3)).abs() < 1e-9);
        // an explicit --from 2025 changes 2025 alone: 110·1.05²·1.06
        let sw = sweep(&sc, &select("复利指标"), &[1.0], Some(2025), &quiet(&sc)).unwrap();
        let r = sw.rows.iter().find(|r| r.year == 2025).unwrap();
        assert!((r.value.unwrap() - 110.0 * 1.05f64.powi(2) * 1.06).abs() < 1e-9);
    }

    /// A linear path's value is v0 + scale·Σg_t, so with g_t ~ N(g + d, σ) the chance of
    /// reaching the level the plain rate g reaches in 5 years is Φ(5d / (σ√5)) = Φ(d√5/σ):
    /// Φ(0) = 0.5 at no change, Φ(0.5·√5/2) = Φ(0.5590) = 0.7119 at +0.5 points with σ = 2.
    #[test]
    fn probabilities_per_step_follow_the_closed_form() {
        let dir = tempfile::tempdir().unwrap();
        let table = crate::repo_file("tests/fixtures/project/closed.csv");
        let sc_path = dir.path().join("linear.toml");
        std::fs::write(
            &sc_path,
            format!(
                "tables = [{:?}]\nhorizon = 2025\n[models]\ndefault = \"linear\"\n[uncertainty]\nsigma = 2\nseed = 3\n",
                table.display().to_string()
            ),
        )
        .unwrap();
        let sc = Scenario::load(&sc_path, &LoadOptions::default()).unwrap();
        let set = Settings {
            draws: 200_000,
            ..Settings::from_scenario(&sc)
        };
        let sw = sweep(&sc, &select("复利指标"), &[0.0, 0.5], None, &set).unwrap();
        let p: Vec<f64> = sw
            .rows
            .iter()
            .filter(|r| r.year == 2025)
            .map(|r| r.probability.unwrap())
            .collect();
        // 200,000 draws: standard error ≤ 0.0012
        assert!((p[0] - 0.5).abs() < 0.005, "{p:?}");
        assert!((p[1] - 0.71192).abs() < 0.005, "{p:?}");
    }
}
