"""Write the golden-file input of a bundle (``tests/fixtures/raw/programme/``, a PDF).

    .venv/bin/python scripts/make_bundle_fixture.py

A fictional board bundle of a joint arrangement (our own text): an agenda of two pages
("Pagina 1 van 2", Helvetica), a Begroting 2026 with an unnumbered cover, a running header
with its page number and numbered chapters as programmes (DejaVu Sans; the agenda's numbered
items are set larger than the chapters and one names a "Programma"), and a letter without
page numbers (Times). Read as one document the agenda's items would take the budget's
chapters away; read as a bundle (``pipeline/ingest/bundles.py``) the budget gives its two
programmes. The file is committed; run this script only to make it again on purpose (then
regenerate the golden file with ``scripts/regenerate_golden.py`` and check it by hand).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "tests" / "fixtures" / "raw" / "programme" / "bundle_ab_noorderland.pdf"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FIXED_TIME = datetime(2025, 10, 1, 12, 0, tzinfo=UTC)
ORG = "Veiligheidsregio Noorderland"

AGENDA = [
    ("1. Opening en mededelingen", "De voorzitter opent de vergadering en meldt de afwezigen."),
    ("2. Verslag van 4 juli 2025", "Het algemeen bestuur stelt het verslag ongewijzigd vast."),
    ("3. Programma Brandweerzorg: stand van zaken",
     "De commandant vertelt over de werving van vrijwilligers in de kleine kernen."),
    ("4. Ontwerpbegroting 2026",
     "Het dagelijks bestuur legt de ontwerpbegroting 2026 voor. De gemeenteraden gaven "
     "hun zienswijze; de reactie daarop staat in de brief bij dit agendapunt."),
    ("5. Rondvraag en sluiting", "Er zijn geen vragen. De voorzitter sluit de vergadering."),
]  # fmt: skip
CHAPTERS = [
    ("1. Inleiding", None, [
        "Deze begroting beschrijft wat de veiligheidsregio in 2026 doet en wat dat kost.",
        "De gemeenten betalen samen de inwonerbijdrage; die stijgt met de loon- en "
        "prijsontwikkeling.",
    ]),
    ("2. Brandweerzorg", ("Lasten", ["8.410", "8.735"], "Baten", ["-310", "-320"]), [
        "Inwoners en bedrijven zijn goed voorbereid op brand en ander onheil.",
        "De brandweer is bij een brand binnen de normtijd ter plaatse.",
    ]),
    ("3. Crisisbeheersing", ("Lasten", ["1.220", "1.265"], "Baten", ["-40", "-40"]), [
        "Bij een ramp of crisis werken hulpdiensten en gemeenten als één organisatie.",
        "Elk jaar oefenen de crisisteams met een scenario uit het risicoprofiel.",
    ]),
    ("4. Financiën", None, [
        "De begroting is sluitend. Het weerstandsvermogen blijft boven de norm van 1,0.",
    ]),
]  # fmt: skip
LETTER = [
    "Aan de gemeenteraden van de regio Noorderland",
    "Geachte leden van de raad,",
    "Wij danken u voor uw zienswijze op de ontwerpbegroting 2026. U vraagt ons de "
    "inwonerbijdrage niet verder te laten stijgen dan de loon- en prijsontwikkeling. Dat "
    "doen wij: de begroting volgt die ontwikkeling en voegt geen nieuwe taken toe.",
    "Met vriendelijke groet,",
    "het dagelijks bestuur van de Veiligheidsregio Noorderland",
]


def _agenda(pdf: object) -> None:
    for page, items in enumerate([AGENDA[:3], AGENDA[3:]], start=1):
        pdf.add_page()
        if page == 1:
            pdf.set_font("helvetica", "B", 16)
            pdf.text(56, 90, f"Agenda algemeen bestuur {ORG}")
            pdf.set_font("helvetica", "", 11)
            pdf.text(56, 112, "Vergadering van 6 november 2025, 14.00 uur, Regiokantoor")
        y = 160.0
        for heading, text in items:
            pdf.set_font("helvetica", "B", 22)
            pdf.text(56, y, heading)
            pdf.set_font("helvetica", "", 11)
            pdf.set_xy(56, y + 10)
            pdf.multi_cell(480, 15, text)
            y = pdf.get_y() + 40
        pdf.set_font("helvetica", "", 8)
        pdf.text(480, 810, f"Pagina {page} van 2")


def _budget(pdf: object) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 40)
    pdf.text(56, 380, "Begroting 2026")
    pdf.set_font("DejaVu", "", 16)
    pdf.text(56, 420, ORG)
    for number, (heading, costs, paragraphs) in enumerate(CHAPTERS, start=2):
        pdf.add_page()
        pdf.set_font("DejaVu", "", 8)
        pdf.text(56, 40, f"{ORG} Begroting 2026")
        pdf.text(520, 40, str(number))
        pdf.set_font("DejaVu", "B", 18)
        pdf.text(56, 100, heading)
        y = 130.0
        if costs is not None:
            pdf.set_font("DejaVu", "B", 12)
            pdf.text(56, y, "Wat willen we bereiken?")
            y += 8
        pdf.set_font("DejaVu", "", 10)
        for text in paragraphs:
            pdf.set_xy(56, y)
            pdf.multi_cell(480, 14, text)
            y = pdf.get_y() + 10
        if costs is None:
            continue
        pdf.set_font("DejaVu", "B", 12)
        pdf.text(56, y + 20, "Wat gaat het kosten?")
        y += 50
        pdf.set_font("DejaVu", "", 9)
        rows = [
            ("Bedragen x € 1.000", ["2025", "2026"]),
            (costs[0], costs[1]),
            (costs[2], costs[3]),
        ]
        total = [
            f"{int(a.replace('.', '')) + int(b.replace('.', '')):,}".replace(",", ".")
            for a, b in zip(costs[1], costs[3], strict=True)
        ]
        rows.append(("Saldo", total))
        for label, values in rows:
            pdf.text(56, y, label)
            for k, value in enumerate(values):
                pdf.text(330 + 90 * k + 50 - pdf.get_string_width(value), y, value)
            y += 16


def _letter(pdf: object) -> None:
    pdf.add_page()
    pdf.set_font("times", "", 12)
    y = 120.0
    for text in LETTER:
        pdf.set_xy(72, y)
        pdf.multi_cell(450, 16, text)
        y = pdf.get_y() + 12


def main() -> int:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    _agenda(pdf)
    _budget(pdf)
    _letter(pdf)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(bytes(pdf.output()))
    print(TARGET.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
