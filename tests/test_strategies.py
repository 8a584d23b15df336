"""The shipped strategies: every public type, registered for st.from_type, valid values."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel import strategies

PUBLIC_TYPES = [
    lm.PartialDate,
    lm.Period,
    lm.Truth,
    lm.Evidence,
    lm.Actor,
    lm.Institution,
    lm.Place,
    lm.Office,
    lm.Source,
    lm.LegitimacyClaim,
    lm.Recognition,
    lm.Mandate,
    lm.Tenure,
    lm.ControlClaim,
    lm.Conference,
    lm.Ruling,
    lm.Support,
    lm.Event,
    lm.Dataset,
]


@pytest.mark.parametrize("cls", PUBLIC_TYPES, ids=lambda cls: cls.__name__)
def test_from_type_builds_every_public_type(cls):
    @given(st.from_type(cls))
    def check(value):
        assert isinstance(value, cls)

    check()


def test_registration_needs_no_import_of_the_strategies_module():
    code = (
        "from hypothesis import given, strategies as st\n"
        "import libyamodel as lm\n"
        "@given(st.from_type(lm.ControlClaim), st.from_type(lm.Dataset))\n"
        "def check(claim, ds):\n"
        "    assert isinstance(claim, lm.ControlClaim) and isinstance(ds, lm.Dataset)\n"
        "check()\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


@given(strategies.datasets(max_entities=10, max_facts=5))
def test_datasets_respect_their_size(ds):
    assert len(ds.facts) <= 5
    assert len(ds.entities) <= 10


@given(strategies.control_claims(stances=(lm.Stance.DENIES,)))
def test_stances_are_respected(claim):
    assert claim.status is lm.Status.DENIED


@given(strategies.periods(datetime.date(2014, 1, 1), datetime.date(2014, 12, 31), ongoing=False))
def test_periods_stay_near_their_bounds(period):
    assert period.end is not None
    assert period.start.earliest <= datetime.date(2015, 12, 31)
    assert period.end.latest >= datetime.date(2013, 1, 1)


def test_argument_errors_are_eager():
    with pytest.raises(ValueError, match="after"):
        strategies.partial_dates(datetime.date(2015, 1, 1), datetime.date(2014, 1, 1))
    with pytest.raises(ValueError, match="stances"):
        strategies.evidence(stances=())
    with pytest.raises(ValueError, match="max_entities"):
        strategies.datasets(max_entities=2)
