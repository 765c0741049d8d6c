"""Candidate texts for the second hand-labelled sentiment sets (fresh held-out and development).

The first labelled set (``tests/fixtures/real/sentiment_municipal.csv``, 324 participation
texts) was looked at while tuning. This script draws two new, disjoint samples of real text
from the exports of ``sentiment_data.py`` and writes them, outside the repository, to
``<eval dir>/sentiment_fresh/candidates.csv`` for labelling by hand:

- **heldout**: never used for training, tuning or choosing rules; measured once at the end.
  Sentences of bol.com reviews from the *test* half (one sentence per review: the informal
  register of consumer comments, with the neutral sentences that reviews contain), and
  participation paragraphs of zoning plans in the *fresh* plan group (plan id hash
  ``% 10 == 0``), which the training script leaves out entirely.
- **dev**: labelled to train and cross-validate the shipped model: sentences of bol.com
  reviews from the *train* half and participation paragraphs of plans in the *dev* group
  (``% 10 == 1``).

Plans that have a text in the first labelled set are in neither group. The labels are in
``tests/fixtures/real/sentiment_fresh.csv`` (keyed by dataset, row, sentence number and
``text_sha256``); conventions in ``docs/evaluation.md``.

Run: ``python bench/evaluate/sentiment_fresh.py`` (after ``sentiment_data.py``).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.evaluate.common import ROOT, Provenance, eval_dir, sha256_text, write_csv

FIRST_SET = ROOT / "tests" / "fixtures" / "real" / "sentiment_municipal.csv"
SEED = 2026
FRESH_GROUP, DEV_GROUP = 0, 1
MIN_WORDS, MAX_CHARS = 4, 600
# Whole test-half reviews (row numbers) with an insult or an abusive-looking word, found by
# reading every review that has one of a broad list of such words: the real uncivil texts
# (and near misses) of the held-out set.
INCIVILITY_REVIEWS = ("905", "6", "2444", "2641", "2171", "2387", "1594")
# a paragraph about what residents said, or the answer to it (not technical plan text)
SPEAKER = re.compile(
    r"\b(?:reclamanten?|indieners?|insprekers?|bezwaarmakers?|"
    r"(?:omwonenden|bewoners|buurtbewoners) (?:geven|vinden|vrezen|maken|zijn|hebben|willen|"
    r"vragen|stellen|wijzen)|u (?:geeft|voert|vraagt|stelt|bent|maakt|wijst|vreest)|"
    r"ik|wij|we|mijn|onze?)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def plan_group(path: str) -> int:
    """The group (0-9) of a zoning plan, from the hash of its plan id (not of the version)."""
    plan = re.sub(r"-[^-]*\.md$", "", path.split("t_", 1)[-1])
    return int(sha256_text(plan)[:8], 16) % 10


def review_sentences(text: str) -> list[str]:
    """The sentences of a review (a simple split on end marks before a capital)."""
    out = []
    for part in _SENTENCE_END.split(" ".join(text.split())):
        part = part.strip()
        if len(part.split()) >= MIN_WORDS and len(part) <= MAX_CHARS:
            out.append(part)
    return out


def _read(dataset: str) -> list[dict[str, str]]:
    path = eval_dir() / dataset / f"{dataset}.csv"
    if not path.is_file():
        raise SystemExit(f"error: {path} missing; run bench/evaluate/sentiment_data.py first")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def candidates(n_reviews: int, n_plans: int, per_plan: int = 3, n_extra: int = 30) -> list[dict]:
    """The candidate rows of both splits, in a fixed shuffled order per split and source."""
    rng = random.Random(SEED)
    rows: list[dict] = []
    reviews = _read("bol_reviews")
    for split, half in (("heldout", "test"), ("dev", "train")):
        pool = [r for r in reviews if r["split"] == half]
        rng.shuffle(pool)
        taken = 0
        for review in pool:
            sentences = review_sentences(review["text"])
            if not sentences:
                continue
            k = rng.randrange(len(sentences))
            text = sentences[k]
            rows.append({"split": split, "dataset": "bol_reviews", "row": review["row"],
                         "part": k, "path": "", "text": text,
                         "text_sha256": sha256_text(text)})  # fmt: skip
            taken += 1
            if taken >= n_reviews:
                break
    with FIRST_SET.open(encoding="utf-8", newline="") as handle:
        first = list(csv.DictReader(handle))
    first_paths = {r["path"] for r in first}
    first_hashes = {r["text_sha256"] for r in first}
    plans = [r for r in _read("municipal_comments") if r["source"] == "plan"]
    for split, group in (("heldout", FRESH_GROUP), ("dev", DEV_GROUP)):
        pool = [
            r for r in plans
            if plan_group(r["path"]) == group and r["path"] not in first_paths
            and r["text_sha256"] not in first_hashes and len(r["text"]) <= 900
            and SPEAKER.search(r["text"]) and r["kind"] != "answer"
        ]  # fmt: skip
        rng.shuffle(pool)
        per: dict[str, int] = {}
        seen: set[str] = set()
        taken = 0
        for row in pool:
            plan = re.sub(r"-[^-]*\.md$", "", row["path"])
            if per.get(plan, 0) >= per_plan or row["text_sha256"] in seen:
                continue
            per[plan] = per.get(plan, 0) + 1
            seen.add(row["text_sha256"])
            rows.append({"split": split, "dataset": "municipal_comments", "row": "",
                         "part": row["part"], "path": row["path"], "text": row["text"],
                         "text_sha256": row["text_sha256"]})  # fmt: skip
            taken += 1
            if taken >= n_plans:
                break
    # a second draw of held-out review sentences (other reviews of the test half), and whole
    # test-half reviews that insult or seem to (found by reading reviews with abusive words)
    used = {r["row"] for r in rows if r["dataset"] == "bol_reviews"}
    extra = random.Random(SEED + 1)
    pool = [r for r in reviews if r["split"] == "test" and r["row"] not in used]
    extra.shuffle(pool)
    taken = 0
    for review in pool:
        sentences = review_sentences(review["text"])
        if not sentences:
            continue
        k = extra.randrange(len(sentences))
        rows.append({"split": "heldout", "dataset": "bol_reviews", "row": review["row"],
                     "part": k, "path": "", "text": sentences[k],
                     "text_sha256": sha256_text(sentences[k])})  # fmt: skip
        taken += 1
        if taken >= n_extra:
            break
    by_row = {r["row"]: r for r in reviews}
    for row in INCIVILITY_REVIEWS:
        review = by_row[row]
        rows.append({"split": "heldout", "dataset": "bol_reviews", "row": row, "part": "all",
                     "path": "", "text": review["text"],
                     "text_sha256": sha256_text(review["text"])})  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=200)
    parser.add_argument("--plans", type=int, default=130)
    args = parser.parse_args(argv)
    rows = candidates(args.reviews, args.plans)
    folder = eval_dir() / "sentiment_fresh"
    fields = ["split", "dataset", "row", "part", "path", "text", "text_sha256"]
    n = write_csv(folder / "candidates.csv", rows, fields)
    Provenance("sentiment_fresh", "clips/pattern + Babakfifoo/dutch_embedding_llm",
               "see bol_reviews and municipal_comments PROVENANCE.json",
               ["bol_reviews.csv", "municipal_comments.csv"],
               "BSD-3-Clause (bol.com reviews) / public government documents",
               "candidates for hand labelling: heldout (bol test half, fresh plan group) and "
               "dev (bol train half, dev plan group)", n).write(folder)  # fmt: skip
    print(f"{n} candidates -> {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
