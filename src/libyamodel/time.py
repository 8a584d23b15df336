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

from libyamodel.errors import DateFormatError, EdtfError, PeriodError

__all__ = [
    "DateFormatError",
    "DateLike",
    "EdtfError",
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

    def to_edtf(self) -> str:
        """This date in EDTF (ISO 8601-2); raise :class:`EdtfError` if EDTF has no form for it.

        Plain and flagged dates are written as they are (``2019-06~``), a third of a year
        as its four-month grouping (``2019-37``), a third of a month as a set of days
        (``[2019-06-01..2019-06-10]``), open bounds as open sets (``[..2014-11-13]``).
        """
        if self.open is not None:
            plain = str(attrs.evolve(self, open=None))
            return f"[..{plain}]" if self.open is Open.BEFORE else f"[{plain}..]"
        if self.part is not None:
            if self.approximate or self.uncertain:
                raise EdtfError(
                    f"{self} cannot be written in EDTF: it has no approximate or uncertain "
                    "form of a third of a year or of a month; drop the flag, or widen the "
                    "date to the whole month or year"
                )
            if self.month is None:
                return f"{self.year:04d}-{_QUADRIMESTER + _PARTS.index(self.part)}"
            return f"[{self.earliest.isoformat()}..{self.latest.isoformat()}]"
        return str(self)

    @classmethod
    def from_edtf(cls, text: str) -> Self:
        """Read an EDTF date; raise :class:`EdtfError` for one the library cannot hold.

        Reads Level 0 and 1 dates (with ``?`` or ``~``, and ``X`` for an unknown month or
        day), the groupings 37-39 and the sets :meth:`to_edtf` writes.
        """
        if not isinstance(text, str):
            raise EdtfError(f"{text!r} is not EDTF text; {EDTF_HELP}")
        opened = _EDTF_OPEN_SET.fullmatch(text)
        if opened is not None:
            inner = opened["before"] or opened["after"]
            day = _edtf_date(text, inner)
            if day.approximate or day.uncertain or day.part is not None:
                raise EdtfError(
                    f"{text!r}: an open bound takes a plain date, not {inner!r}; {EDTF_HELP}"
                )
            bound = Open.BEFORE if opened["before"] else Open.AFTER
            return cls(year=day.year, month=day.month, day=day.day, open=bound)
        days = _EDTF_DAY_SET.fullmatch(text)
        if days is not None:
            return cls._from_days(text, days)
        if text.startswith(("[", "{")):
            raise EdtfError(
                f"{text!r}: the only EDTF sets the library holds are open bounds "
                f"([..D], [D..]) and a third of a month; {EDTF_HELP}"
            )
        if "/" in text:
            raise EdtfError(f"{text!r} is an EDTF interval; read it with Period.from_edtf")
        day = _edtf_date(text, text)
        return cls(
            year=day.year,
            month=day.month,
            day=day.day,
            part=day.part,
            approximate=day.approximate,
            uncertain=day.uncertain,
        )

    @classmethod
    def _from_days(cls, text: str, days: re.Match[str]) -> Self:
        first, last = days["first"], days["last"]
        if first[:7] == last[:7]:
            year, month = int(first[:4]), int(first[5:7])
            for part in _PARTS:
                try:
                    candidate = cls(year=year, month=month, part=part)
                except DateFormatError:
                    break
                if (candidate.earliest.isoformat(), candidate.latest.isoformat()) == (first, last):
                    return candidate
        raise EdtfError(
            f"{text!r}: a set of days is held only when it is a third of a month "
            "(days 1-10, 11-20 or 21 to the end); write the month or a single day instead"
        )

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


_QUADRIMESTER: Final = 37
"""EDTF's code for the first four-month third of a year (37-39: Jan-Apr, May-Aug, Sep-Dec)."""

EDTF_HELP: Final = (
    "EDTF forms the library holds: 2014, 2014-06, 2014-06-25, with ? or ~ at the end, "
    "2014-XX and 2014-06-XX (unknown month or day), 2019-37|38|39 (a four-month third), "
    "[2019-06-01..2019-06-10] (a third of a month), [..2014-11-13], [2014-11-13..]"
)

_EDTF_DATE: Final = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?)?(?P<flag>[~?%])?"
)
_EDTF_OPEN_SET: Final = re.compile(r"\[(?:\.\.(?P<before>[^\[\]]+)|(?P<after>[^\[\]]+)\.\.)\]")
_EDTF_DAY_SET: Final = re.compile(
    r"\[(?P<first>[0-9]{4}-[0-9]{2}-[0-9]{2})\.\.(?P<last>[0-9]{4}-[0-9]{2}-[0-9]{2})\]"
)


def _edtf_date(text: str, date: str) -> PartialDate:
    """The library's reading of one EDTF date ``date`` found in ``text``."""
    match = _EDTF_DATE.fullmatch(date)
    if match is None and "X" in date[:4]:
        raise EdtfError(
            f"{text!r}: an unknown digit in the year spans several years and has no "
            "library form; write a period, or a bound like ..2019 or 2010.."
        )
    if match is None:
        raise EdtfError(f"{text!r}: {date!r} is not an EDTF date the library holds; {EDTF_HELP}")
    month, day, flag = match["month"], match["day"], match["flag"]
    if flag == "%":
        raise EdtfError(
            f"{text!r} is both uncertain and approximate (%); the library holds a date as "
            "one or the other: choose ? or ~"
        )
    if month == "XX" and day not in (None, "XX"):
        raise EdtfError(
            f"{text!r}: a known day in an unknown month has no library form; "
            "write the year, or the month if you know it"
        )
    part = None
    if month is not None and month != "XX" and int(month) > 12:
        code = int(month)
        if day is not None or not _QUADRIMESTER <= code < _QUADRIMESTER + 3:
            raise EdtfError(
                f"{text!r}: of EDTF's seasons and sub-year groupings only 37-39 "
                "(a four-month third of a year) have a library form "
                f"(early, mid, late); {EDTF_HELP}"
            )
        part, month = _PARTS[code - _QUADRIMESTER], None
    try:
        return PartialDate(
            year=int(match["year"]),
            month=None if month in (None, "XX") else int(month),
            day=None if day in (None, "XX") else int(day),
            part=part,
            approximate=flag == "~",
            uncertain=flag == "?",
        )
    except DateFormatError as error:
        raise EdtfError(f"{text!r}: {error}") from None


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
    day only is :meth:`observed` (``{observed: D}`` in data files): definite on that
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
        if day.open is not None or day.part is not None or day.approximate or day.uncertain:
            raise PeriodError(
                f"an observation needs a plain date (no ~, ?, early/mid/late or ..), not {day}"
            )
        return cls(attrs.evolve(day, open=Open.BEFORE), attrs.evolve(day, open=Open.AFTER))

    @classmethod
    def once(cls, when: PartialDate | DateLike) -> Self:
        """Something that happened once, at a date known to ``when``'s precision."""
        day = _as_partial(when)
        return cls(day, day)

    def to_edtf(self) -> str:
        """This period as an EDTF interval ``start/end``; raise :class:`EdtfError` if EDTF has
        no interval for it.

        A period that has not ended ends in ``..`` (EDTF's open end); an end read from an
        unknown EDTF end (``2019/``) is written back as one. Observations, and ends that
        are a third of a month or year or an open bound, have no EDTF interval form.
        """
        start, end = self.start, self.end
        if self.observation is not None:
            raise EdtfError(
                f"{self} is an observation (held on {self.observation}, start and end "
                "unknown), which EDTF has no interval for; write the day alone with "
                "PartialDate.to_edtf() if that is what you mean"
            )
        if end is None:
            last = ".."
        elif end == _unknown_end(start):
            last = ""
        else:
            last = _edtf_end(self, end, "end")
        if end is not None and start == _unknown_start(end):
            first = ""
        else:
            first = _edtf_end(self, start, "start")
        return f"{first}/{last}"

    @classmethod
    def from_edtf(cls, text: str) -> Self:
        """Read an EDTF interval ``start/end``; raise :class:`EdtfError` for one the library
        cannot hold.

        An open end (``2019/..``) has not ended; an unknown end (``2019/``) ended on a day
        not known, on or after the start; an unknown start (``/2019``) is on or before the
        end. An open start (``../2019``, no beginning at all) has no library form.
        """
        if not isinstance(text, str) or text.count("/") != 1:
            raise EdtfError(
                f"{text!r} is not an EDTF interval start/end; a single date is read with "
                "PartialDate.from_edtf, and Period.once(date) makes it a period"
            )
        first, last = text.split("/")
        if first == "..":
            raise EdtfError(
                f"{text!r} has an open start (..): it never began, and a library period "
                "always begins on some day; an unknown start (/D) is read as on or before D"
            )
        if first == "" and last in ("", ".."):
            raise EdtfError(f"{text!r}: an interval needs at least one known end")
        end = None if last in ("", "..") else _edtf_period_end(text, last)
        start = _edtf_period_end(text, first) if first else None
        if start is None:
            assert end is not None
            start = _unknown_start(end)
        elif last == "":
            end = _unknown_end(start)
        try:
            return cls(start, end)
        except PeriodError as error:
            raise EdtfError(f"{text!r}: {error}") from None

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


def _plain(day: PartialDate) -> bool:
    return day.open is None and day.part is None and not (day.approximate or day.uncertain)


def _unknown_end(start: PartialDate) -> PartialDate:
    """What an unknown EDTF end means after ``start``: an end on or after it."""
    if _plain(start):
        return attrs.evolve(start, open=Open.AFTER)
    day = start.earliest
    return PartialDate(day.year, day.month, day.day, open=Open.AFTER)


def _unknown_start(end: PartialDate) -> PartialDate:
    """What an unknown EDTF start means before ``end``: a start on or before it."""
    if _plain(end):
        return attrs.evolve(end, open=Open.BEFORE)
    day = end.latest
    return PartialDate(day.year, day.month, day.day, open=Open.BEFORE)


def _edtf_end(period: Period, end: PartialDate, which: str) -> str:
    """The ``which`` end of ``period`` as an EDTF interval end."""
    if end.open is not None or end.part is not None:
        raise EdtfError(
            f"{period} cannot be written as an EDTF interval: its {which} {end} is "
            f"{'an open bound' if end.open is not None else 'a third of a month or year'}, "
            "and EDTF interval ends are single dates"
        )
    return end.to_edtf()


def _edtf_period_end(text: str, end: str) -> PartialDate:
    """One end of the EDTF interval ``text``."""
    if end.startswith(("[", "{")) or ".." in end:
        raise EdtfError(f"{text!r}: an EDTF interval end is a single date, not {end!r}")
    day = PartialDate.from_edtf(end)
    if day.part is not None:
        raise EdtfError(
            f"{text!r}: a four-month third ({end!r}) is not read as an interval end, as "
            "EDTF intervals end in dates; write the month it starts or ends in"
        )
    return day


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
