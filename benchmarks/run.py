"""Benchmarks for libyamodel against the alternatives a user would pick (docs/performance.md).

    python benchmarks/run.py [--sizes 10000 100000 1000000] [--workloads succession independent]
                             [--json] [--quick] [--profile]

For each size N and each workload (see synthetic.py) it generates a seeded
synthetic dataset of N facts, then measures in one process: building the
Dataset, point queries (libyamodel against a naive scan, a pandas mask, a
pandas IntervalIndex and DuckDB, every answer checked against the naive scan),
a batch of 1,000 dates (libyamodel against a DuckDB interval join) and memory;
then, once a size, loading N facts from JSON and from YAML (with the garbage
collector on and off). Import time is measured in fresh interpreters.

Results are medians over repeats, reported as ratios against baselines measured
in the same process: absolute times on a shared machine are noise, ratios much
less so. Progress and ``--profile`` output go to stderr; the report (or JSON
with ``--json``) goes to stdout.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime
import enum
import functools
import gc
import importlib.metadata
import io
import json
import os
import platform
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs
import duckdb
import numpy as np
import pandas as pd
import yaml
from engines import (
    DuckDB,
    Engine,
    LibyaModel,
    NaiveScan,
    PandasIntervals,
    PandasMask,
    Query,
    QueryKind,
    fact_ids,
    fact_table,
    history_sql,
    recipe,
)
from report import targets, text_report
from results import (
    BATCH_DAYS,
    NEVER_EAGER,
    Batch,
    Build,
    HistorySet,
    Imports,
    Load,
    LoadedMemory,
    Memory,
    QuerySet,
    SizeReport,
)
from synthetic import (
    WORKLOADS,
    Synthetic,
    control_claim_rows,
    generate,
    period_of,
    random_days,
)

import libyamodel as lm
from libyamodel.io import (
    DEFAULT_LIMITS,
    Limits,
    Origin,
    check_records,
    load_records,
    structure_record,
)
from libyamodel.model import RECORD_TYPES
from libyamodel.store import indexes_of

T = TypeVar("T")


DEFAULT_SIZES: Final = (10_000, 100_000, 1_000_000)


QUICK_SIZES: Final = (10_000, 100_000)


CERTAINTIES: Final = ("definite", "possible")


HEAVY_MODULES: Final = (*NEVER_EAGER, "numpy", "duckdb", "rapidfuzz")
"""Modules whose eager import by ``import libyamodel`` is reported."""


@dataclass(frozen=True)
class Settings:
    """How hard to try: repeats per measurement (cut short once over a time budget), queries
    per set, fresh interpreters for import time, and the largest files to load."""

    repeats: int
    budget: float
    queries: int
    import_runs: int
    largest_load: dict[str, int]

    def queries_at(self, size: int) -> int:
        """Queries per set: fewer at large sizes, where every naive scan is slow."""
        return max(10, min(self.queries, 20_000_000 // size))


FULL: Final = Settings(
    repeats=7,
    budget=10.0,
    queries=100,
    import_runs=15,
    largest_load={"json": 1_000_000, "yaml": 100_000},
)


QUICK: Final = Settings(
    repeats=3,
    budget=0.5,
    queries=20,
    import_runs=7,
    largest_load={"json": 100_000, "yaml": 10_000},
)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- measuring ----------------------------------------------------------------------------


def measure(
    runs: Mapping[str, Callable[[], object]], settings: Settings
) -> dict[str, tuple[float, Any]]:
    """Each run's median seconds and first result, over rounds that call every run once in
    turn (so that a slow spell on a shared machine hits each alike): up to
    ``settings.repeats`` rounds, fewer once they have taken ``settings.budget`` seconds."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    first: dict[str, object] = {}
    spent, rounds = 0.0, 0
    while rounds == 0 or (rounds < settings.repeats and spent < settings.budget):
        for name, run in runs.items():
            start = time.perf_counter()
            result = run()
            elapsed = time.perf_counter() - start
            times[name].append(elapsed)
            spent += elapsed
            first.setdefault(name, result)
            del result
        rounds += 1
    return {name: (statistics.median(times[name]), first[name]) for name in runs}


def measure_one(run: Callable[[], T], settings: Settings) -> tuple[float, T]:
    """One run's median seconds and first result."""
    seconds, result = measure({"run": run}, settings)["run"]
    return seconds, result


@contextmanager
def gc_disabled() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def profiled(label: str, run: Callable[[], object], top: int = 14) -> None:
    """Run once under cProfile and print the functions that took the most time to stderr."""
    profile = cProfile.Profile()
    profile.runcall(run)
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(top)
    body = text.getvalue()
    log(f"\n=== profile: {label}\n" + body[body.index("   ncalls") :])


# -- building and memory ------------------------------------------------------------------


def build_with_memory(size: int, workload: str) -> tuple[Synthetic, lm.Dataset, Memory]:
    """Generate the records and build the Dataset under tracemalloc, noting what each keeps
    (the index components are sized again after the queries)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        synthetic = generate(size, workload=workload)
        gc.collect()
        with_records = tracemalloc.get_traced_memory()[0]
        dataset = lm.Dataset.from_records(synthetic.records)
        gc.collect()
        with_dataset = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    components = index_bytes(dataset)
    memory = Memory(with_records - before, with_dataset - with_records, components, components)
    return synthetic, dataset, memory


def index_bytes(dataset: lm.Dataset) -> dict[str, int]:
    """Bytes of each component of the dataset's indexes (``indexes_of``): their containers and
    numbers, not the records they point to nor the id strings they share with the records."""
    seen: set[int] = set()
    index = indexes_of(dataset)
    return {
        component.name: _owned_bytes(getattr(index, component.name), seen)
        for component in attrs.fields(type(index))
    }


def _owned_bytes(root: object, seen: set[int]) -> int:
    total = 0
    stack = [root]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, lm.Record | str | type | enum.Enum):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        stack.extend(gc.get_referents(item))
    return total


def _check_without_gc(records: Sequence[lm.Record]) -> None:
    """The validation ``from_records`` does, with the garbage collector paused as it pauses it."""
    with gc_disabled():
        check_records([(record, Origin()) for record in records])


def _build_answer_indexes(records: Sequence[lm.Record]) -> float:
    """Seconds for a new dataset to build the answer index of every group, both certainties,
    as the first question on each group does: the cost the point-query medians leave out."""
    dataset = lm.Dataset.from_records(records)
    index = indexes_of(dataset)
    started = time.perf_counter()
    for spans in (*index.type_spans.values(), *index.field_spans.values()):
        spans.at(0, definite=True)
        spans.at(0, definite=False)
    return time.perf_counter() - started


def time_builds(
    synthetic: Synthetic, dataset: lm.Dataset, settings: Settings
) -> tuple[Build, list[Engine]]:
    """Time each structure's build; return the engines, all over the dataset's facts."""
    records = synthetic.records
    from_records, _ = measure_one(lambda: lm.Dataset.from_records(records), settings)
    validation, _ = measure_one(functools.partial(_check_without_gc, records), settings)
    answer_indexes, _ = measure_one(functools.partial(_build_answer_indexes, records), settings)
    frame_time, table = measure_one(lambda: fact_table(dataset.facts), settings)
    intervals_time, intervals = measure_one(lambda: PandasIntervals(table), settings)
    duck_time, duck = measure_one(lambda: DuckDB(table), settings)
    build = Build(from_records, validation, answer_indexes, frame_time, intervals_time, duck_time)
    engines: list[Engine] = [
        LibyaModel(dataset),
        NaiveScan(dataset.facts),
        PandasMask(table),
        intervals,
        duck,
    ]
    return build, engines


# -- point queries ------------------------------------------------------------------------


class Mismatch(AssertionError):
    """An engine's answer differs from the naive scan's."""


def make_queries(synthetic: Synthetic, count: int, seed: int) -> list[list[Query]]:
    """``count`` queries of each kind and certainty, on random days, places and offices."""
    rng = random.Random(seed)
    pools: dict[QueryKind, Sequence[str | None]] = {
        "controllers": synthetic.places,
        "claimants": [None],
        "holders": synthetic.offices,
    }
    return [
        [Query(kind, rng.choice(pool), day, certainty) for day in random_days(rng, count)]
        for kind, pool in pools.items()
        for certainty in CERTAINTIES
    ]


def _answer_all(engine: Engine, queries: Sequence[Query]) -> list[Any]:
    return [engine.answer(query) for query in queries]


def point_queries(
    engines: Sequence[Engine], queries: Sequence[Query], settings: Settings
) -> QuerySet:
    """Time every engine on the same queries and check each answer against the naive scan.

    Each engine but the naive scan (which keeps nothing) answers the queries once first,
    untimed: libyamodel builds a group's answer index on its first question, as pandas
    builds its interval tree; the Building table reports what that costs.
    """
    for engine in engines:
        if not isinstance(engine, NaiveScan):
            _answer_all(engine, queries)
    measured = measure(
        {engine.name: functools.partial(_answer_all, engine, queries) for engine in engines},
        settings,
    )
    seconds = {name: median / len(queries) for name, (median, _) in measured.items()}
    answers = {name: answer for name, (_, answer) in measured.items()}
    naive = answers["naive scan"]
    expected = [fact_ids(facts) for facts in naive]
    for engine in engines:
        for query, answer, wanted in zip(queries, answers[engine.name], expected, strict=True):
            got = engine.ids(answer)
            if got != wanted:
                raise Mismatch(
                    f"{engine.name} answered {query} with {len(got)} facts, the naive scan"
                    f" {len(wanted)}: missing {sorted(wanted - got)[:5]},"
                    f" extra {sorted(got - wanted)[:5]}"
                )
    library = answers["libyamodel"]
    copy, _ = measure_one(lambda: [tuple(answer) for answer in library], settings)
    found = sum(len(facts) for facts in naive)
    maybe = sum(
        fact.period.truth(query.day) is lm.Truth.MAYBE
        for query, facts in zip(queries, naive, strict=True)
        for fact in facts
    )
    first = queries[0]
    return QuerySet(
        kind=first.kind,
        certainty=first.certainty,
        queries=len(queries),
        mean_answer=found / len(queries),
        maybe_share=maybe / found if found else 0.0,
        seconds=seconds,
        copy=copy / len(queries),
    )


# -- a batch of dates ---------------------------------------------------------------------


def batch(dataset: lm.Dataset, naive: NaiveScan, settings: Settings, folder: Path) -> Batch:
    """Time ``claimants(day)`` for each day against the interval join docs/performance.md gives
    for DuckDB over ``ds.to_parquet``, and check they agree."""
    days = sorted(random_days(random.Random(len(dataset.facts)), BATCH_DAYS))
    path = folder / "facts.parquet"
    started = time.perf_counter()
    dataset.to_parquet(path)
    exported = time.perf_counter() - started
    connection = duckdb.connect()
    connection.execute(f"CREATE TABLE facts AS SELECT * FROM read_parquet('{path}')")
    connection.execute("CREATE TABLE days (day DATE)")
    connection.executemany("INSERT INTO days VALUES (?)", [(day,) for day in days])
    sql = recipe("batch")
    measured = measure(
        {
            "libyamodel": lambda: [dataset.claimants(day) for day in days],
            "duckdb join": lambda: connection.execute(sql).fetchall(),
        },
        settings,
    )
    (library_time, answers), (join_time, rows) = measured["libyamodel"], measured["duckdb join"]
    connection.close()
    path.unlink()
    joined: dict[datetime.date, set[str]] = {day: set() for day in days}
    for day, ident in rows:
        joined[day].add(ident)
    for day, answer in zip(days, answers, strict=True):
        if fact_ids(answer) != joined[day]:
            raise Mismatch(f"claimants({day}) and the DuckDB join disagree")
    for day, answer in list(zip(days, answers, strict=True))[:: BATCH_DAYS // 3]:
        if fact_ids(answer) != fact_ids(naive.answer(Query("claimants", None, day, "definite"))):
            raise Mismatch(f"claimants({day}) and the naive scan disagree")
    return Batch(len(days), len(rows), library_time, join_time, exported)


# -- histories ----------------------------------------------------------------------------


HISTORY_SPAN: Final = (datetime.date(2011, 1, 1), datetime.date(2025, 12, 31))
"""The days a history covers: every day from 2011 to 2025."""
HISTORY_PLACES: Final = 5
"""Places whose histories each engine finds, per certainty."""

Stretches = list[tuple[int, int, frozenset[str]]]
"""A history as first and last day numbers and the ids in force, for comparing engines."""


def _library_history(dataset: lm.Dataset, place: str, certainty: Any) -> lm.History[Any]:
    return dataset.history("controllers", place, between=HISTORY_SPAN, certainty=certainty)


def _per_day_history(dataset: lm.Dataset, place: str, certainty: Any) -> list[list[Any]]:
    """One point query a day, consecutive days with the same answer joined."""
    first, last = (day.toordinal() for day in HISTORY_SPAN)
    found: list[list[Any]] = []
    for number in range(first, last + 1):
        answer = dataset.controllers(place, datetime.date.fromordinal(number), certainty=certainty)
        if found and found[-1][2] == answer:
            found[-1][1] = number
        else:
            found.append([number, number, answer])
    return found


def _duckdb_history(duck: DuckDB, place: str, certainty: Any) -> list[Any]:
    first, last = (day.toordinal() for day in HISTORY_SPAN)
    return duck.connection.execute(
        history_sql(certainty), {"key": place, "first": first, "last": last}
    ).fetchall()


def _stretches(name: str, answer: Any, ids: Any) -> Stretches:
    """An engine's history (in its natural output) as comparable stretches."""
    if name == "libyamodel":
        return [(s.first.toordinal(), s.last.toordinal(), fact_ids(s.facts)) for s in answer]
    if name == "per-day loop":
        return [(lo, hi, fact_ids(facts)) for lo, hi, facts in answer]
    return [(lo, hi, frozenset(ids[pos] for pos in (found or ()))) for lo, hi, found in answer]


def _naive_history_check(dataset: lm.Dataset, place: str, certainty: str, got: Stretches) -> None:
    """Each stretch's first and last day against a scan of the place's facts with
    ``period.truth``: the naive answer."""
    facts = [f for f in dataset.facts if isinstance(f, lm.ControlClaim) and f.place == place]
    accepted = {lm.Truth.YES} if certainty == "definite" else {lm.Truth.YES, lm.Truth.MAYBE}
    for lo, hi, ids in got:
        for number in (lo, hi):
            day = datetime.date.fromordinal(number)
            if fact_ids(f for f in facts if f.period.truth(day) in accepted) != ids:
                raise Mismatch(f"the history of {place} and the naive scan disagree on {day}")


def histories(
    dataset: lm.Dataset, synthetic: Synthetic, duck: DuckDB, settings: Settings
) -> list[HistorySet]:
    """Each certainty's histories of a few places over 2011-2025, found by libyamodel, by a
    point query a day, and by DuckDB over change points, each timed to its natural output
    (as point queries are); every answer checked against the others and a naive scan."""
    places = random.Random(len(dataset.facts)).sample(list(synthetic.places), HISTORY_PLACES)
    ids = duck.connection.execute("SELECT id FROM facts ORDER BY pos").fetchnumpy()["id"]
    # Every round, so that one slow spell on a shared machine does not make a median.
    settings = dataclasses.replace(settings, budget=max(settings.budget, 5.0))
    found = []
    for certainty in CERTAINTIES:
        runs: dict[str, Callable[[str], Any]] = {
            "libyamodel": functools.partial(_library_history, dataset, certainty=certainty),
            "per-day loop": functools.partial(_per_day_history, dataset, certainty=certainty),
            "duckdb window": functools.partial(_duckdb_history, duck, certainty=certainty),
        }
        measured = measure(
            {
                name: functools.partial(lambda run: [run(place) for place in places], run)
                for name, run in runs.items()
            },
            settings,
        )
        answers = {
            name: [_stretches(name, answer, ids) for answer in result]
            for name, (_, result) in measured.items()
        }
        mine = answers["libyamodel"]
        for name, theirs in answers.items():
            for place, ours, other in zip(places, mine, theirs, strict=True):
                if ours != other:
                    raise Mismatch(f"{name} and libyamodel disagree on the history of {place}")
        for place, ours in zip(places, mine, strict=True):
            _naive_history_check(dataset, place, certainty, ours)
        stretches = [stretch for history in mine for stretch in history]
        found.append(
            HistorySet(
                certainty=certainty,
                places=len(places),
                first=str(HISTORY_SPAN[0]),
                last=str(HISTORY_SPAN[1]),
                mean_stretches=len(stretches) / len(places),
                mean_facts=sum(len(ids) for _, _, ids in stretches) / len(stretches),
                seconds={name: seconds / len(places) for name, (seconds, _) in measured.items()},
            )
        )
    return found


# -- loading ------------------------------------------------------------------------------


def _write(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as file:
        if path.suffix == ".json":
            json.dump(rows, file)
        else:
            yaml.dump(rows, file, Dumper=yaml.CSafeDumper, sort_keys=False)


def _load(path: Path) -> lm.Dataset:
    """``lm.load`` of one file, its size limit raised to fit (the default is 64 MiB)."""
    size = max(path.stat().st_size, DEFAULT_LIMITS.max_file_bytes)
    return lm.load(path, bundled=False, limits=Limits(max_file_bytes=size))


def _load_without_gc(path: Path) -> lm.Dataset:
    with gc_disabled():
        return _load(path)


def _constructed(row: dict[str, Any]) -> lm.Record:
    """A record of a generated row, made by calling the model's classes directly (the few
    entity rows go through the loader's converter)."""
    fields = {key: value for key, value in row.items() if key != "type"}
    if row["type"] != "control_claim":
        return structure_record(fields, RECORD_TYPES[row["type"]])
    fields["period"] = period_of(fields["period"])
    fields["evidence"] = tuple(lm.Evidence(**item) for item in fields["evidence"])
    return lm.ControlClaim(**fields)


def load_steps(path: Path) -> dict[str, float]:
    """Seconds for each step of loading a JSON file (see ``LOAD_STEPS``), the collector
    paused as ``lm.load`` pauses it."""
    limits = Limits(max_file_bytes=max(path.stat().st_size, DEFAULT_LIMITS.max_file_bytes))
    steps: dict[str, float] = {}

    @contextmanager
    def step(name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        steps[name] = time.perf_counter() - start

    text = path.read_text(encoding="utf-8")
    with gc_disabled():
        with step("json.loads alone"):
            rows = json.loads(text)
        with step("constructors alone"):
            constructed = [_constructed(row) for row in rows]
        del rows, constructed, text
        with step("read and structure"):
            loaded = load_records([path], limits=limits)
        with step("ids and references"):
            check_records(loaded)
        steps["read and structure"] -= steps["ids and references"]
        records = [record for record, _ in loaded]
        del loaded
        with step("Dataset"):
            dataset = lm.Dataset(records, _checked=True)
        del dataset, records
    gc.collect()
    return steps


def _ask(dataset: lm.Dataset, size: int) -> None:
    """The controllers of every place on a few days, both certainties: the first questions
    that build the answer indexes a loaded dataset then keeps."""
    places = [entity.id for entity in dataset.entities if isinstance(entity, lm.Place)]
    for day in random_days(random.Random(size), 3):
        for place in places:
            for certainty in CERTAINTIES:
                dataset.controllers(place, day, certainty=certainty)


def loaded_memory(path: Path, size: int) -> LoadedMemory:
    """What a dataset loaded from ``path`` keeps, index included (tracemalloc, before and
    after ``_ask``), and what the same facts take in pandas and in DuckDB."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        dataset = _load(path)
        gc.collect()
        loaded = tracemalloc.get_traced_memory()[0] - before
        _ask(dataset, size)
        gc.collect()
        asked = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    table = fact_table(dataset.facts)
    in_pandas = int(table.memory_usage(deep=True).sum())
    duck = DuckDB(table)
    del table
    (in_duckdb,) = duck.connection.execute(
        "SELECT sum(memory_usage_bytes) FROM duckdb_memory()"
    ).fetchone() or (0,)
    duck.connection.close()
    return LoadedMemory(size, loaded, asked, in_pandas, int(in_duckdb))


def loading(size: int, folder: Path, settings: Settings, profile: bool) -> list[Load]:
    """Write ``size`` control claims as JSON and as YAML (up to the largest file the
    settings allow for each) and time loading each."""
    suffixes = [suffix for suffix, largest in settings.largest_load.items() if size <= largest]
    rows = control_claim_rows(size) if suffixes else []
    results = []
    for suffix in suffixes:
        log(f"[{size:,} facts] loading {suffix}")
        path = folder / f"claims-{size}.{suffix}"
        _write(rows, path)
        gc.collect()
        measured = measure(
            {
                "gc": functools.partial(_load, path),
                "no gc": functools.partial(_load_without_gc, path),
            },
            settings,
        )
        (with_gc, dataset), (without_gc, _) = measured["gc"], measured["no gc"]
        if len(dataset.facts) != size:
            raise Mismatch(f"{path} loaded {len(dataset.facts)} facts, not {size}")
        del dataset, measured
        if profile:
            profiled(f"lm.load {suffix}, {size:,} facts", functools.partial(_load, path))
        steps = load_steps(path) if suffix == "json" else {}
        memory = loaded_memory(path, size) if suffix == "json" else None
        fresh = fresh_load(path, settings.repeats) if suffix == "json" else None
        megabytes = path.stat().st_size / 1e6
        results.append(Load(suffix, size, megabytes, with_gc, without_gc, steps, memory, fresh))
        path.unlink()
    return results


_FRESH_LOAD = (
    "import sys, time; from pathlib import Path; import libyamodel as lm;"
    " from libyamodel.io import DEFAULT_LIMITS, Limits; path = Path(sys.argv[1]);"
    " limits = Limits(max_file_bytes=max(path.stat().st_size, DEFAULT_LIMITS.max_file_bytes));"
    " start = time.perf_counter(); lm.load(path, bundled=False, limits=limits);"
    " print(time.perf_counter() - start)"
)


def fresh_load(path: Path, runs: int) -> float:
    """Median seconds of ``lm.load(path)`` as the first work of a new interpreter, so that
    nothing the benchmark made before weighs on the allocator (its start and import not
    counted)."""
    seconds = [
        float(_python(["-c", _FRESH_LOAD, str(path)], os.environ).stdout) for _ in range(runs)
    ]
    return statistics.median(seconds)


# -- import time --------------------------------------------------------------------------


_IMPORT = (
    "import sys, time; start = time.perf_counter(); import {}; "
    "print(time.perf_counter() - start); print(*(m for m in {!r} if m in sys.modules))"
)


@contextmanager
def cached_bytecode() -> Iterator[dict[str, str]]:
    """An environment in which Python caches bytecode under a temporary prefix, as an
    installed package's is cached, even where PYTHONDONTWRITEBYTECODE is set, and without
    writing into the source tree."""
    with tempfile.TemporaryDirectory(prefix="libyamodel-bytecode-") as prefix:
        env = {
            name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"
        }
        yield {**env, "PYTHONPYCACHEPREFIX": prefix}


def _python(arguments: Sequence[str], env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *arguments], capture_output=True, text=True, check=True, env=env
    )


def _import_once(modules: str, env: Mapping[str, str]) -> tuple[float, list[str]]:
    output = _python(["-c", _IMPORT.format(modules, HEAVY_MODULES)], env).stdout.splitlines()
    return float(output[0]), output[1].split() if len(output) > 1 else []


def import_times(runs: int, env: Mapping[str, str]) -> Imports:
    """Interleaved runs of each import, after one warm-up each that caches their bytecode."""
    library, dependencies = "libyamodel", "attrs, cattrs, pendulum"
    _import_once(library, env)
    _import_once(dependencies, env)
    library_times, dependency_times = [], []
    heavy: list[str] = []
    for _ in range(runs):
        seconds, heavy = _import_once(library, env)
        library_times.append(seconds)
        dependency_times.append(_import_once(dependencies, env)[0])
    return Imports(
        runs, statistics.median(library_times), statistics.median(dependency_times), heavy
    )


def import_profile(env: Mapping[str, str], top: int = 12) -> None:
    """The modules that take longest to import (self time), from ``python -X importtime``."""
    rows = []
    for line in _python(["-X", "importtime", "-c", "import libyamodel"], env).stderr.splitlines()[
        1:
    ]:
        own, cumulative, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
        rows.append((int(own), int(cumulative), name))
    rows.sort(reverse=True)
    lines = [
        f"{own / 1000:8.1f} ms self {cumulative / 1000:8.1f} ms total  {name}"
        for own, cumulative, name in rows[:top]
    ]
    log("\n=== profile: import libyamodel (python -X importtime)\n" + "\n".join(lines))


# -- one size -----------------------------------------------------------------------------


def dataset_benchmarks(
    size: int, workload: str, settings: Settings, folder: Path, profile: bool
) -> tuple[Build, Memory, list[QuerySet], Batch, list[HistorySet]]:
    """Everything measured on one synthetic dataset, which is freed on return."""
    log(f"[{size:,} facts, {workload}] generating and building under tracemalloc")
    synthetic, dataset, memory = build_with_memory(size, workload)
    log(f"[{size:,} facts] timing builds")
    build, engines = time_builds(synthetic, dataset, settings)
    library, naive, duck = engines[0], engines[1], engines[-1]
    assert isinstance(naive, NaiveScan)
    assert isinstance(duck, DuckDB)
    query_sets = make_queries(synthetic, settings.queries_at(size), seed=size)
    results = []
    for queries in query_sets:
        label = f"{queries[0].kind} ({queries[0].certainty}) x{len(queries)}, {size:,} facts"
        log(f"[{size:,} facts] {label}")
        results.append(point_queries(engines, queries, settings))
        if profile:
            profiled(label, functools.partial(_answer_all, library, queries))
    log(f"[{size:,} facts] batch of {BATCH_DAYS:,} days")
    batched = batch(dataset, naive, settings, folder)
    log(f"[{size:,} facts] histories of {HISTORY_PLACES} places, 2011-2025")
    histories_found = histories(dataset, synthetic, duck, settings)
    if profile:
        place = synthetic.places[0]
        profiled(
            f"history of {place}, {size:,} facts",
            functools.partial(_library_history, dataset, place, "definite"),
        )
    if profile:
        profiled(
            f"Dataset.from_records, {size:,} facts",
            functools.partial(lm.Dataset.from_records, synthetic.records),
        )
    memory = dataclasses.replace(memory, components_after_queries=index_bytes(dataset))
    return build, memory, results, batched, histories_found


def run_size(
    size: int, workload: str, settings: Settings, folder: Path, *, profile: bool, load: bool
) -> SizeReport:
    build, memory, queries, batched, found = dataset_benchmarks(
        size, workload, settings, folder, profile
    )
    gc.collect()
    loads = loading(size, folder, settings, profile) if load else []
    return SizeReport(workload, size, build, memory, queries, batched, loads, found)


def environment() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": str(os.cpu_count()),
        "libyamodel": lm.__version__,
        "pandas": pd.__version__,
        "duckdb": duckdb.__version__,
        "numpy": np.__version__,
        "pyyaml": yaml.__version__,
        "msgspec": _version_of("msgspec"),
    }


def _version_of(package: str) -> str:
    """An installed package's version, or "not installed" (msgspec: the ``fast`` extra)."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", help="numbers of facts (default 10^4..10^6)"
    )
    parser.add_argument(
        "--workloads",
        nargs="+",
        choices=WORKLOADS,
        default=list(WORKLOADS),
        help="synthetic workloads to query (default: both)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--quick", action="store_true", help="10^4 and 10^5 facts, fewer repeats")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile libyamodel's paths (stderr)"
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    sizes = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    started = time.perf_counter()
    reports: list[SizeReport] = []
    with tempfile.TemporaryDirectory(prefix="libyamodel-bench-") as folder:
        for size in sizes:
            for number, workload in enumerate(args.workloads):
                load = number == 0
                report = run_size(
                    size, workload, settings, Path(folder), profile=args.profile, load=load
                )
                reports.append(report)
    log("import time")
    with cached_bytecode() as env:
        imports = import_times(settings.import_runs, env)
        if args.profile:
            import_profile(env)
    found = targets(reports, imports)
    if args.json:
        output = {
            "environment": environment(),
            "settings": asdict(settings),
            "reports": [asdict(report) for report in reports],
            "imports": asdict(imports),
            "targets": [asdict(target) for target in found],
            "seconds": time.perf_counter() - started,
        }
        print(json.dumps(output, indent=2))
    else:
        env = environment()
        elapsed = time.perf_counter() - started
        print(
            f"libyamodel {env['libyamodel']} benchmarks ({elapsed:.0f} s): Python {env['python']},"
            f" {env['cpus']} CPUs, pandas {env['pandas']}, duckdb {env['duckdb']},"
            f" msgspec {env['msgspec']}\n"
        )
        print(text_report(reports, imports, found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
