"""Reading and writing the data format: YAML and JSON files of typed records."""

from __future__ import annotations

from libyamodel.io._convert import converter, structure_record, unstructure_record
from libyamodel.io._dump import dump_records, records_to_yaml
from libyamodel.io._load import DATA_SUFFIXES, Origin, check_records, load_records, paused_gc
from libyamodel.io._reading import DEFAULT_LIMITS, Limits
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
