"""Coverage: a curator's declaration that the data is complete, or known to be partial,
for one question over a period, so that an empty answer need not pass for "no one"."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Final

import attrs

from libyamodel.errors import FieldError
from libyamodel.model._base import Record, Target, is_optional_id, is_optional_text, ref_to
from libyamodel.model._roles import ROLE_FIELD
from libyamodel.time import Period

__all__ = ["FILTERS", "Coverage", "CoverageExtent", "Question"]


class Question(enum.StrEnum):
    """The questions a :class:`Coverage` record can declare complete or partial."""

    CLAIMANTS = "claimants"
    HOLDERS = "holders"
    CONTROLLERS = "controllers"
    MANDATES = "mandates"
    RECOGNITIONS = "recognitions"


class CoverageExtent(enum.StrEnum):
    """Whether a :class:`Coverage` record declares the data complete, or a known gap."""

    COMPLETE = "complete"
    PARTIAL = "partial"


FILTERS: Final[Mapping[Question, str]] = MappingProxyType(
    {
        Question.CLAIMANTS: "role",
        Question.HOLDERS: "office",
        Question.CONTROLLERS: "place",
        Question.MANDATES: "holder",
        Question.RECOGNITIONS: "recognized",
    }
)
"""For each question, the one field that narrows it (omitted: the question as a whole)."""


@attrs.frozen(kw_only=True, repr=False)
class Coverage(Record):
    """The data is complete (or known to be partial) for one question over a period.

    It is the curators' declaration, not a fact about Libya, so it has no evidence;
    ``note`` says why it is held complete, or what is missing. Only the question's
    own filter may be given (``role`` for claimants, ``office`` for holders, ...).
    """

    TYPE: ClassVar[str] = "coverage"

    question: Question = attrs.field(converter=Question)
    role: str | None = attrs.field(default=None, validator=is_optional_text, metadata=ROLE_FIELD)
    office: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.OFFICE)
    )
    place: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PLACE)
    )
    holder: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.ENTITY)
    )
    recognized: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PARTY)
    )
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    extent: CoverageExtent = attrs.field(converter=CoverageExtent)

    def __attrs_post_init__(self) -> None:
        own = FILTERS[self.question]
        for name in FILTERS.values():
            if name != own and getattr(self, name) is not None:
                raise FieldError(
                    name,
                    f"not a filter of the question {self.question.value!r}; "
                    f"a {self.question.value} coverage takes {own}, or no filter",
                )

    @property
    def about(self) -> str | None:
        """The value of the question's filter: the role, office, place, holder or
        recognized party it is limited to, or ``None`` for the question as a whole."""
        value: str | None = getattr(self, FILTERS[self.question])
        return value

    @property
    def complete(self) -> bool:
        """Whether it declares the data complete (else, a known gap)."""
        return self.extent is CoverageExtent.COMPLETE
