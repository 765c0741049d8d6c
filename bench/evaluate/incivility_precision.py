"""Incivility precision on real text: scan a pool, write what is flagged, score the judgements.

Every text the incivility rules flag in a pool of real text is written (with its text) to
``<eval dir>/incivility/flagged_<pool>.csv``, outside the repository, for a person to judge.
The judgements are committed in ``tests/fixtures/real/incivility_flags_judged.csv`` (dataset,
source row or path and part, ``text_sha256``, evidence, ``uncivil`` 0/1, note, round; no
text). Precision is the share of flagged texts judged uncivil; flagged texts without a
judgement are listed as unjudged (by row and evidence, never by text) and left out of it.

Pools (see docs/evaluation.md, "Incivility precision on real text"):

- ``bol_test``: bol.com reviews, test half (``bol_reviews`` export, 1,480 reviews);
- ``bol_train``: bol.com reviews, train half (development);
- ``municipal``: the ``municipal_comments`` export (participation paragraphs of zoning plans
  and VughtParticipeert posts);
- ``news_wiki``: the round-2 held-out pool of ``--export-round2``: newspaper sentences of UD
  Dutch-Alpino (dev and test files, grouped by paragraph), the 1,000 TwNC newspaper sentences
  of clips/pattern and the train half of the LassySmall Wikipedia export (the half no
  incivility figure had used). Real text, but not comments.
- ``ddts``: round 3, real comments with a fair share of abuse: 1,499 tweets addressed to
  Dutch MPs (March 2021; OP-NL / Dutch Dynamic Test Set of tommasoc80/DALC, 539 labelled
  offensive by its annotators); ``ct22``: 2,656 Dutch COVID-19 tweets (CLEF 2022 CheckThat!
  task 1C), mostly civil. Both from ``incivility_pool_export.py``; held out, measured once.
- ``dalc1``: round 5, a fresh pool: the 8,156 real Dutch tweets of DALC v1.0 (2015-2020,
  about 23 % labelled abusive by the source's annotators), from
  ``incivility_pool3_export.py``; held out, scanned once with frozen rules.

``--blind DIR`` writes a blind judging set for the scanned pool(s) into DIR: ``blind.csv``
(columns id, text only: every flagged text mixed with a random sample of at least as many
unflagged texts, fixed seed, shuffled) and the private key ``blind_key.csv`` (id -> pool,
row, text_sha256, flagged, evidence). The judge sees only ``blind.csv``.

    .venv/bin/python bench/evaluate/incivility_precision.py --export-round2
    .venv/bin/python bench/evaluate/incivility_precision.py bol_test municipal
    .venv/bin/python bench/evaluate/incivility_precision.py dalc1 \
        --blind ../evaldata/incivility_pool3 --seed 20261208
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
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
from bench.evaluate.sentiment_data import conllu_sentences
from pipeline.config import load_settings
from pipeline.sentiment import score_texts

JUDGED_PATH = ROOT / "tests" / "fixtures" / "real" / "incivility_flags_judged.csv"
JUDGED_FIELDS = ("dataset", "split", "row", "path", "part", "text_sha256", "evidence",
                 "uncivil", "note", "round", "judge")  # fmt: skip
ROUND2 = "incivility_round2"
ALPINO = "UniversalDependencies/UD_Dutch-Alpino"
ALPINO_FILES = ("nl_alpino-ud-dev.conllu", "nl_alpino-ud-test.conllu")
PATTERN = "clips/pattern"
TWNC_PATH = "test/corpora/tagged-nl-twnc.txt"
POOLS = ("bol_test", "bol_train", "municipal", "news_wiki", "ddts", "ct22", "dalc1")
POOL2 = "incivility_pool2"  # bench/evaluate/incivility_pool_export.py
BLIND_FIELDS = ("id", "text")
KEY_FIELDS = ("id", "pool", "dataset", "split", "row", "text_sha256", "flagged", "evidence",
              "categories")  # fmt: skip


@dataclass(frozen=True, slots=True)
class PoolText:
    """One text of a pool, with where it came from."""

    dataset: str
    split: str
    row: str
    path: str
    part: str
    text: str

    @property
    def sha(self) -> str:
        return sha256_text(self.text)


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise FileNotFoundError(f"{path} missing: run the exporter first (docs/evaluation.md)")
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def pool_texts(pool: str) -> list[PoolText]:
    """The texts of a pool, in source order."""
    data = eval_dir()
    if pool in ("bol_test", "bol_train"):
        split = pool.split("_")[1]
        rows = _read_csv(data / "bol_reviews" / "bol_reviews.csv")
        return [PoolText("bol_reviews", split, r["row"], "", "", r["text"])
                for r in rows if r["split"] == split]  # fmt: skip
    if pool == "municipal":
        rows = _read_csv(data / "municipal_comments" / "municipal_comments.csv")
        return [PoolText("municipal_comments", "", "", r["path"], r["part"], r["text"])
                for r in rows]  # fmt: skip
    if pool == "news_wiki":
        rows = _read_csv(data / ROUND2 / "texts.csv")
        return [PoolText(r["dataset"], "", r["row"], r["path"], "", r["text"]) for r in rows]
    if pool in ("ddts", "ct22"):
        name = "ddts_politicians.csv" if pool == "ddts" else "ct22_covid.csv"
        rows = _read_csv(data / POOL2 / name)
        return [PoolText(r["pool"], r.get("source_split", ""), r["row"], "", "", r["text"])
                for r in rows]  # fmt: skip
    if pool == "dalc1":
        from bench.evaluate.incivility_pool3_export import read_pool

        return [PoolText(r["pool"], r["source_split"], r["row"], "", "", r["text"])
                for r in read_pool(data)]  # fmt: skip
    raise ValueError(f"unknown pool {pool!r}; choose from {', '.join(POOLS)}")


def _twnc_sentences(raw: str) -> Iterator[str]:
    """Plain sentences from the word/TAG lines of the TwNC sample."""
    for line in raw.splitlines():
        words = [tok.rsplit("/", 1)[0] for tok in line.split()]
        if not words:
            continue
        text = " ".join(words).replace("''", '"').replace("``", '"')
        yield re.sub(r" ([.,:;!?)])", r"\1", text)


def export_round2() -> int:
    """Write the round-2 pool (news and Wikipedia text) to ``<eval dir>/incivility_round2``."""
    reserved = reserved_hashes()
    rows: list[dict[str, str]] = []
    skipped = 0
    alpino_commit = git_head(ALPINO)
    for path in ALPINO_FILES:
        paragraphs: dict[str, list[str]] = {}
        raw = git_show(ALPINO, path, alpino_commit).decode("utf-8")
        for sent_id, text in conllu_sentences(raw):
            paragraphs.setdefault(sent_id.rsplit(".s.", 1)[0], []).append(text)
        for key, sentences in paragraphs.items():
            rows.append({"dataset": "ud_alpino_news", "row": key, "path": path,
                         "text": " ".join(sentences)})  # fmt: skip
    pattern_commit = git_head(PATTERN)
    raw = git_show(PATTERN, TWNC_PATH, pattern_commit).decode("utf-8")
    for n, text in enumerate(_twnc_sentences(raw), start=1):
        rows.append({"dataset": "twnc_news", "row": str(n), "path": TWNC_PATH, "text": text})
    lassy = _read_csv(eval_dir() / "ud_lassysmall" / "ud_lassysmall.csv")
    for r in lassy:
        if r["split"] == "train":
            rows.append({"dataset": "ud_lassysmall_train", "row": r["sent_id"],
                         "path": r["path"], "text": r["text"]})  # fmt: skip
    kept = []
    for r in rows:
        r["text_sha256"] = sha256_text(r["text"])
        if r["text_sha256"] in reserved:
            skipped += 1
            continue
        kept.append(r)
    folder = eval_dir() / ROUND2
    write_csv(folder / "texts.csv", kept, ("dataset", "row", "path", "text", "text_sha256"),
              extrasaction="ignore")  # fmt: skip
    Provenance(
        dataset=ROUND2,
        repository=f"{ALPINO} @ {alpino_commit}; {PATTERN} @ {pattern_commit}; "
        "UniversalDependencies/UD_Dutch-LassySmall (ud_lassysmall export, train half)",
        commit=alpino_commit,
        paths=[*ALPINO_FILES, TWNC_PATH, "ud_lassysmall/ud_lassysmall.csv (split=train)"],
        licence="UD Alpino and LassySmall: CC BY-SA 4.0; clips/pattern: BSD-3-Clause "
        "(TwNC sample, University of Twente)",
        note="Round-2 held-out pool for incivility precision: newspaper paragraphs (Alpino), "
        "newspaper sentences (TwNC), Wikipedia sentences (LassySmall). Real, not comments.",
        n_items=len(kept),
        excluded_reserved=skipped,
    ).write(folder)
    return len(kept)


def read_judgements(path: Path = JUDGED_PATH) -> dict[tuple[str, str], dict[str, str]]:
    """Judgements keyed by (dataset, text_sha256); a later round overrides an earlier one."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if rows and set(JUDGED_FIELDS) - set(rows[0]):
        raise ValueError(f"{path}: missing columns {sorted(set(JUDGED_FIELDS) - set(rows[0]))}")
    judged: dict[tuple[str, str], dict[str, str]] = {}
    for line, r in enumerate(rows, start=2):
        if r["uncivil"] not in ("0", "1"):
            raise ValueError(f"{path}: line {line}: uncivil must be 0 or 1")
        judged[(r["dataset"], r["text_sha256"])] = r
    return judged


def scan(pool: str, texts: list[PoolText] | None = None) -> list[dict]:
    """Flag a pool with the current rules; write the flagged texts; return them (with text)."""
    texts = pool_texts(pool) if texts is None else texts
    settings = load_settings(None, {}, environ={}).sentiment.model_copy(
        update={"method": "lexicon"}
    )
    results = score_texts([t.text for t in texts], settings)
    flagged = []
    for t, res in zip(texts, results, strict=True):
        if res.uncivil:
            flagged.append({"dataset": t.dataset, "split": t.split, "row": t.row,
                            "path": t.path, "part": t.part, "text_sha256": t.sha,
                            "evidence": "; ".join(res.uncivil_terms),
                            "categories": "; ".join(res.uncivil_categories),
                            "text": t.text})  # fmt: skip
    write_csv(eval_dir() / "incivility" / f"flagged_{pool}.csv", flagged,
              ("dataset", "split", "row", "path", "part", "text_sha256", "evidence",
               "categories", "text"), extrasaction="ignore")  # fmt: skip
    return [dict(f, n_pool=len(texts)) for f in flagged]


def blind_set(
    pools: dict[str, tuple[list[PoolText], list[dict]]], seed: int, min_unflagged: int = 100
) -> tuple[list[dict], list[dict]]:
    """A blind judging set: every flagged text and a random sample of unflagged texts (as
    many as flagged, at least ``min_unflagged``), shuffled with ``seed``; returns the rows
    for the judge (id, text) and the private key (id -> pool, row, flagged, evidence).

    Args:
        pools: per pool, its texts and the flags ``scan`` returned for them.
        seed: seed of the sample and of the order.
        min_unflagged: the smallest number of unflagged texts drawn (all, when fewer).
    """
    rng = random.Random(seed)
    items: list[dict] = []
    unflagged: list[dict] = []
    for pool, (texts, flags) in pools.items():
        by_sha = {f["text_sha256"]: f for f in flags}
        for t in texts:
            flag = by_sha.get(t.sha)
            item = {"pool": pool, "dataset": t.dataset, "split": t.split, "row": t.row,
                    "text_sha256": t.sha, "text": t.text, "flagged": int(flag is not None),
                    "evidence": flag["evidence"] if flag else "",
                    "categories": flag["categories"] if flag else ""}  # fmt: skip
            (items if flag else unflagged).append(item)
    n = min(len(unflagged), max(len(items), min_unflagged))
    items.extend(rng.sample(unflagged, n))
    rng.shuffle(items)
    width = len(str(len(items)))
    for k, item in enumerate(items, start=1):
        item["id"] = f"b{k:0{width}d}"
    return [{f: i[f] for f in BLIND_FIELDS} for i in items], items


def write_blind(folder: Path, judge_rows: list[dict], key_rows: list[dict]) -> None:
    """``blind.csv`` (id, text) and the private ``blind_key.csv`` in ``folder``."""
    write_csv(folder / "blind.csv", judge_rows, BLIND_FIELDS)
    write_csv(folder / "blind_key.csv", key_rows, KEY_FIELDS, extrasaction="ignore")


def precision(pool: str, flagged: list[dict], judged: dict) -> dict:
    """Flagged, judged, uncivil and precision of one pool; unjudged flags by row."""
    uncivil = judged_n = 0
    unjudged = []
    for f in flagged:
        j = judged.get((f["dataset"], f["text_sha256"]))
        if j is None:
            unjudged.append({k: f[k] for k in ("dataset", "row", "path", "part", "evidence")})
            continue
        judged_n += 1
        uncivil += int(j["uncivil"])
    n_pool = flagged[0]["n_pool"] if flagged else len(pool_texts(pool))
    return {
        "pool": pool, "texts": n_pool, "flagged": len(flagged), "judged": judged_n,
        "uncivil": uncivil, "precision": round(uncivil / judged_n, 3) if judged_n else None,
        "unjudged": unjudged,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "pools", nargs="*", help=f"pools to scan (default: all of {', '.join(POOLS)})"
    )
    parser.add_argument(
        "--export-round2",
        action="store_true",
        help="export the round-2 pool (news and Wikipedia text) first",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--blind",
        type=Path,
        metavar="DIR",
        help="write a blind judging set (blind.csv) and its key (blind_key.csv) into DIR",
    )
    parser.add_argument("--seed", type=int, default=20261208, help="seed of the blind set")
    parser.add_argument(
        "--min-unflagged",
        type=int,
        default=100,
        help="unflagged texts in the blind set: as many as flagged, at least this many",
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.pools) - set(POOLS))
    if unknown:  # (argparse's choices reject an empty list of a nargs="*" argument)
        parser.error(f"unknown pool {', '.join(unknown)}; choose from {', '.join(POOLS)}")
    if args.export_round2:
        print(f"round-2 pool: {export_round2()} texts", file=sys.stderr)
    judged = read_judgements()
    scanned = {}
    for p in args.pools or POOLS:
        texts = pool_texts(p)
        scanned[p] = (texts, scan(p, texts))
    report = [precision(p, flags, judged) for p, (_, flags) in scanned.items()]
    if args.blind:
        judge_rows, key_rows = blind_set(scanned, args.seed, args.min_unflagged)
        write_blind(args.blind, judge_rows, key_rows)
        print(f"blind set: {len(judge_rows)} texts ({sum(k['flagged'] for k in key_rows)} "
              f"flagged) -> {args.blind / 'blind.csv'}; key {args.blind / 'blind_key.csv'}",
              file=sys.stderr)  # fmt: skip
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print("| pool | texts | flagged | judged | uncivil | precision |")
    print("|---|---|---|---|---|---|")
    for r in report:
        p = "–" if r["precision"] is None else f"{r['precision']:.3f}"
        print(f"| {r['pool']} | {r['texts']} | {r['flagged']} | {r['judged']} | "
              f"{r['uncivil']} | {p} |")  # fmt: skip
    for r in report:
        for u in r["unjudged"]:
            where = u["row"] or f"{u['path']}#{u['part']}"
            print(f"unjudged: {r['pool']} {u['dataset']} {where}: {u['evidence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
