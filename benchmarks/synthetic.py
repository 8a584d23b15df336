"""Seeded synthetic datasets: entities and N facts with realistic, partly known periods.

Every fact has a true first and last day; its period states them as a source
would, to a day, a month, a third of a month, a year, approximately, uncertainly
or as an open bound, so that the partial dates always contain the true days and
queries meet YES, MAYBE and NO answers. Some facts are ongoing (no end), some
end in an open bound (``D..``) and some are observations (``{on: D}``: definite
on that day only, possible on every other).

Two workloads share these periods. ``independent`` draws every fact's subject
(place, office, body) and period at random, so that a place has dozens of
overlapping control claims on any day: a stress test. ``succession`` gives
each subject a succession of claims across the timeline, one after another
with now and then an overlap (a contested handover) and sporadic observations,
as control of a town, an office or a body's claim passes over the years; it
has ten times as many places and offices (about N/100), so each has tens of
facts, and a body's claims cover its lifetime.
"""

from __future__ import annotations

import datetime
import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import libyamodel as lm

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "WORKLOADS",
    "Synthetic",
    "control_claim_rows",
    "generate",
    "period_of",
    "period_text",
    "random_day",
    "random_days",
]

FIRST_DAY = datetime.date(2011, 2, 15)
LAST_DAY = datetime.date(2025, 6, 30)
ROLES = ("legislature", "government", "central_bank", "national_army")
FACT_MIX = (("control", 0.6), ("tenure", 0.3), ("claim", 0.1))
"""Shares of ControlClaim, Tenure and LegitimacyClaim facts."""
OBSERVED = 0.08
ONGOING = 0.05
OPEN_END = 0.04
LONGEST_DAYS = 1500
"""Closed periods last from 1 day to this many, log-uniformly (median about 40 days)."""

Form = Callable[[datetime.date], str]


def _day(d: datetime.date) -> str:
    return d.isoformat()


def _month(d: datetime.date) -> str:
    return d.isoformat()[:7]


def _year(d: datetime.date) -> str:
    return str(d.year)


def _third(d: datetime.date) -> str:
    part = "early" if d.day <= 10 else "mid" if d.day <= 20 else "late"
    return f"{part} {_month(d)}"


def _approximate(d: datetime.date) -> str:
    return _day(d) + "~"


def _uncertain(d: datetime.date) -> str:
    return _month(d) + "?"


FORMS: tuple[tuple[Form, float], ...] = (
    (_day, 0.60),
    (_month, 0.20),
    (_year, 0.05),
    (_third, 0.07),
    (_approximate, 0.05),
    (_uncertain, 0.03),
)
"""How precisely a bound is stated, and how often; each form contains the true day."""
OBSERVATION_FORMS: tuple[tuple[Form, float], ...] = ((_day, 0.80), (_month, 0.15), (_year, 0.05))
"""An observation's day takes a plain date (no flag, no third)."""


@dataclass(frozen=True)
class Synthetic:
    """A generated dataset's records, and the ids queries can ask about."""

    records: list[lm.Record]
    places: tuple[str, ...]
    offices: tuple[str, ...]


def _stated(rng: random.Random, day: datetime.date, forms: Sequence[tuple[Form, float]]) -> str:
    form, _ = rng.choices(forms, [weight for _, weight in forms])[0]
    return form(day)


def period_text(rng: random.Random) -> dict[str, str]:
    """A random period as a data file writes it: ``{on: D}`` or ``{start: D, end?: D}``."""
    first = random_day(rng)
    if rng.random() < OBSERVED:
        return {"on": _stated(rng, first, OBSERVATION_FORMS)}
    period = {"start": _stated(rng, first, FORMS)}
    draw = rng.random()
    if draw < ONGOING:
        return period
    if draw < ONGOING + OPEN_END:
        period["end"] = _day(first + datetime.timedelta(rng.randrange(365))) + ".."
        return period
    length = round(LONGEST_DAYS ** rng.random()) - 1
    period["end"] = _stated(rng, first + datetime.timedelta(length), FORMS)
    return period


def period_of(text: dict[str, str]) -> lm.Period:
    """The model period of a period's data-file form."""
    if "on" in text:
        return lm.Period.observed(lm.PartialDate.parse(text["on"]))
    end = text.get("end")
    return lm.Period(
        lm.PartialDate.parse(text["start"]), None if end is None else lm.PartialDate.parse(end)
    )


def random_day(rng: random.Random) -> datetime.date:
    """A day drawn uniformly from the synthetic timeline."""
    return FIRST_DAY + datetime.timedelta(rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def random_days(rng: random.Random, count: int) -> list[datetime.date]:
    """``count`` distinct days drawn uniformly from the synthetic timeline."""
    offsets = rng.sample(range((LAST_DAY - FIRST_DAY).days + 1), count)
    return [FIRST_DAY + datetime.timedelta(offset) for offset in offsets]


def _ids(prefix: str, count: int) -> tuple[str, ...]:
    return tuple(f"{prefix}-{index}" for index in range(count))


def _entities(size: int, subjects: int) -> tuple[list[lm.Record], dict[str, tuple[str, ...]]]:
    count = max(10, size // 1000)
    ids = {
        "place": _ids("place", max(10, subjects)),
        "office": _ids("office", max(10, subjects)),
        "person": _ids("person", max(10, subjects)),
        "group": _ids("armed-group", count),
        "body": _ids("body", max(5, count // 2)),
        "source": _ids("source", 5),
    }
    records: list[lm.Record] = [
        *(lm.Place(id=i, name=f"Place {i}", kind=lm.PlaceKind.TOWN) for i in ids["place"]),
        *(lm.Office(id=i, name=f"Office {i}") for i in ids["office"]),
        *(lm.Actor(id=i, name=f"Person {i}", kind=lm.ActorKind.PERSON) for i in ids["person"]),
        *(lm.Actor(id=i, name=f"Group {i}", kind=lm.ActorKind.ARMED_GROUP) for i in ids["group"]),
        *(
            lm.Institution(id=i, name=f"Body {i}", kind=lm.InstitutionKind.OTHER)
            for i in ids["body"]
        ),
        *(
            lm.Source(id=i, title=f"Report {i}", published=lm.PartialDate.parse("2025-07"))
            for i in ids["source"]
        ),
    ]
    return records, ids


WORKLOADS: Final = ("succession", "independent")


def generate(size: int, seed: int = 2011, workload: str = "independent") -> Synthetic:
    """Entities (about size/1000 of each kind, or size/100 places, offices and people in a
    succession, and five sources) and ``size`` facts of the workload named."""
    if workload not in WORKLOADS:
        raise ValueError(f"workload must be one of {WORKLOADS}, got {workload!r}")
    succession = workload == "succession"
    rng = random.Random(seed * 1_000_003 + size + (7 if succession else 0))
    records, ids = _entities(size, size // 100 if succession else size // 1000)
    kinds = [kind for kind, _ in FACT_MIX]
    weights = [weight for _, weight in FACT_MIX]
    controllers = ids["group"] + ids["body"]
    subjects = {"control": ids["place"], "tenure": ids["office"], "claim": ids["body"]}
    drawn = [(kind, rng.choice(subjects[kind])) for kind in rng.choices(kinds, weights, k=size)]
    periods: dict[int, dict[str, str]] = {}
    if succession:
        by_subject: dict[tuple[str, str], list[int]] = {}
        for index, key in enumerate(drawn):
            by_subject.setdefault(key, []).append(index)
        for (kind, _), indexes in by_subject.items():
            stated = _succession(rng, len(indexes), lifetime=kind == "claim")
            periods.update(zip(indexes, stated, strict=True))
    roles = {body: rng.choice(ROLES) for body in ids["body"]}
    for index, (kind, subject) in enumerate(drawn):
        text = periods[index] if succession else period_text(rng)
        period = period_of(text)
        evidence = (
            lm.Evidence(source=rng.choice(ids["source"]), quote=f"synthetic statement {index}"),
        )
        fact: lm.Fact
        if kind == "control":
            fact = lm.ControlClaim(
                id=f"control-{index}",
                controller=rng.choice(controllers),
                place=subject,
                period=period,
                evidence=evidence,
            )
        elif kind == "tenure":
            fact = lm.Tenure(
                id=f"tenure-{index}",
                holder=rng.choice(ids["person"]),
                office=subject,
                period=period,
                evidence=evidence,
            )
        else:
            fact = lm.LegitimacyClaim(
                id=f"claim-{index}",
                claimant=subject,
                role=roles[subject] if succession else rng.choice(ROLES),
                period=period,
                evidence=evidence,
            )
        records.append(fact)
    return Synthetic(records, ids["place"], ids["office"])


CONTESTED = 0.15
"""In a succession, the share of handovers where the next claim starts before the last ends."""


def _succession(rng: random.Random, count: int, *, lifetime: bool) -> list[dict[str, str]]:
    """``count`` periods for one subject: claims one after another across the timeline (or,
    for a body, across a lifetime of one to fourteen years), some overlapping the next, and
    observations within them."""
    span = (LAST_DAY - FIRST_DAY).days
    first, last = 0, span
    if lifetime:
        length = min(span, round(365 * (span / 365) ** rng.random()))
        first = rng.randrange(span - length + 1)
        last = first + length
    observed = sum(rng.random() < OBSERVED for _ in range(count))
    stints = max(1, count - observed)
    cuts = sorted(rng.sample(range(first + 1, last + 1), min(stints - 1, last - first)))
    edges = [first, *cuts, last + 1]
    periods: list[dict[str, str]] = []
    for number, (begin, end) in enumerate(itertools.pairwise(edges)):
        begin_day = FIRST_DAY + datetime.timedelta(begin)
        if number > 0 and rng.random() < CONTESTED:
            begin_day -= datetime.timedelta(rng.randrange(1, 31))
            begin_day = max(begin_day, FIRST_DAY)
        end_day = FIRST_DAY + datetime.timedelta(end - 1)
        period = {"start": _stated(rng, begin_day, FORMS)}
        final = number == len(edges) - 2
        if final and not lifetime and rng.random() < 0.5:
            pass  # still in force
        elif final and not lifetime and rng.random() < 0.5:
            period["end"] = _day(end_day - datetime.timedelta(rng.randrange(365))) + ".."
        else:
            period["end"] = _stated(rng, max(end_day, begin_day), FORMS)
        periods.append(period)
    while len(periods) < count:
        day = FIRST_DAY + datetime.timedelta(rng.randrange(first, last + 1))
        periods.append({"on": _stated(rng, day, OBSERVATION_FORMS)})
    rng.shuffle(periods)
    return periods


def control_claim_rows(size: int, seed: int = 2011) -> list[dict[str, Any]]:
    """A data file's records: the entities they name, then ``size`` control claims."""
    rng = random.Random(seed * 1_000_003 + size + 1)
    count = max(10, size // 1000)
    places, groups = _ids("place", count), _ids("armed-group", count)
    rows: list[dict[str, Any]] = [
        {"type": "source", "id": "source-0", "title": "Report", "published": "2025-07"},
        *({"type": "place", "id": i, "name": f"Place {i}", "kind": "town"} for i in places),
        *({"type": "actor", "id": i, "name": f"Group {i}", "kind": "armed_group"} for i in groups),
    ]
    rows.extend(
        {
            "type": "control_claim",
            "id": f"control-{index}",
            "controller": rng.choice(groups),
            "place": rng.choice(places),
            "period": period_text(rng),
            "evidence": [{"source": "source-0", "quote": f"synthetic statement {index}"}],
        }
        for index in range(size)
    )
    return rows
