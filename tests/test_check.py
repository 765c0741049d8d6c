"""``gemeentetaal check``: the job (one parse pass, offsets, fallback) and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.check import InputText, check_texts
from pipeline.cli import app

B1_TEXT = (
    "Vanaf 1 maart halen we het afval op een nieuwe manier op.\n\n"
    "U krijgt een oranje container. Daarin doet u plastic en blikjes. "
    "Wij halen de container om de week op."
)
C1_TEXT = (
    "In het kader van de implementatie van het door de gemeenteraad vastgestelde "
    "Grondstoffenplan wordt de inzameling van huishoudelijke afvalstoffen met ingang van "
    "1 maart gewijzigd, teneinde de hoeveelheid restafval substantieel te reduceren.\n\n"
    "Ten behoeve van de gescheiden inzameling wordt aan ieder adres een additionele "
    "minicontainer verstrekt, die tweewekelijks zal worden geledigd, terwijl de inzameling van "
    "het restafval conform het huidige schema zal blijven plaatsvinden."
)
SCORE_KEYS = {"flesch_douma", "brouwer", "lint", "lint_level", "avg_sentence_length"}


@pytest.fixture
def use_model(monkeypatch, nlp_model):
    """Let the CLI reuse the session's loaded model instead of loading it per call."""
    import pipeline.nlp

    monkeypatch.setattr(pipeline.nlp, "load_pipeline", lambda settings, **_: nlp_model)
    return nlp_model


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["check", *args], input=input)


def test_check_reads_through_ingest_headings_and_lists_in_reading_order(settings) -> None:
    from pipeline.nlp import fallback_info, make_fallback_pipeline

    letter = (
        "Beste bewoner,\n\nVanaf 1 maart halen we het afval anders op.\n\n"
        "Wat verandert er:\n- De grijze bak gaat om de week.\n- Papier halen we elke maand op."
        "\n\nHeeft u vragen? Bel ons dan.\n\nMet vriendelijke groet,\nHet college"
    )
    (result,) = check_texts(
        [InputText.from_text("brief.txt", letter)],
        settings,
        nlp=make_fallback_pipeline(),
        model_info=fallback_info(),
    )
    texts = [s.text for s in result.sentences]
    # the list stays between the paragraphs around it
    assert texts.index("De grijze bak gaat om de week.") < texts.index("Heeft u vragen?")
    fragments = {s.text for s in result.sentences if s.fragment}
    assert "Beste bewoner," in fragments
    assert "Heeft u vragen?" not in fragments
    # fragments are read, not measured
    assert result.measures["n_sentences"] == len(result.sentences) - len(fragments)
    assert all(result.text[s.start : s.end] == s.text for s in result.sentences)


def test_check_headings_get_word_advice_but_do_not_count(settings) -> None:
    # a Markdown heading is checked for its words ("Inzake", "verstrekking"), shown as a
    # heading line, and left out of every measure, so `check` and `run` keep one verdict
    from pipeline.nlp import fallback_info, make_fallback_pipeline

    body = "U kunt een vergunning aanvragen. Dat kost geld."
    with_heading = f"# Inzake de verstrekking van vergunningen\n\n{body}\n"
    nlp, info = make_fallback_pipeline(), fallback_info()
    plain, headed = check_texts(
        [InputText.from_text("a.md", f"{body}\n"), InputText.from_text("b.md", with_heading)],
        settings,
        nlp=nlp,
        model_info=info,
    )
    (heading,) = [s for s in headed.sentences if s.heading]
    assert heading.text == "Inzake de verstrekking van vergunningen" and heading.fragment
    assert {f.kind for f in heading.flags} >= {"officialese"}
    assert all(f.kind != "long_sentence" for f in heading.flags)
    assert headed.text[heading.start : heading.end] == heading.text
    assert headed.measures == plain.measures
    assert headed.to_json()["n_flags"] == len(headed.flags)
    from pipeline.check import flag_id, with_ignored
    from pipeline.report.advice import build_report

    n = len(heading.flags)
    assert dict(build_report(headed).scores)["Schrijfadviezen"].endswith(f"(en {n} in kopjes)")
    # ignoring a heading's advice leaves the verdict's counts alone
    ignored = with_ignored(headed, [flag_id(heading.flags[0], heading.text)], settings)
    assert ignored.measures == plain.measures


def test_check_a_heading_knows_the_abbreviations_explained_before_it(settings) -> None:
    """Session 37 trial: "PMD" explained in the intro was flagged again in the next heading;
    an abbreviation explained only after the heading still is."""
    from pipeline.nlp import fallback_info, make_fallback_pipeline

    text = (
        "# Afval\n\nDe gemeente haalt plastic, blik en drinkpakken (PMD) apart op.\n\n"
        "## Een container voor PMD\n\nZet de container op maandag buiten.\n\n"
        "## Het KCC helpt\n\nBel het Klant Contact Centrum (KCC) als u vragen heeft.\n"
    )
    [result] = check_texts(
        [InputText.from_text("a.md", text)],
        settings,
        nlp=make_fallback_pipeline(),
        model_info=fallback_info(),
    )
    flagged = {
        s.text: [f.text for f in s.flags if f.kind == "abbreviation"]
        for s in result.sentences
        if s.heading
    }
    assert flagged["Een container voor PMD"] == []
    assert flagged["Het KCC helpt"] == ["KCC"]


def test_check_a_heading_nominalisation_gets_heading_advice(settings) -> None:
    """User trial (session 33): "Nieuwe dagen voor het ophalen van afval" was told "schrijf
    wie er gaat ophalen"; a heading is shorter with the verb last ("Afval ophalen")."""
    from pipeline.check import HEADING_NOMINALISATION
    from pipeline.nlp import fallback_info, make_fallback_pipeline

    text = "# Het ophalen van afval\n\nWij halen het afval op dinsdag op.\n"
    (result,) = check_texts(
        [InputText.from_text("a.md", text)],
        settings,
        nlp=make_fallback_pipeline(),
        model_info=fallback_info(),
    )
    (heading,) = [s for s in result.sentences if s.heading]
    nominalisations = [f for f in heading.flags if f.kind == "nominalisation"]
    assert nominalisations
    assert all(f.suggestion == HEADING_NOMINALISATION for f in nominalisations)


class CountingPipeline:
    def __init__(self, nlp) -> None:
        self.nlp, self.calls = nlp, 0

    def pipe(self, *args, **kwargs):
        self.calls += 1
        return self.nlp.pipe(*args, **kwargs)


def test_check_one_parse_pass_for_all_inputs_with_fallback(settings) -> None:
    from pipeline.nlp import fallback_info, make_fallback_pipeline

    nlp = CountingPipeline(make_fallback_pipeline())
    inputs = [InputText.from_text(f"t{i}.txt", B1_TEXT) for i in range(5)]
    inputs.append(InputText.from_text("c.txt", C1_TEXT))
    results = check_texts(inputs, settings, nlp=nlp, model_info=fallback_info())
    assert nlp.calls == 1
    assert [r.path for r in results] == [i.path for i in inputs]
    hard = results[-1].to_json()
    assert hard["model"]["source"] == "fallback"
    assert hard["scores"]["lint"] is None
    assert hard["b1_pass"] is False
    assert any(r.startswith("LiNT-II is niet berekend") for r in hard["reasons"])
    assert results[0].to_json()["b1_pass"] is True


def check_offsets(obj: dict, text: str) -> None:
    assert obj["text"] == text
    for sentence in obj["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        for flag in sentence["flags"]:
            assert set(flag) >= {"kind", "start", "end", "message", "suggestion"}
            assert sentence["start"] <= flag["start"] < flag["end"] <= sentence["end"]
            assert text[flag["start"] : flag["end"]] == flag["text"]


@pytest.mark.slow
def test_check_json_schema_and_offsets(use_model, tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(C1_TEXT, encoding="utf-8")
    result = invoke(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["path"] == str(path)
    assert obj["level"] == "C1" and obj["b1_pass"] is False
    assert set(obj["scores"]) >= SCORE_KEYS
    assert obj["reasons"] and all(isinstance(r, str) for r in obj["reasons"])
    assert obj["rule"] == "b1_rule.v3" and obj["threshold"] == 50.0
    assert obj["difficulty"] > obj["threshold"]
    assert 1 <= len(obj["fix_first"]) <= 3 and all(isinstance(f, str) for f in obj["fix_first"])
    top = obj["contributions"][0]
    assert set(top) == {"name", "label", "value", "shown", "reference", "points"}
    assert top["points"] > 0
    assert set(obj["model"]) == {"name", "version", "source", "preferred"}
    assert obj["model"]["name"] == use_model[1].name
    kinds = {f["kind"] for s in obj["sentences"] for f in s["flags"]}
    assert {"officialese", "passive", "nominalisation", "long_sentence"} <= kinds
    check_offsets(obj, C1_TEXT)


@pytest.mark.slow
def test_check_json_lines_for_several_inputs_and_folders(use_model, tmp_path: Path) -> None:
    folder = tmp_path / "teksten"
    folder.mkdir()
    (folder / "a.txt").write_text(B1_TEXT, encoding="utf-8")
    (folder / "b.md").write_text(C1_TEXT, encoding="utf-8")
    (folder / "notes.csv").write_text("x,y\n1,2\n", encoding="utf-8")  # not checked
    single = tmp_path / "c.txt"
    single.write_text(B1_TEXT + "\n\nHeeft u vragen? Bel ons.", encoding="utf-8")
    result = invoke(str(folder), str(single), "--format", "json")
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [Path(o["path"]).name for o in objs] == ["a.txt", "b.md", "c.txt"]
    assert [o["b1_pass"] for o in objs] == [True, False, True]


@pytest.mark.slow
def test_check_stdin(use_model) -> None:
    result = invoke("-", "--format", "json", input=B1_TEXT)
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert obj["path"] == "-" and obj["b1_pass"] is True
    check_offsets(obj, B1_TEXT)


@pytest.mark.slow
def test_check_max_level_exit_code(use_model, tmp_path: Path) -> None:
    easy, hard = tmp_path / "easy.txt", tmp_path / "hard.txt"
    easy.write_text(B1_TEXT, encoding="utf-8")
    hard.write_text(C1_TEXT, encoding="utf-8")
    assert invoke(str(easy), "--max-level", "B1").exit_code == 0
    assert invoke(str(easy), str(hard), "--max-level", "B1").exit_code == 1
    assert invoke(str(hard), "--max-level", "c1").exit_code == 0
    bad = invoke(str(easy), "--max-level", "B3")
    assert bad.exit_code == 2 and "--max-level" in bad.stderr


@pytest.mark.slow
def test_check_text_of_only_a_line_says_why_there_is_no_verdict(use_model) -> None:
    # "Hallo" has a word, but no sentence: it is read as a short line, which is not judged.
    result = invoke("-", "--max-level", "B1", input="Hallo\n")
    assert result.exit_code == 0, result.output  # no level, so not above B1
    assert "Geen oordeel: de tekst bevat geen zinnen, alleen kopjes of losse regels." in (
        result.stdout
    )
    assert "geen woorden" not in result.stdout
    assert "(en 1 kopje of losse regel)" in result.stdout
    assert "Geen zinnen om te beoordelen." in result.stdout
    two = invoke("-", input="Hallo\n\nBeste bewoner\n\nDit is een gewone zin met woorden.\n")
    assert "(en 2 kopjes of losse regels)" in two.stdout


@pytest.mark.slow
def test_check_broken_file_among_good_ones(use_model, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(B1_TEXT, encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result = invoke(str(broken), str(good), str(empty), str(missing), "--format", "json")
    assert result.exit_code == 2  # could not read; 1 is kept for "above --max-level"
    assert [json.loads(x)["path"] for x in result.stdout.splitlines()] == [str(good)]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"gemeentetaal: error: {broken}: corrupt .pdf file")
    assert any(str(empty) in e and "empty file" in e for e in errors)
    assert any(str(missing) in e and "not found" in e for e in errors)


@pytest.mark.slow
def test_check_text_and_html_output(use_model, tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(C1_TEXT, encoding="utf-8")
    text = invoke(str(path))
    assert text.exit_code == 0
    assert "Taalniveau C1: moeilijker dan B1" in text.stdout
    assert "Ambtelijke taal: ‘In het kader van’." in text.stdout
    assert "\x1b[" not in text.stdout  # no colour codes without a terminal
    out = tmp_path / "rapport.html"
    html = invoke(str(path), "--format", "html", "--out", str(out))
    assert html.exit_code == 0 and html.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Taalniveau C1" in page


def test_check_rejects_unknown_format() -> None:
    result = invoke("x.txt", "--format", "xml")
    assert result.exit_code == 2 and "--format" in result.stderr


def test_check_falls_back_to_rules_with_a_warning() -> None:
    from pipeline.config import load_settings
    from pipeline.nlp import FallbackModelWarning
    from pipeline.report.check import render_text

    no_model = load_settings(
        None,
        {"nlp": {"model": "nl_not_installed_xx", "alternatives": [], "wheelhouse": "/nonexistent"}},
        environ={},
    )
    with pytest.warns(FallbackModelWarning):
        (result,) = check_texts([InputText.from_text("brief.txt", C1_TEXT)], no_model)
    obj = result.to_json()
    assert obj["model"]["source"] == "fallback"
    assert obj["scores"]["lint"] is None and obj["level"] == "C1"
    assert {"passive", "officialese"} <= {f["kind"] for s in obj["sentences"] for f in s["flags"]}
    assert "zonder zinsontleding" in render_text([result])


@pytest.mark.slow
def test_check_docx_letter(use_model, tmp_path: Path) -> None:
    import docx

    path = tmp_path / "brief.docx"
    document = docx.Document()
    for paragraph in B1_TEXT.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(path))
    result = invoke(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert obj["path"] == str(path) and obj["b1_pass"] is True
    words = " ".join(s["text"] for s in obj["sentences"]).split()
    assert words == B1_TEXT.split()


@pytest.mark.slow
def test_check_and_run_agree_on_every_sample_document(settings, nlp_model, tmp_path: Path) -> None:
    """One segmentation: `check --format json` and the `documents` table of `run` give the
    same counts, scores and verdict for every document in data/raw."""
    import pyarrow.parquet as pq
    from conftest import ROOT

    from pipeline.check import CHECK_SUFFIXES, read_inputs
    from pipeline.run import run

    raw = ROOT / "data" / "raw"
    out = tmp_path / "out"
    run([raw], settings, out)
    documents = {
        Path(r["source_path"]).name: r for r in pq.read_table(out / "documents.parquet").to_pylist()
    }
    files = [str(p) for p in sorted(raw.iterdir()) if p.suffix.lower() in CHECK_SUFFIXES]
    inputs = list(read_inputs(files, settings))
    results = check_texts(inputs, settings, *nlp_model)
    compared = 0
    for result in results:
        row = documents.get(Path(result.path).name)
        if row is None:  # a comment thread: no documents row
            continue
        obj = result.to_json()
        m = result.measures
        for key in ("n_words", "n_sentences", "n_syllables", "n_long_sentences", "n_flags"):
            assert m[key] == row[key], (result.path, key)
        for key in ("flesch_douma", "lint_score", "avg_sentence_length"):
            assert m[key] == pytest.approx(row[key]), (result.path, key)
        assert (obj["level"], obj["b1_pass"]) == (row["b1_level"], row["b1_pass"]), result.path
        compared += 1
    assert compared >= 8


def test_check_empty_folder_or_no_supported_files_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    result = invoke(str(empty), "--max-level", "B1")
    assert result.exit_code == 2
    assert f"nothing to check in {empty}" in result.stderr
    other = tmp_path / "anders"
    other.mkdir()
    (other / "begroting.xlsx").write_bytes(b"PK")
    (other / "notities.csv").write_text("a,b\n")
    result = invoke(str(other))
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert any("begroting.xlsx" in line and "skipped" in line for line in lines)
    assert any("notities.csv" in line for line in lines)
    (other / "oud.doc").write_bytes(b"\xd0\xcf")
    (other / "open.odt").write_bytes(b"PK")
    lines = invoke(str(other)).stderr.strip().splitlines()
    assert (
        f"  skipped: {other / 'oud.doc'} (file type not supported by check, old Word "
        "document (.doc): save as .docx)" in lines
    )
    assert any("open.odt" in line and "save as .docx or .txt" in line for line in lines)


@pytest.mark.slow
def test_check_docx_format_writes_advice_as_word_comments(use_model, tmp_path: Path) -> None:
    from docx import Document

    source = tmp_path / "brief.docx"
    document = Document()
    for paragraph in C1_TEXT.split("\n\n"):
        words = paragraph.split(" ")
        p = document.add_paragraph()
        p.add_run(" ".join(words[:9]) + " ")
        p.add_run(" ".join(words[9:])).bold = True  # a flagged span crosses this run boundary
    document.save(source)
    before = source.read_bytes()
    result = invoke(str(source), "--format", "docx")
    assert result.exit_code == 0, result.output
    target = tmp_path / "brief.advies.docx"
    assert source.read_bytes() == before  # the original is not touched
    copy = Document(target)
    assert [p.text for p in copy.paragraphs] == [p.text for p in Document(source).paragraphs]
    comments = [c.text for c in copy.comments]
    assert any(c.startswith("Taalniveau C1: moeilijker dan B1") for c in comments)
    assert any(c.startswith("Ambtelijke taal: ‘In het kader van’.") for c in comments)
    assert any(c.startswith("Lange zin:") for c in comments)
    assert "comments written to" in result.stderr
    # a text file cannot get Word comments
    txt = tmp_path / "brief.txt"
    txt.write_text(C1_TEXT, encoding="utf-8")
    refused = invoke(str(txt), "--format", "docx")
    assert refused.exit_code == 2 and "--format docx needs a .docx file" in refused.stderr


@pytest.mark.slow
def test_check_report_language_is_a_setting(use_model, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(C1_TEXT, encoding="utf-8")
    dutch = invoke(str(path))
    assert "Eerst aanpakken:" in dutch.stdout and "Taalmodel:" in dutch.stdout
    monkeypatch.setenv("GEMEENTETAAL_REPORT__LANGUAGE", "en")
    english = invoke(str(path))
    assert "Language level C1: harder than B1" in english.stdout
    assert "Fix first:" in english.stdout and "Eerst aanpakken" not in english.stdout


def test_check_json_flags_of_the_text_and_of_sentences_are_told_apart(settings) -> None:
    """Top-level ``flags`` holds only the text's own flags (a long paragraph); sentence flags
    are under ``sentences[].flags``; ``n_flags`` counts both, as the schema says."""
    from pipeline.nlp import fallback_info, make_fallback_pipeline
    from pipeline.web.models import CheckResponse

    long_paragraph = " ".join([C1_TEXT.replace("\n\n", " ")] * 3)
    (result,) = check_texts(
        [InputText.from_text("c.txt", long_paragraph)],
        settings,
        nlp=make_fallback_pipeline(),
        model_info=fallback_info(),
    )
    obj = result.to_json()
    in_sentences = sum(len(s["flags"]) for s in obj["sentences"])
    assert in_sentences > 0
    assert {f["kind"] for f in obj["flags"]} == {"long_paragraph"}
    assert obj["n_flags"] == in_sentences + len(obj["flags"]) == obj["counts"]["n_flags"]
    fields = CheckResponse.model_json_schema()["properties"]
    assert "sentences[].flags" in fields["flags"]["description"]
    assert "n_flags" in fields


def test_check_says_up_front_when_a_long_text_takes_minutes(monkeypatch, tmp_path: Path) -> None:
    import pipeline.check as check_module

    monkeypatch.setattr(check_module, "LONG_CHECK_WORDS", 6)
    short = invoke("-", "--format", "json", input="Wij halen het afval op.\n")
    assert "checking" not in short.stderr
    monkeypatch.setattr(check_module, "LONG_CHECK_WORDS", 3)
    long = invoke("-", "--format", "json", input="Wij halen het afval op.\n")
    assert "gemeentetaal: checking 5 words in 1 input(s); this takes about 1 minute(s)" in (
        long.stderr
    )
    assert json.loads(long.stdout)["path"] == "-"


def test_check_lets_each_doc_go_once_analysed(settings, monkeypatch) -> None:
    """A long text held every unit's Doc until the end (a 5.8 MB text took 2.5 GB): the Docs
    are analysed as they are parsed and let go, two inputs in one stream, results unchanged."""
    import gc
    import weakref

    import pipeline.nlp
    from pipeline.nlp import fallback_info, make_fallback_pipeline

    real_parse = pipeline.nlp.parse
    alive: weakref.WeakSet = weakref.WeakSet()
    most = [0]

    def counting_parse(*args, **kwargs):
        for doc, context in real_parse(*args, **kwargs):
            gc.collect()
            alive.add(doc)
            most[0] = max(most[0], len(alive))
            yield doc, context

    paragraphs = "\n\n".join(f"Alinea {n}. Wij halen het afval op dinsdag op." for n in range(40))
    inputs = [InputText.from_text(f"{n}.md", f"# Kop {n}\n\n{paragraphs}\n") for n in range(2)]
    nlp, info = make_fallback_pipeline(), fallback_info()
    small = settings.model_copy(update={"nlp": settings.nlp.model_copy(update={"batch_size": 4})})
    expected = [r.to_json() for r in check_texts(inputs, small, nlp=nlp, model_info=info)]
    monkeypatch.setattr(pipeline.nlp, "parse", counting_parse)
    results = check_texts(inputs, small, nlp=nlp, model_info=info)
    assert [r.to_json() for r in results] == expected
    assert most[0] <= 2 * 4, most[0]  # a batch or two, not the 82 Docs of both inputs
