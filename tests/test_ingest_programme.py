"""Programme-text parser: golden files, samples, and the rules behind them."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType

import pytest
from conftest import FIXTURES, ROOT, SEED_PROGRAMMES, require_seeds
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import IngestSettings
from pipeline.ingest.layout import text_blocks
from pipeline.ingest.municipalities import (
    MunicipalityMatcher,
    default_matcher,
    fold,
    load_former,
    load_municipalities,
)
from pipeline.ingest.programme import (
    parse_document,
    parse_metadata_line,
    parse_programme,
    split_names,
)
from pipeline.ingest.programme.tables import row_labels
from pipeline.ingest.programme.vocabulary import load_vocabulary
from pipeline.ingest.readers import read_input
from pipeline.records import Document, content_hash

RAW = FIXTURES / "raw" / "programme"
GOLDEN = FIXTURES / "golden" / "programme"
SAMPLES = sorted((ROOT / "data" / "raw").glob("programme_*"))


def _load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


golden_script = _load_script("regenerate_golden")


def parse(text: str, **settings: int) -> Document:
    return parse_programme(text, "test.txt", content_hash(text), IngestSettings(**settings))


def parse_file(path: Path) -> Document:
    raw = read_input(path)
    return parse_document(raw.layout(), raw.text, str(path), content_hash(raw.data))


def headings(doc: Document) -> list[tuple[str | None, int]]:
    return [(s.heading, s.level) for s in doc.all_sections()]


def items(doc: Document) -> list[tuple[str | None, str | None, str]]:
    return [(i.letter, i.role, i.text) for s in doc.all_sections() for i in s.items]


def paragraphs(doc: Document) -> list[str]:
    return [p.text for s in doc.all_sections() for p in s.paragraphs]


def number_and_title(doc: Document) -> tuple[str | None, str | None]:
    first = doc.programmes[0] if doc.programmes else None
    return (first.number, first.title) if first else (None, None)


# golden files ---------------------------------------------------------------------------


def _golden_inputs() -> list[tuple[Path, bool]]:
    return [(p, True) for p in SEED_PROGRAMMES] + [(p, False) for p in sorted(RAW.iterdir())]


@pytest.mark.parametrize(
    ("path", "is_seed"), _golden_inputs(), ids=lambda v: getattr(v, "name", "")
)
def test_ingest_programme_matches_golden(path: Path, is_seed: bool):
    expected = json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))
    view = golden_script.golden_view(golden_script.parse_file(path), full_text=not is_seed)
    assert json.loads(json.dumps(view, ensure_ascii=False)) == expected


def test_ingest_programme_golden_files_cover_all_inputs():
    require_seeds()
    assert len(SEED_PROGRAMMES) == 4
    expected = {f"{p.stem}.json" for p, _ in _golden_inputs()}
    assert {p.name for p in GOLDEN.glob("*.json")} == expected


def test_ingest_programme_seed_golden_files_hold_no_running_text():
    for path in SEED_PROGRAMMES:
        golden = json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))
        sections = golden["sections"] + [s for p in golden["programmes"] for s in p["sections"]]
        units = [u for s in sections for u in (*s["paragraphs"], *s["items"])]
        assert units and all("text" not in u and u["sha256"] for u in units)


@pytest.mark.parametrize("path", SEED_PROGRAMMES, ids=lambda p: p.name[:3])
def test_ingest_programme_seed_pairs_point_both_ways(path: Path):
    doc = parse_file(path)
    by_id = {i.item_id: i for s in doc.all_sections() for i in s.items}
    for item in by_id.values():
        if item.paired_item_id is not None:
            partner = by_id[item.paired_item_id]
            assert partner.paired_item_id == item.item_id
            assert {item.role, partner.role} == {"goal", "action"}
            assert item.letter == partner.letter


# samples in data/raw ----------------------------------------------------------------------

SAMPLE_EXPECTED = {
    "programme_begroting_2024_lochem.md": ("Lochem", "begroting", 2024, "2"),
    "programme_jaarverslag_2023_sudwest_fryslan.txt": ("Súdwest-Fryslân", "jaarverslag", 2023, "3"),
    "programme_voortgang_2025_best.html": ("Best", "voortgangsrapportage", 2025, "5"),
    "programme_jaarstukken_2024_oss.docx": ("Oss", "jaarverslag", 2024, "1"),
    "programme_begroting_2025_ede.pdf": ("Ede", "begroting", 2025, "6"),
    "programme_begroting_2026_deventer.txt": ("Deventer", "begroting", 2026, "6"),
    "programme_jaarverslag_2024_heerenveen.md": ("Heerenveen", "jaarverslag", 2024, "7"),
    "programme_voortgang_2025_amersfoort.txt": ("Amersfoort", "voortgangsrapportage", 2025, "3"),
}


def test_ingest_programme_samples_all_known():
    assert {p.name for p in SAMPLES} == set(SAMPLE_EXPECTED)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.suffix)
def test_ingest_programme_samples_metadata(path: Path):
    doc = parse_file(path)
    municipality, doc_type, year, number = SAMPLE_EXPECTED[path.name]
    assert (doc.municipality, doc.document_type, doc.year) == (municipality, doc_type, year)
    assert len(doc.programmes) == 1
    assert doc.programmes[0].number == number
    assert doc.family == "programme"
    assert doc.programmes[0].portfolio_holders
    pairs = [i for s in doc.all_sections() for i in s.items if i.paired_item_id]
    roles = {i.role for s in doc.all_sections() for i in s.items}
    if doc_type != "voortgangsrapportage":
        assert len(pairs) >= 4 and {"goal", "action"} <= roles


def test_ingest_programme_samples_layout_details():
    txt = parse_file(ROOT / "data/raw/programme_jaarverslag_2023_sudwest_fryslan.txt")
    assert "Pagina 2 van 3" in txt.boilerplate_lines
    assert txt.boilerplate_lines.count("Jaarverslag 2023 | Gemeente Súdwest-Fryslân") == 3
    assert not any("Pagina" in p or "|" in p for p in paragraphs(txt))
    assert any(p.startswith("We hebben op het bedrijventerrein") for _, _, p in items(txt))
    html = parse_file(ROOT / "data/raw/programme_voortgang_2025_best.html")
    assert ("Jeugdhulp", 3) in headings(html)
    assert "Terug naar boven" in html.boilerplate_lines
    tables = [t for s in html.all_sections() for t in s.tables]
    assert [t.header for t in tables] == [["Doel", "Stand", "Toelichting"]]
    assert tables[0].rows[0] == [
        "Wachttijd korter dan zes weken",
        "Oranje",
        "Gemiddeld zeven weken",
    ]
    assert not any("Oranje" in p for p in paragraphs(html))
    pdf = parse_file(ROOT / "data/raw/programme_begroting_2025_ede.pdf")
    assert any("geïnteresseerd" in t for _, _, t in items(pdf))
    assert any("één nieuwe school" in t for _, _, t in items(pdf))
    assert ("Leerlingenvervoer", 3) in headings(pdf)


def test_ingest_programme_make_samples_reproduces_parseable_files(tmp_path: Path):
    make_samples = _load_script("make_samples")
    written = make_samples.main(tmp_path)
    assert [p.name for p in written] == [make_samples.DOCX_NAME, make_samples.PDF_NAME]
    for path in written:
        fresh, committed = parse_file(path), parse_file(ROOT / "data" / "raw" / path.name)
        assert headings(fresh) == headings(committed)
        assert items(fresh) == items(committed)
        assert paragraphs(fresh) == paragraphs(committed)
        assert fresh.boilerplate_lines == committed.boilerplate_lines
        assert (fresh.municipality, fresh.year) == (committed.municipality, committed.year)


def test_ingest_programme_cli_json(tmp_path: Path):
    path = ROOT / "data/raw/programme_begroting_2024_lochem.md"
    result = CliRunner().invoke(app, ["ingest", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["municipality"] == "Lochem" and obj["year"] == 2024
    assert obj["document_type"] == "begroting"
    assert obj["programme_number"] == "2" and obj["programme_title"] == "Wonen en leefomgeving"
    assert obj["portfolio_holders"] == ["J. Brinkhorst", "M. el Idrissi"]
    assert "Wat gaan we daarvoor doen?" in obj["section_headings"]
    tables = [t for s in obj["sections"] for t in s["tables"]]
    assert tables and tables[0]["kind"] == "amounts"
    assert any(a["row_label"] == "Lasten" for a in tables[0]["amounts"])
    # the sample's policy indicators fill the indicators table (walkthrough s36: it was empty)
    [indicators] = [t for t in tables if t["kind"] == "indicators"]
    assert [(i["name"], i["period"], i["value"]) for i in indicators["indicators"]] == [
        ("Nieuw gebouwde woningen", "2022", "7,9"),
        ("Demografische druk", "2023", "83,4"),
        ("Gemiddelde WOZ-waarde", "2023", "412"),
    ]


# ids ------------------------------------------------------------------------------------


def test_ingest_programme_ids_stable_and_content_based():
    text = "Programma 1 Bestuur\n\nWat willen we bereiken\nA. Een doel.\n\nEen alinea hier."
    first, second = parse(text), parse(text)
    assert first.to_dict() == second.to_dict()
    other = parse_programme(text, "test.txt", content_hash(text + " "))
    ids = {s.section_id for s in first.sections} | {first.document_id}
    assert ids.isdisjoint({s.section_id for s in other.sections} | {other.document_id})
    all_ids = [
        x
        for s in first.sections
        for x in (
            s.section_id,
            *(p.paragraph_id for p in s.paragraphs),
            *(i.item_id for i in s.items),
        )
    ]
    assert len(all_ids) == len(set(all_ids))


# headings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("Programma 4: Bestuur en veiligheid", "4", "Bestuur en veiligheid"),
        ("Programma 0 Bestuur en dienstverlening", "0", "Bestuur en dienstverlening"),
        ("Programma 1. Veiligheid", "1", "Veiligheid"),
        ("Programma 3 - Economie", "3", "Economie"),
        ("PROGRAMMA 12 Financiën", "12", "Financiën"),
        ("Programma Wonen", None, "Wonen"),
        ("# Programma 2b: Sport", "2b", "Sport"),
        ("P1 Veiligheid en Handhaving", "1", "Veiligheid en Handhaving"),
    ],
)
def test_ingest_programme_programme_heading(line: str, number: str | None, title: str):
    doc = parse(f"{line}\n\nDe gemeente doet veel aan dit onderwerp in de komende jaren.")
    assert number_and_title(doc) == (number, title)
    assert doc.all_sections()[0].level == 1 and doc.family == "programme"


@pytest.mark.parametrize(
    "line",
    [
        "Programma's als dit kosten veel tijd en geld.",
        "Programma 4 wordt uitgevoerd door het team.",
        "Het programma is klaar",
    ],
)
def test_ingest_programme_sentence_is_no_programme_heading(line: str):
    doc = parse(f"{line}\n\nMeer tekst volgt hier in een gewone zin.")
    assert number_and_title(doc) == (None, None)


@pytest.mark.parametrize(
    "heading",
    [
        "Wat willen we bereiken",
        "Wat willen we bereiken?",
        "Wat willen we bereiken:",
        "WAT GAAN WE DAARVOOR DOEN?",
        "Wat mag het kosten?",
        "Wat heeft het gekost",
        "Terugblik",
        "Voortgang 2025",
        "Programmadoelstelling en de rol van de gemeente",
        "## Beleidsindicatoren",
        "4.1 Dienstverlening en communicatie",
        "§ 2.3.1 Jeugd",
    ],
)
def test_ingest_programme_level_two_headings(heading: str):
    doc = parse(
        f"{heading}\nDe tekst van deze paragraaf is langer dan een kop en eindigt met een punt."
    )
    assert doc.all_sections()[0].level == 2
    assert doc.all_sections()[0].heading == heading.lstrip("# ").rstrip(":")
    assert len(doc.all_sections()[0].paragraphs) == 1


def test_ingest_programme_title_lines_need_running_text():
    text = (
        "Partnersteden\n\nDe gemeente onderhoudt contacten met drie steden in het buitenland.\n\n"
        "Zomaar een losse regel\n\nKort\n\n"
        "Wij werken samen met de\nregio aan betere zorg voor iedereen in de stad."
    )
    doc = parse(text)
    assert headings(doc) == [("Partnersteden", 3)]
    assert "Zomaar een losse regel" in paragraphs(doc)
    assert "Kort" in paragraphs(doc)
    assert paragraphs(doc)[-1].startswith("Wij werken samen met de regio")


def test_ingest_programme_markdown_levels_and_text_before_first_heading():
    text = "Inleidende tekst zonder kop.\n\n# Titel van het stuk\n\n### Een kleine kop\n\nTekst."
    doc = parse(text)
    assert headings(doc) == [(None, 0), ("Titel van het stuk", 1), ("Een kleine kop", 3)]
    assert doc.all_sections()[0].paragraphs[0].text == "Inleidende tekst zonder kop."
    assert doc.family == "text"


def test_ingest_programme_numbered_first_line_heading_vs_list():
    doc = parse(
        "1. Inleiding\n\nDe gemeente werkt aan een betere dienstverlening voor iedereen.\n\n"
        "1. Eerste punt\n2. Tweede punt\n3. Derde punt\n"
    )
    assert headings(doc) == [("1. Inleiding", 2)]
    assert [letter for letter, _, _ in items(doc)] == ["1", "2", "3"]


# items and pairing ----------------------------------------------------------------------

GROUPED = """Wat willen we bereiken?
A. Minder armoede.
B. Meer mensen aan het werk.
C. Een doel zonder actie.

Wat gaan we daarvoor doen?
A. We verhogen de bijzondere bijstand.
B. We helpen werkzoekenden met een coach,
   ook na hun eerste baan.
"""


def test_ingest_programme_grouped_goals_and_actions_pair_by_letter():
    doc = parse(GROUPED)
    goals, actions = doc.all_sections()[0].items, doc.all_sections()[1].items
    assert [(g.letter, g.role) for g in goals] == [("A", "goal"), ("B", "goal"), ("C", "goal")]
    assert [(a.letter, a.role) for a in actions] == [("A", "action"), ("B", "action")]
    for goal, action in zip(goals, actions, strict=False):
        assert goal.paired_item_id == action.item_id and action.paired_item_id == goal.item_id
    assert goals[2].paired_item_id is None
    assert actions[1].text == "We helpen werkzoekenden met een coach, ook na hun eerste baan."


def test_ingest_programme_interleaved_layout_first_letter_is_goal():
    text = (
        "Wat willen we bereiken:\n\nWat gaan we daarvoor doen:\n\n"
        "A. Doel een.\n\nA. Actie een:\n- deel 1\n- deel 2\n\nB. Doel twee.\n\nB. Actie twee."
    )
    doc = parse(text)
    found = [(i.letter, i.role) for i in doc.all_sections()[1].items]
    assert found == [("A", "goal"), ("A", "action"), ("B", "goal"), ("B", "action")]
    assert doc.all_sections()[1].items[1].text == "Actie een:\n- deel 1\n- deel 2"
    a_goal, a_action = doc.all_sections()[1].items[:2]
    assert a_goal.paired_item_id == a_action.item_id


def test_ingest_programme_pairs_do_not_cross_numbered_sections():
    text = (
        "1.1 Wonen\n\nWat willen we bereiken\nA. Doel wonen.\n\n"
        "1.2 Werken\n\nWat gaan we daarvoor doen\nA. Actie werken.\n"
    )
    doc = parse(text)
    found = [i for s in doc.all_sections() for i in s.items]
    assert [i.role for i in found] == ["goal", "action"]
    assert all(i.paired_item_id is None for i in found)


def test_ingest_programme_initials_are_not_items():
    doc = parse("R. Visscher opende de vergadering.\nE. Westphal sloot af met een woord van dank.")
    assert items(doc) == []
    assert len(paragraphs(doc)) == 2


@pytest.mark.parametrize("marker", ["-", "•", "*", "–", "\uf0b7"])
def test_ingest_programme_bullets(marker: str):
    doc = parse(f"Activiteiten\n{marker} Eerste activiteit\n{marker} Tweede activiteit")
    assert [(i.kind, i.role, i.text) for i in doc.all_sections()[0].items] == [
        ("bullet", "action", "Eerste activiteit"),
        ("bullet", "action", "Tweede activiteit"),
    ]


# boilerplate and tables -----------------------------------------------------------------


def test_ingest_programme_boilerplate_removed_and_audited():
    text = (
        "Eerste alinea met gewone tekst. |\n---|\n\n3\n\nPagina 3 van 12\n\n"
        "Deze pagina is gebouwd op 07/09/2020 10:26:55 met de export van 07/09/2020 10:23:13\n"
    )
    doc = parse(text)
    assert paragraphs(doc) == ["Eerste alinea met gewone tekst."]
    expected = ["|", "---|", "3", "Pagina 3 van 12", text.splitlines()[-1]]
    assert doc.boilerplate_lines == expected
    assert doc.all_sections()[0].paragraphs[0].boilerplate == expected


def test_ingest_programme_running_headers_need_repeats():
    page = "Begroting 2024 | Gemeente Voorbeeld\n{}\n\nTekst op pagina {} van het document.\n\n"
    doc = parse("".join(page.format(n, n) for n in range(1, 4)))
    assert doc.boilerplate_lines.count("Begroting 2024 | Gemeente Voorbeeld") == 3
    assert len(paragraphs(doc)) == 3
    twice = parse("".join(page.format(n, n) for n in range(1, 3)), running_header_min_repeats=3)
    assert twice.boilerplate_lines.count("Begroting 2024 | Gemeente Voorbeeld") == 2  # as table


def test_ingest_programme_running_headers_with_page_numbers():
    pages = "".join(
        f"Jaarverslag 2023 | {n}\n\nDoel {n}\nDe tekst bij dit doel is lang genoeg.\n\n"
        for n in range(1, 5)
    )
    doc = parse(pages)
    assert doc.boilerplate_lines == [f"Jaarverslag 2023 | {n}" for n in range(1, 5)]
    assert [h for h, _ in headings(doc)] == [f"Doel {n}" for n in range(1, 5)]
    assert doc.year == 2023


def test_ingest_programme_repeated_prose_is_not_boilerplate():
    text = "Toelichting\nDe kosten zijn gestegen door de inflatie en hogere lonen.\n\n" * 4
    doc = parse(text)
    assert doc.boilerplate_lines == []
    assert len(paragraphs(doc)) == 4


def test_ingest_programme_table_rows_kept_out_of_prose():
    doc = parse("Wat mag het kosten\nTekst over geld.\nLasten | 100 | 200\nBaten | 50 | 60\n")
    assert paragraphs(doc) == ["Tekst over geld."]
    assert doc.all_sections()[0].paragraphs[0].boilerplate == [
        "Lasten | 100 | 200",
        "Baten | 50 | 60",
    ]


# paragraphs -----------------------------------------------------------------------------


def test_ingest_programme_wrapped_lines_join_but_sentence_lines_split():
    wrapped = parse("Dit is een zin die over\nmeerdere regels loopt omdat\nhij is afgebroken.")
    assert paragraphs(wrapped) == [
        "Dit is een zin die over meerdere regels loopt omdat hij is afgebroken."
    ]
    lines = parse("Eerste alinea als regel.\nTweede alinea als regel.\nDerde.")
    assert paragraphs(lines) == ["Eerste alinea als regel.", "Tweede alinea als regel.", "Derde."]


def test_ingest_programme_whitespace_and_invisible_characters():
    doc = parse("Een\u00a0zin  met\u200b rare   spaties en **vet**.")
    assert paragraphs(doc) == ["Een zin met rare spaties en vet."]


# metadata -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Hamming, van der Laan, Onclin", ["Hamming", "van der Laan", "Onclin"]),
        (
            "R. Visscher-Noordzij, G. Faber, D. Straat",
            ["R. Visscher-Noordzij", "G. Faber", "D. Straat"],
        ),
        ("burgemeester K. Smulders en wethouder drs. P. Jansen", ["K. Smulders", "P. Jansen"]),
        ("A. Kuipers (VVD); B. de Wit (GL)", ["A. Kuipers", "B. de Wit"]),
    ],
)
def test_ingest_programme_split_names(value: str, names: list[str]):
    assert split_names(value) == names


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Portefeuillehouder(s): Hamming", "portfolio"),
        ("Portefeuillehouders: A, B", "portfolio"),
        ("Wethouder: L. Verhoeven", "portfolio"),
        ("Bestuurlijk verantwoordelijk: X", "portfolio"),
        ("Verantwoordelijk directeur: E. Westphal", "director"),
        ("Ambtelijk opdrachtgever: S. Wiersma", "director"),
    ],
)
def test_ingest_programme_metadata_labels(line: str, kind: str):
    parsed = parse_metadata_line(line)
    assert parsed is not None and parsed[0] == kind


def test_ingest_programme_metadata_lines_fill_fields_not_paragraphs():
    doc = parse(
        "Portefeuillehouder:      R. Visscher-Noordzij, G. Faber\n"
        "Verantwoordelijk directeur:   E. Westphal\n\nTerugblik\nHet jaar was goed."
    )
    assert doc.programmes[0].portfolio_holders == ["R. Visscher-Noordzij", "G. Faber"]
    assert doc.programmes[0].director == "E. Westphal"
    assert paragraphs(doc) == ["Het jaar was goed."]


# document type and year -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doc_type", "year"),
    [
        ("Begroting 2020\n\nWat hebben we daarvoor gedaan\nTekst.", "begroting", 2020),
        ("Programmabegroting 2024-2027\n\nTekst.", "begroting", 2024),
        ("Jaarstukken 2023\n\nTekst.", "jaarverslag", 2023),
        ("1e Bestuursrapportage 2025\n\nTekst.", "voortgangsrapportage", 2025),
        ("Burap 2025\n\nTekst.", "voortgangsrapportage", 2025),
        ("Voortgang 2025\nHet gaat goed.", "voortgangsrapportage", 2025),
        ("Wat willen we bereiken\nTekst.\n\nWat gaan we daarvoor doen\nTekst.", "begroting", None),
        ("Terugblik\nIn 2019 deden we veel. In 2019 ook nog meer.", "jaarverslag", 2019),
        ("Terugblik\nIn 2018 deden we veel. In 2019 deden we meer.", "jaarverslag", None),
        ("Terugblik\nIn 2016 zijn we begonnen.", "jaarverslag", None),
        ("Wat gaan we daarvoor doen\nIn 2020 en in 2020 doen we dit.", "begroting", None),
        ("Voorjaarsnota 2025\n\nTekst.", None, None),
        ("Een gewone tekst over 2020.\n\nDeze pagina is gebouwd op 07/09/2020.", None, None),
    ],
)
def test_ingest_programme_document_type_and_year(text: str, doc_type: str | None, year: int | None):
    doc = parse(text)
    assert (doc.document_type, doc.year) == (doc_type, year)


def test_ingest_programme_title_words_beat_heading_signals():
    text = (
        "Tweede bestuursrapportage 2025\n\n"
        + "Wat willen we bereiken\nTekst.\n\nWat gaan we daarvoor doen\nTekst.\n\n" * 3
    )
    assert parse(text).document_type == "voortgangsrapportage"


def test_ingest_programme_family_text_without_evidence():
    doc = parse("Beste buren,\n\nVolgende week is de straat afgesloten voor werkzaamheden.")
    assert doc.family == "text" and doc.document_type is None and doc.municipality is None


# municipalities -------------------------------------------------------------------------


def test_ingest_programme_municipality_list_is_complete():
    municipalities = load_municipalities()
    assert len(municipalities) >= 340
    assert len({m.name for m in municipalities}) == len(municipalities)
    assert all(m.cbs_code.startswith("GM") for m in municipalities)
    former = load_former()
    names = {m.name for m in municipalities}
    assert all(s in names for successors in former.values() for s in successors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De gemeente Maassluis werkt samen met Vlaardingen.", "Maassluis"),
        ("In Maassluis is het goed wonen.", "Maassluis"),
        ("De GEMEENTE ZAANSTAD en Zaanstad", "Zaanstad"),
        ("Welkom in Súdwest-Fryslân en Sudwest Fryslan.", "Súdwest-Fryslân"),
        ("Den Haag en Den Haag en Den Haag", "'s-Gravenhage"),
        ("De gemeente Sluis ligt in Zeeland.", "Sluis"),
        ("Het water stroomt door de sluis bij Maassluis.", "Maassluis"),
        ("Dat kan de gemeente best doen. Best is dat.", None),
        ("We wonen in Best en werken ook in Best.", "Best"),
        ("We wonen in Best.", None),
        ("De buren van Ede.", None),
        ("De gemeente Delfzijl bestaat niet meer.", "Eemsdelta"),
        ("Met Delfzijl en Heerlen en Heerlen.", "Heerlen"),
        ("De gemeente Maasdonk is opgeheven.", None),
        ("Bergen op Zoom en Bergen op Zoom", "Bergen op Zoom"),
        ("In Bergen is het mooi en in Bergen regent het.", None),
        ("Alphen aan den Rijn", "Alphen aan den Rijn"),
        ("", None),
    ],
)
def test_ingest_programme_municipality_matching(text: str, expected: str | None):
    assert default_matcher().match(text) == expected


def test_ingest_programme_municipality_min_mentions_is_a_setting():
    matcher = MunicipalityMatcher(load_municipalities(), load_former(), min_mentions=1)
    assert matcher.match("We wonen in Best.") == "Best"
    assert default_matcher().match("We wonen in Best.") is None


def test_ingest_programme_municipality_earliest_wins_a_tie():
    assert default_matcher().match("Eerst Arnhem, dan Utrecht.") == "Arnhem"
    assert default_matcher().match("Eerst Utrecht, dan Arnhem.") == "Utrecht"


def test_ingest_programme_fold_keeps_letters():
    assert fold("Súdwest-Fryslân") == "sudwest-fryslan"
    assert fold("één") == "een"


# speed ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_ingest_programme_large_text_is_linear():
    block = (
        "Programma 1 Bestuur\n\nWat willen we bereiken\nA. Een doel.\nB. Nog een doel.\n\n"
        "Wat gaan we daarvoor doen\nA. Een actie.\n- sub\nB. Actie.\n\n"
        "Proactieve communicatie\n" + "Een lange regel met veel woorden erin. " * 30 + "\n"
        "Pagina 3 van 12\n" + "|" * 50 + "\n" + "A" * 2000 + "\n\n"
    )
    text = block * (5_000_000 // len(block))
    parse("warm up")
    start = time.perf_counter()
    doc = parse(text)
    elapsed = time.perf_counter() - start
    assert len(doc.all_sections()) > 1000
    assert elapsed < 20, f"5 MB took {elapsed:.1f} s"


def test_ingest_programme_repeated_and_chapter_headings_open_no_programme():
    text = (
        "Programma 1 Veiligheid\n\nWat willen we bereiken?\n\nVeilig wonen voor iedereen.\n\n"
        "Programma 1\n\nTabel met cijfers hieronder.\n\n"
        "Programma 2 Zorg\n\nWat willen we bereiken?\n\nGoede zorg dichtbij.\n\n"
        "Overzicht per programma\n\nP2 Zorg\n\nDe lasten van de zorg stijgen.\n\n"
        "P1 Veiligheid Inzet extra boa's\n\nDe kosten zijn incidenteel.\n"
    )
    doc = parse_document(text_blocks(text), text, "x.txt", "h1")
    assert [(p.number, p.title) for p in doc.programmes] == [("1", "Veiligheid"), ("2", "Zorg")]
    plan = (
        "Hoofdstuk 1 Inleiding\n\nDit plan maakt de bouw van tien woningen mogelijk.\n\n"
        "Hoofdstuk 2 Beleidskader\n\nHet plan past in het beleid van de provincie.\n"
    )
    doc = parse_document(text_blocks(plan), plan, "plan.txt", "h2")
    assert doc.family == "text" and not doc.programmes


def test_ingest_programme_decimal_results_pair_with_their_goal():
    text = (
        "Programma 1 Veiligheid\n\nDoelstellingen\n\n1. Minder inbraken;\n"
        "2. Meer toezicht;\n\nWat gaan we daarvoor doen?\n\n"
        "1.1 Uitgevoerd veiligheidsplan\n\n2.1 Opgestelde visie op handhaving\n\n"
        "2.2 Ingezette boa's in het centrum\n\nToelichting\n\n"
        "1.1 Uitgevoerd veiligheidsplan\n\nHet plan is in 2023 vastgesteld door de raad.\n"
    )
    doc = parse_document(text_blocks(text), text, "x.txt", "h3")
    items = {i.text: i for s in doc.all_sections() for i in s.items}
    goals = {i.letter: i for i in items.values() if i.role == "goal"}
    actions = [i for i in items.values() if i.role == "action"]
    assert {a.letter: a.paired_item_id for a in actions} == {
        "1.1": goals["1"].item_id,
        "2.1": goals["2"].item_id,
        "2.2": goals["2"].item_id,
    }
    headings = [s.heading for s in doc.all_sections()]
    assert "1.1 Uitgevoerd veiligheidsplan" in headings  # over running text: a heading


def test_ingest_programme_pdf_status_report_from_dev_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The development bestuursrapportage rendered as PDF: one line per goal, activity and
    status, 2 sizes apart (no wide-spaced paragraph)."""
    pytest.importorskip("fpdf")
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    render = _load_script("render_documents")
    specs = _load_script("test_document_specs")
    spec = dict(next(s for s in specs.DEVELOPMENT if s["name"].startswith("veendam")))
    spec.update(format="pdf", header="Bestuursrapportage 2025", footer="Pagina {page}")
    target = tmp_path / "veendam.pdf"
    render.render_pdf(spec, target)
    raw = read_input(target)
    doc = parse_document(raw.layout(), raw.text, target.name, content_hash(raw.data))
    items = [i for s in doc.all_sections() for i in s.items]
    actions = [i for i in items if i.role == "action"]
    assert len(actions) >= 5 and all(a.status and a.paired_item_id for a in actions)


def test_ingest_programme_pdf_cost_row_label_wrapped_over_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A row label too long for its cell wraps above and below the row's figures (the
    development begroting, with a longer first label, rendered as PDF)."""
    pytest.importorskip("fpdf")
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    render = _load_script("render_documents")
    specs = _load_script("test_document_specs")
    spec = json.loads(
        json.dumps(next(s for s in specs.DEVELOPMENT if s["name"].startswith("zutphen")))
    )
    label = "Lasten en overige kosten van beheer en onderhoud"
    for programme in spec["programmes"]:
        for _heading, blocks in programme["sections"]:
            for block in blocks:
                if block[0] == "cost":
                    block[4][0][0] = label
    target = tmp_path / "zutphen.pdf"
    render.render_pdf(spec, target)
    raw = read_input(target)
    doc = parse_document(raw.layout(), raw.text, target.name, content_hash(raw.data))
    tables = [t for s in doc.all_sections() for t in s.tables if t.kind == "amounts"]
    assert tables and all(t.rows[0][0] == label and len(t.amounts) == 36 for t in tables)


KINDS = frozenset({"baten", "lasten", "saldo"})


def test_ingest_programme_cost_rows_in_taakveld_blocks():
    """Rows per task field in blocks (label wrapped over the block's rows, the kind after
    it): each row is named "<task field> <kind>" (the layout of a real Programmabegroting)."""
    rows = [
        ["0.1 Bestuur Baten", "89"],
        ["Lasten", "-2.032"],
        ["Saldo", "-1.943"],
        ["0.3 Beheer overige gebouwen en Baten", "97"],
        ["gronden Lasten", "-485"],
        ["Saldo", "-388"],
        ["6.71 Maatwerkdienstverlening Baten", "160"],
        ["18+ Lasten", "-2.542"],
        ["Saldo", "-2.382"],
        ["0.9 Vennootschapsbelasting Baten", "0"],
        ["(VpB) Lasten", "-22"],
        ["Saldo", "-22"],
        ["Totaal baten Baten", "41.839"],
        ["Totaal lasten Lasten", "-13.230"],
        ["Onttrekking reserves", "7.517"],
    ]
    assert row_labels(rows, KINDS) == [
        "0.1 Bestuur Baten",
        "0.1 Bestuur Lasten",
        "0.1 Bestuur Saldo",
        "0.3 Beheer overige gebouwen en gronden Baten",
        "0.3 Beheer overige gebouwen en gronden Lasten",
        "0.3 Beheer overige gebouwen en gronden Saldo",
        "6.71 Maatwerkdienstverlening 18+ Baten",
        "6.71 Maatwerkdienstverlening 18+ Lasten",
        "6.71 Maatwerkdienstverlening 18+ Saldo",
        "0.9 Vennootschapsbelasting (VpB) Baten",
        "0.9 Vennootschapsbelasting (VpB) Lasten",
        "0.9 Vennootschapsbelasting (VpB) Saldo",
        "Totaal baten Baten",
        "Totaal lasten Lasten",
        "Onttrekking reserves",
    ]


def test_ingest_programme_cost_row_kind_in_a_column_of_its_own():
    rows = [["Wegen", "Lasten", "1.200"], ["", "Baten", "300"], ["Groen", "Lasten", "800"],
            ["", "Baten", "20"]]  # fmt: skip
    assert row_labels(rows, KINDS) == ["Wegen Lasten", "Wegen Baten", "Groen Lasten",
                                       "Groen Baten"]  # fmt: skip


@pytest.mark.parametrize(
    "labels",
    [
        ["Baten", "Lasten", "Saldo van baten en lasten", "Onttrekking reserves"],
        ["Totaal lasten", "Totaal baten", "Saldo"],  # one short block: left as written
        ["Lasten", "Baten", "Saldo", "Lasten", "Baten"],
        ["Personeel", "Kapitaallasten", "Overige lasten"],
    ],
)
def test_ingest_programme_cost_rows_without_blocks_keep_their_labels(labels: list[str]):
    assert row_labels([[label, "1"] for label in labels], KINDS) == labels


def test_ingest_programme_cost_row_kinds_come_from_the_vocabulary():
    assert {"baten", "lasten", "saldo"} <= load_vocabulary().row_kinds


def test_ingest_programme_numbered_chapters_with_goals_are_programmes():
    """A budget without "Programma" headings (a joint arrangement's): chapters numbered
    "5." in the chapter style are programmes when they hold "Wat willen we bereiken?"; the
    other chapters end them."""
    from pipeline.ingest.layout import BLANK, Block

    def heading(text: str, level: int) -> list[Block]:
        return [Block("line", text, style_level=level), BLANK]

    def para(text: str) -> list[Block]:
        return [Block("line", text), BLANK]

    blocks = [
        *heading("Begroting 2026", 1),
        *heading("1. Inleiding", 2),
        *para("De begroting van de GGD staat in het teken van de toekomst van de organisatie."),
        *heading("2. Publieke gezondheid", 2),
        *heading("2.1 Jeugd en gezin", 3),
        *heading("Wat willen we bereiken?", 4),
        *para("Gezonde kinderen in alle gemeenten van de regio, van nul tot achttien jaar."),
        *heading("3. Ambulancezorg", 2),
        *heading("Wat willen we bereiken?", 4),
        *para("Snelle hulp bij spoed voor alle inwoners van de provincie en de regio."),
        *heading("4. Financiën", 2),
        *para("Het overzicht van baten en lasten volgt hieronder in de tabellen."),
    ]
    doc = parse_document(blocks, "", "ggd.pdf", "h")
    assert [(p.number, p.title) for p in doc.programmes] == [
        ("2", "Publieke gezondheid"),
        ("3", "Ambulancezorg"),
    ]
    assert [s.heading for s in doc.sections] == ["Begroting 2026", "1. Inleiding", "4. Financiën"]
    # without a goal heading the same chapters are no programmes
    plain = [b for b in blocks if not b.text.startswith("Wat willen")]
    assert all(p.number is None for p in parse_document(plain, "", "x.pdf", "h").programmes)


def test_ingest_programme_indicator_table_with_a_column_per_year():
    from pipeline.ingest.layout import BLANK, Block

    rows = (
        ("Indicator", "2023 realisatie", "2024 realisatie", "2025 begroting"),
        ("Aantal PrEP consulten", "698", "691", "700"),
        ("Aantal Niet-Acute adviezen", "", "73", "50"),
    )
    blocks = [
        Block("line", "Wat willen we bereiken?", style_level=2),
        BLANK,
        Block("table", rows=rows, header_rows=1),
    ]
    doc = parse_document(blocks, "", "ggd.pdf", "h")
    got = [
        (i.name, i.period, i.value)
        for s in doc.all_sections()
        for t in s.tables
        for i in t.indicators
    ]
    assert got == [
        ("Aantal PrEP consulten", "2023 realisatie", "698"),
        ("Aantal PrEP consulten", "2024 realisatie", "691"),
        ("Aantal PrEP consulten", "2025 begroting", "700"),
        ("Aantal Niet-Acute adviezen", "2024 realisatie", "73"),
        ("Aantal Niet-Acute adviezen", "2025 begroting", "50"),
    ]


def test_ingest_programme_running_header_of_the_layout_names_the_year():
    """A PDF whose running header carries the title and year ("GGD Flevoland Begroting
    2026", furniture of the layout) and no title line in its text: the header names the
    year as a running line of the text does."""
    from pipeline.ingest.layout import BLANK, Block

    header = Block("furniture", "Organisatie Begroting 2026", reason="running header")
    page = [
        Block("line", "Wat willen we bereiken?", style_level=2),
        BLANK,
        Block("line", "Gezonde kinderen in alle gemeenten van de regio, van nul tot achttien."),
        BLANK,
    ]
    doc = parse_document([header, *page, header, *page], "", "x.pdf", "h")
    assert (doc.document_type, doc.year) == ("begroting", 2026)
    toc = Block("furniture", "Begroting 2025 ..... 3", reason="table of contents")
    doc = parse_document([toc, *page], "", "x.pdf", "h")
    assert (doc.document_type, doc.year) == ("begroting", None)


def test_ingest_programme_cost_rows_with_a_code_column_join_code_and_name():
    """A task-field overview gives the code and the name in two columns ("0.1" |
    "Bestuur" | 0 | 96 | 96): the row is "0.1 Bestuur", the name is no amount."""
    from pipeline.ingest.layout import BLANK, Block

    rows = (
        ("Bedragen (x €1.000)", "", "Baten", "Lasten", "Saldo"),
        ("0.1", "Bestuur", "0", "96", "96"),
        ("6.81b", "Maatschappelijke Opvang", "4.815", "3.896", "-919"),
        ("7", "Volksgezondheid en milieu", "58.706", "61.493", "2.787"),
        ("Totaal", "", "82.524", "82.524", "0"),
    )
    blocks = [Block("line", "Taakveldenoverzicht", style_level=2), BLANK,
              Block("table", rows=rows, header_rows=1)]  # fmt: skip
    doc = parse_document(blocks, "", "x.pdf", "h")
    got = {(a.row_label, a.column_label, a.value) for s in doc.all_sections()
           for t in s.tables for a in t.amounts}  # fmt: skip
    assert ("0.1 Bestuur", "Lasten", "96") in got
    assert ("6.81b Maatschappelijke Opvang", "Saldo", "-919") in got
    assert ("7 Volksgezondheid en milieu", "Baten", "58.706") in got
    assert ("Totaal", "Baten", "82.524") in got
    assert len(got) == 12
    # a first column of years or amounts is no code column
    plain = ((("Omschrijving", "Krediet", "2024")), ("Tractie", "54.500", "12"))
    doc = parse_document([Block("table", rows=plain, header_rows=1)], "", "x.pdf", "h")
    labels = {a.row_label for s in doc.all_sections() for t in s.tables for a in t.amounts}
    assert labels == {"Tractie"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("GGD Regio Begroting 2026", None),
        ("Veiligheidsregio Begroting 2026", None),
        ("Gemeente Almere Begroting 2026", "Almere"),
        ("Begroting 2026", "Almere"),
    ],
)
def test_ingest_programme_joint_arrangement_has_no_municipality(title: str, expected: str | None):
    """A joint arrangement's budget names its member municipalities, the biggest most
    often; when its title names the arrangement, the document is none of theirs. A
    municipality's budget that mentions the GGD in its text keeps its municipality."""
    body = (
        "Wat willen we bereiken?\nDe inwoners van Almere, Lelystad en Dronten zijn gezond. "
        "In Almere groeit de vraag het snelst; Almere betaalt het grootste deel.\n\n"
        "Wat gaan we daarvoor doen?\nDe GGD en de veiligheidsregio werken samen.\n"
    )
    assert parse(f"{title}\n\n{body}").municipality == expected


def test_ingest_programme_indicator_table_with_a_year_in_the_name_header():
    from pipeline.ingest.layout import BLANK, Block

    rows = (
        ("Indicator (nieuwe indicatoren vanaf 2026)", "2024 realisatie", "2026 begroting"),
        ("Aantal lopende onderzoeksprojecten", "", "10"),
    )
    blocks = [Block("line", "Wat willen we bereiken?", style_level=2), BLANK,
              Block("table", rows=rows, header_rows=1)]  # fmt: skip
    doc = parse_document(blocks, "", "ggd.pdf", "h")
    got = [(i.name, i.period, i.value) for s in doc.all_sections() for t in s.tables
           for i in t.indicators]  # fmt: skip
    assert got == [("Aantal lopende onderzoeksprojecten", "2026 begroting", "10")]


def _indicators_of(rows: tuple[tuple[str, ...], ...], heading: str = "Ketenzorg") -> list:
    from pipeline.ingest.layout import BLANK, Block

    blocks = [Block("line", heading, style_level=2), BLANK,
              Block("table", rows=rows, header_rows=1)]  # fmt: skip
    doc = parse_document(blocks, "", "x.pdf", "h")
    tables = [t for s in doc.all_sections() for t in s.tables]
    found = [(t.kind, i.name, i.period, i.value) for t in tables for i in t.indicators]
    return found or [t.kind for t in tables]


def test_ingest_programme_measures_per_year_without_a_name_header_are_indicators():
    rows = (
        ("", "2024 realisatie", "2025 begroting"),
        ("Aantal overschrijdingen minder dan 5%", "92,30%", "92,80%"),
        ("Certificering NKZ", "behaald", "Te behalen"),
    )
    assert _indicators_of(rows) == [
        ("indicators", "Aantal overschrijdingen minder dan 5%", "2024 realisatie", "92,30%"),
        ("indicators", "Aantal overschrijdingen minder dan 5%", "2025 begroting", "92,80%"),
        ("indicators", "Certificering NKZ", "2024 realisatie", "behaald"),
        ("indicators", "Certificering NKZ", "2025 begroting", "Te behalen"),
    ]
    # amounts per year stay amounts, an investment plan with "-" for nothing is no
    # table of measures, nor are sentences
    money = (("", "Krediet 2024", "Meerjarenbeeld 2025"), ("Tractie", "54.500", "-"),
             ("Totaal", "54.500", "-"))  # fmt: skip
    assert _indicators_of(money) == ["amounts"]
    plan = (("", "Krediet 2024", "Meerjarenbeeld 2025", "Meerjarenbeeld 2026"),
            ("Tractie", "-", "-", "-"), ("Bus", "-", "-", "1.200"))  # fmt: skip
    assert _indicators_of(plan) == ["other"]
    risks = (("", "31-12-2024:", "31-12-2025:"), ("Werkvoorziening", "nihil", "- CAO lonen;"))
    assert _indicators_of(risks) == ["other"]


def test_ingest_programme_indicator_value_column_without_a_value_header():
    rows = (("indicator", "begroting"), ("Formatie", "1,31"), ("Externe inhuur", "3%"))
    assert _indicators_of(rows, "Beleidsindicatoren") == [
        ("indicators", "Formatie", "begroting", "1,31"),
        ("indicators", "Externe inhuur", "begroting", "3%"),
    ]


def test_question_heading_run_into_its_paragraph_is_set_apart():
    """A heading set apart only by its colour reaches the parser run into its paragraph."""
    from pipeline.ingest.layout import Block
    from pipeline.ingest.programme.parser import run_in_headings
    from pipeline.ingest.programme.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    blocks = [
        Block("line", "Wat willen we bereiken? Bescherming van de gezondheid van inwoners."),
        Block("line", "Wat willen we bereiken met dit plan? Dat staat hieronder."),
        Block("line", "Wat doen we daarvoor? en verder"),
    ]
    out = run_in_headings(blocks, vocab)
    assert [(b.kind, b.text) for b in out] == [
        ("line", "Wat willen we bereiken?"),
        ("blank", ""),
        ("line", "Bescherming van de gezondheid van inwoners."),
        ("line", "Wat willen we bereiken met dit plan? Dat staat hieronder."),
        ("line", "Wat doen we daarvoor? en verder"),
    ]
