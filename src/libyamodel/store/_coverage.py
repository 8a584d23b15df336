"""Completeness: which coverage records speak for a question on the days asked, and the
answer class that says so.

A coverage record counts only on the days it certainly applies (from its period's
:attr:`~libyamodel.Period.certain_from` to its :attr:`~libyamodel.Period.certain_until`).
On the days asked, a known gap that certainly applies makes an answer NO; one that may
apply leaves it MAYBE; otherwise it is YES if complete coverage certainly applies on
every day, and MAYBE if not.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar, cast

from libyamodel.model import FILTERS, Coverage, Fact, Question
from libyamodel.store._facts import Facts
from libyamodel.store._index import day_number, window
from libyamodel.time import MAX_DATE, MIN_DATE, DateLike, Truth

__all__ = ["Completeness"]

F = TypeVar("F", bound=Fact)

_Span = tuple[int, int, int, int, Coverage]
"""The days a record certainly applies (first, last), those it may apply, and the record."""


_Key = tuple[Question, str | None, bool]

_OTHER = "\x00another value"
"""A filter value no record names (never an id or a role anyone writes)."""

_FIRST_DAY = MIN_DATE.toordinal()
_LAST_DAY = MAX_DATE.toordinal()


def _span(record: Coverage) -> _Span:
    period = record.period
    return (
        period.certain_from.toordinal(),
        period.certain_until.toordinal(),
        period.earliest.toordinal(),
        period.latest.toordinal(),
        record,
    )


class Completeness:
    """A dataset's coverage records by question and filter, and the answer classes that
    carry what they declare (made once for each verdict and set of records).

    For one-day queries, each question, filter value and narrowing gets the days on
    which its verdict changes, worked out when first asked, so that a query costs a
    bisection.
    """

    __slots__ = ("_abouts", "_base", "_classes", "_complete", "_days", "_partial", "questions")

    def __init__(self, records: Iterable[Coverage], base: type[Facts[Any]]) -> None:
        complete: defaultdict[tuple[Question, str | None], list[_Span]] = defaultdict(list)
        partial: defaultdict[Question, list[_Span]] = defaultdict(list)
        abouts: defaultdict[Question, set[str]] = defaultdict(set)
        for record in records:
            if record.complete:
                complete[(record.question, record.about)].append(_span(record))
            else:
                partial[record.question].append(_span(record))
            if record.about is not None:
                abouts[record.question].add(record.about)
        self._complete = {key: sorted(spans, key=_order) for key, spans in complete.items()}
        self._partial = {key: sorted(spans, key=_order) for key, spans in partial.items()}
        self._abouts = {question: frozenset(values) for question, values in abouts.items()}
        self._base = base
        self._classes: dict[tuple[Truth, tuple[Coverage, ...]], type[Facts[Any]]] = {}
        self._days: dict[_Key, tuple[list[int], list[type[Facts[Any]] | None]]] = {}
        self.questions = frozenset(q for q, _ in complete) | frozenset(partial)
        """The questions some record speaks for."""

    def judge(
        self,
        answer: Facts[F],
        question: Question,
        role: str | None,
        wanted: Sequence[tuple[tuple[str, ...], str]],
        *,
        on: DateLike | None,
        between: tuple[DateLike, DateLike] | None,
    ) -> Facts[F]:
        """``answer`` as an answer to ``question`` says how complete it is: the query's
        ``role`` or wanted ids give the filter's value, or narrow it, and the days asked
        are ``on``, ``between`` or, with neither, all time."""
        own = (FILTERS[question],)
        about = role
        narrowed = False
        for fields, ident in wanted:
            if fields == own:
                about = ident
            else:
                narrowed = True
        if on is not None:
            judged = self.on(question, about, day_number(on), narrowed=narrowed)
        else:
            if between is None:
                first, last = _FIRST_DAY, _LAST_DAY
            else:
                start, end = window(between)
                first, last = start.toordinal(), end.toordinal()
            judged = self.answer(question, about, first, last, narrowed=narrowed)
        return answer if judged is None else cast("Facts[F]", judged(answer))

    def on(
        self, question: Question, about: str | None, day: int, *, narrowed: bool
    ) -> type[Facts[Any]] | None:
        """:meth:`answer` for one day (an ordinal), from the days its verdict changes on."""
        if about is not None and about not in self._abouts.get(question, ()):
            about = _OTHER  # no record names it: every such value has the same verdicts
        key = (question, about, narrowed)
        changes = self._days.get(key)
        if changes is None:
            changes = self._days[key] = self._changes(question, about, narrowed)
        days, verdicts = changes
        return verdicts[bisect_right(days, day) - 1]

    def _changes(
        self, question: Question, about: str | None, narrowed: bool
    ) -> tuple[list[int], list[type[Facts[Any]] | None]]:
        """The first day of each stretch of days with one verdict, and that verdict."""
        edges = {_FIRST_DAY}
        for lo, hi, early, late, _ in (
            *self._partial.get(question, ()),
            *self._complete.get((question, about), ()),
            *self._complete.get((question, None), ()),
        ):
            edges.update((lo, hi + 1, early, late + 1))
        days = sorted(edges)
        return days, [self.answer(question, about, day, day, narrowed=narrowed) for day in days]

    def answer(
        self, question: Question, about: str | None, first: int, last: int, *, narrowed: bool
    ) -> type[Facts[Any]] | None:
        """The answer class for ``question`` (limited to ``about``) over the days ``first``
        to ``last`` (ordinals), or None where nothing is declared (MAYBE, the base class).

        ``narrowed``: the query keeps only some of the question's answers (one claimant's
        claims, one controller's territory), which a known gap may not touch: MAYBE, not NO.
        """
        gaps = [
            span
            for span in self._partial.get(question, ())
            if about is None or span[4].about in (None, about)
        ]
        certain = [s for s in gaps if s[0] <= s[1] and s[0] <= last and s[1] >= first]
        if certain:
            return None if narrowed else self._judged(Truth.NO, (s[4] for s in certain))
        if any(s[2] <= last and s[3] >= first for s in gaps):
            return None
        spans: Sequence[_Span] = self._complete.get((question, about), ())
        if about is not None and (question, None) in self._complete:
            spans = sorted([*spans, *self._complete[(question, None)]], key=_order)
        used: list[Coverage] = []
        reached = first  # every day before this one is covered
        for lo, hi, _, _, record in spans:
            if lo > hi or hi < reached:
                continue
            if lo > reached:
                break
            used.append(record)
            reached = hi + 1
            if reached > last:
                return self._judged(Truth.YES, used)
        return None

    def _judged(self, truth: Truth, records: Iterable[Coverage]) -> type[Facts[Any]]:
        key = (truth, tuple(sorted(set(records), key=lambda record: record.id)))
        cls = self._classes.get(key)
        if cls is None:
            cls = self._classes[key] = self._base.declared(*key)
        return cls


def _order(span: _Span) -> tuple[int, str]:
    return (span[0], span[4].id)
