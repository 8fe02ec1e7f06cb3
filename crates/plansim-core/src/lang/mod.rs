//! The message catalogue: every sentence plansim says about a scenario, a finding or a run, in
//! Chinese and English side by side, and how the language is chosen. Messages are data
//! ([`Msg`]) until printed, so the same notice reads in either language.
mod advice;
mod column;
mod detect;
mod io_words;
mod msg;
mod reading;
mod text;

pub use column::Column;
pub use detect::detect;
pub use io_words::{io_text, io_words};

pub use msg::{Msg, Rule};
pub use reading::Wrong;
pub use text::Text;

use serde::Serialize;

/// The language of messages, findings and labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    /// Chinese (the default).
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `zh`/`en` (and `zh-CN`, `en_US.UTF-8`…).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// A word or phrase written as its pair, English first as in [`Text::new`]:
    /// `lang.say("region", "地区")`. The one way plansim says a fixed word in a language.
    pub fn say<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// English is asked for.
    pub fn is_en(self) -> bool {
        self == Lang::En
    }

    /// The mark between items of a list: `、` or `, `.
    pub fn comma(self) -> &'static str {
        self.say(", ", "、")
    }

    /// The mark after a label: `：` or `: `.
    pub fn colon(self) -> &'static str {
        self.say(": ", "：")
    }

    /// Items joined as the language lists them: `a、b、c` or `a, b, c`.
    pub fn list(self, items: &[String]) -> String {
        items.join(self.comma())
    }

    /// The names nearest to one that matched nothing, as a message ends, in backticks:
    /// ``; did you mean `a` or `b`?`` / ``；最接近的：`a`、`b` ``; empty without any.
    pub fn did_you_mean(self, names: &[String]) -> String {
        reading::nearest(names, true, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_parse_from_locale_names() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
