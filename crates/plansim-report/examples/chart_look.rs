//! Renders every chart kind from the sample data into /tmp/chart-look/ (PNG and SVG), to look at:
//! `cargo run --example chart_look [OUT_DIR]`.

mod sample;

use plansim_report::chart::{self, Draw};
use std::path::{Path, PathBuf};

fn write<C: Draw>(dir: &Path, name: &str, c: &C, w: u32, h: u32) -> anyhow::Result<()> {
    for m in chart::missing_glyphs(c) {
        eprintln!("warning: {name}: {m}");
    }
    std::fs::write(dir.join(format!("{name}.png")), chart::png(c, w, h)?)?;
    std::fs::write(dir.join(format!("{name}.svg")), chart::svg(c, w, h)?)?;
    println!("{}", dir.join(format!("{name}.png")).display());
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/chart-look"));
    std::fs::create_dir_all(&dir)?;
    let rows = sample::rows()?;
    for (i, r) in rows.iter().enumerate() {
        if r.base.is_some() {
            write(
                &dir,
                &format!("indicator-{:02}", i + 1),
                &sample::indicator(r, false),
                1000,
                600,
            )?;
        }
    }
    if let Some(r) = rows.first() {
        write(
            &dir,
            "indicator-01-en",
            &sample::indicator(r, true),
            1000,
            600,
        )?;
        // The other target kinds on the same data: about 430 (a point) and 420–440 (a band).
        let mut c = sample::indicator(r, false);
        c.targets[0].kind = chart::TargetKind::Point(430.0);
        c.targets[0].label = "2025年目标 430亿左右".into();
        c.targets.push(chart::TargetMark {
            year: 2030,
            kind: chart::TargetKind::Band(560.0, 620.0),
            label: "2030年目标 560-620亿 (假设)".into(),
        });
        write(&dir, "indicator-01-point-band", &c, 1000, 600)?;
        write(
            &dir,
            "indicator-01-small",
            &sample::indicator(r, false),
            640,
            400,
        )?;
        write(
            &dir,
            "indicator-01-large",
            &sample::indicator(r, false),
            2000,
            1200,
        )?;
    }
    for (en, tag) in [(false, ""), (true, "-en")] {
        let d = sample::dashboard(&rows, en);
        write(&dir, &format!("dashboard{tag}"), &d, 1600, 1000)?;
        let f = sample::feasibility(&rows, en);
        write(&dir, &format!("feasibility{tag}"), &f, 1000, 700)?;
        let p = sample::probability(&rows, en);
        write(&dir, &format!("probability{tag}"), &p, 1000, 700)?;
    }
    // The default size of the CLI, for every kind.
    write(
        &dir,
        "dashboard-1000x600",
        &sample::dashboard(&rows, false),
        1000,
        600,
    )?;
    write(
        &dir,
        "feasibility-1000x600",
        &sample::feasibility(&rows, false),
        1000,
        600,
    )?;
    write(
        &dir,
        "probability-1000x600",
        &sample::probability(&rows, false),
        1000,
        600,
    )?;
    Ok(())
}
