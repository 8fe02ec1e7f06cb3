//! The sentences of the consistency audit's findings, English and Chinese side by side, beside
//! the rules that say them. A rule builds its message here from its numbers (already printed
//! with `format::significant`) and the cells as the document printed them; the finding keeps
//! both and `check::run` keeps the language asked for.
//! Here rate-mismatch, unit-mismatch and bound-exceeded; the other rules' in the `rows` module.

mod rows;
pub use rows::*;

use crate::lang::Text;

/// What a rate-mismatch target is: the target, a floor or a ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// The target itself.
    Target,
    /// A floor (`以上`).
    Floor,
    /// A ceiling (`以内`).
    Ceiling,
}

fn goal(g: Goal, raw: &str) -> (String, String) {
    match g {
        Goal::Target => (format!("the target {raw}"), format!("目标 {raw}")),
        Goal::Floor => (format!("the floor {raw}"), format!("下限 {raw}")),
        Goal::Ceiling => (format!("the ceiling {raw}"), format!("上限 {raw}")),
    }
}

/// rate-mismatch, when the stated rate cannot reach the target whatever the digits.
#[allow(clippy::too_many_arguments)]
pub(crate) fn rate_cannot(
    g: Goal,
    target: &str,
    rate: &str,
    base: &str,
    years: i32,
    implied: &str,
    range: &str,
    stated: &str,
    reached: &str,
    year: i32,
) -> Text {
    let (ge, gz) = goal(g, target);
    Text::new(
        format!(
            "the stated {rate}%/yr cannot take {base} to {ge} in {years} years: that needs \
             {implied}%/yr ({range} whatever the printed digits hide), and {stated}%/yr reaches \
             {reached} in {year}"
        ),
        format!(
            "所列年均 {rate}% 无法在 {years} 年内使 {base} 达到{gz}：需要年均 {implied}%（无论末位数字如何舍入均在 \
             {range} 之间），而年均 {stated}% 到 {year} 年只达到 {reached}"
        ),
    )
}

/// rate-mismatch, when the stated rate reaches the target only at the edge of its rounding.
#[allow(clippy::too_many_arguments)]
pub(crate) fn rate_edge(
    g: Goal,
    target: &str,
    implied: &str,
    base: &str,
    range: &str,
    rate: &str,
    rounding: &str,
    reached: &str,
    year: i32,
    prints: Option<&str>,
) -> Text {
    let (ge, gz) = goal(g, target);
    Text::new(
        format!(
            "{ge} needs {implied}%/yr from {base} ({range} within the printed digits), beyond the \
             stated {rate}%/yr ± {rounding}: the stated rate reaches {reached} in {year}{}",
            prints.map_or(String::new(), |p| format!(
                " (prints as {p}, the target's digits)"
            ))
        ),
        format!(
            "从 {base} 到{gz} 需要年均 {implied}%（按末位数字在 {range} 之间），超出所列年均 {rate}% ± {rounding}：\
             按所列增速 {year} 年达到 {reached}{}",
            prints.map_or(String::new(), |p| format!("（按目标的位数印作 {p}）"))
        ),
    )
}

/// unit-mismatch: cells with 亿/万 under a unit of percent.
pub(crate) fn unit_magnitude(unit: &str, quoted: &[String], mag: &str, points: bool) -> Text {
    let (carry, not) = (
        if quoted.len() == 1 { "ies" } else { "y" },
        if points {
            "percentage points"
        } else {
            "percentages"
        },
    );
    Text::new(
        format!(
            "the unit is `{unit}` but {} carr{carry} {mag}: the cells are levels in {mag}, not {not}",
            quoted.join(" and ")
        ),
        format!(
            "单位是 `{unit}`，但 {} 带有“{mag}”：这些数值是以{mag}计的总量，而不是{}",
            quoted.join("、"),
            if points { "百分点" } else { "百分比" }
        ),
    )
}

/// The unit printed at the end of the name against the unit column.
pub(crate) fn unit_in_name(printed: &str, own: &str, column: &str) -> Text {
    Text::new(
        format!(
            "the name `{printed}` ends in the unit `{own}` but the unit column says `{column}`"
        ),
        format!("名称 `{printed}` 末尾的单位是 `{own}`，但单位列写的是 `{column}`"),
    )
}

pub(crate) fn unit_growth_name(name: &str, rate: &str) -> Text {
    Text::new(
        format!("the name `{name}` says a growth rate, which the rate column ({rate}) holds"),
        format!("指标名 `{name}` 表示增长率，增速列（{rate}）中已有"),
    )
}

pub(crate) fn unit_per_n(name: &str, per: &str, unit: &str, base: &str) -> Text {
    Text::new(
        format!(
            "`{name}` counts per so many ({per}) but its unit is `{unit}`: a ratio such as 张/千人 \
             or 人/万人 is meant, and `{base}` in {unit} would be a different number"
        ),
        format!(
            "`{name}` 是按“{per}”计的比率，单位却是 `{unit}`：应为 张/千人 或 人/万人 之类，`{base}` 以 {unit} 计会是另一个数"
        ),
    )
}

pub(crate) fn unit_share_amount(name: &str, unit: &str) -> Text {
    Text::new(
        format!("`{name}` names a share or rate but its unit is `{unit}`, an amount"),
        format!("`{name}` 是比重或比率，单位却是总量单位 `{unit}`"),
    )
}

/// `what` is `base` or `target`.
pub(crate) fn unit_cell_percent(what: &str, raw: &str, unit: &str) -> Text {
    Text::new(
        format!("the {what} `{raw}` is a percentage but the unit is `{unit}`"),
        format!("{}`{raw}` 是百分数，单位却是 `{unit}`", cell_zh(what)),
    )
}

pub(crate) fn unit_cell_word(what: &str, raw: &str, word: &str, unit: &str) -> Text {
    Text::new(
        format!("the {what} `{raw}` is in {word} but the unit is `{unit}`"),
        format!("{}`{raw}` 以“{word}”计，单位却是 `{unit}`", cell_zh(what)),
    )
}

fn cell_zh(what: &str) -> &'static str {
    if what == "base" {
        "基期值"
    } else {
        "目标值"
    }
}

/// How a bound-exceeded path runs.
pub enum Path<'a> {
    /// Compounding at a rate.
    Compound {
        /// The rate is the table's stated one (else the one reaching the target).
        stated: bool,
        /// The rate as shown.
        rate: &'a str,
        /// The level it starts from, as shown.
        start: &'a str,
        /// The year it starts from.
        from: i32,
    },
    /// A straight line.
    Linear {
        /// The change a year, as shown.
        slope: &'a str,
        /// The level it starts from, as shown.
        start: &'a str,
        /// The year it starts from.
        from: i32,
    },
}

/// bound-exceeded: `over` a ceiling, else below 0.
pub fn bound(
    path: Path,
    over: bool,
    bound: &str,
    year: i32,
    value: &str,
    end: &str,
    last: i32,
) -> Text {
    let (how_en, how_zh, linear) = match path {
        Path::Compound {
            stated,
            rate,
            start,
            from,
        } => (
            format!(
                "at the {} {rate}%/yr the compound path from {start} ({from})",
                if stated { "stated" } else { "implied" }
            ),
            format!(
                "按{}年均 {rate}% 从 {start}（{from} 年）复合增长",
                if stated { "所列" } else { "隐含" }
            ),
            false,
        ),
        Path::Linear { slope, start, from } => (
            format!(
                "at {slope} {} a year the linear path from {start} ({from})",
                crate::format::points(slope)
            ),
            format!("按每年 {slope} 个单位从 {start}（{from} 年）线性变化"),
            true,
        ),
    };
    let (remedy_en, remedy_zh) = match (over, linear) {
        (true, _) => (
            format!("a logistic path saturating at {bound} reaches the target and stays within it"),
            format!("以 {bound} 为上限的 logistic 路径可达到目标且不越界"),
        ),
        (false, true) => (
            "a compound (proportional) decline approaches 0 but never passes it".to_string(),
            "按比例（复合）下降会趋近 0 而不会越过".to_string(),
        ),
        (false, false) => (
            "a rate above −100 %/yr keeps it positive".to_string(),
            "高于 −100% 的年增速可使其保持为正".to_string(),
        ),
    };
    Text::new(
        format!(
            "{how_en} {} {bound} in {year} ({value}) and reaches {end} by {last}; {remedy_en}",
            if over { "passes" } else { "falls below" }
        ),
        format!(
            "{how_zh}，{year} 年{} {bound}（{value}），到 {last} 年为 {end}；{remedy_zh}",
            if over { "超过" } else { "低于" }
        ),
    )
}
