"""A JSON Schema (draft 2020-12) of a data file, generated from the model's attrs classes.

Editors with a YAML language server use it to validate and complete data files;
it is built from the record classes at call time, so it cannot drift from them.
"""

from __future__ import annotations

import enum
import inspect
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
import pendulum

from libyamodel.model import (
    DEFAULT_ROLES,
    FILTERS,
    RECORD_TYPES,
    VOCABULARIES,
    Coverage,
    Evidence,
    Participant,
    Record,
)
from libyamodel.model._base import (
    ID_PATTERN,
    QID_PATTERN,
    are_ids,
    are_texts,
    has_evidence,
    is_id,
    is_optional_id,
    is_optional_qid,
    is_optional_text,
    is_text,
)
from libyamodel.model._entities import is_latitude, is_longitude
from libyamodel.time import FORMS_HELP, Part, PartialDate, Period

__all__ = ["DRAFT", "json_schema"]

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

_ID_VALIDATORS: Final[frozenset[object]] = frozenset({is_id, is_optional_id, are_ids})
_TEXT_VALIDATORS: Final[frozenset[object]] = frozenset({is_text, is_optional_text, are_texts})
_DEGREES: Final[Mapping[object, int]] = {is_latitude: 90, is_longitude: 180}
_SHORTHANDS: Final[Mapping[type, str]] = {Participant: "actor"}
"""Nested classes a data file may also write as one bare field (the converter's hooks)."""

_YEAR: Final = "(?!0000)[0-9]{4}"
_MONTH: Final = "-(?:0[1-9]|1[0-2])"
_DAY: Final = "-(?:0[1-9]|[12][0-9]|3[01])"
_PARTS: Final = "|".join(part.value for part in Part)
_DATE_PATTERN: Final = (
    "^(?:"
    f"(?:{_PARTS}) {_YEAR}(?:{_MONTH})?[~?]?"  # early|mid|late 2019-06, maybe flagged
    f"|{_YEAR}(?:{_MONTH}(?:{_DAY})?)?[~?]?"  # 2014, 2014-06, 2014-06-25, 2017-09-20~, 2014-06?
    f"|\\.\\.{_YEAR}(?:{_MONTH}(?:{_DAY})?)?"  # ..2014-11-13
    f"|{_YEAR}(?:{_MONTH}(?:{_DAY})?)?\\.\\."  # 2014-11-13..
    ")$"
)
_OBSERVED_PATTERN: Final = f"^{_YEAR}(?:{_MONTH}(?:{_DAY})?)?$"
_DATE_HELP: Final = f"A partial date; {FORMS_HELP}. A bare year may also be a number."


def _ref(name: str) -> dict[str, Any]:
    """A reference to a definition in this schema's $defs."""
    return {"$ref": f"#/$defs/{name}"}


_ROLE: Final = re.compile(r":[a-z]+:`~?([^`]+)`|``([^`]+)``")


def _first_paragraph(obj: object) -> str:
    """The first paragraph of a docstring as plain text (Sphinx roles and markup removed)."""
    doc = inspect.getdoc(obj) or ""
    text = " ".join(doc.split("\n\n", 1)[0].split())
    return _ROLE.sub(lambda match: match[1] or match[2], text)


def _common_defs() -> dict[str, Any]:
    """Definitions every record shares: ids, text, Wikidata ids, partial dates, periods."""
    period_span = {
        "type": "object",
        "description": "From a start to an end; leave out end (or write null) if not ended.",
        "properties": {
            "start": _ref("PartialDate"),
            "end": {"anyOf": [_ref("PartialDate"), {"type": "null"}]},
        },
        "required": ["start"],
        "additionalProperties": False,
    }
    return {
        "id": {
            "type": "string",
            "pattern": f"^{ID_PATTERN.pattern}$",
            "description": "An id: lowercase letters, digits and hyphens, "
            "e.g. house-of-representatives.",
        },
        "text": {"type": "string", "pattern": "\\S", "description": "Non-empty text."},
        "wikidata": {
            "type": "string",
            "pattern": f"^{QID_PATTERN.pattern}$",
            "description": "A Wikidata item id such as Q1016.",
        },
        "PartialDate": {
            "title": "PartialDate",
            "description": _DATE_HELP,
            "type": ["string", "integer"],
            "pattern": _DATE_PATTERN,
            "minimum": 1000,
            "maximum": 9999,
        },
        "ObservedDate": {
            "title": "ObservedDate",
            "description": "The day of an observation: a plain date (2014, 2014-06, "
            "2014-11-13), with no flag, third or open bound, as its ends are open bounds of it.",
            "type": ["string", "integer"],
            "pattern": _OBSERVED_PATTERN,
            "minimum": 1000,
            "maximum": 9999,
        },
        "Period": {
            "title": "Period",
            "description": _first_paragraph(Period)
            + " Write {start: D, end: D}, {observed: D} (an observation) or a single date D.",
            "anyOf": [
                _ref("PartialDate"),
                period_span,
                {
                    "type": "object",
                    "description": "An observation: seen on one day, start and end unknown.",
                    "properties": {"observed": _ref("ObservedDate")},
                    "required": ["observed"],
                    "additionalProperties": False,
                },
                {
                    "type": "object",
                    "description": "An observation under its old key, on, still read; write "
                    "observed, which YAML 1.1 readers do not take for true.",
                    "properties": {"on": _ref("ObservedDate")},
                    "required": ["on"],
                    "additionalProperties": False,
                    "deprecated": True,
                },
            ],
        },
    }


def _vocabulary_defs() -> dict[str, Any]:
    """One string enum per closed vocabulary, described by its class docstring."""
    return {
        vocabulary.__name__: {
            "title": vocabulary.__name__,
            "description": _first_paragraph(vocabulary),
            "type": "string",
            "enum": [member.value for member in vocabulary],
        }
        for vocabulary in VOCABULARIES
    }


class _Builder:
    """Walks attrs classes and their field types, collecting nested classes into $defs."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def record(self, cls: type[Record]) -> dict[str, Any]:
        """A record of ``cls``: its fields, with ``type`` optional but fixed to its name."""
        schema = self.object(cls)
        schema["properties"] = {
            "type": {"const": cls.TYPE, "description": f"The record type: {cls.TYPE}."},
            **schema["properties"],
        }
        schema["title"] = f"{cls.TYPE} ({cls.__name__})"
        if cls is Coverage:
            schema["allOf"] = _coverage_filters()
        return schema

    def object(self, cls: type[attrs.AttrsInstance]) -> dict[str, Any]:
        """An attrs class as a closed JSON object; required fields are those without defaults."""
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            properties[field.name] = self.field(field, hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        return {
            "title": cls.__name__,
            "description": _first_paragraph(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def field(self, field: attrs.Attribute[Any], hint: Any) -> dict[str, Any]:
        """One field's schema, with a description and the default when there is one."""
        schema = self.of_type(hint, field.validator)
        description = self.describe(field, hint)
        if description:
            schema["description"] = description
        if field.default is not attrs.NOTHING and not hasattr(field.default, "factory"):
            schema["default"] = _plain(field.default)
        return schema

    def describe(self, field: attrs.Attribute[Any], hint: Any) -> str | None:
        """Help for editors: what a reference points to, a vocabulary, a list's items."""
        target = field.metadata.get("ref")
        if target is not None:
            via = field.metadata.get("via")
            if via is not None:
                return f"A list; each item's {via} is the id of {target.value}."
            if _is_tuple(hint):
                return f"A list of ids, each of {target.value}."
            return f"The id of {target.value}."
        if field.metadata.get("role"):
            return (
                f"A word of the role vocabulary: {', '.join(DEFAULT_ROLES)}; "
                "users may extend it (docs/roles.md)."
            )
        inner = _without_none(hint)
        if isinstance(inner, type) and issubclass(inner, enum.Enum):
            return f"{_first_paragraph(inner)} One of: {', '.join(m.value for m in inner)}."
        if _is_tuple(inner):
            item = typing.get_args(inner)[0]
            if attrs.has(item):
                return f"A list of {item.__name__}: {_first_paragraph(item)}"
        return None

    def of_type(self, hint: Any, validator: Callable[..., Any] | None) -> dict[str, Any]:
        """The schema of a type hint; the field's validator refines strings and numbers."""
        inner = _without_none(hint)
        if inner is not hint:
            return {"anyOf": [self.of_type(inner, validator), {"type": "null"}]}
        if _is_tuple(hint):
            items = self.of_type(typing.get_args(hint)[0], validator)
            schema: dict[str, Any] = {"type": "array", "items": items}
            if validator is has_evidence:
                schema["minItems"] = 1
            return schema
        if hint is str:
            if validator in _ID_VALIDATORS:
                return _ref("id")
            if validator in _TEXT_VALIDATORS:
                return _ref("text")
            if validator is is_optional_qid:
                return _ref("wikidata")
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is float:
            limit = _DEGREES.get(validator)
            if limit is None:
                return {"type": "number"}
            return {"type": "number", "minimum": -limit, "maximum": limit}
        if hint is PartialDate:
            return _ref("PartialDate")
        if hint is Period:
            return _ref("Period")
        if hint is pendulum.Date:
            return {"type": "string", "format": "date"}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return _ref(hint.__name__)
        if isinstance(hint, type) and attrs.has(hint):
            return self.nested(hint)
        raise TypeError(f"no JSON Schema for the field type {hint!r}")  # pragma: no cover

    def nested(self, cls: type[Any]) -> dict[str, Any]:
        """A nested class (evidence, participant, response), defined once in $defs."""
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name before walking its fields
            schema = self.object(cls)
            if cls is Evidence:
                schema["anyOf"] = [{"required": ["quote"]}, {"required": ["paraphrase"]}]
            shorthand = _SHORTHANDS.get(cls)
            if shorthand is not None:
                title, description = schema.pop("title"), schema.pop("description")
                schema = {
                    "title": title,
                    "description": f"{description} Write just the {shorthand}, "
                    f"or a mapping with {', '.join(schema['properties'])}.",
                    "anyOf": [schema["properties"][shorthand], schema],
                }
            self.defs[name] = schema
        return _ref(name)


def _coverage_filters() -> list[dict[str, Any]]:
    """Each coverage question takes its own filter field and none of the others'."""
    return [
        {
            "if": {"properties": {"question": {"const": question.value}}, "required": ["question"]},
            "then": {
                "properties": {
                    other: {"type": "null", "description": f"not a filter of {question.value}"}
                    for other in FILTERS.values()
                    if other != own
                }
            },
        }
        for question, own in FILTERS.items()
    ]


def _without_none(hint: Any) -> Any:
    """``X`` for ``X | None``; the hint itself otherwise."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:
            return args[0]
    return hint


def _is_tuple(hint: Any) -> bool:
    args = typing.get_args(hint)
    return typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis


def _plain(value: object) -> object:
    """A default value as JSON: enums by value, tuples as lists."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one data file, generated from the record classes.

    A file is a list of records, each with a ``type:`` key, or a mapping from
    record type to a list of records (where ``type:`` may be left out), or empty.
    Keywords apply by JSON type (``items`` to lists, ``properties`` to mappings),
    so the two layouts need no ``anyOf`` and errors point at the field at fault.
    """
    builder = _Builder()
    records = {name: builder.record(cls) for name, cls in RECORD_TYPES.items()}
    names = list(RECORD_TYPES)
    typed_record = {
        "title": "Record",
        "description": "A record; its type: key says which kind, and so which fields it takes.",
        "type": "object",
        "properties": {
            "type": {
                "enum": names,
                "description": f"The record type, one of: {', '.join(names)}.",
            }
        },
        "required": ["type"],
        "allOf": [
            {
                "if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                "then": _ref(name),
            }
            for name in names
        ],
    }
    return {
        "$schema": DRAFT,
        "title": "libyamodel data file",
        "description": "A list of records, each with a type: key, or a mapping from record "
        "type to a list of records. Facts cite sources in evidence; see the libyamodel docs.",
        "type": ["array", "object", "null"],
        "items": _ref("record"),
        "properties": {
            name: {"type": "array", "items": _ref(name), "description": f"{name} records"}
            for name in names
        },
        "additionalProperties": False,
        "$defs": {
            "record": typed_record,
            **records,
            **dict(sorted(builder.defs.items())),
            **_vocabulary_defs(),
            **_common_defs(),
        },
    }
