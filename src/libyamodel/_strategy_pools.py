"""The drawing machinery behind ``libyamodel.strategies``: dates, periods, and facts
drawn from pools of ids, either spread over years or gathered around one day."""

from __future__ import annotations

import datetime
import functools
from typing import Any, Final, TypeVar

import attrs
from hypothesis import strategies as st

from libyamodel.model import (
    FACT_TYPES,
    FILTERS,
    Actor,
    ActorKind,
    Conference,
    ControlClaim,
    ControlExtent,
    Coverage,
    CoverageExtent,
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
    Question,
    Recognition,
    Record,
    Response,
    Ruling,
    Source,
    Stance,
    Support,
    SupportKind,
    Tenure,
)
from libyamodel.time import Open, Part, PartialDate, Period

T = TypeVar("T")

OPEN: Final = (None, Open.BEFORE, Open.AFTER)
"""Closed, open before (``..D``) or open after (``D..``)."""

ADVERSE: Final = (
    "the election law is unconstitutional",
    "the session was invalid",
    "the appointment is void",
    "the body is dissolved",
    "the election is annulled",
    "the decree is unlawful",
)
"""Decision wordings :func:`libyamodel.rules.adverse_by_wording` takes as adverse."""

DECISIONS: Final = (*ADVERSE, "the petition is rejected", "the vote stands", "no jurisdiction")
"""Decision wordings, adverse and not."""

PHRASES: Final = ("Tripoli", "the House", "a statement", "Tobruk, 2014", "Ø ص")
"""A few texts, for records whose words do not matter but whose drawing would take time."""

ROLES: Final = ("legislature", "government", "national_army")
"""The roles generated claims take, and generated coverage is limited to: three words of the
role vocabulary, few enough that claims to one role often meet."""

_YEAR: Final = datetime.timedelta(days=365)


@functools.cache
def slugs() -> st.SearchStrategy[str]:
    """Slug ids such as ``a-1``."""
    return st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)


@functools.cache
def texts() -> st.SearchStrategy[str]:
    """Non-empty display texts."""
    return st.text(min_size=1, max_size=30).filter(lambda text: bool(text.strip()))


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value of ``strategy``."""
    return st.none() | strategy


def tuples(strategy: st.SearchStrategy[T], max_size: int) -> st.SearchStrategy[tuple[T, ...]]:
    """Tuples of up to ``max_size`` values of ``strategy``."""
    return st.lists(strategy, max_size=max_size).map(tuple)


def evidence_items(
    sources: st.SearchStrategy[str],
    stances: tuple[Stance, ...],
    attributed_to: st.SearchStrategy[str | None],
    words: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Evidence]:
    """Evidence citing ``sources`` with one of ``stances``, quoted, paraphrased or both."""
    words = texts() if words is None else words
    said: st.SearchStrategy[tuple[str | None, str | None]] = st.one_of(
        st.tuples(words, st.none()), st.tuples(st.none(), words), st.tuples(words, words)
    )
    return st.builds(
        lambda words, **fields: Evidence(quote=words[0], paraphrase=words[1], **fields),
        said,
        source=sources,
        stance=st.sampled_from(stances),
        locator=optional(words),
        attributed_to=attributed_to,
    )


@functools.cache
def choice(values: tuple[T, ...]) -> st.SearchStrategy[T]:
    """``st.sampled_from(values)``, made once per tuple (dates are drawn by the thousand)."""
    return st.sampled_from(values)


def tilted(favourite: T, values: tuple[T, ...]) -> st.SearchStrategy[T]:
    """One of ``values``, nine times in ten the ``favourite``."""
    others = tuple(value for value in values if value != favourite)
    return choice((favourite,) * 9 * len(others) + others)


def _plain(day: datetime.date) -> datetime.date:
    """The same day as a plain ``datetime.date``."""
    return datetime.date(day.year, day.month, day.day)


def draw_date(
    draw: st.DrawFn,
    min_value: datetime.date,
    max_value: datetime.date,
    openings: tuple[Open | None, ...] = (None,),
    qualified: bool = True,
) -> PartialDate:
    """A partial date of any precision whose anchor day lies within the bounds, open
    at one end if ``openings`` allows, approximate or uncertain if ``qualified``."""
    offset = draw(st.integers(0, max(0, (max_value - min_value).days)))
    day = _plain(min_value) + datetime.timedelta(days=offset)
    precision = draw(choice(("year", "month", "day")))
    opening = draw(choice(openings))
    part = flag = None
    if opening is None and qualified:
        if precision != "day":
            part = draw(choice((None, *Part)))
        flag = draw(choice((None, "~", "?")))
    return PartialDate(
        year=day.year,
        month=None if precision == "year" else day.month,
        day=day.day if precision == "day" else None,
        part=part,
        approximate=flag == "~",
        uncertain=flag == "?",
        open=opening,
    )


def _span(draw: st.DrawFn, start: PartialDate, first: datetime.date, last: datetime.date) -> Period:
    """A period from ``start`` to an end anchored from ``first`` to ``last``."""
    end = draw_date(draw, min(first, last), last, OPEN)
    # A part of a month or year can begin after its anchor day, and so after the end.
    return Period(start, end if end.latest >= start.earliest else start)


def draw_period(
    draw: st.DrawFn, min_value: datetime.date, max_value: datetime.date, ongoing: bool
) -> Period:
    """A span, a one-off date, an observation or (if ``ongoing``) an open-ended period."""
    forms = ("span", "once", "observed", "ongoing") if ongoing else ("span", "once", "observed")
    form = draw(choice(forms))
    if form == "observed":
        return Period.observed(draw_date(draw, min_value, max_value, (None,), False))
    start = draw_date(draw, min_value, max_value, OPEN)
    if form == "once":
        return Period.once(start)
    if form == "ongoing":
        return Period(start)
    return _span(draw, start, _plain(max(start.earliest, min_value)), max_value)


def _window(
    day: datetime.date, before: float, after: float, bounds: tuple[datetime.date, datetime.date]
) -> tuple[datetime.date, datetime.date]:
    """The days from ``before`` years before ``day`` to ``after`` years after, within bounds."""
    low, high = bounds
    first = _plain(max(low, min(high, day - before * _YEAR)))
    return first, _plain(max(first, min(high, day + after * _YEAR)))


def draw_period_around(
    draw: st.DrawFn, day: datetime.date, bounds: tuple[datetime.date, datetime.date]
) -> Period:
    """A period that on ``day`` holds (most often), may hold, or has ended.

    One that holds starts one or two years before ``day`` and ends, if at all, one
    or two years after; coarse or qualified dates still leave some in doubt. One
    that may hold is an observation near ``day``. One that ended, did so a year before.
    """
    case = draw(choice(("holds", "holds", "unsure", "unsure", "ended")))
    if case == "unsure":
        return Period.observed(draw_date(draw, *_window(day, 0.1, 0.1, bounds), (None,), False))
    if case == "holds":
        start = draw_date(draw, *_window(day, 2, -1, bounds), (None, Open.BEFORE))
        if draw(st.booleans()):
            return Period(start)
        end = draw_date(draw, *_window(day, -1, 2, bounds), (None, Open.AFTER))
        return Period(start, end if end.latest >= start.earliest else start)
    start = draw_date(draw, *_window(day, 3, -2, bounds), OPEN)
    return _span(draw, start, *_window(day, 2, -1, bounds))


def draw_date_around(
    draw: st.DrawFn, day: datetime.date, bounds: tuple[datetime.date, datetime.date]
) -> PartialDate:
    """A plain partial date a year or two before ``day``, near it, or (seldom) after it."""
    cases = ((2.0, -1.0), (2.0, -1.0), (0.1, 0.1), (0.1, 0.1), (0.1, 0.1), (-0.1, 1.0))
    before, after = draw(choice(cases))
    return draw_date(draw, *_window(day, before, after, bounds))


partial_date = st.composite(draw_date)
period = st.composite(draw_period)
period_around = st.composite(draw_period_around)
date_around = st.composite(draw_date_around)


@attrs.frozen
class Pools:
    """The strategies a fact draws its references, dates, texts and evidence from.

    ``subjects`` fills the field saying whom a fact is about (the claimant, the
    recognized, the holder, the controller, the subject, the supported, the
    member); ``parties`` fills every other reference to an actor or institution.
    """

    parties: st.SearchStrategy[str]
    places: st.SearchStrategy[str]
    offices: st.SearchStrategy[str]
    dates: st.SearchStrategy[PartialDate]
    spans: st.SearchStrategy[Period]
    proof: st.SearchStrategy[tuple[Evidence, ...]]
    texts: st.SearchStrategy[str]
    subjects: st.SearchStrategy[str] | None = None
    mandate_kinds: st.SearchStrategy[MandateKind] = attrs.field(
        factory=lambda: st.sampled_from(MandateKind)
    )
    accepts: st.SearchStrategy[bool] = attrs.field(factory=st.booleans)
    decisions: st.SearchStrategy[str] | None = None

    def fact(self, kind: type[Fact], ident: str) -> st.SearchStrategy[Fact]:
        """A strategy for one fact of ``kind`` with the id ``ident`` (extending no mandate)."""
        return st.builds(kind, id=st.just(ident), **self.fields(kind))

    def fields(self, kind: type[Fact]) -> dict[str, st.SearchStrategy[Any]]:
        """The strategies for the fields of a fact of ``kind``, but its id."""
        common: dict[str, st.SearchStrategy[Any]] = {"evidence": self.proof}
        if kind is not Ruling:
            common["period"] = self.spans
        parties, places, texts = self.parties, self.places, self.texts
        about = self.subjects if self.subjects is not None else parties
        if kind is LegitimacyClaim:
            roles = st.sampled_from(ROLES)
            return {**common, "claimant": about, "role": roles, "basis": optional(texts)}
        if kind is Recognition:
            return {**common, "recognizer": parties, "recognized": about, "accepts": self.accepts}
        if kind is Mandate:
            return {
                **common,
                "holder": about,
                "kind": self.mandate_kinds,
                "granted_by": optional(parties),
                "instrument": optional(texts),
            }
        if kind is Tenure:
            return {
                **common,
                "holder": about,
                "office": self.offices,
                "appointed_by": optional(parties),
            }
        if kind is ControlClaim:
            extents = optional(st.sampled_from(ControlExtent))
            return {**common, "controller": about, "place": places, "extent": extents}
        if kind is Conference:
            return {
                **common,
                "name": texts,
                "place": optional(places),
                "host": optional(parties),
                "chairs": st.lists(parties, max_size=2, unique=True).map(tuple),
                "participants": tuples(
                    st.builds(Participant, actor=parties, role=optional(texts)), 4
                ),
                "outcomes": tuples(texts, 2),
            }
        if kind is Ruling:
            return {
                **common,
                "court": parties,
                "subject": about,
                "date": self.dates,
                "decision": st.sampled_from(DECISIONS) | texts
                if self.decisions is None
                else self.decisions,
                "responses": tuples(
                    st.builds(Response, actor=parties, position=st.sampled_from(Position)), 2
                ),
            }
        if kind is Support:
            return {
                **common,
                "supporter": parties,
                "supported": about,
                "kind": st.sampled_from(SupportKind),
            }
        if kind is Membership:
            return {**common, "member": about, "organization": parties, "role": optional(texts)}
        if kind is Event:
            return {
                **common,
                "name": texts,
                "kind": st.sampled_from(EventKind),
                "actors": tuples(parties, 3),
                "places": tuples(places, 2),
            }
        raise TypeError(f"no strategy for facts of type {kind.__name__}")


def coverage_records(
    ident: st.SearchStrategy[str],
    filters: dict[Question, st.SearchStrategy[str]],
    spans: st.SearchStrategy[Period],
    texts: st.SearchStrategy[str],
) -> st.SearchStrategy[Coverage]:
    """Coverage records for any question, each limited to a value of its filter or not."""

    @st.composite
    def draw_coverage(draw: st.DrawFn) -> Coverage:
        question = draw(choice(tuple(Question)))
        about = draw(optional(filters[question]))
        return Coverage(
            id=draw(ident),
            question=question,
            period=draw(spans),
            extent=draw(choice(tuple(CoverageExtent))),
            note=draw(optional(texts)),
            **({} if about is None else {FILTERS[question]: about}),
        )

    return draw_coverage()


@st.composite
def dataset_records(
    draw: st.DrawFn,
    max_entities: int,
    max_facts: int,
    bounds: tuple[datetime.date, datetime.date],
    *,
    focus: int | None = None,
    around: datetime.date | None = None,
    kinds: tuple[type[Fact], ...] = FACT_TYPES,
    words: st.SearchStrategy[str] | None = None,
    max_coverage: int = 0,
) -> list[Record]:
    """The records of a referentially valid dataset (see ``strategies.datasets``).

    ``words`` fills names, quotes and other free text (by default, any text);
    up to ``max_coverage`` coverage records speak for its questions.
    """
    words = texts() if words is None else words
    per_type = max(1, max_entities // 5)
    count = {name: draw(st.integers(1, per_type)) for name in ("s", "i", "p", "o")}
    count["a"] = draw(st.integers(focus or 1, per_type))
    source_ids = [f"source-{i}" for i in range(count["s"])]
    actor_ids = [f"actor-{i}" for i in range(count["a"])]
    institution_ids = [f"institution-{i}" for i in range(count["i"])]
    place_ids = [f"place-{i}" for i in range(count["p"])]
    office_ids = [f"office-{i}" for i in range(count["o"])]
    parties = st.sampled_from(actor_ids + institution_ids)
    places = st.sampled_from(place_ids)
    dates = partial_date(*bounds)
    records: list[Record] = [
        Source(id=ident, title=draw(words), published=draw(dates)) for ident in source_ids
    ]
    records += [
        Actor(
            id=ident,
            name=draw(words),
            kind=draw(choice(tuple(ActorKind))),
            aliases=tuple(draw(st.lists(words, max_size=2))),
        )
        for ident in actor_ids
    ]
    records += [
        Institution(
            id=ident,
            name=draw(words),
            kind=draw(choice(tuple(InstitutionKind))),
            seat=draw(optional(places)),
        )
        for ident in institution_ids
    ]
    records += [
        Place(
            id=ident,
            name=draw(words),
            kind=draw(choice(tuple(PlaceKind))),
            within=draw(optional(st.sampled_from(place_ids[:index]))) if index else None,
        )
        for index, ident in enumerate(place_ids)
    ]
    records += [
        Office(id=ident, name=draw(words), institution=draw(optional(parties)))
        for ident in office_ids
    ]
    cited = st.sampled_from(source_ids)
    proof = st.lists(
        evidence_items(cited, tuple(Stance), optional(parties), words), min_size=1, max_size=3
    ).map(tuple)
    pools = Pools(
        parties,
        places,
        st.sampled_from(office_ids),
        dates,
        period(*bounds, ongoing=True),
        proof,
        words,
        subjects=st.sampled_from(actor_ids[:focus]) if focus else None,
    )
    if around is not None:
        affirmed = st.lists(
            evidence_items(cited, (Stance.AFFIRMS,), optional(parties), words),
            min_size=1,
            max_size=2,
        )
        pools = attrs.evolve(
            pools,
            dates=date_around(around, bounds),
            spans=period_around(around, bounds),
            proof=affirmed.map(tuple) | proof,
            mandate_kinds=tilted(MandateKind.ELECTORAL, tuple(MandateKind)),
            accepts=tilted(True, (True, False)),
            decisions=choice(ADVERSE + DECISIONS),
        )
    fields = {kind: pools.fields(kind) for kind in kinds}
    mandates: list[str] = []
    if around is None:
        chosen = [draw(choice(kinds)) for _ in range(draw(st.integers(0, max_facts)))]
    else:
        # Around a day, each kind comes in a number of its own, so that every kind
        # is often absent and often there several times, whatever the others do.
        each = st.integers(0, max(1, max_facts // len(kinds)))
        chosen = [kind for kind in kinds for _ in range(draw(each))]
    for index, kind in enumerate(chosen):
        fact = draw(st.builds(kind, id=st.just(f"fact-{index}"), **fields[kind]))
        if isinstance(fact, Mandate):
            extends = draw(optional(st.sampled_from(mandates))) if mandates else None
            fact = attrs.evolve(fact, extends=extends)
            mandates.append(fact.id)
        records.append(fact)
    filters = {
        Question.CLAIMANTS: choice(ROLES),
        Question.HOLDERS: pools.offices,
        Question.CONTROLLERS: places,
        Question.MANDATES: parties,
        Question.RECOGNITIONS: parties,
    }
    for index in range(draw(st.integers(0, max_coverage)) if max_coverage else 0):
        ident = st.just(f"coverage-{index}")
        records.append(draw(coverage_records(ident, filters, pools.spans, words)))
    return records
