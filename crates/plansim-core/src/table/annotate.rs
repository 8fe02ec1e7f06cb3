//! After the rows are read: the notes under the table applied to the cells they speak of, the
//! years of period totals, and the rows that relational targets name.

use super::indicator::Indicator;
use super::marks::is_circled;
use super::normalize::fold;
use super::notation::{Cell, Form};
use super::notes::{Note, NoteEffect, NoteScope, year_named};
use super::{Warning, relation};

/// Which cell of a row.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Base,
    Target,
    Rate,
}

const SLOTS: [Slot; 3] = [Slot::Base, Slot::Target, Slot::Rate];

fn cell_mut(ind: &mut Indicator, slot: Slot) -> &mut Cell {
    match slot {
        Slot::Base => &mut ind.base,
        Slot::Target => &mut ind.target,
        Slot::Rate => &mut ind.rate,
    }
}

/// Applies the table's notes to its rows, and settles what depends on the whole table.
pub(crate) fn apply(notes: &mut [Note], inds: &mut [Indicator], warnings: &mut Vec<Warning>) {
    let only = notes.len() == 1;
    for note in notes.iter_mut() {
        resolve_scope(note, inds, only);
    }
    for ind in inds.iter_mut() {
        for slot in SLOTS {
            span_period(ind, slot, notes);
        }
        for note in notes.iter() {
            apply_note(ind, note);
        }
        if let Some(year) = ind.base.year {
            ind.base_year = year;
        }
    }
    resolve_relations(inds);
    unexplained_marks(inds, notes, warnings);
}

/// A note that names no mark and no brackets applies to the cells carrying its label (`①`),
/// else to the rows it names, else to the whole table.
fn resolve_scope(note: &mut Note, inds: &[Indicator], only: bool) {
    if note.scope != NoteScope::Table {
        return;
    }
    if only && note.label.is_empty() && inds.iter().any(|i| carries(i, "注")) {
        note.scope = NoteScope::Mark { mark: "注".into() };
        return;
    }
    // `60.6①` under a note `①…`; `60.6注1` under `注：1.…`; `60.6注` under the only note
    let mut marks = Vec::new();
    if !note.label.is_empty() {
        marks.push(format!("注{}", note.label));
    }
    if note.label.chars().count() == 1 && note.label.chars().all(is_circled) {
        marks.push(note.label.clone());
    }
    if let Some(mark) = marks
        .into_iter()
        .find(|m| inds.iter().any(|i| carries(i, m)))
    {
        note.scope = NoteScope::Mark { mark };
        return;
    }
    let text = fold(&note.text);
    let mut names: Vec<String> = Vec::new();
    for ind in inds {
        if !names.contains(&ind.name) && names_row(&text, ind) {
            names.push(ind.name.clone());
        }
    }
    if !names.is_empty() {
        note.scope = NoteScope::Indicators {
            names,
            year: year_named(&text),
        };
    }
}

/// Whether a row or one of its cells carries a mark.
fn carries(ind: &Indicator, mark: &str) -> bool {
    ind.name_parts.marks.iter().any(|m| m == mark)
        || [&ind.base, &ind.target, &ind.rate]
            .iter()
            .any(|c| c.marks.iter().any(|m| m == mark))
}

/// Whether a note's (folded) text names a row: its name, with or without the words in
/// parentheses.
fn names_row(text: &str, ind: &Indicator) -> bool {
    let own = ind.name.rsplit('：').next().unwrap_or(&ind.name);
    let folded = fold(own);
    let plain: String = strip_parentheses(&folded);
    // a growth row is named by its rate too: `全社会研发经费投入增速按不变价格计算` speaks of
    // `全社会研发经费投入增长`
    let growth = ["增长", "增速"].iter().find_map(|w| plain.strip_suffix(w));
    let as_rate = growth.is_some_and(|stem| {
        stem.chars().count() >= 4
            && ["增长", "增速"]
                .iter()
                .any(|w| text.contains(&format!("{stem}{w}")))
    });
    as_rate
        || [&folded, &plain]
            .iter()
            .any(|n| n.chars().count() >= 3 && text.contains(n.as_str()))
}

fn strip_parentheses(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = i32::max(depth - 1, 0),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The years a period total covers: the plan period for a target or rate (2021–2025 in a
/// 2020→2025 row), the period ending at the base year for a base (`〔17.7〕` under 2025年: five
/// years to 2025); a note's `5年累计数` sets the length.
fn span_period(ind: &mut Indicator, slot: Slot, notes: &[Note]) {
    let (base_year, target_year) = (ind.base_year, ind.target_year);
    let cell = cell_mut(ind, slot);
    if !cell.is_period_total() || cell.period_years.is_some() {
        return;
    }
    let noted = notes.iter().find_map(|n| match (&n.scope, &n.effect) {
        (NoteScope::Brackets, NoteEffect::PeriodTotal { years }) if in_brackets(cell) => {
            Some(*years)
        }
        _ => None,
    });
    let plan = target_year - base_year;
    let years = noted.unwrap_or(if plan > 0 { plan } else { 5 });
    cell.period_years = match slot {
        Slot::Base if base_year > 0 => Some([base_year - years + 1, base_year]),
        Slot::Target | Slot::Rate if target_year > 0 => {
            Some([target_year - years + 1, target_year])
        }
        _ => None,
    };
}

fn in_brackets(cell: &Cell) -> bool {
    fold(&cell.raw).contains('[')
}

fn apply_note(ind: &mut Indicator, note: &Note) {
    match &note.scope {
        NoteScope::Mark { mark } => {
            if ind.name_parts.marks.iter().any(|m| m == mark) {
                ind.notes.push(note.clone());
            }
            for slot in SLOTS {
                let cell = cell_mut(ind, slot);
                if cell.marks.iter().any(|m| m == mark) {
                    give(cell, note);
                }
            }
        }
        NoteScope::Brackets => {
            for slot in SLOTS {
                let cell = cell_mut(ind, slot);
                if in_brackets(cell) {
                    give(cell, note);
                }
            }
        }
        NoteScope::Indicators { names, year } => {
            if !names.contains(&ind.name) {
                return;
            }
            // the cell of the year named, else the row; a preliminary figure is a baseline
            let slot = match (year, &note.effect) {
                (Some(y), _) if *y == ind.base_year => Some(Slot::Base),
                (Some(y), _) if *y == ind.target_year => Some(Slot::Target),
                (None, NoteEffect::Preliminary) => Some(Slot::Base),
                _ => None,
            };
            match slot {
                Some(slot) => give(cell_mut(ind, slot), note),
                None => ind.notes.push(note.clone()),
            }
        }
        // `2020年为预计数` under a table based in 2020: its baselines are preliminary
        NoteScope::Table
            if note.effect == NoteEffect::Preliminary
                && ind.base.is_numeric()
                && note.text.contains(&format!("{}年", ind.base_year)) =>
        {
            give(&mut ind.base, note)
        }
        NoteScope::Table => ind.notes.push(note.clone()),
    }
}

/// A note's effect on a cell, and the note kept with it.
fn give(cell: &mut Cell, note: &Note) {
    match note.effect {
        NoteEffect::Year { year } => cell.year = Some(year),
        NoteEffect::Preliminary => cell.preliminary = true,
        NoteEffect::PeriodTotal { .. } | NoteEffect::Remark => {}
    }
    cell.notes.push(note.clone());
}

/// `高于GDP增长` names a row of the table: `国内生产总值（GDP）增长`.
fn resolve_relations(inds: &mut [Indicator]) {
    // the keys of every row (112 bytes a row at once) only for a table that has such a target
    let relational = |i: &Indicator| {
        [&i.base, &i.target, &i.rate]
            .iter()
            .any(|c| c.is_relational())
    };
    if !inds.iter().any(relational) {
        return;
    }
    let keys: Vec<(String, String)> = inds
        .iter()
        .map(|i| (relation::key(&i.name), i.name.clone()))
        .collect();
    for ind in inds.iter_mut() {
        let own = ind.name.clone();
        for slot in SLOTS {
            if let Form::Relational(r) = &mut cell_mut(ind, slot).form {
                let k = relation::key(&r.other);
                r.indicator = keys
                    .iter()
                    .find(|(key, name)| *key == k && *name != own)
                    .map(|(_, name)| name.clone());
            }
        }
    }
}

/// A mark no note speaks of is reported: the value is read, but what the mark says is not.
fn unexplained_marks(inds: &[Indicator], notes: &[Note], warnings: &mut Vec<Warning>) {
    let explained = |mark: &str| {
        notes
            .iter()
            .any(|n| matches!(&n.scope, NoteScope::Mark { mark: m } if m == mark))
    };
    let mut seen: Vec<(usize, String)> = Vec::new();
    for ind in inds {
        for (what, cell) in [
            ("base", &ind.base),
            ("target", &ind.target),
            ("rate", &ind.rate),
        ] {
            for mark in &cell.marks {
                let preliminary_words = mark.contains("预计");
                if preliminary_words || explained(mark) || seen.contains(&(ind.row, mark.clone())) {
                    continue;
                }
                seen.push((ind.row, mark.clone()));
                warnings.push(Warning {
                    row: ind.row,
                    column: 0,
                    header: what.to_string(),
                    text: cell.raw.clone(),
                    message: format!(
                        "the mark `{mark}` is read off the value, but no note under the table \
                         says what it means (a note such as `带{mark}的为2019年数据`)"
                    ),
                    message_zh: format!(
                        "标记 `{mark}` 已从数值中读出，但表下没有注释说明其含义（如 \
                         `带{mark}的为2019年数据`）"
                    ),
                });
            }
        }
    }
}
