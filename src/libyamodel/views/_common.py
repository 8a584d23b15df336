"""What every view shares: status colours, one-line summaries of facts, open dates."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Final, Protocol

from libyamodel.model import Coverage, Entity, Fact, Record, Status, headline
from libyamodel.time import MAX_DATE, MIN_DATE, Truth

__all__ = [
    "COLOURS",
    "NOT_CLAIMED",
    "TRUTH_COLOURS",
    "Records",
    "completeness",
    "containing",
    "finite",
    "name_of",
    "summary",
    "summary_parts",
]


class Records(Protocol):
    """Where a view looks up the record an id names: a Dataset, or a mapping by id."""

    def get(self, key: str, /) -> Record | None: ...


COLOURS: Final[Mapping[Status, str]] = {
    Status.CONFIRMED: "#1b7837",
    Status.REPORTED: "#dfa000",
    Status.DISPUTED: "#c51b7d",
    Status.DENIED: "#762a83",
}
"""The colour of each status, in plots and HTML alike."""

TRUTH_COLOURS: Final[Mapping[Truth, str]] = {
    Truth.YES: "#1b7837",
    Truth.MAYBE: "#b8860b",
    Truth.NO: "#999999",
}
"""The colour of each truth value."""


NOT_CLAIMED: Final = "the data does not claim to be complete here"
"""What an answer no coverage record speaks for says of itself."""


def completeness(count: int, complete: Truth, coverage: Sequence[Coverage] = ()) -> str:
    """What a reader is told of an answer of ``count`` facts: "none" only where the data
    is declared complete; otherwise that nothing is known, or the gap a curator named."""
    if complete is Truth.YES:
        if count == 0:
            return "none"
        return f"complete (declared by {', '.join(record.id for record in coverage)})"
    if complete is Truth.NO:
        gaps = "; ".join(
            f"{record.note} ({record.id})" if record.note else record.id for record in coverage
        )
        found = "none known" if count == 0 else "not all known"
        return f"{found}: the data is known to be incomplete here: {gaps}"
    return f"none known ({NOT_CLAIMED})" if count == 0 else f"perhaps not all: {NOT_CLAIMED}"


def finite(day: datetime.date) -> datetime.date | None:
    """A bound as a plain date, or ``None`` for an open one (on or before / after, not ended)."""
    if day in (MIN_DATE, MAX_DATE):
        return None
    return datetime.date(day.year, day.month, day.day)


def name_of(value: str, records: Records | None) -> str:
    """An entity's name for a reader where ``value`` is its id; else the value itself."""
    record = None if records is None else records.get(value)
    return record.name if isinstance(record, Entity) else value


def summary_parts(fact: Fact, records: Records | None = None) -> tuple[tuple[str, str], ...]:
    """A fact's principal fields as ``(field, shown value)``, entities by name where
    ``records`` knows them; a named fact (a conference, an event) by its name alone."""
    return tuple((field, name_of(value, records)) for field, value in headline(fact))


def summary(fact: Fact, records: Records | None = None) -> str:
    """One line saying what a fact says: ``claimant=... role=...``, or its name."""
    parts = summary_parts(fact, records)
    if parts and parts[0][0] == "name":
        return parts[0][1]
    return " ".join(f"{field}={value}" for field, value in parts)


def containing(first: datetime.date, last: datetime.date) -> str | None:
    """The smallest calendar date (a day, ``YYYY-MM`` or ``YYYY``) holding every day from
    ``first`` to ``last``, as exports that take ISO 8601 prefixes write dates; ``None`` if
    they lie in different years."""
    if first == last:
        return f"{first.year:04d}-{first.month:02d}-{first.day:02d}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    if first.year == last.year:
        return f"{first.year:04d}"
    return None
