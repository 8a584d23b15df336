"""Round trips: load -> dump -> load is the identity, and JSON and YAML agree.

For generated datasets, for datasets whose texts are hostile to YAML (quotes,
colons, line breaks, things that look like numbers, dates or flags), for the
bundled data, and for whatever a user's JSON file could make the loader accept.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import damage as dm
import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.io import records_to_yaml, unstructure_record
from libyamodel.model import FILTERS, role_fields

ROUND_TRIP = dm.FUZZ


def reload(ds: lm.Dataset, folder: Path) -> lm.Dataset:
    ds.dump(folder)
    with dm.time_budget(dm.HARD_BUDGET):
        return lm.load(folder, bundled=False)


@ROUND_TRIP
@given(dm.small_datasets() | dm.datasets())
def test_load_dump_load_is_the_identity_and_dumping_is_stable(ds):
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        loaded = reload(ds, Path(one))
        assert loaded == ds
        assert sorted(loaded, key=lambda r: r.id) == sorted(ds, key=lambda r: r.id)
        again = reload(loaded, Path(two))
        assert again == ds
        first = {p.name: p.read_bytes() for p in Path(one).iterdir()}
        second = {p.name: p.read_bytes() for p in Path(two).iterdir()}
        assert first == second, "dumping a reloaded dataset wrote different files"


@ROUND_TRIP
@given(dm.small_datasets(), st.booleans(), st.booleans(), st.integers(1, 3))
def test_json_and_yaml_of_the_same_records_load_equal(ds, ascii_only, grouped, files):
    records = list(ds)
    with tempfile.TemporaryDirectory() as tmp:
        as_json, as_yaml = Path(tmp, "json"), Path(tmp, "yaml")
        as_json.mkdir()
        as_yaml.mkdir()
        for part in range(files):
            chunk = records[part::files]
            plain = [unstructure_record(r) for r in chunk]
            data: object = plain
            if grouped:
                groups: dict[str, list[object]] = {}
                for record in plain:
                    groups.setdefault(record.pop("type"), []).append(record)
                data = groups
            (as_json / f"part-{part}.json").write_text(
                json.dumps(data, ensure_ascii=ascii_only, indent=1), encoding="utf-8"
            )
            (as_yaml / f"part-{part}.yaml").write_text(records_to_yaml(chunk), encoding="utf-8")
        with dm.time_budget(dm.HARD_BUDGET):
            from_json = lm.load(as_json, bundled=False)
            from_yaml = lm.load(as_yaml, bundled=False)
    assert from_json == from_yaml == ds


HOSTILE_TEXTS = [
    "yes",
    "no",
    "on",
    "off",
    "null",
    "Null",
    "~",
    "true",
    "True",
    "FALSE",
    "1",
    "-1",
    "+1",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    "1e5",
    "1E+5",
    ".5",
    "5.",
    "-.inf",
    ".NaN",
    "inf",
    "nan",
    "2014-06-25",
    "2014-06-25T10:00:00Z",
    "12:30:00",
    "1:20",
    "<<",
    "=",
    "*alias",
    "&anchor",
    "!tag",
    "!!python/object:os.system",
    "%YAML 1.1",
    "---",
    "...",
    "- item",
    "? key",
    "key: value",
    "a #comment",
    "#comment",
    "@at",
    "`tick",
    "|",
    ">",
    "'single'",
    '"double"',
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "carriage\rreturn",
    "crlf\r\nline",
    "trailing space ",
    " leading space",
    "\ufeffbom",
    "nel\x85line",
    "ls\u2028ps\u2029",
    "nul\x00byte",
    "bell\x07",
    "del\x7f",
    "zero\u200bwidth",
    "rtl \u0644\u064a\u0628\u064a\u0627 \u202e",
    "😀 astral",
    "\U0010fffd",
    "1" * 5000,
    "9" * 4301 + ".5",
    "x" * 5000,
]


def small_dataset(name: str = "A", quote: str = "q") -> lm.Dataset:
    source = lm.Source(id="s", title="T", published=lm.PartialDate.parse("2014"))
    actor = lm.Actor(id="a", name=name, kind=lm.ActorKind.PERSON)
    event = lm.Event(
        id="e",
        name="E",
        kind=lm.EventKind.OTHER,
        period=lm.Period.once("2014-06"),
        actors=("a",),
        evidence=(lm.Evidence(source="s", quote=quote),),
    )
    return lm.Dataset.from_records([source, actor, event])


@pytest.mark.parametrize("where", ["name", "quote"])
@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=lambda t: repr(t)[:24])
def test_each_hostile_text_survives_dump_and_load(tmp_path, text, where):
    ds = small_dataset(**{where: text})
    assert reload(ds, tmp_path) == ds


def _another_questions_filter(record: lm.Record, field: object) -> bool:
    """Whether ``field`` is a filter a coverage record does not take (its question's own
    filter is the only one it may have)."""
    return (
        isinstance(record, lm.Coverage)
        and field in FILTERS.values()
        and field != FILTERS[record.question]
    )


@st.composite
def hostile_datasets(draw: st.DrawFn) -> tuple[lm.Dataset, str]:
    """A generated dataset with one text field set to a text that YAML finds hard."""
    ds = draw(dm.small_datasets())
    records = list(ds)
    text = draw(
        st.sampled_from(HOSTILE_TEXTS)
        | st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)
    )
    if not text.strip():
        text = f"x{text}x"
    index = draw(st.integers(0, len(records) - 1))
    record = records[index]
    texts = [
        s
        for s in dm.slots(record, unstructure_record(record))
        if s.kind == "text"
        and not _another_questions_filter(record, s.steps[0])
        and s.steps[0] not in role_fields(type(record))  # a word of the role vocabulary
    ]
    slot = draw(st.sampled_from(texts))
    records[index] = dm.evolve_at(record, slot.steps, text)
    return lm.Dataset.from_records(records), text


@ROUND_TRIP
@given(hostile_datasets())
def test_texts_hostile_to_yaml_survive_dump_and_load(case):
    ds, _ = case
    with tempfile.TemporaryDirectory() as tmp:
        assert reload(ds, Path(tmp)) == ds


@ROUND_TRIP
@given(
    dm.small_datasets(),
    st.text(st.characters(codec=None, categories=["Cs", "Cc", "Zl", "Zp"]), min_size=1, max_size=4),
)
def test_whatever_a_json_file_makes_the_loader_accept_dumps_and_loads_back(ds, odd):
    """JSON can spell what UTF-8 YAML cannot (lone surrogates as \\ud800 escapes)."""
    records = [unstructure_record(r) for r in ds]
    for record in records:
        if "name" in record:
            record["name"] = f"name {odd}"
            break
    else:
        records[0]["note"] = f"note {odd}"
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp, "data")
        data.mkdir()
        (data / "records.json").write_text(json.dumps(records), encoding="ascii")
        outcome = dm.load_outcome(data)
        if isinstance(outcome, lm.DataError):
            assert all(p.file == data / "records.json" for p in outcome.problems)
            return
        out = Path(tmp, "out")
        outcome.dump(out)  # must not raise a foreign exception (UnicodeEncodeError)
        with dm.time_budget(dm.HARD_BUDGET):
            assert lm.load(out, bundled=False) == outcome


def test_the_bundled_data_round_trips(tmp_path):
    bundled = lm.load()
    bundled.dump(tmp_path)
    assert lm.load(tmp_path, bundled=False) == bundled
