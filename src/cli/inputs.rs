//! What `check` and `assess` read: tables and scenarios, their outturns and those given with
//! `--actuals`, matched once through the one name rule. Every unusable input is reported.

use plansim::Error;
use plansim::actuals::Resolved;
use plansim::names::Aliases;
use plansim::table::{Indicator, LoadOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub struct Inputs {
    pub rows: Vec<Indicator>,
    pub resolved: Resolved,
    pub aliases: Aliases,
    /// Tables' unreadable cells: their rows are left out, the rest read.
    pub unread: Vec<Error>,
    /// Columns not read, marks no note explains: `file:row: …`.
    pub warnings: Vec<String>,
}

impl Inputs {
    pub fn load(
        files: &[PathBuf],
        actuals: &[PathBuf],
        aliases: Option<&Path>,
        load: &LoadOptions,
    ) -> Result<Inputs, Vec<Error>> {
        let (scenarios, tables): (Vec<PathBuf>, Vec<PathBuf>) =
            files.iter().cloned().partition(|p| {
                p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            });
        let (tables, mut errors) = plansim::table::load_all(&tables, load);
        // unreadable cells are reported and their rows left out; the rows that read are used
        let mut unread = Vec::new();
        let mut warnings = Vec::new();
        let mut take =
            |path: &Path, cells: Vec<plansim::CellError>, w: &[plansim::table::Warning]| {
                warnings.extend(
                    w.iter()
                        .map(|w| format!("{}:{}: {w}", path.display(), w.row)),
                );
                if !cells.is_empty() {
                    unread.push(Error::Cells {
                        path: path.to_path_buf(),
                        errors: cells,
                    });
                }
            };
        let mut rows: Vec<Indicator> = Vec::new();
        for t in tables {
            take(&t.path, t.unread, &t.warnings);
            rows.extend(t.indicators);
        }
        let mut outturns = Vec::new();
        for path in &scenarios {
            match plansim::scenario::Scenario::load(path, load) {
                Ok(sc) => {
                    super::warn(&sc.notices);
                    for l in sc.left_out {
                        take(&l.file, l.cells, &l.warnings);
                    }
                    rows.extend(sc.indicators);
                    outturns.extend(sc.actuals);
                }
                Err(e) => errors.push(e),
            }
        }
        // scenarios that share tables would count each row twice
        let mut seen = std::collections::HashSet::new();
        rows.retain(|r| seen.insert((r.file.clone(), r.row, r.target_year)));
        match plansim::actuals::load_all(actuals) {
            Ok(a) => outturns.extend(a),
            Err(e) => errors.push(e),
        }
        let aliases = match aliases {
            Some(p) => Aliases::load(p).unwrap_or_else(|e| {
                errors.push(e);
                Aliases::default()
            }),
            None => Aliases::bundled(),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let merged = plansim::actuals::merge(outturns).map_err(|e| vec![e])?;
        let resolved = plansim::actuals::resolve(&rows, merged, &aliases).map_err(|e| vec![e])?;
        Ok(Inputs {
            rows,
            resolved,
            aliases,
            unread,
            warnings,
        })
    }

    /// Outturn rows skipped and qualifier warnings, on stderr.
    pub fn report_skipped(&self) {
        if let Some(note) = self.resolved.skipped_note() {
            eprintln!("plansim: {note}");
        }
        for w in &self.resolved.warnings {
            eprintln!("{}{w}", plansim::lang::words::prefix(super::lang(), false));
        }
    }
}

/// Reports every unusable input and gives exit code 2.
pub fn unusable(errors: &[Error]) -> ExitCode {
    for e in errors {
        eprintln!("{}", super::lib_error(e));
    }
    eprintln!(
        "{}",
        plansim::lang::words::unusable_inputs(super::lang(), errors.len())
    );
    ExitCode::from(2)
}
