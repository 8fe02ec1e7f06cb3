//! The opening section of a page (`action::Section`) in the page's words, for the templates
//! (`templates/opening.*`): the targets that need action as a table, each scenario's answer
//! under its row, then the targets that cannot be graded counted by reason.

use super::action::{Action, Section, pace};
use plansim_core::check::Code;
use plansim_core::format::{Digits, chance, number};
use plansim_core::lang::Column;
use plansim_core::lang::Lang;

/// The column headings.
fn headings(lang: Lang) -> [&'static str; 10] {
    [
        Column::Region.say(lang),
        lang.say("target", "指标与目标"),
        Column::Grade.say(lang),
        super::words::latest_outturn(lang),
        super::words::current_pace(lang),
        super::words::required_pace(lang),
        lang.say("gap", "差距"),
        lang.say("short by the target year", "目标年尚差"),
        lang.say("P on trend (σ)", "趋势达标概率（σ）"),
        lang.say("graded in", "评估依据情景"),
    ]
}

/// The cells of an action's row, as text (escaped by the caller).
fn cells(a: &Action, lang: Lang) -> [String; 10] {
    let r = a.row();
    let unit = |u: &str| {
        if u == "%" {
            String::new()
        } else if u.contains('=') {
            // an index base (`2020=100`) cannot follow a number unseparated
            if lang.is_en() {
                format!(" ({u})")
            } else {
                format!("（{u}）")
            }
        } else {
            u.to_string()
        }
    };
    let hyp = if r.hypothetical {
        lang.say(" (hypothetical)", "（假设）")
    } else {
        ""
    };
    let latest = r
        .latest
        .map(|(y, v)| {
            let v = r.latest_value(v, Digits::Column, lang);
            if lang.is_en() {
                format!("{v} in {y}{hyp}")
            } else {
                format!("{y}年{v}{hyp}")
            }
        })
        .unwrap_or_default();
    // a pace below zero is a fall (`下降4.12%/年`); the gap keeps its sign (behind < 0)
    let moved = |v: Option<f64>| {
        v.map(|v| {
            let v = number(v, Digits::Fixed(2));
            plansim_core::assess::words::amount(&v, &r.pace_unit)
                .get(lang)
                .to_string()
        })
        .unwrap_or_default()
    };
    let p = |v: Option<f64>| v.map(|v| pace(v, &r.pace_unit, lang)).unwrap_or_default();
    let extra = r
        .extra_level()
        .filter(|e| *e > 0.0)
        .map(|e| format!("{}{}", number(e, Digits::Column), unit(&r.unit)))
        .unwrap_or_default();
    let sigma = match (r.p_meet, r.sigma) {
        (Some(pm), Some(s)) => {
            let source = r
                .sigma_source
                .as_ref()
                .map(|x| x.say(lang))
                .unwrap_or_default();
            let s = pace(s, &r.pace_unit, lang);
            if lang.is_en() {
                format!("{} (σ = {s}; {source})", chance(pm))
            } else {
                format!("{}（σ = {s}；{source}）", chance(pm))
            }
        }
        (Some(pm), None) => chance(pm),
        _ => String::new(),
    };
    [
        r.region.to_string(),
        format!(
            "{} · {} {}{}",
            r.name(lang),
            r.year,
            r.target,
            audit(&r.audit.codes().collect::<Vec<_>>(), lang)
        ),
        r.status.label(lang).to_string(),
        latest,
        moved(r.current_pace),
        moved(r.required_pace),
        p(r.gap),
        extra,
        sigma,
        a.graded_in.clone(),
    ]
}

/// `（表格检查有误：单位不符）`: the row's numbers fail the plan's own arithmetic; the rules by
/// their names in the page's language (the codes go in the cell's tooltip, `ActionRow::codes`).
fn audit(codes: &[&str], lang: Lang) -> String {
    if codes.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = codes
        .iter()
        .map(|c| Code::of_str(c).map_or(*c, |c| c.name(lang)))
        .collect();
    let codes = names.join(lang.comma());
    if lang.is_en() {
        format!(" (the table's check finds errors: {codes})")
    } else {
        format!("（表格检查有误：{codes}）")
    }
}

/// Targets grouped by region, in first-seen order.
fn by_region(v: &[(plansim_core::text::Shared, String)]) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    // each region's place, looked up: a search of the list per target took minutes with
    // 25,000 regions
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (region, name) in v {
        match at.get(&**region) {
            Some(&i) => out[i].1.push(name),
            None => {
                at.insert(region, out.len());
                out.push((region, vec![name]));
            }
        }
    }
    out
}

/// An action's row as a page shows it: its cells made as the page is written, not held for
/// every target (some 1,000 bytes a target behind).
pub struct ActionRow<'a> {
    action: &'a Action,
    lang: Lang,
    /// How many cells: as many as the headings.
    n: usize,
    /// The grade's CSS class (`missed`).
    pub code: &'static str,
    /// (scenario, its answer) under the row.
    pub lines: &'a [(String, String)],
    pub region: &'a str,
    pub name: &'a str,
    pub year: i32,
}

impl ActionRow<'_> {
    /// The row's cells in the page's language.
    pub fn cells(&self) -> Vec<String> {
        let mut cells = cells(self.action, self.lang).to_vec();
        cells.truncate(self.n);
        cells
    }

    /// The rule codes of the table's errors on the row, for the target cell's tooltip.
    pub fn codes(&self) -> String {
        self.action
            .row()
            .audit
            .codes()
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The targets of one grade that cannot be graded, folded under their count: a batch of
/// counties has hundreds, which would bury the table above them.
pub struct Group {
    /// `数据不足（370）`.
    pub summary: String,
    /// (`科尔沁区（115）`, the targets joined), folded again under the region.
    pub regions: Vec<(String, String)>,
}

/// `label（n）` on a Chinese page, `label (n)` on an English one.
fn counted(label: &str, n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{label} ({n})"),
        Lang::Zh => format!("{label}（{n}）"),
    }
}

/// The section as a page lays it out: `Section` in the page's words; `index` adds the column
/// naming the scenario whose outturns graded a target.
pub struct View<'a> {
    pub heading: &'static str,
    pub none: &'static str,
    /// Plain text with apostrophes, shown as written.
    pub note: askama::filters::Safe<&'static str>,
    pub heads: Vec<&'static str>,
    pub rows: Vec<ActionRow<'a>>,
    pub colon: &'static str,
    pub not_gradable: &'static str,
    /// `数据不足 348，定性 18`.
    pub counts: String,
    /// `；已评估且未滞后：3`, where some are.
    pub fine: String,
    pub groups: Vec<Group>,
}

impl<'a> View<'a> {
    pub fn new(s: &'a Section, lang: Lang, index: bool) -> View<'a> {
        let n = if index { 10 } else { 9 };
        let rows = s
            .actions
            .iter()
            .map(|a| ActionRow {
                action: a,
                lang,
                n,
                code: a.row().status.code(),
                lines: &a.lines,
                region: &a.row().region,
                name: a.row().name(lang),
                year: a.row().year,
            })
            .collect();
        let counts: Vec<String> = s
            .unassessed
            .iter()
            .map(|(st, v)| format!("{} {}", st.label(lang), v.len()))
            .collect();
        let groups = s
            .unassessed
            .iter()
            .map(|(st, v)| Group {
                summary: counted(st.label(lang), v.len(), lang),
                regions: by_region(v)
                    .into_iter()
                    .map(|(r, names)| (counted(r, names.len(), lang), names.join(lang.comma())))
                    .collect(),
            })
            .collect();
        View {
            heading: lang.say("Targets that need action", "需要采取行动的目标"),
            none: lang.say("No target is behind on the outturns.", "依据实际值，没有滞后的目标。"),
            note: askama::filters::Safe(lang.say("Graded from the outturns (plansim assess), the furthest behind first. Gap, in the target's own terms and positive on the good side: for a level, share or average rate, current − required pace (the mean the remaining years need; the target once none remain); for a bound, the headroom inside it; short by the target year = the target less where the current pace leads. Under each target, what each scenario says.", "依据实际值评估（plansim assess），最滞后的在前。差距以目标自身的口径计，正值为有利：达到某一水平的目标与年均速度目标为当前速度 − 所需速度（年均速度目标为其余年份所需的均值，目标年已过则为目标）；界限目标为距界限的余量；目标年尚差 = 目标减去按当前速度到目标年可达的水平。每个目标下列出各情景的结论。")),
            heads: headings(lang)[..n].to_vec(),
            rows,
            colon: lang.colon(),
            not_gradable: lang.say("Not gradable", "无法评估"),
            counts: counts.join(lang.say(", ", "，")),
            fine: if s.fine > 0 {
                format!(
                    "{}{}",
                    lang.say("; graded and not behind: ", "；已评估且未滞后："),
                    s.fine
                )
            } else {
                String::new()
            },
            groups,
        }
    }
}
