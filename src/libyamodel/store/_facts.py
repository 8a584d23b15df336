"""A query's answer: a tuple of facts that says whether it is complete, and shows entities
by name in Jupyter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar

from libyamodel.model import (
    Coverage,
    Entity,
    Fact,
    Record,
)
from libyamodel.time import Truth

__all__ = ["Certainty", "EntityRef", "Facts"]

Certainty = Literal["definite", "possible"]
"""How sure a fact must be on the date asked: YES only, or YES and MAYBE."""

EntityRef = str | Entity
"""An entity as a query takes it: its id, a name or alias, or the entity itself."""

F = TypeVar("F", bound=Fact)


class Facts(tuple[F, ...]):
    """A query's answer: a tuple of facts, shown as a table in Jupyter.

    :attr:`complete` says whether the data holds every fact that answers the question
    (YES), is known to miss some (NO), or does not say (MAYBE); :attr:`coverage` gives
    the coverage records that decided it. Both belong to the answer's class, so that an
    answer costs no more than a plain tuple.
    """

    __slots__ = ()
    complete: ClassVar[Truth] = Truth.MAYBE
    """YES: declared complete on every day asked; NO: a declared gap; MAYBE: nothing declared."""
    coverage: ClassVar[tuple[Coverage, ...]] = ()
    """The coverage records behind :attr:`complete`: those declaring it complete (YES), or
    the known gaps (NO); none for MAYBE."""
    _records: ClassVar[Mapping[str, Record] | None] = None
    """The records of the dataset that answered, for names in views (see :meth:`naming`)."""

    @classmethod
    def naming(cls, records: Mapping[str, Record]) -> type[Facts[Any]]:
        """This class, bound to a dataset's records so that its answers show names, not ids.

        One class per dataset, so that an answer costs no more than a plain tuple.
        """
        return type(cls.__name__, (cls,), {"__slots__": (), "_records": records})

    @classmethod
    def declared(cls, complete: Truth, coverage: tuple[Coverage, ...]) -> type[Facts[Any]]:
        """This class, for answers whose completeness ``coverage`` declares."""
        return _subclass(cls, complete, coverage)

    def _repr_html_(self) -> str:
        from libyamodel.views._html import facts_html

        return facts_html(self, names=self._records, complete=self.complete, gaps=self.coverage)

    def __reduce__(self) -> tuple[Any, ...]:
        if self.complete is Truth.MAYBE:
            return (Facts, (tuple(self),))
        return (_unpickle, (tuple(self), self.complete, self.coverage))


def _subclass(
    base: type[Facts[Any]], complete: Truth, coverage: tuple[Coverage, ...]
) -> type[Facts[Any]]:
    attributes = {"__slots__": (), "complete": complete, "coverage": coverage}
    return type(base.__name__, (base,), attributes)


_PLAIN: dict[tuple[Truth, tuple[Coverage, ...]], type[Facts[Any]]] = {}


def _unpickle(
    items: tuple[Fact, ...], complete: Truth, coverage: tuple[Coverage, ...]
) -> Facts[Any]:
    """An answer read back from a pickle: its facts, and what its coverage declared."""
    key = (complete, coverage)
    cls = _PLAIN.get(key) or _PLAIN.setdefault(key, _subclass(Facts, complete, coverage))
    return cls(items)
