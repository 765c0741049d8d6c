"""The content of the ``check`` report, once, for all its outputs (terminal, HTML, web, Word).

``build_report(result, language)`` turns a ``CheckResult`` into a ``Report``: the verdict in
words, the difficulty and the distance to B1, "eerst aanpakken" (the few changes that move
the text most), every sentence with advice (title, explanation, alternative, rewrite
proposals), the advice on whole paragraphs, the officialese words with their alternatives,
the scores and the language model in words. The renderers only lay it out, so the three
outputs always say the same.

"Eerst aanpakken" comes from the verdict when the B1 rule gives it (``b1_fix_first``);
otherwise it is derived here: first the criteria that keep the text above B1, each turned into
the change that fixes it, then the kinds of advice with the most flags.

Numbers are formatted with babel for the report language (Dutch: ``1.234,5``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.check import flag_id
from pipeline.numbers import decimals_near
from pipeline.readability.flags import KINDS, LABELS, TITLES, WIDE_KINDS
from pipeline.readability.language import NOT_DUTCH

FD_MAX = 100.0  # the Flesch-Douma scale as Douma published it runs from 0 to 100
FIX_FIRST_MAX = 3

# The report's own words. The advice on the text (flag messages, proposals) is Dutch always.
TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "no_words": "Geen oordeel: de tekst bevat geen woorden.",
        "no_sentences": "Geen oordeel: de tekst bevat geen zinnen, alleen kopjes of losse regels.",
        "not_dutch": "Geen oordeel: de tekst lijkt niet in het Nederlands geschreven.",
        "below": "Taalniveau {level}: eenvoudiger dan B1, dus goed",
        "at": "Taalniveau B1: voldoet",
        "above": "Taalniveau {level}: moeilijker dan B1",
        "difficulty": "Moeilijkheid {value} van 100 (B1: hoogstens {threshold})",
        "over_by": "{points} te moeilijk voor B1",
        "point": "punt",
        "points": "punten",
        "under_by": "{points} onder de B1-grens",
        "fix_first": "Eerst aanpakken",
        "still": "Nog te verbeteren",
        "why": "Waarom dit oordeel",
        "scores": "Scores",
        "sentences": "Zinnen met schrijfadvies ({n} van {total})",
        "sentences_lines": "Zinnen en regels met schrijfadvies ({n} van {total})",
        "lines": "en {n} kopjes of losse regels",
        "line": "en 1 kopje of losse regel",
        "paragraphs": "Advies over alinea's",
        "proposal": "Voorstel",
        "officialese": "Ambtelijke woorden en eenvoudiger alternatieven",
        "in_text": "In uw tekst",
        "advice": "Advies",
        "count": "Aantal",
        "model": "Taalmodel",
        "no_advice": "Geen schrijfadviezen.",
        "rule": "regel",
        "sentence": "Zin",
        "legend": "Gemarkeerde woorden hebben een schrijfadvies; het nummer voor een zin "
        "verwijst naar de adviezen bij die zin.",
        "fd_over": "meer dan 100 (heel makkelijk; de schaal loopt tot 100)",
        "fd_under": "minder dan 0 (heel moeilijk; de schaal begint bij 0)",
        "not_computed": "niet berekend",
        "words_sentences": "Woorden / zinnen",
        "avg_sentence": "Gemiddelde zinslengte",
        "words": "woorden",
        "n_advice": "Schrijfadviezen",
        "level_of": "niveau {level} van 4",
    },
    "en": {
        "no_words": "No verdict: the text has no words.",
        "no_sentences": "No verdict: the text has no sentences, only headings or short lines.",
        "not_dutch": "No verdict: the text does not look Dutch.",
        "below": "Language level {level}: simpler than B1, so fine",
        "at": "Language level B1: meets B1",
        "above": "Language level {level}: harder than B1",
        "difficulty": "Difficulty {value} of 100 (B1: at most {threshold})",
        "over_by": "{points} too hard for B1",
        "point": "point",
        "points": "points",
        "under_by": "{points} below the B1 limit",
        "fix_first": "Fix first",
        "still": "Still to improve",
        "why": "Why this verdict",
        "scores": "Scores",
        "sentences": "Sentences with writing advice ({n} of {total})",
        "sentences_lines": "Sentences and lines with writing advice ({n} of {total})",
        "lines": "and {n} headings or short lines",
        "line": "and 1 heading or short line",
        "paragraphs": "Advice on paragraphs",
        "proposal": "Proposal",
        "officialese": "Officialese words and plainer alternatives",
        "in_text": "In your text",
        "advice": "Advice",
        "count": "Count",
        "model": "Language model",
        "no_advice": "No writing advice.",
        "rule": "rule",
        "sentence": "Sentence",
        "legend": "Marked words have writing advice; the number before a sentence refers to "
        "the advice on that sentence.",
        "fd_over": "over 100 (very easy; the scale ends at 100)",
        "fd_under": "below 0 (very hard; the scale starts at 0)",
        "not_computed": "not computed",
        "words_sentences": "Words / sentences",
        "avg_sentence": "Average sentence length",
        "words": "words",
        "n_advice": "Writing advice",
        "level_of": "level {level} of 4",
    },
}
LOCALES = {"nl": "nl_NL", "en": "en_GB"}

# Fallback "eerst aanpakken": the change that fixes a criterion above B1 (Dutch; the advice
# is about the text); the change for a kind of advice is its `fix` (pipeline/readability/flags).
CRITERION_FIXES = {
    "avg_sentence_length": "Maak de zinnen korter: nu gemiddeld {value} woorden, voor B1 "
    "hoogstens {bound}.",
    "long_sentence_share": "Splits de {n_long} lange zinnen (meer dan {long_words} woorden) in "
    "kortere zinnen.",
    "lint_level": "Kies gewone, korte woorden en eenvoudige zinnen (LiNT-II-niveau {value}, "
    "voor B1 hoogstens 2).",
    "flesch_douma": "Gebruik kortere woorden en zinnen (Flesch-Douma {value}, voor B1 minstens "
    "60).",
    "flag_rate": "Werk de schrijfadviezen hieronder af: nu {value} per zin.",
}


def number(value: float, decimals: int = 1, language: str = "nl") -> str:
    """``value`` in the report language's notation (babel), e.g. ``1.234,5`` in Dutch."""
    from pipeline.numbers import format_number

    return format_number(value, decimals, LOCALES.get(language, "nl_NL"))


def proposal_id(proposal: Any) -> str:
    blob = f"{proposal.start}\x00{proposal.original}\x00{proposal.replacement}".encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def strip_title(kind: str, message: str) -> str:
    """The message without a leading repeat of the kind's title ("Lange zin: 54 woorden" ->
    "54 woorden"), so a report that shows the title does not say it twice."""
    title = TITLES.get(kind, "")
    for name in (title + "en", title):  # "Afkortingen zonder uitleg"
        if (
            name
            and message.lower().startswith(name.lower())
            and message[len(name) : len(name) + 1] in ": "
        ):
            rest = message[len(name) :].lstrip(": ")
            return rest[:1].upper() + rest[1:]
    return message


@dataclass(frozen=True)
class AdviceItem:
    """One piece of advice: its id, kind, title, the flagged words, explanation, alternative."""

    id: str
    kind: str
    title: str
    words: str
    detail: str
    suggestion: str | None
    wide: bool
    ignored: bool = False


@dataclass(frozen=True)
class ProposalItem:
    id: str
    kind: str
    note: str
    original: str
    replacement: str
    start: int
    end: int

    @property
    def value(self) -> str:
        """What the page's apply button sends: where, what and into what (JSON)."""
        return json.dumps(
            {"start": self.start, "original": self.original, "replacement": self.replacement},
            ensure_ascii=False,
        )


@dataclass
class SentenceItem:
    """A sentence with advice, numbered as in the highlighted text."""

    number: int
    anchor: str
    start: int
    end: int
    text: str
    advice: list[AdviceItem]
    proposals: list[ProposalItem]


@dataclass
class Report:
    """Everything one input's report says (see the module docstring)."""

    path: str
    language: str
    verdict: str
    passed: bool | None
    level: str | None
    rule: str
    difficulty: str | None
    distance: str | None
    reasons: list[str]
    fix_first: list[str]
    fix_first_title: str
    scores: list[tuple[str, str]]
    model: str
    sentences: list[SentenceItem]
    sentences_title: str  # "Zinnen met schrijfadvies (3 van 18)"
    paragraph_advice: list[AdviceItem]
    officialese: list[dict[str, Any]]
    flag_counts: list[tuple[str, int]]
    text: str
    flags: list[Any] = field(default_factory=list)
    marks: dict[int, int] = field(default_factory=dict)  # id(flag) -> sentence number
    t: dict[str, str] = field(default_factory=dict)


def verdict_text(
    level: str | None,
    passed: bool | None,
    language: str = "nl",
    n_lines: int = 0,
    reasons: Sequence[str] = (),
) -> str:
    """The verdict in words; without a level, why there is none (``n_lines``: headings and
    short lines, read but not judged: "Hallo" alone is a line, not a sentence; ``reasons``:
    the verdict's, which say when the text is not Dutch)."""
    t = TEXTS[language]
    if level is None:
        if NOT_DUTCH in reasons:
            return t["not_dutch"]
        return t["no_sentences" if n_lines else "no_words"]
    if passed and level == "A2":
        return t["below"].format(level=level)
    if passed:
        return t["at"]
    return t["above"].format(level=level)


def _first(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def _verdict_extras(result: Any) -> tuple[float | None, float | None, list[str]]:
    """Difficulty, threshold and fix-first from the verdict, when the B1 rule gives them."""
    m = result.measures
    verdict = getattr(result, "verdict", None)
    difficulty = _first(
        m.get("b1_difficulty"), m.get("difficulty"), getattr(verdict, "difficulty", None)
    )
    threshold = _first(
        m.get("b1_threshold"), m.get("threshold"), getattr(verdict, "threshold", None)
    )
    fix = _first(m.get("b1_fix_first"), m.get("fix_first"), getattr(verdict, "fix_first", None))
    return difficulty, threshold, list(fix or [])


def derived_fix_first(result: Any, counts: Counter | None = None) -> list[str]:
    """ "Eerst aanpakken" without a verdict that gives it: the criteria above B1 (from the
    reasons' order: the worst first), then the most frequent kinds of advice."""
    m = result.measures
    out: list[str] = []
    failing = [] if m.get("b1_pass") else _failing_criteria(result)
    values = {
        "avg_sentence_length": number(m.get("avg_sentence_length") or 0),
        "long_sentence_share": number(m.get("long_sentence_share") or 0),
        "lint_level": str(m.get("lint_level")),
        "flesch_douma": number(m.get("flesch_douma") or 0),
        "flag_rate": number((m.get("n_flags") or 0) / max(1, m.get("n_sentences") or 1), 2),
    }
    for name in failing:
        if name in CRITERION_FIXES and name != "flag_rate":
            out.append(
                CRITERION_FIXES[name].format(
                    value=values[name], bound=15, n_long=m.get("n_long_sentences") or 0,
                    long_words=20,
                )
            )  # fmt: skip
    if counts is None:
        counts = Counter(f.kind for f in result.flags)
    for kind, n in counts.most_common():
        if len(out) >= FIX_FIRST_MAX:
            break
        if kind == "long_sentence" and "long_sentence_share" in failing:
            continue
        fix = KINDS[kind].fix if kind in KINDS else None
        if n == 1 and kind in KINDS and KINDS[kind].fix_one:  # "1 ambtelijk woord"
            fix = KINDS[kind].fix_one
        if fix:
            out.append(
                fix.format(
                    n=n,
                    words="woord" if n == 1 else "woorden",
                    sentences="zin" if n == 1 else "zinnen",
                    abbreviations="afkorting" if n == 1 else "afkortingen",
                    paragraphs="alinea" if n == 1 else "alinea's",
                )
            )
    return out[:FIX_FIRST_MAX]


def _failing_criteria(result: Any) -> list[str]:
    """Names of the criteria that keep the text above B1, worst first, by the reasons' text
    (the measures keep the reasons, not the criteria)."""
    keys = {
        "Gemiddelde zinslengte": "avg_sentence_length",
        "Zinnen van meer dan": "long_sentence_share",
        "LiNT-II": "lint_level",
        "Flesch-Douma": "flesch_douma",
        "Schrijfadviezen per zin": "flag_rate",
    }
    out = []
    for reason in result.measures.get("b1_reasons") or []:
        for prefix, name in keys.items():
            if reason.startswith(prefix) and name not in out:
                out.append(name)
    return out


def _is_difficulty_reason(reason: str) -> bool:
    """Whether a verdict reason is the difficulty score itself ("Moeilijkheid 77 van 100
    (B1: hoogstens 50)"), which the report already shows with its distance to B1."""
    return any(
        reason.startswith(texts["difficulty"].split("{")[0]) and "100" in reason
        for texts in TEXTS.values()
    )


# What an advice text refers to, per output: the terminal lists the officialese words below,
# a Word copy comments on each word, the HTML report has a table (the advice says "tabel").
OUTPUT_REFERENCES = {
    "text": {"(zie de tabel)": "(zie de lijst hieronder)"},
    "docx": {"(zie de tabel)": "(zie de opmerkingen bij die woorden)"},
    "html": {},
}


def for_output(advice: str, output: str) -> str:
    """``advice`` with its references to other parts of the report fitted to ``output``
    (``text``, ``html`` or ``docx``): "zie de tabel" only where there is a table."""
    for old, new in OUTPUT_REFERENCES.get(output, {}).items():
        advice = advice.replace(old, new)
    return advice


def _clip_reason(reason: str, fd: float | None, language: str) -> str:
    """A verdict reason with a Flesch-Douma value beyond the 0-100 scale said in words."""
    if fd is None or 0 <= fd <= FD_MAX or not reason.startswith("Flesch-Douma "):
        return reason
    _, _, bound = reason.partition(" (")
    words = TEXTS[language]["fd_over" if fd > FD_MAX else "fd_under"].split(" (")[0]
    return f"Flesch-Douma {words}" + (f" ({bound}" if bound else "")


def flesch_douma_text(value: float | None, band: str | None, language: str = "nl") -> str:
    t = TEXTS[language]
    if value is None:
        return "–"
    if value > FD_MAX:
        return t["fd_over"]
    if value < 0:
        return t["fd_under"]
    return f"{number(value, 1, language)} ({band or '–'})"


def n_lines_of(result: Any) -> int:
    """Headings and short lines (``CheckedSentence.fragment``) among the sentences."""
    return sum(bool(getattr(s, "fragment", False)) for s in result.sentences)


def advice_count(result: Any, language: str = "nl", ignored: frozenset[str] = frozenset()) -> str:
    """How much advice counts in the verdict, with the headings' advice said apart (it is not
    counted there): "12 (en 2 in kopjes)"; ignored advice is left out of both."""
    in_headings = sum(
        flag_id(f, s.text) not in ignored
        for s in result.sentences
        if getattr(s, "heading", False)
        for f in s.flags
    )
    counted = number(result.measures["n_flags"], 0, language)
    if not in_headings:
        return counted
    note = "and {n} in headings" if language == "en" else "en {n} in kopjes"
    return f"{counted} ({note.format(n=number(in_headings, 0, language))})"


def score_items(
    result: Any, language: str = "nl", ignored: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """``(label, value)`` pairs of the key scores."""
    t = TEXTS[language]
    m = result.measures

    def num(v: float | None, d: int = 1) -> str:
        return "–" if v is None else number(v, d, language)

    n_lines = n_lines_of(result)  # read for advice, not measured: said, so the counts add up
    lines = f" ({t['line'] if n_lines == 1 else t['lines'].format(n=n_lines)})" if n_lines else ""
    lint = (
        f"{num(m['lint_score'])} ({t['level_of'].format(level=m['lint_level'])})"
        if m.get("lint_score") is not None
        else t["not_computed"]
    )
    return [
        ("Flesch-Douma", flesch_douma_text(m["flesch_douma"], m["flesch_douma_band"], language)),
        ("Brouwer", f"{num(m['brouwer'])} ({m['brouwer_band'] or '–'})"),
        ("LiNT-II", lint),
        (t["avg_sentence"], f"{num(m['avg_sentence_length'])} {t['words']}"),
        (t["words_sentences"], f"{num(m['n_words'], 0)} / {num(m['n_sentences'], 0)}{lines}"),
        (t["n_advice"], advice_count(result, language, ignored)),
    ]


def model_text(model: dict[str, Any], language: str = "nl") -> str:
    """The language model in words a reader understands."""
    name, source = model.get("name", "?"), model.get("source")
    if source == "fallback":
        if language == "en":
            return "none (simple rules without parsing: results are approximate)"
        return "geen (eenvoudige regels zonder zinsontleding: uitkomsten bij benadering)"
    if model.get("preferred", source == "installed"):
        return f"{name} ({'preferred model' if language == 'en' else 'voorkeursmodel'})"
    if language == "en":
        return f"{name} (substitute model, less accurate)"
    return f"{name} (vervangend model, minder nauwkeurig)"


QUOTED_RE = re.compile(r"‘([^’]+)’")


def officialese_rows(flags: list[Any], ignored: frozenset[str] = frozenset()) -> list[dict]:
    """The officialese words of the text, once each, with their advice and how often."""
    terms: dict[str, dict[str, Any]] = {}
    for flag in flags:
        if flag.kind != "officialese" or flag.ignored or flag.id in ignored:
            continue
        quoted = QUOTED_RE.search(flag.detail or "")  # "‘dient … te’", not the words between
        key = (quoted.group(1) if quoted else flag.words).lower().replace(" … ", " ")
        entry = terms.setdefault(key, {"term": key, "suggestion": flag.suggestion, "count": 0})
        entry["count"] += 1
    return list(terms.values())


def _advice(flag: Any, sentence_text: str, ignored: frozenset[str]) -> AdviceItem:
    ident = flag_id(flag, sentence_text)
    return AdviceItem(
        ident,
        flag.kind,
        TITLES.get(flag.kind, flag.kind),
        flag.text,
        strip_title(flag.kind, flag.message),
        flag.suggestion,
        flag.kind in WIDE_KINDS,
        ident in ignored,
    )


def build_report(
    result: Any, language: str = "nl", ignored: frozenset[str] = frozenset(), prefix: str = "r0"
) -> Report:
    """The report of one ``CheckResult`` (see the module docstring).

    Args:
        result: the check result.
        language: "nl" or "en" for the report's own words.
        ignored: ids of flags the user chose to ignore (web page): listed as ignored, not
            counted in "eerst aanpakken" or the officialese table.
        prefix: prefix of the anchors, unique per report on a page.
    """
    t = TEXTS[language]
    m = result.measures
    difficulty, threshold, fix = _verdict_extras(result)
    difficulty_line = distance = None
    if difficulty is not None and threshold is not None:
        difficulty_line = t["difficulty"].format(
            value=number(difficulty, decimals_near(difficulty, threshold), language),
            threshold=number(threshold, 0, language),
        )
        gap = difficulty - threshold
        shown = number(abs(gap), 1 if abs(gap) < 1 else 0, language)
        unit = t["point"] if shown == "1" else t["points"]
        distance = (t["over_by"] if gap > 0 else t["under_by"]).format(points=f"{shown} {unit}")
    passed = m.get("b1_pass")
    sentences: list[SentenceItem] = []
    marks: dict[int, int] = {}
    all_advice: list[AdviceItem] = []
    for s in result.sentences:
        if not s.flags and not getattr(s, "proposals", None):
            continue
        n = len(sentences) + 1
        advice = [_advice(f, s.text, ignored) for f in s.flags]
        all_advice += advice
        for f in s.flags:
            marks[id(f)] = n
        proposals = [
            ProposalItem(proposal_id(p), p.kind, p.note, p.original, p.replacement, p.start, p.end)
            for p in getattr(s, "proposals", [])
        ]
        sentences.append(
            SentenceItem(n, f"{prefix}-zin-{n}", s.start, s.end, s.text, advice, proposals)
        )
    paragraph = [_advice(f, "", ignored) for f in result.unit_flags]
    counts = Counter(a.kind for a in all_advice + paragraph if not a.ignored)
    not_dutch = NOT_DUTCH in (m.get("b1_reasons") or ())
    if not fix and not not_dutch:  # advice on Dutch writing says nothing to another language
        fix = derived_fix_first(result, counts)
    n_lines = n_lines_of(result)
    return Report(
        path=result.path,
        language=language,
        verdict=verdict_text(
            m.get("b1_level"), passed, language, n_lines, m.get("b1_reasons") or ()
        ),
        passed=passed,
        level=m.get("b1_level"),
        rule=m.get("b1_rule") or "",
        difficulty=difficulty_line,
        distance=distance,
        reasons=[
            _clip_reason(r, m.get("flesch_douma"), language)
            for r in m.get("b1_reasons") or []
            if not (difficulty_line and _is_difficulty_reason(r))  # said once, in the header
        ],
        fix_first=fix,
        fix_first_title=t["fix_first"] if not passed else t["still"],
        scores=score_items(result, language, ignored),
        model=model_text(result.model, language),
        sentences=sentences,
        sentences_title=t["sentences_lines" if n_lines else "sentences"].format(
            n=len(sentences), total=len(result.sentences)
        ),
        paragraph_advice=paragraph,
        officialese=officialese_rows(all_advice, ignored),
        flag_counts=[(LABELS.get(k, k), v) for k, v in sorted(counts.items())],
        text=result.text,
        flags=result.flags,
        marks=marks,
        t=t,
    )
