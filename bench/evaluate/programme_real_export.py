"""Export real municipal documents for the whole-document evaluation of the programme parser.

    .venv/bin/python bench/evaluate/programme_real_export.py

Writes ``<eval dir>/programme_documents_real/{dev,heldout}/<name>`` (the documents, as
published) and ``PROVENANCE.json`` (repository, commit, paths, licence, split). Nothing of it
is committed; the expected records, keyed by file name and ``sha256`` of the file's bytes,
live in ``tests/fixtures/real/programme_documents/{dev,heldout}/<name>.expected.json`` and
were written from reading the documents, before the parser was run on them.

Sources (fetched first, see docs/evaluation.md):

* ``benjosb/beleidsbibliotheek``: PDFs of the municipality of Wassenaar as published on
  wassenaar.nl (programmabegrotingen 2024, 2025 and 2026, Jaarstukken 2023, B&W decision
  lists), collected by the repository's author. Development: Begroting 2024, Jaarstukken
  2023, one decision list; held out: Begroting 2025 and 2026, one decision list.
* ``Babakfifoo/dutch_embedding_llm`` at the commit of the reserved list: explanations of
  zoning plans as Markdown; reserved plans (``../shared/reserved``) and every other version
  of them skipped; the first plans in ``sha256(plan id)`` order, one for development and two
  held out.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.evaluate.common import (  # noqa: E402
    Provenance,
    eval_dir,
    git_head,
    git_ls,
    git_show,
    reserved_paths,
)
from bench.evaluate.levels_export import PLAN_COMMIT, PLAN_DIR, PLAN_REPO, plan_key  # noqa: E402

DATASET = "programme_documents_real"
WASSENAAR_REPO = "benjosb/beleidsbibliotheek"
BUDGETS = "wassenaar/analyse-begrotingen/"
DECISIONS = "wassenaar/pdf_downloads/"
# (repository path, split, file name in the export)
WASSENAAR_FILES = [
    (BUDGETS + "begroting_2024.pdf", "dev", "wassenaar_begroting_2024.pdf"),
    (BUDGETS + "_fetched/Jaarstukken_2023.pdf", "dev", "wassenaar_jaarstukken_2023.pdf"),
    (DECISIONS + "besluitenlijst_bw_vergadering_10_december_2024.pdf", "dev",
     "wassenaar_besluitenlijst_bw_2024-12-10.pdf"),
    (BUDGETS + "begroting_2025.pdf", "heldout", "wassenaar_begroting_2025.pdf"),
    (BUDGETS + "begroting_2026.pdf", "heldout", "wassenaar_begroting_2026.pdf"),
    (DECISIONS + "besluitenlijst_bw_vergadering_16_december_2025.pdf", "heldout",
     "wassenaar_besluitenlijst_bw_2025-12-16.pdf"),
    # round 3's fresh held-out budget, development data ("dev3") from round 4 on
    (BUDGETS + "begroting-wassenaar-2021-2024.pdf", "heldout2", "wassenaar_begroting_2021.pdf"),
]  # fmt: skip
PLAN_SPLIT = ["dev", "heldout", "heldout"]


def write(folder: Path, name: str, data: bytes) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / (name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(folder / name)
    return {"file": name, "sha256": hashlib.sha256(data).hexdigest()}


def export_wassenaar(out: Path) -> tuple[list[str], list[dict[str, str]]]:
    files = []
    for path, split, name in WASSENAAR_FILES:
        entry = write(out / split, name, git_show(WASSENAAR_REPO, path))
        files.append({**entry, "split": split, "path": path})
    return [p for p, _, _ in WASSENAAR_FILES], files


def export_plans(out: Path) -> tuple[list[str], list[dict[str, str]], int]:
    reserved = {p for p in reserved_paths() if p.startswith(PLAN_DIR)}
    reserved_plans = {plan_key(p) for p in reserved}
    by_plan: dict[str, list[str]] = {}
    excluded = 0
    for path in git_ls(PLAN_REPO, PLAN_DIR, PLAN_COMMIT):
        if not path.endswith(".md"):
            continue
        if path in reserved or plan_key(path) in reserved_plans:
            excluded += 1
            continue
        by_plan.setdefault(plan_key(path), []).append(path)
    order = sorted(by_plan, key=lambda k: hashlib.sha256(k.encode("utf-8")).hexdigest())
    paths, files = [], []
    for key in order:
        if len(files) == len(PLAN_SPLIT):
            break
        path = sorted(by_plan[key])[-1]
        try:
            data = git_show(PLAN_REPO, path, PLAN_COMMIT)
        except subprocess.CalledProcessError:  # large files are absent from the snapshot
            continue
        if len(data) > 400_000:  # keep the evaluation quick: whole plans of moderate size
            continue
        split = PLAN_SPLIT[len(files)]
        entry = write(out / split, f"plan_{key}.md", data)
        files.append({**entry, "split": split, "path": path})
        paths.append(path)
    return paths, files, excluded


def main() -> int:
    out = eval_dir() / DATASET
    w_paths, w_files = export_wassenaar(out)
    Provenance(
        dataset=DATASET,
        repository=WASSENAAR_REPO,
        commit=git_head(WASSENAAR_REPO),
        paths=w_paths,
        licence=(
            "No licence file in the repository. Published by the municipality of Wassenaar "
            "(budgets adopted by the council, B&W decision lists): works made public by a "
            "public authority, reproduction allowed under Auteurswet art. 15b unless "
            "copyright is reserved (decisions: art. 11). Not committed to this repository."
        ),
        note=json.dumps(w_files, ensure_ascii=False),
        n_items=len(w_files),
    ).write(out / "wassenaar")
    p_paths, p_files, excluded = export_plans(out)
    Provenance(
        dataset=DATASET,
        repository=PLAN_REPO,
        commit=PLAN_COMMIT,
        paths=p_paths,
        licence=(
            "No licence file; explanations of zoning plans (decisions of municipal councils, "
            "Auteurswet art. 11), converted to Markdown by the repository's author."
        ),
        note=json.dumps(p_files, ensure_ascii=False),
        n_items=len(p_files),
        excluded_reserved=excluded,
    ).write(out / "plans")
    for entry in [*w_files, *p_files]:
        print(entry["split"], entry["file"], entry["sha256"][:12])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
