//! `plansim report` on the bundled scenarios and on fixtures.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::Path;

/// `got` is `expect` as written out, to six significant digits: within half a unit of the
/// sixth.
fn six(got: f64, expect: f64) -> bool {
    let unit = 10f64.powi(expect.abs().log10().floor() as i32 - 5);
    (got - expect).abs() <= unit / 2.0
}

/// In Chinese (the default for Chinese tables), whatever the locale.
fn plansim() -> Command {
    let mut cmd = Command::cargo_bin("plansim").unwrap();
    cmd.env("LC_ALL", "zh_CN.UTF-8");
    cmd
}

/// Every file under `dir` (relative path → bytes).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// A link's path with its `%XX` escapes (UTF-8 bytes) decoded.
fn percent_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 3 <= b.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn csv_rows(bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    csv::Reader::from_reader(bytes)
        .deserialize()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn bundled_report_has_every_file_and_the_right_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = plansim()
        .args(["report", "--draws", "2000", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let files = tree(&out);
    let scenarios: Vec<String> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(files.contains_key("index.html") && files.contains_key("index.md"));
    // each page accounts for its rules: slow-15th's override (line 7) takes 科尔沁区's GDP from
    // the table's 7 % to 5 % in 2026–30
    let md = String::from_utf8_lossy(&files["slow-15th/index.md"]).into_owned();
    assert!(
        md.contains("**[[override]]** scenarios/slow-15th.toml:7")
            && md.contains("| 科尔沁区 | 地区生产总值增长率 | 2026–2030: 7.00% → 5.00% |"),
        "{md}"
    );
    for s in &scenarios {
        for f in [
            "projection.csv",
            "simulation.csv",
            "probabilities.csv",
            "findings.csv",
            "summary.json",
            "index.html",
            "index.md",
        ] {
            assert!(files.contains_key(&format!("{s}/{f}")), "{s}/{f} missing");
        }
        assert!(
            files
                .keys()
                .any(|k| k.starts_with(&format!("{s}/charts/")) && k.ends_with(".png")),
            "{s} has charts"
        );
    }
    // no staging folders or temporary files are left behind
    assert!(
        files
            .keys()
            .all(|k| !k.contains(".staging-") && !k.contains(".plansim-")),
        "{:?}",
        files.keys()
    );

    // baseline: 科尔沁区 GDP 305.8·1.07⁵ = 428.898 in 2025; its 2025 band brackets it
    let sim = csv_rows(&files["baseline/simulation.csv"]);
    let gdp = sim
        .iter()
        .find(|r| {
            r["region"] == "科尔沁区"
                && r["indicator"] == "地区生产总值增长率"
                && r["year"] == "2025"
        })
        .unwrap();
    let v: f64 = gdp["value"].parse().unwrap();
    assert!(six(v, 305.8 * 1.07f64.powi(5)));
    let (p5, p50, p95): (f64, f64, f64) = (
        gdp["p5"].parse().unwrap(),
        gdp["p50"].parse().unwrap(),
        gdp["p95"].parse().unwrap(),
    );
    assert!(p5 < p50 && p50 < p95 && p5 < v && v < p95);
    // shock-2024 lowers the same value: 305.8·1.07⁴·1.02
    let proj = csv_rows(&files["shock-2024/projection.csv"]);
    let shocked: f64 = proj
        .iter()
        .find(|r| {
            r["region"] == "科尔沁区"
                && r["indicator"] == "地区生产总值增长率"
                && r["year"] == "2025"
        })
        .unwrap()["value"]
        .parse()
        .unwrap();
    assert!(six(shocked, 305.8 * 1.07f64.powi(4) * 1.02));
    // probabilities are shares; the binding 森林覆盖率 target is among them, without outturns
    // or a σ set by hand: listed, its probability left empty
    let probs = csv_rows(&files["baseline/probabilities.csv"]);
    assert!(probs.iter().all(|r| r["probability"].is_empty()
        || (0.0..=1.0).contains(&r["probability"].parse::<f64>().unwrap())));
    assert!(probs.iter().any(|r| r["indicator"] == "森林覆盖率"
        && r["year"] == "2025"
        && r["probability"].is_empty()
        && r["sigma_from"] == "default"));
    // the ones with a σ set by hand in the scenario have theirs
    assert!(
        probs
            .iter()
            .any(|r| !r["probability"].is_empty() && r["sigma_from"] != "default")
    );
    // findings: the unit mismatch of row 1 of the 科尔沁区 table
    let findings = csv_rows(&files["baseline/findings.csv"]);
    assert!(
        findings
            .iter()
            .any(|r| r["code"] == "unit-mismatch" && r["severity"] == "error")
    );
    // the index compares scenarios side by side
    let index = String::from_utf8(files["index.html"].clone()).unwrap();
    for s in &scenarios {
        assert!(
            index.contains(&format!("href=\"{s}/index.html\"")),
            "{s} in index"
        );
    }
    // every status is assess's grade: the national plan's energy-intensity target is 未实现
    // (11.70 % against 〔13.5〕), its urbanisation 已实现; no probability decides a status
    let summary: serde_json::Value =
        serde_json::from_slice(&files["national-14th/summary.json"]).unwrap();
    let row = |name: &str| {
        summary["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["indicator"].as_str().unwrap().contains(name))
            .unwrap()
            .clone()
    };
    assert_eq!(row("能源消耗")["status"], "missed");
    assert_eq!(row("城镇化率")["grade_zh"], "已实现");
    assert_eq!(summary["counts"]["missed"], 2);
    // and by how much: energy intensity fell by the product of the published yearly changes
    // (−2.7, −0.1, −0.5, −3.8, −5.1 %) 0.973·0.999·0.995·0.962·0.949 = 0.8830, to an index of
    // 88.30 against the 86.5 of 〔13.5〕: 1.80 short
    let index = String::from_utf8(files["index.html"].clone()).unwrap();
    // (in the table of targets needing action, which the index opens with)
    let actions = &index[index.find("class=action").unwrap()..];
    let energy = &actions[actions.find("单位GDP能源消耗降低").unwrap()..];
    assert!(energy[..energy.find("</tr>").unwrap()].contains("1.80（2020=100）"));
    // its change to date said as a fall, 1 − 0.8830 = 11.70 %: `-11.70%` under `…降低` read as
    // a rise
    let energy_row = &energy[..energy.find("</tr>").unwrap()];
    assert!(energy_row.contains("2025年累计下降11.70%"), "{energy_row}");
    assert!(!energy_row.contains("-11.7"), "{energy_row}");
    // hypothetical outturns are named on the page and in the index
    let page = String::from_utf8(files["horqin-outturn/index.html"].clone()).unwrap();
    assert!(page.contains("假设数据。") && page.contains("假设的实际值，并非公布数据"));
    assert!(index.contains("假设数据"));
    // the page opens with what needs action: 科尔沁区's GDP, 305.8 in 2020 and hypothetically
    // 305.8·1.06·1.03·1.05 = 350.566 in 2023, needs (430/350.566)^(1/2) − 1 = 10.75 % a year
    // in 2024–25; at the pace so far, (350.566/305.8)^(1/3) − 1 = 4.659 %, it reaches
    // 350.566·1.04659² = 383.99 in 2025: 46.01亿 short
    let action = &page[..page.find("<h2>目标</h2>").unwrap()];
    let opening = &action[..action.find("class=\"cards\"").unwrap()];
    for want in [
        "2024–25年需年均增长10.75%",
        "10.75%/年",
        "4.66%/年",
        "-6.09%/年",
        "46.01亿",
        "2023年350.6（假设）",
    ] {
        assert!(opening.contains(want), "{want} in {opening}");
    }
    // 4.659 − 10.751 = −6.09 points a year, the gap; the prose row `地区生产总值 305.8 →
    // 年均7左右` states the same target and is no row of its own (no −2.34 or −5.95 beside it)
    assert!(!opening.contains("年均7左右") && !opening.contains("-2.34%/年"));
    assert!(!opening.contains("-5.95%/年"));
    // the index opens with the batch's targets behind: the national plan's two missed
    // targets first, then the hypothetical 科尔沁区 ones
    let top = &index[..index.find("<h2>情景</h2>").unwrap()];
    assert!(top.find("单位GDP能源消耗降低").unwrap() < top.find("430亿").unwrap());
    // the 430亿 target sits on 科尔沁区's growth-rate row, whose base 305.8亿 is printed under
    // `%` (row 2 of horqin.csv): the row says the table's own check finds it wrong; a target
    // the outturns missed is no table error
    assert!(top.contains("430亿（表格检查有误：单位不符）"));
    assert!(!top.contains("〔13.5〕（表格检查有误"));
    // every scenario's answer under the target, in the page's language
    assert!(top.contains("<b>2024年冲击</b>") && top.contains("<b>基准情景</b>"));
    // the gap chart is drawn where outturns give a pace (科尔沁区 under the hypothetical
    // outturns), never as an empty chart; the feasibility scatter, on its diagonal by
    // construction, is gone
    assert!(files.contains_key("horqin-outturn/charts/gap-科尔沁区-十四五规划.png"));
    assert!(!files.keys().any(|k| k.starts_with("baseline/charts/gap-")));
    assert!(!files.keys().any(|k| k.contains("/feasibility-")));
    // 赤峰市's plan projects nothing (no baselines): no blank dashboard for it
    assert!(!files.keys().any(|k| k.contains("dashboard-赤峰市")));
    assert!(files.contains_key("baseline/charts/dashboard-科尔沁区-十四五规划.png"));
    // the index compares each scenario with the baseline, in Chinese
    assert!(index.contains("<h2>情景比较</h2>") && index.contains("规划期目标"));
    // where no 2035 goal is set, the 2035 projection against the baseline's: 科尔沁区's GDP
    // 305.8·1.07¹⁵ = 843.7 in the baseline; slow-15th grows 5 % in 2026–30, 305.8·1.07¹⁰·1.05⁵
    // = 767.8, (1.05/1.07)⁵ − 1 = −9.0 %
    assert!(index.contains("2035年：843.7") && index.contains("2035年：767.8（-9.0%）"));
    // an indicator a scenario leaves alone is drawn once, by the baseline: green-push moves
    // only forest cover and energy intensity (scenarios/green-push.toml), so those are its own
    // indicator charts, and its page shows the baseline's chart for every other indicator
    let own: Vec<&String> = files
        .keys()
        .filter(|k| k.starts_with("green-push/charts/0") || k.starts_with("green-push/charts/1"))
        .collect();
    assert!(
        !own.is_empty()
            && own
                .iter()
                .all(|k| k.contains("森林覆盖率") || k.contains("能耗")),
        "{own:?}"
    );
    let page = String::from_utf8(files["green-push/index.html"].clone()).unwrap();
    // indicator charts are named `NNN-region-indicator.png`; each is shown once on the page
    let charts: std::collections::BTreeSet<String> = page
        .split("src=\"")
        .skip(1)
        .map(|s| percent_decoded(&s[..s.find('"').unwrap()]))
        .filter(|c| {
            c.rsplit('/')
                .next()
                .is_some_and(|f| f.starts_with(|ch: char| ch.is_ascii_digit()))
        })
        .collect();
    let paths: std::collections::BTreeSet<(String, String)> =
        csv_rows(&files["green-push/projection.csv"])
            .into_iter()
            .map(|r| (r["region"].clone(), r["indicator"].clone()))
            .collect();
    assert_eq!(charts.len(), paths.len());
    let borrowed = charts
        .iter()
        .filter(|c| c.starts_with("../baseline/charts/"))
        .count();
    assert_eq!(borrowed + own.len(), charts.len());
    for c in &charts {
        let rel = c
            .strip_prefix("../")
            .map_or(format!("green-push/{c}"), str::to_string);
        assert!(
            files.contains_key(&rel),
            "{rel} is on the page but not written"
        );
    }
    // the same for the overview charts: 回民区's table holds neither forest cover nor energy
    // intensity, so green-push shows the baseline's dashboard of it; 科尔沁区's is its own
    assert!(!files.contains_key("green-push/charts/dashboard-回民区-十四五规划.png"));
    assert!(page.contains(
        "src=\"../baseline/charts/dashboard-%E5%9B%9E%E6%B0%91%E5%8C%BA-%E5%8D%81%E5%9B%9B%E4%BA%94%E8%A7%84%E5%88%92.png\""
    ));
    assert!(files.contains_key("green-push/charts/dashboard-科尔沁区-十四五规划.png"));
    // a one-year plan ends with its year unless a rule carries it on: 通辽市's 2023 GDP (index
    // 2022=100, 7 % a year) has no 2035 value in the baseline; phases sets 5 % for 2026–30 and
    // 4 % for 2031–35, so 2035 is 100·1.07³·1.05⁵·1.04⁵ = 190.22 (2024–25 at the plan's pace)
    let tongliao_gdp = |scenario: &str| -> serde_json::Value {
        let summary: serde_json::Value =
            serde_json::from_slice(&files[&format!("{scenario}/summary.json")]).unwrap();
        summary["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["region"] == "通辽市" && r["indicator"] == "地区生产总值")
            .unwrap()["at_horizon"]
            .clone()
    };
    assert!(tongliao_gdp("baseline").is_null());
    let at = tongliao_gdp("phases");
    let want = 100.0 * 1.07f64.powi(3) * 1.05f64.powi(5) * 1.04f64.powi(5);
    assert_eq!(at[0], 2035);
    assert!(six(at[1].as_f64().unwrap(), want), "{at}");
    assert!(files.contains_key("phases/charts/114-通辽市-地区生产总值.png"));
    // pages are well formed: every row closed, `<1%` escaped
    for (name, bytes) in files.iter().filter(|(k, _)| k.ends_with(".html")) {
        let html = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(
            html.matches("<tr").count(),
            html.matches("</tr>").count(),
            "{name}"
        );
        assert!(!html.contains("<1%") && !html.contains(">>99%"), "{name}");
    }
}

#[test]
fn a_rerun_gives_identical_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let go = || {
        let run = plansim()
            .args([
                "report",
                "scenarios/baseline.toml",
                "scenarios/shock-2024.toml",
                "--draws",
                "1000",
                "--no-charts",
                "--out",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert!(run.status.success());
        tree(&out)
    };
    let first = go();
    let second = go();
    let data = |t: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        t.iter()
            .filter(|(k, _)| k.ends_with(".csv") || k.ends_with(".json"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    assert!(data(&first).len() >= 10);
    assert_eq!(data(&first), data(&second));
    // and with one thread the same bytes
    let run = plansim()
        .args([
            "report",
            "scenarios/baseline.toml",
            "scenarios/shock-2024.toml",
            "--draws",
            "1000",
            "--no-charts",
            "--jobs",
            "1",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success());
    assert_eq!(data(&first), data(&tree(&out)));
}

/// `plansim report ARGS --no-charts --out OUT`.
fn report_without_charts(args: &[&str], out: &Path) -> std::process::Output {
    plansim()
        .arg("report")
        .args(args)
        .args(["--no-charts", "--out"])
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn a_failing_scenario_is_reported_and_the_rest_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = report_without_charts(
        &[
            "tests/fixtures/report/good.toml",
            "tests/fixtures/report/broken.toml",
            "tests/fixtures/report/escape.toml",
        ],
        &out,
    );
    assert_eq!(run.status.code(), Some(1), "some failed, some ran");
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("broken.toml") && err.contains("no-such-table.csv"),
        "{err}"
    );
    assert!(
        err.contains("escape.toml") && err.contains("../escaped"),
        "{err}"
    );
    let files = tree(&out);
    assert!(files.contains_key("good/projection.csv"));
    assert!(!files.keys().any(|k| k.contains("broken")));
    // nothing was written outside --out
    assert!(!dir.path().join("escaped").exists());
    let index = String::from_utf8(files["index.html"].clone()).unwrap();
    assert!(index.contains("broken.toml"), "the index lists the failure");
}

/// A batch whose every scenario fails writes nothing: the last report's index, workbook and
/// folders stay byte for byte (an index of no scenario would say "no target is behind" and
/// leave the last folders unlinked), and the last line says so.
#[test]
fn a_batch_whose_every_scenario_fails_leaves_the_last_report_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let first = report_without_charts(&["tests/fixtures/report/good.toml"], &out);
    assert!(first.status.success());
    // the lock file holds the last run's process id
    let files = || {
        let mut t = tree(&out);
        t.remove(".plansim.lock");
        t
    };
    let before = files();
    assert!(before.contains_key("index.html") && before.contains_key("good/projection.csv"));
    for (lang, says) in [
        ("en", "all 2 scenarios failed; nothing written to"),
        ("zh", "2 个情景全部失败，未向"),
    ] {
        let run = report_without_charts(
            &[
                "--lang",
                lang,
                "tests/fixtures/report/broken.toml",
                "tests/fixtures/report/escape.toml",
            ],
            &out,
        );
        assert_eq!(run.status.code(), Some(2), "none ran");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains("broken.toml") && err.contains(says), "{err}");
        assert!(!err.contains("index.html"), "{err}");
        assert_eq!(files(), before, "{lang}");
    }
}

/// After the targets that need action, the index shows the national plans: the 14th plan's
/// final grades (two missed, listed first), then the 15th plan's targets ranked by ambition. The ratios are those worked out by
/// hand in `plansim-core`'s ambition tests: CO₂ intensity 3.6580/3.8211 = 0.96 (against the
/// table's own 〔17.7〕 for 2021–25), urbanisation
/// 0.62/0.7925 = 0.78, PM2.5 0.7247/1.7090 = 0.42, patents 6.576/20.855 = 0.32.
#[test]
fn the_index_shows_how_the_14th_plan_ended_and_how_high_the_15th_aims() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    plansim()
        .args(["report", "--no-charts", "--jobs", "1", "--out"])
        .arg(&out)
        .args([
            "scenarios/national-15th.toml",
            "scenarios/national-14th.toml",
        ])
        .assert()
        .success();
    let md = std::fs::read_to_string(out.join("index.md")).unwrap();
    // the action table first, then the national plans' section
    assert!(
        md.find("## ")
            .map(|i| &md[i..])
            .unwrap_or_default()
            .starts_with("## 需要采取行动的目标")
    );
    let first = md.find("## [").map(|i| &md[i..]).unwrap_or_default();
    assert!(
        first.starts_with(
            "## [国家“十四五”评估：2025年收官，20项目标13项实现、2项未实现、4项无官方数据]"
        ),
        "{first:.300}"
    );
    let ended = md.find("收官").unwrap();
    let aims = md.find("各项目标有多高").unwrap();
    assert!(ended < aims);
    // missed first in the 14th plan's table
    let energy = md
        .find("| 单位GDP能源消耗降低 | 〔13.5〕 | 未实现 |")
        .unwrap();
    assert!(energy < md.find("| 常住人口城镇化率 | 65 | 已实现 |").unwrap());
    // the 15th plan's targets by ratio, then the words, each after the one before
    let mut at = aims;
    for s in [
        "| 单位GDP二氧化碳排放降低 |  | 〔17〕（2030） | 0.96 |",
        "| 常住人口城镇化率 | 67.9（2025） | 71（2030） | 0.78 |",
        "| 地级及以上城市细颗粒物（PM2.5）浓度 | 28（2025） | ＜27（2030） | 0.42 |",
        "| 每万人口高价值发明专利拥有量 | 16（2025） | ＞22（2030） | 0.32 |",
        "无历史 |",
        "已达到，需保持 |",
        "| 定性 |",
    ] {
        at += md[at..]
            .find(s)
            .unwrap_or_else(|| panic!("{s} not after byte {at} in\n{md}"));
    }
    // the scenario page and the workbook carry the comparison too
    let page = std::fs::read_to_string(out.join("national-15th/index.md")).unwrap();
    assert!(page.contains(
        "需0.62个百分点/年（2025–2030年），2021–2025年实际0.79个百分点/年：为过去速度的0.78倍"
    ));
}

/// Without charts a report makes its paths one at a time and keeps their rows on disk (a
/// table whose targets are not stated against another row's growth): its CSVs, `summary.json`
/// and workbook are those of the projection made whole, as a report with charts makes it.
#[test]
fn a_report_made_path_by_path_says_what_the_whole_projection_says() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let sc = dir.path().join("s.toml");
    std::fs::write(
        &sc,
        format!(
            "name = \"s\"\ntables = [{:?}, {:?}]\nactuals = [{:?}]\n\
             [uncertainty]\ndraws = 500\n[uncertainty.sigma_by]\n\"地区生产总值\" = 2.5\n",
            root.join("tables/huimin.csv").display().to_string(),
            root.join("tables/tongliao-2023.csv").display().to_string(),
            root.join("actuals/tongliao.csv").display().to_string(),
        ),
    )
    .unwrap();
    let (whole, streamed) = (dir.path().join("whole"), dir.path().join("streamed"));
    let out = plansim()
        .arg("report")
        .arg(&sc)
        .arg("--out")
        .arg(&whole)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = report_without_charts(&[sc.to_str().unwrap()], &streamed);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (a, b) = (tree(&whole.join("s")), tree(&streamed.join("s")));
    for f in [
        "projection.csv",
        "simulation.csv",
        "probabilities.csv",
        "findings.csv",
        "summary.json",
    ] {
        assert!(a[f] == b[f], "{f} differs");
    }
    // 回民区's GDP at its stated 6 % a year: 100·1.06⁵ = 133.8226 in 2025; retail sales at
    // 7 %: 100·1.07⁵ = 140.2552
    let rows = csv_rows(&b["projection.csv"]);
    let value = |name: &str, year: &str| -> f64 {
        rows.iter()
            .find(|r| r["indicator"] == name && r["year"] == year)
            .unwrap_or_else(|| panic!("{name} {year}"))["value"]
            .parse()
            .unwrap()
    };
    assert!(six(value("地区生产总值", "2025"), 133.8226));
    assert!(six(value("社会消费品零售总额", "2025"), 140.2552));
    // GDP's probabilities and bands are drawn (its σ set by hand)
    let chances = csv_rows(&b["probabilities.csv"]);
    assert!(chances.iter().any(|r| !r["probability"].is_empty()));
    // every sheet, cell by cell
    use calamine::{Reader, open_workbook_auto};
    let mut wa = open_workbook_auto(whole.join("plansim.xlsx")).unwrap();
    let mut wb = open_workbook_auto(streamed.join("plansim.xlsx")).unwrap();
    assert_eq!(wa.sheet_names(), wb.sheet_names());
    for name in wa.sheet_names() {
        let (x, y) = (
            wa.worksheet_range(&name).unwrap(),
            wb.worksheet_range(&name).unwrap(),
        );
        assert!(x == y, "sheet {name} differs");
        assert!(x.height() > 1, "sheet {name} is empty");
    }
}
