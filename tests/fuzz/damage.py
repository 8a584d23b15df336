"""Valid datasets written to files, then damaged: the machinery of the loader fuzz tests.

A :class:`Scenario` holds a dataset drawn from ``libyamodel.strategies.datasets()``,
its records as plain data (``unstructure_record``), how they are spread over
files (YAML or JSON, a list of records or a mapping from type to list, one to
three files, subfolders, BOMs, CRLF) and the damages done to them. Each
:class:`Damage` says what the loader must do about it:

- ``error``: report it, in a problem naming the file and the field (or, for
  damage that makes a whole file unreadable, the file and the line);
- ``ok``: accept it, the record loading as :attr:`Damage.expected` says;
- ``either``: a documented size limit may refuse it, but if it loads, it loads
  whole and nothing else is lost.

:func:`check` compares what the loader did with that.

The writers here are the tests' own, not libyamodel's dumper, so that damaged
data can be written at all: strings are always double-quoted (text, whatever
they look like), :class:`Plain` is written unquoted as a person would,
:class:`Raw` is pasted as is (tags, deep nesting, huge numbers) and
:class:`Marked` is a scalar whose line is recorded. A dict or list that appears
twice (the same object) is written with an anchor and an alias.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import enum
import json
import os
import re
import signal
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar, Final

import attrs
import yaml
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.io import unstructure_record
from libyamodel.model import RECORD_TYPES, Target, references
from libyamodel.strategies import datasets
from libyamodel.time import PartialDate, Period

Step = str | int

# -- time budget ----------------------------------------------------------------------------------


class Hang(BaseException):
    """Raised inside the loader when it runs over its time budget."""


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the block with :class:`Hang` after ``seconds`` (POSIX, main thread)."""

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"the loader ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except Hang as hang:
        # The alarm may interrupt an instruction that has no line number (CPython 3.11
        # does so inside loops), and pytest cannot print such a traceback: it stops with
        # an INTERNALERROR that hides the test's name. Raise afresh from here, naming
        # the innermost interrupted line that has one.
        where = _innermost_line(hang.__traceback__, leaving_out=alarm.__code__)
        raise Hang(f"{hang}; interrupted in {where}") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _innermost_line(tb: types.TracebackType | None, leaving_out: types.CodeType) -> str:
    """``file:line in function`` of the innermost traceback entry that has a line number."""
    found = "an unknown place"
    while tb is not None:
        if tb.tb_lineno is not None and tb.tb_frame.f_code is not leaving_out:
            code = tb.tb_frame.f_code
            found = f"{code.co_filename}:{tb.tb_lineno} in {code.co_name}"
        tb = tb.tb_next
    return found


# Shrinking a failing scenario can take Hypothesis minutes; the short profile reports
# failures as found (their scenario is printed in full), the long profile and
# LIBYAMODEL_FUZZ_SHRINK=1 shrink them to minimal examples.
SHRINK = (
    os.environ.get("HYPOTHESIS_PROFILE", "ci") != "ci"
    or os.environ.get("LIBYAMODEL_FUZZ_SHRINK") == "1"
)
FUZZ = settings(
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    phases=list(Phase) if SHRINK else [p for p in Phase if p is not Phase.shrink],
)
"""The settings of every fuzz test: the profile's example count, a 10 s deadline per example."""

HARD_BUDGET = 20.0
"""Seconds one load of a small generated folder may take before it counts as a hang."""


def load_outcome(folder: Path, budget: float = HARD_BUDGET) -> lm.Dataset | lm.DataError:
    """Load ``folder`` (the user's files only): the dataset, or the DataError.

    Any other exception escapes on purpose: that is the bug the fuzz tests look
    for, and Hypothesis reports each distinct one with its own traceback.
    """
    with time_budget(budget):
        try:
            return lm.load(folder, bundled=False)
        except lm.DataError as error:
            return error


# -- plain data markers and writers ---------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Plain:
    """A scalar written unquoted in YAML (and as a JSON string in JSON)."""

    text: str


@dataclass(frozen=True, eq=False)
class Raw:
    """Text pasted as is where a value goes, in YAML and JSON alike (one line)."""

    text: str


@dataclass(frozen=True, eq=False)
class Marked:
    """A scalar (a key, usually) written as usual, whose line is recorded."""

    value: Any


@dataclass(eq=False)
class Pairs:
    """A mapping that may repeat a key."""

    items: list[tuple[Any, Any]]


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_RESERVED = frozenset({"null", "Null", "NULL", "true", "false", "True", "False", "y", "n"})
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_BaseDumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Writer(_BaseDumper):  # type: ignore[misc]
    """Resolves nothing implicitly, so that plain scalars are written without tags."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {}


class _Tokens:
    """Placeholders for Raw and Marked values, replaced once the text is written."""

    def __init__(self) -> None:
        self.items: list[tuple[str, Raw | Marked, str]] = []

    def add(self, value: Raw | Marked, text: str) -> str:
        token = f"QQTOKEN{len(self.items)}QQ"
        self.items.append((token, value, text))
        return token

    def finish(self, text: str) -> tuple[str, dict[int, int]]:
        """The text with every token replaced, and the line of each Raw/Marked (by id)."""
        lines: dict[int, int] = {}
        for token, value, replacement in self.items:
            position = text.find(token)
            assert position >= 0, f"the writer lost {token} for {value!r}"
            lines[id(value)] = text.count("\n", 0, position) + 1
            text = text.replace(token, replacement, 1)
        return text, lines


def _scalar_text(value: Any) -> str:
    """A scalar as YAML text: plain for numbers, flags, null and identifier keys."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str) and _IDENTIFIER.fullmatch(value) and value not in _RESERVED:
        return value
    return json.dumps(value, ensure_ascii=True)


def write_yaml(data: Any, *, flow_records: bool = False) -> tuple[str, dict[int, int]]:
    """YAML text of ``data``, and the line of each Raw/Marked value in it."""
    tokens = _Tokens()
    memo: dict[int, yaml.Node] = {}

    def scalar(value: Any, key: bool) -> yaml.Node:
        if isinstance(value, Raw):
            return yaml.ScalarNode(_STR, tokens.add(value, value.text))
        if isinstance(value, Marked):
            return yaml.ScalarNode(_STR, tokens.add(value, _scalar_text(value.value)))
        if isinstance(value, Plain):
            return yaml.ScalarNode(_STR, value.text)
        if value is None or isinstance(value, bool | int | float):
            return yaml.ScalarNode(_STR, _scalar_text(value))
        if isinstance(value, str):
            if key and _IDENTIFIER.fullmatch(value) and value not in _RESERVED:
                return yaml.ScalarNode(_STR, value)
            return yaml.ScalarNode(_STR, value, style='"')
        raise TypeError(f"cannot write {value!r}")

    def build(value: Any, flow: bool, key: bool = False) -> yaml.Node:
        if not isinstance(value, dict | list | tuple | Pairs):
            return scalar(value, key)
        if id(value) in memo:
            return memo[id(value)]
        node: yaml.Node
        if isinstance(value, dict | Pairs):
            items = value.items if isinstance(value, Pairs) else list(value.items())
            node = yaml.MappingNode(
                _MAP, [(build(k, flow, True), build(v, flow)) for k, v in items], flow_style=flow
            )
        else:
            node = yaml.SequenceNode(_SEQ, [build(v, flow) for v in value], flow_style=flow)
        memo[id(value)] = node
        return node

    def records(items: list[Any]) -> yaml.Node:
        return yaml.SequenceNode(_SEQ, [build(i, flow_records) for i in items], flow_style=False)

    root: yaml.Node
    if isinstance(data, list):
        root = records(data)
    elif isinstance(data, dict):
        root = yaml.MappingNode(
            _MAP,
            [
                (build(k, False, True), records(v) if isinstance(v, list) else build(v, False))
                for k, v in data.items()
            ],
            flow_style=False,
        )
    else:
        root = build(data, False)
    text = yaml.serialize(root, Dumper=_Writer, allow_unicode=True, width=10**9)
    return tokens.finish(text)


def write_json(data: Any, *, ascii_only: bool = False) -> tuple[str, dict[int, int]]:
    """JSON text of ``data``, one value per line; the line of each Raw/Marked value."""
    tokens = _Tokens()

    def scalar(value: Any) -> str:
        if isinstance(value, Plain):
            value = value.text
        if isinstance(value, float):
            return repr(value)
        return json.dumps(value, ensure_ascii=ascii_only)

    def render(value: Any, indent: str) -> str:
        if isinstance(value, Raw):
            return tokens.add(value, value.text)
        if isinstance(value, Marked):
            return tokens.add(value, scalar(value.value))
        inner = indent + "  "
        if isinstance(value, dict | Pairs):
            items = value.items if isinstance(value, Pairs) else list(value.items())
            if not items:
                return "{}"
            body = ",\n".join(f"{inner}{render(k, inner)}: {render(v, inner)}" for k, v in items)
            return "{\n" + body + "\n" + indent + "}"
        if isinstance(value, list | tuple):
            if not value:
                return "[]"
            return "[\n" + ",\n".join(inner + render(v, inner) for v in value) + "\n" + indent + "]"
        return scalar(value)

    return tokens.finish(render(data, "") + "\n")


# -- files and scenarios --------------------------------------------------------------------------


@dataclass(eq=False)
class FileSpec:
    """One data file of a scenario and the records (indices) it holds, in order."""

    name: str
    fmt: str  # "yaml" or "json"
    form: str  # "list" or "grouped"
    records: list[int] = dataclasses.field(default_factory=list)
    keep_type: bool = True  # grouped form: whether records keep their type: key
    flow_records: bool = False  # YAML: each record on one line
    ascii_only: bool = False  # JSON: \u escapes for everything not ASCII
    bom: bool = False
    crlf: bool = False
    comments: bool = False  # YAML: a comment and a blank line at the top
    group_keys: dict[str, Any] = dataclasses.field(
        default_factory=dict
    )  # grouped form: type -> key written
    insert: tuple[float, bytes] | None = None  # bytes inserted at a fraction of the file
    cut: float | None = None  # the file truncated at a fraction of its bytes
    inserted_at: int | None = None  # filled in by write: the byte the insert went to
    raw: bytes = b""  # filled in by write: the bytes written


@dataclass(eq=False)
class Damage:
    """One thing done to the data, and what the loader must do about it."""

    what: str
    expect: str  # "error", "ok" or "either"
    record: int | None = None  # the damaged record (an index into Scenario.records)
    field: str | None = None  # the field path a problem must name (None: any or none)
    record_id: str | None = None  # an id the problem's record must show (None: not checked)
    key: str | None = None  # an unknown key: a problem may name its parent and the key
    parent: str | None = None  # the path of the mapping holding the unknown key
    field_alts: tuple[str, ...] = ()  # other spellings of the field path, as ['a key']
    message_has: str | None = None  # text the reporting problem's message must contain
    read_level: bool = False  # the damage makes its file unreadable: file and line suffice
    marker: Raw | Marked | None = None  # where the damage is: its line is recorded
    line_ok: bool = False  # a field-level damage that a limit may refuse at its line instead
    find: tuple[str, ...] = ()  # texts whose lines are acceptable (an anchor and its alias)
    file: str | None = None  # the damaged file (filled in by Scenario.write for records)
    alt_records: set[int] = dataclasses.field(
        default_factory=set
    )  # other records whose file will do
    spec: FileSpec | None = None  # a byte-level damage to this file
    # filled in by Scenario.write:
    files: set[str] = dataclasses.field(default_factory=set)
    lines: set[int] = dataclasses.field(default_factory=set)
    # consequences:
    affected_ids: set[str] = dataclasses.field(default_factory=set)  # references to these may break
    touched: set[int] = dataclasses.field(default_factory=set)  # records no other damage may touch
    expected: Callable[[lm.Record], lm.Record] | None = None  # ok/either: the loaded record


class Scenario:
    """A generated dataset, spread over files, with damages done to its plain data.

    Not a dataclass, so that Hypothesis prints it with :meth:`describe`, not field by field.
    """

    def __init__(
        self,
        dataset: lm.Dataset,
        records: list[lm.Record],
        plains: list[Any],
        files: list[FileSpec],
    ) -> None:
        self.dataset = dataset
        self.records = records
        self.plains = plains
        self.files = files
        self.damages: list[Damage] = []
        self.extra_files: dict[str, bytes] = {}
        self.unreadable: set[str] = set()  # files a damage may make unreadable
        self.copies: set[int] = set()  # records added as copies of others

    def file_of(self, index: int) -> FileSpec:
        return next(spec for spec in self.files if index in spec.records)

    def ids_in(self, spec: FileSpec) -> set[str]:
        return {self.records[i].id for i in spec.records}

    def busy(self) -> set[int]:
        return set().union(*(d.touched for d in self.damages))

    def busy_files(self) -> set[str]:
        return {self.file_of(i).name for i in self.busy()} | {
            d.file for d in self.damages if d.file is not None
        }

    def file_data(self, spec: FileSpec) -> Any:
        """The plain data a file holds: a list of records, or a mapping from type to list."""
        if spec.form == "list":
            return [self.plains[i] for i in spec.records]
        data: dict[Any, list[Any]] = {}
        untyped: dict[int, dict[str, Any]] = {}  # one copy per object, so that aliases stay
        for i in spec.records:
            group = self.records[i].TYPE
            plain = self.plains[i]
            if not spec.keep_type and isinstance(plain, dict) and plain.get("type") == group:
                if id(plain) not in untyped:
                    untyped[id(plain)] = {k: v for k, v in plain.items() if k != "type"}
                plain = untyped[id(plain)]
            data.setdefault(spec.group_keys.get(group, group), []).append(plain)
        return data

    def write(self, folder: Path) -> dict[str, Path]:
        """Write every file under ``folder``; fill in each damage's files and lines."""
        written: dict[str, Path] = {}
        for spec in self.files:
            data = self.file_data(spec)
            if spec.fmt == "yaml":
                text, marks = write_yaml(data, flow_records=spec.flow_records)
                if spec.comments:
                    text = "# written by the fuzz tests\n\n" + text
                    marks = {k: v + 2 for k, v in marks.items()}
            else:
                text, marks = write_json(data, ascii_only=spec.ascii_only)
            for damage in self.damages:
                if damage.marker is not None and id(damage.marker) in marks:
                    damage.lines.add(marks[id(damage.marker)])
                    damage.file = spec.name
                if damage.find and damage.record is not None and damage.record in spec.records:
                    for needle in damage.find:
                        at = text.find(needle)
                        if at >= 0:
                            damage.lines.add(text.count("\n", 0, at) + 1)
            if spec.crlf:
                text = text.replace("\n", "\r\n")
            raw = text.encode("utf-8")
            if spec.bom:
                raw = b"\xef\xbb\xbf" + raw
            if spec.insert is not None:
                fraction, extra = spec.insert
                at = int(fraction * len(raw))
                spec.inserted_at = at
                raw = raw[:at] + extra + raw[at:]
            if spec.cut is not None:
                raw = raw[: int(spec.cut * len(raw))]
            spec.raw = raw
            path = folder / spec.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
            written[spec.name] = path
        for name, content in self.extra_files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            written[name] = path
        for damage in self.damages:
            if damage.record is not None and damage.file is None:
                damage.file = self.file_of(damage.record).name
            if damage.spec is not None:
                damage.file = damage.spec.name
                if damage.spec.inserted_at is not None:
                    damage.lines.add(damage.spec.raw[: damage.spec.inserted_at].count(b"\n") + 1)
            damage.files = {damage.file} if damage.file else set()
            damage.files |= {self.file_of(i).name for i in damage.alt_records}
        return written

    def expected_records(self) -> list[lm.Record]:
        """The records a successful load must give: the original ones, as damaged."""
        out: list[lm.Record] = []
        for index, original in enumerate(self.records):
            if index in self.copies:
                continue
            record = original
            for damage in self.damages:
                if damage.record == index and damage.expected is not None:
                    record = damage.expected(record)
            out.append(record)
        return out

    def __repr__(self) -> str:
        return "<Scenario\n" + self.describe() + "\n>"

    def describe(self) -> str:
        lines = [f"{len(self.records)} records in {len(self.files)} file(s):"]
        lines += [
            f"  {s.name} ({s.fmt}, {s.form}{', BOM' if s.bom else ''}{', CRLF' if s.crlf else ''}"
            f"): {[self.records[i].id for i in s.records]}"
            for s in self.files
        ]
        lines += [
            f"  extra file {name}: {content[:80]!r}" for name, content in self.extra_files.items()
        ]
        lines += [
            f"  damage: {d.what} -> {d.expect}"
            + (
                f" (in {sorted(d.files)}: field {d.field}, lines {sorted(d.lines)})"
                if d.files
                else ""
            )
            for d in self.damages
        ]
        return "\n".join(lines)


def small_datasets() -> st.SearchStrategy[lm.Dataset]:
    """Datasets small enough for many examples a second, with every record type possible."""
    return datasets(max_entities=10, max_facts=6)


@st.composite
def scenarios(
    draw: st.DrawFn,
    *,
    max_files: int = 3,
    formats: Sequence[str] = ("yaml", "json"),
    dataset: st.SearchStrategy[lm.Dataset] | None = None,
) -> Scenario:
    """A dataset spread over one to ``max_files`` files of varied format and layout."""
    ds = draw(dataset if dataset is not None else small_datasets())
    records = list(ds)
    order = draw(st.permutations(range(len(records))))
    count = draw(st.integers(1, max_files))
    files: list[FileSpec] = []
    for number in range(count):
        fmt = draw(st.sampled_from(formats))
        folder = draw(st.sampled_from(["", "", "more/", "more/deeper/"]))
        suffix = ".json" if fmt == "json" else draw(st.sampled_from([".yaml", ".yml", ".YAML"]))
        files.append(
            FileSpec(
                name=f"{folder}part-{number}{suffix}",
                fmt=fmt,
                form=draw(st.sampled_from(["list", "grouped"])),
                keep_type=draw(st.booleans()),
                flow_records=draw(st.booleans()) if fmt == "yaml" else False,
                ascii_only=draw(st.booleans()) if fmt == "json" else False,
                bom=draw(st.booleans()),
                crlf=draw(st.booleans()),
                comments=draw(st.booleans()) if fmt == "yaml" else False,
            )
        )
    for index in order:
        files[draw(st.integers(0, count - 1))].records.append(index)
    plains = [unstructure_record(record) for record in records]
    return Scenario(ds, records, plains, files)


# -- the fields of a record, with their kinds -----------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """A place in a record's plain data: its path, what it holds, whether it is required."""

    steps: tuple[Step, ...]
    kind: str
    required: bool
    present: bool
    default: Any = None

    @property
    def path(self) -> str:
        return format_steps(self.steps)


def format_steps(steps: Sequence[Step]) -> str:
    """A field path as the loader writes it: ``evidence[0].stance``."""
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _kind(cls: type, attribute: attrs.Attribute[Any]) -> str:
    """What a field holds: id, ref, text, enum, bool, float, date, period or a list kind."""
    hint = typing.get_type_hints(cls)[attribute.name]
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        hint = next(arg for arg in args if arg is not type(None))
    ref = attribute.metadata.get("ref") is not None
    if attribute.name == "id":
        return "id"
    if attribute.name == "wikidata":
        return "qid"  # text, but only Q1016-like item ids
    if hint is str:
        return "ref" if ref or attribute.name == "actor" else "text"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "enum"
    simple = {bool: "bool", float: "float", PartialDate: "date", Period: "period"}
    if hint in simple:
        return simple[hint]
    assert typing.get_origin(hint) is tuple, f"unknown field type {hint!r}"
    item = typing.get_args(hint)[0]
    if item is str:
        return "refs" if ref else "texts"
    return {lm.Evidence: "evidence", lm.Participant: "participants", lm.Response: "responses"}[item]


ITEM_CLASSES: dict[str, type] = {
    "evidence": lm.Evidence,
    "participants": lm.Participant,
    "responses": lm.Response,
}


def slots(record: lm.Record, plain: dict[str, Any]) -> list[Slot]:
    """Every field of a record (present or not), and every item and nested field present."""
    out: list[Slot] = []

    def walk(cls: type, data: dict[str, Any], prefix: tuple[Step, ...]) -> None:
        for attribute in attrs.fields(cls):
            kind = _kind(cls, attribute)
            required = attribute.default is attrs.NOTHING
            steps = (*prefix, attribute.name)
            value = data.get(attribute.name)
            out.append(Slot(steps, kind, required, attribute.name in data, attribute.default))
            if kind == "period" and isinstance(value, dict):
                out.extend(Slot((*steps, key), "date", key != "end", True) for key in value)
            elif kind in ("texts", "refs") and isinstance(value, list):
                item_kind = "text" if kind == "texts" else "ref"
                out.extend(Slot((*steps, i), item_kind, True, True) for i in range(len(value)))
            elif kind in ITEM_CLASSES and isinstance(value, list):
                for i, item in enumerate(value):
                    out.append(Slot((*steps, i), kind + "-item", True, True))
                    if isinstance(item, dict):
                        walk(ITEM_CLASSES[kind], item, (*steps, i))

    walk(type(record), plain, ())
    return out


def pick(draw: st.DrawFn, candidates: Sequence[Slot]) -> Slot:
    """A slot, its kind chosen first, so that rare kinds (items, periods) come up as often."""
    kinds = sorted({s.kind for s in candidates})
    kind = draw(st.sampled_from(kinds))
    return draw(st.sampled_from([s for s in candidates if s.kind == kind]))


def get_at(data: Any, steps: Sequence[Step]) -> Any:
    for step in steps:
        data = data[step]
    return data


def put_at(data: Any, steps: Sequence[Step], value: Any) -> None:
    """Set (or add) the value at ``steps``; a participant written as its id is replaced."""
    *parents, last = steps
    holder = data
    for step in parents:
        child = holder[step]
        if isinstance(child, str) and last == "actor":
            holder[step] = value
            return
        holder = child
    holder[last] = value


def evolve_at(obj: Any, steps: Sequence[Step], value: Any) -> Any:
    """``obj`` with the value at ``steps`` replaced, through attrs records and tuples."""
    if not steps:
        return value
    head, *rest = steps
    if isinstance(head, int):
        items = list(obj)
        items[head] = evolve_at(items[head], rest, value)
        return tuple(items)
    return attrs.evolve(obj, **{head: evolve_at(getattr(obj, head), rest, value)})


def record_id(plain: Any) -> str | None:
    """The id a problem about this (damaged) record can show, if it still has one."""
    if isinstance(plain, dict) and isinstance(plain.get("id"), str):
        return plain["id"]
    return None


# -- checking what the loader did -----------------------------------------------------------------

RAW_MESSAGE = re.compile(
    r"Traceback|object has no attribute|is not iterable|not subscriptable|"
    r"indices must be|unhashable type|NoneType|<class |object at 0x|"
    r"Exceeds the limit|maximum recursion|positional argument|unexpected keyword argument|"
    r"__init__\(\)|missing \d+ required|invalid literal for|codec can't|"
    r"[Ee]xpected (?:Evidence|Participant|Response), got"
)
"""Fragments of Python's own error messages, which a user should never be shown."""


def _names_key(message: str, key: str) -> bool:
    """Whether a message names ``key``, as it is or quoted with its escapes (repr)."""
    if repr(key) in message:
        return True
    return re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", message) is not None


def _field_matches(problem: lm.Problem, damage: Damage) -> bool:
    want, got = damage.field, problem.field
    if want is None:
        return True
    for path in (want, *damage.field_alts):
        if got is not None and (got == path or got.startswith((path + ".", path + "["))):
            return True
    if damage.key is not None and damage.parent and got is not None:
        return got == damage.parent and _names_key(problem.message, damage.key)
    return False


def reports(problem: lm.Problem, damage: Damage, paths: dict[str, Path]) -> bool:
    """Whether ``problem`` is the loader's report of ``damage``."""
    if problem.file not in {paths[name] for name in damage.files}:
        return False
    if damage.read_level:
        if not damage.lines or problem.line in damage.lines:
            return True
        # a JSON read error without a line (a duplicate key) still names the file
        return problem.line is None and str(problem.file).endswith(".json")
    if damage.line_ok and problem.field is None:
        # a limit refused the value as the file was read: the problem names its line
        # (JSON read errors may have none)
        if not damage.lines or problem.line in damage.lines:
            return True
        if problem.line is None and str(problem.file).endswith(".json"):
            return True
    if damage.record_id is not None and repr(damage.record_id) not in (problem.record or ""):
        return False
    return _field_matches(problem, damage)


_KNOCK_ON = ("is not a known id", "could not be checked", "but this field needs", "already defined")


def explained(problem: lm.Problem, damage: Damage, paths: dict[str, Path]) -> bool:
    """Whether ``problem`` is a fair consequence of ``damage``: its report, or a knock-on."""
    if reports(problem, damage, paths):
        return True
    message = problem.message
    if any(repr(i) in message for i in damage.affected_ids) and any(
        k in message for k in _KNOCK_ON
    ):
        return True  # a reference to (or another copy of) a record the damage broke
    if problem.file not in {paths[name] for name in damage.files}:
        return False
    if damage.read_level:
        return True
    # another problem in the field that was damaged, such as both bounds of a period
    return (
        damage.field is not None
        and problem.field is not None
        and (damage.record_id is None or repr(damage.record_id) in (problem.record or ""))
        and _top(problem.field) == _top(damage.field)
    )


def _top(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def check(scenario: Scenario, outcome: lm.Dataset | lm.DataError, paths: dict[str, Path]) -> None:
    """Assert that the loader did what every damage of ``scenario`` requires."""
    story = scenario.describe()
    errors = [d for d in scenario.damages if d.expect == "error"]
    if isinstance(outcome, lm.Dataset):
        assert not errors, f"the load succeeded, but a damage should have been reported:\n{story}"
        expected = {r.id: r for r in scenario.expected_records()}
        loaded = {r.id: r for r in outcome}
        missing = sorted(set(expected) - set(loaded))
        assert not missing, f"records silently dropped: {missing}\n{story}"
        extra = sorted(set(loaded) - set(expected))
        assert not extra, f"records that were not in the files: {extra}\n{story}"
        changed = [(expected[i], loaded[i]) for i in expected if expected[i] != loaded[i]]
        assert not changed, f"records loaded other than written: {changed[:2]}\n{story}"
        assert len(outcome) == len(expected)
        return
    problems = outcome.problems
    assert problems, f"a DataError with no problems\n{story}"
    written = set(paths.values())
    for problem in problems:
        assert problem.file in written, f"a problem names no data file: {problem}\n{story}"
    for problem in problems:
        assert "\n" not in str(problem), (
            f"a problem spans lines (DataError lists one problem a line):\n"
            f"  {str(problem)!r}\n{story}"
        )
    for problem in problems:
        text = f"{problem.message} {problem.hint or ''}"
        assert not RAW_MESSAGE.search(text), (
            f"a problem shows Python's own message, not a libyamodel one:\n  {problem}\n{story}"
        )
    for damage in errors:
        assert any(reports(p, damage, paths) for p in problems), (
            f"not reported: {damage.what} (in {sorted(damage.files)}, field {damage.field}, "
            f"lines {sorted(damage.lines)})\n{outcome}\n{story}"
        )
    for damage in errors:
        if damage.message_has is not None:
            found = [p for p in problems if reports(p, damage, paths)]
            assert any(damage.message_has in p.message for p in found), (
                f"the problem does not quote what was written ({damage.message_has!r}):\n"
                f"  {found[0]}\n{story}"
            )
    for problem in problems:
        assert any(explained(problem, d, paths) for d in scenario.damages), (
            f"a problem that no damage explains (a report about good data):\n  {problem}\n"
            f"{outcome}\n{story}"
        )


# -- record damages -------------------------------------------------------------------------------

WRONG_TYPES: dict[str, list[Any]] = {
    "id": [5, 1.5, True, ["x"], {"x": "y"}],
    "ref": [5, 1.5, False, ["actor-0"], {"id": "actor-0"}],
    "text": [7, -2.5, True, ["text"], {"text": "x"}],
    "qid": [1016, True, ["Q1016"], {"id": "Q1016"}],
    "enum": [3, 0.5, True, ["person"], {"kind": "person"}],
    "date": [True, 2014.5, ["2014"], {"year": 2014}],
    "period": [True, 2014.5, ["2014", "2015"], False],
    "bool": [1, "true", Plain("yes"), ["true"], {"yes": True}],
    "float": ["north", Plain("north"), True, ["1.5"], {"lat": 1}],
    "texts": ["just text", Plain("just text"), {"a": "b"}, 5, True],
    "refs": ["actor-0", {"a": "b"}, 5, True],
    "evidence": ["source-0", {"source": "source-0", "quote": "q"}, 5, True, []],
    "participants": ["actor-0", {"actor": "actor-0"}, 5, True],
    "responses": ["actor-0", {"actor": "actor-0", "position": "accepts"}, 5, True],
    "evidence-item": ["source-0", 5, ["source-0"], None, True, 2.5],
    "participants-item": [5, ["actor-0"], None, True, 2.5],
    "responses-item": ["actor-0", 5, ["actor-0"], None, True],
}


def _damage(what: str, expect: str, sc: Scenario, index: int, path: str | None) -> Damage:
    """A damage to record ``index``; a problem about it must show the id it still has."""
    damage = Damage(what, expect, index, path, record_id=record_id(sc.plains[index]))
    damage.touched.add(index)
    if record_id(sc.plains[index]) != sc.records[index].id:
        damage.affected_ids.add(sc.records[index].id)
    return damage


@st.composite
def wrong_type(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A value of the wrong kind: a number for text, text for a list, a list for a mapping..."""
    record, plain = sc.records[index], sc.plains[index]
    slot = pick(draw, [s for s in slots(record, plain) if s.kind in WRONG_TYPES])
    values = list(WRONG_TYPES[slot.kind])
    if slot.required and not slot.kind.endswith("-item"):
        values.append(None)
    value = copy.deepcopy(draw(st.sampled_from(values)))
    put_at(plain, slot.steps, value)
    return _damage(f"{slot.path} ({slot.kind}) set to {value!r}", "error", sc, index, slot.path)


@st.composite
def dropped_required(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A required field left out: id, name, period, evidence, an evidence item's quote..."""
    record, plain = sc.records[index], sc.plains[index]
    candidates = [
        s for s in slots(record, plain) if s.required and s.present and isinstance(s.steps[-1], str)
    ]
    slot = pick(draw, candidates)
    holder = get_at(plain, slot.steps[:-1])
    del holder[slot.steps[-1]]
    # a period without its start or on is reported as "a period needs a start"
    path = "period" if slot.steps[0] == "period" else slot.path
    return _damage(f"required {slot.path} left out", "error", sc, index, path)


@st.composite
def empty_text(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """An empty or blank string where text, an id, a kind or a date goes."""
    record, plain = sc.records[index], sc.plains[index]
    candidates = [
        s
        for s in slots(record, plain)
        if s.kind in ("id", "ref", "text", "qid", "enum", "date", "period")
        and (s.present or s.kind == "text")
        and not (s.kind == "period" and isinstance(get_at(plain, s.steps), dict))
    ]
    slot = pick(draw, candidates)
    value = draw(st.sampled_from(["", " ", "\t", "  \n "]))
    put_at(plain, slot.steps, value)
    return _damage(f"{slot.path} set to {value!r}", "error", sc, index, slot.path)


UNKNOWN_KEYS = [
    "colour",
    "nmae",
    "Name",
    "ID",
    "evidance",
    "types",
    "start_date",
    "foo-bar",
    "a b",
    "0",
    "é",
    "note ",
    "__class__",
    "<<",
    "Type",
]


@st.composite
def unknown_key(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A key the format does not have: in a record, an evidence item, a period, a participant."""
    record, plain = sc.records[index], sc.plains[index]
    holders: list[tuple[tuple[Step, ...], set[str]]] = [
        ((), {a.name for a in attrs.fields(type(record))} | {"type"})
    ]  # the record, then its evidence items, participants, responses and period
    for slot in slots(record, plain):
        value = get_at(plain, slot.steps) if slot.present else None
        if slot.kind.endswith("-item") and isinstance(value, dict):
            cls = ITEM_CLASSES[slot.kind.removesuffix("-item")]
            holders.append((slot.steps, {a.name for a in attrs.fields(cls)}))
        elif slot.kind == "period" and isinstance(value, dict):
            holders.append((slot.steps, {"start", "end", "on"}))
    where = draw(st.sampled_from(sorted({_top(format_steps(s)) for s, _ in holders})))
    steps, known = draw(st.sampled_from([h for h in holders if _top(format_steps(h[0])) == where]))
    key = draw(
        st.sampled_from(UNKNOWN_KEYS)
        | st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=8)
    )
    if key in known:
        key += "-extra"
    get_at(plain, steps)[key] = copy.deepcopy(draw(st.sampled_from(["red", 1, None, ["x"], {}])))
    damage = _damage(
        f"unknown key {key!r} in {format_steps(steps) or 'the record'}",
        "error",
        sc,
        index,
        format_steps((*steps, key)),
    )
    damage.key, damage.parent = key, format_steps(steps)
    # a key that is not an identifier may be written quoted in the path: period['a b']
    damage.field_alts = (damage.parent + f"[{key!r}]",)
    return damage


@st.composite
def unknown_type(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A record type that does not exist or does not match its group, or a group renamed."""
    record, plain = sc.records[index], sc.plains[index]
    spec = sc.file_of(index)
    if spec.form == "grouped":
        choice = draw(st.sampled_from(["other type", "left out", "group renamed"]))
        if choice == "left out":  # the group gives the type: harmless
            plain.pop("type", None)
            return Damage("type: left out inside its group", "ok", index)
        group = [i for i in spec.records if sc.records[i].TYPE == record.TYPE]
        if choice == "group renamed" and not set(group) & (sc.busy() | sc.copies):
            key = draw(st.sampled_from([record.TYPE + "s", record.TYPE.title(), "records", ""]))
            spec.group_keys[record.TYPE] = key
            damage = Damage(f"group {record.TYPE!r} renamed {key!r}", "error", file=spec.name)
            damage.message_has = repr(key)
            damage.affected_ids |= {sc.records[i].id for i in group}
            damage.touched |= set(group)
            return damage
        other = draw(st.sampled_from(sorted(set(RECORD_TYPES) - {record.TYPE})))
        plain["type"] = other
        damage = _damage(f"type {other!r} in the {record.TYPE!r} group", "error", sc, index, "type")
        damage.affected_ids.add(record.id)
        return damage
    value = draw(
        st.sampled_from(
            ["actr", "Actor", "actors", "legitimacy-claim", "", "fact", 5, True, ["actor"], None]
        )
    )
    if value is None:
        plain.pop("type", None)
        damage = _damage("type: left out", "error", sc, index, None)
        damage.message_has = "type"
    else:
        plain["type"] = value
        damage = _damage(f"type: {value!r}", "error", sc, index, "type")
    damage.affected_ids.add(record.id)
    return damage


@st.composite
def not_a_record(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A list item that is not a mapping: text, a number, a list, null."""
    value = copy.deepcopy(draw(st.sampled_from(["actor-0", 5, None, ["type", "actor"], True])))
    sc.plains[index] = value
    damage = _damage(f"record replaced by {value!r}", "error", sc, index, None)
    damage.message_has = "expected a record"
    return damage


INVALID_DATES = [
    "2014-13-45",
    "2014-02-30",
    "2015-02-29",
    "2014-06-31",
    "June 2014",
    "0000",
    "2014-00",
    "2014-00-10",
    "10000",
    "14-06-01",
    "2014/06/01",
    "2014-6-1",
    "..2014..",
    "early 2014-06-25",
    "2014-06-25~?",
    "..2014-06~",
    "late 2014-06..",
    "mid  2014",
    "2014-06-25T00:00",
    " 2014",
    "2014-W01",
    "-2014",
    "+2014",
    "02014",
    "2014.0",
    "1e3",
    "0x7de",
    "MMXIV",
    "2014-06-25 12:00",
]
_WHOLE_NUMBERS = frozenset({"2014.0", "1e3"})
_DECIMAL = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)")


@st.composite
def invalid_date(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A date that does not exist, or is not in an accepted form; quoted or not."""
    record, plain = sc.records[index], sc.plains[index]
    candidates = [
        s
        for s in slots(record, plain)
        if s.present
        and (s.kind == "date" or (s.kind == "period" and isinstance(get_at(plain, s.steps), str)))
    ]
    slot = pick(draw, candidates)
    text = draw(st.sampled_from(INVALID_DATES))
    # Unquoted, a whole number in decimal form is a number, read as a year (as JSON readers
    # read 2014.0 as 2014): only its quoted text is an invalid date.
    unquoted = draw(st.booleans()) and text not in _WHOLE_NUMBERS
    put_at(plain, slot.steps, Plain(text) if unquoted else text)
    damage = _damage(
        f"{slot.path} set to {text!r} ({'unquoted' if unquoted else 'quoted'})",
        "error",
        sc,
        index,
        slot.path,
    )
    # the message must quote what was written; "got the number 2014.0" is fair for decimals
    damage.message_has = None if unquoted and _DECIMAL.fullmatch(text) else text
    return damage


@st.composite
def bad_period(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A period that ends before it starts, an open observation, on with start, no start."""
    plain = sc.plains[index]
    start = draw(st.integers(2000, 2030))
    end = draw(st.integers(1990, start - 1))
    month = draw(st.sampled_from(["", "-03", "-11-30"]))
    choices = [
        {"start": f"{start}{month}", "end": f"{end}{month}"},
        {"on": f"..{start}"},
        {"on": f"{start}..", "start": f"{end}"},
        {"end": f"{end}"},
        {},
        {"start": None},
    ]
    value = choices[draw(st.integers(0, len(choices) - 1))]
    plain["period"] = value
    return _damage(f"period set to {value!r}", "error", sc, index, "period")


_TARGET_TYPES: dict[Target, tuple[type, ...]] = {
    Target.PARTY: (lm.Actor, lm.Institution),
    Target.ENTITY: (lm.Entity,),
    Target.PLACE: (lm.Place,),
    Target.OFFICE: (lm.Office,),
    Target.SOURCE: (lm.Source,),
    Target.MANDATE: (lm.Mandate,),
}


@st.composite
def broken_reference(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A reference to an id that is not defined, or to an entity of the wrong kind."""
    record, plain = sc.records[index], sc.plains[index]
    path, old, target = draw(st.sampled_from(list(references(record))))
    steps = tuple(int(s) if s.isdigit() else s for s in re.findall(r"[A-Za-z_]+|\d+", path))
    busy = sc.busy()
    wrong = [
        i
        for i, other in enumerate(sc.records)
        if i != index
        and i not in busy
        and i not in sc.copies
        and sc.file_of(i).name not in sc.unreadable
        and not isinstance(other, _TARGET_TYPES[target])
    ]
    if wrong and draw(st.booleans()):
        other = draw(st.sampled_from(wrong))
        new = sc.records[other].id
        put_at(plain, steps, new)
        damage = _damage(
            f"{path} points to {new!r}, a {sc.records[other].TYPE}", "error", sc, index, path
        )
        damage.touched.add(other)
        return damage
    new = draw(st.sampled_from([old + "x", "x" + old, old.replace("-", "_"), "nobody", old + "-2"]))
    if new in {r.id for r in sc.records}:
        new = "nobody-at-all"
    put_at(plain, steps, new)
    damage = _damage(f"{path} points to {new!r}, which is not defined", "error", sc, index, path)
    damage.message_has = repr(new)
    return damage


@st.composite
def duplicate_id(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """An id defined twice: a record renamed to another's id, or a record copied."""
    record = sc.records[index]
    busy = sc.busy()
    others = [
        i
        for i in range(len(sc.records))
        if i != index and i not in busy and sc.file_of(i).name not in sc.unreadable
    ]
    if others and draw(st.booleans()):
        other = draw(st.sampled_from(others))
        new = sc.records[other].id
        sc.plains[index]["id"] = new
        damage = Damage(f"{record.id!r} renamed {new!r}, another record's id", "error", index)
        damage.alt_records.add(other)
        damage.affected_ids |= {record.id, new}
        damage.touched |= {index, other}
    else:
        targets = [s for s in sc.files if s.name not in sc.unreadable]
        target = draw(st.sampled_from(targets))
        copied = len(sc.records)
        sc.records.append(record)
        sc.plains.append(copy.deepcopy(sc.plains[index]))
        sc.copies.add(copied)
        target.records.insert(draw(st.integers(0, len(target.records))), copied)
        damage = Damage(f"{record.id!r} copied into {target.name}", "error", copied)
        damage.alt_records.add(index)
        damage.affected_ids.add(record.id)
        damage.touched |= {index, copied}
        new = record.id
    damage.field, damage.record_id, damage.message_has = "id", new, repr(new)
    return damage


_HUGE_UNITS = ["x", "é", "\u0644\u064a\u0628\u064a\u0627 ", "😀", "a b", "'\"\\"]


@st.composite
def huge_text(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A very long text value: loaded whole, or refused by a documented size limit."""
    record, plain = sc.records[index], sc.plains[index]
    slot = draw(st.sampled_from([s for s in slots(record, plain) if s.kind == "text"]))
    size = draw(st.sampled_from([10_000, 100_000, 300_000]))
    unit = draw(st.sampled_from(_HUGE_UNITS))
    value = (unit * size)[:size].strip() or "x"
    put_at(plain, slot.steps, value)
    damage = _damage(f"{slot.path} set to {size} characters", "either", sc, index, slot.path)
    damage.expected = lambda r: evolve_at(r, slot.steps, value)
    damage.line_ok = True  # Limits.max_text_length may refuse it as the file is read
    return _file_wide(sc, index, damage)


def _file_wide(sc: Scenario, index: int, damage: Damage) -> Damage:
    """A damage that may make its whole file unreadable: every record in it may be gone."""
    spec = sc.file_of(index)
    damage.affected_ids |= sc.ids_in(spec)
    damage.touched |= set(spec.records)
    sc.unreadable.add(spec.name)
    return damage


@st.composite
def huge_number(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A bare number of thousands of digits: an error, never a crash."""
    record, plain = sc.records[index], sc.plains[index]
    candidates = [s for s in slots(record, plain) if s.kind in ("text", "date", "period")]
    candidates = [
        s
        for s in candidates
        if not (s.kind == "period" and isinstance(get_at(plain, s.steps), dict))
    ]
    slot = pick(draw, candidates)
    digits = draw(st.sampled_from([4301, 5000, 50_000]))
    marker = Raw(draw(st.sampled_from(["", "-"])) + "1" * digits)
    put_at(plain, slot.steps, marker)
    damage = _damage(
        f"{slot.path} set to a number of {digits} digits", "error", sc, index, slot.path
    )
    damage.marker, damage.line_ok = marker, True
    return _file_wide(sc, index, damage)


@st.composite
def deep_nesting(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A value nested hundreds or thousands of levels deep: an error, never a crash."""
    record, plain = sc.records[index], sc.plains[index]
    candidates = [s for s in slots(record, plain) if s.present and not s.kind.endswith("-item")]
    slot = pick(draw, candidates)
    depth = draw(st.sampled_from([2, 50, 500, 990, 1000, 1500, 3000]) | st.integers(2, 3000))
    if draw(st.booleans()):
        text = "[" * depth + "]" * depth
    elif sc.file_of(index).fmt == "json":
        text = '{"a": ' * depth + "1" + "}" * depth
    else:
        text = "{a: " * depth + "1" + "}" * depth
    marker = Raw(text)
    put_at(plain, slot.steps, marker)
    damage = _damage(f"{slot.path} nested {depth} levels deep", "error", sc, index, slot.path)
    damage.marker, damage.line_ok = marker, True
    return _file_wide(sc, index, damage)


YAML_TAGS = [
    '!!python/object/apply:os.system ["echo pwned"]',
    "!!python/object:libyamodel.Actor {id: x}",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!binary aGVsbG8=",
    "!!timestamp 2014-01-01",
    '!!int "5"',
    "!!float 1.5",
    "!!bool yes",
    "!!null ''",
    "!!set {a, b}",
    "!!omap [{a: 1}]",
    "!!pairs [{a: 1}]",
    "!custom x",
    "!<tag:example.com,2000:x> y",
    "!!merge <<",
]


@st.composite
def yaml_tag(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A YAML tag on a value or on a whole record: refused, nothing constructed."""
    record, plain = sc.records[index], sc.plains[index]
    if draw(st.booleans()):
        marker = Raw("!!python/object:libyamodel.Actor {id: x, name: y, kind: person}")
        sc.plains[index] = marker
        what = "a record replaced by a !!python/object"
    else:
        tag = draw(st.sampled_from(YAML_TAGS))
        slot = draw(st.sampled_from([s for s in slots(record, plain) if s.present]))
        marker = Raw(tag)
        put_at(plain, slot.steps, marker)
        what = f"{slot.path} set to {tag}"
    damage = Damage(what, "error", index, read_level=True, marker=marker)
    return _file_wide(sc, index, damage)


@st.composite
def yaml_alias(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """An anchor and an alias: a record, an evidence item or a list repeated by reference."""
    record, plain = sc.records[index], sc.plains[index]
    shareable = [
        s
        for s in slots(record, plain)
        if s.present and s.steps and isinstance(get_at(plain, s.steps), dict | list)
    ]
    if not shareable or draw(st.booleans()):
        spec = sc.file_of(index)
        again = len(sc.records)
        sc.records.append(record)
        sc.plains.append(plain)  # the same object: written as an alias
        sc.copies.add(again)
        spec.records.insert(spec.records.index(index) + 1, again)
        what = "a record repeated as an *alias"
    else:
        slot = draw(st.sampled_from(shareable))
        plain["note"] = get_at(plain, slot.steps)
        what = f"{slot.path} repeated as an *alias in note"
    damage = Damage(what, "error", index, read_level=True, find=("&id001", "*id001"))
    return _file_wide(sc, index, damage)


@st.composite
def duplicate_key(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A key twice in one mapping (a record, an evidence item, a period): not last-wins."""
    record, plain = sc.records[index], sc.plains[index]
    holders: list[tuple[Step, ...]] = [()]
    holders += [
        s.steps
        for s in slots(record, plain)
        if s.present and isinstance(get_at(plain, s.steps), dict) and get_at(plain, s.steps)
    ]
    steps = draw(st.sampled_from(holders))
    mapping = get_at(plain, steps)
    key = draw(st.sampled_from(sorted(mapping)))
    marker = Marked(key)
    again = copy.deepcopy(mapping[key]) if draw(st.booleans()) else "something else"
    pairs = Pairs([*mapping.items(), (marker, again)])
    if steps:
        put_at(plain, steps, pairs)
    else:
        sc.plains[index] = pairs
    what = f"key {key!r} twice in {format_steps(steps) or 'the record'}"
    damage = Damage(what, "error", index, read_level=True, marker=marker)
    return _file_wide(sc, index, damage)


# -- harmless changes -----------------------------------------------------------------------------


_WORDS: Final = {"quote": "paraphrase", "paraphrase": "quote"}
"""An evidence item needs one of the two: each is optional only while the other is there."""


def _says_alone(plain: Any, slot: Slot) -> bool:
    """Whether ``slot`` is an evidence item's quote or paraphrase without the other."""
    other = _WORDS.get(str(slot.steps[-1]))
    if other is None:
        return False
    return get_at(plain, slot.steps[:-1]).get(other) is None


@st.composite
def optional_written_out(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """An optional field written as null, as its default, or left out: it takes the default."""
    record, plain = sc.records[index], sc.plains[index]
    candidates = [
        s
        for s in slots(record, plain)
        if not s.required
        and s.kind not in ("texts", "refs", "participants", "responses")
        and not _says_alone(plain, s)
    ]
    if not candidates:
        return Damage("no optional field", "ok", index)
    slot = draw(st.sampled_from(candidates))
    how = draw(st.sampled_from(["null", "default", "left out"]))
    holder = get_at(plain, slot.steps[:-1])
    default = slot.default
    if how == "null" and default is None:
        holder[slot.steps[-1]] = None
    elif how == "default":
        holder[slot.steps[-1]] = default.value if isinstance(default, enum.Enum) else default
    else:
        how = "left out"
        holder.pop(slot.steps[-1], None)
    damage = Damage(f"{slot.path} {how}", "ok", index, slot.path)
    damage.expected = lambda r: evolve_at(r, slot.steps, default)
    return damage


@st.composite
def empty_lists_written_out(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """Empty optional lists written out (aliases: [], chairs: []): harmless."""
    record, plain = sc.records[index], sc.plains[index]
    for slot in slots(record, plain):
        lists = ("texts", "refs", "participants", "responses")
        if not slot.present and slot.kind in lists and draw(st.booleans()):
            put_at(plain, slot.steps, [])
    return Damage("empty lists written out", "ok", index)


@st.composite
def keys_reordered(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """The keys of a record in another order: harmless."""
    plain = sc.plains[index]
    sc.plains[index] = {key: plain[key] for key in draw(st.permutations(list(plain)))}
    return Damage("keys in another order", "ok", index)


@st.composite
def year_as_number(draw: st.DrawFn, sc: Scenario, index: int) -> Damage:
    """A bare year (published: 2014) written as a number rather than text: harmless."""
    record, plain = sc.records[index], sc.plains[index]
    candidates = [
        s
        for s in slots(record, plain)
        if s.present
        and s.kind in ("date", "period")
        and isinstance(get_at(plain, s.steps), str)
        and re.fullmatch(r"[1-9][0-9]{3}", get_at(plain, s.steps))
    ]
    if not candidates:
        return Damage("no bare year", "ok", index)
    slot = draw(st.sampled_from(candidates))
    put_at(plain, slot.steps, int(get_at(plain, slot.steps)))
    return Damage(f"{slot.path} written as a number", "ok", index, slot.path)


# -- whole files ----------------------------------------------------------------------------------

ALIAS_BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)

BROKEN_FILES: dict[str, tuple[str, bytes, int | None]] = {
    # what it is: (suffix, content, the line a problem must name, or None)
    "text": (".yaml", b"just some text\n", None),
    "a number": (".yaml", b"42\n", None),
    "a JSON string": (".json", b'"records"\n', None),
    "a JSON flag": (".json", b"true", None),
    "an alias bomb": (".yaml", ALIAS_BOMB.encode(), None),
    "two documents": (".yaml", b"- type: actor\n---\n- type: place\n", None),
    "an unclosed list": (".yaml", b"- [type: actor\n- id: x\n", None),
    "a tab indent": (".yaml", b"- type: actor\n\tid: x\n", None),
    "JSON with a trailing comma": (".json", b'[{"type": "actor"},]\n', None),
    "JSON with a comment": (".json", b"// records\n[]\n", None),
    "JSON NaN": (".json", b'[{"type": "place", "id": "p", "lat": NaN}]\n', None),
    "JSON Infinity": (".json", b'[{"type": "place", "id": "p", "lon": -Infinity}]\n', None),
    "UTF-16": (".yaml", "- type: actor\n  id: é\n".encode("utf-16"), 1),
    "Latin-1": (".yaml", "- type: actor\n  name: Tripoli \xe9\n".encode("latin-1"), 2),
    "a NUL byte": (".yaml", b"- type: actor\n  id: a\x00b\n", None),
    "a C1 control": (".yaml", "- type: actor\n  id: a\x9fb\n".encode(), None),
    "a python tag": (".yaml", b"!!python/object/apply:os.system [echo pwned]\n", 1),
    "an unknown record type": (".yaml", b"- type: unicorn\n  id: u\n", None),
    "a group that is not a list": (".yaml", b"actor: {id: a}\n", None),
    "an unknown group": (".yaml", b"actors:\n  - {id: a}\n", None),
    "a list of numbers": (".json", b"[1, 2, 3]\n", None),
}


@st.composite
def broken_file(draw: st.DrawFn, sc: Scenario) -> Damage:
    """An extra file broken as a whole: text, bad encoding, bad syntax, an alias bomb..."""
    name = draw(st.sampled_from(sorted(BROKEN_FILES)))
    suffix, content, line = BROKEN_FILES[name]
    path = f"broken-{len(sc.extra_files)}{suffix}"
    sc.extra_files[path] = content
    damage = Damage(f"an extra file that is {name}", "error", file=path, read_level=True)
    if line is not None:
        damage.lines.add(line)
    return damage


@st.composite
def bad_bytes(draw: st.DrawFn, sc: Scenario, spec: FileSpec) -> Damage:
    """Bytes that are not UTF-8, put somewhere in a data file."""
    fraction = draw(st.floats(0, 1))
    extra = draw(
        st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80", b"\x80"])
    )
    spec.insert = (fraction, extra)
    damage = Damage(f"bytes {extra!r} inserted", "error", read_level=True, spec=spec)
    damage.affected_ids |= sc.ids_in(spec)
    damage.touched |= set(spec.records)
    sc.unreadable.add(spec.name)
    return damage


DamageMaker = Callable[[Scenario, int], st.SearchStrategy[Damage]]

RECORD_DAMAGES: dict[str, DamageMaker] = {
    "wrong_type": wrong_type,
    "dropped_required": dropped_required,
    "empty_text": empty_text,
    "unknown_key": unknown_key,
    "unknown_type": unknown_type,
    "not_a_record": not_a_record,
    "invalid_date": invalid_date,
    "bad_period": bad_period,
    "broken_reference": broken_reference,
    "duplicate_id": duplicate_id,
    "huge_text": huge_text,
    "huge_number": huge_number,
    "deep_nesting": deep_nesting,
    "yaml_tag": yaml_tag,
    "yaml_alias": yaml_alias,
    "duplicate_key": duplicate_key,
    "optional_written_out": optional_written_out,
    "empty_lists_written_out": empty_lists_written_out,
    "keys_reordered": keys_reordered,
    "year_as_number": year_as_number,
}

FILE_WIDE = frozenset(
    {"huge_text", "huge_number", "deep_nesting", "yaml_tag", "yaml_alias", "duplicate_key"}
)

APPLIES: dict[str, Callable[[Scenario, int], bool]] = {
    "invalid_date": lambda sc, i: isinstance(sc.records[i], lm.Source | lm.Fact),
    "bad_period": lambda sc, i: (
        isinstance(sc.records[i], lm.Fact) and not isinstance(sc.records[i], lm.Ruling)
    ),
    "broken_reference": lambda sc, i: any(True for _ in references(sc.records[i])),
    "huge_text": lambda sc, i: any(s.kind == "text" for s in slots(sc.records[i], sc.plains[i])),
    "yaml_tag": lambda sc, i: sc.file_of(i).fmt == "yaml",
    "yaml_alias": lambda sc, i: sc.file_of(i).fmt == "yaml",
}


@st.composite
def damaged(
    draw: st.DrawFn,
    kinds: Sequence[str],
    *,
    min_damages: int = 1,
    max_damages: int = 3,
    scenario: st.SearchStrategy[Scenario] | None = None,
) -> Scenario:
    """A scenario with ``min_damages`` to ``max_damages`` damages of the given kinds.

    Each damage hits a record no other damage touched; a damage that may make a
    whole file unreadable is the only one in its file.
    """
    sc = draw(scenario if scenario is not None else scenarios())
    for _ in range(draw(st.integers(min_damages, max_damages))):
        kind = draw(st.sampled_from(list(kinds)))
        applies = APPLIES.get(kind, lambda sc, i: True)
        busy, busy_files = sc.busy(), sc.busy_files()
        pool = [
            i
            for i in range(len(sc.records))
            if i not in busy
            and i not in sc.copies
            and sc.file_of(i).name not in sc.unreadable
            and applies(sc, i)
            and (kind not in FILE_WIDE or sc.file_of(i).name not in busy_files)
        ]
        facts = [i for i in pool if isinstance(sc.records[i], lm.Fact)]
        if facts and draw(st.booleans()):
            pool = facts  # facts have the nested fields: evidence, periods, participants
        if pool:
            index = draw(st.sampled_from(pool))
            sc.damages.append(draw(RECORD_DAMAGES[kind](sc, index)))
    return sc
