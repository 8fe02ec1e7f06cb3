//! Text clean-up shared by cells and headers: full-width forms, dashes, spaces.

/// Folds full-width ASCII (`７`, `％`, `（`, `＞`) to ASCII, unifies dashes and tildes used as range
/// marks, and removes every kind of white space (Excel cells pasted from Word carry line breaks,
/// no-break and ideographic spaces).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        // a space between two digits (`5 6`) is kept: it is two numbers, not 56
        if std::mem::take(&mut gap)
            && out.ends_with(|p: char| p.is_ascii_digit())
            && c.is_ascii_digit()
        {
            out.push(' ');
        }
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
            '〜' => '~',
            '【' | '〔' => '[',
            '】' | '〕' => ']',
            '﹪' => '%',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
            '\u{FEFF}' => continue,
            c => c,
        };
        out.push(c);
    }
    out
}

/// True for a cell that means "no value" on its own: dashes of every width, `/`, `无`, `N/A`.
pub(crate) fn is_blank_mark(folded: &str) -> bool {
    folded.is_empty()
        || folded.chars().all(|c| {
            matches!(
                c,
                '-' | '—' | '―' | '─' | '–' | '－' | '/' | '_' | '…' | '.'
            )
        })
        || matches!(
            folded.to_ascii_lowercase().as_str(),
            "无" | "n/a" | "na" | "null" | "none" | "暂无" | "空"
        )
}

/// What to tell about a cell that Excel turned into a date; `None` for other cells.
pub(crate) fn excel_date_hint(raw: &str) -> Option<crate::lang::Text> {
    let (m, d) = excel_date(&fold(raw))?;
    Some(crate::lang::Text::say(
        format!(
            "a date, not a plan figure: Excel turns a range typed as {m}-{d} into the date \
             {m}月{d}日; format the column as text in Excel and type {m}-{d} again (or write \
             {m}~{d})"
        ),
        format!(
            "这是日期，不是规划数字：Excel 会把输入的区间 {m}-{d} 变成日期 {m}月{d}日；请在 Excel \
             中把该列设为文本格式后重新输入 {m}-{d}（或写作 {m}~{d}）"
        ),
    ))
}

/// The month and day of a cell that is a date: what Excel makes of a range typed as `3-4`
/// (`3月4日`, `2025年3月4日`, `2025-03-04`, `4-Mar`, `Mar-4`). Takes folded text.
pub(crate) fn excel_date(folded: &str) -> Option<(u32, u32)> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let num = |t: &str| {
        (!t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    let year = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    let month_name = |t: &str| {
        MONTHS
            .iter()
            .position(|m| t.eq_ignore_ascii_case(m))
            .map(|i| i as u32 + 1)
    };
    let md = if let Some(body) = folded.strip_suffix('日') {
        let body = match body.split_once('年') {
            Some((y, rest)) if year(y) => rest,
            _ => body,
        };
        let (m, d) = body.split_once('月')?;
        (num(m)?, num(d)?)
    } else {
        let parts: Vec<&str> = folded.split(['-', '/']).collect();
        match parts[..] {
            [y, m, d] if year(y) => (num(m)?, num(d)?),
            [d, m] if month_name(m).is_some() => (month_name(m)?, num(d)?),
            [m, d] if month_name(m).is_some() => (month_name(m)?, num(d)?),
            _ => return None,
        }
    };
    ((1..=12).contains(&md.0) && (1..=31).contains(&md.1)).then_some(md)
}

/// True for a Han ideograph (CJK Unified Ideographs and extension A).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A cell's lines joined as the document prints them on one line: a line break inside a Chinese
/// name or a category written one character per line (`经\n济\n结\n构`) is no character; between
/// two Latin words it is a space.
pub(crate) fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let latin = |c: char| c.is_ascii_alphanumeric();
        if out.ends_with(latin) && line.starts_with(latin) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_spaces() {
        assert_eq!(fold("７"), "7");
        assert_eq!(fold("１３．３９％"), "13.39%");
        assert_eq!(fold("＞98"), ">98");
        assert_eq!(fold("5～6"), "5~6");
        assert_eq!(fold("2020年\n预计"), "2020年预计");
        assert_eq!(fold("（十三五时期）"), "(十三五时期)");
        assert_eq!(fold("\u{3000}63\u{a0}"), "63");
    }

    #[test]
    fn dates_excel_made_of_ranges() {
        for (text, md) in [
            ("3月4日", Some((3, 4))),
            ("2025年5月6日", Some((5, 6))),
            ("2025-03-04", Some((3, 4))),
            ("2025/3/14", Some((3, 14))),
            ("4-Mar", Some((3, 4))),
            ("Mar-4", Some((3, 4))),
            ("3-4", None),
            ("13月4日", None),
            ("2020年", None),
            ("12(十四五时期)", None),
            ("", None),
        ] {
            assert_eq!(excel_date(text), md, "{text}");
        }
    }

    #[test]
    fn blank_marks() {
        for s in ["", "-", "—", "——", "－", "―", "/", "无", "N/A"] {
            assert!(is_blank_mark(&fold(s)), "{s}");
        }
        assert!(!is_blank_mark("-5"));
    }
}
