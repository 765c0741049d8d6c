"""Rewrite proposals: generate them for hand judgement and report the judged share.

Two parts, by source:

- ``tune``: the dev side of the Amsterdam simplification units (``flags_gold.load_side("dev")``,
  real municipal sentences, EUPL-1.2, grouped per source document; the held-out side is never
  read here) and the project's own C1 texts (``tests/fixtures/levels/*_c1.txt``). The rules
  were adjusted after judging these.
- ``rest``: the dev-side seed units (real programme texts from ``../shared/seeds``, never used
  for the rewrite rules) and the project's own B2 texts, generated and judged once after the
  rules were frozen.

Figures on the project's own texts are development aids. Judgements are kept in
``tests/fixtures/real/rewrite_judgements.csv``, keyed by source, unit and the sha256 of the
sentence plus the sha256 of the proposal (never the text): ``ok`` is 1 when the proposal is
grammatical Dutch with the same meaning, 0 when not; ``part`` is ``tune`` (rules were adjusted
while looking at these) or ``rest`` (judged after the rules were frozen).

Usage::

    python -m bench.evaluate.rewrite_eval generate tune|rest
                                        # writes <eval dir>/rewrite/proposals_<part>.csv
    python -m bench.evaluate.rewrite_eval report     # share judged ok, by part and kind;
                                                     # level before/after accepting all
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from bench.evaluate.common import ROOT, eval_dir, sha256_text

JUDGEMENTS = ROOT / "tests" / "fixtures" / "real" / "rewrite_judgements.csv"
LEVELS_DIR = ROOT / "tests" / "fixtures" / "levels"
COLUMNS = ("source", "unit_id", "sentence_sha256", "proposal_sha256", "kind", "part", "ok", "note")


TUNE_SOURCES = ("amsterdam_dev", "own_c1")
REST_SOURCES = ("seeds_dev", "own_b2")


def _part(source: str) -> str:
    """``tune``: the rules were adjusted while looking at these judgements; ``rest``:
    generated and judged once, after the rules were frozen."""
    return "tune" if source in TUNE_SOURCES else "rest"


def _inputs(part: str = "tune") -> list[tuple[str, str, str]]:
    """``(source, unit_id, text)`` of the inputs of one part (see the module docstring)."""
    from bench.evaluate.flags_gold import AMSTERDAM, SEEDS, load_side

    out: list[tuple[str, str, str]] = []
    if part == "tune":
        gold = load_side("dev", datasets=(AMSTERDAM,))
        documents: dict[str, list[str]] = defaultdict(list)
        for unit in gold.units:  # one input per source document, as an officer checks it
            documents[unit.document].append(unit.text)
        out += [("amsterdam_dev", doc, "\n\n".join(texts)) for doc, texts in documents.items()]
        levels = ("own_c1", "*_c1.txt")
    else:
        gold = load_side("dev", datasets=(SEEDS,))
        out += [("seeds_dev", u.unit_id, u.text) for u in gold.units]
        levels = ("own_b2", "*_b2.txt")
    for path in sorted(LEVELS_DIR.glob(levels[1])):
        out.append((levels[0], path.name, path.read_text(encoding="utf-8")))
    return out


def _check(inputs: list[tuple[str, str, str]]):
    from pipeline.check import InputText, check_texts
    from pipeline.config import load_settings

    settings = load_settings(None, {}, environ={})
    items = [InputText.from_text(f"{src}:{uid}", text) for src, uid, text in inputs]
    return check_texts(items, settings)


def generate(out: Path, part: str) -> int:
    rows = []
    inputs = _inputs(part)
    for (src, uid, _), result in zip(inputs, _check(inputs), strict=True):
        for sentence in result.sentences:
            for p in sentence.proposals:
                rows.append(
                    {
                        "source": src,
                        "unit_id": uid,
                        "sentence_sha256": sha256_text(sentence.text),
                        "proposal_sha256": sha256_text(p.replacement),
                        "kind": p.kind,
                        "part": _part(src),
                        "original": p.original,
                        "replacement": p.replacement,
                        "sentence": sentence.text,
                    }
                )
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["source"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} proposals written to {out}")
    return 0


def read_judgements() -> list[dict[str, str]]:
    with JUDGEMENTS.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def report() -> int:
    from pipeline.readability.rewrite import apply_proposals

    judged = {(r["sentence_sha256"], r["proposal_sha256"]): r for r in read_judgements()}
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in judged.values():
        for key in ((r["source"], r["part"]), (r["source"], f"{r['part']}:{r['kind']}")):
            table[key]["n"] += 1
            table[key]["ok"] += int(r["ok"])
    for (source, part), c in sorted(table.items()):
        print(f"{source:15s} {part:22s} {c['ok']:4d}/{c['n']:<4d} {100 * c['ok'] / c['n']:5.1f}%")
    # level change of the own C1 texts with every (judged ok) proposal accepted
    inputs = [i for i in _inputs() if i[0] == "own_c1"]
    before = _check(inputs)
    rewritten = []
    for (src, uid, _), result in zip(inputs, before, strict=True):
        accepted = [
            p
            for s in result.sentences
            for p in s.proposals
            if judged.get((sha256_text(s.text), sha256_text(p.replacement)), {}).get("ok") == "1"
        ]
        rewritten.append((src, uid, apply_proposals(result.text, accepted)))
    after = _check(rewritten)
    for (_, uid, _), b, a in zip(inputs, before, after, strict=True):
        print(
            f"{uid:32s} {b.level} -> {a.level}  flags {b.measures['n_flags']} -> "
            f"{a.measures['n_flags']}  avg sentence {b.measures['avg_sentence_length']:.1f} -> "
            f"{a.measures['avg_sentence_length']:.1f}"
        )
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["generate"]:
        part = argv[1] if len(argv) > 1 else "tune"
        return generate(eval_dir() / "rewrite" / f"proposals_{part}.csv", part)
    if argv[:1] == ["report"]:
        return report()
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
