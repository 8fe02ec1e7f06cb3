//! What a reader meets on the report's pages: the reference scenario of the comparison
//! (`report --against`), and the words of the Chinese pages.

use assert_cmd::Command;
use std::path::Path;

/// In Chinese, whatever the locale.
fn plansim() -> Command {
    let mut cmd = Command::cargo_bin("plansim").unwrap();
    cmd.env("LC_ALL", "zh_CN.UTF-8");
    cmd
}

/// Two scenarios of 科尔沁区's table in `dir`: `plan` (named neither baseline nor first in
/// name order) and `a-shock`, which extends it.
fn two_scenarios(dir: &Path) {
    let table = std::fs::canonicalize("scenarios/tables/horqin.csv").unwrap();
    let table = table.display().to_string().replace('\\', "/");
    std::fs::write(
        dir.join("plan.toml"),
        format!(
            "name = \"plan\"\nname_zh = \"规划情景\"\ntables = [\"{table}\"]\nhorizon = 2030\n\
             [uncertainty]\ndraws = 200\nseed = 7\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("a-shock.toml"),
        "extends = \"plan.toml\"\nname = \"a-shock\"\nname_zh = \"冲击情景\"\n\
         [[shock]]\nregion = \"*\"\ncategory = \"经济发展\"\nyear = 2024\ndelta = -5.0\n",
    )
    .unwrap();
}

/// The comparison's note names its reference: `…相对于<b>NAME</b>的变化…`.
fn reference(index: &str) -> &str {
    let at = index.find("括号内为相对于 <b>").unwrap() + "括号内为相对于 <b>".len();
    &index[at..at + index[at..].find("</b>").unwrap()]
}

#[test]
fn the_comparison_is_against_the_scenario_the_others_extend_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    two_scenarios(dir.path());
    let run = |extra: &[&str], out: &str| {
        let out = dir.path().join(out);
        plansim()
            .args(["report", "--no-charts", "--jobs", "1", "--out"])
            .arg(&out)
            .arg(dir.path())
            .args(extra)
            .assert()
            .success();
        std::fs::read_to_string(out.join("index.html")).unwrap()
    };
    // a-shock comes first in name order, but plan is the one it extends
    assert_eq!(reference(&run(&[], "default")), "规划情景");
    assert_eq!(
        reference(&run(&["--against", "a-shock"], "told")),
        "冲击情景"
    );
    // a name of no scenario of the batch: the nearest names, and nothing written
    let out = plansim()
        .args(["report", "--no-charts", "--against", "plna", "--out"])
        .arg(dir.path().join("wrong"))
        .arg(dir.path())
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("--against plna：本批没有这个名称的情景；最接近的：\"plan\""),
        "{err}"
    );
    assert!(!dir.path().join("wrong/index.html").exists());
}

/// The national plan's page: the targets met ask to be kept, not for a rate; findings by
/// their Chinese names (the code in the tooltip); the cells a finding quotes as code, never
/// between backticks; the index opens with the targets that need action.
#[test]
fn chinese_pages_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    plansim()
        .args([
            "report",
            "--no-charts",
            "--jobs",
            "1",
            "--draws",
            "200",
            "--out",
        ])
        .arg(&out)
        .args([
            "scenarios/national-14th.toml",
            "scenarios/national-15th.toml",
        ])
        .assert()
        .success();
    let page = std::fs::read_to_string(out.join("national-14th/index.html")).unwrap();
    let targets = &page[page.find("<table class=targets>").unwrap()..];
    let row = |name: &str| {
        let at = targets.find(&format!("<td>{name}</td>")).unwrap();
        let page = &targets;
        page[at..at + page[at..].find("</tr>").unwrap()].to_string()
    };
    // patents: 16 in 2025 against 12 (scenarios/actuals): no "required" fall of
    // 12/14 − 1 = −14.29 % from 2024's 14, but 已达到，需保持
    let patents = row("每万人口高价值发明专利拥有量");
    assert!(
        patents.contains("<td class=n>已达到，需保持</td>"),
        "{patents}"
    );
    assert!(!patents.contains("-14.29%"), "{patents}");
    // unemployment, a ceiling of 5.5 kept on average (5.24, 2021–25): kept too
    let jobs = row("城镇调查失业率");
    assert!(jobs.contains("<td class=n>已达到，需保持</td>"), "{jobs}");
    // energy intensity missed its 〔13.5〕: still a rate
    assert!(!row("单位GDP能源消耗降低").contains("已达到，需保持"));
    // the attribute column says 预期性 as well as 约束性 (the outline's table: patents
    // 预期性, energy 约束性); it showed only 约束性, an expected target's cell left empty
    assert!(patents.contains("<td>预期性</td>"), "{patents}");
    assert!(row("单位GDP能源消耗降低").contains("<span class=binding>约束性</span>"));
    let md = std::fs::read_to_string(out.join("national-14th/index.md")).unwrap();
    assert!(md.contains("| 地区 | 指标 | 单位 | 属性 |"), "{md}");
    assert!(md.contains("| 全国 | 每万人口高价值发明专利拥有量 | 件 | 预期性 |"));
    // findings: 提示 | 期间累计目标, the code as tooltip; 〔1〕 quoted as code
    assert!(page.contains("<td title=\"cumulative-target\">期间累计目标</td>"));
    assert!(page.contains("<code>〔1〕</code> 是 2021–2025 的累计总量"));
    let text = visible(&page);
    assert!(!text.contains('`'), "a backtick in {text}");
    assert!(!text.contains("cumulative-target"));
    // no ASCII colon after Chinese words of the page's own
    assert!(!text.contains("文件:") && !text.contains("无法评估:"));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let action = index.find("<h2>需要采取行动的目标</h2>").unwrap();
    assert!(action < index.find("国家“十四五”评估：2025年收官").unwrap());
    // the targets without data, folded under their count (each plan's, from its summary),
    // then the region's
    let n: u64 = ["national-14th", "national-15th"]
        .iter()
        .map(|s| {
            let json = std::fs::read(out.join(s).join("summary.json")).unwrap();
            let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
            v["counts"]["insufficient_data"].as_u64().unwrap()
        })
        .sum();
    assert!(n > 4, "{n}");
    let fold = format!(
        "<details class=fold><summary>数据不足（{n}）</summary><ul><li><details><summary>全国（{n}）</summary>"
    );
    assert!(index.contains(&fold), "{fold}");
    // the Markdown index names them too (it gave the counts alone): 全国's 执业（助理）医师数
    // has no outturn in the national outturns
    let md = std::fs::read_to_string(out.join("index.md")).unwrap();
    let line = md
        .lines()
        .find(|l| l.starts_with(&format!("  - 全国（{n}）：")))
        .unwrap_or_default();
    assert!(
        line.contains("每千人口拥有执业（助理）医师数（2025）"),
        "{md}"
    );
    // the two missed national targets have their 2025 outturns (energy −11.7 %, CO₂ 〔17.7〕):
    // the action table says so instead of a scenario's projection or chance of a known year
    let rows = &index[action..index.find("国家“十四五”评估：2025年收官").unwrap()];
    assert_eq!(
        rows.matches("2025年实际值已出，无需推演").count(),
        2,
        "{rows}"
    );
    assert!(!rows.contains("情景下达标概率"), "{rows}");
}

/// The text a reader sees: tags, and the style sheet and attribute values with them, dropped.
fn visible(html: &str) -> String {
    let body = &html[html.find("<body>").unwrap_or(0)..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// A target behind in both scenarios of a batch opens each page once, with each scenario's
/// line once, in batch order; the list ends before the page's summary sentence (a Markdown
/// list runs on into a line that follows it without a blank line).
#[test]
fn a_target_behind_opens_the_page_once_with_each_scenarios_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // 100 in 2020 to 140 in 2025 (7 % a year), at 103 in 2023: (140/103)^(1/2) − 1 = 16.59 %
    // a year left, 滞后于预期
    std::fs::write(
        d.join("t.csv"),
        "region,plan,indicator,unit,base_year,base,target_year,target,rate\n\
         测试区,十四五规划,地区生产总值,亿元,2020,100,2025,140,7\n\
         测试区,十四五规划,城镇化率,%,2020,60,2025,65,\n",
    )
    .unwrap();
    std::fs::write(
        d.join("o.csv"),
        "region,indicator,year,value\n测试区,地区生产总值,2021,101\n\
         测试区,地区生产总值,2022,102\n测试区,地区生产总值,2023,103\n",
    )
    .unwrap();
    std::fs::write(
        d.join("a.toml"),
        "name = \"a\"\ntables = [\"t.csv\"]\nactuals = [\"o.csv\"]\n[uncertainty]\ndraws = 200\n",
    )
    .unwrap();
    // b: 3 % a year from 2024 (the outturns hold to 2023): 103 · 1.03² = 109.27 in 2025
    std::fs::write(
        d.join("b.toml"),
        "name = \"b\"\nextends = \"a.toml\"\n[[override]]\nindicator = \"地区生产总值\"\nrate = 3\n",
    )
    .unwrap();
    let out = d.join("out");
    plansim()
        .current_dir(d)
        .args(["report", "--no-charts", "a.toml", "b.toml", "--out"])
        .arg(&out)
        .assert()
        .success();
    for page in ["a", "b"] {
        let md = std::fs::read_to_string(out.join(page).join("index.md")).unwrap();
        let opening = &md[md.find("## 需要采取行动的目标").unwrap()..md.find("## 目标").unwrap()];
        assert_eq!(
            opening.matches("- **测试区 地区生产总值 2025**").count(),
            1,
            "{md}"
        );
        let a = opening.find("  - a：2024–25年需年均增长16.59%").unwrap();
        let b = opening
            .find("  - b：2024–25年需年均增长16.59%；情景预测2025年为109.3")
            .unwrap();
        assert!(a < b, "{opening}");
        assert_eq!(opening.matches("  - a：").count(), 1, "{opening}");
        assert_eq!(opening.matches("  - b：").count(), 1, "{opening}");
        // 数据不足: 城镇化率 alone, named, the list closed by a blank line before the summary
        assert!(
            opening.contains("- 数据不足（1）\n  - 测试区（1）：城镇化率（2025）\n\n指标"),
            "{opening}"
        );
    }
}
