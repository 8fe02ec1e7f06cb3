//! PNG encoding time against size, on the sample charts (an indicator chart, a ceiling chart,
//! a 20-panel dashboard, the feasibility map and the probability chart) and, given a folder,
//! on every PNG under it (decoded back to RGB first):
//!
//!     cargo run --release --example png_encoding [-- output/baseline/charts]
//!
//! Prints, per encoding, the total size and the median time over 5 rounds (`ROUNDS=n` in the
//! environment for another number) of encoding them all. `rgb paeth fdeflate` is the encoding plansim used before indexed colour.

mod sample;

use plansim_report::chart::{self, palette};
use std::time::Instant;

type Image = (Vec<u8>, u32, u32);

fn encode(
    data: &[u8],
    (w, h): (u32, u32),
    palette: Option<&[u8]>,
    filter: png::Filter,
    deflate: png::DeflateCompression,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    match palette {
        Some(p) => {
            enc.set_color(png::ColorType::Indexed);
            enc.set_palette(p.to_vec());
        }
        None => enc.set_color(png::ColorType::Rgb),
    }
    enc.set_depth(png::BitDepth::Eight);
    enc.set_deflate_compression(deflate);
    enc.set_filter(filter);
    let mut wr = enc.write_header().expect("header");
    wr.write_image_data(data).expect("data");
    wr.finish().expect("finish");
    out
}

fn decode(path: &std::path::Path) -> Option<Image> {
    let mut d = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).ok()?));
    d.set_transformations(png::Transformations::EXPAND);
    let mut r = d.read_info().ok()?;
    let mut buf = vec![0; r.output_buffer_size()?];
    let info = r.next_frame(&mut buf).ok()?;
    (info.color_type == png::ColorType::Rgb).then_some((buf, info.width, info.height))
}

fn main() -> anyhow::Result<()> {
    let mut images: Vec<Image> = Vec::new();
    let rounds: usize = std::env::var("ROUNDS").map_or(Ok(5), |s| s.parse())?;
    if let Some(dir) = std::env::args().nth(1) {
        for e in std::fs::read_dir(dir)? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "png") {
                images.extend(decode(&p));
            }
        }
    } else {
        let rows = sample::rows()?;
        images.push((
            chart::rgb(&sample::indicator(&rows[0], false), 1000, 600)?,
            1000,
            600,
        ));
        images.push((
            chart::rgb(&sample::indicator(&rows[14], false), 1000, 600)?,
            1000,
            600,
        ));
        images.push((
            chart::rgb(&sample::dashboard(&rows, false), 1600, 1000)?,
            1600,
            1000,
        ));
        images.push((
            chart::rgb(&sample::feasibility(&rows, false), 1000, 600)?,
            1000,
            600,
        ));
        images.push((
            chart::rgb(&sample::probability(&rows, false), 1000, 600)?,
            1000,
            600,
        ));
    }
    let pixels: usize = images.iter().map(|i| (i.1 * i.2) as usize).sum();
    println!(
        "{} images, {:.1} Mpixels",
        images.len(),
        pixels as f64 / 1e6
    );
    use png::{DeflateCompression as D, Filter as F};
    let variants: Vec<(&str, bool, F, D)> = vec![
        ("rgb paeth fdeflate", false, F::Paeth, D::FdeflateUltraFast),
        (
            "rgb none fdeflate",
            false,
            F::NoFilter,
            D::FdeflateUltraFast,
        ),
        ("rgb adaptive zlib-6", false, F::Adaptive, D::Level(6)),
        (
            "indexed none fdeflate",
            true,
            F::NoFilter,
            D::FdeflateUltraFast,
        ),
        ("indexed up fdeflate", true, F::Up, D::FdeflateUltraFast),
        ("indexed none zlib-1", true, F::NoFilter, D::Level(1)),
        ("indexed none zlib-6", true, F::NoFilter, D::Level(6)),
        ("indexed none zlib-9", true, F::NoFilter, D::Level(9)),
    ];
    println!(
        "{:<24} {:>10} {:>12} {:>12}",
        "encoding", "KB total", "ms total", "ms / Mpixel"
    );
    let mut times = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        for (rgb, ..) in &images {
            std::hint::black_box(palette::indexed(rgb));
        }
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{:<24} {:>10} {:>12.1} {:>12.2}",
        "(indexing alone)",
        "",
        times[rounds / 2],
        times[rounds / 2] / (pixels as f64 / 1e6)
    );
    for (name, indexed, filter, deflate) in variants {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            size = 0;
            for (rgb, w, h) in &images {
                let bytes = if indexed {
                    let (pal, idx) = palette::indexed(rgb);
                    encode(&idx, (*w, *h), Some(&pal), filter, deflate)
                } else {
                    encode(rgb, (*w, *h), None, filter, deflate)
                };
                size += bytes.len();
            }
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let ms = times[rounds / 2];
        println!(
            "{name:<24} {:>10.0} {ms:>12.1} {:>12.2}",
            size as f64 / 1024.0,
            ms / (pixels as f64 / 1e6)
        );
    }
    Ok(())
}
