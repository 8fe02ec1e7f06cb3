//! What the server was started with: each scenario (a file, a folder's files, a table as its
//! own baseline) loaded once, and each of its plans ready for what-ifs. Nothing else is read
//! afterwards: an edit changes the loaded scenario's rules, never a file.

use crate::Error;
use plansim_core::lang::Lang;
use plansim_core::run::{self, Input, Stages};
use plansim_core::scenario::Scenario;
use plansim_core::simulate::Memo;
use plansim_core::table::LoadOptions;
use plansim_report::report::computed::Computed;
use plansim_report::report::scenario::computed;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Most draws a scenario may ask the server for, and the latest horizon it may project to:
/// a what-if answers in a moment or not at all.
pub const MAX_DRAWS: usize = 100_000;
pub const MAX_HORIZON: i32 = 2100;
/// Paths a plan's memo keeps before it starts afresh (memory stays bounded however many
/// edits are tried).
const MEMO_PATHS: usize = 4_096;

/// One scenario as given.
pub struct Entry {
    /// The file given (scenario or table).
    pub path: PathBuf,
    /// The scenario's name and its label in the page's language.
    pub name: String,
    pub label: String,
    pub description: String,
    /// Its plans, in table order.
    pub plans: Vec<Plan>,
}

/// One plan (a region's plan) of a scenario, as loaded and ready for edits.
pub struct Plan {
    pub region: String,
    pub plan: String,
    /// The scenario with only this plan's paths: a what-if projects and simulates these.
    pub base: Scenario,
    /// Every target's grade from the outturns (rates do not change them).
    pub grades: Vec<plansim_core::assess::Grade>,
    /// The audit's findings on this plan's rows (for the marks beside grades).
    pub findings: Vec<plansim_core::check::Finding>,
    /// The plan as loaded: the page's starting point and what every edit is compared with.
    pub loaded: Computed,
    /// Its indicators that are projected, in table order.
    pub indicators: Vec<String>,
    /// The years an edit may name: after the plan's first base year, to the horizon.
    pub years: std::ops::RangeInclusive<i32>,
    pub draws: usize,
    pub seed: u64,
    memo: Mutex<Memo>,
}

/// The options every run of the server uses: those of `plansim project` and `simulate`
/// without flags (tables read leniently, the scenario's draws and seed).
pub fn options(lang: Lang, memo: Option<Memo>) -> run::Options {
    run::Options {
        load: LoadOptions {
            lenient: true,
            ..LoadOptions::default()
        },
        lang,
        jobs: 0,
        memo,
        ..run::Options::default()
    }
}

/// Loads every input: a folder's `*.toml` files in name order, files as given.
pub fn load(inputs: &[PathBuf], lang: Lang) -> Result<Vec<Entry>, Error> {
    let files = plansim_report::report::scenario_files(inputs).map_err(Error::Report)?;
    files.iter().map(|f| entry(f, lang)).collect()
}

fn entry(path: &Path, lang: Lang) -> Result<Entry, Error> {
    let opts = options(lang, None);
    let sc = run::scenario(Input::Path(path.to_path_buf()), &opts)?;
    let set = opts.settings(&sc);
    if set.draws > MAX_DRAWS || sc.horizon() > MAX_HORIZON {
        return Err(Error::Bounds(format!(
            "{}: {} draws to {}; the server runs at most {MAX_DRAWS} draws to {MAX_HORIZON}",
            path.display(),
            set.draws,
            sc.horizon()
        )));
    }
    // grades and findings come from the outturns and the tables: once, for every plan
    let all = run::from_scenario(sc.clone(), &opts, Stages::ALL)?;
    let mut keys: Vec<(String, String)> = Vec::new();
    for s in &all.projection.paths {
        let k = (s.series.region.to_string(), s.series.plan.to_string());
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let mut plans = Vec::new();
    for (region, plan) in keys {
        let mut base = sc.clone();
        base.series.retain(|s| s.region == region && s.plan == plan);
        let findings: Vec<_> = all
            .findings
            .iter()
            .filter(|f| f.region == region && f.plan == plan)
            .cloned()
            .collect();
        let memo = Memo::default();
        let loaded = evaluate_with(&base, &all.grades, &findings, &opts, &memo, lang)?;
        // levels projected and growth-rate rows (`GDP增长`, which relational targets name), in
        // table order
        let movable = |name: &str| {
            loaded.p.paths.iter().any(|p| p.series.name == name)
                || loaded.p.growth.iter().any(|g| g.series.name == name)
        };
        let indicators = base
            .series
            .iter()
            .map(|s| s.name.clone())
            .filter(|n| movable(n))
            .fold(Vec::new(), |mut v: Vec<String>, n| {
                if !v.contains(&n) {
                    v.push(n);
                }
                v
            });
        let first = loaded
            .p
            .paths
            .iter()
            .map(|p| p.plan.start_year + 1)
            .chain(loaded.p.growth.iter().map(|g| g.plan.start_year + 1))
            .min()
            .unwrap_or(sc.horizon());
        plans.push(Plan {
            region,
            plan,
            grades: all.grades.clone(),
            findings,
            indicators,
            years: first..=sc.horizon(),
            draws: set.draws,
            seed: set.seed,
            loaded,
            base,
            memo: Mutex::new(memo),
        });
    }
    let named = &plans.first().map(|p| p.loaded.page.named.clone());
    Ok(Entry {
        path: path.to_path_buf(),
        name: sc.name.clone(),
        label: named
            .as_ref()
            .map_or_else(|| sc.name.clone(), |n| n.label.clone()),
        description: named
            .as_ref()
            .map_or_else(|| sc.description.clone(), |n| n.description.clone()),
        plans,
    })
}

/// Projects and simulates `sc` (a plan's paths, with any edits as rules) and maps it onto the
/// report's rows, the same way `plansim report` does.
fn evaluate_with(
    sc: &Scenario,
    grades: &[plansim_core::assess::Grade],
    findings: &[plansim_core::check::Finding],
    opts: &run::Options,
    memo: &Memo,
    lang: Lang,
) -> Result<Computed, Error> {
    let with = run::Options {
        memo: Some(memo.clone()),
        ..opts.clone()
    };
    let draws = with.settings(sc).draws;
    let r = run::from_scenario(sc.clone(), &with, Stages::SIMULATE)?;
    let sim = r
        .simulation
        .ok_or_else(|| Error::Bounds("the simulation did not run".into()))?;
    Ok(computed(
        r.scenario,
        r.projection,
        sim,
        findings.to_vec(),
        grades.iter().cloned(),
        draws,
        lang,
    )?)
}

impl Plan {
    /// The plan under `rules` added to the scenario's own.
    pub fn evaluate(&self, rules: &crate::edits::Rules, lang: Lang) -> Result<Computed, Error> {
        let mut sc = self.base.clone();
        rules.apply(&mut sc.spec);
        let memo = {
            let mut m = self.memo.lock().unwrap_or_else(|e| e.into_inner());
            if m.len() > MEMO_PATHS {
                *m = Memo::default();
            }
            m.clone()
        };
        let opts = options(lang, None);
        evaluate_with(&sc, &self.grades, &self.findings, &opts, &memo, lang)
    }

    /// `科尔沁区 · 十四五规划`.
    pub fn title(&self) -> String {
        if self.plan.is_empty() {
            self.region.clone()
        } else {
            format!("{} · {}", self.region, self.plan)
        }
    }
}
