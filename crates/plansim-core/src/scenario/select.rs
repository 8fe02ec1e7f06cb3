//! Which indicators a rule reaches: by name, category, attribute and region, and by kind —
//! a rule on a whole category reaches levels (GDP, investment, counts) and not shares (城镇化率)
//! unless it asks for them — with the nearest names when a name matches nothing.

use super::located;
use crate::series::Series;
use crate::table::Attribute;
/// Moved to [`crate::text`], the bottom layer; kept here for code written against this path.
use serde::{Deserialize, Serialize};

/// Which kind of indicator a rule reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Amounts, counts, indices: everything that is not a share.
    Levels,
    /// Shares and rates in % or ‰ that stay under their ceiling (城镇化率, 森林覆盖率).
    Shares,
    /// Levels and shares alike.
    All,
}

impl Kind {
    /// The kind of a series: a share when its unit has a ceiling.
    pub fn of(s: &Series) -> Kind {
        if s.ceiling.is_some() {
            Kind::Shares
        } else {
            Kind::Levels
        }
    }

    /// The word scenarios write for the kind.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Levels => "levels",
            Kind::Shares => "shares",
            Kind::All => "all",
        }
    }
}

/// Which indicators a rule applies to; all given fields must match.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Selector {
    /// An indicator's name as in the table (or its `indicator_en`).
    pub indicator: Option<String>,
    /// A category as in the table.
    pub category: Option<String>,
    /// `约束性`/`binding` or `预期性`/`expected`.
    pub attribute: Option<String>,
    /// One region, a list, or `"*"` for every region.
    #[serde(default, deserialize_with = "located::names")]
    pub region: Option<Vec<String>>,
    /// Default: every kind for a rule naming an indicator, levels otherwise.
    pub kind: Option<Kind>,
}

/// The region word that reaches every region on purpose.
pub(crate) const EVERY_REGION: &str = "*";

impl Selector {
    /// Whether the rule reaches the series, by names and kind.
    pub fn matches(&self, s: &Series) -> bool {
        self.matches_names(s) && self.kind_matches(s)
    }

    /// [`Selector::matches`] on a rule's fields as they are, without a `Selector` made of
    /// copies (a scenario of 40,000 rules asks it of every rule for every series).
    pub(crate) fn reaches(
        indicator: &Option<String>,
        category: &Option<String>,
        attribute: &Option<String>,
        region: &Option<Vec<String>>,
        kind: Option<Kind>,
        s: &Series,
    ) -> bool {
        // cheap mismatches first; the full test on the rare rule that may match
        let named = indicator.as_deref().is_none_or(|i| s.named(i));
        named
            && category.as_deref().is_none_or(|c| c == s.category)
            && Selector {
                indicator: indicator.clone(),
                category: category.clone(),
                attribute: attribute.clone(),
                region: region.clone(),
                kind,
            }
            .matches(s)
    }

    /// Every field but the kind.
    pub(crate) fn matches_names(&self, s: &Series) -> bool {
        let attr_ok = self
            .attribute
            .as_deref()
            .is_none_or(|a| Attribute::parse(a).is_some_and(|a| a == s.attribute));
        self.indicator.as_deref().is_none_or(|i| s.named(i))
            && self.category.as_deref().is_none_or(|c| c == s.category)
            && self
                .region
                .as_ref()
                .is_none_or(|r| r.iter().any(|r| r == EVERY_REGION || *r == s.region))
            && attr_ok
    }

    /// The kind a rule reaches when it does not say.
    pub fn kind(&self) -> Kind {
        self.kind.unwrap_or(if self.indicator.is_some() {
            Kind::All
        } else {
            Kind::Levels
        })
    }

    fn kind_matches(&self, s: &Series) -> bool {
        match self.kind() {
            Kind::All => true,
            k => k == Kind::of(s),
        }
    }

    /// Whether the rule names its regions (or `"*"`): it then may span several on purpose.
    pub(crate) fn names_regions(&self) -> bool {
        self.region.is_some()
    }
}
