"""Reading inputs: bad files give one clear line naming the file, and the batch goes on."""

from __future__ import annotations

import zipfile
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.ingest import ingest_paths
from pipeline.ingest.readers import InputError, read_input
from pipeline.outputs import DUCKDB_FILE
from pipeline.privacy import Pseudonymiser
from pipeline.records import Document, IngestError
from pipeline.schemas import TABLES

GOOD_TEXT = (
    "Programmabegroting 2024\n\nProgramma 1: Bestuur\n\nWat willen we bereiken?\n"
    "A. Inwoners zijn tevreden over de dienstverlening.\n\nWat gaan we daarvoor doen?\n"
    "A. We beantwoorden vragen binnen vijf werkdagen.\n\nDe gemeente Lochem doet dit samen "
    "met inwoners.\n"
)
TABLES_WRITTEN = ("documents", "sections", "items", "paragraphs", "errors")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def bad_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    """One broken file per problem, with the words its error message must contain."""
    empty_zip = folder / "leeg_zip.docx"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("readme.txt", "geen word-document")
    return {
        "empty": (write(folder / "leeg.txt", b""), "empty file"),
        "blank": (write(folder / "spaties.md", "   \n\n  \t\n"), "no text"),
        "binary": (write(folder / "plaatje.txt", bytes(range(256)) * 20), "binary"),
        "docx": (write(folder / "kapot.docx", b"PK\x03\x04 this is not a zip"), "corrupt .docx"),
        "docx_zip": (empty_zip, "no Word document inside the zip archive"),
        "pdf": (write(folder / "kapot.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type"), "corrupt .pdf"),
        "pdf_header": (write(folder / "geen_pdf.pdf", b"hello world"), "corrupt .pdf"),
        "extension": (write(folder / "notities.xyz", GOOD_TEXT), "unsupported file type"),
    }


@pytest.mark.parametrize(
    "kind", ["empty", "blank", "binary", "docx", "docx_zip", "pdf", "pdf_header", "extension"]
)
def test_ingest_readers_bad_input_one_line_error(tmp_path: Path, settings: Settings, kind: str):
    path, words = bad_inputs(tmp_path)[kind]
    with pytest.raises(InputError, match=words):
        read_input(path)
    results = list(ingest_paths([path], settings, Pseudonymiser(settings.privacy)))
    assert len(results) == 1 and isinstance(results[0], IngestError)
    line = str(results[0])
    assert line.startswith(f"{path}: ") and words in line and "\n" not in line


def test_ingest_readers_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="file not found"):
        read_input(tmp_path / "bestaat_niet.txt")


def test_ingest_readers_cp1252_dutch_text(tmp_path: Path):
    text = "Wij zijn één gemeente, geïnteresseerd in elk café en ieder idee.\n"
    path = write(tmp_path / "oud.txt", text.encode("cp1252"))
    raw = read_input(path)
    assert raw.encoding == "cp1252"
    assert raw.text == text
    for word in ("één", "geïnteresseerd", "café"):
        assert word in raw.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_ingest_readers_unicode_encodings(tmp_path: Path, encoding: str):
    text = "Geïnteresseerd in één café?\r\nJa.\n"
    raw = read_input(write(tmp_path / "tekst.txt", text.encode(encoding)))
    assert raw.text == "Geïnteresseerd in één café?\nJa.\n"


def test_ingest_readers_size_limit_from_settings(tmp_path: Path, settings: Settings):
    path = write(tmp_path / "groot.txt", GOOD_TEXT * 20)
    small = settings.model_copy(
        update={"ingest": settings.ingest.model_copy(update={"max_file_mb": 0.001})}
    )
    results = list(ingest_paths([path], small, Pseudonymiser(small.privacy)))
    assert isinstance(results[0], IngestError)
    assert "file too large" in results[0].message and "limit 0.001 MB" in results[0].message
    assert isinstance(
        next(iter(ingest_paths([path], settings, Pseudonymiser(settings.privacy)))), Document
    )


def test_ingest_readers_50mb_file_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "enorm.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(
        InputError, match=r"file too large \(50\.0 MB; limit 20 MB, setting ingest\.max_file_mb\)"
    ):
        read_input(path)


def test_ingest_readers_docx_headings_lists_and_tables(tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_heading("Wat gaan we daarvoor doen?", level=2)
    document.add_paragraph("Een gewone alinea.")
    document.add_paragraph("Een punt in een lijst", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Lasten", "100"
    path = tmp_path / "stuk.docx"
    document.save(str(path))
    raw = read_input(path)
    assert [line for line in raw.text.splitlines() if line] == [
        "Wat gaan we daarvoor doen?",
        "Een gewone alinea.",
        "• Een punt in een lijst",
        "Lasten | 100",
    ]
    blocks = [b for b in raw.layout() if b.kind != "blank"]
    assert [(b.kind, b.style_level, b.label) for b in blocks] == [
        ("line", 2, None),
        ("line", 0, None),
        ("line", 0, "•"),
        ("table", 0, None),
    ]
    assert blocks[-1].rows == (("Lasten", "100"),)


PAGE_BODY = (
    "<div class='inhoud'><p>U kunt grofvuil gratis laten ophalen. Maak online een afspraak."
    " Wij komen dan op de afgesproken dag langs.</p><h2>Wat is grofvuil?</h2><p>Grofvuil is"
    " afval dat niet in de container past, zoals een bank of een kast.</p></div>"
)


@pytest.mark.parametrize(
    ("top", "kept"),
    [
        ("<h1>Grofvuil laten ophalen</h1>", "Grofvuil laten ophalen"),  # outside the article
        ("<h1><a href='/'>Gemeente Zwolle</a></h1>", None),  # a logo linking home
    ],
)
def test_ingest_readers_html_page_heading_without_main(tmp_path: Path, top: str, kept: str | None):
    """A page without <main> or <article>: trafilatura picks the content, and leaves out an
    <h1> outside the block it takes as the article; the page's own heading is content all
    the same, a logo heading that only links home is not."""
    html = (
        "<html><head><title>Grofvuil | Gemeente Zwolle</title></head><body><nav><a href='/'>"
        f"Home</a></nav>{top}{PAGE_BODY}<footer>Postbus 10007</footer></body></html>"
    )
    lines = [b for b in read_input(write(tmp_path / "pagina.html", html)).layout()
             if b.kind == "line"]  # fmt: skip
    headings = [(b.text, b.style_level) for b in lines if b.style_level]
    assert headings == ([(kept, 1)] if kept else []) + [("Wat is grofvuil?", 2)]
    assert lines[-1].text.startswith("Grofvuil is afval")


def test_ingest_readers_pdf_without_text_layer(tmp_path: Path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="no text layer"):
        read_input(path)


def test_ingest_readers_pdf_unreadable_share():
    from pipeline.ingest.pdf import unreadable_share

    assert unreadable_share("/1/2/3/2/4 /6/7/8\n/12\u25a1/14") == 1.0
    assert unreadable_share("Baten 2019/2020 en/of lasten: 1.200") == 0.0
    assert unreadable_share("") == 0.0
    assert 0.4 < unreadable_share("Programma 1 /1/2/3/4/5/6/7/8") < 0.7


def test_ingest_readers_pdf_with_glyph_codes_is_refused(tmp_path: Path, monkeypatch):
    """A text layer of glyph codes (fonts without a Unicode map) is an error, like a scan."""
    from fpdf import FPDF

    from pipeline.ingest import pdf as pdf_module
    from pipeline.ingest.layout import Block

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Programma 1 Bestuur")
    path = tmp_path / "jaarrekening.pdf"
    pdf.output(str(path))
    assert read_input(path)  # the real text layer reads
    garbage = [Block("line", "/1/2/3/2/4/2/5 /6/7/8"), Block("table", rows=(("/12/3", "/4"),))]
    monkeypatch.setattr(pdf_module, "read_pdf_blocks", lambda *a, **k: garbage)
    with pytest.raises(InputError, match="text layer is unreadable"):
        read_input(path)


# the batch and the CLI --------------------------------------------------------------------


def make_folder(folder: Path, n_good: int = 2) -> tuple[list[Path], Path]:
    good = [
        write(folder / f"goed_{i}.txt", GOOD_TEXT.replace("2024", str(2020 + i)))
        for i in range(n_good)
    ]
    broken = write(folder / "kapot.docx", b"PK\x03\x04 broken")
    return good, broken


def test_ingest_readers_folder_with_one_broken_file(tmp_path: Path, settings: Settings):
    good, broken = make_folder(tmp_path / "in")
    results = list(ingest_paths([tmp_path / "in"], settings, Pseudonymiser(settings.privacy)))
    errors = [r for r in results if isinstance(r, IngestError)]
    documents = [r for r in results if isinstance(r, Document)]
    assert [e.path for e in errors] == [str(broken)]
    assert sorted(d.source_path for d in documents) == sorted(str(p) for p in good)
    assert sorted(d.year for d in documents) == [2020, 2021]


def test_ingest_readers_duplicate_file_skipped_not_fatal(tmp_path: Path, settings: Settings):
    good, _ = make_folder(tmp_path / "in", n_good=1)
    copy = write(tmp_path / "in" / "kopie.txt", good[0].read_bytes())
    results = list(ingest_paths([good[0], copy], settings, Pseudonymiser(settings.privacy)))
    assert isinstance(results[0], Document)
    assert str(results[1]) == f"{copy}: same content as {good[0]}; skipped"
    result = invoke("ingest", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert pq.read_table(tmp_path / "out" / "documents.parquet").num_rows == 1
    assert pq.read_table(tmp_path / "out" / "errors.parquet").num_rows == 2


def test_ingest_readers_ingest_settings_reach_the_parser(tmp_path: Path, settings: Settings):
    page = "Kop van elke pagina 2024\n\nTekst op deze pagina van het document.\n\n"
    path = write(tmp_path / "koppen.txt", page * 2)
    strict = settings.model_copy(
        update={"ingest": settings.ingest.model_copy(update={"running_header_min_repeats": 2})}
    )
    default_doc, strict_doc = (
        next(iter(ingest_paths([path], s, Pseudonymiser(s.privacy)))) for s in (settings, strict)
    )
    assert isinstance(default_doc, Document) and isinstance(strict_doc, Document)
    assert default_doc.boilerplate_lines == []
    assert strict_doc.boilerplate_lines == ["Kop van elke pagina 2024"] * 2


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), env={"GEMEENTETAAL_SECRET": "test-secret"})


def test_ingest_readers_cli_exit_0_when_all_read(tmp_path: Path):
    good, _ = make_folder(tmp_path / "in")
    result = invoke("ingest", *map(str, good), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "error" not in result.stderr


def test_ingest_readers_cli_exit_1_when_some_fail(tmp_path: Path):
    _, broken = make_folder(tmp_path / "in")
    result = invoke("ingest", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    error_lines = [line for line in result.stderr.splitlines() if "error" in line]
    assert error_lines == [
        f"gemeentetaal: error: {broken}: corrupt .docx file (not a valid zip archive)"
    ]
    documents = pq.read_table(tmp_path / "out" / "documents.parquet")
    assert documents.num_rows == 2


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["ingest", "x.txt", "--format", "xml"],
        ["ingest", "x.txt", "--config", "missing.toml"],
        ["ingest", "x.txt", "--no-such-flag"],
    ],
)
def test_ingest_readers_cli_exit_2_on_usage_error(args: list[str]):
    result = invoke(*args)
    assert result.exit_code == 2


def test_ingest_readers_cli_tiny_size_limit_from_config(tmp_path: Path):
    good, _ = make_folder(tmp_path / "in", n_good=1)
    config = write(tmp_path / "gemeentetaal.toml", "[ingest]\nmax_file_mb = 0.0001\n")
    result = invoke("ingest", str(good[0]), "--config", str(config), "--out", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert f"{good[0]}: file too large" in result.stderr


def test_ingest_readers_cli_tables_match_schemas_and_are_stable(tmp_path: Path):
    make_folder(tmp_path / "in")
    first, second = tmp_path / "out1", tmp_path / "out2"
    for out in (first, second):
        assert invoke("ingest", str(tmp_path / "in"), "--out", str(out)).exit_code == 1
    for name in TABLES_WRITTEN:
        table = pq.read_table(first / f"{name}.parquet")
        assert table.schema.equals(TABLES[name].arrow_schema()), name
        assert table.equals(pq.read_table(second / f"{name}.parquet")), name
    counts = {n: pq.read_table(first / f"{n}.parquet").num_rows for n in TABLES_WRITTEN}
    assert counts["documents"] == 2 and counts["errors"] == 1
    assert counts["items"] == 4 and counts["sections"] >= 8 and counts["paragraphs"] == 2
    con = duckdb.connect(str(first / DUCKDB_FILE), read_only=True)
    try:
        for name in TABLES_WRITTEN:
            n = con.execute(f'select count(*) from "{name}"').fetchone()
            assert n is not None and n[0] == counts[name]
        paired = con.execute(
            "select count(*) from items a join items b on a.paired_item_id = b.item_id "
            "where b.paired_item_id = a.item_id"
        ).fetchone()
        assert paired is not None and paired[0] == 4
    finally:
        con.close()


def test_ingest_readers_docx_merged_cells_as_python_docx():
    """Merged cells read as python-docx's ``row.cells`` gives them (each cell once per row, a
    vertical merge repeating the text above), without its slow look-up of the cell above."""
    import docx

    from pipeline.ingest.word import _table_rows

    document = docx.Document()
    table = document.add_table(rows=5, cols=4)
    for r in range(5):
        for c in range(4):
            table.cell(r, c).text = f"r{r}c{c}"
    table.cell(0, 0).merge(table.cell(2, 0))  # vertical
    table.cell(3, 1).merge(table.cell(3, 2))  # horizontal
    table.cell(1, 2).merge(table.cell(2, 3))  # both
    expected = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(" ".join(cell.text.split()))
        expected.append(tuple(cells))
    assert _table_rows(table) == tuple(expected)
    assert expected[2][0] == "r0c0 r1c0 r2c0" and len(expected[3]) == 3


def test_ligature_letters_are_folded_by_every_reader():
    """ "ĳ" (U+0133) and PDF f-ligatures are written out, so word lists and the parser know
    the word ("vergelĳking" is "vergelijking")."""
    from pipeline.check import InputText
    from pipeline.ingest.readers import decode_text, fold_ligatures

    assert (
        fold_ligatures("vergelĳking, ﬁnanciën, Ĳsselmeer") == "vergelijking, financiën, IJsselmeer"
    )
    assert (
        decode_text("De vergelĳking van ﬁnanciën.".encode())[0] == "De vergelijking van financiën."
    )
    assert InputText.from_text("plak.txt", "Een ﬂyer.").raw.text == "Een flyer."


def test_ingest_readers_cli_never_overwrites_a_run_and_says_where_tables_went(
    tmp_path: Path, monkeypatch
):
    good, _ = make_folder(tmp_path / "in", n_good=1)
    run_out = tmp_path / "processed"
    run_out.mkdir()
    (run_out / "runs.parquet").write_bytes(b"a run's table")
    (run_out / "sentences.parquet").write_bytes(b"a run's table")
    refused = invoke("ingest", str(good[0]), "--out", str(run_out))
    assert refused.exit_code == 1
    assert "holds the tables of `gemeentetaal run`" in refused.stderr
    assert "--out" in refused.stderr
    assert (run_out / "sentences.parquet").read_bytes() == b"a run's table"
    # without --out: the folder "ingest" inside the processed folder, never the run's tables
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "processed").symlink_to(run_out, target_is_directory=True)
    result = invoke("ingest", str(good[0]))
    assert result.exit_code == 0, result.output
    target = Path("data/processed/ingest")
    assert f"tables written to {target}" in result.stderr
    assert "1 input read, 0 failed" in result.stderr
    assert pq.read_table(run_out / "ingest" / "documents.parquet").num_rows == 1
    assert (run_out / "sentences.parquet").read_bytes() == b"a run's table"
