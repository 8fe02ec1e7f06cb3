//! The sentences of no-numeric-target, cumulative-target, identity-violation,
//! cross-plan-conflict and target-unreachable.

use crate::lang::Text;

pub(crate) fn no_target_delegated(text: &str) -> Text {
    Text::new(
        format!("the target is set by a higher level (`{text}`): this plan gives no number"),
        format!("目标由上级下达（`{text}`）：本规划未给出数值"),
    )
}

pub(crate) fn no_target_qualitative(text: &str) -> Text {
    Text::new(
        format!("the target is qualitative (`{text}`): there is no number to check"),
        format!("目标是定性的（`{text}`）：没有可检查的数值"),
    )
}

/// A target stated against another indicator (`高于GDP增长`): `row` is the table's row the
/// other indicator resolves to.
pub(crate) fn no_target_relational(
    text: &str,
    relation: crate::table::Relation,
    other: &str,
    row: Option<&str>,
) -> Text {
    let (en_other, zh_other) = match row {
        Some(row) if row != other => (
            format!("{other}, the table's {row}"),
            format!("{other}，即本表的{row}"),
        ),
        _ => (other.to_string(), other.to_string()),
    };
    Text::new(
        format!(
            "the target is stated against another indicator (`{text}`: {} {en_other}): there \
             is no number of its own to check",
            relation.words()
        ),
        format!("目标以另一指标为参照（`{text}`：{zh_other}）：本身没有可检查的数值"),
    )
}

/// `raw` is the target cell as printed, or empty.
pub(crate) fn no_target(raw: &str) -> Text {
    let (en, zh) = if raw.is_empty() {
        (String::new(), String::new())
    } else {
        (format!(" (`{raw}`)"), format!("（`{raw}`）"))
    };
    Text::new(
        format!("no target and no rate{en}: check the document, or drop the row"),
        format!("既无目标也无增速{zh}：请核对原文，或删去该行"),
    )
}

/// cumulative-target: a change over a period (`percent`) or a total.
pub fn cumulative(raw: &str, period: &str, per_year: &str, years: i32, unit: Option<&str>) -> Text {
    match unit {
        None => Text::new(
            format!(
                "`{raw}` is a cumulative change over {period}: {per_year}%/yr compounded over {years} years"
            ),
            format!("`{raw}` 是 {period} 的累计变化：{years} 年复合折合年均 {per_year}%"),
        ),
        Some(unit) => Text::new(
            format!(
                "`{raw}` is a total over {period}: {per_year} {unit} a year on average over {years} years"
            ),
            format!(
                "`{raw}` 是 {period} 的累计总量：{years} 年平均每年 {per_year} {}",
                if unit == "points" {
                    "个百分点"
                } else {
                    unit
                }
            ),
        ),
    }
}

/// Where a total change of a level from its baseline ends.
pub(crate) fn cumulative_reaches(base: &str, base_year: i32, end: &str, target_year: i32) -> Text {
    Text::new(
        format!("from {base} ({base_year}) it reaches {end} by {target_year}"),
        format!("自 {base}（{base_year} 年）起，到 {target_year} 年达到 {end}"),
    )
}

pub(crate) fn cumulative_before(raw: &str, before: &str) -> Text {
    Text::new(
        format!("the previous period's `{raw}` was {before}%/yr"),
        format!("上一时期的 `{raw}` 折合年均 {before}%"),
    )
}

pub(crate) fn sectors(year: i32, sum: &str, printed: &[String], lo: &str, hi: &str) -> Text {
    Text::new(
        format!(
            "the three sectors' shares in {year} sum to {sum} ({}), not 100: {lo}–{hi} over \
             their printed digits",
            printed.join(" + ")
        ),
        format!(
            "{year} 年三次产业比重之和为 {sum}（{}），不是 100：按末位数字在 {lo}–{hi} 之间",
            printed.join(" + ")
        ),
    )
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn per_capita(
    year: i32,
    pc: &str,
    pop: &str,
    product: &str,
    unit: &str,
    stated: &str,
    gap: &str,
    averaging: &str,
) -> Text {
    Text::new(
        format!(
            "in {year}, {pc} × {pop} = {product} {unit} against the stated {stated} {unit}: \
             {gap}% apart beyond rounding (average population explains up to {averaging}%)"
        ),
        format!(
            "{year} 年 {pc} × {pop} = {product} {unit}，而所列为 {stated} {unit}：舍入之外相差 {gap}%（平均人口口径至多解释 {averaging}%）"
        ),
    )
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn plans_disagree(
    part: &str,
    part_rate: &str,
    part_years: &str,
    whole: &str,
    whole_plan: &str,
    whole_rate: &str,
    whole_years: &str,
    overlap: &str,
) -> Text {
    Text::new(
        format!(
            "{part} plans {part_rate}%/yr for {part_years}, {whole} ({whole_plan}) plans \
             {whole_rate}%/yr for {whole_years}: the rates do not overlap in {overlap}, whatever \
             their rounding"
        ),
        format!(
            "{part} {part_years} 年均 {part_rate}%，{whole}（{whole_plan}）{whole_years} 年均 {whole_rate}%：无论如何舍入，{overlap} 的增速都不重叠"
        ),
    )
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn part_exceeds(
    region: &str,
    name: &str,
    year: i32,
    p_raw: &str,
    unit: &str,
    whole: &str,
    whole_plan: &str,
    w_raw: &str,
    whole_unit: &str,
) -> Text {
    Text::new(
        format!(
            "{region} {name} in {year} is `{p_raw}` {unit}, more than the whole {whole} \
             ({whole_plan}) `{w_raw}` {whole_unit}: a part cannot exceed its whole"
        ),
        format!(
            "{region} {name} {year} 年为 `{p_raw}` {unit}，超过整体 {whole}（{whole_plan}）的 `{w_raw}` {whole_unit}：部分不能大于整体"
        ),
    )
}

/// restated-target: the two statements, each with its row and source.
pub(crate) fn restated(
    a: &str,
    (arow, asrc): (usize, &str),
    b: &str,
    (brow, bsrc): (usize, &str),
) -> Text {
    let at = |row: usize, src: &str, zh: bool| match (src.is_empty(), zh) {
        (true, false) => format!("row {row}"),
        (false, false) => format!("row {row}, {src}"),
        (true, true) => format!("第 {row} 行"),
        (false, true) => format!("第 {row} 行，{src}"),
    };
    Text::new(
        format!(
            "the document states this target twice: `{a}` ({}) and `{b}` ({})",
            at(arow, asrc, false),
            at(brow, bsrc, false)
        ),
        format!(
            "文件两次给出该目标：`{a}`（{}）与 `{b}`（{}）",
            at(arow, asrc, true),
            at(brow, bsrc, true)
        ),
    )
}

/// restated-target: no value meets both statements.
pub(crate) fn restated_apart([alo, ahi]: [String; 2], [blo, bhi]: [String; 2]) -> Text {
    Text::new(
        format!("no value meets both ({alo} to {ahi} against {blo} to {bhi})"),
        format!("没有数值能同时满足二者（{alo} 至 {ahi} 对 {blo} 至 {bhi}）"),
    )
}

/// restated-target: both can be met, but they differ.
pub(crate) fn restated_overlap(first: &str) -> Text {
    Text::new(
        format!(
            "a value can meet both, but they are not the same target — projections and grades \
             use the first (`{first}`)"
        ),
        format!("存在同时满足二者的数值，但并非同一目标——预测与评估采用第一处（`{first}`）"),
    )
}

/// restated-target: the statements cannot be compared as numbers.
pub(crate) fn restated_other(first: &str) -> Text {
    Text::new(
        format!("they are not the same target — projections use the first (`{first}`)"),
        format!("二者并非同一目标——预测采用第一处（`{first}`）"),
    )
}

/// rate-mismatch of a total in the rate column: the stated total against base → target.
/// `n` = [stated, implied, implied low, implied high, reached]; `unit` is `None` for a % change.
pub(crate) fn rate_total(
    raw: &str,
    span: &str,
    [base, target]: [&str; 2],
    n: [String; 5],
    unit: Option<&str>,
    impossible: bool,
) -> Text {
    let [stated, implied, lo, hi, reached] = n;
    let (en_u, zh_u) = match unit {
        None => ("%".to_string(), "%".to_string()),
        Some("points") => (" points".to_string(), " 个百分点".to_string()),
        Some(u) => (format!(" {u}"), format!(" {u}")),
    };
    Text::new(
        format!(
            "the stated total `{raw}` over {span} is {stated}{en_u}, but {base} → {target} is \
             {implied}{en_u} ({lo} to {hi} whatever the printed digits hide){}; at the stated \
             total the base reaches {reached}",
            if impossible {
                ": the cells cannot all be true"
            } else {
                ": they agree only at the edge of their digits"
            }
        ),
        format!(
            "所列 {span} 累计 `{raw}` 为 {stated}{zh_u}，但 {base} → {target} 为 {implied}{zh_u}\
             （按印刷位数在 {lo} 至 {hi} 之间）{}；按所列累计，基期值将达到 {reached}",
            if impossible {
                "：各单元格不可能同时成立"
            } else {
                "：仅在末位数字的边缘才能一致"
            }
        ),
    )
}
