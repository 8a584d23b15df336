"""The YAML reader builds data from parse events in one pass: it must read what a file says.

JSON is YAML, so every JSON text must read the same through both readers; and
whatever PyYAML's safe dumper writes from plain data must read as its composed
node tree says. Both hold with libyaml and with PyYAML's pure-Python parser.
"""

from __future__ import annotations

import json
import math
from typing import Any, ClassVar
from unittest import mock

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from libyamodel.io import _yaml
from libyamodel.io._limits import DEFAULT_LIMITS, ReadError, plain_scalar
from libyamodel.io._reading import node_tree_of, read, yaml_readable
from libyamodel.io._yaml import line_of, node_tree, read_yaml


def plain_data(texts: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """Lists and mappings of text, numbers, flags and null, nested well within the depth limit."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(10**30), max_value=10**30)
        | st.floats(allow_nan=False, allow_infinity=False)
        | texts
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4)
            # Keys short enough for YAML 1.1, which takes keys of up to 1024 characters as written.
            | st.dictionaries(texts.filter(lambda key: len(key) <= 40), inner, max_size=4)
        ),
        max_leaves=20,
    )


texts = st.text(st.characters(exclude_categories=["Cs"]))
"""Texts: any characters but lone surrogates, which are not text (data files refuse them)."""
unfolded_texts = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x85\u2028\u2029")
)
"""Texts without the line breaks (NEL, LS, PS) that YAML 1.1 folds where PyYAML's dumper
leaves them in single-quoted scalars: reading those as breaks is YAML, not the reader."""


class PurePythonLoader(yaml.SafeLoader):
    """PyYAML's own parser, which users without libyaml get, tagging nothing implicitly."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {}


PARSERS = {"libyaml": _yaml._DataLoader, "pure Python": PurePythonLoader}
parsers = st.sampled_from(sorted(PARSERS))


def read_with(parser: str, text: str) -> Any:
    with mock.patch.object(_yaml, "_DataLoader", PARSERS[parser]):
        return read_yaml(text, DEFAULT_LIMITS)


def same(a: object, b: object) -> bool:
    """Equal, with -0.0 and 0.0 told apart and bools never taken for numbers."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)  # type: ignore[arg-type]
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))  # type: ignore[arg-type]
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)  # type: ignore[index]
    return a == b


@given(parser=parsers, data=plain_data(texts))
def test_a_json_text_reads_the_same_as_yaml(parser, data):
    text = json.dumps(data)  # escaped to ASCII: a YAML stream may not hold every character
    assert same(read_with(parser, yaml_readable(text)), json.loads(text))


def as_written(node: yaml.Node) -> Any:
    """What a composed YAML node says, read the plain way: quoted and block scalars are text,
    plain ones as ``plain_scalar`` reads them (so ``0E0`` is a number, as in JSON)."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.style else plain_scalar(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [as_written(item) for item in node.value]
    return {key.value: as_written(value) for key, value in node.value}


@given(parser=parsers, data=plain_data(unfolded_texts))
def test_a_file_reads_as_its_node_tree_says(parser, data):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert same(read_with(parser, text), as_written(node_tree(text)))


@given(data=plain_data(unfolded_texts))
def test_every_key_and_item_has_a_line_in_the_node_tree(data):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    tree = node_tree(text)
    paths = [()]
    while paths:
        path = paths.pop()
        line = line_of(tree, path)
        assert line is not None
        assert 1 <= line <= text.count("\n") + 1
        value = data
        for step in path:
            value = value[step]
        if isinstance(value, dict):
            paths += [(*path, key) for key in value]
        elif isinstance(value, list):
            paths += [(*path, index) for index in range(len(value))]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: 1\n---\nb: 2\n", "holds one document", 2),
        ("- 1\n- &x 2\n", "anchors and aliases", 2),
        ("a: !!int 5\n", "the tag tag:yaml.org,2002:int is not allowed", 1),
        ("a:\n  b: 1\n  b: 2\n", "the key 'b' appears twice", 3),
        ("? [k]\n: v\n", "mapping keys must be plain text", 1),
        ("a: [1, 2\n", "not valid YAML", 2),
    ],
)
@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_what_a_data_file_may_not_hold_is_refused_on_its_line(parser, text, message, line):
    with pytest.raises(ReadError, match=message) as raised:
        read_with(parser, text)
    assert raised.value.line == line


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_file_grown_too_deep_since_it_was_read_gets_no_line_and_no_crash(tmp_path, suffix):
    path = tmp_path / f"data{suffix}"
    path.write_text("[]", encoding="utf-8")
    document = read(path)
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert node_tree_of(document) is None


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_file_read_gets_its_node_tree_when_a_line_is_needed(tmp_path, suffix):
    path = tmp_path / f"data{suffix}"
    path.write_text('[\n  {"a": 1},\n  {"b": [2, 3]}\n]\n', encoding="utf-8")
    document = read(path)
    assert document.node is None
    assert line_of(node_tree_of(document), (1, "b", 1)) == 3
