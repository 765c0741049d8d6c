"""Export a fresh held-out pool of real Dutch tweets with a fair share of abuse (round 5).

Writes, outside the repository, ``<eval dir>/incivility_pool3/``:

``dalc_v1.csv`` + ``PROVENANCE.json``
    The Dutch Abusive Language Corpus v1.0 (DALC v1.0; Caselli et al., WOAH 2021): 8,156
    real Dutch tweets (2015-2020), sampled by keywords of heated debates (Paris attacks,
    elections, Sinterklaas, Black Lives Matter), by place (Zuid-Holland, Groningen) and from
    15 users who swear often, each labelled by hand ``abusive`` EXPLICIT / IMPLICIT / NOT
    (about 23 % abusive) with a target (INDIVIDUAL / GROUP / OTHER). Repository
    tommasoc80/DALC (GPL-3.0, LICENSE added the day of the upload). The current release has
    tweet ids and labels only, and the authors now share the full text under a data sharing
    agreement; the texts are read from ``TEXT_COMMIT``, the first upload, where train, dev
    and test were committed with their text (replaced by ids on 2021-04-28). Labels are as
    published at that commit (the authors later corrected the splits and some labels).

Privacy: the posting user's name and profile text in that file are not exported, every
@-mention in a text becomes ``@USER`` and an e-mail address ``EMAIL``. The texts are kept
as written otherwise (case, punctuation, links), unlike the lower-cased OP-NL texts of
round 3.

Columns: pool, row, source_id, text, label_name, label, offensive, target, collection,
source_split, text_sha256. ``label`` is the source's ``abusive`` label, which is broader
than the incivility the pipeline flags in some ways (implicit abuse, profanity) and
narrower in others; it is not the judgement of round 5. Duplicate texts, texts listed in
``../shared/reserved/`` and texts the project has judged before
(``tests/fixtures/real/incivility_flags_judged.csv``) are skipped.

Held-out: measure only (precision of the incivility flag, scanned once with frozen rules);
never train or tune word lists, patterns or thresholds on these texts. Nothing here is
committed: the texts are third-party posts, used for research evaluation only.

Run: ``python -m bench.evaluate.incivility_pool3_export``.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.evaluate.common import (
    ROOT,
    Provenance,
    eval_dir,
    git_head,
    git_show,
    reserved_hashes,
    sha256_text,
    write_csv,
)
from bench.evaluate.incivility_pool_export import keep_new

DATASET = "incivility_pool3"
POOL = "dalc_v1"
FIELDS = ["pool", "row", "source_id", "text", "label_name", "label", "offensive", "target",
          "collection", "source_split", "text_sha256"]  # fmt: skip

DALC = "tommasoc80/DALC"
TEXT_COMMIT = "0b168839dbe94b935fea10a97ad42442cc125d42"
SPLITS = ("train", "dev", "test")
TEXT_PATH = "data/dalc_v1_{split}.csv"
JUDGED = ROOT / "tests" / "fixtures" / "real" / "incivility_flags_judged.csv"
# an @-mention, also glued to a word before it ("hoi@naam", "via/@naam"); not the domain of
# an e-mail address ("info@gemeente.nl": a letter or digit before "@", a dot after the name)
_MENTION = re.compile(r"(?<!\w)@\w+|@\w+(?!\w*\.\w)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def strip_handles(text: str) -> str:
    """The text with runs of white space made one space, every @-mention ``@USER`` and
    every e-mail address ``EMAIL`` (links with "://" left alone)."""
    return " ".join(
        token if "://" in token else _MENTION.sub("@USER", _EMAIL.sub("EMAIL", token))
        for token in text.split()
    )


def dalc_rows(data: bytes, split: str) -> list[dict]:
    """Pool rows from one DALC v1.0 file of the text commit (tab-separated: id, text, user,
    offensive, abusive, target, source, user.description); user fields are dropped."""
    csv.field_size_limit(10**9)
    rows = []
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter="\t")
    for n, row in enumerate(reader):
        text = strip_handles(row.get("text") or "")
        rows.append({"pool": POOL, "row": f"{split}-{n}", "source_id": row["id"],
                     "text": text, "label_name": "abusive", "label": row["abusive"],
                     "offensive": row["offensive"], "target": row.get("target") or "",
                     "collection": row.get("source") or "", "source_split": split,
                     "text_sha256": sha256_text(text)})  # fmt: skip
    return rows


def judged_hashes(path: Path = JUDGED) -> set[str]:
    """Texts the project has judged in earlier rounds (by ``text_sha256``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["text_sha256"] for r in csv.DictReader(handle)}


def export(out: Path) -> int:
    """Write the pool into ``out/incivility_pool3``; returns the number of rows written."""
    folder = out / DATASET
    skip = reserved_hashes() | judged_hashes()
    raw: list[dict] = []
    for split in SPLITS:
        raw.extend(dalc_rows(git_show(DALC, TEXT_PATH.format(split=split), TEXT_COMMIT), split))
    rows, skipped = keep_new(raw, set(), skip)
    n = write_csv(folder / f"{POOL}.csv", rows, FIELDS)
    note = (f"DALC v1.0: real Dutch tweets 2015-2020 with the manual label 'abusive' "
            f"(EXPLICIT/IMPLICIT/NOT), 'offensive' and target. Texts of train, dev and test "
            f"from commit {TEXT_COMMIT} (the first upload; the current release has ids and "
            f"labels only, full text now under a data sharing agreement). User name and "
            f"profile text not exported, @-mentions replaced by @USER. {len(raw)} rows read, "
            f"{skipped} skipped (empty, duplicate, reserved or judged before). Held-out "
            f"round 5: measure only, never tune.")  # fmt: skip
    Provenance(DATASET, DALC, git_head(DALC),
               [f"{TEXT_COMMIT}:{TEXT_PATH.format(split=s)}" for s in SPLITS],
               "GPL-3.0 (repository LICENSE, added on the day of the text commit); tweets are "
               "third-party posts: research evaluation only, do not redistribute",
               note, n, skipped).write(folder)  # fmt: skip
    return n


def read_pool(out: Path | None = None) -> list[dict[str, str]]:
    """The exported rows (for the precision harness)."""
    path = (out or eval_dir()) / DATASET / f"{POOL}.csv"
    if not path.is_file():
        raise FileNotFoundError(f"{path} missing: run bench/evaluate/incivility_pool3_export.py")
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(list(argv) if argv is not None else None)
    out = eval_dir()
    print(f"{POOL}: {export(out)} rows -> {out / DATASET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
