//! What plansim tells about a scenario: an error that stops it or a warning that does not, each
//! with the file and line of the rule it is about ([`At`]); and how bad a finding or a notice is
//! ([`Severity`]). The bottom layer: errors carry notices, and every layer above reports them.

use crate::lang::{Lang, Msg};
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a rule or value was written: its file and 1-based line. A rule made by a command
/// (`sweep --delta`) has no file and line 0.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct At {
    /// The scenario file (empty for a rule made by a command).
    pub file: PathBuf,
    /// 1-based line; 0 when there is no file.
    pub line: usize,
    /// Byte offset in the file, until [`At::resolve`] turns it into a line.
    #[serde(skip)]
    pub(crate) offset: usize,
}

impl At {
    /// A place given by file and line.
    pub fn new(file: impl Into<PathBuf>, line: usize) -> At {
        At {
            file: file.into(),
            line,
            offset: 0,
        }
    }

    /// Sets the file, and the line of the byte offset read with the value.
    pub(crate) fn resolve(&mut self, file: &Path, lines: &Lines) {
        self.file = file.to_path_buf();
        self.line = lines.line_of(self.offset);
    }

    /// Whether the place is in a file (a line was read).
    pub(crate) fn is_file(&self) -> bool {
        self.line > 0
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_file() {
            write!(f, "{}:{}", self.file.display(), self.line)
        } else {
            f.write_str(&self.file.display().to_string())
        }
    }
}

/// 1-based line of a byte offset.
/// The newlines of a text, to find the line of many offsets without counting from the start
/// for each (a scenario of 40,000 rules would count billions of bytes).
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        Lines(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        )
    }

    /// The 1-based line of a byte offset, as [`line_of`] counts it.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Error: the printed numbers cannot all be true. Warning: they can, but only at the edge of
/// their rounding, or a projection or a pairing makes them doubtful. Info: worth knowing.
/// Ordered so that errors sort first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The printed numbers cannot all be true, or a target was missed; `plansim check` exits 1.
    Error,
    /// Doubtful but possible; exits 1 only under `--deny warnings`.
    Warning,
    /// A fact worth knowing, never a failure.
    Info,
}

impl Severity {
    /// The word for people, in a language: `error` / `错误`.
    pub fn say(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => lang.say("error", "错误"),
            Severity::Warning => lang.say("warning", "警告"),
            Severity::Info => lang.say("info", "提示"),
        }
    }

    /// The lowercase word printed in tables, JSON and CSV (`error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_offsets() {
        let text = "a\nb\n\nc";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 2), 2);
        assert_eq!(line_of(text, 5), 4);
        assert_eq!(line_of(text, 999), 4);
        let lines = Lines::new(text);
        for offset in 0..=text.len() + 3 {
            assert_eq!(lines.line_of(offset), line_of(text, offset), "{offset}");
        }
    }
}
