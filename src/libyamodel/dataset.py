"""The Dataset: a validated, immutable collection of entities and facts."""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Self

from libyamodel.errors import DataError, Problem, UnknownId
from libyamodel.io import Origin, check_records, dump_records, load_records
from libyamodel.model import Entity, Fact, Record

__all__ = ["Dataset", "bundled_data_path", "load"]

StrPath = str | os.PathLike[str]


def _fact_order(fact: Fact) -> tuple[Any, str]:
    return (fact.period.start.earliest, fact.id)


class Dataset:
    """Entities and facts that have passed validation: every reference resolves.

    Build one with :func:`load` or :meth:`from_records`. A dataset never changes;
    methods that narrow it return a new one.
    """

    __slots__ = ("_by_id", "_entities", "_facts")

    _entities: tuple[Entity, ...]
    _facts: tuple[Fact, ...]
    _by_id: dict[str, Record]

    def __init__(self, records: Iterable[Record] = (), *, _checked: bool = False) -> None:
        items = tuple(records)
        if not _checked:
            _check(items)
        entities = sorted((r for r in items if isinstance(r, Entity)), key=lambda e: e.id)
        facts = sorted((r for r in items if isinstance(r, Fact)), key=_fact_order)
        object.__setattr__(self, "_entities", tuple(entities))
        object.__setattr__(self, "_facts", tuple(facts))
        object.__setattr__(self, "_by_id", {record.id: record for record in items})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Dataset cannot be changed (tried to set {name!r})")

    @classmethod
    def from_records(cls, records: Iterable[Record]) -> Self:
        """A dataset of model objects, validated as a load is: ids unique, references resolve."""
        return cls(records)

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Every entity, ordered by id."""
        return self._entities

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, ordered by the earliest day its period can start, then id."""
        return self._facts

    def get(self, id: str) -> Record | None:
        """The entity or fact with this id, or ``None``."""
        return self._by_id.get(id)

    def __getitem__(self, id: str) -> Record:
        record = self._by_id.get(id)
        if record is None:
            raise UnknownId(id, _nearest(id, self._by_id))
        return record

    def __contains__(self, id: object) -> bool:
        return id in self._by_id

    def __iter__(self) -> Iterator[Record]:
        yield from self._entities
        yield from self._facts

    def __len__(self) -> int:
        return len(self._by_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self._entities == other._entities and self._facts == other._facts

    def __hash__(self) -> int:
        return hash((self._entities, self._facts))

    def __repr__(self) -> str:
        return f"<Dataset: {len(self._entities)} entities, {len(self._facts)} facts>"

    def counts(self) -> dict[str, int]:
        """How many records of each type, by type name."""
        return dict(sorted(Counter(record.TYPE for record in self).items()))

    def dump(self, folder: StrPath, *, overwrite: bool = False) -> tuple[Path, ...]:
        """Write the dataset as YAML files (one per record type) that load back equal."""
        return tuple(dump_records(self, Path(folder), overwrite=overwrite))


def _nearest(name: str, known: Iterable[str]) -> list[str]:
    import difflib

    return difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)


def _check(records: Sequence[Record]) -> None:
    problems = [
        Problem(f"expected a libyamodel record, got {type(r).__name__}", record=repr(r)[:60])
        for r in records
        if not isinstance(r, Entity | Fact)
    ]
    if problems:
        raise DataError(problems)
    problems = check_records([(record, Origin()) for record in records])
    if problems:
        raise DataError(problems)


def bundled_data_path() -> Path:
    """The folder of the dataset that ships with libyamodel."""
    return Path(str(resources.files("libyamodel") / "data"))


@functools.cache
def _bundled_records() -> tuple[tuple[Record, Origin], ...]:
    return tuple(load_records([bundled_data_path()]))


def load(path: StrPath | Sequence[StrPath] | None = None, *, bundled: bool = True) -> Dataset:
    """Load the bundled dataset, a user's files or folders, or both merged.

    User facts may refer to bundled entities. Every problem in every file is
    reported at once in a :class:`~libyamodel.DataError`; nothing half-loaded is returned.
    """
    paths: list[Path] = []
    if path is not None:
        paths = [Path(path)] if isinstance(path, str | os.PathLike) else [Path(p) for p in path]
    if not paths:
        if not bundled:
            raise ValueError("nothing to load: pass a path, or leave bundled=True")
        return _bundled_dataset()
    context = _bundled_records() if bundled else ()
    user = load_records(paths, context=context)
    return Dataset((record for record, _ in (*context, *user)), _checked=True)


@functools.cache
def _bundled_dataset() -> Dataset:
    return Dataset((record for record, _ in _bundled_records()), _checked=True)
