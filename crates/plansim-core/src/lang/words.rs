//! The words of plansim's tables, summaries and labels, keyed by their English: `word("region")`
//! is 地区 in Chinese. Sentences with numbers in them are the functions below.

use super::Lang;

/// (English, Chinese).
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
    ("plan", "规划"),
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
    ("rule", "规则"),
    ("line", "位置"),
    ("change", "变化"),
    ("before → after", "变化前 → 变化后"),
    ("none", "无"),
    ("delegated", "上级下达"),
    ("qualitative", "定性"),
    ("total", "累计"),
    ("observed", "已有实际值"),
    ("no effect", "无变化"),
    ("rows", "行"),
    ("rules", "规则"),
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

/// Whether a phrase is in the catalogue (for tests of the callers).
pub fn known(en: &str) -> bool {
    WORDS.iter().any(|(e, _)| *e == en)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word the command line looks up (`w("…")`, `text_table(&[…])`) is in the table:
    /// a word missing would print in English in a Chinese table.
    #[test]
    fn the_command_lines_words_are_all_here() {
        let dir = crate::repo_file("src/cli");
        let mut missing = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let mut keys: Vec<String> = Vec::new();
            for part in text.split("w(\"").skip(1) {
                keys.extend(part.split_once("\")").map(|(k, _)| k.replace("\\\"", "\"")));
            }
            for part in text.split("text_table(&[").skip(1) {
                let list = part.split_once(']').map_or("", |(l, _)| l);
                keys.extend(list.split('"').skip(1).step_by(2).map(String::from));
            }
            missing.extend(keys.into_iter().filter(|k| !known(k)));
        }
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn words_in_both_languages() {
        assert_eq!(word(Lang::Zh, "region"), "地区");
        assert_eq!(word(Lang::En, "region"), "region");
        // every English key once
        for (k, (e, _)) in WORDS.iter().enumerate() {
            assert!(!WORDS[k + 1..].iter().any(|(o, _)| o == e), "{e} twice");
        }
    }
}
