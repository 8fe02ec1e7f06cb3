//! The region hierarchy (`region,parent` CSV): which district lies in which city, so that a
//! district's plan can be held against its city's.

use crate::error::{CellError, Error, Result};
use crate::lang::Text;
use crate::names::{aliases::pairs, plain_key as key};
use std::collections::HashMap;
use std::path::Path;

/// The hierarchy shipped in `scenarios/regions.csv`.
const BUNDLED: &str = include_str!("../../../../scenarios/regions.csv");

#[derive(Clone, Debug, Default)]
/// Which region lies inside which (a 旗/县 inside its 市, a 市 inside its 自治区), for the cross-plan
/// rules.
pub struct Regions {
    /// Region key → (parent key, parent as written).
    parent: HashMap<String, String>,
}

impl Regions {
    /// Reads a hierarchy CSV (`region, parent`).
    pub fn load(path: &Path) -> Result<Regions> {
        let bytes = crate::input::read(path)?;
        Regions::parse(path, &crate::table::text::decode(path, &bytes)?)
    }

    /// The bundled hierarchy; empty if it were ever unreadable (a unit test keeps it readable).
    pub fn bundled() -> Regions {
        Regions::parse(Path::new("scenarios/regions.csv"), BUNDLED).unwrap_or_default()
    }

    /// Reads `region,parent` rows (an empty parent is a top level). Each region has one parent,
    /// and no region may lie within itself.
    pub fn parse(path: &Path, text: &str) -> Result<Regions> {
        let rows = pairs(path, text, ["region", "parent"])?;
        let mut parent: HashMap<String, String> = HashMap::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut errors = Vec::new();
        for (row, region, up) in &rows {
            let (rk, pk) = (key(region), key(up));
            let expected = if region.is_empty() {
                Some((1, Text::say("a region name", "应填写地区名称")))
            } else if rk == pk {
                Some((
                    2,
                    Text::say(
                        "a parent other than the region itself",
                        "上级地区不能是其自身",
                    ),
                ))
            } else {
                seen.get(&rk).map(|first| {
                    (
                        1,
                        Text::say(
                            format!("one row per region; line {first} already gives its parent"),
                            format!("每个地区只写一行；第 {first} 行已给出其上级"),
                        ),
                    )
                })
            };
            match expected {
                Some((column, why)) => errors.push(CellError::new(
                    *row,
                    column,
                    ["region", "parent"][column - 1].to_string(),
                    if column == 1 { region } else { up }.clone(),
                    why,
                )),
                None => {
                    seen.insert(rk.clone(), *row);
                    if !pk.is_empty() {
                        parent.insert(rk, pk);
                    }
                }
            }
        }
        if !errors.is_empty() {
            return Err(Error::Cells {
                path: path.to_path_buf(),
                errors,
            });
        }
        let regions = Regions { parent };
        for (_, region, _) in &rows {
            let chain = regions.ancestors(region);
            if chain.contains(&key(region)) {
                let chain = chain.join(" → ");
                return Err(Error::format(
                    path,
                    Text::say(
                        format!("`{region}` lies within itself: {region} → {chain}"),
                        format!("`{region}` 包含在自身之中：{region} → {chain}"),
                    ),
                ));
            }
        }
        Ok(regions)
    }

    /// The regions a region lies in, nearest first (keys as [`key`] writes them). Stops at a
    /// loop rather than running forever.
    pub(crate) fn ancestors(&self, region: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut at = key(region);
        while let Some(up) = self.parent.get(&at) {
            if out.contains(up) {
                out.push(up.clone());
                break;
            }
            out.push(up.clone());
            at = up.clone();
        }
        out
    }

    /// True when `outer` contains `inner` at any depth.
    pub fn contains(&self, outer: &str, inner: &str) -> bool {
        self.ancestors(inner).contains(&key(outer))
    }

    /// How many regions have a parent.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// No region has a parent.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_hierarchy() {
        let r = Regions::parse(Path::new("scenarios/regions.csv"), BUNDLED).unwrap();
        assert_eq!(r.ancestors("科尔沁区"), ["通辽市", "内蒙古自治区"]);
        assert!(r.contains("通辽市", "科尔沁区"));
        assert!(!r.contains("呼和浩特市", "科尔沁区"));
        assert!(r.ancestors("内蒙古自治区").is_empty());
    }

    #[test]
    fn bad_hierarchies_name_the_line() {
        let p = Path::new("r.csv");
        let err = Regions::parse(p, "region,parent\nA,B\nA,C\n,B\nD,D\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("r.csv:3:1") && err.contains("line 2 already gives"),
            "{err}"
        );
        assert!(
            err.contains("r.csv:4:1") && err.contains("r.csv:5:2"),
            "{err}"
        );
        let err = Regions::parse(p, "region,parent\nA,B\nB,A\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("`A` lies within itself"), "{err}");
        let err = Regions::parse(p, "").unwrap_err().to_string();
        assert!(err.contains("r.csv: is empty"), "{err}");
    }
}
