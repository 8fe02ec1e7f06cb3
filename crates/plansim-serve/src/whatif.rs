//! A what-if answered: the plan under the page's edits, compared with the plan as loaded —
//! the focused indicator's chart (the report's own), and for every target its verdict, reach
//! year, P(meet | scenario) and grade, with those whose status the edits changed listed.

use crate::catalog::Plan;
use plansim_core::format;
use plansim_core::lang::Lang;
use plansim_report::report::compare::sooner;
use plansim_report::report::computed::Computed;
use plansim_report::report::rows::Reach;
use plansim_report::report::rows::TargetRow;
use serde::Serialize;

/// The chart's size on the page, in pixels.
pub const CHART: (u32, u32) = (900, 520);

/// What the page shows after an edit.
#[derive(Clone, Debug, Serialize)]
pub struct Answer {
    /// The indicator charted.
    pub focus: String,
    /// Its chart, SVG text.
    pub svg: String,
    /// Every target of the plan under the edits, in table order.
    pub targets: Vec<Target>,
    /// The targets whose verdict or reach year the edits changed.
    pub changed: Vec<Target>,
    pub draws: usize,
    pub seed: u64,
}

/// One target under the edits, beside the plan as loaded.
#[derive(Clone, Debug, Serialize)]
pub struct Target {
    pub indicator: String,
    /// The indicator in the page's language (the table's English name on an English page).
    pub label: String,
    pub year: i32,
    /// The target as printed.
    pub target: String,
    /// The grade from the outturns (`assess`), which rates do not move.
    pub grade: String,
    pub grade_code: &'static str,
    /// The scenario's value in the target year, and whether it meets the target.
    pub projected: Option<f64>,
    pub met: Option<bool>,
    /// `达到` / `未达到` / empty where not projected.
    pub verdict: String,
    /// The first year the projection meets the target (`2030年达到`, `至2035年未达到`).
    pub reach: String,
    pub reach_year: Option<i32>,
    /// Against the plan as loaded: `晚2年`, `早1年`, `2031年达到`; empty when the same.
    pub sooner: String,
    /// P(meet | scenario), where the simulation gives one.
    pub p_meet: Option<f64>,
    pub p_text: String,
    /// Why, in one sentence, for a target relative to another row's growth (`高于GDP增长`):
    /// both rows' mean rates under the edits; empty for other targets.
    pub why: String,
    /// The same as loaded.
    pub was_met: Option<bool>,
    pub was_reach: String,
    pub was_p: Option<f64>,
    pub was_p_text: String,
}

fn reach_text(r: Option<Reach>, lang: Lang) -> String {
    r.map(|r| r.say(lang)).unwrap_or_default()
}

fn verdict(met: Option<bool>, lang: Lang) -> String {
    match (met, lang.is_en()) {
        (Some(true), false) => "达到".into(),
        (Some(false), false) => "未达到".into(),
        (Some(true), true) => "met".into(),
        (Some(false), true) => "not met".into(),
        (None, _) => String::new(),
    }
}

fn reach_year(r: Option<Reach>) -> Option<i32> {
    match r {
        Some(Reach::In(y)) => Some(y),
        _ => None,
    }
}

/// The sentence judging a relational target in `c`, in the page's language.
fn why(c: &Computed, row: &TargetRow, lang: Lang) -> String {
    c.p.relations
        .iter()
        .find(|r| {
            r.region == row.region
                && r.plan == row.plan
                && r.indicator == row.indicator
                && r.target_year == row.year
        })
        .map(|r| {
            if lang.is_en() {
                r.why.en.clone()
            } else {
                r.why.zh.clone()
            }
        })
        .unwrap_or_default()
}

fn target(now: &TargetRow, was: &TargetRow, why: String, lang: Lang) -> Target {
    let p_text = |p: Option<f64>| p.map(format::chance).unwrap_or_default();
    Target {
        indicator: now.indicator.clone(),
        label: if lang.is_en() && !now.indicator_en.is_empty() {
            now.indicator_en.clone()
        } else {
            now.indicator.clone()
        },
        year: now.year,
        target: now.target.clone(),
        grade: now.status.label(lang).to_string(),
        grade_code: now.status.code(),
        projected: now.projected,
        met: now.met,
        verdict: verdict(now.met, lang),
        reach: reach_text(now.reach, lang),
        reach_year: reach_year(now.reach),
        sooner: sooner(now.reach, was.reach, lang),
        p_meet: now.probability,
        p_text: p_text(now.probability),
        why,
        was_met: was.met,
        was_reach: reach_text(was.reach, lang),
        was_p: was.probability,
        was_p_text: p_text(was.probability),
    }
}

/// The rows of the plan's targets in `c`, in table order.
fn rows<'a>(c: &'a Computed, plan: &'a Plan) -> impl Iterator<Item = &'a TargetRow> + 'a {
    c.page
        .rows
        .iter()
        .filter(move |r| r.region == plan.region && r.plan == plan.plan)
}

/// The answer for the plan under edits (`now`, `edited` when any rule was added), charting
/// `focus` (else the first indicator).
pub fn answer(
    plan: &Plan,
    mut now: Computed,
    edited: bool,
    focus: Option<&str>,
    lang: Lang,
) -> Result<Answer, crate::Error> {
    let was = &plan.loaded;
    let targets: Vec<Target> = rows(&now, plan)
        .zip(rows(was, plan))
        .map(|(n, w)| target(n, w, why(&now, n, lang), lang))
        .collect();
    let changed = targets
        .iter()
        .filter(|t| t.met != t.was_met || t.reach != t.was_reach)
        .cloned()
        .collect();
    let charted = |f: &&str| now.p.paths.iter().any(|p| p.series.name == *f);
    let focus = focus
        .filter(|f| plan.indicators.iter().any(|i| i == f))
        .or(plan.indicators.iter().map(String::as_str).find(charted))
        .unwrap_or_default()
        .to_string();
    // the edited line first, in the main colour with the fan; the loaded one beside it
    if edited {
        now.sc.name = format!("{}+", was.sc.name);
        now.page.named.label = lang.say("with edits", "调整后").into();
    }
    let svg = match now.p.paths.iter().position(|p| p.series.name == focus) {
        Some(i) => {
            let chart =
                plansim_report::report::charts::indicator_chart(&now, i, &[&now, was], lang);
            let raw = plansim_report::chart::svg(&chart, CHART.0, CHART.1)
                .map_err(|e| crate::Error::Chart(e.to_string()))?;
            plansim_report::chart::with_cjk_font(&raw, "/font.otf")
        }
        None => String::new(),
    };
    Ok(Answer {
        focus,
        svg,
        targets,
        changed,
        draws: plan.draws,
        seed: plan.seed,
    })
}

/// An indicator's editable periods and the scenario's own rate in each, for the page's fields.
#[derive(Clone, Debug, Serialize)]
pub struct Control {
    pub indicator: String,
    /// The indicator in the page's language.
    pub label: String,
    pub unit: String,
    /// Whether the indicator has a chart: a level path does; a growth-rate row (`GDP增长`)
    /// has rates only, which move the targets that name it.
    pub chart: bool,
    /// The years before this one are outturns: no rate changes them.
    pub free_from: i32,
    pub periods: Vec<Period>,
}

/// A run of years and the rate the scenario gives its first year, percent a year.
#[derive(Clone, Debug, Serialize)]
pub struct Period {
    pub from: i32,
    pub to: i32,
    pub rate: f64,
}

/// Five-year plan periods (2021–25, 2026–30, …) from the first year no outturn fixes.
pub fn controls(plan: &Plan, lang: Lang) -> Vec<Control> {
    let p = &plan.loaded.p;
    let horizon = *plan.years.end();
    let mut out: Vec<Control> = Vec::new();
    for (i, path) in p.paths.iter().enumerate() {
        let s = &path.series;
        if out.iter().any(|c| c.indicator == s.name) {
            continue;
        }
        let last_obs = path.actuals.iter().map(|a| a.0).max();
        let free_from = last_obs
            .unwrap_or(path.plan.start_year)
            .max(path.plan.start_year)
            + 1;
        out.push(Control {
            indicator: s.name.clone(),
            label: s.display_name(lang).to_string(),
            unit: s.unit.to_string(),
            chart: true,
            free_from,
            periods: periods_of(
                (path.plan.start_year, &path.plan.rates, path.plan.plan_rate),
                free_from,
                horizon,
            )
            .into_iter()
            .map(|mut period| {
                // a rate typed in is a pace over its years, as the table's stated rate is
                // (`scenario::rates::pace`): other shapes than compound show the path's pace,
                // which typed back gives the same path
                if !matches!(path.plan.model, plansim_core::model::Model::Compound(_))
                    && let Some(pace) = period_pace(p, i, &period)
                {
                    period.rate = pace;
                }
                period
            })
            .collect(),
        });
    }
    // growth-rate rows (`国内生产总值（GDP）增长`): their rate is the row's value
    for g in &p.growth {
        let s = &g.series;
        if out.iter().any(|c| c.indicator == s.name) {
            continue;
        }
        let last_obs = g.observed.iter().map(|o| o.0).max();
        let free_from = last_obs.unwrap_or(g.plan.start_year).max(g.plan.start_year) + 1;
        out.push(Control {
            indicator: s.name.clone(),
            label: s.display_name(lang).to_string(),
            unit: s.unit.to_string(),
            chart: false,
            free_from,
            periods: periods_of(
                (g.plan.start_year, &g.plan.rates, g.plan.plan_rate),
                free_from,
                horizon,
            ),
        });
    }
    // in table order, as the plan's indicators are
    out.sort_by_key(|c| {
        plan.indicators
            .iter()
            .position(|i| *i == c.indicator)
            .unwrap_or(usize::MAX)
    });
    out
}

/// The compound pace of path `i` over a period, percent a year: from the value the year
/// before it to the value in its last year.
fn period_pace(p: &plansim_core::project::Projection, i: usize, period: &Period) -> Option<f64> {
    let (before, end) = (p.value(i, period.from - 1)?, p.value(i, period.to)?);
    let pace =
        plansim_core::model::implied_rate(before, end, f64::from(period.to - period.from + 1))?;
    Some((pace * 1e6).round() / 1e4)
}

/// Five-year plan periods (2021–25, 2026–30, …) from `from`, each with its first year's rate.
fn periods_of(
    (start_year, rates, plan_rate): (i32, &[f64], f64),
    from: i32,
    horizon: i32,
) -> Vec<Period> {
    let mut periods = Vec::new();
    let mut from = from;
    while from <= horizon {
        // plan periods start in 2021, 2026, …: the period ends on the year before the next
        let to = (from + (5 - (from - 2021).rem_euclid(5)) - 1).min(horizon);
        let k = usize::try_from(from - start_year - 1).unwrap_or(0);
        let rate = rates.get(k).copied().unwrap_or(plan_rate) * 100.0;
        periods.push(Period {
            from,
            to,
            rate: (rate * 1e4).round() / 1e4,
        });
        from = to + 1;
    }
    periods
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reach_reads_as_the_report_says_it() {
        assert_eq!(reach_text(Some(Reach::In(2030)), Lang::Zh), "2030年达到");
        assert_eq!(
            reach_text(Some(Reach::NotBy(2035)), Lang::En),
            "not reached by 2035"
        );
        assert_eq!(
            sooner(Some(Reach::In(2027)), Some(Reach::In(2025)), Lang::Zh),
            "晚2年"
        );
    }
}
