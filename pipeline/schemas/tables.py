"""Declarations of the units, sentences, flags, threads, comments, themes, errors and runs
tables; ``TABLES`` (every table, in order) and ``VIEWS`` (the analyst views)."""

from __future__ import annotations

from pipeline.schemas.columns import (
    F64,
    I64,
    LIST_S,
    RUN_ID,
    SENTIMENTS,
    TEXT_UNIT_KINDS,
    TS,
    UNIT_KINDS,
    B,
    S,
    _c,
    _count,
    _flag_kinds,
    _key,
    _share,
)  # fmt: skip
from pipeline.schemas.documents import (
    AMOUNTS,
    DOCUMENTS,
    INDICATORS,
    ITEMS,
    PARAGRAPHS,
    PROGRAMMES,
    READABILITY_COLUMNS,
    SECTIONS,
)  # fmt: skip
from pipeline.schemas.model import Table, View

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
        _c(
            "author",
            S,
            "resident: pseudonym (keyed hash), never the name; organisation: name (a person "
            "the article names in the organisation's role: pseudonym medewerker-...)",
        ),
        _c(
            "author_role",
            S,
            "resident, or organisation (municipality, project team, editor, or a person the "
            "article names in one of its roles: projectleider, wethouder, ...)",
            values=("resident", "organisation"),
        ),
        _c(
            "timestamp",
            TS,
            "posting time in UTC (a date without a time is midnight Dutch time: 22:00 or 23:00"
            " UTC the day before; convert to Europe/Amsterdam before taking the date)",
        ),
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
            "probability of the label given; null when the incivility rule set the label",
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
    "failed input, or a file of an unsupported type that `run` passed over (stage read)",
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
        _count("n_errors", "inputs that failed (not unsupported files or duplicates)"),
        _count("n_words", "words analysed (not of inputs unchanged since an earlier run)"),
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
