//! `unit-mismatch`: the unit column against the cells and the name.
//!
//! Error when a cell's magnitude cannot be in the unit (`305.8亿` under `%`: the cells are
//! levels in 亿 whatever the unit says). Warning when the name and the unit disagree: a count
//! per 1000 people (每千人…数) in `%`, a share or rate (…率, 比重, 占比) in 万人 or 亿元, a
//! `%` sign in a cell whose unit is not a percentage, a unit word in a cell that the unit
//! column does not name. The unit printed at the end of the name (`常住人口城镇化率（%）`) against
//! the unit column: error when one is a percentage and the other not, else a warning. One
//! finding per row, listing every reason.

use super::words as say;
use super::{Check, CheckOptions, Code, Finding, Numbers, is_growth_name};
use crate::lang::Text;
use crate::notice::Severity;
use crate::table::name::same_unit;
use crate::table::{Cell, Indicator, Unit, UnitKind};

pub(crate) struct UnitMismatch;

impl Check for UnitMismatch {
    fn code(&self) -> Code {
        Code::UnitMismatch
    }

    fn check(&self, indicators: &[Indicator], _: &CheckOptions) -> Vec<Finding> {
        indicators.iter().filter_map(check_row).collect()
    }
}

/// Name parts that make a count per so many people or households.
const PER_N: [&str; 9] = [
    "每千",
    "每万",
    "每百",
    "每十万",
    "每亿",
    "千人",
    "万人口",
    "人均",
    "户均",
];

/// Name endings of a share or a rate in percent; `生产率` (productivity) and `效率` are not.
fn is_share_name(name: &str) -> bool {
    let name = name.trim_end_matches([')', '）']);
    ["率", "比重", "占比", "比例", "覆盖", "程度"]
        .iter()
        .any(|w| name.ends_with(w))
        && !["生产率", "效率", "功率", "汇率", "频率"]
            .iter()
            .any(|w| name.ends_with(w))
}

fn reasons(ind: &Indicator) -> Vec<(Severity, Text)> {
    let mut out = Vec::new();
    let unit = &ind.unit;
    let cells = [("base", &ind.base), ("target", &ind.target)];
    let clashing: Vec<&Cell> = cells
        .iter()
        .map(|(_, c)| *c)
        .filter(|c| c.magnitude.is_some() && unit.factor_for(c).is_none())
        .collect();
    if let Some(first) = clashing.first() {
        let mag = first.magnitude.map_or("", |m| m.symbol());
        let quoted: Vec<String> = clashing.iter().map(|c| format!("`{}`", c.raw)).collect();
        let mut why = say::unit_magnitude(&unit.raw, &quoted, mag, unit.kind == UnitKind::Points);
        if is_growth_name(&ind.name) {
            why = why.and(say::unit_growth_name(&ind.name, &ind.rate.raw));
        }
        out.push((Severity::Error, why));
    }
    if let Some(own) = &ind.name_parts.unit
        && !same_unit(own, &unit.raw)
    {
        let share = |u: &Unit| u.is_share();
        let severity = if share(&Unit::parse(own)) != share(unit) {
            Severity::Error
        } else {
            Severity::Warning
        };
        out.push((
            severity,
            say::unit_in_name(&ind.name_parts.printed, own, &unit.raw),
        ));
    }
    let per_n = PER_N.iter().find(|w| ind.name.contains(**w));
    if let Some(w) = per_n
        && unit.is_share()
        && !is_share_name(&ind.name)
        && !is_growth_name(&ind.name)
    {
        out.push((
            Severity::Warning,
            say::unit_per_n(&ind.name, w, &unit.raw, &ind.base.raw),
        ));
    }
    if is_share_name(&ind.name)
        && matches!(
            unit.kind,
            UnitKind::Money | UnitKind::Quantity | UnitKind::Duration
        )
    {
        out.push((
            Severity::Warning,
            say::unit_share_amount(&ind.name, &unit.raw),
        ));
    }
    for (what, cell) in cells {
        if cell.percent
            && !matches!(
                unit.kind,
                UnitKind::Percent | UnitKind::Points | UnitKind::Unitless
            )
        {
            out.push((
                Severity::Warning,
                say::unit_cell_percent(what, &cell.raw, &unit.raw),
            ));
        }
        if let Some(word) = &cell.suffix
            && !unit.raw.is_empty()
            && !unit.raw.contains(word.as_str())
        {
            out.push((
                Severity::Warning,
                say::unit_cell_word(what, &cell.raw, word, &unit.raw),
            ));
        }
    }
    out
}

fn check_row(ind: &Indicator) -> Option<Finding> {
    let reasons = reasons(ind);
    let severity = reasons.iter().map(|r| r.0).min()?;
    let message = Text::join(&reasons.into_iter().map(|r| r.1).collect::<Vec<_>>());
    let level = |c: &Cell| c.point().map(|n| n.value * ind.factor(c));
    Some(
        Finding::new(ind, Code::UnitMismatch, severity, message).with(Numbers {
            base_value: level(&ind.base),
            target_value: level(&ind.target),
            ..Numbers::default()
        }),
    )
}

#[cfg(test)]
mod name_unit_tests {
    use super::*;
    use crate::check::tests_support::row;

    fn with_name_unit(printed: &str, own: &str, column: &str) -> Vec<(Severity, String)> {
        let mut ind = row("x", column, 2020, "60.6", 2025, "65", "");
        ind.name_parts.printed = printed.into();
        ind.name_parts.unit = Some(own.into());
        reasons(&ind).into_iter().map(|(s, t)| (s, t.en)).collect()
    }

    #[test]
    fn the_name_and_the_unit_column() {
        assert!(with_name_unit("常住人口城镇化率（%）", "%", "％").is_empty());
        let r = with_name_unit("常住人口城镇化率（%）", "%", "万人");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, Severity::Error);
        assert!(
            r[0].1
                .contains("ends in the unit `%` but the unit column says `万人`")
        );
        // two counts: a doubt, not an impossibility (规模养殖场(户) counted in 处)
        let r = with_name_unit("绒山羊规模养殖场(户)", "户", "处");
        assert_eq!(
            r.iter().map(|r| r.0).collect::<Vec<_>>(),
            [Severity::Warning]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests_support::row;

    fn verdict(name: &str, unit: &str, base: &str, target: &str) -> Option<Severity> {
        check_row(&row(name, unit, 2020, base, 2025, target, "")).map(|f| f.severity)
    }

    #[test]
    fn magnitudes_under_a_percent_unit_are_errors() {
        assert_eq!(
            verdict("地区生产总值增长率", "%", "305.8亿", "430亿"),
            Some(Severity::Error)
        );
        // 亿 under 亿元 is the unit itself
        assert_eq!(verdict("地区生产总值", "亿元", "305.8亿", "430亿"), None);
        assert_eq!(
            verdict("x", "个百分点", "1.2万", "2"),
            Some(Severity::Error)
        );
    }

    #[test]
    fn names_against_units_are_warnings() {
        assert_eq!(
            verdict("医疗机构每千人床位数", "%", "6.3", "8"),
            Some(Severity::Warning)
        );
        // a count per 1000 people in 人 is how statistical yearbooks print it
        assert_eq!(
            verdict("每千人口拥有执业医师数", "人", "2.56", "3.11"),
            None
        );
        assert_eq!(
            verdict("每万人口发明专利拥有量", "件/万人", "1.8", "3"),
            None
        );
        // a share of people per 1000 in ‰ is a share
        assert_eq!(verdict("每千人口出生率", "‰", "8", "9"), None);
        assert_eq!(
            verdict("城镇化率", "万人", "63", "70"),
            Some(Severity::Warning)
        );
        assert_eq!(verdict("全员劳动生产率", "万元", "10", "12"), None);
        assert_eq!(
            verdict("新增就业", "万人", "1", "5%"),
            Some(Severity::Warning)
        );
        assert_eq!(verdict("新增就业", "万人", "1", "1.2万人"), None);
        assert_eq!(
            verdict("新增就业", "万人", "1", "1.2万元"),
            Some(Severity::Warning)
        );
        assert_eq!(verdict("森林覆盖率", "%", "13.39", "18"), None);
    }
}
