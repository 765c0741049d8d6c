"""The ``gemeentetaal check`` job: read texts, parse them in one pass, analyse, render.

Every input (file, folder of files, or ``-`` for standard input) goes through the same path
as ``gemeentetaal run``: the ingest readers and parsers turn it into records (a letter or web
text becomes a document of the ``text`` family) and ``pipeline.analyse.units_of`` cuts the
records into units (paragraphs and list items; headings and tables are not units). All units
of all inputs go through one ``nlp.pipe`` call, so a folder of 500 short texts pays for one
model start-up, and are analysed with ``pipeline.analyse.analyse_units``, the function behind
the tables of ``run``: a file gets the same sentences and scores everywhere. A file that cannot
be read or analysed gets a one-line error and the rest goes on.

The module also holds what the report and the web page do with a result (ignore a flag by
its id, apply a proposal to the text) and the ``check`` command's outputs, so everything
``check`` does with a text is in one place; that makes it a little over 500 lines.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.config import DATA_EXTENSIONS, READABLE_EXTENSIONS, Settings

if TYPE_CHECKING:
    from pipeline.ingest.readers import RawInput

# The document types (not the comment exports); ``ingest.extensions`` chooses among them.
CHECK_SUFFIXES = frozenset(READABLE_EXTENSIONS) - frozenset(DATA_EXTENSIONS)
LEVELS = ("A2", "B1", "B2", "C1")
STDIN = "-"
UNIT_BREAK = "\n\n"


def check_suffixes(settings: Settings) -> tuple[str, ...]:
    """The file types ``check`` reads with ``settings`` (the document types that
    ``ingest.extensions`` keeps), in the order of ``READABLE_EXTENSIONS``; the web upload
    takes the same ones."""
    chosen = set(settings.ingest.extensions)
    return tuple(s for s in READABLE_EXTENSIONS if s in CHECK_SUFFIXES and s in chosen)


@dataclass
class CheckedSentence:
    """A sentence of a checked text with its flags; offsets are in ``CheckResult.text``.

    ``fragment``: a heading-like line (``is_fragment``) that is read for advice but not
    measured. ``heading``: a section heading of the document, checked for its words only
    and counted nowhere in the verdict (``run`` keeps headings in ``sections``).
    """

    start: int
    end: int
    text: str
    n_words: int
    flags: list[Any] = field(default_factory=list)  # list[Flag]
    unit_id: str = ""
    fragment: bool = False
    proposals: list[Any] = field(default_factory=list)  # list[rewrite.Proposal]
    heading: bool = False


@dataclass
class CheckResult:
    """The check of one input text.

    ``text`` is the text as the pipeline reads it: section headings and the units of text
    (paragraphs, list items) in reading order, separated by blank lines, with page furniture
    left out; every offset in the result points into it.
    """

    path: str
    text: str
    measures: dict[str, Any]
    lint_features: dict[str, float | None]
    counts: Any  # pipeline.readability.Counts
    sentences: list[CheckedSentence]
    unit_flags: list[Any]  # list[Flag]: flags on a paragraph as a whole
    model: dict[str, Any]
    verdict: Any = None  # pipeline.readability.Verdict behind measures["b1_*"]

    @property
    def level(self) -> str | None:
        return self.measures.get("b1_level")

    @property
    def flags(self) -> list[Any]:
        """All flags, in text order."""
        out = [f for s in self.sentences for f in s.flags] + list(self.unit_flags)
        return sorted(out, key=lambda f: (f.start, -f.end))

    def to_json(self) -> dict[str, Any]:
        """The public JSON form of ``check --format json`` (one object per input).

        ``flags`` holds the flags of the text as a whole (a long paragraph), not tied to
        one sentence; each sentence's flags are under ``sentences[].flags``; ``n_flags``
        counts both (see ``pipeline/web/models.py``, the schema of this object).
        """
        m = self.measures
        return {
            "path": self.path,
            "text": self.text,
            "level": m["b1_level"],
            "b1_pass": m["b1_pass"],
            "rule": m["b1_rule"],
            "reasons": list(m["b1_reasons"] or []),
            "difficulty": m.get("b1_difficulty"),
            "threshold": self.verdict.threshold if self.verdict is not None else None,
            "fix_first": list(m.get("b1_fix_first") or []),
            "contributions": [c.to_dict() for c in self.verdict.contributions]
            if self.verdict is not None
            else [],
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
                "n_fragments": self.counts.n_fragments,
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
                    "unit_id": s.unit_id,
                    "fragment": s.fragment,
                    "heading": s.heading,
                    "flags": [f.to_dict() for f in s.flags],
                    "proposals": [p.to_dict() for p in s.proposals],
                }
                for s in self.sentences
            ],
            # the text's own flags (a long paragraph); sentence flags are under sentences
            "flags": [f.to_dict() for f in self.unit_flags],
            "n_flags": len(self.unit_flags) + sum(len(s.flags) for s in self.sentences),
        }


@dataclass(frozen=True)
class InputText:
    """One input to check: its name and what the ingest readers made of it."""

    path: str
    raw: RawInput

    @classmethod
    def from_text(cls, path: str, text: str) -> InputText:
        """A pasted or piped text, read as a ``.txt`` file."""
        from pipeline.ingest.readers import RawInput, fold_ligatures

        text = fold_ligatures(text)
        return cls(path, RawInput(path, ".txt", text, text.encode("utf-8"), "utf-8"))


@dataclass(frozen=True)
class InputFailure:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[InputText | InputFailure]:
    """Read every input, as ``ingest`` and ``run`` find and read them (folders expanded to
    checkable files, special files and copies of an earlier input reported); a failure is
    yielded as ``InputFailure`` and the rest goes on."""
    from pipeline.ingest.inputs import DuplicateFilter, scan_inputs
    from pipeline.ingest.readers import InputError, decode_text, read_input
    from pipeline.records import content_hash

    wanted = set(check_suffixes(settings))
    copies = DuplicateFilter()
    for given in paths:
        if given == STDIN:
            try:
                stream = getattr(sys.stdin, "buffer", None)
                data = stream.read() if stream is not None else sys.stdin.read().encode()
                text, _ = decode_text(data)
                if not text.strip():
                    raise InputError("no text on standard input")
            except InputError as exc:
                yield InputFailure(given, str(exc))
                continue
            yield InputText.from_text(given, text)
            continue
        scan = scan_inputs([given], wanted)
        for problem in scan.problems:
            yield InputFailure(problem.path, problem.message)
        for path in scan.files:
            try:
                suffix = path.suffix.lower()
                if suffix not in wanted:
                    raise InputError(
                        f"unsupported file type {suffix or '(none)'!r} for check; expected "
                        f"one of {', '.join(sorted(wanted))} (ingest.extensions)"
                    )
                raw = read_input(path, settings.ingest.max_file_mb, settings.ingest)
            except InputError as exc:
                yield InputFailure(str(path), str(exc))
                continue
            first = copies.first_copy(path, content_hash(raw.data))
            if first is not None:
                yield InputFailure(str(path), DuplicateFilter.error(path, first).message)
                continue
            yield InputText(str(path), raw)


@dataclass
class _Checked:
    """One input on its way through the check: its units and where they go in the text."""

    item: InputText
    units: list[Any]  # list[pipeline.analyse.Unit]
    offsets: list[int]
    text: str
    headings: list[tuple[int, str]] = field(default_factory=list)  # (offset, heading)


def _layout(item: InputText, records: list[Any]) -> _Checked:
    """The units of ``records`` and the text they are shown in: each section heading before
    the first unit of its section, units separated by blank lines."""
    from pipeline.analyse import units_of
    from pipeline.records import Document

    headings: dict[str, str] = {}
    for record in records:
        if isinstance(record, Document):
            headings.update((s.section_id, s.heading) for s in record.all_sections() if s.heading)
    parts: list[str] = []
    units: list[Any] = []
    offsets: list[int] = []
    position = 0
    shown: set[str] = set()
    shown_headings: list[tuple[int, str]] = []

    def add(text: str) -> int:
        nonlocal position
        if parts:
            parts.append(UNIT_BREAK)
            position += len(UNIT_BREAK)
        parts.append(text)
        start, position = position, position + len(text)
        return start

    for record in records:
        for unit in units_of(record):
            section = unit.section_id
            if section in headings and section not in shown:
                shown.add(section)
                shown_headings.append((add(headings[section]), headings[section]))
            offsets.append(add(unit.text))
            units.append(unit)
    return _Checked(item, units, offsets, "".join(parts), shown_headings)


def check_texts(
    inputs: list[InputText],
    settings: Settings,
    nlp: Any = None,
    model_info: Any = None,
    resources: Any = None,
) -> list[CheckResult | InputFailure]:
    """Analyse texts: ingest each, then one ``nlp.pipe`` pass over all their units.

    Args:
        inputs: the texts to check.
        settings: all settings (``ingest``, ``nlp`` and ``readability`` are used).
        nlp: a loaded spaCy pipeline; loaded from ``settings.nlp`` when None.
        model_info: the ``ModelInfo`` of ``nlp`` (required when ``nlp`` is given).
        resources: loaded ``ReadabilityResources``; loaded here when None (a long-running
            caller such as the web app loads them once).

    Returns:
        One ``CheckResult`` per input, in order, or an ``InputFailure`` for an input whose
        content could not be parsed.
    """
    from pipeline.analyse import iter_analyse_units
    from pipeline.ingest import ingest_raw
    from pipeline.ingest.readers import InputError
    from pipeline.nlp import ModelInfo, load_pipeline, parse, unwrap_lines
    from pipeline.privacy import Pseudonymiser
    from pipeline.readability import (
        Counts,
        ReadabilityResources,
        lint_features,
        measures_and_verdict,
    )
    from pipeline.readability.flags import explained_acronyms
    from pipeline.readability.reliability import DropinGate
    from pipeline.readability.rewrite import propose, speaks_as_we, we_form

    scrubber = Pseudonymiser.for_scrubbing(settings.privacy)
    checked: list[_Checked | InputFailure] = []
    for item in inputs:
        try:
            records = ingest_raw(item.raw, settings, scrubber)
        except (InputError, RecursionError) as exc:
            message = str(exc) if isinstance(exc, InputError) else "input is nested too deeply"
            checked.append(InputFailure(item.path, message))
            continue
        checked.append(_layout(item, records))
    work = [c for c in checked if isinstance(c, _Checked)]
    # One nlp.pipe stream over every input, each input's units and then its headings: an
    # input's Docs are analysed as they come and let go, so a long text never holds them all.
    texts = [
        text
        for c in work
        for text in [*(unwrap_lines(u.text) for u in c.units), *(h for _, h in c.headings)]
    ]
    if nlp is None:
        nlp, model_info = load_pipeline(settings.nlp, texts=texts)
    info: ModelInfo = model_info
    if resources is None:
        resources = ReadabilityResources.load(settings.readability)
    docs = (doc for doc, _ in parse(nlp, ((text, None) for text in texts), settings.nlp))
    model = info.summary(settings.nlp.model)
    out: list[CheckResult | InputFailure] = []
    for entry in checked:
        if isinstance(entry, InputFailure):
            out.append(entry)
            continue
        parsed = ((next(docs), unit) for unit in entry.units)
        analysed = iter_analyse_units(parsed, settings.readability, resources, info)
        we = speaks_as_we([entry.text])
        wij = we_form([entry.text])
        gate = DropinGate.from_settings(settings.readability)
        total = Counts()
        sentences: list[CheckedSentence] = []
        unit_flags: list[Any] = []
        text = entry.text
        explained: list[tuple[int, set[str]]] = []  # (offset, abbreviations a unit explains)
        for (doc, unit, analysis), offset in zip(analysed, entry.offsets, strict=True):
            total = total + analysis.counts
            explained.append((offset, explained_acronyms(unit.text)))
            for s in analysis.sentences:
                span = doc.char_span(s.start, s.end, alignment_mode="expand")
                proposals = (
                    propose(doc, span.start, span.end, s.flags, first_person=we, gate=gate, we=wij)
                    if span is not None and s.flags
                    else []
                )
                sentences.append(
                    CheckedSentence(
                        s.start + offset, s.end + offset,
                        text[s.start + offset : s.end + offset] or s.text, s.n_words,
                        [f.shifted(offset, text) for f in s.flags], unit.unit_id, s.fragment,
                        [p.shifted(offset) for p in proposals],
                    )
                )  # fmt: skip
            unit_flags += [f.shifted(offset, text) for f in analysis.unit_flags]
        for offset, _ in entry.headings:
            # an abbreviation explained in the text before the heading is explained there too
            before = set().union(*(found for at, found in explained if at < offset))
            sentences += _heading_advice(
                next(docs), offset, settings.readability, resources, info, before
            )
        sentences.sort(key=lambda s: s.start)
        row, verdict = measures_and_verdict(total, settings.readability)
        out.append(
            CheckResult(
                path=entry.item.path,
                text=entry.text,
                measures=row,
                lint_features=lint_features(total),
                counts=total,
                sentences=sentences,
                unit_flags=unit_flags,
                model=model,
                verdict=verdict,
            )
        )
    return out


# What a heading is checked for: its words, not its length or structure.
HEADING_KINDS = frozenset(
    {"officialese", "nominalisation", "abbreviation", "hard_word", "passive", "overlong_word"}
)


HEADING_NOMINALISATION = (
    "In een kopje kan het korter: zet het werkwoord achteraan, zonder ‘het’ en ‘van’ "
    "(‘Het ophalen van afval’ wordt ‘Afval ophalen’)."
)


def _as_heading_advice(flag: Any) -> Any:
    """A nominalisation in a heading gets a heading's advice ("Afval ophalen"), not a
    sentence's "zeg wie het doet" (user trial of session 33)."""
    if flag.kind != "nominalisation":
        return flag
    from dataclasses import replace

    return replace(flag, suggestion=HEADING_NOMINALISATION)


def _heading_advice(
    doc: Any, offset: int, settings: Any, resources: Any, info: Any, explained: set[str]
) -> list[CheckedSentence]:
    """A section heading as a line with word advice ("Inzake de verstrekking van ..."):
    shown in the report like a salutation, but not measured and not counted in the verdict,
    so the verdict stays the one ``run`` gives (headings are no units there). ``explained``:
    the abbreviations the units before it explain."""
    from pipeline.readability import analyse_doc

    analysis = analyse_doc(doc, settings, resources, info, explained_acronyms=explained)
    flags = [
        _as_heading_advice(f.shifted(offset)) for f in analysis.flags if f.kind in HEADING_KINDS
    ]
    n_words = sum(s.n_words for s in analysis.sentences)
    end = offset + len(doc.text)
    return [CheckedSentence(offset, end, doc.text, n_words, flags, "", True, heading=True)]


def flag_id(flag: Any, sentence_text: str = "") -> str:
    """A stable id for a flag: its kind, its words and its sentence (not its offsets, so it
    survives edits elsewhere in the text); the web page ignores flags by this id."""
    blob = f"{flag.kind}\x00{flag.text}\x00{sentence_text}".encode()
    return f"{flag.kind}-{hashlib.sha256(blob).hexdigest()[:10]}"


def with_ignored(result: CheckResult, ignored: Iterable[str], settings: Settings) -> CheckResult:
    """The result with the flags the user chose to ignore (``flag_id``) left out of the
    counts and so of the verdict; they stay in the sentences (the report shows them as
    ignored, so they can be taken back)."""
    from dataclasses import replace

    from pipeline.readability import measures_and_verdict
    from pipeline.readability.flags import STYLE_FLAG_KINDS

    wanted = set(ignored)
    if not wanted:
        return result
    dropped = [
        f
        for s in result.sentences
        if not s.heading  # a heading's advice is not counted, so not taken off either
        for f in s.flags
        if flag_id(f, s.text) in wanted
    ]
    dropped += [f for f in result.unit_flags if flag_id(f) in wanted]
    if not dropped:
        return result
    kinds = Counter(f.kind for f in dropped)
    counts = replace(
        result.counts,
        n_flags=max(0, result.counts.n_flags - len(dropped)),
        n_style_problems=max(
            0, result.counts.n_style_problems - sum(f.kind in STYLE_FLAG_KINDS for f in dropped)
        ),
        flag_counts={
            k: v - kinds[k] for k, v in result.counts.flag_counts.items() if v - kinds[k] > 0
        },
    )
    row, verdict = measures_and_verdict(counts, settings.readability)
    return replace(result, counts=counts, measures=row, verdict=verdict)


def apply_proposal(text: str, start: int, original: str, replacement: str) -> str | None:
    """``text`` with ``original`` replaced by ``replacement`` at the occurrence nearest to
    ``start`` (the text shown may differ slightly from the text the offsets point into);
    None when ``original`` is no longer in the text."""
    if not original:
        return None
    found = [m.start() for m in re.finditer(re.escape(original), text)]
    if not found:
        return None
    at = min(found, key=lambda k: abs(k - start))
    return text[:at] + replacement + text[at + len(original) :]


def above(level: str | None, max_level: str) -> bool:
    """True when ``level`` is higher than ``max_level`` (unknown levels are not above)."""
    return level in LEVELS and LEVELS.index(level) > LEVELS.index(max_level)


def passed_over(paths: Iterable[str], limit: int = 20) -> list[str]:
    """Files in the given folders that ``check`` does not read (other types, hidden files),
    at most ``limit``, for the message when nothing could be checked."""
    out: list[str] = []
    for given in paths:
        top = Path(given)
        if given == STDIN or not top.is_dir():
            continue
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if Path(name).suffix.lower() not in CHECK_SUFFIXES or name.startswith("."):
                    out.append(str(Path(folder) / name))
                    if len(out) >= limit:
                        return out
    return out


def _docx_target(source: str, out: Path | None, n_inputs: int) -> Path:
    """Where ``--format docx`` writes the commented copy of ``source``: next to it as
    ``<name>.advies.docx``, or ``--out`` (a file for one input, else a folder)."""
    from pipeline.ingest.inputs import REPORT_SUFFIX

    name = Path(source).stem + REPORT_SUFFIX
    if out is None:
        return Path(source).with_name(name)
    if n_inputs == 1 and not out.is_dir() and out.suffix.lower() == ".docx":
        return out
    return out / name


LONG_CHECK_WORDS = 50_000  # a check of this many words says up front that it takes a while
SECONDS_PER_WORD = 0.00016  # 160 ms per 1,000 words on this project's machine (perf_bench)


def check_command(
    paths: list[str],
    settings: Settings,
    fmt: str = "text",
    out: Path | None = None,
    max_level: str | None = None,
) -> int:
    """Run ``gemeentetaal check`` and return the exit code.

    Returns:
        2 when an input could not be read or nothing could be checked (an empty folder, no
        supported files: the files passed over are listed); else 1 when (with
        ``max_level``) a text is above that level; else 0. A script can tell "too hard"
        from "could not read" (as linters do: 1 = findings, 2 = error).
    """
    import typer

    from pipeline.ingest.inputs import SAVE_AS
    from pipeline.report import check as report

    language = settings.report.language
    texts: list[InputText] = []
    failures: list[InputFailure] = []
    for item in read_inputs(paths, settings):
        (texts if isinstance(item, InputText) else failures).append(item)  # type: ignore[arg-type]
    for failure in failures:
        typer.echo(f"gemeentetaal: error: {failure}", err=True)
    if not texts and not failures:
        skipped = passed_over(paths)
        kinds = ", ".join(sorted(CHECK_SUFFIXES))
        typer.echo(
            f"gemeentetaal: error: nothing to check in {', '.join(paths)}: no {kinds} files",
            err=True,
        )
        for path in skipped:
            advice = SAVE_AS.get(Path(path).suffix.lower())  # e.g. .doc: save as .docx
            reason = "file type not supported by check" + (f", {advice}" if advice else "")
            typer.echo(f"  skipped: {path} ({reason})", err=True)
        return 2
    words = sum(len(t.raw.text.split()) for t in texts)
    if words >= LONG_CHECK_WORDS:  # minutes of work: say so, or it looks as if it hangs
        typer.echo(
            f"gemeentetaal: checking {words:,} words in {len(texts)} input(s); this takes "
            f"about {max(1, round(words * SECONDS_PER_WORD / 60))} minute(s)",
            err=True,
        )
    results: list[CheckResult] = []
    for outcome in check_texts(texts, settings) if texts else []:
        if isinstance(outcome, InputFailure):
            failures.append(outcome)
            typer.echo(f"gemeentetaal: error: {outcome}", err=True)
        else:
            results.append(outcome)
    if fmt == "docx":
        written = _write_docx(results, out, failures, language)
        return _exit_code(results, bool(failures) or not written, max_level)
    if fmt == "json":
        rendered = "".join(report.render_json_line(r) + "\n" for r in results)
    elif fmt == "html":
        rendered = report.render_html(results, language=language)
    else:
        color = out is None and sys.stdout.isatty()
        rendered = report.render_text(results, color=color, language=language)
    if out is not None:
        from pipeline.outputs import atomic_write_text

        atomic_write_text(out, rendered)
        typer.echo(f"gemeentetaal: report written to {out}", err=True)
    else:
        typer.echo(rendered, nl=False)
    return _exit_code(results, bool(failures), max_level)


def _exit_code(results: list[CheckResult], failed: bool, max_level: str | None) -> int:
    """2 when an input failed, 1 when a text is above ``max_level``, else 0."""
    if failed:
        return 2
    return 1 if max_level is not None and any(above(r.level, max_level) for r in results) else 0


def _write_docx(
    results: list[CheckResult], out: Path | None, failures: list[InputFailure], language: str
) -> int:
    """``--format docx``: a commented copy of every .docx input; other inputs are errors."""
    import typer

    from pipeline.report.docx_comments import write_commented_docx

    written = 0
    for result in results:
        if Path(result.path).suffix.lower() != ".docx":
            failure = InputFailure(result.path, "--format docx needs a .docx file")
            failures.append(failure)
            typer.echo(f"gemeentetaal: error: {failure}", err=True)
            continue
        target = _docx_target(result.path, out, len(results))
        placed, unplaced = write_commented_docx(Path(result.path), result, target, language)
        written += 1
        typer.echo(
            f"gemeentetaal: {placed} comments written to {target}"
            + (f" ({unplaced} in the summary comment)" if unplaced else ""),
            err=True,
        )
    return written
