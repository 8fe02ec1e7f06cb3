//! The rules section of a scenario's page: each rule with its file and line, what it says and
//! the rows it changed, before → after, as `plansim explain` prints them; then the scenario's
//! warnings.

use super::html::esc;
use plansim_core::explain::Explanation;
use plansim_core::lang::Lang;
use std::fmt::Write;

/// The section in HTML.
pub fn html(out: &mut String, e: &Explanation, lang: Lang) {
    out.push_str("<h2>情景规则 Rules</h2>\n");
    if e.rules.is_empty() {
        out.push_str("<p>没有规则：按规划自身增速 — no rules: the plans' own rates.</p>\n");
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
            out.push_str("<p><small>未改变任何指标 — changes nothing</small></p>\n");
        } else {
            out.push_str("<table><thead><tr><th>地区</th><th>指标</th><th>变化 change</th></tr></thead><tbody>\n");
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
                "<p><small>按 kind 未包括 left out by kind: {}</small></p>",
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
    out.push_str("\n## 情景规则 Rules\n\n");
    if e.rules.is_empty() {
        out.push_str("没有规则：按规划自身增速 — no rules: the plans' own rates.\n");
    }
    for r in &e.rules {
        let _ = writeln!(out, "**{}** {} `{}`\n", r.rule.table(), r.at, r.says);
        if r.rows.is_empty() {
            out.push_str("未改变任何指标 — changes nothing\n\n");
            continue;
        }
        out.push_str("| 地区 | 指标 | 变化 change |\n|---|---|---|\n");
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
