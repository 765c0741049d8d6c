"""Rewrite proposals: generate them for hand judgement and report the judged share.

Two parts, by source:

- ``tune``: the dev side of the Amsterdam simplification units (``flags_gold.load_side("dev")``,
  real municipal sentences, EUPL-1.2, grouped per source document; the held-out side is never
  read here) and the project's own C1 texts (``tests/fixtures/levels/*_c1.txt``). The rules
  were adjusted after judging these.
- ``rest``: 40 zoning-plan explanations no other evaluation uses (real municipal policy
  text, Babakfifoo/dutch_embedding_llm at the commit of ``levels_export``: the plans after
  the 250 that ``levels_export`` exports, in its order and with its cut; reserved plans
  skipped) and the project's own B2 texts, generated and judged once after the rules were
  frozen. The seed units and the exported plan texts are on held-out sides of other
  evaluations, so they are not used.
- ``fresh``: the next 40 zoning-plan explanations no evaluation uses, for a judgement by a
  separate judge after the rules were frozen again (commit "rewrite: freeze for fresh
  judgement ..."): in the same order and with the same cut, the plans after the last plan
  that ``flags_heldout2_export`` uses (which itself starts after the 250 + 40 plans of
  ``levels_export`` and ``rest``); reserved plans skipped. Whoever tunes the rules does not
  read these texts or their proposals.
- ``dev2``: the 40 plans after the fresh ones (same order and cut), development data for
  round 4: generated, judged and looked at while the rules were changed, before the freeze.
- ``fresh2``: the 40 plans after the dev2 ones (same order and cut), for a second judgement
  by a separate judge after the rules were frozen (round 5 froze them first; round 6, the
  fixes of the new-user trial, froze them again before any judgement: commit "rewrite: freeze
  for fresh2 judgement (round 6)"); the judge's rows take ``part=fresh2`` and ``round=6``.
  ``fresh`` was judged once and then became development data for round 5 (its errors were
  read). Whoever tunes the rules does not read the fresh2 texts or their proposals.
- ``fresh3``: the 40 plans after the fresh2 ones (same order and cut), for a third judgement
  by a separate judge after round 7 froze the rules (commit "rewrite: freeze for fresh3
  judgement (round 7)"; the judge's rows take ``part=fresh3`` and ``round=7``); ``fresh2``
  was judged once (round 6) and then became development data for round 7. Whoever tunes the
  rules does not read the fresh3 texts or their proposals.
- ``fresh4``: the 40 plans after the fresh3 ones (same order and cut), for a fourth
  judgement by a separate judge after round 8 froze the rules (commit "rewrite: freeze for
  fresh4 judgement (round 8)": word-level drop-ins gated by judged reliability,
  ``pipeline/readability/reliability.py``); ``fresh3`` was judged once
  (round 7) and then became development data for round 8.

Figures on the project's own texts are development aids. Judgements are kept in
``tests/fixtures/real/rewrite_judgements.csv``, keyed by source, unit and the sha256 of the
sentence plus the sha256 of the proposal (never the text): ``ok`` is 1 when the proposal is
grammatical Dutch with the same meaning, 0 when not; ``part`` is ``tune``, ``rest`` or ``dev2``
(development data: the rules were adjusted while looking at them) or ``fresh`` / ``fresh2``
(judged once, by a separate judge, at the frozen rules: the rows with the part's
``BLIND_ROUNDS`` round; ``report`` prints that record apart, so the blind figure stays
reproducible after the rules change). Rows of ``fresh`` with round 5 are the engineer's own
judgements of proposals the round-5 rules made new (fresh is development data since).

Usage::

    python -m bench.evaluate.rewrite_eval generate tune|rest|dev2|fresh|fresh2|fresh3|fresh4
                                        # writes <eval dir>/rewrite/proposals_<part>.csv
    python -m bench.evaluate.rewrite_eval report     # share judged ok, by part and kind;
                                                     # level before/after accepting all
    python -m bench.evaluate.rewrite_eval reliability  # per-term judged reliability table
                                                     # (bench/evaluate/rewrite_reliability.py)
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from bench.evaluate.common import ROOT, eval_dir, sha256_text

JUDGEMENTS = ROOT / "tests" / "fixtures" / "real" / "rewrite_judgements.csv"
LEVELS_DIR = ROOT / "tests" / "fixtures" / "levels"
COLUMNS = ("source", "unit_id", "sentence_sha256", "proposal_sha256", "kind", "part", "ok", "note")


TUNE_SOURCES = ("amsterdam_dev", "own_c1")
REST_SOURCES = ("plans_unused", "own_b2")
FRESH_SOURCES = ("plans_fresh", "plans_fresh2", "plans_fresh3", "plans_fresh4")
DEV2_SOURCES = ("plans_dev2",)
REST_PLANS = 40
FRESH_PLANS = 40
DEV2_PLANS = 40
FRESH2_PLANS = 40
FRESH3_PLANS = 40
FRESH4_PLANS = 40
PARTS = ("tune", "rest", "dev2", "fresh", "fresh2", "fresh3", "fresh4")
BLIND_PARTS = ("fresh", "fresh2", "fresh3", "fresh4")  # judged once, by a separate judge
# the round of each blind part's one judgement by a separate judge; rows of a blind part with
# another round are the engineer's development judgements of later proposals (fresh became
# development data in round 5), so the blind figure stays reproducible from these rows
BLIND_ROUNDS = {"fresh": "4", "fresh2": "6", "fresh3": "7", "fresh4": "8"}


def _plan_texts(
    keys: Sequence[str], by_plan: dict[str, list[str]], n: int
) -> list[tuple[str, str]]:
    """``(plan id, text)`` of the first ``n`` of ``keys`` that give a plan text (the last
    version of each plan, with the cut of ``levels_export.plan_text``), read from the mirror."""
    import subprocess

    from bench.evaluate import levels_export as lx
    from bench.evaluate.common import git_show

    found: list[tuple[str, str]] = []
    for key in keys:
        if len(found) >= n:
            break
        path = sorted(by_plan[key])[-1]
        try:
            markdown = git_show(lx.PLAN_REPO, path, lx.PLAN_COMMIT).decode("utf-8")
        except subprocess.CalledProcessError:
            continue
        text = lx.plan_text(key, path, markdown)
        if text:
            found.append((key, text.text))
    return found


def unused_plans(n: int) -> list[tuple[str, str]]:
    """``(plan id, text)`` of ``n`` zoning-plan explanations no one has used: the plans of
    ``levels_export.export_plans`` (same repository, commit, order, reserved plans and cut;
    ``flags_heldout2_export.plan_order``) after the first ``PLAN_SAMPLE`` that it exports,
    read from the mirror."""
    from bench.evaluate import flags_heldout2_export as h2
    from bench.evaluate import levels_export as lx

    order, by_plan, _ = h2.plan_order()
    return _plan_texts(order, by_plan, lx.PLAN_SAMPLE + n)[lx.PLAN_SAMPLE :]


def fresh_plans(n: int, skip: int = 0) -> list[tuple[str, str]]:
    """``(plan id, text)`` of ``n`` zoning-plan explanations after the last plan that
    ``flags_heldout2_export`` uses (the first ``skip`` of them left out), in the order and
    with the cut of ``unused_plans``."""
    from bench.evaluate import flags_heldout2_export as h2

    rows, _ = h2.build_units()
    used = {row["document"] for row in rows}
    order, by_plan, _ = h2.plan_order()
    if not used or not used <= set(order):
        raise RuntimeError("flags_heldout2_export gives no plans in the expected order")
    last = max(order.index(key) for key in used)
    found = _plan_texts(order[last + 1 :], by_plan, skip + n)
    if len(found) < skip + n:
        raise RuntimeError(f"only {len(found)} unused plans after heldout2, {skip + n} wanted")
    return found[skip:]


def _part(source: str) -> str:
    """``tune`` / ``rest``: development parts (the rules were adjusted while looking at
    these judgements); ``fresh``: judged once, by a separate judge, at frozen rules."""
    if source in TUNE_SOURCES:
        return "tune"
    if source in DEV2_SOURCES:
        return "dev2"
    if source in ("plans_fresh2", "plans_fresh3", "plans_fresh4"):
        return source.removeprefix("plans_")
    return "fresh" if source in FRESH_SOURCES else "rest"


def _inputs(part: str = "tune") -> list[tuple[str, str, str]]:
    """``(source, unit_id, text)`` of the inputs of one part (see the module docstring)."""
    from bench.evaluate.flags_gold import AMSTERDAM, load_side

    out: list[tuple[str, str, str]] = []
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; one of {', '.join(PARTS)}")
    if part == "fresh":
        return [("plans_fresh", key, text) for key, text in fresh_plans(FRESH_PLANS)]
    if part == "dev2":
        plans = fresh_plans(DEV2_PLANS, skip=FRESH_PLANS)
        return [("plans_dev2", key, text) for key, text in plans]
    if part == "fresh2":
        plans = fresh_plans(FRESH2_PLANS, skip=FRESH_PLANS + DEV2_PLANS)
        return [("plans_fresh2", key, text) for key, text in plans]
    if part == "fresh3":
        plans = fresh_plans(FRESH3_PLANS, skip=FRESH_PLANS + DEV2_PLANS + FRESH2_PLANS)
        return [("plans_fresh3", key, text) for key, text in plans]
    if part == "fresh4":
        skip = FRESH_PLANS + DEV2_PLANS + FRESH2_PLANS + FRESH3_PLANS
        plans = fresh_plans(FRESH4_PLANS, skip=skip)
        return [("plans_fresh4", key, text) for key, text in plans]
    if part == "tune":
        gold = load_side("dev", datasets=(AMSTERDAM,))
        documents: dict[str, list[str]] = defaultdict(list)
        for unit in gold.units:  # one input per source document, as an officer checks it
            documents[unit.document].append(unit.text)
        out += [("amsterdam_dev", doc, "\n\n".join(texts)) for doc, texts in documents.items()]
        levels = ("own_c1", "*_c1.txt")
    else:
        out += [("plans_unused", key, text) for key, text in unused_plans(REST_PLANS)]
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
    tmp = out.with_suffix(".csv.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["source"])
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(out)  # atomic: a judge never sees a half-written file
    print(f"{len(rows)} proposals written to {out}")
    return 0


def read_judgements() -> list[dict[str, str]]:
    with JUDGEMENTS.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def blind_record(rows: Sequence[dict[str, str]], part: str) -> Counter:
    """Counts of the blind judgement of ``part`` as recorded (rows of ``BLIND_ROUNDS[part]``,
    one per distinct proposal key): ``ok`` and ``judged``, overall and per kind
    (``"<kind>:ok"``, ``"<kind>:judged"``). Independent of the current rules."""
    out: Counter = Counter()
    seen: set[tuple[str, str]] = set()
    for r in rows:
        key = (r["sentence_sha256"], r["proposal_sha256"])
        if r["part"] != part or r.get("round") != BLIND_ROUNDS.get(part) or key in seen:
            continue
        seen.add(key)
        for name in ("", f"{r['kind']}:"):
            out[f"{name}judged"] += 1
            out[f"{name}ok"] += r["ok"] == "1"
    return out


def report() -> int:
    """Judged share of the current proposals per part, source and kind; the level of every
    text before and after accepting its proposals judged ok (overlaps: see
    ``apply_proposals``)."""
    from pipeline.readability.rewrite import apply_proposals

    rows = read_judgements()
    judged = {(r["sentence_sha256"], r["proposal_sha256"]): r for r in rows}
    for part in PARTS:
        record = blind_record(rows, part) if part in BLIND_PARTS else Counter()
        if part in BLIND_PARTS and not record["judged"]:
            print(f"{part} not judged yet (judged once, by a separate judge)")
            continue
        if record["judged"]:
            kinds = sorted({k.split(":")[0] for k in record if ":" in k})
            detail = ", ".join(f"{k} {record[k + ':ok']}/{record[k + ':judged']}" for k in kinds)
            print(f"{part:5s} BLIND judgement (round {BLIND_ROUNDS[part]}, separate judge, "
                  f"at that round's rules): ok {record['ok']} / judged {record['judged']} "
                  f"({100 * record['ok'] / record['judged']:.1f}%); {detail}")  # fmt: skip
            print(
                f"{part:5s} below: current rules, blind and later own judgements mixed "
                "(development figures)"
            )
        inputs = _inputs(part)
        results = _check(inputs)
        table: dict[tuple[str, str], Counter] = defaultdict(Counter)
        rewritten = []
        seen: set[tuple[str, str]] = set()
        for (src, uid, _), result in zip(inputs, results, strict=True):
            accepted = []
            for sentence in result.sentences:
                for p in sentence.proposals:
                    key = (sha256_text(sentence.text), sha256_text(p.replacement))
                    row = judged.get(key)
                    if key in seen:
                        continue
                    seen.add(key)
                    for name in (src, f"{src}:{p.kind}", "all"):
                        table[(part, name)]["n"] += 1
                        table[(part, name)]["judged"] += row is not None
                        table[(part, name)]["ok"] += row is not None and row["ok"] == "1"
                    if row is not None and row["ok"] == "1":
                        accepted.append(p)
            rewritten.append((src, uid, apply_proposals(result.text, accepted)))
        for (_, name), c in sorted(table.items()):
            share = 100 * c["ok"] / c["judged"] if c["judged"] else 0.0
            print(f"{part:5s} {name:32s} ok {c['ok']:4d} / judged {c['judged']:4d}  "
                  f"({share:5.1f}%)  unjudged {c['n'] - c['judged']}")  # fmt: skip
        after = _check(rewritten)
        moves: Counter = Counter()
        for (src, _, _), b, a in zip(inputs, results, after, strict=True):
            moves[(src, b.level, a.level)] += 1
        for (src, before, later), n in sorted(moves.items(), key=str):
            print(f"{part:5s} level {src:14s} {before} -> {later}: {n}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["generate"]:
        part = argv[1] if len(argv) > 1 else "tune"
        if part not in PARTS:
            print(f"unknown part {part!r}; one of {', '.join(PARTS)}", file=sys.stderr)
            return 2
        return generate(eval_dir() / "rewrite" / f"proposals_{part}.csv", part)
    if argv[:1] == ["report"]:
        return report()
    if argv[:1] == ["reliability"]:
        from bench.evaluate.rewrite_reliability import reliability
        from pipeline.readability.reliability import RELIABILITY_FILE

        return reliability(read_judgements(), RELIABILITY_FILE)
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
