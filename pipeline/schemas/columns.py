"""Column types and shorthands shared by the table declarations, and the value sets they
use."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pyarrow as pa

from pipeline.schemas.model import Column, Values

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
