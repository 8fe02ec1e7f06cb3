//! The scenario file format (TOML) and `extends` inheritance. Every rule and every rate keeps
//! the file and line it was written on, for messages and `plansim explain`.

use super::located::{self, Located, Percent};
use super::select::{Kind, Selector};
use crate::error::{Error, Result};
use crate::lang::Msg;
use crate::model::ModelChoice;
use crate::notice::{At, Lines, Notice, line_of};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A scenario file as written; every field optional so that `extends` can fill it in.
///
/// # Example
///
/// ```
/// use plansim_core::{LoadOptions, Scenario, ScenarioFile, load_bytes};
///
/// let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
///            测试区,地区生产总值,亿元,2020,100,2025,,5\n";
/// let table = load_bytes("gdp.csv".as_ref(), csv.into(), &LoadOptions::default())?;
/// // the settings a `.toml` file holds, here only the horizon
/// let mut spec = ScenarioFile::default();
/// spec.horizon = Some(2030);
/// let sc = Scenario::from_parts("to-2030", spec, vec![table], Vec::new())?;
/// assert_eq!((sc.name.as_str(), sc.spec.horizon), ("to-2030", Some(2030)));
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Name in outputs; the file stem when absent.
    pub name: Option<String>,
    /// The question the scenario asks, in a sentence.
    pub description: Option<String>,
    /// The name and question as a Chinese or an English page shows them (reports fall back on
    /// `name` and `description`). Not inherited apart from the text they translate.
    pub name_zh: Option<String>,
    /// See `name_zh`.
    pub name_en: Option<String>,
    /// See `name_zh`.
    pub description_zh: Option<String>,
    /// See `name_zh`.
    pub description_en: Option<String>,
    /// Another scenario file (relative to this one) to inherit from.
    pub extends: Option<String>,
    /// Indicator tables (relative to this file).
    pub tables: Option<Vec<String>>,
    /// The region of tables without a region column (the national outline's 专栏1 names none):
    /// the file's stem when absent, as for `--region`.
    pub region: Option<String>,
    /// Last projected year (default 2035).
    #[serde(default, deserialize_with = "located::opt_year")]
    pub horizon: Option<i32>,
    /// Outturn CSVs (`region, indicator, year, value`), relative to this file: the key
    /// `actuals`.
    #[serde(rename = "actuals")]
    pub outturn_files: Option<Vec<String>>,
    /// What the plan-period path passes through: the stated rate's level (`rate`, default when
    /// a rate is stated) or the printed target (`target`).
    pub calibrate: Option<Calibrate>,
    /// Model per indicator name, `category:NAME`, or `default`.
    pub models: Option<BTreeMap<String, Located<ModelChoice>>>,
    /// Rate overrides, applied in order (inherited ones first).
    #[serde(default, rename = "override")]
    pub overrides: Vec<Located<Override>>,
    /// One-year changes: of the rate (`delta`, `rate`) or of the level (`level`).
    #[serde(default, rename = "shock")]
    pub shocks: Vec<Located<Shock>>,
    /// What happens after the plan period.
    pub after: Option<After>,
    /// Monte Carlo settings.
    pub uncertainty: Option<Uncertainty>,
    /// Errors of this file (and those it extends) past the first, each item they sit in left
    /// out: loading goes on to find the rules' errors too, then reports them all at once.
    #[serde(skip)]
    pub(crate) pending: Vec<Notice>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
/// What the plan-period path is made to pass through.
pub enum Calibrate {
    /// The level the stated rate reaches (the default when a rate is stated).
    Rate,
    /// The printed target.
    Target,
}

/// A rate change over years: `rate` (percent a year) replaces, `delta` (points) adds.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// An indicator's name as in the table (or its `indicator_en`).
    pub indicator: Option<String>,
    /// A category as in the table.
    pub category: Option<String>,
    /// `约束性`/`binding` or `预期性`/`expected`.
    pub attribute: Option<String>,
    #[serde(default, deserialize_with = "located::names")]
    /// One region, a list, or `"*"` for every region.
    pub region: Option<Vec<String>>,
    /// Levels, shares or all (see [`Kind`]).
    pub kind: Option<Kind>,
    #[serde(default, deserialize_with = "located::opt_year")]
    /// First year changed (default: the first projected).
    pub from: Option<i32>,
    #[serde(default, deserialize_with = "located::opt_year")]
    /// Last year changed (default: the horizon).
    pub to: Option<i32>,
    /// The rate that replaces the year's, percent a year.
    pub rate: Option<Percent>,
    /// Points added to the year's rate.
    pub delta: Option<Percent>,
}

/// One year changed: `delta` points off its rate, its growth set to `rate` percent, or its
/// level moved by `level` percent once (the path goes on from there).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shock {
    /// An indicator's name as in the table (or its `indicator_en`).
    pub indicator: Option<String>,
    /// A category as in the table.
    pub category: Option<String>,
    /// `约束性`/`binding` or `预期性`/`expected`.
    pub attribute: Option<String>,
    #[serde(default, deserialize_with = "located::names")]
    /// One region, a list, or `"*"` for every region.
    pub region: Option<Vec<String>>,
    /// Levels, shares or all (see [`Kind`]).
    pub kind: Option<Kind>,
    #[serde(deserialize_with = "located::year")]
    /// The year changed.
    pub year: i32,
    /// Points added to the year's rate.
    pub delta: Option<Percent>,
    /// The year's rate, percent.
    pub rate: Option<Percent>,
    /// A one-off change of the level in percent; the path goes on from the new level.
    pub level: Option<Percent>,
}

/// After the plan period: `continue` the plan's rate (default; later targets such as 2035 goals
/// are then reached through), `converge` to `rate` by year `by`, or `explicit` `rate`.
/// `phases` set a rate per period and win over the rule in their years.
///
/// `converge` and `explicit` reach the levels the plan moves upward — not shares, not a row
/// meant to fall, not a row the plan holds (a bound already met, no rate or target), not a
/// running total over the period — of the indicators, categories, attributes, regions and
/// kind given; a row named by `indicator` is reached whatever it is. A GDP-like 4 % a year
/// pushed 333 days of good air past 365 and an unemployment rate the plan holds up 4 % a
/// year. The selector's fields are written out, as each rule's are: `deny_unknown_fields`
/// (the nearest key for a typo) does not work with a flattened `Selector`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct After {
    /// How rates go on after the plan year (default `continue`).
    pub rule: Option<AfterRule>,
    /// An indicator's name as in the table (or its `indicator_en`).
    pub indicator: Option<String>,
    /// A category as in the table.
    pub category: Option<String>,
    /// `约束性`/`binding` or `预期性`/`expected`.
    pub attribute: Option<String>,
    #[serde(default, deserialize_with = "located::names")]
    /// One region, a list, or `"*"` for every region.
    pub region: Option<Vec<String>>,
    /// Levels, shares or all (see [`Kind`]).
    pub kind: Option<Kind>,
    /// The rate to converge to or to use, percent a year.
    pub rate: Option<Percent>,
    #[serde(default, deserialize_with = "located::opt_year")]
    /// The year `converge` reaches `rate` (default: the horizon).
    pub by: Option<i32>,
    #[serde(default, rename = "phase")]
    /// Rates per period, winning over the rule in their years.
    pub phases: Vec<Located<Phase>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
/// How rates go on after the plan period.
pub enum AfterRule {
    /// The plan's rate, through later goals (2035).
    Continue,
    /// From the plan's rate to `rate` by the year `by`, in a straight line.
    Converge,
    /// `rate` from the year after the plan period.
    Explicit,
}

/// A rate (percent a year) for a period.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    #[serde(deserialize_with = "located::year")]
    /// First year of the period.
    pub from: i32,
    #[serde(deserialize_with = "located::year")]
    /// Last year of the period.
    pub to: i32,
    /// The rate of its years, percent a year.
    pub rate: Percent,
    /// An indicator's name as in the table (or its `indicator_en`).
    pub indicator: Option<String>,
    /// A category as in the table.
    pub category: Option<String>,
    /// `约束性`/`binding` or `预期性`/`expected`.
    pub attribute: Option<String>,
    #[serde(default, deserialize_with = "located::names")]
    /// One region, a list, or `"*"` for every region.
    pub region: Option<Vec<String>>,
    /// Levels, shares or all (see [`Kind`]).
    pub kind: Option<Kind>,
}

/// Monte Carlo settings.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// Default σ of the annual rate, in points (2 = 2 points a year).
    pub sigma: Option<Percent>,
    /// Monte Carlo draws (default 1000).
    pub draws: Option<usize>,
    /// Seed of the random streams: the same seed gives the same draws.
    pub seed: Option<u64>,
    /// `normal` (default) or `student-t`.
    pub distribution: Option<Distribution>,
    /// Degrees of freedom for `student-t` (default 5).
    pub df: Option<f64>,
    /// Share (0–1) of each indicator's shock drawn from one economy-wide factor.
    pub common: Option<f64>,
    /// σ per indicator name, in points.
    #[serde(default)]
    pub sigma_by: BTreeMap<String, Percent>,
}

/// The law of a year's rate shock in the Monte Carlo, as `distribution` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Distribution {
    /// Normal draws (the default).
    Normal,
    /// Student-t draws with `df` degrees of freedom, scaled to the same σ: fatter tails.
    StudentT,
}

impl std::fmt::Display for Distribution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Distribution::Normal => "normal",
            Distribution::StudentT => "student-t",
        })
    }
}

macro_rules! selector_of {
    ($t:ty) => {
        impl $t {
            /// Which indicators the rule reaches.
            pub(crate) fn selector(&self) -> Selector {
                Selector {
                    indicator: self.indicator.clone(),
                    category: self.category.clone(),
                    attribute: self.attribute.clone(),
                    region: self.region.clone(),
                    kind: self.kind,
                }
            }

            /// Whether the rule reaches the series ([`Selector::matches`], without copies).
            pub(crate) fn reaches(&self, s: &crate::series::Series) -> bool {
                Selector::reaches(
                    &self.indicator,
                    &self.category,
                    &self.attribute,
                    &self.region,
                    self.kind,
                    s,
                )
            }
        }
    };
}
selector_of!(Override);
selector_of!(Shock);
selector_of!(Phase);
selector_of!(After);

impl After {
    /// Whether the rule (`converge`, `explicit`) changes the series, whose plan-period pace
    /// is `pace` ([`After`]).
    pub(crate) fn changes(&self, s: &crate::series::Series, pace: super::rates::Pace) -> bool {
        // a running total (`[4]万人` new jobs) counts its period and ends with it
        let grows = s.direction == crate::table::Direction::Rising
            && !pace.held()
            && s.shape != crate::series::Shape::RunningTotal;
        self.reaches(s) && (self.indicator.is_some() || grows)
    }

    /// Whether it names which indicators it reaches (else it reaches every rising level).
    pub(crate) fn selects(&self) -> bool {
        self.indicator.is_some()
            || self.category.is_some()
            || self.attribute.is_some()
            || self.region.is_some()
            || self.kind.is_some()
    }
}

impl ScenarioFile {
    /// The scenario a table runs as when given alone: its stated rates, said in both
    /// languages.
    pub fn table_baseline() -> ScenarioFile {
        ScenarioFile {
            description: Some("The plan's stated rates, continued to the horizon.".into()),
            description_en: Some("The plan's stated rates, continued to the horizon.".into()),
            description_zh: Some("规划所列的增速，延续到展望年份。".into()),
            ..ScenarioFile::default()
        }
    }

    /// Reads one file, without following `extends`; every error of it at once.
    pub fn read(path: &Path) -> Result<ScenarioFile> {
        let file = ScenarioFile::read_all(path)?;
        if file.pending.is_empty() {
            Ok(file)
        } else {
            Err(Error::Notices {
                notices: file.pending,
            })
        }
    }

    /// Reads one file; a value or key that is wrong is recorded in `pending` and the item it
    /// sits in (a top-level key, or a whole `[table]`) is blanked, and the rest read again, so
    /// one run names every such error. Blanking with spaces keeps every byte offset, hence
    /// every line. A syntax error stops at once: what follows it cannot be read.
    fn read_all(path: &Path) -> Result<ScenarioFile> {
        // as Notepad saves it: UTF-8 with or without a BOM, UTF-16, or GBK on a Chinese
        // Windows ("ANSI"), decoded as a table is
        let mut text = crate::table::text::decode(path, &crate::input::read(path)?)?;
        let mut pending = Vec::new();
        loop {
            let e = match toml::from_str::<ScenarioFile>(&text) {
                Ok(mut file) => {
                    file.locate(path, &text);
                    file.pending = pending;
                    return Ok(file);
                }
                Err(e) => e,
            };
            let span = e.span().unwrap_or(0..0);
            let written = text.get(span.clone()).unwrap_or_default();
            let line = line_of(&text, span.start);
            let line_text = text.lines().nth(line - 1).unwrap_or_default();
            pending.push(Notice::error(
                At::new(path, line),
                Msg::from_toml(e.message(), written, line_text),
            ));
            let blanked = e
                .span()
                .and_then(|span| super::blank::blank_item(&text, span));
            match blanked.filter(|b| b.parse::<toml::Table>().is_ok()) {
                Some(b) if pending.len() < 100 => text = b,
                _ => {
                    return Err(Error::Notices { notices: pending });
                }
            }
        }
    }

    /// Turns the byte offsets read with each rule and rate into this file's lines.
    fn locate(&mut self, path: &Path, text: &str) {
        let lines = Lines::new(text);
        let mut fix = |at: &mut At| at.resolve(path, &lines);
        let percents = |p: Option<&mut Percent>, fix: &mut dyn FnMut(&mut At)| {
            if let Some(p) = p {
                fix(&mut p.at);
            }
        };
        for m in self.models.iter_mut().flat_map(|m| m.values_mut()) {
            fix(&mut m.at);
        }
        for o in &mut self.overrides {
            fix(&mut o.at);
            percents(o.value.rate.as_mut(), &mut fix);
            percents(o.value.delta.as_mut(), &mut fix);
        }
        for s in &mut self.shocks {
            fix(&mut s.at);
            for p in [&mut s.value.delta, &mut s.value.rate, &mut s.value.level] {
                percents(p.as_mut(), &mut fix);
            }
        }
        if let Some(a) = &mut self.after {
            percents(a.rate.as_mut(), &mut fix);
            for ph in &mut a.phases {
                fix(&mut ph.at);
                fix(&mut ph.value.rate.at);
            }
        }
        if let Some(u) = &mut self.uncertainty {
            percents(u.sigma.as_mut(), &mut fix);
            for s in u.sigma_by.values_mut() {
                fix(&mut s.at);
            }
        }
    }

    /// Resolves paths against the file's folder.
    fn rebase(mut self, dir: &Path) -> ScenarioFile {
        let join = |v: &mut Option<Vec<String>>| {
            if let Some(v) = v {
                for p in v.iter_mut() {
                    *p = dir.join(&*p).to_string_lossy().into_owned();
                }
            }
        };
        join(&mut self.tables);
        join(&mut self.outturn_files);
        self
    }

    /// This file on top of `parent`: fields given here win; lists and maps add to the parent's.
    fn over(self, parent: ScenarioFile) -> ScenarioFile {
        let mut models = parent.models.unwrap_or_default();
        models.extend(self.models.unwrap_or_default());
        let after = match (parent.after, self.after) {
            (Some(p), Some(c)) => Some(After {
                rule: c.rule.or(p.rule),
                indicator: c.indicator.or(p.indicator),
                category: c.category.or(p.category),
                attribute: c.attribute.or(p.attribute),
                region: c.region.or(p.region),
                kind: c.kind.or(p.kind),
                rate: c.rate.or(p.rate),
                by: c.by.or(p.by),
                phases: [p.phases, c.phases].concat(),
            }),
            (p, c) => c.or(p),
        };
        let uncertainty = match (parent.uncertainty, self.uncertainty) {
            (Some(p), Some(c)) => Some(Uncertainty {
                sigma: c.sigma.or(p.sigma),
                draws: c.draws.or(p.draws),
                seed: c.seed.or(p.seed),
                distribution: c.distribution.or(p.distribution),
                df: c.df.or(p.df),
                common: c.common.or(p.common),
                sigma_by: p.sigma_by.into_iter().chain(c.sigma_by).collect(),
            }),
            (p, c) => c.or(p),
        };
        // a child's own description replaces its parent's in every language
        let (description_zh, description_en) = if self.description.is_some() {
            (self.description_zh, self.description_en)
        } else {
            (
                self.description_zh.or(parent.description_zh),
                self.description_en.or(parent.description_en),
            )
        };
        ScenarioFile {
            name: self.name,
            name_zh: self.name_zh,
            name_en: self.name_en,
            description_zh,
            description_en,
            description: self.description.or(parent.description),
            extends: None,
            tables: self.tables.or(parent.tables),
            region: self.region.or(parent.region),
            horizon: self.horizon.or(parent.horizon),
            outturn_files: self.outturn_files.or(parent.outturn_files),
            calibrate: self.calibrate.or(parent.calibrate),
            models: Some(models),
            overrides: [parent.overrides, self.overrides].concat(),
            shocks: [parent.shocks, self.shocks].concat(),
            after,
            uncertainty,
            pending: [parent.pending, self.pending].concat(),
        }
    }
}

/// The files a scenario extends, nearest first, as canonical paths: a batch's reference is the
/// scenario the others extend. Stops at a file that cannot be read or closes a cycle (loading
/// the scenario reports those).
pub(crate) fn parents(path: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    let mut next = ScenarioFile::read_all(path).ok().and_then(|f| {
        let dir = path.parent().unwrap_or(Path::new("."));
        f.extends.map(|e| dir.join(e))
    });
    while let Some(p) = next {
        let Ok(canon) = p.canonicalize() else { break };
        if out.contains(&canon) {
            break;
        }
        next = ScenarioFile::read_all(&p).ok().and_then(|f| {
            let dir = p.parent().unwrap_or(Path::new("."));
            f.extends.map(|e| dir.join(e))
        });
        out.push(canon);
    }
    out
}

/// Reads a scenario and everything it extends, the nearest file winning. Cycles are errors.
pub(crate) fn read_chain(path: &Path) -> Result<ScenarioFile> {
    let mut chain: Vec<(PathBuf, ScenarioFile)> = Vec::new();
    let mut next = Some(path.to_path_buf());
    while let Some(p) = next {
        // the file that names a parent which cannot be read (missing, a folder) is the one to fix
        let unreadable = |e: std::io::Error, chain: &[(PathBuf, ScenarioFile)]| match chain.last() {
            Some((child, _)) => Error::notice(
                At::new(child, 0),
                Msg::ExtendsUnreadable {
                    parent: p.display().to_string(),
                    error: crate::lang::io_text(&e),
                },
            ),
            None => Error::io(&p, e),
        };
        let canon = p.canonicalize().map_err(|e| unreadable(e, &chain))?;
        if let Some(first) = chain.iter().position(|(c, _)| *c == canon) {
            let cycle: Vec<String> = chain[first..]
                .iter()
                .map(|(c, _)| c.display().to_string())
                .chain([canon.display().to_string()])
                .collect();
            return Err(Error::notice(
                At::new(p, 0),
                Msg::ExtendsCycle { chain: cycle },
            ));
        }
        let file = match ScenarioFile::read_all(&p) {
            Err(Error::Io { error, .. }) => return Err(unreadable(error, &chain)),
            other => other?,
        };
        let dir = p.parent().unwrap_or(Path::new(".")).to_path_buf();
        next = file.extends.as_ref().map(|e| dir.join(e));
        chain.push((canon, file.rebase(&dir)));
    }
    let mut merged = ScenarioFile::default();
    for (_, file) in chain.into_iter().rev() {
        merged = file.over(merged);
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A parent that cannot be read is reported against the file that names it. Found by
    /// `cargo fuzz run scenario`: `extends = ""` named the folder, which was reported alone.
    #[test]
    fn unreadable_parents_are_named_with_their_child() {
        let dir = tempfile::tempdir().unwrap();
        for (text, want) in [
            (
                "extends = \"\"",
                "which cannot be read: is a folder; plansim reads only regular files",
            ),
            ("extends = \"gone.toml\"", "gone.toml, which cannot be read"),
        ] {
            let child = dir.path().join("child.toml");
            std::fs::write(&child, text).unwrap();
            let e = read_chain(&child).unwrap_err().to_string();
            assert!(
                e.starts_with(&format!(
                    "{}: `extends` ",
                    child.canonicalize().unwrap().display()
                )) && e.contains(want),
                "{e}"
            );
        }
    }

    /// A scenario saved by Notepad on a Chinese Windows (GBK, "ANSI") or with a UTF-8 BOM reads
    /// as its UTF-8 twin: the same name, description and rule.
    #[test]
    fn a_scenario_in_gbk_or_with_a_bom_reads_as_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let text = "name = \"绿色\"\ndescription = \"森林覆盖率每年多增1.5个百分点\"\n\
                    [[override]]\nindicator = \"森林覆盖率\"\nrate = 7\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let plain = dir.path().join("plain.toml");
        std::fs::write(&plain, text).unwrap();
        let want = ScenarioFile::read(&plain).unwrap();
        assert_eq!(want.name.as_deref(), Some("绿色"));
        for (name, bytes) in [("gbk.toml", gbk.to_vec()), ("bom.toml", bom)] {
            let f = dir.path().join(name);
            std::fs::write(&f, bytes).unwrap();
            let got = ScenarioFile::read(&f).unwrap();
            assert_eq!(
                (&got.name, &got.description),
                (&want.name, &want.description),
                "{name}"
            );
            assert_eq!(got.overrides.len(), 1, "{name}");
        }
    }

    /// The field is `outturn_files` in code; the file's key stays `actuals`, and the field's
    /// own name is no key.
    #[test]
    fn outturn_files_are_written_as_actuals() {
        let spec: ScenarioFile = toml::from_str("actuals = [\"a.csv\", \"b.csv\"]").unwrap();
        assert_eq!(
            spec.outturn_files,
            Some(vec!["a.csv".to_string(), "b.csv".to_string()])
        );
        let e = toml::from_str::<ScenarioFile>("outturn_files = [\"a.csv\"]").unwrap_err();
        assert!(
            e.to_string().contains("unknown field `outturn_files`"),
            "{e}"
        );
    }
}
