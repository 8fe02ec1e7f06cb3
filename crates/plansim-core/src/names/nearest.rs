//! The nearest names to one that matched nothing: "did you mean …", by the one nearness rule
//! of [`crate::text::nearest`], taken over the match keys (numbering, units, glosses and
//! width do not count as differences).

use super::key;

/// Up to three of `candidates` nearest to `name`, nearest first, as printed.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut by_key: Vec<(String, &str)> = Vec::new();
    for c in candidates {
        let k = key(c);
        if !by_key.iter().any(|(o, _)| *o == k) {
            by_key.push((k, c));
        }
    }
    crate::text::nearest(&key(name), by_key.iter().map(|(k, _)| k.as_str()))
        .into_iter()
        .filter_map(|k| {
            by_key
                .iter()
                .find(|(o, _)| *o == k)
                .map(|(_, c)| c.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_names_first() {
        let names = ["常住人口城镇化率", "城镇调查失业率", "森林覆盖率"];
        assert_eq!(nearest("常驻人口城镇化率", names), ["常住人口城镇化率"]);
        // numbering and a unit note are no difference: `城镇调查失业` lacks one character
        assert_eq!(nearest("3.城镇调查失业（%）", names)[0], "城镇调查失业率");
        assert!(nearest("粮食综合生产能力", names).is_empty());
    }
}
