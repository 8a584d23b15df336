"""Popolo JSON export: the persons, organizations, posts and memberships a dataset holds.

Popolo (http://www.popoloproject.com/specs/) is the format civic-data tools use
for people and the offices they hold; this maps what fits into it. Claims,
recognition, control, support, events and evidence have no Popolo equivalent
and are left out (see docs/interop.md). What Popolo's own fields cannot hold
of what is exported (partial and open dates, sources with no URL) is kept in
fields named ``libyamodel_*``, which Popolo's schemas allow (they set no
``additionalProperties: false``) and its readers ignore.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from libyamodel.model import (
    Actor,
    ActorKind,
    Fact,
    Institution,
    NamedEntity,
    Office,
    Source,
    Tenure,
)
from libyamodel.time import PartialDate, Period
from libyamodel.views._common import containing

if TYPE_CHECKING:
    from libyamodel.store import Dataset

__all__ = [
    "EXTENSION",
    "PERIOD_FIELD",
    "UNLINKED_FIELD",
    "WIKIDATA_SCHEME",
    "popolo_date",
    "popolo_dates",
    "to_popolo",
]

WIKIDATA_SCHEME: Final = "wikidata"
"""The ``scheme`` of the Popolo identifier that holds an entity's Wikidata item id."""

PERIOD_FIELD: Final = "libyamodel_period"
"""The membership field holding the tenure's period as libyamodel writes it:
``{"start": text, "end": text or null}``, every partial date in its full text form."""

UNLINKED_FIELD: Final = "libyamodel_unlinked_sources"
"""The field listing the cited sources that have no URL (a Popolo link needs one),
as ``{"id": ..., "title": ...}``."""

EXTENSION: Final = "libyamodel"
"""The top-level key of what the export leaves out of Popolo's lists, and why."""

_WIKIDATA_URL: Final = "https://www.wikidata.org/wiki/"


def popolo_date(date: PartialDate | None) -> str | None:
    """A partial date as Popolo's ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or ``None``.

    The result is the smallest calendar day, month or year holding every day the
    date may be (``2014-06`` stays ``2014-06``, ``early 2019-06`` becomes
    ``2019-06``, ``2014-06?`` becomes ``2014``), so that it is certainly true;
    open bounds (``..D``, ``D..``) and dates that straddle a year have none and
    give ``None``.
    """
    if date is None:
        return None
    return containing(date.earliest, date.latest)


def popolo_dates(period: Period) -> tuple[str | None, str | None]:
    """A period's Popolo ``start_date`` and ``end_date``: each the smallest day, month or
    year certainly holding the day it began (ended), or ``None`` where none does.

    A bound is read within its period: ``2014-06-12.. to 2014-10..`` began on some day
    from 12 June to 31 October 2014, so its ``start_date`` is ``2014`` although
    ``2014-06-12..`` alone has none. A period not ended has no ``end_date``.
    """
    start = containing(period.start.earliest, period.certain_from)
    if period.end is None:
        return start, None
    return start, containing(period.certain_until, period.end.latest)


def _period_text(period: Period) -> dict[str, str | None]:
    """The period in full, each bound in its text form (``end`` null if it has not ended)."""
    return {"start": str(period.start), "end": None if period.end is None else str(period.end)}


def _names(entity: NamedEntity) -> dict[str, Any]:
    """``other_names`` from aliases and ``identifiers`` from the Wikidata item id."""
    out: dict[str, Any] = {}
    if entity.aliases:
        out["other_names"] = [{"name": alias} for alias in entity.aliases]
    if entity.wikidata is not None:
        out["identifiers"] = [{"scheme": WIKIDATA_SCHEME, "identifier": entity.wikidata}]
    return out


def _sources(ds: Dataset, facts: Iterable[Fact]) -> dict[str, Any]:
    """Popolo ``sources`` (links, which need a URL) to the sources the facts cite, each URL
    once in citation order; sources with no URL go to :data:`UNLINKED_FIELD`."""
    links: dict[str, dict[str, str]] = {}
    unlinked: dict[str, dict[str, str]] = {}
    for fact in facts:
        for item in fact.evidence:
            source = ds.get(item.source)
            if not isinstance(source, Source):
                continue
            if source.url is None:
                unlinked.setdefault(source.id, {"id": source.id, "title": source.title})
            else:
                links.setdefault(source.url, {"url": source.url, "note": source.title})
    out: dict[str, Any] = {}
    if links:
        out["sources"] = list(links.values())
    if unlinked:
        out[UNLINKED_FIELD] = list(unlinked.values())
    return out


def _person(actor: Actor, ds: Dataset) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, **_names(actor), **_sources(ds, ds.timeline(actor))}


def _organization(
    entity: Actor | Institution,
    organizations: set[str],
    ds: Dataset,
    posts_held: Iterable[Tenure],
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": entity.id,
        "name": entity.name,
        "classification": entity.kind.value,
    }
    if isinstance(entity, Institution) and entity.parent in organizations:
        out["parent_id"] = entity.parent
    return out | _names(entity) | _sources(ds, [*ds.timeline(entity), *posts_held])


def _post(office: Office) -> dict[str, Any]:
    out: dict[str, Any] = {"id": office.id, "label": office.name}
    if office.aliases:
        out["other_label"] = list(office.aliases)
    out["organization_id"] = office.institution
    if office.wikidata is not None:
        out["links"] = [{"url": _WIKIDATA_URL + office.wikidata, "note": "Wikidata"}]
    return out


def _membership(tenure: Tenure, ds: Dataset, persons: set[str], office: Office) -> dict[str, Any]:
    out: dict[str, Any] = {"id": tenure.id}
    if tenure.holder in persons:
        out["person_id"] = tenure.holder
    else:
        out["member"] = {"@type": "Organization", "id": tenure.holder}
    out["post_id"] = office.id
    out["organization_id"] = office.institution
    for key, text in zip(("start_date", "end_date"), popolo_dates(tenure.period), strict=True):
        if text is not None:
            out[key] = text
    out[PERIOD_FIELD] = _period_text(tenure.period)
    return out | _sources(ds, [tenure])


def to_popolo(ds: Dataset) -> dict[str, Any]:
    """The dataset as Popolo JSON: ``persons``, ``organizations``, ``posts``, ``memberships``,
    and under :data:`EXTENSION` what Popolo's readers could not take.

    Persons are actors of kind person; organizations are other actors and all
    institutions, classified by kind; posts are offices that belong to one of
    those organizations (Popolo requires ``organization_id``), and memberships
    are the tenures of those posts held by persons. Dates are the most precise
    that are certainly true (see :func:`popolo_dates`), and each membership keeps
    its full period in :data:`PERIOD_FIELD`. Persons, organizations and
    memberships carry the sources they rest on (for an entity, those of every
    fact naming it and, for an organization, of the tenures of its posts). A
    post held by an organization is valid Popolo (a ``member`` object) but
    breaks readers that expect a ``person_id``, so such memberships are under
    ``libyamodel.organization_memberships``; tenures of offices with no
    institution are listed by id under ``libyamodel.tenures_without_a_post``.
    Every list is sorted by id, so the output is deterministic.
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
    tenures = sorted((f for f in ds.facts if isinstance(f, Tenure)), key=lambda tenure: tenure.id)
    memberships = []
    posts_held: dict[str | None, list[Tenure]] = {}
    for tenure in tenures:
        if tenure.office in offices:
            office = offices[tenure.office]
            memberships.append(_membership(tenure, ds, persons, office))
            posts_held.setdefault(office.institution, []).append(tenure)
    return {
        "persons": [_person(person, ds) for person in people],
        "organizations": [
            _organization(body, organizations, ds, posts_held.get(body.id, ())) for body in bodies
        ],
        "posts": [_post(office) for office in offices.values()],
        "memberships": [m for m in memberships if "person_id" in m],
        EXTENSION: {
            "organization_memberships": [m for m in memberships if "person_id" not in m],
            "tenures_without_a_post": [t.id for t in tenures if t.office not in offices],
        },
    }
