"""GeoJSON export: valid for the geojson package's validator, and the controllers' query."""

from __future__ import annotations

import datetime
import json
from typing import Any

import attrs
import geojson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel import strategies
from libyamodel.views.geojson import to_geojson

# Libya's extent, a little wider than its borders (about 9.3-25.2 E, 19.5-33.2 N).
LIBYA_LON = (9.0, 25.5)
LIBYA_LAT = (19.0, 34.0)


def check(collection: dict[str, Any], ds: lm.Dataset) -> None:
    """Valid GeoJSON as a map reader takes it, one Point feature per located place with
    its coordinates in GeoJSON's [lon, lat] order, and every place accounted for."""
    text = json.dumps(collection)
    read = geojson.loads(text)
    assert read.is_valid, read.errors()
    assert read["type"] == "FeatureCollection"
    places = {e.id: e for e in ds.entities if isinstance(e, lm.Place)}
    located = sorted(i for i, p in places.items() if p.lat is not None and p.lon is not None)
    features = read["features"]
    assert [feature["id"] for feature in features] == located
    for feature, written in zip(features, collection["features"], strict=True):
        place = places[feature["id"]]
        assert written["geometry"]["coordinates"] == [place.lon, place.lat]
        # the reader keeps six decimals (about 10 cm), as GeoJSON advises
        assert isinstance(feature["geometry"], geojson.Point)
        assert feature["geometry"]["coordinates"] == pytest.approx([place.lon, place.lat], abs=1e-6)
        assert feature["properties"]["id"] == place.id
        assert feature["properties"]["name"] == place.name
        assert feature["properties"]["kind"] == place.kind.value
    left_out = collection["libyamodel"]["places_without_coordinates"]
    assert sorted([*located, *left_out]) == sorted(places)


def controllers_of(ds: lm.Dataset, place: str, on: str, certainty: Any) -> list[dict[str, Any]]:
    """What the query API says of a place on a day, in the export's form."""
    out = []
    for claim in ds.controllers(place, on, certainty=certainty):
        controller = ds[claim.controller]
        assert isinstance(controller, lm.Actor | lm.Institution)
        out.append(
            {
                "id": claim.controller,
                "name": controller.name,
                "truth": claim.period.truth(on).name,
                "status": claim.status.value,
                "extent": None if claim.extent is None else claim.extent.value,
                "claim": claim.id,
            }
        )
    return out


@pytest.fixture(scope="module")
def bundled() -> lm.Dataset:
    return lm.load()


@pytest.mark.parametrize("certainty", ["definite", "possible"])
@pytest.mark.parametrize("on", ["2011-03-01", "2014-11-13", "2016-05-16", "2019-06-10"])
def test_the_bundled_map_is_valid_geojson_with_the_controllers_of_the_day(
    bundled: lm.Dataset, on: str, certainty: Any
):
    collection = bundled.to_geojson(on, certainty=certainty)
    check(collection, bundled)
    assert collection["libyamodel"]["on"] == on
    assert collection["libyamodel"]["certainty"] == certainty
    for feature in collection["features"]:
        place = feature["id"]
        assert feature["properties"]["controllers"] == controllers_of(bundled, place, on, certainty)


def within_libya(ds: lm.Dataset, place: lm.Place) -> bool:
    while place.within is not None:
        if place.within == "libya":
            return True
        parent = ds[place.within]
        assert isinstance(parent, lm.Place)
        place = parent
    return False


def test_bundled_libyan_places_lie_in_libya_as_lon_lat(bundled: lm.Dataset):
    features = bundled.to_geojson("2014-11-13")["features"]
    libyan = [f for f in features if within_libya(bundled, bundled[f["id"]])]
    assert {f["id"] for f in libyan} >= {"benghazi", "tripoli"}
    for feature in libyan:
        lon, lat = feature["geometry"]["coordinates"]
        assert LIBYA_LON[0] <= lon <= LIBYA_LON[1]
        assert LIBYA_LAT[0] <= lat <= LIBYA_LAT[1]


def test_who_held_benghazi_on_13_november_2014(bundled: lm.Dataset):
    features = {f["id"]: f for f in bundled.to_geojson("2014-11-13")["features"]}
    held = {c["id"] for c in features["benghazi"]["properties"]["controllers"]}
    assert "ansar-al-sharia" in held
    assert all(c["truth"] == "YES" for c in features["benghazi"]["properties"]["controllers"])


@pytest.fixture(scope="module")
def small() -> lm.Dataset:
    evidence = [lm.Evidence(source="report", quote="as the source says")]
    return lm.Dataset.from_records(
        [
            lm.Source(id="report", title="A report", published=lm.PartialDate.parse("2020")),
            lm.Place(id="sirte", name="Sirte", kind="city", lat=31.2, lon=16.59),
            lm.Place(id="derna", name="Derna", kind="city"),
            lm.Place(id="jufra", name="Jufra", kind="region", lat=29.1, lon=16.0),
            lm.Actor(id="isil", name="ISIL", kind="armed_group"),
            lm.Institution(id="gna", name="GNA", kind="executive"),
            lm.ControlClaim(
                id="isil-sirte",
                controller="isil",
                place="sirte",
                period=lm.Period(
                    lm.PartialDate.parse("2015-02"), lm.PartialDate.parse("2016-12-06")
                ),
                evidence=evidence,
            ),
            lm.ControlClaim(
                id="gna-sirte",
                controller="gna",
                place="sirte",
                extent="partial",
                period=lm.Period.observed("2016-08-10"),
                evidence=evidence,
            ),
        ]
    )


def test_definite_keeps_certain_controllers_and_possible_adds_the_maybes(small: lm.Dataset):
    definite = {f["id"]: f for f in to_geojson(small, "2016-08-10")["features"]}
    # in the query's order: by start, and an observation may have begun at any time
    assert [c["claim"] for c in definite["sirte"]["properties"]["controllers"]] == [
        "gna-sirte",
        "isil-sirte",
    ]
    possible = {
        f["id"]: f
        for f in to_geojson(small, datetime.date(2016, 8, 1), certainty="possible")["features"]
    }
    assert possible["sirte"]["properties"]["controllers"] == [
        {
            "id": "gna",
            "name": "GNA",
            "truth": "MAYBE",
            "status": "confirmed",
            "extent": "partial",
            "claim": "gna-sirte",
        },
        {
            "id": "isil",
            "name": "ISIL",
            "truth": "YES",
            "status": "confirmed",
            "extent": None,
            "claim": "isil-sirte",
        },
    ]
    assert definite["jufra"]["properties"]["controllers"] == []


def test_places_without_coordinates_are_left_out_and_listed(small: lm.Dataset):
    collection = to_geojson(small, "2016-08-10")
    check(collection, small)
    assert [f["id"] for f in collection["features"]] == ["jufra", "sirte"]
    assert collection["libyamodel"]["places_without_coordinates"] == ["derna"]


def test_a_bad_certainty_or_date_is_refused(small: lm.Dataset):
    with pytest.raises(ValueError, match="certainty"):
        to_geojson(small, "2016-08-10", certainty="likely")  # type: ignore[arg-type]
    with pytest.raises(lm.LibyaModelError, match="YYYY-MM-DD"):
        to_geojson(small, "2016-13-01")


def located(dataset: lm.Dataset, data: st.DataObject) -> lm.Dataset:
    """The dataset with coordinates drawn for some of its places (generated ones have none)."""
    degrees = st.floats(-90, 90, allow_subnormal=False)
    records = [
        attrs.evolve(record, lat=data.draw(degrees), lon=data.draw(degrees) * 2)
        if isinstance(record, lm.Place) and data.draw(st.booleans())
        else record
        for record in dataset
    ]
    return lm.Dataset.from_records(records)


@given(
    strategies.datasets(max_entities=20, max_facts=30, around=datetime.date(2016, 6, 1)),
    strategies.days(),
    st.sampled_from(["definite", "possible"]),
    st.data(),
)
def test_any_dataset_maps_to_valid_geojson_with_the_query_answers(
    dataset: lm.Dataset, day: Any, certainty: Any, data: st.DataObject
):
    dataset = located(dataset, data)
    on = data.draw(st.sampled_from([day.isoformat(), "2016-06-01"]))
    collection = to_geojson(dataset, on, certainty=certainty)
    check(collection, dataset)
    for feature in collection["features"]:
        assert feature["properties"]["controllers"] == controllers_of(
            dataset, feature["id"], on, certainty
        )
