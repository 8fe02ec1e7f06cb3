//! One scenario's report folder: projection, simulation, probabilities, findings, charts and
//! pages, each staged as it is made.

use super::Options;
use super::deliver::Folder;
use super::facts::{Facts, PathFacts};
use super::page::{Page, Summary};
use super::rows::{each_target_row, target_rows};
use crate::error::{Error, Result};
use plansim_core::export;
use plansim_core::lang::Lang;
use plansim_core::scenario::Scenario;
use plansim_core::table::LoadOptions;
use std::path::Path;

use super::computed::{Bound, Computed};

/// Runs a scenario: projection, simulation, the consistency audit and the target rows.
pub fn compute(
    path: &Path,
    opts: &Options,
    memo: &plansim_core::simulate::Memo,
) -> Result<Computed> {
    use plansim_core::run::{self, Input, Stages};
    let lang = opts.lang;
    let mut with = run::Options {
        outturn_files: opts.outturn_files.clone(),
        load: LoadOptions {
            lenient: !opts.strict,
            region: opts.region.clone(),
            ..LoadOptions::default()
        },
        draws: opts.draws,
        seed: opts.seed,
        jobs: 0,
        lang,
        memo: Some(memo.clone()),
        ..run::Options::default()
    };
    let memory = plansim_core::simulate::machine_memory();
    // before any table is read: a text table's lines bound its rows
    check_size(table_lines(path), path, memory, opts.charts, lang)?;
    // without charts the paths are made one at a time, each series as its path is
    with.series_on_demand = !opts.charts;
    let sc = run::scenario(Input::Path(path.to_path_buf()), &with)?;
    check_name(&sc.name, path)?;
    // a workbook's rows are known once read
    check_size(sc.indicators.len(), path, memory, opts.charts, lang)?;
    // the audit looks as far as the scenario projects
    with.check_horizon = Some(sc.horizon());
    let set = with.settings(&sc);
    // a target stated against another row's growth (`高于GDP增长`) reads the other row's
    // path: only the projection made whole holds both
    if !opts.charts && !plansim_core::project::stream::reads_other_paths(&sc) {
        return streamed(sc, &with, &set, lang);
    }
    // every status is assess's, from the outturns; the simulation is the scenario's what-if
    let run::Results {
        scenario: sc,
        projection: p,
        simulation,
        findings,
        ..
    } = run::from_scenario(
        sc,
        &with,
        Stages {
            assess: false,
            ..Stages::ALL
        },
    )?;
    let sim = simulation.ok_or_else(|| Error::invalid("the simulation did not run"))?;
    let rules = plansim_core::explain::explain(&sc)?;
    // each grade made as its row is, never all held (some 2 kB a target with their
    // sentences in both languages)
    let aliases = with.aliases();
    let mut facts = Facts::Held(PathFacts::of_projection(&p, &sim, &rules));
    let rows = target_rows(
        &sc,
        &mut facts,
        &p.relations,
        run::grades(&sc, &aliases, &with),
    )?;
    drop(facts);
    let mut c = assembled(
        sc, p, sim, findings, rows, rules, set.draws, opts.lang, None,
    )?;
    if opts.charts {
        c.bounds = bounds(&c.sc, &c.p);
    }
    // nothing reads the table's rows again: each target row carries what the workbook reads
    // of its row (`TargetRow::meant`), the paths their series, `Computed::bounds` what the
    // charts draw of the outturns. Some 650 bytes a row held to the end otherwise, and with
    // an outturn for every row 600 more (two lists of every outturn, read and matched, and
    // the matches)
    c.sc.indicators = Vec::new();
    c.sc.outturns = Default::default();
    c.sc.all_outturns = Vec::new();
    Ok(c)
}

/// [`compute`] without charts: each path projected, simulated, read into its target rows'
/// facts and written to the spill, then let go. Holds the table's rows, the findings and the
/// target rows, not the projection, series or simulation (some 900 bytes a row); the CSVs
/// and the workbook's long sheets read the spill. The same numbers as the projection made
/// whole: `simulate::stream` is `simulate`'s paths in its order.
fn streamed(
    mut sc: Scenario,
    with: &plansim_core::run::Options,
    set: &plansim_core::simulate::Settings,
    lang: Lang,
) -> Result<Computed> {
    use plansim_core::{project, run, simulate};
    // what reading the table freed (its text, its records) given back before the paths
    simulate::return_freed_memory();
    let findings = run::findings(&mut sc, with);
    let outline = project::stream::outline(&sc)?;
    let rules = plansim_core::explain::explain(&sc)?;
    let horizon = outline
        .years
        .last()
        .copied()
        .unwrap_or_else(|| sc.horizon());
    let mut facts = super::facts::Writer::new(outline.paths)?;
    let mut spill = super::spill::Writer::new()?;
    let mut regions = std::collections::HashSet::new();
    simulate::stream::each_path(&sc, &outline.years, set, |path, values, sp| {
        let first = outline
            .years
            .first()
            .copied()
            .unwrap_or(path.plan.start_year);
        let from = (path.plan.start_year - first) as usize;
        let years = outline.years.get(from..from + values.len()).unwrap_or(&[]);
        facts.push(&PathFacts::of(path, years, values, sp, horizon, &rules))?;
        if !regions.contains(&*path.series.region) {
            regions.insert(path.series.region.to_string());
        }
        let chances = export::path_chance_rows(&sc.name, path, sp, horizon);
        spill.push(path, values, sp, &outline.years, chances)
    })?;
    let spill = spill.finish()?;
    let mut facts = facts.finish()?;
    // the target rows kept on disk while the table is held, and read back once it is let go
    let aliases = with.aliases();
    let mut stored = super::row_spill::Writer::new(sc.indicators.len())?;
    let grades = run::grades(&sc, &aliases, with);
    each_target_row(&sc, &mut facts, &[], grades, |r| stored.push(&r))?;
    drop(facts);
    let unmatched = unmatched_outturns(&sc, lang);
    // what the pages and workbook read of the table's rows is in the target rows
    sc.indicators = Vec::new();
    sc.outturns = Default::default();
    sc.all_outturns = Vec::new();
    simulate::return_freed_memory();
    let rows = stored.finish()?.read()?;
    let years = outline.years.clone();
    let p = outline.without_paths(sc.name.clone());
    let sim = simulate::Simulation {
        scenario: sc.name.clone(),
        draws: set.draws,
        seed: set.seed,
        years,
        paths: Vec::new(),
    };
    let mut c = assembled(
        sc,
        p,
        sim,
        findings,
        rows,
        rules,
        set.draws,
        lang,
        Some(unmatched),
    )?;
    c.page.projected = spill.paths();
    c.regions = regions;
    c.spill = Some(spill);
    Ok(c)
}

/// A run's results as the report (and the what-if page) shows them: the target rows, each
/// marked with the audit's errors on its row, and the rules' explanation.
pub fn computed(
    sc: Scenario,
    p: plansim_core::project::Projection,
    sim: plansim_core::simulate::Simulation,
    findings: Vec<plansim_core::check::Finding>,
    grades: impl IntoIterator<Item = plansim_core::assess::Grade>,
    draws: usize,
    lang: Lang,
) -> Result<Computed> {
    let rules = plansim_core::explain::explain(&sc)?;
    let mut facts = Facts::Held(PathFacts::of_projection(&p, &sim, &rules));
    let rows = target_rows(&sc, &mut facts, &p.relations, grades)?;
    let mut c = assembled(sc, p, sim, findings, rows, rules, draws, lang, None)?;
    c.bounds = bounds(&c.sc, &c.p);
    Ok(c)
}

/// The outturns published as bounds of each path that has any, for its indicator chart
/// ([`Computed::bounds`]), read while the table and its outturns are held.
fn bounds(sc: &Scenario, p: &plansim_core::project::Projection) -> Vec<(usize, Vec<Bound>)> {
    p.paths
        .iter()
        .enumerate()
        .filter_map(|(i, path)| {
            let b = sc.bounds_of(&path.series);
            (!b.is_empty()).then_some((i, b))
        })
        .collect()
}

/// The warnings of outturns given that reach no row, and the region to name: read from the
/// table's rows, so made before they are let go.
fn unmatched_outturns(sc: &Scenario, lang: Lang) -> Vec<String> {
    sc.outturns
        .none_matched()
        .then(|| sc.outturns.skipped_note(lang))
        .flatten()
        .into_iter()
        .chain(sc.outturns.region_advice(&sc.indicators, lang))
        .collect()
}

/// [`computed`] once the target rows are made (`unmatched`: [`unmatched_outturns`], where
/// the table's rows are already let go).
#[allow(clippy::too_many_arguments)]
fn assembled(
    sc: Scenario,
    p: plansim_core::project::Projection,
    sim: plansim_core::simulate::Simulation,
    findings: Vec<plansim_core::check::Finding>,
    mut rows: Vec<super::rows::TargetRow>,
    rules: plansim_core::explain::Explanation,
    draws: usize,
    lang: Lang,
    unmatched: Option<Vec<String>>,
) -> Result<Computed> {
    // a row whose own numbers the audit finds wrong is marked wherever its grade shows (a
    // target the outturns put out of reach is the grade's news, not the table's error)
    use plansim_core::check::Code;
    use plansim_core::notice::Severity;
    // the errors' codes by (region, plan, indicator), each row looked up once: a search of
    // every row per finding was quadratic, a map of the rows held 270 bytes a row, and a map
    // of the findings' keys some 120 bytes a finding (a table whose every rate falls short
    // has one for most rows): the errors' places sorted by their key's hash, 16 bytes each
    use std::hash::BuildHasher;
    let hasher = std::collections::hash_map::RandomState::new();
    let mut errors: Vec<(u64, usize)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            f.severity == Severity::Error
                && matches!(
                    f.code,
                    Code::UnitMismatch
                        | Code::RateMismatch
                        | Code::IdentityViolation
                        | Code::BoundExceeded
                )
        })
        .map(|(i, f)| {
            let key = (f.region.as_str(), f.plan.as_str(), f.indicator.as_str());
            (hasher.hash_one(key), i)
        })
        .collect();
    // by hash, then place: a row's codes in the findings' order, as before
    errors.sort_unstable();
    if !errors.is_empty() {
        for r in rows.iter_mut() {
            let key = (&*r.region, &*r.plan, r.indicator.as_str());
            let h = hasher.hash_one(key);
            let from = errors.partition_point(|e| e.0 < h);
            for &(_, i) in errors[from..].iter().take_while(|e| e.0 == h) {
                let f = &findings[i];
                if (f.region.as_str(), f.plan.as_str(), f.indicator.as_str()) != key {
                    continue;
                }
                r.audit.push(f.code);
            }
        }
    }
    drop(errors);
    let page = Page {
        name: sc.name.clone(),
        description: sc.description.clone(),
        named: named(&sc, lang),
        action: Default::default(),
        draws,
        seed: sim.seed,
        lang,
        series: sc.series_count(),
        projected: p.paths.len(),
        rows: std::sync::Arc::new(rows),
        findings: std::sync::Arc::new(findings),
        left_out: sc
            .left_out
            .iter()
            .filter(|l| !l.cells.is_empty())
            .map(|l| l.summary(lang))
            .collect(),
        unmatched: unmatched.unwrap_or_else(|| unmatched_outturns(&sc, lang)),
        cut_cells: sc
            .left_out
            .iter()
            .flat_map(|l| {
                l.warnings
                    .iter()
                    .filter(|w| w.message.starts_with(plansim_core::table::LONG_CELL))
                    .map(|w| format!("{}: {w}", l.file.display()))
            })
            .collect(),
        rules,
        overview_charts: Vec::new(),
        indicator_charts: Vec::new(),
        chart_of_path: Default::default(),
    };
    // a set: a list searched for each path took minutes with 25,000 regions
    let regions: std::collections::HashSet<String> = p
        .paths
        .iter()
        .map(|path| path.series.region.to_string())
        .collect();
    Ok(Computed {
        regions,
        // made by the callers that draw charts
        bounds: Vec::new(),
        spill: None,
        sc,
        p,
        sim,
        page,
    })
}

/// Renders everything a scenario's folder holds and stages each file as it is made (the CSVs
/// and `summary.json` as they are written): `all` are the batch's runs, whose paths are drawn
/// beside this one's on its indicator charts, and `lookup` their target rows. Returns the
/// summary the batch's index shows.
pub fn render(
    run: &Computed,
    all: &[&Computed],
    lookup: &super::action::Lookup,
    opts: &Options,
    folder: &Folder,
) -> Result<Summary> {
    let mut page = run.page.clone();
    page.action = super::action::section(&[(&page.named, &page.rows)], lookup, page.lang());
    folder.put_with("projection.csv", |w| {
        let mut csv = export::RowsCsv::new(w);
        run.each_long(|_, r, _| csv.long(r))?;
        csv.finish()
    })?;
    folder.put_with("simulation.csv", |w| {
        let mut csv = export::RowsCsv::new(w);
        run.each_long(|_, r, b| csv.band(r, b))?;
        csv.finish()
    })?;
    folder.put_with("probabilities.csv", |w| {
        let mut csv = export::RowsCsv::new(w);
        run.each_chance(|r| csv.chance(r))?;
        csv.finish()
    })?;
    folder.put("findings.csv", &export::findings_csv(&page.findings)?)?;
    if opts.charts {
        super::chart_files::render(run, all, &mut page, opts, &mut |rel, bytes| {
            folder.put(rel, bytes)
        })?;
    }
    let mut summary = page.summary();
    // numbers as published: derived values to six significant digits, years as integers; the
    // rows rounded and written one at a time
    let rows = std::mem::take(&mut summary.rows);
    folder.put_with("summary.json", |w| {
        plansim_core::format::stream::write_object(w, &summary, "rows", rows.iter())
            .map_err(|e| plansim_core::Error::Invalid(format!("summary.json: {e}")))
    })?;
    summary.rows = rows;
    folder.put_with("index.html", |w| {
        core_error(super::html::write_scenario_page(&page, w))
    })?;
    folder.put_with("index.md", |w| {
        core_error(super::markdown::write_scenario_page(&page, w))
    })?;
    Ok(summary)
}

/// A page's error as the folder's writer takes it: the engine's as it is, a template's as its
/// message.
pub(super) fn core_error(r: Result<()>) -> plansim_core::Result<()> {
    r.map_err(|e| match e {
        Error::Core(e) => e,
        other => plansim_core::Error::Invalid(other.to_string()),
    })
}

/// The scenario's name and question in the report's language (`name_zh`, `description_en`, …),
/// else as written.
fn named(sc: &Scenario, lang: Lang) -> super::action::Named {
    let f = &sc.spec;
    let (name, description) = if lang.is_en() {
        (&f.name_en, &f.description_en)
    } else {
        (&f.name_zh, &f.description_zh)
    };
    super::action::Named {
        name: sc.name.clone(),
        label: name.clone().unwrap_or_else(|| sc.name.clone()),
        description: description
            .clone()
            .unwrap_or_else(|| sc.description.clone()),
    }
}

/// Bytes a report holds per row of its tables, measured on generated tables of 10⁵ and 10⁶
/// rows (`benches/scale.rs`: without charts 2,650 to 2,750 bytes a row, and with an outturn
/// for every row, each target graded and most behind, 3,570 at 10⁶ and 3,930 at 10⁵), with a
/// margin: the rows, series, projection, the bands drawn, the page model of each target and
/// one page at a time (each file of a folder is written as it is made, the workbook's sheets
/// and zip straight to disk; each target's grade is made into its row and let go, the table's
/// rows and outturns once the target rows are made).
const REPORT_BYTES_PER_ROW: u64 = 5_500;

/// Bytes the charts add per row: each indicator chart's numbers (every scenario's line and
/// bands) are held while the folder's images are drawn, a few images at a time (measured on
/// 10⁴ rows of 250 regions with an outturn a row: 140 MB with charts, 55 MB without).
const CHART_BYTES_PER_ROW: u64 = 10_000;

/// The lines of a scenario's text tables, counted without reading them into memory (0 for a
/// workbook, and for what cannot be read: the load reports that).
fn table_lines(path: &Path) -> usize {
    let files = Scenario::table_files(path).unwrap_or_default();
    files
        .iter()
        .filter(|f| {
            !f.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                ["xlsx", "xlsm", "xls", "ods"].contains(&e.to_ascii_lowercase().as_str())
            })
        })
        .filter_map(|f| plansim_core::input::count_lines(f).ok())
        // the header's line is no row
        .map(|n| n.saturating_sub(1) as usize)
        .sum()
}

/// Refuses, before the projection, a scenario whose report would hold more than a quarter of
/// the machine's memory, with the estimate in the run's language: a table of a million rows
/// would take some 5 GB; `tables` and `project --format csv` stream it instead.
fn check_size(
    rows: usize,
    path: &Path,
    memory: Option<u64>,
    charts: bool,
    lang: Lang,
) -> Result<()> {
    use plansim_core::input::size_text;
    let per_row = REPORT_BYTES_PER_ROW + if charts { CHART_BYTES_PER_ROW } else { 0 };
    let need = (rows as u64).saturating_mul(per_row);
    let Some(total) = memory.filter(|&total| need > total / 4) else {
        return Ok(());
    };
    let (need, per_row, total) = (size_text(need), size_text(per_row), size_text(total));
    // what the same report takes without its charts
    let bare = size_text((rows as u64).saturating_mul(REPORT_BYTES_PER_ROW));
    let message = if lang.is_en() {
        format!(
            "its tables' {rows} rows would take about {need} of memory in a report ({per_row} \
             a row), more than a quarter of this machine's {total}; split the table, {}or run \
             `plansim project --format csv` on it (no pages, charts or workbook)",
            if charts {
                format!("make the report with --no-charts (about {bare}), ")
            } else {
                String::new()
            }
        )
    } else {
        format!(
            "其指标表的 {rows} 行在报告中约需 {need} 内存（每行 {per_row}），超过本机 {total} \
             的四分之一；请拆分指标表，{}或对其运行 `plansim project --format csv`（不生成页面、\
             图表和工作簿）",
            if charts {
                format!("用 --no-charts 生成报告（约 {bare}），")
            } else {
                String::new()
            }
        )
    };
    Err(plansim_core::Error::Scenario {
        path: path.to_path_buf(),
        line: None,
        message,
    }
    .into())
}

/// A scenario's name becomes a folder: one plain path component, nothing hidden.
fn check_name(name: &str, path: &Path) -> Result<()> {
    let bad = name.is_empty()
        || name.starts_with('.')
        || name.chars().any(|c| {
            matches!(
                c,
                '/' | '\\' | '\0' | ':' | '*' | '?' | '"' | '<' | '>' | '|'
            ) || c.is_control()
        });
    // `index.html`, `assets`, … are the report's own: a folder of that name would mix with them
    if let Some(own) = super::deliver::RESERVED
        .iter()
        .find(|r| r.eq_ignore_ascii_case(name))
    {
        return Err(plansim_core::Error::Scenario {
            path: path.to_path_buf(),
            line: None,
            message: format!(
                "the name `{name}` is taken by the report's own `{own}` at the top of --out; \
                 give the scenario another `name` (or file name)"
            ),
        }
        .into());
    }
    if bad {
        return Err(plansim_core::Error::Scenario {
            path: path.to_path_buf(),
            line: None,
            message: format!(
                "the name `{name}` cannot be a folder of the report (no path separators, no leading dot)"
            ),
        }
        .into());
    }
    Ok(())
}

/// Every bundled scenario computed with charts (the projection made whole), for the tests of
/// what the report keeps on disk.
#[cfg(test)]
pub(super) fn bundled() -> Vec<Computed> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let opts = Options {
        charts: true,
        draws: Some(300),
        ..Options::default()
    };
    super::scenario_files(&[root])
        .unwrap()
        .iter()
        .map(|sc| compute(sc, &opts, &Default::default()).unwrap())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenarios_table_rows_are_bounded_by_its_lines_unread() {
        let dir = tempfile::tempdir().unwrap();
        let table = dir.path().join("t.csv");
        std::fs::write(&table, "indicator,base,target\na,1,2\nb,1,2\nc,1,2\n").unwrap();
        let sc = dir.path().join("s.toml");
        std::fs::write(
            &sc,
            format!("tables = [{:?}]\n", table.display().to_string()),
        )
        .unwrap();
        // four lines, the header's no row
        assert_eq!(table_lines(&sc), 3);
        assert_eq!(table_lines(&table), 3);
        assert_eq!(table_lines(&dir.path().join("missing.toml")), 0);
    }

    #[test]
    fn without_charts_the_paths_are_kept_on_disk_unless_a_target_reads_another_row() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/tables");
        let dir = tempfile::tempdir().unwrap();
        let run = |table: &str, charts: bool| {
            let sc = dir.path().join(format!("{table}.toml"));
            let table = root.join(format!("{table}.csv"));
            std::fs::write(
                &sc,
                format!("tables = [{:?}]\n", table.display().to_string()),
            )
            .unwrap();
            let opts = Options {
                charts,
                draws: Some(200),
                ..Options::default()
            };
            compute(&sc, &opts, &Default::default()).unwrap()
        };
        // 回民区: no target judged against another row
        let c = run("huimin", false);
        let spill = c.spill.as_ref().expect("kept on disk");
        assert!(c.p.paths.is_empty() && c.sim.paths.is_empty());
        // as many paths as the projection made whole, with charts
        let whole = run("huimin", true);
        assert!(whole.spill.is_none());
        assert_eq!(spill.paths(), whole.p.paths.len());
        assert_eq!(c.page.projected, whole.page.projected);
        assert!(spill.paths() > 0);
        // 科尔沁区's income grows 与经济增长同步: judged on GDP's path, made whole
        let c = run("horqin", false);
        assert!(c.spill.is_none() && !c.p.paths.is_empty());
    }

    #[test]
    fn a_report_too_large_for_the_machine_is_refused_with_the_estimate() {
        let machine = Some(24u64 << 30);
        let refusal = |rows: usize, charts: bool, lang: Lang| {
            check_size(rows, Path::new("s.toml"), machine, charts, lang)
                .unwrap_err()
                .to_string()
        };
        // 10⁶ rows: 5.5e9 bytes = 5.12 GB (2³⁰ bytes a GB), under a quarter of 24 GB (6 GB)
        assert!(check_size(1_000_000, Path::new("s.toml"), machine, false, Lang::En).is_ok());
        // 1.2·10⁶ rows: 6.6e9 bytes = 6.15 GB, over 6 GB
        assert!(check_size(1_200_000, Path::new("s.toml"), machine, false, Lang::En).is_err());
        // 2·10⁶ rows: 1.1e10 bytes = 10.24 GB
        let e = refusal(2_000_000, false, Lang::En);
        assert!(e.contains("s.toml"), "{e}");
        assert!(e.contains("tables' 2000000 rows"), "{e}");
        assert!(e.contains("about 10.2 GB"), "{e}");
        // 5500 / 1024 = 5.37 kB
        assert!(e.contains("(5.4 kB a row)"), "{e}");
        assert!(e.contains("this machine's 24 GB"), "{e}");
        assert!(!e.contains("--no-charts"), "{e}");
        // a machine that does not say its memory runs the report
        assert!(check_size(2_000_000, Path::new("s.toml"), None, false, Lang::En).is_ok());
        // with charts 15,500 bytes a row: 4·10⁵ rows are 5.77 GB (2³⁰ bytes a GB), under a
        // quarter of 24 GB (6 GB); 10⁶ rows are 14.4 GB, and 5.12 GB without charts
        assert!(check_size(400_000, Path::new("s.toml"), machine, true, Lang::En).is_ok());
        let e = refusal(1_000_000, true, Lang::En);
        assert!(e.contains("about 14.4 GB"), "{e}");
        // 15500 / 1024 = 15.14 kB
        assert!(e.contains("(15.1 kB a row)"), "{e}");
        assert!(e.contains("with --no-charts (about 5.1 GB)"), "{e}");
        // a Chinese run is told in Chinese, with the same figures
        let e = refusal(1_000_000, true, Lang::Zh);
        assert!(e.contains("s.toml"), "{e}");
        assert!(
            e.contains("1000000 行在报告中约需 14.4 GB 内存（每行 15.1 kB）"),
            "{e}"
        );
        assert!(e.contains("超过本机 24 GB 的四分之一"), "{e}");
        assert!(e.contains("用 --no-charts 生成报告（约 5.1 GB）"), "{e}");
    }
}
