"""Benchmark: ingest a long programme-budget PDF (target: 300 pages in under 60 s, flat memory).

    .venv/bin/python bench/bench_pdf.py [--pages 300]

Makes a synthetic budget PDF with fpdf2 (running header and footer, a table of contents,
programmes with lettered goals and actions, prose with hyphenation and a cost table per
programme), then reads and parses it (``read_input`` + ``parse_document``) in a fresh
process per size, timing it and recording the peak resident memory. Memory is "flat" when
the peak grows far less than the page count. Results go to ``bench/results_pdf.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PROSE = (
    "De gemeente werkt samen met inwoners, ondernemers en maatschappelijke organisaties aan "
    "een vitale samenleving. We investeren in voorzieningen, onderhouden de openbare ruimte "
    "en zorgen dat de dienstverlening betrouwbaar en toegankelijk is voor iedereen. "
)


def make_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    class Pdf(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", size=8)
            self.set_xy(20, 10)
            self.cell(170, 5, "Programmabegroting 2025 | Gemeente Voorbeeld")
            self.set_y(22)

        def footer(self) -> None:
            self.set_font("DejaVu", size=8)
            self.set_xy(20, -15)
            self.cell(170, 5, f"Pagina {self.page_no()}", align="C")

    pdf = Pdf(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_margins(20, 22, 20)
    pdf.set_auto_page_break(True, 22)
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    for n in range(1, 31):
        pdf.cell(170, 6, f"Programma {n} Onderwerp {n} {'.' * 80} {n * 10}",
                 new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    number = 0
    while pdf.page_no() < pages:
        number += 1
        pdf.add_page()
        pdf.set_font("DejaVu", size=16)
        title = f"Programma {(number - 1) % 30 + 1} Onderwerp {number}"
        pdf.cell(170, 10, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=10)
        pdf.cell(170, 6, "Portefeuillehouder: J. Jansen", new_x="LMARGIN", new_y="NEXT")
        for heading in ("Wat willen we bereiken?", "Wat gaan we daarvoor doen?"):
            pdf.set_font("DejaVu", size=12)
            pdf.cell(170, 8, heading, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", size=10)
            for letter in "ABC":
                pdf.multi_cell(170, 5, f"{letter}. {PROSE[:150]}", new_x="LMARGIN", new_y="NEXT")
        for _ in range(6):
            pdf.multi_cell(170, 5, PROSE * 3, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        pdf.cell(170, 6, "Bedragen x € 1.000", new_x="LMARGIN", new_y="NEXT")
        with pdf.table(col_widths=[50, 30, 30, 30, 30], width=170) as table:
            for row in (["", "2025", "2026", "2027", "2028"],
                        ["Lasten", "1.234", "1.250", "1.270", "1.300"],
                        ["Baten", "-310", "-320", "-330", "-340"]):  # fmt: skip
                cells = table.row()
                for cell in row:
                    cells.cell(cell)
    pdf.output(str(path))


def measure(path: Path) -> dict[str, float]:
    """Read and parse ``path`` in a fresh process; seconds and peak RSS in MB."""
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from pipeline.ingest.programme import parse_document
from pipeline.ingest.readers import read_input
from pipeline.records import content_hash
t0 = time.perf_counter()
raw = read_input(Path({str(path)!r}), max_mb=200)
doc = parse_document(raw.layout(), raw.text, "bench.pdf", content_hash(raw.data))
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
amounts = sum(len(t.amounts) for s in doc.all_sections() for t in s.tables)
print(json.dumps({{"seconds": seconds, "peak_mb": peak, "programmes": len(doc.programmes),
                  "amounts": amounts}}))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (args.pages // 3, args.pages):
            path = Path(tmp) / f"begroting_{pages}.pdf"
            t0 = time.perf_counter()
            make_pdf(path, pages)
            made = time.perf_counter() - t0
            result = measure(path)
            rows.append((pages, path.stat().st_size / 1e6, made, result))
            print(pages, result, flush=True)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "# PDF ingest benchmark (`python bench/bench_pdf.py`)",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on this project's machine (2 shared cores,",
        f"load average {load} over 1 / 5 / 15 min at the end: other jobs were running).",
        "Synthetic budget PDF (fpdf2): running header and footer, a table of contents, one",
        "programme per 2 pages with lettered goals and actions, prose and a cost table.",
        "Time and peak memory of `read_input` + `parse_document` in a fresh process.",
        "",
        "| pages | MB | seconds | pages/s | peak RSS MB | programmes | amounts |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for pages, mb, _, r in rows:
        lines.append(
            f"| {pages} | {mb:.1f} | {r['seconds']:.1f} | {pages / r['seconds']:.1f} | "
            f"{r['peak_mb']:.0f} | {r['programmes']} | {r['amounts']} |"
        )
    (ROOT / "bench" / "results_pdf.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
