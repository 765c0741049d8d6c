"""Pseudonyms for authors and scrubbing of personal data (AVG/GDPR).

Applied in ingest, before anything is stored, so no later stage can leak a raw name, e-mail
address or phone number. Three kinds of data are replaced by placeholders:

- e-mail addresses (also written as ``naam [at] domein [punt] nl``);
- phone numbers, found with libphonenumber (``phonenumbers``) for the Dutch region, which
  leaves years, amounts, dates and postcodes alone;
- names of the people in a thread: every author's full name and name parts, names in
  sign-offs (``Groet,\\nAnna``) and after greetings (``Beste Kees``), and @mentions;
- other person names in the text ("buurman Piet Jansen", "mevrouw De Vries", "wethouder
  Keizer"), found by Deduce (Menger et al. 2018), the Dutch de-identification library,
  using only its name annotators and name lists (``find_person_names``); a capitalised
  word after a role word ("vriendje X", "wethouder X", list ``roles``) and one listed
  between scrubbed names ("[naam], X, [naam]") is scrubbed too;
- names written as web addresses or handles ("anoukbrinkman.nl"): a domain or URL path
  part that holds a name of the thread, or a first name plus surname from Deduce's lists;
- IBAN account numbers (checked with ISO 13616 mod 97) -> ``[iban]``, BSN citizen service
  numbers (nine digits passing the elfproef) -> ``[bsn]``, a street with a house number
  ("Dahliastraat 22a") -> ``[adres]`` and Dutch postcodes ("3141 AB") -> ``[postcode]``.

Name parts that are also common Dutch words (``Niemand``, ``Haan``, ``Peter``) are matched
only when capitalised or where a name is expected (after a greeting, as a sign-off, at the
start of a line before a comma); everything else is matched in any capitalisation. Leaks are
worse than false positives, so in doubt a word is scrubbed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
import shutil
import tempfile
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from pipeline.config import PrivacySettings

log = logging.getLogger(__name__)

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?!\w)")
OBFUSCATED_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+\s*[\[(]\s*(?:at|apenstaartje)\s*[\])]\s*[\w-]+"
    r"(?:\s*(?:\.|[\[(]\s*(?:dot|punt)\s*[\])])\s*[\w-]+)+",
    re.IGNORECASE,
)
PHONE_REGION = "NL"
PHONE_PREFIX_RE = re.compile(r"\(?(?:\+|00|0)")
DATE_LIKE_RE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[:.]\d{2}$")
NAME_SEPARATORS = re.compile(r"[\s._\-/\\|,;:()\[\]{}\"'`+&*#!?<>=~^$%]+|\d+")
CAMEL_SPLIT = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")
NAME_WORD = r"[^\W\d_][\w'’\-]*"
CAPITAL_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"


IBAN_RE = re.compile(
    r"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\w])"
)
BSN_RE = re.compile(
    r"(?<![\w.,-])(?:\d{9}|\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{2}[ .]\d{3})(?![\w]|[.,]\d)"
)
POSTCODE_RE = re.compile(r"(?<![\w])[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?![\w])")
STREET_SUFFIXES = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|steeg|dreef|plantsoen|markt|ring|"
    "baan|wal|erf|boulevard|dam|haven|veld|park|hoven|akker|berg|burg|oord|zijde|vaart|kaai|"
    "hout|wijk|straatweg|dwarsstraat|lei|gaarde|horst|donk"
)
STREET_RE = re.compile(
    r"(?<![\w])(?:[A-Z][\w'’.-]*\s+(?:(?:van|de|der|den|het|ten|ter)\s+)*){0,3}"
    rf"[A-Z][\w'’-]*(?:{STREET_SUFFIXES})\s+\d{{1,5}}(?:\s?[a-zA-Z](?![\w]))?(?:\s?[-/]\s?\d{{1,5}}[a-zA-Z]?)?(?![\w])"
)
DOMAIN_RE = re.compile(
    r"(?:(?:https?://)?(?:www\.)?)(?P<label>[a-z0-9][a-z0-9-]{3,62})\.(?:nl|com|net|org|eu|be|info|nu|me|online|site)(?P<path>/[^\s<>\"')\]]*)?",
    re.IGNORECASE,
)


def iban_valid(candidate: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97."""
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    moved = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in moved)
    return int(digits) % 97 == 1


def bsn_valid(candidate: str) -> bool:
    """The elfproef for BSN: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a positive multiple of 11."""
    digits = [int(ch) for ch in candidate if ch.isdigit()]
    if len(digits) != 9:
        return False
    total = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True)) - digits[8]
    return total > 0 and total % 11 == 0


def scrub_identifiers(text: str, settings: PrivacySettings) -> str:
    """Replace IBANs, BSNs, street + house number and postcodes by their placeholders."""
    text = IBAN_RE.sub(
        lambda m: settings.placeholder_iban if iban_valid(m.group()) else m.group(), text
    )
    text = BSN_RE.sub(
        lambda m: settings.placeholder_bsn if bsn_valid(m.group()) else m.group(), text
    )
    text = STREET_RE.sub(settings.placeholder_address, text)
    return POSTCODE_RE.sub(settings.placeholder_postcode, text)


@dataclass(frozen=True)
class ScrubResult:
    text: str
    contains_email: bool
    contains_phone: bool


@dataclass(frozen=True)
class PrivacyTerms:
    """Word lists from ``pipeline/data/privacy_terms.toml`` (casefolded)."""

    particles: frozenset[str]
    openings: tuple[str, ...]
    titles: tuple[str, ...]
    closings: tuple[str, ...]
    organisations: frozenset[str]
    roles: tuple[str, ...] = ()


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


def _words_alt(words: Iterable[str]) -> str:
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
    cues = _words_alt((*terms.openings, *terms.closings))
    titles = _words_alt(terms.titles)
    addressed = re.compile(
        rf"(?P<pre>^[ \t]*|(?<![^\W_])(?:{cues})[,!]?[ \t]+(?:(?:{titles})\.?[ \t]+)?)"
        rf"(?:{_words_alt(amb)}){boundary_post}(?=[ \t]*(?:[,.!?:;]|$))",
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
    closings = _words_alt(load_terms().closings)
    return re.compile(rf"(?:{closings})\.?[,!]?", re.IGNORECASE)


@cache
def _opening_re() -> re.Pattern[str]:
    terms = load_terms()
    particles = _words_alt(terms.particles)
    return re.compile(
        rf"(?:^|(?<=[.!?:])\s+|(?<=\n))[ \t]*(?i:{_words_alt(terms.openings)})[,!]?[ \t]+"
        rf"(?:(?i:{_words_alt(terms.titles)})\.?[ \t]+)?"
        rf"(?P<name>{CAPITAL_WORD}(?:[ \t]+(?:(?i:{particles})[ \t]+)*{CAPITAL_WORD}){{0,2}})"
        rf"(?=[ \t]*(?:[,.!?:;]|$))",
        re.MULTILINE,
    )


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


def is_organisation(name: str) -> bool:
    """True for desks and organisations (``Redactie``, ``Projectteam Havenkwartier``)."""
    words = normalise_name(name).split()
    return bool(words) and words[0] in load_terms().organisations


def _replace_spans(text: str, spans: list[tuple[int, int]], placeholder: str) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + placeholder + text[end:]
    return text


def find_phone_numbers(text: str) -> list[tuple[int, int]]:
    """Character spans of phone numbers (Dutch and international formats).

    Numbers libphonenumber finds valid are kept; so are Dutch-length numbers with a trunk or
    country prefix that it rejects only because the range is unallocated (``06-98765432``),
    unless they look like a date.
    """
    import phonenumbers

    spans = []
    matcher = phonenumbers.PhoneNumberMatcher(
        text, PHONE_REGION, leniency=phonenumbers.Leniency.POSSIBLE
    )
    for match in matcher:
        if match.start > 0 and text[match.start - 1].isalnum():
            continue
        number = match.number
        if phonenumbers.is_valid_number(number) or (
            number.country_code == 31
            and len(phonenumbers.national_significant_number(number)) == 9
            and PHONE_PREFIX_RE.match(match.raw_string)
            and not DATE_LIKE_RE.search(match.raw_string)
        ):
            spans.append((match.start, match.end))
    return spans


class Pseudonymiser:
    """Stable pseudonyms from a keyed hash (HMAC-SHA256) of the normalised author name.

    The same author gets the same pseudonym across runs that use the same secret. Without a
    configured secret, a random one is made for this run (and that is logged).
    """

    def __init__(self, settings: PrivacySettings) -> None:
        self.settings = settings
        if settings.secret is not None and settings.secret.get_secret_value():
            self._key = settings.secret.get_secret_value().encode("utf-8")
            self.random_secret = False
        else:
            self._key = secrets.token_bytes(32)
            self.random_secret = True
            log.warning(
                "no privacy.secret configured (GEMEENTETAAL_SECRET): pseudonyms are random for "
                "this run and will differ between runs"
            )

    @classmethod
    def for_scrubbing(cls, settings: PrivacySettings) -> Pseudonymiser:
        """A pseudonymiser whose pseudonyms are not kept (``check``, ``sentiment score``):
        without a configured secret it takes a random one and says nothing about it."""
        if settings.secret is None or not settings.secret.get_secret_value():
            settings = settings.model_copy(update={"secret": SecretStr(secrets.token_hex(16))})
        return cls(settings)

    def pseudonym(self, name: str | None) -> str | None:
        """``bewoner-<10 hex>`` for a name; None for a missing name."""
        if name is None or not normalise_name(name):
            return None
        digest = hmac.new(self._key, normalise_name(name).encode("utf-8"), hashlib.sha256)
        return f"bewoner-{digest.hexdigest()[:10]}"

    def collect_names(self, authors: Iterable[str | None], texts: Iterable[str]) -> list[str]:
        """Names to scrub in a thread (see ``collect_names``)."""
        return collect_names(authors, texts, self.settings.common_word_zipf)

    def name_matcher(self, names: Iterable[str]) -> NameMatcher:
        """Compiled name patterns for ``names`` (cached)."""
        return compile_names(tuple(sorted(set(names))), self.settings.common_word_zipf)

    def scrub(self, text: str, names: Iterable[str] | NameMatcher = ()) -> ScrubResult:
        """Replace e-mail addresses, phone numbers, the given names and @mentions.

        Args:
            text: any text (comment, article, title).
            names: raw names to remove (with their parts), or a matcher from
                ``name_matcher``.
        """
        s = self.settings
        contains_email = bool(EMAIL_RE.search(text) or OBFUSCATED_EMAIL_RE.search(text))
        text = EMAIL_RE.sub(s.placeholder_email, text)
        text = OBFUSCATED_EMAIL_RE.sub(s.placeholder_email, text)
        text = IBAN_RE.sub(
            lambda m: s.placeholder_iban if iban_valid(m.group()) else m.group(), text
        )
        text = BSN_RE.sub(lambda m: s.placeholder_bsn if bsn_valid(m.group()) else m.group(), text)
        phones = find_phone_numbers(text)
        text = _replace_spans(text, phones, s.placeholder_phone)
        text = scrub_identifiers(text, s)
        matcher = names if isinstance(names, NameMatcher) else self.name_matcher(names)
        text = scrub_name_domains(text, matcher, s.placeholder_name)
        text = matcher.sub(text, s.placeholder_name)
        text = scrub_mentions(text, f"@{s.placeholder_name}")
        if s.detect_person_names:
            spans = find_person_names(text, s.common_word_zipf)
            text = _replace_spans(text, spans, s.placeholder_name)
            text = scrub_role_names(text, s.placeholder_name, s.common_word_zipf)
            text = scrub_listed_names(text, s.placeholder_name, s.common_word_zipf)
        return ScrubResult(text, contains_email, bool(phones))


# Deduce's processor groups other than person names (ours find e-mail and phone numbers).
DEDUCE_DISABLED = frozenset(
    {"locations", "institutions", "dates", "ages", "identifiers", "phone_numbers",
     "email_addresses", "urls"}
)  # fmt: skip
PERSON_TAGS = frozenset({"persoon", "patient"})
DEDUCE_KEPT_LISTS = ("names/", "whitelist/")


def deduce_lookup_dir() -> Path:
    """Deduce's lookup lists with only the name and whitelist lists, in the user cache.

    On first use Deduce builds lookup structures for all its lists, which takes about two
    minutes and 1 GB for the street and place names. Only person names are needed here, so
    the other lists are left empty, as Deduce's documentation suggests for changed lists
    (``lookup_data_path``): about 1.5 s to build once, 0.3 s to load and 90 MB.
    """
    deduce = _import_deduce()
    from deduce.data.lookup.src import all_lists

    from pipeline.cache import cache_dir

    target = cache_dir() / f"deduce_{deduce.__version__}_names_v1"
    if (target / "cache").is_dir():
        return target
    source = Path(deduce.__file__).parent / "data" / "lookup" / "src"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        build = Path(tempfile.mkdtemp(prefix=".deduce.", dir=target.parent))
    except OSError:  # no writable cache: build for this process only
        build = Path(tempfile.mkdtemp(prefix="gemeentetaal_deduce_"))
        target = build
    for name in all_lists:
        if name.startswith(DEDUCE_KEPT_LISTS):
            shutil.copytree(source / name, build / "src" / name)
        else:
            (build / "src" / name).mkdir(parents=True)
            (build / "src" / name / "items.txt").write_text("", encoding="utf-8")
    log.info("building Deduce's name lookup in %s (once)", target)
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)  # Deduce's "Please wait 1-2 minutes" is for its full lists
    try:
        deduce.Deduce(lookup_data_path=build, cache_path=build)  # builds build/cache
    finally:
        logging.disable(previous)
    if build != target:
        try:
            os.replace(build, target)
        except OSError:  # another process was first
            shutil.rmtree(build, ignore_errors=True)
    return target


@cache
def _import_deduce() -> Any:
    """``import deduce``, undoing the ``logging.basicConfig(stream=sys.stdout,
    level=DEBUG)`` it runs at import (it would print every log line into our JSON output)."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    import deduce

    root.handlers[:] = handlers
    root.setLevel(level)
    return deduce


@cache
def _deduce() -> Any:
    path = deduce_lookup_dir()
    return _import_deduce().Deduce(lookup_data_path=path, cache_path=path)


@cache
def _first_names() -> frozenset[str]:
    path = deduce_lookup_dir() / "src" / "names" / "lst_first_name" / "items.txt"
    return frozenset(line.strip().casefold() for line in path.read_text("utf-8").splitlines())


SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n(\"“‘'-])\s*$")


def _likely_word(text: str, start: int, end: int, common_word_zipf: float) -> bool:
    """A one-word hit at the start of a sentence that is a common Dutch word and not a first
    name ("Mooi initiatief!", where *Mooi* is also a surname): capitals prove nothing there."""
    word = text[start:end]
    if " " in word or not SENTENCE_START_RE.search(text[:start]):
        return False
    return word.casefold() not in _first_names() and is_common_word(word, common_word_zipf)


def find_person_names(text: str, common_word_zipf: float = 3.5) -> list[tuple[int, int]]:
    """Character spans of person names in ``text``, titles included ("mevrouw De Vries").

    Deduce's hits, less single words at the start of a sentence that are common Dutch words
    and not first names (``_likely_word``).
    """
    if not text.strip():
        return []
    doc = _deduce().deidentify(text, disabled=set(DEDUCE_DISABLED))
    spans = {(a.start_char, a.end_char) for a in doc.annotations if a.tag in PERSON_TAGS}
    return sorted(
        (start, end) for start, end in spans if not _likely_word(text, start, end, common_word_zipf)
    )


@cache
def _mention_re() -> re.Pattern[str]:
    particles = _words_alt(load_terms().particles)
    return re.compile(
        rf"(?<![\w.@/])@(?P<handle>[^\W\d_][\w.\-]*[^\W_]|[^\W\d_])"
        rf"(?:(?:[ \t]+(?i:{particles}))*[ \t]+{CAPITAL_WORD}){{0,2}}"
    )


def scrub_mentions(text: str, placeholder: str) -> str:
    """Replace ``@handle`` mentions (and up to two capitalised words after them, which may
    be the rest of the name) by ``placeholder``."""
    return _mention_re().sub(placeholder, text)


def _name_like_domain(label: str) -> bool:
    """A domain label that is a first name followed by a surname ("anoukbrinkman")."""
    label = label.lower().replace("-", "")
    if label in _municipality_names() or is_common_word(label, 3.5):
        return False
    first_names = _first_names()
    surnames = _surnames()
    for cut in range(3, len(label) - 2):
        if label[:cut] in first_names and label[cut:] in surnames:
            return True
    return False


def scrub_name_domains(text: str, matcher: NameMatcher, placeholder: str) -> str:
    """Replace web addresses whose name or path holds a person's name (see module docstring)."""

    def replace(match: re.Match[str]) -> str:
        label = match.group("label")
        parts = [label, *(p for p in (match.group("path") or "").split("/") if p)]
        for part in parts:
            probe = part.replace("-", " ").replace("_", " ")
            if matcher.sub(probe, "\x00") != probe:
                return placeholder
            folded = part.casefold().replace("-", "").replace("_", "").replace(".", "")
            if any(name in folded for name in matcher.compact):
                return placeholder
            if _name_like_domain(part):
                return placeholder
        return match.group()

    return DOMAIN_RE.sub(replace, text)


@cache
def _surnames() -> frozenset[str]:
    path = deduce_lookup_dir() / "src" / "names" / "lst_surname" / "items.txt"
    return frozenset(
        line.strip().casefold().replace(" ", "")
        for line in path.read_text("utf-8").splitlines()
        if len(line.strip()) >= 3
    )


@cache
def _role_re() -> re.Pattern[str]:
    terms = load_terms()
    particles = _words_alt(terms.particles)
    return re.compile(
        rf"(?<![\w])(?P<role>(?i:{_words_alt(terms.roles)}))[ \t]+"
        rf"(?P<name>(?:(?i:{particles})[ \t]+)*{CAPITAL_WORD}(?:[ \t]+{CAPITAL_WORD})?)"
    )


def scrub_role_names(text: str, placeholder: str, common_word_zipf: float = 3.5) -> str:
    """Replace a capitalised name after a role word ("vriendje X", "wethouder Van Dam")."""
    if not load_terms().roles:
        return text

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        words = [w for w in name.split() if w[:1].isupper()]
        if not words or all(is_common_word(w, common_word_zipf) for w in words):
            return match.group()
        return match.group("role") + " " + placeholder

    return _role_re().sub(replace, text)


@cache
def _municipality_names() -> frozenset[str]:
    path = resources.files("pipeline.data").joinpath("municipalities.csv")
    names = set()
    for line in path.read_text("utf-8").splitlines()[1:]:
        first = line.split(",", 1)[0].strip().strip('"')
        if first:
            names.add(first.casefold())
    return frozenset(names)


def scrub_listed_names(text: str, placeholder: str, common_word_zipf: float = 3.5) -> str:
    """Replace a capitalised word listed next to a scrubbed name: "[naam], X, [naam]"."""
    ph = re.escape(placeholder)
    sep = r"\s*(?:,|&|\ben\b|/)\s*"
    pattern = re.compile(
        rf"(?:(?<={ph}){sep}(?P<a>{CAPITAL_WORD})(?=\s*(?:,|&|\ben\b|/|[.;:!?”\"]|$)))"
        rf"|(?:(?<![\w])(?P<b>{CAPITAL_WORD})(?={sep}{ph}))"
    )

    def replace(match: re.Match[str]) -> str:
        word = match.group("a") or match.group("b")
        if is_common_word(word, common_word_zipf) or word.casefold() in _municipality_names():
            return match.group()
        return match.group().replace(word, placeholder)

    for _ in range(5):
        new = pattern.sub(replace, text)
        if new == text:
            break
        text = new
    return text
