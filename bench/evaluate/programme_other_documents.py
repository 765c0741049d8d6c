"""Real municipal documents that are no budgets must not be forced into programmes.

    .venv/bin/python bench/evaluate/programme_other_documents.py [--plans 40] [--skip 0]

Parses every B&W decision list of Wassenaar in ``benjosb/beleidsbibliotheek``
(``wassenaar/pdf_downloads/besluitenlijst_*.pdf``) and the first ``--plans`` zoning-plan
explanations of ``Babakfifoo/dutch_embedding_llm`` (reserved plans skipped, one version per
plan, ``sha256(plan id)`` order, after ``--skip`` plans; plans 1-40 were used in development,
41-80 were held out) straight from the fetched repositories (nothing is written),
and counts how many come out as documents of family ``text`` without programmes, and their
document types. No labels are needed: every one of them is a non-programme document.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.evaluate.common import git_head, git_ls, git_show, reserved_paths  # noqa: E402
from bench.evaluate.levels_export import PLAN_COMMIT, PLAN_DIR, PLAN_REPO, plan_key  # noqa: E402
from bench.evaluate.programme_documents import parse  # noqa: E402
from bench.evaluate.programme_real_export import DECISIONS, WASSENAAR_REPO  # noqa: E402


def decision_lists() -> list[tuple[str, bytes]]:
    paths = [p for p in git_ls(WASSENAAR_REPO, DECISIONS) if "/besluitenlijst_" in p]
    return [(p, git_show(WASSENAAR_REPO, p)) for p in sorted(paths) if p.endswith(".pdf")]


def plans(n: int, skip: int = 0) -> list[tuple[str, bytes]]:
    reserved = {p for p in reserved_paths() if p.startswith(PLAN_DIR)}
    keys = {plan_key(p) for p in reserved}
    by_plan: dict[str, list[str]] = {}
    for p in git_ls(PLAN_REPO, PLAN_DIR, PLAN_COMMIT):
        if p.endswith(".md") and p not in reserved and plan_key(p) not in keys:
            by_plan.setdefault(plan_key(p), []).append(p)
    order = sorted(by_plan, key=lambda k: hashlib.sha256(k.encode("utf-8")).hexdigest())
    out: list[tuple[str, bytes]] = []
    for key in order[skip:]:
        if len(out) >= n:
            break
        path = sorted(by_plan[key])[-1]
        try:
            data = git_show(PLAN_REPO, path, PLAN_COMMIT)
        except subprocess.CalledProcessError:  # large files are absent from the snapshot
            continue
        out.append((path, data))
    return out


def measure(name: str, files: list[tuple[str, bytes]]) -> None:
    c: Counter[str] = Counter()
    types: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path, data in files:
            target = Path(tmp) / Path(path).name
            target.write_bytes(data)
            try:
                doc = parse(target)
            except Exception as exc:  # a broken file is reported, not fatal
                c["unreadable"] += 1
                print(f"{path}: {type(exc).__name__}", file=sys.stderr)
                continue
            c["n"] += 1
            c["text_no_programme"] += doc.family == "text" and not doc.programmes
            types[str(doc.document_type)] += 1
            target.unlink()
    print(f"{name}: {c['text_no_programme']}/{c['n']} family text without programmes "
          f"(unreadable {c['unreadable']}); document types {dict(types)}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=40)
    parser.add_argument("--skip", type=int, default=0, help="plans passed over first")
    args = parser.parse_args()
    print(f"{WASSENAAR_REPO} @ {git_head(WASSENAAR_REPO)[:12]}; {PLAN_REPO} @ {PLAN_COMMIT[:12]}")
    measure("Wassenaar B&W decision lists", decision_lists())
    label = f"zoning plans {args.skip + 1}-{args.skip + args.plans}"
    measure(label, plans(args.plans, args.skip))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
