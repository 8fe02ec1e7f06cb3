//! Nominal and real on the bundled national outturns (communiqués 2016–2025): income growth
//! is published both ways, R&D growth nominal only.

use super::tests::near;
use super::*;
use crate::actuals::resolve;
use crate::check::tests_support::row;

/// Grades `ind` (moved to 全国) against the rows of `scenarios/actuals/national.csv` whose
/// indicator starts with `prefix`.
fn national(mut ind: Indicator, prefix: &str) -> Grade {
    ind.region = "全国".into();
    let path = crate::repo_file("scenarios/actuals/national.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.starts_with(&format!("全国,{prefix}")))
        .map(|(_, l)| l)
        .collect();
    let o = crate::actuals::load_bytes(&path, rows.join("\n").as_bytes()).unwrap();
    let inds = vec![ind];
    let r = resolve(&inds, o, &Aliases::bundled()).unwrap();
    let opts = Options {
        as_of: None,
        lang: Lang::En,
    };
    assess(&inds, &r, &Aliases::bundled(), &opts).remove(0)
}

/// Income growth >6.5 % a year over 2016–2020 (the 13th plan's), stated at comparable prices
/// in the unit: the real figures 6.3, 7.3, 6.5, 5.8, 2.1 compound to 1.312182^(1/5) − 1 =
/// 5.584 % a year, 未实现; the nominal ones (8.4, 9.0, 8.7, 8.9, 4.7: 1.464401^(1/5) − 1 =
/// 7.927 %) are set aside with a note. Stated at current prices, the nominal ones grade it:
/// 已实现.
#[test]
fn the_target_s_basis_picks_its_outturns() {
    let real = row(
        "居民人均可支配收入增长",
        "%（可比价）",
        2015,
        "",
        2020,
        "—",
        ">6.5",
    );
    let g = national(real, "居民人均可支配收入");
    assert_eq!(g.status, Status::Missed, "{}", g.reason);
    assert!(near(g.mean, 5.58417, 1e-4), "{:?}", g.mean);
    assert_eq!(g.evidence_count, 5);
    assert!(
        g.notes.iter().any(|n| n.contains(
            "outturns on the 名义 (nominal) basis (2016–2025) not used: those on the target's 实际 (real) basis are"
        )),
        "{:?}",
        g.notes
    );
    let nominal = row(
        "居民人均可支配收入增长",
        "%（现价）",
        2015,
        "",
        2020,
        "—",
        ">6.5",
    );
    let g = national(nominal, "居民人均可支配收入");
    assert_eq!(g.status, Status::Achieved, "{}", g.reason);
    assert!(near(g.mean, 7.92747, 1e-4), "{:?}", g.mean);
    assert!(!g.reason.contains("warning"), "{}", g.reason);
}

/// R&D growth >7 each year of 2021–2025 at constant prices (the 15th plan's footnote ③ says
/// 不变价): only nominal figures exist (14.2, 10.4, 8.1, 8.3, 8.1, mean 49.1/5 = 9.82); they
/// grade it, and the reason says the bases differ.
#[test]
fn outturns_on_the_other_basis_grade_with_a_warning() {
    let mut rd = row("全社会研发经费投入增长", "%", 2020, "", 2025, "—", ">7");
    rd.notes.push(crate::table::Note {
        label: "③".into(),
        text: "全社会研发经费投入增速按不变价格计算".into(),
        effect: crate::table::NoteEffect::Remark,
        scope: crate::table::NoteScope::Table,
        row: 1,
    });
    let g = national(rd, "R&D");
    assert!(near(g.mean, 9.82, 1e-9), "{:?}", g.mean);
    assert_eq!(g.evidence_count, 5);
    assert!(
        g.reason
            .contains("warning: outturns are 名义 (nominal) but the target is 实际 (real)"),
        "{}",
        g.reason
    );
}
