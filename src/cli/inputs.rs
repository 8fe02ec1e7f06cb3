//! What `check` and `assess` read: tables and scenarios, their outturns and those given with
//! `--actuals`, pooled by the library's [`plansim_core::run::gather`]. Every unusable input is
//! reported.

use plansim_core::Error;
use plansim_core::names::Aliases;
use plansim_core::run::{Gathered, Input, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reads the inputs; the scenarios' notices go to stderr as they did while loading, and every
/// unusable input (the alias list's too) comes back at once.
pub fn gather(
    files: &[PathBuf],
    aliases: Option<&Path>,
    opts: &mut Options,
) -> Result<Gathered, Vec<Error>> {
    let mut alias_error = None;
    if let Some(p) = aliases {
        match Aliases::load(p) {
            Ok(a) => opts.aliases = Some(a),
            Err(e) => {
                alias_error = Some(e);
                opts.aliases = Some(Aliases::default());
            }
        }
    }
    let inputs: Vec<Input> = files.iter().cloned().map(Input::Path).collect();
    let mut g = plansim_core::run::gather(inputs, opts);
    super::warn(&g.notices);
    g.errors.extend(alias_error);
    if g.errors.is_empty() {
        Ok(g)
    } else {
        Err(std::mem::take(&mut g.errors))
    }
}

/// Outturn rows skipped (with the region to name when a table took its file's name) and
/// qualifier warnings, on stderr; true when outturns were given and none matches a row.
pub fn report_skipped(g: &Gathered) -> bool {
    let said = super::words::said(super::lang());
    if let Some(note) = g.resolved.skipped_note(super::lang()) {
        eprintln!("{said}{note}");
    }
    if let Some(advice) = g.resolved.region_advice(&g.rows, super::lang()) {
        eprintln!("{said}{advice}");
    }
    for w in &g.resolved.warnings {
        eprintln!(
            "{}{}",
            super::words::prefix(super::lang(), false),
            w.get(super::lang())
        );
    }
    g.resolved.none_matched()
}

/// Reports every unusable input and gives exit code 2.
pub fn unusable(errors: &[Error]) -> ExitCode {
    for e in errors {
        eprintln!("{}", super::lib_error(e));
    }
    eprintln!(
        "{}",
        super::words::unusable_inputs(super::lang(), errors.len())
    );
    ExitCode::from(2)
}
