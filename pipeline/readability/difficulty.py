"""``b1_rule.v3``: one calibrated difficulty score (0-100, higher = harder) and its Dutch advice.

The score is a logistic model over measures the pipeline already computes for every text
(sentence length, long sentences, syllables per word, the LiNT-II features and the writing
advice per line, kind by kind)::

    z          = intercept + sum_i weight_i * (value_i - mean_i) / scale_i
    difficulty = 100 / (1 + exp(-z))

Every measure is oriented so that a higher value means a harder text, and every weight is
at least 0 (a monotone model: a text never gets easier by getting harder on one measure).
The intercept puts the B1 boundary at difficulty 50. A text meets B1 when its difficulty is at
most the threshold; the level is A2 up to ``a2_max``, B1 up to the threshold, B2 up to
``b2_max`` and C1 above it. Weights, means, scales, the reference values of a typical B1 text,
the threshold and the cut points live in a data file (``pipeline/data/b1_rule_v3.json``,
written by ``bench/evaluate/fit_verdict.py``; docs/readability.md has the table and the data
it was fitted on); the threshold and the cut points can be overridden in configuration.

Transparency: each measure's contribution is the number of points it adds to the difficulty
compared with a typical B1 text (the ``reference`` values): with ``c_i = weight_i * (value_i -
reference_i) / scale_i`` the contributions are ``c_i * (D - D_ref) / (z - z_ref)``, so they add
up exactly to ``D - D_ref``. "What to fix first" names the (up to three) measures with the
largest positive contributions, as concrete Dutch advice; a failing text always has one,
because its difficulty is above the threshold and the reference text's is below it.

Missing measures (LiNT-II without a parse, word measures of a very short text, advice kinds
switched off with ``disabled_flags``) take their reference value: they neither push a text up
nor down.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pipeline.config import DEFAULT_B1_MODEL, ReadabilitySettings
from pipeline.numbers import nl_number, nl_percent


@dataclass(frozen=True)
class VerdictInputs:
    """The measures the rules read, from a text's readability row and its counts."""

    n_words: int = 0
    n_sentences: int = 0
    n_lines: int = 0  # sentences and fragments (heading-like lines are read too)
    n_long_sentences: int | None = None
    n_long_words: int | None = None
    avg_sentence_length: float | None = None
    long_sentence_share: float | None = None
    over_a2_sentence_share: float | None = None
    syllables_per_100_words: float | None = None
    mean_word_frequency: float | None = None
    mean_max_sdl: float | None = None
    mean_content_words_per_clause: float | None = None
    proportion_concrete: float | None = None
    flag_counts: Mapping[str, int] | None = None  # None: kinds unknown (only a rate given)
    # words checked for the language and those known as Dutch (``language.py``); 0 and 0
    # (unknown) count as Dutch
    n_language_words: int = 0
    n_dutch_words: int = 0

    @classmethod
    def from_scores(
        cls, scores: Mapping[str, Any], counts: Any = None, lint: Mapping[str, Any] | None = None
    ) -> VerdictInputs:
        """From a readability row (``measures``), optionally its ``Counts`` and LiNT features.

        Without counts, only what the row holds is known (flag kinds are not)."""
        lint = dict(lint or {})
        get = scores.get
        n_sentences = int(get("n_sentences") or 0)
        values: dict[str, Any] = {
            "n_words": int(get("n_words") or 0),
            "n_sentences": n_sentences,
            "n_lines": int(get("n_lines") or n_sentences),
            "n_long_sentences": get("n_long_sentences"),
            "n_long_words": get("n_long_words"),
            "avg_sentence_length": get("avg_sentence_length"),
            "long_sentence_share": get("long_sentence_share"),
            "over_a2_sentence_share": get("over_a2_sentence_share"),
            "syllables_per_100_words": get("syllables_per_100_words"),
            "flag_counts": get("flag_counts"),
            "n_language_words": int(get("n_language_words") or 0),
            "n_dutch_words": int(get("n_dutch_words") or 0),
        }
        for name in (
            "mean_word_frequency", "mean_max_sdl", "mean_content_words_per_clause",
            "proportion_concrete",
        ):  # fmt: skip
            values[name] = lint.get(name, get(name))
        if counts is not None:
            values.update(
                n_lines=counts.n_sentences + counts.n_fragments,
                n_long_words=counts.n_long_words,
                flag_counts=dict(counts.flag_counts),
                n_language_words=counts.n_language_words,
                n_dutch_words=counts.n_dutch_words,
            )
        return cls(**values)

    def flag_rate(self, kind: str) -> float | None:
        if self.flag_counts is None or not self.n_lines:
            return None
        return self.flag_counts.get(kind, 0) / self.n_lines

    def flag_count(self, kind: str) -> int:
        return int((self.flag_counts or {}).get(kind, 0))


@dataclass(frozen=True)
class Measure:
    """One input of the score: how to read it, its Dutch label and the advice to lower it.

    ``value`` returns the measure oriented so that higher is harder (None: not available);
    ``shown`` the value as a reader sees it; ``advice`` one concrete Dutch instruction.
    ``word_level``: unstable on a few words (left out for texts under ``b1_min_words``).
    """

    name: str
    label: str
    value: Callable[[VerdictInputs], float | None]
    shown: Callable[[float], str]
    advice: Callable[[VerdictInputs, ReadabilitySettings, float, float], str]
    word_level: bool = False
    flag_kind: str | None = None


def _neg(x: float | None) -> float | None:
    return None if x is None else -x


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _long_sentences(v: VerdictInputs, s: ReadabilitySettings, x: float, ref: float) -> str:
    n = v.n_long_sentences
    if n is None:
        n = round(x * v.n_sentences)
    return (
        f"Maak lange zinnen korter: {_count(n, 'zin heeft', 'zinnen hebben')} meer dan "
        f"{s.long_sentence_words} woorden."
    )


def _over_a2(v: VerdictInputs, s: ReadabilitySettings, x: float, ref: float) -> str:
    n = round(x * v.n_sentences)
    return (
        f"Schrijf meer korte zinnen: {n} van de {v.n_sentences} zinnen hebben meer dan "
        f"{s.a2_sentence_words} woorden (typische B1-tekst: {nl_percent(ref)})."
    )


def _syllables(v: VerdictInputs, s: ReadabilitySettings, x: float, ref: float) -> str:
    base = f"Kies kortere woorden: gemiddeld {nl_number(x / 100, 2)} lettergrepen per woord"
    if v.n_long_words:
        base += (
            f", {_count(v.n_long_words, 'woord heeft', 'woorden hebben')} "
            f"{s.long_word_syllables} of meer lettergrepen"
        )
    return base + f" (typische B1-tekst: {nl_number(ref / 100, 2)})."


def _flag_measure(
    kind: str, label: str, advice: Callable[[int, ReadabilitySettings], str]
) -> Measure:
    return Measure(
        f"flag_{kind}",
        label,
        lambda v: v.flag_rate(kind),
        lambda x: f"{nl_number(x, 2)} per zin",
        lambda v, s, x, ref: advice(v.flag_count(kind), s),
        flag_kind=kind,
    )


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure(
            "avg_sentence_length",
            "Gemiddelde zinslengte",
            lambda v: v.avg_sentence_length,
            lambda x: f"{nl_number(x)} woorden",
            lambda v, s, x, ref: (
                f"Maak zinnen korter: gemiddeld {nl_number(x)} woorden per zin "
                f"(typische B1-tekst: {nl_number(ref)})."
            ),
        ),
        Measure(
            "long_sentence_share",
            "Zinnen van meer dan 20 woorden",
            lambda v: v.long_sentence_share,
            nl_percent,
            _long_sentences,
        ),
        Measure(
            "over_a2_sentence_share",
            "Zinnen van meer dan 10 woorden",
            lambda v: v.over_a2_sentence_share,
            nl_percent,
            _over_a2,
        ),
        Measure(
            "syllables_per_100_words",
            "Lettergrepen per woord",
            lambda v: v.syllables_per_100_words,
            lambda x: nl_number(x / 100, 2),
            _syllables,
            word_level=True,
        ),
        Measure(
            "long_word_share",
            "Lange woorden",
            lambda v: (v.n_long_words / v.n_words if v.n_words and v.n_long_words is not None
                       else None),
            nl_percent,
            lambda v, s, x, ref: (
                "Kies kortere woorden: "
                f"{_count(v.n_long_words or 0, 'woord heeft', 'woorden hebben')} "
                f"{s.long_word_syllables} of meer lettergrepen ({nl_percent(x)}; typische "
                f"B1-tekst: {nl_percent(ref)})."
            ),
            word_level=True,
        ),
        Measure(
            "word_rarity",
            "Woordfrequentie (LiNT-II, Zipf; hoger = bekendere woorden)",
            lambda v: _neg(v.mean_word_frequency),
            lambda x: nl_number(-x, 2),
            lambda v, s, x, ref: (
                "Gebruik meer alledaagse woorden: de inhoudswoorden zijn gemiddeld minder "
                f"gangbaar dan in een typische B1-tekst (woordfrequentie {nl_number(-x, 2)}, "
                f"B1: {nl_number(-ref, 2)})."
            ),
            word_level=True,
        ),
        Measure(
            "mean_max_sdl",
            "Afstand tussen woorden die bij elkaar horen (LiNT-II)",
            lambda v: v.mean_max_sdl,
            lambda x: f"{nl_number(x)} woorden",
            lambda v, s, x, ref: (
                "Zet woorden die bij elkaar horen dicht bij elkaar (onderwerp en werkwoord, "
                "hulpwerkwoord en voltooid deelwoord): de grootste afstand is gemiddeld "
                f"{nl_number(x)} woorden per zin (typische B1-tekst: {nl_number(ref)})."
            ),
        ),
        Measure(
            "mean_content_words_per_clause",
            "Inhoudswoorden per deelzin (LiNT-II)",
            lambda v: v.mean_content_words_per_clause,
            lambda x: nl_number(x),
            lambda v, s, x, ref: (
                f"Zet minder informatie in één zin: gemiddeld {nl_number(x)} inhoudswoorden per "
                f"deelzin (typische B1-tekst: {nl_number(ref)}). Eén boodschap per zin."
            ),
            word_level=True,
        ),
        Measure(
            "abstractness",
            "Abstracte zelfstandige naamwoorden (LiNT-II)",
            lambda v: None if v.proportion_concrete is None else 1 - v.proportion_concrete,
            nl_percent,
            lambda v, s, x, ref: (
                f"Maak de tekst concreter: {nl_percent(x)} van de zelfstandige naamwoorden is "
                f"abstract (typische B1-tekst: {nl_percent(ref)}). Noem mensen, dingen en "
                "voorbeelden."
            ),
            word_level=True,
        ),
        _flag_measure(
            "passive", "Lijdende vorm",
            lambda n, s: (
                f"Schrijf actief: de tekst heeft {n} keer de lijdende vorm. Zeg wie iets doet "
                '("wij sturen u" in plaats van "u wordt ... gestuurd").'
            ),
        ),
        _flag_measure(
            "nominalisation", "Naamwoordstijl",
            lambda n, s: (
                f"Gebruik werkwoorden in plaats van naamwoordstijl ({n} keer): "
                '"wij beslissen" in plaats van "het nemen van een besluit".'
            ),
        ),
        _flag_measure(
            "officialese", "Ambtelijke taal",
            lambda n, s: (
                f"Vervang ambtelijke woorden door gewone woorden ({n} keer; de schrijfadviezen "
                "noemen een alternatief)."
            ),
        ),
        _flag_measure(
            "hard_word", "Moeilijke woorden",
            lambda n, s: (
                f"Vervang moeilijke woorden of leg ze uit: "
                f"{_count(n, 'moeilijk woord', 'moeilijke woorden')}."
            ),
        ),
        _flag_measure(
            "abbreviation", "Afkortingen",
            lambda n, s: (
                "Schrijf afkortingen voluit of leg ze uit: "
                f"{_count(n, 'afkorting', 'afkortingen')}."
            ),
        ),
        _flag_measure(
            "many_subclauses", "Zinnen met veel bijzinnen",
            lambda n, s: (
                f"Knip zinnen met veel bijzinnen op: {_count(n, 'zin heeft', 'zinnen hebben')} "
                f"meer dan {s.max_subclauses} bijzinnen."
            ),
        ),
    )
}  # fmt: skip


@dataclass(frozen=True)
class Term:
    """One measure of a fitted model."""

    name: str
    weight: float
    mean: float
    scale: float
    reference: float


@dataclass(frozen=True)
class DifficultyModel:
    """A fitted ``b1_rule.v3`` model (see the module docstring)."""

    rule: str
    intercept: float
    terms: tuple[Term, ...]
    threshold: float
    a2_max: float
    b2_max: float
    about: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DifficultyModel:
        terms = tuple(
            Term(t["name"], float(t["weight"]), float(t["mean"]), float(t["scale"]),
                 float(t["reference"]))
            for t in data["terms"]
        )  # fmt: skip
        unknown = [t.name for t in terms if t.name not in MEASURES]
        if unknown:
            raise ValueError(f"unknown measures in the B1 model: {', '.join(unknown)}")
        if any(t.weight < 0 or t.scale <= 0 for t in terms):
            raise ValueError("B1 model weights must be >= 0 and scales > 0")
        cuts = data["cut_points"]
        return cls(
            data["rule"], float(data["intercept"]), terms, float(cuts["b1_max"]),
            float(cuts["a2_max"]), float(cuts["b2_max"]), dict(data.get("about", {})),
        )  # fmt: skip

    def linear(self, values: Mapping[str, float]) -> float:
        """``z`` for measure values (every term's value must be given)."""
        return self.intercept + sum(
            t.weight * (values[t.name] - t.mean) / t.scale for t in self.terms
        )

    def reference_difficulty(self) -> float:
        return sigmoid100(self.linear({t.name: t.reference for t in self.terms}))


def sigmoid100(z: float) -> float:
    """``100 / (1 + exp(-z))``, safe for large ``|z|``."""
    if z >= 0:
        return 100.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return 100.0 * e / (1.0 + e)


@lru_cache(maxsize=8)
def _load(path: str) -> DifficultyModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return DifficultyModel.from_dict(data)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a usable B1 model file ({exc})") from None


def load_model(settings: ReadabilitySettings) -> DifficultyModel:
    """The model named by ``settings.b1_model_file`` (default: the bundled one), loaded once."""
    return _load(str(settings.b1_model_file or DEFAULT_B1_MODEL))


@dataclass(frozen=True)
class Contribution:
    """What one measure adds to the difficulty, compared with a typical B1 text. ``shown``
    (the value as readers see it) and ``advice`` are worked out when first read: a verdict
    shows a few of its contributions, and formatting numbers for all costs time."""

    name: str
    label: str
    value: float | None  # as shown to readers (None: not available, reference used)
    reference: float
    points: float
    inputs: VerdictInputs = field(repr=False, compare=False)
    settings: ReadabilitySettings = field(repr=False, compare=False)

    @cached_property
    def shown(self) -> str:
        if self.value is None:
            return "niet gemeten"
        return MEASURES[self.name].shown(self.value)

    @cached_property
    def advice(self) -> str:
        if self.value is None:
            return ""
        return MEASURES[self.name].advice(self.inputs, self.settings, self.value, self.reference)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "value": self.value,
            "shown": self.shown,
            "reference": self.reference,
            "points": round(self.points, 2),
        }


@dataclass(frozen=True)
class Scored:
    """A text's difficulty with its contributions, sorted by points (largest first)."""

    difficulty: float
    contributions: tuple[Contribution, ...]
    missing: tuple[str, ...]


def measure_values(
    inputs: VerdictInputs, settings: ReadabilitySettings, names: Iterable[str]
) -> dict[str, float | None]:
    """The named measures of a text, None where not available or not to be used: advice
    kinds in ``disabled_flags``, word measures of a text under ``b1_min_words``."""
    short = inputs.n_words < settings.b1_min_words
    off = set(settings.disabled_flags)
    out: dict[str, float | None] = {}
    for name in names:
        measure = MEASURES[name]
        if measure.flag_kind in off or (short and measure.word_level):
            out[name] = None
        else:
            out[name] = measure.value(inputs)
    return out


def score(inputs: VerdictInputs, settings: ReadabilitySettings, model: DifficultyModel) -> Scored:
    """The difficulty of a text and what each measure adds (module docstring)."""
    raw = measure_values(inputs, settings, (t.name for t in model.terms))
    missing = [name for name, value in raw.items() if value is None]
    values: dict[str, float] = {}
    short = inputs.n_words < settings.b1_min_words
    prior, lines = settings.b1_short_prior_lines, inputs.n_lines
    for t in model.terms:
        given = raw[t.name]
        values[t.name] = t.reference if given is None else given
        if short and given is not None and MEASURES[t.name].flag_kind and lines + prior > 0:
            # a rate over a few lines is mostly chance: shrunk towards the typical B1 text,
            # as if ``prior`` more lines at its rate followed
            values[t.name] = (given * lines + t.reference * prior) / (lines + prior)
    z = model.linear(values)
    z_ref = model.linear({t.name: t.reference for t in model.terms})
    d, d_ref = sigmoid100(z), sigmoid100(z_ref)
    # secant slope of the sigmoid between the reference text and this one (> 0)
    slope = (d - d_ref) / (z - z_ref) if abs(z - z_ref) > 1e-9 else d * (100 - d) / 100
    out = []
    for term in model.terms:
        measure = MEASURES[term.name]
        c = term.weight * (values[term.name] - term.reference) / term.scale
        out.append(
            Contribution(
                term.name, measure.label, raw[term.name], term.reference, c * slope, inputs,
                settings,
            )
        )  # fmt: skip
    out.sort(key=lambda c: -c.points)
    return Scored(d, tuple(out), tuple(missing))


def cut_points(settings: ReadabilitySettings, model: DifficultyModel) -> tuple[float, float, float]:
    """``(a2_max, b1_max, b2_max)``: configured values over the model's own."""
    return (
        model.a2_max if settings.a2_max_difficulty is None else settings.a2_max_difficulty,
        model.threshold if settings.b1_max_difficulty is None else settings.b1_max_difficulty,
        model.b2_max if settings.b2_max_difficulty is None else settings.b2_max_difficulty,
    )


def fix_first(scored: Scored, limit: int = 3, min_points: float = 0.5) -> tuple[str, ...]:
    """The advice of the (up to ``limit``) measures that add the most points; at least the
    largest positive one even when it adds less than ``min_points``."""
    positive = [c for c in scored.contributions if c.points > 0 and c.advice]
    chosen = [c for c in positive if c.points >= min_points][:limit] or positive[:1]
    return tuple(c.advice for c in chosen)
