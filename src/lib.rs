//! plansim: read the indicator tables of Chinese regional development plans, check that their
//! targets hold together, project them under what-if scenarios, simulate their uncertainty, and
//! chart and report the results.
//!
//! The flow runs one way: [`table`] → [`check`] / [`scenario`] → [`project`] → [`simulate`] →
//! [`chart`] / [`report`].

pub mod error;
pub mod table;

pub use error::{CellError, Error, Result};
pub use table::{Attribute, Cell, Direction, Form, Indicator, LoadOptions, Num, Table, Unit, load};
