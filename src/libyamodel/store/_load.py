"""Loading: the user's files and the bundled data, checked together, into a Dataset."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from libyamodel.io import (
    DEFAULT_LIMITS,
    Limits,
    Origin,
    load_records,
    paused_gc,
)
from libyamodel.model import DEFAULT_ROLES, Record, Roles
from libyamodel.names import DEFAULT_RULES, NameRules

if TYPE_CHECKING:
    pass
from libyamodel.store._dataset import Dataset

__all__ = ["bundled_data_path", "load"]

StrPath = str | os.PathLike[str]


def bundled_data_path() -> Path:
    """The folder of the dataset that ships with libyamodel."""
    return Path(str(resources.files("libyamodel") / "data"))


@functools.cache
def _bundled_records() -> tuple[tuple[Record, Origin], ...]:
    with paused_gc():
        return tuple(load_records([bundled_data_path()]))


@functools.cache
def _bundled_dataset() -> Dataset:
    return Dataset((record for record, _ in _bundled_records()), _checked=True)


def load(
    path: StrPath | Sequence[StrPath] | None = None,
    *,
    bundled: bool = True,
    name_rules: NameRules = DEFAULT_RULES,
    limits: Limits = DEFAULT_LIMITS,
    roles: Roles = DEFAULT_ROLES,
) -> Dataset:
    """Load the bundled dataset, a user's files or folders, or both merged.

    User facts may refer to bundled entities; an id defined twice is an error.
    ``limits`` bounds file size, text length, nesting and record count.
    ``roles`` is the role vocabulary: the bundled one, or one extended with
    :meth:`Roles.with_roles` for roles of the user's own data.
    Every problem in every file is reported at once in a
    :class:`~libyamodel.DataError`; nothing half-loaded is returned.
    """
    paths: list[Path] = []
    if path is not None:
        paths = [Path(path)] if isinstance(path, str | os.PathLike) else [Path(p) for p in path]
    if not paths:
        if not bundled:
            raise ValueError("nothing to load: pass a path, or leave bundled=True")
        if name_rules is DEFAULT_RULES and roles is DEFAULT_ROLES:
            return _bundled_dataset()
        records: Iterable[Record] = (record for record, _ in _bundled_records())
        return Dataset(records, name_rules=name_rules, roles=roles, _checked=True)
    context = _bundled_records() if bundled else ()
    with paused_gc():
        user = load_records(paths, context=context, limits=limits, roles=roles)
        merged = [record for record, _ in (*context, *user)]
        # Let the files' parsed data go before the collector can walk it.
        del user
        return Dataset(merged, name_rules=name_rules, roles=roles, _checked=True)
