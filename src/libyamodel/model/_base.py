"""What every record shares: ids, notes, evidence, derived status, references."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, ClassVar, Final

import attrs

from libyamodel.errors import FieldError
from libyamodel.model._enums import Stance, Status
from libyamodel.time import Period

__all__ = [
    "Entity",
    "Evidence",
    "Fact",
    "FieldError",
    "Record",
    "Target",
    "named",
    "references",
    "references_in",
    "references_resolve",
    "status_of",
]

ID_PATTERN: Final = re.compile(r"[a-z0-9][a-z0-9-]*")
QID_PATTERN: Final = re.compile(r"Q[1-9][0-9]*")


class Target(enum.Enum):
    """What kind of record a reference must point to."""

    PARTY = "an actor or institution"
    ENTITY = "an entity"
    PLACE = "a place"
    OFFICE = "an office"
    SOURCE = "a source"
    MANDATE = "a mandate"

    # Members are singletons equal only to themselves. Enum's own hash runs Python code,
    # a sixth of the time a load spends checking references.
    __hash__ = object.__hash__


def ref_to(target: Target, via: str | None = None) -> dict[str, Any]:
    """Field metadata marking a reference (``via`` names the id inside a nested item)."""
    return {"ref": target, "via": via}


_ID_HELP: Final = (
    "ids are lowercase letters, digits and hyphens, starting with a letter or digit, "
    "e.g. house-of-representatives"
)


def is_id(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a slug id."""
    if not isinstance(value, str) or ID_PATTERN.fullmatch(value) is None:
        raise FieldError(attribute.name, f"{value!r} is not an id; {_ID_HELP}")


def is_optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a slug id or ``None``."""
    if value is not None:
        is_id(instance, attribute, value)


def are_ids(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """Validator: a tuple of slug ids."""
    for index, item in enumerate(value):
        if not isinstance(item, str) or ID_PATTERN.fullmatch(item) is None:
            raise FieldError(f"{attribute.name}[{index}]", f"{item!r} is not an id; {_ID_HELP}")


def is_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a string with something in it."""
    if not isinstance(value, str) or not value.strip():
        raise FieldError(attribute.name, f"must be non-empty text, got {value!r}")


def is_optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: non-empty text or ``None``."""
    if value is not None:
        is_text(instance, attribute, value)


def are_texts(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """Validator: a tuple of non-empty strings."""
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise FieldError(f"{attribute.name}[{index}]", f"must be non-empty text, got {item!r}")


def is_optional_qid(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a Wikidata item id such as ``Q1016``, or ``None``."""
    if value is not None and (not isinstance(value, str) or QID_PATTERN.fullmatch(value) is None):
        raise FieldError(attribute.name, f"{value!r} is not a Wikidata item id such as Q1016")


def compact_repr(self: attrs.AttrsInstance) -> str:
    """``Type(id=..., field=value, ..., note=..., evidence=...)``, leaving out defaults."""
    fields = [field for field in attrs.fields(type(self)) if field.init]
    fields.sort(key=lambda field: _REPR_ORDER.get(field.name, 1))
    shown = []
    for field in fields:
        value = getattr(self, field.name)
        if field.default is not attrs.NOTHING and value == field.default:
            continue
        if isinstance(value, enum.Enum):
            value = value.value
        shown.append(f"{field.name}={value!r}")
    return f"{type(self).__name__}({', '.join(shown)})"


_REPR_ORDER: Final = {"id": 0, "note": 2, "evidence": 3}


def _stance(value: Stance | str) -> Stance:
    """Converter: a stance, or its value; a member passes without an enum lookup (every
    evidence item is made through this, so it is on the loading path)."""
    return value if type(value) is Stance else Stance(value)


@attrs.frozen(kw_only=True, repr=False)
class Evidence:
    """A source's statement of a fact: a verbatim quote or a paraphrase in our own words,
    where it is, and its stance; one of quote and paraphrase is required."""

    source: str = attrs.field(validator=is_id, metadata=ref_to(Target.SOURCE))
    quote: str | None = attrs.field(default=None, validator=is_optional_text)
    paraphrase: str | None = attrs.field(default=None, validator=is_optional_text)
    stance: Stance = attrs.field(default=Stance.AFFIRMS, converter=_stance)
    locator: str | None = attrs.field(default=None, validator=is_optional_text)
    attributed_to: str | None = attrs.field(
        default=None, validator=is_optional_id, metadata=ref_to(Target.PARTY)
    )

    __repr__ = compact_repr

    def __attrs_post_init__(self) -> None:
        if self.quote is None and self.paraphrase is None:
            raise FieldError(
                "quote",
                "an evidence item needs a verbatim quote or a paraphrase of what the source states",
            )

    @property
    def text(self) -> str:
        """What the source says: the quote, or else the paraphrase."""
        return self.quote if self.quote is not None else self.paraphrase or ""


def status_of(evidence: tuple[Evidence, ...]) -> Status:
    """The status a set of evidence gives a fact (docs/index.md, "Evidence and status")."""
    stances = {item.stance for item in evidence}
    denied = Stance.DENIES in stances
    if stances - {Stance.DENIES}:
        if denied:
            return Status.DISPUTED
        return Status.CONFIRMED if Stance.AFFIRMS in stances else Status.REPORTED
    return Status.DENIED


def str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Converter: any iterable of strings, kept as a tuple."""
    return tuple(values)


def evidence_tuple(values: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Converter: any iterable of evidence items, kept as a tuple."""
    return tuple(values)


def has_evidence(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """Validator: at least one evidence item, each an :class:`Evidence`."""
    if not value:
        raise FieldError(attribute.name, "a fact needs at least one evidence item")
    for index, item in enumerate(value):
        if not isinstance(item, Evidence):
            raise FieldError(f"{attribute.name}[{index}]", f"expected Evidence, got {item!r}")


@attrs.frozen(kw_only=True, repr=False)
class Record:
    """Anything with an id in a dataset: an entity or a fact."""

    TYPE: ClassVar[str] = ""

    id: str = attrs.field(validator=is_id)
    note: str | None = attrs.field(default=None, validator=is_optional_text)

    __repr__ = compact_repr

    def _repr_html_(self) -> str:
        from libyamodel.views._html import record_html

        return record_html(self)


@attrs.frozen(kw_only=True, repr=False)
class Entity(Record):
    """A thing that exists: an actor, institution, place, office or source."""

    @property
    def name(self) -> str:
        """The name to show a reader."""
        raise NotImplementedError


@attrs.frozen(kw_only=True, repr=False)
class Fact(Record):
    """A time-bound statement about entities, with the evidence for it."""

    evidence: tuple[Evidence, ...] = attrs.field(converter=evidence_tuple, validator=has_evidence)

    @property
    def status(self) -> Status:
        """Confirmed, reported, disputed or denied, from the evidence's stances."""
        return status_of(self.evidence)

    @property
    def period(self) -> Period:
        """The time the fact holds."""
        raise NotImplementedError


_PRINCIPAL_FIELDS: Final = (
    "claimant",
    "role",
    "recognizer",
    "recognized",
    "holder",
    "office",
    "controller",
    "place",
    "supporter",
    "supported",
    "court",
    "subject",
)


def headline(fact: Fact) -> tuple[tuple[str, str], ...]:
    """A fact's principal fields as ``(field, value)`` pairs, for one-line summaries.

    A fact with a name (a conference, an event) is summed up by its name alone.
    """
    name = getattr(fact, "name", None)
    if isinstance(name, str):
        return (("name", name),)
    return tuple(
        (field, value)
        for field in _PRINCIPAL_FIELDS
        if isinstance(value := getattr(fact, field, None), str)
    )


@functools.cache
def _reference_fields(cls: type) -> tuple[tuple[str, Target | None, str | None], ...]:
    """For a record class: each field holding references, with its target and ``via``."""
    found: list[tuple[str, Target | None, str | None]] = []
    for field in attrs.fields(cls):
        target = field.metadata.get("ref")
        if target is not None or field.name == "evidence":
            found.append((field.name, target, field.metadata.get("via")))
    return tuple(found)


def named(record: attrs.AttrsInstance) -> Iterator[tuple[str, str]]:
    """The ids a record names outside its evidence, each with the field naming it."""
    for name, target, via in _reference_fields(type(record)):
        value = getattr(record, name)
        if target is None or value is None:
            continue
        if isinstance(value, tuple):
            for item in value:
                yield name, getattr(item, via) if via else item
        else:
            yield name, value


def references(
    record: attrs.AttrsInstance, *, evidence: bool = True
) -> Iterator[tuple[str, str, Target]]:
    """Every reference in a record, as ``(field path, id, target kind)``.

    ``evidence=False`` leaves out the sources and speakers cited in evidence.
    """
    return _references(type(record), functools.partial(getattr, record), evidence)


def references_resolve(record: attrs.AttrsInstance, fits: Callable[[str, Target], bool]) -> bool:
    """Whether every reference in a record (its evidence's included) ``fits``: a quicker
    :func:`references` for the common case, where nothing needs reporting."""
    for name, target, via in _reference_fields(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        if target is None:
            for item in value:
                if not references_resolve(item, fits):
                    return False
        elif type(value) is tuple:
            for item in value:
                if not fits(getattr(item, via) if via else item, target):
                    return False
        elif not fits(value, target):
            return False
    return True


def references_in(
    cls: type, values: Mapping[str, Any], *, evidence: bool = True
) -> Iterator[tuple[str, str, Target]]:
    """The references among some field values of a ``cls`` record, as :func:`references`
    gives them: for a record that could not be made whole, whose fields were read alone."""
    return _references(cls, values.get, evidence)


def _references(
    cls: type, value_of: Callable[[str], Any], evidence: bool
) -> Iterator[tuple[str, str, Target]]:
    for name, target, via in _reference_fields(cls):
        value = value_of(name)
        if value is None:
            continue
        if target is None:
            if not evidence:
                continue
            for index, item in enumerate(value):
                for path, ident, kind in references(item):
                    yield f"{name}[{index}].{path}", ident, kind
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if via:
                    yield f"{name}[{index}].{via}", getattr(item, via), target
                else:
                    yield f"{name}[{index}]", item, target
        else:
            yield name, value, target
