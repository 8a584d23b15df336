"""Loading records from files and folders, collecting every problem into one DataError."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from libyamodel._suggest import did_you_mean
from libyamodel.errors import DataError, Problem
from libyamodel.io._files import DATA_SUFFIXES, data_files, words_in
from libyamodel.io._limits import DEFAULT_LIMITS, Limits, ReadError
from libyamodel.io._origin import Origin, Step, format_steps, steps_of
from libyamodel.io._reading import Document, parse, read_text
from libyamodel.io._values import describe
from libyamodel.model import (
    DEFAULT_ROLES,
    RECORD_TYPES,
    TARGETS,
    Actor,
    Fact,
    FieldError,
    Institution,
    Record,
    Roles,
    Target,
    lives_named,
    principals,
    references,
    references_in,
    references_resolve,
    role_fields,
)
from libyamodel.time import Span

__all__ = ["DATA_SUFFIXES", "Origin", "check_records", "load_records"]

_SUGGESTIONS: Final = 200
"""How many unknown references get a "did you mean": each costs a scan of the ids."""

_FIELD_NAMES: Final = {
    cls: frozenset(field.name for field in attrs.fields(cls)) for cls in RECORD_TYPES.values()
}


def _quick_path() -> Callable[[Mapping[str, Any], type[Record]], Record | None]:
    """``_fast.fast_record``, imported when a load first needs it, not with the package."""
    from libyamodel.io._fast import fast_record

    return fast_record


def _record_name(data: Mapping[str, Any], type_name: str | None) -> str:
    ident = data.get("id")
    label = type_name or "record"
    return f"{label} {ident!r}" if isinstance(ident, str) else label


@attrs.define
class _Collector:
    """Gathers records and problems across files."""

    records: list[tuple[Record, Origin]] = attrs.Factory(list)
    problems: list[Problem] = attrs.Factory(list)
    failed_ids: set[str] = attrs.Factory(set)
    """The ids of records of no known type."""
    partial: list[Partial] = attrs.Factory(list)
    unread: dict[Path, frozenset[str] | None] = attrs.Factory(dict)
    """Files that did not parse, each with the words it holds (None: it might hold any)."""
    quick: Callable[[Mapping[str, Any], type[Record]], Record | None] = attrs.Factory(_quick_path)
    """Builds the common records quicker, or answers None (see ``_fast``)."""

    def broken(self, data: Mapping[Any, Any]) -> None:
        """Note a record that could not be read at all, so that references to it are not
        reported as unknown."""
        if isinstance(data.get("id"), str):
            self.failed_ids.add(data["id"])

    def problem(
        self,
        origin: Origin,
        message: str,
        *,
        record: str | None = None,
        steps: Sequence[Step] = (),
        hint: str | None = None,
    ) -> None:
        file, line = origin.locate(steps)
        self.problems.append(
            Problem(
                message,
                file=file,
                line=line,
                record=record,
                field=format_steps(steps) or None,
                hint=hint,
            )
        )

    def add_document(self, document: Document) -> None:
        data = document.data
        if data is None:
            return
        if isinstance(data, list):
            for index, item in enumerate(data):
                self.add_record(item, Origin(document.path, (index,), document), None)
        elif isinstance(data, dict):
            for group, items in data.items():
                origin = Origin(document.path, (group,), document)
                if group not in RECORD_TYPES:
                    self.problem(
                        origin,
                        f"unknown record type {group!r}",
                        hint=did_you_mean(group, RECORD_TYPES)
                        or "a file holds a list of records, or a mapping from record type "
                        f"({', '.join(sorted(RECORD_TYPES))}) to a list of records",
                    )
                    if isinstance(items, list):
                        for item in items:
                            if isinstance(item, dict):
                                self.broken(item)
                elif not isinstance(items, list):
                    self.problem(
                        origin, f"expected a list of {group} records, got {describe(items)}"
                    )
                else:
                    for index, item in enumerate(items):
                        self.add_record(
                            item, Origin(document.path, (group, index), document), group
                        )
        else:
            self.problem(
                Origin(document.path, (), document),
                f"expected a list of records or a mapping from type to list, got {describe(data)}",
            )

    def add_read(self, records: Sequence[Record], document: Document) -> None:
        """Add the records of a file read whole, in its order (see ``_typed``)."""
        path = document.path
        self.records += [
            (record, Origin(path, (index,), document)) for index, record in enumerate(records)
        ]

    def add_record(self, data: object, origin: Origin, group: str | None) -> None:
        if not isinstance(data, dict):
            self.problem(
                origin, f"expected a record (a mapping with a type: key), got {describe(data)}"
            )
            return
        type_name = data.get("type", group)
        label = type_name if isinstance(type_name, str) else None
        if type_name is None:
            self.problem(
                origin,
                "missing type:",
                record=_record_name(data, label),
                hint=f"one of {', '.join(sorted(RECORD_TYPES))}",
            )
            self.broken(data)
            return
        if group is not None and type_name != group:
            self.problem(
                origin,
                f"type {type_name!r} inside the {group!r} list",
                record=_record_name(data, label),
                steps=("type",),
            )
            self.broken(data)
            return
        cls = RECORD_TYPES.get(type_name) if isinstance(type_name, str) else None
        if cls is None:
            self.problem(
                origin,
                f"unknown record type {type_name!r}",
                record=_record_name(data, label),
                steps=("type",),
                hint=did_you_mean(str(type_name), RECORD_TYPES)
                or f"one of {', '.join(sorted(RECORD_TYPES))}",
            )
            self.broken(data)
            return
        record = self.quick(data, cls)
        if record is not None:
            self.records.append((record, origin))
            return
        known = _FIELD_NAMES[cls]
        fields = dict(data)
        fields.pop("type", None)
        if not known.issuperset(fields):
            for key in data:
                if key not in known and key != "type":
                    del fields[key]
                    self.problem(
                        origin,
                        f"unknown key {key!r}",
                        record=_record_name(data, label),
                        steps=(str(key),),
                        hint=did_you_mean(str(key), known)
                        or f"{cls.TYPE} accepts: {', '.join(sorted(known))}",
                    )
        from libyamodel.io._convert import BAD_VALUE, is_bad_value, structure_record

        try:
            record = structure_record(fields, cls)
        except BAD_VALUE as error:
            if not is_bad_value(error):
                raise
            self.add_partial(cls, fields, origin, _record_name(data, label), error)
            return
        self.records.append((record, origin))

    def add_partial(
        self,
        cls: type[Record],
        fields: Mapping[str, Any],
        origin: Origin,
        name: str,
        error: BaseException,
    ) -> None:
        """Report what is wrong with a record, and keep the fields that could be read, whose
        references and id are checked with the others'."""
        from libyamodel.io._convert import (
            BAD_VALUE,
            error_leaves,
            error_message,
            is_bad_value,
            read_field,
        )

        reported: set[str] = set()
        for steps, leaf in error_leaves(error):
            message, hint = error_message(leaf, cls)
            reported.add(str(steps[0]) if steps else "")
            self.problem(origin, message, record=name, steps=steps, hint=hint)
        values: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if field.name not in fields or field.name in reported:
                continue
            try:
                values[field.name] = read_field(cls, field, fields[field.name])
            except FieldError as refused:
                message, hint = error_message(refused, cls)
                self.problem(origin, message, record=name, steps=steps_of(refused.field), hint=hint)
            except BAD_VALUE as refused:
                if not is_bad_value(refused):
                    raise
                # Refused alone as it was within the record, where it is reported.
        if "id" not in values and isinstance(fields.get("id"), str):
            self.failed_ids.add(fields["id"])
        self.partial.append(Partial(cls, values, origin, name, len(self.records)))


@attrs.frozen
class Partial:
    """The fields that could be read of a record that could not be made whole."""

    cls: type[Record]
    values: Mapping[str, Any]
    origin: Origin
    name: str
    """The record as problems name it: its type and id."""
    position: int = 0
    """How many whole records were read before it, to keep the order of the files."""


def _check_wikidata(records: Sequence[tuple[Record, Origin]], collector: _Collector) -> None:
    """One entity per Wikidata item."""
    by_qid: dict[str, tuple[Record, Origin]] = {}
    for record, origin in records:
        qid = getattr(record, "wikidata", None)
        if qid is None:
            continue
        if qid in by_qid:
            other = by_qid[qid][0].id
            collector.problem(
                origin,
                f"the Wikidata item {qid} is already {other!r}'s",
                record=f"{record.TYPE} {record.id!r}",
                steps=("wikidata",),
                hint="one entity per Wikidata item; merge the two or fix one",
            )
        else:
            by_qid[qid] = (record, origin)


def check_records(
    records: Sequence[tuple[Record, Origin]],
    failed_ids: Collection[str] = (),
    *,
    partial: Sequence[Partial] = (),
    unread: Mapping[Path, frozenset[str] | None] | None = None,
    roles: Roles = DEFAULT_ROLES,
) -> list[Problem]:
    """Problems across records: ids defined twice, references that do not resolve, roles
    the vocabulary does not know.

    References to ``failed_ids`` (records already reported as broken) are not
    reported again. ``partial`` records (broken, with the fields that could be read)
    have their ids and references checked too; ``unread`` files did not parse, so a
    reference to an id one of them may define is said to be unchecked, not unknown.
    """
    collector = _Collector()
    defined_twice: set[str] = set()
    by_id: dict[str, tuple[type[Record], Origin]] = {}
    for ident, cls, origin in _in_order(records, partial):
        earlier = by_id.get(ident)
        if earlier is None:
            by_id[ident] = (cls, origin)
            continue
        defined_twice.add(ident)
        file, line = earlier[1].locate(("id",))
        where = "elsewhere" if file is None else (f"{file}:{line}" if line else str(file))
        collector.problem(
            origin,
            f"the id {ident!r} is already defined ({where})",
            record=f"{cls.TYPE} {ident!r}",
            steps=("id",),
            hint="ids must be unique across all files; rename one",
        )
    _check_wikidata(records, collector)
    by_kind: dict[Target, list[str]] = {}
    unknown = 0
    fitting: dict[tuple[type[Record], Target], bool] = {}

    def fits(ident: str, target: Target) -> bool:
        found = by_id.get(ident)
        if found is None:
            return False
        key = (found[0], target)
        fit = fitting.get(key)
        if fit is None:
            fit = fitting[key] = issubclass(found[0], TARGETS[target])
        return fit

    for origin, name, found_references in _all_references(records, partial, fits):
        for path, ident, target in found_references:
            found = by_id.get(ident)
            allowed = TARGETS[target]
            if found is not None and issubclass(found[0], allowed):
                continue
            if found is None and ident in failed_ids:
                continue
            if found is None and unread:
                files = [file for file, words in unread.items() if words is None or ident in words]
                if files:
                    collector.problem(
                        origin,
                        f"{ident!r} could not be checked: "
                        f"{_names(files)} did not parse, and may define it",
                        record=name,
                        steps=steps_of(path),
                        hint="fix that file, and the reference is checked",
                    )
                    continue
            if found is None:
                unknown += 1
                if target not in by_kind:
                    by_kind[target] = sorted(
                        i for i, (cls, _) in by_id.items() if issubclass(cls, allowed)
                    )
                collector.problem(
                    origin,
                    f"{ident!r} is not a known id",
                    record=name,
                    steps=steps_of(path),
                    hint=(did_you_mean(ident, by_kind[target]) if unknown <= _SUGGESTIONS else None)
                    or f"define {target.value} with this id, or fix the reference",
                )
            else:
                collector.problem(
                    origin,
                    f"{ident!r} is a {found[0].TYPE}, but this field needs {target.value}",
                    record=name,
                    steps=steps_of(path),
                )
    for origin, name, field, role in _all_roles(records, partial):
        if role not in roles:
            message, hint = _role_problem(role, roles)
            collector.problem(origin, message, record=name, steps=(field,), hint=hint)
    _check_lifespans(records, collector, defined_twice)
    return collector.problems


def _check_lifespans(
    records: Sequence[tuple[Record, Origin]], collector: _Collector, ambiguous: Collection[str]
) -> None:
    """Report each fact whose period lies wholly outside the lifespan of an entity it is
    about, or outside all of theirs together: it could hold on no day. An id defined twice
    (reported already) bounds nothing: which lifespan it has is not known."""
    lives: dict[str, tuple[Span, Actor | Institution]] = {}
    for record, _ in records:
        if isinstance(record, Actor | Institution):
            span = record.lifespan
            if span.bounded and record.id not in ambiguous:
                lives[record.id] = (span, record)
    if not lives:
        return
    for record, origin in records:
        if not isinstance(record, Fact):
            continue
        named = lives_named(record, lives)
        if not named:
            continue
        period = record.period
        first, last = period.earliest, period.latest
        lo, hi = first, last
        for span, _ in named:
            lo, hi = max(lo, span.earliest), min(hi, span.latest)
        if lo <= hi:
            continue
        apart = [entity for span, entity in named if span.earliest > last or span.latest < first]
        paths = {ident: path for path, ident in principals(record)}
        kind = record.TYPE.replace("_", " ")
        name = f"{record.TYPE} {record.id!r}"
        for entity in apart[:1]:
            collector.problem(
                origin,
                f"the {kind}'s period ({period}) lies wholly outside the lifespan of "
                f"{entity.id!r} ({_lifespan_text(entity)}), so it could hold on no day",
                record=name,
                steps=steps_of(paths[entity.id]),
                hint="fix the period, the entity's dates, or which entity the fact names",
            )
        if not apart:
            lifespans = "; ".join(f"{e.id!r} {_lifespan_text(e)}" for _, e in named)
            collector.problem(
                origin,
                f"no day of the {kind}'s period ({period}) falls within the lifespans of all "
                f"it is about ({lifespans})",
                record=name,
                steps=steps_of(paths[named[-1][1].id]),
                hint="fix the period, an entity's dates, or which entities the fact names",
            )


def _lifespan_text(entity: Actor | Institution) -> str:
    dates = [
        f"{name} {value}"
        for name in ("founded", "dissolved", "born", "died")
        if (value := getattr(entity, name, None)) is not None
    ]
    return ", ".join(dates)


def _all_roles(
    records: Sequence[tuple[Record, Origin]], partial: Sequence[Partial]
) -> Iterator[tuple[Origin, str, str, str]]:
    """Each role a record names, with where it is: whole records, then partial ones."""
    for record, origin in records:
        for field in role_fields(type(record)):
            value = getattr(record, field)
            if isinstance(value, str):
                yield origin, f"{record.TYPE} {record.id!r}", field, value
    for broken in partial:
        for field in role_fields(broken.cls):
            value = broken.values.get(field)
            if isinstance(value, str):
                yield broken.origin, broken.name, field, value


def _role_problem(role: str, roles: Roles) -> tuple[str, str]:
    """What is wrong with a role the vocabulary does not know, and what to write instead."""
    word = roles.get(role)
    if word is not None:
        return (
            f"{role!r} is not written as the role vocabulary writes it",
            f"write {word!r}, the vocabulary's word for it",
        )
    near = roles.suggest(role)
    hint = "did you mean " + ", ".join(near) + "? " if near else ""
    hint += (
        f"the roles are {', '.join(roles)}; "
        "add your own with Roles.with_roles and load(..., roles=...)"
    )
    return f"{role!r} is not a role of the vocabulary", hint


def _in_order(
    records: Sequence[tuple[Record, Origin]], partial: Sequence[Partial]
) -> Iterator[tuple[str, type[Record], Origin]]:
    """Each id with its record's type and origin, whole and partial records in file order."""
    pending = iter(p for p in partial if isinstance(p.values.get("id"), str))
    waiting = next(pending, None)
    for index, (record, origin) in enumerate(records):
        while waiting is not None and waiting.position <= index:
            yield waiting.values["id"], waiting.cls, waiting.origin
            waiting = next(pending, None)
        yield record.id, type(record), origin
    while waiting is not None:
        yield waiting.values["id"], waiting.cls, waiting.origin
        waiting = next(pending, None)


def _all_references(
    records: Sequence[tuple[Record, Origin]],
    partial: Sequence[Partial],
    fits: Callable[[str, Target], bool],
) -> Iterator[tuple[Origin, str, Iterable[tuple[str, str, Target]]]]:
    """The references of each record, but those of whole records whose references all
    ``fit``, which need no report."""
    for record, origin in records:
        if not references_resolve(record, fits):
            yield origin, f"{record.TYPE} {record.id!r}", references(record)
    for broken in partial:
        yield broken.origin, broken.name, references_in(broken.cls, broken.values)


def _names(files: Iterable[Path]) -> str:
    names = sorted(str(file) for file in files)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def load_records(
    paths: Iterable[Path],
    *,
    context: Sequence[tuple[Record, Origin]] = (),
    limits: Limits = DEFAULT_LIMITS,
    roles: Roles = DEFAULT_ROLES,
) -> list[tuple[Record, Origin]]:
    """Read and check every file under ``paths``; raise one DataError listing all problems.

    ``context`` holds records loaded before (the bundled data): new records may
    refer to them, and may not reuse their ids. ``roles`` is the role vocabulary
    claims must use.
    """
    from libyamodel.io._typed import typed_records  # with the first load, not the package

    collector = _Collector()
    for root in paths:
        if not root.exists():
            collector.problems.append(
                Problem("no such file or folder", file=root, hint="check the path")
            )
            continue
        if root.is_file() and not root.name.lower().endswith(DATA_SUFFIXES):
            collector.problems.append(
                Problem(
                    "not a data file",
                    file=root,
                    hint=f"data files end in {', '.join(DATA_SUFFIXES)}",
                )
            )
            continue
        for file in data_files(root):
            try:
                text = read_text(file, limits)
                typed = typed_records(text, limits) if file.suffix.lower() == ".json" else None
                document = parse(file, text, limits) if typed is None else Document(file, None)
            except ReadError as error:
                collector.problems.append(Problem(str(error), file=file, line=error.line))
                collector.unread[file] = words_in(file, limits)
                continue
            if typed is None:
                collector.add_document(document)
            else:
                collector.add_read(typed, document)
            if len(collector.records) > limits.max_records:
                collector.problems.append(
                    Problem(
                        f"more than {limits.max_records} records",
                        file=file,
                        hint="raise Limits.max_records if this is real data",
                    )
                )
                raise DataError(collector.problems)
    offset = len(context)
    problems = collector.problems + check_records(
        [*context, *collector.records],
        collector.failed_ids,
        partial=[attrs.evolve(p, position=p.position + offset) for p in collector.partial],
        unread=collector.unread,
        roles=roles,
    )
    problems.sort(key=lambda p: (str(p.file or ""), p.line or 0))
    if problems:
        raise DataError(problems)
    return collector.records
