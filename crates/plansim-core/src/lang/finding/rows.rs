//! The sentences of no-numeric-target, cumulative-target, identity-violation,
//! cross-plan-conflict and target-unreachable.

use super::Text;

pub fn no_target_delegated(text: &str) -> Text {
    Text::new(
        format!("the target is set by a higher level (`{text}`): this plan gives no number"),
        format!("目标由上级下达（`{text}`）：本规划未给出数值"),
    )
}

pub fn no_target_qualitative(text: &str) -> Text {
    Text::new(
        format!("the target is qualitative (`{text}`): there is no number to check"),
        format!("目标是定性的（`{text}`）：没有可检查的数值"),
    )
}

/// `raw` is the target cell as printed, or empty.
pub fn no_target(raw: &str) -> Text {
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
            format!("`{raw}` 是 {period} 的累计总量：{years} 年平均每年 {per_year} {unit}"),
        ),
    }
}

pub fn cumulative_before(raw: &str, before: &str) -> Text {
    Text::new(
        format!("the previous period's `{raw}` was {before}%/yr"),
        format!("上一时期的 `{raw}` 折合年均 {before}%"),
    )
}

pub fn sectors(year: i32, sum: &str, printed: &[String], lo: &str, hi: &str) -> Text {
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
pub fn per_capita(
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
pub fn plans_disagree(
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
pub fn part_exceeds(
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

pub fn missed(year: i32, actual: &str, unit: &str, target: &str, raw: &str) -> Text {
    Text::new(
        format!("missed: the {year} actual is {actual} {unit} against the target {target} ({raw})"),
        format!("未完成：{year} 年实际值 {actual} {unit}，目标 {target}（{raw}）"),
    )
}

#[allow(clippy::too_many_arguments)]
pub fn unreachable(
    year: i32,
    actual: &str,
    unit: &str,
    target: &str,
    target_year: i32,
    required: &str,
    remaining: i32,
    planned: &str,
) -> Text {
    Text::new(
        format!(
            "from the {year} actual {actual} {unit}, reaching {target} by {target_year} needs \
             {required}%/yr over {remaining} year{}, against the planned {planned}%/yr: beyond \
             twice the planned pace",
            if remaining == 1 { "" } else { "s" }
        ),
        format!(
            "从 {year} 年实际值 {actual} {unit} 出发，{target_year} 年达到 {target} 需在 {remaining} 年内年均 {required}%，而规划为年均 {planned}%：超过规划速度的两倍"
        ),
    )
}
