"""The same point queries answered by libyamodel and by the alternatives a user would pick.

Each engine answers a :class:`Query` in its natural output (model facts, array
positions, result rows) so that timing covers only what a user would wait for;
:meth:`Engine.ids` turns an answer into the fact ids it names, for checking.
Every alternative reads the four day bounds of each period from the same facts:
a day is certainly inside when ``start_latest <= day <= end_earliest`` and
possibly inside when ``start_earliest <= day <= end_latest`` (an open or
missing bound is the first or last representable day).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, Protocol

import duckdb
import numpy as np
import pandas as pd
import pendulum

import libyamodel as lm

__all__ = [
    "HISTORY_SQL",
    "DuckDB",
    "Engine",
    "LibyaModel",
    "NaiveScan",
    "PandasIntervals",
    "PandasMask",
    "Query",
    "QueryKind",
    "fact_ids",
    "fact_table",
    "history_sql",
    "recipe",
]

QueryKind = Literal["controllers", "claimants", "holders"]
Certainty = Literal["definite", "possible"]

FACT_TYPE: Final[dict[QueryKind, type[lm.Fact]]] = {
    "controllers": lm.ControlClaim,
    "claimants": lm.LegitimacyClaim,
    "holders": lm.Tenure,
}
KEY_FIELD: Final[dict[QueryKind, str | None]] = {
    "controllers": "place",
    "claimants": None,
    "holders": "office",
}
OPEN_END: Final = pendulum.Date(9999, 12, 31).toordinal()


@dataclass(frozen=True)
class Query:
    """One point query: which facts of a kind (for one place or office) hold on a day."""

    kind: QueryKind
    key: str | None
    day: datetime.date
    certainty: Certainty


class Engine(Protocol):
    """Something that answers point queries."""

    name: str

    def answer(self, query: Query) -> Any: ...

    def ids(self, answer: Any) -> frozenset[str]: ...


def fact_ids(facts: Iterable[lm.Fact]) -> frozenset[str]:
    """The ids of some facts."""
    return frozenset(fact.id for fact in facts)


class LibyaModel:
    """The library under test: the dataset's query methods."""

    name = "libyamodel"

    def __init__(self, dataset: lm.Dataset) -> None:
        self._dataset = dataset

    def answer(self, query: Query) -> tuple[lm.Fact, ...]:
        ds = self._dataset
        if query.kind == "controllers":
            assert query.key is not None
            return ds.controllers(query.key, query.day, certainty=query.certainty)
        if query.kind == "holders":
            assert query.key is not None
            return ds.holders(query.key, query.day, certainty=query.certainty)
        return ds.claimants(query.day, certainty=query.certainty)

    def ids(self, answer: Iterable[lm.Fact]) -> frozenset[str]:
        return fact_ids(answer)


class NaiveScan:
    """Every fact, checked in turn with ``fact.period.truth(day)``: the reference answer."""

    name = "naive scan"

    def __init__(self, facts: Sequence[lm.Fact]) -> None:
        self._facts = facts

    def answer(self, query: Query) -> list[lm.Fact]:
        kind, field = FACT_TYPE[query.kind], KEY_FIELD[query.kind]
        day = pendulum.Date(query.day.year, query.day.month, query.day.day)
        accepted = (
            {lm.Truth.YES} if query.certainty == "definite" else {lm.Truth.YES, lm.Truth.MAYBE}
        )
        return [
            fact
            for fact in self._facts
            if type(fact) is kind
            and (field is None or getattr(fact, field) == query.key)
            and fact.period.truth(day) in accepted
        ]

    def ids(self, answer: Iterable[lm.Fact]) -> frozenset[str]:
        return fact_ids(answer)


def fact_table(facts: Sequence[lm.Fact]) -> pd.DataFrame:
    """One row per fact, in the given order: position, id, type, place or office, and the day
    numbers of its period's bounds: ``s_lo``/``s_hi`` the start's earliest and latest day,
    ``e_lo``/``e_hi`` the end's (the last representable day for a fact not ended)."""
    columns: dict[str, list[Any]] = {
        name: [] for name in ("id", "type", "key", "s_lo", "s_hi", "e_lo", "e_hi")
    }
    for fact in facts:
        period = fact.period
        key = getattr(fact, "place", None) or getattr(fact, "office", None)
        columns["id"].append(fact.id)
        columns["type"].append(fact.TYPE)
        columns["key"].append(key)
        columns["s_lo"].append(period.start.earliest.toordinal())
        columns["s_hi"].append(period.certain_from.toordinal())
        columns["e_lo"].append(OPEN_END if period.end is None else period.certain_until.toordinal())
        columns["e_hi"].append(OPEN_END if period.end is None else period.end.latest.toordinal())
    return pd.DataFrame(
        {
            "pos": np.arange(len(facts), dtype=np.int64),
            "id": columns["id"],
            "type": pd.Categorical(columns["type"]),
            "key": pd.Categorical(columns["key"]),
            **{
                name: np.array(columns[name], dtype=np.int32)
                for name in ("s_lo", "s_hi", "e_lo", "e_hi")
            },
        }
    )


class _Positions:
    """Answers that are row positions in the fact table."""

    def __init__(self, table: pd.DataFrame) -> None:
        self._table = table
        self._ids = table["id"].to_numpy()

    def ids(self, answer: Iterable[int]) -> frozenset[str]:
        return frozenset(self._ids[list(answer)])


def _bounds(certainty: Certainty) -> tuple[str, str]:
    """The columns a day must lie between: certain bounds, or possible ones."""
    return ("s_hi", "e_lo") if certainty == "definite" else ("s_lo", "e_hi")


class PandasMask(_Positions):
    """A boolean mask over the whole DataFrame (categorical type and key columns)."""

    name = "pandas mask"

    def answer(self, query: Query) -> np.ndarray[Any, Any]:
        df, day = self._table, query.day.toordinal()
        first, last = _bounds(query.certainty)
        mask = (df["type"] == FACT_TYPE[query.kind].TYPE) & (df[first] <= day) & (df[last] >= day)
        if query.key is not None:
            mask &= df["key"] == query.key
        return np.flatnonzero(mask.to_numpy())


class PandasIntervals(_Positions):
    """A ``pd.IntervalIndex`` over the possible bounds (its interval tree built up front),
    then the type, key and (for definite answers) certain bounds checked on its hits."""

    name = "pandas IntervalIndex"

    def __init__(self, table: pd.DataFrame) -> None:
        super().__init__(table)
        self._intervals = pd.IntervalIndex.from_arrays(table["s_lo"], table["e_hi"], closed="both")
        self._intervals.get_indexer_non_unique(pd.Index([0]))  # builds the interval tree
        self._type = table["type"].cat.codes.to_numpy()
        self._types = {name: code for code, name in enumerate(table["type"].cat.categories)}
        self._key = table["key"].cat.codes.to_numpy()
        self._keys = {name: code for code, name in enumerate(table["key"].cat.categories)}
        self._start_latest = table["s_hi"].to_numpy()
        self._end_earliest = table["e_lo"].to_numpy()

    def answer(self, query: Query) -> np.ndarray[Any, Any]:
        day = query.day.toordinal()
        found = self._intervals.get_indexer_non_unique(pd.Index([day]))[0]
        hits = found[found >= 0]
        keep = self._type[hits] == self._types[FACT_TYPE[query.kind].TYPE]
        if query.key is not None:
            keep &= self._key[hits] == self._keys[query.key]
        if query.certainty == "definite":
            keep &= (self._start_latest[hits] <= day) & (self._end_earliest[hits] >= day)
        return np.compress(keep, hits)


class DuckDB(_Positions):
    """An in-memory DuckDB table of the same rows, sorted by type, key and start so that
    its zone maps can skip blocks; one parameterised SQL query per point query."""

    name = "duckdb"

    def __init__(self, table: pd.DataFrame) -> None:
        super().__init__(table)
        self.connection = duckdb.connect()
        self.connection.register("frame", table)
        self.connection.execute(
            "CREATE TABLE facts AS SELECT pos, id, CAST(type AS VARCHAR) AS type,"
            " CAST(key AS VARCHAR) AS key, s_lo, s_hi, e_lo, e_hi FROM frame"
            " ORDER BY type, key, s_lo"
        )
        self.connection.unregister("frame")

    def answer(self, query: Query) -> list[tuple[int]]:
        first, last = _bounds(query.certainty)
        sql = f"SELECT pos FROM facts WHERE type = $type AND {first} <= $day AND {last} >= $day"
        parameters: dict[str, object] = {
            "type": FACT_TYPE[query.kind].TYPE,
            "day": query.day.toordinal(),
        }
        if query.key is not None:
            sql += " AND key = $key"
            parameters["key"] = query.key
        return self.connection.execute(sql, parameters).fetchall()

    def ids(self, answer: Iterable[Any]) -> frozenset[str]:
        return super().ids(pos for (pos,) in answer)


DOCS: Final = Path(__file__).parents[1] / "docs" / "performance.md"


def recipe(name: str) -> str:
    """One of the SQL queries docs/performance.md gives users (``-- recipe: <name>``)."""
    found = re.search(rf"```sql\n-- recipe: {name}\n(.*?)```", DOCS.read_text(), flags=re.S)
    if found is None:
        raise LookupError(f"docs/performance.md has no SQL recipe named {name!r}")
    return found.group(1)


HISTORY_SQL: Final = """
WITH f AS (
    SELECT pos, {lo} AS lo, {hi} AS hi FROM facts
    WHERE type = 'control_claim' AND key = $key
      AND {lo} <= {hi} AND {lo} <= $last AND {hi} >= $first
),
changes AS (
    SELECT CAST($first AS INTEGER) AS day
    UNION SELECT lo FROM f WHERE lo > $first
    UNION SELECT hi + 1 FROM f WHERE hi < $last
),
stretches AS (
    SELECT day AS first, COALESCE(LEAD(day) OVER (ORDER BY day) - 1, $last) AS last
    FROM changes
)
SELECT s.first, s.last, list(f.pos ORDER BY f.pos) FILTER (WHERE f.pos IS NOT NULL)
FROM stretches s LEFT JOIN f ON f.lo <= s.first AND s.first <= f.hi
GROUP BY s.first, s.last ORDER BY s.first
"""
"""The history of one place's controllers from ``$first`` to ``$last`` (day numbers): the
days its answer changes (a window over the change points), each stretch joined to the
facts in force on its first day. ``{lo}``/``{hi}`` are the bounds of a certainty."""


def history_sql(certainty: Certainty) -> str:
    """:data:`HISTORY_SQL` for one certainty's bounds."""
    lo, hi = _bounds(certainty)
    return HISTORY_SQL.format(lo=lo, hi=hi)
