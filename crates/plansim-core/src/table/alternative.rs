//! Footnotes that give a row's figure on another basis (`研究与试验发展经费支出占国内生产总值比重
//! 按经济普查前数据2005年为1.55%`): kept with the row, to be shown beside any grade that uses
//! the printed figure.

use super::indicator::Indicator;
use super::normalize::fold;
use super::notes::{Note, NoteEffect, NoteScope};

/// The basis and the figure a note's sentence gives: (`经济普查前数据`, `1.55%`).
pub fn alternative(note: &Note) -> Option<(String, String)> {
    let text = note.text.trim_end_matches(['。', '.', ' ']);
    let at = text.find('按')?;
    let is_at = text.rfind('为')?;
    let figure = text[is_at + '为'.len_utf8()..].trim();
    if is_at < at || !figure.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut basis = &text[at + '按'.len_utf8()..is_at];
    // the year the figure is of stays out of the basis: `经济普查前数据2005年`
    if let Some(y) = basis.find(|c: char| c.is_ascii_digit()) {
        basis = &basis[..y];
    }
    (!basis.is_empty()).then(|| (basis.to_string(), figure.to_string()))
}

/// Each sentence of the notes that opens with a row's name and gives its figure on another
/// basis is attached to that row (the longest name that opens it).
pub(super) fn attach(notes: &[Note], rows: &mut [Indicator]) {
    for note in notes {
        for sentence in note.text.split(['；', ';', '。']) {
            let folded = fold(sentence);
            let Some(name) = rows
                .iter()
                .map(|r| r.name.clone())
                .filter(|n| !n.is_empty() && folded.starts_with(&fold(n)))
                .max_by_key(String::len)
            else {
                continue;
            };
            let alt = Note {
                label: note.label.clone(),
                text: sentence.trim().to_string(),
                effect: NoteEffect::Remark,
                scope: NoteScope::Indicators {
                    names: vec![name.clone()],
                    year: None,
                },
                row: note.row,
            };
            if alternative(&alt).is_none() {
                continue;
            }
            for r in rows.iter_mut().filter(|r| r.name == name) {
                r.notes.push(alt.clone());
            }
        }
    }
}
