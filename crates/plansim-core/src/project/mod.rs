//! Deterministic projection: every indicator year by year from its baseline to the horizon,
//! actuals replacing projections where known, and the rate each target still requires.
pub mod growth;
pub mod stream;

use crate::error::{Error, Result};
use crate::model::Growth;
use crate::model::compound::implied_rate;
use crate::scenario::Scenario;
use crate::scenario::rates::{Nudge, RatePlan, plan};
use crate::series::{Goal, Series, Shape};
use ndarray::Array2;
use serde::Serialize;

/// A scenario's projection: one row of `values` per path, one column per year.
///
/// # Example
///
/// ```
/// use plansim_core::{Input, LoadOptions, Options, Stages, load_bytes, run};
///
/// // 100亿 in 2020 at a stated 5 % a year
/// let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
///            测试区,地区生产总值,亿元,2020,100,2025,,5\n";
/// let table = load_bytes("gdp.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default())?;
/// let p = run(Input::Table(table), &Options::default(), Stages::PROJECT)?.projection;
/// // 100·1.05² = 110.25 in 2022
/// let v = p.values[[0, p.col(2022).unwrap()]];
/// assert!((v - 110.25).abs() < 1e-9);
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Projection {
    /// The scenario's name.
    pub scenario: String,
    /// The years of the columns, base year to horizon.
    pub years: Vec<i32>,
    /// One path per projectable series, in the order of `values`' rows.
    pub paths: Vec<Path>,
    /// paths × years; NaN before a path starts.
    #[serde(skip)]
    pub values: Array2<f64>,
    /// Series that cannot be projected, with the reason.
    pub skipped: Vec<Skipped>,
    /// Growth-rate rows (`GDP增长（%）`, skipped as levels): their rates under the scenario.
    pub growth: Vec<growth::GrowthPath>,
    /// Targets stated against another row's growth (`高于GDP增长`), judged on those rates.
    pub relations: Vec<growth::RelationOutcome>,
}

#[derive(Clone, Debug, Serialize)]
/// One series projected: the rates it follows, the actuals it keeps and its goals' outcomes.
pub struct Path {
    /// The indicator projected, shared with the scenario's list (a copy a row cost 300 bytes
    /// and its texts).
    #[serde(serialize_with = "crate::series::shared")]
    pub series: std::sync::Arc<Series>,
    /// The rates of every year and where the plan period's came from.
    pub plan: RatePlan,
    /// Known values that replace the projection.
    pub actuals: Vec<(i32, f64)>,
    /// Years of `actuals` an official period figure placed: the step into each is a splice
    /// onto the yearly chain, not a yearly change.
    #[serde(skip)]
    pub spliced: Vec<i32>,
    /// Each goal against the path.
    pub outcomes: Vec<Outcome>,
}

/// A goal against the projection: the value in its year, whether it is met, and the annual
/// rate needed from the latest actual (or the baseline) to reach it.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    /// The goal checked.
    pub goal: Goal,
    /// The projected value in the goal's year.
    pub value: Option<f64>,
    /// Whether that value meets the goal.
    pub met: Option<bool>,
    #[serde(serialize_with = "crate::percent::opt")]
    /// Annual rate needed to reach the goal (fraction; percent in JSON).
    pub required_rate: Option<f64>,
    /// The year the required rate is counted from.
    pub required_from: i32,
}

#[derive(Clone, Debug, Serialize)]
/// A series the projection leaves out.
pub struct Skipped {
    /// The region of the series.
    pub region: String,
    /// The indicator as the table names it.
    pub indicator: String,
    /// Why, in English; `why` says it in either language.
    pub reason: String,
    #[serde(skip)]
    /// The reason, in either language.
    pub why: crate::lang::Msg,
}

impl Skipped {
    fn new(s: &Series, why: crate::lang::Msg) -> Skipped {
        Skipped {
            region: s.region.to_string(),
            indicator: s.name.clone(),
            reason: why.render(crate::lang::Lang::En),
            why,
        }
    }
}

impl Projection {
    /// The column of a year.
    pub fn col(&self, year: i32) -> Option<usize> {
        self.years.iter().position(|&y| y == year)
    }

    /// The projected value of a path in a year (`None` before the path starts).
    pub fn value(&self, path: usize, year: i32) -> Option<f64> {
        self.col(year)
            .map(|c| self.values[[path, c]])
            .filter(|v| !v.is_nan())
    }
}

/// Projects every series of a scenario.
pub fn project(sc: &Scenario) -> Result<Projection> {
    project_with(sc, &|_| None)
}

/// Projects every series of a scenario, each with the nudge `nudge` gives it (`sweep`).
pub(crate) fn project_with(
    sc: &Scenario,
    nudge: &dyn Fn(&Series) -> Option<Nudge>,
) -> Result<Projection> {
    let horizon = sc.horizon();
    check(sc)?;
    // the paths are made once, in place: no second vector of them while the values are walked
    let mut out: Vec<Path> = Vec::with_capacity(sc.series.len());
    let mut skipped = Vec::new();
    for s in &sc.series {
        match make(sc, s, horizon, nudge(s))? {
            Made::Path(p) => out.push(p),
            Made::Skipped(k) => skipped.push(k),
        }
    }
    let first = out
        .iter()
        .map(|p| p.plan.start_year)
        .min()
        .unwrap_or(horizon);
    let years: Vec<i32> = (first..=horizon).collect();
    let mut values = Array2::from_elem((out.len(), years.len()), f64::NAN);
    for (i, path) in out.iter_mut().enumerate() {
        let row = finish(path);
        let offset = (path.plan.start_year - first) as usize;
        for (k, v) in row.iter().enumerate() {
            values[[i, offset + k]] = *v;
        }
    }
    let growth = growth::paths(sc, nudge)?;
    let col = |y: i32| years.iter().position(|&x| x == y);
    let level = |i: usize, y: i32| col(y).map(|c| values[[i, c]]).filter(|v| v.is_finite());
    let relations = growth::relations(sc, &growth, &out, &level);
    Ok(Projection {
        scenario: sc.name.clone(),
        years,
        paths: out,
        values,
        skipped,
        growth,
        relations,
    })
}

/// The horizon must suit the scenario's rows, before any path is built.
fn check(sc: &Scenario) -> Result<()> {
    sc.check_horizon()
        .map_err(|msg| Error::notice(crate::notice::At::new(&sc.path, 0), msg))
}

/// A series as the projection takes it: a path (its outcomes not yet judged), or left out.
enum Made {
    Path(Path),
    Skipped(Skipped),
}

/// The path of one series under the scenario, or why there is none.
fn make(
    sc: &Scenario,
    s: &std::sync::Arc<Series>,
    horizon: i32,
    nudge: Option<Nudge>,
) -> Result<Made> {
    if s.quantity == crate::meaning::Quantity::Rate {
        return Ok(Made::Skipped(Skipped::new(s, crate::lang::Msg::GrowthRate)));
    }
    let (actuals, spliced) = sc.actuals_spliced(s);
    Ok(match plan(sc, s, &actuals, nudge) {
        // a path without a baseline starts at its first actual, which may lie beyond
        Ok(Some(p)) if p.start_year > horizon => Made::Skipped(Skipped::new(
            s,
            crate::lang::Msg::ActualAfterHorizon {
                first: p.start_year,
                horizon,
            },
        )),
        Ok(Some(p)) => Made::Path(Path {
            series: std::sync::Arc::clone(s),
            plan: p,
            actuals,
            spliced,
            outcomes: Vec::new(),
        }),
        Ok(None) => Made::Skipped(Skipped::new(
            s,
            crate::lang::Msg::NoBaseline {
                target: !s.goals.is_empty(),
            },
        )),
        Err(msg) => return Err(Error::notice(crate::notice::At::new(&sc.path, 0), msg)),
    })
}

/// Walks a path and judges its goals on it: its values from its start year.
fn finish(path: &mut Path) -> Vec<f64> {
    let row = walk(&path.plan, &path.actuals);
    path.outcomes = path
        .series
        .goals
        .iter()
        .map(|g| outcome(&path.series, &path.plan, &path.actuals, &row, g))
        .collect();
    row
}

/// The path from the start year: actuals where known, the model's steps elsewhere.
pub(crate) fn walk(plan: &RatePlan, actuals: &[(i32, f64)]) -> Vec<f64> {
    let mut v = plan.start;
    let mut row = Vec::with_capacity(plan.rates.len() + 1);
    row.push(v);
    for (k, &g) in plan.rates.iter().enumerate() {
        let year = plan.start_year + 1 + k as i32;
        v = match actuals.iter().find(|a| a.0 == year) {
            Some(a) => a.1,
            None => plan.model.step(v, g),
        };
        row.push(v);
    }
    row
}

fn outcome(s: &Series, plan: &RatePlan, actuals: &[(i32, f64)], row: &[f64], g: &Goal) -> Outcome {
    let value = usize::try_from(g.year - plan.start_year)
        .ok()
        .and_then(|k| row.get(k))
        .copied();
    let (from_year, from) = actuals
        .iter()
        .rev()
        .find(|a| a.0 < g.year)
        .copied()
        .unwrap_or((plan.start_year, plan.start));
    let level = g.kind.level(s.direction);
    let required_rate = match s.shape {
        Shape::RunningTotal => None,
        // a goal already met asks for no pace: a ceiling kept (失业率 3.8 under `5以内`) needs
        // no "required 28.53 %" to climb to it, nor a floor kept a fall to it
        _ if g.kind.loose().met(from, s.direction) => None,
        _ => implied_rate(from, level, f64::from(g.year - from_year)),
    };
    Outcome {
        goal: g.clone(),
        value,
        // as printed: `84.91` meets `85`, as assess holds a figure compounded from outturns
        met: value.map(|v| g.met(v, s.direction)),
        required_rate,
        required_from: from_year,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approx_eq;
    use crate::table::LoadOptions;

    fn fixture(name: &str) -> std::path::PathBuf {
        crate::repo_file("tests/fixtures/project").join(name)
    }

    fn run(name: &str) -> Projection {
        let sc = Scenario::load(&fixture(name), &LoadOptions::default()).unwrap();
        project(&sc).unwrap()
    }

    fn row(p: &Projection, name: &str) -> usize {
        p.paths.iter().position(|x| x.series.name == name).unwrap()
    }

    #[test]
    fn compound_path_reaches_the_closed_form_and_later_goals() {
        let p = run("closed.csv");
        let i = row(&p, "复利指标");
        // 100·1.05⁵ = 127.62815625
        assert!(approx_eq(p.value(i, 2025).unwrap(), 127.62815625, 1e-9));
        // then through the 2035 goal of 200: halfway (2030) is the geometric mean √(127.628·200)
        assert!(approx_eq(
            p.value(i, 2030).unwrap(),
            159.76742862673856,
            1e-9
        ));
        assert!(approx_eq(p.value(i, 2035).unwrap(), 200.0, 1e-9));
        assert_eq!(p.paths[i].outcomes[0].met, Some(true));
    }

    #[test]
    fn logistic_path_passes_its_target_and_never_reaches_the_ceiling() {
        let p = run("closed.csv");
        let i = row(&p, "占比指标");
        assert_eq!(p.paths[i].plan.model.name(), "logistic");
        assert!(approx_eq(p.value(i, 2025).unwrap(), 98.0, 1e-9));
        // ρ = ln((4.8/95.2)/(100/98 − 1))/5 = 0.18089; 2035: 100/(1 + A·e^(−15ρ)) = 99.66676
        assert!(approx_eq(
            p.value(i, 2035).unwrap(),
            99.66676275583742,
            1e-9
        ));
        assert!(approx_eq(
            p.value(i, 2021).unwrap(),
            95.96220350276353,
            1e-9
        ));
        assert!(p.values.row(i).iter().all(|v| *v < 100.0));
    }

    /// From the 2025 level on, the path is calibrated through the 2035 goal: a logistic
    /// model's rate is read at its own baseline (95.2), not at the 2025 level it starts from.
    #[test]
    fn logistic_path_is_reached_through_a_later_goal() {
        let p = run("logistic-2035.csv");
        let i = row(&p, "占比指标");
        assert_eq!(p.paths[i].plan.model.name(), "logistic");
        assert!(approx_eq(p.value(i, 2025).unwrap(), 98.0, 1e-9));
        // from 98: A = 2/98, ρ = ln(A/(100/99.5 − 1))/10 = 0.1401485;
        // 2030: 100/(1 + A·e^(−5ρ)) = 98.99747
        assert!(approx_eq(p.value(i, 2030).unwrap(), 98.99747, 1e-5));
        assert!(approx_eq(p.value(i, 2035).unwrap(), 99.5, 1e-9));
    }

    #[test]
    fn a_cumulative_target_becomes_an_annual_factor() {
        let p = run("closed.csv");
        let i = row(&p, "能耗累计降低");
        // 12% down over 2021–25: 0.88^(1/5) − 1 = −2.524% a year
        assert!(approx_eq(
            p.paths[i].plan.plan_rate,
            -0.025242614469207947,
            1e-12
        ));
        assert!(approx_eq(
            p.value(i, 2021).unwrap(),
            97.47573855307921,
            1e-9
        ));
        assert!(approx_eq(p.value(i, 2025).unwrap(), 88.0, 1e-9));
        assert_eq!(p.paths[i].outcomes[0].met, Some(true));
    }

    #[test]
    fn inheritance_applies_parent_rules_first_and_the_nearest_file_wins() {
        let sc = Scenario::load(&fixture("grandchild.toml"), &LoadOptions::default()).unwrap();
        assert_eq!(sc.name, "grandchild"); // names are not inherited
        assert_eq!(sc.horizon(), 2030); // child over base
        assert_eq!(sc.description, "parent");
        let u = sc.spec.uncertainty.clone().unwrap();
        // σ in points: 1 = 1 point a year
        assert_eq!((u.sigma.map(|s| s.value), u.seed), (Some(1.0), Some(8)));
        let p = project(&sc).unwrap();
        let i = row(&p, "复利指标");
        assert_eq!(*p.years.last().unwrap(), 2030);
        // 2021: base's +1 point, then child's rate = 3% → 3%; 2022: 5% − 2-point shock = 3%
        assert!(approx_eq(p.value(i, 2021).unwrap(), 103.0, 1e-9));
        assert!(approx_eq(p.value(i, 2022).unwrap(), 106.09, 1e-9));
        assert!(approx_eq(p.value(i, 2023).unwrap(), 111.3945, 1e-9));
        assert_eq!(p.paths[row(&p, "占比指标")].plan.model.name(), "logistic");
    }

    #[test]
    fn actuals_rebase_the_path_and_the_required_rate() {
        let p = run("with-actuals.toml");
        let i = row(&p, "复利指标");
        assert_eq!(p.value(i, 2022), Some(110.0));
        // from the 2022 actual at the stated 5%: 110·1.05 = 115.5
        assert!(approx_eq(p.value(i, 2023).unwrap(), 115.5, 1e-9));
        // required: (127.62815625/110)^(1/3) − 1 = 5.0795%
        let o = &p.paths[i].outcomes[0];
        assert_eq!(o.required_from, 2022);
        assert!(approx_eq(
            o.required_rate.unwrap(),
            0.05079485268810391,
            1e-12
        ));
    }

    /// A horizon set past loading (as `--horizon` does) is checked before any path is built.
    #[test]
    fn horizons_outside_the_plan_years_are_errors() {
        let mut sc = Scenario::load(&fixture("closed.csv"), &LoadOptions::default()).unwrap();
        for (h, want) in [
            (2015, "the horizon 2015 is before the base year 2020"),
            (9999, "the horizon 9999 is not a year from 1900 to 2200"),
        ] {
            sc.spec.horizon = Some(h);
            let e = project(&sc).unwrap_err().to_string();
            assert!(e.contains("closed.csv") && e.contains(want), "{e}");
        }
    }

    /// A series without a baseline starts at its first actual; after the horizon, it is skipped.
    #[test]
    fn a_path_whose_first_actual_is_after_the_horizon_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        file(
            "t.csv",
            "indicator,unit,base_year,base,target_year,target\n有基期,亿元,2020,100,2025,130\n无基期,亿元,2020,,2025,130\n",
        );
        file("a.csv", "region,indicator,year,value\n,无基期,2030,120\n");
        file(
            "s.toml",
            "tables = [\"t.csv\"]\nactuals = [\"a.csv\"]\nhorizon = 2028\n",
        );
        let sc = Scenario::load(&dir.path().join("s.toml"), &LoadOptions::default()).unwrap();
        let p = project(&sc).unwrap();
        assert_eq!(p.paths.len(), 1);
        assert_eq!(p.years, (2020..=2028).collect::<Vec<_>>());
        assert_eq!(p.skipped.len(), 1);
        assert!(
            p.skipped[0]
                .reason
                .contains("first actual (2030) is after the horizon 2028"),
            "{:?}",
            p.skipped
        );
    }

    #[test]
    fn bad_scenarios_are_clear_errors() {
        let err = |name: &str| {
            Scenario::load(&fixture(name), &LoadOptions::default())
                .unwrap_err()
                .to_string()
        };
        let e = err("unknown-key.toml");
        assert!(
            e.contains("unknown-key.toml:6") && e.contains("dleta"),
            "{e}"
        );
        let e = err("cycle-a.toml");
        assert!(e.contains("cycle") && e.contains("cycle-b.toml"), "{e}");
        let e = err("missing-table.toml");
        assert!(e.contains("no-such-table.csv"), "{e}");
        let e = err("no-such-scenario.toml");
        assert!(e.contains("no-such-scenario.toml"), "{e}");
    }
}
