//! What only some printed names carry, and a name's parts in JSON: one flat object as before
//! they moved behind a pointer.

use super::name::NameParts;
use super::rare::Empty;
use serde::Serialize;
use std::ops::{Deref, DerefMut};

/// A name's numbering, unit, qualifiers, marks and parent; read through [`NameParts`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameDetails {
    /// The numbering printed before the name: `1` of `1.`, `25` of `（25）`, `①`.
    pub number: Option<String>,
    /// The unit printed in parentheses at the end: `%` of `常住人口城镇化率（%）`.
    pub unit: Option<String>,
    /// Words in parentheses that qualify the name and stay in it: `GDP` of
    /// `国内生产总值（GDP）增长`, `助理` of `每千人口拥有执业（助理）医师数`; also words beside
    /// the unit (`按可比价` of `（%，按可比价）`).
    pub qualifiers: Vec<String>,
    /// Footnote marks printed after the name.
    pub marks: Vec<String>,
    /// The row this one is a sub-item of (merged over it in the document): `主要污染物排放总量
    /// 减少` for `化学需氧量`. The indicator's name is then `主要污染物排放总量减少：化学需氧量`.
    pub parent: Option<String>,
    /// The unit's parenthesis as printed (`（%）`), to give back to a name whose unit column
    /// says otherwise.
    pub(crate) unit_printed: Option<String>,
}

static EMPTY: NameDetails = NameDetails {
    number: None,
    unit: None,
    qualifiers: Vec::new(),
    marks: Vec::new(),
    parent: None,
    unit_printed: None,
};

impl Empty for NameDetails {
    fn empty() -> &'static NameDetails {
        &EMPTY
    }
}

impl Deref for NameParts {
    type Target = NameDetails;

    fn deref(&self) -> &NameDetails {
        &self.details
    }
}

impl DerefMut for NameParts {
    fn deref_mut(&mut self) -> &mut NameDetails {
        &mut self.details
    }
}

impl NameParts {
    /// Lets the details go when nothing is in them.
    pub(crate) fn shrink(&mut self) {
        self.details.shrink();
    }
}

/// The JSON of a name's parts, fields in their order of old.
#[derive(Serialize)]
struct Flat<'a> {
    printed: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    qualifiers: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    marks: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
}

impl Serialize for NameParts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Flat {
            printed: &self.printed,
            number: self.number.as_deref(),
            unit: self.unit.as_deref(),
            qualifiers: &self.qualifiers,
            marks: &self.marks,
            parent: self.parent.as_deref(),
        }
        .serialize(s)
    }
}
