"""FollowTheMoney export: every entity valid by followthemoney's own model, nothing left out."""

from __future__ import annotations

import calendar
import datetime
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import libyamodel as lm
from libyamodel import strategies
from libyamodel.cli import main
from libyamodel.errors import LibyaModelError, MissingExtra
from libyamodel.views.ftm import entity_id, ftm_date

followthemoney = pytest.importorskip("followthemoney")
from followthemoney import model  # noqa: E402
from followthemoney.namespace import Namespace  # noqa: E402
from followthemoney.types import registry  # noqa: E402

SMALL = Path(__file__).parent / "fixtures" / "small"


def check(entities: list[dict[str, Any]]) -> Counter[str]:
    """Check every entity against FtM's model; return the count of entities per schema.

    Each schema exists and is not abstract; required properties are present;
    every property belongs to the schema; every reference names an entity of
    the export whose schema is the property's range or a descendant of it;
    every date is one FtM's date type keeps unchanged; and the entity reads
    back into the same dictionary, and re-validated keeps every property, reference
    and date (followthemoney 4.0's text cleaner is not idempotent on spaces left
    where it removed a control character).
    """
    schemata = {entity["id"]: entity["schema"] for entity in entities}
    assert len(schemata) == len(entities), "entity ids are unique"
    for entity in entities:
        assert registry.entity.validate(entity["id"]), entity["id"]
        assert Namespace.parse(entity["id"]) == (entity["id"], None), "no dataset signature"
        schema = model.get(entity["schema"])
        assert schema is not None, entity["schema"]
        assert not schema.abstract, schema.name
        properties = entity["properties"]
        assert set(schema.required) <= set(properties), (entity["id"], schema.required)
        for name, values in properties.items():
            prop = schema.get(name)
            assert prop is not None, (schema.name, name)
            assert values, (entity["id"], name)
            for value in values:
                if prop.type is registry.entity:
                    assert value in schemata, (entity["id"], name, value)
                    target = model[schemata[value]]
                    assert target.is_a(prop.range), (entity["id"], name, target.name)
                if prop.type is registry.date:
                    assert registry.date.validate(value), (entity["id"], name, value)
                    assert registry.date.clean(value) == value, (entity["id"], name, value)
        assert model.get_proxy(entity).to_dict() == entity
        again = model.get_proxy(entity, cleaned=False).to_dict()["properties"]
        assert set(again) == set(properties), entity["id"]
        for name in properties:
            if schema.properties[name].type in (registry.entity, registry.date):
                assert again[name] == properties[name], (entity["id"], name)
    return Counter(entity["schema"] for entity in entities)


def exported(ds: lm.Dataset) -> list[dict[str, Any]]:
    return [entity.to_dict() for entity in ds.to_ftm()]


def test_every_bundled_entity_is_valid_ftm_and_every_record_is_exported():
    ds = lm.load()
    entities = exported(ds)
    counts = check(entities)
    ids = {entity["id"] for entity in entities}
    assert {entity_id(record.id) for record in (*ds.entities, *ds.facts)} <= ids
    persons = sum(1 for e in ds.entities if isinstance(e, lm.Actor) and e.kind == "person")
    assert counts["Person"] == persons
    assert counts["Article"] == len(ds.sources)
    assert counts["Address"] == sum(1 for e in ds.entities if isinstance(e, lm.Place))


@given(strategies.datasets())
def test_every_entity_of_a_generated_dataset_is_valid_ftm(ds):
    entities = exported(ds)
    check(entities)
    ids = {entity["id"] for entity in entities}
    assert {entity_id(record.id) for record in (*ds.entities, *ds.facts)} <= ids


@given(strategies.datasets())
def test_each_fact_keeps_its_full_dates_and_status_in_words(ds):
    by_id = {entity.id: entity for entity in ds.to_ftm()}
    for fact in ds.facts:
        entity = by_id[entity_id(fact.id)]
        text = "\n".join(entity.get("description"))
        assert str(fact.period.start) in text
        if fact.period.end is not None:
            assert str(fact.period.end) in text
        assert f"status: {fact.status.value}" in text


def test_the_export_is_the_same_each_time():
    ds = lm.load()
    assert exported(ds) == exported(ds)


def _span(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day an FtM date prefix covers."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        day = datetime.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return datetime.date(year, month, 1), datetime.date(
            year, month, calendar.monthrange(year, month)[1]
        )
    return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)


@given(strategies.partial_dates())
def test_an_ftm_date_is_the_most_precise_that_is_certainly_true(date):
    text = ftm_date(date)
    first, last = date.earliest, date.latest
    if text is None:
        assert first.year != last.year
        return
    assert registry.date.clean(text) == text
    lo, hi = _span(text)
    assert lo <= first
    assert last <= hi
    # No finer prefix holds every day: the month of the first day where a year was
    # given, its day where a month was (any finer prefix lies inside that one).
    if len(text) < len("YYYY-MM-DD"):
        lo, hi = _span(first.isoformat()[: len(text) + 3])
        assert not (lo <= first and last <= hi)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2014-06-25", "2014-06-25"),
        ("2014-06", "2014-06"),
        ("early 2019-06", "2019-06"),
        ("2014-06?", "2014"),
        ("2017-09-20~", "2017-09"),
        ("..2014-11-13", None),
        ("2014-11-13..", None),
        ("2014-01?", None),
    ],
)
def test_uncertain_dates_lose_the_precision_that_is_not_certain(text, expected):
    assert ftm_date(lm.PartialDate.parse(text)) == expected


def test_without_followthemoney_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "followthemoney", None)
    with pytest.raises(MissingExtra) as caught:
        lm.load().to_ftm()
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, LibyaModelError)
    assert caught.value.extra == "ftm"
    assert "libyamodel[ftm]" in str(caught.value)


def test_the_command_writes_one_entity_a_line_that_reads_back(tmp_path):
    out = tmp_path / "out.ftm.json"
    with out.open("w", encoding="utf-8") as stream:
        status = main(["ftm", "--data", str(SMALL), "--no-bundled"], stdout=stream)
    assert status == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    proxies = [model.get_proxy(json.loads(line), cleaned=False) for line in lines]
    expected = exported(lm.load(SMALL, bundled=False))
    assert [proxy.to_dict() for proxy in proxies] == expected
    check(expected)


def test_a_name_ftm_cannot_keep_becomes_the_id_and_says_so():
    ds = lm.Dataset.from_records(
        [
            lm.Source(id="report", title="A report", published=lm.PartialDate.parse("2014")),
            lm.Actor(id="someone", name="\x00\x01", kind="person"),
            lm.Event(
                id="an-event",
                name="\x02",
                kind="other",
                period=lm.Period("2014"),
                actors=["someone"],
                evidence=[lm.Evidence(source="report", quote="...")],
            ),
        ]
    )
    entities = {entity.id: entity for entity in ds.to_ftm()}
    check([entity.to_dict() for entity in entities.values()])
    for record in ("someone", "an-event"):
        entity = entities[entity_id(record)]
        assert entity.get("name") == [record]
        assert any("no character FtM keeps" in text for text in entity.get("description"))


def test_places_keep_their_coordinates_and_where_they_lie():
    ds = lm.Dataset.from_records(
        [
            lm.Place(id="libya", name="Libya", kind="country"),
            lm.Place(id="tripoli", name="Tripoli", kind="city", within="libya", lat=32.9, lon=13.2),
        ]
    )
    entities = {entity.id: entity for entity in ds.to_ftm()}
    tripoli = entities[entity_id("tripoli")]
    assert tripoli.get("full") == ["Tripoli, Libya"]
    assert [float(tripoli.first("latitude")), float(tripoli.first("longitude"))] == [32.9, 13.2]


def _records() -> list[lm.Record]:
    cite = [lm.Evidence(source="report", quote="...")]
    return [
        lm.Source(id="report", title="A report", published=lm.PartialDate.parse("2015")),
        lm.Institution(id="gnc", name="General National Congress", kind="legislature"),
        lm.Institution(id="hor", name="House of Representatives", kind="legislature"),
        lm.Institution(id="court", name="Supreme Court", kind="court"),
        lm.Actor(id="egypt", name="Egypt", kind="state"),
        lm.Office(id="speaker", name="Speaker", institution="hor"),
        *[
            lm.LegitimacyClaim(
                id=f"{body}-claims",
                claimant=body,
                role="legislature",
                period=lm.Period("2014"),
                evidence=cite,
            )
            for body in ("gnc", "hor")
        ],
        lm.Recognition(
            id="egypt-refuses-gnc",
            recognizer="egypt",
            recognized="gnc",
            accepts=False,
            period=lm.Period("2014"),
            evidence=cite,
        ),
        lm.Mandate(
            id="hor-elected",
            holder="hor",
            kind="electoral",
            instrument="June 2014 election",
            period=lm.Period("2014-08"),
            evidence=cite,
        ),
        lm.Tenure(
            id="gnc-holds-speaker",
            holder="gnc",
            office="speaker",
            period=lm.Period("2014"),
            evidence=cite,
        ),
        lm.Ruling(
            id="ruling",
            court="court",
            subject="hor",
            date=lm.PartialDate.parse("2014-11-06"),
            decision="unconstitutional",
            responses=[lm.Response(actor="hor", position="rejects")],
            evidence=cite,
        ),
    ]


def test_the_links_say_what_the_facts_say():
    entities = {entity.id: entity for entity in lm.Dataset.from_records(_records()).to_ftm()}
    check([entity.to_dict() for entity in entities.values()])
    claims = [entities[entity_id(f"{body}-claims")] for body in ("gnc", "hor")]
    assert {claim.first("object") for claim in claims} == {"lmr-legislature"}
    assert entities["lmr-legislature"].schema.name == "Position"
    assert entities[entity_id("egypt")].schema.name == "PublicBody"
    refusal = entities[entity_id("egypt-refuses-gnc")]
    assert refusal.get("role") == ["refuses to recognize"]
    mandate = entities[entity_id("hor-elected")]
    assert mandate.schema.name == "Documentation"
    assert mandate.get("document") == [entity_id("report")]
    assert mandate.get("entity") == [entity_id("hor")]
    assert mandate.get("startDate") == ["2014-08"]
    held = entities[entity_id("gnc-holds-speaker")]
    assert held.schema.name == "UnknownLink"
    assert held.get("object") == [entity_id("speaker")]
    case = entities[entity_id("ruling")]
    assert case.schema.name == "CourtCase"
    parties = [e for e in entities.values() if e.schema.name == "CourtCaseParty"]
    assert sorted((e.first("party"), e.first("role")) for e in parties) == [
        (entity_id("court"), "court"),
        (entity_id("hor"), "rejects the ruling"),
        (entity_id("hor"), "subject"),
    ]
    assert {e.first("date") for e in parties} == {"2014-11-06"}
