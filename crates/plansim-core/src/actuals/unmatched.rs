//! Outturns that reach no row, and the region to name when a table without a region column
//! took its file's name: the usual reason a county's own outturns grade nothing.

use super::Resolved;
use crate::names::plain_key;
use crate::table::Indicator;
use std::collections::BTreeSet;

impl Resolved {
    /// Outturns were given but none matches any row (all of their regions are ones no table
    /// holds): a run that would grade or draw nothing from them.
    pub fn none_matched(&self) -> bool {
        !self.skipped.is_empty() && self.outturns.is_empty()
    }

    /// When the outturns name exactly one region no table holds and exactly one table took its
    /// region from its file name, that region to pass: `(region, table, file-name region)`.
    pub(crate) fn region_to_use(&self, rows: &[Indicator]) -> Option<(String, String, String)> {
        let [(wanted, _)] = self.skipped.as_slice() else {
            return None;
        };
        // tables whose rows carry their file's stem as region: no region column, no --region
        let by_stem: BTreeSet<(String, String)> = rows
            .iter()
            .filter(|r| {
                r.file
                    .file_stem()
                    .is_some_and(|s| plain_key(&s.to_string_lossy()) == plain_key(&r.region))
            })
            .map(|r| (r.file.display().to_string(), r.region.to_string()))
            .collect();
        let mut files = by_stem.into_iter();
        match (files.next(), files.next()) {
            (Some((file, stem)), None) => Some((wanted.clone(), file, stem)),
            _ => None,
        }
    }

    /// The advice for [`Resolved::region_to_use`], for people.
    pub fn region_advice(&self, rows: &[Indicator], lang: crate::lang::Lang) -> Option<String> {
        self.region_to_use(rows).map(|(wanted, file, stem)| {
            if !lang.is_en() {
                return format!(
                    "实际值属于 {wanted}，但 {file} 没有地区列，以文件名 `{stem}` 为地区：请加 \
                     `--region {wanted}`（或在情景中写 `region = \"{wanted}\"`）"
                );
            }
            format!(
                "the outturns are for {wanted}, but {file} has no region column and took its \
                 file name `{stem}` as region: pass `--region {wanted}` (or `region = \
                 \"{wanted}\"` in the scenario)"
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{LoadOptions, load_bytes};
    use std::path::Path;

    fn rows(file: &str, region: Option<&str>) -> Vec<Indicator> {
        let csv = "指标,单位,2020年,2025年,年均增长\n地区生产总值,亿元,100,127.6,5\n";
        let opts = LoadOptions {
            region: region.map(str::to_string),
            ..LoadOptions::default()
        };
        match load_bytes(Path::new(file), csv.as_bytes().to_vec(), &opts) {
            Ok(t) => t.indicators,
            Err(e) => panic!("{e}"),
        }
    }

    fn skipped(regions: &[&str]) -> Resolved {
        let mut r = Resolved::default();
        r.skipped = regions.iter().map(|r| (r.to_string(), 3)).collect();
        r
    }

    #[test]
    fn one_unknown_region_and_one_table_named_by_its_file() {
        let r = skipped(&["某县"]);
        assert!(r.none_matched());
        let got = r.region_to_use(&rows("dir/mycounty.csv", None));
        assert_eq!(
            got,
            Some(("某县".into(), "dir/mycounty.csv".into(), "mycounty".into()))
        );
    }

    #[test]
    fn no_advice_when_the_region_was_given_or_several_are_unknown() {
        assert_eq!(
            skipped(&["某县"]).region_to_use(&rows("dir/mycounty.csv", Some("他县"))),
            None
        );
        assert_eq!(
            skipped(&["某县", "他县"]).region_to_use(&rows("dir/mycounty.csv", None)),
            None
        );
    }
}
