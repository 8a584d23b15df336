"""Reading and writing the data format: YAML and JSON files of typed records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from libyamodel._gc import paused_gc
from libyamodel.io._dump import dump_records, records_to_yaml
from libyamodel.io._limits import DEFAULT_LIMITS, Limits
from libyamodel.io._load import DATA_SUFFIXES, Origin, check_records, load_records

if TYPE_CHECKING:
    from libyamodel.io._convert import structure_record, unstructure_record
    from libyamodel.io._schema import json_schema

__all__ = [
    "DATA_SUFFIXES",
    "DEFAULT_LIMITS",
    "Limits",
    "Origin",
    "check_records",
    "converter",
    "dump_records",
    "json_schema",
    "load_records",
    "paused_gc",
    "records_to_yaml",
    "structure_record",
    "unstructure_record",
]


_CONVERTING: Final = frozenset({"converter", "structure_record", "unstructure_record"})
"""What ``_convert`` gives, imported on first use: it imports cattrs, whose import costs time."""


def __getattr__(name: str) -> Any:
    if name in _CONVERTING:
        from libyamodel.io import _convert

        return getattr(_convert, name)
    if name == "json_schema":  # imported on first use, as few programs ask for the schema
        from libyamodel.io._schema import json_schema

        return json_schema
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
