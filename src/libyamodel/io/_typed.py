"""Reading a JSON file of common records at once with msgspec, where it is installed.

msgspec decodes the file straight into typed rows, one class per record type made from
the record's fields, so no mapping is made for a record and freed again. The rows are
then built into records by the quicker builder (``_fast``), with the same checks. This
path takes only files that the ordinary one (``json`` and the collector) would load
whole, and would load the same: anything else, down to a key written twice, it answers
with None, and the ordinary path reads the file and reports what is wrong with it.
"""

from __future__ import annotations

import functools
import operator
import re
import types
from typing import Any, Final

from libyamodel.io._fast import row_kinds
from libyamodel.io._limits import Limits
from libyamodel.io._reading import may_hold_lone_surrogate, may_hold_long_text
from libyamodel.model import RECORD_TYPES, Evidence, Record

__all__ = ["typed_records"]

_DEEPEST: Final = 4
"""How deep the rows nest: the file's list, a record, its evidence list, an evidence item."""

_SPACED_KEY: Final = re.compile(r'"[ \t\n\r]+:')


@functools.cache
def _decoder() -> tuple[Any, Any, dict[type, Any]] | None:
    """msgspec's decoder of a list of typed rows, its error class, and each row class's
    builder; None if msgspec is not installed."""
    try:
        import msgspec
    except ImportError:
        return None
    evidence = _row_class(msgspec, Evidence, None)
    if evidence is None:
        return None
    builders: dict[type, Any] = {}
    for name, cls in RECORD_TYPES.items():
        row = _row_class(msgspec, cls, name, evidence[0])
        if row is not None:
            builders[row[0]] = row[1]
    rows: object = functools.reduce(operator.or_, builders)  # each row class, tagged
    return msgspec.json.Decoder(types.GenericAlias(list, (rows,))), msgspec.MsgspecError, builders


def _row_class(
    msgspec: Any, cls: type, tag: str | None, evidence: type | None = None
) -> tuple[type, Any] | None:
    """The row class for ``cls`` (tagged with its record type) and its builder; None if the
    quicker builder does not build ``cls``."""
    made = row_kinds(cls, msgspec.UNSET)
    if made is None:
        return None
    build, kinds = made
    unset = msgspec.UnsetType
    field_types = {
        "id": str,
        "text": str,
        "vocabulary": str,
        "date": str,
        "flag": bool,
        "period": str | dict[str, str | None],
        "evidence": None if evidence is None else types.GenericAlias(list, (evidence,)),
    }
    fields = []
    for name, kind in kinds.items():
        kind_type = field_types[kind]
        if kind_type is None:
            return None
        fields.append((name, kind_type | None | unset, msgspec.UNSET))
    options: dict[str, Any] = {"forbid_unknown_fields": True}
    if tag is not None:
        options |= {"tag_field": "type", "tag": tag}
    row = msgspec.defstruct(f"{cls.__name__}Row", fields, **options)
    return row, build


def typed_records(text: str, limits: Limits) -> list[Record] | None:
    """The records of a JSON file's ``text``, read by msgspec; None where the ordinary path
    must read it: msgspec missing, a file it would refuse or read otherwise, or anything
    unusual (a key written twice, a long text, half a character escaped, a key spaced from its
    colon, a record type or field the quicker builder leaves to the converter)."""
    reader = _decoder()
    if reader is None or limits.max_depth < _DEEPEST:
        return None
    decoder, refused, builders = reader
    try:  # first, as it stops at the first record of a kind this path leaves
        rows = decoder.decode(text)
    except refused:
        return None
    if len(rows) > limits.max_records:
        return None
    if _SPACED_KEY.search(text) or may_hold_lone_surrogate(text):
        return None
    if may_hold_long_text(text, limits):
        return None
    records: list[Record] = []
    keys = len(rows)  # each row's type
    for row in rows:
        built = builders[type(row)](row)
        if built is None:
            return None
        records.append(built[0])
        keys += built[1]
    # msgspec keeps the last of a key written twice: count the keys as written (a key's
    # closing quote and its colon; a text holding '":' only counts more, and so declines).
    if text.count('":') != keys:
        return None
    return records
