"""Properties of every query, for generated datasets and dates."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.model import principals
from libyamodel.store import indexes_of
from libyamodel.strategies import datasets, days, periods

DAYS = days(datetime.date(2010, 1, 1), datetime.date(2023, 12, 31))


def dated_queries(ds, day, certainty):
    """Every query that takes a date, with every entity filter it has."""
    yield "claimants", ds.claimants(day, certainty=certainty)
    for role in ("legislature", "government"):
        yield f"claimants {role}", ds.claimants(day, role=role, certainty=certainty)
    yield "recognitions", ds.recognitions(day, certainty=certainty)
    yield "mandates", ds.mandates(day, certainty=certainty)
    yield "supports", ds.supports(day, certainty=certainty)
    for entity in ds.entities:
        if isinstance(entity, lm.Place):
            yield f"controllers {entity.id}", ds.controllers(entity, day, certainty=certainty)
        if isinstance(entity, lm.Office):
            yield f"holders {entity.id}", ds.holders(entity, day, certainty=certainty)
        if isinstance(entity, lm.Actor | lm.Institution):
            yield f"territory {entity.id}", ds.territory(entity, day, certainty=certainty)
            yield f"supported {entity.id}", ds.supports(day, supported=entity, certainty=certainty)
            yield f"mandates {entity.id}", ds.mandates(day, holder=entity, certainty=certainty)
            yield (
                f"recognized {entity.id}",
                ds.recognitions(day, recognized=entity, certainty=certainty),
            )


def spanned_queries(ds, span, certainty):
    yield "events", ds.events(between=span, certainty=certainty)
    yield "rulings", ds.rulings(between=span, certainty=certainty)
    yield "conferences", ds.conferences(between=span, certainty=certainty)


def truth_on(ds, fact, day):
    """A fact's truth on a day, day by day: its period's, and (Kleene's "and") the
    lifespan's of each entity it is about."""
    truth = fact.period.truth(day)
    for _, ident in principals(fact):
        entity = ds[ident]
        if isinstance(entity, lm.Actor | lm.Institution):
            truth = truth & entity.lifespan.truth(day)
    return truth


def naive(ds, kind, day, certainty, **where):
    """The answer by scanning every fact: what the indexes must agree with."""
    accepted = {lm.Truth.YES} if certainty == "definite" else {lm.Truth.YES, lm.Truth.MAYBE}
    return tuple(
        fact
        for fact in ds.facts
        if isinstance(fact, kind)
        and truth_on(ds, fact, day) in accepted
        and all(getattr(fact, field) == value for field, value in where.items())
    )


@given(datasets(), DAYS)
def test_definite_answers_are_among_possible_ones(ds, day):
    possible = dict(dated_queries(ds, day, "possible"))
    for name, definite in dated_queries(ds, day, "definite"):
        assert set(definite) <= set(possible[name]), name


@given(datasets(), DAYS, DAYS)
def test_definite_spans_are_among_possible_ones(ds, a, b):
    span = (min(a, b), max(a, b))
    possible = dict(spanned_queries(ds, span, "possible"))
    for name, definite in spanned_queries(ds, span, "definite"):
        assert set(definite) <= set(possible[name]), name


@given(datasets(), DAYS, st.sampled_from(["definite", "possible"]))
def test_indexed_answers_equal_a_naive_scan(ds, day, certainty):
    assert ds.claimants(day, certainty=certainty) == naive(ds, lm.LegitimacyClaim, day, certainty)
    assert ds.supports(day, certainty=certainty) == naive(ds, lm.Support, day, certainty)
    for entity in ds.entities:
        if isinstance(entity, lm.Place):
            assert ds.controllers(entity.id, day, certainty=certainty) == naive(
                ds, lm.ControlClaim, day, certainty, place=entity.id
            )
        if isinstance(entity, lm.Office):
            assert ds.holders(entity.id, day, certainty=certainty) == naive(
                ds, lm.Tenure, day, certainty, office=entity.id
            )


@given(datasets(), DAYS, DAYS)
def test_spanned_answers_equal_a_naive_scan(ds, a, b):
    first, last = min(a, b), max(a, b)
    expected = tuple(
        fact
        for fact in ds.facts
        if isinstance(fact, lm.Event) and fact.period.overlaps(first, last) is lm.Truth.YES
    )
    assert ds.events(between=(first, last)) == expected


@given(datasets())
def test_results_are_tuples_in_stable_order(ds):
    order = {fact.id: index for index, fact in enumerate(ds.facts)}
    for _, result in dated_queries(ds, "2015-06-01", "possible"):
        assert isinstance(result, tuple)
        ranks = [order[fact.id] for fact in result]
        assert ranks == sorted(ranks)
    for entity in ds.entities:
        timeline = ds.timeline(entity)
        assert isinstance(timeline, tuple)
        keys = [(fact.period.start.earliest, fact.id) for fact in timeline]
        assert keys == sorted(keys)


@given(datasets(), DAYS, DAYS)
def test_as_known_on_is_monotone(ds, a, b):
    earlier, later = ds.as_known_on(min(a, b)), ds.as_known_on(max(a, b))
    for fact in earlier.facts:
        assert fact.id in later
        assert set(fact.evidence) <= set(later[fact.id].evidence)


@given(datasets(), DAYS)
def test_as_known_on_keeps_only_evidence_published_by_then(ds, day):
    known = ds.as_known_on(day)
    for fact in known.facts:
        for item in fact.evidence:
            assert known[item.source].published.latest <= day
    for fact in ds.facts:
        if fact.id not in known:
            assert all(ds[item.source].published.latest > day for item in fact.evidence)


@st.composite
def crowded_place(draw):
    """One town with 16 to 60 control claims (enough for a group to keep an answer index),
    their periods of every form, observations among them."""
    drawn = draw(st.lists(periods(), min_size=16, max_size=60))
    source = lm.Source(id="report", title="Report", published=lm.PartialDate.parse("2024"))
    claims = [
        lm.ControlClaim(
            id=f"claim-{index}",
            controller="militia",
            place="town",
            period=period,
            evidence=(lm.Evidence(source="report", quote=f"claim {index}"),),
        )
        for index, period in enumerate(drawn)
    ]
    militia = lm.Actor(id="militia", name="Militia", kind=lm.ActorKind.ARMED_GROUP)
    town = lm.Place(id="town", name="Town", kind=lm.PlaceKind.TOWN)
    return lm.Dataset.from_records([source, militia, town, *claims])


@given(crowded_place(), st.lists(DAYS, min_size=1, max_size=4), st.booleans())
def test_answer_indexes_agree_with_a_naive_scan_and_give_facts(ds, days_asked, generous):
    """Whether the group keeps snapshots or (its budget spent) a tree, every answer, the
    first and those after it, is the naive scan's, in order, as ``Facts``."""
    if not generous:
        indexes_of(ds).budget.remaining = 0
    for day in days_asked:
        for certainty in ("definite", "possible"):
            for answer in (
                ds.controllers("town", day, certainty=certainty),
                ds.territory("militia", day),
            ):
                assert isinstance(answer, lm.Facts)
            expected = naive(ds, lm.ControlClaim, day, certainty, place="town")
            assert ds.controllers("town", day, certainty=certainty) == expected
