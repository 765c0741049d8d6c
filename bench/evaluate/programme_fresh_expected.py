"""Write the expected records of the fresh held-out budget (Begroting 2021-2024, Wassenaar).

    .venv/bin/python bench/evaluate/programme_fresh_expected.py

Written and committed BEFORE the project's parser was run on this document. Source:
github benjosb/beleidsbibliotheek @ 33a829196473e7c3dfaf624575b9a6f6b6cff607,
``wassenaar/analyse-begrotingen/begroting-wassenaar-2021-2024.pdf``, copied to
``../evaldata/programme_documents_real/heldout2/wassenaar_begroting_2021.pdf`` (not committed).
The cost-table amounts ("Wat gaat het kosten ?", one table per programme, one row block per
taakveld with Baten/Lasten/Saldo) are transcribed from pypdf's plain ``extract_text`` (an
independent reading, not the project's layout reader). Row convention: ``<taakveld> <Baten|
Lasten|Saldo>``, e.g. ``0.1 Bestuur Lasten``. Programme numbers/titles come from the table
captions ("Programma: P0 Bestuur en ondersteuning"). Indicators and goal/action pairs are not
labelled yet (no time in this round); the expected file says so with empty lists.
"""

import hashlib
import json
import re
import sys
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.evaluate.common import eval_dir  # noqa: E402

PDF = eval_dir() / "programme_documents_real" / "heldout2" / "wassenaar_begroting_2021.pdf"
OUT = ROOT / "tests" / "fixtures" / "real" / "programme_documents" / "heldout2"
NUM = r"-?\d{1,3}(?:\.\d{3})*"
ROW = re.compile(r"^(.*?)\s*(Baten|Lasten|Saldo)\s+((?:" + NUM + r"\s+){5}" + NUM + r")\s*$")


def main() -> None:
    reader = pypdf.PdfReader(PDF)
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    amounts, programmes = [], {}
    for m in re.finditer(r"Wat gaat het kosten \?", text):
        block = text[m.start() : m.start() + 6000]
        head = re.search(r"Programma: P(\d+) (.*?)(?:Rekening|\n\()", block, re.S)
        if not head:
            continue
        prog = head.group(1)
        programmes[prog] = " ".join(head.group(2).split())
        years = re.search(r"bedragen x € 1\.000 ((?:20\d\d ){5}20\d\d)", block).group(1).split()
        cols = [f"Rekening {years[0]}"] + [f"Begroting {y}" for y in years[1:]]
        label, pending = "", []
        for line in block[head.end() :].splitlines()[1:]:
            line = " ".join(line.split())
            if line.startswith(("Totaal", "Wat ", "Verbonden", "Naam ", "Toelichting")):
                break
            mm = ROW.match(line)
            if mm:
                if mm.group(1):
                    label = " ".join([*pending, mm.group(1)])
                elif pending:
                    label = " ".join(pending)
                pending = []
                for c, v in zip(cols, mm.group(3).split(), strict=True):
                    amounts.append(
                        {
                            "programme": prog,
                            "caption": "Wat gaat het kosten",
                            "row": f"{label} {mm.group(2)}",
                            "column": c,
                            "value": v,
                            "unit": "bedragen x € 1.000",
                        }
                    )
            elif re.match(r"^\d+\.\d+\s", line) or (pending and line):
                # a taakveld label, or its wrapped rest ("gronden", "(VpB)", "18+"); round 4
                # fix: a rest starting with a digit ("18+", "18-") was dropped before
                pending.append(line)
    data = {
        "file": PDF.name,
        "sha256": hashlib.sha256(PDF.read_bytes()).hexdigest(),
        "source": "real",
        "family": "programme",
        "municipality": "Wassenaar",
        "document_type": "begroting",
        "year": 2021,
        "title": "Programmabegroting 2021",
        "programmes": [
            {"number": n, "title": t, "portfolio_holders": [], "director": None, "headings": None}
            for n, t in sorted(programmes.items(), key=lambda kv: int(kv[0]))
        ],
        "amounts": amounts,
        "indicators": [],
        "pairs": [],
        "statuses": [],
        "furniture": [],
        "hyphenated": [],
        "texts": [],
        "not_labelled": ["indicators", "pairs", "furniture", "hyphenated", "texts"],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / (PDF.name + ".expected.json")).write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(len(programmes), "programmes,", len(amounts), "amounts")


if __name__ == "__main__":
    main()
