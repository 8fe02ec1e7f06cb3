//! What a plan table's cell says: [`Cell`] and its [`Form`], read by the grammar in
//! the grammar module and printed back in a canonical spelling.

use super::cell_details::CellDetails;
use super::marks;
use super::normalize::fold;
use super::number::{Magnitude, Num};
use super::rare::Rare;
use super::relation::Relation;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// What a cell says, with the printed raw text kept beside it. What few cells carry (marks,
/// a period, notes, …) is in [`CellDetails`], read through the cell (`cell.marks`) and held
/// only when filled. Serialized as one flat object (see `cell_details`).
///
/// # Example
///
/// ```
/// use plansim_core::{Cell, Form, Num};
///
/// // 305.8亿: the number as printed, with its magnitude kept aside
/// let cell = Cell::parse("305.8亿").unwrap();
/// assert_eq!(cell.raw, "305.8亿");
/// assert_eq!(cell.point(), Some(Num::new(305.8, 1)));
/// assert!(matches!(cell.form, Form::Number { .. }));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The cell text exactly as read.
    pub raw: String,
    /// What it means.
    pub form: Form,
    /// `亿`/`万` written in the cell; values in `form` are as printed (305.8, not 3.058e10).
    pub magnitude: Option<Magnitude>,
    /// The number carried a `%` sign.
    pub percent: bool,
    /// A preliminary figure: printed so (`2.5(预计)`) or said so by a note
    /// (`2020年全员劳动生产率增长2.5%为预计数`).
    pub preliminary: bool,
    /// The rest, empty in most cells.
    pub(crate) details: Rare<CellDetails>,
}

/// The meaning of a cell.
///
/// # Example
///
/// ```
/// use plansim_core::{Cell, Form};
///
/// // `≥95`: at least 95, the bound itself allowed
/// match Cell::parse("≥95").unwrap().form {
///     Form::AtLeast { value, strict } => assert_eq!((value.value, strict), (95.0, false)),
///     other => panic!("{other:?}"),
/// }
/// // `3-4`: a range
/// assert!(matches!(Cell::parse("3-4").unwrap().form, Form::Range { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Form {
    /// A plain number: `63`.
    Number {
        /// The number.
        value: Num,
    },
    /// At least: `≥95`, `>98` (strict), `95以上`, `不低于95`.
    AtLeast {
        /// The number.
        value: Num,
        /// `>`/`<` rather than `≥`/`≤`.
        strict: bool,
    },
    /// At most: `≤4`, `<5` (strict), `4以内`, `不超过5`, `控制在5.5%以内`.
    AtMost {
        /// The number.
        value: Num,
        /// `>`/`<` rather than `≥`/`≤`.
        strict: bool,
    },
    /// About: `7左右`, `约7`.
    About {
        /// The number.
        value: Num,
    },
    /// Between: `3-4`, `5～6`.
    Range {
        /// The low end.
        low: Num,
        /// The high end.
        high: Num,
    },
    /// A change in percentage points from the base: `提高5个百分点`.
    Points {
        /// The points of change.
        value: Num,
    },
    /// A multiple of the base: `翻一番` (2), `翻两番` (4).
    Multiple {
        /// The multiple.
        factor: f64,
    },
    /// No value: empty, `-`, `—`.
    None,
    /// Set by a higher level of government: `市级指标`, `完成自治区下达任务`.
    Delegated {
        /// The cell's words.
        text: String,
    },
    /// Direction only, in words: `保持在合理区间`, `逐年增加`, `全覆盖`.
    Qualitative {
        /// The cell's words.
        text: String,
    },
    /// Stated against another indicator: `高于GDP增长` (above), `与GDP增长基本同步` (in step).
    /// Boxed: rare, and three texts wide, it would widen every cell.
    Relational(Box<Relational>),
}

/// A cell stated against another indicator (see [`Form::Relational`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Relational {
    /// Above, in step with or below.
    pub relation: Relation,
    /// The other indicator as printed: `GDP增长`.
    pub other: String,
    /// The name of the table's row it means (`国内生产总值（GDP）增长` for `GDP增长`),
    /// when the table has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// The cell's words.
    pub text: String,
}

/// Why a cell could not be read: what the grammar expected instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{reason}; expected {EXPECTED}")]
pub struct NotationError {
    /// What is wrong with the cell, in both languages.
    pub reason: crate::lang::Text,
}

const EXPECTED: &str = "a number (63, 305.8亿, 7%), a bound (≥95, >98, 4以内, 不超过5), \
an approximate value (7左右), a range (3-4), a period total ([13.5], 12(十四五时期)), \
a dash for none, or words without digits";

const EXPECTED_ZH: &str = "应为数字（63、305.8亿、7%）、界限（≥95、>98、4以内、不超过5）、\
约数（7左右）、区间（3-4）、期间累计（[13.5]、12(十四五时期)）、表示无的横线，或不含数字的文字";

impl NotationError {
    /// The reason and what was expected, in a language.
    pub fn say(&self) -> crate::lang::Text {
        crate::lang::Text::say(
            self.to_string(),
            format!("{}；{EXPECTED_ZH}", self.reason.zh),
        )
    }
}

/// Why a cell cannot be read (English, Chinese).
pub(super) fn fail<T>(en: impl Into<String>, zh: impl Into<String>) -> Result<T, NotationError> {
    Err(NotationError {
        reason: crate::lang::Text::say(en, zh),
    })
}

impl Cell {
    /// An empty cell.
    pub fn none() -> Cell {
        Cell {
            raw: String::new(),
            form: Form::None,
            magnitude: None,
            percent: false,
            preliminary: false,
            details: Rare::default(),
        }
    }

    /// A total over a period (cumulative), not a level.
    pub fn is_period_total(&self) -> bool {
        self.period.is_some()
    }

    /// Reads a cell; see the module docs for the forms. Footnote marks after the value are
    /// read off first; words after a readable value (`＞7、力争…`) are its remark.
    pub fn parse(raw: &str) -> Result<Cell, NotationError> {
        let folded = fold(raw);
        let (body, trailer) = marks::split(&folded);
        let mut cell = match super::grammar::parse_folded(body) {
            Ok(cell) => cell,
            Err(e) => with_remark(body).ok_or(e)?,
        };
        cell.marks.splice(0..0, trailer.marks);
        cell.year = trailer.year.or(cell.year);
        cell.preliminary |= trailer.preliminary;
        cell.raw = raw.to_string();
        cell.details.shrink();
        Ok(cell)
    }

    /// The value a cell stands for, as printed (before magnitude scaling): the number, the
    /// bound, the middle of a range, the period total. `None` for everything without a number.
    pub fn point(&self) -> Option<Num> {
        match &self.form {
            Form::Number { value }
            | Form::AtLeast { value, .. }
            | Form::AtMost { value, .. }
            | Form::About { value }
            | Form::Points { value } => Some(*value),
            Form::Range { low, high } => Some(Num::new(
                (low.value + high.value) / 2.0,
                low.decimals.max(high.decimals).saturating_add(1),
            )),
            Form::Multiple { .. }
            | Form::None
            | Form::Delegated { .. }
            | Form::Qualitative { .. }
            | Form::Relational(_) => None,
        }
    }

    /// Whether the cell is stated against another indicator (`高于GDP增长`).
    pub fn is_relational(&self) -> bool {
        matches!(self.form, Form::Relational(_))
    }

    /// Whether the cell holds no value.
    pub fn is_none(&self) -> bool {
        self.form == Form::None
    }

    /// A number somebody could check: not none, delegated or qualitative.
    pub fn is_numeric(&self) -> bool {
        !matches!(
            self.form,
            Form::None | Form::Delegated { .. } | Form::Qualitative { .. } | Form::Relational(_)
        )
    }

    /// A short English name of the form, for tables and JSON.
    pub fn kind(&self) -> &'static str {
        match self.form {
            Form::Number { .. } => "number",
            Form::AtLeast { .. } => "at-least",
            Form::AtMost { .. } => "at-most",
            Form::About { .. } => "about",
            Form::Range { .. } => "range",
            Form::Points { .. } => "points",
            Form::Multiple { .. } => "multiple",
            Form::None => "none",
            Form::Delegated { .. } => "delegated",
            Form::Qualitative { .. } => "qualitative",
            Form::Relational(_) => "relational",
        }
    }
}

/// A readable value followed by words: `＞7、力争投入强度高于“十三五”时期实际`, `7左右(力争8)`.
/// The value keeps its own marks (`＞7*、…`).
fn with_remark(body: &str) -> Option<Cell> {
    let (head, remark) = if let Some(inner) = body.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
    {
        (&body[..open], &inner[open + 1..])
    } else {
        let at = body.find(['、', ',', ';'])?;
        let sep = body[at..].chars().next()?.len_utf8();
        (&body[..at], &body[at + sep..])
    };
    // words, not a number in a note the grammar refused (`2.56(1850年)`)
    if !remark.chars().any(super::normalize::is_han)
        || remark.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let (value, trailer) = marks::split(head);
    let mut cell = super::grammar::parse_folded(value).ok()?;
    if !cell.is_numeric() {
        return None;
    }
    cell.marks = trailer.marks;
    cell.year = trailer.year;
    cell.preliminary = trailer.preliminary;
    cell.remark = Some(remark.to_string());
    Some(cell)
}

impl FromStr for Cell {
    type Err = NotationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Cell::parse(s)
    }
}

pub(super) fn words(form: Form) -> Cell {
    Cell {
        form,
        ..Cell::none()
    }
}

impl fmt::Display for Cell {
    /// A canonical spelling that parses back to the same meaning.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tail = format!(
            "{}{}{}",
            self.magnitude.map_or("", Magnitude::symbol),
            if self.percent { "%" } else { "" },
            self.suffix.as_deref().unwrap_or("")
        );
        let (open, close) = match self.period.as_deref() {
            Some("") => ("[", "]".to_string()),
            Some(label) => ("", format!("({label})")),
            None => ("", String::new()),
        };
        let tail = format!("{tail}{close}");
        if !self.is_numeric() || matches!(self.form, Form::Points { .. } | Form::Multiple { .. }) {
            return match &self.form {
                Form::Points { value } => write!(f, "提高{value}个百分点"),
                Form::Multiple { factor } => {
                    write!(
                        f,
                        "{}",
                        if *factor >= 4.0 {
                            "翻两番"
                        } else {
                            "翻一番"
                        }
                    )
                }
                Form::Delegated { text } | Form::Qualitative { text } => write!(f, "{text}"),
                Form::Relational(r) => write!(f, "{}", r.text),
                _ => write!(f, "—"),
            };
        }
        f.write_str(open)?;
        match &self.form {
            Form::Number { value } => write!(f, "{value}{tail}"),
            Form::AtLeast { value, strict } => {
                write!(f, "{}{value}{tail}", if *strict { ">" } else { "≥" })
            }
            Form::AtMost { value, strict } => {
                write!(f, "{}{value}{tail}", if *strict { "<" } else { "≤" })
            }
            Form::About { value } => write!(f, "约{value}{tail}"),
            Form::Range { low, high } => write!(f, "{low}~{high}{tail}"),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printing_back_keeps_the_meaning() {
        for text in [
            "63",
            "305.8亿",
            ">98",
            "≥95",
            "4以内",
            "控制在5.5%以内",
            "7左右",
            "3-4",
            "13.5(十三五时期)",
            "[4]以上",
            "—",
            "市级指标",
            "与经济增长同步",
            "提高5个百分点",
            "翻一番",
            "1.2万人",
            "累计下降12%",
            // found by `cargo fuzz run cell`: a unit ending in a bound word, a range of
            // negative numbers, a doubling word after a number
            "4乥内以下",
            "减少3.11至1111.888288",
            "-5~-3",
        ] {
            let cell = Cell::parse(text).unwrap();
            let again = Cell::parse(&cell.to_string()).unwrap();
            assert_eq!(
                (
                    &again.form,
                    again.magnitude,
                    again.percent,
                    &again.suffix,
                    &again.period
                ),
                (
                    &cell.form,
                    cell.magnitude,
                    cell.percent,
                    &cell.suffix,
                    &cell.period
                ),
                "{text} → {cell}"
            );
        }
    }
}
