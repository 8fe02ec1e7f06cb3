//! Delimited text tables: encoding detection (UTF-8 with or without BOM, UTF-16 with BOM,
//! GBK/GB18030 as Excel writes them in Chinese locales) and delimiter sniffing.

use super::Record;
use crate::error::{Error, Result};
use std::path::Path;

/// Decodes a file's bytes: UTF-8 (BOM or not) if valid, UTF-16 when it has a BOM
/// (Excel's "Unicode text"), else GB18030, a superset of GBK and GB2312.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).map(str::to_string).map_err(|e| {
            Error::format(
                path,
                format!(
                    "starts as UTF-8 (BOM) but byte {} is not UTF-8",
                    e.valid_up_to() + 3
                ),
            )
        });
    }
    for (bom, enc) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
            if had_errors {
                return Err(Error::format(path, format!("is not valid {}", enc.name())));
            }
            return Ok(text.into_owned());
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        let at = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0);
        return Err(Error::format(
            path,
            format!(
                "is neither UTF-8 nor GBK/GB18030 text (byte {at} is not valid UTF-8, and the \
                 file does not decode as GB18030 either); save it as CSV UTF-8 or CSV from Excel"
            ),
        ));
    }
    Ok(text.into_owned())
}

/// The delimiter of a table: the one of tab, comma, semicolon that splits the first lines into
/// the most consistent number of fields (quotes respected). Comma when in doubt.
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let mut best = (b',', 0usize);
    for d in [b',', b'\t', b';'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        // the number of lines that split at the most common non-zero width
        let mut widths = counts.clone();
        widths.sort_unstable();
        let mode_support = widths
            .chunk_by(|a, b| a == b)
            .filter(|g| g[0] > 0)
            .map(<[usize]>::len)
            .max()
            .unwrap_or(0);
        if max > 0 && mode_support > best.1 {
            best = (d, mode_support);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            !quoted && b == d
        })
        .count()
}

/// Splits a delimited text into records, each with its 1-based line number.
pub fn records(path: &Path, text: &str) -> Result<Vec<Record>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| Error::format(path, format!("not a delimited table: {e}")))?;
        let line = rec.position().map_or(out.len() + 1, |p| p.line() as usize);
        out.push(Record {
            row: line,
            cells: rec.iter().map(str::to_string).collect(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        let p = Path::new("t.csv");
        let text = "指标,单位\n森林覆盖率,%\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(p, &gbk).unwrap(), text);
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(p, &bom).unwrap(), text);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(p, &utf16).unwrap(), text);
        assert!(decode(p, b"\x81\x20\xff\xff").is_err());
    }

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2,5\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("a,b,c\n\"1,5\",2,3\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1;2;3\n"), b';');
    }

    #[test]
    fn records_keep_line_numbers_across_quoted_breaks() {
        let recs = records(Path::new("t.csv"), "h1,h2\n\"2020年\n预计\",x\nlast,y\n").unwrap();
        assert_eq!(recs.iter().map(|r| r.row).collect::<Vec<_>>(), [1, 2, 4]);
    }
}
