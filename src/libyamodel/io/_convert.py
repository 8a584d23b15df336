"""The cattrs converter between plain data (YAML/JSON) and model objects.

Structuring is strict: text fields take text, flags take true/false, lists take
lists, so that nothing a user wrote is coerced into something they did not mean.
"""

from __future__ import annotations

import enum
import functools
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
import cattrs
import pendulum
from cattrs.errors import ForbiddenExtraKeysError, IterableValidationError, IterableValidationNote

from libyamodel.model import VOCABULARIES, Evidence, FieldError, Participant, Record, Response
from libyamodel.time import PartialDate, Period, PeriodError

__all__ = [
    "BAD_VALUE",
    "describe",
    "is_bad_value",
    "period_of",
    "shared_text",
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


def describe(value: object) -> str:
    """A short phrase naming what a value is, for error messages."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the flag {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_SHORT_TEXT: Final = 64
_SHARED_TEXTS: Final = 8192
_texts: dict[str, str] = {}
"""Short texts seen first (the entities' ids, then references, roles, kinds), kept once so
that every record repeating one shares it: JSON and YAML readers make a copy per record. The
table stops growing at ``_SHARED_TEXTS`` entries, so that unique texts (facts' own ids) do not
cost a table entry each."""


def _text(value: object, _: type) -> str:
    if not isinstance(value, str):
        hint = "; put it in quotes" if isinstance(value, int | float) else ""
        raise TypeError(f"expected text, got {describe(value)}{hint}")
    return shared_text(value)


def shared_text(value: str) -> str:
    """``value``, or the equal text kept before it (see ``_texts``)."""
    shared = _texts.get(value)
    if shared is not None:
        return shared
    if len(value) <= _SHORT_TEXT and len(_texts) < _SHARED_TEXTS:
        _texts[value] = value
    return value


@functools.lru_cache(maxsize=1 << 14)
def _shared_date(text: str) -> PartialDate:
    """A date text's PartialDate, one object for every record that writes the same text (they
    are immutable): a dataset holds far fewer distinct dates than facts."""
    return PartialDate.parse(text)


@functools.lru_cache(maxsize=1 << 16)
def _shared_period(start: str, end: str | None) -> Period:
    """The period from ``start`` to ``end``, one object for every record that writes the same
    bounds (periods are immutable)."""
    first, last = _shared_date(start), None if end is None else _shared_date(end)
    if not _PLAIN_PERIOD:
        return Period(first, last)
    period = object.__new__(Period)
    object.__setattr__(period, "start", first)
    object.__setattr__(period, "end", last)
    period.__attrs_post_init__()  # what Period(first, last) checks, its converters having
    return period  # nothing to do for PartialDates


_PLAIN_PERIOD: Final = [field.name for field in attrs.fields(Period)] == ["start", "end"]
"""Whether a Period is just its start and end, so that ``_shared_period`` can set them."""


def _flag(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {describe(value)}")
    return value


def _number(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {describe(value)}")
    return float(value)


def _pendulum_date(value: object, _: type) -> pendulum.Date:
    if isinstance(value, str):
        return pendulum.Date.fromisoformat(value)
    raise TypeError(f"expected a date such as 2014-11-13, got {describe(value)}")


def _partial_date(value: object, _: type) -> PartialDate:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 2014.0 is the number 2014 to JSON readers and the JSON Schema
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise TypeError(f"expected a date such as 2014-11-13, got {describe(value)}")
    return _shared_date(value)


_PERIOD_HELP: Final = "write {start: D, end: D}, {observed: D} or a single date D"


_START_END: Final = frozenset({"start", "end"})
_OBSERVED: Final = ("observed", "on")
"""The key of an observation, and its old name, still read (YAML 1.1 readers take a bare
``on`` for true)."""
_PERIOD_KEYS: Final = ("start", "end", *_OBSERVED)


@functools.lru_cache(maxsize=1 << 14)
def _shared_observation(text: str) -> Period:
    """The observation on the day ``text``, one object for every record that writes it."""
    return Period.observed(_shared_date(text))


def _period(value: object, _: type) -> Period:
    if type(value) is dict and len(value) == 1:
        for key, day in value.items():
            if key in _OBSERVED and type(day) is str:
                try:
                    return _shared_observation(day)
                except ValueError:
                    pass  # the checks below say what is wrong
    if type(value) is dict and value.keys() <= _START_END:
        start, end = value.get("start"), value.get("end")
        if type(start) is str and (end is None or type(end) is str):
            try:
                return _shared_period(start, end)
            except ValueError:
                pass  # the checks below say what is wrong, field by field
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return Period.once(_partial_date(value, PartialDate))
    if not isinstance(value, dict):
        raise TypeError(f"expected a period, got {describe(value)}; {_PERIOD_HELP}")
    problems: list[Exception] = [
        FieldError(
            key if key.isidentifier() else "",
            f"unknown key {key!r}; a period has start and end, or observed alone ({_PERIOD_HELP})",
        )
        for key in value
        if key not in _PERIOD_KEYS
    ]
    seen = [key for key in _OBSERVED if key in value]
    if len(seen) > 1:
        problems.append(
            FieldError("on", "observed and on say the same; write observed (on is its old name)")
        )
    if seen and ("start" in value or "end" in value):
        problems.append(
            FieldError(seen[0], f"{seen[0]} stands alone, without start or end; {_PERIOD_HELP}")
        )
    if not seen and "start" not in value:
        problems.append(FieldError("start", f"a period needs a start; {_PERIOD_HELP}"))
    dates: dict[str, PartialDate | None] = {}
    for key in _PERIOD_KEYS:
        if value.get(key) is None:
            if key in value and key != "end":
                problems.append(FieldError(key, f"expected a date, got {describe(None)}"))
            dates[key] = None
            continue
        try:
            dates[key] = _partial_date(value[key], PartialDate)
        except (TypeError, ValueError) as error:
            problems.append(FieldError(key, str(error)))
    if problems:
        raise ExceptionGroup("invalid period", problems)
    try:
        for key in seen:
            return Period.observed(dates[key])  # type: ignore[arg-type]
        return Period(dates["start"], dates["end"])  # type: ignore[arg-type]
    except PeriodError as error:
        raise FieldError("end" if "end" in value else seen[0], str(error)) from None


def period_of(value: object) -> Period:
    """A period field's value structured as the converter structures it."""
    return _period(value, Period)


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
    conv.register_structure_hook(str, _text)
    conv.register_structure_hook(bool, _flag)
    conv.register_structure_hook(float, _number)
    conv.register_structure_hook(pendulum.Date, _pendulum_date)
    conv.register_structure_hook(PartialDate, _partial_date)
    conv.register_structure_hook(Period, _period)
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
