//! Header row: canonical English names and the Chinese headers of plan tables, years read from
//! header text (`2020年预计`, `2025年目标`).

use super::normalize::fold;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Region,
    Plan,
    Seq,
    Category,
    Name,
    NameEn,
    Unit,
    BaseYear,
    /// The baseline; the year when the header gives one.
    Base(Option<i32>),
    TargetYear,
    /// A target; the year when the header gives one.
    Target(Option<i32>),
    /// The stated growth; cumulative over the period when the header says `累计`.
    Rate {
        cumulative: bool,
    },
    Attribute,
    Sigma,
    Source,
}

/// A header row mapped to fields; `None` for columns plansim does not use.
#[derive(Clone, Debug)]
pub struct Layout {
    pub fields: Vec<Option<Field>>,
}

impl Layout {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    pub fn has(&self, pred: impl Fn(Field) -> bool) -> bool {
        self.fields.iter().flatten().any(|f| pred(*f))
    }

    /// Reads a header row; `None` when it has no indicator-name column (not a header).
    pub fn read(cells: &[String]) -> Option<Layout> {
        let folded: Vec<String> = cells.iter().map(|c| fold(c).to_lowercase()).collect();
        let mut fields: Vec<Option<Field>> = folded.iter().map(|h| classify(h)).collect();
        resolve_bare_years(&folded, &mut fields);
        split_merged_name(&folded, &mut fields);
        let layout = Layout { fields };
        layout.column(Field::Name).map(|_| layout)
    }
}

/// A year written in a header: `2020年预计` → 2020.
pub fn year_in(text: &str) -> Option<i32> {
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

fn classify(h: &str) -> Option<Field> {
    let exact = |names: &[&str]| names.contains(&h);
    if h.is_empty() {
        return None;
    }
    if let Some(year) = year_in(h) {
        if h.contains("目标") || h.contains("规划") || h.contains("target") {
            return Some(Field::Target(Some(year)));
        }
        if [
            "预计", "实际", "基期", "现状", "基数", "基准", "完成", "base",
        ]
        .iter()
        .any(|k| h.contains(k))
        {
            return Some(Field::Base(Some(year)));
        }
        if h.contains("增长") || h.contains("增速") {
            return Some(Field::Rate {
                cumulative: h.contains("累计"),
            });
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
    } else if exact(&[
        "indicator",
        "name",
        "指标",
        "指标名称",
        "主要指标",
        "指标名",
        "项目",
    ]) {
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
    } else if exact(&["rate", "growth"])
        || ((h.contains("增长") || h.contains("增速")) && !h.contains("指标"))
    {
        Field::Rate {
            cumulative: h.contains("累计"),
        }
    } else if exact(&["累计", "累计(%)"]) {
        Field::Rate { cumulative: true }
    } else if exact(&["attribute", "属性", "指标属性", "性质", "指标性质"]) {
        Field::Attribute
    } else if exact(&["sigma", "σ", "volatility", "波动率"]) {
        Field::Sigma
    } else if exact(&["source", "来源", "出处", "数据来源"]) {
        Field::Source
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

/// A table pasted from a document often has `指标` over two merged columns (category and name):
/// Excel keeps the header in the first and leaves the second empty.
fn split_merged_name(folded: &[String], fields: &mut [Option<Field>]) {
    let Some(name) = fields.iter().position(|f| *f == Some(Field::Name)) else {
        return;
    };
    let has_category = fields.contains(&Some(Field::Category));
    if !has_category && folded.get(name + 1).is_some_and(String::is_empty) {
        fields[name] = Some(Field::Category);
        fields[name + 1] = Some(Field::Name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(headers: &[&str]) -> Vec<Option<Field>> {
        let cells: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
        Layout::read(&cells).map(|l| l.fields).unwrap_or_default()
    }

    #[test]
    fn chinese_plan_headers() {
        use Field::*;
        let f = layout(&[
            "序号",
            "类别",
            "指标",
            "单位",
            "2020年\n预计",
            "2025年目标",
            "年均增长(%)",
            "属性",
        ]);
        assert_eq!(
            f,
            [
                Seq,
                Category,
                Name,
                Unit,
                Base(Some(2020)),
                Target(Some(2025)),
                Rate { cumulative: false },
                Attribute
            ]
            .map(Some)
        );
    }

    #[test]
    fn bare_years_and_merged_name() {
        use Field::*;
        let f = layout(&[
            "序号",
            "指标",
            "",
            "单位",
            "2020年",
            "2025年",
            "2035年",
            "累计增长",
            "属性",
        ]);
        assert_eq!(
            f,
            [
                Seq,
                Category,
                Name,
                Unit,
                Base(Some(2020)),
                Target(Some(2025)),
                Target(Some(2035)),
                Rate { cumulative: true },
                Attribute
            ]
            .map(Some)
        );
    }

    #[test]
    fn canonical_headers() {
        use Field::*;
        let f = layout(&[
            "region",
            "indicator",
            "unit",
            "base_year",
            "base",
            "target_year",
            "target",
            "rate",
            "extra",
        ]);
        assert_eq!(
            f,
            vec![
                Some(Region),
                Some(Name),
                Some(Unit),
                Some(BaseYear),
                Some(Base(None)),
                Some(TargetYear),
                Some(Target(None)),
                Some(Rate { cumulative: false }),
                None
            ]
        );
    }

    #[test]
    fn years_in_headers() {
        assert_eq!(year_in("2020年预计"), Some(2020));
        assert_eq!(year_in("年均增长(%)"), None);
        assert_eq!(year_in("20201"), None);
    }
}
