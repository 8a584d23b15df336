"""Period: validity, the observation shorthand, and three-valued truth on a day."""

from __future__ import annotations

import datetime

import pendulum
import pytest
from hypothesis import given

from libyamodel import PartialDate, Period, PeriodError, Truth
from libyamodel.strategies import days, periods

P = PartialDate.parse


def test_a_period_that_certainly_ends_before_it_starts_is_refused():
    with pytest.raises(PeriodError, match="starts"):
        Period(P("2015"), P("2014"))


def test_overlapping_partial_bounds_are_allowed():
    period = Period(P("2014-06"), P("2014-06"))
    assert period.truth("2014-06-15") is Truth.MAYBE


def test_an_observation_is_definite_only_on_its_day():
    period = Period.observed("2014-11-13")
    assert period.truth("2014-11-13") is Truth.YES
    assert period.truth("2014-11-12") is Truth.MAYBE
    assert period.truth("2014-11-14") is Truth.MAYBE
    assert period.truth("1990-01-01") is Truth.MAYBE
    assert period.observation == P("2014-11-13")
    assert str(period) == "on 2014-11-13"


def test_an_ongoing_period_is_definite_from_its_start_on():
    period = Period(P("2014-08-25"))
    assert period.truth("2014-08-24") is Truth.NO
    assert period.truth("2014-08-25") is Truth.YES
    assert period.truth("2030-01-01") is Truth.YES


def test_truth_of_a_span_with_partial_bounds():
    period = Period(P("2014-08"), P("2016-04.."))
    assert period.truth("2014-07-31") is Truth.NO
    assert period.truth("2014-08-15") is Truth.MAYBE
    assert period.truth("2014-09-01") is Truth.YES
    assert period.truth("2016-04-01") is Truth.YES
    assert period.truth("2016-04-02") is Truth.MAYBE


@pytest.mark.parametrize(
    "day", ["2015-01-01", datetime.date(2015, 1, 1), pendulum.Date(2015, 1, 1)]
)
def test_truth_accepts_every_date_type(day):
    assert Period(P("2014"), P("2016")).truth(day) is Truth.YES


@pytest.mark.parametrize(
    ("day", "error"),
    [("2015-13-01", ValueError), ("soon", ValueError), (20150101, TypeError)],
)
def test_truth_refuses_what_is_not_a_date(day, error):
    with pytest.raises(error):
        Period(P("2014")).truth(day)


def test_truth_refuses_a_datetime():
    with pytest.raises(TypeError, match="date"):
        Period(P("2014")).truth(datetime.datetime(2015, 1, 1, 12))


def ways_it_could_have_run(period):
    """The extreme (start, end) days the period could really have had, a start never after
    its end: the widest run, the run with the latest start, and the one with the earliest
    end. Every run lies inside the widest, and covers what both of the others share."""
    first_start, last_start = period.start.earliest, period.start.latest
    if period.end is None:
        first_end = last_end = pendulum.Date(9999, 12, 31)
    else:
        first_end, last_end = period.end.earliest, period.end.latest
    return [
        (first_start, last_end),
        (min(last_start, last_end), last_end),
        (first_start, max(first_end, first_start)),
    ]


@given(periods(), days())
def test_truth_is_yes_inside_every_way_it_could_have_run_and_no_outside_all(period, day):
    inside = [start <= day <= end for start, end in ways_it_could_have_run(period)]
    expected = Truth.YES if all(inside) else Truth.NO if not any(inside) else Truth.MAYBE
    assert period.truth(day) is expected


@given(periods())
def test_every_day_certainly_inside_is_yes(period):
    if period.start.latest.year > 9000:
        return
    end = min(period.latest, period.start.latest.add(days=40))
    if period.end is not None:
        end = min(end, period.end.earliest)
    day = period.start.latest
    while day <= end:
        assert period.truth(day) is Truth.YES
        day = day.add(days=7)


@given(periods())
def test_days_just_outside_are_no(period):
    if period.start.earliest > pendulum.Date(1, 1, 1):
        assert period.truth(period.start.earliest.subtract(days=1)) is Truth.NO
    if period.end is not None and period.end.latest < pendulum.Date(9999, 12, 31):
        assert period.truth(period.end.latest.add(days=1)) is Truth.NO


def test_a_period_whose_bounds_cross_can_only_run_where_they_meet():
    period = Period(P("2012-10-04.."), P("..2012-10-04"))
    assert period.truth("2012-10-04") is Truth.YES
    assert period.truth("2012-10-05") is Truth.NO
    early = Period(P("..2000"), P("early 2000"))  # it must start by the end of April
    assert early.truth("2000-01-01") is Truth.MAYBE
    assert early.certain_from == pendulum.Date(2000, 4, 30)
