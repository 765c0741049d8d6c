"""Documents inside one PDF (``pipeline/ingest/bundles.py``) and their parse into one
Document (``pipeline/ingest/programme/bundle.py``): synthetic page sequences and blocks."""

from __future__ import annotations

from collections import Counter

from pipeline.ingest.bundles import (
    chosen_numbers,
    document_starts,
    file_stamp,
    numbered_runs,
    page_numbers,
    split_pages,
)
from pipeline.ingest.layout import BLANK, PART_BREAK, Block, render_text, split_parts
from pipeline.ingest.pdf_layout import Fragment, PdfLine
from pipeline.ingest.programme import parse_document

TOP, BOTTOM = 800.0, 40.0


def _line(y: float, *cells: str, size: float = 10.0) -> PdfLine:
    frags, x = [], 72.0
    for text in cells:
        frags.append(Fragment(x, y, size, text, width=len(text) * size * 0.5))
        x += len(text) * size * 0.5 + 40
    return PdfLine(y, size, frags)


def _body(n: int = 20) -> list[PdfLine]:
    return [
        _line(700 - 14 * k, f"Een regel lopende tekst nummer {k} van deze pagina.")
        for k in range(n)
    ]


def _page(
    number: str | None = None, header: str | None = None, body: list[PdfLine] | None = None
) -> list[PdfLine]:
    lines = []
    if header is not None:
        lines.append(_line(TOP, header, *([number] if number else []), size=8))
    lines += _body() if body is None else body
    if number is not None and header is None:
        lines.append(_line(BOTTOM, number, size=8))
    return lines


def _cover(*title: str) -> list[PdfLine]:
    return [_line(500 - 40 * k, t, size=28) for k, t in enumerate(title)]


def _doc(n: int, first: int = 1, header: str | None = None, cover: bool = False) -> list:
    pages = [_cover("Begroting", "2026")] if cover else []
    pages += [_page(str(first + k), header) for k in range(len(pages), n)]
    return pages


# page numbers ---------------------------------------------------------------------------


def test_bundles_page_number_forms():
    assert [n.value for n in page_numbers([_line(BOTTOM, "- 12 -")])] == [12]
    worded = page_numbers([_line(BOTTOM, "Pagina 3 van 10")])
    assert [(n.value, n.worded) for n in worded] == [(3, True)]
    assert [n.value for n in page_numbers([_line(TOP, "GGD Begroting 2026", "7")])] == [7]
    assert [
        n.value for n in page_numbers([_line(BOTTOM, "dinsdag 16 december", "bladzijde 1")])
    ] == [1]
    # a year, a table row of figures and a line of text are no page numbers
    assert page_numbers([_line(BOTTOM, "2026")]) == []
    assert page_numbers([_line(BOTTOM, "Lasten", "12", "14", "16")]) == []
    assert page_numbers([_line(BOTTOM, "Zie hoofdstuk 3 voor de cijfers.")]) == []
    # only the lines at the page's edges count
    middle = [_line(TOP, "Titel"), _line(760, "Inleiding"), _line(740, "5"), *_body(5)]
    assert page_numbers(middle) == []


def test_bundles_one_document_numbered_throughout_is_one_document():
    pages = _doc(12, header="Gemeente Lochem Begroting 2026", cover=True)
    assert document_starts(pages) == [0]
    assert len(split_pages(pages)) == 1


def test_bundles_numbers_going_back_start_a_document_with_its_unnumbered_cover():
    # an agenda numbered 1-3, then a budget whose cover and contents are not numbered and
    # whose first numbered page says 3
    agenda = [_page(f"Pagina {k} van 3") for k in (1, 2, 3)]
    budget = [_cover("Begroting", "2026"), _page(None, body=_body(6))]
    budget += [_page(str(k), "Begroting 2026") for k in range(3, 10)]
    assert document_starts(agenda + budget) == [0, 3]


def test_bundles_a_stray_figure_at_a_page_foot_starts_nothing():
    pages = _doc(10)
    pages[5] = [*_body(), _line(BOTTOM, "1")]  # a page whose only edge number is a stray "1"
    assert document_starts(pages) == [0]


def test_bundles_footnote_marks_do_not_break_the_numbering():
    pages = [_page(str(k), "Rapport") for k in range(1, 12)]
    for p, mark in [(4, "1"), (5, "2"), (8, "3")]:  # footnotes at the foot: "1 | Zie ..."
        pages[p].append(_line(BOTTOM, mark, "Zie de bijlage voor de bron.", size=7))
    assert document_starts(pages) == [0]


def test_bundles_a_one_page_document_needs_a_word_with_its_number():
    before = _doc(5)
    letter = [_page(None, body=[*_body(), _line(BOTTOM, "bladzijde 1")])]
    after = [_page(str(k), "Kadernota 2027") for k in range(1, 6)]
    assert document_starts(before + letter + after) == [0, 5, 6]


def test_bundles_spread_numbering_is_one_document():
    pages = [_cover("Beleidsplan")] + [
        [*_body(), _line(BOTTOM, str(2 * k), str(2 * k + 1))] for k in range(1, 9)
    ]
    runs = numbered_runs(chosen_numbers(pages))
    assert len(runs) == 1 and runs[0].step == 2
    assert document_starts(pages) == [0]


def test_bundles_stamp_over_the_bundle_is_left_out():
    # "Pagina i van 14" stamped on every page, beside the documents' own numbers
    pages = _doc(6) + _doc(8)
    for i, page in enumerate(pages):
        page.append(_line(BOTTOM - 20, f"Pagina {i + 1} van {len(pages)}", size=7))
    found = [page_numbers(p) for p in pages]
    assert file_stamp(found) == 1
    assert document_starts(pages) == [0, 6]


def test_bundles_one_document_with_worded_numbers_is_no_stamp():
    pages = [[*_body(), _line(BOTTOM, f"Pagina {k} van 9")] for k in range(1, 10)]
    assert file_stamp([page_numbers(p) for p in pages]) is None
    assert document_starts(pages) == [0]


# cover sheets, contents, fonts ----------------------------------------------------------------


def test_bundles_cover_sheet_starts_a_document_outside_a_numbering():
    minutes = [_page(None) for _ in range(3)]
    sheet = [_line(600, "Agendapunt 4", size=28), _line(560, "Ontwerpbegroting 2026", size=14)]
    letter = [_page(None) for _ in range(2)]
    assert document_starts([*minutes, sheet, *letter]) == [0, 3]


def test_bundles_marks_inside_a_numbered_document_start_nothing():
    pages = _doc(12, header="Begroting 2026")
    # an annex divider and a contents page inside the numbered run
    pages[8] = [_line(TOP, "Begroting 2026", "9", size=8), _line(600, "Bijlage 2", size=28)]
    pages[9] = [_line(TOP, "Begroting 2026", "10", size=8), _line(760, "Inhoud"), *_body(10)]
    fonts = [Counter({"Verdana": 900}) for _ in pages]
    fonts[10] = Counter({"Calibri": 900})
    assert document_starts(pages, fonts) == [0]


def test_bundles_new_contents_starts_a_document_at_its_title_page():
    letter = [_page(None) for _ in range(5)]
    report = [_cover("Jaarverslag", "2025"), [_line(760, "Inhoudsopgave", size=16), *_body(8)]]
    report += [_page(None) for _ in range(4)]
    assert document_starts(letter + report) == [0, 5]
    # a table of contents right after a short foreword is the document's own
    assert document_starts([_page(None), *report]) == [0]


def test_bundles_change_of_fonts_starts_a_document():
    pages = [_page(None) for _ in range(6)]
    fonts = [Counter({"TimesNewRoman": 1500}) for _ in range(3)]
    fonts += [Counter({"LiberationSerif": 1400, "LiberationSans": 100}) for _ in range(3)]
    assert document_starts(pages, fonts) == [0, 3]
    # a cover in display type says nothing about the fonts of its document
    cover = [_cover("Visie", "2026")]
    fonts_cover = [Counter({"Futura": 300}), *fonts[:3]]
    assert document_starts(cover + pages[:3], fonts_cover) == [0]


def test_bundles_document_after_an_unnumbered_page_of_another():
    # a one-page decision list (no number) before a budget numbered from its cover on
    pages = [_page(None), *_doc(6, header="GGD Begroting 2026")]
    assert document_starts(pages) == [0, 1]
    # a cover page before a numbering is its document's
    pages = [_cover("Begroting", "2026"), *_doc(6, first=2, header="Begroting 2026")]
    assert document_starts(pages) == [0]


# parts into one Document -------------------------------------------------------------------


def _lines(*texts: str, level: int = 0) -> list[Block]:
    out: list[Block] = []
    for text in texts:
        out += [Block("line", text, style_level=level), BLANK]
    return out


AGENDA = [
    *_lines("Agenda algemeen bestuur GGD Noorderland", level=1),
    *_lines("1. Opening", "2. Verslag van de vergadering van 4 juli", level=1),
    *_lines("3. Programma Publieke gezondheid: stand van zaken", level=1),
    *_lines("De voorzitter opent de vergadering om 14.00 uur."),
]
BUDGET = [
    *_lines("Begroting 2026", level=1),
    *_lines("1. Inleiding", level=2),
    *_lines("Deze begroting beschrijft wat de GGD in 2026 doet."),
    *_lines("2. Publieke gezondheid", level=2),
    *_lines("Wat willen we bereiken?", level=3),
    *_lines("Inwoners leven gezond en veilig in hun eigen omgeving."),
    Block(
        "table",
        rows=(("Bedragen x € 1.000", "2025", "2026"), ("Lasten", "1.200", "1.300"),
              ("Baten", "-200", "-250"), ("Saldo", "1.000", "1.050")),
        header_rows=1,
    ),
    BLANK,
    *_lines("3. Ambulancezorg", level=2),
    *_lines("Wat willen we bereiken?", level=3),
    *_lines("Hulp is binnen vijftien minuten ter plaatse."),
    *_lines("4. Financiën", level=2),
    *_lines("De inwonerbijdrage stijgt met de loon- en prijsontwikkeling."),
]  # fmt: skip
LETTER = _lines("Geachte leden van de raad,", "Met deze brief sturen wij u de begroting.")


def test_bundle_parts_split_on_the_part_break():
    blocks = [*AGENDA, PART_BREAK, *BUDGET]
    assert split_parts(blocks) == [AGENDA, BUDGET]
    assert split_parts(AGENDA) == [AGENDA]
    assert render_text([PART_BREAK]) == ""  # a paragraph break to every other reader


def test_bundle_budget_part_gives_the_programmes_other_parts_stay_text():
    doc = parse_document([*AGENDA, PART_BREAK, *BUDGET, PART_BREAK, *LETTER], "", "b.pdf", "h")
    assert doc.family == "programme"
    assert [(p.number, p.title) for p in doc.programmes] == [
        ("2", "Publieke gezondheid"),
        ("3", "Ambulancezorg"),
    ]
    assert (doc.document_type, doc.year) == ("begroting", 2026)
    amounts = [a for s in doc.all_sections() for t in s.tables for a in t.amounts]
    assert len(amounts) == 6
    # the agenda's and the letter's sections are the document's own
    own = [p.text for s in doc.sections for p in s.paragraphs]
    assert "De voorzitter opent de vergadering om 14.00 uur." in own
    assert any(text.startswith("Met deze brief") for text in own)
    assert all(s.programme_id is None for s in doc.sections)
    # positions run over the file, ids are unique
    sections = doc.all_sections()
    assert [s.order for s in sections] == list(range(len(sections)))
    assert [p.order for p in doc.programmes] == [0, 1]
    ids = [s.section_id for s in sections] + [p.programme_id for p in doc.programmes]
    assert len(ids) == len(set(ids))
    # the same blocks read as one document: the agenda's programme heading takes the
    # budget's chapters away
    whole = parse_document([*AGENDA, *BUDGET, *LETTER], "", "b.pdf", "h")
    assert [p.number for p in whole.programmes] != ["2", "3"]


def test_bundle_part_typed_by_its_title_alone_is_no_budget_part():
    proposal = [
        *_lines("Raadsvoorstel Begroting 2026", level=1),
        *_lines("Portefeuillehouder: J. de Vries"),
        *_lines("Wij stellen u voor de begroting vast te stellen."),
    ]
    doc = parse_document([*proposal, PART_BREAK, *BUDGET], "", "b.pdf", "h")
    assert [p.number for p in doc.programmes] == ["2", "3"]
    assert all(s.programme_id is None for s in doc.sections)


def test_bundle_without_budget_part_is_one_text():
    blocks = [*AGENDA, PART_BREAK, *LETTER]
    doc = parse_document(blocks, "", "b.pdf", "h")
    one = parse_document([*AGENDA, *LETTER], "", "b.pdf", "h")
    assert doc.to_dict() == one.to_dict()


def test_bundle_budget_split_at_a_restart_is_joined_again():
    # a jaarverslag and its jaarrekening numbered apart: both parts are budget parts of the
    # same type and year, parsed together
    report = [
        *_lines("Jaarverslag 2025", level=1),
        *_lines("Programma 1 Veiligheid", level=1),
        *_lines("Wat hebben we bereikt?", level=2),
        *_lines("De brandweer was op tijd ter plaatse."),
    ]
    accounts = [
        *_lines("Jaarrekening 2025", level=1),
        *_lines("Programma 2 Zorg", level=1),
        *_lines("Wat heeft het gekost?", level=2),
        *_lines("De lasten bleven binnen de begroting."),
    ]
    doc = parse_document([*report, PART_BREAK, *accounts], "", "j.pdf", "h")
    one = parse_document([*report, *accounts], "", "j.pdf", "h")
    assert [(p.number, p.title) for p in doc.programmes] == [
        (p.number, p.title) for p in one.programmes
    ]
    assert (doc.document_type, doc.year) == ("jaarverslag", 2025)


def test_bundle_fixture_pdf_is_read_as_three_documents():
    """The golden-file bundle (``scripts/make_bundle_fixture.py``): agenda, budget, letter."""
    from pathlib import Path

    from pipeline.ingest.readers import read_input
    from pipeline.records import content_hash

    path = Path(__file__).parent / "fixtures/raw/programme/bundle_ab_noorderland.pdf"
    raw = read_input(path)
    blocks = raw.layout()
    assert blocks.count(PART_BREAK) == 2
    doc = parse_document(blocks, raw.text, path.name, content_hash(raw.data))
    assert [(p.number, p.title) for p in doc.programmes] == [
        ("2", "Brandweerzorg"),
        ("3", "Crisisbeheersing"),
    ]
    assert (doc.document_type, doc.year, doc.municipality) == ("begroting", 2026, None)
    # read as one document, the agenda's larger numbered items are the chapters
    one = parse_document([b for b in blocks if b != PART_BREAK], raw.text, path.name, "h")
    assert [p.number for p in one.programmes] == ["5"]
