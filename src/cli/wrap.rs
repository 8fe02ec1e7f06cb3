//! Long texts of terminal tables broken into lines by plansim rather than by the table, so a
//! number, a year or a file name is never cut in two (`305.` / `8` reads as two numbers).

use unicode_width::UnicodeWidthChar;

/// Characters that hold together: digits, Latin letters and what joins them in numbers,
/// ranges, units and paths (`305.8`, `2021–2025`, `6.96%`, `n=3`, `national-15th.xlsx:3`).
fn glued(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '.' | ',' | '%' | '+' | '-' | '−' | '–' | '/' | ':' | '=' | '_' | '*' | '(' | ')'
        )
}

fn width_of(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `text` in lines of at most `width` terminal columns (a Chinese character counts two),
/// broken at a space or between two characters, never inside a run of [`glued`] characters
/// unless the run is longer than a line. Line breaks already in `text` stay.
pub fn wrap(text: &str, width: usize) -> String {
    let width = width.max(1);
    let mut out = String::with_capacity(text.len() + text.len() / width.max(8));
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for token in tokens(line) {
            let w = width_of(token);
            if token == " " {
                if used > 0 && used < width {
                    out.push(' ');
                    used += 1;
                }
                continue;
            }
            if used > 0 && used + w > width {
                // a space ending the line goes
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
                used = 0;
            }
            if w <= width {
                out.push_str(token);
                used += w;
                continue;
            }
            // a run longer than a line: cut where the line ends
            for c in token.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width && used > 0 {
                    out.push('\n');
                    used = 0;
                }
                out.push(c);
                used += cw;
            }
        }
    }
    out
}

/// A line's runs of glued characters, each other character on its own.
fn tokens(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let end = if glued(first) {
            rest.char_indices()
                .find(|&(_, c)| !glued(c))
                .map_or(rest.len(), |(i, _)| i)
        } else {
            first.len_utf8()
        };
        let (token, after) = rest.split_at(end);
        rest = after;
        Some(token)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_years_are_never_cut() {
        // 起点为2020年的 is 5 Chinese characters and a year: 14 columns; 305.8 would pass them
        let text = "起点为2020年的305.8亿元";
        assert_eq!(wrap(text, 14), "起点为2020年的\n305.8亿元");
        assert_eq!(wrap(text, 12), "起点为2020年\n的305.8亿元");
        for line in wrap(text, 14).lines() {
            assert!(width_of(line) <= 14, "{line}");
        }
        // at 8 columns 305.8 does not fit after 的的的 (6) and moves down whole
        assert_eq!(wrap("的的的305.8", 8), "的的的\n305.8");
    }

    #[test]
    fn spaces_break_lines_and_vanish_at_their_ends() {
        assert_eq!(wrap("needs 6.96% a year", 11), "needs 6.96%\na year");
        assert_eq!(wrap("a\nb c", 1), "a\nb\nc");
    }

    #[test]
    fn a_run_longer_than_a_line_is_cut_where_the_line_ends() {
        assert_eq!(
            wrap("national-15th-plan-table.xlsx:3", 12),
            "national-15t\nh-plan-table\n.xlsx:3"
        );
    }
}
