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
    flags = result.locator("[tabindex='0']")
    assert flags.count() >= 3
    flags.first.focus()
    assert page.evaluate("document.activeElement.closest('#resultaat') !== null")
    assert page.locator(".officialese td").first.is_visible()
    # The hostile text is shown as text, never run.
    assert "<script>alert(1)</script>" in result.inner_text()
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
    assert page.locator("#resultaat [tabindex='0']").count() >= 1
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
