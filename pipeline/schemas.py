"""Declarations of every output table: one place for column names, types, nullability, keys.

The pyarrow schema, the DuckDB DDL and the README's table reference are all derived from
``TABLES``; ``validate`` checks rows against a declaration just before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa


class SchemaError(ValueError):
    """Rows do not match their table declaration."""


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    nullable: bool = True
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    grain: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])

    def to_markdown(self) -> str:
        lines = [
            f"### `{self.name}`",
            f"One row per {self.grain}. Key: `{', '.join(self.key)}`.",
            "",
            "| column | type | nullable | description |",
            "|---|---|---|---|",
        ]
        for c in self.columns:
            nullable = "yes" if c.nullable else "no"
            lines.append(f"| `{c.name}` | {c.type} | {nullable} | {c.doc.replace('|', '/')} |")
        return "\n".join(lines)


S, I64, F64, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
TS = pa.timestamp("us", tz="UTC")
LIST_S = pa.list_(pa.string())


def _c(name: str, type_: pa.DataType, doc: str = "", nullable: bool = True) -> Column:
    return Column(name, type_, nullable, doc)


def _key(name: str, doc: str) -> Column:
    return Column(name, S, False, doc)


# Readability measures shared by every unit of text (see pipeline/readability).
READABILITY_COLUMNS: tuple[Column, ...] = (
    _c("n_words", I64, "words: tokens with a letter or digit"),
    _c("n_sentences", I64, "sentences (from the spaCy parse)"),
    _c("n_syllables", I64, "syllables (Dutch counter, pipeline/readability/syllables.py)"),
    _c("n_characters", I64, "letters and digits in words"),
    _c("n_long_sentences", I64, "sentences longer than readability.long_sentence_words"),
    _c("avg_sentence_length", F64, "words per sentence"),
    _c("long_sentence_share", F64, "share of long sentences, 0-1"),
    _c(
        "over_a2_sentence_share",
        F64,
        "share of sentences longer than readability.a2_sentence_words (A2 guidance), 0-1",
    ),
    _c("avg_word_length", F64, "characters per word"),
    _c("syllables_per_100_words", F64, "syllables per 100 words"),
    _c("flesch_douma", F64, "Flesch-Douma reading ease (Douma 1960)"),
    _c("flesch_douma_band", S, "Dutch band name for flesch_douma"),
    _c("brouwer", F64, "Brouwer leesindex (Brouwer 1963)"),
    _c("brouwer_band", S, "Dutch band name for brouwer"),
    _c("lint_score", F64, "LiNT-II score 0-100 (Pander Maat et al. 2023)"),
    _c("lint_level", I64, "LiNT-II level 1 (easiest) to 4"),
    _c("b1_level", S, "estimated CEFR level: A2, B1, B2 or C1"),
    _c("b1_pass", B, "true when the text meets taalniveau B1"),
    _c("b1_rule", S, "name and version of the rule that gave the verdict"),
    _c("b1_reasons", LIST_S, "Dutch reasons that decided the verdict"),
    _c(
        "b1_difficulty",
        F64,
        "b1_rule.v3 difficulty 0-100, higher = harder; B1 when at most the threshold "
        "(default 50; docs/readability.md); null for v1/v2 and empty text",
    ),
    _c(
        "b1_fix_first",
        LIST_S,
        "b1_rule.v3: Dutch advice, the 1-3 changes that lower the difficulty most (empty when "
        "the text meets B1)",
    ),
    _c("n_flags", I64, "number of writing flags"),
)

DOCUMENTS = Table(
    "documents",
    "input document (budget, report or other text)",
    ("document_id",),
    (
        _key("document_id", "stable id: hash of content"),
        _c("source_path", S, "input path as given", False),
        _c("content_hash", S, "SHA-256 of the input bytes", False),
        _c("family", S, "programme (a budget or report) | text (any other document)", False),
        _c("municipality", S, "official municipality name (pipeline/data/municipalities.csv)"),
        _c(
            "document_type",
            S,
            "begroting | jaarverslag | voortgangsrapportage | bestemmingsplan | besluitenlijst",
        ),
        _c("year", I64, "budget or report year"),
        _c("title", S, "document title line (e.g. 'Programmabegroting 2025')"),
        _c("n_programmes", I64, "programme chapters in the document", False),
        _c("section_headings", LIST_S, "headings in order (document and programmes)"),
        _c("n_boilerplate_lines", I64, "furniture and page boilerplate lines removed"),
        *READABILITY_COLUMNS,
    ),
)

PROGRAMMES = Table(
    "programmes",
    "programme chapter of a budget or report",
    ("programme_id",),
    (
        _key("programme_id", "stable id"),
        _key("document_id", "parent document"),
        _c("order", I64, "position in the document, from 0", False),
        _c("programme_number", S, "programme number as written (e.g. '4')"),
        _c("programme_title", S, "programme title"),
        _c("portfolio_holders", LIST_S, "portfolio holders' names (public office holders)"),
        _c("director", S, "responsible director"),
        _c("section_headings", LIST_S, "headings of the programme in order"),
        *READABILITY_COLUMNS,
    ),
)

SECTIONS = Table(
    "sections",
    "section of a document",
    ("section_id",),
    (
        _key("section_id", "stable id"),
        _key("document_id", "parent document"),
        _c("programme_id", S, "programme the section belongs to; null for the document's own"),
        _c("order", I64, "position in the document, from 0", False),
        _c("heading", S, "heading text; null for text before the first heading"),
        _c(
            "level",
            I64,
            "heading level: 1 programme or title, 2 numbered/fixed heading, 3 title line",
            False,
        ),
        *READABILITY_COLUMNS,
    ),
)

ITEMS = Table(
    "items",
    "goal, action or other list item",
    ("item_id",),
    (
        _key("item_id", "stable id"),
        _key("section_id", "parent section"),
        _key("document_id", "parent document"),
        _c("programme_id", S, "programme; null for the document's own sections"),
        _c("order", I64, "position in the section, from 0", False),
        _c("kind", S, "lettered | bullet | labelled (Doel 1.1) | row (goal/action table)", False),
        _c("letter", S, "item letter or label (A, b, 1.1) for lettered and labelled items"),
        _c("text", S, "item text", False),
        _c("role", S, "goal | action | null"),
        _c(
            "paired_item_id",
            S,
            "an action's goal; a goal's (first) action",
        ),
        _c("status", S, "status as written (gerealiseerd, groen, ...)"),
    ),
)

PARAGRAPHS = Table(
    "paragraphs",
    "paragraph of running text",
    ("paragraph_id",),
    (
        _key("paragraph_id", "stable id"),
        _key("section_id", "parent section"),
        _key("document_id", "parent document"),
        _c("programme_id", S, "programme; null for the document's own sections"),
        _c("order", I64, "position in the section, from 0", False),
        _c("text", S, "paragraph text with boilerplate removed", False),
        _c("has_boilerplate", B, "boilerplate was removed from this paragraph", False),
        _c("boilerplate", LIST_S, "audit: the removed boilerplate lines"),
        *READABILITY_COLUMNS,
    ),
)

AMOUNTS = Table(
    "amounts",
    "cell of a cost table (Wat mag het kosten?, Financiële afwijkingen, ...)",
    ("amount_id",),
    (
        _key("amount_id", "stable id"),
        _key("document_id", "parent document"),
        _c("programme_id", S, "programme; null for the document's own sections"),
        _key("section_id", "section holding the table"),
        _key("table_id", "the table"),
        _c("caption", S, "table caption or section heading"),
        _c("row", I64, "row in the table body, from 0", False),
        _c("column", I64, "column, from 1 (0 holds the row labels)", False),
        _c("row_label", S, "row label as written (Lasten, Baten, Saldo, ...)", False),
        _c("column_label", S, "column label as written (year, Realisatie, Verschil, ...)", False),
        _c("value", S, "the amount as written", False),
        _c("unit", S, "unit as written ('Bedragen x € 1.000', 'in €')"),
        _c("amount_eur", F64, "the amount in euros (value times unit); null when unit unknown"),
    ),
)

INDICATORS = Table(
    "indicators",
    "row of a policy-indicator table (beleidsindicatoren)",
    ("indicator_id",),
    (
        _key("indicator_id", "stable id"),
        _key("document_id", "parent document"),
        _c("programme_id", S, "programme; null for the document's own sections"),
        _key("section_id", "section holding the table"),
        _key("table_id", "the table"),
        _c("name", S, "indicator as written", False),
        _c("unit", S, "unit as written"),
        _c("period", S, "period as written"),
        _c("value", S, "value as written"),
        _c("source", S, "source as written"),
    ),
)

SENTENCES = Table(
    "sentences",
    "sentence of any unit of text",
    ("sentence_id",),
    (
        _key("sentence_id", "stable id"),
        _key("unit_id", "paragraph, item, comment or article id"),
        _c("unit_kind", S, "paragraph | item | comment | article | text", False),
        _c("document_id", S, "document or thread the unit belongs to"),
        _c("order", I64, "position in the unit, from 0", False),
        _c("start", I64, "start character offset in the unit text", False),
        _c("end", I64, "end character offset in the unit text", False),
        _c("text", S, "sentence text", False),
        _c("n_words", I64, "words"),
        _c("n_syllables", I64, "syllables"),
        _c("max_dependency_length", I64, "longest dependency in tokens (LiNT-II)"),
        _c("n_clauses", I64, "finite clauses"),
        _c("n_subclauses", I64, "subordinate clauses"),
        _c(
            "fragment",
            B,
            "a heading-like line (no finite verb, no closing punctuation): read for flags, "
            "not counted in the measures",
        ),
        _c("flag_kinds", LIST_S, "kinds of the flags on this sentence"),
        _c("sentiment", S, "negatief | neutraal | positief (comments only)"),
        _c("sentiment_score", F64, "sentiment score in [-1, 1] (comments only)"),
    ),
)

FLAGS = Table(
    "flags",
    "writing flag on a sentence",
    ("flag_id",),
    (
        _key("flag_id", "stable id"),
        _key("sentence_id", "flagged sentence"),
        _key("unit_id", "unit the sentence belongs to"),
        _c("kind", S, "long_sentence | passive | nominalisation | officialese | ...", False),
        _c("start", I64, "start character offset in the unit text", False),
        _c("end", I64, "end character offset in the unit text", False),
        _c("text", S, "the flagged span", False),
        _c("message", S, "Dutch explanation", False),
        _c("suggestion", S, "Dutch suggestion or plainer alternative"),
        _c(
            "replacement",
            S,
            "text that can replace the span as it stands (inflected to fit; a proposal)",
        ),
    ),
)

THREADS = Table(
    "threads",
    "comment thread (article or participation page)",
    ("thread_id",),
    (
        _key("thread_id", "stable id"),
        _c("source_path", S, "input path", False),
        _c("content_hash", S, "SHA-256 of the input bytes", False),
        _c("layout", S, "detected layout", False),
        _c("article_title", S, "article or page title"),
        _c("article_text", S, "article body (scrubbed)"),
        _c("published", TS, "publication time"),
        _c("n_comments", I64, "comments in the thread", False),
    ),
)

COMMENTS = Table(
    "comments",
    "resident comment",
    ("comment_id",),
    (
        _key("comment_id", "stable id"),
        _key("thread_id", "parent thread"),
        _c("index", I64, "order of appearance, from 1", False),
        _c("parent_id", S, "comment replied to; null for top-level comments"),
        _c("parent_index", I64, "index of the comment replied to"),
        _c("depth", I64, "0 for top-level comments", False),
        _c("author", S, "resident: pseudonym (keyed hash), never the name; organisation: name"),
        _c("author_role", S, "resident | organisation (municipality, project team, editor)"),
        _c("timestamp", TS, "posting time"),
        _c("text", S, "comment text, scrubbed of names, e-mail and phone numbers", False),
        _c("urls", LIST_S, "URLs in the text"),
        _c("emoji", LIST_S, "emoji in the text"),
        _c("contains_email", B, "an e-mail address was scrubbed", False),
        _c("contains_phone", B, "a phone number was scrubbed", False),
        _c("sentiment", S, "negatief | neutraal | positief"),
        _c("sentiment_score", F64, "score in [-1, 1]"),
        _c("sentiment_method", S, "model or lexicon that scored it"),
        _c("sentiment_confidence", F64, "probability of the label given, in [0, 1]"),
        _c("sentiment_p_negatief", F64, "model probability of negatief"),
        _c("sentiment_p_neutraal", F64, "model probability of neutraal"),
        _c("sentiment_p_positief", F64, "model probability of positief"),
        _c("uncivil", B, "contains insults, slurs, threats or dehumanisation"),
        _c("uncivil_terms", LIST_S, "evidence: words or phrases that triggered the flag"),
        _c("uncivil_categories", LIST_S, "insult | slur | threat | disease_curse | dehumanisation"),
        *READABILITY_COLUMNS,
    ),
)

THEMES = Table(
    "themes",
    "unit x theme",
    ("unit_id", "unit_kind", "slug"),
    (
        _key("unit_id", "paragraph, item, section, programme, document, comment or thread id"),
        _c(
            "unit_kind",
            S,
            "document | programme | section | paragraph | item | comment | thread",
            False,
        ),
        _c("slug", S, "theme slug (pipeline/data/taxonomy.csv)", False),
        _c("code", S, "BBV task field code; null for cross-cutting themes"),
        _c("level", S, "1 | 2 | cross", False),
        _c("score", F64, "score in [0, 1]", False),
        _c("evidence", LIST_S, "words that support the theme"),
        _c("method", S, "lexicon | model", False),
    ),
)

ERRORS = Table(
    "errors",
    "failed input",
    ("path", "stage"),
    (
        _key("path", "input path"),
        _key("stage", "stage that failed: read | ingest | nlp | analyse | write"),
        _c("message", S, "one-line message", False),
        _c("run_id", S, "run that recorded it"),
    ),
)

RUNS = Table(
    "runs",
    "run of the pipeline",
    ("run_id",),
    (
        _key("run_id", "stable id of the run"),
        _c("started", TS, "start time", False),
        _c("finished", TS, "end time"),
        _c("config_hash", S, "fingerprint of the analysis settings", False),
        _c("model_name", S, "spaCy pipeline", False),
        _c("model_version", S, "its version", False),
        _c("model_source", S, "installed | download | wheelhouse | alternative | fallback", False),
        _c("package_versions", S, "JSON object of key package versions", False),
        _c("n_inputs", I64, "inputs seen"),
        _c("n_errors", I64, "inputs that failed"),
        _c("n_words", I64, "words analysed"),
    ),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DOCUMENTS, PROGRAMMES, SECTIONS, ITEMS, PARAGRAPHS, AMOUNTS, INDICATORS, SENTENCES, FLAGS,
        THREADS, COMMENTS, THEMES, ERRORS, RUNS,
    )
}  # fmt: skip


def tables_markdown() -> str:
    """Reference documentation of every table (docs/tables.md is generated from this)."""
    intro = (
        "# Output tables\n\nGenerated by `gemeentetaal schema` from `pipeline/schemas.py`; "
        "do not edit by hand. Every table is written to `<out>/<name>.parquet` and into "
        "`<out>/gemeentetaal.duckdb`. Ids are stable hashes of (source content, position).\n"
    )
    return intro + "\n" + "\n\n".join(t.to_markdown() for t in TABLES.values())


def validate(
    table: Table, rows: Sequence[Mapping[str, Any]] | Iterable[Mapping[str, Any]]
) -> pa.Table:
    """Check rows against the declaration and return them as a typed Arrow table.

    Raises:
        SchemaError: unknown or missing columns, wrong types, nulls in non-null columns, or
            duplicate keys.
    """
    rows = list(rows)
    expected = set(table.column_names)
    for i, row in enumerate(rows):
        extra = set(row) - expected
        if extra:
            raise SchemaError(f"{table.name}: row {i} has unknown columns {sorted(extra)}")
    columns: dict[str, list[Any]] = {
        c.name: [row.get(c.name) for row in rows] for c in table.columns
    }
    try:
        arrow = pa.Table.from_pydict(columns, schema=table.arrow_schema())
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        raise SchemaError(f"{table.name}: {exc}") from exc
    for col in table.columns:
        if not col.nullable and arrow.column(col.name).null_count:
            raise SchemaError(f"{table.name}: column {col.name!r} has null values")
    keys = [tuple(row.get(k) for k in table.key) for row in rows]
    if len(set(keys)) != len(keys):
        raise SchemaError(f"{table.name}: duplicate key {table.key}")
    return arrow


def empty(table: Table) -> pa.Table:
    return table.arrow_schema().empty_table()
