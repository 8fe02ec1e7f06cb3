//! Exporters: projections, simulations and probabilities as long-format CSV bytes, written by
//! the caller (atomically, see [`crate::output`]).

use crate::check::Finding;
use crate::error::{Error, Result};
use crate::project::Projection;
use crate::simulate::Simulation;
use serde::Serialize;

/// A row of `projection.csv` (pandas, pyam and Excel read it as is).
#[derive(Serialize)]
pub struct LongRow<'a> {
    pub region: &'a str,
    pub plan: &'a str,
    pub scenario: &'a str,
    pub indicator: &'a str,
    pub unit: &'a str,
    pub year: i32,
    pub value: f64,
}

/// A row of `simulation.csv`: the projection's columns and the bands.
#[derive(Serialize)]
pub struct BandRow<'a> {
    pub region: &'a str,
    pub plan: &'a str,
    pub scenario: &'a str,
    pub indicator: &'a str,
    pub unit: &'a str,
    pub year: i32,
    pub value: f64,
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p95: f64,
}

/// A row of `probabilities.csv`.
#[derive(Serialize)]
pub struct ChanceRow<'a> {
    pub region: &'a str,
    pub plan: &'a str,
    pub scenario: &'a str,
    pub indicator: &'a str,
    pub year: i32,
    pub target: &'a str,
    pub probability: f64,
}

/// Every (path, year) with a value, in order.
pub fn long_rows(p: &Projection) -> impl Iterator<Item = (usize, usize, LongRow<'_>)> {
    p.paths.iter().enumerate().flat_map(move |(i, path)| {
        p.years.iter().enumerate().filter_map(move |(c, &year)| {
            let value = p.values[[i, c]];
            (!value.is_nan()).then_some((
                i,
                c,
                LongRow {
                    region: &path.series.region,
                    plan: &path.series.plan,
                    scenario: &p.scenario,
                    indicator: &path.series.name,
                    unit: &path.series.unit,
                    year,
                    value,
                },
            ))
        })
    })
}

pub fn projection_csv(p: &Projection) -> Result<Vec<u8>> {
    to_csv(long_rows(p).map(|(_, _, r)| r))
}

pub fn simulation_csv(p: &Projection, sim: &Simulation) -> Result<Vec<u8>> {
    to_csv(long_rows(p).map(|(i, c, long)| {
        let b = sim.paths[i].bands[c];
        BandRow {
            region: long.region,
            plan: long.plan,
            scenario: long.scenario,
            indicator: long.indicator,
            unit: long.unit,
            year: long.year,
            value: long.value,
            p5: b.p5,
            p25: b.p25,
            p50: b.p50,
            p75: b.p75,
            p95: b.p95,
        }
    }))
}

pub fn chance_rows<'a>(
    p: &'a Projection,
    sim: &'a Simulation,
) -> impl Iterator<Item = ChanceRow<'a>> {
    p.paths.iter().zip(&sim.paths).flat_map(move |(path, sp)| {
        sp.chances.iter().map(move |c| ChanceRow {
            region: &path.series.region,
            plan: &path.series.plan,
            scenario: &p.scenario,
            indicator: &path.series.name,
            year: c.year,
            target: &c.target,
            probability: c.probability,
        })
    })
}

pub fn probabilities_csv(p: &Projection, sim: &Simulation) -> Result<Vec<u8>> {
    to_csv(chance_rows(p, sim))
}

/// Serialises rows to CSV bytes.
pub fn to_csv<S: Serialize>(rows: impl IntoIterator<Item = S>) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)
            .map_err(|e| Error::Invalid(format!("cannot write CSV: {e}")))?;
    }
    w.into_inner()
        .map_err(|e| Error::Invalid(format!("cannot write CSV: {e}")))
}

/// `findings.csv`: one row per finding, the quoted cells and every number as a column.
pub fn findings_csv(findings: &[Finding]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Error::Invalid(format!("cannot write CSV: {e}"));
    let head = [
        "severity",
        "code",
        "region",
        "plan",
        "indicator",
        "target_year",
        "file",
        "row",
        "unit",
        "base_year",
        "base",
        "target",
        "rate",
        "message",
    ];
    let numbers = crate::check::Numbers::default().fields();
    let mut header: Vec<&str> = head.to_vec();
    header.extend(numbers.iter().map(|(name, _)| *name));
    header.push("related");
    w.write_record(&header).map_err(fail)?;
    for f in findings {
        let mut rec = vec![
            f.severity.to_string(),
            f.code.to_string(),
            f.region.clone(),
            f.plan.clone(),
            f.indicator.clone(),
            f.target_year.to_string(),
            f.file.clone(),
            f.row.to_string(),
            f.cells.unit.clone(),
            f.cells.base_year.to_string(),
            f.cells.base.clone(),
            f.cells.target.clone(),
            f.cells.rate.clone(),
            f.message.clone(),
        ];
        rec.extend(
            f.numbers
                .fields()
                .into_iter()
                .map(|(_, v)| v.unwrap_or_default()),
        );
        let related: Vec<String> = f
            .related
            .iter()
            .map(|r| format!("{}:{} {} {}", r.file, r.row, r.region, r.indicator))
            .collect();
        rec.push(related.join("; "));
        w.write_record(&rec).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Error::Invalid(format!("cannot write CSV: {e}")))
}
