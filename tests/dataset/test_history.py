"""Histories (how an answer changes over time) and ``between=`` windows on point queries."""

from __future__ import annotations

import datetime
import itertools
import pickle
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.strategies import datasets, days, histories

SMALL = Path(__file__).parents[1] / "fixtures" / "small"
DAYS = days(datetime.date(2010, 1, 1), datetime.date(2023, 12, 31))
CERTAINTIES = st.sampled_from(["definite", "possible"])
ONE_DAY = datetime.timedelta(days=1)


@pytest.fixture(scope="module")
def ds():
    return lm.load()


# -- examples ---------------------------------------------------------------------------


def test_who_held_sirte_stretch_by_stretch(ds):
    history = ds.history("controllers", "Sirte", between=("2014", "2020"))
    assert (history.first, history.last) == (pendulum.date(2014, 1, 1), pendulum.date(2020, 12, 31))
    assert history.about == (("place", "sirte"),)
    held = [(str(s.first), str(s.last), sorted({c.controller for c in s.facts})) for s in history]
    assert ("2015-02-28", "2015-12-30", ["islamic-state"]) in held
    assert (
        "2020-01-07",
        "2020-01-07",
        ["government-of-national-accord", "libyan-national-army"],
    ) in held
    assert held[0] == ("2014-01-01", "2014-11-12", [])
    assert history.at("2016-05-16").facts == ds.controllers("Sirte", "2016-05-16")


def test_each_question_follows_its_point_query(ds):
    window = ("2014-06-01", "2016-12-31")
    cases = [
        (
            ds.history("claimants", between=window, role="legislature"),
            lambda d: ds.claimants(d, role="legislature"),
        ),
        (
            ds.history("claimants", between=window, claimant="GNC"),
            lambda d: ds.claimants(d, claimant="GNC"),
        ),
        (
            ds.history("territory", "islamic-state", between=window),
            lambda d: ds.territory("islamic-state", d),
        ),
        (
            ds.history("holders", "un-special-representative-for-libya", between=window),
            lambda d: ds.holders("un-special-representative-for-libya", d),
        ),
        (
            ds.history("mandates", between=window, holder="UNSMIL", certainty="possible"),
            lambda d: ds.mandates(d, holder="UNSMIL", certainty="possible"),
        ),
    ]
    for history, point in cases:
        assert len(history) > 1
        for stretch in history:
            assert point(stretch.first) == stretch.facts
            assert point(stretch.last) == stretch.facts


def test_histories_are_frozen_typed_and_pickle(ds):
    history = ds.history("holders", "un-special-representative-for-libya", between=("2017", "2018"))
    assert isinstance(history, lm.History)
    assert all(isinstance(s, lm.Stretch) and isinstance(s.facts, lm.Facts) for s in history)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        history.first = pendulum.date(2011, 1, 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        history[0].facts = ()
    assert pickle.loads(pickle.dumps(history)) == history
    assert sum(s.days for s in history) == 365 * 2


def test_a_place_no_one_held_has_one_empty_stretch(ds):
    history = ds.history("controllers", "sirte", between=("2012-01-01", "2012-12-31"))
    assert [(s.first, s.last, s.facts) for s in history] == [
        (pendulum.date(2012, 1, 1), pendulum.date(2012, 12, 31), ())
    ]


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (
            lambda ds: ds.history("rulers", "sirte", between=("2014", "2015")),
            ValueError,
            "claimants",
        ),
        (
            lambda ds: ds.history("controllers", between=("2014", "2015")),
            TypeError,
            "needs the place",
        ),
        (lambda ds: ds.history("claimants", "hor", between=("2014", "2015")), TypeError, "role="),
        (lambda ds: ds.history("mandates", between=("2014", "2015"), role="x"), TypeError, "role="),
        (
            lambda ds: ds.history("controllers", "sirte", between=("2015", "2014")),
            lm.PeriodError,
            "before",
        ),
        (
            lambda ds: ds.history("controllers", "sirte", between=("2014-13", "2015")),
            lm.DateFormatError,
            "YYYY",
        ),
        (
            lambda ds: ds.history("controllers", "sirte", between=("~2014", "2015")),
            lm.DateFormatError,
            "YYYY",
        ),
        (
            lambda ds: ds.history("controllers", "Sirtte", between=("2014", "2015")),
            lm.UnknownName,
            "sirte",
        ),
        (
            lambda ds: ds.history(
                "controllers", "sirte", between=("2014", "2015"), certainty="sure"
            ),
            ValueError,
            "possible",
        ),
        (lambda ds: ds.controllers("sirte"), TypeError, "neither"),
        (
            lambda ds: ds.controllers("sirte", "2014-01-01", between=("2014", "2015")),
            TypeError,
            "both",
        ),
        (lambda ds: ds.claimants(between="2014"), TypeError, "pair"),
    ],
)
def test_bad_arguments_say_what_to_do(ds, call, error, words):
    with pytest.raises(error, match=words):
        call(ds)


def test_at_outside_the_history_is_an_error(ds):
    history = ds.history("controllers", "sirte", between=("2014", "2014"))
    with pytest.raises(ValueError, match="outside"):
        history.at("2015-01-01")


def test_between_takes_years_and_months_whole(ds):
    assert ds.controllers("sirte", between=("2016", "2016")) == ds.controllers(
        "sirte", between=("2016-01-01", "2016-12-31")
    )
    assert ds.territory("islamic-state", between=("2015-02", "2015-03")) == ds.territory(
        "islamic-state", between=("2015-02-01", "2015-03-31")
    )
    assert ds.events(between=("2014-11", "2014-11"), place="tobruk") == ds.events(
        between=("2014-11-01", "2014-11-30"), place="tobruk"
    )


def test_between_answers_what_held_at_some_time_in_the_window(ds):
    held = {c.controller for c in ds.controllers("Sirte", between=("2014", "2020"))}
    assert {"islamic-state", "government-of-national-accord", "libyan-national-army"} <= held
    assert "qaddafi-forces" not in held
    holders = ds.holders("un-special-representative-for-libya", between=("2017", "2020"))
    assert {"martin-kobler", "ghassan-salame"} <= {t.holder for t in holders}


def test_history_as_a_frame():
    pytest.importorskip("pandas")
    ds = lm.load(SMALL, bundled=False)
    history = ds.history("controllers", "sirte", between=("2014", "2016"), certainty="possible")
    frame = history.to_pandas()
    assert list(frame.columns[:7]) == ["first", "last", "days", "facts", "fact", "type", "status"]
    assert str(frame["first"].dtype) == "datetime64[s]"
    for stretch in history:
        rows = frame[frame["first"] == str(stretch.first)]
        assert list(rows["fact"].dropna()) == [fact.id for fact in stretch.facts]
        assert len(rows) == max(1, len(stretch.facts))
    assert set(frame["place"].dropna()) == {"sirte"}


def test_history_plots_and_shows_in_jupyter():
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    ds = lm.load(SMALL, bundled=False)
    history = ds.history("controllers", "sirte", between=("2014", "2016"), certainty="possible")
    ax = history.plot()
    controllers = {fact.controller for fact in history.facts}
    assert len(ax.get_yticklabels()) == len(controllers)
    assert {label.get_text() for label in ax.get_yticklabels()} == {
        ds[ident].name for ident in controllers
    }
    assert history.plot(kind="count").get_ylabel() == "controllers in force"
    with pytest.raises(ValueError, match="count"):
        history.plot(kind="bars")
    html = history._repr_html_()
    assert html.count("<tr>") == 1 + len(history)
    assert "Ansar" in html


# -- properties -------------------------------------------------------------------------


@st.composite
def questions(draw, ds):
    """A history's arguments (question, entity, filters) and its point query on a day."""
    places = [e.id for e in ds.entities if isinstance(e, lm.Place)]
    offices = [e.id for e in ds.entities if isinstance(e, lm.Office)]
    bodies = [e.id for e in ds.entities if isinstance(e, lm.Actor | lm.Institution)]
    choices = ["claimants", "mandates"]
    choices += ["controllers"] * bool(places) + ["holders"] * bool(offices)
    choices += ["territory"] * bool(bodies)
    question = draw(st.sampled_from(choices))
    entity, options = None, {}
    if question == "controllers":
        entity = draw(st.sampled_from(places))
    elif question == "holders":
        entity = draw(st.sampled_from(offices))
    elif question == "territory":
        entity = draw(st.sampled_from(bodies))
    elif question == "claimants":
        options = draw(
            st.sampled_from([{}, {"role": "legislature"}, *({"claimant": b} for b in bodies)])
        )
    elif bodies:
        options = draw(st.sampled_from([{}, *({"holder": b} for b in bodies)]))
    return question, entity, options


def point(ds, question, entity, options, day, *, certainty):
    if entity is None:
        return getattr(ds, question)(day, certainty=certainty, **options)
    return getattr(ds, question)(entity, day, certainty=certainty)


def ask(ds, question, entity, options, span, *, certainty):
    args = () if entity is None else (entity,)
    return ds.history(question, *args, between=span, certainty=certainty, **options)


DATASETS = st.one_of(
    datasets(),
    datasets(max_facts=40, focus=1),
    datasets(max_facts=40, around=datetime.date(2016, 5, 16)),
)


@given(DATASETS, st.data(), DAYS, DAYS, CERTAINTIES)
def test_every_day_of_a_stretch_has_its_answer(ds, data, a, b, certainty):
    question, entity, options = data.draw(questions(ds))
    first, last = min(a, b), max(a, b)
    history = ask(ds, question, entity, options, (first, last), certainty=certainty)
    assert (history.first, history.last) == (first, last)
    assert history[0].first == first
    assert history[-1].last == last
    for before, after in itertools.pairwise(history):
        assert after.first == before.last + ONE_DAY
        assert after.facts != before.facts
    wanted = set()
    for stretch in history:
        assert stretch.first <= stretch.last
        wanted |= {stretch.first, stretch.last, stretch.first - ONE_DAY, stretch.last + ONE_DAY}
    wanted.add(data.draw(days(first, last)))
    for day in sorted(wanted):
        if first <= day <= last:
            assert (
                point(ds, question, entity, options, day, certainty=certainty)
                == history.at(day).facts
            )


def naive_between(ds, kind, span, certainty, **where):
    accepted = {lm.Truth.YES} if certainty == "definite" else {lm.Truth.YES, lm.Truth.MAYBE}
    return tuple(
        fact
        for fact in ds.facts
        if isinstance(fact, kind)
        and fact.period.overlaps(*span) in accepted
        and all(getattr(fact, field) == value for field, value in where.items())
    )


@given(DATASETS, st.data(), DAYS, DAYS)
def test_a_window_holds_what_some_day_of_it_holds(ds, data, a, b):
    question, entity, options = data.draw(questions(ds))
    if question == "mandates":
        question, options = "claimants", {}
    span = (min(a, b), max(a, b))
    args = () if entity is None else (entity,)
    found = {}
    for certainty in ("definite", "possible"):
        history = ask(ds, question, entity, options, span, certainty=certainty)
        within = getattr(ds, question)(*args, between=span, certainty=certainty, **options)
        if certainty == "possible":
            assert within == history.facts
        else:
            # Certainly in force at some time in the window, though perhaps on no day we
            # can name: a claim of "2014 to 2014" is certain over 2014, on no one day.
            assert set(history.facts) <= set(within)
        found[certainty] = within
    assert set(found["definite"]) <= set(found["possible"])
    kind, field = {
        "claimants": (lm.LegitimacyClaim, None),
        "controllers": (lm.ControlClaim, "place"),
        "territory": (lm.ControlClaim, "controller"),
        "holders": (lm.Tenure, "office"),
    }[question]
    where = dict(options) if field is None else {field: entity}
    assert found["definite"] == naive_between(ds, kind, span, "definite", **where)


@given(histories())
def test_generated_histories_tile_their_window(history):
    assert history[0].first == history.first
    assert history[-1].last == history.last
    for before, after in itertools.pairwise(history):
        assert after.first == before.last + ONE_DAY
        assert after.facts != before.facts
    assert sum(stretch.days for stretch in history) == (history.last - history.first).days + 1
