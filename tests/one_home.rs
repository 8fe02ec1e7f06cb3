//! Each word plansim says has one home: a fixed word is written as its pair, English first
//! (`lang.say("region", "地区")`, a template's `self.w(…)`), and no pair is written in two
//! places — a word used by several tables is a `Column`, a function of its crate's words
//! module, or a method of the type it names (`Severity::say`, `Relation::say`). The language
//! travels as a `Lang`, never as an `english: bool`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The sources of every crate of the workspace: Rust files and page templates.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = vec![root.join("src")];
    for entry in std::fs::read_dir(root.join("crates")).unwrap() {
        let krate = entry.unwrap().path();
        dirs.push(krate.join("src"));
        dirs.push(krate.join("templates"));
    }
    dirs.push(root.join("python/src"));
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e == "rs" || e == "html" || e == "md")
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The code of a file: its tests (from the first `#[cfg(test)]`) and `//` comments left out.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The string literal at the start of `s` (after spaces), unescaped, and what follows it.
fn literal(s: &str) -> Option<(String, &str)> {
    let rest = s.trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &rest[i + 1..])),
            '\\' => out.extend(chars.next().map(|(_, c)| c)),
            c => out.push(c),
        }
    }
    None
}

/// Every `say("en", "zh")` and `w("en", "zh")` pair of literals in `text`.
fn pairs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for call in ["say(", "w("] {
        let mut parts = text.split(call);
        let mut before = parts.next().unwrap_or("");
        for part in parts {
            // `say(` and `w(` as names of their own, not the end of `new(` or `essay(`
            let own = !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
            before = part;
            if !own {
                continue;
            }
            let Some((en, rest)) = literal(part) else {
                continue;
            };
            let Some(rest) = rest.trim_start().strip_prefix(',') else {
                continue;
            };
            if let Some((zh, _)) = literal(rest) {
                out.push((en, zh));
            }
        }
    }
    out
}

#[test]
fn no_word_is_written_in_two_places() {
    let mut homes: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut count = 0;
    for path in sources() {
        let name = path.display().to_string();
        for pair in pairs(&code(&path)) {
            count += 1;
            homes.entry(pair).or_default().push(name.clone());
        }
    }
    // the scan finds the words it is about (a scan that finds nothing proves nothing)
    assert!(count > 200, "only {count} pairs found");
    assert!(homes.contains_key(&("plansim report".to_string(), "plansim 报告".to_string())));
    let twice: Vec<String> = homes
        .iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|((en, zh), files)| format!("({en:?}, {zh:?}) in {files:?}"))
        .collect();
    assert!(
        twice.is_empty(),
        "written more than once:\n{}",
        twice.join("\n")
    );
}

#[test]
fn the_language_travels_as_a_lang() {
    let flags: Vec<String> = sources()
        .iter()
        .filter(|p| code(p).contains("english: bool"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(flags.is_empty(), "{flags:?}");
}
