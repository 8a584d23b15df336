"""Static interval indexes over integer day numbers, built once per group of facts.

:class:`Spans` keeps, for a group of facts, the days each can possibly cover and
the days it certainly covers, so that "definite" and "possible" questions on a
day are answered without evaluating any fact. The first question of each kind
on a group picks, by size, how the group answers:

- a small group is scanned;
- a larger one keeps a change-point index (snapshots): the days on which its
  answer changes and each answer, so that a question is one binary search and
  gives back a tuple made once. Snapshots cost memory in proportion to the facts
  in force on a day, so a group keeps them only within its share of a budget
  shared by the dataset;
- any other group keeps :class:`IntervalIndex`, a centred interval tree: a
  stabbing query visits one node per level and touches only the intervals it
  returns (plus one list boundary per node), then scans one leaf of at most 24.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from typing import Final, Generic, TypeVar

from libyamodel._gc import paused_gc

T = TypeVar("T")

__all__ = ["Budget", "IntervalIndex", "Spans"]


class _Node(Generic[T]):
    """The intervals that contain ``centre``: their starts in order with their values, their
    ends in order with their values; and the subtrees."""

    __slots__ = ("centre", "end_values", "ends", "left", "right", "start_values", "starts")

    def __init__(self, centre: int, by_start: list[tuple[int, int, T]]) -> None:
        self.centre = centre
        self.starts = [item[0] for item in by_start]
        self.start_values = [item[2] for item in by_start]
        by_end = sorted(by_start, key=lambda item: item[1])
        self.ends = [item[1] for item in by_end]
        self.end_values = [item[2] for item in by_end]
        self.left: _Node[T] | _Leaf[T] | None = None
        self.right: _Node[T] | _Leaf[T] | None = None


class _Leaf(Generic[T]):
    """A few intervals, scanned: nodes for them would cost more memory than they save time."""

    __slots__ = ("items",)

    def __init__(self, items: list[tuple[int, int, T]]) -> None:
        self.items = items


_LEAF: Final = 24
"""Partitions of at most this many intervals become leaves."""


def _build(by_start: list[tuple[int, int, T]]) -> _Node[T] | _Leaf[T] | None:
    """A subtree of intervals already sorted by start (partitions keep that order)."""
    if not by_start:
        return None
    if len(by_start) <= _LEAF:
        return _Leaf(by_start)
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
        """The values of every interval that contains ``point``: one path from the root, as
        neither subtree of a node can hold its centre."""
        found: list[T] = []
        node = self._root
        while node is not None:
            if isinstance(node, _Leaf):
                found += [value for start, end, value in node.items if start <= point <= end]
                break
            if point < node.centre:
                found += node.start_values[: bisect_right(node.starts, point)]
                node = node.left
            elif point > node.centre:
                found += node.end_values[bisect_left(node.ends, point) :]
                node = node.right
            else:
                found += node.start_values
                break
        return found

    def overlapping(self, lo: int, hi: int) -> list[T]:
        """The values of every interval that shares at least one point with ``[lo, hi]``."""
        found: list[T] = []
        node = self._root
        stack: list[_Node[T] | _Leaf[T]] = []
        while node is not None or stack:
            if node is None:
                node = stack.pop()
            if isinstance(node, _Leaf):
                found.extend(value for start, end, value in node.items if start <= hi and end >= lo)
                node = None
            elif hi < node.centre:
                # Intervals here end at or after the centre; keep those starting by hi.
                found.extend(node.start_values[: bisect_right(node.starts, hi)])
                node = node.left
            elif lo > node.centre:
                # Intervals here start at or before the centre; keep those ending from lo.
                found.extend(node.end_values[bisect_left(node.ends, lo) :])
                node = node.right
            else:
                found.extend(node.start_values)
                if node.right is not None:
                    stack.append(node.right)
                node = node.left
        return found


_STRETCH_SLOTS: Final = 9
"""What a stretch of days costs over its answer, in references: its tuple and list entries."""
_GROUP_SLOTS: Final = 16
"""A group keeps snapshots only if they take at most this many references per fact of the
group, plus its slack; a group with many facts in force at once (an armed group's every
town over the years) gets a tree instead."""

Pack = Callable[[Sequence[T]], tuple[T, ...]]
"""What turns a list of values into the answer given back (a tuple, or a tuple subclass)."""

_SCAN_BELOW: Final = 16
"""Groups smaller than this are scanned: a scan takes a microsecond or two, and costs nothing."""


class Budget:
    """How many more references snapshots may keep.

    Shared by every group of a dataset, so that snapshots never cost more than a
    fixed number of references per fact of the whole dataset.
    """

    __slots__ = ("remaining",)

    def __init__(self, remaining: int) -> None:
        self.remaining = remaining

    def take(self, amount: int) -> bool:
        """Spend ``amount`` references if that many remain."""
        if amount > self.remaining:
            return False
        self.remaining -= amount
        return True


class _Snapshots(Generic[T]):
    """A change-point index: the days on which a group's answer changes, and the answer
    (values in rank order) for each stretch between them, computed once.

    Values in force on every day (observations, possibly true at any time) are kept
    once, ahead of each stretch's own answer, when they come first in rank order.
    """

    __slots__ = ("_always", "_answers", "_changes", "_none", "_pack")

    def __init__(
        self,
        changes: list[int],
        answers: list[tuple[T, ...]],
        always: tuple[T, ...],
        pack: Pack[T],
    ) -> None:
        self._changes = changes
        self._answers = answers
        self._always = always
        self._pack = pack
        self._none = pack(())

    def at(self, day: int) -> Sequence[T]:
        stretch = bisect_right(self._changes, day) - 1
        own = self._answers[stretch] if stretch >= 0 else self._none
        return self._pack(self._always + own) if self._always else own


def _snapshots(
    spans: Sequence[tuple[int, int, int]],
    values: Sequence[T],
    *,
    budget: Budget,
    slack: int,
    every_day: tuple[int, int] | None,
    pack: Pack[T],
) -> _Snapshots[T] | None:
    """Snapshots of ``(lo, hi, rank)`` spans, or None if they would take more than the
    group's share (``_GROUP_SLOTS`` per span, plus ``slack``) or overrun the budget.

    Spans covering all of ``every_day`` (the first and last representable days) are
    in force on every day.
    """
    always: list[int] = []
    rest = list(spans)
    if every_day is not None:
        first, last = every_day
        always = sorted(rank for lo, hi, rank in spans if lo <= first and hi >= last)
        rest = [span for span in spans if not (span[0] <= first and span[1] >= last)]
    if always and rest and always[-1] > min(rank for _, _, rank in rest):
        always, rest = [], list(spans)
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for lo, hi, rank in rest:
        starting.setdefault(lo, []).append(rank)
        ending.setdefault(hi + 1, []).append(rank)
    changes = sorted(starting.keys() | ending.keys())
    size = active = 0
    for day in changes:
        active += len(starting.get(day, ())) - len(ending.get(day, ()))
        size += active + _STRETCH_SLOTS
    if size > _GROUP_SLOTS * len(spans) + slack or not budget.take(size):
        return None
    answers: list[tuple[T, ...]] = []
    ranks: list[int] = []  # the ranks in force, sorted, and their values alongside
    in_force: list[T] = []
    for day in changes:
        for rank in ending.get(day, ()):
            at = bisect_left(ranks, rank)
            del ranks[at], in_force[at]
        for rank in starting.get(day, ()):
            at = bisect_left(ranks, rank)
            ranks.insert(at, rank)
            in_force.insert(at, values[rank])
        answers.append(pack(in_force))
    return _Snapshots(changes, answers, tuple(values[rank] for rank in always), pack)


class _Stabbed(Generic[T]):
    """An interval tree of ranks, whose hits are sorted into rank order."""

    __slots__ = ("_pack", "_tree", "_values")

    def __init__(
        self, spans: list[tuple[int, int, int]], values: Sequence[T], pack: Pack[T]
    ) -> None:
        self._values = values
        self._pack = pack
        self._tree = IntervalIndex(spans)

    def at(self, day: int) -> Sequence[T]:
        ranks = self._tree.stab(day)
        ranks.sort()
        values = self._values
        return self._pack([values[rank] for rank in ranks])


class Spans(Generic[T]):
    """For a group of facts: the days each can possibly cover and certainly covers.

    Each entry is ``(possible_lo, possible_hi, definite_lo, definite_hi, rank)``;
    a fact that is certain on no day has ``definite_lo > definite_hi``, and
    ``values[rank]`` is what an answer holds for it. The first question of each
    kind settles how the group answers it (a scan, snapshots or a tree; see the
    module's docstring), and that is kept.
    """

    __slots__ = (
        "_answers",
        "_budget",
        "_entries",
        "_every_day",
        "_pack",
        "_slack",
        "_touching",
        "_values",
    )

    def __init__(
        self,
        entries: Sequence[tuple[int, int, int, int, int]],
        values: Sequence[T],
        *,
        budget: Budget | None = None,
        slack: int = 1024,
        every_day: tuple[int, int] | None = None,
        pack: Pack[T] = tuple,
    ) -> None:
        self._entries = tuple(entries)
        self._values = values
        self._pack = pack
        self._budget = Budget(0) if budget is None else budget
        self._slack = slack
        self._every_day = every_day
        self._answers: dict[bool, _Snapshots[T] | _Stabbed[T]] = {}
        self._touching: IntervalIndex[int] | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def _spans(self, definite: bool) -> list[tuple[int, int, int]]:
        if definite:
            return [(e[2], e[3], e[4]) for e in self._entries if e[2] <= e[3]]
        return [(e[0], e[1], e[4]) for e in self._entries]

    def at(self, day: int, *, definite: bool) -> Sequence[T]:
        """The values of the facts certainly (or possibly) in force on ``day``, in rank order."""
        answers = self._answers.get(definite)
        if answers is not None:
            return answers.at(day)
        values, entries = self._values, self._entries
        if len(entries) < _SCAN_BELOW:
            if definite:
                return self._pack([values[e[4]] for e in entries if e[2] <= day <= e[3]])
            return self._pack([values[e[4]] for e in entries if e[0] <= day <= e[1]])
        with paused_gc():
            spans = self._spans(definite)
            answers = _snapshots(
                spans,
                values,
                budget=self._budget,
                slack=self._slack,
                every_day=self._every_day,
                pack=self._pack,
            ) or _Stabbed(spans, values, self._pack)
        self._answers[definite] = answers
        return answers.at(day)

    def stretches(
        self, lo: int, hi: int, *, definite: bool, keep: Callable[[T], bool] | None = None
    ) -> list[tuple[int, tuple[T, ...]]]:
        """The days of ``[lo, hi]`` on which the answer of :meth:`at` changes, each with the
        answer from then on (values passing ``keep``), the first being ``lo``.

        One sweep over the group's change points: each fact enters on the first day it is
        in force and leaves the day after its last, so every listed day changes the answer.
        """
        values, pack = self._values, self._pack
        first, last = (2, 3) if definite else (0, 1)
        in_force: list[int] = []
        starting: dict[int, list[int]] = {}
        ending: dict[int, list[int]] = {}
        for entry in self._entries:
            start, end, rank = entry[first], entry[last], entry[4]
            if (
                start > end
                or start > hi
                or end < lo
                or (keep is not None and not keep(values[rank]))
            ):
                continue
            if start <= lo:
                in_force.append(rank)
            else:
                starting.setdefault(start, []).append(rank)
            if end < hi:
                ending.setdefault(end + 1, []).append(rank)
        in_force.sort()
        found = [(lo, pack([values[rank] for rank in in_force]))]
        for day in sorted(starting.keys() | ending.keys()):
            for rank in ending.get(day, ()):
                del in_force[bisect_left(in_force, rank)]
            for rank in starting.get(day, ()):
                insort(in_force, rank)
            found.append((day, pack([values[rank] for rank in in_force])))
        return found

    def touching(self, lo: int, hi: int) -> list[int]:
        """The ranks of the facts whose possible days overlap ``[lo, hi]``, in no order."""
        if len(self._entries) < _SCAN_BELOW:
            return [e[4] for e in self._entries if e[0] <= hi and e[1] >= lo]
        if self._touching is None:
            self._touching = IntervalIndex(self._spans(definite=False))
        return self._touching.overlapping(lo, hi)
