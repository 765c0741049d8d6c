"""Renderers of ``scripts/make_test_documents.py``: one function per layout.

Each takes a spec and a target path, writes the file, and returns the furniture it added
(running headers and footers, table-of-contents lines, site chrome) and the words it split
with a hyphen at a line end (``"sociaal-economische"`` for a split at a real hyphen).
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from make_test_documents import elements, letter, status_text

FIXED_TIME = datetime(2025, 1, 15, 12, 0, tzinfo=UTC)
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


def wrap(text: str, fits: Any, hyphenated: list[str]) -> list[str]:
    """Greedy line wrapping with Dutch hyphenation (pyphen) at line ends."""
    dic = _hyphenator()
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if fits(candidate):
            line = candidate
            continue
        split = None
        if len(word) > 6:
            positions = [p for p in dic.positions(word.strip(".,;:")) if p >= 2]
            if "-" in word[1:-1]:
                positions.append(word.index("-", 1) + 1)
            for pos in sorted(positions, reverse=True):
                head = word[:pos] if word[pos - 1] == "-" else word[:pos] + "-"
                if len(word) - pos >= 3 and fits(f"{line} {head}" if line else head):
                    split = (head, word[pos:])
                    break
        if split is not None:
            lines.append(f"{line} {split[0]}" if line else split[0])
            hyphenated.append(word.strip(".,;:()"))
            line = split[1]
        else:
            if line:
                lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def amounts_header(columns: list[str]) -> list[str]:
    return ["", *columns]


# PDF ------------------------------------------------------------------------------------


def render_pdf(spec: dict[str, Any], target: Path) -> tuple[list[str], list[str]]:
    pages: dict[str, int] = {}
    for _ in range(2):  # second pass: the table of contents knows the page numbers
        furniture, hyphenated = _pdf_pass(spec, target, pages)
    return furniture, hyphenated


def _pdf_pass(
    spec: dict[str, Any], target: Path, pages: dict[str, int]
) -> tuple[list[str], list[str]]:
    from fpdf import FPDF

    furniture: list[str] = []
    hyphenated: list[str] = []

    class Pdf(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("DejaVu", size=8)
                self.set_xy(20, 10)
                self.cell(170, 5, spec["header"])
                furniture.append(spec["header"])
                self.set_y(22)

        def footer(self) -> None:
            if self.page_no() > 1:
                self.set_font("DejaVu", size=8)
                self.set_xy(20, -15)
                text = spec["footer"].format(page=self.page_no())
                self.cell(170, 5, text, align="C")
                furniture.append(text)

    pdf = Pdf(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.set_margins(20, 22, 20)
    pdf.set_auto_page_break(True, 22)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 22)
    pdf.ln(60)
    pdf.cell(170, 12, spec["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=14)
    pdf.cell(170, 10, f"Gemeente {spec['municipality']}", new_x="LMARGIN", new_y="NEXT")
    hyphenated_before = len(hyphenated)
    if spec.get("toc"):
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 16)
        pdf.cell(170, 10, "Inhoudsopgave", new_x="LMARGIN", new_y="NEXT")
        furniture.append("Inhoudsopgave")
        pdf.set_font("DejaVu", size=10)
        for kind, *rest in elements(spec):
            if kind == "heading" and rest[0] == 1:
                title = rest[1]
                number = str(pages.get(title, 0))
                gap = 150 - pdf.get_string_width(title)
                dots = "." * max(3, int(gap / pdf.get_string_width(".")))
                line = f"{title} {dots} {number}"
                pdf.cell(170, 6, line, new_x="LMARGIN", new_y="NEXT")
                furniture.append(line)
    del hyphenated[hyphenated_before:]
    first_chapter = True
    width = 170

    def fits_for(w: float) -> Any:
        return lambda s: pdf.get_string_width(s) <= w

    def paragraph(text: str, indent: float = 0, label: str | None = None) -> None:
        pdf.set_font("DejaVu", size=10)
        lines = wrap(text, fits_for(width - indent), hyphenated)
        for n, line in enumerate(lines):
            if n == 2 and text.startswith(spec.get("break_in_item", "\0")):
                pdf.add_page()  # a page break inside a list item
            if n == 0 and label:
                pdf.set_x(20)
                pdf.cell(indent, 5, label)
            pdf.set_x(20 + indent)
            pdf.cell(width - indent, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)

    for kind, *rest in elements(spec):
        if kind == "title":
            continue
        if kind == "heading":
            level, text = rest
            if level == 1:
                if first_chapter or pdf.get_y() > 60:
                    pdf.add_page()
                first_chapter = False
                pages[text] = pdf.page_no()
                pdf.set_font("DejaVu", "B", 16)
            else:
                pdf.set_font("DejaVu", "B", 12)
                if pdf.get_y() > 250:
                    pdf.add_page()
            pdf.ln(3)
            pdf.multi_cell(width, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind in ("meta", "aside"):
            paragraph(rest[0])
        elif kind == "meta_list":
            paragraph(rest[0])
            for name in rest[1]:
                paragraph(name, 6, "-")
        elif kind == "block":
            _pdf_block(pdf, rest[0], paragraph, spec)
    pdf.output(str(target))
    return furniture, hyphenated


def _pdf_block(pdf: Any, block: tuple[Any, ...], paragraph: Any, spec: dict[str, Any]) -> None:
    kind = block[0]
    if kind == "p":
        paragraph(block[1])
    elif kind in ("goals", "actions"):
        for i, text in enumerate(block[1]):
            paragraph(text, 8, letter(i, spec.get("letters", "")))
    elif kind == "actions_sub":
        for i, (text, subs) in enumerate(block[1]):
            paragraph(text, 8, letter(i, spec.get("letters", "")))
            for sub in subs:
                paragraph(sub, 14, "  -")
    elif kind == "bullets":
        for text in block[1]:
            paragraph(text, 6, "-")
    elif kind == "goal_bullets":
        paragraph(block[1])
        for text, status in block[2]:
            paragraph(f"{text} ({status})", 6, "-")
    elif kind == "doel":
        _, label, text, activities = block
        paragraph(f"{label} {text}")
        for alabel, atext, status in activities:
            paragraph(f"{alabel} {atext}")
            paragraph(f"Status: {status_text(status)}")
    elif kind == "pair_table":
        _pdf_table(pdf, ["Doel", "Activiteit"], [list(r) for r in block[1]], [85, 85])
    elif kind == "cost":
        _, _caption, unit, columns, rows = block
        paragraph(unit)
        label_w = 50
        w = (170 - label_w) / len(columns)
        _pdf_table(pdf, ["", *columns], [[label, *values] for label, values in rows],
                   [label_w, *([w] * len(columns))])  # fmt: skip
    elif kind == "indicators":
        _pdf_table(pdf, ["Indicator", "Eenheid", "Periode", "Waarde", "Bron"],
                   [list(r) for r in block[1]], [50, 45, 20, 20, 35])  # fmt: skip


def _pdf_table(pdf: Any, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
    pdf.set_font("DejaVu", size=8)
    if pdf.get_y() > 230:
        pdf.add_page()
    align = ["LEFT"] + ["RIGHT"] * (len(header) - 1)
    if header[0] in ("Doel", "Indicator"):
        align = ["LEFT"] * len(header)
    with pdf.table(col_widths=widths, text_align=align, line_height=4.5, first_row_as_headings=True,
                   width=sum(widths)) as table:  # fmt: skip
        for row in [header, *rows]:
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    pdf.ln(3)


# Word -----------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _numbering(document: Any, style: str) -> tuple[int, int]:
    """Add a lettered and a bullet list definition to numbering.xml; return their abstract ids."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    fmt, text = ("lowerLetter", "%1)") if style == "lower_paren" else ("upperLetter", "%1.")
    lettered = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90"><w:multiLevelType '
        f'w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt '
        f'w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText '
        f'w:val="–"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    )
    bullet = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start '
        f'w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc '
        f'w:val="left"/></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(f"{{{W_NS}}}num")
    for node in (lettered, bullet):
        if first_num is not None:
            first_num.addprevious(node)
        else:
            numbering.append(node)
    return 90, 91


def _new_num(document: Any, abstract_id: int) -> int:
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    ids = [int(n.get(f"{{{W_NS}}}numId")) for n in numbering.findall(f"{{{W_NS}}}num")]
    num_id = max([0, *ids]) + 1
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def _numbered(document: Any, text: str, num_id: int, level: int = 0) -> None:
    from docx.oxml import parse_xml

    para = document.add_paragraph(text, style="List Paragraph")
    para._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
            f"</w:numPr>"
        )
    )


def render_docx(spec: dict[str, Any], target: Path) -> tuple[list[str], list[str]]:
    import docx

    document = docx.Document()
    document.core_properties.author = "gemeentetaal"
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    header = f"{spec['title']} gemeente {spec['municipality']}"
    document.sections[0].header.paragraphs[0].text = header  # not in the body: not furniture
    lettered_abs, bullet_abs = _numbering(document, spec.get("letters", ""))
    for kind, *rest in elements(spec):
        if kind == "title":
            document.add_heading(rest[0], level=0)
            document.add_paragraph(f"Gemeente {spec['municipality']}")
        elif kind == "heading":
            document.add_heading(rest[1], level=rest[0])
        elif kind in ("meta", "aside"):
            document.add_paragraph(rest[0])
        elif kind == "meta_list":
            document.add_paragraph(rest[0])
            num = _new_num(document, bullet_abs)
            for name in rest[1]:
                _numbered(document, name, num)
        elif kind == "block":
            _docx_block(document, rest[0], lettered_abs, bullet_abs)
    document.save(str(target))
    return [], []


def _docx_block(document: Any, block: tuple[Any, ...], lettered: int, bullet: int) -> None:
    kind = block[0]
    if kind == "p":
        document.add_paragraph(block[1])
    elif kind in ("goals", "actions", "actions_sub"):
        num = _new_num(document, lettered)
        for entry in block[1]:
            text, subs = (entry, []) if kind != "actions_sub" else entry
            _numbered(document, text, num)
            for sub in subs:
                _numbered(document, sub, num, level=1)
    elif kind == "bullets":
        num = _new_num(document, bullet)
        for text in block[1]:
            _numbered(document, text, num)
    elif kind == "goal_bullets":
        document.add_paragraph().add_run(block[1]).bold = True
        num = _new_num(document, bullet)
        for text, status in block[2]:
            _numbered(document, f"{text} ({status})", num)
    elif kind == "doel":
        _, label, text, activities = block
        document.add_paragraph().add_run(f"{label} {text}").bold = True
        for alabel, atext, status in activities:
            document.add_paragraph(f"{alabel} {atext}")
            document.add_paragraph(f"Status: {status_text(status)}")
    elif kind == "pair_table":
        _docx_table(document, ["Doel", "Activiteit"], [list(r) for r in block[1]])
    elif kind == "cost":
        _, _caption, unit, columns, rows = block
        document.add_paragraph(unit)
        _docx_table(document, ["", *columns], [[label, *values] for label, values in rows])
    elif kind == "indicators":
        _docx_table(document, ["Indicator", "Eenheid", "Periode", "Waarde", "Bron"],
                    [list(r) for r in block[1]])  # fmt: skip


def _docx_table(document: Any, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value


# HTML -----------------------------------------------------------------------------------

CHROME = {
    "hoorn": {
        "before": [
            '<header class="site-header"><a class="logo" href="/">Gemeente Hoorn</a>',
            '<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/wonen">Wonen'
            '</a></li><li><a href="/werk">Werk en inkomen</a></li><li><a href="/bestuur">'
            'Bestuur</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>',
            '<div class="cookie-banner" role="dialog"><p>Wij gebruiken cookies om deze '
            "website te verbeteren.</p><button>Accepteren</button><button>Weigeren</button>"
            "</div>",
            '<nav aria-label="Kruimelpad" class="breadcrumb"><ol><li><a href="/">Home</a>'
            '</li><li><a href="/begroting">Begroting 2025</a></li><li>Programma 3</li></ol>'
            "</nav>",
        ],
        "after_main": '<div class="share">Deel deze pagina: <a href="#">Facebook</a> '
        '<a href="#">LinkedIn</a> <a href="#">WhatsApp</a></div>',
        "footer": '<footer class="site-footer"><p>Gemeente Hoorn, Nieuwe Steen 1, 1625 HV '
        'Hoorn</p><p>Telefoon 14 0229</p><ul><li><a href="/privacy">Privacyverklaring</a>'
        '</li><li><a href="/toegankelijkheid">Toegankelijkheid</a></li></ul></footer>',
        "furniture": [
            "Gemeente Hoorn",
            "Home",
            "Wonen",
            "Werk en inkomen",
            "Bestuur",
            "Contact",
            "Wij gebruiken cookies om deze website te verbeteren.",
            "Accepteren",
            "Weigeren",
            "Programma 3",
            "Deel deze pagina:",
            "Facebook",
            "LinkedIn",
            "WhatsApp",
            "Gemeente Hoorn, Nieuwe Steen 1, 1625 HV Hoorn",
            "Telefoon 14 0229",
            "Privacyverklaring",
            "Toegankelijkheid",
        ],
    },
    "oisterwijk": {
        "before": [
            '<div id="cookie-notice"><span>Deze site gebruikt functionele en analytische '
            'cookies.</span> <a href="#" class="btn">Akkoord</a> <a href="/cookies">Meer '
            "informatie</a></div>",
            '<div class="top-bar"><a href="/">Oisterwijk.nl</a> <a href="/inloggen">Mijn '
            "Oisterwijk</a></div>",
            '<nav class="main-menu"><a href="/">Inwoners</a> <a href="/ondernemers">'
            'Ondernemers</a> <a href="/bestuur">Bestuur en organisatie</a></nav>',
            '<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/begroting">'
            "Begroting</a> &gt; <span>Leefbaarheid</span></div>",
        ],
        "after_main": '<div class="social-share"><span>Delen:</span> <a href="#">Facebook'
        '</a> <a href="#">X</a> <a href="#">E-mail</a></div>',
        "footer": '<div class="site-footer"><p>Gemeente Oisterwijk, Postbus 10101, 5060 GA '
        'Oisterwijk</p><p><a href="/contact">Contact</a> | <a href="/privacy">Privacy</a> '
        '| <a href="/sitemap">Sitemap</a></p></div>',
        "furniture": [
            "Deze site gebruikt functionele en analytische cookies.",
            "Akkoord",
            "Meer informatie",
            "Oisterwijk.nl",
            "Mijn Oisterwijk",
            "Inwoners",
            "Ondernemers",
            "Bestuur en organisatie",
            "Leefbaarheid",
            "Delen:",
            "Gemeente Oisterwijk, Postbus 10101, 5060 GA Oisterwijk",
            "Sitemap",
            "Privacy",
        ],
    },
}


def render_html(spec: dict[str, Any], target: Path) -> tuple[list[str], list[str]]:
    chrome = CHROME[spec["site"]]
    e = html.escape
    main: list[str] = []
    aside = ""
    for kind, *rest in elements(spec):
        if kind == "title":
            main.append(f'<p class="kicker">{e(rest[0])}</p>')
        elif kind == "heading":
            main.append(f"<h{rest[0]}>{e(rest[1])}</h{rest[0]}>")
        elif kind == "aside":
            aside = (f'<aside class="sidebar"><h2>Bestuurlijk</h2><p>{e(rest[0])}</p>'
                     f'<h2>Downloads</h2><ul><li><a href="/b.pdf">Begroting (pdf)</a></li>'
                     f"</ul></aside>")  # fmt: skip
        elif kind == "meta":
            main.append(f"<p>{e(rest[0])}</p>")
        elif kind == "block":
            main.append(_html_block(rest[0]))
    page = (
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{e(spec["title"])}'
        f" - {e(spec['programmes'][0]['heading'])}</title></head><body>"
        + "".join(chrome["before"])
        + '<div class="page"><main id="content"><article>'
        + "\n".join(main)
        + "</article>"
        + chrome["after_main"]
        + "</main>"
        + aside
        + "</div>"
        + chrome["footer"]
        + "</body></html>\n"
    )
    target.write_text(page, encoding="utf-8")
    return list(chrome["furniture"]) + (["Bestuurlijk", "Downloads", "Begroting (pdf)"]
                                        if aside else []), []  # fmt: skip


def _html_block(block: tuple[Any, ...]) -> str:
    e = html.escape
    kind = block[0]
    if kind == "p":
        return f"<p>{e(block[1])}</p>"
    if kind in ("goals", "actions"):
        return '<ol type="A">' + "".join(f"<li>{e(t)}</li>" for t in block[1]) + "</ol>"
    if kind == "pair_table":
        rows = "".join(f"<tr><td>{e(g)}</td><td>{e(a)}</td></tr>" for g, a in block[1])
        head = "<thead><tr><th>Doel</th><th>Activiteit</th></tr></thead>"
        return f"<table>{head}<tbody>{rows}</tbody></table>"
    if kind == "cost":
        _, _caption, unit, columns, rows = block
        head = "<tr><th></th>" + "".join(f"<th>{e(c)}</th>" for c in columns) + "</tr>"
        body = "".join(
            f"<tr><td>{e(label)}</td>" + "".join(f"<td>{e(v)}</td>" for v in values) + "</tr>"
            for label, values in rows
        )
        return (f"<table><caption>{e(unit)}</caption><thead>{head}</thead><tbody>{body}"
                f"</tbody></table>")  # fmt: skip
    raise ValueError(f"no HTML for {kind}")


# Markdown and text ----------------------------------------------------------------------


def render_md(spec: dict[str, Any], target: Path) -> tuple[list[str], list[str]]:
    out: list[str] = []
    for kind, *rest in elements(spec):
        if kind == "title":
            out += [f"# {rest[0]}", "", f"Gemeente {spec['municipality']}", ""]
        elif kind == "heading":
            out += [f"{'#' * (rest[0] + 1)} {rest[1]}", ""]
        elif kind == "meta":
            label, value = rest[0].split(":", 1)
            out += [f"**{label}:**{value}", ""]
        elif kind == "meta_list":
            out += [f"**{rest[0]}**", "", *(f"- {n}" for n in rest[1]), ""]
        elif kind == "block":
            block = rest[0]
            if block[0] == "p":
                out += [block[1], ""]
            elif block[0] == "goal_bullets":
                out += [f"**{block[1]}**", ""]
                out += [f"- {t} *({s})*" for t, s in block[2]] + [""]
            elif block[0] == "cost":
                _, _caption, unit, columns, rows = block
                out += [f"*{unit}*", "", "| | " + " | ".join(columns) + " |",
                        "|---" * (len(columns) + 1) + "|"]  # fmt: skip
                out += ["| " + " | ".join([label, *values]) + " |" for label, values in rows]
                out.append("")
            else:
                raise ValueError(f"no Markdown for {block[0]}")
    target.write_text("\n".join(out), encoding="utf-8")
    return [], []


def render_txt(spec: dict[str, Any], target: Path) -> tuple[list[str], list[str]]:
    """A text export: hard-wrapped at 72 characters with hyphenation, tab-separated tables,
    pages of 40 lines separated by a form feed with a footer line."""
    hyphenated: list[str] = []
    furniture: list[str] = []
    body: list[str] = []

    def fits(s: str) -> bool:
        return len(s) <= 72

    title: list[str] = []
    for kind, *rest in elements(spec):
        if kind == "title":
            title = [rest[0], f"gemeente {spec['municipality']}", ""]
        elif kind == "heading":
            body += ["", rest[1], ""] if rest[0] == 1 else [rest[1]]
        elif kind == "meta":
            body += [rest[0], ""]
        elif kind == "block":
            block = rest[0]
            if block[0] == "p":
                body += [*wrap(block[1], fits, hyphenated), ""]
            elif block[0] == "bullets":
                body += [f"- {t}" for t in block[1]] + [""]
            elif block[0] == "pair_table":
                body.append("Wat willen we bereiken?\tWat gaan we daarvoor doen?")
                body += [f"{g}\t{a}" for g, a in block[1]] + [""]
            elif block[0] == "cost":
                _, _caption, unit, columns, rows = block
                body += [unit, "\t" + "\t".join(columns)]
                body += ["\t".join([label, *values]) for label, values in rows] + [""]
            else:
                raise ValueError(f"no text for {block[0]}")
    toc: list[str] = []
    if spec.get("toc"):
        toc = [*title, "Inhoud", ""]
        furniture.append("Inhoud")
        for kind, *rest in elements(spec):
            if kind == "heading" and rest[0] == 1:
                line = f"{rest[1]} {'.' * (60 - len(rest[1]))} {{page:{rest[1]}}}"
                toc.append(line)
    lines = body
    page_len = 40
    pages = [lines[i : i + page_len] for i in range(0, len(lines), page_len)]
    first_page = {}
    for n, page in enumerate(pages, start=2 if toc else 1):
        for line in page:
            first_page.setdefault(line, n)
    out: list[str] = []
    if toc:
        rendered = [
            line.split("{page:")[0] + str(first_page.get(line.split("{page:")[1][:-1], 1))
            if "{page:" in line else line
            for line in toc
        ]  # fmt: skip
        furniture += rendered[len(title) + 2 :]
        pages.insert(0, rendered)
    elif title:
        pages[0] = title + pages[0]
    for n, page in enumerate(pages, start=1):
        out += page
        if "footer" in spec:
            footer = spec["footer"].format(page=n)
            out += ["", footer]
            furniture.append(footer)
        out.append("\f")
    target.write_text("\n".join(out).replace("\n\f\n", "\n\f"), encoding="utf-8")
    return furniture, hyphenated


RENDERERS = {
    "pdf": render_pdf,
    "docx": render_docx,
    "html": render_html,
    "md": render_md,
    "txt": render_txt,
}
