//! A message in both languages, built once and read in either.

use super::Lang;

/// A message in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// The English text.
    pub en: String,
    /// The Chinese text.
    pub zh: String,
}

impl Text {
    /// A message from its two texts.
    pub fn new(en: String, zh: String) -> Text {
        Text { en, zh }
    }

    /// A message from its two texts, English first as in [`Lang::say`].
    pub fn say(en: impl Into<String>, zh: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The text in a language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// Two messages of one finding, `; `-joined.
    pub fn join(parts: &[Text]) -> Text {
        let en: Vec<&str> = parts.iter().map(|t| t.en.as_str()).collect();
        let zh: Vec<&str> = parts.iter().map(|t| t.zh.as_str()).collect();
        Text::new(en.join("; "), zh.join("；"))
    }

    /// Appends a clause (`; …` / `；…`).
    pub fn and(mut self, more: Text) -> Text {
        self.en.push_str(&format!("; {}", more.en));
        self.zh.push_str(&format!("；{}", more.zh));
        self
    }
}

/// Written as its English text, as the message was before it had a Chinese one.
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.en)
    }
}

impl std::fmt::Display for Text {
    /// The English text (a library error's `Display`; the run's language reads [`Text::get`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// A message no one has put into Chinese yet reads in English in both.
impl From<String> for Text {
    fn from(s: String) -> Text {
        Text {
            zh: s.clone(),
            en: s,
        }
    }
}
