"""Property-based tests of the programme parser: it never crashes and never loses text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.ingest.programme import normalize_line, parse_metadata_line, parse_programme
from pipeline.records import Document, content_hash

WORD = re.compile(r"[^\W_]+")
EXAMPLES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.text(alphabet=st.sampled_from(list("abcdeéëïoöxyzABCDEZ0129")), min_size=1, max_size=8)
phrase = st.lists(words, min_size=1, max_size=12).map(" ".join)
noise = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" .,:;?!|#-*•–()'\"/\t\u00a0\u00ad\u200b_")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)
letter = st.sampled_from(["A.", "B.", "C.", "a)", "b)", "(a)", "1.", "2.", "R.", "Z."])
bullet = st.sampled_from(["-", "•", "*", "–", "\uf0b7"])
fixed = st.sampled_from(
    [
        "Wat willen we bereiken",
        "Wat willen we bereiken:",
        "Wat gaan we daarvoor doen?",
        "Wat hebben we daarvoor gedaan?",
        "Wat willen we bereiken en wat gaan we daarvoor doen",
        "Terugblik",
        "Voortgang 2025",
        "Speerpunten",
        "Wat mag het kosten",
    ]
)
boilerplate = st.sampled_from(
    [
        "Pagina 3 van 12",
        "12",
        "- 4 -",
        "---|",
        "|---|---|",
        "|",
        "Deze pagina is gebouwd op 07/09/2020 10:26:55 met de export van 07/09/2020",
        "Aandeel in het totaal",
        "Gemeente Zaanstad",
        "Begroting 2024 | Gemeente Voorbeeld",
    ]
)
line = st.one_of(
    st.just(""),
    st.just(""),
    phrase,
    phrase.map(lambda p: p + "."),
    noise,
    st.tuples(letter, phrase).map(" ".join),
    st.tuples(bullet, phrase).map(" ".join),
    st.tuples(st.sampled_from(["Programma", "Hoofdstuk", "PROGRAMMA"]), words, phrase).map(
        " ".join
    ),
    st.tuples(st.sampled_from(["4.1", "1.2.3", "§ 2.1", "1."]), phrase).map(" ".join),
    st.tuples(st.sampled_from(["#", "##", "###", "#"]), phrase).map(" ".join),
    fixed,
    boilerplate,
    st.tuples(phrase, phrase, phrase).map(" | ".join),
    phrase.map(lambda p: p + " |"),
    st.tuples(
        st.sampled_from(["Portefeuillehouder:", "Wethouder(s):", "Verantwoordelijk directeur:"]),
        st.lists(words, max_size=3).map(", ".join),
    ).map(" ".join),
    st.sampled_from(["Begroting 2020", "Jaarverslag 2019", "Bestuursrapportage 2025"]),
)
documents = st.lists(line, max_size=40).map("\n".join)


def parse(text: str) -> Document:
    return parse_programme(text, "prop.txt", content_hash(text))


def output_words(doc: Document) -> set[str]:
    sections = doc.all_sections()
    parts = [s.heading or "" for s in sections]
    for section in sections:
        parts += [p.text for p in section.paragraphs]
        parts += [f"{i.letter or ''} {i.text} {i.status or ''}" for i in section.items]
        parts += [c for t in section.tables for row in [t.header, *t.rows] for c in row]
    return set(WORD.findall(" ".join(parts)))


@EXAMPLES
@given(documents)
def test_ingest_properties_never_crashes_and_is_consistent(text: str):
    doc = parse(text)
    assert doc.to_dict() == parse(text).to_dict()
    assert [s.order for s in doc.all_sections()] == list(range(len(doc.all_sections())))
    ids = [doc.document_id]
    by_id = {}
    for section in doc.all_sections():
        assert section.level in (0, 1, 2, 3)
        assert (section.heading is None) == (section.level == 0)
        assert [p.order for p in section.paragraphs] == list(range(len(section.paragraphs)))
        assert [i.order for i in section.items] == list(range(len(section.items)))
        assert all(p.text and p.text == p.text.strip() for p in section.paragraphs)
        ids += [section.section_id, *(p.paragraph_id for p in section.paragraphs)]
        ids += [i.item_id for i in section.items]
        by_id.update({i.item_id: i for i in section.items})
    assert len(ids) == len(set(ids))
    for item in by_id.values():
        if item.paired_item_id is not None:
            partner = by_id[item.paired_item_id]
            assert {item.role, partner.role} == {"goal", "action"}
            goal = item if item.role == "goal" else partner
            # a goal points to its first action; every action points to its goal
            assert by_id[goal.paired_item_id or ""].paired_item_id == goal.item_id
    assert doc.family in ("programme", "text")
    assert doc.year is None or 1900 <= doc.year <= 2099


@EXAMPLES
@given(documents)
@example("0\r|")  # a lone carriage return is a line break, as in str.splitlines
@example("Programma 1\u2028A. Doel\x85B. Actie")
@example("0|A-\n0")  # lines joined at a hyphen, then kept in the audit as one furniture line
def test_ingest_properties_no_text_lost(text: str):
    doc = parse(text)
    boilerplate = set(doc.boilerplate_lines)
    # what is dropped as furniture is kept in the audit, possibly joined with the next line
    found = output_words(doc) | set(WORD.findall(" ".join(boilerplate)))
    people = [n for p in doc.programmes for n in [*p.portfolio_holders, p.director or ""]]
    holders = set(WORD.findall(" ".join(people)))
    value_on_next_line = False
    for raw in text.splitlines():
        current = normalize_line(raw)
        if not current:
            continue
        if current in boilerplate:
            continue
        metadata = parse_metadata_line(current)
        if metadata is not None:
            value_on_next_line = not metadata[1]
            continue
        if value_on_next_line:
            if set(WORD.findall(current)) & holders:
                continue  # the names of a label-only metadata line (one line or a list)
            value_on_next_line = False
        missing = set(WORD.findall(current)) - found
        assert not missing, f"{current!r} lost {sorted(missing)}"
