"""Hand-made hostile files: the minimal inputs behind what the fuzz tests look for.

Each test names one way a data file can attack or confuse the loader, and what
the loader must do instead: report it in a DataError, promptly, with the file,
the line and the field, in libyamodel's words, never Python's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

import damage as dm
import pytest

import libyamodel as lm

SOURCE = "- type: source\n  id: s\n  title: T\n  published: 2014\n"
ACTOR = "- type: actor\n  id: a\n  name: A\n  kind: person\n"


def outcome_of(folder, budget=dm.HARD_BUDGET):
    return dm.load_outcome(folder, budget=budget)


def problems_of(folder, budget=dm.HARD_BUDGET):
    outcome = outcome_of(folder, budget)
    assert isinstance(outcome, lm.DataError), f"loaded {outcome!r}; expected a DataError"
    for problem in outcome.problems:
        assert problem.file is not None, problem
        assert not dm.RAW_MESSAGE.search(problem.message), f"Python's own message: {problem}"
    return outcome.problems


def write(folder, name, text):
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# -- numbers too long for Python to convert -------------------------------------------------------


@pytest.mark.parametrize("where", ["name", "published", "period"])
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_bare_number_of_thousands_of_digits_is_a_data_error(tmp_path, where, suffix):
    number = "1" * 4301
    records = [
        {"type": "source", "id": "s", "title": "T", "published": "2014"},
        {"type": "actor", "id": "a", "name": "A", "kind": "person"},
        {
            "type": "event",
            "id": "e",
            "name": "E",
            "kind": "other",
            "period": "2014",
            "evidence": [{"source": "s", "quote": "q"}],
        },
    ]
    record = next(r for r in records if where in r)
    record[where] = "NUMBER"
    text = json.dumps(records, indent=1).replace('"NUMBER"', number)
    path = write(tmp_path, "data" + suffix, text)
    problems = problems_of(tmp_path)
    assert [p.file for p in problems] == [path]


def test_a_long_digit_string_dumps_and_loads_back(tmp_path):
    actor = lm.Actor(id="a", name="1" * 5000, kind=lm.ActorKind.PERSON)
    ds = lm.Dataset.from_records([actor])
    ds.dump(tmp_path)
    assert lm.load(tmp_path, bundled=False) == ds


# -- nesting --------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_deep_nesting_is_a_data_error(tmp_path, suffix):
    path = write(tmp_path, "deep" + suffix, "[" * 5000 + "]" * 5000)
    assert [p.file for p in problems_of(tmp_path)] == [path]


@pytest.mark.parametrize(("suffix", "depth"), [(".yaml", 100_000), (".json", 100_000)])
def test_very_deep_nesting_does_not_crash_the_interpreter(tmp_path, suffix, depth):
    """libyaml's composer recurses in C: 30 000 levels overflow the stack (a segfault)."""
    write(tmp_path, "deep" + suffix, "[" * depth + "]" * depth)
    script = textwrap.dedent(
        f"""
        import libyamodel as lm
        try:
            lm.load({str(tmp_path)!r}, bundled=False)
        except lm.DataError as error:
            print("DataError", len(error.problems))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"exit status {done.returncode}\n{done.stderr[-2000:]}"
    assert done.stdout.startswith("DataError"), done.stdout + done.stderr[-2000:]


# -- YAML features a data file may not use --------------------------------------------------------


def test_an_alias_bomb_fails_fast(tmp_path):
    path = write(tmp_path, "bomb.yaml", dm.ALIAS_BOMB)
    started = time.perf_counter()
    problems = problems_of(tmp_path, budget=5)
    assert time.perf_counter() - started < 2
    assert [p.file for p in problems] == [path]


def test_an_anchor_without_an_alias_is_refused(tmp_path):
    """The docs: "anchors and aliases ... are errors"; an unused &anchor is one too."""
    path = write(tmp_path, "a.yaml", SOURCE + "- &x {type: actor, id: a, name: A, kind: person}\n")
    problems = problems_of(tmp_path)
    assert [(p.file, p.line) for p in problems] == [(path, 5)]


@pytest.mark.parametrize("key", ["!!python/name:os.system name", "!!str name", "&k name", "? name"])
def test_a_tag_or_anchor_on_a_key_is_refused(tmp_path, key):
    path = write(tmp_path, "a.yaml", SOURCE.replace("title: T", f"title: T\n  {key}: x"))
    problems = problems_of(tmp_path)
    assert [p.file for p in problems] == [path]


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_duplicate_key_names_its_line(tmp_path, suffix):
    text = (
        '[\n {"type": "actor",\n  "id": "a",\n  "name": "A",\n  "id": "b",\n'
        '  "kind": "person"}\n]\n'
    )
    path = write(tmp_path, "a" + suffix, text)
    problems = problems_of(tmp_path)
    assert [(p.file, p.line) for p in problems] == [(path, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 40 + "]" * 40,
        '[{"type": "place", "id": "p", "name": "P", "kind": "city", "lat": NaN}]',
    ],
)
def test_json_read_problems_name_their_line(tmp_path, text):
    path = write(tmp_path, "a.json", "\n" + text + "\n")
    problems = problems_of(tmp_path)
    assert [(p.file, p.line) for p in problems] == [(path, 2)]


def test_json_written_by_json_dumps_keeps_its_line_numbers(tmp_path):
    """json.dumps writes an emoji as a surrogate-pair escape, which libyaml refuses."""
    records = [
        {"type": "actor", "id": "a", "name": "A \U0001f600", "kind": "person"},
        {"type": "actor", "id": "b", "name": "B", "kind": "person", "colour": "red"},
    ]
    text = json.dumps(records, indent=1)
    path = write(tmp_path, "a.json", text)
    (problem,) = problems_of(tmp_path)
    assert (problem.file, problem.field) == (path, "colour")
    assert problem.line == text.splitlines().index('  "colour": "red"') + 1


def test_a_json_read_error_is_not_put_on_the_line_of_an_emoji(tmp_path):
    text = (
        '[\n {"type": "actor", "id": "a", "name": "A \\ud83d\\ude00", "kind": "person"},\n'
        ' {"type": "actor",\n  "id": "b",\n  "id": "c"}\n]\n'
    )
    path = write(tmp_path, "a.json", text)
    (problem,) = problems_of(tmp_path)
    assert (problem.file, problem.line) in {(path, 5), (path, None)}, problem


def test_a_control_character_is_reported_on_its_line_in_libyamodel_words(tmp_path):
    path = write(tmp_path, "a.yaml", "- type: actor\n  id: a\x9fb\n")
    (problem,) = problems_of(tmp_path)
    assert (problem.file, problem.line) == (path, 2)
    assert "\n" not in str(problem)
    assert "<unicode string>" not in problem.message


# -- encodings ------------------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_bytes_that_are_not_utf8_name_their_line(tmp_path, bom):
    path = write(tmp_path, "a.yaml", bom + b"- type: actor\n  id: a\n\xff name: A\n")
    problems = problems_of(tmp_path)
    assert [(p.file, p.line) for p in problems] == [(path, 3)]


# -- dates written as numbers ---------------------------------------------------------------------


@pytest.mark.parametrize("written", ["+2014", "02014", "2014.5", "0x7de"])
def test_an_unquoted_number_that_is_not_a_year_form_is_not_taken_for_one(tmp_path, written):
    write(tmp_path, "a.yaml", SOURCE.replace("published: 2014", f"published: {written}"))
    (problem,) = problems_of(tmp_path)
    assert problem.field == "published"


def test_a_whole_number_with_a_point_is_the_year_it_is_to_json_readers(tmp_path):
    """2014.0 and 2014 are one number to JSON readers and to the JSON Schema (docs/interop.md)."""
    write(tmp_path, "a.yaml", SOURCE.replace("published: 2014", "published: 2014.0"))
    assert str(outcome_of(tmp_path)["s"].published) == "2014"


@pytest.mark.parametrize(
    ("written", "text"),
    [
        ("0000", "0000"),
        ("0999", "0999"),
        ("00001", "00001"),
        ('"\u0662\u0660\u0661\u0664"', "\u0662\u0660\u0661\u0664"),
        ('"\uff12\uff10\uff11\uff14-06"', "\uff12\uff10\uff11\uff14-06"),
    ],
)
def test_a_date_is_kept_as_written_or_refused_quoting_it(tmp_path, written, text):
    """``published: 0999`` is year 999 written 0999 or an error that quotes 0999, never '999';
    a date in other digits likewise (docs, Partial dates: ``str()`` gives back the text)."""
    write(tmp_path, "a.yaml", SOURCE.replace("published: 2014", f"published: {written}"))
    outcome = outcome_of(tmp_path)
    if isinstance(outcome, lm.Dataset):
        assert str(outcome["s"].published) == text
    else:
        (problem,) = outcome.problems
        assert problem.field == "published"
        assert text in problem.message, problem


# -- wrong shapes deep inside a record ------------------------------------------------------------

FACT = "- type: conference\n  id: c\n  name: C\n  period: 2014\n"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ("  evidence: [s]\n", "evidence[0]"),
        ("  evidence: [5]\n", "evidence[0]"),
        ("  evidence: [[s]]\n", "evidence[0]"),
        ("  evidence: [null]\n", "evidence[0]"),
        ("  participants: [5]\n  evidence: [{source: s, quote: q}]\n", "participants[0]"),
        ("  participants: [[a]]\n  evidence: [{source: s, quote: q}]\n", "participants[0]"),
        ("  participants: [null]\n  evidence: [{source: s, quote: q}]\n", "participants[0]"),
    ],
)
def test_an_item_of_the_wrong_shape_gets_a_libyamodel_message(tmp_path, fields, field):
    write(tmp_path, "a.yaml", SOURCE + ACTOR + FACT + fields)
    (problem,) = problems_of(tmp_path)
    assert problem.field == field
    assert "expected" in problem.message


@pytest.mark.parametrize("value", ["x", 5, None, ["a"]])
def test_a_response_of_the_wrong_shape_gets_a_libyamodel_message(tmp_path, value):
    ruling = (
        "- type: ruling\n  id: r\n  court: a\n  subject: a\n  date: 2014\n  decision: D\n"
        f"  responses: [{json.dumps(value)}]\n  evidence: [{{source: s, quote: q}}]\n"
    )
    write(tmp_path, "a.yaml", SOURCE + ACTOR + ruling)
    (problem,) = problems_of(tmp_path)
    assert problem.field == "responses[0]"


@pytest.mark.parametrize("key", ["foo-bar", "0", "a b", "\u00e9t\u00e9", "start.x"])
def test_an_unknown_key_in_a_period_is_named(tmp_path, key):
    period = f"  period: {{start: 2014, {json.dumps(key)}: 1}}\n"
    write(
        tmp_path,
        "a.yaml",
        SOURCE
        + ACTOR
        + FACT.replace("  period: 2014\n", period)
        + "  evidence: [{source: s, quote: q}]\n",
    )
    (problem,) = problems_of(tmp_path)
    assert problem.field == f"period.{key}" or (
        problem.field == "period" and repr(key) in problem.message
    ), problem


def test_every_problem_is_one_line_whatever_the_keys_hold(tmp_path):
    """DataError lists one problem a line; a key with a line break must not split one."""
    records = [
        {"type": "source", "id": "s", "title": "T", "published": "2014"},
        {"type": "actor", "id": "a", "name": "A", "kind": "person", "col\nour": 1},
        {
            "type": "event",
            "id": "e",
            "name": "E",
            "kind": "other",
            "period": "2014",
            "evidence": [{"source": "s", "quote": "q", "x\ny": 1}],
        },
    ]
    write(tmp_path, "a.json", json.dumps(records))
    problems = problems_of(tmp_path)
    assert len(problems) == 2
    for problem in problems:
        assert "\n" not in str(problem), repr(str(problem))


# -- files ----------------------------------------------------------------------------------------


def test_a_symlinked_subfolder_is_loaded_or_reported_never_skipped(tmp_path):
    """os.walk does not follow links: the records behind one were silently left out."""
    data, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    data.mkdir()
    elsewhere.mkdir()
    write(data, "a.yaml", SOURCE)
    write(elsewhere, "b.yaml", ACTOR)
    (data / "more").symlink_to(elsewhere, target_is_directory=True)
    outcome = outcome_of(data)
    if isinstance(outcome, lm.Dataset):
        assert sorted(r.id for r in outcome) == ["a", "s"]
    else:
        assert any("more" in str(p.file) for p in outcome.problems), outcome


def test_an_empty_file_and_a_comment_only_file_hold_no_records(tmp_path):
    write(tmp_path, "a.yaml", SOURCE)
    write(tmp_path, "empty.yaml", "")
    write(tmp_path, "comment.yml", "# nothing yet\n")
    assert len(lm.load(tmp_path, bundled=False)) == 1


@pytest.mark.parametrize("text", ["hello\n", "42\n", "true\n", '"records"\n'])
def test_a_file_that_is_a_scalar_is_a_data_error(tmp_path, text):
    path = write(tmp_path, "a.yaml", text)
    assert [p.file for p in problems_of(tmp_path)] == [path]


# -- size: problems are found in time linear in the data ------------------------------------------


def test_a_json_file_with_many_bad_records_is_reported_promptly(tmp_path):
    """Each problem in a JSON file re-read the whole file for its line: quadratic time."""
    records = [
        {"type": "actor", "id": f"a{i}", "name": "A", "kind": "person", "colour": "red"}
        for i in range(400)
    ]
    write(tmp_path, "a.json", json.dumps(records, indent=1))
    problems = problems_of(tmp_path, budget=3)
    assert len(problems) == 400
    assert all(p.line is not None for p in problems)


def test_many_broken_references_among_many_ids_are_reported_promptly(tmp_path):
    """Every unknown id is compared with every known one for "did you mean": quadratic."""
    n = 800
    records = [{"type": "source", "id": "s", "title": "T", "published": "2014"}]
    records += [
        {"type": "actor", "id": f"actor-number-{i}", "name": "A", "kind": "person"}
        for i in range(n)
    ]
    records += [
        {
            "type": "support",
            "id": f"support-{i}",
            "supporter": f"actor-numbr-{i}",
            "supported": f"actor-number-{i}",
            "kind": "military",
            "period": "2014",
            "evidence": [{"source": "s", "quote": "q"}],
        }
        for i in range(n)
    ]
    write(tmp_path, "a.yaml", json.dumps(records, indent=1))
    problems = problems_of(tmp_path, budget=3)
    assert len(problems) == n
