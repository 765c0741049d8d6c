"""Declarations of every output table: one place for column names, types, nullability, keys,
allowed values, ranges, ordered pairs and references between tables.

The pyarrow schema, the DuckDB DDL (with ``NOT NULL``, ``CHECK``, ``PRIMARY KEY`` and
``FOREIGN KEY`` constraints), the analyst views and docs/tables.md are all derived from
``TABLES`` and ``VIEWS``; ``validate`` checks rows against a declaration just before anything is
written, and ``check_references`` checks that every reference between the tables of one output
resolves. Every error names the table and the column.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc


class SchemaError(ValueError):
    """Rows do not match their table declaration."""


Values = tuple[str, ...] | Callable[[], Collection[str]]


@dataclass(frozen=True)
class Column:
    """A declared column.

    Attributes:
        values: the allowed values (for a list column: of each element), or a function giving
            them (for values declared elsewhere, such as the flag registry).
        minimum, maximum: the allowed range of a number (inclusive).
        references: ``"table.column"`` this column's non-null values must occur in.
    """

    name: str
    type: pa.DataType
    nullable: bool = True
    doc: str = ""
    values: Values | None = None
    minimum: float | None = None
    maximum: float | None = None
    references: str | None = None

    def allowed(self) -> tuple[str, ...] | None:
        """The allowed values, resolved."""
        if self.values is None:
            return None
        return tuple(self.values() if callable(self.values) else self.values)

    def describe(self) -> str:
        """The documentation with the declared constraints, for docs/tables.md."""
        parts = [self.doc.replace("|", "/")]
        values = self.allowed()
        if values is not None:
            parts.append("one of: " + ", ".join(f"`{v}`" for v in values))
        if self.minimum is not None or self.maximum is not None:
            low = "" if self.minimum is None else _num(self.minimum)
            high = "" if self.maximum is None else _num(self.maximum)
            parts.append(f"range [{low}, {high}]" if high else f"at least {low}")
        if self.references:
            parts.append(f"references `{self.references}`")
        return "; ".join(p for p in parts if p)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Table:
    """A declared table: its grain, key, columns and ordered column pairs (``ordered``: each
    ``(low, high)`` must satisfy low <= high where both are set)."""

    name: str
    grain: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    ordered: tuple[tuple[str, str], ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])

    def references(self) -> list[tuple[str, str, str]]:
        """(column, referenced table, referenced column) of every declared reference."""
        out = []
        for c in self.columns:
            if c.references:
                table, column = c.references.split(".")
                out.append((c.name, table, column))
        return out

    def to_markdown(self) -> str:
        lines = [
            f"### `{self.name}`",
            f"One row per {self.grain}. Key: `{', '.join(self.key)}`.",
        ]
        if self.ordered:
            pairs = ", ".join(f"`{a}` <= `{b}`" for a, b in self.ordered)
            lines.append(f"Checked: {pairs}.")
        lines += [
            "",
            "| column | type | nullable | description |",
            "|---|---|---|---|",
        ]
        for c in self.columns:
            nullable = "yes" if c.nullable else "no"
            lines.append(f"| `{c.name}` | {c.type} | {nullable} | {c.describe()} |")
        return "\n".join(lines)


S, I64, F64, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
TS = pa.timestamp("us", tz="UTC")
LIST_S = pa.list_(pa.string())


def _c(
    name: str,
    type_: pa.DataType,
    doc: str = "",
    nullable: bool = True,
    *,
    values: Values | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    references: str | None = None,
) -> Column:
    return Column(name, type_, nullable, doc, values, minimum, maximum, references)


def _key(name: str, doc: str, references: str | None = None) -> Column:
    return Column(name, S, False, doc, references=references)


def _count(name: str, doc: str, nullable: bool = True) -> Column:
    return Column(name, I64, nullable, doc, minimum=0)


def _share(name: str, doc: str) -> Column:
    return Column(name, F64, True, doc, minimum=0, maximum=1)


@cache
def _flag_kinds() -> tuple[str, ...]:
    from pipeline.readability.flags import FLAG_KINDS

    return FLAG_KINDS


def _bands(which: str) -> Callable[[], tuple[str, ...]]:
    def values() -> tuple[str, ...]:
        from pipeline.readability import formulas

        bands = getattr(formulas, which)
        return tuple(name for _, name in bands)

    return values


RUN_ID = _c("run_id", S, "run that wrote this table", references="runs.run_id")
SENTIMENTS = ("negatief", "neutraal", "positief")
TEXT_UNIT_KINDS = ("paragraph", "item", "article", "comment")
UNIT_KINDS = ("document", "programme", "section", *TEXT_UNIT_KINDS[:2], "thread",
              *TEXT_UNIT_KINDS[2:])  # fmt: skip
DOCUMENT_TYPES = (
    "begroting", "jaarverslag", "voortgangsrapportage", "bestemmingsplan", "besluitenlijst",
)  # fmt: skip

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

UNITS = Table(
    "units",
    "unit any other table's unit_id points at: every document, programme, section, "
    "paragraph and item, and every thread, its article and its comments",
    ("unit_id",),
    (
        _key("unit_id", "the id in its own table (document_id, paragraph_id, comment_id, ...)"),
        _c("unit_kind", S, "which table holds the unit", False, values=UNIT_KINDS),
        _c(
            "document_id",
            S,
            "document the unit is in (a document: itself); null for threads",
            references="documents.document_id",
        ),
        _c(
            "thread_id",
            S,
            "thread the unit is in (a thread: itself); null for documents",
            references="threads.thread_id",
        ),
        _c(
            "programme_id",
            S,
            "programme, where the unit is in one",
            references="programmes.programme_id",
        ),
        _c("section_id", S, "section of a paragraph or item", references="sections.section_id"),
        _count("position", "reading order within the document or thread, from 0", False),
        RUN_ID,
    ),
)

SENTENCES = Table(
    "sentences",
    "sentence of a paragraph, item, article or comment",
    ("sentence_id",),
    (
        _key("sentence_id", "stable id"),
        _key("unit_id", "the paragraph, item, article or comment", "units.unit_id"),
        _c("unit_kind", S, "kind of the unit", False, values=TEXT_UNIT_KINDS),
        _c(
            "document_id",
            S,
            "document the sentence is in; null for threads",
            references="documents.document_id",
        ),
        _c(
            "thread_id",
            S,
            "thread the sentence is in; null for documents",
            references="threads.thread_id",
        ),
        _count("position", "position in the unit, from 0", False),
        _count("start_char", "start character offset in the unit text", False),
        _count("end_char", "end character offset in the unit text", False),
        _c("text", S, "sentence text", False),
        _count("n_words", "words"),
        _count("n_syllables", "syllables"),
        _count("max_dependency_length", "longest dependency in tokens (LiNT-II)"),
        _count("n_clauses", "finite clauses"),
        _count("n_subclauses", "subordinate clauses"),
        _c(
            "fragment",
            B,
            "a heading-like line (no finite verb, no closing punctuation): read for flags, "
            "not counted in the measures",
        ),
        _c("flag_kinds", LIST_S, "kinds of the flags on this sentence", values=_flag_kinds),
        _c("sentiment", S, "sentiment (comments only)", values=SENTIMENTS),
        _c(
            "sentiment_score",
            F64,
            "sentiment score (comments only)",
            minimum=-1,
            maximum=1,
        ),
        RUN_ID,
    ),
    ordered=(("start_char", "end_char"),),
)

FLAGS = Table(
    "flags",
    "writing flag on a sentence",
    ("flag_id",),
    (
        _key("flag_id", "stable id"),
        _key("sentence_id", "flagged sentence", "sentences.sentence_id"),
        _key("unit_id", "unit the sentence belongs to", "units.unit_id"),
        _c("kind", S, "kind of advice (pipeline/readability/flags)", False, values=_flag_kinds),
        _count("start_char", "start character offset in the unit text", False),
        _count("end_char", "end character offset in the unit text", False),
        _c("text", S, "the flagged span", False),
        _c("message", S, "Dutch explanation", False),
        _c("suggestion", S, "Dutch suggestion or plainer alternative"),
        _c(
            "replacement",
            S,
            "text that can replace the span as it stands (inflected to fit; a proposal)",
        ),
        RUN_ID,
    ),
    ordered=(("start_char", "end_char"),),
)

THREADS = Table(
    "threads",
    "comment thread (article or participation page)",
    ("thread_id",),
    (
        _key("thread_id", "stable id"),
        _c("source_path", S, "input path", False),
        _c("content_hash", S, "SHA-256 of the input bytes", False),
        _c(
            "layout",
            S,
            "detected layout",
            False,
            values=("numbered", "schreef_op", "reactie_van", "csv", "json", "jsonl"),
        ),
        _c(
            "municipality",
            S,
            "official municipality name the article is about, when it "
            "names one (pipeline/data/municipalities.csv)",
        ),
        _c("project", S, "project or subject, from the export's subject column where it has one"),
        _c("article_title", S, "article or page title"),
        _c("article_text", S, "article body (scrubbed)"),
        _c("published", TS, "publication time"),
        _count("n_comments", "comments in the thread", False),
        RUN_ID,
    ),
)

COMMENTS = Table(
    "comments",
    "resident comment",
    ("comment_id",),
    (
        _key("comment_id", "stable id"),
        _key("thread_id", "parent thread", "threads.thread_id"),
        _c("comment_number", I64, "order of appearance, from 1", False, minimum=1),
        _c(
            "parent_id",
            S,
            "comment replied to; null for top-level comments",
            references="comments.comment_id",
        ),
        _c("parent_number", I64, "comment_number of the comment replied to", minimum=1),
        _count("depth", "0 for top-level comments", False),
        _c("author", S, "resident: pseudonym (keyed hash), never the name; organisation: name"),
        _c(
            "author_role",
            S,
            "resident, or organisation (municipality, project team, editor)",
            values=("resident", "organisation"),
        ),
        _c("timestamp", TS, "posting time"),
        _c("text", S, "comment text, scrubbed of names, e-mail and phone numbers", False),
        _c("urls", LIST_S, "URLs in the text"),
        _c("emoji", LIST_S, "emoji in the text"),
        _c("contains_email", B, "an e-mail address was scrubbed", False),
        _c("contains_phone", B, "a phone number was scrubbed", False),
        _c("sentiment", S, "sentiment of the comment", values=SENTIMENTS),
        _c("sentiment_score", F64, "score in [-1, 1]", minimum=-1, maximum=1),
        _c("sentiment_method", S, "model or lexicon that scored it"),
        _c(
            "sentiment_confidence",
            F64,
            "probability of the label given",
            minimum=0,
            maximum=1,
        ),
        _share("sentiment_p_negatief", "model probability of negatief"),
        _share("sentiment_p_neutraal", "model probability of neutraal"),
        _share("sentiment_p_positief", "model probability of positief"),
        _c("uncivil", B, "contains insults, slurs, threats or dehumanisation"),
        _c("uncivil_terms", LIST_S, "evidence: words or phrases that triggered the flag"),
        _c(
            "uncivil_categories",
            LIST_S,
            "categories of the evidence",
            values=("insult", "slur", "threat", "disease_curse", "dehumanisation"),
        ),
        *READABILITY_COLUMNS,
        RUN_ID,
    ),
)

THEME_NAMES = Table(
    "theme_names",
    "theme of the taxonomy (pipeline/data/taxonomy.csv)",
    ("slug",),
    (
        _key("slug", "theme slug"),
        _c("code", S, "BBV task field code; null for cross-cutting themes"),
        _c(
            "level",
            S,
            "1 (task field), 2 (sub-field) or cross (cross-cutting)",
            False,
            values=("1", "2", "cross"),
        ),
        _c("name", S, "Dutch name of the theme", False),
        _c("parent_slug", S, "the level-1 theme of a level-2 theme", references="theme_names.slug"),
        RUN_ID,
    ),
)

THEMES = Table(
    "themes",
    "unit x theme",
    ("unit_id", "unit_kind", "slug"),
    (
        _key("unit_id", "the unit (see units)", "units.unit_id"),
        _c("unit_kind", S, "kind of the unit", False, values=UNIT_KINDS),
        _c("slug", S, "theme slug", False, references="theme_names.slug"),
        _c("code", S, "BBV task field code; null for cross-cutting themes"),
        _c("level", S, "1, 2 or cross", False, values=("1", "2", "cross")),
        _c("name", S, "Dutch name of the theme (full, from the taxonomy)"),
        _c("score", F64, "score in [0, 1]", False, minimum=0, maximum=1),
        _c("evidence", LIST_S, "content words that support the theme"),
        _c("method", S, "lexicon or model", False, values=("lexicon", "model")),
        RUN_ID,
    ),
)

ERRORS = Table(
    "errors",
    "failed input",
    ("path", "stage"),
    (
        _key("path", "input path"),
        _c(
            "stage",
            S,
            "stage that failed",
            False,
            values=("read", "ingest", "nlp", "analyse", "write"),
        ),
        _c("message", S, "one-line message", False),
        RUN_ID,
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
        _c(
            "model_source",
            S,
            "where the pipeline came from",
            False,
            values=("installed", "download", "wheelhouse", "alternative", "fallback"),
        ),
        _c("package_versions", S, "JSON object of key package versions", False),
        _count("n_inputs", "inputs seen"),
        _count("n_errors", "inputs that failed"),
        _count("n_words", "words analysed"),
    ),
    ordered=(("started", "finished"),),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DOCUMENTS, PROGRAMMES, SECTIONS, ITEMS, PARAGRAPHS, AMOUNTS, INDICATORS, UNITS,
        SENTENCES, FLAGS, THREADS, COMMENTS, THEME_NAMES, THEMES, ERRORS, RUNS,
    )
}  # fmt: skip


@dataclass(frozen=True)
class View:
    """A DuckDB view over the tables, for a join analysts make often."""

    name: str
    doc: str
    sql: str


VIEWS: tuple[View, ...] = (
    View(
        "own_text_flags",
        "every flag on the municipality's own text (paragraphs and items), with its sentence "
        "and its document (municipality, type, year)",
        """
        SELECT f.flag_id, f.kind, f.text AS flag_text, f.start_char, f.end_char, f.message,
               f.suggestion, f.replacement,
               s.sentence_id, s.text AS sentence, s.unit_id, s.unit_kind, s.n_words,
               u.section_id, u.programme_id,
               d.document_id, d.municipality, d.document_type, d.year, d.title, d.source_path
        FROM flags f
        JOIN sentences s USING (sentence_id)
        JOIN units u ON u.unit_id = s.unit_id
        JOIN documents d ON d.document_id = s.document_id
        WHERE s.unit_kind IN ('paragraph', 'item')
        """,
    ),
    View(
        "comments_with_thread",
        "every comment with its thread (municipality, project, title, publication time)",
        """
        SELECT c.*, t.municipality, t.project, t.article_title, t.published, t.layout,
               t.source_path
        FROM comments c
        JOIN threads t USING (thread_id)
        """,
    ),
    View(
        "themes_named",
        "every theme of every unit with the theme's name and parent, and the document or "
        "thread the unit belongs to",
        """
        SELECT th.unit_id, th.unit_kind, th.slug, n.name, n.code, n.level, n.parent_slug,
               th.score, th.evidence, th.method, u.document_id, u.thread_id
        FROM themes th
        JOIN theme_names n USING (slug)
        JOIN units u ON u.unit_id = th.unit_id
        """,
    ),
)


def tables_markdown() -> str:
    """Reference documentation of every table and view (docs/tables.md is generated from this)."""
    intro = (
        "# Output tables\n\nGenerated by `gemeentetaal schema` from `pipeline/schemas.py`; "
        "do not edit by hand. Every table is written to `<out>/<name>.parquet` and into "
        "`<out>/gemeentetaal.duckdb`. Ids are stable hashes of (source content, position). "
        "Allowed values, ranges, ordered pairs, unique keys and references are checked "
        "before anything is written; allowed values, ranges and ordered pairs are also "
        "constraints of the DuckDB tables (`NOT NULL`, `CHECK`), and with "
        "`[run] duckdb_keys = true` keys and references are `PRIMARY KEY` and `FOREIGN KEY` "
        "constraints too (each adds an index as large as its column, so they are off by "
        "default).\n"
    )
    views = ["## Views\n\nJoins analysts make often, as views in the DuckDB file."]
    for view in VIEWS:
        sql = "\n".join(
            line[8:] if line.startswith(" " * 8) else line
            for line in view.sql.strip("\n").splitlines()
        )
        views.append(
            f"### `{view.name}`\n{view.doc[0].upper()}{view.doc[1:]}.\n\n```sql\n"
            f"{sql.rstrip()}\n```"
        )
    tables = "\n\n".join(t.to_markdown() for t in TABLES.values())
    return intro + "\n## Tables\n\n" + tables + "\n\n" + "\n\n".join(views)


def _where(table: Table, column: str, index: int) -> str:
    return f"{table.name}.{column} (row {index})"


def validate(
    table: Table, rows: Sequence[Mapping[str, Any]] | Iterable[Mapping[str, Any]]
) -> pa.Table:
    """Check rows against the declaration and return them as a typed Arrow table.

    Raises:
        SchemaError: unknown or missing columns, wrong types, nulls in non-null columns,
            values outside the allowed set or range, a pair out of order, or duplicate keys;
            the message names the table and the column.
    """
    rows = list(rows)
    expected = set(table.column_names)
    for i, row in enumerate(rows):
        extra = set(row) - expected
        if extra:
            raise SchemaError(f"{table.name}: row {i} has unknown columns {sorted(extra)}")
        missing = [c.name for c in table.columns if c.name not in row and c.name != "run_id"]
        if missing and any(not table.column(m).nullable for m in missing):
            raise SchemaError(f"{table.name}: row {i} misses columns {missing}")
    columns: dict[str, list[Any]] = {
        c.name: [row.get(c.name) for row in rows] for c in table.columns
    }
    try:
        arrow = pa.Table.from_pydict(columns, schema=table.arrow_schema())
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        raise SchemaError(f"{table.name}: {exc}") from exc
    return check_table(table, arrow)


def check_table(table: Table, arrow: pa.Table) -> pa.Table:
    """Check a typed Arrow table against the declaration (columns, nulls, allowed values,
    ranges, ordered pairs, unique key) and return it cast to the declared schema.

    Raises:
        SchemaError: the first problem, naming the table and the column.
    """
    missing = [n for n in table.column_names if n not in arrow.column_names]
    if missing:
        raise SchemaError(f"{table.name}: missing columns {missing}")
    extra = [n for n in arrow.column_names if n not in table.column_names]
    if extra:
        raise SchemaError(f"{table.name}: unknown columns {extra}")
    try:
        arrow = arrow.select(table.column_names).cast(table.arrow_schema())
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError) as exc:
        raise SchemaError(f"{table.name}: {exc}") from exc
    for col in table.columns:
        data = arrow.column(col.name)
        if not col.nullable and data.null_count:
            raise SchemaError(f"{table.name}.{col.name}: null values in a non-null column")
        allowed = col.allowed()
        if allowed is not None:
            flat = pc.list_flatten(data) if pa.types.is_list(col.type) else data
            known = pc.is_in(flat, value_set=pa.array(allowed, pa.string()))
            bad = pc.and_(pc.invert(known), pc.is_valid(flat))
            bad_values = sorted({v for v in pc.filter(flat, bad).to_pylist()})
            if bad_values:
                raise SchemaError(
                    f"{table.name}.{col.name}: unknown values {bad_values[:5]}; "
                    f"allowed: {', '.join(allowed)}"
                )
        for bound, op, word in (
            (col.minimum, pc.less, "below"),
            (col.maximum, pc.greater, "above"),
        ):
            if bound is not None and len(data):
                out = pc.fill_null(op(data, bound), False)
                if pc.any(out).as_py():
                    first = pc.index(out, True).as_py()
                    raise SchemaError(
                        f"{_where(table, col.name, first)}: value {data[first].as_py()} is "
                        f"{word} the allowed range [{col.minimum}, {col.maximum}]"
                    )
    for low, high in table.ordered:
        out = pc.fill_null(pc.greater(arrow.column(low), arrow.column(high)), False)
        if len(out) and pc.any(out).as_py():
            first = pc.index(out, True).as_py()
            raise SchemaError(f"{_where(table, low, first)}: {low} is greater than {high}")
    if arrow.num_rows:
        keys = arrow.select(list(table.key))
        n_unique = keys.group_by(list(table.key)).aggregate([]).num_rows
        if n_unique != arrow.num_rows:
            raise SchemaError(f"{table.name}: duplicate key {table.key}")
    return arrow


def check_references(tables: Mapping[str, pa.Table]) -> None:
    """Check that every declared reference between ``tables`` resolves (references to a table
    not given are not checked).

    Raises:
        SchemaError: a value that is not in the referenced column, naming both columns.
    """
    for name, arrow in tables.items():
        for column, target, target_column in TABLES[name].references():
            if target not in tables or column not in arrow.column_names:
                continue
            values = pc.drop_null(arrow.column(column))
            known = tables[target].column(target_column)
            missing = pc.invert(pc.is_in(values, value_set=pc.unique(known)))
            if len(values) and pc.any(missing).as_py():
                n = pc.sum(missing).as_py()
                raise SchemaError(
                    f"{name}.{column}: {n} value(s) not found in {target}.{target_column}"
                )


DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    TS: "TIMESTAMPTZ",
    LIST_S: "VARCHAR[]",
}


def _sql_literal(value: object) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return _num(float(value))  # type: ignore[arg-type]


def duckdb_ddl(
    table: Table, with_foreign_keys: Collection[str] = (), primary_key: bool = True
) -> str:
    """``CREATE TABLE`` for ``table`` with its constraints: NOT NULL, CHECK (allowed values,
    ranges, ordered pairs), PRIMARY KEY (unless ``primary_key`` is false), and FOREIGN KEY to
    the tables in ``with_foreign_keys`` (which must be created first)."""
    lines = []
    for col in table.columns:
        parts = [f'"{col.name}"', DUCKDB_TYPES[col.type]]
        if not col.nullable:
            parts.append("NOT NULL")
        checks = []
        allowed = col.allowed()
        quoted = f'"{col.name}"'
        if allowed is not None:
            values = ", ".join(_sql_literal(v) for v in allowed)
            if pa.types.is_list(col.type):
                checks.append(f"list_has_all([{values}], {quoted})")
            else:
                checks.append(f"{quoted} IN ({values})")
        if col.minimum is not None:
            checks.append(f"{quoted} >= {_sql_literal(col.minimum)}")
        if col.maximum is not None:
            checks.append(f"{quoted} <= {_sql_literal(col.maximum)}")
        if checks:
            parts.append(f"CHECK ({' AND '.join(checks)})")
        lines.append(" ".join(parts))
    for low, high in table.ordered:
        lines.append(f'CHECK ("{low}" <= "{high}")')
    if primary_key or with_foreign_keys:  # a referenced table needs its key
        lines.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in table.key) + ")")
    for column, target, target_column in table.references():
        if target != table.name and target in with_foreign_keys:
            lines.append(f'FOREIGN KEY ("{column}") REFERENCES "{target}" ("{target_column}")')
    body = ",\n    ".join(lines)
    return f'CREATE TABLE "{table.name}" (\n    {body}\n)'


def creation_order(names: Iterable[str]) -> list[str]:
    """``names`` with every referenced table before the tables referring to it."""
    names = list(names)
    done: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in done or name in path:
            return
        for _, target, _ in TABLES[name].references():
            if target in names and target != name:
                visit(target, (*path, name))
        done.append(name)

    for name in names:
        visit(name, ())
    return done
