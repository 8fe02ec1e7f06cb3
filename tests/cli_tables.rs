//! `plansim tables` on the bundled tables and on bad files: every row read, output formats that
//! parse, and errors that name file, row, column, cell text and what was expected.

use assert_cmd::Command;
use std::path::Path;

const BUNDLED: [&str; 5] = [
    "scenarios/tables/horqin.csv",
    "scenarios/tables/tongliao-2023.csv",
    "scenarios/tables/huimin.csv",
    "scenarios/tables/otog.csv",
    "scenarios/tables/chifeng.csv",
];

fn plansim(args: &[&str]) -> assert_cmd::assert::Assert {
    let mut cmd = match Command::cargo_bin("plansim") {
        Ok(c) => c,
        Err(e) => panic!("no plansim binary: {e}"),
    };
    // these tests read the English messages, whatever the locale
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(args)
        .assert()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// The `indicator` column of a CSV file, read with the csv crate, not with plansim.
fn indicator_names(csv_text: &str) -> Vec<String> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let col = r
        .headers()
        .ok()
        .and_then(|h| h.iter().position(|c| c == "indicator"))
        .unwrap_or_else(|| panic!("no indicator column"));
    r.records()
        .map(|rec| match rec {
            Ok(rec) => rec.get(col).unwrap_or_default().to_string(),
            Err(e) => panic!("not CSV: {e}"),
        })
        .collect()
}

#[test]
fn every_row_of_every_bundled_table_is_read() {
    for file in BUNDLED {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let want = indicator_names(&text);
        assert!(want.len() >= 14, "{file}: {} rows", want.len());
        let a = plansim(&["tables", "--format", "csv", file]).success();
        // one output row per data row, in file order
        assert_eq!(indicator_names(&stdout(&a)), want, "{file}");
        assert!(stderr(&a).is_empty(), "{file}: {}", stderr(&a));
    }
}

#[test]
fn json_and_csv_output_parse() {
    let a = plansim(&["tables", "--format", "json", BUNDLED[0]]).success();
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap_or_else(|e| panic!("{e}"));
    let rows = v.as_array().unwrap_or_else(|| panic!("not an array"));
    // horqin.csv: the 20 rows of the main table come first; row 8 is 食品抽检合格率, target >98
    let food = &rows[7];
    assert_eq!(food["name"], "食品抽检合格率");
    assert_eq!(food["target"]["raw"], ">98");
    assert_eq!(food["target"]["kind"], "at-least");
    assert_eq!(food["target"]["value"]["value"], 98.0);
    assert_eq!(food["attribute"], "expected");

    let a = plansim(&["tables", "--format", "csv", BUNDLED[0]]).success();
    let out = stdout(&a);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r
        .headers()
        .map(|h| h.iter().map(String::from).collect())
        .unwrap_or_default();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap_or(usize::MAX);
    let rec = r.records().nth(4).and_then(Result::ok);
    let rec = rec.unwrap_or_else(|| panic!("no fifth row"));
    // 城镇登记失业率: 3.82 → 4以内, an upper bound of 4 on a falling indicator
    assert_eq!(rec.get(at("indicator")), Some("城镇登记失业率"));
    assert_eq!(rec.get(at("target_kind")), Some("at-most"));
    assert_eq!(rec.get(at("target_high")), Some("4.0"));
    assert_eq!(rec.get(at("target_low")), Some(""));
    assert_eq!(rec.get(at("direction")), Some("falling"));
    assert_eq!(rec.get(at("row")), Some("6"));
}

#[test]
fn every_fixture_table_loads_through_the_cli() {
    for file in [
        "horqin-utf8.csv",
        "horqin-utf8-bom.csv",
        "horqin-gbk.csv",
        "horqin-utf16.txt",
        "horqin.xlsx",
        "horqin-pasted.csv",
    ] {
        let path = format!("tests/fixtures/tables/{file}");
        let a = plansim(&["tables", "--format", "csv", &path]).success();
        assert_eq!(indicator_names(&stdout(&a)).len(), 20, "{file}");
    }
}

/// bad-cells.csv: six bad cells in six rows and five columns, around good rows: each named,
/// their rows left out, the two good rows (2 and 9) shown, exit code 2.
#[test]
fn all_bad_cells_of_a_table_are_reported_at_once() {
    let file = "tests/fixtures/tables/bad-cells.csv";
    let a = plansim(&["tables", file]).code(2);
    let err = stderr(&a);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.starts_with(&format!("plansim: error: {file}: 6 unreadable cells")),
        "{err}"
    );
    // (row, column, header, cell text, part of what was expected), from the fixture by hand
    let want = [
        (3, 5, "2025年目标", "7x", "has `x` after the number"),
        (4, 4, "2020年预计", "abc", "expected a number (63, 305.8亿"),
        (
            5,
            7,
            "属性",
            "强制性",
            "expected 预期性 (expected), 约束性 (binding)",
        ),
        (6, 6, "年均增长(%)", "4-3", "low end is above its high end"),
        (
            7,
            5,
            "2025年目标",
            "3月4日",
            "Excel turns a range typed as 3-4 into the date",
        ),
        (8, 2, "指标", "", "the indicator name is empty"),
    ];
    let lines: Vec<&str> = err.lines().skip(1).take(want.len()).collect();
    assert_eq!(lines.len(), want.len(), "{err}");
    for ((row, col, header, text, expected), line) in want.iter().zip(&lines) {
        let head = format!("{file}:{row}:{col}: row {row}, column {col} ({header}): `{text}`: ");
        assert!(
            line.trim_start().starts_with(&head),
            "{line}\n  wanted {head}"
        );
        assert!(line.contains(expected), "{line}\n  wanted {expected}");
    }
    assert!(
        err.contains(&format!(
            "plansim: {file}: rows 3, 4, 5, 6, 7, 8 left out; the 2 rows that read are shown"
        )),
        "{err}"
    );
    let out = stdout(&a);
    assert!(out.starts_with(&format!("{file}: 2 rows")), "{out}");
    assert!(
        out.contains("常住人口城镇化率") && out.contains("粮食安全生产能力"),
        "{out}"
    );
    // --strict: no row of it
    let a = plansim(&["tables", "--strict", file]).code(2);
    assert!(stdout(&a).trim().is_empty(), "{}", stdout(&a));
}

#[test]
fn a_bad_file_does_not_stop_the_good_ones() {
    let bad = "tests/fixtures/tables/bad-cells.csv";
    let good = "scenarios/tables/chifeng.csv";
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(good))
        .unwrap_or_default();
    let a = plansim(&["tables", "--format", "csv", good, bad]).code(2);
    let mut want = indicator_names(&text);
    want.extend([
        "常住人口城镇化率".to_string(),
        "粮食安全生产能力".to_string(),
    ]);
    assert_eq!(indicator_names(&stdout(&a)), want);
    assert!(stderr(&a).contains("bad-cells.csv: 6 unreadable cells"));
}

/// Files that are no table at all: one clear line naming the file, exit code 2, no panic.
#[test]
fn files_that_are_no_table() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
        p.display().to_string()
    };
    // deterministic garbage: a linear congruential generator's high bytes
    let mut x: u32 = 12345;
    let garbage: Vec<u8> = (0..4096)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 24) as u8
        })
        .collect();
    let cases = [
        (write("garbage.csv", &garbage), "is a binary file"),
        ("tests/fixtures/tables/empty.csv".to_string(), "is empty"),
        (
            "tests/fixtures/tables/header-only.csv".to_string(),
            "has a header row (row 2) but no indicator rows",
        ),
        (write("bom-only.csv", b"\xEF\xBB\xBF"), "is empty"),
        (
            write("half.txt", b"\xFF\xFEA\x00B"),
            "is not valid UTF-16LE",
        ),
        (
            write("fake.xlsx", b"PK\x03\x04not a zip"),
            "is not a readable spreadsheet",
        ),
        (
            write("zip.csv", b"PK\x03\x04not a zip"),
            "is not a readable spreadsheet",
        ),
        (write("nulls.csv", &[0u8; 64]), "is a binary file"),
        (
            write("words.csv", "只是一段文字\n没有表格\n".as_bytes()),
            "has no header row",
        ),
        (
            write("gbk-broken.csv", b"\xd6\xb8\xb1\xea,\x81\x20"),
            "neither UTF-8 nor GBK",
        ),
        (
            "tests/fixtures/tables/no-such-file.csv".to_string(),
            "no such file or folder",
        ),
    ];
    for (path, message) in cases {
        let a = plansim(&["tables", &path]).code(2);
        let err = stderr(&a);
        assert!(!err.contains("panicked"), "{path}: {err}");
        assert!(
            err.starts_with(&format!("plansim: error: {path}: ")) && err.contains(message),
            "{path}: {err}\n  wanted {message}"
        );
    }
}

#[test]
fn a_missing_sheet_names_the_sheets_there_are() {
    let file = "tests/fixtures/tables/horqin.xlsx";
    let a = plansim(&["tables", "--sheet", "Sheet9", file]).code(2);
    assert!(
        stderr(&a).contains("has no sheet `Sheet9`; its sheets are: 主要指标"),
        "{}",
        stderr(&a)
    );
    plansim(&["tables", "--sheet", "主要指标", file]).success();
}

/// A table of 2,500 rows (`指标0` … `指标2499`, 100 → 130) in `dir`: longer than a terminal
/// table's block and than a pipe's buffer.
fn long_table(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("long.csv");
    let mut text = String::from("region,plan,indicator,unit,base_year,base,target_year,target\n");
    for i in 0..2500 {
        text.push_str(&format!(
            "测试区,十四五规划,指标{i},亿元,2020,100,2025,130\n"
        ));
    }
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// A table longer than a block prints in blocks of 1,000 rows, each under its header, every
/// row once and in order: 2,500 rows are three blocks (1,000, 1,000, 500).
#[test]
fn a_long_table_prints_in_blocks_under_their_header() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = long_table(dir.path());
    let a = plansim(&["tables", &path.to_string_lossy()]).success();
    let out = stdout(&a);
    let headers: Vec<usize> = out
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(" indicator ") && l.contains(" row "))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(headers.len(), 3, "{}", &out[..2000.min(out.len())]);
    // the rows' names in the order printed
    let names: Vec<usize> = out
        .lines()
        .filter_map(|l| {
            let at = l.find("指标")?;
            let digits: String = l[at + "指标".len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            digits.parse().ok()
        })
        .collect();
    assert_eq!(names, (0..2500).collect::<Vec<usize>>());
    // the blocks hold 1,000, 1,000 and 500 rows
    let rows_between = |from: usize, to: usize| {
        out.lines()
            .skip(from)
            .take(to - from)
            .filter(|l| l.contains("指标"))
            .count()
    };
    let total = out.lines().count();
    assert_eq!(rows_between(headers[0], headers[1]), 1000);
    assert_eq!(rows_between(headers[1], headers[2]), 1000);
    assert_eq!(rows_between(headers[2], total), 500);
}

/// A reader that stops early (`plansim tables … | head`) ends the run quietly and with
/// success in every format, as other Unix tools do: the output is larger than a pipe's
/// buffer (2,500 rows), so the write fails once the reader has gone.
#[test]
fn a_closed_pipe_is_no_error() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = long_table(dir.path());
    let bin = assert_cmd::cargo::cargo_bin("plansim");
    for command in ["tables", "project", "assess"] {
        for format in ["csv", "json", "table"] {
            let mut child = std::process::Command::new(&bin)
                .args([command, "--format", format, &path.to_string_lossy()])
                .env("LC_ALL", "en_US.UTF-8")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("{e}"));
            let mut head = [0u8; 16];
            let mut out = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
            out.read_exact(&mut head)
                .unwrap_or_else(|e| panic!("{command} {format}: {e}"));
            drop(out);
            let done = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
            let err = String::from_utf8_lossy(&done.stderr);
            assert!(
                done.status.success(),
                "{command} --format {format}: {:?} {err}",
                done.status
            );
            assert!(!err.contains("Broken pipe"), "{command} {format}: {err}");
        }
    }
}

/// The meaning column says which way a target should move in the run's language:
/// 常住人口城镇化率 (63 → 70) rises, in Chinese `70（上升）`, in English `70 (rising)`.
#[test]
fn the_way_a_target_moves_is_said_in_the_runs_language() {
    let row = |lang: &str| {
        let a = plansim(&["tables", "--lang", lang, "scenarios/tables/horqin.csv"]).success();
        let out = stdout(&a);
        let line = out
            .lines()
            .find(|l| l.contains("常住人口城镇化率"))
            .map(str::to_string);
        (out, line.unwrap_or_default())
    };
    let (zh, line) = row("zh");
    assert!(line.contains("70（上升）"), "{line}");
    assert!(!zh.contains("(rising)") && !zh.contains("(falling)"));
    let (_, line) = row("en");
    assert!(line.contains("70 (rising)"), "{line}");
}

/// The notes column and the notes under a table speak the run's language too: a 〔〕 total
/// over 2016–2020 and 2021–2025 under a note, and a relation to another row of the table, are
/// `基期 2016–2020年累计 注；目标 2021–2025年累计 注` and `目标 同步于地区生产总值增长` in
/// Chinese (they were English in a Chinese run), and English in English.
#[test]
fn the_notes_column_is_in_the_runs_language() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.csv");
    std::fs::write(
        &table,
        "指标,单位,2020年,2025年目标,年均增长（%）,属性\n\
         地区生产总值增长,%,—,—,6左右,预期性\n\
         全体居民人均可支配收入增长,%,—,与经济增长同步,6,预期性\n\
         单位地区生产总值能耗累计降低,%,〔13.5〕,〔12〕,—,约束性\n\
         注：〔〕内为5年累计数。2020年为预计数。\n",
    )
    .unwrap();
    let run = |lang: &str| {
        stdout(&plansim(&["tables", "--lang", lang, table.to_str().unwrap()]).success())
    };
    let line = |out: &str, name: &str| {
        out.lines()
            .find(|l| l.contains(name))
            .map(str::to_string)
            .unwrap_or_default()
    };
    let zh = run("zh");
    let energy = line(&zh, "能耗");
    assert!(
        energy.contains("基期 2016–2020年累计 注；目标 2021–2025年累计 注"),
        "{energy}"
    );
    let income = line(&zh, "可支配收入");
    assert!(income.contains("目标 同步于地区生产总值增长"), "{income}");
    assert!(zh.contains("2020年为预计数（第 5 行）"), "{zh}");
    for english in ["total", "target", "in step", "(row"] {
        assert!(!zh.contains(english), "{english} in {zh}");
    }
    let en = run("en");
    assert!(
        line(&en, "能耗").contains("base total 2016–2020 注; target total 2021–2025 注"),
        "{en}"
    );
    assert!(line(&en, "可支配收入").contains("target in step with 地区生产总值增长"));
}

/// A base column headed `2020年` above `预计` (科尔沁区's outline) marks every baseline
/// preliminary: `tables` says so in its notes column and `assess` in its sentence
/// (`起点为2020年的305.8（预计数）`); read but never shown before. Under `2020年` alone, nothing;
/// a note `2020年为预计数` under the table marks them as the header does.
#[test]
fn a_base_headed_preliminary_is_said_to_be() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, second: &str| {
        let p = dir.path().join(name);
        std::fs::write(
            &p,
            format!(
                "序号,指标,单位,2020年,2025年,年均增长,属性\n,,,{second},目标,（%）,\n\
                 1,地区生产总值,亿元,305.8,430,7左右,预期性\n"
            ),
        )
        .unwrap();
        p.display().to_string()
    };
    let (said, plain) = (write("said.csv", "预计"), write("plain.csv", ""));
    let out = stdout(&plansim(&["tables", "--lang", "zh", &said]).success());
    let gdp = out
        .lines()
        .find(|l| l.contains("地区生产总值"))
        .unwrap_or_default();
    assert!(gdp.contains("基期 预计"), "{gdp}");
    let out = stdout(&plansim(&["tables", "--lang", "en", &plain]).success());
    assert!(!out.contains("preliminary"), "{out}");
    let out = stdout(&plansim(&["assess", "--lang", "zh", "--format", "csv", &said]).success());
    assert!(
        out.contains("起点为2020年的305.8（预计数），需7.055%/年"),
        "{out}"
    );
    let out = stdout(&plansim(&["assess", "--lang", "zh", "--format", "csv", &plain]).success());
    assert!(out.contains("起点为2020年的305.8，需7.055%/年"), "{out}");
    // a note under the table says the same of its base year; of another year, nothing
    let noted = |name: &str, note: &str| {
        let p = dir.path().join(name);
        std::fs::write(
            &p,
            format!(
                "指标,单位,2020年,2025年目标,属性\n地区生产总值,亿元,305.8,430,预期性\n注：{note}\n"
            ),
        )
        .unwrap();
        p.display().to_string()
    };
    let base = noted("noted.csv", "2020年为预计数。");
    let out = stdout(&plansim(&["assess", "--lang", "zh", "--format", "csv", &base]).success());
    assert!(out.contains("起点为2020年的305.8（预计数）"), "{out}");
    let other = noted("other.csv", "2019年为预计数。");
    let out = stdout(&plansim(&["assess", "--lang", "zh", "--format", "csv", &other]).success());
    assert!(out.contains("起点为2020年的305.8，需"), "{out}");
}
