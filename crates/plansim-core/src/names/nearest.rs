//! The nearest names to one that matched nothing: "did you mean …".

use super::key;

/// Up to three of `candidates` nearest to `name` (edit distance on the match keys, characters
/// not bytes), nearest first; only those within half the longer key's length, so that a name
/// with nothing like it gets no suggestion rather than a random one.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let k: Vec<char> = key(name).chars().collect();
    let mut scored: Vec<(usize, String)> = Vec::new();
    for c in candidates {
        let ck: Vec<char> = key(c).chars().collect();
        let d = if ck.len() >= 2 && (contains(&k, &ck) || contains(&ck, &k)) {
            k.len().abs_diff(ck.len()).min(distance(&k, &ck))
        } else {
            distance(&k, &ck)
        };
        let limit = k.len().max(ck.len()).div_ceil(2).max(2);
        if d <= limit && !scored.iter().any(|(_, s)| s == c) {
            scored.push((d, c.to_string()));
        }
    }
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    scored.into_iter().take(3).map(|(_, s)| s).collect()
}

fn contains(hay: &[char], needle: &[char]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Levenshtein distance.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_names_first() {
        let names = ["常住人口城镇化率", "城镇调查失业率", "森林覆盖率"];
        assert_eq!(nearest("常驻人口城镇化率", names), ["常住人口城镇化率"]);
        // a name with a unit note and numbering is near its bare form
        assert_eq!(nearest("3.城镇调查失业率(%)", names)[0], "城镇调查失业率");
        assert!(nearest("粮食综合生产能力", names).is_empty());
        assert_eq!(distance(&['a', 'b'], &['b']), 1);
    }
}
