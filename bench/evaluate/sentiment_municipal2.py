"""Candidates for the second municipal held-out sentiment set (round 3, issue #13).

The first municipal set (``tests/fixtures/real/sentiment_municipal.csv``, 324 participation
texts) was looked at while the model and rules were tuned; from round 3 it is development
data. This script draws a fresh sample of real participation texts from the zoning-plan
explanations of Babakfifoo/dutch_embedding_llm (reserved plans and all their versions
skipped), from plans of the *municipal2* plan groups: ``plan_group`` 2-6, i.e.
``sha256(plan id)[:8] % 10`` in {2, 3, 4, 5, 6} (``sentiment_fresh.plan_group``; group 0 is the
fresh held-out group, 1 the dev group). No earlier evaluation used these groups, and from
round 3 on ``scripts/train_sentiment.py`` leaves them out of its weakly labelled training
texts. Plans with a text in an earlier labelled set are skipped; one version per plan (the
first in path order).

Two pools, in this order, at most ``--per-plan`` paragraphs per plan overall:

1. ``view`` (all of it, seeded shuffle): every paragraph of the plan text (not only those the
   ``municipal_comments`` export keeps) of 60-1,000 characters in which a participant
   (reclamant, indiener, inspreker, bezwaarmaker, omwonenden, bewoners, belanghebbenden,
   appellant) is followed within four words by a verb that reports what they said or felt
   (vindt, stelt, geeft aan, vraagt, verzoekt, vreest, is van mening, is het (niet) eens,
   heeft aangegeven / bezwaar / zorgen, is positief / tevreden / blij / tegen ...). The
   reporting phrases are symmetric (approval and objection alike); no sentiment word of the
   text itself is used.
2. ``export`` (seeded shuffle, to fill up to ``--n``): the paragraphs of these plans that the
   ``municipal_comments`` export keeps as kind ``participation`` (they name the
   participation: zienswijzen, inspraakreacties, reclamanten ...), mostly procedure.

The candidates are written, outside the repository, to
``<eval dir>/sentiment_municipal2/candidates.csv`` for labelling by hand; the labels are in
``tests/fixtures/real/sentiment_municipal2.csv`` (keyed by path, paragraph number, candidate
number and ``text_sha256``; conventions in ``docs/evaluation.md``).

Run: ``python bench/evaluate/sentiment_municipal2.py`` (needs the fetched repository and the
``municipal_comments`` export of ``sentiment_data.py``).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.evaluate.common import (
    ROOT,
    Provenance,
    eval_dir,
    git_ls,
    reserved_paths,
    sha256_text,
    write_csv,
)
from bench.evaluate.sentiment_data import PLANS, PLANS_COMMIT, _batch_show, _clean, _plan_id
from bench.evaluate.sentiment_fresh import plan_group

LABELLED = [ROOT / "tests" / "fixtures" / "real" / name
            for name in ("sentiment_municipal.csv", "sentiment_fresh.csv")]  # fmt: skip
MUNICIPAL2_GROUPS = (2, 3, 4, 5, 6)
SEED = 1302
MIN_CHARS, MAX_CHARS = 60, 1000
PARTICIPANT_VIEW = re.compile(
    r"\b(?:reclamant(?:en)?|indieners?|insprekers?|bezwaarmakers?|omwonenden?|"
    r"(?:buurt)?bewoners?|belanghebbenden?|appellanten?)\b(?:\W+\w+){0,3}?\W+"
    r"(?:vind|vindt|vinden|vonden|stelt|stellen|stelden|geeft|geven|gaven|wijst|wijzen|"
    r"vraagt|vragen|vroegen|verzoekt|verzoeken|meent|menen|betoogt|betogen|voert|voeren|"
    r"acht|achten|ervaart|ervaren|merkt|merken|brengt|brengen|reageert|reageren|reageerden|"
    r"vreest|vrezen|is van mening|zijn van mening|(?:is|zijn) (?:het )?(?:niet )?"
    r"eens|(?:heeft|hebben|is|zijn) (?:\w+ )?(?:aangegeven|gevraagd|verzocht|gereageerd|"
    r"gesteld|opgemerkt|aangevoerd|gewezen|bezwaar|zorgen|positief|negatief|tevreden|"
    r"ontevreden|blij|bang|tegen|voor)|steunt|steunen|waardeert|waarderen|mist|missen)\b",
    re.IGNORECASE,
)


def candidates(n: int, per_plan: int) -> list[dict[str, str]]:
    """The candidate rows, in a fixed shuffled order."""
    used_paths: set[str] = set()
    used_hashes: set[str] = set()
    for labelled in LABELLED:
        with labelled.open(encoding="utf-8", newline="") as handle:
            for r in csv.DictReader(handle):
                used_paths.add(r.get("path", ""))
                used_hashes.add(r["text_sha256"])
    used_plans = {_plan_id(p) for p in used_paths if p}
    reserved = {_plan_id(p) for p in reserved_paths() if p.startswith("data/plan_documents/")}
    first_version: dict[str, str] = {}
    for path in sorted(git_ls(PLANS, "data/plan_documents/md/", PLANS_COMMIT)):
        plan = _plan_id(path)
        if plan in reserved or plan in used_plans or plan_group(path) not in MUNICIPAL2_GROUPS:
            continue
        first_version.setdefault(plan, path)
    pool: list[dict[str, str]] = []
    seen: set[str] = set()
    for path, doc in _batch_show(PLANS, PLANS_COMMIT, sorted(first_version.values())):
        for k, para in enumerate(re.split(r"\n\s*\n", doc)):
            text = _clean(para)
            digest = sha256_text(text)
            if not MIN_CHARS <= len(text) <= MAX_CHARS or digest in seen or digest in used_hashes:
                continue
            if PARTICIPANT_VIEW.search(text):
                seen.add(digest)
                pool.append({"split": "heldout", "dataset": "plan_documents", "repository": PLANS,
                             "commit": PLANS_COMMIT, "path": path, "part": str(k), "text": text,
                             "text_sha256": digest})  # fmt: skip
    rng = random.Random(SEED)
    rng.shuffle(pool)
    per: dict[str, int] = {}
    out: list[dict[str, str]] = []
    for row in pool:
        plan = _plan_id(row["path"])
        if per.get(plan, 0) >= per_plan:
            continue
        per[plan] = per.get(plan, 0) + 1
        out.append({**row, "pool": "view"})
    # second pool: the export's participation paragraphs (PARTICIPATION_CUE) of these plans
    taken = {r["text_sha256"] for r in out}
    second: list[dict[str, str]] = []
    for row in _export_rows():
        plan = _plan_id(row["path"])
        if (
            plan not in first_version
            or row["path"] != first_version[plan]
            or row["kind"] != "participation"
            or row["text_sha256"] in taken
            or row["text_sha256"] in used_hashes
            or len(row["text"]) > MAX_CHARS
        ):
            continue
        taken.add(row["text_sha256"])
        second.append({"split": "heldout", "dataset": "plan_documents", "repository": PLANS,
                       "commit": PLANS_COMMIT, "path": row["path"], "part": f"e{row['part']}",
                       "text": row["text"], "text_sha256": row["text_sha256"],
                       "pool": "export"})  # fmt: skip
    rng.shuffle(second)
    for row in second:
        plan = _plan_id(row["path"])
        if per.get(plan, 0) >= per_plan:
            continue
        per[plan] = per.get(plan, 0) + 1
        out.append(row)
    return out[:n]


def _export_rows() -> list[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    path = eval_dir() / "municipal_comments" / "municipal_comments.csv"
    if not path.is_file():
        raise SystemExit(f"error: {path} missing; run bench/evaluate/sentiment_data.py first")
    with path.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle) if r["source"] == "plan"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=460)
    parser.add_argument("--per-plan", type=int, default=3)
    args = parser.parse_args(argv)
    rows = candidates(args.n, args.per_plan)
    folder = eval_dir() / "sentiment_municipal2"
    fields = ["split", "dataset", "repository", "commit", "path", "part", "pool", "text",
              "text_sha256"]  # fmt: skip
    n = write_csv(folder / "candidates.csv", rows, fields)
    Provenance("sentiment_municipal2", PLANS, PLANS_COMMIT, ["data/plan_documents/md/"],
               "public government documents (Auteurswet art. 15b)",
               f"candidates for hand labelling: plan groups {MUNICIPAL2_GROUPS}, seed {SEED}",
               n).write(folder)  # fmt: skip
    print(f"{n} candidates -> {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
