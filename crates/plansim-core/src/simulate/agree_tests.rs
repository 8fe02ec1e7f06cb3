//! Simulate and assess read the same evidence the same way: on a hand-made series whose
//! remaining years run at the observed mean, the share of draws meeting the target is the t
//! predictive's P(meet) that assess prints, within Monte Carlo error.

use super::*;
use crate::assess::{Options, assess};
use crate::names::Aliases;
use crate::project::project;
use crate::table::LoadOptions;

/// Log changes 0.02, 0.04, 0.06 from 100 (n = 3): x̄ = 0.04, s = 0.02. The next k = 2 changes
/// sum to 0.08 + 0.02·√(2(1 + 2/3))·T = 0.08 + 0.0365148·T, T a Student-t with 2 degrees of
/// freedom, whose CDF is 1/2 + t/(2√(2 + t²)). The target 126.6826 lies ln(126.6826/112.7496852)
/// − 0.08 = 0.0365145 above the centre, t = 0.999992 (1 to the table's four decimals):
/// P(meet) = 1/2 − t/(2√(2 + t²)) = 1/2 − 1/(2√3) = 0.211325.
#[test]
fn simulated_probability_is_assess_s_t_predictive() {
    let want = 0.5 - 1.0 / (2.0 * 3f64.sqrt());
    let sc = Scenario::load(
        &crate::repo_file("tests/fixtures/project/t-predictive.toml"),
        &LoadOptions::default(),
    )
    .unwrap();
    let grades = assess(
        &sc.indicators,
        &sc.outturns,
        &Aliases::bundled(),
        &Options::default(),
    );
    let g = &grades[0];
    assert_eq!(g.p_n, Some(3));
    let p_assess = g.p_meet.unwrap();
    assert!(
        (p_assess - want).abs() < 1e-4,
        "assess {p_assess} vs {want}"
    );

    let p = project(&sc).unwrap();
    let set = Settings::from_scenario(&sc);
    let sim = simulate(&p, &set).unwrap();
    let sp = &sim.paths[0];
    assert_eq!((sp.sigma_from, sp.sigma_n), (SigmaSource::Actuals, Some(3)));
    let p_sim = sp.chances[0].probability;
    // 200,000 draws: a standard error of √(0.21·0.79/200000) = 0.0009
    assert!(
        (p_sim - p_assess).abs() < 0.004,
        "simulate {p_sim} vs assess {p_assess}"
    );
    // the band of 2025 is the same predictive: its median the centre, 112.7496852·e^0.08 =
    // 122.1403, its p95 e^(0.0365148·2.919986) = 1.112515 times that (t₂'s 95th percentile:
    // F(t) = 0.95 ⇔ t/√(2 + t²) = 0.9 ⇔ t = √(1.62/0.19) = 2.919986)
    let b = sp.bands[p.col(2025).unwrap()];
    assert!((b.p50 / 122.1403 - 1.0).abs() < 0.002, "{}", b.p50);
    assert!(
        (b.p95 / (122.1403 * 1.112515) - 1.0).abs() < 0.005,
        "{}",
        b.p95
    );
}
