"""Loading records from files and folders, collecting every problem into one DataError."""

from __future__ import annotations

import contextlib
import gc
import os
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from libyamodel._suggest import did_you_mean
from libyamodel.errors import DataError, Problem
from libyamodel.io._convert import describe, structure_record
from libyamodel.io._reading import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    ReadError,
    node_tree_of,
    read,
)
from libyamodel.model import (
    RECORD_TYPES,
    Entity,
    FieldError,
    Mandate,
    Office,
    Place,
    Record,
    Source,
    Target,
    references,
)
from libyamodel.model._entities import Actor, Institution

__all__ = ["DATA_SUFFIXES", "Origin", "check_records", "load_records", "paused_gc"]

DATA_SUFFIXES: Final = (".yaml", ".yml", ".json")
_SUGGESTIONS: Final = 200
"""How many unknown references get a "did you mean": each costs a scan of the ids."""

Step = str | int
_FIELD_NAMES: Final = {
    cls: frozenset(field.name for field in attrs.fields(cls)) for cls in RECORD_TYPES.values()
}


@attrs.frozen
class Origin:
    """Where a record was read: its file, its place in the file and its YAML node."""

    file: Path | None = None
    path: tuple[Step, ...] = ()
    document: Document | None = attrs.field(default=None, eq=False, repr=False)

    def locate(self, steps: Sequence[Step] = ()) -> tuple[Path | None, int | None]:
        """The file and line of a field of the record, as near as is known."""
        if self.document is None or self.file is None:
            return self.file, None
        document = self.document
        if document.node is None:
            node = node_tree_of(document)
            if node is None:
                return self.file, None
            # Kept on the shared document, so the file is read again once, not per problem.
            object.__setattr__(document, "node", node)
        from libyamodel.io._yaml import line_of

        return self.file, line_of(document.node, (*self.path, *steps))


_STEP: Final = re.compile(r"\.?([^\W\d]\w*)|\[([0-9]+)\]")


def _steps(field: str) -> tuple[Step, ...]:
    return tuple(name if name else int(index) for name, index in _STEP.findall(field))


def _format(steps: Iterable[Step]) -> str:
    text = ""
    for step in steps:
        if isinstance(step, int) or not step.isidentifier():
            text += f"[{step!r}]"
        else:
            text += f".{step}" if text else step
    return text


def _leaves(
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
            yield from _leaves(inner, steps + extra)
    elif isinstance(error, FieldError):
        yield steps + _steps(error.field), error
    else:
        yield steps, error


def _message(error: BaseException, cls: type[Record]) -> tuple[str, str | None]:
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
                field=_format(steps) or None,
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
            return
        if group is not None and type_name != group:
            self.problem(
                origin,
                f"type {type_name!r} inside the {group!r} list",
                record=_record_name(data, label),
                steps=("type",),
            )
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
        try:
            record = structure_record(fields, cls)
        except Exception as error:
            name = _record_name(data, label)
            reported: set[tuple[Step, ...]] = set()
            for steps, leaf in _leaves(error):
                message, hint = _message(leaf, cls)
                reported.add(steps[:1])
                self.problem(origin, message, record=name, steps=steps, hint=hint)
            if isinstance(fields.get("id"), str):
                self.failed_ids.add(fields["id"])
            for steps, leaf in _field_checks(cls, fields):
                if steps[:1] not in reported:
                    message, hint = _message(leaf, cls)
                    self.problem(origin, message, record=name, steps=steps, hint=hint)
            return
        self.records.append((record, origin))


def _field_checks(
    cls: type[Record], fields: Mapping[str, Any]
) -> Iterator[tuple[tuple[Step, ...], FieldError]]:
    """Run the model's own field validators on raw values that are already of the right shape."""
    for field in attrs.fields(cls):
        validator = field.validator
        if validator is None or field.name not in fields:
            continue
        value = fields[field.name]
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            value = tuple(value)
        if not isinstance(value, str | tuple):
            continue
        try:
            validator(None, field, value)
        except FieldError as error:
            yield _steps(error.field), error
        except Exception:
            continue


_TARGETS: Final[Mapping[Target, tuple[type[Record], ...]]] = {
    Target.PARTY: (Actor, Institution),
    Target.ENTITY: (Entity,),
    Target.PLACE: (Place,),
    Target.OFFICE: (Office,),
    Target.SOURCE: (Source,),
    Target.MANDATE: (Mandate,),
}


def check_records(
    records: Sequence[tuple[Record, Origin]], failed_ids: Collection[str] = ()
) -> list[Problem]:
    """Problems across records: ids defined twice, references that do not resolve.

    References to ``failed_ids`` (records already reported as broken) are not
    reported again.
    """
    collector = _Collector()
    by_id: dict[str, tuple[Record, Origin]] = {}
    for record, origin in records:
        earlier = by_id.get(record.id)
        if earlier is None:
            by_id[record.id] = (record, origin)
            continue
        file, line = earlier[1].locate(("id",))
        where = "elsewhere" if file is None else (f"{file}:{line}" if line else str(file))
        collector.problem(
            origin,
            f"the id {record.id!r} is already defined ({where})",
            record=f"{record.TYPE} {record.id!r}",
            steps=("id",),
            hint="ids must be unique across all files; rename one",
        )
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
    by_kind: dict[Target, list[str]] = {}
    unknown = 0
    for record, origin in records:
        for path, ident, target in references(record):
            found = by_id.get(ident)
            allowed = _TARGETS[target]
            if found is not None and isinstance(found[0], allowed):
                continue
            name = f"{record.TYPE} {record.id!r}"
            if found is None and ident in failed_ids:
                continue
            if found is None:
                unknown += 1
                if target not in by_kind:
                    by_kind[target] = sorted(
                        i for i, (r, _) in by_id.items() if isinstance(r, allowed)
                    )
                collector.problem(
                    origin,
                    f"{ident!r} is not a known id",
                    record=name,
                    steps=_steps(path),
                    hint=(did_you_mean(ident, by_kind[target]) if unknown <= _SUGGESTIONS else None)
                    or f"define {target.value} with this id, or fix the reference",
                )
            else:
                collector.problem(
                    origin,
                    f"{ident!r} is a {found[0].TYPE}, but this field needs {target.value}",
                    record=name,
                    steps=_steps(path),
                )
    return collector.problems


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk load: records hold no cycles,
    and collecting while millions of objects are made would dominate the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _data_files(path: Path) -> Iterator[Path]:
    """The data files under ``path`` in a stable order, following links to folders once.

    Files and folders whose names start with ``.`` or ``_`` (drafts) are left out; a file
    named on its own is read whatever its name.
    """
    if not path.is_dir():
        yield path
        return
    seen: set[Path] = set()
    for root, dirs, files in os.walk(path, followlinks=True):
        real = Path(root).resolve()
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for file in sorted(files):
            if file.lower().endswith(DATA_SUFFIXES) and not file.startswith((".", "_")):
                yield Path(root) / file


def load_records(
    paths: Iterable[Path],
    *,
    context: Sequence[tuple[Record, Origin]] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> list[tuple[Record, Origin]]:
    """Read and check every file under ``paths``; raise one DataError listing all problems.

    ``context`` holds records loaded before (the bundled data): new records may
    refer to them, and may not reuse their ids.
    """
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
        for file in _data_files(root):
            try:
                document = read(file, limits=limits)
            except ReadError as error:
                collector.problems.append(Problem(str(error), file=file, line=error.line))
                continue
            collector.add_document(document)
            if len(collector.records) > limits.max_records:
                collector.problems.append(
                    Problem(
                        f"more than {limits.max_records} records",
                        file=file,
                        hint="raise Limits.max_records if this is real data",
                    )
                )
                raise DataError(collector.problems)
    problems = collector.problems + check_records(
        [*context, *collector.records], collector.failed_ids
    )
    problems.sort(key=lambda p: (str(p.file or ""), p.line or 0))
    if problems:
        raise DataError(problems)
    return collector.records
