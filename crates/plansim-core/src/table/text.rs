//! Delimited text tables: encoding detection (UTF-8 with or without BOM, UTF-16 with BOM,
//! GBK/GB18030 as Excel writes them in Chinese locales) and delimiter sniffing.

use super::Record;
use super::normalize::is_han;
use crate::error::{Error, Result};
use crate::lang::Text;
use std::path::Path;

/// Decodes a file's bytes: UTF-8 (BOM or not) if valid, UTF-16 when it has a BOM
/// (Excel's "Unicode text"), else GB18030, a superset of GBK and GB2312.
pub(crate) fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).map(str::to_string).map_err(|e| {
            let at = e.valid_up_to() + 3;
            Error::format(
                path,
                Text::say(
                    format!("starts as UTF-8 (BOM) but byte {at} is not UTF-8"),
                    format!("以 UTF-8（BOM）开头，但第 {at} 个字节不是 UTF-8"),
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
                return Err(invalid(path, enc));
            }
            return Ok(text.into_owned());
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if had_errors {
            return Err(invalid(path, enc));
        }
        return Ok(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(Error::format(
            path,
            Text::say(
                "is a binary file (it holds NUL bytes), not a text table; save the table from \
                 Excel as CSV or XLSX",
                "是二进制文件（含 NUL 字节），不是文本表格；请在 Excel 中另存为 CSV 或 XLSX",
            ),
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    if let Some((utf8, other)) = mixed_utf8(bytes) {
        return Err(Error::format(
            path,
            Text::say(
                format!(
                    "mixes encodings: line {utf8} is UTF-8 but line {other} is not (rows pasted \
                     from a GBK file into a UTF-8 one?); save the whole table again in one \
                     encoding, e.g. CSV UTF-8 from Excel"
                ),
                format!(
                    "混用了编码：第 {utf8} 行是 UTF-8，第 {other} 行不是（是否把 GBK 文件的行\
                     粘贴进了 UTF-8 文件？）；请把整张表以同一种编码重新保存，如 Excel 的\
                     “CSV UTF-8”"
                ),
            ),
        ));
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        let at = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0);
        return Err(Error::format(
            path,
            Text::say(
                format!(
                    "is neither UTF-8 nor GBK/GB18030 text (byte {at} is not valid UTF-8, and \
                     the file does not decode as GB18030 either); save it as CSV UTF-8 or CSV \
                     from Excel"
                ),
                format!(
                    "既不是 UTF-8 也不是 GBK/GB18030 文本（第 {at} 个字节不是有效的 UTF-8，\
                     按 GB18030 也无法解码）；请在 Excel 中另存为“CSV UTF-8”或 CSV"
                ),
            ),
        ));
    }
    Ok(text.into_owned())
}

/// A file that says it is `enc` (its BOM) but does not decode as it.
fn invalid(path: &Path, enc: &'static encoding_rs::Encoding) -> Error {
    let name = enc.name();
    Error::format(
        path,
        Text::say(format!("is not valid {name}"), format!("不是有效的 {name}")),
    )
}

/// A file whose lines are UTF-8 with Chinese text in some places and not UTF-8 in others:
/// the 1-based numbers of the first such UTF-8 line and of the first line that is not UTF-8.
/// Two Han characters are asked of the UTF-8 line: a GBK line is valid UTF-8 by chance now and
/// then for one character, next to never for two (see the test on the bundled tables).
fn mixed_utf8(bytes: &[u8]) -> Option<(usize, usize)> {
    let (mut utf8, mut other) = (None, None);
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(t) if utf8.is_none() && t.chars().filter(|&c| is_han(c)).count() >= 2 => {
                utf8 = Some(i + 1)
            }
            Ok(_) => {}
            Err(_) => {
                other = other.or(Some(i + 1));
            }
        }
        if utf8.is_some() && other.is_some() {
            break;
        }
    }
    Some((utf8?, other?))
}

/// UTF-16 written without a BOM: the zero high bytes of commas, tabs, line ends and digits
/// fall on one side of each byte pair (odd offsets for little-endian).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let pairs = head.len() / 2;
    // a Han character may have one zero byte (U+4E00 is 00 4E in LE): compare the sides
    let one_sided = |z: usize, other: usize| pairs >= 2 && z * 8 >= pairs && z >= 4 * other;
    if one_sided(odd, even) {
        Some(encoding_rs::UTF_16LE)
    } else if one_sided(even, odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The delimiter of a table: the one of tab, comma, semicolon that splits the first lines into
/// the most consistent number of fields (quotes respected). Comma when in doubt.
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
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

/// The non-empty records of a file where `#` starts a comment line (outturns, aliases).
/// Comments are blanked, not removed, so that records keep the file's line numbers and their
/// commas and semicolons do not sway the delimiter sniffing.
pub(crate) fn commented_records(path: &Path, text: &str) -> Result<Vec<Record>> {
    let text: String = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with('#') {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut records = records(path, &text)?;
    records.retain(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
    Ok(records)
}

/// Splits a delimited text into records, each with its 1-based line number.
pub fn records(path: &Path, text: &str) -> Result<Vec<Record>> {
    TextRecords::new(path, text).collect()
}

/// A delimited text's records one at a time, each with its 1-based line number: a large table
/// is read again rather than held as cells.
pub(crate) struct TextRecords<'a> {
    path: &'a Path,
    text: &'a str,
    reader: csv::Reader<&'a [u8]>,
    lines: LineCounter,
    read: usize,
    rec: csv::StringRecord,
}

impl<'a> TextRecords<'a> {
    pub(crate) fn new(path: &'a Path, text: &'a str) -> TextRecords<'a> {
        TextRecords {
            path,
            text,
            reader: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(sniff_delimiter(text))
                .from_reader(text.as_bytes()),
            lines: LineCounter::default(),
            read: 0,
            rec: csv::StringRecord::new(),
        }
    }
}

impl Iterator for TextRecords<'_> {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Result<Record>> {
        match self.reader.read_record(&mut self.rec) {
            Ok(false) => None,
            Err(e) => Some(Err(Error::format(
                self.path,
                Text::say(
                    format!("not a delimited table: {e}"),
                    format!("不是分隔符表格：{e}"),
                ),
            ))),
            Ok(true) => {
                self.read += 1;
                let row = self.rec.position().map_or(self.read, |p| {
                    self.lines.line_at(self.text, p.byte() as usize)
                });
                Some(Ok(Record {
                    row,
                    cells: self.rec.iter().map(str::to_string).collect(),
                }))
            }
        }
    }
}

/// Line numbers from byte offsets. The csv crate's own line count is one short after a CRLF
/// (Excel's line end) and ignores a lone CR, and its record offset points at the line end
/// before the record; so lines are counted here, CRLF, LF and CR each ending one line.
#[derive(Default)]
struct LineCounter {
    at: usize,
    breaks: usize,
}

impl LineCounter {
    /// The 1-based line of the record whose csv offset is `byte`; offsets must not decrease.
    fn line_at(&mut self, text: &str, byte: usize) -> usize {
        let bytes = text.as_bytes();
        let mut start = byte.min(bytes.len());
        // a record never starts with a line end: skip the one before it and any blank lines
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        for i in self.at..start.max(self.at) {
            let lone_cr = bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
            if bytes[i] == b'\n' || lone_cr {
                self.breaks += 1;
            }
        }
        self.at = self.at.max(start);
        self.breaks + 1
    }
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
        // UTF-16 without a BOM, either byte order; `一` (U+4E00) has a zero byte of its own
        let text = "一,指标\n森林覆盖率,%\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(p, &le).unwrap(), text);
        assert_eq!(decode(p, &be).unwrap(), text);
    }

    /// Rows typed in a GBK editor pasted under a UTF-8 header.
    #[test]
    fn mixed_encodings_are_named_with_their_lines() {
        let (gbk, _, _) = encoding_rs::GBK.encode("森林覆盖率,%,13.39\n");
        let bytes = [
            "指标,单位,2020年\n地区生产总值,亿元,305.8\n".as_bytes(),
            &gbk,
        ]
        .concat();
        let err = decode(Path::new("m.csv"), &bytes).unwrap_err().to_string();
        assert!(
            err.starts_with("m.csv: mixes encodings: line 1 is UTF-8 but line 3 is not"),
            "{err}"
        );
    }

    /// No false alarm on real GBK files: every bundled table saved as GBK decodes to its text.
    #[test]
    fn gbk_tables_are_not_taken_for_mixed() {
        let dir = crate::repo_file("scenarios/tables");
        let mut lines = 0;
        for name in [
            "horqin.csv",
            "tongliao-2023.csv",
            "huimin.csv",
            "otog.csv",
            "chifeng.csv",
        ] {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
            assert!(!unmappable, "{name}");
            assert_eq!(decode(Path::new(name), &gbk).unwrap(), text, "{name}");
            lines += text.lines().count();
        }
        assert!(lines > 250, "{lines}");
    }

    #[test]
    fn binary_files_are_named_as_such() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
        let err = decode(Path::new("x.csv"), &bytes).unwrap_err().to_string();
        assert!(err.starts_with("x.csv: is a binary file"), "{err}");
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

    /// Excel writes CRLF row ends and a bare LF inside a cell; old Mac files end lines in CR.
    #[test]
    fn line_numbers_with_crlf_cr_and_blank_lines() {
        let rows = |text: &str| -> Vec<usize> {
            records(Path::new("t.csv"), text)
                .unwrap()
                .iter()
                .map(|r| r.row)
                .collect()
        };
        // title on line 1, header on 2, data on 3 and 4
        assert_eq!(rows("t,,\r\nh,i,j\r\n1,2,3\r\n4,5,6\r\n"), [1, 2, 3, 4]);
        // two blank lines (3 and 4) and a header cell over lines 5-6: data on line 7
        assert_eq!(
            rows("t\r\n,,\r\n\r\n\r\nh,\"2020年\n预计\",j\r\n1,2,3\r\n"),
            [1, 2, 5, 7]
        );
        assert_eq!(rows("a\rb\rc\r"), [1, 2, 3]);
        assert_eq!(rows("a\nb\n\nc"), [1, 2, 4]);
    }
}
