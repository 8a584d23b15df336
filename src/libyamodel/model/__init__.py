"""The typed, immutable model: entities, facts, evidence and their vocabularies."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from libyamodel.model._base import (
    Entity,
    Evidence,
    Fact,
    FieldError,
    Record,
    Target,
    headline,
    named,
    references,
    references_in,
    references_resolve,
)
from libyamodel.model._coverage import FILTERS, Coverage, CoverageExtent, Question
from libyamodel.model._entities import Actor, Institution, NamedEntity, Office, Place, Source
from libyamodel.model._enums import (
    ActorKind,
    ControlExtent,
    EventKind,
    InstitutionKind,
    MandateKind,
    PlaceKind,
    Position,
    SourceKind,
    Stance,
    Status,
    SupportKind,
)
from libyamodel.model._facts import (
    Conference,
    ControlClaim,
    Event,
    LegitimacyClaim,
    Mandate,
    Membership,
    Participant,
    Recognition,
    Response,
    Ruling,
    Support,
    Tenure,
)
from libyamodel.model._integrity import (
    PRINCIPALS,
    TARGETS,
    lifespan_of,
    lives_named,
    principals,
)
from libyamodel.model._roles import DEFAULT_ROLES, ROLES, SYNONYMS, Roles, role_fields

ENTITY_TYPES: tuple[type[Entity], ...] = (Actor, Institution, Place, Office, Source)
FACT_TYPES: tuple[type[Fact], ...] = (
    LegitimacyClaim,
    Recognition,
    Mandate,
    Tenure,
    ControlClaim,
    Conference,
    Ruling,
    Support,
    Event,
    Membership,
)
VOCABULARIES: tuple[type[enum.StrEnum], ...] = (
    ActorKind,
    InstitutionKind,
    PlaceKind,
    MandateKind,
    ControlExtent,
    SupportKind,
    EventKind,
    Position,
    SourceKind,
    Stance,
    Status,
    Question,
    CoverageExtent,
)
_RECORD_CLASSES: tuple[type[Record], ...] = (*ENTITY_TYPES, *FACT_TYPES, Coverage)
RECORD_TYPES: Mapping[str, type[Record]] = MappingProxyType(
    {cls.TYPE: cls for cls in _RECORD_CLASSES}
)


def fact_type(kind: str | type[Fact]) -> type[Fact]:
    """The fact class for a type name such as ``"control_claim"``, or the class itself."""
    cls = RECORD_TYPES.get(kind) if isinstance(kind, str) else kind
    if not (isinstance(cls, type) and issubclass(cls, Fact)):
        names = ", ".join(fact.TYPE for fact in FACT_TYPES)
        raise ValueError(f"{kind!r} is not a fact type; one of: {names}")
    return cls


__all__ = [
    "DEFAULT_ROLES",
    "ENTITY_TYPES",
    "FACT_TYPES",
    "FILTERS",
    "PRINCIPALS",
    "RECORD_TYPES",
    "ROLES",
    "SYNONYMS",
    "TARGETS",
    "VOCABULARIES",
    "Actor",
    "ActorKind",
    "Conference",
    "ControlClaim",
    "ControlExtent",
    "Coverage",
    "CoverageExtent",
    "Entity",
    "Event",
    "EventKind",
    "Evidence",
    "Fact",
    "FieldError",
    "Institution",
    "InstitutionKind",
    "LegitimacyClaim",
    "Mandate",
    "MandateKind",
    "Membership",
    "NamedEntity",
    "Office",
    "Participant",
    "Place",
    "PlaceKind",
    "Position",
    "Question",
    "Recognition",
    "Record",
    "Response",
    "Roles",
    "Ruling",
    "Source",
    "SourceKind",
    "Stance",
    "Status",
    "Support",
    "SupportKind",
    "Target",
    "Tenure",
    "fact_type",
    "headline",
    "lifespan_of",
    "lives_named",
    "named",
    "principals",
    "references",
    "references_in",
    "references_resolve",
    "role_fields",
]
