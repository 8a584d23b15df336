"""The bundled lifespans: every body the data names has a cited beginning, and the key
dates (the NTC's handover, the GNA's creation, Gaddafi's death) are the sources' own.
"""

from __future__ import annotations

import pytest

import libyamodel as lm

YES, NO, MAYBE = lm.Truth.YES, lm.Truth.NO, lm.Truth.MAYBE


@pytest.fixture(scope="module")
def bundled():
    return lm.load()


def _lifespan(dataset, ident):
    return dataset.get(ident).lifespan


def _is_person(entity):
    return isinstance(entity, lm.Actor) and entity.kind is lm.ActorKind.PERSON


def test_every_institution_and_legitimacy_claimant_has_a_beginning(bundled):
    claimants = {claim.claimant for claim in bundled.facts if isinstance(claim, lm.LegitimacyClaim)}
    institutions = {e.id for e in bundled.entities if isinstance(e, lm.Institution)}
    missing = []
    for ident in sorted(claimants | institutions):
        entity = bundled.get(ident)
        start = entity.born if _is_person(entity) else entity.founded
        if start is None:
            missing.append(ident)
    assert missing == []


@pytest.mark.parametrize(
    ("ident", "day", "expected"),
    [
        # The council was formed in Benghazi on 27 February 2011 and handed power to
        # the General National Congress on 8 August 2012.
        ("national-transitional-council", "2011-02-26", NO),
        ("national-transitional-council", "2011-02-27", YES),
        ("national-transitional-council", "2012-08-08", YES),
        ("national-transitional-council", "2012-08-09", NO),
        # The GNA was created by the agreement signed on 17 December 2015.
        ("government-of-national-accord", "2011-03-01", NO),
        ("government-of-national-accord", "2015-12-16", NO),
        ("government-of-national-accord", "2015-12-17", YES),
        # ... and handed power to the Government of National Unity on 16 March 2021.
        ("government-of-national-accord", "2021-03-16", YES),
        ("government-of-national-accord", "2021-03-17", NO),
        # The House of Representatives was elected on 25 June 2014.
        ("house-of-representatives", "2014-06-24", NO),
        ("house-of-representatives", "2014-06-25", YES),
        # The GNC's end is disputed (it claimed to continue after 2014): no end is given.
        ("general-national-congress", "2012-07-06", NO),
        ("general-national-congress", "2016-01-01", YES),
        # The GNU took office with the House's confidence vote of 10 March 2021.
        ("government-of-national-unity", "2021-03-09", NO),
        ("government-of-national-unity", "2021-03-10", YES),
        # UNSMIL was set up by resolution 2009 on 16 September 2011.
        ("unsmil", "2011-09-15", NO),
        ("unsmil", "2011-09-16", YES),
        # Gaddafi was killed on 20 October 2011; Haftar was born in 1943, day unknown.
        ("muammar-qaddafi", "2011-10-20", YES),
        ("muammar-qaddafi", "2011-10-21", NO),
        ("khalifa-haftar", "1942-12-31", NO),
        ("khalifa-haftar", "1943-06-01", MAYBE),
        ("khalifa-haftar", "1944-01-01", YES),
        # Only an upper bound is known for when the Central Bank was founded.
        ("central-bank-of-libya", "1960-01-01", MAYBE),
        ("central-bank-of-libya", "2016-05-16", YES),
    ],
)
def test_key_lifespans(bundled, ident, day, expected):
    assert _lifespan(bundled, ident).truth(day) is expected


def test_governments_that_were_replaced_end_on_the_day_they_were_replaced(bundled):
    # el-Keib's government gave way to Zeidan's, sworn in on 14 November 2012.
    keib = _lifespan(bundled, "transitional-government-el-keib")
    zeidan = _lifespan(bundled, "government-zeidan")
    assert keib.truth("2012-11-15") is NO
    assert zeidan.truth("2012-11-14") is YES
    assert zeidan.truth("2014-03-12") is NO


def test_no_body_is_a_possible_claimant_before_it_existed(bundled):
    claimants = {c.claimant for c in bundled.claimants(on="2011-03-01", certainty="possible")}
    assert "government-of-national-accord" not in claimants
    assert "house-of-representatives" not in claimants
    assert "general-peoples-committee" in claimants


def test_bodies_replaced_by_the_unity_government_are_not_possible_claimants_after(bundled):
    claimants = {c.claimant for c in bundled.claimants(on="2024-01-01", certainty="possible")}
    assert "government-of-national-accord" not in claimants
    assert "interim-government-al-thinni" not in claimants
    assert "government-of-national-unity" in claimants


def test_the_congress_is_not_a_possible_claimant_before_its_election(bundled):
    # Its claim is dated only "2012"; the election of 7 July 2012 bounds it.
    def claims(day):
        return bundled.claimants(on=day, claimant="general-national-congress", certainty="possible")

    assert len(claims("2012-03-01")) == 0
    assert len(claims("2012-09-01")) > 0
