"""Scrubbed ``Thread`` records from comments as read, shared by the plain-text thread reader
(``pipeline/ingest/threads.py``) and the structured exports (``pipeline/ingest/exports.py``):
authors become pseudonyms, every name of the thread is scrubbed from every text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pipeline.privacy import NameMatcher, Pseudonymiser, is_organisation
from pipeline.privacy.names import find_official_names, normalise_name
from pipeline.records import Comment, Thread, make_id

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
URL_TRAILING = ".,;:!?’”'\""


def extract_urls(text: str) -> list[str]:
    """URLs in ``text`` (``http(s)://`` or ``www.``), trailing punctuation removed."""
    return [m.group().rstrip(URL_TRAILING) for m in URL_RE.finditer(text)]


def extract_emoji(text: str) -> list[str]:
    """Every emoji in ``text`` in order of appearance (with repeats)."""
    import emoji

    return [item["emoji"] for item in emoji.emoji_list(text)]


def author_role(author: str | None) -> Literal["resident", "organisation"] | None:
    """``organisation`` for the municipality, a project team, the editor ...
    (``privacy_terms.toml`` organisations), ``resident`` for anyone else, None without an
    author."""
    if author is None or not author.strip():
        return None
    return "organisation" if is_organisation(author) else "resident"


def speaks_for_organisation(author: str | None, officials: Iterable[str]) -> bool:
    """The author is someone the article names in a role of the organisation ("projectleider
    Ruben Dekker"; "wethouder Jansen" matches the author "Piet Jansen")."""
    if not author or not author.strip():
        return False
    name = normalise_name(author)
    words = name.split()
    for official in officials:
        known = normalise_name(official)
        if known == name or (" " not in known and words and words[-1] == known):
            return True
    return False


def organisation_name(author: str | None) -> str | None:
    """The organisation's name as written, white space tidied (kept: not personal data)."""
    return " ".join(author.split()) if author else None


@dataclass(frozen=True)
class RawComment:
    """A comment as read, before pseudonymisation: the input to ``build_comments``."""

    index: int
    author: str | None
    timestamp: datetime | None
    text: str
    parent_index: int | None
    depth: int


def build_comments(
    raws: list[RawComment],
    id_prefix: tuple[object, ...],
    matcher: NameMatcher,
    pseudonymiser: Pseudonymiser,
    officials: Iterable[str] = (),
) -> list[Comment]:
    """Pseudonymise and scrub raw comments into records.

    Args:
        raws: comments in order of appearance.
        id_prefix: parts before the index in ``make_id`` (content hash, thread key ...).
        matcher: names of the thread (``Pseudonymiser.name_matcher``).
        pseudonymiser: makes author pseudonyms and scrubs texts.
        officials: people the article names in a role of the organisation
            (``find_official_names``): their comments are the organisation's, under a
            pseudonym (a person's name is kept only for a desk or organisation).
    """
    officials = tuple(officials)
    comments = []
    for raw in raws:
        scrubbed = pseudonymiser.scrub(raw.text, matcher)
        role = author_role(raw.author)
        official = role == "resident" and speaks_for_organisation(raw.author, officials)
        comments.append(
            Comment(
                comment_id=make_id(*id_prefix, raw.index),
                index=raw.index,
                author=(
                    organisation_name(raw.author)
                    if role == "organisation"
                    else pseudonymiser.pseudonym(
                        raw.author, "medewerker" if official else "bewoner"
                    )
                ),
                author_role="organisation" if official else role,
                timestamp=raw.timestamp,
                text=scrubbed.text,
                parent_index=raw.parent_index,
                parent_id=(
                    make_id(*id_prefix, raw.parent_index) if raw.parent_index is not None else None
                ),
                depth=raw.depth,
                urls=extract_urls(scrubbed.text),
                emoji=extract_emoji(scrubbed.text),
                contains_email=scrubbed.contains_email,
                contains_phone=scrubbed.contains_phone,
            )
        )
    return comments


def make_thread(
    raws: list[RawComment],
    *,
    source_path: str,
    content_hash: str,
    layout: str,
    pseudonymiser: Pseudonymiser,
    title: str | None = None,
    article_text: str = "",
    published: datetime | None = None,
    extra_names: Iterable[str] = (),
    thread_key: object | None = None,
    project: str | None = None,
) -> Thread:
    """Build a scrubbed ``Thread`` from raw comments and article parts.

    Every name of the thread (authors, ``extra_names`` such as bylines, and names found in
    sign-offs and greetings) is removed from the title, the article and each comment.
    """
    texts = [title or "", article_text, *(r.text for r in raws)]
    names = pseudonymiser.collect_names([*(r.author for r in raws), *extra_names], texts)
    matcher = pseudonymiser.name_matcher(names)
    id_prefix: tuple[object, ...] = (
        (content_hash,) if thread_key is None else (content_hash, thread_key)
    )
    article_title = pseudonymiser.scrub(title, matcher).text if title else None
    article = pseudonymiser.scrub(article_text, matcher).text if article_text else ""
    officials = find_official_names(f"{title or ''}\n{article_text}")
    comments = build_comments(raws, id_prefix, matcher, pseudonymiser, officials)
    return Thread(
        thread_id=make_id(*id_prefix, "thread"),
        source_path=source_path,
        content_hash=content_hash,
        layout=layout,
        article_title=article_title,
        article_text=article,
        published=published,
        comments=comments,
        municipality=thread_municipality(article_title, article, comments),
        project=pseudonymiser.scrub(project, matcher).text if project else None,
    )


def thread_municipality(title: str | None, article: str, comments: Iterable[Comment]) -> str | None:
    """The official name of the municipality a thread is about: from its title and article,
    or, for a thread without article, from its comments; None when none is named."""
    from pipeline.ingest.municipalities import default_matcher

    matcher = default_matcher()
    found = matcher.match(f"{title or ''}\n\n{article}")
    if found is None and not article.strip():
        found = matcher.match("\n\n".join(c.text for c in comments))
    return found
