//! What a page opens with: the targets the outturns say need action, the furthest behind
//! first, each with a line per scenario of the batch; and the targets that cannot be graded,
//! counted by reason. One page model, rendered to HTML and Markdown.

use super::rows::TargetRow;
use plansim_core::assess::Status;
use plansim_core::assess::words::unit;
use plansim_core::format::{Digits::*, chance, number};
use plansim_core::lang::Lang;
use std::collections::HashMap;

/// A scenario's name and question in a page's language.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Named {
    /// The folder name (`baseline`).
    pub name: String,
    /// As the page's language shows it (`基准情景`).
    pub label: String,
    pub description: String,
}

/// A target behind on the evidence.
#[derive(Clone, Debug)]
pub struct Action {
    pub row: TargetRow,
    /// The scenario whose outturns graded it (the index shows one row per target).
    pub graded_in: String,
    /// One line per scenario of the batch that holds the target: (scenario label, text).
    pub lines: Vec<(String, String)>,
}

/// The targets outturns cannot grade, by reason: (grade, (region, `指标（year）`)).
pub type Unassessed = Vec<(Status, Vec<(String, String)>)>;

/// The opening section of a page.
#[derive(Clone, Debug, Default)]
pub struct Section {
    pub actions: Vec<Action>,
    pub unassessed: Unassessed,
    /// Targets graded and not behind.
    pub fine: usize,
}

/// Every scenario's target rows by target, built once per batch: a page's lines per scenario
/// and the index's comparison look targets up here instead of scanning every scenario (a batch
/// of every county holds 85,500 targets).
pub struct Lookup<'a> {
    labels: Vec<&'a str>,
    rows: HashMap<Key<'a>, Vec<(usize, &'a TargetRow)>>,
}

/// A target's identity: region, plan, indicator, year and the target as printed, borrowed from
/// its row (a key copied as one text was some 200 bytes a target).
type Key<'a> = (&'a str, &'a str, &'a str, i32, &'a str);

fn key(r: &TargetRow) -> Key<'_> {
    (&r.region, &r.plan, &r.indicator, r.year, &r.target)
}

impl<'a> Lookup<'a> {
    /// Indexes the rows of every scenario of the batch, in batch order.
    pub fn new(batch: &[(&'a Named, &'a [TargetRow])]) -> Lookup<'a> {
        let mut rows: HashMap<Key<'a>, Vec<(usize, &'a TargetRow)>> = HashMap::new();
        for (k, (_, rs)) in batch.iter().enumerate() {
            for r in rs.iter() {
                let holders = rows.entry(key(r)).or_default();
                // a scenario holds a target once: its first row
                if holders.last().is_none_or(|h| h.0 != k) {
                    holders.push((k, r));
                }
            }
        }
        Lookup {
            labels: batch.iter().map(|(n, _)| n.label.as_str()).collect(),
            rows,
        }
    }

    /// The scenarios holding `r`'s target, in batch order: (scenario's place, its row).
    pub fn holders<'s>(&'s self, r: &'s TargetRow) -> &'s [(usize, &'a TargetRow)] {
        // the keys' borrow narrowed to this call's, so `r` may be anyone's row
        let rows: &HashMap<Key<'_>, Vec<(usize, &'a TargetRow)>> = &self.rows;
        rows.get(&key(r)).map_or(&[], |v| &v[..])
    }

    /// `t`'s row in each of `columns` (scenarios by their place in the batch), if they hold it.
    pub fn columns(&self, columns: &[usize], t: &TargetRow) -> Vec<Option<&'a TargetRow>> {
        let holders = self.holders(t);
        columns
            .iter()
            .map(|k| holders.iter().find(|h| h.0 == *k).map(|h| h.1))
            .collect()
    }

    /// A scenario's label by its place in the batch.
    pub fn label(&self, k: usize) -> &'a str {
        self.labels[k]
    }
}

/// Builds the section for the targets of `own` (one scenario, or every scenario for the
/// index); `batch` holds every scenario's rows, for the lines under each target.
pub fn section(own: &[(&Named, &[TargetRow])], batch: &Lookup, lang: Lang) -> Section {
    let mut out = Section::default();
    // each target once: where some scenario's outturns put it behind, that grade, else the
    // first scenario's
    let mut picked: Vec<(&Named, &TargetRow)> = Vec::new();
    let mut seen: HashMap<Key, usize> = HashMap::new();
    for (named, rows) in own {
        for r in rows.iter() {
            match seen.get(&key(r)) {
                Some(&i) => {
                    let p = &mut picked[i];
                    if !p.1.status.needs_action() && r.status.needs_action() {
                        *p = (*named, r)
                    }
                }
                None => {
                    seen.insert(key(r), picked.len());
                    picked.push((*named, r));
                }
            }
        }
    }
    for (named, r) in picked {
        match r.status {
            Status::InsufficientData | Status::Qualitative => {
                let label = (
                    r.region.to_string(),
                    if lang == Lang::En {
                        format!("{} ({})", r.name(Lang::En), r.year)
                    } else {
                        format!("{}（{}）", r.name(Lang::Zh), r.year)
                    },
                );
                match out.unassessed.iter_mut().find(|(s, _)| *s == r.status) {
                    Some((_, v)) => v.push(label),
                    None => out.unassessed.push((r.status, vec![label])),
                }
            }
            s if !s.needs_action() => out.fine += 1,
            _ => {
                let lines = batch
                    .holders(r)
                    .iter()
                    .map(|(k, x)| (batch.label(*k).to_string(), line(x, lang)))
                    .collect();
                out.actions.push(Action {
                    row: r.clone(),
                    graded_in: named.label.clone(),
                    lines,
                });
            }
        }
    }
    // 数据不足 before 定性 on every page, whichever came first in its tables
    out.unassessed
        .sort_by_key(|(s, _)| *s != Status::InsufficientData);
    // the furthest behind first: by grade, then by the gap in its own terms
    out.actions.sort_by(|a, b| {
        a.row.status.urgency().cmp(&b.row.status.urgency()).then(
            a.row
                .gap
                .unwrap_or(0.0)
                .total_cmp(&b.row.gap.unwrap_or(0.0)),
        )
    });
    out
}

/// `10.75%/年`, `0.4个百分点/年`, `10.75% a year` — a pace in its unit, in the language.
pub fn pace(v: f64, pace_unit: &str, lang: Lang) -> String {
    let u = unit(pace_unit);
    let v = number(v, Fixed(2));
    match lang {
        Lang::En if u.en.starts_with('%') => format!("{v}{}", u.en),
        Lang::En => format!("{v} {}", u.en),
        Lang::Zh => format!("{v}{}", u.zh),
    }
}

/// One scenario's answer for a target: what the remaining years need from its outturns, and
/// where the scenario's own rates take it (a what-if).
pub fn line(r: &TargetRow, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut parts = Vec::new();
    if let (Some((y, _)), Some(req)) = (r.latest, r.required_pace) {
        let from = y + 1;
        let span = if from >= r.year {
            format!("{}", r.year)
        } else {
            format!("{from}–{}", r.year % 100)
        };
        let grow = match (r.pace_unit.as_str(), en) {
            ("% a year", false) => format!("{span}年需年均增长{}%", number(req, Fixed(2))),
            ("points a year", false) => {
                format!("{span}年需年均提高{}个百分点", number(req, Fixed(2)))
            }
            (_, false) => format!("{span}年需{}", pace(req, &r.pace_unit, lang)),
            ("% a year", true) => format!("{span} needs {}% a year", number(req, Fixed(2))),
            (_, true) => format!("{span} needs {}", pace(req, &r.pace_unit, lang)),
        };
        parts.push(grow);
    }
    // the target year's outturn is in: the scenario replays it, no what-if is left to say
    if r.ended {
        return if en {
            format!("the {} outturn is in: nothing left to project", r.year)
        } else {
            format!("{}年实际值已出，无需推演", r.year)
        };
    }
    if let Some(v) = r.projected {
        parts.push(if en {
            format!("the scenario projects {} in {}", number(v, Column), r.year)
        } else {
            format!("情景预测{}年为{}", r.year, number(v, Column))
        });
    }
    if let Some(p) = r.probability {
        parts.push(if en {
            format!("P(meet | scenario) {}", chance(p))
        } else {
            format!("情景下达标概率{}", chance(p))
        });
    }
    if parts.is_empty() {
        return if en {
            "not projected".into()
        } else {
            "未预测".into()
        };
    }
    parts.join(if en { "; " } else { "；" })
}
