"""DataFrames and Parquet: facts as rows for pandas, DuckDB or Spark.

Needs the ``frames`` extra (``pip install 'libyamodel[frames]'``); pandas is
imported only when these functions are called.
"""

from __future__ import annotations

import builtins
import enum
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from libyamodel.model import (
    FACT_TYPES,
    Coverage,
    Entity,
    Fact,
    Participant,
    Response,
    fact_type,
)
from libyamodel.store import indexes_of
from libyamodel.time import PartialDate
from libyamodel.views._common import finite

if TYPE_CHECKING:
    import pandas

    from libyamodel.store import Dataset

__all__ = [
    "COVERAGE",
    "ENTITIES",
    "IN_FORCE_COLUMNS",
    "coverage_rows",
    "entity_rows",
    "fact_rows",
    "to_pandas",
    "to_parquet",
]

_SKIP = frozenset({"id", "note", "evidence", "period", "date"})
_DATE_COLUMNS = ("start_earliest", "start_latest", "end_earliest", "end_latest")
IN_FORCE_COLUMNS: Final = ("possibly_from", "possibly_until", "certainly_from", "certainly_until")
"""The days a fact is possibly, then certainly, in force, as the queries see them: a fact is
in force on a day to a certainty when ``*_from <= day <= *_until``. Never missing: an open
bound is 0001-01-01 or 9999-12-31, so that SQL over them needs no NULL handling."""


def _cell(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, Participant | Response):
        return value.actor
    if isinstance(value, tuple):
        return [_cell(item) for item in value]
    return value


ENTITIES = "entity"
"""The table name that asks :func:`to_pandas` for entities rather than facts."""

_ENTITY_COLUMNS = ("id", "type", "name", "kind", "aliases")


def entity_rows(entities: Iterable[Entity]) -> list[dict[str, Any]]:
    """One plain mapping per entity: id, record type, name, kind (where it has one), aliases."""
    return [
        {
            "id": entity.id,
            "type": entity.TYPE,
            "name": entity.name,
            "kind": _cell(getattr(entity, "kind", None)),
            "aliases": list(getattr(entity, "aliases", ())),
        }
        for entity in entities
    ]


COVERAGE = "coverage"
"""The table name that asks :func:`to_pandas` for the coverage records."""

_COVERAGE_COLUMNS = ("id", "question", "about", "start", "end", "extent", "note")


def coverage_rows(records: Iterable[Coverage]) -> list[dict[str, Any]]:
    """One plain mapping per coverage record: its question, the filter's value, its period
    as written, its extent and note."""
    return [
        {
            "id": record.id,
            "question": record.question.value,
            "about": record.about,
            "start": str(record.period.start),
            "end": None if record.period.end is None else str(record.period.end),
            "extent": record.extent.value,
            "note": record.note,
        }
        for record in records
    ]


def fact_rows(facts: Iterable[Fact], dataset: Dataset | None = None) -> list[dict[str, Any]]:
    """One plain mapping per fact: fields, period bounds, status and first source, and, given
    the dataset, the days the fact is in force as its queries see them."""
    rows = []
    index = None if dataset is None else indexes_of(dataset)
    for fact in facts:
        period = fact.period
        row: dict[str, Any] = {"id": fact.id, "type": fact.TYPE, "status": fact.status.value}
        for field in attrs.fields(builtins.type(fact)):
            if field.name not in _SKIP:
                row[field.name] = _cell(getattr(fact, field.name))
        row["start"] = str(period.start)
        row["end"] = None if period.end is None else str(period.end)
        row["start_earliest"] = finite(period.start.earliest)
        row["start_latest"] = finite(period.start.latest)
        row["end_earliest"] = None if period.end is None else finite(period.end.earliest)
        row["end_latest"] = None if period.end is None else finite(period.end.latest)
        if index is not None:
            row.update(zip(IN_FORCE_COLUMNS, index.days_in_force(fact), strict=True))
        first = fact.evidence[0]
        source = dataset.get(first.source) if dataset is not None else None
        row["source"] = first.source
        row["source_title"] = getattr(source, "title", None)
        row["quote"] = first.quote
        row["paraphrase"] = first.paraphrase
        row["evidence_count"] = len(fact.evidence)
        row["note"] = fact.note
        rows.append(row)
    return rows


def _columns(kinds: Iterable[builtins.type[Fact]]) -> list[str]:
    """Every column the rows of these fact types can have, so that a table has the same
    columns whatever facts it holds (and SQL over it never misses one)."""
    columns = ["id", "type", "status"]
    for kind in kinds:
        columns += [f.name for f in attrs.fields(kind) if f.name not in _SKIP]
    columns += ["start", "end", *_DATE_COLUMNS, *IN_FORCE_COLUMNS]
    columns += ["source", "source_title", "quote", "paraphrase", "evidence_count", "note"]
    return list(dict.fromkeys(columns))


def to_pandas(dataset: Dataset, kind: str | builtins.type[Fact] | None = None) -> pandas.DataFrame:
    """A DataFrame with one row per fact (of one type, or all), or, for ``"entity"``, per
    entity (id, type, name, kind, aliases), to join ids to names, or, for ``"coverage"``,
    per coverage record.

    Bound columns are ``datetime64[s]``; an open bound (on or before / after, or
    not ended) is ``NaT``.
    """
    import numpy
    import pandas as pd

    if kind == ENTITIES:
        return pd.DataFrame(entity_rows(dataset.entities), columns=list(_ENTITY_COLUMNS))
    if kind == COVERAGE:
        return pd.DataFrame(coverage_rows(dataset.coverage), columns=list(_COVERAGE_COLUMNS))
    cls = None if kind is None else fact_type(kind)
    facts = [fact for fact in dataset.facts if cls is None or isinstance(fact, cls)]
    frame = pd.DataFrame(fact_rows(facts, dataset))
    for column in _columns(FACT_TYPES if cls is None else (cls,)):
        if column not in frame:
            frame[column] = None
    for column in _DATE_COLUMNS:
        frame[column] = pd.Series(
            [None if day is None else pd.Timestamp(day) for day in frame[column]],
            dtype="datetime64[s]",
            index=frame.index,
        )
    for column in IN_FORCE_COLUMNS:
        # numpy's day unit reaches the years 1 and 9999, which nanosecond Timestamps do not.
        days = numpy.array([day.isoformat() for day in frame[column]], dtype="datetime64[D]")
        frame[column] = pd.Series(days.astype("datetime64[s]"), index=frame.index)
    return frame


def to_parquet(
    dataset: Dataset,
    path: str | os.PathLike[str],
    kind: str | builtins.type[Fact] | None = None,
) -> None:
    """Write :func:`to_pandas`'s frame to a Parquet file (needs pyarrow), the days in force
    as SQL ``DATE`` columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(to_pandas(dataset, kind), preserve_index=False)
    for column in IN_FORCE_COLUMNS:
        position = table.schema.get_field_index(column)
        table = table.set_column(position, column, table.column(column).cast(pa.date32()))
    pq.write_table(table, path)
