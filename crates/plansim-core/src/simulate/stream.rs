//! A simulation made path by path, for writers that let each path go once written: at a
//! million rows the whole projection and simulation held some 1,500 bytes a row besides the
//! scenario. The numbers are [`super::simulate`]'s: the same paths in the same order, each
//! keyed by what it is, drawn a chunk at a time on the settings' threads.

use super::{Band, Scratch, Settings, SimPath, in_parallel, keys::Keys, simulate_path};
use crate::error::Result;
use crate::project::Path;
use crate::scenario::Scenario;

/// Paths drawn together: enough to keep every core busy, few enough to hold (a path and its
/// values are some 600 bytes).
const CHUNK: usize = 1024;

/// The paths of [`crate::project::stream::each_path`], each simulated and handed to `f` with
/// its values (`values[k]` is year `plan.start_year + k`) and its simulation, whose bands lie
/// on `years` (the projection's, from [`crate::project::stream::outline`]), in the order of
/// [`super::simulate`]'s paths and with its numbers. Settings out of bounds are refused before
/// the first path.
pub fn each_path(
    sc: &Scenario,
    years: &[i32],
    set: &Settings,
    mut f: impl FnMut(&Path, &[f64], &SimPath) -> Result<()>,
) -> Result<()> {
    super::check(set)?;
    if years.is_empty() {
        return Ok(());
    }
    // a pool of the threads asked for, made once for every chunk
    let pool = match set.jobs {
        0 | 1 => None,
        jobs => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(super::workers(jobs))
                .build()
                .map_err(|e| crate::Error::Threads {
                    jobs,
                    message: e.to_string(),
                })?,
        ),
    };
    let set = &Settings {
        jobs: if pool.is_some() { 0 } else { set.jobs },
        ..set.clone()
    };
    let missing: std::sync::Arc<[Band]> = vec![Band::MISSING; years.len()].into();
    let mut keys = Keys::default();
    let mut chunk: Vec<(Path, Vec<f64>, u64)> = Vec::with_capacity(CHUNK);
    let mut flush = |chunk: &mut Vec<(Path, Vec<f64>, u64)>| -> Result<()> {
        let work = |i: usize, scratch: &mut Scratch| {
            let (path, _, key) = &chunk[i];
            simulate_path(years, path, *key, set, scratch, &missing)
        };
        let drawn = match &pool {
            Some(pool) => pool.install(|| in_parallel(set, chunk.len(), work))?,
            None => in_parallel(set, chunk.len(), work)?,
        };
        for ((path, values, _), sim) in chunk.drain(..).zip(&drawn) {
            f(&path, &values, sim)?;
        }
        Ok(())
    };
    crate::project::stream::each_path(sc, |path, values| {
        let key = keys.next(&path.series);
        chunk.push((path.clone(), values.to_vec(), key));
        if chunk.len() == CHUNK {
            flush(&mut chunk)?;
        }
        Ok(())
    })?;
    flush(&mut chunk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::LoadOptions;

    /// Every bundled scenario made path by path is the whole simulation: the same paths, the
    /// same bands and chances to the bit, the same σ and its source.
    #[test]
    fn path_by_path_is_the_whole_simulation() {
        let dir = crate::repo_file("scenarios");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        assert!(files.len() >= 5, "{files:?}");
        let mut compared = 0;
        for file in files {
            let sc = Scenario::load(&file, &LoadOptions::default()).unwrap();
            let mut set = Settings::from_scenario(&sc);
            set.draws = 300;
            // σ set by hand: every path is drawn, not only those with outturns
            set.default_sigma = Some(0.02);
            let p = crate::project::project(&sc).unwrap();
            let whole = super::super::simulate(&p, &set).unwrap();
            let years = crate::project::stream::outline(&sc).unwrap().years;
            assert_eq!(years, p.years, "{}", file.display());
            let mut k = 0;
            for jobs in [1, 2] {
                set.jobs = jobs;
                k = 0;
                each_path(&sc, &years, &set, |path, values, sim| {
                    let name = (&path.series.region, &path.series.name);
                    assert!(k < whole.paths.len(), "{name:?}");
                    let want = &whole.paths[k];
                    let row = &p.paths[k].series;
                    assert_eq!((&row.region, &row.name), name);
                    let c0 = p.col(path.plan.start_year).unwrap();
                    for (j, v) in values.iter().enumerate() {
                        assert_eq!(v.to_bits(), p.values[[k, c0 + j]].to_bits(), "{name:?}");
                    }
                    assert_eq!(sim.sigma.to_bits(), want.sigma.to_bits(), "{name:?}");
                    assert_eq!(sim.sigma_n, want.sigma_n, "{name:?}");
                    assert_eq!(sim.sigma_from.as_str(), want.sigma_from.as_str());
                    assert_eq!(sim.bands.len(), want.bands.len());
                    for (a, b) in sim.bands.iter().zip(want.bands.iter()) {
                        for (x, y) in [(a.p5, b.p5), (a.p50, b.p50), (a.p95, b.p95)] {
                            assert_eq!(x.to_bits(), y.to_bits(), "{name:?}");
                        }
                    }
                    assert_eq!(sim.chances.len(), want.chances.len(), "{name:?}");
                    for (a, b) in sim.chances.iter().zip(&want.chances) {
                        assert_eq!((a.year, &a.target), (b.year, &b.target));
                        assert_eq!(a.probability.to_bits(), b.probability.to_bits());
                    }
                    k += 1;
                    compared += 1;
                    Ok(())
                })
                .unwrap();
            }
            assert_eq!(k, whole.paths.len(), "{}", file.display());
        }
        assert!(compared > 100, "{compared}");
    }

    /// Across chunks: a table of 2,500 rows, each of 1,250 names in two plans.
    #[test]
    fn path_by_path_across_chunks_and_repeated_names_is_the_whole_simulation() {
        let mut csv =
            String::from("region,plan,indicator,unit,base_year,base,target_year,target,rate\n");
        for i in 0..2500 {
            let plan = if i < 1250 { "十四五" } else { "十五五" };
            let base = 100 + i % 37;
            csv.push_str(&format!(
                "甲区,{plan},指标{},亿元,2020,{base},2025,,{}\n",
                i % 1250,
                3 + i % 5
            ));
        }
        let table =
            crate::table::load_bytes("t.csv".as_ref(), csv.into_bytes(), &LoadOptions::default())
                .unwrap();
        let sc = Scenario::from_parts("s", Default::default(), vec![table], Vec::new()).unwrap();
        let set = Settings {
            draws: 50,
            default_sigma: Some(0.03),
            jobs: 2,
            ..Settings::default()
        };
        let p = crate::project::project(&sc).unwrap();
        assert!(p.paths.len() > CHUNK * 2, "{}", p.paths.len());
        let whole = super::super::simulate(&p, &set).unwrap();
        let mut k = 0;
        each_path(&sc, &p.years, &set, |path, _, sim| {
            assert_eq!(path.series.name, p.paths[k].series.name);
            let want = &whole.paths[k];
            for (a, b) in sim.bands.iter().zip(want.bands.iter()) {
                assert_eq!(a.p50.to_bits(), b.p50.to_bits(), "{k}");
                assert_eq!(a.p95.to_bits(), b.p95.to_bits(), "{k}");
            }
            k += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(k, p.paths.len());
    }
}
