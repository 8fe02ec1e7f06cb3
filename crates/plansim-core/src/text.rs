//! The bottom of the crate: words and numbers as people write them, needed by every layer
//! above — the nearest names to a name that matched nothing ("did you mean"), a percent as a
//! scenario or a rate column writes it (`5%`, `−3 %`), and a float printed without binary noise.

mod shared;
pub use shared::{Interner, Shared};

/// Up to three names nearest to `wanted` (by edit distance over characters, a name containing
/// the other counting as near), nearest first; none when nothing is close.
pub fn nearest<'a>(wanted: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    // nothing written is near nothing (every name "contains" the empty text)
    if wanted.trim().is_empty() {
        return Vec::new();
    }
    let w: Vec<char> = wanted.chars().collect();
    // (closeness, characters added or dropped, name): of names that contain the one wanted,
    // the one adding least comes first (地区生产总值 → 地区生产总值增长率 before
    // 单位地区生产总值能耗累计降低)
    let mut scored: Vec<(usize, usize, &str)> = names
        .into_iter()
        .filter(|n| !n.is_empty() && *n != wanted)
        .filter_map(|n| {
            let c: Vec<char> = n.chars().collect();
            let d = distance(&w, &c);
            let contains = n.contains(wanted) || wanted.contains(n);
            let close = d <= (w.len().max(c.len()) / 3).max(1);
            let score = if contains { d.min(1) } else { d };
            (close || contains).then_some((score, w.len().abs_diff(c.len()), n))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.2 == b.2);
    scored
        .into_iter()
        .take(3)
        .map(|s| s.2.to_string())
        .collect()
}

/// Edit distance over characters (a Chinese character counts one), two neighbours swapped
/// counting as one edit (`dleta` is one from `delta`).
fn distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j - 1] + cost)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// `0.1 + 0.2` prints as `0.3`: the shortest text that reads back as the same number, at most
/// 10 decimals.
pub fn trim_float(v: f64) -> String {
    let s = format!("{v:.10}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// `5%`, `-3 %`, `−3％`, `2` → (value, written with a sign).
pub fn parse_percent(s: &str) -> Option<(f64, bool)> {
    let s = s.trim().replace('−', "-");
    let (body, sign) = match s.strip_suffix(['%', '％']) {
        Some(b) => (b.trim_end(), true),
        None => (s.as_str(), false),
    };
    let v: f64 = body.parse().ok()?;
    v.is_finite().then_some((v, sign))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_names_by_characters() {
        let names = [
            "地区生产总值",
            "地区生产总值增长率",
            "森林覆盖率",
            "城镇化率",
        ];
        // one character off (直/值)
        assert_eq!(nearest("地区生产总直", names), ["地区生产总值"]);
        // a name inside another
        assert_eq!(nearest("森林覆盖", names), ["森林覆盖率"]);
        // an empty cell is near no name (each name contains the empty text)
        assert!(nearest("", names).is_empty());
        assert!(nearest("  ", names).is_empty());
        // of names holding it, the one adding fewest characters first (3 before 8)
        assert_eq!(
            nearest(
                "地区生产总值",
                ["单位地区生产总值能耗累计降低", "地区生产总值增长率"]
            ),
            ["地区生产总值增长率", "单位地区生产总值能耗累计降低"]
        );
        assert!(nearest("人均预期寿命", names).is_empty());
    }

    #[test]
    fn edit_distances() {
        let d = |a: &str, b: &str| {
            distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("城镇化率", "城镇化率"), 0);
        assert_eq!(d("dleta", "delta"), 1);
    }

    #[test]
    fn percents_read_with_or_without_a_sign() {
        assert_eq!(parse_percent("5%"), Some((5.0, true)));
        assert_eq!(parse_percent(" -3 % "), Some((-3.0, true)));
        assert_eq!(parse_percent("−3％"), Some((-3.0, true)));
        assert_eq!(parse_percent("2"), Some((2.0, false)));
        assert_eq!(parse_percent("five"), None);
        assert_eq!(parse_percent("inf%"), None);
    }

    #[test]
    fn floats_print_without_binary_noise() {
        // 0.05 + 0.01 is 0.060000000000000005 in binary
        assert_eq!(trim_float(0.05 + 0.01), "0.06");
        assert_eq!(trim_float(6.0), "6");
        assert_eq!(trim_float(-0.0), "0");
        assert_eq!(trim_float(-2.5), "-2.5");
    }
}
