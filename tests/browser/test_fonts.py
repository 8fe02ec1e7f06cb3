"""The report's Chinese text drawn in the bundled font by a real headless Chromium that sees
no CJK font of its own: fontconfig is pointed at a configuration exposing only DejaVu, and the
DevTools protocol (CSS.getPlatformFontsForNode) says which font drew each node's glyphs.

Needs chromium, chromedriver and selenium (`.ci/run` installs them). The plansim binary is
$PLANSIM_BIN, else target/release/plansim (build it first: cargo build --release).
Run: pytest tests/browser
"""

import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

from conftest import DEJAVU  # noqa: F401 (imported from here by the other tests)

REPO = pathlib.Path(__file__).resolve().parents[2]
FONT = "assets/NotoSansSC-subset.otf"
# the bundled subset's family name (fc-scan crates/plansim-report/assets/fonts/*.otf)
BUNDLED_FAMILY = "Noto Sans CJK SC"

# marks up to `n` elements whose own text holds Chinese, returns their texts
MARK_CJK = """
const n = arguments[0], out = [];
for (const el of document.querySelectorAll(arguments[1])) {
  const own = Array.from(el.childNodes).filter(c => c.nodeType === 3)
    .map(c => c.textContent).join('');
  if (/[\\u4e00-\\u9fff]/.test(own) && out.length < n) {
    el.setAttribute('data-cjk', out.length);
    out.push(own);
  }
}
return out;
"""


def binary():
    path = pathlib.Path(os.environ.get("PLANSIM_BIN", REPO / "target/release/plansim"))
    assert path.is_file(), f"{path}: no plansim binary (cargo build --release, or set PLANSIM_BIN)"
    return path


def cjk_count(text):
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff")


@pytest.fixture(scope="module")
def report():
    """A report of the baseline scenario in a temporary folder."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="plansim-browser-"))
    out = tmp / "out"
    run = subprocess.run(
        [str(binary()), "report", "scenarios/baseline.toml", "--no-charts",
         "--draws", "200", "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "LC_ALL": "zh_CN.UTF-8"},
    )
    assert run.returncode == 0, run.stderr
    yield out
    shutil.rmtree(tmp, ignore_errors=True)


def fonts_of_chinese(d, page, n=6, where="h1, h2, th, td, p, li, a"):
    """(text, platform fonts) of up to `n` elements (`where`) with Chinese text on `page`."""
    d.get(page.as_uri())
    # the @font-face loads asynchronously: wait for every font the page asked for
    d.execute_async_script("const done = arguments[0]; document.fonts.ready.then(() => done(0));")
    texts = d.execute_script(MARK_CJK, n, where)
    assert texts, f"{page}: no Chinese text found"
    d.execute_cdp_cmd("DOM.enable", {})
    d.execute_cdp_cmd("CSS.enable", {})
    root = d.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    found = []
    for i, text in enumerate(texts):
        node = d.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": f'[data-cjk="{i}"]'})
        fonts = d.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        found.append((text, fonts))
    return found


def drawn_in_bundled(text, fonts):
    """Every Chinese character of `text` is a glyph of the bundled (web) font."""
    bundled = [f for f in fonts if f.get("isCustomFont") and f["familyName"] == BUNDLED_FAMILY]
    return bool(bundled) and sum(f["glyphCount"] for f in bundled) >= cjk_count(text)


@pytest.mark.parametrize("page", ["index.html", "baseline/index.html"])
def test_chinese_is_drawn_in_the_bundled_font(report, browser, page):
    for text, fonts in fonts_of_chinese(browser, report / page):
        assert drawn_in_bundled(text, fonts), f"{page}: {text!r} drawn in {fonts}"
        # nothing of it in a system font: DejaVu has no CJK glyphs to give
        assert all(f.get("isCustomFont") for f in fonts), f"{page}: {text!r} drawn in {fonts}"


def test_without_the_font_file_chinese_is_not_drawn_in_it(report, browser):
    """The check above can fail: with the font file gone, the same page's Chinese is drawn
    by no bundled font (the browser has no CJK font to fall back on)."""
    font = report / FONT
    saved = font.with_suffix(".saved")
    font.rename(saved)
    try:
        for text, fonts in fonts_of_chinese(browser, report / "baseline/index.html"):
            assert not drawn_in_bundled(text, fonts), f"{text!r} drawn in {fonts}"
            assert not any(BUNDLED_FAMILY in f["familyName"] for f in fonts), fonts
    finally:
        saved.rename(font)


def test_plot_svg_text_is_drawn_in_the_bundled_font(browser, tmp_path):
    """`plot --format svg` writes the font beside its SVGs, and an SVG opened in the browser
    draws its Chinese labels with it."""
    out = tmp_path / "plots"
    run = subprocess.run(
        [str(binary()), "plot", "scenarios/baseline.toml", "--kind", "dashboard",
         "--format", "svg", "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "LC_ALL": "zh_CN.UTF-8"},
    )
    assert run.returncode == 0, run.stderr
    svg = out / "dashboard-科尔沁区-十四五规划.svg"
    for text, fonts in fonts_of_chinese(browser, svg, where="text"):
        assert drawn_in_bundled(text, fonts), f"{text!r} drawn in {fonts}"
        assert all(f.get("isCustomFont") for f in fonts), f"{text!r} drawn in {fonts}"
    browser.save_screenshot(str(os.environ.get("PLANSIM_SVG_SHOT", tmp_path / "svg.png")))
