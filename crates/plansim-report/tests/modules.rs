//! The report crate's modules import each other without a loop: each file reads only modules
//! that do not read it back, directly or through others, so it can be learned from the bottom
//! up. A module's own parent and children are part of it and do not count. The scanner is the
//! one of `plansim-core`'s layer test.

#[path = "../../plansim-core/tests/layers/scan.rs"]
mod scan;

use scan::{Edges, Source};
use std::path::Path;

/// The edges between the crate's file modules: each import goes to the longest module path
/// that starts it (the engine's, `plansim_core::table`, are not the crate's: to none).
fn edges(sources: &[Source]) -> Edges {
    let modules: Vec<&Vec<String>> = sources.iter().map(|s| &s.module).collect();
    let roots = sources
        .iter()
        .find(|s| s.module.is_empty())
        .map(scan::root_names)
        .unwrap_or_default();
    let unit = |path: &[String]| -> Option<Vec<String>> {
        (1..=path.len())
            .rev()
            .map(|k| path[..k].to_vec())
            .find(|p| modules.contains(&p))
    };
    let mut out = Edges::new();
    for s in sources {
        for i in scan::imports(s) {
            let mut target = i.target.clone();
            if let Some(m) = target.first().and_then(|n| roots.get(n)) {
                target.splice(0..0, m.iter().cloned());
            }
            let Some(to) = unit(&target) else {
                continue;
            };
            // a module and its parents and children are one
            if to.starts_with(&s.module) || s.module.starts_with(&to) {
                continue;
            }
            out.entry((s.module.join("::"), to.join("::")))
                .or_default()
                .push(i);
        }
    }
    out
}

#[test]
fn no_import_loop_among_the_report_modules() {
    let sources = scan::read_crate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(sources.len() > 30, "the sources were not found");
    let edges = edges(&sources);
    assert!(edges.contains_key(&("report::charts".into(), "report::computed".into())));
    let loops: Vec<String> = scan::cycles(&edges)
        .iter()
        .map(|c| scan::describe(c, &edges))
        .collect();
    assert!(loops.is_empty(), "{}", loops.join("\n"));
}

#[test]
fn a_loop_is_found_and_a_parent_is_no_loop() {
    let sources = [
        scan::source("lib.rs", "pub mod report;\n"),
        scan::source(
            "report/mod.rs",
            "pub mod a;\npub use a::X;\nfn f() { b::g() }\n",
        ),
        scan::source("report/a.rs", "use super::b::Y;\nuse super::Options;\n"),
        scan::source("report/b.rs", "pub fn g() { crate::report::a::h() }\n"),
    ];
    let edges = edges(&sources);
    let loops = scan::cycles(&edges);
    assert_eq!(
        loops,
        [vec!["report::a".to_string(), "report::b".to_string()]]
    );
    assert!(!edges.keys().any(|(a, b)| a == "report::a" && b == "report"));
}
