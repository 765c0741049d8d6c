"""Pseudonyms for authors and scrubbing of personal data (AVG/GDPR).

Applied in ingest, before anything is stored, so no later stage can leak a raw name, e-mail
address or phone number.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.config import PrivacySettings

log = logging.getLogger(__name__)

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?![\w])")
# Dutch numbers: 06-12345678, 06 1234 5678, 010-1234567, +31 6 12345678, 0031 10 123 4567.
PHONE_RE = re.compile(r"(?<![\w+])(?:\+31|0031|0)(?:[\s.\-]?\(?0?\)?)?(?:[\s.\-]?\d){9}(?!\d)")


@dataclass(frozen=True)
class ScrubResult:
    text: str
    contains_email: bool
    contains_phone: bool


def normalise_name(name: str) -> str:
    """Casefolded name without punctuation or accents, for matching the same author."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


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

    def pseudonym(self, name: str | None) -> str | None:
        """``bewoner-<10 hex>`` for a name; None for a missing name."""
        if name is None or not normalise_name(name):
            return None
        digest = hmac.new(self._key, normalise_name(name).encode("utf-8"), hashlib.sha256)
        return f"bewoner-{digest.hexdigest()[:10]}"

    def scrub(self, text: str, names: Iterable[str] = ()) -> ScrubResult:
        """Replace e-mail addresses, phone numbers and the given names by placeholders."""
        contains_email = bool(EMAIL_RE.search(text))
        text = EMAIL_RE.sub(self.settings.placeholder_email, text)
        contains_phone = bool(PHONE_RE.search(text))
        text = PHONE_RE.sub(self.settings.placeholder_phone, text)
        for pattern in name_patterns(names):
            text = pattern.sub(self.settings.placeholder_name, text)
        return ScrubResult(text, contains_email, contains_phone)


def name_patterns(names: Iterable[str]) -> list[re.Pattern[str]]:
    """Regexes matching each name and its parts (first name, surname), longest first."""
    variants: set[str] = set()
    for name in names:
        cleaned = " ".join(re.split(r"[\s._]+", name.strip())).strip(" .")
        if len(cleaned) < 3:
            continue
        variants.add(cleaned)
        parts = [p for p in cleaned.split() if len(p) >= 3 and p[:1].isupper()]
        variants.update(parts)
    ordered = sorted(variants, key=len, reverse=True)
    separator = r"[\s._]+"
    patterns = []
    for variant in ordered:
        body = separator.join(re.escape(part) for part in variant.split())
        patterns.append(re.compile(rf"(?<![\w@])@?{body}(?!\w)", re.IGNORECASE))
    return patterns
