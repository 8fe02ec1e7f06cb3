//! Per-plan charts: a dashboard of every indicator, the probability of meeting each target, and
//! stated against required rates. Shared by the report and `plansim plot`.

use super::charts::{file_stem, indicator_chart, words};
use super::computed::Computed;
use crate::chart::{Dashboard, GapChart, GapDot, Panel, ProbabilityBar, ProbabilityChart};
use crate::error::Result;
use plansim_core::assess::Status;
use plansim_core::lang::Lang;

/// One of a plan's overview charts, with the size it reads best at.
#[derive(Clone, PartialEq)]
pub enum PlanChart {
    Dashboard(String, Dashboard),
    Probability(String, ProbabilityChart),
    Gap(String, GapChart),
}

impl PlanChart {
    /// `dashboard-科尔沁区-十四五规划`.
    pub fn stem(&self) -> String {
        match self {
            PlanChart::Dashboard(s, _) => format!("dashboard-{s}"),
            PlanChart::Probability(s, _) => format!("probability-{s}"),
            PlanChart::Gap(s, _) => format!("gap-{s}"),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            PlanChart::Dashboard(..) => "dashboard",
            PlanChart::Probability(..) => "probability",
            PlanChart::Gap(..) => "gap",
        }
    }

    pub fn caption(&self, lang: Lang) -> String {
        let (title, what) = match self {
            PlanChart::Dashboard(_, c) => (&c.title, lang.say("dashboard", "指标仪表盘")),
            PlanChart::Probability(_, c) => (
                &c.title,
                lang.say(
                    "probability of meeting each target under the scenario (a what-if)",
                    "情景下达标概率（假设情景）",
                ),
            ),
            PlanChart::Gap(_, c) => (
                &c.title,
                lang.say(
                    "current against required pace, from the outturns",
                    "当前速度与所需速度之差（依据实际值）",
                ),
            ),
        };
        format!("{title} · {what}")
    }

    /// Width and height: dashboards grow with their panels, probability charts with their bars.
    pub fn size(&self) -> (u32, u32) {
        match self {
            PlanChart::Dashboard(_, d) => {
                let rows = d.panels.len().div_ceil(4).max(1) as u32;
                (1600, (rows * 300 + 140).clamp(600, 6000))
            }
            // as tall as their rows need: a plan with two bars is no 400-pixel picture
            PlanChart::Probability(_, c) => {
                (1000, (c.bars.len() as u32 * 40 + 200).clamp(280, 6000))
            }
            PlanChart::Gap(_, c) => (1000, (c.dots.len() as u32 * 40 + 250).clamp(290, 6000)),
        }
    }

    /// The chart with the scenario's `label` and colour taken out: two scenarios' charts equal
    /// in this form differ only by whose they are.
    pub fn unlabelled(&self, label: &str) -> PlanChart {
        let mut c = self.clone();
        match &mut c {
            PlanChart::Dashboard(_, d) => {
                d.subtitle = d.subtitle.replace(label, "");
                for p in &mut d.panels {
                    super::charts::unlabel(&mut p.chart);
                }
            }
            PlanChart::Probability(_, p) => p.subtitle = p.subtitle.replace(label, ""),
            PlanChart::Gap(..) => {}
        }
        c
    }

    pub fn png(&self, size: Option<(u32, u32)>) -> Result<Vec<u8>> {
        let (w, h) = size.unwrap_or_else(|| self.size());
        Ok(match self {
            PlanChart::Dashboard(_, c) => crate::chart::png(c, w, h)?,
            PlanChart::Probability(_, c) => crate::chart::png(c, w, h)?,
            PlanChart::Gap(_, c) => crate::chart::png(c, w, h)?,
        })
    }

    pub fn svg(&self, size: Option<(u32, u32)>) -> Result<String> {
        let (w, h) = size.unwrap_or_else(|| self.size());
        Ok(match self {
            PlanChart::Dashboard(_, c) => crate::chart::svg(c, w, h)?,
            PlanChart::Probability(_, c) => crate::chart::svg(c, w, h)?,
            PlanChart::Gap(_, c) => crate::chart::svg(c, w, h)?,
        })
    }
}

/// The overview charts of a plan, each when it has something to show.
pub fn plan_charts(
    run: &Computed,
    all: &[&Computed],
    region: &str,
    plan: &str,
    lang: Lang,
) -> Vec<PlanChart> {
    // a table without a plan column (the national outline) names its charts by region alone
    let stem = if plan.is_empty() {
        file_stem(region)
    } else {
        file_stem(&format!("{region}-{plan}"))
    };
    let mut out = Vec::new();
    // a plan with nothing projected (赤峰市's, no baselines) gets no blank dashboard
    let d = dashboard(run, all, region, plan, lang);
    if !d.panels.is_empty() {
        out.push(PlanChart::Dashboard(stem.clone(), d));
    }
    let p = probability(run, region, plan, lang);
    let bars: Vec<ProbabilityBar> = p.sorted().into_iter().cloned().collect();
    for (page, title, bars) in pages(&stem, &p.title, bars) {
        let chart = ProbabilityChart {
            title,
            bars,
            ..p.clone()
        };
        out.push(PlanChart::Probability(page, chart));
    }
    let g = gap(run, region, plan, lang);
    let dots: Vec<GapDot> = g.sorted().into_iter().cloned().collect();
    for (page, title, dots) in pages(&stem, &g.title, dots) {
        let chart = GapChart {
            title,
            dots,
            ..g.clone()
        };
        out.push(PlanChart::Gap(page, chart));
    }
    out
}

/// Bars a chart holds and stays readable: a plan of more targets gets its bar charts in
/// pages of this many, in the chart's order.
pub const MAX_BARS: usize = 40;

/// A chart's items in pages of at most [`MAX_BARS`], each with its file stem (the first page
/// keeps the chart's own, the next `…-2`) and title (`科尔沁区 十四五规划 (2/3)` when there
/// is more than one page).
fn pages<T>(stem: &str, title: &str, items: Vec<T>) -> Vec<(String, String, Vec<T>)> {
    let n = items.len().div_ceil(MAX_BARS);
    let mut out = Vec::with_capacity(n);
    let mut items = items.into_iter().peekable();
    let mut page = 1;
    while items.peek().is_some() {
        let chunk: Vec<T> = items.by_ref().take(MAX_BARS).collect();
        let title = if n > 1 {
            format!("{title} ({page}/{n})")
        } else {
            title.to_string()
        };
        let stem = if page == 1 {
            stem.to_string()
        } else {
            format!("{stem}-{page}")
        };
        out.push((stem, title, chunk));
        page += 1;
    }
    out
}

/// The grade of a series' first target (the plan year's), from the report's rows.
fn grade_of<'a>(
    run: &'a Computed,
    s: &plansim_core::series::Series,
) -> Option<&'a super::rows::TargetRow> {
    let of = |r: &&super::rows::TargetRow| {
        r.region == s.region && r.plan == s.plan && r.indicator == s.name
    };
    run.page
        .rows
        .iter()
        .filter(of)
        .find(|r| r.year == s.plan_year)
        .or_else(|| run.page.rows.iter().find(of))
}

/// The panel's note: the latest outturn the grade rests on, a bound as printed (`＞25`).
fn latest_note(
    row: Option<&super::rows::TargetRow>,
    chart: &crate::chart::IndicatorChart,
    lang: Lang,
) -> String {
    let latest = row.and_then(|r| r.latest);
    let year = |y: i32| {
        if lang.is_en() {
            format!(" ({y})")
        } else {
            format!("（{y}）")
        }
    };
    let word = lang.say("latest", "最新");
    if let Some(b) = latest.and_then(|(y, _)| chart.bounds.iter().find(|b| b.year == y)) {
        return format!("{word} {}{}", b.label, year(b.year));
    }
    // a period total's latest figure is its change to date in %, not a level on the axis (a
    // 2020=100 index): its unit is said
    let unit = if row.is_some_and(|r| r.rule == "period-total") {
        "%"
    } else {
        ""
    };
    let shown = |v: f64| {
        let v = plansim_core::format::number(v, plansim_core::format::Digits::Column);
        match unit {
            "%" => plansim_core::assess::words::change_to_date(&v)
                .get(lang)
                .to_string(),
            _ => v,
        }
    };
    match latest {
        Some((y, v)) => format!("{word} {}{}", shown(v), year(y)),
        None if lang.is_en() => "no outturn".into(),
        None => "无实际值".into(),
    }
}

/// Most panels on one dashboard (a plan's main table is about 20 rows; a plan with its prose
/// targets counted has 80); the rest are counted in its subtitle.
const MAX_PANELS: usize = 30;

/// (region, plan) of every series, in first-seen order.
pub fn plans(run: &Computed) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for s in &run.sc.series {
        let key = (s.region.to_string(), s.plan.to_string());
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

/// The panel's note: the unit, the target and the latest outturn.
fn panel_note(
    row: Option<&super::rows::TargetRow>,
    chart: &crate::chart::IndicatorChart,
    lang: Lang,
) -> String {
    let unit = chart.unit.as_str();
    let mut parts = Vec::new();
    if !unit.is_empty() {
        parts.push(unit.to_string());
    }
    if let Some(r) = row {
        parts.push(if lang.is_en() {
            format!("target {} {}", r.year, r.target)
        } else {
            format!("{}年目标 {}", r.year, r.target)
        });
    }
    parts.push(latest_note(row, chart, lang));
    parts.join(" · ")
}

/// Every projected indicator of a plan as small multiples, behind first; the targets without a
/// number or a baseline are counted in the subtitle, not drawn as empty panels. `all` is the
/// batch, for the scenario's colour.
pub fn dashboard(
    run: &Computed,
    all: &[&Computed],
    region: &str,
    plan: &str,
    lang: Lang,
) -> Dashboard {
    let mut panels: Vec<Panel> = in_plan(run, region, plan)
        .map(|i| {
            let mut chart = indicator_chart(run, i, all, lang);
            // the panel shows this scenario only, in its batch colour
            chart.scenarios.truncate(1);
            chart.title = run.p.paths[i].series.display_name(lang).to_string();
            let row = grade_of(run, &run.p.paths[i].series);
            let status = row.map_or(Status::InsufficientData, |r| r.status);
            let note = panel_note(row, &chart, lang);
            Panel {
                chart,
                status,
                note,
            }
        })
        .collect();
    // stable: within a grade, the table's order
    panels.sort_by_key(|p| p.status.urgency());
    let projected: Vec<&str> = in_plan(run, region, plan)
        .map(|i| run.p.paths[i].series.name.as_str())
        .collect();
    let not_drawn = run
        .sc
        .series
        .iter()
        .filter(|s| s.region == region && s.plan == plan && !projected.contains(&s.name.as_str()))
        .count();
    let beyond = panels.len().saturating_sub(MAX_PANELS);
    panels.truncate(MAX_PANELS);
    let hidden = beyond + not_drawn;
    let name = &run.page.named.label;
    Dashboard {
        title: format!("{region} {plan}"),
        subtitle: match (hidden, lang.is_en()) {
            (0, false) => format!("情景 {name} · 按评估排序，滞后在前"),
            (0, true) => format!("scenario {name} · sorted by grade, behind first"),
            (n, false) => format!(
                "情景 {name} · 按评估排序，滞后在前 · 另有 {n} 项指标无图（无数值目标或无基期值，见目标表）"
            ),
            (n, true) => format!(
                "scenario {name} · sorted by grade, behind first · {n} more without a chart (no numeric target or baseline: see the targets table)"
            ),
        },
        panels,
        words: words(lang),
    }
}

/// The probability of meeting each target of a plan.
pub fn probability(run: &Computed, region: &str, plan: &str, lang: Lang) -> ProbabilityChart {
    let bars = in_plan(run, region, plan)
        .flat_map(|i| {
            let s = &run.p.paths[i].series;
            // a σ set by hand is the user's judgment, not the outturns': the bar says so
            let hand = if run.sim.paths[i].sigma_from.by_hand() {
                super::words::set_by_hand(lang)
            } else {
                ""
            };
            run.sim.paths[i]
                .chances
                .iter()
                .map(move |c| ProbabilityBar {
                    label: if c.year == s.plan_year {
                        format!("{}{hand}", s.display_name(lang))
                    } else {
                        format!("{} ({}){hand}", s.display_name(lang), c.year)
                    },
                    probability: c.probability,
                    binding: s.binding(),
                })
        })
        .collect();
    ProbabilityChart {
        title: format!("{region} {plan}"),
        subtitle: if lang.is_en() {
            format!(
                "probability of meeting each target under scenario {} (a what-if, not a grade; only targets with outturns or a volatility set by hand: none without)",
                run.page.named.label
            )
        } else {
            format!(
                "情景 {} 下各指标达标概率（假设情景，非评估；仅限有实际值或手设波动率的指标）",
                run.page.named.label
            )
        },
        bars,
        words: words(lang),
    }
}

/// The normal quantile of a two-sided 90 % interval, as the fans' P5–P95.
const Z90: f64 = 1.644_853_626_951_472_2;

/// Half the 90 % interval of a pace averaged over the years from `base_year` to `latest`,
/// when σ of the yearly changes is known: 1.645 σ/√n.
fn pace_interval(sigma: Option<f64>, base_year: i32, latest: Option<i32>) -> Option<f64> {
    let (sigma, n) = (sigma?, f64::from(latest? - base_year));
    (n >= 1.0).then(|| Z90 * sigma / n.sqrt())
}

/// Every target of a plan the outturns give a current and a required pace for: current −
/// required, with the 90 % interval of the current pace. The current pace is the average of
/// the n yearly changes from the base year to the latest outturn, so its standard error is
/// σ/√n (σ of the yearly changes), not σ: ±σ would say how far one year may stray, not how
/// well the pace is known. The plan's stated rate against the rate its own target implies is
/// `check`'s arithmetic, not evidence, and is not drawn.
pub fn gap(run: &Computed, region: &str, plan: &str, lang: Lang) -> GapChart {
    let dots = run
        .page
        .rows
        .iter()
        .filter(|r| r.region == region && r.plan == plan)
        .filter(|r| matches!(r.pace_unit.as_str(), "% a year" | "points a year"))
        .filter(|r| plansim_core::assess::gap_is_pace(r.rule))
        .filter_map(|r| {
            // the table's gap, not one of its own: current − required pace, good side positive
            let gap = r.gap?;
            let unit = plansim_core::assess::words::unit(&r.pace_unit);
            let half_width = pace_interval(r.sigma, r.base_year, r.latest.map(|l| l.0));
            Some(GapDot {
                label: format!("{} ({}, {})", r.name(lang), r.year, unit.get(lang)),
                gap,
                half_width,
                status: r.status,
            })
        })
        .collect();
    GapChart {
        title: format!("{region} {plan}"),
        subtitle: if lang.is_en() {
            "current − required pace from the outturns; whiskers: 90% interval of the current pace (1.645 sd/√years); left of zero the pace must rise".into()
        } else {
            "依据实际值：当前速度 − 所需速度；横线为当前速度的90%区间（1.645×标准差/√年数）；零线左侧需加快"
                .into()
        },
        dots,
        axis: if lang.is_en() {
            "gap = current − required pace (% a year for levels, points a year for shares; for a target that falls, a faster fall is ahead)".into()
        } else {
            "差距 = 当前速度 − 所需速度（水平值按%/年，比重按个百分点/年；下降类指标降得更快为正）"
                .into()
        },
        note: lang
            .say(
                "the grade reads the progress made so far, the gap what the remaining years need: a target on track so far may still have to speed up",
                "评估看至今完成的进度，差距看剩余年份所需的速度：进度符合预期的目标，剩余年份仍可能须加快",
            )
            .into(),
        words: words(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::pace_interval;

    /// 科尔沁区's GDP under the hypothetical outturns: three yearly changes 2021–23 (6, 3, 5 %),
    /// mean 4.667, sample sd √((1.333² + 1.667² + 0.333²)/2) = √2.333 = 1.5275 points; the
    /// pace's 90 % half-width is 1.645 · 1.5275/√3 = 1.4506 points, not one year's 1.5275.
    #[test]
    fn the_interval_is_of_the_average_pace() {
        let sd = (7.0f64 / 3.0).sqrt();
        let w = pace_interval(Some(sd), 2020, Some(2023)).unwrap();
        assert!((w - 1.4506).abs() < 1e-4, "{w}");
        assert_eq!(pace_interval(Some(sd), 2020, Some(2020)), None);
        assert_eq!(pace_interval(None, 2020, Some(2023)), None);
    }
}
