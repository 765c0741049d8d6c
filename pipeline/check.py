"""The ``gemeentetaal check`` job: read texts, parse them in one pass, analyse, render.

Every input (file, folder of files, or ``-`` for standard input) is split into paragraphs at
blank lines; all paragraphs of all inputs go through one ``nlp.pipe`` call, so a folder of
500 short texts pays for one model start-up. Each paragraph is analysed with
``pipeline.readability.analyse_doc``; offsets are moved to the full text and the paragraph
``Counts`` are summed into the verdict for the whole text. A file that cannot be read gets a
one-line error and the rest goes on.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import Settings

CHECK_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".docx", ".pdf", ".html", ".htm"})
LEVELS = ("A2", "B1", "B2", "C1")
STDIN = "-"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v]*\n\s*")


@dataclass
class CheckedSentence:
    """A sentence of a checked text with its flags; offsets are in the full input text."""

    start: int
    end: int
    text: str
    n_words: int
    flags: list[Any] = field(default_factory=list)  # list[Flag]


@dataclass
class CheckResult:
    """The check of one input text."""

    path: str
    text: str
    measures: dict[str, Any]
    lint_features: dict[str, float | None]
    counts: Any  # pipeline.readability.Counts
    sentences: list[CheckedSentence]
    unit_flags: list[Any]  # list[Flag]: flags on a paragraph as a whole
    model: dict[str, Any]

    @property
    def level(self) -> str | None:
        return self.measures.get("b1_level")

    @property
    def flags(self) -> list[Any]:
        """All flags, in text order."""
        out = [f for s in self.sentences for f in s.flags] + list(self.unit_flags)
        return sorted(out, key=lambda f: (f.start, -f.end))

    def to_json(self) -> dict[str, Any]:
        """The public JSON form of ``check --format json`` (one object per input)."""
        m = self.measures
        return {
            "path": self.path,
            "level": m["b1_level"],
            "b1_pass": m["b1_pass"],
            "rule": m["b1_rule"],
            "reasons": list(m["b1_reasons"] or []),
            "scores": {
                "flesch_douma": m["flesch_douma"],
                "flesch_douma_band": m["flesch_douma_band"],
                "brouwer": m["brouwer"],
                "brouwer_band": m["brouwer_band"],
                "lint": m["lint_score"],
                "lint_level": m["lint_level"],
                "avg_sentence_length": m["avg_sentence_length"],
                "long_sentence_share": m["long_sentence_share"],
                "over_a2_sentence_share": m["over_a2_sentence_share"],
                "avg_word_length": m["avg_word_length"],
                "syllables_per_100_words": m["syllables_per_100_words"],
            },
            "lint_features": self.lint_features,
            "counts": {
                "n_words": m["n_words"],
                "n_sentences": m["n_sentences"],
                "n_syllables": m["n_syllables"],
                "n_characters": m["n_characters"],
                "n_long_sentences": m["n_long_sentences"],
                "n_flags": m["n_flags"],
                "flags_by_kind": dict(sorted(self.counts.flag_counts.items())),
            },
            "model": self.model,
            "sentences": [
                {
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "n_words": s.n_words,
                    "flags": [f.to_dict() for f in s.flags],
                }
                for s in self.sentences
            ],
            "flags": [f.to_dict() for f in self.unit_flags],
        }


@dataclass(frozen=True)
class InputText:
    path: str
    text: str


@dataclass(frozen=True)
class InputFailure:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def paragraphs(text: str) -> list[tuple[int, str]]:
    """``(offset, paragraph)`` pairs of the blank-line separated paragraphs of ``text``."""
    out: list[tuple[int, str]] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        stop = match.start() if match is not None else len(text)
        chunk = text[position:stop]
        stripped = chunk.strip()
        if stripped:
            out.append((position + chunk.index(stripped[0]), stripped))
        if match is not None:
            position = match.end()
    return out


def iter_check_files(paths: Iterable[str]) -> Iterator[str]:
    """Expand folders (recursively, sorted, hidden files skipped) to checkable files."""
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(p.startswith(".") for p in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in CHECK_SUFFIXES:
                    yield str(child)
        else:
            yield raw


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[InputText | InputFailure]:
    """Read every input; a failure is yielded as ``InputFailure`` and the rest goes on."""
    from pipeline.ingest.readers import InputError, decode_text, read_input

    for name in iter_check_files(paths):
        try:
            if name == STDIN:
                stream = getattr(sys.stdin, "buffer", None)
                data = stream.read() if stream is not None else sys.stdin.read().encode()
                text, _ = decode_text(data)
                if not text.strip():
                    raise InputError("no text on standard input")
            else:
                suffix = Path(name).suffix.lower()
                if suffix not in CHECK_SUFFIXES and Path(name).exists():
                    raise InputError(
                        f"unsupported file type {suffix or '(none)'!r} for check; expected "
                        f"one of {', '.join(sorted(CHECK_SUFFIXES))}"
                    )
                text = read_input(Path(name), settings.ingest.max_file_mb).text
        except InputError as exc:
            yield InputFailure(name, str(exc))
            continue
        yield InputText(name, text)


def check_texts(
    inputs: list[InputText],
    settings: Settings,
    nlp: Any = None,
    model_info: Any = None,
    resources: Any = None,
) -> list[CheckResult]:
    """Analyse texts: one ``nlp.pipe`` pass over all their paragraphs.

    Args:
        inputs: the texts to check.
        settings: all settings (``nlp`` and ``readability`` are used).
        nlp: a loaded spaCy pipeline; loaded from ``settings.nlp`` when None.
        model_info: the ``ModelInfo`` of ``nlp`` (required when ``nlp`` is given).
        resources: loaded ``ReadabilityResources``; loaded here when None (a long-running
            caller such as the web app loads them once).

    Returns:
        One ``CheckResult`` per input, in order.
    """
    from pipeline.nlp import ModelInfo, load_pipeline, parse, unwrap_lines
    from pipeline.readability import (
        Counts,
        ReadabilityResources,
        analyse_doc,
        lint_features,
        measures,
    )
    from pipeline.readability.flags import explained_acronyms

    units = [
        (unwrap_lines(para), (i, offset))
        for i, item in enumerate(inputs)
        for offset, para in paragraphs(item.text)
    ]
    if nlp is None:
        nlp, model_info = load_pipeline(settings.nlp, texts=[text for text, _ in units])
    info: ModelInfo = model_info
    if resources is None:
        resources = ReadabilityResources.load(settings.readability)
    explained = [explained_acronyms(item.text) for item in inputs]
    totals = [Counts() for _ in inputs]
    sentences: list[list[CheckedSentence]] = [[] for _ in inputs]
    unit_flags: list[list[Any]] = [[] for _ in inputs]
    for doc, (i, offset) in parse(nlp, units, settings.nlp):
        analysis = analyse_doc(
            doc, settings.readability, resources, info, explained_acronyms=explained[i]
        )
        totals[i] = totals[i] + analysis.counts
        for s in analysis.sentences:
            sentences[i].append(
                CheckedSentence(
                    s.start + offset,
                    s.end + offset,
                    s.text,
                    s.n_words,
                    [f.shifted(offset) for f in s.flags],
                )
            )
        unit_flags[i] += [f.shifted(offset) for f in analysis.unit_flags]
    model = {"name": info.name, "version": info.version, "source": info.source}
    return [
        CheckResult(
            path=item.path,
            text=item.text,
            measures=measures(totals[i], settings.readability),
            lint_features=lint_features(totals[i]),
            counts=totals[i],
            sentences=sentences[i],
            unit_flags=unit_flags[i],
            model=model,
        )
        for i, item in enumerate(inputs)
    ]


def above(level: str | None, max_level: str) -> bool:
    """True when ``level`` is higher than ``max_level`` (unknown levels are not above)."""
    return level in LEVELS and LEVELS.index(level) > LEVELS.index(max_level)


def check_command(
    paths: list[str],
    settings: Settings,
    fmt: str = "text",
    out: Path | None = None,
    max_level: str | None = None,
) -> int:
    """Run ``gemeentetaal check`` and return the exit code.

    Returns:
        1 when an input failed or (with ``max_level``) a text is above that level, else 0.
    """
    import typer

    from pipeline.report import check as report

    texts: list[InputText] = []
    failures: list[InputFailure] = []
    for item in read_inputs(paths, settings):
        (texts if isinstance(item, InputText) else failures).append(item)  # type: ignore[arg-type]
    for failure in failures:
        typer.echo(f"gemeentetaal: error: {failure}", err=True)
    results = check_texts(texts, settings) if texts else []
    if fmt == "json":
        rendered = "".join(report.render_json_line(r) + "\n" for r in results)
    elif fmt == "html":
        rendered = report.render_html(results)
    else:
        rendered = report.render_text(results, color=out is None and sys.stdout.isatty())
    if out is not None:
        out.write_text(rendered, encoding="utf-8")
        typer.echo(f"gemeentetaal: report written to {out}", err=True)
    else:
        typer.echo(rendered, nl=False)
    too_hard = max_level is not None and any(above(r.level, max_level) for r in results)
    return 1 if failures or too_hard else 0
