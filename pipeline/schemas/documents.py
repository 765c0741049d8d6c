"""Declarations of the tables of documents: documents, programmes, sections, items,
paragraphs, amounts and indicators, and the readability columns every unit of text carries."""

from __future__ import annotations

from pipeline.schemas.columns import (
    DOCUMENT_TYPES,
    F64,
    I64,
    LIST_S,
    RUN_ID,
    B,
    S,
    _bands,
    _c,
    _count,
    _key,
    _share,
)  # fmt: skip
from pipeline.schemas.model import Column, Table

# Readability measures shared by every unit of text (see pipeline/readability).
READABILITY_COLUMNS: tuple[Column, ...] = (
    _count("n_words", "words: tokens with a letter or digit"),
    _count("n_sentences", "sentences (from the spaCy parse)"),
    _count("n_syllables", "syllables (Dutch counter, pipeline/readability/syllables.py)"),
    _count("n_characters", "letters and digits in words"),
    _count("n_long_sentences", "sentences longer than readability.long_sentence_words"),
    _c("avg_sentence_length", F64, "words per sentence", minimum=0),
    _share("long_sentence_share", "share of long sentences, 0-1"),
    _share(
        "over_a2_sentence_share",
        "share of sentences longer than readability.a2_sentence_words (A2 guidance), 0-1",
    ),
    _c("avg_word_length", F64, "characters per word", minimum=0),
    _c("syllables_per_100_words", F64, "syllables per 100 words", minimum=0),
    _c("flesch_douma", F64, "Flesch-Douma reading ease (Douma 1960)"),
    _c(
        "flesch_douma_band",
        S,
        "Dutch band name for flesch_douma",
        values=_bands("FLESCH_DOUMA_BANDS"),
    ),
    _c("brouwer", F64, "Brouwer leesindex (Brouwer 1963)"),
    _c("brouwer_band", S, "Dutch band name for brouwer", values=_bands("BROUWER_BANDS")),
    _c("lint_score", F64, "LiNT-II score 0-100 (Pander Maat et al. 2023)", minimum=0, maximum=100),
    _c("lint_level", I64, "LiNT-II level 1 (easiest) to 4", minimum=1, maximum=4),
    _c("b1_level", S, "estimated CEFR level", values=("A2", "B1", "B2", "C1")),
    _c("b1_pass", B, "true when the text meets taalniveau B1"),
    _c("b1_rule", S, "name and version of the rule that gave the verdict"),
    _c("b1_reasons", LIST_S, "Dutch reasons that decided the verdict"),
    _c(
        "b1_difficulty",
        F64,
        "b1_rule.v3 difficulty 0-100, higher = harder; B1 when at most the threshold "
        "(default 50; docs/readability.md); null for v1/v2 and empty text",
        minimum=0,
        maximum=100,
    ),
    _c(
        "b1_fix_first",
        LIST_S,
        "b1_rule.v3: Dutch advice, the 1-3 changes that lower the difficulty most (empty when "
        "the text meets B1)",
    ),
    _count("n_flags", "number of writing flags"),
)

DOCUMENTS = Table(
    "documents",
    "input document (budget, report or other text)",
    ("document_id",),
    (
        _key("document_id", "stable id: hash of content"),
        _c("source_path", S, "input path as given", False),
        _c("content_hash", S, "SHA-256 of the input bytes", False),
        _c(
            "family",
            S,
            "programme: a budget or report; text: any other document",
            False,
            values=("programme", "text"),
        ),
        _c("municipality", S, "official municipality name (pipeline/data/municipalities.csv)"),
        _c("document_type", S, "kind of document", values=DOCUMENT_TYPES),
        _c("year", I64, "budget or report year", minimum=1800, maximum=2200),
        _c("title", S, "document title line (e.g. 'Programmabegroting 2025')"),
        _count("n_programmes", "programme chapters in the document", False),
        _c("section_headings", LIST_S, "headings in order (document and programmes)"),
        _count("n_boilerplate_lines", "furniture and page boilerplate lines removed"),
        *READABILITY_COLUMNS,
        RUN_ID,
    ),
)

PROGRAMMES = Table(
    "programmes",
    "programme chapter of a budget or report",
    ("programme_id",),
    (
        _key("programme_id", "stable id"),
        _key("document_id", "parent document", "documents.document_id"),
        _count("position", "position in the document, from 0", False),
        _c("programme_number", S, "programme number as written (e.g. '4')"),
        _c("programme_title", S, "programme title"),
        _c("portfolio_holders", LIST_S, "portfolio holders' names (public office holders)"),
        _c("director", S, "responsible director"),
        _c("section_headings", LIST_S, "headings of the programme in order"),
        *READABILITY_COLUMNS,
        RUN_ID,
    ),
)

SECTIONS = Table(
    "sections",
    "section of a document",
    ("section_id",),
    (
        _key("section_id", "stable id"),
        _key("document_id", "parent document", "documents.document_id"),
        _c(
            "programme_id",
            S,
            "programme the section belongs to; null for the document's own",
            references="programmes.programme_id",
        ),
        _count("position", "position in the document, from 0", False),
        _c("heading", S, "heading text; null for text before the first heading"),
        _c(
            "level",
            I64,
            "heading level: 0 text before the first heading, 1 programme or title, "
            "2 numbered/fixed heading, 3 title line",
            False,
            minimum=0,
            maximum=3,
        ),
        *READABILITY_COLUMNS,
        RUN_ID,
    ),
)

_PROGRAMME_OF_SECTION = _c(
    "programme_id", S, "programme; null for the document's own sections",
    references="programmes.programme_id",
)  # fmt: skip

ITEMS = Table(
    "items",
    "goal, action or other list item",
    ("item_id",),
    (
        _key("item_id", "stable id"),
        _key("section_id", "parent section", "sections.section_id"),
        _key("document_id", "parent document", "documents.document_id"),
        _PROGRAMME_OF_SECTION,
        _count("position", "position in the section, from 0", False),
        _c(
            "kind",
            S,
            "lettered, bullet, labelled (Doel 1.1) or row (goal/action table)",
            False,
            values=("lettered", "bullet", "labelled", "row"),
        ),
        _c("letter", S, "item letter or label (A, b, 1.1) for lettered and labelled items"),
        _c("text", S, "item text", False),
        _c("role", S, "goal, action or null", values=("goal", "action")),
        _c(
            "paired_item_id",
            S,
            "an action's goal; a goal's (first) action",
            references="items.item_id",
        ),
        _c("status", S, "status as written (gerealiseerd, groen, ...)"),
        RUN_ID,
    ),
)

PARAGRAPHS = Table(
    "paragraphs",
    "paragraph of running text",
    ("paragraph_id",),
    (
        _key("paragraph_id", "stable id"),
        _key("section_id", "parent section", "sections.section_id"),
        _key("document_id", "parent document", "documents.document_id"),
        _PROGRAMME_OF_SECTION,
        _count("position", "position in the section, from 0", False),
        _c("text", S, "paragraph text with boilerplate removed", False),
        _c("has_boilerplate", B, "boilerplate was removed from this paragraph", False),
        _c("boilerplate", LIST_S, "audit: the removed boilerplate lines"),
        *READABILITY_COLUMNS,
        RUN_ID,
    ),
)

AMOUNTS = Table(
    "amounts",
    "cell of a cost table (Wat mag het kosten?, Financiële afwijkingen, ...)",
    ("amount_id",),
    (
        _key("amount_id", "stable id"),
        _key("document_id", "parent document", "documents.document_id"),
        _PROGRAMME_OF_SECTION,
        _key("section_id", "section holding the table", "sections.section_id"),
        _key("table_id", "the table"),
        _c("caption", S, "table caption or section heading"),
        _count("table_row", "row in the table body, from 0", False),
        _count("table_column", "column, from 1 (0 holds the row labels)", False),
        _c("row_label", S, "row label as written (Lasten, Baten, Saldo, ...)", False),
        _c("column_label", S, "column label as written (year, Realisatie, Verschil, ...)", False),
        _c("value", S, "the amount as written", False),
        _c("unit", S, "unit as written ('Bedragen x € 1.000', 'in €')"),
        _c("amount_eur", F64, "the amount in euros (value times unit); null when unit unknown"),
        RUN_ID,
    ),
)

INDICATORS = Table(
    "indicators",
    "row of a policy-indicator table (beleidsindicatoren)",
    ("indicator_id",),
    (
        _key("indicator_id", "stable id"),
        _key("document_id", "parent document", "documents.document_id"),
        _PROGRAMME_OF_SECTION,
        _key("section_id", "section holding the table", "sections.section_id"),
        _key("table_id", "the table"),
        _c("name", S, "indicator as written", False),
        _c("unit", S, "unit as written"),
        _c("period", S, "period as written"),
        _c("value", S, "value as written"),
        _c("source", S, "source as written"),
        RUN_ID,
    ),
)
