"""Limits: hostile sizes fail fast with a clear error, and users can raise them."""

from __future__ import annotations

import pytest

import libyamodel as lm
from libyamodel.io import Limits


def problems(path, **limits):
    with pytest.raises(lm.DataError) as caught:
        lm.load(path, bundled=False, limits=Limits(**limits))
    return caught.value.problems


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.yaml", "[" * 100_000 + "]" * 100_000),
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("block.yaml", "- " * 50_000 + "x\n"),
        ("moderate.yaml", "[" * 17 + "]" * 17),
    ],
)
def test_deep_nesting_is_refused_before_it_can_crash(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (problem,) = problems(path)
    assert "nested more than 16 deep" in problem.message
    assert problem.file == path


def test_long_texts_are_refused_and_the_limit_can_be_raised(tmp_path):
    path = tmp_path / "long.yaml"
    path.write_text(f"- type: actor\n  id: a\n  name: {'x' * 2000}\n  kind: person\n")
    (problem,) = problems(path, max_text_length=1000)
    assert "2000 characters" in problem.message
    assert problem.line == 3
    ds = lm.load(path, bundled=False, limits=Limits(max_text_length=5000))
    assert len(ds["a"].name) == 2000


@pytest.mark.parametrize(
    ("name", "length"),
    [
        ("plain", 1001),
        ("escaped quotes", 1001),
        ("last in the file", 1001),
        ("a key", 1001),
        ("just within", 1000),
    ],
)
def test_long_json_texts_are_found_wherever_they_are(tmp_path, name, length):
    """A JSON text over the limit is refused, whether or not it holds escaped quotes, comes
    last or is a key; one at the limit is read."""
    text = '\\"' * length if name == "escaped quotes" else "x" * length
    lines = ["[", '{"type": "source", "id": "s", "title": "T", "published": "2020"},']
    if name == "a key":
        lines.append(f'{{"type": "actor", "id": "a", "kind": "person", "{text}": 1}}]')
    elif name == "last in the file":
        lines.append(f'{{"type": "actor", "id": "a", "kind": "person", "name": "{text}"}}]')
    else:
        lines.append(f'{{"type": "actor", "id": "a", "kind": "person", "name": "{text}"}},')
        lines.append('{"type": "actor", "id": "b", "name": "B", "kind": "person"}]')
    path = tmp_path / "long.json"
    path.write_text("\n".join(lines))
    if length <= 1000:
        ds = lm.load(path, bundled=False, limits=Limits(max_text_length=1000))
        assert ds["a"].name == text
        return
    (problem,) = problems(path, max_text_length=1000)
    assert f"{length} characters" in problem.message


def test_big_files_are_refused_before_reading(tmp_path):
    path = tmp_path / "big.json"
    path.write_text("[" + ", ".join(["{}"] * 1000) + "]")
    (problem,) = problems(path, max_file_bytes=100)
    assert "more than the limit of 100" in problem.message


def test_too_many_records_are_refused(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text(
        "".join(f"- {{type: place, id: p{i}, name: P, kind: city}}\n" for i in range(20))
    )
    (problem,) = problems(path, max_records=10)
    assert "more than 10 records" in problem.message


def test_limits_must_be_positive():
    with pytest.raises(ValueError, match="max_depth"):
        Limits(max_depth=0)
