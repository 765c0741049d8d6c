"""Write the expected records of the held-out GGD Flevoland board bundle of 7 November 2024
(heldout4).

    .venv/bin/python bench/evaluate/programme_ggd2_expected.py

Written and committed BEFORE the project's parser was run on this document, without reading
the parser's code or any parser output for a GGD document. Source: github meijer1973/azwa @
7cf7325e3608b0eeb68d4521ca5f45614111c5fe,
``data/raw/regional/reg_ggd_flevoland_bestuursrapportage_aug_2024.pdf`` (103 pages, Aspose),
copied by ``programme_real2_export.py`` to ``<eval dir>/programme_documents2/heldout/`` as
``ggd_flevoland_ab_bundel_2024-11-07.pdf`` (not committed). Read, like heldout3
(``programme_ggd_expected.py``, whose helpers are imported), from pypdf's plain
``extract_text``; cells of rows with empty cells were placed by the cell moves (``Td``) of the
page's content stream and pypdf's layout text, and are written down below.

The file is the agenda bundle of the general board (Algemeen Bestuur) of GGD Flevoland, a
joint arrangement of the six Flevoland municipalities. Its parts (``PARTS``, not compared):
bundle index (p1), agenda, news memo, draft minutes of 10 October 2024, covering notes, the
decisions of 10 October, the **Begroting 2025** (pp. 17-61, printed pages 1-45), a reply
letter, a slide deck, two council motions, letters (one a scan with a poor OCR layer), and the
autumn **BURAP** 2024 (pp. 87-103, a voortgangsrapportage over January-August 2024).

Scope (the evaluator holds ONE document record per file, with one type and one year):

* ``document_type`` "begroting", ``year`` 2025: the Begroting 2025 is the largest part (45 of
  103 pages), the bundle's main decision (agenda item 4, "De begroting 2025 vast te stellen")
  and the only part with programmes and cost tables. The BURAP (17 pages) would be a
  ``voortgangsrapportage`` for 2024, the minutes and decisions a ``besluitenlijst``; a file
  holding several documents cannot be expressed, and a parser that calls it
  ``voortgangsrapportage`` 2024 (as the source file name suggests) is counted wrong on both
  fields. ``municipality`` null (as heldout3: the organisation is not a municipality).
* Programmes, amounts, indicators: those of the Begroting 2025 part, with heldout3's
  conventions (programmes = chapters 5 "Publieke gezondheid" and 6 "Ambulancehulpverlening en
  meldkamer"; no holders, no director). None of the other parts has programmes: the agenda's,
  the minutes' and the bundle index's numbered items (``4. Begroting 2025``, ``5.
  Bestuurlijke opdracht``, ``7 Burap``) and the BURAP's sections per department are not.
* Amounts (one per printed cell; empty cells, "*" and lone "." skipped): the "Bedragen (x
  €1.000)" table of sub-sections 5.1, 5.2, 5.4, 5.5, 5.6 (5.3 has none; 5.6 has no
  "Resultaat" row), of chapter 6 and of 8.3 (table "Bestuur, Financien en Bedrijfsvoering"
  with its "Specificatie doorberekening aan team" in the 2024/2025 columns); both tables of
  7.2; the Taakveldenoverzicht (Bijlage 2), whose header reads "Lasten Baten Saldo" although
  its figures are those of 7.2 with Lasten and Baten swapped: kept as printed. Columns: the
  header words above the cell ("2022 realisatie", "Begroting 2025 Lasten", "meerjarenraming
  2026"). Not transcribed (as heldout3): 7.1 inwonerbijdrage, 7.3 balance/EMU, reserves,
  risks, ratios, treasury, the plustaken annex, the one-page overview; nor the tables of the
  other parts (BURAP "Overzicht baten en lasten" and its test tables, covering-note figures).
* Indicators: every cell of the "Indicator" tables of chapters 5 and 6 and the five BBV
  beleidsindicatoren (Bijlage 2). Where a name cell holds a roman-type name and an italic
  explanation (5.5, 5.6: "Zegt iets over ...", "Met 100% van ..."), the name is the roman
  text only (checked against the fonts). The sub-header "Nieuwe indicatoren vanaf 2025" is no
  indicator. The BURAP's "Prestaties in beeld" figures are left out like the "in één
  oogopslag" page.
* Pairs: none (as heldout3). Statuses: not labelled. The BURAP marks its policy points with
  ✔ and ➤ (no legend in the text) and rates departments by coloured icons that have no text;
  neither is a status "as written" of an action item.
* Furniture: running headers and footers of every part (their fixed stem where a page number
  or a version is attached to them), the Begroting page numbers that stand between the parts
  of a checked sentence, the table-of-contents lines of the Begroting (p18) and of the bundle
  index (p1). Left out where the same words stand in real text, so that the evaluator would
  count real text as leaked furniture: chapter running headers equal to their chapter
  heading, the BURAP contents page (its lines are its section headings), first lines of
  wrapped TOC entries and the wrapped rest "subsidierelaties", the index line "4 Begroting
  2025" (inside "10 oktober 2024 Begroting 2025") and three index lines that the covering
  notes repeat in their lists of attachments (``LEFT_OUT_TOC``, checked).

Result: 2 programmes, 314 amounts (313 distinct compared keys), 173 indicators (141 distinct
name/value pairs), 62 furniture lines, 28 hyphenated words, 20 texts, 0 pairs.
"""

# ruff: noqa: E501
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any

import pypdf
from pypdf.generic import ContentStream

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.evaluate.common import eval_dir  # noqa: E402
from bench.evaluate.programme_ggd_expected import (  # noqa: E402
    INDICATOR_KEYS,
    NUM,
    amount,
    check_hyphenated,
    check_texts,
    row_cells,
    squash,
    write_record,
)

PDF = eval_dir() / "programme_documents2" / "heldout" / "ggd_flevoland_ab_bundel_2024-11-07.pdf"
OUT = ROOT / "tests" / "fixtures" / "real" / "programme_documents" / "heldout4"

PARTS = [  # (first page, last page, what it is); not compared
    (1, 1, "bundle index"),
    (2, 3, "agenda AB 7 November 2024"),
    (4, 5, "actualiteitenmemo"),
    (6, 11, "draft minutes AB 10 October 2024"),
    (12, 13, "covering note: bestemming resultaat 2023"),
    (14, 15, "covering note: Begroting 2025"),
    (16, 16, "decisions AB 10 October 2024 on the Begroting 2025"),
    (17, 61, "Begroting 2025 (printed pages 1-45)"),
    (62, 64, "reply letter on the councils' views"),
    (65, 65, "covering note: bestuurlijke opdracht"),
    (66, 73, "slide deck: bestuurlijke opdracht"),
    (74, 76, "two motions of the Almere council"),
    (77, 77, "covering note: view on ending subsidies"),
    (78, 79, "letter of the municipality of Almere (scan, OCR text layer)"),
    (80, 82, "draft letter: the board's view on ending subsidies"),
    (83, 84, "view on the Hybride Toegang Beschermd Wonen advice (November 2023)"),
    (85, 86, "covering note: BURAP"),
    (87, 103, "BURAP najaar 2024, January-August 2024 (printed pages 1-17)"),
]
BEGROTING = (17, 61)
PROGRAMMES = [("5", "Publieke gezondheid", 27), ("6", "Ambulancehulpverlening en meldkamer", 38)]

YEARS4 = ["2022 realisatie", "2023 realisatie", "2024 prognose", "2025 begroting"]
HEADER_PIECE = re.compile(r"^(?:\d{4}|realisatie|prognose|begroting)$")
# page of a "Bedragen (x €1.000)" table -> (programme, caption)
COST_PAGES = {
    28: ("5", "5.1 Jeugdgezondheidszorg (JGZ)"),
    30: ("5", "5.2 Algemene gezondheidszorg"),
    34: ("5", "5.4 Toezicht"),
    35: ("5", "5.5 Gezondheidsbevordering en onderzoek"),
    37: ("5", "5.6 GHOR"),
    39: ("6", "6. Ambulancehulpverlening en meldkamer"),
    55: (None, "8.3 Bedrijfsvoering"),
}
# (page, row) -> {column: figure} of a row with empty cells (content stream, layout text;
# both agree with the totals: 1.525 + 8 = 1.533, 2.782 + 66 + 3.154 = 6.002)
AMOUNT_FIXES: dict[tuple[int, str], dict[int, str]] = {
    (34, "Baten derden"): {1: "8"},
    (55, "Baten pluspakket gemeenten"): {0: "66"},
}
SPEC_COLUMNS = [2, 3]  # p55 "Specificatie doorberekening aan team": 2024 and 2025 only
TAAKVELD_FIXES = {"0.10 Mutaties reserves": [0], "6.81a Beschermd wonen": [0]}  # Lasten

IND_YEARS = ["2022 realisatie", "2023 realisatie", "2024 begroting", "2025 begroting"]
INDICATOR_PAGES = {28: "5", 30: "5", 32: "5", 33: "5", 39: "6"}
FIRST3 = [0, 1, 2]  # 2025 cell empty
INDICATOR_FIXES = {  # name -> columns of its figures (content stream)
    "Aantal Acute adviezen Seksueel Geweld": [2, 3],
    "Aantal meldingen en adviesaanvragen Vangnet en Advies": FIRST3,
    "Aantal plaatsingen dak- en thuislozen binnen maatschappelijke (nacht)opvang Flevoland": FIRST3,
    "Aantal vrijwillige nazorg trajecten aan volwassen (ex-)gedetineerden": FIRST3,
    "Aantal meldingen beschermd wonen, inclusief beschut wonen en landelijke toegankelijkheid": FIRST3,
    "Aantal meldingen beschermd wonen (inclusief landelijke toegankelijkheid)": FIRST3,  # "*" in the 2025 cell
    "Aantal uitgevoerde incidentele onderzoeken": [2, 3],
    "Patiënttevredenheid minimaal 8.5 op schaal van 1-10": [0],
}
SUBHEADERS = {"Nieuwe indicatoren vanaf 2025"}
TEXT_VALUES = {  # p39: a row of words, not figures
    "Certificering NKZ, NEN en patiënt veiligheid": ["behaald"] * 2 + ["Te behalen"] * 2,
}
# 5.5 and 5.6: name (roman type) above an italic explanation, figures beside it
DESCRIBED = {
    35: [
        ("Aantal fte Gezondheidsbevordering", ["7", "8", "8", "8"]),
        ("Aantal fte epidemiologie/data-analyse", ["6", "6", "6", "8"]),
        ("Aantal fte digitale dienstverlening", ["1", "2", "1", "1"]),
        (
            "Aantal pagina weergaven www.eengezonderflevoland.nl",
            ["32.471", "6.837", "25.000", "10.000"],
        ),
        ("Aantal persberichten", ["45", "36", "40", "40"]),
    ],
    37: [
        ("Afspraken ketenpartners:", ["100", "100", "100", "100"]),
        ("Geoefendheid GHOR functionarissen:", ["95", "92", "90", "90"]),
        ("Opkomsttijden GHOR functionarissen:", ["95", "99", "90", "90"]),
        ("Evaluaties GRIP inzetten:", ["100", "100", "100", "90"]),
        ("GHOR advies bij vergunningverlening publieksevenementen:", ["100", "100", "100", "100"]),
    ],
}
BBV_INDICATORS = [  # Bijlage 2, "indicator | begroting", unit from the notes beside it
    ("Formatie", "1,22", "fte per 1.000 inwoners"),
    ("Bezetting", "1,22", "fte per 1.000 inwoners"),
    ("Apparaatskosten", "21,75", "per inwoner"),
    ("Externe inhuur", "3%", "% van totale loonsom + kosten inhuur externen"),
    ("Overheadkosten", "17%", "% van de totale lasten"),
]

BEGROTING_HEADER = "GGD Flevoland Begroting 2025"
RUNNING = [  # running headers/footers of the parts, as printed (fixed stem)
    "Agenda Algemeen bestuur GGD Flevoland, 07 november 2024",  # + "-1-", "-2-"
    "NOTULEN",
    "Notulen GGD Bestuur AB 10 oktober 2024",  # + "Pagina n van 6"
    "Oplegnotitie pagina 1",
    "Oplegnotitie pagina 2",
    BEGROTING_HEADER,  # + printed page number
    "4. Meerjarenbeleidsplan ggd flevoland en gezamenlijk opgaven- en uitvoeringsplan",  # p26, differs from its heading
    "Blad: 2 van 3",
    "Blad: 3 van 3",
    "CONCEPT opdracht en aanpak ‘taakstelling 10-10’",  # + "– versie 22/16 oktober 2024"
    "CONCEPT opdracht en aanpak ‘bestuurlijke opdracht 10-10’",  # + "– versie 31 oktober 2024"
    "Zienswijze GGD Flevoland advies Hybride Toegang Beschermd Wonen Flevoland, 22 november 2023",
    "GGD Flevoland Bestuursrapportage januari 2024 t/m augustus 2024",
]
PAGE_NUMBERS = {"9": 25, "37": 53, "38": 54}  # printed number -> pdf page (sentences run over)
TOC_BEGROTING = [  # p18, printed lines (first lines of wrapped entries left out)
    "1. Inleiding 3",
    "2. GGD Flevoland in één oogopslag 5",
    "organisatorische ontwikkelingen 6",
    "opgaven- en uitvoeringsplan 9",
    "5. Publieke gezondheid 11",
    "5.1 Jeugdgezondheidszorg (JGZ) 11",
    "5.2 Algemene gezondheidszorg 12",
    "5.3. Maatschappelijke zorg 14",
    "5.4 Toezicht 16",
    "5.5 Gezondheidsbevordering en onderzoek 18",
    "5.6 GHOR 19",
    "en meldkamer 22",
    "7. Financiën 24",
    "7.1 Gemeentelijke bijdrage 24",
    "7.2 Het overzicht van baten en lasten 25",
    "7.3 Geprognostiseerde balans en emu saldo 27",
    "8. Paragrafen 29",
    "8.1 Weerstandsvermogen en risicobeheersing 29",
    "8.2 Financiering 36",
    "8.3 Bedrijfsvoering 37",
    "8.4 Samenwerkingsverbanden 40",
    "Bijlage 1 Overzicht plustaken per gemeente 41",
    "Bijlage 2 Taakveldenoverzicht 44",
    "Bijlage 3 Lijst met afkortingen 45",
]
TOC_BUNDLE = [  # p1, the index of the bundle
    "1 Opening",
    "1. Agenda AB 07 november 2024",
    "1.3 Actualiteitenmemo november",
    "2 Concept-notulen vergadering 10 oktober 2024",
    "2.1 concept verslag 10 oktober 2024_concept",
    "3 Bestemming resultaat jaarrekening 2023",
    "3.1 Oplegnotitie bestemming resultaat boekjaar 2023",
    "4.1 Oplegnotitie Begroting 2025",
    "4.2 Besluiten AB 10-10-2024 inz. Begroting 2025",
    "4.3 Begroting 2025 GGD Flevoland",
    "5 Bestuurlijke opdracht",
    "5.1 Oplegnotitie Bestuurlijke Opdracht",
    "5.2 Presentatie bestuurlijke opdracht",
    "6 Zienswijze beëindiging subsidierelatie gemeente Almere",
    "6.1 Oplegnotitie concept zienswijze beëindiging subsidierelaties",
    "6.2 Brief Almere AB vraag zienswijze beeindiging subsidierelaties",
    "6.3 Concept zienswijze AB GGD Flevoland op voornemen van gemeente Almere mbt beeindigen",
    "6.4 Zienswijze GGD op het advies Hybride Toegang Beschermd wonen Flevoland",
    "7 Burap",
    "7.1 Oplegnotitie BURAP",
    "7.2 BURAP najaar",
    "8 Rondvraag",
]
# index lines that real text contains (checked): inside "10 oktober 2024 Begroting 2025", a
# word of running text, attachment lists of the covering notes (pp. 14, 65)
LEFT_OUT_TOC = [
    "4 Begroting 2025",
    "subsidierelaties",
    "4.4 Reactiebrief zienswijzen gemeenteraden",
    "5.3 Motie gemeenteraad Almere 1",
    "5.4 Motie gemeenteraad Almere 2",
]

# words split at a line end in running text, as they must come out; each occurs in the file
# only at that split
HYPHENATED = [
    "gemeenschappelijke",  # p19 "gemeen -|schappelijke"
    "pandemie-paraatheid",  # p19 "pandemie-paraat -|heid"
    "dashboards",  # p22 "dash -|boards"
    "fragmentarisch",  # p23 "fragmen-|tarisch"
    "toekomstbestendigheid",  # p24 "toekomstbesten -|digheid"
    "gezondheidsaspect",  # p25 "gezondheids -|aspect"
    "verzuimbegeleiding",  # p27 "verzuim -|begeleiding"
    "ziekteverwekkers",  # p28 "ziek-|teverwekkers" (bullet item)
    "leefomstandigheden",  # p30 "leefomstan-|digheden" (goal bullet of 5.3)
    "procescoördinatoren",  # p31 "procescoördina -|toren"
    "capaciteitstekort",  # p32 "capaciteits -|tekort"
    "sociaaleconomische",  # p34 "sociaaleco -|nomische"
    "expertbeoordelingen",  # p36 "expertbe -|oordelingen"
    "samenwerkende",  # p38 "samen -|werkende"
    "gegevensoverdracht",  # p38 "gege -|vensoverdracht"
    "minimumwaarde",  # p45 "minimum -|waarde"
    "afzonderlijke",  # p53 "afzon -|derlijke"
    "subsidiebeschikkingen",  # p54 "subsi -|diebeschikkingen"
    "regio-overstijgend",  # p55 "regio-over-|stijgend"
    "moeizaam",  # p91 BURAP "moei-|zaam"
    "samenwerkingspartners",  # p91 "samenwer -|kingspartners"
    "regionalisering",  # p92 "regi-|onalisering"
    "zorginstellingen",  # p92 "zorgin -|stellingen"
    "samenwerkingsrelaties",  # p94 "samenwer -|kingsrelaties"
    "zorgpartijen",  # p96 "zorg -|partijen"
    "pilotfase",  # p98 "pilot -|fase"
    "moederorganisaties",  # p99 "moe -|derorganisaties"
    "functiewaarderingssystematiek",  # p100 "functiewaarderingssyste -|matiek"
]
TEXTS = [
    # p2 agenda (also p14, covering note)
    "In te stemmen met de verwerking van de besluiten AB 10 oktober 2024 in de begroting 2025.",
    # p8 minutes (no sentence naming a person: names may be scrubbed on ingest)
    "Op basis van de ontvangen zienswijzen van de gemeenten wordt geconstateerd dat deze grotendeels uniform van aard zijn.",
    # p12 -> p13 covering note, over the page break ("Oplegnotitie pagina 2" between)
    "In het voorstel bestemming resultaat is het surplus verlofrechten medewerkers CAO SGO ten laste van de Algemene Reserve gebracht.",
    # p14 covering note
    "Aan de toezichthouder, de Provincie Flevoland, is uitstel gevraagd (en gekregen) om de begroting 2025 later in te dienen.",
    # p19 Begroting introduction, a hyphenated word inside
    "GGD Flevoland is een samenwerking in de vorm van een gemeenschappelijke regeling van de zes Flevolandse gemeenten.",
    # p25 -> p26 over the page break (footnotes, header, page number, chapter header between)
    "De risico’s binnen het gezond opgroeien en opvoeden van kinderen en jongeren in Flevoland liggen in het bieden van de juiste zorg en ondersteuning op de juiste plek in afstemming met de andere partners in het werkveld.",
    # p28 programme 5, goal of 5.2
    "Bescherming van de gezondheid van alle inwoners van Flevoland, door het voorkomen van (de verspreiding van) infectieziekten, het minimaliseren van de negatieve invloed van het milieu op de gezondheid en het stimuleren van seksuele gezondheid.",
    # p30 programme 5, goal bullet of 5.3
    "Het stabiliseren en zo mogelijk verbeteren van de leefomstandigheden van mensen in een zeer kwetsbare positie.",
    # p32 programme 5, goal of 5.4.1
    "Op een professionele en onafhankelijke manier eraan bijdragen dat kinderen zich positief kunnen ontwikkelen in een veilige en gezonde omgeving.",
    # p36 programme 5, goal of 5.6
    "Het doel van de GHOR is om onder leiding van het openbaar bestuur de gezondheidszorg efficiënt op te schalen van reguliere naar grootschalige hulpverlening.",
    # p38 programme 6
    "In 2025 voegen de meldkamers Utrecht en Lelystad samen naar een meldkamer Midden Nederland in Hilversum.",
    # p45 paragraph 8.1, a hyphenated word inside
    "De minimumwaarde van de algemene reserve is 4% van de baten van het jaar.",
    # p53 -> p54 over the page break
    "In de begroting 2025 is een overzicht van de plustaken opgenomen met daarin een inschatting op basis van de meest recente informatie.",
    # p54 -> p55 over the page break, a word split across it ("(informa-|" ... "tiebeveiliging")
    "Bij de inrichting van de nieuwe digitale werkomgeving is regelgeving vanuit de Algemene Verordening Gegevensbescherming (AVG), NEN 7510 (informatiebeveiliging in de zorg), BIO (informatiebeveiliging overheidsorganisaties), de archiefwet en de WOO van toepassing.",
    # p62 -> p63 reply letter over the page break ("Kenmerk:", "Blad: 2 van 3" between)
    "De meeste gemeenten geven aan te erkennen dat de basis op orde moet komen en dat de tekorten reëel zijn, echter dat zij in hun begroting geen rekening hebben gehouden met de oplossing van deze tekorten.",
    # p80 draft view of the board
    "Graag maken wij van deze mogelijkheid gebruik om onze zienswijze ten aanzien van voorgenomen besluiten in te dienen.",
    # p89 BURAP, two-column page
    "Binnen de Jeugdgezondheidszorg is nu sinds enkele jaren de krapte op de arbeidsmarkt merkbaar, in het bijzonder op gebied van jeugdartsen.",
    # p91 BURAP, a hyphenated word inside
    "De dossieroverdracht van JGZ 0-4 naar JGZ 4-18 verloopt moeizaam.",
    # p98 BURAP
    "Begin 2024 is de Veluwezoom Almere in gebruik genomen.",
    # p100 BURAP
    "Wegens beperkte beschikbaarheid van de externe adviseur is de verwachting dat het IHP in het 1e kwartaal 2025 voor bespreking in het AB beschikbaar komt.",
]
# lines between the parts of a checked sentence (for check_texts only)
BETWEEN = {
    "Oplegnotitie pagina 2",
    "Kenmerk:",
    "Blad: 2 van 3",
    BEGROTING_HEADER,
    "8. Paragrafen",
    "4. Meerjarenbeleidsplan ggd flevoland en gezamenlijk opgaven- en uitvoeringsplan",
    "12 Infographic thema’s meerjarenbeleidsplan GGD Flevoland",
    "13 Gezamenlijk Opgaven en Uitvoeringsplan GGD Flevoland ‘Een gezonde toekomst in Flevoland’",
    "14 Meerjarenbeleidsplan GGD Flevoland ‘Een gezonde toekomst in Flevoland’",
}


def page_texts() -> list[str]:
    reader = pypdf.PdfReader(PDF)
    return [p.extract_text() or "" for p in reader.pages]


def lines_of(page: str) -> list[str]:
    """The page's lines, whitespace squashed, empty ones dropped."""
    return [x for x in (squash(ln) for ln in page.splitlines()) if x]


def cost_tables(pages: list[str]) -> list[dict[str, Any]]:
    """The "Bedragen (x €1.000)" tables of chapters 5, 6 and 8.3 (4 columns)."""
    out = []
    row_re = re.compile(r"^(\D+?)\s*((?:" + NUM + r")(?:\s+(?:" + NUM + r"))*)?$")
    for page, (prog, caption) in COST_PAGES.items():
        lines = lines_of(pages[page - 1])
        start = next(i for i, x in enumerate(lines) if x.startswith("Bedragen (x €1.000)"))
        spec = False
        n_rows = 0
        for line in lines[start + 1 :]:
            if HEADER_PIECE.match(line):
                continue
            if line.startswith("Specificatie doorberekening"):
                spec = True
                continue
            m = row_re.match(line)
            if not m or line.startswith(BEGROTING_HEADER):
                break
            label, figures = m.group(1).strip(), (m.group(2) or "").split()
            n_rows += 1
            if (page, label) in AMOUNT_FIXES:
                cells = AMOUNT_FIXES[(page, label)]
                assert sorted(cells.values()) == sorted(figures), (page, label, figures)
            elif spec and figures:
                cells = dict(zip(SPEC_COLUMNS, figures, strict=True))
            elif figures:
                assert len(figures) == 4, (page, line)
                cells = dict(enumerate(figures))
            else:
                cells = {}  # an empty row ("Baten pluspakket gemeenten", "JGZ, waarvan:")
            for col, value in cells.items():
                out.append(amount(prog, caption, label, YEARS4[col], value, "Bedragen (x €1.000)"))
        assert n_rows >= 5, (page, n_rows)
    return out


def overview_tables(pages: list[str]) -> list[dict[str, Any]]:
    """7.2 (pages 41 and 42) and the Taakveldenoverzicht of Bijlage 2 (page 60)."""
    out = []
    cols3 = [f"Begroting 2025 {k}" for k in ("Lasten", "Baten", "Saldo")]
    lines = lines_of(pages[40])
    i = lines.index("Bedragen x € 1.000 Lasten Baten Saldo")
    assert lines[i - 1] == "Begroting 2025"
    for line in lines[i + 1 : i + 5]:
        m = re.match(r"^(\D+?) ((?:" + NUM + r" ?){3})$", line)
        assert m, line
        out += row_cells("7.2 Het overzicht van baten en lasten", m, cols3, "Bedragen x € 1.000")
    lines = lines_of(pages[41])
    i = lines.index("realisatie begroting prognose begroting meerjarenraming")
    assert lines[i + 1] == "Bedragen x € 1.000 2023 2024 2024 2025 2026 2027 2028"
    cols7 = ["realisatie 2023", "begroting 2024", "prognose 2024", "begroting 2025"] + [
        f"meerjarenraming {y}" for y in (2026, 2027, 2028)
    ]
    n = 0
    for line in lines[i + 2 :]:
        m = re.match(r"^(\D+?) ((?:" + NUM + r" ?){7})$", line)
        if not m:
            break
        n += 1
        out += row_cells("Toelichting op overzicht baten en lasten", m, cols7, "Bedragen x € 1.000")
    assert n == 13, n
    lines = lines_of(pages[59])
    i = lines.index("Bedragen x € 1.000 Lasten Baten Saldo")
    n = 0
    for line in lines[i + 1 :]:
        m = re.match(r"^((?:\d+(?:\.\d+[a-z]?)? )?\D+?) ((?:" + NUM + r" ?){1,3})$", line)
        assert m, line
        n += 1
        figures = m.group(2).split()
        columns = [cols3[c] for c in TAAKVELD_FIXES.get(m.group(1), range(3))]
        assert len(columns) == len(figures), line
        out += [
            amount(None, "Taakveldenoverzicht", m.group(1), c, v, "Bedragen x € 1.000")
            for c, v in zip(columns, figures, strict=True)
        ]
        if line.startswith("Totaal"):
            break
    assert n == 17, n
    return out


def indicator(
    prog: str | None, name: str, value: str, period: str, unit: str | None = None
) -> dict[str, Any]:
    return dict(zip(INDICATOR_KEYS, (prog, name, value, period, unit, None), strict=True))


def join_name(parts: list[str]) -> str:
    """Join the lines of a name cell; a line ending in a bracketed prefix ("(ex-)") runs on."""
    name = ""
    for part in parts:
        name += part if name.endswith("-)") or not name else " " + part
    return squash(name)


def indicators(pages: list[str]) -> list[dict[str, Any]]:
    """Every cell of the indicator tables of chapters 5 and 6, then the BBV indicators."""
    out = []
    value = r"(?:" + NUM + r"(?:,\d+)?%?)"
    values_re = re.compile(r"^" + value + r"(?:\s+" + value + r")*$")
    row_re = re.compile(r"^(.*?\S)\s+(" + value + r"(?:\s+" + value + r")*)$")
    for page, prog in INDICATOR_PAGES.items():
        lines = lines_of(pages[page - 1])
        start = next(i for i, x in enumerate(lines) if x.startswith("Indicator")) + 1
        while HEADER_PIECE.match(lines[start]):  # p28: the header over several lines
            start += 1
        pending: list[str] = []
        for line in lines[start:]:
            if line.startswith(("Bedragen", "5.4 Toezicht", BEGROTING_HEADER)):
                break
            if line in SUBHEADERS:
                assert not pending, pending
                continue
            line = line.removesuffix(" *")  # p32: "*" in the 2025 cell, no figure
            words = next((k for k in TEXT_VALUES if line.startswith(k)), None)
            m = row_re.match(line)
            if words:
                name, figures = words, TEXT_VALUES[words]
                assert line == squash(words + " " + " ".join(figures)), line
            elif values_re.match(line) and pending:  # figures on a line of their own
                name, figures = join_name(pending), line.split()
            elif m:
                name, figures = join_name([*pending, m.group(1)]), m.group(2).split()
            else:
                pending.append(line)
                continue
            pending = []
            cols = INDICATOR_FIXES.get(name, list(range(4)))
            assert len(cols) == len(figures), (page, name, figures)
            out += [
                indicator(prog, name, v, IND_YEARS[c]) for c, v in zip(cols, figures, strict=True)
            ]
        assert not pending, (page, pending)
    for rows in DESCRIBED.values():
        for name, figures in rows:
            out += [indicator("5", name, v, IND_YEARS[c]) for c, v in enumerate(figures)]
    text60 = squash(pages[59])
    for name, v, unit in BBV_INDICATORS:
        assert f"{name} {v}" in text60, name
        out.append(indicator(None, name, v, "begroting", unit))
    return out


def check_described() -> None:
    """The hand-written 5.5/5.6 rows are the page's roman-type text, name column then figures."""
    reader = pypdf.PdfReader(PDF)
    for page, rows in DESCRIBED.items():
        runs: list[tuple[float, str, str]] = []  # (x, font, text) in reading order

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                runs.append((x, str((font or {}).get("/BaseFont", "")), text))  # noqa: B023

        reader.pages[page - 1].extract_text(visitor_text=visit)
        start = next(i for i, r in enumerate(runs) if r[2].startswith("Indicator"))
        end = next(i for i, r in enumerate(runs) if r[2].startswith("Bedragen"))
        table = [r for r in runs[start + 1 : end] if "Roman" in r[1]]
        names = squash(" ".join(t for x, _, t in table if x < 300))
        figures = " ".join(t for x, _, t in table if x >= 300).split()
        assert names == " ".join(n for n, _ in rows), (page, names)
        assert figures == [v for _, vs in rows for v in vs], (page, figures)


def check_cells() -> None:
    """The figures of rows with empty cells stand in the cells named by the fixes: in the
    content stream each Taakveldenoverzicht row is code, label and three cells (empty cells
    shown as " "), one ``Td`` move apart."""
    reader = pypdf.PdfReader(PDF)
    rows: list[list[str]] = [[]]
    for operands, op in ContentStream(reader.pages[59].get_contents(), reader).operations:
        if op == b"Td" and float(operands[1]) != 0:  # the next line
            rows.append([])
        elif op in (b"Tj", b"TJ"):
            parts = [operands[0]] if op == b"Tj" else operands[0]
            rows[-1].append("".join(x for x in parts if isinstance(x, str)).strip())
    for label, cols in TAAKVELD_FIXES.items():
        code, name = label.split(" ", 1)
        row = next(r for r in rows if len(r) == 5 and r[0] == code and squash(r[1]) == name)
        assert [k for k, cell in enumerate(row[2:]) if cell] == cols, (label, row)


def check_furniture(pages: list[str]) -> list[str]:
    """Each furniture line stands in the file as printed and nowhere inside real text: a line
    of 15+ characters counts as leaked when it stands inside a paragraph (checked against the
    other lines joined, so also across a line break), a shorter one when it is a whole line.
    Returns the furniture list."""
    all_lines = [lines_of(p) for p in pages]

    def inside(line: str, body: list[str]) -> bool:
        return line in " ".join(body) if len(line) >= 15 else line in body

    for line in RUNNING:
        body = [ln for ls in all_lines for ln in ls if not ln.startswith(line)]
        assert len(body) < sum(map(len, all_lines)), line  # it stands in the file
        assert not inside(line, body), line
    for number, page in PAGE_NUMBERS.items():
        ls = all_lines[page - 1]
        assert ls[ls.index(BEGROTING_HEADER) + 1] == number, number
    for toc_page, toc in ((18, TOC_BEGROTING), (1, TOC_BUNDLE)):
        printed = "".join(pages[toc_page - 1].split())
        body = [ln for k, ls in enumerate(all_lines, 1) if k != toc_page for ln in ls]
        for line in toc:
            assert "".join(line.split()) in printed, line
            assert not inside(line, body), line
    bundle_body = [ln for ls in all_lines[1:] for ln in ls]
    for line in LEFT_OUT_TOC:  # an index line that real text contains
        assert line in pages[0] and inside(line, bundle_body), line
    return [*RUNNING, *PAGE_NUMBERS, *TOC_BEGROTING, *TOC_BUNDLE]


def main() -> None:
    pages = page_texts()
    assert len(pages) == 103
    text = "\n".join(pages)
    for number, title, page in PROGRAMMES:
        first = squash(pages[page - 1].splitlines()[0])
        assert first == f"{number}. {title}", first
    for page in range(BEGROTING[0], BEGROTING[1] + 1):
        assert BEGROTING_HEADER in pages[page - 1].splitlines(), page
    furniture = check_furniture(pages)
    check_hyphenated(text, HYPHENATED)
    check_texts(pages, TEXTS, BETWEEN)
    check_described()
    check_cells()
    amounts = cost_tables(pages) + overview_tables(pages)
    inds = indicators(pages)
    for a in amounts:  # a figure, never an empty cell, a lone "." or "*"
        assert re.fullmatch(NUM, a["value"]), a
    data = {
        "file": PDF.name,
        "sha256": hashlib.sha256(PDF.read_bytes()).hexdigest(),
        "source": "real",
        "family": "programme",
        "municipality": None,
        "organisation": "GGD Flevoland",
        "document_type": "begroting",
        "year": 2025,
        "title": "Bundel - Algemeen Bestuur van 7 november 2024",
        "parts": [{"pages": [a, b], "part": what} for a, b, what in PARTS],
        "programmes": [
            {"number": n, "title": t, "portfolio_holders": [], "director": None, "headings": None}
            for n, t, _ in PROGRAMMES
        ],
        "amounts": amounts,
        "indicators": inds,
        "pairs": [],
        "statuses": [],
        "furniture": furniture,
        "hyphenated": HYPHENATED,
        "texts": TEXTS,
        "not_labelled": ["statuses"],
    }
    write_record(OUT / (PDF.name + ".expected.json"), data)


if __name__ == "__main__":
    main()
