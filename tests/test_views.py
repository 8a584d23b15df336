"""Jupyter views, DataFrames and plots: what analysts see."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import libyamodel as lm
from libyamodel import rules

SMALL = Path(__file__).parent / "fixtures" / "small"


@pytest.fixture(scope="module")
def ds():
    return lm.load(SMALL, bundled=False)


def test_reprs_leave_out_defaults_and_read_back(ds):
    place = ds["tobruk"]
    text = repr(place)
    assert (
        text
        == "Place(id='tobruk', name='Tobruk', aliases=('Tubruq',), kind='city', within='libya')"
    )
    assert eval(text, vars(lm)) == place
    assert "note=" not in repr(ds["ansar-holds-sirte"])
    assert repr(ds) == "<Dataset: 23 entities, 20 facts>"


def test_html_of_a_fact_shows_status_period_and_quotes(ds):
    html = ds["russia-supports-haftar"]._repr_html_()
    assert "disputed" in html
    assert "were denied by the Russians" in html
    assert "denies" in html
    assert "2017-01" in html


def test_html_escapes_what_it_shows():
    source = lm.Source(id="s", title="<script>x</script>", published=lm.PartialDate.parse("2014"))
    assert "<script>" not in source._repr_html_()
    assert "&lt;script&gt;" in source._repr_html_()


def test_html_of_a_dataset_results_profile_and_verdict(ds):
    assert "23 entities" in ds._repr_html_()
    assert "An early note" in ds._repr_html_()
    results = ds.claimants("2014-09-15", certainty="possible")
    assert isinstance(results, tuple)
    assert results.count(ds["hor-claims-government"]) == 1
    html = results._repr_html_()
    assert html.count("<tr>") == 1 + 3
    profile = ds.legitimacy("house-of-representatives", "2014-11-10")
    assert "rulings so far" in profile._repr_html_()
    assert "court-on-hor" in profile._repr_html_()
    verdict = ds.assess("house-of-representatives", "2014-11-10", rules.electoral_mandate)
    assert "YES" in verdict._repr_html_()


def test_to_pandas_has_a_row_per_fact_with_bounds(ds):
    frame = ds.to_pandas()
    assert len(frame) == len(ds.facts)
    assert list(frame["id"]) == [fact.id for fact in ds.facts]
    control = ds.to_pandas("control_claim").set_index("id")
    row = control.loc["is-holds-sirte"]
    assert row["controller"] == "islamic-state"
    assert row["place"] == "sirte"
    assert row["start_earliest"] == datetime.datetime(2015, 1, 1)
    assert row["start_latest"] == datetime.datetime(2015, 12, 31)
    assert row["end_earliest"] == datetime.datetime(2016, 5, 16)
    assert str(row["end_latest"]) == "NaT"
    assert row["status"] == "confirmed"
    assert row["source_title"] == "A later report"
    observed = control.loc["ansar-holds-sirte"]
    assert str(observed["start_earliest"]) == "NaT"
    assert observed["start_latest"] == datetime.datetime(2014, 11, 13)
    assert ds.to_pandas(lm.Conference).loc[0, "participants"] == [
        "house-of-representatives",
        "general-national-congress",
    ]


def test_to_pandas_refuses_what_is_not_a_fact_type(ds):
    with pytest.raises(ValueError, match="not a fact type"):
        ds.to_pandas("actor")
    with pytest.raises(ValueError, match="not a fact type"):
        ds.to_pandas("treaty")


def test_parquet_round_trips_the_frame(ds, tmp_path):
    import pandas as pd

    path = tmp_path / "facts.parquet"
    ds.to_parquet(path, "control_claim")
    back = pd.read_parquet(path)
    assert list(back["id"]) == list(ds.to_pandas("control_claim")["id"])
    assert back["start_latest"].notna().all()


def test_plot_returns_axes_with_a_row_per_fact(ds):
    import matplotlib

    matplotlib.use("Agg")
    ax = ds.plot("sirte", title="Sirte")
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels == [
        "control claim: Ansar al-Sharia / Sirte",
        "control claim: Islamic State / Sirte",
    ]
    assert ax.get_title() == "Sirte"
    disputed = ds.plot("russia")
    assert any(text.get_text().strip() == "?" for text in disputed.texts)


@pytest.mark.parametrize("kind", ["control_claim", lm.ControlClaim])
def test_plot_keeps_the_types_asked_for_by_name_or_class(ds, kind):
    import matplotlib

    matplotlib.use("Agg")
    ax = ds.plot("russia", "sirte", types=[kind])
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels
    assert all(label.startswith("control claim: ") for label in labels)


def test_plot_refuses_a_type_that_is_not_a_fact_type(ds):
    with pytest.raises(ValueError, match="control_claims"):
        ds.plot("sirte", types=["control_claims"])


def test_answers_in_jupyter_show_entities_by_name(ds):
    html = ds.controllers("sirte", on="2016-05-16")._repr_html_()
    assert "Islamic State" in html
    assert ">islamic-state<" not in html


def test_an_entity_table_joins_ids_to_names(ds):
    entities = ds.to_pandas("entity")
    assert list(entities.columns) == ["id", "type", "name", "kind", "aliases"]
    assert len(entities) == len(ds.entities)
    claims = ds.to_pandas("control_claim")
    joined = claims.merge(entities, left_on="controller", right_on="id", suffixes=("", "_entity"))
    assert len(joined) == len(claims)
    assert "Islamic State" in set(joined["name"])
    row = entities.set_index("id").loc["sirte"]
    assert (row["type"], row["kind"]) == ("place", "city")


def test_a_profile_in_jupyter_names_the_body_and_the_parties(ds):
    html = ds.legitimacy("house-of-representatives", "2014-11-10")._repr_html_()
    assert "House of Representatives" in html
    assert "<code>house-of-representatives</code>" not in html


def test_html_of_an_answer_says_whether_it_is_complete(ds):
    html = ds.claimants("2011-01-01")._repr_html_()
    assert "none known (the data does not claim to be complete here)" in html
    covered = lm.Dataset.from_records(
        [
            *ds,
            lm.Coverage(
                id="all-claims",
                question="claimants",
                period=lm.Period("2011-01-01", "2011-12-31"),
                extent="complete",
            ),
            lm.Coverage(
                id="claims-gap",
                question="claimants",
                period=lm.Period("2014-09-01", "2014-09-30"),
                extent="partial",
                note="<the GNC's claims>",
            ),
        ]
    )
    assert "<i>none</i>" in covered.claimants("2011-01-01")._repr_html_()
    gap = covered.claimants("2014-09-15")._repr_html_()
    assert "not all known: the data is known to be incomplete here" in gap
    assert "&lt;the GNC&#x27;s claims&gt; (claims-gap)" in gap
    assert "NO" in gap


def test_to_pandas_lists_coverage_records():
    pytest.importorskip("pandas")
    frame = lm.load().to_pandas("coverage")
    assert list(frame.columns) == ["id", "question", "about", "start", "end", "extent", "note"]
    gap = frame.set_index("id").loc["legislature-claims-2014-06-gap"]
    assert (gap.question, gap.about, gap.start, gap.end, gap.extent) == (
        "claimants",
        "legislature",
        "2014-06-02",
        "2014-06-29",
        "partial",
    )
