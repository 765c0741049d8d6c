"""Integrity of the writing-advice gold annotations (tests/fixtures/real/flags_*.csv).

The seed part always runs (the seed texts are in ../shared/seeds, also in CI); the Amsterdam
texts live outside the repository and are checked only when `python -m
bench.evaluate.flags_export` has written them.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest
from conftest import require_seeds

from bench.evaluate import flags_gold as fg
from bench.evaluate.flags_export import DEV_COMPLEX_MOD, HELDOUT_DOCS, SEED_UNITS, SIMPLE_MOD
from bench.evaluate.flags_gold import AMSTERDAM, KINDS, SEEDS, SIDES


@pytest.fixture(scope="module")
def refs() -> dict[str, list[fg.UnitRef]]:
    return {side: fg.read_unit_refs(side) for side in SIDES}


@pytest.fixture(scope="module")
def annotations() -> dict[str, list[fg.Annotation]]:
    """The first annotation of every side; none yet for a side in ANNOTATIONS_PENDING."""
    return {
        side: [] if side in fg.ANNOTATIONS_PENDING else fg.read_annotations(side) for side in SIDES
    }


def test_only_pending_sides_lack_annotation_files():
    """A side in ANNOTATIONS_PENDING has a unit list and no annotation file yet; once its
    annotators commit both files, the side is taken out of ANNOTATIONS_PENDING (and the tests
    that need its annotations run)."""
    assert set(fg.ANNOTATIONS_PENDING) <= set(SIDES)
    for side in SIDES:
        files = [fg.annotations_path(side)]
        if side in fg.SECOND_ANNOTATION_SIDES:
            files.append(fg.annotations_path(side, 2))
        assert fg.units_path(side).is_file(), side
        if side in fg.ANNOTATIONS_PENDING:
            assert not any(f.is_file() for f in files), f"{side}: annotated, not pending"
            with pytest.raises(FileNotFoundError, match="ANNOTATIONS_PENDING"):
                fg.read_annotations(side)
        else:
            assert all(f.is_file() for f in files), side


def test_columns_kinds_and_offsets(refs, annotations):
    for side in SIDES:
        assert refs[side], side
        for ann in annotations[side]:
            assert ann.kind in KINDS
            assert 0 <= ann.start < ann.end
            assert ann.end - ann.start == len(ann.span), (side, ann.unit_id, ann.kind)
            assert ann.span == ann.span.strip() and ann.span, (side, ann.unit_id)


def test_annotations_belong_to_listed_units(refs, annotations):
    for side in SIDES:
        listed = {(r.dataset, r.unit_id): r for r in refs[side]}
        for ann in annotations[side]:
            ref = listed.get((ann.dataset, ann.unit_id))
            assert ref is not None, (side, ann.unit_id)
            assert ann.text_sha256 == ref.text_sha256, (side, ann.unit_id)
            assert ann.end <= ref.n_chars, (side, ann.unit_id)


def test_no_duplicate_annotations_and_one_kind_per_word(annotations):
    """Apart from passive spans, annotations of a unit never cross; a discontinuous
    construction ("vindt ... plaats") may contain a word of another kind, never share its span.
    """
    for side in SIDES:
        keys = [(a.dataset, a.unit_id, a.kind, a.start, a.end) for a in annotations[side]]
        assert len(keys) == len(set(keys)), side
        by_unit: dict[tuple[str, str], list[fg.Annotation]] = {}
        for ann in annotations[side]:
            if ann.kind != "passive":
                by_unit.setdefault((ann.dataset, ann.unit_id), []).append(ann)
        for unit, anns in by_unit.items():
            anns.sort(key=lambda a: a.start)
            for left, right in pairwise(anns):
                nested = left.start <= right.start and right.end <= left.end
                same = (left.start, left.end) == (right.start, right.end)
                assert left.end <= right.start or (nested and not same), (side, unit, right.span)


def test_alternatives_only_where_they_belong(annotations):
    for side in SIDES:
        for ann in annotations[side]:
            if ann.kind in ("passive", "nominalisation", "hard_word"):
                assert ann.alternative == "", (side, ann.unit_id, ann.span)
            if ann.kind == "officialese" and not ann.alternative:
                assert ann.note, f"{side} {ann.unit_id}: officialese without alternative or note"


def test_sides_are_disjoint_by_unit_text_and_document(refs):
    dev, heldout = refs["dev"], refs["heldout"]
    assert not {(r.dataset, r.unit_id) for r in dev} & {(r.dataset, r.unit_id) for r in heldout}
    assert not {r.text_sha256 for r in dev} & {r.text_sha256 for r in heldout}
    dev_docs = {r.document for r in dev if r.dataset == AMSTERDAM}
    heldout_docs = {r.document for r in heldout if r.dataset == AMSTERDAM}
    assert dev_docs and heldout_docs
    assert not dev_docs & heldout_docs
    assert all(r.dataset != SEEDS for r in dev), "seed units are all held-out"


def test_split_follows_the_written_rules(refs):
    """The unit lists are what the rules fixed before annotating give (checked on hashes)."""
    for side in SIDES:
        for ref in refs[side]:
            if ref.dataset != AMSTERDAM:
                continue
            assert (ref.document in HELDOUT_DOCS) == (side == "heldout"), ref.unit_id
            value = int(ref.text_sha256, 16)
            if ref.unit_id.endswith("-simple"):
                assert value % SIMPLE_MOD[side] == 0, ref.unit_id
            elif side == "dev":
                assert value % DEV_COMPLEX_MOD == 0, ref.unit_id
    seeds = {(r.document, int(r.unit_id.rpartition(":")[2])) for r in refs["heldout"]
             if r.dataset == SEEDS}  # fmt: skip
    assert seeds == {(name, off) for name, offs in SEED_UNITS.items() for off in offs}


def test_sizes(refs, annotations):
    assert len(refs["dev"]) >= 250
    assert len(refs["heldout"]) >= 350
    heldout = Counter(a.kind for a in annotations["heldout"])
    dev = Counter(a.kind for a in annotations["dev"])
    for kind in KINDS:
        assert heldout[kind] >= 30, kind
        assert dev[kind] >= 10, kind


def test_seed_units_and_spans_match_the_seed_texts():
    require_seeds()
    gold = fg.load_side("heldout", (SEEDS,))
    assert len(gold.units) == sum(len(v) for v in SEED_UNITS.values())
    for unit in gold.units:
        assert unit.text == unit.text.strip() and unit.text
    by_unit = gold.by_unit()
    for unit in gold.units:
        for ann in by_unit[(unit.dataset, unit.unit_id)]:
            assert unit.text[ann.start : ann.end] == ann.span


def test_seed_cut_rule():
    text = "Kop\n\n  Een zin.\u00a0\r\nTwee  zinnen. Nog een.\n"
    assert fg.cut_seed_units(text) == [(0, "Kop"), (7, "Een zin."), (18, "Twee  zinnen. Nog een.")]


def test_amsterdam_units_and_spans_match_the_exported_texts():
    try:
        sides = {side: fg.load_side(side) for side in ("dev", "heldout")}
    except fg.GoldTextsMissing as exc:
        pytest.skip(f"Amsterdam texts not exported on this machine: {exc}")
    for gold in sides.values():
        counts = Counter(u.dataset for u in gold.units)
        assert counts[AMSTERDAM] > 0


def test_heldout2_units_and_spans_match_the_exported_plan_texts():
    """The blind zoning-plan set: every hash, length and span fits the exported texts."""
    try:
        gold = fg.load_side("heldout2")
    except fg.GoldTextsMissing as exc:
        pytest.skip(f"zoning-plan texts not exported on this machine: {exc}")
    assert {u.dataset for u in gold.units} == {fg.PLANS}
    assert len(gold.units) >= 30
    for ann in gold.annotations:
        text = next(u.text for u in gold.units if u.unit_id == ann.unit_id)
        assert text[ann.start : ann.end] == ann.span


def test_heldout2_is_disjoint_from_the_other_sides(refs):
    other = {r.text_sha256 for side in ("dev", "heldout") for r in refs[side]}
    assert refs["heldout2"]
    assert all(r.dataset == fg.PLANS for r in refs["heldout2"])
    assert not other & {r.text_sha256 for r in refs["heldout2"]}


def test_heldout3_units_and_spans_match_the_exported_budget_texts():
    """The blind budget-prose set: every hash, length and span fits the exported texts."""
    try:
        gold = fg.load_side("heldout3")
    except fg.GoldTextsMissing as exc:
        pytest.skip(f"Wassenaar budget texts not exported on this machine: {exc}")
    assert {u.dataset for u in gold.units} == {fg.BUDGET_PROSE}
    assert len(gold.units) >= 200
    texts = {u.unit_id: u.text for u in gold.units}
    for ann in gold.annotations:
        assert texts[ann.unit_id][ann.start : ann.end] == ann.span


def test_heldout3_is_disjoint_from_the_other_sides(refs):
    other = {r.text_sha256 for side in ("dev", "heldout", "heldout2") for r in refs[side]}
    assert len(refs["heldout3"]) >= 200
    assert all(r.dataset == fg.BUDGET_PROSE for r in refs["heldout3"])
    assert not other & {r.text_sha256 for r in refs["heldout3"]}
    assert len({r.text_sha256 for r in refs["heldout3"]}) == len(refs["heldout3"])


def test_heldout3_paragraph_rule():
    """Headings, list items and table rows are dropped; lines and hyphens are rejoined."""
    from bench.evaluate.flags_heldout3_export import cut_units, join_lines, prose_paragraphs

    page = "\n".join([
        "12 ",
        "1.1 Uitgevoerd jaarplan 2024 integraal veiligheidsbeleid ",
        "Het integraal veiligheidsbeleid wordt in 2023 opgesteld en behandeld in de raad, samen ",
        "met de welzijns- ",
        "en zorgpartners en het onderwijs-",
        "jeugdzorgveld. Het plan geeft de ambities aan. ",
        "Dit had drie redenen: ",
        "• De eerste reden is een reden die lang genoeg is om een alinea te zijn. ",
        "2021 Renovatie Kievitschool 83.379 45.689 37.690 In 2024 wordt het benodigde bedrag ",
        "via het IHP in beeld gebracht zodat de kredieten worden vrijgegeven. ",
        " ",
    ])  # fmt: skip
    nxt = "13 \nvolgende pagina zonder hoofdletter loopt door tot hier."
    paras = prose_paragraphs("doc", [page, nxt], {"P1": (1, 2)})
    assert [p.text for p in paras] == [
        "Het integraal veiligheidsbeleid wordt in 2023 opgesteld en behandeld in de raad, samen "
        "met de welzijns- en zorgpartners en het onderwijs-jeugdzorgveld. Het plan geeft de "
        "ambities aan."
    ]
    assert paras[0].page == 1 and paras[0].programme == "P1"
    assert join_lines(["een zin die ", "doorloopt op de ", "volgende regel.  "]) == (
        "een zin die doorloopt op de volgende regel."
    )
    assert cut_units("Een. Twee. Drie.") == ["Een. Twee.", "Drie."]


def test_flags_eval_may_show_heldout3_and_heldout4():
    """heldout3 is development data ("dev4") since round 5 of the flags, heldout4 ("dev5")
    since round 7."""
    from bench.evaluate import flags_eval

    assert "heldout3" not in flags_eval.FIGURES_ONLY
    assert "heldout4" not in flags_eval.FIGURES_ONLY


@pytest.mark.parametrize(
    ("side", "datasets", "n_units", "what"),
    [
        ("heldout4", {fg.BW_DECISIONS, fg.COALITION}, 247, "Wassenaar decision texts"),
        ("heldout5", {fg.TRANSFER_DOSSIER}, 230, "Wassenaar transfer-dossier texts"),
        ("heldout6", {fg.ALMERE}, 243, "Almere texts"),
        ("heldout7", {fg.NIEUWKOOP}, 243, "Nieuwkoop texts"),
        ("heldout8", {fg.UTRECHT}, 241, "Utrecht texts"),
        ("heldout9", {fg.DEN_HAAG}, 244, "Den Haag texts"),
        ("heldout10", {fg.GEMEENTEN}, 140, "Venray, Groningen and Tilburg texts"),
        ("heldout11", {fg.REGISTER}, 160, "algorithm register texts"),
    ],
)
def test_blind_set_units_and_spans_match_the_exported_texts(side, datasets, n_units, what):
    """A blind set (decision lists and coalition, transfer dossier, Almere, Nieuwkoop): every
    hash, length and span fits the texts."""
    try:
        gold = fg.load_side(side)
    except fg.GoldTextsMissing as exc:
        pytest.skip(f"{what} not exported on this machine: {exc}")
    assert {u.dataset for u in gold.units} == datasets
    assert len(gold.units) == n_units
    texts = {u.unit_id: u.text for u in gold.units}
    for ann in gold.annotations:
        assert texts[ann.unit_id][ann.start : ann.end] == ann.span


@pytest.mark.parametrize(
    "side",
    [
        "heldout3",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
        "heldout9",
        "heldout10",
        "heldout11",
    ],
)
def test_missing_texts_name_the_export_command(side, tmp_path):
    with pytest.raises(fg.GoldTextsMissing, match=f"flags_{side}_export"):
        fg.load_side(side, eval_dir=tmp_path)


def test_heldout4_is_disjoint_from_the_other_sides_and_counts(refs, annotations):
    other = {r.text_sha256 for side in SIDES if side != "heldout4" for r in refs[side]}
    units = refs["heldout4"]
    assert Counter(r.dataset for r in units) == {fg.BW_DECISIONS: 167, fg.COALITION: 80}
    assert not other & {r.text_sha256 for r in units}
    assert len({r.text_sha256 for r in units}) == len(units)
    assert all(r.unit_id.startswith("bw-") for r in units if r.dataset == fg.BW_DECISIONS)
    assert all(r.unit_id.startswith("coalitie-") for r in units if r.dataset == fg.COALITION)
    kinds = Counter(a.kind for a in annotations["heldout4"])
    assert set(kinds) == set(KINDS)
    assert min(kinds.values()) >= 30


def test_heldout4_unit_rule():
    """Decision blocks run from 'Besluit:' to the next agenda number; points are cut at list
    markers; page headers drop; private names are caught; coalition paragraphs are split."""
    from bench.evaluate.flags_heldout4_export import (
        coalition_paragraphs,
        cut_units,
        decision_points,
        meeting_date,
        names_private_person,
    )

    page1 = "\n".join([
        "Pagina 1 van 2 ",
        "Aanwezigen Burgemeester L. de Lange, wethouder B. Boon ",
        "1 ",
        " Opening ",
        "De jaarwisseling is rustig verlopen. ",
        "5.b.1 ",
        " Uitstel behandeling ontwikkelcompetitie ",
        "Besluit: ",
        "1. De raad voor te stellen de nota ",
        "vast te stellen; ",
        "2.De raad te informeren. ",
    ])  # fmt: skip
    page2 = "\n".join([
        "Pagina 2 van 2 ", "a. Nog een punt dat doorloopt ", "over een pagina. ", "6 ",
        " Rondvraag ", "Besluit: Conform advies vast te stellen.",
    ])  # fmt: skip
    assert decision_points([page1, page2]) == [
        ["De raad voor te stellen de nota vast te stellen;", "De raad te informeren.",
         "Nog een punt dat doorloopt over een pagina."],
        ["Conform advies vast te stellen."],
    ]  # fmt: skip
    assert meeting_date("x/besluitenlijst_bw_vergadering_9_mei_2023.pdf") == "2023-05-09"
    assert names_private_person("Verzoek van dhr. Jansen af te wijzen.")
    assert names_private_person("Brief aan J. de Vries te sturen.")
    assert not names_private_person("Wethouder J. de Vries te machtigen.")
    assert not names_private_person("Raadslid Hendrickx te antwoorden.")
    js = (
        'woord_vooraf: `Een zin hier. Nog een.\\n\\nKop zonder punt`,\n  id: "economie",\n'
        "  tekst: `We werken aan een visie.`"
    )
    assert coalition_paragraphs(js) == [
        ("woord-vooraf", 0, "Een zin hier. Nog een."),
        ("economie", 0, "We werken aan een visie."),
    ]
    assert cut_units("Een. Twee. Drie.") == ["Een. Twee.", "Drie."]


def test_flags_eval_refuses_to_show_errors_of_a_figures_only_side(monkeypatch):
    """A blind side in FIGURES_ONLY is for figures only: --show is refused."""
    from bench.evaluate import flags_eval

    monkeypatch.setattr(flags_eval, "FIGURES_ONLY", ("heldout4",))
    with pytest.raises(SystemExit):
        flags_eval.main(["--side", "heldout4", "--show", "passive"])


def test_heldout5_is_disjoint_from_the_other_sides_and_counts(refs, annotations):
    other = {r.text_sha256 for side in SIDES if side != "heldout5" for r in refs[side]}
    units = refs["heldout5"]
    assert Counter(r.dataset for r in units) == {fg.TRANSFER_DOSSIER: 230}
    assert not other & {r.text_sha256 for r in units}
    assert len({r.text_sha256 for r in units}) == len(units)
    assert all(r.unit_id.startswith("od-") for r in units)
    assert {r.document for r in units} == {"overdrachtsdossier_wassenaar_2026"}
    kinds = Counter(a.kind for a in annotations["heldout5"])
    assert set(kinds) == set(KINDS)
    assert sum(kinds.values()) >= 400


def test_heldout5_unit_rule():
    """Running text from 'Voorwoord' up to the annexes: headings, lists, text boxes, tables and
    tracked deletions drop out; units are single sentences."""
    from bench.evaluate.flags_heldout5_export import cut_units, prose_paragraphs

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def p(text: str, style: str = "", extra: str = "") -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>' if style or extra else ""
        return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"

    long = "Deze zin is lang genoeg om als lopende tekst van twaalf woorden te tellen."
    body = "".join([
        p("Inhoud", "Hoofdstuk1"), p(long),
        p("  Voorwoord ", "Hoofdstuk1"),
        p(long),
        p("1.1 Waar staan we?", "Hoofdstuk11"),
        p(long, "Lijstalinea"),
        p(long, extra='<w:numPr><w:ilvl w:val="0"/></w:numPr>'),
        f"<w:tbl><w:tr><w:tc>{p(long)}</w:tc></w:tr></w:tbl>",
        "<w:p><w:r><w:t>Een zin met een </w:t></w:r><w:del><w:r><w:delText>oude "
        "</w:delText></w:r></w:del><w:ins><w:r><w:t>nieuwe</w:t></w:r></w:ins><w:r><w:tab/>"
        "<w:t>versie die lang genoeg is om mee te tellen. Tweede zin hier.</w:t></w:r></w:p>",
        "<w:p><w:r><w:txbxContent>" + p(long) + "</w:txbxContent></w:r></w:p>",
        p("3. De financiële positie", "Hoofdstuk1"), p("Te kort voor een alinea."),
        p("Cijfers 83.379 45.689 37.690 en nog wat woorden om aan twaalf te komen."),
        p(long, "Normaletekst"),
        p("Bijlage 2: Evaluatie", "Hoofdstuk1"), p(long),
    ])  # fmt: skip
    xml = f"<w:document {w}><w:body>{body}</w:body></w:document>".encode()
    paras = prose_paragraphs(xml)
    assert [(q.chapter, q.text) for q in paras] == [
        ("voorwoord", long),
        ("voorwoord", "Een zin met een nieuwe versie die lang genoeg is om mee te tellen. "
                      "Tweede zin hier."),
        ("h3", long),
    ]  # fmt: skip
    assert cut_units(paras[1].text) == [
        "Een zin met een nieuwe versie die lang genoeg is om mee te tellen.",
        "Tweede zin hier.",
    ]


def test_heldout5_is_development_data_from_round_8():
    """heldout5 was measured blind twice (round-6 and round-7 rules), then became "dev6"."""
    from bench.evaluate import flags_eval

    assert "heldout5" not in flags_eval.FIGURES_ONLY


def test_integrity_check_reports_a_wrong_span():
    ref = fg.UnitRef(SEEDS, "x.txt:0", fg.sha256_text("Dit wordt gedaan."), 17, "x.txt")
    good = fg.Annotation(SEEDS, "x.txt:0", ref.text_sha256, "passive", 4, 16, "wordt gedaan")
    bad = fg.Annotation(SEEDS, "x.txt:0", ref.text_sha256, "passive", 3, 16, "wordt gedaan")
    texts = {(SEEDS, "x.txt:0"): "Dit wordt gedaan."}
    assert fg.check_against_texts([ref], [good], texts) == []
    assert fg.check_against_texts([ref], [bad], texts)
    assert fg.check_against_texts([ref], [good], {(SEEDS, "x.txt:0"): "Dat wordt gedaan."})


def test_flags_eval_refuses_an_unknown_side():
    """Round 4 made heldout2 development data ("dev3"), so it may be shown; an unknown side
    is refused before anything is loaded."""
    from bench.evaluate import flags_eval

    with pytest.raises(SystemExit):
        flags_eval.main(["--side", "no-such-side", "--show", "passive"])


def test_heldout2_sentence_cut():
    from bench.evaluate.flags_heldout2_export import cut_units, split_sentences

    text = "Zie art. 3 van de Wro. Het plan is o.a. bedoeld voor starters. Dit is zin drie."
    assert split_sentences(text) == [
        "Zie art. 3 van de Wro.",
        "Het plan is o.a. bedoeld voor starters.",
        "Dit is zin drie.",
    ]
    assert cut_units(text, 2) == [
        "Zie art. 3 van de Wro. Het plan is o.a. bedoeld voor starters.",
        "Dit is zin drie.",
    ]


def test_heldout6_is_disjoint_from_the_other_sides_and_counts(refs, annotations):
    other = {r.text_sha256 for side in SIDES if side != "heldout6" for r in refs[side]}
    units = refs["heldout6"]
    assert Counter(r.dataset for r in units) == {fg.ALMERE: 243}
    assert not other & {r.text_sha256 for r in units}
    assert len({r.text_sha256 for r in units}) == len(units)
    assert all(r.unit_id.startswith("alm-") for r in units)
    genres = Counter(r.document.split("_")[1] for r in units)
    assert genres == {"council": 120, "web": 123}
    assert all(n <= 60 for n in Counter(r.document for r in units).values())
    kinds = Counter(a.kind for a in annotations["heldout6"])
    assert set(kinds) == set(KINDS)
    assert sum(kinds.values()) >= 350


def test_heldout6_unit_rule(monkeypatch):
    """PDF pages: page numbers, running headers, footnotes, headings, list items and decision
    points drop out, a paragraph runs on over a page break; web pages: list items drop out."""
    from bench.evaluate import flags_heldout6_export as ex

    header = "Voorstel aan de raad "
    body = "Dit is een zin die lang genoeg is om als lopende tekst te tellen."
    pages = [
        "\n".join([header, " 1 ", "Onderwerp", "Stevige teams", "Voorgesteld raadsbesluit",
                   "1. De nota vast te stellen.", "Inleiding en context",
                   "De gemeente werkt aan een plan dat over de grenzen van de ",
                   "pagina door-", "loopt in de tekst", " ", "1 Zie de nota. ", ""]),
        "\n".join([header, " 2 ", "en daar eindigt met een punt.", " ",
                   "Wij stellen voor om het volgende te doen:", "• een punt van een lijst;",
                   "a. nog een punt.", " ", body, "Kop zonder punt", "Een plan voor kinderen van",
                   "-9 maanden tot 27 jaar is lang genoeg.", ""]),
        "\n".join([header, " 3 ", body, "Cijfers 83.379 45.689 37.690 en nog wat woorden hier.",
                   ""]),
    ]  # fmt: skip
    assert ex.pdf_paragraphs(pages) == [
        "De gemeente werkt aan een plan dat over de grenzen van de pagina door-loopt in de "
        "tekst en daar eindigt met een punt.",
        body,
        "Een plan voor kinderen van -9 maanden tot 27 jaar is lang genoeg.",
        body,
    ]
    assert not ex.is_running_text("In 2024 en 2025 en 2026 zijn er 12 en 13 plannen.")
    monkeypatch.setattr(ex, "html_lines", lambda html: [
        "Mantelzorg", "- Een lijstpunt dat lang genoeg is om te tellen als tekst.",
        "a. Ook dit is een punt van een lijst en geen lopende tekst.", body, ""])  # fmt: skip
    assert ex.web_paragraphs("<html></html>") == [body]


def test_heldout6_is_development_data_since_round_9():
    """heldout6 was measured blind (round 7 and 8 rules) and is development data ("dev7") now."""
    from bench.evaluate import flags_eval

    assert "heldout6" not in flags_eval.FIGURES_ONLY


def test_heldout7_is_disjoint_from_the_other_sides_and_counts(refs, annotations):
    other = {r.text_sha256 for side in SIDES if side != "heldout7" for r in refs[side]}
    units = refs["heldout7"]
    assert Counter(r.dataset for r in units) == {fg.NIEUWKOOP: 243}
    assert not other & {r.text_sha256 for r in units}
    assert len({r.text_sha256 for r in units}) == len(units)
    assert all(r.unit_id.startswith("nwk-") for r in units)
    genres = Counter(r.document.split("_")[1] for r in units)
    assert genres == {"proposal": 123, "reply": 120}
    assert all(n <= 60 for n in Counter(r.document for r in units).values())
    kinds = Counter(a.kind for a in annotations["heldout7"])
    assert set(kinds) == set(KINDS)
    assert sum(kinds.values()) >= 700


def test_heldout7_unit_rule():
    """ORI text of a council proposal: page lines, headings, form fields, labels and the
    decision points drop out; a paragraph runs on over lines and page lines."""
    from bench.evaluate import flags_heldout7_export as ex

    body = "Een tweede zin die lang genoeg is om als lopende tekst te tellen in de toelichting."
    text = "\n".join([
        "Gemeente Nieuwkoop College van Burgemeester en Wethouders", "Raadsvoorstel",
        "Opgesteld door:", "Jan Jansen, afdeling Beheer Openbare", "Ruimte",
        "Samenvatting:", "Dit is een zin die lang genoeg is om als lopende tekst te tellen en die",
        "over de regel door-", "loopt naar de volgende pagina", "Pagina 2 van 4", "2",
        "en daar eindigt.", "Voorgesteld besluit:",
        "1. Het krediet beschikbaar te stellen voor de nieuwe weg naar school;",
        "2 Uit de reserve een bedrag te halen voor het fietspad naar de school.",
        "mr. A.B. Secretaris", "secretaris", "Inleiding / aanleiding", body,
        "b. Wijzigen van de weginrichting", body,
        "Cijfers 83.379 45.689 37.690 en nog wat woorden hier.", "3",
    ])  # fmt: skip
    assert ex.paragraphs_of(text) == [
        "Dit is een zin die lang genoeg is om als lopende tekst te tellen en die over de regel "
        "door-loopt naar de volgende pagina en daar eindigt.",
        body,
        body,
    ]


def test_heldout7_is_development_data_since_round_10():
    """heldout7 was measured blind (round-8 and round-9 rules) and is "dev8" now."""
    from bench.evaluate import flags_eval

    assert "heldout7" not in flags_eval.FIGURES_ONLY


def test_heldout8_is_disjoint_from_the_other_sides_and_counts(refs, annotations):
    other = {r.text_sha256 for side in SIDES if side != "heldout8" for r in refs[side]}
    units = refs["heldout8"]
    assert Counter(r.dataset for r in units) == {fg.UTRECHT: 241}
    assert not other & {r.text_sha256 for r in units}
    assert len({r.text_sha256 for r in units}) == len(units)
    assert all(r.unit_id.startswith("utr-") for r in units)
    genres = Counter(r.document.split("_")[1] for r in units)
    assert genres == {"service": 121, "digital": 120}
    assert all(n <= 60 for n in Counter(r.document for r in units).values())
    kinds = Counter(a.kind for a in annotations["heldout8"])
    assert set(kinds) == set(KINDS)
    assert sum(kinds.values()) >= 300


def test_heldout8_unit_rule():
    """Markdown research page: front matter, headings, list items, block quotes, tables,
    images, comments and by-lines drop out; inline Markdown is made plain; a paragraph runs
    on over soft line breaks."""
    from bench.evaluate import flags_heldout8_export as ex

    page = "\n".join([
        "---", "title: Test", "conducted_by:", "  - gemeente Utrecht", "date_added: '2025-01-01'",
        "---", "", "<!-- @license CC0-1.0 -->", "", "# Een kop", "",
        "_Onderzoek uitgevoerd in 2025 door de gemeente Utrecht_", "",
        "Dit is een **zin** die lang genoeg is om als [lopende tekst](https://x.nl) te tellen",
        "en die over twee regels loopt.", "- Een lijstje dat lang genoeg is om mee te tellen.",
        "> Een citaat van een deelnemer dat lang genoeg is om mee te tellen.",
        "| kolom | met | getallen |", "![plaatje](img.png)", "",
        "Korte regel zonder punt", "",
    ])  # fmt: skip
    matter, _ = ex.front_matter(page)
    assert ex.conducted_by(matter) == ["gemeente Utrecht"]
    assert ex.paragraphs_of(page) == [
        "Dit is een zin die lang genoeg is om als lopende tekst te tellen en die over twee "
        "regels loopt."
    ]


def test_heldout8_is_development_data_since_round_11():
    """heldout8 was measured blind (round 9 and round 10 rules) and is "dev9" now."""
    from bench.evaluate import flags_eval

    assert "heldout8" not in flags_eval.FIGURES_ONLY


def test_heldout9_is_disjoint_from_the_other_sides_and_counts(refs, annotations):
    other = {r.text_sha256 for side in SIDES if side != "heldout9" for r in refs[side]}
    units = refs["heldout9"]
    assert Counter(r.dataset for r in units) == {fg.DEN_HAAG: 244}
    assert not other & {r.text_sha256 for r in units}
    assert len({r.text_sha256 for r in units}) == len(units)
    assert all(r.unit_id.startswith("dh-") for r in units)
    genres = Counter(r.document.split("_")[1] for r in units)
    assert genres == {"service": 120, "digital": 124}
    assert all(n <= 60 for n in Counter(r.document for r in units).values())
    kinds = Counter(a.kind for a in annotations["heldout9"])
    assert set(kinds) == set(KINDS)
    assert sum(kinds.values()) >= 400


def test_heldout9_documents_and_private_names(refs):
    """Only pages conducted by Den Haag (alone or with VNG); the units the annotator found to
    name a private person are not in the list."""
    from bench.evaluate import flags_heldout9_export as ex

    assert {parties for *_, parties in ex.DOCUMENTS} == {ex.DEN_HAAG, ex.WITH_VNG}
    assert {genre for _, _, genre, _ in ex.DOCUMENTS} == {ex.SERVICE, ex.DIGITAL}
    assert len({short for short, *_ in ex.DOCUMENTS}) == len(ex.DOCUMENTS)
    listed = {r.text_sha256 for r in refs["heldout9"]}
    assert ex.PRIVATE_NAME_HASHES and not listed & ex.PRIVATE_NAME_HASHES
    assert {r.document for r in refs["heldout9"]} <= {
        f"denhaag_{genre}_{short}" for short, _, genre, _ in ex.DOCUMENTS
    }


def test_heldout9_is_development_data_since_round_12():
    """heldout9 was measured blind (round 10 and round 11 rules) and is "dev10" now."""
    from bench.evaluate import flags_eval

    assert "heldout9" not in flags_eval.FIGURES_ONLY


def test_flags_eval_reads_units_with_ligatures_folded_and_maps_offsets_back():
    from bench.evaluate.flags_eval import _folded

    text = "De vergelĳking is ﬁjn."
    folded, origin = _folded(text)
    assert folded == "De vergelijking is fijn."
    start = folded.index("fijn")
    assert text[origin[start] : origin[start + len("fijn")]] == "ﬁjn"
    assert _folded("gewoon") == ("gewoon", None)


def test_heldout10_is_disjoint_from_the_other_sides_and_counts(refs, annotations):
    other = {r.text_sha256 for side in SIDES if side != "heldout10" for r in refs[side]}
    units = refs["heldout10"]
    assert Counter(r.dataset for r in units) == {fg.GEMEENTEN: 140}
    assert not other & {r.text_sha256 for r in units}
    assert len({r.text_sha256 for r in units}) == len(units)
    assert all(r.unit_id.startswith("h10-") for r in units)
    assert Counter(r.document.split("_")[1] for r in units) == {"forms": 17, "digital": 123}
    assert Counter(r.document.split("_")[0] for r in units) == {
        "venray": 17, "groningen": 69, "tilburg": 54,
    }  # fmt: skip
    assert all(n <= 60 for n in Counter(r.document for r in units).values())
    for annotator in (1, 2):
        kinds = Counter(a.kind for a in fg.read_annotations("heldout10", annotator))
        assert set(kinds) == set(KINDS)
        assert sum(kinds.values()) >= 240


def test_heldout10_uses_only_municipalities_no_other_set_uses():
    """Venray, Groningen (alone or with Maykin Media) and Tilburg (with Acato); the joint
    complaints-form page of Den Haag, Rotterdam, Utrecht and Venray is left out."""
    from bench.evaluate import flags_heldout10_export as ex

    municipalities = {p for *_, parties in ex.DOCUMENTS for p in parties if "gemeente" in p}
    assert municipalities == {"gemeente venray", "gemeente groningen", "gemeente tilburg"}
    assert not any("samenwerking" in rel for _, _, rel, _, _ in ex.DOCUMENTS)
    assert len({short for short, *_ in ex.DOCUMENTS}) == len(ex.DOCUMENTS)


def test_heldout11_is_disjoint_from_the_other_sides_and_counts(refs, annotations):
    other = {r.text_sha256 for side in SIDES if side != "heldout11" for r in refs[side]}
    units = refs["heldout11"]
    assert Counter(r.dataset for r in units) == {fg.REGISTER: 160}
    assert not other & {r.text_sha256 for r in units}
    assert len({r.text_sha256 for r in units}) == len(units)
    assert all(r.unit_id.startswith("h11-") for r in units)
    per_municipality = Counter(r.document.rsplit("_", 1)[0] for r in units)
    assert len(per_municipality) == 35
    assert max(per_municipality.values()) <= 8
    for annotator in (1, 2):
        kinds = Counter(a.kind for a in fg.read_annotations("heldout11", annotator))
        assert set(kinds) == set(KINDS)
        assert sum(kinds.values()) >= 350


def test_heldout11_uses_only_municipalities_no_other_set_uses():
    """Records of "Gemeente X" only, none of a municipality another set uses; a template
    shared by several records is left out."""
    from bench.evaluate import flags_heldout11_export as ex

    rows = [
        ("1", "Gemeente Ede", "Wij gebruiken dit systeem om inwoners sneller te helpen."),
        ("2", "Gemeente Utrecht", "Wij gebruiken dit om te helpen hier."),
        ("3", "Belastingdienst", "Wij gebruiken dit om te helpen daar."),
        ("4", "Gemeente Oss", "Een sjabloon van de leverancier, hier."),
        ("5", "Gemeente Ede", "Een sjabloon van de leverancier, hier."),
    ]
    records = [{"id": i, "organisatie": org, "doel": doel} for i, org, doel in rows]
    kept, left_out = ex.register_paragraphs(records)
    assert [(p.short, p.index) for p in kept] == [("ede", "1")]
    assert left_out == {
        "not_a_municipality": 1, "used_municipality": 1, "template": 2, "not_running": 0,
    }  # fmt: skip
    assert ex.slug("Noardeast-Fryslân") == "noardeast-fryslan"
    refs = fg.read_unit_refs("heldout11")
    assert not {r.document.rsplit("_", 1)[0].replace("-", " ") for r in refs} & ex.USED


def test_heldout11_is_development_data_once_heldout12_is_built():
    """heldout11 was measured blind (round 12 to round 15 rules) and is "dev12" now."""
    from bench.evaluate import flags_eval

    assert "heldout11" not in flags_eval.FIGURES_ONLY


def test_heldout12_is_development_data_once_heldout13_is_built():
    """heldout12 was measured blind (round-15 and round-16 rules) and is "dev13" now."""
    from bench.evaluate import flags_eval

    assert "heldout12" not in flags_eval.FIGURES_ONLY


# The Woo sets, and heldout14-20 checked the same way: side -> (dataset, units, unit-id prefix,
# documents, per-document cap, whose texts, export command).
WOO_SIDES = {
    "heldout12": (fg.OVERIJSSEL, 160, "h12-", 14, 16, "Provincie Overijssel",
                  "flags_heldout12_export"),
    "heldout13": (fg.HAARLEM, 161, "h13-", 20, 16, "Gemeente Haarlem", "flags_heldout13_export"),
    "heldout14": (fg.FLEVOLAND, 162, "h14-", 13, 20, "Flevoland regional bodies",
                  "flags_heldout14_export"),
    "heldout15": (fg.PLANS15, 160, "h15-", 40, 4, "zoning plans", "flags_heldout15_export"),
    "heldout16": (fg.GGD_BUDGET, 161, "h16-", 4, 45, "GGD Flevoland budget",
                  "flags_heldout16_export"),
    "heldout17": (fg.PLANS17, 160, "h17-", 40, 4, "zoning plans", "flags_heldout17_export"),
    "heldout18": (fg.REGIONAL18, 160, "h18-", 69, 3, "regional bodies in the algorithm register",
                  "flags_heldout18_export"),
    "heldout19": (fg.REGISTER19, 160, "h19-", 68, 3, "municipalities in the algorithm register",
                  "flags_heldout19_export"),
    "heldout20": (fg.PLANS20, 160, "h20-", 40, 4, "zoning plans", "flags_heldout20_export"),
}  # fmt: skip


@pytest.mark.parametrize("side", WOO_SIDES)
def test_woo_side_is_disjoint_from_the_other_sides_and_counts(refs, side):
    dataset, n_units, prefix, n_documents, cap, _, _ = WOO_SIDES[side]
    other = {r.text_sha256 for other in SIDES if other != side for r in refs[other]}
    units = refs[side]
    assert Counter(r.dataset for r in units) == {dataset: n_units}
    assert not other & {r.text_sha256 for r in units}
    assert len({r.text_sha256 for r in units}) == len(units)
    assert all(r.unit_id.startswith(prefix) for r in units)
    per_document = Counter(r.document for r in units)
    assert len(per_document) == n_documents
    assert max(per_document.values()) <= cap


@pytest.mark.parametrize("side", WOO_SIDES)
def test_woo_side_annotations_cover_every_kind(side):
    if side in fg.ANNOTATIONS_PENDING:
        pytest.skip(f"{side} not annotated yet")
    n_units = WOO_SIDES[side][1]
    for annotator in (1, 2):
        kinds = Counter(a.kind for a in fg.read_annotations(side, annotator))
        assert set(kinds) == set(KINDS)
        assert sum(kinds.values()) >= n_units


@pytest.mark.parametrize("side", WOO_SIDES)
def test_woo_side_units_match_the_exported_texts(side):
    """Every listed unit's hash and length fit the exported texts (and, once annotated, every
    span)."""
    dataset, n_units, _, _, _, writer, _ = WOO_SIDES[side]
    pending = side in fg.ANNOTATIONS_PENDING
    try:
        gold = fg.load_side(side, units_only=pending)
    except fg.GoldTextsMissing as exc:
        pytest.skip(f"{writer} texts not exported on this machine: {exc}")
    assert {u.dataset for u in gold.units} == {dataset}
    assert len(gold.units) == n_units
    texts = {u.unit_id: u.text for u in gold.units}
    for ann in gold.annotations:
        assert texts[ann.unit_id][ann.start : ann.end] == ann.span


@pytest.mark.parametrize("side", WOO_SIDES)
def test_woo_side_missing_texts_name_the_export_command(tmp_path, side):
    with pytest.raises(fg.GoldTextsMissing, match=WOO_SIDES[side][6]):
        fg.load_side(side, eval_dir=tmp_path, units_only=True)


def _other_sides_reading(repository: str, command: str) -> set[str]:
    """The datasets whose texts another exporter than ``command`` reads from ``repository``."""
    return {
        name for name, (_, other, repo) in fg._EXPORTED_SIDE_TEXTS.items()
        if repo == repository and other != command
    }  # fmt: skip


def test_heldout12_documents_are_the_provinces_own_writing():
    """Provincie Overijssel dossiers only: no notifications filed by private initiators, no
    consultancy research reports, no maps; a repository no other set reads."""
    from bench.evaluate import flags_heldout12_export as ex

    titles = [title.lower() for _, _, title in ex.DOCUMENTS]
    assert not any(w in t for t in titles for w in ("melding", "oer ", "natuurtoets", "kaart"))
    assert len({short for _, short, _ in ex.DOCUMENTS}) == len(ex.DOCUMENTS)
    assert len({number for number, _, _ in ex.DOCUMENTS}) == len(ex.DOCUMENTS)
    shorts = {f"overijssel_{short}" for _, short, _ in ex.DOCUMENTS}
    assert {r.document for r in fg.read_unit_refs("heldout12")} <= shorts
    assert not _other_sides_reading(ex.REPO, "flags_heldout12_export")


def test_heldout12_unit_rule():
    """PDF text of a letter: page lines, running headers and footers, headings and list items
    drop out; no-break spaces are spaces; a paragraph runs on over lines."""
    from bench.evaluate import flags_heldout12_export as ex

    body = "Een tweede zin die lang genoeg is om als lopende tekst te tellen in deze brief."
    header = "Provincie Overijssel Kenmerk 2024/123"
    text = "\n".join([
        header, "Onderwerp: windbeleid", "", "Dit is een zin die lang genoeg is om",
        "1 van 3", header, "als lopende\xa0tekst te tellen en die over de pagina loopt.",
        "  ", "Aanleiding", body, "2/3", header, "- Een lijstpunt dat lang genoeg is om te tellen.",
        "Met vriendelijke groet,",
    ])  # fmt: skip
    assert ex.body_lines(text)[:2] == [
        "Onderwerp: windbeleid",
        "Dit is een zin die lang genoeg is om",
    ]
    assert ex.paragraphs_of(text) == [
        "Dit is een zin die lang genoeg is om als lopende tekst te tellen en die over de "
        "pagina loopt.",
        body,
    ]


def test_heldout13_is_development_data_since_round_18():
    """heldout13 was measured blind once (round-17 and round-16 rules) and is "dev14" now."""
    from bench.evaluate import flags_eval

    assert "heldout13" not in flags_eval.FIGURES_ONLY


def test_heldout13_documents_are_the_municipalitys_own_writing():
    """Gemeente Haarlem's letters, notes and answers only: no reports of Spaarnelanden or the
    pest-control firm, no complaint forms or e-mail threads in which residents write, no list
    of residents' reports, no second copy of a letter; a repository no other set reads."""
    from bench.evaluate import flags_heldout13_export as ex

    names = [name.lower() for name, _, _ in ex.DOCUMENTS]
    left_out = ("kwartaalrapportage", "spl ", "rapportage", "meetrapport", "bevindingen",
                "riolering", "samenspel", "rattenplaag", "htm", "klachtenafhandeling",
                "meldingen", "initiërend")  # fmt: skip
    assert not any(w in n for n in names for w in left_out)
    assert {kind for _, _, kind in ex.DOCUMENTS} == {ex.LETTER, ex.NOTE, ex.ANSWERS, ex.COUNCIL}
    assert len({short for _, short, _ in ex.DOCUMENTS}) == len(ex.DOCUMENTS)
    assert len({name for name, _, _ in ex.DOCUMENTS}) == len(ex.DOCUMENTS)
    shorts = {f"haarlem_{short}" for _, short, _ in ex.DOCUMENTS}
    assert {r.document for r in fg.read_unit_refs("heldout13")} <= shorts
    assert not _other_sides_reading(ex.REPO, "flags_heldout13_export")


def test_heldout13_unit_rule():
    """OCR text of a letter and of an e-mail answer: header fields, salutation, closing and
    redaction-only lines end a paragraph and drop out; page lines, headings and list items
    drop out; a council member's question drops out of an answer."""
    from bench.evaluate import flags_heldout13_export as ex

    body = "Een tweede zin die lang genoeg is om als lopende tekst te tellen in deze brief."
    letter = "\n".join([
        "Gemeente Haarlem", "Onderwerp: beantwoording petitie", "Geachte heer,",
        "Dit is een zin die lang genoeg is om", "1 van 3",
        "als lopende\xa0tekst te tellen en die over de pagina loopt.", "Aanleiding", body,
        "- Een lijstpunt dat lang genoeg is om te tellen.", "Met vriendelijke groet,",
        "(geanonimiseerd)", "Een ondertekening die lang genoeg is om als tekst te tellen.",
    ])  # fmt: skip
    assert ex.paragraphs_of(letter, ex.LETTER) == [
        "Dit is een zin die lang genoeg is om als lopende tekst te tellen en die over de "
        "pagina loopt.",
        body,
        "Een ondertekening die lang genoeg is om als tekst te tellen.",
    ]
    question = "Kunt u aangeven hoeveel meldingen er in het afgelopen jaar zijn gedaan?"
    answer = "Er zijn in het afgelopen jaar ongeveer vijftig meldingen gedaan bij de gemeente."
    mail = "\n".join([
        "Van: Griffiebureau", "Verzonden: maandag 1 januari 2024 10:00", question, answer,
    ])  # fmt: skip
    assert ex.paragraphs_of(mail, ex.ANSWERS) == [answer]
    assert ex.paragraphs_of(mail, ex.LETTER) == [question, answer]
    assert ex.is_redacted("De brief ging naar (geanonimiseerd) in de Vogelenwijk.")
    assert ex.is_redacted("Mail naar info@example.org voor meer informatie.")
    assert not ex.is_redacted("De gemeente bestrijdt ratten in de hele stad.")


def test_heldout14_is_development_data_since_round_19():
    """heldout14 was measured blind once (round-18 rules and the rules before) and is "dev15"
    now."""
    from bench.evaluate import flags_eval

    assert "heldout14" not in flags_eval.FIGURES_ONLY


def test_heldout14_documents_are_the_regional_bodies_own_writing():
    """GGD Flevoland, Zorglandschap Wmo, the joint arrangement and Gemeente Noordoostpolder
    only: no health monitors (tables), no file the issue-12 programme exports or heldout6
    read, no text of a hospital, care provider, insurer, network, ZonMw or the province."""
    import re

    from bench.evaluate import flags_heldout6_export as h6
    from bench.evaluate import flags_heldout14_export as ex

    names = [name for name, _, _, _ in ex.DOCUMENTS]
    assert len(set(names)) == len(names) == 13
    assert len({short for _, short, _, _ in ex.DOCUMENTS}) == len(names)
    assert all(n.startswith("reg_ggd_flevoland_") for n, _, w, _ in ex.DOCUMENTS if w == ex.GGD)
    assert {writer for _, _, writer, _ in ex.DOCUMENTS} == {ex.GGD, ex.WMO, ex.SDF, ex.NOP}
    others = ("flever", "flevoziekenhuis", "npz", "amstelland", "ros_", "samen_", "woonzorg",
              "rtp", "proscoop", "zonmw", "provincie", "regiobeeld", "regioplan", "monitor_2024",
              "_2024_ouderen", "_2024_volwassenen")  # fmt: skip
    assert not any(w in n for n in names for w in others)
    assert not set(names) & {name for name, _ in ex.LEFT_OUT}
    programme = set()
    for module in ("programme_bundle_export.py", "programme_real2_export.py"):
        text = (fg.ROOT / "bench" / "evaluate" / module).read_text(encoding="utf-8")
        programme |= set(re.findall(r"reg_\w+\.pdf", text))
    assert programme and programme <= {name for name, _ in ex.LEFT_OUT}
    assert h6.REPO == ex.REPO and h6.COMMIT == ex.COMMIT
    assert not {ex.path_of(n) for n in names} & {path for _, path, _ in h6.DOCUMENTS}
    shorts = {f"flevoland_{short}" for _, short, _, _ in ex.DOCUMENTS}
    assert {r.document for r in fg.read_unit_refs("heldout14")} <= shorts


def test_heldout14_unit_rule():
    """A memo's form-field lines end a paragraph and drop out; no-break spaces are spaces; a
    unit with an e-mail address is skipped; web pages and PDFs take heldout6's rules."""
    from bench.evaluate import flags_heldout14_export as ex

    page = "\n".join([
        "MEMO aan Raad", "Aan : De raad van gemeente Noordoostpolder",
        "Van : College van burgemeester en wethouders", "Datum : 13 augustus 2024",
        "Onderwerp : Informeren over de ontwikkelingen van het zorgakkoord in de regio",
        "In 2022 zijn landelijke akkoorden gesloten die de zorg\xa0toegankelijk",
        "moeten houden voor alle inwoners van de gemeente.",
    ])  # fmt: skip
    cleaned = ex.clean_page(page).split("\n")
    assert cleaned[1:5] == ["", "", "", ""]
    assert "\xa0" not in ex.clean_page(page)
    assert ex.is_form_field("(ambtelijk) Portefeuillehouder: M. Jansen")
    assert ex.is_form_field("Agendapunt: 4")
    assert not ex.is_form_field("Van de inwoners vraagt dit een andere houding: meer samen.")
    assert ex.has_email("Mail naar s.jansen@example.org voor meer informatie.")
    assert not ex.has_email("De GGD werkt @ de gemeente niet.")
    assert ex.MAX_UNITS_PER_DOCUMENT == 20 and ex.TARGET_UNITS == 160


def test_heldout15_is_development_data_since_round_20():
    """heldout15 was measured blind once (rules of rounds 18-19 and of the session start) and
    is "dev16" now; its second annotation stays for agreement."""
    from bench.evaluate import flags_eval

    assert "heldout15" not in flags_eval.FIGURES_ONLY
    assert "heldout15" in fg.SECOND_ANNOTATION_SIDES


def test_heldout15_plans_are_new_plans_of_new_municipalities():
    """One plan per municipality, <= 4 units each; no reserved plan, no plan a committed
    fixture names (sentiment sets, incivility and rewrite judgements, programme documents,
    heldout2), no municipality of another writing-advice set (heldout11's 35 among them) or
    of heldout2."""
    from bench.evaluate import flags_heldout15_export as ex

    units = fg.read_unit_refs("heldout15")
    plans = Counter(r.document for r in units)
    assert len(plans) == 40 and max(plans.values()) <= ex.MAX_UNITS_PER_PLAN
    assert all(r.unit_id.startswith(f"h15-{r.document}-p") for r in units)
    towns = [ex.municipality(plan) for plan in plans]
    assert None not in towns and len(set(towns)) == len(towns)
    heldout2 = {r.document for r in fg.read_unit_refs("heldout2")}
    assert not set(towns) & (set(ex.EXCLUDED_MUNICIPALITIES) | ex.heldout2_municipalities())
    assert len(ex.heldout2_municipalities()) >= 20 and not set(plans) & heldout2
    assert {"Amsterdam", "Den Haag", "Nieuwkoop", "Venray", "Noordoostpolder"} <= set(
        ex.EXCLUDED_MUNICIPALITIES.values()
    )
    heldout11 = {r.document.rsplit("_", 1)[0] for r in fg.read_unit_refs("heldout11")}
    assert heldout11 == set(ex.HELDOUT11_MUNICIPALITIES)
    assert set(ex.HELDOUT11_MUNICIPALITIES.values()) <= set(ex.EXCLUDED_MUNICIPALITIES)
    assert not set(plans) & ex.reserved_plans()
    assert not ex.fixture_plans(set(plans))
    # the fixture check finds plans as the fixtures name them
    named = {"NL.IMRO.0014.BP565Friesestrw139", "NL.IMRO.0327.174", "NL.IMRO.0406.BP-X-Y"}
    text = (
        "data/plan_documents/md/t_NL.IMRO.0014.BP565Friesestrw139-vg01.md,1\n"
        "plan_NL.IMRO.0327.174.md.expected.json\nplans_fresh,NL.IMRO.0406.BP-X-Y,abc"
    )
    assert ex.plan_keys_in(text, named | {"NL.IMRO.0014.BP565"}) == named


def test_heldout15_unit_rule():
    """Fragments, table lines, markup, unreadable characters and e-mail addresses are no
    units; the micro sign of a unit of measure is read."""
    from bench.evaluate import flags_heldout15_export as ex

    ok = "De gemeente wil op deze locatie tien woningen bouwen."
    assert ex.skip_reason(ok) is None
    assert ex.skip_reason("De concentratie fijnstof blijft onder 40 µg/m³ per jaar.") is None
    assert ex.skip_reason("Het plan is klaar.") == "short"
    assert ex.skip_reason("en de gemeente wil hier woningen bouwen.") == "fragment"
    assert ex.skip_reason("De gemeente wil hier woningen bouwen, zie hieronder:") == "fragment"
    assert ex.skip_reason("Het aantal woningen is 12 14 16 in de drie fasen.") == "table"
    assert ex.skip_reason("Zie [de kaart](kaart.pdf) voor de ligging van het plan.") == "markup"
    assert ex.skip_reason("De gemeente wil hier\x9d woningen bouwen.") == "unreadable"
    assert ex.skip_reason("De gemeente wil hier \u0436 woningen bouwen.") == "unreadable"
    assert ex.skip_reason("Mail naar info@example.org voor meer informatie.") == "email"
    assert ex.municipality("NL.IMRO.0361.BP1-VA01") == "0361"
    assert ex.municipality("NL.IMRO.9925.PIP1") is None
    assert ex.MAX_UNITS_PER_PLAN == 4 and ex.TARGET_UNITS == 160


@pytest.mark.slow
def test_heldout15_plans_are_used_by_no_other_exporter():
    """The plans of heldout15 are none of those the other exporters select (levels, rewrite
    judgements, heldout2, programme documents, sentiment candidates), recomputed by calling
    their selection functions (needs the mirror and the sentiment exports)."""
    from bench.evaluate import flags_heldout15_export as ex
    from bench.evaluate.common import eval_dir, git_dir

    try:
        git_dir("Babakfifoo/dutch_embedding_llm")
    except FileNotFoundError:
        pytest.skip("Babakfifoo/dutch_embedding_llm not fetched")
    for name in ("municipal_comments", "bol_reviews"):
        if not (eval_dir() / name / f"{name}.csv").is_file():
            pytest.skip(f"{name} not exported (bench/evaluate/sentiment_data.py)")
    plans = {r.document for r in fg.read_unit_refs("heldout15")}
    used = ex.used_plans(set(ex.plan_files()))
    assert len(used) > 1000
    assert not plans & set(used)


def test_heldout16_is_development_data_since_round_21():
    """heldout16 was measured blind once (rules of rounds 18-20 and of the session start) and
    is "dev17" now; its second annotation stays for agreement."""
    from bench.evaluate import flags_eval

    assert "heldout16" not in flags_eval.FIGURES_ONLY
    assert "heldout16" in fg.SECOND_ANNOTATION_SIDES


def test_heldout16_documents_are_ggd_flevolands_budget_documents():
    """The budget 2026, the framework notes 2025 and 2027 and the administrative report of
    August 2024 of GGD Flevoland: the four files heldout14 left out, read by no other
    writing-advice set (heldout6 and heldout14 read the same repository)."""
    from bench.evaluate import flags_heldout6_export as h6
    from bench.evaluate import flags_heldout14_export as h14
    from bench.evaluate import flags_heldout16_export as ex

    names = [name for name, _, _ in ex.DOCUMENTS]
    assert len(set(names)) == len(names) == 4
    assert all(name.startswith("reg_ggd_flevoland_") for name in names)
    assert set(names) <= {name for name, _ in h14.LEFT_OUT}
    assert not set(names) & {name for name, _, _, _ in h14.DOCUMENTS}
    assert not {ex.path_of(n) for n in names} & {path for _, path, _ in h6.DOCUMENTS}
    assert (ex.REPO, ex.COMMIT) == (h14.REPO, h14.COMMIT) == (h6.REPO, h6.COMMIT)
    shorts = {f"ggdflevoland_{short}" for _, short, _ in ex.DOCUMENTS}
    units = fg.read_unit_refs("heldout16")
    assert {r.document for r in units} == shorts
    assert all(r.unit_id.startswith(f"h16-{r.document.split('_', 1)[1]}-c") for r in units)
    assert max(Counter(r.document for r in units).values()) <= ex.MAX_UNITS_PER_DOCUMENT


def test_heldout16_unit_rule():
    """Fragments, numbered headings, table, amounts and table-of-contents lines, unreadable
    characters and e-mail addresses are no units; a table-of-contents paragraph drops out."""
    from bench.evaluate import flags_heldout16_export as ex

    ok = "De GGD voert de jeugdgezondheidszorg uit voor alle zes gemeenten."
    assert ex.skip_reason(ok) is None
    assert ex.skip_reason("In 2026 stijgt de bijdrage per inwoner met € 0,12 naar € 3,45.") is None
    assert ex.skip_reason("en de GGD voert de taken uit voor de gemeenten.") == "fragment"
    assert ex.skip_reason("De GGD voert de volgende taken uit:") == "fragment"
    assert ex.skip_reason("2.1 Jeugdgezondheidszorg De GGD voert de taken uit.") == "heading"
    assert ex.skip_reason("Lasten 2025 bedragen 1.234 1.456 1.678 in totaal.") == "table"
    assert ex.skip_reason("Totaal lasten 2026: € 12.345, baten € 12.300.") == "amounts"
    assert ex.skip_reason("Inleiding en leeswijzer van de begroting ........ 3.") == "toc"
    assert ex.skip_reason("De GGD voert de taken\x9d uit voor de gemeenten.") == "unreadable"
    assert ex.skip_reason("Mail naar info@example.org voor meer informatie.") == "email"
    table = "Afbouw SPUK 2026: € 812.000 x 10% = -€ 81.200 voor de gemeenten samen."
    assert ex.skip_reason(table) == "table"
    assert ex.skip_reason(" ".join(["De GGD voert de taken uit."] * 14)) == "long"
    assert ex.skip_reason("De GGD bewaakt 5 x per jaar de kwaliteit van de zorg.") is None
    sidebar = "De GGD rekent dit door 1.4. GHOR 1. Maatschappelijke ontwikkelingen In de regio."
    assert ex.is_layout(sidebar)
    assert ex.is_layout("Extern bureau: toetsend. › Toetsen van input van GGD.")
    assert not ex.is_layout("Dit wordt niet verwacht voor 2027. Het nieuwe plan biedt ruimte.")
    assert ex.is_toc("Inleiding 3 Programma 1 Publieke gezondheid .......... 5 Financiën 9.")
    assert not ex.is_toc("De GGD voert de taken uit. Dat doet zij voor zes gemeenten.")
    assert ex.MAX_UNITS_PER_DOCUMENT == 45 and ex.TARGET_UNITS == 160


def test_heldout16_hyphenation_breaks_are_joined():
    """A word broken at a line end with a spaced hyphen ("afde -" / "lingen") is joined; a
    dash before a capital, before "en", "of" or "tot", and a hyphen without a space stay."""
    from bench.evaluate import flags_heldout16_export as ex

    page = "\n".join([
        "De kosten van de afde -", "lingen stijgen en de toekomst -", "bestendig -",
        "heid van de GGD vraagt aandacht. Zorg -", "en welzijn gaan samen. De regio -",
        "Flevoland werkt samen met Rijksvaccinatieprogram-", "ma en GGD.",
    ])  # fmt: skip
    lines = ex.repair_hyphenation(page).split("\n")
    assert (
        lines[0] == "De kosten van de afdelingen stijgen en de toekomstbestendigheid van de "
        "GGD vraagt aandacht. Zorg -"
    )
    assert lines[1:] == [
        "en welzijn gaan samen. De regio -",
        "Flevoland werkt samen met Rijksvaccinatieprogram-",
        "ma en GGD.",
    ]


def test_heldout17_is_development_data_since_round_22():
    """heldout17 was measured once blind (rules of rounds 18-21) and is "dev18" now; it keeps
    its second annotation."""
    from bench.evaluate import flags_eval

    assert "heldout17" not in flags_eval.FIGURES_ONLY
    assert "heldout17" in fg.SECOND_ANNOTATION_SIDES


def test_heldout17_plans_are_new_plans_of_new_municipalities():
    """One plan per municipality, <= 4 units each; no reserved plan, no plan a committed
    fixture names (heldout15's and heldout2's unit lists among them), no municipality of
    heldout15, of heldout2 or of another writing-advice set (heldout11's 35, the Flevoland
    municipalities of heldout14 and heldout16 among them)."""
    from bench.evaluate import flags_heldout15_export as h15
    from bench.evaluate import flags_heldout17_export as ex

    units = fg.read_unit_refs("heldout17")
    plans = Counter(r.document for r in units)
    assert len(plans) == 40 and max(plans.values()) <= ex.MAX_UNITS_PER_PLAN
    assert all(r.unit_id.startswith(f"h17-{r.document}-p") for r in units)
    towns = [h15.municipality(plan) for plan in plans]
    assert None not in towns and len(set(towns)) == len(towns)
    # heldout15's 40 municipalities, as its unit list names them, are all left out
    assert ex.heldout15_municipalities() == set(ex.HELDOUT15_MUNICIPALITIES.values())
    assert len(ex.HELDOUT15_MUNICIPALITIES) == 40
    assert set(h15.EXCLUDED_MUNICIPALITIES) | ex.heldout15_municipalities() == set(
        ex.EXCLUDED_MUNICIPALITIES
    )
    excluded = set(ex.EXCLUDED_MUNICIPALITIES) | h15.heldout2_municipalities()
    assert not set(towns) & excluded
    assert {"Amsterdam", "Den Haag", "Nieuwkoop", "Lelystad", "Noordoostpolder"} <= set(
        ex.EXCLUDED_MUNICIPALITIES.values()
    )
    for side in ("heldout2", "heldout15"):
        assert not set(plans) & {r.document for r in fg.read_unit_refs(side)}
    assert not set(plans) & h15.reserved_plans()
    assert not h15.fixture_plans(set(plans), ex.SIDE)
    # the fixture check of heldout17 reads heldout15's unit list (heldout15's own did not)
    heldout15 = {r.document for r in fg.read_unit_refs("heldout15")}
    assert h15.fixture_plans(heldout15, ex.SIDE) == heldout15
    assert not h15.fixture_plans(heldout15)


def test_heldout17_unit_rule_is_heldout15s_with_a_new_salt():
    """heldout15's rule and code with heldout17's side, dataset and salt."""
    from bench.evaluate import flags_heldout15_export as h15
    from bench.evaluate import flags_heldout17_export as ex

    rule = ex.RULE
    assert (rule.side, rule.dataset, rule.unit_prefix) == ("heldout17", fg.PLANS17, "h17")
    assert h15.RULE.unit_prefix == "h15" and h15.RULE.dataset == fg.PLANS15
    assert rule.salt != h15.SALT
    assert h15.order_key("NL.IMRO.0361.BP1", salt=rule.salt) != h15.order_key("NL.IMRO.0361.BP1")
    assert rule.target_units == 160 and rule.max_units_per_plan == 4
    assert rule.private_name_hashes == ex.PRIVATE_NAME_HASHES


@pytest.mark.slow
def test_heldout17_plans_are_used_by_no_other_exporter():
    """The plans of heldout17 are none of those the other exporters select (levels, rewrite
    judgements, heldout2, programme documents, sentiment candidates) or a fixture names
    (heldout15's among them), recomputed by calling their selection functions (needs the
    mirror and the sentiment exports)."""
    from bench.evaluate import flags_heldout17_export as ex
    from bench.evaluate.common import eval_dir, git_dir
    from bench.evaluate.flags_heldout15_export import plan_files

    try:
        git_dir("Babakfifoo/dutch_embedding_llm")
    except FileNotFoundError:
        pytest.skip("Babakfifoo/dutch_embedding_llm not fetched")
    for name in ("municipal_comments", "bol_reviews"):
        if not (eval_dir() / name / f"{name}.csv").is_file():
            pytest.skip(f"{name} not exported (bench/evaluate/sentiment_data.py)")
    plans = {r.document for r in fg.read_unit_refs("heldout17")}
    used = ex.used_plans(set(plan_files()))
    assert len(used) > 1000
    assert {r.document for r in fg.read_unit_refs("heldout15")} <= set(used)
    assert not plans & set(used)


def test_heldout18_is_development_data_since_round_23():
    """heldout18 was measured blind (session-34 start and round-22 rules) and is "dev19" now;
    both annotation files are committed."""
    from bench.evaluate import flags_eval

    assert "heldout18" not in flags_eval.FIGURES_ONLY
    assert "heldout18" in fg.SECOND_ANNOTATION_SIDES
    assert "heldout18" not in fg.ANNOTATIONS_PENDING


def test_heldout18_records_are_regional_bodies_no_set_read():
    """Records of the listed regional public bodies and joint organisations of municipalities
    only (no "Gemeente X", the writers of heldout11), <= 3 units per record and <= 8 per
    organisation; no record heldout11 read; the register commit heldout11 read, and no other
    side reads the repository."""
    from bench.evaluate import flags_heldout11_export as h11
    from bench.evaluate import flags_heldout18_export as ex

    names = list(ex.REGIONAL_BODIES)
    shorts = [short for short, _ in ex.REGIONAL_BODIES.values()]
    assert len(set(shorts)) == len(shorts) == 56
    assert not any(name.lower().startswith("gemeente ") for name in names)
    assert {kind for _, kind in ex.REGIONAL_BODIES.values()} == {
        ex.PROVINCE, ex.WATER, ex.ENVIRONMENT, ex.SAFETY, ex.JOINT,
    }  # fmt: skip
    units = fg.read_unit_refs("heldout18")
    documents = Counter(r.document for r in units)
    assert max(documents.values()) <= ex.MAX_UNITS_PER_RECORD
    by_short = Counter(r.document.rsplit("_", 1)[0] for r in units)
    assert set(by_short) <= set(shorts) and len(by_short) >= 8
    assert max(by_short.values()) <= ex.MAX_UNITS_PER_ORGANISATION
    assert all(r.unit_id == f"h18-{r.document.replace('_', '-')}-u{r.unit_id.rsplit('-u', 1)[1]}"
               for r in units)  # fmt: skip
    records = {r.document.rsplit("_", 1)[1] for r in units}
    heldout11 = {r.document.rsplit("_", 1)[1] for r in fg.read_unit_refs("heldout11")}
    assert not records & heldout11
    assert (ex.REPO, ex.COMMIT, ex.PATH) == (h11.REPO, h11.COMMIT, h11.PATH)
    assert _other_sides_reading(ex.REPO, "flags_heldout18_export") == {fg.REGISTER, fg.REGISTER19}


def test_heldout18_record_and_sentence_rule():
    """A record is kept when a listed body wrote it, its text is in no other record (a
    supplier's template) and it is running text; its sentences lose the short, repeated,
    other-set and private-name ones, the rest in the salted order (a new salt)."""
    from bench.evaluate import flags_heldout15_export as h15
    from bench.evaluate import flags_heldout17_export as h17
    from bench.evaluate import flags_heldout18_export as ex

    assert len({ex.SALT, h15.SALT, h17.SALT}) == 3
    text = "Het waterschap gebruikt dit model om de dijken te controleren."
    taken = "De inspecteurs van het waterschap kijken altijd mee."
    rows = [
        ("1", "Waterschap Limburg", f"{text} Zo werken wij veilig. {taken}"),
        ("2", "Gemeente Ede", "Wij gebruiken dit systeem om inwoners sneller te helpen."),
        ("3", "Provincie Utrecht", "Een sjabloon van de leverancier voor iedere klant, hier."),
        ("4", "Omgevingsdienst IJmond", "Een sjabloon van de leverancier voor iedere klant, hier."),
        ("5", "Veiligheidsregio Twente", "Te kort."),
    ]
    records = [{"id": i, "organisatie": org, "doel": doel} for i, org, doel in rows]
    kept, left_out = ex.record_texts(records)
    assert list(kept) == ["1"] and kept["1"][0] == "Waterschap Limburg"
    assert left_out == {"other_writer": 1, "template": 2, "not_running": 1}
    skipped: Counter[str] = Counter()
    seen = {fg.sha256_text(taken)}
    assert ex.record_candidates("1", kept["1"][1], set(), seen, skipped) == [(0, text)]
    assert skipped == {"short": 1, "duplicate": 1}
    both = ex.record_candidates("1", kept["1"][1], set(), set(), Counter())
    assert sorted(both) == [(0, text), (2, taken)]
    assert both == sorted(both, key=lambda c: h15.order_key("1", c[0], salt=ex.SALT))
    blocked = {fg.sha256_text(text), fg.sha256_text(taken)}
    assert ex.record_candidates("1", kept["1"][1], blocked, set(), Counter()) == []
    both = "Dit model berekent de kans op een lek. De heer Jansen controleert het model altijd."
    assert ex.record_candidates("9", both, set(), set(), skipped) == [
        (0, "Dit model berekent de kans op een lek.")
    ]
    assert skipped["private_name"] == 1


def test_heldout18_rebuilds_its_unit_list():
    """The rule rebuilds the committed unit list (ids, hashes, lengths, documents) from the
    register at its commit (needs the mirror)."""
    from bench.evaluate import flags_heldout18_export as ex
    from bench.evaluate.common import git_dir
    from bench.evaluate.flags_units import unit_list_text

    try:
        git_dir(ex.REPO)
    except FileNotFoundError:
        pytest.skip(f"{ex.REPO} not fetched")
    rows, counts, _ = ex.build_units()
    assert unit_list_text(rows) == ex.UNIT_LIST.read_text(encoding="utf-8")
    assert counts["units"] == 160 and counts["organisations"] == 39


def test_heldout19_is_development_data_since_round_24():
    """heldout19 was measured blind (session-34 start and round-23 rules) and is "dev20" now;
    both annotation files are committed."""
    from bench.evaluate import flags_eval

    assert "heldout19" not in flags_eval.FIGURES_ONLY
    assert "heldout19" in fg.SECOND_ANNOTATION_SIDES
    assert "heldout19" not in fg.ANNOTATIONS_PENDING


def test_heldout19_leaves_out_the_municipalities_of_the_other_sets():
    """Every municipality another writing-advice set drew units from is left out: heldout11's
    35 (its unit list) and USED, heldout15's list and 40, the municipalities of the heldout2
    and heldout17 plans (every code named, a former municipality with its successor) and the
    members of heldout18's shared civil services; Flevoland and the lead's list among them."""
    from bench.evaluate import flags_heldout11_export as h11
    from bench.evaluate import flags_heldout15_export as h15
    from bench.evaluate import flags_heldout18_export as h18
    from bench.evaluate import flags_heldout19_export as ex

    excluded = ex.excluded_municipalities()
    heldout11 = {r.document.rsplit("_", 1)[0] for r in fg.read_unit_refs("heldout11")}
    assert heldout11 == set(h15.HELDOUT11_MUNICIPALITIES) and heldout11 <= set(excluded)
    listed = ("Amsterdam", "Wassenaar", "Almere", "Nieuwkoop", "Utrecht", "Den Haag",
              "'s-Gravenhage", "Venray", "Groningen", "Tilburg", "Haarlem", "Noordoostpolder",
              "Lelystad", "Dronten", "Urk", "Zeewolde", "Zaanstad", "Maassluis", "Sluis",
              "Vught")  # fmt: skip
    assert {h11.slug(name) for name in listed} <= set(excluded)
    names = ex.code_names()
    for side in ("heldout2", "heldout15", "heldout17"):
        codes = ex.plan_set_codes(side)
        assert len(codes) in (30, 40) and codes <= set(names)
        assert {h11.slug(names[c]) for c in codes} <= set(excluded)
    assert set(ex.FORMER_CODES) == {
        c for side in ("heldout2", "heldout15", "heldout17") for c in ex.plan_set_codes(side)
    } - {row["cbs_code"].removeprefix("GM") for row in ex._read_csv(ex.MUNICIPALITIES_CSV)}
    for former, successor in (
        ("Leeuwarderadeel", "leeuwarden"),
        ("Schinnen", "beekdaelen"),
        ("Cuijk", "land-van-cuijk"),
        ("Leerdam", "vijfheerenlanden"),
    ):
        assert successor in ex.municipality_slugs(former)  # fmt: skip
    assert set(ex.SHARED_CIVIL_SERVICES) <= set(h18.REGIONAL_BODIES)
    for members in ex.SHARED_CIVIL_SERVICES.values():
        assert {h11.slug(m) for m in members} <= set(excluded)
    assert {"den-haag", "s-gravenhage", "nuenen-gerwen-en-nederwetten"} <= set(excluded)


def test_heldout19_records_are_municipalities_no_set_used():
    """Records of "Gemeente X" of a municipality left in only, <= 3 units per record and <= 6
    per municipality, from at least 8 records; no record heldout11 or heldout18 read; the
    register commit both read."""
    from bench.evaluate import flags_heldout11_export as h11
    from bench.evaluate import flags_heldout18_export as h18
    from bench.evaluate import flags_heldout19_export as ex

    units = fg.read_unit_refs("heldout19")
    documents = Counter(r.document for r in units)
    assert len(documents) >= 8 and max(documents.values()) <= ex.MAX_UNITS_PER_RECORD
    places = Counter(r.document.rsplit("_", 1)[0] for r in units)
    assert max(places.values()) <= ex.MAX_UNITS_PER_MUNICIPALITY
    assert not set(places) & set(ex.excluded_municipalities())
    assert all(r.unit_id == f"h19-{r.document.replace('_', '-')}-u{r.unit_id.rsplit('-u', 1)[1]}"
               for r in units)  # fmt: skip
    records = {r.document.rsplit("_", 1)[1] for r in units}
    for side in ("heldout11", "heldout18"):
        assert not records & {r.document.rsplit("_", 1)[1] for r in fg.read_unit_refs(side)}
    assert (ex.REPO, ex.COMMIT, ex.PATH) == (h11.REPO, h11.COMMIT, h11.PATH)
    assert (ex.REPO, ex.COMMIT, ex.PATH) == (h18.REPO, h18.COMMIT, h18.PATH)
    assert _other_sides_reading(ex.REPO, "flags_heldout19_export") == {fg.REGISTER, fg.REGIONAL18}


def test_heldout19_record_rule():
    """A record is kept when a municipality left in wrote it, no other set read it, its text
    is in no other record (a supplier's template) and it is running text."""
    from bench.evaluate import flags_heldout19_export as ex

    read = next(iter(fg.read_unit_refs("heldout18"))).document.rsplit("_", 1)[1]
    own = "Wij gebruiken dit systeem om aanvragen van inwoners sneller af te handelen."
    template = "Een sjabloon van de leverancier voor iedere klant, hier ingevuld."
    rows = [
        ("1", "Gemeente Coevorden", own),
        ("2", "Provincie Utrecht", "De provincie gebruikt dit model om wegen te onderhouden."),
        ("3", "Gemeente Ede", "Wij gebruiken dit model om de wijken beter te onderhouden."),
        ("4", "Gemeente Laren", "Wij gebruiken dit model om de wijken beter te onderhouden!"),
        ("5", "Gemeente Leeuwarden", "Wij zetten dit model in om de wijken te onderhouden."),
        ("6", "Gemeente Venlo", template),
        ("7", "Gemeente Goes", template),
        ("8", "Gemeente Assen", "Te kort."),
        (read, "Gemeente Assen", "Wij gebruiken dit systeem voor het onderhoud van de wegen."),
    ]
    records = [{"id": i, "organisatie": org, "doel": doel} for i, org, doel in rows]
    kept, left_out, _ = ex.record_texts(records)
    assert kept == {"1": ("coevorden", "Gemeente Coevorden", own)}
    assert left_out == {"read_by_another_set": 1, "not_a_municipality": 1,
                        "used_municipality": 3, "template": 2, "not_running": 1}  # fmt: skip


def test_heldout19_near_duplicate_rule():
    """Word sets without digits and the organisation's name; a sentence is a near-duplicate at
    Jaccard >= 0.7 with a unit taken or of heldout11 or heldout18."""
    from bench.evaluate import flags_heldout19_export as ex

    assert ex.NEAR_DUPLICATE_JACCARD == 0.7
    assert ex.NEAR_DUPLICATE_SIDES == ("heldout11", "heldout18")
    assert ex.organisation_names("Gemeente Bergen (L)") == [
        "gemeente bergen (l)", "gemeente bergen", "bergen (l)", "bergen",
    ]  # fmt: skip
    a = ex.word_set("De gemeente Ede gebruikt sinds 2021 het systeem Octobox.", "Gemeente Ede")
    b = ex.word_set("De gemeente Goes gebruikt sinds 2023 het systeem Octobox.", "Gemeente Goes")
    assert a == b == frozenset({"de", "gebruikt", "sinds", "het", "systeem", "octobox"})
    assert ex.word_set("Edese wegen in Ede.", "Gemeente Ede") == frozenset({"edese", "wegen", "in"})
    assert ex.jaccard(frozenset("abc"), frozenset("abcd")) == 0.75
    assert ex.jaccard(frozenset(), frozenset()) == 1.0
    seven = frozenset("abcdefg")
    assert ex.is_near_duplicate(seven, [frozenset("abcdefghij")])  # 7 / 10
    assert not ex.is_near_duplicate(seven, [frozenset("abcdefghijk")])  # 7 / 11
    assert not ex.is_near_duplicate(seven, [])


def test_heldout19_rebuilds_its_unit_list():
    """The rule rebuilds the committed unit list (ids, hashes, lengths, documents) from the
    register at its commit, and no unit is a near-duplicate of another or of a heldout11 or
    heldout18 unit (needs the mirror)."""
    import json
    from itertools import combinations

    from bench.evaluate import flags_heldout19_export as ex
    from bench.evaluate.common import git_dir, git_show
    from bench.evaluate.flags_units import unit_list_text

    try:
        git_dir(ex.REPO)
    except FileNotFoundError:
        pytest.skip(f"{ex.REPO} not fetched")
    rows, counts, _ = ex.build_units()
    assert unit_list_text(rows) == ex.UNIT_LIST.read_text(encoding="utf-8")
    assert counts["units"] == 160 and counts["municipalities"] == 43
    records = json.loads(git_show(ex.REPO, ex.PATH, ex.COMMIT))["algoritmes"]
    organisation = {r["id"]: r["organisatie"] for r in records}
    words = [ex.word_set(r["text"], organisation[r["document"].rsplit("_", 1)[1]]) for r in rows]
    references = ex.other_set_word_sets(records)
    assert len(references) == 320
    assert not any(ex.is_near_duplicate(w, references) for w in words)
    assert all(ex.jaccard(a, b) < ex.NEAR_DUPLICATE_JACCARD for a, b in combinations(words, 2))


def test_heldout20_is_blind_for_figures_only():
    """heldout20 replaces heldout19 as the blind set: figures only, --show refused, annotated
    twice, both annotation files committed."""
    from bench.evaluate import flags_eval

    assert "heldout20" in flags_eval.FIGURES_ONLY
    with pytest.raises(SystemExit):
        flags_eval.main(["--side", "heldout20", "--show", "passive"])
    assert "heldout20" in fg.SECOND_ANNOTATION_SIDES
    assert "heldout20" not in fg.ANNOTATIONS_PENDING


def test_heldout20_plans_are_new_plans_of_new_municipalities():
    """One plan per current municipality, <= 4 units each; no reserved plan, no plan a
    committed fixture names (the unit lists of heldout2, heldout15 and heldout17 among them),
    no municipality of heldout17's list, of heldout17, of heldout19, of heldout18's shared civil
    services or of heldout2."""
    from bench.evaluate import flags_heldout11_export as h11
    from bench.evaluate import flags_heldout15_export as h15
    from bench.evaluate import flags_heldout17_export as h17
    from bench.evaluate import flags_heldout19_export as h19
    from bench.evaluate import flags_heldout20_export as ex

    units = fg.read_unit_refs("heldout20")
    plans = Counter(r.document for r in units)
    assert len(plans) == 40 and max(plans.values()) <= ex.MAX_UNITS_PER_PLAN
    assert all(r.unit_id.startswith(f"h20-{r.document}-p") for r in units)
    towns = [h15.municipality(plan) for plan in plans]
    assert None not in towns and len(set(towns)) == len(towns)
    assert set(towns) <= h15.current_municipality_codes()
    # heldout17's 40 municipalities, as its unit list names them
    assert ex.heldout17_municipalities() == set(ex.HELDOUT17_MUNICIPALITIES.values())
    assert len(ex.HELDOUT17_MUNICIPALITIES) == 40
    # heldout19's 43, as its unit list names them, by their CBS codes
    slugs = {r.document.rsplit("_", 1)[0] for r in fg.read_unit_refs("heldout19")}
    assert slugs == set(ex.HELDOUT19_MUNICIPALITIES) and len(slugs) == 43
    codes = h19.code_names()
    for slug, code in ex.HELDOUT19_MUNICIPALITIES.items():
        assert slug in h19.municipality_slugs(codes[code])
    # the members of heldout18's shared civil services
    members = {m for ms in h19.SHARED_CIVIL_SERVICES.values() for m in ms}
    assert members == set(ex.SHARED_CIVIL_SERVICE_MUNICIPALITIES)
    for name, code in ex.SHARED_CIVIL_SERVICE_MUNICIPALITIES.items():
        assert h11.slug(name) in h19.municipality_slugs(codes[code])
    # the successors of the former municipalities of the heldout2, heldout15 and heldout17 plans
    former = set()
    for side in ("heldout2", "heldout15", "heldout17"):
        former |= {h19.FORMER_CODES[c] for c in h19.plan_set_codes(side) if c in h19.FORMER_CODES}
    successor_slugs = set().union(*(h19.municipality_slugs(name) for name in former))
    successors = {
        codes[c]
        for c in codes
        if c not in h19.FORMER_CODES and h11.slug(codes[c]) in successor_slugs
    }
    assert successors == set(ex.SUCCESSOR_MUNICIPALITIES)
    for name, code in ex.SUCCESSOR_MUNICIPALITIES.items():
        assert codes[code] == name
    assert set(ex.EXCLUDED_MUNICIPALITIES) == (
        set(h17.EXCLUDED_MUNICIPALITIES) | set(ex.HELDOUT17_MUNICIPALITIES.values())
        | set(ex.HELDOUT19_MUNICIPALITIES.values())
        | set(ex.SHARED_CIVIL_SERVICE_MUNICIPALITIES.values())
        | set(ex.SUCCESSOR_MUNICIPALITIES.values())
    )  # fmt: skip
    excluded = set(ex.EXCLUDED_MUNICIPALITIES) | h15.heldout2_municipalities()
    assert not set(towns) & excluded
    for side in ("heldout2", "heldout15", "heldout17", "heldout19"):
        assert not set(towns) & {
            m for r in fg.read_unit_refs(side) if (m := h15.municipality(r.document))
        }
    for side in ("heldout2", "heldout15", "heldout17"):
        assert not set(plans) & {r.document for r in fg.read_unit_refs(side)}
    assert not set(plans) & h15.reserved_plans()
    assert not h15.fixture_plans(set(plans), ex.SIDE)
    heldout17 = {r.document for r in fg.read_unit_refs("heldout17")}
    assert h15.fixture_plans(heldout17, ex.SIDE) == heldout17


def test_heldout20_unit_rule_is_heldout17s_with_a_new_salt():
    """heldout17's rule and code with heldout20's side, dataset and salt, former
    municipalities passed over and near-duplicates of heldout2, heldout15 and heldout17 skipped
    (both options off for heldout15 and heldout17)."""
    from bench.evaluate import flags_heldout15_export as h15
    from bench.evaluate import flags_heldout17_export as h17
    from bench.evaluate import flags_heldout20_export as ex

    rule = ex.RULE
    assert (rule.side, rule.dataset, rule.unit_prefix) == ("heldout20", fg.PLANS20, "h20")
    assert rule.salt not in (h15.SALT, h17.SALT)
    assert rule.target_units == 160 and rule.max_units_per_plan == 4
    assert rule.private_name_hashes == ex.PRIVATE_NAME_HASHES
    assert rule.current_municipalities_only
    assert rule.near_duplicate_sides == ("heldout2", "heldout15", "heldout17")
    assert rule.near_duplicate_jaccard == 0.7
    for other in (h15.RULE, h17.RULE):
        assert not other.current_municipalities_only and not other.near_duplicate_sides
    assert h15.plan_word_set("Het plan 2 is het Plan.") == frozenset({"het", "plan", "is"})
    seven = frozenset("abcdefg")
    assert h15.jaccard(seven, frozenset("abcdefghij")) == 0.7
    assert h15.jaccard(seven, frozenset("abcdefghijk")) < 0.7


@pytest.mark.slow
def test_heldout20_rebuilds_its_unit_list():
    """The rule rebuilds the committed unit list; no unit is a near-duplicate of another or of
    a unit of heldout2, heldout15 or heldout17; heldout15 and heldout17 rebuild unchanged (needs
    the mirror, the sentiment exports and the exported texts of those sets)."""
    from itertools import combinations

    from bench.evaluate import flags_heldout15_export as h15
    from bench.evaluate import flags_heldout17_export as h17
    from bench.evaluate import flags_heldout20_export as ex
    from bench.evaluate.common import eval_dir, git_dir
    from bench.evaluate.flags_units import unit_list_text

    try:
        git_dir("Babakfifoo/dutch_embedding_llm")
    except FileNotFoundError:
        pytest.skip("Babakfifoo/dutch_embedding_llm not fetched")
    for name in ("municipal_comments", "bol_reviews"):
        if not (eval_dir() / name / f"{name}.csv").is_file():
            pytest.skip(f"{name} not exported (bench/evaluate/sentiment_data.py)")
    try:
        references = h15.reference_word_sets(ex.NEAR_DUPLICATE_SIDES)
    except fg.GoldTextsMissing as exc:
        pytest.skip(f"zoning-plan texts not exported on this machine: {exc}")
    rows, counts, _ = ex.build_units()
    assert unit_list_text(rows) == ex.UNIT_LIST.read_text(encoding="utf-8")
    assert counts["units"] == 160 and counts["municipalities"] == 40
    words = [h15.plan_word_set(r["text"]) for r in rows]
    assert not any(h15.jaccard(w, o) >= 0.7 for w in words for o in references)
    assert all(h15.jaccard(a, b) < 0.7 for a, b in combinations(words, 2))
    for module in (h15, h17):
        assert unit_list_text(module.build_units()[0]) == module.UNIT_LIST.read_text("utf-8")


def test_research_page_parties_are_checked_in_their_letter_case_unless_told():
    """heldout8 checks "gemeente Utrecht" as written; heldout9 and heldout10 ignore case."""
    from bench.evaluate import flags_heldout8_export as ex

    path = ex.BASE + ex.DOCUMENTS[0][1]
    try:
        found, sha = ex.page_paragraphs(path, (ex.CONDUCTED_BY,))
    except FileNotFoundError as exc:  # common.git_dir: the repository was not fetched here
        pytest.skip(f"{ex.REPO} not fetched: {exc}")
    assert found and len(sha) == 64
    with pytest.raises(ValueError, match="conducted_by"):
        ex.page_paragraphs(path, (ex.CONDUCTED_BY.lower(),))
    assert ex.page_paragraphs(path, (ex.CONDUCTED_BY.lower(),), ignore_case=True)[1] == sha


def test_side_record_names_the_side_its_size_and_the_files_read():
    """The provenance record every blind-set exporter writes (``flags_units.side_record``)."""
    from bench.evaluate.flags_units import side_record

    counts = {"skipped": {"other_set_or_reserved": 3}}
    record = side_record(
        "heldout99", [{"unit_id": "a"}, {"unit_id": "b"}], counts, {"data.json": "ab12"},
        repository="owner/name", commit="c0ffee", paths=["data.json"], licence="CC0 1.0",
        note="two units",
    )  # fmt: skip
    assert record["dataset"] == "flags_heldout99"
    assert (record["n_items"], record["excluded_reserved"]) == (2, 3)
    assert (record["repository"], record["paths"], record["licence"]) == (
        "owner/name", ["data.json"], "CC0 1.0",
    )  # fmt: skip
    assert list(record)[-1] == "sha256" and record["sha256"] == {"data.json": "ab12"}


def test_flags_eval_dropin_of_offered_replacements_leaves_out_flags_without_one():
    """Drop-in correct counts a flag without a replacement as wrong; 'offered' is the share
    right among the replacements the tool actually shows."""
    from bench.evaluate.flags_eval import KindResult

    figures = KindResult(dropin_ok=3, dropin_n=5, dropin_offered=4).figures()
    assert figures["dropin_correct"] == 0.6
    assert figures["dropin_offered_correct"] == 0.75 and figures["dropin_offered"] == 4
    assert KindResult().figures()["dropin_offered_correct"] is None


def test_flags_eval_dropin_counts_the_same_sentence_from_another_span():
    """A drop-in on a span with its article ("de werkzaamheden" -> "het werk") is right
    when the sentence reads as the annotator's ("werkzaamheden" -> "het werk" after "de"
    would not); a different text is not."""
    from types import SimpleNamespace

    from bench.evaluate.flags_eval import same_text_after
    from bench.evaluate.flags_gold import Annotation

    text = "Tijdens de werkzaamheden is de weg dicht."
    flag = SimpleNamespace(start=8, end=24)  # "de werkzaamheden"
    gold = Annotation("d", "u", "", "officialese", 11, 24, "werkzaamheden", "werk")
    assert not same_text_after(text, flag, "het werk", gold)  # "de werk" in theirs
    gold_with_article = Annotation("d", "u", "", "officialese", 8, 24, "de werkzaamheden",
                                   "het werk / het klussen")  # fmt: skip
    assert same_text_after(text, flag, "Het werk", gold_with_article)
    wider = Annotation("d", "u", "", "officialese", 11, 24, "werkzaamheden", "x / werk")
    assert same_text_after(text, SimpleNamespace(start=11, end=24), "werk", wider)
    assert not same_text_after(text, flag, None, gold_with_article)
