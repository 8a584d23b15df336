"""The loader fuzz tests: their helper module, damage.py, is imported from this folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

KNOWN_BUGS = {
    "test_json_read_problems_name_their_line[NaN]": (
        "a NaN in JSON is reported without its line: the line-tracking re-read takes NaN for text"
    ),
    "test_json_written_by_json_dumps_keeps_its_line_numbers": (
        "JSON with surrogate-pair escapes cannot be re-read by the YAML reader, so no line is given"
    ),
    "test_bytes_that_are_not_utf8_name_their_line[BOM]": (
        "a byte-order mark inside a file is reported without its line"
    ),
}
"""Bugs the fuzz tests found that are still open: each test must fail until it is fixed."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the open bugs as strict expected failures, so a fix shows up as a failure too."""
    for item in items:
        name = item.name.replace("\\xef\\xbb\\xbf", "BOM")
        if "NaN" in name and name.startswith("test_json_read_problems_name_their_line"):
            name = "test_json_read_problems_name_their_line[NaN]"
        reason = KNOWN_BUGS.get(name)
        if reason is not None:
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))
