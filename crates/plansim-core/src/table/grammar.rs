//! The cell grammar of plan tables: `63`, `305.8亿`, `>98`, `4以内`, `7左右`, `3-4`,
//! `13.5(十三五时期)`, `[13.5]`, `—`, `市级指标`, `与经济增长同步`, … read into a [`Cell`].

use super::normalize::{is_blank_mark, is_han};
use super::notation::{Cell, Form, NotationError, Relational, fail, words};
use super::number::{Magnitude, Num, leading_number};

const DELEGATED: [&str; 7] = ["下达", "级指标", "上级", "分解", "考核指标", "另行", "要求"];
const VERBS: [&str; 22] = [
    "力争达到",
    "力争实现",
    "力争",
    "争取",
    "达到",
    "实现",
    "稳定在",
    "保持在",
    "保持",
    "维持在",
    "提升至",
    "提升到",
    "提高到",
    "提高至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "降低到",
    "降低至",
    "下降到",
    "下降至",
];
const RISE: [&str; 5] = ["提高", "提升", "增加", "增长", "上升"];
const FALL: [&str; 3] = ["下降", "降低", "减少"];

pub(super) fn parse_folded(s: &str) -> Result<Cell, NotationError> {
    if is_blank_mark(s) {
        return Ok(Cell::none());
    }
    let has_digit = s.chars().any(|c| c.is_ascii_digit());
    if !has_digit && DELEGATED.iter().any(|k| s.contains(k)) {
        return Ok(words(Form::Delegated {
            text: s.to_string(),
        }));
    }
    if let Some(factor) = doubling(s) {
        return Ok(words(Form::Multiple { factor }));
    }
    if !has_digit {
        if let Some(cell) = magnitude_class(s) {
            return Ok(cell);
        }
        if let Some(cell) = chinese_numeral(s) {
            return Ok(cell);
        }
        if let Some((relation, other)) = super::relation::parse(s) {
            return Ok(words(Form::Relational(Box::new(Relational {
                relation,
                other,
                indicator: None,
                text: s.to_string(),
            }))));
        }
        if s.chars().any(is_han) {
            return Ok(words(Form::Qualitative {
                text: s.to_string(),
            }));
        }
        return fail(format!("`{s}` is not a number"), format!("`{s}` 不是数字"));
    }
    if let Some(cell) = period_total(s)? {
        return Ok(cell);
    }
    if let Some(cell) = relative_change(s)? {
        return Ok(cell);
    }
    bounded(s)
}

fn doubling(s: &str) -> Option<f64> {
    if s.contains("翻两番") {
        Some(4.0)
    } else if s.contains("翻一番") || s.ends_with("翻番") {
        Some(2.0)
    } else {
        None
    }
}

/// `[13.5]`, `[4]以上`, `不低于[7000]`, `13.5(十三五时期)`, `累计12`, `累计下降12%`.
fn period_total(s: &str) -> Result<Option<Cell>, NotationError> {
    let (body, period) = if let (Some(open), Some(close)) = (s.find('['), s.find(']')) {
        if close < open {
            return fail(
                format!("`{s}` has its brackets the wrong way round"),
                format!("`{s}` 的括号前后颠倒"),
            );
        }
        (
            format!("{}{}{}", &s[..open], &s[open + 1..close], &s[close + 1..]),
            String::new(),
        )
    } else if let Some(open) = s.find('(')
        && s.ends_with(')')
    {
        let note = &s[open + 1..s.len() - 1];
        if !(note.contains("时期") || note.contains("期间") || note.contains('五')) {
            return fail(
                format!("the note `({note})` does not name a period"),
                format!("注释 `({note})` 未写明时期"),
            );
        }
        (s[..open].to_string(), note.to_string())
    } else if let Some(rest) = s.strip_prefix("累计") {
        (rest.to_string(), String::new())
    } else {
        return Ok(None);
    };
    let mut cell = match relative_change(&body)? {
        Some(cell) => cell,
        None => bounded(&body)?,
    };
    if matches!(cell.form, Form::Points { .. } | Form::Multiple { .. }) || cell.period.is_some() {
        return fail(
            format!("`{s}` is not a period total"),
            format!("`{s}` 不是期间累计值"),
        );
    }
    cell.period = Some(period);
    Ok(Some(cell))
}

/// Strips a leading rise/fall word; returns the sign it implies.
fn signed_change(s: &str) -> (f64, &str) {
    for w in RISE {
        if let Some(rest) = s.strip_prefix(w) {
            return (1.0, rest);
        }
    }
    for w in FALL {
        if let Some(rest) = s.strip_prefix(w) {
            return (-1.0, rest);
        }
    }
    (1.0, s)
}

/// `较2020年提高5个百分点`, `比2020年下降15%` (a total since that year), `下降15%`, `增长6%左右`.
fn relative_change(s: &str) -> Result<Option<Cell>, NotationError> {
    let mut rest = s;
    let mut since = false;
    for lead in ["较", "比"] {
        if let Some(r) = rest.strip_prefix(lead) {
            let year_end = r.find('年').map(|i| i + '年'.len_utf8()).unwrap_or(0);
            rest = r[year_end..]
                .trim_start_matches('末')
                .trim_start_matches('底');
            since = true;
        }
    }
    let (sign, body) = signed_change(rest);
    // `提高到80%` states a level, not a change
    if body.len() == rest.len() || body.starts_with('到') || body.starts_with('至') {
        return Ok(None);
    }
    if let Some(points) = body.strip_suffix("个百分点") {
        let cell = bounded(points)?;
        let Form::Number { value } = cell.form else {
            return fail(
                format!("`{points}` is not a number of percentage points"),
                format!("`{points}` 不是百分点数"),
            );
        };
        return Ok(Some(words(Form::Points {
            value: Num::new(sign * value.value, value.decimals),
        })));
    }
    let mut cell = bounded(body)?;
    cell.form = negate_if(cell.form, sign < 0.0);
    if since {
        cell.period = Some(String::new());
    }
    Ok(Some(cell))
}

fn negate_if(form: Form, negate: bool) -> Form {
    if !negate {
        return form;
    }
    let neg = |n: Num| n.scaled(-1.0);
    match form {
        Form::Number { value } => Form::Number { value: neg(value) },
        Form::AtLeast { value, strict } => Form::AtLeast {
            value: neg(value),
            strict,
        },
        Form::AtMost { value, strict } => Form::AtMost {
            value: neg(value),
            strict,
        },
        Form::About { value } => Form::About { value: neg(value) },
        Form::Range { low, high } => Form::Range {
            low: neg(high),
            high: neg(low),
        },
        other => other,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Bound {
    AtLeast(bool),
    AtMost(bool),
    About,
}

const PREFIX_BOUNDS: [(&str, Bound); 24] = [
    (">=", Bound::AtLeast(false)),
    ("≥", Bound::AtLeast(false)),
    ("≧", Bound::AtLeast(false)),
    ("不低于", Bound::AtLeast(false)),
    ("不少于", Bound::AtLeast(false)),
    ("不小于", Bound::AtLeast(false)),
    (">", Bound::AtLeast(true)),
    ("大于", Bound::AtLeast(true)),
    ("超过", Bound::AtLeast(true)),
    ("突破", Bound::AtLeast(true)),
    ("超", Bound::AtLeast(true)),
    ("高于", Bound::AtLeast(true)),
    ("<=", Bound::AtMost(false)),
    ("≤", Bound::AtMost(false)),
    ("≦", Bound::AtMost(false)),
    ("不超过", Bound::AtMost(false)),
    ("不高于", Bound::AtMost(false)),
    ("不大于", Bound::AtMost(false)),
    ("<", Bound::AtMost(true)),
    ("小于", Bound::AtMost(true)),
    ("低于", Bound::AtMost(true)),
    ("至少", Bound::AtLeast(false)),
    ("约", Bound::About),
    ("接近", Bound::About),
];

const SUFFIX_BOUNDS: [(&str, Bound); 10] = [
    ("以上", Bound::AtLeast(false)),
    ("以内", Bound::AtMost(false)),
    ("之内", Bound::AtMost(false)),
    ("以下", Bound::AtMost(false)),
    ("内", Bound::AtMost(false)),
    ("余", Bound::AtLeast(true)),
    ("多", Bound::AtLeast(true)),
    ("左右", Bound::About),
    ("上下", Bound::About),
    ("前后", Bound::About),
];

/// A number or range with optional verbs, bound words before and after, magnitude, `%` and unit.
fn bounded(s: &str) -> Result<Cell, NotationError> {
    let mut rest = s;
    let mut capped = false; // 控制在…: a ceiling even without 以内
    loop {
        if let Some(r) = rest.strip_prefix("控制在") {
            capped = true;
            rest = r;
        } else if let Some(v) = VERBS.iter().find(|v| rest.starts_with(*v)) {
            rest = &rest[v.len()..];
        } else {
            break;
        }
    }
    let mut bound = None;
    if let Some((p, b)) = PREFIX_BOUNDS.iter().find(|(p, _)| rest.starts_with(p)) {
        bound = Some(*b);
        rest = &rest[p.len()..];
    }
    // every bound word at the end: a unit that ends in one (`4乥内以下`) would else read
    // differently once printed back (`≤4乥内` → `内` taken for the bound)
    while let Some((p, b)) = SUFFIX_BOUNDS.iter().find(|(p, _)| rest.ends_with(p)) {
        // `超过92.5%以上` says "above" twice: fine, and not strict; `≥5以内` contradicts itself
        bound = match (bound, *b) {
            (None, b) => Some(b),
            (Some(Bound::AtLeast(_)), Bound::AtLeast(_)) => Some(Bound::AtLeast(false)),
            (Some(Bound::AtMost(_)), Bound::AtMost(_)) => Some(Bound::AtMost(false)),
            (Some(Bound::About), Bound::About) => Some(Bound::About),
            _ => {
                return fail(
                    format!("`{s}` has two bounds that disagree"),
                    format!("`{s}` 的两个界限相互矛盾"),
                );
            }
        };
        rest = &rest[..rest.len() - p.len()];
    }
    if capped {
        match bound {
            None | Some(Bound::AtMost(_)) => bound = Some(Bound::AtMost(false)),
            _ => {
                return fail(
                    format!("`{s}`: 控制在 with a lower bound"),
                    format!("`{s}`：“控制在”后是下限"),
                );
            }
        }
    }
    let mut cell = core(rest)?;
    if let Some(b) = bound {
        // `至少1至2`: at least the low end; `3-4以内`: at most the high end
        let value = match (&cell.form, b) {
            (Form::Number { value }, _) => *value,
            (Form::Range { low, .. }, Bound::AtLeast(_)) => *low,
            (Form::Range { high, .. }, Bound::AtMost(_)) => *high,
            (Form::Range { .. }, Bound::About) => return Ok(cell),
            _ => {
                return fail(
                    format!("`{s}` cannot take a bound"),
                    format!("`{s}` 不能带界限"),
                );
            }
        };
        cell.form = match b {
            Bound::AtLeast(strict) => Form::AtLeast { value, strict },
            Bound::AtMost(strict) => Form::AtMost { value, strict },
            Bound::About => Form::About { value },
        };
    }
    Ok(cell)
}

/// One number or a range, each with magnitude and `%`, then an optional unit text.
fn core(s: &str) -> Result<Cell, NotationError> {
    let (low, mag, pct, mut i) = quantity(s)?;
    let mut cell = words(Form::Number { value: low });
    cell.magnitude = mag;
    cell.percent = pct;
    let tail = &s[i..];
    // a negative high end only after a mark that is no minus sign itself: `-5~-3`, `-5至-3`
    let sep = ["~", "-", "—", "至", "到"].into_iter().find(|p| {
        let high = tail.get(p.len()..).unwrap_or_default();
        tail.starts_with(p)
            && (high.starts_with(|c: char| c.is_ascii_digit())
                || (!matches!(*p, "-" | "—")
                    && high.starts_with('-')
                    && high[1..].starts_with(|c: char| c.is_ascii_digit())))
    });
    if let Some(sep) = sep {
        let (high, mag2, pct2, used) = quantity(&tail[sep.len()..])?;
        i += sep.len() + used;
        if mag.is_some() && mag2.is_some() && mag != mag2 {
            return fail(
                format!("`{s}`: the two ends use different magnitudes"),
                format!("`{s}`：区间两端的数量级不同"),
            );
        }
        if high.value < low.value {
            return fail(
                format!("`{s}`: the range's low end is above its high end"),
                format!("`{s}`：区间下限高于上限"),
            );
        }
        cell.magnitude = mag.or(mag2);
        cell.percent = pct || pct2;
        cell.form = Form::Range { low, high };
    }
    let unit = &s[i..];
    if unit.chars().any(|c| c.is_ascii_digit()) {
        if unit.starts_with(['e', 'E']) {
            return fail(
                format!(
                    "`{s}` is in exponent notation, which plans do not print; write the number out"
                ),
                format!("`{s}` 是科学计数法，规划不这样印；请写出完整数字"),
            );
        }
        return fail(
            format!("`{s}` has more than one number"),
            format!("`{s}` 含有不止一个数字"),
        );
    }
    if !is_unit_text(unit) {
        return fail(
            format!("`{s}` has `{unit}` after the number"),
            format!("`{s}` 的数字后有 `{unit}`"),
        );
    }
    if !unit.is_empty() {
        cell.suffix = Some(unit.to_string());
    }
    Ok(cell)
}

/// `千亿级` (an output in the class of 1000亿: at least that), `百亿级`, `万亿级`; `零突破` (the
/// first one ever: at least 1).
fn magnitude_class(s: &str) -> Option<Cell> {
    let s = ["实现", "取得", "力争"]
        .iter()
        .fold(s, |s, w| s.strip_prefix(w).unwrap_or(s));
    if matches!(s, "零突破" | "零的突破") {
        return Some(words(Form::AtLeast {
            value: Num::new(1.0, 0),
            strict: false,
        }));
    }
    let body = s.strip_suffix('级')?;
    let (value, magnitude) = match body {
        "十亿" => (10.0, Magnitude::Yi),
        "百亿" => (100.0, Magnitude::Yi),
        "千亿" => (1000.0, Magnitude::Yi),
        "万亿" => (1.0, Magnitude::WanYi),
        _ => return None,
    };
    let mut cell = words(Form::AtLeast {
        value: Num::new(value, 0),
        strict: false,
    });
    cell.magnitude = Some(magnitude);
    Some(cell)
}

/// A count written in Chinese numerals (`两`, `百`, `至少一个`, `十五家`): read when the whole cell
/// is such a count with bound words and a measure word; `None` leaves it as words (`百万人口`).
fn chinese_numeral(s: &str) -> Option<Cell> {
    const MEASURE: [&str; 9] = ["", "个", "家", "项", "所", "座", "处", "条", "批"];
    let start = s.find(|c: char| "零一二两三四五六七八九十百千".contains(c))?;
    let run: String = s[start..]
        .chars()
        .take_while(|c| "零一二两三四五六七八九十百千".contains(*c))
        .collect();
    let value = chinese_integer(&run)?;
    let digits = format!("{}{value}{}", &s[..start], &s[start + run.len()..]);
    let cell = bounded(&digits).ok()?;
    MEASURE
        .contains(&cell.suffix.as_deref().unwrap_or(""))
        .then_some(cell)
}

/// `百` = 100, `十五` = 15, `二十` = 20, `一百二十` = 120, `两` = 2.
fn chinese_integer(run: &str) -> Option<u32> {
    let (mut total, mut digit) = (0u32, None::<u32>);
    for c in run.chars() {
        match "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as u32)
            .or((c == '两').then_some(2))
        {
            Some(d) => digit = Some(d),
            None => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    '千' => 1000,
                    _ => return None,
                };
                total += digit.take().unwrap_or(1) * unit;
            }
        }
    }
    Some(total + digit.unwrap_or(0))
}

/// Unit words printed after a number: Han characters and a few symbols (`人`, `件/万人`, `‰`),
/// or a short Latin unit (`km`, `MW`). Anything else (`7x`, `1e5`) is a typo, not a unit.
fn is_unit_text(unit: &str) -> bool {
    const LATIN: [&str; 12] = [
        "km", "m", "m2", "m3", "kw", "kwh", "mw", "gw", "t", "kg", "ha", "mu",
    ];
    // `翻番` after a number is no unit: printed back it would read as a doubling
    (unit.chars().all(|c| is_han(c) || "/‰℃㎡²³·".contains(c)) && !unit.contains('翻'))
        || LATIN.contains(&unit.to_ascii_lowercase().as_str())
}

/// A number with its magnitude word and `%` sign; the bytes used.
fn quantity(s: &str) -> Result<(Num, Option<Magnitude>, bool, usize), NotationError> {
    let Some((num, mut i)) = leading_number(s) else {
        if s.trim_start_matches(['-', '+'])
            .starts_with(|c: char| c.is_ascii_digit())
        {
            return fail(
                format!("`{s}` is too large or has too many digits to be read"),
                format!("`{s}` 太大或位数太多，无法读取"),
            );
        }
        return fail(
            format!("`{s}` does not start with a number"),
            format!("`{s}` 不以数字开头"),
        );
    };
    let mag = Magnitude::prefix_of(&s[i..]).map(|(m, len)| {
        i += len;
        m
    });
    let pct = s[i..].starts_with('%');
    if pct {
        i += 1;
    }
    Ok((num, mag, pct, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(value: f64, decimals: u8) -> Num {
        Num::new(value, decimals)
    }

    /// Every form of the table grammar (docs/table-grammar.md), with the meaning written out by hand.
    #[test]
    fn every_cell_form() {
        use super::super::relation::Relation;
        use Form::*;
        let cases: Vec<(&str, Form)> = vec![
            // numbers keep their printed precision; full-width digits read
            ("63", Number { value: n(63.0, 0) }),
            ("13.39", Number { value: n(13.39, 2) }),
            ("2.56", Number { value: n(2.56, 2) }),
            ("７", Number { value: n(7.0, 0) }),
            ("１３．５", Number { value: n(13.5, 1) }),
            ("7.0", Number { value: n(7.0, 1) }),
            ("18%", Number { value: n(18.0, 0) }),
            // magnitudes stay as printed; the unit column decides the scale
            ("305.8亿", Number { value: n(305.8, 1) }),
            ("22.8万", Number { value: n(22.8, 1) }),
            ("1.2万人", Number { value: n(1.2, 1) }),
            // lower bounds
            (
                ">98",
                AtLeast {
                    value: n(98.0, 0),
                    strict: true,
                },
            ),
            (
                "＞98",
                AtLeast {
                    value: n(98.0, 0),
                    strict: true,
                },
            ),
            (
                "≥95",
                AtLeast {
                    value: n(95.0, 0),
                    strict: false,
                },
            ),
            (
                "95以上",
                AtLeast {
                    value: n(95.0, 0),
                    strict: false,
                },
            ),
            (
                "95%以上",
                AtLeast {
                    value: n(95.0, 0),
                    strict: false,
                },
            ),
            (
                "不低于95",
                AtLeast {
                    value: n(95.0, 0),
                    strict: false,
                },
            ),
            (
                "突破1000",
                AtLeast {
                    value: n(1000.0, 0),
                    strict: true,
                },
            ),
            (
                "超过92.5%以上",
                AtLeast {
                    value: n(92.5, 1),
                    strict: false,
                },
            ),
            (
                "1.6余",
                AtLeast {
                    value: n(1.6, 1),
                    strict: true,
                },
            ),
            (
                "稳定在780以上",
                AtLeast {
                    value: n(780.0, 0),
                    strict: false,
                },
            ),
            (
                "至少1至2",
                AtLeast {
                    value: n(1.0, 0),
                    strict: false,
                },
            ),
            // upper bounds
            (
                "4以内",
                AtMost {
                    value: n(4.0, 0),
                    strict: false,
                },
            ),
            (
                "≤4",
                AtMost {
                    value: n(4.0, 0),
                    strict: false,
                },
            ),
            (
                "<5",
                AtMost {
                    value: n(5.0, 0),
                    strict: true,
                },
            ),
            (
                "不超过5",
                AtMost {
                    value: n(5.0, 0),
                    strict: false,
                },
            ),
            (
                "控制在5.5%以内",
                AtMost {
                    value: n(5.5, 1),
                    strict: false,
                },
            ),
            (
                "控制在35",
                AtMost {
                    value: n(35.0, 0),
                    strict: false,
                },
            ),
            (
                "3%以下",
                AtMost {
                    value: n(3.0, 0),
                    strict: false,
                },
            ),
            // approximate
            ("7左右", About { value: n(7.0, 0) }),
            ("约7", About { value: n(7.0, 0) }),
            ("增长6%左右", About { value: n(6.0, 0) }),
            // ranges
            (
                "3-4",
                Range {
                    low: n(3.0, 0),
                    high: n(4.0, 0),
                },
            ),
            (
                "5～6",
                Range {
                    low: n(5.0, 0),
                    high: n(6.0, 0),
                },
            ),
            (
                "8~10",
                Range {
                    low: n(8.0, 0),
                    high: n(10.0, 0),
                },
            ),
            (
                "1至3",
                Range {
                    low: n(1.0, 0),
                    high: n(3.0, 0),
                },
            ),
            (
                "3%-4%",
                Range {
                    low: n(3.0, 0),
                    high: n(4.0, 0),
                },
            ),
            // changes relative to the base
            ("提高5个百分点", Points { value: n(5.0, 0) }),
            ("下降1.5个百分点", Points { value: n(-1.5, 1) }),
            ("翻一番", Multiple { factor: 2.0 }),
            // none
            ("", None),
            ("-", None),
            ("—", None),
            ("－", None),
            ("——", None),
            // delegated
            (
                "市级指标",
                Delegated {
                    text: "市级指标".into(),
                },
            ),
            (
                "完成自治区下达任务",
                Delegated {
                    text: "完成自治区下达任务".into(),
                },
            ),
            // qualitative
            (
                "保持在合理区间",
                Qualitative {
                    text: "保持在合理区间".into(),
                },
            ),
            // relational: the relation and the indicator named, as printed
            (
                "与经济增长同步",
                Relational(Box::new(crate::table::Relational {
                    relation: Relation::InStep,
                    other: "经济增长".into(),
                    indicator: Option::None,
                    text: "与经济增长同步".into(),
                })),
            ),
            (
                "高于GDP增长",
                Relational(Box::new(crate::table::Relational {
                    relation: Relation::Above,
                    other: "GDP增长".into(),
                    indicator: Option::None,
                    text: "高于GDP增长".into(),
                })),
            ),
            (
                "与GDP增长基本同步",
                Relational(Box::new(crate::table::Relational {
                    relation: Relation::InStep,
                    other: "GDP增长".into(),
                    indicator: Option::None,
                    text: "与GDP增长基本同步".into(),
                })),
            ),
            // an output class: at least 1000亿 (the magnitude is kept, as for `305.8亿`)
            (
                "千亿级",
                AtLeast {
                    value: n(1000.0, 0),
                    strict: false,
                },
            ),
            (
                "百亿级",
                AtLeast {
                    value: n(100.0, 0),
                    strict: false,
                },
            ),
            (
                "零突破",
                AtLeast {
                    value: n(1.0, 0),
                    strict: false,
                },
            ),
            // counts in Chinese numerals
            ("两", Number { value: n(2.0, 0) }),
            (
                "百以上",
                AtLeast {
                    value: n(100.0, 0),
                    strict: false,
                },
            ),
            (
                "至少一个",
                AtLeast {
                    value: n(1.0, 0),
                    strict: false,
                },
            ),
            ("二十五家", Number { value: n(25.0, 0) }),
        ];
        for (text, form) in cases {
            let cell = Cell::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(cell.form, form, "{text}");
            assert_eq!(cell.raw, text);
            assert!(cell.period.is_none(), "{text} is not a period total");
        }
    }

    #[test]
    fn magnitude_percent_and_unit_words_are_kept() {
        let c = Cell::parse("305.8亿").unwrap();
        assert_eq!(c.magnitude, Some(Magnitude::Yi));
        let c = Cell::parse("1.2万人").unwrap();
        assert_eq!(
            (c.magnitude, c.suffix.as_deref()),
            (Some(Magnitude::Wan), Some("人"))
        );
        let c = Cell::parse("控制在5.5%以内").unwrap();
        assert!(c.percent);
        assert!(!Cell::parse("5.5").unwrap().percent);
    }

    #[test]
    fn period_totals() {
        let cases: Vec<(&str, Form, &str)> = vec![
            (
                "13.5(十三五时期)",
                Form::Number { value: n(13.5, 1) },
                "十三五时期",
            ),
            (
                "12(十四五时期)",
                Form::Number { value: n(12.0, 0) },
                "十四五时期",
            ),
            ("[13.5]", Form::Number { value: n(13.5, 1) }, ""),
            ("【13.5】", Form::Number { value: n(13.5, 1) }, ""),
            (
                "[4]以上",
                Form::AtLeast {
                    value: n(4.0, 0),
                    strict: false,
                },
                "",
            ),
            (
                "不低于[7000]",
                Form::AtLeast {
                    value: n(7000.0, 0),
                    strict: false,
                },
                "",
            ),
            (
                "[2000左右]",
                Form::About {
                    value: n(2000.0, 0),
                },
                "",
            ),
            ("累计下降12%", Form::Number { value: n(-12.0, 0) }, ""),
            ("较2020年下降15%", Form::Number { value: n(-15.0, 0) }, ""),
        ];
        for (text, form, period) in cases {
            let cell = Cell::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (cell.form.clone(), cell.period.as_deref()),
                (form, Some(period)),
                "{text}"
            );
        }
    }

    #[test]
    fn unreadable_cells_say_what_was_expected() {
        for text in [
            "abc",
            "NaN",
            "inf",
            "1e400",
            "7x",
            "12..5",
            "3-",
            "4-3",
            "≥5以内",
            "2.56(1850年)",
            "5 6",
        ] {
            let err = Cell::parse(text).expect_err(text);
            assert!(
                err.to_string().contains("expected a number"),
                "{text}: {err}"
            );
        }
    }

    /// Found by `cargo fuzz run cell`.
    #[test]
    fn fuzz_findings() {
        // every bound word at the end is one bound; what is left is the unit
        let c = Cell::parse("4乥内以下").unwrap();
        assert_eq!(
            (c.form.clone(), c.suffix.as_deref()),
            (
                Form::AtMost {
                    value: n(4.0, 0),
                    strict: false
                },
                Some("乥")
            )
        );
        // 减少 negates both ends and swaps them
        let c = Cell::parse("减少3.11至1111.888288").unwrap();
        assert_eq!(
            c.form,
            Form::Range {
                low: n(-1111.888288, 6),
                high: n(-3.11, 2)
            }
        );
        // `翻番` after a number is not a unit (it would print back as a doubling)
        assert!(Cell::parse("4翻番前后").is_err());
        // 255 decimals at both ends of a range: the midpoint's one more decimal saturates
        let long = format!("1.{}", "1".repeat(255));
        let c = Cell::parse(&format!("{long}至2.{}", "1".repeat(255))).unwrap();
        assert_eq!(c.point().map(|p| p.decimals), Some(255));
        // 256 decimals are more than a cell keeps
        assert!(Cell::parse(&format!("{long}1")).is_err());
    }
}
