//! Hostile and oversized inputs: devices, FIFOs and folders are refused by name without a
//! byte read or a wait; a file over the size limit and a workbook that inflates to gigabytes
//! are refused; an over-long cell and a plan of 1,500 indicators fail nothing; no CSV cell
//! plansim writes opens as a formula.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn plansim_in(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = match Command::cargo_bin("plansim") {
        Ok(c) => c,
        Err(e) => panic!("no plansim binary: {e}"),
    };
    match cmd
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        // a FIFO that blocked would hang the test: a refusal takes no time
        .timeout(Duration::from_secs(120))
        .args(args)
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("plansim {args:?}: {e}"),
    }
}

fn plansim(args: &[&str]) -> std::process::Output {
    plansim_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Exit code 2, no panic; the stderr.
fn refused(args: &[&str]) -> String {
    let out = plansim(args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "plansim {args:?}: {err}");
    assert!(!err.contains("panicked"), "plansim {args:?}: {err}");
    err
}

const TABLE: &str = "scenarios/tables/horqin.csv";

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap_or_else(|e| panic!("mkfifo: {e}"));
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(target_os = "linux")]
#[test]
fn devices_are_refused_by_name() {
    for dev in ["/dev/zero", "/dev/urandom"] {
        let err = refused(&["tables", dev]);
        assert!(
            err.contains(&format!(
                "{dev}: is a character device; plansim reads only regular files"
            )),
            "{err}"
        );
        let err = refused(&["project", TABLE, "--actuals", dev]);
        assert!(
            err.contains(&format!("{dev}: is a character device")),
            "{err}"
        );
    }
    let err = refused(&["tables", "scenarios"]);
    assert!(err.contains("scenarios: is a folder"), "{err}");
}

/// A FIFO nobody writes to would block a reader forever: as a table, an outturn file and a
/// scenario's `extends` it is refused at once.
#[cfg(unix)]
#[test]
fn fifos_are_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let fifo = dir.path().join("pipe.csv");
    mkfifo(&fifo);
    let fifo_s = fifo.to_string_lossy().into_owned();
    let table = Path::new(env!("CARGO_MANIFEST_DIR")).join(TABLE);
    let table_s = table.to_string_lossy().into_owned();
    let started = std::time::Instant::now();
    let err = refused(&["tables", &fifo_s]);
    assert!(
        err.contains("pipe.csv: is a FIFO (named pipe); plansim reads only regular files"),
        "{err}"
    );
    let err = refused(&["project", &table_s, "--actuals", &fifo_s]);
    assert!(err.contains("pipe.csv: is a FIFO (named pipe)"), "{err}");
    let toml_fifo = dir.path().join("base.toml");
    mkfifo(&toml_fifo);
    let child = dir.path().join("child.toml");
    std::fs::write(
        &child,
        format!("extends = \"base.toml\"\nname = \"child\"\ntables = [\"{table_s}\"]\n"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // named with the file that extends it
    let err = refused(&["project", &child.to_string_lossy()]);
    assert!(
        err.contains("child.toml: `extends` ")
            && err.contains("base.toml")
            && err.contains("is a FIFO (named pipe); plansim reads only regular files"),
        "{err}"
    );
    let err = refused(&["project", &toml_fifo.to_string_lossy()]);
    assert!(
        err.contains("base.toml") && err.contains("is a FIFO (named pipe)"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let err = refused(&["--max-input", "10k", "tables", TABLE]);
    assert!(
        err.contains("horqin.csv: is ")
            && err.contains("above the input limit of 10 kB")
            && err.contains("--max-input"),
        "{err}"
    );
    let out = plansim(&["tables", "--max-input", "1M", TABLE, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let err = refused(&["--max-input", "lots", "tables", TABLE]);
    assert!(err.contains("expected a size such as 256M"), "{err}");
}

/// Writes `bits` bits of `value`, least significant first, as deflate packs them.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, bits: u32) {
        self.acc |= value << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u64, bits: u32) {
        let mut rev = 0;
        for i in 0..bits {
            rev |= ((code >> i) & 1) << (bits - 1 - i);
        }
        self.put(rev, bits);
    }
}

/// A deflate stream of one fixed-Huffman block: a zero, then `n` copies of the 258 bytes
/// before (length code 285, distance code 0): 1 + 258·n zeros from about 1.6·n bytes.
fn zeros_deflated(n: u64) -> Vec<u8> {
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // last block
    b.put(1, 2); // fixed Huffman codes
    b.code(0x30, 8); // literal 0
    for _ in 0..n {
        b.code(0xC5, 8); // length 258
        b.code(0, 5); // distance 1
    }
    b.code(0, 7); // end of block
    if b.n > 0 {
        b.out.push(b.acc as u8);
    }
    b.out
}

/// A zip of one sheet part that inflates to `1 + 258·n` bytes, its directory saying so.
fn bomb(n: u64) -> Vec<u8> {
    let data = zeros_deflated(n);
    let size = (1 + 258 * n) as u32;
    let name = b"xl/worksheets/sheet1.xml";
    let mut z = Vec::new();
    let le16 = |v: u16| v.to_le_bytes();
    let le32 = |v: u32| v.to_le_bytes();
    // local header: version, flags, deflate, time, date, crc, sizes, name and extra lengths
    z.extend(b"PK\x03\x04");
    for part in [&le16(20)[..], &le16(0), &le16(8), &le16(0), &le16(0)] {
        z.extend(part);
    }
    for part in [le32(0), le32(data.len() as u32), le32(size)] {
        z.extend(part);
    }
    z.extend(le16(name.len() as u16));
    z.extend(le16(0));
    z.extend(name);
    z.extend(&data);
    let directory = z.len() as u32;
    z.extend(b"PK\x01\x02");
    for part in [
        &le16(20)[..],
        &le16(20),
        &le16(0),
        &le16(8),
        &le16(0),
        &le16(0),
    ] {
        z.extend(part);
    }
    for part in [le32(0), le32(data.len() as u32), le32(size)] {
        z.extend(part);
    }
    // name, extra and comment lengths, disk, attributes, offset of the local header
    for part in [
        &le16(name.len() as u16)[..],
        &le16(0),
        &le16(0),
        &le16(0),
        &le16(0),
    ] {
        z.extend(part);
    }
    z.extend(le32(0));
    z.extend(le32(0));
    z.extend(name);
    let directory_len = z.len() as u32 - directory;
    z.extend(b"PK\x05\x06");
    for part in [le16(0), le16(0), le16(1), le16(1)] {
        z.extend(part);
    }
    z.extend(le32(directory_len));
    z.extend(le32(directory));
    z.extend(le16(0));
    z
}

/// A 7 MB workbook whose sheet inflates to 1.1 GB is refused before it is inflated.
#[test]
fn an_xlsx_zip_bomb_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("bomb.xlsx");
    let n = 1_100_000_000 / 258;
    let bytes = bomb(n);
    assert!(bytes.len() < 8_000_000, "{}", bytes.len());
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let err = refused(&["tables", &path.to_string_lossy()]);
    assert!(
        err.contains("bomb.xlsx: its parts inflate to 1.0 GB or more by its directory"),
        "{err}"
    );
    // the same stream, small, is a zip the reader opens (and finds no sheet in)
    let small = dir.path().join("small.xlsx");
    std::fs::write(&small, bomb(10)).unwrap_or_else(|e| panic!("{e}"));
    let err = refused(&["tables", &small.to_string_lossy()]);
    assert!(!err.contains("inflate"), "{err}");
}

fn write_table(dir: &Path, name: &str, rows: &[[&str; 5]]) -> PathBuf {
    let path = dir.join(name);
    let mut w = csv::Writer::from_path(&path).unwrap_or_else(|e| panic!("{e}"));
    w.write_record([
        "region",
        "plan",
        "indicator",
        "unit",
        "base_year",
        "base",
        "target_year",
        "target",
        "rate",
        "attribute",
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    for [region, indicator, base, target, rate] in rows {
        w.write_record([
            region,
            "十四五规划",
            indicator,
            "亿元",
            "2020",
            base,
            "2025",
            target,
            rate,
            "预期性",
        ])
        .unwrap_or_else(|e| panic!("{e}"));
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    path
}

/// An indicator named with 40,000 characters: the report is written, the workbook cell is cut
/// with a note, and the warning names the table's file and row.
#[test]
fn an_over_long_cell_is_cut_and_reported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let long = "长".repeat(40_000);
    let table = write_table(
        dir.path(),
        "long.csv",
        &[
            ["测试区", "地区生产总值", "100", "140", "7"],
            ["测试区", &long, "100", "128", "5"],
        ],
    );
    let scenario = dir.path().join("long.toml");
    std::fs::write(
        &scenario,
        format!("name = \"long\"\ntables = [\"{}\"]\n", table.display()),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out_dir = dir.path().join("out");
    let out = plansim(&[
        "report",
        &scenario.to_string_lossy(),
        "--out",
        &out_dir.to_string_lossy(),
        "--no-charts",
        "--draws",
        "50",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("long.csv: row 3, column 3 (indicator)")
            && err.contains("40000 characters; the workbook keeps the first 32767"),
        "{err}"
    );
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(out_dir.join("plansim.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    let sheet = book.sheet_names()[0].clone();
    let range = book
        .worksheet_range(&sheet)
        .unwrap_or_else(|e| panic!("{e}"));
    let cut = range
        .rows()
        .flatten()
        .filter_map(|c| match c {
            calamine::Data::String(s) => Some(s.as_str()),
            _ => None,
        })
        .find(|s| s.starts_with("长长长"))
        .unwrap_or_else(|| panic!("no long cell in {sheet}"))
        .to_string();
    assert_eq!(cut.chars().count(), 32_767);
    let tail: String = cut.chars().skip(32_700).collect();
    assert!(
        tail.ends_with(" …[cut: 40000 characters, a cell holds 32767]"),
        "{tail}"
    );
}

/// A plan of 1,500 indicators: its scenario is reported, and its probability chart drawn in
/// pages of at most 40 bars (38 pages: 37 of 40 and one of 20).
#[test]
fn a_plan_of_1500_indicators_is_charted_in_pages() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = (0..1500).map(|i| format!("指标{i}")).collect();
    let rows: Vec<[&str; 5]> = names
        .iter()
        .map(|n| ["测试区", n.as_str(), "100", "140", "7"])
        .collect();
    let table = write_table(dir.path(), "wide.csv", &rows);
    let scenario = dir.path().join("wide.toml");
    std::fs::write(
        &scenario,
        format!(
            "name = \"wide\"\ntables = [\"{}\"]\n[uncertainty]\nsigma = 1\ndraws = 20\n",
            table.display()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let scenario = scenario.to_string_lossy().into_owned();
    let out_dir = dir.path().join("out");
    let out_s = out_dir.to_string_lossy().into_owned();
    // the pages and workbook of every indicator (the charts of 1,500 indicators are drawn
    // below, the bar charts alone: drawing 1,500 line charts takes minutes in a debug build)
    let out = plansim(&["report", &scenario, "--out", &out_s, "--no-charts"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let plots = dir.path().join("plots");
    let plots_s = plots.to_string_lossy().into_owned();
    let args = [
        "plot",
        &scenario,
        "--kind",
        "probability",
        "--format",
        "svg",
        "--out",
        &plots_s,
    ];
    let out = plansim(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let mut charts: Vec<String> = std::fs::read_dir(&plots)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("probability-") && n.ends_with(".svg"))
        .collect();
    charts.sort();
    assert_eq!(charts.len(), 38, "{charts:?}");
    assert!(
        charts.contains(&"probability-测试区-十四五规划.svg".to_string()),
        "{charts:?}"
    );
    assert!(
        charts.contains(&"probability-测试区-十四五规划-38.svg".to_string()),
        "{charts:?}"
    );
    let last = std::fs::read_to_string(plots.join("probability-测试区-十四五规划-38.svg"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(last.contains("(38/38)"), "the page's title numbers it");
}

/// Whether a cell a spreadsheet would open as a formula is in CSV bytes; every field is
/// checked, the header too.
fn formula_cells(csv_bytes: &[u8]) -> Vec<String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_bytes);
    let number = |s: &str| s.parse::<f64>().is_ok() && !s.contains(['i', 'n', 'I', 'N']);
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.unwrap_or_else(|e| panic!("{e}"));
        for f in rec.iter() {
            if f.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number(f) {
                out.push(f.to_string());
            }
        }
    }
    out
}

/// Names written to run as formulas (`=1+2`, `@SUM(1)`, `-2+3`, `+cmd`) go through every
/// CSV plansim writes with a leading `'`; numbers, negative ones too, stay numbers.
#[test]
fn formula_like_names_are_quoted_in_every_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    // 100 → 140 is not what 9% a year reaches (153.9): a finding for check
    let table = write_table(
        d,
        "formula.csv",
        &[
            ["-cmd", "=1+2", "100", "140", "9"],
            ["-cmd", "@SUM(1)", "100", "90", "-2"],
            ["-cmd", "+cmd", "100", "128", "5"],
        ],
    );
    std::fs::write(
        d.join("outturns.csv"),
        "region,indicator,year,value\n-cmd,=1+2,2021,104\n-cmd,=1+2,2022,110\n-cmd,@SUM(1),2021,99\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        d.join("formula.toml"),
        "name = \"=formula\"\ntables = [\"formula.csv\"]\nactuals = [\"outturns.csv\"]\n\
         [[override]]\nindicator = \"=1+2\"\nfrom = 2023\ndelta = -1.5\n\
         [uncertainty]\nsigma = 1\ndraws = 50\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let table_s = table.to_string_lossy().into_owned();
    let runs: Vec<Vec<&str>> = vec![
        vec!["report", "formula.toml", "--out", "rep", "--no-charts"],
        vec!["tables", &table_s, "--format", "csv"],
        vec!["check", &table_s, "--format", "csv"],
        vec!["assess", "formula.toml", "--format", "csv"],
        vec!["project", "formula.toml", "--format", "csv"],
        vec![
            "simulate",
            "formula.toml",
            "--format",
            "csv",
            "--out",
            "sim",
        ],
        vec!["explain", "formula.toml", "--format", "csv"],
        vec![
            "sweep",
            "formula.toml",
            "--indicator",
            "=1+2",
            "--format",
            "csv",
        ],
    ];
    for args in &runs {
        let out = plansim_in(d, args);

        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.code().is_some_and(|c| c < 2), "{args:?}: {err}");
        if out.stdout.starts_with(b"[") || out.stdout.is_empty() {
            continue;
        }
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("'=1+2"), "{args:?}: {text}");
        assert_eq!(formula_cells(&out.stdout), Vec::<String>::new(), "{args:?}");
    }
    let mut files = vec![
        d.join("sim/simulation.csv"),
        d.join("sim/probabilities.csv"),
    ];
    for name in ["projection", "simulation", "probabilities", "findings"] {
        files.push(d.join(format!("rep/=formula/{name}.csv")));
    }
    let mut quoted = 0;
    for f in files {
        let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert_eq!(
            formula_cells(&bytes),
            Vec::<String>::new(),
            "{}",
            f.display()
        );
        quoted += usize::from(String::from_utf8_lossy(&bytes).contains("'=1+2"));
    }
    assert!(quoted >= 4, "{quoted}");
    // a negative number stays a number: the sweep's changes run from -3 to 3
    let out = plansim_in(
        d,
        &[
            "sweep",
            "formula.toml",
            "--indicator",
            "=1+2",
            "--format",
            "csv",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(",-3"));
}

/// A scenario named and described to run a script: the Markdown pages show the text, escaped,
/// and link to no `javascript:` address.
#[test]
fn markdown_pages_carry_no_script_and_no_javascript_link() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    write_table(
        d,
        "t.csv",
        &[["<b>区</b>", "<script>alert(1)</script>", "100", "140", "7"]],
    );
    let description = "description = \"<script>alert(2)</script> [click](javascript:alert(3)) \
                       <javascript:alert(4)>\"\ntables = [\"t.csv\"]\n\
                       [uncertainty]\nsigma = 1\ndraws = 20\n";
    std::fs::write(d.join("s.toml"), format!("name = \"ok\"\n{description}"))
        .unwrap_or_else(|e| panic!("{e}"));
    // refused as a folder name; the index names it among the failed
    std::fs::write(
        d.join("t.toml"),
        format!("name = \"javascript:alert(1)\"\n{description}"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let args = ["report", "s.toml", "t.toml", "--out", "rep", "--no-charts"];
    let out = plansim_in(d, &args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let mut pages = vec![d.join("rep/index.md")];
    for e in std::fs::read_dir(d.join("rep")).unwrap_or_else(|e| panic!("{e}")) {
        let p = e.unwrap_or_else(|e| panic!("{e}")).path().join("index.md");
        if p.is_file() {
            pages.push(p);
        }
    }
    assert_eq!(pages.len(), 2, "{pages:?}");
    for p in pages {
        let md = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{e}"));
        // `\]` is a bracket shown, not the end of a link's text
        let unescaped = md.replace("\\]", "");
        for bad in ["<script", "<b>", "](javascript:", "<javascript:"] {
            assert!(!unescaped.contains(bad), "{}: {bad} in\n{md}", p.display());
        }
        assert!(md.contains("&lt;script>alert("), "{}:\n{md}", p.display());
    }
    let index = std::fs::read_to_string(d.join("rep/index.md")).unwrap_or_else(|e| panic!("{e}"));
    assert!(index.contains("javascript:alert(1)"), "{index}");
}

/// `--jobs` far above the cores starts no more threads than there are cores: a warning, and
/// the run takes the time it takes on the cores (10,000 threads took 55 s to start).
#[test]
fn jobs_above_the_cores_are_capped_with_a_warning() {
    for jobs in ["10000", "18446744073709551615"] {
        let started = std::time::Instant::now();
        let out = plansim(&["simulate", TABLE, "--draws", "20", "--jobs", jobs]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{err}");
        assert!(
            err.contains(&format!("--jobs {jobs}: this machine has ")),
            "{err}"
        );
        assert!(started.elapsed() < Duration::from_secs(60));
    }
}
