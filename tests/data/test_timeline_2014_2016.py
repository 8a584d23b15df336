"""Questions about Libya from January 2014 to December 2016, asked of the
bundled timeline through the public API."""

import pytest

import libyamodel as lm


@pytest.fixture(scope="module")
def ds():
    return lm.load()


def _ids(facts):
    return {fact.id for fact in facts}


def _claimants(facts):
    return {fact.claimant for fact in facts}


def _months():
    for year in (2014, 2015, 2016):
        for month in range(1, 13):
            yield f"{year}-{month:02d}-15"


@pytest.mark.parametrize("day", list(_months()))
def test_some_government_is_definite_on_the_15th_of_every_month(ds, day):
    assert ds.claimants(on=day, role="government"), day


# --- 2014 --------------------------------------------------------------------
def test_zeidan_governs_until_march_2014(ds):
    assert "government-zeidan" in _claimants(ds.claimants(on="2014-02-15", role="government"))
    assert "government-zeidan" not in _claimants(ds.claimants(on="2014-03-15", role="government"))
    holders = ds.holders("prime-minister-government-zeidan", on="2014-01-15")
    assert "ali-zeidan-prime-minister-2012-2014" in _ids(holders)
    assert {tenure.holder for tenure in holders} == {"ali-zeidan"}


def test_maiteeq_and_thinni_both_claim_in_may_2014(ds):
    claimants = _claimants(ds.claimants(on="2014-05-15", role="government"))
    assert {"government-maiteeq", "interim-government-al-thinni"} <= claimants
    assert "government-maiteeq" not in _claimants(ds.claimants(on="2014-06-15", role="government"))


def test_supreme_court_annuls_maiteeq_election(ds):
    ruling = ds.get("supreme-court-ruling-maiteeq-unconstitutional-2014-06-09")
    assert ruling.court == "supreme-court-of-libya"
    assert str(ruling.date) == "2014-06-09"


def test_rival_governments_in_late_2014(ds):
    claimants = _claimants(ds.claimants(on="2014-12-15", role="government"))
    assert {"interim-government-al-thinni", "gnc-government-al-hassi"} <= claimants
    assert _ids(ds.holders("prime-minister-gnc", on="2014-12-15")) >= {
        "omar-al-hassi-pm-gnc-2014-2015"
    }
    assert _ids(ds.holders("prime-minister-hor", on="2014-12-15")) >= {
        "abdullah-al-thinni-pm-hor-2014-2016"
    }


def test_two_legislatures_claim_in_autumn_2014(ds):
    claimants = _claimants(ds.claimants(on="2014-10-15", role="legislature"))
    assert {"general-national-congress", "house-of-representatives"} <= claimants


def test_house_of_representatives_first_sits_in_tobruk(ds):
    event = ds.get("hor-first-session-tobruk-2014-08-04")
    assert "tobruk" in event.places
    assert ds.get("hor-election-2014-06-25").kind == "election"
    assert ds.get("cda-election-2014-02-20").kind == "election"


def test_supreme_court_judgment_on_the_house_records_both_dates(ds):
    judgment = ds.get("supreme-court-judgment-case-17-61-2014-11-06")
    assert str(judgment.period.start) == "2014-11-06"
    assert "7 November" in judgment.note
    assert "6 November" in judgment.note
    assert judgment in ds.events(
        between=("2014-11-01", "2014-11-30"), actor="supreme-court-of-libya"
    )


def test_libya_dawn_holds_tripoli_after_august_2014(ds):
    assert "libya-dawn" in {c.controller for c in ds.controllers("tripoli", on="2014-09-15")}


# --- 2015 --------------------------------------------------------------------
def test_ghawil_replaces_hassi_in_2015(ds):
    holders = _ids(ds.holders("prime-minister-gnc", on="2015-06-15"))
    assert holders == {"khalifa-al-ghawil-pm-gnc-2015-2016"}


def test_islamic_state_holds_sirte_in_2015(ds):
    assert "islamic-state" in {c.controller for c in ds.controllers("sirte", on="2015-08-15")}


def test_rome_meeting_and_skhirat_agreement(ds):
    conference = ds.get("rome-ministerial-meeting-on-libya-2015-12-13")
    assert conference.place == "rome"
    assert ds.get("libyan-political-agreement-signed-2015-12-17").kind == "agreement"


def test_security_council_recognizes_the_gna_from_resolution_2259(ds):
    recognitions = ds.recognitions(on="2016-01-15", recognized="government-of-national-accord")
    assert "security-council-recognizes-gna-2015-2016" in _ids(recognitions)
    assert "security-council-recognizes-gna-2015-2016" not in _ids(
        ds.recognitions(on="2015-12-20", recognized="government-of-national-accord")
    )


# --- 2016 --------------------------------------------------------------------
def test_gna_claims_government_after_arriving_in_tripoli(ds):
    assert "government-of-national-accord" not in _claimants(
        ds.claimants(on="2016-03-15", role="government")
    )
    assert "government-of-national-accord" in _claimants(
        ds.claimants(on="2016-04-15", role="government")
    )
    assert _ids(ds.holders("prime-minister-gna", on="2016-06-15")) >= {
        "fayez-al-sarraj-pm-gna-2015-2016"
    }


def test_high_council_of_state_from_april_2016(ds):
    assert "high-council-of-state" in _claimants(
        ds.claimants(on="2016-05-15", role="state_council")
    )
    assert "high-council-of-state" not in _claimants(
        ds.claimants(on="2016-03-15", role="state_council")
    )


def test_salvation_government_claims_again_in_october_2016(ds):
    assert "gnc-government-al-hassi" in _claimants(ds.claimants(on="2016-10-15", role="government"))


def test_sirte_taken_from_islamic_state_in_december_2016(ds):
    campaign = ds.get("sirte-campaign-against-islamic-state-2016")
    assert str(campaign.period.end) == "2016-12"
    assert "islamic-state" not in {c.controller for c in ds.controllers("sirte", on="2017-01-15")}


def test_derna_and_sabha_at_the_precision_the_sources_give(ds):
    assert "islamic-state" in {c.controller for c in ds.controllers("derna", on="2014-12-15")}
    assert "derna-mujahideen-shura-council" in {
        c.controller for c in ds.controllers("derna", on="2016-01-15")
    }
    # The Third Force was sent to Sabha "about three years" before December 2016.
    assert "third-force" in {
        c.controller for c in ds.controllers("sabha", on="2016-06-15", certainty="possible")
    }
