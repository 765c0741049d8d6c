"""Rendering of ``gemeentetaal check`` results: terminal text, JSON Lines, HTML and Word.

Every output lays out the same ``Report`` (``pipeline/report/advice.py``): the verdict with the
difficulty and distance to B1, "eerst aanpakken", the text with flagged words marked and each
flagged sentence numbered, then every sentence's advice and rewrite proposals as a list, the
advice on paragraphs and the officialese table. No advice is hidden behind hover: the list is
plain text, the numbers in the text are links to it (keyboard and screen readers), and the
print stylesheet keeps everything, so a saved PDF carries all advice.

The HTML report is one self-contained file (inline CSS, no scripts, no external resources);
all input text is escaped. ``render_html_fragment`` gives the same report without the page
around it, for the web app (``interactive=True`` adds the ignore and apply controls).
"""

from __future__ import annotations

import io
import itertools
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from pipeline.readability.flags import LABELS, WIDE_KINDS
from pipeline.report.advice import (
    TEXTS,
    Report,
    build_report,
    for_output,
    model_text,
    n_lines_of,
    score_items,
    verdict_text,
)

TEMPLATES = Path(__file__).parent / "templates"
KIND_LABELS = LABELS

__all__ = [
    "KIND_LABELS",
    "Segment",
    "build_report",
    "model_line",
    "render_html",
    "render_html_fragment",
    "render_json_line",
    "render_text",
    "score_items",
    "segments",
    "verdict_line",
]


def render_json_line(result: Any) -> str:
    """One input's result as one line of JSON (``check --format json``)."""
    return json.dumps(result.to_json(), ensure_ascii=False)


def verdict_line(result: Any, language: str = "nl") -> str:
    """The verdict in words, e.g. ``Taalniveau C1: moeilijker dan B1``."""
    m = result.measures
    return verdict_text(
        m.get("b1_level"), m.get("b1_pass"), language, n_lines_of(result),
        m.get("b1_reasons") or (),
    )  # fmt: skip


def model_line(result: Any, language: str = "nl") -> str:
    return model_text(result.model, language)


# --- terminal -------------------------------------------------------------------------------


def render_text(results: Sequence[Any], color: bool = False, language: str = "nl") -> str:
    """The terminal report. Uses rich for colour; plain text without a TTY."""
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    width = shutil.get_terminal_size().columns if color else 100
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=width,
        soft_wrap=not color,  # no hard line breaks in piped output
        highlight=False,
    )
    for n, result in enumerate(results):
        report = build_report(result, language)
        t = report.t
        if n:
            console.print()
        console.print(Text(report.path, style="bold"))
        style = "bold green" if report.passed else "bold red"
        console.print(Text(report.verdict, style=style), f" ({t['rule']} {report.rule})")
        if report.difficulty:
            console.print(f"  {report.difficulty}: {report.distance}")
        for reason in report.reasons:
            console.print(f"  - {reason}")
        if report.fix_first:
            console.print()
            console.print(f"{report.fix_first_title}:", style="bold")
            for i, item in enumerate(report.fix_first, start=1):
                console.print(f"  {i}. {for_output(item, 'text')}")
        console.print()
        console.print("  " + " · ".join(f"{label}: {value}" for label, value in report.scores))
        console.print(f"  {t['model']}: {report.model}", style="dim")
        if report.sentences:
            console.print()
            console.print(report.sentences_title + ":", style="bold")
        for sentence in report.sentences:
            line = Text(f"{sentence.number}. ")
            line.append(_highlighted(sentence, result.flags, Text))
            console.print(line)
            for advice in sentence.advice:
                console.print(Text("   - " + _advice_line(advice)))
            for proposal in sentence.proposals:
                console.print(
                    Text(f"   {t['proposal']} ({proposal.note.lower()}): ", style="bold")
                    + Text(_proposal_text(proposal))
                )
        if report.paragraph_advice:
            console.print()
            console.print(t["paragraphs"] + ":", style="bold")
            for advice in report.paragraph_advice:
                console.print(Text("  - " + _advice_line(advice)))
        if report.officialese:
            console.print()
            console.print(t["officialese"] + ":", style="bold")
            for row in report.officialese:
                console.print(
                    Text(f"  - {row['term']} ({row['count']}×): {row['suggestion'] or '–'}")
                )
    return buffer.getvalue()


def _advice_line(advice: Any) -> str:
    line = f"{advice.title}: {advice.detail}"
    if advice.suggestion:
        line += f" {advice.suggestion}"
    return line


def _proposal_text(proposal: Any) -> str:
    if proposal.kind in ("officialese", "abbreviation"):
        return f"‘{proposal.original}’ → ‘{proposal.replacement}’"
    return proposal.replacement


def _highlighted(sentence: Any, flags: Sequence[Any], text_cls: Any) -> Any:
    """A rich Text of the sentence with word-level flag spans underlined."""
    text = text_cls(sentence.text)
    for flag in flags:
        if flag.kind in WIDE_KINDS or not (sentence.start <= flag.start < sentence.end):
            continue
        start, end = flag.start - sentence.start, flag.end - sentence.start
        text.stylize("bold yellow underline", max(0, start), max(0, end))
    return text


# --- HTML -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A piece of the input text with the flags that cover it (empty: plain text)."""

    text: str
    flags: tuple[Any, ...]
    start: int = 0

    @property
    def css(self) -> str:
        kinds = sorted({f.kind for f in self.flags})
        wide = all(k in WIDE_KINDS for k in kinds)
        return " ".join(["flag", "wide" if wide else "word", *(f"k-{k}" for k in kinds)])


def segments(text: str, flags: Sequence[Any], cuts: Sequence[int] = ()) -> list[Segment]:
    """Cut ``text`` at every flag boundary (and at ``cuts``); each piece lists the flags
    covering it."""
    points = {0, len(text), *(c for c in cuts if 0 <= c <= len(text))}
    for flag in flags:
        points.update((max(0, min(len(text), flag.start)), max(0, min(len(text), flag.end))))
    out: list[Segment] = []
    for a, b in itertools.pairwise(sorted(points)):
        if a == b:
            continue
        covering = tuple(f for f in flags if f.start <= a and b <= f.end)
        out.append(Segment(text[a:b], covering, a))
    return out


def _marked(text: str, flags: Sequence[Any], offset: int = 0, numbers: dict | None = None,
            prefix: str = "") -> Markup:  # fmt: skip
    """``text`` (starting at ``offset`` of the report text) with flagged spans in ``<mark>``;
    with ``numbers`` (start offset -> sentence number), each flagged sentence starts with a
    link to its advice."""
    local = [f for f in flags if f.end > offset and f.start < offset + len(text)]
    shifted = [_Shifted(f, offset) for f in local]
    cuts = [k - offset for k in (numbers or {})]
    parts: list[str] = []
    for seg in segments(text, shifted, cuts):
        start = seg.start + offset
        if numbers and start in numbers:
            n = numbers[start]
            parts.append(
                f'<a class="zin-nr" id="{prefix}-tekst-{n}" href="#{prefix}-zin-{n}" '
                f'aria-label="Advies bij zin {n}">{n}</a>'
            )
        if seg.flags:
            parts.append(f'<mark class="{seg.css}">{escape(seg.text)}</mark>')
        else:
            parts.append(str(escape(seg.text)))
    return Markup("".join(parts))


@dataclass(frozen=True)
class _Shifted:
    kind: str
    start: int
    end: int

    def __init__(self, flag: Any, offset: int) -> None:
        object.__setattr__(self, "kind", flag.kind)
        object.__setattr__(self, "start", flag.start - offset)
        object.__setattr__(self, "end", flag.end - offset)


def _item(report: Report, prefix: str, interactive: bool, form: str = "") -> dict[str, Any]:
    active = list(report.flags)
    numbers = {s.start: s.number for s in report.sentences}
    sentences = [
        {
            "s": s,
            "html": _marked(s.text, [f for f in active if s.start <= f.start < s.end], s.start),
        }
        for s in report.sentences
    ]
    return {
        "report": report,
        "t": report.t,
        "text_html": _marked(report.text, active, 0, numbers, prefix),
        "sentences": sentences,
        "anchor": prefix,
        "interactive": interactive,
        "form": form,
    }


def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html_fragment(
    results: Any,
    language: str = "nl",
    interactive: bool = False,
    ignored: frozenset[str] = frozenset(),
    form: str = "check-form",
) -> str:
    """The report as an HTML fragment (a ``<section>`` per input) for embedding.

    ``interactive``: add a checkbox to ignore each piece of advice and a button to apply
    each proposal; they belong to the page's form ``form`` (HTML ``form`` attribute), so
    they work without a script. ``ignored``: ids of ignored flags (``check.flag_id``).
    """
    if not isinstance(results, Sequence):
        results = [results]
    items = []
    for n, result in enumerate(results):
        prefix = f"r{n}"
        report = build_report(result, language, ignored, prefix)
        items.append(_item(report, prefix, interactive, form))
    template = _environment().get_template("check_fragment.html.j2")
    return str(template.render(items=items, t=TEXTS[language]))


def render_html(results: Any, title: str = "B1-check", language: str = "nl") -> str:
    """A complete, self-contained HTML page (inline CSS, no scripts, works offline)."""
    if not isinstance(results, Sequence):
        results = [results]
    env = _environment()
    fragment = render_html_fragment(results, language)
    css = (TEMPLATES / "check.css").read_text(encoding="utf-8")
    page = env.get_template("check.html.j2")
    # our own rendered fragment and stylesheet; all input text was escaped in the fragment
    return str(page.render(title=title, css=Markup(css), body=Markup(fragment), lang=language))
