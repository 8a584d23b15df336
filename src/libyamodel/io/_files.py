"""The files a data folder holds, and the words of a file that could not be read."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from libyamodel.io._limits import Limits

__all__ = ["DATA_SUFFIXES", "data_files", "words_in"]

DATA_SUFFIXES: Final = (".yaml", ".yml", ".json")
"""The endings of the files a data folder is read from."""


def data_files(path: Path) -> Iterator[Path]:
    """The data files under ``path`` in a stable order, following links to folders once.

    Files and folders whose names start with ``.`` or ``_`` (drafts) are left out; a file
    named on its own is read whatever its name.
    """
    if not path.is_dir():
        yield path
        return
    seen: set[Path] = set()
    for root, dirs, files in os.walk(path, followlinks=True):
        real = Path(root).resolve()
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for file in sorted(files):
            if file.lower().endswith(DATA_SUFFIXES) and not file.startswith((".", "_")):
                yield Path(root) / file


_WORD: Final = re.compile(r"[\w-]+")


def words_in(file: Path, limits: Limits) -> frozenset[str] | None:
    """The words in a file that did not parse, among them every id it may define; None
    when it might define any (it cannot be read as text, or escapes may spell an id)."""
    try:
        if file.stat().st_size > limits.max_file_bytes:
            return None
        text = file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if "\\" in text:
        return None
    return frozenset(_WORD.findall(text))
