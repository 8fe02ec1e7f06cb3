//! Sample charts from the bundled 科尔沁区 table (scenarios/tables/horqin.csv, rows 1–20), for
//! tests, the benchmark and the `chart_look` example. The paths are simple compound growth from
//! the 2020 base at the stated rate; the actuals, fans and probabilities are made up (actual
//! growth a row-dependent 70–125% of the stated rate, a log-normal spread of a third of the
//! stated rate a year) but plausible. Not a projection.

use super::{
    Dashboard, Fan, FanYear, FeasibilityMap, FeasibilityPoint, IndicatorChart, Line, Milestone,
    Panel, ProbabilityBar, ProbabilityChart, Status, TargetKind, TargetMark, Words,
};
use crate::table::{Attribute, Direction, Form, Indicator, LoadOptions};
use std::path::PathBuf;

/// Actual growth as a share of the stated rate, by row: a fixed made-up cycle.
const ACTUAL_PACE: [f64; 7] = [0.9, 1.15, 0.7, 1.0, 1.25, 0.8, 1.05];
/// The last year of made-up actuals.
const LAST_ACTUAL: i32 = 2023;
const Z: [f64; 5] = [-1.6449, -0.6745, 0.0, 0.6745, 1.6449];

/// One indicator row reduced to what the sample charts need.
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub name_en: String,
    pub unit: String,
    pub base_year: i32,
    pub base: Option<f64>,
    pub target_year: i32,
    pub target: Option<TargetKind>,
    /// The target cell as printed (`≥95`).
    pub target_text: String,
    /// Stated annual rate as a fraction.
    pub rate: Option<f64>,
    pub binding: bool,
    pub ceiling: Option<f64>,
    /// Made-up actual growth as a share of the stated rate.
    pub pace: f64,
}

/// The table this sample reads.
pub fn table_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/tables/horqin.csv")
}

/// Rows 1–20 (the numbered rows) of the 科尔沁区 table.
pub fn rows() -> crate::Result<Vec<Row>> {
    let table = crate::load(&table_path(), &LoadOptions::default())?;
    Ok(table
        .indicators
        .iter()
        .filter(|i| i.seq.parse::<u32>().is_ok_and(|n| (1..=20).contains(&n)))
        .enumerate()
        .map(|(k, i)| row(i, ACTUAL_PACE[k % ACTUAL_PACE.len()]))
        .collect())
}

fn row(i: &Indicator, pace: f64) -> Row {
    let unit = i.value_unit();
    let ceiling = i.unit.ceiling().filter(|_| unit == i.unit.raw);
    let target = i.target_level().and_then(|t| match &i.target.form {
        Form::AtLeast { .. } => Some(TargetKind::Floor(t.value)),
        Form::AtMost { .. } => Some(TargetKind::Ceiling(t.value)),
        Form::About { .. } => Some(TargetKind::Point(t.value)),
        Form::Range { low, high } => {
            let f = i.factor(&i.target);
            Some(TargetKind::Band(low.value * f, high.value * f))
        }
        Form::Number { .. } => Some(match i.direction() {
            Direction::Rising => TargetKind::Floor(t.value),
            Direction::Falling => TargetKind::Ceiling(t.value),
        }),
        _ => None,
    });
    Row {
        name: i.name.clone(),
        name_en: i.name_en.clone(),
        unit,
        base_year: i.base_year,
        base: i.base_level().map(|n| n.value),
        target_year: i.target_year,
        target,
        target_text: i.target.raw.clone(),
        rate: i.annual_rate().map(|n| n.value),
        binding: i.attribute == Attribute::Binding,
        ceiling,
        pace,
    }
}

/// Standard normal distribution function (Abramowitz–Stegun 7.1.26, error below 1.5e-7).
fn phi(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.3275911 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t
        * (0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

impl Row {
    fn rate_or_hold(&self) -> f64 {
        self.rate.unwrap_or(0.0)
    }

    fn path(&self, base: f64, rate: impl Fn(i32) -> f64) -> Vec<(i32, f64)> {
        let mut v = base;
        let mut out = vec![(self.base_year, v)];
        for y in self.base_year + 1..=2035 {
            v *= 1.0 + rate(y);
            out.push((y, v));
        }
        out
    }

    /// Spread of the annual growth rate: a third of the stated rate, at least 0.3 points.
    fn sigma(&self) -> f64 {
        (self.rate_or_hold().abs() / 3.0).max(0.003)
    }

    /// Made-up actuals: the stated rate times the row's pace.
    pub fn actuals(&self) -> Vec<(i32, f64)> {
        let Some(b) = self.base else {
            return Vec::new();
        };
        let r = self.rate_or_hold() * self.pace;
        (self.base_year + 1..=LAST_ACTUAL)
            .map(|y| (y, b * (1.0 + r).powi(y - self.base_year)))
            .collect()
    }

    fn last_actual(&self) -> Option<f64> {
        self.actuals().last().map(|a| a.1).or(self.base)
    }

    /// The made-up simulated median in `year`, from the last actual at the stated rate.
    fn median(&self, year: i32) -> Option<f64> {
        Some(self.last_actual()? * (1.0 + self.rate_or_hold()).powi(year - LAST_ACTUAL))
    }

    /// P(meeting the target) under the made-up log-normal spread.
    pub fn probability(&self) -> Option<f64> {
        let m = self.median(self.target_year)?;
        let sd = self.sigma() * ((self.target_year - LAST_ACTUAL) as f64).sqrt();
        let above = |t: f64| phi((m / t).ln() / sd);
        match self.target? {
            TargetKind::Floor(t) => Some(above(t)),
            TargetKind::Ceiling(t) => Some(1.0 - above(t)),
            TargetKind::Point(t) => Some(above(t * 0.98) - above(t * 1.02)),
            TargetKind::Band(lo, hi) => Some(above(lo) - above(hi)),
        }
    }

    /// The annual rate the last actual needs to reach the target, in percent.
    pub fn required_rate(&self) -> Option<f64> {
        let goal = match self.target? {
            TargetKind::Floor(t) | TargetKind::Ceiling(t) | TargetKind::Point(t) => t,
            TargetKind::Band(lo, hi) => (lo + hi) / 2.0,
        };
        let n = (self.target_year - LAST_ACTUAL) as f64;
        let from = self.last_actual()?;
        (from > 0.0 && goal > 0.0).then(|| 100.0 * ((goal / from).powf(1.0 / n) - 1.0))
    }

    fn fan(&self) -> Option<Fan> {
        let years = (LAST_ACTUAL..=2035)
            .map(|y| {
                let m = self.median(y)?;
                let sd = self.sigma() * ((y - LAST_ACTUAL) as f64).sqrt();
                let q = |z: f64| m * (z * sd).exp();
                Some(FanYear {
                    year: y,
                    p5: q(Z[0]),
                    p25: q(Z[1]),
                    p50: q(Z[2]),
                    p75: q(Z[3]),
                    p95: q(Z[4]),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Fan { years })
    }

    pub fn display_name(&self, en: bool) -> &str {
        if en && !self.name_en.is_empty() {
            &self.name_en
        } else {
            &self.name
        }
    }
}

/// The units of rows 1–20 in English.
fn unit_en(unit: &str) -> String {
    match unit {
        "亿" => "100 million yuan",
        "件/万人" => "per 10,000 people",
        "岁" | "年" => "years",
        "人" => "per 1,000 people",
        "天" => "days",
        "亿斤" => "100 million jin",
        other => other,
    }
    .to_string()
}

fn pct(v: f64) -> String {
    format!("{v:.1}%")
}

/// The indicator chart of a row.
pub fn indicator(r: &Row, en: bool) -> IndicatorChart {
    let words = if en { Words::en() } else { Words::zh() };
    let region = if en { "Horqin" } else { "科尔沁区" };
    let stated = r.rate_or_hold();
    let mut scenarios = Vec::new();
    if let Some(b) = r.base {
        scenarios.push(Line {
            name: if en { "Stated rate" } else { "规划增速" }.to_string(),
            points: r.path(b, |_| stated),
        });
        if stated != 0.0 {
            scenarios.push(Line {
                name: if en {
                    "Slowdown from 2026"
                } else {
                    "2026年起放缓一半"
                }
                .to_string(),
                points: r.path(b, |y| if y > 2025 { stated / 2.0 } else { stated }),
            });
        }
    }
    let sub = if en {
        format!(
            "stated {} a year  |  required {} (2023→2025)  |  P(meet target) {}",
            r.rate.map(|x| pct(100.0 * x)).unwrap_or("—".into()),
            r.required_rate().map(pct).unwrap_or("—".into()),
            r.probability()
                .map(|p| format!("{:.0}%", 100.0 * p))
                .unwrap_or("—".into()),
        )
    } else {
        format!(
            "规划年均增速 {}  |  达标所需 {} (2023→2025)  |  达标概率 {}",
            r.rate.map(|x| pct(100.0 * x)).unwrap_or("—".into()),
            r.required_rate().map(pct).unwrap_or("—".into()),
            r.probability()
                .map(|p| format!("{:.0}%", 100.0 * p))
                .unwrap_or("—".into()),
        )
    };
    let target_word = if en { " target" } else { "年目标" };
    IndicatorChart {
        title: format!("{region} {}", r.display_name(en)),
        subtitle: sub,
        unit: if en { unit_en(&r.unit) } else { r.unit.clone() },
        years: (r.base_year, 2035),
        base: r.base.map(|b| (r.base_year, b)),
        actuals: r.actuals(),
        scenarios,
        fan: r.fan(),
        targets: r
            .target
            .map(|kind| TargetMark {
                year: r.target_year,
                kind,
                label: format!("{}{} {}", r.target_year, target_word, r.target_text),
            })
            .into_iter()
            .collect(),
        ceiling: r.ceiling,
        milestones: vec![
            Milestone {
                year: 2025,
                label: if en {
                    "end of 14th FYP"
                } else {
                    "十四五末"
                }
                .into(),
            },
            Milestone {
                year: 2035,
                label: if en { "vision" } else { "远景目标" }.into(),
            },
        ],
        words,
    }
}

/// The status the sample gives a probability: at least 75% on track, at least 40% at risk.
pub fn status(r: &Row) -> Status {
    match r.probability() {
        None => Status::NoNumericTarget,
        Some(p) if p >= 0.75 => Status::OnTrack,
        Some(p) if p >= 0.4 => Status::AtRisk,
        Some(_) => Status::OffTrack,
    }
}

/// All rows as a dashboard.
pub fn dashboard(rows: &[Row], en: bool) -> Dashboard {
    let panels = rows
        .iter()
        .map(|r| {
            let mut chart = indicator(r, en);
            chart.title = r.display_name(en).to_string();
            let p = r
                .probability()
                .map(|p| format!("{:.0}%", 100.0 * p))
                .unwrap_or("—".into());
            let rate = r.rate.map(|x| pct(100.0 * x)).unwrap_or("—".into());
            let note = if en {
                format!("P {p} | stated {rate}")
            } else {
                format!("达标概率 {p} | 规划 {rate}")
            };
            Panel {
                chart,
                status: status(r),
                note,
            }
        })
        .collect();
    let (title, subtitle) = if en {
        (
            "Horqin 14th Five-Year Plan: main indicators",
            "Sample data: compound paths at the stated rates, made-up fans",
        )
    } else {
        (
            "科尔沁区 十四五规划主要指标",
            "示例数据: 按规划增速的复利路径, 模拟区间为虚构",
        )
    };
    Dashboard {
        title: title.into(),
        subtitle: subtitle.into(),
        panels,
        words: if en { Words::en() } else { Words::zh() },
    }
}

/// Stated against required rates of the rows that have both.
pub fn feasibility(rows: &[Row], en: bool) -> FeasibilityMap {
    let points = rows
        .iter()
        .filter_map(|r| {
            Some(FeasibilityPoint {
                label: r.display_name(en).to_string(),
                stated: 100.0 * r.rate?,
                required: r.required_rate()?,
                probability: r.probability(),
                binding: r.binding,
            })
        })
        .collect();
    let (title, subtitle) = if en {
        (
            "Horqin: stated against required growth",
            "Required: the annual rate from the 2023 value to the 2025 target (sample data)",
        )
    } else {
        (
            "科尔沁区 规划增速与达标所需增速",
            "所需增速: 由2023年值到2025年目标的年均增速 (示例数据)",
        )
    };
    FeasibilityMap {
        title: title.into(),
        subtitle: subtitle.into(),
        points,
        words: if en { Words::en() } else { Words::zh() },
    }
}

/// The rows with a numeric target, by probability of meeting it.
pub fn probability(rows: &[Row], en: bool) -> ProbabilityChart {
    let bars = rows
        .iter()
        .filter_map(|r| {
            Some(ProbabilityBar {
                label: r.display_name(en).to_string(),
                probability: r.probability()?,
                binding: r.binding,
            })
        })
        .collect();
    let (title, subtitle) = if en {
        (
            "Horqin: probability of meeting the 2025 targets",
            "Sample data: made-up spread of a third of the stated rate a year",
        )
    } else {
        (
            "科尔沁区 2025年目标达标概率",
            "示例数据: 年增速波动为规划增速的三分之一 (虚构)",
        )
    };
    ProbabilityChart {
        title: title.into(),
        subtitle: subtitle.into(),
        bars,
        words: if en { Words::en() } else { Words::zh() },
    }
}
