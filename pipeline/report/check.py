"""Rendering of ``gemeentetaal check`` results: terminal text, JSON Lines and HTML.

The HTML report is one self-contained file (inline CSS, no scripts, no external resources)
that highlights flagged spans with the advice on hover and keyboard focus. All input text is
escaped (Jinja2 autoescaping). ``render_html_fragment`` gives the same report without the page
around it, for the web app.
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

from pipeline.readability.flags import LABELS, WIDE_KINDS
from pipeline.readability.verdict import nl_number

TEMPLATES = Path(__file__).parent / "templates"
# Dutch labels and the wide kinds (whole sentence or paragraph: shown as a background; word-level
# flags as an underline) come from the flag registry.
KIND_LABELS = LABELS


def render_json_line(result: Any) -> str:
    """One input's result as one line of JSON (``check --format json``)."""
    return json.dumps(result.to_json(), ensure_ascii=False)


def _score(value: float | None, decimals: int = 1) -> str:
    return "–" if value is None else nl_number(value, decimals)


def verdict_line(result: Any) -> str:
    """Dutch one-line verdict, e.g. ``Taalniveau C1: moeilijker dan B1``."""
    level = result.measures.get("b1_level")
    if level is None:
        return "Geen oordeel: de tekst bevat geen woorden."
    if result.measures.get("b1_pass"):
        return f"Taalniveau {level}: voldoet aan B1"
    return f"Taalniveau {level}: moeilijker dan B1"


def score_items(result: Any) -> list[tuple[str, str]]:
    """``(label, value)`` pairs of the key scores, Dutch number format."""
    m = result.measures
    lint = (
        f"{_score(m['lint_score'])} (niveau {m['lint_level']} van 4)"
        if m.get("lint_score") is not None
        else "niet berekend"
    )
    difficulty = m.get("b1_difficulty")
    items = []
    if difficulty is not None:
        items.append(("Moeilijkheid", f"{_score(difficulty, 0)} van 100"))
    return [
        *items,
        ("Flesch-Douma", f"{_score(m['flesch_douma'])} ({m['flesch_douma_band'] or '–'})"),
        ("Brouwer", f"{_score(m['brouwer'])} ({m['brouwer_band'] or '–'})"),
        ("LiNT-II", lint),
        ("Gemiddelde zinslengte", f"{_score(m['avg_sentence_length'])} woorden"),
        ("Woorden / zinnen", f"{m['n_words']} / {m['n_sentences']}"),
        ("Schrijfadviezen", str(m["n_flags"])),
    ]


def model_line(result: Any) -> str:
    model = result.model
    text = f"{model['name']} {model['version']} ({model['source']})"
    if model.get("source") == "fallback":
        text += " – zonder zinsontleding: resultaten zijn een benadering"
    return text


def render_text(results: Sequence[Any], color: bool = False) -> str:
    """The terminal report (Dutch). Uses rich for colour; plain text without a TTY."""
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
        if n:
            console.print()
        ok = result.measures.get("b1_pass")
        style = "bold green" if ok else "bold red"
        console.print(Text(f"{result.path}", style="bold"))
        console.print(
            Text(verdict_line(result), style=style), f" (regel {result.measures['b1_rule']})"
        )
        for reason in result.measures.get("b1_reasons") or []:
            console.print(f"  - {reason}")
        fix = result.measures.get("b1_fix_first") or []
        if fix:
            console.print("  Eerst aanpakken:", style="bold")
            for n, advice in enumerate(fix, start=1):
                console.print(f"    {n}. {advice}")
        console.print(
            "  " + " · ".join(f"{label}: {value}" for label, value in score_items(result))
        )
        console.print(f"  Model: {model_line(result)}", style="dim")
        flagged = [s for s in result.sentences if s.flags]
        if flagged:
            console.print()
            console.print(
                f"Zinnen met schrijfadvies ({len(flagged)} van {len(result.sentences)}):",
                style="bold",
            )
        for i, sentence in enumerate(flagged, start=1):
            line = Text(f"{i}. ")
            line.append(_highlighted(sentence, Text))
            console.print(line)
            for flag in sentence.flags:
                advice = f"   - [{KIND_LABELS.get(flag.kind, flag.kind)}] {flag.message}"
                if flag.suggestion:
                    advice += f" → {flag.suggestion}"
                console.print(Text(advice))
        for flag in result.unit_flags:
            advice = f"- [{KIND_LABELS.get(flag.kind, flag.kind)}] {flag.message}"
            if flag.suggestion:
                advice += f" → {flag.suggestion}"
            console.print(Text(advice))
    return buffer.getvalue()


def _highlighted(sentence: Any, text_cls: Any) -> Any:
    """A rich Text of the sentence with word-level flag spans underlined."""
    text = text_cls(sentence.text)
    for flag in sentence.flags:
        if flag.kind in WIDE_KINDS:
            continue
        start, end = flag.start - sentence.start, flag.end - sentence.start
        text.stylize("bold yellow underline", max(0, start), max(0, end))
    return text


@dataclass(frozen=True)
class Segment:
    """A piece of the input text with the flags that cover it (empty: plain text)."""

    text: str
    flags: tuple[Any, ...]
    tip_id: str = ""

    @property
    def css(self) -> str:
        kinds = sorted({f.kind for f in self.flags})
        wide = all(k in WIDE_KINDS for k in kinds)
        return " ".join(["flag", "wide" if wide else "word", *(f"k-{k}" for k in kinds)])

    @property
    def tip(self) -> str:
        parts = []
        for flag in self.flags:
            label = KIND_LABELS.get(flag.kind, flag.kind)
            part = f"{label}: {flag.message}"
            if flag.suggestion:
                part += f" {flag.suggestion}"
            parts.append(part)
        return " | ".join(parts)


def segments(text: str, flags: Sequence[Any], prefix: str = "t") -> list[Segment]:
    """Cut ``text`` at every flag boundary; each piece lists the flags covering it."""
    cuts = {0, len(text)}
    for flag in flags:
        cuts.update((max(0, min(len(text), flag.start)), max(0, min(len(text), flag.end))))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in itertools.pairwise(points):
        if a == b:
            continue
        covering = tuple(f for f in flags if f.start <= a and b <= f.end)
        tip_id = f"{prefix}-{len(out)}" if covering else ""
        out.append(Segment(text[a:b], covering, tip_id))
    return out


def _context(results: Sequence[Any]) -> dict[str, Any]:
    items = []
    for n, result in enumerate(results):
        counts = dict(sorted(result.counts.flag_counts.items()))
        items.append(
            {
                "result": result,
                "verdict": verdict_line(result),
                "passed": bool(result.measures.get("b1_pass")),
                "reasons": result.measures.get("b1_reasons") or [],
                "fix_first": result.measures.get("b1_fix_first") or [],
                "scores": score_items(result),
                "model": model_line(result),
                "segments": segments(result.text, result.flags, prefix=f"r{n}"),
                "flag_counts": [(KIND_LABELS.get(k, k), v) for k, v in counts.items()],
                "anchor": f"tekst-{n + 1}",
            }
        )
    return {"items": items, "labels": KIND_LABELS}


def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html_fragment(results: Any) -> str:
    """The report as an HTML fragment (a ``<section>`` per input) for embedding."""
    if not isinstance(results, Sequence):
        results = [results]
    return str(_environment().get_template("check_fragment.html.j2").render(**_context(results)))


def render_html(results: Any, title: str = "B1-check") -> str:
    """A complete, self-contained HTML page (inline CSS, no scripts, works offline)."""
    if not isinstance(results, Sequence):
        results = [results]
    from markupsafe import Markup

    env = _environment()
    fragment = env.get_template("check_fragment.html.j2").render(**_context(results))
    css = (TEMPLATES / "check.css").read_text(encoding="utf-8")
    page = env.get_template("check.html.j2")
    # our own rendered fragment and stylesheet; all input text was escaped in the fragment
    return str(page.render(title=title, css=Markup(css), body=Markup(fragment)))
