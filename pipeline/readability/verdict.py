"""The B1 verdict: an estimated CEFR level (A2, B1, B2, C1) with the Dutch reasons for it.

No validated CEFR mapping exists for Dutch readability formulas, so the verdict is a
transparent, configurable policy with a name and version (``settings.b1_rule``). Rule
``b1_rule.v1`` (``b1_rule.v2``, the default, adds one criterion, see below):

Each available criterion places the text at a level, using the bounds in
``ReadabilitySettings`` (``a2_*``, ``b1_*``, ``b2_*``; anything beyond B2 is C1):

==========================  =========  ========  =========  ==============================
criterion                   A2         B1        B2         source of the B1 bound
==========================  =========  ========  =========  ==============================
average sentence length     <= 10      <= 15     <= 20      B1 writing guidance: short
                                                            sentences, on average 10-15
                                                            words (Direct Duidelijk;
                                                            Stichting Makkelijk Lezen)
share of long sentences     0          <= 10%    <= 25%     guidance: no sentence over 20
(> long_sentence_words)                                     words, or hardly any
LiNT-II level               1          <= 2      <= 3       LiNT-II levels (Pander Maat
                                                            et al. 2023): level 2 = 29% of
                                                            adults have difficulty
Flesch-Douma                >= 70      >= 60     >= 45      Douma (1960) "normaal" (60-70)
style flags per sentence    <= 0.10    <= 0.25   <= 1.0     project choice, calibrated on
                                                            tests/fixtures/levels
==========================  =========  ========  =========  ==============================

``b1_rule.v2`` adds the **share of sentences longer than** ``a2_sentence_words`` (10): at most
``a2_max_over_share`` (5%) for A2, otherwise B1 at most (it never fails a text). Source:
plain-language guidance for A2 readers, e.g. "Het aantal woorden per zin: maximaal 10, liever
minder" (gemeente Dijk en Waard, huisstijl, "Taalniveau A2"); 5% leaves room for one longer
sentence in twenty. Without it, texts that meet B1 with short average sentences (headings
and list items count as sentences) all came out A2 (see docs/readability.md, calibration).

``b1_rule.v3`` (the default) replaces these gates by one fitted difficulty score, see
``pipeline/readability/difficulty.py``; v1 and v2 stay selectable.

In v1/v2 the text's level is the highest level any criterion gives: every criterion must meet B1 for
``b1_pass``. Texts shorter than ``b1_min_words`` are judged on sentence length and flags only
(formula scores are unstable on a few words) and say so. The reasons name every criterion
that kept the text above B1, or, when it passes, the values that were checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.config import ReadabilitySettings
from pipeline.numbers import decimals_near, nl_number, nl_percent
from pipeline.readability.difficulty import (
    MEASURES,
    Contribution,
    VerdictInputs,
    cut_points,
    fix_first,
    load_model,
    score,
)
from pipeline.readability.language import NOT_DUTCH, looks_dutch

LEVELS = ("A2", "B1", "B2", "C1")


@dataclass(frozen=True)
class Criterion:
    """One criterion of the rule with its value and the level it places the text at."""

    name: str
    value: float
    level: int
    reason: str


@dataclass(frozen=True)
class Verdict:
    """The B1 verdict: level, pass/fail, the rule that decided and its Dutch reasons.

    ``difficulty`` (0-100, higher = harder), ``threshold`` (B1: at most this),
    ``contributions`` (points per measure compared with a typical B1 text, largest first) and
    ``fix_first`` (Dutch advice, at least one item for a failing text) come from
    ``b1_rule.v3``; v1/v2 leave them empty.
    """

    level: str | None
    b1_pass: bool | None
    rule: str
    reasons: list[str]
    criteria: tuple[Criterion, ...] = ()
    difficulty: float | None = None
    threshold: float | None = None
    contributions: tuple[Contribution, ...] = ()
    fix_first: tuple[str, ...] = ()


def _level_max(value: float, bounds: tuple[float, float, float]) -> int:
    for level, bound in enumerate(bounds):
        if value <= bound:
            return level
    return 3


def _level_min(value: float, bounds: tuple[float, float, float]) -> int:
    for level, bound in enumerate(bounds):
        if value >= bound:
            return level
    return 3


def _criteria_v1(
    scores: dict[str, Any], flag_rate: float | None, s: ReadabilitySettings, short: bool
) -> list[Criterion]:
    out: list[Criterion] = []
    asl = scores.get("avg_sentence_length")
    if asl is not None:
        out.append(
            Criterion(
                "avg_sentence_length",
                asl,
                _level_max(
                    asl,
                    (
                        s.a2_max_avg_sentence_length,
                        s.b1_max_avg_sentence_length,
                        s.b2_max_avg_sentence_length,
                    ),
                ),
                f"Gemiddelde zinslengte {nl_number(asl)} woorden "
                f"(B1: hoogstens {nl_number(s.b1_max_avg_sentence_length, 0)})",
            )
        )
    share = scores.get("long_sentence_share")
    if share is not None:
        out.append(
            Criterion(
                "long_sentence_share",
                share,
                _level_max(
                    share,
                    (
                        s.a2_max_long_sentence_share,
                        s.b1_max_long_sentence_share,
                        s.b2_max_long_sentence_share,
                    ),
                ),
                f"Zinnen van meer dan {s.long_sentence_words} woorden: {nl_percent(share)} "
                f"(B1: hoogstens {nl_percent(s.b1_max_long_sentence_share)})",
            )
        )
    if flag_rate is not None:
        out.append(
            Criterion(
                "flag_rate",
                flag_rate,
                _level_max(flag_rate, (s.a2_max_flag_rate, s.b1_max_flag_rate, s.b2_max_flag_rate)),
                f"Schrijfadviezen per zin: {nl_number(flag_rate, 2)} "
                f"(B1: hoogstens {nl_number(s.b1_max_flag_rate, 2)})",
            )
        )
    if short:
        return out
    lint_level = scores.get("lint_level")
    if lint_level is not None:
        out.append(
            Criterion(
                "lint_level",
                float(lint_level),
                _level_max(
                    lint_level, (s.a2_max_lint_level, s.b1_max_lint_level, s.b2_max_lint_level)
                ),
                f"LiNT-II-niveau {lint_level} van 4 (B1: hoogstens {s.b1_max_lint_level})",
            )
        )
    fd = scores.get("flesch_douma")
    if fd is not None:
        out.append(
            Criterion(
                "flesch_douma",
                fd,
                _level_min(
                    fd, (s.a2_min_flesch_douma, s.b1_min_flesch_douma, s.b2_min_flesch_douma)
                ),
                f"Flesch-Douma {nl_number(fd)} "
                f"(B1: minstens {nl_number(s.b1_min_flesch_douma, 0)})",
            )
        )
    return out


def _criteria_v2(
    scores: dict[str, Any], flag_rate: float | None, s: ReadabilitySettings, short: bool
) -> list[Criterion]:
    out = _criteria_v1(scores, flag_rate, s, short)
    share = scores.get("over_a2_sentence_share")
    if share is not None:
        out.append(
            Criterion(
                "over_a2_sentence_share",
                share,
                0 if share <= s.a2_max_over_share else 1,  # only separates A2 from B1
                f"Zinnen van meer dan {s.a2_sentence_words} woorden: {nl_percent(share)} "
                f"(A2: hoogstens {nl_percent(s.a2_max_over_share)})",
            )
        )
    return out


def _apply(
    name: str,
    criteria_of: Callable[[dict[str, Any], float | None, ReadabilitySettings, bool], list],
    scores: dict[str, Any],
    flag_rate: float | None,
    settings: ReadabilitySettings,
) -> Verdict:
    """The highest level over the criteria; reasons as in the module docstring."""
    n_words = int(scores.get("n_words") or 0)
    if n_words == 0:
        return Verdict(None, None, name, ["Geen zinnen om te beoordelen."])
    short = n_words < settings.b1_min_words
    criteria: list[Criterion] = criteria_of(scores, flag_rate, settings, short)
    level = max((c.level for c in criteria), default=1)
    passed = level <= 1
    if passed:
        reasons = [c.reason for c in criteria]
    else:
        reasons = [c.reason for c in sorted(criteria, key=lambda c: -c.level) if c.level > 1]
    if short:
        reasons.append(
            f"Korte tekst ({n_words} woorden): alleen zinslengte en schrijfadviezen tellen mee."
        )
    elif scores.get("lint_score") is None:
        reasons.append("LiNT-II is niet berekend (geen zinsontleding beschikbaar).")
    return Verdict(LEVELS[level], passed, name, reasons, tuple(criteria))


def rule_v1(
    scores: dict[str, Any],
    flag_rate: float | None,
    settings: ReadabilitySettings,
    inputs: VerdictInputs | None = None,
) -> Verdict:
    """``b1_rule.v1``: the highest level over the criteria in the module docstring."""
    return _apply("b1_rule.v1", _criteria_v1, scores, flag_rate, settings)


def rule_v2(
    scores: dict[str, Any],
    flag_rate: float | None,
    settings: ReadabilitySettings,
    inputs: VerdictInputs | None = None,
) -> Verdict:
    """``b1_rule.v2``: v1 plus the A2 sentence-length criterion (module docstring)."""
    return _apply("b1_rule.v2", _criteria_v2, scores, flag_rate, settings)


def _points(points: float) -> str:
    sign = "+" if points >= 0 else "−"
    shown = nl_number(abs(points), 0 if abs(points) >= 10 else 1)
    return f"{sign}{shown} {'punt' if shown == '1' else 'punten'}"


def rule_v3(
    scores: dict[str, Any],
    flag_rate: float | None,
    settings: ReadabilitySettings,
    inputs: VerdictInputs | None = None,
) -> Verdict:
    """``b1_rule.v3``: the fitted difficulty score (``pipeline/readability/difficulty.py``).

    Reasons: the difficulty against the B1 threshold, then the measures that add points
    compared with a typical B1 text (failing: those that push the text up; passing: those
    that move it by at least 0.1 point), then notes on what could not be measured.
    """
    name = "b1_rule.v3"
    del flag_rate  # v3 reads the flag kinds one by one from ``inputs``
    n_words = int(scores.get("n_words") or 0)
    if n_words == 0:
        return Verdict(None, None, name, ["Geen zinnen om te beoordelen."])
    model = load_model(settings)
    scored = score(inputs or VerdictInputs.from_scores(scores), settings, model)
    a2, b1, b2 = cut_points(settings, model)
    d = round(scored.difficulty, 1)  # decide on the value that is reported
    level = 0 if d <= a2 else 1 if d <= b1 else 2 if d <= b2 else 3
    passed = level <= 1
    value = nl_number(d, decimals_near(d, b1))  # 50,1, not 50
    reasons = [f"Moeilijkheid {value} van 100 (B1: hoogstens {nl_number(b1, 0)})"]
    measured = [c for c in scored.contributions if c.value is not None]
    if passed:  # what moved the score by at least 0.1 point, else the three largest
        shown = [c for c in measured if abs(c.points) >= 0.1] or measured[:3]
    else:  # what pushes the text up
        shown = [c for c in measured if c.points >= 0.5] or [c for c in measured if c.points > 0][
            :1
        ]
    for c in shown:
        ref = MEASURES[c.name].shown(c.reference)
        reasons.append(f"{c.label}: {c.shown} (typische B1-tekst: {ref}): {_points(c.points)}")
    if n_words < settings.b1_min_words:
        reasons.append(
            f"Korte tekst ({n_words} woorden): woordmaten tellen niet mee, alleen zinslengte "
            "en schrijfadviezen; die laatste wegen minder zwaar dan in een lange tekst."
        )
    if scores.get("lint_score") is None and n_words >= settings.b1_min_words:
        reasons.append("LiNT-II is niet berekend (geen zinsontleding beschikbaar).")
    return Verdict(
        LEVELS[level], passed, name, reasons, (), d, b1, scored.contributions,
        () if passed else fix_first(scored),
    )  # fmt: skip


Rule = Callable[[dict[str, Any], float | None, ReadabilitySettings, VerdictInputs | None], Verdict]
RULES: dict[str, Rule] = {
    "b1_rule.v1": rule_v1,
    "b1_rule.v2": rule_v2,
    "b1_rule.v3": rule_v3,
}


def b1_verdict(
    scores: dict[str, Any],
    flag_rate: float | None,
    settings: ReadabilitySettings,
    inputs: VerdictInputs | None = None,
) -> Verdict:
    """Apply the rule named in ``settings.b1_rule``.

    Args:
        scores: measures so far (``avg_sentence_length``, ``long_sentence_share``,
            ``flesch_douma``, ``lint_level``, ``lint_score``, ``n_words`` ...).
        flag_rate: style flags per sentence (see ``analysis.style_flag_rate``; v1/v2).
        settings: thresholds and the rule name.
        inputs: everything v3 reads (flag kinds, LiNT-II features); built from ``scores``
            alone when None. Its language counts decide first, for every rule: a text that
            is not Dutch (``language.looks_dutch``) gets no level and the one reason
            ``NOT_DUTCH``.

    Raises:
        ValueError: unknown rule name, or an unusable v3 model file.
    """
    try:
        rule = RULES[settings.b1_rule]
    except KeyError:
        known = ", ".join(sorted(RULES))
        raise ValueError(f"unknown B1 rule {settings.b1_rule!r}; known rules: {known}") from None
    if inputs is not None and not looks_dutch(
        inputs.n_language_words, inputs.n_dutch_words, settings.dutch_min_words,
        settings.dutch_min_share,
    ):  # fmt: skip
        return Verdict(None, None, settings.b1_rule, [NOT_DUTCH])  # no rule judges other languages
    return rule(scores, flag_rate, settings, inputs)
