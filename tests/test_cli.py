"""The command line: each command, its output forms, and its exit statuses."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import libyamodel as lm
from libyamodel.cli import main

SMALL = Path(__file__).parent / "fixtures" / "small"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(*argv, stream=None):
    out = stream if stream is not None else io.StringIO()
    status = main(list(argv), stdout=out)
    return status, out.getvalue()


def small(*argv):
    return run(*argv, "--data", str(SMALL), "--no-bundled")


def test_claimants_as_plain_lines():
    status, text = small("claimants", "--on", "2014-09-15")
    assert status == 0
    lines = [line.split("\t") for line in text.splitlines()]
    assert [line[0] for line in lines] == ["gnc-claims-legislature", "hor-claims-legislature"]
    assert all(line[-1] == "YES" for line in lines)


def test_possible_adds_maybe_facts():
    _, text = small("claimants", "--on", "2014-09-15", "--possible")
    assert "hor-claims-government" in text
    assert text.splitlines()[-1].endswith("MAYBE")


def test_a_table_on_a_terminal():
    status, text = run(
        "controllers",
        "sirte",
        "--on",
        "2016-05-16",
        "--data",
        str(SMALL),
        "--no-bundled",
        stream=Terminal(),
    )
    assert status == 0
    header, rule, row, note = text.splitlines()
    assert header.split() == ["fact", "says", "period", "status", "on", "the", "day"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert row.startswith("is-holds-sirte")
    assert note == "perhaps not all: the data does not claim to be complete here"


def test_json_for_scripts():
    _, text = small("holders", "un-envoy", "--on", "2017-09-14", "--json")
    (record,) = json.loads(text)
    assert record["holder"] == "ghassan-salame"
    assert record["truth"] == "YES"
    assert record["status"] == "confirmed"
    assert record["period"] == {"observed": "2017-09-14"}


def test_timeline_show_and_search():
    _, text = small("timeline", "Sirte")
    assert [line.split("\t")[0] for line in text.splitlines()] == [
        "ansar-holds-sirte",
        "is-holds-sirte",
    ]
    _, text = small("show", "russia-supports-haftar")
    assert "stance: denies" in text
    assert "# status: disputed" in text
    _, text = small("show", "Tubruq")
    assert "id: tobruk" in text
    _, text = small("search", "Kadhafi", "--limit", "1")
    assert text.split("\t")[0] == "muammar-qaddafi"


def test_summary_is_the_default(capsys):
    status, text = small()
    assert status == 0
    assert "control_claim" in text
    assert "An early note" in text


def test_unknown_names_exit_2_with_suggestions(capsys):
    status, _ = small("controllers", "Atlantis", "--on", "2016-05-16")
    assert status == 2
    assert "did you mean" in capsys.readouterr().err


def test_bad_dates_exit_2(capsys):
    status, _ = small("claimants", "--on", "13/11/2014")
    assert status == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_validate_lists_every_problem_and_exits_1(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("- type: actor\n  id: a\n  kind: wizard\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("- type: place\n  id: B\n", encoding="utf-8")
    status, _ = run("validate", str(tmp_path), "--no-bundled")
    assert status == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'a.yaml'}:3" in err
    assert f"{tmp_path / 'b.yaml'}:2" in err
    assert err.startswith("5 problems")


def test_validate_accepts_good_data():
    status, text = run("validate", str(SMALL), "--no-bundled")
    assert status == 0
    assert text.startswith("ok:")


def test_the_module_and_the_script_run():
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "libyamodel",
            "claimants",
            "--on",
            "2014-11-10",
            "--role",
            "legislature",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "house-of-representatives" in out.stdout


@pytest.mark.parametrize("argv", [["claimants"], ["nonsense"]])
def test_bad_arguments_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2


def test_schema_and_popolo_print_json():
    status, text = run("schema")
    assert status == 0
    schema = json.loads(text)
    assert "$schema" in schema
    status, text = small("popolo")
    assert status == 0
    popolo = json.loads(text)
    assert {p["name"] for p in popolo["persons"]} >= {"Khalifa Haftar", "Ghassan Salamé"}


@pytest.mark.parametrize(
    "argv",
    [
        ["--data", str(SMALL), "--no-bundled", "claimants", "--on", "2014-09-15"],
        ["claimants", "--on", "2014-09-15", "--data", str(SMALL), "--no-bundled"],
        ["--data", str(SMALL), "claimants", "--no-bundled", "--on", "2014-09-15"],
    ],
)
def test_shared_options_work_before_or_after_the_command(argv):
    status, text = run(*argv)
    assert status == 0
    claims = [line.split("\t")[0] for line in text.splitlines()]
    assert claims == ["gnc-claims-legislature", "hor-claims-legislature"]


def test_json_before_the_command_prints_json():
    status, text = run("--json", "--data", str(SMALL), "--no-bundled", "search", "Kadhafi")
    assert status == 0
    assert json.loads(text)[0]["id"] == "muammar-qaddafi"


def test_data_given_on_both_sides_of_the_command_is_all_loaded(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("- type: actor\n  id: extra-person\n  name: Extra\n  kind: person\n")
    status, text = run(
        "--data", str(SMALL), "--no-bundled", "show", "extra-person", "--data", str(extra)
    )
    assert status == 0
    assert "id: extra-person" in text
    status, text = run("--data", str(extra), "--no-bundled", "show", "tobruk", "--data", str(SMALL))
    assert status == 0
    assert "id: tobruk" in text


def test_no_bundled_before_validate_leaves_the_bundled_data_out(tmp_path):
    (tmp_path / "a.yaml").write_text("- type: actor\n  id: a\n  name: A\n  kind: person\n")
    status, text = run("--no-bundled", "--json", "validate", str(tmp_path))
    assert status == 0
    assert json.loads(text) == {"ok": True, "records": 1}


def test_validate_json_prints_the_problems_and_exits_1(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("- type: actor\n  id: a\n  kind: wizard\n", encoding="utf-8")
    status, text = run("validate", "--json", "--no-bundled", str(tmp_path))
    assert status == 1
    report = json.loads(text)
    assert report["ok"] is False
    fields = {problem["field"] for problem in report["problems"]}
    assert {"kind", "name"} <= fields
    for problem in report["problems"]:
        assert set(problem) == {"file", "line", "record", "field", "message", "hint"}
        assert problem["file"] == str(tmp_path / "a.yaml")
        assert problem["record"] == "actor 'a'"
    assert capsys.readouterr().err == ""


_FTM = importlib.util.find_spec("followthemoney") is not None


@pytest.mark.parametrize(
    "command",
    [
        ["schema"],
        ["popolo"],
        ["claimants", "--on", "2014-11-10"],
        pytest.param(["ftm"], marks=pytest.mark.skipif(not _FTM, reason="needs the ftm extra")),
    ],
)
def test_a_reader_that_stops_reading_ends_the_command_quietly(command):
    read, write = os.pipe()
    os.close(read)  # as `| head` does once it has read its lines
    try:
        done = subprocess.run(
            [sys.executable, "-m", "libyamodel", *command],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert done.stderr == ""
    assert done.returncode == 141


def test_a_terminal_shows_names_and_a_pipe_shows_ids():
    argv = ("claimants", "--on", "2014-09-15", "--data", str(SMALL), "--no-bundled")
    _, table = run(*argv, stream=Terminal())
    _, piped = run(*argv)
    assert "claimant=General National Congress" in table
    assert "claimant=general-national-congress" not in table
    assert "claimant=general-national-congress" in piped


COVERAGE = (
    "- type: coverage\n"
    "  id: legislatures-2011-2012\n"
    "  question: claimants\n"
    "  role: legislature\n"
    "  period: {start: 2011-01-01, end: 2012-12-31}\n"
    "  extent: complete\n"
    "- type: coverage\n"
    "  id: legislatures-2015-gap\n"
    "  question: claimants\n"
    "  role: legislature\n"
    "  period: {start: 2015-01-01, end: 2015-12-31}\n"
    "  extent: partial\n"
    "  note: the GNC's sessions of 2015 are not in the data\n"
)


@pytest.fixture
def declared(tmp_path):
    (tmp_path / "coverage.yaml").write_text(COVERAGE, encoding="utf-8")
    return tmp_path


def on_a_terminal(*argv, data):
    _, text = run(
        *argv, "--data", str(SMALL), "--data", str(data), "--no-bundled", stream=Terminal()
    )
    return text.splitlines()


def test_none_only_where_the_data_is_declared_complete(declared):
    lines = on_a_terminal("claimants", "--on", "2011-06-01", "--role", "legislature", data=declared)
    assert lines == ["none"]
    lines = on_a_terminal("claimants", "--on", "2012-09-01", "--role", "legislature", data=declared)
    assert lines[2].startswith("gnc-claims-legislature")
    assert lines[3:] == ["complete (declared by legislatures-2011-2012)"]


def test_an_empty_answer_nothing_speaks_for_is_none_known(declared):
    lines = on_a_terminal("claimants", "--on", "2011-06-01", "--role", "government", data=declared)
    assert lines == ["none known (the data does not claim to be complete here)"]


def test_an_answer_in_a_declared_gap_names_the_gap(declared):
    lines = on_a_terminal("claimants", "--on", "2015-03-01", "--role", "legislature", data=declared)
    assert lines[-1] == (
        "not all known: the data is known to be incomplete here: "
        "the GNC's sessions of 2015 are not in the data (legislatures-2015-gap)"
    )


def test_the_bundled_data_names_its_gaps_on_the_command_line():
    _, text = run("claimants", "--on", "2014-06-15", "--role", "legislature", stream=Terminal())
    assert text.startswith("none known: the data is known to be incomplete here: ")
    assert text.rstrip().endswith("(legislature-claims-2014-06-gap)")


def test_a_pipe_and_json_show_the_facts_alone(declared):
    argv = ("claimants", "--on", "2011-06-01", "--role", "legislature")
    _, piped = run(*argv, "--data", str(SMALL), "--data", str(declared), "--no-bundled")
    assert piped == ""
    _, as_json = run(*argv, "--json", "--data", str(SMALL), "--data", str(declared), "--no-bundled")
    assert json.loads(as_json) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["geojson", "--on", "2014-11-13", "--possible"],
        ["--json", "geojson", "--possible", "--on", "2014-11-13"],
        ["--no-bundled", "geojson", "--on", "2014-11-13", "--possible", "--data", "BUNDLED"],
    ],
)
def test_geojson_prints_the_map_of_the_day_with_the_shared_options(argv):
    argv = [str(lm.bundled_data_path()) if arg == "BUNDLED" else arg for arg in argv]
    status, text = run(*argv)
    assert status == 0
    assert json.loads(text) == lm.load().to_geojson("2014-11-13", certainty="possible")


def test_geojson_of_no_data_is_an_empty_collection_and_a_bad_day_exits_2(capsys):
    status, text = small("geojson", "--on", "2016-05-16")
    assert status == 0
    collection = json.loads(text)
    assert collection["features"] == []
    assert "sirte" in collection["libyamodel"]["places_without_coordinates"]
    assert collection["libyamodel"]["certainty"] == "definite"
    status, text = small("geojson", "--on", "2016-05-32")
    assert status == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_history_prints_one_line_per_stretch():
    status, text = small("history", "controllers", "sirte", "--between", "2014", "2016")
    assert status == 0
    lines = [line.split("\t") for line in text.splitlines()]
    assert lines[0][:3] == ["2014-01-01", "2014-11-12", "316"]
    assert ["2014-11-13", "2014-11-13", "1", "ansar-al-sharia", "ansar-holds-sirte"] in lines
    assert lines[-1][1] == "2016-12-31"


def test_history_names_entities_on_a_terminal_and_prints_json():
    argv = ("history", "controllers", "Sirte", "--between", "2014", "2016", "--possible")
    status, table = run(*argv, "--data", str(SMALL), "--no-bundled", stream=Terminal())
    assert status == 0
    assert "Ansar al-Sharia, Islamic State" in table
    status, text = small(*argv, "--json")
    record = json.loads(text)
    assert (record["question"], record["about"], record["certainty"]) == (
        "controllers",
        {"place": "sirte"},
        "possible",
    )
    assert record["stretches"][-1] == {
        "first": "2015-01-01",
        "last": "2016-12-31",
        "days": 731,
        "in_force": ["ansar-al-sharia", "islamic-state"],
        "facts": ["ansar-holds-sirte", "is-holds-sirte"],
    }


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["history", "holders", "--between", "2014", "2016"], "needs the office"),
        (["history", "claimants", "hor", "--between", "2014", "2016"], "takes no entity"),
        (["history", "mandates", "--role", "x", "--between", "2014", "2016"], "--role"),
        (["history", "controllers", "sirte", "--between", "2016", "2014"], "before"),
        (["history", "controllers", "sirte", "--between", "2014", "14"], "YYYY"),
    ],
)
def test_history_refuses_what_its_question_does_not_take(argv, words, capsys):
    status, _ = small(*argv)
    assert status == 2
    assert words in capsys.readouterr().err
