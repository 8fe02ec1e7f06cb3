//! JSON documents written as they are made: the same bytes as `json` rounds the whole value
//! and `serde_json` prints it, but a long list is rounded and written one item at a time
//! instead of the whole document built as one tree first (some 10–30 kB an item: a table's
//! rows, the grades, a simulation's paths).

use serde::Serialize;
use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use std::cell::RefCell;
use std::io::Write;

/// Writes the items as one pretty-printed JSON array, each item rounded by
/// [`super::json`] as it is written.
pub fn write_array<W, I>(w: W, items: I) -> serde_json::Result<()>
where
    W: Write,
    I: IntoIterator,
    I::Item: Serialize,
{
    serde_json::to_writer_pretty(w, &Items::new(items))
}

/// Writes `head` (a struct or map) as one pretty-printed JSON object, rounded
/// by [`super::json`], with its field `key` made of `items`, rounded and written one at a
/// time. `head` holds `key` empty, so the object's fields keep their order.
pub fn write_object<W, H, I>(w: W, head: &H, key: &str, items: I) -> serde_json::Result<()>
where
    W: Write,
    H: Serialize + ?Sized,
    I: IntoIterator,
    I::Item: Serialize,
{
    let head = super::json(head)?;
    let Some(fields) = head.as_object() else {
        return Err(serde_json::Error::custom("a JSON object was expected"));
    };
    serde_json::to_writer_pretty(
        w,
        &Object {
            fields,
            key,
            items: Items::new(items),
        },
    )
}

/// Items serialised once, each rounded as it goes.
struct Items<I>(RefCell<Option<I>>);

impl<I> Items<I> {
    fn new(items: impl IntoIterator<IntoIter = I>) -> Items<I> {
        Items(RefCell::new(Some(items.into_iter())))
    }
}

impl<I> Serialize for Items<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| S::Error::custom("a list written twice"))?;
        let mut seq = s.serialize_seq(None)?;
        for item in items {
            seq.serialize_element(&super::json(&item).map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

/// An object's fields with one of them made of items.
struct Object<'a, I> {
    fields: &'a serde_json::Map<String, serde_json::Value>,
    key: &'a str,
    items: Items<I>,
}

impl<I> Serialize for Object<'_, I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.fields.len()))?;
        for (key, value) in self.fields {
            if key == self.key {
                map.serialize_entry(key, &self.items)?;
            } else {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        name: &'static str,
        share: f64,
        value: f64,
        decimals: u8,
        nested: Vec<f64>,
    }

    fn rows() -> Vec<Row> {
        vec![
            Row {
                name: "常住人口城镇化率",
                // a derived number: six significant digits
                share: 0.123456789,
                // a printed number keeps its decimals
                value: 1015986.24,
                decimals: 2,
                nested: vec![1.0 / 3.0, f64::NAN],
            },
            Row {
                name: "R&D",
                share: 2.5,
                value: 7.0,
                decimals: 0,
                nested: Vec::new(),
            },
        ]
    }

    /// The bytes of a list written item by item are those of the whole list rounded at once,
    /// written out by hand here.
    #[test]
    fn an_array_is_the_whole_document_written_item_by_item() {
        let mut out = Vec::new();
        write_array(&mut out, rows()).unwrap();
        let whole = serde_json::to_string_pretty(&super::super::json(&rows()).unwrap()).unwrap();
        assert_eq!(String::from_utf8(out.clone()).unwrap(), whole);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\"share\": 0.123457,"), "{text}");
        assert!(text.contains("\"value\": 1015986.24\n"), "{text}");
        assert!(text.contains("0.333333,\n      null"), "{text}");
        assert!(text.starts_with("[\n  {\n    \"decimals\": 2,"), "{text}");
        let mut empty = Vec::new();
        write_array(&mut empty, Vec::<Row>::new()).unwrap();
        assert_eq!(empty, b"[]");
    }

    /// A nested list, an empty object and a text with a line break inside: the bytes of the
    /// whole document.
    #[test]
    fn nested_items_are_the_whole_document() {
        let odd = serde_json::json!([{"a": [1.5, {"b": "x\ny"}], "c": {}}]);
        let mut out = Vec::new();
        write_array(&mut out, odd.as_array().unwrap()).unwrap();
        let expected = serde_json::to_string_pretty(&odd).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[derive(Serialize)]
    struct Doc {
        scenario: &'static str,
        rows: Vec<Row>,
        years: Vec<i32>,
    }

    /// An object with its long field written item by item: the same bytes, its fields in
    /// their place.
    #[test]
    fn an_object_keeps_its_fields_in_place() {
        let head = Doc {
            scenario: "基准",
            rows: Vec::new(),
            years: vec![2025, 2030],
        };
        let mut out = Vec::new();
        write_object(&mut out, &head, "rows", rows()).unwrap();
        let whole = Doc {
            rows: rows(),
            ..head
        };
        let expected = serde_json::to_string_pretty(&super::super::json(&whole).unwrap()).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
