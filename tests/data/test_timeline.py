"""The 2011-2025 timeline as a whole: every month has a definite answer to who governed."""

from __future__ import annotations

import datetime

import pytest

import libyamodel as lm

# Months whose 15th has no definite claim to govern, each with the reason the
# sources leave it open. Empty: every month from March 2011 has one.
GOVERNMENT_MONTHS_IN_DOUBT: dict[tuple[int, int], str] = {}


@pytest.fixture(scope="module")
def ds():
    return lm.load()


def fifteenths(first: tuple[int, int], last: tuple[int, int]):
    year, month = first
    while (year, month) <= last:
        yield datetime.date(year, month, 15)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def test_someone_claimed_to_govern_libya_on_the_15th_of_every_month(ds):
    missing = [
        day.isoformat()
        for day in fifteenths((2011, 3), (2025, 12))
        if (day.year, day.month) not in GOVERNMENT_MONTHS_IN_DOUBT
        and not ds.claimants(on=day, role="government")
    ]
    assert not missing, missing


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2011-06-15", {"general-peoples-committee", "ntc-executive-board"}),
        ("2012-09-01", {"transitional-government-el-keib"}),
        ("2014-11-13", {"interim-government-al-thinni", "gnc-government-al-hassi"}),
        ("2018-01-01", {"government-of-national-accord", "interim-government-al-thinni"}),
        ("2021-06-01", {"government-of-national-unity"}),
        ("2024-01-01", {"government-of-national-unity", "government-of-national-stability"}),
    ],
)
def test_rival_governments_on_the_dates_users_ask_about(ds, day, expected):
    assert {claim.claimant for claim in ds.claimants(on=day, role="government")} == expected


def test_the_rival_legislatures_of_the_split(ds):
    bodies = {claim.claimant for claim in ds.claimants(on="2015-06-01", role="legislature")}
    assert bodies == {"general-national-congress", "house-of-representatives"}
