//! The yearly rates of one path: the plan's pace, what happens after the plan period, then the
//! scenario's phases, overrides and shocks, in that order.

use super::{AfterRule, Calibrate, Scenario};
use crate::model::{Compound, Growth, Linear, Logistic, Model, ModelChoice};
use crate::series::{GoalKind, Series, Shape};
use serde::Serialize;

/// Where a path starts and the rate of every later year up to the horizon.
#[derive(Clone, Debug, Serialize)]
pub struct RatePlan {
    pub model: Model,
    pub start_year: i32,
    pub start: f64,
    /// `rates[k]` is the rate of year `start_year + 1 + k`.
    pub rates: Vec<f64>,
    /// The plan period's rate and where it came from.
    pub plan_rate: f64,
    pub pace: &'static str,
}

impl RatePlan {
    pub fn rate(&self, year: i32) -> Option<f64> {
        let k = usize::try_from(year - self.start_year - 1).ok()?;
        self.rates.get(k).copied()
    }

    /// The deterministic path from the start year to the horizon (no actuals).
    pub fn path(&self) -> Vec<f64> {
        let mut v = self.start;
        std::iter::once(v)
            .chain(self.rates.iter().map(|&g| {
                v = self.model.step(v, g);
                v
            }))
            .collect()
    }
}

/// The model of a series: the scenario's choice, or the documented default.
///
/// Defaults: a change index (`累计降低12%`) grows compound; a running total (`[4]万人`) grows
/// linearly; a share (`%`, `‰`) with a baseline strictly inside (0, ceiling) is logistic under
/// its ceiling; a non-positive baseline grows linearly; every other level grows compound.
pub fn model_for(choice: ModelChoice, s: &Series, start: f64) -> Result<Model, String> {
    let n = f64::from((s.plan_year - s.base_year).max(1));
    let first_goal = s.goals.first().map(|g| g.kind.level(s.direction));
    let scale = match s.shape {
        Shape::RunningTotal => first_goal
            .map_or(1.0, |t| (t / n).abs())
            .max(f64::MIN_POSITIVE),
        _ if start != 0.0 => start.abs(),
        _ => first_goal.map_or(1.0, |t| (t / n).abs().max(1e-9)),
    };
    let logistic = s.ceiling.filter(|k| start > 0.0 && start < *k).map(|k| {
        Model::Logistic(Logistic {
            ceiling: k,
            base: start,
        })
    });
    Ok(match choice {
        ModelChoice::Auto => match s.shape {
            Shape::ChangeIndex => Model::Compound(Compound),
            Shape::RunningTotal => Model::Linear(Linear { scale }),
            Shape::Level if logistic.is_some() => logistic.unwrap_or(Model::Compound(Compound)),
            Shape::Level if start <= 0.0 => Model::Linear(Linear { scale }),
            Shape::Level => Model::Compound(Compound),
        },
        ModelChoice::Compound if start <= 0.0 => {
            return Err(format!(
                "compound growth needs a positive baseline, and {} starts at {start}; use `linear`",
                s.name
            ));
        }
        ModelChoice::Compound => Model::Compound(Compound),
        ModelChoice::Linear => Model::Linear(Linear { scale }),
        ModelChoice::Logistic => logistic.ok_or_else(|| {
            format!(
                "logistic growth needs a ceiling (a share in % or ‰) and a baseline below it; {} is in `{}` and starts at {start}",
                s.name, s.unit
            )
        })?,
    })
}

/// Builds the rates of one series under a scenario; `Err` explains why the scenario cannot run.
pub fn plan(sc: &Scenario, s: &Series, actuals: &[(i32, f64)]) -> Result<Option<RatePlan>, String> {
    let (start_year, start) = match (s.base, actuals.first()) {
        (Some(b), _) => (s.base_year, b),
        (None, Some(&(y, v))) => (y, v),
        (None, None) => return Ok(None),
    };
    let horizon = sc.horizon();
    let model = model_for(sc.model_choice(s), s, start)?;
    let (plan_rate, pace) = plan_rate(sc, s, &model, start, start_year);
    let years: Vec<i32> = (start_year + 1..=horizon).collect();
    let mut rates: Vec<f64> = vec![plan_rate; years.len()];
    let mut plan = RatePlan {
        model,
        start_year,
        start,
        rates: Vec::new(),
        plan_rate,
        pace,
    };
    after_plan(sc, s, &mut plan, &mut rates, &years);
    for o in &sc.spec.overrides {
        if !o.selector().matches(s) {
            continue;
        }
        for (k, &y) in years.iter().enumerate() {
            if o.from.is_none_or(|f| y >= f) && o.to.is_none_or(|t| y <= t) {
                if let Some(r) = o.rate {
                    rates[k] = r / 100.0;
                }
                rates[k] += o.delta.unwrap_or(0.0) / 100.0;
            }
        }
    }
    for sh in sc.spec.shocks.iter().filter(|sh| sh.selector().matches(s)) {
        if let Some(k) = years.iter().position(|&y| y == sh.year) {
            rates[k] += sh.delta / 100.0;
        }
    }
    plan.rates = rates;
    Ok(Some(plan))
}

/// The plan period's constant rate: the stated pace, else what reaches the target.
fn plan_rate(
    sc: &Scenario,
    s: &Series,
    model: &Model,
    start: f64,
    start_year: i32,
) -> (f64, &'static str) {
    let n = f64::from(s.plan_year - start_year);
    let goal = s.goal(s.plan_year);
    let by_target = sc.spec.calibrate == Some(Calibrate::Target) && goal.is_some();
    if let (Some(r), false) = (s.stated_rate, by_target) {
        let r = r.value;
        return match model {
            Model::Compound(_) => (r, "stated rate"),
            // other shapes pass through the level the stated pace reaches
            _ => (
                model
                    .calibrate(start, start * (1.0 + r).powf(n), n)
                    .unwrap_or(r),
                "stated rate",
            ),
        };
    }
    let Some(goal) = goal else {
        return (0.0, "held (no rate or target)");
    };
    let level = goal.kind.level(s.direction);
    let bound = matches!(
        goal.kind,
        GoalKind::AtLeast { .. } | GoalKind::AtMost { .. }
    );
    if bound && goal.kind.met(start, s.direction) {
        return (0.0, "held (bound already met)");
    }
    match model.calibrate(start, level, n) {
        Some(g) => (g, "reaches target"),
        None => (0.0, "held (target unreachable by this model)"),
    }
}

/// Rates after the plan period: phases, the `after` rule, or calibration through later goals.
fn after_plan(sc: &Scenario, s: &Series, plan: &mut RatePlan, rates: &mut [f64], years: &[i32]) {
    let after = sc.spec.after.clone().unwrap_or_default();
    let g0 = plan.plan_rate;
    match after.rule {
        Some(AfterRule::Explicit) => {
            for (k, &y) in years.iter().enumerate() {
                if y > s.plan_year {
                    rates[k] = after.rate.unwrap_or(g0 * 100.0) / 100.0;
                }
            }
        }
        Some(AfterRule::Converge) => {
            let to = after.rate.unwrap_or(g0 * 100.0) / 100.0;
            let by = after.by.unwrap_or(sc.horizon()).max(s.plan_year + 1);
            for (k, &y) in years.iter().enumerate() {
                if y > s.plan_year {
                    let w = (f64::from(y - s.plan_year) / f64::from(by - s.plan_year)).min(1.0);
                    rates[k] = g0 + (to - g0) * w;
                }
            }
        }
        // continue: the plan's rate, but later goals (2035) are reached through
        Some(AfterRule::Continue) | None => {
            let mut from_year = s.plan_year;
            for goal in s.goals.iter().filter(|g| g.year > s.plan_year) {
                plan.rates = rates.to_vec();
                let path = plan.path();
                let Some(at) = path.get((from_year - plan.start_year) as usize) else {
                    break;
                };
                let n = f64::from(goal.year - from_year);
                if let Some(g) = plan.model.calibrate(*at, goal.kind.level(s.direction), n) {
                    for (k, &y) in years.iter().enumerate() {
                        if y > from_year && y <= goal.year.max(sc.horizon()) {
                            rates[k] = g;
                        }
                    }
                }
                from_year = goal.year;
            }
        }
    }
    for ph in &after.phases {
        let applies = ph.indicator.as_deref().is_none_or(|i| i == s.name)
            && ph.category.as_deref().is_none_or(|c| c == s.category);
        for (k, &y) in years.iter().enumerate() {
            if applies && y >= ph.from && y <= ph.to {
                rates[k] = ph.rate / 100.0;
            }
        }
    }
}
