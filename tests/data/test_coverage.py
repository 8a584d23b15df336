"""The bundled data's coverage: complete only where the timeline holds every claimant (or
holder) with a certain date, and the gaps it knows of."""

from __future__ import annotations

import datetime

import pytest

import libyamodel as lm

YES, NO = lm.Truth.YES, lm.Truth.NO
SRSG = "un-special-representative-for-libya"


@pytest.fixture(scope="module")
def ds():
    return lm.load()


def days_of(record, step=7):
    """Days a record certainly covers, a week apart, and its last."""
    day, last = record.period.certain_from, record.period.certain_until
    while day < last:
        yield day
        day = day.add(days=step)
    yield last


def answer(ds, record, day):
    if record.question is lm.Question.CLAIMANTS:
        return ds.claimants(day, role=record.role)
    assert record.question is lm.Question.HOLDERS
    return ds.holders(record.office, day)


def test_every_coverage_record_says_why(ds):
    assert len(ds.coverage) >= 10
    for record in ds.coverage:
        assert record.note, record.id
        assert record.period.certain_from <= record.period.certain_until, record.id


def test_no_declared_complete_day_is_without_a_government_legislature_or_envoy(ds):
    """Libya always had a government and a legislature claimed, and the UN post declared
    complete was filled on each of those days: a complete answer is never empty."""
    for record in ds.coverage:
        if not record.complete:
            continue
        for day in days_of(record):
            found = answer(ds, record, day)
            assert found.complete is YES, (record.id, day)
            assert found, (record.id, day)


def test_every_declared_gap_is_a_no_on_its_days(ds):
    gaps = [record for record in ds.coverage if not record.complete]
    assert {gap.id for gap in gaps} == {
        "government-claims-2016-2017-gap",
        "legislature-claims-2014-06-gap",
    }
    for gap in gaps:
        for day in days_of(gap, step=3):
            found = answer(ds, gap, day)
            assert found.complete is NO, (gap.id, day)
            assert found.coverage == (gap,)


GOVERNMENTS = [
    ("2012-06-01", {"transitional-government-el-keib"}),
    ("2013-06-01", {"government-zeidan"}),
    ("2014-05-15", {"interim-government-al-thinni", "government-maiteeq"}),
    ("2014-10-01", {"interim-government-al-thinni", "gnc-government-al-hassi"}),
    (
        "2016-06-01",
        {
            "government-of-national-accord",
            "interim-government-al-thinni",
            "gnc-government-al-hassi",
        },
    ),
    ("2021-06-01", {"government-of-national-unity"}),
    ("2023-01-01", {"government-of-national-unity", "government-of-national-stability"}),
]


@pytest.mark.parametrize(("day", "expected"), GOVERNMENTS)
def test_the_complete_answers_name_the_governments_of_the_day(ds, day, expected):
    found = ds.claimants(day, role="government")
    assert found.complete is YES
    assert {claim.claimant for claim in found} == expected


def test_where_nothing_is_declared_the_answer_says_so(ds):
    assert ds.claimants("2011-04-01", role="government").complete is lm.Truth.MAYBE
    assert ds.claimants("2019-01-01", role="government").complete is lm.Truth.MAYBE
    assert ds.holders(SRSG, "2020-06-01").complete is lm.Truth.MAYBE  # vacant, Williams acting


def test_every_envoy_of_the_complete_stretches_is_there(ds):
    holders = {
        tenure.holder
        for record in ds.coverage
        if record.office == SRSG
        for day in days_of(record, step=30)
        for tenure in ds.holders(SRSG, day)
    }
    assert holders == {
        "ian-martin",
        "tarek-mitri",
        "bernardino-leon",
        "martin-kobler",
        "ghassan-salame",
        "jan-kubis",
        "abdoulaye-bathily",
        "hanna-tetteh",
    }
    assert ds.holders(SRSG, datetime.date(2014, 9, 1)).complete is YES


def test_a_window_is_complete_only_if_every_day_of_it_is(ds):
    assert ds.claimants(between=("2022", "2023"), role="government").complete is lm.Truth.YES
    assert ds.claimants(between=("2014-06", "2014-07"), role="legislature").complete is (
        lm.Truth.NO
    )
    assert ds.claimants(between=("2016", "2017"), role="government").complete is lm.Truth.NO
    assert ds.claimants(between=("2019", "2020"), role="government").complete is lm.Truth.MAYBE


def test_each_stretch_of_a_history_says_whether_it_is_complete(ds):
    history = ds.history("claimants", between=("2014-05", "2014-07"), role="legislature")
    verdicts = {(str(s.first), str(s.last)): s.complete for s in history}
    assert lm.Truth.NO in verdicts.values()  # the June 2014 gap
    for stretch in history:
        days = (stretch.first, stretch.last)
        answers = [ds.claimants(day, role="legislature").complete for day in days]
        if stretch.complete is lm.Truth.YES:
            assert answers == [lm.Truth.YES, lm.Truth.YES]
        if lm.Truth.NO in answers:
            assert stretch.complete is lm.Truth.NO
    whole = ds.history("claimants", between=("2022", "2023"), role="government")
    assert {s.complete for s in whole} == {lm.Truth.YES}
    assert {s.complete for s in ds.history("controllers", "sirte", between=("2016", "2016"))} == {
        lm.Truth.MAYBE
    }
