//! What plansim says about a scenario file, its rules and its values, in both languages. Each
//! message speaks the file's words (`[[override]]`, `from = 2023`), never the program's types.

use super::Lang;
use super::reading::Wrong;
use super::reading::nearest;
use serde::Serialize;

/// The kind of rule a message is about, named as the file writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// `[[override]]`.
    Override,
    /// `[[shock]]`.
    Shock,
    /// `[[after.phase]]`.
    Phase,
    /// `[after]`.
    After,
    /// `[models]`.
    Models,
    /// `[uncertainty.sigma_by]`.
    SigmaBy,
    /// `[uncertainty]`.
    Uncertainty,
}

impl Rule {
    /// `[[override]]`, `[models]`…: the same in both languages.
    pub fn table(self) -> &'static str {
        match self {
            Rule::Override => "[[override]]",
            Rule::Shock => "[[shock]]",
            Rule::Phase => "[[after.phase]]",
            Rule::After => "[after]",
            Rule::Models => "[models]",
            Rule::SigmaBy => "[uncertainty.sigma_by]",
            Rule::Uncertainty => "[uncertainty]",
        }
    }
}

/// One thing plansim says about a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "message", rename_all = "kebab-case")]
pub enum Msg {
    /// A key the table does not have.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The closest names, for a "did you mean".
        nearest: Vec<String>,
        /// The keys the table may have.
        keys: Vec<String>,
    },
    /// A key the table must have.
    MissingKey {
        /// The key.
        key: String,
    },
    /// A value of the wrong sort (`draws = "100"`).
    WrongType {
        /// The sort written.
        found: String,
        /// The sort wanted.
        expected: String,
    },
    /// A word outside a list (`model = "comp"`).
    UnknownChoice {
        /// The word written.
        value: String,
        /// The words allowed.
        choices: Vec<String>,
        /// The closest names, for a "did you mean".
        nearest: Vec<String>,
    },
    /// `rate = 5%` without quotes.
    Unquoted {
        /// The value as written.
        text: String,
    },
    /// A value that cannot be read (a year in quotes, a rate that is no percent).
    Value(Wrong),
    /// The TOML reader's own words (a syntax error).
    Syntax(String),
    /// The file `extends` cannot be read.
    ExtendsUnreadable {
        /// The file it extends, as written.
        parent: String,
        /// Why it cannot be read.
        error: String,
    },
    /// `extends` comes back to a file already in the chain.
    ExtendsCycle {
        /// The files of the chain, in order.
        chain: Vec<String>,
    },
    /// No `tables`, given or inherited.
    NoTables,
    /// A table or an outturn file cannot be read.
    Unreadable {
        /// An indicator table (else an outturn file).
        table: bool,
        /// The file as written.
        path: String,
        /// Why it cannot be read.
        error: String,
        /// The files beside it whose names are nearest, when it does not exist.
        near: Vec<String>,
    },
    /// A simulation whose draws would hold more than a quarter of the machine's memory.
    DrawsTooMany {
        /// The draws asked for.
        draws: usize,
        /// The threads that would each hold them.
        workers: usize,
        /// The memory they would hold, as printed (`29.8 GB`).
        need: String,
        /// The machine's memory, as printed.
        total: String,
    },
    /// `horizon` is not a year from 1900 to 2200.
    HorizonNotYear {
        /// The horizon written.
        horizon: i32,
    },
    /// `horizon` comes before an indicator's base year.
    HorizonBeforeBase {
        /// The horizon written.
        horizon: i32,
        /// The base year it precedes.
        base_year: i32,
        /// The indicator as the table names it.
        indicator: String,
    },
    /// A name in a rule that no table has.
    NoSuchName {
        /// The rule it is about.
        rule: Rule,
        /// The key naming it (`indicator`, `category`, `region`, `attribute`).
        field: &'static str,
        /// The name as written.
        name: String,
        /// The closest names, for a "did you mean".
        nearest: Vec<String>,
    },
    /// Every name exists, but no indicator has them all.
    NoneTogether {
        /// The rule it is about.
        rule: Rule,
        /// The rule's selecting keys as written (`category = "经济发展"`).
        fields: Vec<String>,
    },
    /// A rule on a category of shares that reaches levels only.
    KindLeavesNothing {
        /// The rule it is about.
        rule: Rule,
        /// The kind it reaches.
        kind: &'static str,
        /// The kind its names hold.
        other: &'static str,
        /// A few of the indicators left out.
        names: Vec<String>,
    },
    /// A rule that changes nothing: none of its change keys is given.
    NeedsChange {
        /// The rule it is about.
        rule: Rule,
        /// The keys it may give, in words.
        keys: &'static str,
    },
    /// A rule giving two changes where it takes one.
    OneChange {
        /// The rule it is about.
        rule: Rule,
        /// The change keys given.
        given: Vec<String>,
    },
    /// `from` after `to`.
    YearsReversed {
        /// The rule it is about.
        rule: Rule,
        /// The first year written.
        from: i32,
        /// The last year written.
        to: i32,
    },
    /// A σ outside 0–100 points.
    SigmaRange {
        /// The value as written.
        text: String,
    },
    /// `common` outside 0–1.
    CommonRange {
        /// The share written.
        value: f64,
    },
    /// `df` of 2 or less: the Student-t has no finite variance.
    Df {
        /// The degrees of freedom written.
        value: f64,
    },
    /// Compound growth from a baseline of zero or below.
    CompoundNonPositive {
        /// The indicator as the table names it.
        indicator: String,
        /// The level the path starts from.
        start: f64,
    },
    /// A logistic model for an indicator whose unit has no ceiling.
    LogisticNoCeiling {
        /// The indicator as the table names it.
        indicator: String,
        /// The unit, as printed.
        unit: String,
        /// The level the path starts from.
        start: f64,
    },
    /// A level shock that the model cannot reach (a share pushed past its ceiling).
    LevelUnreachable {
        /// The indicator as the table names it.
        indicator: String,
        /// The year of the shock.
        year: i32,
    },
    /// `rate = 0.05` on GDP: read as 0.05 % a year.
    LooksLikeFraction {
        /// The key (`rate`, `delta`).
        key: &'static str,
        /// The value as written.
        text: String,
        /// The region and indicator it reaches.
        indicator: String,
        /// The indicator's stated rate, as shown.
        pace: String,
    },
    /// `sigma = 0.02`: read as 0.02 points.
    SigmaLooksLikeFraction {
        /// The key (`sigma` or the indicator under `sigma_by`).
        key: String,
        /// The value as written.
        text: String,
    },
    /// A rule without `region` that reaches several regions.
    SpansRegions {
        /// The rule it is about.
        rule: Rule,
        /// The regions it reaches.
        regions: Vec<String>,
    },
    /// A rule on years that have outturns, which keep them.
    ObservedYears {
        /// The rule it is about.
        rule: Rule,
        /// The indicator as the table names it.
        indicator: String,
        /// The region of the indicator.
        region: String,
        /// The observed years the rule falls on.
        years: Vec<i32>,
    },
    /// `sweep --indicator` names no indicator of the scenario.
    NoIndicator {
        /// The name given.
        name: String,
        /// The region given, if any.
        region: Option<String>,
        /// The closest names, for a "did you mean".
        nearest: Vec<String>,
    },
    /// `sweep --delta -0.05..0.05`: points that look like fractions.
    DeltasLookLikeFractions {
        /// The range as given.
        text: String,
    },
    /// Not projected: no baseline (with or without a numeric target).
    NoBaseline {
        /// The row has a numeric target.
        target: bool,
    },
    /// Not projected: a growth rate, whose cells are yearly rates, not a level.
    GrowthRate,
    /// Not projected: its first actual is after the horizon.
    ActualAfterHorizon {
        /// The year of the first actual.
        first: i32,
        /// The scenario's horizon.
        horizon: i32,
    },
    /// A message already in words.
    Plain(String),
}

impl Default for Msg {
    fn default() -> Msg {
        Msg::Plain(String::new())
    }
}

impl Msg {
    /// The message in a language.
    pub fn render(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let l = |v: &[String]| lang.list(v);
        let near = |v: &[String]| nearest(v, false, lang);
        match self {
            Msg::ExtendsUnreadable { parent, error } => match zh {
                true => format!(
                    "`extends` 指向的 {parent} 无法读取：{}",
                    crate::lang::io_words(error, lang)
                ),
                false => format!("`extends` {parent}, which cannot be read: {error}"),
            },
            Msg::ExtendsCycle { chain } => match zh {
                true => format!("`extends` 形成循环：{}", chain.join(" → ")),
                false => format!("`extends` makes a cycle: {}", chain.join(" → ")),
            },
            Msg::NoTables => lang
                .say(
                    "names no `tables` (here or in what it extends)",
                    "没有 `tables`（本文件及其继承的文件中都没有）",
                )
                .into(),
            Msg::Unreadable {
                table,
                path,
                error,
                near,
            } => {
                let said = match (zh, table) {
                    (true, true) => format!(
                        "无法读取其指标表 {path}：{}",
                        crate::lang::io_words(error, lang)
                    ),
                    (true, false) => format!(
                        "无法读取其实际值文件 {path}：{}",
                        crate::lang::io_words(error, lang)
                    ),
                    (false, true) => format!("cannot read its table {path}: {error}"),
                    (false, false) => format!("cannot read its actuals {path}: {error}"),
                };
                if near.is_empty() {
                    said
                } else {
                    said + &lang.did_you_mean(near)
                }
            }
            Msg::DrawsTooMany {
                draws,
                workers,
                need,
                total,
            } => match zh {
                true => format!(
                    "{draws} 次抽样在 {workers} 个线程上约需 {need} 内存，超过本机 {total} 的四分之一；\
                     请减少抽样次数（--draws）或线程数（--jobs）"
                ),
                false => format!(
                    "{draws} draws on {workers} thread{} would hold about {need} of memory, \
                     more than a quarter of this machine's {total}; ask for fewer draws \
                     (--draws) or threads (--jobs)",
                    if *workers == 1 { "" } else { "s" }
                ),
            },
            Msg::HorizonNotYear { horizon } => match zh {
                true => format!("预测终点 {horizon} 不在 1900–2200 年之间"),
                false => format!("the horizon {horizon} is not a year from 1900 to 2200"),
            },
            Msg::HorizonBeforeBase {
                horizon,
                base_year,
                indicator,
            } => match zh {
                true => format!("预测终点 {horizon} 早于 {indicator} 的基期 {base_year}"),
                false => format!(
                    "the horizon {horizon} is before the base year {base_year} of {indicator}"
                ),
            },
            Msg::NoSuchName {
                rule,
                field,
                name,
                nearest: n,
            } => match zh {
                true => format!(
                    "{} 的 {field} = \"{name}\" 在表中没有{}",
                    rule.table(),
                    near(n)
                ),
                false => format!(
                    "the {} names {field} \"{name}\", which no table has{}",
                    rule.table(),
                    near(n)
                ),
            },
            Msg::NoneTogether { rule, fields } => match zh {
                true => format!(
                    "{} 选不到指标：没有同时满足 {} 的指标",
                    rule.table(),
                    l(fields)
                ),
                false => format!(
                    "the {} selects no indicator: none has {} together",
                    rule.table(),
                    fields.join(" and ")
                ),
            },
            Msg::KindLeavesNothing {
                rule,
                kind,
                other,
                names,
            } => match zh {
                true => format!(
                    "{} 未指明 `kind` 时只作用于{}，而所选的都是{}（{}）；要作用于它们，写 kind = \"{other}\"",
                    rule.table(),
                    kind_zh(kind),
                    kind_zh(other),
                    l(names)
                ),
                false => format!(
                    "the {} reaches {kind} unless it says otherwise, and selects only {other} ({}); write kind = \"{other}\" to reach them",
                    rule.table(),
                    names.join(", ")
                ),
            },
            Msg::NeedsChange { rule, keys } => match zh {
                true => format!("{} 需要 {keys} 之一", rule.table()),
                false => format!("the {} needs one of {keys}", rule.table()),
            },
            Msg::OneChange { rule, given } => match zh {
                true => format!("{} 只能给出一种变化，这里给了 {}", rule.table(), l(given)),
                false => format!(
                    "the {} gives one change, and here gives {}",
                    rule.table(),
                    given.join(" and ")
                ),
            },
            Msg::YearsReversed { rule, from, to } => match zh {
                true => format!("{} 的 from = {from} 晚于 to = {to}", rule.table()),
                false => format!("the {} runs from {from} to {to}, backwards", rule.table()),
            },
            Msg::SigmaRange { text } => match zh {
                true => format!("sigma {text} 不在 0 到 100 个百分点之间（2 = 每年 2 个百分点）"),
                false => format!("sigma {text} is not from 0 to 100 points (2 = 2 points a year)"),
            },
            Msg::CommonRange { value } => match zh {
                true => format!("common {value} 不是 0 到 1 之间的比例"),
                false => format!("common {value} is not a share between 0 and 1"),
            },
            Msg::Df { value } => match zh {
                true => format!("df {value}：方差有限的 t 分布需要 df > 2"),
                false => format!("df {value}: a Student-t with finite variance needs df > 2"),
            },
            Msg::CompoundNonPositive { indicator, start } => match zh {
                true => {
                    format!("复合增长需要正的基期值，而 {indicator} 从 {start} 开始；请用 `linear`")
                }
                false => format!(
                    "compound growth needs a positive baseline, and {indicator} starts at {start}; use `linear`"
                ),
            },
            Msg::LogisticNoCeiling {
                indicator,
                unit,
                start,
            } => match zh {
                true => format!(
                    "logistic 增长需要上限（% 或 ‰ 的比重）且基期值低于上限；{indicator} 单位为 `{unit}`，从 {start} 开始"
                ),
                false => format!(
                    "logistic growth needs a ceiling (a share in % or ‰) and a baseline below it; {indicator} is in `{unit}` and starts at {start}"
                ),
            },
            Msg::LevelUnreachable { indicator, year } => match zh {
                true => format!(
                    "{year} 年 {indicator} 的水平冲击超出了其模型能达到的范围（比重不能越过上限）"
                ),
                false => format!(
                    "the level shock to {indicator} in {year} takes it where its model cannot go (a share past its ceiling)"
                ),
            },
            Msg::LooksLikeFraction { .. }
            | Msg::SigmaLooksLikeFraction { .. }
            | Msg::SpansRegions { .. }
            | Msg::ObservedYears { .. }
            | Msg::NoBaseline { .. }
            | Msg::GrowthRate
            | Msg::ActualAfterHorizon { .. }
            | Msg::NoIndicator { .. }
            | Msg::DeltasLookLikeFractions { .. } => {
                super::advice::render(self, lang).unwrap_or_default()
            }
            Msg::Plain(s) => s.clone(),
            Msg::UnknownKey { .. }
            | Msg::MissingKey { .. }
            | Msg::WrongType { .. }
            | Msg::UnknownChoice { .. }
            | Msg::Unquoted { .. }
            | Msg::Value(_)
            | Msg::Syntax(_) => super::reading::render(self, lang).unwrap_or_default(),
        }
    }
}

fn kind_zh(kind: &str) -> &str {
    match kind {
        "levels" => "总量类指标（levels）",
        "shares" => "比重类指标（shares）",
        k => k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_messages_in_both_languages() {
        let m = Msg::NoSuchName {
            rule: Rule::Phase,
            field: "category",
            name: "经济发".into(),
            nearest: vec!["经济发展".into()],
        };
        assert_eq!(
            m.render(Lang::En),
            "the [[after.phase]] names category \"经济发\", which no table has; did you mean \"经济发展\"?"
        );
        assert_eq!(
            m.render(Lang::Zh),
            "[[after.phase]] 的 category = \"经济发\" 在表中没有；最接近的：\"经济发展\""
        );
    }
}
