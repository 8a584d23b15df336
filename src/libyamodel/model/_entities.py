"""Entities: the actors, institutions, places, offices and sources facts refer to."""

from __future__ import annotations

from typing import Any, ClassVar, Final

import attrs

from libyamodel.model._base import (
    Entity,
    Evidence,
    FieldError,
    Target,
    are_texts,
    evidence_tuple,
    is_optional_id,
    is_optional_qid,
    is_optional_text,
    is_text,
    ref_to,
    str_tuple,
)
from libyamodel.model._enums import ActorKind, InstitutionKind, PlaceKind, SourceKind
from libyamodel.time import ALWAYS, PartialDate, Span

__all__ = ["Actor", "Institution", "NamedEntity", "Office", "Place", "Source"]


def _optional_date(value: PartialDate | str | None) -> PartialDate | None:
    """Converter: a partial date, its text, or ``None``."""
    return value if value is None or isinstance(value, PartialDate) else PartialDate.parse(value)


def _are_evidence(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    for index, item in enumerate(value):
        if not isinstance(item, Evidence):
            raise FieldError(f"{attribute.name}[{index}]", f"expected Evidence, got {item!r}")


_is_optional_date = attrs.validators.optional(attrs.validators.instance_of(PartialDate))


_COUNTERPART: Final = {
    "founded": "born",
    "dissolved": "died",
    "born": "founded",
    "died": "dissolved",
}


def _check_lifespan(
    start: tuple[str, PartialDate | None],
    end: tuple[str, PartialDate | None],
    evidence: tuple[Evidence, ...],
) -> None:
    """A lifespan's dates are cited, and it does not end before it begins."""
    (start_name, first), (end_name, last) = start, end
    if first is None and last is None:
        if evidence:
            raise FieldError(
                "evidence",
                f"an entity's evidence cites its {start_name} or {end_name} date; "
                "give that date, or remove the evidence",
            )
        return
    if not evidence:
        given = start_name if first is not None else end_name
        raise FieldError(
            given,
            f"{given} needs at least one evidence item (source and quote or paraphrase), "
            "as a fact does",
        )
    if first is not None and last is not None and first.earliest > last.latest:
        raise FieldError(
            end_name,
            f"{end_name} ({last}) comes before {start_name} ({first}); "
            "swap them or widen one of the dates",
        )


def _optional_source_kind(value: SourceKind | str | None) -> SourceKind | None:
    return None if value is None else SourceKind(value)


@attrs.frozen(kw_only=True, repr=False)
class NamedEntity(Entity):
    """An entity known by a name, other names, and perhaps a Wikidata item."""

    name: str = attrs.field(validator=is_text)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple, validator=are_texts)
    wikidata: str | None = attrs.field(default=None, validator=is_optional_qid)


@attrs.frozen(kw_only=True, repr=False)
class Actor(NamedEntity):
    """A person, armed group, party, state, international organisation, outlet, company or tribe."""

    TYPE: ClassVar[str] = "actor"

    kind: ActorKind = attrs.field(converter=ActorKind)
    founded: PartialDate | None = attrs.field(
        default=None, converter=_optional_date, validator=_is_optional_date
    )
    """When a collective actor (any kind but ``person``) came into being."""
    dissolved: PartialDate | None = attrs.field(
        default=None, converter=_optional_date, validator=_is_optional_date
    )
    """When a collective actor ceased to exist."""
    born: PartialDate | None = attrs.field(
        default=None, converter=_optional_date, validator=_is_optional_date
    )
    """When a person was born."""
    died: PartialDate | None = attrs.field(
        default=None, converter=_optional_date, validator=_is_optional_date
    )
    """When a person died."""
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=evidence_tuple, validator=_are_evidence
    )
    """The sources for the lifespan's dates; required when a date is given."""

    def __attrs_post_init__(self) -> None:
        person = self.kind is ActorKind.PERSON
        wrong = ("founded", "dissolved") if person else ("born", "died")
        for name in wrong:
            if getattr(self, name) is not None:
                right = _COUNTERPART[name]
                what = "a person" if person else f"an actor of kind {self.kind.value}"
                raise FieldError(
                    name,
                    f"{what} takes {right}, not {name}"
                    + ("" if person else "; born and died are for persons"),
                )
        if person:
            _check_lifespan(("born", self.born), ("died", self.died), self.evidence)
        else:
            _check_lifespan(("founded", self.founded), ("dissolved", self.dissolved), self.evidence)

    @property
    def lifespan(self) -> Span:
        """The days the actor can exist and certainly exists: born or founded to died or
        dissolved, both days inside; every day if no date is given."""
        if self.kind is ActorKind.PERSON:
            start, end = self.born, self.died
        else:
            start, end = self.founded, self.dissolved
        return ALWAYS if start is None and end is None else Span.between(start, end)


@attrs.frozen(kw_only=True, repr=False)
class Institution(NamedEntity):
    """A formal body with a constitutional or legal role, such as a parliament or court."""

    TYPE: ClassVar[str] = "institution"

    kind: InstitutionKind = attrs.field(converter=InstitutionKind)
    seat: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PLACE)
    )
    parent: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PARTY)
    )
    founded: PartialDate | None = attrs.field(
        default=None, converter=_optional_date, validator=_is_optional_date
    )
    """When the body was established (or first sat)."""
    dissolved: PartialDate | None = attrs.field(
        default=None, converter=_optional_date, validator=_is_optional_date
    )
    """When the body ceased to exist."""
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=evidence_tuple, validator=_are_evidence
    )
    """The sources for the lifespan's dates; required when a date is given."""

    def __attrs_post_init__(self) -> None:
        _check_lifespan(("founded", self.founded), ("dissolved", self.dissolved), self.evidence)

    @property
    def lifespan(self) -> Span:
        """The days the body can exist and certainly exists: founded to dissolved, both days
        inside; every day if no date is given."""
        if self.founded is None and self.dissolved is None:
            return ALWAYS
        return Span.between(self.founded, self.dissolved)


def is_latitude(_: object, attribute: attrs.Attribute[float | None], value: object) -> None:
    _check_degrees(attribute.name, value, 90)


def is_longitude(_: object, attribute: attrs.Attribute[float | None], value: object) -> None:
    _check_degrees(attribute.name, value, 180)


def _check_degrees(field: str, value: object, limit: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(field, f"must be a number of degrees, got {value!r}")
    if not -limit <= value <= limit:
        raise FieldError(field, f"{value} is outside -{limit}..{limit} degrees")


@attrs.frozen(kw_only=True, repr=False)
class Place(NamedEntity):
    """A country, region, city, town, facility, oil field, port, airport or crossing."""

    TYPE: ClassVar[str] = "place"

    kind: PlaceKind = attrs.field(converter=PlaceKind)
    within: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PLACE)
    )
    lat: float | None = attrs.field(default=None, validator=is_latitude)
    lon: float | None = attrs.field(default=None, validator=is_longitude)


@attrs.frozen(kw_only=True, repr=False)
class Office(NamedEntity):
    """A post one holder at a time fills, such as the UN Special Representative for Libya."""

    TYPE: ClassVar[str] = "office"

    institution: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PARTY)
    )


@attrs.frozen(kw_only=True, repr=False)
class Source(Entity):
    """A document facts are cited to; its publication date bounds what was known when."""

    TYPE: ClassVar[str] = "source"

    title: str = attrs.field(validator=is_text)
    publisher: str | None = attrs.field(default=None, validator=is_optional_text)
    author: str | None = attrs.field(default=None, validator=is_optional_text)
    published: PartialDate = attrs.field(validator=attrs.validators.instance_of(PartialDate))
    url: str | None = attrs.field(default=None, validator=is_optional_text)
    kind: SourceKind | None = attrs.field(default=None, converter=_optional_source_kind)

    @property
    def name(self) -> str:
        """A source is named by its title."""
        return self.title
