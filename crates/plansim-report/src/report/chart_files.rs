//! Every chart file of a scenario: its indicator charts and its plans' overview charts
//! (dashboard, probability, gap), each drawn once in a batch — a chart equal to an earlier
//! scenario's is that one's.

use super::Options;
use super::charts::{indicator_chart, indicator_stem, same_series, unlabel};
use super::computed::Computed;
use super::page::Page;
use super::plan_charts::{PlanChart, plan_charts, plans};
use crate::chart::IndicatorChart;
use crate::error::Result;
use plansim_core::lang::Lang;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Images drawn at once, then staged before the next are drawn: a folder's images were all held
/// until the folder was written (some 35 kB each: 614 MB for 10⁴ indicators, 139 MB now).
const AT_ONCE: usize = 64;

/// Renders every chart of a scenario, hands each file to `put` (its path in the folder and its
/// bytes) a few at a time as they are drawn, and records them on its page. An indicator chart equal,
/// label and colour of its own line aside, to one an earlier scenario of the batch draws (the
/// baseline first) is not drawn again: the page shows that one. Draws are keyed by indicator
/// (common random numbers), so an indicator a scenario leaves alone has the same numbers in
/// both, and the bundled set draws about 190 indicator charts instead of 760.
pub fn render(
    run: &Computed,
    all: &[&Computed],
    page: &mut Page,
    opts: &Options,
    put: &mut dyn FnMut(&Path, &[u8]) -> Result<()>,
) -> Result<()> {
    let lang = opts.lang;
    let (w, h) = opts.size;
    let drawn: Vec<(IndicatorChart, Option<(&Computed, usize)>)> = (0..run.p.paths.len())
        .into_par_iter()
        .map(|i| {
            let chart = indicator_chart(run, i, all, lang);
            let owner = drawn_before(run, i, &chart, all, lang);
            (chart, owner)
        })
        .collect();
    let fresh: Vec<usize> = (0..drawn.len()).filter(|&i| drawn[i].1.is_none()).collect();
    for some in fresh.chunks(AT_ONCE) {
        let files: Vec<(PathBuf, Vec<u8>)> = some
            .par_iter()
            .map(|&i| -> Result<(PathBuf, Vec<u8>)> {
                let name = format!("charts/{}.png", indicator_stem(run, i));
                Ok((PathBuf::from(name), crate::chart::png(&drawn[i].0, w, h)?))
            })
            .collect::<Result<_>>()?;
        for (name, bytes) in files {
            put(&name, &bytes)?;
        }
    }
    for (i, (_, owner)) in drawn.iter().enumerate() {
        let s = &run.p.paths[i].series;
        let (name, caption) = match owner {
            None => (
                format!("charts/{}.png", indicator_stem(run, i)),
                format!("{} {}", s.region, s.name),
            ),
            Some((o, j)) => (
                format!("../{}/charts/{}.png", o.sc.name, indicator_stem(o, *j)),
                as_in(&format!("{} {}", s.region, s.name), o, lang),
            ),
        };
        page.indicator_charts.push((name.clone(), caption));
        page.chart_of_path.insert(i, name);
    }
    // the overview charts (a dashboard holds up to 30 panels) are drawn in parallel too, or
    // the batch's last scenario draws them alone on one core; one equal to an earlier
    // scenario's, label aside, is that one
    let mut overview: Vec<(PlanChart, Option<&Computed>)> = Vec::new();
    for (region, plan) in plans(run) {
        // each earlier scenario's charts of this plan, made once
        let before: Vec<(&Computed, Vec<PlanChart>)> = earlier(run, all, &region)
            .into_iter()
            .map(|o| (o, plan_charts(o, all, &region, &plan, lang)))
            .collect();
        for chart in plan_charts(run, all, &region, &plan, lang) {
            let mine = chart.unlabelled(&run.page.named.label);
            let owner = before
                .iter()
                .find(|(o, theirs)| {
                    theirs.iter().any(|t| {
                        t.stem() == chart.stem() && t.unlabelled(&o.page.named.label) == mine
                    })
                })
                .map(|(o, _)| *o);
            overview.push((chart, owner));
        }
    }
    for some in overview.chunks(AT_ONCE) {
        let drawn: Vec<Option<Vec<u8>>> = some
            .par_iter()
            .map(|(chart, owner)| match owner {
                None => chart.png(None).map(Some),
                Some(_) => Ok(None),
            })
            .collect::<Result<_>>()?;
        for ((chart, owner), bytes) in some.iter().zip(drawn) {
            let name = format!("charts/{}.png", chart.stem());
            match (owner, bytes) {
                (Some(o), _) => page.overview_charts.push((
                    format!("../{}/{name}", o.sc.name),
                    as_in(&chart.caption(lang), o, lang),
                )),
                (None, Some(bytes)) => {
                    put(Path::new(&name), &bytes)?;
                    page.overview_charts.push((name, chart.caption(lang)));
                }
                (None, None) => {}
            }
        }
    }
    Ok(())
}

/// A borrowed chart's caption: `… （同基准情景）`.
fn as_in(caption: &str, owner: &Computed, lang: Lang) -> String {
    if lang.is_en() {
        match caption.strip_suffix(')') {
            Some(open) => format!("{open}; as in {})", owner.page.named.label),
            None => format!("{caption} (as in {})", owner.page.named.label),
        }
    } else {
        match caption.strip_suffix('）') {
            // `…（假设情景）` becomes `…（假设情景；同基准情景）`
            Some(open) => format!("{open}；同{}）", owner.page.named.label),
            None => format!("{caption}（同{}）", owner.page.named.label),
        }
    }
}

/// The scenarios drawn before `run` that hold `region`: the one named `baseline` first, then
/// the batch's order.
fn earlier<'a>(run: &Computed, all: &[&'a Computed], region: &str) -> Vec<&'a Computed> {
    let mut order: Vec<&'a Computed> = all.to_vec();
    order.sort_by_key(|c| c.sc.name != "baseline");
    order
        .into_iter()
        .take_while(|o| o.sc.name != run.sc.name)
        .filter(|o| o.regions.contains(region))
        .collect()
}

/// The scenario, and its path, that draws a chart equal to `chart` (path `i` of `run`), if one
/// comes before `run` in drawing order: the scenario named `baseline`, then the batch's order.
/// Equality is an equivalence, so the first equal one draws the chart itself.
fn drawn_before<'a>(
    run: &'a Computed,
    i: usize,
    chart: &IndicatorChart,
    all: &'a [&'a Computed],
    lang: Lang,
) -> Option<(&'a Computed, usize)> {
    let path = &run.p.paths[i];
    let mut mine = chart.clone();
    unlabel(&mut mine);
    for other in earlier(run, all, &path.series.region) {
        let Some(j) = other.p.paths.iter().position(|q| same_series(q, path)) else {
            continue;
        };
        let mut theirs = indicator_chart(other, j, all, lang);
        unlabel(&mut theirs);
        if theirs == mine {
            return Some((other, j));
        }
    }
    None
}
