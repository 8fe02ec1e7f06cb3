//! Errors of charts and reports: the engine's, or a chart that could not be drawn.

/// Why a report or chart could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input, a scenario, or a file to write (the engine's error, naming its file).
    #[error(transparent)]
    Core(#[from] plansim_core::Error),
    /// A chart could not be drawn.
    #[error(transparent)]
    Chart(#[from] crate::chart::Error),
    /// A page could not be laid out.
    #[error("page template: {0}")]
    Template(#[from] askama::Error),
}

impl Error {
    /// The message in a language (a scenario's notices speak both).
    pub fn render(&self, lang: plansim_core::lang::Lang) -> String {
        match self {
            Error::Core(e) => e.render(lang),
            e => e.to_string(),
        }
    }

    /// A file that could not be read or written.
    pub fn io(path: impl Into<std::path::PathBuf>, error: std::io::Error) -> Error {
        Error::Core(plansim_core::Error::io(path, error))
    }

    /// A request that cannot be carried out.
    pub fn invalid(message: impl Into<String>) -> Error {
        Error::Core(plansim_core::Error::Invalid(message.into()))
    }
}

/// A result of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
