//! HTML pages: one per scenario and the batch index comparing scenarios, laid out by the
//! templates (`templates/page.html`, `templates/index.html`). Self-contained (inline CSS,
//! charts as relative links), readable without a server.

use super::page::{Page, Summary};
use super::templates::{IndexHtml, Opening, PageHtml, RulesHtml};
use super::words;
use crate::error::Result;
use askama::Template;
use plansim_core::lang::Column;
use plansim_core::lang::Lang;

/// Writes the page of one scenario as the template makes it, not held whole (a page of 10⁵
/// targets is some 80 MB).
pub fn write_scenario_page(p: &Page, w: &mut dyn std::io::Write) -> Result<()> {
    let lang = p.lang;
    let c = p.counts();
    let mut cards = vec![
        (lang.say("indicators", "指标"), p.series.to_string()),
        (lang.say("projected", "可预测"), p.projected.to_string()),
        (Column::Targets.say(lang), p.rows.len().to_string()),
    ];
    cards.extend(
        c.grades(p.lang)
            .into_iter()
            .filter(|g| g.1 > 0)
            .map(|(g, n)| (g, n.to_string())),
    );
    cards.push((lang.say("check errors", "检查错误"), c.errors.to_string()));
    cards.push((
        lang.say("check warnings", "检查警告"),
        c.warnings.to_string(),
    ));
    let rules = RulesHtml {
        e: &p.rules,
        lang: p.lang(),
    };
    PageHtml {
        p,
        lang: p.lang,
        title: format!("{} {}", super::words::scenario_heading(lang), p.named.label),
        subtitle: &p.named.description,
        root: "../",
        opening: Opening {
            s: &p.action,
            lang: p.lang,
            index: false,
            html: true,
        },
        cards,
        note: words::grades_note(p.lang, p.draws, p.seed),
        rules: rules.render()?,
    }
    .write_into(w)
    .map_err(|e| crate::error::Error::io("index.html", e))
}

/// Writes the batch index as the template makes it, not held whole: the targets that need
/// action across the batch, every scenario's grades, and each target's P(meet | scenario)
/// against the baseline scenario's.
pub fn write_index_page(
    summaries: &[Summary],
    section: &super::action::Section,
    failed: &[(String, String)],
    lang: Lang,
    w: &mut dyn std::io::Write,
) -> Result<()> {
    IndexHtml {
        summaries,
        national: super::templates::national(summaries, lang, true)?,
        failed,
        lang,
        title: super::words::report_title(lang),
        subtitle: lang.say(
            "Plan targets graded from outturns, and what-if scenarios",
            "规划目标依据实际值的评估，以及情景推演",
        ),
        root: "",
        opening: Opening {
            s: section,
            lang,
            index: true,
            html: true,
        },
        grades: super::page::Counts::default().grades(lang),
        compare: super::templates::compare(summaries, lang, true)?,
    }
    .write_into(w)
    .map_err(|e| crate::error::Error::io("index.html", e))
}
