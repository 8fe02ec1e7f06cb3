//! The words names are matched with: change words, nominal and real.

use super::Basis;

/// Words at the end of a name that make it a year's change of the quantity before them,
/// longest first; `true` when a fall counts as positive.
pub(crate) const CHANGE_WORDS: [(&str, bool); 25] = [
    ("比上年变化", false),
    ("比上年增长", false),
    ("比上年提高", false),
    ("比上年下降", true),
    ("上升或下降", false),
    ("实际增长", false),
    ("名义增长", false),
    ("年均增长", false),
    ("累计增长", false),
    ("累计降低", true),
    ("累计下降", true),
    ("降低率", true),
    ("下降率", true),
    ("增长率", false),
    ("增速", false),
    ("增幅", false),
    ("增长", false),
    ("提高", false),
    ("上升", false),
    ("变化", false),
    ("降幅", true),
    ("降低", true),
    ("下降", true),
    ("减少", true),
    ("压减", true),
];

/// Nominal or real, from a qualifier, a name or a note: `名义`, `现价`, `未扣除价格因素`; `实际`,
/// `可比价`, `不变价`, `扣除价格因素`.
pub(crate) fn basis_of(text: &str) -> Option<Basis> {
    // `未扣除价格因素` before `扣除价格因素`, which it contains
    if ["名义", "现价", "当年价", "未扣除价格因素"]
        .iter()
        .any(|w| text.contains(w))
    {
        Some(Basis::Nominal)
    } else if ["实际", "可比价", "不变价", "扣除价格因素"]
        .iter()
        .any(|w| text.contains(w))
    {
        Some(Basis::Real)
    } else {
        None
    }
}
