"""The errors libyamodel raises; every one derives from :class:`LibyaModelError`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

__all__ = [
    "AmbiguousName",
    "DataError",
    "DateFormatError",
    "EdtfError",
    "FieldError",
    "LibyaModelError",
    "MissingExtra",
    "PeriodError",
    "Problem",
    "UnknownId",
    "UnknownName",
    "UnknownRole",
]


class LibyaModelError(Exception):
    """The root of every error libyamodel raises."""


class MissingExtra(LibyaModelError, ImportError):
    """A feature whose optional dependency is not installed; names the extra that installs it."""

    def __init__(self, feature: str, extra: str, package: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs {package}, which is not installed; "
            f"install it with: pip install 'libyamodel[{extra}]'",
            name=package,
        )


class DateFormatError(LibyaModelError, ValueError):
    """A text that is not one of the partial-date forms."""


class EdtfError(DateFormatError):
    """A date or period EDTF cannot write, or an EDTF text the library cannot hold."""


class PeriodError(LibyaModelError, ValueError):
    """A period whose start certainly comes after its end."""


class FieldError(LibyaModelError, ValueError):
    """A field value the model refuses: a malformed id, an empty name, no evidence."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


@attrs.frozen
class Problem:
    """One thing wrong with the data: where it is, what is wrong, what would do."""

    message: str
    file: Path | None = None
    line: int | None = None
    record: str | None = None
    field: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = str(self.file) if self.line is None else f"{self.file}:{self.line}"
        if self.record:
            where = f"{where}: {self.record}" if where else self.record
        if self.field:
            where = f"{where}: {self.field}" if where else self.field
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class DataError(LibyaModelError, ValueError):
    """Data that cannot be loaded; lists every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n".join([heading, *(f"  {p}" for p in self.problems)]))


class UnknownName(LibyaModelError, LookupError):
    """A name that matches no entity; carries the nearest known names."""

    def __init__(self, name: str, suggestions: Iterable[str] = ()) -> None:
        self.name = name
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        message = f"no entity is called {name!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(map(repr, self.suggestions)) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownId(LibyaModelError, KeyError):
    """An id that names no record in the dataset; carries the nearest known ids."""

    def __init__(self, id: str, suggestions: Iterable[str] = ()) -> None:
        self.id = id
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        message = f"no record has the id {id!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(map(repr, self.suggestions)) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class AmbiguousName(LibyaModelError, LookupError):
    """A name that matches more than one entity; carries every candidate id."""

    def __init__(self, name: str, candidates: Iterable[str]) -> None:
        self.name = name
        self.candidates: tuple[str, ...] = tuple(candidates)
        super().__init__(
            f"{name!r} could mean any of {', '.join(self.candidates)}; pass an id instead"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownRole(LibyaModelError, ValueError):
    """A role the role vocabulary does not know; carries the known roles and the nearest."""

    def __init__(self, role: object, known: Iterable[str], suggestions: Iterable[str] = ()) -> None:
        self.role = role
        self.known: tuple[str, ...] = tuple(known)
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        message = f"{role!r} is not a role"
        if self.suggestions:
            message += "; did you mean " + ", ".join(map(repr, self.suggestions)) + "?"
        message += f" The roles are: {', '.join(self.known)}."
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])
