# ruff: noqa: E501
# fmt: off
"""Second held-out set of whole test documents (fictional, CC0), written before the parser's
second round of work and never used while developing it: only evaluated, once, at the end.

Same block types as ``scripts/test_document_specs.py``, plus:
  ("goals_decimal", [texts]) / ("actions_decimal", [texts])  lists numbered 1., 2., ...
  ("goal_nested", [(goal, [actions]), ...])  a two-level list: goals 1., 2. with their
                                             actions a), b) nested under each goal
  ("status_table", header, [(goal, action, status), ...])  a three-column table
  ("numbered", [texts])                      a numbered list that is neither goals nor actions
  ("kv_table", [(key, value), ...])          a two-column key/value table (no amounts)
  ("cost", caption, unit, columns, rows)     as before; in front or back matter its amounts
                                             belong to no programme (programme None)

Spec options used here for the first time: ``cost_label_width``/``indicator_widths`` (PDF
column widths in mm, narrow enough that labels and cells wrap over several lines),
``letters = "decimal"``, ``heading_numbering`` (Word: chapter and section numbers come from
the numbering of the heading styles, not from the text), ``unit_row`` (Word: the unit stands
in a first table row spanning all columns), ``holders_in_dl`` (HTML ``<dl>``), ``layout =
"columns"`` (a text export in the style of ``pdftotext -layout``: columns aligned with
spaces, a two-part page header, centred page numbers), ``site`` chrome without ``<main>``.

Expected document types follow the design in ``tests/fixtures/golden/programme/README.md``:
a voorjaarsnota is none of the three budget types (type and year None); a council proposal
and a news page about the budget are documents of their own (family ``text``).
"""

from __future__ import annotations

from test_document_specs import LOREM, P, Spec

YEARS_6 = ["Realisatie 2024", "Begroting 2025", "Begroting 2026", "Raming 2027", "Raming 2028",
           "Raming 2029"]  # fmt: skip


def f(v: int) -> str:
    return "0" if v == 0 else f"{v:,}".replace(",", ".")


def cost_rows_6(base: int, step: int) -> list[tuple[str, list[str]]]:
    lasten = [base + i * step for i in range(6)]
    baten = [base // 5 + i * 23 for i in range(6)]
    saldo = [b - a for a, b in zip(lasten, baten, strict=True)]
    toe = [0, 85, 0, 0, 40, 0]
    ont = [210, 0, 130, 60, 0, 0]
    res = [s - t + o for s, t, o in zip(saldo, toe, ont, strict=True)]
    return [
        ("Lasten", [f(v) for v in lasten]),
        ("Baten", [f(v) for v in baten]),
        ("Saldo van baten en lasten", [f(v) for v in saldo]),
        ("Toevoeging aan reserves", [f(v) for v in toe]),
        ("Onttrekking aan reserves", [f(v) for v in ont]),
        ("Geraamd resultaat", [f(v) for v in res]),
    ]


# ---------------------------------------------------------------------------------------
# 1. PDF begroting, chapters numbered "1. Veilig en schoon" without the word "Programma",
#    numbered goal and action lists, cost tables whose row labels wrap over two lines,
#    indicator tables with cells of several lines, TOC, running header, bare page numbers.
# ---------------------------------------------------------------------------------------

HEERENVEEN: Spec = {
    "name": "heerenveen_begroting_2026",
    "format": "pdf",
    "municipality": "Heerenveen",
    "document_type": "begroting",
    "year": 2026,
    "title": "Programmabegroting 2026",
    "header": "Gemeente Heerenveen | Programmabegroting 2026",
    "footer": "{page}",
    "toc": True,
    "letters": "decimal",
    "cost_label_width": 28,
    "indicator_widths": [38, 42, 20, 20, 50],
    "front": [
        ("Inleiding", [(P, "In deze begroting staat wat het college in 2026 wil bereiken, wat het daarvoor gaat doen en wat dat kost. De begroting is sluitend, maar de financiële ruimte in de jaren na 2026 is klein. Daarom maken we keuzes en stellen we niet alle wensen tegelijk uit.")]),
    ],
    "programmes": [
        {
            "number": "1", "title": "Veilig en schoon", "heading": "1. Veilig en schoon",
            "holders_line": "Portefeuillehouder: burgemeester T. Zijlstra", "holders": ["T. Zijlstra"],
            "director": None,
            "sections": [
                ("1.1 Wat willen we bereiken?", [
                    (P, LOREM["veilig"]),
                    ("goals_decimal", ["Minder woninginbraken en minder overlast in de wijken.",
                                       "Een schone openbare ruimte waar inwoners graag verblijven."]),
                ]),
                ("1.2 Wat gaan we daarvoor doen?", [
                    ("actions_decimal", ["We zetten twee extra boa's in op de plekken waar de meeste overlast wordt gemeld en we delen de informatie wekelijks met de politie.",
                                         "We legen de afvalbakken in het centrum vaker en we pakken zwerfafval aan met vrijwilligers uit de buurt."]),
                ]),
                ("1.3 Wat mag het kosten?", [
                    ("cost", "Wat mag het kosten?", "Bedragen x € 1.000", YEARS_6, cost_rows_6(9120, 143)),
                ]),
                ("1.4 Beleidsindicatoren", [
                    ("indicators", [
                        ("Verwijzingen Halt per 10.000 jongeren van 12 tot en met 17 jaar", "aantal per 10.000 jongeren", "2024", "98", "Bureau Halt"),
                        ("Winkeldiefstallen per 1.000 inwoners", "aantal per 1.000 inwoners", "2024", "1,4", "CBS Diefstallen"),
                    ]),
                ]),
            ],
        },
        {
            "number": "2", "title": "Zorg en welzijn", "heading": "2. Zorg en welzijn",
            "holders_line": "Portefeuillehouders: S. de Vries en K. Bouma-Hettinga",
            "holders": ["S. de Vries", "K. Bouma-Hettinga"], "director": None,
            "sections": [
                ("2.1 Wat willen we bereiken?", [
                    (P, LOREM["zorg"]),
                    ("goals_decimal", ["Inwoners krijgen snel de ondersteuning die bij hen past.",
                                       "Minder jongeren hebben langdurige jeugdhulp nodig.",
                                       "Mantelzorgers houden het vol."]),
                ]),
                ("2.2 Wat gaan we daarvoor doen?", [
                    ("actions_decimal", ["We richten één loket in voor Wmo, jeugdhulp en schulden, met een vaste contactpersoon per huishouden.",
                                         "We werken met de huisartsen samen in een praktijkondersteuner jeugd.",
                                         "We breiden de respijtzorg uit met logeerplekken in twee dorpen."]),
                ]),
                ("2.3 Wat mag het kosten?", [
                    ("cost", "Wat mag het kosten?", "Bedragen x € 1.000", YEARS_6, cost_rows_6(48310, 611)),
                ]),
                ("2.4 Beleidsindicatoren", [
                    ("indicators", [
                        ("Jongeren met jeugdhulp als percentage van alle jongeren tot 18 jaar", "% van de jongeren tot 18 jaar", "2024", "12,1", "CBS Beleidsinformatie Jeugd"),
                        ("Cliënten met een maatwerkarrangement Wmo", "aantal per 10.000 inwoners", "2024", "702", "CBS Monitor Sociaal Domein Wmo"),
                    ]),
                ]),
            ],
        },
        {
            "number": "3", "title": "Werk, economie en onderwijs", "heading": "3. Werk, economie en onderwijs",
            "holders_line": "Portefeuillehouder: wethouder R. Postma", "holders": ["R. Postma"],
            "director": None,
            "sections": [
                ("3.1 Wat willen we bereiken?", [
                    (P, LOREM["economie"]),
                    ("goals_decimal", ["Meer inwoners hebben betaald werk.",
                                       "Ondernemers vestigen zich graag in Heerenveen."]),
                ]),
                ("3.2 Wat gaan we daarvoor doen?", [
                    ("actions_decimal", ["We begeleiden inwoners met een uitkering naar werk via de werkgeversservicepunt.",
                                         "We verkopen de laatste kavels op bedrijventerrein Kanaal-Zuid."]),
                ]),
                ("3.3 Wat mag het kosten?", [
                    ("cost", "Wat mag het kosten?", "Bedragen x € 1.000", YEARS_6, cost_rows_6(21405, 298)),
                ]),
            ],
        },
    ],
    "back": [
        ("Paragraaf Lokale heffingen", [(P, "De onroerendezaakbelasting stijgt in 2026 met het inflatiepercentage. De afvalstoffenheffing en de rioolheffing blijven kostendekkend.")]),
        ("Paragraaf Weerstandsvermogen en risicobeheersing", [(P, "De weerstandsratio is 1,6. Dat betekent dat de gemeente de belangrijkste risico's kan opvangen zonder nieuwe bezuinigingen.")]),
    ],
}

# ---------------------------------------------------------------------------------------
# 2. PDF jaarstukken: the cover title equals the running header, goal/action table with
#    cells of several lines, cost tables with two value columns, an analysis table whose
#    row labels wrap, indicator tables with cells of several lines, holders as a list.
# ---------------------------------------------------------------------------------------

LOCHEM: Spec = {
    "name": "lochem_jaarstukken_2024",
    "format": "pdf",
    "municipality": "Lochem",
    "document_type": "jaarverslag",
    "year": 2024,
    "title": "Jaarstukken 2024",
    "header": "Jaarstukken 2024",
    "footer": "Gemeente Lochem | pagina {page}",
    "toc": True,
    "cost_label_width": 52,
    "indicator_widths": [45, 40, 18, 18, 49],
    "front": [
        ("Inleiding", [(P, "Met deze jaarstukken legt het college verantwoording af over 2024. Het jaar sluit met een klein positief resultaat, vooral door hogere opbrengsten uit leges en lagere kosten voor het leerlingenvervoer.")]),
    ],
    "programmes": [
        {
            "number": "1", "title": "Bestuur en dienstverlening", "heading": "Programma 1 - Bestuur en dienstverlening",
            "holders_line": "Portefeuillehouder: burgemeester S. van Heemstra", "holders": ["S. van Heemstra"],
            "director_line": "Verantwoordelijk directeur: P. Harmsen", "director": "P. Harmsen",
            "sections": [
                ("Wat wilden we bereiken en wat hebben we daarvoor gedaan?", [
                    ("pair_table", [
                        ("Inwoners regelen hun zaken met de gemeente snel en zonder gedoe, digitaal of aan de balie.",
                         "We hebben vijftien producten volledig digitaal gemaakt en de openingstijden van de balie op dinsdagavond verruimd."),
                        ("Inwoners worden vroeg betrokken bij plannen voor hun eigen dorp of wijk.",
                         "We hebben in Gorssel en Barchem dorpsavonden gehouden en de uitkomsten verwerkt in de dorpsplannen."),
                    ], ("Wat wilden we bereiken?", "Wat hebben we daarvoor gedaan?")),
                ]),
                ("Wat heeft het gekost?", [
                    ("cost", "Wat heeft het gekost?", "Bedragen x € 1.000", ["Begroting na wijziging 2024", "Realisatie 2024"], [
                        ("Lasten", ["14.206", "13.877"]),
                        ("Baten", ["2.315", "2.604"]),
                        ("Saldo van baten en lasten", ["-11.891", "-11.273"]),
                    ]),
                ]),
                ("Analyse van de afwijkingen", [
                    ("cost", "Analyse van de afwijkingen", "Bedragen x € 1.000", ["Lasten", "Baten", "Saldo"], [
                        ("Hogere opbrengst leges reisdocumenten en rijbewijzen door de drukte na de coronaperiode", ["0", "289", "289"]),
                        ("Lagere kosten voor de gemeenteraad en de griffie door minder externe advisering", ["329", "0", "329"]),
                    ]),
                ]),
                ("Beleidsindicatoren", [
                    ("indicators", [
                        ("Formatie in fte per 1.000 inwoners van de ambtelijke organisatie", "fte per 1.000 inwoners", "2024", "7,9", "Eigen begroting"),
                        ("Externe inhuur als percentage van de totale loonsom en de kosten van inhuur", "% van totale loonsom", "2024", "14,2", "Eigen gegevens"),
                    ]),
                ]),
            ],
        },
        {
            "number": "2", "title": "Ruimte en wonen", "heading": "Programma 2 - Ruimte en wonen",
            "holders_line": "Portefeuillehouders:", "holders_list": ["H. Hanekamp (wonen)", "G. Bruggink (ruimtelijke ordening, mobiliteit)"],
            "holders": ["H. Hanekamp", "G. Bruggink"], "director": None,
            "sections": [
                ("Terugblik", [(P, LOREM["wonen"]), (P, "In 2024 zijn 186 woningen opgeleverd. Dat is minder dan gepland, omdat twee projecten door netcongestie later zijn gestart.")]),
                ("Wat wilden we bereiken en wat hebben we daarvoor gedaan?", [
                    ("pair_table", [
                        ("Er komen woningen bij die passen bij starters en ouderen in alle kernen.",
                         "We hebben het bestemmingsplan voor de Molenbelt vastgesteld en met de corporatie afspraken gemaakt over 60 sociale huurwoningen."),
                        ("Fietsers en voetgangers kunnen veilig naar school en werk.",
                         "We hebben de fietsstraat langs de Berkel aangelegd en drie schoolroutes veiliger gemaakt."),
                    ], ("Wat wilden we bereiken?", "Wat hebben we daarvoor gedaan?")),
                ]),
                ("Wat heeft het gekost?", [
                    ("cost", "Wat heeft het gekost?", "Bedragen x € 1.000", ["Begroting na wijziging 2024", "Realisatie 2024"], [
                        ("Lasten", ["22.940", "21.618"]),
                        ("Baten", ["9.455", "8.907"]),
                        ("Saldo van baten en lasten", ["-13.485", "-12.711"]),
                        ("Onttrekking aan reserves", ["1.200", "950"]),
                    ]),
                ]),
                ("Analyse van de afwijkingen", [
                    ("cost", "Analyse van de afwijkingen", "Bedragen x € 1.000", ["Lasten", "Baten", "Saldo"], [
                        ("Lagere kosten leerlingenvervoer door een nieuwe aanbesteding van de ritten", ["412", "0", "412"]),
                        ("Lagere opbrengst grondverkopen doordat de uitgifte van de Molenbelt later begint", ["0", "-548", "-548"]),
                    ]),
                ]),
            ],
        },
    ],
    "back": [
        ("Paragraaf Grondbeleid", [(P, "De grondexploitaties sluiten samen met een positief resultaat. Voor de Molenbelt is een verliesvoorziening niet nodig.")]),
    ],
}

# ---------------------------------------------------------------------------------------
# 3. HTML: one long page of a begroting website with three programmes (one is programme 0),
#    an overview table of all programmes in the front matter, holders in a <dl>, row headers
#    as <th scope="row">, skip link, cookie banner, accordion buttons, footer.
# ---------------------------------------------------------------------------------------

DEVENTER: Spec = {
    "name": "deventer_begroting_2025",
    "format": "html",
    "municipality": "Deventer",
    "document_type": "begroting",
    "year": 2025,
    "title": "Begroting 2025",
    "site": "deventer",
    "heading_levels": (2, 3),
    "front": [
        ("Begroting in één oogopslag", [
            (P, "De begroting 2025 is sluitend. Hieronder ziet u per programma de lasten en baten voor 2025."),
            ("cost", "Begroting in één oogopslag", "Bedragen x € 1.000", ["Lasten", "Baten", "Saldo"], [
                ("Programma 0 Bestuur en ondersteuning", ["41.280", "178.930", "137.650"]),
                ("Programma 1 Veiligheid", ["9.815", "312", "-9.503"]),
                ("Programma 6 Sociaal domein", ["121.470", "24.660", "-96.810"]),
            ]),
        ]),
    ],
    "programmes": [
        {
            "number": "0", "title": "Bestuur en ondersteuning", "heading": "Programma 0 Bestuur en ondersteuning",
            "holders_line": "Portefeuillehouder: burgemeester R. König", "holders": ["R. König"], "holders_in_dl": True,
            "director": None,
            "sections": [
                ("Inleiding", [(P, LOREM["bestuur"])]),
                ("Wat willen we bereiken?", [("goals", ["Inwoners waarderen de dienstverlening met minstens een 7.",
                                                         "De gemeente is financieel gezond."])]),
                ("Wat gaan we daarvoor doen?", [("actions", ["We beantwoorden negen van de tien vragen bij het eerste contact.",
                                                             "We houden een weerstandsratio van minimaal 1,4 aan."])]),
                ("Wat mag het kosten?", [("cost", "Wat mag het kosten?", "Bedragen x € 1.000",
                                          ["Begroting 2025", "Raming 2026", "Raming 2027", "Raming 2028"], [
                    ("Lasten", ["41.280", "41.905", "42.310", "42.770"]),
                    ("Baten", ["178.930", "180.115", "181.660", "183.020"]),
                    ("Saldo", ["137.650", "138.210", "139.350", "140.250"]),
                ])]),
            ],
        },
        {
            "number": "1", "title": "Veiligheid", "heading": "Programma 1 Veiligheid",
            "holders_line": "Portefeuillehouder: burgemeester R. König", "holders": ["R. König"], "holders_in_dl": True,
            "director": None,
            "sections": [
                ("Inleiding", [(P, LOREM["veilig"])]),
                ("Wat willen we bereiken?", [("goals", ["Minder ondermijnende criminaliteit in bedrijfspanden.",
                                                         "Inwoners voelen zich veilig in het centrum."])]),
                ("Wat gaan we daarvoor doen?", [("actions", ["We controleren samen met politie en belastingdienst veertig bedrijfspanden.",
                                                             "We verbeteren de verlichting op de looproutes van het station naar de binnenstad."])]),
                ("Wat mag het kosten?", [("cost", "Wat mag het kosten?", "Bedragen x € 1.000",
                                          ["Begroting 2025", "Raming 2026", "Raming 2027", "Raming 2028"], [
                    ("Lasten", ["9.815", "9.902", "10.044", "10.120"]),
                    ("Baten", ["312", "312", "318", "318"]),
                    ("Saldo", ["-9.503", "-9.590", "-9.726", "-9.802"]),
                ])]),
            ],
        },
        {
            "number": "6", "title": "Sociaal domein", "heading": "Programma 6 Sociaal domein",
            "holders_line": "Portefeuillehouders: wethouder M. Jansen (jeugd) en wethouder L. Baltus (Wmo)",
            "holders": ["M. Jansen", "L. Baltus"], "holders_in_dl": True, "director": None,
            "sections": [
                ("Inleiding", [(P, LOREM["zorg"])]),
                ("Wat willen we bereiken?", [("goals", ["Kinderen groeien veilig en gezond op.",
                                                         "Inwoners met een beperking wonen zo lang mogelijk thuis.",
                                                         "Meer inwoners met een bijstandsuitkering vinden werk."])]),
                ("Wat gaan we daarvoor doen?", [("actions", ["We zetten jeugdverpleegkundigen in op alle basisscholen.",
                                                             "We passen woningen sneller aan met een vaste aannemer per wijk.",
                                                             "We bieden leerwerkplekken aan bij de gemeente zelf."])]),
                ("Wat mag het kosten?", [("cost", "Wat mag het kosten?", "Bedragen x € 1.000",
                                          ["Begroting 2025", "Raming 2026", "Raming 2027", "Raming 2028"], [
                    ("Lasten", ["121.470", "123.008", "124.915", "126.300"]),
                    ("Baten", ["24.660", "24.660", "24.800", "24.800"]),
                    ("Saldo", ["-96.810", "-98.348", "-100.115", "-101.500"]),
                ])]),
            ],
        },
    ],
    "back": [
        ("Paragraaf Verbonden partijen", [(P, "De gemeente werkt samen in de veiligheidsregio, de GGD en de omgevingsdienst. De bijdragen stijgen in 2025 met gemiddeld vier procent.")]),
    ],
}

# ---------------------------------------------------------------------------------------
# 4-5. HTML: two pages of another begroting website, one programme each, no <main> or
#    <article> (the content is decided by trafilatura), a submenu that lists the other
#    programmes, one chapter heading without the word "Programma".
# ---------------------------------------------------------------------------------------

EDE_SOCIAAL: Spec = {
    "name": "ede_begroting_2025_sociaal_domein",
    "format": "html",
    "municipality": "Ede",
    "document_type": "begroting",
    "year": 2025,
    "title": "Programmabegroting 2025",
    "site": "ede",
    "front": [],
    "programmes": [
        {
            "number": "4", "title": "Sociaal domein", "heading": "4. Sociaal domein",
            "holders_line": "Portefeuillehouders: L. Kamphuis en W. Hoekman", "holders": ["L. Kamphuis", "W. Hoekman"],
            "director": None,
            "sections": [
                ("Waar staan we?", [(P, "Ede groeit en vergrijst. Het beroep op de Wmo en de jeugdhulp neemt toe, terwijl de bijdrage van het Rijk achterblijft bij de stijgende kosten. Dat vraagt om keuzes in wat we zelf doen en wat we aan inwoners en hun netwerk overlaten.")]),
                ("Doelen en activiteiten", [
                    ("pair_table", [
                        ("Inwoners vinden snel de juiste hulp.", "We openen in elke wijk een inloop van het sociaal team."),
                        ("Minder jongeren vallen uit op school.", "We zetten een leerplichtconsulent in op het mbo."),
                    ]),
                ]),
                ("Wat mag het kosten?", [("cost", "Wat mag het kosten?", "Bedragen x € 1.000",
                                          ["Rekening 2023", "Begroting 2024", "Begroting 2025"], [
                    ("Lasten", ["148.220", "155.904", "161.350"]),
                    ("Baten", ["31.470", "30.880", "31.205"]),
                    ("Saldo", ["-116.750", "-125.024", "-130.145"]),
                ])]),
            ],
        },
    ],
    "back": [],
}

EDE_WONEN: Spec = {
    "name": "ede_begroting_2025_wonen",
    "format": "html",
    "municipality": "Ede",
    "document_type": "begroting",
    "year": 2025,
    "title": "Programmabegroting 2025",
    "site": "ede",
    "front": [],
    "programmes": [
        {
            "number": "7", "title": "Wonen en ruimte", "heading": "Programma 7 Wonen en ruimte",
            "holders_line": "Portefeuillehouder: wethouder D. van Dijk", "holders": ["D. van Dijk"],
            "director": None,
            "sections": [
                ("Waar staan we?", [(P, LOREM["wonen"])]),
                ("Wat willen we bereiken?", [("goals", ["Er worden jaarlijks 1.000 woningen gebouwd.",
                                                         "De Edese kernen blijven groen en leefbaar."])]),
                ("Wat gaan we daarvoor doen?", [("actions", ["We starten de bouw in Kernhem-Noord en de Kazerneterreinen.",
                                                             "We leggen bij elk bouwplan vast hoeveel groen er terugkomt."])]),
                ("Wat mag het kosten?", [("cost", "Wat mag het kosten?", "Bedragen x € 1.000",
                                          ["Rekening 2023", "Begroting 2024", "Begroting 2025"], [
                    ("Lasten", ["36.190", "38.455", "37.902"]),
                    ("Baten", ["19.870", "21.340", "20.115"]),
                    ("Saldo", ["-16.320", "-17.115", "-17.787"]),
                ])]),
            ],
        },
    ],
    "back": [],
}

# ---------------------------------------------------------------------------------------
# 6. Word jaarverslag: chapter and section numbers from the numbering of the heading styles
#    (not in the text), unnumbered front and back chapters, goals with their actions as a
#    nested numbered list, a cost table whose unit stands in a first row spanning all
#    columns, an indicator table.
# ---------------------------------------------------------------------------------------

TYNAARLO: Spec = {
    "name": "tynaarlo_jaarverslag_2024",
    "format": "docx",
    "municipality": "Tynaarlo",
    "document_type": "jaarverslag",
    "year": 2024,
    "title": "Jaarverslag 2024",
    "heading_numbering": True,
    "unit_row": True,
    "front": [
        ("Voorwoord", [(P, "Voor u ligt het jaarverslag 2024 van de gemeente Tynaarlo. Het was een jaar waarin we veel hebben bereikt, maar waarin ook de grenzen van wat we als gemeente kunnen zichtbaar werden.")]),
    ],
    "programmes": [
        {
            "number": "1", "title": "Leefomgeving", "heading": "1 Leefomgeving",
            "holders_line": "Portefeuillehouder: wethouder N. Bos", "holders": ["N. Bos"],
            "director": None,
            "sections": [
                ("1.1 Terugblik", [(P, LOREM["milieu"])]),
                ("1.2 Doelen en activiteiten", [
                    ("goal_nested", [
                        ("Het openbaar groen is biodivers en goed onderhouden.",
                         ["We hebben in Vries en Zuidlaren bloemrijke bermen ingezaaid.",
                          "We hebben 240 nieuwe bomen geplant."]),
                        ("Wateroverlast bij hevige regen neemt af.",
                         ["We hebben het riool in de Brink van Eelde vervangen en vergroot."]),
                    ]),
                ]),
                ("1.3 Wat heeft het gekost?", [
                    ("cost", "Wat heeft het gekost?", "Bedragen x € 1.000", ["Begroting primitief", "Begroting na wijziging", "Realisatie"], [
                        ("Lasten", ["18.422", "19.305", "18.990"]),
                        ("Baten", ["7.210", "7.410", "7.655"]),
                        ("Saldo", ["-11.212", "-11.895", "-11.335"]),
                    ]),
                ]),
                ("1.4 Beleidsindicatoren", [
                    ("indicators", [
                        ("Omvang huishoudelijk restafval", "kg per inwoner", "2023", "112", "CBS"),
                        ("Hernieuwbare elektriciteit", "%", "2023", "31,5", "Klimaatmonitor"),
                    ]),
                ]),
            ],
        },
        {
            "number": "2", "title": "Sociaal domein", "heading": "2 Sociaal domein",
            "holders_line": "Portefeuillehouders: wethouder J. Kraaijenbrink en wethouder H. Peters",
            "holders": ["J. Kraaijenbrink", "H. Peters"], "director": None,
            "sections": [
                ("2.1 Terugblik", [(P, LOREM["zorg"])]),
                ("2.2 Doelen en activiteiten", [
                    ("goal_nested", [
                        ("Inwoners doen mee in de samenleving, ook als zij ondersteuning nodig hebben.",
                         ["We hebben de dagbesteding dichter bij huis georganiseerd.",
                          "We hebben vrijwilligersvervoer gestart in de kleine kernen."]),
                        ("Jongeren groeien gezond op.",
                         ["We hebben een jongerenwerker in elk dorp aangesteld.",
                          "We hebben de sportvereniging ondersteund bij het aanbod voor jongeren."]),
                    ]),
                ]),
                ("2.3 Wat heeft het gekost?", [
                    ("cost", "Wat heeft het gekost?", "Bedragen x € 1.000", ["Begroting primitief", "Begroting na wijziging", "Realisatie"], [
                        ("Lasten", ["39.805", "41.228", "42.117"]),
                        ("Baten", ["5.930", "6.415", "6.388"]),
                        ("Saldo", ["-33.875", "-34.813", "-35.729"]),
                    ]),
                ]),
            ],
        },
    ],
    "back": [
        ("Paragraaf Verbonden partijen", [(P, "De gemeente neemt deel in negen verbonden partijen. De bijdrage aan de GGD Drenthe is in 2024 gestegen.")]),
    ],
}

# ---------------------------------------------------------------------------------------
# 7. Text export of a voorjaarsnota in the style of `pdftotext -layout`: columns aligned
#    with spaces, a page header of two parts far apart, centred page numbers, hyphenation.
# ---------------------------------------------------------------------------------------

BODEGRAVEN: Spec = {
    "name": "bodegraven-reeuwijk_voorjaarsnota_2026",
    "format": "txt",
    "layout": "columns",
    "municipality": "Bodegraven-Reeuwijk",
    "document_type": None,
    "year": None,
    "title": "Voorjaarsnota 2026",
    "header": ["Voorjaarsnota 2026", "Gemeente Bodegraven-Reeuwijk"],
    "footer": "{page}",
    "front": [
        ("Samenvatting", [(P, "Deze voorjaarsnota geeft de financiële kaders voor de begroting 2026. Door hogere kosten in het sociaal domein en een lagere uitkering uit het gemeentefonds is er vanaf 2027 een tekort. Het college stelt voor om dat tekort deels op te vangen met een hogere onroerendezaakbelasting.")]),
    ],
    "programmes": [
        {
            "number": "1", "title": "Sociaal domein", "heading": "Programma 1 Sociaal domein",
            "holders_line": "Portefeuillehouder: wethouder A. Goedknegt", "holders": ["A. Goedknegt"],
            "director": None,
            "sections": [
                ("Ontwikkelingen", [(P, LOREM["zorg"]), (P, "Daarnaast stijgen de tarieven van de zorgaanbieders door de cao-afspraken in de zorg. Die stijging wordt niet volledig gecompenseerd door het Rijk.")]),
                ("Financiële afwijkingen", [
                    ("cost", "Financiële afwijkingen", "Bedragen x € 1.000", ["2026", "2027", "2028", "2029"], [
                        ("Hogere kosten jeugdhulp", ["-850", "-900", "-900", "-900"]),
                        ("Indexatie tarieven Wmo", ["-310", "-325", "-340", "-355"]),
                        ("Lagere bijdrage aan de GGD", ["45", "45", "45", "45"]),
                    ]),
                ]),
            ],
        },
        {
            "number": "2", "title": "Fysiek domein", "heading": "Programma 2 Fysiek domein",
            "holders_line": "Portefeuillehouder: wethouder E. Kooyman", "holders": ["E. Kooyman"],
            "director": None,
            "sections": [
                ("Ontwikkelingen", [(P, "De bodemdaling in het veenweidegebied vraagt om extra onderhoud van wegen en riolering. We maken een nieuw beheerplan waarin we de onderhoudsmomenten van wegen, riool en groen op elkaar afstemmen.")]),
                ("Financiële afwijkingen", [
                    ("cost", "Financiële afwijkingen", "Bedragen x € 1.000", ["2026", "2027", "2028", "2029"], [
                        ("Extra onderhoud wegen door bodemdaling", ["-400", "-400", "-250", "-250"]),
                        ("Hogere opbrengst bouwleges", ["120", "120", "120", "120"]),
                    ]),
                ]),
            ],
        },
    ],
    "back": [],
}

# ---------------------------------------------------------------------------------------
# 8. Word bestuursrapportage: goals, actions and statuses in a three-column table,
#    "Programma 1." headings, holders labelled "Wethouder:".
# ---------------------------------------------------------------------------------------

SITTARD: Spec = {
    "name": "sittard-geleen_bestuursrapportage_2025",
    "format": "docx",
    "municipality": "Sittard-Geleen",
    "document_type": "voortgangsrapportage",
    "year": 2025,
    "title": "Tweede bestuursrapportage 2025",
    "front": [
        ("Inleiding", [(P, "In deze tweede bestuursrapportage leest u hoe de uitvoering van de begroting 2025 verloopt. We melden alleen afwijkingen van meer dan 50.000 euro.")]),
    ],
    "programmes": [
        {
            "number": "1", "title": "Sociaal domein", "heading": "Programma 1. Sociaal domein",
            "holders_line": "Wethouder: P. Vrinzen", "holders": ["P. Vrinzen"], "director": None,
            "sections": [
                ("Voortgang", [
                    ("status_table", ("Doel", "Activiteit", "Status"), [
                        ("Inwoners met schulden krijgen sneller hulp.", "We starten een vroegsignaleringsteam met de woningcorporaties.", "Op koers"),
                        ("Minder inwoners zijn eenzaam.", "We openen drie ontmoetingsplekken in de wijken.", "Vertraagd"),
                    ]),
                ]),
                ("Financiële afwijkingen", [
                    ("cost", "Financiële afwijkingen", "Bedragen x € 1.000", ["2025", "2026", "2027", "2028"], [
                        ("Hogere kosten beschermd wonen", ["-620", "-450", "-450", "-450"]),
                        ("Lagere uitgaven bijzondere bijstand", ["180", "0", "0", "0"]),
                    ]),
                ]),
            ],
        },
        {
            "number": "2", "title": "Veilig en leefbaar", "heading": "Programma 2. Veilig en leefbaar",
            "holders_line": "Wethouder: J. Schmeitz", "holders": ["J. Schmeitz"], "director": None,
            "sections": [
                ("Voortgang", [
                    ("status_table", ("Doel", "Activiteit", "Status"), [
                        ("Schone en hele straten.", "We vervangen de straatverlichting door ledverlichting.", "Afgerond"),
                    ]),
                ]),
                ("Financiële afwijkingen", [
                    ("cost", "Financiële afwijkingen", "Bedragen x € 1.000", ["2025", "2026", "2027", "2028"], [
                        ("Lagere energiekosten openbare verlichting", ["95", "140", "140", "140"]),
                    ]),
                ]),
            ],
        },
    ],
    "back": [],
}

# ---------------------------------------------------------------------------------------
# 9-10. Other municipal documents about the budget, not budgets themselves.
# ---------------------------------------------------------------------------------------

HOUTEN_RAADSVOORSTEL: Spec = {
    "name": "houten_raadsvoorstel_begroting_2026",
    "format": "docx",
    "municipality": "Houten",
    "document_type": None,
    "year": None,
    "title": "Raadsvoorstel",
    "other": True,
    "front": [
        ("Raadsvoorstel", [
            ("kv_table", [("Onderwerp", "Vaststelling Programmabegroting 2026"),
                          ("Portefeuillehouder", "wethouder M. Geerts"),
                          ("Datum raadsvergadering", "11 november 2025")]),
        ]),
        ("Beslispunten", [
            ("numbered", ["De programmabegroting 2026 van de gemeente Houten vast te stellen.",
                          "Het voordelige saldo van de begroting toe te voegen aan de algemene reserve."]),
        ]),
        ("Inleiding", [(P, "Elk jaar stelt de raad de begroting voor het komende jaar vast. De begroting 2026 is opgesteld op basis van de kadernota die de raad in juli heeft besproken.")]),
        ("Argumenten", [(P, "De begroting is structureel sluitend. Daarmee voldoet de gemeente Houten aan de eisen van de provincie als toezichthouder."),
                        (P, "Portefeuillehouder: wethouder M. Geerts")]),
    ],
    "programmes": [],
    "back": [],
}

SCHAGEN_NIEUWS: Spec = {
    "name": "schagen_nieuws_begroting",
    "format": "html",
    "site": "schagen",
    "municipality": "Schagen",
    "document_type": None,
    "year": None,
    "title": None,
    "other": True,
    "front": [
        ("Gemeenteraad stelt begroting 2025 vast", [
            (P, "De gemeenteraad van Schagen heeft dinsdagavond de begroting voor 2025 vastgesteld. Daarmee is er geld voor het onderhoud van de dijken langs het Noordhollandsch Kanaal en voor extra handhaving in de zomer."),
            (P, "Wethouder Van der Veek is blij met het besluit. \"We hebben keuzes moeten maken, maar de voorzieningen in de dorpen blijven overeind.\""),
            (P, "De onroerendezaakbelasting stijgt in 2025 met vier procent. Voor een huishouden met een gemiddelde woning is dat ongeveer 16 euro per jaar."),
        ]),
    ],
    "programmes": [],
    "back": [],
}

HELD_OUT_ROUND2 = [HEERENVEEN, LOCHEM, DEVENTER, EDE_SOCIAAL, EDE_WONEN, TYNAARLO, BODEGRAVEN,
                   SITTARD, HOUTEN_RAADSVOORSTEL, SCHAGEN_NIEUWS]  # fmt: skip
