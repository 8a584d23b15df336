"""Reading one value of the data format: texts, flags, numbers, dates and periods.

These readers are the converter's hooks for those types (``_convert``) and the fast path's
(``_fast``); they need no cattrs, so that importing the package does not import it.
"""

from __future__ import annotations

import functools
from typing import Final

import attrs
import pendulum

from libyamodel.model import FieldError
from libyamodel.time import PartialDate, Period, PeriodError

__all__ = [
    "date_of",
    "describe",
    "period_of",
    "read_day",
    "read_flag",
    "read_number",
    "read_partial_date",
    "read_period",
    "read_text",
    "shared_text",
    "shared_texts",
]


def describe(value: object) -> str:
    """A short phrase naming what a value is, for error messages."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the flag {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_SHORT_TEXT: Final = 64
_SHARED_TEXTS: Final = 8192
shared_texts: dict[str, str] = {}
"""Short texts seen first (the entities' ids, then references, roles, kinds), kept once so
that every record repeating one shares it: JSON and YAML readers make a copy per record. The
table stops growing at ``_SHARED_TEXTS`` entries, so that unique texts (facts' own ids) do not
cost a table entry each."""


def read_text(value: object, _: type) -> str:
    if not isinstance(value, str):
        hint = "; put it in quotes" if isinstance(value, int | float) else ""
        raise TypeError(f"expected text, got {describe(value)}{hint}")
    return shared_text(value)


def shared_text(value: str) -> str:
    """``value``, or the equal text kept before it (see ``shared_texts``)."""
    shared = shared_texts.get(value)
    if shared is not None:
        return shared
    if len(value) <= _SHORT_TEXT and len(shared_texts) < _SHARED_TEXTS:
        shared_texts[value] = value
    return value


@functools.lru_cache(maxsize=1 << 14)
def _shared_date(text: str) -> PartialDate:
    """A date text's PartialDate, one object for every record that writes the same text (they
    are immutable): a dataset holds far fewer distinct dates than facts."""
    return PartialDate.parse(text)


@functools.lru_cache(maxsize=1 << 16)
def _shared_period(start: str, end: str | None) -> Period:
    """The period from ``start`` to ``end``, one object for every record that writes the same
    bounds (periods are immutable)."""
    first, last = _shared_date(start), None if end is None else _shared_date(end)
    if not _PLAIN_PERIOD:
        return Period(first, last)
    period = object.__new__(Period)
    object.__setattr__(period, "start", first)
    object.__setattr__(period, "end", last)
    period.__attrs_post_init__()  # what Period(first, last) checks, its converters having
    return period  # nothing to do for PartialDates


_PLAIN_PERIOD: Final = [field.name for field in attrs.fields(Period)] == ["start", "end"]
"""Whether a Period is just its start and end, so that ``_shared_period`` can set them."""


def read_flag(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {describe(value)}")
    return value


def read_number(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {describe(value)}")
    return float(value)


def read_day(value: object, _: type) -> pendulum.Date:
    if isinstance(value, str):
        return pendulum.Date.fromisoformat(value)
    raise TypeError(f"expected a date such as 2014-11-13, got {describe(value)}")


def read_partial_date(value: object, _: type) -> PartialDate:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 2014.0 is the number 2014 to JSON readers and the JSON Schema
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise TypeError(f"expected a date such as 2014-11-13, got {describe(value)}")
    return _shared_date(value)


_PERIOD_HELP: Final = "write {start: D, end: D}, {observed: D} or a single date D"


_START_END: Final = frozenset({"start", "end"})
_OBSERVED: Final = ("observed", "on")
"""The key of an observation, and its old name, still read (YAML 1.1 readers take a bare
``on`` for true)."""
_PERIOD_KEYS: Final = ("start", "end", *_OBSERVED)


@functools.lru_cache(maxsize=1 << 14)
def _shared_observation(text: str) -> Period:
    """The observation on the day ``text``, one object for every record that writes it."""
    return Period.observed(_shared_date(text))


def read_period(value: object, _: type) -> Period:
    if type(value) is dict and len(value) == 1:
        for key, day in value.items():
            if key in _OBSERVED and type(day) is str:
                try:
                    return _shared_observation(day)
                except ValueError:
                    pass  # the checks below say what is wrong
    if type(value) is dict and value.keys() <= _START_END:
        start, end = value.get("start"), value.get("end")
        if type(start) is str and (end is None or type(end) is str):
            try:
                return _shared_period(start, end)
            except ValueError:
                pass  # the checks below say what is wrong, field by field
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return Period.once(read_partial_date(value, PartialDate))
    if not isinstance(value, dict):
        raise TypeError(f"expected a period, got {describe(value)}; {_PERIOD_HELP}")
    problems: list[Exception] = [
        FieldError(
            key if key.isidentifier() else "",
            f"unknown key {key!r}; a period has start and end, or observed alone ({_PERIOD_HELP})",
        )
        for key in value
        if key not in _PERIOD_KEYS
    ]
    seen = [key for key in _OBSERVED if key in value]
    if len(seen) > 1:
        problems.append(
            FieldError("on", "observed and on say the same; write observed (on is its old name)")
        )
    if seen and ("start" in value or "end" in value):
        problems.append(
            FieldError(seen[0], f"{seen[0]} stands alone, without start or end; {_PERIOD_HELP}")
        )
    if not seen and "start" not in value:
        problems.append(FieldError("start", f"a period needs a start; {_PERIOD_HELP}"))
    dates: dict[str, PartialDate | None] = {}
    for key in _PERIOD_KEYS:
        if value.get(key) is None:
            if key in value and key != "end":
                problems.append(FieldError(key, f"expected a date, got {describe(None)}"))
            dates[key] = None
            continue
        try:
            dates[key] = read_partial_date(value[key], PartialDate)
        except (TypeError, ValueError) as error:
            problems.append(FieldError(key, str(error)))
    if problems:
        raise ExceptionGroup("invalid period", problems)
    try:
        for key in seen:
            return Period.observed(dates[key])  # type: ignore[arg-type]
        return Period(dates["start"], dates["end"])  # type: ignore[arg-type]
    except PeriodError as error:
        raise FieldError("end" if "end" in value else seen[0], str(error)) from None


def date_of(text: str) -> PartialDate:
    """A date field's text structured as the converter structures it."""
    return _shared_date(text)


def period_of(value: object) -> Period:
    """A period field's value structured as the converter structures it."""
    return read_period(value, Period)
