"""msgspec's typed reading of JSON files agrees with the ordinary path (``json`` and the
collector): on generated and damaged files it loads the same records, or leaves the file
to the ordinary path, which reports the same problems; and it takes the files it is for."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import damage as dm
import pytest
from hypothesis import given

import libyamodel as lm
from libyamodel.io import Limits, unstructure_record
from libyamodel.io._fast import row_kinds
from libyamodel.io._typed import typed_records
from libyamodel.strategies import datasets

FUZZ = dm.FUZZ

msgspec = pytest.importorskip("msgspec")


def _outcome(folder: Path, *, typed: bool) -> lm.Dataset | lm.DataError:
    if typed:
        return dm.load_outcome(folder)
    with mock.patch("libyamodel.io._typed.typed_records", return_value=None):
        return dm.load_outcome(folder)


@FUZZ
@given(
    dm.damaged(
        tuple(dm.RECORD_DAMAGES),
        min_damages=0,
        max_damages=3,
        scenario=dm.scenarios(formats=("json",)),
    )
)
def test_loading_json_with_and_without_msgspec_gives_the_same_records_or_problems(scenario):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        scenario.write(folder)
        typed, ordinary = _outcome(folder, typed=True), _outcome(folder, typed=False)
    if isinstance(ordinary, lm.DataError):
        assert isinstance(typed, lm.DataError), "only the typed path loaded"
        assert typed.problems == ordinary.problems
    else:
        assert isinstance(typed, lm.Dataset), f"only the typed path refused:\n{typed}"
        assert typed.entities == ordinary.entities
        assert typed.facts == ordinary.facts


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


@FUZZ
@given(datasets(max_entities=8, max_facts=8))
def test_generated_records_of_the_common_fields_are_read_by_msgspec_as_the_ordinary_path_reads_them(
    dataset,
):
    """Each record written with only the fields the quicker builder reads (the others keep
    their defaults) is read by this path, unless a text holds a quote or opens with a colon,
    which this path cannot tell from a key."""
    rows = []
    for record in dataset:
        row = unstructure_record(record)
        kinds = row_kinds(type(record), msgspec.UNSET)
        assert kinds is not None
        rows.append({key: value for key, value in row.items() if key in {*kinds[1], "type"}})
    text = json.dumps(rows)
    records = typed_records(text, Limits())
    if any('"' in text or text.startswith(":") for text in _texts(rows)):
        return
    assert records is not None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.json"
        path.write_text(text, encoding="utf-8")
        with mock.patch("libyamodel.io._typed.typed_records", return_value=None):
            ordinary = lm.load(path, bundled=False)
    assert sorted(records, key=lambda r: r.id) == sorted(ordinary, key=lambda r: r.id)


def place(more: str = "") -> str:
    return '{"type": "place", "id": "p", "name": "P", "kind": "town"' + more + "}"


def claim(period: str = "", evidence: str = "") -> str:
    return (
        '{"type": "control_claim", "id": "c", "controller": "a", "place": "p", "period": '
        '{"start": "2014"'
        + period
        + '}, "evidence": [{"source": "s", "quote": "q"'
        + evidence
        + "}]}"
    )


def listed(*records: str) -> str:
    return "[" + ", ".join(records) + "]"


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        pytest.param(listed(place(', "id": "q"')), Limits(), id="a key twice"),
        pytest.param(listed(claim(period=', "start": "2015"')), Limits(), id="a period key twice"),
        pytest.param(
            listed(claim(evidence=', "quote": "r"')), Limits(), id="an evidence key twice"
        ),
        pytest.param(listed(place(', "note" : "n"')), Limits(), id="a key spaced from its colon"),
        pytest.param(listed(place(', "note": "\\ud800"')), Limits(), id="a lone surrogate"),
        pytest.param(
            listed(place(', "note": "' + "n" * 300 + '"')),
            Limits(max_text_length=100),
            id="a long text",
        ),
        pytest.param(listed(claim()), Limits(max_depth=3), id="nested deeper than the limit"),
        pytest.param(listed(place(), place()), Limits(max_records=1), id="too many records"),
        pytest.param(
            '{"place": [{"id": "p", "name": "P", "kind": "town"}]}', Limits(), id="grouped"
        ),
        pytest.param(listed(place(', "born": "1950"')), Limits(), id="a field the builder leaves"),
        pytest.param(listed(place(', "note": ": n"')), Limits(), id="a text opening with a colon"),
    ],
)
def test_files_msgspec_would_read_otherwise_are_left_to_the_ordinary_path(text, limits):
    json.loads(text)  # each is JSON, so only the checks of this path decline it
    assert typed_records(text, limits) is None


def test_the_same_records_written_plainly_are_read_by_msgspec():
    records = typed_records(listed(place(', "note": "n"'), claim()), Limits())
    assert records is not None
    assert [record.id for record in records] == ["p", "c"]
