//! The documentation's examples are tests: every `console` block of README.md and docs/*.md
//! runs here against the built program, so an example cannot go stale.
//!
//! In a `console` block a line `$ COMMAND` runs (through `sh`, from a copy of the repository's
//! root whose `output/` is a fresh folder), with `plansim` and `cargo run --release --` standing
//! for the program cargo built; a line ending in `\` goes on on the next. It must exit 0, or
//! the code of an `[exit N]` line under it; every other line under it must appear in what it
//! prints (stdout and stderr, runs of spaces as one; `…` skips). Blocks fenced `text` are shown,
//! not run (installs, builds, benchmarks); a command anywhere else is an error, so nothing
//! escapes the test by its fence.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// One command of a `console` block and what it must do.
#[derive(Debug)]
struct Step {
    file: String,
    line: usize,
    command: String,
    expect: Vec<String>,
    exit: i32,
}

/// A fenced block: its info string, the line of its opening fence and its lines.
struct Block {
    info: String,
    line: usize,
    lines: Vec<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every page of docs/, as (name, text).
fn pages() -> Vec<(String, String)> {
    let mut names = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/ is readable")
        .map(|e| e.expect("a docs/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    names.extend(docs);
    names
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(root()).unwrap_or(&p).display().to_string();
            let text = std::fs::read_to_string(&p).expect("a page is readable");
            (name, text)
        })
        .collect()
}

/// The fenced blocks of a page, and the indented lines outside them that look like commands.
fn blocks(text: &str) -> (Vec<Block>, Vec<usize>) {
    let mut out = Vec::new();
    let mut loose = Vec::new();
    let mut open: Option<Block> = None;
    for (i, raw) in text.lines().enumerate() {
        let t = raw.trim_start();
        match open.as_mut() {
            Some(b) => {
                if t.trim_end() == "```" {
                    out.extend(open.take());
                } else {
                    let indent = raw.len() - t.len();
                    b.lines.push(raw[indent.min(raw.len())..].to_string());
                }
            }
            None if t.starts_with("```") => {
                open = Some(Block {
                    info: t.trim_start_matches('`').trim().to_string(),
                    line: i + 1,
                    lines: Vec::new(),
                });
            }
            None => {
                if raw.starts_with("    ")
                    && ["$ ", "plansim ", "cargo "]
                        .iter()
                        .any(|p| t.starts_with(p))
                {
                    loose.push(i + 1);
                }
            }
        }
    }
    assert!(open.is_none(), "a fence is left open");
    (out, loose)
}

/// The commands of a `console` block.
fn steps(file: &str, b: &Block) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut lines = b.lines.iter().enumerate();
    while let Some((i, l)) = lines.next() {
        if let Some(cmd) = l.strip_prefix("$ ") {
            let mut command = cmd.to_string();
            while command.ends_with('\\') {
                command.pop();
                match lines.next() {
                    Some((_, more)) => command.push_str(more),
                    None => break,
                }
            }
            steps.push(Step {
                file: file.to_string(),
                line: b.line + i + 1,
                command,
                expect: Vec::new(),
                exit: 0,
            });
            continue;
        }
        let Some(step) = steps.last_mut() else {
            panic!("{file}:{}: a console block starts with a command", b.line);
        };
        let t = l.trim();
        if let Some(code) = t.strip_prefix("[exit ").and_then(|c| c.strip_suffix(']')) {
            step.exit = code.parse().expect("[exit N] holds a number");
        } else if !t.is_empty() && t != "…" && t != "..." {
            step.expect.push(t.to_string());
        }
    }
    steps
}

/// Every command of the pages, after checking that no command sits outside a `console` block.
fn all_steps() -> Vec<Step> {
    let mut all = Vec::new();
    let mut stray = Vec::new();
    for (file, text) in pages() {
        let (blocks, loose) = blocks(&text);
        stray.extend(
            loose
                .into_iter()
                .map(|l| format!("{file}:{l}: indented command")),
        );
        for b in &blocks {
            match b.info.as_str() {
                "console" => all.extend(steps(&file, b)),
                "text" => {}
                _ => {
                    for (i, l) in b.lines.iter().enumerate() {
                        if l.starts_with("$ ") || l.starts_with("plansim ") {
                            stray.push(format!(
                                "{file}:{}: a command in a `{}` block: fence it `console` \
                                 to run it or `text` to show it",
                                b.line + i + 1,
                                b.info
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(stray.is_empty(), "{}", stray.join("\n"));
    all
}

/// Spaces as one, so that a table's padding does not matter.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A copy of the repository's root made of links, with a fresh `output/`, and a folder with
/// `plansim` in it for the PATH.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let work = tmp.path().join("repo");
    let bin = tmp.path().join("bin");
    std::fs::create_dir_all(work.join("output")).expect("output/");
    std::fs::create_dir_all(&bin).expect("bin/");
    for e in std::fs::read_dir(root()).expect("the repository's root") {
        let e = e.expect("an entry");
        let name = e.file_name();
        if ["output", "target", ".git"].iter().any(|n| name == *n) {
            continue;
        }
        std::os::unix::fs::symlink(e.path(), work.join(&name)).expect("a link");
    }
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_plansim"), bin.join("plansim"))
        .expect("a link to the program");
    (tmp, work, bin)
}

fn run(step: &Step, work: &Path, bin: &Path) -> Result<(), String> {
    let command = step
        .command
        .replace("cargo run --release -- ", "plansim ")
        .replace("cargo run -- ", "plansim ");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let started = std::time::Instant::now();
    let out = Command::new("sh")
        .arg("-c")
        .arg(&command)
        .current_dir(work)
        .env("PATH", path)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .map_err(|e| format!("cannot run sh: {e}"))?;
    eprintln!(
        "{:>6.2} s  {}:{}: {}",
        started.elapsed().as_secs_f64(),
        step.file,
        step.line,
        step.command
    );
    let printed = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<String> = printed.lines().map(squeeze).collect();
    let mut wrong = Vec::new();
    if out.status.code() != Some(step.exit) {
        wrong.push(format!(
            "exit code {:?}, expected {}",
            out.status.code(),
            step.exit
        ));
    }
    for e in &step.expect {
        let e = squeeze(e);
        if !lines.iter().any(|l| l.contains(&e)) {
            wrong.push(format!("no line holds `{e}`"));
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        let tail: Vec<&str> = printed.lines().take(40).collect();
        Err(format!(
            "{}:{}: $ {}\n  {}\n  it printed:\n{}",
            step.file,
            step.line,
            step.command,
            wrong.join("\n  "),
            tail.join("\n")
        ))
    }
}

#[test]
fn every_console_block_runs_as_written() {
    let steps = all_steps();
    // the README's main job and its five tasks are among them
    let readme = steps.iter().filter(|s| s.file == "README.md").count();
    assert!(readme >= 6, "README.md has {readme} commands that run");
    let (_tmp, work, bin) = workspace();
    let failed: Vec<String> = steps
        .iter()
        .filter_map(|s| run(s, &work, &bin).err())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} documented commands failed:\n\n{}",
        failed.len(),
        steps.len(),
        failed.join("\n\n")
    );
}

#[test]
fn the_readme_is_short_and_names_one_test_command() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let lines = readme.lines().count();
    assert!(lines <= 150, "README.md has {lines} lines; keep it to 150");
    // CI runs the README's test command: the one `cargo test` line of the README
    let tests: Vec<&str> = readme
        .lines()
        .filter(|l| l.trim_start().starts_with("cargo test"))
        .collect();
    assert_eq!(tests, ["cargo test --release"]);
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(ci.lines().any(|l| l.trim() == "cargo test --release"));
}

#[test]
fn every_link_between_pages_leads_to_a_file() {
    let mut broken = Vec::new();
    for (file, text) in pages() {
        let dir = root().join(&file);
        let dir = dir.parent().unwrap_or(Path::new("."));
        for (i, line) in text.lines().enumerate() {
            for part in line.split("](").skip(1) {
                let Some(end) = part.find(')') else { continue };
                let target = &part[..end];
                if target.starts_with("http") || target.starts_with('#') {
                    continue;
                }
                let path = target.split('#').next().unwrap_or(target);
                if !dir.join(path).exists() {
                    broken.push(format!("{file}:{}: {target}", i + 1));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to nothing:\n{}",
        broken.join("\n")
    );
}
