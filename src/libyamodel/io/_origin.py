"""Where a record was read: its file and its place in it, found to the line when a problem
needs one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

import attrs

from libyamodel.io._reading import Document, node_tree_of

__all__ = ["Origin", "Step", "format_steps", "steps_of"]

Step = str | int
"""One step of a path into a record: a key, or an index in a list."""


@attrs.frozen
class Origin:
    """Where a record was read: its file, its place in the file and its YAML node."""

    file: Path | None = None
    path: tuple[Step, ...] = ()
    document: Document | None = attrs.field(default=None, eq=False, repr=False)

    def locate(self, steps: Sequence[Step] = ()) -> tuple[Path | None, int | None]:
        """The file and line of a field of the record, as near as is known."""
        if self.document is None or self.file is None:
            return self.file, None
        document = self.document
        if document.node is None:
            node = node_tree_of(document)
            if node is None:
                return self.file, None
            # Kept on the shared document, so the file is read again once, not per problem.
            object.__setattr__(document, "node", node)
        from libyamodel.io._yaml import line_of

        return self.file, line_of(document.node, (*self.path, *steps))


_STEP: Final = re.compile(r"\.?([^\W\d]\w*)|\[([0-9]+)\]")


def steps_of(field: str) -> tuple[Step, ...]:
    """The steps of a field path such as ``evidence[0].source``."""
    return tuple(name if name else int(index) for name, index in _STEP.findall(field))


def format_steps(steps: Iterable[Step]) -> str:
    """A field path written out from its steps: ``evidence[0].source``."""
    text = ""
    for step in steps:
        if isinstance(step, int) or not step.isidentifier():
            text += f"[{step!r}]"
        else:
            text += f".{step}" if text else step
    return text
