//! The two pages, plain HTML in the page's language: the list of plans, and a plan's what-if
//! page, whose fields the script (`assets/app.js`) builds from the data embedded in it.

use crate::catalog::{Entry, Plan};
use plansim_core::lang::Column;
use plansim_core::lang::Lang;

/// Text for HTML: `<`, `&`, quotes escaped.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn head(title: &str, lang: Lang) -> String {
    // an empty icon: no request for /favicon.ico, whose 404 would be the console's one error
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><link rel=\"stylesheet\" href=\"/style.css\">\
         <link rel=\"icon\" href=\"data:,\"></head>\n<body>\n",
        lang.say("en", "zh-CN"),
        esc(title)
    )
}

/// The plans and scenarios the server was started with, each plan a link to its page.
pub fn index(entries: &[Entry], lang: Lang) -> String {
    let title = lang.say("plansim what-if", "plansim 情景推演");
    let mut h = head(title, lang);
    h.push_str(&format!("<header><h1>{}</h1><p class=\"muted\">{}</p></header>\n<main>\n",
        esc(title),
        esc(lang.say("Pick a plan: move each indicator's rate by period and see its chart, verdict and reach year at once.", "选择一个规划：调整各指标分期增速，即时查看图表、评估与达标年份。"))));
    for (e, entry) in entries.iter().enumerate() {
        h.push_str(&format!(
            "<section class=\"entry\"><h2>{}</h2><p>{}</p><p class=\"muted\">{}</p><ul>\n",
            esc(&entry.label),
            esc(&entry.description),
            esc(&entry.path.display().to_string())
        ));
        for (p, plan) in entry.plans.iter().enumerate() {
            h.push_str(&format!(
                "<li><a href=\"/plan/{e}/{p}\">{}</a> <span class=\"muted\">{} {}</span></li>\n",
                esc(&plan.title()),
                plan.indicators.len(),
                lang.say("indicators to move", "个可推演指标")
            ));
        }
        h.push_str("</ul></section>\n");
    }
    h.push_str("</main></body></html>\n");
    h
}

/// The words the script shows, in the page's language.
fn words(lang: Lang) -> serde_json::Value {
    let w = |zh: &str, en: &str| serde_json::Value::from(lang.say(en, zh));
    serde_json::json!({
        "rates": w("分期增速（%/年）", "Rates by period (% a year)"),
        "shock": w("冲击", "Shock"),
        "shockYear": w("年份", "year"),
        "shockDelta": w("增速变动（百分点）", "change (points)"),
        "grade": w("评估（实际值）", "Grade (outturns)"),
        "verdict": w("情景下目标年", "Target year under the scenario"),
        "reach": w("达到年份", "Reached"),
        "sooner": w("较原情景", "Against the scenario as loaded"),
        "p": w("情景下达标概率", "P(meet | scenario)"),
        "changed": w("状态变化的目标", "Targets whose status changed"),
        "none": w("（无）", "(none)"),
        "all": w("全部目标", "Every target"),
        "indicator": w("指标", "Indicator"),
        "year": w("年份", "Year"),
        "target": w("目标", "Target"),
        "projected": w("情景值", "Projected"),
        "reset": w("重置", "Reset"),
        "save": w("另存为情景", "Save as scenario"),
        "took": w("更新用时", "updated in"),
        "notApplied": w(
            "（此项未采用：图表和结论按其余各项计算）",
            "(not applied: the chart and verdicts use the other fields)"
        ),
        "rateOnly": w(
            "增速指标：没有水平值可画；它的增速决定以它为参照的目标（见下方）",
            "a growth-rate row: no level to chart; its rate judges the targets that name it (below)"
        ),
        "was": w("原为", "was"),
        "back": w("全部规划", "All plans"),
    })
}

/// A plan's what-if page.
pub fn plan(entry: &Entry, plan: &Plan, at: (usize, usize), lang: Lang) -> String {
    let title = format!("{} · {}", plan.title(), entry.label);
    let mut h = head(&title, lang);
    let data = serde_json::json!({
        "api": format!("/api/{}/{}", at.0, at.1),
        "scenario": entry.name,
        "controls": crate::whatif::controls(plan, lang),
        "words": words(lang),
        "draws": plan.draws,
        "seed": plan.seed,
    });
    // `</` never closes the script element from inside the data
    let data = data.to_string().replace("</", "<\\/");
    h.push_str(&format!(
        "<header><a href=\"/\">← {}</a><h1>{}</h1><p class=\"muted\">{} · {} {} · seed {}</p>\
         <div class=\"buttons\"><button id=\"reset\">{}</button> <button id=\"save\">{}</button> \
         <span id=\"took\" class=\"muted\"></span></div></header>\n",
        esc(lang.say("All plans", "全部规划")),
        esc(&plan.title()),
        esc(&entry.label),
        plan.draws,
        Column::Draws.say(lang),
        plan.seed,
        esc(lang.say("Reset", "重置")),
        esc(lang.say("Save as scenario", "另存为情景")),
    ));
    h.push_str(
        "<main class=\"whatif\"><aside id=\"controls\"></aside>\n\
         <section id=\"focus\"><div id=\"error\" role=\"alert\"></div><div id=\"chart\"></div>\
         <dl id=\"summary\"></dl><h3 id=\"changed-title\"></h3><ul id=\"changed\"></ul></section>\n\
         <section id=\"all\"><h3 id=\"all-title\"></h3><table id=\"targets\"></table></section></main>\n",
    );
    h.push_str(&format!(
        "<script id=\"data\" type=\"application/json\">{data}</script>\n\
         <script src=\"/app.js\"></script>\n</body></html>\n"
    ));
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_open_markup() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
