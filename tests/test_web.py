"""The web app: the page, the JSON API, limits, errors, security headers, privacy, OpenAPI."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from typer.testing import CliRunner

from pipeline.cli import app as cli_app
from pipeline.config import Settings, load_settings
from pipeline.web import app as web_app
from pipeline.web import create_app
from pipeline.web.checker import Checker
from pipeline.web.models import CheckResponse, ErrorResponse, HealthResponse
from pipeline.web.security import SECURITY_HEADERS

OFFICIALESE = Path(web_app.__file__).resolve().parents[1] / "data" / "officialese.csv"
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>alert(document.cookie)</script>",
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
]
# Synthetic municipal text: officialese, a passive and a long sentence.
SAMPLE = (
    "De gemeente faciliteert initiatieven van inwoners in het kader van de Omgevingswet. "
    "Aanvragen worden door het college beoordeeld. "
    "Wij willen dat alle inwoners die een aanvraag indienen binnen zes weken een besluit "
    "ontvangen, zodat zij weten waar zij aan toe zijn en hun plannen kunnen uitvoeren.\n\n"
    "Heeft u vragen? Bel ons gerust."
)


def _zip_without_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notities.txt", "geen Word-document")
    return buffer.getvalue()


ZIP_WITHOUT_WORD = _zip_without_word()


def web_settings(**web: Any) -> Settings:
    return load_settings(None, {"web": web} if web else {}, environ={})


@pytest.fixture(scope="module")
def checker(nlp_model) -> Checker:
    return Checker.load(web_settings(), nlp_model)


@pytest.fixture(scope="module")
def client(checker) -> TestClient:
    with TestClient(create_app(checker.settings, checker)) as test_client:
        yield test_client


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for para in text.split("\n\n"):
        document.add_paragraph(para)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for para in text.split("\n\n"):
        pdf.multi_cell(0, 6, para)
        pdf.ln(4)
    return bytes(pdf.output())


def officialese_row(term: str) -> dict[str, str]:
    with OFFICIALESE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]  # comment header
        return next(row for row in csv.DictReader(lines) if row["term"] == term)


def assert_no_active_content(html: str) -> None:
    """No script except the app's own, no event handlers, no injected elements."""
    soup = BeautifulSoup(html, "html.parser")
    scripts = [tag.get("src") for tag in soup.find_all("script")]
    assert all(src == "/static/web.js" for src in scripts), scripts
    assert not soup.find_all(["img", "svg", "iframe", "object", "embed"])
    for tag in soup.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag.name
        for attr in ("href", "src", "action"):
            assert not str(tag.get(attr, "")).lower().startswith("javascript:")


pytestmark = pytest.mark.slow


def test_web_api_check_returns_the_check_json(client, tmp_path):
    response = client.post("/api/check", json={"text": SAMPLE})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    result = response.json()
    CheckResponse.model_validate(result)
    kinds = {f["kind"] for s in result["sentences"] for f in s["flags"]}
    assert {"officialese", "passive", "long_sentence"} <= kinds
    for sentence in result["sentences"]:
        assert SAMPLE[sentence["start"] : sentence["end"]] == sentence["text"]

    source = tmp_path / "tekst.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    cli = CliRunner().invoke(cli_app, ["check", "--format", "json", str(source)])
    assert cli.exit_code in (0, 1), cli.output
    expected = json.loads(cli.stdout.strip().splitlines()[0])
    assert {k: v for k, v in result.items() if k != "path"} == {
        k: v for k, v in expected.items() if k != "path"
    }
    assert result["path"] == "-"


@pytest.mark.parametrize(
    "text",
    [
        "Een woning van 80 m² kost in 2025 ongeveer € 350.000,-.",
        "Formule: E = mc². Het antwoord is ½ of ¾.",
        "\u200b\ufeffTekst met onzichtbare tekens\u00ad en een emoji 🙂.",
    ],
)
def test_web_api_check_survives_unusual_characters(client, text):
    response = client.post("/api/check", json={"text": text})
    assert response.status_code == 200, response.text
    assert CheckResponse.model_validate(response.json()).sentences


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("brief.txt", lambda t: t.encode("utf-8")),
        ("brief.docx", docx_bytes),
        ("brief.pdf", pdf_bytes),
        ("brief.md", lambda t: t.encode("utf-8")),
        ("brief.html", lambda t: f"<html><body><p>{t}</p></body></html>".encode()),
    ],
)
def test_web_api_check_reads_uploads(client, name, make):
    response = client.post("/api/check", files={"file": (name, make(SAMPLE))})
    assert response.status_code == 200, response.text
    result = CheckResponse.model_validate(response.json())
    assert result.path == name
    words = " ".join(s.text for s in result.sentences)
    assert "faciliteert" in words and "besluit" in words
    assert result.level in {"A2", "B1", "B2", "C1"}


def test_web_page_post_shows_verdict_flags_and_officialese(client):
    response = client.post("/check", data={"text": SAMPLE})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    api = client.post("/api/check", json={"text": SAMPLE}).json()
    result = soup.find(id="resultaat")
    assert api["level"] in result.get_text()
    assert soup.find("textarea").get_text() == SAMPLE
    table = soup.find("section", class_="officialese")
    row = officialese_row("faciliteren")
    assert row["alternative"].split("/")[0].strip() in table.get_text()
    # The same POST works at / (plain form action) and as the fetch partial.
    assert client.post("/", data={"text": SAMPLE}).status_code == 200
    partial = client.post("/check", data={"text": SAMPLE}, headers={"X-Requested-With": "fetch"})
    assert partial.status_code == 200 and "<html" not in partial.text
    assert api["level"] in partial.text


# SAMPLE with a long officialese sentence in the passive: a text that fails B1 (so the
# report has its "Eerst aanpakken" part) whatever the verdict's latest refit does to SAMPLE.
HARD_SAMPLE = SAMPLE + (
    "\n\nIndien u in aanmerking wenst te komen voor een vergoeding, dient u het formulier met "
    "betrekking tot de aanvraag uiterlijk binnen de gestelde termijn in te dienen, waarna de "
    "aanvraag door de afdeling zal worden beoordeeld en u schriftelijk op de hoogte zal "
    "worden gesteld van het besluit."
)


def test_web_page_report_is_the_check_html_report(client, checker):
    from pipeline.check import InputText, check_texts
    from pipeline.report.check import render_html_fragment

    page = client.post("/check", data={"text": HARD_SAMPLE}).text
    [result] = check_texts(
        [InputText.from_text(web_app.PAGE_PATH, HARD_SAMPLE)],
        checker.settings,
        checker.nlp,
        checker.model,
    )
    assert not result.verdict.b1_pass
    assert render_html_fragment(result, interactive=True).strip() in page
    # the same content as the file report: only the page's controls differ
    plain = render_html_fragment(result)
    for part in ("Eerst aanpakken", "Ambtelijke woorden en eenvoudiger alternatieven"):
        assert part in plain and part in page


def _verdict(html: str) -> str:
    return BeautifulSoup(html, "html.parser").select_one("#resultaat .verdict").get_text()


def test_web_ignoring_advice_updates_the_verdict_without_javascript(client):
    first = BeautifulSoup(client.post("/check", data={"text": SAMPLE}).text, "html.parser")
    boxes = first.select("#resultaat input[name=ignore]")
    assert boxes and all(b.get("form") == "check-form" for b in boxes)
    n_flags = first.select_one(".scores").get_text()
    ids = [b["value"] for b in boxes]
    response = client.post("/check", data={"text": SAMPLE, "ignore": ids})
    soup = BeautifulSoup(response.text, "html.parser")
    assert all(b.has_attr("checked") for b in soup.select("#resultaat input[name=ignore]"))
    assert len(soup.select("#resultaat .advice li.ignored")) == len(ids)
    assert soup.select_one(".scores").get_text() != n_flags  # fewer pieces of advice count
    assert "Schrijfadviezen0" in soup.select_one(".scores").get_text().replace(" ", "")
    # an id that is not a flag id is dropped, not an error
    assert client.post("/check", data={"text": SAMPLE, "ignore": ["<x>"]}).status_code == 200


def test_web_apply_a_proposal_without_javascript(client):
    page = BeautifulSoup(client.post("/check", data={"text": SAMPLE}).text, "html.parser")
    buttons = page.select("#resultaat button[name=apply]")
    assert buttons and all(b.get("form") == "check-form" for b in buttons)
    proposal = json.loads(buttons[0]["value"])
    assert proposal["original"] in SAMPLE
    response = client.post("/check", data={"text": SAMPLE, "apply": buttons[0]["value"]})
    soup = BeautifulSoup(response.text, "html.parser")
    new_text = soup.find("textarea").get_text()
    assert proposal["original"] not in new_text or new_text.count(
        proposal["original"]
    ) < SAMPLE.count(proposal["original"])
    assert proposal["replacement"] in new_text
    assert "Het voorstel is toegepast" in soup.select_one("#melding").get_text()
    # a proposal that no longer fits the text is not applied, and says so
    stale = json.dumps({"start": 0, "original": "bestaat niet", "replacement": "x"})
    response = client.post("/check", data={"text": SAMPLE, "apply": stale})
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.find("textarea").get_text() == SAMPLE
    assert "niet toegepast" in soup.select_one("#melding").get_text()
    assert client.post("/check", data={"text": SAMPLE, "apply": "{kapot"}).status_code == 200


def test_web_page_upload_checks_the_file(client):
    response = client.post(
        "/check", data={"text": ""}, files={"file": ("nota.docx", docx_bytes(SAMPLE))}
    )
    assert response.status_code == 200
    assert "faciliteert" in BeautifulSoup(response.text, "html.parser").find("textarea").text


LETTER_TITLE = "Nieuwe manier van afval ophalen"
LETTER = [
    "Beste inwoner,",
    "Vanaf 1 maart halen we het afval op een nieuwe manier op. U krijgt een oranje container.",
    "Daarin doet u plastic en blikjes. Wij halen de container om de week op.",
    "Met vriendelijke groet,",
]


def letter_docx() -> bytes:
    """A letter made in Word: a `Heading 1` title, then the paragraphs."""
    import docx

    document = docx.Document()
    document.add_heading(LETTER_TITLE, level=1)
    for paragraph in LETTER:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def letter_html(main: bool) -> bytes:
    body = f"<h1>{LETTER_TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in LETTER)
    if main:
        body = f"<nav><a href='/'>Home</a></nav><main>{body}</main>"
    return f"<html><head><title>Brief</title></head><body>{body}</body></html>".encode()


def without_path(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k != "path"}


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("brief.docx", letter_docx()),
        ("brief.html", letter_html(main=True)),
        ("pagina.html", letter_html(main=False)),
    ],
)
def test_web_upload_gives_the_json_of_check_on_the_file(client, tmp_path, name, data):
    """One ingest path: an upload keeps its layout (a Word heading style, an HTML <h1>) as
    `check` does, so the API and the page give `check --format json`'s verdict and
    sentences, heading marks included (the web once checked the upload's plain text)."""
    source = tmp_path / name
    source.write_bytes(data)
    cli = CliRunner().invoke(cli_app, ["check", "--format", "json", str(source)])
    assert cli.exit_code in (0, 1), cli.output
    expected = json.loads(cli.stdout)
    response = client.post("/api/check", files={"file": (name, data)})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["path"] == name
    assert without_path(result) == without_path(expected)
    headings = [s["text"] for s in result["sentences"] if s["heading"]]
    assert headings == [LETTER_TITLE]  # also without <main>, where trafilatura drops it
    page = client.post("/check", files={"file": (name, data)})
    assert page.status_code == 200
    assert BeautifulSoup(page.text, "html.parser").find("textarea").text.strip() == "\n\n".join(
        ([LETTER_TITLE] if headings else []) + LETTER
    )


def test_web_upload_and_check_agree_on_every_sample_document(client, checker):
    """As `check` and `run` agree on data/raw (tests/test_check.py), so do `check` and the
    web upload: the same JSON for every document, apart from the path."""
    from conftest import ROOT

    from pipeline.check import CHECK_SUFFIXES, InputText, check_texts, read_inputs

    files = sorted(p for p in (ROOT / "data" / "raw").iterdir() if p.suffix in CHECK_SUFFIXES)
    inputs = list(read_inputs([str(p) for p in files], checker.settings))
    assert all(isinstance(i, InputText) for i in inputs)
    results = check_texts(inputs, checker.settings, checker.nlp, checker.model, checker.resources)
    assert {p.suffix for p in files} >= {".txt", ".md", ".docx", ".pdf", ".html"}
    for path, result in zip(files, results, strict=True):
        response = client.post("/api/check", files={"file": (path.name, path.read_bytes())})
        assert response.status_code == 200, (path.name, response.text)
        assert without_path(response.json()) == without_path(result.to_json()), path.name


def test_web_upload_takes_exactly_what_check_reads(client, tmp_path):
    """One list of file types for `check` and the upload; the messages and the page name it."""
    from pipeline.check import check_suffixes

    suffixes = check_suffixes(web_settings())
    assert {".txt", ".md", ".docx", ".pdf", ".html", ".htm"} <= set(suffixes)
    html = b"<html><body><p>De aanvraag wordt door ons behandeld.</p></body></html>"
    for suffix in (".html", ".htm"):
        name = f"pagina{suffix}"
        assert client.post("/api/check", files={"file": (name, html)}).status_code == 200
        source = tmp_path / name
        source.write_bytes(html)
        assert CliRunner().invoke(cli_app, ["check", str(source)]).exit_code in (0, 1)
    refused = client.post("/api/check", files={"file": ("tabel.xlsx", b"PK\x03\x04")})
    detail = ErrorResponse.model_validate(refused.json()).detail
    assert (
        "Kies een .txt-, .md-, .markdown-, .text-, .docx-, .pdf-, .html- of .htm-bestand" in detail
    )
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    assert soup.find("input", id="bestand")["accept"].split(",") == list(suffixes)
    hint = soup.find(id="bestand-hint").get_text()
    assert all(f"{suffix}-" in hint for suffix in suffixes), hint


def test_web_upload_with_a_long_name_keeps_its_file_type(client):
    name = "Brief aan de bewoners over de vervanging van de riolering " * 3 + ".docx"
    response = client.post("/api/check", files={"file": (name, docx_bytes(SAMPLE))})
    assert response.status_code == 200, response.text
    shown = response.json()["path"]
    assert len(shown) == 80 and shown.endswith("....docx")


def test_web_upload_follows_ingest_extensions():
    from pipeline.web.checker import RequestError, check_upload

    settings = load_settings(None, {"ingest": {"extensions": [".txt", ".html"]}}, environ={})
    assert check_upload("a.html", b"x", settings) == ("a.html", ".html")
    with pytest.raises(RequestError) as refused:
        check_upload("a.md", b"x", settings)
    assert refused.value.status == 415
    assert refused.value.detail.endswith("Kies een .txt- of .html-bestand.")


def test_web_page_is_dutch_labelled_and_self_contained(client):
    response = client.get("/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.html["lang"] == "nl"
    for field_id in ("tekst", "bestand"):
        assert soup.find("label", attrs={"for": field_id}), field_id
    assert soup.find("button", string="Controleer")
    assert "Uw tekst wordt niet opgeslagen" in soup.get_text()
    assert soup.find("form")["method"] == "post"
    urls = [t.get("src") or t.get("href") for t in soup.find_all(["script", "link", "img"])]
    # local paths, or inline data (the empty icon: no /favicon.ico request, no 404)
    local = [u for u in urls if not u.startswith("data:")]
    assert local and all(u.startswith("/") and not u.startswith("//") for u in local), urls
    for url in local:
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("hostile", HOSTILE)
def test_web_page_escapes_hostile_input(client, hostile):
    text = f"Dit is een gewone zin. {hostile} Nog een zin over de gemeente."
    for response in (
        client.post("/check", data={"text": text}),
        client.post("/check", data={"text": text}, headers={"X-Requested-With": "fetch"}),
        client.post("/check", files={"file": ("<b>x</b>.exe", hostile.encode())}),
    ):
        assert "<" not in hostile or hostile not in response.text
        assert_no_active_content(response.text)
    page = client.post("/check", data={"text": text}).text
    assert BeautifulSoup(page, "html.parser").find("textarea").get_text() == text


def test_web_too_long_text_is_413(client, checker):
    too_long = "Korte zin. " * (checker.settings.web.max_chars // 11 + 10)
    api = client.post("/api/check", json={"text": too_long})
    assert api.status_code == 413
    assert "te lang" in ErrorResponse.model_validate(api.json()).detail
    page = client.post("/check", data={"text": too_long})
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
    assert "te lang" in BeautifulSoup(page.text, "html.parser").find(role="alert").get_text()


def test_web_upload_and_body_limits_are_413(checker):
    small = web_settings(max_upload_mb=0.01, max_chars=1000)
    with TestClient(create_app(small, checker)) as test_client:
        big_file = test_client.post("/api/check", files={"file": ("a.txt", b"woord " * 3000)})
        assert big_file.status_code == 413 and "te groot" in big_file.json()["detail"]
        # Dutch figures, and the sizes the page names: not the body limit with its overhead
        assert "(0,02 MB; maximaal 0,01 MB)" in big_file.json()["detail"]
        huge_body = test_client.post("/api/check", content=b"x" * 200_000)
        assert huge_body.status_code == 413
        assert huge_body.json()["detail"] == (
            "Het verzoek is te groot. Een bestand mag maximaal 0,01 MB zijn, een tekst maximaal "
            "1.000 tekens."
        )
        assert "maximaal 0,01 MB" in test_client.get("/").text
        assert dict(SECURITY_HEADERS).items() <= {
            (k.encode(), v.encode()) for k, v in huge_body.headers.items()
        }
        ok = test_client.post("/api/check", json={"text": "De gemeente helpt u graag."})
        assert ok.status_code == 200


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("kapot.docx", b"PK\x03\x04 not a real docx"),
        ("nep.docx", bytes(range(256)) * 12),
        ("zip.docx", ZIP_WITHOUT_WORD),
        ("kapot.pdf", b"%PDF-1.4 broken"),
        ("geen.pdf", b"just text, no pdf header"),
        ("binair.txt", bytes(range(256)) * 40),
        ("leeg.txt", b""),
    ],
)
def test_web_corrupt_upload_is_a_clean_4xx(client, name, data):
    for path in ("/api/check", "/check"):
        response = client.post(path, files={"file": (name, data)})
        assert 400 <= response.status_code < 500, (path, response.status_code)
        assert "Traceback" not in response.text
        assert name in response.text
        if path == "/api/check":  # the message is Dutch, like the page around it
            message = json.dumps(response.json(), ensure_ascii=False).replace(name, "")
            for english in ("corrupt", "file", "binary", "not text", "no PDF header", "valid",
                            "zip archive", "Error", "(("):  # fmt: skip
                assert english not in message, english
            detail = response.json()["detail"]
            assert detail.count("(") <= 1, detail  # no library detail in brackets
            if name.endswith(".docx"):
                assert detail == (
                    f"Bestand '{name}': het bestand kan niet worden gelezen: geen geldig "
                    "Word-bestand."
                )
    assert client.get("/api/health").status_code == 200


def test_web_reader_messages_are_dutch_without_library_detail():
    """What the web tells about an unreadable upload is Dutch through and through: no
    library message in brackets, figures in Dutch notation, a Dutch default for the rest."""
    from pipeline.ingest.errors import UNREADABLE, dutch_reason
    from pipeline.ingest.limits import limit_error
    from pipeline.ingest.readers import InputError

    pages = limit_error("the PDF has too many pages", 2500, 2000, "max_pdf_pages")
    assert (
        dutch_reason(pages)
        == "te veel pagina's (2.500; grens 2.000, instelling ingest.max_pdf_pages)"
    )
    unzipped = limit_error(
        "the .docx file unpacks to too much data", 12.5, 10, "max_unzipped_mb", "MB"
    )
    assert dutch_reason(unzipped) == (
        "uitgepakt te groot (12,5 MB; grens 10 MB, instelling ingest.max_unzipped_mb)"
    )
    for english, dutch in [
        ("corrupt .pdf file (PdfReadError: EOF marker not found)", "geen geldig pdf-bestand"),
        (
            "corrupt .docx file (no Word document inside the zip archive)",
            "geen geldig Word-bestand",
        ),
        ("corrupt .docx file (truncated zip archive)", "geen geldig Word-bestand"),
        (
            "the PDF expands beyond pypdf's safety limits (LimitReachedError: limit reached)",
            "de pdf wordt bij het uitpakken groter dan de veiligheidsgrens",
        ),
        ("input is nested too deeply", "het bestand is te diep genest om te lezen"),
        ("a message no one has translated yet", UNREADABLE),
    ]:
        assert dutch_reason(InputError(english)) == dutch, english


@pytest.mark.parametrize(
    "kwargs",
    [
        {"files": {"file": ("virus.exe", b"MZ\x90\x00")}},
        {"files": {"file": ("tabel.xlsx", b"PK\x03\x04")}},
        {"content": b"platte tekst", "headers": {"content-type": "text/plain"}},
    ],
)
def test_web_unsupported_type_is_415(client, kwargs):
    response = client.post("/api/check", **kwargs)
    assert response.status_code == 415
    ErrorResponse.model_validate(response.json())


@pytest.mark.parametrize(
    "kwargs",
    [
        {"json": {"text": ""}},
        {"json": {"text": "  \n\t "}},
        {"json": {"tekst": "verkeerde sleutel"}},
        {"json": ["geen", "object"]},
        {"content": b"{niet: json", "headers": {"content-type": "application/json"}},
        {"files": {"ander_veld": ("a.txt", b"tekst")}},
    ],
)
def test_web_empty_or_invalid_request_is_422(client, kwargs):
    response = client.post("/api/check", **kwargs)
    assert response.status_code == 422
    assert ErrorResponse.model_validate(response.json()).detail


def test_web_empty_text_on_page_is_422_with_form(client):
    response = client.post("/check", data={"text": "   "})
    assert response.status_code == 422
    soup = BeautifulSoup(response.text, "html.parser")
    assert "geen tekst" in soup.find(role="alert").get_text()
    assert soup.find("textarea") is not None


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("HEAD", "/"),
        ("GET", "/report.css"),
        ("GET", "/static/web.css"),
        ("GET", "/static/web.js"),
        ("GET", "/api/health"),
        ("GET", "/openapi.json"),
        ("GET", "/bestaat-niet"),
        ("GET", "/api/check"),
        ("POST", "/api/check"),
        ("POST", "/check"),
    ],
)
def test_web_security_headers_on_every_response(client, method, path):
    response = client.request(method, path)
    assert response.status_code < 500
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "http" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"


def test_web_health_names_the_loaded_model(client, nlp_model):
    response = client.get("/api/health")
    assert response.status_code == 200
    health = HealthResponse.model_validate(response.json())
    _, info = nlp_model
    assert (health.model.name, health.model.version, health.model.source) == (
        info.name,
        info.version,
        info.source,
    )
    assert health.status == "ok" and health.max_chars == 200_000
    # as in check's JSON: whether this is the configured model, never left unknown
    assert health.model.preferred is (info.name == load_settings(None, {}, environ={}).nlp.model)


def test_web_logs_only_sizes_and_timings(client, caplog):
    marker = "Zeldzaamwoordxyz"
    with caplog.at_level(logging.DEBUG):
        client.post("/api/check", json={"text": f"{marker} staat in deze zin. Nog een zin."})
        client.post("/check", files={"file": ("geheim-Jansen.txt", f"{marker} hier.".encode())})
        client.post("/check", files={"file": ("geheim-Jansen.exe", b"MZ")})
    assert caplog.records
    assert marker not in caplog.text and "Jansen" not in caplog.text
    web_lines = [r.getMessage() for r in caplog.records if r.name == "pipeline.web"]
    assert any("POST /api/check -> 200" in line and "ms" in line for line in web_lines)
    assert any(line.startswith("checked ") and " chars " in line for line in web_lines)


class _BrokenChecker(Checker):
    def check(self, text: str, path: str = "-") -> Any:
        raise RuntimeError(f"internal failure while checking {text}")


def test_web_unexpected_failure_is_a_clean_500_and_serving_goes_on(checker, caplog):
    broken = _BrokenChecker(checker.settings, checker.nlp, checker.model)
    with TestClient(create_app(checker.settings, broken), raise_server_exceptions=False) as tc:
        for path, kwargs in (("/api/check", {"json": {"text": "Geheim."}}), ("/check", {})):
            kwargs = kwargs or {"data": {"text": "Geheim."}}
            response = tc.post(path, **kwargs)
            assert response.status_code == 500
            assert "Traceback" not in response.text and "Geheim" not in response.text
            assert response.headers["x-frame-options"] == "DENY"
        assert tc.get("/api/health").status_code == 200
    assert "Geheim" not in caplog.text


def test_web_lifespan_loads_the_model_in_each_worker_once(monkeypatch):
    """The server process loads no model; each worker process loads it once, at start-up."""
    calls: list[Settings] = []
    monkeypatch.setattr(Checker, "load", classmethod(lambda cls, *a, **k: calls.append(a)))
    fallback = load_settings(
        None,
        {"nlp": {"model": "nl_not_installed", "alternatives": []}, "web": {"workers": 2}},
        environ={},
    )
    app = create_app(fallback)
    with TestClient(app) as test_client:
        pool = app.state.pool
        workers = pool.pids()
        assert len(workers) == 2 and os.getpid() not in workers
        assert test_client.get("/api/health").json()["model"]["source"] == "fallback"
        for _ in range(3):
            response = test_client.post("/api/check", json={"text": SAMPLE})
            assert response.status_code == 200
        assert "eenvoudige regels" in test_client.get("/").text
        assert pool.pids() == workers and pool.n_replaced == 0
    assert calls == []


def test_web_openapi_declares_the_api(client):
    spec = client.get("/openapi.json").json()
    check = spec["paths"]["/api/check"]["post"]
    assert set(check["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    assert set(check["responses"]) >= {"200", "413", "415", "422"}
    ref = check["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/CheckResponse")
    assert {"level", "b1_pass", "scores", "sentences"} <= set(
        spec["components"]["schemas"]["CheckResponse"]["required"]
    )
    assert "/api/health" in spec["paths"] and "/" not in spec["paths"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_web_serve_command_binds_loopback_by_default(monkeypatch):
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    result = CliRunner().invoke(cli_app, ["serve", "--port", "8123"], env={})
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["app"].state.pool is None  # workers start in the lifespan, not before
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0"], env={})
    assert result.exit_code == 0 and (seen["host"], seen["port"]) == ("0.0.0.0", 8000)


def test_web_access_log_drops_query_strings():
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/?text=Mijn+adres", "1.1", 200), None,
    )  # fmt: skip
    assert web_app.DropQueryFilter().filter(record)
    assert "Mijn" not in record.getMessage() and '"GET / HTTP/1.1" 200' in record.getMessage()


def test_web_api_fuzzed_from_openapi_has_no_server_errors(checker):
    import schemathesis
    from schemathesis import GenerationMode
    from schemathesis.checks import positive_data_acceptance

    app = create_app(checker.settings, checker)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} == {"POST /api/check", "GET /api/health"}
    seen: set[tuple[str, str | None]] = set()
    for operation in operations:
        modes = [GenerationMode.POSITIVE]
        if operation.method.upper() == "POST":
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:

            @hypothesis_settings(
                max_examples=20,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            @given(operation.as_strategy(mode))
            def run(case) -> None:
                seen.add((case.meta.generation.mode.value, case.media_type))
                response = case.call()
                # A schema-valid upload may still be of an unsupported type (415), which
                # OpenAPI cannot express, so "positive data acceptance" is left out.
                case.validate_response(response, excluded_checks=[positive_data_acceptance])

            run()
    assert {("positive", "application/json"), ("positive", "multipart/form-data")} <= seen
    assert any(mode == "negative" for mode, _ in seen)
