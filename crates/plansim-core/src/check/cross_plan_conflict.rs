//! `cross-plan-conflict`: one indicator in a district's plan and in the plan of a region that
//! contains it (科尔沁区 in 通辽市), matched through the alias list.
//!
//! - Error when an additive amount (亿元, 万人, 万亩 …; not per-capita, not a share) of the part
//!   is larger than the whole's in the same year, whatever the printed digits hide.
//! - Warning when both state an annual rate for overlapping years and the two rates' intervals
//!   do not overlap: a district may outgrow its city, but plans pass the city's pace down, and a
//!   gap beyond both roundings is worth a look.
//!
//! Shares and per-capita levels are not compared: a district's may lie on either side of its
//! city's without contradiction.

use super::precision::{self, Spread, spread};
use super::words as say;
use super::{
    Check, CheckOptions, Code, Finding, Numbers, Related, is_growth_name, is_per_unit_name,
};
use crate::names::plain_key as key;
use crate::notice::Severity;
use crate::table::{Form, Indicator, Magnitude, UnitKind};
use std::collections::HashMap;

pub(crate) struct CrossPlanConflict;

impl Check for CrossPlanConflict {
    fn code(&self) -> Code {
        Code::CrossPlanConflict
    }

    fn check(&self, indicators: &[Indicator], opts: &CheckOptions) -> Vec<Finding> {
        let mut within: HashMap<&str, Vec<String>> = HashMap::new();
        for i in indicators {
            within
                .entry(i.region.as_str())
                .or_insert_with(|| opts.regions.ancestors(&i.region));
        }
        // no row lies in another's region: nothing to compare, and no names to gather (some
        // 140 bytes a row at once)
        if within.values().all(Vec::is_empty) {
            return Vec::new();
        }
        // rows grouped by canonical name (the names rule and the alias list): only rows of one
        // statistic meet, where every row used to meet every other
        let names: Vec<String> = indicators
            .iter()
            .map(|i| opts.aliases.canonical(&i.name))
            .collect();
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            by_name.entry(name.as_str()).or_default().push(i);
        }
        let mut out = Vec::new();
        for (p, part) in indicators.iter().enumerate() {
            let outer = &within[part.region.as_str()];
            if outer.is_empty() {
                continue;
            }
            // the group's rows in table order, as the pairwise walk found them
            for &w in &by_name[names[p].as_str()] {
                let whole = &indicators[w];
                if outer.contains(&key(&whole.region)) {
                    out.extend(rates(part, whole));
                    out.extend(levels(part, whole));
                }
            }
        }
        out
    }
}

/// `2021–2025`, or `2023` for one year.
fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// The years a rate covers: (base, target].
fn overlap(a: &Indicator, b: &Indicator) -> Option<(i32, i32)> {
    let from = a.base_year.max(b.base_year) + 1;
    let to = a.target_year.min(b.target_year);
    (from <= to).then_some((from, to))
}

fn rates(part: &Indicator, whole: &Indicator) -> Option<Finding> {
    let (p, w) = (
        precision::stated_rate(part)?,
        precision::stated_rate(whole)?,
    );
    let (from, to) = overlap(part, whole)?;
    if p.interval.overlaps(&w.interval) {
        return None;
    }
    let message = say::plans_disagree(
        &part.region,
        &part.rate.raw,
        &years(part.base_year + 1, part.target_year),
        &whole.region,
        &whole.plan,
        &whole.rate.raw,
        &years(whole.base_year + 1, whole.target_year),
        &years(from, to),
    );
    Some(
        Finding::new(part, Code::CrossPlanConflict, Severity::Warning, message)
            .with(Numbers {
                stated_rate: Some(p.point),
                other_rate: Some(w.point),
                ..Numbers::default()
            })
            .related([Related::of(whole)]),
    )
}

/// The unit without its magnitude: `亿元` → `元`, `万人` → `人`.
fn base_unit(ind: &Indicator) -> String {
    let raw = crate::table::normalize::fold(&ind.unit.raw);
    match Magnitude::prefix_of(&raw) {
        Some((_, len)) => raw[len..].to_string(),
        None => raw,
    }
}

fn additive(ind: &Indicator) -> bool {
    matches!(ind.unit.kind, UnitKind::Money | UnitKind::Quantity)
        && !is_per_unit_name(&ind.name)
        && !is_growth_name(&ind.name)
}

/// A level in `year` in absolute units: the target (any bound) or the base (a number).
fn at(ind: &Indicator, year: i32) -> Option<(Spread, &str)> {
    let cell = if ind.target_year == year {
        &ind.target
    } else if ind.base_year == year
        && matches!(ind.base.form, Form::Number { .. } | Form::About { .. })
    {
        &ind.base
    } else {
        return None;
    };
    if cell.is_period_total() {
        return None;
    }
    Some((spread(cell, ind.factor(cell) * ind.unit.scale)?, &cell.raw))
}

fn levels(part: &Indicator, whole: &Indicator) -> Option<Finding> {
    if !additive(part) || !additive(whole) || base_unit(part) != base_unit(whole) {
        return None;
    }
    let year = [part.target_year, part.base_year]
        .into_iter()
        .find(|&y| at(part, y).is_some() && at(whole, y).is_some())?;
    let ((p, p_raw), (w, w_raw)) = (at(part, year)?, at(whole, year)?);
    if p.interval.lo <= w.interval.hi {
        return None;
    }
    let scale = part.unit.scale;
    let message = say::part_exceeds(
        &part.region,
        &part.name,
        year,
        p_raw,
        &part.unit.raw,
        &whole.region,
        &whole.plan,
        w_raw,
        &whole.unit.raw,
    );
    Some(
        Finding::new(part, Code::CrossPlanConflict, Severity::Error, message)
            .with(Numbers {
                target_value: Some(p.point / scale),
                other_value: Some(w.point / scale),
                ..Numbers::default()
            })
            .related([Related::of(whole)]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests_support::{moved, row};

    fn pair(district: Indicator, city: Indicator) -> Vec<Finding> {
        let city = moved(city, "通辽市", "2023年计划", 9);
        CrossPlanConflict.check(&[district, city], &CheckOptions::default())
    }

    #[test]
    fn rates_for_overlapping_years() {
        let gdp = |rate: &str| row("地区生产总值", "亿元", 2020, "305.8", 2025, "—", rate);
        let city = |rate: &str| row("GDP", "亿元", 2022, "", 2023, "—", rate);
        // 7左右 and 7左右: the same
        assert!(pair(gdp("7左右"), city("7左右")).is_empty());
        // 5 ± 0.5 and 7 ± 0.5 never meet
        let f = pair(gdp("5"), city("7"));
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].severity, f[0].numbers.other_rate),
            (Severity::Warning, Some(7.0))
        );
        assert_eq!(f[0].related[0].region, "通辽市");
        // a city's floor of 10 against the district's 7
        assert_eq!(pair(gdp("7"), city("10以上")).len(), 1);
        // years that do not overlap: 2016–2020 against 2023
        let old = row("地区生产总值", "亿元", 2015, "", 2020, "—", "5");
        assert!(pair(old, city("7")).is_empty());
    }

    #[test]
    fn a_part_above_its_whole() {
        let district = row("粮食产量", "万斤", 2020, "", 2023, "200亿", "");
        // 200亿斤 > 180亿斤 (at most 180.5亿)
        let f = pair(
            district.clone(),
            row("粮食总产量", "亿斤", 2022, "", 2023, "180", ""),
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        // not when the city's is a floor, nor across different units or years
        assert!(
            pair(
                district.clone(),
                row("粮食产量", "亿斤", 2022, "", 2023, "180以上", "")
            )
            .is_empty()
        );
        assert!(
            pair(
                district.clone(),
                row("粮食产量", "万吨", 2022, "", 2023, "1", "")
            )
            .is_empty()
        );
        assert!(pair(district, row("粮食产量", "亿斤", 2022, "", 2024, "1", "")).is_empty());
        // shares are not additive
        let s = row("森林覆盖率", "%", 2020, "", 2023, "30", "");
        assert!(pair(s, row("森林覆盖率", "%", 2022, "", 2023, "20", "")).is_empty());
    }
}
