"""Entities: the actors, institutions, places, offices and sources facts refer to."""

from __future__ import annotations

from typing import ClassVar

import attrs

from libyamodel.model._base import (
    Entity,
    FieldError,
    Target,
    are_texts,
    is_optional_id,
    is_optional_qid,
    is_optional_text,
    is_text,
    ref_to,
    str_tuple,
)
from libyamodel.model._enums import ActorKind, InstitutionKind, PlaceKind, SourceKind
from libyamodel.time import PartialDate

__all__ = ["Actor", "Institution", "NamedEntity", "Office", "Place", "Source"]


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
