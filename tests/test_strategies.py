"""The shipped strategies: every public type, registered for st.from_type, valid values."""

from __future__ import annotations

import datetime
import inspect
import re
import subprocess
import sys

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel import strategies
from libyamodel.model import Target, references
from libyamodel.model._base import status_of

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")

PUBLIC_CLASSES = [getattr(lm, name) for name in lm.__all__ if inspect.isclass(getattr(lm, name))]
RECORD_TYPES = [cls for cls in PUBLIC_CLASSES if issubclass(cls, lm.Record)]
SUBJECT = {
    lm.LegitimacyClaim: "claimant",
    lm.Recognition: "recognized",
    lm.Mandate: "holder",
    lm.Tenure: "holder",
    lm.ControlClaim: "controller",
    lm.Ruling: "subject",
    lm.Support: "supported",
    lm.Membership: "member",
}
TARGETS = {
    Target.PARTY: (lm.Actor, lm.Institution),
    Target.ENTITY: (lm.Entity,),
    Target.PLACE: (lm.Place,),
    Target.OFFICE: (lm.Office,),
    Target.SOURCE: (lm.Source,),
    Target.MANDATE: (lm.Mandate,),
}


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda cls: cls.__name__)
def test_every_public_type_has_a_strategy(cls):
    strategy = st.from_type(cls)

    @settings(max_examples=5)
    @given(strategy)
    def draw(value):
        assert isinstance(value, cls)

    draw()  # raises ResolutionFailed for a type without one


@given(st.from_type(lm.Assessed[lm.Mandate]))
def test_parametrised_assessed_facts_are_of_their_type(item):
    assert isinstance(item.fact, lm.Mandate)


@given(st.one_of([st.from_type(cls) for cls in RECORD_TYPES]))
def test_generated_records_keep_their_invariants(record):
    attrs.validate(record)
    assert SLUG.fullmatch(record.id)
    if isinstance(record, lm.Fact):
        assert record.evidence
        assert record.status is status_of(record.evidence)
        period = record.period
        assert period.end is None or period.start.earliest <= period.end.latest


@given(strategies.datasets())
def test_every_reference_in_a_generated_dataset_resolves_to_its_kind(ds):
    for record in ds:
        for path, ident, target in references(record):
            assert isinstance(ds.get(ident), TARGETS[target]), (record.id, path, ident)


@given(strategies.datasets(focus=2))
def test_focus_makes_every_fact_about_the_focus_actors(ds):
    for fact in ds.facts:
        if type(fact) in SUBJECT:
            assert getattr(fact, SUBJECT[type(fact)]) in {"actor-0", "actor-1"}, fact


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
    with pytest.raises(ValueError, match="focus"):
        strategies.datasets(max_entities=10, focus=3)
    with pytest.raises(ValueError, match="around"):
        strategies.datasets(around=datetime.date(2030, 1, 1))
    with pytest.raises(ValueError, match="after"):
        strategies.profiles(datetime.date(2015, 1, 1), datetime.date(2014, 1, 1))
    with pytest.raises(ValueError, match="max_facts"):
        strategies.profiles(max_facts=-1)


@given(strategies.profiles())
def test_profiles_hold_only_facts_about_their_body_possibly_true_that_day(profile):
    for item in profile.items():
        fact = item.fact
        assert getattr(fact, SUBJECT[type(fact)]) == profile.body
        assert item.truth is not lm.Truth.NO
        if isinstance(fact, lm.Ruling):
            assert fact.date.earliest <= profile.on
        else:
            assert item.truth is profile.dataset.truth(fact, profile.on)
    assert all(item.fact.accepts for item in profile.recognitions_for)
    assert not any(item.fact.accepts for item in profile.recognitions_against)
