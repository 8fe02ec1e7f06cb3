//! A table's records as the reader goes over them: a workbook's sheet held whole, or a text
//! table read again from its text for each pass, so a large table is never held as cells (a
//! million rows of ten cells took some 600 MB as records, seven times the text).

use super::Record;
use super::text::TextRecords;
use crate::error::Result;
use std::ops::ControlFlow;
use std::path::Path;

/// Where the records come from.
pub(super) enum Records<'a> {
    /// Read whole (a workbook's sheet).
    Held(Vec<Record>),
    /// A delimited text, split again on each pass.
    Text(&'a Path, &'a str),
}

impl Records<'_> {
    /// The first `n` records (fewer in a shorter table).
    pub(super) fn head(&self, n: usize) -> Result<Vec<Record>> {
        match self {
            Records::Held(all) => Ok(all.iter().take(n).cloned().collect()),
            Records::Text(path, text) => TextRecords::new(path, text).take(n).collect(),
        }
    }

    /// Visits the records from the `from`th (0-based) on, until `f` breaks.
    pub(super) fn scan(
        &self,
        from: usize,
        mut f: impl FnMut(&Record) -> ControlFlow<()>,
    ) -> Result<()> {
        match self {
            Records::Held(all) => {
                for r in all.iter().skip(from) {
                    if f(r).is_break() {
                        break;
                    }
                }
            }
            Records::Text(path, text) => {
                for r in TextRecords::new(path, text).skip(from) {
                    if f(&r?).is_break() {
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// Hands over the records from the `from`th on, each let go once `f` is done with it.
    pub(super) fn drain(self, from: usize, mut f: impl FnMut(Record)) -> Result<()> {
        match self {
            Records::Held(mut all) => {
                let from = from.min(all.len());
                all.drain(from..).for_each(f);
            }
            Records::Text(path, text) => {
                for r in TextRecords::new(path, text).skip(from) {
                    f(r?);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::rows::build;

    /// A table with a title, a category over two name columns, an unread column, a note and a
    /// repeated row reads the same from its text (split on each pass) as from records held.
    #[test]
    fn a_text_read_in_passes_reads_as_its_records_held() {
        let text = "表1 主要指标\n\
            类别,指标,,单位,2020年,2025年,年均增长,说明列\n\
            经济,地区生产总值,,亿元,305.8*,430,7,甲\n\
            ,常住人口城镇化率,,%,55,60,,\n\
            民生,城镇新增就业,,万人,,[5],,\n\
            民生,城镇新增就业,,万人,,[5],,\n\
            注：带*的为2019年数据\n";
        let path = Path::new("t.csv");
        let read = |records: Records| {
            let t = build(path, records, "科尔沁区", false).unwrap();
            (
                serde_json::to_string(&t.indicators).unwrap(),
                format!("{:?} {:?} {:?}", t.notes, t.warnings, t.unread),
            )
        };
        let held = read(Records::Held(
            crate::table::text::records(path, text).unwrap(),
        ));
        let passes = read(Records::Text(path, text));
        assert_eq!(held, passes);
        // what the passes found: the unread column, the repeated row, the note's year
        assert!(passes.1.contains("说明列"), "{}", passes.1);
        assert!(passes.1.contains("a second row"), "{}", passes.1);
        assert!(passes.0.contains("\"year\":2019"), "{}", passes.0);
        assert_eq!(passes.0.matches("\"file\":").count(), 3, "{}", passes.0);
    }
}
