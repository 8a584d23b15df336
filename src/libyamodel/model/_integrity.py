"""The model's own integrity rules: which kind of record each reference may point at."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from libyamodel.model._base import Entity, Record, Target
from libyamodel.model._entities import Actor, Institution, Office, Place, Source
from libyamodel.model._facts import Mandate

__all__ = ["TARGETS"]

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
