//! Projections and simulations mapped onto the chart types: an indicator chart per path, and per
//! plan a dashboard, a feasibility map and a probability chart.

use super::Options;
use super::page::Page;
use super::rows::Status as RowStatus;
use super::scenario::Computed;
use crate::chart::{
    Dashboard, Fan, FanYear, FeasibilityMap, FeasibilityPoint, IndicatorChart, Line, Milestone,
    Panel, ProbabilityBar, ProbabilityChart, Status, TargetKind, TargetMark, Words,
};
use crate::error::Result;
use crate::project::Path as ProjPath;
use crate::series::GoalKind;
use crate::table::Direction;
use rayon::prelude::*;
use std::path::PathBuf;

fn words(english: bool) -> Words {
    if english { Words::en() } else { Words::zh() }
}

/// A file name from free text: no separators or reserved characters, at most 40 characters.
pub fn file_stem(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|#%&{}$!'@+`= ".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(40)
        .collect()
}

fn pct(r: f64) -> String {
    format!("{:.1}%", r * 100.0)
}

/// The subtitle: stated against required rate and the probability of the first target.
fn subtitle(run: &Computed, i: usize, english: bool) -> String {
    let path = &run.p.paths[i];
    let o = path.outcomes.first();
    let chance = run.sim.paths[i].chances.first();
    let mut parts = Vec::new();
    let stated = path.series.stated_rate.map(|r| r.value);
    match (stated, english) {
        (Some(r), false) => parts.push(format!("规划年均 {}", pct(r))),
        (Some(r), true) => parts.push(format!("stated {}/yr", pct(r))),
        (None, false) => parts.push(format!("路径年均 {}", pct(path.plan.plan_rate))),
        (None, true) => parts.push(format!("path {}/yr", pct(path.plan.plan_rate))),
    }
    if let Some(r) = o.and_then(|o| o.required_rate) {
        parts.push(if english {
            format!("required {}/yr", pct(r))
        } else {
            format!("所需年均 {}", pct(r))
        });
    }
    if let Some(c) = chance {
        parts.push(if english {
            format!("P(meet {}) = {:.0}%", c.year, c.probability * 100.0)
        } else {
            format!("{}年达标概率 {:.0}%", c.year, c.probability * 100.0)
        });
    }
    parts.join(" · ")
}

fn target_kind(kind: &GoalKind, dir: Direction) -> TargetKind {
    match *kind {
        GoalKind::AtLeast { value } => TargetKind::Floor(value),
        GoalKind::AtMost { value } => TargetKind::Ceiling(value),
        GoalKind::About { value, .. } => TargetKind::Point(value),
        GoalKind::Range { low, high } => TargetKind::Band(low, high),
        GoalKind::Point { value } => match dir {
            Direction::Rising => TargetKind::Floor(value),
            Direction::Falling => TargetKind::Ceiling(value),
        },
    }
}

fn line(run: &Computed, i: usize) -> Vec<(i32, f64)> {
    run.p
        .years
        .iter()
        .zip(run.p.values.row(i))
        .filter(|(_, v)| v.is_finite())
        .map(|(y, v)| (*y, *v))
        .collect()
}

fn same_series(a: &ProjPath, b: &ProjPath) -> bool {
    a.series.region == b.series.region
        && a.series.plan == b.series.plan
        && a.series.name == b.series.name
}

/// The indicator chart of path `i`, with the other scenarios' paths of the same indicator.
pub fn indicator_chart(
    run: &Computed,
    i: usize,
    all: &[&Computed],
    english: bool,
) -> IndicatorChart {
    let path = &run.p.paths[i];
    let s = &path.series;
    let mut scenarios = vec![Line {
        name: run.sc.name.clone(),
        points: line(run, i),
    }];
    for other in all.iter().filter(|o| o.sc.name != run.sc.name) {
        if let Some(j) = other.p.paths.iter().position(|q| same_series(q, path)) {
            let points = line(other, j);
            if !scenarios.iter().any(|l| l.points == points) {
                scenarios.push(Line {
                    name: other.sc.name.clone(),
                    points,
                });
            }
        }
    }
    let fan = Fan {
        years: run
            .p
            .years
            .iter()
            .zip(&run.sim.paths[i].bands)
            .filter(|(_, b)| b.p50.is_finite())
            .map(|(&year, b)| FanYear {
                year,
                p5: b.p5,
                p25: b.p25,
                p50: b.p50,
                p75: b.p75,
                p95: b.p95,
            })
            .collect(),
    };
    let targets = path
        .outcomes
        .iter()
        .map(|o| TargetMark {
            year: o.goal.year,
            kind: target_kind(&o.goal.kind, s.direction),
            label: if english {
                format!("{} target {}", o.goal.year, o.goal.raw)
            } else {
                format!("{}年目标 {}", o.goal.year, o.goal.raw)
            },
        })
        .collect();
    let mut milestones = vec![Milestone {
        year: s.plan_year,
        // drawn after the year: `2025 十四五末`
        label: match (s.plan_year, english) {
            (2025, false) => "十四五末".into(),
            (2025, true) => "end of 14th FYP".into(),
            (_, false) => "目标年".into(),
            (_, true) => "target year".into(),
        },
    }];
    let horizon = *run.p.years.last().unwrap_or(&s.plan_year);
    if horizon > s.plan_year {
        milestones.push(Milestone {
            year: horizon,
            label: if english {
                "horizon".into()
            } else {
                "远景".into()
            },
        });
    }
    IndicatorChart {
        title: format!(
            "{} · {}",
            s.region,
            if english && !s.name_en.is_empty() {
                &s.name_en
            } else {
                &s.name
            }
        ),
        subtitle: subtitle(run, i, english),
        unit: s.unit.clone(),
        years: (path.plan.start_year, horizon),
        base: Some((path.plan.start_year, path.plan.start)),
        actuals: path.actuals.clone(),
        scenarios,
        fan: Some(fan),
        targets,
        ceiling: s.ceiling,
        milestones,
        words: words(english),
    }
}

fn chart_status(s: RowStatus) -> Status {
    match s {
        RowStatus::OnTrack => Status::OnTrack,
        RowStatus::AtRisk => Status::AtRisk,
        RowStatus::OffTrack => Status::OffTrack,
        RowStatus::NoNumericTarget | RowStatus::NoBaseline => Status::NoNumericTarget,
    }
}

/// Most panels on one dashboard; the rest are counted in its subtitle.
const MAX_PANELS: usize = 30;

/// Renders every chart of a scenario and records them on its page.
pub fn render(
    run: &Computed,
    all: &[&Computed],
    page: &mut Page,
    opts: &Options,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let english = opts.english;
    let (w, h) = opts.size;
    let names: Vec<String> = run
        .p
        .paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "charts/{:03}-{}-{}.png",
                i + 1,
                file_stem(&p.series.region),
                file_stem(&p.series.name)
            )
        })
        .collect();
    let mut files: Vec<(PathBuf, Vec<u8>)> = (0..run.p.paths.len())
        .into_par_iter()
        .map(|i| -> Result<(PathBuf, Vec<u8>)> {
            let chart = indicator_chart(run, i, all, english);
            Ok((PathBuf::from(&names[i]), crate::chart::png(&chart, w, h)?))
        })
        .collect::<Result<_>>()?;
    for (i, name) in names.iter().enumerate() {
        let s = &run.p.paths[i].series;
        page.indicator_charts
            .push((name.clone(), format!("{} {}", s.region, s.name)));
        page.chart_of_path.insert(i, name.clone());
    }
    for (region, plan) in plans(run) {
        let stem = file_stem(&format!("{region}-{plan}"));
        let label = format!("{region} {plan}");
        let d = dashboard(run, &region, &plan, english);
        let rows = d.panels.len().div_ceil(5).max(1) as u32;
        files.push((
            format!("charts/dashboard-{stem}.png").into(),
            crate::chart::png(&d, 1600, (rows * 300 + 140).clamp(600, 6000))?,
        ));
        page.overview_charts.push((
            format!("charts/dashboard-{stem}.png"),
            format!(
                "{label} · {}",
                if english {
                    "dashboard"
                } else {
                    "指标仪表盘"
                }
            ),
        ));
        let pc = probability(run, &region, &plan, english);
        if !pc.bars.is_empty() {
            let hgt = (pc.bars.len() as u32 * 30 + 160).clamp(400, 6000);
            files.push((
                format!("charts/probability-{stem}.png").into(),
                crate::chart::png(&pc, 1000, hgt)?,
            ));
            page.overview_charts.push((
                format!("charts/probability-{stem}.png"),
                format!(
                    "{label} · {}",
                    if english {
                        "probability of meeting each target"
                    } else {
                        "达标概率"
                    }
                ),
            ));
        }
        let fm = feasibility(run, &region, &plan, english);
        if !fm.points.is_empty() {
            files.push((
                format!("charts/feasibility-{stem}.png").into(),
                crate::chart::png(&fm, 1000, 800)?,
            ));
            page.overview_charts.push((
                format!("charts/feasibility-{stem}.png"),
                format!(
                    "{label} · {}",
                    if english {
                        "stated against required rate"
                    } else {
                        "规划增速与所需增速"
                    }
                ),
            ));
        }
    }
    Ok(files)
}

/// (region, plan) of every series, in first-seen order.
pub fn plans(run: &Computed) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for s in &run.sc.series {
        let key = (s.region.clone(), s.plan.clone());
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

fn in_plan<'a>(
    run: &'a Computed,
    region: &'a str,
    plan: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    (0..run.p.paths.len()).filter(move |&i| {
        run.p.paths[i].series.region == region && run.p.paths[i].series.plan == plan
    })
}

/// Every indicator of a plan as small multiples: projected ones, then those without a number.
pub fn dashboard(run: &Computed, region: &str, plan: &str, english: bool) -> Dashboard {
    let mut panels: Vec<Panel> = in_plan(run, region, plan)
        .map(|i| {
            let mut chart = indicator_chart(run, i, &[], english);
            chart.title = run.p.paths[i].series.display_name(english).to_string();
            let chance = run.sim.paths[i].chances.first();
            let status = chance.map_or(Status::NoNumericTarget, |c| {
                chart_status(RowStatus::of(c.probability))
            });
            let note = match chance {
                Some(c) if english => format!("P(meet) {:.0}%", c.probability * 100.0),
                Some(c) => format!("达标概率 {:.0}%", c.probability * 100.0),
                None => String::new(),
            };
            Panel {
                chart,
                status,
                note,
            }
        })
        .collect();
    let projected: Vec<&str> = in_plan(run, region, plan)
        .map(|i| run.p.paths[i].series.name.as_str())
        .collect();
    let in_this = |s: &&crate::series::Series| {
        s.region == region && s.plan == plan && !projected.contains(&s.name.as_str())
    };
    // panels for what has no number; targets with a number but no baseline are only counted
    let no_number: Vec<&crate::series::Series> = run
        .sc
        .series
        .iter()
        .filter(in_this)
        .filter(|s| s.goals.is_empty())
        .collect();
    let no_baseline = run.sc.series.iter().filter(in_this).count() - no_number.len();
    let shown = MAX_PANELS.saturating_sub(panels.len()).min(no_number.len());
    let hidden = no_baseline + no_number.len() - shown;
    for s in no_number.into_iter().take(shown) {
        panels.push(Panel {
            chart: IndicatorChart {
                title: s.display_name(english).to_string(),
                unit: s.unit.clone(),
                years: (s.base_year, s.plan_year.max(s.base_year + 1)),
                words: words(english),
                ..IndicatorChart::default()
            },
            status: Status::NoNumericTarget,
            note: s
                .goals
                .first()
                .map(|g| g.raw.clone())
                .or_else(|| s.unquantified.first().cloned())
                .unwrap_or_default(),
        });
    }
    Dashboard {
        title: format!("{region} {plan}"),
        subtitle: match (hidden, english) {
            (0, false) => format!("情景 {}", run.sc.name),
            (0, true) => format!("scenario {}", run.sc.name),
            (n, false) => format!(
                "情景 {} · 另有 {n} 项指标无基期值、未列出 (见目标表)",
                run.sc.name
            ),
            (n, true) => format!(
                "scenario {} · {n} more indicators without a baseline not shown (see the targets table)",
                run.sc.name
            ),
        },
        panels,
        words: words(english),
    }
}

/// The probability of meeting each target of a plan.
pub fn probability(run: &Computed, region: &str, plan: &str, english: bool) -> ProbabilityChart {
    let bars = in_plan(run, region, plan)
        .flat_map(|i| {
            let s = &run.p.paths[i].series;
            run.sim.paths[i]
                .chances
                .iter()
                .map(move |c| ProbabilityBar {
                    label: if c.year == s.plan_year {
                        s.display_name(english).to_string()
                    } else {
                        format!("{} ({})", s.display_name(english), c.year)
                    },
                    probability: c.probability,
                    binding: s.binding(),
                })
        })
        .collect();
    ProbabilityChart {
        title: format!("{region} {plan}"),
        subtitle: if english {
            format!(
                "probability of meeting each target · scenario {}",
                run.sc.name
            )
        } else {
            format!("各指标达标概率 · 情景 {}", run.sc.name)
        },
        bars,
        words: words(english),
    }
}

/// Stated (or path) rate against the rate each first target requires.
pub fn feasibility(run: &Computed, region: &str, plan: &str, english: bool) -> FeasibilityMap {
    let points = in_plan(run, region, plan)
        .filter_map(|i| {
            let path = &run.p.paths[i];
            let required = path.outcomes.first()?.required_rate?;
            let stated = path
                .series
                .stated_rate
                .map_or(path.plan.plan_rate, |r| r.value);
            Some(FeasibilityPoint {
                label: path.series.display_name(english).to_string(),
                stated: stated * 100.0,
                required: required * 100.0,
                probability: run.sim.paths[i].chances.first().map(|c| c.probability),
                binding: path.series.binding(),
            })
        })
        .collect();
    FeasibilityMap {
        title: format!("{region} {plan}"),
        subtitle: if english {
            format!(
                "stated against required annual rate · scenario {}",
                run.sc.name
            )
        } else {
            format!("规划年均增速与达标所需增速 · 情景 {}", run.sc.name)
        },
        points,
        words: words(english),
    }
}
