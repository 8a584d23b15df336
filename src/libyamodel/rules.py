"""Legitimacy rules: the doctrines analysts argue with, as plain functions.

A rule takes a :class:`~libyamodel.legitimacy.LegitimacyProfile` and returns a
:class:`~libyamodel.legitimacy.Verdict`: a :class:`~libyamodel.Truth` with the
facts and reasons behind it. Rules never read the clock or the network, so the
same profile always gives the same verdict. Combine them with :func:`all_of`,
:func:`any_of`, :func:`at_least` and :func:`negation` (Kleene's logic); a
combined verdict gives each rule's truth with that rule's own reasons indented
beneath it, so a failing test says why.

Evidence caps truth: a fact that is confirmed counts with its truth on the
date; one only reported, rumoured or disputed counts as ``MAYBE`` at most; a
denied fact counts as ``NO``.

**Monotonicity.** Removing evidence (as :meth:`Dataset.as_known_on` does) can
only drop facts, weaken statuses or, by dropping a denial, turn a disputed
fact into a confirmed or reported one. So for the positive doctrines
(:func:`electoral_mandate`, :func:`international_recognition`,
:func:`effective_control`) a verdict of ``NO`` never becomes ``YES`` or
``MAYBE`` when evidence is removed. :func:`judicial_validity` holds unless a
ruling says otherwise, so it is the reverse: a ``YES`` never becomes ``NO``
or ``MAYBE`` when evidence is removed. :func:`negation` swaps the two, and
:func:`all_of`, :func:`any_of` and :func:`at_least` keep the property their
rules share.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final, TypeVar

from libyamodel.legitimacy import Assessed, LegitimacyProfile, Rule, Verdict
from libyamodel.model import Fact, MandateKind, Ruling, Status
from libyamodel.time import Truth

__all__ = [
    "adverse_by_wording",
    "all_of",
    "any_of",
    "at_least",
    "credible",
    "effective_control",
    "electoral_mandate",
    "international_recognition",
    "judicial_validity",
    "negation",
]

F = TypeVar("F", bound=Fact)

_CAP: Final = {
    Status.CONFIRMED: Truth.YES,
    Status.REPORTED: Truth.MAYBE,
    Status.DISPUTED: Truth.MAYBE,
    Status.DENIED: Truth.NO,
}


def credible(item: Assessed[Fact]) -> Truth:
    """A fact's truth on the date, capped by how well its evidence supports it."""
    return item.truth & _CAP[item.status]


def _count(
    items: Iterable[Assessed[Fact]], minimum: int, what: str, plural: str | None = None
) -> Verdict:
    """YES if at least ``minimum`` items are credibly YES, NO if fewer could be, else MAYBE."""
    listed = tuple(items)
    truths = [credible(item) for item in listed]
    definite = sum(truth is Truth.YES for truth in truths)
    possible = sum(truth is not Truth.NO for truth in truths)
    if definite >= minimum:
        truth = Truth.YES
    elif possible < minimum:
        truth = Truth.NO
    else:
        truth = Truth.MAYBE
    reasons = tuple(
        f"{what} {item.fact.id}: {credible(item).name} ({item.status.value})" for item in listed
    )
    facts = tuple(item.fact for item, t in zip(listed, truths, strict=True) if t is not Truth.NO)
    summary = f"{definite} certain and {possible} possible {plural or what + 's'}; {minimum} needed"
    return Verdict(truth, facts, (*reasons, summary))


def electoral_mandate(profile: LegitimacyProfile) -> Verdict:
    """Legitimate if it holds an electoral mandate on the date."""
    electoral = (m for m in profile.mandates if m.fact.kind is MandateKind.ELECTORAL)
    return _count(electoral, 1, "electoral mandate")


def _distinct(items: Iterable[Assessed[F]], key: Callable[[F], str]) -> list[Assessed[F]]:
    """The most credible item for each key (each recognizer, each place)."""
    best: dict[str, Assessed[F]] = {}
    for item in items:
        earlier = best.get(key(item.fact))
        if earlier is None or credible(item).value > credible(earlier).value:
            best[key(item.fact)] = item
    return list(best.values())


def international_recognition(minimum: int = 1) -> Rule:
    """Legitimate if recognised by at least ``minimum`` distinct recognizers on the date."""
    if minimum < 1:
        raise ValueError(f"minimum must be at least 1, got {minimum}")

    def rule(profile: LegitimacyProfile) -> Verdict:
        recognizers = _distinct(profile.recognitions_for, lambda fact: fact.recognizer)
        return _count(recognizers, minimum, "recognition")

    rule.__name__ = rule.__qualname__ = f"international_recognition({minimum})"
    return rule


def effective_control(minimum: int = 1) -> Rule:
    """Legitimate if it controls at least ``minimum`` places on the date."""
    if minimum < 1:
        raise ValueError(f"minimum must be at least 1, got {minimum}")

    def rule(profile: LegitimacyProfile) -> Verdict:
        places = _distinct(profile.territory, lambda fact: fact.place)
        return _count(places, minimum, "place held", "places held")

    rule.__name__ = rule.__qualname__ = f"effective_control({minimum})"
    return rule


_ADVERSE: Final = re.compile(
    r"\b(unconstitutional|invalid|illegal|unlawful|void|annul\w*|dissolv\w*)\b", re.IGNORECASE
)


def adverse_by_wording(ruling: Ruling) -> bool:
    """Whether a ruling's decision text declares its subject invalid (by its wording)."""
    return _ADVERSE.search(ruling.decision) is not None


def judicial_validity(adverse: Callable[[Ruling], bool] = adverse_by_wording) -> Rule:
    """Legitimate unless a ruling so far finds against it.

    Which rulings count as adverse is ``adverse``'s call; by default, a decision
    whose wording declares the subject unconstitutional, invalid, void or similar.
    """

    def rule(profile: LegitimacyProfile) -> Verdict:
        against = [item for item in profile.rulings if adverse(item.fact)]
        verdict = _count(against, 1, "adverse ruling")
        return Verdict(~verdict.truth, verdict.facts, verdict.reasons)

    rule.__name__ = rule.__qualname__ = "judicial_validity"
    return rule


def _combine(name: str, rules: tuple[Rule, ...], fold: Callable[[list[Truth]], Truth]) -> Rule:
    if not rules:
        raise ValueError(f"{name} needs at least one rule")

    def rule(profile: LegitimacyProfile) -> Verdict:
        verdicts = [each(profile) for each in rules]
        facts = {fact.id: fact for verdict in verdicts for fact in verdict.facts}
        reasons = tuple(
            line
            for each, verdict in zip(rules, verdicts, strict=True)
            for line in _explained(getattr(each, "__name__", "rule"), verdict)
        )
        return Verdict(fold([v.truth for v in verdicts]), tuple(facts.values()), reasons)

    rule.__name__ = rule.__qualname__ = name
    return rule


def _explained(name: str, verdict: Verdict) -> Iterator[str]:
    """A sub-rule's verdict as ``name: TRUTH``, then its own reasons indented beneath."""
    yield f"{name}: {verdict.truth.name}"
    for reason in verdict.reasons:
        yield f"  {reason}"


def all_of(*rules: Rule) -> Rule:
    """YES only if every rule says YES (Kleene and)."""
    return _combine("all_of", rules, lambda truths: _fold(truths, Truth.YES, Truth.__and__))


def any_of(*rules: Rule) -> Rule:
    """YES if some rule says YES (Kleene or)."""
    return _combine("any_of", rules, lambda truths: _fold(truths, Truth.NO, Truth.__or__))


def at_least(count: int, *rules: Rule) -> Rule:
    """YES if at least ``count`` rules say YES, NO if fewer than ``count`` could."""
    if not 1 <= count <= len(rules):
        raise ValueError(f"count must be between 1 and the {len(rules)} rules given, got {count}")

    def fold(truths: list[Truth]) -> Truth:
        if sum(t is Truth.YES for t in truths) >= count:
            return Truth.YES
        return Truth.NO if sum(t is not Truth.NO for t in truths) < count else Truth.MAYBE

    return _combine(f"at_least({count})", rules, fold)


def negation(rule: Rule) -> Rule:
    """YES where ``rule`` says NO, and the reverse; MAYBE stays MAYBE."""

    def negated(profile: LegitimacyProfile) -> Verdict:
        verdict = rule(profile)
        return Verdict(~verdict.truth, verdict.facts, verdict.reasons)

    negated.__name__ = negated.__qualname__ = f"not {getattr(rule, '__name__', 'rule')}"
    return negated


def _fold(truths: list[Truth], start: Truth, op: Callable[[Truth, Truth], Truth]) -> Truth:
    result = start
    for truth in truths:
        result = op(result, truth)
    return result
