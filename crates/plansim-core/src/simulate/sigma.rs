//! Which σ a path gets: the command line, the scenario per indicator, the table's `sigma`
//! column, an estimate from three or more actuals (never below the rule of thumb), the scenario
//! default, or a rule of thumb scaled to the indicator's pace.

use super::Settings;
use crate::project::Path;
use statrs::statistics::Statistics;

/// The floor of the rule of thumb: half a point of annual growth.
pub const DEFAULT_SIGMA: f64 = 0.005;

/// The rule of thumb when nothing is given: σ = max(0.5 points, 30% of the plan rate). A uniform
/// 2 points would make life expectancy (0.3% a year) swing ±10 years by 2035, while GDP at 7%
/// gets 2.1 points, about the spread of Chinese regional growth around plan.
pub fn rule_of_thumb(plan_rate: f64) -> f64 {
    DEFAULT_SIGMA.max(0.3 * plan_rate.abs())
}

/// Where a path's σ came from; serialised as the words `simulate --format json` has always
/// written (`flag`, `table`, `default` …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum SigmaSource {
    /// The settings' override (`--sigma`).
    #[serde(rename = "flag")]
    Override,
    /// The scenario's σ for this indicator (`sigma_by`).
    #[serde(rename = "scenario (indicator)")]
    ScenarioIndicator,
    /// The table's `sigma` column.
    #[serde(rename = "table")]
    Table,
    /// The spread of the outturns' yearly growth (three or more outturns).
    #[serde(rename = "actuals")]
    Actuals,
    /// The outturns' spread was below the rule of thumb, which stands.
    #[serde(rename = "actuals (floored at the rule of thumb)")]
    ActualsFloored,
    /// The scenario's default σ.
    #[serde(rename = "scenario")]
    Scenario,
    /// The rule of thumb: max(0.5 points, 30 % of the plan rate).
    #[serde(rename = "default")]
    RuleOfThumb,
}

impl SigmaSource {
    /// True when σ rests on evidence: the outturns' spread, or a σ set by hand (the flag, the
    /// scenario, the table's column — evidence of a kind, the user's judgment); false for the
    /// rule of thumb, which is no evidence at all.
    pub fn is_evidence(self) -> bool {
        self != SigmaSource::RuleOfThumb
    }

    /// Set by hand rather than estimated from outturns.
    pub fn by_hand(self) -> bool {
        matches!(
            self,
            SigmaSource::Override
                | SigmaSource::ScenarioIndicator
                | SigmaSource::Table
                | SigmaSource::Scenario
        )
    }

    /// The words it is written as.
    pub fn as_str(self) -> &'static str {
        match self {
            SigmaSource::Override => "flag",
            SigmaSource::ScenarioIndicator => "scenario (indicator)",
            SigmaSource::Table => "table",
            SigmaSource::Actuals => "actuals",
            SigmaSource::ActualsFloored => "actuals (floored at the rule of thumb)",
            SigmaSource::Scenario => "scenario",
            SigmaSource::RuleOfThumb => "default",
        }
    }
}

impl std::fmt::Display for SigmaSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The σ of a path (a fraction) and where it came from: the settings' override, their σ for
/// the indicator, the table's `sigma`, the outturns, the settings' default, the rule of thumb.
pub fn sigma_of(set: &Settings, path: &Path) -> (f64, SigmaSource) {
    if let Some(s) = set.sigma {
        return (s, SigmaSource::Override);
    }
    let s = &path.series;
    let by_name = [&s.name, &s.name_en]
        .into_iter()
        .chain(&s.also)
        .find_map(|n| set.sigma_by.get(n));
    if let Some(&s) = by_name {
        return (s, SigmaSource::ScenarioIndicator);
    }
    if let Some(s) = path.series.sigma {
        return (s, SigmaSource::Table);
    }
    // a few near-identical outturns are no evidence of calm: never below the rule of thumb
    if let Some(s) = from_actuals(path.plan.start_year, path.plan.start, &path.actuals) {
        let floor = rule_of_thumb(path.plan.plan_rate);
        return if s >= floor {
            (s, SigmaSource::Actuals)
        } else {
            (floor, SigmaSource::ActualsFloored)
        };
    }
    if let Some(s) = set.default_sigma {
        return (s, SigmaSource::Scenario);
    }
    (rule_of_thumb(path.plan.plan_rate), SigmaSource::RuleOfThumb)
}

/// The sample standard deviation of the year-on-year growth of consecutive known values
/// (the start and the actuals), when three or more actual years are given.
pub(crate) fn from_actuals(start_year: i32, start: f64, actuals: &[(i32, f64)]) -> Option<f64> {
    if actuals.len() < 3 {
        return None;
    }
    let known: Vec<(i32, f64)> = std::iter::once((start_year, start))
        .chain(actuals.iter().copied())
        .collect();
    let rates: Vec<f64> = known
        .windows(2)
        .filter(|w| w[1].0 == w[0].0 + 1 && w[0].1 > 0.0)
        .map(|w| w[1].1 / w[0].1 - 1.0)
        .collect();
    (rates.len() >= 2)
        .then(|| rates.std_dev())
        .filter(|s| s.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_of_thumb_scales_with_the_pace() {
        assert!((rule_of_thumb(0.07) - 0.021).abs() < 1e-15);
        assert_eq!(rule_of_thumb(0.003), 0.005);
        assert!((rule_of_thumb(-0.025) - 0.0075).abs() < 1e-15);
    }

    /// The hypothetical 科尔沁区 outturns (6 %, 3 %, 5 %) have σ = 1.53 points, below the rule
    /// of thumb for a 7 % plan (0.3·7 = 2.1 points): the rule of thumb stands. The scenario's
    /// own `sigma_by "地区生产总值" = 2.5` (from baseline.toml) names the table's prose row,
    /// which states this row's target again: it reaches this row first.
    #[test]
    fn sigma_from_outturns_is_floored() {
        let sc = crate::scenario::Scenario::load(
            &crate::repo_file("scenarios/horqin-outturn.toml"),
            &crate::table::LoadOptions::default(),
        )
        .unwrap();
        let p = crate::project::project(&sc).unwrap();
        let gdp = p
            .paths
            .iter()
            .find(|x| x.series.name == "地区生产总值增长率")
            .unwrap();
        let mut set = Settings::from_scenario(&sc);
        let (s, from) = sigma_of(&set, gdp);
        assert!((s - 0.025).abs() < 1e-12, "{s}");
        assert_eq!(from, SigmaSource::ScenarioIndicator);
        set.sigma_by.clear();
        let (s, from) = sigma_of(&set, gdp);
        assert!((s - 0.021).abs() < 1e-12, "{s}");
        assert_eq!(from, SigmaSource::ActualsFloored);
        assert_eq!(from.as_str(), "actuals (floored at the rule of thumb)");
    }

    #[test]
    fn sigma_from_three_actual_years() {
        // growth 6%, 3%, 5% (305.8 → 324.148 → 333.872 → 350.566): mean 4.6667%,
        // sample variance ((1.3333² + 1.6667² + 0.3333²)/2)·1e-4 = 2.3333e-4 → σ = 1.5275 points
        let s = from_actuals(
            2020,
            305.8,
            &[(2021, 324.148), (2022, 333.87244), (2023, 350.566062)],
        )
        .unwrap();
        assert!((s - 0.0152753).abs() < 1e-6, "{s}");
        assert_eq!(
            from_actuals(2020, 305.8, &[(2021, 324.148), (2022, 333.87244)]),
            None
        );
    }
}
