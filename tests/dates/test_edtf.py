"""The EDTF bridge, checked against the ``edtf`` package as the reference reader of EDTF.

For every date and period the library can write, the text reads back to the same value,
and the strict bounds ``edtf`` computes for it are the library's bounds of the date
without its flag (EDTF gives ``~`` and ``?`` no margin; the library's widening is its own).
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from libyamodel import DateFormatError, PartialDate, Period
from libyamodel.strategies import partial_dates, periods
from libyamodel.time import EdtfError, Open

edtf = pytest.importorskip("edtf")

OPEN = "open"
UNKNOWN = "unknown"

Bound = datetime.date | str


def _day(moment: Any) -> datetime.date:
    return datetime.date(moment.tm_year, moment.tm_mon, moment.tm_mday)


def _section(section: Any, lower: bool) -> Bound:
    """One end of an EDTF interval or open set as ``edtf`` reads it."""
    if type(section).__name__ == "UnspecifiedIntervalSection":
        return OPEN if section.is_open else UNKNOWN
    return _day(section.lower_strict() if lower else section.upper_strict())


def reference_bounds(text: str) -> tuple[Bound, Bound]:
    """The strict bounds ``edtf`` gives ``text``, with its open and unknown ends named
    (its ``lower_strict`` fails on an open end, and makes up ten years for an unknown one)."""
    parsed = edtf.parse_edtf(text)
    if type(parsed).__name__ == "OneOfASet" and len(parsed.objects) == 1:
        parsed = parsed.objects[0]
    if hasattr(parsed, "lower") and hasattr(parsed, "upper"):
        return _section(parsed.lower, True), _section(parsed.upper, False)
    return _day(parsed.lower_strict()), _day(parsed.upper_strict())


def unflagged(day: PartialDate) -> PartialDate:
    return attrs.evolve(day, approximate=False, uncertain=False)


def expected_bounds(day: PartialDate) -> tuple[Bound, Bound]:
    plain = unflagged(day)
    return (
        OPEN if day.open is Open.BEFORE else plain.earliest,
        OPEN if day.open is Open.AFTER else plain.latest,
    )


def writable(day: PartialDate) -> bool:
    """What the docs promise EDTF can hold: all but a flagged third of a month or year."""
    return day.part is None or not (day.approximate or day.uncertain)


@settings(max_examples=100)
@given(partial_dates())
def test_every_writable_date_round_trips_with_the_reference_bounds(day: PartialDate) -> None:
    if not writable(day):
        with pytest.raises(EdtfError, match="cannot be written in EDTF"):
            day.to_edtf()
        return
    text = day.to_edtf()
    assert PartialDate.from_edtf(text) == day
    assert reference_bounds(text) == expected_bounds(day)
    parsed = edtf.parse_edtf(text)
    if day.open is None:
        assert (parsed.is_approximate, parsed.is_uncertain) == (day.approximate, day.uncertain)


def single_dates(period: Period) -> bool:
    """Whether both ends are single dates (no open bound, no third of a month or year);
    the docs promise EDTF holds every such period, and no observation."""
    ends = (period.start,) if period.end is None else (period.start, period.end)
    return all(end.open is None and end.part is None for end in ends)


@settings(max_examples=150)
@given(periods())
def test_every_writable_period_round_trips_with_the_reference_bounds(period: Period) -> None:
    try:
        text = period.to_edtf()
    except EdtfError:
        assert not single_dates(period)
        return
    assert Period.from_edtf(text) == period
    start, end = period.start, period.end
    lower = UNKNOWN if start.open is Open.BEFORE else unflagged(start).earliest
    if end is None:
        upper: Bound = OPEN
    elif end.open is Open.AFTER:
        upper = UNKNOWN
    else:
        upper = unflagged(end).latest
    assert reference_bounds(text) == (lower, upper)


@given(partial_dates(open_bounds=False).filter(lambda day: day.part is None))
def test_a_period_between_dates_is_always_written(day: PartialDate) -> None:
    for period in (Period.once(day), Period(day)):
        assert Period.from_edtf(period.to_edtf()) == period


@pytest.mark.parametrize(
    ("edtf_text", "library"),
    [
        ("2019", "2019"),
        ("2019-06-25~", "2019-06-25~"),
        ("2019-06?", "2019-06?"),
        ("2019-XX", "2019"),
        ("2019-06-XX", "2019-06"),
        ("2019-XX-XX~", "2019~"),
        ("2019-37", "early 2019"),
        ("2019-38", "mid 2019"),
        ("2019-39", "late 2019"),
        ("[2016-02-21..2016-02-29]", "late 2016-02"),
        ("[..2014-11-13]", "..2014-11-13"),
        ("[2014-06..]", "2014-06.."),
    ],
)
def test_edtf_dates_read_as_the_library_form(edtf_text: str, library: str) -> None:
    assert PartialDate.from_edtf(edtf_text) == PartialDate.parse(library)


@pytest.mark.parametrize("code", ["2019-37", "2019-38", "2019-39", "2019-02-XX", "2019-XX"])
def test_groupings_and_unknown_digits_have_the_reference_bounds(code: str) -> None:
    assert reference_bounds(code) == expected_bounds(PartialDate.from_edtf(code))


@pytest.mark.parametrize(
    "text",
    [
        "20X9",  # unknown digits in the year: several years
        "XXXX",
        "2019-XX-05",  # a known day in an unknown month
        "2019%",  # both uncertain and approximate
        "2019-21",  # a season
        "2019-06-25T10:00:00",
        "Y12345",
        "-0100",
        "2019?-06",  # qualification of one component only
        "[2019-06-01..2019-06-09]",  # days that are not a third of the month
        "{2019-06-01..2019-06-10}",
        "[..2019~]",
        "2019-06-01/2019-06-10",
        "2019-02-30",
        "",
    ],
)
def test_dates_the_library_cannot_hold_are_refused(text: str) -> None:
    with pytest.raises(EdtfError, match=repr(text).replace("[", r"\[").replace("?", r"\?")):
        PartialDate.from_edtf(text)


def test_the_edtf_error_is_a_date_format_error() -> None:
    with pytest.raises(DateFormatError):
        PartialDate.from_edtf("2019%")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019/2020", "2019", "2020"),
        ("2019-06~/2020-01-03?", "2019-06~", "2020-01-03?"),
        ("2019/..", "2019", None),
        ("2019/", "2019", "2019.."),
        ("/2019-06", "..2019-06", "2019-06"),
        ("2019~/", "2019~", "2018-01-01.."),
        ("/2019-06?", "..2019-07-31", "2019-06?"),
        ("2019-XX/2020-06-XX", "2019", "2020-06"),
    ],
)
def test_edtf_intervals_read_as_periods(text: str, start: str, end: str | None) -> None:
    period = Period.from_edtf(text)
    assert period == Period(start, end)
    assert period.to_edtf() == text.replace("-XX", "")


@pytest.mark.parametrize(
    "text",
    ["../2019", "/", "/..", "2019", "2020/2019", "2019-37/2020", "[..2019]/2020", "2019/2020/2021"],
)
def test_intervals_the_library_cannot_hold_are_refused(text: str) -> None:
    with pytest.raises(EdtfError):
        Period.from_edtf(text)


@pytest.mark.parametrize(
    "period",
    [
        Period.observed("2014-11-13"),
        Period("..2014-11-13", "2016"),
        Period("2014", "2016-03.."),
        Period("early 2019", "2020"),
        Period.once("late 2019-06"),
    ],
)
def test_periods_edtf_cannot_hold_are_refused_by_name(period: Period) -> None:
    with pytest.raises(EdtfError, match=str(period)):
        period.to_edtf()


@given(st.sampled_from(["early", "mid", "late"]), st.sampled_from(["~", "?"]))
def test_a_flagged_third_is_refused(part: str, flag: str) -> None:
    for text in (f"{part} 2019{flag}", f"{part} 2019-06{flag}"):
        with pytest.raises(EdtfError, match=text):
            PartialDate.parse(text).to_edtf()
