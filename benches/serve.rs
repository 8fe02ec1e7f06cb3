//! The what-if request as the page sends it, timed on the server: a rate moved, the answer
//! (chart SVG, every target's verdict, reach year and P(meet)) read back over loopback HTTP.
//!
//!     cargo bench --bench serve [-- --scenario scenarios/baseline.toml --plan 0 --requests 300]
//!     cargo bench --bench serve -- --load 30 --clients 50     # the bounded load test
//!
//! The server runs in this process on 127.0.0.1 (port 0). Each timed request moves the plan's
//! first indicator's first period to a rate not asked before, so its path is drawn afresh (the
//! other paths come from the memo, as on the page). Prints p50/p95/max and `nproc`.
//!
//! `--load SECS` instead drives `--clients` concurrent clients, each posting edits of random
//! indicators and rates in a loop: a warm-up of 10 s, then SECS seconds; it reports requests,
//! errors, latency percentiles, and resident memory after the warm-up and after the run.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

struct Target {
    addr: String,
    token: String,
}

fn request(t: &Target, method: &str, path: &str, body: &str) -> (u16, String) {
    let Ok(mut c) = TcpStream::connect(&t.addr) else {
        return (0, String::new());
    };
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nCookie: plansim_token={}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        t.addr,
        t.token,
        body.len()
    );
    if c.write_all(head.as_bytes()).is_err() || c.write_all(body.as_bytes()).is_err() {
        return (0, String::new());
    }
    let mut raw = Vec::new();
    let _ = c.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or("", |x| x.1).to_string();
    (status, body)
}

/// Resident memory of this process, kB.
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let k = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[k]
}

/// (indicator, from, to, rate) of every period field of the plan page.
fn fields(t: &Target, plan: &str) -> Vec<(String, i64, i64, f64)> {
    let (_, page) = request(t, "GET", &format!("/plan/{plan}"), "");
    let start = page.find("application/json\">").expect("the page's data") + 18;
    let end = start + page[start..].find("</script>").expect("end of data");
    let data: serde_json::Value = serde_json::from_str(&page[start..end]).expect("data JSON");
    let mut out = Vec::new();
    for c in data["controls"].as_array().into_iter().flatten() {
        for p in c["periods"].as_array().into_iter().flatten() {
            out.push((
                c["indicator"].as_str().unwrap_or_default().to_string(),
                p["from"].as_i64().unwrap_or(0),
                p["to"].as_i64().unwrap_or(0),
                p["rate"].as_f64().unwrap_or(0.0),
            ));
        }
    }
    out
}

fn body(f: &(String, i64, i64, f64), rate: f64) -> String {
    serde_json::json!({
        "focus": f.0,
        "rates": [{"indicator": f.0, "from": f.1, "to": f.2, "rate": rate}],
    })
    .to_string()
}

fn main() {
    let scenario = PathBuf::from(arg("--scenario").unwrap_or("scenarios/baseline.toml".into()));
    let plan = format!("0/{}", arg("--plan").unwrap_or("0".into()));
    let (tx, rx) = std::sync::mpsc::channel();
    let config = plansim_serve::Config {
        inputs: vec![scenario.clone()],
        host: "127.0.0.1".into(),
        port: 0,
        lang: plansim_core::lang::Lang::Zh,
    };
    let loading = Instant::now();
    std::thread::spawn(move || {
        if let Err(e) = plansim_serve::serve(config, |url| {
            let _ = tx.send(url.to_string());
        }) {
            eprintln!("serve: {e}");
            std::process::exit(2);
        }
    });
    let url = rx.recv().expect("the server starts");
    let rest = url.trim_start_matches("http://");
    let (addr, token) = rest.split_once("/?token=").expect("address and token");
    let t = Target {
        addr: addr.into(),
        token: token.into(),
    };
    let nproc = std::thread::available_parallelism().map_or(1, |n| n.get());
    let f = fields(&t, &plan);
    let indicators: std::collections::BTreeSet<&str> = f.iter().map(|x| x.0.as_str()).collect();
    println!(
        "{} plan {plan}: {} indicators, {} fields; loaded in {:.1} s; nproc {nproc}",
        scenario.display(),
        indicators.len(),
        f.len(),
        loading.elapsed().as_secs_f64()
    );
    if let Some(secs) = arg("--load") {
        let clients = arg("--clients").map_or(50, |c| c.parse().unwrap_or(50));
        load(&t, &plan, &f, secs.parse().unwrap_or(30), clients);
        return;
    }
    let n: usize = arg("--requests").map_or(300, |c| c.parse().unwrap_or(300));
    let first = f.first().expect("a field").clone();
    for k in 0..10 {
        request(
            &t,
            "POST",
            &format!("/api/{plan}/whatif"),
            &body(&first, first.3 + k as f64),
        );
    }
    let mut ms = Vec::with_capacity(n);
    for k in 0..n {
        // a rate never asked before: the edited path is drawn, the others come from the memo
        let rate = first.3 - 3.0 + 6.0 * k as f64 / n as f64 + 1e-4;
        let t0 = Instant::now();
        let (status, answer) = request(
            &t,
            "POST",
            &format!("/api/{plan}/whatif"),
            &body(&first, rate),
        );
        ms.push(t0.elapsed().as_secs_f64() * 1e3);
        assert_eq!(status, 200, "{answer}");
    }
    ms.sort_by(f64::total_cmp);
    println!(
        "what-if request ({} moved, {n} requests): p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        first.0,
        pct(&ms, 0.5),
        pct(&ms, 0.95),
        ms.last().copied().unwrap_or(f64::NAN)
    );
}

/// `clients` threads posting edits until the deadline: requests, errors, latencies.
fn drive(
    t: &Target,
    plan: &str,
    f: &[(String, i64, i64, f64)],
    secs: u64,
    clients: usize,
) -> (usize, usize, Vec<f64>) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    let results: Vec<(usize, usize, Vec<f64>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                s.spawn(move || {
                    let (mut ok, mut err, mut ms) = (0, 0, Vec::new());
                    let mut k = c * 7919;
                    while Instant::now() < deadline {
                        k += 1;
                        let field = &f[k % f.len()];
                        // a few rates per field, so edits repeat as a person's do
                        let rate = field.3 + ((k / f.len()) % 9) as f64 * 0.5 - 2.0;
                        let t0 = Instant::now();
                        let (status, _) = request(
                            t,
                            "POST",
                            &format!("/api/{plan}/whatif"),
                            &body(field, rate),
                        );
                        ms.push(t0.elapsed().as_secs_f64() * 1e3);
                        if status == 200 { ok += 1 } else { err += 1 }
                    }
                    (ok, err, ms)
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut all = Vec::new();
    let (mut ok, mut err) = (0, 0);
    for (o, e, ms) in results {
        ok += o;
        err += e;
        all.extend(ms);
    }
    all.sort_by(f64::total_cmp);
    (ok, err, all)
}

fn load(t: &Target, plan: &str, f: &[(String, i64, i64, f64)], secs: u64, clients: usize) {
    let (ok, err, _) = drive(t, plan, f, 10, clients);
    let warm = rss_kb();
    println!(
        "warm-up: 10 s, {clients} clients, {ok} answered, {err} errors; RSS {} MB",
        warm / 1024
    );
    let (ok, err, ms) = drive(t, plan, f, secs, clients);
    let after = rss_kb();
    println!(
        "load: {secs} s, {clients} clients, {ok} answered, {err} errors; latency p50 {:.0} ms, \
         p95 {:.0} ms; RSS {} MB after the run ({:+.1}% on the warm-up's)",
        pct(&ms, 0.5),
        pct(&ms, 0.95),
        after / 1024,
        (after as f64 / warm as f64 - 1.0) * 100.0
    );
}
