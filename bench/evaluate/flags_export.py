"""Export the texts of the writing-advice gold units and check the annotations against them.

Usage::

    python -m bench.evaluate.flags_export                  # write <eval dir>/flags/units.csv
    python -m bench.evaluate.flags_export --propose-split  # (re)build the unit lists; refuses
                                                           # to overwrite committed ones

The unit texts (Amsterdam sentences and seed lines) go to ``<eval dir>/flags/units.csv``
(``dataset, unit_id, text_sha256, text``) with a ``PROVENANCE.json``; every unit hash and
every annotation span in ``tests/fixtures/real/flags_*.csv`` is checked and the run fails
when one does not fit. Reserved Amsterdam rows (``../shared/reserved``) are skipped by hash,
never read further, and counted. How units are cut and split: ``docs/evaluation.md``,
"Writing-advice annotations".
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.evaluate.common import (
    Provenance,
    eval_dir,
    git_head,
    git_show,
    reserved_hashes,
    sha256_text,
    write_csv,
)
from bench.evaluate.flags_gold import (
    AMSTERDAM,
    SEEDS,
    UNIT_COLUMNS,
    UNITS_CSV,
    UnitRef,
    check_against_texts,
    cut_seed_units,
    read_annotations,
    read_seed_file,
    read_unit_refs,
    seeds_dir,
    units_path,
)
from bench.evaluate.flags_gold import (
    SPLIT_SIDES as SIDES,
)

REPOSITORY = "Amsterdam-AI-Team/dutch-municipal-text-simplification"
CSV_PATH = "complex-simple-sentences/complex-simple-v1-anonymized.csv"
LICENCE = "EUPL-1.2"
SEED_GLOB = "00[0-3]_*.txt"

# The split, fixed before annotating (docs/evaluation.md). Held-out: the held-out documents
# of levels_split.json (h-level) plus the small documents that split leaves out.
_HELDOUT_DOC_NUMBERS = (4, 11, 14, 16, 17, 20, 22, 25, 26, 27, 38, 46, 48)
_UNSPLIT_DOC_NUMBERS = (2, 3, 8, 9, 10, 37, 43, 44, 45)
HELDOUT_DOCS = frozenset(str(n) for n in _HELDOUT_DOC_NUMBERS + _UNSPLIT_DOC_NUMBERS)
DEV_COMPLEX_MOD = 3
SIMPLE_MOD = {"dev": 8, "heldout": 4}
_REDACTED = re.compile(r"^(?:x{3}\s*)+$", re.IGNORECASE)


@dataclass(frozen=True)
class AmsterdamRow:
    index: int
    document: str
    complex: str
    simple: str


def read_amsterdam(commit: str = "HEAD") -> tuple[list[AmsterdamRow], int]:
    """Usable rows (not reserved) and the number of reserved rows skipped.

    Reserved rows are recognised by the hash of their stripped Complex text; neither of their
    cells is kept.
    """
    reserved = reserved_hashes()
    raw = git_show(REPOSITORY, CSV_PATH, commit).decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    expected = {"Document ID", "Complex", "Simple"}
    if not expected <= set(reader.fieldnames or ()):
        raise ValueError(f"{CSV_PATH}: expected columns {sorted(expected)}")
    rows: list[AmsterdamRow] = []
    n_reserved = 0
    for index, row in enumerate(reader):
        complex_ = (row["Complex"] or "").strip()
        if sha256_text(complex_) in reserved:
            n_reserved += 1
            continue
        rows.append(AmsterdamRow(index, row["Document ID"].strip(), complex_,
                                 (row["Simple"] or "").strip()))  # fmt: skip
    return rows, n_reserved


def _hash_int(text: str) -> int:
    return int(sha256_text(text), 16)


def propose_split(rows: list[AmsterdamRow], seed_folder: Path) -> dict[str, list[UnitRef]]:
    """The unit lists of both sides from the selection rules (see module docs)."""
    reserved = reserved_hashes()
    sides: dict[str, list[UnitRef]] = {side: [] for side in SIDES}
    taken: set[str] = set()
    usable: list[AmsterdamRow] = []
    for row in rows:
        digest = sha256_text(row.complex)
        if not row.complex or _REDACTED.match(row.complex) or digest in taken:
            continue
        taken.add(digest)
        usable.append(row)
    chosen: set[str] = set()
    for row in usable:
        side = "heldout" if row.document in HELDOUT_DOCS else "dev"
        if side == "dev" and _hash_int(row.complex) % DEV_COMPLEX_MOD:
            continue
        chosen.add(sha256_text(row.complex))
        sides[side].append(_ref(f"row{row.index}-complex", row.complex, row.document))
    for row in usable:
        side = "heldout" if row.document in HELDOUT_DOCS else "dev"
        digest = sha256_text(row.simple)
        if (
            not row.simple
            or _REDACTED.match(row.simple)
            or row.simple == row.complex
            or digest in chosen
            or digest in taken
            or digest in reserved
            or _hash_int(row.simple) % SIMPLE_MOD[side]
        ):
            continue
        chosen.add(digest)
        sides[side].append(_ref(f"row{row.index}-simple", row.simple, row.document))
    for side in SIDES:
        sides[side].sort(key=lambda r: (int(r.unit_id[3:].split("-")[0]), r.unit_id))
    for ref in _seed_refs(seed_folder):
        sides["heldout"].append(ref)
    return sides


def _ref(unit_id: str, text: str, document: str, dataset: str = AMSTERDAM) -> UnitRef:
    return UnitRef(dataset, unit_id, sha256_text(text), len(text), document)


# Seed lines that are units (running text, or a list item that is a clause); every other
# non-empty line is a heading, label, verbless list item, table rule or page footer. Chosen
# by reading the files, before annotating; see docs/evaluation.md.
SEED_UNITS: dict[str, tuple[int, ...]] = {
    "000_9ac379a1666262db.txt": (109, 566, 826, 1624, 1855, 2164, 2504, 2863),
    "001_b38974441f26e984.txt": (
        101,
        634,
        971,
        1262,
        1307,
        1451,
        1508,
        1629,
        1760,
        1937,
        2111,
        2196,
        2352,
        2437,
        2563,
        2626,
        2691,
        2766,
        2898,
        3346,
    ),
    "002_17421683e6316143.txt": (101, 886, 1355, 1574),
    "003_9b20ffb5df348a55.txt": (182, 869, 1245, 1755, 2167),
}


def _seed_refs(folder: Path) -> Iterator[UnitRef]:
    for name, offsets in SEED_UNITS.items():
        path = folder / name
        if not path.is_file():
            raise FileNotFoundError(f"seed file {path} not found (set GEMEENTETAAL_SEEDS)")
        lines = dict(cut_seed_units(read_seed_file(path)))
        for offset in offsets:
            if offset not in lines:
                raise ValueError(f"{name}: no line starts at offset {offset}")
            yield _ref(f"{name}:{offset}", lines[offset], name, dataset=SEEDS)


def unit_texts(rows: list[AmsterdamRow], refs: list[UnitRef], folder: Path) -> dict:
    """Texts of the listed units: Amsterdam cells by row, seed lines by offset."""
    by_index = {row.index: row for row in rows}
    seed_lines: dict[str, dict[int, str]] = {}
    texts: dict[tuple[str, str], str] = {}
    for ref in refs:
        if ref.dataset == AMSTERDAM:
            match = re.fullmatch(r"row(\d+)-(complex|simple)", ref.unit_id)
            row = by_index.get(int(match.group(1))) if match else None
            if match and row is not None:
                texts[(AMSTERDAM, ref.unit_id)] = (
                    row.complex if match.group(2) == "complex" else row.simple
                )
        elif ref.dataset == SEEDS:
            name, _, offset = ref.unit_id.rpartition(":")
            if name not in seed_lines:
                path = folder / name
                if path.is_file():
                    seed_lines[name] = dict(cut_seed_units(read_seed_file(path)))
            text = seed_lines.get(name, {}).get(int(offset))
            if text is not None:
                texts[(SEEDS, ref.unit_id)] = text
    return texts


def export(out_dir: Path | None = None, seed_folder: Path | None = None) -> dict[str, int]:
    """Write the unit texts and provenance, check every annotation; returns counts.

    Raises:
        ValueError: a unit or annotation does not fit the texts (all problems listed).
    """
    seed_folder = seed_folder or seeds_dir()
    folder = (out_dir or eval_dir()) / UNITS_CSV[0]
    commit = git_head(REPOSITORY)
    rows, n_reserved = read_amsterdam(commit)
    refs = {side: read_unit_refs(side) for side in SIDES}
    all_refs = refs["dev"] + refs["heldout"]
    texts = unit_texts(rows, all_refs, seed_folder)
    problems: list[str] = []
    for side in SIDES:
        problems += [f"{side}: {p}" for p in
                     check_against_texts(refs[side], read_annotations(side), texts)]  # fmt: skip
    if problems:
        raise ValueError("gold annotations do not fit the texts:\n  " + "\n  ".join(problems))
    out_rows = [
        {"dataset": r.dataset, "unit_id": r.unit_id, "text_sha256": r.text_sha256,
         "text": texts[(r.dataset, r.unit_id)]}
        for r in all_refs
    ]  # fmt: skip
    tmp = folder / (UNITS_CSV[1] + ".tmp")
    n = write_csv(tmp, out_rows, ("dataset", "unit_id", "text_sha256", "text"))
    tmp.replace(folder / UNITS_CSV[1])
    seed_names = sorted(SEED_UNITS)
    Provenance(
        dataset="flags",
        repository=REPOSITORY,
        commit=commit,
        paths=[CSV_PATH],
        licence=LICENCE,
        note=(
            "Units of the writing-advice gold annotations (tests/fixtures/real/flags_*.csv): "
            "stripped Complex/Simple cells of the Amsterdam complex/simple sentences, and lines "
            f"of the seed programme texts {', '.join(seed_names)} (../shared/seeds, real "
            "municipal budget and annual-report chapters; unit id <file>:<offset>). Reserved "
            "rows skipped by sha256 of the stripped Complex text. Cut and split rules: "
            "docs/evaluation.md, 'Writing-advice annotations'."
        ),
        n_items=n,
        excluded_reserved=n_reserved,
    ).write(folder)
    counts = {f"units_{side}": len(refs[side]) for side in SIDES}
    counts.update(items=n, excluded_reserved=n_reserved)
    return counts


def write_split(force: bool = False, seed_folder: Path | None = None) -> dict[str, int]:
    """Write ``flags_units_{dev,heldout}.csv`` from the selection rules."""
    paths = {side: units_path(side) for side in SIDES}
    existing = [p for p in paths.values() if p.exists()]
    if existing and not force:
        raise FileExistsError(
            f"{existing[0]} exists: the split is fixed once annotation starts (use --force "
            "only before annotating)"
        )
    rows, _ = read_amsterdam(git_head(REPOSITORY))
    sides = propose_split(rows, seed_folder or seeds_dir())
    for side, refs in sides.items():
        write_csv(paths[side], (vars(r) for r in refs), UNIT_COLUMNS)
    return {side: len(refs) for side, refs in sides.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--propose-split", action="store_true",
                        help="write the unit lists from the selection rules")  # fmt: skip
    parser.add_argument("--force", action="store_true", help="overwrite unit lists")
    parser.add_argument("--out", type=Path, default=None, help="evaluation data folder")
    args = parser.parse_args(argv)
    try:
        counts = write_split(args.force) if args.propose_split else export(args.out)
    except (FileNotFoundError, FileExistsError, ValueError) as exc:
        print(f"flags_export: {exc}", file=sys.stderr)
        return 1
    for key, value in counts.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
