//! A cell most tables do not have: an achievement table's outcome columns.

use super::notation::{Cell, Form};
use super::rare::Rare;
use serde::Serialize;
use std::ops::Deref;

/// The empty cell every absent [`RareCell`] reads as.
static NONE: Cell = Cell {
    raw: String::new(),
    form: Form::None,
    magnitude: None,
    percent: false,
    preliminary: false,
    details: Rare::NONE,
};

/// A [`Cell`] held only when it says something; empty it reads as [`Cell::none`]. A row of a
/// plan table then carries a pointer, not two empty cells inline: a quarter of each row's
/// memory, and what a table of a million rows needs to fit in a gigabyte.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RareCell(Option<Box<Cell>>);

impl Deref for RareCell {
    type Target = Cell;

    fn deref(&self) -> &Cell {
        self.0.as_deref().unwrap_or(&NONE)
    }
}

impl From<Cell> for RareCell {
    fn from(cell: Cell) -> RareCell {
        RareCell((cell != NONE).then(|| Box::new(cell)))
    }
}

impl Serialize for RareCell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_cell_is_not_held_and_reads_as_none() {
        let empty = RareCell::from(Cell::none());
        assert!(empty.0.is_none());
        assert_eq!(*empty, Cell::none());
        let filled = RareCell::from("9.5".parse::<Cell>().unwrap());
        assert_eq!(filled.raw, "9.5");
        assert!(!filled.is_none());
        assert_eq!(
            serde_json::to_string(&filled).unwrap(),
            serde_json::to_string(&"9.5".parse::<Cell>().unwrap()).unwrap()
        );
    }
}
