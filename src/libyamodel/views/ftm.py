"""FollowTheMoney export: the dataset as entities Aleph and the OpenSanctions tools read.

FollowTheMoney (https://followthemoney.tech) is the data model of investigative
and sanctions data. Needs the ``ftm`` extra (``pip install 'libyamodel[ftm]'``);
followthemoney is imported only when the export runs. The mapping from records
to FtM schemata is in docs/interop.md; what FtM cannot hold (partial dates,
three-valued truth, a fact's status) is written into descriptive properties.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

from libyamodel.errors import MissingExtra
from libyamodel.model import (
    Actor,
    ActorKind,
    Conference,
    ControlClaim,
    Entity,
    Event,
    Fact,
    Institution,
    LegitimacyClaim,
    Mandate,
    Membership,
    NamedEntity,
    Office,
    Place,
    Recognition,
    Ruling,
    Source,
    Support,
    Tenure,
)
from libyamodel.time import PartialDate, Period
from libyamodel.views._common import containing, name_of, summary

if TYPE_CHECKING:
    from followthemoney.model import Model
    from followthemoney.proxy import EntityProxy

    from libyamodel.store import Dataset

__all__ = [
    "PART_PREFIX",
    "PREFIX",
    "ROLE_PREFIX",
    "entity_id",
    "ftm_date",
    "part_id",
    "role_id",
    "to_ftm",
]

PREFIX: Final = "lm-"
"""What the FtM id of every record starts with: ``lm-`` and the record's id."""

PART_PREFIX: Final = "lmp-"
"""What the ids of the links the export adds to a record start with (``lmp-<id>-court``)."""

ROLE_PREFIX: Final = "lmr-"
"""What the ids of the Positions made for claimed roles start with (``lmr-legislature``)."""

_HASH_PREFIX: Final = "lmh-"
_FTM_ID: Final = re.compile(r"[0-9a-zA-Z]([0-9a-zA-Z\-]*[0-9a-zA-Z])?")
_FTM_ID_LENGTH: Final = 200
_ROLE: Final = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")

_SCHEMA_OF_ACTOR: Final = {
    ActorKind.PERSON: "Person",
    ActorKind.STATE: "PublicBody",
    ActorKind.COMPANY: "Company",
}
"""Actor kinds with a schema of their own; every other kind is an ``Organization``."""


def _ftm_id(text: str) -> str:
    """``text`` where FtM takes it as an id, else a digest of it.

    FtM refuses an id ending in a hyphen or over 200 characters, and reads a dot
    as the start of a dataset signature (its namespaces), so none is used.
    """
    if len(text) <= _FTM_ID_LENGTH and _FTM_ID.fullmatch(text):
        return text
    return _HASH_PREFIX + hashlib.sha1(text.encode()).hexdigest()


def entity_id(record_id: str) -> str:
    """The FtM id of the record ``record_id``: ``lm-`` and the id, which is readable."""
    return _ftm_id(PREFIX + record_id)


def part_id(record_id: str, part: str) -> str:
    """The FtM id of a link the export adds to a record: ``lmp-<id>-<part>``."""
    return _ftm_id(f"{PART_PREFIX}{record_id}-{part}")


def role_id(role: str) -> str:
    """The FtM id of the Position a claimed role becomes: ``lmr-`` and the role as a slug."""
    if _ROLE.fullmatch(role):
        return _ftm_id(ROLE_PREFIX + role.replace("_", "-"))
    return ROLE_PREFIX + hashlib.sha1(role.encode()).hexdigest()


def ftm_date(date: PartialDate | None) -> str | None:
    """The most precise FtM date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) certainly true of
    ``date``, or ``None`` where no year is certain.

    It is the day, month or year holding every day the date may be: ``2014-06``
    stays, ``early 2019-06`` becomes ``2019-06``, ``2014-06?`` becomes ``2014``;
    an open bound (``..D``, ``D..``) or a date straddling a new year gives ``None``.
    FtM's own cleaner would keep ``2014-06`` of ``2014-06?``, which is not certain.
    """
    if date is None:
        return None
    return containing(date.earliest, date.latest)


def _model() -> Model:
    try:
        from followthemoney import model
    except ImportError as error:
        raise MissingExtra("the FollowTheMoney export", "ftm", "followthemoney") from error
    return model


def _text(label: str, value: object) -> str:
    return f"{label}: {value}"


class _Export:
    """One run of the export: the dataset, FtM's model, and the claimed roles already made."""

    def __init__(self, ds: Dataset, model: Model) -> None:
        self.ds = ds
        self.model = model
        self.roles: set[str] = set()
        self.schemata: dict[str, str] = {}
        for entity in ds.entities:
            self.schemata[entity.id] = self._schema_of(entity)

    @staticmethod
    def _schema_of(entity: Entity) -> str:
        if isinstance(entity, Actor):
            return _SCHEMA_OF_ACTOR.get(entity.kind, "Organization")
        if isinstance(entity, Institution):
            return "PublicBody"
        if isinstance(entity, Place):
            return "Address"
        if isinstance(entity, Office):
            return "Position"
        return "Article"

    def is_organization(self, key: str) -> bool:
        """Whether the entity ``key`` is exported as an Organization or a descendant of it."""
        return self.schemata.get(key) in {"Organization", "PublicBody", "Company"}

    def make(self, schema: str, ftm_id: str) -> EntityProxy:
        proxy = self.model.make_entity(schema)
        proxy.id = ftm_id
        return proxy

    def name(self, key: str) -> str:
        return name_of(key, self.ds)

    # Entities

    def entity(self, entity: Entity) -> Iterator[EntityProxy]:
        proxy = self.make(self.schemata[entity.id], entity_id(entity.id))
        if isinstance(entity, Source):
            self._source(proxy, entity)
            yield proxy
            return
        assert isinstance(entity, NamedEntity)
        proxy.add("name", entity.name)
        if not proxy.has("name"):
            # FtM drops control and formatting characters; a name of nothing else is lost.
            proxy.add("name", entity.id)
            proxy.add("description", f"name {entity.name!r} has no character FtM keeps")
        proxy.add("alias", list(entity.aliases))
        proxy.add("wikidataId", entity.wikidata)
        proxy.add("notes", entity.note)
        if isinstance(entity, Institution) or (
            isinstance(entity, Actor) and entity.kind is not ActorKind.PERSON
        ):
            proxy.add("classification", entity.kind.value)
        links: list[EntityProxy] = []
        if isinstance(entity, Institution):
            if entity.seat is not None:
                proxy.add("addressEntity", entity_id(entity.seat))
            if entity.parent is not None:
                links.append(self._part_of(entity))
        if isinstance(entity, Place):
            self._place(proxy, entity)
        if isinstance(entity, Office) and entity.institution is not None:
            if self.is_organization(entity.institution):
                proxy.add("organization", entity_id(entity.institution))
            else:
                link = self.make("UnknownLink", part_id(entity.id, "institution"))
                link.add("subject", proxy.id)
                link.add("object", entity_id(entity.institution))
                link.add("role", "office of")
                links.append(link)
        yield proxy
        yield from links

    def _part_of(self, entity: Institution) -> EntityProxy:
        assert entity.parent is not None
        parent = entity_id(entity.parent)
        if self.is_organization(entity.parent):
            link = self.make("Membership", part_id(entity.id, "parent"))
            link.add("member", entity_id(entity.id))
            link.add("organization", parent)
        else:
            link = self.make("UnknownLink", part_id(entity.id, "parent"))
            link.add("subject", entity_id(entity.id))
            link.add("object", parent)
        link.add("role", "part of")
        return link

    def _place(self, proxy: EntityProxy, place: Place) -> None:
        chain, seen = [place.name], {place.id}
        within = place.within
        while within is not None and within not in seen:
            seen.add(within)
            outer = self.ds.get(within)
            if not isinstance(outer, Place):
                break
            chain.append(outer.name)
            within = outer.within
        proxy.add("full", ", ".join(chain))
        proxy.add("summary", place.kind.value)
        proxy.add("latitude", place.lat)
        proxy.add("longitude", place.lon)

    def _source(self, proxy: EntityProxy, source: Source) -> None:
        proxy.add("title", source.title)
        proxy.add("author", source.author)
        proxy.add("publisher", source.publisher)
        proxy.add("sourceUrl", source.url)
        proxy.add("publishedAt", ftm_date(source.published))
        proxy.add("description", _text("published", source.published))
        if source.kind is not None:
            proxy.add("summary", _text("source kind", source.kind.value))
        proxy.add("notes", source.note)

    # Facts

    def fact(self, fact: Fact) -> Iterator[EntityProxy]:
        if isinstance(fact, LegitimacyClaim):
            yield from self._claim(fact)
        elif isinstance(fact, Recognition):
            role = "recognizes" if fact.accepts else "refuses to recognize"
            yield self._link(fact, entity_id(fact.recognizer), entity_id(fact.recognized), role)
        elif isinstance(fact, Mandate):
            yield self._mandate(fact)
        elif isinstance(fact, Tenure):
            yield from self._tenure(fact)
        elif isinstance(fact, ControlClaim):
            role = "controls" if fact.extent is None else f"controls ({fact.extent.value})"
            yield self._link(fact, entity_id(fact.controller), entity_id(fact.place), role)
        elif isinstance(fact, Support):
            role = f"{fact.kind.value} support"
            yield self._link(fact, entity_id(fact.supporter), entity_id(fact.supported), role)
        elif isinstance(fact, Membership):
            yield self._membership(fact)
        elif isinstance(fact, Conference | Event):
            yield self._event(fact)
        elif isinstance(fact, Ruling):
            yield from self._ruling(fact)
        else:  # pragma: no cover - every fact type is handled above
            raise TypeError(f"no FollowTheMoney form for {type(fact).__name__}")

    def _cite(self, proxy: EntityProxy, fact: Fact, *, dated: bool = True) -> None:
        """Dates, status, evidence and note: what every fact's entity carries."""
        period = fact.period
        if dated:
            proxy.add("startDate", ftm_date(period.start))
            proxy.add("endDate", ftm_date(period.end))
            # An observation has no certain start or end, but its day is certain.
            proxy.add("date", ftm_date(period.observation))
        lines = [_text("period", _period_text(period)), _text("status", fact.status.value)]
        for item in fact.evidence:
            source = self.ds.get(item.source)
            proxy.add("proof", entity_id(item.source))
            if isinstance(source, Source):
                proxy.add("sourceUrl", source.url)
                proxy.add("publisher", source.publisher)
            where = self.name(item.source)
            if item.locator is not None:
                where += f", {item.locator}"
            said = f"{item.stance.value} ({where})"
            if item.attributed_to is not None:
                said += f", attributed to {self.name(item.attributed_to)}"
            kind = "quote" if item.quote is not None else "paraphrase"
            lines.append(f"{said}: {kind}: {item.text}")
        proxy.add("summary", summary(fact, self.ds))
        proxy.add("description", "\n".join(lines))
        if fact.note is not None:
            if proxy.schema.get("notes") is not None:
                proxy.add("notes", fact.note)
            else:
                proxy.add("description", _text("note", fact.note))
        if proxy.schema.get("status") is not None and proxy.schema.is_a("Interest"):
            proxy.add("status", fact.status.value)

    def _link(
        self, fact: Fact, subject: str, target: str, role: str, ftm_id: str | None = None
    ) -> EntityProxy:
        """An UnknownLink between two FtM ids, standing for ``fact`` (or a part of it)."""
        link = self.make("UnknownLink", entity_id(fact.id) if ftm_id is None else ftm_id)
        link.add("subject", subject)
        link.add("object", target)
        link.add("role", role)
        self._cite(link, fact)
        return link

    def _claim(self, claim: LegitimacyClaim) -> Iterator[EntityProxy]:
        key = role_id(claim.role)
        label = claim.role.replace("_", " ")
        if key not in self.roles:
            self.roles.add(key)
            position = self.make("Position", key)
            position.add("name", label)
            if not position.has("name"):
                position.add("name", key)
            position.add("summary", "a role bodies claim to hold legitimately")
            yield position
        role = f"claims to be the legitimate {label}"
        link = self._link(claim, entity_id(claim.claimant), key, role)
        if claim.basis is not None:
            link.add("description", _text("basis", claim.basis))
        yield link

    def _mandate(self, mandate: Mandate) -> EntityProxy:
        label = f"mandate ({mandate.kind.value})"
        if mandate.instrument is not None:
            label += f": {mandate.instrument}"
        if mandate.granted_by is not None:
            granter, holder = entity_id(mandate.granted_by), entity_id(mandate.holder)
            link = self._link(mandate, granter, holder, f"grants {label}")
        else:
            # No granting party to link to: the first source documents the holder's mandate.
            link = self.make("Documentation", entity_id(mandate.id))
            link.add("document", entity_id(mandate.evidence[0].source))
            link.add("entity", entity_id(mandate.holder))
            link.add("role", label)
            self._cite(link, mandate)
        if mandate.extends is not None:
            link.add("description", _text("extends", entity_id(mandate.extends)))
        return link

    def _tenure(self, tenure: Tenure) -> Iterator[EntityProxy]:
        office = self.name(tenure.office)
        if self.schemata.get(tenure.holder) == "Person":
            occupancy = self.make("Occupancy", entity_id(tenure.id))
            occupancy.add("holder", entity_id(tenure.holder))
            occupancy.add("post", entity_id(tenure.office))
            self._cite(occupancy, tenure)
            yield occupancy
        else:
            holder, office_id = entity_id(tenure.holder), entity_id(tenure.office)
            yield self._link(tenure, holder, office_id, "holds office")
        if tenure.appointed_by is not None:
            role = f"appointed to {office}"
            key = part_id(tenure.id, "appointed-by")
            appointer, holder = entity_id(tenure.appointed_by), entity_id(tenure.holder)
            yield self._link(tenure, appointer, holder, role, key)

    def _membership(self, membership: Membership) -> EntityProxy:
        if not self.is_organization(membership.organization):
            role = membership.role or "member"
            member, body = entity_id(membership.member), entity_id(membership.organization)
            return self._link(membership, member, body, role)
        link = self.make("Membership", entity_id(membership.id))
        link.add("member", entity_id(membership.member))
        link.add("organization", entity_id(membership.organization))
        link.add("role", membership.role)
        self._cite(link, membership)
        return link

    def _event(self, fact: Conference | Event) -> EntityProxy:
        event = self.make("Event", entity_id(fact.id))
        event.add("name", fact.name)
        if not event.has("name"):
            event.add("name", fact.id)
            event.add("description", f"name {fact.name!r} has no character FtM keeps")
        if isinstance(fact, Conference):
            places: tuple[str, ...] = () if fact.place is None else (fact.place,)
            event.add("organizer", None if fact.host is None else entity_id(fact.host))
            involved = (*fact.chairs, *(p.actor for p in fact.participants))
            event.add("keywords", "conference")
        else:
            places, involved = fact.places, fact.actors
            event.add("keywords", fact.kind.value)
        event.add("involved", [entity_id(actor) for actor in involved])
        event.add("addressEntity", [entity_id(place) for place in places])
        event.add("location", [self.name(place) for place in places])
        self._cite(event, fact)
        if isinstance(fact, Conference):
            roles = [
                f"{self.name(p.actor)}: {p.role}" for p in fact.participants if p.role is not None
            ]
            if fact.chairs:
                roles.insert(0, "chairs: " + ", ".join(self.name(c) for c in fact.chairs))
            event.add("description", "\n".join(roles) or None)
            event.add("description", [_text("outcome", text) for text in fact.outcomes])
        return event

    def _ruling(self, ruling: Ruling) -> Iterator[EntityProxy]:
        case = self.make("CourtCase", entity_id(ruling.id))
        case.add("name", f"{self.name(ruling.court)}: ruling on {self.name(ruling.subject)}")
        case.add("court", self.name(ruling.court))
        case.add("type", "ruling")
        self._cite(case, ruling, dated=False)
        case.add("description", _text("decision", ruling.decision))
        yield case
        parties = [("court", ruling.court, "court"), ("subject", ruling.subject, "subject")]
        parties += [
            (f"response-{index}", response.actor, f"{response.position.value} the ruling")
            for index, response in enumerate(ruling.responses)
        ]
        for part, party, role in parties:
            link = self.make("CourtCaseParty", part_id(ruling.id, part))
            link.add("case", case.id)
            link.add("party", entity_id(party))
            link.add("role", role)
            link.add("date", ftm_date(ruling.date))
            link.add("description", _text("date", ruling.date))
            link.add("proof", [entity_id(item.source) for item in ruling.evidence])
            yield link


def _period_text(period: Period) -> str:
    """The period as the library writes it; an observation with its two open bounds."""
    if period.observation is not None:
        return f"{period} (start {period.start}, end {period.end})"
    return str(period)


def to_ftm(ds: Dataset) -> Iterator[EntityProxy]:
    """The dataset as FollowTheMoney entities, entities first, then facts, in dataset order.

    Every record becomes one FtM entity with the id :func:`entity_id` gives it
    (docs/interop.md has the table); some facts add links (an appointment, a
    ruling's parties) and each claimed role becomes one Position. Dates are the
    most precise FtM can hold that are certainly true (:func:`ftm_date`); the
    full partial-date text, the status and the evidence are in ``description``.
    Raises :class:`~libyamodel.errors.MissingExtra` without followthemoney.
    """
    export = _Export(ds, _model())
    return _chain(export, ds.entities, ds.facts)


def _chain(
    export: _Export, entities: Iterable[Entity], facts: Iterable[Fact]
) -> Iterator[EntityProxy]:
    for entity in entities:
        yield from export.entity(entity)
    for fact in facts:
        yield from export.fact(fact)
