"""Check report rendering: escaping of hostile input, self-contained HTML, segments."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from pipeline.check import InputText, check_texts
from pipeline.nlp import fallback_info, make_fallback_pipeline
from pipeline.readability import Flag
from pipeline.report.check import (
    render_html,
    render_html_fragment,
    render_json_line,
    render_text,
    segments,
)

HOSTILE = (
    "Het PGB wordt door de gemeente verstrekt. <script>alert(1)</script>\n\n"
    '"><img src=x onerror=alert(1)> In het kader van de implementatie & meer.'
)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "section", "div",
    "h3", "p", "span", "ul", "ol", "li", "dl", "dt", "dd", "mark",
}  # fmt: skip


@pytest.fixture(scope="module")
def results():
    from pipeline.config import load_settings

    settings = load_settings(None, {}, environ={})
    inputs = [
        InputText.from_text("<b>boos</b>.txt", HOSTILE),
        InputText.from_text("tweede.txt", "Dit is kort."),
    ]
    return check_texts(inputs, settings, nlp=make_fallback_pipeline(), model_info=fallback_info())


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data) -> None:
        self.data.append(data)


def test_report_html_escapes_hostile_input(results) -> None:
    page = render_html(results)
    parser = TagCollector()
    parser.feed(page)
    tags = {tag for tag, _ in parser.tags}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;" in page and "&lt;img" in page
    assert "&lt;b&gt;boos&lt;/b&gt;.txt" in page
    for _, attrs in parser.tags:
        assert not any(name.startswith("on") or name in ("src", "href") for name in attrs)
    # the hostile text survives as text (the advice tooltips are interleaved with it)
    shown = "".join(parser.data)
    assert "<script>alert(1)</script>" in shown
    assert '"><img src=x ' in shown and "=alert(1)> In het kader" in shown


def test_report_html_is_self_contained(results) -> None:
    page = render_html(results)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert not re.search(r"<[^>]*\s(src|href)=", page)
    assert "http://" not in page and "https://" not in page
    assert "Content-Security-Policy" in page


def test_report_flagged_spans_are_focusable_with_advice(results) -> None:
    parser = TagCollector()
    parser.feed(render_html_fragment(results[0]))
    marks = [attrs for tag, attrs in parser.tags if tag == "mark"]
    assert marks
    for attrs in marks:
        assert attrs["tabindex"] == "0"
        assert attrs["title"]
        assert attrs["aria-describedby"]
    titles = " ".join(a["title"] or "" for a in marks)
    assert "Afkorting zonder uitleg" in titles and "Lijdende vorm" in titles


def test_report_fragment_has_no_page_around_it(results) -> None:
    fragment = render_html_fragment(results)
    assert "<html" not in fragment and fragment.count("<section") == 2
    assert "Taalniveau" in fragment


def test_report_segments_rebuild_the_text() -> None:
    text = "abc def ghi"
    flags = [
        Flag("long_sentence", 0, 11, text, "lang", None),
        Flag("hard_word", 4, 7, "def", "zeldzaam", "iets anders"),
    ]
    parts = segments(text, flags)
    assert "".join(p.text for p in parts) == text
    assert [p.text for p in parts] == ["abc ", "def", " ghi"]
    assert [len(p.flags) for p in parts] == [1, 2, 1]
    assert "word" in parts[1].css and "wide" in parts[0].css
    assert "zeldzaam" in parts[1].tip and "iets anders" in parts[1].tip


def test_report_text_and_json(results) -> None:
    text = render_text(results)
    assert "Taalniveau" in text and "Afkorting zonder uitleg: ‘PGB’." in text
    assert "fallback" in text
    assert '"path": "<b>boos</b>.txt"' in render_json_line(results[0])


HARD = (
    "Het college heeft, na uitvoerige afweging van de belangen van alle belanghebbenden en met "
    "inachtneming van de geldende beleidsregels, besloten dat de aanvraag die door u werd "
    "ingediend niet in behandeling kan worden genomen, aangezien de benodigde documentatie "
    "ontbreekt en de termijn waarbinnen deze diende te worden overgelegd is verstreken. "
    "Tegen dit besluit kan door belanghebbenden binnen een termijn van zes weken na de datum "
    "van verzending een gemotiveerd bezwaarschrift worden ingediend bij het college, waarbij "
    "de gronden van het bezwaar dienen te worden vermeld."
)


def test_report_shows_difficulty_and_what_to_fix_first() -> None:
    """A failing text: the difficulty among the scores and the fix-first advice, in the
    terminal report and the HTML report."""
    from pipeline.config import load_settings

    settings = load_settings(None, {}, environ={})
    inputs = [InputText.from_text("moeilijk.txt", HARD)]
    (result,) = check_texts(
        inputs, settings, nlp=make_fallback_pipeline(), model_info=fallback_info()
    )
    assert result.measures["b1_pass"] is False
    fix = result.measures["b1_fix_first"]
    assert fix
    text = render_text([result])
    assert "Moeilijkheid: " in text and "Eerst aanpakken:" in text and f"1. {fix[0]}" in text
    page = render_html([result])
    assert "Eerst aanpakken" in page and str(escape(fix[0])) in page
