//! Nominal and real: outturns matched to a row on the basis its target states (its name, unit
//! or a note: `不变价`, `可比价`, `现价`, `名义`), the others set aside with a note; where only
//! the other basis exists, it grades the row and the reason says they differ.

use super::Row;
use super::words as say;
use crate::actuals::{How, Outturn};
use crate::lang::Text;
use crate::meaning::Meaning;
use crate::names::{Basis, Name, basis_of};

/// The basis an outturn states: its name's qualifier (`（%，名义）`), its value cell
/// (`9.4(名义)`) or a note.
pub(crate) fn of_outturn(o: &Outturn) -> Option<Basis> {
    Name::parse(&o.indicator)
        .basis()
        .or_else(|| basis_of(&o.text))
        .or_else(|| o.notes.iter().find_map(|n| basis_of(n)))
}

/// The row's outturns on one basis when they come on both: the target's, else real (a plan's
/// growth is at comparable prices unless it says otherwise). The note names what was set aside.
pub(crate) fn choose<'a>(
    m: &Meaning,
    matches: Vec<(&'a Outturn, How)>,
) -> (Vec<(&'a Outturn, How)>, Option<Text>) {
    let has = |b: Basis| matches.iter().any(|(o, _)| of_outturn(o) == Some(b));
    if !(has(Basis::Real) && has(Basis::Nominal)) {
        return (matches, None);
    }
    let used = m.basis.unwrap_or(Basis::Real);
    let (kept, aside): (Vec<_>, Vec<_>) = matches
        .into_iter()
        .partition(|(o, _)| of_outturn(o).is_none_or(|b| b == used));
    let mut years: Vec<i32> = aside.iter().map(|(o, _)| o.year).collect();
    years.sort_unstable();
    years.dedup();
    let years = match (years.first(), years.last()) {
        (Some(a), Some(b)) if (b - a) as usize + 1 == years.len() && a != b => format!("{a}–{b}"),
        _ => years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    };
    let note = say::basis_set_aside(used, &years, m.basis.is_some());
    (kept, Some(note))
}

impl Row<'_> {
    /// Notes where the outturns say nominal or real and the target does not, or says the other.
    pub(super) fn basis_note(&self, mut g: super::Grade) -> super::Grade {
        let Some(outturn) = self.matches.iter().find_map(|(o, _)| of_outturn(o)) else {
            return g;
        };
        if self.m.basis == Some(outturn) {
            return g;
        }
        let words = say::basis(outturn, self.m.basis);
        // the target states the other basis: the reason says so, not only a note
        if self.m.basis.is_some() && g.evidence_count > 0 {
            g.text = g.text.clone().then(&Text::same("; ").then(&words));
        }
        g.notes_text.insert(0, words);
        g
    }
}
