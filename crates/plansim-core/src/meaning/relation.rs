//! Targets stated as a relation to another indicator's growth: `高于GDP增长`,
//! `与GDP增长基本同步`, `不低于经济增长`.

use crate::names::{Measure, key, split_measure};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// `高于`, `快于`: the mean growth above the other's.
    Above,
    /// `不低于`, `不慢于`: at least the other's.
    NotBelow,
    /// `与…同步`, `与…基本同步`: in step with the other's.
    InStep,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub kind: RelationKind,
    /// The other indicator as the cell names it (`GDP增长`).
    pub other: String,
}

/// Reads a relation from a cell's words; `None` unless the other term is a growth (`…增长`):
/// `高于全国平均水平` compares with a level elsewhere, which no outturn of this plan gives.
pub fn relation(text: &str) -> Option<Relation> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (kind, other) = if let Some(rest) = t.strip_prefix('与') {
        let other = ["基本同步", "保持同步", "同步"]
            .iter()
            .find_map(|w| rest.strip_suffix(w))?;
        (RelationKind::InStep, other.to_string())
    } else if let Some(rest) = t.strip_prefix("同步于") {
        (RelationKind::InStep, rest.to_string())
    } else if let Some(rest) = ["不低于", "不慢于"].iter().find_map(|w| t.strip_prefix(w)) {
        (RelationKind::NotBelow, rest.to_string())
    } else if let Some(rest) = ["高于", "快于", "超过"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
    {
        (RelationKind::Above, rest.to_string())
    } else {
        return None;
    };
    let other = other.trim_end_matches(['。', '，', ',']).to_string();
    matches!(split_measure(&key(&other)).1, Measure::Change { .. })
        .then_some(Relation { kind, other })
}
