"""Render the project's own whole test documents and their expected records.

    .venv/bin/python scripts/make_test_documents.py [OUT_DIR]

Each spec in ``scripts/test_document_specs.py`` becomes one file in its layout (PDF with a
table of contents, running header and footer and hyphenation; Word with heading styles,
list numbering from numbering.xml and tables; an HTML page with site chrome; Markdown; a
text export with a tab-flattened table) and ``<name>.expected.json``: what the parser should
find, derived from the spec and the rendering (never from the parser). Output goes to
``tests/fixtures/documents/{dev,heldout}/``. The files are committed; the script is
deterministic (fixed dates, no randomness).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from test_document_specs import DEVELOPMENT, HELD_OUT, Spec  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "documents"
LETTERS = "ABCDEFGHIJ"


# expected records ----------------------------------------------------------------------


def unit_multiplier(unit: str) -> int:
    return 1000 if "1.000" in unit else 1_000_000 if "mln" in unit.lower() else 1


def to_number(value: str) -> float | None:
    text = value.strip().replace(".", "").replace(",", ".")
    negative = text.startswith(("-", "−")) or text.startswith("(")
    text = text.strip("-−() ")
    if not text:
        return None
    number = float(text)
    return -number if negative else number


def expected_record(spec: Spec, furniture: list[str], hyphenated: list[str]) -> dict[str, Any]:
    """What the parser should find in the rendered document."""
    programmes, amounts, indicators, pairs, statuses, texts = [], [], [], [], [], []
    for prog in spec["programmes"]:
        headings = [prog["heading"]] + [h for h, _ in prog["sections"]]
        programmes.append(
            {
                "number": prog["number"],
                "title": prog["title"],
                "portfolio_holders": prog["holders"],
                "director": prog.get("director"),
                "headings": headings,
            }
        )
        goals: list[str] = []
        for _heading, blocks in prog["sections"]:
            for block in blocks:
                kind = block[0]
                if kind == "p":
                    texts.append(block[1])
                elif kind == "goals":
                    goals = list(block[1])
                    texts += goals
                elif kind in ("actions", "actions_sub"):
                    actions = [a if kind == "actions" else a[0] for a in block[1]]
                    texts += actions
                    if kind == "actions_sub":
                        texts += [s for _, subs in block[1] for s in subs]
                    pairs += [[g, a] for g, a in zip(goals, actions, strict=False)]
                elif kind == "goal_bullets":
                    goal = block[1].split(":", 1)[1].strip()
                    texts.append(goal)
                    for action, status in block[2]:
                        pairs.append([goal, action])
                        statuses.append([action, status])
                        texts.append(action)
                elif kind == "pair_table":
                    for goal, action in block[1]:
                        pairs.append([goal, action])
                        texts += [goal, action]
                elif kind == "doel":
                    for _, action, status in block[3]:
                        pairs.append([block[2], action])
                        statuses.append([action, status])
                        texts.append(action)
                    texts.append(block[2])
                elif kind == "cost":
                    _, caption, unit, columns, rows = block
                    for label, values in rows:
                        for column, value in zip(columns, values, strict=True):
                            n = to_number(value)
                            amounts.append(
                                {
                                    "programme": prog["number"],
                                    "caption": caption,
                                    "row": label,
                                    "column": column,
                                    "value": value,
                                    "unit": unit,
                                    "amount_eur": None if n is None else n * unit_multiplier(unit),
                                }
                            )
                elif kind == "indicators":
                    for name, unit, period, value, source in block[1]:
                        indicators.append(
                            {"programme": prog["number"], "name": name, "unit": unit,
                             "period": period, "value": value, "source": source}
                        )  # fmt: skip
    for _, blocks in [*spec["front"], *spec["back"]]:
        texts += [b[1] for b in blocks if b[0] == "p"]
    return {
        "file": f"{spec['name']}.{spec['format']}",
        "family": "text" if spec.get("other") else "programme",
        "municipality": spec["municipality"],
        "document_type": spec["document_type"],
        "year": spec["year"],
        "title": spec["title"],
        "programmes": programmes,
        "document_sections": [h for h, _ in [*spec["front"], *spec["back"]] if h],
        "pairs": pairs,
        "statuses": statuses,
        "amounts": amounts,
        "indicators": indicators,
        "furniture": furniture,
        "hyphenated": hyphenated,
        "texts": texts,
    }


# a flat stream of elements, shared by the renderers -----------------------------------


def elements(spec: Spec) -> list[tuple[Any, ...]]:
    """The document as a flat list of (kind, ...) elements in reading order."""
    out: list[tuple[Any, ...]] = []
    if spec["title"] and not spec.get("other"):
        out.append(("title", spec["title"]))
    for heading, blocks in spec["front"]:
        if heading:
            out.append(("heading", 1, heading))
        out += [("block", b) for b in blocks]
    for prog in spec["programmes"]:
        out.append(("heading", 1, prog["heading"]))
        if prog.get("holders_in_aside"):
            out.append(("aside", prog["holders_line"]))
        elif "holders_list" in prog:
            out.append(("meta_list", prog["holders_line"], prog["holders_list"]))
        else:
            out.append(("meta", prog["holders_line"]))
        if prog.get("director_line"):
            out.append(("meta", prog["director_line"]))
        for heading, blocks in prog["sections"]:
            out.append(("heading", 2, heading))
            out += [("block", b) for b in blocks]
    for heading, blocks in spec["back"]:
        out.append(("heading", 1, heading))
        out += [("block", b) for b in blocks]
    return out


def letter(i: int, style: str) -> str:
    return f"{LETTERS[i].lower()})" if style == "lower_paren" else f"{LETTERS[i]}."


def status_text(status: str) -> str:
    return {"Groen": "● Groen", "Oranje": "● Oranje", "Rood": "● Rood"}.get(status, status)


def main(out: Path = OUT) -> list[Path]:
    from render_documents import RENDERERS

    written = []
    for part, specs in (("dev", DEVELOPMENT), ("heldout", HELD_OUT)):
        folder = out / part
        folder.mkdir(parents=True, exist_ok=True)
        for spec in specs:
            target = folder / f"{spec['name']}.{spec['format']}"
            furniture, hyphenated = RENDERERS[spec["format"]](spec, target)
            expected = expected_record(spec, furniture, hyphenated)
            (folder / f"{spec['name']}.expected.json").write_text(
                json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
            written.append(target)
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return written


WORD = re.compile(r"\w+")

if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
