"""Regenerate the golden files of the programme parser. Run only on purpose:

    .venv/bin/python scripts/regenerate_golden.py

Writes ``tests/fixtures/golden/programme/<stem>.json`` for the seed programme texts
(``../shared/seeds/00[0-3]_*.txt`` or ``$GEMEENTETAAL_SEEDS``) and for every input in
``tests/fixtures/raw/programme/``. Check every changed line by hand against the input before
committing; when the parser is wrong, fix the parser, not the golden file.

Seed texts are not ours to copy: for them a golden file holds headings, metadata and
boilerplate, and for paragraphs and items only a word count, the first and last words and a
hash of the text. Golden files of our own fixtures hold the full texts.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest.programme import parse_document  # noqa: E402
from pipeline.ingest.readers import read_input  # noqa: E402
from pipeline.records import Document, Section, content_hash  # noqa: E402

SEEDS = Path(os.environ.get("GEMEENTETAAL_SEEDS", ROOT.parent / "shared" / "seeds"))
RAW = ROOT / "tests" / "fixtures" / "raw" / "programme"
GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "programme"


def inputs() -> list[tuple[Path, bool]]:
    """Golden inputs as (path, is_seed)."""
    seeds = [(p, True) for p in sorted(SEEDS.glob("00[0-3]_*.txt"))]
    own = [(p, False) for p in sorted(RAW.iterdir()) if p.is_file() and p.name[0] != "."]
    return seeds + own


def _text_view(text: str, full: bool) -> dict[str, Any]:
    if full:
        return {"text": text}
    words = text.split()
    return {
        "n_words": len(words),
        "start": " ".join(words[:4]),
        "end": " ".join(words[-3:]),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
    }


def _section_view(s: Section, full_text: bool) -> dict[str, Any]:
    return {
        "section_id": s.section_id,
        "order": s.order,
        "heading": s.heading,
        "level": s.level,
        "n_paragraphs": len(s.paragraphs),
        "paragraphs": [
            {"paragraph_id": p.paragraph_id, **_text_view(p.text, full_text),
             "boilerplate": p.boilerplate}
            for p in s.paragraphs
        ],
        "items": [
            {
                "item_id": i.item_id,
                "kind": i.kind,
                "letter": i.letter,
                "role": i.role,
                "paired_item_id": i.paired_item_id,
                "status": i.status,
                **_text_view(i.text, full_text),
            }
            for i in s.items
        ],
        "tables": [
            {"kind": t.kind, "caption": t.caption, "unit": t.unit, "header": t.header,
             "rows": t.rows, "n_amounts": len(t.amounts), "n_indicators": len(t.indicators)}
            for t in s.tables
        ],
    }  # fmt: skip


def golden_view(doc: Document, *, full_text: bool) -> dict[str, Any]:
    """The parts of a parsed document that a golden file pins down."""
    return {
        "document_id": doc.document_id,
        "content_hash": doc.content_hash,
        "family": doc.family,
        "municipality": doc.municipality,
        "document_type": doc.document_type,
        "year": doc.year,
        "title": doc.title,
        "boilerplate_lines": doc.boilerplate_lines,
        "sections": [_section_view(s, full_text) for s in doc.sections],
        "programmes": [
            {
                "programme_id": p.programme_id,
                "number": p.number,
                "title": p.title,
                "portfolio_holders": p.portfolio_holders,
                "director": p.director,
                "sections": [_section_view(s, full_text) for s in p.sections],
            }
            for p in doc.programmes
        ],
    }


def parse_file(path: Path) -> Document:
    """Read and parse one input the way ``gemeentetaal ingest`` does (source path: name)."""
    raw = read_input(path)
    return parse_document(raw.layout(), raw.text, path.name, content_hash(raw.data))


def golden_path(path: Path) -> Path:
    return GOLDEN / f"{path.stem}.json"


def main() -> int:
    found = inputs()
    if not any(is_seed for _, is_seed in found):
        print(f"seed inputs not found in {SEEDS} (set GEMEENTETAAL_SEEDS)", file=sys.stderr)
        return 1
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for path, is_seed in found:
        view = golden_view(parse_file(path), full_text=not is_seed)
        target = golden_path(path)
        text = json.dumps(view, ensure_ascii=False, indent=2) + "\n"
        changed = not target.exists() or target.read_text(encoding="utf-8") != text
        target.write_text(text, encoding="utf-8")
        print(f"{'changed ' if changed else 'same    '} {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
