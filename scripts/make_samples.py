"""Generate the synthetic .docx and .pdf programme samples in data/raw/.

The content is fictional. The .docx uses Word heading and list styles and a table, the
.pdf has a real text layer (DejaVu Sans, so ë and ï survive), a running header and page
footers on every page. Both files are committed, so `make run` needs no generation; run
this script again after changing it:

    .venv/bin/python scripts/make_samples.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCX_NAME = "programme_jaarstukken_2024_oss.docx"
PDF_NAME = "programme_begroting_2025_ede.pdf"
FIXED_TIME = datetime(2025, 1, 15, 12, 0, tzinfo=UTC)
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
)

DOCX_GOALS = [
    "A. Inwoners voelen zich veilig in hun eigen wijk.",
    "B. Minder jongeren komen in aanraking met de politie.",
]
DOCX_ACTIONS = [
    "A. We hebben in drie wijken een buurtpreventieteam opgericht. Ruim zestig vrijwilligers "
    "lopen nu wekelijks een ronde.",
    "B. Jongerenwerkers waren vaker op straat aanwezig, ook in de avond.",
]


def make_docx(target: Path) -> Path:
    """Write the jaarstukken sample (Word styles, lettered lists, a table) to ``target``."""
    import docx

    document = docx.Document()
    document.core_properties.author = "gemeentetaal"
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    document.add_heading("Jaarstukken 2024 gemeente Oss", level=0)
    document.add_heading("Programma 1. Veiligheid", level=1)
    document.add_paragraph("Portefeuillehouder: burgemeester K. Smulders")
    document.add_paragraph("Verantwoordelijk directeur: A. Verbeek")
    document.add_heading("Terugblik", level=2)
    document.add_paragraph(
        "In 2024 hebben we hard gewerkt aan een veilige gemeente. We hebben vaker samengewerkt "
        "met inwoners, ondernemers en de politie. Het aantal woninginbraken daalde met "
        "twaalf procent."
    )
    document.add_paragraph(
        "In 2024 startten we ook met een nieuw meldpunt voor overlast. Inwoners kunnen daar "
        "dag en nacht terecht."
    )
    document.add_heading("Wat hebben we bereikt?", level=2)
    for goal in DOCX_GOALS:
        document.add_paragraph(goal)
    document.add_heading("Wat hebben we daarvoor gedaan?", level=2)
    for action in DOCX_ACTIONS:
        document.add_paragraph(action)
    document.add_paragraph("Cameratoezicht in het centrum", style="List Bullet")
    document.add_paragraph("Extra controles bij evenementen", style="List Bullet")
    document.add_heading("Wat heeft het gekost?", level=2)
    document.add_paragraph(
        "De lasten waren iets hoger dan begroot. Dat kwam door extra inzet bij evenementen."
    )
    table = document.add_table(rows=3, cols=3)
    cells = [
        ("Bedragen x € 1.000", "Begroot", "Werkelijk"),
        ("Lasten", "4.210", "4.385"),
        ("Baten", "310", "298"),
    ]
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


def find_font() -> Path:
    """A Unicode TTF font: DejaVu Sans from the system or from matplotlib."""
    for path in FONT_CANDIDATES:
        if path.exists():
            return path
    try:
        import matplotlib

        bundled = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        if bundled.exists():
            return bundled
    except ImportError:
        pass
    raise FileNotFoundError("DejaVuSans.ttf not found; install fonts-dejavu-core")


PDF_PAGES = [
    [
        ("title", "Programmabegroting 2025 gemeente Ede"),
        ("h1", "Programma 6 Onderwijs en jeugd"),
        ("p", "Portefeuillehouder: R. Hendriks"),
        ("h2", "Wat willen we bereiken?"),
        ("p", "A. Alle kinderen gaan naar een school die veilig en gezond is."),
        ("p", "B. Jongeren doen mee in de samenleving en zijn geïnteresseerd in hun buurt."),
        ("h2", "Wat gaan we daarvoor doen?"),
        (
            "p",
            "A. We bouwen één nieuwe school in Ede-Zuid en verbeteren de ventilatie in "
            "vier oude scholen.",
        ),
        (
            "p",
            "B. We vragen jongeren om hun ideeën voor de buurt en geven hun een eigen "
            "budget voor activiteiten.",
        ),
    ],
    [
        ("h2", "Wat mag het kosten?"),
        (
            "p",
            "De financiën van dit programma staan in de tabel hieronder. De lasten stijgen "
            "vooral door de nieuwe school. De rente en afschrijving van het gebouw komen "
            "vanaf 2026 in de begroting.",
        ),
        ("h3", "Leerlingenvervoer"),
        (
            "p",
            "Steeds meer kinderen hebben recht op leerlingenvervoer. We kopen het vervoer "
            "samen met de buurgemeenten in. Zo houden we de kosten in de hand.",
        ),
    ],
]


def make_pdf(target: Path) -> Path:
    """Write the begroting sample (two pages, header and footer on each) to ``target``."""
    from fpdf import FPDF

    font = find_font()
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_author("gemeentetaal")
    pdf.add_font("DejaVu", "", str(font))
    pdf.set_auto_page_break(auto=False)
    sizes = {"title": 16, "h1": 14, "h2": 12, "h3": 11, "p": 10}
    for number, page in enumerate(PDF_PAGES, start=1):
        pdf.add_page()
        pdf.set_font("DejaVu", size=8)
        pdf.cell(0, 6, "Programmabegroting 2025 | gemeente Ede", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        for kind, text in page:
            pdf.set_font("DejaVu", size=sizes[kind])
            if kind != "p":
                pdf.ln(3)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        pdf.set_y(-20)
        pdf.set_font("DejaVu", size=8)
        pdf.cell(0, 6, f"Pagina {number} van {len(PDF_PAGES)}", align="C")
    target.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(target))
    return target


def main(out_dir: Path = ROOT / "data" / "raw") -> list[Path]:
    """Write both samples into ``out_dir`` and return their paths."""
    return [make_docx(out_dir / DOCX_NAME), make_pdf(out_dir / PDF_NAME)]


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "raw"):
        print(path)
