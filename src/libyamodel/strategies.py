"""Hypothesis strategies for libyamodel's types, for users' property tests and our own.

Importing this module needs Hypothesis (``pip install libyamodel[test]``);
``import libyamodel`` never imports it.
"""

from __future__ import annotations

import datetime

import pendulum
from hypothesis import strategies as st

from libyamodel.model import (
    Actor,
    ActorKind,
    Evidence,
    Stance,
)
from libyamodel.time import Open, Part, PartialDate, Period

__all__ = [
    "actors",
    "days",
    "evidence",
    "ids",
    "names",
    "partial_dates",
    "periods",
]

_FIRST = datetime.date(1900, 1, 1)
_LAST = datetime.date(2100, 12, 31)


def days(
    min_value: datetime.date = _FIRST, max_value: datetime.date = _LAST
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar days as ``pendulum.Date``, between the bounds given."""
    return st.dates(min_value, max_value).map(lambda d: pendulum.Date(d.year, d.month, d.day))


@st.composite
def _partial_date(
    draw: st.DrawFn,
    min_value: datetime.date,
    max_value: datetime.date,
    open_bounds: bool,
    qualified: bool = True,
) -> PartialDate:
    day = draw(st.dates(min_value, max_value))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    month = None if precision == "year" else day.month
    exact_day = day.day if precision == "day" else None
    opening = draw(st.sampled_from([None, Open.BEFORE, Open.AFTER])) if open_bounds else None
    part = flag = None
    if opening is None and qualified:
        if precision != "day":
            part = draw(st.sampled_from([None, *Part]))
        flag = draw(st.sampled_from([None, "~", "?"]))
    return PartialDate(
        year=day.year,
        month=month,
        day=exact_day,
        part=part,
        approximate=flag == "~",
        uncertain=flag == "?",
        open=opening,
    )


def partial_dates(
    min_value: datetime.date = _FIRST,
    max_value: datetime.date = _LAST,
    *,
    open_bounds: bool = True,
) -> st.SearchStrategy[PartialDate]:
    """Partial dates of every form, anchored between ``min_value`` and ``max_value``."""
    if min_value > max_value:
        raise ValueError(f"min_value {min_value} is after max_value {max_value}")
    return _partial_date(min_value, max_value, open_bounds)


@st.composite
def _period(
    draw: st.DrawFn, min_value: datetime.date, max_value: datetime.date, ongoing: bool
) -> Period:
    form = draw(st.sampled_from(["span", "once", "observed"] + (["ongoing"] if ongoing else [])))
    if form == "observed":
        return Period.observed(draw(_partial_date(min_value, max_value, False, False)))
    start = draw(partial_dates(min_value, max_value))
    if form == "once":
        return Period.once(start)
    if form == "ongoing":
        return Period(start)
    floor = max(start.earliest, min_value)
    floor = datetime.date(floor.year, floor.month, floor.day)
    return Period(start, draw(partial_dates(min(floor, max_value), max_value)))


def periods(
    min_value: datetime.date = _FIRST,
    max_value: datetime.date = _LAST,
    *,
    ongoing: bool = True,
) -> st.SearchStrategy[Period]:
    """Valid periods of every form: spans, one-off dates, observations, ongoing facts."""
    if min_value > max_value:
        raise ValueError(f"min_value {min_value} is after max_value {max_value}")
    return _period(min_value, max_value, ongoing)


def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Slug ids, optionally with a fixed prefix."""
    body = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
    return body.map(lambda text: prefix + text if prefix else text)


def names() -> st.SearchStrategy[str]:
    """Non-empty display names."""
    return st.text(min_size=1, max_size=30).filter(lambda text: bool(text.strip()))


def evidence(
    sources: st.SearchStrategy[str] | None = None,
    stances: tuple[Stance, ...] = tuple(Stance),
) -> st.SearchStrategy[Evidence]:
    """Evidence items citing ids drawn from ``sources`` with one of ``stances``."""
    return st.builds(
        Evidence,
        source=sources if sources is not None else ids(),
        quote=names(),
        stance=st.sampled_from(stances),
        locator=st.none() | names(),
        attributed_to=st.none() | ids(),
    )


def actors(kinds: tuple[ActorKind, ...] = tuple(ActorKind)) -> st.SearchStrategy[Actor]:
    """Actors of the given kinds."""
    return st.builds(
        Actor,
        id=ids(),
        name=names(),
        kind=st.sampled_from(kinds),
        aliases=st.lists(names(), max_size=3).map(tuple),
        note=st.none() | names(),
    )
