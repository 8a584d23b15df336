"""Suggestions for a mistyped name: the nearest known spellings, by edit similarity."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

__all__ = ["close_matches", "did_you_mean"]

_CUTOFF: Final = 60.0
"""Least similarity (0-100, as difflib's ratio times 100) a suggestion must reach."""


def close_matches(name: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` known spellings nearest to ``name``, nearest first."""
    from rapidfuzz import fuzz, process  # only when there is a mistake: it costs import time

    choices = known if isinstance(known, list | tuple) else list(known)  # keys, not values
    found = process.extract(name, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=_CUTOFF)
    return [match for match, _, _ in found]


def did_you_mean(name: str, known: Iterable[str]) -> str | None:
    """``"did you mean a, b?"`` naming the nearest known spellings, or ``None``."""
    close = close_matches(name, known)
    return "did you mean " + ", ".join(close) + "?" if close else None
