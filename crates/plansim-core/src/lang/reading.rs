//! What the reader of a scenario file says, in the file's words: unknown keys with the nearest
//! key, values of the wrong sort, a year in quotes, a `%` without quotes. The TOML reader's own
//! messages (and the value readers' of `scenario::located`) become [`Msg`]s here.

use super::{Lang, Msg};
use serde::Serialize;

/// A value that cannot be read, as the reader of the file says it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Wrong {
    /// `from = "2023"`: a year in quotes.
    YearText {
        /// The value as written.
        text: String,
        /// The year it reads as, when it does.
        year: Option<i32>,
    },
    /// `from = "20x3"`: not a year.
    NotAYear {
        /// The value as written.
        text: String,
    },
    /// A rate or σ that is not a number of percent.
    NotPercent {
        /// The value as written.
        text: String,
    },
    /// A region that is neither a name nor a list of names.
    NotNames,
}

impl Wrong {
    /// How the value readers of `scenario::located` hand a message through the TOML reader,
    /// which only carries text: a marker, a tag and the fields.
    pub fn encode(&self) -> String {
        let (tag, a, b) = match self {
            Wrong::YearText { text, year } => (
                "year-text",
                text.clone(),
                year.map(|y| y.to_string()).unwrap_or_default(),
            ),
            Wrong::NotAYear { text } => ("not-a-year", text.clone(), String::new()),
            Wrong::NotPercent { text } => ("not-percent", text.clone(), String::new()),
            Wrong::NotNames => ("not-names", String::new(), String::new()),
        };
        format!("{MARK}{tag}{MARK}{a}{MARK}{b}")
    }

    /// The value read back from [`Wrong::encode`]'s text; `None` for any other message.
    pub(crate) fn decode(message: &str) -> Option<Wrong> {
        let mut parts = message.strip_prefix(MARK)?.split(MARK);
        let (tag, a, b) = (parts.next()?, parts.next()?, parts.next()?);
        let text = a.to_string();
        Some(match tag {
            "year-text" => Wrong::YearText {
                text,
                year: b.parse().ok(),
            },
            "not-a-year" => Wrong::NotAYear { text },
            "not-percent" => Wrong::NotPercent { text },
            "not-names" => Wrong::NotNames,
            _ => return None,
        })
    }
}

const MARK: char = '\u{1}';

/// Names nearest to a word, as a message ends: keys in backticks, names in quotes.
pub(super) fn nearest(v: &[String], key: bool, lang: Lang) -> String {
    let q: Vec<String> = v
        .iter()
        .map(|n| {
            if key {
                format!("`{n}`")
            } else {
                format!("\"{n}\"")
            }
        })
        .collect();
    match (v.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Zh) => format!("；最接近的：{}", lang.list(&q)),
        (false, Lang::En) => format!("; did you mean {}?", q.join(" or ")),
    }
}

/// The reading messages in a language; `None` for the others.
pub(super) fn render(msg: &Msg, lang: Lang) -> Option<String> {
    let zh = lang == Lang::Zh;
    let l = |v: &[String]| lang.list(v);
    let near = |v: &[String]| nearest(v, false, lang);
    Some(match msg {
        Msg::UnknownKey {
            key,
            nearest: n,
            keys,
        } => match zh {
            true => format!(
                "未知的键 `{key}`{}（可用的键：{}）",
                nearest(n, true, lang),
                l(keys)
            ),
            false => format!(
                "unknown key `{key}`{} (keys here: {})",
                nearest(n, true, lang),
                keys.join(", ")
            ),
        },
        Msg::MissingKey { key } => match zh {
            true => format!("缺少键 `{key}`"),
            false => format!("`{key}` is missing"),
        },
        Msg::WrongType { found, expected } => match zh {
            true => format!("{found} 不是{}", expected_zh(expected)),
            false => format!("{found} is not {expected}"),
        },
        Msg::UnknownChoice {
            value,
            choices,
            nearest: n,
        } => match zh {
            true => format!("\"{value}\" 不是可选值（{}）{}", l(choices), near(n)),
            false => format!(
                "\"{value}\" is not one of {}{}",
                choices.join(", "),
                near(n)
            ),
        },
        Msg::Unquoted { text } => {
            let (key, value) = text
                .split_once('=')
                .map_or(("rate", text.as_str()), |(k, v)| (k.trim(), v.trim()));
            let number = value.trim_end_matches(['%', '％']).trim();
            match zh {
                true => format!(
                    "`{text}`：带 % 的值要加引号：写 {key} = {number} 或 {key} = \"{number}%\""
                ),
                false => format!(
                    "`{text}`: a value with % needs quotes: write {key} = {number} or {key} = \"{number}%\""
                ),
            }
        }
        Msg::Value(w) => wrong(w, zh),
        Msg::Syntax(s) => match zh {
            true => format!("TOML 格式错误：{s}"),
            false => format!("not valid TOML: {s}"),
        },
        _ => return None,
    })
}

impl Msg {
    /// The TOML reader's message in the file's words; `text` is the value it points at, `line`
    /// the line it stands on.
    pub(crate) fn from_toml(message: &str, text: &str, line: &str) -> Msg {
        if let Some(w) = Wrong::decode(message) {
            return Msg::Value(w);
        }
        let ticks = |s: &str| -> Vec<String> {
            s.split('`').skip(1).step_by(2).map(String::from).collect()
        };
        if let Some(rest) = message.strip_prefix("unknown field ") {
            let mut names = ticks(rest);
            let key = if names.is_empty() {
                String::new()
            } else {
                names.remove(0)
            };
            let nearest = crate::text::nearest(&key, names.iter().map(String::as_str));
            return Msg::UnknownKey {
                key,
                nearest,
                keys: names,
            };
        }
        if let Some(rest) = message.strip_prefix("unknown variant ") {
            let mut names = ticks(rest);
            let value = if names.is_empty() {
                String::new()
            } else {
                names.remove(0)
            };
            let nearest = crate::text::nearest(&value, names.iter().map(String::as_str));
            return Msg::UnknownChoice {
                value,
                choices: names,
                nearest,
            };
        }
        if let Some(rest) = message.strip_prefix("missing field ") {
            return Msg::MissingKey {
                key: rest.trim_matches('`').to_string(),
            };
        }
        if let Some(rest) = message.strip_prefix("invalid type: ") {
            let (_, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            return Msg::WrongType {
                found: if text.is_empty() {
                    rest.to_string()
                } else {
                    text.to_string()
                },
                expected: file_words(expected).to_string(),
            };
        }
        if message.starts_with("string values must be quoted") {
            return Msg::Unquoted {
                text: line.trim().to_string(),
            };
        }
        Msg::Syntax(message.to_string())
    }
}

/// What a Rust type means in a file.
fn file_words(expected: &str) -> &str {
    match expected {
        "i32" | "i64" | "u32" | "u64" | "usize" => "a whole number",
        "f64" | "f32" => "a number",
        "a sequence" => "a list such as [\"tables/horqin.csv\"]",
        "a string" => "text in quotes",
        "a boolean" => "true or false",
        "a map" | "struct Uncertainty" | "struct After" => "a table",
        e => e,
    }
}

fn expected_zh(en: &str) -> &str {
    match en {
        "a whole number" => "整数",
        "a number" => "数字",
        "a list such as [\"tables/horqin.csv\"]" => "列表，如 [\"tables/horqin.csv\"]",
        "text in quotes" => "带引号的文本",
        "true or false" => "true 或 false",
        "a table" => "表（[…]）",
        e => e,
    }
}

fn wrong(w: &Wrong, zh: bool) -> String {
    match (w, zh) {
        (
            Wrong::YearText {
                text,
                year: Some(y),
            },
            true,
        ) => {
            format!("\"{text}\" 是文本而不是年份：去掉引号，写成 {y}")
        }
        (
            Wrong::YearText {
                text,
                year: Some(y),
            },
            false,
        ) => {
            format!("\"{text}\" is text, not a year: write it as a number, without quotes: {y}")
        }
        (Wrong::YearText { text, year: None }, true) => {
            format!("\"{text}\" 不是年份：写成数字，如 2026")
        }
        (Wrong::YearText { text, year: None }, false) => {
            format!("\"{text}\" is not a year: write a year as a number such as 2026")
        }
        (Wrong::NotAYear { text }, true) => format!("{text} 不是 1900–2200 之间的整数年份"),
        (Wrong::NotAYear { text }, false) => {
            format!("{text} is not a whole year from 1900 to 2200")
        }
        (Wrong::NotPercent { text }, true) => {
            format!("{text} 不是百分数：写 5、-3.5 或 \"5%\"")
        }
        (Wrong::NotPercent { text }, false) => {
            format!("{text} is not a number in percent: write 5, -3.5 or \"5%\"")
        }
        (Wrong::NotNames, true) => {
            "应为一个名称或名称列表，如 \"科尔沁区\" 或 [\"科尔沁区\", \"回民区\"]".into()
        }
        (Wrong::NotNames, false) => {
            "expected a name or a list of names, such as \"科尔沁区\" or [\"科尔沁区\", \"回民区\"]"
                .into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_messages_in_the_files_words() {
        let m = Msg::from_toml(
            "unknown field `dleta`, expected one of `indicator`, `rate`, `delta`",
            "dleta",
            "dleta = 1",
        );
        assert_eq!(
            m.render(Lang::En),
            "unknown key `dleta`; did you mean `delta`? (keys here: indicator, rate, delta)"
        );
        let m = Msg::from_toml(
            "invalid type: string \"100\", expected usize",
            "\"100\"",
            "draws = \"100\"",
        );
        assert_eq!(m.render(Lang::En), "\"100\" is not a whole number");
        assert_eq!(m.render(Lang::Zh), "\"100\" 不是整数");
        let w = Wrong::YearText {
            text: "2023".into(),
            year: Some(2023),
        };
        assert_eq!(
            Msg::from_toml(&w.encode(), "\"2023\"", "from = \"2023\""),
            Msg::Value(w)
        );
        let m = Msg::from_toml(
            "string values must be quoted, expected literal string",
            "5%",
            "rate = 5%",
        );
        assert_eq!(
            m.render(Lang::En),
            "`rate = 5%`: a value with % needs quotes: write rate = 5 or rate = \"5%\""
        );
    }
}
