//! Targets stated as a relation to another indicator (`高于GDP增长`, `与GDP增长基本同步`,
//! `不低于经济增长`): the table reads them into [`Form::Relational`]; here they become a
//! target kind, and [`same_indicator`] says which outturns are the other indicator's.

use crate::table::relation::key;
use crate::table::{Cell, Form};
use serde::Serialize;

use crate::table::relation::Relation as RelationKind;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
/// A target relative to another indicator's growth (`高于GDP增长`).
pub struct Relation {
    /// Above, in step with or below the other's.
    pub kind: RelationKind,
    /// The other indicator as the cell names it (`GDP增长`).
    pub other: String,
}

/// The relation a cell states, if it states one.
pub fn relation(cell: &Cell) -> Option<Relation> {
    match &cell.form {
        Form::Relational(r) => Some(Relation {
            kind: r.relation,
            other: r.other.clone(),
        }),
        _ => None,
    }
}

/// Whether a name is the relation's other indicator by the table's key for such names
/// (`国内生产总值增长（%）`, `GDP增长`, `地区生产总值增速` and `经济增长` meet).
pub(crate) fn same_indicator(relation: &Relation, name: &str) -> bool {
    key(name) == key(&relation.other)
}
