"""Legitimacy profiles: everything that bears on a body's legitimacy on one date.

A profile gathers, for one body and one day, its claims, the recognitions for
and against it, its mandates, the rulings on it so far, the territory it
controls and the support it receives, each with its truth on that day. Rules
(see ``ds.assess``) are plain functions from a profile to a verdict.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs
import pendulum

from libyamodel.model import (
    ControlClaim,
    Fact,
    LegitimacyClaim,
    Mandate,
    Recognition,
    Ruling,
    Status,
    Support,
)
from libyamodel.time import Truth

if TYPE_CHECKING:
    from libyamodel.store import Dataset

__all__ = ["Assessed", "LegitimacyProfile", "Rule", "Verdict", "build_profile"]

F = TypeVar("F", bound=Fact)
F_co = TypeVar("F_co", bound=Fact, covariant=True)


@attrs.frozen
class Assessed(Generic[F_co]):
    """A fact with its truth on the profile's date."""

    fact: F_co
    truth: Truth

    @property
    def status(self) -> Status:
        """The fact's status, from its evidence."""
        return self.fact.status


@attrs.frozen
class LegitimacyProfile:
    """What bears on ``body``'s legitimacy on ``on``: only items possibly true then."""

    body: str
    on: pendulum.Date
    claims: tuple[Assessed[LegitimacyClaim], ...]
    recognitions_for: tuple[Assessed[Recognition], ...]
    recognitions_against: tuple[Assessed[Recognition], ...]
    mandates: tuple[Assessed[Mandate], ...]
    rulings: tuple[Assessed[Ruling], ...]
    territory: tuple[Assessed[ControlClaim], ...]
    support: tuple[Assessed[Support], ...]
    dataset: Dataset | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """The dataset the profile was drawn from, so that views can name its entities; it takes
    no part in comparing profiles."""

    def _repr_html_(self) -> str:
        from libyamodel.views._html import profile_html

        return profile_html(self)

    def items(self) -> tuple[Assessed[Fact], ...]:
        """Every assessed fact in the profile."""
        return (
            *self.claims,
            *self.recognitions_for,
            *self.recognitions_against,
            *self.mandates,
            *self.rulings,
            *self.territory,
            *self.support,
        )


@attrs.frozen
class Verdict:
    """A rule's answer: a truth value, the facts it rests on, and why."""

    truth: Truth
    facts: tuple[Fact, ...] = ()
    reasons: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        from libyamodel.views._html import verdict_html

        return verdict_html(self)


Rule = Callable[[LegitimacyProfile], Verdict]
"""A legitimacy rule: a pure function from a profile to a verdict."""


def _assess(dataset: Dataset, facts: tuple[F, ...], on: pendulum.Date) -> tuple[Assessed[F], ...]:
    return tuple(Assessed(fact, dataset.truth(fact, on)) for fact in facts)


def _so_far(ruling: Ruling, on: pendulum.Date) -> Truth:
    if ruling.date.latest <= on:
        return Truth.YES
    return Truth.MAYBE if ruling.date.earliest <= on else Truth.NO


def build_profile(dataset: Dataset, body: str, on: pendulum.Date) -> LegitimacyProfile:
    """The legitimacy profile of the entity ``body`` on ``on`` in ``dataset``."""
    recognitions = dataset.recognitions(on, recognized=body, certainty="possible")
    rulings = tuple(
        Assessed(ruling, _so_far(ruling, on))
        for ruling in dataset.rulings(subject=body)
        if _so_far(ruling, on) is not Truth.NO
    )
    return LegitimacyProfile(
        body=body,
        on=on,
        claims=_assess(dataset, dataset.claimants(on, certainty="possible", claimant=body), on),
        recognitions_for=_assess(dataset, tuple(r for r in recognitions if r.accepts), on),
        recognitions_against=_assess(dataset, tuple(r for r in recognitions if not r.accepts), on),
        mandates=_assess(dataset, dataset.mandates(on, holder=body, certainty="possible"), on),
        rulings=rulings,
        territory=_assess(dataset, dataset.territory(body, on, certainty="possible"), on),
        support=_assess(dataset, dataset.supports(on, supported=body, certainty="possible"), on),
        dataset=dataset,
    )
