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
use reach::{Keys, Level, Reach, pool};
use std::collections::BTreeSet;

mod reach;

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

/// Every notice about a scenario's rules and settings, errors and warnings. The series are
/// seen once each, in order, whether held or made on demand ([`Scenario::each_series`]): what
/// each rule reaches is gathered as they pass, not as a list of the series it reaches.
pub(crate) fn lint(sc: &Scenario) -> Vec<Notice> {
    let views = rules(sc);
    let after_rate = sc.spec.after.as_ref().and_then(|a| a.rate.as_ref());
    let all = Selector {
        region: Some(vec![super::select::EVERY_REGION.into()]),
        ..Selector::default()
    };
    let mut reach: Vec<Reach> = views.iter().map(|_| Reach::default()).collect();
    let mut after = Reach::default();
    let mut keys = Keys::of(sc);
    let mut sigma_rows = Vec::new();
    // nothing here fails
    let _ = sc.each_series(|s| {
        for (r, acc) in views.iter().zip(reach.iter_mut()) {
            if r.sel.matches(s) {
                acc.add(sc, r, s);
            }
        }
        if after_rate.is_some() && all.matches(s) {
            after.add_level(s);
        }
        keys.see(s);
        sigma_rows.extend(table_sigma(sc, s));
        Ok(())
    });
    let mut out = Vec::new();
    for (r, acc) in views.iter().zip(reach) {
        rule(sc, r, acc, &mut out);
    }
    models(sc, &keys, &mut out);
    uncertainty(sc, &keys, &mut out);
    out.extend(sigma_rows);
    if let Some(rate) = after_rate {
        fraction_rate("rate", rate, after.level.as_ref(), &mut out);
    }
    out
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
    // `[after]` naming what it reaches is checked as a rule is: a name that matches nothing
    if let Some((a, rate)) = sc
        .spec
        .after
        .as_ref()
        .filter(|a| a.selects())
        .and_then(|a| Some((a, a.rate.as_ref()?)))
    {
        v.push(RuleView {
            rule: Rule::After,
            at: &rate.at,
            sel: a.selector(),
            years: None,
            rates: vec![("rate", rate)],
            changes: Vec::new(),
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

fn rule(sc: &Scenario, r: &RuleView, reach: Reach, out: &mut Vec<Notice>) {
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
    if !reach.hit {
        out.push(err(selects_nothing(sc, r.rule, &r.sel)));
        return;
    }
    let regions = reach.regions;
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
        fraction_rate(key, p, reach.level.as_ref(), out);
    }
    for (key, p) in &r.changes {
        if !p.sign && p.value != 0.0 && p.value.abs() < 0.1 {
            fraction_rate(key, p, reach.level.as_ref(), out);
        }
    }
    out.extend(reach.observed);
}

/// `rate = 0.05` on a level growing at several percent: most likely 5 % written as a fraction.
fn fraction_rate(key: &'static str, p: &Percent, level: Option<&Level>, out: &mut Vec<Notice>) {
    if p.sign || p.value == 0.0 || p.value.abs() >= 0.5 {
        return;
    }
    if let Some(s) = level {
        out.push(Notice::warning(
            p.at.clone(),
            Msg::LooksLikeFraction {
                key,
                text: p.text.clone(),
                indicator: s.indicator.clone(),
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
    s: &Series,
    (from, to): (i32, i32),
    out: &mut Vec<Notice>,
) {
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

/// Why a selector reaches no indicator: a name no table has (with the nearest), names that
/// exist but never together, or a kind the selected indicators are not.
fn selects_nothing(sc: &Scenario, rule: Rule, sel: &Selector) -> Msg {
    // an error: the series are seen again for the names to offer
    let no_such = |field: &'static str, name: &str, pool: BTreeSet<String>| Msg::NoSuchName {
        rule,
        field,
        name: name.to_string(),
        nearest: nearest(name, pool.iter().map(String::as_str)),
    };
    if let Some(i) = &sel.indicator {
        // every name a rule can reach a series by (`Series::named`): a row stating another's
        // target again lends its name (科尔沁区's 地区生产总值 to 地区生产总值增长率)
        let pool = pool(sc, |s| {
            let mut v = vec![s.name.as_str(), s.name_en.as_str()];
            v.extend(s.also.iter().map(String::as_str));
            v
        });
        if !pool.contains(i.as_str()) {
            return no_such("indicator", i, pool);
        }
    }
    if let Some(c) = &sel.category {
        let pool = pool(sc, |s| vec![s.category.as_str()]);
        if !pool.contains(c.as_str()) {
            return no_such("category", c, pool);
        }
    }
    for r in sel.region.iter().flatten() {
        let pool = pool(sc, |s| vec![s.region.as_str()]);
        if r != super::select::EVERY_REGION && !pool.contains(r.as_str()) {
            return no_such("region", r, pool);
        }
    }
    if let Some(a) = &sel.attribute {
        let known = crate::table::Attribute::parse(a).is_some_and(|a| {
            let mut any = false;
            let _ = sc.each_series(|s| {
                any |= s.attribute == a;
                Ok(())
            });
            any
        });
        if !known {
            return no_such(
                "attribute",
                a,
                ["约束性", "预期性", "binding", "expected"]
                    .map(String::from)
                    .into(),
            );
        }
    }
    // the first five names of those its names reach, a name repeated in a row once
    let mut shown: Vec<String> = Vec::new();
    let _ = sc.each_series(|s| {
        if sel.matches_names(s) && shown.len() < 5 && shown.last().is_none_or(|n| *n != s.name) {
            shown.push(s.name.clone());
        }
        Ok(())
    });
    if !shown.is_empty() {
        let kind = sel.kind();
        let other = if kind == Kind::Levels {
            Kind::Shares
        } else {
            Kind::Levels
        };
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
fn models(sc: &Scenario, keys: &Keys, out: &mut Vec<Notice>) {
    let chosen = sc
        .spec
        .models
        .iter()
        .flatten()
        .filter(|(k, _)| *k != "default");
    for ((_, choice), (category, name, found)) in chosen.zip(&keys.models) {
        if *found {
            continue;
        }
        let (field, pool) = if *category {
            ("category", pool(sc, |s| vec![s.category.as_str()]))
        } else {
            ("indicator", pool(sc, |s| vec![s.name.as_str()]))
        };
        out.push(Notice::error(
            choice.at.clone(),
            Msg::NoSuchName {
                rule: Rule::Models,
                field,
                name: name.clone(),
                nearest: nearest(name, pool.iter().map(String::as_str)),
            },
        ));
    }
}

/// σ in points (0–100), `sigma_by` keys that name indicators, and the simulation settings.
fn uncertainty(sc: &Scenario, keys: &Keys, out: &mut Vec<Notice>) {
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
    let names = || {
        pool(sc, |s| {
            let mut v = vec![s.name.as_str(), s.name_en.as_str()];
            v.extend(s.also.iter().map(String::as_str));
            v
        })
    };
    for ((key, s), (_, found)) in u.sigma_by.iter().zip(&keys.sigma_by) {
        if !found {
            out.push(Notice::error(
                at(s),
                Msg::NoSuchName {
                    rule: Rule::SigmaBy,
                    field: "indicator",
                    name: key.clone(),
                    nearest: nearest(key, names().iter().map(String::as_str)),
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
fn table_sigma(sc: &Scenario, s: &Series) -> Option<Notice> {
    let ind = s
        .rows
        .iter()
        .filter_map(|&i| sc.indicators.get(i))
        .find(|i| i.sigma.is_some_and(|v| v > 0.0 && v < 0.001))?;
    let v = ind.sigma?;
    Some(Notice::warning(
        At::new(&*ind.file, ind.row),
        Msg::SigmaLooksLikeFraction {
            key: "sigma".into(),
            text: crate::text::trim_float(v * 100.0),
        },
    ))
}
