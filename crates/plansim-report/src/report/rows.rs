//! The table of targets a report shows: every target graded by `assess` from its outturns
//! (the status), beside what the scenario projects for it — a what-if, conditional on the
//! scenario's rates and σ, never a status.

use super::facts::Facts;
pub use super::facts::{Reach, shown_until};
use plansim_core::assess::Grade;
use plansim_core::assess::ambition::kept;
use plansim_core::lang::Lang;
use plansim_core::scenario::Scenario;
use plansim_core::text::Shared;
use serde::Serialize;

use plansim_core::assess::Status;
use plansim_core::table::Attribute;

fn is_binding<S: serde::Serializer>(a: &Attribute, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bool(*a == Attribute::Binding)
}

/// One target in a report.
#[derive(Clone, Debug, Serialize)]
pub struct TargetRow {
    /// Shared with the table's rows of the same region (plan).
    pub region: plansim_core::text::Shared,
    pub plan: plansim_core::text::Shared,
    /// Shared among the rows with the same text (most rows of a table share it).
    pub category: Shared,
    pub indicator: String,
    pub indicator_en: String,
    pub unit: Shared,
    /// 约束性, 预期性 or none printed; `"binding": true` for 约束性 in `summary.json`, as
    /// before the pages showed 预期性.
    #[serde(rename = "binding", serialize_with = "is_binding")]
    pub attribute: Attribute,
    pub base_year: i32,
    pub base: Option<f64>,
    pub year: i32,
    /// The target as printed.
    pub target: String,
    /// The grade from the outturns (`assess`): the status.
    pub status: Status,
    pub grade_zh: &'static str,
    /// Why, in one sentence.
    pub reason: Shared,
    /// The pace the target needs from its base year against the previous period's, in words
    /// (`需0.62个百分点/年…：为过去速度的0.78倍`, `已达到，需保持`, `无历史`).
    pub ambition: Shared,
    /// The ratio of the two paces, where one means something.
    pub ambition_ratio: Option<f64>,
    /// What the comparison says (a ratio, or the words instead of one).
    pub ambition_verdict: Option<plansim_core::assess::ambition::Verdict>,
    /// The grade rests on hypothetical outturns.
    pub hypothetical: bool,
    /// Chance of meeting the target on the observed trend (`assess`), where outturns give one.
    pub p_meet: Option<f64>,
    /// The latest outturn the grade rests on (year, value in the target's terms).
    pub latest: Option<(i32, f64)>,
    /// The latest outturn's year, also where its value is not a number (the workbook).
    #[serde(skip)]
    pub latest_year: Option<i32>,
    /// The rule the grade follows (`reach`, `hold`, `annual-rate`, …).
    pub rule: &'static str,
    /// The unit of the paces, the gap and σ below (`% a year`, `points a year`, …).
    pub pace_unit: Shared,
    /// The observed pace since the baseline (or the observed mean rate), in `pace_unit`.
    pub current_pace: Option<f64>,
    /// The pace the plan states or implies, in `pace_unit` (the workbook).
    #[serde(skip)]
    pub planned_pace: Option<f64>,
    /// What the remaining years need from the latest outturn, in `pace_unit` (`assess`).
    pub required_pace: Option<f64>,
    /// Current less required pace, positive on the good side, in `pace_unit` (`assess`).
    pub gap: Option<f64>,
    /// The target as a level in the row's terms.
    pub target_value: Option<f64>,
    /// σ of the observed yearly changes behind `p_meet`, in `pace_unit`, and its source.
    pub sigma: Option<f64>,
    /// Behind a pointer: 136 bytes inline, and most rows (no outturns) have none.
    pub sigma_source: Option<Box<plansim_core::series::SigmaSource>>,
    /// Fractions; percent a year in `summary.json`.
    #[serde(serialize_with = "plansim_core::percent::opt")]
    pub stated_rate: Option<f64>,
    #[serde(serialize_with = "plansim_core::percent::opt")]
    pub required_rate: Option<f64>,
    /// The target is met where `required_rate` counts from (the ambition column's rule,
    /// `assess::ambition::kept`): the pages say 已达到，需保持 instead of a rate.
    pub kept: bool,
    /// The target year's outturn is in: no rate is required any more, and no scenario's
    /// projection or chance of that year is news.
    #[serde(skip)]
    pub ended: bool,
    /// The scenario's projection in the target year.
    pub projected: Option<f64>,
    /// The scenario's projection at its horizon (2035), for plans that run to it: not for a
    /// one-year plan or a period total, which end with their period.
    pub at_horizon: Option<(i32, f64)>,
    /// Whether the projection meets the target in its year; for a target relative to another
    /// row's growth (`高于GDP增长`), whether the scenario's mean rates hold the relation.
    pub met: Option<bool>,
    /// When the scenario's projection first meets the target, for the index's comparison in
    /// years; `None` where the target is not projected.
    pub reach: Option<Reach>,
    /// The codes of the audit's errors on this row of the table (`unit-mismatch`): the grade
    /// rests on numbers the plan's own arithmetic contradicts.
    #[serde(skip_serializing_if = "Audit::is_empty")]
    pub audit: Audit,
    /// P(meet | scenario): the share of the scenario's draws meeting the target — a what-if.
    pub probability: Option<f64>,
    /// Index of the projection path, for charts.
    #[serde(skip)]
    pub path: Option<usize>,
    /// What the workbook reads of the table row's meaning: the table's rows are let go once
    /// the target rows are made (some 650 bytes a row held to the end otherwise).
    #[serde(skip)]
    pub meant: Meant,
}

/// The codes of the audit's errors on a row, in the order found: the four codes that mark a
/// row, each a byte (a list took some 100 bytes a row where most rows are marked).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Audit([u8; 4]);

impl Audit {
    /// The codes that mark a row wherever its grade shows.
    pub const CODES: [plansim_core::check::Code; 4] = [
        plansim_core::check::Code::UnitMismatch,
        plansim_core::check::Code::RateMismatch,
        plansim_core::check::Code::IdentityViolation,
        plansim_core::check::Code::BoundExceeded,
    ];

    /// Adds `code` once, if it is one of [`Audit::CODES`].
    pub fn push(&mut self, code: plansim_core::check::Code) {
        let Some(k) = Self::CODES.iter().position(|c| *c == code) else {
            return;
        };
        let k = k as u8 + 1;
        if let Some(free) = self.0.iter().position(|&b| b == 0 || b == k) {
            self.0[free] = k;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0[0] == 0
    }

    /// The codes as printed (`rate-mismatch`), in the order found.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0
            .iter()
            .take_while(|&&b| b != 0)
            .map(|&b| Self::CODES[b as usize - 1].as_str())
    }
}

impl Serialize for Audit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.codes())
    }
}

/// A table row's meaning as the workbook's action sheet types its target.
#[derive(Clone, Copy, Debug)]
pub struct Meant {
    /// The target's bound, point or range, where it has one.
    pub goal: Option<plansim_core::meaning::GoalKind>,
    pub direction: plansim_core::table::Direction,
    /// The row measures a change over the period as an index (base year = 100).
    pub period_change: bool,
}

impl Meant {
    fn of(m: &plansim_core::meaning::Meaning) -> Meant {
        Meant {
            goal: m.target.goal(),
            direction: m.direction,
            period_change: m.quantity == plansim_core::meaning::Quantity::PeriodChange,
        }
    }
}

/// Every target of a scenario, in table order: its grade, and the scenario's numbers for it
/// where the scenario projects it (`facts`, by path; `relations`, the projection's judgements
/// of targets stated against another row's growth).
pub fn target_rows(
    sc: &Scenario,
    facts: &mut Facts,
    relations: &[plansim_core::project::growth::RelationOutcome],
    grades: impl IntoIterator<Item = Grade>,
) -> plansim_core::Result<Vec<TargetRow>> {
    // as long as the table, not grown by doubling (a third more at 10⁵ rows)
    let mut rows = Vec::with_capacity(sc.indicators.len());
    each_target_row(sc, facts, relations, grades, |r| {
        rows.push(r);
        Ok::<(), plansim_core::Error>(())
    })?;
    Ok(rows)
}

/// [`target_rows`] handed to `each` one at a time, in table order, for a caller that keeps
/// them elsewhere while the table is held ([`super::row_spill`]).
pub fn each_target_row<E: From<plansim_core::Error>>(
    sc: &Scenario,
    facts: &mut Facts,
    relations: &[plansim_core::project::growth::RelationOutcome],
    grades: impl IntoIterator<Item = Grade>,
    mut each: impl FnMut(TargetRow) -> Result<(), E>,
) -> Result<(), E> {
    // each row's path by its (region, plan, name), looked up rather than searched for (a
    // search per row made a table of 100,000 rows take a quarter of an hour): the paths'
    // places sorted by their key's hash, 16 bytes a path (a map of the keys held 75)
    use std::hash::BuildHasher;
    let hasher = std::collections::hash_map::RandomState::new();
    // each path's key is its series' first row's
    let firsts = facts.rows();
    let key = |i: usize| {
        let ind = &sc.indicators[firsts[i] as usize];
        (&*ind.region, &*ind.plan, &*ind.name)
    };
    let mut by_hash: Vec<(u64, usize)> = (0..firsts.len())
        .filter(|&i| (firsts[i] as usize) < sc.indicators.len())
        .map(|i| (hasher.hash_one(key(i)), i))
        .collect();
    // by hash, then place: the first path of a key is found first, as a search from the start
    by_hash.sort_unstable();
    let path_of = |region: &str, plan: &str, name: &str| {
        let h = hasher.hash_one((region, plan, name));
        let from = by_hash.partition_point(|e| e.0 < h);
        by_hash[from..]
            .iter()
            .take_while(|e| e.0 == h)
            .map(|e| e.1)
            .find(|&i| key(i) == (region, plan, name))
    };
    // a row's category, units and sentences are mostly some other row's too (a target
    // without outturns: 数据不足 and 无历史 in every row): one copy each
    let mut texts = Texts::default();
    for ((k, ind), g) in sc.indicators.iter().enumerate().zip(grades) {
        let path = path_of(&ind.region, &ind.plan, &ind.name);
        let f = path.map(|i| facts.get(i)).transpose()?;
        let f = f.as_ref();
        let outcome = f.and_then(|f| f.goals.iter().find(|o| o.year == ind.target_year));
        let probability = f.and_then(|f| {
            f.chances
                .iter()
                .find(|c| c.0 == ind.target_year)
                .map(|c| c.1)
        });
        // judged on the latest outturn up to the target year (the start without one), a
        // bound on the mean of its yearly outturns
        let kept = outcome.is_some_and(|o| {
            let judged_on = if g.rule == "annual-bound" {
                g.mean
            } else {
                Some(o.latest)
            };
            judged_on.is_some_and(|v| kept(&o.kind, o.direction, v))
        });
        let ended = outcome.is_some_and(|o| o.ended);
        let row = TargetRow {
            region: ind.region.clone(),
            plan: ind.plan.clone(),
            category: texts.get(&ind.category),
            indicator: ind.name.clone(),
            indicator_en: ind.name_en.clone(),
            unit: match f {
                Some(f) => texts.get(&f.unit),
                None => texts.get(&ind.value_unit()),
            },
            attribute: ind.attribute,
            base_year: f.map_or(ind.base_year, |f| f.start_year),
            base: f
                .map(|f| f.start)
                .or_else(|| ind.base_level().map(|n| n.value)),
            year: ind.target_year,
            target: g.target.clone(),
            status: g.status,
            grade_zh: g.grade_zh,
            reason: texts.get(&g.reason),
            ambition: texts.get(g.ambition.as_ref().map_or("", |a| &a.text)),
            ambition_ratio: g.ambition.as_ref().and_then(|a| a.ratio),
            ambition_verdict: g.ambition.as_ref().map(|a| a.verdict),
            hypothetical: g.hypothetical,
            p_meet: g.p_meet,
            latest: g.latest_year.zip(g.latest_value),
            latest_year: g.latest_year,
            rule: g.rule,
            pace_unit: texts.get(&g.pace_unit),
            current_pace: g.current_pace,
            planned_pace: g.planned_pace,
            required_pace: g.required_rate,
            gap: g.gap,
            target_value: g.target_value,
            sigma: g.sigma,
            sigma_source: g.sigma_source.clone().map(Box::new),
            stated_rate: ind.annual_rate().map(|r| r.value),
            // once the target year's outturn is in, no rate is required any more
            required_rate: outcome.and_then(|o| o.required_rate).filter(|_| !ended),
            kept,
            ended,
            projected: outcome.and_then(|o| o.value),
            at_horizon: f.and_then(|f| f.at_horizon),
            // a target relative to another row's growth: judged on both rows' rates
            met: outcome.and_then(|o| o.met).or_else(|| {
                relations
                    .iter()
                    .find(|r| {
                        r.region == ind.region
                            && r.plan == ind.plan
                            && r.indicator == ind.name
                            && r.target_year == ind.target_year
                    })
                    .map(|r| r.met)
            }),
            reach: outcome.and_then(|o| o.reach),
            audit: Audit::default(),
            probability,
            path: outcome.and(path),
            meant: Meant::of(&sc.outturns.meaning(k, ind)),
        };
        each(row)?;
    }
    Ok(())
}

/// One copy of each text the target rows repeat. A grade's sentences often are the row's own
/// (its numbers in them): past a bound of distinct texts, new ones are not remembered, so the
/// texts kept stay few however many rows are unique.
#[derive(Default)]
pub(super) struct Texts {
    seen: plansim_core::text::Interner,
}

impl Texts {
    const KEPT: usize = 4096;

    pub(super) fn get(&mut self, text: &str) -> Shared {
        match self.seen.known(text) {
            Some(s) => s,
            None if self.seen.len() < Self::KEPT => self.seen.get(text),
            None => Shared::from(text),
        }
    }
}

impl TargetRow {
    /// A binding (约束性) target.
    pub fn binding(&self) -> bool {
        self.attribute == Attribute::Binding
    }

    /// The attribute as the pages print it: 约束性 / 预期性 (`binding` / `expected`), empty
    /// where the table prints none.
    pub fn attribute_word(&self, lang: Lang) -> &'static str {
        match self.attribute {
            Attribute::Binding => lang.say("binding", "约束性"),
            Attribute::Expected => lang.say("expected", "预期性"),
            Attribute::Unstated => "",
        }
    }
    /// How much higher (lower, for a falling target) the target year's level must be than
    /// the observed pace carries the latest outturn to, in the row's unit: for targets to
    /// reach on a compound or points path and for period totals (in points of the index).
    /// Positive = short of the target.
    pub fn extra_level(&self) -> Option<f64> {
        let (year, latest) = self.latest?;
        let pace = self.current_pace?;
        let target = self.target_value?;
        let n = f64::from(self.year - year);
        let latest = match self.rule {
            "reach" if n > 0.0 => latest,
            // a period total's outturn is the change so far in %, its target an index
            // (100 − 13.5 = 86.5 for 〔13.5〕 down): the index the pace leads to, or, once the
            // period is over, the one reached (全国's energy intensity: 88.3, 1.8 short)
            "period-total" if n >= 0.0 => 100.0 + latest,
            _ => return None,
        };
        let reached = match self.pace_unit.as_str() {
            "% a year" => latest * (1.0 + pace / 100.0).powf(n),
            "points a year" => latest + pace * n,
            _ => return None,
        };
        // the sign of the way to go says whether the target lies above or below
        let short = if target >= latest {
            target - reached
        } else {
            reached - target
        };
        Some(short)
    }

    /// The latest outturn's value as the pages print it, to `digits`: a period total's change
    /// to date as a fall or a rise (`累计下降11.7%`), a yearly rate or a share in %.
    pub fn latest_value(&self, v: f64, digits: plansim_core::format::Digits, lang: Lang) -> String {
        let v = plansim_core::format::number(v, digits);
        match self.rule {
            "period-total" => plansim_core::assess::words::change_to_date(&v)
                .get(lang)
                .to_string(),
            "annual-rate" | "relational" => format!("{v}%"),
            _ if self.unit == "%" => format!("{v}%"),
            _ => v,
        }
    }

    /// The indicator's name in the page's language.
    pub fn name(&self, lang: Lang) -> &str {
        if lang.is_en() && !self.indicator_en.is_empty() {
            &self.indicator_en
        } else {
            &self.indicator
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Reach;
    use plansim_core::meaning::GoalKind;
    use plansim_core::series::Goal;
    use plansim_core::table::Direction;

    fn goal(kind: GoalKind, precision: f64) -> Goal {
        Goal {
            year: 2025,
            kind,
            raw: String::new(),
            from_rate: false,
            precision,
        }
    }

    /// A level of 100 in 2020 growing 10% a year against one growing 20%, towards ≥150.
    #[test]
    fn the_first_year_a_path_meets_its_target() {
        let years: Vec<i32> = (2020..=2030).collect();
        let path = |r: f64| years.iter().map(move |y| 100.0 * (1.0 + r).powi(y - 2020));
        let goal = goal(
            GoalKind::AtLeast {
                value: 150.0,
                strict: false,
            },
            0.0,
        );
        // 100·1.1⁴ = 146.41 < 150 ≤ 100·1.1⁵ = 161.05: met in 2025
        let slow = Reach::of(&years, path(0.10), 2020, &goal, Direction::Rising);
        assert_eq!(slow, Some(Reach::In(2025)));
        // 100·1.2² = 144 < 150 ≤ 100·1.2³ = 172.8: met in 2023
        let fast = Reach::of(&years, path(0.20), 2020, &goal, Direction::Rising);
        assert_eq!(fast, Some(Reach::In(2023)));
        // 100·1.03¹⁰ = 134.39 < 150: not by the path's last year
        let flat = Reach::of(&years, path(0.03), 2020, &goal, Direction::Rising);
        assert_eq!(flat, Some(Reach::NotBy(2030)));
        // the base year itself does not count, NaN years (before a path starts) are skipped
        let nan = [f64::NAN, 150.0, 149.0, 151.0];
        let reach = Reach::of(
            &[2019, 2020, 2021, 2022],
            nan,
            2020,
            &goal,
            Direction::Rising,
        );
        assert_eq!(reach, Some(Reach::In(2022)));
        assert_eq!(
            Reach::of(&years, [f64::NAN; 11], 2020, &goal, Direction::Rising),
            None
        );
        // a falling target: ≤ 80 from 100 falling 5% a year, 100·0.95⁴ = 81.45, 0.95⁵ = 77.38
        let down = years.iter().map(|y| 100.0 * 0.95f64.powi(y - 2020));
        let at_most = super::tests::goal(
            GoalKind::AtMost {
                value: 80.0,
                strict: false,
            },
            0.0,
        );
        let falling = Reach::of(&years, down.clone(), 2020, &at_most, Direction::Falling);
        assert_eq!(falling, Some(Reach::In(2025)));
        // a plain `81` for 2024 is met there as printed, from 81.5: 81.45; a bound `81以内`
        // is held as drawn: 2025 (77.38)
        let mut printed = super::tests::goal(GoalKind::Point { value: 81.0 }, 0.5);
        printed.year = 2024;
        let falling = Reach::of(&years, down.clone(), 2020, &printed, Direction::Falling);
        assert_eq!(falling, Some(Reach::In(2024)));
        let mut bound = super::tests::goal(
            GoalKind::AtMost {
                value: 81.0,
                strict: false,
            },
            0.5,
        );
        bound.year = 2024;
        let falling = Reach::of(&years, down.clone(), 2020, &bound, Direction::Falling);
        assert_eq!(falling, Some(Reach::In(2025)));
        // before its year, no tolerance: the same `81` for 2025 is first passed in 2025
        let later = super::tests::goal(GoalKind::Point { value: 81.0 }, 0.5);
        let falling = Reach::of(&years, down, 2020, &later, Direction::Falling);
        assert_eq!(falling, Some(Reach::In(2025)));
    }

    /// 4,096 distinct texts are remembered; the next is handed out as itself, not kept, and
    /// a text remembered is the same copy each time it is asked for.
    #[test]
    fn repeated_texts_are_one_copy_up_to_a_bound() {
        let mut t = super::Texts::default();
        let first = t.get("数据不足");
        for k in 1..super::Texts::KEPT {
            t.get(&format!("句{k}"));
        }
        assert_eq!(t.seen.len(), 4096);
        let past = t.get("无历史");
        assert_eq!(past, "无历史");
        assert!(t.seen.known("无历史").is_none() && t.seen.len() == 4096);
        assert_eq!(t.get("数据不足"), first);
        assert!(std::ptr::eq(t.get("数据不足").as_str(), first.as_str()));
    }
}
