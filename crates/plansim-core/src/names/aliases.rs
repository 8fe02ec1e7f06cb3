//! Indicator aliases (`canonical,alias` CSV): plans name one indicator several ways
//! (地区生产总值, GDP, 生产总值), and cross-plan and outturn matching must see them as one.

use super::{Measure, key, plain_key, split_measure};
use crate::error::{CellError, Error, Result};
use crate::lang::Text;
use std::collections::HashMap;
use std::path::Path;

/// The aliases shipped in `scenarios/aliases.csv`.
const BUNDLED: &str = include_str!("../../../../scenarios/aliases.csv");

/// Names mapped to their canonical name. A name not listed is its own canonical name.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    canonical: HashMap<String, String>,
}

/// Rows of a two-column list with a header naming both columns: `(line, first, second)`.
/// `#` lines are comments. Every bad row is reported at once.
pub(crate) fn pairs(
    path: &Path,
    text: &str,
    columns: [&str; 2],
) -> Result<Vec<(usize, String, String)>> {
    let records = crate::table::text::commented_records(path, text)?;
    let mut rows = records.iter();
    let Some(header) = rows.next() else {
        return Err(Error::format(
            path,
            Text::say(
                format!("is empty; expected the columns `{}`", columns.join(",")),
                format!("是空文件；应有 `{}` 两列", columns.join(",")),
            ),
        ));
    };
    let names: Vec<String> = header.cells.iter().map(|c| plain_key(c)).collect();
    let (Some(a), Some(b)) = (
        names.iter().position(|n| n == columns[0]),
        names.iter().position(|n| n == columns[1]),
    ) else {
        return Err(Error::format(
            path,
            Text::say(
                format!(
                    "line {}: expected a header with the columns `{}`, found `{}`",
                    header.row,
                    columns.join(","),
                    header.cells.join(",")
                ),
                format!(
                    "第 {} 行：表头应有 `{}` 两列，实际为 `{}`",
                    header.row,
                    columns.join(","),
                    header.cells.join(",")
                ),
            ),
        ));
    };
    Ok(rows
        .map(|r| {
            let get = |c: usize| {
                r.cells
                    .get(c)
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            (r.row, get(a), get(b))
        })
        .collect())
}

impl Aliases {
    /// Reads an alias list from a file (UTF-8 or GBK).
    pub fn load(path: &Path) -> Result<Aliases> {
        let bytes = crate::input::read(path)?;
        Aliases::parse(path, &crate::table::text::decode(path, &bytes)?)
    }

    /// The bundled list; empty if it were ever unreadable (a unit test keeps it readable).
    pub fn bundled() -> Aliases {
        Aliases::parse(Path::new("scenarios/aliases.csv"), BUNDLED).unwrap_or_default()
    }

    /// Reads `canonical,alias` rows; `path` names the source in errors. An alias may belong to
    /// one canonical name only, and a canonical name may not be another's alias.
    pub fn parse(path: &Path, text: &str) -> Result<Aliases> {
        let rows = pairs(path, text, ["canonical", "alias"])?;
        let mut canonical: HashMap<String, String> = HashMap::new();
        let mut first_row: HashMap<String, usize> = HashMap::new();
        let mut errors = Vec::new();
        let mut bad = |row: usize, column: usize, text: &str, why: Text| {
            errors.push(CellError::new(
                row,
                column,
                ["canonical", "alias"][column - 1].to_string(),
                text.to_string(),
                why,
            ))
        };
        for (row, canon, alias) in &rows {
            if canon.is_empty() {
                bad(
                    *row,
                    1,
                    canon,
                    Text::say("a canonical indicator name", "应填写标准指标名称"),
                );
                continue;
            }
            if alias.is_empty() {
                bad(
                    *row,
                    2,
                    alias,
                    Text::say("an alias of the canonical name", "应填写标准名称的别名"),
                );
                continue;
            }
            let (ck, ak) = (key(canon), key(alias));
            canonical.entry(ck.clone()).or_insert_with(|| ck.clone());
            match canonical.get(&ak) {
                Some(other) if *other != ck => {
                    let first = first_row.get(&ak).copied().unwrap_or(*row);
                    bad(
                        *row,
                        2,
                        alias,
                        Text::say(
                            format!(
                                "one canonical name per alias; line {first} maps it to `{other}`"
                            ),
                            format!(
                                "每个别名只能对应一个标准名称；第 {first} 行已把它对应到 `{other}`"
                            ),
                        ),
                    )
                }
                _ => {
                    canonical.insert(ak.clone(), ck.clone());
                    first_row.entry(ak).or_insert(*row);
                }
            }
        }
        // a canonical name used as another's alias would make matching depend on row order
        for (row, canon, _) in &rows {
            let ck = key(canon);
            if let Some(other) = canonical.get(&ck).filter(|o| **o != ck) {
                bad(
                    *row,
                    1,
                    canon,
                    Text::say(
                        format!("is listed as an alias of `{other}`; use one canonical name"),
                        format!("已被列为 `{other}` 的别名；请只用一个标准名称"),
                    ),
                );
            }
        }
        if errors.is_empty() {
            Ok(Aliases { canonical })
        } else {
            errors.sort_by_key(|e| (e.row, e.column));
            errors.dedup();
            Err(Error::Cells {
                path: path.to_path_buf(),
                errors,
            })
        }
    }

    /// The canonical key of an indicator name.
    pub fn canonical(&self, name: &str) -> String {
        let k = key(name);
        self.canonical.get(&k).cloned().unwrap_or(k)
    }

    /// Whether two names have the same canonical key.
    pub fn same(&self, a: &str, b: &str) -> bool {
        self.canonical(a) == self.canonical(b)
    }

    /// The canonical quantity a name measures, and how: `国内生产总值增长（%）` →
    /// (`地区生产总值`, a change); `地区生产总值增长率` → (`地区生产总值`, a change);
    /// `单位GDP能耗降低` → (`单位地区生产总值能耗`, a fall).
    pub fn quantity(&self, name: &str) -> (String, Measure) {
        let whole = self.canonical(name);
        let (q, m) = split_measure(&whole);
        let q = q.to_string();
        let canon = self.canonical.get(&q).cloned().unwrap_or(q);
        (canon, m)
    }

    /// How many names have a canonical form.
    pub fn len(&self) -> usize {
        self.canonical.len()
    }

    /// No names have a canonical form.
    pub fn is_empty(&self) -> bool {
        self.canonical.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_list_reads_and_keeps_distinct_measures_apart() {
        let a = Aliases::parse(Path::new("scenarios/aliases.csv"), BUNDLED).unwrap();
        assert!(a.same("GDP", "地区生产总值"));
        assert!(a.same("生产总值", "地区生产总值"));
        assert!(a.same("单位GDP能耗", "单位地区生产总值能耗"));
        assert!(a.same("医保参保率", "基本医疗保险参保率"));
        // registered and surveyed unemployment are different statistics
        assert!(!a.same("城镇登记失业率", "城镇调查失业率"));
        // above-quota investment is a part of all fixed-asset investment
        assert!(!a.same("限额以上固定资产投资", "固定资产投资"));
        // capacity is not output
        assert!(!a.same("粮食安全生产能力", "粮食产量"));
        assert!(a.same("ＧＤＰ", "gdp"));
        // outturn names as the statistical communiqués print them
        assert!(a.same("1.国内生产总值（GDP）增长（%）", "国内生产总值增长（%）"));
        let q = |n: &str| a.quantity(n).0;
        assert_eq!(q("国内生产总值增长（%）"), "地区生产总值");
        assert_eq!(q("GDP增长"), "地区生产总值");
        assert_eq!(
            q("居民人均可支配收入实际增长（%）"),
            "全体居民人均可支配收入"
        );
        assert_eq!(
            q("万元国内生产总值能耗比上年变化（%）"),
            q("单位GDP能源消耗降低（%）")
        );
        assert_eq!(
            q("万元国内生产总值二氧化碳排放比上年变化（%）"),
            q("单位GDP二氧化碳排放降低（%）")
        );
        assert_eq!(
            q("R&D经费支出比上年增长（%，名义）"),
            q("全社会研发经费投入增长（%）")
        );
        assert_eq!(
            a.quantity("单位GDP能耗降低").1,
            Measure::Change { falling: true }
        );
    }

    #[test]
    fn conflicting_aliases_are_reported_with_their_lines() {
        let text = "canonical,alias\n地区生产总值,GDP\n人均地区生产总值,GDP\n,x\nGDP,y\n";
        let err = Aliases::parse(Path::new("a.csv"), text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("a.csv: 3 unreadable cells"), "{err}");
        assert!(
            err.contains("a.csv:3:2") && err.contains("line 2 maps it to `地区生产总值`"),
            "{err}"
        );
        assert!(err.contains("a.csv:4:1"), "{err}");
        assert!(
            err.contains("a.csv:5:1") && err.contains("alias of `地区生产总值`"),
            "{err}"
        );
        let err = Aliases::parse(Path::new("a.csv"), "name,other\nx,y\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("expected a header with the columns `canonical,alias`")
        );
    }
}
