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
pub fn is_blank_mark(folded: &str) -> bool {
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

/// True for a Han ideograph (CJK Unified Ideographs and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
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
    fn blank_marks() {
        for s in ["", "-", "—", "——", "－", "―", "/", "无", "N/A"] {
            assert!(is_blank_mark(&fold(s)), "{s}");
        }
        assert!(!is_blank_mark("-5"));
    }
}
