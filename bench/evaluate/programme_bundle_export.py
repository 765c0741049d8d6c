"""Build development bundles: real PDFs concatenated into one file, as councils and joint
arrangements publish their meeting documents (agenda, proposals, a whole budget, ...).

    .venv/bin/python bench/evaluate/programme_bundle_export.py

Writes ``<eval dir>/programme_bundles/dev/<bundle>.pdf`` and ``PROVENANCE.json`` (for every
part: repository, commit, path, sha256, pages, licence). Nothing of it is committed. A
bundle's expected figures are those of its budget read stand-alone
(``programme_bundles.py`` compares the two, and scores a bundle against the stand-alone
budget's expected record where there is one).

One bundle adds what a meeting system adds: cover sheets ("Agendapunt 3", "Bijlage 1", made
here with fpdf) and "Pagina i van N" stamped at the foot of every page.

Sources: ``meijer1973/azwa`` (Almere council documents and GGD Flevoland documents; the GGD
Flevoland board bundle of 7 November 2024 is held out and never used here) and
``benjosb/beleidsbibliotheek`` (Wassenaar), both already used by the programme evaluation
(``programme_real_export.py``, dev4). Only development documents of those sets are used.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.evaluate.common import Provenance, eval_dir, git_head, git_show  # noqa: E402

DATASET = "programme_bundles"
AZWA = "meijer1973/azwa"
WASSENAAR = "benjosb/beleidsbibliotheek"
_A = "data/raw/municipal/"
_R = "data/raw/regional/"
_W = "wassenaar/"
# Never part of a development bundle (held out: heldout4 and its copies).
HELD_OUT = re.compile(r"bestuursrapportage[-_]aug[-_]2024", re.IGNORECASE)

# A part: (repository, path, short name)
RAADSVOORSTEL = (AZWA, _A + "mun_almere_2026_stevige_lokale_teams_raadsvoorstel.pdf", "rv")
BESLUITEN_ALMERE = (AZWA, _A + "mun_almere_2026_stevige_lokale_teams_besluitenlijst.pdf", "bl")
BEGROTINGSWIJZIGING = (AZWA, _A + "mun_almere_2026_stevige_lokale_teams_begrotingswijziging.pdf",
                       "bw")  # fmt: skip
VISIE_RV = (AZWA, _A + "mun_almere_2024_2026_visie_gezondheidsbeleid_raadsvoorstel_geamendeerd.pdf",
            "vrv")  # fmt: skip
GGD_BEGROTING_2026 = (AZWA, _R + "reg_ggd_flevoland_begroting_2026.pdf", "ggd2026")
KADERNOTA_2027 = (AZWA, _R + "reg_ggd_flevoland_kadernota_2027.pdf", "kn2027")
KADERNOTA_2025 = (AZWA, _R + "reg_ggd_flevoland_kadernota_2025.pdf", "kn2025")
W_BESLUITEN = (WASSENAAR, _W + "pdf_downloads/besluitenlijst_bw_vergadering_10_december_2024.pdf",
               "wbl")  # fmt: skip
W_BEGROTING_2024 = (WASSENAAR, _W + "analyse-begrotingen/begroting_2024.pdf", "wb2024")
W_JAARSTUKKEN_2023 = (WASSENAAR, _W + "analyse-begrotingen/_fetched/Jaarstukken_2023.pdf", "wj2023")

# A sheet made here (not a published document): ("sheet", lines of its text, short name).
# Meeting systems put such a sheet in front of every agenda item's documents.
SHEET = "sheet"


def sheet(*lines: str) -> tuple[str, str, str]:
    return (SHEET, "\n".join(lines), "sheet")


# The project's own development bestuursrapportage (scripts/test_document_specs.py, VEENDAM;
# fictional) rendered as a PDF, as tests/test_ingest_programme.py does: a progress report with
# programme headings after a budget whose chapters are its programmes.
OWN_BURAP = ("own", "veendam_bestuursrapportage_2025", "burap")


def own_pdf(name: str) -> bytes:
    """An own development spec rendered as PDF (running header, page numbers in the foot)."""
    import tempfile

    sys.path.insert(0, str(ROOT / "scripts"))
    import render_documents
    import test_document_specs

    spec = dict(next(s for s in test_document_specs.DEVELOPMENT if s["name"] == name))
    spec.update(format="pdf", header="Bestuursrapportage 2025", footer="Pagina {page}")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"{name}.pdf"
        render_documents.render_pdf(spec, target)
        return target.read_bytes()


# bundle file -> (parts in order, the stand-alone budget whose expected record applies:
# (record folder under tests/fixtures/real/programme_documents, file name) or None)
BUNDLES: dict[str, tuple[list[tuple[str, str, str]], tuple[str, str] | None]] = {
    "bundle_ggd_begroting_2026.pdf": (
        [RAADSVOORSTEL, BESLUITEN_ALMERE, GGD_BEGROTING_2026, KADERNOTA_2027],
        ("heldout3", "ggd_flevoland_begroting_2026.pdf"),
    ),
    "bundle_wassenaar_begroting_2024.pdf": (
        [W_BESLUITEN, W_BEGROTING_2024, BEGROTINGSWIJZIGING, KADERNOTA_2025],
        ("dev", "wassenaar_begroting_2024.pdf"),
    ),
    "bundle_wassenaar_jaarstukken_2023.pdf": (
        [VISIE_RV, W_JAARSTUKKEN_2023, BESLUITEN_ALMERE],
        ("dev", "wassenaar_jaarstukken_2023.pdf"),
    ),
    "bundle_two_budgets.pdf": (
        [BESLUITEN_ALMERE, GGD_BEGROTING_2026, RAADSVOORSTEL, W_BEGROTING_2024],
        None,
    ),
    # cover sheets before the agenda items, and "Pagina i van N" stamped over every page
    # (STAMPED): the documents' own numbers stand beside the bundle's
    "bundle_sheets_stamped_ggd_begroting_2026.pdf": (
        [
            sheet("Agendapunt 2", "Besluitenlijst vorige vergadering"),
            W_BESLUITEN,
            sheet("Agendapunt 3", "Ontwerpbegroting 2026"),
            sheet("Bijlage 1", "Begroting 2026"),
            GGD_BEGROTING_2026,
            sheet("Bijlage 2", "Raadsvoorstel"),
            RAADSVOORSTEL,
            KADERNOTA_2027,
        ],
        ("heldout3", "ggd_flevoland_begroting_2026.pdf"),
    ),
    # a budget and a progress report in one bundle: the programmes of both
    "bundle_begroting_en_burap.pdf": (
        [BESLUITEN_ALMERE, GGD_BEGROTING_2026, KADERNOTA_2027, OWN_BURAP],
        None,
    ),
}
STAMPED = {"bundle_sheets_stamped_ggd_begroting_2026.pdf"}
LICENCES = {
    AZWA: "No licence file in the repository. Documents published by the municipality of "
    "Almere and by GGD Flevoland (a public body under the Wgr): works made public by a public "
    "authority, reproduction allowed under Auteurswet art. 15b unless copyright is reserved "
    "(decisions: art. 11). Not committed to this repository.",
    WASSENAAR: "No licence file in the repository. Published by the municipality of Wassenaar: "
    "works made public by a public authority (Auteurswet art. 15b; decisions art. 11). Not "
    "committed to this repository.",
}


def sheet_pdf(text: str) -> bytes:
    """A cover sheet: an A4 page with the lines of ``text``, the first one large."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    for k, line in enumerate(text.split("\n")):
        pdf.set_font("helvetica", style="B" if k == 0 else "", size=28 if k == 0 else 14)
        pdf.text(72, 200 + 40 * k, line)
    return bytes(pdf.output())


def stamp(data: bytes) -> bytes:
    """Every page with "Pagina i van N" at its foot, as a meeting system stamps a bundle."""
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))
    n = len(reader.pages)
    overlay = FPDF(unit="pt")
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        overlay.add_page(format=(w, h))
        overlay.set_font("helvetica", size=7)
        overlay.text(w - 110, h - 12, f"Pagina {overlay.page_no()} van {n}")
    stamps = PdfReader(io.BytesIO(bytes(overlay.output())))
    writer = PdfWriter(clone_from=reader)
    for page, mark in zip(writer.pages, stamps.pages, strict=True):
        page.merge_page(mark)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def part_bytes(repository: str, path: str) -> bytes:
    if repository == SHEET:
        return sheet_pdf(path)
    if repository == "own":
        return own_pdf(path)
    if HELD_OUT.search(path):
        raise SystemExit(f"{path}: held out, never part of a development bundle")
    return git_show(repository, path)


def concatenate(parts: list[bytes]) -> tuple[bytes, list[int]]:
    """The parts as one PDF (pages in order) and the page count of each part."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    counts = []
    for data in parts:
        reader = PdfReader(io.BytesIO(data))
        counts.append(len(reader.pages))
        for page in reader.pages:
            writer.add_page(page)
    writer.add_metadata({"/Producer": "gemeentetaal programme_bundle_export (pypdf)"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), counts


def main() -> int:
    out = eval_dir() / DATASET / "dev"
    out.mkdir(parents=True, exist_ok=True)
    cache: dict[tuple[str, str], bytes] = {}
    notes = []
    for name, (parts, record) in BUNDLES.items():
        datas = []
        for repository, path, _ in parts:
            key = (repository, path)
            if key not in cache:
                cache[key] = part_bytes(repository, path)
            datas.append(cache[key])
        data, counts = concatenate(datas)
        if name in STAMPED:
            data = stamp(data)
        (out / name).write_bytes(data)
        first = 1
        described = []
        for (repository, path, short), pages, raw in zip(parts, counts, datas, strict=True):
            described.append({
                "part": short, "repository": repository,
                "path": path if repository != SHEET else "made here: " + path.replace("\n", " / "),
                "sha256": hashlib.sha256(raw).hexdigest(), "pages": f"{first}-{first + pages - 1}",
            })  # fmt: skip
            first += pages
        notes.append({
            "file": name, "sha256": hashlib.sha256(data).hexdigest(), "pages": first - 1,
            "parts": described, "expected_record": list(record) if record else None,
            "stamped": name in STAMPED,
        })  # fmt: skip
        print(name, first - 1, "pages", hashlib.sha256(data).hexdigest()[:12])
    Provenance(
        dataset=DATASET,
        repository=f"{AZWA} @ {git_head(AZWA)}; {WASSENAAR} @ {git_head(WASSENAAR)}; own "
        "development spec rendered here (scripts/test_document_specs.py)",
        commit=git_head(AZWA),
        paths=sorted({p for r, p in cache if r not in (SHEET, "own")}),
        licence=" ".join(f"{r}: {text}" for r, text in LICENCES.items()),
        note=json.dumps(notes, ensure_ascii=False),
        n_items=len(notes),
    ).write(out.parent)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
