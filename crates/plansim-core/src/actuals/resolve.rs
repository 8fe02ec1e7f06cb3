//! Outturns matched to the tables' indicators, through the one name rule: the same name (after
//! numbering, units, glosses and aliases), or the same quantity measured another way
//! (`地区生产总值` in 亿元 and `地区生产总值增长（%）` serve each other). Rows for regions the
//! tables do not hold are skipped and counted; a row for a region they hold whose name matches
//! nothing is an error with the nearest names, every such row at once.

use super::Outturn;
use super::refusals::{
    contradiction, foreign_unit, implausible_scale, negative_fall, no_region, unmatched,
};
use crate::error::{CellError, Result};
use crate::lang::Text;
use crate::meaning::{KnownBase, Meaning, Relation, TargetKind, same_indicator};
use crate::names::{Aliases, Measure, Name, plain_key};
use crate::table::Indicator;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// How an outturn matched an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum How {
    /// The same name: the outturn is in the indicator's own terms.
    Exact,
    /// The same quantity, measured as the outturn's name says (a level or a year's change).
    Quantity {
        /// A level or a year's change.
        measure: Measure,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
/// An outturn matched to an indicator.
pub struct Match {
    /// Index into [`Resolved::outturns`].
    pub outturn: usize,
    /// By the same name or by the same quantity.
    pub how: How,
}

/// Outturns matched to indicator rows.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Resolved {
    /// The outturns of regions the tables hold.
    pub outturns: Vec<Outturn>,
    /// For each indicator row (in the order given), its matches; rows past its end have none
    /// (a list for every row of a table without outturns took 24 bytes a row).
    pub by_row: Vec<Vec<Match>>,
    /// Rows skipped because no table holds their region: (region, rows).
    pub skipped: Vec<(String, usize)>,
    /// Qualifiers that contradict the target's (nominal outturns for a real target), signs
    /// read against a name that says it falls: in both languages.
    pub warnings: Vec<Text>,
    /// The canonical quantity of each outturn and how it measures it.
    quantities: Vec<(String, Measure)>,
    /// The meanings made with the outturns that the row's table alone does not give (the
    /// base of a rise set from the plan's base-year outturn or the next plan), by row; every
    /// other row's is [`Meaning::of`] its row. Read through [`Resolved::meaning`]: what assess,
    /// project, simulate and the reports all read. (A meaning held for every row took 104
    /// bytes a row.)
    #[serde(skip)]
    meanings: Vec<(usize, Meaning)>,
}

impl Resolved {
    /// Nothing matched, for `rows` indicator rows.
    pub fn empty(rows: usize) -> Resolved {
        // no list a row: `by_row` grows to a row only when an outturn matches it
        let _ = rows;
        Resolved::default()
    }

    /// The meaning of row `i` (`ind`), as made with the outturns; from the table alone when
    /// none were resolved.
    pub fn meaning(&self, i: usize, ind: &Indicator) -> Meaning {
        match self.meanings.binary_search_by_key(&i, |m| m.0) {
            Ok(k) => self.meanings[k].1.clone(),
            Err(_) => Meaning::of(ind),
        }
    }

    /// Sets the level bases of change rows ([`level_bases`]) in their meanings.
    fn set_level_bases(&mut self, indicators: &[Indicator], bases: Vec<(usize, (i32, f64))>) {
        let mut added = Vec::new();
        for (i, base) in bases {
            match self.meanings.binary_search_by_key(&i, |m| m.0) {
                Ok(k) => self.meanings[k].1.level_base = Some(base),
                Err(_) => {
                    let mut m = Meaning::of(&indicators[i]);
                    m.level_base = Some(base);
                    added.push((i, m));
                }
            }
        }
        if !added.is_empty() {
            self.meanings.extend(added);
            self.meanings.sort_by_key(|m| m.0);
        }
    }

    /// The outturns and matches of row `i`.
    pub(crate) fn of_row(&self, i: usize) -> Vec<(&Outturn, How)> {
        self.by_row
            .get(i)
            .into_iter()
            .flatten()
            .map(|m| (&self.outturns[m.outturn], m.how))
            .collect()
    }

    /// The outturns of a region that measure a canonical quantity, with how they measure it.
    pub(crate) fn of_quantity(&self, region: &str, quantity: &str) -> Vec<(&Outturn, How)> {
        let r = plain_key(region);
        self.outturns
            .iter()
            .zip(&self.quantities)
            .filter(|(o, (q, _))| plain_key(&o.region) == r && q == quantity)
            .map(|(o, (_, m))| (o, How::Quantity { measure: *m }))
            .collect()
    }

    /// Every outturn of a region, with how it measures its quantity.
    pub(crate) fn of_region(&self, region: &str) -> Vec<(&Outturn, How)> {
        let r = plain_key(region);
        self.outturns
            .iter()
            .zip(&self.quantities)
            .filter(|(o, _)| plain_key(&o.region) == r)
            .map(|(o, (_, m))| (o, How::Quantity { measure: *m }))
            .collect()
    }

    /// True when any outturn used is hypothetical.
    pub fn any_hypothetical(&self) -> bool {
        self.outturns.iter().any(|o| o.hypothetical)
    }

    /// `skipped 12 rows of regions no table holds: 内蒙古自治区 (8), 呼和浩特市 (4)`.
    pub fn skipped_note(&self, lang: crate::lang::Lang) -> Option<String> {
        let n: usize = self.skipped.iter().map(|s| s.1).sum();
        (n > 0).then(|| {
            let list: Vec<String> = self
                .skipped
                .iter()
                .map(|(r, k)| match lang {
                    crate::lang::Lang::En => format!("{r} ({k})"),
                    crate::lang::Lang::Zh => format!("{r}（{k}）"),
                })
                .collect();
            if !lang.is_en() {
                let none_used = if self.outturns.is_empty() {
                    "；一个实际值也未用到：没有地区列的指标表以其文件名为地区，可用 `--region`\
                     （或情景的 `region`）指定地区"
                } else {
                    ""
                };
                return format!(
                    "跳过了 {n} 行实际值，其地区不在任何指标表中：{}{none_used}",
                    list.join("、")
                );
            }
            let none_used = if self.outturns.is_empty() {
                // the usual cause: a table without a region column is named by its file
                "; no outturn is used at all: a table without a region column takes its file's \
                 name as its region, and `--region` (or a scenario's `region`) names it"
            } else {
                ""
            };
            format!(
                "skipped {n} outturn row{} of regions no table holds: {}{none_used}",
                if n == 1 { "" } else { "s" },
                list.join(", ")
            )
        })
    }
}

/// What each indicator answers to: its canonical name and quantity, and the quantities its
/// relational target names (`高于GDP增长` needs GDP's outturns).
struct Known {
    region: String,
    name: String,
    quantity: String,
    /// The row measures its quantity's level, else its change.
    level: bool,
}

/// Matches outturns to the indicators they measure and puts them in each indicator's terms.
pub(crate) fn resolve(
    indicators: &[Indicator],
    outturns: Vec<Outturn>,
    aliases: &Aliases,
) -> Result<Resolved> {
    let known_of = || -> Vec<Known> {
        indicators
            .iter()
            .map(|i| {
                let (quantity, measure) = aliases.quantity(&i.name);
                Known {
                    region: plain_key(&i.region),
                    name: aliases.canonical(&i.name),
                    quantity,
                    level: measure == Measure::Level,
                }
            })
            .collect()
    };
    if outturns.is_empty() {
        // nothing to match: no keys, index or relations of the rows (some 280 bytes a row
        // at once), unless a row takes its base from the next plan's
        let known = std::cell::OnceCell::new();
        let mut out = Resolved::empty(indicators.len());
        out.meanings = meanings(indicators, &|| known.get_or_init(known_of), &out);
        return Ok(out);
    }
    let known: Vec<Known> = known_of();
    let related = related_by_region(indicators, &known, aliases);
    let regions: BTreeMap<String, &str> = indicators
        .iter()
        .map(|i| (plain_key(&i.region), i.region.as_str()))
        .collect();
    let index = Index::new(&known);
    let mut out = Resolved::empty(indicators.len());
    let mut skipped: Vec<(String, usize)> = Vec::new();
    let mut errors: Vec<(PathBuf, CellError)> = Vec::new();
    for mut o in outturns {
        if o.region.trim().is_empty() {
            if regions.len() == 1 {
                o.region = regions
                    .values()
                    .next()
                    .map(|r| r.to_string())
                    .unwrap_or_default();
            } else {
                let held: Vec<&str> = regions.values().copied().collect();
                errors.push((o.file.clone(), no_region(&o, &held)));
                continue;
            }
        }
        let region = plain_key(&o.region);
        if !regions.contains_key(&region) {
            match skipped.iter_mut().find(|s| plain_key(&s.0) == region) {
                Some(s) => s.1 += 1,
                None => skipped.push((o.region.clone(), 1)),
            }
            continue;
        }
        let name = aliases.canonical(&o.indicator);
        let (quantity, measure) = aliases.quantity(&o.indicator);
        let rows = match_rows(
            &mut out,
            indicators,
            &known,
            index.rows(&region, &name, &quantity),
            &o,
            (&name, &quantity, measure),
        );
        let matched = !rows.is_empty();
        let referenced = related.get(&region).is_some_and(|r| {
            r.iter()
                .any(|(q, rel)| *q == quantity || same_indicator(rel, &o.indicator))
        });
        if !matched && !referenced && o.from_plan_table {
            continue;
        }
        if !matched && !referenced {
            let candidates = names_in(indicators, &known, &related, &region);
            errors.push((o.file.clone(), unmatched(&o, candidates)));
            continue;
        }
        // a figure printed in a unit its row cannot be in (`61.2亩` for a share in %) is refused,
        // not read as if it were in the row's unit; a row measuring the other way (a growth
        // row in % fed `108亿元` of its level) prints no unit of the figure
        let k = out.outturns.len();
        let level = measure == Measure::Level;
        if let Some(e) = rows
            .iter()
            .filter(|&&i| known[i].level == level)
            .find_map(|&i| {
                foreign_unit(&indicators[i], &o).or_else(|| {
                    level
                        .then(|| implausible_scale(&indicators[i], &o))
                        .flatten()
                })
            })
        {
            // its matches go with it: the next outturn takes its place in the list
            for &i in &rows {
                out.by_row[i].retain(|m| m.outturn != k);
            }
            errors.push((o.file.clone(), e));
            continue;
        }
        if let Some(w) = negative_fall(&o) {
            out.warnings.push(w);
        }
        out.quantities.push((quantity, measure));
        out.outturns.push(o);
    }
    out.skipped = skipped;
    if errors.is_empty() {
        out.meanings = meanings(indicators, &|| &known, &out);
        let bases = level_bases(indicators, &known, &index, &out);
        out.set_level_bases(indicators, bases);
        return Ok(out);
    }
    Err(super::cell_errors(errors))
}

/// The meanings of the rows whose table alone does not give them, by row: the base of a rise counted from an earlier figure set
/// from the plan's base-year outturn where one is known, else from the next plan's table (a
/// row of the same region and indicator printing a plain figure for that year).
fn meanings<'k>(
    indicators: &[Indicator],
    known: &dyn Fn() -> &'k [Known],
    resolved: &Resolved,
) -> Vec<(usize, Meaning)> {
    // the rows of each region and name, made the first time a row needs the next plan's
    let by_name: std::cell::OnceCell<HashMap<(&str, &str), Vec<usize>>> =
        std::cell::OnceCell::new();
    indicators
        .iter()
        .enumerate()
        .filter_map(|(i, ind)| {
            let m = Meaning::of(ind);
            if !m.base_before_plan(ind) {
                return None;
            }
            let year = crate::meaning::plan_base_year(ind);
            let outturn = super::observations(&m, ind, &resolved.of_row(i))
                .into_iter()
                .find(|o| o.year == year && o.side.is_none())
                .map(|o| KnownBase::Outturn(o.value));
            let next_plan = || {
                let known = known();
                let rows = by_name.get_or_init(|| {
                    let mut map: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
                    for (j, k) in known.iter().enumerate() {
                        map.entry((&k.region, &k.name)).or_default().push(j);
                    }
                    map
                });
                rows.get(&(known[i].region.as_str(), known[i].name.as_str()))?
                    .iter()
                    .map(|&j| &indicators[j])
                    .filter(|j| {
                        j.base_year == year && j.base.year.is_none() && j.unit.raw == ind.unit.raw
                    })
                    .find_map(|j| j.base_level())
                    .map(|n| KnownBase::NextPlan(n.value))
            };
            Some((i, Meaning::with_known_base(ind, outturn.or_else(next_plan))))
        })
        .collect()
}

/// For each row measuring a change whose outturns include its quantity's levels, every one
/// printed bare (so in the level row's unit): the base of the row of the same region, plan and
/// base year that measures the level, where it prints a plain figure for that year.
fn level_bases(
    indicators: &[Indicator],
    known: &[Known],
    index: &Index,
    out: &Resolved,
) -> Vec<(usize, (i32, f64))> {
    let level = How::Quantity {
        measure: Measure::Level,
    };
    let bare = |o: &Outturn| {
        super::value::parse(&o.text).map_or(1.0, |p| p.scale) == 1.0
            && Name::parse(&o.indicator).unit.is_none()
    };
    let mut bases = Vec::new();
    for (i, matches) in out.by_row.iter().enumerate() {
        let levels: Vec<&Outturn> = matches
            .iter()
            .filter(|m| m.how == level)
            .map(|m| &out.outturns[m.outturn])
            .collect();
        if known[i].level || levels.is_empty() || !levels.iter().all(|o| bare(o)) {
            continue;
        }
        let ind = &indicators[i];
        let found = index
            .by_quantity
            .get(&(known[i].region.as_str(), known[i].quantity.as_str()))
            .into_iter()
            .flatten()
            .map(|&j| (j, &indicators[j]))
            .filter(|&(j, l)| {
                known[j].level
                    && l.plan == ind.plan
                    && l.base_year == ind.base_year
                    && l.base.year.is_none()
            })
            .find_map(|(_, l)| l.base_level());
        if let Some(n) = found {
            bases.push((i, (ind.base_year, n.value)));
        }
    }
    bases
}

/// The rows of each region by name and by quantity, so that an outturn finds its rows without
/// a scan of every row (outturns × rows: 10⁵ outturns against 10⁵ rows took minutes).
struct Index<'a> {
    by_name: HashMap<(&'a str, &'a str), Vec<usize>>,
    by_quantity: HashMap<(&'a str, &'a str), Vec<usize>>,
}

impl<'a> Index<'a> {
    fn new(known: &'a [Known]) -> Index<'a> {
        let mut index = Index {
            by_name: HashMap::new(),
            by_quantity: HashMap::new(),
        };
        for (i, k) in known.iter().enumerate() {
            let region = k.region.as_str();
            index.by_name.entry((region, &k.name)).or_default().push(i);
            index
                .by_quantity
                .entry((region, &k.quantity))
                .or_default()
                .push(i);
        }
        index
    }

    /// The rows of `region` named `name` or measuring `quantity`, in row order.
    fn rows(&self, region: &str, name: &str, quantity: &str) -> Vec<usize> {
        let of = |map: &HashMap<(&str, &str), Vec<usize>>, key: &str| {
            map.get(&(region, key)).cloned().unwrap_or_default()
        };
        let mut rows = of(&self.by_name, name);
        rows.extend(of(&self.by_quantity, quantity));
        rows.sort_unstable();
        rows.dedup();
        rows
    }
}

/// Matches outturn `o` (the next of `out.outturns`) to `rows`, its region's rows measuring it,
/// by name or by quantity, with any contradiction between them; the rows matched, in order.
fn match_rows(
    out: &mut Resolved,
    indicators: &[Indicator],
    known: &[Known],
    rows: Vec<usize>,
    o: &Outturn,
    (name, quantity, measure): (&str, &str, Measure),
) -> Vec<usize> {
    let k = out.outturns.len();
    let mut matched = Vec::new();
    for i in rows {
        let kn = &known[i];
        let how = if kn.name == name {
            How::Exact
        } else if kn.quantity == quantity {
            How::Quantity { measure }
        } else {
            continue;
        };
        matched.push(i);
        if out.by_row.len() <= i {
            out.by_row.resize_with(i + 1, Vec::new);
        }
        out.by_row[i].push(Match { outturn: k, how });
        if let Some(w) = contradiction(&indicators[i], o) {
            out.warnings.push(w);
        }
    }
    matched
}

/// The names an outturn of `region` may mean: its rows' and those its relational targets name.
fn names_in<'a>(
    indicators: &'a [Indicator],
    known: &[Known],
    related: &'a HashMap<String, Vec<(String, Relation)>>,
    region: &str,
) -> Vec<&'a str> {
    indicators
        .iter()
        .zip(known)
        .filter(|(_, kn)| kn.region == region)
        .map(|(i, _)| i.name.as_str())
        .chain(
            related
                .get(region)
                .into_iter()
                .flatten()
                .map(|(_, r)| r.other.as_str()),
        )
        .collect()
}

/// By region, the quantities relational targets name (`高于GDP增长` needs GDP's outturns).
fn related_by_region(
    indicators: &[Indicator],
    known: &[Known],
    aliases: &Aliases,
) -> HashMap<String, Vec<(String, Relation)>> {
    let mut related: HashMap<String, Vec<(String, Relation)>> = HashMap::new();
    for (i, ind) in indicators.iter().enumerate() {
        if let TargetKind::Relational { relation } = Meaning::of(ind).target {
            related
                .entry(known[i].region.clone())
                .or_default()
                .push((aliases.quantity(&relation.other).0, relation));
        }
    }
    related
}
