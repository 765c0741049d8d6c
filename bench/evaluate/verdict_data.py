"""The texts and measures behind ``b1_rule.v3``: leveled texts, measured as ``check`` does.

Two sources:

* the exported leveled texts (``<eval dir>/levels/<dataset>/texts.jsonl``, written by
  ``bench.evaluate.levels_export``), each with a ``class`` (``easy`` | ``normal``) and a
  ``role`` (``fit`` | ``heldout``);
* the project's own calibration texts ``tests/fixtures/levels/*_<level>.txt`` (A2, B1, B2,
  C1 by file name), role ``fit`` (written by the project: development data only).

Every text is measured with ``pipeline.check.check_texts`` under the default settings, so
the inputs of the verdict are exactly those ``gemeentetaal check`` computes. ``measure``
returns one plain record per text (the verdict inputs, see ``verdict_inputs``); measured
records are cached in ``<eval dir>/levels/measures_<role>.jsonl`` by text hash; measure
again (``--remeasure``) after a change to the measures or flags.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.evaluate.common import ROOT, eval_dir, sha256_text

CALIBRATION_DIR = ROOT / "tests" / "fixtures" / "levels"
CALIBRATION = "calibration_levels"
EASY_CEFR = ("A1", "A2", "B1")  # a text at one of these levels should pass B1


@dataclass(frozen=True)
class LeveledText:
    """One text with its known class: ``easy`` should pass B1, ``normal`` should not."""

    dataset: str
    id: str
    role: str
    cls: str
    cefr: str | None
    text: str

    @property
    def should_pass(self) -> bool:
        return self.cls == "easy"


def level_texts(role: str, folder: Path | None = None) -> list[LeveledText]:
    """The exported leveled texts of one role (``fit`` or ``heldout``), datasets in name order.

    Raises:
        FileNotFoundError: no exported dataset in ``folder``.
    """
    folder = folder or eval_dir() / "levels"
    files = sorted(folder.glob("*/texts.jsonl"))
    if not files:
        raise FileNotFoundError(
            f"{folder}: no exported leveled texts; run python -m bench.evaluate.levels_export"
        )
    out: list[LeveledText] = []
    for path in files:
        dataset = path.parent.name
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["role"] == role:
                out.append(
                    LeveledText(dataset, row["id"], role, row["class"], row["cefr"], row["text"])
                )
    return out


def calibration_texts(folder: Path = CALIBRATION_DIR) -> list[LeveledText]:
    """The project's own texts at an intended level (``NN_topic_<level>.txt``)."""
    out = []
    for path in sorted(folder.glob("*_*.txt")):
        cefr = path.stem.rsplit("_", 1)[1].upper()
        cls = "easy" if cefr in EASY_CEFR else "normal"
        out.append(
            LeveledText(CALIBRATION, path.stem, "fit", cls, cefr, path.read_text(encoding="utf-8"))
        )
    return out


def verdict_inputs(result: Any) -> dict[str, Any]:
    """What the B1 rules read, from one ``CheckResult``: the measures row, the LiNT-II
    features and the counts (``pipeline.readability.verdict.VerdictInputs`` fields)."""
    m, c = result.measures, result.counts
    keep = (
        "n_words", "n_sentences", "n_long_sentences", "avg_sentence_length",
        "long_sentence_share", "over_a2_sentence_share", "avg_word_length",
        "syllables_per_100_words", "flesch_douma", "brouwer", "lint_score", "lint_level",
    )  # fmt: skip
    return {
        "scores": {k: m.get(k) for k in keep},
        "lint_features": dict(result.lint_features),
        "counts": {
            "n_long_words": c.n_long_words,
            "n_style_problems": c.n_style_problems,
            "n_fragments": c.n_fragments,
            "n_flagged_sentences": c.n_flagged_sentences,
            "n_subclauses": c.n_subclauses,
            "flag_counts": dict(c.flag_counts),
            "n_language_words": c.n_language_words,
            "n_dutch_words": c.n_dutch_words,
        },
        "b1_level": m.get("b1_level"),
        "b1_pass": m.get("b1_pass"),
        "b1_rule": m.get("b1_rule"),
        "b1_difficulty": m.get("b1_difficulty"),
    }


def _batches(items: list[LeveledText], size: int) -> Iterator[list[LeveledText]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def measure(
    texts: Iterable[LeveledText], cache: Path | None = None, remeasure: bool = False
) -> list[dict[str, Any]]:
    """Measure every text as ``gemeentetaal check`` does (default settings).

    Returns:
        One record per text, in order: ``dataset``, ``id``, ``role``, ``class``, ``cefr``,
        ``text_sha256`` and ``verdict_inputs``.
    """
    from pipeline.check import InputFailure, InputText, check_texts
    from pipeline.config import load_settings
    from pipeline.nlp import load_pipeline
    from pipeline.readability import ReadabilityResources

    items = list(texts)
    cached: dict[str, dict[str, Any]] = {}
    if cache is not None and cache.exists() and not remeasure:
        for line in cache.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            cached[row["key"]] = row
    settings = load_settings(None, {}, environ={})
    todo = [t for t in items if _key(t) not in cached]
    if todo:
        nlp, info = load_pipeline(settings.nlp)
        resources = ReadabilityResources.load(settings.readability)
        for batch in _batches(todo, 32):
            inputs = [InputText.from_text(f"{t.dataset}/{t.id}.txt", t.text) for t in batch]
            results = check_texts(inputs, settings, nlp, info, resources)
            for text, result in zip(batch, results, strict=True):
                if isinstance(result, InputFailure):
                    raise RuntimeError(f"{text.dataset}/{text.id}: {result.message}")
                cached[_key(text)] = {"key": _key(text), "inputs": verdict_inputs(result)}
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp")
            tmp.write_text(
                "".join(json.dumps(v, ensure_ascii=False) + "\n" for v in cached.values()),
                encoding="utf-8",
            )
            tmp.replace(cache)
    out = []
    for t in items:
        record = {k: v for k, v in asdict(t).items() if k != "text"}
        record["class"] = record.pop("cls")
        record["text_sha256"] = sha256_text(t.text)
        record["verdict_inputs"] = cached[_key(t)]["inputs"]
        out.append(record)
    return out


def _key(text: LeveledText) -> str:
    return sha256_text(text.text)
