"""Labelled texts for training and evaluation: CSV with columns ``text`` and ``labels``
(theme slugs separated by ``;``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from pipeline.themes.taxonomy import Taxonomy

LABEL_COLUMNS = ("text", "labels")
LABEL_SEPARATOR = ";"


class LabelsError(ValueError):
    """A labels file cannot be used; the message is one line naming the file and problem."""


@dataclass(frozen=True)
class LabelledText:
    text: str
    labels: frozenset[str]


def read_labels(path: Path, taxonomy: Taxonomy) -> list[LabelledText]:
    """Read a labels CSV; level-2 labels also get their level-1 parent.

    Rows may have no labels (examples of none of the themes).

    Raises:
        LabelsError: the file is missing, unreadable or empty, a column is missing, a text is
            empty or a label is not a slug of the taxonomy.
    """
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            found = [c.strip() for c in reader.fieldnames or ()]
            missing = [c for c in LABEL_COLUMNS if c not in found]
            if missing:
                raise LabelsError(
                    f"{path}: missing column(s) {', '.join(missing)}; found "
                    f"{', '.join(found) or 'none'}; expected text,labels"
                )
            reader.fieldnames = found
            rows = list(reader)
    except FileNotFoundError:
        raise LabelsError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LabelsError(f"{path}: cannot read labels CSV: {exc}") from None
    if not rows:
        raise LabelsError(f"{path}: no labelled rows")
    out: list[LabelledText] = []
    for line, row in enumerate(rows, start=2):
        text = (row.get("text") or "").strip()
        if not text:
            raise LabelsError(f"{path}: line {line}: empty text")
        raw = (row.get("labels") or "").split(LABEL_SEPARATOR)
        slugs = {s.strip() for s in raw if s.strip()}
        unknown = sorted(s for s in slugs if s not in taxonomy)
        if unknown:
            raise LabelsError(
                f"{path}: line {line}: unknown theme slug(s) {', '.join(unknown)} "
                "(see pipeline/data/taxonomy.csv)"
            )
        out.append(LabelledText(text, frozenset(taxonomy.with_parents(slugs))))
    return out
