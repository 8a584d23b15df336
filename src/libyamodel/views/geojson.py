"""GeoJSON export: the places a dataset locates, and who held each on a day, for maps.

GeoJSON (RFC 7946) is what web maps, QGIS and geopandas read. Each place with
coordinates becomes a Point feature whose properties list the control claims in
force on the day; places with no coordinates cannot be drawn and are listed by
id in the collection's ``libyamodel`` member (a foreign member, which RFC 7946
allows and readers ignore).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, get_args

from libyamodel.model import Place
from libyamodel.store import Certainty
from libyamodel.time import DateLike, to_date
from libyamodel.views._common import name_of

if TYPE_CHECKING:
    from libyamodel.store import Dataset

__all__ = ["EXTENSION", "to_geojson"]

EXTENSION: Final = "libyamodel"
"""The FeatureCollection's foreign member saying which day, which certainty, and which
places were left out for want of coordinates."""


def _controllers(ds: Dataset, place: Place, on: DateLike, certainty: Certainty) -> list[Any]:
    """The control claims in force on the day, as the query gives them, with their truth."""
    return [
        {
            "id": claim.controller,
            "name": name_of(claim.controller, ds),
            "truth": claim.period.truth(on).name,
            "status": claim.status.value,
            "extent": None if claim.extent is None else claim.extent.value,
            "claim": claim.id,
        }
        for claim in ds.controllers(place.id, on, certainty=certainty)
    ]


def to_geojson(ds: Dataset, on: DateLike, *, certainty: Certainty = "definite") -> dict[str, Any]:
    """The places with coordinates as a GeoJSON FeatureCollection, each with who held it on ``on``.

    Every feature is a Point (``[lon, lat]``, as GeoJSON orders them) with the
    place's ``id``, ``name`` and ``kind``, and ``controllers``: the control
    claims :meth:`~libyamodel.Dataset.controllers` gives for the place on the
    day at the ``certainty`` asked (``"definite"``, the default, keeps those
    certainly in force, ``"possible"`` adds those that may be), each as the
    controller's ``id`` and ``name``, the claim's ``truth`` on the day
    (``YES``/``MAYBE``), ``status``, ``extent`` and ``claim`` id. An empty list
    means the data holds no such claim, not that no one held the place. Features
    are sorted by place id.
    """
    if certainty not in get_args(Certainty):
        raise ValueError(f"certainty must be 'definite' or 'possible', got {certainty!r}")
    day = to_date(on)
    places = sorted((e for e in ds.entities if isinstance(e, Place)), key=lambda place: place.id)
    features = [
        {
            "type": "Feature",
            "id": place.id,
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": {
                "id": place.id,
                "name": place.name,
                "kind": place.kind.value,
                "controllers": _controllers(ds, place, day, certainty),
            },
        }
        for place in places
        if place.lat is not None and place.lon is not None
    ]
    return {
        "type": "FeatureCollection",
        "features": features,
        EXTENSION: {
            "on": day.isoformat(),
            "certainty": certainty,
            "places_without_coordinates": [
                place.id for place in places if place.lat is None or place.lon is None
            ],
        },
    }
