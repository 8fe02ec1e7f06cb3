//! What the lint gathers as the series pass, each seen once (held or made on demand): what
//! each rule reaches, and whether each `[models]` and `sigma_by` key names a series.

use super::{RuleView, observed};
use crate::notice::Notice;
use crate::scenario::Scenario;
use crate::scenario::select::Kind;
use crate::series::Series;
use std::collections::BTreeSet;

/// What a rule reaches, gathered series by series.
#[derive(Default)]
pub(super) struct Reach {
    /// Whether it reaches any series.
    pub(super) hit: bool,
    /// The regions it reaches, as first met.
    pub(super) regions: Vec<String>,
    /// The series a rate that looks like a fraction is said of: the last level reached with a
    /// stated rate, else the last level reached.
    pub(super) level: Option<Level>,
    /// Its years all observed, series by series.
    pub(super) observed: Vec<Notice>,
}

/// A level series as a fraction-like rate's warning names it.
pub(super) struct Level {
    /// `region name`.
    pub(super) indicator: String,
    /// Its stated pace, if any.
    pub(super) stated_rate: Option<crate::table::Num>,
}

impl Reach {
    pub(super) fn add(&mut self, sc: &Scenario, r: &RuleView, s: &Series) {
        self.hit = true;
        if !self.regions.iter().any(|g| *g == s.region) {
            self.regions.push(s.region.to_string());
        }
        self.add_level(s);
        if let Some((from, to)) = r.years {
            observed(sc, r, s, (from, to), &mut self.observed);
        }
    }

    pub(super) fn add_level(&mut self, s: &Series) {
        // as `max_by_key(stated rate given)` picks among the levels: the last of the greatest
        if Kind::of(s) == Kind::Levels
            && self
                .level
                .as_ref()
                .is_none_or(|l| s.stated_rate.is_some() >= l.stated_rate.is_some())
        {
            self.level = Some(Level {
                indicator: format!("{} {}", s.region, s.name),
                stated_rate: s.stated_rate,
            });
        }
    }
}

/// The `[models]` and `sigma_by` keys that name an indicator or category, each found or not
/// as the series pass.
pub(super) struct Keys {
    /// (category?, name, found) for each `[models]` key but `default`.
    pub(super) models: Vec<(bool, String, bool)>,
    /// (key, found) for each `sigma_by` key.
    pub(super) sigma_by: Vec<(String, bool)>,
}

impl Keys {
    pub(super) fn of(sc: &Scenario) -> Keys {
        let models = sc
            .spec
            .models
            .iter()
            .flatten()
            .filter(|(k, _)| *k != "default")
            .map(|(k, _)| match k.strip_prefix("category:") {
                Some(c) => (true, c.to_string(), false),
                None => (false, k.clone(), false),
            })
            .collect();
        let sigma_by = sc
            .spec
            .uncertainty
            .iter()
            .flat_map(|u| u.sigma_by.keys())
            .map(|k| (k.clone(), false))
            .collect();
        Keys { models, sigma_by }
    }

    pub(super) fn see(&mut self, s: &Series) {
        for (category, name, found) in self.models.iter_mut().filter(|m| !m.2) {
            *found = if *category {
                s.category == *name
            } else {
                s.name == *name
            };
        }
        for (key, found) in self.sigma_by.iter_mut().filter(|k| !k.1) {
            *found = s.name == *key || s.name_en == *key || s.also.iter().any(|a| a == key);
        }
    }
}

/// Texts of every series, each once, in order: the names a key that matched nothing is
/// compared with.
pub(super) fn pool(sc: &Scenario, f: impl Fn(&Series) -> Vec<&str>) -> BTreeSet<String> {
    let mut pool = BTreeSet::new();
    let _ = sc.each_series(|s| {
        for t in f(s) {
            if !pool.contains(t) {
                pool.insert(t.to_string());
            }
        }
        Ok(())
    });
    pool
}
