"""The interval index and day spans agree with a brute-force scan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from libyamodel.store._interval import Budget, IntervalIndex, Spans

bounds = st.integers(0, 400)


@st.composite
def intervals(draw, max_size=200):
    pairs = draw(st.lists(st.tuples(bounds, st.integers(0, 60)), max_size=max_size))
    return [(lo, lo + length, index) for index, (lo, length) in enumerate(pairs)]


@given(intervals(), bounds, st.integers(0, 50))
def test_overlapping_equals_a_scan(items, lo, length):
    index = IntervalIndex(items)
    hi = lo + length
    expected = sorted(value for a, b, value in items if a <= hi and b >= lo)
    assert sorted(index.overlapping(lo, hi)) == expected
    assert sorted(index.stab(lo)) == sorted(value for a, b, value in items if a <= lo <= b)
    assert len(index) == len(items)


EVERY_DAY = (0, 460)
"""The first and last day numbers in these tests: spans of possible days from one to the
other (as an observation's are) are in force on every day."""


@st.composite
def entries(draw, min_size=0):
    """Spans in rank order; some possible on every day, either first or anywhere in rank."""
    drawn = draw(
        st.lists(
            st.tuples(
                bounds,
                st.integers(0, 60),
                st.integers(0, 20),
                st.integers(0, 80),
                st.integers(0, 9),
            ),
            min_size=min_size,
            max_size=150,
        )
    )
    if draw(st.booleans()):  # observations first, as they come in a dataset's order
        drawn.sort(key=lambda item: item[4] != 0)
    found = []
    for rank, (lo, length, lag, shrink, kind) in enumerate(drawn):
        hi = lo + length
        if kind == 0:
            found.append((*EVERY_DAY, lo, lo, rank))
        else:
            found.append((lo, hi, lo + lag, hi - shrink, rank))
    return found


@given(
    st.one_of(entries(), entries(min_size=64)),
    bounds,
    st.sampled_from([0, 10, 10**6]),
    st.booleans(),
)
def test_spans_answer_definite_and_possible_in_rank_order_like_a_scan(
    items, day, budget, every_day_known
):
    """Whether answers come from a scan, snapshots (budget allowing) or a tree, and whether
    spans in force on every day are kept apart, the answers are the same."""
    every_day = EVERY_DAY if every_day_known else None
    spans = Spans(
        items, range(len(items)), budget=Budget(budget), slack=budget, every_day=every_day
    )
    for _ in range(2):  # the first question builds the index, the second uses it
        assert list(spans.at(day, definite=False)) == [e[4] for e in items if e[0] <= day <= e[1]]
        assert list(spans.at(day, definite=True)) == [e[4] for e in items if e[2] <= day <= e[3]]
    assert sorted(spans.touching(day, day + 5)) == [
        e[4] for e in items if e[0] <= day + 5 and e[1] >= day
    ]


@given(entries(min_size=64), st.lists(bounds, min_size=1, max_size=5))
def test_snapshots_spend_the_budget_only_when_they_fit(items, days):
    items = [(lo, hi, lo, hi, rank) for lo, hi, _, _, rank in items]
    budget = Budget(10**6)
    spans = Spans(items, range(len(items)), budget=budget, slack=10**6)
    for day in days:
        spans.at(day, definite=True)
    spent = 10**6 - budget.remaining
    assert spent >= len({e[2] for e in items})
    empty = Budget(0)
    stabbed = Spans(items, range(len(items)), budget=empty)
    for day in days:
        assert list(stabbed.at(day, definite=True)) == list(spans.at(day, definite=True))
    assert empty.remaining == 0


def test_an_interval_may_not_end_before_it_starts():
    with pytest.raises(ValueError, match="cannot end"):
        IntervalIndex([(5, 4, "x")])
