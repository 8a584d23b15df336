"""The questions a careful reader of the seed documents can answer, asked through the API."""

from __future__ import annotations

import pytest

import libyamodel as lm


@pytest.fixture(scope="module")
def ds():
    return lm.load()


def claimants(ds, day, role):
    return {claim.claimant for claim in ds.claimants(day, role=role)}


def test_two_bodies_claimed_to_be_the_legislature_in_november_2014(ds):
    assert claimants(ds, "2014-11-10", "legislature") == {
        "general-national-congress",
        "house-of-representatives",
    }


def test_rival_governments_in_november_2014(ds):
    governments = claimants(ds, "2014-11-13", "government")
    assert {"interim-government-al-thinni", "gnc-government-al-hassi"} <= governments
    pms = {t.holder for t in ds.holders("prime-minister-hor", "2014-11-13")}
    assert pms == {"abdullah-al-thinni"}
    assert {t.holder for t in ds.holders("prime-minister-gnc", "2014-11-13")} == {"omar-al-hassi"}


def test_who_held_which_city_on_13_november_2014(ds):
    def held(place):
        return {claim.controller for claim in ds.controllers(place, "2014-11-13")}

    assert held("Derna") == {"ansar-al-sharia"}
    assert "ansar-al-sharia" in held("Benghazi")
    assert "ansar-al-sharia" in held("Sirte")
    assert held("Tobruk") == held("Zintan") == {"haftar-aligned-pro-government-forces"}


def test_the_islamic_state_held_sirte_in_may_2016(ds):
    assert {c.controller for c in ds.controllers("Sirte", "2016-05-16")} == {"islamic-state"}


def test_the_un_envoy_at_each_document_date(ds):
    office = "un-special-representative-for-libya"
    assert [t.holder for t in ds.holders(office, "2014-11-13")] == ["bernardino-leon"]
    assert [t.holder for t in ds.holders(office, "2016-05-16")] == ["martin-kobler"]
    assert [t.holder for t in ds.holders(office, "2017-09-14")] == ["ghassan-salame"]


def test_the_supreme_court_ruling_and_each_sides_response(ds):
    (ruling,) = ds.rulings(subject="House of Representatives")
    assert ruling.court == "supreme-court-of-libya"
    assert str(ruling.date) == "2014-11"
    positions = {response.actor: response.position for response in ruling.responses}
    assert positions == {
        "general-national-congress": lm.Position.ACCEPTS,
        "house-of-representatives": lm.Position.REJECTS,
    }


def test_the_un_and_major_powers_recognised_the_house_in_2014(ds):
    recognizers = {
        r.recognizer for r in ds.recognitions("2014-11-13", recognized="HoR") if r.accepts
    }
    assert "united-nations" in recognizers


def test_the_tobruk_government_refused_the_gna_in_may_2016(ds):
    refusals = {
        r.recognizer for r in ds.recognitions("2016-05-16", recognized="GNA") if not r.accepts
    }
    assert {"interim-government-al-thinni", "house-of-representatives"} <= refusals


def test_unsmil_was_set_up_by_resolution_2009(ds):
    instruments = {m.instrument for m in ds.mandates(holder="UNSMIL")}
    assert "Resolution 2009 (2011)" in instruments
    assert ds.mandates("2017-12-01", holder="UNSMIL")


def test_the_conferences_and_their_chairs(ds):
    vienna = ds.conferences(place="vienna")
    assert len(vienna) == 1
    assert set(vienna[0].chairs) == {"united-states", "italy"}
    london = ds.conferences(between=("2017-09-14", "2017-09-14"))
    assert [c.place for c in london] == ["lancaster-house"]
    attendees = {p.actor for p in london[0].participants}
    assert {"rex-tillerson", "ghassan-salame"} <= attendees


def test_denied_reports_read_as_disputed(ds):
    putin = ds.get("haftar-putin-meeting-2019-06")
    assert putin.status is lm.Status.DISPUTED
    assert any(
        item.stance is lm.Stance.DENIES and item.attributed_to == "russia"
        for item in putin.evidence
    )
    trump = ds.get("haftar-trump-meeting-rumoured-2019-06")
    assert {item.stance for item in trump.evidence} == {lm.Stance.RUMOUR, lm.Stance.DENIES}


def test_hedged_support_reads_as_reported(ds):
    for supporter in ("egypt", "united-arab-emirates", "qatar", "turkey"):
        supports = ds.supports(supporter=supporter)
        assert supports, supporter
        assert all(s.status is lm.Status.REPORTED for s in supports), supporter


def test_hindsight_is_avoided(ds):
    in_2014 = ds.as_known_on("2014-12-31")
    assert not in_2014.controllers("Sirte", "2016-05-16")
    assert in_2014.get("haftar-putin-meeting-2019-06") is None
    assert len(in_2014.facts) < len(ds.facts)
