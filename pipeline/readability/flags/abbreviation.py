"""Abbreviation without explanation (*afkorting*): acronyms (all capitals, 2-6 letters, also
as a part of a compound or joined with "/", "-" or "." as in "IB/Postzaken", "POH-GGZ",
"UWV.nl"), acronyms with lower-case letters inside ("LCvV"), the listed mixed- and lower-case
abbreviations (``mixed_case_abbreviations.txt``: Wmo, tzt) and the dotted ones
(``dutch_abbreviations.txt``: o.a., etc., tel.), unless every reader knows them
(``known_acronyms.txt``) or the text explains them ("Regionale Energiestrategie (RES 1.0)",
"LCvV: de Landelijke Commissie ...", "(Besluit NIBM)"; compared without case: "SpvE" is
explained by "(SPvE)"). An explanation in an earlier unit of the document counts (the caller
passes those), one in a later unit does not. Every use is flagged, as the annotators of all
gold sets mark every use: an unexplained acronym stays unexplained at its second use, and a
dotted abbreviation ("d.d.", "c.a.") is spelled out at each use.
Placeholders in square brackets ("[NAAM]"), Roman numerals and the letters of a postcode
("1234 AB") are not abbreviations. The advice for a shortened word names what it stands for
(``abbreviation_full_forms.txt``: "i.v.m." -> "vanwege"), or says to write it out; only an
acronym gets "voluit, with the acronym in brackets".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.privacy.identifiers import POSTCODE_RE
from pipeline.readability.flags.base import (
    Example,
    Flag,
    FlagKind,
    SentenceContext,
    doc_contains,
    make_flag,
    quote,
    register,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pipeline.readability.resources import ReadabilityResources

ACRONYM_PART_RE = re.compile(r"^[A-Z]{2,6}$")
# capitals with lower-case letters inside: LCvV, SPvE, BsGW (at least two capitals, no word)
MIXED_ACRONYM_RE = re.compile(r"^[A-Z]{1,3}[a-z]{1,2}[A-Z][A-Za-z]{0,3}$")
ROMAN_RE = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
# IB/Postzaken, POH-GGZ, MER‐beoordeling (any hyphen), UWV.nl
PART_SPLIT = re.compile(r"[-‐‑–/]|\.(?=[a-z]{2,3}$)")
AMPERSAND_RE = re.compile(r"^[A-Z]{1,4}&[A-Z]{1,4}$")  # K&L, V&OR
ACRONYM = r"[A-Z][A-Za-z&]{1,6}"
# "(RES 1.0)", "(RIVM, oktober 2020)": the acronym first in brackets after its expansion;
# "(Besluit NIBM)": after one or two capitalised words of a name; "(hierna: U&H-strategie)"
EXPLAINED_AFTER = re.compile(
    rf"\(\s*(?:[A-Z][a-z]+\s+){{1,2}}({ACRONYM})\s*\)"
    rf"|\(\s*(?:(?:hierna|verder)(?: te noemen)?:?\s+)?({ACRONYM})\b[^()]{{0,40}}\)"
)
# "ABC (voluit ...)" and "LCvV: de Landelijke Commissie"
EXPLAINED_BEFORE = re.compile(
    rf"\b({ACRONYM})\s*(?:\((?!\s*{ACRONYM}\s*\))|:\s+(?:de|het|een)\s+[A-Z])"
)
HIERNA_RE = re.compile(r"\(\s*(?:hierna|verder)\b")
LIST_AFTER_RE = re.compile(r"\s*[,;]")  # "(JGZ, consortium ...)": a list, or a source
NAME_AFTER_RE = re.compile(r"\s+[A-Z][a-z]")  # "(NL Design System)": part of a name


def explained_acronyms(text: str) -> set[str]:
    """Acronyms explained in ``text``: ``voluit (ABC)``, ``voluit (ABC 1.0)``,
    ``ABC (voluit)`` or ``ABC: de voluit ...``."""
    found: set[str] = set()
    for m in EXPLAINED_AFTER.finditer(text):
        if m.group(1):
            found.add(m.group(1))
        elif m.group(2) and _explains(m, text):
            found.add(m.group(2))
    found.update(m.group(1) for m in EXPLAINED_BEFORE.finditer(text))
    return found


def _explains(match: re.Match[str], text: str) -> bool:
    """ "(ABC ...)" explains ABC: after "hierna"; with a name after it ("(NL Design System)",
    "(POH Jeugd)"); as a list or a source ("(RIVM, oktober 2020)") when the words before the
    bracket can spell it; else when one of the last words before the bracket starts with its
    first letter ("Gigawattuur (GWh)"), not after words of another meaning ("dakkapellen
    (WOZ)", "partners (JGZ, consortium wijkteams)")."""
    acronym = match.group(2)
    inside = match.group(0)
    after = inside[inside.index(acronym) + len(acronym) :]
    if HIERNA_RE.match(inside) or NAME_AFTER_RE.match(after):
        return True
    before = text[max(0, match.start() - 80) : match.start()]
    if LIST_AFTER_RE.match(after):
        return _expanded_before(acronym, before)
    first = acronym[0].lower()
    return any(w.strip("'‘\"“(").lower().startswith(first) for w in before.split()[-6:])


def _expanded_before(acronym: str, before: str) -> bool:
    """For "(ABC, ...)": the words before the bracket can spell the acronym, its letters in
    order, the first at the start of a word ("Rijksinstituut voor Volksgezondheid en Milieu
    (RIVM, oktober 2020)"), not a word of another meaning ("partners (JGZ, consortium
    wijkteams)" lists JGZ as an example)."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    words = before.lower().split()
    for start in range(len(words)):
        if not words[start].startswith(letters[0]):
            continue
        rest = iter(" ".join(words[start:])[1:])
        if all(c in rest for c in letters[1:]):
            return True
    return False


def _in_brackets_placeholder(token: Token) -> bool:
    """Inside square brackets ("[NAAM]", "[PLAATS + INDIEN NODIG LAND]")."""
    doc = token.doc
    if not doc_contains(doc, "["):
        return False
    left = next((t for t in reversed(doc[max(0, token.i - 8) : token.i]) if t.text in "[]"), None)
    return left is not None and left.text == "["


WORD_IN_CAPITALS_ZIPF = 4.0  # SUBTLEX-NL Zipf of an everyday word ("NAAM", "GEHEIM", "PLAN")


def _word_in_capitals(found: str, resources: ReadabilityResources) -> bool:
    """An everyday word written in capitals ("uzelf (NAAM)", "bijlage (GEHEIM)"), no
    abbreviation: four letters or more and frequent in SUBTLEX-NL."""
    if len(found) < 4 or not found.isalpha() or not found.isupper():
        return False
    zipf = resources.subtlex_zipf(found.lower())
    return zipf is not None and zipf >= WORD_IN_CAPITALS_ZIPF


def _in_identifier(token: Token) -> bool:
    """A later part of a colon-joined identifier ("ECLI:NL:RVS:2017:1724": "NL", "RVS"),
    which the first part ("ECLI") already stands for."""
    doc = token.doc
    j = token.i - 1
    return (
        j > 0
        and doc[j].text == ":"
        and not doc[j].whitespace_
        and not doc[j - 1].whitespace_
        and doc[j - 1].text[-1:].isalnum()
    )


# A case or file number: capitals and two or more numbers joined by "/" or "-"
# ("SUB/2024/0412", "KL-2024-0788"); "COVID-19" and "BOA-2024" stay acronyms
REFERENCE_RE = re.compile(r"[A-Z]{1,5}(?:[/-][A-Z]{0,3}\d[\dA-Z]*){2,}")


def _reference_code(token: Token) -> bool:
    """A case or file number (``REFERENCE_RE``): a code to quote, not an abbreviation."""
    return REFERENCE_RE.fullmatch(token.text) is not None


def _postcode_letters(token: Token) -> bool:
    """The two letters of a Dutch postcode ("Postbus 100, 1234 AB Voorbeeldstad"; the
    privacy scrub's ``POSTCODE_RE``), no abbreviation: the digits open the address line
    (after a comma, a colon, a line break or at the start), unlike a year in
    "ontwerpbegroting 2026 GR"."""
    doc = token.doc
    if token.i == 0:
        return False
    digits = doc[token.i - 1]
    if POSTCODE_RE.fullmatch(f"{digits.text} {token.text}") is None:
        return False
    before = doc[digits.i - 1] if digits.i > 0 else None
    return before is None or before.is_punct or before.is_space or "\n" in before.whitespace_


def token_abbreviations(text: str, resources: ReadabilityResources) -> list[str]:
    """The abbreviations in one token: each part (split at "-", "/" and a domain dot) that is
    an acronym (a possessive ``'s`` removed) or a listed abbreviation. Remembered per token
    text for the resources (words repeat in a text)."""
    found = resources.remembered(
        "abbreviation.token_abbreviations", text, MEMO_SIZE, _token_abbreviations, text, resources
    )
    return list(found)


MEMO_SIZE = 200_000  # token texts remembered (memory stays bounded on a long run)
NEVER = "abbreviation.never"  # the memo of ``_never_abbreviation`` in the resources


def _never_abbreviation(text: str, resources: ReadabilityResources) -> bool:
    """A token text that no rule of ``detect`` can take for an abbreviation, whatever its
    neighbours: no single capital ("B en W"), day or month name, listed dotted abbreviation
    (also without its dot) or abbreviation inside (``token_abbreviations``)."""
    bare = text.rstrip(".")
    return not (
        (len(text) == 1 and text.isupper())
        or text in DAYS
        or bare in UNAMBIGUOUS_DAYS
        or bare in MONTHS
        or (text + ".").lower() in resources.abbreviations
        or text.lower() in undotted_abbreviations(resources)
        or token_abbreviations(text, resources)
    )


UNDOTTED = "undotted_abbreviations"
WORD_ZIPF = 3.0  # SUBTLEX-NL Zipf from which an undotted form reads as a word ("om", "as", "tel")


def undotted_abbreviations(resources: ReadabilityResources) -> frozenset[str]:
    """Listed dotted abbreviations as they are also written, without any dots: "bijv",
    "ivm", "mbt", "tav", "zsm" (SUBTLEX-NL tells the words apart: "om" for "o.m.", "tel",
    "art"). A one-dot abbreviation counts only when its undotted form is no word of the
    subtitles at all ("bijv", "incl", "vgl"): "ca", "nr" and month names are read as
    before. Three letters at least."""
    found: frozenset[str] = resources.remembered(UNDOTTED, UNDOTTED, 1, _undotted_forms, resources)
    return found


def _undotted_forms(resources: ReadabilityResources) -> frozenset[str]:
    """``undotted_abbreviations``, worked out (once per resources object)."""
    forms = set()
    for dotted in resources.abbreviations:
        bare = dotted.replace(".", "")
        if len(bare) < 3 or not bare.isalpha():
            continue  # two letters ("ic", "vv", "pp") are too often a word or a name
        zipf = resources.subtlex_zipf(bare)
        if zipf is None or (dotted.count(".") >= 2 and zipf < WORD_ZIPF):
            forms.add(bare)
    return frozenset(forms)


def _token_abbreviations(text: str, resources: ReadabilityResources) -> list[str]:
    """``token_abbreviations``, worked out."""
    found: list[str] = []
    if (
        text in resources.mixed_case_abbreviations
        or text.lower() in resources.abbreviations
        or AMPERSAND_RE.match(text)
    ):
        return [text]
    for part in PART_SPLIT.split(text):
        part = re.sub(r"['’]s$", "", part)
        listed = part in resources.mixed_case_abbreviations or (
            part.endswith(".") and part.lower() in resources.abbreviations  # "m.e.r.-plicht"
        )
        if (
            ACRONYM_PART_RE.match(part)
            or MIXED_ACRONYM_RE.match(part)
            or AMPERSAND_RE.match(part)  # "B&W-vergadering"
            or listed
        ) and part not in found:
            found.append(part)
    return found


DAYS = frozenset({"ma", "di", "wo", "do", "vr", "vrij", "za", "zo"})
UNAMBIGUOUS_DAYS = frozenset({"ma", "di", "wo", "vr", "za"})  # "zo", "do", "vrij" are words


def _day_abbreviation(token: Token) -> bool:
    """A short day name in a run of days ("ma t/m vr", "za en zo"): next to another day
    name, with at most "t/m", "-", "en", "tot" or "," between; one of the two is not also an
    ordinary word ("zo en zo" is not a run of days)."""
    if token.text not in DAYS:
        return False
    doc = token.doc
    for step in (-1, 1):
        j = token.i + step
        while 0 <= j < len(doc) and doc[j].lower_ in ("t/m", "-", "en", ",", "tot", "/"):
            j += step
        other = doc[j].text.rstrip(".") if 0 <= j < len(doc) else ""  # "vr." at the end
        if other in DAYS and (token.text in UNAMBIGUOUS_DAYS or other in UNAMBIGUOUS_DAYS):
            return True
    return False


MONTHS = frozenset(
    {"jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"}
)


def _date_abbreviation(token: Token) -> str | None:
    """A shortened month after a day number ("21 jan.", "1 aug. 2025") or a shortened day
    name with its full stop ("za.", "ma. 21 juli"): the dot makes them abbreviations."""
    doc = token.doc
    text = token.text.rstrip(".")
    dotted = token.text.endswith(".") or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == "." and not token.whitespace_
    )
    if not dotted or text != token.text.lower():
        return None
    full = text + "."
    if text in UNAMBIGUOUS_DAYS:
        return full
    prev = doc[token.i - 1] if token.i > 0 else None
    if text in MONTHS and prev is not None and prev.text.isdigit():
        return full
    return None


def _undotted(token: Token, resources: ReadabilityResources) -> str | None:
    """A listed dotted abbreviation written without its dots: before a number ("art 37",
    "nr 15"), or one of ``undotted_abbreviations`` in lower case, or capitalised at the
    start of its sentence ("bijv", "ivm", "Tav")."""
    doc = token.doc
    if not token.is_alpha:
        return None
    if token.lower_ in undotted_abbreviations(resources) and (
        token.is_lower or (token.is_title and token.is_sent_start)
    ):
        return token.text
    if token.i + 1 >= len(doc) or not doc[token.i + 1].text[:1].isdigit():
        return None
    return token.text if (token.lower_ + ".") in resources.abbreviations else None


def _dotted(token: Token, resources: ReadabilityResources) -> str | None:
    """A dotted abbreviation the tokenizer split from its full stop ("tel" + ".")."""
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].text == "." and not token.whitespace_:
        candidate = token.text + "."
        if candidate.lower() in resources.abbreviations:
            return candidate
    return None


def detect(ctx: SentenceContext) -> list[Flag]:
    resources = ctx.resources
    words = ctx.words
    if words and sum(t.text.isupper() for t in words) > len(words) / 2:
        return []  # a heading in capitals
    flags: list[Flag] = []
    known = resources.known_acronyms
    tokens = ctx.tokens
    explained = {e.lower() for e in ctx.explained}  # made once per sentence
    never = resources.memo(NEVER)  # read first: most words were seen before
    k = 0
    while k < len(tokens):
        token = tokens[k]
        k += 1
        text = token.text
        skip = never.get(text)
        if skip is None:
            skip = resources.remembered(
                NEVER, text, MEMO_SIZE, _never_abbreviation, text, resources
            )
        if skip:
            continue  # a word, number or sign that no rule below can take for an abbreviation
        if (
            _in_brackets_placeholder(token)
            or _postcode_letters(token)
            or _in_identifier(token)
            or _reference_code(token)
        ):
            continue
        dotted = _dotted(token, resources)
        found = [dotted] if dotted else token_abbreviations(token.text, resources)
        if not found and _day_abbreviation(token):
            found = [token.text]
        if not found:
            date = _date_abbreviation(token)
            if date is not None:
                found = [date]
                if not token.text.endswith("."):
                    dotted = date  # the flag covers the split-off full stop
            else:
                found = [a for a in [_undotted(token, resources)] if a]
        # "B en W", "B&W": single capitals joined
        if (
            not found and len(token.text) == 1 and token.text.isupper()
            and k + 1 < len(tokens) and tokens[k].lower_ in ("en", "&")
            and len(tokens[k + 1].text) == 1 and tokens[k + 1].text.isupper()
        ):  # fmt: skip
            last = tokens[k + 1]
            abbreviation = f"{token.text} {tokens[k].text} {last.text}"
            ctx.seen_acronyms.add(abbreviation)
            flags.append(_flag(ctx, token.i, last.i, [abbreviation]))
            k += 2
            continue
        new = [
            a for a in found
            if a not in known and a.upper() not in known and a.lower() not in explained
            and not ROMAN_RE.match(a) and not _word_in_capitals(a, resources)
        ]  # fmt: skip
        if not new:
            continue
        repeated = all(a in ctx.seen_acronyms for a in new)
        ctx.seen_acronyms.update(new)
        last_i = token.i + 1 if dotted else token.i
        flags.append(_flag(ctx, token.i, last_i, new, repeated))
    return flags


def _flag(
    ctx: SentenceContext, first: int, last: int, new: list[str], repeated: bool = False
) -> Flag:
    label = "Afkorting" if len(new) == 1 else "Afkortingen"
    full = full_form(new[0], ctx.resources) if len(new) == 1 else None
    if full and " / " in full:  # "i.v.m.": 'vanwege' (ziekte) or 'over' (een afspraak)
        choices = [quote(c.strip()) for c in full.split(" / ")]
        suggestion = f"Schrijf {', '.join(choices[:-1])} of {choices[-1]}, wat bij de zin past."
        full = None
    elif full:
        suggestion = f"Schrijf {quote(full)}."
    elif len(new) == 1 and _shortened_word(new[0]):
        # "e.e.a." stands for words ("een en ander"), "ca." for one
        several = new[0].rstrip(".").count(".") > 0
        suggestion = "Schrijf de woorden voluit." if several else "Schrijf het woord voluit."
    elif repeated:  # the first one has the advice already
        suggestion = "Staat al eerder zonder uitleg: schrijf de afkorting daar voluit."
    else:
        suggestion = "Schrijf de afkorting de eerste keer voluit, met de afkorting tussen haakjes."
    return make_flag(
        ctx.doc, first, last, "abbreviation",
        f"{label} zonder uitleg: {' en '.join(quote(a) for a in new)}.", suggestion,
        replacement=full,
    )  # fmt: skip


def full_form(abbreviation: str, resources: ReadabilityResources) -> str | None:
    """What a shortened word stands for (``abbreviation_full_forms.txt``: "i.v.m." ->
    "vanwege", "ma" -> "maandag"), capitalised like the abbreviation ("Ca." -> "Ongeveer");
    ``None`` for an acronym (two or more capitals: "ZO" is no Sunday) or an unlisted word."""
    if sum(c.isupper() for c in abbreviation) > 1:
        return None
    full = resources.abbreviation_full_forms.get(abbreviation.lower())
    if full and abbreviation[:1].isupper():
        return full[:1].upper() + full[1:]
    return full


def _shortened_word(abbreviation: str) -> bool:
    """A shortened word rather than an acronym: written with a dot or "/" ("dr.", "evt.",
    "c.a."), or in lower case ("tzt")."""
    return "." in abbreviation or "/" in abbreviation or abbreviation.islower()


KIND = register(
    FlagKind(
        name="abbreviation",
        label="afkorting",
        title="Afkorting",
        description=(
            "Niet iedereen kent afkortingen. Schrijf ze voluit, of leg ze de eerste keer uit."
        ),
        fix="Schrijf {n} {abbreviations} de eerste keer voluit.",
        detect=detect,
        priority=3,
        examples=(
            Example("U krijgt een PGB van de gemeente.", ("PGB",)),
            Example("Bel de afdeling IB/Postzaken.", ("IB/Postzaken",)),
            Example("We bespreken o.a. de kosten.", ("o.a.",)),
            Example("Het persoonsgebonden budget (PGB) is voor zorg. Het PGB is van u."),
            Example("Dit staat in hoofdstuk IV van de EU-regels."),
            Example("De brief gaat naar [NAAM] in [PLAATS]."),
        ),
    )
)
