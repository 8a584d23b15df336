"""Static interval indexes over integer day numbers, built once per group of facts.

:class:`IntervalIndex` is a centred interval tree: a stabbing query visits one
node per level and touches only the intervals it returns (plus one list
boundary per node). :class:`Spans` keeps, for a group of facts, the days each
can possibly cover and the days it certainly covers, so that "definite" and
"possible" questions on a day are answered without evaluating any fact.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Final, Generic, TypeVar

T = TypeVar("T")

__all__ = ["IntervalIndex", "Spans"]


class _Node(Generic[T]):
    """The intervals that contain ``centre``, sorted by start and by end, and the subtrees."""

    __slots__ = ("by_end", "by_start", "centre", "ends", "left", "right", "starts")

    def __init__(self, centre: int, by_start: list[tuple[int, int, T]]) -> None:
        self.centre = centre
        self.by_start = by_start
        self.starts = [item[0] for item in by_start]
        self.by_end = sorted(by_start, key=lambda item: item[1])
        self.ends = [item[1] for item in self.by_end]
        self.left: _Node[T] | None = None
        self.right: _Node[T] | None = None


def _build(by_start: list[tuple[int, int, T]]) -> _Node[T] | None:
    """A subtree of intervals already sorted by start (partitions keep that order)."""
    if not by_start:
        return None
    lo, hi, _ = by_start[len(by_start) // 2]
    centre = (lo + hi) // 2
    left, here, right = [], [], []
    for item in by_start:
        if item[1] < centre:
            left.append(item)
        elif item[0] > centre:
            right.append(item)
        else:
            here.append(item)
    node = _Node(centre, here)
    node.left = _build(left)
    node.right = _build(right)
    return node


class IntervalIndex(Generic[T]):
    """Closed intervals ``[lo, hi]`` of integers, each carrying a value."""

    __slots__ = ("_root", "_size")

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        listed = sorted(items, key=lambda item: item[0])
        for lo, hi, _ in listed:
            if lo > hi:
                raise ValueError(f"an interval cannot end ({hi}) before it starts ({lo})")
        self._size = len(listed)
        self._root = _build(listed)

    def __len__(self) -> int:
        return self._size

    def stab(self, point: int) -> list[T]:
        """The values of every interval that contains ``point``."""
        return self.overlapping(point, point)

    def overlapping(self, lo: int, hi: int) -> list[T]:
        """The values of every interval that shares at least one point with ``[lo, hi]``."""
        found: list[T] = []
        node = self._root
        stack: list[_Node[T]] = []
        while node is not None or stack:
            if node is None:
                node = stack.pop()
            if hi < node.centre:
                # Intervals here end at or after the centre; keep those starting by hi.
                found.extend(item[2] for item in node.by_start[: bisect_right(node.starts, hi)])
                node = node.left
            elif lo > node.centre:
                # Intervals here start at or before the centre; keep those ending from lo.
                found.extend(item[2] for item in node.by_end[bisect_left(node.ends, lo) :])
                node = node.right
            else:
                found.extend(item[2] for item in node.by_start)
                if node.right is not None:
                    stack.append(node.right)
                node = node.left
        return found


_SCAN_BELOW: Final = 48
"""Groups smaller than this are scanned; a tree does not pay for itself below it."""


class Spans:
    """For a group of facts: the days each can possibly cover and certainly covers.

    Each entry is ``(possible_lo, possible_hi, definite_lo, definite_hi, value)``;
    a fact that is certain on no day has ``definite_lo > definite_hi``. Trees are
    built the first time a large group is asked about, then kept.
    """

    __slots__ = ("_entries", "_trees")

    def __init__(self, entries: Sequence[tuple[int, int, int, int, int]]) -> None:
        self._entries = tuple(entries)
        self._trees: dict[bool, IntervalIndex[int]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def _tree(self, definite: bool) -> IntervalIndex[int]:
        tree = self._trees.get(definite)
        if tree is None:
            if definite:
                spans = ((e[2], e[3], e[4]) for e in self._entries if e[2] <= e[3])
            else:
                spans = ((e[0], e[1], e[4]) for e in self._entries)
            tree = self._trees[definite] = IntervalIndex(spans)
        return tree

    def at(self, day: int, *, definite: bool) -> list[int]:
        """The values of the facts certainly (or possibly) in force on ``day``."""
        if len(self._entries) < _SCAN_BELOW:
            if definite:
                return [e[4] for e in self._entries if e[2] <= day <= e[3]]
            return [e[4] for e in self._entries if e[0] <= day <= e[1]]
        return self._tree(definite).stab(day)

    def touching(self, lo: int, hi: int) -> list[int]:
        """The values of the facts whose possible days overlap ``[lo, hi]``."""
        if len(self._entries) < _SCAN_BELOW:
            return [e[4] for e in self._entries if e[0] <= hi and e[1] >= lo]
        return self._tree(False).overlapping(lo, hi)
