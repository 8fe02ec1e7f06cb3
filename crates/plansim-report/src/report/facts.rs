//! What a target row reads of its path: made as each path is projected and simulated, held
//! (a report with charts, the what-if page) or kept on disk (a report without charts, whose
//! table is held meanwhile: some 170 bytes a path at 10⁶ rows), and read by
//! [`super::rows::each_target_row`] one path at a time.

use super::codec::{
    byte, count, direction, goal, io, maybe, number, pair, read_byte, read_count, read_direction,
    read_goal, read_maybe, read_number, read_pair, read_text, read_tri, read_year, text, tri, year,
};
use plansim_core::explain::Explanation;
use plansim_core::lang::Lang;
use plansim_core::meaning::GoalKind;
use plansim_core::project::Projection;
use plansim_core::simulate::Simulation;
use plansim_core::table::Direction;
use plansim_core::text::Shared;
use serde::Serialize;
use std::io::{BufWriter, Read, Seek, Write};

type Res<T> = plansim_core::Result<T>;

/// When a projection first meets its target after the plan's base year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reach {
    /// Met from this year (the first year after the base year whose projection meets it).
    In(i32),
    /// Not met in any projected year up to this one (the path's last).
    NotBy(i32),
}

impl Reach {
    /// Writes a reach, or none, in the report's spills ([`super::codec`]).
    pub(super) fn write(w: &mut impl Write, r: Option<Reach>) -> Res<()> {
        let (tag, y) = match r {
            None => (0, 0),
            Some(Reach::In(y)) => (1, y),
            Some(Reach::NotBy(y)) => (2, y),
        };
        byte(w, tag)?;
        year(w, y)
    }

    pub(super) fn read(r: &mut impl Read) -> Res<Option<Reach>> {
        Ok(match (read_byte(r)?, read_year(r)?) {
            (1, y) => Some(Reach::In(y)),
            (2, y) => Some(Reach::NotBy(y)),
            _ => None,
        })
    }

    /// The year in words: `2030年达到` / `reached in 2030`, `至2035年未达到` / `not reached by
    /// 2035` — as the comparison table and the what-if page both say it.
    pub fn say(self, lang: Lang) -> String {
        match (self, lang) {
            (Reach::In(y), Lang::Zh) => format!("{y}年达到"),
            (Reach::In(y), Lang::En) => format!("reached in {y}"),
            (Reach::NotBy(h), Lang::Zh) => format!("至{h}年未达到"),
            (Reach::NotBy(h), Lang::En) => format!("not reached by {h}"),
        }
    }

    /// The first year a path meets `goal`, among `years` after `after` with a finite value;
    /// `None` where no such year is projected. As `assess` reads outturns: in the goal's year
    /// as printed (429.6 meets `430亿`, ✓), before it as printed with no tolerance (提前实现:
    /// 59.6 in 2022 has not passed 60).
    pub fn of(
        years: &[i32],
        values: impl IntoIterator<Item = f64>,
        after: i32,
        goal: &plansim_core::series::Goal,
        dir: plansim_core::table::Direction,
    ) -> Option<Reach> {
        let mut last = None;
        for (&y, v) in years.iter().zip(values) {
            if y <= after || !v.is_finite() {
                continue;
            }
            let met = if y == goal.year {
                goal.met(v, dir)
            } else {
                goal.kind.loose().met(v, dir)
            };
            if met {
                return Some(Reach::In(y));
            }
            last = Some(y);
        }
        last.map(Reach::NotBy)
    }
}

/// The last year path `i` is shown to, on its chart and in the 2035 column. A one-year plan
/// (通辽市's 2023 plan) and a total over the plan period end with their period, since
/// compounding them on to 2035 would draw what nobody planned, or with the last year one of
/// the scenario's rules sets their rate for (`phases` to 2035: 2035); every other path runs to
/// the horizon.
pub fn shown_until(p: &Projection, i: usize, rules: &Explanation) -> i32 {
    let path = &p.paths[i];
    shown_until_of(
        path,
        *p.years.last().unwrap_or(&path.series.plan_year),
        rules,
    )
}

/// [`shown_until`] of a path in a projection to `horizon`.
fn shown_until_of(path: &plansim_core::project::Path, horizon: i32, rules: &Explanation) -> i32 {
    let s = &path.series;
    let one_year = s.plan_year - path.plan.start_year <= 1;
    let period_total = matches!(
        s.shape,
        plansim_core::series::Shape::RunningTotal | plansim_core::series::Shape::ChangeIndex
    ) && s.goals.iter().all(|g| g.year <= s.plan_year);
    if !(one_year || period_total) {
        return horizon;
    }
    let ruled = rules
        .rules
        .iter()
        .flat_map(|r| &r.rows)
        .filter(|row| row.region == s.region && row.plan == s.plan && row.indicator == s.name)
        .flat_map(|row| row.spans.iter().map(|span| span.to))
        .max();
    ruled.map_or(s.plan_year, |to| to.clamp(s.plan_year, horizon))
}

/// What a target row reads of its path, its simulation and the scenario's rules: made as
/// each path is projected and simulated, so that a report need not hold the projection
/// (its paths, series, values and bands: some 900 bytes a row at 10⁶ rows).
#[derive(Clone, Debug)]
pub struct PathFacts {
    /// The first table row of the path's series, whose key is the path's.
    pub(super) row: u32,
    pub(super) unit: Shared,
    pub(super) start_year: i32,
    pub(super) start: f64,
    /// The last year shown and its value, where past the plan year and a number.
    pub(super) at_horizon: Option<(i32, f64)>,
    pub(super) goals: Box<[GoalFacts]>,
    /// The simulation's probability of each year it gives one for.
    pub(super) chances: Box<[(i32, f64)]>,
}

/// What a target row reads of one of its path's outcomes.
#[derive(Clone, Debug)]
pub(super) struct GoalFacts {
    pub(super) year: i32,
    pub(super) kind: GoalKind,
    pub(super) direction: Direction,
    pub(super) value: Option<f64>,
    pub(super) met: Option<bool>,
    pub(super) required_rate: Option<f64>,
    pub(super) reach: Option<Reach>,
    /// The latest outturn up to the goal's year, else the start: what `kept` judges on.
    pub(super) latest: f64,
    /// The goal year's outturn is in.
    pub(super) ended: bool,
}

impl PathFacts {
    /// The facts of `path`, whose `values` lie on `years` (NaN where it has none), simulated
    /// as `sim`, in a projection to `horizon`.
    pub fn of(
        path: &plansim_core::project::Path,
        years: &[i32],
        values: &[f64],
        sim: &plansim_core::simulate::SimPath,
        horizon: i32,
        rules: &Explanation,
    ) -> PathFacts {
        let s = &path.series;
        let at_horizon = years
            .iter()
            .zip(values)
            .next_back()
            .and_then(|(&year, &v)| {
                let shown = year > s.plan_year && year <= shown_until_of(path, horizon, rules);
                (shown && v.is_finite()).then_some((year, v))
            });
        let goals = path
            .outcomes
            .iter()
            .map(|o| GoalFacts {
                year: o.goal.year,
                kind: o.goal.kind,
                direction: s.direction,
                value: o.value,
                met: o.met,
                required_rate: o.required_rate,
                reach: Reach::of(
                    years,
                    values.iter().copied(),
                    path.plan.start_year,
                    &o.goal,
                    s.direction,
                ),
                latest: path
                    .actuals
                    .iter()
                    .filter(|a| a.0 <= o.goal.year)
                    .max_by_key(|a| a.0)
                    .map_or(path.plan.start, |a| a.1),
                ended: path.actuals.iter().any(|a| a.0 == o.goal.year),
            })
            .collect();
        PathFacts {
            row: s.rows.first().map_or(u32::MAX, |&r| r as u32),
            unit: s.unit.clone(),
            start_year: path.plan.start_year,
            start: path.plan.start,
            at_horizon,
            goals,
            chances: sim
                .chances
                .iter()
                .map(|c| (c.year, c.probability))
                .collect(),
        }
    }

    /// The facts of every path of a projection made whole.
    pub fn of_projection(p: &Projection, sim: &Simulation, rules: &Explanation) -> Vec<PathFacts> {
        let horizon = p.years.last().copied();
        p.paths
            .iter()
            .zip(&sim.paths)
            .enumerate()
            .map(|(i, (path, sp))| {
                let values = p.values.row(i);
                let values = values
                    .as_slice()
                    .map_or_else(|| values.to_vec(), <[f64]>::to_vec);
                let horizon = horizon.unwrap_or(path.series.plan_year);
                PathFacts::of(path, &p.years, &values, sp, horizon, rules)
            })
            .collect()
    }
}

/// The facts of a scenario's paths, by path.
pub enum Facts {
    Held(Vec<PathFacts>),
    OnDisk(OnDisk),
}

impl Facts {
    /// The first table row of each path's series, by path.
    pub(super) fn rows(&self) -> Vec<u32> {
        match self {
            Facts::Held(v) => v.iter().map(|f| f.row).collect(),
            Facts::OnDisk(d) => d.rows.clone(),
        }
    }

    /// Path `i`'s facts.
    pub(super) fn get(&mut self, i: usize) -> Res<PathFacts> {
        match self {
            Facts::Held(v) => Ok(v[i].clone()),
            Facts::OnDisk(d) => d.get(i),
        }
    }
}

/// Facts in a temporary file: where each path's record lies, and its series' first row.
pub struct OnDisk {
    file: std::fs::File,
    _temp: tempfile::NamedTempFile,
    at: Vec<(u64, u32)>,
    rows: Vec<u32>,
    buf: Vec<u8>,
}

/// Writes facts to a temporary file, a path at a time.
pub struct Writer {
    w: BufWriter<tempfile::NamedTempFile>,
    pos: u64,
    at: Vec<(u64, u32)>,
    rows: Vec<u32>,
    buf: Vec<u8>,
}

impl Writer {
    pub fn new(paths: usize) -> Res<Writer> {
        Ok(Writer {
            w: BufWriter::new(tempfile::NamedTempFile::new().map_err(io)?),
            pos: 0,
            at: Vec::with_capacity(paths),
            rows: Vec::with_capacity(paths),
            buf: Vec::new(),
        })
    }

    pub fn push(&mut self, f: &PathFacts) -> Res<()> {
        let b = &mut self.buf;
        b.clear();
        text(b, &f.unit)?;
        year(b, f.start_year)?;
        number(b, f.start)?;
        pair(b, f.at_horizon)?;
        count(b, f.goals.len())?;
        for g in f.goals.iter() {
            year(b, g.year)?;
            goal(b, Some(g.kind))?;
            direction(b, g.direction)?;
            maybe(b, g.value)?;
            tri(b, g.met)?;
            maybe(b, g.required_rate)?;
            Reach::write(b, g.reach)?;
            number(b, g.latest)?;
            byte(b, g.ended as u8)?;
        }
        count(b, f.chances.len())?;
        for &(y, p) in f.chances.iter() {
            year(b, y)?;
            number(b, p)?;
        }
        self.w.write_all(b).map_err(io)?;
        self.at.push((self.pos, b.len() as u32));
        self.rows.push(f.row);
        self.pos += b.len() as u64;
        Ok(())
    }

    pub fn finish(self) -> Res<Facts> {
        let temp = self.w.into_inner().map_err(|e| io(e.into_error()))?;
        Ok(Facts::OnDisk(OnDisk {
            file: temp.reopen().map_err(io)?,
            _temp: temp,
            at: self.at,
            rows: self.rows,
            buf: Vec::new(),
        }))
    }
}

impl OnDisk {
    fn get(&mut self, i: usize) -> Res<PathFacts> {
        let (pos, len) = self.at[i];
        self.file.seek(std::io::SeekFrom::Start(pos)).map_err(io)?;
        self.buf.resize(len as usize, 0);
        self.file.read_exact(&mut self.buf).map_err(io)?;
        let r = &mut &self.buf[..];
        let mut unit = String::new();
        read_text(r, &mut unit)?;
        let start_year = read_year(r)?;
        let start = read_number(r)?;
        let at_horizon = read_pair(r)?;
        let n = read_count(r)?;
        let mut goals = Vec::with_capacity(n);
        for _ in 0..n {
            let year = read_year(r)?;
            let kind = read_goal(r)?.unwrap_or(GoalKind::Point { value: f64::NAN });
            let direction = read_direction(r)?;
            let value = read_maybe(r)?;
            let met = read_tri(r)?;
            let required_rate = read_maybe(r)?;
            let reach = Reach::read(r)?;
            let latest = read_number(r)?;
            let ended = read_byte(r)? == 1;
            goals.push(GoalFacts {
                year,
                kind,
                direction,
                value,
                met,
                required_rate,
                reach,
                latest,
                ended,
            });
        }
        let n = read_count(r)?;
        let mut chances = Vec::with_capacity(n);
        for _ in 0..n {
            chances.push((read_year(r)?, read_number(r)?));
        }
        Ok(PathFacts {
            row: self.rows[i],
            unit: Shared::from(unit.as_str()),
            start_year,
            start,
            at_horizon,
            goals: goals.into(),
            chances: chances.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled scenario's paths' facts, kept on disk and read back in another order,
    /// are the facts made.
    #[test]
    fn facts_read_back_are_the_facts_made() {
        let mut paths = 0;
        for c in crate::report::scenario::bundled() {
            let made = PathFacts::of_projection(&c.p, &c.sim, &c.page.rules);
            let mut w = Writer::new(made.len()).unwrap();
            for f in &made {
                w.push(f).unwrap();
            }
            let mut back = w.finish().unwrap();
            assert_eq!(back.rows(), made.iter().map(|f| f.row).collect::<Vec<_>>());
            for i in (0..made.len()).rev() {
                let got = back.get(i).unwrap();
                assert_eq!(format!("{got:?}"), format!("{:?}", made[i]));
            }
            paths += made.len();
        }
        assert!(paths > 200, "{paths}");
    }
}
