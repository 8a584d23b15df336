"""A quicker way to build the common records from plain data, with the same checks.

The cattrs converter (``_convert``) is the one definition of the format. This module
builds a record from a mapping (or from a typed row, for ``_typed``) by setting its
fields directly, doing for each field exactly what the converter and the record's own
converters and validators would do, for the kinds of field it knows (ids, texts,
vocabulary values, dates written as text, periods, evidence). It answers ``None`` for
anything else, and for any value a check refuses, so that the converter builds that
record, or says what is wrong with it, as it always has.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from libyamodel.io._values import date_of, period_of, shared_text, shared_texts
from libyamodel.model import VOCABULARIES, Evidence, Record
from libyamodel.model._base import (
    ID_PATTERN,
    evidence_tuple,
    has_evidence,
    is_id,
    is_optional_id,
    is_optional_text,
    is_text,
)
from libyamodel.time import PartialDate, Period

__all__ = ["fast_record"]

_MISSING: Final = object()

_valid_ids: set[str] = set()
"""Ids already found well-formed: the entities' ids recur in every fact naming them."""
_VALID_IDS: Final = 1 << 16

Builder = Callable[[Mapping[str, Any]], Any]


def _check_id(value: str) -> bool:
    """Whether ``value`` is an id, as the ``is_id`` validator has it."""
    if value in _valid_ids:
        return True
    if ID_PATTERN.fullmatch(value) is None:
        return False
    if len(_valid_ids) < _VALID_IDS:
        _valid_ids.add(value)
    return True


_READ: Final = {
    "id": """
    if type(v) is not str or (v not in valid_ids and not check_id(v)):
        return None
    v = texts.get(v) or shared_text(v)""",
    "text": """
    if type(v) is not str or not v.strip():
        return None
    v = texts.get(v) or shared_text(v)""",
    "flag": """
    if type(v) is not bool:
        return None""",
    "period": """
    try:
        v = period_of(v)
    except Exception:
        return None""",
    "date": """
    if type(v) is not str:
        return None
    try:
        v = date_of(v)
    except Exception:
        return None""",
    "evidence": """
    if type(v) is not list or not v:
        return None
    items = []
    for item in v:{take_item}
    v = tuple(items)""",
    "vocabulary": """
    if v is not None or not {optional}:
        v = members_{name}.get(v, MISSING) if type(v) is str else MISSING
        if v is MISSING:
            return None{convert}""",
}
"""What the builder does with a field's value ``v`` of each kind: leave it, checked and
converted as the record would have it, in ``v``, or answer None."""

_TAKE_ITEM: Final = {
    False: """
        if type(item) is not dict:
            return None
        item = evidence_of(item)
        if item is None:
            return None
        items.append(item)""",
    True: """
        item = evidence_of(item)
        if item is None:
            return None
        items.append(item[0])
        present += item[1]""",
}
"""How the evidence read takes each item: a mapping, or a typed row whose builder also counts
the keys it had."""


_TEXT_KINDS: Final[dict[object, str]] = {is_id: "id", is_text: "text"}
_OPTIONAL_TEXT_KINDS: Final[dict[object, str]] = {is_optional_id: "id", is_optional_text: "text"}


def _kind(field: attrs.Attribute[Any], hint: Any) -> tuple[str, bool, Any] | None:
    """A field's kind (a key of ``_READ``), whether it may be None, and its vocabulary; None
    if this module does not know the field's kind."""
    validator: object = field.validator
    converter: object = field.converter
    if converter is None and hint is str:
        kind = _TEXT_KINDS.get(validator)
        return None if kind is None else (kind, False, None)
    if converter is None and hint == str | None:
        kind = _OPTIONAL_TEXT_KINDS.get(validator)
        return None if kind is None else (kind, True, None)
    if hint is Period and converter is None and _checks(validator, Period):
        return "period", False, None
    if hint is PartialDate and converter is None and _checks(validator, PartialDate):
        return "date", False, None
    if hint is bool and converter is None and _checks(validator, bool):
        return "flag", False, None
    if hint == tuple[Evidence, ...]:
        if converter is evidence_tuple and validator is has_evidence:
            return "evidence", False, None
        return None
    args = typing.get_args(hint)
    optional = type(None) in args
    kinds = [arg for arg in args if arg is not type(None)] if optional else [hint]
    if len(kinds) == 1 and kinds[0] in VOCABULARIES and validator is None:
        return "vocabulary", optional, kinds[0]
    return None


def _checks(validator: object, kind: type) -> bool:
    """Whether ``validator`` is ``attrs.validators.instance_of(kind)``."""
    return type(validator) is _INSTANCE_OF and getattr(validator, "type", None) in (kind, (kind,))


_INSTANCE_OF: Final = type(attrs.validators.instance_of(int))


_BUILDERS: Final[dict[type, Builder | None]] = {}
_ROW_BUILDERS: Final[dict[tuple[type, object], tuple[Builder, dict[str, str]] | None]] = {}


def _builder(cls: type, rows: object = None) -> tuple[Builder, dict[str, str]] | None:
    """A function building ``cls`` records with the checks of the converter and of the
    record's fields, written out for the class as attrs writes ``__init__``, and the kind
    (a key of ``_READ``) of each field it reads; None if the class has a field of a kind
    this module does not read, and no default for it.

    It reads mappings; or, given ``rows`` (the marker of an absent field), typed rows whose
    fields are attributes, and then gives back the record and how many keys the row had.
    """
    if hasattr(cls, "__attrs_pre_init__"):
        return None
    typed = rows is not None
    hints = typing.get_type_hints(cls)
    scope: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "setter": object.__setattr__,
        "MISSING": rows if typed else _MISSING,
        "check_id": _check_id,
        "valid_ids": _valid_ids,
        "texts": shared_texts,
        "shared_text": shared_text,
        "period_of": period_of,
        "date_of": date_of,
        "evidence_of": None,
        "post_init": getattr(cls, "__attrs_post_init__", None),
    }
    kinds: dict[str, str] = {}
    lines = ["def build(data):"]
    if typed:
        lines.append("    present = 0")
    else:
        lines += ["    if not data.keys() <= KNOWN:", "        return None"]
    lines += ["    record = new(cls)", "    set_ = setter.__get__(record)"]
    for field in attrs.fields(cls):
        written = _field_lines(field, hints[field.name], scope, kinds, rows)
        if written is None:
            return None
        lines += written
    if scope["post_init"] is not None:
        lines += [
            "    try:",
            "        post_init(record)",
            "    except Exception:",
            "        return None",
        ]
    lines.append("    return record, present" if typed else "    return record")
    known = {*kinds, "type"} if issubclass(cls, Record) else set(kinds)
    scope["KNOWN"] = frozenset(known)  # a record's type is the caller's to check
    exec("\n".join(lines), scope)
    build: Builder = scope["build"]
    return build, kinds


def _field_lines(
    field: attrs.Attribute[Any],
    hint: Any,
    scope: dict[str, Any],
    kinds: dict[str, str],
    rows: object,
) -> list[str] | None:
    """The builder's lines setting one field (adding what they use to ``scope``, and its
    kind to ``kinds`` if it reads it), or None if this module cannot build the field's
    class."""
    name = field.name
    if not field.init or field.alias != name or not name.isidentifier():
        return None
    typed = rows is not None
    found = _kind(field, hint)
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return None
    if default is not attrs.NOTHING:
        try:
            if callable(field.converter):
                default = field.converter(default)
            if field.validator is not None:
                field.validator(None, field, default)
        except Exception:
            return None
        scope[f"default_{name}"] = default
    if found is None:
        return None if default is attrs.NOTHING else [f"    set_({name!r}, default_{name})"]
    kind, optional, vocabulary = found
    kinds[name] = kind
    convert = ""
    left_alone = optional  # None passes as it is, unread
    if kind == "vocabulary":
        scope[f"members_{name}"] = {member.value: member for member in vocabulary}
        if field.converter is not None:
            scope[f"convert_{name}"] = field.converter
            convert = (
                f"\n    try:\n        v = convert_{name}(v)\n    except Exception:\n"
                "        return None"
            )
        left_alone = False  # None is converted in the read
    if kind == "evidence":
        made = row_kinds(Evidence, rows) if typed else (fast_builder(Evidence), {})
        if made is None or made[0] is None:
            return None
        scope["evidence_of"] = made[0]
    read = _READ[kind].format(
        name=name, convert=convert, optional=optional, take_item=_TAKE_ITEM[typed]
    )
    read = read.replace("\n", "\n    ")
    if typed:
        return _row_field_lines(name, kind, read, default is attrs.NOTHING, left_alone)
    lines = [f"    v = data.get({name!r}, MISSING)"]
    if default is attrs.NOTHING:
        lines += ["    if v is MISSING:", "        return None", f"    if True:{read}"]
    else:
        lines += ["    if v is MISSING:", f"        v = default_{name}"]
        lines.append(f"    elif v is not None:{read}" if left_alone else f"    else:{read}")
    lines.append(f"    set_({name!r}, v)")
    return lines


def _row_field_lines(
    name: str, kind: str, read: str, required: bool, left_alone: bool
) -> list[str]:
    """The lines setting one field from a typed row, counting the key (and a period's own
    keys) when the row has it, null or not."""
    count = "len(v) + 1 if type(v) is dict else 1" if kind == "period" else "1"
    if left_alone:
        read = f"\n        if v is not None:{read.replace(chr(10), chr(10) + '    ')}"
    return [
        f"    v = data.{name}",
        "    if v is MISSING:",
        "        return None" if required else f"        v = default_{name}",
        "    else:",
        f"        present += {count}{read}",
        f"    set_({name!r}, v)",
    ]


def fast_builder(cls: type) -> Builder | None:
    """The builder of ``cls`` records from mappings (see ``_builder``), made on first use."""
    if cls not in _BUILDERS:
        made = _builder(cls)
        _BUILDERS[cls] = None if made is None else made[0]
    return _BUILDERS[cls]


def row_kinds(cls: type, rows: object) -> tuple[Builder, dict[str, str]] | None:
    """The builder of ``cls`` records from typed rows, and the kind of each field it reads."""
    key = (cls, rows)
    if key not in _ROW_BUILDERS:
        _ROW_BUILDERS[key] = _builder(cls, rows)
    return _ROW_BUILDERS[key]


def fast_record(data: Mapping[str, Any], cls: type[Record]) -> Record | None:
    """``cls`` built from ``data`` as the converter builds it from ``data`` without its
    ``type`` key (which the caller has checked), or None where the converter must: an
    unknown field or kind, a refused value."""
    build = _BUILDERS[cls] if cls in _BUILDERS else fast_builder(cls)
    if build is None or type(data) is not dict:
        return None
    record: Record | None = build(data)
    return record
