"""Reading YAML and JSON files into plain Python data, safely and with line numbers.

YAML is composed into nodes (by libyaml when present) and turned into data here,
not by PyYAML's constructors: only strings, numbers, true/false and null, lists
and mappings with text keys exist in a data file. Dates stay text (we parse them
ourselves), ``on``/``yes``/``no`` stay text, duplicate keys, tags, anchors and
aliases are refused, so nothing is executed, coerced or silently overwritten.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, Final

import attrs
import yaml

__all__ = ["DEFAULT_LIMITS", "Document", "Limits", "ReadError", "line_of", "plain_scalar", "read"]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_INT: Final = re.compile(r"[-+]?[0-9]+")
_FLOAT: Final = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_BOOL: Final = {"true": True, "false": False}
_NULL: Final = frozenset({"", "~", "null", "Null", "NULL"})
_PLAIN_STR: Final = "tag:yaml.org,2002:str"
_MAX_DIGITS: Final = 100
TOO_LONG: Final = object()
"""What :func:`plain_scalar` gives for a bare number too long to be one."""
_COLLECTION_TAGS: Final = frozenset({"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})


class ReadError(ValueError):
    """A file that is not well-formed YAML or JSON (or uses what data files may not)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(message)


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be a positive whole number, got {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds on what data files may hold, so that hostile input fails fast.

    The defaults are far above what real data needs; raise one for unusually
    large files: ``lm.load(path, limits=Limits(max_file_bytes=2**30))``.
    """

    max_file_bytes: int = attrs.field(default=64 * 2**20, validator=_positive)
    """The largest file read, in bytes (64 MiB)."""
    max_text_length: int = attrs.field(default=100_000, validator=_positive)
    """The longest text value or key, in characters."""
    max_depth: int = attrs.field(default=16, validator=_positive)
    """The deepest nesting of lists and mappings (a record in a list is depth 2)."""
    max_records: int = attrs.field(default=5_000_000, validator=_positive)
    """The most records loaded in one call, over all files."""


DEFAULT_LIMITS: Final = Limits()


@attrs.frozen
class Document:
    """A file's data, and its YAML node tree when line numbers are known."""

    path: Path
    data: Any
    node: yaml.Node | None = attrs.field(default=None, eq=False, repr=False)


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


def plain_scalar(value: str) -> Any:
    """What an unquoted scalar means in a data file: null, true/false, a number or text."""
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value) if len(value) <= _MAX_DIGITS else TOO_LONG
    if _FLOAT.fullmatch(value):
        number = float(value)
        if math.isfinite(number):
            return number
    return value


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


def _too_deep(limits: Limits, line: int | None = None) -> ReadError:
    return ReadError(
        f"lists and mappings are nested more than {limits.max_depth} deep "
        "(raise Limits.max_depth if this is real data)",
        line,
    )


def _check_text(text: str, limits: Limits, line: int | None = None) -> None:
    if len(text) > limits.max_text_length:
        raise ReadError(
            f"a text of {len(text)} characters is longer than the limit of "
            f"{limits.max_text_length} (raise Limits.max_text_length if this is real data)",
            line,
        )


def _check_json(data: Any, text: str, limits: Limits) -> None:
    """Check a parsed JSON file's nesting and text lengths, level by level."""
    level, depth = [data], 1
    while level:
        if depth > limits.max_depth:
            raise _too_deep(limits)
        children: list[Any] = []
        for value in level:
            items = value.values() if type(value) is dict else value
            children.extend(item for item in items if type(item) in _CONTAINERS)
        level, depth = children, depth + 1
    # A decoded text is never longer than its quoted form, so look closer only
    # when the raw file has a quoted run that long.
    unescaped = text.replace("\\\\", "").replace('\\"', "")
    if max(map(len, unescaped.split('"'))) > limits.max_text_length:
        stack = [data]
        while stack:
            value = stack.pop()
            items = value.items() if type(value) is dict else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    _check_text(key, limits)
                if isinstance(item, str):
                    _check_text(item, limits)
                elif type(item) in _CONTAINERS:
                    stack.append(item)


_CONTAINERS: Final = (list, dict)


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


def _read_yaml(text: str, limits: Limits) -> tuple[Any, yaml.Node | None]:
    try:
        _nesting(text, limits)
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = None if mark is None else mark.line + 1
        raise ReadError(f"not valid YAML: {error.problem or error}", line) from None
    except yaml.YAMLError as error:
        raise ReadError(f"not valid YAML: {error}") from None
    return (None if node is None else _build(node, set(), limits)), node


def _no_duplicates(pairs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ReadError(f"the key {key!r} appears twice in one mapping")
            seen.add(key)
    return mapping


def _no_constants(name: str) -> Any:
    raise ReadError(f"{name} is not a number data files accept")


def _read_json(text: str, limits: Limits) -> Any:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise ReadError(f"not valid JSON: {error.msg}", error.lineno) from None
    except RecursionError:
        raise _too_deep(limits) from None
    except ReadError:
        raise
    except ValueError:  # an integer too long for Python to convert
        raise ReadError(
            f"a number of more than {_MAX_DIGITS} digits is too long; put it in quotes"
        ) from None
    if isinstance(data, list | dict):
        _check_json(data, text, limits)
    return data


def read(path: Path, *, limits: Limits = DEFAULT_LIMITS, with_lines: bool = False) -> Document:
    """Read one ``.yaml``, ``.yml`` or ``.json`` file within ``limits``.

    JSON is read with the standard parser; ``with_lines=True`` reads it through
    the YAML composer instead, to recover line numbers for error messages.
    """
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise ReadError(
                f"the file is {size} bytes, more than the limit of {limits.max_file_bytes} "
                "(raise Limits.max_file_bytes if this is real data)"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise ReadError(f"cannot read the file: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ReadError(
            f"not UTF-8 text (byte {error.start}); save the file as UTF-8", line
        ) from None
    if path.suffix.lower() == ".json" and not with_lines:
        try:
            return Document(path, _read_json(text, limits))
        except ReadError as error:
            if error.line is None:
                error.line = _line_in_yaml(text, limits)
            raise
    data, node = _read_yaml(text, limits)
    return Document(path, data, node)


def _line_in_yaml(text: str, limits: Limits) -> int | None:
    """Where the YAML reader, which tracks lines, finds a problem in JSON text."""
    try:
        _read_yaml(text, limits)
    except ReadError as error:
        return error.line
    return None


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
