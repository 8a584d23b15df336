"""The model: frozen records, validated fields, derived status, references."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.model import named, references
from libyamodel.strategies import datasets, evidence

QUOTE = {"source": "s", "quote": "a few words"}


def claim(**changes):
    fields = {
        "id": "c",
        "claimant": "gnc",
        "role": "legislature",
        "period": lm.Period.observed("2014-11-13"),
        "evidence": [lm.Evidence(**QUOTE)],
    }
    return lm.LegitimacyClaim(**{**fields, **changes})


def test_records_are_frozen_and_hold_tuples():
    record = claim()
    assert isinstance(record.evidence, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.role = "government"  # type: ignore[misc]
    actor = lm.Actor(id="a", name="A", kind="person", aliases=["B", "C"])
    assert actor.aliases == ("B", "C")
    assert actor.kind is lm.ActorKind.PERSON


@pytest.mark.parametrize("bad", ["", "Upper", "has space", "-leading", "ünï", "a_b"])
def test_ids_must_be_slugs(bad):
    with pytest.raises(lm.FieldError, match="id") as caught:
        lm.Actor(id=bad, name="A", kind="person")
    assert caught.value.field == "id"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("bad", ["", "   "])
def test_names_must_not_be_empty(bad):
    with pytest.raises(lm.FieldError, match="name"):
        lm.Place(id="p", name=bad, kind="city")


def test_a_fact_needs_evidence():
    with pytest.raises(lm.FieldError, match="evidence"):
        claim(evidence=[])


def test_wikidata_ids_and_coordinates_are_checked():
    with pytest.raises(lm.FieldError, match="Wikidata"):
        lm.Actor(id="a", name="A", kind="person", wikidata="1016")
    with pytest.raises(lm.FieldError, match="lat"):
        lm.Place(id="p", name="P", kind="city", lat=91.0)
    assert lm.Place(id="p", name="P", kind="city", wikidata="Q1016").wikidata == "Q1016"


def test_unknown_kinds_are_refused():
    with pytest.raises(ValueError, match="wizard"):
        lm.Actor(id="a", name="A", kind="wizard")


def test_a_ruling_period_is_its_date():
    ruling = lm.Ruling(
        id="r",
        court="sc",
        subject="hor",
        date=lm.PartialDate.parse("2014-11-06"),
        decision="unconstitutional",
        evidence=[lm.Evidence(**QUOTE)],
        responses=[lm.Response(actor="gnc", position="accepts")],
    )
    assert ruling.period == lm.Period.once("2014-11-06")
    assert ruling.responses[0].position is lm.Position.ACCEPTS


def test_participants_may_be_plain_ids():
    conference = lm.Conference(
        id="c",
        name="Talks",
        period=lm.Period.once("2014-09-29"),
        participants=["un", lm.Participant(actor="hor", role="delegation")],
        evidence=[lm.Evidence(**QUOTE)],
    )
    assert conference.participants == (
        lm.Participant(actor="un"),
        lm.Participant(actor="hor", role="delegation"),
    )


CONFERENCE = lm.Conference(
    id="c",
    name="Talks",
    period=lm.Period.once("2014-09-29"),
    place="ghadames",
    host="un",
    chairs=["leon"],
    participants=["gnc", lm.Participant(actor="hor", role="delegation")],
    evidence=[lm.Evidence(source="s", quote="q q", attributed_to="un")],
)
"""A fact with references of every form: a field, a list, list items' actors, evidence."""


def test_references_name_every_field_that_points_elsewhere():
    found = {(path, ident) for path, ident, _ in references(CONFERENCE)}
    assert found == {
        ("place", "ghadames"),
        ("host", "un"),
        ("chairs[0]", "leon"),
        ("participants[0].actor", "gnc"),
        ("participants[1].actor", "hor"),
        ("evidence[0].source", "s"),
        ("evidence[0].attributed_to", "un"),
    }


def test_named_gives_each_id_outside_the_evidence_with_its_field():
    assert list(named(CONFERENCE)) == [
        ("place", "ghadames"),
        ("host", "un"),
        ("chairs", "leon"),
        ("participants", "gnc"),
        ("participants", "hor"),
    ]


@given(datasets())
def test_named_agrees_with_references_outside_the_evidence(ds):
    for record in ds:
        from_paths = [
            (re.match(r"\w+", path)[0], ident)
            for path, ident, _ in references(record, evidence=False)
        ]
        assert list(named(record)) == from_paths


S = lm.Stance


@pytest.mark.parametrize(
    ("stances", "status"),
    [
        ([S.AFFIRMS], lm.Status.CONFIRMED),
        ([S.AFFIRMS, S.REPORTS], lm.Status.CONFIRMED),
        ([S.REPORTS], lm.Status.REPORTED),
        ([S.RUMOUR, S.REPORTS], lm.Status.REPORTED),
        ([S.REPORTS, S.DENIES], lm.Status.DISPUTED),
        ([S.AFFIRMS, S.DENIES], lm.Status.DISPUTED),
        ([S.RUMOUR, S.DENIES], lm.Status.DISPUTED),
        ([S.DENIES], lm.Status.DENIED),
        ([S.DENIES, S.DENIES], lm.Status.DENIED),
    ],
)
def test_status_follows_the_stances(stances, status):
    record = claim(evidence=[lm.Evidence(source="s", quote="q q", stance=s) for s in stances])
    assert record.status is status


@given(st.lists(evidence(), min_size=1, max_size=6))
def test_status_is_determined_by_which_stances_occur(items):
    stances = {item.stance for item in items}
    status = claim(evidence=items).status
    assert (status is lm.Status.DENIED) == (stances == {S.DENIES})
    assert (status is lm.Status.DISPUTED) == (S.DENIES in stances and len(stances) > 1)
    assert (status is lm.Status.CONFIRMED) == (S.AFFIRMS in stances and S.DENIES not in stances)
    assert (status is lm.Status.REPORTED) == (S.DENIES not in stances and S.AFFIRMS not in stances)


def test_what_evidence_says_is_its_quote_or_else_its_paraphrase():
    quoted = lm.Evidence(source="s", quote="the words", paraphrase="what they mean")
    paraphrased = lm.Evidence(source="s", paraphrase="what the page states")
    assert quoted.text == "the words"
    assert paraphrased.text == "what the page states"
    with pytest.raises(lm.FieldError, match="quote or a paraphrase"):
        lm.Evidence(source="s")
