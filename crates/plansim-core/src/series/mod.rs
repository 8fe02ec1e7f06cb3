//! An indicator as a path to project: its rows (2025, 2035 targets) gathered into one baseline,
//! its goals, and the plan's stated pace.
use crate::actuals::Resolved;
use crate::meaning::{GoalKind, Meaning, Of, Quantity, TargetKind};
use crate::table::{Attribute, Direction, Form, Indicator, Num, UnitKind};
use serde::Serialize;

mod details;
mod goal;
mod groups;
mod sigma_source;
pub mod trend;
use crate::table::rare::Rare;
use crate::text::{Interner, Shared};
pub use details::SeriesDetails;
pub use goal::Goal;
pub use groups::Groups;
pub use sigma_source::{Floor, Observed, SigmaSource};
use std::sync::Arc;

/// What kind of quantity the path follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// A level (GDP, a share, a count) starting from its baseline.
    Level,
    /// An index (base year = 100) for a target stated as a total change over a period
    /// (`单位GDP能耗累计降低 12(十四五时期)` → 88 in 2025), or for a growth rate stated without
    /// a baseline level (`增长6%左右` → 106 a year later).
    ChangeIndex,
    /// A running total from zero for a target counted over a period (`[4]万人` new jobs).
    RunningTotal,
}

/// An indicator with everything the projection needs. What few series carry is in
/// [`SeriesDetails`], read through the series (`s.also`); serialized as one flat object (see
/// `details`).
#[derive(Clone, Debug)]
pub struct Series {
    /// The region of the row, one copy shared by the series of a region.
    pub region: Shared,
    /// The plan of the row (`十四五`), shared as the region.
    pub plan: Shared,
    /// The row's category, carried down from banners and merged cells.
    pub category: String,
    /// The indicator as the table names it.
    pub name: String,
    /// The unit the values are in, shared as the region.
    pub unit: Shared,
    /// What the unit is (share, level, rate), for the model and the checks.
    pub unit_kind: UnitKind,
    /// What meaning makes of the row's cells; `Rate` rows are yearly rates, not levels.
    pub quantity: Quantity,
    /// 预期性 or 约束性.
    pub attribute: Attribute,
    /// Which way the indicator is meant to move.
    pub direction: Direction,
    /// How the path is drawn between and after goals.
    pub shape: Shape,
    /// The year of the baseline.
    pub base_year: i32,
    /// The baseline level; 100 for a change index, 0 for a running total. `None` when the
    /// table gives no baseline (the path cannot be projected without actuals).
    pub base: Option<f64>,
    /// The first target year (end of the plan period).
    pub plan_year: i32,
    /// The goals, plan year first (later ones such as 2035 after it).
    pub goals: Vec<Goal>,
    /// The stated average annual rate (fraction; percent in JSON) with its printed precision.
    pub stated_rate: Option<Num>,
    /// Natural ceiling (100 for a share).
    pub ceiling: Option<f64>,
    /// The target adds a change in the row's unit to its base (`〔1〕` 岁, `〔6〕` 百分点): the
    /// path moves by equal steps, not by a compound rate.
    pub additive: bool,
    /// Indices of the rows of the input this series gathers.
    pub rows: Vec<usize>,
    /// What few series carry (an English name, a σ, cells without a number, other names),
    /// read through the series (`s.sigma`) and held only when filled.
    pub(crate) details: Rare<SeriesDetails>,
}

impl Series {
    /// Gathers indicator rows into series, one per (region, plan, indicator), in first-seen
    /// order, each row read by its meaning as made with the outturns (`resolved.meaning`). Each series is made behind its own pointer, to be
    /// shared with the paths made of it: a vector of the series themselves beside the pointers
    /// held 344 bytes a row more at the peak.
    pub fn gather(indicators: &[Indicator], resolved: &Resolved) -> Vec<Arc<Series>> {
        gather_by(
            indicators,
            resolved,
            &std::collections::hash_map::RandomState::new(),
        )
    }
}

/// [`Series::gather`] with the keys hashed by `keys` (a test makes every hash collide).
fn gather_by(
    indicators: &[Indicator],
    resolved: &Resolved,
    keys: &impl std::hash::BuildHasher,
) -> Vec<Arc<Series>> {
    let (group, firsts) = groups::number_rows(indicators, keys);
    let mut out: Vec<Arc<Series>> = Vec::with_capacity(firsts.len());
    drop(firsts);
    // the region, plan and unit of most rows are the same few texts: one copy of each
    let mut texts = Interner::default();
    for (i, ind) in indicators.iter().enumerate() {
        let m = resolved.meaning(i, ind);
        match group[i] {
            // series are numbered as first seen: a new one is the next
            g if g == out.len() => out.push(Arc::new(Series::from_row(i, ind, &m, &mut texts))),
            // no other pointer to a series exists yet: `get_mut` always finds it
            g => {
                if let Some(s) = Arc::get_mut(&mut out[g]) {
                    s.add_row(i, ind, &m);
                }
            }
        }
    }
    for s in out.iter_mut().filter_map(Arc::get_mut) {
        s.settle();
    }
    out
}

impl Series {
    /// The series of `rows` (one of [`Groups`], in file order), made by itself as
    /// [`Series::gather`] makes it among the others; `texts` shares its region, plan and unit
    /// with the series made before it.
    pub(crate) fn of_rows(
        rows: &[usize],
        indicators: &[Indicator],
        resolved: &Resolved,
        texts: &mut Interner,
    ) -> Option<Series> {
        let (&first, rest) = rows.split_first()?;
        let ind = indicators.get(first)?;
        let mut s = Series::from_row(first, ind, &resolved.meaning(first, ind), texts);
        s.rows.reserve_exact(rest.len());
        for &i in rest {
            let ind = indicators.get(i)?;
            s.add_row(i, ind, &resolved.meaning(i, ind));
        }
        s.settle();
        Some(s)
    }

    /// What a series is once all its rows are in: an index for a stated rate without a
    /// baseline, its goals in order of year, its plan year the first goal's.
    fn settle(&mut self) {
        // a stated rate with no baseline level ("增长6%左右") still has a path: an index
        if self.base.is_none()
            && self.stated_rate.is_some()
            && self.goals.iter().all(|g| g.from_rate)
        {
            self.shape = Shape::ChangeIndex;
            self.base = Some(100.0);
            self.unit = format!("{}=100", self.base_year).into();
            self.ceiling = None;
        }
        self.goals.sort_by_key(|g| g.year);
        self.plan_year = self.goals.first().map_or(self.plan_year, |g| g.year);
    }
}

impl Series {
    /// Whether `key` names the series: its name, its English name, or the name of a row
    /// stating its target again.
    pub fn named(&self, key: &str) -> bool {
        key == self.name
            || (!self.name_en.is_empty() && key == self.name_en)
            || self.also.iter().any(|a| a == key)
    }

    fn from_row(i: usize, ind: &Indicator, m: &Meaning, texts: &mut Interner) -> Series {
        // the kind of quantity is meaning's: a period total of a % change is a change index,
        // one of a count a running total; growth-rate rows are levels here and left out of
        // projection by `project`
        let quantity = m.quantity;
        let shape = match quantity {
            Quantity::PeriodChange => Shape::ChangeIndex,
            Quantity::RunningTotal => Shape::RunningTotal,
            Quantity::Level | Quantity::Share | Quantity::Rate => Shape::Level,
        };
        let base = match quantity {
            Quantity::Rate => None,
            _ => m.base.map(|b| b.1),
        };
        let mut s = Series {
            region: texts.get(&ind.region),
            plan: texts.get(&ind.plan),
            category: ind.category.clone(),
            name: ind.name.clone(),
            unit: texts.get(&if shape == Shape::ChangeIndex {
                format!("{}=100", ind.base_year)
            } else {
                ind.value_unit()
            }),
            unit_kind: ind.unit.kind,
            quantity,
            attribute: ind.attribute,
            direction: m.direction,
            shape,
            base_year: m.base.map_or(ind.base_year, |b| b.0),
            base,
            plan_year: ind.target_year,
            goals: Vec::new(),
            stated_rate: ind.annual_rate(),
            // a share's ceiling, unless the cells carry their own magnitude (`305.8亿` under `%`)
            ceiling: if shape == Shape::Level && ind.value_unit() == ind.unit.raw {
                ind.unit.ceiling()
            } else {
                None
            },
            additive: m.adds_to_base(ind),
            // room for the one row most series have (a first push makes room for four)
            rows: Vec::with_capacity(1),
            details: SeriesDetails {
                name_en: ind.name_en.clone(),
                sigma: ind.sigma,
                unquantified: Vec::new(),
                also: ind.readings.iter().map(|r| r.name.clone()).collect(),
            }
            .into(),
        };
        s.add_row(i, ind, m);
        s
    }

    fn add_row(&mut self, i: usize, ind: &Indicator, m: &Meaning) {
        self.rows.push(i);
        if self.base.is_none() && self.quantity != Quantity::Rate {
            self.base = m.base.map(|b| b.1);
        }
        if self.stated_rate.is_none() {
            self.stated_rate = ind.annual_rate();
        }
        // written only when there is one: a write through the series holds its details
        if self.sigma.is_none() && ind.sigma.is_some() {
            self.sigma = ind.sigma;
        }
        if self.attribute == Attribute::Unstated {
            self.attribute = ind.attribute;
        }
        match self.goal_of(ind, m) {
            // a target the document states twice (`restated-target`): the first statement
            Some(g) if self.goals.iter().any(|h| h.year == g.year) => {}
            // room for one goal at a time: the default four held 168 bytes a row to the end
            Some(g) => {
                self.goals.reserve_exact(1);
                self.goals.push(g);
            }
            None if !ind.target.is_none() => self.unquantified.push(ind.target.raw.clone()),
            None => {}
        }
    }

    /// The goal a row states, in this series' terms: its meaning's target, or the level a
    /// stated average growth reaches.
    fn goal_of(&self, ind: &Indicator, m: &Meaning) -> Option<Goal> {
        let years = f64::from(ind.target_year - self.base_year);
        let (kind, precision) = match &m.target {
            TargetKind::Reach { goal, precision }
            | TargetKind::Hold { goal, precision }
            | TargetKind::PeriodTotal { goal, precision } => (*goal, *precision),
            // a bound or level on the yearly values: a share's ceiling (`<5.5`) is one on its
            // level; a growth-rate row keeps its printed rate
            TargetKind::AnnualBound {
                goal,
                of: Of::Values,
                precision,
            }
            | TargetKind::AnnualRate {
                goal,
                of: Of::Values,
                precision,
            } if self.quantity != Quantity::Rate || ind.target.is_numeric() => (*goal, *precision),
            TargetKind::AnnualBound { of: Of::Growth, .. }
            | TargetKind::AnnualRate { of: Of::Growth, .. } => {
                return self.goal_from_rate(ind, years);
            }
            _ => return None,
        };
        let raw = if ind.target.is_none() {
            &ind.rate.raw
        } else {
            &ind.target.raw
        };
        Some(Goal {
            year: ind.target_year,
            kind,
            raw: raw.clone(),
            from_rate: false,
            precision,
        })
    }

    /// `地区生产总值 年均增长7%左右` from 305.8: the level 305.8·1.07⁵, of the rate cell's kind.
    fn goal_from_rate(&self, ind: &Indicator, years: f64) -> Option<Goal> {
        if ind.target.is_numeric() || years <= 0.0 {
            return None;
        }
        let base = self.base.unwrap_or(100.0);
        ind.annual_rate()?;
        let level = |r: f64| base * (1.0 + r / 100.0).powf(years);
        let kind = match ind.rate.form {
            Form::Number { value } => GoalKind::Point {
                value: level(value.value),
            },
            Form::AtLeast { value, strict } => GoalKind::AtLeast {
                value: level(value.value),
                strict,
            },
            Form::AtMost { value, strict } => GoalKind::AtMost {
                value: level(value.value),
                strict,
            },
            Form::About { value } => GoalKind::About {
                value: level(value.value),
                // 7左右: half a point of annual growth either way
                tolerance: level(value.value) - level(value.value - 0.5),
            },
            Form::Range { low, high } => GoalKind::Range {
                low: level(low.value),
                high: level(high.value),
            },
            _ => return None,
        };
        Some(Goal {
            year: ind.target_year,
            kind,
            raw: annual_raw(&ind.rate.raw),
            from_rate: true,
            // a level compounded here from the rate, not printed
            precision: 0.0,
        })
    }

    /// The goal in a year.
    pub fn goal(&self, year: i32) -> Option<&Goal> {
        self.goals.iter().find(|g| g.year == year)
    }

    /// The English name when asked and present, else the document's.
    pub fn display_name(&self, lang: crate::lang::Lang) -> &str {
        if lang.is_en() && !self.name_en.is_empty() {
            &self.name_en
        } else {
            &self.name
        }
    }

    /// A 约束性 indicator.
    pub fn binding(&self) -> bool {
        self.attribute == Attribute::Binding
    }

    /// `region/name`: unique within a projection, keys the random streams and the σ table.
    pub fn key(&self) -> String {
        format!("{}/{}", self.region, self.name)
    }
}

/// A rate cell as a goal's text: `7左右` → `年均7%左右`, the percent sign after the last digit
/// and before a qualifier (`以上`, `左右`), as plans print it.
fn annual_raw(raw: &str) -> String {
    if raw.contains('%') {
        return format!("年均{raw}");
    }
    let end = raw
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_numeric())
        .map(|(i, c)| i + c.len_utf8());
    match end {
        Some(e) => format!("年均{}%{}", &raw[..e], &raw[e..]),
        None => format!("年均{raw}%"),
    }
}

/// Serializes a shared series as the series itself.
pub(crate) fn shared<S: serde::Serializer>(s: &Arc<Series>, ser: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&**s, ser)
}

#[cfg(test)]
mod annual_raw_tests {
    #[test]
    fn annual_goal_text_puts_the_percent_after_the_number() {
        assert_eq!(super::annual_raw("7左右"), "年均7%左右");
        assert_eq!(super::annual_raw("6.5"), "年均6.5%");
        assert_eq!(super::annual_raw("7%以上"), "年均7%以上");
        assert_eq!(super::annual_raw("＞7"), "年均＞7%");
    }
}

#[cfg(test)]
mod gather_tests {
    use crate::table::{LoadOptions, load_bytes};

    /// Hashes every key alike: every key after the first is told apart by its texts.
    #[derive(Default)]
    struct Same;

    impl std::hash::Hasher for Same {
        fn finish(&self) -> u64 {
            7
        }
        fn write(&mut self, _: &[u8]) {}
    }

    /// 甲's 2035 row joins its 2025 row two rows down, whether the keys' hashes differ or all
    /// collide (乙 and 丙 then told apart from 甲 by their names).
    #[test]
    fn rows_of_one_indicator_gather_whatever_their_keys_hash_to() {
        let csv = "region,indicator,unit,base_year,base,target_year,target\n\
                   甲区,甲,亿元,2020,100,2025,120\n\
                   甲区,乙,亿元,2020,50,2025,60\n\
                   甲区,甲,亿元,2020,100,2035,200\n\
                   甲区,丙,亿元,2020,10,2025,12\n";
        let t = load_bytes(
            "t.csv".as_ref(),
            csv.as_bytes().to_vec(),
            &LoadOptions::default(),
        )
        .unwrap();
        let r = crate::actuals::Resolved::default();
        let random = std::collections::hash_map::RandomState::new();
        let same = std::hash::BuildHasherDefault::<Same>::default();
        for s in [
            super::gather_by(&t.indicators, &r, &random),
            super::gather_by(&t.indicators, &r, &same),
        ] {
            let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(names, ["甲", "乙", "丙"]);
            assert_eq!(s[0].rows, [0, 2]);
            let years: Vec<i32> = s[0].goals.iter().map(|g| g.year).collect();
            assert_eq!(years, [2025, 2035]);
            assert_eq!(
                (s[1].rows.as_slice(), s[2].rows.as_slice()),
                (&[1][..], &[3][..])
            );
        }
    }
}
