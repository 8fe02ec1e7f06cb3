//! plotters' default `ttf` feature makes font-kit draw text and silently bypasses the font
//! registered with `register_font`: Chinese then renders as boxes. Any dependency that turns
//! plotters' default features back on does this through feature unification, so the resolved
//! feature set is checked here, as `cargo tree` reports it.

use std::process::Command;

#[test]
fn plotters_is_built_without_ttf() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let out = Command::new(cargo)
        .args(["tree", "--offline", "-e", "features", "-i", "plotters"])
        .args(["--manifest-path", manifest])
        .output()
        .expect("cargo runs");
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(tree.contains("plotters feature \"ab_glyph\""), "{tree}");
    assert!(!tree.contains("feature \"ttf\""), "{tree}");
    assert!(!tree.contains("plotters feature \"default\""), "{tree}");
}
