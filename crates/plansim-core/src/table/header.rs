//! Header row: canonical English names and the Chinese headers of plan tables, years read from
//! header text (`2020年预计`, `2025年目标`).

use super::normalize::fold;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// `region`/地区.
    Region,
    /// `plan`/规划.
    Plan,
    /// `seq`/序号.
    Seq,
    /// `category`/类别.
    Category,
    /// `indicator`/指标.
    Name,
    /// `indicator_en`.
    NameEn,
    /// `unit`/单位.
    Unit,
    /// `base_year`: the baseline's year per row.
    BaseYear,
    /// The baseline; the year when the header gives one.
    Base(Option<i32>),
    /// `target_year`: the target's year per row.
    TargetYear,
    /// A target; the year when the header gives one.
    Target(Option<i32>),
    /// The stated growth; cumulative over the period when the header says `累计` (and not
    /// `年均`). `average` when the header names an annual average without saying growth
    /// (`年均/累计`, the national outline's): the column then holds the indicator's own yearly
    /// value for an indicator that is not a growth (城镇调查失业率 `＜5.5`).
    Rate {
        /// `累计`: a total over the period.
        cumulative: bool,
        /// `年均` without growth: an annual average of the value itself.
        average: bool,
    },
    /// `attribute`/属性.
    Attribute,
    /// `sigma`: the row's volatility in points.
    Sigma,
    /// `source`: where the row was transcribed from.
    Source,
    /// An unnamed column right of the name, holding sub-items of a merged name
    /// (`主要污染物排放总量减少` over `化学需氧量`, `氨氮`, …).
    SubName,
    /// Remarks on the row: `备注`, `说明`.
    Remark,
    /// What was achieved by the year a target column also names (`2005年` beside `“十五”计划目标`,
    /// `实现情况` over `2010年`): an achievement table's outcome.
    Outcome(Option<i32>),
    /// The achieved average rate or period total of an achievement table (`“十五”年均增长` beside
    /// an outcome column, `实现情况` over `年均增长`).
    OutcomeRate,
}

/// A header row mapped to fields; `None` for columns plansim does not use.
#[derive(Clone, Debug)]
pub(crate) struct Layout {
    /// One field per column, in column order.
    pub fields: Vec<Option<Field>>,
}

impl Layout {
    /// The first column holding a field.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    /// Whether some column's field passes `pred`.
    pub fn has(&self, pred: impl Fn(Field) -> bool) -> bool {
        self.fields.iter().flatten().any(|f| pred(*f))
    }

    /// Reads a header row; `None` when it has no indicator-name column (not a header).
    pub fn read(cells: &[String]) -> Option<Layout> {
        let folded: Vec<String> = cells.iter().map(|c| fold(c).to_lowercase()).collect();
        let mut fields: Vec<Option<Field>> = folded.iter().map(|h| classify(h)).collect();
        mark_outcomes(&folded, &mut fields);
        resolve_bare_years(&folded, &mut fields);
        drop_earlier_targets(&mut fields);
        split_merged_name(&folded, &mut fields);
        let layout = Layout { fields };
        layout.column(Field::Name).map(|_| layout)
    }

    /// The first column of the stated rate, with what its header says.
    pub fn rate(&self) -> Option<(usize, bool, bool)> {
        self.fields.iter().enumerate().find_map(|(i, f)| match f {
            Some(Field::Rate {
                cumulative,
                average,
            }) => Some((i, *cumulative, *average)),
            _ => None,
        })
    }

    /// Columns that hold the same field as an earlier one (a second rate column, a second
    /// base), which rows do not read: their indices.
    pub(crate) fn repeated(&self) -> Vec<usize> {
        let mut seen: Vec<std::mem::Discriminant<Field>> = Vec::new();
        let mut out = Vec::new();
        for (i, f) in self.fields.iter().enumerate() {
            let Some(f) = f else { continue };
            // targets repeat by design (2025年, 2035年)
            if matches!(f, Field::Target(_)) {
                continue;
            }
            let d = std::mem::discriminant(f);
            if seen.contains(&d) {
                out.push(i);
            } else {
                seen.push(d);
            }
        }
        out
    }
}

/// The last year of a plan period named in a header: `“十四五”目标` → 2025; `十五五` before
/// `十五`, which it contains.
pub(crate) fn period_year(h: &str) -> Option<i32> {
    [
        ("八五", 1995),
        ("九五", 2000),
        ("十五五", 2030),
        ("十一五", 2010),
        ("十二五", 2015),
        ("十三五", 2020),
        ("十四五", 2025),
        ("十五五", 2030),
        ("十六五", 2035),
        ("十五", 2005),
    ]
    .into_iter()
    .find_map(|(p, y)| h.contains(p).then_some(y))
}

/// A year written in a header: `2020年预计` → 2020.
pub(crate) fn year_in(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = &b[i..i + 4];
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        (bounded && w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
            .then(|| std::str::from_utf8(w).ok()?.parse().ok())
            .flatten()
    })
}

/// Words a year or plan-period header may hold beside its year: `2025年目标`, `2020年底`,
/// `2020(E)`, `“十五”计划目标`, `实现情况2010年`.
const YEAR_WORDS: [&str; 30] = [
    "规划目标",
    "计划目标",
    "目标值",
    "目标",
    "规划",
    "计划",
    "target",
    "预计数",
    "预计",
    "实际值",
    "实际",
    "实现情况",
    "实现",
    "完成情况",
    "完成值",
    "完成",
    "执行情况",
    "基期值",
    "基期",
    "现状值",
    "现状",
    "基数",
    "基准",
    "base",
    "(e)",
    "年底",
    "年末",
    "年",
    "值",
    "底",
];

/// A header that is a year or a plan period with at most the words of [`YEAR_WORDS`], a unit in
/// parentheses and quotes.
fn year_words_only(h: &str) -> bool {
    let mut rest = h.to_string();
    for p in [
        "十五五",
        "十六五",
        "十四五",
        "十三五",
        "十二五",
        "十一五",
        "十五",
        "九五",
        "八五",
    ] {
        rest = rest.replace(p, "");
    }
    if let Some(open) = rest.find('(')
        && rest.ends_with(')')
        && !rest[open..].eq_ignore_ascii_case("(e)")
    {
        rest.truncate(open);
    }
    for w in YEAR_WORDS {
        rest = rest.replace(w, "");
    }
    rest.chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || "\"“”'‘’-–—~～·".contains(c))
}

/// Words of an achievement table's outcome columns.
pub(crate) fn outcome_words(h: &str) -> bool {
    ["实现", "完成情况", "执行情况", "实际"]
        .iter()
        .any(|w| h.contains(w))
}

/// Words of a target column.
fn target_words(h: &str) -> bool {
    ["目标", "规划", "计划", "target"]
        .iter()
        .any(|w| h.contains(w))
}

/// An achievement table prints, beside a plan's targets, what was achieved: a year column (bare
/// or with `实现`/`实际` words) of a year a target column names is the outcome; the rate column
/// beside it, unless its header says target, is the achieved rate.
fn mark_outcomes(folded: &[String], fields: &mut [Option<Field>]) {
    let target_years: Vec<i32> = fields
        .iter()
        .filter_map(|f| match f {
            Some(Field::Target(Some(y))) => Some(*y),
            _ => None,
        })
        .collect();
    let mut any = false;
    for (h, f) in folded.iter().zip(fields.iter_mut()) {
        let year = match f {
            Some(Field::Base(Some(y))) => y.abs(),
            Some(Field::Target(Some(y))) if outcome_words(h) => *y,
            _ => continue,
        };
        let explicit_base = matches!(f, Some(Field::Base(Some(y))) if *y > 0) && !outcome_words(h);
        if target_years.contains(&year) && !explicit_base {
            *f = Some(Field::Outcome(Some(year)));
            any = true;
        }
    }
    if !any {
        return;
    }
    for (h, f) in folded.iter().zip(fields.iter_mut()) {
        if matches!(f, Some(Field::Rate { .. })) && (outcome_words(h) || !target_words(h)) {
            *f = Some(Field::OutcomeRate);
        }
    }
}

fn classify(h: &str) -> Option<Field> {
    let exact = |names: &[&str]| names.contains(&h);
    if h.is_empty() {
        return None;
    }
    // `增涨`, a common slip for 增长, and `涨幅` (a rise) say growth too
    let growth = ["增长", "增速", "增幅", "增涨", "涨幅"]
        .iter()
        .any(|w| h.contains(w));
    let rate_words = growth || h.contains("年均") || h.contains("累计");
    if rate_words && !h.contains("指标") {
        // `年均/累计`, `年均增速[累计]`, `“十四五”年均增长`, `2021-2025年均增长`, `累计`
        return Some(Field::Rate {
            cumulative: h.contains("累计") && !h.contains("年均"),
            average: !growth && h.contains("年均"),
        });
    }
    if let Some(year) = year_in(h).or_else(|| period_year(h)) {
        if !year_words_only(h) {
            // `note2024`, `2024年说明`: a year inside other words is no year column
            return None;
        }
        if h.contains("目标") || h.contains("规划") || h.contains("target") {
            return Some(Field::Target(Some(year)));
        }
        if [
            "预计", "实际", "基期", "现状", "基数", "基准", "完成", "base", "(e)",
        ]
        .iter()
        .any(|k| h.contains(k))
        {
            return Some(Field::Base(Some(year)));
        }
        if year_in(h).is_none() {
            // `“十三五”完成`, `“十四五”`: a period named without a year or a word for its role
            return Some(Field::Target(Some(year)));
        }
        // a bare year: base or target is decided once all headers are known
        return Some(Field::Target(None))
            .filter(|_| false)
            .or(Some(Field::Base(Some(-year))));
    }
    let f = if exact(&[
        "region",
        "地区",
        "地区名称",
        "区域",
        "行政区",
        "旗县区",
        "地方",
    ]) {
        Field::Region
    } else if exact(&["plan", "规划", "计划", "规划名称", "文件"]) {
        Field::Plan
    } else if exact(&["seq", "no", "no.", "#", "序号", "编号"]) {
        Field::Seq
    } else if exact(&["category", "类别", "领域", "分类", "类型", "维度", "方面"]) {
        Field::Category
    } else if exact(&NAME_HEADERS) {
        Field::Name
    } else if exact(&["indicator_en", "name_en", "english", "英文名称", "英文"]) {
        Field::NameEn
    } else if exact(&["unit", "单位", "计量单位"]) {
        Field::Unit
    } else if exact(&["base_year", "基期年份", "基年", "基期年"]) {
        Field::BaseYear
    } else if exact(&["base", "基期值", "基期", "基数", "现状值", "基准值"]) {
        Field::Base(None)
    } else if exact(&["target_year", "目标年份", "目标年"]) {
        Field::TargetYear
    } else if exact(&["target", "目标值", "目标", "规划目标"]) {
        Field::Target(None)
    } else if exact(&["rate", "growth"]) {
        Field::Rate {
            cumulative: false,
            average: false,
        }
    } else if exact(&["attribute", "属性", "指标属性", "性质", "指标性质"]) {
        Field::Attribute
    } else if exact(&["sigma", "σ", "volatility", "波动率"]) {
        Field::Sigma
    } else if exact(&["source", "来源", "出处", "数据来源"]) {
        Field::Source
    } else if exact(&["备注", "说明", "注释", "note", "notes", "remark"]) {
        Field::Remark
    } else {
        return None;
    };
    Some(f)
}

/// Bare year headers (`2020年`, `2025年`) were marked as provisional bases with a negative year:
/// the earliest becomes the base (unless a base column exists), the others targets.
fn resolve_bare_years(_folded: &[String], fields: &mut [Option<Field>]) {
    let bare: Vec<(usize, i32)> = fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| match f {
            Some(Field::Base(Some(y))) if *y < 0 => Some((i, -*y)),
            _ => None,
        })
        .collect();
    let has_base = fields
        .iter()
        .any(|f| matches!(f, Some(Field::Base(y)) if y.is_none_or(|y| y > 0)));
    let first = bare.iter().map(|(_, y)| *y).min();
    for (i, year) in bare {
        fields[i] = if !has_base && Some(year) == first {
            Some(Field::Base(Some(year)))
        } else {
            Some(Field::Target(Some(year)))
        };
    }
}

/// A target column of a year not after the base year is an earlier plan's (`“十三五”规划目标`
/// beside `2020年` and `“十四五”目标`): not read, and reported as such.
fn drop_earlier_targets(fields: &mut [Option<Field>]) {
    let Some(base) = fields.iter().find_map(|f| match f {
        Some(Field::Base(Some(y))) if *y > 0 => Some(*y),
        _ => None,
    }) else {
        return;
    };
    for f in fields.iter_mut() {
        if matches!(f, Some(Field::Target(Some(y))) if *y <= base) {
            *f = None;
        }
    }
}

/// A table pasted from a document often has `指标` over two merged columns: Excel keeps the
/// header in the first and leaves the second empty. Without a category column the two are
/// category and name; with one, the second holds the sub-items of a merged name.
fn split_merged_name(folded: &[String], fields: &mut [Option<Field>]) {
    let Some(name) = fields.iter().position(|f| *f == Some(Field::Name)) else {
        return;
    };
    if !folded.get(name + 1).is_some_and(String::is_empty) {
        return;
    }
    if fields.contains(&Some(Field::Category)) {
        fields[name + 1] = Some(Field::SubName);
    } else {
        fields[name] = Some(Field::Category);
        fields[name + 1] = Some(Field::Name);
    }
}

#[cfg(test)]
#[path = "header_tests.rs"]
mod tests;

/// The headers naming the indicator column (`指标名称`); also what a header that names no
/// column is compared with, for a "did you mean".
pub(crate) const NAME_HEADERS: [&str; 7] = [
    "indicator",
    "name",
    "指标",
    "指标名称",
    "主要指标",
    "指标名",
    "项目",
];

/// Chinese headers of the columns other than the indicator's, for the "did you mean" of a
/// column plansim does not read (`属姓` → `属性`).
pub(crate) const READ_HEADERS: [&str; 20] = [
    "地区",
    "规划",
    "序号",
    "类别",
    "领域",
    "指标",
    "指标名称",
    "单位",
    "计量单位",
    "基期年份",
    "基期值",
    "目标年份",
    "目标值",
    "年均增长",
    "属性",
    "指标属性",
    "性质",
    "来源",
    "备注",
    "说明",
];
