//! The Markdown version of a scenario's page and of the batch index.

use super::page::{Page, Summary, pct, value};
use std::fmt::Write;

/// Table cells may not hold `|` or line breaks.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

pub fn scenario_page(p: &Page) -> String {
    let mut out = String::new();
    let c = p.counts();
    let title = if p.english { "Scenario" } else { "情景" };
    let _ = writeln!(
        out,
        "# {title} {}\n\n{}\n",
        cell(&p.named.label),
        p.named.description
    );
    let w = |en: &'static str, zh: &'static str| if p.english { en } else { zh };
    if p.hypothetical() {
        out.push_str(w(
            "**Hypothetical outturns:** some grades rest on outturns marked hypothetical (not published figures).\n\n",
            "**假设数据：**部分评估依据标为假设的实际值（并非公布数据）。\n\n",
        ));
    }
    super::opening::markdown(&mut out, &p.action, p.english, false);
    let grades: Vec<String> = c
        .grades(p.english)
        .into_iter()
        .filter(|g| g.1 > 0)
        .map(|(g, n)| {
            if p.english {
                format!("{n} {g}")
            } else {
                format!("{g}{n}个")
            }
        })
        .collect();
    let (series, projected, targets) = (p.series, p.projected, p.rows.len());
    let (errors, warnings, draws, seed) = (c.errors, c.warnings, p.draws, p.seed);
    let _ = if p.english {
        writeln!(
            out,
            "{series} indicators, {projected} projected, {targets} targets graded from the \
             outturns: {}; check: {errors} errors, {warnings} warnings. The scenario's projection \
             and P(scenario) are a what-if under its own rates and σ ({draws} draws, seed {seed}), \
             not a status.\n",
            grades.join(", "),
        )
    } else {
        writeln!(
            out,
            "指标{series}个，可预测{projected}个，依据实际值评估的目标{targets}个：{}；检查：错误\
             {errors}个，警告{warnings}个。情景预测值与P(情景)为按情景自身增速与σ的假设推演\
             （{draws}次抽样，种子{seed}），并非评估结论。\n",
            grades.join("，"),
        )
    };
    if !p.left_out.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            w("Rows left out", "未读入的行"),
            super::words::left_out(p.english)
        );
        for line in &p.left_out {
            let _ = writeln!(out, "- {}", line.replace(['\n', '\r'], " "));
        }
        out.push('\n');
    }
    for (file, caption) in &p.overview_charts {
        let _ = writeln!(out, "![{}]({})\n", cell(caption), file.replace(' ', "%20"));
    }
    let _ = writeln!(
        out,
        "## {}\n\n| {} |\n|---|---|---|---|---:|---|---|---|---:|---:|---:|---:|---:|",
        w("Targets", "目标"),
        super::words::target_heads_md(p.english).join(" | ")
    );
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
    let _ = writeln!(out, "\n## {}\n", w("Findings", "一致性检查"));
    if p.findings.is_empty() {
        let _ = writeln!(out, "{}", w("No findings.", "未发现问题。"));
    } else {
        let heads = super::words::finding_heads(p.english);
        let _ = writeln!(out, "| {} |\n|---|---|---|---|---|", heads[..5].join(" | "));
        for f in &p.findings {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                super::words::severity(f.severity, p.english),
                f.code,
                cell(&f.region),
                cell(&f.indicator),
                cell(&f.message)
            );
        }
    }
    out
}

pub fn index_page(summaries: &[Summary], failed: &[(String, String)], english: bool) -> String {
    let w = |en: &'static str, zh: &'static str| if english { en } else { zh };
    let lang = if english {
        crate::lang::Lang::En
    } else {
        crate::lang::Lang::Zh
    };
    let mut out = format!("# {}\n\n", w("plansim report", "plansim 报告"));
    let batch: Vec<(&super::action::Named, &[super::TargetRow])> =
        summaries.iter().map(|s| (&s.named, &s.rows[..])).collect();
    let lookup = super::action::Lookup::new(&batch);
    let section = super::action::section(&batch, &lookup, lang);
    super::opening::markdown(&mut out, &section, english, true);
    let labels = super::page::Counts::default().grades(english);
    let _ = write!(
        out,
        "## {}\n\n| {} | {} | {} |",
        w("Scenarios", "情景"),
        w("scenario", "情景"),
        w("question", "问题"),
        w("targets", "目标")
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
            "| [{0}]({1}/index.md){2} | {3} | {4} |",
            cell(&s.named.label),
            s.name.replace(' ', "%20"),
            if s.hypothetical {
                w(" (hypothetical outturns)", "（假设数据）")
            } else {
                ""
            },
            cell(&s.named.description),
            s.targets,
        );
        for (_, n) in s.counts.grades(english) {
            let _ = write!(out, " {n} |");
        }
        out.push('\n');
    }
    for (name, err) in failed {
        let _ = writeln!(
            out,
            "\n**{}: {}** — {}",
            w("failed", "失败"),
            cell(name),
            cell(err)
        );
    }
    out.push('\n');
    if !summaries.is_empty() {
        super::compare::markdown(&mut out, summaries, english);
    }
    out
}
