//! `plansim serve` as a program: started on a free port, driven over HTTP on loopback. The
//! edits the page posts, saved as the scenario the server returns, give from `plansim project`
//! and `plansim simulate` the numbers the server showed; requests without the token, for
//! another host, too large or with a bad rate are refused, and the server answers after them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running `plansim serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("plansim")
}

fn start(args: &[&Path]) -> Server {
    let mut child = Command::new(bin())
        .arg("serve")
        .args(args)
        .args(["--port", "0", "--lang", "zh"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    // plansim serve: open http://127.0.0.1:PORT/?token=HEX
    let url = line.trim().rsplit(' ').next().unwrap().to_string();
    let rest = url.strip_prefix("http://").unwrap();
    let (addr, query) = rest.split_once("/?token=").unwrap();
    Server {
        child,
        addr: addr.to_string(),
        token: query.to_string(),
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

/// One HTTP/1.1 request on a fresh connection, written by hand so that the `Host` and the
/// cookie are exactly what the test says.
fn request(s: &Server, method: &str, path: &str, host: &str, cookie: bool, body: &[u8]) -> Reply {
    let mut c = TcpStream::connect(&s.addr).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    if cookie {
        head.push_str(&format!("Cookie: plansim_token={}\r\n", s.token));
    }
    head.push_str("\r\n");
    c.write_all(head.as_bytes()).unwrap();
    // a refused upload may close the connection before the body is all written
    let _ = c.write_all(body);
    let mut raw = Vec::new();
    let _ = c.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).unwrap_or("0").parse().unwrap_or(0);
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

fn post(s: &Server, path: &str, body: &str) -> Reply {
    request(s, "POST", path, &s.addr, true, body.as_bytes())
}

/// A copy of the bundled scenarios (with their tables and outturns) to save beside.
fn scenarios() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for sub in ["", "tables", "actuals"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for e in std::fs::read_dir(root.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::copy(&p, dir.path().join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

fn json(cmd: &str, file: &Path) -> serde_json::Value {
    let out = Command::new(bin())
        .args([cmd, file.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const EDITS: &str = r#"{"focus":"地区生产总值增长率","rates":[
  {"indicator":"地区生产总值增长率","from":2024,"to":2025,"rate":"9.5"},
  {"indicator":"地区生产总值增长率","from":2026,"to":2030,"rate":4}],
  "shocks":[{"indicator":"地区生产总值增长率","year":2025,"delta":-2}]}"#;

#[test]
fn a_saved_what_if_reproduces_the_page_from_the_command_line() {
    let dir = scenarios();
    let origin = dir.path().join("horqin-outturn.toml");
    let s = start(&[&origin]);
    let page = request(
        &s,
        "GET",
        &format!("/?token={}", s.token),
        &s.addr,
        false,
        b"",
    );
    assert_eq!(page.status, 200);
    let head = page.head.to_ascii_lowercase();
    assert!(head.contains("set-cookie: plansim_token="), "{head}");
    assert!(page.body.contains("科尔沁区 · 十四五规划"));
    let r = post(&s, "/api/0/0/whatif", EDITS);
    assert_eq!(r.status, 200, "{}", r.body);
    let answer: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let gdp = answer["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["indicator"] == "地区生产总值增长率" && t["year"] == 2025)
        .unwrap()
        .clone();
    // by hand: the hypothetical 2023 outturn, 9.5% in 2024, 9.5 − 2 = 7.5% in 2025
    let by_hand = 350.566 * 1.095 * 1.075;
    let projected = gdp["projected"].as_f64().unwrap();
    // shown to six significant digits, as every output writes a projection
    assert!(
        (projected - by_hand).abs() < 5e-6 * by_hand,
        "{projected} vs {by_hand}"
    );
    assert!(answer["svg"].as_str().unwrap().starts_with("<svg"));
    assert!(answer["svg"].as_str().unwrap().contains("调整后"));

    let saved = post(&s, "/api/0/0/save", EDITS);
    assert_eq!(saved.status, 200);
    assert!(saved.body.contains("extends = \"horqin-outturn.toml\""));
    assert!(saved.body.contains("seed = 20210101"));
    let file = dir.path().join("horqin-outturn-whatif.toml");
    std::fs::write(&file, &saved.body).unwrap();
    let proj = json("project", &file);
    let sim = json("simulate", &file);
    let mut compared = 0;
    let paths = proj["paths"].as_array().unwrap();
    for (i, path) in paths.iter().enumerate() {
        let se = &path["series"];
        if se["region"] != "科尔沁区" || se["plan"] != "十四五规划" {
            continue;
        }
        for o in path["outcomes"].as_array().unwrap() {
            let shown = answer["targets"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["indicator"] == se["name"] && t["year"] == o["goal"]["year"]);
            let Some(shown) = shown else { continue };
            if let (Some(a), Some(b)) = (shown["projected"].as_f64(), o["value"].as_f64()) {
                assert_eq!(a, b, "{se}");
                compared += 1;
            }
            let chance = sim["paths"][i]["chances"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["year"] == o["goal"]["year"]);
            if let Some(c) = chance {
                assert_eq!(shown["p_meet"], c["probability"], "{}", se["name"]);
            }
        }
    }
    assert!(compared > 20, "{compared} targets compared");
}

/// National 15th plan: each growth-rate row holds its 2025 rate (GDP 5, labour productivity
/// 6.1, income 5) over 2026–30 unless edited. GDP at 6.2 makes productivity's 6.1 no longer
/// above it, and income's 5 is 1.2 points below it, more than the 0.5 of 同步: both targets
/// flip, and `plansim project` on the saved scenario says the same.
#[test]
fn moving_gdp_growth_flips_the_relational_targets_and_the_saved_scenario_agrees() {
    let dir = scenarios();
    let origin = dir.path().join("national-15th.toml");
    let s = start(&[&origin]);
    let gdp = "国内生产总值（GDP）增长";
    let edits = format!(
        r#"{{"focus":"{gdp}","rates":[{{"indicator":"{gdp}","from":2026,"to":2030,"rate":6.2}}]}}"#
    );
    let target = |a: &serde_json::Value, name: &str| {
        a.as_array()
            .unwrap()
            .iter()
            .find(|t| t["indicator"] == name)
            .unwrap()
            .clone()
    };
    // as loaded: both met (6.1 > 5; 5 − 5 = 0, within 0.5)
    let r = post(&s, "/api/0/0/whatif", &format!(r#"{{"focus":"{gdp}"}}"#));
    assert_eq!(r.status, 200, "{}", r.body);
    let loaded: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    for name in ["全员劳动生产率增长", "居民人均可支配收入增长"] {
        let t = target(&loaded["targets"], name);
        assert_eq!(
            (&t["met"], &t["verdict"]),
            (&true.into(), &"达到".into()),
            "{t}"
        );
    }
    let r = post(&s, "/api/0/0/whatif", &edits);
    assert_eq!(r.status, 200, "{}", r.body);
    let answer: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let labour = target(&answer["changed"], "全员劳动生产率增长");
    assert_eq!(labour["met"], false);
    assert_eq!(labour["was_met"], true);
    assert_eq!(labour["verdict"], "未达到");
    assert_eq!(
        labour["why"],
        "2026–2030年全员劳动生产率增长年均6.1%，未高于国内生产总值（GDP）增长的年均6.2%\
         （目标：高于GDP增长）：未达到"
    );
    let income = target(&answer["changed"], "居民人均可支配收入增长");
    assert_eq!(income["met"], false);
    assert!(
        income["why"].as_str().unwrap().contains("低1.2个百分点"),
        "{income}"
    );

    let saved = post(&s, "/api/0/0/save", &edits);
    assert_eq!(saved.status, 200);
    let file = dir.path().join("national-15th-whatif.toml");
    std::fs::write(&file, &saved.body).unwrap();
    let proj = json("project", &file);
    let relations = proj["relations"].as_array().unwrap();
    assert_eq!(relations.len(), 2, "{relations:?}");
    for r in relations {
        let shown = target(&answer["targets"], r["indicator"].as_str().unwrap());
        assert_eq!(r["met"], shown["met"], "{r}");
        assert!((r["theirs"].as_f64().unwrap() - 6.2).abs() < 1e-9, "{r}");
    }
    let text = Command::new(bin())
        .args(["project", file.to_str().unwrap(), "--lang", "zh"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains(labour["why"].as_str().unwrap()), "{text}");
}

#[test]
fn strangers_oversize_and_bad_values_are_refused_and_the_server_stays_up() {
    let dir = scenarios();
    let s = start(&[&dir.path().join("tables/horqin.csv")]);
    // no token, a wrong one, another site's name for 127.0.0.1
    assert_eq!(request(&s, "GET", "/", &s.addr, false, b"").status, 403);
    let wrong = request(
        &s,
        "GET",
        "/?token=0123456789abcdef0123456789abcdef",
        &s.addr,
        false,
        b"",
    );
    assert_eq!(wrong.status, 403);
    let port = s.addr.rsplit(':').next().unwrap();
    let evil = format!("evil.example:{port}");
    let with_token = format!("/?token={}", s.token);
    assert_eq!(
        request(&s, "GET", &with_token, &evil, false, b"").status,
        421
    );
    assert_eq!(
        request(&s, "GET", &with_token, "127.0.0.1:1", false, b"").status,
        421
    );
    // more than the limit
    let big = vec![b' '; 300 * 1024];
    assert_eq!(
        request(&s, "POST", "/api/0/0/whatif", &s.addr, true, &big).status,
        413
    );
    // a rate that is no number: the command line's words for the same text in a file
    let r = post(
        &s,
        "/api/0/0/whatif",
        r#"{"rates":[{"indicator":"地区生产总值增长率","from":2026,"to":2030,"rate":"7,5"}]}"#,
    );
    assert_eq!(r.status, 400);
    let msg: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let cli_file = dir.path().join("bad.toml");
    std::fs::write(
        &cli_file,
        "tables = [\"tables/horqin.csv\"]\n[[override]]\nindicator = \"地区生产总值增长率\"\nrate = \"7,5\"\n",
    )
    .unwrap();
    let cli = Command::new(bin())
        .args(["project", cli_file.to_str().unwrap(), "--lang", "zh"])
        .output()
        .unwrap();
    let cli_err = String::from_utf8_lossy(&cli.stderr);
    // the command line's words, led by the field's name and years, the field named for the
    // page to mark
    let said = msg["error"].as_str().unwrap();
    let words = "\"7,5\" 不是百分数：写 5、-3.5 或 \"5%\"";
    assert_eq!(said, format!("地区生产总值增长率 2026–2030：{words}"));
    assert_eq!(
        msg["field"],
        serde_json::json!({"kind": "rate", "indicator": "地区生产总值增长率", "from": 2026, "to": 2030})
    );
    assert!(cli_err.contains(words), "{cli_err}");
    // out of range, and a year outside the plan
    let r = post(
        &s,
        "/api/0/0/whatif",
        r#"{"rates":[{"indicator":"地区生产总值增长率","from":2026,"to":2030,"rate":5000}]}"#,
    );
    assert_eq!(r.status, 400);
    assert!(r.body.contains("超出可用范围"), "{}", r.body);
    let r = post(
        &s,
        "/api/0/0/whatif",
        r#"{"shocks":[{"indicator":"地区生产总值增长率","year":2199,"delta":1}]}"#,
    );
    assert_eq!(r.status, 400);
    // still answering
    let ok = post(&s, "/api/0/0/whatif", "{}");
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(
        request(&s, "GET", "/font.otf", &s.addr, true, b"").status,
        200
    );
}
