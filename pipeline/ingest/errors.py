"""The error every reader and parser raises for an input it cannot take, and how a library's
error is told to the user without quoting the input."""

from __future__ import annotations

import re


class InputError(ValueError):
    """An input cannot be read; the message is one line for the user."""


_QUOTED = re.compile(r"""b?'[^']*'|b?"[^"]*\"""")


def describe(exc: BaseException, max_chars: int = 120) -> str:
    """An exception as one line that quotes nothing from the input.

    Library errors often quote what they choked on (pypdf: ``Invalid Elementary Object
    starting with b'...'``), which may be a resident's name; quoted parts become ``'…'``.
    """
    detail = _QUOTED.sub("'…'", " ".join(str(exc).split()))
    if len(detail) > max_chars:
        detail = detail[: max_chars - 1] + "…"
    return f"{exc.__class__.__name__}: {detail}" if detail else exc.__class__.__name__
