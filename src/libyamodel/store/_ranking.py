"""Ranking names for search and suggestions: the entity a reader meant, first.

A generic fuzzy ratio favours a short name found inside a long one, so that
"Government of National Unity" once suggested ``g8`` and long source titles
outranked the body they are about. Here each typed word is matched to a word
of the candidate name (a misspelling, an abbreviation such as "Reps", or the
word itself), a name the typed words account for ranks above one they only
touch, and sources (documents, which name everything) rank below the bodies,
people and places of the same score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from libyamodel.model import Entity, Source

__all__ = ["rank_names"]

_LOOSER: Final = 0.85
"""Weight of a match found only through the looser sound-alike skeletons, which must not
tie a name matched as written (Mogherini and Macron share a skeleton)."""
_SOURCE: Final = 0.9
"""Weight of a source's title: a document is rarely what a typed name means."""
_WORD_CUTOFF: Final = 60.0
"""A typed word less like any word of the name than this matches none of them."""
_COVERED: Final = 80.0
"""A name word this like a typed word counts as accounted for."""
_LITTLE_WORDS: Final = frozenset(
    {"the", "of", "a", "an", "and", "for", "in", "on", "to"}
    | {"de", "des", "du", "d", "la", "le", "les", "l", "et", "en"}
    | {"di", "dei", "del", "della", "il", "lo", "gli", "e"}
)
"""Articles and prepositions of English, French and Italian names: "the GNU" is the GNU."""
_PREFILTER: Final = 5
"""For each result wanted, how many keys the fast scorer passes to the finer one."""


def _word_score(typed: str, word: str) -> float:
    from rapidfuzz import fuzz

    if typed == word:
        return 100.0
    if len(typed) >= 3 and word.startswith(typed):
        return 90.0  # cut short: "Presid" for Presidency
    if len(typed) >= 4 and typed[0] == word[0] and _within(typed, word):
        return 85.0  # an abbreviation: "Reps" for Representatives, "Govt" for Government
    return fuzz.ratio(typed, word)


def _within(letters: str, word: str) -> bool:
    """Whether ``letters`` appear in ``word`` in this order, perhaps with others between."""
    rest = iter(word)
    return all(letter in rest for letter in letters)


def score(query: str, key: str) -> float:
    """How well the folded ``query`` names the folded ``key``, 0 to 100."""
    from rapidfuzz import fuzz

    if query == key:
        return 100.0
    typed, words = _content(query), _content(key)
    if not typed or not words:
        return 0.0
    matched = 0.0
    covered: set[int] = set()
    for one in typed:  # each typed word stands for the one word of the name it is most like
        value, index = max((_word_score(one, word), index) for index, word in enumerate(words))
        if value >= _WORD_CUTOFF:
            matched += value
        if value >= _COVERED:
            covered.add(index)
    share = len(covered) / len(words)
    words_score = matched / len(typed) * (0.8 + 0.2 * share)
    return min(max(words_score, fuzz.ratio(query, key)), 99.0)  # only the name itself is 100


def _content(name: str) -> list[str]:
    """The words of a folded name that say what it names, or all of them if none does."""
    words = name.split()
    return [word for word in words if word not in _LITTLE_WORDS] or words


def _loose_score(query: str, key: str) -> float:
    """How well two skeletons match, whole and in any word order: their words are too short
    (Dbeibah's is ``dbh``) to be matched one by one."""
    from rapidfuzz import fuzz

    return fuzz.token_sort_ratio(query, key) * _LOOSER


def _candidates(query: str, table: Mapping[str, frozenset[str]], wanted: int) -> Iterable[str]:
    """The keys worth scoring finely: the fast scorer's best, and every key sharing a word."""
    from rapidfuzz import fuzz, process

    keys = list(table)
    fast = process.extract(query, keys, scorer=fuzz.WRatio, limit=wanted, score_cutoff=_WORD_CUTOFF)
    found = {key for key, _, _ in fast}
    typed = set(_content(query))
    found.update(key for key in keys if not typed.isdisjoint(key.split()))
    return found


def rank_names(
    tables: Iterable[tuple[str, Mapping[str, frozenset[str]], bool]],
    records: Mapping[str, object],
    limit: int,
) -> list[tuple[Entity, float]]:
    """The ``limit`` entities best named by the queries, each ``(query, key table, looser)``,
    best first, ties broken by id."""
    best: dict[str, float] = {}
    for query, table, looser in tables:
        if not query:
            continue
        for key in _candidates(query, table, limit * _PREFILTER):
            value = _loose_score(query, key) if looser else score(query, key)
            for ident in table[key]:
                near = value < 100.0 and isinstance(records[ident], Source)
                weight = _SOURCE if near else 1.0  # a title typed as written still comes first
                best[ident] = max(best.get(ident, 0.0), value * weight)
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
    found = [(records[ident], value) for ident, value in ranked]
    return [(entity, value) for entity, value in found if isinstance(entity, Entity)]
