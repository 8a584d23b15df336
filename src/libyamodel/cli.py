"""The ``libyamodel`` command: ask the dataset questions from a terminal or a script.

Tables on a terminal, tab-separated lines when piped, JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Final, TextIO

from libyamodel.errors import DataError, LibyaModelError, Problem
from libyamodel.io import json_schema, records_to_yaml, unstructure_record
from libyamodel.model import Fact, Record
from libyamodel.store import Dataset, Facts, load
from libyamodel.time import to_date
from libyamodel.views._common import completeness, name_of, summary
from libyamodel.views.history import who

__all__ = ["main"]

Row = Sequence[str]


class _Output:
    """Writes rows as a table (terminal), tab-separated lines (pipe) or JSON."""

    def __init__(self, stream: TextIO, as_json: bool) -> None:
        self.stream = stream
        self.as_json = as_json
        self.table = not as_json and stream.isatty()

    def rows(self, header: Row, rows: Sequence[Row], records: Any, note: str | None = None) -> None:
        """Write the rows; on a terminal, ``note`` follows them (or stands for none)."""
        if self.as_json:
            json.dump(records, self.stream, indent=2, ensure_ascii=False)
            self.stream.write("\n")
            return
        if not self.table:
            for row in rows:
                self.stream.write("\t".join(row) + "\n")
            return
        if not rows:
            self.stream.write(f"{note or '(none)'}\n")
            return
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        line = "  ".join(f"{{:<{w}}}" for w in widths)
        self.stream.write(line.format(*header).rstrip() + "\n")
        self.stream.write("  ".join("-" * w for w in widths) + "\n")
        for row in rows:
            self.stream.write(line.format(*row).rstrip() + "\n")
        if note:
            self.stream.write(f"{note}\n")

    def text(self, text: str, record: Any) -> None:
        if self.as_json:
            json.dump(record, self.stream, indent=2, ensure_ascii=False)
            self.stream.write("\n")
        else:
            self.stream.write(text if text.endswith("\n") else text + "\n")


def _plain(record: Record, **extra: Any) -> dict[str, Any]:
    data = unstructure_record(record)
    if isinstance(record, Fact):
        data["status"] = record.status.value
    data.update(extra)
    return data


def _facts(out: _Output, ds: Dataset, facts: Facts[Any], on: str | None) -> None:
    day = None if on is None else to_date(on)
    header = ["fact", "says", "period", "status"] + ([] if day is None else ["on the day"])
    rows: list[Row] = []
    records: list[dict[str, Any]] = []
    names = ds if out.table else None
    for fact in facts:
        row = [fact.id, summary(fact, names), str(fact.period), fact.status.value]
        if day is None:
            rows.append(row)
            records.append(_plain(fact))
        else:
            truth = fact.period.truth(day)
            rows.append([*row, truth.name])
            records.append(_plain(fact, truth=truth.name))
    out.rows(header, rows, records, completeness(len(facts), facts.complete, facts.coverage))


def _certainty(args: argparse.Namespace) -> Any:
    return "possible" if args.possible else "definite"


def _claimants(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    _facts(out, ds, ds.claimants(args.on, role=args.role, certainty=_certainty(args)), args.on)


def _controllers(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    _facts(out, ds, ds.controllers(args.place, args.on, certainty=_certainty(args)), args.on)


def _holders(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    _facts(out, ds, ds.holders(args.office, args.on, certainty=_certainty(args)), args.on)


_HISTORY_ENTITY: Final = {"controllers": "PLACE", "territory": "CONTROLLER", "holders": "OFFICE"}
_HISTORY_OPTIONS: Final = {"role": "claimants", "claimant": "claimants", "holder": "mandates"}


def _history_arguments(args: argparse.Namespace) -> None:
    """Refuse, as a bad argument, an entity or option the question does not take."""
    needed = _HISTORY_ENTITY.get(args.question)
    if needed is not None and args.entity is None:
        raise LibyaModelError(f"history {args.question} needs the {needed.lower()}")
    if needed is None and args.entity is not None:
        raise LibyaModelError(f"history {args.question} takes no entity (got {args.entity!r})")
    for option, question in _HISTORY_OPTIONS.items():
        if getattr(args, option) is not None and args.question != question:
            raise LibyaModelError(f"--{option} is for history {question} only")


def _history(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    _history_arguments(args)
    history = ds.history(
        args.question,
        args.entity,
        between=(args.between[0], args.between[1]),
        role=args.role,
        claimant=args.claimant,
        holder=args.holder,
        certainty=_certainty(args),
    )
    names = ds if out.table else None
    rows: list[Row] = []
    stretches: list[dict[str, Any]] = []
    for stretch in history:
        ids = who(history, stretch)
        facts = [fact.id for fact in stretch.facts]
        shown = ", ".join(name_of(ident, names) for ident in ids)
        rows.append(
            [str(stretch.first), str(stretch.last), str(stretch.days), shown, ",".join(facts)]
        )
        stretches.append(
            {
                "first": str(stretch.first),
                "last": str(stretch.last),
                "days": stretch.days,
                "in_force": list(ids),
                "facts": facts,
            }
        )
    record = {
        "question": history.question,
        "about": dict(history.about),
        "first": str(history.first),
        "last": str(history.last),
        "certainty": history.certainty,
        "stretches": stretches,
    }
    out.rows(["first", "last", "days", "in force", "facts"], rows, record)


def _timeline(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    _facts(out, ds, ds.timeline(args.entity), None)


def _show(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    record = ds.get(args.id)
    if record is None:
        record = ds.resolve(args.id)
    text = records_to_yaml([record])
    if isinstance(record, Fact):
        text += f"# status: {record.status.value}\n"
    out.text(text, _plain(record))


def _search(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    found = ds.search(args.text, args.limit)
    rows = [[e.id, e.TYPE, e.name] for e in found]
    out.rows(["id", "type", "name"], rows, [_plain(e) for e in found])


def _summary(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    counts = ds.counts()
    span = ds.start_span()
    sources = ds.sources
    record = {
        "entities": len(ds.entities),
        "facts": len(ds.facts),
        "counts": counts,
        "first_start": None if span is None else str(span[0]),
        "last_start": None if span is None else str(span[1]),
        "sources": [{"id": s.id, "published": str(s.published), "title": s.title} for s in sources],
    }
    width = max((len(name) for name in counts), default=0)
    lines = [repr(ds), ""]
    lines += [f"  {name:<{width}}  {count:>6}" for name, count in counts.items()]
    if span is not None:
        lines += ["", f"facts start between {span[0]} and {span[1]}"]
    if sources:
        lines += ["", "sources:"]
        lines += [f"  {s.published!s:<12} {s.title}" for s in sources]
    out.text("\n".join(lines), record)


def _validate(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    out.text(f"ok: {len(ds)} records, no problems", {"ok": True, "records": len(ds)})


def _popolo(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    json.dump(ds.to_popolo(), out.stream, indent=2, ensure_ascii=False)
    out.stream.write("\n")


def _geojson(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    json.dump(
        ds.to_geojson(args.on, certainty=_certainty(args)), out.stream, indent=2, ensure_ascii=False
    )
    out.stream.write("\n")


def _ftm(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    for entity in ds.to_ftm():
        out.stream.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")


_SUB: Final = "sub_"
"""Prefix of the destinations of the options given after the command, merged after parsing."""


def _shared_options(parser: argparse.ArgumentParser, *, after_command: bool) -> None:
    """The options every command takes, accepted before the command and after it.

    After the command they go to their own destinations with no default, so that
    they add to what was given before it instead of overwriting it.
    """
    prefix = _SUB if after_command else ""

    def default(value: object) -> object:
        return argparse.SUPPRESS if after_command else value

    parser.add_argument(
        "--data",
        action="append",
        dest=prefix + "data",
        default=default([]),
        metavar="PATH",
        help="add a file or folder of your own records (may repeat)",
    )
    parser.add_argument(
        "--no-bundled",
        action="store_true",
        dest=prefix + "no_bundled",
        default=default(False),
        help="leave out the bundled data",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        dest=prefix + "json",
        default=default(False),
        help="print JSON, for scripts",
    )


def _merge_shared(args: argparse.Namespace) -> argparse.Namespace:
    """Join the shared options given after the command to those given before it."""
    args.data = [*args.data, *getattr(args, _SUB + "data", [])]
    args.no_bundled = args.no_bundled or getattr(args, _SUB + "no_bundled", False)
    args.json = args.json or getattr(args, _SUB + "json", False)
    return args


def _parser() -> argparse.ArgumentParser:
    after = argparse.ArgumentParser(add_help=False)
    _shared_options(after, after_command=True)
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--on", required=True, metavar="DATE", help="the day, as YYYY-MM-DD")
    dated.add_argument(
        "--possible", action="store_true", help="include facts that may hold (MAYBE), not only YES"
    )
    parser = argparse.ArgumentParser(
        prog="libyamodel",
        description="Ask a cited model of Libya's political conflict since 2011.",
        epilog="--data, --no-bundled and --json may come before or after the command.",
    )
    _shared_options(parser, after_command=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run: Callable[..., None], help: str, *parents: Any) -> Any:
        sub = commands.add_parser(name, help=help, description=help, parents=[after, *parents])
        sub.set_defaults(run=run)
        return sub

    command("summary", _summary, "counts by record type, date range and sources (default)")
    sub = command("claimants", _claimants, "claims to legitimacy in force on a day", dated)
    sub.add_argument(
        "--role",
        help='only claims to this role, e.g. "legislature" or a synonym such as "parliament" '
        "(docs/roles.md lists the roles)",
    )
    command("controllers", _controllers, "who held a place on a day", dated).add_argument(
        "place", help="a place: id, name or alias"
    )
    command("holders", _holders, "who held an office on a day", dated).add_argument(
        "office", help="an office: id, name or alias"
    )
    sub = command("history", _history, "how an answer changed: stretches of days with the same one")
    sub.add_argument(
        "question", choices=["claimants", "controllers", "territory", "holders", "mandates"]
    )
    sub.add_argument(
        "entity",
        nargs="?",
        help="the place, controller or office (controllers, territory, holders)",
    )
    sub.add_argument(
        "--between",
        nargs=2,
        required=True,
        metavar=("FIRST", "LAST"),
        help="the first and last days, as YYYY-MM-DD, YYYY-MM or YYYY (a whole month or year)",
    )
    sub.add_argument("--role", help='claimants: only claims to this role, e.g. "legislature"')
    sub.add_argument("--claimant", help="claimants: only this body's claims")
    sub.add_argument("--holder", help="mandates: only this holder's mandates")
    sub.add_argument(
        "--possible", action="store_true", help="include facts that may hold (MAYBE), not only YES"
    )
    command("timeline", _timeline, "every fact that names an entity, in date order").add_argument(
        "entity", help="an entity: id, name or alias"
    )
    command("show", _show, "one record, with its evidence").add_argument(
        "id", help="an id, or an entity's name"
    )
    sub = command("search", _search, "entities whose names best match a text")
    sub.add_argument("text")
    sub.add_argument("--limit", type=int, default=10)
    command(
        "validate", _validate, "check files; list every problem with file and line"
    ).add_argument("paths", nargs="+", metavar="PATH")
    command("popolo", _popolo, "persons, organizations, posts and memberships as Popolo JSON")
    command(
        "geojson", _geojson, "places with coordinates and who held them on a day, as GeoJSON", dated
    )

    command("ftm", _ftm, "every record as FollowTheMoney entities, one JSON object a line")
    commands.add_parser("schema", help="print the JSON Schema of data files, for editors")
    parser.set_defaults(run=_summary)
    return parser


_PIPE_CLOSED: Final = 141
"""The status of a Unix tool whose reader stopped reading (128 + SIGPIPE)."""


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 bad data, 2 bad arguments)."""
    args = _merge_shared(_parser().parse_args(argv))
    stream = stdout or sys.stdout
    try:
        return _run(args, stream)
    except BrokenPipeError:
        # The reader (head, less) has gone: end quietly, and keep Python's final
        # flush of standard output from failing again on the closed pipe.
        if stream is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return _PIPE_CLOSED


def _run(args: argparse.Namespace, stream: TextIO) -> int:
    if args.command == "schema":
        json.dump(json_schema(), stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        stream.flush()
        return 0
    out = _Output(stream, args.json)
    paths = [*args.data, *getattr(args, "paths", [])]
    try:
        dataset = load(paths or None, bundled=not args.no_bundled)
        args.run(dataset, args, out)
    except DataError as error:
        if args.json:
            problems = [_problem_record(problem) for problem in error.problems]
            json.dump({"ok": False, "problems": problems}, stream, indent=2, ensure_ascii=False)
            stream.write("\n")
        else:
            print(error, file=sys.stderr)
        return 1
    except LibyaModelError as error:
        print(f"libyamodel: {error}", file=sys.stderr)
        return 2
    stream.flush()
    return 0


def _problem_record(problem: Problem) -> dict[str, Any]:
    """A problem as JSON: where it is, what is wrong, and what would fix it."""
    return {
        "file": None if problem.file is None else str(problem.file),
        "line": problem.line,
        "record": problem.record,
        "field": problem.field,
        "message": problem.message,
        "hint": problem.hint,
    }
