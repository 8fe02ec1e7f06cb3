//! Exporters: projections, simulations and probabilities as long-format CSV bytes, written by
//! the caller (atomically, see [`crate::output`]).

mod rows;

pub use rows::{annotations, goal_text, note_label, table_rows_csv, write_table_rows_csv};

use crate::check::Finding;
use crate::error::{Error, Result};
use crate::project::Projection;
use crate::simulate::Simulation;
use serde::Serialize;

/// A row of `projection.csv` (pandas, pyam and Excel read it as is).
#[derive(Clone, Copy, Serialize)]
pub struct LongRow<'a> {
    /// The region.
    pub region: &'a str,
    /// The plan (十四五规划 …).
    pub plan: &'a str,
    /// The scenario's name.
    pub scenario: &'a str,
    /// The indicator's name.
    pub indicator: &'a str,
    /// The unit column.
    pub unit: &'a str,
    /// The year.
    pub year: i32,
    /// The projected (or known) value.
    #[serde(serialize_with = "crate::format::out::derived")]
    pub value: f64,
}

/// A row of `simulation.csv`: the projection's columns and the bands.
#[derive(Serialize)]
pub(crate) struct BandRow<'a> {
    /// The region.
    pub region: &'a str,
    /// The plan (十四五规划 …).
    pub plan: &'a str,
    /// The scenario's name.
    pub scenario: &'a str,
    /// The indicator's name.
    pub indicator: &'a str,
    /// The unit column.
    pub unit: &'a str,
    /// The year.
    pub year: i32,
    /// The projected (or known) value.
    #[serde(serialize_with = "crate::format::out::derived")]
    pub value: f64,
    /// The 5th percentile of the draws.
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    pub p5: Option<f64>,
    /// The 25th percentile.
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    pub p25: Option<f64>,
    /// The median.
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    pub p50: Option<f64>,
    /// The 75th percentile.
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    pub p75: Option<f64>,
    /// The 95th percentile.
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    pub p95: Option<f64>,
}

/// A row of `probabilities.csv`.
#[derive(Serialize)]
pub struct ChanceRow<'a> {
    /// The region.
    pub region: &'a str,
    /// The plan (十四五规划 …).
    pub plan: &'a str,
    /// The scenario's name.
    pub scenario: &'a str,
    /// The indicator's name.
    pub indicator: &'a str,
    /// The year.
    pub year: i32,
    /// The target as printed.
    pub target: &'a str,
    /// The share of draws meeting it (0–1); empty without evidence (no outturns and no σ set
    /// by hand).
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    pub probability: Option<f64>,
    /// σ the draws were made with, in points of the yearly rate as `simulate` prints it; empty
    /// where nothing is drawn.
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    pub sigma: Option<f64>,
    /// Where σ came from: `actuals`, a σ set by hand (`table`, `scenario`, `flag`), or
    /// `default` — no evidence, no probability.
    pub sigma_from: &'a str,
    /// The level the target asks for in the row's terms (`430` of `430亿`, the near end of a
    /// range), for the workbook's number beside the printed target.
    #[serde(skip)]
    pub target_value: Option<f64>,
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

/// `projection.csv`: every path's value each year, in the long columns
/// `region, plan, scenario, indicator, unit, year, value`.
pub fn projection_csv(p: &Projection) -> Result<Vec<u8>> {
    to_csv(long_rows(p).map(|(_, _, r)| r))
}

/// [`projection_csv`] written to `w` as it is made: a projection of a million rows is 16
/// million lines, a gigabyte when built whole.
pub fn write_projection_csv(w: impl std::io::Write, p: &Projection) -> Result<()> {
    write_csv(w, long_rows(p).map(|(_, _, r)| r))
}

/// [`projection_csv`] of a scenario, each path's rows written as the path is made and the path
/// let go ([`crate::project::stream::each_path`]): the same bytes as
/// `write_projection_csv(w, &project(sc)?)`, holding one path at a time instead of the
/// projection. An error of a path meets no row written: check first with
/// [`crate::project::stream::outline`].
pub fn write_paths_csv(w: impl std::io::Write, sc: &crate::scenario::Scenario) -> Result<()> {
    let mut w = crate::csv_cell::Writer::new(w);
    let fail = Error::csv;
    crate::project::stream::each_path(sc, |path, values| {
        let s = &path.series;
        // the projection's grid holds NaN before a path starts; a path's own values skip none
        // but what its walk left undefined, as `long_rows` does
        for (k, &value) in values.iter().enumerate().filter(|(_, v)| !v.is_nan()) {
            w.serialize(LongRow {
                region: &s.region,
                plan: &s.plan,
                scenario: &sc.name,
                indicator: &s.name,
                unit: &s.unit,
                year: path.plan.start_year + k as i32,
                value,
            })
            .map_err(fail)?;
        }
        Ok(())
    })?;
    w.flush().map_err(Error::CsvIo)
}

/// `simulation.csv`: the projection's columns and each year's band (empty where there is none:
/// before a path starts, and for a path without evidence).
pub fn simulation_csv(p: &Projection, sim: &Simulation) -> Result<Vec<u8>> {
    to_csv(band_rows(p, sim))
}

/// [`simulation_csv`] written to `w` as it is made.
pub fn write_simulation_csv(
    w: impl std::io::Write,
    p: &Projection,
    sim: &Simulation,
) -> Result<()> {
    write_csv(w, band_rows(p, sim))
}

/// The rows of `simulation.csv`.
fn band_rows<'a>(p: &'a Projection, sim: &'a Simulation) -> impl Iterator<Item = BandRow<'a>> {
    long_rows(p).map(|(i, c, long)| band_row(long, sim.paths[i].bands[c]))
}

/// A row of `simulation.csv`: the projection's and the year's band (empty where none).
fn band_row(long: LongRow<'_>, b: crate::simulate::Band) -> BandRow<'_> {
    let band = |v: f64| Some(v).filter(|v| v.is_finite());
    BandRow {
        region: long.region,
        plan: long.plan,
        scenario: long.scenario,
        indicator: long.indicator,
        unit: long.unit,
        year: long.year,
        value: long.value,
        p5: band(b.p5),
        p25: band(b.p25),
        p50: band(b.p50),
        p75: band(b.p75),
        p95: band(b.p95),
    }
}

/// Every goal's probability, path by path.
pub fn chance_rows<'a>(
    p: &'a Projection,
    sim: &'a Simulation,
) -> impl Iterator<Item = ChanceRow<'a>> {
    let last = p.years.last().copied().unwrap_or(0);
    p.paths
        .iter()
        .zip(&sim.paths)
        .flat_map(move |(path, sp)| path_chance_rows(&p.scenario, path, sp, last))
}

/// The rows of [`chance_rows`] of one path, whose simulation is `sp`, in a scenario that
/// projects to `last`.
pub fn path_chance_rows<'a>(
    scenario: &'a str,
    path: &'a crate::project::Path,
    sp: &'a crate::simulate::SimPath,
    last: i32,
) -> impl Iterator<Item = ChanceRow<'a>> {
    let row = move |year: i32, target: &'a str, probability: Option<f64>| ChanceRow {
        region: &path.series.region,
        plan: &path.series.plan,
        scenario,
        indicator: &path.series.name,
        year,
        target,
        probability,
        sigma: sp.sigma_from.is_evidence().then_some(sp.sigma * 100.0),
        sigma_from: sp.sigma_from.as_str(),
        target_value: path
            .outcomes
            .iter()
            .find(|o| o.goal.year == year && o.goal.raw == target)
            .map(|o| o.goal.kind.level(path.series.direction)),
    };
    let drawn = sp
        .chances
        .iter()
        .map(move |c| row(c.year, &c.target, Some(c.probability)));
    // the goals of a path without evidence: listed, their probability left empty
    let undrawn = path
        .outcomes
        .iter()
        .filter(move |o| {
            !sp.sigma_from.is_evidence()
                && o.goal.year > path.plan.start_year
                && o.goal.year <= last
        })
        .map(move |o| row(o.goal.year, &o.goal.raw, None));
    drawn.chain(undrawn)
}

/// `simulation.csv` and `probabilities.csv` written path by path, as a simulation made path
/// by path hands them over ([`crate::simulate::stream::each_path`]): the same bytes as
/// [`write_simulation_csv`] and [`write_probabilities_csv`] of the whole simulation.
pub struct SimulationCsvs<'s, W: std::io::Write, V: std::io::Write> {
    scenario: &'s str,
    /// The projection's years: the bands lie on them.
    years: &'s [i32],
    bands: crate::csv_cell::Writer<W>,
    chances: crate::csv_cell::Writer<V>,
}

impl<'s, W: std::io::Write, V: std::io::Write> SimulationCsvs<'s, W, V> {
    /// Writers of a scenario's simulation on the projection's `years`: the bands to `bands`,
    /// the probabilities to `chances`.
    pub fn new(scenario: &'s str, years: &'s [i32], bands: W, chances: V) -> Self {
        SimulationCsvs {
            scenario,
            years,
            bands: crate::csv_cell::Writer::new(bands),
            chances: crate::csv_cell::Writer::new(chances),
        }
    }

    /// Writes a path's rows: `values[k]` is year `plan.start_year + k`.
    pub fn push(
        &mut self,
        path: &crate::project::Path,
        values: &[f64],
        sp: &crate::simulate::SimPath,
    ) -> Result<()> {
        let s = &path.series;
        let first = self.years.first().copied().unwrap_or(path.plan.start_year);
        let offset = (path.plan.start_year - first) as usize;
        // the projection's grid holds NaN before a path starts; a path's own values skip none
        // but what its walk left undefined, as `long_rows` does
        for (k, &value) in values.iter().enumerate().filter(|(_, v)| !v.is_nan()) {
            let long = LongRow {
                region: &s.region,
                plan: &s.plan,
                scenario: self.scenario,
                indicator: &s.name,
                unit: &s.unit,
                year: path.plan.start_year + k as i32,
                value,
            };
            self.bands
                .serialize(band_row(long, sp.bands[offset + k]))
                .map_err(Error::csv)?;
        }
        let last = self.years.last().copied().unwrap_or(0);
        for r in path_chance_rows(self.scenario, path, sp, last) {
            self.chances.serialize(r).map_err(Error::csv)?;
        }
        Ok(())
    }

    /// Flushes both files.
    pub fn finish(mut self) -> Result<()> {
        self.bands.flush().map_err(Error::CsvIo)?;
        self.chances.flush().map_err(Error::CsvIo)
    }
}

/// `projection.csv`, `simulation.csv` or `probabilities.csv` written a row at a time, from
/// rows kept elsewhere than a projection (a report's rows kept on disk): the same bytes as
/// [`write_projection_csv`], [`write_simulation_csv`] and [`write_probabilities_csv`] given
/// the same rows.
pub struct RowsCsv<W: std::io::Write>(crate::csv_cell::Writer<W>);

impl<W: std::io::Write> RowsCsv<W> {
    pub fn new(w: W) -> Self {
        RowsCsv(crate::csv_cell::Writer::new(w))
    }

    /// A row of `projection.csv`.
    pub fn long(&mut self, r: &LongRow<'_>) -> Result<()> {
        self.0.serialize(r).map_err(Error::csv)
    }

    /// A row of `simulation.csv`: the projection's and the year's band.
    pub fn band(&mut self, r: &LongRow<'_>, b: crate::simulate::Band) -> Result<()> {
        self.0.serialize(band_row(*r, b)).map_err(Error::csv)
    }

    /// A row of `probabilities.csv`.
    pub fn chance(&mut self, r: &ChanceRow<'_>) -> Result<()> {
        self.0.serialize(r).map_err(Error::csv)
    }

    /// Flushes the file.
    pub fn finish(mut self) -> Result<()> {
        self.0.flush().map_err(Error::CsvIo)
    }
}

/// `probabilities.csv`: `region, plan, scenario, indicator, year, target, probability`.
pub fn probabilities_csv(p: &Projection, sim: &Simulation) -> Result<Vec<u8>> {
    to_csv(chance_rows(p, sim))
}

/// [`probabilities_csv`] written to `w` as it is made.
pub fn write_probabilities_csv(
    w: impl std::io::Write,
    p: &Projection,
    sim: &Simulation,
) -> Result<()> {
    write_csv(w, chance_rows(p, sim))
}

/// Serialises rows as CSV to `w`, row by row.
pub(crate) fn write_csv<S: Serialize>(
    w: impl std::io::Write,
    rows: impl IntoIterator<Item = S>,
) -> Result<()> {
    let mut w = crate::csv_cell::Writer::new(w);
    for r in rows {
        w.serialize(r).map_err(Error::csv)?;
    }
    w.flush().map_err(Error::CsvIo)
}

/// Serialises rows to CSV bytes.
pub(crate) fn to_csv<S: Serialize>(rows: impl IntoIterator<Item = S>) -> Result<Vec<u8>> {
    let mut w = crate::csv_cell::Writer::to_bytes();
    for r in rows {
        w.serialize(r).map_err(Error::csv)?;
    }
    w.into_bytes().map_err(|e| Error::Csv(e.to_string()))
}

/// `findings.csv`: one row per finding, the quoted cells and every number as a column.
pub fn findings_csv(findings: &[Finding]) -> Result<Vec<u8>> {
    let mut w = crate::csv_cell::Writer::to_bytes();
    let fail = Error::csv;
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
    w.into_bytes().map_err(|e| Error::Csv(e.to_string()))
}

/// A row of `plansim assess --format csv`: a grade, its numbers and its reason.
#[derive(Serialize)]
struct GradeRow<'a> {
    region: &'a str,
    plan: &'a str,
    indicator: &'a str,
    target_year: i32,
    target: &'a str,
    rule: &'a str,
    status: &'a str,
    grade_zh: &'a str,
    latest_year: Option<i32>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    latest_value: Option<f64>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    progress: Option<f64>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    expected_progress: Option<f64>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    required_rate: Option<f64>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    current_pace: Option<f64>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    history_pace: Option<f64>,
    /// The required pace against the previous period's, in words.
    ambition: &'a str,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    mean: Option<f64>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    other_mean: Option<f64>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    gap: Option<f64>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    p_meet: Option<f64>,
    p_n: Option<usize>,
    #[serde(serialize_with = "crate::format::out::derived_opt")]
    sigma: Option<f64>,
    /// In English, as in `assess`'s JSON.
    sigma_source: String,
    pace_unit: &'a str,
    hypothetical: bool,
    preliminary: bool,
    evidence_year: Option<i32>,
    evidence_count: usize,
    period_figure: &'a str,
    reason: &'a str,
    notes: String,
    file: String,
    row: usize,
}

/// Grades as CSV, one line per target.
pub fn grades_csv(grades: &[crate::assess::Grade]) -> Result<Vec<u8>> {
    let mut w = GradesCsv(crate::csv_cell::Writer::to_bytes());
    for g in grades {
        w.push(g)?;
    }
    w.0.into_bytes().map_err(|e| Error::Csv(e.to_string()))
}

/// Grades written as CSV a line at a time, as [`grades_csv`] writes them.
pub struct GradesCsv<W: std::io::Write>(crate::csv_cell::Writer<W>);

impl<W: std::io::Write> GradesCsv<W> {
    /// A writer to `w`; the header comes with the first grade.
    pub fn new(w: W) -> GradesCsv<W> {
        GradesCsv(crate::csv_cell::Writer::new(w))
    }

    /// Writes a grade's line.
    pub fn push(&mut self, g: &crate::assess::Grade) -> Result<()> {
        self.0.serialize(grade_row(g)).map_err(Error::csv)
    }

    /// Flushes what is written.
    pub fn finish(mut self) -> Result<()> {
        self.0.flush().map_err(Error::CsvIo)
    }
}

fn grade_row(g: &crate::assess::Grade) -> GradeRow<'_> {
    GradeRow {
        region: &g.region,
        plan: &g.plan,
        indicator: &g.indicator,
        target_year: g.target_year,
        target: &g.target,
        rule: g.rule,
        status: g.status.code(),
        grade_zh: g.grade_zh,
        latest_year: g.latest_year,
        latest_value: g.latest_value,
        progress: g.progress,
        expected_progress: g.expected_progress,
        required_rate: g.required_rate,
        current_pace: g.current_pace,
        history_pace: g.history_pace,
        ambition: g.ambition.as_ref().map_or("", |a| a.text.as_str()),
        mean: g.mean,
        other_mean: g.other_mean,
        gap: g.gap,
        p_meet: g.p_meet,
        p_n: g.p_n,
        sigma: g.sigma,
        sigma_source: g
            .sigma_source
            .as_ref()
            .map_or(String::new(), |s| s.say(crate::lang::Lang::En)),
        pace_unit: &g.pace_unit,
        hypothetical: g.hypothetical,
        preliminary: g.preliminary,
        evidence_year: g.evidence_year,
        evidence_count: g.evidence_count,
        period_figure: g.period_figure.as_deref().unwrap_or(""),
        reason: &g.reason,
        notes: g.notes.join("; "),
        file: g.file.display().to_string(),
        row: g.row,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::table::LoadOptions;

    /// Every bundled scenario's `simulation.csv` and `probabilities.csv` written path by path
    /// are the bytes of the whole simulation's, with σ set by hand (every path drawn) and
    /// without (the paths without outturns undrawn, their goals listed).
    #[test]
    fn simulation_files_path_by_path_are_the_whole_files() {
        let mut files: Vec<_> = std::fs::read_dir(crate::repo_file("scenarios"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        for file in files {
            let sc = Scenario::load(&file, &LoadOptions::default()).unwrap();
            for sigma in [None, Some(0.02)] {
                let mut set = crate::simulate::Settings::from_scenario(&sc);
                (set.draws, set.default_sigma) = (200, sigma);
                let p = crate::project::project(&sc).unwrap();
                let sim = crate::simulate::simulate(&p, &set).unwrap();
                let (mut bands, mut chances) = (Vec::new(), Vec::new());
                let mut csvs = SimulationCsvs::new(&sc.name, &p.years, &mut bands, &mut chances);
                crate::simulate::stream::each_path(&sc, &p.years, &set, |path, v, sp| {
                    csvs.push(path, v, sp)
                })
                .unwrap();
                csvs.finish().unwrap();
                let name = file.display();
                assert!(chances.len() > 100, "{name}");
                assert_eq!(bands, simulation_csv(&p, &sim).unwrap(), "{name}");
                assert_eq!(chances, probabilities_csv(&p, &sim).unwrap(), "{name}");
            }
        }
    }
}
