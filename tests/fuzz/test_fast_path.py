"""The loader's quicker path for common records agrees with the converter, the one definition
of the format: on generated datasets, on damaged files, and on records with any value in any
field, it builds the record the converter builds, or leaves the record to the converter."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import damage as dm
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.io import structure_record, unstructure_record
from libyamodel.io._convert import BAD_VALUE
from libyamodel.io._fast import fast_record
from libyamodel.model import RECORD_TYPES
from libyamodel.strategies import datasets

FUZZ = dm.FUZZ


def _outcome(folder: Path, *, fast: bool) -> lm.Dataset | lm.DataError:
    if fast:
        return dm.load_outcome(folder)
    with mock.patch("libyamodel.io._fast.fast_record", return_value=None):
        return dm.load_outcome(folder)


def _same(one: lm.Dataset | lm.DataError, other: lm.Dataset | lm.DataError) -> None:
    if isinstance(one, lm.DataError):
        assert isinstance(other, lm.DataError), f"only the quicker path refused:\n{one}"
        assert one.problems == other.problems
    else:
        assert isinstance(other, lm.Dataset), f"only the quicker path loaded:\n{other}"
        assert one.entities == other.entities
        assert one.facts == other.facts


@FUZZ
@given(dm.damaged(tuple(dm.RECORD_DAMAGES), min_damages=0, max_damages=4))
def test_loading_with_and_without_the_quicker_path_gives_the_same_records_or_problems(scenario):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        scenario.write(folder)
        _same(_outcome(folder, fast=True), _outcome(folder, fast=False))


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["2014", "2014-11-06", "x-1", " ", "", "affirms", "full", "Q1"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


@st.composite
def records_as_data(draw: st.DrawFn) -> tuple[type[lm.Record], dict[str, Any]]:
    """A generated record as plain data, some of its values (or its evidence's) replaced by any
    JSON value, some keys dropped."""
    dataset = draw(datasets(max_entities=6, max_facts=4))
    record = draw(st.sampled_from((*dataset.entities, *dataset.facts)))
    data = unstructure_record(record)
    cls = RECORD_TYPES[data.pop("type")]
    targets = [data]
    for item in data.get("evidence") or ():
        if isinstance(item, dict):
            targets.append(item)
    for _ in range(draw(st.integers(0, 3))):
        target = draw(st.sampled_from(targets))
        keys = [*target, "stance", "extent", "note", "quote", "unknown", "type"]
        key = draw(st.sampled_from(keys))
        if draw(st.integers(0, 4)) == 0:
            target.pop(key, None)
        else:
            target[key] = draw(_JSON_VALUES)
    return cls, data


@given(records_as_data())
def test_the_quicker_path_builds_what_the_converter_builds_or_leaves_the_record_to_it(found):
    cls, data = found
    data.pop("type", None)  # checked by the loader before either path
    fast = fast_record(data, cls)
    try:
        slow = structure_record(data, cls)
    except BAD_VALUE:
        assert fast is None, f"the converter refused {data!r}, the quicker path built {fast!r}"
        return
    assert fast is None or fast == slow


ALWAYS_QUICK = (lm.ControlClaim, lm.LegitimacyClaim, lm.Tenure, lm.Mandate, lm.Place, lm.Office)
"""Record types whose valid records all take the quicker path: the bulk of real data."""


@given(datasets(max_entities=8, max_facts=6))
def test_the_quicker_path_builds_the_records_of_generated_datasets(dataset):
    for record in (*dataset.entities, *dataset.facts):
        data = unstructure_record(record)
        cls = RECORD_TYPES[data.pop("type")]
        fast = fast_record(data, cls)
        if isinstance(record, ALWAYS_QUICK):
            assert fast is not None, f"{data!r} left to the converter"
        assert fast is None or fast == record
