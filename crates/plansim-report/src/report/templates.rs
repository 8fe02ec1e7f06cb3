//! The pages' layout: askama templates (`templates/`) over the page model — a scenario's
//! `Page`, the batch's `Summary`s, the opening `Section` and the comparison's `Block`s. One
//! model for HTML and Markdown; the templates only lay it out, HTML escaped by askama and
//! Markdown table cells by the `md` filter.

use super::action::Section;
use super::compare::Block;
use super::page::{Page, Summary};
use super::words;
use askama::Template;
use askama::filters::Safe;
use plansim_core::explain::Explanation;
use plansim_core::format;
use plansim_core::lang::Column;
use plansim_core::lang::Lang;

/// Words and numbers as every template shows them.
pub trait Shown {
    /// The page is in English.
    fn lang(&self) -> Lang;

    /// `en` on an English page, `zh` on a Chinese one: the templates' own words, written as
    /// HTML (never escaped).
    fn w(&self, en: &'static str, zh: &'static str) -> Safe<&'static str> {
        Safe(self.lang().say(en, zh))
    }

    // words the HTML and Markdown twins of a page both say, written once here

    /// `Scenarios compared` / `情景比较`.
    fn scenarios_compared(&self) -> Safe<&'static str> {
        self.w("Scenarios compared", "情景比较")
    }

    /// `region` / `地区`.
    fn col_region(&self) -> Safe<&'static str> {
        Safe(Column::Region.say(self.lang()))
    }

    /// `indicator` / `指标`.
    fn col_indicator(&self) -> Safe<&'static str> {
        Safe(Column::Indicator.say(self.lang()))
    }

    /// `grade` / `评估`.
    fn col_grade(&self) -> Safe<&'static str> {
        Safe(Column::Grade.say(self.lang()))
    }

    /// `to 2025` / `规划期目标`.
    fn col_to_2025(&self) -> Safe<&'static str> {
        self.w("to 2025", "规划期目标")
    }

    /// `after 2025` / `远景目标`.
    fn col_after_2025(&self) -> Safe<&'static str> {
        self.w("after 2025", "远景目标")
    }

    /// `Rules` / `情景规则`.
    fn rules_heading(&self) -> Safe<&'static str> {
        self.w("Rules", "情景规则")
    }

    /// `No rules: the plans' own rates.` / `没有规则：按规划自身增速。`.
    fn no_rules(&self) -> Safe<&'static str> {
        self.w(
            "No rules: the plans' own rates.",
            "没有规则：按规划自身增速。",
        )
    }

    /// `Changes nothing.` / `未改变任何指标。`.
    fn changes_nothing(&self) -> Safe<&'static str> {
        self.w("Changes nothing.", "未改变任何指标。")
    }

    /// `change` / `变化`.
    fn col_change(&self) -> Safe<&'static str> {
        Safe(Column::Change.say(self.lang()))
    }

    /// `Scenarios` / `情景`.
    fn scenarios_heading(&self) -> Safe<&'static str> {
        self.w("Scenarios", "情景")
    }

    /// `scenario` / `情景`.
    fn col_scenario(&self) -> Safe<&'static str> {
        Safe(Column::Scenario.say(self.lang()))
    }

    /// `question` / `问题`.
    fn col_question(&self) -> Safe<&'static str> {
        self.w("question", "问题")
    }

    /// `targets` / `目标`.
    fn col_targets(&self) -> Safe<&'static str> {
        Safe(Column::Targets.say(self.lang()))
    }

    /// `Rows left out` / `未读入的行`.
    fn rows_left_out(&self) -> Safe<&'static str> {
        self.w("Rows left out", "未读入的行")
    }

    /// `Targets` / `目标`.
    fn targets_heading(&self) -> Safe<&'static str> {
        self.w("Targets", "目标")
    }

    /// `Findings` / `一致性检查`.
    fn findings_heading(&self) -> Safe<&'static str> {
        self.w("Findings", "一致性检查")
    }

    /// `No findings.` / `未发现问题。`.
    fn no_findings(&self) -> Safe<&'static str> {
        self.w("No findings.", "未发现问题。")
    }

    /// A probability, never a certainty (`>99%`), or empty.
    fn chance(&self, p: Option<f64>) -> String {
        p.map(format::chance).unwrap_or_default()
    }

    /// A value to four significant digits or so, or empty.
    /// A table's own figure as published (`63`, `305.8`), not in a column's decimals.
    fn published(&self, v: Option<f64>) -> String {
        v.map(|v| format::derived(v).to_string())
            .unwrap_or_default()
    }

    fn value(&self, v: Option<f64>) -> String {
        v.map(|v| format::number(v, format::Digits::Column))
            .unwrap_or_default()
    }

    /// The rate a target still requires, or 已达到，需保持 for one already met (no pace to
    /// ask of it, `assess::ambition::kept`).
    fn required(&self, r: &super::rows::TargetRow) -> String {
        if r.kept {
            plansim_core::assess::ambition::kept_words()
                .get(self.lang())
                .to_string()
        } else {
            self.pct(r.required_rate)
        }
    }

    /// A rate in percent (`7.05%`), or empty.
    fn pct(&self, r: Option<f64>) -> String {
        r.map(|r| format::percent(r, 2)).unwrap_or_default()
    }
}

macro_rules! shown {
    ($($t:ident),*) => {$(
        impl Shown for $t<'_> {
            fn lang(&self) -> Lang {
                self.lang
            }
        }
    )*};
}

/// A scenario's page in HTML.
#[derive(Template)]
#[template(path = "page.html")]
pub struct PageHtml<'a> {
    pub p: &'a Page,
    pub lang: Lang,
    pub title: String,
    pub subtitle: &'a str,
    pub root: &'a str,
    pub opening: Opening<'a>,
    pub cards: Vec<(&'static str, String)>,
    pub note: String,
    pub rules: String,
}

/// A scenario's page in Markdown.
#[derive(Template)]
#[template(path = "page.md")]
pub struct PageMd<'a> {
    pub p: &'a Page,
    pub lang: Lang,
    pub opening: Opening<'a>,
    pub note: String,
    pub rules: String,
}

/// The batch index in HTML.
#[derive(Template)]
#[template(path = "index.html")]
pub struct IndexHtml<'a> {
    pub summaries: &'a [Summary],
    /// The national plans' section it opens with.
    pub national: String,
    pub failed: &'a [(String, String)],
    pub lang: Lang,
    pub title: &'static str,
    pub subtitle: &'static str,
    pub root: &'a str,
    pub opening: Opening<'a>,
    pub grades: Vec<(&'static str, usize)>,
    pub compare: String,
}

/// The batch index in Markdown.
#[derive(Template)]
#[template(path = "index.md")]
pub struct IndexMd<'a> {
    pub summaries: &'a [Summary],
    /// The national plans' section it opens with.
    pub national: String,
    pub failed: &'a [(String, String)],
    pub lang: Lang,
    pub title: &'static str,
    pub opening: Opening<'a>,
    pub grades: Vec<(&'static str, usize)>,
    pub compare: String,
}

/// The opening section, shaped for the page (`super::opening::View`).
#[derive(Template)]
#[template(path = "opening.html")]
pub struct OpeningHtml<'a> {
    pub v: super::opening::View<'a>,
    pub lang: Lang,
}

/// The opening section in Markdown.
#[derive(Template)]
#[template(path = "opening.md")]
pub struct OpeningMd<'a> {
    pub v: super::opening::View<'a>,
    pub lang: Lang,
}

/// A scenario's rules in HTML.
#[derive(Template)]
#[template(path = "rules.html")]
pub struct RulesHtml<'a> {
    pub e: &'a Explanation,
    pub lang: Lang,
}

/// A scenario's rules in Markdown.
#[derive(Template)]
#[template(path = "rules.md")]
pub struct RulesMd<'a> {
    pub e: &'a Explanation,
    pub lang: Lang,
}

/// The index's comparison in HTML.
#[derive(Template)]
#[template(path = "compare.html")]
pub struct CompareHtml<'a> {
    pub summaries: &'a [Summary],
    pub blocks: Vec<Block<'a>>,
    pub base_label: &'a str,
    pub lang: Lang,
}

/// The index's comparison in Markdown.
#[derive(Template)]
#[template(path = "compare.md")]
pub struct CompareMd<'a> {
    pub summaries: &'a [Summary],
    pub blocks: Vec<Block<'a>>,
    pub base_label: &'a str,
    pub lang: Lang,
}

/// The index's national section in HTML.
#[derive(Template)]
#[template(path = "national.html")]
pub struct NationalHtml<'a> {
    pub v: super::national::View<'a>,
    pub lang: Lang,
}

/// The index's national section in Markdown.
#[derive(Template)]
#[template(path = "national.md")]
pub struct NationalMd<'a> {
    pub v: super::national::View<'a>,
    pub lang: Lang,
}

/// The national plans' section of the index (empty without two national plans).
pub fn national(summaries: &[Summary], lang: Lang, html: bool) -> askama::Result<String> {
    let v = super::national::View::new(summaries, lang);
    if html {
        NationalHtml { v, lang }.render()
    } else {
        NationalMd { v, lang }.render()
    }
}

/// The comparison section of the index, laid out by `templates/compare.*`.
pub fn compare(summaries: &[Summary], lang: Lang, html: bool) -> askama::Result<String> {
    if summaries.is_empty() {
        return Ok(String::new());
    }
    let base_label = &summaries[super::compare::baseline(summaries)].named.label;
    let blocks = super::compare::blocks(summaries, lang);
    if html {
        let t = CompareHtml {
            summaries,
            blocks,
            base_label,
            lang,
        };
        t.render()
    } else {
        let t = CompareMd {
            summaries,
            blocks,
            base_label,
            lang,
        };
        t.render()
    }
}

shown!(
    NationalHtml,
    NationalMd,
    PageHtml,
    PageMd,
    IndexHtml,
    IndexMd,
    OpeningHtml,
    OpeningMd,
    RulesHtml,
    RulesMd,
    CompareHtml,
    CompareMd
);

/// The section a page opens with, in either format, written into the page as the page is
/// (held as a text first, the opening of a page of 10⁵ targets behind was some 70 MB).
#[derive(Clone, Copy)]
pub struct Opening<'a> {
    pub s: &'a Section,
    pub lang: Lang,
    /// The index's: a column names the scenario whose outturns graded a target.
    pub index: bool,
    pub html: bool,
}

impl std::fmt::Display for Opening<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = super::opening::View::new(self.s, self.lang, self.index);
        let lang = self.lang;
        if self.html {
            return OpeningHtml { v, lang }
                .render_into(f)
                .map_err(|_| std::fmt::Error);
        }
        let mut trimmed = TrimEnd {
            w: f,
            held: String::new(),
        };
        OpeningMd { v, lang }
            .render_into(&mut trimmed)
            .map_err(|_| std::fmt::Error)?;
        // a blank line closes its lists: a line after a list item runs on into it
        trimmed.w.write_str("\n\n")
    }
}

/// Writes what it is given but the whitespace at its end, held until more text follows.
struct TrimEnd<'w, W: std::fmt::Write + ?Sized> {
    w: &'w mut W,
    held: String,
}

impl<W: std::fmt::Write + ?Sized> std::fmt::Write for TrimEnd<'_, W> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let body = s.trim_end();
        if !body.is_empty() {
            self.w.write_str(&self.held)?;
            self.held.clear();
            self.w.write_str(body)?;
        }
        self.held.push_str(&s[body.len()..]);
        Ok(())
    }
}

/// Filters the templates use.
mod filters {
    use askama::Values;
    use std::fmt::Display;

    /// A Markdown table cell: `|` escaped, line breaks as spaces.
    #[askama::filter_fn]
    pub fn md(s: impl Display, _: &dyn Values) -> askama::Result<String> {
        Ok(cell(&s.to_string()))
    }

    /// Text in a Markdown code span: shown as written (no tag or link is read inside one),
    /// a backtick, which would end the span, as `'`, on one line.
    #[askama::filter_fn]
    pub fn code(s: impl Display, _: &dyn Values) -> askama::Result<askama::filters::Safe<String>> {
        Ok(askama::filters::Safe(
            s.to_string().replace('`', "'").replace(['\n', '\r'], " "),
        ))
    }

    /// Text with Markdown code spans (a finding quotes cells as `` `〔13.5〕` ``), for HTML:
    /// escaped, each span as `<code>`; a backtick without its pair stays as written.
    #[askama::filter_fn]
    pub fn spans(s: impl Display, _: &dyn Values) -> askama::Result<askama::filters::Safe<String>> {
        Ok(askama::filters::Safe(super::code_spans(&s.to_string())))
    }

    /// Text on one Markdown line.
    #[askama::filter_fn]
    pub fn oneline(s: impl Display, _: &dyn Values) -> askama::Result<String> {
        Ok(s.to_string().replace(['\n', '\r'], " "))
    }

    /// A relative link in Markdown: spaces as `%20`, never a scheme (`javascript:`).
    #[askama::filter_fn]
    pub fn spaces(s: impl Display, _: &dyn Values) -> askama::Result<String> {
        Ok(super::md_link(&s.to_string()))
    }

    /// A relative link in HTML, percent-encoded (chart names carry Chinese).
    #[askama::filter_fn]
    pub fn href(s: impl Display, _: &dyn Values) -> askama::Result<String> {
        Ok(super::href(&s.to_string()))
    }

    /// `|` escaped and line breaks as spaces, for a Markdown table cell.
    pub fn cell(s: &str) -> String {
        s.replace('|', "\\|").replace(['\n', '\r'], " ")
    }
}

/// The HTML escaper of the templates (`askama.toml`): `& < > " '` as `&amp; &lt; &gt; &quot;
/// &#39;`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, s: &str) -> std::fmt::Result {
        let mut last = 0;
        for (i, c) in s.char_indices() {
            let entity = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => continue,
            };
            dest.write_str(&s[last..i])?;
            dest.write_str(entity)?;
            last = i + 1;
        }
        dest.write_str(&s[last..])
    }
}

/// The Markdown escaper of the templates (`askama.toml`): `<` as `&lt;`, so no text of a table
/// or scenario opens an HTML tag or an autolink; `[` and `]` backslashed, so none makes a link
/// (`[x](javascript:…)`) or a link definition. A Markdown reader shows them as written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

impl askama::filters::Escaper for Markdown {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, s: &str) -> std::fmt::Result {
        let mut last = 0;
        for (i, c) in s.char_indices() {
            let entity = match c {
                '<' => "&lt;",
                '[' => "\\[",
                ']' => "\\]",
                _ => continue,
            };
            dest.write_str(&s[last..i])?;
            dest.write_str(entity)?;
            last = i + 1;
        }
        dest.write_str(&s[last..])
    }
}

/// `s` escaped for HTML, its Markdown code spans (`` `x` ``) as `<code>x</code>`.
pub fn code_spans(s: &str) -> String {
    let esc = |t: &str| {
        let mut out = String::new();
        askama::filters::Escaper::write_escaped_str(&Html, &mut out, t).ok();
        out
    };
    let parts: Vec<&str> = s.split('`').collect();
    // an odd count of backticks leaves the last one unpaired: it and its text stay as written
    let paired = if parts.len().is_multiple_of(2) {
        parts.len() - 2
    } else {
        parts.len() - 1
    };
    let mut out = String::with_capacity(s.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i > paired {
            out.push('`');
            out.push_str(&esc(part));
        } else if i % 2 == 1 {
            out.push_str("<code>");
            out.push_str(&esc(part));
            out.push_str("</code>");
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

/// A relative link of a Markdown page: spaces as `%20`, and `:` (a scheme such as
/// `javascript:`), parentheses and angle brackets percent-encoded, so it stays relative.
pub fn md_link(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            ':' => out.push_str("%3A"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a relative link: bytes outside `A–Z a–z 0–9 - _ . /` as `%XX`.
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

#[cfg(test)]
mod tests {
    use super::{Opening, filters::cell, href};
    use crate::report::action::Section;
    use plansim_core::assess::Status;
    use plansim_core::lang::Lang;

    /// One model, two layouts: the HTML escapes `<` and `&`, the Markdown escapes `|` in a
    /// table cell and leaves the rest as written.
    #[test]
    fn both_layouts_escape_their_own_way() {
        let s = Section {
            actions: Vec::new(),
            unassessed: vec![(
                Status::Qualitative,
                vec![("A|B".into(), "R&D<5%".into()), ("A|B".into(), "x".into())],
            )],
            fine: 2,
        };
        let opening = |lang, html| {
            Opening {
                s: &s,
                lang,
                index: false,
                html,
            }
            .to_string()
        };
        let html = opening(Lang::En, true);
        assert!(
            html.contains("<p>No target is behind on the outturns.</p>"),
            "{html}"
        );
        // folded under the grade's count, then the region's
        assert!(
            html.contains(
                "<details class=fold><summary>qualitative (2)</summary><ul><li><details>\
                 <summary>A|B (2)</summary><small>R&amp;D&lt;5%, x</small></details></li>"
            ),
            "{html}"
        );
        assert!(
            html.contains("Not gradable: qualitative 2; graded and not behind: 2"),
            "{html}"
        );
        let md = opening(Lang::Zh, false);
        // counted by region and named, as the HTML does, each escaped for Markdown
        assert!(md.contains("无法评估：定性 2；已评估且未滞后：2"), "{md}");
        assert!(
            md.ends_with("\n- 定性（2）\n  - A\\|B（2）：R&D&lt;5%、x\n\n"),
            "{md}"
        );
    }

    #[test]
    fn code_spans_in_html() {
        assert_eq!(
            super::code_spans("`〔1〕` 是 <5> 的`x&y`"),
            "<code>〔1〕</code> 是 &lt;5&gt; 的<code>x&amp;y</code>"
        );
        assert_eq!(super::code_spans("no spans"), "no spans");
        // an unpaired backtick is left as written
        assert_eq!(super::code_spans("`a` b ` c"), "<code>a</code> b ` c");
        assert_eq!(super::code_spans("a`"), "a`");
    }

    #[test]
    fn links_and_cells() {
        // 森 is E6 A3 AE in UTF-8, 林 E6 9E 97
        assert_eq!(
            href("charts/01-森林.png"),
            "charts/01-%E6%A3%AE%E6%9E%97.png"
        );
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        let mut out = String::new();
        askama::filters::Escaper::write_escaped_str(&super::Html, &mut out, "<a&b>\"'森").ok();
        assert_eq!(out, "&lt;a&amp;b&gt;&quot;&#39;森");
    }
}
