"""Questions about Libya, 2021-2025, asked of the bundled timeline."""

from __future__ import annotations

import pytest

import libyamodel as lm


@pytest.fixture(scope="module")
def ds():
    return lm.load()


def governments(ds, on):
    return {claim.claimant for claim in ds.claimants(on=on, role="government")}


def holders(ds, office, on):
    return {tenure.holder for tenure in ds.holders(office, on)}


@pytest.mark.parametrize("year", range(2021, 2026))
@pytest.mark.parametrize("month", range(1, 13))
def test_every_15th_has_a_definite_government(ds, year, month):
    assert governments(ds, f"{year}-{month:02d}-15")


def test_early_2021_two_governments_claimed(ds):
    assert governments(ds, "2021-01-15") == {
        "government-of-national-accord",
        "interim-government-al-thinni",
    }
    assert holders(ds, "prime-minister-gna", "2021-02-15") == {"fayez-al-sarraj"}
    assert holders(ds, "chair-presidency-council", "2021-02-15") == {"fayez-al-sarraj"}


def test_the_handovers_of_march_2021(ds):
    assert governments(ds, "2021-03-20") == {
        "government-of-national-unity",
        "interim-government-al-thinni",
    }
    assert governments(ds, "2021-04-15") == {"government-of-national-unity"}
    assert holders(ds, "prime-minister-gnu", "2021-04-15") == {"abdul-hamid-dbeibah"}
    assert holders(ds, "chair-presidency-council", "2021-04-15") == {"mohamed-al-menfi"}


def test_lpdf_geneva_selection(ds):
    forum = ds.get("lpdf-geneva-2021")
    assert str(forum.period.end) == "2021-02-05"


def test_gnu_confidence_ends_with_the_withdrawal(ds):
    on_mandate = {m.id for m in ds.mandates(on="2021-06-15", holder="government-of-national-unity")}
    assert "gnu-hor-confidence-2021" in on_mandate
    after = {m.id for m in ds.mandates(on="2021-10-15", holder="government-of-national-unity")}
    assert "gnu-hor-confidence-2021" not in after
    assert governments(ds, "2021-10-15") == {"government-of-national-unity"}


def test_two_governments_from_march_2022(ds):
    assert governments(ds, "2022-06-15") == {
        "government-of-national-unity",
        "government-of-national-stability",
    }
    assert holders(ds, "prime-minister-gns", "2022-06-15") == {"fathi-bashagha"}


def test_hammad_replaces_bashagha_in_2023(ds):
    assert holders(ds, "prime-minister-gns", "2023-06-15") == {"osama-hammad"}
    assert holders(ds, "president-high-council-of-state", "2023-06-15") == {"khalid-al-mishri"}
    assert holders(ds, "president-high-council-of-state", "2023-09-15") == {"mohamed-takala"}


def test_hcs_presidency_disputed_in_2024(ds):
    disputed = ds.holders("president-high-council-of-state", "2024-10-15")
    assert {t.holder for t in disputed} == {"khalid-al-mishri", "mohamed-takala"}
    assert {t.status for t in disputed} == {lm.Status.DISPUTED}
    assert holders(ds, "speaker-house-of-representatives", "2024-10-15") == {"aguila-saleh"}


def test_2025_governments_and_heads(ds):
    assert governments(ds, "2025-12-15") == {
        "government-of-national-unity",
        "government-of-national-stability",
    }
    assert holders(ds, "prime-minister-gnu", "2025-06-15") == {"abdul-hamid-dbeibah"}
    assert holders(ds, "prime-minister-gns", "2025-06-15") == {"osama-hammad"}
    assert holders(ds, "president-high-council-of-state", "2025-09-15") == {"mohamed-takala"}


def test_legislature_and_state_council_claims(ds):
    for on in ("2021-06-15", "2023-06-15", "2025-06-15"):
        assert "house-of-representatives" in {
            c.claimant for c in ds.claimants(on=on, role="legislature")
        }
        assert "high-council-of-state" in {
            c.claimant for c in ds.claimants(on=on, role="state_council")
        }


def test_city_control(ds):
    assert {c.controller for c in ds.controllers("tripoli", "2023-06-15")} == {
        "government-of-national-unity"
    }
    assert {c.controller for c in ds.controllers("sabha", "2021-12-14")} == {"libyan-national-army"}


def test_events_of_the_period(ds):
    ids = {e.id for e in ds.events(between=("2021-01-01", "2025-12-31"))}
    assert {
        "unsc-resolution-2570-2021",
        "hnec-election-postponement-2021-12-22",
        "derna-flood-2023-09",
        "cbl-governor-dismissal-2024-08-18",
        "tripoli-clashes-2025-05",
        "unsmil-roadmap-2025-08-21",
    } <= ids
    assert ds.get("berlin-ii-conference-2021").host == "germany"
