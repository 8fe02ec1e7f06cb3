//! `plansim plot` writes decodable PNGs of the asked size and SVGs with the Chinese labels.

use assert_cmd::Command;

fn png_size(bytes: &[u8]) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let px = &buf[..info.buffer_size()];
    // pixels that are not white: the chart is drawn, not blank
    let inked = px
        .chunks(info.color_type.samples())
        .filter(|p| p.iter().take(3).any(|&c| c < 240))
        .count();
    (info.width, info.height, inked)
}

/// `plansim plot` with `args` into a new folder, which must succeed: the folder and the names
/// of the files written.
fn plotted(args: &[&str]) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("plansim")
        .unwrap()
        .env("LC_ALL", "zh_CN.UTF-8")
        .arg("plot")
        .args(args)
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    (dir, names)
}

#[test]
fn every_kind_to_png_and_svg() {
    let (dir, names) = plotted(&[
        // the hypothetical 2021–23 outturns give 科尔沁区 a gap chart (current − required pace)
        "scenarios/horqin-outturn.toml",
        "scenarios/shock-2024.toml",
        "--indicator",
        "森林覆盖率",
        "--kind",
        "all",
        "--draws",
        "500",
        "--size",
        "900x500",
    ]);
    for kind in [
        "dashboard-科尔沁区",
        "probability-科尔沁区",
        "gap-科尔沁区",
        "科尔沁区-森林覆盖率",
    ] {
        for ext in [".png", ".svg"] {
            assert!(
                names.iter().any(|n| n.contains(kind) && n.ends_with(ext)),
                "{kind}{ext} in {names:?}"
            );
        }
    }
    let chart = names
        .iter()
        .find(|n| n.contains("森林覆盖率") && n.ends_with(".png"))
        .unwrap();
    let (w, h, inked) = png_size(&std::fs::read(dir.path().join(chart)).unwrap());
    assert_eq!((w, h), (900, 500));
    assert!(
        inked > 900 * 500 / 50,
        "the chart is drawn: {inked} inked pixels"
    );
    let svg = std::fs::read_to_string(dir.path().join(chart.replace(".png", ".svg"))).unwrap();
    assert!(
        svg.contains("森林覆盖率") && svg.contains("2025年目标 18"),
        "labels in the SVG"
    );
}

/// `--indicator` alone asks for that indicator's charts: no region's dashboard, gap or
/// probability chart besides (`--kind` still chooses).
#[test]
fn an_indicator_alone_gets_its_charts_only() {
    let (_dir, names) = plotted(&[
        "scenarios/horqin-outturn.toml",
        "--indicator",
        "森林覆盖率",
        "--draws",
        "100",
        "--format",
        "svg",
    ]);
    let svgs: Vec<&String> = names.iter().filter(|n| n.ends_with(".svg")).collect();
    assert!(!svgs.is_empty());
    assert!(svgs.iter().all(|n| n.contains("森林覆盖率")), "{names:?}");
}

#[test]
fn an_unknown_indicator_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("plansim")
        .unwrap()
        .env("LC_ALL", "zh_CN.UTF-8")
        .args([
            "plot",
            "scenarios/baseline.toml",
            "--indicator",
            "不存在的指标",
            "--kind",
            "indicator",
            "--draws",
            "100",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不存在的指标"));
}

/// A misspelt indicator is named with the nearest projected ones, in the run's language.
#[test]
fn a_misspelt_indicator_names_the_nearest() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("plansim")
        .unwrap()
        .args([
            "plot",
            "examples/own/county.csv",
            "--indicator",
            "森林覆盖",
            "--kind",
            "indicator",
            "--lang",
            "zh",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("中没有名为 `森林覆盖` 的预测指标；最接近的：`森林覆盖率`"),
        "{err}"
    );
}

/// The subtitle's path pace is the drawn path's, said as a fall where it falls: the national
/// energy intensity's outturns take it from 100 (2020) to 88.3 (2025), (88.3/100)^(1/5) − 1 =
/// −2.46 %, `路径年均下降 2.5%` — it showed the plan's −2.9 % (the pace to 〔13.5〕), no
/// path drawn, and a minus under `降低`.
#[test]
fn the_path_pace_is_the_drawn_paths() {
    let (dir, names) = plotted(&[
        "scenarios/national-14th.toml",
        "--indicator",
        "单位GDP能源消耗降低",
        "--draws",
        "100",
        "--format",
        "svg",
    ]);
    let chart = names
        .iter()
        .find(|n| n.ends_with(".svg") && n.contains("能源消耗"))
        .unwrap();
    let svg = std::fs::read_to_string(dir.path().join(chart)).unwrap();
    assert!(svg.contains("路径年均下降 2.5%"), "{svg}");
    assert!(!svg.contains("-2.9%") && !svg.contains("年均 -"));
}
