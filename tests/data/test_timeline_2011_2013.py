"""Questions about Libya from February 2011 to December 2013, asked of the
bundled timeline through the public API."""

import datetime

import pytest

import libyamodel as lm


@pytest.fixture(scope="module")
def ds():
    return lm.load()


def _ids(facts, attr):
    return {getattr(f, attr) for f in facts}


def _fifteenths():
    for year in (2011, 2012, 2013):
        for month in range(1, 13):
            day = datetime.date(year, month, 15)
            if day >= datetime.date(2011, 2, 17):
                yield day


@pytest.mark.parametrize("day", list(_fifteenths()), ids=str)
def test_some_government_is_definite_on_every_15th(ds, day):
    assert ds.claimants(on=day, role="government")


# --- 2011 --------------------------------------------------------------------


def test_qaddafi_government_in_spring_2011(ds):
    assert _ids(ds.claimants(on="2011-04-15", role="government"), "claimant") == {
        "general-peoples-committee"
    }


def test_ntc_is_the_legislature_in_2011(ds):
    assert "national-transitional-council" in _ids(
        ds.claimants(on="2011-06-01", role="legislature"), "claimant"
    )


def test_rival_government_claims_in_summer_2011(ds):
    assert {"general-peoples-committee", "ntc-executive-board"} <= _ids(
        ds.claimants(on="2011-07-20", role="government"), "claimant"
    )


def test_ntc_executive_alone_after_fall_of_tripoli(ds):
    assert _ids(ds.claimants(on="2011-10-01", role="government"), "claimant") == {
        "ntc-executive-board"
    }


def test_jibril_heads_executive_board(ds):
    assert _ids(ds.holders("chairman-ntc-executive-board", on="2011-07-01"), "holder") == {
        "mohammed-jibril"
    }


def test_general_assembly_seats_ntc(ds):
    recs = ds.recognitions(on="2011-09-20", recognized="national-transitional-council")
    assert "un-general-assembly" in _ids(recs, "recognizer")
    assert "un-general-assembly" not in _ids(
        ds.recognitions(on="2011-09-10", recognized="national-transitional-council"),
        "recognizer",
    )


def test_contact_group_and_us_recognize_ntc(ds):
    recs = ds.recognitions(on="2011-08-01", recognized="national-transitional-council")
    assert {"libya-contact-group", "united-states", "france"} <= _ids(recs, "recognizer")


def test_us_refuses_qaddafi_regime(ds):
    rec = ds.get("us-withdraws-recognition-qaddafi-regime-2011")
    assert rec.accepts is False


def test_tripoli_changes_hands_in_august_2011(ds):
    assert "qaddafi-forces" in _ids(ds.controllers("tripoli", on="2011-06-01"), "controller")
    assert "national-transitional-council" in _ids(
        ds.controllers("tripoli", on="2011-09-10"), "controller"
    )


def test_sirte_falls_on_20_october_2011(ds):
    assert "qaddafi-forces" in _ids(ds.controllers("sirte", on="2011-10-01"), "controller")
    assert "national-transitional-council" in _ids(
        ds.controllers("sirte", on="2011-10-21"), "controller"
    )


def test_benghazi_and_sabha(ds):
    assert "anti-qaddafi-forces" in _ids(ds.controllers("benghazi", on="2011-05-01"), "controller")
    assert "national-transitional-council" in _ids(
        ds.controllers("sabha", on="2011-09-21"), "controller"
    )
    assert ds.get("sabha").name == "Sabha"


def test_security_council_resolutions_1970_and_1973(ds):
    events = ds.events(between=("2011-02-17", "2011-03-31"))
    ids = _ids(events, "id")
    assert {"unsc-resolution-1970-2011", "unsc-resolution-1973-2011"} <= ids


def test_qaddafi_death_and_liberation(ds):
    events = ds.events(between=("2011-10-19", "2011-10-24"))
    ids = _ids(events, "id")
    assert {"qaddafi-killed-2011-10-20", "ntc-liberation-declaration-2011-10-23"} <= ids


def test_el_keib_government_from_22_november_2011(ds):
    assert _ids(ds.claimants(on="2011-11-22", role="government"), "claimant") >= {
        "transitional-government-el-keib"
    }
    assert _ids(ds.claimants(on="2011-12-01", role="government"), "claimant") == {
        "transitional-government-el-keib"
    }


# --- 2012 --------------------------------------------------------------------


def test_gnc_takes_over_from_ntc_on_8_august_2012(ds):
    assert "national-transitional-council" in _ids(
        ds.claimants(on="2012-08-01", role="legislature"), "claimant"
    )
    after = _ids(ds.claimants(on="2012-08-20", role="legislature"), "claimant")
    assert "general-national-congress" in after
    assert "national-transitional-council" not in after


def test_gnc_election_2012(ds):
    assert "gnc-election-2012-07-07" in _ids(ds.events(between=("2012-07-01", "2012-07-31")), "id")


def test_magariaf_presides_over_gnc(ds):
    assert _ids(ds.holders("president-general-national-congress", on="2012-12-01"), "holder") == {
        "mohamed-magariaf"
    }


def test_el_keib_until_zeidan_sworn_in(ds):
    assert _ids(ds.claimants(on="2012-10-20", role="government"), "claimant") == {
        "transitional-government-el-keib"
    }
    assert _ids(ds.claimants(on="2012-11-20", role="government"), "claimant") == {
        "government-zeidan"
    }


# --- 2013 --------------------------------------------------------------------


def test_zeidan_prime_minister_in_2013(ds):
    assert _ids(ds.holders("prime-minister-government-zeidan", on="2013-06-01"), "holder") == {
        "ali-zeidan"
    }


def test_abusahmain_succeeds_magariaf(ds):
    assert _ids(ds.holders("president-general-national-congress", on="2013-07-01"), "holder") == {
        "nouri-abusahmain"
    }


def test_zeidan_abduction(ds):
    event = ds.get("zeidan-abducted-2013-10-10")
    assert "ali-zeidan" in event.actors
    assert "zeidan-abducted-2013-10-10" in _ids(ds.events(actor="ali-zeidan"), "id")
