"""The closed vocabularies of the data format: kinds, stances, positions, statuses."""

from __future__ import annotations

import enum

__all__ = [
    "ActorKind",
    "ControlExtent",
    "EventKind",
    "InstitutionKind",
    "MandateKind",
    "PlaceKind",
    "Position",
    "SourceKind",
    "Stance",
    "Status",
    "SupportKind",
]


class ActorKind(enum.StrEnum):
    """What sort of actor an :class:`Actor` is."""

    PERSON = "person"
    ARMED_GROUP = "armed_group"
    PARTY = "party"
    STATE = "state"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    MEDIA = "media"
    COMPANY = "company"
    TRIBE = "tribe"
    OTHER = "other"


class InstitutionKind(enum.StrEnum):
    """The constitutional or legal role of an :class:`Institution`."""

    LEGISLATURE = "legislature"
    EXECUTIVE = "executive"
    COURT = "court"
    CENTRAL_BANK = "central_bank"
    OIL_COMPANY = "oil_company"
    MILITARY = "military"
    UN_MISSION = "un_mission"
    UN_BODY = "un_body"
    OTHER = "other"


class PlaceKind(enum.StrEnum):
    """What sort of place a :class:`Place` is."""

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    TOWN = "town"
    FACILITY = "facility"
    OIL_FIELD = "oil_field"
    PORT = "port"
    AIRPORT = "airport"
    BORDER_CROSSING = "border_crossing"


class MandateKind(enum.StrEnum):
    """How a :class:`Mandate` was granted."""

    ELECTORAL = "electoral"
    SECURITY_COUNCIL = "security_council"
    AGREEMENT = "agreement"
    VOTE = "vote"
    APPOINTMENT = "appointment"


class ControlExtent(enum.StrEnum):
    """How far a :class:`ControlClaim`'s controller holds the place."""

    FULL = "full"
    PARTIAL = "partial"
    CONTESTED = "contested"


class SupportKind(enum.StrEnum):
    """What a :class:`Support` gives."""

    MILITARY = "military"
    FINANCIAL = "financial"
    DIPLOMATIC = "diplomatic"
    TRAINING = "training"
    POLITICAL = "political"
    OTHER = "other"


class EventKind(enum.StrEnum):
    """What sort of occurrence an :class:`Event` is."""

    OFFENSIVE = "offensive"
    AIRSTRIKE = "airstrike"
    BOMBING = "bombing"
    EVACUATION = "evacuation"
    CLOSURE = "closure"
    STATEMENT = "statement"
    ELECTION = "election"
    AGREEMENT = "agreement"
    MEETING = "meeting"
    OTHER = "other"


class SourceKind(enum.StrEnum):
    """What kind of document a :class:`Source` is, so that users can weigh and filter them."""

    UN_DOCUMENT = "un_document"
    GOVERNMENT = "government"
    NEWS_AGENCY = "news_agency"
    PRESS = "press"
    ANALYSIS = "analysis"
    REFERENCE = "reference"


class Position(enum.StrEnum):
    """A party's response to a :class:`Ruling`."""

    ACCEPTS = "accepts"
    REJECTS = "rejects"
    IGNORES = "ignores"


class Stance(enum.StrEnum):
    """How a source states a fact: as its own, as hearsay, as rumour, or denying it."""

    AFFIRMS = "affirms"
    REPORTS = "reports"
    RUMOUR = "rumour"
    DENIES = "denies"


class Status(enum.StrEnum):
    """A fact's standing, derived from the stances of its evidence."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    DISPUTED = "disputed"
    DENIED = "denied"
