"""The report's pages as a reader meets them in headless Chromium with only DejaVu fonts (the
bundled web font draws the Chinese): the targets that need action come first on the index and
on a plan's page; the Chinese pages show no Markdown backtick and no English rule code; and no
table cell is laid out narrower than two characters, on a wide screen or a narrow one.

Needs chromium, chromedriver and selenium (`.ci/run` installs them), and the plansim binary
($PLANSIM_BIN, else target/release/plansim). Run: pytest tests/browser/test_pages.py
"""

import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

from conftest import chromium, close
from test_fonts import REPO, binary

# the stable rule codes of `plansim check` (docs/check.md)
RULE_CODES = [
    "rate-mismatch", "unit-mismatch", "bound-exceeded", "no-numeric-target",
    "cumulative-target", "identity-violation", "cross-plan-conflict", "target-unreachable",
    "restated-target",
]
# the index, a national plan's page and a county's (科尔沁区 under hypothetical outturns)
PAGES = ["index.html", "national-14th/index.html", "horqin-outturn/index.html",
         "baseline/index.html"]


@pytest.fixture(scope="module")
def report():
    """A Chinese report of the national plan, the county baseline and the county's
    hypothetical outturns, in a temporary folder."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="plansim-pages-"))
    out = tmp / "out"
    run = subprocess.run(
        [str(binary()), "report", "scenarios/national-14th.toml", "scenarios/baseline.toml",
         "scenarios/horqin-outturn.toml", "--no-charts", "--draws", "200", "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "LC_ALL": "zh_CN.UTF-8"},
    )
    assert run.returncode == 0, run.stderr
    yield out
    shutil.rmtree(tmp, ignore_errors=True)


def load(d, page):
    d.get(page.as_uri())
    # the widths depend on the web font: wait for it
    d.execute_async_script("const done = arguments[0]; document.fonts.ready.then(() => done(0));")


@pytest.mark.parametrize("page", ["index.html", "national-14th/index.html",
                                  "horqin-outturn/index.html"])
def test_the_action_table_comes_first(report, browser, page):
    load(browser, report / page)
    first = browser.execute_script("""
        const main = document.querySelector('main');
        const h2 = main.querySelector('h2'), table = main.querySelector('table');
        return [h2 ? h2.textContent : null, table ? table.className : null,
                h2 && table ? h2.getBoundingClientRect().top < table.getBoundingClientRect().top : false];
    """)
    assert first == ["需要采取行动的目标", "action", True], f"{page}: {first}"
    # the targets outturns cannot grade come folded, under a count
    folded = browser.execute_script("""
        return Array.from(document.querySelectorAll('details.fold')).map(d =>
            [d.open, d.querySelector('summary').textContent]);
    """)
    assert folded and all(not open_ and "（" in s for open_, s in folded), folded


@pytest.mark.parametrize("page", PAGES)
def test_chinese_pages_show_no_backticks_or_rule_codes(report, browser, page):
    load(browser, report / page)
    # every <details> opened, so that the folded text is read too
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    text = browser.execute_script("return document.body.innerText")
    assert "`" not in text, f"{page}: a backtick in {text[text.find('`') - 80:text.find('`') + 80]!r}"
    for code in RULE_CODES:
        assert code not in text, f"{page}: {code} in the visible text"
    if page == "national-14th/index.html":
        # the codes stay where a reader hovers: cumulative-target on 期间累计目标
        titled = browser.execute_script(
            "return Array.from(document.querySelectorAll('td[title]')).map(t => [t.title, t.textContent])")
        assert ["cumulative-target", "期间累计目标"] in titled, titled


# each cell's content box against twice the font size (a CJK glyph is one em wide)
NARROW = """
const out = [];
for (const c of document.querySelectorAll('td, th')) {
  if (!c.textContent.trim()) continue;
  const s = getComputedStyle(c);
  const inner = c.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  const em = parseFloat(s.fontSize);
  if (inner < 2 * em - 0.5) out.push([c.textContent.slice(0, 20), Math.round(inner), em]);
}
return out;
"""


@pytest.mark.parametrize("width", [1400, 760])
def test_no_table_cell_is_narrower_than_two_characters(report, width):
    d = chromium(width)
    try:
        for page in PAGES:
            load(d, report / page)
            d.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
            narrow = d.execute_script(NARROW)
            assert not narrow, f"{page} at {width}px: {narrow[:10]}"
            # a table wider than the screen scrolls inside its own box, the page does not
            assert d.execute_script(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1"), page
    finally:
        close(d)


def test_quoted_cells_are_drawn_in_the_bundled_font(report, browser):
    """A finding quotes the table's cells as code (`<code>保持在合理区间…</code>`): drawn in the
    bundled font like the text around it, not in a monospace font without Chinese (tofu)."""
    from test_fonts import drawn_in_bundled, fonts_of_chinese
    found = fonts_of_chinese(browser, report / "national-14th/index.html", n=4, where="code")
    assert found
    for text, fonts in found:
        assert drawn_in_bundled(text, fonts), f"{text!r} drawn in {fonts}"
        assert all(f.get("isCustomFont") for f in fonts), f"{text!r} drawn in {fonts}"
