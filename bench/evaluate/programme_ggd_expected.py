"""Write the expected records of the held-out GGD Flevoland Begroting 2026 (heldout3).

    .venv/bin/python bench/evaluate/programme_ggd_expected.py

Written and committed BEFORE the project's parser was run on this document, without reading
the parser's code. Source: github meijer1973/azwa @ 7cf7325e3608b0eeb68d4521ca5f45614111c5fe,
``data/raw/regional/reg_ggd_flevoland_begroting_2026.pdf`` (49 pages, Adobe InDesign), copied
by ``programme_real2_export.py`` to ``<eval dir>/programme_documents2/heldout/`` (not
committed). GGD Flevoland is a joint arrangement (gemeenschappelijke regeling) of the six
Flevoland municipalities, not a municipality.

Everything is read from pypdf's plain ``extract_text`` (an independent reading, not the
project's layout reader); where a table row has fewer figures than columns, the column was
read from pypdf's ``extraction_mode="layout"`` text of that page and is written down below
(``AMOUNT_FIXES``, ``INDICATOR_FIXES``). Hand-written parts (programmes, furniture lines,
hyphenated words, texts) are checked against the plain text by ``check_*`` below, so a typo
stops the script.

Conventions (differences from the municipal budgets, see the folder's README):

* ``municipality`` is null: the ``documents.municipality`` column holds an official
  municipality name (pipeline/data/municipalities.csv) and this document is not one
  municipality's; the six members, and "gemeente Lelystad"/"gemeente Almere", are named in
  it, but none of them is its author. The organisation is kept in ``organisation`` (not
  compared).
* Programmes: chapters 5 "Publieke gezondheid" and 6 "Ambulancehulpverlening en meldkamer",
  the two chapters with "Wat willen we bereiken?" and a cost table per task field. Chapters
  1-4 (introduction, developments), 7 (Financiën), 8 (Paragrafen) and the annexes are not.
  The BBV overview (7.2) names one "Programma Publieke Gezondheid" covering both; the
  chapter view is the one a reader of the document sees. No holders per programme (the
  board of six aldermen governs the whole arrangement), no programme director (the
  director who signs the introduction is the director of the whole GGD).
* Amounts, one entry per printed cell (empty cells and a lone "." skipped): the
  "Bedragen (x €1.000)" table of every sub-section of chapter 5 (5.1-5.6), of chapter 6 and
  of 8.3 Bedrijfsvoering (with its "Specificatie doorberekening" rows in the 2025/2026
  columns); the two tables of 7.2 (Het overzicht van baten en lasten, Toelichting); the
  Taakveldenoverzicht of Bijlage 2. ``programme`` is "5"/"6" inside those chapters, null
  elsewhere. Row: the label as printed (taakveld rows "<code> <name>"). Column: the header
  words above the cell ("2023 realisatie", "Begroting 2026 Baten", "meerjarenraming 2027");
  compared as a set of words. Caption: the (sub-)section heading the table stands under.
  Not transcribed: the inwonerbijdrage tables (7.1), balance and EMU (7.3), reserves, risks,
  ratios and treasury tables (8.1, 8.2), the plustaken annex (Bijlage 1), the figures on
  the "in één oogopslag" page.
* Indicators: every cell of the "Indicator" tables of chapters 5 and 6 (name, value, period
  = the column header as printed; some headers are misprinted and kept as printed) and the
  five BBV beleidsindicatoren of Bijlage 2 (one value each).
* Pairs: none. The document states goals as paragraphs or bullet lists under "Wat willen we
  bereiken?" and activities as bullet lists under "Wat doen we daarvoor?"; there is no
  one-to-one goal-action pairing to label (labelled as none, not "not labelled").
* Furniture: the running header "GGD Flevoland Begroting 2026" (top of every page), the
  page numbers of the pages that a checked sentence runs onto, and the table-of-contents
  lines of page 2 (no dot leaders; page numbers at a tab stop). The chapter running headers
  ("5. Publieke gezondheid", "8. Paragrafen", ...) equal real chapter headings, so they
  cannot be told apart by the evaluator and are not listed; one of them is misprinted
  ("6. Ambulancehulpverlening en meldkamer" above page 31 in chapter 7), which shows up in
  the programme split instead.
"""

# ruff: noqa: E501
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import pypdf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.evaluate.common import eval_dir  # noqa: E402

PDF = eval_dir() / "programme_documents2" / "heldout" / "ggd_flevoland_begroting_2026.pdf"
OUT = ROOT / "tests" / "fixtures" / "real" / "programme_documents" / "heldout3"
NUM = r"-?\d{1,3}(?:\.\d{3})*"
YEARS4 = ["2023 realisatie", "2024 realisatie", "2025 begroting", "2026 begroting"]

PROGRAMMES = [("5", "Publieke gezondheid", 14), ("6", "Ambulancehulpverlening en meldkamer", 25)]
# page of a "Bedragen (x €1.000)" table -> (programme, caption)
COST_PAGES = {
    15: ("5", "5.1 Jeugd en gezin"),
    17: ("5", "5.2 Algemene gezondheidszorg"),
    19: ("5", "5.3 Maatschappelijke Zorg"),
    21: ("5", "5.4 Toezicht"),
    23: ("5", "5.5 Kennis en advies en gezond leven"),
    24: ("5", "5.6 GHOR"),
    26: ("6", "6. Ambulancehulpverlening en meldkamer"),
    42: (None, "8.3 Bedrijfsvoering"),
}
# (page, row) -> the columns (0-3) of the printed figures, read from the layout text, where
# a row has fewer figures than columns ("." in a cell is no amount)
AMOUNT_FIXES = {
    (21, "Baten derden"): {0: "8", 1: "2", 3: "271"},
}
SPEC_COLUMNS = [2, 3]  # p42 "Specificatie doorberekening aan team": 2025 and 2026 only
# page -> column headers of its indicator table (as printed; p24 and p26 misprinted)
INDICATOR_PAGES = {
    15: ("5", YEARS4),
    17: ("5", YEARS4),
    19: ("5", YEARS4),
    21: ("5", YEARS4),
    22: ("5", YEARS4),
    23: ("5", YEARS4),
    24: ("5", ["2023", "2024 realisatie", "2025 begroting", "2026 begroting"]),
    26: ("6", ["2024 realisatie", "2025 begroting", "2026 begroting", "2026"]),
}
INDICATOR_FIXES = {  # name -> columns of its figures (layout text)
    "Aantal Niet-Acute adviezen Seksueel Geweld": [1, 2, 3],
    "Aantal uitgevoerde incidentele onderzoeken": [1, 2, 3],
    "Aantal lopende / afgeronde onderzoeksprojecten": [3],
    "Aantal opgeleverde kennisproducten (monitors / rapporten / factsheets etc.)": [3],
    "Aantal participaties in externe kennisnetwerken": [3],
    "Aantal lopende/ uitgevoerde gezondheidsinterventies en - aanpakken": [3],
    "Aantal participaties in externe (beleids)trajecten": [3],
}
TEXT_VALUES = {  # p26: a row of words, not figures
    "Certificering NKZ, NEN en patiënt veiligheid": ["behaald"] * 2 + ["Te behalen"] * 2,
}
BBV_INDICATORS = [  # Bijlage 2, "indicator | begroting", with the unit from the notes beside it
    ("Formatie", "1,31", "fte per 1.000 inwoners"),
    ("Bezetting", "1,31", "fte per 1.000 inwoners"),
    ("Apparaatskosten", "23,98", "per inwoner"),
    ("Externe inhuur", "3%", "% van totale loonsom + kosten inhuur externen"),
    ("Overheadkosten", "16%", "% van de totale lasten"),
]
RUNNING_HEADER = "GGD Flevoland Begroting 2026"
PAGE_NUMBERS = ["36", "37", "41"]  # pages a checked sentence runs onto
# page 2, each printed line (two columns; wrapped entries keep their line breaks), except the
# first lines of wrapped entries, which also stand in running text or begin a chapter heading
# ("toekomstbestendige GGD", "2. Op weg naar een robuuste", "3. Maatschappelijke en",
# "4. Meerjarenbeleidsplan GGD Flevoland", "en gezamenlijk Opgaven- en",
# "6. Ambulancehulpverlening"): the evaluator would count those as leaked furniture
TOC = [
    "1. Inleiding 3",
    "(Bestuurlijke Opdracht) 5",
    "organisatorische ontwikkelingen 7",
    "Uitvoeringsplan 11",
    "GGD Flevoland in één oogopslag 13",
    "5. Publieke gezondheid 14",
    "5.1 Jeugd en gezin 14",
    "5.2 Algemene gezondheidszorg 15",
    "5.3 Maatschappelijke Zorg 18",
    "5.4 Toezicht 20",
    "5.5 Kennis en advies en gezond leven 21",
    "5.6 GHOR 23",
    "en meldkamer 25",
    "7. Financiën 27",
    "7.1 Gemeentelijke bijdrage 27",
    "7.2 Het overzicht van baten en lasten 29",
    "7.3 Geprognotiseerde balans en EMU-saldo 30",
    "8. Paragrafen 32",
    "8.1 Weerstandsvermogen en risicobeheersing 32",
    "8.2 Financiering 38",
    "8.3 Bedrijfsvoering 40",
    "8.4 Samenwerkingsverbanden 42",
    "Bijlage 1 Overzicht plustaken per gemeente 45",
    "Bijlage 2 Taakvelden BBV en Beleidsindicatoren 48",
    "Bijlage 3 Lijst met afkortingen 49",
]
# words split at a line end in running text, as they must come out (a compound's own hyphen
# stays: "nieuw-op -|komende"); each occurs in the document only at that split
HYPHENATED = [
    "overschrijdingen",  # p3 "overschrij -|dingen"
    "bestuursopdracht",  # p3 "bestuurs-|opdracht"
    "huisvestingsportefeuille",  # p4 "huisves -|tingsportefeuille"
    "klimaatverandering",  # p7 "klimaatver -|andering"
    "preventiecoalitie",  # p8 "preventiecoa-|litie"
    "dashboards",  # p8 "dash-|boards"
    "GALA-middelen",  # p11 "GALA-|middelen"
    "nieuw-opkomende",  # p12 "nieuw-op -|komende"
    "COVID-pandemie",  # p16 "COVID-|pandemie"
    "medisch-operationele",  # p16 "medisch-ope -|rationele"
    "leefomstandigheden",  # p18 "leefomstan -|digheden"
    "gegevensoverdracht",  # p25 "gege -|vensoverdracht"
    "samenwerkende",  # p25 "samen -|werkende"
    "regio-overstijgend",  # p41 "regio-over-|stijgend"
]
TEXTS = [
    # p3, a hyphenated word inside
    "Jaarlijks worden overschrijdingen geconstateerd die voortkomen uit krappe financiering van dienstverlening waardoor tegenvallers niet of zeer beperkt kunnen worden opgevangen binnen de begroting.",
    # p8, inside a bullet item
    "Vanuit de zorgen rondom de continuïteit vroeg GGD Flevoland eerder om structurele middelen voor haar rol in deze beweging, maar dit werd destijds afgewezen door het bestuur.",
    # p11, right column after the footnotes of the left one
    "De ketenaanpakken, gefinancierd vanuit incidentele GALA-middelen die in 2025 aflopen, kunnen dan niet worden ondersteund, evenals andere preventienetwerken.",
    # p15, programme 5, goal of 5.2
    "Bescherming van de gezondheid van alle inwoners van Flevoland, door het voorkomen van (de verspreiding van) infectieziekten, het minimaliseren van de negatieve invloed van het milieu op de gezondheid en het stimuleren van seksuele gezondheid.",
    "In 2026 gaan wij verder met de in 2023/2025 ingezette versterking van infectieziektebestrijding.",
    # p18, programme 5, goal of 5.3 and one of its bullets
    "Het stabiliseren en zo mogelijk verbeteren van de leefomstandigheden van mensen in een zeer kwetsbare positie.",
    "Voorkomen van dak- en thuisloosheid, huisuitzettingen en recidive van delicten.",
    # p23, programme 5, goal of 5.6
    "Het doel van de GHOR is om onder leiding van het openbaar bestuur de gezondheidszorg efficiënt op te schalen van reguliere naar grootschalige hulpverlening.",
    # p25, programme 6
    "In 2025 voegen de meldkamers Utrecht en Lelystad samen naar een meldkamer Midden Nederland in Hilversum.",
    # p35 -> p36 over the page break (header, page number, chapter header between)
    "Het gaat hier bijvoorbeeld over een minimale basis om een organisatie te runnen, zoals P&O, ICT en huisvesting.",
    # p36, left column -> footnote 17 -> right column
    "Het andere deel is schaalbaar en kan meebewegen met op- en afschaling van taken buiten onze inwonerbijdrage om.",
    # p36 -> p37 over the page break
    "Voor 2029 geldt dan een risico van €999.200 + PM.",
    # p40 -> p41 over the page break
    "De Moderne Werkplek stelt ons beter in staat om te kunnen voldoen aan actuele regelgevingen zoals Algemene Verordening Gegevensbescherming (AVG), NEN 7510 (informatiebeveiliging in de zorg), BIO (informatiebeveiliging overheidsorganisaties), de archiefwet en de WOO.",
]
# lines that stand between the parts of a checked sentence (for check_texts only)
BETWEEN = {RUNNING_HEADER, "8. Paragrafen", "17 Gemeenschappelijke regeling GGD Flevoland"}


def squash(text: str) -> str:
    return " ".join(text.split())


def page_texts() -> list[str]:
    reader = pypdf.PdfReader(PDF)
    return [p.extract_text() or "" for p in reader.pages]


AMOUNT_KEYS = ("programme", "caption", "row", "column", "value", "unit")
INDICATOR_KEYS = ("programme", "name", "value", "period", "unit", "source")


def amount(*fields: str | None) -> dict[str, Any]:
    return dict(zip(AMOUNT_KEYS, fields, strict=True))


def cost_tables(pages: list[str]) -> list[dict[str, Any]]:
    """The "Bedragen (x €1.000)" tables of chapters 5, 6 and 8.3 (4 columns)."""
    out = []
    row_re = re.compile(r"^(\D+?)\s*((?:" + NUM + r"|\.)(?:\s+(?:" + NUM + r"|\.))*)?$")
    for page, (prog, caption) in COST_PAGES.items():
        lines = [squash(x) for x in pages[page - 1].splitlines()]
        start = next(i for i, x in enumerate(lines) if x.startswith("Bedragen (x €1.000)"))
        spec = False
        n_rows = 0
        for line in lines[start + 1 :]:
            if line in ("2023 2024 2025 2026", "realisatie realisatie begroting begroting"):
                continue
            if line.startswith("Specificatie doorberekening"):
                spec = True
                continue
            m = row_re.match(line)
            if not m or line.startswith(RUNNING_HEADER) or line.startswith(("5.", "8.4", "16 ")):
                break
            label, figures = m.group(1).strip(), (m.group(2) or "").split()
            n_rows += 1
            if (page, label) in AMOUNT_FIXES:
                cells = AMOUNT_FIXES[(page, label)]
                assert len(cells) == len([f for f in figures if f != "."]), (page, label)
            elif spec:
                assert len(figures) == 2, (page, line)
                cells = dict(zip(SPEC_COLUMNS, figures, strict=True))
            elif figures:
                assert len(figures) == 4 and "." not in figures, (page, line)
                cells = dict(enumerate(figures))
            else:
                cells = {}  # an empty row ("Baten pluspakket gemeenten")
            for col, value in cells.items():
                out.append(amount(prog, caption, label, YEARS4[col], value, "Bedragen (x €1.000)"))
        assert n_rows >= 5, (page, n_rows)
    return out


def row_cells(
    caption: str, m: re.Match[str], columns: list[str], unit: str
) -> list[dict[str, Any]]:
    """One amount per figure of a full row (label in group 1, figures in group 2)."""
    figures = m.group(2).split()
    return [
        amount(None, caption, m.group(1), c, v, unit) for c, v in zip(columns, figures, strict=True)
    ]


def overview_tables(pages: list[str]) -> list[dict[str, Any]]:
    """7.2 (page 29, two tables) and the Taakveldenoverzicht of Bijlage 2 (page 48)."""
    out = []
    lines = [squash(x) for x in pages[28].splitlines()]
    i = lines.index("Baten Lasten Saldo")
    cols3 = [f"Begroting 2026 {k}" for k in ("Baten", "Lasten", "Saldo")]
    for line in lines[i + 1 : i + 5]:
        m = re.match(r"^(\D+?) ((?:" + NUM + r" ?){3})$", line)
        assert m, line
        out += row_cells("7.2 Het overzicht van baten en lasten", m, cols3, "Bedragen x € 1.000")
    i = lines.index("realisatie begroting begroting meerjarenraming")
    assert lines[i + 1] == "2024 2025 2026 2027 2028 2029"
    cols6 = ["realisatie 2024", "begroting 2025", "begroting 2026"] + [
        f"meerjarenraming {y}" for y in (2027, 2028, 2029)
    ]
    n = 0
    for line in lines[i + 2 :]:
        m = re.match(r"^(\D+?) ((?:" + NUM + r" ?){6})$", line)
        if not m:
            break
        n += 1
        out += row_cells("Toelichting op overzicht baten en lasten", m, cols6, "bedragen x € 1.000")
    assert n == 13, n
    lines = [squash(x) for x in pages[47].splitlines()]
    i = lines.index("Baten Lasten Saldo")
    n = 0
    for line in lines[i + 1 :]:
        m = re.match(r"^((?:\d+(?:\.\d+[a-z]?)? )?\D+?) ((?:" + NUM + r" ?){3})$", line)
        if not m:
            break
        n += 1
        out += row_cells("Taakveldenoverzicht", m, cols3, "Bedragen (x €1.000)")
        if line.startswith("Totaal"):
            break
    assert n == 16, n
    return out


def indicators(pages: list[str]) -> list[dict[str, Any]]:
    """Every cell of the indicator tables of chapters 5 and 6, then the BBV indicators."""
    out = []
    value = r"(?:" + NUM + r"(?:,\d+)?%?)"
    row_re = re.compile(r"^(.*?\S)\s+(" + value + r"(?:\s+" + value + r")*)$")
    for page, (prog, columns) in INDICATOR_PAGES.items():
        lines = [squash(x) for x in pages[page - 1].splitlines()]
        if page == 26:
            start = lines.index("2024 2025 2026 2026") + 2
        else:
            start = next(i for i, x in enumerate(lines) if x.startswith("Indicator")) + 3
        pending: list[str] = []
        for line in lines[start:]:
            if line.startswith(("Bedragen", "Beleidsaccenten")):  # the next table or text
                break
            m = row_re.match(line)
            words = next((k for k in TEXT_VALUES if line.startswith(k)), None)
            if words:
                name, figures = words, TEXT_VALUES[words]
                assert squash(line) == squash(words + " " + " ".join(figures)), line
            elif m:
                name, figures = squash(" ".join([*pending, m.group(1)])), m.group(2).split()
            else:
                pending.append(line)
                continue
            pending = []
            cols = INDICATOR_FIXES.get(name, list(range(4)))
            assert len(cols) == len(figures), (page, name, figures)
            for c, v in zip(cols, figures, strict=True):
                out.append(
                    dict(zip(INDICATOR_KEYS, (prog, name, v, columns[c], None, None), strict=True))
                )
        assert not pending, (page, pending)
    text48 = squash(pages[47])
    for name, v, unit in BBV_INDICATORS:
        assert f"{name} {v}" in text48, name
        out.append(dict(zip(INDICATOR_KEYS, (None, name, v, "begroting", unit, None), strict=True)))
    return out


def check_furniture(pages: list[str]) -> None:
    assert all(RUNNING_HEADER in page for page in pages)
    # a TOC line as printed: pypdf splits some page numbers at the tab stop ("1 1", "2 1")
    toc = "".join(pages[1].split())
    for line in TOC:
        assert "".join(line.split()) in toc, line
    body = squash(" ".join(pages[2:]))
    for line in TOC:  # nowhere else in the document, not even inside a heading
        assert line not in body, line
    for number in PAGE_NUMBERS:
        assert pages[int(number) - 1].rstrip().endswith("\n" + number), number


def check_hyphenated(text: str, words: list[str] | None = None) -> None:
    """Each word (default ``HYPHENATED``) stands in ``text`` only split at a line end."""
    flat = squash(text)
    for word in HYPHENATED if words is None else words:
        # split at a line end: some prefix ending in "-" or " -", a newline, the rest
        # (a compound may break at its own hyphen: "GALA-|middelen")
        splits = [
            word[:k] + sep + "\n" + word[k:]
            for k in range(2, len(word) - 1)
            for sep in (("", " ") if word[k - 1] == "-" else ("-", " -", "- ", " - "))
        ]
        assert any(s in text for s in splits), word
        assert re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", flat) is None, (
            f"{word} also unsplit"
        )


def check_texts(
    pages: list[str], texts: list[str] | None = None, between: set[str] | None = None
) -> None:
    """Each text (default ``TEXTS``) stands in the pages once the lines in ``between``
    (default ``BETWEEN``) and bare page numbers are dropped (spaces and hyphens aside)."""
    skip = BETWEEN if between is None else between
    lines = [ln.strip() for p in pages for ln in p.splitlines()]
    kept = [ln for ln in lines if ln not in skip and not ln.isdigit()]
    flat = re.sub(r"[\s\-]", "", "".join(kept))
    for t in TEXTS if texts is None else texts:
        assert re.sub(r"[\s\-]", "", t) in flat, t[:50]


def main() -> None:
    pages = page_texts()
    text = "\n".join(pages)
    for number, title, page in PROGRAMMES:
        first = squash(pages[page - 1].splitlines()[0])
        assert first == f"{number}. {title}", first
    check_furniture(pages)
    check_hyphenated(text)
    check_texts(pages)
    amounts = cost_tables(pages) + overview_tables(pages)
    inds = indicators(pages)
    for a in amounts:  # a figure, never an empty cell or a lone "."
        assert re.fullmatch(NUM, a["value"]), a
    data = {
        "file": PDF.name,
        "sha256": hashlib.sha256(PDF.read_bytes()).hexdigest(),
        "source": "real",
        "family": "programme",
        "municipality": None,
        "organisation": "GGD Flevoland",
        "document_type": "begroting",
        "year": 2026,
        "title": "Begroting 2026",
        "programmes": [
            {"number": n, "title": t, "portfolio_holders": [], "director": None, "headings": None}
            for n, t, _ in PROGRAMMES
        ],
        "amounts": amounts,
        "indicators": inds,
        "pairs": [],
        "statuses": [],
        "furniture": [RUNNING_HEADER, *PAGE_NUMBERS, *TOC],
        "hyphenated": HYPHENATED,
        "texts": TEXTS,
        "not_labelled": [],
    }
    write_record(OUT / (PDF.name + ".expected.json"), data)


def write_record(path: Path, data: dict[str, Any]) -> None:
    """Write an expected record and print its counts (distinct keys as the evaluator
    compares them: a column label as a set of words)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    amounts, inds = data["amounts"], data["indicators"]
    keys = {
        (a["programme"], a["row"], frozenset(re.findall(r"\w+", a["column"].lower())), a["value"])
        for a in amounts
    }
    ikeys = {(i["name"], i["value"]) for i in inds}
    print(
        f"{len(data['programmes'])} programmes, {len(amounts)} amounts ({len(keys)} distinct "
        f"compared keys), {len(inds)} indicators ({len(ikeys)} distinct), "
        f"{len(data['furniture'])} furniture lines, {len(data['hyphenated'])} hyphenated, "
        f"{len(data['texts'])} texts, {len(data['pairs'])} pairs"
    )


if __name__ == "__main__":
    main()
