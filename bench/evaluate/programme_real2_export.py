"""Export a second organisation's budget documents for a held-out whole-document check.

    .venv/bin/python bench/evaluate/programme_real2_export.py

Writes ``<eval dir>/programme_documents2/heldout/<name>`` (the documents as published) and
``PROVENANCE.json`` (repository, commit, paths, licence, split, ``sha256`` per file). Nothing of
it is committed, and nobody developing the programme parser has read these documents: the
expected records are to be written from the documents before the parser is first run on them.

Source (fetched first, see docs/evaluation.md): ``meijer1973/azwa`` at ``COMMIT``, a research
corpus on the AZWA health agreement whose ``data/raw/`` holds public documents as downloaded.
The only planning-and-control documents in it are those of GGD Flevoland, a joint arrangement
(gemeenschappelijke regeling) of the six Flevoland municipalities under the BBV, not a
municipality. No second municipality's budget was found in the stored repositories (search
recorded in docs/evaluation.md).

* ``ggd_flevoland_begroting_2026.pdf``: Begroting 2026 (49 pages, text layer): programmes
  Publieke gezondheid and Ambulancehulpverlening en meldkamer, "Wat willen we bereiken",
  overview of baten en lasten, paragraphs, taakvelden annex.
* ``ggd_flevoland_ab_bundel_2024-11-07.pdf``: the meeting bundle of the Algemeen Bestuur of
  7 November 2024 (103 pages): agenda and minutes, then the Begroting 2025 and the
  bestuursrapportage (BURAP) najaar 2024. A bundle, not a single document; held out for the
  "several documents in one file" case.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.evaluate.common import Provenance, eval_dir, git_show  # noqa: E402

DATASET = "programme_documents2"
REPO = "meijer1973/azwa"
COMMIT = "7cf7325e3608b0eeb68d4521ca5f45614111c5fe"
RAW = "data/raw/regional/"
UPLOADS = "https://www.ggdflevoland.nl/app/uploads/sites/6/"
# (repository path, split, file name in the export, original address per data/raw/manifest.json)
FILES = [
    (RAW + "reg_ggd_flevoland_begroting_2026.pdf", "heldout", "ggd_flevoland_begroting_2026.pdf",
     UPLOADS + "2025/10/Begroting-2026-GGD-Flevoland.pdf"),
    (RAW + "reg_ggd_flevoland_bestuursrapportage_aug_2024.pdf", "heldout",
     "ggd_flevoland_ab_bundel_2024-11-07.pdf",
     UPLOADS + "2024/11/Agendabundel-AB-7-november-GGD-Flevoland.pdf"),
]  # fmt: skip
LICENCE = (
    "No licence file in the repository. Documents published by GGD Flevoland, a public body "
    "(gemeenschappelijke regeling under the Wgr), on ggdflevoland.nl: works made public by a "
    "public authority, reproduction allowed under Auteurswet art. 15b unless copyright is "
    "reserved (none is). Not committed to this repository."
)


def write(folder: Path, name: str, data: bytes) -> str:
    """Write ``data`` atomically to ``folder/name``; return its ``sha256``."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / (name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(folder / name)
    return hashlib.sha256(data).hexdigest()


def main() -> int:
    out = eval_dir() / DATASET
    files = []
    for path, split, name, url in FILES:
        data = git_show(REPO, path, COMMIT)
        if not data.startswith(b"%PDF"):  # an LFS pointer or a missing blob, not the document
            raise SystemExit(f"{path} at {COMMIT[:8]} is not a PDF ({len(data)} bytes)")
        digest = write(out / split, name, data)
        files.append({"file": name, "sha256": digest, "split": split, "path": path,
                      "bytes": str(len(data)), "source_url": url})  # fmt: skip
    Provenance(
        dataset=DATASET,
        repository=REPO,
        commit=COMMIT,
        paths=[p for p, _, _, _ in FILES],
        licence=LICENCE,
        note=json.dumps(files, ensure_ascii=False),
        n_items=len(files),
    ).write(out)
    for entry in files:
        print(entry["split"], entry["file"], entry["bytes"], entry["sha256"][:12])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
