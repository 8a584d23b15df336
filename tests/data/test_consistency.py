"""The bundled facts agree with each other: one test per kind of defect a careful reader found.

Each test runs over the whole bundled dataset through the public API only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import attrs
import pendulum
import pytest

import libyamodel as lm

ROLES = frozenset(lm.Roles())


@pytest.fixture(scope="module")
def ds():
    return lm.load()


def _text(item: lm.Evidence) -> str:
    return (item.quote or item.paraphrase or "").lower()


def _refs(fact: lm.Fact) -> set[str]:
    """Every id a fact names: its reference fields, participants and attributions."""
    names: set[str] = set()
    for field in attrs.fields(type(fact)):
        if field.name in {"id", "note", "name", "evidence", "period", "date", "outcomes"}:
            continue
        value = getattr(fact, field.name)
        if isinstance(value, str):
            names.add(value)
        elif isinstance(value, tuple):
            for part in value:
                if isinstance(part, str):
                    names.add(part)
                elif isinstance(part, lm.Participant):
                    names.add(part.actor)
                else:
                    names.update(v for v in attrs.asdict(part).values() if isinstance(v, str))
    names.update(item.attributed_to for item in fact.evidence if item.attributed_to)
    return names


def _span(period: lm.Period) -> tuple[pendulum.Date, pendulum.Date]:
    return period.earliest, period.latest


def _definite_days(period: lm.Period) -> tuple[pendulum.Date, pendulum.Date] | None:
    """The first and last day the period certainly includes, if any."""
    first = period.start.latest
    last = period.end.earliest if period.end is not None else first
    return (first, last) if first <= last else None


def _consistent(fact_period: lm.Period, tenures: list[lm.Tenure]) -> bool:
    """Some tenure covers every day the fact is definite, or could overlap it if none."""
    days = _definite_days(fact_period)
    if days is not None:
        first, last = days
        for probe in {first, last}:
            if not any(t.period.truth(probe) is lm.Truth.YES for t in tenures):
                return False
        return True
    lo, hi = _span(fact_period)
    return any(max(lo, t.period.earliest) <= min(hi, t.period.latest) for t in tenures)


def _names_current(title: str, text: str) -> bool:
    """Whether ``text`` gives ``title`` as held at the time, not as a former post."""
    return any(
        not re.search(r"(former|ex-)\W*$", text[: match.start()])
        for match in re.finditer(re.escape(title), text)
    )


def _office_names(ds) -> dict[str, set[str]]:
    return {
        office.id: {office.name.lower(), *(alias.lower() for alias in office.aliases)}
        for office in ds.entities
        if isinstance(office, lm.Office)
    }


def _offices_named(role: str, offices: dict[str, set[str]]) -> set[str]:
    """The offices a role names, by their most specific title: "acting head of UNSMIL"
    names the acting head's office, not the office whose title "head of UNSMIL" it holds."""
    found = {(name, office) for office, names in offices.items() for name in names if name in role}
    return {
        office
        for name, office in found
        if not any(name != longer and name in longer for longer, _ in found)
    }


def test_a_person_named_in_an_office_role_holds_that_office_then(ds):
    """Class 1: a fact that shows a person acting in an office agrees with a tenure of it."""
    offices = _office_names(ds)
    persons = {
        e.id for e in ds.entities if isinstance(e, lm.Actor) and e.kind is lm.ActorKind.PERSON
    }
    tenures: dict[tuple[str, str], list[lm.Tenure]] = defaultdict(list)
    for fact in ds.facts:
        if isinstance(fact, lm.Tenure):
            tenures[fact.holder, fact.office].append(fact)
    held = defaultdict(set)
    for holder, office in tenures:
        held[holder].add(office)

    problems = []
    checked = 0
    for fact in ds.facts:
        if isinstance(fact, lm.Tenure):
            continue
        # A conference participant whose role names an office must hold it on the day.
        if isinstance(fact, lm.Conference):
            for part in fact.participants:
                if part.actor not in persons or not part.role:
                    continue
                for office in _offices_named(part.role.lower(), offices):
                    checked += 1
                    if not _consistent(fact.period, tenures[part.actor, office]):
                        problems.append(f"{fact.id}: {part.actor} as {office}")
        # Any other fact that names a person and quotes one of the titles they hold.
        text = " ".join(_text(item) for item in fact.evidence)
        for person in _refs(fact) & persons:
            for office in held[person]:
                if any(_names_current(name, text) for name in offices[office]):
                    checked += 1
                    if not _consistent(fact.period, tenures[person, office]):
                        problems.append(f"{fact.id}: {person} as {office}")
    assert not problems, "\n".join(problems)
    assert checked >= 15


def test_leon_was_the_envoy_on_every_day_the_data_shows_him_acting(ds):
    office = "un-special-representative-for-libya"
    for day in ("2014-11-07", "2014-11-09", "2014-11-11", "2014-11-13"):
        assert {t.holder for t in ds.holders(office, day)} == {"bernardino-leon"}, day


PLAN = re.compile(
    r"\b(can be made|will|would|plans?|planned|planning|expected|expects?"
    r"|intends?|intended|aims? to)\b"
)
DONE = re.compile(
    r"\b(said|says|say|told|announc\w*|wrote|indicated|agreed|decided|denied|ago|last year"
    r"|launched|presented|unveiled|adopted|signed|held)\b"
)


def _describes_a_plan(item: lm.Evidence) -> bool:
    text = _text(item)
    return bool(PLAN.search(text)) and not DONE.search(text)


def test_no_confirmed_event_rests_only_on_a_plan(ds):
    """Class 3: a plan, aim or expectation is not an event that happened."""
    aim = "so that a major declaration on Libya can be made around Sept 20"
    said = "said he is planning his own trip to Moscow"
    assert _describes_a_plan(lm.Evidence(source="x", quote=aim))
    assert not _describes_a_plan(lm.Evidence(source="x", quote=said))
    events = ds.events()
    assert len(events) > 50
    planned = [
        event.id
        for event in events
        if event.status is lm.Status.CONFIRMED
        and all(_describes_a_plan(item) for item in event.evidence)
    ]
    assert not planned


def test_no_confirmed_event_happens_after_every_source_that_affirms_it(ds):
    published = {s.id: s.published for s in ds.entities if isinstance(s, lm.Source)}
    late = [
        event.id
        for event in ds.events()
        if event.status is lm.Status.CONFIRMED
        and all(
            event.period.earliest > published[item.source].latest
            for item in event.evidence
            if item.stance is lm.Stance.AFFIRMS
        )
    ]
    assert not late


def test_the_planned_london_declaration_is_an_aim_not_an_event(ds):
    assert ds.get("planned-unga-declaration-on-libya-2017") is None
    (london,) = ds.conferences(place="lancaster-house")
    assert "declaration" in london.note


def test_every_recognition_targets_a_body_that_claims(ds):
    """Class 4: a recognition accepts or refuses a claim, so its target is a claimant."""
    claimants = {fact.claimant for fact in ds.facts if isinstance(fact, lm.LegitimacyClaim)}
    recognitions = ds.recognitions()
    assert len(recognitions) >= 10
    stray = [(r.id, r.recognized) for r in recognitions if r.recognized not in claimants]
    assert not stray


def test_every_claim_uses_a_role_word_of_the_vocabulary(ds):
    roles = {fact.id: fact.role for fact in ds.facts if isinstance(fact, lm.LegitimacyClaim)}
    assert not {key: role for key, role in roles.items() if role not in ROLES}


def _folded(name: str) -> str:
    """A name without case, accents or extra spaces: "León" and "leon" are one name."""
    bare = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in bare if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


BOTH_UNITY_GOVERNMENTS = {"government-of-national-accord", "government-of-national-unity"}
SHARED_NAMES = {
    "unity government": BOTH_UNITY_GOVERNMENTS,
    "gouvernement d'union nationale": BOTH_UNITY_GOVERNMENTS,
    "gouvernement d'unite nationale": BOTH_UNITY_GOVERNMENTS,
    "governo di unita nazionale": BOTH_UNITY_GOVERNMENTS,
}
"""Names the press gave to more than one body: the English, French and Italian press called
both the GNA (2016) and the GNU (2021) the "unity government", so these stay ambiguous."""


def test_no_two_entities_share_a_name_or_alias(ds):
    """Class 4: one entity per real body, and a name leads to one entity, but for the names
    the press really gave to two bodies, which resolve as ambiguous."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in ds.entities:
        if isinstance(entity, lm.Source):
            continue
        for name in (getattr(entity, "name", None), *getattr(entity, "aliases", ())):
            if name:
                owners[_folded(name)].add(entity.id)
    shared = {name: ids for name, ids in owners.items() if len(ids) > 1}
    assert shared == SHARED_NAMES
    for name, ids in shared.items():
        with pytest.raises(lm.AmbiguousName) as caught:
            ds.resolve(name)
        assert set(caught.value.candidates) == ids


def test_the_spellings_readers_meet_resolve(ds):
    for spelling, entity in {
        "Hafter": "khalifa-haftar",
        "Faiez Serraj": "fayez-al-sarraj",
        "Fayez Seraj": "fayez-al-sarraj",
        "Ansar Al-Sharia (Benghazi)": "ansar-al-sharia",
        "Moamer Kadhafi": "muammar-qaddafi",
        "Bourzou Daraghi": "borzou-daragahi",
        "Bassingbourne Camp": "bassingbourn-camp",
    }.items():
        assert ds.resolve(spelling).id == entity, spelling
