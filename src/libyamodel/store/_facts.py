"""A query's answer: a tuple of facts that shows entities by name in Jupyter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

from libyamodel.model import (
    Entity,
    Fact,
    Record,
)

if TYPE_CHECKING:
    pass

__all__ = ["Certainty", "EntityRef", "Facts"]

Certainty = Literal["definite", "possible"]
"""How sure a fact must be on the date asked: YES only, or YES and MAYBE."""

EntityRef = str | Entity
"""An entity as a query takes it: its id, a name or alias, or the entity itself."""

F = TypeVar("F", bound=Fact)


class Facts(tuple[F, ...]):
    """A query's answer: a tuple of facts, shown as a table in Jupyter."""

    __slots__ = ()
    _records: ClassVar[Mapping[str, Record] | None] = None
    """The records of the dataset that answered, for names in views (see :meth:`naming`)."""

    @classmethod
    def naming(cls, records: Mapping[str, Record]) -> type[Facts[Any]]:
        """This class, bound to a dataset's records so that its answers show names, not ids.

        One class per dataset, so that an answer costs no more than a plain tuple.
        """
        return type(cls.__name__, (cls,), {"__slots__": (), "_records": records})

    def _repr_html_(self) -> str:
        from libyamodel.views._html import facts_html

        return facts_html(self, names=self._records)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Facts, (tuple(self),))
