//! The command line's own words, in Chinese and English: its table headings and legends, keyed
//! by their English (`w("region")` is 地区), then its sentences: summaries, the lines above a
//! command's output, and how its errors and warnings start. The report has its own words
//! (`plansim_report`), and a rule's sentences sit beside the rule in the core.

use plansim_core::lang::Lang;

/// The headings, cell words and legends of the command's tables: (English, Chinese).
const WORDS: &[(&str, &str)] = &[
    // columns
    ("region", "地区"),
    ("seq", "序号"),
    ("notes", "注"),
    ("a year", "每年"),
    ("from the base", "（较基期）"),
    // relations of a target to another indicator (`高于GDP增长`)
    ("above", "高于"),
    ("not below", "不低于"),
    ("in step with", "同步于"),
    ("not above", "不高于"),
    ("below", "低于"),
    ("better than", "优于"),
    ("indicator", "指标"),
    ("unit", "单位"),
    ("model", "模型"),
    ("stated", "规划增速"),
    ("scenario", "情景增速"),
    ("required", "所需增速"),
    ("year", "年份"),
    ("years", "年份"),
    ("target", "目标"),
    ("value", "预测值"),
    ("met", "完成"),
    ("yes", "是"),
    ("no", "否"),
    ("row", "行"),
    ("category", "类别"),
    ("base", "基期值"),
    ("meaning", "含义"),
    ("rate", "增速"),
    ("attr", "属性"),
    ("severity", "级别"),
    ("code", "规则"),
    ("where", "出处"),
    ("finding", "说明"),
    ("error", "错误"),
    ("warning", "警告"),
    ("info", "提示"),
    ("σ", "σ"),
    ("p5", "p5"),
    ("p50", "p50"),
    ("p95", "p95"),
    ("P(meet)", "P(完成)"),
    ("Δ points", "Δ 百分点"),
    ("P(meet | scenario)", "情景下P(完成)"),
    (
        "P(meet | scenario): the share of draws meeting the target under this scenario's rates and σ — a what-if, conditional on the scenario, not a status (grades from outturns: plansim assess)",
        "情景下P(完成)：在本情景的增速与σ下达标的抽样比例——属情景假设，以情景为条件，并非评估结论（依据实际值的评估见 plansim assess）",
    ),
    ("set by hand", "手设"),
    (
        "targets without outturns or a σ set by hand have no probability (no outturns)",
        "无实际值且未手设σ的目标不给概率（无实际值）",
    ),
    // plansim assess
    ("grade", "评估"),
    ("latest", "最新实际值"),
    ("pace / needed", "实际速度 / 所需速度"),
    ("against history", "对照过去"),
    ("P", "P(趋势)"),
    ("reason", "依据"),
    (
        "latest: * preliminary; pace / needed: the observed pace (or mean) and what the remaining years need; P: chance of meeting the target on the observed trend (two or more observed changes); against history: the pace the target needs from its base year beside the pace of the five years before it",
        "最新实际值：* 为预计数；实际速度 / 所需速度：已观察到的速度（或均值）与剩余年份所需；P(趋势)：按观察到的趋势达标的概率（至少两个年度变化）；对照过去：目标自基期起所需速度与基期前五年实际速度之比",
    ),
    (
        "some actuals are hypothetical (basis = hypothetical in their file): a what-if, not published figures",
        "部分实际值为假设数据（文件中 basis 为 hypothetical）：属情景假设，并非公布数据",
    ),
    ("from", "起始年"),
    ("change", "变化"),
    ("before → after", "变化前 → 变化后"),
    ("none", "无"),
    ("delegated", "上级下达"),
    ("qualitative", "定性"),
    ("total", "累计"),
    ("rows", "行"),
    ("draws", "次模拟"),
    // legends
    (
        "✓/✗ target met/missed in that year; * actual; required = annual rate the first target needs from the latest actual",
        "✓/✗ 当年完成/未完成目标；* 实际值；所需增速 = 从最新实际值出发完成首个目标所需的年均增速",
    ),
    (
        "P(meet): the share of draws meeting the target under the scenario's σ — conditional on the scenario, not a forecast",
        "P(完成)：在本情景的 σ 下完成目标的模拟比例——以本情景为前提，并非预测",
    ),
    ("no findings", "没有发现问题"),
    ("no rules: the plans' own rates", "没有规则：按规划自身增速"),
    ("changes nothing", "未改变任何指标"),
    (
        "left out by kind (write kind = \"shares\" or \"all\" to include)",
        "按 kind 未包括（要包括，写 kind = \"shares\" 或 \"all\"）",
    ),
];

/// A word or phrase of the table above in a language (the English itself when not listed).
pub fn word(lang: Lang, en: &str) -> &str {
    match lang {
        Lang::En => en,
        Lang::Zh => WORDS
            .iter()
            .find(|(e, _)| *e == en)
            .map_or(en, |(_, zh)| zh),
    }
}

/// `check` read some tables only in part: their rows with unreadable cells are not audited.
pub fn unread_tables(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("plansim check：{n} 个表格含无法读取的单元格，相应的行未参加检查"),
        Lang::En => format!(
            "plansim check: {n} table{} with unreadable cells: their rows are left out of the audit",
            s(n)
        ),
    }
}

/// The last line of `check`: errors, warnings and infos over rows and files
/// (`plansim check: 1 error, 2 warnings, 3 info in 40 rows of 2 files`).
pub fn check_summary(
    lang: Lang,
    e: usize,
    w: usize,
    i: usize,
    rows: usize,
    files: usize,
) -> String {
    match lang {
        Lang::Zh => format!(
            "plansim check：{files} 个文件 {rows} 行中，错误 {e} 条，警告 {w} 条，提示 {i} 条"
        ),
        Lang::En => format!(
            "plansim check: {e} error{}, {w} warning{}, {i} info in {rows} row{} of {files} file{}",
            s(e),
            s(w),
            s(rows),
            s(files)
        ),
    }
}

/// `assess --as-of 2022`: the line above its table.
pub fn as_of_line(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("截至{year}年：{year}年以后的实际值不计"),
        Lang::En => format!("as of {year}: outturns after {year} ignored"),
    }
}

/// `assess`'s summary on stderr: the targets by grade (the official words in both languages).
pub fn graded(lang: Lang, n: usize, counts: &[(usize, &str)], hypothetical: bool) -> String {
    let list: Vec<String> = counts.iter().map(|(k, g)| format!("{k} {g}")).collect();
    match lang {
        Lang::Zh => format!(
            "plansim assess：{n} 个目标：{}{}",
            list.join("，"),
            if hypothetical {
                "（部分实际值为假设数据）"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "plansim assess: {n} target{}: {}{}",
            if n == 1 { "" } else { "s" },
            list.join(", "),
            if hypothetical {
                " (some outturns are hypothetical)"
            } else {
                ""
            }
        ),
    }
}

/// Tables with unreadable cells: their rows are not graded.
pub fn not_graded(lang: Lang, tables: usize) -> String {
    match lang {
        Lang::Zh => format!("plansim assess：{tables} 个表含无法读取的单元格，这些行未作评估"),
        Lang::En => format!(
            "plansim assess: {tables} table{} with unreadable cells: their rows are not graded",
            if tables == 1 { "" } else { "s" }
        ),
    }
}

/// Inputs a command could not use (`assess`, `check` reading outturns): it stops.
pub fn unusable_inputs(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("plansim：{n} 个输入无法使用，未做任何计算"),
        Lang::En => format!(
            "plansim: {n} input{} unusable; nothing done",
            if n == 1 { " is" } else { "s are" }
        ),
    }
}

/// `project`'s count of what it could not project, on stderr.
pub fn not_projected(lang: Lang, n: usize, of: usize, verbose: bool) -> String {
    let more = !verbose && n > 0;
    match lang {
        Lang::Zh => format!(
            "plansim project：{of} 个指标中 {n} 个无法预测（无基期值，也无实际值）{}",
            if more {
                "；--verbose 列出它们"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "plansim project: {n} of {of} indicators not projected (no baseline and no actual){}",
            if more { "; --verbose lists them" } else { "" }
        ),
    }
}

/// A scenario's name and question, heading a command's output.
pub fn scenario_line(lang: Lang, name: &str, description: &str) -> String {
    match lang {
        Lang::Zh => format!("情景 {name}：{description}"),
        Lang::En => format!("scenario {name}: {description}"),
    }
}

/// The scenario, draws and seed a simulation ran with.
pub fn draws_line(lang: Lang, name: &str, draws: usize, seed: u64) -> String {
    match lang {
        Lang::Zh => format!("情景 {name}：模拟 {draws} 次，种子 {seed}"),
        Lang::En => format!("scenario {name}: {draws} draws, seed {seed}"),
    }
}

/// `wrote <path>` after an output file is written.
pub fn wrote(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("已写入 {what}"),
        Lang::En => format!("wrote {what}"),
    }
}

/// How an error or a warning starts on stderr.
pub fn prefix(lang: Lang, error: bool) -> &'static str {
    match (lang, error) {
        (Lang::Zh, true) => "plansim：错误：",
        (Lang::Zh, false) => "plansim：警告：",
        (Lang::En, true) => "plansim: error: ",
        (Lang::En, false) => "plansim: warning: ",
    }
}

/// `report` with no scenario to run: what it looked for, and that it wrote nothing.
pub fn no_scenarios(lang: Lang, looked: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "在 {looked} 中没有找到情景文件（*.toml），未写入任何文件。请在仓库根目录运行，或给出情景文件或文件夹：plansim report path/to/scenarios/"
        ),
        Lang::En => format!(
            "no scenario files (*.toml) found in {looked}; nothing written. Run it in the repository's folder, or name scenario files or folders: plansim report path/to/scenarios/"
        ),
    }
}

/// The last line of `report`: scenarios written, time taken, the index page, failures.
pub fn report_summary(lang: Lang, ok: usize, secs: f64, index: &str, failed: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "plansim report：{ok} 个情景，用时 {secs:.1} 秒 → {index}{}",
            if failed > 0 {
                format!("；{failed} 个失败")
            } else {
                String::new()
            }
        ),
        Lang::En => format!(
            "plansim report: {ok} scenario{} in {secs:.1} s → {index}{}",
            s(ok),
            if failed > 0 {
                format!("; {failed} failed")
            } else {
                String::new()
            }
        ),
    }
}

/// A scenario `report` could not run (the error follows).
pub fn scenario_failed(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("情景 {path} 失败："),
        Lang::En => format!("scenario {path} failed: "),
    }
}

/// `project --years` naming years the projection does not hold.
pub fn years_outside(lang: Lang, years: &str, from: i32, to: i32) -> String {
    match lang {
        Lang::Zh => format!(
            "--years {years}：不在预测年份（{from}–{to}）之内，未列出；更远的年份请加 --horizon"
        ),
        Lang::En => format!(
            "--years {years}: not among the projection's years ({from}–{to}), left out; --horizon reaches further"
        ),
    }
}

fn s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plansim_core::notice::Severity;
    use plansim_core::table::Relation;

    fn known(en: &str) -> bool {
        WORDS.iter().any(|(e, _)| *e == en)
    }

    /// The text of the string literal `s` starts with, unescaped.
    fn literal(s: &str) -> Option<String> {
        let rest = s.trim_start().strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(out),
                '\\' => out.extend(chars.next()),
                c => out.push(c),
            }
        }
        None
    }

    /// Every word the command line looks up (`w("…")` on one line or several,
    /// `text_table(&[…])`, and the words it looks up from the engine's values) is in the
    /// table: a word missing would print in English in a Chinese table.
    #[test]
    fn the_command_lines_words_are_all_here() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
        let mut keys: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let file = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // the code, not its tests (these among them)
            let text = file.split("#[cfg(test)]").next().unwrap_or("");
            // `w(` as a name of its own, not the end of `new(` or `show(`
            let mut parts = text.split("w(");
            let mut before = parts.next().unwrap_or("");
            for part in parts {
                let own = !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
                if own {
                    keys.extend(literal(part));
                }
                before = part;
            }
            for part in text.split("text_table(&[").skip(1) {
                let list = part.split_once(']').map_or("", |(l, _)| l);
                keys.extend(list.split('"').skip(1).step_by(2).map(String::from));
            }
        }
        // looked up from values: a finding's severity, a relation's words, explain's and
        // project's headings chosen at run time
        let severities = [Severity::Error, Severity::Warning, Severity::Info];
        keys.extend(severities.map(|s| s.as_str().to_string()));
        let relations = [
            Relation::Above,
            Relation::NotBelow,
            Relation::InStep,
            Relation::NotAbove,
            Relation::Below,
            Relation::Better,
        ];
        keys.extend(relations.map(|r| r.words().to_string()));
        keys.extend(["change", "before → after"].map(String::from));
        // project's header, which also holds the years
        keys.extend(["model", "stated", "scenario", "required"].map(String::from));
        let missing: Vec<&String> = keys.iter().filter(|k| !known(k)).collect();
        assert!(missing.is_empty(), "{missing:?}");
        // and every word of the table is looked up somewhere
        let unused: Vec<&str> = WORDS
            .iter()
            .map(|(e, _)| *e)
            .filter(|e| !keys.iter().any(|k| k == e))
            .collect();
        assert!(unused.is_empty(), "{unused:?}");
    }

    #[test]
    fn words_in_both_languages() {
        assert_eq!(word(Lang::Zh, "region"), "地区");
        assert_eq!(word(Lang::En, "region"), "region");
        assert_eq!(word(Lang::Zh, "not in the table"), "not in the table");
        // every English key once
        for (k, (e, _)) in WORDS.iter().enumerate() {
            assert!(!WORDS[k + 1..].iter().any(|(o, _)| o == e), "{e} twice");
        }
    }
}
