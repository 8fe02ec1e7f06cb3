//! Where a trend's σ came from (`sigma_source` in `assess`'s rows, the report's pages and its
//! workbook): kept as its parts and said in either language here, the one place the sentence
//! is written. It used to be an English string that each page translated back by parsing it.

use crate::format::significant;
use crate::lang::{Lang, Text};
use serde::{Serialize, Serializer};

/// What σ was measured on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Observed {
    /// The yearly changes (a level's growth, a share's points).
    Changes,
    /// The yearly values themselves (a yearly rate's mean over the period).
    Values,
    /// The yearly differences of two indicators (a target stated against another).
    Differences,
}

impl Observed {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Observed::Changes => ("changes", "逐年变化"),
            Observed::Values => ("values", "年度值"),
            Observed::Differences => ("differences", "年度差值"),
        }
    }
}

/// σ raised to its floor, the observed spread being smaller.
#[derive(Clone, Debug, PartialEq)]
pub struct Floor {
    /// What the floor is for (`shares` / `比重`).
    pub kind: Text,
    /// The floor and the observed σ, in `unit`.
    pub floor: f64,
    pub observed: f64,
    /// Their unit (`points a year` / `个百分点/年`).
    pub unit: Text,
}

/// Where σ came from: the spread of `m` observed yearly changes (or values, or differences)
/// from `first` to `last`, or the floor it was raised to.
#[derive(Clone, Debug, PartialEq)]
pub struct SigmaSource {
    pub observed: Observed,
    pub m: usize,
    pub first: i32,
    pub last: i32,
    pub floor: Option<Floor>,
}

impl SigmaSource {
    /// The sentence in a language: `sd of the 3 observed yearly changes (2021–2023)` /
    /// `2021–2023年3个逐年变化的标准差`.
    pub fn say(&self, lang: Lang) -> String {
        let years = if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}–{}", self.first, self.last)
        };
        let (what_en, what_zh) = self.observed.words();
        let m = self.m;
        match (&self.floor, lang) {
            (None, Lang::En) => format!("sd of the {m} observed yearly {what_en} ({years})"),
            (None, Lang::Zh) => format!("{years}年{m}个{what_zh}的标准差"),
            (Some(f), Lang::En) => format!(
                "floor for {} ({} {}): the sd of the {m} observed {what_en} ({years}) is {}",
                f.kind.en,
                significant(f.floor),
                f.unit.en,
                significant(f.observed)
            ),
            (Some(f), Lang::Zh) => format!(
                "{}的σ下限{}{}：{years}年{m}个{what_zh}的标准差仅为{}",
                f.kind.zh,
                significant(f.floor),
                f.unit.zh,
                significant(f.observed)
            ),
        }
    }
}

/// Written as its English sentence, as `assess` has always written `sigma_source` in JSON.
impl Serialize for SigmaSource {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.say(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(observed: Observed, floor: Option<Floor>) -> SigmaSource {
        SigmaSource {
            observed,
            m: 3,
            first: 2021,
            last: 2023,
            floor,
        }
    }

    #[test]
    fn a_sigma_source_reads_in_either_language() {
        let s = source(Observed::Changes, None);
        assert_eq!(
            s.say(Lang::En),
            "sd of the 3 observed yearly changes (2021–2023)"
        );
        assert_eq!(s.say(Lang::Zh), "2021–2023年3个逐年变化的标准差");
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            "\"sd of the 3 observed yearly changes (2021–2023)\""
        );
        let s = source(Observed::Values, None);
        assert_eq!(s.say(Lang::Zh), "2021–2023年3个年度值的标准差");
        let floor = Floor {
            kind: Text::new("shares".into(), "比重".into()),
            floor: 0.2,
            observed: 0.05,
            unit: Text::new("points a year".into(), "个百分点/年".into()),
        };
        let s = source(Observed::Differences, Some(floor));
        assert_eq!(
            s.say(Lang::En),
            "floor for shares (0.2 points a year): the sd of the 3 observed differences \
             (2021–2023) is 0.05"
        );
        assert_eq!(
            s.say(Lang::Zh),
            "比重的σ下限0.2个百分点/年：2021–2023年3个年度差值的标准差仅为0.05"
        );
    }
}
