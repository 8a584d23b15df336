"""The cattrs converter between plain data (YAML/JSON) and model objects.

Structuring is strict: text fields take text, flags take true/false, lists take
lists, so that nothing a user wrote is coerced into something they did not mean.
"""

from __future__ import annotations

import enum
import functools
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from libyamodel.io._origin import Step, steps_of
from libyamodel.io._values import (
    describe,
    read_day,
    read_flag,
    read_number,
    read_partial_date,
    read_period,
    read_text,
)
from libyamodel.model import VOCABULARIES, Evidence, FieldError, Participant, Record, Response
from libyamodel.time import PartialDate, Period

__all__ = [
    "BAD_VALUE",
    "error_leaves",
    "error_message",
    "is_bad_value",
    "read_field",
    "structure_record",
    "structure_value",
    "unstructure_record",
]

BAD_VALUE: Final = (ValueError, TypeError, KeyError, ForbiddenExtraKeysError, ExceptionGroup)
"""What structuring raises for a value that is wrong: a field that refuses it, a missing or
unknown key, or a group of these. Anything else is a bug, and is left to surface."""


def is_bad_value(error: BaseException) -> bool:
    """Whether ``error`` (a group: each error in it) says a value is wrong, not that the code is."""
    if isinstance(error, BaseExceptionGroup):
        return all(is_bad_value(inner) for inner in error.exceptions)
    return isinstance(error, BAD_VALUE)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    accepted = ", ".join(str(member.value) for member in cls)

    def structure(value: object, _: type) -> enum.Enum:
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"{describe(value)} is not one of: {accepted}") from None

    return structure


def _enum_value(member: enum.StrEnum) -> str:
    return member.value


def _mapping_only(
    conv: cattrs.Converter, item_type: type[Any], shape: str
) -> Callable[[object, type], Any]:
    """A hook for a nested item that names the shape expected instead of failing inside cattrs."""
    structure = conv.get_structure_hook(item_type)

    def hook(value: object, tp: type) -> Any:
        if item_type is Participant and isinstance(value, str):
            return Participant(actor=value)
        if not isinstance(value, dict):
            raise TypeError(f"expected {shape}, got {describe(value)}")
        return structure(value, tp)

    return hook


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    conv.register_structure_hook(str, read_text)
    conv.register_structure_hook(bool, read_flag)
    conv.register_structure_hook(float, read_number)
    conv.register_structure_hook(pendulum.Date, read_day)
    conv.register_structure_hook(PartialDate, read_partial_date)
    conv.register_structure_hook(Period, read_period)
    for vocabulary in VOCABULARIES:
        conv.register_structure_hook(vocabulary, _enum_hook(vocabulary))
        conv.register_unstructure_hook(vocabulary, _enum_value)

    def tuple_hook(tp: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = typing.get_args(tp)[0]
        item_hook = conv.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise TypeError(f"expected a list, got {describe(value)}")
            if not detailed:  # a failure is structured again, in detail
                return tuple([item_hook(item, item_type) for item in value])
            items, errors = [], []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except BAD_VALUE as error:
                    error.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"invalid items in {tp}", errors, tp)
            return tuple(items)

        return structure

    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)

    for item_type, shape in (
        (Evidence, "an evidence item {source: ..., quote: ...}"),
        (Response, "a response {actor: ..., position: ...}"),
        (Participant, "a participant: an id, or {actor: ..., role: ...}"),
    ):
        conv.register_structure_hook(item_type, _mapping_only(conv, item_type, shape))

    conv.register_unstructure_hook(PartialDate, str)
    conv.register_unstructure_hook(pendulum.Date, lambda day: day.isoformat())
    conv.register_unstructure_hook(Period, _unstructure_period)
    conv.register_unstructure_hook(
        Participant, lambda p: p.actor if p.role is None else {"actor": p.actor, "role": p.role}
    )
    return conv


def _unstructure_period(period: Period) -> Any:
    observed = period.observation
    if observed is not None:
        return {"observed": str(observed)}
    if period.end == period.start and period.start.open is None:
        return str(period.start)
    plain: dict[str, str] = {"start": str(period.start)}
    if period.end is not None:
        plain["end"] = str(period.end)
    return plain


@functools.cache
def _converters() -> tuple[cattrs.Converter, cattrs.Converter]:
    """The detailed converter and the fast one, made when first needed, not at import."""
    return _make_converter(detailed=True), _make_converter(detailed=False)


def __getattr__(name: str) -> Any:
    if name == "converter":
        # The converter every loader and dumper uses: errors carry the path to each field.
        return _converters()[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def structure_record(data: Mapping[str, Any], cls: type[Record]) -> Record:
    """Build a record of ``cls`` from a mapping without its ``type`` key.

    Good records take a fast path; a record that fails is structured again with
    detailed validation, whose error lists every problem with its field path.
    """
    detailed, fast = _converters()
    try:
        return fast.structure(data, cls)
    except BAD_VALUE:
        return detailed.structure(data, cls)


def structure_value(value: object, tp: Any) -> Any:
    """One field's value structured alone, as ``tp`` (the field's type)."""
    return _converters()[1].structure(value, tp)


_ORDER_LAST: Final = ("note", "evidence")


def unstructure_record(record: Record) -> dict[str, Any]:
    """A record as plain data in file order: type, id, fields, note, evidence.

    Fields left at their defaults (nothing, empty lists, ``accepts: true``,
    ``stance: affirms``) are left out, as a person writing the file would.
    """
    plain = _converters()[0].unstructure(record)
    out: dict[str, Any] = {"type": record.TYPE}
    for key, value in plain.items():
        if key not in _ORDER_LAST:
            out[key] = value
    for key in _ORDER_LAST:
        out[key] = plain.get(key)
    return _pruned(out)


_NO_DEFAULT: Final = object()
_DEFAULTS: Final[Mapping[str, object]] = {"accepts": True, "stance": "affirms"}


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in data.items():
        if value is None or value in ([], ()) or _DEFAULTS.get(key, _NO_DEFAULT) == value:
            continue
        if isinstance(value, list | tuple):
            result[key] = [_pruned(item) if isinstance(item, dict) else item for item in value]
        elif isinstance(value, dict):
            result[key] = _pruned(value)
        else:
            result[key] = value
    return result


def error_leaves(
    error: BaseException, steps: tuple[Step, ...] = ()
) -> Iterator[tuple[tuple[Step, ...], BaseException]]:
    """Every innermost error of a (cattrs) exception group, with the path to its field."""
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            extra: tuple[Step, ...] = ()
            for note in getattr(inner, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    extra = (note.name,)
                elif isinstance(note, IterableValidationNote):
                    extra = (note.index,)
            yield from error_leaves(inner, steps + extra)
    elif isinstance(error, FieldError):
        yield steps + steps_of(error.field), error
    else:
        yield steps, error


def error_message(error: BaseException, cls: type[Record]) -> tuple[str, str | None]:
    if isinstance(error, ForbiddenExtraKeysError):
        keys = ", ".join(map(repr, sorted(error.extra_fields)))
        target = error.cl if attrs.has(error.cl) else cls
        accepted = ", ".join(sorted(field.name for field in attrs.fields(target)))
        plural = "s" if len(error.extra_fields) > 1 else ""
        return f"unknown key{plural} {keys}", f"accepts: {accepted}"
    if isinstance(error, KeyError):
        return "missing; this field is required", None
    if isinstance(error, FieldError):
        return str(error).split(": ", 1)[1], None
    return str(error), None


_FIELD_TYPES: Final[dict[type[Record], Mapping[str, Any]]] = {}


def _field_types(cls: type[Record]) -> Mapping[str, Any]:
    """The resolved type of each field of ``cls``, found when a record of it first fails."""
    types = _FIELD_TYPES.get(cls)
    if types is None:
        types = _FIELD_TYPES[cls] = typing.get_type_hints(cls)
    return types


def read_field(cls: type[Record], field: attrs.Attribute[Any], value: object) -> Any:
    """A field's value structured, converted and checked alone, as the record would have it."""
    value = structure_value(value, _field_types(cls)[field.name])
    if callable(field.converter):
        value = field.converter(value)
    if field.validator is not None:
        field.validator(None, field, value)
    return value
