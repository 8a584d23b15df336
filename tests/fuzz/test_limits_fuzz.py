"""Limits: a load within every bound loads whole; one over any bound is a DataError.

The bounds are drawn just below, at and just above what the generated files
actually hold, so that an off-by-one in a limit, or a record dropped instead of
reported, shows.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import damage as dm
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.io import Limits


def depth(value: Any) -> int:
    """Nesting of lists and mappings, as Limits.max_depth counts it (a record in a list is 2)."""
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    return 0


def longest_text(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return max((max(len(str(k)), longest_text(v)) for k, v in value.items()), default=0)
    if isinstance(value, list):
        return max((longest_text(v) for v in value), default=0)
    return 0


def near(draw: st.DrawFn, actual: int, default: int) -> int:
    return draw(st.sampled_from([default, max(1, actual - 1), max(1, actual), actual + 1]))


@dm.FUZZ
@given(dm.scenarios(), st.data())
def test_a_load_within_the_limits_is_whole_and_one_beyond_them_is_a_data_error(scenario, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = scenario.write(folder)
        contents = {spec.name: scenario.file_data(spec) for spec in scenario.files}
        actual = {
            "max_file_bytes": max(len(spec.raw) for spec in scenario.files),
            "max_text_length": max(longest_text(c) for c in contents.values()),
            "max_depth": max(depth(c) for c in contents.values()),
            "max_records": len(scenario.records),
        }
        defaults = Limits()
        chosen = {
            name: near(data.draw, value, getattr(defaults, name)) for name, value in actual.items()
        }
        limits = Limits(**chosen)
        with dm.time_budget(dm.HARD_BUDGET):
            try:
                outcome: lm.Dataset | lm.DataError = lm.load(folder, bundled=False, limits=limits)
            except lm.DataError as error:
                outcome = error
    over = sorted(name for name, value in actual.items() if value > chosen[name])
    if not over:
        assert isinstance(outcome, lm.Dataset), f"within {limits}, yet:\n{outcome}"
        assert outcome == scenario.dataset
        return
    assert isinstance(outcome, lm.DataError), f"over {over} of {limits}, yet it loaded"
    for problem in outcome.problems:
        assert problem.file in set(paths.values()), problem
        assert not dm.RAW_MESSAGE.search(problem.message), problem
    assert any("limit" in f"{p.message} {p.hint}".lower() for p in outcome.problems), outcome
