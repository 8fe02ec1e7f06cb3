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
    let grades: Vec<String> = c
        .grades(p.english)
        .into_iter()
        .filter(|g| g.1 > 0)
        .map(|(g, n)| format!("{n} {g}"))
        .collect();
    let _ = writeln!(
        out,
        "{} indicators, {} projected, {} targets graded from the outturns: {}; check: {} errors, \
         {} warnings. The scenario's projection and P(情景) are a what-if under its own rates and σ \
         ({} draws, seed {}), not a status.\n",
        p.series,
        p.projected,
        p.rows.len(),
        grades.join(", "),
        c.errors,
        c.warnings,
        p.draws,
        p.seed
    );
    if p.hypothetical() {
        out.push_str("**假设数据 Hypothetical outturns:** some grades rest on outturns marked hypothetical (not published figures).\n\n");
    }
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
    out.push_str("## 目标 Targets\n\n| 地区 | 指标 | 单位 | 约束性 | 目标年 | 目标 | 评估 | 依据 | P(趋势) | 规划增速 | 所需增速 | 情景预测值 | P(情景) |\n|---|---|---|---|---:|---|---|---|---:|---:|---:|---:|---:|\n");
    let prob = |p: Option<f64>| {
        p.map(|p| match p {
            p if p > 0.995 => ">99%".to_string(),
            p if p < 0.005 => "<1%".to_string(),
            p => format!("{:.0}%", p * 100.0),
        })
        .unwrap_or_default()
    };
    for r in &p.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&r.region),
            cell(&r.indicator),
            cell(&r.unit),
            if r.binding { "✔" } else { "" },
            r.year,
            cell(&r.target),
            r.status.label(p.english),
            cell(&r.reason),
            prob(r.p_meet),
            pct(r.stated_rate),
            pct(r.required_rate),
            r.projected.map(value).unwrap_or_default(),
            prob(r.probability),
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
    let labels = super::page::Counts::default().grades(false);
    let mut out = String::from(
        "# plansim report\n\nTargets by grade, from the outturns each scenario reads.\n\n| 情景 | 问题 | 目标 |",
    );
    for (label, _) in &labels {
        let _ = write!(out, " {label} |");
    }
    out.push_str("\n|---|---|---:|");
    out.push_str(&"---:|".repeat(labels.len()));
    out.push('\n');
    for s in summaries {
        let _ = write!(
            out,
            "| [{0}]({0}/index.md){1} | {2} | {3} |",
            cell(&s.name),
            if s.hypothetical {
                " (假设数据 hypothetical)"
            } else {
                ""
            },
            cell(&s.description),
            s.targets,
        );
        for (_, n) in s.counts.grades(false) {
            let _ = write!(out, " {n} |");
        }
        out.push('\n');
    }
    for (name, err) in failed {
        let _ = writeln!(out, "\n**failed: {}** — {}", cell(name), cell(err));
    }
    out.push_str("\n## P(meet target | scenario)\n\nWhat-ifs under each scenario's own rates and σ; conditional on the scenario, not a status.\n\n| 地区 | 指标 | 年 | 目标 |");
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
