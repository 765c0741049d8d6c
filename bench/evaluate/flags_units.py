"""Shared steps of the blind flag-set exporters (heldout6 on): the seeded choice of whole
paragraphs per genre, the committed unit list, the ``--check`` of a side and the command line
with the files an export writes (``export_side``).

Each exporter keeps its own source reading and unit rule (paragraph cleaning); what they share
is how units are drawn from the paragraphs, written down once here so that a new set follows
the same rule. The unit files of heldout6-9 are byte-identical to those of the copies this
replaces.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, Protocol

from bench.evaluate.common import Provenance, eval_dir, sha256_text, write_csv

UNIT_LIST_COLUMNS = ("dataset", "unit_id", "text_sha256", "n_chars", "document")


class ParagraphLike(Protocol):
    """What the choice reads of an exporter's paragraph record."""

    @property
    def short(self) -> str: ...
    @property
    def genre(self) -> str: ...
    @property
    def text(self) -> str: ...


def select_units(
    paragraphs: Sequence[Any],
    blocked: set[str],
    *,
    genres: Sequence[str],
    seed: int,
    target_per_genre: int,
    max_per_document: int,
    min_words: int,
    private_hashes: frozenset[str] | set[str],
    names_private_person: Callable[[str], bool],
    split_sentences: Callable[[str], list[str]],
) -> tuple[list[tuple[Any, int, str]], dict[str, int]]:
    """Seeded sample of whole paragraphs per genre (``random.Random(seed + genre index)``), up
    to ``target_per_genre`` units each and ``max_per_document`` per document, back in document
    order: (paragraph, unit index, unit text), and the counts of skipped units. A unit is one
    sentence of ``min_words`` words or more, not seen before, not in ``blocked`` (other sets,
    reserved) and naming no private person."""
    skipped = {"short": 0, "duplicate": 0, "other_set_or_reserved": 0, "private_name": 0}
    seen: set[str] = set()
    per_document: Counter[str] = Counter()
    chosen: dict[int, list[tuple[Any, int, str]]] = {}
    for g_i, genre in enumerate(genres):
        order = [i for i, p in enumerate(paragraphs) if p.genre == genre]
        random.Random(seed + g_i).shuffle(order)
        n_units = 0
        for i in order:
            if n_units >= target_per_genre:
                break
            para = paragraphs[i]
            units: list[tuple[Any, int, str]] = []
            digests: list[str] = []
            for u_i, unit in enumerate(split_sentences(para.text)):
                unit = unit.strip()
                digest = sha256_text(unit)
                reason = None
                if len(unit.split()) < min_words:
                    reason = "short"
                elif digest in seen or digest in digests:
                    reason = "duplicate"
                elif digest in blocked:
                    reason = "other_set_or_reserved"
                elif digest in private_hashes or names_private_person(unit):
                    reason = "private_name"
                if reason:
                    skipped[reason] += 1
                    continue
                digests.append(digest)
                units.append((para, u_i, unit))
            if not units or per_document[para.short] + len(units) > max_per_document:
                continue
            seen.update(digests)
            per_document[para.short] += len(units)
            chosen[i] = units
            n_units += len(units)
    return [u for i in sorted(chosen) for u in chosen[i]], skipped


def paragraph_unit_rows(
    units: Sequence[tuple[Any, int, str]], *, dataset: str, id_prefix: str, document_prefix: str
) -> list[dict]:
    """The unit rows of units drawn from document paragraphs (``select_units``): unit id
    ``<id_prefix>-<short>-c<paragraph>-u<sentence>``, document ``<document_prefix>_<short>``."""
    return [
        dict(dataset=dataset, unit_id=f"{id_prefix}-{para.short}-c{para.index}-u{u_i}",
             document=f"{document_prefix}_{para.short}", path=para.path, text=text,
             text_sha256=sha256_text(text))
        for para, u_i, text in units
    ]  # fmt: skip


def document_counts(
    paragraphs: Sequence[Any],
    units: Sequence[tuple[Any, int, str]],
    rows: Sequence[dict],
    skipped: Counter,
    skipped_docs: Sequence[str],
) -> dict[str, Any]:
    """``unit_counts`` plus paragraphs per document, units per document kind and the number of
    documents the units come from."""
    counts = unit_counts(paragraphs, units, rows, skipped, skipped_docs)
    counts["paragraphs_per_document"] = dict(Counter(p.short for p in paragraphs))
    counts["units_per_kind"] = dict(Counter(p.kind for p, _, _ in units))
    counts["documents"] = len({p.short for p, _, _ in units})
    return counts


def unit_counts(
    paragraphs: Sequence[Any],
    units: Sequence[tuple[Any, int, str]],
    rows: Sequence[dict],
    skipped: dict[str, int],
    documents_reserved: list[str],
) -> dict[str, Any]:
    """The counts a set's provenance record keeps: paragraphs available and used, units per
    genre and document, words, skipped units and documents left out as reserved."""
    by_doc = Counter(r["document"] for r in rows)
    return {
        "paragraphs_available": dict(Counter(p.genre for p in paragraphs)),
        "paragraphs_used": len({(p.short, p.index) for p, _, _ in units}),
        "units": len(rows),
        "units_per_genre": dict(Counter(p.genre for p, _, _ in units)),
        "units_per_document": dict(sorted(by_doc.items())),
        "words": sum(len(r["text"].split()) for r in rows),
        "skipped": skipped,
        "documents_reserved": documents_reserved,
    }


def side_record(
    side: str, rows: Sequence[dict], counts: dict, sha256: dict[str, str], **source: Any
) -> dict[str, Any]:
    """The provenance record of a side's export: ``Provenance`` of the ``source``
    (repository, commit, paths, licence, note), the number of units and of units skipped as
    another set's or reserved (``unit_counts``), then the sha256 of each file read. An
    exporter adds its own keys after these."""
    prov = Provenance(
        dataset=f"flags_{side}",
        n_items=len(rows),
        excluded_reserved=counts["skipped"]["other_set_or_reserved"],
        **source,
    )
    record = asdict(prov)
    record["sha256"] = sha256
    return record


def unit_list_text(rows: Sequence[dict]) -> str:
    """The committed unit list (no texts) as CSV text."""
    handle = io.StringIO(newline="")
    writer = csv.DictWriter(handle, fieldnames=list(UNIT_LIST_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow(dict(dataset=r["dataset"], unit_id=r["unit_id"],
                             text_sha256=r["text_sha256"], n_chars=len(r["text"]),
                             document=r["document"]))  # fmt: skip
    return handle.getvalue()


def check_side(side: str) -> int:
    """Verify a side's committed files against the exported texts (``--check``)."""
    from bench.evaluate import flags_gold

    if side in flags_gold.ANNOTATIONS_PENDING and not flags_gold.annotations_path(side).is_file():
        gold = flags_gold.load_side(side, units_only=True)
        print(f"{side} ok: {len(gold.units)} units, annotations not written yet")
        return 0
    gold = flags_gold.load_side(side)
    kinds = Counter(a.kind for a in gold.annotations)
    print(f"{side} ok: {len(gold.units)} units, {len(gold.annotations)} annotations "
          f"{dict(sorted(kinds.items()))}")  # fmt: skip
    return 0


def write_side(
    out: Path, side: str, rows: Sequence[dict], record: dict, counts: dict, unit_list: Path | None
) -> None:
    """After the unit file: the provenance record (``<side>_PROVENANCE.json``, atomic), the
    committed unit list when ``unit_list`` is given (refused when it exists and differs) and
    the one-line summary of the export."""
    tmp = out / f"{side}_PROVENANCE.json.tmp"
    tmp.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, out / f"{side}_PROVENANCE.json")
    if unit_list is not None:
        listed = unit_list_text(rows)
        if unit_list.is_file() and unit_list.read_text(encoding="utf-8") != listed:
            raise SystemExit(f"{unit_list} exists and differs: not overwritten")
        unit_list.write_text(listed, encoding="utf-8")
    print(f"{len(rows)} units ({counts['words']} words) from {counts['paragraphs_used']} "
          f"paragraphs; per genre {counts['units_per_genre']}; per document "
          f"{counts['units_per_document']}; available {counts['paragraphs_available']}; "
          f"skipped {counts['skipped']} -> {out}")  # fmt: skip


def export_side(
    argv: Sequence[str] | None,
    *,
    side: str,
    description: str,
    unit_list: Path | None,
    columns: Sequence[str],
    build: Callable[[], tuple[list[dict], dict, Any]],
    record: Callable[[list[dict], dict, Any], dict],
    per_document: tuple[str, str] | None = None,
) -> int:
    """The command line of a set's exporter: ``--check`` verifies the committed files;
    otherwise ``build()`` gives (unit rows, counts, what the provenance needs besides), the
    units go to ``<eval dir>/flags/<side>_units.csv`` (atomic) and ``write_side`` writes the
    provenance ``record(rows, counts, extra)`` and, with ``--unit-list`` (offered when the set
    has a committed ``unit_list``), the unit list. ``--dry-run`` prints the counts; with
    ``per_document`` = (count key, label) the per-document counts only as a histogram
    ("units per plan: {4: 40}")."""
    parser = argparse.ArgumentParser(description=description)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="verify the committed files")
    group.add_argument(
        "--dry-run", action="store_true", help="print the counts only (nothing is written)"
    )
    if unit_list is not None:
        help_text = f"also write {unit_list.name} (refused when it differs)"
        group.add_argument("--unit-list", action="store_true", help=help_text)
    args = parser.parse_args(argv)
    if args.check:
        return check_side(side)
    rows, counts, extra = build()
    if args.dry_run:  # before a unit rule is committed, only counts may be looked at
        if per_document is None:
            print(json.dumps(counts, indent=1, ensure_ascii=False))
        else:
            key, label = per_document
            print(json.dumps({k: v for k, v in counts.items() if k != key}, indent=1))
            print(f"units per {label}:", dict(Counter(counts[key].values())))
        return 0
    out = eval_dir() / "flags"
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / f"{side}_units.csv", rows, columns)
    listed = unit_list if getattr(args, "unit_list", False) else None
    write_side(out, side, rows, record(rows, counts, extra), counts, listed)
    return 0


def pypdf_version() -> str:
    """The PDF reader's name and version, for a side's provenance record."""
    import pypdf

    return f"pypdf {pypdf.__version__}"
