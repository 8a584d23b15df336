"""The JSON Schema of data files: valid itself, accepts the bundled data, rejects broken records."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel import strategies
from libyamodel.io import json_schema, unstructure_record
from libyamodel.io._reading import read
from libyamodel.model import RECORD_TYPES, VOCABULARIES

BUNDLED = sorted(lm.bundled_data_path().rglob("*.yaml"))

CLAIM: dict[str, Any] = {
    "type": "legitimacy_claim",
    "id": "gnc-claims-legislature-2014",
    "claimant": "general-national-congress",
    "role": "legislature",
    "basis": "continuity",
    "period": {"start": "2014-08-25", "end": "2016-04.."},
    "evidence": [
        {
            "source": "commons-library-snia-7023",
            "quote": "continued to meet in Tripoli as the General National Congress",
            "stance": "affirms",
        }
    ],
}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema())


def errors(validator: jsonschema.Draft202012Validator, data: object) -> list[str]:
    """Every error, including those under anyOf branches, as ``keyword at path``: what the
    schema says, not how a jsonschema release words its message."""
    found: list[str] = []
    pending = list(validator.iter_errors(data))
    while pending:
        error = pending.pop(0)
        where = "/".join(str(step) for step in error.absolute_path)
        found.append(f"{error.validator} at {where}")
        pending.extend(error.context)
    return found


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_is_generated_from_the_model():
    defs = json_schema()["$defs"]
    for name, cls in RECORD_TYPES.items():
        record = defs[name]
        fields = attrs.fields(cls)
        assert set(record["properties"]) == {"type"} | {field.name for field in fields}
        assert record["required"] == [f.name for f in fields if f.default is attrs.NOTHING]
        assert record["additionalProperties"] is False
        assert record["description"]
    for vocabulary in VOCABULARIES:
        assert defs[vocabulary.__name__]["enum"] == [member.value for member in vocabulary]


def test_a_fresh_schema_each_call():
    first = json_schema()
    first["$defs"].clear()
    assert json_schema()["$defs"]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(lm.bundled_data_path())))
def test_every_bundled_file_validates(validator: jsonschema.Draft202012Validator, path: Path):
    assert errors(validator, read(path).data) == []


def test_the_bundled_data_is_all_covered():
    assert len(BUNDLED) >= 5


def test_both_file_layouts_and_an_empty_file_validate(validator: jsonschema.Draft202012Validator):
    untyped = {key: value for key, value in CLAIM.items() if key != "type"}
    assert errors(validator, [CLAIM]) == []
    assert errors(validator, {"legitimacy_claim": [untyped]}) == []
    assert errors(validator, {"legitimacy_claim": [CLAIM]}) == []
    assert errors(validator, None) == []


@pytest.mark.parametrize(
    "period",
    [
        "2014",
        2014,
        "2014-06",
        "2014-06-25",
        "2017-09-20~",
        "2014-06?",
        "early 2019-06",
        "mid 2019-06",
        "late 2016",
        "..2014-11-13",
        "2014-11-13..",
        {"start": 2012},
        {"start": "2014-08-25", "end": None},
        {"start": "..2017-04", "end": "2017-01.."},
        {"on": "2014-11-13"},
    ],
)
def test_every_date_and_period_form_validates(
    validator: jsonschema.Draft202012Validator, period: object
):
    assert errors(validator, [{**CLAIM, "period": period}]) == []


def broken(change: dict[str, Any], drop: str | None = None) -> list[dict[str, Any]]:
    record = copy.deepcopy(CLAIM)
    record.update(change)
    if drop is not None:
        del record[drop]
    return [record]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (broken({"claimnt": "x"}), "additionalProperties at 0"),
        (broken({"type": "claim"}), "enum at 0/type"),
        (broken({}, drop="evidence"), "required at 0"),
        (broken({"evidence": []}), "minItems at 0/evidence"),
        (broken({"id": "GNC Claims"}), "pattern at 0/id"),
        (broken({"role": "   "}), "pattern at 0/role"),
        (broken({"period": "13 November 2014"}), "anyOf at 0/period"),
        (broken({"period": "2014-13"}), "anyOf at 0/period"),
        (broken({"period": "early 2014-06-01"}), "anyOf at 0/period"),
        (broken({"period": "..2014-11-13.."}), "anyOf at 0/period"),
        (broken({"period": "..early 2014"}), "anyOf at 0/period"),
        (broken({"period": {"on": "2014", "start": "2014"}}), "anyOf at 0/period"),
        (broken({"period": {"end": "2014"}}), "anyOf at 0/period"),
        ({"claims": [CLAIM]}, "additionalProperties at "),
        (
            {"legitimacy_claim": [{**CLAIM, "type": "recognition"}]},
            "const at legitimacy_claim/0/type",
        ),
        ("a claim", "type at "),
    ],
)
def test_broken_records_are_rejected(
    validator: jsonschema.Draft202012Validator, data: object, message: str
):
    found = errors(validator, data)
    assert found, "expected the schema to reject this"
    assert any(message in text for text in found), found


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"type": "actor", "id": "a", "name": "A", "kind": "militia"}, "enum at 0/kind"),
        (
            {"type": "actor", "id": "a", "name": "A", "kind": "person", "wikidata": "1016"},
            "pattern",
        ),
        ({"type": "place", "id": "p", "name": "P", "kind": "city", "lat": 91}, "maximum at 0/lat"),
        ({"type": "source", "id": "s", "title": "T", "published": "yesterday"}, "at 0/published"),
        (
            {"type": "source", "id": "s", "title": "T", "published": 14},
            "at 0/published",
        ),
        ({"type": "recognition", "id": "r", "recognizer": "a", "recognized": "b"}, "required at 0"),
    ],
)
def test_broken_entities_are_rejected(
    validator: jsonschema.Draft202012Validator, record: dict[str, Any], message: str
):
    found = errors(validator, [record])
    assert any(message in text for text in found), found


def test_conference_participants_are_ids_or_actor_and_role(
    validator: jsonschema.Draft202012Validator,
):
    conference = {
        "type": "conference",
        "id": "vienna",
        "name": "Vienna meeting",
        "period": "2016-05-16",
        "participants": ["italy", {"actor": "united-states", "role": "co-chair"}],
        "evidence": [{"source": "s", "quote": "q"}],
    }
    assert errors(validator, [conference]) == []
    conference["participants"] = [{"actor": "italy", "rank": 1}]
    assert errors(validator, [conference])


@pytest.mark.parametrize(
    ("question", "own", "other"),
    [
        ("claimants", "role", "office"),
        ("holders", "office", "place"),
        ("mandates", "holder", "role"),
    ],
)
def test_a_coverage_record_takes_its_question_s_filter_only(
    validator: jsonschema.Draft202012Validator, question: str, own: str, other: str
):
    record = {
        "type": "coverage",
        "id": "c",
        "question": question,
        own: "government",
        "period": {"start": "2014-01-01", "end": "2014-12-31"},
        "extent": "complete",
    }
    assert errors(validator, [record]) == []
    assert any("at 0/" + other in text for text in errors(validator, [{**record, other: "x"}]))


def date_pattern() -> re.Pattern[str]:
    return re.compile(json_schema()["$defs"]["PartialDate"]["pattern"])


@given(strategies.partial_dates())
def test_the_date_pattern_accepts_every_partial_date(date: lm.PartialDate):
    assert date_pattern().search(str(date))


DATE_LIKE = r"(\.\.)?((early|mid|late) )?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?]?(\.\.)?"


@given(st.from_regex(DATE_LIKE, fullmatch=True))
def test_the_date_pattern_agrees_with_the_parser(text: str):
    matches = date_pattern().search(text) is not None
    try:
        lm.PartialDate.parse(text)
        refusal = None
    except lm.DateFormatError as error:
        refusal = str(error)
    if refusal is None:
        assert matches
    elif matches:  # the pattern does not know month lengths; all else it refuses too
        assert "does not exist" in refusal


@given(strategies.datasets())
def test_any_dataset_written_out_validates(dataset: lm.Dataset):
    validator = jsonschema.Draft202012Validator(json_schema())
    assert errors(validator, [unstructure_record(record) for record in dataset]) == []
