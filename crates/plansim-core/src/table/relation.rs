//! Targets stated against another indicator: `高于GDP增长`, `与GDP增长基本同步`,
//! `与经济增长同步`, `不低于地区生产总值增速`, `优于自治区平均水平`.

use serde::Serialize;

/// How a target relates to the indicator it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// `高于`, `快于`, `略高于`, `超过`, `跑赢`: strictly above the other.
    Above,
    /// `不低于`, `不慢于`, `不少于`: at or above the other.
    NotBelow,
    /// `与…同步`, `与…基本同步`, `与…相适应`, `与…持平`: in step with the other.
    InStep,
    /// `不高于`, `不快于`, `不超过`: at or below the other.
    NotAbove,
    /// `低于`, `慢于`: strictly below the other.
    Below,
    /// `优于`, `好于`: better than the other, in the indicator's own direction.
    Better,
}

impl Relation {
    /// Words for people, in a language: `above` / `高于`, `in step with` / `同步于`, …
    pub fn say(self, lang: crate::lang::Lang) -> &'static str {
        let (en, zh) = match self {
            Relation::Above => ("above", "高于"),
            Relation::NotBelow => ("not below", "不低于"),
            Relation::InStep => ("in step with", "同步于"),
            Relation::NotAbove => ("not above", "不高于"),
            Relation::Below => ("below", "低于"),
            Relation::Better => ("better than", "优于"),
        };
        lang.say(en, zh)
    }

    /// The English words (the outputs' data columns and JSON speak English).
    pub fn words(self) -> &'static str {
        self.say(crate::lang::Lang::En)
    }
}

/// Leading words that do not change the relation: `保持高于`, `力争快于`, `略高于`.
const LEAD: [&str; 7] = ["保持", "力争", "实现", "持续", "基本", "总体", "略"];

const COMPARE: [(&str, Relation); 14] = [
    ("不低于", Relation::NotBelow),
    ("不慢于", Relation::NotBelow),
    ("不少于", Relation::NotBelow),
    ("不高于", Relation::NotAbove),
    ("不快于", Relation::NotAbove),
    ("不超过", Relation::NotAbove),
    ("高于", Relation::Above),
    ("快于", Relation::Above),
    ("超过", Relation::Above),
    ("跑赢", Relation::Above),
    ("低于", Relation::Below),
    ("慢于", Relation::Below),
    ("优于", Relation::Better),
    ("好于", Relation::Better),
];

/// Endings of `与X同步`: the words after the other indicator.
const IN_STEP: [&str; 5] = ["同步", "相适应", "相协调", "相匹配", "持平"];

/// Reads folded text without digits as a relation: the relation and the other indicator as
/// printed. `None` when the text is not of that shape.
pub fn parse(s: &str) -> Option<(Relation, String)> {
    let mut rest = s;
    while let Some(r) = LEAD.iter().find_map(|w| rest.strip_prefix(w)) {
        rest = r;
    }
    for (word, rel) in COMPARE {
        if let Some(other) = rest.strip_prefix(word) {
            return named(other).map(|o| (rel, o));
        }
    }
    let other = ["与", "同", "和", "跟"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))?;
    let mut other = IN_STEP.iter().find_map(|w| other.strip_suffix(w))?;
    while let Some(r) = ["基本", "总体", "大体", "保持", "相"]
        .iter()
        .find_map(|w| other.strip_suffix(w))
    {
        other = r;
    }
    named(other).map(|o| (Relation::InStep, o))
}

/// The other indicator's words, when there are some.
fn named(other: &str) -> Option<String> {
    let other = other.trim_matches(|c: char| c.is_ascii_punctuation() || c == '、');
    (other.chars().count() >= 2).then(|| other.to_string())
}

/// A key under which names that mean the same statistic meet: `国内生产总值(GDP)增长`,
/// `GDP增长`, `地区生产总值增速` and `经济增长` all give `GDP增长`.
pub fn key(name: &str) -> String {
    let folded = super::normalize::fold(name);
    // words in parentheses qualify the name; `(GDP)` repeats it
    let mut plain = String::new();
    let mut depth = 0;
    for c in folded.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = i32::max(depth - 1, 0),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut k = plain.to_uppercase();
    for (from, to) in [
        ("国内生产总值", "GDP"),
        ("地区生产总值", "GDP"),
        ("生产总值", "GDP"),
        ("经济", "GDP"),
        ("增长率", "增长"),
        ("增速", "增长"),
        ("年均", ""),
    ] {
        k = k.replace(from, to);
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_and_the_indicator_they_name() {
        let cases = [
            ("高于GDP增长", Relation::Above, "GDP增长"),
            ("与GDP增长基本同步", Relation::InStep, "GDP增长"),
            ("与经济增长同步", Relation::InStep, "经济增长"),
            ("与经济增长保持同步", Relation::InStep, "经济增长"),
            ("保持略高于经济增长", Relation::Above, "经济增长"),
            (
                "不低于地区生产总值增速",
                Relation::NotBelow,
                "地区生产总值增速",
            ),
            ("优于自治区平均水平", Relation::Better, "自治区平均水平"),
            ("快于城镇居民收入增长", Relation::Above, "城镇居民收入增长"),
        ];
        for (text, rel, other) in cases {
            assert_eq!(parse(text), Some((rel, other.to_string())), "{text}");
        }
        for text in ["保持在合理区间", "逐年增加", "全覆盖", "高于", "同步"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn keys_meet_across_spellings() {
        for name in [
            "国内生产总值（GDP）增长",
            "GDP增长",
            "地区生产总值增速",
            "经济增长",
        ] {
            assert_eq!(key(name), "GDP增长", "{name}");
        }
        assert_ne!(key("居民人均可支配收入增长"), key("GDP增长"));
    }
}
