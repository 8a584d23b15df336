"""Hypothesis strategies for libyamodel's types, for users' property tests and our own.

Importing this module needs Hypothesis (``pip install libyamodel[test]``);
``import libyamodel`` never imports it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, Final, TypeVar, cast

import attrs
import pendulum
from hypothesis import strategies as st

from libyamodel.model import (
    FACT_TYPES,
    Actor,
    ActorKind,
    Conference,
    ControlClaim,
    ControlExtent,
    Event,
    EventKind,
    Evidence,
    Fact,
    Institution,
    InstitutionKind,
    LegitimacyClaim,
    Mandate,
    MandateKind,
    Membership,
    Office,
    Participant,
    Place,
    PlaceKind,
    Position,
    Recognition,
    Record,
    Response,
    Ruling,
    Source,
    SourceKind,
    Stance,
    Support,
    SupportKind,
    Tenure,
)
from libyamodel.store import Dataset
from libyamodel.time import Open, Part, PartialDate, Period, Truth

__all__ = [
    "actors",
    "conferences",
    "control_claims",
    "datasets",
    "days",
    "events",
    "evidence",
    "ids",
    "institutions",
    "legitimacy_claims",
    "mandates",
    "memberships",
    "names",
    "offices",
    "partial_dates",
    "periods",
    "places",
    "recognitions",
    "register",
    "rulings",
    "sources",
    "supports",
    "tenures",
    "truths",
]

T = TypeVar("T")
F = TypeVar("F", bound=Fact)

_FIRST = datetime.date(1900, 1, 1)
_LAST = datetime.date(2100, 12, 31)


def days(
    min_value: datetime.date = _FIRST, max_value: datetime.date = _LAST
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar days as ``pendulum.Date``, between the bounds given."""
    return st.dates(min_value, max_value).map(lambda d: pendulum.Date(d.year, d.month, d.day))


@st.composite
def _partial_date(
    draw: st.DrawFn,
    min_value: datetime.date,
    max_value: datetime.date,
    open_bounds: bool,
    qualified: bool = True,
) -> PartialDate:
    day = draw(st.dates(min_value, max_value))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    month = None if precision == "year" else day.month
    exact_day = day.day if precision == "day" else None
    opening = draw(st.sampled_from([None, Open.BEFORE, Open.AFTER])) if open_bounds else None
    part = flag = None
    if opening is None and qualified:
        if precision != "day":
            part = draw(st.sampled_from([None, *Part]))
        flag = draw(st.sampled_from([None, "~", "?"]))
    return PartialDate(
        year=day.year,
        month=month,
        day=exact_day,
        part=part,
        approximate=flag == "~",
        uncertain=flag == "?",
        open=opening,
    )


def partial_dates(
    min_value: datetime.date = _FIRST,
    max_value: datetime.date = _LAST,
    *,
    open_bounds: bool = True,
) -> st.SearchStrategy[PartialDate]:
    """Partial dates of every form, anchored between ``min_value`` and ``max_value``."""
    if min_value > max_value:
        raise ValueError(f"min_value {min_value} is after max_value {max_value}")
    return _partial_date(min_value, max_value, open_bounds)


@st.composite
def _period(
    draw: st.DrawFn, min_value: datetime.date, max_value: datetime.date, ongoing: bool
) -> Period:
    form = draw(st.sampled_from(["span", "once", "observed"] + (["ongoing"] if ongoing else [])))
    if form == "observed":
        return Period.observed(draw(_partial_date(min_value, max_value, False, False)))
    start = draw(partial_dates(min_value, max_value))
    if form == "once":
        return Period.once(start)
    if form == "ongoing":
        return Period(start)
    floor = max(start.earliest, min_value)
    floor = datetime.date(floor.year, floor.month, floor.day)
    ends = partial_dates(min(floor, max_value), max_value)
    return Period(start, draw(ends.filter(lambda end: end.latest >= start.earliest)))


def periods(
    min_value: datetime.date = _FIRST,
    max_value: datetime.date = _LAST,
    *,
    ongoing: bool = True,
) -> st.SearchStrategy[Period]:
    """Valid periods of every form: spans, one-off dates, observations, ongoing facts."""
    if min_value > max_value:
        raise ValueError(f"min_value {min_value} is after max_value {max_value}")
    return _period(min_value, max_value, ongoing)


def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Slug ids, optionally with a fixed prefix."""
    body = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
    return body.map(lambda text: prefix + text if prefix else text)


def names() -> st.SearchStrategy[str]:
    """Non-empty display names."""
    return st.text(min_size=1, max_size=30).filter(lambda text: bool(text.strip()))


def evidence(
    sources: st.SearchStrategy[str] | None = None,
    stances: tuple[Stance, ...] = tuple(Stance),
    attributed_to: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Evidence]:
    """Evidence items citing ids drawn from ``sources`` with one of ``stances``."""
    if not stances:
        raise ValueError("stances must name at least one Stance")
    said: st.SearchStrategy[tuple[str | None, str | None]] = st.one_of(
        st.tuples(names(), st.none()),
        st.tuples(st.none(), names()),
        st.tuples(names(), names()),
    )
    return st.builds(
        lambda words, **fields: Evidence(quote=words[0], paraphrase=words[1], **fields),
        said,
        source=sources if sources is not None else ids(),
        stance=st.sampled_from(stances),
        locator=st.none() | names(),
        attributed_to=attributed_to if attributed_to is not None else st.none() | ids(),
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


def _optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.none() | strategy


def _tuples(strategy: st.SearchStrategy[T], max_size: int) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


@attrs.frozen
class _Pools:
    """The strategies a fact draws its references, dates and evidence from."""

    parties: st.SearchStrategy[str]
    places: st.SearchStrategy[str]
    offices: st.SearchStrategy[str]
    dates: st.SearchStrategy[PartialDate]
    spans: st.SearchStrategy[Period]
    proof: st.SearchStrategy[tuple[Evidence, ...]]
    mandates: tuple[str, ...]

    def fact(self, kind: type[Fact], ident: str) -> st.SearchStrategy[Fact]:
        """A strategy for one fact of ``kind`` with the id ``ident``."""
        common: dict[str, st.SearchStrategy[Any]] = {"id": st.just(ident), "evidence": self.proof}
        if kind is not Ruling:
            common["period"] = self.spans
        parties, places = self.parties, self.places
        fields: dict[type[Fact], dict[str, st.SearchStrategy[Any]]] = {
            LegitimacyClaim: {
                "claimant": parties,
                "role": st.sampled_from(["legislature", "government", "national army"]),
                "basis": _optional(names()),
            },
            Recognition: {"recognizer": parties, "recognized": parties, "accepts": st.booleans()},
            Mandate: {
                "holder": parties,
                "kind": st.sampled_from(MandateKind),
                "granted_by": _optional(parties),
                "instrument": _optional(names()),
                "extends": _optional(st.sampled_from(self.mandates))
                if self.mandates
                else st.none(),
            },
            Tenure: {"holder": parties, "office": self.offices, "appointed_by": _optional(parties)},
            ControlClaim: {
                "controller": parties,
                "place": places,
                "extent": st.none() | st.sampled_from(ControlExtent),
            },
            Conference: {
                "name": names(),
                "place": _optional(places),
                "host": _optional(parties),
                "chairs": st.lists(parties, max_size=2, unique=True).map(tuple),
                "participants": _tuples(
                    st.builds(Participant, actor=parties, role=_optional(names())), 4
                ),
                "outcomes": _tuples(names(), 2),
            },
            Ruling: {
                "court": parties,
                "subject": parties,
                "date": self.dates,
                "decision": names(),
                "responses": _tuples(
                    st.builds(Response, actor=parties, position=st.sampled_from(Position)), 2
                ),
            },
            Support: {
                "supporter": parties,
                "supported": parties,
                "kind": st.sampled_from(SupportKind),
            },
            Membership: {
                "member": parties,
                "organization": parties,
                "role": _optional(names()),
            },
            Event: {
                "name": names(),
                "kind": st.sampled_from(EventKind),
                "actors": _tuples(parties, 3),
                "places": _tuples(places, 2),
            },
        }
        return st.builds(kind, **common, **fields[kind])


@st.composite
def _records(
    draw: st.DrawFn,
    max_entities: int,
    max_facts: int,
    min_value: datetime.date,
    max_value: datetime.date,
) -> list[Record]:
    per_type = max(1, max_entities // 5)
    count = {name: draw(st.integers(1, per_type)) for name in ("s", "a", "i", "p", "o")}
    source_ids = [f"source-{i}" for i in range(count["s"])]
    actor_ids = [f"actor-{i}" for i in range(count["a"])]
    institution_ids = [f"institution-{i}" for i in range(count["i"])]
    place_ids = [f"place-{i}" for i in range(count["p"])]
    office_ids = [f"office-{i}" for i in range(count["o"])]
    parties = st.sampled_from(actor_ids + institution_ids)
    places = st.sampled_from(place_ids)
    dates = partial_dates(min_value, max_value, open_bounds=False)
    records: list[Record] = [
        Source(id=ident, title=draw(names()), published=draw(dates)) for ident in source_ids
    ]
    records += [
        Actor(
            id=ident,
            name=draw(names()),
            kind=draw(st.sampled_from(ActorKind)),
            aliases=tuple(draw(st.lists(names(), max_size=2))),
        )
        for ident in actor_ids
    ]
    records += [
        Institution(
            id=ident,
            name=draw(names()),
            kind=draw(st.sampled_from(InstitutionKind)),
            seat=draw(_optional(places)),
        )
        for ident in institution_ids
    ]
    records += [
        Place(
            id=ident,
            name=draw(names()),
            kind=draw(st.sampled_from(PlaceKind)),
            within=draw(_optional(st.sampled_from(place_ids[:index]))) if index else None,
        )
        for index, ident in enumerate(place_ids)
    ]
    records += [
        Office(id=ident, name=draw(names()), institution=draw(_optional(parties)))
        for ident in office_ids
    ]
    proof = st.lists(
        evidence(st.sampled_from(source_ids), attributed_to=_optional(parties)),
        min_size=1,
        max_size=3,
    ).map(tuple)
    mandates: list[str] = []
    for index in range(draw(st.integers(0, max_facts))):
        kind = draw(st.sampled_from(FACT_TYPES))
        pools = _Pools(
            parties,
            places,
            st.sampled_from(office_ids),
            dates,
            periods(min_value, max_value),
            proof,
            tuple(mandates),
        )
        records.append(draw(pools.fact(kind, f"fact-{index}")))
        if kind is Mandate:
            mandates.append(f"fact-{index}")
    return records


def datasets(
    *,
    max_entities: int = 15,
    max_facts: int = 20,
    min_value: datetime.date = datetime.date(2011, 1, 1),
    max_value: datetime.date = datetime.date(2021, 12, 31),
) -> st.SearchStrategy[Dataset]:
    """Whole, referentially valid datasets: unique ids, every reference resolving.

    Ids are ``<type>-<n>`` so that shrunk counterexamples read plainly.
    """
    if max_entities < 5:
        raise ValueError(
            f"max_entities must be at least 5 (one of each entity type), got {max_entities}"
        )
    if max_facts < 0:
        raise ValueError(f"max_facts must be at least 0, got {max_facts}")
    return _records(max_entities, max_facts, min_value, max_value).map(Dataset.from_records)


def _entity_pools(
    min_value: datetime.date, max_value: datetime.date, stances: tuple[Stance, ...]
) -> _Pools:
    """Pools drawing references from free ids: for single records, not whole datasets."""
    return _Pools(
        parties=ids(),
        places=ids(),
        offices=ids(),
        dates=partial_dates(min_value, max_value, open_bounds=False),
        spans=periods(min_value, max_value),
        proof=st.lists(evidence(stances=stances), min_size=1, max_size=3).map(tuple),
        mandates=(),
    )


def _facts(kind: type[F]) -> Callable[..., st.SearchStrategy[F]]:
    def strategy(
        min_value: datetime.date = _FIRST,
        max_value: datetime.date = _LAST,
        *,
        stances: tuple[Stance, ...] = tuple(Stance),
    ) -> st.SearchStrategy[F]:
        if min_value > max_value:
            raise ValueError(f"min_value {min_value} is after max_value {max_value}")
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


def institutions(
    kinds: tuple[InstitutionKind, ...] = tuple(InstitutionKind),
) -> st.SearchStrategy[Institution]:
    """Institutions of the given kinds."""
    return st.builds(
        Institution,
        id=ids(),
        name=names(),
        kind=st.sampled_from(kinds),
        aliases=_tuples(names(), 3),
        seat=_optional(ids()),
        parent=_optional(ids()),
        note=_optional(names()),
    )


def places(kinds: tuple[PlaceKind, ...] = tuple(PlaceKind)) -> st.SearchStrategy[Place]:
    """Places of the given kinds, some with coordinates."""
    return st.builds(
        Place,
        id=ids(),
        name=names(),
        kind=st.sampled_from(kinds),
        aliases=_tuples(names(), 3),
        within=_optional(ids()),
        lat=st.none() | st.floats(-90, 90),
        lon=st.none() | st.floats(-180, 180),
    )


def offices() -> st.SearchStrategy[Office]:
    """Offices, some attached to an institution."""
    return st.builds(Office, id=ids(), name=names(), institution=_optional(ids()))


def sources(
    min_value: datetime.date = _FIRST, max_value: datetime.date = _LAST
) -> st.SearchStrategy[Source]:
    """Sources published between the dates given."""
    return st.builds(
        Source,
        id=ids(),
        title=names(),
        published=partial_dates(min_value, max_value, open_bounds=False),
        publisher=_optional(names()),
        author=_optional(names()),
        url=st.none() | st.just("https://example.org/"),
        kind=st.none() | st.sampled_from(SourceKind),
    )


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
        Dataset: datasets(),
    }
    for cls, strategy in strategies.items():
        st.register_type_strategy(cls, strategy)
