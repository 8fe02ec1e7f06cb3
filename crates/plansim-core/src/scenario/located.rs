//! Values of a scenario file that remember where they were written ([`At`]: file and line),
//! rates in percent with an optional `%` ([`Percent`]), and years that refuse to be text.

use crate::lang::Wrong;
use crate::notice::At;
use crate::text::{parse_percent, trim_float};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Deref;

/// A value with the place it was written: a `[[override]]` table (the line of its header), a
/// `[models]` entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Located<T> {
    #[serde(flatten)]
    /// The value read.
    pub value: T,
    /// Where it was written.
    pub at: At,
}

impl<T> Located<T> {
    /// A value at a place.
    pub fn new(value: T, at: At) -> Located<T> {
        Located { value, at }
    }
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = toml::Spanned::<T>::deserialize(d)?;
        let offset = s.span().start;
        Ok(Located {
            value: s.into_inner(),
            at: At {
                offset,
                ..At::default()
            },
        })
    }
}

/// A number in percent, or in percentage points for a change: `5`, `-3.5`, `"5%"`. Rates,
/// deltas, shocks and σ of a scenario are all written this way.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Percent {
    /// The number as written, in percent or points.
    pub value: f64,
    /// Written with a `%` sign: the unit is then beyond doubt.
    pub sign: bool,
    /// As written (`0.05`, `"5%"`), for messages.
    pub text: String,
    /// Where it was written.
    pub at: At,
}

impl Percent {
    /// A value set by a command rather than read from a file.
    pub fn new(value: f64) -> Percent {
        Percent {
            value,
            sign: false,
            text: trim_float(value),
            at: At::default(),
        }
    }

    /// As a fraction (5 % → 0.05), the engine's unit.
    pub fn fraction(&self) -> f64 {
        self.value / 100.0
    }
}

struct RawPercent(f64, bool, String);

impl<'de> Deserialize<'de> for RawPercent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawPercent;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number in percent, such as 5, -3.5 or \"5%\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawPercent, E> {
                Ok(RawPercent(v as f64, false, v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawPercent, E> {
                Ok(RawPercent(v as f64, false, v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawPercent, E> {
                if !v.is_finite() {
                    return Err(E::custom(
                        Wrong::NotPercent {
                            text: v.to_string(),
                        }
                        .encode(),
                    ));
                }
                Ok(RawPercent(v, false, trim_float(v)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawPercent, E> {
                parse_percent(s)
                    .map(|(v, sign)| RawPercent(v, sign, s.to_string()))
                    .ok_or_else(|| {
                        E::custom(
                            Wrong::NotPercent {
                                text: format!("\"{s}\""),
                            }
                            .encode(),
                        )
                    })
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = toml::Spanned::<RawPercent>::deserialize(d)?;
        let offset = s.span().start;
        let RawPercent(value, sign, text) = s.into_inner();
        Ok(Percent {
            value,
            sign,
            text,
            at: At {
                offset,
                ..At::default()
            },
        })
    }
}

/// The years a scenario may name: those a table may.
pub(crate) const YEARS: std::ops::RangeInclusive<i64> = 1900..=2200;

struct YearVisitor;

impl Visitor<'_> for YearVisitor {
    type Value = i32;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a year such as 2026")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i32, E> {
        if YEARS.contains(&v) {
            Ok(v as i32)
        } else {
            Err(E::custom(
                Wrong::NotAYear {
                    text: v.to_string(),
                }
                .encode(),
            ))
        }
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i32, E> {
        self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i32, E> {
        Err(E::custom(
            Wrong::NotAYear {
                text: v.to_string(),
            }
            .encode(),
        ))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<i32, E> {
        let year = s
            .trim()
            .trim_end_matches('年')
            .parse::<i64>()
            .ok()
            .filter(|y| YEARS.contains(y))
            .map(|y| y as i32);
        Err(E::custom(
            Wrong::YearText {
                text: s.to_string(),
                year,
            }
            .encode(),
        ))
    }
}

/// A year written as a number: `from = "2023"` is refused with the way to write it.
pub fn year<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    d.deserialize_any(YearVisitor)
}

/// An optional year (`from`, `to`, `by`, `horizon`).
pub(crate) fn opt_year<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    year(d).map(Some)
}

/// `region = "科尔沁区"` or `region = ["科尔沁区", "回民区"]`.
pub fn names<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    match OneOrMany::deserialize(d) {
        Ok(OneOrMany::One(s)) => Ok(Some(vec![s])),
        Ok(OneOrMany::Many(v)) => Ok(Some(v)),
        Err(_) => Err(de::Error::custom(Wrong::NotNames.encode())),
    }
}
