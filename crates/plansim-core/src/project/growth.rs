//! Growth-rate rows (`国内生产总值（GDP）增长（%）`) under a scenario, and the targets stated
//! against another row's growth (`高于GDP增长`, `与GDP增长基本同步`) judged on them.
//!
//! A growth-rate row has no level to compound; what a scenario says of it is its rate each
//! year: the published outturn where there is one, else the rate the scenario's rules give
//! (`[[override]]`, `[[shock]]`, phases, `[after]`, as for any path), starting from the row's
//! stated rate, or else its latest known rate held. A relational target compares the two rows'
//! mean rates over its plan period (base year + 1 to target year) with the rule `assess` uses
//! on outturns ([`crate::assess`]'s `relation_holds`, 同步 within 0.5 point): with every year
//! published the verdict is `assess`'s, and moving GDP's rate moves it.

use super::Path;
use crate::lang::Text;
use crate::meaning::{Quantity, Relation, TargetKind, same_indicator};
use crate::model::{Compound, Model};
use crate::scenario::Scenario;
use crate::scenario::rates::{Nudge, RatePlan, plan_with};
use crate::series::{Series, Shape};
use crate::table::Relation as RelationKind;
use crate::table::{Form, Num};
use serde::Serialize;

/// A growth-rate row's yearly rates under a scenario.
#[derive(Clone, Debug, Serialize)]
pub struct GrowthPath {
    /// The row (its `base` is the base year's rate, percent).
    pub series: Series,
    /// The scenario's rates of an index of the quantity (base year = 100): `rates[k]` is the
    /// growth of year `start_year + 1 + k`.
    pub plan: RatePlan,
    /// Published rates (year, percent), which no rule changes.
    pub observed: Vec<(i32, f64)>,
}

impl GrowthPath {
    /// The year's rate in percent: the outturn, else the scenario's.
    pub fn rate(&self, year: i32) -> Option<f64> {
        self.observed
            .iter()
            .find(|o| o.0 == year)
            .map(|o| o.1)
            .or_else(|| self.plan.rate(year).map(|g| g * 100.0))
    }
}

/// A relational target judged on the scenario's rates.
#[derive(Clone, Debug, Serialize)]
pub struct RelationOutcome {
    /// The row's region, plan and indicator, and its target's year.
    pub region: String,
    /// The row's plan.
    pub plan: String,
    /// The row stating the target (`全员劳动生产率增长`).
    pub indicator: String,
    /// The target's year.
    pub target_year: i32,
    /// The row the target names (`国内生产总值（GDP）增长` for `GDP增长`).
    pub other: String,
    /// Above, in step, …
    pub kind: RelationKind,
    /// The first year averaged.
    pub from: i32,
    /// The last year averaged.
    pub to: i32,
    /// The row's mean rate over them, percent a year.
    pub own: f64,
    /// The other's mean rate over them, percent a year.
    pub theirs: f64,
    /// Every year averaged is published for both: the verdict is `assess`'s.
    pub observed: bool,
    /// Whether the relation holds.
    pub met: bool,
    /// Why, in one sentence, in English; `why` says it in either language.
    pub reason: String,
    /// Why, in one sentence.
    #[serde(skip)]
    pub why: Text,
}

/// The yearly rates of every growth-rate series of `sc`, each with the nudge `nudge` gives it.
pub(crate) fn paths(
    sc: &Scenario,
    nudge: &dyn Fn(&Series) -> Option<Nudge>,
) -> crate::error::Result<Vec<GrowthPath>> {
    let mut out = Vec::new();
    for s in sc.series.iter().filter(|s| s.quantity == Quantity::Rate) {
        let observed = sc.rates_of(s);
        let base = s.rows.first().and_then(|&i| {
            sc.outturns
                .meaning(i, &sc.indicators[i])
                .base
                .filter(|b| b.0 == s.base_year)
        });
        let Some(base) = base
            .map(|b| b.1)
            .or_else(|| observed.iter().find(|o| o.0 == s.base_year).map(|o| o.1))
        else {
            continue;
        };
        // held: the stated rate, else the latest rate known
        let held = s.stated_rate.map_or_else(
            || observed.last().map_or(base, |o| o.1) / 100.0,
            |r| r.value,
        );
        let index = Series {
            shape: Shape::ChangeIndex,
            base: Some(100.0),
            stated_rate: Some(Num::new(held, 4)),
            goals: Vec::new(),
            ceiling: None,
            additive: false,
            ..(**s).clone()
        };
        // the index through the published rates, for shocks that move a level
        let mut v = 100.0;
        let mut chained = Vec::new();
        for (year, r) in observed.iter().filter(|o| o.0 > s.base_year) {
            if *year != s.base_year + 1 + chained.len() as i32 {
                break;
            }
            v *= 1.0 + r / 100.0;
            chained.push((*year, v));
        }
        let model = Model::Compound(Compound);
        let plan = plan_with(sc, &index, &chained, nudge(s), model, (s.base_year, 100.0))
            .map_err(|msg| crate::error::Error::notice(crate::notice::At::new(&sc.path, 0), msg))?;
        out.push(GrowthPath {
            series: (**s).clone(),
            plan,
            observed,
        });
    }
    Ok(out)
}

/// The rows a relational cell of `ind` names: the table's own reading, else its words.
fn named(ind: &crate::table::Indicator) -> Option<String> {
    [&ind.rate, &ind.target].iter().find_map(|c| match &c.form {
        Form::Relational(r) => r.indicator.clone(),
        _ => None,
    })
}

/// A series' rate each year from `from` to `to`: a growth row's, or a level path's growth.
fn rates(
    name: &str,
    region: &str,
    plan: &str,
    growth: &[GrowthPath],
    levels: &[Path],
    level_of: &dyn Fn(usize, i32) -> Option<f64>,
    (from, to): (i32, i32),
) -> Option<Vec<(f64, bool)>> {
    let same = |s: &Series| s.name == name && s.region == region && s.plan == plan;
    if let Some(g) = growth.iter().find(|g| same(&g.series)) {
        return (from..=to)
            .map(|y| {
                let known = g.observed.iter().any(|o| o.0 == y);
                g.rate(y).map(|r| (r, known))
            })
            .collect();
    }
    let i = levels.iter().position(|p| same(&p.series))?;
    let path = &levels[i];
    (from..=to)
        .map(|y| {
            let (a, b) = (level_of(i, y - 1)?, level_of(i, y)?);
            let known = path.actuals.iter().any(|x| x.0 == y);
            (a != 0.0).then(|| ((b / a - 1.0) * 100.0, known))
        })
        .collect()
}

/// Every relational target of `sc` judged on the projected rates.
/// Whether a row's target or rate is stated against another row's growth (`高于GDP增长`), the
/// rows [`relations`] judges on the other row's path.
pub(crate) fn judged_against_another(ind: &crate::table::Indicator) -> bool {
    ind.rate.is_relational() || ind.target.is_relational()
}

pub(crate) fn relations(
    sc: &Scenario,
    growth: &[GrowthPath],
    levels: &[Path],
    level_of: &dyn Fn(usize, i32) -> Option<f64>,
) -> Vec<RelationOutcome> {
    let mut out = Vec::new();
    for s in &sc.series {
        for &i in &s.rows {
            let ind = &sc.indicators[i];
            // only a relational cell makes a relational target: skip the rest cheaply
            if !judged_against_another(ind) {
                continue;
            }
            let m = sc.outturns.meaning(i, ind);
            let TargetKind::Relational { relation } = &m.target else {
                continue;
            };
            // the named row of the same plan: by the table's reading, else by the name key
            let other = named(ind).or_else(|| {
                sc.series
                    .iter()
                    .filter(|o| o.region == s.region && o.plan == s.plan && o.name != s.name)
                    .find(|o| same_indicator(relation, &o.name))
                    .map(|o| o.name.clone())
            });
            let Some(other) = other else { continue };
            let span = (s.base_year + 1, ind.target_year);
            if span.0 > span.1 {
                continue;
            }
            let mine = rates(&s.name, &s.region, &s.plan, growth, levels, level_of, span);
            let theirs = rates(&other, &s.region, &s.plan, growth, levels, level_of, span);
            let (Some(mine), Some(theirs)) = (mine, theirs) else {
                continue;
            };
            let mean = |v: &[(f64, bool)]| v.iter().map(|x| x.0).sum::<f64>() / v.len() as f64;
            let (own, their) = (mean(&mine), mean(&theirs));
            let (met, _, _) =
                crate::assess::relation_holds(relation.kind, m.direction, own - their);
            out.push(RelationOutcome {
                region: s.region.to_string(),
                plan: s.plan.to_string(),
                indicator: s.name.clone(),
                target_year: ind.target_year,
                why: say(&s.name, &other, relation, span, (own, their), met),
                reason: String::new(),
                other,
                kind: relation.kind,
                from: span.0,
                to: span.1,
                own,
                theirs: their,
                observed: mine.iter().chain(&theirs).all(|x| x.1),
                met,
            });
        }
    }
    for r in &mut out {
        r.reason = r.why.en.clone();
    }
    out
}

/// `2026–2030年全员劳动生产率增长年均6.1%，高于国内生产总值（GDP）增长的年均5%（目标：高于GDP增长）：达到`.
fn say(
    name: &str,
    other: &str,
    relation: &Relation,
    (from, to): (i32, i32),
    (own, theirs): (f64, f64),
    met: bool,
) -> Text {
    let show = |x: f64| crate::format::significant((x * 100.0).round() / 100.0);
    let (a, b) = (show(own), show(theirs));
    let diff = own - theirs;
    let gap = show(diff.abs());
    let (en, zh) = match relation.kind {
        RelationKind::InStep if diff.abs() <= crate::assess::IN_STEP => (
            format!("within 0.5 point of {other}'s {b}% ({gap} apart)"),
            format!("与{other}的年均{b}%相差{gap}个百分点，不超过0.5"),
        ),
        RelationKind::InStep if diff > 0.0 => (
            format!("{gap} {} above {other}'s {b}%", crate::format::points(&gap)),
            format!("比{other}的年均{b}%高出{gap}个百分点"),
        ),
        RelationKind::InStep => (
            format!(
                "{gap} {} below {other}'s {b}%, more than 0.5",
                crate::format::points(&gap)
            ),
            format!("比{other}的年均{b}%低{gap}个百分点，超过0.5"),
        ),
        k => {
            let zh_kind = k.say(crate::lang::Lang::Zh);
            (
                format!(
                    "{} {} {other}'s {b}%",
                    if met { "is" } else { "is not" },
                    k.words()
                ),
                format!("{}{zh_kind}{other}的年均{b}%", if met { "" } else { "未" }),
            )
        }
    };
    let (en_v, zh_v) = if met {
        ("met", "达到")
    } else {
        ("not met", "未达到")
    };
    let years = if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    };
    Text::new(
        format!(
            "{name} averages {a}% a year over {years}, {en} ({}): {en_v}",
            relation_text(relation)
        ),
        format!(
            "{years}年{name}年均{a}%，{zh}（目标：{}）：{zh_v}",
            relation_zh(relation)
        ),
    )
}

fn relation_text(r: &Relation) -> String {
    format!("target: {} {}", r.kind.words(), r.other)
}

fn relation_zh(r: &Relation) -> String {
    match r.kind {
        RelationKind::InStep => format!("与{}同步", r.other),
        RelationKind::Above => format!("高于{}", r.other),
        RelationKind::NotBelow => format!("不低于{}", r.other),
        RelationKind::NotAbove => format!("不高于{}", r.other),
        RelationKind::Below => format!("低于{}", r.other),
        RelationKind::Better => format!("优于{}", r.other),
    }
}

#[cfg(test)]
mod tests {
    use crate::project::project;
    use crate::scenario::Scenario;
    use crate::table::LoadOptions;

    fn national(name: &str, extra: &str) -> crate::project::Projection {
        project(&load(name, extra)).unwrap()
    }

    fn load(name: &str, extra: &str) -> Scenario {
        let dir = tempfile::tempdir().unwrap();
        let root = crate::repo_file("scenarios");
        let file = dir.path().join("s.toml");
        std::fs::write(
            &file,
            format!(
                "extends = {:?}\n{extra}",
                root.join(format!("{name}.toml")).display().to_string()
            ),
        )
        .unwrap();
        Scenario::load(&file, &LoadOptions::default()).unwrap()
    }

    fn verdict<'a>(p: &'a crate::project::Projection, name: &str) -> &'a super::RelationOutcome {
        p.relations.iter().find(|r| r.indicator == name).unwrap()
    }

    const GDP: &str = "国内生产总值（GDP）增长";
    const LABOUR: &str = "全员劳动生产率增长";
    const INCOME: &str = "居民人均可支配收入增长";

    /// The 14th plan's years are all published: the verdict is the communiqués' means.
    #[test]
    fn a_published_period_is_judged_on_its_outturns() {
        let p = national("national-14th", "");
        let r = verdict(&p, LABOUR);
        assert_eq!((r.from, r.to, r.observed), (2021, 2025, true));
        assert_eq!(r.other, GDP);
        // productivity 8.7, 4.2, 5.7, 4.9, 6.1 → 5.92; GDP 8.1, 3.0, 5.2, 5.0, 5.0 → 5.26
        assert!((r.own - 5.92).abs() < 1e-9 && (r.theirs - 5.26).abs() < 1e-9);
        assert!(r.met);
        // income 8.1, 2.9, 6.1, 5.1, 5.0 → 5.44: 0.18 point above, within 0.5
        let r = verdict(&p, INCOME);
        assert!((r.own - 5.44).abs() < 1e-9 && r.met, "{r:?}");
    }

    /// The 15th plan's years are the scenario's: each row holds its 2025 rate (GDP 5, labour
    /// productivity 6.1, income 5) unless a rule moves it, and GDP's rate is the threshold.
    #[test]
    fn moving_gdp_growth_flips_the_targets_that_name_it() {
        let p = national("national-15th", "");
        let (l, i) = (verdict(&p, LABOUR), verdict(&p, INCOME));
        assert_eq!((l.from, l.to, l.observed), (2026, 2030, false));
        assert!((l.own - 6.1).abs() < 1e-9 && (l.theirs - 5.0).abs() < 1e-9 && l.met);
        assert!((i.own - 5.0).abs() < 1e-9 && i.met);
        assert!(
            l.why.zh.contains("高于GDP增长") && l.why.zh.ends_with("：达到"),
            "{}",
            l.why.zh
        );
        // GDP at 6.2% over 2026–30: 6.1 is not above 6.2; income 5 is 1.2 points below
        let up =
            format!("[[override]]\nindicator = \"{GDP}\"\nfrom = 2026\nto = 2030\nrate = 6.2\n");
        let p = national("national-15th", &up);
        let (l, i) = (verdict(&p, LABOUR), verdict(&p, INCOME));
        assert!((l.theirs - 6.2).abs() < 1e-9 && !l.met, "{l:?}");
        assert!(!i.met && i.why.zh.contains("低1.2个百分点"), "{}", i.why.zh);
        assert!(i.why.en.contains("1.2 points below"), "{}", i.why.en);
        // GDP at 6%: income 5 is one point below, in the singular
        let one =
            format!("[[override]]\nindicator = \"{GDP}\"\nfrom = 2026\nto = 2030\nrate = 6\n");
        let p = national("national-15th", &one);
        let i = verdict(&p, INCOME);
        assert!(
            !i.met && i.why.en.contains(" 1 point below "),
            "{}",
            i.why.en
        );
        // 5.4% in 2026–27 only: (5.4·2 + 5·3)/5 = 5.16, income 0.16 below: still in step
        let two =
            format!("[[override]]\nindicator = \"{GDP}\"\nfrom = 2026\nto = 2027\nrate = 5.4\n");
        let p = national("national-15th", &two);
        let i = verdict(&p, INCOME);
        assert!((i.theirs - 5.16).abs() < 1e-9 && i.met, "{i:?}");
    }

    /// `plansim explain` lists what a rule on GDP's growth changed, as for any path.
    #[test]
    fn a_rule_on_gdp_growth_is_explained() {
        let up =
            format!("[[override]]\nindicator = \"{GDP}\"\nfrom = 2026\nto = 2030\nrate = 6.2\n");
        let e = crate::explain::explain(&load("national-15th", &up)).unwrap();
        let rows: Vec<_> = e.rules.iter().flat_map(|r| &r.rows).collect();
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].indicator, GDP);
        let span = &rows[0].spans[0];
        assert_eq!((span.from, span.to), (2026, 2030));
        assert!(
            (span.before - 5.0).abs() < 1e-9 && (span.after - 6.2).abs() < 1e-9,
            "{span:?}"
        );
    }
}
