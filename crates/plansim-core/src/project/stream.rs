//! A projection made path by path, for writers that let each path go once written: at a
//! million rows the whole projection (paths, their rates and the grid of values) held some
//! 500 bytes a row besides the scenario. What the paths are is [`super::project`]'s, made by
//! the same steps.

use super::{Made, Path, Skipped, check, finish, make};
use crate::error::Result;
use crate::scenario::Scenario;

/// What a projection says besides its paths: the years of its columns and the series it
/// leaves out, from [`outline`].
#[derive(Clone, Debug)]
pub struct Outline {
    /// The years of the columns, the earliest path's start to the horizon (as
    /// [`super::Projection::years`]).
    pub years: Vec<i32>,
    /// The number of paths.
    pub paths: usize,
    /// Series that cannot be projected, with the reason (as [`super::Projection::skipped`]).
    pub skipped: Vec<Skipped>,
}

/// The outline of a scenario's projection, by making every path and letting each go: what
/// must be said before the paths are written (how many are left out, the years), and any error
/// the projection meets, met before anything is written.
pub fn outline(sc: &Scenario) -> Result<Outline> {
    let horizon = sc.horizon();
    check(sc)?;
    let mut first = horizon;
    let mut paths = 0;
    let mut skipped = Vec::new();
    for s in &sc.series {
        match make(sc, s, horizon, None)? {
            Made::Path(p) => {
                first = first.min(p.plan.start_year);
                paths += 1;
            }
            Made::Skipped(k) => skipped.push(k),
        }
    }
    Ok(Outline {
        years: (first..=horizon).collect(),
        paths,
        skipped,
    })
}

/// The paths of [`super::project`], in its order, each handed to `f` with its values from its own
/// start year to the horizon (`values[k]` is year `plan.start_year + k`) and let go before the
/// next is made: a writer holds one path, not a projection of a million. What needs every
/// path (the shared years, the growth rows and the relations between rows) is not made.
pub fn each_path(sc: &Scenario, mut f: impl FnMut(&Path, &[f64]) -> Result<()>) -> Result<()> {
    let horizon = sc.horizon();
    check(sc)?;
    for s in &sc.series {
        if let Made::Path(mut path) = make(sc, s, horizon, None)? {
            let row = finish(&mut path);
            f(&path, &row)?;
        }
    }
    Ok(())
}
