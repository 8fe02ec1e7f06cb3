//! The index's first section for a chain of national plans: how the plan that has ended came
//! out (its final grades, each with the outturn behind it), then the targets of the plan now in
//! force ranked by ambition (the pace each needs against the pace of the years before it).
//!
//! The national plans are the scenarios all of whose targets are the nation's (`全国`); the one
//! with the latest target year is in force, the one before it has ended.

use super::page::Summary;
use super::rows::TargetRow;
use plansim_core::assess::Status;
use plansim_core::assess::ambition::Verdict;
use plansim_core::format::{Digits, number};
use plansim_core::lang::Column;
use plansim_core::lang::Lang;

/// The region whose plans this section is about.
const NATION: &str = "全国";

/// One plan's part of the section.
pub struct Part<'a> {
    /// The scenario's folder, for links.
    pub name: &'a str,
    pub heading: String,
    pub note: &'static str,
    pub heads: Vec<&'static str>,
    pub rows: Vec<Line>,
}

/// A row, as text.
pub struct Line {
    /// The grade's CSS class (empty for the ambition table).
    pub code: &'static str,
    pub cells: Vec<String>,
}

/// The section: the ended plan, then the plan in force; empty without two national plans.
pub struct View<'a> {
    pub parts: Vec<Part<'a>>,
}

impl<'a> View<'a> {
    pub fn new(summaries: &'a [Summary], lang: Lang) -> View<'a> {
        let mut national: Vec<(&Summary, i32)> = summaries
            .iter()
            .filter(|s| !s.rows.is_empty() && s.rows.iter().all(|r| r.region == NATION))
            .filter_map(|s| Some((s, s.rows.iter().map(|r| r.year).max()?)))
            .collect();
        national.sort_by_key(|(_, year)| *year);
        let mut parts = Vec::new();
        if let [.., (ended, _), (now, _)] = national[..] {
            parts.push(ended_part(ended, lang));
            parts.push(ambition_part(now, lang));
        }
        View { parts }
    }
}

/// The latest outturn with its year ([`TargetRow::latest_value`]).
fn latest(r: &TargetRow, lang: Lang) -> String {
    r.latest
        .map(|(y, v)| {
            let v = r.latest_value(v, Digits::Significant, lang);
            if lang.is_en() {
                format!("{v} ({y})")
            } else {
                format!("{y}年{v}")
            }
        })
        .unwrap_or_default()
}

/// The ended plan's grades, met first, then missed, then those without evidence.
fn ended_part<'a>(s: &'a Summary, lang: Lang) -> Part<'a> {
    let mut rows: Vec<&TargetRow> = s.rows.iter().collect();
    rows.sort_by_key(|r| (r.status != Status::Missed, r.status.urgency()));
    let year = s.rows.iter().map(|r| r.year).max().unwrap_or_default();
    let count = |f: fn(Status) -> bool| s.rows.iter().filter(|r| f(r.status)).count();
    let met = count(Status::good);
    let missed = count(|x| x == Status::Missed);
    let unknown = count(|x| x == Status::InsufficientData);
    let heading = if lang.is_en() {
        format!(
            "{}: how it ended in {year} — {met} of {} targets met, {missed} missed, {unknown} without an official figure",
            s.named.label,
            s.rows.len()
        )
    } else {
        format!(
            "{}：{year}年收官，{}项目标{met}项实现、{missed}项未实现、{unknown}项无官方数据",
            s.named.label,
            s.rows.len()
        )
    };
    Part {
        name: &s.name,
        heading,
        note: lang.say("Final grades from the official outturns (statistical communiqués, and the end-of-period figures the next plan's table prints); missed first.", "依据官方实际值（统计公报，以及下一个规划纲要表中的期末数）的最终评估；未实现的列在前。"),
        heads: vec![
            Column::Indicator.say(lang),
            Column::Target.say(lang),
            Column::Grade.say(lang),
            super::words::latest_outturn(lang),
            lang.say("evidence", "依据"),
        ],
        rows: rows
            .into_iter()
            .map(|r| Line {
                code: r.status.code(),
                cells: vec![
                    r.name(lang).to_string(),
                    r.target.clone(),
                    r.status.label(lang).to_string(),
                    latest(r, lang),
                    r.reason.to_string(),
                ],
            })
            .collect(),
    }
}

/// The order of ambition: a reversal of the past first, then the ratio from the highest, then
/// targets without history, those already met, and words.
fn rank(r: &TargetRow) -> (u8, f64) {
    match r.ambition_verdict {
        Some(Verdict::Opposite) => (0, 0.0),
        Some(Verdict::Ratio) => (1, -r.ambition_ratio.unwrap_or(0.0)),
        Some(Verdict::NoHistory) => (2, 0.0),
        Some(Verdict::AlreadyMet) => (3, 0.0),
        Some(Verdict::Qualitative) | None => (4, 0.0),
    }
}

/// The plan in force, its targets ranked by ambition.
fn ambition_part<'a>(s: &'a Summary, lang: Lang) -> Part<'a> {
    let mut rows: Vec<&TargetRow> = s.rows.iter().collect();
    rows.sort_by(|a, b| {
        let (x, y) = (rank(a), rank(b));
        x.0.cmp(&y.0).then(x.1.total_cmp(&y.1))
    });
    let heading = if lang.is_en() {
        format!("{}: how ambitious each target is", s.named.label)
    } else {
        format!("{}：各项目标有多高", s.named.label)
    };
    Part {
        name: &s.name,
        heading,
        note: lang.say("Each target's pace from its base year beside the pace the outturns show over the five years before it; the ratio is required ÷ past (above 1: faster than before). Ranked: the past moving the other way first, then by the ratio.", "各项目标自基期起所需速度，对照基期前五年实际值的速度；倍数为所需÷过去（大于1即须快于过去）。排序：方向相反者在前，其余按倍数从高到低。"),
        heads: vec![
            Column::Indicator.say(lang),
            Column::Base.say(lang),
            Column::Target.say(lang),
            lang.say("ratio", "倍数"),
            super::words::against_history(lang),
        ],
        rows: rows
            .into_iter()
            .map(|r| Line {
                code: "",
                cells: vec![
                    r.name(lang).to_string(),
                    // a period total's base is the index 100, no figure a reader looks for
                    r.base
                        .filter(|_| r.rule != "period-total")
                        .map(|b| {
                            let b = number(b, Digits::Significant);
                            super::words::in_year(lang, &b, r.base_year)
                        })
                        .unwrap_or_default(),
                    super::words::in_year(lang, &r.target, r.year),
                    r.ambition_ratio
                        .filter(|_| r.ambition_verdict == Some(Verdict::Ratio))
                        .map(|x| format!("{x:.2}"))
                        .unwrap_or_default(),
                    r.ambition.to_string(),
                ],
            })
            .collect(),
    }
}
