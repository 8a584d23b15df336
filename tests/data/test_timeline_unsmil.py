"""UNSMIL's Security Council mandates and the heads of the UN effort on Libya, 2011-2025."""

from __future__ import annotations

import datetime
import itertools

import pytest

import libyamodel as lm

HEAD_OFFICES = (
    "un-special-envoy-for-libya",
    "un-special-representative-for-libya",
    "acting-head-of-unsmil",
    "un-special-adviser-on-libya",
)

# Days the sources leave open: resolution 2040 (2012) ended on 12 or on
# 16 March 2013 by Security Council Report's two forecasts, and resolution
# 2095 (2013) was adopted on 14 March 2013.
MANDATE_DAYS_IN_DOUBT = {datetime.date(2013, 3, 12), datetime.date(2013, 3, 13)}

# The 15th of these months falls where the sources disagree on a handover:
# Martin's start (11 or 19 September 2011), his end (14 or 17 October 2012),
# Williams's start as acting head (11 or 16 March 2020) and Bathily's start
# (3 or 25 September 2022).
HEAD_MONTHS_IN_DOUBT = {(2011, 9), (2012, 10), (2020, 3), (2022, 9)}


@pytest.fixture(scope="module")
def ds():
    return lm.load()


def resolutions(ds, day=None, certainty="definite"):
    """The Security Council mandates of this slice (ids unsmil-mandate-res-*)."""
    return [
        m
        for m in ds.mandates(on=day, holder="unsmil", certainty=certainty)
        if m.id.startswith("unsmil-mandate-res-")
    ]


def instruments(ds, day, certainty="definite"):
    return {m.instrument for m in resolutions(ds, day, certainty)}


def heads(ds, day, certainty="definite"):
    return {
        (t.office, t.holder)
        for office in HEAD_OFFICES
        for t in ds.holders(office, day, certainty=certainty)
    }


def holders(ds, office, day):
    return {t.holder for t in ds.holders(office, day)}


def test_2011_the_envoy_before_the_mission_and_the_mission_set_up(ds):
    assert holders(ds, "un-special-envoy-for-libya", "2011-05-15") == {"abdel-ilah-al-khatib"}
    assert instruments(ds, "2011-10-15") == {"Resolution 2009 (2011)"}
    assert "Resolution 2022 (2011)" in instruments(ds, "2011-12-15")
    assert not resolutions(ds, "2011-09-15", certainty="possible")
    assert holders(ds, "un-special-representative-for-libya", "2011-11-15") == {"ian-martin"}


def test_2012_a_year_mandate_and_a_new_head(ds):
    assert instruments(ds, "2012-06-15") == {"Resolution 2040 (2012)"}
    assert holders(ds, "un-special-representative-for-libya", "2012-06-15") == {"ian-martin"}
    assert holders(ds, "un-special-representative-for-libya", "2012-11-15") == {"tarek-mitri"}


def test_2013_the_renewal_of_march(ds):
    assert instruments(ds, "2013-06-15") == {"Resolution 2095 (2013)"}
    assert "Resolution 2040 (2012)" in instruments(ds, "2013-03-13", certainty="possible")


def test_2014_mitri_hands_over_to_leon(ds):
    assert instruments(ds, "2014-06-15") == {"Resolution 2144 (2014)"}
    assert holders(ds, "un-special-representative-for-libya", "2014-08-15") == {"tarek-mitri"}
    assert "bernardino-leon" in holders(ds, "un-special-representative-for-libya", "2014-11-13")


def test_2015_three_renewals_and_a_new_head(ds):
    assert "Resolution 2208 (2015)" in instruments(ds, "2015-03-20")
    assert instruments(ds, "2015-06-15") == {"Resolution 2213 (2015)"}
    assert instruments(ds, "2015-12-15") == {"Resolution 2238 (2015)"}
    assert holders(ds, "un-special-representative-for-libya", "2015-06-15") == {"bernardino-leon"}
    assert holders(ds, "un-special-representative-for-libya", "2015-12-15") == {"martin-kobler"}


def test_2016_short_renewals_while_the_gna_formed(ds):
    assert instruments(ds, "2016-04-15") == {"Resolution 2273 (2016)"}
    assert instruments(ds, "2016-09-15") == {"Resolution 2291 (2016)"}
    assert "Resolution 2323 (2016)" in instruments(ds, "2016-12-15")
    assert "martin-kobler" in holders(ds, "un-special-representative-for-libya", "2016-05-16")


def test_2017_salame_takes_over(ds):
    assert instruments(ds, "2017-10-01") == {"Resolution 2376 (2017)"}
    assert "ghassan-salame" in holders(ds, "un-special-representative-for-libya", "2017-09-14")
    assert holders(ds, "un-special-representative-for-libya", "2017-07-15") == {"ghassan-salame"}


def test_2018_and_2019_yearly_renewals(ds):
    assert instruments(ds, "2018-12-01") == {"Resolution 2434 (2018)"}
    assert instruments(ds, "2019-12-01") == {"Resolution 2486 (2019)"}
    assert holders(ds, "un-special-representative-for-libya", "2019-04-15") == {"ghassan-salame"}


def test_2020_williams_acts_after_salame_resigns(ds):
    assert holders(ds, "acting-head-of-unsmil", "2020-06-15") == {"stephanie-williams"}
    assert ("acting-head-of-unsmil", "stephanie-williams") in heads(
        ds, "2020-03-15", certainty="possible"
    )
    assert instruments(ds, "2020-10-01") == {"Resolution 2542 (2020)"}


def test_2021_kubis_then_williams_as_special_adviser(ds):
    assert holders(ds, "un-special-representative-for-libya", "2021-06-15") == {"jan-kubis"}
    assert holders(ds, "un-special-adviser-on-libya", "2021-12-15") == {"stephanie-williams"}
    assert instruments(ds, "2021-09-20") == {"Resolution 2595 (2021)"}
    assert instruments(ds, "2021-12-01") == {"Resolution 2599 (2021)"}


def test_2022_technical_rollovers_and_an_officer_in_charge(ds):
    assert instruments(ds, "2022-03-01") == {"Resolution 2619 (2022)"}
    assert instruments(ds, "2022-06-01") == {"Resolution 2629 (2022)"}
    assert instruments(ds, "2022-09-01") == {"Resolution 2647 (2022)"}
    assert holders(ds, "acting-head-of-unsmil", "2022-08-15") == {"raisedon-zenenga"}
    assert holders(ds, "un-special-representative-for-libya", "2022-12-15") == {"abdoulaye-bathily"}


def test_2023_a_year_renewal_under_bathily(ds):
    assert instruments(ds, "2023-12-01") == {"Resolution 2702 (2023)"}
    assert holders(ds, "un-special-representative-for-libya", "2023-06-15") == {"abdoulaye-bathily"}


def test_2024_koury_in_charge_after_bathily_resigns(ds):
    assert holders(ds, "un-special-representative-for-libya", "2024-05-15") == {"abdoulaye-bathily"}
    assert not holders(ds, "un-special-representative-for-libya", "2024-08-15")
    assert holders(ds, "acting-head-of-unsmil", "2024-08-15") == {"stephanie-koury"}
    assert instruments(ds, "2024-12-01") == {"Resolution 2755 (2024)"}


def test_2025_tetteh_and_the_conditional_extension(ds):
    assert holders(ds, "un-special-representative-for-libya", "2025-12-15") == {"hanna-tetteh"}
    assert instruments(ds, "2025-06-01") == {"Resolution 2755 (2024), automatic extension"}
    assert instruments(ds, "2025-11-15") == {"Resolution 2796 (2025)"}


def test_each_renewal_extends_the_mandate_before_it(ds):
    chain = sorted(resolutions(ds), key=lambda m: m.period.start.earliest)
    assert len(chain) == 25
    assert chain[0].instrument == "Resolution 2009 (2011)"
    assert chain[0].extends is None
    for before, after in itertools.pairwise(chain):
        assert after.extends == before.id, after.id
        assert after.granted_by == "un-security-council"
    assert all(m.kind is lm.MandateKind.SECURITY_COUNCIL for m in chain)


def test_no_day_without_a_mandate_from_september_2011_to_december_2025(ds):
    day, last = datetime.date(2011, 9, 16), datetime.date(2025, 12, 31)
    uncovered = []
    while day <= last:
        if not resolutions(ds, day):
            uncovered.append(day)
            assert resolutions(ds, day, certainty="possible"), day
        day += datetime.timedelta(days=1)
    assert set(uncovered) == MANDATE_DAYS_IN_DOUBT


def test_someone_headed_the_un_effort_on_the_15th_of_every_month(ds):
    open_months = set()
    for year in range(2011, 2026):
        for month in range(1, 13):
            if (year, month) < (2011, 4):
                continue
            day = datetime.date(year, month, 15)
            if not heads(ds, day):
                open_months.add((year, month))
                assert heads(ds, day, certainty="possible"), day
    assert open_months == HEAD_MONTHS_IN_DOUBT


TENURES = (
    "abdel-ilah-al-khatib-special-envoy-2011",
    "ian-martin-srsg-2011-2012",
    "tarek-mitri-srsg-2012-2014",
    "bernardino-leon-srsg-2014-2015",
    "martin-kobler-srsg-2015-2017",
    "ghassan-salame-srsg-2017-2020",
    "stephanie-williams-acting-srsg-2020-2021",
    "jan-kubis-special-envoy-2021",
    "stephanie-williams-special-adviser-2021-2022",
    "raisedon-zenenga-officer-in-charge-2022",
    "abdoulaye-bathily-srsg-2022-2024",
    "stephanie-koury-officer-in-charge-2024-2025",
    "hanna-tetteh-srsg-2025",
)


def test_every_fact_paraphrases_a_page_with_an_address(ds):
    facts = [*resolutions(ds), *(ds.get(i) for i in TENURES)]
    for fact in facts:
        assert fact.evidence, fact.id
        for item in fact.evidence:
            assert item.paraphrase, fact.id
            assert item.quote is None, fact.id
            assert ds.get(item.source).url, (fact.id, item.source)
