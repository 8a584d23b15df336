"""PartialDate: every text form parses, prints back unchanged, and has the right bounds."""

from __future__ import annotations

import datetime

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from libyamodel import DateFormatError, LibyaModelError, PartialDate, Precision
from libyamodel.strategies import partial_dates

D = pendulum.Date

FORMS = [
    ("2014", D(2014, 1, 1), D(2014, 12, 31), Precision.YEAR),
    ("2014-06", D(2014, 6, 1), D(2014, 6, 30), Precision.MONTH),
    ("2014-02", D(2014, 2, 1), D(2014, 2, 28), Precision.MONTH),
    ("2016-02", D(2016, 2, 1), D(2016, 2, 29), Precision.MONTH),
    ("2014-06-25", D(2014, 6, 25), D(2014, 6, 25), Precision.DAY),
    ("2017-09-20~", D(2017, 9, 13), D(2017, 9, 27), Precision.DAY),
    ("2014-06?", D(2014, 5, 1), D(2014, 7, 31), Precision.MONTH),
    ("2014~", D(2013, 1, 1), D(2015, 12, 31), Precision.YEAR),
    ("early 2019-06", D(2019, 6, 1), D(2019, 6, 10), Precision.MONTH),
    ("mid 2019-06", D(2019, 6, 11), D(2019, 6, 20), Precision.MONTH),
    ("late 2016-03", D(2016, 3, 21), D(2016, 3, 31), Precision.MONTH),
    ("late 2016-02", D(2016, 2, 21), D(2016, 2, 29), Precision.MONTH),
    ("early 2017", D(2017, 1, 1), D(2017, 4, 30), Precision.YEAR),
    ("mid 2017", D(2017, 5, 1), D(2017, 8, 31), Precision.YEAR),
    ("late 2017", D(2017, 9, 1), D(2017, 12, 31), Precision.YEAR),
    ("..2014-11-13", D(1, 1, 1), D(2014, 11, 13), Precision.DAY),
    ("2014-11-13..", D(2014, 11, 13), D(9999, 12, 31), Precision.DAY),
    ("2016-04..", D(2016, 4, 1), D(9999, 12, 31), Precision.MONTH),
    ("..2016", D(1, 1, 1), D(2016, 12, 31), Precision.YEAR),
]


@pytest.mark.parametrize(("text", "earliest", "latest", "precision"), FORMS)
def test_each_form_has_its_bounds_and_prints_back(text, earliest, latest, precision):
    date = PartialDate.parse(text)
    assert (date.earliest, date.latest, date.precision) == (earliest, latest, precision)
    assert str(date) == text
    assert type(date.earliest) is pendulum.Date
    assert type(date.latest) is pendulum.Date


def test_flags_are_read():
    assert PartialDate.parse("2017-09-20~").approximate
    assert not PartialDate.parse("2017-09-20~").uncertain
    assert PartialDate.parse("2014-06?").uncertain
    assert PartialDate.parse("2014-06-25").exact
    assert not PartialDate.parse("2014-06").exact


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2014-13-45", "month 13"),
        ("2014-02-30", "day 30 does not exist"),
        ("2014/06/01", "not a partial date"),
        ("June 2014", "not a partial date"),
        ("", "not a partial date"),
        ("early 2014-06-01", "not a day"),
        ("..2014..", "open at both ends"),
        ("..2014~", "plain date"),
        ("0000", "outside"),
        ("2014-06~?", "not a partial date"),
    ],
)
def test_bad_forms_are_refused_with_a_reason(text, fragment):
    with pytest.raises(DateFormatError, match=fragment) as caught:
        PartialDate.parse(text)
    assert isinstance(caught.value, LibyaModelError)
    assert isinstance(caught.value, ValueError)


def test_of_a_day_accepts_every_date_type():
    expected = PartialDate.parse("2014-11-13")
    assert PartialDate.of("2014-11-13") == expected
    assert PartialDate.of(datetime.date(2014, 11, 13)) == expected
    assert PartialDate.of(pendulum.Date(2014, 11, 13)) == expected


@given(partial_dates())
def test_parse_inverts_str(date):
    assert PartialDate.parse(str(date)) == date


@given(partial_dates())
def test_bounds_are_ordered(date):
    assert date.earliest <= date.latest


@given(partial_dates(), partial_dates())
def test_order_is_consistent_with_bounds(a, b):
    if a.latest < b.earliest:
        assert a < b
        assert not b <= a
    assert (a < b) + (a == b) + (a > b) == 1


@given(partial_dates(), partial_dates(), partial_dates())
def test_order_is_transitive(a, b, c):
    if a <= b <= c:
        assert a <= c


@given(st.lists(partial_dates(), max_size=8))
def test_sorting_never_puts_a_certainly_later_date_first(dates):
    ordered = sorted(dates)
    for i, earlier in enumerate(ordered):
        for later in ordered[i + 1 :]:
            assert not later.latest < earlier.earliest
