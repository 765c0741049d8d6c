"""Tests for pipeline/ingest/threads.py, thread_layouts.py and thread_records.py: layouts,
structure, article and golden files."""

from __future__ import annotations

import importlib.util
import json
import logging
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SEED_PROGRAMMES, SEED_THREAD, require_seeds
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from pipeline.config import PrivacySettings, Settings
from pipeline.ingest import detect_family, ingest_raw
from pipeline.ingest.readers import DATA_SUFFIXES, SUPPORTED_SUFFIXES, InputError, read_input
from pipeline.ingest.threads import (
    LAYOUT_NUMBERED,
    LAYOUT_REACTIE,
    LAYOUT_WROTE,
    detect_layout,
    extract_emoji,
    extract_urls,
    parse_thread,
)
from pipeline.privacy import Pseudonymiser
from pipeline.records import Thread, content_hash, make_id

RAW = FIXTURES / "raw" / "threads"
GOLDEN = FIXTURES / "golden" / "threads"
SAMPLES = ROOT / "data" / "raw"


def load_golden_script():
    spec = importlib.util.spec_from_file_location(
        "regenerate_golden_threads", ROOT / "scripts" / "regenerate_golden_threads.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parse(text: str, settings: Settings, path: str = "thread.txt") -> Thread:
    return parse_thread(text, path, content_hash(text), Pseudonymiser(settings.privacy))


def structure(thread: Thread) -> list[tuple[int, int | None, int]]:
    return [(c.index, c.parent_index, c.depth) for c in thread.comments]


NUMBERED = """Nieuwe bankjes in het park

De gemeente plaatst tien nieuwe bankjes.

3 reacties

 1. Anna Veldman
  2 mei 2023 at 10:00

  Fijn!
  Eindelijk zitten.

  • Bert Kuipers
   2 mei 2023 at 11:00

   Eens.

 2. Carla
  1 mei 2023 at 09:00

  Waar komen ze?
"""


def test_ingest_threads_numbered_layout_structure(settings: Settings) -> None:
    thread = parse(NUMBERED, settings)
    assert thread.layout == LAYOUT_NUMBERED
    assert thread.article_title == "Nieuwe bankjes in het park"
    assert thread.article_text == "De gemeente plaatst tien nieuwe bankjes."
    assert structure(thread) == [(1, None, 0), (2, 1, 1), (3, None, 0)]
    assert thread.comments[0].text == "Fijn!\nEindelijk zitten."
    assert thread.comments[1].parent_id == thread.comments[0].comment_id
    assert thread.comments[2].timestamp is not None
    assert thread.comments[2].timestamp.isoformat() == "2023-05-01T07:00:00+00:00"


def test_ingest_threads_ids_are_stable_hashes_of_content_and_position(
    settings: Settings,
) -> None:
    first, second = parse(NUMBERED, settings), parse(NUMBERED, settings)
    digest = content_hash(NUMBERED)
    assert [c.comment_id for c in first.comments] == [c.comment_id for c in second.comments]
    assert first.comments[1].comment_id == make_id(digest, 2)
    assert first.thread_id != parse(NUMBERED + "\n", settings).thread_id


@pytest.mark.parametrize(
    "header", ["1 reactie", "12 Reacties", "Reacties (3)", '3 reacties op "Nieuwe bankjes"']
)
def test_ingest_threads_reactions_header_variants(header: str, settings: Settings) -> None:
    text = NUMBERED.replace("3 reacties", header)
    thread = parse(text, settings)
    assert thread.article_text == "De gemeente plaatst tien nieuwe bankjes."
    assert len(thread.comments) == 3


def test_ingest_threads_warns_when_announced_count_differs(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        parse(NUMBERED.replace("3 reacties", "5 reacties"), settings)
    assert "announces 5 comments but 3 were found" in caplog.text


def test_ingest_threads_deep_nesting_and_siblings(settings: Settings) -> None:
    thread = parse((RAW / "numbered_deep.txt").read_text(encoding="utf-8"), settings)
    assert structure(thread) == [(1, None, 0), (2, 1, 1), (3, 2, 2), (4, 3, 3), (5, 1, 1)]
    # Line breaks and lists inside a comment are kept; its indentation is not.
    assert "blij:\n- de bladeren\n- de wortels" in thread.comments[3].text
    assert thread.published is not None and thread.published.isoformat().startswith("2023-09-03")


def test_ingest_threads_byline_is_removed_from_article(settings: Settings) -> None:
    thread = parse((SAMPLES / "thread_numbered.txt").read_text(encoding="utf-8"), settings)
    assert "Verslaggever" not in thread.article_text
    assert thread.article_text.endswith("www.zuiderhaven.nl/speeltuin.")
    deep = parse((RAW / "numbered_deep.txt").read_text(encoding="utf-8"), settings)
    assert "Door" not in deep.article_text and "Oosterbaan" not in deep.article_text


def test_ingest_threads_poem_keeps_relative_indentation(settings: Settings) -> None:
    thread = parse((SAMPLES / "thread_numbered.txt").read_text(encoding="utf-8"), settings)
    poem = thread.comments[-1].text
    assert "\n\n   Wie speelt, die leeft\n   wie leeft, die geeft\n\n" in poem


def test_ingest_threads_schreef_op_mentions_set_parents(settings: Settings) -> None:
    thread = parse((RAW / "schreef_op_mentions.txt").read_text(encoding="utf-8"), settings)
    assert thread.layout == LAYOUT_WROTE
    assert thread.article_title is None
    # 5 mentions the first author, whose latest earlier comment is 3; 4 mentions nobody
    # in the thread.
    assert structure(thread) == [(1, None, 0), (2, 1, 1), (3, 2, 2), (4, None, 0), (5, 3, 3)]
    assert thread.comments[0].timestamp is not None
    assert thread.comments[0].timestamp.isoformat() == "2022-02-02T09:00:00+00:00"


def test_ingest_threads_reactie_van_indentation_and_antwoord(settings: Settings) -> None:
    thread = parse((SAMPLES / "thread_reactie_van.txt").read_text(encoding="utf-8"), settings)
    assert thread.layout == LAYOUT_REACTIE
    # Spaces and tabs indent replies; an unindented "Antwoord van" answers the latest
    # top-level comment.
    assert structure(thread) == [
        (1, None, 0), (2, 1, 1), (3, 2, 2), (4, None, 0), (5, 4, 1), (6, 4, 1)
    ]  # fmt: skip
    assert thread.comments[0].text.startswith("Graag meer groen")


@pytest.mark.parametrize(
    "header",
    [
        "Reactie van Jan-Willem de Vries – 12-04-2023 09:15",
        "Reactie van Jan-Willem de Vries - 12-04-2023 09:15",
        "Reactie van Jan-Willem de Vries — 12-04-2023 09:15",
        "Reactie van Jan-Willem de Vries op 12-04-2023 om 09:15",
    ],
)
def test_ingest_threads_reactie_van_separators(header: str, settings: Settings) -> None:
    thread = parse(f"{header}\nGoed plan.\n", settings)
    assert thread.layout == LAYOUT_REACTIE
    assert thread.comments[0].text == "Goed plan."
    assert thread.comments[0].timestamp is not None
    assert thread.comments[0].timestamp.isoformat() == "2023-04-12T07:15:00+00:00"
    assert thread.comments[0].author == Pseudonymiser(settings.privacy).pseudonym(
        "Jan-Willem de Vries"
    )


def test_ingest_threads_urls_and_emoji() -> None:
    text = "Zie https://example.org/a?b=1, of www.voorbeeld.nl. 👍🏽 Top 🎉🎉"
    assert extract_urls(text) == ["https://example.org/a?b=1", "www.voorbeeld.nl"]
    assert extract_emoji(text) == ["👍🏽", "🎉", "🎉"]
    assert extract_emoji("geen emoji :-)") == []


@pytest.mark.parametrize(
    "text",
    [
        "Begroting 2024\n\nProgramma 1 Veiligheid\n\n1. Inleiding\n\nDe raad besluit.",
        (RAW / "not_a_thread.txt").read_text(encoding="utf-8"),
        "Reactie van het college op de motie van 12 april 2023.",
        "De wethouder schreef op 3 maart 2021 aan de raad dat het plan doorgaat.",
        "",
    ],
)
def test_ingest_threads_programme_texts_are_not_threads(text: str) -> None:
    assert detect_layout(text) is None


def test_ingest_threads_seed_programmes_are_not_threads() -> None:
    require_seeds()
    for path in SEED_PROGRAMMES:
        assert detect_layout(path.read_text(encoding="utf-8")) is None, path.name


def test_ingest_threads_other_samples_are_not_threads() -> None:
    others = [
        p
        for p in sorted(SAMPLES.iterdir())
        if p.suffix.lower() in SUPPORTED_SUFFIXES - DATA_SUFFIXES
        and not p.name.startswith("thread_")
    ]
    assert others
    for path in others:
        assert detect_layout(read_input(path).text) is None, path.name


def test_ingest_threads_detects_every_thread_sample() -> None:
    require_seeds()
    assert SEED_THREAD is not None
    expected = {
        SEED_THREAD: LAYOUT_NUMBERED,
        SAMPLES / "thread_numbered.txt": LAYOUT_NUMBERED,
        SAMPLES / "thread_schreef_op.txt": LAYOUT_WROTE,
        SAMPLES / "thread_reactie_van.txt": LAYOUT_REACTIE,
        RAW / "numbered_deep.txt": LAYOUT_NUMBERED,
        RAW / "schreef_op_mentions.txt": LAYOUT_WROTE,
        RAW / "reactie_van_tabs.txt": LAYOUT_REACTIE,
    }
    for path, layout in expected.items():
        assert detect_layout(path.read_text(encoding="utf-8")) == layout, path.name
        assert detect_family(read_input(path)) == "thread", path.name


def test_ingest_threads_seed_structure(settings: Settings) -> None:
    require_seeds()
    assert SEED_THREAD is not None
    raw = read_input(SEED_THREAD)
    (thread,) = ingest_raw(raw, settings, Pseudonymiser(settings.privacy))
    assert isinstance(thread, Thread)
    announced = re.search(r"^(\d+) Reacties$", raw.text, re.MULTILINE)
    assert announced is not None and len(thread.comments) == int(announced.group(1))
    by_index = {c.index: c for c in thread.comments}
    top = [c for c in thread.comments if c.depth == 0]
    assert len(top) == len(re.findall(r"^ \d+\. ", raw.text, re.MULTILINE))
    # Top-level comment 2 has replies at depth 1; top-level comment 3 has a depth-1 reply
    # with a depth-2 reply.
    replies_to_2 = [c for c in thread.comments if c.parent_index == top[1].index]
    assert len(replies_to_2) == 2 and all(c.depth == 1 for c in replies_to_2)
    (reply_to_3,) = [c for c in thread.comments if c.parent_index == top[2].index]
    assert reply_to_3.depth == 1
    assert [c.depth for c in thread.comments if c.parent_index == reply_to_3.index] == [2]
    assert by_index[1].timestamp is not None
    assert by_index[1].timestamp.isoformat() == "2017-07-11T18:45:00+00:00"
    assert all(c.timestamp is not None for c in thread.comments)
    assert "Reacties" not in thread.article_text
    assert "Hoofdredactie" not in thread.article_text
    assert any(c.urls for c in thread.comments) and any(c.emoji for c in thread.comments)


def test_ingest_threads_no_comments_is_an_input_error(settings: Settings) -> None:
    with pytest.raises(InputError, match="no comments found"):
        parse("Alleen een titel\n\nEn wat tekst.", settings)


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.glob("*.json")))
def test_ingest_threads_golden_files(name: str) -> None:
    script = load_golden_script()
    inputs = script.golden_inputs()
    if name == "seed_004.json":
        require_seeds()
    assert name in inputs, f"golden file {name} has no input; run the regenerate script"
    expected = json.loads((GOLDEN / name).read_text(encoding="utf-8"))
    assert script.golden_summary(inputs[name]) == expected


def test_ingest_threads_every_input_has_a_golden_file() -> None:
    require_seeds()
    missing = set(load_golden_script().golden_inputs()) - {p.name for p in GOLDEN.glob("*.json")}
    assert not missing


def test_ingest_threads_golden_files_hold_no_seed_names() -> None:
    require_seeds()
    assert SEED_THREAD is not None
    text = SEED_THREAD.read_text(encoding="utf-8")
    authors = re.findall(r"^\s*(?:\d+\.|•)\s+(.+?)\s*\n\s*\d{1,2} \w+ \d{4} at ", text, re.M)
    assert len(authors) >= 5
    golden = "\n".join(p.read_text(encoding="utf-8") for p in GOLDEN.glob("*.json"))
    for author in authors:
        for part in re.split(r"[\s.]+", author):
            if len(part) >= 3 and not (part.islower() and len(part) <= 3):
                assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", golden, re.I)


def test_ingest_threads_regenerate_script_writes_golden_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = load_golden_script()
    monkeypatch.setattr(script, "GOLDEN", tmp_path)
    monkeypatch.setattr(script, "golden_inputs", lambda: {"x.json": RAW / "reactie_van_tabs.txt"})
    script.main()
    written = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert written == json.loads((GOLDEN / "reactie_van_tabs.txt.json").read_text("utf-8"))


PEOPLE = ["Anna Veldman", "Bert Kuipers", "Carla", "Dirk-Jan Zwart", "Eline van Os"]


def render(depths: list[int], layout: str, indent: str) -> tuple[str, list[int | None]]:
    """A synthetic thread with comments at ``depths`` (pre-order) and the expected parents."""
    lines = ["Titel van het artikel", "", "Tekst van het artikel.", "", f"{len(depths)} reacties"]
    parents: list[int | None] = []
    latest: dict[int, int] = {}
    number = 0
    for i, depth in enumerate(depths, start=1):
        parents.append(latest[depth - 1] if depth else None)
        latest[depth] = i
        name, minute = PEOPLE[i % len(PEOPLE)], f"{i % 60:02d}"
        if layout == LAYOUT_NUMBERED:
            pad = " " * (1 + depth)
            if depth == 0:
                number += 1
            marker = f"{number}." if depth == 0 else "•"
            lines += [f"{pad}{marker} {name}", f"{pad} 3 maart 2021 at 14:{minute}", ""]
            lines += [f"{pad} Tekst nummer {i}.", f"{pad} Tweede regel.", ""]
        else:
            pad = indent * depth
            lines += [f"{pad}Reactie van {name} – 12-04-2023 09:{minute}"]
            lines += [f"{pad}Tekst nummer {i}.", f"{pad}Tweede regel."]
    return "\n".join(lines) + "\n", parents


@st.composite
def tree_depths(draw: st.DrawFn) -> list[int]:
    n = draw(st.integers(min_value=1, max_value=12))
    depths = [0]
    for _ in range(n - 1):
        depths.append(draw(st.integers(min_value=0, max_value=min(depths[-1] + 1, 5))))
    return depths


@hypothesis_settings(max_examples=40, deadline=None)
@given(
    tree_depths(),
    st.sampled_from([LAYOUT_NUMBERED, LAYOUT_REACTIE]),
    st.sampled_from(["  ", "    ", "\t"]),
)
def test_ingest_threads_structure_of_generated_threads(
    depths: list[int], layout: str, indent: str
) -> None:
    text, parents = render(depths, layout, indent)
    pseudonymiser = Pseudonymiser(PrivacySettings(secret="test-secret"))
    thread = parse_thread(text, "generated.txt", content_hash(text), pseudonymiser)
    assert thread.layout == layout
    assert [c.depth for c in thread.comments] == depths
    assert [c.parent_index for c in thread.comments] == parents
    assert [c.text for c in thread.comments] == [
        f"Tekst nummer {i}.\nTweede regel." for i in range(1, len(depths) + 1)
    ]


def test_ingest_threads_municipality_from_article(settings: Settings) -> None:
    named = NUMBERED.replace(
        "De gemeente plaatst tien nieuwe bankjes.",
        "De gemeente Zwolle plaatst tien nieuwe bankjes in Zwolle-Zuid.",
    )
    assert parse(named, settings).municipality == "Zwolle"
    assert parse(NUMBERED, settings).municipality is None  # names none: unknown, not guessed
