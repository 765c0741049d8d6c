"""The dashboard in headless Chromium: every chart draws, no script errors, no network."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_dashboard import HOSTILE, _flag, _sentence, synthetic_rows, synthetic_tables

from pipeline.config import DashboardSettings
from pipeline.outputs import write_tables
from pipeline.report.dashboard import write_dashboard

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (make browser)"),
]

# Marks each chart drew: Vega's SVG renderer puts a mark's items inside g.role-mark.
COUNT_MARKS = """
() => Array.from(document.querySelectorAll('[data-spec]')).map(el => ({
  id: el.dataset.spec,
  rendered: el.dataset.rendered || null,
  svg: el.querySelectorAll('svg').length,
  marks: el.querySelectorAll('svg g.role-mark > path, svg g.role-mark > text, '
                             + 'svg g.role-mark > rect').length,
}))
"""


# Which variant each chart drew, and whether its SVG fits its box (the heat map may scroll
# inside its own box instead).
DRAWN = """
() => Array.from(document.querySelectorAll('[data-spec]')).map(el => {
  const svg = el.querySelector('svg');
  return {id: el.dataset.drawn, fits: !!svg && svg.getBoundingClientRect().width
                                        <= el.getBoundingClientRect().width + 1};
})
"""


def _console(message, problems: list[str]) -> None:
    if message.type == "error":
        problems.append(f"console: {message.text}")


def _open(
    page_path: Path,
    screenshot: Path | None = None,
    width: int = 1280,
    height: int = 900,
    resize_to: tuple[int, int] | None = None,
    evaluate: str | None = None,
) -> tuple[list[dict], list[str], dict]:
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
            page.on("console", lambda msg: _console(msg, problems))
            page.on("dialog", lambda dialog: (problems.append("dialog"), dialog.dismiss()))

            def block(route):
                if route.request.url.startswith("file:"):
                    route.continue_()
                else:
                    problems.append(f"network: {route.request.url}")
                    route.abort()

            page.route("**/*", block)
            page.goto(page_path.resolve().as_uri())
            page.wait_for_function("window.dashboardReady !== undefined", timeout=30_000)
            page.evaluate("() => window.dashboardReady")
            if resize_to is not None:  # the page redraws its charts 200 ms after a resize
                page.set_viewport_size({"width": resize_to[0], "height": resize_to[1]})
                page.wait_for_function(
                    "Array.from(document.querySelectorAll('[data-spec]'))"
                    ".every(el => el.querySelector('svg'))",
                    timeout=10_000,
                )
                page.wait_for_timeout(1_500)
            charts = page.evaluate(COUNT_MARKS)
            status = page.evaluate("() => window.dashboardStatus")
            status["page_width"] = page.evaluate("() => document.documentElement.scrollWidth")
            status["drawn"] = page.evaluate(DRAWN)
            if evaluate is not None:
                status["evaluated"] = page.evaluate(evaluate)
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return charts, problems, status


def test_dashboard_browser_draws_every_chart(tmp_path):
    processed = synthetic_tables(tmp_path, HOSTILE)
    result = write_dashboard(processed, tmp_path / "dashboard.html", DashboardSettings(min_n=1))
    charts, problems, status = _open(result.path, ARTIFACTS / "dashboard.png")
    assert problems == []
    assert len(charts) == result.n_charts == 7
    assert {k: status[k] for k in ("rendered", "failed", "total")} == {
        "rendered": 7, "failed": 0, "total": 7,
    }  # fmt: skip
    assert status["page_width"] <= 1280
    assert not any(d["id"].endswith("-narrow") for d in status["drawn"])
    for chart in charts:
        assert chart["rendered"] == "true", chart
        assert chart["svg"] >= 1 and chart["marks"] > 0, chart


def test_dashboard_browser_empty_tables(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = write_dashboard(empty, tmp_path / "leeg.html", DashboardSettings())
    charts, problems, status = _open(result.path)
    assert problems == []
    assert charts == []
    assert {k: status[k] for k in ("rendered", "failed", "total")} == {
        "rendered": 0, "failed": 0, "total": 0,
    }  # fmt: skip


def test_dashboard_browser_fits_a_360_px_phone(tmp_path):
    """At 360 px: no sideways scrolling of the page, every chart in its narrow variant and
    inside its box, except the heat map, which scrolls inside its own box."""
    processed = synthetic_tables(tmp_path, HOSTILE)
    result = write_dashboard(processed, tmp_path / "dashboard.html", DashboardSettings(min_n=1))
    _, problems, status = _open(result.path, ARTIFACTS / "dashboard_360.png", 360, 800)
    assert problems == []
    assert status["rendered"] == status["total"] == 7
    assert status["page_width"] <= 360
    for drawn in status["drawn"]:
        assert drawn["id"].endswith("-narrow"), drawn
        assert drawn["fits"] or drawn["id"] == "spec-themas-narrow", drawn


def test_dashboard_browser_redraws_narrow_after_a_resize(tmp_path):
    processed = synthetic_tables(tmp_path)
    result = write_dashboard(processed, tmp_path / "dashboard.html", DashboardSettings(min_n=1))
    charts, problems, status = _open(result.path, resize_to=(360, 800))
    assert problems == []
    assert status["page_width"] <= 360
    assert [d["id"] for d in status["drawn"]] == [c["id"] + "-narrow" for c in charts]
    assert all(c["svg"] == 1 and c["marks"] > 0 for c in charts)


# Words of table cells that the browser puts on more than one line (hyphenation off, so only
# a break inside a word counts).
SPLIT_WORDS = """
() => {
  const style = document.createElement('style');
  style.textContent = 'th, td { hyphens: manual !important; }';
  document.head.append(style);
  const split = [];
  const range = document.createRange();
  for (const cell of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[\\p{L}\\p{N}]{2,}/gu)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (Array.from(range.getClientRects()).filter(r => r.width > 0).length > 1) {
          split.push(m[0]);
        }
      }
    }
  }
  return split;
}
"""


def test_dashboard_browser_tables_keep_words_whole(tmp_path):
    """Long Dutch words in narrow columns ("werkzaamheden", "voortgangsrapportage") are not
    broken in the middle: a column is as wide as its longest word, a wide table scrolls."""
    rows = synthetic_rows()
    long = _sentence(
        "s9", "p9", "paragraph", "d2",
        "De werkzaamheden worden geactualiseerd ten behoeve van de verkeersveiligheid.",
    )  # fmt: skip
    rows["sentences"].append(long)
    for i, word in enumerate(("werkzaamheden", "geactualiseerd", "verkeersveiligheid")):
        rows["flags"].append(_flag(f"f9{i}", long, "officialese", word, "werk aan de weg"))
    for doc in rows["documents"]:
        doc["document_type"] = "voortgangsrapportage" if doc["document_type"] else None
    rows["threads"][0]["article_title"] = "Verkeersveiligheidsmaatregelen Dorpsstraat"
    processed = tmp_path / "processed"
    write_tables(rows, processed)
    result = write_dashboard(processed, tmp_path / "dashboard.html", DashboardSettings(min_n=1))
    for width in (1280, 1024, 800):
        status = _open(result.path, width=width, evaluate=SPLIT_WORDS)[2]
        assert status["evaluated"] == [], width
        assert status["page_width"] <= width
