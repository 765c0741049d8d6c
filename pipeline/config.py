"""One configuration object for every stage.

Precedence, lowest first: defaults in this module < ``gemeentetaal.toml`` (or the file given
with ``--config``) < the short environment names ``GEMEENTETAAL_MODEL``,
``GEMEENTETAAL_WHEELHOUSE``, ``GEMEENTETAAL_SECRET`` < environment variables
``GEMEENTETAAL_<SECTION>__<KEY>`` < CLI flags. ``Settings`` is a pydantic-settings
``BaseSettings``; the layers are its sources (``pipeline/config_sources.py``). Each stage
takes only its own section (``settings.readability``, ``settings.nlp`` ...).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from pipeline.config_sources import (
    ENV_DELIMITER,
    ENV_PREFIX,
    LoadRequest,
    layers,
    set_by,
    where_set,
)
from pipeline.config_sources import ConfigError as ConfigError  # raised by load_settings

# The file and environment the next Settings() reads (set by load_settings; default: the
# working directory's gemeentetaal.toml and os.environ).
_REQUEST: ContextVar[LoadRequest | None] = ContextVar("gemeentetaal_settings", default=None)

# The fitted b1_rule.v3 model (pipeline/readability/difficulty.py).
DEFAULT_B1_MODEL = Path(__file__).parent / "data" / "b1_rule_v3.json"


# Every file type a reader exists for (pipeline/ingest/readers.py); ``ingest.extensions``
# chooses among them.
READABLE_EXTENSIONS = (
    ".txt", ".md", ".markdown", ".text", ".docx", ".pdf", ".html", ".htm", ".csv", ".json",
    ".jsonl",
)  # fmt: skip
# Of those, the structured comment exports (not read by `check`).
DATA_EXTENSIONS = (".csv", ".json", ".jsonl")


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PathSettings(_Section):
    raw_dir: Path = Path("data/raw")
    processed_dir: Path = Path("data/processed")


class NlpSettings(_Section):
    model: str = "nl_core_news_md"
    # Dutch pipelines tried, in order, when the configured one is not installed.
    alternatives: tuple[str, ...] = ("nl_core_news_lg", "nl_core_news_sm", "nl_ud_sm")
    wheelhouse: Path = Path("../shared/models")
    allow_download: bool = True
    allow_fallback: bool = True
    batch_size: int = Field(64, ge=1)
    # Characters parsed together at most (the parser's memory grows with them).
    batch_max_chars: int = Field(50_000, ge=1_000)
    n_process: int = Field(1, ge=1)
    max_length: int = Field(2_000_000, ge=10_000)
    # Longer units of text are parsed in pieces cut at sentence ends (pipeline.nlp.parse).
    max_chunk_chars: int = Field(5_000, ge=500)


class IngestSettings(_Section):
    max_file_mb: float = Field(20.0, gt=0)
    # What a file may expand into (pipeline/ingest/limits.py); each refusal names its setting.
    max_zip_entries: int = Field(5_000, ge=10)  # members of a .docx (zip)
    max_unzipped_mb: float = Field(200.0, gt=0)  # unpacked size of all members of a .docx
    max_xml_elements: int = Field(3_000_000, ge=1_000)  # elements in the XML of a .docx
    max_pdf_pages: int = Field(2_000, ge=1)
    max_html_elements: int = Field(200_000, ge=1_000)
    # Longer pages keep their whole body (no main-content detection: superlinear in trafilatura).
    html_detect_max_chars: int = Field(500_000, ge=10_000)
    max_text_chars: int = Field(5_000_000, ge=10_000)  # text extracted from a .docx or .pdf
    # File types `run`, `ingest` and `check` pick up in a folder (check: the text types).
    extensions: tuple[str, ...] = READABLE_EXTENSIONS
    # Column names accepted in structured comment exports (CSV/JSON); first match wins.
    export_columns: dict[str, tuple[str, ...]] = {
        "id": ("id", "comment_id", "reactie_id", "ID"),
        "parent_id": ("parent_id", "parent", "in_reply_to", "reply_to", "ouder_id"),
        "author": ("author", "auteur", "naam", "name", "user", "gebruiker"),
        "created_at": ("created_at", "timestamp", "datum", "date", "tijdstip", "created"),
        "text": ("text", "tekst", "body", "reactie", "message", "bericht", "content"),
        "thread": ("thread", "thread_id", "topic", "onderwerp", "article", "artikel", "title"),
    }

    @field_validator("extensions")
    @classmethod
    def _known_extensions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        out = tuple(dict.fromkeys(("." + v.lower().lstrip(".")) for v in value))
        unknown = [v for v in out if v not in READABLE_EXTENSIONS]
        if unknown:
            raise ValueError(
                f"no reader for {', '.join(unknown)}; known: {', '.join(READABLE_EXTENSIONS)}"
            )
        if not out:
            raise ValueError("at least one extension is needed")
        return out

    # Programme texts (pipeline/ingest/programme/).
    heading_max_words: int = Field(14, ge=2)
    title_max_words: int = Field(8, ge=1)
    running_header_min_repeats: int = Field(3, ge=2)
    municipality_min_mentions: int = Field(2, ge=1)
    year_min_mentions: int = Field(2, ge=1)


class ReadabilitySettings(_Section):
    long_sentence_words: int = Field(20, ge=5)
    long_paragraph_words: int = Field(150, ge=20)
    long_paragraph_sentences: int = Field(7, ge=2)
    max_subclauses: int = Field(2, ge=1)
    # hard_word: rare in both frequency lists (Zipf), or a learned word rare in speech and
    # not common in writing (pipeline/readability/flags/hard_word.py; set on dev sentences).
    hard_word_zipf: float = Field(2.0, ge=0, le=8)
    hard_word_learned_subtlex: float = Field(2.5, ge=0, le=8)
    hard_word_learned_zipf: float = Field(4.0, ge=0, le=8)
    # Kinds of writing advice to switch off (pipeline/readability/flags); the verdict then
    # ignores them too, so a text can pass B1 with a kind off that fails with it on.
    disabled_flags: tuple[str, ...] = ()
    long_word_syllables: int = Field(4, ge=2)
    # A "word" longer than this is reported (flag overlong_word) and not analysed.
    max_word_chars: int = Field(100, ge=20)
    # Lines of at most this many words without a finite verb or closing punctuation are
    # fragments (headings, salutations, list labels): flagged but not measured.
    fragment_max_words: int = Field(12, ge=1)
    # Rewrite proposals: a word-level drop-in (officialese) is offered only when its term's
    # judged reliability (pipeline/data/officialese_reliability.csv: lower bound of the Wilson
    # 95% interval of judged ok / judged on real text) is at least rewrite_min_reliability, or
    # the term is in rewrite_dropin_allow (reviewed context-free substitutions; dropped again
    # when their judged ok share falls below the threshold). Other terms keep their flag and
    # advice without a proposal. None: no gate (every drop-in offered).
    rewrite_min_reliability: float | None = Field(0.8, ge=0, le=1)
    rewrite_dropin_allow: tuple[str, ...] = (
        "aangezien", "circa", "dan wel", "derhalve", "divers", "door middel van", "echter",
        "gehele", "indien", "middels", "momenteel", "noodzakelijk", "reeds", "ten behoeve van",
        "teneinde", "tevens", "thans", "uitsluitend", "vigeren", "vigerend", "voorgenomen",
        "voornamelijk",
    )  # fmt: skip
    b1_rule: str = "b1_rule.v3"
    # b1_rule.v3: the fitted model (None: pipeline/data/b1_rule_v3.json) and, when set, the
    # difficulty (0-100) cut points that override the model's own: A2 up to a2_max_difficulty,
    # B1 (pass) up to b1_max_difficulty, B2 up to b2_max_difficulty, C1 above. Must increase.
    b1_model_file: Path | None = None
    a2_max_difficulty: float | None = Field(None, ge=0, le=100)
    b1_max_difficulty: float | None = Field(None, ge=0, le=100)
    b2_max_difficulty: float | None = Field(None, ge=0, le=100)
    # b1_rule.v1/v2 thresholds, see pipeline/readability/verdict.py for their sources.
    b1_max_avg_sentence_length: float = 15.0
    b1_max_long_sentence_share: float = 0.10
    b1_max_lint_level: int = 2
    b1_min_flesch_douma: float = 60.0
    b1_max_flag_rate: float = 0.25
    # Bounds of the other levels for the same criteria (A2 below B1, B2 above it); texts
    # shorter than b1_min_words are judged on sentence length and flags only.
    b1_min_words: int = Field(30, ge=1)
    # b1_rule.v3, texts under b1_min_words: advice rates count as if the text had this many
    # more lines at the typical B1 rate (one passive in one sentence is not B2 on its own).
    b1_short_prior_lines: float = Field(3.0, ge=0)
    # A text of at least dutch_min_words checked words of which under dutch_min_share are
    # known Dutch words (simplemma's Dutch dictionary) gets no verdict: it is not Dutch.
    dutch_min_words: int = Field(20, ge=1)
    dutch_min_share: float = Field(0.45, ge=0, le=1)
    a2_max_avg_sentence_length: float = 10.0
    b2_max_avg_sentence_length: float = 20.0
    a2_max_long_sentence_share: float = 0.0
    b2_max_long_sentence_share: float = 0.25
    a2_max_lint_level: int = 1
    b2_max_lint_level: int = 3
    a2_min_flesch_douma: float = 70.0
    b2_min_flesch_douma: float = 45.0
    a2_max_flag_rate: float = 0.10
    b2_max_flag_rate: float = 1.0
    # b1_rule.v2: A2 also needs (nearly) every sentence to have at most a2_sentence_words.
    a2_sentence_words: int = Field(10, ge=3)
    a2_max_over_share: float = Field(0.05, ge=0, le=1)

    @field_validator("b1_rule")
    @classmethod
    def _known_rule(cls, value: str) -> str:
        from pipeline.readability.verdict import RULES

        if value not in RULES:
            raise ValueError(f"unknown rule {value!r}; known rules: {', '.join(sorted(RULES))}")
        return value

    @field_validator("disabled_flags")
    @classmethod
    def _known_flags(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if value:  # the registry loads the flag detectors: only when something is switched off
            from pipeline.readability.flags import FLAG_KINDS

            unknown = [v for v in value if v not in FLAG_KINDS]
            if unknown:
                raise ValueError(
                    f"unknown flag kinds {', '.join(unknown)}; known: {', '.join(FLAG_KINDS)}"
                )
        return value

    @model_validator(mode="after")
    def _levels_in_order(self) -> ReadabilitySettings:
        """Each criterion's bounds are ordered A2 <= B1 <= B2 (for a minimum, >=), and
        shares are shares."""
        problems = []
        for name in ("avg_sentence_length", "long_sentence_share", "lint_level", "flag_rate"):
            a2, b1, b2 = (getattr(self, f"{level}_max_{name}") for level in ("a2", "b1", "b2"))
            if not a2 <= b1 <= b2:
                problems.append(
                    f"a2_max_{name} <= b1_max_{name} <= b2_max_{name} (got {a2}, {b1}, {b2})"
                )
        a2, b1, b2 = self.a2_min_flesch_douma, self.b1_min_flesch_douma, self.b2_min_flesch_douma
        if not a2 >= b1 >= b2:
            problems.append(
                "a2_min_flesch_douma >= b1_min_flesch_douma >= b2_min_flesch_douma "
                f"(got {a2}, {b1}, {b2})"
            )
        for level in ("a2", "b1", "b2"):
            share = getattr(self, f"{level}_max_long_sentence_share")
            if not 0 <= share <= 1:
                problems.append(f"{level}_max_long_sentence_share in [0, 1] (got {share})")
            lint = getattr(self, f"{level}_max_lint_level")
            if not 1 <= lint <= 4:
                problems.append(f"{level}_max_lint_level in 1-4 (got {lint})")
        if problems:
            raise ValueError("level thresholds out of order: " + "; ".join(problems))
        return self

    @model_validator(mode="after")
    def _ordered_cut_points(self) -> ReadabilitySettings:
        """The v3 cut points, configured or from the model file, must increase."""
        names = ("a2_max_difficulty", "b1_max_difficulty", "b2_max_difficulty")
        given = [getattr(self, n) for n in names]
        if all(v is None for v in given):
            return self
        model = _model_cut_points(str(self.b1_model_file or DEFAULT_B1_MODEL))
        values = [model[i] if v is None else v for i, v in enumerate(given)]
        if not values[0] < values[1] < values[2]:
            shown = ", ".join(
                f"{n}={v:g}" + ("" if g is not None else " (model)")
                for n, v, g in zip(names, values, given, strict=True)
            )
            raise ValueError(f"difficulty cut points must increase: {shown}")
        return self


@lru_cache(maxsize=8)
def _model_cut_points(path: str) -> tuple[float, float, float]:
    """``(a2_max, b1_max, b2_max)`` of a b1_rule.v3 model file."""
    try:
        cuts = json.loads(Path(path).read_text(encoding="utf-8"))["cut_points"]
        return float(cuts["a2_max"]), float(cuts["b1_max"]), float(cuts["b2_max"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a usable B1 model file ({exc})") from None


class PrivacySettings(_Section):
    secret: SecretStr | None = None
    placeholder_email: str = "[e-mail]"
    placeholder_phone: str = "[telefoon]"
    placeholder_name: str = "[naam]"
    placeholder_iban: str = "[iban]"
    placeholder_bsn: str = "[bsn]"
    placeholder_address: str = "[adres]"
    placeholder_postcode: str = "[postcode]"
    # Also scrub person names that are not in the thread's author list ("buurman Piet
    # Jansen", "mevrouw De Vries"), found by Deduce's Dutch name annotators.
    detect_person_names: bool = True
    # Deduce's name search on documents too (letters, web texts, budgets). Off by default: on
    # a municipality's own prose it mostly finds street, place and document names; names
    # after a greeting, title or role word and signed under a closing are always scrubbed.
    detect_person_names_in_documents: bool = False
    # Name parts that are also common Dutch words (wordfreq Zipf at least this and known to
    # simplemma, e.g. "Niemand", "Haan") are only scrubbed when capitalised or in a greeting.
    common_word_zipf: float = Field(3.5, ge=0, le=8)


class ThemeSettings(_Section):
    threshold: float = Field(0.35, ge=0, le=1)
    method: Literal["model", "lexicon"] = "model"
    model_path: Path | None = None
    max_evidence: int = Field(5, ge=1)
    # Lexicon score 1 - exp(-sum(weights) / lexicon_scale); see pipeline/themes/lexicon.py.
    lexicon_scale: float = Field(1.0, gt=0)
    compound_min_length: int = Field(4, ge=3)
    compound_min_part_zipf: float = Field(3.0, ge=0, le=8)
    # A theme covering less than this share of a section/document/thread is scored down.
    aggregate_coverage: float = Field(0.2, gt=0, le=1)
    # Training: labels with fewer examples are left out; folds for threshold tuning.
    min_label_examples: int = Field(3, ge=2)
    cv_folds: int = Field(5, ge=2)
    # Units with fewer content words (e.g. "Beste bewoner,") are tagged by the lexicon alone.
    min_model_words: int = Field(3, ge=1)


class SentimentSettings(_Section):
    method: Literal["model", "lexicon"] = "model"
    model_path: Path | None = None
    neutral_band: float = Field(0.1, ge=0, le=1)
    # Categories of pipeline/data/uncivil_words.csv that make a text uncivil ("profanity" is
    # left out: swearing at a thing, not at a person).
    uncivil_categories: tuple[str, ...] = (
        "insult", "slur", "threat", "disease_curse", "dehumanisation",
    )  # fmt: skip
    # `gemeentetaal sentiment train`: fewest labelled rows, overall and per label.
    min_train_rows: int = Field(30, ge=6)
    min_train_rows_per_label: int = Field(5, ge=2)


class WebSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    max_chars: int = Field(200_000, ge=1000)
    max_upload_mb: float = Field(10.0, gt=0)
    # Check worker processes (pipeline/web/pool.py); None: one per core this process may use.
    workers: int | None = Field(None, ge=1)
    timeout_seconds: float = Field(60.0, gt=0)  # a longer check is stopped (504)
    max_worker_mb: float = Field(1536.0, ge=256)  # a worker passing this is stopped (413)


class RunSettings(_Section):
    workers: int = Field(1, ge=1)
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    # Keys and references between tables are always checked before writing; this also
    # declares them in the DuckDB file as PRIMARY KEY and FOREIGN KEY constraints, at the cost
    # of an index per key and per reference (the sample's file grows from 4 to 17 MB).
    duckdb_keys: bool = False
    # Inputs are processed in batches of about this many bytes (one nlp.pipe pass, one model
    # call and one Parquet part per table per batch); fewer when that keeps workers busy.
    # A batch's Docs and rows are held at once: 64 KiB (~9,000 words) costs no more CPU per
    # word than 512 KiB and keeps the peak memory ~75 MB lower (docs/performance.md).
    batch_bytes: int = Field(64 * 1024, ge=1024)


class DashboardSettings(_Section):
    # How many rows the dashboard's tables and top lists show (pipeline/report/dashboard.py).
    top_sentences: int = Field(25, ge=1)
    top_officialese: int = Field(15, ge=1)
    top_comments: int = Field(20, ge=1)
    # Theme levels shown per programme: "1" (BBV task fields), "2" (sub-fields), "cross".
    theme_levels: tuple[Literal["1", "2", "cross"], ...] = ("1", "cross")
    max_label_chars: int = Field(60, ge=10)
    # A share (B1 pass rate, share negative, ...) of fewer cases than this is not shown;
    # its n is (pipeline/report/dashboard/).
    min_n: int = Field(5, ge=1)


class ReportSettings(_Section):
    # Language of the `check` report's own text and of `check`'s messages ("nl" or "en");
    # the writing advice itself is always Dutch: it is about a Dutch text.
    language: Literal["nl", "en"] = "nl"


class Settings(BaseSettings):
    """All settings. Frozen; unknown keys fail loudly.

    ``Settings()`` reads the layers of the module docstring from ``gemeentetaal.toml`` in
    the working directory and ``os.environ``; ``load_settings`` chooses the file, the
    environment and the CLI overrides and turns every problem into a ``ConfigError``.
    """

    model_config = SettingsConfigDict(
        frozen=True,
        extra="forbid",
        env_prefix=ENV_PREFIX,
        env_nested_delimiter=ENV_DELIMITER,
        case_sensitive=False,
    )

    paths: PathSettings = PathSettings()
    nlp: NlpSettings = NlpSettings()
    ingest: IngestSettings = IngestSettings()
    readability: ReadabilitySettings = ReadabilitySettings()
    privacy: PrivacySettings = PrivacySettings()
    themes: ThemeSettings = ThemeSettings()
    sentiment: SentimentSettings = SentimentSettings()
    web: WebSettings = WebSettings()
    run: RunSettings = RunSettings()
    dashboard: DashboardSettings = DashboardSettings()
    report: ReportSettings = ReportSettings()

    def fingerprint(self) -> str:
        """Hash of the settings that change analysis results (not paths, web or secrets)."""
        data = self.model_dump(
            mode="json", exclude={"paths", "web", "run", "privacy", "dashboard", "report"}
        )
        blob = json.dumps(data, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def public_dump(self) -> dict[str, Any]:
        """Settings as plain data with secrets masked, for `doctor` and the runs table."""
        data = self.model_dump(mode="json")
        if self.privacy.secret is not None:
            data["privacy"]["secret"] = "***"
        return data

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Keyword arguments > environment > short environment names > TOML file."""
        return layers(settings_cls, init_settings, _REQUEST.get() or LoadRequest())


def load_settings(
    config_file: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build the settings from defaults, a TOML file, the environment and CLI overrides.

    Args:
        config_file: TOML file; when None, ``gemeentetaal.toml`` in the working directory is
            used if it exists.
        overrides: nested mapping from CLI flags, applied last (``{"nlp": {"model": ...}}``).
        environ: environment to read (defaults to ``os.environ``).

    Returns:
        The frozen settings.

    Raises:
        ConfigError: the file cannot be read or a key or value is invalid; the message names
            the file, variable or ``command line`` that set it, and the key.
    """
    request = LoadRequest(config_file, environ)
    token = _REQUEST.set(request)
    try:
        return Settings(**dict(overrides or {}))
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            origin = ", ".join(where_set(err["loc"], request.sources)) or "defaults"
            key = ".".join(str(p) for p in err["loc"])
            problems.append(f"{origin}: {key}: {err['msg'].removeprefix('Value error, ')}")
        raise ConfigError(f"invalid configuration: {'; '.join(problems)}") from exc
    finally:
        _REQUEST.reset(token)


def settings_origins(
    config_file: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Which layer set each key that is not a default, as ``load_settings`` with the same
    arguments would read them: ``{"nlp.model": "GEMEENTETAAL_MODEL", ...}`` (for `doctor`).

    Raises:
        ConfigError: the file cannot be read or a variable is malformed.
    """
    request = LoadRequest(config_file, environ)
    cli = InitSettingsSource(Settings, dict(overrides or {}))
    return set_by(layers(Settings, cli, request))
