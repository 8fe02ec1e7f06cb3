//! A scenario file with one wrong item blanked, so that reading it again finds the next error:
//! spaces replace every other byte, so offsets (and lines) of the rest stay as they were.

/// The text with the item holding `span` blanked: the `[table]` or `[[table]]` it is in, from
/// its header to the next, else (a top-level key) the lines of the span. None when nothing
/// would change.
pub(super) fn blank_item(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let is_header = |l: &str| l.trim_start().starts_with('[');
    let mut starts = Vec::new();
    let mut at = 0;
    for l in text.split_inclusive('\n') {
        starts.push((at, l));
        at += l.len();
    }
    let holding = starts
        .iter()
        .rposition(|&(s, _)| s <= span.start)
        .unwrap_or(0);
    let header = starts[..=holding.min(starts.len().saturating_sub(1))]
        .iter()
        .rposition(|&(_, l)| is_header(l));
    let (from, to) = match header {
        Some(h) => {
            let next = starts[h + 1..]
                .iter()
                .position(|&(_, l)| is_header(l))
                .map_or(starts.len(), |n| h + 1 + n);
            (
                starts[h].0,
                starts.get(next).map_or(text.len(), |&(s, _)| s),
            )
        }
        None => {
            let end = starts
                .iter()
                .position(|&(s, _)| s >= span.end.max(span.start + 1))
                .map_or(text.len(), |n| starts[n].0);
            (starts.get(holding).map_or(0, |&(s, _)| s), end)
        }
    };
    let mut bytes = text.as_bytes().to_vec();
    let mut changed = false;
    for b in bytes.get_mut(from..to)? {
        if !b.is_ascii_whitespace() {
            *b = b' ';
            changed = true;
        }
    }
    if !changed {
        return None;
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::blank_item;

    #[test]
    fn a_table_is_blanked_whole_and_a_top_level_key_alone() {
        let text = "horizon = 3000\nname = \"a\"\n\n[uncertainty]\nsigmas = 3\ndraws = 5\n\n[[override]]\nrate = \"1%\"\n";
        // the span of `sigmas`: its whole [uncertainty] table goes, up to the next header
        let at = text.find("sigmas").unwrap_or_default();
        let b = blank_item(text, at..at + 6).unwrap_or_default();
        assert_eq!(b.len(), text.len());
        assert!(!b.contains("uncertainty") && !b.contains("draws"), "{b}");
        assert!(
            b.contains("[[override]]") && b.contains("horizon = 3000"),
            "{b}"
        );
        assert_eq!(b.lines().count(), text.lines().count());
        // the span of 3000: that line only
        let at = text.find("3000").unwrap_or_default();
        let b = blank_item(text, at..at + 4).unwrap_or_default();
        assert!(!b.contains("horizon") && b.contains("name = \"a\""), "{b}");
    }
}
