//! Every rule of a scenario accounts for itself: where it is written, what it says, and the rows
//! it changed, year span by year span, rate before → after. Plain data for `plansim explain`
//! and the report pages.
use crate::error::Result;
use crate::lang::{Lang, Rule};
use crate::notice::{At, Notice};
use crate::project::project;
use crate::scenario::rates::{RuleRef, Step};
use crate::scenario::{AfterRule, Kind, Percent, Scenario, Selector};
use crate::sweep::round;
use serde::Serialize;

/// What one scenario's rules did.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    /// The scenario's name.
    pub scenario: String,
    /// One account per rule, in the file's order.
    pub rules: Vec<RuleAccount>,
    /// The scenario's warnings, with their lines.
    pub notices: Vec<Notice>,
}

/// One rule: where, what it says, what it changed.
#[derive(Clone, Debug, Serialize)]
pub struct RuleAccount {
    /// The kind of rule (`override`, `shock`, …).
    pub rule: Rule,
    /// Where the rule is in the scenario file.
    pub at: At,
    /// The rule as written: `category = "经济发展", from = 2026, to = 2030, delta = -2`.
    pub says: String,
    /// The indicators it changed.
    pub rows: Vec<RowChange>,
    /// Indicators its names select but its kind leaves out (`城镇化率`, a share, under a
    /// category shock that reaches levels).
    pub left_out: Vec<String>,
    /// Indicators `[after]`'s `converge` or `explicit` reaches by name and kind but leaves on
    /// the plan's pace: meant to fall, held by the plan, or a running total.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<String>,
}

/// The years of one indicator a rule changed, in spans of equal change.
#[derive(Clone, Debug, Serialize)]
pub struct RowChange {
    /// The region of the indicator.
    pub region: String,
    /// The plan of the indicator.
    pub plan: String,
    /// The indicator as the table names it.
    pub indicator: String,
    /// Rate changes; empty for a setting (`[models]`, `sigma_by`).
    pub spans: Vec<Span>,
    /// What a setting sets here: `logistic`, `σ 2.5 points`.
    pub set: Option<String>,
}

/// Years `from..=to` whose rate went from `before` to `after` (percent a year). Observed years
/// keep their actuals whatever the rule says.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Span {
    /// The first year of the span.
    pub from: i32,
    /// The last year of the span.
    pub to: i32,
    /// The rate before the rule, percent a year.
    pub before: f64,
    /// The rate after the rule, percent a year.
    pub after: f64,
    /// The years have outturns, which the rule does not change.
    pub observed: bool,
}

impl Span {
    /// `2026–2030: 7.00% → 5.00%`, or the years kept by their actuals.
    pub fn text(&self, lang: Lang) -> String {
        let years = if self.from == self.to {
            self.from.to_string()
        } else {
            format!("{}–{}", self.from, self.to)
        };
        if self.observed {
            format!(
                "{years}: {} ({})",
                lang.say("observed", "已有实际值"),
                lang.say("no effect", "无变化")
            )
        } else {
            let pct = |v: f64| crate::format::percent(v / 100.0, 2);
            format!("{years}: {} → {}", pct(self.before), pct(self.after))
        }
    }
}

impl RowChange {
    /// The spans of a rate change, or what a setting sets.
    pub fn text(&self, lang: Lang) -> String {
        match &self.set {
            Some(set) => set.clone(),
            None => self
                .spans
                .iter()
                .map(|s| s.text(lang))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// Accounts for every rule of a scenario, in the order they apply.
pub fn explain(sc: &Scenario) -> Result<Explanation> {
    let p = project(sc)?;
    let mut rules = Vec::new();
    if let Some(a) = &sc.spec.after {
        if let Some(rule) = a.rule {
            let mut says = vec![format!("rule = \"{}\"", format!("{rule:?}").to_lowercase())];
            says.extend(a.rate.as_ref().map(|r| pair("rate", r)));
            says.extend(a.by.map(|b| format!("by = {b}")));
            let moves = matches!(rule, AfterRule::Converge | AfterRule::Explicit);
            let sel = moves.then(|| a.selector());
            if a.selects() {
                says.splice(1..1, selector_words(&a.selector()));
            }
            let at = a
                .rate
                .as_ref()
                .map_or_else(|| At::new(&sc.path, 0), |r| r.at.clone());
            let mut acc = account(sc, &p, (Rule::After, 0), &at, says, sel);
            // what it reaches by name and kind but leaves on the plan's pace
            if moves {
                acc.kept = p
                    .paths
                    .iter()
                    .filter(|x| a.reaches(&x.series) && !a.changes(&x.series, x.plan.pace))
                    .map(|x| format!("{} {}", x.series.region, x.series.name))
                    .collect();
            }
            rules.push(acc);
        }
        for (i, ph) in a.phases.iter().enumerate() {
            let mut says = selector_words(&ph.selector());
            says.push(format!("from = {}", ph.from));
            says.push(format!("to = {}", ph.to));
            says.push(pair("rate", &ph.rate));
            rules.push(account(
                sc,
                &p,
                (Rule::Phase, i),
                &ph.at,
                says,
                Some(ph.selector()),
            ));
        }
    }
    for (i, o) in sc.spec.overrides.iter().enumerate() {
        let mut says = selector_words(&o.selector());
        says.extend(o.from.map(|y| format!("from = {y}")));
        says.extend(o.to.map(|y| format!("to = {y}")));
        says.extend(o.rate.as_ref().map(|r| pair("rate", r)));
        says.extend(o.delta.as_ref().map(|r| pair("delta", r)));
        rules.push(account(
            sc,
            &p,
            (Rule::Override, i),
            &o.at,
            says,
            Some(o.selector()),
        ));
    }
    for (i, s) in sc.spec.shocks.iter().enumerate() {
        let mut says = selector_words(&s.selector());
        says.push(format!("year = {}", s.year));
        for (k, v) in [("delta", &s.delta), ("rate", &s.rate), ("level", &s.level)] {
            says.extend(v.as_ref().map(|r| pair(k, r)));
        }
        rules.push(account(
            sc,
            &p,
            (Rule::Shock, i),
            &s.at,
            says,
            Some(s.selector()),
        ));
    }
    rules.extend(settings(sc));
    Ok(Explanation {
        scenario: sc.name.clone(),
        rules,
        notices: sc.notices.clone(),
    })
}

/// One rule's account: the rows whose rates it changed, in spans, and the indicators its names
/// select but its kind leaves out.
fn account(
    sc: &Scenario,
    p: &crate::project::Projection,
    (rule, index): (Rule, usize),
    at: &At,
    says: Vec<String>,
    sel: Option<Selector>,
) -> RuleAccount {
    let r = RuleRef { rule, index };
    // levels, then growth-rate rows (`GDP增长`), whose rates rules set as any path's
    let plans = p
        .paths
        .iter()
        .map(|x| (&*x.series, &x.plan))
        .chain(p.growth.iter().map(|g| (&g.series, &g.plan)));
    let rows = plans
        .filter_map(|(series, plan)| {
            let steps: Vec<Step> = plan
                .changes
                .iter()
                .filter(|c| c.rule == r)
                .flat_map(|c| c.steps.iter().copied())
                .collect();
            (!steps.is_empty()).then(|| RowChange {
                region: series.region.to_string(),
                plan: series.plan.to_string(),
                indicator: series.name.clone(),
                spans: spans(&steps),
                set: None,
            })
        })
        .collect();
    let left_out = sel.map_or_else(Vec::new, |sel| {
        sc.series
            .iter()
            .filter(|s| sel.matches_names(s) && !sel.matches(s))
            .map(|s| format!("{} {}", s.region, s.name))
            .collect()
    });
    RuleAccount {
        rule,
        at: at.clone(),
        says: says.join(", "),
        rows,
        left_out,
        kept: Vec::new(),
    }
}

/// `[models]` and `sigma_by` entries: the rows each sets.
fn settings(sc: &Scenario) -> Vec<RuleAccount> {
    let mut out = Vec::new();
    for (key, choice) in sc.spec.models.iter().flatten() {
        let rows = sc
            .series
            .iter()
            .filter(|s| {
                key == "default"
                    || s.named(key)
                    || key.strip_prefix("category:") == Some(s.category.as_str())
            })
            // the most specific key wins: a name over its category over `default`
            .filter(|s| sc.model_choice(s) == choice.value)
            .map(|s| setting_row(s, format!("{:?}", choice.value).to_lowercase()))
            .collect();
        out.push(RuleAccount {
            rule: Rule::Models,
            at: choice.at.clone(),
            says: format!(
                "\"{key}\" = \"{}\"",
                format!("{:?}", choice.value).to_lowercase()
            ),
            rows,
            left_out: Vec::new(),
            kept: Vec::new(),
        });
    }
    for (key, sigma) in sc.spec.uncertainty.iter().flat_map(|u| &u.sigma_by) {
        let rows = sc
            .series
            .iter()
            .filter(|s| s.named(key))
            .map(|s| setting_row(s, format!("σ {}", sigma.text)))
            .collect();
        out.push(RuleAccount {
            rule: Rule::SigmaBy,
            at: sigma.at.clone(),
            says: format!("\"{key}\" = {}", sigma.text),
            rows,
            left_out: Vec::new(),
            kept: Vec::new(),
        });
    }
    out
}

fn setting_row(s: &crate::series::Series, set: String) -> RowChange {
    RowChange {
        region: s.region.to_string(),
        plan: s.plan.to_string(),
        indicator: s.name.clone(),
        spans: Vec::new(),
        set: Some(set),
    }
}

fn pair(key: &str, p: &Percent) -> String {
    format!("{key} = {}", p.text)
}

/// A selector as the file writes it, `kind` included when it is the default's.
fn selector_words(sel: &Selector) -> Vec<String> {
    let q = |k: &str, v: &str| format!("{k} = \"{v}\"");
    let mut v = Vec::new();
    v.extend(sel.indicator.as_deref().map(|x| q("indicator", x)));
    v.extend(sel.category.as_deref().map(|x| q("category", x)));
    v.extend(sel.attribute.as_deref().map(|x| q("attribute", x)));
    if let Some(r) = &sel.region {
        v.push(match r.as_slice() {
            [one] => q("region", one),
            many => format!("region = [\"{}\"]", many.join("\", \"")),
        });
    }
    // the kind a rule reaches by default, said where it leaves something out
    match sel.kind {
        Some(k) => v.push(format!("kind = \"{}\"", k.word())),
        None if sel.kind() == Kind::All => {}
        None => v.push(format!("(kind: {})", sel.kind().word())),
    }
    v
}

/// Consecutive years with the same change, merged; rates in percent.
fn spans(steps: &[Step]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for s in steps {
        let (before, after) = (round(s.before * 100.0), round(s.after * 100.0));
        match out.last_mut() {
            Some(l)
                if l.to + 1 == s.year
                    && l.before == before
                    && l.after == after
                    && l.observed == s.observed =>
            {
                l.to = s.year
            }
            _ => out.push(Span {
                from: s.year,
                to: s.year,
                before,
                after,
                observed: s.observed,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_years_merge_into_spans() {
        let st = |year, before, after, observed| Step {
            year,
            before,
            after,
            observed,
        };
        let v = spans(&[
            st(2021, 0.07, 0.05, true),
            st(2022, 0.07, 0.05, false),
            st(2023, 0.07, 0.05, false),
            st(2025, 0.07, 0.05, false),
        ]);
        let got: Vec<(i32, i32, bool)> = v.iter().map(|s| (s.from, s.to, s.observed)).collect();
        assert_eq!(
            got,
            [(2021, 2021, true), (2022, 2023, false), (2025, 2025, false)]
        );
        // 0.07·100 is 7.000000000000001 in binary
        assert_eq!((v[1].before, v[1].after), (7.0, 5.0));
    }

    #[test]
    fn a_span_reads_in_either_language() {
        let span = |observed| Span {
            from: 2021,
            to: 2023,
            before: 7.0,
            after: 5.0,
            observed,
        };
        assert_eq!(span(true).text(Lang::Zh), "2021–2023: 已有实际值 (无变化)");
        assert_eq!(span(true).text(Lang::En), "2021–2023: observed (no effect)");
        assert_eq!(span(false).text(Lang::Zh), "2021–2023: 7.00% → 5.00%");
    }
}
