//! What a page opens with: the targets the outturns say need action, the furthest behind
//! first, each with a line per scenario of the batch; and the targets that cannot be graded,
//! counted by reason. One page model, rendered to HTML and Markdown.

use super::rows::TargetRow;
use plansim_core::assess::Status;
use plansim_core::assess::words::unit;
use plansim_core::format::{Digits::*, chance, number};
use plansim_core::lang::Lang;
use std::hash::BuildHasher;

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
    /// Its scenario's rows and its place among them: a copy of the row was some 1,100 bytes
    /// a target, and where outturns are in most targets may be behind.
    rows: std::sync::Arc<Vec<TargetRow>>,
    at: usize,
    /// The scenario whose outturns graded it (the index shows one row per target).
    pub graded_in: String,
    /// One line per scenario of the batch that holds the target: (scenario label, text).
    pub lines: Vec<(String, String)>,
}

impl Action {
    /// The target's row.
    pub fn row(&self) -> &TargetRow {
        &self.rows[self.at]
    }
}

/// The targets outturns cannot grade, by reason: (grade, (region, `指标（year）`)); the region
/// shared with the target rows (a copy a target took some 40 bytes, and a plan without
/// outturns has every target here).
pub type Unassessed = Vec<(Status, Vec<(plansim_core::text::Shared, String)>)>;

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
    /// (hash of the row's key, the scenario's place in the batch, the row), sorted by hash and
    /// key and, for a key, in batch order: 24 bytes a row (a map of keys to lists of holders
    /// took some 280).
    rows: Vec<(u64, usize, &'a TargetRow)>,
    hasher: std::hash::RandomState,
}

/// A target's identity: region, plan, indicator, year and the target as printed, borrowed from
/// its row (a key copied as one text was some 200 bytes a target).
type Key<'a> = (&'a str, &'a str, &'a str, i32, &'a str);

fn key(r: &TargetRow) -> Key<'_> {
    (&r.region, &r.plan, &r.indicator, r.year, &r.target)
}

fn same_target(a: &TargetRow, b: &TargetRow) -> bool {
    key(a) == key(b)
}

impl<'a> Lookup<'a> {
    /// Indexes the rows of every scenario of the batch, in batch order.
    pub fn new(batch: &[(&'a Named, &'a [TargetRow])]) -> Lookup<'a> {
        let hasher = std::hash::RandomState::new();
        let mut rows: Vec<(u64, usize, &'a TargetRow)> = batch
            .iter()
            .enumerate()
            .flat_map(|(k, (_, rs))| rs.iter().map(move |r| (k, r)))
            .map(|(k, r)| (hasher.hash_one(key(r)), k, r))
            .collect();
        // a target's rows one run (its key after its hash, for keys that share one); stable:
        // in batch order, and a scenario's rows in table order
        rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| key(a.2).cmp(&key(b.2))));
        // a scenario holds a target once: its first row
        rows.dedup_by(|later, first| later.1 == first.1 && same_target(later.2, first.2));
        rows.shrink_to_fit();
        Lookup {
            labels: batch.iter().map(|(n, _)| n.label.as_str()).collect(),
            rows,
            hasher,
        }
    }

    /// The scenarios holding `r`'s target, in batch order: (scenario's place, its row).
    pub fn holders<'s>(
        &'s self,
        r: &'s TargetRow,
    ) -> impl Iterator<Item = (usize, &'a TargetRow)> + 's {
        let h = self.hasher.hash_one(key(r));
        let from = self.rows.partition_point(|e| e.0 < h);
        self.rows[from..]
            .iter()
            .take_while(move |e| e.0 == h)
            .filter(move |e| same_target(e.2, r))
            .map(|e| (e.1, e.2))
    }

    /// `t`'s row in each of `columns` (scenarios by their place in the batch), if they hold it.
    pub fn columns(&self, columns: &[usize], t: &TargetRow) -> Vec<Option<&'a TargetRow>> {
        let holders: Vec<(usize, &'a TargetRow)> = self.holders(t).collect();
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
pub fn section(
    own: &[(&Named, &std::sync::Arc<Vec<TargetRow>>)],
    batch: &Lookup,
    lang: Lang,
) -> Section {
    // (hash of the key, place in `own`, the scenario's place in `own`, the row's place):
    // 24 bytes a row
    type Seen = (u64, usize, u32, u32);
    let mut out = Section::default();
    // each target once, where it first appears: where some scenario's outturns put it
    // behind, that grade, else the first scenario's. Found by sorting the rows by their key,
    // its hash first (a map of keys took some 260 bytes a row)
    let hasher = std::hash::RandomState::new();
    let mut all: Vec<Seen> = Vec::with_capacity(own.iter().map(|(_, rows)| rows.len()).sum());
    let mut seq = 0;
    for (k, (_, rows)) in own.iter().enumerate() {
        for (at, r) in rows.iter().enumerate() {
            all.push((hasher.hash_one(key(r)), seq, k as u32, at as u32));
            seq += 1;
        }
    }
    let row = |e: &Seen| -> &TargetRow { &own[e.2 as usize].1[e.3 as usize] };
    // a target's rows one run, in the order they appear
    all.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| key(row(a)).cmp(&key(row(b))))
            .then(a.1.cmp(&b.1))
    });
    // (where the target first appears, the row picked for it)
    let mut picked: Vec<(usize, u32, u32)> = all
        .chunk_by(|a, b| a.0 == b.0 && same_target(row(a), row(b)))
        .map(|target| {
            let first = &target[0];
            let chosen = target
                .iter()
                .find(|e| row(e).status.needs_action())
                .unwrap_or(first);
            (first.1, chosen.2, chosen.3)
        })
        .collect();
    drop(all);
    picked.sort_unstable_by_key(|p| p.0);
    for (_, k, at) in picked {
        let (named, rows) = own[k as usize];
        let r = &rows[at as usize];
        match r.status {
            Status::InsufficientData | Status::Qualitative => {
                let label = (
                    r.region.clone(),
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
                    .map(|(k, x)| (batch.label(k).to_string(), line(x, lang)))
                    .collect();
                out.actions.push(Action {
                    rows: std::sync::Arc::clone(rows),
                    at: at as usize,
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
        let (a, b) = (a.row(), b.row());
        a.status
            .urgency()
            .cmp(&b.status.urgency())
            .then(a.gap.unwrap_or(0.0).total_cmp(&b.gap.unwrap_or(0.0)))
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
        // a fall as a fall: `需年均增长-4.12%` under `…降低` read as a rise
        let (rise, req) = (req >= 0.0, req.abs());
        let grow = match (r.pace_unit.as_str(), en) {
            ("% a year", false) => format!(
                "{span}年需年均{}{}%",
                if rise { "增长" } else { "下降" },
                number(req, Fixed(2))
            ),
            ("points a year", false) => format!(
                "{span}年需年均{}{}个百分点",
                if rise { "提高" } else { "降低" },
                number(req, Fixed(2))
            ),
            (_, false) if !rise => format!("{span}年需年均下降{}", pace(req, &r.pace_unit, lang)),
            (_, false) => format!("{span}年需{}", pace(req, &r.pace_unit, lang)),
            (_, true) if !rise => {
                format!("{span} needs a fall of {}", pace(req, &r.pace_unit, lang))
            }
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
