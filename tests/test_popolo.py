"""Popolo export: the required fields of the Popolo schemas, and a round trip of what fits."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import libyamodel as lm
from libyamodel import strategies
from libyamodel.popolo import WIKIDATA_SCHEME, popolo_date, to_popolo
from libyamodel.views.popolo import PERIOD_FIELD, UNLINKED_FIELD, popolo_dates

# The required fields of the Popolo JSON Schemas (http://www.popoloproject.com/specs/,
# schemas person.json, organization.json, post.json, membership.json, other_name.json,
# identifier.json, link.json), with their date pattern, written out here as one schema.
DATE = {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}){0,2}$"}
OTHER_NAMES = {"type": "array", "items": {"type": "object", "required": ["name"]}}
IDENTIFIERS = {"type": "array", "items": {"type": "object", "required": ["identifier"]}}
LINKS = {"type": "array", "items": {"type": "object", "required": ["url"]}}
POPOLO: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "persons": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "other_names": OTHER_NAMES,
                    "identifiers": IDENTIFIERS,
                    "links": LINKS,
                    "sources": LINKS,
                },
            },
        },
        "organizations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "classification": {"type": "string"},
                    "parent_id": {"type": "string"},
                    "other_names": OTHER_NAMES,
                    "identifiers": IDENTIFIERS,
                    "founding_date": DATE,
                    "dissolution_date": DATE,
                    "links": LINKS,
                    "sources": LINKS,
                },
            },
        },
        "posts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["label", "organization_id"],
                "properties": {
                    "label": {"type": "string"},
                    "other_label": {"type": "array", "items": {"type": "string"}},
                    "organization_id": {"type": "string"},
                    "start_date": DATE,
                    "end_date": DATE,
                    "links": LINKS,
                    "sources": LINKS,
                },
            },
        },
        "memberships": {
            "type": "array",
            "items": {
                "type": "object",
                "allOf": [
                    {"anyOf": [{"required": ["person_id"]}, {"required": ["member"]}]},
                    {
                        "anyOf": [
                            {"required": ["organization_id"]},
                            {"required": ["post_id"]},
                            {"required": ["post"]},
                        ]
                    },
                ],
                "properties": {
                    "person_id": {"type": "string"},
                    "member": {"type": "object", "required": ["@type", "id"]},
                    "organization_id": {"type": "string"},
                    "post_id": {"type": "string"},
                    "start_date": DATE,
                    "end_date": DATE,
                    "links": LINKS,
                    "sources": LINKS,
                },
            },
        },
    },
}
VALIDATOR = jsonschema.Draft202012Validator(POPOLO)


def check(popolo: dict[str, Any]) -> None:
    """Valid against the Popolo required fields, sorted by id, and every id reference resolves;
    the memberships set aside for organizations are valid Popolo memberships too."""
    extension = popolo["libyamodel"]
    held_by_bodies = extension["organization_memberships"]
    everything = {**popolo, "memberships": popolo["memberships"] + held_by_bodies}
    assert [error.message for error in VALIDATOR.iter_errors(everything)] == []
    assert list(popolo) == ["persons", "organizations", "posts", "memberships", "libyamodel"]
    for key in ("persons", "organizations", "posts", "memberships"):
        ids = [item["id"] for item in popolo[key]]
        assert ids == sorted(set(ids))
    assert [m["id"] for m in held_by_bodies] == sorted({m["id"] for m in held_by_bodies})
    persons = {p["id"] for p in popolo["persons"]}
    organizations = {o["id"] for o in popolo["organizations"]}
    posts = {p["id"]: p for p in popolo["posts"]}
    assert not persons & organizations
    for organization in popolo["organizations"]:
        assert organization.get("parent_id", organization["id"]) in organizations
    for post in popolo["posts"]:
        assert post["organization_id"] in organizations
    assert all("person_id" in m for m in popolo["memberships"])  # what EveryPolitician reads
    assert not any("person_id" in m for m in held_by_bodies)
    for membership in everything["memberships"]:
        post = posts[membership["post_id"]]
        assert membership["organization_id"] == post["organization_id"]
        if "person_id" in membership:
            assert membership["person_id"] in persons
        else:
            assert membership["member"] == {
                "@type": "Organization",
                "id": membership["member"]["id"],
            }
            assert membership["member"]["id"] in organizations


def date(text: str) -> lm.PartialDate:
    return lm.PartialDate.parse(text)


def evidence() -> list[lm.Evidence]:
    return [lm.Evidence(source="report", quote="as the source says")]


def tenure(ident: str, holder: str, office: str, period: lm.Period) -> lm.Tenure:
    return lm.Tenure(id=ident, holder=holder, office=office, period=period, evidence=evidence())


@pytest.fixture(scope="module")
def small() -> lm.Dataset:
    return lm.Dataset.from_records(
        [
            lm.Source(id="report", title="A report", published=date("2020"), url="https://e.org/r"),
            lm.Source(id="unlinked", title="No URL", published=date("2020")),
            lm.Actor(
                id="fayez-al-sarraj",
                name="Fayez al-Sarraj",
                aliases=["Sarraj", "Fayez Seraj"],
                kind="person",
                wikidata="Q1000001",
            ),
            lm.Actor(id="martin-kobler", name="Martin Kobler", kind="person"),
            lm.Actor(id="united-nations", name="United Nations", kind="international_organisation"),
            lm.Institution(
                id="gna",
                name="Government of National Accord",
                aliases=["GNA"],
                kind="executive",
                wikidata="Q1000002",
            ),
            lm.Institution(id="unsmil", name="UNSMIL", kind="un_mission", parent="united-nations"),
            lm.Institution(id="presidency-council", name="Presidency Council", kind="executive"),
            lm.Office(
                id="pm-gna", name="Prime Minister (GNA)", aliases=["GNA PM"], institution="gna"
            ),
            lm.Office(id="srsg", name="UN Special Representative", institution="unsmil"),
            lm.Office(id="pm-loose", name="Prime Minister (of no body)"),
            lm.Office(id="chair", name="Chair", institution="presidency-council"),
            tenure(
                "t-span",
                "fayez-al-sarraj",
                "pm-gna",
                lm.Period(date("2016-03"), date("2021-03-15")),
            ),
            tenure("t-ongoing", "martin-kobler", "srsg", lm.Period(date("2015-11-17"))),
            tenure(
                "t-parts",
                "martin-kobler",
                "pm-gna",
                lm.Period(date("early 2019-06"), date("2019?")),
            ),
            tenure("t-flag", "fayez-al-sarraj", "srsg", lm.Period.once(date("2017-09-20~"))),
            tenure("t-observed", "fayez-al-sarraj", "srsg", lm.Period.observed("2016-05-16")),
            tenure("t-open", "martin-kobler", "srsg", lm.Period(date("..2016"), date("2017-06.."))),
            tenure("t-loose", "fayez-al-sarraj", "pm-loose", lm.Period.once("2016-01-01")),
            tenure("t-body", "gna", "chair", lm.Period(date("2016"), date("2021"))),
            lm.Tenure(
                id="t-cited",
                holder="martin-kobler",
                office="srsg",
                period=lm.Period.once("2016"),
                evidence=[
                    *evidence(),
                    lm.Evidence(source="unlinked", quote="again"),
                    lm.Evidence(source="report", quote="and again"),
                ],
            ),
        ]
    )


@pytest.mark.parametrize(
    ("text", "popolo"),
    [
        ("2014", "2014"),
        ("2014-06", "2014-06"),
        ("2014-06-25", "2014-06-25"),
        ("early 2019-06", "2019-06"),
        ("late 2016-03", "2016-03"),
        ("mid 2017", "2017"),
        ("2017-09-20~", "2017-09"),
        ("2017-09-29~", "2017"),
        ("2017-12-29~", None),
        ("2014-06?", "2014"),
        ("2014-12?", None),
        ("2014?", None),
        ("..2014-11-13", None),
        ("2014-11-13..", None),
        ("0987-01-02", "0987-01-02"),
    ],
)
def test_popolo_dates_keep_the_precision_known(text: str, popolo: str | None):
    assert popolo_date(date(text)) == popolo
    if popolo is not None:
        parsed = date(popolo)
        assert parsed.earliest <= date(text).earliest <= date(text).latest <= parsed.latest


def test_no_date_is_no_date():
    assert popolo_date(None) is None


def test_the_bundled_export_meets_the_popolo_schemas():
    ds = lm.load()
    popolo = to_popolo(ds)
    check(popolo)
    people = [e for e in ds.entities if isinstance(e, lm.Actor) and e.kind is lm.ActorKind.PERSON]
    assert [p["id"] for p in popolo["persons"]] == [e.id for e in people]
    others = [
        e for e in ds.entities if isinstance(e, lm.Institution | lm.Actor) and e not in people
    ]
    assert [o["id"] for o in popolo["organizations"]] == sorted(e.id for e in others)
    # tenures of offices with no institution cannot be posts (Popolo requires organization_id):
    # they are listed by id, so that every tenure is accounted for
    extension = popolo["libyamodel"]
    exported = {m["id"] for m in popolo["memberships"] + extension["organization_memberships"]}
    for fact in ds.facts:
        if isinstance(fact, lm.Tenure):
            office = ds[fact.office]
            assert isinstance(office, lm.Office)
            assert (fact.id in exported) is (office.institution is not None)
            assert (fact.id in extension["tenures_without_a_post"]) is (office.institution is None)


def test_the_export_is_deterministic_and_plain_json():
    first = json.dumps(to_popolo(lm.load()), sort_keys=False)
    assert first == json.dumps(to_popolo(lm.load()), sort_keys=False)
    assert json.loads(first) == to_popolo(lm.load())


def test_the_small_export_meets_the_popolo_schemas(small: lm.Dataset):
    check(to_popolo(small))


def test_round_trip_of_names_aliases_and_wikidata(small: lm.Dataset):
    popolo = to_popolo(small)
    back = {
        item["id"]: (
            item["name"],
            tuple(other["name"] for other in item.get("other_names", [])),
            next(
                (i["identifier"] for i in item.get("identifiers", []) if i["scheme"] == "wikidata"),
                None,
            ),
        )
        for item in popolo["persons"] + popolo["organizations"]
    }
    named = [e for e in small.entities if isinstance(e, lm.Actor | lm.Institution)]
    assert back == {e.id: (e.name, e.aliases, e.wikidata) for e in named}
    assert WIKIDATA_SCHEME == "wikidata"
    classes = {o["id"]: o["classification"] for o in popolo["organizations"]}
    assert classes == {
        "gna": "executive",
        "presidency-council": "executive",
        "unsmil": "un_mission",
        "united-nations": "international_organisation",
    }
    assert {o["id"]: o.get("parent_id") for o in popolo["organizations"]}[
        "unsmil"
    ] == "united-nations"


def test_round_trip_of_offices(small: lm.Dataset):
    back = {
        post["id"]: (post["label"], tuple(post.get("other_label", [])), post["organization_id"])
        for post in to_popolo(small)["posts"]
    }
    assert back == {
        "chair": ("Chair", (), "presidency-council"),
        "pm-gna": ("Prime Minister (GNA)", ("GNA PM",), "gna"),
        "srsg": ("UN Special Representative", (), "unsmil"),
    }


def all_memberships(popolo: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every membership by id, those of persons and those set aside for organizations."""
    held_by_bodies = popolo["libyamodel"]["organization_memberships"]
    return {m["id"]: m for m in popolo["memberships"] + held_by_bodies}


def test_round_trip_of_tenures_at_their_precision(small: lm.Dataset):
    popolo = to_popolo(small)
    memberships = all_memberships(popolo)
    assert "t-loose" not in memberships  # its office belongs to no organization
    assert popolo["libyamodel"]["tenures_without_a_post"] == ["t-loose"]
    dates = {ident: (m.get("start_date"), m.get("end_date")) for ident, m in memberships.items()}
    assert dates == {
        "t-span": ("2016-03", "2021-03-15"),
        "t-ongoing": ("2015-11-17", None),
        "t-parts": ("2019-06", None),
        "t-flag": ("2017-09", "2017-09"),
        "t-observed": (None, None),
        "t-open": (None, None),
        "t-body": ("2016", "2021"),
        "t-cited": ("2016", "2016"),
    }
    for ident in ("t-span", "t-ongoing", "t-body", "t-cited"):  # plain dates come back equal
        fact = small[ident]
        assert isinstance(fact, lm.Tenure)
        start, end = dates[ident]
        assert start is not None
        assert lm.Period(date(start), None if end is None else date(end)) == fact.period
        membership = memberships[ident]
        holder = membership.get("person_id") or membership["member"]["id"]
        assert (holder, membership["post_id"]) == (fact.holder, fact.office)


def test_an_organization_holding_a_post_is_a_member_set_aside(small: lm.Dataset):
    popolo = to_popolo(small)
    assert "t-body" not in {m["id"] for m in popolo["memberships"]}
    [membership] = popolo["libyamodel"]["organization_memberships"]
    assert membership["id"] == "t-body"
    assert membership["member"] == {"@type": "Organization", "id": "gna"}
    assert "person_id" not in membership


def test_sources_with_a_url_are_cited_once_and_the_others_by_id(small: lm.Dataset):
    memberships = all_memberships(to_popolo(small))
    assert memberships["t-cited"]["sources"] == [{"url": "https://e.org/r", "note": "A report"}]
    assert memberships["t-cited"][UNLINKED_FIELD] == [{"id": "unlinked", "title": "No URL"}]
    assert UNLINKED_FIELD not in memberships["t-span"]


def test_persons_and_organizations_carry_the_sources_of_the_facts_naming_them(
    small: lm.Dataset,
):
    popolo = to_popolo(small)
    entities = {item["id"]: item for item in popolo["persons"] + popolo["organizations"]}
    report = [{"url": "https://e.org/r", "note": "A report"}]
    assert entities["fayez-al-sarraj"]["sources"] == report
    assert entities["gna"]["sources"] == report  # it holds a post (t-body)
    assert "sources" not in entities["united-nations"]  # no fact names it
    assert entities["unsmil"]["sources"] == report  # the tenures of its post cite it
    assert entities["unsmil"][UNLINKED_FIELD] == [{"id": "unlinked", "title": "No URL"}]
    assert entities["martin-kobler"][UNLINKED_FIELD] == [{"id": "unlinked", "title": "No URL"}]


def test_the_period_kept_beside_the_dates_gives_the_tenure_back(small: lm.Dataset):
    for ident, membership in all_memberships(to_popolo(small)).items():
        fact = small[ident]
        assert isinstance(fact, lm.Tenure)
        assert period_of(membership) == fact.period
    observed = all_memberships(to_popolo(small))["t-observed"]
    assert observed[PERIOD_FIELD] == {"start": "..2016-05-16", "end": "2016-05-16.."}
    assert "start_date" not in observed
    assert "end_date" not in observed


def period_of(membership: dict[str, Any]) -> lm.Period:
    kept = membership[PERIOD_FIELD]
    return lm.Period(date(kept["start"]), None if kept["end"] is None else date(kept["end"]))


def finest(first: Any, last: Any) -> str:
    """The finest Popolo precision holding every day from first to last."""
    if first == last:
        return "day"
    if (first.year, first.month) == (last.year, last.month):
        return "month"
    return "year" if first.year == last.year else "none"


def check_dates(period: lm.Period, start: str | None, end: str | None) -> None:
    """Each date holds every day its bound may be (so it is certainly true), and no finer
    Popolo date would; it is missing only where no year holds them all."""
    # the days the period may have begun and ended on, within the period
    bounds = [(period.start.earliest, period.certain_from)]
    texts = [start]
    if period.end is not None:
        bounds.append((period.certain_until, period.end.latest))
        texts.append(end)
    else:
        assert end is None
    for (first, last), text in zip(bounds, texts, strict=True):
        if text is None:
            assert finest(first, last) == "none"
            continue
        exported = date(text)
        assert exported.earliest <= first <= last <= exported.latest
        assert exported.precision.name.lower() == finest(first, last)


def test_a_date_bound_by_the_other_end_of_its_period_is_certain():
    period = lm.Period(date("2014-06-12.."), date("..2014-10-31"))
    assert popolo_dates(period) == ("2014", "2014")
    assert popolo_date(period.start) is None


def test_every_bundled_tenure_gets_every_certainly_true_date_and_keeps_its_period():
    ds = lm.load()
    memberships = all_memberships(to_popolo(ds))
    tenures = [f for f in ds.facts if isinstance(f, lm.Tenure) and f.id in memberships]
    assert len(tenures) >= 60
    for tenure in tenures:
        membership = memberships[tenure.id]
        check_dates(tenure.period, membership.get("start_date"), membership.get("end_date"))
        assert period_of(membership) == tenure.period


@given(strategies.periods())
def test_any_period_gets_its_certainly_true_dates(period: lm.Period):
    check_dates(period, *popolo_dates(period))


def read_with_everypolitician(popolo: dict[str, Any]) -> int:
    """Read every object of the export through EveryPolitician's reader; the memberships read."""
    reader = pytest.importorskip("popolo_data.importer")
    data = reader.Popolo(json.loads(json.dumps(popolo)))
    for person in data.persons:
        assert person.name
        assert [m.person_id for m in person.memberships] == [person.id] * len(person.memberships)
        assert isinstance(person.sources, list)
    for organization in data.organizations:
        assert organization.name
    for post in data.posts:
        assert post.organization.id == post.organization_id
    read = 0
    for membership in data.memberships:
        assert membership.person.id == membership.person_id
        assert membership.organization.id == membership.organization_id
        assert membership.post.id == membership.post_id
        for given_date, approx in (
            (membership.data.get("start_date"), membership.start_date),
            (membership.data.get("end_date"), membership.end_date),
        ):
            if given_date is not None:
                kept = date(given_date)
                assert (approx.earliest_date, approx.latest_date) == (kept.earliest, kept.latest)
        read += 1
    return read


def test_everypolitician_reads_the_whole_bundled_export():
    popolo = to_popolo(lm.load())
    assert read_with_everypolitician(popolo) == len(popolo["memberships"])


def test_everypolitician_reads_an_export_with_a_post_held_by_an_organization(
    small: lm.Dataset,
):
    popolo = to_popolo(small)
    assert read_with_everypolitician(popolo) == len(popolo["memberships"]) == 7


@given(strategies.datasets())
def test_any_dataset_exports_to_valid_popolo_and_accounts_for_every_tenure(dataset: lm.Dataset):
    popolo = to_popolo(dataset)
    check(popolo)
    tenures = sorted(f.id for f in dataset.facts if isinstance(f, lm.Tenure))
    memberships = all_memberships(popolo)
    assert sorted([*memberships, *popolo["libyamodel"]["tenures_without_a_post"]]) == tenures
    for ident, membership in memberships.items():
        assert period_of(membership) == dataset[ident].period
