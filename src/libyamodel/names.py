"""Finding entities by the names real sources use.

Sources spell Libyan names many ways: Qaddafi, Gaddafi and Kadhafi; al-Sarraj
and Seraj; Salamé and Salame. :class:`NameRules` folds such spellings to one
key: case, diacritics, punctuation, the Arabic article, and transliteration
variants. The variants are data, which users extend with
:meth:`NameRules.with_variants`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final, Self

import attrs

__all__ = ["DEFAULT_RULES", "NameRules"]

ARTICLES: Final = ("al", "el", "ad", "ash", "as", "at", "az", "an", "ar", "ath", "ed", "es")
"""Forms of the Arabic article dropped before a word: al-Sarraj, el-Sisi, ash-Shura."""

VARIANTS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "qaddafi": (
            "gaddafi",
            "kadhafi",
            "gadhafi",
            "qadhafi",
            "kaddafi",
            "qadafi",
            "gadafi",
            "khadafi",
            "qathafi",
            "kadafi",
            "gheddafi",
            "gueddafi",
        ),
        "sarraj": ("seraj", "serraj", "siraj"),
        "tobruk": ("tubruq", "tobrouk", "tobruch"),
        "misrata": ("misurata", "misratah", "misrate"),
        "haftar": ("hifter", "hiftar", "heftar", "hefter"),
        "dbeibah": ("dbeiba", "dbeibeh", "dabaiba"),
        "bashagha": ("bachagha", "bashaga"),
        "mishri": ("michri", "mechri"),
        "benghazi": ("banghazi", "bengasi"),
        "zintan": ("zentan",),
        "derna": ("darnah", "darna"),
        "sirte": ("sirt", "surt", "syrte"),
        "bayda": ("baida", "beida", "bayida"),
        "ghadames": ("ghadamis",),
        "owbari": ("ubari", "awbari"),
        "thinni": ("thani", "theni"),
        "hassi": ("hasi",),
        "mohammed": ("muhammad", "mohamed", "mohammad", "muhammed", "mohamad"),
        "muammar": ("moamer", "moammar", "muamar", "moamar", "mouammar"),
        "abdullah": ("abdallah", "abdulla"),
        "salame": ("salameh", "salamah"),
        "fayez": ("fayiz", "faiz"),
        "khalifa": ("khalifah", "khalifeh"),
        "tripoli": ("tarabulus",),
    }
)
"""Transliteration variants of name words, each listed under the form it folds to."""

_WORD: Final = re.compile(r"[a-z0-9]+|[\u0621-\u064a]+")
"""A word: Latin letters and digits once folded, or a run of Arabic letters."""

_ARABIC: Final = str.maketrans(
    {
        "\u0622": "\u0627",  # alef with madda: alef
        "\u0623": "\u0627",  # alef with hamza above: alef
        "\u0625": "\u0627",  # alef with hamza below: alef
        "\u0629": "\u0647",  # taa marbuta: haa
        "\u0649": "\u064a",  # alef maqsura: yaa
        "\u0640": None,  # tatweel, a stretch of the line
    }
)
"""Arabic letters written either way in names, folded to one (vowel marks go as accents do)."""
_ARABIC_ARTICLE: Final = "\u0627\u0644"  # al-, written joined to its word

_LATIN: Final = str.maketrans(
    {"æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"}
    | {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "\u0131": "i", "þ": "th", "Þ": "th"}
)
"""Latin letters that Unicode does not split into a base letter and an accent, as é is."""

_MARKS: Final = str.maketrans(dict.fromkeys("'\u2019\u2018\u02bc\u02bf\u02be`\u00b4"))
"""Apostrophes and the marks for ayn and hamza (d'union, Qur'an, Shaʿb), dropped within words."""


_SOUNDS: Final = (("kh", "k"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("gh", "g"), ("ph", "f"))
_SOUND_LETTERS: Final = str.maketrans({"q": "k", "g": "k", "c": "k", "z": "s", "w": "", "y": ""})
_VOWELS: Final = re.compile(r"[aeiou]+")
_DOUBLES: Final = re.compile(r"(.)\1+")


def _skeleton(word: str) -> str:
    for pair, single in _SOUNDS:
        word = word.replace(pair, single)
    consonants = _VOWELS.sub("", word[1:].translate(_SOUND_LETTERS))
    return _DOUBLES.sub(r"\1", word[:1].translate(_SOUND_LETTERS) + consonants) or word


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_ARABIC).translate(_LATIN))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _without_arabic_article(word: str) -> str:
    """An Arabic word without the article joined to it (al-Sarraj: Sarraj), as Latin names
    drop a separate "al"; kept where too little would be left."""
    if word.startswith(_ARABIC_ARTICLE) and len(word) > len(_ARABIC_ARTICLE) + 2:
        return word[len(_ARABIC_ARTICLE) :]
    return word


def _frozen(variants: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({key: tuple(words) for key, words in variants.items()})


@attrs.frozen(eq=False)
class NameRules:
    """How names are folded to lookup keys: articles dropped, variants merged."""

    articles: tuple[str, ...] = ARTICLES
    variants: Mapping[str, tuple[str, ...]] = attrs.field(default=VARIANTS, converter=_frozen)
    _word_map: Mapping[str, str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        word_map = {
            variant: canonical
            for canonical, variants in self.variants.items()
            for variant in variants
        }
        object.__setattr__(self, "_word_map", MappingProxyType(word_map))

    def with_variants(self, variants: Mapping[str, Iterable[str]]) -> Self:
        """New rules that also fold each listed variant to its canonical word."""
        merged = {key: tuple(value) for key, value in self.variants.items()}
        for canonical, extra in variants.items():
            canonical_key = self.words(canonical)
            if len(canonical_key) != 1:
                raise ValueError(f"a canonical form is one word, got {canonical!r}")
            key = canonical_key[0]
            merged[key] = (*merged.get(key, ()), *(_fold(word) for word in extra))
        return attrs.evolve(self, variants=merged)

    def words(self, name: str) -> tuple[str, ...]:
        """The folded words of a name, with articles and punctuation removed."""
        folded = _fold(name.translate(_MARKS))
        return tuple(
            self._word_map.get(word, word)
            for word in map(_without_arabic_article, _WORD.findall(folded))
            if word not in self.articles
        )

    def key(self, name: str) -> str:
        """The lookup key of a name: equal keys mean the same name spelled differently."""
        return " ".join(self.words(name))

    def skeleton(self, name: str) -> str:
        """A looser key for fuzzy search: each word's consonants, with sound-alikes merged.

        Kadaffi, Qaddafi and Gadhafi share ``kdf``; Muammer and Muammar ``mmr``.
        """
        return " ".join(_skeleton(word) for word in self.words(name))


DEFAULT_RULES: Final = NameRules()
"""The rules libyamodel uses unless told otherwise."""
