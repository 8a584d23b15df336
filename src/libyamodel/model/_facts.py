"""Facts: time-bound statements about entities, each carrying its evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs

from libyamodel.model._base import (
    Fact,
    Target,
    are_ids,
    are_texts,
    compact_repr,
    is_id,
    is_optional_id,
    is_optional_text,
    is_text,
    ref_to,
    str_tuple,
)
from libyamodel.model._enums import (
    ControlExtent,
    EventKind,
    MandateKind,
    Position,
    SupportKind,
)
from libyamodel.model._roles import ROLE_FIELD
from libyamodel.time import PartialDate, Period

__all__ = [
    "Conference",
    "ControlClaim",
    "Event",
    "LegitimacyClaim",
    "Mandate",
    "Membership",
    "Participant",
    "Recognition",
    "Response",
    "Ruling",
    "Support",
    "Tenure",
]

_is_period = attrs.validators.instance_of(Period)


def _optional_extent(value: ControlExtent | str | None) -> ControlExtent | None:
    return None if value is None else ControlExtent(value)


@attrs.frozen(kw_only=True, repr=False)
class LegitimacyClaim(Fact):
    """A body's claim to be the legitimate holder of a role such as "legislature"; the role is a
    word of the role vocabulary (:class:`~libyamodel.Roles`)."""

    TYPE: ClassVar[str] = "legitimacy_claim"

    claimant: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    role: str = attrs.field(validator=is_text, metadata=ROLE_FIELD)
    basis: str | None = attrs.field(default=None, validator=is_optional_text)
    period: Period = attrs.field(validator=_is_period)


@attrs.frozen(kw_only=True, repr=False)
class Recognition(Fact):
    """One party accepting (or, with ``accepts=False``, refusing) another's claim."""

    TYPE: ClassVar[str] = "recognition"

    recognizer: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    recognized: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    accepts: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    period: Period = attrs.field(validator=_is_period)


@attrs.frozen(kw_only=True, repr=False)
class Mandate(Fact):
    """Authority granted by an electorate, a Security Council resolution, an agreement or a vote."""

    TYPE: ClassVar[str] = "mandate"

    holder: str = attrs.field(validator=is_id, metadata=ref_to(Target.ENTITY))
    kind: MandateKind = attrs.field(converter=MandateKind)
    granted_by: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PARTY)
    )
    instrument: str | None = attrs.field(default=None, validator=is_optional_text)
    extends: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.MANDATE)
    )
    period: Period = attrs.field(validator=_is_period)


@attrs.frozen(kw_only=True, repr=False)
class Tenure(Fact):
    """A person holding an office."""

    TYPE: ClassVar[str] = "tenure"

    holder: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    office: str = attrs.field(validator=is_id, metadata=ref_to(Target.OFFICE))
    appointed_by: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PARTY)
    )
    period: Period = attrs.field(validator=_is_period)


@attrs.frozen(kw_only=True, repr=False)
class ControlClaim(Fact):
    """An actor controlling a territory or facility."""

    TYPE: ClassVar[str] = "control_claim"

    controller: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    place: str = attrs.field(validator=is_id, metadata=ref_to(Target.PLACE))
    extent: ControlExtent | None = attrs.field(default=None, converter=_optional_extent)
    period: Period = attrs.field(validator=_is_period)


@attrs.frozen(kw_only=True, repr=False)
class Participant:
    """Who took part in a conference, and in what role if the source says."""

    actor: str = attrs.field(validator=is_id)
    role: str | None = attrs.field(default=None, validator=is_optional_text)

    __repr__ = compact_repr


def _participants(values: Iterable[Participant | str]) -> tuple[Participant, ...]:
    return tuple(Participant(actor=item) if isinstance(item, str) else item for item in values)


@attrs.frozen(kw_only=True, repr=False)
class Conference(Fact):
    """A meeting: host, chairs, participants and their roles, place, dates, outcomes."""

    TYPE: ClassVar[str] = "conference"

    name: str = attrs.field(validator=is_text)
    place: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PLACE)
    )
    period: Period = attrs.field(validator=_is_period)
    host: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PARTY)
    )
    chairs: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=are_ids, metadata=ref_to(Target.PARTY)
    )
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants, metadata=ref_to(Target.PARTY, via="actor")
    )
    outcomes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple, validator=are_texts)


@attrs.frozen(kw_only=True, repr=False)
class Response:
    """A party's position on a ruling."""

    actor: str = attrs.field(validator=is_id)
    position: Position = attrs.field(converter=Position)

    __repr__ = compact_repr


def _responses(values: Iterable[Response]) -> tuple[Response, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True, repr=False)
class Ruling(Fact):
    """A court decision on a subject, with the parties' responses to it."""

    TYPE: ClassVar[str] = "ruling"

    court: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    subject: str = attrs.field(validator=is_id, metadata=ref_to(Target.ENTITY))
    date: PartialDate = attrs.field(validator=attrs.validators.instance_of(PartialDate))
    decision: str = attrs.field(validator=is_text)
    responses: tuple[Response, ...] = attrs.field(
        default=(), converter=_responses, metadata=ref_to(Target.PARTY, via="actor")
    )

    @property
    def period(self) -> Period:
        """A ruling holds from its date: the period starts and ends on it."""
        return Period.once(self.date)


@attrs.frozen(kw_only=True, repr=False)
class Support(Fact):
    """Military, financial, diplomatic, training or political support from one party to another."""

    TYPE: ClassVar[str] = "support"

    supporter: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    supported: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    kind: SupportKind = attrs.field(converter=SupportKind)
    period: Period = attrs.field(validator=_is_period)


@attrs.frozen(kw_only=True, repr=False)
class Event(Fact):
    """A dated occurrence: an offensive, a bombing, an evacuation, a statement, an election."""

    TYPE: ClassVar[str] = "event"

    name: str = attrs.field(validator=is_text)
    kind: EventKind = attrs.field(converter=EventKind)
    period: Period = attrs.field(validator=_is_period)
    actors: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=are_ids, metadata=ref_to(Target.PARTY)
    )
    places: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=are_ids, metadata=ref_to(Target.PLACE)
    )


@attrs.frozen(kw_only=True, repr=False)
class Membership(Fact):
    """One party belongs to, leads or is part of another: Haftar commands the LNA."""

    TYPE: ClassVar[str] = "membership"

    member: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    organization: str = attrs.field(validator=is_id, metadata=ref_to(Target.PARTY))
    role: str | None = attrs.field(default=None, validator=is_optional_text)
    period: Period = attrs.field(validator=_is_period)
