"""A static interval index: which stored intervals contain a day, or overlap a span.

A centred interval tree over integer day numbers, built once. A stabbing query
visits one node per level and touches only the intervals it returns (plus one
sorted list boundary per node), so it never scans every interval.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

__all__ = ["IntervalIndex"]


class _Node(Generic[T]):
    """The intervals that contain ``centre``, sorted by start and by end, and the subtrees."""

    __slots__ = ("by_end", "by_start", "centre", "ends", "left", "right", "starts")

    def __init__(self, centre: int, here: Sequence[tuple[int, int, T]]) -> None:
        self.centre = centre
        self.by_start = sorted(here, key=lambda item: item[0])
        self.starts = [item[0] for item in self.by_start]
        self.by_end = sorted(here, key=lambda item: item[1])
        self.ends = [item[1] for item in self.by_end]
        self.left: _Node[T] | None = None
        self.right: _Node[T] | None = None


def _build(items: list[tuple[int, int, T]]) -> _Node[T] | None:
    if not items:
        return None
    points = sorted(point for lo, hi, _ in items for point in (lo, hi))
    centre = points[len(points) // 2]
    left = [item for item in items if item[1] < centre]
    right = [item for item in items if item[0] > centre]
    node = _Node(centre, [item for item in items if item[0] <= centre <= item[1]])
    node.left = _build(left)
    node.right = _build(right)
    return node


class IntervalIndex(Generic[T]):
    """Closed intervals ``[lo, hi]`` of integers, each carrying a value."""

    __slots__ = ("_root", "_size")

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        listed = list(items)
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
