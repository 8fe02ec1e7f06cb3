//! The four chart kinds built from sample rows.

use super::Row;
use plansim_core::assess::Status;
use plansim_report::chart::{
    Dashboard, FeasibilityMap, FeasibilityPoint, IndicatorChart, Line, Milestone, Panel,
    ProbabilityBar, ProbabilityChart, TargetMark, Words,
};

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
            colour: 0,
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
                colour: 1,
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
        bounds: Vec::new(),
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
        forecast_from: r.actuals().iter().map(|a| a.0).max().or(Some(r.base_year)),
        hypothetical: false,
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

/// A made-up grade for the sample's panels (the sample has no outturns to grade from): the
/// made-up probability banded into 基本符合预期, 滞后于预期 and 未实现, to show every colour.
pub fn status(r: &Row) -> Status {
    match r.probability() {
        None => Status::Qualitative,
        Some(p) if p >= 0.75 => Status::OnTrack,
        Some(p) if p >= 0.4 => Status::Lagging,
        Some(_) => Status::Missed,
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
