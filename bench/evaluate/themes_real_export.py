"""Export real Dutch municipal paragraphs for the themes evaluation to ``<eval>/themes_real/``.

Sources (never committed; labels live in ``tests/fixtures/real/themes_real.csv``):

* ``wassenaar``: running-text paragraphs of the Wassenaar budgets exported by
  ``programme_real_export.py`` (Begroting 2024, Jaarstukken 2023, Begroting 2025, 2026;
  NOT 2021-2023, kept fresh for another evaluation). Paragraphs are blocks between blank
  lines of the pypdf page text, 200-900 characters, ending in a full stop, mostly letters;
  every ``STRIDE``-th such block is kept so the sample spreads over all programmes.
* ``amsterdam``: City of Amsterdam sentences (EUPL-1.2) of the DEV side of ``flags``
  (``tests/fixtures/real/flags_units_dev.csv``), 2-4 consecutive units of one document joined.

Usage: ``python -m bench.evaluate.themes_real_export``
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from bench.evaluate.common import (
    ROOT,
    Provenance,
    eval_dir,
    read_provenance,
    sha256_text,
    write_csv,
)

PDFS = {
    "wassenaar_begroting_2024.pdf": "dev",
    "wassenaar_jaarstukken_2023.pdf": "dev",
    "wassenaar_begroting_2025.pdf": "heldout",
    "wassenaar_begroting_2026.pdf": "heldout",
}
STRIDE = 9
PER_PDF = 35
MIN_CHARS, MAX_CHARS = 200, 900


def pdf_paragraphs(path: Path) -> list[tuple[int, str]]:
    """(page number, paragraph) of running text in one PDF."""
    import pypdf

    out: list[tuple[int, str]] = []
    for number, page in enumerate(pypdf.PdfReader(path).pages, start=1):
        text = page.extract_text() or ""
        for block in re.split(r"\n\s*\n", text):
            para = re.sub(r"\s+", " ", block).strip()
            if not (MIN_CHARS <= len(para) <= MAX_CHARS) or not para.endswith("."):
                continue
            letters = sum(c.isalpha() for c in para)
            digits = sum(c.isdigit() for c in para)
            if letters < 0.75 * len(para) or digits > 0.05 * len(para):
                continue
            out.append((number, para))
    return out


def wassenaar_rows(folder: Path) -> list[dict]:
    rows: list[dict] = []
    for name, split in PDFS.items():
        paras = pdf_paragraphs(folder / split / name)
        for i, (page, para) in enumerate(paras[::STRIDE][:PER_PDF]):
            rows.append({
                "dataset": "wassenaar", "source": f"{name}#p{page}-{i}",
                "text_sha256": sha256_text(para), "text": para,
            })  # fmt: skip
    return rows


def amsterdam_rows(units_csv: Path, dev_csv: Path) -> list[dict]:
    with dev_csv.open(encoding="utf-8") as f:
        dev = {r["unit_id"]: r["document"] for r in csv.DictReader(f)}
    with units_csv.open(encoding="utf-8") as f:
        texts = {r["unit_id"]: r["text"] for r in csv.DictReader(f) if r["unit_id"] in dev}
    by_doc: dict[str, list[str]] = {}
    for unit in dev:
        if unit in texts:
            by_doc.setdefault(dev[unit], []).append(unit)
    rows: list[dict] = []
    for doc, units in sorted(by_doc.items(), key=lambda kv: int(kv[0])):
        for start in range(0, len(units), 3):
            chunk = units[start : start + 3]
            text = " ".join(texts[u].strip() for u in chunk)
            if len(text) < 120:
                continue
            rows.append({
                "dataset": "amsterdam", "source": f"doc{doc}:{'+'.join(chunk)}",
                "text_sha256": sha256_text(text), "text": text,
            })  # fmt: skip
    return rows


def main() -> None:
    base = eval_dir()
    target = base / "themes_real"
    rows = wassenaar_rows(base / "programme_documents_real") + amsterdam_rows(
        base / "flags" / "units.csv", ROOT / "tests" / "fixtures" / "real" / "flags_units_dev.csv"
    )
    write_csv(target / "paragraphs.csv", rows, ["dataset", "source", "text_sha256", "text"])
    was = read_provenance(base / "programme_documents_real" / "wassenaar")
    ams = read_provenance(base / "flags")
    Provenance(
        dataset="themes_real",
        repository=f"{was.repository} + {ams.repository}",
        commit=f"{was.commit} + {ams.commit}",
        paths=[*PDFS, "flags/units.csv (dev units)"],
        licence=f"Wassenaar: {was.licence} Amsterdam: EUPL-1.2.",
        note="Paragraphs for the real-text themes evaluation; labels by hand in the repo.",
        n_items=len(rows),
    ).write(target)
    print(f"{len(rows)} paragraphs -> {target}")


if __name__ == "__main__":
    main()
