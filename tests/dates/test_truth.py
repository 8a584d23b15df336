"""Truth: Kleene's strong three-valued logic."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from libyamodel import Truth

truths = st.sampled_from(Truth)


def test_tables_against_kleene():
    Y, N, M = Truth.YES, Truth.NO, Truth.MAYBE
    assert (Y & M, N & M, M & M) == (M, N, M)
    assert (Y | M, N | M, M | M) == (Y, M, M)
    assert (~Y, ~N, ~M) == (N, Y, M)


def test_truth_has_no_boolean_value():
    with pytest.raises(TypeError, match=r"is Truth\.YES"):
        bool(Truth.MAYBE)


def test_definite_and_possible():
    assert [t.definite for t in Truth] == [False, False, True]
    assert [t.possible for t in Truth] == [False, True, True]
    assert Truth.of(True) is Truth.YES
    assert Truth.of(False) is Truth.NO


@given(truths, truths, truths)
def test_kleene_laws(a, b, c):
    assert a & b is b & a
    assert a | b is b | a
    assert (a & b) & c is a & (b & c)
    assert a & (b | c) is (a & b) | (a & c)
    assert ~~a is a
    assert ~(a & b) is ~a | ~b
    assert ~(a | b) is ~a & ~b
    assert a & Truth.YES is a
    assert a | Truth.NO is a


@given(truths)
def test_excluded_middle_fails_only_for_maybe(a):
    assert (a | ~a is Truth.YES) == (a is not Truth.MAYBE)


def test_operators_refuse_other_types():
    with pytest.raises(TypeError):
        Truth.YES & True
