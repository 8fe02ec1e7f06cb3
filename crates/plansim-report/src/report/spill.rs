//! A scenario's long rows kept on disk as its paths are made: every path's value each year,
//! its bands and its probabilities, read back for the CSVs and the workbook's long sheets. A
//! report without charts then holds neither its projection nor its simulation (their paths,
//! series, values and bands: some 900 bytes a row).
//!
//! A path is one record: its texts, its first year, its values, its bands (where any is a
//! number) and its probabilities' rows. Numbers are written as their bits, so what is read
//! back is what was made.

use super::codec::{bytes, count, io, number, read_count, read_number, read_text, text};
use plansim_core::export::{ChanceRow, LongRow};
use plansim_core::simulate::{Band, SimPath};
use std::io::{BufReader, BufWriter, Read, Write};

/// The records of a scenario's paths in a temporary file, deleted when dropped.
pub struct Spill {
    file: tempfile::NamedTempFile,
    /// Records written.
    paths: usize,
}

/// Writes a [`Spill`], a path at a time.
pub struct Writer {
    w: BufWriter<tempfile::NamedTempFile>,
    paths: usize,
}

/// One path as read back.
#[derive(Default)]
pub struct Record {
    pub region: String,
    pub plan: String,
    pub indicator: String,
    pub unit: String,
    pub start_year: i32,
    /// `values[k]` is year `start_year + k`; NaN where the walk left it undefined.
    pub values: Vec<f64>,
    /// The band of each value, where any is a number.
    pub bands: Option<Vec<Band>>,
    pub chances: Vec<Chance>,
}

/// A row of the probabilities, as [`ChanceRow`] holds it.
pub struct Chance {
    pub year: i32,
    pub target: String,
    pub probability: Option<f64>,
    pub sigma: Option<f64>,
    pub sigma_from: String,
    pub target_value: Option<f64>,
}

impl Writer {
    /// A spill in the temporary folder.
    pub fn new() -> plansim_core::Result<Writer> {
        Ok(Writer {
            w: BufWriter::new(tempfile::NamedTempFile::new().map_err(io)?),
            paths: 0,
        })
    }

    /// Writes a path: `values[k]` is year `path.plan.start_year + k`, and its bands lie on
    /// `years` (the projection's). `chances` are its rows of `probabilities.csv`.
    pub fn push<'a>(
        &mut self,
        path: &plansim_core::project::Path,
        values: &[f64],
        sp: &SimPath,
        years: &[i32],
        chances: impl Iterator<Item = ChanceRow<'a>>,
    ) -> plansim_core::Result<()> {
        let s = &path.series;
        let w = &mut self.w;
        for t in [&*s.region, &*s.plan, &*s.name, &*s.unit] {
            text(w, t)?;
        }
        w.write_all(&path.plan.start_year.to_le_bytes())
            .map_err(io)?;
        count(w, values.len())?;
        for &v in values {
            number(w, v)?;
        }
        let first = years.first().copied().unwrap_or(path.plan.start_year);
        let offset = (path.plan.start_year - first) as usize;
        let bands = sp.bands.get(offset..offset + values.len()).unwrap_or(&[]);
        let any = bands.iter().any(|b| {
            [b.p5, b.p25, b.p50, b.p75, b.p95]
                .iter()
                .any(|v| v.is_finite())
        });
        if any {
            w.write_all(&[1]).map_err(io)?;
            for b in bands {
                for v in [b.p5, b.p25, b.p50, b.p75, b.p95] {
                    number(w, v)?;
                }
            }
        } else {
            w.write_all(&[0]).map_err(io)?;
        }
        let chances: Vec<ChanceRow> = chances.collect();
        count(w, chances.len())?;
        for c in chances {
            w.write_all(&c.year.to_le_bytes()).map_err(io)?;
            text(w, c.target)?;
            for v in [c.probability, c.sigma, c.target_value] {
                number(w, v.unwrap_or(f64::NAN))?;
                w.write_all(&[v.is_some() as u8]).map_err(io)?;
            }
            text(w, c.sigma_from)?;
        }
        self.paths += 1;
        Ok(())
    }

    /// The spill, ready to be read.
    pub fn finish(self) -> plansim_core::Result<Spill> {
        let paths = self.paths;
        let file = self.w.into_inner().map_err(|e| io(e.into_error()))?;
        Ok(Spill { file, paths })
    }
}

impl Spill {
    /// The paths written.
    pub fn paths(&self) -> usize {
        self.paths
    }

    /// Hands every record to `f` in the order written, one record held at a time. Each call
    /// reads through a handle of its own, so several may read at once.
    pub fn each<E: From<plansim_core::Error>>(
        &self,
        mut f: impl FnMut(usize, &Record) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut r = BufReader::new(self.file.reopen().map_err(io)?);
        let mut rec = Record::default();
        for i in 0..self.paths {
            read(&mut r, &mut rec)?;
            f(i, &rec)?;
        }
        Ok(())
    }

    /// Every path's long rows (the rows of `projection.csv`, as `export::long_rows` gives
    /// them) with their bands, in order: (path, row, band).
    pub fn each_long<E: From<plansim_core::Error>>(
        &self,
        scenario: &str,
        mut f: impl FnMut(usize, &LongRow, Band) -> Result<(), E>,
    ) -> Result<(), E> {
        self.each(|i, rec| {
            for (k, &value) in rec.values.iter().enumerate() {
                if value.is_nan() {
                    continue;
                }
                let row = LongRow {
                    region: &rec.region,
                    plan: &rec.plan,
                    scenario,
                    indicator: &rec.indicator,
                    unit: &rec.unit,
                    year: rec.start_year + k as i32,
                    value,
                };
                let band = rec.bands.as_ref().map_or(Band::MISSING, |b| b[k]);
                f(i, &row, band)?;
            }
            Ok(())
        })
    }

    /// Every path's rows of `probabilities.csv`, in order.
    pub fn each_chance<E: From<plansim_core::Error>>(
        &self,
        scenario: &str,
        mut f: impl FnMut(&ChanceRow) -> Result<(), E>,
    ) -> Result<(), E> {
        self.each(|_, rec| {
            for c in &rec.chances {
                f(&ChanceRow {
                    region: &rec.region,
                    plan: &rec.plan,
                    scenario,
                    indicator: &rec.indicator,
                    year: c.year,
                    target: &c.target,
                    probability: c.probability,
                    sigma: c.sigma,
                    sigma_from: &c.sigma_from,
                    target_value: c.target_value,
                })?;
            }
            Ok(())
        })
    }
}

fn read(r: &mut impl Read, rec: &mut Record) -> plansim_core::Result<()> {
    for t in [
        &mut rec.region,
        &mut rec.plan,
        &mut rec.indicator,
        &mut rec.unit,
    ] {
        read_text(r, t)?;
    }
    rec.start_year = i32::from_le_bytes(bytes(r)?);
    let n = read_count(r)?;
    rec.values.clear();
    for _ in 0..n {
        rec.values.push(read_number(r)?);
    }
    let [any] = bytes::<1>(r)?;
    rec.bands = if any == 1 {
        let mut bands = Vec::with_capacity(n);
        for _ in 0..n {
            let mut q = [0.0; 5];
            for v in &mut q {
                *v = read_number(r)?;
            }
            let [p5, p25, p50, p75, p95] = q;
            bands.push(Band {
                p5,
                p25,
                p50,
                p75,
                p95,
            });
        }
        Some(bands)
    } else {
        None
    };
    let n = read_count(r)?;
    rec.chances.clear();
    for _ in 0..n {
        let year = i32::from_le_bytes(bytes(r)?);
        let mut target = String::new();
        read_text(r, &mut target)?;
        let mut opt = || -> plansim_core::Result<Option<f64>> {
            let v = read_number(r)?;
            let [some] = bytes::<1>(r)?;
            Ok((some == 1).then_some(v))
        };
        let (probability, sigma, target_value) = (opt()?, opt()?, opt()?);
        let mut sigma_from = String::new();
        read_text(r, &mut sigma_from)?;
        rec.chances.push(Chance {
            year,
            target,
            probability,
            sigma,
            sigma_from,
            target_value,
        });
    }
    Ok(())
}
