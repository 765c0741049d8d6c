"""The flag registry: every kind is complete, and its labelled examples hold.

A kind's ``examples`` (``pipeline/readability/flags/<kind>.py``) are its contract: each
expected span is flagged with that kind, and a negative example gets no flag of that kind.
They run with the trained pipeline; examples that do not need a parse also with the
rule-based fallback, which ``check`` uses when no model is installed.
"""

from __future__ import annotations

import pytest

from pipeline.config import ReadabilitySettings
from pipeline.readability import analyse_doc
from pipeline.readability.flags import KINDS, LABELS, STYLE_FLAG_KINDS, TITLES

ADVICE_KINDS = ("passive", "nominalisation", "officialese", "abbreviation", "hard_word")
EXAMPLES = [
    pytest.param(kind.name, example, id=f"{kind.name}-{i}")
    for kind in KINDS.values()
    for i, example in enumerate(kind.examples)
]


def test_every_kind_has_labels_a_detector_and_examples():
    assert set(ADVICE_KINDS) <= set(KINDS)
    for name, kind in KINDS.items():
        assert kind.name == name
        assert kind.label and kind.label[0].islower(), name
        assert kind.title and kind.title[0].isupper(), name
        assert kind.label.lower() == kind.title.lower(), name
        assert kind.description.endswith("."), name
        assert callable(kind.detect), name
        assert kind.scope in ("sentence", "unit"), name
        positives = [e for e in kind.examples if e.flagged]
        negatives = [e for e in kind.examples if not e.flagged]
        assert positives and negatives, f"{name}: needs flagged and unflagged examples"
        if kind.style:  # counts towards the verdict: the report says what to do about it
            assert kind.fix and "{n}" in kind.fix, name
    assert LABELS["hard_word"] == "moeilijk woord"
    assert TITLES["hard_word"] == "Moeilijk woord"
    assert set(ADVICE_KINDS) <= STYLE_FLAG_KINDS


def test_word_level_priorities_are_distinct():
    """One word gets one kind: abbreviation > officialese > nominalisation > hard word."""
    order = [KINDS[k].priority for k in ("abbreviation", "officialese", "nominalisation")]
    assert order == sorted(order, reverse=True) and len(set(order)) == 3
    assert KINDS["hard_word"].priority < KINDS["nominalisation"].priority


def _check(nlp, resources, name: str, example) -> None:
    """Every expected span overlaps a flag of the kind (the rule of the gold evaluation,
    bench/evaluate/flags_eval.py; a wide kind's expected span is the start of the sentence
    or paragraph); a negative example has no flag of the kind."""
    analysis = analyse_doc(nlp(example.text), ReadabilitySettings(), resources)
    found = [f for f in analysis.flags if f.kind == name]
    if not example.flagged:
        assert found == [], (name, example.text, [f.text for f in found])
    for span in example.flagged:
        start = example.text.index(span)
        end = start + len(span)
        assert any(f.start < end and start < f.end for f in found), (
            name, example.text, span, [f.text for f in found]
        )  # fmt: skip


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_examples_with_the_trained_pipeline(nlp_model, resources, name, example):
    nlp, _info = nlp_model
    _check(nlp, resources, name, example)


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_examples_with_the_fallback_pipeline(fallback, resources, name, example):
    if example.needs_parse:
        pytest.skip("needs a dependency parse")
    _check(fallback, resources, name, example)


NEW_KIND_MODULE = '''"""Demo kind: an exclamation mark in an official text."""

from pipeline.readability.flags.base import Example, FlagKind, make_flag, register


def detect(ctx):
    return [
        make_flag(ctx.doc, t.i, t.i, "exclamation", "Uitroepteken.", "Schrijf een punt.")
        for t in ctx.tokens
        if t.text == "!"
    ]


KIND = register(
    FlagKind(
        name="exclamation",
        label="uitroepteken",
        title="Uitroepteken",
        description="Een uitroepteken klinkt als roepen.",
        detect=detect,
        fix="Vervang uitroeptekens door een punt ({n}×).",
        examples=(Example("Kom allemaal!", ("!",)), Example("Kom allemaal.")),
    )
)
'''

# Runs in a fresh interpreter whose flag package also looks in argv[1] (the new module's
# folder): as if the module had been added to pipeline/readability/flags/.
NEW_KIND_SCRIPT = """
import importlib.util, json, sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pipeline.readability

real = Path(pipeline.readability.__file__).parent / "flags"
spec = importlib.util.spec_from_file_location(
    "pipeline.readability.flags", real / "__init__.py",
    submodule_search_locations=[str(real), sys.argv[1]],
)
flags = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = flags
spec.loader.exec_module(flags)

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import ReadabilitySettings, load_settings
from pipeline.nlp import make_fallback_pipeline
from pipeline.readability import ReadabilityResources, analyse_doc
from pipeline.report.advice import derived_fix_first
from pipeline.report.dashboard.labels import load_labels
from pipeline.schemas import TABLES

checked = CliRunner().invoke(app, ["check", sys.argv[2], "--format", "json"])
text = CliRunner().invoke(app, ["check", sys.argv[2]])
off = load_settings(None, {"readability": {"disabled_flags": ["exclamation"]}}, environ={})
nlp, resources = make_fallback_pipeline(), ReadabilityResources.load(ReadabilitySettings())
examples = [
    (list(e.flagged), [f.text for f in analyse_doc(nlp(e.text), ReadabilitySettings(),
     resources).flags if f.kind == "exclamation"])
    for e in flags.KINDS["exclamation"].examples
]
print(json.dumps({
    "kinds": list(flags.FLAG_KINDS),
    "style": "exclamation" in flags.STYLE_FLAG_KINDS,
    "flags": [f["kind"] for s in json.loads(checked.stdout)["sentences"] for f in s["flags"]],
    "text_report": "Uitroepteken: Uitroepteken. Schrijf een punt." in text.stdout,
    "fix": derived_fix_first(SimpleNamespace(measures={"b1_pass": True}), Counter(exclamation=2)),
    "disabled": list(off.readability.disabled_flags),
    "dashboard": load_labels().flag_kinds.get("exclamation"),
    "table_enum": "exclamation" in TABLES["flags"].column("kind").allowed(),
    "examples": examples,
}))
"""


def test_a_new_kind_is_one_module_with_examples(tmp_path):
    """Adding a kind takes one module and nothing else: the registry finds it, and the
    check report, its JSON, the settings, the dashboard labels and the flags table's kinds
    know it; its labelled examples hold."""
    import json
    import os
    import subprocess
    import sys

    extra = tmp_path / "kinds"
    extra.mkdir()
    (extra / "exclamation.py").write_text(NEW_KIND_MODULE, encoding="utf-8")
    sample = tmp_path / "brief.txt"
    sample.write_text("Kom allemaal naar het feest! Het begint om acht uur.\n", encoding="utf-8")
    env = {
        **os.environ,
        "GEMEENTETAAL_NLP__MODEL": "no_such_model",  # the fallback: fast and always there
        "GEMEENTETAAL_NLP__ALTERNATIVES": "[]",
        "GEMEENTETAAL_NLP__ALLOW_DOWNLOAD": "false",
    }
    done = subprocess.run(
        [sys.executable, "-c", NEW_KIND_SCRIPT, str(extra), str(sample)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["kinds"] == sorted([*KINDS, "exclamation"])
    assert seen["style"] and seen["flags"].count("exclamation") == 1
    assert seen["text_report"]
    assert seen["fix"] == ["Vervang uitroeptekens door een punt (2×)."]
    assert seen["disabled"] == ["exclamation"]
    assert seen["dashboard"] == "Uitroepteken"
    assert seen["table_enum"]
    assert seen["examples"] == [[["!"], ["!"]], [[], []]]
    assert "exclamation" not in KINDS  # this process's registry is untouched
