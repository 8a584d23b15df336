"""The YAML side of reading: compose safely, refuse what data files may not hold, keep lines.

YAML is composed into nodes (by libyaml when present) and turned into data here,
not by PyYAML's constructors: only strings, numbers, true/false and null, lists
and mappings with text keys exist in a data file. Dates stay text (we parse them
ourselves), ``on``/``yes``/``no`` stay text, duplicate keys, tags, anchors and
aliases are refused, so nothing is executed, coerced or silently overwritten.
This module is imported only when a YAML file is read, so that ``import
libyamodel`` does not pay for PyYAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Final

import yaml

from libyamodel.io._reading import (
    TOO_LONG,
    Limits,
    ReadError,
    _check_text,
    _too_deep,
    plain_scalar,
)

__all__ = ["line_of", "read_yaml"]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_STR: Final = "tag:yaml.org,2002:str"
_COLLECTION_TAGS: Final = frozenset({"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag != _PLAIN_STR:
        raise ReadError(f"the tag {node.tag} is not allowed in data files", _line(node))
    value: str = node.value
    if node.style:  # quoted or block scalars are always text
        return value
    scalar = plain_scalar(value)
    if scalar is TOO_LONG:
        raise ReadError(
            f"a number of {len(value)} digits is too long; put it in quotes", _line(node)
        )
    return scalar


def _build(node: yaml.Node, seen: set[int], limits: Limits, depth: int = 1) -> Any:
    if id(node) in seen:
        raise ReadError(
            "anchors and aliases (&name, *name) are not allowed in data files; "
            "this node is used twice",
            _line(node),
        )
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        _check_text(node.value, limits, _line(node))
        return _scalar(node)
    if node.tag not in _COLLECTION_TAGS:
        raise ReadError(f"the tag {node.tag} is not allowed in data files", _line(node))
    if depth > limits.max_depth:
        raise _too_deep(limits, _line(node))
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, seen, limits, depth + 1) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _PLAIN_STR:
                raise ReadError(
                    "mapping keys must be plain text (no merges, tags or nested keys)",
                    _line(key_node),
                )
            key = key_node.value
            _check_text(key, limits, _line(key_node))
            if key in mapping:
                raise ReadError(f"the key {key!r} appears twice in one mapping", _line(key_node))
            mapping[key] = _build(value_node, seen, limits, depth + 1)
        return mapping
    raise ReadError(f"unexpected YAML node {node!r}", _line(node))  # pragma: no cover


def _event_line(event: yaml.Event) -> int | None:
    mark = event.start_mark
    return None if mark is None else int(mark.line) + 1


def _nesting(text: str, limits: Limits) -> None:
    """Refuse YAML nested deeper than the limit before composing it (libyaml recurses)."""
    depth = 0
    loader = _DataLoader(text)
    try:
        while (event := loader.get_event()) is not None:
            if getattr(event, "anchor", None) is not None:
                raise ReadError(
                    "anchors and aliases (&name, *name) are not allowed in data files",
                    _event_line(event),
                )
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    raise _too_deep(limits, _event_line(event))
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                raise ReadError(
                    "anchors and aliases (&name, *name) are not allowed in data files",
                    _event_line(event),
                )
    finally:
        loader.dispose()


class _DataLoader(_Loader):  # type: ignore[misc]
    """A composer whose resolver tags nothing implicitly: every plain scalar is text."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {}


def _compose(text: str) -> yaml.Node | None:
    loader = _DataLoader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


def read_yaml(text: str, limits: Limits) -> tuple[Any, yaml.Node | None]:
    try:
        _nesting(text, limits)
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = None if mark is None else mark.line + 1
        raise ReadError(f"not valid YAML: {error.problem or error}", line) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        raise ReadError(
            f"not valid YAML: the character {error.character!r} is not allowed in a data file",
            line,
        ) from None
    except yaml.YAMLError as error:
        raise ReadError(f"not valid YAML: {error}") from None
    return (None if node is None else _build(node, set(), limits)), node


def line_of(node: yaml.Node | None, path: Sequence[str | int]) -> int | None:
    """The line of the deepest node along ``path`` (keys and list indices)."""
    if node is None:
        return None
    line = _line(node)
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            found = next((pair for pair in node.value if pair[0].value == step), None)
            if found is None:
                return line
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                return line
            node = node.value[step]
        else:
            return line
        line = _line(node)
    return line
