//! The words names are read with: units, qualifiers, change words.

use super::Basis;

/// Words at the end of a name that make it a year's change of the quantity before them,
/// longest first; `true` when a fall counts as positive.
pub const CHANGE_WORDS: [(&str, bool); 25] = [
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

/// Qualifiers a trailing parenthetical may hold besides the unit.
const QUALIFIERS: [&str; 22] = [
    "名义",
    "实际",
    "现价",
    "当年价",
    "当年价格",
    "可比价",
    "可比价格",
    "按可比价格计算",
    "不变价",
    "全年平均",
    "年平均",
    "平均",
    "年末",
    "年底",
    "期末",
    "总量",
    "预计",
    "初步核算",
    "同比",
    "累计",
    "五年累计",
    "±",
];

const UNIT_WORDS: [&str; 52] = [
    "元",
    "美元",
    "人",
    "万人",
    "人次",
    "件",
    "个",
    "岁",
    "年",
    "天",
    "日",
    "月",
    "小时",
    "吨",
    "吨标准煤",
    "标准煤",
    "标煤",
    "斤",
    "公斤",
    "亩",
    "公顷",
    "公里",
    "千米",
    "米",
    "平方米",
    "平方公里",
    "立方米",
    "户",
    "家",
    "所",
    "张",
    "床",
    "千瓦",
    "千瓦时",
    "瓦",
    "台",
    "套",
    "辆",
    "座",
    "条",
    "项",
    "只",
    "头",
    "口",
    "部",
    "册",
    "场",
    "批",
    "次",
    "倍",
    "个百分点",
    "百分点",
];

/// A unit as printed in a parenthetical: `%`, `±%`, `‰`, `件`, `亿元`, `亿吨标准煤`, `件/万人`.
pub fn is_unit(p: &str) -> bool {
    let p = p.trim_start_matches('±');
    if matches!(p, "%" | "‰") {
        return true;
    }
    if p.contains('/') {
        return p.chars().count() <= 10 && !p.chars().any(|c| c.is_ascii_digit());
    }
    let body = ["万亿", "亿", "万", "千", "百"]
        .iter()
        .find_map(|m| p.strip_prefix(m).filter(|r| !r.is_empty()))
        .unwrap_or(p);
    UNIT_WORDS.contains(&body)
}

pub fn is_qualifier(p: &str) -> bool {
    QUALIFIERS.contains(&p) || basis_of(p).is_some()
}

/// Nominal or real, from a qualifier or a name: `名义`, `现价`; `实际`, `可比价`, `不变价`.
pub fn basis_of(text: &str) -> Option<Basis> {
    if ["名义", "现价", "当年价"].iter().any(|w| text.contains(w)) {
        Some(Basis::Nominal)
    } else if ["实际", "可比价", "不变价"]
        .iter()
        .any(|w| text.contains(w))
    {
        Some(Basis::Real)
    } else {
        None
    }
}
