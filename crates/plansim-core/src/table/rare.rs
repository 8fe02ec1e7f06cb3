//! Parts of a row most rows leave empty, held behind one pointer: a row of a million-row table
//! then pays eight bytes for them, not their whole width.

use std::ops::{Deref, DerefMut};

/// A value with an empty state every absent one reads as.
pub trait Empty: Default + PartialEq + 'static {
    /// The empty value, shared.
    fn empty() -> &'static Self;
}

/// `T` held only once something is written into it; empty it reads as [`Empty::empty`].
/// Writing through it (`DerefMut`) makes it hold a value; [`Rare::shrink`] lets an empty one go.
#[derive(Clone, Debug, Default)]
pub struct Rare<T: Empty>(Option<Box<T>>);

impl<T: Empty> Rare<T> {
    /// Lets the value go when it is empty again (or was written empty).
    pub fn shrink(&mut self) {
        if self.0.as_deref().is_some_and(|v| v == T::empty()) {
            self.0 = None;
        }
    }

    /// Whether a value is held.
    #[cfg(test)]
    pub(crate) fn is_held(&self) -> bool {
        self.0.is_some()
    }
}

impl<T: Empty> Deref for Rare<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0.as_deref().unwrap_or(T::empty())
    }
}

impl<T: Empty> DerefMut for Rare<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.0.get_or_insert_with(Box::default)
    }
}

impl<T: Empty> PartialEq for Rare<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Empty> Rare<T> {
    /// Nothing held, as a constant (for statics).
    pub const NONE: Rare<T> = Rare(None);
}

impl<T: Empty> From<T> for Rare<T> {
    /// Held only when not empty.
    fn from(value: T) -> Rare<T> {
        Rare((value != *T::empty()).then(|| Box::new(value)))
    }
}
