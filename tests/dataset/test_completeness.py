"""Completeness: an answer says whether the data holds every fact that answers it (YES),
is known to miss some (NO), or does not say (MAYBE), from the coverage records alone."""

from __future__ import annotations

import datetime
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.strategies import datasets, days

YES, NO, MAYBE = lm.Truth.YES, lm.Truth.NO, lm.Truth.MAYBE
DAYS = days(datetime.date(2010, 1, 1), datetime.date(2022, 12, 31))

SOURCE = lm.Source(id="s", title="A report", published=lm.PartialDate.parse("2020"))
PROOF = (lm.Evidence(source="s", paraphrase="It says so."),)
RECORDS = (
    SOURCE,
    lm.Institution(id="gnc", name="General National Congress", kind="legislature"),
    lm.Institution(id="hor", name="House of Representatives", kind="legislature"),
    lm.Actor(id="un", name="United Nations", kind="international_organisation"),
    lm.Place(id="sirte", name="Sirte", kind="city"),
    lm.Place(id="derna", name="Derna", kind="city"),
    lm.Office(id="envoy", name="UN envoy"),
    lm.Office(id="pm", name="Prime Minister"),
    lm.LegitimacyClaim(
        id="gnc-legislature",
        claimant="gnc",
        role="legislature",
        period=lm.Period("2014-08-25", "2016-04-05"),
        evidence=PROOF,
    ),
    lm.LegitimacyClaim(
        id="hor-legislature",
        claimant="hor",
        role="legislature",
        period=lm.Period("2014-08-04"),
        evidence=PROOF,
    ),
    lm.ControlClaim(
        id="hor-sirte", controller="hor", place="sirte", period=lm.Period("2015"), evidence=PROOF
    ),
)


def coverage(ident="c", question="claimants", period=("2014-01-01", "2016-12-31"), **fields):
    fields.setdefault("extent", "complete")
    return lm.Coverage(id=ident, question=question, period=lm.Period(*period), **fields)


def dataset(*declared):
    return lm.Dataset.from_records([*RECORDS, *declared])


# -- what coverage declares ---------------------------------------------------------------


def test_nothing_declared_is_maybe_and_an_answer_is_still_a_tuple():
    ds = dataset()
    answer = ds.claimants("2015-01-01", role="legislature")
    assert answer.complete is MAYBE
    assert answer.coverage == ()
    assert answer == tuple(answer)
    assert [claim.id for claim in answer] == ["hor-legislature", "gnc-legislature"]


def test_complete_coverage_makes_an_answer_yes_and_names_the_record():
    declared = coverage(role="legislature")
    ds = dataset(declared)
    answer = ds.claimants("2015-01-01", role="legislature")
    assert answer.complete is YES
    assert answer.coverage == (declared,)
    empty = ds.claimants("2014-02-01", role="legislature")
    assert empty == ()
    assert empty.complete is YES  # "no one", not "not known"
    assert ds.claimants("2017-01-01", role="legislature").complete is MAYBE


def test_a_role_filter_covers_that_role_only_and_no_role_covers_every_role():
    ds = dataset(coverage(role="legislature"))
    assert ds.claimants("2015-01-01", role="government").complete is MAYBE
    assert ds.claimants("2015-01-01").complete is MAYBE  # all roles: not declared
    everything = dataset(coverage())
    assert everything.claimants("2015-01-01").complete is YES
    assert everything.claimants("2015-01-01", role="government").complete is YES


def test_a_declared_gap_is_no_and_names_the_gap():
    gap = coverage(
        "gap", role="legislature", extent="partial", note="the GNC's sessions are missing"
    )
    ds = dataset(coverage(role="legislature"), gap)
    answer = ds.claimants("2015-01-01", role="legislature")
    assert answer.complete is NO
    assert answer.coverage == (gap,)
    # A gap in one role leaves every role's answer short, too.
    assert ds.claimants("2015-01-01").complete is NO


def test_a_gap_may_miss_what_a_narrower_query_asks_for_or_not():
    gap = coverage("gap", role="legislature", extent="partial")
    ds = dataset(gap)
    assert ds.claimants("2015-01-01", role="legislature", claimant="hor").complete is MAYBE
    complete = dataset(coverage(role="legislature"))
    assert complete.claimants("2015-01-01", role="legislature", claimant="hor").complete is YES


def test_coverage_counts_only_where_its_partial_dates_certainly_apply():
    ds = dataset(coverage(role="legislature", period=("2014-06", "2014-12")))
    assert ds.claimants("2014-06-15", role="legislature").complete is MAYBE
    assert ds.claimants("2014-06-30", role="legislature").complete is YES
    assert ds.claimants("2014-12-01", role="legislature").complete is YES
    assert ds.claimants("2014-12-02", role="legislature").complete is MAYBE
    open_end = dataset(coverage(role="legislature", period=("2014-06-30", "2015-01..")))
    assert open_end.claimants("2015-01-01", role="legislature").complete is YES
    assert open_end.claimants("2015-01-02", role="legislature").complete is MAYBE


def test_a_gap_that_may_apply_keeps_a_complete_declaration_from_saying_yes():
    maybe_gap = coverage("gap", role="legislature", extent="partial", period=("2015", "2015"))
    ds = dataset(coverage(role="legislature"), maybe_gap)
    assert ds.claimants("2015-06-01", role="legislature").complete is MAYBE  # may be in the gap
    assert ds.claimants("2015-12-31", role="legislature").complete is MAYBE
    assert ds.claimants("2016-06-01", role="legislature").complete is YES


def test_records_that_follow_each_other_cover_the_days_between_them():
    ds = dataset(
        coverage("a", period=("2014-01-01", "2014-12-31")),
        coverage("b", period=("2015-01-01", "2015-12-31")),
    )
    assert ds.claimants("2014-12-31").coverage[0].id == "a"
    assert ds.claimants("2015-01-01").coverage[0].id == "b"


def test_holders_controllers_and_territory_read_their_own_questions():
    ds = dataset(
        coverage("envoys", "holders", office="envoy"),
        coverage("in-sirte", "controllers", place="sirte"),
    )
    assert ds.holders("envoy", "2015-01-01").complete is YES
    assert ds.holders("pm", "2015-01-01").complete is MAYBE
    assert ds.controllers("sirte", "2015-06-01").complete is YES
    assert ds.controllers("derna", "2015-06-01").complete is MAYBE
    # One controller's territory is complete only where every place's controllers are.
    assert ds.territory("hor", "2015-06-01").complete is MAYBE
    everywhere = dataset(coverage("all", "controllers"))
    assert everywhere.territory("hor", "2015-06-01").complete is YES


def test_mandates_and_recognitions_without_a_date_ask_about_all_time():
    ds = dataset(
        coverage("m", "mandates", holder="hor"), coverage("r", "recognitions", recognized="hor")
    )
    assert ds.mandates("2015-01-01", holder="hor").complete is YES
    assert ds.recognitions("2015-01-01", recognized="hor").complete is YES
    assert ds.recognitions("2015-01-01", recognized="gnc").complete is MAYBE
    # No record can cover every day there is; a gap anywhere is a gap in "at any time".
    assert ds.recognitions(recognized="hor").complete is MAYBE
    gap = coverage("gap", "recognitions", extent="partial", period=("2015-01-01", "2015-01-31"))
    assert dataset(gap).recognitions().complete is NO
    assert dataset(gap).recognitions(recognized="hor").complete is NO


def test_questions_coverage_cannot_speak_for_are_maybe():
    ds = dataset(*(coverage(q.value, q.value) for q in lm.Question))
    assert ds.claimants("2015-01-01").complete is YES
    assert ds.supports("2015-01-01").complete is MAYBE
    assert ds.memberships("2015-01-01").complete is MAYBE
    assert ds.events().complete is MAYBE
    assert ds.rulings().complete is MAYBE
    assert ds.conferences().complete is MAYBE
    assert ds.timeline("hor").complete is MAYBE


def test_an_answer_pickles_with_what_its_coverage_declared():
    gap = coverage("gap", role="legislature", extent="partial", note="missing")
    for ds, expected in ((dataset(coverage()), YES), (dataset(gap), NO), (dataset(), MAYBE)):
        answer = ds.claimants("2015-01-01", role="legislature")
        back = pickle.loads(pickle.dumps(answer))
        assert back == answer
        assert isinstance(back, lm.Facts)
        assert back.complete is expected
        assert back.coverage == answer.coverage


def test_knowledge_time_keeps_coverage_as_it_is():
    declared = coverage(role="legislature")
    ds = dataset(declared)
    then = ds.as_known_on("2019-01-01")
    assert then.coverage == (declared,)
    assert then.claimants("2015-01-01", role="legislature") == ()
    assert then.claimants("2015-01-01", role="legislature").complete is YES


def test_coverage_is_a_record_of_the_dataset():
    declared = coverage(role="legislature")
    ds = dataset(declared)
    assert ds.get("c") is declared
    assert declared in list(ds)
    assert len(ds) == len(RECORDS) + 1
    assert ds.counts()["coverage"] == 1
    assert ds != dataset()
    assert declared not in ds.facts
    assert declared not in ds.entities


# -- what a coverage record may hold ------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("claimants", {"office": "envoy"}),
        ("holders", {"place": "sirte"}),
        ("controllers", {"role": "legislature"}),
        ("mandates", {"recognized": "hor"}),
        ("recognitions", {"holder": "hor"}),
    ],
)
def test_a_filter_of_another_question_is_refused(question, wrong):
    (field,) = wrong
    with pytest.raises(lm.FieldError, match=f"^{field}: not a filter of the question"):
        coverage(question=question, **wrong)


def test_a_coverage_with_a_reference_that_does_not_resolve_is_refused():
    with pytest.raises(lm.DataError, match="'tobruk' is not a known id"):
        dataset(coverage("c", "controllers", place="tobruk"))
    with pytest.raises(lm.DataError, match="is a place, but this field needs an office"):
        dataset(coverage("c", "holders", office="sirte"))


def test_bad_coverage_in_a_file_is_reported_with_file_line_and_field(tmp_path):
    data = tmp_path / "coverage.yaml"
    data.write_text(
        "- type: office\n"  # 1
        "  id: envoy\n"  # 2
        "  name: UN envoy\n"  # 3
        "- type: coverage\n"  # 4
        "  id: wrong-filter\n"  # 5
        "  question: holders\n"  # 6
        "  office: envoy\n"  # 7
        "  role: government\n"  # 8  not a filter of holders
        "  period: {start: 2014-01-01, end: 2014-12-31}\n"  # 9
        "  extent: complete\n"  # 10
        "- type: coverage\n"  # 11
        "  id: wrong-words\n"  # 12
        "  question: governments\n"  # 13 not a question
        "  period: 2014\n"  # 14
        "  extent: mostly\n"  # 15 not an extent
        "- type: coverage\n"  # 16
        "  id: unknown-office\n"  # 17
        "  question: holders\n"  # 18
        "  office: envoi\n"  # 19 unknown reference
        "  period: 2014\n"  # 20
        "  extent: complete\n"  # 21
        "  evidence: []\n",  # 22 coverage has no evidence
        encoding="utf-8",
    )
    with pytest.raises(lm.DataError) as caught:
        lm.load(data, bundled=False)
    found = {(p.line, p.field): p for p in caught.value.problems}
    assert all(p.file == data for p in caught.value.problems)
    assert "not a filter of the question 'holders'" in found[(8, "role")].message
    assert "takes office" in found[(8, "role")].message
    assert "not one of: claimants, holders" in found[(13, "question")].message
    assert "not one of: complete, partial" in found[(15, "extent")].message
    assert "'envoi' is not a known id" in found[(19, "office")].message
    assert "did you mean envoy" in (found[(19, "office")].hint or "")
    assert found[(22, "evidence")].message == "unknown key 'evidence'"


def test_coverage_loads_from_json_as_from_yaml(tmp_path):
    declared = coverage("c", "holders", office="envoy", note="every envoy")
    records = [r for r in RECORDS if not isinstance(r, lm.Fact)] + [declared]
    lm.Dataset.from_records(records).dump(tmp_path / "yaml")
    from libyamodel.io import unstructure_record

    (tmp_path / "json").mkdir()
    plain = [unstructure_record(record) for record in records]
    (tmp_path / "json" / "all.json").write_text(__import__("json").dumps(plain), "utf-8")
    from_yaml = lm.load(tmp_path / "yaml", bundled=False)
    from_json = lm.load(tmp_path / "json", bundled=False)
    assert from_yaml == from_json
    assert from_json.coverage == (declared,)


# -- properties ---------------------------------------------------------------------------


def _asked(ds, day):
    """Each dated query of a coverage question, with its question, filter value and whether
    it keeps only some of the question's answers."""
    yield ds.claimants(day), "claimants", None, False
    for role in ("legislature", "government", "national_army"):
        yield ds.claimants(day, role=role), "claimants", role, False
    for entity in ds.entities:
        if isinstance(entity, lm.Office):
            yield ds.holders(entity, day), "holders", entity.id, False
        if isinstance(entity, lm.Place):
            yield ds.controllers(entity, day), "controllers", entity.id, False
        if isinstance(entity, lm.Actor | lm.Institution):
            yield ds.mandates(day, holder=entity), "mandates", entity.id, False
            yield ds.recognitions(day, recognized=entity), "recognitions", entity.id, False
            yield ds.territory(entity, day), "controllers", None, True
            yield ds.claimants(day, claimant=entity), "claimants", None, True


def _speaking(ds, question, about, complete):
    """The coverage records that speak for this question and filter, complete or gaps.

    A gap limited to one filter value speaks for the question as a whole, too."""
    return [
        record
        for record in ds.coverage
        if record.question == question
        and (record.extent is lm.CoverageExtent.COMPLETE) is complete
        and (record.about in (None, about) or (not complete and about is None))
    ]


DAY = datetime.date(2015, 6, 1)
AROUND_A_DAY = st.tuples(datasets(max_coverage=6, around=DAY), st.just(DAY))
"""Datasets whose facts and coverage hold on ``DAY``, may hold, or have ended, and the day."""


@given(AROUND_A_DAY | st.tuples(datasets(max_coverage=6), DAYS))
def test_complete_is_yes_only_where_coverage_applies_on_the_day(case):
    ds, day = case
    for answer, question, about, narrowed in _asked(ds, day):
        gaps = _speaking(ds, question, about, complete=False)
        if any(gap.period.truth(day) is YES for gap in gaps):
            expected = MAYBE if narrowed else NO
        elif any(gap.period.truth(day) is MAYBE for gap in gaps):
            expected = MAYBE
        elif any(c.period.truth(day) is YES for c in _speaking(ds, question, about, True)):
            expected = YES
        else:
            expected = MAYBE
        assert answer.complete is expected, (question, about)
        if expected is MAYBE:
            assert answer.coverage == ()
        else:
            assert answer.coverage
            assert all(record.period.truth(day) is YES for record in answer.coverage)
            assert all(record.complete is (expected is YES) for record in answer.coverage)


@given(datasets(max_coverage=6))
def test_an_answer_for_all_time_is_never_declared_complete(ds):
    for answer in (ds.recognitions(), ds.mandates()):
        assert answer.complete is not YES
    gaps = [c for c in ds.coverage if c.question is lm.Question.RECOGNITIONS and not c.complete]
    certain = any(g.period.certain_from <= g.period.certain_until for g in gaps)
    assert (ds.recognitions().complete is NO) is certain


@given(AROUND_A_DAY, st.data())
def test_adding_a_fact_never_changes_complete(case, data):
    ds, day = case
    referenced = {fact.extends for fact in ds.facts if isinstance(fact, lm.Mandate)}
    addable = [fact for fact in ds.facts if fact.id not in referenced]
    if not addable:
        return
    added = data.draw(st.sampled_from(addable))
    without = lm.Dataset.from_records(record for record in ds if record is not added)
    before = [(a.complete, a.coverage) for a, *_ in _asked(without, day)]
    after = [(a.complete, a.coverage) for a, *_ in _asked(ds, day)]
    assert before == after
