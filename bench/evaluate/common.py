"""Shared helpers of the evaluation harness: where data lives, reading fetched repositories,
provenance records, reserved rows, and the figures every report uses.

Layout (outside the repository, never committed)::

    <eval dir>/<dataset>/PROVENANCE.json   repository, commit, paths, licence, exported_at
    <eval dir>/<dataset>/*.csv|jsonl|txt   the exported texts

Labels written by the project live in the repository (``tests/fixtures/real/``) and refer to
texts by dataset, source row and ``text_sha256`` (``sha256_text``), never by copying them.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GEMEENTETAAL_SHARED", ROOT.parent / "shared"))
MIRROR = Path(os.environ.get("GEMEENTETAAL_MIRROR", "/work/.mirror"))
RESERVED = SHARED / "reserved"


def eval_dir() -> Path:
    """The evaluation data folder: ``GEMEENTETAAL_EVAL_DIR`` or ``../evaldata``."""
    return Path(os.environ.get("GEMEENTETAAL_EVAL_DIR", ROOT.parent / "evaldata"))


def sha256_text(text: str) -> str:
    """SHA-256 of the stripped text, UTF-8, as hex (how reserved rows are listed too)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def git_dir(repository: str) -> Path:
    """The bare git directory of a fetched repository (``owner/name``): ``repo`` itself, or
    ``repo/.git`` where the snapshot arrived with its git directory inside.

    Raises:
        FileNotFoundError: the repository was not fetched on this machine.
    """
    path = MIRROR / repository.replace("/", "+") / "repo"
    if not (path / "HEAD").is_file() and (path / ".git" / "HEAD").is_file():
        path = path / ".git"
    if not path.is_dir():
        raise FileNotFoundError(
            f"{repository} is not fetched ({path} missing): fetch it first, see docs/evaluation.md"
        )
    return path


def git_head(repository: str) -> str:
    """The commit the fetched snapshot of ``repository`` is at."""
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir(repository)), "rev-parse", "HEAD"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return out.stdout.strip()


def git_show(repository: str, path: str, commit: str = "HEAD") -> bytes:
    """The bytes of ``path`` at ``commit`` in a fetched repository."""
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir(repository)), "show", f"{commit}:{path}"],
        check=True, capture_output=True,
    )  # fmt: skip
    return out.stdout


def git_ls(repository: str, prefix: str = "", commit: str = "HEAD") -> list[str]:
    """Paths of the files under ``prefix`` at ``commit``."""
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir(repository)), "ls-tree", "-r", "--name-only", commit,
         "--", prefix or "."],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return [line for line in out.stdout.splitlines() if line]


@dataclass
class Provenance:
    """Where an exported dataset came from."""

    dataset: str
    repository: str
    commit: str
    paths: list[str]
    licence: str
    note: str = ""
    n_items: int = 0
    excluded_reserved: int = 0
    exported_at: str = field(
        default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds")
    )

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "PROVENANCE.json").write_text(
            json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def read_provenance(folder: Path) -> Provenance:
    return Provenance(**json.loads((folder / "PROVENANCE.json").read_text(encoding="utf-8")))


def reserved_hashes(name: str = "amsterdam_simplification_rows.tsv") -> set[str]:
    """The ``sha256`` column of a reserved-rows list in ``../shared/reserved``."""
    hashes: set[str] = set()
    path = RESERVED / name
    with path.open(encoding="utf-8") as handle:
        rows = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            hashes.add(row["sha256"].strip())
    return hashes


def reserved_paths(name: str = "plan_documents_reserved.txt") -> set[str]:
    """Repository paths listed in a reserved-files list (comments skipped)."""
    path = RESERVED / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


# Shapes the exporters' unit rules share: a paragraph that ends a sentence (a closing quote
# or bracket may follow), a run of three numbers (a table line flattened into text), a line
# that starts like a sentence.
ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
NUMBER_RUN = re.compile(r"(?:^|\s)[-\d][\d.,]*\s+[-\d][\d.,]*\s+[-\d][\d.,]*(?:\s|$)")
STARTS_UPPER = re.compile(r"^[\"'‘“(]?[A-Z0-9À-Ý]")


def reserved_first_fields() -> set[str]:
    """Every first field of every line of the files in ``../shared/reserved/`` (hashes,
    paths or ids, whatever a list holds), for exporters that skip anything listed."""
    out: set[str] = set()
    if RESERVED.is_dir():
        for path in RESERVED.iterdir():
            if path.is_file():
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    if line.strip():
                        out.add(line.split("\t")[0].strip())
    return out


def other_flag_set_units(own: str) -> set[str]:
    """Unit hashes of the committed writing-advice sets other than ``own`` ("heldout5")."""
    out: set[str] = set()
    for path in (ROOT / "tests" / "fixtures" / "real").glob("flags_units_*.csv"):
        if own in path.name:
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            out.update(row["text_sha256"] for row in csv.DictReader(handle))
    return out


def write_csv(
    path: Path, rows: Iterable[dict], fieldnames: Sequence[str], extrasaction: str = "raise"
) -> int:
    """Write rows as UTF-8 CSV, atomically (a temporary file beside ``path`` replaces it
    only when complete); returns the number of rows. ``extrasaction="ignore"`` leaves out
    keys that are not in ``fieldnames``."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(fieldnames), extrasaction=extrasaction)  # type: ignore[arg-type]
            writer.writeheader()
            for row in rows:
                writer.writerow(row)
                n += 1
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


# --- figures -------------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int | None]:
    """Precision, recall and F1 with the counts they come from (None when undefined)."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def balanced_accuracy(y_true: Sequence[bool], y_pred: Sequence[bool]) -> float | None:
    """Mean of the recall of each class (None when a class is missing)."""
    pos = [p for t, p in zip(y_true, y_pred, strict=True) if t]
    neg = [not p for t, p in zip(y_true, y_pred, strict=True) if not t]
    if not pos or not neg:
        return None
    return (sum(pos) / len(pos) + sum(neg) / len(neg)) / 2


def auc(y_true: Sequence[bool], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve (Mann-Whitney U; ties count half)."""
    pos = [s for t, s in zip(y_true, scores, strict=True) if t]
    neg = [s for t, s in zip(y_true, scores, strict=True) if not t]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))
