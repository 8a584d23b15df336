"""The limits a data file is read within, and what breaking them, or a plain scalar, means.

Shared by the JSON and the YAML readers, so that both refuse the same things in the same words.
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

import attrs

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_DIGITS",
    "TOO_LONG",
    "Limits",
    "ReadError",
    "check_text",
    "plain_scalar",
    "too_deep",
]

_INT: Final = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_BOOL: Final = {"true": True, "false": False}
_NULL: Final = frozenset({"", "~", "null", "Null", "NULL"})
MAX_DIGITS: Final = 100
TOO_LONG: Final = object()
"""What :func:`plain_scalar` gives for a bare number too long to be one."""


class ReadError(ValueError):
    """A file that is not well-formed YAML or JSON (or uses what data files may not)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(message)


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be a positive whole number, got {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds on what data files may hold, so that hostile input fails fast.

    The defaults are far above what real data needs; raise one for unusually
    large files: ``lm.load(path, limits=Limits(max_file_bytes=2**30))``.
    """

    max_file_bytes: int = attrs.field(default=64 * 2**20, validator=_positive)
    """The largest file read, in bytes (64 MiB)."""
    max_text_length: int = attrs.field(default=100_000, validator=_positive)
    """The longest text value or key, in characters."""
    max_depth: int = attrs.field(default=16, validator=_positive)
    """The deepest nesting of lists and mappings (a record in a list is depth 2)."""
    max_records: int = attrs.field(default=5_000_000, validator=_positive)
    """The most records loaded in one call, over all files."""


DEFAULT_LIMITS: Final = Limits()


def plain_scalar(value: str) -> Any:
    """What an unquoted scalar means in a data file: null, true/false, a number or text."""
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value) if len(value) <= MAX_DIGITS else TOO_LONG
    if _FLOAT.fullmatch(value):
        number = float(value)
        if math.isfinite(number):
            return number
    return value


def too_deep(limits: Limits, line: int | None = None) -> ReadError:
    return ReadError(
        f"lists and mappings are nested more than {limits.max_depth} deep "
        "(raise Limits.max_depth if this is real data)",
        line,
    )


def check_text(text: str, limits: Limits, line: int | None = None) -> None:
    if len(text) > limits.max_text_length:
        raise ReadError(
            f"a text of {len(text)} characters is longer than the limit of "
            f"{limits.max_text_length} (raise Limits.max_text_length if this is real data)",
            line,
        )
