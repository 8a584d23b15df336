"""Every query of the public API, on a small hand-made dataset with known answers."""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs
import pendulum
import pytest

import libyamodel as lm

SMALL = Path(__file__).parent.parent / "fixtures" / "small"


@pytest.fixture(scope="module")
def ds():
    return lm.load(SMALL, bundled=False)


def ids(facts):
    assert isinstance(facts, tuple)
    return [fact.id for fact in facts]


def test_claimants_on_a_date(ds):
    assert ids(ds.claimants("2014-09-15")) == [
        "gnc-claims-legislature",
        "hor-claims-legislature",
    ]
    assert ids(ds.claimants("2014-09-15", certainty="possible")) == [
        "gnc-claims-legislature",
        "hor-claims-legislature",
        "hor-claims-government",
    ]
    assert ids(ds.claimants("2014-11-10")) == [
        "gnc-claims-legislature",
        "hor-claims-legislature",
        "hor-claims-government",
    ]
    assert ids(ds.claimants("2014-09-15", role="government")) == []
    assert ids(ds.claimants("2014-11-10", role="legislature")) == [
        "gnc-claims-legislature",
        "hor-claims-legislature",
    ]
    assert ids(ds.claimants("2014-08-01")) == ["gnc-claims-legislature"]
    assert ids(ds.claimants("2016-05-01")) == ["hor-claims-legislature", "hor-claims-government"]
    assert ids(ds.claimants("2016-05-01", certainty="possible", claimant="GNC")) == [
        "gnc-claims-legislature"
    ]


@pytest.mark.parametrize(
    "day", ["2014-11-10", datetime.date(2014, 11, 10), pendulum.Date(2014, 11, 10)]
)
def test_every_date_type_is_accepted(ds, day):
    assert len(ds.claimants(day)) == 3


def test_an_observation_is_definite_only_on_its_day(ds):
    assert ids(ds.controllers("sirte", "2014-11-13")) == ["ansar-holds-sirte"]
    assert ids(ds.controllers("sirte", "2014-11-12")) == []
    assert ids(ds.controllers("sirte", "2014-11-12", certainty="possible")) == ["ansar-holds-sirte"]
    assert ids(ds.controllers("sirte", "2016-05-01", certainty="possible")) == [
        "ansar-holds-sirte",
        "is-holds-sirte",
    ]


def test_controllers_and_territory(ds):
    assert ids(ds.controllers("Sirte", "2016-05-16")) == ["is-holds-sirte"]
    assert ids(ds.controllers("sirte", "2016-05-17")) == []
    assert ids(ds.controllers("tripoli", "2014-09-01")) == ["brigade-holds-tripoli"]
    assert ids(ds.controllers("tripoli", "2014-07-15")) == []
    assert ids(ds.territory("islamic-state", "2016-01-01")) == ["is-holds-sirte"]
    assert ids(ds.territory("ISIS", "2014-01-01", certainty="possible")) == []


def test_recognitions(ds):
    assert ids(ds.recognitions()) == ["un-recognizes-hor", "hor-refuses-gnc"]
    assert ids(ds.recognitions("2014-11-13")) == ["un-recognizes-hor"]
    assert ids(ds.recognitions("2014-12-01")) == []
    assert ids(ds.recognitions("2014-11-13", recognized="HoR")) == ["un-recognizes-hor"]
    assert ids(ds.recognitions(recognizer="house-of-representatives")) == ["hor-refuses-gnc"]
    assert ids(ds.recognitions("2014-11-05")) == []
    assert ids(ds.recognitions("2014-11-05", certainty="possible")) == [
        "un-recognizes-hor",
        "hor-refuses-gnc",
    ]
    assert ds.get("hor-refuses-gnc").accepts is False


def test_mandates(ds):
    assert ids(ds.mandates()) == ["unsmil-2011", "hor-election", "unsmil-2017"]
    assert ids(ds.mandates("2015-01-01")) == ["hor-election"]
    assert ids(ds.mandates(holder="UNSMIL")) == ["unsmil-2011", "unsmil-2017"]
    assert ids(ds.mandates("2018-09-01", holder="unsmil")) == []
    assert ids(ds.mandates("2018-09-01", holder="unsmil", certainty="possible")) == ["unsmil-2017"]
    assert ids(ds.mandates("2018-07-20", holder="unsmil")) == ["unsmil-2017"]


def test_holders(ds):
    assert ids(ds.holders("un-envoy", "2017-09-14")) == ["salame-envoy"]
    assert ids(ds.holders("UN Special Representative for Libya", "2017-09-15")) == []
    assert ids(ds.holders("un-envoy", "2017-09-15", certainty="possible")) == ["salame-envoy"]


def test_supports(ds):
    assert ids(ds.supports(supported="Hifter")) == [
        "russia-supports-haftar",
        "egypt-supports-haftar",
    ]
    assert ids(ds.supports("2014-10-01")) == ["egypt-supports-haftar", "house-backs-itself"]
    assert ids(ds.supports("2014-10-01", supporter="egypt", supported="khalifa-haftar")) == [
        "egypt-supports-haftar"
    ]
    assert ids(ds.supports("2017-01-15", supporter="russia")) == []
    assert ids(ds.supports("2017-01-15", supporter="russia", certainty="possible")) == [
        "russia-supports-haftar"
    ]
    assert ds.get("russia-supports-haftar").status is lm.Status.DISPUTED


def test_rulings(ds):
    assert ids(ds.rulings()) == ["court-on-hor"]
    assert ids(ds.rulings(subject="House of Representatives")) == ["court-on-hor"]
    assert ids(ds.rulings(court="supreme-court", between=("2014-11-01", "2014-11-30"))) == [
        "court-on-hor"
    ]
    assert ids(ds.rulings(between=("2014-11-01", "2014-11-15"))) == []
    assert ids(ds.rulings(between=("2014-11-01", "2014-11-15"), certainty="possible")) == [
        "court-on-hor"
    ]
    assert ids(ds.rulings(subject="general-national-congress")) == []


def test_conferences(ds):
    assert ids(ds.conferences()) == ["ghadames-talks"]
    for attendee in ("UN", "house-of-representatives", "GNC"):
        assert ids(ds.conferences(attendee=attendee)) == ["ghadames-talks"]
    assert ids(ds.conferences(attendee="russia")) == []
    assert ids(ds.conferences(place="Ghadames", between=("2014-09-01", "2014-09-30"))) == [
        "ghadames-talks"
    ]
    assert ids(ds.conferences(between=("2014-10-01", "2014-10-30"))) == []


def test_events(ds):
    assert ids(ds.events()) == ["tripoli-evacuation", "shahat-bombing", "haftar-offensive"]
    assert ids(ds.events(between=("2014-07-01", "2014-11-30"))) == [
        "tripoli-evacuation",
        "shahat-bombing",
    ]
    assert ids(ds.events(between=("2014-07-10", "2014-07-20"))) == []
    assert ids(ds.events(between=("2014-07-10", "2014-07-20"), certainty="possible")) == [
        "tripoli-evacuation"
    ]
    assert ids(ds.events(actor="UN")) == ["tripoli-evacuation"]
    assert ids(ds.events(place="tripoli")) == ["tripoli-evacuation", "haftar-offensive"]
    assert ids(ds.events(actor="haftar", place="tripoli")) == ["haftar-offensive"]
    assert ids(ds.events(actor="united-nations", place="libya")) == []
    assert ids(ds.events(between=("2020-01-01", "2020-01-01"))) == ["haftar-offensive"]


def test_timeline(ds):
    assert ids(ds.timeline("house-of-representatives")) == [
        "un-recognizes-hor",
        "hor-claims-legislature",
        "hor-election",
        "hor-claims-government",
        "house-backs-itself",
        "ghadames-talks",
        "court-on-hor",
        "hor-refuses-gnc",
    ]
    assert ids(ds.timeline("Sirte")) == ["ansar-holds-sirte", "is-holds-sirte"]
    assert ids(ds.timeline("denial-piece")) == [
        "russia-supports-haftar",
        "salame-envoy",
        "unsmil-2017",
        "haftar-offensive",
    ]


def test_legitimacy_profile(ds):
    early = ds.legitimacy("Council of Deputies", "2014-09-15")
    assert [(a.fact.id, a.truth) for a in early.claims] == [
        ("hor-claims-legislature", lm.Truth.YES),
        ("hor-claims-government", lm.Truth.MAYBE),
    ]
    profile = ds.legitimacy("HoR", "2014-11-10")
    assert profile.body == "house-of-representatives"
    assert profile.on == pendulum.Date(2014, 11, 10)
    assert [(a.fact.id, a.truth) for a in profile.claims] == [
        ("hor-claims-legislature", lm.Truth.YES),
        ("hor-claims-government", lm.Truth.YES),
    ]
    assert [(a.fact.id, a.truth) for a in profile.recognitions_for] == [
        ("un-recognizes-hor", lm.Truth.MAYBE)
    ]
    assert profile.recognitions_against == ()
    assert [(a.fact.id, a.truth) for a in profile.mandates] == [("hor-election", lm.Truth.YES)]
    assert [(a.fact.id, a.truth) for a in profile.rulings] == [("court-on-hor", lm.Truth.MAYBE)]
    assert profile.territory == ()
    assert [(a.fact.id, a.status) for a in profile.support] == [
        ("house-backs-itself", lm.Status.CONFIRMED)
    ]
    later = ds.legitimacy("general-national-congress", "2014-12-01")
    assert [(a.fact.id, a.truth) for a in later.recognitions_against] == [
        ("hor-refuses-gnc", lm.Truth.MAYBE)
    ]
    assert ds.legitimacy("house-of-representatives", "2014-10-01").rulings == ()
    assert len(ds.legitimacy("house-of-representatives", "2014-12-01").rulings) == 1


def test_as_known_on_drops_what_was_not_yet_published(ds):
    early = ds.as_known_on("2015-01-01")
    assert "is-holds-sirte" not in early
    assert "unsmil-2017" not in early
    assert "ansar-holds-sirte" in early
    assert ds.get("russia-supports-haftar").status is lm.Status.DISPUTED
    middle = ds.as_known_on("2017-06-01")
    assert middle.get("russia-supports-haftar").status is lm.Status.REPORTED
    assert len(middle.get("russia-supports-haftar").evidence) == 1
    assert len(ds.as_known_on("2014-11-12").facts) == 0
    assert len(ds.as_known_on("2014-11-12").entities) == len(ds.entities)


def test_as_known_on_cuts_links_to_mandates_not_yet_known(ds):
    def cited_to(fact, source):
        return attrs.evolve(fact, evidence=[attrs.evolve(fact.evidence[0], source=source)])

    records = [
        cited_to(r, "denial-piece")
        if r.id == "unsmil-2011"
        else cited_to(r, "later-report")
        if r.id == "unsmil-2017"
        else r
        for r in ds
    ]
    swapped = lm.Dataset.from_records(records)
    assert swapped.get("unsmil-2017").extends == "unsmil-2011"
    known = swapped.as_known_on("2017-01-01")
    assert "unsmil-2011" not in known
    assert known.get("unsmil-2017").extends is None
    assert swapped.as_known_on("2019-07-01").get("unsmil-2017").extends == "unsmil-2011"


def test_unknown_and_ambiguous_names(ds):
    with pytest.raises(lm.UnknownName) as caught:
        ds.controllers("Sirt city", "2016-01-01")
    assert "sirte" in caught.value.suggestions
    assert len(caught.value.suggestions) == 3
    rules = lm.names.DEFAULT_RULES.with_variants({"sirte": ["tripoli"]})
    confused = lm.load(SMALL, bundled=False, name_rules=rules)
    with pytest.raises(lm.AmbiguousName) as ambiguous:
        confused.resolve("Tripoli")
    assert ambiguous.value.candidates == ("sirte", "tripoli")


def test_bad_arguments_are_refused_eagerly(ds):
    with pytest.raises(ValueError, match="certainty"):
        ds.claimants("2014-11-10", certainty="likely")
    with pytest.raises(ValueError, match="ISO date"):
        ds.claimants("10/11/2014")
    with pytest.raises(ValueError, match="limit"):
        ds.search("x", limit=0)
    with pytest.raises(TypeError):
        ds.resolve(42)


def test_entities_may_be_passed_as_objects(ds):
    sirte = ds.resolve("sirte")
    assert ds.controllers(sirte, "2016-05-16") == ds.controllers("sirte", "2016-05-16")
