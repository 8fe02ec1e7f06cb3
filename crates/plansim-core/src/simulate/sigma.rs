//! Which σ a path gets: the command line, the scenario per indicator, the table's `sigma`
//! column, the trend of two or more observed yearly changes (assess's estimator, with its
//! floors), the scenario default, or — no evidence, nothing drawn — a rule of thumb.

use super::Settings;
use crate::model::Model;
use crate::project::Path;
use crate::series::trend::{Kind, Trend};

/// The floor of the rule of thumb: half a point of annual growth.
pub(crate) const DEFAULT_SIGMA: f64 = 0.005;

/// The rule of thumb when nothing is given: σ = max(0.5 points, 30% of the plan rate). A uniform
/// 2 points would make life expectancy (0.3% a year) swing ±10 years by 2035, while GDP at 7%
/// gets 2.1 points, about the spread of Chinese regional growth around plan.
pub(crate) fn rule_of_thumb(plan_rate: f64) -> f64 {
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
    /// The spread of the outturns' yearly changes (two or more changes).
    #[serde(rename = "actuals")]
    Actuals,
    /// The outturns' spread was below the floor for their kind, which stands.
    #[serde(rename = "actuals (floored)")]
    ActualsFloored,
    /// The scenario's default σ.
    #[serde(rename = "scenario")]
    Scenario,
    /// The rule of thumb: max(0.5 points, 30 % of the plan rate); no evidence, never drawn.
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
            SigmaSource::ActualsFloored => "actuals (floored)",
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

/// A path's spread, in the unit its draws are made in, and the evidence behind it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// σ of the yearly rate as a fraction (0.02 = 2 points a year), for display: log growth
    /// as is, points divided by the level they move.
    pub sigma: f64,
    /// Where σ came from.
    pub source: SigmaSource,
    /// The kind of yearly change drawn: log growth or points ([`Kind`]), the one assess
    /// estimates its trend in.
    pub kind: Kind,
    /// σ in the kind's unit: what each year's change is drawn with.
    pub unit_sigma: f64,
    /// How many observed yearly changes σ rests on, when it is the outturns': the draws then
    /// carry the uncertainty of the mean and of σ itself (the Student-t predictive with n − 1
    /// degrees of freedom). `None` for a σ set by hand, taken as known.
    pub n: Option<usize>,
}

/// The σ of a path and where it came from: the settings' override, their σ for the
/// indicator, the table's `sigma`, the outturns (the same estimator as assess, [`Trend`]),
/// the settings' default, the rule of thumb (no evidence: nothing is drawn).
pub(crate) fn sigma_of(set: &Settings, path: &Path) -> Spread {
    let plan = &path.plan;
    // the indicator's kind of change, as assess reads it, unless the scenario chose a model
    // that moves otherwise (a level drawn linearly moves in points, a share compounded in logs)
    let natural = Kind::of(path.series.quantity, path.series.additive, plan.start);
    let kind = match (plan.model, natural.logarithmic()) {
        (Model::Compound(_), false) => Kind::Level,
        (Model::Linear(_) | Model::Logistic(_), true) => Kind::Points,
        _ => natural,
    };
    // the level a fraction of growth is taken of, for changes in points
    let level = match plan.model {
        Model::Linear(l) if plan.start == 0.0 => l.scale.abs(),
        _ => plan.start.abs(),
    };
    let by_hand = |sigma: f64, source: SigmaSource| Spread {
        sigma,
        source,
        kind,
        unit_sigma: if kind.logarithmic() {
            sigma
        } else {
            sigma * level
        },
        n: None,
    };
    if let Some(s) = set.sigma {
        return by_hand(s, SigmaSource::Override);
    }
    let s = &path.series;
    let by_name = [&s.name, &s.name_en]
        .into_iter()
        .chain(&s.also)
        .find_map(|n| set.sigma_by.get(n));
    if let Some(&s) = by_name {
        return by_hand(s, SigmaSource::ScenarioIndicator);
    }
    if let Some(s) = path.series.sigma {
        return by_hand(s, SigmaSource::Table);
    }
    if let Some(t) = from_actuals(
        plan.start_year,
        plan.start,
        &path.actuals,
        &path.spliced,
        kind,
    ) {
        let sigma = if kind.logarithmic() || level == 0.0 {
            t.sigma
        } else {
            t.sigma / level
        };
        return Spread {
            sigma,
            source: if t.observed < t.floor {
                SigmaSource::ActualsFloored
            } else {
                SigmaSource::Actuals
            },
            kind,
            unit_sigma: t.sigma,
            n: Some(t.m),
        };
    }
    if let Some(s) = set.default_sigma {
        return by_hand(s, SigmaSource::Scenario);
    }
    by_hand(rule_of_thumb(plan.plan_rate), SigmaSource::RuleOfThumb)
}

/// The trend of the yearly changes between consecutive known values (the start and the
/// actuals), when there are two or more: assess's estimator, in the same unit and floors.
/// The step into a year an official period figure placed (`spliced`) is left out: it carries
/// the gap between the yearly chain and the period figure, not one year's change.
pub(crate) fn from_actuals(
    start_year: i32,
    start: f64,
    actuals: &[(i32, f64)],
    spliced: &[i32],
    kind: Kind,
) -> Option<Trend> {
    let known: Vec<(i32, f64)> = std::iter::once((start_year, start))
        .chain(actuals.iter().copied().filter(|a| a.0 > start_year))
        .collect();
    Trend::of_points_except(&known, kind, spliced)
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

    /// The hypothetical 科尔沁区 outturns (growth 6 %, 3 %, 5 % from 305.8) are three log
    /// changes ln(324.148/305.8) = 0.0582689, ln(333.872/324.148) = 0.0295575 and
    /// ln(350.566/333.872) = 0.0487913: mean 0.0455392, sample sd 0.0146294 — above the floor
    /// for levels (0.01), so it stands, drawn with n = 3. The scenario's own
    /// `sigma_by "地区生产总值" = 2.5` (from baseline.toml) names the table's prose row, which
    /// states this row's target again: it reaches this row first.
    #[test]
    fn sigma_from_outturns_is_assess_s_estimate() {
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
        let s = sigma_of(&set, gdp);
        assert!((s.sigma - 0.025).abs() < 1e-12, "{s:?}");
        assert_eq!((s.source, s.n), (SigmaSource::ScenarioIndicator, None));
        set.sigma_by.clear();
        let s = sigma_of(&set, gdp);
        assert!((s.unit_sigma - 0.0146294).abs() < 1e-6, "{s:?}");
        assert_eq!(
            (s.source, s.kind, s.n),
            (SigmaSource::Actuals, Kind::Level, Some(3))
        );
        assert_eq!(s.sigma, s.unit_sigma);
    }

    /// The national CO₂ intensity's path: yearly falls of 3.8, 0.8, 0 and 3.4 % (2021–24)
    /// chain to 92.18577 (2020 = 100), and the official 〔17.7〕 places 2025 at 82.3. σ rests on
    /// the four yearly log changes ln 0.962 = −0.0387408, ln 0.992 = −0.0080322, 0 and
    /// ln 0.966 = −0.0345914: mean −0.0203411, sample sd 0.0192084 (n = 4). The step onto the
    /// period figure, ln(82.3/92.18577) = −0.1134346, is no yearly change: counted as one it
    /// would make σ 0.0448331 with n = 5.
    #[test]
    fn sigma_leaves_out_the_step_onto_an_official_period_figure() {
        let sc = crate::scenario::Scenario::load(
            &crate::repo_file("scenarios/national-14th.toml"),
            &crate::table::LoadOptions::default(),
        )
        .unwrap();
        let p = crate::project::project(&sc).unwrap();
        let co2 = p
            .paths
            .iter()
            .find(|x| x.series.name == "单位GDP二氧化碳排放降低")
            .unwrap();
        assert_eq!(co2.spliced, vec![2025]);
        let s = sigma_of(&Settings::from_scenario(&sc), co2);
        assert!((s.unit_sigma - 0.0192084).abs() < 1e-6, "{s:?}");
        assert_eq!(
            (s.source, s.kind, s.n),
            (SigmaSource::Actuals, Kind::Index, Some(4))
        );
        // the same points with the splice counted: the wider σ of before
        let t = from_actuals(
            co2.plan.start_year,
            co2.plan.start,
            &co2.actuals,
            &[],
            Kind::Index,
        )
        .unwrap();
        assert!((t.sigma - 0.0448331).abs() < 1e-6 && t.m == 5, "{t:?}");
    }

    #[test]
    fn sigma_from_two_actual_years_and_the_floor() {
        // two changes suffice (n = 2, as for assess's P(meet)); one does not
        let t = from_actuals(
            2020,
            100.0,
            &[(2021, 104.0), (2022, 110.0)],
            &[],
            Kind::Level,
        )
        .unwrap();
        // ln 1.04 = 0.0392207, ln(110/104) = 0.0560888: sd |Δ|/√2 = 0.0119275
        assert!((t.sigma - 0.0119275).abs() < 1e-6 && t.m == 2, "{t:?}");
        assert!(from_actuals(2020, 100.0, &[(2021, 104.0)], &[], Kind::Level).is_none());
        // a share moving 0.5 and 0.6 points: sd 0.0707 points, floored at 0.2
        let t = from_actuals(2020, 60.0, &[(2021, 60.5), (2022, 61.1)], &[], Kind::Points).unwrap();
        assert_eq!(t.sigma, 0.2);
        assert!((t.observed - 0.0707107).abs() < 1e-6);
    }
}
