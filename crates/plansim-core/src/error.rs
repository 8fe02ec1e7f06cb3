//! Errors of the library. Every error names the file it concerns; cell errors also row and column.

use crate::lang::Text;
use std::fmt;
use std::path::PathBuf;

/// The manifest's name in an output folder (`output` writes it; [`Error::Foreign`] names it).
pub(crate) const MANIFEST: &str = ".plansim.manifest.json";

/// One cell that could not be read.
///
/// # Example
///
/// ```
/// use plansim_core::{Error, LoadOptions, load_bytes};
///
/// let csv = "region,indicator,unit,base_year,base,target_year,target\n\
///            甲区,地区生产总值,亿元,2020,NaN,2025,130\n";
/// let Err(Error::Cells { errors, .. }) =
///     load_bytes("nan.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default())
/// else {
///     panic!("a NaN base is read")
/// };
/// assert_eq!((errors[0].header.as_str(), errors[0].text.as_str()), ("base", "NaN"));
/// assert!(errors[0].to_string().starts_with("row 2, column 5 (base): `NaN`"));
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CellError {
    /// 1-based row (line of a CSV, row of a sheet).
    pub row: usize,
    /// 1-based column.
    pub column: usize,
    /// The column's header as written, or its canonical name.
    pub header: String,
    /// The cell text as read.
    pub text: String,
    /// What was wrong and what would have been read.
    pub expected: String,
    /// The same in Chinese.
    #[serde(skip)]
    pub expected_zh: String,
}

impl CellError {
    /// A cell at `row`, `column` (1-based) under `header`, read as `text`, and what was
    /// wrong with it in both languages.
    pub fn new(row: usize, column: usize, header: String, text: String, why: Text) -> CellError {
        CellError {
            row,
            column,
            header,
            text,
            expected: why.en,
            expected_zh: why.zh,
        }
    }

    /// The cell and what was wrong with it, in a language.
    pub fn render(&self, lang: crate::lang::Lang) -> String {
        if lang.is_en() {
            return self.to_string();
        }
        format!(
            "第 {} 行第 {} 列（{}）：`{}`：{}",
            self.row, self.column, self.header, self.text, self.expected_zh
        )
    }
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}, column {} ({}): `{}`: {}",
            self.row, self.column, self.header, self.text, self.expected
        )
    }
}

/// What can go wrong reading, checking, projecting or writing; each names its file.
///
/// # Example
///
/// ```
/// use plansim_core::{Error, LoadOptions, load_bytes};
///
/// // `NaN` is no base: the error names the file, row, column and text of every such cell
/// let csv = "region,indicator,unit,base_year,base,target_year,target\n\
///            甲区,地区生产总值,亿元,2020,NaN,2025,130\n";
/// match load_bytes("nan.csv".as_ref(), csv.as_bytes().to_vec(), &LoadOptions::default()) {
///     Err(Error::Cells { errors, .. }) => assert_eq!((errors[0].row, errors[0].column), (2, 5)),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written. The I/O error is part of the message, not a
    /// `source`: error reports print each source again after the message.
    #[error("{}: {}", path.display(), crate::lang::io_text(error))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// A file is not a table plansim can read at all (encoding, structure, no header).
    #[error("{}: {message}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong with it, in both languages.
        message: Text,
    },
    /// Cells that could not be read, all of them.
    #[error("{}", cells_message(path, errors, crate::lang::Lang::En))]
    Cells {
        /// The file.
        path: PathBuf,
        /// Every unreadable cell, in file order.
        errors: Vec<CellError>,
    },
    /// A scenario file is wrong; `line` where it is known.
    #[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Scenario {
        /// The scenario file.
        path: PathBuf,
        /// The 1-based line, where known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A scenario's notices that stop it, all of them, each with its file and line.
    #[error("{}", notices.iter().map(|n| n.to_string()).collect::<Vec<_>>().join("\n"))]
    Notices {
        /// The notices, each with its file, line and message.
        notices: Vec<crate::notice::Notice>,
    },
    /// A horizon that does not fit the tables (before a base year, not a plan year).
    #[error("horizon {horizon}: {}", msg.render(crate::lang::Lang::En))]
    Horizon {
        /// The horizon asked for.
        horizon: i32,
        /// What is wrong with it.
        msg: crate::lang::Msg,
    },
    /// A setting out of its range: `draws 0: expected 1 to 10,000,000`.
    #[error("{what} {value}: expected {expected}")]
    OutOfRange {
        /// The setting.
        what: &'static str,
        /// Its value as given.
        value: String,
        /// The range it must be in.
        expected: &'static str,
    },
    /// The threads asked for could not be started.
    #[error("cannot start {jobs} threads: {message}")]
    Threads {
        /// How many were asked for.
        jobs: usize,
        /// What the thread pool said.
        message: String,
    },
    /// Rows that could not be written as CSV.
    #[error("cannot write CSV: {0}")]
    Csv(String),
    /// CSV that could not be written for the system's reason (a full disk, a closed pipe).
    #[error("cannot write CSV: {0}")]
    CsvIo(std::io::Error),
    /// A file name that would lead out of the output folder (`../x`, `/etc/x`).
    #[error("refusing to write `{}`: it would leave the output folder {}", path.display(), root.display())]
    OutsideOutput {
        /// The name asked for, relative to the folder.
        path: PathBuf,
        /// The output folder.
        root: PathBuf,
    },
    /// A symbolic link inside the output folder, where plansim would write or remove: never
    /// followed, so nothing outside the folder is touched.
    #[error("refusing to follow the symbolic link {}: plansim writes only into real folders under its output folder; replace the link by a folder or choose another --out", path.display())]
    Symlink {
        /// The link.
        path: PathBuf,
    },
    /// Another plansim run holds the output folder's lock.
    #[error("another plansim run{} is writing into {}: wait for it to finish, or pass --wait to start when it has", pid.map(|p| format!(" (pid {p})")).unwrap_or_default(), root.display())]
    Busy {
        /// The output folder.
        root: PathBuf,
        /// The holder's process id, as it recorded it.
        pid: Option<u32>,
    },
    /// A non-empty folder that plansim did not make: never written into.
    #[error("refusing to write into {}: it holds {} and no plansim manifest ({}), so plansim did not make it; choose a new or empty folder for --out", root.display(), seen.join(", "), MANIFEST)]
    Foreign {
        /// The folder.
        root: PathBuf,
        /// A few of the names it holds.
        seen: Vec<String>,
    },
    /// A request that cannot be carried out (bad option, unknown indicator…).
    #[error("{0}")]
    Invalid(String),
    /// Several inputs failed; each is reported.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
}

fn cells_message(path: &std::path::Path, errors: &[CellError], lang: crate::lang::Lang) -> String {
    let n = errors.len();
    let mut s = if lang.is_en() {
        format!(
            "{}: {n} unreadable cell{}",
            path.display(),
            if n == 1 { "" } else { "s" }
        )
    } else {
        format!("{}：{n} 个单元格无法读取", path.display())
    };
    for e in errors {
        s.push_str(&format!(
            "\n  {}:{}:{}: {}",
            path.display(),
            e.row,
            e.column,
            e.render(lang)
        ));
    }
    s
}

impl Error {
    /// A CSV writer's error: the system's reason kept as it is, so a closed pipe is known.
    pub fn csv(e: csv::Error) -> Error {
        if !e.is_io_error() {
            return Error::Csv(e.to_string());
        }
        match e.into_kind() {
            csv::ErrorKind::Io(io) => Error::CsvIo(io),
            other => Error::Csv(format!("{other:?}")),
        }
    }

    /// True when the reader of the output went away (`plansim … | head`): not the run's fault.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Io { error, .. } | Error::CsvIo(error) => {
                error.kind() == std::io::ErrorKind::BrokenPipe
            }
            Error::Many(all) => all.iter().any(Error::is_broken_pipe),
            _ => false,
        }
    }

    /// The message in a language: a scenario's notices, the system's words and a table's
    /// reading speak both; other errors are English.
    pub fn render(&self, lang: crate::lang::Lang) -> String {
        match self {
            Error::Notices { notices } => notices
                .iter()
                .map(|n| n.render(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            Error::Horizon { horizon, msg } => format!("horizon {horizon}: {}", msg.render(lang)),
            Error::Io { path, error } if !lang.is_en() => format!(
                "{}：{}",
                path.display(),
                crate::lang::io_words(&crate::lang::io_text(error), lang)
            ),
            Error::Format { path, message } if !lang.is_en() => {
                format!("{}：{}", path.display(), message.zh)
            }
            Error::Cells { path, errors } => cells_message(path, errors, lang),
            Error::Many(all) => all
                .iter()
                .map(|e| e.render(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            e => e.to_string(),
        }
    }

    /// One notice that stops a scenario.
    pub(crate) fn notice(at: crate::notice::At, msg: crate::lang::Msg) -> Error {
        Error::Notices {
            notices: vec![crate::notice::Notice::error(at, msg)],
        }
    }

    /// A file that could not be read or written.
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            error,
        }
    }

    /// One error, or all of them: `None` when there is none.
    pub fn from_all(mut errors: Vec<Error>) -> Option<Error> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            _ => Some(Error::Many(errors)),
        }
    }

    /// A file that is not what plansim reads, and why in both languages.
    pub fn format(path: impl Into<PathBuf>, message: Text) -> Error {
        Error::Format {
            path: path.into(),
            message,
        }
    }
}

/// The library's result: its [`Error`] by default.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// A file the system cannot read is named with the system's words, in the run's language.
    #[test]
    fn an_unreadable_file_is_said_in_words_in_either_language() {
        let e = Error::io("t.csv", std::io::Error::from_raw_os_error(2));
        assert_eq!(e.to_string(), "t.csv: no such file or folder");
        assert_eq!(e.render(crate::lang::Lang::Zh), "t.csv：文件或文件夹不存在");
        let both = Error::Many(vec![
            Error::io("a.csv", std::io::Error::from_raw_os_error(2)),
            Error::io("b.csv", std::io::Error::from_raw_os_error(2)),
        ]);
        assert_eq!(
            both.render(crate::lang::Lang::Zh),
            "a.csv：文件或文件夹不存在\nb.csv：文件或文件夹不存在"
        );
    }
}
