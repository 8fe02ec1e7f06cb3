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
            // a run longer than a line (a path): broken after a `/`, and a part longer than a
            // line cut where the line ends
            for part in token.split_inclusive('/') {
                let pw = width_of(part);
                if used > 0 && used + pw > width {
                    out.push('\n');
                    used = 0;
                }
                for c in part.chars() {
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
    }
    out
}

/// Marks no line may start with (a closing bracket, a comma, a full stop).
fn closing(c: char) -> bool {
    matches!(
        c,
        '）' | ')'
            | '，'
            | '。'
            | '、'
            | '：'
            | '；'
            | '！'
            | '？'
            | '”'
            | '’'
            | '」'
            | '』'
            | '》'
            | '】'
    )
}

/// Marks no line may end with (an opening bracket, full width or not).
fn opening(c: char) -> bool {
    matches!(c, '（' | '(' | '[' | '“' | '‘' | '「' | '『' | '《' | '【')
}

/// A line's runs of glued characters, each other character on its own; an opening bracket
/// holds to what follows it and a closing mark to what precedes it (`（GDP）`, `提出、`).
fn tokens(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        rest.chars().next()?;
        let run = |s: &str, from: usize| {
            let c = s[from..].chars().next();
            match c {
                // an opening bracket inside a run starts the next token (`13.5` | `(十三五`)
                Some(c) if glued(c) => s[from..]
                    .char_indices()
                    .find(|&(i, c)| !glued(c) || (i > 0 && opening(c)))
                    .map_or(s.len(), |(i, _)| from + i),
                Some(c) => from + c.len_utf8(),
                None => from,
            }
        };
        let mut end = 0;
        // openers, then one token
        while let Some(c) = rest[end..].chars().next().filter(|&c| opening(c)) {
            end += c.len_utf8();
        }
        end = run(rest, end);
        while let Some(c) = rest[end..].chars().next().filter(|&c| closing(c)) {
            end += c.len_utf8();
        }
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

    #[test]
    fn a_long_path_breaks_after_its_folders() {
        // 36 + 14 + 32 characters: each folder ends a line where the next part would not fit
        let path =
            "a_rather_long_folder_name_for_tables/another_level/county_table_from_plan.csv:2";
        assert_eq!(
            wrap(path, 46),
            "a_rather_long_folder_name_for_tables/\nanother_level/county_table_from_plan.csv:2"
        );
        // a part longer than a line is still cut where the line ends
        assert_eq!(wrap("ab/cdefgh", 4), "ab/\ncdef\ngh");
    }

    #[test]
    fn no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one() {
        // 国内生产总值（GDP）增长: 6 characters (12 columns), then （GDP） (7) stays whole
        assert_eq!(
            wrap("国内生产总值（GDP）增长", 16),
            "国内生产总值\n（GDP）增长"
        );
        assert_eq!(wrap("合理区间、各年度", 8), "合理区\n间、各年\n度");
        assert_eq!(wrap("年均（5%）", 6), "年均\n（5%）");
        // half-width brackets too: `(` stays with what it opens, also after a number
        assert_eq!(wrap("发明数(每万人", 8), "发明数\n(每万人");
        assert_eq!(wrap("13.5(十三五", 8), "13.5(十\n三五");
        assert_eq!(wrap("13.5(十三五", 5), "13.5\n(十三\n五");
    }
}
