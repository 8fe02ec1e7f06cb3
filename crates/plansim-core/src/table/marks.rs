//! Footnote marks printed with a cell: `60.6*`, `2.5①`, `5.2△`, `87#`, `77.3¹`, `60.6注`,
//! `2.5（预计）`, and a year in parentheses (`2.56(2019年)`). They are read off before the cell
//! grammar sees the value, and kept with the cell.

/// What trails a cell's value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trailer {
    /// Footnote marks in printed order: `*`, `**`, `①`, `△`, `#`, `¹`, `注`, `(预计)`.
    pub marks: Vec<String>,
    /// A year printed in parentheses after the value: the cell's own year.
    pub year: Option<i32>,
    /// Printed as preliminary: `(预计)`, `(预计数)`, `(初步)`, `(快报)`.
    pub preliminary: bool,
}

/// Marks of one character that may follow a number.
const SYMBOLS: &str = "△▲#※☆★†‡§";
/// The words that make a figure preliminary — an estimate, a first count, a flash report —
/// wherever it is printed: in parentheses after a table's number (`（预计）`, `（初步核算）`),
/// after an outturn (`2.5（预计）`), or in a table's note (`…为预计数`). The one list the
/// table, its notes and the outturn reader read.
pub(crate) const PRELIMINARY: [&str; 4] = ["预计", "预估", "初步", "快报"];

/// What may follow one of them in a mark of its own: `预计数`, `预计值`, `初步核算`, `快报数`.
const PRELIMINARY_TAILS: [&str; 6] = ["", "数", "值", "核算", "核算数", "统计数"];

/// A mark in parentheses that makes the figure before it preliminary (`预计`, `初步核算`).
fn is_preliminary_mark(inner: &str) -> bool {
    PRELIMINARY.iter().any(|w| {
        inner
            .strip_prefix(w)
            .is_some_and(|tail| PRELIMINARY_TAILS.contains(&tail))
    })
}

/// A column header that makes its figures preliminary: `2020年预计`, `2020年（预计数）`,
/// `2020年初步核算` — the word and its tail ending the header; not `预计2025年`.
pub(crate) fn header_says_preliminary(header: &str) -> bool {
    let h: String = header
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '（' | '）'))
        .collect();
    PRELIMINARY.iter().any(|w| {
        h.match_indices(w)
            .any(|(i, _)| PRELIMINARY_TAILS.contains(&h[i + w.len()..].trim()))
    })
}

/// A note that says figures are preliminary: `为预计数`, `…初步核算数`, `快报数` — the word
/// with a tail naming a figure, or after `为`; not `预计` in passing (`预计到2025年`).
pub(crate) fn names_preliminary(text: &str) -> bool {
    PRELIMINARY.iter().any(|w| {
        text.match_indices(w).any(|(i, _)| {
            let tail = &text[i + w.len()..];
            ["数", "值", "核算数", "统计数"]
                .iter()
                .any(|t| tail.starts_with(t))
                || text[..i].ends_with('为')
        })
    })
}

/// Splits folded cell text into its body and what trails it. Marks alone (a cell holding only
/// `*`) leave an empty body.
pub fn split(folded: &str) -> (&str, Trailer) {
    let mut body = folded;
    let mut t = Trailer::default();
    let mut marks = Vec::new();
    while let Some((rest, mark)) = strip_one(body, &mut t) {
        if let Some(m) = mark {
            marks.push(m);
        }
        body = rest;
    }
    marks.reverse();
    t.marks = marks;
    (body, t)
}

/// One trailing mark off `s`: the text before it and the mark (`None` for a year).
fn strip_one<'a>(s: &'a str, t: &mut Trailer) -> Option<(&'a str, Option<String>)> {
    let last = s.chars().next_back()?;
    if last == '*' {
        let rest = s.trim_end_matches('*');
        let stars = &s[rest.len()..];
        return Some((rest, Some(stars.to_string())));
    }
    if is_circled(last) || is_superscript(last) || SYMBOLS.contains(last) {
        return Some((&s[..s.len() - last.len_utf8()], Some(last.to_string())));
    }
    // `注`, `注1`, `注①`
    let digits = s.trim_end_matches(|c: char| c.is_ascii_digit() || is_circled(c));
    if let Some(rest) = digits.strip_suffix('注') {
        return Some((rest, Some(s[rest.len()..].to_string())));
    }
    // `(预计)`, `(2019年)`, `(注)`
    if let Some(open) = s.strip_suffix(')').and_then(|b| b.rfind('(')) {
        let inner = &s[open + 1..s.len() - 1];
        let rest = &s[..open];
        if is_preliminary_mark(inner) {
            t.preliminary = true;
            return Some((rest, Some(s[open..].to_string())));
        }
        if inner == "注" {
            return Some((rest, Some(s[open..].to_string())));
        }
        if let Some(year) = dating(inner) {
            t.year = Some(year);
            return Some((rest, None));
        }
    }
    // a bare `预计` after a number: `2.5预计`
    if let Some(rest) = s.strip_suffix("预计")
        && rest.ends_with(|c: char| c.is_ascii_digit() || c == '%')
    {
        t.preliminary = true;
        return Some((rest, Some("预计".to_string())));
    }
    None
}

/// `2019年`, `2019`, `2019年数据`, `2019年数` → 2019.
fn dating(inner: &str) -> Option<i32> {
    let digits = inner.get(..4)?;
    let tail = &inner[4..];
    let plausible = digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20"))
        && ["", "年", "年数", "年数据", "年值"].contains(&tail);
    plausible.then(|| digits.parse().ok()).flatten()
}

/// `①`–`⑳`.
pub(crate) fn is_circled(c: char) -> bool {
    ('\u{2460}'..='\u{2473}').contains(&c)
}

fn is_superscript(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

/// True for text that is a footnote mark on its own (`*`, `**`, `①`, `△`, `¹`).
pub(crate) fn is_mark(text: &str) -> bool {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some('*'), _) => text.chars().all(|c| c == '*'),
        (Some(c), None) => is_circled(c) || is_superscript(c) || SYMBOLS.contains(c),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Body, marks joined by spaces, year, preliminary.
    fn marks(s: &str) -> (&str, String, Option<i32>, bool) {
        let (body, t) = split(s);
        (body, t.marks.join(" "), t.year, t.preliminary)
    }

    /// A base column headed as preliminary (`2020年` above `预计`, merged to `2020年预计`);
    /// a year the plan expects to reach (`预计2025年`) is no such header.
    #[test]
    fn headers_that_make_a_column_preliminary() {
        for h in [
            "2020年预计",
            "2020年(预计数)",
            "2020年（初步核算）",
            "2020年快报数",
        ] {
            assert!(header_says_preliminary(h), "{h}");
        }
        for h in ["2020年", "预计2025年", "2020年实际", "预计到2025年目标"] {
            assert!(!header_says_preliminary(h), "{h}");
        }
    }

    #[test]
    fn marks_after_a_value() {
        assert_eq!(marks("60.6*"), ("60.6", "*".into(), None, false));
        assert_eq!(marks("60.6**"), ("60.6", "**".into(), None, false));
        assert_eq!(marks("2.5①"), ("2.5", "①".into(), None, false));
        assert_eq!(marks("5.2△"), ("5.2", "△".into(), None, false));
        assert_eq!(marks("87#"), ("87", "#".into(), None, false));
        assert_eq!(marks("77.3¹"), ("77.3", "¹".into(), None, false));
        assert_eq!(marks("60.6注"), ("60.6", "注".into(), None, false));
        assert_eq!(marks("60.6注2"), ("60.6", "注2".into(), None, false));
        assert_eq!(marks("2.5(预计)"), ("2.5", "(预计)".into(), None, true));
        assert_eq!(marks("2.5预计"), ("2.5", "预计".into(), None, true));
        assert_eq!(
            marks("2.56(2019年)"),
            ("2.56", "".into(), Some(2019), false)
        );
        // several, in printed order
        assert_eq!(
            marks("2.5*(预计)①"),
            ("2.5", "* (预计) ①".into(), None, true)
        );
        // brackets and bounds keep their marks too
        assert_eq!(marks("[13.5]*"), ("[13.5]", "*".into(), None, false));
        assert_eq!(marks(">6.5△"), (">6.5", "△".into(), None, false));
    }

    /// One list of preliminary words for a table's marks, its notes and outturns: `（预估）`
    /// marked an outturn preliminary but not a table's cell; `预估数` in a note neither.
    #[test]
    fn preliminary_words_are_one_list() {
        assert_eq!(marks("2.5(预估)"), ("2.5", "(预估)".into(), None, true));
        assert_eq!(
            marks("2.5(初步统计数)"),
            ("2.5", "(初步统计数)".into(), None, true)
        );
        assert_eq!(marks("2.5(快报数)"), ("2.5", "(快报数)".into(), None, true));
        assert!(!marks("2.5(预计到2025年)").3);
        assert!(names_preliminary("带△的为预计数"));
        assert!(names_preliminary("2020年数据为初步核算数"));
        assert!(names_preliminary("标*的为预估数"));
        assert!(names_preliminary("2020年为预计"));
        assert!(!names_preliminary("预计到2025年达到60%"));
        let outturn = crate::actuals::value::parse("2.5（预估）").unwrap();
        assert!(outturn.preliminary);
    }

    #[test]
    fn what_is_not_a_mark() {
        for s in [
            "60.6",
            "13.5(十三五时期)",
            "预计",
            "7左右",
            "(2)",
            "3-4",
            "2.56(1850)",
        ] {
            let (body, t) = split(s);
            assert_eq!((body, t), (s, Trailer::default()), "{s}");
        }
        assert!(is_mark("*") && is_mark("**") && is_mark("①") && is_mark("△"));
        assert!(!is_mark("*1") && !is_mark("注") && !is_mark(""));
    }
}
