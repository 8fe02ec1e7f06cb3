//! The layers of `plansim-core`, bottom to top, and the test that keeps them: a module imports
//! only from its own layer or the layers below it, and the modules of one layer import each
//! other without a loop. The same map is drawn in the crate's docs (`lib.rs`) and in
//! `docs/architecture.md`; a new module must be given its place here.
//!
//! A module is named by its path; the longest path of the map that starts a module's path
//! gives its layer (`lang::detect` sits above `lang`). Test code (`#[cfg(test)]`) is left out:
//! a test may load a scenario to test what lies below it.

#[path = "layers/scan.rs"]
mod scan;

use scan::{Edges, Import, Source};
use std::path::Path;

/// Bottom to top.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "text and numbers",
        &[
            "text", "format", "csv_cell", "lang", "notice", "error", "input", "output",
        ],
    ),
    ("table", &["table", "percent", "names", "lang::detect"]),
    ("meaning", &["meaning"]),
    ("outturns", &["actuals"]),
    ("series and growth models", &["series", "model"]),
    ("grades and checks", &["assess", "check"]),
    ("scenario", &["scenario"]),
    (
        "projection and simulation",
        &["project", "simulate", "sweep"],
    ),
    ("run, the facade", &["run"]),
    ("explain and export", &["explain", "export"]),
];

/// The layer (index, name) and map entry of a module path: the longest entry starting it.
fn place(path: &[String]) -> Option<(usize, &'static str, &'static str)> {
    let mut best: Option<(usize, &'static str, &'static str)> = None;
    for (k, (name, modules)) in LAYERS.iter().enumerate() {
        for m in modules.iter() {
            let parts: Vec<&str> = m.split("::").collect();
            let starts = path.len() >= parts.len() && parts.iter().zip(path).all(|(a, b)| a == b);
            if starts && best.is_none_or(|b| b.2.split("::").count() < parts.len()) {
                best = Some((k, name, m));
            }
        }
    }
    best
}

/// Every import from a higher layer, as a line of the failure message; and the edges between
/// the map's entries within one layer, for the loop check.
fn violations(sources: &[Source]) -> (Vec<String>, Edges) {
    let roots = sources
        .iter()
        .find(|s| s.module.is_empty())
        .map(scan::root_names)
        .unwrap_or_default();
    let mut bad = Vec::new();
    let mut same_layer = Edges::new();
    for s in sources {
        let Some(from) = place(&s.module) else {
            continue;
        };
        for i in scan::imports(s) {
            // `crate::Result` is `error::Result`
            let mut target = i.target.clone();
            if let Some(m) = target.first().and_then(|n| roots.get(n)) {
                target.splice(0..0, m.iter().cloned());
            }
            let Some(to) = place(&target) else {
                continue;
            };
            if to.0 > from.0 {
                bad.push(format!(
                    "src/{}:{}: {} — `{}` ({}) imports from `{}` ({}), a layer above",
                    i.file,
                    i.line,
                    i.path(),
                    from.2,
                    from.1,
                    to.2,
                    to.1
                ));
            } else if to.0 == from.0 && to.2 != from.2 {
                same_layer
                    .entry((from.2.to_string(), to.2.to_string()))
                    .or_default()
                    .push(Import { target, ..i });
            }
        }
    }
    (bad, same_layer)
}

fn core() -> Vec<Source> {
    scan::read_crate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

#[test]
fn every_module_has_a_layer() {
    let unplaced: Vec<String> = core()
        .iter()
        .filter(|s| !s.module.is_empty() && place(&s.module).is_none())
        .map(|s| format!("src/{}", s.file))
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules without a layer (add them to LAYERS in tests/layers.rs, lib.rs and \
         docs/architecture.md):\n{}",
        unplaced.join("\n")
    );
}

#[test]
fn no_module_imports_from_a_layer_above() {
    let sources = core();
    assert!(sources.len() > 100, "the sources were not found");
    let (bad, _) = violations(&sources);
    assert!(bad.is_empty(), "imports from above:\n{}", bad.join("\n"));
}

#[test]
fn the_modules_of_a_layer_import_each_other_without_a_loop() {
    let (_, edges) = violations(&core());
    let loops: Vec<String> = scan::cycles(&edges)
        .iter()
        .map(|c| scan::describe(c, &edges))
        .collect();
    assert!(loops.is_empty(), "{}", loops.join("\n"));
}

/// The checker itself, on made-up sources: it must fail where the real crate must not.
#[test]
fn the_checker_names_file_line_and_import_of_each_violation() {
    let lib = scan::source(
        "lib.rs",
        "pub mod table;\npub use error::{Error, Result};\n",
    );
    let rows = scan::source(
        "table/rows.rs",
        r#"use crate::error::{CellError, Error};
use crate::scenario::parse_percent;
// crate::run::run in a comment is no import
fn f() -> crate::Result<()> {
    let s = "crate::explain::explain in a string is none either";
    let v = crate::run::run(x);
    let c = '"';
    crate::table::load(p)?;
    Ok(())
}
use crate::{
    format::significant,
    check::{self, Finding},
};
#[cfg(test)]
mod tests {
    use crate::scenario::Scenario;
}
"#,
    );
    let direction = scan::source(
        "meaning/direction.rs",
        "use super::quantity::Quantity;\nuse super::super::assess::Grade;\n",
    );
    let (bad, _) = violations(&[lib, rows, direction]);
    let at: Vec<&str> = bad
        .iter()
        .map(|b| b.split(" — ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        at,
        [
            "src/table/rows.rs:2: crate::scenario::parse_percent",
            "src/table/rows.rs:6: crate::run::run",
            "src/table/rows.rs:13: crate::check",
            "src/table/rows.rs:13: crate::check::Finding",
            "src/meaning/direction.rs:2: crate::assess::Grade",
        ],
        "{bad:#?}"
    );
    assert!(bad[0].ends_with("`table` (table) imports from `scenario` (scenario), a layer above"));
    // `meaning::quantity` from `meaning::direction` is the module's own; `crate::Result` is
    // `error`
    assert!(
        !bad.iter()
            .any(|b| b.contains("quantity::Quantity") || b.contains("Result"))
    );
}

#[test]
fn the_checker_finds_a_loop_within_a_layer() {
    let input = scan::source("input.rs", "use crate::output::inside;\n");
    let output = scan::source("output/mod.rs", "use crate::input::read;\n");
    let error = scan::source("error.rs", "use crate::lang::Msg;\n");
    let (bad, edges) = violations(&[input, output, error]);
    assert!(bad.is_empty());
    let loops = scan::cycles(&edges);
    assert_eq!(loops, [vec!["input".to_string(), "output".to_string()]]);
    let shown = scan::describe(&loops[0], &edges);
    assert!(
        shown.contains("input → output: src/input.rs:1: crate::output::inside"),
        "{shown}"
    );
}

#[test]
fn use_trees_expand_to_every_path() {
    let s = scan::source(
        "a/b.rs",
        "use crate::{x::{self, y as z}, w};\nuse super::c::{d, e::f};\n",
    );
    let paths: Vec<String> = scan::imports(&s).iter().map(|i| i.path()).collect();
    assert_eq!(
        paths,
        [
            "crate::x",
            "crate::x::y",
            "crate::w",
            "crate::a::c::d",
            "crate::a::c::e::f"
        ]
    );
}
