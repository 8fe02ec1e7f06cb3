//! What the output folder's guarantees cost: the files of a report (any folder) written into a
//! new folder and over it again through a [`Delivery`] (lock, staging, syncs, journal, renames),
//! against the same files written in place with `std::fs::write` (no lock, no sync, no safety).
//!
//!     cargo run -p plansim-core --example delivery_cost -- output/ [rounds]

use plansim_core::output::{Delivery, Opening};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let from = PathBuf::from(args.next().ok_or("usage: delivery_cost FOLDER [ROUNDS]")?);
    let rounds: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let files = read_tree(&from, Path::new(""))?;
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!("{} files, {:.1} MB", files.len(), bytes as f64 / 1e6);
    let dir = tempfile::tempdir_in(".")?;
    let (mut plain, mut fresh, mut rerun) = (Vec::new(), Vec::new(), Vec::new());
    for k in 0..rounds {
        let out = dir.path().join(format!("plain{k}"));
        let t = Instant::now();
        for (rel, b) in &files {
            let p = out.join(rel);
            std::fs::create_dir_all(p.parent().ok_or("no parent")?)?;
            std::fs::write(p, b)?;
        }
        plain.push(t.elapsed().as_secs_f64());
        let out = dir.path().join(format!("delivered{k}"));
        for times in [&mut fresh, &mut rerun] {
            let t = Instant::now();
            let d = Delivery::open(&out, &Opening::default())?;
            for (rel, b) in &files {
                d.write(rel, b)?;
            }
            d.commit(&Default::default())?;
            times.push(t.elapsed().as_secs_f64());
        }
    }
    for (name, t) in [
        ("plain writes", plain),
        ("delivery, new folder", fresh),
        ("delivery, over it", rerun),
    ] {
        let mut t = t;
        t.sort_by(f64::total_cmp);
        println!(
            "{name:22} median {:.3} s (min {:.3}, max {:.3})",
            t[t.len() / 2],
            t[0],
            t[t.len() - 1]
        );
    }
    Ok(())
}

/// Every file under `root/rel` with its bytes (plansim's own files left out).
fn read_tree(root: &Path, rel: &Path) -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(root.join(rel))? {
        let e = e?;
        let name = rel.join(e.file_name());
        if e.file_name().to_string_lossy().starts_with(".plansim") {
            continue;
        }
        if e.file_type()?.is_dir() {
            out.extend(read_tree(root, &name)?);
        } else {
            out.push((name, std::fs::read(e.path())?));
        }
    }
    Ok(out)
}
