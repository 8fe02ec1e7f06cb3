//! The Markdown version of a scenario's page and of the batch index.

use super::page::{Page, Summary, compare, pct, value};
use std::fmt::Write;

/// Table cells may not hold `|` or line breaks.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

pub fn scenario_page(p: &Page) -> String {
    let mut out = String::new();
    let c = p.counts();
    let _ = writeln!(out, "# 情景 {}\n\n{}\n", cell(&p.name), p.description);
    let _ = writeln!(
        out,
        "{} indicators, {} projected, {} targets: {} on track, {} at risk, {} off track; \
         check: {} errors, {} warnings. {} draws, seed {}.\n",
        p.series,
        p.projected,
        p.rows.len(),
        c.on_track,
        c.at_risk,
        c.off_track,
        c.errors,
        c.warnings,
        p.draws,
        p.seed
    );
    if !p.left_out.is_empty() {
        out.push_str("## Rows left out\n\nThese rows of the tables have a cell plansim could not read; the scenario ran without them.\n\n");
        for line in &p.left_out {
            let _ = writeln!(out, "- {}", line.replace(['\n', '\r'], " "));
        }
        out.push('\n');
    }
    for (file, caption) in &p.overview_charts {
        let _ = writeln!(out, "![{}]({})\n", cell(caption), file.replace(' ', "%20"));
    }
    out.push_str("## 目标 Targets\n\n| 地区 | 指标 | 单位 | 约束性 | 目标年 | 目标 | 规划增速 | 所需增速 | 预测值 | P(完成) | 状态 |\n|---|---|---|---|---:|---|---:|---:|---:|---:|---|\n");
    for r in &p.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&r.region),
            cell(&r.indicator),
            cell(&r.unit),
            if r.binding { "✔" } else { "" },
            r.year,
            cell(&r.target),
            pct(r.stated_rate),
            pct(r.required_rate),
            r.projected.map(value).unwrap_or_default(),
            r.probability
                .map(|p| format!("{:.0}%", p * 100.0))
                .unwrap_or_default(),
            r.status.label(p.english)
        );
    }
    super::rules::markdown(&mut out, &p.rules, p.lang());
    out.push_str("\n## 一致性检查 Findings\n\n");
    if p.findings.is_empty() {
        out.push_str("No findings.\n");
    } else {
        out.push_str("| 级别 | 规则 | 地区 | 指标 | 说明 |\n|---|---|---|---|---|\n");
        for f in &p.findings {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                f.severity,
                f.code,
                cell(&f.region),
                cell(&f.indicator),
                cell(&f.message)
            );
        }
    }
    out
}

pub fn index_page(summaries: &[Summary], failed: &[(String, String)]) -> String {
    let mut out = String::from(
        "# plansim report\n\n| 情景 | 问题 | 目标 | 有望完成 | 存在风险 | 难以完成 |\n|---|---|---:|---:|---:|---:|\n",
    );
    for s in summaries {
        let c = &s.counts;
        let _ = writeln!(
            out,
            "| [{0}]({0}/index.md) | {1} | {2} | {3} | {4} | {5} |",
            cell(&s.name),
            cell(&s.description),
            s.targets,
            c.on_track,
            c.at_risk,
            c.off_track
        );
    }
    for (name, err) in failed {
        let _ = writeln!(out, "\n**failed: {}** — {}", cell(name), cell(err));
    }
    out.push_str("\n## P(meet target) by scenario\n\n| 地区 | 指标 | 年 | 目标 |");
    for s in summaries {
        let _ = write!(out, " {} |", cell(&s.name));
    }
    out.push_str("\n|---|---|---:|---|");
    out.push_str(&"---:|".repeat(summaries.len()));
    out.push('\n');
    for (k, probs) in compare(summaries) {
        let _ = write!(
            out,
            "| {} | {} | {} | {} |",
            cell(&k.region),
            cell(&k.indicator),
            k.year,
            cell(&k.target)
        );
        for p in probs {
            let _ = write!(
                out,
                " {} |",
                p.map(|p| format!("{:.0}%", p * 100.0)).unwrap_or_default()
            );
        }
        out.push('\n');
    }
    out
}
