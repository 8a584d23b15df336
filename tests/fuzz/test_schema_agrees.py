"""The JSON Schema accepts exactly the files the loader accepts, apart from the rules that
need more than one record or the calendar (documented in docs/interop.md).

Generated datasets are written to one file, left whole or given one damage, and read
with the library's reader; ``jsonschema`` validates the data, the loader loads the file.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import damage as dm
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.io import json_schema
from libyamodel.io._reading import read

DAMAGES = (
    "wrong_type",
    "dropped_required",
    "empty_text",
    "unknown_key",
    "unknown_type",
    "not_a_record",
    "invalid_date",
    "bad_period",
    "year_as_number",
    "optional_written_out",
    "empty_lists_written_out",
    "keys_reordered",
    "broken_reference",
    "duplicate_id",
)
"""Every damage that leaves the file readable: what the reader refuses never reaches either."""

BEYOND_THE_SCHEMA = (
    "is not a known id",  # a reference to an id no file defines
    "but this field needs",  # a reference to an entity of the wrong kind
    "could not be checked",  # a reference to a record that failed
    "already defined",  # an id defined twice
    "does not exist in",  # a day its month does not have: 2014-02-30
    "after it ends",  # a period that ends before it starts
    "comes before",  # a lifespan that ends before it begins: died before born
    "outside the lifespan",  # a fact that names an entity not alive on any of its days
    "within the lifespans",  # a fact whose entities share no day of life
)
"""What only the loader checks, by the words of its problems: references, unique ids,
month lengths, the order of a period's or a lifespan's ends, and facts within lifespans."""

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def schema_accepts(paths: list[Path]) -> bool:
    return all(VALIDATOR.is_valid(read(path).data) for path in paths)


def loader_accepts(folder: Path) -> tuple[bool, list[str]]:
    """Whether the loader accepts the folder, but for what the schema cannot check."""
    try:
        lm.load(folder, bundled=False)
    except lm.DataError as error:
        left = [
            str(p) for p in error.problems if not any(w in p.message for w in BEYOND_THE_SCHEMA)
        ]
        return not left, left
    return True, []


EDGE_DATES: list[object] = [
    2014.0,
    2014.5,
    999,
    10000,
    -2014,
    True,
    dm.Plain("0x7DE"),
    dm.Plain("2014.0"),
    dm.Plain("1e3"),
    dm.Plain(".inf"),
    "0999",
    "2014-02-30",
    "..2014-06",
    "early 2014~",
]
"""Values at the edges of what a date is: numbers, spellings of numbers, bounds, flags."""

EDGE_PERIODS: list[object] = [
    *EDGE_DATES,
    {"observed": "..2014-11-13"},
    {"on": "2014-11-13.."},
    {"observed": "2014-11-13~"},
    {"observed": "early 2014"},
    {"observed": 2014},
    {"observed": 2014.0},
    {"observed": None},
    {"start": 2014.0, "end": "2015"},
    {"start": "2015", "end": "2014"},
    {"start": "2014", "end": None},
    {"start": "2014", "observed": "2014"},
]


@st.composite
def edge_value(draw: st.DrawFn, sc: dm.Scenario) -> None:
    """One date or period of a record set to a value at the edge of the format."""
    pool = [
        (i, slot)
        for i, record in enumerate(sc.records)
        if isinstance(sc.plains[i], dict)
        for slot in dm.slots(record, sc.plains[i])
        if slot.present and slot.kind in ("date", "period") and len(slot.steps) == 1
    ]
    if not pool:
        return
    index, slot = draw(st.sampled_from(pool))
    value = copy.deepcopy(
        draw(st.sampled_from(EDGE_DATES if slot.kind == "date" else EDGE_PERIODS))
    )
    dm.put_at(sc.plains[index], slot.steps, value)
    sc.damages.append(dm.Damage(f"{slot.path} set to {value!r}", "either", index))


@st.composite
def cases(draw: st.DrawFn) -> dm.Scenario:
    """A generated dataset in one file, whole, damaged, or with an edge value."""
    sc = draw(dm.damaged(DAMAGES, min_damages=0, max_damages=1, scenario=dm.scenarios(max_files=1)))
    if draw(st.booleans()):
        draw(edge_value(sc))
    return sc


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(cases())
def test_the_schema_accepts_exactly_what_the_loader_accepts(sc: dm.Scenario) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = list(sc.write(Path(folder)).values())
        schema = schema_accepts(paths)
        loader, problems = loader_accepts(Path(folder))
        assert schema == loader, (sc.describe(), [read(p).data for p in paths], problems)


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("published: 2014", True),
        ("published: 2014.0", True),  # the same number as 2014 to JSON and YAML readers
        ("published: 2014.5", False),
        ("published: 0x7DE", False),
        ("published: '0x7DE'", False),
        ("published: 0", False),
        ("published: 10000", False),
        ("period: {observed: ..2014-11-13}", False),
        ("period: {on: 2014-11-13..}", False),
        ("period: {observed: 2014-11-13~}", False),
        ("period: {observed: early 2014}", False),
        ("period: {observed: 2014}", True),
        ("period: {start: 2014.0}", True),
    ],
)
def test_the_known_disagreements_are_gone(text: str, accepted: bool, tmp_path: Path) -> None:
    field, value = text.split(": ", 1)
    fields = {
        "published": f"- type: source\n  id: s\n  title: T\n  published: {value}\n",
        "period": (
            "- type: source\n  id: s\n  title: T\n  published: 2014\n"
            "- type: actor\n  id: a\n  name: A\n  kind: person\n"
            "- type: support\n  id: x\n  supporter: a\n  supported: a\n  kind: military\n"
            f"  period: {value}\n  evidence: [{{source: s, quote: q}}]\n"
        ),
    }
    path = tmp_path / "data.yaml"
    path.write_text(fields[field], encoding="utf-8")
    assert schema_accepts([path]) is accepted
    assert loader_accepts(tmp_path)[0] is accepted
