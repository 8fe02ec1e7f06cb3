//! The table of targets a report shows: every target of every indicator, with the stated and
//! required rates, the projected value and the probability of meeting it.

use crate::project::Projection;
use crate::scenario::Scenario;
use crate::simulate::Simulation;
use serde::Serialize;

/// How a target stands, from the probability of meeting it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// P ≥ 2/3.
    OnTrack,
    /// 1/3 ≤ P < 2/3.
    AtRisk,
    /// P < 1/3.
    OffTrack,
    /// Delegated, qualitative or missing: nothing to measure.
    NoNumericTarget,
    /// A number, but no baseline to project from.
    NoBaseline,
}

impl Status {
    pub fn of(probability: f64) -> Status {
        if probability >= 2.0 / 3.0 {
            Status::OnTrack
        } else if probability >= 1.0 / 3.0 {
            Status::AtRisk
        } else {
            Status::OffTrack
        }
    }

    pub fn label(self, english: bool) -> &'static str {
        match (self, english) {
            (Status::OnTrack, false) => "有望完成",
            (Status::AtRisk, false) => "存在风险",
            (Status::OffTrack, false) => "难以完成",
            (Status::NoNumericTarget, false) => "无量化目标",
            (Status::NoBaseline, false) => "缺基期值",
            (Status::OnTrack, true) => "on track",
            (Status::AtRisk, true) => "at risk",
            (Status::OffTrack, true) => "off track",
            (Status::NoNumericTarget, true) => "no numeric target",
            (Status::NoBaseline, true) => "no baseline",
        }
    }

    /// CSS class and chart colour key.
    pub fn key(self) -> &'static str {
        match self {
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::OffTrack => "off-track",
            Status::NoNumericTarget => "no-target",
            Status::NoBaseline => "no-baseline",
        }
    }
}

/// One target in a report.
#[derive(Clone, Debug, Serialize)]
pub struct TargetRow {
    pub region: String,
    pub plan: String,
    pub category: String,
    pub indicator: String,
    pub indicator_en: String,
    pub unit: String,
    pub binding: bool,
    pub base_year: i32,
    pub base: Option<f64>,
    pub year: i32,
    /// The target as printed.
    pub target: String,
    /// Fractions; percent a year in `summary.json`.
    #[serde(serialize_with = "plansim_core::percent::opt")]
    pub stated_rate: Option<f64>,
    #[serde(serialize_with = "plansim_core::percent::opt")]
    pub required_rate: Option<f64>,
    /// The projection in the target year.
    pub projected: Option<f64>,
    pub met: Option<bool>,
    pub probability: Option<f64>,
    pub status: Status,
    /// Index of the projection path, for charts.
    #[serde(skip)]
    pub path: Option<usize>,
}

impl TargetRow {
    /// A target of `s` with nothing measured yet.
    fn of(s: &crate::series::Series, year: i32, target: String, status: Status) -> TargetRow {
        TargetRow {
            region: s.region.clone(),
            plan: s.plan.clone(),
            category: s.category.clone(),
            indicator: s.name.clone(),
            indicator_en: s.name_en.clone(),
            unit: s.unit.clone(),
            binding: s.binding(),
            base_year: s.base_year,
            base: s.base,
            year,
            target,
            stated_rate: s.stated_rate.map(|r| r.value),
            required_rate: None,
            projected: None,
            met: None,
            probability: None,
            status,
            path: None,
        }
    }
}

/// Every target of a scenario: projected ones with their numbers, then the rest with why not.
pub fn target_rows(sc: &Scenario, p: &Projection, sim: &Simulation) -> Vec<TargetRow> {
    let mut rows = Vec::new();
    for (i, (path, sp)) in p.paths.iter().zip(&sim.paths).enumerate() {
        for o in &path.outcomes {
            let probability = sp
                .chances
                .iter()
                .find(|c| c.year == o.goal.year)
                .map(|c| c.probability);
            rows.push(TargetRow {
                base_year: path.plan.start_year,
                base: Some(path.plan.start),
                required_rate: o.required_rate,
                projected: o.value,
                met: o.met,
                probability,
                path: Some(i),
                ..TargetRow::of(
                    &path.series,
                    o.goal.year,
                    o.goal.raw.clone(),
                    probability.map_or(Status::NoBaseline, Status::of),
                )
            });
        }
    }
    let projected: std::collections::HashSet<(&str, &str, &str)> = p
        .paths
        .iter()
        .map(|x| {
            (
                x.series.region.as_str(),
                x.series.plan.as_str(),
                x.series.name.as_str(),
            )
        })
        .collect();
    for s in &sc.series {
        let seen = projected.contains(&(s.region.as_str(), s.plan.as_str(), s.name.as_str()));
        let lone =
            |year: i32, target: String, status: Status| TargetRow::of(s, year, target, status);
        if !seen {
            for g in &s.goals {
                rows.push(lone(g.year, g.raw.clone(), Status::NoBaseline));
            }
        }
        for text in &s.unquantified {
            rows.push(lone(s.plan_year, text.clone(), Status::NoNumericTarget));
        }
        if s.goals.is_empty() && s.unquantified.is_empty() && !seen {
            rows.push(lone(s.plan_year, "—".into(), Status::NoNumericTarget));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_thresholds() {
        assert_eq!(Status::of(1.0), Status::OnTrack);
        assert_eq!(Status::of(2.0 / 3.0), Status::OnTrack);
        assert_eq!(Status::of(0.5), Status::AtRisk);
        assert_eq!(Status::of(1.0 / 3.0), Status::AtRisk);
        assert_eq!(Status::of(0.2), Status::OffTrack);
    }
}
