//! The sentences of `plansim assess`'s grades, English and Chinese side by side. The rules
//! build their reasons here from numbers already printed (`format::significant`) and the target
//! as printed.

use crate::lang::Text;

fn t(en: String, zh: String) -> Text {
    Text::new(en, zh)
}

/// `so far` / `至今`, `as of 2022` / `截至2022年`.
pub fn as_of(year: Option<i32>) -> Text {
    match year {
        Some(y) => t(format!("as of {y}"), format!("截至{y}年")),
        None => t("so far".into(), "至今".into()),
    }
}

/// A pace's unit: `% a year`, `points a year`, `points`, `万人 a year`.
pub fn unit(en: &str) -> Text {
    let zh = match en {
        "% a year" => "%/年".to_string(),
        "points a year" => "个百分点/年".to_string(),
        "points" => "个百分点".to_string(),
        u => match u.strip_suffix(" a year") {
            // a table's own `百分点` (〔6〕百分点 over a period) counts as points do
            Some("百分点") => "个百分点/年".to_string(),
            Some(x) => format!("{x}/年"),
            None => u.to_string(),
        },
    };
    t(en.into(), zh)
}

/// A number with its unit: `9.82% a year`, `0.44 points a year` / `0.44个百分点/年`. A pace
/// below zero is said as a fall (`下降2.52%/年`, `a fall of 2.52% a year`): `-2.52%/年`
/// under a name that says it falls (`能耗降低`) read as a rise.
pub fn amount(v: &str, unit_en: &str) -> Text {
    if unit_en.ends_with(" a year")
        && let Some(fall) = v
            .strip_prefix('-')
            .filter(|f| !f.trim_start_matches(['0', '.']).is_empty())
    {
        let a = amount(fall, unit_en);
        return t(format!("a fall of {}", a.en), format!("下降{}", a.zh));
    }
    let u = unit(unit_en);
    let en = if u.en.starts_with('%') || u.en.is_empty() {
        format!("{v}{}", u.en)
    } else {
        format!("{v} {}", u.en)
    };
    t(en, format!("{v}{}", u.zh))
}

/// A period total's change to date, from a number as printed (`-4.28`): `累计下降4.28%` /
/// `down 4.28%`; a bare `-4.28%` under `…累计降低` read as a rise.
pub fn change_to_date(v: &str) -> Text {
    match v.strip_prefix('-') {
        Some(fall) => t(format!("down {fall}%"), format!("累计下降{fall}%")),
        None if v.trim_start_matches(['0', '.']).is_empty() => t(format!("{v}%"), format!("{v}%")),
        None => t(format!("up {v}%"), format!("累计上升{v}%")),
    }
}

/// `65.22 in 2022` / `2022年为65.22`.
pub(crate) fn level_in(v: &str, year: i32) -> Text {
    t(format!("{v} in {year}"), format!("{year}年为{v}"))
}

/// A change index to date with the yearly changes behind it.
pub(crate) fn fell(fall: bool, pct: &str, years: &str, changes: &[String]) -> Text {
    let word = if fall { "fell" } else { "rose" };
    let zh = if fall { "下降" } else { "上升" };
    match changes {
        // one year's change is the change: nothing multiplied
        [one] => t(
            format!("{word} {pct}% in {years} (the yearly change {one})"),
            format!("{years}年{zh}{pct}%（年度变化{one}）"),
        ),
        _ => t(
            format!(
                "{word} {pct}% over {years} (the yearly changes {}, multiplied)",
                changes.join(", ")
            ),
            format!(
                "{years}年累计{zh}{pct}%（逐年变化{}连乘）",
                changes.join("、")
            ),
        ),
    }
}

/// `a fall of 13.5% (〔13.5〕)`.
pub(crate) fn aim_change(fall: bool, pct: &str, printed: &str) -> Text {
    t(
        format!(
            "a {} of {pct}% ({printed})",
            if fall { "fall" } else { "rise" }
        ),
        format!("{}{pct}%（{printed}）", if fall { "下降" } else { "上升" }),
    )
}

/// ` from 60.6 (2019)`; from the first outturn when the table gives no baseline; a baseline
/// the table prints as preliminary (`2020年预计`) is said to be one.
pub fn from(x0: &str, y0: i32, first_outturn: bool, preliminary: bool) -> Text {
    if preliminary && !first_outturn {
        return t(
            format!(" from {x0} ({y0}, preliminary)"),
            format!("，起点为{y0}年的{x0}（预计数）"),
        );
    }
    if first_outturn {
        t(
            format!(" from {x0} (the first outturn, {y0}: the table gives no baseline)"),
            format!("，起点为首个实际值（{y0}年{x0}，表中无基期值）"),
        )
    } else {
        t(
            format!(" from {x0} ({y0})"),
            format!("，起点为{y0}年的{x0}"),
        )
    }
}

pub(crate) fn history(h: &Text) -> Text {
    t(
        format!("; outturns up to the base year went {}", h.en),
        format!("；基期及以前的实际值为{}", h.zh),
    )
}

pub(crate) fn averaged_before(h: &Text) -> Text {
    t(
        format!("; up to the base year it averaged {}", h.en),
        format!("；基期及以前平均为{}", h.zh),
    )
}

pub(crate) fn no_baseline_no_outturn(base_year: i32, as_of: &Text, aim: &Text) -> Text {
    t(
        format!(
            "no baseline in the table and no outturn after {base_year} {}: nothing to measure {} against",
            as_of.en, aim.en
        ),
        format!(
            "表中无基期值，{}{base_year}年后也没有实际值：无从衡量{}的进展",
            as_of.zh, aim.zh
        ),
    )
}

/// What a target to reach needs when no outturn counts: `opening` says why none does where
/// some were given (yearly figures that cannot be cumulated), else there is none after `y0`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn no_outturn_reach(
    y0: i32,
    as_of: &Text,
    opening: Option<&Text>,
    aim: &Text,
    year: i32,
    from: &Text,
    need: &Text,
    more: &Text,
) -> Text {
    let none = t(
        format!("no outturn after {y0} {}", as_of.en),
        format!("{y0}年后{}无实际值", as_of.zh),
    );
    let opening = opening.unwrap_or(&none);
    t(
        format!(
            "{}; {} by {year}{} needs {}{}",
            opening.en, aim.en, from.en, need.en, more.en
        ),
        format!(
            "{}；{year}年达到{}{}{}需{}{}",
            opening.zh,
            aim.zh,
            from.zh,
            if from.zh.is_empty() { "" } else { "，" },
            need.zh,
            more.zh
        ),
    )
}

/// Yearly figures that cannot be counted, the year `gap` missing before them: changes or
/// counts of a total built year by year from the base year `y0` (`2023's yearly figure cannot
/// be counted: 2021's is missing, and the total since 2020 is built year by year`), or a
/// level's yearly `growth`, which needs the level of the year before (`2023's growth cannot be
/// counted: the 2022 level it grows from is missing`).
pub(crate) fn uncounted(years: &[i32], gap: i32, y0: i32, growth: bool) -> Text {
    let (en, zh) = (
        years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join("、"),
    );
    let s = if years.len() == 1 { "" } else { "s" };
    if growth {
        return t(
            format!("{en}'s growth cannot be counted: the {gap} level it grows from is missing"),
            format!("{zh}年的增速无法计入：缺其所依据的{gap}年水平值"),
        );
    }
    t(
        format!(
            "{en}'s yearly figure{s} cannot be counted: {gap}'s is missing, and the total since \
             {y0} is built year by year"
        ),
        format!("{zh}年的年度数据无法计入：缺{gap}年数据，而自{y0}年以来的累计须逐年计算"),
    )
}

/// The target year's verdict: met inside the precision, met (and since), or missed.
pub(crate) fn in_target_year(
    now: &Text,
    aim: &Text,
    ok: bool,
    inside: Option<&str>,
    since: Option<i32>,
    from: &Text,
) -> Text {
    let (en, zh) = match (ok, inside, since) {
        (true, Some(p), _) => (
            format!("met inside the printed precision (±{p})"),
            format!("在公布精度（±{p}）内达到"),
        ),
        (true, None, Some(y)) => (
            format!("met, and since {y}"),
            format!("已达到（{y}年起即达到）"),
        ),
        (true, None, None) => ("met".into(), "已达到".into()),
        (false, _, _) => (format!("missed{}", from.en), format!("未达到{}", from.zh)),
    };
    t(
        format!("{} against {}: {en}", now.en, aim.en),
        format!("{}，目标{}：{zh}", now.zh, aim.zh),
    )
}

pub(crate) fn ahead(now: &Text, aim: &Text, year: i32, first: i32, from: &Text) -> Text {
    t(
        format!(
            "{}: {} met ahead of {year} (first in {first}){}{}",
            now.en,
            aim.en,
            if from.en.is_empty() { "" } else { "," },
            from.en
        ),
        format!(
            "{}：提前于{year}年达到{}（{first}年首次达到）{}",
            now.zh, aim.zh, from.zh
        ),
    )
}

pub(crate) fn one_outturn(now: &Text, aim: &Text, year: i32, need: &Text) -> Text {
    t(
        format!(
            "one outturn and no baseline ({}): progress cannot be measured; {} by {year} needs {}",
            now.en, aim.en, need.en
        ),
        format!(
            "只有一个实际值且无基期值（{}）：无法衡量进展；{year}年达到{}需{}",
            now.zh, aim.zh, need.zh
        ),
    )
}

/// Progress against what the plan's path expects: `path` is `compound`, `straight-line` or
/// `even`; `met_before` lists outturns that met the target and were not kept.
#[allow(clippy::too_many_arguments)]
pub fn progress(
    now: &Text,
    done: &str,
    from: &Text,
    aim: &Text,
    year: i32,
    expected: &str,
    by: i32,
    path: &str,
    r: &str,
    away: bool,
    met_before: &Text,
) -> Text {
    let path_zh = match path {
        "compound" => "复利",
        "straight-line" => "线性",
        _ => "匀速",
    };
    t(
        format!(
            "{}: {done}% of the way{} to {} by {year}, against {expected}% expected by {by} on the plan's {path} path (r = {r}){}{}",
            now.en,
            from.en,
            aim.en,
            if away {
                "; moving away from the target"
            } else {
                ""
            },
            if met_before.en.is_empty() {
                String::new()
            } else {
                format!("; met in {} but not since", met_before.en)
            }
        ),
        format!(
            "{}：已走完{}至{year}年{}全程的{done}%，按规划{path_zh}路径{by}年应走完{expected}%（r = {r}）{}{}",
            now.zh,
            from.zh.trim_start_matches('，'),
            aim.zh,
            if away { "；正在远离目标" } else { "" },
            if met_before.zh.is_empty() {
                String::new()
            } else {
                format!("；曾在{}达到，此后未再达到", met_before.zh)
            }
        ),
    )
}

pub(crate) fn breached(list: &Text) -> Text {
    if list.en.is_empty() {
        t("no year breached it".into(), "没有年份越界".into())
    } else {
        t(
            format!("breached in {}", list.en),
            format!("越界年份：{}", list.zh),
        )
    }
}

pub(crate) fn hold_no_outturn(
    base_year: i32,
    as_of: &Text,
    base: Option<(&str, bool)>,
    target: &str,
) -> Text {
    let Some(base) = base else {
        return t(
            format!(
                "no outturn after {base_year} {}; {target} is kept each year (no baseline printed)",
                as_of.en
            ),
            format!(
                "{base_year}年后{}无实际值；目标{target}按每年保持评估（未列基期值）",
                as_of.zh
            ),
        );
    };
    let (base, on_line) = base;
    if on_line {
        return t(
            format!(
                "no outturn after {base_year} {}; the baseline {base} is on the line of {target}",
                as_of.en
            ),
            format!(
                "{base_year}年后{}无实际值；基期值{base}在目标{target}的界限上",
                as_of.zh
            ),
        );
    }
    t(
        format!(
            "no outturn after {base_year} {}; the baseline {base} is within {target}",
            as_of.en
        ),
        format!(
            "{base_year}年后{}无实际值；基期值{base}符合目标{target}",
            as_of.zh
        ),
    )
}

/// How a kept bound started: its baseline within it, or no baseline printed (a bound kept
/// each year).
fn kept_from(base: Option<(&str, bool)>, final_year: bool) -> Text {
    match (base, final_year) {
        (Some((b, true)), _) => t(
            format!("the baseline {b} on its line"),
            format!("基期值{b}在界限上"),
        ),
        (Some((b, _)), true) => t(format!("kept from {b}"), format!("基期值{b}已在其内")),
        (Some((b, _)), false) => t(
            format!("the baseline {b} was within it"),
            format!("基期值{b}在其内"),
        ),
        (None, _) => t(
            "no baseline printed: kept each year".into(),
            "未列基期值：按每年保持评估".into(),
        ),
    }
}

pub(crate) fn hold_final(
    latest: &str,
    year: i32,
    target: &str,
    base: Option<(&str, bool)>,
    breached: &Text,
) -> Text {
    let from = kept_from(base, true);
    t(
        format!(
            "{latest} in {year} against {target} ({}); {}",
            from.en, breached.en
        ),
        format!(
            "{year}年为{latest}，目标{target}（{}）；{}",
            from.zh, breached.zh
        ),
    )
}

pub(crate) fn hold_mid(
    mean: &str,
    years: &str,
    target: &str,
    base: Option<(&str, bool)>,
    breached: &Text,
) -> Text {
    let from = kept_from(base, false);
    t(
        format!(
            "mean {mean} over {years} against {target} ({}); {}",
            from.en, breached.en
        ),
        format!(
            "{years}年均值{mean}，目标{target}（{}）；{}",
            from.zh, breached.zh
        ),
    )
}

pub(crate) fn annual_no_outturn(
    base_year: i32,
    as_of: &Text,
    growth: bool,
    target: &str,
    more: &Text,
) -> Text {
    t(
        format!(
            "no outturn after {base_year} {}; the target asks {}{target} each year{}",
            as_of.en,
            if growth { "growth " } else { "" },
            more.en
        ),
        format!(
            "{base_year}年后{}无实际值；目标要求每年{}{target}{}",
            as_of.zh,
            if growth { "增速" } else { "" },
            more.zh
        ),
    )
}

pub(crate) fn annual(
    growth: bool,
    mean: &Text,
    years: &str,
    target: &str,
    beyond: bool,
    breached: &Text,
    any_breach: bool,
) -> Text {
    // a year beyond the bound beside a grade within it: the grade reads the period's mean
    let (on_mean_en, on_mean_zh) = if any_breach {
        ("; graded on the period's mean", "；评级依据期间均值")
    } else {
        ("", "")
    };
    t(
        format!(
            "{}averaged {} over {years} against {target} each year{}; {}{on_mean_en}",
            if growth { "growth " } else { "" },
            mean.en,
            if beyond {
                ", beyond the bound by 20 % of it or more"
            } else {
                ""
            },
            breached.en
        ),
        format!(
            "{years}年{}平均{}，目标为每年{target}{}；{}{on_mean_zh}",
            if growth { "增速" } else { "" },
            mean.zh,
            if beyond {
                "，超出界限20%以上"
            } else {
                ""
            },
            breached.zh
        ),
    )
}

pub(crate) fn rate_no_outturn(base_year: i32, as_of: &Text, target: &str, more: &Text) -> Text {
    t(
        format!(
            "no outturn after {base_year} {}; the target asks {target} a year{}",
            as_of.en, more.en
        ),
        format!(
            "{base_year}年后{}无实际值；目标为{target}{}",
            as_of.zh, more.zh
        ),
    )
}

pub(crate) fn rate(
    growth: bool,
    mean: &Text,
    span: &str,
    target: &str,
    low: &str,
    high: &str,
    need: Option<&Text>,
) -> Text {
    t(
        format!(
            "{} {} over {span} against {target} ({low}–{high}){}",
            if growth {
                "grew on average"
            } else {
                "averaged"
            },
            mean.en,
            need.map(|n| format!("; the remaining years need {} on average", n.en))
                .unwrap_or_default()
        ),
        format!(
            "{span}年{}{}，目标{target}（{low}–{high}）{}",
            if growth { "平均增长" } else { "平均为" },
            mean.zh,
            need.map(|n| format!("；剩余年份需平均{}", n.zh))
                .unwrap_or_default()
        ),
    )
}

pub(crate) fn relation_none(
    base_year: i32,
    as_of: &Text,
    name: &str,
    mine: &str,
    other: &str,
    theirs: &str,
) -> Text {
    let none = |s: &str, w: &str| {
        if s.is_empty() {
            w.to_string()
        } else {
            s.to_string()
        }
    };
    t(
        format!(
            "no year after {base_year} {} with outturns of both {name} ({}) and {other} ({}): nothing to compare",
            as_of.en,
            none(mine, "none"),
            none(theirs, "none")
        ),
        format!(
            "{base_year}年后{}没有{name}（{}）与{other}（{}）同时有实际值的年份：无从比较",
            as_of.zh,
            none(mine, "无"),
            none(theirs, "无")
        ),
    )
}

/// `verdict`: `above` (more than 0.5 point above, in step), `in-step`, `below`, `holds`, `fails`.
pub fn relation(
    mine: &str,
    years: &str,
    other: &str,
    theirs: &str,
    kind: crate::table::Relation,
    verdict: &str,
) -> Text {
    let kind_zh = kind.say(crate::lang::Lang::Zh);
    let (en, zh) = match verdict {
        "above" => ("more than 0.5 point above it", "高出0.5个百分点以上"),
        "in-step" => (
            "within 0.5 point: in step",
            "相差不超过0.5个百分点：基本同步",
        ),
        "below" => ("more than 0.5 point below it", "低了0.5个百分点以上"),
        "holds" => ("the relation holds", "关系成立"),
        _ => ("the relation does not hold", "关系不成立"),
    };
    t(
        format!(
            "averaged {mine}% a year over {years} against {other}'s {theirs}% ({} it): {en}",
            kind.words()
        ),
        format!("{years}年平均增长{mine}%，{other}为{theirs}%（目标：{kind_zh}）：{zh}"),
    )
}

/// `what`: `delegated`, `none` or `words`; `mean` the outturns' mean where there are some.
pub fn qualitative(what: &str, text: &str, mean: Option<(&str, &str)>) -> Text {
    let (en, zh) = match what {
        "delegated" => ("set by a higher level", "由上级下达"),
        "none" => ("no target", "无目标"),
        _ => ("words only", "仅有文字表述"),
    };
    t(
        format!(
            "{en} ({text}): no number to grade{}",
            mean.map(|(y, m)| format!("; outturns {y} averaged {m}% a year"))
                .unwrap_or_default()
        ),
        format!(
            "{zh}（{text}）：没有可评估的数值{}",
            mean.map(|(y, m)| format!("；{y}年实际值平均为{m}%"))
                .unwrap_or_default()
        ),
    )
}

pub(crate) fn preliminary(year: i32) -> Text {
    t(
        format!(" ({year} figure preliminary)"),
        format!("（{year}年数据为预计数）"),
    )
}

pub(crate) fn hypothetical() -> Text {
    t(
        " — hypothetical outturns, not published figures".into(),
        "——依据假设的实际值，并非公布数据".into(),
    )
}

/// Where the base of a rise counted from it came from (see [`crate::meaning::BaseNote`]).
pub(crate) fn base_note(note: &crate::meaning::BaseNote) -> Text {
    use crate::format::significant as n;
    match *note {
        crate::meaning::BaseNote::Outturn {
            year,
            value,
            printed_year,
            printed,
        } => t(
            format!(
                "base: the {year} outturn {} in place of the table's {printed_year} figure {}",
                n(value),
                n(printed)
            ),
            format!(
                "基期值：采用{year}年实际值{}，代替表中{printed_year}年数据{}",
                n(value),
                n(printed)
            ),
        ),
        crate::meaning::BaseNote::NextPlan {
            year,
            value,
            printed_year,
            printed,
        } => t(
            format!(
                "base: the next plan's {year} figure {} in place of the table's {printed_year} figure {}",
                n(value),
                n(printed)
            ),
            format!(
                "基期值：采用下一规划表中{year}年数据{}，代替表中{printed_year}年数据{}",
                n(value),
                n(printed)
            ),
        ),
        crate::meaning::BaseNote::Earlier { year, plan_year } => t(
            format!(
                "base: the table's {year} figure stands for {plan_year}; no {plan_year} outturn is known"
            ),
            format!("基期值：暂以表中{year}年数据代替{plan_year}年，{plan_year}年实际值未知"),
        ),
    }
}

/// Outturns say nominal or real (`名义`/`实际`): the target does not say, or says the other.
pub fn basis(outturn: crate::names::Basis, target: Option<crate::names::Basis>) -> Text {
    use crate::names::Basis;
    let en = |b: Basis| match b {
        Basis::Nominal => "名义 (nominal)",
        Basis::Real => "实际 (real)",
    };
    let zh = |b: Basis| match b {
        Basis::Nominal => "名义口径",
        Basis::Real => "实际口径",
    };
    match target {
        None => t(
            format!(
                "outturns are {}; the target does not say nominal or real",
                en(outturn)
            ),
            format!("实际值为{}；目标未说明名义或实际", zh(outturn)),
        ),
        Some(b) => t(
            format!(
                "warning: outturns are {} but the target is {}",
                en(outturn),
                en(b)
            ),
            format!("警告：实际值为{}，而目标为{}", zh(outturn), zh(b)),
        ),
    }
}

impl Text {
    /// `self` followed by `more`, in each language.
    pub fn then(mut self, more: &Text) -> Text {
        // to the size it needs: a grade's sentence is held to the end of the run
        self.en.reserve_exact(more.en.len());
        self.zh.reserve_exact(more.zh.len());
        self.en.push_str(&more.en);
        self.zh.push_str(&more.zh);
        self
    }

    /// The same text in both languages (numbers, years, names as printed).
    pub fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Text::new(s.clone(), s)
    }
}

/// Outturns on both bases matched one row: those on `used` grade it, those on the other basis
/// (in `years`) are set aside; `stated` when the target names its basis.
pub(crate) fn basis_set_aside(used: crate::names::Basis, years: &str, stated: bool) -> Text {
    use crate::names::Basis;
    let (en_used, en_other, zh_used, zh_other) = match used {
        Basis::Real => ("实际 (real)", "名义 (nominal)", "实际口径", "名义口径"),
        Basis::Nominal => ("名义 (nominal)", "实际 (real)", "名义口径", "实际口径"),
    };
    if stated {
        t(
            format!(
                "outturns on the {en_other} basis ({years}) not used: those on the target's {en_used} basis are"
            ),
            format!("{zh_other}实际值（{years}）未采用：采用与目标一致的{zh_used}"),
        )
    } else {
        t(
            format!(
                "outturns on the {en_other} basis ({years}) not used: the target does not say, and growth in a plan is at comparable prices unless it says otherwise, so the {en_used} ones are"
            ),
            format!(
                "{zh_other}实际值（{years}）未采用：目标未说明口径，规划增速除另有说明外按可比价计算，故采用{zh_used}"
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    /// A pace below zero is a fall and a period's change below zero a fall to date, in both
    /// languages; zero and rises keep their numbers.
    #[test]
    fn falls_are_said_as_falls() {
        let a = super::amount("-2.52", "% a year");
        assert_eq!(
            (a.en.as_str(), a.zh.as_str()),
            ("a fall of 2.52% a year", "下降2.52%/年")
        );
        let a = super::amount("-0.6", "points a year");
        assert_eq!(a.zh, "下降0.6个百分点/年");
        assert_eq!(super::amount("1.9", "points a year").zh, "1.9个百分点/年");
        // the national 15th plan's 〔6〕 in a unit of 百分点: 6/5 = 1.2 a year, counted so
        assert_eq!(super::amount("1.2", "百分点 a year").zh, "1.2个百分点/年");
        // a level's amount is no pace: its sign stays
        assert_eq!(super::amount("-3", "万人").zh, "-3万人");
        let c = super::change_to_date("-4.28");
        assert_eq!(
            (c.en.as_str(), c.zh.as_str()),
            ("down 4.28%", "累计下降4.28%")
        );
        assert_eq!(super::change_to_date("0.8").zh, "累计上升0.8%");
        assert_eq!(super::change_to_date("0").zh, "0%");
    }
}
