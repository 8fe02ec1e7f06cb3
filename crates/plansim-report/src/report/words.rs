//! The words of a scenario's page that are not data, in the page's language: headings, notes
//! and the findings' severities.

use plansim_core::lang::Column;
use plansim_core::lang::Lang;

/// `67.9 (2025)`; on a Chinese page `67.9（2025）`.
pub fn in_year(lang: Lang, text: &str, year: i32) -> String {
    if lang.is_en() {
        format!("{text} ({year})")
    } else {
        format!("{text}（{year}）")
    }
}

/// Column words the page's opening, the national table and the workbook share.
pub fn latest_outturn(lang: Lang) -> &'static str {
    lang.say("latest outturn", "最新实际值")
}

/// The observed pace (column word).
pub fn current_pace(lang: Lang) -> &'static str {
    lang.say("current pace", "当前速度")
}

/// The pace the remaining years need (column word).
pub fn required_pace(lang: Lang) -> &'static str {
    lang.say("required pace", "所需速度")
}

/// A target's pace against the five years before its base (column word).
pub fn against_history(lang: Lang) -> &'static str {
    Column::AgainstHistory.say(lang)
}

/// The title of the report's index, in HTML and in Markdown.
pub fn report_title(lang: Lang) -> &'static str {
    lang.say("plansim report", "plansim 报告")
}

/// The heading of a scenario's page, before its name, in HTML and in Markdown.
pub fn scenario_heading(lang: Lang) -> &'static str {
    lang.say("Scenario", "情景")
}

/// What a chart's probability adds when σ was set by hand, not measured.
pub fn set_by_hand(lang: Lang) -> &'static str {
    lang.say(" (volatility set by hand)", "（波动率为手设）")
}

/// The heading of a target's 预期性/约束性.
pub fn attribute(lang: Lang) -> &'static str {
    lang.say("attribute", "属性")
}

/// The HTML targets table's column headings.
pub fn target_heads(lang: Lang) -> [&'static str; 15] {
    [
        Column::Region.say(lang),
        Column::Indicator.say(lang),
        Column::Unit.say(lang),
        attribute(lang),
        Column::Base.say(lang),
        lang.say("target year", "目标年"),
        Column::Target.say(lang),
        Column::Grade.say(lang),
        lang.say("why (from the outturns)", "依据（来自实际值）"),
        against_history(lang),
        lang.say("P(trend)", "P(趋势)"),
        lang.say("stated rate", "规划增速"),
        lang.say("required rate", "所需增速"),
        lang.say("projected", "情景预测值"),
        lang.say("P(scenario)", "P(情景)"),
    ]
}

/// The Markdown targets table's column headings: the HTML table's without the base, with a
/// shorter "why".
pub fn target_heads_md(lang: Lang) -> [&'static str; 14] {
    let h = target_heads(lang);
    [
        h[0],
        h[1],
        h[2],
        h[3],
        h[5],
        h[6],
        h[7],
        lang.say("why", "依据"),
        h[9],
        h[10],
        h[11],
        h[12],
        h[13],
        h[14],
    ]
}

/// The findings table's column headings (the Markdown table has no source column).
pub fn finding_heads(lang: Lang) -> [&'static str; 6] {
    [
        Column::Severity.say(lang),
        lang.say("rule", "规则"),
        Column::Region.say(lang),
        Column::Indicator.say(lang),
        Column::Message.say(lang),
        lang.say("source", "出处"),
    ]
}

/// What the grades and the scenario's columns mean, under the cards of a scenario's page.
pub fn grades_note(lang: Lang, draws: usize, seed: u64) -> String {
    if lang.is_en() {
        format!(
            "The grade comes from the outturns (plansim assess): achieved early, achieved, faster \
             than expected, on track, lagging, missed, insufficient data (no outturn after the base \
             year), qualitative (no number); P(trend) is the chance of meeting the target on the \
             observed trend, where outturns give one. The scenario's columns are a what-if: \
             projected is its projection in the target year and P(scenario) the share of its \
             {draws} draws (seed {seed}) meeting the target under its own rates and σ — \
             conditional on the scenario, not a status."
        )
    } else {
        format!(
            "评估依据实际值（plansim assess）：提前实现、已实现、快于预期、基本符合预期、滞后于预期、\
             未实现、数据不足（基期之后没有实际值）、定性（没有数值）；P(趋势)为按已观察到的趋势达到\
             目标的概率（有实际值时给出）。情景各列为假设推演：情景预测值为情景在目标年的预测，\
             P(情景)为{draws}次抽样（种子{seed}）中按情景自身增速与σ达到目标的比例——以情景为条件，\
             并非评估结论。"
        )
    }
}

/// Why rows are missing from a scenario's tables.
pub fn left_out(lang: Lang) -> &'static str {
    lang.say("These rows of the tables have a cell plansim could not read; the scenario ran without them.", "表中这些行有plansim无法读取的单元格；情景在没有它们的情况下运行。")
}

/// The Markdown page's line of counts under the opening section.
pub fn counts_line(p: &super::page::Page) -> String {
    let c = p.counts();
    let grades: Vec<String> = c
        .grades(p.lang)
        .into_iter()
        .filter(|g| g.1 > 0)
        .map(|(g, n)| {
            if p.lang.is_en() {
                format!("{n} {g}")
            } else {
                format!("{g}{n}个")
            }
        })
        .collect();
    let (series, projected, targets) = (p.series, p.projected, p.rows.len());
    let (errors, warnings, draws, seed) = (c.errors, c.warnings, p.draws, p.seed);
    if p.lang.is_en() {
        format!(
            "{series} indicators, {projected} projected, {targets} targets graded from the \
             outturns: {}; check: {errors} errors, {warnings} warnings. The scenario's projection \
             and P(scenario) are a what-if under its own rates and σ ({draws} draws, seed {seed}), \
             not a status.",
            grades.join(", "),
        )
    } else {
        format!(
            "指标{series}个，可预测{projected}个，依据实际值评估的目标{targets}个：{}；检查：错误\
             {errors}个，警告{warnings}个。情景预测值与P(情景)为按情景自身增速与σ的假设推演\
             （{draws}次抽样，种子{seed}），并非评估结论。",
            grades.join("，"),
        )
    }
}
