//! What plansim tells about a scenario: an error that stops it or a warning that does not, each
//! with the file and line of the rule it is about.

use super::At;
use crate::check::Severity;
use crate::lang::{Lang, Msg};
use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Serialize)]
/// A message about a scenario's rules, with its place and severity.
pub struct Notice {
    /// An error stops the scenario; a warning is shown.
    pub severity: Severity,
    /// The place in the scenario file.
    pub at: At,
    /// What is wrong, in either language.
    pub msg: Msg,
}

impl Notice {
    /// An error at a place.
    pub fn error(at: At, msg: Msg) -> Notice {
        Notice {
            severity: Severity::Error,
            at,
            msg,
        }
    }

    /// A warning at a place.
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
