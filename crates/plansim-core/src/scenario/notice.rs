//! What plansim tells about a scenario: an error that stops it or a warning that does not, each
//! with the file and line of the rule it is about.

use super::At;
use crate::check::Severity;
use crate::lang::{Lang, Msg};
use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    pub severity: Severity,
    pub at: At,
    pub msg: Msg,
}

impl Notice {
    pub fn error(at: At, msg: Msg) -> Notice {
        Notice {
            severity: Severity::Error,
            at,
            msg,
        }
    }

    pub fn warning(at: At, msg: Msg) -> Notice {
        Notice {
            severity: Severity::Warning,
            at,
            msg,
        }
    }

    /// `file:line: message` in a language.
    pub fn render(&self, lang: Lang) -> String {
        let place = self.at.to_string();
        if place.is_empty() {
            self.msg.render(lang)
        } else {
            format!("{place}: {}", self.msg.render(lang))
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}
