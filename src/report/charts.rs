//! The report's charts (filled in with the chart module).

use super::Options;
use super::page::Page;
use crate::error::Result;
use crate::project::Projection;
use crate::simulate::Simulation;
use std::path::PathBuf;

pub fn render(
    _p: &Projection,
    _sim: &Simulation,
    _page: &mut Page,
    _opts: &Options,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    Ok(Vec::new())
}
