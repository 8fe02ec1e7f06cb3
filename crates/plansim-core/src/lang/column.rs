//! The words of the columns every table of plansim shows — the command line's, the report's
//! pages and its workbook — written once here, so that a column reads the same wherever it is.

use super::Lang;

/// A column of plansim's tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Region,
    Plan,
    Indicator,
    Unit,
    Year,
    Target,
    Targets,
    TargetYear,
    Scenario,
    Grade,
    Severity,
    Code,
    Row,
    Message,
    Base,
    Change,
    AgainstHistory,
    Draws,
    /// The rate column of a table (年均增长, 累计).
    Rate,
}

impl Column {
    /// The column's word in a language.
    pub fn say(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Column::Region => ("region", "地区"),
            Column::Plan => ("plan", "规划"),
            Column::Indicator => ("indicator", "指标"),
            Column::Unit => ("unit", "单位"),
            Column::Year => ("year", "年份"),
            Column::Target => ("target", "目标"),
            Column::Targets => ("targets", "目标"),
            Column::TargetYear => ("target year", "目标年份"),
            Column::Scenario => ("scenario", "情景"),
            Column::Grade => ("grade", "评估"),
            Column::Severity => ("severity", "级别"),
            Column::Code => ("code", "规则"),
            Column::Row => ("row", "行"),
            Column::Message => ("message", "说明"),
            Column::Base => ("base", "基期"),
            Column::Rate => ("rate", "增速"),
            Column::Change => ("change", "变化"),
            Column::AgainstHistory => ("against history", "对照过去"),
            Column::Draws => ("draws", "次模拟"),
        };
        lang.say(en, zh)
    }
}
