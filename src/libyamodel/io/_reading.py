"""Reading data files into plain Python data, safely, within limits, with line numbers.

JSON is read here; YAML in :mod:`libyamodel.io._yaml`, imported on first use.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import yaml

import attrs

from libyamodel.io._limits import (
    DEFAULT_LIMITS,
    MAX_DIGITS,
    Limits,
    ReadError,
    check_text,
    too_deep,
)

__all__ = [
    "Document",
    "may_hold_lone_surrogate",
    "may_hold_long_text",
    "node_tree_of",
    "parse",
    "read",
    "read_text",
]


@attrs.frozen
class Document:
    """A file's data, and its YAML node tree once a problem has needed a line."""

    path: Path
    data: Any
    node: yaml.Node | None = attrs.field(default=None, eq=False, repr=False)
    """The composed YAML, made on first need (see ``node_tree_of``) and kept for the next
    problem in the same file."""


def _check_json(data: Any, text: str, limits: Limits) -> None:
    """Check a parsed JSON file's nesting and text lengths, level by level."""
    level, depth = [data], 1
    while level:
        if depth > limits.max_depth:
            raise too_deep(limits)
        level = [
            item
            for value in level
            for item in (value.values() if type(value) is dict else value)
            if type(item) in _CONTAINERS
        ]
        depth += 1
    if may_hold_long_text(text, limits):
        stack = [data]
        while stack:
            value = stack.pop()
            items = value.items() if type(value) is dict else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    check_text(key, limits)
                if isinstance(item, str):
                    check_text(item, limits)
                elif type(item) in _CONTAINERS:
                    stack.append(item)


_CONTAINERS: Final = (list, dict)


def may_hold_long_text(text: str, limits: Limits) -> bool:
    """Whether a JSON file's ``text`` may hold a text (or key) over the length limit.

    A decoded text is never longer than its quoted form, so this is false unless the raw
    file has a run that long without a quote (escaped ones kept as two characters): such
    a run holds a whole block of half that length, aligned to multiples of it.
    """
    unescaped = text.replace("\\\\", "__").replace('\\"', "__")
    block = max(1, limits.max_text_length // 2)
    whole_blocks = range(0, len(unescaped) - block + 1, block)
    return any('"' not in unescaped[at : at + block] for at in whole_blocks)


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
        raise too_deep(limits) from None
    except ReadError:
        raise
    except ValueError:  # an integer too long for Python to convert
        raise ReadError(
            f"a number of more than {MAX_DIGITS} digits is too long; put it in quotes"
        ) from None
    if isinstance(data, list | dict):
        _check_json(data, text, limits)
        if may_hold_lone_surrogate(text):
            _refuse_surrogates(data)
    return data


def may_hold_lone_surrogate(text: str) -> bool:
    """Whether a JSON file's ``text`` may escape half a character: a surrogate escape that is
    not one of a pair."""
    return bool(
        _LONE_SURROGATE.search(text) and _LONE_SURROGATE.search(_SURROGATE_PAIR.sub("", text))
    )


def _refuse_surrogates(data: Any) -> None:
    """Refuse texts holding a lone surrogate escape: they are not text, and cannot be written."""
    stack = [data]
    while stack:
        value = stack.pop()
        items = value.items() if type(value) is dict else enumerate(value)
        for key, item in items:
            for text in (key, item):
                if isinstance(text, str):
                    try:
                        text.encode("utf-8")
                    except UnicodeEncodeError as error:
                        bad = text[error.start]
                        raise ReadError(
                            f"the escape \\u{ord(bad):04x} is half of a character (a lone "
                            "surrogate), not text; write the character itself"
                        ) from None
            if type(item) in _CONTAINERS:
                stack.append(item)


def read(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read one ``.yaml``, ``.yml`` or ``.json`` file within ``limits``."""
    return parse(path, read_text(path, limits), limits)


def read_text(path: Path, limits: Limits) -> str:
    """A data file's text, if it is within the size limit and UTF-8."""
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
        offset = error.start + (3 if raw.startswith(codecs.BOM_UTF8) else 0)
        line = raw[:offset].count(b"\n") + 1
        raise ReadError(f"not UTF-8 text (byte {offset}); save the file as UTF-8", line) from None
    return text


def parse(path: Path, text: str, limits: Limits) -> Document:
    """The data of a file's ``text`` (JSON or YAML, as ``path`` is named), within ``limits``."""
    if path.suffix.lower() == ".json":
        try:
            return Document(path, _read_json(text, limits))
        except ReadError as error:
            if error.line is None:
                error.line = _line_in_yaml(text, limits, str(error))
            raise
    from libyamodel.io._yaml import read_yaml

    return Document(path, read_yaml(text, limits))


def node_tree_of(document: Document) -> yaml.Node | None:
    """The YAML node tree of a file already read, which gives each part its line (JSON is
    read as YAML for this); None if the file can no longer be read as it was."""
    from libyamodel.io._yaml import node_tree

    try:
        text = document.path.read_bytes().decode("utf-8-sig")
        if document.path.suffix.lower() == ".json":
            text = yaml_readable(text)
        return node_tree(text)
    except (OSError, UnicodeDecodeError, ReadError):
        return None


def yaml_readable(text: str) -> str:
    """JSON text with its surrogate escapes (which YAML refuses) made into characters.

    Lines stay where they are, so the result serves to find lines in the original.
    """
    text = _SURROGATE_PAIR.sub(
        lambda m: chr(0x10000 + ((int(m[1], 16) - 0xD800) << 10) + int(m[2], 16) - 0xDC00), text
    )
    return _LONE_SURROGATE.sub(r"\\ufffd", text)


_SURROGATE_PAIR: Final = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.I)
_LONE_SURROGATE: Final = re.compile(r"\\ud[89a-f][0-9a-f]{2}", re.I)
_JSON_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"')


def _constant_line(text: str, name: str) -> int | None:
    """The line of a bare constant such as NaN, looked for outside strings."""
    bare = _JSON_STRING.sub('""', text)
    match = re.search(rf"(?<![\w.]){re.escape(name)}(?![\w.])", bare)
    return None if match is None else bare[: match.start()].count("\n") + 1


def _line_in_yaml(text: str, limits: Limits, message: str) -> int | None:
    """Where the YAML reader, which tracks lines, finds the same problem in JSON text."""
    from libyamodel.io._yaml import read_yaml

    for name in ("NaN", "-Infinity", "Infinity"):
        if message.startswith(f"{name} is not"):
            return _constant_line(text, name)
    try:
        read_yaml(yaml_readable(text), limits)
    except ReadError as error:
        return error.line if str(error) == message else None
    return None
