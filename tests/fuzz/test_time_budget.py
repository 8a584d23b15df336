"""The time budget of the fuzz tests: a load that runs over it fails as a readable test failure."""

from __future__ import annotations

import damage as dm
import pytest


def busy_forever() -> None:
    total = 0
    while True:
        total += 1


def test_a_load_over_its_budget_fails_with_a_traceback_pytest_can_print():
    with pytest.raises(dm.Hang) as caught, dm.time_budget(0.05):
        busy_forever()
    entries = caught.traceback
    # Only this test's frames and the budget's own: the interrupted frames, which may
    # lack a line number, are left out, and the message says where the load was.
    assert all(entry.frame.code.name != "busy_forever" for entry in entries)
    assert all(entry.lineno is not None for entry in entries)
    assert "in busy_forever" in str(caught.value)
