"""Person names beyond the thread's own: Deduce's Dutch name annotators and name lists,
names after a role word or listed between scrubbed names, and names written as web
addresses (see ``pipeline.privacy``)."""

from __future__ import annotations

import csv
import importlib.util
import io
import logging
import os
import re
import shutil
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline.privacy.identifiers import TOP_LEVEL_DOMAINS
from pipeline.privacy.names import (
    CAPITAL_WORD,
    NameMatcher,
    is_common_word,
    is_office,
    load_terms,
    words_alt,
)

log = logging.getLogger(__name__)

DOMAIN_RE = re.compile(
    rf"(?:(?:https?://)?(?:www\.)?)(?P<label>[a-z0-9][a-z0-9-]{{3,62}})\.(?:{TOP_LEVEL_DOMAINS})(?P<path>/[^\s<>\"')\]]*)?",
    re.IGNORECASE,
)
# What every match of DOMAIN_RE holds: a text without it (most) needs no slower search.
TOP_LEVEL_DOMAIN_RE = re.compile(rf"\.(?:{TOP_LEVEL_DOMAINS})", re.IGNORECASE)


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


def _name_list(name: str) -> Path:
    """A name list of Deduce's package data (``lst_first_name``, ``lst_surname``), found
    without importing Deduce (its import and lookup structures cost about a second, which a
    cold ``check`` of a letter with "mevrouw De Vries" must not pay)."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("deduce is not installed")
    package = Path(next(iter(spec.submodule_search_locations)))
    return package / "data" / "lookup" / "src" / "names" / name / "items.txt"


@cache
def _first_names() -> frozenset[str]:
    path = _name_list("lst_first_name")
    return frozenset(line.strip().casefold() for line in path.read_text("utf-8").splitlines())


# A leading word of a name hit at least this frequent (wordfreq Zipf, also as a compound of
# such parts) and in no name list is no part of the name (``_name_start``).
LEADING_WORD_ZIPF = 3.0
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
    spans = {
        (_name_start(text, a.start_char, a.end_char), a.end_char)
        for a in doc.annotations
        if a.tag in PERSON_TAGS
    }
    return sorted(
        (start, end)
        for start, end in spans
        if not _likely_word(text, start, end, common_word_zipf)
        and not _office_of_place(text, start, end)
    )


_OFFICE_VAN_RE = re.compile(r"([\w'’-]+)[ \t]+(van[ \t]+)?$")


def _office_of_place(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` is a municipality after an office and "van" ("de
    burgemeester van Zwolle", "wethouder van Den Haag"): no person. "mevrouw van Zwolle" and
    "wethouder Van Zwolle" (a capital: the surname) stay names."""
    name = text[start:end]
    before = _OFFICE_VAN_RE.search(text, max(0, start - 60), start)
    if before is None:
        return False
    if before.group(2):
        place = name
    elif name.startswith("van "):
        place = name.removeprefix("van ")
    else:
        return False
    return is_office(before.group(1)) and place.casefold() in _municipality_names()


_LEADING_WORD_RE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+")


def _name_start(text: str, start: int, end: int) -> int:
    """Where the name in a hit starts: past leading words that are ordinary Dutch words and
    in no name list ("Afvalinzameling Oosterwijk", "Herinrichting Marktplein X"; a title
    "mevrouw" stays outside the placeholder). First names, surnames and particles stop it,
    and so does a word no word list knows ("Xiomara Jansen" stays whole)."""
    from pipeline.readability.morphology import is_known_word

    particles = load_terms().particles
    while (match := _LEADING_WORD_RE.match(text, start, end)) is not None:
        word = match.group(1).casefold()
        if (
            word in _first_names()
            or word in _surnames()
            or word in particles
            or not is_known_word(word, LEADING_WORD_ZIPF)
        ):
            break
        start = match.end()
    return start


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

    return DOMAIN_RE.sub(replace, text) if TOP_LEVEL_DOMAIN_RE.search(text) else text


@cache
def _surnames() -> frozenset[str]:
    path = _name_list("lst_surname")
    return frozenset(
        line.strip().casefold().replace(" ", "")
        for line in path.read_text("utf-8").splitlines()
        if len(line.strip()) >= 3
    )


# Particles that are also prepositions or "en": inside a name only before another particle
# ("Sophie in 't Veld", "Jan op den Akker"), so "mevrouw Jansen in Amsterdam" keeps its place.
LOOSE_PARTICLES = frozenset(
    {"en", "in", "op", "uit", "aan", "bij", "onder", "over", "voor", "y", "o"}
)


@cache
def _role_re() -> re.Pattern[str]:
    terms = load_terms()
    loose = words_alt(sorted(LOOSE_PARTICLES))
    tight = words_alt(p for p in terms.particles if p not in LOOSE_PARTICLES)
    particles = rf"(?:(?i:{loose})[ \t]+)?(?:(?i:{tight})[ \t]+)+"
    return re.compile(
        rf"(?<![\w])(?P<role>(?i:{words_alt(terms.roles)}))(?P<dot>\.?)[ \t]+"
        rf"(?P<name>(?:(?:[A-ZÀ-ÖØ-Þ]\.[ \t]?){{1,4}}[ \t]*)?"
        # a surname with its particles ("Van Dam", not "Van Dam van Zwolle"), or one or two
        # first names and a surname ("Piet de Boer", "Anna Maria de Vries")
        rf"(?:{particles}{CAPITAL_WORD}(?:[ \t]+{CAPITAL_WORD})?"
        rf"|{CAPITAL_WORD}(?:[ \t]+{CAPITAL_WORD})?(?:[ \t]+(?:{particles})?{CAPITAL_WORD})?))"
    )


def scrub_role_names(text: str, placeholder: str, common_word_zipf: float = 3.5) -> str:
    """Replace a capitalised name after a role word ("vriendje X", "wethouder Van Dam",
    "buurman Piet de Boer"), particles and surname included.

    A name of common Dutch words only ("Piet Bakker", "De Vries") is a name when one of its
    words is in Deduce's first-name or surname lists; otherwise the words are ordinary
    capitalised words ("mevrouw De Wethouder", "minister van Binnenlandse Zaken"). After a
    full stop ("de buurman. Bakker is dicht") the capital opens a sentence and proves nothing.
    """
    if not load_terms().roles:
        return text
    particles = load_terms().particles

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if _office_of_place(match.string, match.start("name"), match.end("name")):
            return match.group()
        words = [w for w in name.split() if w[:1].isupper() and w.casefold() not in particles]
        if not words or all(is_common_word(w, common_word_zipf) for w in words):
            role = match.group("role")
            sentence_start = match.group("dot") and is_common_word(role, common_word_zipf)
            listed = any(
                w.casefold() in _first_names() or w.casefold() in _surnames() for w in words
            )
            if sentence_start or not listed:
                return match.group()
        return match.group()[: match.start("name") - match.start()] + placeholder

    return _role_re().sub(replace, text)


@cache
def _municipality_names() -> frozenset[str]:
    """Names of Dutch municipalities and their aliases ("Den Haag"), casefolded."""
    path = resources.files("pipeline.data").joinpath("municipalities.csv")
    names = set()
    for row in csv.DictReader(io.StringIO(path.read_text("utf-8"))):
        for name in [row["name"], *(row.get("aliases") or "").split(";")]:
            if name.strip():
                names.add(name.strip().casefold())
    return frozenset(names)


def scrub_listed_names(text: str, placeholder: str, common_word_zipf: float = 3.5) -> str:
    """Replace a capitalised word listed next to a scrubbed name: "[naam], X, [naam]"."""
    if placeholder not in text:  # each match is next to a scrubbed name
        return text
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
