"""Regenerate the golden files for comment-thread parsing (tests/fixtures/golden/threads/).

Run this only after checking that a change in the parsed threads is intended:

    .venv/bin/python scripts/regenerate_golden_threads.py

Golden files hold no raw names: authors are pseudonyms under the test secret, texts are the
first characters of the scrubbed text. tests/test_ingest_threads.py compares with them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "tests" / "fixtures" / "raw" / "threads"
GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "threads"
SEEDS = Path(os.environ.get("GEMEENTETAAL_SEEDS", ROOT.parent / "shared" / "seeds"))
SECRET = "test-secret"
TEXT_CHARS = 30


def golden_inputs() -> dict[str, Path]:
    """Golden file name -> input: the seed thread, the thread fixtures and the samples."""
    seeds = sorted(SEEDS.glob("004_*.txt"))
    inputs = {"seed_004.json": seeds[0]} if seeds else {}
    for path in sorted(RAW.iterdir()):
        if path.is_file() and path.name != "not_a_thread.txt":
            inputs[f"{path.name}.json"] = path
    for path in sorted((ROOT / "data" / "raw").glob("thread_*")):
        inputs[f"sample_{path.name}.json"] = path
    return inputs


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def golden_summary(path: Path) -> list[dict[str, Any]]:
    """What the golden file records for ``path``: per thread, the structure of every comment."""
    sys.path.insert(0, str(ROOT))
    from pipeline.config import load_settings
    from pipeline.ingest import ingest_file
    from pipeline.privacy import Pseudonymiser

    settings = load_settings(None, {"privacy": {"secret": SECRET}}, environ={})
    threads = ingest_file(path, settings, Pseudonymiser(settings.privacy))
    return [
        {
            "layout": t.layout,
            "article_title": (t.article_title or "")[:TEXT_CHARS] or None,
            "article_start": t.article_text[:TEXT_CHARS],
            "article_end": t.article_text[-TEXT_CHARS:],
            "published": _iso(t.published),
            "n_comments": len(t.comments),
            "comments": [
                {
                    "index": c.index,
                    "author": c.author,
                    "timestamp": _iso(c.timestamp),
                    "parent_index": c.parent_index,
                    "depth": c.depth,
                    "text": c.text[:TEXT_CHARS],
                    "urls": c.urls,
                    "emoji": c.emoji,
                    "contains_email": c.contains_email,
                    "contains_phone": c.contains_phone,
                }
                for c in t.comments
            ],
        }
        for t in threads
    ]


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, path in golden_inputs().items():
        target = GOLDEN / name
        text = json.dumps(golden_summary(path), ensure_ascii=False, indent=2) + "\n"
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
