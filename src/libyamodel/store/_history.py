"""Histories: how a question's answer changes over a span of days, as stretches of days
over which it stays the same."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar, overload

import attrs
import pendulum

from libyamodel.model import ControlClaim, Fact, LegitimacyClaim, Mandate, Tenure
from libyamodel.store._facts import Certainty, Facts
from libyamodel.store._index import fact_order
from libyamodel.time import DateLike, Truth, to_date

if TYPE_CHECKING:
    import pandas
    from matplotlib.axes import Axes

__all__ = ["QUESTIONS", "History", "Question", "Stretch", "plan"]

F = TypeVar("F", bound=Fact)

Question = Literal["claimants", "controllers", "territory", "holders", "mandates"]
"""The questions a history can follow over time."""

QUESTIONS: Final[Mapping[str, tuple[type[Fact], str | None]]] = MappingProxyType(
    {
        "claimants": (LegitimacyClaim, None),
        "controllers": (ControlClaim, "place"),
        "territory": (ControlClaim, "controller"),
        "holders": (Tenure, "office"),
        "mandates": (Mandate, None),
    }
)
"""Each question's fact type, and the field its entity argument names (None: it takes none)."""

_OPTIONS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {"claimants": ("role", "claimant"), "mandates": ("holder",)}
)
"""The keyword filters each question takes, as its point query does."""


@attrs.frozen(repr=False)
class Stretch(Generic[F]):
    """Consecutive days, ``first`` to ``last`` inclusive, on each of which the question's
    point query gives the same answer: ``facts``."""

    first: pendulum.Date
    last: pendulum.Date
    facts: Facts[F]

    @property
    def complete(self) -> Truth:
        """Whether the data is declared complete for the question on every day of the
        stretch (YES), known to be partial on one of them (NO), or neither (MAYBE)."""
        return self.facts.complete

    def __repr__(self) -> str:
        ids = tuple(fact.id for fact in self.facts)
        return f"Stretch('{self.first}', '{self.last}', {ids!r})"

    @property
    def days(self) -> int:
        """How many days the stretch lasts."""
        return (self.last - self.first).days + 1


@attrs.frozen(repr=False)
class History(Sequence[Stretch[F]]):
    """How a question's answer changed from ``first`` to ``last``: stretches in date order
    that cover every day once, each answer differing from the one before it.

    ``about`` names what was asked (``(("place", "sirte"),)``), by id.
    """

    question: str
    about: tuple[tuple[str, str], ...]
    first: pendulum.Date
    last: pendulum.Date
    certainty: Certainty
    stretches: tuple[Stretch[F], ...]

    def __len__(self) -> int:
        return len(self.stretches)

    def __repr__(self) -> str:
        about = ", ".join(f"{field}={value!r}" for field, value in self.about)
        return (
            f"<History of {self.question}({about}), {self.first} to {self.last},"
            f" {self.certainty}: {len(self.stretches)} stretches>"
        )

    @overload
    def __getitem__(self, index: int) -> Stretch[F]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Stretch[F], ...]: ...
    def __getitem__(self, index: int | slice) -> Stretch[F] | tuple[Stretch[F], ...]:
        return self.stretches[index]

    def __iter__(self) -> Iterator[Stretch[F]]:
        return iter(self.stretches)

    def at(self, day: DateLike) -> Stretch[F]:
        """The stretch that holds ``day``; a ``ValueError`` outside ``first..last``."""
        wanted = to_date(day)
        if not self.first <= wanted <= self.last:
            raise ValueError(f"{wanted} is outside the history's days, {self.first} to {self.last}")
        starts = [stretch.first for stretch in self.stretches]
        return self.stretches[bisect_right(starts, wanted) - 1]

    @property
    def facts(self) -> tuple[F, ...]:
        """Every fact in force on some day of the history, each once, in the usual order."""
        seen = {fact.id: fact for stretch in self.stretches for fact in stretch.facts}
        return tuple(sorted(seen.values(), key=fact_order))

    def to_pandas(self) -> pandas.DataFrame:
        """One row per stretch and fact (an empty stretch: one row with no fact); needs the
        ``frames`` extra."""
        from libyamodel.views.history import history_frame

        return history_frame(self)

    def plot(
        self,
        *,
        kind: Literal["entities", "count"] = "entities",
        ax: Axes | None = None,
        title: str | None = None,
    ) -> Axes:
        """Who was in force when, one row per entity (``"entities"``), or a step plot of how
        many (``"count"``); needs the ``plot`` extra. Returns the Axes."""
        from libyamodel.views.history import plot_history

        return plot_history(self, kind=kind, ax=ax, title=title)

    def _repr_html_(self) -> str:
        from libyamodel.views.history import history_html

        return history_html(self)


def plan(
    question: str, entity: str | None, options: Mapping[str, str | None]
) -> tuple[
    type[Fact],
    tuple[str, str] | None,
    Callable[[Any], bool] | None,
    tuple[tuple[str, str], ...],
]:
    """What a history asks, given ids for entities: the fact type, the field and id its
    group is found by, a filter for the rest (a role), and the question's arguments as
    given; a clear error for an argument the question does not take."""
    if question not in QUESTIONS:
        raise ValueError(f"history follows one of {', '.join(QUESTIONS)}; got {question!r}")
    kind, field = QUESTIONS[question]
    takes = _OPTIONS.get(question, ())
    if field is None and entity is not None:
        raise TypeError(
            f"history({question!r}) takes no entity; filter with "
            + " or ".join(f"{name}=..." for name in takes)
        )
    if field is not None and entity is None:
        raise TypeError(f"history({question!r}, {field}) needs the {field}")
    given = {name: value for name, value in options.items() if value is not None}
    for name in given:
        if name not in takes:
            raise TypeError(f"history({question!r}) takes no {name}=")
    if field is not None and entity is not None:
        return kind, (field, entity), None, ((field, entity),)
    role = given.get("role")
    named = [(name, value) for name, value in given.items() if name != "role"]
    keep = None if role is None else _role_is(role)
    return kind, (named[0] if named else None), keep, tuple(given.items())


def _role_is(role: str) -> Callable[[LegitimacyClaim], bool]:
    return lambda claim: claim.role == role
