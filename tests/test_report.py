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
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "section", "div",
    "p", "span", "ul", "ol", "li", "dl", "dt", "dd", "mark", "a", "strong", "q", "details",
    "summary", "table", "thead", "tbody", "tr", "th", "td",
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
        assert not any(name.startswith("on") or name == "src" for name in attrs)
        assert (attrs.get("href") or "#").startswith("#")  # links within the page only
    # the hostile text survives as text
    shown = "".join(parser.data)
    assert "<script>alert(1)</script>" in shown
    assert '"><img src=x ' in shown and "=alert(1)> In het kader" in shown


def test_report_html_is_self_contained(results) -> None:
    page = render_html(results)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert not re.search(r"<[^>]*\ssrc=", page)
    assert not re.search(r"<[^>]*\shref=\"[^#]", page)
    assert "http://" not in page and "https://" not in page
    assert "Content-Security-Policy" in page


def test_report_advice_is_a_readable_list_not_a_tooltip(results) -> None:
    fragment = render_html_fragment(results[0])
    parser = TagCollector()
    parser.feed(fragment)
    assert not any("title" in attrs or attrs.get("role") == "tooltip" for _, attrs in parser.tags)
    # each flagged sentence is numbered in the text with a link to its advice, and back
    links = [attrs["href"] for tag, attrs in parser.tags if tag == "a"]
    ids = {attrs.get("id") for _, attrs in parser.tags}
    assert links and all(link[1:] in ids for link in links)
    items = [attrs for tag, attrs in parser.tags if tag == "li" and "sentence-advice" in
             (attrs.get("class") or "")]  # fmt: skip
    assert len(items) >= 2
    shown = " ".join(parser.data)
    assert "Afkorting" in shown and "Zonder uitleg: ‘PGB’" in shown
    assert "Lijdende vorm" in shown
    # no doubled labels ("lange zin: Lange zin: ...")
    assert not re.search(r"(?i)(afkorting|lijdende vorm|ambtelijke taal)\W+\1", shown)
    # the officialese table is in the file report too
    assert "Ambtelijke woorden en eenvoudiger alternatieven" in shown


def test_report_print_stylesheet_keeps_the_advice() -> None:
    from pipeline.report.check import TEMPLATES

    css = (TEMPLATES / "check.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    assert ".advice" not in print_rules.split("display: none")[0].rsplit("}", 1)[-1]
    for hidden in re.findall(r"([^{}]*)\{[^}]*display:\s*none", print_rules):
        assert "advice" not in hidden and "proposal" not in hidden and "officialese" not in hidden


def test_report_fragment_has_no_page_around_it(results) -> None:
    fragment = render_html_fragment(results)
    assert "<html" not in fragment and fragment.count('<section class="check-report"') == 2
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


def test_report_text_and_json(results) -> None:
    text = render_text(results)
    assert "Taalniveau" in text and "Afkorting: Zonder uitleg: ‘PGB’." in text
    assert "Taalmodel: geen (eenvoudige regels zonder zinsontleding" in text
    assert '"path": "<b>boos</b>.txt"' in render_json_line(results[0])


V3_KEYS = ("b1_difficulty", "b1_threshold", "b1_fix_first")


def _with_measures(result, **measures):
    from dataclasses import replace

    return replace(result, measures={**result.measures, **measures})


def test_report_shows_difficulty_and_fix_first_when_the_rule_gives_them(results) -> None:
    from pipeline.report.advice import build_report

    fixes = ("Splits de drie langste zinnen.", "Schrijf ‘wij’ in plaats van de lijdende vorm.")
    result = _with_measures(
        results[0], b1_difficulty=62.4, b1_threshold=50.0, b1_fix_first=fixes, b1_pass=False
    )
    report = build_report(result)
    assert report.difficulty == "Moeilijkheid 62 van 100 (B1: hoogstens 50)"
    assert report.distance == "12 punten te moeilijk voor B1"
    assert report.fix_first == list(fixes)
    text = render_text([result])
    assert "Moeilijkheid 62 van 100 (B1: hoogstens 50): 12 punten te moeilijk voor B1" in text
    assert "Eerst aanpakken:\n  1. Splits de drie langste zinnen." in text
    # near the threshold a decimal shows the difference; one point is "punt"
    for value, line, distance in (
        (50.1, "Moeilijkheid 50,1 van 100", "0,1 punten te moeilijk voor B1"),
        (49.0, "Moeilijkheid 49 van 100", "1 punt onder de B1-grens"),
        (47.6, "Moeilijkheid 48 van 100", "2 punten onder de B1-grens"),
    ):
        near = build_report(_with_measures(results[0], b1_difficulty=value, b1_threshold=50.0))
        assert near.difficulty.startswith(line) and near.distance == distance, value
    # without them (b1_rule.v1/v2), "eerst aanpakken" is derived from the criteria and advice
    from dataclasses import replace

    v2 = replace(
        results[0],
        measures={k: v for k, v in results[0].measures.items() if k not in V3_KEYS},
        verdict=None,
    )
    plain = build_report(v2)
    assert plain.difficulty is None and 1 <= len(plain.fix_first) <= 3


def test_report_words_for_verdict_scale_and_model(results) -> None:
    from pipeline.report.advice import build_report, model_text, verdict_text

    assert verdict_text("A2", True) == "Taalniveau A2: eenvoudiger dan B1, dus goed"
    assert verdict_text("B1", True) == "Taalniveau B1: voldoet"
    assert verdict_text("C1", False) == "Taalniveau C1: moeilijker dan B1"
    easy = _with_measures(
        results[1], flesch_douma=109.8, b1_reasons=["Flesch-Douma 109,8 (B1: minstens 60)"]
    )
    report = build_report(easy)
    assert dict(report.scores)["Flesch-Douma"].startswith("meer dan 100")
    assert report.reasons == ["Flesch-Douma meer dan 100 (B1: minstens 60)"]
    substitute = {"name": "nl_ud_sm", "version": "0.1.0", "source": "wheelhouse"}
    assert model_text({**substitute, "preferred": False}) == (
        "nl_ud_sm (vervangend model, minder nauwkeurig)"
    )
    assert model_text({**substitute, "preferred": True}) == "nl_ud_sm (voorkeursmodel)"
    assert "1.234,5" in build_report(_with_measures(easy, avg_sentence_length=1234.5)).scores[3][1]


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
    assert "Moeilijkheid " in text and "Eerst aanpakken:" in text and f"1. {fix[0]}" in text
    page = render_html([result])
    assert "Eerst aanpakken" in page and str(escape(fix[0])) in page


def test_report_says_the_difficulty_once_in_terminal_and_html(results) -> None:
    """The verdict's reasons start with the difficulty the header already shows."""
    reasons = ["Moeilijkheid 77 van 100 (B1: hoogstens 50)", "Gemiddelde zinslengte: 19,7"]
    result = _with_measures(
        results[0], b1_difficulty=77.0, b1_threshold=50.0, b1_pass=False, b1_reasons=reasons,
        b1_fix_first=("Splits de lange zinnen.",),
    )  # fmt: skip
    text = render_text([result])
    assert text.count("Moeilijkheid 77 van 100") == 1
    assert "Moeilijkheid 77 van 100 (B1: hoogstens 50): 27 punten te moeilijk" in text
    assert "- Gemiddelde zinslengte: 19,7" in text
    page = render_html([result])
    assert page.count("Moeilijkheid 77 van 100") == 1 and "Gemiddelde zinslengte" in page


def test_report_refers_to_a_table_only_where_there_is_one(results) -> None:
    from pipeline.report.advice import build_report
    from pipeline.report.docx_comments import _summary

    fix = ("Vervang 9 ambtelijke woorden door gewone woorden (zie de tabel).",)
    result = _with_measures(
        results[0], b1_difficulty=62.0, b1_threshold=50.0, b1_pass=False, b1_fix_first=fix
    )
    text = render_text([result])
    assert "(zie de lijst hieronder)" in text and "zie de tabel" not in text
    page = render_html([result])
    assert "(zie de tabel)" in page and "<table" in page
    summary = _summary(build_report(result))
    assert "zie de tabel" not in summary and "(zie de opmerkingen bij die woorden)" in summary


def test_report_officialese_list_names_the_term_not_the_words_between() -> None:
    # "dient ... te" spans the words between; the list shows the term once (user trial)
    from pipeline.report.advice import officialese_rows

    class Item:
        kind, ignored, id, suggestion = "officialese", False, "x", "Schrijf liever ‘moeten’."

        def __init__(self, words: str, detail: str) -> None:
            self.words, self.detail = words, detail

    rows = officialese_rows(
        [
            Item("dient de door u verzochte vermindering van de aanslag te", "‘dient … te’."),
            Item("dient te", "‘dient te’."),
            Item("Middels", "‘Middels’."),
        ]
    )
    assert [(r["term"], r["count"]) for r in rows] == [("dient te", 2), ("middels", 1)]


def test_report_counts_of_sentences_and_lines_add_up() -> None:
    # a letter's subject line and salutation are read for advice but not measured: the report
    # says so, so "Woorden / zinnen: n / 2" and "(1 van 4)" do not contradict each other
    from pipeline.config import load_settings
    from pipeline.report.advice import build_report

    text = "Betreft: uw aanvraag\n\nGeachte heer,\n\nWij hebben uw brief gekregen. Wij bellen u."
    settings = load_settings(None, {}, environ={})
    (result,) = check_texts(
        [InputText.from_text("brief.txt", text)],
        settings,
        nlp=make_fallback_pipeline(),
        model_info=fallback_info(),
    )
    report = build_report(result)
    assert dict(report.scores)["Woorden / zinnen"].endswith("/ 2 (en 2 kopjes of losse regels)")
    assert report.sentences_title.startswith("Zinnen en regels met schrijfadvies (")
    assert report.sentences_title.endswith(" van 4)")
    assert report.sentences_title in render_text([result])


def test_fix_first_speaks_of_one_word_in_the_singular() -> None:
    """Session 37 trial: "Vervang 1 ambtelijke woord door gewone woorden"."""
    from collections import Counter
    from types import SimpleNamespace

    from pipeline.report.advice import derived_fix_first

    passed = SimpleNamespace(measures={"b1_pass": True})
    one = derived_fix_first(passed, Counter(officialese=1, hard_word=1))
    assert one == [
        "Vervang 1 ambtelijk woord door een gewoon woord (zie de tabel).",
        "Vervang of leg 1 moeilijk woord uit.",
    ]
    two = derived_fix_first(passed, Counter(officialese=2))
    assert two == ["Vervang 2 ambtelijke woorden door gewone woorden (zie de tabel)."]
