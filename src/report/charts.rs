//! The report's charts (filled in with the chart module).

use super::Options;
use super::page::Page;
use super::scenario::Computed;
use crate::error::Result;
use std::path::PathBuf;

pub fn render(
    _run: &Computed,
    _all: &[&Computed],
    _page: &mut Page,
    _opts: &Options,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    Ok(Vec::new())
}
