"""The benchmark report: text tables, and the targets of docs/performance.md checked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from results import (
    BASELINES,
    BATCH_DAYS,
    HISTORY_ENGINES,
    LOAD_STEPS,
    NEVER_EAGER,
    Imports,
    Load,
    SizeReport,
)

__all__ = ["Target", "table", "targets", "text_report"]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Rows under headers, the first column left-aligned and the others right-aligned."""
    cells = [list(headers), *([str(cell) for cell in row] for row in rows)]
    widths = [max(len(row[column]) for row in cells) for column in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        )

    return "\n".join(
        [line(cells[0]), line(["-" * width for width in widths]), *map(line, cells[1:])]
    )


def _listed(names: Sequence[str]) -> str:
    return ", ".join(names) or "none"


def _times(value: float) -> str:
    """A ratio, to two significant figures below 10."""
    return f"{value:.2g}x" if value < 10 else f"{value:,.0f}x"


@dataclass(frozen=True)
class Target:
    """One performance target: what was measured, and whether it holds (None: not measured)."""

    name: str
    measured: str
    met: bool | None


def _at(reports: Sequence[SizeReport], workload: str, size: int) -> SizeReport | None:
    return next((r for r in reports if r.workload == workload and r.size == size), None)


LARGE_ANSWER: Final = 1_000
"""Answers of more facts than this need only cost what copying them once costs."""


def _query_target(
    reports: Sequence[SizeReport],
    workload: str,
    size: int,
    baseline: str,
    at_least: float,
    *,
    up_to: int | None = None,
) -> Target:
    answers = f" for answers of up to {up_to:,} facts" if up_to is not None else ""
    name = (
        f"{workload}: point queries at {size:,} facts >= {at_least:g}x faster than"
        f" {baseline}{answers}"
    )
    report = _at(reports, workload, size)
    if report is None:
        return Target(name, f"not measured (add {size} to --sizes)", None)
    sets = [s for s in report.queries if up_to is None or s.mean_answer <= up_to]
    if not sets:
        return Target(name, f"not measured (no answers of up to {up_to:,} facts)", None)
    measured = ", ".join(f"{s.kind} {s.certainty} {_times(s.speedups[baseline])}" for s in sets)
    return Target(name, measured, all(s.speedups[baseline] >= at_least for s in sets))


def _copy_target(reports: Sequence[SizeReport], workload: str) -> Target:
    name = (
        f"{workload}: an answer of over {LARGE_ANSWER:,} facts costs at most one"
        " tuple(answer) (query time / copy time <= 1)"
    )
    sets = [
        (report.size, s)
        for report in reports
        if report.workload == workload
        for s in report.queries
    ]
    if not sets:
        return Target(name, "not measured (add the workload to --workloads)", None)
    large = [(size, s) for size, s in sets if s.mean_answer > LARGE_ANSWER]
    if not large:
        size, s = max(sets, key=lambda pair: pair[1].mean_answer)
        return Target(
            name,
            f"not measured (no answers of over {LARGE_ANSWER:,} facts at these sizes; the"
            f" largest, {s.kind} {s.certainty} at {size:,}: {s.mean_answer:,.0f} facts,"
            f" {s.to_copy:.2f}x a copy)",
            None,
        )
    measured = ", ".join(
        f"{s.kind} {s.certainty} at {size:,} ({s.mean_answer:,.0f} facts): {s.to_copy:.2f}"
        for size, s in large
    )
    return Target(name, measured, all(s.to_copy <= 1 for _, s in large))


def _load_target(loads: Sequence[Load]) -> Target:
    name = "JSON load of 100,000 control claims >= 70,000 records/s"
    measured = [load for load in loads if load.format == "json" and load.records == 100_000]
    if not measured:
        return Target(name, "not measured (add 100000 to --sizes)", None)
    return Target(
        name,
        ", ".join(
            f"{load.per_second:,.0f}/s"
            + (
                ""
                if load.fresh_per_second is None
                else f" (as a new interpreter's first work: {load.fresh_per_second:,.0f}/s)"
            )
            for load in measured
        ),
        all(load.per_second >= 70_000 for load in measured),
    )


def _memory_target(loads: Sequence[Load]) -> Target:
    name = (
        "memory <= 1,000 bytes per fact loaded from JSON at 1,000,000 facts,"
        " index included (after queries)"
    )
    measured = [
        load.memory for load in loads if load.memory is not None and load.records == 1_000_000
    ]
    if not measured:
        return Target(name, "not measured (add 1000000 to --sizes)", None)
    return Target(
        name,
        ", ".join(
            f"{m.per_fact('after_queries'):,.0f} B/fact ({m.per_fact('libyamodel'):,.0f} before"
            f" the queries; pandas {m.per_fact('pandas'):,.0f}, duckdb"
            f" {m.per_fact('duckdb'):,.0f})"
            for m in measured
        ),
        all(m.per_fact("after_queries") <= 1_000 for m in measured),
    )


def _history_target(report: SizeReport | None, workload: str) -> Target:
    name = (
        f"{workload}: history of one place over 2011-2025 at 1,000,000 facts"
        " >= 10x faster than DuckDB's window over change points"
    )
    if report is None or not report.histories:
        return Target(name, "not measured (add 1000000 to --sizes)", None)
    sets = report.histories
    measured = ", ".join(f"{s.certainty} {_times(s.speedups['duckdb window'])}" for s in sets)
    return Target(name, measured, all(s.speedups["duckdb window"] >= 10 for s in sets))


def targets(reports: Sequence[SizeReport], imports: Imports) -> list[Target]:
    """Issue 20's targets, checked against this run: those of the succession workload (what
    users do), the naive-scan one of the independent workload (a stress test), loading,
    memory and import time."""
    workloads = dict.fromkeys(report.workload for report in reports)
    found = []
    if "succession" in workloads:
        found += [
            _query_target(reports, "succession", 100_000, "naive scan", 50),
            _query_target(reports, "succession", 100_000, "pandas mask", 10),
            _query_target(reports, "succession", 1_000_000, "duckdb", 35, up_to=LARGE_ANSWER),
            _copy_target(reports, "succession"),
        ]
        found.append(_history_target(_at(reports, "succession", 1_000_000), "succession"))
    if "independent" in workloads:
        found.append(_query_target(reports, "independent", 100_000, "naive scan", 50))
    loads = [load for report in reports for load in report.loads]
    found += [
        _load_target(loads),
        _memory_target(loads),
        Target(
            "import libyamodel <= 1.5x attrs + cattrs + pendulum, no pandas/matplotlib/hypothesis",
            f"{imports.ratio:.2f}x; eagerly imported: {_listed(imports.heavy_imported)}",
            imports.ratio <= 1.5 and not set(imports.heavy_imported) & set(NEVER_EAGER),
        ),
    ]
    return found


_LOAD_STEPS_TAKEN: Final = ("read and structure", "ids and references", "Dataset")


def _load_total(load: Load) -> float:
    """The seconds of the steps a load takes, less what the reference points measure."""
    return sum(load.steps[name] for name in _LOAD_STEPS_TAKEN)


def text_report(reports: Sequence[SizeReport], imports: Imports, found: list[Target]) -> str:
    per_query = table(
        [
            "workload",
            "facts",
            "query",
            "certainty",
            "answers",
            "MAYBE",
            "libyamodel",
            *(f"vs {b}" for b in BASELINES),
            "/ tuple(answer)",
        ],
        [
            [
                report.workload,
                f"{report.size:,}",
                s.kind,
                s.certainty,
                f"{s.mean_answer:,.1f}",
                f"{s.maybe_share:.0%}",
                f"{s.seconds['libyamodel'] * 1e6:,.0f} us",
                *(_times(s.speedups[baseline]) for baseline in BASELINES),
                f"{s.to_copy:.2f}",
            ]
            for report in reports
            for s in report.queries
        ],
    )
    batches = table(
        [
            "workload",
            "facts",
            "days",
            "rows",
            "libyamodel",
            "duckdb join",
            "duckdb / libyamodel",
            "to_parquet",
        ],
        [
            [
                report.workload,
                f"{report.size:,}",
                f"{report.batch.days:,}",
                f"{report.batch.rows:,}",
                f"{report.batch.libyamodel:.3f} s",
                f"{report.batch.duckdb_join:.3f} s",
                _times(report.batch.speedup),
                f"{report.batch.parquet_export:.1f} s",
            ]
            for report in reports
        ],
    )
    histories = table(
        [
            "workload",
            "facts",
            "certainty",
            "stretches",
            "facts/stretch",
            "libyamodel",
            *(f"vs {name}" for name in HISTORY_ENGINES[1:]),
        ],
        [
            [
                report.workload,
                f"{report.size:,}",
                s.certainty,
                f"{s.mean_stretches:,.1f}",
                f"{s.mean_facts:.2f}",
                f"{s.seconds['libyamodel'] * 1e3:,.2f} ms",
                *(_times(s.speedups[name]) for name in HISTORY_ENGINES[1:]),
            ]
            for report in reports
            for s in report.histories
        ],
    )
    builds = table(
        [
            "workload",
            "facts",
            "from_records",
            "us/fact",
            "validation alone",
            "answer indexes",
            "DataFrame",
            "IntervalIndex",
            "DuckDB table",
        ],
        [
            [
                report.workload,
                f"{report.size:,}",
                f"{report.build.from_records:.2f} s",
                f"{report.build.from_records / report.size * 1e6:.1f}",
                f"{report.build.validation:.2f} s",
                f"{report.build.answer_indexes:.2f} s",
                f"{report.build.data_frame:.2f} s",
                f"{report.build.interval_index:.2f} s",
                f"{report.build.duckdb_table:.2f} s",
            ]
            for report in reports
        ],
    )
    loads = table(
        [
            "facts",
            "format",
            "file",
            "lm.load",
            "records/s",
            "without gc",
            "gc share",
            "new interpreter, records/s",
        ],
        [
            [
                f"{load.records:,}",
                load.format,
                f"{load.megabytes:.1f} MB",
                f"{load.seconds:.2f} s",
                f"{load.per_second:,.0f}",
                f"{load.seconds_without_gc:.2f} s",
                f"{load.gc_share:.0%}",
                "-" if load.fresh_per_second is None else f"{load.fresh_per_second:,.0f}",
            ]
            for report in reports
            for load in report.loads
        ],
    )
    stepped = [load for report in reports for load in report.loads if load.steps]
    steps = table(
        ["facts", *LOAD_STEPS, "the three steps", "records/s"],
        [
            [
                f"{load.records:,}",
                *(f"{load.steps[name] / load.records * 1e6:.1f}" for name in LOAD_STEPS),
                f"{_load_total(load) / load.records * 1e6:.1f}",
                f"{load.records / _load_total(load):,.0f}",
            ]
            for load in stepped
        ],
    )
    memory = table(
        [
            "workload",
            "facts",
            "records B/fact",
            "Dataset B/fact",
            "after queries",
            "Dataset/records",
            "index components after queries, B/fact",
        ],
        [
            [
                report.workload,
                f"{report.size:,}",
                f"{report.memory.records / report.size:,.0f}",
                f"{report.memory.dataset / report.size:,.0f}",
                f"{report.memory.dataset_after_queries / report.size:,.0f}",
                f"{report.memory.dataset_to_records:.2f}",
                " ".join(
                    f"{name}={value / report.size:.0f}"
                    for name, value in report.memory.components_after_queries.items()
                ),
            ]
            for report in reports
        ],
    )
    loaded = table(
        ["facts", "libyamodel", "after queries", "pandas", "duckdb"],
        [
            [
                f"{m.facts:,}",
                *(
                    f"{m.per_fact(name):,.0f}"
                    for name in ("libyamodel", "after_queries", "pandas", "duckdb")
                ),
            ]
            for report in reports
            for load in report.loads
            if (m := load.memory) is not None
        ],
    )
    marks = {True: "MET    ", False: "MISSED ", None: "-      "}
    return "\n\n".join(
        [
            "Point queries: libyamodel's median time per query, and how many times faster it is"
            " than each alternative (below 1x: slower)\n" + per_query,
            f"Batch: claimants(day) for {BATCH_DAYS:,} days against the SQL interval join of"
            " docs/performance.md, in DuckDB over ds.to_parquet (written once, timed apart)\n"
            + batches,
            "Histories: controllers of one place on every day of 2011-2025 (median time per"
            " place), and how many times faster than a point query a day and than DuckDB's"
            " window over change points\n" + histories,
            "Building (median seconds; validation alone: check_records, the validation"
            " from_records does, run on its own with the garbage collector paused; answer"
            " indexes: every group's, both certainties, as first questions build them)\n" + builds,
            "Loading control claims with lm.load(path, bundled=False), one file each"
            " (its size limit raised where it is over 64 MiB), in this process after the"
            " benchmarks above, and as the first work of a new interpreter (JSON; the median"
            " of its load times, its start and import not counted)\n" + loads,
            "Loading JSON step by step (us a record, the collector paused; the first two"
            " columns are what the steps rest on):\n"
            + "\n".join(f"  {name}: {meaning}" for name, meaning in LOAD_STEPS.items())
            + "\n"
            + steps,
            "Memory (tracemalloc: what the records keep, what the Dataset keeps over them,"
            " and with the answer indexes the queries built; index components walked without"
            " records or shared ids)\n" + memory,
            "Memory of a dataset loaded from JSON, bytes per fact (tracemalloc, index included,"
            " before and after the controllers of every place on 3 days, both certainties),"
            " beside the same facts' table in pandas (memory_usage(deep=True)) and DuckDB"
            " (duckdb_memory())\n" + loaded,
            f"Import (median of {imports.runs} fresh interpreters): libyamodel"
            f" {imports.libyamodel * 1e3:.0f} ms, attrs + cattrs + pendulum"
            f" {imports.dependencies * 1e3:.0f} ms, ratio {imports.ratio:.2f};"
            f" eagerly imported: {_listed(imports.heavy_imported)}",
            "Issue 20 targets\n"
            + "\n".join(f"  {marks[t.met]}{t.name}: {t.measured}" for t in found),
        ]
    )
