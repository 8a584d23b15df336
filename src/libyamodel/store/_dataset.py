"""The Dataset: validated, immutable entities and facts, and the questions asked of them."""

from __future__ import annotations

import datetime
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar, overload

import attrs
import pendulum

from libyamodel._suggest import close_matches
from libyamodel.errors import AmbiguousName, DataError, Problem, UnknownId, UnknownName
from libyamodel.io import (
    Origin,
    check_records,
    dump_records,
    paused_gc,
)
from libyamodel.model import (
    DEFAULT_ROLES,
    Conference,
    ControlClaim,
    Coverage,
    Entity,
    Event,
    Fact,
    LegitimacyClaim,
    Mandate,
    Membership,
    NamedEntity,
    Question,
    Recognition,
    Record,
    Roles,
    Ruling,
    Source,
    Support,
    Tenure,
)
from libyamodel.names import DEFAULT_RULES, NameRules
from libyamodel.time import MAX_DATE, MIN_DATE, DateLike, Span, Truth, to_date

if TYPE_CHECKING:
    import pandas
    from followthemoney.proxy import EntityProxy
    from matplotlib.axes import Axes

    from libyamodel.legitimacy import LegitimacyProfile, Rule, Verdict
from libyamodel.store._coverage import Completeness
from libyamodel.store._facts import Certainty, EntityRef, Facts
from libyamodel.store._history import History, Stretch, plan
from libyamodel.store._index import Indexes, fact_order, window
from libyamodel.store._ranking import rank_names

__all__ = ["Dataset", "indexes_of"]

StrPath = str | os.PathLike[str]
F = TypeVar("F", bound=Fact)


class Dataset:
    """Entities and facts that have passed validation: every reference resolves.

    Build one with :func:`load` or :meth:`from_records`. A dataset never changes;
    methods that narrow it return a new one. Query results are tuples ordered by
    the earliest day a fact can start, then by id, each saying whether it is
    complete (:attr:`Facts.complete`, from the dataset's :attr:`coverage`).
    """

    __slots__ = (
        "_answer",
        "_by_id",
        "_completeness",
        "_coverage",
        "_entities",
        "_facts",
        "_indexes",
        "_roles",
        "_rules",
    )

    _entities: tuple[Entity, ...]
    _facts: tuple[Fact, ...]
    _coverage: tuple[Coverage, ...]
    _completeness: Completeness
    _by_id: dict[str, Record]
    _answer: type[Facts[Any]]
    _indexes: Indexes | None
    _rules: NameRules
    _roles: Roles

    def __init__(
        self,
        records: Iterable[Record] = (),
        *,
        name_rules: NameRules = DEFAULT_RULES,
        roles: Roles = DEFAULT_ROLES,
        _checked: bool = False,
    ) -> None:
        with paused_gc():
            self._build(tuple(records), name_rules, roles, checked=_checked)

    def _build(
        self, items: tuple[Record, ...], name_rules: NameRules, roles: Roles, *, checked: bool
    ) -> None:
        if not checked:
            _check(items, roles)
        object.__setattr__(self, "_roles", roles)
        entities = tuple(sorted((r for r in items if isinstance(r, Entity)), key=lambda e: e.id))
        facts = tuple(sorted((r for r in items if isinstance(r, Fact)), key=fact_order))
        coverage = tuple(sorted((r for r in items if isinstance(r, Coverage)), key=lambda c: c.id))
        object.__setattr__(self, "_entities", entities)
        object.__setattr__(self, "_facts", facts)
        object.__setattr__(self, "_coverage", coverage)
        by_id = {record.id: record for record in items}
        answer = Facts.naming(MappingProxyType(by_id))
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_rules", name_rules)
        object.__setattr__(self, "_answer", answer)
        object.__setattr__(self, "_indexes", None)
        object.__setattr__(self, "_completeness", Completeness(coverage, answer))

    @property
    def _index(self) -> Indexes:
        """The indexes queries use, built on the first query: loading, validating, exporting
        and narrowing need none. Threads asking first at once may each build them, alike."""
        indexes = self._indexes
        if indexes is None:
            with paused_gc():
                indexes = Indexes.build(self._entities, self._facts, self._rules, self._answer)
            object.__setattr__(self, "_indexes", indexes)
        return indexes

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Dataset cannot be changed (tried to set {name!r})")

    @classmethod
    def from_records(
        cls,
        records: Iterable[Record],
        *,
        name_rules: NameRules = DEFAULT_RULES,
        roles: Roles = DEFAULT_ROLES,
    ) -> Self:
        """A dataset of model objects, validated as a load is: ids unique, references resolve,
        roles in the vocabulary."""
        return cls(records, name_rules=name_rules, roles=roles)

    # -- the records ------------------------------------------------------------------

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Every entity, ordered by id."""
        return self._entities

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, ordered by the earliest day its period can start, then id."""
        return self._facts

    @property
    def roles(self) -> Roles:
        """The role vocabulary the dataset's claims use and its queries accept."""
        return self._roles

    @property
    def coverage(self) -> tuple[Coverage, ...]:
        """The coverage records: where the data is declared complete, or known to be partial
        (ordered by id)."""
        return self._coverage

    def get(self, ident: str, /) -> Record | None:
        """The entity or fact with this id, or ``None``."""
        return self._by_id.get(ident)

    def __getitem__(self, ident: str, /) -> Record:
        record = self._by_id.get(ident)
        if record is None:
            raise UnknownId(ident, close_matches(ident, self._by_id))
        return record

    def __contains__(self, ident: object, /) -> bool:
        return ident in self._by_id

    def __iter__(self) -> Iterator[Record]:
        yield from self._entities
        yield from self._facts
        yield from self._coverage

    def __len__(self) -> int:
        return len(self._by_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return (
            self._entities == other._entities
            and self._facts == other._facts
            and self._coverage == other._coverage
        )

    def __hash__(self) -> int:
        return hash((self._entities, self._facts, self._coverage))

    def __repr__(self) -> str:
        return f"<Dataset: {len(self._entities)} entities, {len(self._facts)} facts>"

    def _repr_html_(self) -> str:
        from libyamodel.views._html import dataset_html

        return dataset_html(self)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources, ordered by publication date, then id."""
        found = (entity for entity in self._entities if isinstance(entity, Source))
        return tuple(sorted(found, key=lambda source: (source.published, source.id)))

    def start_span(self) -> tuple[pendulum.Date, pendulum.Date] | None:
        """The first and last days a fact can start on, leaving out open bounds; None if none."""
        days = [
            day
            for fact in self._facts
            for day in (fact.period.start.earliest, fact.period.start.latest)
            if MIN_DATE < day < MAX_DATE
        ]
        return (min(days), max(days)) if days else None

    def counts(self) -> dict[str, int]:
        """How many records of each type, by type name."""
        return dict(sorted(Counter(record.TYPE for record in self).items()))

    # -- names ------------------------------------------------------------------------

    def resolve(self, name: EntityRef) -> Entity:
        """The entity an id, name, alias or transliteration refers to.

        Raises :class:`~libyamodel.UnknownName` (with the nearest names) or
        :class:`~libyamodel.AmbiguousName` (with every candidate).
        """
        if isinstance(name, Entity):
            name = name.id
        if not isinstance(name, str):
            raise TypeError(f"expected an entity, its id or a name, got {name!r}")
        record = self._by_id.get(name)
        if isinstance(record, Entity):
            return record
        ids = self._index.names.get(self._rules.key(name), frozenset())
        if len(ids) == 1:
            found = self._by_id[next(iter(ids))]
            assert isinstance(found, Entity)
            return found
        if ids:
            raise AmbiguousName(name, sorted(ids))
        raise UnknownName(name, [entity.id for entity, _ in self._ranked(name, 3)])

    def search(self, text: str, limit: int = 10) -> tuple[Entity, ...]:
        """Entities whose names best match ``text``, best first."""
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        return tuple(entity for entity, _ in self._ranked(text, limit))

    def _ranked(self, text: str, limit: int) -> list[tuple[Entity, float]]:
        tables = (
            (self._rules.key(text), self._index.names, False),
            (self._rules.skeleton(text), self._index.skeletons, True),
        )
        return rank_names(tables, self._by_id, limit)

    def _id(self, entity: EntityRef) -> str:
        return self.resolve(entity).id

    # -- queries ----------------------------------------------------------------------

    def _query(
        self,
        kind: type[F],
        *,
        on: DateLike | None = None,
        between: tuple[DateLike, DateLike] | None = None,
        certainty: Certainty = "definite",
        naming: Sequence[tuple[tuple[str, ...], EntityRef | None]] = (),
        keep: Callable[[F], bool] | None = None,
        question: Question | None = None,
        role: str | None = None,
    ) -> Facts[F]:
        r"""The index's answer, with the entities named by any reference resolved to ids,
        saying how complete it is if it answers one of the coverage ``question``\ s."""
        wanted = [(fields, self._id(entity)) for fields, entity in naming if entity is not None]
        answer = self._index.query(
            kind, on=on, between=between, certainty=certainty, wanted=wanted, keep=keep
        )
        if question is None or question not in self._completeness.questions:
            return answer
        return self._completeness.judge(answer, question, role, wanted, on=on, between=between)

    def claimants(
        self,
        on: DateLike | None = None,
        *,
        between: tuple[DateLike, DateLike] | None = None,
        role: str | None = None,
        claimant: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[LegitimacyClaim]:
        """Claims to legitimacy in force on ``on`` (or at some time ``between``), for one role
        (such as "legislature") or all, optionally by one claimant.

        ``role`` is a word of :attr:`roles` or a synonym, in any letter case
        ("Parliament" is the legislature); another raises :class:`~libyamodel.UnknownRole`.
        """
        word = None if role is None else self._roles.word(role)
        return self._query(
            LegitimacyClaim,
            **_day_or_window("claimants", on, between),
            certainty=certainty,
            naming=[(("claimant",), claimant)],
            keep=None if word is None else (lambda claim: claim.role == word),
            question=Question.CLAIMANTS,
            role=word,
        )

    def recognitions(
        self,
        on: DateLike | None = None,
        *,
        recognized: EntityRef | None = None,
        recognizer: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[Recognition]:
        """Recognitions (and refusals, ``accepts=False``), on a date or at any time."""
        return self._query(
            Recognition,
            on=on,
            certainty=certainty,
            naming=[(("recognized",), recognized), (("recognizer",), recognizer)],
            question=Question.RECOGNITIONS,
        )

    def mandates(
        self,
        on: DateLike | None = None,
        *,
        holder: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[Mandate]:
        """Mandates in force on a date, or all of them, optionally for one holder."""
        return self._query(
            Mandate,
            on=on,
            certainty=certainty,
            naming=[(("holder",), holder)],
            question=Question.MANDATES,
        )

    def holders(
        self,
        office: EntityRef,
        on: DateLike | None = None,
        *,
        between: tuple[DateLike, DateLike] | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[Tenure]:
        """Who held ``office`` on ``on`` (or at some time ``between``): the tenures in force."""
        return self._query(
            Tenure,
            **_day_or_window("holders", on, between),
            certainty=certainty,
            naming=[(("office",), office)],
            question=Question.HOLDERS,
        )

    def controllers(
        self,
        place: EntityRef,
        on: DateLike | None = None,
        *,
        between: tuple[DateLike, DateLike] | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[ControlClaim]:
        """Who held ``place`` on ``on`` (or at some time ``between``): the control claims in
        force."""
        return self._query(
            ControlClaim,
            **_day_or_window("controllers", on, between),
            certainty=certainty,
            naming=[(("place",), place)],
            question=Question.CONTROLLERS,
        )

    def territory(
        self,
        controller: EntityRef,
        on: DateLike | None = None,
        *,
        between: tuple[DateLike, DateLike] | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[ControlClaim]:
        """What ``controller`` held on ``on`` (or at some time ``between``): its control
        claims in force."""
        when = _day_or_window("territory", on, between)
        return self._query(
            ControlClaim,
            **when,
            certainty=certainty,
            naming=[(("controller",), controller)],
            question=Question.CONTROLLERS,
        )

    @overload
    def history(
        self,
        question: Literal["claimants"],
        /,
        *,
        between: tuple[DateLike, DateLike],
        role: str | None = None,
        claimant: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> History[LegitimacyClaim]: ...
    @overload
    def history(
        self,
        question: Literal["controllers", "territory"],
        entity: EntityRef,
        /,
        *,
        between: tuple[DateLike, DateLike],
        certainty: Certainty = "definite",
    ) -> History[ControlClaim]: ...
    @overload
    def history(
        self,
        question: Literal["holders"],
        office: EntityRef,
        /,
        *,
        between: tuple[DateLike, DateLike],
        certainty: Certainty = "definite",
    ) -> History[Tenure]: ...
    @overload
    def history(
        self,
        question: Literal["mandates"],
        /,
        *,
        between: tuple[DateLike, DateLike],
        holder: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> History[Mandate]: ...
    @overload
    def history(
        self,
        question: str,
        entity: EntityRef | None = None,
        /,
        *,
        between: tuple[DateLike, DateLike],
        role: str | None = None,
        claimant: EntityRef | None = None,
        holder: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> History[Fact]: ...
    def history(
        self,
        question: str,
        entity: EntityRef | None = None,
        /,
        *,
        between: tuple[DateLike, DateLike],
        role: str | None = None,
        claimant: EntityRef | None = None,
        holder: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> History[Any]:
        """How the answer to ``question`` changed over the days ``between`` (inclusive; a year
        or month stands for all its days): stretches of days with the same answer.

        The question is "claimants", "controllers" (of a place), "territory" (of a
        controller), "holders" (of an office) or "mandates", its entity given second and
        its filters as its point query takes them; each stretch's facts are the point
        query's answer on every one of its days.
        """
        first, last = window(between)
        kind, wanted, keep, about = plan(
            question,
            None if entity is None else self._id(entity),
            {
                "role": (
                    self._roles.word(role)
                    if isinstance(role, str) and question == "claimants"
                    else role  # plan() refuses a role the question does not take
                ),
                "claimant": None if claimant is None else self._id(claimant),
                "holder": None if holder is None else self._id(holder),
            },
        )
        with paused_gc():
            found = self._index.history(
                kind,
                first.toordinal(),
                last.toordinal(),
                certainty=certainty,
                wanted=wanted,
                keep=keep,
            )
            stretches = tuple(
                Stretch(_day(start), _day(end), self._judged(question, about, start, end, answer))
                for start, end, answer in found
            )
        return History(question, about, first, last, certainty, stretches)

    def _judged(
        self,
        question: str,
        about: tuple[tuple[str, str], ...],
        first: int,
        last: int,
        answer: Facts[F],
    ) -> Facts[F]:
        """A history's answer over days ``first..last`` saying whether it is complete on all
        of them, as the point query's answer says it for its day."""
        asked = Question.CONTROLLERS if question == "territory" else Question(question)
        if asked not in self._completeness.questions:
            return answer
        role = dict(about).get("role")
        wanted = [((name,), value) for name, value in about if name != "role"]
        return self._completeness.judge(
            answer, asked, role, wanted, on=None, between=(_day(first), _day(last))
        )

    def supports(
        self,
        on: DateLike | None = None,
        *,
        supporter: EntityRef | None = None,
        supported: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[Support]:
        """Support given, on a date or at any time, optionally by or to one party."""
        return self._query(
            Support,
            on=on,
            certainty=certainty,
            naming=[(("supporter",), supporter), (("supported",), supported)],
        )

    def memberships(
        self,
        on: DateLike | None = None,
        *,
        member: EntityRef | None = None,
        organization: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[Membership]:
        """Who belonged to, led or was part of whom, on a date or at any time."""
        return self._query(
            Membership,
            on=on,
            certainty=certainty,
            naming=[(("member",), member), (("organization",), organization)],
        )

    def rulings(
        self,
        subject: EntityRef | None = None,
        *,
        court: EntityRef | None = None,
        between: tuple[DateLike, DateLike] | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[Ruling]:
        """Court rulings, optionally on one subject, by one court, or dated within ``between``."""
        return self._query(
            Ruling,
            between=between,
            certainty=certainty,
            naming=[(("subject",), subject), (("court",), court)],
        )

    def conferences(
        self,
        attendee: EntityRef | None = None,
        *,
        place: EntityRef | None = None,
        between: tuple[DateLike, DateLike] | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[Conference]:
        """Conferences, optionally with one attendee (host, chair or participant) or place."""
        return self._query(
            Conference,
            between=between,
            certainty=certainty,
            naming=[(("host", "chairs", "participants"), attendee), (("place",), place)],
        )

    def events(
        self,
        between: tuple[DateLike, DateLike] | None = None,
        *,
        actor: EntityRef | None = None,
        place: EntityRef | None = None,
        certainty: Certainty = "definite",
    ) -> Facts[Event]:
        """Events, optionally within ``between``, involving an actor, or at a place."""
        return self._query(
            Event,
            between=between,
            certainty=certainty,
            naming=[(("actors",), actor), (("places",), place)],
        )

    def span(self, fact: Fact | str) -> Span:
        """The days a fact of this dataset can hold and certainly holds: its period, within
        the lifespans of the entities it names in a principal role (docs/lifespans.md)."""
        return self._index.span(self._own_fact(fact))

    def truth(self, fact: Fact | str, on: DateLike) -> Truth:
        """Whether a fact of this dataset holds on ``on``: its period's truth, and NO (or
        MAYBE) on days outside the lifespan of an entity it is about. Queries answer by it."""
        return self.span(fact).truth(on)

    def _own_fact(self, fact: Fact | str) -> Fact:
        ident = fact if isinstance(fact, str) else fact.id
        record = self._by_id.get(ident)
        if not isinstance(record, Fact):
            if record is None and isinstance(fact, str):
                raise UnknownId(ident, close_matches(ident, self._by_id))
            raise ValueError(f"{ident!r} is not a fact of this dataset")
        if not isinstance(fact, str) and record is not fact and record != fact:
            raise ValueError(f"{ident!r} is not this dataset's fact of that id")
        return record

    def timeline(self, entity: EntityRef) -> Facts[Fact]:
        """Every fact that names the entity in one of its fields, in date order."""
        ident = self._id(entity)
        if isinstance(self._by_id[ident], Source):
            return self._index.answer(self._index.cited.get(ident, ()))
        return self._index.answer(self._index.mentions.get(ident, ()))

    def legitimacy(self, body: EntityRef, on: DateLike) -> LegitimacyProfile:
        """Everything that bears on ``body``'s legitimacy on ``on``, each item with its truth."""
        from libyamodel.legitimacy import build_profile

        return build_profile(self, self._id(body), to_date(on))

    def assess(self, body: EntityRef, on: DateLike, rule: Rule) -> Verdict:
        """Apply a legitimacy rule to ``body``'s profile on ``on``."""
        return rule(self.legitimacy(body, on))

    # -- knowledge time ---------------------------------------------------------------

    def as_known_on(self, day: DateLike) -> Dataset:
        """The dataset as it could have been written on ``day``.

        Keeps only evidence from sources certainly published on or before ``day``,
        drops facts left with none, and so re-derives every status. A mandate
        whose ``extends`` points to a mandate not yet known loses that link.
        Coverage records, the curators' declarations, are kept as they are.
        """
        cutoff = to_date(day)
        known_sources = {
            entity.id
            for entity in self._entities
            if isinstance(entity, Source) and entity.published.latest <= cutoff
        }
        kept: dict[str, Fact] = {}
        for fact in self._facts:
            evidence = tuple(item for item in fact.evidence if item.source in known_sources)
            if evidence:
                kept[fact.id] = (
                    fact if evidence == fact.evidence else attrs.evolve(fact, evidence=evidence)
                )
        for ident, fact in kept.items():
            if isinstance(fact, Mandate) and fact.extends is not None and fact.extends not in kept:
                kept[ident] = attrs.evolve(fact, extends=None)
        return Dataset(
            (*self._entities, *kept.values(), *self._coverage),
            name_rules=self._rules,
            roles=self._roles,
            _checked=True,
        )

    def by_wikidata(self, qid: str) -> NamedEntity | None:
        """The entity with this Wikidata item id (such as ``"Q1016"``), or ``None``."""
        return self._index.wikidata.get(qid)

    # -- output -----------------------------------------------------------------------

    def to_popolo(self) -> dict[str, Any]:
        """Persons, organizations, posts and memberships as Popolo JSON."""
        from libyamodel.views.popolo import to_popolo

        return to_popolo(self)

    def to_geojson(self, on: DateLike, *, certainty: Certainty = "definite") -> dict[str, Any]:
        """The places with coordinates and who held each on ``on``, as a GeoJSON
        FeatureCollection."""
        from libyamodel.views.geojson import to_geojson

        return to_geojson(self, on, certainty=certainty)

    def to_ftm(self) -> Iterator[EntityProxy]:
        """The records as FollowTheMoney entities; needs the ``ftm`` extra."""
        from libyamodel.views.ftm import to_ftm

        return to_ftm(self)

    def to_pandas(self, kind: str | type[Fact] | None = None, /) -> pandas.DataFrame:
        """One row per fact (of one type, or all), or per entity for ``"entity"``; needs the
        ``frames`` extra."""
        from libyamodel.views.frames import to_pandas

        return to_pandas(self, kind)

    def to_parquet(self, path: StrPath, kind: str | type[Fact] | None = None, /) -> None:
        """Write :meth:`to_pandas` to a Parquet file; needs the ``frames`` extra."""
        from libyamodel.views.frames import to_parquet

        to_parquet(self, path, kind)

    def plot(
        self,
        *entities: EntityRef,
        types: Sequence[str | type[Fact]] = (),
        ax: Axes | None = None,
        title: str | None = None,
    ) -> Axes:
        """A timeline of the facts naming any of ``entities``; needs the ``plot`` extra.

        ``types`` keeps only facts of those types (classes or names such as
        ``"control_claim"``). Rows are labelled with entities' names. Returns the Axes.
        """
        from libyamodel.views.plot import plot_dataset

        return plot_dataset(self, *entities, types=types, ax=ax, title=title)

    def dump(self, folder: StrPath, *, overwrite: bool = False) -> tuple[Path, ...]:
        """Write the dataset as YAML files (one per record type) that load back equal."""
        return tuple(dump_records(self, Path(folder), overwrite=overwrite))


def _check(records: Sequence[Record], roles: Roles) -> None:
    problems = [
        Problem(f"expected a libyamodel record, got {type(r).__name__}", record=repr(r)[:60])
        for r in records
        if not isinstance(r, Entity | Fact | Coverage)
    ]
    if problems:
        raise DataError(problems)
    problems = check_records([(record, Origin()) for record in records], roles=roles)
    if problems:
        raise DataError(problems)


def _day_or_window(
    question: str, on: DateLike | None, between: tuple[DateLike, DateLike] | None
) -> dict[str, Any]:
    """``on`` or ``between`` as a query takes them, once it is clear exactly one was given."""
    if (on is None) == (between is None):
        given = "both" if on is not None else "neither"
        raise TypeError(
            f"{question}() needs a day on=... or a window between=(first, last); {given} given"
        )
    return {"on": on} if between is None else {"between": between}


def _day(number: int) -> pendulum.Date:
    """The date of a day number (built from its parts: ten times faster than pendulum's own
    ``fromordinal``)."""
    day = datetime.date.fromordinal(number)
    return pendulum.Date(day.year, day.month, day.day)


def indexes_of(dataset: Dataset) -> Indexes:
    """The indexes behind a dataset's answers, for tests and benchmarks that measure them."""
    return dataset._index
