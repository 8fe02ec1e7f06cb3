//! HTML pages: one per scenario and the batch index comparing scenarios. Self-contained (inline
//! CSS, charts as relative links), readable without a server.

use super::page::{Page, Summary, pct, value};
use super::rows::{Status, TargetRow};
use std::fmt::Write;

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a relative link (chart names carry Chinese).
pub fn href(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const STYLE: &str = r#"
body{font-family:"plansim-cjk","Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header{background:#1f3a5f;color:#fff;padding:18px 32px}header h1{margin:0;font-size:24px}header p{margin:6px 0 0;opacity:.9}
main{padding:16px 32px 48px;max-width:1500px}
h2{font-size:19px;margin:28px 0 10px;border-bottom:2px solid #d9dee5;padding-bottom:4px}
table{border-collapse:collapse;background:#fff;font-size:13px;width:100%}
th,td{border:1px solid #e1e5ea;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.action td{background:#fff}.action tr.lines td{font-size:12px;color:#3e4c59;border-top:0}details{margin:4px 0}
.pill{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap;color:#fff}
.ahead,.achieved{background:#1b5e20}.faster,.on-track{background:#2e7d32}.lagging,.regressing{background:#e69500}.missed{background:#c62828}.insufficient-data{background:#b0b7c0}.qualitative{background:#8a939e}
.hypothetical{background:#fff3cd;border:1px solid #e0c36a;padding:6px 10px;border-radius:4px}td.why{font-size:12px;color:#3e4c59;min-width:260px}
.error{color:#c62828;font-weight:bold}.warning{color:#b26a00;font-weight:bold}.info{color:#52606d}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}.card{background:#fff;border:1px solid #e1e5ea;border-radius:6px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:22px}.binding{color:#c62828;font-weight:bold}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:12px}
.charts img{width:100%;background:#fff;border:1px solid #e1e5ea}
.wide img{width:100%;max-width:1400px;background:#fff;border:1px solid #e1e5ea}
a{color:#1f5fa8}small{color:#52606d}
"#;

/// `root` is the way from the page to the report's root folder (`""` or `"../"`), where the
/// bundled font lies in `assets/`.
fn head(out: &mut String, title: &str, subtitle: &str, root: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{t}</title><style>@font-face{{font-family:\"plansim-cjk\";\
         src:url(\"{root}assets/NotoSansSC-subset.otf\") format(\"opentype\")}}{STYLE}</style></head>\n\
         <body><header><h1>{t}</h1><p>{s}</p></header><main>\n",
        t = esc(title),
        s = esc(subtitle)
    );
}

fn pill(status: Status, english: bool) -> String {
    format!(
        "<span class=\"pill {}\">{}</span>",
        status.code(),
        esc(status.label(english))
    )
}

/// `85%`, and `&gt;99%`/`&lt;1%` rather than a certainty (escaped for HTML).
fn chance(p: f64) -> String {
    if p > 0.995 {
        "&gt;99%".into()
    } else if p < 0.005 {
        "&lt;1%".into()
    } else {
        format!("{:.0}%", p * 100.0)
    }
}

fn cards(out: &mut String, items: &[(&str, String)]) {
    out.push_str("<div class=\"cards\">");
    for (label, v) in items {
        let _ = write!(
            out,
            "<div class=\"card\"><b>{}</b>{}</div>",
            esc(v),
            esc(label)
        );
    }
    out.push_str("</div>\n");
}

fn target_table(
    out: &mut String,
    rows: &[TargetRow],
    english: bool,
    chart_of: &dyn Fn(&TargetRow) -> Option<String>,
) {
    out.push_str("<table><thead><tr>");
    for h in super::words::target_heads(english) {
        let _ = write!(out, "<th>{h}</th>");
    }
    out.push_str("</tr></thead><tbody>\n");
    for r in rows {
        let name = if english && !r.indicator_en.is_empty() {
            &r.indicator_en
        } else {
            &r.indicator
        };
        let name = match chart_of(r) {
            Some(c) => format!("<a href=\"{}\">{}</a>", href(&c), esc(name)),
            None => esc(name),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{name}</td><td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td><td>{}</td>\
             <td>{}</td><td class=why>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
            esc(&r.region),
            esc(&r.unit),
            if r.binding {
                format!(
                    "<span class=binding>{}</span>",
                    super::words::binding(english)
                )
            } else {
                String::new()
            },
            r.base
                .map(|b| format!("{} ({})", value(b), r.base_year))
                .unwrap_or_default(),
            r.year,
            esc(&r.target),
            pill(r.status, english),
            esc(&r.reason),
            r.p_meet.map(chance).unwrap_or_default(),
            pct(r.stated_rate),
            pct(r.required_rate),
            r.projected.map(value).unwrap_or_default(),
            r.probability.map(chance).unwrap_or_default(),
        );
    }
    out.push_str("</tbody></table>\n");
}

/// The page of one scenario.
pub fn scenario_page(p: &Page) -> String {
    let mut out = String::new();
    let title = if p.english { "Scenario" } else { "情景" };
    head(
        &mut out,
        &format!("{title} {}", p.named.label),
        &p.named.description,
        "../",
    );
    let w = |en: &'static str, zh: &'static str| if p.english { en } else { zh };
    if p.hypothetical() {
        let _ = writeln!(
            out,
            "<p class=hypothetical><b>{}</b> {}</p>",
            w("Hypothetical outturns.", "假设数据。"),
            w(
                "Some grades on this page rest on outturns marked hypothetical (a what-if, not published figures); their reasons say so.",
                "本页部分评估依据标为假设的实际值（情景推演，并非公布数据），其依据中已注明。"
            )
        );
    }
    super::opening::html(&mut out, &p.action, p.english, false);
    let c = p.counts();
    let mut items = vec![
        (w("indicators", "指标"), p.series.to_string()),
        (w("projected", "可预测"), p.projected.to_string()),
        (w("targets", "目标"), p.rows.len().to_string()),
    ];
    let grades = c.grades(p.english);
    items.extend(
        grades
            .iter()
            .filter(|g| g.1 > 0)
            .map(|(g, n)| (*g, n.to_string())),
    );
    items.push((w("check errors", "检查错误"), c.errors.to_string()));
    items.push((w("check warnings", "检查警告"), c.warnings.to_string()));
    cards(&mut out, &items);
    let _ = writeln!(
        out,
        "<p><small>{} {}: <a href=\"projection.csv\">projection.csv</a>, \
         <a href=\"simulation.csv\">simulation.csv</a>, <a href=\"probabilities.csv\">probabilities.csv</a>, \
         <a href=\"findings.csv\">findings.csv</a>, <a href=\"summary.json\">summary.json</a>, \
         <a href=\"index.md\">index.md</a>{}</small></p>",
        esc(&super::words::grades_note(p.english, p.draws, p.seed)),
        w("Files", "文件"),
        w(".", "。")
    );
    if !p.left_out.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<p>{}</p>\n<ul>",
            w("Rows left out", "未读入的行"),
            super::words::left_out(p.english)
        );
        for line in &p.left_out {
            let _ = writeln!(out, "<li>{}</li>", esc(line));
        }
        out.push_str("</ul>\n");
    }
    for (file, caption) in &p.overview_charts {
        let _ = writeln!(
            out,
            "<h2>{}</h2><div class=wide><img src=\"{}\" alt=\"{}\"></div>",
            esc(caption),
            href(file),
            esc(caption)
        );
    }
    let _ = writeln!(out, "<h2>{}</h2>", w("Targets", "目标"));
    let chart_of = |r: &TargetRow| r.path.and_then(|i| p.chart_of_path.get(&i).cloned());
    target_table(&mut out, &p.rows, p.english, &chart_of);
    super::rules::html(&mut out, &p.rules, p.lang());
    let _ = writeln!(out, "<h2>{}</h2>", w("Findings", "一致性检查"));
    if p.findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w("No findings.", "未发现问题。"));
    } else {
        out.push_str("<table><thead><tr>");
        for h in super::words::finding_heads(p.english) {
            let _ = write!(out, "<th>{h}</th>");
        }
        out.push_str("</tr></thead><tbody>\n");
        for f in &p.findings {
            let _ = writeln!(
                out,
                "<tr><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><small>{}:{}</small></td></tr>",
                f.severity,
                super::words::severity(f.severity, p.english),
                f.code,
                esc(&f.region),
                esc(&f.indicator),
                esc(&f.message),
                esc(&f.file),
                f.row,
            );
        }
        out.push_str("</tbody></table>\n");
    }
    if !p.indicator_charts.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2><div class=charts>",
            w("Indicator charts", "指标图")
        );
        for (file, caption) in &p.indicator_charts {
            let _ = writeln!(
                out,
                "<a href=\"{0}\"><img loading=lazy src=\"{0}\" alt=\"{1}\"></a>",
                href(file),
                esc(caption)
            );
        }
        out.push_str("</div>\n");
    }
    let _ = writeln!(
        out,
        "<p><small><a href=\"../index.html\">← {}</a></small></p></main></body></html>",
        w("all scenarios", "全部情景")
    );
    out
}

/// The batch index: the targets that need action across the batch, every scenario's grades,
/// and each target's P(meet | scenario) against the baseline scenario's.
pub fn index_page(summaries: &[Summary], failed: &[(String, String)], english: bool) -> String {
    let w = |en: &'static str, zh: &'static str| if english { en } else { zh };
    let mut out = String::new();
    head(
        &mut out,
        w("plansim report", "plansim 报告"),
        w(
            "Plan targets graded from outturns, and what-if scenarios",
            "规划目标依据实际值的评估，以及情景推演",
        ),
        "",
    );
    let lang = if english {
        crate::lang::Lang::En
    } else {
        crate::lang::Lang::Zh
    };
    let batch: Vec<(&super::action::Named, &[TargetRow])> =
        summaries.iter().map(|s| (&s.named, &s.rows[..])).collect();
    let lookup = super::action::Lookup::new(&batch);
    let section = super::action::section(&batch, &lookup, lang);
    super::opening::html(&mut out, &section, english, true);
    let labels = crate::report::page::Counts::default().grades(english);
    let _ = write!(
        out,
        "<h2>{}</h2><p><small>{}</small></p><table><thead><tr><th>{}</th><th>{}</th><th>{}</th>",
        w("Scenarios", "情景"),
        w(
            "Targets by grade, from the outturns each scenario reads (plansim assess).",
            "按评估结果统计的目标数，依据各情景读入的实际值（plansim assess）。"
        ),
        w("scenario", "情景"),
        w("question", "问题"),
        w("targets", "目标")
    );
    for (label, _) in &labels {
        let _ = write!(out, "<th>{}</th>", esc(label));
    }
    let _ = writeln!(
        out,
        "<th>{}</th></tr></thead><tbody>",
        w("check errors / warnings", "检查错误/警告")
    );
    for s in summaries {
        let c = &s.counts;
        let _ = write!(
            out,
            "<tr><td><a href=\"{0}/index.html\">{1}</a>{2}</td><td>{3}</td><td class=n>{4}</td>",
            href(&s.name),
            esc(&s.named.label),
            if s.hypothetical {
                format!(
                    " <span class=\"pill lagging\">{}</span>",
                    w("hypothetical outturns", "假设数据")
                )
            } else {
                String::new()
            },
            esc(&s.named.description),
            s.targets,
        );
        for (_, n) in c.grades(english) {
            let _ = write!(out, "<td class=n>{n}</td>");
        }
        let _ = writeln!(out, "<td class=n>{} / {}</td></tr>", c.errors, c.warnings);
    }
    out.push_str("</tbody></table>\n");
    if !failed.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2><ul>", w("Failed", "失败"));
        for (name, err) in failed {
            let _ = writeln!(out, "<li class=error>{}: {}</li>", esc(name), esc(err));
        }
        out.push_str("</ul>\n");
    }
    if !summaries.is_empty() {
        super::compare::html(&mut out, summaries, english);
    }
    out.push_str("</main></body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_links() {
        assert_eq!(esc("<a&b>\"'"), "&lt;a&amp;b&gt;&quot;&#39;");
        assert_eq!(
            href("charts/01-森林.png"),
            "charts/01-%E6%A3%AE%E6%9E%97.png"
        );
    }
}
