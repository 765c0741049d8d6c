"""Measure the programme parser on development bundles (several documents in one PDF).

    .venv/bin/python bench/evaluate/programme_bundles.py [--verbose] [--only NAME]

The bundles are built by ``programme_bundle_export.py`` into
``<eval dir>/programme_bundles/dev`` from real development PDFs. Two measures per bundle:

* bundle vs stand-alone: every part is also parsed as the stand-alone file it was cut
  from; the bundle's programmes (number, title, in order; those of the parts read as
  budgets), cost-table amounts (programme, row, column, value; a text part's outside any
  programme) and indicators (name, value) are compared with the union of those of its parts
  read alone (found / stand-alone count, and extra ones), and its headings, paragraphs and
  items with theirs, in order;
* against the expected record of the stand-alone budget (``programme_documents.py``'s
  measures), where the bundle's budget has one: the record's figures are the bundle's
  expected figures.

Development figures only: no held-out document is part of a bundle.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.evaluate.common import eval_dir, git_show, read_provenance  # noqa: E402
from bench.evaluate.programme_bundle_export import SHEET, own_pdf, sheet_pdf  # noqa: E402
from bench.evaluate.programme_documents import (  # noqa: E402
    REAL_EXPECTED,
    evaluate,
    norm,
    parse,
    report,
)
from pipeline.config import IngestSettings  # noqa: E402
from pipeline.ingest.programme.parser import Parser  # noqa: E402
from pipeline.ingest.readers import read_input  # noqa: E402
from pipeline.records import Document, content_hash  # noqa: E402

DATASET = "programme_bundles"


def facts(
    doc: Document,
) -> tuple[list[tuple[str | None, str]], set[tuple], set[tuple], list[str]]:
    """Programmes, amounts, indicators and texts (headings, paragraphs, items in reading
    order) of a parsed document, as compared."""
    programme_of = {p.programme_id: p.number for p in doc.programmes}
    sections = doc.all_sections()
    texts = [
        norm(x)
        for s in sections
        for x in [s.heading or "", *(p.text for p in s.paragraphs), *(i.text for i in s.items)]
    ]
    amounts = {
        (programme_of.get(s.programme_id or ""), norm(a.row_label), norm(a.column_label),
         a.value.strip())
        for s in sections for t in s.tables for a in t.amounts
    }  # fmt: skip
    indicators = {(norm(i.name), norm(i.value)) for s in sections for t in s.tables
                  for i in t.indicators}  # fmt: skip
    return [(p.number, norm(p.title)) for p in doc.programmes], amounts, indicators, texts


def parse_alone(path: Path) -> tuple[Document, bool]:
    """A part read as a stand-alone file, and whether it reads as a budget or report on
    evidence of its own (``programme/bundle.py``: not by a type from its title alone)."""
    raw = read_input(path)
    parser = Parser(raw.layout(), raw.text, path.name, content_hash(raw.data), IngestSettings())
    doc = parser.parse()
    return doc, doc.family == "programme" and parser.programme_evidence


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--only", default=None, help="one bundle file name")
    args = parser.parse_args()
    folder = eval_dir() / DATASET / "dev"
    if not folder.is_dir():
        raise SystemExit(f"{folder}: missing; run bench/evaluate/programme_bundle_export.py")
    notes = json.loads(read_provenance(folder.parent).note)
    tmp = eval_dir() / DATASET / "standalone"
    tmp.mkdir(parents=True, exist_ok=True)
    standalone: dict[str, tuple[Document, bool]] = {}
    for bundle in notes:
        if args.only and bundle["file"] != args.only:
            continue
        doc = parse(folder / bundle["file"])
        want_p: list[tuple[str | None, str]] = []
        want_a: set[tuple] = set()
        want_i: set[tuple] = set()
        want_t: list[str] = []
        for part in bundle["parts"]:
            key = part["sha256"]
            if key not in standalone:
                path = tmp / f"{key[:16]}.pdf"
                if not path.is_file():
                    if part["repository"] == "own":
                        data = own_pdf(part["path"])
                    elif part["repository"] == SHEET:
                        data = sheet_pdf(
                            part["path"].removeprefix("made here: ").replace(" / ", "\n")
                        )
                    else:
                        data = git_show(part["repository"], part["path"])
                    path.write_bytes(data)
                standalone[key] = parse_alone(path)
            alone, budget = standalone[key]
            p, a, i, t = facts(alone)
            if budget:
                want_p += p
            else:  # a text part's tables stand outside any programme
                a = {(None, *rest) for _, *rest in a}
            want_a |= a
            want_i |= i
            want_t += t
        got_p, got_a, got_i, got_t = facts(doc)
        types = [
            (part["part"], budget, alone.document_type, alone.year)
            for part in bundle["parts"]
            for alone, budget in [standalone[part["sha256"]]]
        ]
        print(f"## {bundle['file']} ({bundle['pages']} pages)")
        print(f"parts read alone (name, budget, type, year): {types}")
        print(f"bundle: family {doc.family}, type {doc.document_type}, year {doc.year}, "
              f"municipality {doc.municipality}, title {doc.title!r}")  # fmt: skip
        print(f"programmes equal to stand-alone: {got_p == want_p} "
              f"({len(got_p)} in the bundle, {len(want_p)} stand-alone)")  # fmt: skip
        print(f"amounts: {len(got_a & want_a)}/{len(want_a)} of stand-alone, "
              f"{len(got_a - want_a)} extra")  # fmt: skip
        print(f"indicators: {len(got_i & want_i)}/{len(want_i)} of stand-alone, "
              f"{len(got_i - want_i)} extra")  # fmt: skip
        print(f"headings, paragraphs and items equal to stand-alone, in order: {got_t == want_t} "
              f"({len(got_t)} in the bundle, {len(want_t)} stand-alone)")  # fmt: skip
        if args.verbose:
            if got_p != want_p:
                print(f"  programmes bundle {got_p}\n  stand-alone {want_p}")
            for a in sorted(want_a - got_a, key=str)[:10]:
                print("  missing amount", a)
            for a in sorted(got_a - want_a, key=str)[:10]:
                print("  extra amount", a)
        if bundle["expected_record"]:
            record_set, record_file = bundle["expected_record"]
            exp_path = REAL_EXPECTED / record_set / f"{record_file}.expected.json"
            exp = json.loads(exp_path.read_text(encoding="utf-8"))
            c: Counter[str] = Counter()
            found: list[str] = []
            evaluate(doc, {**exp, "file": bundle["file"]}, c, found)
            print(report(f"{bundle['file']} against the record of {record_file}", c))
            if args.verbose:
                print("\n".join(found))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
