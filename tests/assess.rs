//! `plansim assess` and `--actuals` through the command line, on the bundled national scenario
//! and on bad outturn files.

use assert_cmd::Command;
use serde_json::Value;

fn plansim() -> Command {
    Command::cargo_bin("plansim").unwrap()
}

fn grades(args: &[&str]) -> Vec<Value> {
    let out = plansim()
        .arg("assess")
        .args(args)
        .args(["--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn grade<'a>(all: &'a [Value], name: &str) -> &'a Value {
    all.iter()
        .find(|g| g["indicator"].as_str().unwrap().contains(name))
        .unwrap_or_else(|| panic!("no grade for {name}"))
}

#[test]
fn the_national_plan_as_of_2022_and_at_its_end() {
    let mid = grades(&["scenarios/national-14th.toml", "--as-of", "2022"]);
    assert_eq!(mid.len(), 20);
    for (name, code, zh) in [
        ("城镇化率", "ahead", "提前实现"),
        ("发明专利", "faster", "快于预期"),
        ("调查失业率", "on-track", "基本符合预期"),
        ("能源消耗", "lagging", "滞后于预期"),
        ("国内生产总值", "qualitative", "定性"),
        ("空气质量", "insufficient-data", "数据不足"),
    ] {
        let g = grade(&mid, name);
        assert_eq!(
            (g["status"].as_str(), g["grade_zh"].as_str()),
            (Some(code), Some(zh)),
            "{name}"
        );
    }
    // every field the issue lists is there
    for field in [
        "region",
        "plan",
        "indicator",
        "target_year",
        "target",
        "status",
        "grade_zh",
        "latest_year",
        "latest_value",
        "progress",
        "expected_progress",
        "required_rate",
        "current_pace",
        "history_pace",
        "gap",
        "p_meet",
        "sigma",
        "sigma_source",
        "reason",
    ] {
        assert!(mid[0].get(field).is_some(), "{field}");
    }
    let end = grades(&["scenarios/national-14th.toml"]);
    // energy intensity: 1 − 0.973·0.999·0.995·0.962·0.949 = 11.70 % against 〔13.5〕
    let e = grade(&end, "能源消耗");
    assert_eq!(e["grade_zh"], "未实现");
    assert!((e["latest_value"].as_f64().unwrap() + 11.7036).abs() < 1e-3);
    assert_eq!(grade(&end, "调查失业率")["grade_zh"], "已实现");
}

#[test]
fn outturns_given_on_the_command_line_serve_a_bare_table() {
    // the published table has no region column: `--region` names it
    let all = grades(&[
        "scenarios/tables/national-14th.csv",
        "--region",
        "全国",
        "--actuals",
        "scenarios/actuals/national.csv",
        "--as-of",
        "2022",
    ]);
    assert_eq!(grade(&all, "城镇化率")["status"], "ahead");
    // project takes outturns besides a scenario's own: a test figure for a share the
    // communiqués do not give lands on the path
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("extra.csv");
    std::fs::write(
        &file,
        "region,indicator,year,value,basis\n全国,数字经济核心产业增加值占GDP比重（%）,2022,8.5,hypothetical\n",
    )
    .unwrap();
    let out = plansim()
        .args([
            "project",
            "scenarios/national-14th.toml",
            "--format",
            "csv",
            "--actuals",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(",数字经济核心产业增加值占GDP比重,%,2022,8.5\n"),
        "{text}"
    );
    assert!(text.contains(",常住人口城镇化率,%,2022,65.22\n"), "{text}");
}

#[test]
fn hypothetical_outturns_say_so() {
    let all = grades(&["scenarios/horqin-outturn.toml"]);
    let g = grade(&all, "地区生产总值增长率");
    assert_eq!(g["hypothetical"], true);
    assert!(
        g["reason"]
            .as_str()
            .unwrap()
            .contains("hypothetical outturns")
    );
}

#[test]
fn unmatched_names_are_errors_with_the_nearest_and_other_regions_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("o.csv");
    std::fs::write(
        &file,
        "region,indicator,year,value\n全国,常驻人口城镇化率,2021,64.72\n全国,城镇调查失业,2021,5.1\n内蒙古自治区,地区生产总值增长（%）,2021,6.3\n",
    )
    .unwrap();
    let (code, err) = national_with("en", "assess", &file);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("2 unreadable cells"), "{err}");
    assert!(
        err.contains("o.csv:2:2") && err.contains("did you mean `常住人口城镇化率`"),
        "{err}"
    );
    assert!(
        err.contains("o.csv:3:2") && err.contains("did you mean `城镇调查失业率`"),
        "{err}"
    );
    // the region no table holds alone is skipped and counted
    std::fs::write(
        &file,
        "region,indicator,year,value\n内蒙古自治区,地区生产总值增长（%）,2021,6.3\n",
    )
    .unwrap();
    let (code, err) = national_with("en", "assess", &file);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("skipped 1 outturn row of regions no table holds: 内蒙古自治区 (1)"),
        "{err}"
    );
    // and in Chinese
    let (code, err) = national_with("zh", "assess", &file);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("plansim：跳过了 1 行实际值，其地区不在任何指标表中：内蒙古自治区（1）"),
        "{err}"
    );
}

#[test]
fn a_bad_outturn_file_reports_every_bad_cell() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "region,indicator,year,value\n全国,常住人口城镇化率,届内,64\n全国,城镇调查失业率,2021,1.4 / 8.4\n全国,,2022,5\n\
         全国,常住人口城镇化率,2022,65.22\n全国,常住人口城镇化率,2022,65.3\n",
    )
    .unwrap();
    let (code, err) = national_with("en", "check", &file);
    assert_eq!(code, Some(2), "{err}");
    for want in [
        "bad.csv:2:3",
        "届内",
        "bad.csv:3:4",
        "two figures",
        "bad.csv:4:2",
        "an indicator name",
    ] {
        assert!(err.contains(want), "{want}: {err}");
    }
    // a Chinese run says every cell in Chinese, its place and text as in English
    let (code, err) = national_with("zh", "check", &file);
    assert_eq!(code, Some(2), "{err}");
    for want in [
        "3 个单元格无法读取",
        "bad.csv:2:3: 第 2 行第 3 列（year）：`届内`：应为年份（如 2021）或时期（如 2021-2025）",
        "bad.csv:3:4: 第 3 行第 4 列（value）：`1.4 / 8.4`：一个单元格里有两个数",
        "bad.csv:4:2: 第 4 行第 2 列（indicator）：``：应填写指标名称",
        "plansim：1 个输入无法使用，未做任何计算",
    ] {
        assert!(err.contains(want), "{want}: {err}");
    }
    assert!(
        !err.contains("unreadable") && !err.contains("expected"),
        "{err}"
    );
    // two finals for one year: the later row is named with the earlier
    std::fs::write(
        &file,
        "region,indicator,year,value\n全国,常住人口城镇化率,2022,65.22\n全国,常住人口城镇化率,2022,65.3\n全国,常住人口城镇化率,2021,64（预计）\n全国,常住人口城镇化率,2021,64.72\n",
    )
    .unwrap();
    let (code, err) = national_with("en", "assess", &file);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("bad.csv:3:4") && err.contains("a different final figure"),
        "{err}"
    );
    assert!(
        !err.contains("bad.csv:5"),
        "a final replacing a preliminary is no error: {err}"
    );
}

#[test]
fn check_reports_the_missed_national_targets() {
    let out = plansim()
        .args(["check", "scenarios/national-14th.toml", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let missed: Vec<&str> = findings
        .iter()
        .filter(|f| f["code"] == "target-unreachable" && f["severity"] == "error")
        .map(|f| f["indicator"].as_str().unwrap())
        .collect();
    assert_eq!(missed, ["单位GDP能源消耗降低", "单位GDP二氧化碳排放降低"]);
}

/// The header row of the tables and of the outturn files the tests below write.
const TABLE_HEAD: &str = "地区,指标,单位,2020年,2025年目标,年均增长,属性\n";
const OUTTURN_HEAD: &str = "地区,指标,年份,数值\n";

/// `plansim assess --lang en` with `args` after it, on a table `t.csv` of `rows` and an
/// outturn file `o.csv` of `outturns` (each under its header): the run, and the folder.
fn assess_written(
    rows: &str,
    outturns: &str,
    args: &[&str],
) -> (std::process::Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let (table, o) = (dir.path().join("t.csv"), dir.path().join("o.csv"));
    std::fs::write(&table, format!("{TABLE_HEAD}{rows}")).unwrap();
    std::fs::write(&o, format!("{OUTTURN_HEAD}{outturns}")).unwrap();
    let out = plansim()
        .arg("assess")
        .arg(&table)
        .arg("--actuals")
        .arg(&o)
        .args(["--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    (out, dir)
}

/// The grade of `name` from [`assess_written`]'s files, which must assess.
fn graded_written(rows: &str, outturns: &str, name: &str) -> Value {
    let (out, _dir) = assess_written(rows, outturns, &["--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    all.into_iter().find(|g| g["indicator"] == name).unwrap()
}

/// A negative figure under a name that says it falls (`…降低 -2.5`) is read as the rise it
/// says, with a warning naming the cell; a positive one is a fall and says nothing.
#[test]
fn a_negative_fall_is_read_as_a_rise_and_said() {
    let (out, _dir) = assess_written(
        "某县,单位地区生产总值能源消耗降低,%,,,〔13.5〕,约束性\n",
        "某县,单位地区生产总值能源消耗降低,2021,-2.5\n某县,单位地区生产总值能源消耗降低,2022,3\n",
        &["--format", "json"],
    );
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("o.csv:2: 单位地区生产总值能源消耗降低 2021 is `-2.5` under a name that says it falls: read as a rise of 2.5"),
        "{err}"
    );
    assert!(!err.contains("o.csv:3:"), "{err}");
    // up 2.5 %, then down 3 %: 1.025 · 0.97 = 0.99425, down 0.575 % over 2021–2022
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    let latest = g[0]["latest_value"].as_f64().unwrap();
    assert!((latest + 0.575).abs() < 1e-9, "{}", g[0]);
}

/// `与经济增长同步` reads the GDP row's growth from its levels, as tables word it: GDP 1390
/// in 2022 and 1480 in 2023 grew 1480/1390 − 1 = 6.475 %; income grew 5.1 %, more than half
/// a point below: 滞后于预期. An outturn named `经济增长` is GDP's growth too.
#[test]
fn in_step_with_economic_growth_reads_the_gdp_row() {
    let rows = "某县,地区生产总值,亿元,1250,1750,7左右,预期性\n某县,居民人均可支配收入增长,%,,,与经济增长同步,预期性\n";
    let income = "居民人均可支配收入增长";
    let g = graded_written(
        rows,
        "某县,地区生产总值,2022,1390\n某县,地区生产总值,2023,1480\n某县,居民人均可支配收入增长,2023,5.1\n",
        income,
    );
    assert_eq!(g["status"], "lagging", "{g}");
    let reason = g["reason"].as_str().unwrap();
    assert!(reason.contains("against 经济增长's 6.475%"), "{reason}");
    // the same growth given by name
    let g = graded_written(
        rows,
        "某县,经济增长,2023,6.475\n某县,居民人均可支配收入增长,2023,5.1\n",
        income,
    );
    assert_eq!(g["status"], "lagging", "{g}");
}

/// A relation printed as the target with the pace the plan expects beside it (`与经济增长同步`
/// and `6`, as 回民区's outline prints income growth) is graded on the relation: GDP grew
/// (6.5 + 1.2 + 5.8)/3 = 4.5 %, income (7.1 + 4.0 + 5.2)/3 = 5.433 %, 0.933 points above it:
/// 快于预期. Against the 6 beside it, it was 滞后于预期 under the words 同步.
#[test]
fn a_relation_printed_as_the_target_is_graded_on_the_relation() {
    let rows = "某区,地区生产总值增长,%,,,6左右,预期性
某区,全体居民人均可支配收入增长,%,,与经济增长同步,6,预期性
";
    let mut outturns = String::new();
    for (y, gdp, income) in [(2021, 6.5, 7.1), (2022, 1.2, 4.0), (2023, 5.8, 5.2)] {
        outturns += &format!(
            "某区,地区生产总值增长,{y},{gdp}\n某区,全体居民人均可支配收入增长,{y},{income}\n"
        );
    }
    let g = graded_written(rows, &outturns, "全体居民人均可支配收入增长");
    assert_eq!(g["status"], "faster", "{g}");
    assert_eq!(g["target"], "与经济增长同步", "{g}");
    let reason = g["reason"].as_str().unwrap();
    assert!(
        reason.contains("4.5%") && reason.contains("5.433%"),
        "{reason}"
    );
}

/// A bound kept each year with one outturn says that outturn as published: `<4 in 2021`, not
/// a mean of 4 over 2021 that drops its side; two outturns give their mean, (3.9 + 4.3)/2 = 4.1.
#[test]
fn one_outturn_of_a_kept_bound_is_said_as_published() {
    let rows = "某县,城镇登记失业率,%,3.82,4以内,—,预期性\n";
    let name = "城镇登记失业率";
    let g = graded_written(rows, "某县,城镇登记失业率,2021,4以下\n", name);
    let reason = g["reason"].as_str().unwrap();
    assert!(reason.starts_with("<4 in 2021 against 4以内"), "{reason}");
    let two = "某县,城镇登记失业率,2021,3.9\n某县,城镇登记失业率,2022,4.3\n";
    let g = graded_written(rows, two, name);
    let reason = g["reason"].as_str().unwrap();
    assert!(reason.starts_with("mean 4.1 over 2021–2022"), "{reason}");
}

/// A bare figure in another unit's scale is refused, every one at once, with its file, row
/// and column: GDP of 1,250亿 in 2020 given as 13,300,000 (万元: 10,640 times the base) and
/// forest cover of 30.2 % given as the fraction 0.312; the same year's GDP written
/// `地区生产总值（万元）` converts (1,480亿) and is read.
#[test]
fn a_bare_figure_in_another_units_scale_is_refused() {
    let rows = "某县,地区生产总值,亿元,1250,1750,,预期性\n某县,森林覆盖率,%,30.2,＞31,,约束性\n";
    let (out, _dir) = assess_written(
        rows,
        "某县,地区生产总值,2021,13300000\n某县,地区生产总值（万元）,2023,14800000\n某县,森林覆盖率,2023,0.312\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 unreadable cells"), "{err}");
    // 13,300,000 / 1,250 = 10,640
    assert!(
        err.contains("o.csv:2:4")
            && err.contains("near the row's base 1250 (2020): this one is 10640 times it"),
        "{err}"
    );
    assert!(
        err.contains("o.csv:4:4")
            && err.contains("`0.312` reads as 0.312 %; a fraction is written in % (31.2)"),
        "{err}"
    );
    assert!(!err.contains("o.csv:3:4"), "{err}");
    // a thousandth or less: GDP in 万亿元 (0.148), with no unit to suggest
    let (out, _dir) = assess_written(rows, "某县,地区生产总值,2023,0.148\n", &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    // 0.148 / 1250 = 0.0001184
    assert!(
        out.status.code() == Some(2)
            && err.contains("this one is 0.0001184 times it")
            && !err.contains("万元`"),
        "{err}"
    );
    let good = "某县,地区生产总值（万元）,2023,14800000\n某县,森林覆盖率,2023,31.2\n";
    let gdp = graded_written(rows, good, "地区生产总值");
    assert_eq!(gdp["latest_value"].as_f64(), Some(1480.0));
}

/// A figure printed in a unit its row cannot be in (`61.2亩` for forest cover in %) is refused
/// with its file, row and column, not graded as 61.2 %; `31.2万人` for a row in 万人 and a bare
/// figure are read.
#[test]
fn an_outturn_in_a_foreign_unit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.csv");
    std::fs::write(
        &table,
        "地区,指标,单位,2020年,2025年目标,属性\n某县,森林覆盖率,%,60.5,62,约束性\n某县,常住人口,万人,30,32,预期性\n",
    )
    .unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "地区,指标,年份,数值\n某县,森林覆盖率,2022,61.2亩\n某县,常住人口,2022,31.2万人\n",
    )
    .unwrap();
    let out = plansim()
        .arg("assess")
        .arg(&table)
        .arg("--actuals")
        .arg(&bad)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 unreadable cell"), "{err}");
    assert!(
        err.contains("bad.csv:2:4") && err.contains("`亩` is another unit"),
        "{err}"
    );
    assert!(!err.contains("31.2万人"), "{err}");
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "地区,指标,年份,数值\n某县,森林覆盖率,2022,61.2\n某县,常住人口,2022,31.2万人\n",
    )
    .unwrap();
    let g = grades(&[table.to_str().unwrap(), "--actuals", good.to_str().unwrap()]);
    let latest = |name: &str| {
        g.iter()
            .find(|x| x["indicator"] == name)
            .and_then(|x| x["latest_value"].as_f64())
    };
    assert_eq!(latest("森林覆盖率"), Some(61.2));
    assert_eq!(latest("常住人口"), Some(31.2));
}

/// A level printed with its unit as communiqués print it (`108亿元`, `1080000万元`) goes to the
/// level row in 亿元 even where the table also holds its growth row in %: the growth row
/// reads levels, and its `%` says nothing of the figure's unit. 108 in 2022 from 100 in 2020
/// on the way to 140 by 2025 is (108 − 100)/(140 − 100) = 20% of the way.
#[test]
fn a_level_printed_with_its_unit_goes_to_the_level_row_beside_a_growth_row() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.csv");
    std::fs::write(
        &table,
        "地区,指标,单位,2020年,2025年,年均增长(%),属性\n某县,地区生产总值,亿元,100,140,7,预期性\n某县,地区生产总值增长,%,—,保持在合理区间,—,预期性\n",
    )
    .unwrap();
    for printed in ["108亿元", "1080000万元", "108"] {
        let o = dir.path().join("o.csv");
        std::fs::write(
            &o,
            format!("地区,指标,年份,数值\n某县,地区生产总值,2022,{printed}\n"),
        )
        .unwrap();
        let g = grades(&[table.to_str().unwrap(), "--actuals", o.to_str().unwrap()]);
        let gdp = g
            .iter()
            .find(|x| x["indicator"] == "地区生产总值")
            .unwrap_or_else(|| panic!("{printed}: no GDP grade in {g:?}"));
        let latest = gdp["latest_value"].as_f64().unwrap_or(f64::NAN);
        assert!((latest - 108.0).abs() < 1e-9, "{printed}: {latest}");
        assert_eq!(gdp["latest_year"], 2022, "{printed}");
        let reason = gdp["reason"].as_str().unwrap_or_default();
        assert!(reason.contains("20% of the way"), "{printed}: {reason}");
    }
}

/// A year's fall (`…能耗降低 2.1`, as communiqués print it) and the fall to date
/// (`…能耗累计降低 3.6`, counted from the base year) are two quantities: both grade a
/// `累计降低` row, each read as what it is.
#[test]
fn a_years_fall_and_the_fall_to_date_are_read_as_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.csv");
    std::fs::write(
        &table,
        "region,indicator,unit,base_year,base,target_year,target,rate,attribute\n\
         某县,单位地区生产总值能耗累计降低,%,2020,〔13.5〕,2025,〔12〕,—,约束性\n",
    )
    .unwrap();
    let fall = |name: &str, v2021: f64, v2022: f64| {
        let file = dir.path().join("o.csv");
        std::fs::write(
            &file,
            format!(
                "region,indicator,year,value\n某县,{name},2021,{v2021}\n某县,{name},2022,{v2022}\n"
            ),
        )
        .unwrap();
        let all = grades(&[table.to_str().unwrap(), "--actuals", file.to_str().unwrap()]);
        // progress: the share of the 12 % fall made by 2022
        all[0]["progress"].as_f64().unwrap()
    };
    // yearly falls of 2.1 % and 1.5 %: 1 − 0.979 × 0.985 = 3.5685 % of 12 %
    let yearly = fall("单位地区生产总值能耗降低", 2.1, 1.5);
    assert!(
        (yearly - (1.0 - 0.979 * 0.985) / 0.12).abs() < 1e-9,
        "{yearly}"
    );
    // the same communiqué wording under another name for the quantity
    let gdp = fall("单位GDP能耗降低", 2.1, 1.5);
    assert!((gdp - yearly).abs() < 1e-12, "{gdp}");
    // falls to date of 2.1 % and 3.6 %: 3.6 % of 12 %
    let to_date = fall("单位地区生产总值能耗累计降低", 2.1, 3.6);
    assert!((to_date - 0.036 / 0.12).abs() < 1e-9, "{to_date}");
}

/// A unit typed wrong in the table (`忆元` for `亿元`) is no unit an outturn in `亿元` converts
/// into: the outturn is refused with its cell, not read as 35,100,000,000 of it.
#[test]
fn an_outturn_is_not_converted_into_a_unit_that_only_ends_like_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.csv");
    std::fs::write(
        &table,
        "地区,指标,单位,2020年,2025年目标,属性\n某县,地区生产总值,忆元,305.8,430,预期性\n",
    )
    .unwrap();
    let out_file = dir.path().join("o.csv");
    std::fs::write(
        &out_file,
        "地区,指标,年份,数值\n某县,地区生产总值,2023,351亿元\n",
    )
    .unwrap();
    let out = plansim()
        .arg("assess")
        .arg(&table)
        .arg("--actuals")
        .arg(&out_file)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("o.csv:2:4") && err.contains("a figure in 忆元"),
        "{err}"
    );
}

/// `plansim [--lang L] CMD scenarios/national-14th.toml --actuals FILE`: the exit code and
/// stderr (no `--lang` when `lang` is empty: the language the inputs speak).
fn national_with(lang: &str, cmd: &str, file: &std::path::Path) -> (Option<i32>, String) {
    let mut c = plansim();
    if !lang.is_empty() {
        c.args(["--lang", lang]);
    }
    let out = c
        .args([cmd, "scenarios/national-14th.toml", "--actuals"])
        .arg(file)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
