"""Export a held-out pool of real Dutch posts with a fair share of uncivil text.

Writes, outside the repository, ``<eval dir>/incivility_pool2/``:

``ddts_politicians.csv`` + ``PROVENANCE.json``
    The Dutch Dynamic Test Set / "Offend the Politicians" benchmark (OP-NL, Theodoridis and
    Caselli, CLIN Journal 12, 2022): 1,500 real tweets of March 2021 addressed to members of
    the Tweede Kamer, each labelled by hand ``offensive`` 1/0 (539 / 961) with the annotator's
    confidence 1-4. Repository tommasoc80/DALC (GPL-3.0). The current release
    (``HEAD_PATH``) has row ids and labels only; the texts are read from ``TEXT_COMMIT``,
    where the authors had committed them (``TEXT_PATH``, removed again in September 2022).
    The labels of both versions are compared row by row and the export stops on any
    difference. The texts are as published there: lower-cased, punctuation removed, user
    mentions replaced by ``[USR]`` and links by ``URL``. The posting user's name and profile
    text in that file are not exported.
``ct22_covid.csv`` + ``ct22_PROVENANCE.json``
    A civil-leaning control of the same genre: the Dutch tweets about COVID-19 (2020) of the
    CLEF2022 CheckThat! lab, subtask 1C "harmful tweet" (train, dev and dev_test with their
    ``harmful`` 1/0 label; the test file is left out because its texts are damaged), read from
    the zip files in matttang7/CLEF2022-Task1 ("free for general research use").

Columns: pool, row, source_id, text, label_name, label, confidence, source_split,
text_sha256. ``label`` is the source's own label (``offensive`` for OP-NL, ``harmful`` for
CheckThat!), which is broader than the incivility the pipeline flags (threats, slurs,
dehumanisation): a flag on a post labelled 0 is a likely false positive, a post labelled 1
need not be flagged. Duplicate texts and texts listed in ``../shared/reserved/`` are skipped.

Held-out: these texts are for measuring only (precision of the incivility flag); never
train, tune word lists or thresholds on them. Nothing here is committed.

Run: ``python -m bench.evaluate.incivility_pool_export [--only ddts ct22]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.evaluate.common import (
    Provenance,
    eval_dir,
    git_head,
    git_show,
    reserved_hashes,
    sha256_text,
    write_csv,
)

DATASET = "incivility_pool2"
FIELDS = ["pool", "row", "source_id", "text", "label_name", "label", "confidence",
          "source_split", "text_sha256"]  # fmt: skip

DALC = "tommasoc80/DALC"
TEXT_COMMIT = "9268505b26befd660ad316f185ffdabd0d75e08c"
TEXT_PATH = "dynamic_testing/ddts.csv"
HEAD_PATH = "v2.0/Dutch_Dynamic_Testing_Politicians-DDTS/ddts.csv"

CT22 = "matttang7/CLEF2022-Task1"
CT22_COMMIT = "8a9bf00c3a880ae9c71e18f258c92aa834f45d44"
CT22_ZIP = "task1/data/subtasks-dutch/CT22_dutch_1C_harmful.zip"
CT22_SPLITS = {"CT22_dutch_1C_harmful_train.tsv": "train",
               "CT22_dutch_1C_harmful_dev.tsv": "dev",
               "CT22_dutch_1C_harmful_dev_test.tsv": "dev_test"}  # fmt: skip


class LabelMismatch(RuntimeError):
    """The labels at the text commit differ from those of the current release."""


def _csv_rows(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter=delimiter))


def ddts_rows(with_text: list[dict[str, str]], released: list[dict[str, str]]) -> list[dict]:
    """Pool rows from the OP-NL file with texts, checked against the ids-only release.

    Both files list the same 1,500 tweets in the same order; the release names the label
    ``offensive``, the older file ``predictions`` (the manual label, despite the name).

    Raises:
        LabelMismatch: the files differ in length, label or confidence.
    """
    if len(with_text) != len(released):
        raise LabelMismatch(f"{len(with_text)} rows with text, {len(released)} released")
    rows = []
    for n, (old, new) in enumerate(zip(with_text, released, strict=True)):
        if (old["predictions"], old["confidence"]) != (new["offensive"], new["confidence"]):
            raise LabelMismatch(f"row {n}: {old['predictions']}/{old['confidence']} != "
                                f"{new['offensive']}/{new['confidence']}")  # fmt: skip
        text = " ".join(old["text"].split())
        rows.append({"pool": "ddts_politicians", "row": n, "source_id": old["id"],
                     "text": text, "label_name": "offensive", "label": int(new["offensive"]),
                     "confidence": int(new["confidence"]), "source_split": "all",
                     "text_sha256": sha256_text(text)})  # fmt: skip
    return rows


def ct22_rows(archive: bytes) -> list[dict]:
    """Pool rows from the CheckThat! 2022 Dutch subtask-1C zip (train, dev, dev_test)."""
    rows = []
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        for name in sorted(zf.namelist()):
            split = CT22_SPLITS.get(Path(name).name)
            if split is None:
                continue
            for n, row in enumerate(_csv_rows(zf.read(name), delimiter="\t")):
                text = " ".join(row["tweet_text"].split())
                rows.append({"pool": "ct22_covid", "row": n, "source_id": row["tweet_id"],
                             "text": text, "label_name": "harmful",
                             "label": int(row["class_label"]), "confidence": "",
                             "source_split": split, "text_sha256": sha256_text(text)})  # fmt: skip
    return rows


def keep_new(rows: Iterable[dict], seen: set[str], reserved: set[str]) -> tuple[list[dict], int]:
    """Rows whose text is non-empty, not seen before and not reserved; and the number skipped."""
    kept, skipped = [], 0
    for row in rows:
        digest = row["text_sha256"]
        if not row["text"] or digest in seen or digest in reserved:
            skipped += 1
            continue
        seen.add(digest)
        kept.append(row)
    return kept, skipped


def export(out: Path, only: Iterable[str] = ("ddts", "ct22")) -> dict[str, int]:
    """Write the selected pools into ``out/incivility_pool2``; returns rows written per pool."""
    folder = out / DATASET
    reserved = reserved_hashes()
    seen: set[str] = set()
    written: dict[str, int] = {}
    only = set(only)
    if "ddts" in only:
        raw = ddts_rows(_csv_rows(git_show(DALC, TEXT_PATH, TEXT_COMMIT)),
                        _csv_rows(git_show(DALC, HEAD_PATH)))  # fmt: skip
        rows, skipped = keep_new(raw, seen, reserved)
        n = write_csv(folder / "ddts_politicians.csv", rows, FIELDS)
        note = (f"OP-NL / Dutch Dynamic Test Set: tweets to Dutch MPs, March 2021, manual "
                f"label 'offensive' (1/0) and confidence 1-4. Texts from commit {TEXT_COMMIT} "
                f"({TEXT_PATH}, later removed by the authors: the current release has ids and "
                f"labels only), labels checked equal to HEAD {HEAD_PATH}. User name and "
                f"profile text not exported. Held-out: measure only, never tune.")  # fmt: skip
        Provenance(DATASET, DALC, git_head(DALC), [f"{TEXT_COMMIT}:{TEXT_PATH}", HEAD_PATH],
                   "GPL-3.0 (repository LICENSE, present at the text commit); tweets are "
                   "third-party posts, use for research evaluation only, do not redistribute",
                   note, n, skipped).write(folder)  # fmt: skip
        written["ddts_politicians"] = n
    if "ct22" in only:
        rows, skipped = keep_new(ct22_rows(git_show(CT22, CT22_ZIP, CT22_COMMIT)), seen, reserved)
        n = write_csv(folder / "ct22_covid.csv", rows, FIELDS)
        prov = Provenance(
            DATASET, CT22, CT22_COMMIT, [CT22_ZIP], "'These datasets are free for general "
            "research use.' (README, CLEF2022 CheckThat! lab); tweets are third-party posts",
            "CheckThat! 2022 subtask 1C, Dutch COVID-19 tweets (2020), label 'harmful' (1/0); "
            "train+dev+dev_test, test left out (damaged texts). Held-out: measure only.",
            n, skipped)  # fmt: skip
        (folder / "ct22_PROVENANCE.json").write_text(
            json.dumps(asdict(prov), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        written["ct22_covid"] = n
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=["ddts", "ct22"], default=["ddts", "ct22"])
    args = parser.parse_args(argv)
    out = eval_dir()
    for pool, n in export(out, args.only).items():
        print(f"{pool}: {n} rows -> {out / DATASET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
