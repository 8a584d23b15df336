"""Writing records back to YAML files that load to an equal dataset."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from libyamodel.errors import LibyaModelError
from libyamodel.io._convert import unstructure_record
from libyamodel.io._reading import plain_scalar
from libyamodel.model import RECORD_TYPES, Record

__all__ = ["dump_records", "records_to_yaml"]

_BaseDumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Quotes every string that the reader would otherwise take for something else."""

    def represent_str(self, data: str) -> yaml.ScalarNode:
        if plain_scalar(data) is not data:
            quoted: yaml.ScalarNode = self.represent_scalar(
                "tag:yaml.org,2002:str", data, style='"'
            )
            return quoted
        node: yaml.ScalarNode = super().represent_str(data)
        return node


_Dumper.add_representer(str, _Dumper.represent_str)


def records_to_yaml(records: Iterable[Record]) -> str:
    """The YAML text of records, one list item each, in the data file format."""
    plain = [unstructure_record(record) for record in records]
    text: str = yaml.dump(plain, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
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
