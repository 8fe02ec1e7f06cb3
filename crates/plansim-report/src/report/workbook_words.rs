//! The workbook's words in the page's language: the target's bound and rule, and where a σ
//! comes from (`assess` writes it in English).

use plansim_core::lang::Lang;
use plansim_core::meaning::GoalKind;

/// The bound of a target: `at least`, `at most`, `about`, `range`, `exactly`.
pub(super) fn bound(g: &GoalKind, lang: Lang) -> &'static str {
    match (g, lang.is_en()) {
        (GoalKind::AtLeast { .. }, false) => "不低于",
        (GoalKind::AtMost { .. }, false) => "不高于",
        (GoalKind::About { .. }, false) => "左右",
        (GoalKind::Range { .. }, false) => "区间",
        (GoalKind::Point { .. }, false) => "达到",
        (GoalKind::AtLeast { .. }, true) => "at least",
        (GoalKind::AtMost { .. }, true) => "at most",
        (GoalKind::About { .. }, true) => "about",
        (GoalKind::Range { .. }, true) => "range",
        (GoalKind::Point { .. }, true) => "reach",
    }
}

/// The rule a target is graded by, as the sheet names it.
pub(super) fn rule(rule: &str, lang: Lang) -> String {
    let zh = match rule {
        "reach" => "到期达到",
        "hold" => "每年保持",
        "annual-bound" => "年度上下限",
        "annual-rate" => "年均增速",
        "period-total" => "期间累计",
        "relational" => "相对其他指标",
        "qualitative" => "定性",
        other => other,
    };
    if lang.is_en() {
        rule.to_string()
    } else {
        zh.to_string()
    }
}

/// `assess`'s σ source in Chinese: `sd of the 3 observed yearly changes (2021–2023)` →
/// `2021–2023年3个年度变化的标准差`; the floor's sentence likewise. A text of another shape
/// stays as written.
pub(super) fn sigma_source(text: &str, lang: Lang) -> String {
    if lang.is_en() {
        return text.to_string();
    }
    sigma_source_zh(text).unwrap_or_else(|| text.to_string())
}

fn sigma_source_zh(text: &str) -> Option<String> {
    if let Some(rest) = text.strip_prefix("sd of the ") {
        let (m, rest) = rest.split_once(" observed yearly ")?;
        let (what, years) = rest.split_once(" (")?;
        let years = years.strip_suffix(')')?;
        return Some(format!("{years}年{m}个{}的标准差", what_zh(what)?));
    }
    let rest = text.strip_prefix("floor for ")?;
    let (kind, rest) = rest.split_once(" (")?;
    let (floor, rest) = rest.split_once("): the sd of the ")?;
    let (m, rest) = rest.split_once(" observed ")?;
    let (what, rest) = rest.split_once(" (")?;
    let (years, sd) = rest.split_once(") is ")?;
    Some(format!(
        "{}的下限（{}）：{years}年{m}个{}的标准差为{sd}",
        kind_zh(kind)?,
        unit_zh(floor),
        what_zh(what)?
    ))
}

fn what_zh(what: &str) -> Option<&'static str> {
    Some(match what {
        "changes" => "年度变化",
        "values" => "年度值",
        "differences" => "年度差值",
        _ => return None,
    })
}

fn kind_zh(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "growth rates" => "增长率",
        "yearly rates" => "年度比率",
        "shares" => "比重",
        "levels" => "水平值",
        "a change index" => "变化指数",
        "running totals (10 % of the mean count)" => "累计值（年均增量的10%）",
        _ => return None,
    })
}

fn unit_zh(floor: &str) -> String {
    floor
        .replace("% a year", "%/年")
        .replace("points a year", "个百分点/年")
        .replace("points", "个百分点")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigma_sources_in_chinese() {
        assert_eq!(
            sigma_source("sd of the 3 observed yearly changes (2021–2023)", Lang::Zh),
            "2021–2023年3个年度变化的标准差"
        );
        assert_eq!(
            sigma_source(
                "floor for shares (0.3 points): the sd of the 2 observed changes (2022–2023) is 0.1",
                Lang::Zh
            ),
            "比重的下限（0.3 个百分点）：2022–2023年2个年度变化的标准差为0.1"
        );
        // an unknown shape stays as written; English is untouched
        assert_eq!(sigma_source("something else", Lang::Zh), "something else");
        assert_eq!(sigma_source("sd of x", Lang::En), "sd of x");
    }
}
