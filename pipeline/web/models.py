"""Request and response models of the JSON API, so that ``/openapi.json`` describes it.

The check response mirrors ``gemeentetaal check --format json`` for one input. The handler
returns that JSON unchanged; these models document it (and the tests validate it against
them), they never filter or reshape it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class CheckRequest(BaseModel):
    """A text to check, sent as JSON."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The text to check (plain text, UTF-8).")


class FlagOut(BaseModel):
    """One writing flag; offsets are character positions in the checked text."""

    model_config = ConfigDict(extra="allow")

    kind: str = Field(description="long_sentence, passive, nominalisation, officialese, ...")
    start: int
    end: int
    text: str = Field(description="The flagged span.")
    message: str = Field(description="Dutch explanation.")
    suggestion: str | None = Field(None, description="Dutch suggestion or plainer alternative.")


class ProposalOut(BaseModel):
    """A rewrite proposal: replace ``original`` at ``start``..``end`` by ``replacement``.
    Never applied by the service; the user decides."""

    model_config = ConfigDict(extra="allow")

    kind: str = Field(description="officialese, abbreviation, passive, split or nominalisation")
    start: int
    end: int
    original: str
    replacement: str
    note: str = Field(description="Short Dutch description of the change.")


class SentenceOut(BaseModel):
    """One sentence of the checked text with its flags and rewrite proposals."""

    model_config = ConfigDict(extra="allow")

    text: str
    start: int
    end: int
    n_words: int
    fragment: bool = Field(False, description="A heading-like line: read for advice, not measured.")
    heading: bool = Field(
        False, description="A section heading: checked for its words, not in the verdict."
    )
    flags: list[FlagOut] = Field(
        description="Flags of this sentence (officialese, passive, long sentence, ...)."
    )
    proposals: list[ProposalOut] = Field(default_factory=list)


class ScoresOut(BaseModel):
    """Key scores; None when a score cannot be computed (e.g. LiNT-II without a parser)."""

    model_config = ConfigDict(extra="allow")

    flesch_douma: float | None
    brouwer: float | None
    lint: float | None
    lint_level: int | None
    avg_sentence_length: float | None


class ModelOut(BaseModel):
    """The spaCy pipeline that analysed the text."""

    model_config = ConfigDict(extra="allow")

    name: str
    version: str
    source: str = Field(description="installed, download, wheelhouse, alternative or fallback")
    preferred: bool | None = Field(
        None, description="True when this is the configured model, not a substitute."
    )


class CheckResponse(BaseModel):
    """The result of ``gemeentetaal check --format json`` for one input."""

    model_config = ConfigDict(extra="allow")

    path: str = Field(description="File name of the upload, or '-' for pasted text.")
    level: str | None = Field(
        description="Estimated CEFR level: A2, B1, B2 or C1; null when there are no words."
    )
    b1_pass: bool | None = Field(description="True when the text meets taalniveau B1.")
    rule: str = Field(description="Name and version of the rule that gave the verdict.")
    reasons: list[str] = Field(description="Dutch reasons that decided the verdict.")
    scores: ScoresOut
    counts: dict[str, Any] = Field(description="Words, sentences, syllables, flags by kind.")
    model: ModelOut
    sentences: list[SentenceOut]
    flags: list[FlagOut] = Field(
        description="Flags of the text as a whole, not tied to one sentence (a long "
        "paragraph: lange alinea); often empty. Sentence flags are under sentences[].flags."
    )
    n_flags: int | None = Field(
        None, description="All flags: those under sentences[].flags plus those in flags."
    )


class HealthResponse(BaseModel):
    """Service status and the model loaded at start-up."""

    status: str = Field(description="'ok' when the model is loaded.")
    model: ModelOut
    max_chars: int = Field(description="Longest text accepted, in characters.")
    max_upload_mb: float = Field(description="Largest upload accepted, in MB.")


class ErrorResponse(BaseModel):
    """A clean error: one Dutch sentence for the user."""

    detail: str
