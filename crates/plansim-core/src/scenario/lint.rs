//! A scenario's rules against its tables, before anything runs: a rule, phase, `[models]` or
//! `sigma_by` key that selects nothing is an error naming the nearest names; a rule reaching
//! several regions without saying so, a rate that looks like a fraction, a rule on observed
//! years only, are warnings. Each notice carries the file and line of its rule.

use super::select::{Kind, Selector};
use super::{Percent, Scenario};
use crate::lang::{Msg, Rule};
use crate::notice::{At, Notice};
use crate::series::Series;
use crate::text::nearest;
use std::collections::BTreeSet;

/// A rule as the lint sees it: what it selects, its years, and its rates.
struct RuleView<'a> {
    rule: Rule,
    at: &'a At,
    sel: Selector,
    years: Option<(i32, i32)>,
    /// Rates that replace (percent a year), and changes (points, or percent of a level).
    rates: Vec<(&'static str, &'a Percent)>,
    changes: Vec<(&'static str, &'a Percent)>,
}

/// Every notice about a scenario's rules and settings, errors and warnings.
pub(crate) fn lint(sc: &Scenario) -> Vec<Notice> {
    let mut out = Vec::new();
    for r in rules(sc) {
        rule(sc, &r, &mut out);
    }
    models(sc, &mut out);
    uncertainty(sc, &mut out);
    table_sigma(sc, &mut out);
    if let Some(rate) = sc.spec.after.as_ref().and_then(|a| a.rate.as_ref()) {
        let all = Selector {
            region: Some(vec![super::select::EVERY_REGION.into()]),
            ..Selector::default()
        };
        let hit: Vec<&Series> = sc
            .series
            .iter()
            .map(|s| &**s)
            .filter(|s| all.matches(s))
            .collect();
        fraction_rate("rate", rate, &hit, &mut out);
    }
    out
}

/// Whether the lint reads every series, not one at a time: a scenario with rules (overrides,
/// shocks, phases, an after-plan rate), `[models]` keys for indicators or categories, or
/// `sigma_by` keys. Without them its series may be made on demand ([`Scenario::each_series`]).
pub(crate) fn reads_series(spec: &super::ScenarioFile) -> bool {
    !spec.overrides.is_empty()
        || !spec.shocks.is_empty()
        || spec
            .after
            .as_ref()
            .is_some_and(|a| !a.phases.is_empty() || a.rate.is_some())
        || spec.models.iter().flatten().any(|(k, _)| k != "default")
        || spec
            .uncertainty
            .as_ref()
            .is_some_and(|u| !u.sigma_by.is_empty())
}

fn rules(sc: &Scenario) -> Vec<RuleView<'_>> {
    let mut v = Vec::new();
    for o in &sc.spec.overrides {
        v.push(RuleView {
            rule: Rule::Override,
            at: &o.at,
            sel: o.selector(),
            years: Some((o.from.unwrap_or(i32::MIN), o.to.unwrap_or(i32::MAX))),
            rates: o.rate.iter().map(|r| ("rate", r)).collect(),
            changes: o.delta.iter().map(|d| ("delta", d)).collect(),
        });
    }
    for s in &sc.spec.shocks {
        v.push(RuleView {
            rule: Rule::Shock,
            at: &s.at,
            sel: s.selector(),
            years: Some((s.year, s.year)),
            rates: s.rate.iter().map(|r| ("rate", r)).collect(),
            changes: [("delta", &s.delta), ("level", &s.level)]
                .into_iter()
                .filter_map(|(k, p)| p.as_ref().map(|p| (k, p)))
                .collect(),
        });
    }
    for ph in sc.spec.after.iter().flat_map(|a| &a.phases) {
        v.push(RuleView {
            rule: Rule::Phase,
            at: &ph.at,
            sel: ph.selector(),
            years: Some((ph.from, ph.to)),
            rates: vec![("rate", &ph.rate)],
            changes: Vec::new(),
        });
    }
    v
}

fn rule(sc: &Scenario, r: &RuleView, out: &mut Vec<Notice>) {
    let err = |msg| Notice::error(r.at.clone(), msg);
    let given: Vec<String> = r
        .rates
        .iter()
        .chain(&r.changes)
        .map(|(k, _)| k.to_string())
        .collect();
    match (r.rule, given.len()) {
        (Rule::Override, 0) => out.push(err(Msg::NeedsChange {
            rule: r.rule,
            keys: "`rate`, `delta`",
        })),
        (Rule::Shock, 0) => out.push(err(Msg::NeedsChange {
            rule: r.rule,
            keys: "`delta`, `rate`, `level`",
        })),
        (_, n) if n > 1 => out.push(err(Msg::OneChange {
            rule: r.rule,
            given,
        })),
        _ => {}
    }
    if let Some((from, to)) = r.years.filter(|(f, t)| f > t) {
        out.push(err(Msg::YearsReversed {
            rule: r.rule,
            from,
            to,
        }));
    }
    let hit: Vec<&Series> = sc
        .series
        .iter()
        .map(|s| &**s)
        .filter(|s| r.sel.matches(s))
        .collect();
    if hit.is_empty() {
        out.push(err(selects_nothing(sc, r.rule, &r.sel)));
        return;
    }
    let mut regions: Vec<String> = Vec::new();
    for s in &hit {
        if !regions.iter().any(|r| *r == s.region) {
            regions.push(s.region.to_string());
        }
    }
    if regions.len() > 1 && !r.sel.names_regions() {
        out.push(Notice::warning(
            r.at.clone(),
            Msg::SpansRegions {
                rule: r.rule,
                regions,
            },
        ));
    }
    for (key, p) in &r.rates {
        fraction_rate(key, p, &hit, out);
    }
    for (key, p) in &r.changes {
        if !p.sign && p.value != 0.0 && p.value.abs() < 0.1 {
            fraction_rate(key, p, &hit, out);
        }
    }
    if let Some((from, to)) = r.years {
        observed(sc, r, &hit, from, to, out);
    }
}

/// `rate = 0.05` on a level growing at several percent: most likely 5 % written as a fraction.
fn fraction_rate(key: &'static str, p: &Percent, hit: &[&Series], out: &mut Vec<Notice>) {
    if p.sign || p.value == 0.0 || p.value.abs() >= 0.5 {
        return;
    }
    let level = hit
        .iter()
        .filter(|s| Kind::of(s) == Kind::Levels)
        .max_by_key(|s| s.stated_rate.is_some());
    if let Some(s) = level {
        out.push(Notice::warning(
            p.at.clone(),
            Msg::LooksLikeFraction {
                key,
                text: p.text.clone(),
                indicator: format!("{} {}", s.region, s.name),
                pace: s
                    .stated_rate
                    .map(|r| {
                        crate::format::percent(r.value, usize::from(r.decimals.saturating_sub(2)))
                    })
                    .unwrap_or_else(|| "–".into()),
            },
        ));
    }
}

/// A rule whose every year is observed for an indicator changes nothing there.
fn observed(
    sc: &Scenario,
    r: &RuleView,
    hit: &[&Series],
    from: i32,
    to: i32,
    out: &mut Vec<Notice>,
) {
    for s in hit {
        let known: Vec<i32> = sc.actuals_of(s).iter().map(|a| a.0).collect();
        let span: Vec<i32> = (from.max(s.base_year + 1)..=to.min(sc.horizon())).collect();
        if !span.is_empty() && span.iter().all(|y| known.contains(y)) {
            out.push(Notice::warning(
                r.at.clone(),
                Msg::ObservedYears {
                    rule: r.rule,
                    indicator: s.name.clone(),
                    region: s.region.to_string(),
                    years: span,
                },
            ));
        }
    }
}

/// Why a selector reaches no indicator: a name no table has (with the nearest), names that
/// exist but never together, or a kind the selected indicators are not.
fn selects_nothing(sc: &Scenario, rule: Rule, sel: &Selector) -> Msg {
    let names =
        |f: fn(&Series) -> &str| -> BTreeSet<&str> { sc.series.iter().map(|s| f(s)).collect() };
    let no_such = |field: &'static str, name: &str, pool: Vec<&str>| Msg::NoSuchName {
        rule,
        field,
        name: name.to_string(),
        nearest: nearest(name, pool),
    };
    if let Some(i) = &sel.indicator {
        let pool: BTreeSet<&str> = names(|s| &s.name)
            .into_iter()
            .chain(names(|s| &s.name_en))
            .collect();
        if !pool.contains(i.as_str()) {
            return no_such("indicator", i, pool.into_iter().collect());
        }
    }
    if let Some(c) = &sel.category {
        let pool = names(|s| &s.category);
        if !pool.contains(c.as_str()) {
            return no_such("category", c, pool.into_iter().collect());
        }
    }
    for r in sel.region.iter().flatten() {
        let pool = names(|s| s.region.as_str());
        if r != super::select::EVERY_REGION && !pool.contains(r.as_str()) {
            return no_such("region", r, pool.into_iter().collect());
        }
    }
    if let Some(a) = &sel.attribute {
        let known = crate::table::Attribute::parse(a)
            .is_some_and(|a| sc.series.iter().any(|s| s.attribute == a));
        if !known {
            return no_such(
                "attribute",
                a,
                vec!["约束性", "预期性", "binding", "expected"],
            );
        }
    }
    let by_name: Vec<&Series> = sc
        .series
        .iter()
        .map(|s| &**s)
        .filter(|s| sel.matches_names(s))
        .collect();
    if !by_name.is_empty() {
        let kind = sel.kind();
        let other = if kind == Kind::Levels {
            Kind::Shares
        } else {
            Kind::Levels
        };
        let mut shown: Vec<String> = by_name.iter().map(|s| s.name.clone()).collect();
        shown.dedup();
        shown.truncate(5);
        return Msg::KindLeavesNothing {
            rule,
            kind: kind.word(),
            other: other.word(),
            names: shown,
        };
    }
    let mut fields = Vec::new();
    let q = |k: &str, v: &str| format!("{k} = \"{v}\"");
    fields.extend(sel.indicator.as_deref().map(|v| q("indicator", v)));
    fields.extend(sel.category.as_deref().map(|v| q("category", v)));
    fields.extend(sel.attribute.as_deref().map(|v| q("attribute", v)));
    if let Some(r) = &sel.region {
        fields.push(q("region", &r.join("\", \"")));
    }
    Msg::NoneTogether { rule, fields }
}

/// `[models]` keys: `default`, `category:NAME` or an indicator's name.
fn models(sc: &Scenario, out: &mut Vec<Notice>) {
    for (key, choice) in sc.spec.models.iter().flatten() {
        let (field, name, pool): (&str, &str, BTreeSet<&str>) = match key.strip_prefix("category:")
        {
            _ if key == "default" => continue,
            Some(c) => (
                "category",
                c,
                sc.series.iter().map(|s| s.category.as_str()).collect(),
            ),
            None => (
                "indicator",
                key.as_str(),
                sc.series.iter().map(|s| s.name.as_str()).collect(),
            ),
        };
        if !pool.contains(name) {
            out.push(Notice::error(
                choice.at.clone(),
                Msg::NoSuchName {
                    rule: Rule::Models,
                    field,
                    name: name.to_string(),
                    nearest: nearest(name, pool),
                },
            ));
        }
    }
}

/// σ in points (0–100), `sigma_by` keys that name indicators, and the simulation settings.
fn uncertainty(sc: &Scenario, out: &mut Vec<Notice>) {
    let Some(u) = &sc.spec.uncertainty else {
        return;
    };
    let at = |p: &Percent| p.at.clone();
    let sigmas = u.sigma.iter().map(|s| ("sigma".to_string(), s)).chain(
        u.sigma_by
            .iter()
            .map(|(k, s)| (format!("sigma_by \"{k}\""), s)),
    );
    for (key, s) in sigmas {
        if !(0.0..=100.0).contains(&s.value) {
            out.push(Notice::error(
                at(s),
                Msg::SigmaRange {
                    text: s.text.clone(),
                },
            ));
        } else if !s.sign && s.value > 0.0 && s.value < 0.1 {
            out.push(Notice::warning(
                at(s),
                Msg::SigmaLooksLikeFraction {
                    key,
                    text: s.text.clone(),
                },
            ));
        }
    }
    let names: BTreeSet<&str> = sc
        .series
        .iter()
        .flat_map(|s| [s.name.as_str(), s.name_en.as_str()])
        .chain(
            sc.series
                .iter()
                .flat_map(|s| s.also.iter().map(String::as_str)),
        )
        .collect();
    for (key, s) in &u.sigma_by {
        if !names.contains(key.as_str()) {
            out.push(Notice::error(
                at(s),
                Msg::NoSuchName {
                    rule: Rule::SigmaBy,
                    field: "indicator",
                    name: key.clone(),
                    nearest: nearest(key, names.iter().copied()),
                },
            ));
        }
    }
    let here = At::new(&sc.path, 0);
    if let Some(c) = u.common.filter(|c| !(0.0..=1.0).contains(c)) {
        out.push(Notice::error(here.clone(), Msg::CommonRange { value: c }));
    }
    if let Some(df) = u.df.filter(|df| !(df.is_finite() && *df > 2.0)) {
        out.push(Notice::error(here, Msg::Df { value: df }));
    }
}

/// A table's `sigma` column is in points too: 0.02 there is most likely 2 points.
fn table_sigma(sc: &Scenario, out: &mut Vec<Notice>) {
    // series one at a time, made on demand or held: nothing here fails
    let _ = sc.each_series(|s| {
        let row = s
            .rows
            .iter()
            .filter_map(|&i| sc.indicators.get(i))
            .find(|i| i.sigma.is_some_and(|v| v > 0.0 && v < 0.001));
        if let (Some(ind), Some(v)) = (row, row.and_then(|i| i.sigma)) {
            out.push(Notice::warning(
                At::new(&*ind.file, ind.row),
                Msg::SigmaLooksLikeFraction {
                    key: "sigma".into(),
                    text: crate::text::trim_float(v * 100.0),
                },
            ));
        }
        Ok(())
    });
}
