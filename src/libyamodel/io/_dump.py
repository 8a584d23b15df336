"""Writing records back to YAML files that load to an equal dataset."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from libyamodel.errors import LibyaModelError
from libyamodel.io._limits import plain_scalar
from libyamodel.model import RECORD_TYPES, Record

__all__ = ["dump_records", "records_to_yaml"]


_NUMBER_ELSEWHERE: Final = re.compile(
    r"[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+"
    r"|(?:[0-9][0-9_]*\.?[0-9_]*|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))"
    r"|\.(?:nan|NaN|NAN)|True|TRUE|False|FALSE"
)
"""Words YAML 1.2 readers take for a number or a flag (0o17, -.5e-3, +12, True), which
PyYAML's YAML 1.1 emitter would leave unquoted where it reads them as text."""


@functools.cache
def _dumper() -> type[Any]:
    """A safe dumper that quotes every string the reader would take for something else."""
    import yaml

    base: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc]
        def represent_str(self, data: str) -> yaml.ScalarNode:
            other = plain_scalar(data) is not data or _NUMBER_ELSEWHERE.fullmatch(data)
            style = '"' if other else None
            node: yaml.ScalarNode = self.represent_scalar(
                "tag:yaml.org,2002:str", data, style=style
            )
            return node

    Dumper.add_representer(str, Dumper.represent_str)
    return Dumper


def records_to_yaml(records: Iterable[Record]) -> str:
    """The YAML text of records, one list item each, in the data file format."""
    import yaml

    from libyamodel.io._convert import unstructure_record

    plain = [unstructure_record(record) for record in records]
    text: str = yaml.dump(plain, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=100)
    return text


def dump_records(records: Iterable[Record], folder: Path, *, overwrite: bool = False) -> list[Path]:
    """Write one ``<type>.yaml`` file per record type into ``folder``; return the files."""
    grouped: dict[str, list[Record]] = {name: [] for name in RECORD_TYPES}
    for record in records:
        grouped[record.TYPE].append(record)
    targets = {name: folder / f"{name}.yaml" for name, items in grouped.items() if items}
    if not overwrite:
        existing = [str(path) for path in targets.values() if path.exists()]
        if existing:
            raise LibyaModelError(
                f"will not overwrite {', '.join(existing)}; pass overwrite=True or another folder"
            )
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in targets.items():
        path.write_text(records_to_yaml(grouped[name]), encoding="utf-8")
    return list(targets.values())
