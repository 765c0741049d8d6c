"""Pseudonyms for authors and scrubbing of personal data (AVG/GDPR).

Applied in ingest, before anything is stored, so no later stage can leak a raw name, e-mail
address or phone number. These kinds of data are replaced by placeholders:

- e-mail addresses (also written as ``naam [at] domein [punt] nl`` or spelled out,
  ``naam punt achternaam at domein punt com``);
- phone numbers, found with libphonenumber (``phonenumbers``) for the Dutch region, which
  leaves years, amounts, dates and postcodes alone;
- names of the people in a thread: every author's full name and name parts, names in
  sign-offs (``Groet,\\nAnna``) and after greetings (``Beste Kees``), and @mentions;
- other person names in the text ("buurman Piet Jansen", "mevrouw De Vries", "wethouder
  Keizer"), found by Deduce (Menger et al. 2018), the Dutch de-identification library,
  using only its name annotators and name lists (``find_person_names``); a capitalised
  name after a role word ("vriendje X", "wethouder X", "buurman Piet de Boer", list
  ``roles``; common words only when Deduce lists one as a name) and one listed
  between scrubbed names ("[naam], X, [naam]") is scrubbed too;
- names written as web addresses or handles ("anoukbrinkman.nl"): a domain or URL path
  part that holds a name of the thread, or a first name plus surname from Deduce's lists;
- IBAN account numbers (checked with ISO 13616 mod 97) -> ``[iban]``, BSN citizen service
  numbers (nine digits passing the elfproef) -> ``[bsn]``, a street with a house number
  ("Dahliastraat 22a"; not "Coalitieakkoord 2018-2022") -> ``[adres]`` and Dutch postcodes
  ("3141 AB") -> ``[postcode]``.

Name parts that are also common Dutch words (``Niemand``, ``Haan``, ``Peter``) are matched
only when capitalised or where a name is expected (after a greeting, as a sign-off, at the
start of a line before a comma); everything else is matched in any capitalisation. Leaks are
worse than false positives, so in doubt a word is scrubbed.

Parts: ``identifiers`` (what patterns find: e-mail, phone, IBAN, BSN, address, postcode),
``names`` (the thread's own names, one matcher per thread), ``person_names`` (Deduce, role
words, listed names, names as web addresses); this module holds the keyed pseudonyms and the
order in which ``Pseudonymiser.scrub`` applies the parts.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import SecretStr

from pipeline.config import PrivacySettings
from pipeline.privacy.identifiers import (
    bsn_valid,
    find_phone_numbers,
    iban_valid,
    replace_spans,
    scrub_account_numbers,
    scrub_addresses,
    scrub_emails,
    scrub_identifiers,
)
from pipeline.privacy.names import (
    NameMatcher,
    collect_names,
    compile_names,
    find_addressed_names,
    find_letter_signoff_names,
    find_signoff_names,
    find_vocative_name,
    is_common_word,
    is_organisation,
    load_terms,
    name_tokens,
    normalise_name,
    scrub_mentions,
)
from pipeline.privacy.person_names import (
    deduce_lookup_dir,
    find_person_names,
    scrub_listed_names,
    scrub_name_domains,
    scrub_role_names,
)

__all__ = [
    "NameMatcher",
    "Pseudonymiser",
    "ScrubResult",
    "bsn_valid",
    "collect_names",
    "compile_names",
    "deduce_lookup_dir",
    "find_addressed_names",
    "find_person_names",
    "find_phone_numbers",
    "find_signoff_names",
    "find_vocative_name",
    "iban_valid",
    "is_common_word",
    "is_organisation",
    "load_terms",
    "name_tokens",
    "normalise_name",
    "scrub_identifiers",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScrubResult:
    text: str
    contains_email: bool
    contains_phone: bool


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

    def pseudonym(self, name: str | None, prefix: str = "bewoner") -> str | None:
        """``bewoner-<10 hex>`` for a name (``medewerker-...`` for someone who speaks for the
        organisation: same digest); None for a missing name."""
        if name is None or not normalise_name(name):
            return None
        digest = hmac.new(self._key, normalise_name(name).encode("utf-8"), hashlib.sha256)
        return f"{prefix}-{digest.hexdigest()[:10]}"

    def collect_names(self, authors: Iterable[str | None], texts: Iterable[str]) -> list[str]:
        """Names to scrub in a thread (see ``collect_names``)."""
        return collect_names(authors, texts, self.settings.common_word_zipf)

    def name_matcher(self, names: Iterable[str]) -> NameMatcher:
        """Compiled name patterns for ``names`` (cached)."""
        return compile_names(tuple(sorted(set(names))), self.settings.common_word_zipf)

    def document_names(self, text: str) -> NameMatcher:
        """The people a letter or web text names as such: after a greeting ("Geachte heer
        Pieterse,") and signed under a closing ("Met vriendelijke groet,\nP. Jansma")."""
        names = [*find_addressed_names(text), *find_letter_signoff_names(text)]
        return self.name_matcher(n for n in names if not is_organisation(n))

    def scrub(
        self,
        text: str,
        names: Iterable[str] | NameMatcher = (),
        *,
        deduce: bool = True,
    ) -> ScrubResult:
        """Replace e-mail addresses, phone numbers, the given names and @mentions.

        Args:
            text: any text (comment, article, title, a document's paragraph).
            names: raw names to remove (with their parts), or a matcher from
                ``name_matcher``.
            deduce: also look for other person names with Deduce (when
                ``detect_person_names``); names after a role word or title and names
                listed between scrubbed ones are always looked for.
        """
        s = self.settings
        text, contains_email = scrub_emails(text, s.placeholder_email)
        text = scrub_account_numbers(text, s)  # before phones: a BSN is no phone number
        phones = find_phone_numbers(text)
        text = replace_spans(text, phones, s.placeholder_phone)
        text = scrub_addresses(text, s)
        matcher = names if isinstance(names, NameMatcher) else self.name_matcher(names)
        text = scrub_name_domains(text, matcher, s.placeholder_name)
        text = matcher.sub(text, s.placeholder_name)
        text = scrub_mentions(text, f"@{s.placeholder_name}")
        if s.detect_person_names:
            if deduce:
                spans = find_person_names(text, s.common_word_zipf)
                text = replace_spans(text, spans, s.placeholder_name)
            text = scrub_role_names(text, s.placeholder_name, s.common_word_zipf)
            text = scrub_listed_names(text, s.placeholder_name, s.common_word_zipf)
        return ScrubResult(text, contains_email, bool(phones))
