"""Personal data found by pattern: e-mail addresses, phone numbers, IBAN account numbers,
BSN citizen service numbers, street addresses and postcodes (see ``pipeline.privacy``)."""

from __future__ import annotations

import re

from pipeline.config import PrivacySettings

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?!\w)")
OBFUSCATED_AT = r"[\[(]\s*(?:at|apenstaartje)\s*[\])]"
OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![\w.+-])[\w.+-]+\s*{OBFUSCATED_AT}\s*[\w-]+"
    r"(?:\s*(?:\.|[\[(]\s*(?:dot|punt)\s*[\])])\s*[\w-]+)+",
    re.IGNORECASE,
)
# What every match of OBFUSCATED_EMAIL_RE holds: a quick search passes over most texts.
OBFUSCATED_AT_RE = re.compile(OBFUSCATED_AT, re.IGNORECASE)
TOP_LEVEL_DOMAINS = "nl|com|net|org|eu|be|info|nu|me|online|site"
# Spelled out in words: "kees punt bakker at hotmail punt com", "kees apenstaartje ziggo dot
# nl"; a known top-level domain must end it.
SPELLED_DOT = r"(?:\.|\s+(?:punt|dot)\s+)"
SPELLED_AT = r"\s+(?:at|apenstaartje)\s+"
SPELLED_EMAIL_RE = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{SPELLED_DOT}[\w+-]+)*{SPELLED_AT}[\w-]+(?:{SPELLED_DOT}[\w-]+)*?"
    rf"{SPELLED_DOT}(?:{TOP_LEVEL_DOMAINS})(?!\w|\.\w)",
    re.IGNORECASE,
)
SPELLED_AT_RE = re.compile(SPELLED_AT, re.IGNORECASE)
# Every pattern of account numbers, phone numbers and addresses needs a digit: a text without
# one (most sentences) is passed over with one quick search.
DIGIT_RE = re.compile(r"\d")
PHONE_REGION = "NL"
PHONE_PREFIX_RE = re.compile(r"\(?(?:\+|00|0)")
DATE_LIKE_RE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[:.]\d{2}$")

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
# a number followed by one of these is an amount, not a house number ("Lindeveld 80 euro")
AMOUNT_UNITS = (
    "euro|eur|cent|procent|jaar|jaren|uur|minuten|dagen|weken|maanden|km|kilometer|meter|"
    "m2|m²|ha|hectare|woningen|personen|mensen|inwoners|kinderen|stuks|keer|plaatsen|bomen"
)
STREET_RE = re.compile(
    r"(?<![\w])(?:[A-Z][\w'’.-]*\s+(?:(?:van|de|der|den|het|ten|ter)\s+)*){0,3}"
    rf"(?P<street>[A-Z][\w'’-]*(?:{STREET_SUFFIXES}))\s+(?P<number>\d{{1,5}})(?:\s?[a-zA-Z](?![\w]))?"
    r"(?:\s?[-/–]\s?(?P<to>\d{1,5})[a-zA-Z]?)?(?![\w])"
    rf"(?!\s*(?:[%€]|(?i:{AMOUNT_UNITS})(?![\w])))"
)

# Words with a street suffix that name no place ("Klimaatakkoord 2019": "oord").
NO_STREET_ENDINGS = ("akkoord",)
# Suffixes only streets have: "Dorpsstraat 2020-2022" stays an address with a number range.
STREET_ONLY_ENDINGS = ("straat", "laan", "weg", "gracht", "kade", "singel", "steeg", "dreef")
# Streets long enough for house numbers of 1950 and more ("Zeedijk 2010"); after any other
# suffix such a number is a year ("Stadspark 2030", "Arbeidsmarkt 2025").
LONG_STREET_ENDINGS = (*STREET_ONLY_ENDINGS, "dijk", "baan", "ring", "vaart", "boulevard")
YEAR_RE = re.compile(r"(?:19|20)\d\d")
RECENT_YEAR_RE = re.compile(r"19[5-9]\d|20\d\d")


def _street_address(match: re.Match[str]) -> bool:
    """Whether a match of STREET_RE is an address: not an agreement ("Coalitieakkoord 2018"),
    not a name with a year range ("Woonvisie Stadspark 2020-2030") and not a name with a
    year after a suffix of short streets ("Stadspark 2030")."""
    street = match.group("street").casefold()
    if street.endswith(NO_STREET_ENDINGS):
        return False
    number, to = match.group("number"), match.group("to")
    if to is None and match.group(0).endswith(number) and RECENT_YEAR_RE.fullmatch(number):
        return street.endswith(LONG_STREET_ENDINGS)
    year_range = bool(YEAR_RE.fullmatch(number) and to and YEAR_RE.fullmatch(to))
    return not year_range or street.endswith(STREET_ONLY_ENDINGS)


def scrub_emails(text: str, placeholder: str) -> tuple[str, bool]:
    """Replace e-mail addresses, also obfuscated ones (``naam [at] domein [punt] nl``, ``naam
    punt achternaam at domein punt com``), by ``placeholder``; and whether there was one."""
    found = False
    if "@" in text:  # what each pattern needs first: most texts skip both full searches
        text, n = EMAIL_RE.subn(placeholder, text)
        found = n > 0
    if OBFUSCATED_AT_RE.search(text):
        text, n = OBFUSCATED_EMAIL_RE.subn(placeholder, text)
        found = found or n > 0
    if SPELLED_AT_RE.search(text):
        text, n = SPELLED_EMAIL_RE.subn(placeholder, text)
        found = found or n > 0
    return text, found


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


# A Dutch IBAN by its shape (NL, two check digits, a bank code, ten digits): an account
# number with a typo in it is still someone's account number
DUTCH_IBAN_RE = re.compile(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}")


def scrub_account_numbers(text: str, settings: PrivacySettings) -> str:
    """Replace IBANs that pass their check or have the shape of a Dutch one, and BSNs that
    pass theirs, by their placeholders."""
    if not DIGIT_RE.search(text):
        return text
    text = IBAN_RE.sub(
        lambda m: (
            settings.placeholder_iban
            if iban_valid(m.group()) or DUTCH_IBAN_RE.fullmatch(m.group().strip())
            else m.group()
        ),
        text,
    )
    return BSN_RE.sub(
        lambda m: settings.placeholder_bsn if bsn_valid(m.group()) else m.group(), text
    )


def scrub_addresses(text: str, settings: PrivacySettings) -> str:
    """Replace a street with a house number and Dutch postcodes by their placeholders."""
    if not DIGIT_RE.search(text):
        return text
    text = STREET_RE.sub(
        lambda m: settings.placeholder_address if _street_address(m) else m.group(), text
    )
    return POSTCODE_RE.sub(settings.placeholder_postcode, text)


def scrub_identifiers(text: str, settings: PrivacySettings) -> str:
    """Replace IBANs, BSNs, street + house number and postcodes by their placeholders."""
    return scrub_addresses(scrub_account_numbers(text, settings), settings)


def replace_spans(text: str, spans: list[tuple[int, int]], placeholder: str) -> str:
    """Replace each character span of ``text`` by ``placeholder``."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + placeholder + text[end:]
    return text


def find_phone_numbers(text: str) -> list[tuple[int, int]]:
    """Character spans of phone numbers (Dutch and international formats).

    Numbers libphonenumber finds valid are kept; so are Dutch-length numbers with a trunk or
    country prefix that it rejects only because the range is unallocated (``06-98765432``),
    unless they look like a date. A number must start with "0" or "+" as written: digits
    without one are a case or file number ("Z-2025-01873"), not a phone number.
    """
    if not DIGIT_RE.search(text):  # libphonenumber's candidates all start with digits
        return []
    import phonenumbers

    spans = []
    matcher = phonenumbers.PhoneNumberMatcher(
        text, PHONE_REGION, leniency=phonenumbers.Leniency.POSSIBLE
    )
    for match in matcher:
        if match.start > 0 and text[match.start - 1].isalnum():
            continue
        if not match.raw_string.lstrip("(").startswith(("0", "+")):
            # a Dutch number is written with its trunk 0 or a country code: "2025-01873"
            # is a case number, "0285 1234 56" part of an account number at most
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
