"""Judged reliability of each officialese term's drop-in (issue #16, round 8).

``python -m bench.evaluate.rewrite_eval reliability`` regenerates the proposals of every judged
part (tune, rest, dev2, fresh, fresh2, fresh3; never fresh4) at the current rules WITHOUT the
reliability gate, joins them on (sentence sha256, proposal sha256) with
``tests/fixtures/real/rewrite_judgements.csv`` to learn the term of each judged row, and writes
``pipeline/data/officialese_reliability.csv`` (term, judged, ok, Wilson 95% lower bound). The
rules changed between rounds, so judged rows whose proposal the current rules no longer make
cannot be joined; their count is printed. It then prints, per part, proposals and ok share
before/after the gate, and a leave-one-part-out estimate over fresh, fresh2 and fresh3 (the
table computed from the other parts, the gate measured on the held-out part) for several
thresholds. All of it is development data: these parts' judgements were read while tuning.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from bench.evaluate.common import eval_dir, sha256_text

JUDGED_PARTS = ("tune", "rest", "dev2", "fresh", "fresh2", "fresh3")
HELD_OUT = ("fresh", "fresh2", "fresh3")
THRESHOLDS = (0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
HEADER = (
    "# Judged reliability of each officialese term's drop-in: proposals judged ok / judged on\n"
    "# all judged parts (tune, rest, dev2, fresh, fresh2, fresh3; tests/fixtures/real/\n"
    "# rewrite_judgements.csv) that the current rules still make. wilson_lower: lower bound of\n"
    "# the Wilson 95% interval. Written by: python -m bench.evaluate.rewrite_eval reliability\n"
    "# (do not edit by hand). Read by pipeline/readability/reliability.py.\n"
)


def proposals(part: str) -> list[dict[str, str]]:
    """Proposals of ``part`` at the current rules without the gate, with the term of each
    word-level one (also written to ``<eval dir>/rewrite/terms_<part>.csv``; no text)."""
    from bench.evaluate.rewrite_eval import _inputs
    from pipeline.check import InputText, check_texts
    from pipeline.config import load_settings

    cache = eval_dir() / "rewrite" / f"terms_{part}.csv"  # written for inspection
    settings = load_settings(None, {"readability": {"rewrite_min_reliability": None}}, environ={})
    inputs = _inputs(part)
    items = [InputText.from_text(f"{src}:{uid}", text) for src, uid, text in inputs]
    rows = []
    for result in check_texts(items, settings):
        for sentence in result.sentences:
            for p in sentence.proposals:
                term = ""
                if p.kind == "officialese":
                    match = [f for f in sentence.flags if f.kind == p.kind and f.end == p.end]
                    term = (match[0].term or "") if match else ""
                rows.append({
                    "part": part, "kind": p.kind, "term": term,
                    "sentence_sha256": sha256_text(sentence.text),
                    "proposal_sha256": sha256_text(p.replacement),
                })  # fmt: skip
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["part", "kind", "term", "sentence_sha256",
                                                    "proposal_sha256"])  # fmt: skip
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(cache)
    return rows


def join(
    made: Sequence[dict[str, str]], judgements: Sequence[dict[str, str]]
) -> tuple[list[dict[str, str]], int]:
    """Distinct proposals of ``made`` with ``ok`` from their judgement ("" when unjudged), and
    the number of distinct judged keys of the same parts that no current proposal matches."""
    judged = {(r["sentence_sha256"], r["proposal_sha256"]): r["ok"] for r in judgements}
    out, seen = [], set()
    for row in made:
        key = (row["sentence_sha256"], row["proposal_sha256"])
        if key in seen:
            continue
        seen.add(key)
        out.append({**row, "ok": judged.get(key, "")})
    parts = {r["part"] for r in made}
    unjoined = {
        (r["sentence_sha256"], r["proposal_sha256"]) for r in judgements if r["part"] in parts
    } - seen
    return out, len(unjoined)


def term_counts(rows: Iterable[dict[str, str]]) -> list[tuple[str, int, int]]:
    """``(term, judged, ok)`` over the judged word-level rows with a term."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["kind"] == "officialese" and r["term"] and r["ok"] in ("0", "1"):
            counts[r["term"]]["judged"] += 1
            counts[r["term"]]["ok"] += r["ok"] == "1"
    return [(t, c["judged"], c["ok"]) for t, c in counts.items()]


def write_table(path: Path, counts: Iterable[tuple[str, int, int]]) -> None:
    from pipeline.readability.reliability import rows_for

    tmp = path.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        handle.write(HEADER)
        writer = csv.DictWriter(handle, fieldnames=["term", "judged", "ok", "wilson_lower"])
        writer.writeheader()
        writer.writerows(rows_for(counts))
    tmp.replace(path)


def gated_share(rows: Sequence[dict[str, str]], gate) -> Counter:
    """Proposals kept by ``gate`` (word-level officialese by term; others always): counts of
    ``n``, ``judged``, ``ok``."""
    out: Counter = Counter()
    for r in rows:
        if r["kind"] == "officialese" and r["term"] and not gate.passes(r["term"]):
            continue
        out["n"] += 1
        out["judged"] += r["ok"] in ("0", "1")
        out["ok"] += r["ok"] == "1"
    return out


def _fmt(c: Counter) -> str:
    share = 100 * c["ok"] / c["judged"] if c["judged"] else 0.0
    return f"{c['n']:4d} proposals, ok {c['ok']}/{c['judged']} ({share:.1f}%)"


def reliability(judgements: Sequence[dict[str, str]], out: Path) -> int:
    from pipeline.config import load_settings
    from pipeline.readability.reliability import DropinGate, TermRecord, wilson_lower

    settings = load_settings(None, {}, environ={}).readability
    allow = frozenset(settings.rewrite_dropin_allow)
    joined: dict[str, list[dict[str, str]]] = {}
    for part in JUDGED_PARTS:
        rows, unjoined = join(proposals(part), [j for j in judgements if j["part"] == part])
        joined[part] = rows
        print(f"{part:6s} {len(rows)} distinct proposals, {sum(r['ok'] != '' for r in rows)} "
              f"judged, {unjoined} judged keys no longer made (not joined)")  # fmt: skip
    every = [r for rows in joined.values() for r in rows]
    counts = term_counts(every)
    write_table(out, counts)
    print(f"{len(counts)} terms written to {out}")

    def gate_from(rows, threshold):
        table = {t: TermRecord(t, n, k, wilson_lower(k, n)) for t, n, k in term_counts(rows)}
        return DropinGate(threshold, allow, table)

    full = gate_from(every, settings.rewrite_min_reliability)
    print(f"per part, threshold {settings.rewrite_min_reliability} (in-sample table):")
    for part, rows in joined.items():
        print(f"  {part:6s} before {_fmt(gated_share(rows, DropinGate(None)))}"
              f"  after {_fmt(gated_share(rows, full))}")  # fmt: skip
    print("leave-one-part-out (table from the other five parts, measured on the held-out):")
    for threshold in THRESHOLDS:
        total: Counter = Counter()
        cells = []
        for part in HELD_OUT:
            rest = [r for p, rows in joined.items() if p != part for r in rows]
            c = gated_share(joined[part], gate_from(rest, threshold))
            total += c
            cells.append(f"{part} {_fmt(c)}")
        print(f"  t={threshold:.2f}: all {_fmt(total)} | " + " | ".join(cells))
    return 0
