//! An indicator's name cell as plans print it: `1.国内生产总值（GDP）增长（%）`,
//! `（25）主要污染物排放总量减少（%）`, `10.每千人口拥有执业（助理）医师数（人）`. The numbering
//! before it is the row's `seq`, a unit in parentheses at its end is its unit, and words in
//! parentheses inside it qualify it.

use super::marks;
use super::name_details::NameDetails;
use super::normalize::fold;
use super::rare::Rare;

/// What an indicator's printed name carries besides the name itself. What only some names
/// carry (numbering, unit, qualifiers, marks, parent) is in [`NameDetails`], read through it
/// (`parts.unit`) and held only when filled; serialized flat (see `name_details`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameParts {
    /// The name cell as printed: `1.国内生产总值（GDP）增长（%）`.
    pub printed: String,
    /// The rest, empty in most names of a generated table.
    pub(crate) details: Rare<NameDetails>,
}

impl NameParts {
    /// A name read with its unit taken off, given it back: when the table's unit column says
    /// another unit, the parenthesis may be part of the name (`规模养殖场(户)` counted in 处).
    pub(crate) fn with_unit(&self, name: &str) -> String {
        format!("{name}{}", self.unit_printed.as_deref().unwrap_or(""))
    }
}

/// Whether a unit column and a name's unit say the same (`%` and `％`, `万人` and `(万人)`).
pub(crate) fn same_unit(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let f = fold(s);
        let f = f.trim_start_matches('(').trim_end_matches(')').to_string();
        if f == "百分比" { "%".to_string() } else { f }
    };
    norm(a) == norm(b)
}

/// Reads a name cell: the name (trimmed of numbering, marks and the unit) and its parts.
pub fn read(printed: &str) -> (String, NameParts) {
    let mut parts = NameParts {
        printed: printed.to_string(),
        ..NameParts::default()
    };
    let joined = super::normalize::join_lines(printed);
    let mut name = joined.as_str();
    if let Some((number, rest)) = numbering(name) {
        parts.number = Some(number);
        name = rest.trim_start();
    }
    loop {
        let (rest, trailer) = marks::split(name);
        // `marks::split` works on folded text; names keep their printed width, so only a mark
        // the folded and printed names both end with is taken
        let Some(mark) = trailer.marks.last().filter(|_| trailer.year.is_none()) else {
            break;
        };
        if !marks::is_mark(mark) || !name.ends_with(mark.as_str()) || rest.is_empty() {
            break;
        }
        parts.marks.insert(0, mark.clone());
        name = name[..name.len() - mark.len()].trim_end();
    }
    if let Some((open, inner)) = last_parenthesis(name) {
        let pieces: Vec<&str> = inner.split(['，', ',', '、', ';', '；']).collect();
        if is_unit(pieces[0]) && open > 0 {
            parts.unit = Some(fold(pieces[0]));
            parts.unit_printed = Some(name[open..].to_string());
            parts
                .qualifiers
                .extend(pieces[1..].iter().map(|p| p.trim().to_string()));
            name = name[..open].trim_end();
        }
    }
    let mut inner = inner_parentheses(name);
    inner.append(&mut parts.qualifiers);
    parts.qualifiers = inner;
    (name.to_string(), parts)
}

/// A name cell read as the row after row `previous`: `12.3岁以下婴幼儿入托率提高` after row 11 is
/// row 12 named `3岁以下…`, where alone it reads as the decimal 12.3 (`1.5级以上地震…`). Only the
/// next number in sequence is taken, so a name that does start with a decimal stays whole.
pub(crate) fn read_after(printed: &str, previous: Option<u32>) -> (String, NameParts) {
    let (name, parts) = read(printed);
    let Some(next) = previous.filter(|_| parts.number.is_none()).map(|p| p + 1) else {
        return (name, parts);
    };
    let digits = next.to_string();
    let rest = printed
        .trim()
        .strip_prefix(digits.as_str())
        .and_then(|r| r.strip_prefix('.').or_else(|| r.strip_prefix('．')))
        .map(str::trim_start);
    let Some(rest) = rest else {
        return (name, parts);
    };
    if rest.is_empty() {
        return (name, parts);
    }
    let (own, mut own_parts) = read(rest);
    own_parts.printed = printed.to_string();
    own_parts.number = Some(digits);
    (own, own_parts)
}

/// `1.`, `1、`, `12．`, `(3)`, `（25）`, `①` before a name: the number and the rest. Not `3岁以下`,
/// `5G`, `2.5级`.
fn numbering(s: &str) -> Option<(String, &str)> {
    let first = s.chars().next()?;
    if marks::is_circled(first) {
        return Some((first.to_string(), &s[first.len_utf8()..]));
    }
    let (open, body) = match first {
        '(' | '（' => (true, &s[first.len_utf8()..]),
        _ => (false, s),
    };
    let digits: String = body
        .chars()
        .map_while(|c| fold(&c.to_string()).parse::<u8>().ok().map(|_| c))
        .collect();
    let count = digits.chars().count();
    if !(1..=3).contains(&count) {
        return None;
    }
    let after = &body[digits.len()..];
    let close = after.chars().next()?;
    let closes = if open {
        matches!(close, ')' | '）')
    } else {
        matches!(close, '.' | '．' | '、' | ')' | '）')
    };
    let rest = &after[close.len_utf8()..];
    let decimal = matches!(close, '.' | '．')
        && rest.starts_with(|c: char| fold(&c.to_string()).parse::<u8>().is_ok());
    (closes && !decimal && !rest.trim().is_empty()).then(|| (fold(&digits), rest))
}

/// The parenthesis a name ends with: the byte offset of its opening and its inner text.
fn last_parenthesis(s: &str) -> Option<(usize, &str)> {
    let body = s.strip_suffix(')').or_else(|| s.strip_suffix('）'))?;
    let mut depth = 0;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth == 0 => return Some((i, &body[i + c.len_utf8()..])),
            '(' | '（' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The texts in parentheses (outermost) inside a name.
fn inner_parentheses(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for c in s.chars() {
        match c {
            '(' | '（' => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(std::mem::take(&mut current));
                } else {
                    current.push(c);
                }
            }
            _ if depth > 0 => current.push(c),
            _ => {}
        }
    }
    out
}

/// Characters units are written with: magnitudes, measure words, physical units.
const UNIT_CHARS: &str = "十百千万亿元美人口个件岁年天日月时小分秒吨标准煤油当量亩公顷里米平方\
立张所家户套座项条处辆台次瓦度克升床位艘架栋间只头匹株棵盏批枚部篇门册本起宗例名斤箱微毫点每";

/// A unit as plans print it in a name: `%`, `‰`, `亿吨标准煤`, `人`, `件/万人`, `微克/立方米`,
/// `个百分点`, `km`. Words that are not units (`GDP`, `助理`, `8个镇`, `累计`) are not.
pub(crate) fn is_unit(text: &str) -> bool {
    const LATIN: [&str; 14] = [
        "km", "m", "m2", "m3", "m²", "m³", "kw", "kwh", "mw", "gw", "t", "kg", "ha", "mbps",
    ];
    let s = fold(text);
    if matches!(s.as_str(), "%" | "‰" | "百分比") {
        return true;
    }
    if LATIN.contains(&s.to_ascii_lowercase().as_str()) {
        return true;
    }
    let chars = s.chars().count();
    (1..=10).contains(&chars)
        && s.chars().any(|c| UNIT_CHARS.contains(c))
        && s.chars()
            .all(|c| UNIT_CHARS.contains(c) || c == '/' || c == '·')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(printed: &str) -> (String, Option<String>, Option<String>, Vec<String>) {
        let (name, p) = read(printed);
        (name, p.number.clone(), p.unit.clone(), p.qualifiers.clone())
    }

    #[test]
    fn numbering_unit_and_qualifiers() {
        let s = |v: &str| Some(v.to_string());
        let q = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parts("1.国内生产总值（GDP）增长（%）"),
            (
                "国内生产总值（GDP）增长".into(),
                s("1"),
                s("%"),
                q(&["GDP"])
            )
        );
        assert_eq!(
            parts("10.每千人口拥有执业（助理）医师数（人）"),
            (
                "每千人口拥有执业（助理）医师数".into(),
                s("10"),
                s("人"),
                q(&["助理"])
            )
        );
        assert_eq!(
            parts("（25）主要污染物排放总量减少（%）"),
            ("主要污染物排放总量减少".into(), s("25"), s("%"), q(&[]))
        );
        assert_eq!(
            parts("20.能源综合生产能力（亿吨标准煤）"),
            ("能源综合生产能力".into(), s("20"), s("亿吨标准煤"), q(&[]))
        );
        assert_eq!(
            parts("12.每千人口拥有3岁以下婴幼儿托位数（个）"),
            (
                "每千人口拥有3岁以下婴幼儿托位数".into(),
                s("12"),
                s("个"),
                q(&[])
            )
        );
        assert_eq!(
            parts("研发经费投入强度（%，按可比价）"),
            ("研发经费投入强度".into(), None, s("%"), q(&["按可比价"]))
        );
        assert_eq!(
            parts("5.每万人口高价值发明专利拥有量(件)"),
            (
                "每万人口高价值发明专利拥有量".into(),
                s("5"),
                s("件"),
                q(&[])
            )
        );
    }

    #[test]
    fn names_that_only_look_numbered_or_united() {
        for name in [
            "3岁以下婴幼儿托位数",
            "5G基站数",
            "研究与试验发展(R&D)经费占地区生产总值比重",
            "“煤改电”供暖工程改造单位(8个镇)",
            "每个街道(镇)具备综合功能的社区养老服务机构",
            "赤峰金峰阴极铜(退城入园搬改扩工程)",
            "单位地区生产总值能耗累计降低",
            "1.5级以上地震监测能力",
        ] {
            let (got, p) = read(name);
            assert_eq!(
                (got.as_str(), p.number.clone(), p.unit.clone()),
                (name, None, None),
                "{name}"
            );
        }
        assert_eq!(read("(R&D)").1.unit, None);
    }

    #[test]
    fn a_number_run_into_a_name_in_sequence() {
        // the national 15th outline's row 12 after row 11, as the xlsx cell prints it
        let (name, p) = read_after("12.3岁以下婴幼儿入托率提高（百分点）", Some(11));
        assert_eq!(
            (name.as_str(), p.number.as_deref(), p.unit.as_deref()),
            ("3岁以下婴幼儿入托率提高", Some("12"), Some("百分点"))
        );
        assert_eq!(p.printed, "12.3岁以下婴幼儿入托率提高（百分点）");
        // out of sequence, or with no row before, a decimal stays part of the name
        for previous in [None, Some(3), Some(12)] {
            assert_eq!(
                read_after("1.5级以上地震监测能力", previous).0,
                "1.5级以上地震监测能力"
            );
        }
        assert_eq!(
            read_after("12.3岁以下婴幼儿入托率", Some(10)).1.number,
            None
        );
        // a row numbered the ordinary way is untouched
        assert_eq!(
            read_after("13.人均预期寿命（岁）", Some(12)).0,
            "人均预期寿命"
        );
    }

    #[test]
    fn marks_after_a_name() {
        let (name, p) = read("18.森林覆盖率（%）*");
        assert_eq!(
            (name.as_str(), p.unit.as_deref()),
            ("森林覆盖率", Some("%"))
        );
        assert_eq!(p.marks, ["*"]);
        let (name, p) = read("单位GDP能耗降低①");
        assert_eq!(
            (name.as_str(), p.marks.clone()),
            ("单位GDP能耗降低", vec!["①".to_string()])
        );
    }

    #[test]
    fn units() {
        for u in [
            "%",
            "％",
            "‰",
            "亿元",
            "万人",
            "件/万人",
            "微克/立方米",
            "个百分点",
            "岁",
            "km",
        ] {
            assert!(is_unit(u), "{u}");
        }
        for u in [
            "GDP",
            "助理",
            "8个镇",
            "累计",
            "按可比价",
            "十三五时期",
            "R&D",
            "",
        ] {
            assert!(!is_unit(u), "{u}");
        }
    }
}
