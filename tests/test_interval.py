"""The interval index and day spans agree with a brute-force scan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from libyamodel._interval import IntervalIndex, Spans

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


@st.composite
def entries(draw):
    found = []
    for rank, (lo, length, lag, shrink) in enumerate(
        draw(
            st.lists(
                st.tuples(bounds, st.integers(0, 60), st.integers(0, 20), st.integers(0, 80)),
                max_size=150,
            )
        )
    ):
        hi = lo + length
        found.append((lo, hi, lo + lag, hi - shrink, rank))
    return found


@given(entries(), bounds)
def test_spans_answer_definite_and_possible_like_a_scan(items, day):
    spans = Spans(items)
    assert sorted(spans.at(day, definite=False)) == [e[4] for e in items if e[0] <= day <= e[1]]
    assert sorted(spans.at(day, definite=True)) == [e[4] for e in items if e[2] <= day <= e[3]]
    assert sorted(spans.touching(day, day + 5)) == [
        e[4] for e in items if e[0] <= day + 5 and e[1] >= day
    ]


def test_an_interval_may_not_end_before_it_starts():
    with pytest.raises(ValueError, match="cannot end"):
        IntervalIndex([(5, 4, "x")])
