"""Partial dates, periods and three-valued truth: how libyamodel speaks of time.

Historical dates are often known only to a month, a part of a month, or a bound
("on or before 13 November 2014"). A :class:`PartialDate` keeps the text form a
source gave and the calendar interval it stands for; a :class:`Period` joins two
of them; :class:`Truth` says whether a day is certainly, possibly or certainly
not inside a period.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
import re
from typing import Any, Final, Self

import attrs
import pendulum

from libyamodel.errors import DateFormatError, PeriodError

__all__ = [
    "DateFormatError",
    "DateLike",
    "Open",
    "Part",
    "PartialDate",
    "Period",
    "PeriodError",
    "Precision",
    "Span",
    "Truth",
    "to_date",
]

DateLike = str | datetime.date
"""What every date argument accepts: an ISO ``YYYY-MM-DD`` string, a
``datetime.date`` or a ``pendulum.Date``."""

MIN_DATE: Final = pendulum.Date(1, 1, 1)
MAX_DATE: Final = pendulum.Date(9999, 12, 31)


class Truth(enum.Enum):
    """Kleene's three-valued truth: ``YES``, ``NO`` or ``MAYBE``.

    ``&``, ``|`` and ``~`` follow Kleene's strong logic. A ``Truth`` has no
    boolean value, so that ``MAYBE`` is never silently taken for yes or no:
    compare with ``is Truth.YES`` or use :attr:`possible`.
    """

    NO = 0
    MAYBE = 1
    YES = 2

    def __and__(self, other: Truth) -> Truth:
        if not isinstance(other, Truth):
            return NotImplemented
        return Truth(min(self.value, other.value))

    def __or__(self, other: Truth) -> Truth:
        if not isinstance(other, Truth):
            return NotImplemented
        return Truth(max(self.value, other.value))

    def __invert__(self) -> Truth:
        return Truth(2 - self.value)

    def __bool__(self) -> bool:
        raise TypeError(
            f"{self} has no boolean value; compare with `is Truth.YES`, "
            "or use `.definite` or `.possible`"
        )

    @property
    def definite(self) -> bool:
        """True only for ``YES``."""
        return self is Truth.YES

    @property
    def possible(self) -> bool:
        """True for ``YES`` and ``MAYBE``."""
        return self is not Truth.NO

    @classmethod
    def of(cls, value: bool) -> Truth:
        """The definite truth value of a boolean."""
        return cls.YES if value else cls.NO


class Precision(enum.Enum):
    """The calendar unit a partial date was given in."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Part(enum.Enum):
    """A third of a month (days 1-10, 11-20, 21-end) or of a year (four months)."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"


class Open(enum.Enum):
    """An open bound: ``..D`` is on or before D, ``D..`` is on or after D."""

    BEFORE = "before"
    AFTER = "after"


_FORM = re.compile(
    r"""
    (?P<before>\.\.)?
    (?:(?P<part>early|mid|late)\ )?
    (?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?
    (?P<flag>[~?])?
    (?P<after>\.\.)?
    """,
    re.VERBOSE,
)

FORMS_HELP: Final = (
    "accepted forms: 2014, 2014-06, 2014-06-25, 2017-09-20~ (approximate), "
    "2014-06? (uncertain), early|mid|late 2019-06 (or a year), "
    "..2014-11-13 (on or before), 2014-11-13.. (on or after)"
)


def _month_end(year: int, month: int) -> pendulum.Date:
    return pendulum.Date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, months: int) -> tuple[int, int] | None:
    """The (year, month) ``months`` away, or ``None`` past the calendar's ends."""
    index = year * 12 + month - 1 + months
    year, month = divmod(index, 12)
    return (year, month + 1) if MIN_DATE.year <= year <= MAX_DATE.year else None


def _add_days(day: pendulum.Date, days: int) -> pendulum.Date:
    try:
        return day.add(days=days)
    except OverflowError:
        return MIN_DATE if days < 0 else MAX_DATE


@attrs.frozen(order=False, repr=False)
class PartialDate:
    """A calendar date known to lie between :attr:`earliest` and :attr:`latest`.

    Build one with :meth:`parse` from its text form; ``str()`` gives that form
    back unchanged. Either flag, approximate (``~``) or uncertain (``?``), widens
    the interval by one margin on each side: 7 days for a day, one month for a
    month, one year for a year, so that a flagged date never makes a day certain
    that the unflagged reading would leave in doubt. Ordering is by
    ``(earliest, latest)`` and then by form, which is total and never puts a
    date that certainly comes later before one that certainly comes earlier.
    """

    year: int
    month: int | None = None
    day: int | None = None
    part: Part | None = None
    approximate: bool = False
    uncertain: bool = False
    open: Open | None = None
    earliest: pendulum.Date = attrs.field(init=False, eq=False, hash=False)
    latest: pendulum.Date = attrs.field(init=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        self._check()
        earliest, latest = self._bounds()
        object.__setattr__(self, "earliest", earliest)
        object.__setattr__(self, "latest", latest)

    def _check(self) -> None:
        if not 1 <= self.year <= 9999:
            raise DateFormatError(f"year {self.year} is outside 0001-9999")
        if self.month is None and self.day is not None:
            raise DateFormatError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateFormatError(f"month {self.month:02d} does not exist; months are 01-12")
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateFormatError(
                    f"day {self.day:02d} does not exist in {self.year:04d}-{self.month:02d}, "
                    f"which has {last} days"
                )
        if self.part is not None and self.day is not None:
            raise DateFormatError("early/mid/late qualify a month or a year, not a day")
        if self.approximate and self.uncertain:
            raise DateFormatError("a date is either approximate (~) or uncertain (?), not both")
        if self.open is not None and (self.part is not None or self.approximate or self.uncertain):
            raise DateFormatError("an open bound (..D or D..) takes a plain date")

    def _bounds(self) -> tuple[pendulum.Date, pendulum.Date]:
        year, month, day = self.year, self.month, self.day
        if month is None:
            first, last = 1, 12
            if self.part is not None:
                first = 1 + 4 * _PARTS.index(self.part)
                last = first + 3
            earliest, latest = pendulum.Date(year, first, 1), _month_end(year, last)
        elif day is None:
            earliest, latest = pendulum.Date(year, month, 1), _month_end(year, month)
            if self.part is Part.EARLY:
                latest = pendulum.Date(year, month, 10)
            elif self.part is Part.MID:
                earliest, latest = pendulum.Date(year, month, 11), pendulum.Date(year, month, 20)
            elif self.part is Part.LATE:
                earliest = pendulum.Date(year, month, 21)
        else:
            earliest = latest = pendulum.Date(year, month, day)
        if self.approximate or self.uncertain:
            if day is not None:
                earliest, latest = _add_days(earliest, -7), _add_days(latest, 7)
            else:
                months = 1 if month is not None else 12
                before = _shift_month(earliest.year, earliest.month, -months)
                after = _shift_month(latest.year, latest.month, months)
                earliest = MIN_DATE if before is None else pendulum.Date(*before, 1)
                latest = MAX_DATE if after is None else _month_end(*after)
        if self.open is Open.BEFORE:
            earliest = MIN_DATE
        elif self.open is Open.AFTER:
            latest = MAX_DATE
        return earliest, latest

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read one of the text forms; raise :class:`DateFormatError` otherwise.

        Partial dates are immutable, so the same text gives the same object.
        """
        if cls is PartialDate and isinstance(text, str):
            return _parse_cached(text)  # type: ignore[return-value]
        return cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> Self:
        match = _FORM.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise DateFormatError(f"{text!r} is not a partial date; {FORMS_HELP}")
        if match["before"] and match["after"]:
            raise DateFormatError(
                f"{text!r} is open at both ends; write a period {{start: ..D, end: D..}} instead"
            )
        flag, part = match["flag"], match["part"]
        opening = Open.BEFORE if match["before"] else Open.AFTER if match["after"] else None
        try:
            return cls(
                year=int(match["year"]),
                month=int(match["month"]) if match["month"] else None,
                day=int(match["day"]) if match["day"] else None,
                part=Part(part) if part else None,
                approximate=flag == "~",
                uncertain=flag == "?",
                open=opening,
            )
        except DateFormatError as error:
            raise DateFormatError(f"{text!r}: {error}") from None

    @classmethod
    def of(cls, day: DateLike) -> Self:
        """The exact partial date of one calendar day."""
        value = to_date(day)
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def precision(self) -> Precision:
        """The unit the date was given in."""
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    @property
    def exact(self) -> bool:
        """True when the date is one known day."""
        return self.earliest == self.latest

    def sort_key(self) -> tuple[pendulum.Date, pendulum.Date, str]:
        """The key that orders partial dates: bounds first, then the text form."""
        return (self.earliest, self.latest, str(self))

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.part is not None:
            text = f"{self.part.value} {text}"
        if self.approximate:
            text += "~"
        if self.uncertain:
            text += "?"
        if self.open is Open.BEFORE:
            text = ".." + text
        elif self.open is Open.AFTER:
            text += ".."
        return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() >= other.sort_key()


@functools.lru_cache(maxsize=65_536)
def _parse_cached(text: str) -> PartialDate:
    return PartialDate._parse(text)


_PARTS: Final = tuple(Part)


def _as_partial(value: PartialDate | DateLike) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, str):
        return PartialDate.parse(value)
    return PartialDate.of(value)


def _as_optional_partial(value: PartialDate | DateLike | None) -> PartialDate | None:
    return None if value is None else _as_partial(value)


@attrs.frozen(repr=False)
class Period:
    """The time a fact holds: from :attr:`start` to :attr:`end`.

    An end of ``None`` means the fact has not ended. An observation seen on one
    day only is :meth:`observed` (``{on: D}`` in data files): definite on that
    day, possible before and after it.
    """

    start: PartialDate = attrs.field(converter=_as_partial)
    end: PartialDate | None = attrs.field(default=None, converter=_as_optional_partial)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.start.earliest > self.end.latest:
            raise PeriodError(
                f"the period starts ({self.start}) after it ends ({self.end}); "
                "swap them or widen one of the dates"
            )

    @classmethod
    def observed(cls, on: PartialDate | DateLike) -> Self:
        """A fact seen on ``on`` with no knowledge of when it began or ended."""
        day = _as_partial(on)
        if day.open is not None:
            raise PeriodError(f"an observation needs a plain date, not {day}")
        return cls(attrs.evolve(day, open=Open.BEFORE), attrs.evolve(day, open=Open.AFTER))

    @classmethod
    def once(cls, when: PartialDate | DateLike) -> Self:
        """Something that happened once, at a date known to ``when``'s precision."""
        day = _as_partial(when)
        return cls(day, day)

    @property
    def observation(self) -> PartialDate | None:
        """The day of an observation made with :meth:`observed`, else ``None``."""
        start, end = self.start, self.end
        if (
            end is not None
            and start.open is Open.BEFORE
            and end.open is Open.AFTER
            and attrs.evolve(start, open=None) == attrs.evolve(end, open=None)
        ):
            return attrs.evolve(start, open=None)
        return None

    @property
    def earliest(self) -> pendulum.Date:
        """The first day the period can include."""
        return self.start.earliest

    @property
    def latest(self) -> pendulum.Date:
        """The last day the period can include (the far future if not ended)."""
        return MAX_DATE if self.end is None else self.end.latest

    @property
    def certain_from(self) -> pendulum.Date:
        """The latest day the period can start: its start's latest, unless its end must
        come sooner (``2012-10-04.. to ..2012-10-04`` can only run on the 4th)."""
        start = self.start.latest
        return start if self.end is None else min(start, self.end.latest)

    @property
    def certain_until(self) -> pendulum.Date:
        """The earliest day the period can end (the last day of time if it has not ended):
        its end's earliest, unless its start must come later."""
        if self.end is None:
            return MAX_DATE
        return max(self.end.earliest, self.start.earliest)

    def truth(self, on: DateLike) -> Truth:
        """YES if ``on`` is certainly inside, NO if certainly outside, else MAYBE."""
        day = to_date(on)
        end = self.end
        if day < self.start.earliest or (end is not None and day > end.latest):
            return Truth.NO
        if self.certain_from <= day <= self.certain_until:
            return Truth.YES
        return Truth.MAYBE

    def overlaps(self, first: DateLike, last: DateLike) -> Truth:
        """Whether the period shares a day with ``first`` to ``last`` (inclusive)."""
        lo, hi = to_date(first), to_date(last)
        if lo > hi:
            raise ValueError(f"the span ends ({hi}) before it starts ({lo})")
        end = self.end
        if self.start.earliest > hi or (end is not None and end.latest < lo):
            return Truth.NO
        if self.certain_from <= hi and self.certain_until >= lo:
            return Truth.YES
        return Truth.MAYBE

    def __str__(self) -> str:
        observed = self.observation
        if observed is not None:
            return f"on {observed}"
        if self.end == self.start:
            return str(self.start)
        return f"{self.start} to {'now' if self.end is None else self.end}"

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"


@attrs.frozen(repr=False)
class Span:
    """The days something can hold (:attr:`earliest` to :attr:`latest`) and the days it
    certainly holds (:attr:`certain_from` to :attr:`certain_until`, none if the first comes
    after the second): a period's, an entity's lifespan, or what is left of a fact's
    period within the lifespans of the entities it names.

    ``a & b`` holds on a day where both hold (Kleene's "and", day by day).
    """

    earliest: pendulum.Date
    latest: pendulum.Date
    certain_from: pendulum.Date
    certain_until: pendulum.Date

    @classmethod
    def of(cls, period: Period) -> Self:
        """The days a period can and must cover."""
        return cls(period.earliest, period.latest, period.certain_from, period.certain_until)

    @classmethod
    def between(cls, start: PartialDate | None, end: PartialDate | None) -> Self:
        """From ``start`` to ``end``, both days inside; a missing bound is no bound."""
        return cls(
            MIN_DATE if start is None else start.earliest,
            MAX_DATE if end is None else end.latest,
            MIN_DATE if start is None else start.latest,
            MAX_DATE if end is None else end.earliest,
        )

    @property
    def empty(self) -> bool:
        """True when no day can be inside."""
        return self.earliest > self.latest

    @property
    def bounded(self) -> bool:
        """True unless every day is certainly inside (nothing bounds it)."""
        return self != ALWAYS

    def truth(self, on: DateLike) -> Truth:
        """YES if ``on`` is certainly inside, NO if certainly outside, else MAYBE."""
        day = to_date(on)
        if day < self.earliest or day > self.latest:
            return Truth.NO
        if self.certain_from <= day <= self.certain_until:
            return Truth.YES
        return Truth.MAYBE

    def __and__(self, other: Span) -> Span:
        if not isinstance(other, Span):
            return NotImplemented
        return Span(
            max(self.earliest, other.earliest),
            min(self.latest, other.latest),
            max(self.certain_from, other.certain_from),
            min(self.certain_until, other.certain_until),
        )

    def __str__(self) -> str:
        def day(value: pendulum.Date) -> str:
            return ".." if value in (MIN_DATE, MAX_DATE) else value.isoformat()

        if self.empty:
            return "on no day"
        certain = (
            f"certainly {day(self.certain_from)} to {day(self.certain_until)}"
            if self.certain_from <= self.certain_until
            else "certainly on no day"
        )
        return f"possibly {day(self.earliest)} to {day(self.latest)}, {certain}"

    def __repr__(self) -> str:
        return f"Span({str(self)!r})"


ALWAYS: Final = Span(MIN_DATE, MAX_DATE, MIN_DATE, MAX_DATE)
"""The span of something nothing bounds: certain on every day."""


def to_date(value: DateLike | Any) -> pendulum.Date:
    """Turn an ISO string, ``datetime.date`` or ``pendulum.Date`` into a ``pendulum.Date``."""
    if isinstance(value, pendulum.Date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.datetime):
        raise TypeError(f"expected a date, got the datetime {value!r}; pass value.date()")
    if isinstance(value, datetime.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return pendulum.Date.fromisoformat(value)
        except ValueError:
            raise DateFormatError(
                f"{value!r} is not an ISO date; write YYYY-MM-DD, e.g. 2014-11-13"
            ) from None
    raise TypeError(f"expected an ISO date string, datetime.date or pendulum.Date, got {value!r}")
