"""The model's own integrity rules: which kind of record each reference may point at, and
which references name what a fact is about (and so bound it by their lifespans)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final

from libyamodel.model._base import Entity, Fact, Record, Target
from libyamodel.model._entities import Actor, Institution, Office, Place, Source
from libyamodel.model._facts import (
    Conference,
    ControlClaim,
    LegitimacyClaim,
    Mandate,
    Membership,
    Recognition,
    Support,
    Tenure,
)
from libyamodel.time import ALWAYS, Span

__all__ = ["PRINCIPALS", "TARGETS", "lifespan_of", "principals"]

TARGETS: Final[Mapping[Target, tuple[type[Record], ...]]] = MappingProxyType(
    {
        Target.PARTY: (Actor, Institution),
        Target.ENTITY: (Entity,),
        Target.PLACE: (Place,),
        Target.OFFICE: (Office,),
        Target.SOURCE: (Source,),
        Target.MANDATE: (Mandate,),
    }
)
"""For each kind of reference, the record types it may point at."""

PRINCIPALS: Final[Mapping[type[Fact], tuple[str, ...]]] = MappingProxyType(
    {
        LegitimacyClaim: ("claimant",),
        Recognition: ("recognizer", "recognized"),
        Mandate: ("holder",),
        Tenure: ("holder",),
        ControlClaim: ("controller",),
        Support: ("supporter", "supported"),
        Conference: ("participants",),
        Membership: ("member", "organization"),
    }
)
"""For each fact type, the fields naming the entities it is about: such a fact can hold
only while each of them exists (within its lifespan)."""


def principals(fact: Fact) -> Iterator[tuple[str, str]]:
    """The ids ``fact`` names in a principal role, each with the path to the field naming it
    (``participants[2].actor``)."""
    for field in PRINCIPALS.get(type(fact), ()):
        value = getattr(fact, field)
        if isinstance(value, str):
            yield field, value
        else:
            for index, item in enumerate(value):
                yield f"{field}[{index}].actor", item.actor


def lifespan_of(entity: object) -> Span:
    """An entity's lifespan: every day for an entity that has none (places, offices,
    sources) or whose dates are not given."""
    if isinstance(entity, Actor | Institution):
        return entity.lifespan
    return ALWAYS
