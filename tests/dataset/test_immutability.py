"""Nothing reachable from a dataset's public surface can be changed."""

from __future__ import annotations

import datetime
import enum

import attrs
import pendulum
import pytest
from hypothesis import given

import libyamodel as lm
from libyamodel.strategies import datasets

IMMUTABLE_LEAVES = (str, int, float, bool, type(None), enum.Enum, pendulum.Date, tuple)


def walk(value, path="ds"):
    """Yield every (path, value) reachable through attrs fields and tuples."""
    yield path, value
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from walk(getattr(value, field.name), f"{path}.{field.name}")


def assert_deeply_immutable(ds):
    for root in (ds.entities, ds.facts, ds.coverage):
        for path, value in walk(root):
            assert not isinstance(value, list | dict | set | bytearray), path
            if isinstance(value, datetime.date):
                assert type(value) is pendulum.Date, path
            if attrs.has(type(value)):
                field = attrs.fields(type(value))[0]
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    setattr(value, field.name, getattr(value, field.name))
            else:
                assert isinstance(value, IMMUTABLE_LEAVES), (path, type(value))


def test_the_bundled_dataset_is_deeply_immutable():
    assert_deeply_immutable(lm.load())


@given(datasets())
def test_generated_datasets_are_deeply_immutable(ds):
    assert_deeply_immutable(ds)


def test_an_answer_pickles_as_the_facts_it_holds():
    import pickle

    ds = lm.load()
    answer = ds.claimants("2014-11-13", role="government")
    back = pickle.loads(pickle.dumps(answer))
    assert back == answer
    assert isinstance(back, lm.Facts)
