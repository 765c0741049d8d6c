"""Positioned PDF lines into blocks (``pipeline/ingest/pdf_layout.py``): tables whose
caption wraps between stacked header lines (the layout of a real Programmabegroting),
headings set in the body font."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest.layout import Block
from pipeline.ingest.pdf_layout import Fragment, PdfLine, blocks_from_lines

YEARS = ["2019", "2020", "2021"]


def _line(y: float, size: float, *cells: tuple[float, str]) -> PdfLine:
    frags = [Fragment(x, y, size, text, width=len(text) * size * 0.5) for x, text in cells]
    return PdfLine(y, size, frags)


def _cost_page(caption_rest: str | None) -> list[PdfLine]:
    """'Programma: P0 Bestuur en' / 'Rekening Begroting Begroting' / 'ondersteuning' /
    unit cell with years / rows of figures, positions as in the real page."""
    cols = [280.0, 334.0, 388.0]
    lines = [
        _line(600, 10, (71, "Wat gaat het kosten ?")),
        _line(536, 8, (73, "Programma: P0 Bestuur en")),
        _line(528.5, 7, *zip(cols, ["Rekening", "Begroting", "Begroting"], strict=True)),
    ]
    if caption_rest:
        lines.append(_line(521.2, 8, (73, caption_rest)))
    lines.append(_line(506.8, 8, (73, "bedragen x € 1.000"), *zip(cols, YEARS, strict=True)))
    y = 491.4
    for label, kind, values in [
        ("0.1 Bestuur", "Baten", ["89", "0", "0"]),
        ("", "Lasten", ["-2.032", "-2.087", "-2.244"]),
        ("", "Saldo", ["-1.943", "-2.087", "-2.244"]),
    ]:
        cells = [(71.0, label)] if label else []
        lines.append(_line(y, 9, *cells, (228, kind), *zip(cols, values, strict=True)))
        y -= 15.4
    lines.append(_line(y - 30, 9, (71, "Toelichting bij de cijfers van dit programma.")))
    return lines


def _header(table: Block) -> list[str]:
    head = table.rows[: table.header_rows]
    return [" ".join(c for c in col if c) for col in zip(*head, strict=True)]


def test_pdf_layout_caption_wrapped_between_header_lines_stays_in_table():
    blocks = [b for b in blocks_from_lines([_cost_page("ondersteuning")], 3) if b.kind != "blank"]
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1
    header = _header(tables[0])
    assert header[-3:] == ["Rekening 2019", "Begroting 2020", "Begroting 2021"]
    assert "ondersteuning" in header[0]
    assert not any(b.kind == "line" and b.text == "ondersteuning" for b in blocks)
    # the text after the figures is no part of the table
    assert blocks[-1].kind == "line" and blocks[-1].text.startswith("Toelichting")


def test_pdf_layout_one_line_caption_unchanged():
    blocks = [b for b in blocks_from_lines([_cost_page(None)], 3) if b.kind == "table"]
    header = _header(blocks[0])
    assert header[-3:] == ["Rekening 2019", "Begroting 2020", "Begroting 2021"]


def test_pdf_layout_figure_in_the_label_run_moves_to_its_column():
    """A PDF writer that sets "Baten" and its first figure in one text run: the figure
    reaches us inside the label cell and goes back to the first value column."""
    cols = [280.0, 334.0, 388.0]
    lines = [
        _line(506.8, 8, (73, "bedragen x € 1.000"), *zip(cols, YEARS, strict=True)),
        _line(491, 8, (73, "Baten 2.483"), *zip(cols[1:], ["102", "105"], strict=True)),
        _line(476, 8, (73, "Saldo"), *zip(cols, ["-4.145", "-4.387", "-4.496"], strict=True)),
        _line(461, 8, (73, "Kerkehout 6"), *zip(cols, ["145", "131", "-"], strict=True)),
        _line(446, 8, (73, "Rekening 2023"), *zip(cols[1:], ["7", "8"], strict=True)),
    ]
    table = next(b for b in blocks_from_lines([lines], 3) if b.kind == "table")
    body = [list(r) for r in table.rows[table.header_rows :]]
    assert body[0][:2] == ["Baten", "2.483"]
    assert body[2][:2] == ["Kerkehout 6", "145"]  # a label ending in a number, column full
    assert body[3][:2] == ["Rekening 2023", ""]  # a year stays in the label


def test_pdf_layout_numbered_item_at_a_tab_stop_is_text_not_a_table():
    lines = [
        _line(700, 9, (71, "1.1"), (107, "Uitgevoerd uitvoeringsplan 2026 van het beleid")),
        _line(683, 9, (71, "1.2"), (107, "Geëvalueerd uitvoeringsplan 2026")),
        _line(650, 9, (71, "Rekening"), (280, "2019"), (334, "2020")),
        _line(635, 9, (71, "Baten"), (280, "12"), (334, "14")),
        _line(620, 9, (71, "2.1"), (280, "Inzet boa's")),  # inside a table: a row
    ]
    blocks = [b for b in blocks_from_lines([lines], 3) if b.kind != "blank"]
    assert [b.kind for b in blocks[:2]] == ["line", "line"]
    assert blocks[0].text == "1.1 Uitgevoerd uitvoeringsplan 2026 van het beleid"
    table = blocks[2]
    assert table.kind == "table" and table.rows[-1][0] == "2.1"


def test_pdf_layout_lone_numbered_agenda_item_keeps_its_cells():
    """A decision list: "7.2" | "Nota reserves ..." over running text at the margin is no
    list run (its heading-like text must not become document evidence)."""
    lines = [
        _line(700, 9, (71, "7.2"), (107, "Nota reserves en voorzieningen")),
        _line(683, 9, (71, "Het college stelt de nota vast en stuurt haar naar de raad.")),
        _line(650, 9, (71, "7.3"), (107, "Zienswijze ontwerpbegroting 2025")),
        _line(633, 9, (71, "Het college stemt in met de zienswijze.")),
    ]
    blocks = [b for b in blocks_from_lines([lines], 3) if b.kind != "blank"]
    assert [b.kind for b in blocks] == ["table", "line", "table", "line"]


# round 5 (GGD Flevoland, InDesign): two columns, spaced hyphens, stacked tables ---------

LEFT = [
    "De afdeling jeugdgezondheidszorg is in 2025 samen",
    "gevoegd met de directie Jeugd en Gezin. Zij werkt",
    "in vijf gemeenten aan de gezondheid van kinderen.",
]
RIGHT = [
    "Vanuit het beleidsplan werkt de afdeling aan de",
    "volgende opgaven voor alle kinderen en gezinnen",
    "in de regio, samen met de partners in het veld.",
]


def _frag(x: float, y: float, text: str, size: float = 9) -> Fragment:
    return Fragment(x, y, size, text, width=len(text) * size * 0.45)


def test_pdf_two_columns_on_shared_baselines_read_column_by_column():
    from pipeline.ingest.pdf import _lines

    frags = [_frag(42, 800, "Hoofdstuk over de jeugd en de gezondheid van het gezin", 14)]
    for k, (a, b) in enumerate(zip(LEFT, RIGHT, strict=True)):
        frags += [_frag(42, 700 - 13 * k, a), _frag(308, 700 - 13 * k, b)]
    # a cost table below the columns: its label and figures stay one row
    frags += [_frag(45, 600, "Baten derden"), _frag(311, 600, "2.177"), _frag(381, 600, "1.995")]
    texts = [ln.text for ln in _lines(frags)]
    assert texts == [
        "Hoofdstuk over de jeugd en de gezondheid van het gezin",
        *LEFT,
        *RIGHT,
        "Baten derden 2.177 1.995",
    ]
    assert len(_lines(frags)[-1].cells) == 3


def test_pdf_one_column_with_a_text_table_keeps_its_rows():
    from pipeline.ingest.pdf import _lines

    # one line with text on both sides is no page of columns
    frags = [_frag(42, 700, LEFT[0]), _frag(308, 700, RIGHT[0]), _frag(42, 687, LEFT[1])]
    assert [len(ln.cells) for ln in _lines(frags)] == [2, 1]


def _prose_page(ends: list[str]) -> list[list[PdfLine]]:
    lines = [_line(700 - 13 * k, 9, (42, text)) for k, text in enumerate(ends)]
    lines.append(_line(600, 9, (42, "gevoegd en daarmee klaar.")))
    return [lines]


def test_pdf_layout_spaced_line_end_hyphens_are_closed():
    from pipeline.ingest.pdf_layout import close_spaced_hyphens

    page = _prose_page(["is in 2025 samen -", "als psycho -", "de vergroting van infectieziekte -"])
    close_spaced_hyphens(page)
    assert [ln.cells[-1].text for ln in page[0][:3]] == [
        "is in 2025 samen-",
        "als psycho-",
        "de vergroting van infectieziekte-",
    ]
    blocks = blocks_from_lines(_prose_page(["samen -", "als psycho -", "van infectieziekte -"]), 3)
    assert "samen" in blocks[0].text and " -" not in blocks[0].text


def test_pdf_layout_spaced_dashes_stay_in_a_document_that_writes_them():
    from pipeline.ingest.pdf_layout import close_spaced_hyphens

    ends = ["het plan - zo zei hij - was af -", "een - twee - drie -", "of niet -"]
    page = _prose_page(ends)
    close_spaced_hyphens(page)
    assert [ln.cells[-1].text for ln in page[0][:3]] == ends


def test_pdf_layout_years_row_under_amounts_starts_the_next_table():
    cols = [315.0, 386.0]
    lines = [
        _line(712, 7, *zip(cols, ["2023", "2024"], strict=True)),
        _line(703, 7, (45, "Indicator")),
        _line(695, 7, *zip(cols, ["realisatie", "realisatie"], strict=True)),
        _line(678, 8.5, (45, "Aantal PGO’s BO, VO, SO en op indicatie (uniek")),
        _line(673, 8.5, *zip(cols, ["24.021", "25.821"], strict=True)),
        _line(668, 8.5, (45, "aantal kinderen)")),
        _line(
            649, 8.5, (45, "Aantal vervolgconsulten"), *zip(cols, ["7.531", "7.350"], strict=True)
        ),
        _line(579, 7, *zip(cols, ["2023", "2024"], strict=True)),
        _line(570, 7, (45, "Bedragen (x €1.000)")),
        _line(562, 7, *zip(cols, ["realisatie", "realisatie"], strict=True)),
        _line(541, 8.5, (45, "Kosten"), *zip(cols, ["20.470", "22.253"], strict=True)),
    ]
    tables = [b for b in blocks_from_lines([lines], 3) if b.kind == "table"]
    assert len(tables) == 2
    indicators, costs = tables
    assert indicators.rows[indicators.header_rows :] == (
        ("Aantal PGO’s BO, VO, SO en op indicatie (uniek aantal kinderen)", "24.021", "25.821"),
        ("Aantal vervolgconsulten", "7.531", "7.350"),
    )
    assert _header(costs) == ["Bedragen (x €1.000)", "2023 realisatie", "2024 realisatie"]
    assert costs.rows[costs.header_rows :] == (("Kosten", "20.470", "22.253"),)


def test_layout_hyphen_kept_after_an_acronym():
    from pipeline.ingest.layout import join_hyphenated

    assert join_hyphenated("vanuit incidentele GALA-", "middelen die") == (
        "vanuit incidentele GALA-middelen",
        "die",
    )
    assert join_hyphenated("de gemeente-", "lijke taken") == ("de gemeentelijke", "taken")


def test_pdf_layout_running_header_with_page_number_is_two_pieces_of_furniture():
    pages = [
        [
            _line(826, 8, (42, "GGD Flevoland Begroting 2026"), (523, str(n))),
            _line(700, 9, (42, f"{word} is een zaak van de gezondheid van inwoners.")),
        ]
        for n, word in zip(range(3, 7), ["Preventie", "Zorg", "Jeugd", "Toezicht"], strict=True)
    ]
    furniture = [b.text for b in blocks_from_lines(pages, 3) if b.kind == "furniture"]
    assert furniture[:2] == ["GGD Flevoland Begroting 2026", "3"]
    assert len(furniture) == 8


def test_pdf_line_end_hyphen_set_apart_joins_its_column_text():
    from pipeline.ingest.pdf import _lines

    # justified two-column text: the hyphen stands at the column's right edge, well past
    # where the glyph widths end the word ("klimaatver" ... "-"), in both columns
    frags = []
    for k, (a, b) in enumerate(zip(LEFT, RIGHT, strict=True)):
        frags += [_frag(42, 700 - 13 * k, a), _frag(308, 700 - 13 * k, b)]
    frags += [_frag(42, 661, "een groeiend risico is de invloed van klimaatver")]
    frags += [
        _frag(256, 661, "-"),
        _frag(308, 661, "de schooltijd van kinderen niet"),
        _frag(460, 661, "-"),
    ]
    frags += [
        _frag(42, 648, "andering op de gezondheid van alle inwoners"),
        _frag(308, 648, "ontregelt en de druk op leerkrachten"),
    ]
    texts = [ln.text for ln in _lines(frags)]
    assert "een groeiend risico is de invloed van klimaatver -" in texts
    assert "de schooltijd van kinderen niet -" in texts
    assert all(len(ln.cells) == 1 for ln in _lines(frags))
    # a nil amount in a table keeps its cell
    row = [
        _frag(45, 500, "Bijdrage aan de reserve"),
        _frag(200, 500, "-"),
        _frag(260, 500, "1.200"),
    ]
    assert [c.text for c in _lines(row)[0].cells] == ["Bijdrage aan de reserve", "-", "1.200"]


def _ggd_cost_rows(top: float, empty: tuple[str, ...]) -> list[PdfLine]:
    """A cost table of the GGD budget's layout: rows 20 pt apart, some without figures."""
    cols = [311.0, 381.0]
    lines = [
        _line(top, 7, *zip(cols, ["2023", "2024"], strict=True)),
        _line(top - 10, 7, (45, "Bedragen (x €1.000)")),
        _line(top - 20, 7, *zip(cols, ["realisatie", "realisatie"], strict=True)),
    ]
    y = top - 40
    for label, values in [
        ("Kosten", ["1.514", "1.815"]),
        ("Baten basispakket gemeenten", []),
        ("Baten pluspakket gemeenten", ["1.525", "1.822"]),
        ("Specificatie doorberekening aan team:", []),
        ("Jeugd en Gezin", ["1.703", "3.380"]),
    ]:
        if label in empty or not values:
            lines.append(_line(y, 8.5, (45, label)))
        else:
            lines.append(_line(y, 8.5, (45, label), *zip(cols, values, strict=True)))
        y -= 19.8
    lines.append(_line(y - 40, 9, (42, "Dit is de tekst onder de tabel, een gewone alinea.")))
    return lines


def test_pdf_layout_rows_without_figures_stay_in_the_table():
    blocks = [b for b in blocks_from_lines([_ggd_cost_rows(700, ())], 3) if b.kind != "blank"]
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert _header(table) == ["Bedragen (x €1.000)", "2023 realisatie", "2024 realisatie"]
    assert table.rows[table.header_rows :] == (
        ("Kosten", "1.514", "1.815"),
        ("Baten basispakket gemeenten", "", ""),
        ("Baten pluspakket gemeenten", "1.525", "1.822"),
        ("Specificatie doorberekening aan team:", "", ""),
        ("Jeugd en Gezin", "1.703", "3.380"),
    )
    assert blocks[-1].kind == "line" and blocks[-1].text.startswith("Dit is de tekst")


def test_pdf_layout_labels_wrapped_above_their_figures_stay_with_their_rows():
    cols = [315.0, 386.0]
    lines = [
        _line(533, 7, *zip(cols, ["2023", "2024"], strict=True)),
        _line(523, 7, (45, "Indicator")),
        _line(513, 7, *zip(cols, ["realisatie", "realisatie"], strict=True)),
        # a label over two lines, the figures on the second
        _line(495.1, 8.5, (45, "Aantal binnengekomen meldingen en adviesvragen")),
        _line(484.6, 8.5, (45, "Vangnet en Advies"), *zip(cols, ["1.833", "1.998"], strict=True)),
        # one line, the figures set a little lower (vertically centred)
        _line(465.8, 8.5, (45, "Aantal Wvggz Meldingen")),
        _line(461.9, 8.5, *zip(cols, ["39", "46"], strict=True)),
        # three lines, the figures on the last
        _line(447.0, 8.5, (45, "Aantal plaatsingen dak- en thuislozen binnen")),
        _line(436.5, 8.5, (45, "maatschappelijke opvang Flevoland (nachtopvang,")),
        _line(
            426.0, 8.5, (45, "slaaphuis en housing first)"), *zip(cols, ["348", "348"], strict=True)
        ),
    ]
    tables = [b for b in blocks_from_lines([lines], 3) if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert _header(table) == ["Indicator", "2023 realisatie", "2024 realisatie"]
    assert table.rows[table.header_rows :] == (
        ("Aantal binnengekomen meldingen en adviesvragen Vangnet en Advies", "1.833", "1.998"),
        ("Aantal Wvggz Meldingen", "39", "46"),
        (
            "Aantal plaatsingen dak- en thuislozen binnen maatschappelijke opvang Flevoland"
            " (nachtopvang, slaaphuis en housing first)",
            "348",
            "348",
        ),
    )


def test_pdf_layout_first_row_further_below_the_header_stays_in_the_table():
    cols = [315.0, 386.0]
    lines = [
        _line(710, 7, *zip(cols, ["2024", "2025"], strict=True)),
        _line(690, 7, *zip(cols, ["realisatie", "begroting"], strict=True)),
        # the first row's label starts 28 pt below the header, its figures centred on it
        _line(662, 8.5, (45, "Aantal kwartiergrensoverschrijdingen minder dan")),
        _line(657, 8.5, *zip(cols, ["92,30%", "92,80%"], strict=True)),
        _line(652, 8.5, (45, "5% van het aantal A1 vervoeren")),
        _line(616, 8.5, (45, "Certificering"), *zip(cols, ["behaald", "behaald"], strict=True)),
        _line(565, 7, *zip(cols, ["2023", "2024"], strict=True)),
        _line(555, 7, (45, "Bedragen (x €1.000)")),
        _line(545, 7, *zip(cols, ["realisatie", "realisatie"], strict=True)),
        _line(524, 8.5, (45, "Kosten"), *zip(cols, ["25.544", "28.779"], strict=True)),
    ]
    tables = [b for b in blocks_from_lines([lines], 3) if b.kind == "table"]
    assert len(tables) == 2
    first, costs = tables
    assert _header(first)[1:] == ["2024 realisatie", "2025 begroting"]
    assert first.rows[first.header_rows :] == (
        (
            "Aantal kwartiergrensoverschrijdingen minder dan 5% van het aantal A1 vervoeren",
            "92,30%",
            "92,80%",
        ),
        ("Certificering", "behaald", "behaald"),
    )
    assert _header(costs) == ["Bedragen (x €1.000)", "2023 realisatie", "2024 realisatie"]


def _overview_page(spanning: str) -> list[PdfLine]:
    """A statement of income and expenditure: "Begroting 2026" centred over the three
    columns, a unit in the label column, then two columns of running text."""
    cols = [377.0, 447.0, 520.0]
    lines = [
        _line(710, 15, (42, "7.2 Het overzicht van baten en lasten")),
        _line(671, 7, (417, spanning)),
        _line(663.5, 7, (45, "Bedragen x € 1.000")),
        _line(656, 7, *zip(cols, ["Baten", "Lasten", "Saldo"], strict=True)),
        _line(
            638,
            8.5,
            (45, "Programma Publieke Gezondheid"),
            *zip(cols, ["79.195", "69.450", "-9.744"], strict=True),
        ),
        _line(618, 8.5, (45, "Overhead"), *zip(cols, ["3.330", "13.074", "9.744"], strict=True)),
        _line(
            589,
            9,
            (42, "We baseren de ramingen voor 2026 op de volgende"),
            (322, "- Plus- en markttaken op basis van meest recente gegevens"),
        ),
        _line(
            576,
            9,
            (42, "uitgangspunten van het bestuur en de directie:"),
            (322, "- Actualiseren van de bedrijfskosten van de organisatie."),
        ),
    ]
    for line in lines:  # header lines in bold, as set
        for cell in line.cells:
            cell.bold = line.size == 7
    return lines


def test_pdf_layout_header_lines_above_a_table_and_a_spanning_header():
    blocks = [
        b for b in blocks_from_lines([_overview_page("Begroting 2026")], 3) if b.kind != "blank"
    ]
    tables = [b for b in blocks if b.kind == "table"]
    costs = tables[0]
    assert _header(costs) == [
        "Bedragen x € 1.000",
        "Begroting 2026 Baten",
        "Begroting 2026 Lasten",
        "Begroting 2026 Saldo",
    ]
    assert costs.rows[costs.header_rows :] == (
        ("Programma Publieke Gezondheid", "79.195", "69.450", "-9.744"),
        ("Overhead", "3.330", "13.074", "9.744"),
    )
    # the two columns of text after the table are no rows of it
    assert all("ramingen" not in " ".join(r) for r in costs.rows)


def test_pdf_layout_header_over_its_own_column_is_not_spread():
    cols = [390.0, 444.0, 518.0]
    lines = [
        _line(702, 8, (444, "Realisatie"), (518, "Realisatie")),
        _line(
            687,
            8,
            (71, "Naam Indicator"),
            *zip(cols, ["Bron", "Wassenaar", "Nederland"], strict=True),
        ),
        _line(
            672,
            8,
            (71, "Verwijzingen Halt"),
            *zip(cols, ["CBS", "4,2 (2024)", "8,3 (2024)"], strict=True),
        ),
        _line(
            657,
            8,
            (71, "Winkeldiefstallen"),
            *zip(cols, ["CBS", "1,3 (2024)", "2,2 (2024)"], strict=True),
        ),
    ]
    table = next(b for b in blocks_from_lines([lines], 3) if b.kind == "table")
    assert _header(table) == [
        "Naam Indicator",
        "Bron",
        "Realisatie Wassenaar",
        "Realisatie Nederland",
    ]


def test_pdf_layout_table_of_contents_in_two_columns():
    toc = [
        _line(762, 24, (42, "Inhoudsopgave")),
        _line(710, 11.5, (42, "1. Inleiding 3"), (308, "6. Ambulancehulpverlening")),
        _line(697, 11.5, (322, "en meldkamer 2"), (543, "5")),
        _line(658, 11.5, (42, "2. Op weg naar een robuuste"), (308, "7. Financiën 2"), (543, "7")),
        _line(645, 11.5, (56, "(Bestuurlijke Opdracht) 5")),
        _line(
            619,
            9,
            (56, "5.1 Jeugd en gezin 1"),
            (278, "4"),
            (322, "Bijlage 3 Lijst met afkortingen"),
            (539, "49"),
        ),
    ]
    text = [
        _line(700, 24, (42, "1. Inleiding")),
        _line(650, 9, (42, "De begroting van de organisatie staat in het teken van de toekomst.")),
    ]
    blocks = blocks_from_lines([toc, text], 3)
    furniture = [b.text for b in blocks if b.kind == "furniture"]
    assert furniture == [
        "Inhoudsopgave",
        "1. Inleiding 3",
        "6. Ambulancehulpverlening",
        "en meldkamer 2 5",
        "2. Op weg naar een robuuste",
        "7. Financiën 2 7",
        "(Bestuurlijke Opdracht) 5",
        "5.1 Jeugd en gezin 1 4",
        "Bijlage 3 Lijst met afkortingen 49",
    ]
    assert [b.text for b in blocks if b.kind == "line"] == [t.text for t in text]


def test_pdf_layout_row_with_a_figure_in_one_column_only():
    cols = [315.0, 386.0, 528.0]
    lines = [
        _line(709, 7, *zip(cols, ["2023", "2024", "2026"], strict=True)),
        _line(699, 7, (45, "Indicator (nieuwe indicatoren vanaf 2026)")),
        _line(688, 7, *zip(cols, ["realisatie", "realisatie", "begroting"], strict=True)),
        _line(668, 8.5, (45, "Aantal lopende / afgeronde onderzoeksprojecten"), (536, "10")),
        _line(650.6, 8.5, (45, "Aantal opgeleverde kennisproducten (monitors /")),
        _line(645.4, 8.5, (536, "10")),
        _line(640.1, 8.5, (45, "rapporten / factsheets etc.)")),
        _line(622.8, 8.5, (45, "Aantal participaties in externe kennisnetwerken"), (540, "5")),
    ]
    tables = [b for b in blocks_from_lines([lines], 3) if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert table.rows[table.header_rows :] == (
        ("Aantal lopende / afgeronde onderzoeksprojecten", "", "", "10"),
        (
            "Aantal opgeleverde kennisproducten (monitors / rapporten / factsheets etc.)",
            "",
            "",
            "10",
        ),
        ("Aantal participaties in externe kennisnetwerken", "", "", "5"),
    )


def test_pdf_footnote_mark_after_a_word_joins_it():
    from pipeline.ingest.pdf import _lines

    frags = []
    for k, (a, b) in enumerate(zip(LEFT, RIGHT, strict=True)):
        frags += [_frag(42, 700 - 13 * k, a), _frag(308, 700 - 13 * k, b)]
    # "... het Regiobeeld" + raised "7" well past the word's glyph widths + " en"
    frags += [
        _frag(42, 661, "lokale plannen van de gemeenten, het Regiobeeld"),
        _frag(250, 664, " 7", 5.2),
        _frag(253, 661, " en"),
        _frag(308, 661, "zorgvraag zet de organisatie zich sinds enkele jaren"),
    ]
    lines = _lines(frags)
    texts = [ln.text for ln in lines]
    assert "lokale plannen van de gemeenten, het Regiobeeld7 en" in texts
    assert "zorgvraag zet de organisatie zich sinds enkele jaren" in texts
    assert all(len(ln.cells) == 1 for ln in lines)


def _stream_pdf(content: bytes) -> object:
    """A one-page PDF whose page shows ``content`` in a font with /Widths (500 per code)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        NameObject("/FirstChar"): NumberObject(32),
        NameObject("/LastChar"): NumberObject(126),
        NameObject("/Widths"): ArrayObject([NumberObject(500)] * 95),
    })  # fmt: skip
    page[NameObject("/Resources")] = DictionaryObject({
        NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    })  # fmt: skip
    stream = DecodedStreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    import io

    buffer = io.BytesIO()
    writer.write(buffer)
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0]


def test_pdf_cells_set_by_their_own_operators_on_one_baseline_are_cut_apart():
    """pypdf's text visitor joins a table row whose cells are shown by separate operators
    at their columns ("Kosten 18.679 20.470" in a GGD budget); the operators' extents cut
    it into cells again. Words moved by a word space, and text shown on where the last
    operator ended, stay one cell; a space shown alone at the label column before a row of
    years does not pull the years there."""
    from collections import Counter

    from pipeline.ingest.pdf import _lines, _page_fragments

    page = _stream_pdf(
        b"BT /F1 9 Tf 46 555 Td (Kosten) Tj 256 0 Td (18.679) Tj 71 0 Td (20.470) Tj ET\n"
        b"BT /F1 9 Tf 46 530 Td (Baten basispakket) Tj ( gemeenten) Tj 256 0 Td (3.857) Tj ET\n"
        b"BT /F1 9 Tf 46 505 Td (Dit is gewoon) Tj 63 0 Td (lopende tekst.) Tj ET\n"
        b"BT /F1 9 Tf 46 480 Td ( ) Tj 266 0 Td (2025) Tj 71 0 Td (2026) Tj ET\n"
        b"BT /F1 9 Tf 46 455 Td (Aantal adviezen) Tj 266 0 Td ( ) Tj 71 0 Td (75) Tj ET\n"
    )
    lines = _lines(_page_fragments(page, None, Counter()))
    assert [[c.text for c in line.cells] for line in lines] == [
        ["Kosten", "18.679", "20.470"],
        ["Baten basispakket gemeenten", "3.857"],
        ["Dit is gewoon lopende tekst."],
        ["2025", "2026"],
        ["Aantal adviezen", "75"],
    ]
    assert [round(c.x) for c in lines[3].cells] == [312, 383]
    assert [round(c.x) for c in lines[4].cells] == [46, 383]  # an empty cell shows a space
    assert [round(c.x) for c in lines[0].cells] == [46, 302, 373]


def test_pdf_header_cells_over_two_baselines_are_cut_apart():
    """A column header set over two lines ("2022" over "realisatie") that pypdf joins
    with the header's first cell comes apart into its cells on their own baselines."""
    from collections import Counter

    from pipeline.ingest.pdf import _lines, _page_fragments

    page = _stream_pdf(
        b"BT /F1 1 Tf 7 0 0 7 46 700 Tm (Bedragen) Tj 38 0.75 Td (2022) Tj -2.5 -1.5 Td"
        b" (realisatie) Tj 12.7 1.5 Td (2023) Tj ET\n"
    )
    lines = _lines(_page_fragments(page, None, Counter()))
    assert [[c.text for c in line.cells] for line in lines] == [
        ["2022", "2023"],
        ["Bedragen"],
        ["realisatie"],
    ]


def test_pdf_layout_cost_table_goes_on_over_label_rows_and_a_page_break():
    """Rows without figures and a page break do not end a cost table; a table that starts
    with its own header does not join the one before it."""
    from pipeline.ingest.pdf_layout import _join_continued_tables

    head = ("Bedragen (x €1.000)", "2024", "2025")
    first = Block("table", rows=(head, ("Kosten", "23.971", "25.544")), header_rows=1)
    rest = Block("table", rows=(("Baten derden", "24.194", "25.935"),), header_rows=0)
    blocks = [
        first,
        Block("blank", ""),
        Block("line", "Baten basispakket gemeenten"),
        Block("blank", ""),
        Block("furniture", "GGD Flevoland Begroting 2025", reason="running header"),
        Block("furniture", "24", reason="page number"),
        rest,
    ]
    out = _join_continued_tables(blocks)
    tables = [b for b in out if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows == (
        head,
        ("Kosten", "23.971", "25.544"),
        ("Baten basispakket gemeenten", "", ""),
        ("Baten derden", "24.194", "25.935"),
    )
    assert [b.text for b in out if b.kind == "furniture"] == ["GGD Flevoland Begroting 2025", "24"]
    new_header = Block("table", rows=(("Reserves", "2024", "2025"),), header_rows=0)
    assert _join_continued_tables([first, blocks[4], new_header]) == [first, blocks[4], new_header]


LETTER = [
    "Van maandag 12 mei tot en met vrijdag 20 juni 2025 vinden er werkzaamheden plaats aan de "
    "Kerkstraat. De riolering wordt vervangen en de weg wordt opnieuw ingericht.",
    "Wat gaan we doen?",
    "Wij vervangen het oude riool door een nieuw riool. Ook leggen we een nieuwe stoep aan en "
    "planten we bomen. Na afloop is de straat veiliger voor fietsers en voetgangers.",
    "",
    "Informatieavond",
    "Op dinsdag 29 april organiseren wij een informatieavond in het dorpshuis. U bent van harte "
    "welkom van 19.30 tot 21.00 uur. Aanmelden is niet nodig.",
]


def _letter_pdf(path: Path) -> None:
    """``LETTER`` as a PDF in one font and size: headings at the text's line spacing right
    above their paragraph, an empty entry a paragraph gap; the first paragraph wraps before
    a capital ("aan de" / "Kerkstraat.")."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    first = LETTER[0].split(" Kerkstraat.")[0]
    width = pdf.get_string_width(first) + 2 * pdf.c_margin + 3  # too narrow for " Kerkstraat."
    for k, text in enumerate(LETTER):
        if not text:
            pdf.ln(11)
            continue
        pdf.multi_cell(width if k == 0 else 500, 17, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_pdf_layout_heading_in_the_body_font_keeps_its_own_line(tmp_path: Path):
    """A short line without a sentence end (or a question) right above a paragraph in the
    same font, size and spacing is a line of its own, as in a text file; a sentence wrapped
    before a capital stays one paragraph. The parser then reads the letter as it reads the
    same letter as text: the same headings and paragraphs."""
    pytest.importorskip("fpdf")
    from pipeline.ingest.layout import text_blocks
    from pipeline.ingest.programme import parse_document
    from pipeline.ingest.readers import read_input

    path = tmp_path / "brief.pdf"
    _letter_pdf(path)
    raw = read_input(path)
    lines = [b.text for b in raw.layout() if b.kind == "line"]
    assert lines[0].startswith("Van maandag") and "aan de Kerkstraat. De" in lines[0]
    assert lines[1] == "Wat gaan we doen?" and lines[2].startswith("Wij vervangen")
    assert lines[3] == "Informatieavond" and lines[4].startswith("Op dinsdag")

    def read(blocks: list[Block], name: str) -> list[tuple[str | None, list[str]]]:
        doc = parse_document(blocks, "", name, name)
        return [(s.heading, [p.text for p in s.paragraphs]) for s in doc.all_sections()]

    as_text = read(text_blocks("\n".join(LETTER)), "brief.txt")
    assert [h for h, _ in as_text] == [None, "Wat gaan we doen?", "Informatieavond"]
    assert read(raw.layout(), "brief.pdf") == as_text


def test_pdf_layout_heading_size_wrapped_over_lines_stays_one_heading():
    """Lines in a heading size are one heading however short the first is ("Bijlage 1" /
    "Overzicht plustaken per gemeente"); in the body size the short line stands alone."""
    body = "De GGD voert voor een aantal gemeenten plustaken uit die buiten het basispakket vallen."
    pages = [
        [
            _line(700, 14, (70, "Bijlage 1")),
            _line(683, 14, (70, "Overzicht plustaken per gemeente")),
            _line(650, 9, (70, "Plustaken")),
            _line(639, 9, (70, body)),
            _line(628, 9, (70, body)),
        ]
    ]
    lines = [(b.text, b.style_level) for b in blocks_from_lines(pages, 3) if b.kind == "line"]
    assert lines == [
        ("Bijlage 1 Overzicht plustaken per gemeente", 1),
        ("Plustaken", 0),
        (f"{body} {body}", 0),
    ]
