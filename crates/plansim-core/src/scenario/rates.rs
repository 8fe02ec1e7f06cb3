//! The yearly rates of one path: the plan's pace, what happens after the plan period, then the
//! scenario's phases, overrides and shocks, in that order. Every rule records the years it
//! changed, before → after, for `plansim explain`.

use super::{AfterRule, Calibrate, Scenario};
use crate::lang::{Msg, Rule};
use crate::meaning::GoalKind;
use crate::model::{Compound, Growth, Linear, Logistic, Model, ModelChoice};
use crate::series::{Series, Shape};
use serde::Serialize;

/// A rule of a scenario: its kind and its place in the scenario's list of that kind
/// (`spec.overrides[index]`, `spec.shocks[index]`, `after.phases[index]`; 0 for `[after]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct RuleRef {
    pub rule: Rule,
    pub index: usize,
}

/// One year a rule touched: the rate before and after (fractions), or an observed year that
/// keeps its actual whatever the rule says.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Step {
    pub year: i32,
    pub before: f64,
    pub after: f64,
    pub observed: bool,
}

/// What one rule did to one path.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub rule: RuleRef,
    pub steps: Vec<Step>,
}

/// Where a path starts and the rate of every later year up to the horizon.
#[derive(Clone, Debug, Serialize)]
pub struct RatePlan {
    pub model: Model,
    pub start_year: i32,
    pub start: f64,
    /// `rates[k]` is the rate of year `start_year + 1 + k` (a fraction; percent in JSON).
    #[serde(serialize_with = "crate::percent::many")]
    pub rates: Vec<f64>,
    /// The plan period's rate and where it came from.
    #[serde(serialize_with = "crate::percent::one")]
    pub plan_rate: f64,
    pub pace: Pace,
    /// What each rule of the scenario changed, in the order they were applied.
    #[serde(skip)]
    pub changes: Vec<Change>,
}

/// Where the plan period's rate came from; written in JSON and shown by its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Pace {
    /// The table's stated rate (or, for other shapes, the one through the level it reaches).
    #[serde(rename = "stated rate")]
    Stated,
    /// The rate that reaches the plan-year target.
    #[serde(rename = "reaches target")]
    ReachesTarget,
    /// Held: the row has neither a rate nor a target.
    #[serde(rename = "held (no rate or target)")]
    HeldNoRateOrTarget,
    /// Held: an at-least or at-most target is already met at the start.
    #[serde(rename = "held (bound already met)")]
    HeldBoundMet,
    /// Held: the model has no rate reaching the target.
    #[serde(rename = "held (target unreachable by this model)")]
    HeldUnreachable,
}

impl Pace {
    /// The words shown for it (the same as in JSON).
    pub fn words(self) -> &'static str {
        match self {
            Pace::Stated => "stated rate",
            Pace::ReachesTarget => "reaches target",
            Pace::HeldNoRateOrTarget => "held (no rate or target)",
            Pace::HeldBoundMet => "held (bound already met)",
            Pace::HeldUnreachable => "held (target unreachable by this model)",
        }
    }

    /// The plan holds the row where it is.
    pub fn held(self) -> bool {
        matches!(
            self,
            Pace::HeldNoRateOrTarget | Pace::HeldBoundMet | Pace::HeldUnreachable
        )
    }
}

impl std::fmt::Display for Pace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.words())
    }
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
pub(crate) fn model_for(choice: ModelChoice, s: &Series, start: f64) -> Result<Model, Msg> {
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
            Shape::Level if start <= 0.0 || s.additive => Model::Linear(Linear { scale }),
            Shape::Level => Model::Compound(Compound),
        },
        ModelChoice::Compound if start <= 0.0 => {
            return Err(Msg::CompoundNonPositive {
                indicator: s.name.clone(),
                start,
            });
        }
        ModelChoice::Compound => Model::Compound(Compound),
        ModelChoice::Linear => Model::Linear(Linear { scale }),
        ModelChoice::Logistic => logistic.ok_or_else(|| Msg::LogisticNoCeiling {
            indicator: s.name.clone(),
            unit: s.unit.to_string(),
            start,
        })?,
    })
}

/// A change of rate added to a path on top of the scenario's own rates (`plansim sweep`): from
/// a year (default: the first after the latest outturn, else the first projected), never in
/// a year the scenario shocks or an outturn fixes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Nudge {
    /// Points added to the rate (0.5 = half a point).
    pub delta: f64,
    pub from: Option<i32>,
}

impl Nudge {
    /// The first year the nudge applies to a path.
    pub(crate) fn first_year(&self, start_year: i32, actuals: &[(i32, f64)]) -> i32 {
        self.from
            .unwrap_or_else(|| actuals.last().map_or(start_year, |a| a.0.max(start_year)) + 1)
    }
}

/// Builds the rates of one series under a scenario; `Err` explains why the scenario cannot run.
pub fn plan(
    sc: &Scenario,
    s: &Series,
    actuals: &[(i32, f64)],
    nudge: Option<Nudge>,
) -> Result<Option<RatePlan>, Msg> {
    let (start_year, start) = match (s.base, actuals.first()) {
        (Some(b), _) => (s.base_year, b),
        (None, Some(&(y, v))) => (y, v),
        (None, None) => return Ok(None),
    };
    let model = model_for(sc.model_choice(s), s, start)?;
    plan_with(sc, s, actuals, nudge, model, (start_year, start)).map(Some)
}

/// The rates of one series on `model` from `(start_year, start)`: the plan's pace, then every
/// rule of the scenario, as [`plan`] applies them.
pub(crate) fn plan_with(
    sc: &Scenario,
    s: &Series,
    actuals: &[(i32, f64)],
    nudge: Option<Nudge>,
    model: Model,
    (start_year, start): (i32, f64),
) -> Result<RatePlan, Msg> {
    let horizon = sc.horizon();
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
        changes: Vec::new(),
    };
    let mut rules = Rules {
        years: &years,
        observed: actuals.iter().map(|a| a.0).collect(),
        changes: Vec::new(),
    };
    after_plan(sc, s, &mut plan, &mut rates, &mut rules);
    phases(sc, s, (&plan, actuals), &mut rates, &mut rules);
    overrides(sc, s, (&plan, actuals), &mut rates, &mut rules);
    if let Some(n) = nudge {
        nudged(
            sc,
            s,
            n,
            n.first_year(start_year, actuals),
            &mut rates,
            &rules,
        );
    }
    rate_shocks(sc, s, &mut rates, &mut rules);
    // level shocks last: they move the level the year's rate reaches, whatever set that rate
    level_shocks(sc, s, &plan, actuals, &mut rates, &mut rules)?;
    plan.rates = rates;
    plan.changes = rules.changes;
    Ok(plan)
}

/// `[[after.phase]]` rates, each over its years.
fn phases(
    sc: &Scenario,
    s: &Series,
    path: (&RatePlan, &[(i32, f64)]),
    rates: &mut [f64],
    rules: &mut Rules,
) {
    for (index, ph) in sc
        .spec
        .after
        .iter()
        .flat_map(|a| a.phases.iter())
        .enumerate()
    {
        if ph.reaches(s) {
            let inside = |y: i32| y >= ph.from && y <= ph.to;
            let r = pace(path, rates, rules, &inside, ph.rate.fraction());
            rules.apply(Rule::Phase, index, rates, |y, _| inside(y).then_some(r));
        }
    }
}

/// `[[override]]` rates and deltas, each over its years.
fn overrides(
    sc: &Scenario,
    s: &Series,
    path: (&RatePlan, &[(i32, f64)]),
    rates: &mut [f64],
    rules: &mut Rules,
) {
    for (index, o) in sc.spec.overrides.iter().enumerate() {
        if o.reaches(s) {
            let inside = |y: i32| o.from.is_none_or(|f| y >= f) && o.to.is_none_or(|t| y <= t);
            let rate = o
                .rate
                .as_ref()
                .map(|r| pace(path, rates, rules, &inside, r.fraction()));
            let delta = o.delta.as_ref().map_or(0.0, |d| d.fraction());
            rules.apply(Rule::Override, index, rates, |y, g| {
                inside(y).then(|| rate.unwrap_or(g) + delta)
            });
        }
    }
}

/// A rule's rate `r` as the model's rate over the rule's years: the pace read as the plan's
/// stated rate is, compound-equivalent over those years. Other shapes than compound pass
/// through the level that pace reaches at the rule's last year (`rate = 2` on a share from
/// 63 over five years reaches 63·1.02⁵ = 69.56, as the table's stated 2 % does), from the
/// path's value before its first year the outturns leave open.
fn pace(
    (plan, actuals): (&RatePlan, &[(i32, f64)]),
    rates: &[f64],
    rules: &Rules,
    inside: &dyn Fn(i32) -> bool,
    r: f64,
) -> f64 {
    if matches!(plan.model, Model::Compound(_)) {
        return r;
    }
    let open: Vec<usize> = rules
        .years
        .iter()
        .enumerate()
        .filter(|(_, y)| inside(**y) && !rules.observed.contains(y))
        .map(|(k, _)| k)
        .collect();
    let Some(&first) = open.first() else {
        return r;
    };
    let n = open.len() as f64;
    paced(&plan.model, value_before(plan, rates, actuals, first), r, n)
}

/// The model's rate through the level a pace `r` reaches from `v` in `n` years. A path from
/// nothing (a running total from 0, a level of 0) has no pace to compound: `r` is the model's
/// own rate. A level the model cannot reach (a share past its ceiling) comes to the model's
/// fastest rate that way, never to `r` read another way: a faster pace never gives a lower
/// path.
fn paced(model: &Model, v: f64, r: f64, n: f64) -> f64 {
    if v <= 0.0 || matches!(model, Model::Compound(_)) {
        return r;
    }
    let level = crate::model::reach(v, r, n);
    match model.calibrate(v, level, n).filter(|g| g.is_finite()) {
        Some(g) => g,
        None => match model {
            Model::Logistic(l) => l.fastest(level > v),
            _ => r,
        },
    }
}

/// A sweep's nudge from `first` on, except in shocked and observed years.
fn nudged(sc: &Scenario, s: &Series, n: Nudge, first: i32, rates: &mut [f64], rules: &Rules) {
    let shocked: Vec<i32> = sc
        .spec
        .shocks
        .iter()
        .filter(|sh| sh.reaches(s))
        .map(|sh| sh.year)
        .collect();
    for (k, y) in rules.years.iter().enumerate() {
        if *y >= first && !shocked.contains(y) && !rules.observed.contains(y) {
            rates[k] += n.delta / 100.0;
        }
    }
}

/// `[[shock]]`s that set or move a year's rate.
fn rate_shocks(sc: &Scenario, s: &Series, rates: &mut [f64], rules: &mut Rules) {
    for (index, sh) in sc.spec.shocks.iter().enumerate() {
        if sh.reaches(s) && sh.level.is_none() {
            rules.apply(Rule::Shock, index, rates, |y, g| {
                (y == sh.year).then(|| match (&sh.rate, &sh.delta) {
                    (Some(r), _) => r.fraction(),
                    (None, Some(d)) => g + d.fraction(),
                    (None, None) => g,
                })
            });
        }
    }
}

/// `[[shock]]`s that move a year's level once: the year's rate becomes the one reaching it.
fn level_shocks(
    sc: &Scenario,
    s: &Series,
    plan: &RatePlan,
    actuals: &[(i32, f64)],
    rates: &mut [f64],
    rules: &mut Rules,
) -> Result<(), Msg> {
    for (index, sh) in sc.spec.shocks.iter().enumerate() {
        let Some(level) = sh.level.as_ref().filter(|_| sh.reaches(s)) else {
            continue;
        };
        let Some(k) = rules.years.iter().position(|&y| y == sh.year) else {
            continue;
        };
        let before = rates[k];
        let after = if rules.observed.contains(&sh.year) {
            before
        } else {
            let prev = value_before(plan, rates, actuals, k);
            let to = plan.model.step(prev, before) * (1.0 + level.fraction());
            plan.model
                .calibrate(prev, to, 1.0)
                .filter(|g| g.is_finite())
                .ok_or_else(|| Msg::LevelUnreachable {
                    indicator: s.name.clone(),
                    year: sh.year,
                })?
        };
        rates[k] = after;
        rules.record(Rule::Shock, index, vec![(sh.year, before, after)]);
    }
    Ok(())
}

/// The value in the year before `rates[k]`'s year: actuals where known, the model elsewhere.
fn value_before(plan: &RatePlan, rates: &[f64], actuals: &[(i32, f64)], k: usize) -> f64 {
    let mut v = plan.start;
    for (j, &g) in rates.iter().enumerate().take(k) {
        let year = plan.start_year + 1 + j as i32;
        v = actuals
            .iter()
            .find(|a| a.0 == year)
            .map_or_else(|| plan.model.step(v, g), |a| a.1);
    }
    v
}

/// Applies rules to a path's rates and keeps what each changed.
struct Rules<'a> {
    years: &'a [i32],
    observed: Vec<i32>,
    changes: Vec<Change>,
}

impl Rules<'_> {
    /// `f(year, rate)` gives the year's new rate, or `None` where the rule does not apply.
    fn apply(
        &mut self,
        rule: Rule,
        index: usize,
        rates: &mut [f64],
        f: impl Fn(i32, f64) -> Option<f64>,
    ) {
        let mut steps = Vec::new();
        for (k, &y) in self.years.iter().enumerate() {
            if let Some(g) = f(y, rates[k]) {
                steps.push((y, rates[k], g));
                rates[k] = g;
            }
        }
        self.record(rule, index, steps);
    }

    fn record(&mut self, rule: Rule, index: usize, steps: Vec<(i32, f64, f64)>) {
        if steps.is_empty() {
            return;
        }
        let steps = steps
            .into_iter()
            .map(|(year, before, after)| Step {
                year,
                before,
                after,
                observed: self.observed.contains(&year),
            })
            .collect();
        self.changes.push(Change {
            rule: RuleRef { rule, index },
            steps,
        });
    }
}

/// The plan period's constant rate: the stated pace, else what reaches the target.
fn plan_rate(sc: &Scenario, s: &Series, model: &Model, start: f64, start_year: i32) -> (f64, Pace) {
    let n = f64::from(s.plan_year - start_year);
    let goal = s.goal(s.plan_year);
    let by_target = sc.spec.calibrate == Some(Calibrate::Target) && goal.is_some();
    if let (Some(r), false) = (s.stated_rate, by_target) {
        let r = r.value;
        return match model {
            Model::Compound(_) => (r, Pace::Stated),
            // other shapes pass through the level the stated pace reaches
            _ => (paced(model, start, r, n), Pace::Stated),
        };
    }
    let Some(goal) = goal else {
        return (0.0, Pace::HeldNoRateOrTarget);
    };
    let level = goal.kind.level(s.direction);
    let bound = matches!(
        goal.kind,
        GoalKind::AtLeast { .. } | GoalKind::AtMost { .. }
    );
    // a baseline on a strict bound's line (98 under `＞98`) holds it as the plan means
    if bound && goal.kind.loose().met(start, s.direction) {
        return (0.0, Pace::HeldBoundMet);
    }
    match model.calibrate(start, level, n) {
        Some(g) => (g, Pace::ReachesTarget),
        None => (0.0, Pace::HeldUnreachable),
    }
}

/// Rates after the plan period: the `after` rule, or calibration through later goals.
fn after_plan(
    sc: &Scenario,
    s: &Series,
    plan: &mut RatePlan,
    rates: &mut [f64],
    rules: &mut Rules,
) {
    let after = sc.spec.after.clone().unwrap_or_default();
    let years = rules.years;
    let g0 = plan.plan_rate;
    let to = after.rate.as_ref().map_or(g0, |r| r.fraction());
    // a rate for every level, not for the rows meant to fall or held ([`After`])
    let rule = match after.rule {
        Some(AfterRule::Explicit | AfterRule::Converge) if !after.changes(s, plan.pace) => None,
        rule => rule,
    };
    match rule {
        Some(AfterRule::Explicit) => {
            rules.apply(Rule::After, 0, rates, |y, _| {
                (y > s.plan_year).then_some(to)
            });
        }
        Some(AfterRule::Converge) => {
            let by = after.by.unwrap_or(sc.horizon()).max(s.plan_year + 1);
            rules.apply(Rule::After, 0, rates, |y, _| {
                let w = (f64::from(y - s.plan_year) / f64::from(by - s.plan_year)).min(1.0);
                (y > s.plan_year).then_some(g0 + (to - g0) * w)
            });
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
}
