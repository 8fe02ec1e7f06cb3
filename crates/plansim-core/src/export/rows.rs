//! Table rows as `plansim tables --format csv` writes them: every cell as printed beside what
//! it was read as, and what the notes, marks and rate column add.

use crate::lang::{Column, Lang};
use crate::meaning::GoalKind;
use crate::meaning::{BaseNote, Meaning, Quantity};
use crate::table::{Attribute, Form, Indicator, RateKind};
use serde::Serialize;

/// One row of `plansim tables --format csv`: the raw cells beside their meaning.
#[derive(Serialize)]
pub(crate) struct TableRow<'a> {
    /// The file the row was read from.
    pub file: String,
    /// Its 1-based row.
    pub row: usize,
    /// The region.
    pub region: &'a str,
    /// The plan.
    pub plan: &'a str,
    /// The numbering before the name (`1.`, `（3）`).
    pub seq: &'a str,
    /// The category (类别/领域).
    pub category: &'a str,
    /// The indicator's name, numbering and unit read off.
    pub indicator: &'a str,
    /// The English name, where the table gives one.
    pub indicator_en: &'a str,
    /// The unit column as printed.
    pub unit: &'a str,
    /// The unit the values are in once magnitudes (亿, 万) are applied.
    pub value_unit: String,
    /// The base year.
    pub base_year: i32,
    /// The base cell as printed.
    pub base: &'a str,
    /// What the base cell is (number, bound, none …).
    pub base_kind: &'static str,
    /// The base as a number in `value_unit`.
    pub base_value: Option<f64>,
    /// The target year.
    pub target_year: i32,
    /// The target cell as printed.
    pub target: &'a str,
    /// What the target cell is (number, at-least, at-most, range, period-total …).
    pub target_kind: &'static str,
    /// The lowest value the target allows, in `value_unit` (empty when open).
    pub target_low: Option<f64>,
    /// The highest value the target allows, in `value_unit` (empty when open).
    pub target_high: Option<f64>,
    /// The target is a total over the period.
    pub period_total: bool,
    /// The rate cell as printed.
    pub rate: &'a str,
    /// What the rate cell is.
    pub rate_kind: &'static str,
    /// The rate as a number (percent a year, or the period total).
    pub rate_value: Option<f64>,
    /// The rate is a total over the period, not a yearly rate.
    pub rate_cumulative: bool,
    /// What the rate column states: annual, total-percent, total-amount, yearly.
    pub rate_reading: &'static str,
    /// `expected` (预期性), `binding` (约束性) or empty.
    #[serde(serialize_with = "attribute_word")]
    pub attribute: Attribute,
    /// Whether the indicator should rise or fall.
    pub direction: &'static str,
    /// Where the row was transcribed from.
    pub source: &'a str,
    /// What the notes, marks, name and rate column add, as in the readable table.
    pub notes: String,
    /// What the row measures, by its meaning: level, share, rate, period-change, running-total.
    pub quantity: &'static str,
    /// The rule the target is graded by: reach, hold, annual-bound, annual-rate,
    /// period-total, relational, qualitative.
    pub target_rule: &'static str,
    /// The target's kind in the row's terms: point, at-least, at-most, about, range.
    pub goal_kind: &'static str,
    /// The target in the row's terms, the one every command uses: the level to reach
    /// (`〔1〕` 岁 from 77.1: 78.1), the change index for a fall (`〔13.5〕`: 86.5), the sum of
    /// a flow (`[5575]`), the near end of a range; a yearly rate for a rate target.
    pub goal_value: Option<f64>,
    /// The base year and value the target counts from, in the row's terms.
    pub meaning_base_year: Option<i32>,
    /// The base in the row's terms (100 for a change index, 0 for a running total).
    pub meaning_base: Option<f64>,
    /// Where the base comes from when it is not the plan's base year as printed.
    pub base_note: String,
}

/// The word of a goal's kind.
pub(crate) fn goal_word(g: &GoalKind) -> &'static str {
    match g {
        GoalKind::Point { .. } => "point",
        GoalKind::AtLeast { .. } => "at-least",
        GoalKind::AtMost { .. } => "at-most",
        GoalKind::About { .. } => "about",
        GoalKind::Range { .. } => "range",
    }
}

/// The target a row's meaning states, briefly and in the row's terms: `78.1`, `≥1.2`, `>98`,
/// `≤3256`, `约2000`, `86.5 (2020=100)`, `3-4`.
pub fn goal_text(m: &Meaning, base_year: i32) -> Option<String> {
    let g = m.target.goal()?;
    let n = crate::format::significant;
    let text = match g {
        GoalKind::Point { value } => n(value),
        GoalKind::AtLeast { value, strict } => {
            format!("{}{}", if strict { ">" } else { "≥" }, n(value))
        }
        GoalKind::AtMost { value, strict } => {
            format!("{}{}", if strict { "<" } else { "≤" }, n(value))
        }
        GoalKind::About { value, .. } => format!("约{}", n(value)),
        GoalKind::Range { low, high } => format!("{}~{}", n(low), n(high)),
    };
    Some(if m.quantity == Quantity::PeriodChange {
        format!("{text} ({base_year}=100)")
    } else {
        text
    })
}

/// Where a base comes from, in English: `2020 outturn 77.93 in place of the 2019 figure
/// 77.3`, `the 2019 figure stands for 2020: no 2020 outturn`.
pub(crate) fn base_note_words(note: &BaseNote) -> String {
    match *note {
        BaseNote::Outturn {
            year,
            value,
            printed_year,
            printed,
        } => format!(
            "base {year} outturn {} in place of the {printed_year} figure {}",
            crate::format::significant(value),
            crate::format::significant(printed)
        ),
        BaseNote::NextPlan {
            year,
            value,
            printed_year,
            printed,
        } => format!(
            "base {year} from the next plan's table {} in place of the {printed_year} figure {}",
            crate::format::significant(value),
            crate::format::significant(printed)
        ),
        BaseNote::Earlier { year, plan_year } => {
            format!("base: the {year} figure stands for {plan_year} (no {plan_year} outturn)")
        }
    }
}

/// The low and high ends a target allows, in the value unit (`None` = open).
fn target_bounds(ind: &Indicator) -> (Option<f64>, Option<f64>) {
    let f = ind.factor(&ind.target);
    // as printed, to the cell's own decimals (7.000000000000001 never reaches the CSV)
    let v = |n: &crate::table::Num| crate::format::printed(n.value, n.decimals, f);
    match &ind.target.form {
        Form::Number { value } | Form::About { value } => (Some(v(value)), Some(v(value))),
        Form::AtLeast { value, .. } => (Some(v(value)), None),
        Form::AtMost { value, .. } => (None, Some(v(value))),
        Form::Range { low, high } => (Some(v(low)), Some(v(high))),
        _ => (None, None),
    }
}

/// The exported row of a table row, with its meaning from the table alone.
pub(crate) fn table_row(ind: &Indicator) -> TableRow<'_> {
    table_row_with(ind, &Meaning::of(ind))
}

/// The exported row of a table row with its meaning `m` (as made with the outturns).
pub(crate) fn table_row_with<'a>(ind: &'a Indicator, m: &Meaning) -> TableRow<'a> {
    let (target_low, target_high) = target_bounds(ind);
    let goal = m.target.goal();
    TableRow {
        file: ind.file.display().to_string(),
        row: ind.row,
        region: &ind.region,
        plan: &ind.plan,
        seq: &ind.seq,
        category: &ind.category,
        indicator: &ind.name,
        indicator_en: &ind.name_en,
        unit: &ind.unit.raw,
        value_unit: ind.value_unit(),
        base_year: ind.base_year,
        base: &ind.base.raw,
        base_kind: ind.base.kind(),
        base_value: ind
            .base
            .point()
            .map(|n| crate::format::printed(n.value, n.decimals, ind.factor(&ind.base))),
        target_year: ind.target_year,
        target: &ind.target.raw,
        target_kind: ind.target.kind(),
        target_low,
        target_high,
        period_total: ind.target.is_period_total(),
        rate: &ind.rate.raw,
        rate_kind: ind.rate.kind(),
        rate_value: ind
            .rate
            .point()
            .map(|n| crate::format::printed(n.value, n.decimals, 1.0)),
        rate_cumulative: ind.rate_cumulative || ind.rate.is_period_total(),
        rate_reading: rate_kind(ind.rate_kind),
        attribute: ind.attribute,
        direction: match m.direction {
            crate::table::Direction::Rising => "rising",
            crate::table::Direction::Falling => "falling",
        },
        source: &ind.source,
        notes: annotations(ind, Lang::En).join("; "),
        quantity: m.quantity.word(),
        target_rule: m.target.rule(),
        goal_kind: goal.as_ref().map_or("", goal_word),
        goal_value: goal.map(|g| g.level(m.direction)),
        meaning_base_year: m.base.map(|b| b.0),
        meaning_base: m.base.map(|b| b.1),
        base_note: m
            .base_note
            .as_ref()
            .map(base_note_words)
            .unwrap_or_default(),
    }
}

/// The export's word for an attribute: `expected`, `binding`, empty when unstated.
fn attribute_word<S: serde::Serializer>(a: &Attribute, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match a {
        Attribute::Expected => "expected",
        Attribute::Binding => "binding",
        Attribute::Unstated => "",
    })
}

fn rate_kind(kind: RateKind) -> &'static str {
    match kind {
        RateKind::Annual => "annual",
        RateKind::TotalPercent => "total-percent",
        RateKind::TotalAmount => "total-amount",
        RateKind::Yearly => "yearly",
    }
}

/// What a row says beyond its cells' values, briefly, in a language: `base 2019 ②`, `rate
/// total 2021–2025 in 岁 ①`, `rate above 国内生产总值（GDP）增长`, `target from rate`,
/// `sub-item of …`, `note ③` (`基期 2019 ②`, `增速 2021–2025年累计（岁） ①`, …). The
/// exports' `notes` column speaks English, as their other data columns do.
pub fn annotations(ind: &Indicator, lang: Lang) -> Vec<String> {
    let say = |en: &'static str, zh: &'static str| lang.say(en, zh);
    let mut out = Vec::new();
    for (assumed, what, year) in [
        (ind.base_year_assumed, Column::Base.say(lang), ind.base_year),
        (
            ind.target_year_assumed,
            Column::Target.say(lang),
            ind.target_year,
        ),
    ] {
        if assumed {
            out.push(match lang {
                Lang::En => format!("{what} year {year} assumed"),
                Lang::Zh => format!("{what}年份{year}为推定"),
            });
        }
    }
    if let Some(p) = &ind.name_parts.parent {
        out.push(match lang {
            Lang::En => format!("sub-item of {p}"),
            Lang::Zh => format!("{p}的子项"),
        });
    }
    for (what, cell) in [
        (Column::Base.say(lang), &ind.base),
        (Column::Target.say(lang), &ind.target),
        (Column::Rate.say(lang), &ind.rate),
    ] {
        let rate = std::ptr::eq(cell, &ind.rate);
        if std::ptr::eq(cell, &ind.target) && ind.target_from_rate {
            out.push(say("target from rate", "目标取自增速栏").into());
            continue;
        }
        let mut says: Vec<String> = Vec::new();
        if let Some(y) = cell.year {
            says.push(match lang {
                Lang::En => y.to_string(),
                Lang::Zh => format!("{y}年"),
            });
        }
        if cell.preliminary {
            says.push(say("preliminary", "预计").into());
        }
        if let Some([from, to]) = cell.period_years {
            let of = match (rate, ind.rate_kind) {
                (true, RateKind::TotalPercent) => say(", % change", "（变化%）").to_string(),
                (true, RateKind::TotalAmount) if ind.unit.is_share() => {
                    say(" in points", "（百分点）").into()
                }
                (true, RateKind::TotalAmount) => match lang {
                    Lang::En => format!(" in {}", ind.unit.raw),
                    Lang::Zh => format!("（{}）", ind.unit.raw),
                },
                _ => String::new(),
            };
            says.push(match lang {
                Lang::En => format!("total {from}–{to}{of}"),
                Lang::Zh => format!("{from}–{to}年累计{of}"),
            });
        }
        if rate && ind.rate_kind == RateKind::Yearly {
            says.push(say("each year's value", "各年数值").into());
        }
        if let Form::Relational(r) = &cell.form {
            let crate::table::Relational {
                relation,
                other,
                indicator,
                ..
            } = &**r;
            let other = indicator.as_deref().unwrap_or(other);
            says.push(match lang {
                Lang::En => format!("{} {other}", relation.say(lang)),
                Lang::Zh => format!("{}{other}", relation.say(lang)),
            });
        }
        if let Some(r) = &cell.remark {
            says.push(format!("+ {r}"));
        }
        let labels: String = cell.notes.iter().map(note_label).collect();
        if !labels.is_empty() {
            says.push(labels);
        }
        if !says.is_empty() {
            out.push(format!("{what} {}", says.join(" ")));
        }
    }
    for (what, cell) in [
        (say("outcome", "实现情况"), &*ind.outcome),
        (say("outcome rate", "实现增速"), &*ind.outcome_rate),
    ] {
        if !cell.is_none() {
            out.push(format!("{what} {}", cell.raw.trim()));
        }
    }
    for n in &ind.notes {
        out.push(match (crate::table::alternative::alternative(n), lang) {
            (Some((basis, figure)), Lang::En) => format!("{figure} on another basis ({basis})"),
            (Some((basis, figure)), Lang::Zh) => format!("另一口径（{basis}）为{figure}"),
            (None, _) => format!("{} {}", say("note", "见"), note_label(n)),
        });
    }
    if !ind.remark.is_empty() {
        out.push(format!("备注 {}", ind.remark));
    }
    for r in &ind.readings {
        out.push(match lang {
            Lang::En => format!("also stated as {}: graded here", r.line(lang)),
            Lang::Zh => format!("另表述为{}：在此评估", r.line(lang)),
        });
    }
    if let Some(row) = ind.restates {
        out.push(match lang {
            Lang::En => format!("states row {row}'s target again: graded there"),
            Lang::Zh => format!("重述第{row}行的目标：在该行评估"),
        });
    }
    out
}

/// `①` as printed; `注1` for a note numbered `1.`, `注` for one without a number.
pub fn note_label(n: &crate::table::Note) -> String {
    match n.label.chars().next() {
        Some(c) if !c.is_ascii_digit() => n.label.clone(),
        _ => format!("注{}", n.label),
    }
}

/// Every row of tables as CSV bytes, one line per row (`plansim tables --format csv`).
pub fn table_rows_csv<'a>(rows: impl IntoIterator<Item = &'a Indicator>) -> crate::Result<Vec<u8>> {
    super::to_csv(rows.into_iter().map(table_row))
}

/// [`table_rows_csv`] written to `w` row by row, never whole in memory.
pub fn write_table_rows_csv<'a>(
    w: impl std::io::Write,
    rows: impl IntoIterator<Item = &'a Indicator>,
) -> crate::Result<()> {
    super::write_csv(w, rows.into_iter().map(table_row))
}
