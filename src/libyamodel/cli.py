"""The ``libyamodel`` command: summarise and validate datasets."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from libyamodel.dataset import Dataset, load
from libyamodel.errors import DataError
from libyamodel.model import Source
from libyamodel.time import MAX_DATE, MIN_DATE

__all__ = ["main"]


def _summary(dataset: Dataset) -> str:
    lines = [repr(dataset), ""]
    width = max((len(name) for name in dataset.counts()), default=0)
    lines += [f"  {name:<{width}}  {count:>5}" for name, count in dataset.counts().items()]
    days = [
        day
        for fact in dataset.facts
        for day in (fact.period.start.earliest, fact.period.start.latest)
        if MIN_DATE < day < MAX_DATE
    ]
    if days:
        lines += ["", f"facts start between {min(days)} and {max(days)}"]
    sources = [entity for entity in dataset.entities if isinstance(entity, Source)]
    if sources:
        lines += ["", "sources:"]
        lines += [
            f"  {s.published}  {s.title}"
            for s in sorted(sources, key=lambda s: (s.published, s.id))
        ]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="libyamodel", description="A cited model of Libya's political conflict since 2011."
    )
    parser.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="PATH",
        help="add a file or folder of your own records (may repeat)",
    )
    parser.add_argument("--no-bundled", action="store_true", help="leave out the bundled dataset")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("summary", help="counts by record type, date range and sources (default)")
    validate = commands.add_parser("validate", help="check files; list every problem found")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            dataset = load(args.paths, bundled=not args.no_bundled)
            print(f"ok: {len(dataset)} records")
            return 0
        dataset = load(args.data or None, bundled=not args.no_bundled)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"libyamodel: {error}", file=sys.stderr)
        return 2
    print(_summary(dataset))
    return 0
