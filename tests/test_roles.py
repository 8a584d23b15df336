"""One role vocabulary: claims name its words, queries take its synonyms, users extend it."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.cli import main
from libyamodel.strategies import datasets, days

DOCS = Path(__file__).parent.parent / "docs" / "roles.md"
DAYS = days(datetime.date(2010, 1, 1), datetime.date(2023, 12, 31))

SOURCE = (
    "- type: source\n"  # 1
    "  id: note\n"  # 2
    "  title: A note\n"  # 3
    "  published: 2014-11-13\n"  # 4
    "- type: institution\n"  # 5
    "  id: pfg\n"  # 6
    "  name: Petroleum Facilities Guard\n"  # 7
    "  kind: military\n"  # 8
)


def claim(role: str, ident: str = "pfg-claims") -> str:
    return (
        "- type: legitimacy_claim\n"
        f"  id: {ident}\n"
        "  claimant: pfg\n"
        f"  role: {role}\n"
        "  period: {start: 2014-08}\n"
        "  evidence: [{source: note, quote: guards the oil terminals}]\n"
    )


def problems(tmp_path, text, **options):
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(lm.DataError) as caught:
        lm.load(path, bundled=False, **options)
    return caught.value.problems


@pytest.fixture(scope="module")
def ds():
    return lm.load()


def test_the_vocabulary_has_the_roles_analysts_ask_about():
    roles = lm.Roles()
    for word in (
        "legislature",
        "government",
        "head_of_state",
        "head_of_government",
        "presidency",
        "national_army",
        "central_bank",
        "supreme_court",
    ):
        assert word in roles
        assert roles.definitions[word].strip()


def test_every_role_the_bundled_data_claims_is_in_the_vocabulary(ds):
    claimed = {fact.role for fact in ds.facts if isinstance(fact, lm.LegitimacyClaim)}
    assert claimed >= {"legislature", "government", "presidency", "national_army"}
    assert claimed <= set(ds.roles)


def test_the_docs_list_every_role_with_its_definition():
    rows = re.findall(r"^\| `([a-z_]+)` \| (.+?) \| (.*?) \|$", DOCS.read_text("utf-8"), re.M)
    roles = lm.Roles()
    assert {word: definition for word, definition, _ in rows} == dict(roles.definitions)
    synonyms = {
        synonym.strip(" `"): word
        for word, _, listed in rows
        for synonym in listed.split(",")
        if synonym.strip()
    }
    assert synonyms == {key.replace("_", " "): word for key, word in roles.synonyms.items()}


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("legislature", "legislature"),
        ("Legislature", "legislature"),
        ("parliament", "legislature"),
        ("PARLIAMENT", "legislature"),
        ("Parliament ", "legislature"),
        ("cabinet", "government"),
        ("Council of Ministers", "government"),
        ("army", "national_army"),
        ("Armed Forces", "national_army"),
        ("national army", "national_army"),
        ("national-army", "national_army"),
        ("Head of State", "head_of_state"),
        ("prime minister", "head_of_government"),
        ("Presidential Council", "presidency"),
        ("High Council of State", "state_council"),
    ],
)
def test_synonyms_in_any_letter_case_ask_for_the_vocabulary_word(ds, typed, word):
    assert lm.Roles().word(typed) == word
    for day in ("2014-11-10", "2016-05-16", "2022-06-01"):
        assert ds.claimants(day, role=typed) == ds.claimants(day, role=word)


def test_a_synonym_finds_the_claims_of_its_role(ds):
    bodies = {claim.claimant for claim in ds.claimants("2014-11-10", role="Parliament")}
    assert bodies == {"general-national-congress", "house-of-representatives"}


@pytest.mark.parametrize("typed", ["parlament", "legislator", "executive", "", "oil guards"])
def test_a_query_for_an_unknown_role_raises_listing_the_roles(ds, typed):
    with pytest.raises(lm.UnknownRole) as caught:
        ds.claimants("2014-11-10", role=typed)
    error = caught.value
    assert isinstance(error, lm.LibyaModelError)
    assert isinstance(error, ValueError)
    assert error.known == tuple(lm.Roles())
    for word in lm.Roles():
        assert word in str(error)


def test_an_unknown_role_suggests_the_nearest(ds):
    with pytest.raises(lm.UnknownRole) as caught:
        ds.claimants("2014-11-10", role="parlament")
    assert caught.value.suggestions[0] == "legislature"
    assert "did you mean 'legislature'" in str(caught.value)


def test_an_unknown_role_in_a_file_is_a_load_error_with_file_line_and_field(tmp_path):
    (problem,) = problems(tmp_path, SOURCE + claim("legislatur"))
    assert problem.file == tmp_path / "data.yaml"
    assert problem.line == 12
    assert problem.field == "role"
    assert problem.record == "legitimacy_claim 'pfg-claims'"
    assert "did you mean legislature?" in problem.hint
    assert "with_roles" in problem.hint


def test_a_synonym_in_a_file_is_refused_naming_the_word_to_write(tmp_path):
    """Files hold the vocabulary's word, so that data and dumps have one spelling."""
    found = problems(tmp_path, SOURCE + claim("Parliament") + claim("national army", "pfg-2"))
    assert [(p.line, p.hint) for p in found] == [
        (12, "write 'legislature', the vocabulary's word for it"),
        (18, "write 'national_army', the vocabulary's word for it"),
    ]


def test_a_role_in_a_record_with_other_problems_is_checked_too(tmp_path):
    text = SOURCE + claim("legislatur").replace("start: 2014-08", "start: 2014-13")
    found = problems(tmp_path, text)
    assert {p.field for p in found} == {"period.start", "role"}


def test_users_extend_the_vocabulary_for_their_own_data(tmp_path):
    roles = lm.Roles().with_roles(
        {"oil_guard": "the force entitled to guard the oil fields and terminals"},
        synonyms={"facilities guard": "oil_guard"},
    )
    path = tmp_path / "data.yaml"
    path.write_text(SOURCE + claim("oil_guard"), encoding="utf-8")
    ds = lm.load(path, roles=roles)
    assert ds.roles is roles
    assert [c.id for c in ds.claimants("2015-01-01", role="Facilities Guard")] == ["pfg-claims"]
    assert ds.claimants("2015-01-01", role="oil_guard") == ds.as_known_on("2020-01-01").claimants(
        "2015-01-01", role="oil_guard"
    )
    with pytest.raises(lm.DataError):
        lm.load(path)
    with pytest.raises(lm.UnknownRole):
        lm.load().claimants("2015-01-01", role="oil_guard")


def test_from_records_checks_roles_as_a_load_does():
    source = lm.Source(id="note", title="A note", published=lm.PartialDate.parse("2014"))
    body = lm.Institution(id="pfg", name="Guard", kind="military")
    record = lm.LegitimacyClaim(
        id="pfg-claims",
        claimant="pfg",
        role="guard",
        period=lm.Period(start="2014"),
        evidence=[lm.Evidence(source="note", quote="guards")],
    )
    with pytest.raises(lm.DataError, match="'guard' is not a role"):
        lm.Dataset.from_records([source, body, record])
    roles = lm.Roles().with_roles({"guard": "guards the oil"})
    ds = lm.Dataset.from_records([source, body, record], roles=roles)
    assert [c.id for c in ds.claimants("2015-01-01", role="GUARD")] == ["pfg-claims"]


@pytest.mark.parametrize(
    ("definitions", "synonyms", "why"),
    [
        ({"Oil Guard": "guards the oil"}, None, "lower case"),
        ({"oil_guard": " "}, None, "definition"),
        ({"parliament": "a synonym already"}, None, "already a synonym"),
        ({}, {"guard": "oil_guard"}, "not a role"),
        ({}, {"government": "legislature"}, "a role itself"),
    ],
)
def test_a_malformed_extension_is_refused(definitions, synonyms, why):
    with pytest.raises(ValueError, match=why):
        lm.Roles().with_roles(definitions, synonyms)


def test_the_command_line_refuses_an_unknown_role(capsys):
    out = io.StringIO()
    assert main(["claimants", "--on", "2014-11-10", "--role", "parlament"], stdout=out) == 2
    error = capsys.readouterr().err
    assert "did you mean 'legislature'" in error
    assert "head_of_government" in error
    assert out.getvalue() == ""


def test_the_command_line_takes_a_synonym():
    out = io.StringIO()
    assert main(["claimants", "--on", "2014-11-10", "--role", "Parliament"], stdout=out) == 0
    assert "house-of-representatives" in out.getvalue()


def _respelled(word: str, how: int) -> str:
    return [word, word.upper(), word.replace("_", " "), word.replace("_", "-").title()][how]


@given(datasets(), DAYS, st.sampled_from(tuple(lm.Roles())), st.integers(0, 3))
def test_any_spelling_of_a_role_gives_the_same_answer(ds, day, word, how):
    assert ds.claimants(day, role=_respelled(word, how)) == ds.claimants(day, role=word)


@given(datasets(), DAYS, st.sampled_from(["definite", "possible"]))
def test_the_roles_divide_the_claims_among_them(ds, day, certainty):
    every = ds.claimants(day, certainty=certainty)
    by_role = [ds.claimants(day, role=word, certainty=certainty) for word in ds.roles]
    assert sorted(claim.id for part in by_role for claim in part) == sorted(c.id for c in every)
