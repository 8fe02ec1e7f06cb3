//! The bundled CJK font: embedded in the binary and registered once with plotters, so Chinese
//! labels render on machines without any CJK font. Facts behind this: notes/charts-and-crates.md.

use super::{Error, Result};
use ab_glyph::{Font, FontRef};
use plotters::style::{FontStyle, register_font};
use std::sync::OnceLock;

/// The family every chart draws with. It is plotters' default family, so text whose family is not
/// set explicitly also uses the bundled font; SVG viewers fall back to their own sans-serif face.
pub const FAMILY: &str = "sans-serif";

/// A subset of Noto Sans CJK SC Regular (SIL OFL 1.1; see assets/fonts/README.md).
pub static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-subset.otf");

static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
static FACE: OnceLock<Option<FontRef<'static>>> = OnceLock::new();

/// Registers the bundled font with plotters under [`FAMILY`]; later calls cost nothing.
pub fn ensure() -> Result<()> {
    REGISTERED
        .get_or_init(|| {
            // Other styles (bold) fall back to the one face registered as normal.
            register_font(FAMILY, FontStyle::Normal, FONT_BYTES)
                .map_err(|_| "the bundled font is not a readable OpenType font".to_string())
        })
        .clone()
        .map_err(Error::Font)
}

pub(super) fn face() -> Option<&'static FontRef<'static>> {
    FACE.get_or_init(|| FontRef::try_from_slice(FONT_BYTES).ok())
        .as_ref()
}

/// A label with characters the bundled font has no glyph for: they would be drawn as boxes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingGlyphs {
    pub label: String,
    pub chars: Vec<char>,
}

impl std::fmt::Display for MissingGlyphs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let chars: Vec<String> = self
            .chars
            .iter()
            .map(|c| format!("`{c}` U+{:04X}", *c as u32))
            .collect();
        write!(
            f,
            "label `{}`: no glyph for {}",
            self.label,
            chars.join(", ")
        )
    }
}

/// The distinct characters of `text` the font cannot draw (control characters are ignored).
pub fn missing_chars(text: &str) -> Vec<char> {
    let Some(face) = face() else {
        return Vec::new();
    };
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if !c.is_control() && face.glyph_id(c).0 == 0 && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Every label with characters the font lacks, each label once.
pub fn check_labels<'a>(labels: impl IntoIterator<Item = &'a str>) -> Vec<MissingGlyphs> {
    let mut out: Vec<MissingGlyphs> = Vec::new();
    for label in labels {
        let chars = missing_chars(label);
        if !chars.is_empty() && !out.iter().any(|m| m.label == label) {
            out.push(MissingGlyphs {
                label: label.to_string(),
                chars,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::{FontDesc, FontFamily};

    #[test]
    fn registered_family_measures_chinese() {
        ensure().unwrap();
        // The pitfall: with plotters' `ttf` feature on, register_font is bypassed. A family
        // registered here must measure a Chinese label. ab_glyph scales the font so that
        // ascent + descent = 20 px; Noto Sans CJK's are 1.160 + 0.288 = 1.448 em, so one em is
        // 20 / 1.448 = 13.8 px and six full-width glyphs (one em each) are 82.9 px wide.
        let font = FontDesc::new(FontFamily::Name(FAMILY), 20.0, FontStyle::Normal);
        let (w, h) = font.box_size("地区生产总值").unwrap();
        assert!((80..=85).contains(&w), "width {w}");
        assert!(h > 0);
    }

    #[test]
    fn font_covers_county_names_and_reports_missing() {
        // Hanzi outside GB2312 found in county names (notes/charts-and-crates.md).
        assert!(missing_chars("浉河区 埇桥区 堃 喆 镕 赟 珺 昇 ≥≤–·%").is_empty());
        // U+1F600 (an emoji) and U+20000 (CJK Extension B) are outside the subset.
        let missing = check_labels(["目标😀", "𠀀地区", "目标😀", "ok"]);
        assert_eq!(missing.len(), 2);
        assert_eq!(missing[0].chars, vec!['😀']);
        assert_eq!(missing[1].chars, vec!['𠀀']);
        assert!(missing[0].to_string().contains("U+1F600"));
    }
}
