"""Property tests of a downstream rule, with libyamodel's registered strategies.

Run with ``pytest examples/testing_rules``. Nothing here imports
``libyamodel.strategies`` for ``st.from_type``: Hypothesis finds libyamodel's
strategies through its entry point.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.strategies import datasets, profiles

sys.path.insert(0, str(Path(__file__).parent))
from my_rule import democratic_and_recognised, governing_and_lawful, my_rule


@given(profiles())
def test_my_rule_is_yes_exactly_when_one_of_its_doctrines_is(profile):
    either = {rule(profile).truth for rule in (democratic_and_recognised, governing_and_lawful)}
    expected = (
        lm.Truth.YES
        if lm.Truth.YES in either
        else lm.Truth.NO
        if either == {lm.Truth.NO}
        else lm.Truth.MAYBE
    )
    assert my_rule(profile).truth is expected


@given(datasets(), st.dates(), st.data())
def test_a_body_with_no_facts_is_legitimate_only_if_no_court_objects(ds, day, data):
    bodies = [e.id for e in ds.entities if isinstance(e, lm.Actor | lm.Institution)]
    body = data.draw(st.sampled_from(bodies))
    profile = ds.legitimacy(body, day)
    if not profile.mandates and not profile.territory:
        assert ds.assess(body, day, my_rule).truth is lm.Truth.NO


@given(st.from_type(lm.ControlClaim))
def test_control_claims_name_a_controller_and_a_place(claim):
    assert claim.controller
    assert claim.place
    assert claim.period.truth(claim.period.start.earliest) is not lm.Truth.NO


def test_the_rule_on_the_bundled_data():
    ds = lm.load()
    verdict = ds.assess("house-of-representatives", "2014-11-13", my_rule)
    assert verdict.truth in {lm.Truth.YES, lm.Truth.MAYBE}
