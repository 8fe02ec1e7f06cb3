//! The Markdown version of a scenario's page and of the batch index, laid out by the
//! templates (`templates/page.md`, `templates/index.md`).

use super::page::{Page, Summary};
use super::templates::{IndexMd, Opening, PageMd, RulesMd};
use super::words;
use crate::error::Result;
use askama::Template;
use plansim_core::lang::Lang;

/// Writes the Markdown page of one scenario as the template makes it, not held whole.
pub fn write_scenario_page(p: &Page, w: &mut dyn std::io::Write) -> Result<()> {
    let rules = RulesMd {
        e: &p.rules,
        lang: p.lang(),
    };
    PageMd {
        p,
        lang: p.lang,
        opening: Opening {
            s: &p.action,
            lang: p.lang,
            index: false,
            html: false,
        },
        note: words::counts_line(p),
        rules: rules.render()?,
    }
    .write_into(w)
    .map_err(|e| crate::error::Error::io("index.md", e))
}

pub fn write_index_page(
    summaries: &[Summary],
    section: &super::action::Section,
    failed: &[(String, String)],
    lang: Lang,
    w: &mut dyn std::io::Write,
) -> Result<()> {
    IndexMd {
        summaries,
        national: super::templates::national(summaries, lang, false)?,
        failed,
        lang,
        title: super::words::report_title(lang),
        opening: Opening {
            s: section,
            lang,
            index: true,
            html: false,
        },
        grades: super::page::Counts::default().grades(lang),
        compare: super::templates::compare(summaries, lang, false)?,
    }
    .write_into(w)
    .map_err(|e| crate::error::Error::io("index.md", e))
}
