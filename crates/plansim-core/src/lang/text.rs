//! A message in both languages, built once and read in either.

use super::Lang;

/// A message in both languages.
#[derive(Clone, Debug, Default, PartialEq)]
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

/// A message no one has put into Chinese yet reads in English in both.
impl From<String> for Text {
    fn from(s: String) -> Text {
        Text {
            zh: s.clone(),
            en: s,
        }
    }
}
