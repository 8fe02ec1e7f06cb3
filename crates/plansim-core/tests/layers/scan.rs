//! Reads a crate's sources and lists what each module takes from the others: every path that
//! starts `crate::` or `super::` in code (in `use` and written out in full alike), comments,
//! strings and `#[cfg(test)]` items left out. Shared by the layer test of `plansim-core` and
//! the loop test of `plansim-report`.
//!
//! A module's own children are part of it: a parent's `pub use child::…` is not an import.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One source file of the crate, its code with comments, strings and test items blanked out
/// (newlines kept, so lines still count).
pub struct Source {
    /// The file, relative to `src/`, with `/` between components.
    pub file: String,
    /// The module the file holds: `["table", "rows"]` for `table/rows.rs`, `[]` for `lib.rs`.
    pub module: Vec<String>,
    /// The code, comments, strings and `#[cfg(test)]` items blanked.
    pub code: String,
}

/// A path into another module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    /// The file it is written in (relative to `src/`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// The module path it names, from the crate's root (`["scenario", "parse_percent"]`).
    pub target: Vec<String>,
}

impl Import {
    /// `crate::scenario::parse_percent`.
    pub fn path(&self) -> String {
        format!("crate::{}", self.target.join("::"))
    }
}

/// The module a file holds, from its path under `src/`.
pub fn module_of(file: &str) -> Vec<String> {
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let mut parts: Vec<String> = stem.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") || parts == ["lib"] {
        parts.pop();
    }
    parts
}

/// A source from its path under `src/` and its text.
pub fn source(file: &str, text: &str) -> Source {
    Source {
        file: file.to_string(),
        module: module_of(file),
        code: blank_tests(&blank(text)),
    }
}

/// Every `.rs` file under `src`, but those of modules declared `#[cfg(test)] mod x;`.
pub fn read_crate(src: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    walk(src, src, &mut files);
    files.sort();
    let mut sources: Vec<Source> = files.iter().map(|(rel, text)| source(rel, text)).collect();
    // modules declared test-only by their parents, and files so declared with `#[path]`
    let mut test_only: Vec<Vec<String>> = Vec::new();
    let mut test_files: Vec<String> = Vec::new();
    for (rel, text) in &files {
        let parent = module_of(rel);
        let mut rest = text.as_str();
        while let Some(k) = rest.find("#[cfg(test)]") {
            rest = &rest[k + "#[cfg(test)]".len()..];
            let mut after = rest.trim_start();
            let mut path = None;
            while after.starts_with("#[") {
                let end = after.find(']').unwrap_or(after.len() - 1);
                if let Some(p) = after[..end].strip_prefix("#[path = \"") {
                    path = p.strip_suffix('"').map(str::to_string);
                }
                after = after[end + 1..].trim_start();
            }
            let after = after.strip_prefix("pub(crate) ").unwrap_or(after);
            let after = after.strip_prefix("pub ").unwrap_or(after);
            if let Some(decl) = after.strip_prefix("mod ") {
                let name: String = decl
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if decl[name.len()..].trim_start().starts_with(';') {
                    match path {
                        Some(p) => {
                            let dir = rel.rsplit_once('/').map_or("", |d| d.0);
                            test_files.push(if dir.is_empty() {
                                p
                            } else {
                                format!("{dir}/{p}")
                            });
                        }
                        None => {
                            let mut m = parent.clone();
                            m.push(name);
                            test_only.push(m);
                        }
                    }
                }
            }
        }
    }
    sources.retain(|s| {
        !test_only.iter().any(|t| s.module.starts_with(t)) && !test_files.contains(&s.file)
    });
    sources
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(root, &p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let rel = p.strip_prefix(root).unwrap_or(&p);
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            out.push((rel, text));
        }
    }
}

fn at(c: &[char], i: usize) -> Option<char> {
    c.get(i).copied()
}

/// Comments, string and character literals replaced by spaces; newlines kept.
pub fn blank(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let space = |ch: char| if ch == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < c.len() {
        if c[i] == '/' && at(&c, i + 1) == Some('/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c[i] == '/' && at(&c, i + 1) == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(&c, i + 1) == Some('*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && at(&c, i + 1) == Some('/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(space(c[i]));
                    i += 1;
                }
            }
        } else if c[i] == 'r'
            && (at(&c, i + 1) == Some('"') || at(&c, i + 1) == Some('#'))
            && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_'))
        {
            // a raw string: r"…", r#"…"#
            let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
            if c.get(i + 1 + hashes) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let start = i + 2 + hashes;
            let mut j = start;
            while j < c.len() && !c[j..].starts_with(&close) {
                j += 1;
            }
            let end = (j + close.len()).min(c.len());
            for &ch in &c[i..end] {
                out.push(space(ch));
            }
            i = end;
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' && i + 1 < c.len() {
                    out.push(' ');
                    i += 1;
                }
                out.push(space(c[i]));
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c[i] == '\'' && at(&c, i + 1) == Some('\\') {
            // an escaped character literal: '\n', '\u{7f}'
            let mut j = i + 2;
            while j < c.len() && c[j] != '\'' {
                j += 1;
            }
            for _ in i..=j.min(c.len() - 1) {
                out.push(' ');
            }
            i = j + 1;
        } else if c[i] == '\'' && at(&c, i + 2) == Some('\'') {
            out.push_str("   ");
            i += 3;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// `#[cfg(test)]` items (a `mod tests { … }`, a test helper) replaced by spaces.
pub fn blank_tests(code: &str) -> String {
    let mut c: Vec<char> = code.chars().collect();
    let attr: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut i = 0;
    while i + attr.len() <= c.len() {
        if c[i..i + attr.len()] != attr[..] {
            i += 1;
            continue;
        }
        // the item ends at its `;` or at the brace closing its first `{`
        let mut j = i + attr.len();
        let mut depth = 0usize;
        while j < c.len() {
            match c[j] {
                ';' if depth == 0 => break,
                '{' => depth += 1,
                '}' => {
                    if depth <= 1 {
                        break;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            j += 1;
        }
        let end = (j + 1).min(c.len());
        for ch in c.iter_mut().take(end).skip(i) {
            if *ch != '\n' {
                *ch = ' ';
            }
        }
        i = j + 1;
    }
    c.into_iter().collect()
}

/// Every path a source names in another module: `crate::a::b`, `super::b`, `crate::{a, b::c}`.
pub fn imports(s: &Source) -> Vec<Import> {
    let c: Vec<char> = s.code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let word_start = i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        let (base, len) = if word_start && starts(&c, i, "crate::") {
            (Vec::new(), "crate::".len())
        } else if word_start && starts(&c, i, "super::") {
            let mut base = s.module.clone();
            let mut k = i;
            while starts(&c, k, "super::") {
                base.pop();
                k += "super::".len();
            }
            (base, k - i)
        } else {
            i += 1;
            continue;
        };
        let mut j = i + len;
        for (tail, at) in tree(&c, &mut j) {
            let line = c[..at].iter().filter(|&&ch| ch == '\n').count() + 1;
            let mut target = base.clone();
            target.extend(tail);
            out.push(Import {
                file: s.file.clone(),
                line,
                target,
            });
        }
        i = j.max(i + 1);
    }
    out
}

fn starts(c: &[char], i: usize, s: &str) -> bool {
    let s: Vec<char> = s.chars().collect();
    c.len() >= i + s.len() && c[i..i + s.len()] == s[..]
}

/// The paths of a use tree at `c[*j..]`: `a::b`, `a::{b, c::{d, e}}`, `{a, b}`, each with the
/// place of its first name written inside the innermost group (for its line); `self` in a group
/// stands for its prefix.
fn tree(c: &[char], j: &mut usize) -> Vec<(Vec<String>, usize)> {
    let skip_ws = |j: &mut usize| {
        while *j < c.len() && c[*j].is_whitespace() {
            *j += 1;
        }
    };
    let mut prefix: Vec<String> = Vec::new();
    let mut first = *j;
    loop {
        skip_ws(j);
        if prefix.is_empty() {
            first = *j;
        }
        if *j < c.len() && c[*j] == '{' {
            *j += 1;
            let mut all = Vec::new();
            loop {
                skip_ws(j);
                if *j >= c.len() {
                    return all;
                }
                if c[*j] == '}' {
                    *j += 1;
                    return all;
                }
                if c[*j] == ',' {
                    *j += 1;
                    continue;
                }
                let before = *j;
                for (t, at) in tree(c, j) {
                    let mut p = prefix.clone();
                    p.extend(t.into_iter().filter(|s| s != "self"));
                    all.push((p, at));
                }
                // skip `as name` and anything else up to the next item
                while *j < c.len() && c[*j] != ',' && c[*j] != '}' {
                    *j += 1;
                }
                if *j == before {
                    *j += 1;
                }
            }
        }
        let start = *j;
        while *j < c.len() && (c[*j].is_alphanumeric() || c[*j] == '_') {
            *j += 1;
        }
        if *j == start {
            return if prefix.is_empty() {
                Vec::new()
            } else {
                vec![(prefix, first)]
            };
        }
        prefix.push(c[start..*j].iter().collect());
        if starts(c, *j, "::") {
            *j += 2;
        } else {
            return vec![(prefix, first)];
        }
    }
}

/// The names `lib.rs` re-exports at the root (`pub use error::{Error, Result}`), each with the
/// module it comes from, so that `crate::Result` counts as an import of `error`.
pub fn root_names(lib: &Source) -> BTreeMap<String, Vec<String>> {
    let c: Vec<char> = lib.code.chars().collect();
    let text: String = c.iter().collect();
    let mut out = BTreeMap::new();
    for (k, _) in text.match_indices("use ") {
        let mut j = k + "use ".len();
        for (path, _) in tree(&c, &mut j) {
            if let Some((name, module)) = path.split_last()
                && !module.is_empty()
            {
                out.insert(name.clone(), module.to_vec());
            }
        }
    }
    out
}

/// Edges between modules: `from → to → the imports that make it`, a module's imports of its own
/// children and parents left out.
pub type Edges = BTreeMap<(String, String), Vec<Import>>;

/// The loops among `units`: each strongly connected set of more than one, its members sorted.
pub fn cycles(edges: &Edges) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut nodes: BTreeSet<&str> = BTreeSet::new();
    for (a, b) in edges.keys() {
        next.entry(a).or_default().push(b);
        nodes.insert(a);
        nodes.insert(b);
    }
    // Kosaraju: reachability both ways, small graphs
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(n) = todo.pop() {
            for m in next.get(n.as_str()).into_iter().flatten() {
                if seen.insert(m.to_string()) {
                    todo.push(m.to_string());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&str, BTreeSet<String>> = nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    for n in &nodes {
        if placed.contains(n) || !reached[n].contains(*n) {
            continue;
        }
        let set: Vec<String> = nodes
            .iter()
            .filter(|m| reached[n].contains(**m) && reached[**m].contains(*n))
            .map(|m| m.to_string())
            .collect();
        for m in &set {
            placed.insert(nodes.get(m.as_str()).copied().unwrap_or(""));
        }
        out.push(set);
    }
    out
}

/// How a loop shows in a failure: each edge with the first place that makes it.
pub fn describe(cycle: &[String], edges: &Edges) -> String {
    let mut s = format!("loop among {}:", cycle.join(", "));
    for ((a, b), why) in edges {
        if cycle.contains(a) && cycle.contains(b) {
            let i = &why[0];
            s.push_str(&format!(
                "\n    {a} → {b}: src/{}:{}: {}",
                i.file,
                i.line,
                i.path()
            ));
        }
    }
    s
}
