//! Projections and simulations mapped onto the chart types: an indicator chart per path, with
//! every scenario's path of the same indicator; the per-plan charts are in `plan_charts`.

use super::computed::Computed;
use crate::chart::{
    Fan, FanYear, IndicatorChart, Line, Milestone, OutturnBound, TargetKind, TargetMark, Words,
};
use plansim_core::assess::ambition::kept_words;
use plansim_core::format::{self, Digits, number};
use plansim_core::lang::Lang;
use plansim_core::meaning::GoalKind;
use plansim_core::project::Path as ProjPath;
use plansim_core::table::Direction;

pub(super) fn words(lang: Lang) -> Words {
    Words::new(lang)
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

/// A rate to one decimal: `7.1%`.
fn pct(r: f64) -> String {
    format::percent(r, 1)
}

/// A pace as a rise or a fall, not a sign: ` 2.1%` / `下降 2.9%` (`up 2.1%`, `down 2.9%` in
/// English, after `path`/`required`); `-2.9%` under `…降低` read as a rise.
fn moved(r: f64, lang: Lang) -> String {
    match (r < 0.0 && pct(-r) != pct(0.0), lang.is_en()) {
        (true, false) => format!("下降 {}", pct(-r)),
        (true, true) => format!("down {}", pct(-r)),
        (false, false) => format!(" {}", pct(r)),
        (false, true) => pct(r),
    }
}

/// The subtitle: stated against required rate and the probability of the first target.
fn subtitle(run: &Computed, i: usize, lang: Lang) -> String {
    let path = &run.p.paths[i];
    let o = path.outcomes.first();
    // once the target year's outturn is in, the outturn settles it: no pace still required
    // and no chance of what is already known (the grade says met or missed)
    let rows = || run.page.rows.iter().filter(move |r| r.path == Some(i));
    let settled = |year: i32| rows().any(|r| r.ended && r.year == year);
    let chance = run.sim.paths[i]
        .chances
        .first()
        .filter(|c| !settled(c.year));
    let mut parts = Vec::new();
    let stated = path.series.stated_rate.map(|r| r.value);
    // the drawn path's own pace, where the required one counts from (the latest outturn, else
    // the baseline) to the target's year: a share's logistic rate (2.3 %) matched no path
    // drawn (66.2 → 68.96 over two years is 2.1 % a year)
    let drawn = o
        .and_then(|o| {
            // once the target year's outturn is in, the whole path is outturns: from the base
            let settled = path.actuals.iter().any(|a| a.0 == o.goal.year);
            let (y0, v0) = path
                .actuals
                .iter()
                .filter(|a| a.0 < o.goal.year && !settled)
                .max_by_key(|a| a.0)
                .map_or((path.plan.start_year, path.plan.start), |a| (a.0, a.1));
            let k = run.p.years.iter().position(|&y| y == o.goal.year)?;
            let v1 = run.p.values.row(i)[k];
            let n = f64::from(o.goal.year - y0);
            (v0 > 0.0 && v1 > 0.0 && n > 0.0).then(|| (v1 / v0).powf(1.0 / n) - 1.0)
        })
        .unwrap_or(path.plan.plan_rate);
    match (stated, lang.is_en()) {
        (Some(r), false) => parts.push(format!("规划年均 {}", pct(r))),
        (Some(r), true) => parts.push(format!("stated {}/yr", pct(r))),
        (None, false) => parts.push(format!("路径年均{}", moved(drawn, lang))),
        (None, true) => parts.push(format!("path {}/yr", moved(drawn, lang))),
    }
    // an upper bound the baseline already meets asks for no growth: its headroom is the news
    let headroom = o.and_then(|o| match o.goal.kind {
        GoalKind::AtMost { value, .. } if path.plan.start <= value => Some(value - path.plan.start),
        _ => None,
    });
    // a target met by the latest outturn asks for no rate either (the pages' rule)
    let kept = rows().any(|r| r.kept);
    if kept {
        parts.push(kept_words().get(lang).to_string());
    } else if let Some(room) = headroom {
        parts.push(if lang.is_en() {
            format!("headroom to the limit {}", number(room, Digits::Fixed(2)))
        } else {
            format!("距上限尚有 {}", number(room, Digits::Fixed(2)))
        });
    } else if let Some(r) = o
        .filter(|o| !settled(o.goal.year))
        .and_then(|o| o.required_rate)
    {
        parts.push(if lang.is_en() {
            format!("required {}/yr", moved(r, lang))
        } else {
            format!("所需年均{}", moved(r, lang))
        });
    }
    if let Some(c) = chance {
        // a σ set by hand is the user's judgment, not the outturns': said beside the chance
        let hand = run.sim.paths[i].sigma_from.by_hand();
        parts.push(match (lang.is_en(), hand) {
            (true, h) => format!(
                "P(meet {} | scenario) = {}{}",
                c.year,
                format::chance(c.probability),
                if h {
                    super::words::set_by_hand(lang)
                } else {
                    ""
                }
            ),
            (false, h) => format!(
                "情景下{}年达标概率 {}{}",
                c.year,
                format::chance(c.probability),
                if h {
                    super::words::set_by_hand(lang)
                } else {
                    ""
                }
            ),
        });
    }
    let s = &path.series;
    if let Some(r) = run
        .page
        .rows
        .iter()
        .find(|r| r.region == s.region && r.plan == s.plan && r.indicator == s.name)
    {
        parts.push(if lang.is_en() {
            format!("grade: {}", r.status.label(Lang::En))
        } else {
            format!("评估：{}", r.status.zh())
        });
    }
    parts.join(" · ")
}

fn target_kind(kind: &GoalKind, dir: Direction) -> TargetKind {
    match *kind {
        GoalKind::AtLeast { value, .. } => TargetKind::Floor(value),
        GoalKind::AtMost { value, .. } => TargetKind::Ceiling(value),
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

pub(super) fn same_series(a: &ProjPath, b: &ProjPath) -> bool {
    a.series.region == b.series.region
        && a.series.plan == b.series.plan
        && a.series.name == b.series.name
}

/// The indicator chart of path `i`, with the other scenarios' paths of the same indicator.
pub fn indicator_chart(run: &Computed, i: usize, all: &[&Computed], lang: Lang) -> IndicatorChart {
    let path = &run.p.paths[i];
    let s = &path.series;
    let last_year = super::facts::shown_until(&run.p, i, &run.page.rules);
    // the fan starts where the evidence ends: at the last outturn, else the base year
    let hypothetical = run.page.rows.iter().any(|r| {
        r.region == s.region && r.plan == s.plan && r.indicator == s.name && r.hypothetical
    });
    let bounds: Vec<OutturnBound> = run
        .bounds_of(i)
        .iter()
        .map(|&(year, value, side, ref text)| OutturnBound {
            year,
            value,
            at_least: side == plansim_core::actuals::Side::AtLeast,
            label: bound_label(text, value, side),
        })
        .collect();
    // the outturn a level's grade rests on is drawn, also where the path's outturns stop
    // earlier (a later figure matched to the row but not chained onto the path)
    let mut actuals = path.actuals.clone();
    let latest = run
        .page
        .rows
        .iter()
        .filter(|r| r.region == s.region && r.plan == s.plan && r.indicator == s.name)
        .filter(|r| {
            matches!(r.rule, "reach" | "hold") && s.shape == plansim_core::series::Shape::Level
        })
        .find_map(|r| r.latest);
    if let Some((y, v)) = latest.filter(|(y, v)| {
        v.is_finite() && !actuals.iter().any(|a| a.0 == *y) && !bounds.iter().any(|b| b.year == *y)
    }) {
        actuals.push((y, v));
        actuals.sort_by_key(|a| a.0);
    }
    let last_actual = actuals.iter().map(|a| a.0).max();
    let forecast_from = last_actual.unwrap_or(path.plan.start_year);
    let targets = path
        .outcomes
        .iter()
        .map(|o| TargetMark {
            year: o.goal.year,
            kind: target_kind(&o.goal.kind, s.direction),
            label: if lang.is_en() {
                format!("{} target {}", o.goal.year, o.goal.raw)
            } else {
                format!("{}年目标 {}", o.goal.year, o.goal.raw)
            },
        })
        .collect();
    IndicatorChart {
        title: format!(
            "{} · {}",
            s.region,
            if lang.is_en() && !s.name_en.is_empty() {
                &s.name_en
            } else {
                &s.name
            }
        ),
        subtitle: subtitle(run, i, lang),
        unit: s.unit.to_string(),
        years: (path.plan.start_year, last_year),
        base: Some((path.plan.start_year, path.plan.start)),
        actuals,
        bounds,
        scenarios: scenario_lines(run, i, all, last_year, lang),
        fan: Some(fan(run, i, forecast_from, last_year)),
        targets,
        ceiling: s.ceiling,
        // the projection's horizon is the vision year; a one-year plan a rule carries a year
        // further just ends there
        milestones: milestones(
            s.plan_year,
            last_year,
            run.p.years.last() == Some(&last_year),
            lang,
        ),
        forecast_from: Some(forecast_from),
        hypothetical,
        words: words(lang),
    }
}

/// A bound outturn as printed up to its first note (`＞60（“超过60%”）` → `＞60`), else by its
/// side (`＞60`, `≤5.5`).
fn bound_label(text: &str, value: f64, side: plansim_core::actuals::Side) -> String {
    let cut = text
        .split(['（', '('])
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    if !cut.is_empty() {
        return cut;
    }
    let sign = if side == plansim_core::actuals::Side::AtLeast {
        "＞"
    } else {
        "≤"
    };
    format!("{sign}{}", number(value, Digits::Significant))
}

/// The run's path of the indicator, then each other scenario's that differs, up to `last_year`;
/// a scenario's colour is its place in the batch, the same on every page.
fn scenario_lines(
    run: &Computed,
    i: usize,
    all: &[&Computed],
    last_year: i32,
    lang: Lang,
) -> Vec<Line> {
    let path = &run.p.paths[i];
    let slot = |c: &Computed| all.iter().position(|o| o.sc.name == c.sc.name).unwrap_or(0);
    let upto = |v: Vec<(i32, f64)>| -> Vec<(i32, f64)> {
        v.into_iter().filter(|p| p.0 <= last_year).collect()
    };
    let mut scenarios = vec![Line {
        name: run.page.named.label.clone(),
        points: upto(line(run, i)),
        colour: slot(run),
    }];
    for other in all
        .iter()
        .filter(|o| o.regions.contains(path.series.region.as_str()) && o.sc.name != run.sc.name)
    {
        if let Some(j) = other.p.paths.iter().position(|q| same_series(q, path)) {
            // each scenario's line ends where that scenario's own chart ends
            let theirs = super::facts::shown_until(&other.p, j, &other.page.rules);
            let points: Vec<(i32, f64)> = upto(line(other, j))
                .into_iter()
                .filter(|p| p.0 <= theirs)
                .collect();
            // one axis, one base: another plan's index (2025=100 on a 2020=100 chart) is
            // rebased onto this one where both are indices and this line knows its base year;
            // any other difference of unit is left off
            let mut name = other.page.named.label.clone();
            let points = if other.p.paths[j].series.unit == path.series.unit {
                points
            } else {
                let q = &other.p.paths[j].series;
                let indices = [q.shape, path.series.shape]
                    .iter()
                    .all(|s| *s == plansim_core::series::Shape::ChangeIndex);
                match rebase(&scenarios[0].points, q.base_year, indices, points) {
                    // a rebased line that is one point repeats ours at its base year
                    Some(p) if p.len() >= 2 => {
                        name = format!("{name} {}", rebased_word(&path.series.unit, lang));
                        p
                    }
                    _ => continue,
                }
            };
            if !scenarios.iter().any(|l| l.points == points) {
                scenarios.push(Line {
                    name,
                    points,
                    colour: slot(other),
                });
            }
        }
    }
    scenarios
}

/// `theirs` (an index, 100 in its base year) on the axis of `ours` (an index of another base
/// year): times our line's value in their base year / 100. `None` unless both are change
/// indices and our line has that year.
fn rebase(
    line: &[(i32, f64)],
    their_base: i32,
    indices: bool,
    points: Vec<(i32, f64)>,
) -> Option<Vec<(i32, f64)>> {
    let at = line
        .iter()
        .find(|p| p.0 == their_base)
        .map(|p| p.1)
        .filter(|v| indices && v.is_finite())?;
    Some(
        points
            .into_iter()
            .map(|(y, v)| (y, v * at / 100.0))
            .collect(),
    )
}

/// The legend's note on a rebased line: `(按2020=100换算)`.
fn rebased_word(unit: &str, lang: Lang) -> String {
    if lang.is_en() {
        format!("(rebased to {unit})")
    } else {
        format!("(按{unit}换算)")
    }
}

/// The simulation's bands of path `i` from `forecast_from` to `last_year`.
fn fan(run: &Computed, i: usize, forecast_from: i32, last_year: i32) -> Fan {
    Fan {
        years: run
            .p
            .years
            .iter()
            .zip(run.sim.paths[i].bands.iter())
            .filter(|(year, b)| b.p50.is_finite() && **year >= forecast_from && **year <= last_year)
            .map(|(&year, b)| FanYear {
                year,
                p5: b.p5,
                p25: b.p25,
                p50: b.p50,
                p75: b.p75,
                p95: b.p95,
            })
            .collect(),
    }
}

/// The plan's target year, and the horizon when it lies beyond and is the vision year.
fn milestones(plan_year: i32, horizon: i32, vision: bool, lang: Lang) -> Vec<Milestone> {
    let mut milestones = vec![Milestone {
        year: plan_year,
        // drawn after the year: `2025 十四五末`
        label: match (plan_year, lang.is_en()) {
            (2025, false) => "十四五末".into(),
            (2025, true) => "end of 14th FYP".into(),
            (_, false) => "目标年".into(),
            (_, true) => "target year".into(),
        },
    }];
    if vision && horizon > plan_year {
        milestones.push(Milestone {
            year: horizon,
            label: if lang.is_en() {
                "horizon".into()
            } else {
                "远景".into()
            },
        });
    }
    milestones
}

/// Takes out whose chart it is: the name and colour of its own (first) line.
pub(super) fn unlabel(c: &mut IndicatorChart) {
    if let Some(own) = c.scenarios.first_mut() {
        own.name.clear();
        own.colour = 0;
    }
}

/// `020-科尔沁区-地区生产总值`: the file stem of path `i`'s chart.
pub fn indicator_stem(run: &Computed, i: usize) -> String {
    let s = &run.p.paths[i].series;
    format!(
        "{:03}-{}-{}",
        i + 1,
        file_stem(&s.region),
        file_stem(&s.name)
    )
}

#[cfg(test)]
mod tests {
    use super::rebase;

    /// national.csv prints the urbanisation rate of 2020 as `＞60（“超过60%”）`: a bound, not a
    /// value. The report lets the table and its outturns go once the target rows are made;
    /// the indicator chart still draws the bound, at least 60 in 2020, labelled as printed up
    /// to its note.
    #[test]
    fn a_bound_outturn_is_drawn_once_the_table_is_let_go() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let opts = crate::report::Options {
            draws: Some(200),
            ..Default::default()
        };
        let memo = plansim_core::simulate::Memo::default();
        let run = crate::report::scenario::compute(
            &root.join("scenarios/national-14th.toml"),
            &opts,
            &memo,
        )
        .unwrap();
        assert!(run.sc.indicators.is_empty() && run.sc.all_outturns.is_empty());
        let i = run
            .p
            .paths
            .iter()
            .position(|x| x.series.name.starts_with("常住人口城镇化率"))
            .unwrap();
        let chart = super::indicator_chart(&run, i, &[&run], plansim_core::lang::Lang::Zh);
        let b: Vec<_> = chart
            .bounds
            .iter()
            .map(|b| (b.year, b.value, b.at_least, b.label.as_str()))
            .collect();
        assert_eq!(b, [(2020, 60.0, true, "＞60")]);
    }

    /// The national CO₂ intensity: 2020=100 falls to 87.6 by 2025; the 15th plan's index
    /// (2025=100, 17 % down by 2030: 83) on that axis is 87.6 in 2025 and 87.6·0.83 = 72.708
    /// in 2030.
    #[test]
    fn another_base_is_rebased_or_left_off() {
        let ours = [(2020, 100.0), (2025, 87.6)];
        let theirs = vec![(2025, 100.0), (2030, 83.0)];
        let r = rebase(&ours, 2025, true, theirs.clone()).unwrap();
        assert!(
            (r[0].1 - 87.6).abs() < 1e-9 && (r[1].1 - 72.708).abs() < 1e-9,
            "{r:?}"
        );
        // not both indices, or our line lacks their base year: left off
        assert!(rebase(&ours, 2025, false, theirs.clone()).is_none());
        assert!(rebase(&ours, 2026, true, theirs).is_none());
    }
}
