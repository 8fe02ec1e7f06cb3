//! Which language to speak: `--lang` when given; else the locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`) when it names Chinese or English; else Chinese when the inputs' words are Chinese
//! (a scenario, the tables it names, a table in any encoding plansim reads); else English.

use super::Lang;
use std::path::{Path, PathBuf};

/// The language the locale asks for; `C`, `POSIX` and unset ask for none.
pub(crate) fn from_env() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::parse(&v))
}

/// `--lang`, else the locale, else the inputs' words.
pub fn detect(explicit: Option<Lang>, inputs: &[PathBuf]) -> Lang {
    explicit.or_else(from_env).unwrap_or_else(|| {
        if inputs.iter().any(|p| chinese_file(p, 0)) {
            Lang::Zh
        } else {
            Lang::En
        }
    })
}

/// Any CJK ideograph.
pub(crate) fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'))
}

/// How much of a file is looked at.
const PEEK: u64 = 256 * 1024;

/// Whether a file (or the scenarios of a folder, or the tables a scenario names) speaks Chinese.
fn chinese_file(path: &Path, depth: usize) -> bool {
    if depth > 8 {
        return false;
    }
    if path.is_dir() {
        return std::fs::read_dir(path).is_ok_and(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| ext(p) == "toml")
                .take(20)
                .any(|p| chinese_file(&p, depth + 1))
        });
    }
    match ext(path).as_str() {
        "toml" => chinese_scenario(path, depth),
        "xlsx" | "xlsm" | "xls" | "ods" => chinese_sheet(path),
        _ => peek(path).is_some_and(|b| has_cjk(&decode(&b))),
    }
}

fn ext(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The head of a regular file (a FIFO or a device is not looked into: it could block or never end).
fn peek(path: &Path) -> Option<Vec<u8>> {
    crate::input::peek(path, PEEK)
}

/// Text in the encodings tables come in: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030.
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        // a cut at PEEK may split a character: the valid part is enough
        Err(e) if e.error_len().is_none() => {
            String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned()
        }
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// A scenario speaks Chinese when its own text does, or a table or parent it names does.
fn chinese_scenario(path: &Path, depth: usize) -> bool {
    let Some(text) = peek(path).map(|b| decode(&b)) else {
        return false;
    };
    if has_cjk(&text) {
        return true;
    }
    let Ok(doc) = text.parse::<toml::Table>() else {
        return false;
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let named = doc
        .get("tables")
        .and_then(|t| t.as_array())
        .into_iter()
        .flatten()
        .chain(doc.get("extends"))
        .filter_map(|v| v.as_str());
    named
        .take(20)
        .any(|p| chinese_file(&dir.join(p), depth + 1))
}

/// The first sheet's first rows.
fn chinese_sheet(path: &Path) -> bool {
    // read as tables are, within the same limits
    crate::table::first_sheet(path).is_ok_and(|records| {
        records
            .iter()
            .take(50)
            .flat_map(|r| &r.cells)
            .any(|c| has_cjk(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_words_in_any_encoding() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        let gbk = encoding_rs::GBK.encode("指标,单位\n地区生产总值,亿元\n").0;
        let t = write("gbk.csv", &gbk);
        let en = write("en.csv", b"indicator,unit\nGDP,yuan\n");
        // a scenario without Chinese words of its own, naming a Chinese table
        let sc = write("s.toml", b"tables = [\"gbk.csv\"]\n");
        let sc_en = write("e.toml", b"tables = [\"en.csv\"]\n");
        assert!(chinese_file(&t, 0));
        assert!(!chinese_file(&en, 0));
        assert!(chinese_file(&sc, 0));
        assert!(!chinese_file(&sc_en, 0));
        assert!(chinese_file(dir.path(), 0));
        assert_eq!(detect(Some(Lang::En), &[t]), Lang::En);
    }
}
