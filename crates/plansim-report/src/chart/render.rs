//! Rendering a chart: PNG bytes through an RGB buffer and the `png` encoder, or SVG text.

use super::font::MissingGlyphs;
use super::frame::Canvas;
use super::{Draw, DrawFail, Error, MAX_SIDE, MIN_SIZE, Result, font};
use plotters::prelude::*;

/// Labels with characters the bundled font lacks (drawn as boxes): report them as warnings.
pub fn missing_glyphs<C: Draw>(chart: &C) -> Vec<MissingGlyphs> {
    font::check_labels(chart.labels())
}

fn check_size<C: Draw>(chart: &C, width: u32, height: u32) -> Result<()> {
    if width < MIN_SIZE.0 || height < MIN_SIZE.1 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(Error::Size {
            chart: chart.title().to_string(),
            width,
            height,
        });
    }
    font::ensure()
}

fn named<C: Draw>(chart: &C) -> impl Fn(DrawFail) -> Error + '_ {
    move |e| Error::Draw {
        chart: chart.title().to_string(),
        message: e.0,
    }
}

thread_local! {
    /// The RGB buffer of the last chart drawn on this thread, reused: a fresh one cost a
    /// zeroing pass and page faults per chart.
    static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Draws `chart` into an RGB buffer and encodes it as PNG.
pub fn png<C: Draw>(chart: &C, width: u32, height: u32) -> Result<Vec<u8>> {
    BUFFER.with(|b| {
        let mut rgb = b.replace(Vec::new());
        let drawn = draw_into(chart, width, height, &mut rgb).and_then(|()| {
            encode_png(&rgb, width, height).map_err(|e| Error::Encode {
                chart: chart.title().to_string(),
                message: e.to_string(),
            })
        });
        // a dashboard-sized buffer is kept, a larger one let go
        if rgb.capacity() <= 16 << 20 {
            b.replace(rgb);
        }
        drawn
    })
}

/// Draws `chart` into an RGB buffer, row by row from the top left.
pub fn rgb<C: Draw>(chart: &C, width: u32, height: u32) -> Result<Vec<u8>> {
    let mut rgb = Vec::new();
    draw_into(chart, width, height, &mut rgb)?;
    Ok(rgb)
}

fn draw_into<C: Draw>(chart: &C, width: u32, height: u32, rgb: &mut Vec<u8>) -> Result<()> {
    check_size(chart, width, height)?;
    rgb.clear();
    rgb.resize(width as usize * height as usize * 3, 255);
    let root = BitMapBackend::with_buffer(rgb, (width, height)).into_drawing_area();
    chart
        .draw(&Canvas::new(&root, true))
        .map_err(named(chart))?;
    root.present()
        .map_err(|e| named(chart)(DrawFail::from(e)))?;
    Ok(())
}

/// An indexed PNG (see [`super::palette`]): rows unfiltered, since an index says nothing about
/// its neighbour's, and deflate at level 1. Measured on the 76 charts of the bundled baseline
/// (`cargo run --release --example png_encoding -- output/baseline/charts`): 2.9 MB against
/// 8.9 MB for the RGB, Paeth-filtered fdeflate encoding used before, in about the same time.
fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, png::EncodingError> {
    let (palette, index) = super::palette::indexed(rgb);
    let mut out = Vec::with_capacity(index.len() / 16);
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(png::ColorType::Indexed);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_palette(palette);
    enc.set_deflate_compression(png::DeflateCompression::Level(1));
    enc.set_filter(png::Filter::NoFilter);
    let mut writer = enc.write_header()?;
    writer.write_image_data(&index)?;
    writer.finish()?;
    Ok(out)
}

/// Draws `chart` as SVG text. The SVG names the font family and embeds no glyphs: a viewer
/// without a CJK font shows boxes, so PNG is the format for handing charts around.
pub fn svg<C: Draw>(chart: &C, width: u32, height: u32) -> Result<String> {
    check_size(chart, width, height)?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        chart
            .draw(&Canvas::new(&root, false))
            .map_err(named(chart))?;
        root.present()
            .map_err(|e| named(chart)(DrawFail::from(e)))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::style::{CEILING, TARGET};
    use crate::chart::*;
    use plansim_core::assess::Status;

    fn rows() -> Vec<sample::Row> {
        sample::rows().expect("the bundled 科尔沁区 table loads")
    }

    /// Decodes a PNG: (width, height, RGB bytes).
    fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        assert_eq!(reader.info().color_type, png::ColorType::Indexed);
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgb);
        buf.truncate(info.buffer_size());
        (info.width, info.height, buf)
    }

    fn pixels(rgb: &[u8]) -> impl Iterator<Item = (u8, u8, u8)> + '_ {
        rgb.chunks_exact(3).map(|p| (p[0], p[1], p[2]))
    }

    /// A drawn chart: many colours (anti-aliased text and lines, fans) and a share of ink
    /// neither nil nor total. A blank or failed render is one colour.
    fn assert_drawn(bytes: &[u8], w: u32, h: u32) -> Vec<u8> {
        let (dw, dh, rgb) = decode(bytes);
        assert_eq!((dw, dh), (w, h));
        let colours: std::collections::HashSet<_> = pixels(&rgb).collect();
        assert!(colours.len() > 200, "only {} colours", colours.len());
        let ink = pixels(&rgb).filter(|p| *p != (255, 255, 255)).count();
        let share = ink as f64 / (w * h) as f64;
        assert!((0.03..0.9).contains(&share), "ink share {share}");
        rgb
    }

    fn count(rgb: &[u8], c: RGBColor) -> usize {
        pixels(rgb).filter(|p| *p == (c.0, c.1, c.2)).count()
    }

    #[test]
    fn every_kind_renders_png_at_its_size() {
        let rows = rows();
        assert_eq!(rows.len(), 20);
        let gdp = sample::indicator(&rows[0], false);
        let rgb = assert_drawn(&png(&gdp, 1000, 600).unwrap(), 1000, 600);
        // The floor target of 430 is drawn in the target colour: bar and arrow at 1000×600 are
        // 28×5 + a triangle of 14×13/2, well over 100 pixels.
        assert!(count(&rgb, TARGET) > 100);
        assert_drawn(
            &png(&sample::dashboard(&rows, false), 1600, 1000).unwrap(),
            1600,
            1000,
        );
        assert_drawn(
            &png(&sample::feasibility(&rows, false), 1000, 700).unwrap(),
            1000,
            700,
        );
        assert_drawn(
            &png(&sample::probability(&rows, true), 800, 600).unwrap(),
            800,
            600,
        );
    }

    #[test]
    fn ceiling_drawn_only_near_it() {
        let rows = rows();
        // Row 15, pension coverage: 95.2% at 0.6% a year is 95.2 × 1.006^15 = 104.1 by 2035,
        // past 100: the ceiling line is drawn (2 px × the plot width, ≥ 1000 grey pixels).
        let c = sample::indicator(&rows[14], false);
        assert_eq!(trend::shows_ceiling(&c), Some(100.0));
        let rgb = decode(&png(&c, 1000, 600).unwrap()).2;
        assert!(count(&rgb, CEILING) > 1000);
        // Row 19, forest cover: 13.39% at 6% is 13.39 × 1.06^15 = 32.1 by 2035, far below 75.
        let c = sample::indicator(&rows[18], false);
        assert_eq!(trend::shows_ceiling(&c), None);
        let rgb = decode(&png(&c, 1000, 600).unwrap()).2;
        assert_eq!(count(&rgb, CEILING), 0);
    }

    #[test]
    fn svg_snapshots() {
        let rows = rows();
        insta::assert_snapshot!(
            "indicator",
            svg(&sample::indicator(&rows[0], false), 1000, 600).unwrap()
        );
        let mut d = sample::dashboard(&rows, false);
        d.panels.truncate(4);
        insta::assert_snapshot!("dashboard", svg(&d, 1000, 600).unwrap());
        insta::assert_snapshot!(
            "feasibility",
            svg(&sample::feasibility(&rows, false), 1000, 600).unwrap()
        );
        insta::assert_snapshot!(
            "probability",
            svg(&sample::probability(&rows, true), 1000, 600).unwrap()
        );
    }

    #[test]
    fn sizes_outside_the_range_are_errors_naming_the_chart() {
        let c = IndicatorChart {
            title: "森林覆盖率".into(),
            ..Default::default()
        };
        for (w, h) in [(0, 0), (239, 600), (1000, 159), (MAX_SIDE + 1, 600)] {
            let e = png(&c, w, h).unwrap_err();
            assert!(matches!(e, Error::Size { .. }), "{w}×{h}: {e}");
            assert!(e.to_string().contains("森林覆盖率"));
            assert!(svg(&c, w, h).is_err());
        }
    }

    #[test]
    fn odd_inputs_draw_or_fail_without_panic() {
        let words = Words::zh();
        let nan = f64::NAN;
        let odd = vec![
            IndicatorChart::default(),
            IndicatorChart {
                years: (2035, 2020),
                base: Some((2020, nan)),
                actuals: vec![(2021, f64::INFINITY), (1900, 5.0)],
                scenarios: vec![Line {
                    name: "x".into(),
                    points: vec![(2025, 1e300)],
                    colour: 99,
                }],
                fan: Some(Fan {
                    years: vec![FanYear {
                        year: 2025,
                        p5: nan,
                        p25: 1.0,
                        p50: 2.0,
                        p75: 3.0,
                        p95: 4.0,
                    }],
                }),
                targets: vec![TargetMark {
                    year: 3000,
                    kind: TargetKind::Band(5.0, -5.0),
                    label: "很长的标签".repeat(40),
                }],
                ceiling: Some(-1.0),
                milestones: vec![Milestone {
                    year: 2025,
                    label: "很长的里程碑".repeat(30),
                }],
                ..Default::default()
            },
            IndicatorChart {
                title: "标题".repeat(100),
                years: (2020, 2020),
                base: Some((2020, 0.0)),
                scenarios: vec![Line {
                    name: "负值".into(),
                    points: vec![(2020, -5.0), (2035, -1e-9)],
                    colour: 0,
                }],
                targets: vec![TargetMark {
                    year: 2020,
                    kind: TargetKind::Point(0.0),
                    label: "0".into(),
                }],
                ceiling: Some(100.0),
                ..Default::default()
            },
        ];
        for c in &odd {
            for (w, h) in [MIN_SIZE, (1000, 600), (MAX_SIDE, 160)] {
                let _ = png(c, w, h);
                let _ = svg(c, w, h);
            }
        }
        let panel = |chart: IndicatorChart| Panel {
            chart,
            status: Status::Lagging,
            note: String::new(),
        };
        let many = Dashboard {
            panels: (0..200).map(|_| panel(odd[1].clone())).collect(),
            words: words.clone(),
            ..Default::default()
        };
        assert!(matches!(png(&many, 400, 300), Err(Error::Draw { .. })));
        let _ = png(&Dashboard::default(), 1000, 600).unwrap();
        let points = vec![
            FeasibilityPoint {
                label: "a".into(),
                stated: nan,
                required: 1.0,
                probability: None,
                binding: true,
            },
            FeasibilityPoint {
                label: "b".into(),
                stated: 3.0,
                required: 3.0,
                probability: Some(nan),
                binding: false,
            },
        ];
        let map = FeasibilityMap {
            points,
            ..Default::default()
        };
        assert_drawn(&png(&map, 1000, 600).unwrap(), 1000, 600);
        let _ = png(&FeasibilityMap::default(), MIN_SIZE.0, MIN_SIZE.1);
        let bars = (0..500)
            .map(|i| ProbabilityBar {
                label: format!("{i}"),
                probability: i as f64 / 100.0 - 2.0,
                binding: i % 2 == 0,
            })
            .collect();
        let _ = png(
            &ProbabilityChart {
                bars,
                ..Default::default()
            },
            MIN_SIZE.0,
            MIN_SIZE.1,
        );
        let _ = png(&ProbabilityChart::default(), 1000, 600).unwrap();
    }

    #[test]
    fn glyph_check_covers_every_label() {
        let rows = rows();
        assert!(missing_glyphs(&sample::dashboard(&rows, false)).is_empty());
        assert!(missing_glyphs(&sample::feasibility(&rows, true)).is_empty());
        let mut c = sample::indicator(&rows[0], false);
        c.scenarios[0].name = "乐观情景🙂".into();
        let m = missing_glyphs(&c);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].chars, vec!['🙂']);
    }
}
