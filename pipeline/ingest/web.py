"""Read an HTML page into layout blocks: the main content, with site chrome as furniture.

The content root is the page's ``<main>``, ``<article>`` or ``role="main"`` element; without
one, trafilatura (a maintained main-content extractor) decides which blocks are content.
Inside the root, elements that are site chrome by tag (``nav``, ``header``, ``footer``,
``form``, ``button``), ARIA role or class/id (cookie banners, breadcrumbs, share links; see
``html_chrome_patterns`` in ``pipeline/data/layout_terms.toml``) are dropped. Everything
dropped is furniture, kept for the audit; metadata lines in an ``<aside>`` or elsewhere
outside the content ("Portefeuillehouder: ...") are kept as content. Headings keep their
level, list items their label (``<ol type="A">`` gives "A.", "B."), tables stay tables.
Linear in the size of the page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from pipeline.ingest.layout import BLANK, Block, load_terms
from pipeline.ingest.word import format_number

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre",
              "caption", "figcaption", "address", "summary"}  # fmt: skip
CHROME_TAGS = {"nav", "header", "footer", "form", "button", "noscript", "script", "style",
               "template", "svg", "iframe", "select", "input", "label"}  # fmt: skip
_OL_FORMATS = {"A": "upperLetter", "a": "lowerLetter", "I": "upperRoman", "i": "lowerRoman"}


def _is_chrome(tag: Any, patterns: tuple[str, ...], roles: frozenset[str]) -> bool:
    if tag.name in CHROME_TAGS:
        return True
    if (tag.get("role") or "").lower() in roles or tag.get("aria-hidden") == "true":
        return True
    names = " ".join([*(tag.get("class") or []), tag.get("id") or ""]).lower()
    return bool(names) and any(p in names for p in patterns)


def _text(tag: Any) -> str:
    return " ".join(tag.get_text(" ").split())


def read_html_blocks(
    html: str, is_meta: Callable[[str], bool], detect_max_chars: int | None = None
) -> list[Block]:
    """Layout blocks of an HTML page; ``is_meta`` tells metadata lines to keep from chrome.

    trafilatura's main-content detection takes time superlinear in the page (1.6 MB: over
    30 s), so a page longer than ``detect_max_chars`` keeps its whole body as content (site
    chrome found by tag, role and class is still dropped).
    """
    from bs4 import BeautifulSoup, Comment, Declaration, Doctype

    terms = load_terms()
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    root = soup.find("main") or soup.find(None, {"role": "main"}) or soup.find("article")
    keep_text: set[str] | None = None
    title: Any = None
    if root is None:
        root = soup.body or soup
        if detect_max_chars is None or len(html) <= detect_max_chars:
            keep_text = _trafilatura_lines(html)
            title = _page_heading(soup)
    ancestors = {id(a) for a in root.parents}
    blocks: list[Block] = []

    def furniture(tag: Any) -> None:
        for line in tag.get_text("\n").split("\n"):
            line = " ".join(line.split())
            if not line:
                continue
            if is_meta(line):
                blocks.extend([Block("line", line), BLANK])
            else:
                blocks.append(Block("furniture", line, reason="site chrome"))

    def walk(node: Any, inside: bool, depth: int) -> None:
        for child in list(node.children):
            name = getattr(child, "name", None)
            if name is None and isinstance(child, (Comment, Doctype, Declaration)):
                continue
            if name is None:
                text = " ".join(str(child).split())
                if (
                    text
                    and inside
                    and node.name not in ("ul", "ol", "table", "tr", "thead", "tbody")
                ):
                    blocks.extend([Block("line", text), BLANK])
                elif text:
                    blocks.append(Block("furniture", text, reason="site chrome"))
                continue
            within = inside or child is root
            if child is not root and (
                not inside or _is_chrome(child, terms.html_chrome_patterns, terms.html_chrome_roles)
            ):
                if id(child) in ancestors:
                    walk(child, False, depth)
                else:
                    furniture(child)
                continue
            if name == "table":
                rows = _table_rows(child)
                if rows:
                    caption = child.find("caption")
                    if caption is not None:
                        blocks.extend([Block("line", _text(caption)), BLANK])
                    header = 1 if child.find("th") is not None else 0
                    blocks.extend([BLANK, Block("table", rows=rows, header_rows=header), BLANK])
                continue
            if name in ("ol", "ul"):
                _list(child, depth)
                continue
            if name in BLOCK_TAGS:
                text = _text(child)
                if (
                    keep_text is not None
                    and child is not title
                    and " ".join(text.split()) not in keep_text
                ):
                    if text:
                        blocks.append(Block("furniture", text, reason="site chrome"))
                    continue
                if text:
                    level = int(name[1]) if re.fullmatch(r"h[1-6]", name) else 0
                    blocks.extend([Block("line", text, style_level=level), BLANK])
                continue
            if name == "br":
                continue
            walk(child, within, depth)

    def _list(tag: Any, depth: int) -> None:
        ordered = tag.name == "ol"
        fmt = _OL_FORMATS.get(tag.get("type") or "", "decimal")
        number = int(tag.get("start") or 1) if str(tag.get("start") or "1").isdigit() else 1
        for li in tag.find_all("li", recursive=False):
            nested = li.find_all(["ol", "ul"], recursive=False)
            for sub in nested:
                sub.extract()
            text = _text(li)
            label = f"{format_number(number, fmt)}." if ordered else "•"
            if text and (keep_text is None or text in keep_text):
                blocks.append(Block("line", text, label=label, list_level=depth))
            elif text:
                blocks.append(Block("furniture", text, reason="site chrome"))
            number += 1
            for sub in nested:
                _list(sub, depth + 1)
        blocks.append(BLANK)

    walk(soup, False, 0)
    return blocks


def _table_rows(table: Any) -> tuple[tuple[str, ...], ...]:
    rows = []
    for tr in table.find_all("tr"):
        cells = tuple(_text(c) for c in tr.find_all(["td", "th"], recursive=False))
        if any(cells):
            rows.append(cells)
    return tuple(rows)


def _page_heading(soup: Any) -> Any:
    """The page's first ``<h1>`` unless it is only a link (a logo linking home): content
    even where trafilatura leaves it out (an ``<h1>`` outside the block it takes as the
    article, or taken as the page title)."""
    h1 = soup.find("h1")
    if h1 is None or not _text(h1):
        return None
    links = " ".join(_text(a) for a in h1.find_all("a"))
    return None if links and links == _text(h1) else h1


def _trafilatura_lines(html: str) -> set[str]:
    """Lines trafilatura keeps as the page's main content."""
    import trafilatura

    # trafilatura logs what it cannot use as errors; the caller reports the page in one line.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    text = trafilatura.extract(
        html, include_tables=True, include_comments=False, favor_recall=True, output_format="txt"
    )
    lines: set[str] = set()
    for line in (text or "").split("\n"):
        line = " ".join(line.lstrip("-•* ").split())
        if line:
            lines.add(line)
    return lines
