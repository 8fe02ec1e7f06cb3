//! What few series carry besides their name, unit, baseline and goals, held behind one pointer
//! (a series of a million-row table pays eight bytes for them, not 88), and a series' JSON:
//! one flat object as before the details moved.

use super::{Goal, Series, Shape};
use crate::meaning::Quantity;
use crate::table::rare::Empty;
use crate::table::{Attribute, Direction, Num, UnitKind};
use serde::Serialize;
use std::ops::{Deref, DerefMut};

/// What few series carry; read through the series (`s.name_en`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeriesDetails {
    /// The English name, where the table gives one.
    pub name_en: String,
    /// σ of the annual rate from the table (a fraction; points in JSON).
    pub sigma: Option<f64>,
    /// The target cells without a number (delegated, qualitative), for reports.
    pub unquantified: Vec<String>,
    /// The names of other rows that state its target again (`地区生产总值` beside
    /// `地区生产总值增长率`): a rule or `--indicator` naming one reaches this series.
    pub also: Vec<String>,
}

static EMPTY: SeriesDetails = SeriesDetails {
    name_en: String::new(),
    sigma: None,
    unquantified: Vec::new(),
    also: Vec::new(),
};

impl Empty for SeriesDetails {
    fn empty() -> &'static SeriesDetails {
        &EMPTY
    }
}

impl Deref for Series {
    type Target = SeriesDetails;

    fn deref(&self) -> &SeriesDetails {
        &self.details
    }
}

impl DerefMut for Series {
    fn deref_mut(&mut self) -> &mut SeriesDetails {
        &mut self.details
    }
}

/// A series as JSON: its fields and its details' in the order they had as one struct.
#[derive(Serialize)]
struct Flat<'a> {
    region: &'a str,
    plan: &'a str,
    category: &'a str,
    name: &'a str,
    name_en: &'a str,
    unit: &'a str,
    unit_kind: UnitKind,
    quantity: Quantity,
    attribute: Attribute,
    direction: Direction,
    shape: Shape,
    base_year: i32,
    base: Option<f64>,
    plan_year: i32,
    goals: &'a [Goal],
    #[serde(serialize_with = "crate::percent::num")]
    stated_rate: Option<Num>,
    ceiling: Option<f64>,
    additive: bool,
    #[serde(serialize_with = "crate::percent::opt")]
    sigma: Option<f64>,
    unquantified: &'a [String],
    rows: &'a [usize],
    #[serde(skip_serializing_if = "none")]
    also: &'a [String],
}

fn none(v: &&[String]) -> bool {
    v.is_empty()
}

impl Serialize for Series {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        Flat {
            region: &self.region,
            plan: &self.plan,
            category: &self.category,
            name: &self.name,
            name_en: &self.name_en,
            unit: &self.unit,
            unit_kind: self.unit_kind,
            quantity: self.quantity,
            attribute: self.attribute,
            direction: self.direction,
            shape: self.shape,
            base_year: self.base_year,
            base: self.base,
            plan_year: self.plan_year,
            goals: &self.goals,
            stated_rate: self.stated_rate,
            ceiling: self.ceiling,
            additive: self.additive,
            sigma: self.sigma,
            unquantified: &self.unquantified,
            rows: &self.rows,
            also: &self.also,
        }
        .serialize(ser)
    }
}

#[cfg(test)]
mod tests {
    use crate::table::{LoadOptions, load_bytes};

    /// A plain row's series holds no details; a σ column fills them, read through the series.
    #[test]
    fn details_are_held_only_when_filled() {
        let csv = "region,indicator,unit,base_year,base,target_year,target,rate,sigma\n\
                   甲区,地区生产总值,亿元,2020,100,2025,,5,\n\
                   甲区,常住人口,万人,2020,50,2025,55,,1.5\n";
        let t = load_bytes(
            "t.csv".as_ref(),
            csv.as_bytes().to_vec(),
            &LoadOptions::default(),
        )
        .unwrap();
        let r = crate::actuals::Resolved::default();
        let s = super::Series::gather(&t.indicators, &r);
        assert!(!s[0].details.is_held() && s[0].sigma.is_none());
        // 1.5 points a year: 0.015
        assert!(s[1].details.is_held());
        assert!(crate::approx_eq(s[1].sigma.unwrap(), 0.015, 1e-12));
        let json = serde_json::to_value(&*s[1]).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 21, "{keys:?}");
        assert!(crate::approx_eq(
            json["sigma"].as_f64().unwrap(),
            1.5,
            1e-12
        ));
    }
}
