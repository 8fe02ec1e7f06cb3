//! SVG text that finds a CJK font. plotters names only the family the charts are drawn with
//! (`sans-serif`), which on a machine without a CJK font turns every Chinese character into a
//! box. A written SVG instead names the bundled font, loaded by an `@font-face` from the font
//! file written beside it, and then the usual CJK faces of Linux, macOS and Windows.
//!
//! Referenced rather than embedded: the font is 5 MB, and embedding it (base64, 6.9 MB) in
//! every one of a plan's dozens of SVGs would make each chart a hundred times its size. A
//! browser opening the SVG itself loads the referenced file; an SVG shown through `<img>` loads
//! nothing external, and there the named system faces serve (PNG is the format that carries
//! its glyphs everywhere).

use super::font::FAMILY;

/// The family the `@font-face` declares for the bundled font.
pub const BUNDLED: &str = "plansim-cjk";

/// The font stack a written SVG's text asks for, the bundled font first.
pub const STACK: &str = "plansim-cjk, 'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', \
                         'Microsoft YaHei', 'PingFang SC', sans-serif";

/// `svg` (as plotters wrote it) with its text in `STACK` and an `@font-face` loading the
/// bundled font from `font_url`, relative to the SVG file.
pub fn with_cjk_font(svg: &str, font_url: &str) -> String {
    let plain = format!("font-family=\"{FAMILY}\"");
    let stacked = svg.replace(&plain, &format!("font-family=\"{STACK}\""));
    let style = format!(
        "\n<defs><style>@font-face{{font-family:\"{BUNDLED}\";src:url(\"{}\") \
         format(\"opentype\")}}</style></defs>",
        xml_escape(font_url)
    );
    // right after the root element's opening tag, so it precedes every text
    match stacked
        .find("<svg")
        .and_then(|s| stacked[s..].find('>').map(|e| s + e + 1))
    {
        Some(at) => format!("{}{style}{}", &stacked[..at], &stacked[at..]),
        None => stacked,
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "%22")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{sample, svg};

    /// A real chart: every text names the stack, none is left at bare `sans-serif`, and the
    /// `@font-face` sits inside the root element before the first text.
    #[test]
    fn every_text_asks_for_the_bundled_font_first() {
        let rows = sample::rows().expect("the bundled 科尔沁区 table loads");
        let raw = svg(&sample::indicator(&rows[0], false), 1000, 600).unwrap();
        let texts = raw.matches("<text").count();
        assert!(texts > 5, "{texts} texts");
        let out = with_cjk_font(&raw, "assets/NotoSansSC-subset.otf");
        assert_eq!(
            out.matches(&format!("font-family=\"{STACK}\"")).count(),
            texts
        );
        assert!(!out.contains("font-family=\"sans-serif\""));
        let face = out
            .find(
                "@font-face{font-family:\"plansim-cjk\";src:url(\"assets/NotoSansSC-subset.otf\")",
            )
            .unwrap();
        assert!(out.starts_with("<svg ") && face < out.find("<text").unwrap());
        // nothing else changed
        assert_eq!(out.len() - raw.len(), {
            let style_len =
                out.find("</defs>").unwrap() + "</defs>".len() - out.find('\n').unwrap();
            style_len + texts * (STACK.len() - FAMILY.len())
        });
    }
}
