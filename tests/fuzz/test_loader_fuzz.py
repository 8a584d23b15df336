"""Fuzzing the loader: valid generated datasets, written to files, then damaged.

Whatever is done to the files, loading either succeeds or raises one DataError,
in time. A DataError names the file of every problem, and the field of every
damaged field (or the line, when the file cannot be read at all); it reports
every damage in every file, and nothing about data that was not damaged. A load
that succeeds kept every record, equal to what was written.

``HYPOTHESIS_PROFILE=long`` runs many more examples (see tests/conftest.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
import damage as dm
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm

FUZZ = dm.FUZZ

STRUCTURAL = (
    "wrong_type",
    "dropped_required",
    "empty_text",
    "unknown_key",
    "unknown_type",
    "not_a_record",
)
HARMLESS = (
    "optional_written_out",
    "empty_lists_written_out",
    "keys_reordered",
    "year_as_number",
)


def run(scenario: dm.Scenario) -> lm.Dataset | lm.DataError:
    """Write the scenario's files, load them, and check the outcome against its damages."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = scenario.write(folder)
        outcome = dm.load_outcome(folder)
        dm.check(scenario, outcome, paths)
        return outcome


@FUZZ
@given(dm.damaged((*STRUCTURAL, *HARMLESS)))
def test_missing_fields_wrong_types_and_unknown_keys_are_reported(scenario):
    run(scenario)


@FUZZ
@given(dm.damaged(("invalid_date", "bad_period", "year_as_number")))
def test_impossible_dates_and_backward_periods_are_reported(scenario):
    run(scenario)


@FUZZ
@given(dm.damaged(("broken_reference", "duplicate_id", "keys_reordered")))
def test_broken_references_and_duplicate_ids_are_reported_across_files(scenario):
    run(scenario)


@FUZZ
@given(dm.damaged((*HARMLESS, "huge_text"), min_damages=0, max_damages=4))
def test_harmless_changes_and_layouts_load_every_record_unchanged(scenario):
    outcome = run(scenario)
    if not any(d.expect == "either" for d in scenario.damages):
        assert isinstance(outcome, lm.Dataset), scenario.describe()


@FUZZ
@given(dm.damaged(("yaml_tag", "yaml_alias", "duplicate_key", *STRUCTURAL)))
def test_tags_aliases_and_duplicate_keys_are_refused(scenario):
    run(scenario)


@FUZZ
@given(dm.damaged(("huge_number", "deep_nesting", "huge_text", *STRUCTURAL)))
def test_huge_numbers_and_deep_nesting_are_errors_not_crashes(scenario):
    run(scenario)


@st.composite
def broken_folders(draw: st.DrawFn) -> dm.Scenario:
    """Some data files with record damages, some unreadable, and broken extra files."""
    scenario = draw(dm.damaged((*STRUCTURAL, "broken_reference"), min_damages=0, max_damages=2))
    for _ in range(draw(st.integers(1, 3))):
        scenario.damages.append(draw(dm.broken_file(scenario)))
    busy = scenario.busy_files()
    for spec in scenario.files:
        if spec.name not in busy and draw(st.booleans()):
            scenario.damages.append(draw(dm.bad_bytes(scenario, spec)))
    return scenario


@FUZZ
@given(broken_folders())
def test_broken_files_do_not_hide_the_problems_of_the_others(scenario):
    outcome = run(scenario)
    assert isinstance(outcome, lm.DataError), "a folder with broken files returned a Dataset"
    named = {p.file.name for p in outcome.problems}
    for name in scenario.extra_files:
        assert Path(name).name in named, f"{name} is not reported\n{outcome}"


@FUZZ
@given(
    dm.damaged(
        tuple(dm.RECORD_DAMAGES),
        max_damages=5,
    )
)
def test_any_mix_of_damages_is_reported_damage_by_damage(scenario):
    run(scenario)


def only_its_tail_lost(original: lm.Record, loaded: lm.Record) -> bool:
    """Whether ``loaded`` is ``original`` with trailing fields at their defaults or lists cut."""
    for field in attrs.fields(type(original)):
        before, after = getattr(original, field.name), getattr(loaded, field.name)
        if before == after:
            continue
        if (
            isinstance(before, tuple)
            and isinstance(after, tuple)
            and 0 < len(after) <= len(before)
            and before[: len(after) - 1] == after[:-1]
        ):
            continue  # a list cut short (its last item may itself have lost its tail)
        if field.default is not attrs.NOTHING and after == field.default:
            continue
        return False
    return True


@FUZZ
@given(dm.scenarios(), st.data())
def test_a_truncated_file_loads_a_subset_or_is_reported(scenario, data):
    spec = data.draw(st.sampled_from(scenario.files), label="truncated file")
    spec.cut = data.draw(st.floats(0, 1, exclude_max=True), label="cut at")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = scenario.write(folder)
        outcome = dm.load_outcome(folder)
    originals = {r.id: r for r in scenario.records}
    if isinstance(outcome, lm.Dataset):
        # YAML cut after "key:" reads null, and a list cut between items is shorter:
        # only the last record left in the cut file may lose its tail so, nothing else
        written = scenario.file_data(spec)
        items = [p for group in written.values() for p in group] if spec.form != "list" else written
        cut_ids = [plain["id"] for plain in items]  # in the order they are written
        loaded_ids = {r.id for r in outcome}
        last_kept = [i for i in cut_ids if i in loaded_ids][-1:]
        for record in outcome:
            if originals.get(record.id) == record:
                continue
            assert record.id in last_kept, f"a cut changed {record}, not the last record left"
            assert only_its_tail_lost(originals[record.id], record), (
                f"a truncated file changed {originals[record.id]} into {record}"
            )
        kept = loaded_ids
        for other in scenario.files:
            if other is not spec:
                lost = scenario.ids_in(other) - kept
                assert not lost, f"records of an intact file dropped: {sorted(lost)}"
        return
    written = set(paths.values())
    for problem in outcome.problems:
        assert problem.file in written, f"a problem names no data file: {problem}"
        assert not dm.RAW_MESSAGE.search(problem.message), f"Python's own message: {problem}"
    cut_ids = scenario.ids_in(spec)
    for problem in outcome.problems:
        assert problem.file == paths[spec.name] or any(
            repr(i) in problem.message for i in cut_ids
        ), f"a problem in an intact file that the cut does not explain: {problem}"
