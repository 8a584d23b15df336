"""What the benchmarks measure, as plain records: one size's results and import times."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

__all__ = [
    "BASELINES",
    "BATCH_DAYS",
    "HISTORY_ENGINES",
    "LOAD_STEPS",
    "NEVER_EAGER",
    "Batch",
    "Build",
    "HistorySet",
    "Imports",
    "Load",
    "LoadedMemory",
    "Memory",
    "QuerySet",
    "SizeReport",
]

BATCH_DAYS: Final = 1_000
"""How many days the batch asks about."""
BASELINES: Final = ("naive scan", "pandas mask", "pandas IntervalIndex", "duckdb")
"""The alternatives libyamodel is compared with, in report order (engine names)."""
LOAD_STEPS: Final = {
    "json.loads alone": "the standard library's parse, with no checks",
    "constructors alone": "the model's classes called on the parsed rows, with no other checks",
    "read and structure": "lm.io.load_records, less check_records: parse, nesting, records",
    "ids and references": "check_records on the loaded records",
    "Dataset": "building the Dataset from checked records",
}
"""The steps of a JSON load timed one by one; the first two are what the others rest on."""
HISTORY_ENGINES: Final = ("libyamodel", "per-day loop", "duckdb window")
"""How a place's history is found: the sweep, a point query a day, DuckDB over change points."""
NEVER_EAGER: Final = ("pandas", "matplotlib", "hypothesis")
"""Modules ``import libyamodel`` must not import."""


@dataclass(frozen=True)
class Memory:
    """Bytes the records keep, the Dataset keeps over them, and its index components hold,
    once built and again after the queries (whose first questions build answer indexes)."""

    records: int
    dataset: int
    components: dict[str, int]
    components_after_queries: dict[str, int]
    dataset_after_queries: int = field(init=False)
    dataset_to_records: float = field(init=False)

    def __post_init__(self) -> None:
        grown = sum(self.components_after_queries.values()) - sum(self.components.values())
        object.__setattr__(self, "dataset_after_queries", self.dataset + grown)
        object.__setattr__(self, "dataset_to_records", self.dataset_after_queries / self.records)


@dataclass(frozen=True)
class Build:
    """Seconds to build each engine's structures from the same facts."""

    from_records: float
    validation: float
    answer_indexes: float
    data_frame: float
    interval_index: float
    duckdb_table: float


@dataclass(frozen=True)
class QuerySet:
    """A set of point queries of one kind and certainty: answer sizes and seconds per query."""

    kind: str
    certainty: str
    queries: int
    mean_answer: float
    maybe_share: float
    seconds: dict[str, float]
    copy: float = 0.0
    """Seconds to make one tuple of each of libyamodel's answers (``tuple(answer)``): what an
    answer of many facts may cost at most."""
    speedups: dict[str, float] = field(init=False)
    """How many times faster libyamodel is than each baseline."""
    to_copy: float = field(init=False)
    """libyamodel's time per query over the time to copy its answer once."""

    def __post_init__(self) -> None:
        mine = self.seconds["libyamodel"]
        speedups = {baseline: self.seconds[baseline] / mine for baseline in BASELINES}
        object.__setattr__(self, "speedups", speedups)
        object.__setattr__(self, "to_copy", mine / self.copy if self.copy else float("inf"))


@dataclass(frozen=True)
class Batch:
    """Claims certainly in force on each of many days: libyamodel's loop against the SQL join
    users are given, run in DuckDB over ``ds.to_parquet``."""

    days: int
    rows: int
    libyamodel: float
    duckdb_join: float
    parquet_export: float
    speedup: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "speedup", self.duckdb_join / self.libyamodel)


@dataclass(frozen=True)
class LoadedMemory:
    """Bytes a dataset loaded from a JSON file keeps (tracemalloc, index included), before and
    after a set of queries, beside the same facts' table in pandas (``memory_usage(deep=True)``)
    and in DuckDB (``duckdb_memory()``)."""

    facts: int
    libyamodel: int
    after_queries: int
    pandas: int
    duckdb: int

    def per_fact(self, name: str) -> float:
        """Bytes per fact of one of the measurements (a field name)."""
        value: int = getattr(self, name)
        return value / self.facts


@dataclass(frozen=True)
class HistorySet:
    """The histories of some places' controllers over every day from ``first`` to ``last``:
    stretches and facts per history, and seconds per history for each engine."""

    certainty: str
    places: int
    first: str
    last: str
    mean_stretches: float
    mean_facts: float
    """Facts per stretch, over all stretches."""
    seconds: dict[str, float]
    speedups: dict[str, float] = field(init=False)
    """How many times faster libyamodel's history is than each other engine."""

    def __post_init__(self) -> None:
        mine = self.seconds["libyamodel"]
        speedups = {name: self.seconds[name] / mine for name in HISTORY_ENGINES[1:]}
        object.__setattr__(self, "speedups", speedups)


@dataclass(frozen=True)
class Load:
    """Loading one file of control claims with ``lm.load``, the garbage collector on and off."""

    format: str
    records: int
    megabytes: float
    seconds: float
    seconds_without_gc: float
    steps: dict[str, float] = field(default_factory=dict)
    """For JSON: seconds for each step of a load, and for what the steps rest on (see
    ``LOAD_STEPS``), measured once with the garbage collector paused."""
    memory: LoadedMemory | None = None
    """For JSON: what the loaded dataset keeps."""
    fresh_seconds: float | None = None
    """For JSON: median seconds of the same load as the first thing a new interpreter does,
    with nothing the benchmark made before in its memory."""
    per_second: float = field(init=False)
    gc_share: float = field(init=False)
    """The part of the load time the garbage collector takes."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "per_second", self.records / self.seconds)
        object.__setattr__(self, "gc_share", max(0.0, 1 - self.seconds_without_gc / self.seconds))

    @property
    def fresh_per_second(self) -> float | None:
        """Records a second loaded by a new interpreter, where measured."""
        return None if self.fresh_seconds is None else self.records / self.fresh_seconds


@dataclass(frozen=True)
class Imports:
    """Median seconds to import libyamodel, and attrs, cattrs and pendulum, in new processes."""

    runs: int
    libyamodel: float
    dependencies: float
    heavy_imported: list[str]
    ratio: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ratio", self.libyamodel / self.dependencies)


@dataclass(frozen=True)
class SizeReport:
    """Everything measured on datasets of one size and workload (loads: measured once a size)."""

    workload: str
    size: int
    build: Build
    memory: Memory
    queries: list[QuerySet]
    batch: Batch
    loads: list[Load]
    histories: list[HistorySet] = field(default_factory=list)
