//! What an indicator chart shows — the indicator's outturns, a path per scenario, the fan, the
//! targets and milestones — and the points they plot. Drawn by `indicator` (the frame, the
//! legend, the labels) and `trend` (the body); both read these types, neither the other's.

use super::Words;
use super::style::scenario_colour;
use plotters::style::RGBColor;

/// One indicator over time. Values are in the indicator's own unit (`unit`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct IndicatorChart {
    pub title: String,
    /// Stated against required rate and the probability of meeting the target, as one line.
    pub subtitle: String,
    pub unit: String,
    /// First and last year on the x axis.
    pub years: (i32, i32),
    /// The baseline (year, value).
    pub base: Option<(i32, f64)>,
    pub actuals: Vec<(i32, f64)>,
    /// One line per scenario; the first is the main one and the fan is drawn in its colour.
    pub scenarios: Vec<Line>,
    pub fan: Option<Fan>,
    pub targets: Vec<TargetMark>,
    /// The natural bound of the value (100 for a share), drawn when the values come near it.
    pub ceiling: Option<f64>,
    /// Years marked with a dashed line (2025, 2035).
    pub milestones: Vec<Milestone>,
    /// The years from here on are forecast (after the last outturn) and shaded.
    pub forecast_from: Option<i32>,
    /// The outturns are hypothetical (not published figures): drawn hollow.
    pub hypothetical: bool,
    pub words: Words,
}

/// A scenario's path.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Line {
    pub name: String,
    pub points: Vec<(i32, f64)>,
    /// The scenario's colour slot (its place in the batch), the same on every chart.
    pub colour: usize,
}

/// Simulated percentiles by year.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Fan {
    pub years: Vec<FanYear>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FanYear {
    pub year: i32,
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p95: f64,
}

/// A target at a year, with its label as the reader should see it (`2025年目标 ≥95`).
#[derive(Clone, Debug, PartialEq)]
pub struct TargetMark {
    pub year: i32,
    pub kind: TargetKind,
    pub label: String,
}

/// What a target asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TargetKind {
    /// At least this value.
    Floor(f64),
    /// At most this value.
    Ceiling(f64),
    /// Between two values.
    Band(f64, f64),
    /// About this value.
    Point(f64),
}

impl TargetKind {
    pub fn values(&self) -> Vec<f64> {
        match *self {
            TargetKind::Floor(v) | TargetKind::Ceiling(v) | TargetKind::Point(v) => vec![v],
            TargetKind::Band(a, b) => vec![a, b],
        }
    }
}

/// A year marked on the chart, with a short name (`十四五末`).
#[derive(Clone, Debug, PartialEq)]
pub struct Milestone {
    pub year: i32,
    pub label: String,
}

impl IndicatorChart {
    /// Every (year, value) the chart plots.
    pub fn all_points(&self) -> impl Iterator<Item = (i32, f64)> + '_ {
        let fan = self.fan.iter().flat_map(|f| {
            f.years
                .iter()
                .flat_map(|q| [(q.year, q.p5), (q.year, q.p95), (q.year, q.p50)])
        });
        let targets = self
            .targets
            .iter()
            .flat_map(|t| t.kind.values().into_iter().map(move |v| (t.year, v)));
        self.base
            .iter()
            .copied()
            .chain(self.actuals.iter().copied())
            .chain(self.scenarios.iter().flat_map(|l| l.points.iter().copied()))
            .chain(fan)
            .chain(targets)
    }

    pub fn all_values(&self) -> impl Iterator<Item = f64> + '_ {
        self.all_points().map(|p| p.1)
    }

    /// The colour of the main scenario, in which the fan is drawn.
    pub fn main_colour(&self) -> RGBColor {
        scenario_colour(self.scenarios.first().map_or(0, |l| l.colour))
    }
}
