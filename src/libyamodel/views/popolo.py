"""Popolo JSON export: the persons, organizations, posts and memberships a dataset holds.

Popolo (http://www.popoloproject.com/specs/) is the format civic-data tools use
for people and the offices they hold; this maps what fits into it. Claims,
recognition, control, support, events and evidence have no Popolo equivalent
and are left out (see docs/interop.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from libyamodel.model import Actor, ActorKind, Institution, NamedEntity, Office, Source, Tenure
from libyamodel.time import PartialDate

if TYPE_CHECKING:
    from libyamodel.store import Dataset

__all__ = ["WIKIDATA_SCHEME", "popolo_date", "to_popolo"]

WIKIDATA_SCHEME: Final = "wikidata"
"""The ``scheme`` of the Popolo identifier that holds an entity's Wikidata item id."""

_WIKIDATA_URL: Final = "https://www.wikidata.org/wiki/"


def popolo_date(date: PartialDate | None) -> str | None:
    """A partial date as Popolo's ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or ``None``.

    The result is the smallest calendar day, month or year holding every day the
    date may be (``2014-06`` stays ``2014-06``, ``early 2019-06`` becomes
    ``2019-06``, ``2014-06?`` becomes ``2014``); open bounds (``..D``, ``D..``)
    and dates that straddle a year have none and give ``None``.
    """
    if date is None or date.open is not None:
        return None
    first, last = date.earliest, date.latest
    if first == last:
        return f"{first.year:04d}-{first.month:02d}-{first.day:02d}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    if first.year == last.year:
        return f"{first.year:04d}"
    return None


def _names(entity: NamedEntity) -> dict[str, Any]:
    """``other_names`` from aliases and ``identifiers`` from the Wikidata item id."""
    out: dict[str, Any] = {}
    if entity.aliases:
        out["other_names"] = [{"name": alias} for alias in entity.aliases]
    if entity.wikidata is not None:
        out["identifiers"] = [{"scheme": WIKIDATA_SCHEME, "identifier": entity.wikidata}]
    return out


def _person(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, **_names(actor)}


def _organization(entity: Actor | Institution, organizations: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": entity.id,
        "name": entity.name,
        "classification": entity.kind.value,
    }
    if isinstance(entity, Institution) and entity.parent in organizations:
        out["parent_id"] = entity.parent
    return out | _names(entity)


def _post(office: Office) -> dict[str, Any]:
    out: dict[str, Any] = {"id": office.id, "label": office.name}
    if office.aliases:
        out["other_label"] = list(office.aliases)
    out["organization_id"] = office.institution
    if office.wikidata is not None:
        out["links"] = [{"url": _WIKIDATA_URL + office.wikidata, "note": "Wikidata"}]
    return out


def _sources(sources: Iterable[Source]) -> list[dict[str, str]]:
    """Popolo links (which need a URL) to the sources cited, each once, in citation order."""
    links: dict[str, dict[str, str]] = {}
    for source in sources:
        if source.url is not None and source.id not in links:
            links[source.id] = {"url": source.url, "note": source.title}
    return list(links.values())


def _membership(tenure: Tenure, ds: Dataset, persons: set[str], office: Office) -> dict[str, Any]:
    out: dict[str, Any] = {"id": tenure.id}
    if tenure.holder in persons:
        out["person_id"] = tenure.holder
    else:
        out["member"] = {"@type": "Organization", "id": tenure.holder}
    out["post_id"] = office.id
    out["organization_id"] = office.institution
    for key, date in (("start_date", tenure.period.start), ("end_date", tenure.period.end)):
        text = popolo_date(date)
        if text is not None:
            out[key] = text
    cited = (ds[item.source] for item in tenure.evidence)
    links = _sources(source for source in cited if isinstance(source, Source))
    if links:
        out["sources"] = links
    return out


def to_popolo(ds: Dataset) -> dict[str, list[dict[str, Any]]]:
    """The dataset as Popolo JSON: ``persons``, ``organizations``, ``posts``, ``memberships``.

    Persons are actors of kind person; organizations are other actors and all
    institutions, classified by kind; posts are offices that belong to one of
    those organizations (Popolo requires ``organization_id``), and memberships
    are the tenures of those posts. Dates keep the precision they are known to
    (see :func:`popolo_date`); a bound with none (an open or observed bound) is
    left out. Every list is sorted by id, so the output is deterministic.
    """
    entities = sorted(ds.entities, key=lambda entity: entity.id)
    people = [e for e in entities if isinstance(e, Actor) and e.kind is ActorKind.PERSON]
    bodies = [
        e
        for e in entities
        if isinstance(e, Institution) or (isinstance(e, Actor) and e.kind is not ActorKind.PERSON)
    ]
    persons = {person.id for person in people}
    organizations = {body.id for body in bodies}
    offices = {
        e.id: e for e in entities if isinstance(e, Office) and e.institution in organizations
    }
    tenures = sorted(
        (f for f in ds.facts if isinstance(f, Tenure) and f.office in offices),
        key=lambda tenure: tenure.id,
    )
    return {
        "persons": [_person(person) for person in people],
        "organizations": [_organization(body, organizations) for body in bodies],
        "posts": [_post(office) for office in offices.values()],
        "memberships": [
            _membership(tenure, ds, persons, offices[tenure.office]) for tenure in tenures
        ],
    }
