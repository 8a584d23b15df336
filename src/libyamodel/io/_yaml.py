"""The YAML side of reading: parse safely, refuse what data files may not hold, find lines.

YAML is parsed into events (by libyaml when present) and the data is built from
them here, in one pass, not by PyYAML's constructors: only strings, numbers,
true/false and null, lists and mappings with text keys exist in a data file.
Dates stay text (we parse them ourselves), ``on``/``yes``/``no`` stay text,
duplicate keys, tags, anchors and aliases are refused, so nothing is executed,
coerced or silently overwritten. Nesting is bounded as the events arrive, so
nothing recurses on hostile input. The node tree that gives a problem its line
is composed only when a problem needs one (:func:`node_tree`). This module is
imported only when a YAML file is read, so that ``import libyamodel`` does not
pay for PyYAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Final

import yaml

from libyamodel.io._limits import (
    TOO_LONG,
    Limits,
    ReadError,
    check_text,
    plain_scalar,
    too_deep,
)

__all__ = ["line_of", "node_tree", "read_yaml"]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_STR: Final = "tag:yaml.org,2002:str"
_TEXT_TAGS: Final = frozenset({None, "!", _PLAIN_STR})
"""Tags under which a scalar is text: none, the non-specific ``!`` and ``!!str``."""
_COLLECTION_TAGS: Final = frozenset({None, "!", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
_ANCHORS: Final = "anchors and aliases (&name, *name) are not allowed in data files"


def _line(node: yaml.Node | yaml.Event) -> int | None:
    mark = node.start_mark
    return None if mark is None else int(mark.line) + 1


class _DataLoader(_Loader):  # type: ignore[misc]
    """A parser whose resolver tags nothing implicitly: every plain scalar is text."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {}


class _PureDataLoader(yaml.SafeLoader):
    """The same parser in pure Python, which reads ahead no further than each event needs.

    libyaml's scanner may read far ahead (a long run of ``[`` is scanned whole) and
    refuse with limits of its own; a text libyaml refuses is read again with this
    one, so that every problem is reported by our own checks, with or without libyaml.
    """

    yaml_implicit_resolvers = {}  # noqa: RUF012 (PyYAML reads it as a class attribute)


_NODE_EVENTS: Final = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END_EVENTS: Final = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NESTED_KEY: Final = "mapping keys must be plain text (no merges, tags or nested keys)"


def _build(text: str, limits: Limits, loader_class: type[Any] = _DataLoader) -> Any:
    """The data of a YAML text, built as its events arrive."""
    loader = loader_class(text)
    try:
        get_event = loader.get_event
        root: Any = None
        open_: list[Any] = []  # the lists and mappings being filled, innermost last
        keys: list[str | None] = []  # for each, the key awaiting its value, or None
        documents = 0
        while (event := get_event()) is not None:
            kind = type(event)
            if kind in _END_EVENTS:
                open_.pop()
                keys.pop()
                continue
            if kind not in _NODE_EVENTS:
                if kind is yaml.AliasEvent:
                    raise ReadError(_ANCHORS, _line(event))
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise ReadError(
                            "not valid YAML: a data file holds one document, "
                            "but found another (a second ---)",
                            _line(event),
                        )
                continue
            if event.anchor is not None:
                raise ReadError(_ANCHORS, _line(event))
            at_key = bool(open_) and keys[-1] is None and type(open_[-1]) is dict
            if kind is yaml.ScalarEvent:
                if at_key:
                    keys[-1] = _key(event, open_[-1], limits)
                    continue
                value = _scalar(event, limits)
            elif at_key:
                raise ReadError(_NESTED_KEY, _line(event))
            else:
                value = _collection(event, limits, len(open_) + 1)
            if not open_:
                root = value
            elif type(open_[-1]) is list:
                open_[-1].append(value)
            else:
                open_[-1][keys[-1]] = value
                keys[-1] = None
            if kind is not yaml.ScalarEvent:
                open_.append(value)
                keys.append(None)
        return root
    finally:
        loader.dispose()


def _scalar(event: yaml.ScalarEvent, limits: Limits) -> Any:
    """What a scalar means, unless it is a mapping key: text, a number, a flag or null."""
    value = event.value
    if len(value) > limits.max_text_length:
        check_text(value, limits, _line(event))
    if event.tag not in _TEXT_TAGS:
        raise ReadError(f"the tag {event.tag} is not allowed in data files", _line(event))
    if event.style:  # quoted and block scalars are always text
        return value
    scalar = plain_scalar(value)
    if scalar is TOO_LONG:
        raise ReadError(
            f"a number of {len(value)} digits is too long; put it in quotes", _line(event)
        )
    return scalar


def _collection(
    event: yaml.CollectionStartEvent, limits: Limits, depth: int
) -> dict[str, Any] | list[Any]:
    """A new, empty mapping or list, if its tag and depth are allowed."""
    if event.tag not in _COLLECTION_TAGS:
        raise ReadError(f"the tag {event.tag} is not allowed in data files", _line(event))
    if depth > limits.max_depth:
        raise too_deep(limits, _line(event))
    return {} if type(event) is yaml.MappingStartEvent else []


def _key(event: yaml.ScalarEvent, mapping: dict[str, Any], limits: Limits) -> str:
    """A mapping key, if it is plain text within the length limit and new to ``mapping``."""
    if event.tag not in _TEXT_TAGS:
        raise ReadError(_NESTED_KEY, _line(event))
    key: str = event.value
    if len(key) > limits.max_text_length:
        check_text(key, limits, _line(event))
    if key in mapping:
        raise ReadError(f"the key {key!r} appears twice in one mapping", _line(event))
    return key


def _yaml_errors(text: str, error: yaml.YAMLError) -> ReadError:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = None if mark is None else mark.line + 1
        return ReadError(f"not valid YAML: {error.problem or error}", line)
    if isinstance(error, yaml.reader.ReaderError):
        line = text[: error.position].count("\n") + 1
        return ReadError(
            f"not valid YAML: the character {error.character!r} is not allowed in a data file",
            line,
        )
    return ReadError(f"not valid YAML: {error}")


def read_yaml(text: str, limits: Limits) -> Any:
    """The data a YAML text holds; a ReadError, with its line, for anything else."""
    try:
        return _build(text, limits)
    except yaml.YAMLError as error:
        first = error
    try:
        _build(text, limits, _PureDataLoader)
    except yaml.YAMLError as error:
        raise _yaml_errors(text, error) from None
    raise _yaml_errors(text, first) from None  # pragma: no cover (the parsers disagree)


_COMPOSABLE_DEPTH: Final = 1000
"""Nesting up to which the composer, which recurses, may be given a text."""


def node_tree(text: str) -> yaml.Node | None:
    """The composed YAML of a text already read, for the lines of its parts.

    The text is read again from its file, which may have changed since, so its nesting
    is bounded again before the composer recurses into it.
    """
    loader = _DataLoader(text)
    try:
        depth = 0
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _COMPOSABLE_DEPTH:
                    raise ReadError(f"nested more than {_COMPOSABLE_DEPTH} deep", _line(event))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as error:
        raise _yaml_errors(text, error) from None
    finally:
        loader.dispose()
    loader = _DataLoader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    except yaml.YAMLError as error:
        raise _yaml_errors(text, error) from None
    finally:
        loader.dispose()


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
