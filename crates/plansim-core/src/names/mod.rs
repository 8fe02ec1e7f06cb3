//! Indicator names, matched one way for check, project and assess. The table reader's name
//! parser (`crate::table::name::read`) reads numbering, marks, a trailing unit and its
//! qualifiers (`（%，全年平均）`, `（%，名义）`); here is what matching adds: full and half width,
//! Latin glosses (`（GDP）`), the alias list, the measure words that make a name a change of a
//! quantity (`…增长`, `…比上年变化`, `…降低`), and the nearest names for a name that matches
//! nothing.
pub(crate) mod aliases;
mod nearest;
mod words;

pub use aliases::Aliases;
pub use nearest::nearest;
pub(crate) use words::basis_of;

use crate::table::normalize::fold;
use serde::Serialize;

/// Nominal (current prices) or real (comparable prices): growth of one kind is not the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// At current prices.
    Nominal,
    /// At comparable prices.
    Real,
}

impl Basis {
    /// The word as Chinese documents print it (`名义`, `实际`).
    pub fn word(self) -> &'static str {
        match self {
            Basis::Nominal => "名义",
            Basis::Real => "实际",
        }
    }
}

/// What a name measures of its quantity: the quantity itself, or its change over a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// `常住人口城镇化率`, `地区生产总值`, `每万人口高价值发明专利拥有量`.
    Level,
    /// `国内生产总值增长`, `万元国内生产总值能耗比上年变化`; `falling` when the word counts a fall
    /// as positive (`降低`, `下降`, `减少`): a value 2.7 under it is a change of −2.7.
    Change {
        /// The word counts a fall as positive.
        falling: bool,
    },
}

/// A name as printed, with what it says beside the quantity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Name {
    /// The name as printed.
    pub raw: String,
    /// The name without numbering and without a trailing unit parenthetical, folded.
    pub stem: String,
    /// The unit read from the trailing parenthetical (`%` in `（%，全年平均）`).
    pub unit: Option<String>,
    /// The other words of that parenthetical (`全年平均`, `名义`, `年末`, `总量`).
    pub qualifiers: Vec<String>,
}

impl Name {
    /// Reads a name with the table reader's one name parser ([`crate::table::name::read`]):
    /// numbering, footnote marks, the unit in parentheses at the end and the words beside it.
    pub fn parse(raw: &str) -> Name {
        let (name, mut parts) = crate::table::name::read(raw);
        Name {
            raw: raw.to_string(),
            stem: fold(&name),
            unit: parts.unit.take(),
            qualifiers: std::mem::take(&mut parts.qualifiers),
        }
    }

    /// Nominal or real, from the qualifiers or the name's own words (`实际增长`).
    pub fn basis(&self) -> Option<Basis> {
        self.qualifiers
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(self.stem.as_str()))
            .find_map(words::basis_of)
    }
}

/// A name reduced for matching: folded, lower case, numbering, a trailing unit parenthetical,
/// Latin glosses (`(GDP)`, `(R&D)`) and quotation marks gone.
pub fn key(name: &str) -> String {
    let stem = Name::parse(name).stem;
    let mut out = String::with_capacity(stem.len());
    let mut rest = stem.as_str();
    while let Some(open) = rest.find('(') {
        let Some(len) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        out.push_str(&rest[..open]);
        if !is_gloss(inner) {
            out.push_str(&rest[open..=open + len]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out.retain(|c| !matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」'));
    out.to_lowercase()
}

/// A region or other plain name reduced for matching: folded and lower case.
pub(crate) fn plain_key(name: &str) -> String {
    fold(name).to_lowercase()
}

/// The quantity a key measures and how: `国内生产总值增长` → (`国内生产总值`, a change).
pub(crate) fn split_measure(key: &str) -> (&str, Measure) {
    for (word, falling) in words::CHANGE_WORDS {
        if let Some(q) = key.strip_suffix(word)
            && !q.is_empty()
        {
            return (q, Measure::Change { falling });
        }
    }
    (key, Measure::Level)
}

/// `(GDP)`, `(R&D)`, `(PM2.5)`: Latin letters that repeat the Chinese beside them; `(±%)`:
/// signs of a unit the name parser left in the name.
fn is_gloss(inner: &str) -> bool {
    let latin = inner.chars().any(|c| c.is_ascii_alphabetic())
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "&.+-_/ ".contains(c));
    let signs = inner.chars().all(|c| "±%‰+-".contains(c));
    !inner.is_empty() && (latin || signs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_units_and_qualifiers() {
        let n = Name::parse("8.城镇调查失业率（%，全年平均）");
        assert_eq!(n.stem, "城镇调查失业率");
        assert_eq!(n.unit.as_deref(), Some("%"));
        assert_eq!(n.qualifiers, ["全年平均"]);
        let n = Name::parse("R&D经费支出比上年增长（%，名义）");
        assert_eq!(
            (n.stem.as_str(), n.basis()),
            ("R&D经费支出比上年增长", Some(Basis::Nominal))
        );
        assert_eq!(
            Name::parse("居民人均可支配收入实际增长（%）").basis(),
            Some(Basis::Real)
        );
        assert_eq!(Name::parse("（3）森林覆盖率").stem, "森林覆盖率");
        assert_eq!(Name::parse("①森林覆盖率").stem, "森林覆盖率");
        assert_eq!(
            Name::parse("12、地区生产总值（亿元，总量）")
                .unit
                .as_deref(),
            Some("亿元")
        );
        // a parenthetical that is part of the name stays
        for name in [
            "每万人拥有高价值发明数(每万人发明专利拥有量)",
            "“煤改电”供暖工程改造单位(8个镇)",
            "5G基站",
        ] {
            assert_eq!(Name::parse(name).stem, fold(name), "{name}");
        }
    }

    #[test]
    fn keys_drop_glosses_numbering_and_units() {
        assert_eq!(
            key("1.国内生产总值（GDP）增长（%）"),
            key("国内生产总值增长（%）")
        );
        assert_eq!(
            key("研究与试验发展(R&D)经费投入强度"),
            "研究与试验发展经费投入强度"
        );
        assert_eq!(key("ＧＤＰ"), "gdp");
        assert_ne!(key("城镇登记失业率"), key("城镇调查失业率"));
    }

    #[test]
    fn measures() {
        let k = key("万元国内生产总值能耗比上年变化（%）");
        assert_eq!(
            split_measure(&k),
            ("万元国内生产总值能耗", Measure::Change { falling: false })
        );
        assert_eq!(
            split_measure("单位gdp能源消耗降低"),
            ("单位gdp能源消耗", Measure::Change { falling: true })
        );
        assert_eq!(split_measure("地区生产总值增长率").0, "地区生产总值");
        assert_eq!(
            split_measure("居民人均可支配收入实际增长").0,
            "居民人均可支配收入"
        );
        assert_eq!(
            split_measure("常住人口城镇化率"),
            ("常住人口城镇化率", Measure::Level)
        );
        // a bare change word is no quantity
        assert_eq!(split_measure("增长"), ("增长", Measure::Level));
    }
}
