"""Hypothesis strategies for libyamodel's types, for users' property tests and our own.

Importing this module needs Hypothesis (``pip install libyamodel[test]``);
``import libyamodel`` never imports it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar, cast

import pendulum
from hypothesis import strategies as st

from libyamodel._strategy_pools import (
    OPEN,
    PHRASES,
    ROLES,
    Pools,
    choice,
    coverage_records,
    dataset_records,
    evidence_items,
    optional,
    partial_date,
    period,
    slugs,
    texts,
    tuples,
)
from libyamodel.errors import Problem
from libyamodel.legitimacy import Assessed, LegitimacyProfile, Verdict
from libyamodel.model import (
    Actor,
    ActorKind,
    Conference,
    ControlClaim,
    Coverage,
    Event,
    Evidence,
    Fact,
    Institution,
    InstitutionKind,
    LegitimacyClaim,
    Mandate,
    Membership,
    Office,
    Participant,
    Place,
    PlaceKind,
    Position,
    Question,
    Recognition,
    Response,
    Ruling,
    Source,
    SourceKind,
    Stance,
    Support,
    Tenure,
)
from libyamodel.store import Certainty, Dataset, Facts, History, Stretch
from libyamodel.time import PartialDate, Period, Truth

__all__ = [
    "actors",
    "conferences",
    "control_claims",
    "coverages",
    "datasets",
    "days",
    "events",
    "evidence",
    "histories",
    "ids",
    "institutions",
    "legitimacy_claims",
    "mandates",
    "memberships",
    "names",
    "offices",
    "partial_dates",
    "participants",
    "periods",
    "places",
    "problems",
    "profiles",
    "recognitions",
    "register",
    "responses",
    "rulings",
    "sources",
    "supports",
    "tenures",
    "truths",
    "verdicts",
]

T = TypeVar("T")
F = TypeVar("F", bound=Fact)

_FIRST = datetime.date(1900, 1, 1)
_LAST = datetime.date(2100, 12, 31)


def _check_bounds(min_value: datetime.date, max_value: datetime.date) -> None:
    if min_value > max_value:
        raise ValueError(f"min_value {min_value} is after max_value {max_value}")


def days(
    min_value: datetime.date = _FIRST, max_value: datetime.date = _LAST
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar days as ``pendulum.Date``, between the bounds given."""
    _check_bounds(min_value, max_value)
    return st.dates(min_value, max_value).map(lambda d: pendulum.Date(d.year, d.month, d.day))


def partial_dates(
    min_value: datetime.date = _FIRST,
    max_value: datetime.date = _LAST,
    *,
    open_bounds: bool = True,
) -> st.SearchStrategy[PartialDate]:
    """Partial dates of every form, anchored between ``min_value`` and ``max_value``."""
    _check_bounds(min_value, max_value)
    return partial_date(min_value, max_value, OPEN if open_bounds else (None,))


def periods(
    min_value: datetime.date = _FIRST,
    max_value: datetime.date = _LAST,
    *,
    ongoing: bool = True,
) -> st.SearchStrategy[Period]:
    """Valid periods of every form: spans, one-off dates, observations, ongoing facts."""
    _check_bounds(min_value, max_value)
    return period(min_value, max_value, ongoing)


def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Slug ids, optionally with a fixed prefix."""
    return slugs().map(lambda text: prefix + text if prefix else text)


def names() -> st.SearchStrategy[str]:
    """Non-empty display names."""
    return texts()


def evidence(
    sources: st.SearchStrategy[str] | None = None,
    stances: tuple[Stance, ...] = tuple(Stance),
    attributed_to: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Evidence]:
    """Evidence items citing ids drawn from ``sources`` with one of ``stances``."""
    if not stances:
        raise ValueError("stances must name at least one Stance")
    return evidence_items(
        sources if sources is not None else ids(),
        stances,
        attributed_to if attributed_to is not None else optional(ids()),
    )


def actors(kinds: tuple[ActorKind, ...] = tuple(ActorKind)) -> st.SearchStrategy[Actor]:
    """Actors of the given kinds."""
    return st.builds(
        Actor,
        id=ids(),
        name=names(),
        kind=st.sampled_from(kinds),
        aliases=st.lists(names(), max_size=3).map(tuple),
        note=st.none() | names(),
    )


def datasets(
    *,
    max_entities: int = 15,
    max_facts: int = 20,
    min_value: datetime.date = datetime.date(2011, 1, 1),
    max_value: datetime.date = datetime.date(2021, 12, 31),
    focus: int | None = None,
    around: datetime.date | None = None,
    max_coverage: int = 3,
) -> st.SearchStrategy[Dataset]:
    """Whole, referentially valid datasets: unique ids, every reference resolving,
    with up to ``max_coverage`` coverage records speaking for their questions.

    Ids are ``<type>-<n>`` so that shrunk counterexamples read plainly. Two options
    make a dataset dense, so that a rule applied to it meets every case often:
    ``focus=k`` makes every fact about one of the actors ``actor-0`` to
    ``actor-<k-1>`` (its claimant, holder, controller, subject...), and
    ``around=day`` times the facts so that on ``day`` many hold, many may hold,
    and many have ended, and most are confirmed.
    """
    if max_entities < 5:
        raise ValueError(
            f"max_entities must be at least 5 (one of each entity type), got {max_entities}"
        )
    if max_facts < 0:
        raise ValueError(f"max_facts must be at least 0, got {max_facts}")
    if max_coverage < 0:
        raise ValueError(f"max_coverage must be at least 0, got {max_coverage}")
    _check_bounds(min_value, max_value)
    if focus is not None and not 1 <= focus <= max_entities // 5:
        raise ValueError(
            f"focus must be between 1 and max_entities // 5 ({max_entities // 5}), got {focus}"
        )
    if around is not None and not min_value <= around <= max_value:
        raise ValueError(f"around {around} is not between {min_value} and {max_value}")
    records = dataset_records(
        max_entities,
        max_facts,
        (min_value, max_value),
        focus=focus,
        around=around,
        max_coverage=max_coverage,
    )
    return records.map(Dataset.from_records)


def _entity_pools(
    min_value: datetime.date, max_value: datetime.date, stances: tuple[Stance, ...]
) -> Pools:
    """Pools drawing references from free ids: for single records, not whole datasets."""
    return Pools(
        parties=ids(),
        places=ids(),
        offices=ids(),
        dates=partial_dates(min_value, max_value, open_bounds=False),
        spans=periods(min_value, max_value),
        proof=st.lists(evidence(stances=stances), min_size=1, max_size=3).map(tuple),
        texts=names(),
    )


def _facts(kind: type[F]) -> Callable[..., st.SearchStrategy[F]]:
    def strategy(
        min_value: datetime.date = _FIRST,
        max_value: datetime.date = _LAST,
        *,
        stances: tuple[Stance, ...] = tuple(Stance),
    ) -> st.SearchStrategy[F]:
        _check_bounds(min_value, max_value)
        if not stances:
            raise ValueError("stances must name at least one Stance")
        pools = _entity_pools(min_value, max_value, stances)
        return ids().flatmap(lambda ident: pools.fact(kind, ident)).map(lambda fact: cast(F, fact))

    strategy.__name__ = strategy.__qualname__ = _STRATEGY_NAMES[kind]
    strategy.__doc__ = f"{kind.__name__} facts with free ids, periods within the bounds given."
    return strategy


_STRATEGY_NAMES: Final[dict[type[Fact], str]] = {
    LegitimacyClaim: "legitimacy_claims",
    Recognition: "recognitions",
    Mandate: "mandates",
    Tenure: "tenures",
    ControlClaim: "control_claims",
    Conference: "conferences",
    Ruling: "rulings",
    Support: "supports",
    Event: "events",
    Membership: "memberships",
}

legitimacy_claims = _facts(LegitimacyClaim)
recognitions = _facts(Recognition)
mandates = _facts(Mandate)
tenures = _facts(Tenure)
control_claims = _facts(ControlClaim)
conferences = _facts(Conference)
rulings = _facts(Ruling)
supports = _facts(Support)
events = _facts(Event)
memberships = _facts(Membership)
_FACT_STRATEGIES: Final = (
    legitimacy_claims,
    recognitions,
    mandates,
    tenures,
    control_claims,
    conferences,
    rulings,
    supports,
    events,
    memberships,
)


def coverages(
    min_value: datetime.date = _FIRST, max_value: datetime.date = _LAST
) -> st.SearchStrategy[Coverage]:
    """Coverage records for every question, some limited by its filter, with free ids."""
    _check_bounds(min_value, max_value)
    filters: dict[Question, st.SearchStrategy[str]] = {
        question: choice(ROLES) if question is Question.CLAIMANTS else ids()
        for question in Question
    }
    return coverage_records(ids(), filters, periods(min_value, max_value), names())


def institutions(
    kinds: tuple[InstitutionKind, ...] = tuple(InstitutionKind),
) -> st.SearchStrategy[Institution]:
    """Institutions of the given kinds."""
    return st.builds(
        Institution,
        id=ids(),
        name=names(),
        kind=st.sampled_from(kinds),
        aliases=tuples(names(), 3),
        seat=optional(ids()),
        parent=optional(ids()),
        note=optional(names()),
    )


def places(kinds: tuple[PlaceKind, ...] = tuple(PlaceKind)) -> st.SearchStrategy[Place]:
    """Places of the given kinds, some with coordinates."""
    return st.builds(
        Place,
        id=ids(),
        name=names(),
        kind=st.sampled_from(kinds),
        aliases=tuples(names(), 3),
        within=optional(ids()),
        lat=st.none() | st.floats(-90, 90),
        lon=st.none() | st.floats(-180, 180),
    )


def offices() -> st.SearchStrategy[Office]:
    """Offices, some attached to an institution."""
    return st.builds(Office, id=ids(), name=names(), institution=optional(ids()))


def sources(
    min_value: datetime.date = _FIRST, max_value: datetime.date = _LAST
) -> st.SearchStrategy[Source]:
    """Sources published between the dates given."""
    return st.builds(
        Source,
        id=ids(),
        title=names(),
        published=partial_dates(min_value, max_value, open_bounds=False),
        publisher=optional(names()),
        author=optional(names()),
        url=st.none() | st.just("https://example.org/"),
        kind=st.none() | st.sampled_from(SourceKind),
    )


def participants() -> st.SearchStrategy[Participant]:
    """Conference participants, some with a role."""
    return st.builds(Participant, actor=ids(), role=optional(names()))


def responses() -> st.SearchStrategy[Response]:
    """Parties' positions on a ruling."""
    return st.builds(Response, actor=ids(), position=st.sampled_from(Position))


_LEGITIMACY_FACTS: Final = (LegitimacyClaim, Recognition, Mandate, Ruling, ControlClaim, Support)


@st.composite
def _profile(
    draw: st.DrawFn, bounds: tuple[datetime.date, datetime.date], max_facts: int
) -> LegitimacyProfile:
    day = draw(days(*bounds))
    records = draw(
        dataset_records(
            10,
            max_facts,
            bounds,
            focus=1,
            around=day,
            kinds=_LEGITIMACY_FACTS,
            words=choice(PHRASES),
        )
    )
    return Dataset.from_records(records).legitimacy("actor-0", day)


def profiles(
    min_value: datetime.date = datetime.date(2011, 1, 1),
    max_value: datetime.date = datetime.date(2021, 12, 31),
    *,
    max_facts: int = 24,
) -> st.SearchStrategy[LegitimacyProfile]:
    """Legitimacy profiles on which the shipped doctrines say YES, NO and MAYBE each often.

    Each is ``ds.legitimacy("actor-0", day)`` for a day between the bounds and a
    dataset like ``datasets(focus=1, around=day)``: up to ``max_facts`` claims,
    recognitions, mandates, rulings, control claims and supports about
    ``actor-0``, so every item names the body and has its truth on the day.
    Names and quotes are a few fixed phrases, which keeps drawing fast.
    """
    _check_bounds(min_value, max_value)
    if max_facts < 0:
        raise ValueError(f"max_facts must be at least 0, got {max_facts}")
    return _profile((min_value, max_value), max_facts)


def verdicts() -> st.SearchStrategy[Verdict]:
    """Verdicts: a truth, some facts and some reasons."""
    return st.builds(Verdict, truths(), tuples(_any_fact(), 2), tuples(names(), 3))


def problems() -> st.SearchStrategy[Problem]:
    """Problems in data, some placed at a file, line, record and field."""
    return st.builds(
        Problem,
        message=names(),
        file=optional(st.just(Path("data/actors.yaml"))),
        line=optional(st.integers(1, 10_000)),
        record=optional(ids()),
        field=optional(ids()),
        hint=optional(names()),
    )


def _any_fact() -> st.SearchStrategy[Fact]:
    return st.one_of(*(strategy() for strategy in _FACT_STRATEGIES))


def _facts_named(thing: type[Any]) -> st.SearchStrategy[Fact]:
    """Facts of the type a generic names (``Assessed[Mandate]``), or of any type."""
    (kind,) = getattr(thing, "__args__", (Fact,))
    return st.from_type(kind) if isinstance(kind, type) and kind is not Fact else _any_fact()


def _assessed(thing: type[Any]) -> st.SearchStrategy[Assessed[Any]]:
    return st.builds(Assessed, _facts_named(thing), truths())


def _fact_tuples(thing: type[Any]) -> st.SearchStrategy[Facts[Any]]:
    return tuples(_facts_named(thing), 3).map(Facts)


_HISTORY_QUESTIONS: Final[dict[type[Fact], tuple[str, ...]]] = {
    LegitimacyClaim: ("claimants",),
    ControlClaim: ("controllers", "territory"),
    Tenure: ("holders",),
    Mandate: ("mandates",),
}
_HISTORY_ENTITY: Final = {"controllers": Place, "territory": Actor, "holders": Office}


def histories(
    questions: tuple[str, ...] = ("claimants", "controllers", "territory", "holders", "mandates"),
) -> st.SearchStrategy[History[Any]]:
    """Histories of generated datasets: one of ``questions`` (with an entity of the dataset
    where it takes one) over a window of days, definite or possible."""

    @st.composite
    def build(draw: st.DrawFn) -> History[Any]:
        dataset = draw(datasets())
        question = draw(st.sampled_from(questions))
        first = draw(days(datetime.date(2010, 1, 1), datetime.date(2022, 12, 31)))
        start = datetime.date(first.year, first.month, first.day)
        last = draw(days(start, datetime.date(2024, 12, 31)))
        certainty: Certainty = draw(st.sampled_from(["definite", "possible"]))
        kind = _HISTORY_ENTITY.get(question)
        if kind is None:
            return dataset.history(question, between=(first, last), certainty=certainty)
        pool = [entity for entity in dataset.entities if isinstance(entity, kind)]
        entity = draw(st.sampled_from(pool))
        return dataset.history(question, entity, between=(first, last), certainty=certainty)

    return build()


def _histories_of(thing: type[Any]) -> st.SearchStrategy[History[Any]]:
    (kind,) = getattr(thing, "__args__", (Fact,))
    return histories(_HISTORY_QUESTIONS.get(kind, (*_HISTORY_ENTITY, "claimants")))


def _stretches_of(thing: type[Any]) -> st.SearchStrategy[Stretch[Any]]:
    return _histories_of(thing).flatmap(lambda history: st.sampled_from(history.stretches))


def truths() -> st.SearchStrategy[Truth]:
    """YES, NO and MAYBE."""
    return st.sampled_from(Truth)


def register() -> None:
    """Make ``st.from_type`` build every public libyamodel type.

    Called by Hypothesis itself through the ``hypothesis`` entry point, so users
    need not import this module.
    """
    strategies: dict[type[Any], st.SearchStrategy[Any]] = {
        PartialDate: partial_dates(),
        Period: periods(),
        Truth: truths(),
        Evidence: evidence(),
        Actor: actors(),
        Institution: institutions(),
        Place: places(),
        Office: offices(),
        Source: sources(),
        LegitimacyClaim: legitimacy_claims(),
        Recognition: recognitions(),
        Mandate: mandates(),
        Tenure: tenures(),
        ControlClaim: control_claims(),
        Conference: conferences(),
        Ruling: rulings(),
        Support: supports(),
        Event: events(),
        Membership: memberships(),
        Coverage: coverages(),
        Participant: participants(),
        Response: responses(),
        Verdict: verdicts(),
        Problem: problems(),
        LegitimacyProfile: profiles(),
        Dataset: datasets(),
    }
    for cls, strategy in strategies.items():
        st.register_type_strategy(cls, strategy)
    st.register_type_strategy(Assessed, _assessed)
    st.register_type_strategy(Facts, _fact_tuples)
    st.register_type_strategy(History, _histories_of)
    st.register_type_strategy(Stretch, _stretches_of)
