//! The rules section of a scenario's page: each rule with its file and line, what it says and
//! the rows it changed, before → after, as `plansim explain` prints them; then the scenario's
//! warnings.

use super::html::esc;
use super::words::w;
use plansim_core::explain::Explanation;
use plansim_core::lang::Lang;
use std::fmt::Write;

/// A scenario without rules.
fn no_rules(english: bool) -> &'static str {
    w(
        english,
        "No rules: the plans' own rates.",
        "没有规则：按规划自身增速。",
    )
}

/// A rule that matched no row.
fn nothing(english: bool) -> &'static str {
    w(english, "Changes nothing.", "未改变任何指标。")
}

/// The section in HTML.
pub fn html(out: &mut String, e: &Explanation, lang: Lang) {
    let english = lang == Lang::En;
    let _ = writeln!(out, "<h2>{}</h2>", w(english, "Rules", "情景规则"));
    if e.rules.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", no_rules(english));
    }
    for r in &e.rules {
        let _ = writeln!(
            out,
            "<p><b>{}</b> <small>{}</small><br><code>{}</code></p>",
            esc(r.rule.table()),
            esc(&r.at.to_string()),
            esc(&r.says)
        );
        if r.rows.is_empty() {
            let _ = writeln!(out, "<p><small>{}</small></p>", nothing(english));
        } else {
            let _ = writeln!(
                out,
                "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
                w(english, "region", "地区"),
                w(english, "indicator", "指标"),
                w(english, "change", "变化")
            );
            for row in &r.rows {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&row.region),
                    esc(&row.indicator),
                    esc(&row.text(lang))
                );
            }
            out.push_str("</tbody></table>\n");
        }
        if !r.left_out.is_empty() {
            let _ = writeln!(
                out,
                "<p><small>{}{}</small></p>",
                w(english, "left out by kind: ", "按 kind 未包括："),
                esc(&lang.list(&r.left_out))
            );
        }
    }
    if !e.notices.is_empty() {
        out.push_str("<ul>\n");
        for n in &e.notices {
            let _ = writeln!(out, "<li class=warning>{}</li>", esc(&n.render(lang)));
        }
        out.push_str("</ul>\n");
    }
}

/// The section in Markdown.
pub fn markdown(out: &mut String, e: &Explanation, lang: Lang) {
    let cell = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let english = lang == Lang::En;
    let _ = writeln!(out, "\n## {}\n", w(english, "Rules", "情景规则"));
    if e.rules.is_empty() {
        let _ = writeln!(out, "{}", no_rules(english));
    }
    for r in &e.rules {
        let _ = writeln!(out, "**{}** {} `{}`\n", r.rule.table(), r.at, r.says);
        if r.rows.is_empty() {
            let _ = writeln!(out, "{}\n", nothing(english));
            continue;
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            w(english, "region", "地区"),
            w(english, "indicator", "指标"),
            w(english, "change", "变化")
        );
        for row in &r.rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&row.region),
                cell(&row.indicator),
                cell(&row.text(lang))
            );
        }
        out.push('\n');
    }
    for n in &e.notices {
        let _ = writeln!(out, "- ⚠ {}", n.render(lang));
    }
}
