//! The notes under a table (`注：①〔〕内为5年累计数。②带*的为2019年数据。…⑤2020年全员劳动生产率
//! 增长2.5%为预计数。`): split into [`Note`]s, each read for what it changes ([`NoteEffect`]) and
//! what it applies to ([`NoteScope`]). The `annotate` module applies them to the rows.

use super::marks::{is_circled, is_mark};
use super::normalize::fold;
use serde::Serialize;

/// A note printed under a table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    /// Its label as printed: `①`, `1`; empty when the note is not numbered.
    pub label: String,
    /// Its text without the label: `带*的为2019年数据`.
    pub text: String,
    /// What it changes in the cells it applies to.
    pub effect: NoteEffect,
    /// Which cells it applies to.
    pub scope: NoteScope,
    /// 1-based row of the file where the note begins.
    pub row: usize,
}

/// What a note changes in the cells it applies to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NoteEffect {
    /// The values belong to this year (`带*的为2019年数据`): [`super::CellDetails::year`].
    Year {
        /// The year the values are of.
        year: i32,
    },
    /// Bracketed values are totals over so many years (`〔〕内为5年累计数`):
    /// [`super::CellDetails::period_years`].
    PeriodTotal {
        /// The years of the total.
        years: i32,
    },
    /// The values are preliminary (`…为预计数`): [`super::Cell::preliminary`].
    Preliminary,
    /// Nothing to apply (a definition, a caveat): kept for the reader.
    Remark,
}

/// What a note applies to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NoteScope {
    /// Cells (and names) printed with this mark: named in the text (`带*的`), or the note's own
    /// label where cells carry it (`60.6①` under a note `①…`).
    Mark {
        /// The mark (`*`, `①`).
        mark: String,
    },
    /// Cells in brackets (`〔〕内…`).
    Brackets,
    /// The rows it names, and of them the cells of `year` when it names one
    /// (`2020年全员劳动生产率增长2.5%为预计数`: the 2020 cell of 全员劳动生产率增长).
    Indicators {
        /// The rows' names as the note prints them.
        names: Vec<String>,
        /// The year of the cells meant, when the note names one.
        #[serde(skip_serializing_if = "Option::is_none")]
        year: Option<i32>,
    },
    /// Every row of the table.
    Table,
}

/// Words that open a block of notes.
const OPENERS: [&str; 6] = ["注释", "注", "说明", "备注", "资料来源", "数据来源"];

/// Splits note lines (each the text of one row, with that row's number) into notes: a new note
/// at each label (`①`, `1.`, `2、`, `(3)`), a line without one continuing the note before it.
/// Notes keep their printed text; they are read in folded form.
pub fn parse(lines: &[(usize, String)]) -> Vec<Note> {
    let mut pieces: Vec<(usize, String, String)> = Vec::new();
    for (row, line) in lines {
        let mut text = line.trim();
        for w in OPENERS {
            if let Some(rest) = text.strip_prefix(w) {
                let body = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
                // `注:` and `注①` open notes; `注册护士…` continues one
                let opens = w != "注"
                    || body.len() < rest.len()
                    || body.starts_with(|c: char| is_circled(c) || c.is_ascii_digit());
                if opens {
                    text = body;
                }
                break;
            }
        }
        let mut starts = label_starts(text);
        if starts.first().is_none_or(|(at, _)| *at > 0) {
            // a line without a label at its start continues the note before it
            let end = starts.first().map_or(text.len(), |(at, _)| *at);
            match pieces.last_mut() {
                Some(last) if !text[..end].is_empty() => last.2.push_str(&text[..end]),
                _ => starts.insert(0, (0, 0)),
            }
        }
        for (k, (at, len)) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map_or(text.len(), |(next, _)| *next);
            let label = fold(&text[*at..at + len])
                .trim_matches(|c| matches!(c, '(' | ')' | '.' | '、'))
                .to_string();
            pieces.push((*row, label, text[at + len..end].to_string()));
        }
    }
    pieces
        .into_iter()
        .filter(|(_, label, text)| !text.is_empty() || !label.is_empty())
        .map(|(row, label, text)| {
            let text = text.trim().trim_end_matches(['。', ';', '；']).to_string();
            let folded = fold(&text);
            let scope = scope_of(&folded);
            let effect = effect_of(&folded, &scope);
            Note {
                label,
                text,
                effect,
                scope,
                row,
            }
        })
        .collect()
}

/// A character as the folded text has it (`１` → `1`, `（` → `(`).
fn folded_char(c: char) -> char {
    fold(&c.to_string()).chars().next().unwrap_or(c)
}

/// Byte offsets and lengths of the labels in a line of notes: `①`, `1.`, `2、`, `(3)` at the
/// start or after a full stop. A circled number inside a sentence (`带①的`) is a mark.
fn label_starts(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // a line opening with a mark is a note of its own: `*为2019年数据`
    if text
        .chars()
        .next()
        .is_some_and(|c| !is_circled(c) && is_mark(&folded_char(c).to_string()))
    {
        out.push((0, 0));
    }
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if prev.is_none_or(|p| matches!(folded_char(p), '。' | ';')) {
            if is_circled(c) {
                out.push((i, c.len_utf8()));
            } else if let Some(len) = numbered_label(&text[i..]) {
                out.push((i, len));
            }
        }
        prev = Some(c);
    }
    out
}

/// `1.`, `12、`, `(3)`, `（３）` at the start of `s` (not `2.5`, not `2020年`): its byte length.
fn numbered_label(s: &str) -> Option<usize> {
    let mut chars = s.char_indices().map(|(i, c)| (i, folded_char(c)));
    let (_, first) = chars.next()?;
    let open = first == '(';
    let mut digits = usize::from(first.is_ascii_digit());
    if !open && digits == 0 {
        return None;
    }
    for (i, c) in chars {
        if c.is_ascii_digit() {
            digits += 1;
            continue;
        }
        let closes = if open {
            c == ')'
        } else {
            matches!(c, '.' | '、')
        };
        let end = i + s[i..].chars().next()?.len_utf8();
        let decimal = c == '.'
            && s[end..]
                .chars()
                .next()
                .is_some_and(|n| folded_char(n).is_ascii_digit());
        return ((1..=2).contains(&digits) && closes && !decimal).then_some(end);
    }
    None
}

fn scope_of(text: &str) -> NoteScope {
    if let Some(mark) = named_mark(text) {
        return NoteScope::Mark { mark };
    }
    if ["[]", "()", "括号", "方括号"]
        .iter()
        .any(|b| text.contains(b))
    {
        return NoteScope::Brackets;
    }
    NoteScope::Table
}

/// The mark a note names: `*` of `带*的为2019年数据`, `△` of `标△的为预计数`, `**`.
fn named_mark(text: &str) -> Option<String> {
    let start = text.find(|c: char| is_mark(&c.to_string()))?;
    let c = text[start..].chars().next()?;
    let len = if c == '*' {
        text[start..].bytes().take_while(|b| *b == b'*').count()
    } else {
        c.len_utf8()
    };
    Some(text[start..start + len].to_string())
}

fn effect_of(text: &str, scope: &NoteScope) -> NoteEffect {
    if let Some(year) = dated(text) {
        return NoteEffect::Year { year };
    }
    if *scope == NoteScope::Brackets && text.contains("累计") {
        return NoteEffect::PeriodTotal {
            years: years_of_total(text).unwrap_or(5),
        };
    }
    if super::marks::names_preliminary(text) {
        return NoteEffect::Preliminary;
    }
    NoteEffect::Remark
}

/// `为2019年数据`, `为2019年数`, `系2019年值` → 2019.
fn dated(text: &str) -> Option<i32> {
    let at = ["年数据", "年数", "年值", "年的数据"]
        .iter()
        .find_map(|w| text.find(w))?;
    let digits = text.get(at.checked_sub(4)?..at)?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())
        .flatten()
}

/// `5年累计数` → 5, `五年累计` → 5.
fn years_of_total(text: &str) -> Option<i32> {
    let at = text.find("年累计")?;
    let before = &text[..at];
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let c = before.chars().next_back()?;
    "一二三四五六七八九十"
        .chars()
        .position(|n| n == c)
        .map(|i| i as i32 + 1)
}

/// The 4-digit year a note names first (`2020年…`), if any.
pub(crate) fn year_named(text: &str) -> Option<i32> {
    let at = text.find('年')?;
    let digits = text.get(at.checked_sub(4)?..at)?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(rows: &[&str]) -> Vec<(usize, String)> {
        rows.iter()
            .enumerate()
            .map(|(i, s)| (30 + i, s.to_string()))
            .collect()
    }

    /// The national 14th plan's notes (专栏1), as printed on two lines.
    #[test]
    fn the_national_outlines_notes() {
        let notes = parse(&lines(&[
            "注：①〔〕内为5年累计数。②带*的为2019年数据。③能源综合生产能力指煤炭、石油、天\
             然气、非化石能源生产能力之和。④2020年地级及以上城市空气质量优良天数比率和地表水达",
            "到或好于Ⅲ类水体比例指标值受新冠肺炎疫情等因素影响，明显高于正常年份。⑤2020年全员\
             劳动生产率增长2.5%为预计数。",
        ]));
        let got: Vec<(&str, &NoteEffect, &NoteScope, usize)> = notes
            .iter()
            .map(|n| (n.label.as_str(), &n.effect, &n.scope, n.row))
            .collect();
        let mark = |m: &str| NoteScope::Mark { mark: m.into() };
        assert_eq!(
            got,
            [
                (
                    "①",
                    &NoteEffect::PeriodTotal { years: 5 },
                    &NoteScope::Brackets,
                    30
                ),
                ("②", &NoteEffect::Year { year: 2019 }, &mark("*"), 30),
                ("③", &NoteEffect::Remark, &NoteScope::Table, 30),
                ("④", &NoteEffect::Remark, &NoteScope::Table, 30),
                ("⑤", &NoteEffect::Preliminary, &NoteScope::Table, 31),
            ]
        );
        // the note cut across two lines is whole again, as printed
        assert!(
            notes[3].text.ends_with("明显高于正常年份"),
            "{}",
            notes[3].text
        );
        assert_eq!(notes[0].text, "〔〕内为5年累计数");
        assert_eq!(notes[4].text, "2020年全员劳动生产率增长2.5%为预计数");
        assert_eq!(year_named(&notes[4].text), Some(2020));
    }

    #[test]
    fn numbered_notes_on_rows_of_their_own() {
        let notes = parse(&lines(&[
            "注：1.地区生产总值按当年价格计算",
            "2.[]内为五年累计数；",
            "3、带△的为预计数",
            "*为2019年数据",
        ]));
        let got: Vec<(&str, &NoteEffect)> = notes
            .iter()
            .map(|n| (n.label.as_str(), &n.effect))
            .collect();
        assert_eq!(
            got,
            [
                ("1", &NoteEffect::Remark),
                ("2", &NoteEffect::PeriodTotal { years: 5 }),
                ("3", &NoteEffect::Preliminary),
                ("", &NoteEffect::Year { year: 2019 }),
            ]
        );
        assert_eq!(notes[2].scope, NoteScope::Mark { mark: "△".into() });
        assert_eq!(notes[3].scope, NoteScope::Mark { mark: "*".into() });
    }

    #[test]
    fn labels_are_not_numbers_in_the_text() {
        assert_eq!(numbered_label("1.地区"), Some(2));
        assert_eq!(numbered_label("(3)化学"), Some(3));
        assert_eq!(numbered_label("（３）化学"), Some(9));
        assert_eq!(numbered_label("3、带"), Some(4));
        assert_eq!(numbered_label("2.5%为"), None);
        assert_eq!(numbered_label("2020年"), None);
    }
}
