"""The names of a thread's people: authors, sign-offs, greetings, vocatives and @mentions,
compiled into one matcher per thread (see ``pipeline.privacy``)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from pipeline.privacy.identifiers import EMAIL_RE

NAME_SEPARATORS = re.compile(r"[\s._\-/\\|,;:()\[\]{}\"'`+&*#!?<>=~^$%]+|\d+")
CAMEL_SPLIT = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")
NAME_WORD = r"[^\W\d_][\w'’\-]*"
INITIALS_RE = re.compile(r"(?:[A-ZÀ-ÖØ-Þ]\.){1,4}")
CAPITAL_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"


@dataclass(frozen=True)
class PrivacyTerms:
    """Word lists from ``pipeline/data/privacy_terms.toml`` (casefolded)."""

    particles: frozenset[str]
    openings: tuple[str, ...]
    titles: tuple[str, ...]
    closings: tuple[str, ...]
    organisations: frozenset[str]
    roles: tuple[str, ...] = ()
    official_roles: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()


@cache
def load_terms() -> PrivacyTerms:
    """The versioned word lists used to find names."""
    raw = tomllib.loads(
        resources.files("pipeline.data").joinpath("privacy_terms.toml").read_text("utf-8")
    )

    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted({w.casefold() for w in raw[key]}, key=len, reverse=True))

    return PrivacyTerms(
        particles=frozenset(words("particles")),
        openings=words("openings"),
        titles=words("titles"),
        closings=words("closings"),
        organisations=frozenset(words("organisations")),
        roles=words("roles") if "roles" in raw else (),
        official_roles=words("official_roles") if "official_roles" in raw else (),
        offices=words("offices") if "offices" in raw else (),
    )


def normalise_name(name: str) -> str:
    """Casefolded name without punctuation or accents, for matching the same author."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


def name_tokens(name: str) -> list[str]:
    """The words of a name or user name: ``"Dick.Pasterkamp."`` -> ``["Dick", "Pasterkamp"]``.

    E-mail addresses are reduced to their local part; camel case is split as well
    (``"JanJansen"`` -> ``["JanJansen", "Jan", "Jansen"]``).
    """
    name = EMAIL_RE.sub(lambda m: m.group().split("@")[0], name)
    tokens: list[str] = []
    for token in NAME_SEPARATORS.split(name):
        if not token or not any(ch.isalpha() for ch in token):
            continue
        tokens.append(token)
        pieces = CAMEL_SPLIT.split(token)
        if len(pieces) > 1:
            tokens.extend(p for p in pieces if p)
    return tokens


def is_common_word(word: str, min_zipf: float) -> bool:
    """True when ``word`` is also an ordinary Dutch word (frequent and in the lemma lexicon)."""
    import simplemma

    from pipeline.frequencies import zipf_nl

    lowered = word.casefold()
    if len(lowered) <= 2:
        return True
    return zipf_nl(lowered) >= min_zipf and simplemma.is_known(lowered, lang="nl")


def words_alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (spaces match any white space)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@dataclass(frozen=True)
class NameMatcher:
    """Compiled patterns for the names of one thread; apply with ``sub``."""

    any_case: re.Pattern[str] | None
    capitalised: re.Pattern[str] | None
    addressed: re.Pattern[str] | None
    # Lower-case names written together ("anoukbrinkman") and long name parts, for domains.
    compact: frozenset[str] = frozenset()

    def sub(self, text: str, placeholder: str) -> str:
        """Replace every match by ``placeholder``."""
        if self.any_case is not None:
            text = self.any_case.sub(placeholder, text)
        if self.capitalised is not None:
            text = self.capitalised.sub(placeholder, text)
        if self.addressed is not None:
            text = self.addressed.sub(lambda m: m.group("pre") + placeholder, text)
        return text


def _capitalised(word: str) -> str:
    head, rest = word[0], word[1:]
    return rf"{re.escape(head.upper())}(?i:{re.escape(rest)})" if rest else re.escape(head)


@lru_cache(maxsize=256)
def compile_names(names: tuple[str, ...], common_word_zipf: float = 3.5) -> NameMatcher:
    """Patterns for full names and name parts of ``names`` (see the module docstring).

    Args:
        names: raw names as written (authors, sign-offs, bylines).
        common_word_zipf: Zipf frequency from which a name part counts as a common word.
    """
    terms = load_terms()
    full: set[str] = set()
    plain: set[str] = set()
    ambiguous: set[str] = set()
    for name in names:
        tokens = name_tokens(name)
        core = [t for t in tokens if t.casefold() not in terms.particles]
        if len(tokens) >= 2:
            full.add(r"[\s._\-]+".join(re.escape(t) for t in tokens))
        for token in core:
            if len(token) < 2:
                continue
            (ambiguous if is_common_word(token, common_word_zipf) else plain).add(token)
    compact = frozenset(
        {"".join(name_tokens(n)[:2]).casefold() for n in names if len(name_tokens(n)) >= 2}
        | {t.casefold() for t in plain if len(t) >= 5}
    )
    plain_alt = sorted(full, key=len, reverse=True) + [
        re.escape(p) for p in sorted(plain, key=len, reverse=True)
    ]
    boundary_pre, boundary_post = r"(?<![^\W_])", r"(?![^\W_])"
    any_case = (
        re.compile(rf"{boundary_pre}(?:{'|'.join(plain_alt)}){boundary_post}", re.IGNORECASE)
        if plain_alt
        else None
    )
    if not ambiguous:
        return NameMatcher(any_case, None, None, compact)
    amb = sorted(ambiguous, key=len, reverse=True)
    capitalised = re.compile(
        rf"{boundary_pre}(?:{'|'.join(_capitalised(a) for a in amb)}){boundary_post}"
    )
    cues = words_alt((*terms.openings, *terms.closings))
    titles = words_alt(terms.titles)
    addressed = re.compile(
        rf"(?P<pre>^[ \t]*|(?<![^\W_])(?:{cues})[,!]?[ \t]+(?:(?:{titles})\.?[ \t]+)?)"
        rf"(?:{words_alt(amb)}){boundary_post}(?=[ \t]*(?:[,.!?:;]|$))",
        re.IGNORECASE | re.MULTILINE,
    )
    return NameMatcher(any_case, capitalised, addressed, compact)


def _name_like(text: str, max_words: int = 3) -> bool:
    terms = load_terms()
    words = text.split()
    if not 1 <= len(words) <= max_words + 2 or len(text) > 40:
        return False
    core = [w for w in words if w.casefold() not in terms.particles]
    return 1 <= len(core) <= max_words and all(re.fullmatch(NAME_WORD, w) for w in words)


@cache
def _closing_re() -> re.Pattern[str]:
    closings = words_alt(load_terms().closings)
    return re.compile(rf"(?:{closings})\.?[,!]?", re.IGNORECASE)


def is_closing(line: str) -> bool:
    """A letter's closing line: "Met vriendelijke groet,", "Groeten"."""
    return _closing_re().fullmatch(line.strip()) is not None


def _name_group() -> str:
    """A capitalised name of one to three words, particles between them ("Ruben Dekker",
    "Jan van der Berg"), as the regex group ``name``."""
    particles = words_alt(load_terms().particles)
    return rf"(?P<name>{CAPITAL_WORD}(?:[ \t]+(?:(?i:{particles})[ \t]+)*{CAPITAL_WORD}){{0,2}})"


@cache
def _opening_re() -> re.Pattern[str]:
    terms = load_terms()
    greeting = (
        rf"(?:^|(?<=[.!?:])\s+|(?<=\n))[ \t]*(?i:{words_alt(terms.openings)})[,!]?[ \t]+"
        rf"(?:(?i:{words_alt(terms.titles)})\.?[ \t]+)?"
    )
    return re.compile(greeting + _name_group() + r"(?=[ \t]*(?:[,.!?:;]|$))", re.MULTILINE)


def find_signoff_names(text: str) -> list[str]:
    """Names in a sign-off at the end of a comment: ``"HG,\\nPeter"``, ``"Groet, Anna"``."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return []
    closing = _closing_re()
    last = lines[-1].rstrip(".!")
    if len(lines) >= 2 and closing.fullmatch(lines[-2]) and _name_like(last):
        return [last]
    match = re.search(
        rf"(?:^|(?<=[.!?])\s+)(?:{closing.pattern})\s+(?P<name>[^.!?]+)$", last, re.IGNORECASE
    )
    if match and _name_like(match.group("name")):
        return [match.group("name")]
    return []


def find_letter_signoff_names(text: str) -> list[str]:
    """Names signed under a closing anywhere in a letter: ``"Met vriendelijke groet,"``, then
    the next line or two when they look like a name (``"P. Jansma"``), also when a job title
    or the department follows. A paragraph reader may have joined the lines: "Met
    vriendelijke groet, Anneke Visser" (the name after the closing), "Het college van B en W,
    namens deze," (the closing ends a line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    closing, opens, ends = _closing_re(), _closing_start_re(), _closing_end_re()
    names: list[str] = []
    for k, line in enumerate(lines):
        if closing.fullmatch(line) or ends.search(line):
            after = lines[k + 1 : k + 3]
        elif match := opens.match(line):
            after = [match.group("rest"), *lines[k + 1 : k + 2]]
        else:
            continue
        names += [n for n in map(_signed_part, after) if n]
    return names


@cache
def _closing_start_re() -> re.Pattern[str]:
    """A line that opens with a closing and goes on: "Met vriendelijke groet, Anneke Visser"."""
    return re.compile(
        rf"(?:{words_alt(load_terms().closings)})\.?[,!]?\s+(?P<rest>\S.*)", re.IGNORECASE
    )


@cache
def _closing_end_re() -> re.Pattern[str]:
    """A line that ends with a closing after other words: "..., namens deze," or "...
    Hoogachtend,": the signer follows (only a comma may close it, so an ordinary sentence
    ending in "met dank." is not one)."""
    return re.compile(rf"[\s,](?:{words_alt(load_terms().closings)}),$", re.IGNORECASE)


def _signed_part(line: str) -> str | None:
    """The signed name of a line under a closing: the whole line ("P. Jansma"), or the name
    before a job title when the two were joined into one line ("A. Yilmaz consulent Werk en
    Inkomen" -> "A. Yilmaz", "P. de Vries Teamleider Vergunningen" -> "P. de Vries")."""
    words = line.split()
    particles = load_terms().particles
    heads = [
        (" ".join(words[:n]).rstrip(","), words[n])
        for n in range(len(words) - 1, 0, -1)
        if words[n - 1].casefold() not in particles  # no name ends in "en" or "van"
    ]
    for head, nxt in heads:
        if is_office(nxt) and _signed_name(head):
            return head  # "... Teamleider Vergunningen", "Anneke Visser, Teamleider"
    if _signed_name(line):
        return line
    for head, nxt in heads:
        title_follows = nxt[:1].islower() and nxt.casefold() not in particles
        rest = line[len(head) :].strip(", ")
        if (title_follows or is_organisation(rest)) and _signed_name(head):
            return head  # "A. Yilmaz consulent ...", "Anneke Visser Afdeling Zorg en Welzijn"
    return None


def _signed_name(line: str) -> bool:
    """A name as signed under a letter: initials allowed ("P.J. Jansma", "drs. A. de Vries"),
    no organisation ("Gemeente Ergens") and no office ("Burgemeester en wethouders van
    Ergens", "Teamleider Vergunningen"; but "A. Burgemeester" is a person)."""
    if is_organisation(line):
        return False
    terms = load_terms()
    words = [w for w in line.split() if w.rstrip(".").casefold() not in terms.titles]
    initials = [w for w in words if INITIALS_RE.fullmatch(w)]
    words = [w for w in words if not INITIALS_RE.fullmatch(w)]
    core = [w for w in words if w.casefold() not in terms.particles]
    if not initials and core and is_office(core[0]):
        return False
    if not all(w[:1].isupper() for w in core):
        return False  # "Het college van burgemeester en wethouders": no name
    return bool(words) and _name_like(" ".join(words).rstrip(".!"))


def is_office(word: str) -> bool:
    """An office, governing body or job title (``privacy_terms.toml`` offices), also as the
    head of a compound: "Wethouders", "College", "Teamleider", "Beleidsadviseur"."""
    word = word.strip(".,;:!?").casefold()
    return any(
        word == office or (word.endswith(office) and len(word) >= len(office) + 3)
        for office in load_terms().offices
    )


def find_addressed_names(text: str) -> list[str]:
    """Capitalised names after a greeting: ``"Beste Kees,"`` ``"Geachte heer Jansen."``."""
    return [m.group("name") for m in _opening_re().finditer(text)]


def find_vocative_name(text: str, common_word_zipf: float = 3.5) -> str | None:
    """A name that opens a comment before a comma (``"Kees, je hebt gelijk"``).

    Only words that are not common Dutch words count, so ``"Nee, ..."`` is left alone.
    """
    match = re.match(rf"\s*(?P<name>{CAPITAL_WORD})\s*,", text)
    if match and not is_common_word(match.group("name"), common_word_zipf):
        return match.group("name")
    return None


def collect_names(
    authors: Iterable[str | None], texts: Iterable[str], common_word_zipf: float = 3.5
) -> list[str]:
    """All names to scrub in a thread: its authors (except organisations) plus names found in
    sign-offs, greetings and vocatives of ``texts``."""
    names = {a.strip() for a in authors if a and a.strip()}
    for text in texts:
        names.update(find_signoff_names(text))
        names.update(find_addressed_names(text))
        vocative = find_vocative_name(text, common_word_zipf)
        if vocative:
            names.add(vocative)
    return sorted(n for n in names if not is_organisation(n))


@cache
def _official_re() -> re.Pattern[str]:
    roles = words_alt(load_terms().official_roles)
    return re.compile(rf"(?i:\b(?:{roles}))[ \t]+" + _name_group())


def find_official_names(text: str) -> list[str]:
    """Names an article gives in a role of the organisation itself: "projectleider Ruben
    Dekker", "wethouder Jansen" (``privacy_terms.toml`` official_roles)."""
    if not load_terms().official_roles:
        return []
    return [m.group("name") for m in _official_re().finditer(text)]


def is_organisation(name: str) -> bool:
    """True for desks and organisations (``Redactie``, ``Projectteam Havenkwartier``, also
    after an article: ``de gemeente``, ``De redactie``)."""
    words = normalise_name(name).split()
    if len(words) > 1 and words[0] in ("de", "het", "'t"):
        words = words[1:]
    return bool(words) and words[0] in load_terms().organisations


@cache
def _mention_re() -> re.Pattern[str]:
    particles = words_alt(load_terms().particles)
    return re.compile(
        rf"(?<![\w.@/])@(?P<handle>[^\W\d_][\w.\-]*[^\W_]|[^\W\d_])"
        rf"(?:(?:[ \t]+(?i:{particles}))*[ \t]+{CAPITAL_WORD}){{0,2}}"
    )


def scrub_mentions(text: str, placeholder: str) -> str:
    """Replace ``@handle`` mentions (and up to two capitalised words after them, which may
    be the rest of the name) by ``placeholder``."""
    return _mention_re().sub(placeholder, text) if "@" in text else text
