//! The workbook's words in the page's language: the target's bound and rule, and where a σ
//! comes from (`assess` writes it in English).

use plansim_core::lang::Lang;
use plansim_core::meaning::GoalKind;

/// The bound of a target: `at least`, `at most`, `about`, `range`, `exactly`.
pub(super) fn bound(g: &GoalKind, lang: Lang) -> &'static str {
    match (g, lang.is_en()) {
        (GoalKind::AtLeast { strict: true, .. }, false) => "高于",
        (GoalKind::AtMost { strict: true, .. }, false) => "低于",
        (GoalKind::AtLeast { .. }, false) => "不低于",
        (GoalKind::AtMost { .. }, false) => "不高于",
        (GoalKind::About { .. }, false) => "左右",
        (GoalKind::Range { .. }, false) => "区间",
        (GoalKind::Point { .. }, false) => "达到",
        (GoalKind::AtLeast { strict: true, .. }, true) => "above",
        (GoalKind::AtMost { strict: true, .. }, true) => "below",
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
