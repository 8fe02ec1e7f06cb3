//! The bytes of the report's files kept on disk while it is made ([`super::spill`],
//! [`super::row_spill`], [`super::facts`]): texts with their length, numbers as their bits,
//! so what is read back is what was written.

use plansim_core::meaning::GoalKind;
use plansim_core::table::Direction;
use std::io::{Read, Write};

type Res<T> = plansim_core::Result<T>;

pub(super) fn io(e: std::io::Error) -> plansim_core::Error {
    plansim_core::Error::Invalid(format!(
        "cannot keep the report's rows in the temporary folder {}: {e}",
        std::env::temp_dir().display()
    ))
}

pub(super) fn text(w: &mut impl Write, t: &str) -> plansim_core::Result<()> {
    count(w, t.len())?;
    w.write_all(t.as_bytes()).map_err(io)
}

pub(super) fn count(w: &mut impl Write, n: usize) -> plansim_core::Result<()> {
    w.write_all(&(n as u64).to_le_bytes()).map_err(io)
}

pub(super) fn number(w: &mut impl Write, v: f64) -> plansim_core::Result<()> {
    w.write_all(&v.to_bits().to_le_bytes()).map_err(io)
}

pub(super) fn bytes<const N: usize>(r: &mut impl Read) -> plansim_core::Result<[u8; N]> {
    let mut b = [0; N];
    r.read_exact(&mut b).map_err(io)?;
    Ok(b)
}

pub(super) fn read_count(r: &mut impl Read) -> plansim_core::Result<usize> {
    Ok(u64::from_le_bytes(bytes(r)?) as usize)
}

pub(super) fn read_number(r: &mut impl Read) -> plansim_core::Result<f64> {
    Ok(f64::from_bits(u64::from_le_bytes(bytes(r)?)))
}

pub(super) fn read_text(r: &mut impl Read, t: &mut String) -> plansim_core::Result<()> {
    let n = read_count(r)?;
    let mut b = vec![0; n];
    r.read_exact(&mut b).map_err(io)?;
    *t = String::from_utf8(b).map_err(|e| io(std::io::Error::other(e)))?;
    Ok(())
}

pub(super) fn byte(w: &mut impl Write, b: u8) -> Res<()> {
    w.write_all(&[b]).map_err(io)
}

pub(super) fn year(w: &mut impl Write, y: i32) -> Res<()> {
    w.write_all(&y.to_le_bytes()).map_err(io)
}

pub(super) fn maybe(w: &mut impl Write, v: Option<f64>) -> Res<()> {
    byte(w, v.is_some() as u8)?;
    number(w, v.unwrap_or(0.0))
}

/// A goal: its kind, two numbers and a flag.
pub(super) fn goal(w: &mut impl Write, g: Option<GoalKind>) -> Res<()> {
    let (tag, a, b, strict) = match g {
        None => (0, 0.0, 0.0, false),
        Some(GoalKind::Point { value }) => (1, value, 0.0, false),
        Some(GoalKind::AtLeast { value, strict }) => (2, value, 0.0, strict),
        Some(GoalKind::AtMost { value, strict }) => (3, value, 0.0, strict),
        Some(GoalKind::About { value, tolerance }) => (4, value, tolerance, false),
        Some(GoalKind::Range { low, high }) => (5, low, high, false),
    };
    byte(w, tag)?;
    number(w, a)?;
    number(w, b)?;
    byte(w, strict as u8)
}

pub(super) fn read_goal(r: &mut impl Read) -> Res<Option<GoalKind>> {
    let tag = read_byte(r)?;
    let (a, b) = (read_number(r)?, read_number(r)?);
    let strict = read_byte(r)? == 1;
    Ok(match tag {
        1 => Some(GoalKind::Point { value: a }),
        2 => Some(GoalKind::AtLeast { value: a, strict }),
        3 => Some(GoalKind::AtMost { value: a, strict }),
        4 => Some(GoalKind::About {
            value: a,
            tolerance: b,
        }),
        5 => Some(GoalKind::Range { low: a, high: b }),
        _ => None,
    })
}

pub(super) fn read_byte(r: &mut impl Read) -> Res<u8> {
    let [b] = bytes::<1>(r)?;
    Ok(b)
}

pub(super) fn read_year(r: &mut impl Read) -> Res<i32> {
    Ok(i32::from_le_bytes(bytes(r)?))
}

pub(super) fn read_maybe(r: &mut impl Read) -> Res<Option<f64>> {
    let some = read_byte(r)? == 1;
    let v = read_number(r)?;
    Ok(some.then_some(v))
}

/// A year and a value, or none.
pub(super) fn pair(w: &mut impl Write, p: Option<(i32, f64)>) -> Res<()> {
    byte(w, p.is_some() as u8)?;
    let (y, v) = p.unwrap_or((0, 0.0));
    year(w, y)?;
    number(w, v)
}

pub(super) fn read_pair(r: &mut impl Read) -> Res<Option<(i32, f64)>> {
    let some = read_byte(r)? == 1;
    let (y, v) = (read_year(r)?, read_number(r)?);
    Ok(some.then_some((y, v)))
}

/// Yes, no or unknown.
pub(super) fn tri(w: &mut impl Write, b: Option<bool>) -> Res<()> {
    byte(w, b.map_or(0, |b| 1 + b as u8))
}

pub(super) fn read_tri(r: &mut impl Read) -> Res<Option<bool>> {
    Ok(match read_byte(r)? {
        1 => Some(false),
        2 => Some(true),
        _ => None,
    })
}

pub(super) fn direction(w: &mut impl Write, d: Direction) -> Res<()> {
    byte(w, (d == Direction::Falling) as u8)
}

pub(super) fn read_direction(r: &mut impl Read) -> Res<Direction> {
    Ok(if read_byte(r)? == 1 {
        Direction::Falling
    } else {
        Direction::Rising
    })
}
