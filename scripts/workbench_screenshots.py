"""Screenshots of the check report for the README: the web page on a desktop (1366x900) and a
phone (360 px), and the first pages of the printed PDF.

Starts the web app on a free loopback port (one in-process checker), checks a C1 letter the
project wrote (``tests/fixtures/levels/07_ozb-aanslag_c1.txt``, fictional), and writes small
PNGs to ``docs/screenshots/``. Needs Debian's chromium, playwright and, to turn the PDF into
images, pypdfium2 (``pip install pypdfium2``; not a dependency of the project)::

    .venv/bin/python scripts/workbench_screenshots.py
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
LETTER = ROOT / "tests" / "fixtures" / "levels" / "07_ozb-aanslag_c1.txt"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
WIDTH = 900  # PNGs are scaled to at most this width to stay small


def _serve() -> tuple[str, object]:
    import uvicorn

    from pipeline.config import load_settings
    from pipeline.web import create_app
    from pipeline.web.checker import Checker

    settings = load_settings(None, {}, environ={})
    app = create_app(settings, Checker.load(settings))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server


def _small(path: Path, width: int = WIDTH, max_height: int = 2400) -> None:
    from PIL import Image

    image = Image.open(path)
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)))
    image = image.crop((0, 0, image.width, min(image.height, max_height)))
    image.convert("P", palette=Image.Palette.ADAPTIVE, colors=128).save(path, optimize=True)


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    url, server = _serve()
    text = LETTER.read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, viewport in (("desktop", (1366, 900)), ("phone", (360, 800))):
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            page.goto(url)
            page.fill("#tekst", text)
            page.get_by_role("button", name="Controleer").click()
            page.wait_for_selector("#resultaat-titel", timeout=120_000)
            page.locator("#resultaat-titel").scroll_into_view_if_needed()
            if name == "desktop":  # the text next to its advice
                page.evaluate("document.querySelector('.workbench').scrollIntoView()")
            target = OUT / f"web_{name}.png"
            if name == "phone":
                page.screenshot(path=str(target), full_page=True)
                _small(target, width=360, max_height=3200)
            else:
                page.screenshot(path=str(target))
                _small(target)
            if name == "desktop":
                with tempfile.TemporaryDirectory() as tmp:
                    pdf = Path(tmp) / "rapport.pdf"
                    page.emulate_media(media="print")
                    page.pdf(path=str(pdf), format="A4", print_background=True)
                    _pdf_pages(pdf)
            page.close()
        browser.close()
    server.should_exit = True  # type: ignore[attr-defined]


def _pdf_pages(pdf: Path, pages: int = 3) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    for k in range(min(pages, len(document))):
        target = OUT / f"print_page{k + 1}.png"
        document[k].render(scale=1.2).to_pil().save(target)
        _small(target, width=700)


if __name__ == "__main__":
    main()
