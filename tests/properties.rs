//! Properties that must hold for any input, through the public API: implied rates and
//! projections agree, compound paths rise with the rate, logistic paths stay under their
//! ceiling, quantiles are ordered and equal a sort, probabilities are shares, and a cell
//! printed back reads to the same meaning.

use plansim_core::model::{Compound, Growth, Linear, Logistic, Model, implied_rate, reach};
use plansim_core::scenario::Scenario;
use plansim_core::simulate::quantile::{Counter, LEVELS, quantiles};
use plansim_core::simulate::{Noise, Settings, simulate};
use plansim_core::table::{Cell, Form, LoadOptions};
use proptest::prelude::*;
use std::sync::OnceLock;

/// `a` and `b` agree to `rel` of their size (absolutely near zero).
fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1.0)
}

fn walk(model: &Model, from: f64, rates: impl IntoIterator<Item = f64>) -> Vec<f64> {
    let mut v = from;
    std::iter::once(from)
        .chain(rates.into_iter().map(|g| {
            v = model.step(v, g);
            v
        }))
        .collect()
}

/// numpy.percentile's linear rule, from a full sort: the reference the fast forms must equal.
fn by_sorting(x: &[f64]) -> [f64; 5] {
    let mut s = x.to_vec();
    s.sort_by(f64::total_cmp);
    LEVELS.map(|q| {
        let p = q / 100.0 * (s.len() - 1) as f64;
        let lo = p.floor() as usize;
        let hi = (lo + 1).min(s.len() - 1);
        s[lo] + (s[hi] - s[lo]) * (p - lo as f64)
    })
}

/// A model of each kind; the logistic's baseline is drawn apart from where paths start.
fn any_model() -> impl Strategy<Value = Model> {
    prop_oneof![
        Just(Model::Compound(Compound)),
        (1e-3..1e4f64).prop_map(|scale| Model::Linear(Linear { scale })),
        (1.0..1e4f64, 0.001..0.999f64).prop_map(|(k, b)| Model::Logistic(Logistic {
            ceiling: k,
            base: b * k,
        })),
    ]
}

/// A start and a target in the model's domain: positive, and under a logistic's ceiling.
fn domain(model: &Model, from: f64, to: f64) -> (f64, f64) {
    match model {
        Model::Logistic(m) => (from * m.ceiling, to * m.ceiling),
        _ => (from * 1e4, to * 1e4),
    }
}

proptest! {
    /// The implied rate reproduces the projection it came from, and the reverse.
    #[test]
    fn implied_rate_and_projection_round_trip(
        from in 1e-3..1e6f64,
        rate in -0.5..0.5f64,
        years in 1u32..=30,
    ) {
        let n = f64::from(years);
        let to = reach(from, rate, n);
        let back = implied_rate(from, to, n).expect("positive levels have a rate");
        prop_assert!(close(back, rate, 1e-9), "{back} vs {rate}");
        let stepped = walk(&Model::Compound(Compound), from, std::iter::repeat_n(rate, years as usize));
        prop_assert!(close(stepped[years as usize], to, 1e-9), "{stepped:?} vs {to}");
    }

    /// Each model's calibrated rate, applied `years` times from `from`, lands on `to`, also when
    /// `from` is not the model's baseline (a later point of the path).
    #[test]
    fn calibrated_rates_land_on_the_target(
        model in any_model(),
        from in 0.001..0.999f64,
        to in 0.001..0.999f64,
        years in 1u32..=30,
    ) {
        let (from, to) = domain(&model, from, to);
        let n = f64::from(years);
        let g = model.calibrate(from, to, n);
        prop_assert!(g.is_some(), "{model:?}: no rate from {from} to {to}");
        let g = g.unwrap_or_default();
        let path = walk(&model, from, std::iter::repeat_n(g, years as usize));
        prop_assert!(close(path[years as usize], to, 1e-8), "{model:?}: {path:?} vs {to}");
    }

    /// Year by year, a higher rate never gives a lower compound level.
    #[test]
    fn compound_paths_rise_with_the_rate(
        from in 1e-3..1e6f64,
        pairs in prop::collection::vec((-0.99..2.0f64, 0.0..1.0f64), 1..40),
    ) {
        let low: Vec<f64> = pairs.iter().map(|p| p.0).collect();
        let high: Vec<f64> = pairs.iter().map(|p| p.0 + p.1).collect();
        let m = Model::Compound(Compound);
        let (a, b) = (walk(&m, from, low), walk(&m, from, high));
        for (x, y) in a.iter().zip(&b) {
            prop_assert!(x <= y, "{a:?} vs {b:?}");
        }
        // the closed form too
        let (r1, r2) = (pairs[0].0, pairs[0].0 + pairs[0].1);
        prop_assert!(reach(from, r1, pairs.len() as f64) <= reach(from, r2, pairs.len() as f64));
    }

    /// Whatever the rates (shocks of any size, infinite ones too), a logistic path stays
    /// within [0, K].
    #[test]
    fn logistic_paths_stay_under_the_ceiling(
        k in 1e-3..1e6f64,
        base in 0.0..1.0f64,
        start in 0.0..1.0f64,
        rates in prop::collection::vec(
            prop_oneof![-1e3..1e3f64, any::<f64>().prop_filter("not NaN", |g| !g.is_nan())],
            1..60,
        ),
    ) {
        let m = Model::Logistic(Logistic { ceiling: k, base: (base * k).max(k * 1e-9) });
        for v in walk(&m, start * k, rates) {
            prop_assert!((0.0..=k).contains(&v), "{v} outside [0, {k}]");
        }
    }

    /// Both quantile forms equal the sort-based reference and come out ordered.
    #[test]
    fn quantiles_are_ordered_and_equal_a_sort(
        x in prop::collection::vec(
            prop_oneof![-1e9..1e9f64, (-5i32..5).prop_map(f64::from)], // with ties
            1..600,
        ),
    ) {
        let want = by_sorting(&x);
        let by_selection = quantiles(&mut x.clone());
        let (min, max) = x.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
        let by_counting = Counter::default().quantiles(&x, min, max, &mut Vec::new());
        prop_assert_eq!(by_selection, want);
        prop_assert_eq!(by_counting, want);
        prop_assert!(min <= want[0] && want[4] <= max);
        prop_assert!(want.windows(2).all(|w| w[0] <= w[1]), "{want:?}");
    }
}

/// The closed-form fixture scenario, loaded once.
fn closed() -> &'static (Scenario, plansim_core::project::Projection) {
    static SC: OnceLock<(Scenario, plansim_core::project::Projection)> = OnceLock::new();
    SC.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/project/with-actuals.toml");
        let sc = Scenario::load(&path, &LoadOptions::default()).expect("fixture loads");
        let p = plansim_core::project::project(&sc).expect("fixture projects");
        (sc, p)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any σ, draws, seed, common share and tails: every probability is a share and every band
    /// is ordered.
    #[test]
    fn probabilities_are_shares_and_bands_ordered(
        sigma in 0.0..=1.0f64,
        draws in 1usize..300,
        seed in any::<u64>(),
        common in 0.0..=1.0f64,
        df in prop::option::of(2.01..50.0f64),
    ) {
        let (sc, p) = closed();
        let mut set = Settings::from_scenario(sc);
        set.sigma = Some(sigma);
        set.draws = draws;
        set.seed = seed;
        set.common = common;
        set.jobs = 1;
        if let Some(df) = df {
            set.noise = Noise::StudentT { df };
        }
        let sim = simulate(p, &set).expect("valid settings");
        for sp in &sim.paths {
            for c in &sp.chances {
                prop_assert!((0.0..=1.0).contains(&c.probability), "{c:?}");
            }
            for b in sp.bands.iter().filter(|b| !b.p50.is_nan()) {
                prop_assert!(b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95, "{b:?}");
            }
        }
    }
}

/// What a cell means, without the raw text it was read from.
type Meaning = (
    Form,
    Option<plansim_core::table::Magnitude>,
    bool,
    Option<String>,
    Option<String>,
);

fn meaning(c: &Cell) -> Meaning {
    (
        c.form.clone(),
        c.magnitude,
        c.percent,
        c.suffix.clone(),
        c.period.clone(),
    )
}

/// Cells as plan tables write them: verbs and bound words around a number or a range, with
/// magnitude, `%`, a unit, and period marks.
fn plan_cell() -> impl Strategy<Value = String> {
    let number = (0u32..100_000, 0u32..4).prop_map(|(n, d)| {
        let d = d as usize;
        if d == 0 {
            n.to_string()
        } else {
            format!(
                "{}.{:0d$}",
                n / 10u32.pow(d as u32),
                n % 10u32.pow(d as u32)
            )
        }
    });
    // each part absent more often than not, so that plain forms come up too
    let part = |weight: u32, words: Vec<&'static str>| prop_oneof![weight => Just(""), 1 => prop::sample::select(words)];
    let sign = part(3, vec!["-", "＋", "－"]);
    let before = part(
        2,
        vec![
            "≥",
            ">",
            "≤",
            "<",
            "不低于",
            "不超过",
            "约",
            "控制在",
            "力争达到",
            "超过",
            "较2020年提高",
            "下降",
            "累计",
            "累计下降",
        ],
    );
    let range = prop::option::weighted(
        0.3,
        (
            prop::sample::select(vec!["-", "~", "至", "～"]),
            0u32..100_000,
        ),
    );
    let magnitude = part(2, vec!["万", "亿", "千", "万亿"]);
    let percent = part(2, vec!["%", "％"]);
    let unit = part(
        3,
        vec!["人", "万人", "家", "km", "件/万人", "‰", "个百分点"],
    );
    let after = part(2, vec!["以上", "以内", "左右", "以下", "多", "余"]);
    let period = part(3, vec!["[]", "(十四五时期)", "【】"]);
    (
        sign, before, number, range, magnitude, percent, unit, after, period,
    )
        .prop_map(
            |(sign, before, number, range, mag, pct, unit, after, period)| {
                let range = range.map_or(String::new(), |(sep, high)| format!("{sep}{high}"));
                let body = format!("{before}{sign}{number}{range}{mag}{pct}{unit}{after}");
                match period {
                    "[]" => format!("[{body}]"),
                    "【】" => format!("【{body}】"),
                    "" => body,
                    label => format!("{body}{label}"),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// A cell that reads prints back to text that reads to the same meaning: form, magnitude,
    /// percent, unit and period.
    #[test]
    fn printing_a_cell_back_keeps_its_meaning(text in prop_oneof![plan_cell(), any::<String>()]) {
        if let Ok(cell) = Cell::parse(&text) {
            let printed = cell.to_string();
            let again = Cell::parse(&printed);
            prop_assert!(again.is_ok(), "{text:?} → {printed:?}: {again:?}");
            if let Ok(again) = again {
                prop_assert_eq!(meaning(&again), meaning(&cell), "{:?} → {:?}", text, printed);
            }
        }
    }

    /// A plain number reads as the value Rust reads from the same digits, with the decimals
    /// printed, and its magnitude and `%` flagged.
    #[test]
    fn numbers_read_with_their_precision(
        int in 0u64..10_000_000_000,
        frac in prop::option::of("[0-9]{1,6}"),
        mag in prop::sample::select(vec!["", "万", "亿"]),
        pct in any::<bool>(),
    ) {
        let digits = match &frac {
            Some(f) => format!("{int}.{f}"),
            None => int.to_string(),
        };
        let text = format!("{digits}{mag}{}", if pct { "%" } else { "" });
        let cell = Cell::parse(&text);
        prop_assert!(cell.is_ok(), "{text}: {cell:?}");
        let cell = cell.unwrap_or_else(|_| Cell::none());
        let want: f64 = digits.parse().unwrap_or(f64::NAN);
        let decimals = frac.as_ref().map_or(0, |f| f.len() as u8);
        prop_assert_eq!(&cell.form, &Form::Number { value: plansim_core::Num::new(want, decimals) });
        prop_assert_eq!(cell.magnitude.map(|m| m.symbol()), (!mag.is_empty()).then_some(mag));
        prop_assert_eq!(cell.percent, pct);
    }
}

/// The cell strategy is no idle one: most of its cells read, in every numeric form, with and
/// without units and period marks.
#[test]
fn plan_cells_cover_every_numeric_form() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let cells = plan_cell();
    let mut read = 0;
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..2000 {
        let Ok(tree) = cells.new_tree(&mut runner) else {
            continue;
        };
        if let Ok(c) = Cell::parse(&tree.current()) {
            read += 1;
            seen.insert((c.kind(), c.period.is_some(), c.suffix.is_some()));
        }
    }
    assert!(read > 1000, "{read} of 2000 read");
    for kind in ["number", "at-least", "at-most", "about", "range"] {
        for (period, suffix) in [(false, false), (true, false), (false, true)] {
            assert!(
                seen.contains(&(kind, period, suffix)),
                "{kind} {period} {suffix}: {seen:?}"
            );
        }
    }
}
