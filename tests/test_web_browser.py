"""The web app in a real browser: headless Chromium (Debian's) driven by Playwright.

The real server runs with uvicorn on a free loopback port in a background thread. Skipped only
when /usr/bin/chromium is absent (``make browser`` installs it).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.web import create_app
from pipeline.web.checker import Checker

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
HOSTILE = (
    '<script>alert(1)</script> "><img src=x onerror=alert(2)> </textarea><script>alert(3)</script>'
)
SAMPLE = (
    "Het college faciliteert de realisatie van nieuwe woningen in het kader van de "
    "woningbouwopgave. De plannen worden door de gemeenteraad vastgesteld. "
    "Wij willen dat alle inwoners die een woning zoeken binnen een redelijke termijn een "
    "passende woning kunnen vinden, zodat zij niet hoeven te verhuizen naar een andere "
    "gemeente.\n\nHeeft u vragen over dit plan? Bel of mail ons gerust."
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def base_url(nlp_model) -> Iterator[str]:
    import uvicorn

    settings = load_settings(None, {}, environ={})
    app = create_app(settings, Checker.load(settings, nlp_model))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed (run `make browser`); browser test skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _watch(page) -> tuple[list[str], list[str]]:
    """Collect dialogs (which would mean injected script ran) and console errors (CSP)."""
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return dialogs, errors


def test_web_browser_checks_pasted_text_and_shows_flags(browser, base_url):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    dialogs, errors = _watch(page)
    page.goto(base_url)
    assert page.locator("h1").inner_text() == "Taalcheck B1"
    page.fill("#tekst", f"{SAMPLE}\n\n{HOSTILE}")
    assert "tekens" in page.locator("#tekst-teller").inner_text()
    page.get_by_role("button", name="Controleer").click()
    page.wait_for_selector("#resultaat-titel", timeout=30_000)

    result = page.locator("#resultaat")
    assert any(level in result.inner_text() for level in ("A2", "B1", "B2", "C1"))
    flags = result.locator("a.zin-nr")
    assert flags.count() >= 2
    flags.first.focus()
    assert page.evaluate("document.activeElement.closest('#resultaat') !== null")
    assert page.locator(".officialese td").first.is_visible()
    # The hostile text is shown as text, never run.
    shown = result.inner_text()  # (a sentence number may stand between its characters)
    assert "<script>alert(1)" in shown and "<script>alert(3)</script>" in shown
    assert page.locator("#resultaat img, #resultaat script").count() == 0
    assert page.input_value("#tekst").endswith("<script>alert(3)</script>")

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web.png"), full_page=True)
    assert dialogs == []
    assert not [e for e in errors if "Content Security Policy" in e], errors
    page.close()


def test_web_browser_form_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    dialogs, _ = _watch(page)
    page.goto(base_url)
    page.fill("#tekst", f"{SAMPLE} {HOSTILE}")
    page.get_by_role("button", name="Controleer").click()
    page.wait_for_selector("#resultaat-titel", timeout=30_000)
    assert page.url.endswith("/check")
    assert page.locator("#resultaat a.zin-nr").count() >= 1
    assert page.input_value("#tekst") == f"{SAMPLE} {HOSTILE}"
    assert dialogs == []
    context.close()


def test_web_browser_keyboard_reaches_form_in_order(browser, base_url):
    page = browser.new_page()
    page.goto(base_url)
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    assert order[1:] == ["tekst", "bestand", "controleer"]
    page.close()


def _check(page, base_url: str, text: str = SAMPLE) -> None:
    page.goto(base_url)
    page.fill("#tekst", text)
    page.get_by_role("button", name="Controleer").click()
    page.wait_for_selector("#resultaat-titel", timeout=30_000)


def _scores(page) -> str:
    return page.locator("#resultaat .scores").inner_text()


def test_web_browser_advice_is_a_list_readable_without_hover_and_in_print(browser, base_url):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    _check(page, base_url)
    # every piece of advice is text in a list, visible without hovering anything
    items = page.locator("#resultaat li.sentence-advice")
    assert items.count() >= 2
    assert items.first.is_visible() and "Ambtelijke taal" in items.first.inner_text()
    assert page.locator("[role=tooltip]").count() == 0
    assert page.locator("#resultaat .fix-first li").count() >= 1
    assert page.locator("#resultaat .officialese td").first.is_visible()
    # the sentence number in the text is a link to the advice, reachable by keyboard
    number = page.locator("#resultaat a.zin-nr").first
    number.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash").startswith("#r0-zin-")
    # printed: all advice and proposals stay, the form and controls go
    page.emulate_media(media="print")
    assert items.last.is_visible() and page.locator("#resultaat .proposal").first.is_visible()
    assert not page.locator("#check-form").is_visible()
    assert not page.locator("#resultaat .ignore").first.is_visible()
    assert not page.locator("#resultaat button.apply").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "web_print.pdf"))
    page.close()


def test_web_browser_uploads_an_html_file_like_check_reads_it(browser, base_url, tmp_path):
    source = tmp_path / "nieuwsbericht.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in SAMPLE.split("\n\n"))
    source.write_text(f"<html><body><h1>Nieuws</h1>{paragraphs}</body></html>", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(base_url)
    assert ".html-" in page.locator("#bestand-hint").inner_text()
    page.set_input_files("#bestand", str(source))
    page.get_by_role("button", name="Controleer").click()
    page.wait_for_selector("#resultaat-titel", timeout=30_000)
    assert page.locator("[role=alert]").count() == 0
    assert "faciliteert" in page.locator("#resultaat").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web_html_upload.png"), full_page=True)
    page.close()


def test_web_browser_fits_a_phone_without_sideways_scrolling(browser, base_url):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(base_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    _check(page, base_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.locator("#bestand").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 360
    page.screenshot(path=str(ARTIFACTS / "web_phone.png"), full_page=True)
    page.close()


def test_web_browser_ignore_updates_the_verdict_and_apply_rewrites(browser, base_url):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    _check(page, base_url)
    before = _scores(page)
    box = page.locator("#resultaat input[name=ignore]").first
    box.check()  # the script re-checks at once
    page.wait_for_selector("#resultaat .advice li.ignored", timeout=30_000)
    assert page.locator("#resultaat input[name=ignore]").first.is_checked()
    assert _scores(page) != before
    # apply the active-voice proposal: the text in the box changes, the advice is re-checked
    button = page.locator("#resultaat .proposal.k-passive button.apply").first
    proposal = button.get_attribute("value")
    assert proposal and "De gemeenteraad stelt de plannen vast." in proposal
    button.click()
    page.wait_for_selector("#melding", timeout=30_000)
    assert "De gemeenteraad stelt de plannen vast." in page.input_value("#tekst")
    assert "worden door de gemeenteraad vastgesteld" not in page.input_value("#tekst")
    # the ignored advice stays ignored after the re-check
    assert page.locator("#resultaat .advice li.ignored").count() >= 1
    page.close()


def test_web_browser_ignore_and_apply_work_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _check(page, base_url)
    before = _scores(page)
    page.locator("#resultaat input[name=ignore]").first.check()
    page.get_by_role("button", name="Opnieuw controleren").click()
    page.wait_for_selector("#resultaat .advice li.ignored", timeout=30_000)
    assert _scores(page) != before
    page.locator("#resultaat .proposal.k-passive button.apply").first.click()
    page.wait_for_selector("#melding", timeout=30_000)
    assert "De gemeenteraad stelt de plannen vast." in page.input_value("#tekst")
    context.close()
