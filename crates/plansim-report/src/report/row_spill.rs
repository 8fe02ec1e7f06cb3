//! A report's target rows kept on disk while its table is held, and read back once the table
//! is let go: at 10⁶ rows the table's rows (some 470 bytes a row) and the target rows (some
//! 600) are never held together. Every field is written as it is, numbers as their bits, so
//! what is read back is the row that was made; the texts rows repeat are shared again as they
//! are read.

use super::codec::{
    byte, bytes, count, direction, goal, io, maybe, number, pair, read_byte, read_count,
    read_direction, read_goal, read_maybe, read_number, read_pair, read_text, read_tri, read_year,
    text, tri, year,
};
use super::rows::{Meant, Reach, TargetRow, Texts};
use plansim_core::assess::Status;
use plansim_core::assess::ambition::Verdict;
use plansim_core::lang::Text;
use plansim_core::series::{Floor, Observed, SigmaSource};
use plansim_core::table::Attribute;
use std::io::{BufReader, BufWriter, Read, Write};

type Res<T> = plansim_core::Result<T>;

/// Writes target rows to a temporary file as they are made.
pub struct Writer {
    w: BufWriter<tempfile::NamedTempFile>,
    /// Each row's rule, a text of the grading's own, kept in memory (16 bytes a row).
    rules: Vec<&'static str>,
}

/// Target rows on disk, in the order made.
pub struct Stored {
    file: tempfile::NamedTempFile,
    rules: Vec<&'static str>,
}

impl Writer {
    pub fn new(rows: usize) -> Res<Writer> {
        Ok(Writer {
            w: BufWriter::new(tempfile::NamedTempFile::new().map_err(io)?),
            rules: Vec::with_capacity(rows),
        })
    }

    /// Writes a row made by [`super::rows::each_target_row`] (its audit marks are added
    /// later, and none is written).
    pub fn push(&mut self, r: &TargetRow) -> Res<()> {
        let w = &mut self.w;
        for t in [
            &*r.region,
            &*r.plan,
            &*r.category,
            &r.indicator,
            &r.indicator_en,
            &*r.unit,
            &r.target,
            &*r.reason,
            &*r.ambition,
            &*r.pace_unit,
        ] {
            text(w, t)?;
        }
        let attribute = match r.attribute {
            Attribute::Expected => 0,
            Attribute::Binding => 1,
            Attribute::Unstated => 2,
        };
        let status = Status::ALL.iter().position(|s| *s == r.status).unwrap_or(0) as u8;
        byte(w, attribute)?;
        byte(w, status)?;
        year(w, r.base_year)?;
        year(w, r.year)?;
        for v in [
            r.base,
            r.ambition_ratio,
            r.p_meet,
            r.current_pace,
            r.planned_pace,
            r.required_pace,
            r.gap,
            r.target_value,
            r.sigma,
            r.stated_rate,
            r.required_rate,
            r.projected,
            r.probability,
        ] {
            maybe(w, v)?;
        }
        pair(w, r.latest)?;
        pair(w, r.at_horizon)?;
        byte(w, r.latest_year.is_some() as u8)?;
        year(w, r.latest_year.unwrap_or(0))?;
        let verdict = r.ambition_verdict.map_or(0, |v| match v {
            Verdict::Ratio => 1,
            Verdict::AlreadyMet => 2,
            Verdict::Opposite => 3,
            Verdict::NoHistory => 4,
            Verdict::Qualitative => 5,
        });
        byte(w, verdict)?;
        sigma_source(w, r.sigma_source.as_deref())?;
        for b in [r.hypothetical, r.kept, r.ended] {
            byte(w, b as u8)?;
        }
        tri(w, r.met)?;
        Reach::write(w, r.reach)?;
        byte(w, r.path.is_some() as u8)?;
        count(w, r.path.unwrap_or(0))?;
        goal(w, r.meant.goal)?;
        direction(w, r.meant.direction)?;
        byte(w, r.meant.period_change as u8)?;
        self.rules.push(r.rule);
        Ok(())
    }

    pub fn finish(self) -> Res<Stored> {
        let file = self.w.into_inner().map_err(|e| io(e.into_error()))?;
        Ok(Stored {
            file,
            rules: self.rules,
        })
    }
}

impl Stored {
    /// The rows as they were made, the texts they repeat shared again.
    pub fn read(self) -> Res<Vec<TargetRow>> {
        let mut r = BufReader::new(self.file.reopen().map_err(io)?);
        let mut rows = Vec::with_capacity(self.rules.len());
        // regions and plans are many at 10⁶ rows of 25,000 regions: all shared; the other
        // texts as the rows were made ([`Texts`])
        let mut places = plansim_core::text::Interner::default();
        let mut texts = Texts::default();
        let mut t = String::new();
        for rule in self.rules {
            let mut next = |r: &mut BufReader<std::fs::File>| -> Res<String> {
                read_text(r, &mut t)?;
                Ok(std::mem::take(&mut t))
            };
            let region = places.get(&next(&mut r)?);
            let plan = places.get(&next(&mut r)?);
            let category = texts.get(&next(&mut r)?);
            let indicator = next(&mut r)?;
            let indicator_en = next(&mut r)?;
            let unit = texts.get(&next(&mut r)?);
            let target = next(&mut r)?;
            let reason = texts.get(&next(&mut r)?);
            let ambition = texts.get(&next(&mut r)?);
            let pace_unit = texts.get(&next(&mut r)?);
            let attribute = match read_byte(&mut r)? {
                1 => Attribute::Binding,
                2 => Attribute::Unstated,
                _ => Attribute::Expected,
            };
            let status = Status::ALL[read_byte(&mut r)? as usize % Status::ALL.len()];
            let base_year = read_year(&mut r)?;
            let target_year = read_year(&mut r)?;
            let mut v = [None; 13];
            for x in &mut v {
                *x = read_maybe(&mut r)?;
            }
            let [
                base,
                ambition_ratio,
                p_meet,
                current_pace,
                planned_pace,
                required_pace,
                gap,
                target_value,
                sigma,
                stated_rate,
                required_rate,
                projected,
                probability,
            ] = v;
            let latest = read_pair(&mut r)?;
            let at_horizon = read_pair(&mut r)?;
            let some = read_byte(&mut r)? == 1;
            let latest_year = Some(read_year(&mut r)?).filter(|_| some);
            let ambition_verdict = match read_byte(&mut r)? {
                1 => Some(Verdict::Ratio),
                2 => Some(Verdict::AlreadyMet),
                3 => Some(Verdict::Opposite),
                4 => Some(Verdict::NoHistory),
                5 => Some(Verdict::Qualitative),
                _ => None,
            };
            let sigma_source = read_sigma_source(&mut r)?.map(Box::new);
            let [hypothetical, kept, ended] = bytes::<3>(&mut r)?;
            let met = read_tri(&mut r)?;
            let reach = Reach::read(&mut r)?;
            let some = read_byte(&mut r)? == 1;
            let path = Some(read_count(&mut r)?).filter(|_| some);
            let goal = read_goal(&mut r)?;
            let direction = read_direction(&mut r)?;
            let period_change = read_byte(&mut r)? == 1;
            rows.push(TargetRow {
                region,
                plan,
                category,
                indicator,
                indicator_en,
                unit,
                attribute,
                base_year,
                base,
                year: target_year,
                target,
                status,
                grade_zh: status.zh(),
                reason,
                ambition,
                ambition_ratio,
                ambition_verdict,
                hypothetical: hypothetical == 1,
                p_meet,
                latest,
                latest_year,
                rule,
                pace_unit,
                current_pace,
                planned_pace,
                required_pace,
                gap,
                target_value,
                sigma,
                sigma_source,
                stated_rate,
                required_rate,
                kept: kept == 1,
                ended: ended == 1,
                projected,
                at_horizon,
                met,
                reach,
                audit: Default::default(),
                probability,
                path,
                meant: Meant {
                    goal,
                    direction,
                    period_change,
                },
            });
        }
        Ok(rows)
    }
}

/// Where σ came from: what it was measured on, over which years, and the floor it was
/// raised to.
fn sigma_source(w: &mut impl Write, s: Option<&SigmaSource>) -> Res<()> {
    let Some(s) = s else {
        return byte(w, 0);
    };
    let observed = match s.observed {
        Observed::Changes => 1,
        Observed::Values => 2,
        Observed::Differences => 3,
    };
    byte(w, observed)?;
    count(w, s.m)?;
    year(w, s.first)?;
    year(w, s.last)?;
    byte(w, s.floor.is_some() as u8)?;
    if let Some(f) = &s.floor {
        for t in [&f.kind.en, &f.kind.zh, &f.unit.en, &f.unit.zh] {
            text(w, t)?;
        }
        number(w, f.floor)?;
        number(w, f.observed)?;
    }
    Ok(())
}

fn read_sigma_source(r: &mut impl Read) -> Res<Option<SigmaSource>> {
    let observed = match read_byte(r)? {
        0 => return Ok(None),
        1 => Observed::Changes,
        2 => Observed::Values,
        _ => Observed::Differences,
    };
    let m = read_count(r)?;
    let (first, last) = (read_year(r)?, read_year(r)?);
    let floor = if read_byte(r)? == 1 {
        let mut t = [String::new(), String::new(), String::new(), String::new()];
        for x in &mut t {
            read_text(r, x)?;
        }
        let [kind_en, kind_zh, unit_en, unit_zh] = t;
        Some(Floor {
            kind: Text::new(kind_en, kind_zh),
            floor: read_number(r)?,
            observed: read_number(r)?,
            unit: Text::new(unit_en, unit_zh),
        })
    } else {
        None
    };
    Ok(Some(SigmaSource {
        observed,
        m,
        first,
        last,
        floor,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled scenario's target rows, kept on disk and read back, are the rows made:
    /// every field (grades from outturns, σ and its source with a floor, goals of every
    /// kind, reaches, relations), compared as printed in full.
    #[test]
    fn target_rows_read_back_are_the_rows_made() {
        let mut rows = 0;
        let mut sources = 0;
        for c in crate::report::scenario::bundled() {
            let mut w = Writer::new(c.page.rows.len()).unwrap();
            for r in c.page.rows.iter() {
                let mut r = r.clone();
                r.audit = Default::default();
                w.push(&r).unwrap();
            }
            let back = w.finish().unwrap().read().unwrap();
            assert_eq!(back.len(), c.page.rows.len());
            for (a, b) in c.page.rows.iter().zip(&back) {
                let mut a = a.clone();
                a.audit = Default::default();
                assert_eq!(format!("{a:?}"), format!("{b:?}"));
                sources += a.sigma_source.is_some() as usize;
            }
            rows += back.len();
        }
        assert!(rows > 500, "{rows}");
        assert!(sources > 0);
    }
}
