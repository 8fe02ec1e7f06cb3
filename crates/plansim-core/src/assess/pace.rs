//! Paces, volatilities and the probability of meeting a target: the estimator lives with the
//! series ([`crate::series::trend`]) so that `simulate` draws from the same one; re-exported
//! here under its old path.
pub use crate::series::trend::*;
