"""Export the units of the fresh held-out writing-advice gold set ("heldout2").

Source: explanations (toelichting) of Dutch zoning plans in Babakfifoo/dutch_embedding_llm at
``levels_export.PLAN_COMMIT``, read from the mirror. Plans are taken in the order of
``levels_export.export_plans`` (sha256 of the plan id, reserved plans and every version of
them skipped, one version per plan: the last in name order). The first
``PLAN_SAMPLE + REST_PLANS`` (250 + 40) plans that give a text are used elsewhere
(levels held-out, rewrite judgement) and skipped here. From each following plan the first
``PARAS_PER_PLAN`` running-text paragraphs (``levels_export.prose_paragraphs``) are cut into
units of at most ``MAX_SENTENCES`` sentences, until ``N_PLANS`` plans are used.

Writes ``<eval dir>/flags/heldout2_units.csv`` (dataset, unit_id, document, path, text,
text_sha256) and ``heldout2_PROVENANCE.json`` beside it. The texts are not committed.

Usage: ``python -m bench.evaluate.flags_heldout2_export``
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections.abc import Sequence
from dataclasses import asdict

from bench.evaluate import levels_export as lx
from bench.evaluate.common import (
    Provenance,
    eval_dir,
    git_ls,
    git_show,
    reserved_paths,
    sha256_text,
    write_csv,
)

DATASET = "plan_toelichting_heldout2"
SKIP_PLANS = 250 + 40  # levels held-out (PLAN_SAMPLE) + rewrite judgement (REST_PLANS)
N_PLANS = 30
PARAS_PER_PLAN = 4
MAX_SENTENCES = 2
# The columns of every exported flags-unit file (heldout2, heldout3, heldout4).
COLUMNS = ("dataset", "unit_id", "document", "path", "text", "text_sha256")
# Sentence end: . ! ? followed by space and an upper-case letter or digit; not after a
# common abbreviation or a single letter/number ("art.", "o.a.", "nr.", "1.").
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý\"'(])")
_ABBREVIATIONS = r"art|nr|o\.a|m\.b\.t|i\.v\.m|bijv|d\.w\.z|e\.d|etc|ca|jo|lid|blz|dhr|mevr|St"
_NO_SPLIT = re.compile(rf"(?:\b(?:{_ABBREVIATIONS})\.|\b\w\.|\d\.)$")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph (a conservative rule: no split after an abbreviation)."""
    parts: list[str] = []
    for piece in _SENT.split(paragraph):
        if parts and _NO_SPLIT.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p for p in parts if p.strip()]


def cut_units(paragraph: str, max_sentences: int = MAX_SENTENCES) -> list[str]:
    """Consecutive groups of at most ``max_sentences`` sentences."""
    sents = split_sentences(paragraph)
    return [" ".join(sents[i : i + max_sentences]) for i in range(0, len(sents), max_sentences)]


def plan_order() -> tuple[list[str], dict[str, list[str]], int]:
    reserved = {p for p in reserved_paths() if p.startswith(lx.PLAN_DIR)}
    reserved_plans = {lx.plan_key(p) for p in reserved}
    by_plan: dict[str, list[str]] = {}
    excluded = 0
    for path in git_ls(lx.PLAN_REPO, lx.PLAN_DIR, lx.PLAN_COMMIT):
        if not path.endswith(".md"):
            continue
        key = lx.plan_key(path)
        if path in reserved or key in reserved_plans:
            excluded += 1
            continue
        by_plan.setdefault(key, []).append(path)
    order = sorted(by_plan, key=lambda k: hashlib.sha256(k.encode("utf-8")).hexdigest())
    return order, by_plan, excluded


def build_units() -> tuple[list[dict], int]:
    order, by_plan, excluded = plan_order()
    used_elsewhere = 0
    rows: list[dict] = []
    plans = 0
    for key in order:
        if plans >= N_PLANS:
            break
        path = sorted(by_plan[key])[-1]
        try:
            markdown = git_show(lx.PLAN_REPO, path, lx.PLAN_COMMIT).decode("utf-8")
        except subprocess.CalledProcessError:
            continue
        if used_elsewhere < SKIP_PLANS:
            if lx.plan_text(key, path, markdown):
                used_elsewhere += 1
            continue
        paragraphs = lx.prose_paragraphs(markdown)[:PARAS_PER_PLAN]
        if len(paragraphs) < PARAS_PER_PLAN:
            continue
        plans += 1
        for p_i, paragraph in enumerate(paragraphs):
            for u_i, unit in enumerate(cut_units(paragraph)):
                rows.append(dict(dataset=DATASET, unit_id=f"{key}-p{p_i}-u{u_i}", document=key,
                                 path=path, text=unit, text_sha256=sha256_text(unit)))  # fmt: skip
    return rows, excluded


def main(argv: Sequence[str] | None = None) -> int:
    rows, excluded = build_units()
    out = eval_dir() / "flags"
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "heldout2_units.csv", rows, COLUMNS)  # atomic
    prov = Provenance(
        dataset=DATASET,
        repository=lx.PLAN_REPO,
        commit=lx.PLAN_COMMIT,
        paths=[lx.PLAN_DIR],
        licence="Public government documents (zoning-plan decisions of municipal councils); "
        "Auteurswet art. 11 / 15b. Texts not committed.",
        note=(
            f"Plans in sha256(plan id) order after the {SKIP_PLANS} used by levels_export "
            f"and rewrite_eval; {N_PLANS} plans with >= {PARAS_PER_PLAN} running-text "
            f"paragraphs, the first {PARAS_PER_PLAN} each, cut into units of <= "
            f"{MAX_SENTENCES} sentences."
        ),
        n_items=len(rows),
        excluded_reserved=excluded,
    )
    (out / "heldout2_PROVENANCE.json").write_text(
        json.dumps(asdict(prov), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(rows)} units from {len({r['document'] for r in rows})} plans -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
