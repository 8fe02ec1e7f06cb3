//! A text many values hold the same (a region, a plan, a unit: one for most rows of a table),
//! one copy behind a counted pointer. A million series each held their own copy of three such
//! texts, 32 bytes each at malloc's sizes besides the `String`'s 24 (16 here).

use serde::{Serialize, Serializer};
use std::borrow::Borrow;
use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A text read as a `str`, cloned by counting; compared, hashed, ordered, printed and
/// serialized as its text.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shared(Arc<str>);

impl Shared {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Shared {
    fn default() -> Shared {
        Shared(Arc::from(""))
    }
}

impl Deref for Shared {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Shared {
        Shared(Arc::from(s))
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Shared {
        Shared(Arc::from(s))
    }
}

impl From<Shared> for String {
    fn from(s: Shared) -> String {
        s.0.to_string()
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Shared {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Shared> for String {
    fn eq(&self, other: &Shared) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Shared> for str {
    fn eq(&self, other: &Shared) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Shared> for &str {
    fn eq(&self, other: &Shared) -> bool {
        **self == *other.0
    }
}

/// Hands out one [`Shared`] per distinct text: the texts seen so far, each once.
#[derive(Default)]
pub struct Interner {
    seen: HashMap<Shared, ()>,
}

impl Interner {
    /// The shared copy of `text`, made the first time it is asked for.
    pub fn get(&mut self, text: &str) -> Shared {
        if let Some((s, ())) = self.seen.get_key_value(text) {
            return s.clone();
        }
        let s = Shared::from(text);
        self.seen.insert(s.clone(), ());
        s
    }

    /// The shared copy of `text` if it was asked for before.
    pub fn known(&self, text: &str) -> Option<Shared> {
        self.seen.get_key_value(text).map(|(s, ())| s.clone())
    }

    /// How many distinct texts are held.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// No text is held yet.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interned_text_is_one_copy_that_reads_and_compares_as_its_text() {
        let mut i = Interner::default();
        let a = i.get("测试区");
        let b = i.get(&String::from("测试区"));
        let c = i.get("亿元");
        // the same allocation: one copy for every holder
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert!(!Arc::ptr_eq(&a.0, &c.0));
        assert_eq!(a, "测试区");
        assert_eq!(String::from("亿元"), c);
        assert_eq!((a.len(), a.as_str()), (9, "测试区"));
        assert_eq!(format!("{a}|{b:?}"), "测试区|\"测试区\"");
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"亿元\"");
        assert_eq!(Shared::default(), "");
        // two distinct texts held; one asked for before is found, one never asked for is not
        assert_eq!((i.len(), i.is_empty()), (2, false));
        assert!(Arc::ptr_eq(&i.known("测试区").unwrap().0, &a.0));
        assert!(i.known("万人").is_none() && i.len() == 2);
    }
}
