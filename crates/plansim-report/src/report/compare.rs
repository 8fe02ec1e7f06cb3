//! The index's comparison: per indicator, its plan-period target (to 2025) and its long-range
//! goal (after 2025), and under each scenario its grade where the scenario's outturns grade it
//! differently, its P(meet | scenario) and the change against the baseline scenario in points.

use super::action::{Lookup, Named};
use super::page::Summary;
use super::rows::{Reach, TargetRow};
use plansim_core::assess::Status;
use plansim_core::format::{Digits, chance, number};
use plansim_core::lang::Lang;
use std::collections::HashMap;
use std::fmt::Write;

/// One indicator across the scenarios that hold its region.
pub struct Line<'a> {
    pub region: &'a str,
    pub plan: &'a str,
    pub name: &'a str,
    /// The plan-period target and the goal after 2025, as the baseline (else the first
    /// scenario holding it) has them.
    pub near: Option<&'a TargetRow>,
    pub far: Option<&'a TargetRow>,
    /// Per column of its block: that scenario's row for `near` and for `far`.
    pub cells: Vec<(Option<&'a TargetRow>, Option<&'a TargetRow>)>,
}

/// A region's indicators under the scenarios that hold it: one table each, so a batch of
/// every county compares each county's scenarios and never draws a column per county.
pub struct Block<'a> {
    pub region: &'a str,
    /// The scenarios holding the region, by their place in the batch.
    pub columns: Vec<usize>,
    /// The column the others are measured against.
    pub base: usize,
    pub lines: Vec<Line<'a>>,
}

/// The scenario the others are measured against: the batch's reference (`report --against`,
/// else the one the others extend), else the one named `baseline`, else the first.
pub fn baseline(summaries: &[Summary]) -> usize {
    summaries
        .iter()
        .position(|s| s.reference)
        .or_else(|| summaries.iter().position(|s| s.name == "baseline"))
        .unwrap_or(0)
}

/// Every simulated indicator by region, in first-seen order; regions held by one scenario
/// only have nothing to compare and are left out (their pages show them).
pub fn blocks<'a>(summaries: &'a [Summary], lang: Lang) -> Vec<Block<'a>> {
    let base = baseline(summaries);
    let mut order: Vec<usize> = (0..summaries.len()).collect();
    order.swap(0, base);
    let mut blocks: Vec<Block> = Vec::new();
    let mut block_of: HashMap<&str, usize> = HashMap::new();
    let mut line_of: HashMap<(&str, &str, &str), (usize, usize)> = HashMap::new();
    for &k in &order {
        for r in summaries[k].rows.iter().filter(|r| r.probability.is_some()) {
            let b = *block_of.entry(&r.region).or_insert_with(|| {
                blocks.push(Block {
                    region: &r.region,
                    columns: Vec::new(),
                    base: 0,
                    lines: Vec::new(),
                });
                blocks.len() - 1
            });
            let block = &mut blocks[b];
            if !block.columns.contains(&k) {
                block.columns.push(k);
            }
            let name = r.name(lang);
            let (_, i) = *line_of
                .entry((&r.region, &r.plan, name))
                .or_insert_with(|| {
                    block.lines.push(Line {
                        region: &r.region,
                        plan: &r.plan,
                        name,
                        near: None,
                        far: None,
                        cells: Vec::new(),
                    });
                    (b, block.lines.len() - 1)
                });
            let line = &mut block.lines[i];
            let slot = if r.year <= 2025 {
                &mut line.near
            } else {
                &mut line.far
            };
            if slot.is_none() {
                *slot = Some(r);
            }
        }
    }
    blocks.retain(|b| b.columns.len() > 1);
    let rows: Vec<(&Named, &[TargetRow])> =
        summaries.iter().map(|s| (&s.named, &s.rows[..])).collect();
    let by_target = Lookup::new(&rows);
    for block in &mut blocks {
        // columns in batch order; the baseline (or the first holder) is the base
        block.columns.sort_unstable();
        block.base = block.columns.iter().position(|&k| k == base).unwrap_or(0);
        for l in &mut block.lines {
            let near = l.near.map(|t| by_target.columns(&block.columns, t));
            let far = l.far.map(|t| by_target.columns(&block.columns, t));
            l.cells = (0..block.columns.len())
                .map(|c| {
                    (
                        near.as_ref().and_then(|v| v[c]),
                        far.as_ref().and_then(|v| v[c]),
                    )
                })
                .collect();
        }
    }
    blocks
}
/// `46%`, with `+3` points against the baseline's P and the scenario's grade where its
/// outturns grade the target otherwise than the baseline's.
fn cell(r: Option<&TargetRow>, base: Option<&TargetRow>, lang: Lang) -> (String, String) {
    let Some(r) = r else {
        return (String::new(), String::new());
    };
    let mut text = r.probability.map(chance).unwrap_or_default();
    if let (Some(p), Some(b)) = (r.probability, base.and_then(|b| b.probability)) {
        let d = (p - b) * 100.0;
        if !std::ptr::eq(r, base.unwrap_or(r)) && d.abs() >= 0.5 {
            let _ = if lang.is_en() {
                write!(text, " ({d:+.0})")
            } else {
                write!(text, "（{d:+.0}）")
            };
        }
    }
    if let Some(b) = base.filter(|b| !std::ptr::eq(r, *b)) {
        let years = sooner(r.reach, b.reach, lang);
        if !years.is_empty() {
            text.push(' ');
            text.push_str(&years);
        }
    }
    let grade = match base {
        Some(b) if b.status == r.status => String::new(),
        _ if matches!(r.status, Status::InsufficientData | Status::Qualitative) => String::new(),
        _ => r.status.label(lang).to_string(),
    };
    (text, grade)
}

/// When a scenario's projection meets the target against the baseline's, where both are
/// projected: `早2年`, `晚1年`, `至2035年未达到`, `2031年达到` (the baseline's never does);
/// empty where they meet it in the same year or neither does.
pub fn sooner(r: Option<Reach>, base: Option<Reach>, lang: Lang) -> String {
    match (r, base, lang.is_en()) {
        (Some(Reach::In(y)), Some(Reach::In(b)), _) if y == b => String::new(),
        (Some(Reach::In(y)), Some(Reach::In(b)), false) if y < b => format!("早{}年", b - y),
        (Some(Reach::In(y)), Some(Reach::In(b)), false) => format!("晚{}年", y - b),
        (Some(Reach::In(y)), Some(Reach::In(b)), true) => {
            let n = (b - y).abs();
            let s = if n == 1 { "" } else { "s" };
            let way = if y < b { "earlier" } else { "later" };
            format!("{n} year{s} {way}")
        }
        (Some(r @ Reach::NotBy(_)), Some(Reach::In(_)), _)
        | (Some(r @ Reach::In(_)), Some(Reach::NotBy(_)), _) => r.say(lang),
        _ => String::new(),
    }
}

/// The long-range cell where no goal after 2025 is set: the scenario's projection at its
/// horizon, and its difference from the baseline scenario's in percent.
fn horizon_cell(
    r: Option<&TargetRow>,
    base: Option<&TargetRow>,
    is_base: bool,
    lang: Lang,
) -> String {
    let Some((year, v)) = r.and_then(|r| r.at_horizon) else {
        return String::new();
    };
    let shown = number(v, Digits::Column);
    let mut text = if lang.is_en() {
        format!("{year}: {shown}")
    } else {
        format!("{year}年：{shown}")
    };
    if let Some((_, b)) = base.and_then(|b| b.at_horizon)
        && b != 0.0
        && !is_base
    {
        let d = (v / b - 1.0) * 100.0;
        if d.abs() >= 0.05 {
            let _ = if lang.is_en() {
                write!(text, " ({d:+.1}%)")
            } else {
                write!(text, "（{d:+.1}%）")
            };
        }
    }
    text
}

impl Block<'_> {
    /// ` (against 分期增速)` where the batch's baseline does not hold the region.
    pub fn against(&self, summaries: &[Summary], lang: Lang) -> String {
        let k = self.columns[self.base];
        if k == baseline(summaries) {
            return String::new();
        }
        let label = &summaries[k].named.label;
        if lang.is_en() {
            format!(" (against {label})")
        } else {
            format!("（对照：{label}）")
        }
    }

    /// The column scenarios' labels.
    pub fn labels<'s>(&self, summaries: &'s [Summary]) -> Vec<&'s str> {
        self.columns
            .iter()
            .map(|&k| summaries[k].named.label.as_str())
            .collect()
    }
}

/// A scenario's two cells of a line: P(meet) with the change against the base column, and
/// the grade where its outturns grade the target otherwise.
pub struct Cell {
    pub near: String,
    pub far: String,
    pub near_grade: String,
    pub far_grade: String,
}

impl Cell {
    /// Both grades, for Markdown's single cell.
    pub fn grades(&self) -> String {
        [&self.near_grade, &self.far_grade]
            .into_iter()
            .filter(|g| !g.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl<'a> Line<'a> {
    /// The grade shown for the line: its plan-period target's, else its goal's.
    pub fn grade(&self) -> Option<Status> {
        self.near.or(self.far).map(|r| r.status)
    }

    /// `2025 430亿`: a target's year and the target as printed.
    pub fn target(&self, t: Option<&TargetRow>) -> String {
        t.map(|t| format!("{} {}", t.year, t.target))
            .unwrap_or_default()
    }

    /// Every column's cells against column `base`; where no goal after 2025 is set, the far
    /// cell is the projection at the horizon.
    pub fn shown(&self, base: usize, lang: Lang) -> Vec<Cell> {
        let (bn, bf) = self.cells[base];
        self.cells
            .iter()
            .enumerate()
            .map(|(k, &(near_row, far_row))| {
                let (near, near_grade) = cell(near_row, bn, lang);
                let (mut far, far_grade) = cell(far_row, bf, lang);
                if self.far.is_none() {
                    far = horizon_cell(near_row, bn, k == base, lang);
                }
                Cell {
                    near,
                    far,
                    near_grade,
                    far_grade,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{Reach, sooner};
    use plansim_core::lang::Lang;

    #[test]
    fn years_earlier_or_later_against_the_baseline() {
        let (r2023, r2025) = (Some(Reach::In(2023)), Some(Reach::In(2025)));
        let never = Some(Reach::NotBy(2035));
        // 2025 − 2023 = 2 years sooner than the baseline; the baseline is 2 years later
        assert_eq!(sooner(r2023, r2025, Lang::Zh), "早2年");
        assert_eq!(sooner(r2023, r2025, Lang::En), "2 years earlier");
        assert_eq!(sooner(r2025, r2023, Lang::Zh), "晚2年");
        assert_eq!(
            sooner(Some(Reach::In(2026)), r2025, Lang::En),
            "1 year later"
        );
        assert_eq!(sooner(never, r2025, Lang::Zh), "至2035年未达到");
        assert_eq!(sooner(never, r2025, Lang::En), "not reached by 2035");
        assert_eq!(sooner(r2023, never, Lang::Zh), "2023年达到");
        // the same year, neither reaching it, or one side not projected: nothing to say
        assert_eq!(sooner(r2025, r2025, Lang::Zh), "");
        assert_eq!(sooner(never, never, Lang::En), "");
        assert_eq!(sooner(None, r2025, Lang::Zh), "");
        assert_eq!(sooner(r2025, None, Lang::Zh), "");
    }
}
