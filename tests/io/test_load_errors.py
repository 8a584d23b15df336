"""Bad input: one DataError that names every problem with its file, line and field."""

from __future__ import annotations

import json

import pytest

import libyamodel as lm


def problems_of(path):
    with pytest.raises(lm.DataError) as caught:
        lm.load(path, bundled=False)
    error = caught.value
    assert isinstance(error, lm.LibyaModelError)
    assert isinstance(error, ValueError)
    return error


def find(error, file, line):
    found = [p for p in error.problems if p.file == file and p.line == line]
    assert found, f"no problem at {file.name}:{line} in\n{error}"
    return found[0]


def test_a_folder_of_broken_files_reports_every_problem_at_once(tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text(
        "- type: source\n"  # 1
        "  id: snia\n"  # 2
        "  title: Libya\n"  # 3
        "  published: 2014-11-13\n"  # 4
        "- type: actor\n"  # 5
        "  id: gnc\n"  # 6
        "  name: General National Congress\n"  # 7
        "  kind: legislature\n"  # 8  not an actor kind
        "  colour: green\n"  # 9  unknown key
        "- type: legitimacy_claim\n"  # 10
        "  id: hor-claims\n"  # 11
        "  claimant: house-of-reps\n"  # 12 unknown reference, in a broken record
        "  role: legislature\n"  # 13
        "  period: {start: 2014-08-04}\n"  # 14
        "  evidence:\n"  # 15
        "    - source: snia\n"  # 16
        "      quote: the new parliament\n"  # 17
        "      stance: affirm\n"  # 18 not a stance
        "- type: legitimacy_claim\n"  # 19
        "  id: hor-claims-government\n"  # 20
        "  claimant: house-of-reps\n"  # 21 unknown reference
        "  role: government\n"  # 22
        "  period: {start: 2014-08-04}\n"  # 23
        "  evidence: [{source: snia, quote: the new parliament}]\n",  # 24
        encoding="utf-8",
    )
    b = tmp_path / "b.yaml"
    b.write_text(
        "- type: place\n"  # 1
        "  id: tripoli\n"  # 2
        "  name: Tripoli\n"  # 3
        "  kind: city\n"  # 4
        "- type: control_claim\n"  # 5
        "  id: who-holds-what\n"  # 6
        "  controller: gnc\n"  # 7  broken above: not reported again
        "  place: snia\n"  # 8  a source, not a place
        "  period: {on: 2014-11-13}\n"  # 9
        "  evidence: [{source: snia, quote: are now in control}]\n"  # 10
        "- type: event\n"  # 11
        "  id: no-evidence\n"  # 12
        "  name: Something\n"  # 13
        "  kind: other\n"  # 14
        "  period: 2014-13-45\n"  # 15 impossible month
        "  evidence: []\n"  # 16 a fact without evidence
        "- type: treaty\n"  # 17 unknown type
        "  id: t\n",  # 18
        encoding="utf-8",
    )
    c = tmp_path / "c.yaml"
    c.write_text("- type: actor\n  id: [unclosed\n", encoding="utf-8")
    d = tmp_path / "d.json"
    d.write_text(
        json.dumps(
            [{"type": "place", "id": "tripoli", "name": "Tripolis", "kind": "city"}], indent=1
        ),
        encoding="utf-8",
    )

    error = problems_of(tmp_path)

    kind = find(error, a, 8)
    assert kind.field == "kind"
    assert "person" in kind.message
    assert find(error, a, 9).field == "colour"
    for line in (12, 21):
        reference = find(error, a, line)
        assert reference.field == "claimant"
        assert "house-of-reps" in reference.message
    stance = find(error, a, 18)
    assert stance.field == "evidence[0].stance"
    assert "affirms" in stance.message
    wrong_kind = find(error, b, 8)
    assert "needs a place" in wrong_kind.message
    assert wrong_kind.field == "place"
    assert "month 13" in find(error, b, 15).message
    assert find(error, b, 15).field == "period"
    assert "at least one evidence" in find(error, b, 16).message
    assert "treaty" in find(error, b, 17).message
    assert "YAML" in find(error, c, 3).message
    duplicate = find(error, d, 4)
    assert "already defined" in duplicate.message
    assert f"{b}:2" in duplicate.message
    assert len(error.problems) == 11
    text = str(error)
    assert text.startswith("11 problems")
    assert f"{a}:8" in text


def test_a_did_you_mean_for_near_misses(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        "- {type: place, id: tripoli, name: Tripoli, kind: city}\n"
        "- {type: source, id: snia, title: T, published: 2014}\n"
        "- type: control_claim\n"
        "  id: c\n"
        "  controller: tripoli\n"
        "  place: tripolli\n"
        "  period: 2014\n"
        "  evidence: [{source: snia, quote: q q q}]\n"
        "  extnet: full\n",
        encoding="utf-8",
    )
    error = problems_of(path)
    assert find(error, path, 6).hint == "did you mean tripoli?"
    assert find(error, path, 9).hint == "did you mean extent?"


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ("- type: actor\n  id: a\n  id: b\n", "appears twice", 3),
        ("- &x {type: actor, id: a, name: A, kind: person}\n- *x\n", "aliases", 1),
        ("- !!python/object:os.system {}\n", "tag", 1),
        ("- type: actor\n  id: a\n  name: 12\n  kind: person\n", "expected text", 3),
        ("- type: actor\n  id: a\n  name: A\n  kind: person\n  aliases: A\n", "a list", 5),
        (
            "- type: recognition\n  id: r\n  recognizer: a\n  recognized: a\n"
            "  accepts: no\n  period: 2014\n  evidence: [{source: s, quote: q}]\n",
            "true or false",
            5,
        ),
        (
            "- type: event\n  id: e\n  name: E\n  kind: other\n"
            "  period: {start: 2015, end: 2014}\n  evidence: [{source: s, quote: q}]\n",
            "starts",
            5,
        ),
        (
            "- type: event\n  id: e\n  name: E\n  kind: other\n"
            "  period: {on: 2014, start: 2014}\n  evidence: [{source: s, quote: q}]\n",
            "stands alone",
            5,
        ),
        (
            "- type: event\n  id: e\n  name: E\n  kind: other\n  period: 2014\n"
            "  evidence: [{source: s, quote: q, page: 3}]\n",
            "unknown key",
            6,
        ),
        ("- type: actor\n  id: Bad Id\n  name: A\n  kind: person\n", "not an id", 2),
        ("just text\n", "expected a list of records", 1),
        ("- type: actor\n  name: A\n  kind: person\n", "required", 1),
        ("- name: A\n", "missing type", 1),
    ],
)
def test_each_kind_of_bad_input_gets_a_clear_message(tmp_path, text, fragment, line):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    error = problems_of(path)
    assert any(fragment in str(p) and p.line == line for p in error.problems), str(error)
    assert all(p.file == path for p in error.problems)


def test_json_problems_have_lines(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(
        '[\n {"type": "actor",\n  "id": "a",\n  "name": "A",\n  "kind": "wizard"}\n]\n',
        encoding="utf-8",
    )
    error = problems_of(path)
    assert find(error, path, 5).field == "kind"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"- type: actor\n  name: \xff\xfe\n", "UTF-8"),
        (b'[{"type": "actor", "id": "a", "id": "b"}]', "appears twice"),
        (b"[{", "not valid JSON"),
        (b'[{"lat": NaN}]', "NaN"),
    ],
)
def test_unreadable_files_are_reported(tmp_path, content, fragment):
    path = tmp_path / ("a.json" if content.startswith(b"[") else "a.yaml")
    path.write_bytes(content)
    error = problems_of(path)
    assert fragment in str(error)


def test_a_missing_path_is_reported(tmp_path):
    error = problems_of(tmp_path / "nowhere")
    assert "no such file" in str(error)


def test_a_file_that_is_not_data_is_reported(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    assert "not a data file" in str(problems_of(path))


def test_a_record_with_a_bad_date_still_has_its_references_checked(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        "- {type: actor, id: a1, name: A, kind: person}\n"  # 1
        "- {type: source, id: s1, title: T, published: 2014}\n"  # 2
        "- {type: office, id: chair, name: Chair}\n"  # 3
        "- type: tenure\n"  # 4
        "  id: t\n"  # 5
        "  holder: a11\n"  # 6  unknown, near a1
        "  office: nowhere\n"  # 7  unknown
        "  period: {start: 2014-13-45}\n"  # 8  no such month
        "  evidence: [{source: s2, quote: q}]\n",  # 9  unknown source
        encoding="utf-8",
    )
    error = problems_of(path)
    assert find(error, path, 8).field == "period.start"
    holder = find(error, path, 6)
    assert (holder.field, holder.record) == ("holder", "tenure 't'")
    assert "a11" in holder.message
    assert holder.hint == "did you mean a1?"
    office = find(error, path, 7)
    assert (office.field, office.record) == ("office", "tenure 't'")
    assert "nowhere" in office.message
    source = find(error, path, 9)
    assert source.field == "evidence[0].source"
    assert "s2" in source.message
    assert len(error.problems) == 4


def test_a_broken_record_has_its_id_checked_and_references_to_it_are_not_reported(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        "- {type: actor, id: a1, name: A, kind: person}\n"  # 1
        "- {type: source, id: s1, title: T, published: 2014}\n"  # 2
        "- {type: actor, id: a1, name: B, kind: wizard}\n"  # 3 bad kind, and a1 again
        "- type: legitimacy_claim\n"  # 4
        "  id: c\n"  # 5
        "  claimant: Bad Id\n"  # 6 not an id: reported once, not also as unknown
        "  role: government\n"  # 7
        "  period: 2014-13\n"  # 8 no such month
        "  evidence: [{source: s1, quote: q}]\n",  # 9
        encoding="utf-8",
    )
    error = problems_of(path)
    assert {p.field for p in error.problems if p.line == 3} == {"kind", "id"}
    assert [p.field for p in error.problems if p.line == 6] == ["claimant"]
    assert find(error, path, 8).field == "period"
    assert len(error.problems) == 4


def test_references_into_a_file_that_did_not_parse_are_not_called_unknown(tmp_path):
    entities = tmp_path / "entities.yaml"
    entities.write_text(
        "- type: actor\n  id: a1\n\tname: A\n  kind: person\n",  # a tab: not YAML
        encoding="utf-8",
    )
    (tmp_path / "more.yaml").write_text(
        "- {type: actor, id: a2, name: B, kind: person}\n"
        "- {type: source, id: s1, title: T, published: 2014}\n",
        encoding="utf-8",
    )
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "- type: support\n"  # 1
        "  id: s\n"  # 2
        "  supporter: a1\n"  # 3 perhaps in entities.yaml: cannot be checked
        "  supported: zz-nobody\n"  # 4 not named in entities.yaml: unknown
        "  kind: military\n"  # 5
        "  period: 2014\n"  # 6
        "  evidence: [{source: s1, quote: q}]\n",  # 7
        encoding="utf-8",
    )
    error = problems_of(tmp_path)
    assert [p.line for p in error.problems if p.file == entities] == [3]
    unchecked = [p for p in error.problems if p.file == facts and p.line == 3]
    assert len(unchecked) == 1
    assert unchecked[0].field == "supporter"
    assert "not a known id" not in unchecked[0].message
    assert "a2" not in (unchecked[0].hint or "")
    assert "entities.yaml" in unchecked[0].message
    assert "could not be checked" in unchecked[0].message
    assert "not a known id" in find(error, facts, 4).message
    assert len(error.problems) == 3


def test_files_whose_names_start_with_an_underscore_are_left_out(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "- {type: actor, id: a1, name: A, kind: person}\n", encoding="utf-8"
    )
    (tmp_path / "_draft.yaml").write_text(
        "- {type: actor, id: a2, name: B, kind: person}\n- {type: actor, id: a1\n",
        encoding="utf-8",
    )
    (tmp_path / "_drafts").mkdir()
    (tmp_path / "_drafts" / "b.yaml").write_text("- {type: actor, id: a3\n", encoding="utf-8")
    dataset = lm.load(tmp_path, bundled=False)
    assert [record.id for record in dataset] == ["a1"]


@pytest.mark.parametrize("title", ["T", "5"])  # a good record, and one with a bad title
def test_a_bug_while_reading_a_value_surfaces_instead_of_being_reported_as_data(
    tmp_path, monkeypatch, title
):
    def broken(cls, text):
        raise AttributeError("a bug, not bad data")

    monkeypatch.setattr(lm.PartialDate, "parse", classmethod(broken))
    path = tmp_path / "a.yaml"
    path.write_text(
        # A year no other test reads, so that no earlier load has parsed it already.
        f"- {{type: source, id: s, title: {title}, published: 1066}}\n",
        encoding="utf-8",
    )
    with pytest.raises((AttributeError, ExceptionGroup)) as caught:
        lm.load(path, bundled=False)
    assert not isinstance(caught.value, lm.DataError)
    if isinstance(caught.value, ExceptionGroup):
        assert caught.group_contains(AttributeError, depth=None)
    else:
        assert isinstance(caught.value, AttributeError)
