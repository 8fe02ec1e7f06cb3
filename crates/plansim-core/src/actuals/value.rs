//! An outturn's value as published: `65.22`, `-2.7`, `2.5（预计）` (a preliminary figure),
//! `4以上` and `＞60（“超过60%”）` (bounds), `6左右（预计）`, `14.2(名义)` (a number with a
//! qualifier), `-0.5(扣除原料用能和非化石能源)` (a number with a note on its method).

use crate::lang::Text;
use crate::table::normalize::fold;
use crate::table::{Cell, Form};
use serde::Serialize;

/// Which side of the published number the true value lies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// `4以上`, `＞60`: at least.
    AtLeast,
    /// `4以内`: at most.
    AtMost,
    /// `6左右`: about.
    About,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
/// A value cell read: the number, its side and what the words around it say.
pub(crate) struct Published {
    /// The number times the printed magnitude.
    pub value: f64,
    /// `4以上`: a bound rather than a number.
    pub side: Option<Side>,
    /// Marked as preliminary (`预计`, `初步`).
    pub preliminary: bool,
    /// The words in parentheses after the number, other than `预计`.
    pub notes: Vec<String>,
    /// A magnitude printed in the value (`1686亿`): its factor, else 1.
    pub scale: f64,
    /// A figure for a period, not a year: `〔17.7〕`, `[17.7]`, `17.7（十四五时期）`.
    pub period: bool,
    /// The years a plan period named with it covers: `（十四五时期）` → 2021–2025.
    pub period_years: Option<[i32; 2]>,
    /// A unit printed after the number (`亩` in `61.2亩`, `元` in `3600000万元`).
    #[serde(skip)]
    pub suffix: Option<String>,
}

use crate::table::marks::PRELIMINARY;

/// Reads a published value; `Err` says what was expected.
pub fn parse(text: &str) -> Result<Published, Text> {
    let mut s = fold(text).replace('−', "-");
    let mut preliminary = false;
    let mut notes = Vec::new();
    let mut period_years = None;
    // parenthetical notes after the number, last first: `6左右（预计）`, `14.2(名义)`
    while s.ends_with(')') {
        let Some(open) = s.rfind('(') else { break };
        let inner = s[open + 1..s.len() - 1].to_string();
        s.truncate(open);
        if PRELIMINARY.iter().any(|w| inner.contains(w)) {
            preliminary = true;
            let rest: String = PRELIMINARY.iter().fold(inner, |t, w| t.replace(w, ""));
            if !rest.trim().is_empty() {
                notes.insert(0, rest);
            }
        } else if let Some(years) = plan_period(&inner) {
            // `（十四五时期）`: the figure is the period's, read, not kept as a note
            period_years = Some(years);
        } else if !inner.is_empty() {
            notes.insert(0, inner);
        }
    }
    if PRELIMINARY.iter().any(|w| s.starts_with(w)) {
        preliminary = true;
        s = PRELIMINARY
            .iter()
            .fold(s, |t, w| t.trim_start_matches(w).to_string());
    }
    if let Some((a, b)) = s.split_once('/')
        && a.chars().any(|c| c.is_ascii_digit())
        && b.chars().any(|c| c.is_ascii_digit())
    {
        return Err(Text::say(
            format!(
                "two figures in one cell (`{a}` and `{b}`, e.g. urban and rural): give each its \
                 own row under its own indicator name"
            ),
            format!(
                "一个单元格里有两个数（`{a}` 和 `{b}`，如城镇与农村）：请各占一行，各用自己的指标名称"
            ),
        ));
    }
    let cell = Cell::parse(&s).map_err(|e| e.say())?;
    let scale = cell.magnitude.map_or(1.0, |m| m.factor());
    let (value, side) = match cell.form {
        Form::Number { value } => (value.value, None),
        Form::AtLeast { value, .. } => (value.value, Some(Side::AtLeast)),
        Form::AtMost { value, .. } => (value.value, Some(Side::AtMost)),
        Form::About { value } => (value.value, Some(Side::About)),
        Form::Range { .. } => {
            return Err(Text::say(
                "a range is no outturn: give the published figure",
                "区间不是实际值：请给出公布的数字",
            ));
        }
        _ => {
            return Err(Text::say(
                "an outturn needs a number (65.22, -2.7, 4以上, 2.5（预计）)",
                "实际值须为数字（65.22、-2.7、4以上、2.5（预计））",
            ));
        }
    };
    Ok(Published {
        value,
        side,
        preliminary,
        notes,
        scale,
        period: cell.period.is_some() || period_years.is_some(),
        period_years,
        suffix: cell.details.suffix.clone(),
    })
}

/// The years of a plan period a note names: `十四五时期`, `“十三五”期间` → its five years.
fn plan_period(note: &str) -> Option<[i32; 2]> {
    if !(note.contains("时期") || note.contains("期间")) {
        return None;
    }
    let end = crate::table::header::period_year(note)?;
    Some([end - 4, end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::Basis;

    #[test]
    fn values_as_the_communiques_print_them() {
        let p = parse("2.5（预计）").unwrap();
        assert_eq!((p.value, p.preliminary, p.side), (2.5, true, None));
        let p = parse("4以上（预计）").unwrap();
        assert_eq!(
            (p.value, p.preliminary, p.side),
            (4.0, true, Some(Side::AtLeast))
        );
        let p = parse("＞60（“超过60%”）").unwrap();
        assert_eq!((p.value, p.side), (60.0, Some(Side::AtLeast)));
        assert_eq!(p.notes, ["“超过60%”"]);
        let p = parse("14.2(名义)").unwrap();
        assert_eq!(
            (p.value, crate::names::basis_of(&p.notes[0])),
            (14.2, Some(Basis::Nominal))
        );
        let p = parse("-0.5(扣除原料用能和非化石能源)").unwrap();
        assert_eq!((p.value, p.notes.len()), (-0.5, 1));
        assert_eq!(parse("0(与上年持平)").unwrap().value, 0.0);
        assert_eq!(parse("6左右（预计）").unwrap().side, Some(Side::About));
        assert_eq!(parse("1686亿").unwrap().scale, 1e8);
        assert_eq!(parse("−3.8").unwrap().value, -3.8);
    }

    #[test]
    fn what_is_no_outturn_says_why() {
        let why = |t: &str| parse(t).unwrap_err();
        assert!(why("1.4 / 8.4").en.contains("two figures"));
        assert!(
            why("1.4 / 8.4")
                .zh
                .contains("一个单元格里有两个数（`1.4` 和 `8.4`")
        );
        assert!(why("3-4").en.contains("range"));
        assert!(why("3-4").zh.contains("区间不是实际值"));
        assert!(why("“双绿”").en.contains("needs a number"));
        assert!(why("").zh.contains("实际值须为数字"));
    }

    #[test]
    fn period_figures_are_read_as_such() {
        let p = parse("〔17.7〕").unwrap();
        assert_eq!((p.value, p.period, p.period_years), (17.7, true, None));
        let p = parse("[17.7]").unwrap();
        assert_eq!((p.value, p.period), (17.7, true));
        let p = parse("17.7（十四五时期）").unwrap();
        assert_eq!(
            (p.value, p.period, p.period_years),
            (17.7, true, Some([2021, 2025]))
        );
        assert!(p.notes.is_empty());
        assert!(!parse("17.7").unwrap().period);
    }
}
