"""Write the expected records of the real documents (tests/fixtures/real/programme_documents).

    .venv/bin/python bench/evaluate/programme_real_expected.py

Written before the parser was run on these documents. The hand-written parts (programme
titles, goal/result pairs, indicator rows, compound words hyphenated at a line end, sentences)
come from reading the documents; the cost-table amounts are transcribed from pypdf's plain
text extraction (``extract_text``, an independent reading of the PDF, not the project's
layout reader) by the regular expressions below and were checked by eye against the page.
Figures on these documents: ``programme_documents.py --real``.
"""

# ruff: noqa: E501
import hashlib
import json
import re
import sys
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.evaluate.common import eval_dir  # noqa: E402

EV = eval_dir() / "programme_documents_real"
OUT = ROOT / "tests" / "fixtures" / "real" / "programme_documents"
_TEXT: dict[str, str] = {}


def plain_text(name):
    if name not in _TEXT:
        path = next(EV.glob("*/" + name))
        reader = pypdf.PdfReader(path)
        _TEXT[name] = "".join(
            f"\n=====PAGE {i + 1}=====\n" + (p.extract_text() or "")
            for i, p in enumerate(reader.pages)
        )
    return _TEXT[name]


def sha(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def pages(name):
    t = plain_text(name)
    return {
        int(p.split("=")[0]): p.split("=====", 1)[1] if "=====" in p else p
        for p in t.split("=====PAGE ")[1:]
    }


NUM = r"-?\d{1,3}(?:\.\d{3})*|0"


def budget_amounts(name):
    t = plain_text(name)
    out = []
    for m in re.finditer(r"Baten en lasten P(\d) ", t):
        block = t[m.start() : m.start() + 1500].splitlines()
        years = None
        for line in block:
            y = re.findall(r"\b(20\d\d)\b", line)
            if years is None and len(y) == 6 and "bedragen" in line:
                years = y
                cols = [f"Rekening {years[0]}"] + [f"Begroting {x}" for x in years[1:]]
                continue
            if years:
                mm = re.match(
                    r"\s*([A-Za-z][A-Za-z ]+?)\s+((?:(?:" + NUM + r")\s*){6})$", line.strip()
                )
                if mm:
                    vals = mm.group(2).split()
                    for c, v in zip(cols, vals, strict=False):
                        out.append(
                            {
                                "programme": m.group(1),
                                "caption": "Wat gaat het kosten",
                                "row": mm.group(1).strip(),
                                "column": c,
                                "value": v,
                                "unit": "bedragen x € 1.000",
                            }
                        )
                if "resultaat" in line:
                    break
    return out


def jaarstukken_amounts(name):
    t = plain_text(name)
    out = []
    for m in re.finditer(
        r"Programma \s*\n\s*P(\d) [^\n]*Begroting Begroting Realisatie Verschil", t
    ):
        block = t[m.start() : m.start() + 1200].splitlines()
        cols = [
            "Begroting 2023 primair",
            "Begroting 2023 na wijziging",
            "Realisatie 2023",
            "Verschil 2023 Begr. na wijz. / realisatie",
        ]
        for line in block:
            mm = re.match(r"\s*([A-Za-z][A-Za-z ]+?)\s+((?:(?:" + NUM + r")\s*){4})$", line.strip())
            if mm:
                for c, v in zip(cols, mm.group(2).split(), strict=False):
                    out.append(
                        {
                            "programme": m.group(1),
                            "caption": "Wat heeft het gekost",
                            "row": mm.group(1).strip(),
                            "column": c,
                            "value": v,
                            "unit": "bedragen x € 1.000,-",
                        }
                    )
            if "resultaat" in line:
                break
    return out


def toc_lines(name, page_max=6):
    p = pages(name)
    lines = []
    for n in range(1, page_max + 1):
        for ln in p.get(n, "").splitlines():
            if re.search(r"\.{5,}", ln):
                lines.append(" ".join(ln.split()))
    return lines


def span_sentence(name, page):
    """The sentence running from page-1 into page (text after the last terminator of the
    previous page, up to the first terminator on this page)."""
    p = pages(name)
    a = [ln for ln in p[page - 1].splitlines() if ln.strip()]
    b = [ln for ln in p[page].splitlines()[1:] if ln.strip()]
    if re.fullmatch(r"\s*(Pagina )?\d+( van \d+)?\s*", b[0]):
        b = b[1:]
    ta = " ".join(" ".join(a).split())
    tb = " ".join(" ".join(b).split())
    head = re.split(r"(?<=[.!?])\s+", ta)[-1]
    tail = re.split(r"(?<=[.!?])\s", tb)[0]
    return head + " " + tail


def write(split, file, data):
    data = {"file": file, "sha256": sha(EV / split / file), "source": "real", **data}
    (OUT / split / (file + ".expected.json")).write_text(
        json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    )
    print(split, file, {k: len(v) for k, v in data.items() if isinstance(v, list)})


PROGS = {
    2024: [
        "Veiligheid en Handhaving",
        "Mens en Maatschappij",
        "Bestuur en middelen",
        "Fysieke leefomgeving",
        "Natuur, klimaat en Mobiliteit",
    ],
    2025: [
        "Veiligheid en handhaving",
        "Mens en maatschappij",
        "Bestuur en middelen",
        "Fysieke leefomgeving",
        "Natuur, klimaat en mobiliteit",
    ],
}
PROGS[2026] = PROGS[2025]
PROGS[2023] = PROGS[2025]


def programmes(year):
    return [
        {
            "number": str(i + 1),
            "title": t,
            "portfolio_holders": [],
            "director": None,
            "headings": None,
        }
        for i, t in enumerate(PROGS[year])
    ]


def ind(p, name, value, period, unit, source):
    return {
        "programme": p,
        "name": name,
        "value": value,
        "period": period,
        "unit": unit,
        "source": source,
    }


U1 = "Aantal per 1.000 inwoners"
# ---- dev: Begroting 2024
f = "wassenaar_begroting_2024.pdf"
write(
    "dev",
    f,
    {
        "family": "programme",
        "municipality": "Wassenaar",
        "document_type": "begroting",
        "year": 2024,
        "title": "Begroting 2024",
        "programmes": programmes(2024),
        "amounts": budget_amounts(f),
        "indicators": [
            ind("1", "Verwijzingen Halt", "10", "2022", "Aantal per 1.000 jongeren", "Bureau Halt"),
            ind("1", "Winkeldiefstallen", "0,6", "2022", U1, "CBS"),
            ind("1", "Geweldsmisdrijven", "4,1", "2022", U1, "CBS"),
            ind("1", "Diefstallen uit woning", "2,2", "2022", U1, "CBS"),
            ind(
                "1",
                "Vernielingen en beschadigingen (in de openbare ruimte)",
                "5",
                "2022",
                U1,
                "CBS",
            ),
            ind("2", "Absoluut verzuim", "1,3", "2022", "Aantal per 1.000 leerlingen", "DUO"),
        ],
        "pairs": [
            [
                "Stellen van veiligheidsprioriteiten",
                "Uitgevoerd jaarplan 2024 integraal veiligheidsbeleid",
            ],
            [
                "Handhaving van de openbare orde",
                "Opgestelde visie en handhavingsplan openbare orde",
            ],
            [
                "Handhaving van de openbare orde",
                "Inspecteurs openbare ruimte en buitengewoon opsporingsambtenaren",
            ],
            ["Kunnen inspelen op thema", "De Lokale Kamer is doorontwikkeld"],
            [
                "Bestrijden van ondermijnende criminaliteit",
                "Bewustwordingscampagne(s) onder inwoners en ondernemers",
            ],
            [
                "Bestrijden van ondermijnende criminaliteit",
                "Geactualiseerd en opgesteld Bibob-beleid in 2024",
            ],
            [
                "Bestrijden van ondermijnende criminaliteit",
                "Opgesteld uitvoeringsplan ondermijning Wassenaar 2025 en verder",
            ],
            ["Het mogelijk maken van evenementen", "Opgesteld evenementenbeleid"],
        ],
        "statuses": [],
        "furniture": toc_lines(f),
        "hyphenated": [
            "welzijns-",
            "onderwijs-jeugdzorg",
            "integratie/decentralisatie-uitkeringen",
            "warmte-alternatieven",
            "publiek-private",
        ],
        "texts": [
            span_sentence(f, 14),
            span_sentence(f, 37),
            span_sentence(f, 46),
            "Een dorp waar mensen veilig en goed leven, wonen, werken en zich thuis voelen.",
            "Op basis van de Begroting 2024 van de Veiligheidsregio Haaglanden (VRH) is de bijdrage van Wassenaar ten opzichte van 2023 € 45.000 hoger.",
        ],
    },
)
# ---- dev: Jaarstukken 2023
f = "wassenaar_jaarstukken_2023.pdf"
write(
    "dev",
    f,
    {
        "family": "programme",
        "municipality": "Wassenaar",
        "document_type": "jaarverslag",
        "year": 2023,
        "title": "Jaarstukken 2023",
        "programmes": programmes(2023),
        "amounts": jaarstukken_amounts(f),
        "indicators": [
            ind("1", "Verwijzingen Halt", "10", "2022", "Aantal per 1.000 jongeren", "Bureau Halt"),
            ind("1", "Winkeldiefstallen", "0,9", "2023", U1, "CBS"),
            ind("1", "Geweldsmisdrijven", "4,4", "2023", U1, "CBS"),
            ind("1", "Diefstallen uit woning", "2", "2023", U1, "CBS"),
            ind(
                "1",
                "Vernielingen en beschadigingen (in de openbare ruimte)",
                "5,0",
                "2023",
                U1,
                "CBS",
            ),
        ],
        "pairs": [
            [
                "Samen met partners toezien op de verlaagde maximumsnelheid",
                "Plaatsen flitspalen en smiley-borden",
            ],
            [
                "Strenger handhaven bij bebouwing",
                "Er zijn genoeg ambtelijke capaciteit en middelen aanwezig om handhaving bebouwing",
            ],
            [
                "Blijvende aandacht voor aanpak ondermijning",
                "Er is genoeg ambtelijke capaciteit aanwezig voor blijvende inzet aanpak ondermijning",
            ],
            [
                "Versterking, verbinding, zorg, en veiligheid",
                "Sluitende regie op ketenniveau voor Zorg en Veiligheid",
            ],
        ],
        "statuses": [],
        "furniture": toc_lines(f, 8),
        "hyphenated": ["Bibob-beleid", "wet-"],
        "texts": [
            span_sentence(f, 31),
            span_sentence(f, 36),
            span_sentence(f, 60),
            "Begin 2023 zijn er vijf nieuwe smiley-borden gekocht en geplaatst.",
        ],
    },
)

G = [
    "Stellen van veiligheidsprioriteiten",
    "Handhaving van de openbare orde",
    "Kunnen inspelen op thema",
    "Behouden van noodzakelijke hulpdiensten",
    "Bestrijden van ondermijnende criminaliteit",
]
# ---- held out: Begroting 2025
f = "wassenaar_begroting_2025.pdf"
write(
    "heldout",
    f,
    {
        "family": "programme",
        "municipality": "Wassenaar",
        "document_type": "begroting",
        "year": 2025,
        "title": "Begroting 2025",
        "programmes": programmes(2025),
        "amounts": budget_amounts(f),
        "indicators": [
            ind(
                "1", "Verwijzingen Halt", "8,4", "2023", "Aantal per 1.000 jongeren", "Bureau Halt"
            ),
            ind("1", "Winkeldiefstallen", "0,9", "2023", U1, "CBS"),
            ind("1", "Geweldsmisdrijven", "3,9", "2023", U1, "CBS"),
            ind("1", "Diefstallen uit woning", "2,4", "2023", U1, "CBS"),
            ind(
                "1",
                "Vernielingen en beschadigingen (in de openbare ruimte)",
                "5,0",
                "2023",
                U1,
                "CBS",
            ),
            ind("2", "Absoluut verzuim", "1,3", "2021", "Aantal per 1.000 leerlingen", "DUO"),
        ],
        "pairs": [
            [G[0], "Uitgevoerd Uitvoeringsplan 2025 van het Integraal Veiligheidsbeleid 2024-2027"],
            [G[0], "Evaluatie van het Uitvoeringsplan 2025 van het Integraal Veiligheidsbeleid"],
            [G[1], "Uitgevoerd Uitvoeringsprogramma 2025 van het VTH-beleid 2025-2028"],
            [G[1], "Evaluatie van het Uitvoeringsprogramma 2025 VTH-beleid 2025-2028"],
            [G[1], "Verder versterken van de samenwerking tussen buitengewoon opsporingsambtenaar"],
            [G[2], "Optimalisatie van de Lokale Kamer"],
            [G[3], "Het doorontwikkelen van strandveiligheid"],
            [G[3], "Het evalueren en doorontwikkelen van de gemeentelijke crisisbeheersing"],
            [G[4], "Uitvoering geven aan het nieuw vierjarig beleid voor de ondermijningsaanpak"],
        ],
        "statuses": [],
        "furniture": toc_lines(f, 8) + [f"Pagina {n} van 136" for n in (11, 30, 31, 32, 60, 100)],
        "hyphenated": [
            "welzijns-",
            "niet-bestede",
            "integratie/decentralisatie-uitkeringen",
            "loon-",
            "non-verplichting",
            "riool-",
        ],
        "texts": [
            span_sentence(f, 12),
            span_sentence(f, 24),
            span_sentence(f, 40),
            "Het Integraal Veiligheidsbeleid 2024-2027 is in december 2023 vastgesteld door de Raad.",
        ],
    },
)
# ---- held out: Begroting 2026
f = "wassenaar_begroting_2026.pdf"
write(
    "heldout",
    f,
    {
        "family": "programme",
        "municipality": "Wassenaar",
        "document_type": "begroting",
        "year": 2026,
        "title": "Begroting 2026",
        "programmes": programmes(2026),
        "amounts": budget_amounts(f),
        "indicators": [
            ind(
                "1", "Verwijzingen Halt", "4,2", "2024", "Aantal per 1.000 jongeren", "Bureau Halt"
            ),
            ind("1", "Winkeldiefstallen", "1,3", "2024", U1, "CBS"),
            ind("1", "Geweldsmisdrijven", "3,8", "2024", U1, "CBS"),
            ind("1", "Diefstallen uit woning", "2,9", "2024", U1, "CBS"),
            ind(
                "1",
                "Vernielingen en beschadigingen (in de openbare ruimte)",
                "2,5",
                "2024",
                U1,
                "CBS",
            ),
            ind("2", "Absoluut verzuim", "1,8", "2023", "Aantal per 1.000 leerlingen", "DUO"),
        ],
        "pairs": [
            [G[0], "Uitgevoerd Uitvoeringsplan 2026 van het Integraal Veiligheidsbeleid 2024-2027"],
            [G[0], "Geëvalueerd Uitvoeringsplan 2026 van het Integraal Veiligheidsbeleid"],
            [G[0], "Verhoogde maatschappelijke weerbaarheid"],
            [G[1], "Uitgevoerd Uitvoeringsprogramma 2026 U&H-strategie"],
            [G[1], "Geëvalueerd Uitvoeringsprogramma 2026 U&H-strategie 2025-2028"],
            [G[2], "Ontwikkelde Aanpak Voorkoming Escalatie"],
            [G[3], "Doorontwikkelde samenwerking strandveiligheid"],
            [G[3], "Geëvalueerde en doorontwikkelde gemeentelijke crisisbeheersing"],
            [
                G[4],
                "Uitvoering gegeven aan het Uitvoeringsplan 2026 van de Wassenaarse ondermijningsaanpak",
            ],
        ],
        "statuses": [],
        "furniture": toc_lines(f, 8) + [f"Pagina {n} van 120" for n in (12, 13, 20, 50, 90)],
        "hyphenated": ["Bibob-beleid", "welzijns-", "cao-kostenstijging", "niet-woningen"],
        "texts": [
            span_sentence(f, 14),
            span_sentence(f, 16),
            span_sentence(f, 20),
            "De regie voor de versterking van de nationale veiligheid ligt bij de overheid, maar voor een weerbare samenleving zijn ook bedrijven, kennisinstellingen, maatschappelijke organisaties en burgers nodig.",
        ],
    },
)


def other(split, file, municipality, dtype, texts):
    write(
        split,
        file,
        {
            "family": "text",
            "municipality": municipality,
            "document_type": dtype,
            "year": None,
            "title": None,
            "programmes": [],
            "amounts": [],
            "indicators": [],
            "pairs": [],
            "statuses": [],
            "furniture": [],
            "hyphenated": [],
            "texts": texts,
        },
    )


other(
    "dev",
    "wassenaar_besluitenlijst_bw_2024-12-10.pdf",
    "Wassenaar",
    "besluitenlijst",
    ["B&W-Besluitenlijst Openbaar Wassenaar d.d. 3 dec. 2024 vast te stellen."],
)
other(
    "heldout",
    "wassenaar_besluitenlijst_bw_2025-12-16.pdf",
    "Wassenaar",
    "besluitenlijst",
    ["B&W-Besluitenlijst Openbaar Wassenaar d.d. 16 dec. 2025 vast te stellen."],
)
other("dev", "plan_NL.IMRO.0873.HOWOxWP193xWYZIx35.md", "Woensdrecht", "bestemmingsplan", [])
other("heldout", "plan_NL.IMRO.0327.174.md", "Leusden", "bestemmingsplan", [])
other("heldout", "plan_NL.IMRO.0866.BP00177.md", "Waalre", "bestemmingsplan", [])
