# ruff: noqa: E501
"""Content of the project's own whole test documents (fictional, CC0), as plain data.

``scripts/make_test_documents.py`` renders each spec into its layout (PDF, .docx, HTML,
Markdown, text) and writes the expected records next to it. The expected records come from
these specs, never from the parser. Documents in ``HELD_OUT`` are never used while developing
the parser: they are only evaluated (``bench/evaluate/programme_documents.py``).

Block types in a section:
  ("p", text)                              a paragraph
  ("goals", [texts]) / ("actions", [texts]) a lettered list (A., B., ...) of goals or actions
  ("goal_bullets", goal, [actions])         a goal label line with its actions as bullets
  ("pair_table", [(goal, action), ...])     a two-column goal/action table
  ("doel", label, text, [(label, text, status)])  Doel 1.1 / Activiteit 1.1.1 / Status
  ("status_list", [(text, status)])         bullets with a status suffix
  ("bullets", [texts])                      a plain bullet list
  ("cost", caption, unit, columns, rows)    a cost table; rows are (label, [values])
  ("indicators", [(name, unit, period, value, source)])
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]

P = "p"

LOREM = {
    "veilig": "Inwoners voelen zich over het algemeen veilig in hun wijk. Toch zien we meer "
    "overlast van jongeren in de avonduren. Samen met de politie en de jongerenwerkers "
    "houden we de ontwikkelingen nauwlettend in de gaten.",
    "zorg": "Steeds meer inwoners hebben ondersteuning nodig om zelfstandig thuis te kunnen "
    "blijven wonen. De kosten van de Wmo en de jeugdhulp stijgen daardoor al jaren sneller "
    "dan de bijdrage die we van het Rijk ontvangen.",
    "wonen": "De vraag naar betaalbare woningen is groot, vooral bij starters en ouderen. "
    "We bouwen daarom de komende jaren meer sociale huurwoningen en middeldure "
    "koopwoningen, samen met corporaties en ontwikkelaars.",
    "economie": "Het midden- en kleinbedrijf is de motor van onze lokale economie. Ondernemers "
    "vragen om snelle vergunningverlening en een aantrekkelijk centrum met voldoende "
    "parkeerplaatsen en groen.",
    "bestuur": "Goede dienstverlening begint bij bereikbaarheid. Inwoners willen hun zaken "
    "digitaal kunnen regelen, maar ook iemand kunnen spreken aan de balie of de telefoon "
    "wanneer dat nodig is.",
    "onderwijs": "Alle kinderen verdienen een goede start. Schoolgebouwen moeten gezond en "
    "duurzaam zijn, en kinderen met een taalachterstand krijgen extra ondersteuning in de "
    "voorschoolse periode.",
    "milieu": "Het klimaat verandert en dat merken we ook in onze gemeente. Hevige buien zorgen "
    "vaker voor wateroverlast, en in de zomer wordt het in versteende wijken erg warm.",
    "sport": "Sporten en bewegen is goed voor de gezondheid en brengt mensen samen. "
    "Verenigingen hebben het moeilijk door stijgende energiekosten en een tekort aan "
    "vrijwilligers.",
}

YEARS_B = ["Rekening 2023", "Begroting 2024", "Begroting 2025", "Raming 2026", "Raming 2027",
           "Raming 2028"]  # fmt: skip


def cost_rows(base: int, step: int = 137) -> list[tuple[str, list[str]]]:
    """A begroting cost table (Lasten, Baten, Saldo, reserves, Resultaat) for six years."""
    lasten = [base + i * step for i in range(6)]
    baten = [base // 4 + i * 31 for i in range(6)]
    saldo = [b - a for a, b in zip(lasten, baten, strict=True)]
    toe = [120, 0, 250, 0, 0, 75]
    ont = [300, 410, 0, 150, 90, 0]
    res = [s - t + o for s, t, o in zip(saldo, toe, ont, strict=True)]

    def f(v: int) -> str:
        return "0" if v == 0 else f"{v:,}".replace(",", ".")

    return [
        ("Lasten", [f(v) for v in lasten]),
        ("Baten", [f(v) for v in baten]),
        ("Saldo van baten en lasten", [f(v) for v in saldo]),
        ("Toevoeging aan reserves", [f(v) for v in toe]),
        ("Onttrekking aan reserves", [f(v) for v in ont]),
        ("Resultaat", [f(v) for v in res]),
    ]


# ---------------------------------------------------------------------------------------
# Development set
# ---------------------------------------------------------------------------------------

ZUTPHEN: Spec = {
    "name": "zutphen_begroting_2025",
    "format": "pdf",
    "municipality": "Zutphen",
    "document_type": "begroting",
    "year": 2025,
    "title": "Programmabegroting 2025",
    "header": "Programmabegroting 2025 | Gemeente Zutphen",
    "footer": "Pagina {page}",
    "toc": True,
    "break_in_item": "Jongerenwerkers en wijkagenten",
    "front": [
        (
            "Voorwoord",
            [
                (
                    P,
                    "Voor u ligt de programmabegroting 2025 van de gemeente Zutphen. "
                    "In deze begroting laten we zien wat we willen bereiken, wat we "
                    "daarvoor gaan doen en wat dat mag kosten. De financiële "
                    "ruimte is beperkt, en dat vraagt om scherpe keuzes.",
                )
            ],
        ),
    ],
    "programmes": [
        {
            "number": "1",
            "title": "Bestuur en dienstverlening",
            "heading": "Programma 1 Bestuur en dienstverlening",
            "holders_line": "Portefeuillehouder: burgemeester A. Wierenga",
            "holders": ["A. Wierenga"],
            "director": None,
            "sections": [
                (
                    "Inleiding",
                    [
                        (P, LOREM["bestuur"]),
                        (
                            P,
                            "Wij investeren in een moderne gemeentelijke organisatie "
                            "met betrouwbare dienstverlening.",
                        ),
                    ],
                ),
                (
                    "Wat willen we bereiken?",
                    [
                        (
                            "goals",
                            [
                                "Inwoners kunnen hun zaken met de gemeente eenvoudig digitaal regelen.",
                                "Brieven en besluiten van de gemeente zijn in begrijpelijke taal "
                                "geschreven.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat gaan we daarvoor doen?",
                    [
                        (
                            "actions",
                            [
                                "We vernieuwen de website en zorgen dat de twintig meest gevraagde "
                                "producten volledig digitaal aan te vragen zijn, ook met DigiD op de "
                                "telefoon.",
                                "We herschrijven de standaardbrieven en trainen alle medewerkers in "
                                "het schrijven op taalniveau B1.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "Bedragen x € 1.000",
                            YEARS_B,
                            cost_rows(8450),
                        )
                    ],
                ),
            ],
        },
        {
            "number": "2",
            "title": "Veiligheid",
            "heading": "Programma 2 Veiligheid",
            "holders_line": "Portefeuillehouder: burgemeester A. Wierenga",
            "holders": ["A. Wierenga"],
            "director": None,
            "sections": [
                ("Inleiding", [(P, LOREM["veilig"])]),
                (
                    "Wat willen we bereiken?",
                    [
                        (
                            "goals",
                            [
                                "Minder woninginbraken en fietsendiefstallen in de binnenstad.",
                                "Jongeren komen minder vaak in aanraking met politie en justitie.",
                                "Inwoners weten wat ze moeten doen bij een calamiteit.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat gaan we daarvoor doen?",
                    [
                        (
                            "actions",
                            [
                                "We breiden het cameratoezicht bij het station uit en plaatsen "
                                "bewaakte fietsenstallingen op drie plekken in de binnenstad.",
                                "Jongerenwerkers en wijkagenten lopen samen avondrondes in de wijken "
                                "waar de meeste overlast wordt gemeld, en spreken jongeren en hun "
                                "ouders daarop aan. Daarnaast bieden we een preventieprogramma aan op "
                                "alle middelbare scholen, in samenwerking met Bureau Halt en de "
                                "verslavingszorg, zodat jongeren op tijd leren wat de gevolgen van "
                                "hun gedrag kunnen zijn.",
                                "We organiseren elk jaar een risicocommunicatiecampagne samen met de "
                                "veiligheidsregio.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "Bedragen x € 1.000",
                            YEARS_B,
                            cost_rows(5120, 88),
                        )
                    ],
                ),
            ],
        },
        {
            "number": "3",
            "title": "Sociaal domein",
            "heading": "Programma 3 Sociaal domein",
            "holders_line": "Portefeuillehouders: M. de Boer-Kuipers en R. Yilmaz",
            "holders": ["M. de Boer-Kuipers", "R. Yilmaz"],
            "director": None,
            "sections": [
                (
                    "Inleiding",
                    [
                        (P, LOREM["zorg"]),
                        (
                            P,
                            "Daarom zetten we in op preventie en op ondersteuning "
                            "dicht bij huis, in de wijk.",
                        ),
                    ],
                ),
                (
                    "Wat willen we bereiken?",
                    [
                        (
                            "goals",
                            [
                                "Inwoners kunnen langer zelfstandig thuis wonen.",
                                "Minder kinderen hebben specialistische jeugdhulp nodig.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat gaan we daarvoor doen?",
                    [
                        (
                            "actions",
                            [
                                "We versterken de wijkteams met twee praktijkondersteuners en een "
                                "welzijnscoach per wijk.",
                                "We zetten praktijkondersteuners jeugd in bij alle huisartsen.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "Bedragen x € 1.000",
                            YEARS_B,
                            cost_rows(41230, 512),
                        )
                    ],
                ),
            ],
        },
        {
            "number": "4",
            "title": "Wonen en leefomgeving",
            "heading": "Programma 4 Wonen en leefomgeving",
            "holders_line": "Portefeuillehouder: J. van der Veen",
            "holders": ["J. van der Veen"],
            "director": None,
            "sections": [
                ("Inleiding", [(P, LOREM["wonen"]), (P, LOREM["milieu"])]),
                (
                    "Wat willen we bereiken?",
                    [
                        (
                            "goals",
                            [
                                "Er komen tot 2030 duizend woningen bij, waarvan een derde sociale "
                                "huur.",
                                "Wijken zijn beter bestand tegen hitte en hevige regen.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat gaan we daarvoor doen?",
                    [
                        (
                            "actions",
                            [
                                "We maken prestatieafspraken met de woningcorporaties en starten de "
                                "bouw van de wijk Noorderhaven.",
                                "We vervangen bij elke rioolvervanging stenen door groen en leggen "
                                "wadi's aan.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "Bedragen x € 1.000",
                            YEARS_B,
                            cost_rows(23890, 301),
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [
        (
            "Paragraaf Lokale heffingen",
            [
                (
                    P,
                    "In deze paragraaf staan de belastingen en "
                    "heffingen die de gemeente oplegt. De "
                    "onroerendezaakbelasting stijgt in 2025 met de "
                    "inflatie.",
                )
            ],
        ),
        (
            "Paragraaf Weerstandsvermogen en risicobeheersing",
            [
                (
                    P,
                    "Het weerstandsvermogen geeft aan in hoeverre de gemeente financiële "
                    "tegenvallers kan opvangen. De ratio komt uit op 1,4; dat is voldoende.",
                )
            ],
        ),
    ],
}

MEPPEL: Spec = {
    "name": "meppel_jaarstukken_2024",
    "format": "docx",
    "municipality": "Meppel",
    "document_type": "jaarverslag",
    "year": 2024,
    "title": "Jaarstukken 2024",
    "front": [
        (
            "Inleiding",
            [
                (
                    P,
                    "Met deze jaarstukken leggen we verantwoording af over "
                    "2024. We laten zien wat we hebben bereikt en wat het "
                    "heeft gekost.",
                )
            ],
        )
    ],
    "programmes": [
        {
            "number": "1",
            "title": "Veiligheid en bestuur",
            "heading": "Programma 1 Veiligheid en bestuur",
            "holders_line": "Portefeuillehouder: burgemeester R. Koops",
            "holders": ["R. Koops"],
            "director_line": "Verantwoordelijk directeur: H. Smit",
            "director": "H. Smit",
            "sections": [
                ("Terugblik", [(P, LOREM["veilig"])]),
                (
                    "Wat hebben we bereikt?",
                    [
                        (
                            "goals",
                            [
                                "Het aantal woninginbraken daalde met acht procent.",
                                "Meer inwoners doen mee met een buurtpreventieteam.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat hebben we daarvoor gedaan?",
                    [
                        (
                            "actions_sub",
                            [
                                (
                                    "We hebben in twee wijken camera's geplaatst.",
                                    ["Oosterboer: vier camera's", "Haveltermade: twee camera's"],
                                ),
                                ("We hebben drie nieuwe buurtpreventieteams opgericht.", []),
                            ],
                        )
                    ],
                ),
                (
                    "Wat heeft het gekost?",
                    [
                        (
                            "cost",
                            "Wat heeft het gekost?",
                            "Bedragen x € 1.000",
                            [
                                "Begroting 2024 primitief",
                                "Begroting 2024 na wijziging",
                                "Realisatie 2024",
                                "Verschil",
                            ],
                            [
                                ("Lasten", ["6.120", "6.480", "6.302", "178"]),
                                ("Baten", ["-410", "-455", "-498", "43"]),
                                ("Saldo", ["5.710", "6.025", "5.804", "221"]),
                            ],
                        )
                    ],
                ),
                (
                    "Beleidsindicatoren",
                    [
                        (
                            "indicators",
                            [
                                (
                                    "Verwijzingen Halt",
                                    "per 10.000 jongeren",
                                    "2023",
                                    "98",
                                    "Bureau Halt",
                                ),
                                ("Winkeldiefstallen", "per 1.000 inwoners", "2023", "2,1", "CBS"),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "2",
            "title": "Sociaal domein",
            "heading": "Programma 2 Sociaal domein",
            "holders_line": "Portefeuillehouders: T. Hoekstra-Dijkstra (Wmo, jeugd), "
            "L. Bakker (werk en inkomen)",
            "holders": ["T. Hoekstra-Dijkstra", "L. Bakker"],
            "director": None,
            "sections": [
                ("Terugblik", [(P, LOREM["zorg"])]),
                (
                    "Wat wilden we bereiken en wat hebben we gedaan?",
                    [
                        (
                            "pair_table",
                            [
                                (
                                    "Inwoners met een uitkering vinden sneller werk.",
                                    "We hebben 140 inwoners begeleid naar betaald werk.",
                                ),
                                (
                                    "Jongeren krijgen sneller passende hulp.",
                                    "We hebben de wachtlijst van het jeugdteam gehalveerd.",
                                ),
                                (
                                    "Mantelzorgers worden ontlast.",
                                    "We hebben het aantal plekken voor respijtzorg verdubbeld.",
                                ),
                            ],
                        )
                    ],
                ),
                (
                    "Wat heeft het gekost?",
                    [
                        (
                            "cost",
                            "Wat heeft het gekost?",
                            "Bedragen x € 1.000",
                            [
                                "Begroting 2024 primitief",
                                "Begroting 2024 na wijziging",
                                "Realisatie 2024",
                                "Verschil",
                            ],
                            [
                                ("Lasten", ["38.400", "39.950", "40.612", "-662"]),
                                ("Baten", ["-6.100", "-6.300", "-6.515", "215"]),
                                ("Saldo", ["32.300", "33.650", "34.097", "-447"]),
                            ],
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [
        (
            "Paragraaf Bedrijfsvoering",
            [
                (
                    P,
                    "In 2024 is het ziekteverzuim gedaald naar "
                    "5,2 procent. We hebben veertien nieuwe "
                    "collega's verwelkomd.",
                )
            ],
        )
    ],
}

HOORN: Spec = {
    "name": "hoorn_begroting_2025",
    "format": "html",
    "municipality": "Hoorn",
    "document_type": "begroting",
    "year": 2025,
    "title": "Begroting 2025",
    "site": "hoorn",
    "front": [],
    "programmes": [
        {
            "number": "3",
            "title": "Economie en werk",
            "heading": "Programma 3: Economie en werk",
            "holders_line": "Portefeuillehouder: S. Visser",
            "holders": ["S. Visser"],
            "director": None,
            "holders_in_aside": True,
            "sections": [
                ("Inleiding", [(P, LOREM["economie"])]),
                (
                    "Wat willen we bereiken?",
                    [
                        (
                            "goals",
                            [
                                "Ondernemers zijn tevreden over de gemeentelijke dienstverlening.",
                                "Het centrum van Hoorn is levendig en de leegstand daalt.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat gaan we daarvoor doen?",
                    [
                        (
                            "actions",
                            [
                                "We stellen een accountmanager voor ondernemers aan.",
                                "We geven een subsidie voor het opknappen van winkelpanden.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "Bedragen x € 1.000",
                            [
                                "Begroting 2025",
                                "Begroting 2026",
                                "Begroting 2027",
                                "Begroting 2028",
                            ],
                            [
                                ("Lasten", ["3.410", "3.455", "3.502", "3.560"]),
                                ("Baten", ["1.020", "1.020", "1.035", "1.050"]),
                                ("Saldo", ["-2.390", "-2.435", "-2.467", "-2.510"]),
                            ],
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [],
}

VEENDAM: Spec = {
    "name": "veendam_bestuursrapportage_2025",
    "format": "docx",
    "municipality": "Veendam",
    "document_type": "voortgangsrapportage",
    "year": 2025,
    "title": "Eerste bestuursrapportage 2025",
    "front": [
        (
            "Leeswijzer",
            [
                (
                    P,
                    "In deze bestuursrapportage geven we per programma de "
                    "stand van zaken van de doelen en activiteiten. Groen "
                    "betekent op koers, oranje betekent vertraging en rood "
                    "betekent dat het doel niet wordt gehaald.",
                )
            ],
        )
    ],
    "programmes": [
        {
            "number": "1",
            "title": "Bestuur",
            "heading": "Programma 1 Bestuur",
            "holders_line": "Portefeuillehouder: burgemeester J. Kuiper",
            "holders": ["J. Kuiper"],
            "director": None,
            "sections": [
                (
                    "Voortgang",
                    [
                        (
                            "doel",
                            "Doel 1.1",
                            "Inwoners zijn tevreden over de dienstverlening.",
                            [
                                (
                                    "Activiteit 1.1.1",
                                    "We openen een tweede servicepunt in Wildervank.",
                                    "Groen",
                                ),
                                (
                                    "Activiteit 1.1.2",
                                    "We verkorten de wachttijd aan de telefoon.",
                                    "Oranje",
                                ),
                            ],
                        )
                    ],
                ),
                (
                    "Financiële afwijkingen",
                    [
                        (
                            "cost",
                            "Financiële afwijkingen",
                            "Bedragen x € 1.000",
                            ["2025", "2026", "2027", "2028"],
                            [
                                ("Hogere kosten verkiezingen", ["-45", "0", "0", "-50"]),
                                ("Lagere opbrengst leges", ["-30", "-30", "-30", "-30"]),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "2",
            "title": "Sociaal domein",
            "heading": "Programma 2 Sociaal domein",
            "holders_line": "Portefeuillehouder: E. Mulder",
            "holders": ["E. Mulder"],
            "director": None,
            "sections": [
                (
                    "Voortgang",
                    [
                        (
                            "doel",
                            "Doel 2.1",
                            "Meer inwoners hebben betaald werk.",
                            [
                                (
                                    "Activiteit 2.1.1",
                                    "We starten een leerwerkbedrijf samen met ondernemers.",
                                    "Groen",
                                )
                            ],
                        ),
                        (
                            "doel",
                            "Doel 2.2",
                            "Kinderen groeien gezond op.",
                            [
                                (
                                    "Activiteit 2.2.1",
                                    "We bieden gratis zwemles aan "
                                    "kinderen uit gezinnen met een laag inkomen.",
                                    "Rood",
                                ),
                                (
                                    "Activiteit 2.2.2",
                                    "We zetten een jeugdconsulent in op elke basisschool.",
                                    "Groen",
                                ),
                            ],
                        ),
                    ],
                ),
                (
                    "Financiële afwijkingen",
                    [
                        (
                            "cost",
                            "Financiële afwijkingen",
                            "Bedragen x € 1.000",
                            ["2025", "2026", "2027", "2028"],
                            [
                                ("Hogere kosten jeugdhulp", ["-850", "-600", "-600", "-600"]),
                                ("Hogere bijdrage Rijk", ["420", "420", "0", "0"]),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "3",
            "title": "Ruimte",
            "heading": "Programma 3 Ruimte",
            "holders_line": "Portefeuillehouder: H. Bos",
            "holders": ["H. Bos"],
            "director": None,
            "sections": [
                (
                    "Voortgang",
                    [
                        (
                            "doel",
                            "Doel 3.1",
                            "Er komen 150 woningen bij.",
                            [
                                (
                                    "Activiteit 3.1.1",
                                    "We stellen het bestemmingsplan voor De Dilgt vast.",
                                    "Oranje",
                                )
                            ],
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [],
}

GOES: Spec = {
    "name": "goes_jaarverslag_2024",
    "format": "md",
    "municipality": "Goes",
    "document_type": "jaarverslag",
    "year": 2024,
    "title": "Jaarverslag 2024",
    "front": [],
    "programmes": [
        {
            "number": "1",
            "title": "Onderwijs",
            "heading": "Programma 1 Onderwijs",
            "holders_line": "Portefeuillehouders:",
            "holders_list": ["P. de Jonge", "F. Ouali"],
            "holders": ["P. de Jonge", "F. Ouali"],
            "director": None,
            "sections": [
                ("Terugblik", [(P, LOREM["onderwijs"])]),
                (
                    "Wat wilden we bereiken en wat hebben we gedaan?",
                    [
                        (
                            "goal_bullets",
                            "Doel 1: Gezonde en duurzame schoolgebouwen",
                            [
                                ("We hebben de Westhove-school verduurzaamd.", "gerealiseerd"),
                                (
                                    "We hebben een integraal huisvestingsplan opgesteld.",
                                    "gerealiseerd",
                                ),
                            ],
                        ),
                        (
                            "goal_bullets",
                            "Doel 2: Minder taalachterstand bij peuters",
                            [
                                (
                                    "We hebben voorschoolse educatie uitgebreid naar zestien uur per "
                                    "week.",
                                    "gedeeltelijk gerealiseerd",
                                ),
                            ],
                        ),
                    ],
                ),
                (
                    "Wat heeft het gekost?",
                    [
                        (
                            "cost",
                            "Wat heeft het gekost?",
                            "Bedragen in €",
                            ["Begroting 2024", "Realisatie 2024", "Verschil"],
                            [
                                ("Lasten", ["4.512.000", "4.498.250", "13.750"]),
                                ("Baten", ["890.000", "905.400", "15.400"]),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "2",
            "title": "Sport en cultuur",
            "heading": "Programma 2 Sport en cultuur",
            "holders_line": "Portefeuillehouder: W. Lambrecht",
            "holders": ["W. Lambrecht"],
            "director": None,
            "sections": [
                ("Terugblik", [(P, LOREM["sport"])]),
                (
                    "Wat wilden we bereiken en wat hebben we gedaan?",
                    [
                        (
                            "goal_bullets",
                            "Doel 1: Meer inwoners sporten wekelijks",
                            [
                                (
                                    "We hebben een buurtsportcoach in elke wijk aangesteld.",
                                    "gerealiseerd",
                                ),
                                (
                                    "We hebben de sporthal De Pelgrim gerenoveerd.",
                                    "niet gerealiseerd",
                                ),
                            ],
                        ),
                    ],
                ),
                (
                    "Wat heeft het gekost?",
                    [
                        (
                            "cost",
                            "Wat heeft het gekost?",
                            "Bedragen in €",
                            ["Begroting 2024", "Realisatie 2024", "Verschil"],
                            [
                                ("Lasten", ["2.130.000", "2.201.900", "-71.900"]),
                                ("Baten", ["310.000", "298.700", "-11.300"]),
                            ],
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [],
}

WEERT: Spec = {
    "name": "weert_begroting_2026",
    "format": "txt",
    "municipality": "Weert",
    "document_type": "begroting",
    "year": 2026,
    "title": "Begroting 2026",
    "footer": "Begroting 2026 gemeente Weert - {page}",
    "toc": True,
    "front": [],
    "programmes": [
        {
            "number": "1",
            "title": "Bestuur en participatie",
            "heading": "Programma 1 Bestuur en participatie",
            "holders_line": "Portefeuillehouder: burgemeester M. Heijmans",
            "holders": ["M. Heijmans"],
            "director": None,
            "sections": [
                (
                    "Inleiding",
                    [
                        (
                            P,
                            LOREM["bestuur"] + " Daarnaast willen we dat inwoners "
                            "meer invloed krijgen op besluiten over hun eigen "
                            "leefomgeving en wijkgerichte initiatieven.",
                        )
                    ],
                ),
                (
                    "Wat willen we bereiken en wat gaan we daarvoor doen?",
                    [
                        (
                            "pair_table",
                            [
                                (
                                    "Inwoners praten mee over hun wijk.",
                                    "We richten in elke wijk een wijkraad op.",
                                ),
                                (
                                    "De gemeente is goed bereikbaar.",
                                    "We beantwoorden telefoon en e-mail binnen twee werkdagen.",
                                ),
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "x € 1.000",
                            ["2026", "2027", "2028", "2029"],
                            [
                                ("Lasten", ["7.210", "7.304", "7.388", "7.412"]),
                                ("Baten", ["-1.120", "-1.120", "-1.150", "-1.150"]),
                                ("Saldo", ["6.090", "6.184", "6.238", "6.262"]),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "2",
            "title": "Zorg en welzijn",
            "heading": "Programma 2 Zorg en welzijn",
            "holders_line": "Portefeuillehouders: G. Coenen, N. Hendrikx",
            "holders": ["G. Coenen", "N. Hendrikx"],
            "director": None,
            "sections": [
                (
                    "Inleiding",
                    [
                        (
                            P,
                            LOREM["zorg"] + " We kiezen voor een sociaal-economische "
                            "aanpak waarin werk, inkomen en gezondheid samen "
                            "worden bekeken.",
                        )
                    ],
                ),
                (
                    "Wat willen we bereiken en wat gaan we daarvoor doen?",
                    [
                        (
                            "pair_table",
                            [
                                (
                                    "Minder inwoners leven in armoede.",
                                    "We verhogen de inkomensgrens van het minimabeleid naar 130 procent.",
                                ),
                                (
                                    "Ouderen wonen langer thuis.",
                                    "We passen woningen aan en breiden de dagbesteding uit.",
                                ),
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "x € 1.000",
                            ["2026", "2027", "2028", "2029"],
                            [
                                ("Lasten", ["52.880", "53.410", "54.002", "54.560"]),
                                ("Baten", ["-9.870", "-9.870", "-9.900", "-9.900"]),
                                ("Saldo", ["43.010", "43.540", "44.102", "44.660"]),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "3",
            "title": "Ruimte en mobiliteit",
            "heading": "Programma 3 Ruimte en mobiliteit",
            "holders_line": "Portefeuillehouder: K. Smeets",
            "holders": ["K. Smeets"],
            "director": None,
            "sections": [
                (
                    "Inleiding",
                    [
                        (
                            P,
                            LOREM["milieu"] + " Verder werken we aan veilige "
                            "fietsroutes tussen de kerkdorpen en het centrum.",
                        )
                    ],
                ),
                (
                    "Wat willen we bereiken en wat gaan we daarvoor doen?",
                    [
                        (
                            "pair_table",
                            [
                                (
                                    "Meer mensen fietsen naar school en werk.",
                                    "We leggen een snelfietspad aan naar Nederweert.",
                                ),
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "x € 1.000",
                            ["2026", "2027", "2028", "2029"],
                            [
                                ("Lasten", ["18.300", "18.950", "19.120", "19.200"]),
                                ("Baten", ["-4.400", "-4.420", "-4.450", "-4.480"]),
                                ("Saldo", ["13.900", "14.530", "14.670", "14.720"]),
                            ],
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [
        (
            "Paragraaf Financiering",
            [
                (
                    P,
                    "De rente op nieuwe leningen is gestegen. We "
                    "lenen in 2026 naar verwachting 12 miljoen "
                    "euro bij.",
                )
            ],
        )
    ],
}

ROERMOND_PLAN: Spec = {
    "name": "roermond_bestemmingsplan_toelichting",
    "format": "txt",
    "municipality": "Roermond",
    "document_type": "bestemmingsplan",
    "year": None,
    "title": "Bestemmingsplan Maasboulevard, toelichting",
    "other": True,
    "front": [
        ("Bestemmingsplan Maasboulevard", []),
        (
            "1 Inleiding",
            [
                (
                    P,
                    "Dit bestemmingsplan maakt de bouw van 120 woningen aan de "
                    "Maasboulevard in Roermond mogelijk. Het plan vervangt het "
                    "bestemmingsplan Binnenstad uit 2012.",
                ),
                (
                    P,
                    "De gemeente Roermond heeft het plan opgesteld samen met de "
                    "ontwikkelaar en omwonenden.",
                ),
            ],
        ),
        (
            "2 Planbeschrijving",
            [
                (
                    P,
                    "Het plangebied ligt tussen de Maas en de binnenstad. "
                    "De nieuwe woningen krijgen maximaal vijf bouwlagen.",
                ),
                ("bullets", ["Wonen - 1", "Groen", "Verkeer - Verblijfsgebied"]),
            ],
        ),
        (
            "3 Financiële uitvoerbaarheid",
            [
                (
                    P,
                    "De kosten van het plan komen voor rekening "
                    "van de ontwikkelaar. Dit is vastgelegd in "
                    "een anterieure overeenkomst. De begroting "
                    "van de gemeente wordt niet belast.",
                )
            ],
        ),
    ],
    "programmes": [],
    "back": [],
}

DEVELOPMENT = [ZUTPHEN, MEPPEL, HOORN, VEENDAM, GOES, WEERT, ROERMOND_PLAN]


# ---------------------------------------------------------------------------------------
# Held-out set: never used while developing the parser; only evaluated.
# ---------------------------------------------------------------------------------------

HARDERWIJK: Spec = {
    "name": "harderwijk_jaarstukken_2024",
    "format": "pdf",
    "municipality": "Harderwijk",
    "document_type": "jaarverslag",
    "year": 2024,
    "title": "Jaarstukken 2024",
    "header": "Jaarstukken 2024 - gemeente Harderwijk",
    "footer": "- {page} -",
    "toc": True,
    "break_in_item": "We hebben een centrale voordeur",
    "front": [
        (
            "Inleiding",
            [
                (
                    P,
                    "In de jaarstukken 2024 leggen we verantwoording af over de "
                    "uitvoering van de begroting. Het jaar sluit met een positief "
                    "resultaat van 2,3 miljoen euro, vooral door incidentele "
                    "meevallers in het sociaal domein en bij de grondexploitaties.",
                )
            ],
        ),
    ],
    "programmes": [
        {
            "number": "1",
            "title": "Samenleving",
            "heading": "Programma 1: Samenleving",
            "holders_line": "Wethouders: D. Groeneveld, S. el Amrani",
            "holders": ["D. Groeneveld", "S. el Amrani"],
            "director_line": "Ambtelijk opdrachtgever: K. van Dijk",
            "director": "K. van Dijk",
            "sections": [
                (
                    "Terugblik",
                    [
                        (
                            P,
                            LOREM["zorg"] + " In 2024 hebben we daarom de toegang "
                            "tot ondersteuning opnieuw ingericht, met een centrale "
                            "voordeur voor alle hulpvragen.",
                        ),
                        (
                            P,
                            "Bij de toegang hebben we ook de samenwerking met de huisartsen, het onderwijs en de wijkverpleging versterkt. Inwoners hoeven hun verhaal daardoor minder vaak te herhalen. De doorlooptijd van aanvragen voor huishoudelijke ondersteuning is verkort, en het aantal bezwaarschriften is gedaald. Tegelijkertijd blijven de uitgaven aan maatwerkvoorzieningen stijgen, vooral door de vergrijzing en de toegenomen complexiteit van hulpvragen.",
                        ),
                    ],
                ),
                (
                    "Wat hebben we bereikt?",
                    [
                        (
                            "goals",
                            [
                                "De wachttijd voor een Wmo-voorziening is teruggebracht tot zes weken.",
                                "Het aantal jongeren met jeugdhulp is gestabiliseerd.",
                                "Meer statushouders volgen een inburgeringstraject met werk.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat hebben we ervoor gedaan?",
                    [
                        (
                            "actions",
                            [
                                "We hebben een centrale voordeur ingericht waar inwoners met alle "
                                "hulpvragen terechtkunnen, zowel telefonisch als aan de balie van het "
                                "stadhuis.",
                                "We hebben praktijkondersteuners jeugd aangesteld bij negen "
                                "huisartsenpraktijken en de samenwerking met het onderwijs versterkt.",
                                "We hebben met twaalf werkgevers afspraken gemaakt over leerwerkplekken "
                                "voor statushouders.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat heeft het gekost?",
                    [
                        (
                            "cost",
                            "Wat heeft het gekost?",
                            "Bedragen x € 1.000",
                            [
                                "Primaire begroting",
                                "Begroting na wijziging",
                                "Rekening 2024",
                                "Verschil",
                            ],
                            [
                                ("Lasten", ["61.250", "63.118", "62.004", "1.114"]),
                                ("Baten", ["9.870", "10.312", "10.998", "686"]),
                                (
                                    "Saldo van baten en lasten",
                                    ["-51.380", "-52.806", "-51.006", "1.800"],
                                ),
                                ("Mutaties reserves", ["850", "1.250", "1.250", "0"]),
                                ("Resultaat", ["-50.530", "-51.556", "-49.756", "1.800"]),
                            ],
                        )
                    ],
                ),
                (
                    "Beleidsindicatoren",
                    [
                        (
                            "indicators",
                            [
                                (
                                    "Jongeren met jeugdhulp",
                                    "% van alle jongeren tot 18 jaar",
                                    "2023",
                                    "11,8",
                                    "CBS",
                                ),
                                (
                                    "Cliënten met een maatwerkarrangement Wmo",
                                    "per 10.000 inwoners",
                                    "2023",
                                    "640",
                                    "CBS",
                                ),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "2",
            "title": "Ruimte en economie",
            "heading": "Programma 2: Ruimte en economie",
            "holders_line": "Wethouder: B. Schouten",
            "holders": ["B. Schouten"],
            "director": None,
            "sections": [
                ("Terugblik", [(P, LOREM["wonen"]), (P, LOREM["economie"])]),
                (
                    "Wat hebben we bereikt?",
                    [
                        (
                            "goals",
                            [
                                "Er zijn 412 nieuwe woningen opgeleverd.",
                                "De boulevard is heringericht en autoluw gemaakt.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat hebben we ervoor gedaan?",
                    [
                        (
                            "actions",
                            [
                                "We hebben de vergunningen voor Drielanden-West versneld afgegeven.",
                                "We hebben de herinrichting van de boulevard samen met ondernemers "
                                "uitgevoerd en afgerond voor het zomerseizoen.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat heeft het gekost?",
                    [
                        (
                            "cost",
                            "Wat heeft het gekost?",
                            "Bedragen x € 1.000",
                            [
                                "Primaire begroting",
                                "Begroting na wijziging",
                                "Rekening 2024",
                                "Verschil",
                            ],
                            [
                                ("Lasten", ["28.440", "31.020", "30.115", "905"]),
                                ("Baten", ["14.200", "16.880", "17.402", "522"]),
                                (
                                    "Saldo van baten en lasten",
                                    ["-14.240", "-14.140", "-12.713", "1.427"],
                                ),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "3",
            "title": "Bestuur en bedrijfsvoering",
            "heading": "Programma 3: Bestuur en bedrijfsvoering",
            "holders_line": "Portefeuillehouder: burgemeester H. Nijhof",
            "holders": ["H. Nijhof"],
            "director": None,
            "sections": [
                ("Terugblik", [(P, LOREM["bestuur"])]),
                (
                    "Wat hebben we bereikt?",
                    [
                        (
                            "goals",
                            [
                                "Negen van de tien inwoners zijn tevreden over de dienstverlening.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat hebben we ervoor gedaan?",
                    [
                        (
                            "actions",
                            [
                                "We hebben de openingstijden van de publieksbalie verruimd met twee "
                                "avonden per week.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat heeft het gekost?",
                    [
                        (
                            "cost",
                            "Wat heeft het gekost?",
                            "Bedragen x € 1.000",
                            [
                                "Primaire begroting",
                                "Begroting na wijziging",
                                "Rekening 2024",
                                "Verschil",
                            ],
                            [
                                ("Lasten", ["12.310", "12.655", "12.871", "-216"]),
                                ("Baten", ["1.450", "1.450", "1.502", "52"]),
                            ],
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [
        (
            "Paragraaf Verbonden partijen",
            [
                (
                    P,
                    "De gemeente neemt deel in elf verbonden "
                    "partijen. De bijdrage aan de "
                    "veiligheidsregio steeg met vier procent.",
                )
            ],
        ),
    ],
}

KAMPEN: Spec = {
    "name": "kampen_begroting_2025",
    "format": "docx",
    "letters": "lower_paren",
    "municipality": "Kampen",
    "document_type": "begroting",
    "year": 2025,
    "title": "Programmabegroting 2025",
    "front": [
        (
            "Leeswijzer",
            [
                (
                    P,
                    "Elk programma begint met de doelen. Daarna leest u wat "
                    "we gaan doen en wat dat kost.",
                )
            ],
        )
    ],
    "programmes": [
        {
            "number": "1",
            "title": "Wonen en werken",
            "heading": "Programma 1 Wonen en werken",
            "holders_line": "Portefeuillehouders:",
            "holders_list": ["T. Hoekstra-Dijkstra (wonen, ruimte)", "A. Schipper (economie)"],
            "holders": ["T. Hoekstra-Dijkstra", "A. Schipper"],
            "director": None,
            "sections": [
                ("Ontwikkelingen", [(P, LOREM["wonen"])]),
                (
                    "Wat willen we bereiken?",
                    [
                        (
                            "goals",
                            [
                                "Voldoende betaalbare woningen voor jongeren en ouderen.",
                                "Een sterke binnenstad met weinig leegstand.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat gaan we ervoor doen?",
                    [
                        (
                            "actions_sub",
                            [
                                (
                                    "We bouwen 300 woningen in de wijk Reeve.",
                                    ["waarvan 100 sociale huur", "waarvan 80 middenhuur"],
                                ),
                                ("We starten een winkelstraatmanager in de binnenstad.", []),
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "Bedragen x € 1.000",
                            ["Rekening 2023", "Begroting 2024", "Begroting 2025", "Raming 2026"],
                            [
                                ("Lasten", ["15.220", "16.004", "17.150", "16.800"]),
                                ("Baten", ["6.100", "6.350", "6.900", "6.900"]),
                                ("Saldo", ["-9.120", "-9.654", "-10.250", "-9.900"]),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "2",
            "title": "Zorg en onderwijs",
            "heading": "Programma 2 Zorg en onderwijs",
            "holders_line": "Portefeuillehouder: R. van der Wal",
            "holders": ["R. van der Wal"],
            "director": None,
            "sections": [
                ("Ontwikkelingen", [(P, LOREM["onderwijs"])]),
                (
                    "Wat willen we bereiken?",
                    [
                        (
                            "goals",
                            [
                                "Elk kind gaat naar een gezond schoolgebouw.",
                                "Inwoners met een beperking doen mee in de samenleving.",
                            ],
                        )
                    ],
                ),
                (
                    "Wat gaan we ervoor doen?",
                    [
                        (
                            "actions_sub",
                            [
                                ("We vernieuwen twee basisscholen in IJsselmuiden.", []),
                                (
                                    "We maken alle gemeentelijke gebouwen toegankelijk.",
                                    ["eerst het stadhuis", "daarna de bibliotheken"],
                                ),
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "Bedragen x € 1.000",
                            ["Rekening 2023", "Begroting 2024", "Begroting 2025", "Raming 2026"],
                            [
                                ("Lasten", ["44.030", "45.870", "47.200", "47.650"]),
                                ("Baten", ["8.800", "8.950", "9.100", "9.100"]),
                            ],
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [
        (
            "Paragraaf Onderhoud kapitaalgoederen",
            [
                (
                    P,
                    "Wegen, riolering, groen en "
                    "gebouwen onderhouden we op "
                    "niveau sober en doelmatig.",
                )
            ],
        )
    ],
}

OISTERWIJK: Spec = {
    "name": "oisterwijk_begroting_2025_programma_2",
    "format": "html",
    "municipality": "Oisterwijk",
    "document_type": "begroting",
    "year": 2025,
    "title": "Begroting 2025",
    "site": "oisterwijk",
    "front": [],
    "programmes": [
        {
            "number": "2",
            "title": "Leefbaarheid en duurzaamheid",
            "heading": "Programma 2 Leefbaarheid en duurzaamheid",
            "holders_line": "Portefeuillehouders: C. Verhoeven (duurzaamheid), I. Brouwers (groen)",
            "holders": ["C. Verhoeven", "I. Brouwers"],
            "director": None,
            "holders_in_aside": True,
            "sections": [
                ("Wat speelt er?", [(P, LOREM["milieu"])]),
                (
                    "Doelen en activiteiten",
                    [
                        (
                            "pair_table",
                            [
                                (
                                    "Minder CO2-uitstoot door woningen.",
                                    "We geven een duurzaamheidslening aan woningeigenaren.",
                                ),
                                (
                                    "Meer groen in de kernen.",
                                    "We planten 500 bomen in Moergestel en Heukelom.",
                                ),
                            ],
                        )
                    ],
                ),
                (
                    "Wat mag het kosten?",
                    [
                        (
                            "cost",
                            "Wat mag het kosten?",
                            "Bedragen in €",
                            ["2025", "2026", "2027"],
                            [
                                ("Lasten", ["9.812.400", "9.905.100", "10.020.000"]),
                                ("Baten", ["3.150.000", "3.150.000", "3.200.000"]),
                            ],
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [],
}

DRONTEN: Spec = {
    "name": "dronten_bestuursrapportage_2025",
    "format": "pdf",
    "municipality": "Dronten",
    "document_type": "voortgangsrapportage",
    "year": 2025,
    "title": "Bestuursrapportage 2025",
    "header": "Bestuursrapportage 2025",
    "footer": "Gemeente Dronten | {page}",
    "toc": False,
    "front": [],
    "programmes": [
        {
            "number": "1",
            "title": "Wonen en leefomgeving",
            "heading": "Programma 1 Wonen en leefomgeving",
            "holders_line": "Portefeuillehouder: A. Boersma",
            "holders": ["A. Boersma"],
            "director": None,
            "sections": [
                (
                    "Stand van zaken",
                    [
                        (
                            "doel",
                            "Doel 1.1",
                            "Er komen 250 woningen per jaar bij.",
                            [
                                (
                                    "Activiteit 1.1.1",
                                    "We geven de kavels in Dronten Oost uit.",
                                    "Groen",
                                ),
                                (
                                    "Activiteit 1.1.2",
                                    "We passen het omgevingsplan aan voor flexwoningen.",
                                    "Oranje",
                                ),
                            ],
                        ),
                        (
                            "doel",
                            "Doel 1.2",
                            "Het openbaar groen is goed onderhouden.",
                            [("Activiteit 1.2.1", "We maaien ecologisch in alle bermen.", "Groen")],
                        ),
                    ],
                ),
                (
                    "Toelichting",
                    [
                        (
                            P,
                            "De woningbouw loopt grotendeels volgens planning. Door de stikstofproblematiek en de netcongestie op het elektriciteitsnet kunnen sommige projecten vertraging oplopen. We overleggen daarover met de provincie, de netbeheerder en de ontwikkelaars, zodat de gevolgen voor woningzoekenden beperkt blijven. De uitgifte van bedrijfskavels verloopt voorspoedig.",
                        )
                    ],
                ),
                (
                    "Financiële afwijkingen",
                    [
                        (
                            "cost",
                            "Financiële afwijkingen",
                            "Bedragen x € 1.000",
                            ["2025", "2026", "2027", "2028"],
                            [
                                ("Hogere kosten gladheidsbestrijding", ["-120", "0", "0", "0"]),
                                ("Hogere opbrengst bouwleges", ["310", "150", "150", "150"]),
                            ],
                        )
                    ],
                ),
            ],
        },
        {
            "number": "2",
            "title": "Participatie en zorg",
            "heading": "Programma 2 Participatie en zorg",
            "holders_line": "Portefeuillehouder: J. Wigboldus",
            "holders": ["J. Wigboldus"],
            "director": None,
            "sections": [
                (
                    "Stand van zaken",
                    [
                        (
                            "doel",
                            "Doel 2.1",
                            "Inwoners vinden snel passende ondersteuning.",
                            [
                                (
                                    "Activiteit 2.1.1",
                                    "We openen een wijkpunt in Swifterbant.",
                                    "Rood",
                                )
                            ],
                        )
                    ],
                ),
                (
                    "Toelichting",
                    [
                        (
                            P,
                            "Het wijkpunt in Swifterbant opent later dan gepland, omdat de verbouwing van het gebouw vertraging heeft opgelopen. Inwoners kunnen tot die tijd terecht bij het gemeentehuis en bij de bibliotheek. De kosten van het Wmo-vervoer stijgen doordat meer inwoners er gebruik van maken en de vervoerders hogere tarieven rekenen.",
                        )
                    ],
                ),
                (
                    "Financiële afwijkingen",
                    [
                        (
                            "cost",
                            "Financiële afwijkingen",
                            "Bedragen x € 1.000",
                            ["2025", "2026", "2027", "2028"],
                            [("Hogere kosten Wmo-vervoer", ["-240", "-240", "-240", "-240"])],
                        )
                    ],
                ),
            ],
        },
    ],
    "back": [],
}

NIJKERK_LETTER: Spec = {
    "name": "nijkerk_brief_werkzaamheden",
    "format": "txt",
    "municipality": "Nijkerk",
    "document_type": None,
    "year": None,
    "title": None,
    "other": True,
    "front": [
        (
            None,
            [
                (P, "Beste bewoner,"),
                (
                    P,
                    "Vanaf maandag 3 maart vervangt de gemeente Nijkerk de riolering in uw "
                    "straat. De werkzaamheden duren ongeveer zes weken. U kunt uw huis "
                    "altijd bereiken, maar parkeren in de straat is niet mogelijk.",
                ),
                (
                    P,
                    "Heeft u vragen? Bel dan met het projectteam. De kosten zijn opgenomen "
                    "in de begroting van de gemeente Nijkerk.",
                ),
                (P, "Met vriendelijke groet,"),
                (P, "Het college van burgemeester en wethouders van Nijkerk"),
            ],
        ),
    ],
    "programmes": [],
    "back": [],
}

BARNEVELD_BESLUITEN: Spec = {
    "name": "barneveld_besluitenlijst_raad",
    "format": "docx",
    "municipality": "Barneveld",
    "document_type": "besluitenlijst",
    "year": None,
    "title": "Besluitenlijst van de raadsvergadering van 12 november",
    "other": True,
    "front": [
        ("Besluitenlijst van de raadsvergadering van 12 november", []),
        (
            "1. Opening en vaststelling agenda",
            [
                (
                    P,
                    "De voorzitter opent de vergadering om "
                    "19.30 uur. De agenda wordt ongewijzigd "
                    "vastgesteld.",
                )
            ],
        ),
        (
            "2. Programmabegroting 2025",
            [
                (
                    P,
                    "De raad stelt de programmabegroting 2025 "
                    "vast met 21 stemmen voor en 6 tegen. Het "
                    "amendement over de sporthal wordt aangenomen.",
                ),
                (P, "Portefeuillehouder: wethouder F. van Ee"),
            ],
        ),
        ("3. Sluiting", [(P, "De voorzitter sluit de vergadering om 22.45 uur.")]),
    ],
    "programmes": [],
    "back": [],
}

HELD_OUT = [HARDERWIJK, KAMPEN, OISTERWIJK, DRONTEN, NIJKERK_LETTER, BARNEVELD_BESLUITEN]
