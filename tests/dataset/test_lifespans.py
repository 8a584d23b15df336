"""Lifespans: entities' founding and dissolution (birth and death) bound what their facts
can be, in every query; bad lifespans are load errors naming file, line and field."""

from __future__ import annotations

import datetime

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.io import json_schema
from libyamodel.model import principals
from libyamodel.strategies import datasets, days

DAYS = days(datetime.date(2010, 1, 1), datetime.date(2023, 12, 31))
P = lm.PartialDate.parse
GNA = "government-of-national-accord"

HEADER = (
    "- type: source\n"  # 1
    "  id: report\n"  # 2
    "  title: A report\n"  # 3
    "  published: 2016-01-01\n"  # 4
    "- type: institution\n"  # 5
    "  id: gna\n"  # 6
    "  name: Government of National Accord\n"  # 7
    "  kind: executive\n"  # 8
    "  founded: 2015-12\n"  # 9
    "  evidence:\n"  # 10
    "    - source: report\n"  # 11
    "      paraphrase: The government was formed in December 2015.\n"  # 12
    "      locator: para. 3\n"  # 13
)


def claim(ident: str, period: str, claimant: str = "gna") -> str:
    return (
        "- type: legitimacy_claim\n"
        f"  id: {ident}\n"
        f"  claimant: {claimant}\n"
        "  role: government\n"
        f"  period: {period}\n"
        "  evidence:\n"
        "    - source: report\n"
        "      paraphrase: It said it was the government.\n"
    )


def load(tmp_path, text: str) -> lm.Dataset:
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    return lm.load(tmp_path, bundled=False)


def problems(tmp_path, text: str) -> list[lm.Problem]:
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(lm.DataError) as caught:
        lm.load(tmp_path, bundled=False)
    return list(caught.value.problems)


def only(found: list[lm.Problem]) -> lm.Problem:
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


# -- the example ----------------------------------------------------------------


def test_an_observed_claim_is_not_possible_before_its_claimant_was_founded(tmp_path):
    ds = load(tmp_path, HEADER + claim("gna-claims", "{observed: 2019-06}"))
    assert ds.claimants("2011-03-01", certainty="possible") == ()
    assert ds.truth("gna-claims", "2011-03-01") is lm.Truth.NO
    # The founding month is in doubt; after it, the observation may hold as before.
    assert ds.truth("gna-claims", "2015-12-15") is lm.Truth.MAYBE
    assert ds.truth("gna-claims", "2015-11-30") is lm.Truth.NO
    assert ds.truth("gna-claims", "2017-01-01") is lm.Truth.MAYBE
    assert ds.truth("gna-claims", "2019-06-15") is lm.Truth.MAYBE
    assert [c.id for c in ds.claimants("2016-01-01", certainty="possible")] == ["gna-claims"]
    # The period alone says nothing of the GNA's founding.
    assert ds["gna-claims"].period.truth("2011-03-01") is lm.Truth.MAYBE


def test_in_the_bundled_data_the_gna_is_no_possible_claimant_in_2011_once_founded_in_2015():
    ds = lm.load()
    source = ds.sources[0].id
    founded = lm.Evidence(source=source, paraphrase="Formed in December 2015.")
    records = [
        attrs.evolve(record, founded=P("2015-12"), dissolved=None, evidence=(founded,))
        if record.id == GNA
        else record
        for record in ds
    ]
    narrowed = lm.Dataset.from_records(records)
    claimants = {c.claimant for c in narrowed.claimants("2011-03-01", certainty="possible")}
    assert GNA not in claimants
    assert GNA in {c.claimant for c in narrowed.claimants("2018-01-01", certainty="possible")}
    profile = narrowed.legitimacy(GNA, "2011-03-01")
    assert profile.items() == ()


def test_a_fact_is_definite_only_while_its_entity_certainly_exists(tmp_path):
    text = HEADER.replace("  founded: 2015-12\n", "  founded: 2015-12\n  dissolved: 2021-03-16\n")
    ds = load(tmp_path, text + claim("gna-claims", "{start: 2016-03-30}"))
    assert [c.id for c in ds.claimants("2021-03-16")] == ["gna-claims"]
    assert ds.claimants("2021-03-17", certainty="possible") == ()
    assert ds.span("gna-claims") == lm.Span(
        earliest=datetime.date(2016, 3, 30),
        latest=datetime.date(2021, 3, 16),
        certain_from=datetime.date(2016, 3, 30),
        certain_until=datetime.date(2021, 3, 16),
    )
    # The record keeps its period as written: the bound is the dataset's.
    assert ds["gna-claims"].period.end is None


def test_spanned_queries_keep_within_lifespans(tmp_path):
    text = HEADER + (
        "- type: conference\n"
        "  id: talks\n"
        "  name: Talks\n"
        "  period: {start: 2015-11-20, end: 2015-12-20}\n"
        "  participants: [gna]\n"
        "  evidence: [{source: report, paraphrase: They met.}]\n"
    )
    ds = load(tmp_path, text)
    assert ds.conferences(between=("2015-11-20", "2015-11-30"), certainty="possible") == ()
    assert ds.conferences(between=("2015-11-20", "2015-12-05"), certainty="possible")
    # The GNA may have been founded on the 31st, after the talks ended.
    assert ds.conferences(between=("2015-11-20", "2015-12-31")) == ()
    assert ds.conferences(between=("2015-11-20", "2015-12-31"), certainty="possible")


def test_as_known_on_keeps_lifespans(tmp_path):
    ds = load(tmp_path, HEADER + claim("gna-claims", "{observed: 2019-06}"))
    known = ds.as_known_on("2030-01-01")
    assert known["gna"].founded == P("2015-12")
    assert known.claimants("2011-03-01", certainty="possible") == ()


def test_lifespans_survive_dump_and_load(tmp_path):
    ds = load(tmp_path, HEADER + claim("c", "{observed: 2019-06}"))
    ds.dump(tmp_path / "out")
    again = lm.load(tmp_path / "out", bundled=False)
    assert again == ds
    assert again["gna"].lifespan == ds["gna"].lifespan


def test_truth_takes_only_this_datasets_facts(tmp_path):
    ds = load(tmp_path, HEADER + claim("gna-claims", "{observed: 2019-06}"))
    with pytest.raises(lm.UnknownId):
        ds.truth("no-such-claim", "2016-01-01")
    with pytest.raises(ValueError, match="not a fact"):
        ds.truth("gna", "2016-01-01")
    other = attrs.evolve(ds["gna-claims"], role="legislature")
    with pytest.raises(ValueError, match="not this dataset's fact"):
        ds.truth(other, "2016-01-01")


# -- views ------------------------------------------------------------------------------


def test_a_plot_draws_no_fact_before_its_entity_was_founded(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    ds = load(tmp_path, HEADER + claim("gna-claims", "{observed: 2019-06}"))
    ax = ds.plot("gna")
    # The observation may hold from the first day the GNA may have existed, not before.
    founded = mdates.date2num(datetime.date(2015, 12, 1))
    assert min(bar.get_x() for bar in ax.patches) == founded
    assert ax.get_xlim()[0] < founded
    plt.close("all")


def test_the_command_line_offers_no_claim_outside_its_claimants_lifespan(tmp_path):
    import io

    from libyamodel.cli import main

    (tmp_path / "data.yaml").write_text(HEADER + claim("gna-claims", "{observed: 2019-06}"))
    argv = ["claimants", "--possible", "--data", str(tmp_path), "--no-bundled", "--on"]
    before, during = io.StringIO(), io.StringIO()
    assert main([*argv, "2011-03-01"], stdout=before) == 0
    assert main([*argv, "2015-12-15"], stdout=during) == 0
    assert "gna-claims" not in before.getvalue()
    assert during.getvalue().split("\t")[0] == "gna-claims"
    assert during.getvalue().rstrip().endswith("MAYBE")


def test_an_entitys_html_shows_its_lifespan_and_evidence(tmp_path):
    ds = load(tmp_path, HEADER)
    shown = ds["gna"]._repr_html_()
    assert "founded" in shown
    assert "2015-12-01 to 2015-12-31" in shown
    assert "The government was formed in December 2015." in shown


# -- load errors ------------------------------------------------------------------------


def test_a_fact_wholly_outside_a_lifespan_is_a_load_error(tmp_path):
    found = only(problems(tmp_path, HEADER + claim("c", "{start: 2011-02, end: 2011-05}")))
    assert (found.file.name, found.line, found.field) == ("data.yaml", 16, "claimant")
    assert "'gna'" in found.message
    assert "founded 2015-12" in found.message
    assert found.hint


def test_a_fact_outside_the_lifespans_of_all_it_names_together_is_a_load_error(tmp_path):
    text = HEADER + (
        "- type: institution\n"  # 14
        "  id: ntc\n"  # 15
        "  name: National Transitional Council\n"  # 16
        "  kind: legislature\n"  # 17
        "  dissolved: 2012-08-08\n"  # 18
        "  evidence: [{source: report, paraphrase: It handed over power.}]\n"  # 19
        "- type: recognition\n"  # 20
        "  id: r\n"  # 21
        "  recognizer: ntc\n"  # 22
        "  recognized: gna\n"  # 23
        "  period: {start: 2011, end: 2019}\n"  # 24
        "  evidence: [{source: report, paraphrase: It recognised it.}]\n"  # 25
    )
    found = only(problems(tmp_path, text))
    assert (found.line, found.field) == (23, "recognized")
    assert "'ntc'" in found.message
    assert "'gna'" in found.message


@pytest.mark.parametrize(
    ("fields", "line", "field", "words"),
    [
        ("  kind: person\n  founded: 1943\n", 9, "founded", "takes born"),
        ("  kind: armed_group\n  born: 1943\n", 9, "born", "takes founded"),
        ("  kind: person\n  born: 1943\n  died: 1940\n", 10, "died", "before born"),
        ("  kind: party\n  dissolved: 2014-08\n  founded: 2014-09\n", 9, "dissolved", "before"),
    ],
)
def test_a_lifespan_that_does_not_fit_its_actor_is_a_load_error(
    tmp_path, fields, line, field, words
):
    text = (
        "- type: source\n"  # 1
        "  id: report\n"  # 2
        "  title: A report\n"  # 3
        "  published: 2016-01-01\n"  # 4
        "- type: actor\n"  # 5
        "  id: someone\n"  # 6
        "  name: Someone\n"  # 7
        + fields
        + "  evidence: [{source: report, paraphrase: The dates.}]\n"
    )
    found = only(problems(tmp_path, text))
    assert (found.line, found.field) == (line, field)
    assert words in found.message


def test_lifespan_dates_without_evidence_are_a_load_error(tmp_path):
    text = HEADER.split("  evidence:\n", maxsplit=1)[0]
    found = only(problems(tmp_path, text))
    assert (found.line, found.field) == (9, "founded")
    assert "evidence" in found.message


def test_lifespan_evidence_without_dates_is_a_load_error(tmp_path):
    found = only(problems(tmp_path, HEADER.replace("  founded: 2015-12\n", "")))
    assert (found.line, found.field) == (10, "evidence")


def test_lifespan_evidence_cites_known_sources(tmp_path):
    found = only(problems(tmp_path, HEADER.replace("    - source: report", "    - source: reprot")))
    assert (found.line, found.field) == (11, "evidence[0].source")
    assert "did you mean report" in str(found)


def test_offices_places_and_sources_take_no_lifespan(tmp_path):
    text = (
        "- type: office\n"  # 1
        "  id: pm\n"  # 2
        "  name: Prime Minister\n"  # 3
        "  founded: 2014\n"  # 4
    )
    found = only(problems(tmp_path, text))
    assert (found.line, found.field) == (4, "founded")
    assert "unknown key" in found.message


# -- the schema -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "valid"),
    [
        ({"kind": "person", "born": "1943", "evidence": [{"source": "s", "quote": "q"}]}, True),
        ({"kind": "party", "founded": "1943", "evidence": [{"source": "s", "quote": "q"}]}, True),
        ({"kind": "person", "founded": "1943", "evidence": [{"source": "s", "quote": "q"}]}, False),
        ({"kind": "party", "died": "1943", "evidence": [{"source": "s", "quote": "q"}]}, False),
        ({"kind": "party", "founded": "1943"}, False),
        ({"kind": "party", "founded": "1943", "evidence": []}, False),
    ],
)
def test_the_schema_checks_lifespans(record, valid):
    data = [{"type": "actor", "id": "a", "name": "A", **record}]
    assert jsonschema.Draft202012Validator(json_schema()).is_valid(data) is valid


# -- properties -------------------------------------------------------------------------


def day_by_day(ds, fact, day):
    """A fact's truth on a day: its period's and (Kleene's "and") each lifespan's."""
    truth = fact.period.truth(day)
    for _, ident in principals(fact):
        entity = ds[ident]
        if isinstance(entity, lm.Actor | lm.Institution):
            truth = truth & entity.lifespan.truth(day)
    return truth


def dated_answers(ds, day):
    yield from ds.claimants(day, certainty="possible")
    yield from ds.recognitions(day, certainty="possible")
    yield from ds.mandates(day, certainty="possible")
    yield from ds.supports(day, certainty="possible")
    yield from ds.memberships(day, certainty="possible")
    for entity in ds.entities:
        if isinstance(entity, lm.Place):
            yield from ds.controllers(entity, day, certainty="possible")
        if isinstance(entity, lm.Office):
            yield from ds.holders(entity, day, certainty="possible")


@given(datasets(), DAYS)
def test_no_fact_is_possible_on_a_day_certainly_outside_a_lifespan_it_names(ds, day):
    for fact in dated_answers(ds, day):
        for _, ident in principals(fact):
            entity = ds[ident]
            if isinstance(entity, lm.Actor | lm.Institution):
                assert entity.lifespan.truth(day) is not lm.Truth.NO, (fact.id, ident)


@given(datasets(), DAYS)
def test_a_facts_truth_is_its_periods_and_its_entities_lifespans_day_by_day(ds, day):
    for fact in ds.facts:
        truth = ds.truth(fact, day)
        assert truth is day_by_day(ds, fact, day), fact.id
        if fact.period.truth(day) is lm.Truth.NO:
            assert truth is lm.Truth.NO


@given(datasets(), DAYS, st.integers(0, 40))
def test_spanned_answers_hold_on_some_day_asked(ds, first, length):
    last = first.add(days=length)
    asked = [first.add(days=n) for n in range(length + 1)]
    definite = ds.conferences(between=(first, last))
    possible = ds.conferences(between=(first, last), certainty="possible")
    for fact in ds.facts:
        if not isinstance(fact, lm.Conference):
            continue
        truths = {day_by_day(ds, fact, day) for day in asked}
        if fact in definite:
            assert lm.Truth.YES in truths, fact.id
        if fact not in possible:
            assert truths == {lm.Truth.NO}, fact.id


@given(datasets())
def test_every_generated_fact_can_hold_within_the_lifespans_it_names(ds):
    for fact in ds.facts:
        assert not ds.span(fact).empty, fact.id


@given(st.from_type(lm.Actor))
def test_generated_actors_have_the_lifespan_their_kind_takes(actor):
    if actor.kind is lm.ActorKind.PERSON:
        assert actor.founded is None
        assert actor.dissolved is None
    else:
        assert actor.born is None
        assert actor.died is None
    dated = any(getattr(actor, name) for name in ("founded", "dissolved", "born", "died"))
    assert bool(actor.evidence) is dated
