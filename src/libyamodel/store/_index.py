"""The indexes behind a Dataset's queries: facts by type, by every entity they name, and
by the span of days each can cover, so that a query looks only at the facts that can
answer it. A group's answers by date are indexed on its first question (see
:mod:`libyamodel.store._interval`), and kept.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

import attrs
import pendulum

from libyamodel.errors import DateFormatError, PeriodError
from libyamodel.model import (
    Actor,
    Entity,
    Fact,
    Institution,
    NamedEntity,
    lives_named,
)
from libyamodel.names import NameRules
from libyamodel.store._interval import Budget, Spans
from libyamodel.time import MAX_DATE, MIN_DATE, DateLike, PartialDate, Span, Truth, to_date

if TYPE_CHECKING:
    pass
from libyamodel.store._facts import Certainty, Facts

__all__ = ["Indexes", "day_number", "fact_order", "window"]

F = TypeVar("F", bound=Fact)

_OPEN_END = MAX_DATE.toordinal()
_EVERY_DAY = (MIN_DATE.toordinal(), _OPEN_END)
_SNAPSHOT_SLOTS = 24
"""Snapshots of query answers may hold this many references per fact of the dataset
(192 bytes); groups whose snapshots would not fit get an interval tree instead."""


_Entry = tuple[int, int, int, int, int]


def _span_entry(fact: Fact, rank: int, days: dict[pendulum.Date, int]) -> _Entry:
    """The day numbers ``fact`` can possibly cover, those it certainly covers, and its rank.

    ``days`` gives each date its number once, so that facts share the numbers, which keeps
    the index small.
    """
    period = fact.period
    start, end = period.start, period.end
    first, last = start.earliest, period.certain_from
    first_number = days.get(first) or days.setdefault(first, first.toordinal())
    last_number = days.get(last) or days.setdefault(last, last.toordinal())
    if end is None:
        return (first_number, _OPEN_END, last_number, _OPEN_END, rank)
    early, late = period.certain_until, end.latest
    return (
        first_number,
        days.get(late) or days.setdefault(late, late.toordinal()),
        last_number,
        days.get(early) or days.setdefault(early, early.toordinal()),
        rank,
    )


_Life = tuple[Span, int, int, int, int]
"""An entity's lifespan, and its bounds as day numbers in the order of an entry's."""


def _life(span: Span) -> _Life:
    return (
        span,
        span.earliest.toordinal(),
        span.latest.toordinal(),
        span.certain_from.toordinal(),
        span.certain_until.toordinal(),
    )


def _narrowed(entry: _Entry, lives: list[_Life]) -> tuple[_Entry, Span]:
    """A fact's entry narrowed to the lifespans of the entities it is about, and the days
    all of those can and certainly exist."""
    first, last, certain_from, certain_until, rank = entry
    span = lives[0][0]
    for index, (life, lo, hi, sure_lo, sure_hi) in enumerate(lives):
        if index:
            span = span & life
        first, last = max(first, lo), min(last, hi)
        certain_from, certain_until = max(certain_from, sure_lo), min(certain_until, sure_hi)
    return (first, last, certain_from, certain_until, rank), span


_NAMING: dict[type, tuple[tuple[str, str | None], ...]] = {}
"""Each fact type's fields that name entities, with the attribute naming one in a nested
item (as ``named`` finds them)."""


def _named(fact: Fact, kind: type[Fact]) -> list[tuple[str, str]]:
    """``list(named(fact))``, quicker: the index calls it once a fact."""
    fields = _NAMING.get(kind)
    if fields is None:
        fields = _NAMING[kind] = tuple(
            (field.name, field.metadata.get("via"))
            for field in attrs.fields(kind)
            if field.metadata.get("ref") is not None
        )
    found = []
    for name, via in fields:
        value = getattr(fact, name)
        if value is None:
            continue
        if isinstance(value, tuple):
            found += [(name, getattr(item, via) if via else item) for item in value]
        else:
            found.append((name, value))
    return found


_ACCEPTED: dict[str, frozenset[Truth]] = {
    "definite": frozenset({Truth.YES}),
    "possible": frozenset({Truth.YES, Truth.MAYBE}),
}


def _accepted(certainty: Certainty) -> frozenset[Truth]:
    accepted = _ACCEPTED.get(certainty)
    if accepted is None:
        raise ValueError(f"certainty must be 'definite' or 'possible', got {certainty!r}")
    return accepted


def day_number(on: DateLike) -> int:
    """The ordinal of a date argument, without building a pendulum date when given one."""
    if type(on) is pendulum.Date or type(on) is datetime.date:
        return on.toordinal()
    return to_date(on).toordinal()


def _bound(value: DateLike, *, end: bool) -> pendulum.Date:
    """A bound of a window: a day, or all of a year or month given as ``2014`` or
    ``2014-06`` (from its first day, or to its last)."""
    if not isinstance(value, str) or len(value) == 10:
        return to_date(value)
    try:
        partial = PartialDate.parse(value)
    except DateFormatError:
        partial = None
    if partial is None or str(partial) != value:
        raise DateFormatError(
            f"{value!r} is not a day, a month or a year; write YYYY-MM-DD, YYYY-MM or YYYY"
        )
    return partial.latest if end else partial.earliest


def window(between: tuple[DateLike, DateLike]) -> tuple[pendulum.Date, pendulum.Date]:
    """The first and last days of ``between=(a, b)``, inclusive: a year or month as ``a``
    starts on its first day, as ``b`` ends on its last."""
    if not isinstance(between, tuple | list) or len(between) != 2:
        raise TypeError(f"between must be a pair (first, last), got {between!r}")
    first, last = _bound(between[0], end=False), _bound(between[1], end=True)
    if first > last:
        raise PeriodError(f"between ends ({last}) before it starts ({first})")
    return first, last


@attrs.frozen
class Indexes:
    """What a dataset builds once so that queries touch only relevant facts."""

    facts: tuple[Fact, ...]
    """Every fact, in rank order (by start, then id)."""
    answer: type[Facts[Any]]
    """The class answers are made of (bound to the dataset's records, for names)."""
    budget: Budget
    """How many more references the answer snapshots of every group may keep."""
    rank: dict[str, int]
    by_type: dict[type[Fact], tuple[Fact, ...]]
    by_field: dict[tuple[type[Fact], str, str], tuple[Fact, ...]]
    mentions: dict[str, tuple[Fact, ...]]
    cited: dict[str, tuple[Fact, ...]]
    type_spans: dict[type[Fact], Spans[Fact]]
    field_spans: dict[tuple[type[Fact], str, str], Spans[Fact]]
    names: dict[str, frozenset[str]]
    skeletons: dict[str, frozenset[str]]
    wikidata: dict[str, NamedEntity]
    lives: dict[str, Span] = attrs.field(factory=dict)
    """For each fact that names an entity with a lifespan in a principal role, the days
    all such entities can and certainly exist: the fact holds only within them."""

    @classmethod
    def build(
        cls,
        entities: Sequence[Entity],
        facts: Sequence[Fact],
        rules: NameRules,
        pack: type[Facts[Any]],
    ) -> Self:
        # Each group's facts in rank order, with their span entries alongside.
        by_type: dict[type[Fact], tuple[list[Fact], list[_Entry]]] = {}
        by_field: dict[tuple[type[Fact], str, str], tuple[list[Fact], list[_Entry]]] = {}
        mentions: defaultdict[str, list[Fact]] = defaultdict(list)
        cited: defaultdict[str, list[Fact]] = defaultdict(list)
        days: dict[pendulum.Date, int] = {}
        lifespans: dict[str, _Life] = {}
        for entity in entities:
            if isinstance(entity, Actor | Institution):
                lifespan = entity.lifespan
                if lifespan.bounded:
                    lifespans[entity.id] = _life(lifespan)
        lives: dict[str, Span] = {}
        for rank, fact in enumerate(facts):
            entry = _span_entry(fact, rank, days)
            if lifespans:
                bounding = lives_named(fact, lifespans)
                if bounding:
                    entry, lives[fact.id] = _narrowed(entry, bounding)
            evidence = fact.evidence
            if len(evidence) == 1:
                cited[evidence[0].source].append(fact)
            else:
                for source in dict.fromkeys(item.source for item in evidence):
                    cited[source].append(fact)
            kind = type(fact)
            members, entries = by_type.get(kind) or by_type.setdefault(kind, ([], []))
            members.append(fact)
            entries.append(entry)
            seen: list[str] = []
            for field, ident in _named(fact, kind):
                if ident not in seen:
                    seen.append(ident)
                    mentions[ident].append(fact)
                key = (kind, field, ident)
                members, entries = by_field.get(key) or by_field.setdefault(key, ([], []))
                if not members or members[-1] is not fact:
                    members.append(fact)
                    entries.append(entry)
        names: defaultdict[str, set[str]] = defaultdict(set)
        skeletons: defaultdict[str, set[str]] = defaultdict(set)
        for entity in entities:
            spellings = [entity.id.replace("-", " "), entity.name]
            if isinstance(entity, NamedEntity):
                spellings += entity.aliases
            for spelling in spellings:
                name_key = rules.key(spelling)
                if name_key:
                    names[name_key].add(entity.id)
                    if not _is_acronym(spelling):
                        skeletons[rules.skeleton(spelling)].add(entity.id)
        budget = Budget(_SNAPSHOT_SLOTS * len(facts) + 4096)

        def spans(entries: list[_Entry], slack: int = 1024) -> Spans[Fact]:
            return Spans(
                entries,
                facts,
                budget=budget,
                slack=slack,
                every_day=_EVERY_DAY,
                pack=pack,
            )

        return cls(
            facts=tuple(facts),
            answer=pack,
            budget=budget,
            rank={fact.id: index for index, fact in enumerate(facts)},
            by_type={kind: tuple(members) for kind, (members, _) in by_type.items()},
            by_field={key: tuple(members) for key, (members, _) in by_field.items()},
            mentions={key: tuple(items) for key, items in mentions.items()},
            cited={key: tuple(items) for key, items in cited.items()},
            type_spans={
                kind: spans(entries, slack=4 * len(facts)) for kind, (_, entries) in by_type.items()
            },
            field_spans={key: spans(entries) for key, (_, entries) in by_field.items()},
            names={key: frozenset(ids) for key, ids in names.items()},
            skeletons={key: frozenset(ids) for key, ids in skeletons.items()},
            wikidata={
                entity.wikidata: entity
                for entity in entities
                if isinstance(entity, NamedEntity) and entity.wikidata
            },
            lives=lives,
        )

    def span(self, fact: Fact) -> Span:
        """The days ``fact`` can and certainly holds: its period, within the lifespans of the
        entities it is about."""
        life = self.lives.get(fact.id)
        span = Span.of(fact.period)
        return span if life is None else span & life

    def overlaps(self, fact: Fact, first: pendulum.Date, last: pendulum.Date) -> Truth:
        """Whether ``fact`` holds on some day from ``first`` to ``last``."""
        life = self.lives.get(fact.id)
        if life is None:
            return fact.period.overlaps(first, last)
        span = Span.of(fact.period) & life
        if span.empty or span.latest < first or span.earliest > last:
            return Truth.NO
        # Certain only if the period certainly meets a day on which every entity it is
        # about certainly exists.
        lo, hi = max(first, life.certain_from), min(last, life.certain_until)
        if lo <= hi and fact.period.overlaps(lo, hi) is Truth.YES:
            return Truth.YES
        return Truth.MAYBE

    def query(
        self,
        kind: type[F],
        *,
        on: DateLike | None = None,
        between: tuple[DateLike, DateLike] | None = None,
        certainty: Certainty = "definite",
        wanted: Sequence[tuple[tuple[str, ...], str]] = (),
        keep: Callable[[F], bool] | None = None,
    ) -> Facts[F]:
        """Facts of ``kind`` true on ``on`` (or overlapping ``between``) to the certainty asked,
        naming each wanted id in one of its fields, and passing ``keep``."""
        accepted = _accepted(certainty)
        spans: list[Spans[Fact] | None]
        if wanted:
            fields, ident = wanted[0]
            spans = [self.field_spans.get((kind, field, ident)) for field in fields]
        else:
            spans = [self.type_spans.get(kind)]
        candidates: Sequence[Fact]
        if on is not None:
            day = day_number(on)
            definite = certainty == "definite"
            found = [g.at(day, definite=definite) for g in spans if g]
            if len(found) == 1:
                candidates = found[0]
                if len(wanted) < 2 and keep is None:
                    return cast("Facts[F]", candidates)
            else:
                candidates = self.in_order([self.rank[f.id] for f in g] for g in found)
        elif between is not None:
            first, last = window(between)
            touching = self.in_order(
                g.touching(first.toordinal(), last.toordinal()) for g in spans if g
            )
            candidates = [f for f in touching if self.overlaps(f, first, last) in accepted]
        elif wanted:
            pools = [self.by_field.get((kind, field, wanted[0][1]), ()) for field in wanted[0][0]]
            candidates = (
                pools[0]
                if len(pools) == 1
                else self.in_order([self.rank[fact.id] for fact in pool] for pool in pools)
            )
        else:
            candidates = self.by_type.get(kind, ())
        chosen = cast("Sequence[F]", candidates)
        return self.answer(
            fact
            for fact in chosen
            if all(_names(fact, fields, ident) for fields, ident in wanted[1:])
            and (keep is None or keep(fact))
        )

    def days_in_force(
        self, fact: Fact
    ) -> tuple[pendulum.Date, pendulum.Date, pendulum.Date, pendulum.Date]:
        """The first and last day ``fact`` is possibly in force, then the first and last day it
        certainly is, as the queries see it (the last representable day for a fact not ended):
        its period within the lifespans of the entities it is about."""
        span = self.span(fact)
        return (span.earliest, span.latest, span.certain_from, span.certain_until)

    def history(
        self,
        kind: type[F],
        first: int,
        last: int,
        *,
        certainty: Certainty = "definite",
        wanted: tuple[str, str] | None = None,
        keep: Callable[[F], bool] | None = None,
    ) -> list[tuple[int, int, Facts[F]]]:
        """The stretches of days ``first..last`` (day numbers) over which :meth:`query`'s
        answer on a day stays the same: each first and last day and that answer."""
        _accepted(certainty)
        if wanted is None:
            spans = self.type_spans.get(kind)
        else:
            spans = self.field_spans.get((kind, *wanted))
        if spans is None:
            return [(first, last, cast("Facts[F]", self.answer(())))]
        changes = spans.stretches(
            first, last, definite=certainty == "definite", keep=cast("Callable[[Fact], bool]", keep)
        )
        ends = [day - 1 for day, _ in changes[1:]] + [last]
        return [
            (day, end, cast("Facts[F]", answer))
            for (day, answer), end in zip(changes, ends, strict=True)
        ]

    def in_order(self, groups: Iterable[list[int]]) -> list[Fact]:
        """The facts with these ranks, in order, each once."""
        listed = list(groups)
        ranks = listed[0] if len(listed) == 1 else list({r for group in listed for r in group})
        ranks.sort()
        facts = self.facts
        return [facts[rank] for rank in ranks]


def _day(number: int) -> pendulum.Date:
    day = datetime.date.fromordinal(number)
    return pendulum.Date(day.year, day.month, day.day)


def _names(fact: Fact, fields: tuple[str, ...], ident: str) -> bool:
    """Whether ``fact`` names ``ident`` in one of ``fields``."""
    for field in fields:
        value = getattr(fact, field)
        if value == ident:
            return True
        if isinstance(value, tuple) and any(
            item == ident or getattr(item, "actor", None) == ident for item in value
        ):
            return True
    return False


def _is_acronym(spelling: str) -> bool:
    """An acronym such as GNA or U.S., which is matched as written and never by its sound:
    the skeleton of CNT is that of Conte."""
    letters = spelling.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 6


def fact_order(fact: Fact) -> tuple[object, str]:
    return (fact.period.start.earliest, fact.id)
