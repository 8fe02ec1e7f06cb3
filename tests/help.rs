//! `--help` in one layout for every command: a description under each option, value lists
//! described, no default said twice in contradiction, and the file formats `tables` reads.

use assert_cmd::Command;

const COMMANDS: [&str; 10] = [
    "tables", "check", "assess", "project", "explain", "sweep", "simulate", "plot", "report",
    "serve",
];

fn help(args: &[&str]) -> String {
    let out = Command::cargo_bin("plansim")
        .expect("plansim binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(args)
        .arg("--help")
        .output()
        .expect("plansim runs");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The long layout: each option's name on a line of its own, its description indented below.
fn long_layout(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let Some(i) = lines
        .iter()
        .position(|l| l.trim_start().starts_with("--lang <LANG>"))
    else {
        return false;
    };
    lines[i].trim() == "--lang <LANG>"
        && lines
            .get(i + 1)
            .is_some_and(|l| l.starts_with("          Language"))
}

#[test]
fn every_command_has_the_same_layout() {
    let mut all: Vec<Vec<&str>> = vec![vec![]];
    all.extend(COMMANDS.iter().map(|c| vec![*c]));
    for args in all {
        let text = help(&args);
        assert!(text.contains("\nOptions:\n"), "{args:?}: {text}");
        assert!(
            long_layout(&text),
            "{args:?} is not in the long layout:\n{text}"
        );
        assert!(text.contains("Examples:\n"), "{args:?}");
    }
}

#[test]
fn no_default_contradicts_its_description() {
    for c in COMMANDS {
        let text = help(&[c]);
        let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if squashed.contains("all cores") {
            assert!(!squashed.contains("[default: 0]"), "{c}: {text}");
        }
    }
}

#[test]
fn top_level_names_grading() {
    let text = help(&[]);
    let about = text.lines().next().unwrap_or_default();
    assert!(about.contains("grade"), "{about}");
}

/// Every encoding and separator the table reader decodes is named in `tables --help`.
#[test]
fn tables_help_lists_what_it_reads() {
    let squashed = help(&["tables"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for word in [
        "UTF-8",
        "BOM",
        "UTF-16",
        "GBK",
        "GB18030",
        "comma",
        "tab",
        "semicolon",
        "XLSX",
    ] {
        assert!(squashed.contains(word), "{word} missing: {squashed}");
    }
}

/// Each value of `--format` says what it gives.
#[test]
fn format_values_are_described() {
    for c in [
        "tables", "check", "assess", "project", "simulate", "sweep", "explain",
    ] {
        let text = help(&[c]);
        for v in ["- table: ", "- json: ", "- csv: "] {
            assert!(text.contains(v), "{c}: {v} missing\n{text}");
        }
    }
    let plot = help(&["plot"]);
    for v in ["- png: ", "- svg: ", "- both: ", "- dashboard: "] {
        assert!(plot.contains(v), "plot: {v} missing\n{plot}");
    }
}

/// `report --against NAME` is described under its name, with its default.
#[test]
fn report_help_names_the_comparisons_reference() {
    let text = help(&["report"]);
    let at = text
        .find("--against <NAME>")
        .expect("--against in report --help");
    let below = text[at..].split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        below.starts_with("--against <NAME> The scenario the index compares the others against")
            && below.contains("(default: the one the others extend"),
        "{text}"
    );
}
